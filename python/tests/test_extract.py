import json

import pytest

import whosaid
from conftest import HTML, ROOT, SAMPLES

USER_ARTICLE = "“It is an important step,” Zalmay Khalilzad said on Sunday."
UNICODE = (
    "Café owners in Zürich 🇨🇭 were worried. “Prices 😀 are rising faster than ever,” "
    "said Zoë Müller, the association’s président. She told CNN: “We need help now.”"
)


def test_example():
    r = whosaid.extract(USER_ARTICLE)
    q = r["quotes"][0]
    assert q["speaker"]["name"] == "Zalmay Khalilzad"
    assert q["cue"]["lemma"] == "say"
    assert r["id"] == "" and r["offsets"] == "chars"


@pytest.mark.parametrize("offsets", ["bytes", "chars", "utf16"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_record_equals_cli(cli, path, offsets):
    rel = str(path.relative_to(ROOT))
    expected = json.loads(cli("extract", "--offsets", offsets, rel))
    text = path.read_text(encoding="utf-8")
    got = whosaid.extract(text, id=rel, offsets=offsets)
    assert got == expected
    # The same keys in the same order: the dict prints as the JSON line.
    assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


@pytest.mark.parametrize("path", HTML, ids=lambda p: p.name)
def test_html_record_equals_cli(cli, path):
    rel = str(path.relative_to(ROOT))
    expected = json.loads(cli("extract", "--offsets", "chars", "--emit-text", rel))
    got = whosaid.extract(path.read_text(encoding="utf-8"), id=rel, html=True, emit_text=True)
    assert got == expected
    assert got["posts"], "the fixture embeds posts"


def test_extract_many_equals_cli_jsonl(cli, tmp_path):
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "date": "2021-03-04"}
            for p in SAMPLES]
    docs += [{"id": p.name, "text": p.read_text(encoding="utf-8"), "format": "html"}
             for p in HTML]
    docs.append({"id": 7, "text": USER_ARTICLE})
    docs.append({"id": "no-text", "body": "nothing"})
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    expected = [json.loads(line) for line in
                cli("extract", "--offsets", "chars", str(jsonl)).splitlines()]
    got = list(whosaid.extract_many(docs))
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        if "error" in e:
            # The CLI names the line, the package the document.
            assert g["id"] == e["id"] and "text" in g["error"]
        else:
            assert g == e


def _slices(text, r, unit):
    enc = {"bytes": "utf-8", "utf16": "utf-16-le"}.get(unit)
    width = 2 if unit == "utf16" else 1

    def cut(part):
        if enc is None:
            return text[part["start"]:part["end"]]
        b = text.encode(enc)
        return b[part["start"] * width:part["end"] * width].decode(enc)

    n = 0
    for q in r["quotes"]:
        for key in ("speaker", "cue", "time"):
            if q.get(key):
                assert cut(q[key]) == q[key]["text"], (key, q[key])
                n += 1
    for x in r["non_speech"]:
        assert cut(x) == x["text"]
    return n


@pytest.mark.parametrize("unit", ["chars", "bytes", "utf16"])
def test_offsets_slice_strings(unit):
    total = 0
    for text in [UNICODE, USER_ARTICLE] + [p.read_text(encoding="utf-8") for p in SAMPLES]:
        r = whosaid.extract(text, offsets=unit)
        assert r["offsets"] == unit
        total += _slices(text, r, unit)
    assert total > 20


def test_quote_offsets_in_chars():
    r = whosaid.extract(UNICODE)
    texts = [UNICODE[q["start"]:q["end"]] for q in r["quotes"]]
    assert "Prices 😀 are rising faster than ever," in texts
    for q in r["quotes"]:
        assert UNICODE[q["start"]:q["end"]] == q["text"]


def test_date_resolves_days():
    r = whosaid.extract(USER_ARTICLE, date="2020-04-13")
    assert r["quotes"][0]["time"]["date"] == "2020-04-12"
    import datetime
    assert whosaid.extract(USER_ARTICLE, date=datetime.date(2020, 4, 13)) == r


def test_errors_are_exceptions():
    with pytest.raises(TypeError, match="str, not bytes"):
        whosaid.extract(b"bytes")
    with pytest.raises(TypeError, match="not int"):
        whosaid.extract(3)
    with pytest.raises(ValueError, match="offsets"):
        whosaid.extract("x", offsets="words")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        whosaid.extract("x", date="yesterday")
    with pytest.raises(TypeError):
        whosaid.extract("x", id=object())
    with pytest.raises(TypeError):
        list(whosaid.extract_many(["ok", 5]))
    with pytest.raises(ValueError):
        whosaid.extract_many(["x"], threads=0)
    with pytest.raises(TypeError):
        whosaid.extract_many("a string is one document")


def test_empty_and_odd_documents():
    assert whosaid.extract("")["quotes"] == []
    r = whosaid.extract("\ud800 lone surrogate “hi,” he said".encode("utf-8", "surrogatepass")
                        .decode("utf-8", "replace"))
    assert r["id"] == ""
    assert whosaid.extract("<p>“Yes,” she said.</p>", html=True)["quotes"]


def test_review_and_report():
    r = whosaid.review('"Nobody in this building has read all of it, and nobody will."\n')
    assert r["text"].startswith('"Nobody')
    kinds = {f["kind"] for f in r["flags"]}
    assert "unattributed_quote" in kinds
    ids = {k["id"] for k in whosaid.flag_kinds()}
    assert kinds <= ids and "loaded_verb" in ids
    page = whosaid.html_report('“<script>alert(1)</script>,” he said.', title="t<i>")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "<script>alert" not in page
    assert whosaid.schema()["title"]
