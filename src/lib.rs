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
pub use output::{convert_offsets, schema};
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

/// Analyse one document.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let mut analysis = output::assemble(text, options, Vec::new());
    if options.emit_text {
        analysis.text = Some(text.to_string());
    }
    if options.offsets != OffsetUnit::Bytes {
        convert_offsets(&mut analysis, text, options.offsets);
    }
    analysis
}

/// Analyse a document given as bytes: invalid UTF-8 is decoded with replacement characters
/// and flagged (offsets are then into the decoded text, which `emit_text` returns).
pub fn analyze_bytes(bytes: &[u8], options: &Options) -> Analysis {
    match std::str::from_utf8(bytes) {
        Ok(text) => analyze(text, options),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes);
            let at = e.valid_up_to();
            let mut a = output::assemble(&text, options, Vec::new());
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
            if options.emit_text {
                a.text = Some(text.to_string());
            }
            if options.offsets != OffsetUnit::Bytes {
                convert_offsets(&mut a, &text, options.offsets);
            }
            a
        }
    }
}

/// Analyse an HTML page: its readable text (scripts, styles and navigation dropped) and the
/// social posts embedded in its markup. Offsets are into the readable text, which
/// `emit_text` returns.
pub fn analyze_html(html: &str, options: &Options) -> Analysis {
    let page = posts::markup::read(html);
    let mut analysis = output::assemble(&page.text, options, page.posts);
    if options.emit_text {
        analysis.text = Some(page.text.clone());
    }
    if options.offsets != OffsetUnit::Bytes {
        convert_offsets(&mut analysis, &page.text, options.offsets);
    }
    analysis
}
