import pytest

import whosaid
from conftest import HTML, ROOT, SAMPLES

pd = pytest.importorskip("pandas")


def test_statements_frame_columns_and_dtypes():
    records = list(whosaid.extract_many(p.read_text(encoding="utf-8") for p in SAMPLES))
    df = whosaid.statements_frame(records)
    assert list(df.columns) == whosaid.STATEMENT_COLUMNS == [
        "id", "kind", "text", "speaker", "role", "speaker_kind", "cue", "channel",
        "platform_or_outlet", "date"]
    assert all(str(t) == "string" for t in df.dtypes)
    assert len(df) == sum(len(r["quotes"]) for r in records) > 50
    assert set(df["kind"]) <= {"direct", "partial", "indirect", "post"}
    assert df["speaker"].isna().sum() < len(df)


def test_statements_frame_equals_cli_tsv(cli):
    rels = [str(p.relative_to(ROOT)) for p in SAMPLES]
    tsv = cli("extract", "--format", "tsv", *rels).splitlines()
    assert tsv[0].split("\t") == whosaid.STATEMENT_COLUMNS
    records = [whosaid.extract(p.read_text(encoding="utf-8"), id=r) for p, r in zip(SAMPLES, rels)]
    df = whosaid.statements_frame(records)
    clean = lambda v: "" if v is pd.NA else v.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    rows = ["\t".join(clean(v) for v in row) for row in df.itertuples(index=False)]
    assert rows == tsv[1:]


def test_error_rows_and_posts_frame():
    records = list(whosaid.extract_many(
        [{"id": "bad"}] + [{"id": p.name, "text": p.read_text(encoding="utf-8"), "format": "html"}
                           for p in HTML]))
    df = whosaid.statements_frame(records)
    assert df.iloc[0]["kind"] == "error" and df.iloc[0]["id"] == "bad"
    posts = whosaid.posts_frame(records)
    assert list(posts.columns) == whosaid.POST_COLUMNS
    assert all(str(t) == "string" for t in posts.dtypes)
    assert len(posts) == sum(len(r.get("posts", [])) for r in records) > 0


def test_empty_frames():
    assert list(whosaid.statements_frame([]).columns) == whosaid.STATEMENT_COLUMNS
    assert len(whosaid.posts_frame(whosaid.extract("Nothing."))) == 0
