//! "according to X": the clause its source attributes, before or after it.

use super::pattern::{capital, folded, is};
use super::{Cx, Decide, Decision, decide};
use crate::cues::subject_pronoun;
use crate::lexicon::Class;
use crate::segment::{Tok, Token};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_till;
use std::ops::Range;

/// The rules of an "according to" cue, in order: the first that applies decides.
const RULES: &[Decide] = &[
    Decide {
        name: "source_opens_sentence",
        rule: source_opens_sentence,
    },
    // (before `source_after_clause`: a source set off by commas is read on both sides)
    Decide {
        name: "source_between_commas",
        rule: source_between_commas,
    },
    Decide {
        name: "source_after_clause",
        rule: source_after_clause,
    },
];

/// The clause an "according to" cue reports (none when no rule applies).
pub(super) fn clause(cx: &Cx) -> Option<Range<usize>> {
    decide(RULES, cx).and_then(|(_, d)| d)
}

/// Punctuation after which a clause opens as a sentence does.
const OPENING_MARKS: [&str; 4] = [":", ";", "—", "--"];

/// The first comma from token `from` in the sentence: "according to X, …".
fn comma_after(cx: &Cx, from: usize) -> Option<usize> {
    let text = cx.text;
    (take_till(|t: &Token| t.is_text(text, ",")), is(","))
        .parse(cx.span(from, cx.hi))
        .ok()
        .map(|(_, (skipped, _))| skipped.hi)
}

/// "According to recent polls, Trump leads the field.": the source opens the sentence (or
/// follows a colon, semicolon or dash: "It hasn't gone unnoticed: According to recent
/// polls, …"), and the clause follows its comma.
fn source_opens_sentence(cx: &Cx) -> Decision {
    let (c, lo, hi) = (cx.c, cx.lo, cx.hi);
    let starts = c.tok == lo
        || (c.tok == lo + 1 && cx.toks[lo].kind == Tok::Word)
        || OPENING_MARKS.contains(&cx.w(c.tok - 1));
    if !starts {
        return None;
    }
    let Some(comma) = comma_after(cx, cx.after) else {
        return Some(None);
    };
    let r = comma + 1..hi;
    Some((cx.words_up_to(&r, 3) >= 3).then_some(r))
}

/// "The network censured his report, according to him.", "…, according to him, the
/// network censured his report": a source set off by a comma.
fn source_between_commas(cx: &Cx) -> Decision {
    let (c, lo, hi) = (cx.c, cx.lo, cx.hi);
    if !cx.comma_before(c.tok) {
        return None;
    }
    if let Some(comma) = comma_after(cx, cx.after)
        && cx.words_up_to(&(comma + 1..hi), 3) >= 3
    {
        return Some(Some(around_source(cx, comma)));
    }
    let r = lo..c.tok - 1;
    Some((cx.words_up_to(&r, 3) >= 3).then_some(r))
}

/// A subject opening a clause: a determiner, a subject pronoun or a capital.
fn subject(cx: &Cx, at: usize) -> bool {
    let pronoun = crate::grammar::token(|i, t| subject_pronoun(&crate::lexicon::lower(i.word(t))));
    cx.matches(at, alt((folded(Class::Determiners), pronoun, capital)))
}

/// "…, according to him, the network censured his report": a clause of its own after the
/// source's comma is what it reports; "Fundraising, according to the campaign, has
/// surged": the sentence around it. `comma` closes the source.
fn around_source(cx: &Cx, comma: usize) -> Range<usize> {
    let (c, lo, hi) = (cx.c, cx.lo, cx.hi);
    let next = cx.low(comma + 1);
    let subject = subject(cx, comma + 1);
    let before = lo..c.tok - 1;
    // ("Over the long term, according to the budget office, the rise in deficits is …": an
    // adverbial before the source opens the sentence it reports)
    let adverbial = cx.low_is(lo, Class::ClauseAdverbialPreps)
        && cx.words_up_to(&before, 7) <= 6
        && before.clone().all(|i| !cx.is_text(i, ","));
    // ("…, according to the SITE Intelligence Group, which monitors …", "…, according to
    // three polls, including one …": the writer's gloss on the source, or on the
    // sentence, after it)
    let gloss = Class::ClauseGlosses.contains(&next)
        || (next.ends_with("ing") && next.len() > 5 && cx.w(comma + 1) == next);
    if subject && adverbial {
        lo..hi
    } else if subject && cx.words_up_to(&before, 3) < 3 {
        comma + 1..hi
    } else if subject || gloss {
        before
    } else {
        lo..hi
    }
}

/// "Trump leads Cruz by 9 points in the latest poll", "… 46 percent to 39 percent
/// according to a CBS poll": the clause before the source.
fn source_after_clause(cx: &Cx) -> Decision {
    let (c, lo) = (cx.c, cx.lo);
    let applies = c.lemma == "in"
        || (c.lemma == "according to"
            && cx.is_text(c.tok, "according")
            && cx.toks[c.tok - 1].kind == Tok::Word
            && !cx.is_text(c.tok - 1, "that"));
    if !applies {
        return Some(None);
    }
    let r = lo..c.tok;
    Some((cx.words_up_to(&r, 3) >= 3).then_some(r))
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn source_opens_sentence() {
        let s = "According to recent polls, Trump leads the field.";
        assert_eq!(
            clause_text(s, "According").as_deref(),
            Some("Trump leads the field")
        );
    }

    #[test]
    fn source_between_commas() {
        let s = "The network censured his report, according to him.";
        assert_eq!(
            clause_text(s, "according").as_deref(),
            Some("The network censured his report")
        );
    }

    #[test]
    fn source_after_clause() {
        let s = "Trump leads Cruz by 9 points according to a CBS poll.";
        assert_eq!(
            clause_text(s, "according").as_deref(),
            Some("Trump leads Cruz by 9 points")
        );
    }
}
