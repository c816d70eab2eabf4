//! The `whosaid` command: reads files, folders, JSONL, HTML, gzip and WARC archives and
//! standard input; writes JSON Lines (or TSV).
//!
//! Thin by design: flags, walking, reading, batching over threads, printing. All analysis is
//! in the library. Every input document yields exactly one output record (its analysis, or
//! `{"id", "error"}`), in input order; exit status 0 when every document was analysed, 2 when
//! any failed; a closed stdout pipe ends the run quietly. Memory stays bounded: documents are
//! read as a stream and analysed in batches of bounded size.

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use whosaid::{Analysis, ErrorRecord, OffsetUnit, Options, Record};

// The analysis allocates many small, short-lived vectors and strings per document;
// mimalloc's thread-local free lists serve them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Analyse documents and write one record per document.
    Extract(ExtractArgs),
    /// Review articles before publication: statements by speaker, then every flag as a
    /// diagnostic with line:column (or a JSON record, or a standalone HTML page).
    Review(ReviewArgs),
    /// Print the JSON Schema of an output line.
    Schema,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ReviewFormat {
    Text,
    Json,
    Html,
}

#[derive(Parser)]
struct ReviewArgs {
    /// Article files (.txt, .html).
    #[arg(required = true)]
    articles: Vec<PathBuf>,
    /// What to write.
    #[arg(long, value_enum, default_value = "text")]
    format: ReviewFormat,
    /// With --format html: the page to write (a folder when several articles are given).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit 1 when a flag of one of these kinds is found (comma-separated ids, or "all").
    #[arg(long, value_delimiter = ',')]
    fail_on: Vec<String>,
    /// The articles' date (YYYY-MM-DD), to resolve "on Sunday".
    #[arg(long)]
    date: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Offsets {
    Bytes,
    Chars,
    Utf16,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum StdinFormat {
    /// JSONL when the first character is `{`, HTML when it is `<`, else one text document.
    Auto,
    Jsonl,
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum OutFormat {
    /// One JSON object per document.
    Jsonl,
    /// One row per statement: id, kind, text, speaker, role, speaker kind, cue, channel,
    /// platform or outlet, date.
    Tsv,
}

#[derive(Parser)]
struct ExtractArgs {
    /// Files and folders (read recursively); `-` or nothing for standard input. `.jsonl`,
    /// `.html`, `.warc` and any of them gzip-compressed (`.gz`) are read as such.
    paths: Vec<PathBuf>,
    /// JSONL field holding a document's id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field holding a document's text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutFormat,
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
    /// Worker threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
    /// Print documents, statements, posts, errors and throughput to stderr at the end.
    #[arg(long)]
    stats: bool,
}

/// A document as read, before analysis.
struct Doc {
    id: String,
    body: Result<Body, String>,
    date: Option<String>,
}

enum Body {
    Text(Vec<u8>),
    Html(Vec<u8>),
    /// A JSONL line (its number, 1-based), read into a document by the worker that analyses
    /// it, so that parsing runs on every core.
    Line(usize, Vec<u8>),
}

/// What a worker hands back for one document: the rendered output and its counts.
struct Done {
    out: String,
    /// Bytes of input (a JSONL line with its annotations, a file) and of text analysed.
    input: usize,
    bytes: usize,
    error: bool,
    statements: usize,
    posts: usize,
}

#[derive(Default)]
struct Tally {
    documents: usize,
    errors: usize,
    statements: usize,
    posts: usize,
    /// Text analysed, and input read (records with their other fields, markup).
    bytes: usize,
    input: usize,
}

/// The output ended (a closed pipe): stop quietly.
struct Closed;

/// Documents are analysed in batches of at most this many documents or bytes.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 8 << 20;

/// The reading side: documents are gathered into batches and handed to the [`Sink`], which
/// analyses one batch on the workers while this thread reads the next.
struct Run<'a> {
    args: &'a ExtractArgs,
    batch: Vec<Doc>,
    batch_bytes: usize,
    /// Flush after every batch (reading a pipe, e.g. from Spark).
    flush_each: bool,
    to_sink: std::sync::mpsc::SyncSender<(Vec<Doc>, bool)>,
}

/// The analysing and writing side: batches in, records out in input order.
struct Sink<'a> {
    args: &'a ExtractArgs,
    options: Options,
    out: io::BufWriter<io::Stdout>,
    tally: Tally,
    progress: Option<indicatif::ProgressBar>,
    header_written: bool,
}

impl Sink<'_> {
    fn batch(&mut self, batch: Vec<Doc>, flush: bool) -> Result<(), Closed> {
        let (options, args) = (&self.options, self.args);
        // Reading a line, analysing and rendering run on the workers; this thread only
        // writes, in input order.
        let done: Vec<Done> = batch
            .into_par_iter()
            .map(|doc| {
                let input = match &doc.body {
                    Ok(Body::Line(_, l)) => l.len() + 1,
                    Ok(Body::Text(b) | Body::Html(b)) => b.len(),
                    Err(_) => 0,
                };
                // A bug must cost one document, never the batch: its record says so, under
                // the document's own id (a JSONL line is read first, to know it).
                let fallback = doc.id.clone();
                let doc =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_line(doc, args)))
                        .unwrap_or_else(|_| Doc {
                            id: fallback,
                            body: Err(
                                "internal error while reading this line (please report it)".into()
                            ),
                            date: None,
                        });
                let id = doc.id.clone();
                let (record, bytes) =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        analyse(doc, options)
                    }))
                    .unwrap_or_else(|_| {
                        let error =
                            "internal error while analysing this document (please report it)"
                                .into();
                        (Record::Error(ErrorRecord { id, error }), 0)
                    });
                let (error, statements, posts) = match &record {
                    Record::Error(_) => (true, 0, 0),
                    Record::Analysis(a) => {
                        let mut ids: Vec<usize> = a.quotes.iter().map(|q| q.statement).collect();
                        ids.sort_unstable();
                        ids.dedup();
                        (false, ids.len(), a.posts.len())
                    }
                };
                Done {
                    out: render(&record, args),
                    input,
                    bytes,
                    error,
                    statements,
                    posts,
                }
            })
            .collect();
        for d in done {
            self.tally.errors += usize::from(d.error);
            self.tally.statements += d.statements;
            self.tally.posts += d.posts;
            self.tally.documents += 1;
            self.tally.bytes += d.bytes;
            self.tally.input += d.input;
            if let Some(p) = &self.progress {
                p.inc(d.bytes as u64);
                p.set_message(format!("{} documents", self.tally.documents));
            }
            if self.args.format == OutFormat::Tsv && !self.header_written {
                self.header_written = true;
                self.out
                    .write_all(TSV_HEADER.as_bytes())
                    .map_err(|_| Closed)?;
            }
            self.out.write_all(d.out.as_bytes()).map_err(|_| Closed)?;
        }
        if flush {
            self.out.flush().map_err(|_| Closed)?;
        }
        Ok(())
    }
}

impl Run<'_> {
    fn push(&mut self, doc: Doc) -> Result<(), Closed> {
        self.batch_bytes += match &doc.body {
            Ok(Body::Text(b) | Body::Html(b) | Body::Line(_, b)) => b.len(),
            Err(_) => 0,
        };
        self.batch.push(doc);
        if self.batch.len() >= BATCH_DOCS || self.batch_bytes >= BATCH_BYTES {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<(), Closed> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        // The sink is gone only when the output closed.
        self.to_sink
            .send((batch, self.flush_each))
            .map_err(|_| Closed)
    }

    fn failed(&mut self, id: String, error: String) -> Result<(), Closed> {
        self.push(Doc {
            id,
            body: Err(error),
            date: None,
        })
    }

    fn jsonl(&mut self, name: &str, reader: impl BufRead) -> Result<(), Closed> {
        for (n, line) in reader.split(b'\n').enumerate() {
            match line {
                Ok(l) => self.jsonl_line(name, n + 1, l)?,
                Err(e) => {
                    return self.failed(format!("{name}:{}", n + 1), format!("cannot read: {e}"));
                }
            }
        }
        Ok(())
    }

    /// One line of JSONL (line number `n`, 1-based): a document, an error record, or
    /// nothing for a blank line.
    fn jsonl_line(&mut self, name: &str, n: usize, line: Vec<u8>) -> Result<(), Closed> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.push(Doc {
            id: format!("{name}:{n}"),
            body: Ok(Body::Line(n, line)),
            date: None,
        })
    }

    fn warc(&mut self, name: &str, reader: impl BufRead) -> Result<(), Closed> {
        let reader = warc::WarcReader::new(reader);
        for (n, record) in reader.iter_records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    // The stream cannot be trusted past a malformed record.
                    return self.failed(
                        format!("{name}#{}", n + 1),
                        format!("malformed WARC record: {e}"),
                    );
                }
            };
            if record.warc_type() != &warc::RecordType::Response {
                continue;
            }
            let id = record
                .header(warc::WarcHeader::TargetURI)
                .map(|u| u.to_string())
                .unwrap_or_else(|| format!("{name}#{}", n + 1));
            let body = record.body();
            // An HTTP response: headers, a blank line, the payload.
            let Some(split) = memchr::memmem::find(body, b"\r\n\r\n") else {
                continue;
            };
            let headers = String::from_utf8_lossy(&body[..split]).to_lowercase();
            let is_html = headers
                .lines()
                .any(|l| l.starts_with("content-type:") && l.contains("html"));
            if is_html {
                self.push(Doc {
                    id,
                    body: Ok(Body::Html(body[split + 4..].to_vec())),
                    date: None,
                })?;
            }
        }
        Ok(())
    }

    fn file(&mut self, path: &Path) -> Result<(), Closed> {
        let id = path.display().to_string();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return self.failed(id, format!("cannot open: {e}")),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let (inner, reader): (&str, Box<dyn Read>) = match name.strip_suffix(".gz") {
            Some(inner) => (inner, Box::new(flate2::read::MultiGzDecoder::new(file))),
            None => (name.as_str(), Box::new(file)),
        };
        let ext = inner.rsplit_once('.').map_or("", |(_, e)| e);
        let reader = BufReader::with_capacity(1 << 16, reader);
        match ext {
            "jsonl" | "ndjson" => self.jsonl(&id, reader),
            "warc" => self.warc(&id, reader),
            _ => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                let body = match reader.read_to_end(&mut bytes) {
                    Ok(_) if matches!(ext, "html" | "htm" | "xhtml") => Ok(Body::Html(bytes)),
                    Ok(_) => Ok(Body::Text(bytes)),
                    Err(e) => Err(format!("cannot read: {e}")),
                };
                self.push(Doc {
                    id,
                    body,
                    date: None,
                })
            }
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
                    Some(b'<') => StdinFormat::Html,
                    _ => StdinFormat::Text,
                }
            }
            f => f,
        };
        if format == StdinFormat::Jsonl {
            // One line in, one line out, in order, flushed as it goes (Spark's RDD.pipe):
            // whatever is analysed goes out before waiting for more input.
            let mut n = 0;
            loop {
                if reader.buffer().is_empty() && !self.batch.is_empty() {
                    self.flush_batch()?;
                }
                let mut line = Vec::new();
                match reader.read_until(b'\n', &mut line) {
                    Ok(0) => break,
                    Ok(_) => {
                        n += 1;
                        if line.ends_with(b"\n") {
                            line.pop();
                        }
                        self.jsonl_line("-", n, line)?;
                    }
                    Err(e) => {
                        return self.failed(format!("-:{}", n + 1), format!("cannot read: {e}"));
                    }
                }
            }
            return Ok(());
        }
        let mut bytes = Vec::new();
        let body = match reader.read_to_end(&mut bytes) {
            Ok(_) if format == StdinFormat::Html => Ok(Body::Html(bytes)),
            Ok(_) => Ok(Body::Text(bytes)),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        };
        self.push(Doc {
            id: "-".into(),
            body,
            date: None,
        })
    }

    fn path(&mut self, path: &Path) -> Result<(), Closed> {
        if path.as_os_str() == "-" {
            return self.stdin();
        }
        if !path.is_dir() {
            return self.file(path);
        }
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => self.file(e.path())?,
                Ok(_) => {}
                Err(e) => {
                    let id = e
                        .path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                    self.failed(id, format!("cannot read: {e}"))?;
                }
            }
        }
        Ok(())
    }
}

/// The fields of a JSONL record that whosaid reads.
#[derive(Default)]
struct LineFields {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    html: bool,
}

/// Reads a JSON object into `LineFields`, skipping every other field.
struct Fields<'a> {
    id: &'a str,
    text: &'a str,
}

impl<'de> serde::de::DeserializeSeed<'de> for Fields<'_> {
    type Value = LineFields;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<LineFields, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Fields<'_> {
    type Value = LineFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<LineFields, A::Error> {
        let mut out = LineFields::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.id {
                out.id = Some(map.next_value()?);
            } else if key == self.text {
                if let serde_json::Value::String(t) = map.next_value()? {
                    out.text = Some(t);
                }
            } else if key == "date" {
                let v: serde_json::Value = map.next_value()?;
                out.date = v.as_str().map(str::to_string);
            } else if key == "format" {
                let v: serde_json::Value = map.next_value()?;
                out.html = v.as_str() == Some("html");
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

/// Analyse one document (on a worker thread): its record and its size in bytes.
/// A JSONL line read into a document (id, text, date, format), or an error record's
/// reason; other documents pass through. Only the fields whosaid uses are read; the rest of
/// the record (annotations, metadata) is skipped without being built.
fn read_line(doc: Doc, args: &ExtractArgs) -> Doc {
    let Ok(Body::Line(n, line)) = doc.body else {
        return doc;
    };
    let fallback_id = doc.id;
    let seed = Fields {
        id: &args.id_field,
        text: &args.text_field,
    };
    let mut de = serde_json::Deserializer::from_slice(&line);
    let fields = match serde::de::DeserializeSeed::deserialize(seed, &mut de) {
        Ok(f) => f,
        Err(e) => {
            return Doc {
                id: fallback_id,
                body: Err(format!("line {n} is not JSON: {e}")),
                date: None,
            };
        }
    };
    let id = match fields.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback_id,
        Some(other) => other.to_string(),
    };
    let date = fields.date.map(|d| d.chars().take(10).collect());
    let body = match fields.text {
        Some(text) if fields.html => Ok(Body::Html(text.into_bytes())),
        Some(text) => Ok(Body::Text(text.into_bytes())),
        None => Err(format!(
            "line {n} has no string field \"{}\"",
            args.text_field
        )),
    };
    Doc { id, body, date }
}

/// A record as output: a JSON line, or TSV rows (the header is the writer's).
fn render(record: &Record, args: &ExtractArgs) -> String {
    match args.format {
        OutFormat::Jsonl => {
            let mut out = Vec::with_capacity(4096);
            let written = if args.pretty {
                serde_json::to_writer_pretty(&mut out, record)
            } else {
                serde_json::to_writer(&mut out, record)
            };
            let mut line = match written.map(|_| String::from_utf8(out)) {
                Ok(Ok(line)) => line,
                Ok(Err(e)) => format!("{{\"error\":\"cannot serialise: {e}\"}}"),
                Err(e) => format!("{{\"error\":\"cannot serialise: {e}\"}}"),
            };
            line.push('\n');
            line
        }
        OutFormat::Tsv => {
            let mut s = String::new();
            tsv_rows(record, &mut s);
            s
        }
    }
}

fn analyse(doc: Doc, options: &Options) -> (Record, usize) {
    let mut opts = options.clone();
    if doc.date.is_some() {
        opts.date = doc.date;
    }
    let (mut a, bytes): (Analysis, usize) = match doc.body {
        Err(error) => return (Record::Error(ErrorRecord { id: doc.id, error }), 0),
        Ok(Body::Text(b)) => (whosaid::analyze_bytes(&b, &opts), b.len()),
        Ok(Body::Html(b)) => (
            whosaid::analyze_html(&String::from_utf8_lossy(&b), &opts),
            b.len(),
        ),
        Ok(Body::Line(n, _)) => {
            let error = format!("line {n} was not read");
            return (Record::Error(ErrorRecord { id: doc.id, error }), 0);
        }
    };
    a.id = doc.id;
    (Record::Analysis(Box::new(a)), bytes)
}

const TSV_HEADER: &str =
    "id\tkind\ttext\tspeaker\trole\tspeaker_kind\tcue\tchannel\tplatform_or_outlet\tdate\n";

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One row per statement part (error records give one row with the error as text).
fn tsv_rows(record: &Record, out: &mut String) {
    let kind_name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    match record {
        Record::Error(e) => {
            out.push_str(&format!(
                "{}\terror\t{}\t\t\t\t\t\t\t\n",
                tsv_field(&e.id),
                tsv_field(&e.error)
            ));
        }
        Record::Analysis(a) => {
            for q in &a.quotes {
                let sp = q.speaker.as_ref();
                let ch = q.channel.as_ref();
                let cols = [
                    tsv_field(&a.id),
                    kind_name(serde_json::to_value(q.kind).unwrap_or_default()),
                    tsv_field(&q.text),
                    sp.map(|s| tsv_field(&s.name)).unwrap_or_default(),
                    sp.and_then(|s| s.role.as_deref())
                        .map(tsv_field)
                        .unwrap_or_default(),
                    sp.map(|s| kind_name(serde_json::to_value(s.kind).unwrap_or_default()))
                        .unwrap_or_default(),
                    q.cue
                        .as_ref()
                        .map(|c| tsv_field(&c.lemma))
                        .unwrap_or_default(),
                    ch.map(|c| kind_name(serde_json::to_value(c.kind).unwrap_or_default()))
                        .unwrap_or_default(),
                    ch.and_then(|c| c.platform.clone().or(c.outlet.clone()))
                        .map(|s| tsv_field(&s))
                        .unwrap_or_default(),
                    q.time
                        .as_ref()
                        .and_then(|t| t.date.clone())
                        .or_else(|| {
                            q.post
                                .and_then(|p| a.posts.get(p))
                                .and_then(|p| p.date.clone())
                        })
                        .unwrap_or_default(),
                ];
                out.push_str(&cols.join("\t"));
                out.push('\n');
            }
        }
    }
}

fn extract(args: &ExtractArgs) -> i32 {
    let started = Instant::now();
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    // A progress bar on a terminal, with a total when every input is a plain file.
    let progress = io::stderr().is_terminal().then(|| {
        let total: Option<u64> = paths
            .iter()
            .map(|p| {
                std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            })
            .sum();
        let bar = match total {
            Some(t) => indicatif::ProgressBar::new(t),
            None => indicatif::ProgressBar::no_length(),
        };
        let style = indicatif::ProgressStyle::with_template(
            "{msg} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {wide_bar}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    });
    let sink = Sink {
        args,
        options: Options {
            date: args.date.clone(),
            emit_text: args.emit_text,
            offsets: match args.offsets {
                Offsets::Bytes => OffsetUnit::Bytes,
                Offsets::Chars => OffsetUnit::Chars,
                Offsets::Utf16 => OffsetUnit::Utf16,
            },
            doubled_apostrophes: args.doubled_apostrophes,
        },
        out: io::BufWriter::with_capacity(1 << 16, io::stdout()),
        tally: Tally::default(),
        progress,
        header_written: false,
    };
    // One batch waits while another is analysed: memory stays bounded by two batches.
    let (to_sink, batches) = std::sync::mpsc::sync_channel::<(Vec<Doc>, bool)>(1);
    let (sink, closed) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut sink = sink;
            let mut closed = false;
            for (batch, flush) in batches {
                if sink.batch(batch, flush).is_err() {
                    closed = true;
                    break;
                }
            }
            if !closed && sink.out.flush().is_err() {
                closed = true;
            }
            (sink, closed)
        });
        let mut run = Run {
            args,
            batch: Vec::new(),
            batch_bytes: 0,
            flush_each: false,
            to_sink,
        };
        for p in &paths {
            if run.path(p).is_err() {
                break;
            }
        }
        let _ = run.flush_batch();
        drop(run);
        writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    if let Some(p) = &sink.progress {
        p.finish_and_clear();
    }
    let t = &sink.tally;
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
            "whosaid: {} statements, {} posts, {:.2} MB of text in {:.3} s, {:.1} MB/s on {} threads",
            t.statements,
            t.posts,
            t.bytes as f64 / 1e6,
            secs,
            t.bytes as f64 / 1e6 / secs,
            rayon::current_num_threads()
        );
        eprintln!(
            "whosaid: {:.2} MB read (records, markup and text), {:.1} MB/s",
            t.input as f64 / 1e6,
            t.input as f64 / 1e6 / secs,
        );
    }
    if t.errors > 0 { 2 } else { 0 }
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or(before).chars().count() + 1;
    (line, col)
}

fn review(args: &ReviewArgs) -> i32 {
    use annotate_snippets::{Level, Renderer, Snippet};
    let fail_on: Vec<whosaid::FlagKind> = if args.fail_on.iter().any(|k| k == "all") {
        whosaid::FlagKind::ALL.to_vec()
    } else {
        let mut kinds = Vec::new();
        for k in &args.fail_on {
            match whosaid::FlagKind::ALL.iter().find(|f| f.id() == k.trim()) {
                Some(f) => kinds.push(*f),
                None => {
                    eprintln!(
                        "whosaid: unknown flag kind {k:?}; the kinds are: {}",
                        whosaid::FlagKind::ALL.map(|f| f.id()).join(", ")
                    );
                    return 2;
                }
            }
        }
        kinds
    };
    let many = args.articles.len() > 1;
    let mut failed = false;
    let mut errors = false;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for path in &args.articles {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("whosaid: {name}: cannot read: {e}");
                errors = true;
                continue;
            }
        };
        let options = Options {
            date: args.date.clone(),
            emit_text: true,
            ..Options::default()
        };
        let is_html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let mut a = if is_html {
            whosaid::analyze_html(&String::from_utf8_lossy(&bytes), &options)
        } else {
            whosaid::analyze_bytes(&bytes, &options)
        };
        a.id = name.clone();
        let text = a.text.take().unwrap_or_default();
        if a.flags.iter().any(|f| fail_on.contains(&f.kind)) {
            failed = true;
        }
        let written = match args.format {
            ReviewFormat::Json => {
                a.text = Some(text);
                writeln!(out, "{}", serde_json::to_string(&a).unwrap_or_default())
            }
            ReviewFormat::Html => {
                let page = whosaid::html_report(&name, &text, &a);
                match &args.output {
                    Some(dir) if many => {
                        let _ = std::fs::create_dir_all(dir);
                        let file = dir.join(format!(
                            "{}.html",
                            path.file_name()
                                .map(|n| n.to_string_lossy().to_string())
                                .unwrap_or_default()
                        ));
                        std::fs::write(&file, page)
                    }
                    Some(file) => std::fs::write(file, page),
                    None => out.write_all(page.as_bytes()),
                }
            }
            ReviewFormat::Text => {
                let mut s = String::new();
                let statements: std::collections::BTreeSet<usize> =
                    a.quotes.iter().map(|q| q.statement).collect();
                s.push_str(&format!(
                    "== {name}: {} statements, {} speakers, {} flags\n\n",
                    statements.len(),
                    a.speakers.len(),
                    a.flags.len()
                ));
                // Statements grouped by speaker.
                let mut groups: Vec<(String, Vec<&whosaid::Quote>)> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                for q in &a.quotes {
                    if !seen.insert(q.statement) {
                        continue;
                    }
                    let who = match &q.speaker {
                        Some(sp) => match a.speakers.get(sp.entity.unwrap_or(usize::MAX)) {
                            Some(e) if !e.roles.is_empty() => {
                                format!("{} ({})", e.name, e.roles.join("; "))
                            }
                            Some(e) => e.name.clone(),
                            None => sp.name.clone(),
                        },
                        None => "(nobody)".to_string(),
                    };
                    match groups.iter_mut().find(|g| g.0 == who) {
                        Some(g) => g.1.push(q),
                        None => groups.push((who, vec![q])),
                    }
                }
                for (who, qs) in &groups {
                    s.push_str(&format!("{who}\n"));
                    for q in qs {
                        let parts: Vec<&str> = a
                            .quotes
                            .iter()
                            .filter(|p| p.statement == q.statement && p.kind == q.kind)
                            .map(|p| p.text.as_str())
                            .collect();
                        let kind = serde_json::to_value(q.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        let mut how = Vec::new();
                        if let Some(c) = &q.cue {
                            how.push(c.text.clone());
                        }
                        if let Some(c) = &q.channel {
                            how.push(c.text.clone());
                        }
                        if let Some(t) = &q.time {
                            how.push(match &t.date {
                                Some(d) => format!("{} ({d})", t.text),
                                None => t.text.clone(),
                            });
                        }
                        s.push_str(&format!(
                            "  - [{kind}] \"{}\" — {}\n",
                            parts.join(" … "),
                            how.join(", ")
                        ));
                    }
                    s.push('\n');
                }
                // Each flag as a diagnostic.
                let renderer = Renderer::plain();
                for f in &a.flags {
                    let (line, col) = line_col(&text, f.start);
                    let line_start = text[..f.start.min(text.len())]
                        .rfind('\n')
                        .map_or(0, |i| i + 1);
                    let line_end = text[f.end.min(text.len())..]
                        .find('\n')
                        .map_or(text.len(), |i| f.end.min(text.len()) + i);
                    let source = &text[line_start..line_end];
                    let span = (f.start - line_start)
                        ..(f.end.min(line_end) - line_start).max(f.start - line_start);
                    let _ = col;
                    let origin = name.clone();
                    let level = if f.kind.is_note() {
                        Level::Note
                    } else {
                        Level::Warning
                    };
                    let message = level.title(f.kind.doc()).id(f.kind.id()).snippet(
                        Snippet::source(source)
                            .line_start(line)
                            .origin(&origin)
                            .fold(true)
                            .annotation(level.span(span).label(&f.message)),
                    );
                    s.push_str(&format!("{}\n\n", renderer.render(message)));
                }
                out.write_all(s.as_bytes())
            }
        };
        if written.is_err() {
            return if errors { 2 } else { 0 };
        }
    }
    if errors {
        2
    } else if failed {
        1
    } else {
        0
    }
}

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Extract(args) => extract(args),
        Command::Review(args) => review(args),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&whosaid::schema()).unwrap_or_default();
            let _ = writeln!(io::stdout(), "{schema}");
            0
        }
    };
    std::process::exit(code);
}
