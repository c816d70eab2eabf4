//! The polarity of a cue: said plainly, negated ("did not say"), or only hypothesised
//! ("would say", "declined to say"), read from the words before it.

use crate::cues::*;
use crate::grammar::{PResult, Rule, Toks, first_match, literal, token};
use crate::lexicon::Class;
use crate::segment::Token;
use nom::Parser;

/// How a statement's cue stands: plainly, negated, or as a hypothesis or intention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Polarity {
    Plain,
    /// "did not say whether …", "never mentioned Trump by name": readers take these as
    /// attributions of what was (not) said about the matter, and PolNeAR's annotators mark
    /// them (64 % of the statements this adds on its train split are in its gold); the
    /// statement is reported, its cue marked `negated`.
    Negated,
    /// "would he say", "declined to say", "wants to say": nothing was said; no statement.
    Hypothetical,
}

/// Verbs after which "to" goes on to report ("went on to say", "continued to argue", "was
/// quick to add", "has begun to rebut"), unlike "declined to say" or "wants to say"
/// (`reported_goes_on_to`).
pub(crate) fn goes_on_to(word: &str) -> bool {
    crate::lexicon::with_lower(word, |l| Class::ReportedGoesOnTo.contains(l))
}

/// "to" after a verb that goes on to report: "He went on to say …" (the word before "to"
/// is the one before the window; the window starts at "to").
pub(crate) fn went_on_to(i: Toks<'_>) -> PResult<'_, Polarity> {
    match i.before() {
        Some(b) if word_in(i.text, b, Class::ReportedGoesOnTo) => {
            literal("to").map(|_| Polarity::Plain).parse(i)
        }
        _ => Err(nom::Err::Error(())),
    }
}

/// A negation: "She did not say whether …", "He never mentioned …", "CNN didn't report …".
pub(crate) fn negation(i: Toks<'_>) -> PResult<'_, Polarity> {
    token(|i: &Toks<'_>, t: &Token| {
        word_in(i.text, t, Class::ReportedNegations) || {
            // (the lower case's ending, read off the word: only "N" and "T" lower-case to
            // "n" and "t")
            let w = i.word(t).as_bytes();
            ["n't", "n’t"].iter().any(|e| {
                w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            })
        }
    })
    .map(|_| Polarity::Negated)
    .parse(i)
}

/// A modal, an infinitive or a condition: "Asked whether he would say so, …", "She
/// declined to say", "if he says …" (`reported_hypotheticals`).
pub(crate) fn hypothesis(i: Toks<'_>) -> PResult<'_, Polarity> {
    token(|i: &Toks<'_>, t: &Token| word_in(i.text, t, Class::ReportedHypotheticals))
        .map(|_| Polarity::Hypothetical)
        .parse(i)
}

/// Whether token `t` in lower case is a word of class `c` ([`in_lower_class`]); a quotation
/// that opens with a mark is no word of the polarity classes, whose words open with a letter
/// (so a long quotation before an inverted cue, "“…,” said Smith", is not lower-cased).
fn word_in(text: &str, t: &Token, c: Class) -> bool {
    !quotation_no_word(text, t) && in_lower_class(text, t, c)
}

/// A quotation token that opens with a mark, no letter or digit: lower case keeps the mark,
/// so no word that opens with a letter is its lower case.
fn quotation_no_word(text: &str, t: &Token) -> bool {
    matches!(t.kind, crate::segment::Tok::Quote(_))
        && !t.text(text).starts_with(char::is_alphanumeric)
}

/// Whether no rule of `polarity_rules` matches at token `t`, read off the token: a word in
/// lower case or in ASCII (a capitalised name before the cue: "Smith said"), in neither
/// class (a token's classes hold its lower case's), not "to" in any case (which "went on
/// to" reads), ending in no "n't" in any case.
fn no_polarity_word(text: &str, t: &Token) -> bool {
    let w = text.as_bytes().get(t.start..t.end).unwrap_or_default();
    t.kind == crate::segment::Tok::Word
        && (t.is_lower() || w.is_ascii())
        && !t
            .classes
            .intersects(&[Class::ReportedNegations, Class::ReportedHypotheticals])
        && !w.eq_ignore_ascii_case(b"to")
        && !ends_in(w, b"n't")
        && !ends_in(w, "n’t".as_bytes())
}

/// Whether `w` ends in `e` in any ASCII case.
fn ends_in(w: &[u8], e: &[u8]) -> bool {
    w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e)
}

/// Whether `w` in lower case ends in "ly" (only "L" and "Y" lower-case to "l" and "y").
fn ends_in_ly(w: &str) -> bool {
    let w = w.as_bytes();
    w.len() >= 2 && w[w.len() - 2..].eq_ignore_ascii_case(b"ly")
}

/// The rules of polarity, tried at each word before the cue from the nearest, in order:
/// "went on to" before the plain "to" of an intention, a negation before a modal ("would
/// not say" is negated).
pub(crate) fn polarity_rules<'a>() -> &'a [Rule<'a, Polarity>] {
    &[
        Rule {
            name: "went_on_to",
            parse: went_on_to,
        },
        Rule {
            name: "negation",
            parse: negation,
        },
        Rule {
            name: "hypothesis",
            parse: hypothesis,
        },
    ]
}

/// The polarity of the cue at `cue` (see [`Polarity`]), from the up to four words before
/// it in the sentence from `lo`: the nearest that a rule of `polarity_rules` reads decides, past
/// auxiliaries only ("did not even say", "would also say").
pub(crate) fn polarity(text: &str, toks: &[Token], lo: usize, cue: usize) -> Polarity {
    // (a window onto the sentence up to the cue: no rule looks before `lo`)
    let before = Toks::new(text, &toks[lo..cue], 0, cue - lo);
    for k in (0..before.hi).rev().take(4) {
        let at = before.from(k);
        // (the rules are parsed only at a word they may read: not at a lower-case word
        // that is no negation or hypothetical by its bits, not "to", and ends in no "n't")
        if !at.first().is_some_and(|t| no_polarity_word(text, t))
            && let Some((_, _, p)) = first_match(polarity_rules(), at)
        {
            return p;
        }
        // (a lower-case word's from its token's classes; a quotation is none unless it
        // ends like an adverb in -ly, see `word_in`)
        let aux = match at.first() {
            Some(t) if t.is_lower() => aux_token(text, t),
            // (a capitalised word in ASCII not in -ly, from its token's classes: those of
            // its lower case)
            Some(t)
                if t.kind == crate::segment::Tok::Word
                    && at.first_word().is_ascii()
                    && !ends_in_ly(at.first_word()) =>
            {
                t.is(Class::Auxiliaries)
            }
            // (punctuation is no auxiliary, which is a word: ", said Smith" lowers no ",")
            Some(t) if t.kind == crate::segment::Tok::Punct => false,
            Some(t) if quotation_no_word(text, t) && !ends_in_ly(at.first_word()) => false,
            _ => crate::lexicon::with_lower(at.first_word(), is_aux),
        };
        if !aux {
            break;
        }
    }
    Polarity::Plain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    #[test]
    fn punctuation_is_no_auxiliary() {
        // (`polarity` stops at punctuation without lowering it)
        assert!(
            Class::Auxiliaries
                .words()
                .all(|w| w.starts_with(char::is_alphabetic))
        );
        for p in [",", "—", "(", ";", "--", "......", "...ly"] {
            assert!(!crate::lexicon::with_lower(p, is_aux), "{p:?}");
        }
        let text = "He had not, said Smith, left.";
        let all = toks(text);
        let said = all.iter().position(|t| t.is_text(text, "said")).unwrap();
        assert_eq!(polarity(text, &all, 0, said), Polarity::Plain);
    }

    #[test]
    fn no_rule_matches_where_the_token_says_none_can() {
        let mut passed = 0;
        for text in [
            "He went on to say it would not happen and didn't say why.",
            "She declined to say whether she would never say it, if asked to.",
            "They wouldn’t say; he CAN'T say; To say it, we continued to argue.",
            "Smith said; Mr. Trump Would Not say; NEVER TO Say; DIDN’T; Didn't; Hardly; IPhone",
            &classes_in_every_case(),
        ] {
            let all = toks(text);
            let whole = Toks::whole(text, &all);
            for (k, t) in all.iter().enumerate() {
                if no_polarity_word(text, t) {
                    passed += 1;
                    assert!(
                        first_match(polarity_rules(), whole.from(k)).is_none(),
                        "{k}"
                    );
                }
            }
        }
        assert!(passed > 20, "{passed}");
    }

    /// The words of the polarity classes and the auxiliaries, each in lower case,
    /// capitalised and in capitals, and some names, as one text.
    fn classes_in_every_case() -> String {
        let mut text = String::from("Smith Clinton O'Brien McCain Mr. US Sanders ");
        for c in [
            Class::ReportedNegations,
            Class::ReportedHypotheticals,
            Class::ReportedGoesOnTo,
            Class::Auxiliaries,
        ] {
            for w in c.words() {
                let capitalised = w[..1].to_uppercase() + &w[1..];
                text.push_str(&format!("{w} {capitalised} {} ", w.to_uppercase()));
            }
        }
        text
    }

    #[test]
    fn a_capitalised_auxiliary_is_read_off_its_token() {
        // (the arm of `polarity` for a capitalised word in ASCII not in -ly: its token's bit
        // says what lowering it and `is_aux` say)
        let text = classes_in_every_case() + "Fully Really Reportedly Said Told";
        let mut read = 0;
        for t in toks(&text) {
            let w = t.text(&text);
            if t.kind == crate::segment::Tok::Word
                && !t.is_lower()
                && w.is_ascii()
                && !ends_in_ly(w)
            {
                read += 1;
                let looked_up = crate::lexicon::with_lower(w, is_aux);
                assert_eq!(t.is(Class::Auxiliaries), looked_up, "{w}");
            }
        }
        assert!(read > 40, "{read}");
    }

    #[test]
    fn the_polarity_words_open_with_a_letter() {
        // (what `word_in` and the auxiliaries' test of a quotation rely on)
        for c in [
            Class::ReportedNegations,
            Class::ReportedHypotheticals,
            Class::ReportedGoesOnTo,
            Class::Auxiliaries,
        ] {
            assert!(c.words().all(|w| w.starts_with(char::is_alphanumeric)));
        }
        assert!(ends_in_ly("FULLY") && ends_in_ly("really") && !ends_in_ly("y"));
    }

    #[test]
    fn a_quotation_before_the_cue_is_plain() {
        let text = "“He would never,” said Smith";
        let all = toks(text);
        assert_eq!(polarity(text, &all, 0, 1), Polarity::Plain);
        let text = "he DIDN’T say";
        assert_eq!(polarity_of(text, "say"), Polarity::Negated);
    }

    fn polarity_of(text: &str, cue: &str) -> Polarity {
        let all = toks(text);
        let k = all.iter().position(|t| t.text(text) == cue).unwrap();
        polarity(text, &all, 0, k)
    }

    #[test]
    fn went_on_to_reports() {
        assert_eq!(
            polarity_of("He went on to say it was over", "say"),
            Polarity::Plain
        );
        let text = "went on to";
        let all = toks(text);
        assert!(went_on_to(Toks::whole(text, &all).from(2)).is_ok());
        assert!(went_on_to(Toks::whole(text, &all).from(1)).is_err());
    }

    #[test]
    fn a_negation_negates() {
        assert_eq!(
            polarity_of("She did not say whether he would run", "say"),
            Polarity::Negated
        );
        assert_eq!(
            polarity_of("CNN didn't report that", "report"),
            Polarity::Negated
        );
        assert_eq!(
            polarity_of("He never even mentioned Trump", "mentioned"),
            Polarity::Negated
        );
    }

    #[test]
    fn a_modal_or_an_intention_is_a_hypothesis() {
        assert_eq!(
            polarity_of("She declined to say", "say"),
            Polarity::Hypothetical
        );
        assert_eq!(
            polarity_of("He would say so", "say"),
            Polarity::Hypothetical
        );
        // (a pronoun is no auxiliary: what stands before it is not read)
        assert_eq!(polarity_of("Would he say so", "say"), Polarity::Plain);
    }

    #[test]
    fn only_auxiliaries_stand_between() {
        assert_eq!(
            polarity_of("He told me he said it", "said"),
            Polarity::Plain
        );
        assert_eq!(
            polarity_of("Smith had also said it", "said"),
            Polarity::Plain
        );
    }
}
