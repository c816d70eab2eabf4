//! A transcript ("TAPPER: Do you think …", "FALLIN: Well, I think …"): where at least two
//! paragraphs open with a speaker's name and a colon, each reports the rest of its paragraph.

use super::Claims;
use crate::cues::*;
use crate::lexicon::Class;
use crate::model::Span;
use crate::segment::{Tok, is_capitalized};

/// The statements of a transcript's labelled paragraphs: "TAPPER: Do you think he can
/// win?" reports "Do you think he can win" (`transcript_colon` reads the label).
pub(crate) fn transcript(text: &str, paras: &[ParaTokens], claims: &mut Claims) {
    let labelled: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .filter(|(_, pt)| !pt.headline)
        .filter_map(|(p, pt)| Some((p, transcript_colon(text, pt)?)))
        .collect();
    if labelled.len() < 2 {
        return;
    }
    for &(p, colon) in &labelled {
        let pt = &paras[p];
        let Some(sent) = pt.sents.first() else {
            continue;
        };
        let Some(span) = labelled_span(text, pt, colon) else {
            continue;
        };
        if !claims.unclaimed(p, colon) {
            continue;
        }
        let k = claims.statement_of(p, sent, colon_cue(&pt.toks, colon));
        claims.stmts[k].content = Some(span);
    }
}

/// What a labelled paragraph reports: after the colon, without its final punctuation; not
/// a list of names after a place ("Iowa: Tim Albrecht, Brad Anderson, …").
fn labelled_span(text: &str, pt: &ParaTokens, colon: usize) -> Option<Span> {
    let toks = &pt.toks;
    let mut end = toks.len();
    // (`reported_sentence_ends`: ". : ; ? !")
    while end > colon + 1 && Class::ReportedSentenceEnds.contains(toks[end - 1].text(text)) {
        end -= 1;
    }
    let words = word_count(text, &toks[colon + 1..end]);
    let capitalized = toks[colon + 1..end]
        .iter()
        .filter(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
        .count();
    if words < 3 || 2 * capitalized > words {
        return None;
    }
    Some(Span {
        start: toks[colon + 1].start,
        end: toks[end - 1].end,
    })
}

#[cfg(test)]
mod tests {
    use crate::cues::reported::test_support::{pair, reported};

    #[test]
    fn each_labelled_paragraph_reports_the_rest() {
        let text = "Governor talks healing\n\nTAPPER: Do you think he has campaigned as a healer?\n\nFALLIN: Well, I think the whole nation needs to work together. We all need to heal.\n\nUPDATE: This story has been updated.";
        let got = reported(text);
        assert!(got.contains(&pair(":", "Do you think he has campaigned as a healer")));
        // (not a label: "UPDATE:")
        assert!(!got.iter().any(|(_, t)| t.starts_with("This story")));
    }
}
