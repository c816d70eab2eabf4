//! Segmentation: paragraphs, then (once quotations are known) tokens and sentences.
//!
//! Paragraphs are lines: news archives store one paragraph per line, often with blank lines
//! between. Hard-wrapped text (lines broken at a column, no blank line inside a paragraph) is
//! the exception: its lines are joined into their paragraphs (`wrap`, read through
//! [`unwrapped`]); the embedded posts are read line by line, in a view where those joins are
//! spaces (`posts::scan`). Tokens are words, punctuation and whole quotations: a quotation is
//! one token (`Tok::Quote`), so the grammars of the later stages see `"…," he said` as three
//! tokens and never look inside quoted words for cues or speakers.
//!
//! The tokenizer's ordered lexer steps are in `lexer` (a word's suffix rules in
//! `abbreviations`, its byte tests on many bytes at once in `bytes`), the sentence splitter's
//! rules in `sentences`.

mod abbreviations;
mod bytes;
mod lexer;
mod list_words;
mod sentences;
mod wrap;

pub(crate) use lexer::{tokens, tokens_and_ends_into};
#[cfg(test)]
pub(crate) use sentences::sentences;
pub(crate) use sentences::{
    doubled_apostrophe, doubled_apostrophe_pairs, enclosing, has_doubled, sentences_into,
};
/// [`paragraphs`] and [`unwrapped`] together, from one reading of the lines.
pub(crate) use wrap::lines_and_paragraphs;
/// The paragraphs the statements are read in: the lines, with the lines of hard-wrapped text
/// joined into their paragraphs ([`wrap`]).
pub(crate) use wrap::paragraphs as unwrapped;

use crate::lexicon::{Class, ClassSet, LEXICON, VerbForm, info};
use crate::model::Span;

/// The apostrophes: the straight one and the right single mark, which is also a closing
/// quotation mark ("don't", "don’t", "the Joneses’").
pub(crate) const APOSTROPHES: [char; 2] = ['\'', '’'];

/// Paragraph spans: each non-empty line, without its surrounding white space.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push(Span {
                start: trimmed_start,
                end: trimmed_end,
            });
        }
        start = end;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Punct,
    /// A quotation; the index is into the document's quotation list (a `u32`, so that a
    /// token is 40 bytes, not 48: a document holds fewer quotations than it has bytes, and
    /// [`Tok::quote`] makes the kind of a quotation's index).
    Quote(u32),
}

impl Tok {
    /// The kind of the token of quotation `k` of the document (an index past `u32::MAX`,
    /// of a document of over 8 GB in one piece, is kept at the largest).
    pub fn quote(k: usize) -> Tok {
        Tok::Quote(u32::try_from(k).unwrap_or(u32::MAX))
    }

    /// The kind as one of three codes (a word 0, punctuation 1, a quotation 2), such that
    /// the codes of tokens ORed together hold 2 exactly where one is a quotation: a pass
    /// over tokens ORs their codes, no test a token.
    #[inline]
    pub fn code(self) -> u8 {
        match self {
            Tok::Word => 0,
            Tok::Punct => 1,
            Tok::Quote(_) => 2,
        }
    }

    /// The index of the quotation the token is, if it is one.
    pub fn quote_index(self) -> Option<usize> {
        match self {
            Tok::Quote(k) => Some(k as usize),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
    /// The word's classes in the lexicon (as written and in lower case), looked up once when
    /// the token is made; empty for punctuation and quotations. A reference into the
    /// lexicon's tables (8 bytes, not the set's 40: a token is 40 bytes, not 72).
    pub classes: &'static ClassSet,
    /// The word's reporting verb form in lower case (a number into `LEXICON.verb_forms`,
    /// `lexicon::info::NO_VERB` for none), looked up when the token is made.
    pub verb: u16,
    /// Facts of the word's spelling (`lexicon::info`: lower case, capitalised, head of a
    /// two-word verb form) and whether it may be a cue (`info::MAY_CUE`, which a colon has
    /// too); no other for punctuation, none for quotations.
    pub flags: u8,
}

impl Token {
    /// Whether the token is a word of class `c`.
    pub fn is(&self, c: Class) -> bool {
        self.classes.has(c)
    }

    /// Whether the word has no upper-case letter (it is its own lower-case form).
    pub fn is_lower(&self) -> bool {
        self.flags & info::LOWER != 0
    }

    /// Whether the word starts with an upper-case letter ([`is_capitalized`]).
    pub fn is_capitalised(&self) -> bool {
        self.flags & info::CAPITALISED != 0
    }

    /// Whether the word, exactly as written, is in class `c` (`Class::contains`), read from
    /// the token's classes; only a word with a capital in a class with capitalised words is
    /// looked up again. Punctuation and quotations are in no class by this test (ask
    /// `Class::contains` of their text).
    pub fn is_written(&self, c: Class, text: &str) -> bool {
        if self.is_lower() {
            self.is(c)
        } else if c.lower_only() || !self.is(c) {
            false
        } else {
            c.contains(self.text(text))
        }
    }

    /// The reporting verb form of the word in lower case, of one word or the first of two
    /// (`LEXICON.verbs`).
    pub fn verb_form(&self) -> Option<VerbForm> {
        LEXICON.verb_forms.get(usize::from(self.verb)).copied()
    }

    /// Whether the word, joined by marks or touching a letter or digit, may hold a word of a
    /// listed channel pattern though it is not one (the lexer's bit
    /// [`info::JOINED_MAY_MATCH`]: "CNN's", "pro-Trump"; not "CNN" or "the").
    #[inline]
    pub fn joined_may_match(&self) -> bool {
        self.flags & info::JOINED_MAY_MATCH != 0
    }

    /// Whether the token may be a cue ([`info::MAY_CUE`]): a word of `Class::FindMayCue`,
    /// or a colon; its classes are not read.
    #[inline]
    pub fn may_cue(&self) -> bool {
        self.flags & info::MAY_CUE != 0
    }

    /// Whether the word in lower case is the first of a two-word verb form ("went").
    pub fn is_verb_head(&self) -> bool {
        self.flags & info::VERB_HEAD != 0
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether the token is `s`, exactly (`t.text(text) == s`, its length compared first and
    /// its bytes read without slicing the text on character boundaries): `t.is_text(text, ",")`.
    #[inline]
    pub fn is_text(&self, text: &str, s: &str) -> bool {
        self.end.wrapping_sub(self.start) == s.len()
            && text.as_bytes().get(self.start..self.end) == Some(s.as_bytes())
    }
}

/// Merge overlapping spans (sorted by start) so that [`masked`] can search them.
pub(crate) fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `pos` lies inside one of the merged, sorted `spans`.
pub(crate) fn masked(spans: &[Span], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= pos);
    i > 0 && pos < spans[i - 1].end
}

/// Whether a word token starts with an upper-case letter or a digit.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph's tokens are the largest list a document makes (one 8 MB paragraph has
    /// over a million): a token stays within 40 bytes (its classes a reference into the
    /// lexicon's tables), and a quotation's index round-trips.
    #[test]
    fn a_token_is_40_bytes_and_keeps_its_quotations_index() {
        assert!(
            std::mem::size_of::<Token>() <= 40,
            "{}",
            std::mem::size_of::<Token>()
        );
        assert_eq!(Tok::quote(7).quote_index(), Some(7));
        assert_eq!(Tok::Word.quote_index(), None);
        assert_eq!(Tok::quote(usize::MAX), Tok::Quote(u32::MAX));
    }

    #[test]
    fn paragraphs_are_trimmed_non_empty_lines() {
        let text = " One.\n\n  Two two.\r\nThree";
        let p = paragraphs(text);
        let got: Vec<&str> = p.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["One.", "Two two.", "Three"]);
    }
}
