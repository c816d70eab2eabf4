//! Tokenizing a paragraph for the unit tests of cue finding and linking.

use super::*;
use crate::model::Span;
use crate::segment;

/// `text` as one paragraph, as the linking reads it: its quotation parts, its tokens (each
/// quotation one token), its sentences and their cues.
pub(crate) fn paragraph(text: &str) -> (Vec<crate::quotes::QuotePart>, ParaTokens) {
    let span = Span {
        start: 0,
        end: text.len(),
    };
    let (parts, _) = crate::quotes::find(text, &[span], &[], false);
    let here: Vec<(usize, Span)> = parts
        .iter()
        .enumerate()
        .map(|(k, p)| (k, p.outer))
        .collect();
    let toks = segment::tokens(text, span, &here);
    let sents = segment::sentences(text, &toks, |k| parts[k].inner);
    let mut pt = ParaTokens {
        toks,
        sents,
        cues: Vec::new(),
        headline: false,
    };
    annotate(text, &mut pt);
    (parts, pt)
}

/// The index of the first token of `pt` whose text is `word`.
pub(crate) fn tok_of(text: &str, pt: &ParaTokens, word: &str) -> usize {
    pt.toks
        .iter()
        .position(|t| t.text(text) == word)
        .unwrap_or_else(|| panic!("no token {word:?} in {text:?}"))
}

/// The text of a cue.
pub(crate) fn cue_text(text: &str, c: CueHit) -> &str {
    &text[c.start..c.end]
}
