//! Verbs that report no clause after them here: the gates before the clause after the cue
//! is read. Each rule says when its verb reports nothing ("spoke to reporters").

use super::Cx;
use super::around::Around;
use super::pattern::{exact, is, ly_adverb};
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::is_capitalized;
use nom::branch::alt;
use nom::multi::many0_count;

/// A gate: a name, and when its verb reports no clause.
pub(super) struct Gate {
    pub name: &'static str,
    pub closes: fn(&Cx, &Around) -> bool,
}

/// The gates, in the order they are tried (any one that closes means no clause).
pub(super) const GATES: &[Gate] = &[
    Gate {
        name: "speak_without_matter",
        closes: speak_without_matter,
    },
    Gate {
        name: "manner_of_speaking",
        closes: manner_of_speaking,
    },
    Gate {
        name: "know_a_person",
        closes: know_a_person,
    },
    Gate {
        name: "clause_only_verb_without_that",
        closes: clause_only_verb_without_that,
    },
    Gate {
        name: "perception_of_a_thing",
        closes: perception_of_a_thing,
    },
];

/// The first gate that closes for the cue, by name.
pub(super) fn closed(cx: &Cx, s: &Around) -> Option<&'static str> {
    GATES.iter().find(|g| (g.closes)(cx, s)).map(|g| g.name)
}

/// "spoke to reporters", "spoke at length": no clause; "spoke about his decision", "spoke
/// briefly of the deal": what it was about, after "about", "against", "of", "for".
fn speak_without_matter(cx: &Cx, _: &Around) -> bool {
    cx.c.lemma == "speak"
        && !cx.matches(
            cx.after,
            (many0_count(ly_adverb), exact(Class::ClauseMatterPreps)),
        )
}

/// "laughed off the attack ad", "smiling and waving": a manner of speaking attributes a
/// quotation, never a clause.
fn manner_of_speaking(cx: &Cx, _: &Around) -> bool {
    cx.lemma.has(Class::MannerVerbs)
}

/// "known as Super Tuesday" names; "has known him for years", "knew Mr. Ryan" is
/// acquaintance (what someone knows is a clause: "knew he was wrong").
fn know_a_person(cx: &Cx, _: &Around) -> bool {
    // (a name, not "I": "knew I was wrong")
    let name = token(|i, t| is_capitalized(i.word(t)) && i.word(t) != "I");
    cx.c.lemma == "know"
        && cx.matches(
            cx.after,
            alt((is("as"), exact(Class::ClauseObjectPronouns), name)),
        )
}

/// "maintained her lead", "continued his assault": verbs that report only a that-clause
/// ("maintained that …"), and "put" only in "as he put it". ("''The China shock isn't the
/// sole factor,'' he continued, ''but it is …''": an attribution inside an archive's
/// quotation reports it whatever its verb.)
fn clause_only_verb_without_that(cx: &Cx, s: &Around) -> bool {
    let lemma = cx.c.lemma;
    if !cx.lemma.has(Class::ClauseOnlyVerbs) {
        return false;
    }
    if cx.comma_before(cx.mention_start(s.b, 6)) && s.quoted_rest().is_some() {
        return false; // (inside a quotation)
    }
    let wanted = if lemma == "put" { "it" } else { "that" };
    cx.toks
        .get(cx.after)
        .map(|t| lower(t.text(cx.text)))
        .as_deref()
        != Some(wanted)
}

/// "saw a guy careening", "found himself in trouble": a verb of perception reports a
/// clause ("found that …", "sees what …", "sees the deal as …") or a document's finding
/// ("A recent CNN survey found 90 percent support for …"), not a thing met.
fn perception_of_a_thing(cx: &Cx, s: &Around) -> bool {
    let (text, toks, lo, hi, after, b) = (cx.text, cx.toks, cx.lo, cx.hi, cx.after, s.b);
    if !cx.lemma.has(Class::PerceptionVerbs) {
        return false;
    }
    let next = toks
        .get(after)
        .map(|t| lower(t.text(text)))
        .unwrap_or_default();
    let clause = LEXICON.clause_openers.contains(&next);
    let as_phrase = toks[after.min(hi)..hi.min(after + 8)]
        .iter()
        .any(|t| t.is_text(text, "as"));
    // "A Monmouth poll out Monday showed …", "polls by Quinnipiac that showed …": what a
    // document finds, the document the head of the subject, before a phrase after it.
    let from = if b > lo && matches!(cx.w(b - 1), "that" | "which") {
        b - 1
    } else if s.apposed_subject() {
        // ("The survey, conducted by the institute, finds …": the head before the
        // apposition)
        (lo + 1..b - 1).find(|&f| cx.is_text(f, ",")).unwrap_or(b)
    } else {
        b
    };
    let document = (lo.max(from.saturating_sub(12))..from)
        .rev()
        .take_while(|&i| {
            let w = cx.w(i);
            w != "," && !LEXICON.finite_forms.contains(w) && !is_clause_word(text, &toks[i])
        })
        .any(|i| cx.with_low(i, |l| LEXICON.documents.contains(l)));
    !clause && !as_phrase && !document
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn speak_without_matter() {
        assert_eq!(
            clause_text("He spoke to reporters on Monday.", "spoke"),
            None
        );
        assert_eq!(
            clause_text("He spoke briefly about his decision to run.", "spoke").as_deref(),
            Some("his decision to run")
        );
    }

    #[test]
    fn manner_of_speaking() {
        assert_eq!(
            clause_text("He laughed off the attack ad.", "laughed"),
            None
        );
    }

    #[test]
    fn know_a_person() {
        assert_eq!(
            clause_text("She has known him for many years.", "known"),
            None
        );
    }

    #[test]
    fn clause_only_verb_without_that() {
        assert_eq!(
            clause_text("She maintained her lead in the polls.", "maintained"),
            None
        );
    }

    #[test]
    fn perception_of_a_thing() {
        assert_eq!(
            clause_text("He saw a guy careening down the road.", "saw"),
            None
        );
    }
}
