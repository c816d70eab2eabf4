//! whosaid: who said what, how, and where, in news articles.
//!
//! ```
//! let text = "“It is an important step,” Zalmay Khalilzad said on Sunday.";
//! let analysis = whosaid::analyze(text, &whosaid::Options::default());
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.text, "It is an important step,");
//! assert_eq!(quote.speaker.as_ref().unwrap().name, "Zalmay Khalilzad");
//! assert_eq!(quote.cue.as_ref().unwrap().lemma, "say");
//! ```
//!
//! The library is pure: text in, [`Analysis`] out. The pipeline runs one way, one module a
//! stage (see ARCHITECTURE.md): input → segment → posts → quotes → cues → speakers →
//! channels → output.

mod channels;
mod cues;
mod grammar;

mod input;
mod lexicon;
pub mod model;
mod output;
mod posts;
mod quotes;
mod report;
mod review;
mod segment;
mod speakers;

pub use model::*;
pub use output::{convert_offsets, schema, shift_record, write_json};
pub use report::html_report;

/// How to analyse a document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The article's date (YYYY-MM-DD), to resolve "on Sunday"; otherwise read from a
    /// `date YYYY-MM-DD` header or the dateline when the text has one.
    pub date: Option<String>,
    /// Put the analysed text into the record (`text`), so offsets can be followed.
    pub emit_text: bool,
    /// The unit of the offsets in the record.
    pub offsets: OffsetUnit,
    /// Read two apostrophes (`''…''`) as double quotation marks, as some archives (the New
    /// York Times' among them) write them. Off by default: the annotated corpora we measure
    /// on treat them as plain text.
    pub doubled_apostrophes: bool,
}

/// Analysis stopped because the document's work budget ran out (see
/// [`analyze_bytes_within`]): `stage` is the last stage it reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exceeded {
    pub stage: &'static str,
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "the work budget ran out after the {} stage", self.stage)
    }
}

impl std::error::Error for Exceeded {}

/// Give flags added to a record after its analysis their stable ids (`Flag::id`), from
/// their byte offsets into `text`.
pub fn assign_flag_ids(text: &str, flags: &mut [Flag]) {
    review::assign_ids(text, flags);
}

/// Analyse one document.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    finish(output::assemble(text, options, Vec::new()), text, options)
}

/// The record's text and offsets as `options` ask.
fn finish(mut analysis: Analysis, text: &str, options: &Options) -> Analysis {
    if options.emit_text {
        analysis.text = Some(text.to_string());
    }
    if options.offsets != OffsetUnit::Bytes {
        convert_offsets(&mut analysis, text, options.offsets);
    }
    analysis
}

/// [`analyze`] with a work budget, as [`analyze_bytes_within`].
pub fn analyze_within(
    text: &str,
    options: &Options,
    deadline: Option<std::time::Instant>,
) -> Result<Analysis, Exceeded> {
    let budget = output::Budget(deadline);
    let a = output::assemble_within(text, options, Vec::new(), &budget)?;
    Ok(finish(a, text, options))
}

/// Analyse a document given as bytes: invalid UTF-8 is decoded with replacement characters
/// and flagged (offsets are then into the decoded text, which `emit_text` returns).
pub fn analyze_bytes(bytes: &[u8], options: &Options) -> Analysis {
    analyze_bytes_within(bytes, options, None).unwrap_or_default()
}

/// [`analyze_bytes`] with a work budget: past `deadline` the analysis stops at the next
/// stage and returns [`Exceeded`] (no deadline: it never does). The library reads the clock
/// and nothing else; the caller chooses the budget (`whosaid extract --max-document-seconds`).
pub fn analyze_bytes_within(
    bytes: &[u8],
    options: &Options,
    deadline: Option<std::time::Instant>,
) -> Result<Analysis, Exceeded> {
    let budget = output::Budget(deadline);
    let (text, invalid_at) = match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(e) => (String::from_utf8_lossy(bytes), Some(e.valid_up_to())),
    };
    let mut a = output::assemble_within(&text, options, Vec::new(), &budget)?;
    if let Some(at) = invalid_at {
        a.flags.insert(
            0,
            Flag::new(
                FlagKind::InvalidUtf8,
                at,
                (at + 3).min(text.len()),
                "the input is not valid UTF-8; invalid bytes were replaced with U+FFFD",
            ),
        );
        review::assign_ids(&text, &mut a.flags);
    }
    Ok(finish(a, &text, options))
}

/// Analyse an HTML page: its readable text (scripts, styles and navigation dropped) and the
/// social posts embedded in its markup. Offsets are into the readable text, which
/// `emit_text` returns.
pub fn analyze_html(html: &str, options: &Options) -> Analysis {
    analyze_html_within(html, options, None).unwrap_or_default()
}

/// [`analyze_html`] with a work budget, as [`analyze_bytes_within`].
pub fn analyze_html_within(
    html: &str,
    options: &Options,
    deadline: Option<std::time::Instant>,
) -> Result<Analysis, Exceeded> {
    let page = posts::markup::read(html);
    let budget = output::Budget(deadline);
    let a = output::assemble_within(&page.text, options, page.posts, &budget)?;
    Ok(finish(a, &page.text, options))
}
