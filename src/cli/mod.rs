//! The command line: its flags (this module), reading documents ([`read`]), analysing and
//! writing them ([`sink`], [`tsv`]), the `extract` run ([`extract`]) and the `review`
//! command ([`review`]).

pub(crate) mod alloc;
pub(crate) mod extract;
pub(crate) mod large;
pub(crate) mod read;
pub(crate) mod review;
pub(crate) mod sink;
pub(crate) mod tsv;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, how and where, in news articles"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Analyse documents and write one record per document.
    Extract(ExtractArgs),
    /// Review articles before publication: statements by speaker, then every flag as a
    /// diagnostic with line:column (or a JSON record, or a standalone HTML page).
    Review(ReviewArgs),
    /// Print the JSON Schema of an output line.
    Schema,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub(crate) enum ReviewFormat {
    Text,
    Json,
    Html,
}

#[derive(Parser)]
pub(crate) struct ReviewArgs {
    /// Article files (.txt, .html).
    #[arg(required = true)]
    pub(crate) articles: Vec<PathBuf>,
    /// What to write.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: ReviewFormat,
    /// With --format html: the page to write (a folder when several articles are given).
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Exit 1 when a flag of one of these kinds or severities is found (comma-separated kind
    /// ids, severities — "warning" means a warning or an error — or "all").
    #[arg(long, value_delimiter = ',')]
    pub(crate) fail_on: Vec<String>,
    /// The articles' date (YYYY-MM-DD), to resolve "on Sunday".
    #[arg(long, value_parser = iso_date)]
    pub(crate) date: Option<String>,
}

/// A `--date` value: a real day written YYYY-MM-DD ("2020-04-13"); anything else is refused
/// (exit 2), never ignored.
pub(crate) fn iso_date(s: &str) -> Result<String, String> {
    let well_formed = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match s.parse::<jiff::civil::Date>() {
        Ok(_) if well_formed => Ok(s.to_string()),
        _ => Err(format!(
            "\"{s}\" is not a date written YYYY-MM-DD (for 13 April 2020: 2020-04-13)"
        )),
    }
}

/// A `--max-document-seconds` value: a positive number of seconds.
fn seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
        _ => Err(format!("\"{s}\" is not a positive number of seconds")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Offsets {
    Bytes,
    Chars,
    Utf16,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub(crate) enum StdinFormat {
    /// JSONL when the first character is `{`, HTML when it is `<`, else one text document.
    Auto,
    Jsonl,
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub(crate) enum OutFormat {
    /// One JSON object per document.
    Jsonl,
    /// One row per statement: id, kind, text, speaker, role, speaker kind, cue, channel,
    /// platform or outlet, date.
    Tsv,
}

#[derive(Parser)]
pub(crate) struct ExtractArgs {
    /// Files and folders (read recursively); `-` or nothing for standard input. `.jsonl`,
    /// `.html`, `.warc` and any of them gzip-compressed (`.gz`) are read as such.
    pub(crate) paths: Vec<PathBuf>,
    /// JSONL field holding a document's id.
    #[arg(long, default_value = "id")]
    pub(crate) id_field: String,
    /// JSONL field holding a document's text.
    #[arg(long, default_value = "text")]
    pub(crate) text_field: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub(crate) format: OutFormat,
    /// Indented JSON instead of one line per document.
    #[arg(long)]
    pub(crate) pretty: bool,
    /// Unit of the offsets: UTF-8 bytes, code points (Python) or UTF-16 units (JavaScript).
    #[arg(long, value_enum, default_value = "bytes")]
    pub(crate) offsets: Offsets,
    /// Add the analysed text to each record.
    #[arg(long)]
    pub(crate) emit_text: bool,
    /// The articles' date (YYYY-MM-DD), to resolve "on Sunday" (a JSONL `date` field wins).
    #[arg(long, value_parser = iso_date)]
    pub(crate) date: Option<String>,
    /// The work budget of one document, in seconds: a document whose analysis takes longer
    /// becomes an error record that says so, and the run goes on.
    #[arg(long, value_parser = seconds, default_value = "300")]
    pub(crate) max_document_seconds: f64,
    /// A text document larger than this is analysed in pieces of a quarter of it, and its
    /// record written as they are done, so memory stays bounded (for tests; default 16 MiB).
    #[arg(long, hide = true, default_value_t = large::LARGE_BYTES)]
    pub(crate) large_document_bytes: usize,
    /// How to read standard input.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) stdin: StdinFormat,
    /// Read two apostrophes (''…'') as double quotation marks (New York Times archives).
    #[arg(long)]
    pub(crate) doubled_apostrophes: bool,
    /// Worker threads (default: every core).
    #[arg(long)]
    pub(crate) threads: Option<usize>,
    /// Print documents, statements, posts, errors and throughput to stderr at the end.
    #[arg(long)]
    pub(crate) stats: bool,
}

#[cfg(test)]
mod alloc_tests {
    use super::alloc::Mi;
    use std::alloc::{GlobalAlloc, Layout};

    /// Every block has its layout's alignment, from either entry point, through growing and
    /// shrinking, for the sizes of small bins (one word, three words) and of large ones.
    #[test]
    fn blocks_have_their_layouts_alignment() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 12, 24, 40, 100, 1000, 70_000, 5_000_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layout's size is not zero; each block is freed once, by `Mi`.
                unsafe {
                    let p = Mi.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    p.write_bytes(7, size);
                    let q = Mi.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    assert_eq!(*q.add(size - 1), 7);
                    let r = Mi.realloc(q, Layout::from_size_align(size * 3, align).unwrap(), 1);
                    assert!(
                        !r.is_null() && (r as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    Mi.dealloc(r, Layout::from_size_align(1, align).unwrap());
                    let z = Mi.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && *z.add(size - 1) == 0);
                    Mi.dealloc(z, layout);
                }
            }
        }
    }
}
