//! The checks on the clause found: what is left must be a statement (not one particle, not
//! "spoke on condition of anonymity"), and the preposition of "complained about …" goes
//! with the verb.

use super::Cx;
use super::pattern::exact;
use super::start::Start;
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, is_capitalized};
use std::ops::Range;

/// The clause found, `start..end`, with how it started.
struct Found<'c, 'a> {
    cx: &'c Cx<'a>,
    b: usize,
    start: usize,
    end: usize,
    opened_by_that: bool,
    infinitive: bool,
}

/// The clause `st.start..end`, checked: `None` when it is no statement.
pub(super) fn checked(cx: &Cx, b: usize, st: &Start, end: usize) -> Option<Range<usize>> {
    let f = Found {
        cx,
        b,
        start: st.start,
        end,
        opened_by_that: st.opened_by_that,
        infinitive: st.infinitive,
    };
    if empty_or_quotation(&f) || naming_participle(&f) {
        return None;
    }
    let r = demonstrative(&f);
    if !a_statement(&f, &r) {
        return None;
    }
    let quantity = quantity(&f);
    if adjunct_only(&f, quantity) {
        return None;
    }
    Some(matter(&f, quantity).unwrap_or(r))
}

/// "a man yelled “Stay there!”": nothing, or a quotation alone after the cue (the
/// statement itself; a headline's quotation in single marks may be no speech: see
/// `reported`).
fn empty_or_quotation(f: &Found) -> bool {
    f.start >= f.end
        || (f.end == f.start + 1
            && matches!(f.cx.toks[f.start].kind, Tok::Quote(_))
            && f.cx.c.kind != CueKind::Colon)
}

/// "emails now deemed classified were released": a participle of naming, its complement,
/// then the sentence's own verb: a reduced relative clause, not a report.
fn naming_participle(f: &Found) -> bool {
    let cx = f.cx;
    cx.lemma.has(Class::NamingVerbs)
        && cx.text[cx.c.start..cx.c.end].ends_with("ed")
        && f.end > f.start + 1
        && cx.w(f.start).ends_with("ed")
        && finite_token(cx.text, &cx.toks[f.start + 1])
}

/// "rebutted that criticism": a demonstrative, not a clause's "that", before one word
/// (the clause then holds it).
fn demonstrative(f: &Found) -> Range<usize> {
    let (cx, start, end) = (f.cx, f.start, f.end);
    if f.opened_by_that
        && end == start + 1
        && start > cx.after
        && cx.is_text(start - 1, "that")
        && cx.toks[start].kind == Tok::Word
        && !is_capitalized(cx.w(start))
    {
        start - 1..end
    } else {
        start..end
    }
}

/// "claimed victory", "endorsed Trump", "said, ''No.''": one word is a statement when it
/// names something, not a pronoun or a particle ("know it", "showing up").
fn a_statement(f: &Found, r: &Range<usize>) -> bool {
    let cx = f.cx;
    // (counted to two: one word or more is all that is asked)
    let words = cx.words_up_to(r, 2);
    // (the word inside doubled apostrophes: "said, ''No.''")
    let first = if cx.doubled(r.start) && r.start + 2 < r.end {
        &cx.toks[r.start + 2]
    } else {
        &cx.toks[r.start]
    };
    words >= 2
        || words == 1
            && (is_capitalized(first.text(cx.text)) || {
                let w = lower(first.text(cx.text));
                first.kind == Tok::Word
                    && !LEXICON.function_words.contains(&w)
                    && !LEXICON.determiners.contains(&w)
                    && !LEXICON.object_words.contains(&w)
                    && !w.ends_with("ly")
                    && !w.ends_with("ing")
            })
}

/// "said about half of the adjustment reflected …": "about" a quantity is no preposition.
fn quantity(f: &Found) -> bool {
    let amount = token(|i, n| {
        let w = i.word(n);
        w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            || Class::ClauseQuantityWords.contains(w)
    });
    f.cx.lemma.has(Class::VerbsNeverNouns)
        && f.cx
            .matches(f.start, (exact(Class::ClauseQuantityPreps), amount))
}

/// "spoke for 77 minutes", "declared for president", "thought for sure": after "for" (at
/// `i`), a duration or a set phrase, not the matter of what was said.
fn no_matter(cx: &Cx, i: usize) -> bool {
    let w = |k: usize| {
        cx.toks
            .get(k)
            .map(|t| lower(t.text(cx.text)))
            .unwrap_or_default()
    };
    let unit = |x: &str| Class::ClauseDurationUnits.contains(x);
    w(i).starts_with(|c: char| c.is_ascii_digit())
        || unit(&w(i))
        || unit(&w(i + 1))
        || unit(&w(i + 2))
        || Class::ClauseSetPhraseWords.contains(&w(i))
}

/// "spoke on condition of anonymity", "spoke to reporters": a preposition right after the
/// cue opens an adjunct, and no clause is reported. ("complained about not getting
/// credit", "warned against a Trump-only campaign": the object of a verb of speaking other
/// than "say" and "tell" is what was said.)
fn adjunct_only(f: &Found, quantity: bool) -> bool {
    let (cx, start) = (f.cx, f.start);
    let lemma = cx.c.lemma;
    // ("The outlets have stood in the way, he said, by creating …": between its commas, an
    // attribution interrupts the clause, which goes on whatever its first word)
    let between_commas = || {
        let m = cx.mention_start(f.b, 6);
        m > cx.lo + 2
            && m < f.b
            && cx.comma_before(m)
            && cx
                .toks
                .get(cx.after)
                .is_some_and(|t| t.is_text(cx.text, ","))
    };
    // (the preposition first: most clauses open otherwise, and the rest is not read)
    in_lower_class(cx.text, &cx.toks[start], Class::ClausePrepositions)
        && !f.infinitive
        && !f.opened_by_that
        && !quantity
        && !Class::ClauseObjectlessLemmas.contains(&crate::lexicon::class_key(lemma))
        && (!cx.is(start, Class::ClauseMatterPreps)
            || Class::ClauseMatterVerbs.contains(lemma)
            || (cx.is_text(start, "for") && no_matter(cx, start + 1)))
        && !between_commas()
}

/// "complained about the imbalance", "spoke passionately about her father": the
/// preposition (past an adverb) goes with the verb, and the clause is its object.
fn matter(f: &Found, quantity: bool) -> Option<Range<usize>> {
    let (cx, start, end) = (f.cx, f.start, f.end);
    if quantity || f.opened_by_that {
        return None;
    }
    let adverb = usize::from(super::pattern::ly_adverb(cx.at(start)).is_ok() && start + 1 < end);
    let prep = start + adverb;
    (cx.is(prep, Class::ClauseMatterPreps) && prep + 1 < end).then_some(prep + 1..end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn empty_or_quotation() {
        assert_eq!(clause_text("A man yelled “Stay there!”", "yelled"), None);
    }

    #[test]
    fn a_statement() {
        assert_eq!(
            clause_text("He claimed victory.", "claimed").as_deref(),
            Some("victory")
        );
        assert_eq!(clause_text("I know it.", "know"), None);
    }

    #[test]
    fn adjunct_only() {
        assert_eq!(
            clause_text("He spoke on condition of anonymity.", "spoke"),
            None
        );
    }

    #[test]
    fn matter() {
        let s = "She complained about the imbalance in the budget.";
        assert_eq!(
            clause_text(s, "complained").as_deref(),
            Some("the imbalance in the budget")
        );
    }

    #[test]
    fn quantity() {
        let s = "He said about half of the adjustment reflected higher costs.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("about half of the adjustment reflected higher costs")
        );
    }

    #[test]
    fn naming_participle() {
        let s = "Emails now deemed classified were released by the department.";
        assert_eq!(clause_text(s, "deemed"), None);
    }

    #[test]
    fn demonstrative() {
        let s = "He rebutted that criticism.";
        assert_eq!(
            clause_text(s, "rebutted").as_deref(),
            Some("that criticism")
        );
    }

    #[test]
    fn no_matter_after_for() {
        assert_eq!(clause_text("He spoke for 77 minutes.", "spoke"), None);
    }
}
