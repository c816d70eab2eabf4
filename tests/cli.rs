//! The `whosaid` command: inputs, error records, exit codes, stdin, offsets.

use std::io::Write;
use std::process::{Command, Stdio};

fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

/// Run with `args` and `stdin`; returns (exit code, stdout lines as JSON, stderr).
fn run(args: &[&str], stdin: &[u8]) -> (i32, Vec<serde_json::Value>, String) {
    let mut child = whosaid()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // (a run refused for its arguments exits before it reads its input: a broken pipe here
    // is that, not a failure)
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// Files and folders

#[test]
fn a_folder_gives_one_record_per_file_in_order() {
    let (code, lines, stderr) = run(&["extract", "samples"], b"");
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), std::fs::read_dir("samples").unwrap().count());
    assert!(ids[0].ends_with("000_27924a35f5f8de13.txt"));
    assert!(stderr.contains("0 errors"));
}

#[test]
fn a_missing_file_is_an_error_record_and_the_run_goes_on() {
    let (code, lines, _) = run(
        &[
            "extract",
            "no/such/file.txt",
            "samples/001_city_council.txt",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "no/such/file.txt");
    assert!(lines[0]["error"].as_str().unwrap().contains("cannot open"));
    assert!(lines[1]["quotes"].as_array().unwrap().len() > 3);
}

// JSON Lines

#[test]
fn jsonl_records_keep_their_ids_and_bad_lines_become_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    std::fs::write(
        &path,
        concat!(
            "{\"id\": \"a\", \"text\": \"“Yes,” she said.\"}\n",
            "not json\n",
            "{\"id\": 7, \"body\": \"no text field\"}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \"\"}\n",
        ),
    )
    .unwrap();
    let (code, lines, stderr) = run(&["extract", path.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert_eq!(lines.len(), 4, "one record per document line: {lines:?}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["text"], "Yes,");
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["id"], "7");
    assert!(lines[2]["error"].as_str().unwrap().contains("\"text\""));
    assert_eq!(lines[3]["id"], "b");
    assert_eq!(lines[3]["quotes"].as_array().unwrap().len(), 0);
    assert!(stderr.contains("2 errors"), "{stderr}");
}

#[test]
fn other_field_names() {
    let (code, lines, _) = run(
        &["extract", "--id-field", "doc", "--text-field", "body", "-"],
        b"{\"doc\": \"x1\", \"body\": \"\\\"Fine,\\\" he said.\"}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[0]["quotes"][0]["speaker"]["text"], "he");
}

// Standard input

#[test]
fn stdin_text_is_one_document() {
    let (code, lines, _) = run(&["extract"], "“Go,” said Ann Lee.".as_bytes());
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "-");
    assert_eq!(lines[0]["quotes"][0]["speaker"]["name"], "Ann Lee");
}

#[test]
fn stdin_jsonl_gives_one_line_per_line() {
    let input = "{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\",\"text\":\"b\"}\n";
    let (code, lines, _) = run(&["extract", "-"], input.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], "2");
}

// Bad text

#[test]
fn invalid_utf8_is_decoded_and_flagged() {
    let (code, lines, _) = run(&["extract"], b"\"Ok,\" he said. \xff\xfe end");
    assert_eq!(code, 0);
    assert_eq!(lines[0]["flags"][0]["kind"], "invalid_utf8");
    assert_eq!(lines[0]["quotes"][0]["text"], "Ok,");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut input = Vec::new();
    for i in 0..20000 {
        writeln!(input, "{{\"id\":\"{i}\",\"text\":\"“Yes,” she said.\"}}").unwrap();
    }
    let mut child = whosaid()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    drop(child.stdout.take()); // the reader goes away
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

// Output forms

#[test]
fn offsets_in_code_points_and_utf16() {
    let text = "“Ça va,” dit-il. \"🙂 fine,\" said Ann.";
    let (_, bytes, _) = run(&["extract"], text.as_bytes());
    let (_, chars, _) = run(&["extract", "--offsets", "chars"], text.as_bytes());
    let (_, utf16, _) = run(&["extract", "--offsets", "utf16"], text.as_bytes());
    let q = |v: &serde_json::Value| {
        let q = v["quotes"].as_array().unwrap().last().unwrap().clone();
        (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        )
    };
    let (bs, be) = q(&bytes[0]);
    assert_eq!(&text[bs..be], "🙂 fine,");
    let (cs, ce) = q(&chars[0]);
    let as_chars: String = text.chars().skip(cs).take(ce - cs).collect();
    assert_eq!(as_chars, "🙂 fine,");
    assert_eq!(chars[0]["offsets"], "chars");
    let (us, ue) = q(&utf16[0]);
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[us..ue]).unwrap(), "🙂 fine,");
}

#[test]
fn pretty_output_is_json_and_emit_text_adds_the_text() {
    let out = whosaid()
        .args([
            "extract",
            "--pretty",
            "--emit-text",
            "samples/001_city_council.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v["text"].as_str().unwrap();
    let q = &v["quotes"][0];
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], q["text"].as_str().unwrap());
}

#[test]
fn schema_subcommand_prints_the_schema() {
    let out = whosaid().arg("schema").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, whosaid::schema());
}

// Archives: HTML, gzip, WARC, TSV, threads

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let payload =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-04-12T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn html_files_gzip_and_warc_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><body><nav>Menu</nav><p>“We sail at dawn,” said the captain, Ola Berg.</p></body></html>";
    std::fs::write(dir.path().join("a.html"), html).unwrap();
    std::fs::write(
        dir.path().join("b.txt.gz"),
        gzip("“Fine,” he said.".as_bytes()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.jsonl.gz"),
        gzip(b"{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"format\":\"html\",\"text\":\"<p>\\\"Yes,\\\" she said.</p>\"}\n"),
    )
    .unwrap();
    let mut warc = warc_record("https://example.com/news/1", html);
    warc.extend(warc_record(
        "https://example.com/news/2",
        "<p>No quotes here.</p>",
    ));
    std::fs::write(dir.path().join("d.warc.gz"), gzip(&warc)).unwrap();
    let (code, lines, stderr) = run(&["extract", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert!(ids[0].ends_with("a.html"));
    assert_eq!(lines[0]["quotes"][0]["speaker"]["name"], "Ola Berg");
    assert_eq!(lines[1]["quotes"][0]["text"], "Fine,");
    assert_eq!(&ids[2..4], ["j1", "j2"]);
    assert_eq!(lines[3]["quotes"][0]["text"], "Yes,");
    assert_eq!(
        &ids[4..],
        ["https://example.com/news/1", "https://example.com/news/2"]
    );
    assert_eq!(lines[4]["quotes"][0]["speaker"]["name"], "Ola Berg");
}

#[test]
fn a_truncated_gzip_and_a_malformed_warc_are_error_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = gzip("“Fine,” he said. ".repeat(2000).as_bytes());
    gz.truncate(gz.len() / 2);
    std::fs::write(dir.path().join("a.txt.gz"), gz).unwrap();
    std::fs::write(
        dir.path().join("b.warc"),
        b"WARC/1.0\r\nthis is not a header\r\n\r\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.txt"), "“Still here,” she said.").unwrap();
    let (code, lines, _) = run(&["extract", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0]["error"].as_str().unwrap().contains("cannot read"));
    assert!(lines[1]["error"].as_str().unwrap().contains("WARC"));
    assert_eq!(lines[2]["quotes"][0]["text"], "Still here,");
}

#[test]
fn tsv_gives_one_row_per_statement() {
    let out = whosaid()
        .args([
            "extract",
            "--format",
            "tsv",
            "samples/000_27924a35f5f8de13.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][..3], ["id", "kind", "text"]);
    assert!(rows.iter().all(|r| r.len() == 10));
    let shaheen = rows
        .iter()
        .find(|r| r[2].starts_with("Today, 20 prisoners"))
        .unwrap();
    assert_eq!(shaheen[3], "Suhail Shaheen");
    assert_eq!(shaheen[6], "announce");
    assert_eq!(
        (shaheen[7], shaheen[8], shaheen[9]),
        ("social_media", "twitter", "2020-04-12")
    );
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(&format!(
            "{{\"id\":\"{i}\",\"text\":\"“Number {i},” said Ann Lee.\"}}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    std::fs::write(&path, &input).unwrap();
    let one = whosaid()
        .args(["extract", "--threads", "1", path.to_str().unwrap()])
        .output()
        .unwrap();
    let two = whosaid()
        .args(["extract", "--threads", "2", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(one.stdout, two.stdout);
    let first: serde_json::Value =
        serde_json::from_slice(one.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first["id"], "0");
}

#[test]
fn stdin_jsonl_answers_each_line_before_the_next_arrives() {
    use std::io::BufRead;
    let mut child = whosaid()
        .args(["extract", "--stdin", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(stdin, "{{\"id\":\"{i}\",\"text\":\"“Yes,” she said.\"}}").unwrap();
        stdin.flush().unwrap();
        // The answer comes while stdin is still open (a pipe from Spark works this way).
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], i.to_string());
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

// Nothing lost in silence (issue 28)

#[cfg(unix)]
#[test]
fn symbolic_links_to_files_and_folders_are_followed_and_a_loop_is_an_error_record() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let other = dir.path().join("elsewhere");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    let article = std::fs::canonicalize("samples/001_city_council.txt").unwrap();
    std::fs::write(other.join("b.txt"), "“It is over,” Smith said.").unwrap();
    symlink(&article, root.join("a.txt")).unwrap();
    symlink(&other, root.join("linked")).unwrap();
    symlink(&root, root.join("sub/loop")).unwrap();
    symlink(dir.path().join("nothing.txt"), root.join("dangling.txt")).unwrap();
    let (code, lines, stderr) = run(&["extract", root.to_str().unwrap()], b"");
    assert_eq!(code, 2, "a loop and a dangling link are errors: {stderr}");
    let id = |l: &serde_json::Value| l["id"].as_str().unwrap().to_string();
    let analysed: Vec<String> = lines
        .iter()
        .filter(|l| l["error"].is_null())
        .map(id)
        .collect();
    let failed: Vec<String> = lines
        .iter()
        .filter(|l| !l["error"].is_null())
        .map(id)
        .collect();
    assert!(
        analysed.iter().any(|i| i.ends_with("a.txt")),
        "{analysed:?}"
    );
    assert!(
        analysed.iter().any(|i| i.ends_with("linked/b.txt")),
        "{analysed:?}"
    );
    assert!(failed.iter().any(|i| i.ends_with("loop")), "{failed:?}");
    assert!(
        failed.iter().any(|i| i.ends_with("dangling.txt")),
        "{failed:?}"
    );
    assert_eq!(lines.len(), 4, "{lines:?}");
}

#[test]
fn invalid_utf8_in_a_jsonl_text_field_is_decoded_and_flagged() {
    let mut line = br#"{"id":"x","text":"Smith said the plan w"#.to_vec();
    line.push(0xff);
    line.extend_from_slice(b"rks.\"}\n");
    for offsets in ["bytes", "chars"] {
        let (code, lines, stderr) = run(&["extract", "--offsets", offsets, "-"], &line);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(lines[0]["id"], "x");
        assert!(lines[0]["error"].is_null(), "{:?}", lines[0]);
        let flag = &lines[0]["flags"][0];
        assert_eq!(flag["kind"], "invalid_utf8");
        let at = "Smith said the plan w".len();
        assert_eq!(flag["start"], at);
    }
}

#[test]
fn a_malformed_date_is_refused_with_a_message() {
    for bad in ["13/04/2020", "2020-13-01", "2020-02-30", "yesterday"] {
        let args = ["extract", "--date", bad, "samples/001_city_council.txt"];
        let (code, lines, stderr) = run(&args, b"");
        assert_eq!(code, 2, "{bad}");
        assert!(lines.is_empty());
        assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    }
    let (code, _, stderr) = run(&["review", "--date", "13/04/2020", "README.md"], b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    let args = [
        "extract",
        "--date",
        "2020-04-13",
        "samples/001_city_council.txt",
    ];
    let (code, lines, _) = run(&args, b"");
    assert_eq!(code, 0);
    assert_eq!(lines[0]["metadata"]["date"], "2020-04-13");
}

#[test]
fn a_document_over_its_work_budget_is_an_error_record_and_the_run_goes_on() {
    // A budget no analysis meets: every document becomes a record saying why.
    let input =
        b"{\"id\":\"a\",\"text\":\"Smith said so.\"}\n{\"id\":\"b\",\"text\":\"Jones said no.\"}\n";
    let (code, lines, _) = run(&["extract", "--max-document-seconds", "1e-9", "-"], input);
    assert_eq!(code, 2);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], "b");
    let error = lines[0]["error"].as_str().unwrap();
    assert!(error.contains("--max-document-seconds"), "{error}");
    let (code, lines, _) = run(&["extract", "-"], input);
    assert_eq!(code, 0);
    assert!(lines[0]["error"].is_null());
    let (code, _, stderr) = run(&["extract", "--max-document-seconds", "0", "-"], input);
    assert_eq!(code, 2);
    assert!(stderr.contains("positive"), "{stderr}");
}

#[test]
fn review_html_of_several_articles_needs_a_folder() {
    let out = whosaid()
        .args(["review", "--format", "html"])
        .args([
            "samples/001_city_council.txt",
            "samples/002_interview_styles.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}

#[test]
fn readme_flag_table_lists_every_flag_kind_in_order() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme
        .split("| flag id |")
        .nth(1)
        .expect("README has a table of flag ids");
    // Each row: | `id` | severity | …
    let rows: Vec<(&str, &str)> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            Some((cells.get(1)?.trim_matches('`'), *cells.get(2)?))
        })
        .collect();
    let kinds: Vec<(&str, &str)> = whosaid::FlagKind::ALL
        .iter()
        .map(|k| (k.id(), k.severity().id()))
        .collect();
    assert_eq!(
        rows, kinds,
        "README's flag table (id, severity) and src/model.rs's FlagKind::ALL"
    );
}

#[test]
fn a_very_large_document_is_analysed_in_pieces_into_one_record() {
    // The samples run together on one line, and with their line breaks; pieces of 2 KB.
    let mut joined = String::new();
    let mut names: Vec<_> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in &names {
        joined.push_str(&std::fs::read_to_string(p).unwrap());
        joined.push('\n');
    }
    for text in [joined.replace('\n', " "), joined.clone()] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, &text).unwrap();
        let path = path.to_str().unwrap();
        let whole = run(&["extract", path], b"").1;
        for offsets in ["bytes", "chars"] {
            let args = [
                "extract",
                "--large-document-bytes",
                "8000",
                "--offsets",
                offsets,
                "--emit-text",
                path,
            ];
            let (code, lines, stderr) = run(&args, b"");
            assert_eq!(code, 0, "{stderr}");
            assert_eq!(lines.len(), 1);
            let r = &lines[0];
            let chars: Vec<char> = text.chars().collect();
            let quotes = r["quotes"].as_array().unwrap();
            // As many statements as the whole document gives, give or take the cuts.
            let n = whole[0]["quotes"].as_array().unwrap().len();
            assert!(quotes.len() * 10 >= n * 8, "{} of {n}", quotes.len());
            let mut statements = std::collections::BTreeSet::new();
            for q in quotes {
                let (s, e) = (
                    q["start"].as_u64().unwrap() as usize,
                    q["end"].as_u64().unwrap() as usize,
                );
                let slice: String = if offsets == "bytes" {
                    text[s..e].to_string()
                } else {
                    chars[s..e].iter().collect()
                };
                assert_eq!(q["text"].as_str().unwrap(), slice);
                statements.insert(q["statement"].as_u64().unwrap());
                if let Some(e) = q["speaker"]["entity"].as_u64() {
                    let name = &r["speakers"][e as usize]["name"];
                    assert_eq!(name, &q["speaker"]["name"]);
                }
            }
            // Numbered across the pieces: 0, 1, 2, … with no number used by two pieces.
            let last = statements.iter().next_back().copied().unwrap_or(0);
            assert_eq!(statements.len() as u64, last + 1);
            assert_eq!(r["text"].as_str().unwrap(), text);
        }
    }
}

/// `--stats` prints the throughput of the article text and of what was read; the counts and
/// the worker threads are in good English ("1 document", "1 thread", "2 threads").
#[test]
fn stats_print_the_text_throughput_and_the_threads() {
    let text = b"\"We will win,\" the mayor said on Monday.";
    for (threads, named) in [("1", "on 1 thread"), ("2", "on 2 threads")] {
        let (code, lines, err) = run(&["extract", "--stats", "--threads", threads], text);
        assert_eq!((code, lines.len()), (0, 1), "{err}");
        assert!(
            err.contains("whosaid: 1 document, 1 analysed, 0 errors\n"),
            "{err}"
        );
        let line = err
            .lines()
            .find(|l| l.contains("MB of text"))
            .expect("{err}");
        assert!(
            line.starts_with("whosaid: 1 statement, 0 posts, "),
            "{line}"
        );
        assert!(line.ends_with(named), "{line}");
        assert!(err.contains("MB read (records, markup and text)"), "{err}");
    }
}
