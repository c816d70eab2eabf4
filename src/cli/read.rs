//! The reading side of `extract`: files, folders, JSONL, WARC, gzip and standard input read
//! as a stream of documents, gathered into batches of bounded size for the [`Sink`].
//!
//! [`Sink`]: super::sink::Sink

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use super::{ExtractArgs, StdinFormat};

mod flat;

/// A document as read, before analysis.
pub(crate) struct Doc {
    pub(crate) id: String,
    pub(crate) body: Result<Body, String>,
    pub(crate) date: Option<String>,
}

pub(crate) enum Body {
    Text(Vec<u8>),
    Html(Vec<u8>),
    /// A JSONL line (its number, 1-based), read into a document by the worker that analyses
    /// it, so that parsing runs on every core.
    Line(usize, Vec<u8>),
    /// The text of a JSONL line that was not valid UTF-8, decoded with U+FFFD for each
    /// invalid sequence (the record is flagged `invalid_utf8`, as for a file).
    Lossy(String),
    /// The text of a JSONL line (valid UTF-8: it was read as a JSON string).
    Str(String),
}

/// The output ended (a closed pipe): stop quietly.
pub(crate) struct Closed;

/// Documents are analysed in batches of at most this many documents or bytes (two batches
/// are analysed at once while a third is read, `Sink::run`: half of the 256 documents or 8 MB
/// of one batch at a time before, so that a 1 GB archive still runs in about 52 MB, not 62).
pub(crate) const BATCH_DOCS: usize = 128;
pub(crate) const BATCH_BYTES: usize = 4 << 20;

/// The file extensions read as HTML (a file of any other extension is text).
const HTML_EXTENSIONS: [&str; 3] = ["html", "htm", "xhtml"];

/// The reading side: documents are gathered into batches and handed to the
/// [`Sink`](super::sink::Sink), which analyses one batch on the workers while this thread
/// reads the next.
pub(crate) struct Run<'a> {
    pub(crate) args: &'a ExtractArgs,
    pub(crate) batch: Vec<Doc>,
    pub(crate) batch_bytes: usize,
    /// Flush after every batch (reading a pipe, e.g. from Spark).
    pub(crate) flush_each: bool,
    pub(crate) to_sink: std::sync::mpsc::SyncSender<(Vec<Doc>, bool)>,
}

impl Run<'_> {
    pub(crate) fn push(&mut self, doc: Doc) -> Result<(), Closed> {
        self.batch_bytes += match &doc.body {
            Ok(Body::Text(b) | Body::Html(b) | Body::Line(_, b)) => b.len(),
            Ok(Body::Lossy(t) | Body::Str(t)) => t.len(),
            Err(_) => 0,
        };
        self.batch.push(doc);
        if self.batch.len() >= BATCH_DOCS || self.batch_bytes >= BATCH_BYTES {
            self.flush_batch()?;
        }
        Ok(())
    }

    pub(crate) fn flush_batch(&mut self) -> Result<(), Closed> {
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

    pub(crate) fn failed(&mut self, id: String, error: String) -> Result<(), Closed> {
        self.push(Doc {
            id,
            body: Err(error),
            date: None,
        })
    }

    pub(crate) fn jsonl(&mut self, name: &str, mut reader: impl BufRead) -> Result<(), Closed> {
        for n in 1.. {
            match next_line(&mut reader) {
                Ok(Some(l)) => self.jsonl_line(name, n, l)?,
                Ok(None) => break,
                Err(e) => {
                    return self.failed(format!("{name}:{n}"), format!("cannot read: {e}"));
                }
            }
        }
        Ok(())
    }

    /// One line of JSONL (line number `n`, 1-based): a document, an error record, or
    /// nothing for a blank line.
    pub(crate) fn jsonl_line(&mut self, name: &str, n: usize, line: Vec<u8>) -> Result<(), Closed> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.push(Doc {
            id: format!("{name}:{n}"),
            body: Ok(Body::Line(n, line)),
            date: None,
        })
    }

    pub(crate) fn warc(&mut self, name: &str, reader: impl BufRead) -> Result<(), Closed> {
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

    pub(crate) fn file(&mut self, path: &Path) -> Result<(), Closed> {
        let id = path.display().to_string();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return self.failed(id, format!("cannot open: {e}")),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        // The file's size, to read it into one allocation (no copy as the buffer doubles).
        let size = file.metadata().map_or(0, |m| m.len() as usize);
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
                let gz = name.ends_with(".gz");
                let mut bytes = Vec::with_capacity(if gz { 0 } else { size + 1 });
                let mut reader = reader;
                let body = match reader.read_to_end(&mut bytes) {
                    Ok(_) if HTML_EXTENSIONS.contains(&ext) => Ok(Body::Html(bytes)),
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

    pub(crate) fn stdin(&mut self) -> Result<(), Closed> {
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

    pub(crate) fn path(&mut self, path: &Path) -> Result<(), Closed> {
        if path.as_os_str() == "-" {
            return self.stdin();
        }
        if !path.is_dir() {
            return self.file(path);
        }
        // Symbolic links are followed, to files and to folders; a loop, or a link to nothing,
        // is an error record (never skipped in silence).
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() => self.file(e.path())?,
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    let id = e.path().display().to_string();
                    self.failed(
                        id,
                        "not a file or a folder (a device, socket or pipe)".into(),
                    )?;
                }
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

/// The next line of `reader` without its line break, `None` at the end: the lines
/// `BufRead::split(b'\n')` reads (an empty line between two breaks, the last one only when
/// something follows the last break). The break is found in the reader's buffer by
/// `memchr` (many bytes a step), and a line within the buffer is copied once into a vector
/// of its size (not grown as it is read).
fn next_line(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut line: Option<Vec<u8>> = None;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(line);
        }
        let Some(k) = memchr::memchr(b'\n', buf) else {
            let n = buf.len();
            line.get_or_insert_default().extend_from_slice(buf);
            reader.consume(n);
            continue;
        };
        let l = match line {
            None => buf[..k].to_vec(),
            Some(mut l) => {
                l.extend_from_slice(&buf[..k]);
                l
            }
        };
        reader.consume(k + 1);
        return Ok(Some(l));
    }
}

/// The fields of a JSONL record that whosaid reads.
#[derive(Default)]
pub(crate) struct LineFields {
    pub(crate) id: Option<serde_json::Value>,
    pub(crate) text: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) html: bool,
}

/// Reads a JSON object into `LineFields`, skipping every other field.
pub(crate) struct Fields<'a> {
    pub(crate) id: &'a str,
    pub(crate) text: &'a str,
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
pub(crate) fn read_line(doc: Doc, args: &ExtractArgs) -> Doc {
    let Ok(Body::Line(n, line)) = doc.body else {
        return doc;
    };
    let fallback_id = doc.id;
    let parse = |bytes: &[u8]| {
        let seed = Fields {
            id: &args.id_field,
            text: &args.text_field,
        };
        serde::de::DeserializeSeed::deserialize(
            seed,
            &mut serde_json::Deserializer::from_slice(bytes),
        )
    };
    // A line that is not UTF-8 is read decoded, each invalid sequence as U+FFFD, and its
    // text is flagged, as a file's is. (The line is parsed as it is first: the strings read
    // are checked as they are parsed, so only a line that does not parse, or whose text
    // holds a U+FFFD, is checked as a whole; a line whose invalid bytes are in a field
    // skipped reads the same either way.)
    let invalid = || std::str::from_utf8(&line).is_err();
    // (most lines: a flat object of strings, read without serde_json and as it reads them;
    // such a line is UTF-8, so its text is not lossy)
    let (parsed, lossy) = match flat::flat_record(&line, &args.id_field, &args.text_field) {
        Some(f) => (Ok(f), false),
        None => match parse(&line) {
            Ok(f) => {
                let lossy = f.text.as_ref().is_some_and(|t| has_replacement(t)) && invalid();
                (Ok(f), lossy)
            }
            Err(_) if invalid() => (parse(String::from_utf8_lossy(&line).as_bytes()), true),
            Err(e) => (Err(e), false),
        },
    };
    let fields = match parsed {
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
        Some(text) if lossy && has_replacement(&text) => Ok(Body::Lossy(text)),
        Some(text) => Ok(Body::Str(text)),
        None => Err(format!(
            "line {n} has no string field \"{}\"",
            args.text_field
        )),
    };
    Doc { id, body, date }
}

/// Whether `text` holds U+FFFD, the replacement character (`text.contains('\u{FFFD}')`, by
/// a search of its bytes that reads many at a time).
fn has_replacement(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), "\u{FFFD}".as_bytes()).is_some()
}

/// Analyse the text of a JSONL line that was not UTF-8 (decoded with U+FFFD), and flag it as
/// [`whosaid::analyze_bytes`] flags a file: at the first replacement character, in the
/// record's unit of offsets.
pub(crate) fn analyse_lossy(
    text: &str,
    options: &whosaid::Options,
    deadline: Option<std::time::Instant>,
) -> Result<whosaid::Analysis, whosaid::Exceeded> {
    let mut a = whosaid::analyze_bytes_within(text.as_bytes(), options, deadline)?;
    let at = text.find('\u{FFFD}').unwrap_or(0);
    let end = (at + '\u{FFFD}'.len_utf8()).min(text.len());
    let unit = |b: usize| match options.offsets {
        whosaid::OffsetUnit::Bytes => b,
        whosaid::OffsetUnit::Chars => text[..b].chars().count(),
        whosaid::OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
    };
    let mut flag = [whosaid::Flag::new(
        whosaid::FlagKind::InvalidUtf8,
        at,
        end,
        "the input is not valid UTF-8; invalid bytes were replaced with U+FFFD",
    )];
    whosaid::assign_flag_ids(text, &mut flag);
    let [mut flag] = flag;
    (flag.start, flag.end) = (unit(at), unit(end));
    a.flags.insert(0, flag);
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_as_split_reads_them() {
        for text in [
            &b""[..],
            b"\n",
            b"a",
            b"a\n",
            b"a\n\nb",
            b"{\"text\": \"x\"}\n{\"text\": \"y\"}",
            b"\n\n\r\n  \nlast",
        ] {
            let long: Vec<u8> = text.iter().chain(b"0123456789".iter()).copied().collect();
            for bytes in [text, &long[..]] {
                // (a buffer of 1 to 4 bytes: lines across the buffer's refills)
                for cap in 1..5 {
                    let mut reader = BufReader::with_capacity(cap, bytes);
                    let mut ours = Vec::new();
                    while let Some(l) = next_line(&mut reader).unwrap() {
                        ours.push(l);
                    }
                    let theirs = BufReader::new(bytes)
                        .split(b'\n')
                        .map(Result::unwrap)
                        .collect::<Vec<_>>();
                    assert_eq!(ours, theirs, "{bytes:?} {cap}");
                }
            }
        }
    }

    #[test]
    fn a_replacement_character_is_found_as_contains_finds_it() {
        for t in [
            "",
            "plain",
            "x\u{FFFD}y",
            "\u{FFFD}",
            "€ ½ \u{FFFE}",
            "ΣΟΦΟΣ \u{FFFD}",
        ] {
            assert_eq!(has_replacement(t), t.contains('\u{FFFD}'), "{t:?}");
        }
    }
}
