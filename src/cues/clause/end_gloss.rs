//! Rules of the clause's end at the writer's gloss on it: an apposition, the occasion of the
//! statement, its time.

use super::Cx;
use super::end::Clause;
use super::pattern::{exact, folded, is};
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, Token};
use nom::Parser;
use nom::bytes::complete::take_while;
use nom::combinator::opt;

/// "reiterated his support for Mr. Trump, the presumptive nominee", "said she could win, a
/// 16-point margin over Sanders": an apposition is the writer's gloss (not one closed by a
/// comma before the verb it is the subject of: "said the plan, a $1 trillion package, would
/// fail"; not the comma after an adverbial that opens the clause: "posited that for a group
/// like farmers, the unemployment rate carries more weight").
pub(super) fn apposition(cl: &Clause, end: usize) -> Option<usize> {
    if !(cl.marks.comma && cl.marks.classes.has(Class::ClauseArticles)) {
        return None;
    }
    let (cx, start) = (cl.cx, cl.start);
    let fronted = |k: usize| {
        cx.with_low(start, |first| {
            LEXICON.adjunct_openers.contains(first) || Class::ClauseFrontingPreps.contains(first)
        }) && !(start..k).any(|i| cx.is_text(i, ","))
    };
    // (from the first comma at or after `start + 2`)
    (cl.marks.comma_at..end).find(|&k| {
        // (the comma first, read off the token: the pattern is parsed only there)
        cx.is_text(k, ",")
            && cx.matches(k, (is(","), folded(Class::ClauseArticles)))
            && !fronted(k)
            && !subject_of_a_verb(cx, k, end)
            && !list_item(cx, k, end)
            // (an apposition holding a quotation keeps it in: "…, a tribute to “the
            // consummate political skills of her husband.”")
            && !cx.toks[k..end].iter().any(|t| matches!(t.kind, Tok::Quote(_)))
    })
}

/// "said the plan, a $1 trillion package, would fail", "…, an outside group, made a
/// change", "asked NBC's Lester Holt, the moderator, to fact check …": a comma after the
/// phrase at `k`, then a finite verb, a past or an infinitive.
fn subject_of_a_verb(cx: &Cx, k: usize, end: usize) -> bool {
    let verb = token(|i, n| {
        let w = lower(i.word(n));
        finite_word(&w)
            || (w.ends_with("ed") && i.word(n) == w)
            || LEXICON.irregular_pasts.contains(i.word(n))
            || w == "to"
    });
    (k + 1..end).any(|j| cx.matches(j, (is(","), &verb)))
}

/// "hacking of the Democratic National Committee, the Democratic Congressional Campaign
/// Committee and the …": one item of a list (a phrase with a clause of its own before "and
/// the" is one apposition: "…, a process that began in March and contingent upon …").
fn list_item(cx: &Cx, k: usize, end: usize) -> bool {
    let next = token(|i, n| {
        let l = lower(i.word(n));
        Class::ClauseArticles.contains(&l) || matches!(&*l, "and" | "or")
    });
    (k + 1..end)
        .take_while(|&j| {
            let t = &cx.toks[j];
            !is_clause_word(cx.text, t)
                && !t.is(Class::ClauseRelatives)
                && !finite_token(cx.text, t)
        })
        .any(|j| {
            (cx.is_text(j, ",") || matches!(cx.w(j), "and" | "or")) && cx.matches(j + 1, &next)
        })
}

/// "endorsed Mr. Trump at a news conference at Mar-a-Lago", "defended Cruz in a recent
/// interview with The Post": the occasion or medium of the statement (a channel, not what
/// was said), after a noun phrase (in a clause, "would result in a loss" is the speaker's).
pub(super) fn occasion(cl: &Clause, end: usize) -> Option<usize> {
    // (a preposition and a noun of the occasion, or the clause is not read)
    let classes = cl.marks.classes;
    if !(classes.has(Class::ClauseOccasionPreps) && classes.has(Class::OccasionNouns)) {
        return None;
    }
    let (cx, start) = (cl.cx, cl.start);
    let text = cx.text;
    let stop = |t: &Token| {
        let w = t.text(text);
        w == ","
            || LEXICON.finite_forms.contains(w)
            || is_clause_word(text, t)
            || matches!(w, "which" | "who")
    };
    // (the token's bit: the class's words are in lower case)
    let noun = |t: &Token| t.is(Class::OccasionNouns);
    let occasion = (
        exact(Class::ClauseOccasionPreps),
        folded(Class::ClauseOccasionDeterminers),
        take_while(|t: &Token| !stop(t) && !noun(t)),
        token(|_, t| noun(t) && !stop(t)),
    );
    let occasion = &mut { occasion };
    (start + 1..end).find(|&k| {
        // (the preposition first, read off the token: the pattern is parsed only there)
        cx.is(k, Class::ClauseOccasionPreps)
            && occasion.parse(cx.span(k, end.min(k + 8))).is_ok()
            && !cx.toks[start..k].iter().any(|t| clause_verb(text, t))
    })
}

/// A word that makes what it is in a clause: an auxiliary, a form of "be", a finite form, a
/// negation, or a past or present in -ed or -s.
fn clause_verb(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    let l = lower(w);
    is_aux(&l)
        || is_be_form(&l)
        || LEXICON.finite_forms.contains(&l)
        || l.ends_with("n't")
        || l.ends_with("n’t")
        || (w == l
            && w.len() > 3
            && w.chars().all(char::is_alphabetic)
            && !LEXICON.function_words.contains(&l)
            && (l.ends_with("ed") || (l.ends_with('s') && !l.ends_with("ss"))))
}

/// "blasted Trump's call on Wednesday", "said Obama was the founder of ISIS on Wednesday at
/// a Florida rally": a time that ends the clause is the statement's own (not where the
/// clause looks ahead, and the time is its own: "said the union would meet again on
/// Tuesday", "hoping to win delegates this Tuesday").
pub(super) fn time(cl: &Clause, end: usize) -> Option<usize> {
    if !cl.marks.classes.has(Class::ClauseTimeOpeners) {
        return None;
    }
    let (cx, start) = (cl.cx, cl.start);
    let day = (
        exact(Class::ClauseTimeOpeners),
        folded(Class::ClauseTimeNouns),
        opt(exact(Class::ClauseDayParts)),
    );
    let day = &mut { day };
    (start + 1..end.saturating_sub(1)).rev().find(|&k| {
        // (the opener first, read off the token: the pattern is parsed only there)
        if !cx.is(k, Class::ClauseTimeOpeners) {
            return false;
        }
        let Ok((rest, _)) = day.parse(cx.span(k, end)) else {
            return false;
        };
        if (start..k).any(|i| {
            let w = cx.w(i);
            cx.with_low(i, |l| Class::ClauseFutureWords.contains(l))
                || w.ends_with("'ll")
                || w.ends_with("’ll")
        }) {
            return false;
        }
        rest.is_empty()
            || (cx.matches(
                rest.lo,
                (
                    exact(Class::ClauseTimeOccasionPreps),
                    exact(Class::ClauseTimeDeterminers),
                ),
            ) && (rest.lo..end).all(|i| !cx.is_text(i, ",")))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn apposition() {
        let s = "He reiterated his support for Mr. Trump, the presumptive nominee.";
        assert_eq!(
            clause_text(s, "reiterated").as_deref(),
            Some("his support for Mr. Trump")
        );
    }

    #[test]
    fn occasion() {
        let s = "He defended Cruz in a recent interview with The Post.";
        assert_eq!(clause_text(s, "defended").as_deref(), Some("Cruz"));
    }

    #[test]
    fn time() {
        let s = "He said Obama was the founder of ISIS on Wednesday at a Florida rally.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("Obama was the founder of ISIS")
        );
        let s = "He said the union would meet again on Tuesday.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the union would meet again on Tuesday")
        );
    }

    #[test]
    fn an_apposition_before_its_verb_stays_in() {
        let s = "He said the plan, a $1 trillion package, would fail.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the plan, a $1 trillion package, would fail")
        );
    }

    #[test]
    fn a_list_is_no_apposition() {
        let s = "He denounced the hacking of the committee, the campaign and the party.";
        assert_eq!(
            clause_text(s, "denounced").as_deref(),
            Some("the hacking of the committee, the campaign and the party")
        );
    }
}
