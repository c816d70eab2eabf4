//! The `whosaid` command: reads files, folders, JSONL and stdin, writes JSON Lines.
//!
//! Thin by design: flags, walking, reading, printing. All analysis is in the library.
//! Every input document yields exactly one output line (its analysis, or `{"id", "error"}`);
//! exit status 0 when every document was analysed, 2 when any failed; a closed stdout pipe
//! ends the run quietly.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use whosaid::{Analysis, ErrorRecord, OffsetUnit, Options, Record};

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, how and where, in news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents and write one JSON object per document (JSON Lines).
    Extract(ExtractArgs),
    /// Print the JSON Schema of an output line.
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum Offsets {
    Bytes,
    Chars,
    Utf16,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum StdinFormat {
    /// JSONL when the first character is `{`, else one text document.
    Auto,
    Jsonl,
    Text,
}

#[derive(Parser)]
struct ExtractArgs {
    /// Files and folders (read recursively); `-` or nothing for standard input.
    paths: Vec<PathBuf>,
    /// JSONL field holding a document's id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field holding a document's text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Indented JSON instead of one line per document.
    #[arg(long)]
    pretty: bool,
    /// Unit of the offsets: UTF-8 bytes, code points (Python) or UTF-16 units (JavaScript).
    #[arg(long, value_enum, default_value = "bytes")]
    offsets: Offsets,
    /// Add the analysed text to each record.
    #[arg(long)]
    emit_text: bool,
    /// The articles' date (YYYY-MM-DD), to resolve "on Sunday" (a JSONL `date` field wins).
    #[arg(long)]
    date: Option<String>,
    /// How to read standard input.
    #[arg(long, value_enum, default_value = "auto")]
    stdin: StdinFormat,
    /// Read two apostrophes (''…'') as double quotation marks (New York Times archives).
    #[arg(long)]
    doubled_apostrophes: bool,
    /// Print documents, statements, posts, errors and throughput to stderr at the end.
    #[arg(long)]
    stats: bool,
}

#[derive(Default)]
struct Tally {
    documents: usize,
    errors: usize,
    statements: usize,
    posts: usize,
    bytes: usize,
}

struct Run<'a> {
    args: &'a ExtractArgs,
    out: io::BufWriter<io::StdoutLock<'static>>,
    tally: Tally,
    /// Flush after every record (reading a pipe, e.g. from Spark).
    flush_each: bool,
}

/// The output ended (a closed pipe): stop quietly.
struct Closed;

impl Run<'_> {
    fn options(&self, date: Option<String>) -> Options {
        Options {
            date: date.or_else(|| self.args.date.clone()),
            emit_text: self.args.emit_text,
            doubled_apostrophes: self.args.doubled_apostrophes,
            offsets: match self.args.offsets {
                Offsets::Bytes => OffsetUnit::Bytes,
                Offsets::Chars => OffsetUnit::Chars,
                Offsets::Utf16 => OffsetUnit::Utf16,
            },
        }
    }

    fn write(&mut self, record: &Record) -> Result<(), Closed> {
        let line = if self.args.pretty {
            serde_json::to_string_pretty(record)
        } else {
            serde_json::to_string(record)
        }
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise: {e}\"}}"));
        let res = writeln!(self.out, "{line}").and_then(|_| {
            if self.flush_each {
                self.out.flush()
            } else {
                Ok(())
            }
        });
        res.map_err(|_| Closed)
    }

    fn analysed(&mut self, id: String, bytes: &[u8], date: Option<String>) -> Result<(), Closed> {
        let mut a: Analysis = whosaid::analyze_bytes(bytes, &self.options(date));
        a.id = id;
        self.tally.documents += 1;
        self.tally.bytes += bytes.len();
        self.tally.statements += a
            .quotes
            .iter()
            .map(|q| q.statement)
            .collect::<std::collections::HashSet<_>>()
            .len();
        self.tally.posts += a.posts.len();
        self.write(&Record::Analysis(Box::new(a)))
    }

    fn failed(&mut self, id: String, error: String) -> Result<(), Closed> {
        self.tally.documents += 1;
        self.tally.errors += 1;
        self.write(&Record::Error(ErrorRecord { id, error }))
    }

    fn jsonl(&mut self, name: &str, reader: impl BufRead) -> Result<(), Closed> {
        for (n, line) in reader.split(b'\n').enumerate() {
            let fallback_id = format!("{name}:{}", n + 1);
            let line = match line {
                Ok(l) => l,
                Err(e) => return self.failed(fallback_id, format!("cannot read: {e}")),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_slice(&line) {
                Ok(v) => v,
                Err(e) => {
                    self.failed(fallback_id, format!("line {} is not JSON: {e}", n + 1))?;
                    continue;
                }
            };
            let id = match value.get(&self.args.id_field) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => fallback_id,
                Some(other) => other.to_string(),
            };
            let date = value
                .get("date")
                .and_then(|d| d.as_str())
                .map(|d| d.chars().take(10).collect());
            match value.get(&self.args.text_field).and_then(|t| t.as_str()) {
                Some(text) => self.analysed(id, text.as_bytes(), date)?,
                None => self.failed(
                    id,
                    format!(
                        "line {} has no string field \"{}\"",
                        n + 1,
                        self.args.text_field
                    ),
                )?,
            }
        }
        Ok(())
    }

    fn file(&mut self, path: &Path) -> Result<(), Closed> {
        let id = path.display().to_string();
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return self.failed(id, format!("cannot open: {e}")),
        };
        if is_jsonl {
            return self.jsonl(&id, BufReader::new(file));
        }
        let mut bytes = Vec::new();
        match BufReader::new(file).read_to_end(&mut bytes) {
            Ok(_) => self.analysed(id, &bytes, None),
            Err(e) => self.failed(id, format!("cannot read: {e}")),
        }
    }

    fn stdin(&mut self) -> Result<(), Closed> {
        self.flush_each = true;
        let mut reader = BufReader::new(io::stdin().lock());
        let format = match self.args.stdin {
            StdinFormat::Auto => {
                let head = reader.fill_buf().map(|b| b.to_vec()).unwrap_or_default();
                match head.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'{') => StdinFormat::Jsonl,
                    _ => StdinFormat::Text,
                }
            }
            f => f,
        };
        if format == StdinFormat::Jsonl {
            return self.jsonl("-", reader);
        }
        let mut bytes = Vec::new();
        match reader.read_to_end(&mut bytes) {
            Ok(_) => self.analysed("-".into(), &bytes, None),
            Err(e) => self.failed("-".into(), format!("cannot read standard input: {e}")),
        }
    }

    fn path(&mut self, path: &Path) -> Result<(), Closed> {
        if path.as_os_str() == "-" {
            return self.stdin();
        }
        if !path.is_dir() {
            return self.file(path);
        }
        let mut entries: Vec<walkdir::DirEntry> = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => entries.push(e),
                Ok(_) => {}
                Err(e) => {
                    let id = e
                        .path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                    self.failed(id, format!("cannot read: {e}"))?;
                }
            }
        }
        for e in entries {
            self.file(e.path())?;
        }
        Ok(())
    }
}

fn extract(args: &ExtractArgs) -> i32 {
    let started = Instant::now();
    let mut run = Run {
        args,
        out: io::BufWriter::new(io::stdout().lock()),
        tally: Tally::default(),
        flush_each: false,
    };
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut closed = false;
    for p in &paths {
        if run.path(p).is_err() {
            closed = true;
            break;
        }
    }
    if !closed && run.out.flush().is_err() {
        closed = true;
    }
    let t = &run.tally;
    if closed {
        return if t.errors > 0 { 2 } else { 0 };
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "whosaid: {} documents, {} analysed, {} errors",
        t.documents,
        t.documents - t.errors,
        t.errors
    );
    if args.stats {
        eprintln!(
            "whosaid: {} statements, {} posts, {:.2} MB in {:.3} s, {:.1} MB/s",
            t.statements,
            t.posts,
            t.bytes as f64 / 1e6,
            secs,
            t.bytes as f64 / 1e6 / secs
        );
    }
    if t.errors > 0 { 2 } else { 0 }
}

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Extract(args) => extract(args),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&whosaid::schema()).unwrap_or_default();
            let _ = writeln!(io::stdout(), "{schema}");
            0
        }
    };
    std::process::exit(code);
}
