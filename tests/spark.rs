//! The Spark job (`examples/spark/whosaid_spark.py`) on the samples, run exactly as README
//! says, in both forms: local mode (`python3 … --master local[2] --binary PATH`) and the
//! cluster form (`spark-submit --files whosaid …`, here with a local master). Its statement
//! and post tables hold exactly the rows whosaid itself writes, and the binary reads each
//! document once (one pass per partition for both tables). Needs pyspark and a Java runtime:
//! under `CI=true` (or WHOSAID_REQUIRE_SPARK=1) their absence fails the test; elsewhere the
//! test says loudly on the terminal that it skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn has_pyspark() -> bool {
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    java && Command::new("python3")
        .args(["-c", "import pyspark, pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether a missing tool must fail the test: on CI, or when asked.
fn required() -> bool {
    std::env::var_os("WHOSAID_REQUIRE_SPARK").is_some()
        || std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A wrapper around the binary that appends every line it reads to `log`: how many times
/// the job fed each document to whosaid.
fn counting_binary(dir: &Path, bin: &str, log: &Path) -> PathBuf {
    let path = dir.join("whosaid");
    let script = format!(
        "#!/bin/sh\ntee -a '{}' | exec '{}' \"$@\"\n",
        log.display(),
        bin
    );
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
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
            !required(),
            "the Spark test needs pyspark, pyarrow and Java (CI=true or WHOSAID_REQUIRE_SPARK is \
             set): `python3 -m pip install pyspark==3.5.3 pyarrow` and a Java runtime \
             (`apt-get install default-jre-headless`)"
        );
        // Straight to the terminal, past the test harness's capture.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the_spark_job_writes_what_whosaid_writes: no pyspark/pyarrow or no Java \
             on this machine (CI installs them; see README, On Apache Spark) ***\n"
        );
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
    let log = dir.join("fed.jsonl");
    let counting = counting_binary(&dir, bin, &log);
    let job = |input: &Path, extra: &[&str], name: &str| {
        // README's local form: python3 JOB --master local[2] --binary PATH …
        let out = Command::new("python3")
            .arg(root.join("examples/spark/whosaid_spark.py"))
            .args(["--master", "local[2]", "--binary"])
            .arg(&counting)
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
    // One pass: every document went through the binary once, for both tables.
    let fed = std::fs::read(&log).unwrap();
    assert_eq!(
        fed.iter().filter(|&&b| b == b'\n').count(),
        names.len(),
        "each document is piped through whosaid exactly once"
    );
    // README's cluster form, with a local master: spark-submit --files BINARY JOB …
    let out = Command::new("spark-submit")
        .args(["--master", "local[2]", "--files"])
        .arg(bin)
        .arg(root.join("examples/spark/whosaid_spark.py"))
        .arg("--input")
        .arg(&articles)
        .arg("--statements-out")
        .arg(dir.join("submit-statements"))
        .arg("--posts-out")
        .arg(dir.join("submit-posts"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "spark-submit --files failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert_eq!(parquet_rows(&dir.join("submit-statements")), expected);

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
