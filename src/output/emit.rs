//! The statements written out: each quotation part that is speech and each clause of
//! reported speech becomes a `Quote`, in document order, numbered by statement.

use super::statement::{Doc, Statement};
use crate::model::{Cue, Flag, FlagKind, Quote, QuoteKind, Span, SpeakerRef};

/// A piece of a statement to write: where it starts, its statement, and what it is (a
/// quotation part, or the span of reported speech).
type Piece = (usize, Option<usize>, Result<usize, Span>);

/// The quotes of the output, in document order, and the next statement number. A quotation
/// whose statement names no speaker takes its speaker of `part_speakers` (the subject of
/// its sentence); one that nothing attributes is flagged.
pub(super) fn quotes(
    doc: &Doc,
    statements: &mut [Statement],
    part_speakers: &[Option<SpeakerRef>],
    flags: &mut Vec<Flag>,
) -> (Vec<Quote>, usize) {
    let order = pieces(doc, statements);
    // (the posts' statements join them later)
    let mut quotes_out: Vec<Quote> = Vec::with_capacity(order.len() + 4);
    let mut next_number = 0;
    // A part with a speaker of its own leaves its statement (whose cue named no one).
    let own = |k: Result<usize, Span>| k.ok().and_then(|k| part_speakers[k].as_ref());
    let of_statement = |&(_, stmt, k): &Piece| stmt.filter(|_| own(k).is_none());
    // (each statement's pieces still to write: the last takes its speaker, channel and
    // time, the others copy them)
    let mut left = vec![0u32; statements.len()];
    for s in order.iter().filter_map(of_statement) {
        left[s] += 1;
    }
    for piece in &order {
        let (stmt, k) = (of_statement(piece), piece.2);
        let statement = match stmt {
            Some(s) => *statements[s].number.get_or_insert_with(|| {
                next_number += 1;
                next_number - 1
            }),
            None => {
                next_number += 1;
                next_number - 1
            }
        };
        let (kind, span) = match k {
            Ok(k) => (part_kind(doc, k), doc.parts[k].inner),
            Err(span) => (QuoteKind::Indirect, span),
        };
        // (the quote is built in its slot: its speaker, cue, channel and time are written
        // into it there, not gathered on the stack and moved in whole)
        quotes_out.push(Quote {
            kind,
            text: doc.text[span.start..span.end].to_string(),
            start: span.start,
            end: span.end,
            statement,
            speaker: None,
            cue: None,
            channel: None,
            time: None,
            post: None,
        });
        let Some(q) = quotes_out.last_mut() else {
            continue;
        };
        match stmt {
            Some(s) => fill(q, doc.text, &mut statements[s], &mut left[s]),
            // (a part with a speaker of its own, or one that nothing attributes)
            None => match own(k) {
                Some(own) => q.speaker = Some(own.clone()),
                None => flags.push(Flag::new(
                    FlagKind::UnattributedQuote,
                    span.start,
                    span.end,
                    "a quotation that nothing attributes to anyone",
                )),
            },
        }
    }
    (quotes_out, next_number)
}

/// Write statement `st`'s cue, speaker, channel and time into its piece `q`; `left` counts
/// its pieces still to write (the last takes the fields, the others copy them).
fn fill(q: &mut Quote, text: &str, st: &mut Statement, left: &mut u32) {
    q.cue = cue_of(text, st);
    *left -= 1;
    let last = *left == 0;
    q.speaker = taken(&mut st.speaker, last);
    q.channel = taken(&mut st.channel, last);
    q.time = taken(&mut st.time, last);
}

/// The value of a statement's field for one of its pieces: taken by its `last` piece (the
/// statement is not read after its pieces are written), copied for the others.
fn taken<T: Clone>(field: &mut Option<T>, last: bool) -> Option<T> {
    if last { field.take() } else { field.clone() }
}

/// The pieces to write, sorted: every quotation part that is speech, and the clauses of
/// each standing statement that is not a quotation standing on its own.
fn pieces(doc: &Doc, statements: &[Statement]) -> Vec<Piece> {
    // (room for every part and three clauses a statement: no growing)
    let mut order: Vec<Piece> = Vec::with_capacity(doc.parts.len() + 3 * statements.len());
    for (k, part) in doc.parts.iter().enumerate() {
        if doc.is_speech(k) {
            order.push((part.inner.start, doc.info[k].stmt, Ok(k)));
        }
    }
    for (s, st) in statements.iter().enumerate().filter(|(_, st)| st.stands) {
        // A quotation standing on its own as speech is the statement; no clause besides it.
        if st
            .parts
            .iter()
            .any(|&k| doc.is_speech(k) && doc.info[k].direct)
        {
            continue;
        }
        for c in [st.lead, st.content, st.rest].into_iter().flatten() {
            order.push((c.start, Some(s), Err(c)));
        }
    }
    // (pieces that compare equal are equal: the unstable sort gives the same order)
    order.sort_unstable();
    order
}

/// A quotation part is direct when it is the whole statement (`“We will win,” she said.`),
/// partial when it is a piece of the writer's sentence (`She said they would “win big.”`).
fn part_kind(doc: &Doc, k: usize) -> QuoteKind {
    if doc.info[k].direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// The output's cue of a statement.
fn cue_of(text: &str, st: &Statement) -> Option<Cue> {
    st.cue.map(|c| Cue {
        text: text[c.start..c.end].to_string(),
        start: c.start,
        end: c.end,
        lemma: c.lemma.into(),
        negated: st.negated,
    })
}

#[cfg(test)]
mod tests {
    use crate::model::QuoteKind;

    #[test]
    fn parts_of_one_statement_share_its_number() {
        let text = "“We will win,” she said, “and soon.”\n\n“Nobody knows,” he said.";
        let a = crate::analyze(text, &crate::Options::default());
        let numbers: Vec<usize> = a.quotes.iter().map(|q| q.statement).collect();
        assert_eq!(numbers, vec![0, 0, 1]);
        assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Direct));
    }

    #[test]
    fn reported_speech_is_an_indirect_quote() {
        let text = "The mayor said the budget was balanced.";
        let a = crate::analyze(text, &crate::Options::default());
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].kind, QuoteKind::Indirect);
        assert_eq!(a.quotes[0].cue.as_ref().map(|c| &*c.lemma), Some("say"));
    }
}
