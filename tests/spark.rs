//! The Spark job (`examples/spark/whosaid_spark.py`) in Spark local mode, on the samples: its
//! statement and post tables hold exactly the rows whosaid itself writes. Needs pyspark and a
//! Java runtime; `.ci/run` installs pyspark and sets WHOSAID_REQUIRE_SPARK=1. Without them
//! (and without that variable) the test says so and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn has_pyspark() -> bool {
    Command::new("python3")
        .args(["-c", "import pyspark, pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn parquet_rows(dir: &Path) -> Vec<Vec<String>> {
    let script = "import sys, json, pyarrow.parquet as pq\n\
                  t = pq.read_table(sys.argv[1])\n\
                  for r in t.to_pylist():\n    print(json.dumps([r[c] for c in t.column_names]))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows: Vec<Vec<String>> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Vec<Option<String>>>(l)
                .unwrap()
                .into_iter()
                .map(|c| c.unwrap_or_default().replace(['\t', '\n', '\r'], " "))
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn the_spark_job_writes_what_whosaid_writes() {
    if !has_pyspark() {
        assert!(
            std::env::var_os("WHOSAID_REQUIRE_SPARK").is_none(),
            "WHOSAID_REQUIRE_SPARK is set but pyspark cannot be imported"
        );
        eprintln!("no pyspark on this machine: the Spark test is skipped (CI installs it)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("spark");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The samples as a JSONL dataset.
    let mut input = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p).unwrap();
        let id = p.file_name().unwrap().to_string_lossy().to_string();
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    let articles = dir.join("articles.jsonl");
    std::fs::write(&articles, &input).unwrap();

    // The same dataset as Parquet, with other column names.
    let parquet = dir.join("articles.parquet");
    let convert = "import sys, json, pyarrow as pa, pyarrow.parquet as pq\n\
                   rows = [json.loads(l) for l in open(sys.argv[1])]\n\
                   pq.write_table(pa.table({'url': [r['id'] for r in rows], 'body': [r['text'] for r in rows]}), sys.argv[2])";
    let out = Command::new("python3")
        .args(["-c", convert])
        .arg(&articles)
        .arg(&parquet)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let bin = env!("CARGO_BIN_EXE_whosaid");
    let job = |input: &Path, extra: &[&str], name: &str| {
        let out = Command::new("python3")
            .arg(root.join("examples/spark/whosaid_spark.py"))
            .args(["--master", "local[2]", "--binary", bin])
            .args(extra)
            .arg("--input")
            .arg(input)
            .arg("--statements-out")
            .arg(dir.join(format!("{name}-statements")))
            .arg("--posts-out")
            .arg(dir.join(format!("{name}-posts")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the Spark job failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    job(&articles, &[], "jsonl");
    let parquet_args = [
        "--input-format",
        "parquet",
        "--id-column",
        "url",
        "--text-column",
        "body",
    ];
    job(&parquet, &parquet_args, "parquet");

    // What whosaid writes itself: TSV rows, and posts from JSONL.
    let tsv = Command::new(bin)
        .args(["extract", "--format", "tsv"])
        .arg(&articles)
        .output()
        .unwrap();
    let mut expected: Vec<Vec<String>> = String::from_utf8(tsv.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    expected.sort();
    let got = parquet_rows(&dir.join("jsonl-statements"));
    assert!(got.len() > 30, "{} statement rows", got.len());
    assert_eq!(got, expected);
    assert_eq!(parquet_rows(&dir.join("parquet-statements")), expected);

    let jsonl = Command::new(bin)
        .arg("extract")
        .arg(&articles)
        .output()
        .unwrap();
    let mut handles: Vec<String> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["posts"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|p| p["handle"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    handles.sort();
    let mut got_handles: Vec<String> = parquet_rows(&dir.join("jsonl-posts"))
        .into_iter()
        .map(|r| r[3].clone())
        .collect();
    got_handles.sort();
    assert_eq!(got_handles, handles);
    assert!(handles.contains(&"@NSCAfghan".to_string()));
}
