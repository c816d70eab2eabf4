"""whosaid: who said what, how and where in news articles.

Quotations, reported speech, speakers, cues, channels and embedded social posts, found by a
Rust library without a model. Every record is a plain dict shaped exactly like a line of
``whosaid extract`` (JSON Lines), so the JSON Schema (:func:`schema`) documents both.
Offsets are Python string indices by default (``offsets="chars"``): ``text[q["start"]:q["end"]]``
is the quotation.

>>> import whosaid
>>> r = whosaid.extract("“It is an important step,” Zalmay Khalilzad said on Sunday.")
>>> r["quotes"][0]["speaker"]["name"]
'Zalmay Khalilzad'
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from collections.abc import Mapping as _Mapping
from concurrent.futures import ThreadPoolExecutor as _Executor
from itertools import islice as _islice

from . import _whosaid

__all__ = [
    "extract",
    "extract_many",
    "review",
    "html_report",
    "schema",
    "flag_kinds",
    "statements_frame",
    "posts_frame",
    "STATEMENT_COLUMNS",
    "POST_COLUMNS",
]

__version__ = "0.1.0"

#: The columns of :func:`statements_frame`, as ``whosaid extract --format tsv`` writes them.
STATEMENT_COLUMNS = [
    "id", "kind", "text", "speaker", "role", "speaker_kind", "cue", "channel",
    "platform_or_outlet", "date",
]
#: The columns of :func:`posts_frame`, as the Spark job's posts table.
POST_COLUMNS = [
    "id", "platform", "author_name", "handle", "date", "time", "text", "url", "post_id",
]

_OFFSETS = ("chars", "bytes", "utf16")
#: Documents are analysed in batches of at most this many documents or characters.
_BATCH_DOCS = 256
_BATCH_CHARS = 8 << 20


def _check_offsets(offsets):
    if offsets not in _OFFSETS:
        raise ValueError(f'offsets must be "chars", "bytes" or "utf16", not {offsets!r}')
    return offsets


def _check_text(text, name="text"):
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray)):
            raise TypeError(f"{name} must be str, not bytes: decode it first (e.g. .decode('utf-8', 'replace'))")
        raise TypeError(f"{name} must be str, not {type(text).__name__}")
    return text


def _check_date(date):
    """The article's date as YYYY-MM-DD, or None; ValueError for anything else."""
    if date is None:
        return None
    if isinstance(date, (_dt.date, _dt.datetime)):
        return date.strftime("%Y-%m-%d")
    if not isinstance(date, str):
        raise TypeError(f"date must be a str (YYYY-MM-DD) or a datetime.date, not {type(date).__name__}")
    head = date[:10]
    try:
        _dt.date.fromisoformat(head)
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, not {date!r}") from None
    return head


def _check_id(id):
    if id is None:
        return ""
    if isinstance(id, str):
        return id
    if isinstance(id, (int, float)) and not isinstance(id, bool):
        return _json.dumps(id)
    raise TypeError(f"id must be a str or a number, not {type(id).__name__}")


def extract(text, *, id=None, date=None, html=False, offsets="chars", emit_text=False,
            doubled_apostrophes=False):
    """Analyse one document; its record as a dict (one line of ``whosaid extract``).

    text: the article (or, with ``html=True``, an HTML page: its readable text is analysed
        and the posts embedded in its markup are read; offsets are then into that text,
        which ``emit_text=True`` returns as ``record["text"]``).
    id: the record's ``id`` (default ``""``).
    date: the article's date (``"YYYY-MM-DD"`` or a ``datetime.date``), to resolve "on Sunday".
    offsets: ``"chars"`` (Python string indices, the default), ``"bytes"`` (UTF-8) or ``"utf16"``.
    doubled_apostrophes: read ``''…''`` as double quotation marks.

    Raises TypeError for a text that is not a str, ValueError for an invalid option. A
    document that the library fails on gives the CLI's error record ``{"id", "error"}``.
    """
    _check_text(text)
    out = _whosaid.analyze(text, _check_id(id), bool(html), _check_date(date),
                           _check_offsets(offsets), bool(emit_text), bool(doubled_apostrophes))
    return out


def _document(n, doc, html):
    """One input of extract_many as (id, text or reason, date, html, failed)."""
    if isinstance(doc, str):
        return (str(n), doc, None, html, False)
    if isinstance(doc, _Mapping):
        id = doc.get("id")
        try:
            id = str(n) if id is None else _check_id(id)
        except TypeError:
            id = str(id)
        text = doc.get("text")
        date = doc.get("date")
        if isinstance(date, (_dt.date, _dt.datetime)):
            date = date.strftime("%Y-%m-%d")
        elif isinstance(date, str):
            date = date[:10]
        else:
            date = None
        is_html = html or doc.get("format") == "html"
        if not isinstance(text, str):
            return (id, f'document {n} has no string field "text"', None, False, True)
        return (id, text, date, bool(is_html), False)
    raise TypeError(
        f"extract_many takes str documents or mappings with \"text\" (and \"id\", \"date\"), "
        f"not {type(doc).__name__} (document {n})"
    )


def _batches(docs, html):
    batch, size = [], 0
    for n, doc in enumerate(docs):
        d = _document(n, doc, html)
        batch.append(d)
        size += len(d[1])
        if len(batch) >= _BATCH_DOCS or size >= _BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_many(docs, *, threads=None, date=None, html=False, offsets="chars",
                 emit_text=False, doubled_apostrophes=False):
    """Analyse many documents in parallel; an iterator over their records, in input order.

    docs: any iterable (a generator included) of str documents or mappings
        ``{"id", "text", "date"}`` (``"format": "html"`` marks an HTML page, as in the CLI's
        JSONL). A str document's id is its position (``"0"``, ``"1"``, …); so is a mapping's
        without an ``id``. A mapping without a str ``"text"`` gives an error record, as the CLI
        does for such a JSONL line; any other kind of document raises TypeError.
    threads: worker threads (default: every core). The GIL is released while they work.
    date: the date of the documents that give none.

    Documents are read in batches of at most 256 documents (or 8 M characters) while the
    previous batch is analysed, so a generator of millions of documents never sits in
    memory at once; results are yielded as each batch is done.
    """
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, int):
            raise TypeError(f"threads must be an int, not {type(threads).__name__}")
        if threads < 1:
            raise ValueError(f"threads must be at least 1, not {threads}")
    options = (_check_date(date), _check_offsets(offsets), bool(emit_text),
               bool(doubled_apostrophes), threads)
    if isinstance(docs, (str, bytes, _Mapping)):
        raise TypeError("extract_many takes an iterable of documents; for one document use extract()")
    return _stream(iter(docs), bool(html), options)


def _stream(docs, html, options):
    batches = _batches(docs, html)
    with _Executor(max_workers=1, thread_name_prefix="whosaid") as pool:
        # One batch is analysed by the workers (without the GIL) while the previous one is
        # turned into dicts and yielded on this thread, and the next is read.
        pending = None
        for batch in batches:
            running = pool.submit(_whosaid.analyze_batch, batch, *options)
            if pending is not None:
                yield from pending.result().records()
            pending = running
        if pending is not None:
            yield from pending.result().records()


def review(text, *, id=None, date=None, html=False, offsets="chars"):
    """The record ``whosaid review --format json`` gives: the analysis, its ``flags`` (what
    an editor should look at: see :func:`flag_kinds`) and the analysed ``text``."""
    _check_text(text)
    out = _whosaid.review(text, _check_id(id), bool(html), _check_date(date),
                          _check_offsets(offsets))
    return _json.loads(out)


def html_report(text, *, title="", date=None, html=False):
    """The standalone review page (``whosaid review --format html``) as a str: the article
    with its statements highlighted by speaker, and its flags. No scripts, every piece of
    the article escaped."""
    _check_text(text)
    if not isinstance(title, str):
        raise TypeError(f"title must be str, not {type(title).__name__}")
    return _whosaid.html_report(text, title, bool(html), _check_date(date))


def schema():
    """The JSON Schema of a record (a dict)."""
    return _json.loads(_whosaid.schema())


def flag_kinds():
    """Every flag kind: a list of ``{"id", "doc", "note"}``."""
    return [{"id": i, "doc": d, "note": n} for i, d, n in _whosaid.flag_kinds()]


def _statement_rows(record):
    doc = record.get("id")
    if "error" in record:
        return [(doc, "error", record["error"]) + (None,) * 7]
    posts = record.get("posts") or []
    rows = []
    for q in record.get("quotes") or []:
        sp = q.get("speaker") or {}
        ch = q.get("channel") or {}
        date = (q.get("time") or {}).get("date")
        if date is None and q.get("post") is not None and q["post"] < len(posts):
            date = posts[q["post"]].get("date")
        rows.append((
            doc, q["kind"], q["text"], sp.get("name"), sp.get("role"), sp.get("kind"),
            (q.get("cue") or {}).get("lemma"), ch.get("kind"),
            ch.get("platform") or ch.get("outlet"), date,
        ))
    return rows


def _post_rows(record):
    return [
        tuple([record.get("id")] + [p.get(c) for c in POST_COLUMNS[1:]])
        for p in record.get("posts") or []
    ]


def _frame(rows, columns):
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            "statements_frame and posts_frame need pandas: pip install 'whosaid[pandas]'"
        ) from None
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.astype("string")


def _records(records):
    if isinstance(records, _Mapping):
        return [records]
    return records


def statements_frame(records):
    """One row per statement part of ``records`` (dicts, or one dict), as a pandas
    DataFrame with the columns of ``whosaid extract --format tsv`` (:data:`STATEMENT_COLUMNS`),
    every one of dtype ``string`` (missing values are ``<NA>``). An error record gives one
    row of kind ``error`` with the reason as text. Takes any iterable, a generator included."""
    rows = []
    for r in _records(records):
        rows.extend(_statement_rows(r))
    return _frame(rows, STATEMENT_COLUMNS)


def posts_frame(records):
    """One row per embedded post of ``records`` as a pandas DataFrame (:data:`POST_COLUMNS`,
    dtype ``string``)."""
    rows = []
    for r in _records(records):
        rows.extend(_post_rows(r))
    return _frame(rows, POST_COLUMNS)
