//! The speaker step: the mention next to each cue that governs speech, resolved over the
//! document in order (`speakers::for_cue`, `speakers::resolve`), and whether each statement
//! stands.

use super::statement::{Doc, Statement};
use crate::model::SpeakerRef;
use crate::speakers::{self, EntityB, Mention, NameCandidate, Resolved};

/// Fill in the speaker of every statement that governs speech, and whether each stands.
/// Returns the people named in the text (for the review) and the entities.
pub(super) fn attribute(
    doc: &Doc,
    statements: &mut [Statement],
) -> (Vec<NameCandidate>, Vec<EntityB>) {
    let text = doc.text;
    // Mentions in document order, each with its statement.
    let mut found: Vec<(usize, Mention)> = statements
        .iter()
        .enumerate()
        .filter(|(_, st)| st.governs_speech)
        .filter_map(|(s, st)| mention_of(doc, st).map(|m| (s, m)))
        .collect();
    found.sort_by_key(|(_, m)| m.start);
    let (owners, mentions): (Vec<usize>, Vec<Mention>) = found.into_iter().unzip();
    // The people named in the text: needed to resolve pronouns and surnames and to review.
    let candidates: Vec<NameCandidate> = doc
        .para_toks
        .iter()
        .flat_map(|pt| speakers::name_candidates(text, &pt.toks))
        .collect();
    let para_start = |pos: usize| {
        let i = doc.paras.partition_point(|p| p.start <= pos);
        doc.paras[i.saturating_sub(1)].start
    };
    let (resolved, entities) = speakers::resolve(&mentions, &candidates, para_start);
    for &s in &owners {
        statements[s].has_mention = true;
    }
    for ((&s, m), r) in owners.iter().zip(&mentions).zip(resolved) {
        statements[s].speaker = Some(speaker_ref(text, m, r));
    }
    for st in statements.iter_mut() {
        st.stands = stands(doc, st);
    }
    (candidates, entities)
}

/// The mention the cue of `st` attributes its statement to (none for an agentless one):
/// "Smith" in `“We will win,” Smith said.`
fn mention_of(doc: &Doc, st: &Statement) -> Option<Mention> {
    if st.agentless {
        return None;
    }
    // The quotation the cue governs, among those that are speech.
    let quote_tok = st
        .parts
        .iter()
        .filter(|&&k| {
            doc.is_speech(k) && doc.parts[k].para == st.para && st.sent.contains(&doc.info[k].tok)
        })
        .map(|&k| doc.info[k].tok)
        .min();
    let pt = st.para_tokens(doc);
    let sent_cues = &pt.cues[pt.sentence_of(&st.sent)];
    speakers::for_cue(doc.text, &pt.toks, &st.sent, sent_cues, st.cue?, quote_tok)
}

/// The output's speaker of mention `m` resolved as `r`.
fn speaker_ref(text: &str, m: &Mention, r: Resolved) -> SpeakerRef {
    SpeakerRef {
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
        name: r.name,
        role: r.role,
        kind: r.kind,
        entity: r.entity,
    }
}

/// Whether a statement that governs speech stands: it quotes speech, its speaker was found,
/// it has no one to name ("is expected to"), or its cue is surely a verb of saying
/// (`speakers::surely_verb`). "The pledged delegates met" reports nothing.
fn stands(doc: &Doc, st: &Statement) -> bool {
    st.governs_speech
        && (st.quotes_speech(doc)
            || st.has_mention
            || st.agentless
            || st.cue.is_some_and(|c| {
                speakers::surely_verb::surely_verb(doc.text, &st.para_tokens(doc).toks, &c)
            }))
}

#[cfg(test)]
mod tests {
    fn statements(text: &str) -> Vec<crate::model::Quote> {
        crate::analyze(text, &crate::Options::default()).quotes
    }

    #[test]
    fn a_quotation_gets_the_speaker_next_to_its_cue() {
        let q = statements("“We will win,” Mayor Jane Smith said.");
        assert_eq!(q.len(), 1);
        let sp = q[0].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Jane Smith");
    }

    #[test]
    fn reported_speech_with_no_speaker_stands_only_after_a_sure_verb() {
        let q = statements("Polls show the mayor is ahead.");
        assert_eq!(q.len(), 1);
        assert!(statements("The pledged delegates met in Ohio.").is_empty());
    }
}
