//! The context of a reporting-verb form: the rules of [`VERB_VETOES`] rule out the forms
//! that are no verb of saying where they stand ("that said", "the said property", "a
//! Facebook post", "a play called “…”").

use super::*;
use crate::grammar::{PResult, Toks, comma, token};
use crate::lexicon::{Class, ClassSet, LEXICON, VerbForm};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;

/// A reporting-verb form at token `i` of a sentence starting at `lo`, with its lemma.
pub(crate) struct FormAt<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lo: usize,
    pub i: usize,
    pub lemma: &'a str,
    /// The lemma's word classes as written ([`VerbForm::classes`]).
    pub classes: ClassSet,
    /// The word before it in the sentence, as written (lower-cased only by the vetoes that
    /// read it whole, after their own tests: [`FormAt::with_prev`]).
    pub prev: Option<&'a str>,
}

impl<'a> FormAt<'a> {
    /// The form as written.
    fn form(&self) -> &'a str {
        &self.text[self.toks[self.i].start..self.toks[self.i].end]
    }

    /// The form is that of a noun too: the lemma, or its plural ("post", "calls").
    fn noun_like(&self) -> bool {
        let lemma = self.lemma;
        let form = self.form();
        if form.is_ascii() {
            // (an ASCII word compared without lowering it: the lemma, then "", "s" or "es"
            // in any case)
            return form.len() >= lemma.len()
                && form.as_bytes()[..lemma.len()].eq_ignore_ascii_case(lemma.as_bytes())
                && "es".len() >= form.len() - lemma.len()
                && "es".as_bytes()[2 - (form.len() - lemma.len())..]
                    .eq_ignore_ascii_case(&form.as_bytes()[lemma.len()..]);
        }
        crate::lexicon::with_lower(form, |form| {
            // (nothing, "s" or "es" after the lemma: each an ending of "es")
            form.strip_prefix(lemma)
                .is_some_and(|rest| "es".ends_with(rest))
        })
    }

    /// Whether the word before, in lower case, is `w` (an ASCII word: no other letter
    /// lower-cases to one of its letters but the Kelvin sign to "k", and `w` has none).
    fn prev_is(&self, w: &str) -> bool {
        debug_assert!(w.is_ascii() && !w.contains('k'));
        self.prev.is_some_and(|p| p.eq_ignore_ascii_case(w))
    }

    /// `f` of the word before, in lower case (on the stack when it is short and ASCII).
    fn with_prev<R>(&self, f: impl FnOnce(Option<&str>) -> R) -> R {
        match self.prev {
            Some(p) if p.is_ascii() => crate::lexicon::with_lower(p, |p| f(Some(p))),
            Some(p) => f(Some(&crate::lexicon::lower(p))),
            None => f(None),
        }
    }

    /// Whether the word before the form, in lower case, is in class `c` (its token's
    /// classes: [`in_lower_class`]).
    fn prev_in(&self, c: Class) -> bool {
        self.i > self.lo && in_lower_class(self.text, &self.toks[self.i - 1], c)
    }

    /// The sentence from token `k` on, as a nom input.
    fn from(&self, k: usize) -> Toks<'a> {
        Toks::new(self.text, self.toks, k, self.toks.len())
    }
}

/// A rule that rules a form out where it stands (true: not a cue here).
#[allow(dead_code)] // (the name is for tests and debugging)
pub(crate) struct Veto {
    pub name: &'static str,
    pub rules_out: fn(&FormAt) -> bool,
}

/// The table of vetoes and [`any_veto`], made from one list of the rules (each a name and
/// its function).
macro_rules! vetoes {
    ($($name:literal => $rule:ident,)*) => {
        /// The vetoes; a form is a cue when none holds (their order does not matter).
        pub(crate) const VERB_VETOES: &[Veto] = &[$(Veto {
            name: $name,
            rules_out: $rule,
        }),*];

        /// Whether a veto of [`VERB_VETOES`] holds: the table's rules called in its order,
        /// directly (not through its pointers: the small ones are inlined), as
        /// `VERB_VETOES.iter().any(|v| (v.rules_out)(at))`.
        fn any_veto(at: &FormAt) -> bool {
            $($rule(at))||*
        }
    };
}

vetoes! {
    "after a determiner" => after_determiner,
    "after a possessive" => after_possessive,
    "after “of”" => after_of,
    "a gerund after a preposition" => gerund_after_preposition,
    "“that said” opening a sentence" => that_said,
    "“compared with” after a comma" => comparison,
    "a participle of naming after a thing" => naming_participle,
    "a noun-first form with no subject" => noun_first_form,
    "a noun form after a preposition" => noun_after_preposition,
    "a noun form in a noun phrase" => noun_in_phrase,
    "“went on” with no saying after it" => going_on,
    "an act or a thing as the complement" => act_complement,
    "naming a person" => naming,
}

/// Rules out reporting-verb forms that are not reporting here: "that said", "the said
/// property", "a statement" (handled by the lexicon having no nouns), "called for" stays.
pub(crate) fn verb_in_context(
    text: &str,
    toks: &[Token],
    lo: usize,
    i: usize,
    f: &VerbForm,
) -> bool {
    let at = FormAt {
        text,
        toks,
        lo,
        i,
        lemma: f.lemma,
        classes: f.classes,
        prev: (i > lo).then(|| toks[i - 1].text(text)),
    };
    let vetoed = any_veto(&at);
    debug_assert_eq!(vetoed, VERB_VETOES.iter().any(|v| (v.rules_out)(&at)));
    !vetoed
}

/// The word `k` tokens after the form, in lower case.
fn word_after(at: &FormAt, k: usize) -> Option<String> {
    let t = at.toks.get(at.i + k)?;
    Some(crate::lexicon::lower(t.text(at.text)).into_owned())
}

/// "The search went on through the night": "went on" reports only before what it goes on
/// to say ("went on to say", "went on: “…”", "went on, “…”").
fn going_on(at: &FormAt) -> bool {
    let next = at.toks.get(at.i + 2);
    at.lemma == "go on"
        && !next.is_some_and(|t| {
            matches!(t.kind, Tok::Quote(_))
                || crate::lexicon::with_lower(t.text(at.text), |l| {
                    Class::FindGoingOnFollowers.contains(l)
                })
        })
}

/// "The clerks decided to get lunch", "they learned a lesson": a verb of deciding or
/// learning with an act or a thing, not a clause, after it.
fn act_complement(at: &FormAt) -> bool {
    at.classes.has(Class::FindActVerbs)
        && word_after(at, 1).is_some_and(|w| Class::FindActComplements.contains(&w))
}

/// "locals call him the Crowbar Robber": "call" with a person and a name is naming.
fn naming(at: &FormAt) -> bool {
    let name_at = |k: usize| {
        at.toks
            .get(at.i + k)
            .is_some_and(|t| t.kind == Tok::Word && is_capitalized(t.text(at.text)))
    };
    at.lemma == "call"
        && word_after(at, 1).is_some_and(|w| Class::FindNamedObjects.contains(&w))
        && (name_at(2) || word_after(at, 2).as_deref() == Some("the") && name_at(3))
}

/// "the said property", "a post", "his note", "no such praise".
fn after_determiner(at: &FormAt) -> bool {
    at.prev_in(Class::FindVerbDeterminers)
}

/// "Trump’s call for", "the campaign's statement".
fn after_possessive(at: &FormAt) -> bool {
    // (in lower case it ends in "’s" or "'s": no letter but "S" lower-cases to "s")
    at.prev.is_some_and(|p| {
        p.strip_suffix(['s', 'S'])
            .is_some_and(|p| p.ends_with('’') || p.ends_with('\''))
    }) && at.lemma != "according to"
}

/// "secretary of state": never a finite verb after "of".
fn after_of(at: &FormAt) -> bool {
    at.prev_is("of") && at.lemma != "according to"
}

/// "of continuing raids": a gerund after a preposition.
fn gerund_after_preposition(at: &FormAt) -> bool {
    at.prev_in(Class::FindGerundPrepositions)
        && at.form().ends_with("ing")
        && at.lemma != "according to"
}

/// "That said, the plan stands." — "that said" at the start of a sentence.
fn that_said(at: &FormAt) -> bool {
    at.prev_is("that") && at.i == at.lo + 1 && at.lemma == "say"
}

/// "…, compared with 30 percent who …": a comparison, not a speaker comparing.
fn comparison(at: &FormAt) -> bool {
    at.lemma == "compare" && at.i > at.lo && compared_with(at.from(at.i - 1)).is_ok()
}

/// `, compared with`, `, compared to`: a comma, the form, and "with" or "to" (which may
/// stand past the sentence's end).
fn compared_with<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let (rest, (_, form)) = (comma, token(|_, _| true)).parse(i)?;
    let next = rest.peek(0).map(|n| rest.word(n));
    match next {
        Some("with" | "to") => Ok((rest, form)),
        _ => Err(nom::Err::Error(())),
    }
}

/// "a play called “Los Hijos de Trump”", "a series dubbed …": a verb of naming as a
/// participle after a thing names, it reports nothing. After a person ("the senator
/// called it"), a name or a pronoun it is a verb.
fn naming_participle(at: &FormAt) -> bool {
    let (i, toks) = (at.i, at.toks);
    if at.prev.is_none()
        || !at.classes.has(Class::NamingVerbs)
        || !at.form().ends_with("ed")
        || toks[i - 1].kind != Tok::Word
        || is_capitalized(toks[i - 1].text(at.text))
    {
        return false;
    }
    at.with_prev(|p| p.is_some_and(naming_after))
}

/// Whether the word before a participle of naming (in lower case) is a thing's: no role,
/// pronoun, document, auxiliary, adverb in -ly or function word.
fn naming_after(p: &str) -> bool {
    !LEXICON.roles.contains_key(p)
        && !LEXICON.pronouns.contains_key(p)
        && !LEXICON.documents.contains(p)
        && !is_aux(p)
        && p.chars().all(|c| c.is_alphabetic())
        && !p.ends_with("ly")
        && !LEXICON.function_words.contains(p)
        && p != "and"
}

/// "the state", "1,200 Clinton emails", "GOP rules": a form that is more often a noun is a
/// verb only after a pronoun, an auxiliary or "to", or before "that".
fn noun_first_form(at: &FormAt) -> bool {
    at.classes.has(Class::NounFirstVerbs)
        && at.noun_like()
        && !at.with_prev(|p| {
            p.is_some_and(|p| LEXICON.pronouns.contains_key(p) || is_aux(p) || p == "to")
        })
        && at
            .toks
            .get(at.i + 1)
            .is_none_or(|n| n.text(at.text) != "that")
}

/// "in remarks", "on a call": a noun form after a preposition.
fn noun_after_preposition(at: &FormAt) -> bool {
    at.prev_in(Class::FindNounPrepositions) && at.noun_like()
}

/// "a press call", "a Facebook post" — but "the officials say", "the report says", "a
/// third say", "the majority want": the base form after a determiner and a word that is
/// no plural. Not a past tense like its base after a document that closes the clause
/// (`“…,” the article read.`, `The letter read:`).
fn noun_in_phrase(at: &FormAt) -> bool {
    let (i, lo) = (at.i, at.lo);
    let form = at.form();
    // (the determiner's bit first: `determiner_and_noun` reads it in lower case)
    i > lo + 1
        && in_lower_class(at.text, &at.toks[i - 2], Class::FindNounDeterminers)
        && at.noun_like()
        && if form.is_ascii() {
            form.eq_ignore_ascii_case(at.lemma)
        } else {
            crate::lexicon::lower(form) == at.lemma
        }
        && determiner_and_noun(at.from(i - 2)).is_ok()
        && !document_read(at)
}

/// `the article read.`: a document noun, then the form, then a mark that closes the clause.
fn document_read(at: &FormAt) -> bool {
    let noun = crate::lexicon::lower(at.toks[at.i - 1].text(at.text));
    LEXICON.documents.contains(&noun)
        && at
            .toks
            .get(at.i + 1)
            .is_some_and(|t| Class::FindReadClosers.contains(t.text(at.text)))
}

/// `a press`, `the Facebook`: a determiner of `find_noun_determiners` and a word that is
/// no plural nor an amount (not `quantities`: "the most elaborate", "the several point"
/// would make verbs of adjectives and nouns).
fn determiner_and_noun<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let det = token(|i, t| {
        crate::lexicon::with_lower(i.word(t), |l| Class::FindNounDeterminers.contains(l))
    });
    let noun = token(|i, t| {
        let plural = crate::lexicon::with_lower(i.word(t), |p1| {
            p1.ends_with('s')
                || LEXICON.irregular_plurals.contains(p1)
                || Class::FindPluralQuantifiers.contains(p1)
        });
        t.kind == Tok::Word && !plural
    });
    let (rest, (_, n)) = (det, noun).parse(i)?;
    Ok((rest, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::test_support::{paragraph, tok_of};

    /// The names of the vetoes that hold at the cue form `word` of `text`.
    fn vetoes(text: &str, word: &str) -> Vec<&'static str> {
        let (_, pt) = paragraph(text);
        let i = tok_of(text, &pt, word);
        let f = verb_at(text, &pt.toks, i, pt.toks.len()).expect("a cue form");
        let at = FormAt {
            text,
            toks: &pt.toks,
            lo: 0,
            i,
            lemma: f.lemma,
            classes: f.classes,
            prev: (i > 0).then(|| pt.toks[i - 1].text(text)),
        };
        VERB_VETOES
            .iter()
            .filter(|v| (v.rules_out)(&at))
            .map(|v| v.name)
            .collect()
    }

    #[test]
    fn complements_that_are_no_saying() {
        let going = "“went on” with no saying after it";
        assert!(vetoes("The search went on through the night.", "went").contains(&going));
        assert!(!vetoes("He went on to say it was over.", "went").contains(&going));
        let act = "an act or a thing as the complement";
        assert!(vetoes("The clerks decided to get lunch.", "decided").contains(&act));
        assert!(vetoes("They learned a lesson.", "learned").contains(&act));
        assert!(!vetoes("The Post has learned that she left.", "learned").contains(&act));
        let naming = "naming a person";
        assert!(vetoes("Locals call him the Crowbar Robber.", "call").contains(&naming));
        assert!(!vetoes("Locals call him often.", "call").contains(&naming));
    }

    #[test]
    fn a_verb_after_its_subject_is_a_cue() {
        assert!(vetoes("Smith said it", "said").is_empty());
        assert!(verb_in_context(
            "Smith said it",
            &paragraph("Smith said it").1.toks,
            0,
            1,
            &LEXICON.verb("said", None).expect("a form")
        ));
    }

    #[test]
    fn after_determiner() {
        assert!(vetoes("He sold the said property", "said").contains(&"after a determiner"));
    }

    #[test]
    fn after_possessive() {
        assert!(vetoes("Smith's claim was false", "claim").contains(&"after a possessive"));
    }

    #[test]
    fn after_of() {
        assert!(vetoes("the secretary of state", "state").contains(&"after “of”"));
    }

    #[test]
    fn gerund_after_preposition() {
        let v = vetoes("He left without saying a word", "saying");
        assert!(v.contains(&"a gerund after a preposition"));
    }

    #[test]
    fn that_said() {
        assert!(vetoes("That said, it works", "said").contains(&"“that said” opening a sentence"));
    }

    #[test]
    fn comparison() {
        let v = vetoes("He won 60 percent, compared with 30 percent", "compared");
        assert_eq!(v, ["“compared with” after a comma"]);
    }

    #[test]
    fn naming_participle() {
        let v = vetoes("He wrote a play called Hamilton", "called");
        assert!(v.contains(&"a participle of naming after a thing"));
        assert!(vetoes("The senator called it a disgrace", "called").is_empty());
    }

    #[test]
    fn noun_first_form() {
        assert!(vetoes("GOP rules bar it", "rules").contains(&"a noun-first form with no subject"));
        assert!(vetoes("The website states that it", "states").is_empty());
    }

    #[test]
    fn noun_after_preposition() {
        let v = vetoes("He spoke in remarks on Monday", "remarks");
        assert!(v.contains(&"a noun form after a preposition"));
    }

    #[test]
    fn noun_in_phrase() {
        let v = vetoes("He wrote a Facebook post yesterday", "post");
        assert!(v.contains(&"a noun form in a noun phrase"));
        assert!(vetoes("He said the officials say it", "say").is_empty());
        // a past tense like its base after a document
        assert!(vetoes("“We will win,” the article read.", "read").is_empty());
        assert!(!vetoes("He gave the article read twice", "read").is_empty());
    }
}
