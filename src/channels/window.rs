//! The window a statement's channel and time are read in: the cue's own clause in its
//! sentence ([`clause`]), and when a channel carries over to the same speaker's next
//! statement ([`carries`]).

use std::ops::Range;

use crate::cues::{CueHit, CueKind, ParaTokens};
use crate::lexicon::{Class, class_key};
use crate::model::Span;
use crate::segment::{Tok, Token, is_capitalized};

/// The clause of cue `cue` in sentence `sent` of a paragraph: from the previous cue of the
/// sentence to the next one, where those open a clause of their own ([`opens_clause`]),
/// outside quotations only by the callers' skip list. In "She said, referring to his
/// interview with CNN, that …" CNN is in the clause of "referring", not of "said".
pub(crate) fn clause(text: &str, pt: &ParaTokens, sent: &Range<usize>, cue: &CueHit) -> Span {
    let region = Span {
        start: pt.toks[sent.start].start,
        end: pt.toks[sent.end - 1].end,
    };
    let others = pt.cues[pt.sentence_of(sent)]
        .iter()
        .filter(|o| o.kind != CueKind::Noun && opens_clause(text, &pt.toks, o));
    let from = others
        .clone()
        .filter(|o| o.tok < cue.tok)
        .map(|o| pt.toks[o.tok + o.len - 1].end)
        .max()
        .unwrap_or(region.start);
    let to = others
        .filter(|o| o.tok > cue.tok)
        .map(|o| pt.toks[o.tok].start)
        .min()
        .unwrap_or(region.end);
    Span {
        start: from.max(region.start),
        end: to.min(region.end).max(from),
    }
}

/// Whether cue `o` opens a clause of its own: after a quotation, a comma, "and", "but" or
/// ";", or after its own subject (a capitalised word or a pronoun). "…, referring to" and
/// "he told" do; "a video posted on YouTube" does not.
pub(crate) fn opens_clause(text: &str, toks: &[Token], o: &CueHit) -> bool {
    o.tok > 0 && {
        let p = toks[o.tok - 1];
        let w = p.text(text);
        matches!(p.kind, Tok::Quote(_))
            || Class::OutputClauseMarks.contains(w)
            || is_capitalized(w)
            || Class::OutputClauseSubjects.contains(w)
    }
}

/// Whether a channel carries from the same speaker's previous statement (entity
/// `prev_entity`, in paragraph `prev_para`) to a statement with no channel of its own (entity
/// `entity`, paragraph `para`, cue `lemma`): the text plainly continues the occasion ("he
/// added", "she went on"), in the same or the next paragraph. In "Smith said on CNN that …
/// He added that …", the second statement is on CNN too.
pub(crate) fn carries(
    prev_entity: Option<usize>,
    prev_para: usize,
    entity: Option<usize>,
    para: usize,
    lemma: &str,
) -> bool {
    entity.is_some()
        && prev_entity == entity
        && para <= prev_para + 1
        && Class::OutputCarryingCues.contains(&class_key(lemma))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn para(text: &str) -> ParaTokens {
        let span = segment::paragraphs(text)[0];
        let toks = segment::tokens(text, span, &[]);
        let sents = segment::sentences(text, &toks, |_| span);
        let mut pt = ParaTokens {
            toks,
            sents,
            cues: Vec::new(),
            headline: false,
        };
        crate::cues::annotate(text, &mut pt);
        pt
    }

    #[test]
    fn a_later_cue_after_a_comma_ends_the_clause() {
        let text = "She said on Monday, referring to his interview with CNN, that it was wrong.";
        let pt = para(text);
        let sent = pt.sents[0].clone();
        let said = pt.cues[0].iter().find(|c| c.lemma == "say").copied();
        let said = said.expect("said is a cue");
        let c = clause(text, &pt, &sent, &said);
        let window = &text[c.start..c.end];
        assert!(window.contains("on Monday"));
        if pt.cues[0].iter().any(|c| c.lemma == "refer") {
            assert!(!window.contains("CNN"));
        }
    }

    #[test]
    fn a_cue_after_a_comma_opens_a_clause() {
        let text = "He spoke, and said it was over.";
        let pt = para(text);
        let said = pt.cues[0].iter().find(|c| c.lemma == "say").copied();
        assert!(opens_clause(text, &pt.toks, &said.expect("said is a cue")));
    }

    #[test]
    fn added_carries_the_channel_of_the_same_speaker() {
        assert!(carries(Some(1), 3, Some(1), 4, "add"));
        assert!(carries(Some(1), 3, Some(1), 3, "go on"));
        assert!(!carries(Some(1), 3, Some(2), 3, "add"));
        assert!(!carries(Some(1), 3, Some(1), 5, "add"));
        assert!(!carries(None, 3, None, 3, "add"));
        assert!(!carries(Some(1), 3, Some(1), 3, "say"));
    }
}
