//! The channel step: each standing statement's channel and time, read in its cue's clause
//! outside quotations (`channels::find_in`, `channels::time_in`), then carried over to the
//! same speaker's next statement where the text continues the occasion.

use super::statement::{Doc, Statement};
use crate::channels::{self, Context, Hits, window};
use crate::cues::ParaTokens;
use crate::input;
use crate::model::{Metadata, Span};
use crate::segment::Tok;

/// Fill in the channel and time of every standing statement with a cue.
pub(super) fn attribute(doc: &Doc, metadata: &Metadata, statements: &mut [Statement]) {
    let text = doc.text;
    let reference_date = reference_date(metadata);
    // The automaton matches of a paragraph, found once for its statements.
    let mut para_hits: Vec<Option<Hits>> = (0..doc.paras.len()).map(|_| None).collect();
    for st in statements.iter_mut().filter(|st| st.stands) {
        let Some(cue) = st.cue else { continue };
        let pt = st.para_tokens(doc);
        let skip = skip_spans(pt, &st.sent, metadata);
        let clause = window::clause(text, pt, &st.sent, &cue);
        let ctx = Context {
            cue: Some((
                cue.lemma,
                Span {
                    start: cue.start,
                    end: cue.end,
                },
            )),
            speaker: st.speaker.as_ref().map(|sp| (sp.kind, sp.text.as_str())),
            quotes: &skip,
            para_toks: Some(&pt.toks),
        };
        let hits = para_hits[st.para].get_or_insert_with(|| Hits::new(text, doc.paras[st.para]));
        st.channel = channels::find_in(text, clause, &ctx, hits);
        st.time = channels::time_in(text, clause, &skip, reference_date.as_deref(), hits);
    }
}

/// The date relative times resolve against: the dateline's day when it names one ("April
/// 12 (UPI) --"), else the article's date.
fn reference_date(metadata: &Metadata) -> Option<String> {
    match (&metadata.dateline, &metadata.date) {
        (Some(dl), Some(d)) => input::dateline_date(&dl.text, d).or(Some(d.clone())),
        (_, d) => d.clone(),
    }
}

/// What channels and times are not read in, in sentence `sent`: its quotations, and the
/// dateline (metadata, not the time of a statement).
fn skip_spans(pt: &ParaTokens, sent: &std::ops::Range<usize>, metadata: &Metadata) -> Vec<Span> {
    pt.toks[sent.clone()]
        .iter()
        .filter(|t| matches!(t.kind, Tok::Quote(_)))
        .map(|t| Span {
            start: t.start,
            end: t.end,
        })
        .chain(metadata.dateline.as_ref().map(|d| Span {
            start: d.start,
            end: d.end,
        }))
        .collect()
}

/// A channel carries to the same speaker's next statement when the text plainly continues
/// the occasion (`channels::window::carries`): statements in the order of their cues.
pub(super) fn carry(statements: &mut [Statement]) {
    let mut in_order: Vec<usize> = (0..statements.len())
        .filter(|&s| statements[s].stands)
        .collect();
    in_order.sort_by_key(|&s| statements[s].cue.map_or(0, |c| c.start));
    let entity = |st: &Statement| st.speaker.as_ref().and_then(|sp| sp.entity);
    let mut last: Option<(usize, usize)> = None; // (statement, paragraph)
    for &s in &in_order {
        let st = &statements[s];
        if let Some((p, para)) = last
            && st.channel.is_none()
            && st.cue.is_some_and(|c| {
                window::carries(entity(&statements[p]), para, entity(st), st.para, c.lemma)
            })
        {
            statements[s].channel = statements[p].channel.clone();
        }
        last = Some((s, statements[s].para));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dateline_gives_the_reference_date() {
        let mut md = Metadata {
            date: Some("2020-04-14".into()),
            ..Metadata::default()
        };
        assert_eq!(reference_date(&md).as_deref(), Some("2020-04-14"));
        md.date = None;
        assert_eq!(reference_date(&md), None);
    }

    #[test]
    fn added_keeps_the_channel_of_the_statement_before() {
        let text = "Smith said on CNN that the plan had failed.\n\nHe added that it cost too much.";
        let a = crate::analyze(text, &crate::Options::default());
        assert_eq!(a.quotes.len(), 2);
        let ch: Vec<_> = a.quotes.iter().map(|q| q.channel.clone()).collect();
        assert!(ch[0].is_some());
        assert_eq!(ch[0], ch[1]);
    }
}
