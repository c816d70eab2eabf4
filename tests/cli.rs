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
    child.stdin.take().unwrap().write_all(stdin).unwrap();
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
