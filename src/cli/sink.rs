//! The analysing and writing side of `extract`: each batch is read, analysed and rendered
//! on the workers, and written here in input order.

use std::io::{self, Write};
use std::sync::mpsc::Receiver;

use rayon::prelude::*;
use whosaid::{ErrorRecord, Options, Record};

use super::read::{Body, Closed, Doc, read_line};
use super::tsv::{TSV_HEADER, tsv_rows};
use super::{ExtractArgs, OutFormat};

/// What a worker hands back for one document: the rendered output and its counts.
pub(crate) struct Done {
    /// The rendered record (JSON is written as bytes: serde_json writes valid UTF-8).
    pub(crate) out: Vec<u8>,
    /// Bytes of input (a JSONL line with its annotations, a file) and of text analysed.
    pub(crate) input: usize,
    pub(crate) bytes: usize,
    pub(crate) error: bool,
    pub(crate) statements: usize,
    pub(crate) posts: usize,
    /// A text document over `large::LARGE_BYTES` (id, bytes): analysed and written in pieces
    /// by the writer, in its turn.
    pub(crate) large: Option<(String, Vec<u8>)>,
}

#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) documents: usize,
    pub(crate) errors: usize,
    pub(crate) statements: usize,
    pub(crate) posts: usize,
    /// Text analysed, and input read (records with their other fields, markup).
    pub(crate) bytes: usize,
    pub(crate) input: usize,
}

/// The analysing and writing side: batches in, records out in input order.
pub(crate) struct Sink<'a> {
    pub(crate) args: &'a ExtractArgs,
    pub(crate) options: Options,
    pub(crate) out: io::BufWriter<io::Stdout>,
    pub(crate) tally: Tally,
    pub(crate) progress: Option<indicatif::ProgressBar>,
    pub(crate) header_written: bool,
}

impl Sink<'_> {
    /// Analyse the batches on the workers and write their records in input order, here: a
    /// batch's records are written while the workers analyse the next batch, so that they do
    /// not wait for the writing (nor, at a batch's end, for its last document), except when
    /// the reader asks for each batch at once (a pipe: what was read goes out before more
    /// is read). At most two batches are analysed at once.
    pub(crate) fn run(&mut self, batches: Receiver<(Vec<Doc>, bool)>) -> Result<(), Closed> {
        let (options, args) = (self.options.clone(), self.args);
        let options = &options;
        rayon::in_place_scope(|scope| {
            let mut pending: Option<Receiver<Vec<Done>>> = None;
            for (batch, flush) in batches {
                let (done, analysed) = std::sync::mpsc::sync_channel(1);
                scope.spawn(move |_| {
                    let _ = done.send(analyse_batch(batch, options, args));
                });
                if let Some(before) = pending.replace(analysed) {
                    self.write_batch(before, false)?;
                }
                if flush && let Some(this) = pending.take() {
                    self.write_batch(this, true)?;
                }
            }
            pending.map_or(Ok(()), |last| self.write_batch(last, false))
        })
    }

    /// Write the records of a batch when the workers have analysed it, in input order (and
    /// flush them when `flush`). (A batch whose analysis panicked has no records: the
    /// panic is raised again when the scope of its analysis ends.)
    fn write_batch(&mut self, analysed: Receiver<Vec<Done>>, flush: bool) -> Result<(), Closed> {
        for d in analysed.recv().unwrap_or_default() {
            self.write(d)?;
        }
        if flush {
            self.out.flush().map_err(|_| Closed)?;
        }
        Ok(())
    }

    /// Count one document and write its record.
    fn write(&mut self, mut d: Done) -> Result<(), Closed> {
        if let Some((id, bytes)) = d.large.take() {
            let written =
                super::large::write_large(&mut self.out, &id, &bytes, &self.options, self.args);
            let (statements, posts, failed) = written.map_err(|_| Closed)?;
            (d.statements, d.posts, d.error, d.bytes) = (statements, posts, failed, bytes.len());
        }
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
        if d.out.len() < DIRECT_WRITE {
            return self.out.write_all(&d.out).map_err(|_| Closed);
        }
        // (a long record is written as the worker made it, not copied into the buffer
        // first: what the buffer holds goes before it)
        self.out.flush().map_err(|_| Closed)?;
        self.out.get_mut().write_all(&d.out).map_err(|_| Closed)
    }
}

/// Read, analyse and render the documents of a batch on the workers, in input order.
fn analyse_batch(batch: Vec<Doc>, options: &Options, args: &ExtractArgs) -> Vec<Done> {
    // (each document is a piece a worker may take: without `with_max_len(1)` the batch is
    // split into as many runs as there are workers, each run whole by the worker that holds
    // it, and a worker that ends its runs first has nothing left to take)
    batch
        .into_par_iter()
        .with_max_len(1)
        .map(|doc| process(doc, options, args))
        .collect()
}

/// Read (a JSONL line), analyse and render one document, on a worker. A bug must cost one
/// document, never the batch: its record says so, under the document's own id (a JSONL
/// line is read first, to know it).
fn process(doc: Doc, options: &Options, args: &ExtractArgs) -> Done {
    let input = match &doc.body {
        Ok(Body::Line(_, l)) => l.len() + 1,
        Ok(Body::Text(b) | Body::Html(b)) => b.len(),
        Ok(Body::Lossy(t) | Body::Str(t)) => t.len(),
        Err(_) => 0,
    };
    if let Ok(Body::Text(b)) = &doc.body
        && b.len() > args.large_document_bytes
        && let Ok(Body::Text(b)) = doc.body
    {
        return Done {
            out: Vec::new(),
            input,
            bytes: 0,
            error: false,
            statements: 0,
            posts: 0,
            large: Some((doc.id, b)),
        };
    }
    let fallback = doc.id.clone();
    let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_line(doc, args)))
        .unwrap_or_else(|_| Doc {
            id: fallback,
            body: Err("internal error while reading this line (please report it)".into()),
            date: None,
        });
    let id = doc.id.clone();
    let (record, bytes) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse(doc, options, args.max_document_seconds)
    }))
    .unwrap_or_else(|_| {
        let error = "internal error while analysing this document (please report it)".into();
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
        large: None,
    }
}

/// Records of this many bytes or more are written straight to the output, not buffered.
const DIRECT_WRITE: usize = 4096;

/// Room for a record's JSON line, rarely too little: its strings, and for each of its
/// items more than its keys, numbers and short fields take.
fn json_capacity(record: &Record) -> usize {
    let Record::Analysis(a) = record else {
        return 256;
    };
    let strings = |v: &[String]| v.iter().map(|s| s.len() + 4).sum::<usize>();
    let opt = |s: &Option<String>| s.as_ref().map_or(4, |s| s.len() + 2);
    let quotes: usize = a.quotes.iter().map(|q| q.text.len() + 640).sum();
    let speakers: usize = a
        .speakers
        .iter()
        .map(|e| e.name.len() + strings(&e.roles) + 32 * e.mentions.len() + 96)
        .sum();
    let posts: usize = a
        .posts
        .iter()
        .map(|p| opt(&p.text) + opt(&p.url) + strings(&p.media) + 384)
        .sum();
    let non_speech: usize = a.non_speech.iter().map(|n| n.text.len() + 96).sum();
    let flags: usize = a.flags.iter().map(|f| f.message.len() + 160).sum();
    1024 + a.id.len() + opt(&a.text) + quotes + speakers + posts + non_speech + flags
}

/// A record as output: a JSON line, or TSV rows (the header is the writer's).
pub(crate) fn render(record: &Record, args: &ExtractArgs) -> Vec<u8> {
    match args.format {
        OutFormat::Jsonl if !args.pretty => {
            // (written into a buffer of the record's size, which the writer takes as it is:
            // no copy out of a kept buffer, no growing)
            let mut out = Vec::with_capacity(json_capacity(record));
            whosaid::write_json(record, &mut out);
            out.push(b'\n');
            out
        }
        OutFormat::Jsonl => {
            let mut out = Vec::with_capacity(4096);
            if let Err(e) = serde_json::to_writer_pretty(&mut out, record) {
                out = format!("{{\"error\":\"cannot serialise: {e}\"}}").into_bytes();
            }
            out.push(b'\n');
            out
        }
        OutFormat::Tsv => {
            let mut s = String::new();
            tsv_rows(record, &mut s);
            s.into_bytes()
        }
    }
}

pub(crate) fn analyse(doc: Doc, options: &Options, max_seconds: f64) -> (Record, usize) {
    let mut opts = options.clone();
    if doc.date.is_some() {
        opts.date = doc.date;
    }
    // The document's work budget (--max-document-seconds).
    let budget = std::time::Duration::from_secs_f64(max_seconds);
    let deadline = std::time::Instant::now().checked_add(budget);
    let (analysed, bytes) = match doc.body {
        Err(error) => return (Record::Error(ErrorRecord { id: doc.id, error }), 0),
        Ok(Body::Text(b)) => (whosaid::analyze_bytes_within(&b, &opts, deadline), b.len()),
        Ok(Body::Lossy(t)) => (super::read::analyse_lossy(&t, &opts, deadline), t.len()),
        Ok(Body::Str(t)) => (whosaid::analyze_within(&t, &opts, deadline), t.len()),
        Ok(Body::Html(b)) => (
            whosaid::analyze_html_within(&String::from_utf8_lossy(&b), &opts, deadline),
            b.len(),
        ),
        Ok(Body::Line(n, _)) => {
            let error = format!("line {n} was not read");
            return (Record::Error(ErrorRecord { id: doc.id, error }), 0);
        }
    };
    let mut a = match analysed {
        Ok(a) => a,
        Err(e) => {
            let error = format!(
                "not analysed: longer than --max-document-seconds {max_seconds} ({e}; {bytes} bytes)"
            );
            return (Record::Error(ErrorRecord { id: doc.id, error }), 0);
        }
    };
    a.id = doc.id;
    (Record::Analysis(Box::new(a)), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_written_into_room_enough_for_it() {
        let text = "“We will win,” Jane Smith, the mayor, said on Twitter on Monday. \
                    \n\nSmith told CNN the budget was balanced and \"the \\\"plan\\\" works\".\
                    \n\nHe said: “Nobody knows.”";
        let mut a = whosaid::analyze(text, &Options::default());
        a.id = "doc-1".into();
        let record = Record::Analysis(Box::new(a));
        let mut out = Vec::new();
        whosaid::write_json(&record, &mut out);
        assert!(out.len() > 500, "{}", out.len());
        assert!(json_capacity(&record) > out.len());
        let error = Record::Error(ErrorRecord {
            id: "x".into(),
            error: "line 3 was not read".into(),
        });
        out.clear();
        whosaid::write_json(&error, &mut out);
        assert!(json_capacity(&error) > out.len());
    }
}
