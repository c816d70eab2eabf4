import subprocess
import sys

import pytest

import whosaid

spacy = pytest.importorskip("spacy")

TEXT = ("Afghan officials met on Monday. “It is an important step,” Zalmay Khalilzad said on "
        "Sunday in an interview with CNN. The Taliban said in a statement that the talks would go on.")


def test_component_on_blank_english():
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid")
    doc = nlp(TEXT)
    record = whosaid.extract(TEXT)
    assert doc._.whosaid == record
    assert len(doc._.statements) == len(record["quotes"]) >= 2
    first = doc._.statements[0]
    assert first.text == "It is an important step,"
    assert first._.kind == "direct"
    assert first._.speaker.text == "Zalmay Khalilzad"
    assert first._.speaker_name == "Zalmay Khalilzad"
    assert first._.cue.text == "said" and first._.cue_lemma == "say"
    assert first._.channel is not None and first._.outlet == "CNN"
    for span, q in zip(doc._.statements, record["quotes"]):
        # Aligned to the tokens, covering the words said.
        assert span.start_char <= q["start"] and span.end_char >= q["end"]
        assert span.doc is doc
    assert doc._.posts == []


def test_component_expands_to_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid", config={"date": "2020-04-13"})
    doc = nlp("He called it “absurd-ish” nonsense, said Ann Lee on Sunday.")
    for span in doc._.statements:
        assert span.text.strip()
    assert doc._.statements[0]._.date in (None, "2020-04-12")


def test_registered_by_entry_point():
    # A fresh interpreter that never imports whosaid: spaCy finds the factory by itself.
    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('whosaid'); "
            "d = nlp('“Yes,” she said.'); print(len(d._.statements))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"
