//! Speech or not: which quotation parts are someone's words, and what the others are (terms,
//! titles, scare quotes). The decision belongs to the quotes stage; its word-level test is
//! `quotes::non_speech_kind`, run here once the linking knows which parts are attributed.

use super::statement::Doc;
use crate::cues::PartInfo;
use crate::model::{NonSpeech, NonSpeechKind};
use crate::quotes::{self, QuotePart};
use crate::segment::Token;

/// Which parts of `doc` are speech (into `doc.speech`); the others, as non-speech.
pub(super) fn decide(doc: &mut Doc, american: bool) -> Vec<NonSpeech> {
    let text = doc.text;
    let mut non_speech = Vec::new();
    let mut speech = vec![false; doc.parts.len()];
    for (k, part) in doc.parts.iter().enumerate() {
        let toks = &doc.para_toks[part.para].toks;
        let kind = match non_speech_kind(text, part, toks, &doc.info[k], american) {
            Some(NonSpeechKind::Term) if k > 0 && listed_after_speech(doc, &speech, k) => None,
            kind => kind,
        };
        match kind {
            Some(kind) => non_speech.push(NonSpeech {
                kind,
                text: text[part.inner.start..part.inner.end].to_string(),
                start: part.inner.start,
                end: part.inner.end,
            }),
            None => speech[k] = true,
        }
    }
    doc.speech = speech;
    non_speech
}

/// Whether part `k`, a term by its words, is the next item of a list whose previous item,
/// in the same paragraph, is speech: a “human leech who will bleed the country” and a
/// “spoiled brat.”
fn listed_after_speech(doc: &Doc, speech: &[bool], k: usize) -> bool {
    let (part, prev) = (&doc.parts[k], &doc.parts[k - 1]);
    let toks = &doc.para_toks[part.para].toks;
    speech[k - 1]
        && prev.para == part.para
        && quotes::coordinated(doc.text, toks, doc.info[k - 1].tok, doc.info[k].tok)
}

/// What a quotation part is when it is not speech, or `None` for speech. A part that
/// continues a quotation of the previous paragraph is speech; in American style a part in
/// single marks is a term (`He called it ‘nonsense.’`); else the words decide
/// (`quotes::non_speech_kind`: a title, a scare-quoted term…).
pub(super) fn non_speech_kind(
    text: &str,
    part: &QuotePart,
    toks: &[Token],
    info: &PartInfo,
    american: bool,
) -> Option<NonSpeechKind> {
    let inner = &text[part.inner.start..part.inner.end];
    if quotes::stage_direction(inner) {
        Some(NonSpeechKind::StageDirection)
    } else if quotes::credit_line(inner) {
        Some(NonSpeechKind::Credit)
    } else if part.continues.is_some() {
        None
    } else if part.single && american {
        Some(NonSpeechKind::Term)
    } else {
        quotes::non_speech_kind(text, toks, info.tok, part.inner, info.stmt.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn part(text: &str, inner: &str, single: bool, continues: Option<usize>) -> QuotePart {
        let start = text.find(inner).expect("in the text");
        let inner = Span {
            start,
            end: start + inner.len(),
        };
        QuotePart {
            outer: inner,
            inner,
            para: 0,
            continues,
            unclosed: false,
            single,
        }
    }

    #[test]
    fn single_marks_in_american_style_are_a_term() {
        let text = "He called it ‘nonsense’ and left.";
        let p = part(text, "nonsense", true, None);
        let info = PartInfo::default();
        assert_eq!(
            non_speech_kind(text, &p, &[], &info, true),
            Some(NonSpeechKind::Term)
        );
    }

    #[test]
    fn a_stage_direction_is_no_speech_even_continued() {
        let text = "“(CROSSTALK.)";
        let p = part(text, "(CROSSTALK.)", false, Some(0));
        let info = PartInfo::default();
        assert_eq!(
            non_speech_kind(text, &p, &[], &info, true),
            Some(NonSpeechKind::StageDirection)
        );
    }

    #[test]
    fn a_continued_quotation_is_speech() {
        let text = "“and we will win,” she said.";
        let p = part(text, "and we will win,", false, Some(0));
        let info = PartInfo::default();
        assert_eq!(non_speech_kind(text, &p, &[], &info, true), None);
    }
}
