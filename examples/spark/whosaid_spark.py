"""Run whosaid over a dataset of articles on Apache Spark.

Reads a JSONL (or JSON) or Parquet dataset of articles, pipes each partition once through the
`whosaid` binary (`whosaid extract --stdin jsonl -`: one JSON line in, one JSON line out, in
order), and writes two Parquet tables from that one pass: the statements (one row per
statement part, the columns of `whosaid extract --format tsv`) and the embedded posts.

Local mode (no cluster; what tests/spark.rs runs):

    python3 examples/spark/whosaid_spark.py --master 'local[2]' \
        --binary "$PWD/target/release/whosaid" --input articles.jsonl \
        --statements-out out/statements --posts-out out/posts

On a cluster, the binary shipped to each executor's working directory with `--files`:

    spark-submit --files target/release/whosaid examples/spark/whosaid_spark.py \
        --input s3://bucket/articles/ --input-format parquet \
        --id-column url --text-column body \
        --statements-out s3://bucket/whosaid/statements --posts-out s3://bucket/whosaid/posts

Without `--binary`, the job runs the binary that `--files` shipped: `./whosaid` in each
executor's working directory on a cluster, Spark's copy of it in local mode (so the
`spark-submit --files` command works on one machine too). Or bake the binary into the executors'
image and pass its path. It needs nothing else: no model, no network.
"""
import argparse
import json

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

STATEMENT_COLUMNS = [
    "id", "kind", "text", "speaker", "role", "speaker_kind", "cue", "channel",
    "platform_or_outlet", "date",
]
POST_COLUMNS = [
    "id", "platform", "author_name", "handle", "date", "time", "text", "url", "post_id",
]


def statement_rows(record):
    """The rows of one whosaid record, as `--format tsv` writes them."""
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


def post_rows(record):
    return [
        tuple([record.get("id")] + [p.get(c) for c in POST_COLUMNS[1:]])
        for p in record.get("posts") or []
    ]


def binary(spark, args):
    """The binary the executors run: `--binary`, else the copy `--files` shipped."""
    if args.binary:
        return args.binary
    if spark.sparkContext.master.startswith("local"):
        # Local mode: the executor is this process; Spark keeps shipped files in its own folder.
        return SparkFiles.get("whosaid")
    return "./whosaid"


def run(spark, args):
    reader = spark.read
    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "json")
    df = reader.parquet(args.input) if fmt == "parquet" else reader.json(args.input)
    docs = df.select(
        F.col(args.id_column).cast("string").alias("id"),
        F.col(args.text_column).cast("string").alias("text"),
    )
    piped = docs.toJSON().pipe(f"{binary(spark, args)} extract --stdin jsonl -")
    # One pass of the binary per partition: each record becomes its statement rows and its
    # post rows at once, tagged, and that one result is kept (on disk when memory is short)
    # while the two tables are written from it.
    tagged = piped.map(json.loads).flatMap(
        lambda r: [("s", row) for row in statement_rows(r)] + [("p", row) for row in post_rows(r)]
    ).persist(StorageLevel.MEMORY_AND_DISK)
    string = T.StringType()
    statements = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "s").map(lambda t: t[1]),
        T.StructType([T.StructField(c, string) for c in STATEMENT_COLUMNS]),
    )
    posts = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "p").map(lambda t: t[1]),
        T.StructType([T.StructField(c, string) for c in POST_COLUMNS]),
    )
    try:
        statements.write.mode("overwrite").parquet(args.statements_out)
        posts.write.mode("overwrite").parquet(args.posts_out)
    finally:
        tagged.unpersist()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", required=True, help="JSONL/JSON or Parquet dataset of articles")
    p.add_argument("--input-format", choices=["json", "parquet"], help="default: by the path's ending")
    p.add_argument("--id-column", default="id")
    p.add_argument("--text-column", default="text")
    p.add_argument("--binary", help="the whosaid binary on the executors (default: the one --files shipped)")
    p.add_argument("--statements-out", required=True)
    p.add_argument("--posts-out", required=True)
    p.add_argument("--master", help="e.g. local[2] to run without a cluster")
    args = p.parse_args(argv)
    builder = SparkSession.builder.appName("whosaid")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
