//! Times inside what a statement reports that still date its act: the object of a verb of
//! posting ("posted a photograph of a clinic on Sunday") and a noun phrase of matter with a
//! bare time after it ("complained about his mic the morning after the debate"). Every other
//! time inside the reported words is theirs, not the statement's (`channel::attribute`).

use crate::channels::window;
use crate::cues::ParaTokens;
use crate::lexicon::{Class, LEXICON};
use crate::model::Span;
use crate::segment::{Tok, Token};

/// What a statement reports that a time inside may still date the act in: the object of a
/// verb of posting, a noun phrase of matter.
pub(super) struct InReported {
    pub object: Option<Span>,
    pub phrase: Option<Span>,
}

impl InReported {
    /// Whether the time `s..e` dates the act of the cue that ends at `cue_end`: in the object
    /// before a comma; in the phrase, bare and ending it, or all but its last words; else
    /// near the cue (`window::near_the_cue`, past the statement's `own` channel).
    pub(super) fn dates(
        &self,
        text: &str,
        toks: &[Token],
        (cue_end, own): (usize, Option<Span>),
        (s, e): (usize, usize),
    ) -> bool {
        match self.phrase.filter(|o| o.start <= s && s < o.end) {
            Some(o) => o.start < s && bare_time(text, s) && ends_the_phrase(text, e, o.end),
            None => {
                self.object
                    .is_some_and(|o| o.start <= s && s < o.end && !text[cue_end..s].contains(','))
                    || window::near_the_cue(text, toks, cue_end, own, s)
            }
        }
    }
}

/// Whether the time that ends at `e` ends a noun phrase that ends at `end`, or is followed
/// only by the object of its last word ("the morning after | the debate"), not by the noun
/// it dates ("the 2000 | campaign", "the party's July | convention").
fn ends_the_phrase(text: &str, e: usize, end: usize) -> bool {
    let rest = &text[e.min(end)..end];
    let mut words = rest.split_whitespace();
    let next = words.next();
    next.is_none_or(|w| LEXICON.determiners.contains(&w.to_lowercase())) && words.count() <= 2
}

/// Whether the reported words `c` are a noun phrase: no word of a finite verb, no quotation,
/// no infinitive ("his mic the morning after the debate"; not "he was sabotaged last week",
/// "he’s expecting two to drop out over the next week", "to answer last year").
pub(super) fn noun_phrase(text: &str, pt: &ParaTokens, c: Span) -> bool {
    let from = pt.toks.partition_point(|t| t.start < c.start);
    // (the object of a preposition of matter: "complained about …", "spoke of …", "warned
    // against …")
    // (by the token's class bit: its classes are those of its lower-case form)
    let matter = from > 0 && pt.toks[from - 1].is(Class::ClauseMatterPreps);
    if !matter || pt.toks.get(from).is_some_and(|t| wh_word(t.text(text))) {
        return false;
    }
    let words = pt.toks[from..].iter().take_while(|t| t.end <= c.end);
    let mut n = 0;
    for t in words {
        let w = t.text(text);
        let contracted = ["'s", "’s", "'re", "’re", "'ll", "’ll"]
            .iter()
            .any(|a| w.len() > a.len() && w.ends_with(a))
            && crate::lexicon::with_lower(w, |l| {
                LEXICON
                    .pronouns
                    .contains_key(l.split(['\'', '’']).next().unwrap_or(l))
            });
        let verbish = crate::cues::finite_token(text, t)
            || contracted
            || t.is(Class::SpeakerRelativeOpeners)
            || t.is_text(text, "that")
            || (n == 0 && t.is_text(text, "to"));
        if verbish || matches!(t.kind, Tok::Quote(_)) || t.is_text(text, ",") {
            return false;
        }
        n += 1;
    }
    n > 0
}

/// Whether `w` in lower case opens with "wh" or is "how" ("What", "whether", "How"): an
/// ASCII word compared as it is, without a lower-case copy.
fn wh_word(w: &str) -> bool {
    if !w.is_ascii() {
        return crate::lexicon::with_lower(w, |w| w.starts_with("wh") || w == "how");
    }
    let b = w.as_bytes();
    b.get(..2).is_some_and(|h| h.eq_ignore_ascii_case(b"wh")) || b.eq_ignore_ascii_case(b"how")
}

/// Whether the time at `s` stands bare, with no preposition before it: a noun phrase of
/// time ("the morning after the debate", "Tuesday") modifies the verb, where "on Tuesday"
/// may modify the noun before it.
fn bare_time(text: &str, s: usize) -> bool {
    let first = text[s..].split(|c: char| !c.is_alphanumeric()).next();
    !first.is_some_and(|w| crate::lexicon::with_lower(w, |l| Class::ClausePrepositions.contains(l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_time_ends_the_phrase_or_takes_its_object() {
        let t = "his mic the morning after the debate";
        let s = t.find("the morning").unwrap();
        let e = s + "the morning after".len();
        assert!(bare_time(t, s) && ends_the_phrase(t, e, t.len()));
        // (a time that dates the noun after it, or with a preposition, is the phrase's)
        let t = "the 2000 campaign";
        assert!(!ends_the_phrase(t, "the 2000".len(), t.len()));
        assert!(!bare_time("the meeting on Tuesday", "the meeting ".len()));
    }

    #[test]
    fn a_wh_word_is_read_in_any_case_as_its_lower_case_form_is() {
        for w in ["what", "Whether", "WHO", "how", "How", "Whé"] {
            assert!(wh_word(w), "{w}");
        }
        for w in ["w", "hows", "ho", "the", "", "Über", "ŴHAT"] {
            assert!(!wh_word(w), "{w}");
        }
        for w in ["what", "Whether", "How", "hows", "Über", "Whé", "ŴHAT", ""] {
            let lower = crate::lexicon::with_lower(w, |l| l.starts_with("wh") || l == "how");
            assert_eq!(wh_word(w), lower, "{w}");
        }
    }
}
