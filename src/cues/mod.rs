//! Cues: the words that say a statement was made, and which quotation each one governs.
//!
//! A cue is a reporting verb from the lexicon ("said", "went on", "according to"), a colon
//! that introduces a quotation (`X: “…”`, `X said:`), or a dash after a quotation
//! (`” — Commissioner X`). Each quotation part is linked to at most one cue, by the
//! patterns of news writing, tried in this order:
//!
//! 1. `“Q,” SPEAKER CUE` / `“Q,” CUE SPEAKER`: a cue right after the quotation, with at most
//!    a speaker mention (and its apposition) between them;
//! 2. `“Q” — SPEAKER`: a dash after the quotation, then a name;
//! 3. `SPEAKER CUE: “Q”`, `SPEAKER CUE (that) … “Q”`: the nearest cue before the quotation
//!    in its sentence;
//! 4. any later cue in the sentence;
//! 5. context, for a sentence that is only quotation: the attributed statement next to it in
//!    the paragraph (`“A.” “B,” he said.` and `“A,” he said. “B.”`), the statement of the
//!    previous paragraph when this paragraph is only quotation, or `X said:` ending the
//!    previous paragraph. A quotation continued from the previous paragraph stays with it.

mod clause;
mod find;
mod find_context;
mod find_sources;
mod find_words;
mod headline;
mod link;
mod link_context;
mod link_patterns;
mod reported;
#[cfg(test)]
mod test_support;

pub(crate) use clause::*;
pub(crate) use find::*;
pub(crate) use find_context::*;
pub(crate) use find_sources::*;
pub(crate) use find_words::*;
pub(crate) use headline::*;
pub(crate) use link::*;
pub(crate) use link_patterns::*;
pub(crate) use reported::*;
