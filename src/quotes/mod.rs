//! Quotation marks: find them, tell them from apostrophes, pair them once.
//!
//! Candidates are found with `memchr` (the bytes that start `"`, `'`, `“ ” ‘ ’ „ ‚ ‹ ›`
//! and `« »`); each candidate is classified by its neighbours (can it open? can it close?
//! is it an apostrophe?) and the marks of a paragraph are paired in one pass with a small
//! state machine. Every later stage looks pairs up here and never pairs marks again.
//!
//! Rules:
//! - Double marks (“ ” " « » „ ‹ ›) are outer marks. Single marks (‘ ’ ' ‚) are outer marks
//!   only where a plausible closer follows in the same paragraph (British house style);
//!   inside double marks they are part of the quoted words.
//! - An apostrophe never opens: `don't`, `'90s`, `rock 'n' roll`, `O'Neill`, `’em`.
//! - TeX and treebank marks: two grave accents open a double quotation and two apostrophes
//!   close it (``Hello,'' he said); one grave accent opens a single one (`Hi,' she said).
//! - A paragraph that ends inside a quotation continues it when the next paragraph opens
//!   with a quotation mark (the multi-paragraph convention, in double marks or, British,
//!   single ones: The mayor said: 'We will build it. ¶ 'It will …'); otherwise the quotation
//!   is closed at the paragraph's end and flagged as unbalanced — or, when that is further
//!   than any real quotation runs (text with no line breaks), at its first sentence stop.
//! - Pairing is linear in the number of marks (what lies ahead of each mark is read once).
//!
//! The grammar of one mark is in `marks` (its alphabet and a rule per mark), the pairing's
//! steps in `pairing`, and the rules that tell a quotation that is not speech (a nickname,
//! a title, a term) in `non_speech`; an article's credit line in quotation marks in `credit`.

mod credit;
mod marks;
mod non_speech;
mod pairing;

pub(crate) use credit::credit_line;
pub(crate) use non_speech::{coordinated, non_speech_kind, stage_direction};
pub(crate) use pairing::find;

use crate::model::Span;

/// A stretch of quoted words in one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuotePart {
    /// From the opening mark to the closing mark (or the paragraph's end), marks included.
    pub outer: Span,
    /// The quoted words, without marks and surrounding spaces.
    pub inner: Span,
    /// Paragraph index.
    pub para: usize,
    /// The index of the previous part when this part continues a quotation from the
    /// previous paragraph.
    pub continues: Option<usize>,
    /// No closing mark was found.
    pub unclosed: bool,
    /// In single marks (‘…’ or '…').
    pub single: bool,
}
