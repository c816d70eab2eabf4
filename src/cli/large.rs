//! A very large text document (over [`LARGE_BYTES`]: a whole archive run together, a scrape
//! with no line breaks) is analysed in pieces of about a quarter of that, cut at a line break or
//! a sentence's end, and its one record is written as the pieces are done: memory stays a
//! small multiple of one piece, not of the document (one 200 MB line would otherwise take
//! gigabytes of tokens). Statements, speakers and posts are numbered across the pieces; a
//! pronoun is not resolved to a person named in an earlier piece, and a quotation open across
//! a cut closes there.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use whosaid::{Analysis, OffsetUnit, Options, Record};

use super::tsv::tsv_rows;
use super::{ExtractArgs, OutFormat};

/// Documents larger than this are analysed in pieces (`--large-document-bytes`).
pub(crate) const LARGE_BYTES: usize = 16 << 20;

/// Where the piece that starts at `from` ends: the last line break in its last quarter, else
/// the last sentence's end (". "), else the last space, else a character boundary.
fn cut(text: &str, from: usize, piece: usize) -> usize {
    let target = from + piece;
    if target >= text.len() {
        return text.len();
    }
    let target = text.floor_char_boundary(target);
    let lo = text.floor_char_boundary(target - piece / 4);
    let w = &text[lo..target];
    let at = w
        .rfind('\n')
        .map(|i| i + 1)
        .or_else(|| w.rfind(". ").map(|i| i + 2))
        .or_else(|| w.rfind(' ').map(|i| i + 1))
        .unwrap_or(w.len());
    lo + at
}

/// The length of `s` in `unit`.
fn units(s: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Bytes => s.len(),
        OffsetUnit::Chars => s.chars().count(),
        OffsetUnit::Utf16 => s.encode_utf16().count(),
    }
}

/// What the pieces gather for the end of the record, already written as JSON (a fraction of
/// the memory of the records).
#[derive(Default)]
struct Rest {
    speakers: Vec<u8>,
    posts: Vec<u8>,
    non_speech: Vec<u8>,
    flags: Vec<u8>,
    metadata: Option<whosaid::Metadata>,
    statements: usize,
    entities: usize,
    post_count: usize,
}

/// Append `items` to the JSON array's elements in `buf`.
fn append<T: serde::Serialize>(buf: &mut Vec<u8>, items: &[T]) -> io::Result<()> {
    for it in items {
        if !buf.is_empty() {
            buf.push(b',');
        }
        serde_json::to_writer(&mut *buf, it)?;
    }
    Ok(())
}

/// Analyse document `id` (`bytes`, over [`LARGE_BYTES`]) piece by piece and write its record
/// to `out`. Returns the statements and posts written, and an error (said on stderr too) when
/// a piece ran out of its work budget: the record then ends with the pieces before it.
pub(crate) fn write_large(
    out: &mut impl Write,
    id: &str,
    bytes: &[u8],
    options: &Options,
    args: &ExtractArgs,
) -> io::Result<(usize, usize, bool)> {
    let text = String::from_utf8_lossy(bytes);
    let mut opts = options.clone();
    opts.offsets = OffsetUnit::Bytes;
    opts.emit_text = false;
    let jsonl = args.format == OutFormat::Jsonl;
    if jsonl {
        write!(out, "{{\"id\":{},", serde_json::to_string(id)?)?;
        write!(
            out,
            "\"offsets\":{},",
            serde_json::to_string(&options.offsets)?
        )?;
        out.write_all(b"\"quotes\":[")?;
    }
    let (mut rest, mut from, mut shift, mut first, mut failed) =
        (Rest::default(), 0, 0, true, false);
    while from < text.len() {
        let to = cut(&text, from, (args.large_document_bytes / 4).max(1));
        let piece = &text[from..to];
        let deadline =
            Instant::now().checked_add(Duration::from_secs_f64(args.max_document_seconds));
        let Ok(mut a) = whosaid::analyze_bytes_within(piece.as_bytes(), &opts, deadline) else {
            eprintln!(
                "whosaid: {id}: not analysed past byte {from}: a piece took longer than \
                 --max-document-seconds {}",
                args.max_document_seconds
            );
            failed = true;
            break;
        };
        whosaid::convert_offsets(&mut a, piece, options.offsets);
        if !jsonl {
            write_rows(out, &mut a, id)?;
        }
        let numbers = (rest.statements, rest.entities, rest.post_count);
        whosaid::shift_record(&mut a, shift, numbers);
        rest.statements = (a.quotes.iter().map(|q| q.statement + 1).max())
            .map_or(numbers.0, |n| n.max(numbers.0));
        if rest.metadata.is_none() {
            // Later pieces resolve times against the date the first one found.
            opts.date = a.metadata.date.clone();
            rest.metadata = Some(a.metadata.clone());
        }
        if jsonl {
            write_quotes(out, &a, &mut first)?;
        }
        (rest.entities, rest.post_count) = (
            rest.entities + a.speakers.len(),
            rest.post_count + a.posts.len(),
        );
        append(&mut rest.speakers, &a.speakers)?;
        append(&mut rest.posts, &a.posts)?;
        append(&mut rest.non_speech, &a.non_speech)?;
        append(&mut rest.flags, &a.flags)?;
        shift += units(piece, options.offsets);
        from = to;
    }
    let (statements, posts) = (rest.statements, rest.post_count);
    if jsonl {
        write_tail(out, rest, options.emit_text.then_some(text.as_ref()))?;
    }
    Ok((statements, posts, failed))
}

/// A piece's TSV rows (they carry no offsets or numbers: the piece's own record gives them).
fn write_rows(out: &mut impl Write, a: &mut Analysis, id: &str) -> io::Result<()> {
    a.id = id.to_string();
    let record = Record::Analysis(Box::new(std::mem::take(a)));
    let mut rows = String::new();
    tsv_rows(&record, &mut rows);
    if let Record::Analysis(r) = record {
        *a = *r;
    }
    out.write_all(rows.as_bytes())
}

/// The end of the record: the quotations' array closed, then the fields after it.
fn write_tail(out: &mut impl Write, rest: Rest, text: Option<&str>) -> io::Result<()> {
    {
        out.write_all(b"]")?;
        for (name, items) in [
            ("speakers", &rest.speakers),
            ("posts", &rest.posts),
            ("non_speech", &rest.non_speech),
            ("flags", &rest.flags),
        ] {
            write!(out, ",\"{name}\":[")?;
            out.write_all(items)?;
            out.write_all(b"]")?;
        }
        let metadata = rest.metadata.unwrap_or_default();
        write!(out, ",\"metadata\":{}", serde_json::to_string(&metadata)?)?;
        if let Some(text) = text {
            write!(out, ",\"text\":{}", serde_json::to_string(text)?)?;
        }
        out.write_all(b"}\n")
    }
}

/// The quotations of one piece, written as part of the record's `quotes`.
fn write_quotes(out: &mut impl Write, a: &Analysis, first: &mut bool) -> io::Result<()> {
    for q in &a.quotes {
        if !*first {
            out.write_all(b",")?;
        }
        *first = false;
        serde_json::to_writer(&mut *out, q)?;
    }
    Ok(())
}
