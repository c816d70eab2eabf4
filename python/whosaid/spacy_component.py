"""The spaCy component: ``nlp.add_pipe("whosaid")``.

Registered through spaCy's ``spacy_factories`` entry point, so it works on any pipeline
(``spacy.blank("en")`` included) once whosaid is installed; importing this module registers
it too. It needs no tagger or parser: whosaid reads the text itself, and its spans are
aligned to the pipeline's tokens (``alignment_mode="expand"``).

On the ``Doc``:
    ``doc._.statements``: a ``Span`` for each statement part (the words said), in document order.
    ``doc._.posts``: a ``Span`` for each embedded social post.
    ``doc._.whosaid``: the whole record, a dict as :func:`whosaid.extract` gives (char offsets).

On a statement's ``Span``: ``_.kind`` (direct, partial, indirect, post), ``_.statement`` (parts
of one statement share it), ``_.speaker``, ``_.cue``, ``_.channel`` (``Span`` or None),
``_.speaker_name``, ``_.speaker_kind``, ``_.speaker_role``, ``_.cue_lemma``, ``_.channel_kind``,
``_.platform``, ``_.outlet``, ``_.date`` and ``_.record`` (the quote's dict). On a post's
``Span``: ``_.post`` (the post's dict) and ``_.platform``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extract

_SPAN_ATTRS = (
    "kind", "statement", "speaker", "cue", "channel", "speaker_name", "speaker_kind",
    "speaker_role", "cue_lemma", "channel_kind", "platform", "outlet", "date", "record", "post",
)


def _register():
    for name in ("statements", "posts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("whosaid"):
        Doc.set_extension("whosaid", default=None)
    for name in _SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register()


def _span(doc, part, label=""):
    if not part:
        return None
    return doc.char_span(part["start"], part["end"], label=label, alignment_mode="expand")


class WhosaidComponent:
    """Sets ``doc._.statements``, ``doc._.posts`` and ``doc._.whosaid`` (see the module)."""

    def __init__(self, nlp, name="whosaid", date=None, doubled_apostrophes=False):
        self.name = name
        self.date = date
        self.doubled_apostrophes = doubled_apostrophes

    def __call__(self, doc):
        record = extract(doc.text, date=self.date, offsets="chars",
                         doubled_apostrophes=self.doubled_apostrophes)
        doc._.whosaid = record
        posts = []
        for p in record.get("posts", []):
            span = _span(doc, p, "POST")
            if span is None:
                continue
            span._.post = p
            span._.platform = p.get("platform")
            posts.append(span)
        statements = []
        for q in record.get("quotes", []):
            span = _span(doc, q, "QUOTE")
            if span is None:
                continue
            sp = q.get("speaker") or {}
            cue = q.get("cue") or {}
            ch = q.get("channel") or {}
            span._.record = q
            span._.kind = q["kind"]
            span._.statement = q["statement"]
            span._.speaker = _span(doc, q.get("speaker"), "SPEAKER")
            span._.cue = _span(doc, q.get("cue"), "CUE")
            span._.channel = _span(doc, q.get("channel"), "CHANNEL")
            span._.speaker_name = sp.get("name")
            span._.speaker_kind = sp.get("kind")
            span._.speaker_role = sp.get("role")
            span._.cue_lemma = cue.get("lemma")
            span._.channel_kind = ch.get("kind")
            span._.platform = ch.get("platform")
            span._.outlet = ch.get("outlet")
            span._.date = (q.get("time") or {}).get("date")
            if q.get("post") is not None:
                span._.post = record["posts"][q["post"]]
            statements.append(span)
        doc._.statements = statements
        doc._.posts = posts
        return doc


@Language.factory(
    "whosaid",
    default_config={"date": None, "doubled_apostrophes": False},
)
def make_whosaid(nlp, name, date, doubled_apostrophes):
    """The factory behind ``nlp.add_pipe("whosaid", config={"date": "2020-04-13"})``."""
    return WhosaidComponent(nlp, name, date=date, doubled_apostrophes=doubled_apostrophes)
