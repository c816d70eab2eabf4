//! Whether a cue attributes even where no speaker is found.
//!
//! Reported speech needs a speaker: a clause after a cue that nobody utters is not one (a cue
//! word may be a noun or an adjective there: "pledged delegates", "known as"). Some cues
//! attribute all the same, and their statement stands with no speaker where the subject is
//! not found: see [`surely_verb`].

use crate::cues::{CueHit, CueKind};
use crate::lexicon::{LEXICON, class_key};
use crate::segment::Token;

/// Whether cue `c` (in the paragraph's tokens `toks`) is surely a verb of saying, so that
/// its statement stands without a speaker: "according to"; a verb that is never a noun
/// ("say", "argue", "believe"); a verb of perception (it reports only a clause, a view or a
/// document's finding); a verb right before "that" and its clause or "to" ("vowed to
/// fight", "pointed to the data"); a verb whose subject is as often a poll or a document as
/// a person ("shows", "calls on"), unless a particle makes it another verb ("showed up").
///
/// In "The data shows the plan failed." `shows` is surely a verb; in "The pledged delegates
/// met." `pledged` is not.
pub(crate) fn surely_verb(text: &str, toks: &[Token], c: &CueHit) -> bool {
    let next = toks.get(c.tok + c.len).map(|t| t.text(text));
    c.kind == CueKind::According
        || LEXICON.verbs_never_nouns.contains(c.lemma)
        || LEXICON.perception_verbs.contains(c.lemma)
        || (c.kind == CueKind::Verb
            && (next == Some("that")
                || next == Some("to")
                || (LEXICON.document_verbs.contains(&class_key(c.lemma))
                    && next.is_some_and(|w| !LEXICON.object_words.contains(w)))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// The first cue of a one-sentence text, with its tokens.
    fn first_cue(text: &str) -> (Vec<Token>, Option<CueHit>) {
        let toks = crate::segment::tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[],
        );
        let hit = crate::cues::find_in(text, &toks, 0, toks.len())
            .first()
            .copied();
        (toks, hit)
    }

    #[test]
    fn a_document_verb_with_its_clause_is_surely_a_verb() {
        let text = "The data shows the plan failed.";
        let (toks, hit) = first_cue(text);
        let hit = hit.expect("a cue");
        assert!(surely_verb(text, &toks, &hit));
    }

    #[test]
    fn a_verb_before_that_is_surely_a_verb() {
        let text = "The board warned that costs would rise.";
        let (toks, hit) = first_cue(text);
        assert!(surely_verb(text, &toks, &hit.expect("a cue")));
    }

    #[test]
    fn a_particle_makes_another_verb() {
        let text = "He showed up late.";
        let (toks, hit) = first_cue(text);
        if let Some(hit) = hit {
            assert!(!surely_verb(text, &toks, &hit));
        }
    }
}
