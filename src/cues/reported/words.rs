//! Words and tokens a reported clause is read by: a finite word, a subject pronoun, an adjunct.

use crate::cues::*;
use crate::lexicon::{Class, LEXICON, with_lower};
use crate::segment::{Tok, Token};

/// Whether a word opens an adjunct after a cue: a time, place, manner or medium ("on
/// Sunday", "Tuesday", "last week", "privately", "via Twitter").
pub(crate) fn adjunct_opener(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    // (an ASCII word's lower case is as long, its last two bytes lowered in place: it is
    // not lowered whole)
    let ly = |w: &str| w.len() > 4 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ly");
    // (an "-ly" word ends in "y" or "Y", whose lower case alone is "y": a word ending in
    // another byte is not read for its case)
    t.is(Class::AdjunctOpeners)
        || (matches!(w.as_bytes().last(), Some(b'y' | b'Y'))
            && match w.is_ascii() {
                true => ly(w),
                false => with_lower(w, |w| w.len() > 4 && w.ends_with("ly")),
            })
}

/// "is", "are", "was", "were": a finite form of "be" (the auxiliaries are `is_aux`;
/// `reported_be_forms`, as written).
pub(crate) fn is_be_form(word: &str) -> bool {
    Class::ReportedBeForms.contains(word)
}

/// A word (lower-cased) that makes its clause finite: an auxiliary, a form of "be", a finite
/// form of "have" or a modal.
pub(crate) fn finite_word(w: &str) -> bool {
    is_aux(w) || is_be_form(w) || LEXICON.finite_forms.contains(w)
}

/// [`finite_word`] of token `t` in lower case (`finite_word(&lower(t.text(text)))`): its
/// classes are read off the token's bits (the three are classes of lower-case words), and
/// the word lower-cased only when it may be an adverb in "-ly" (which `is_aux` takes).
pub(crate) fn finite_token(text: &str, t: &Token) -> bool {
    if in_lower_class(text, t, Class::Auxiliaries)
        || in_lower_class(text, t, Class::ReportedBeForms)
        || in_lower_class(text, t, Class::FiniteForms)
    {
        return true;
    }
    let b = t.text(text).as_bytes();
    // (only "L" and "Y" lower-case to "l" and "y")
    b.len() > 2
        && matches!(b[b.len() - 2..], [b'l' | b'L', b'y' | b'Y'])
        && with_lower(t.text(text), finite_word)
}

/// A pronoun that opens a clause as its subject (lower-cased): "said on Friday he met …"
/// (`reported_subject_pronouns`).
pub(crate) fn subject_pronoun(lower: &str) -> bool {
    Class::ReportedSubjectPronouns.contains(lower)
}

/// The word "that" opening a clause: "said that …".
pub(crate) fn is_clause_word(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word && t.is_text(text, "that")
}

/// A word that is no verb (an adverb is none: "she added warily: ''…''"), between a cue
/// and the quotation it announces or in a speaker's apposition.
pub(crate) fn verbless_word(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return false;
    }
    // (a lower-case word is read from its token's classes and verb form)
    let no_verb = if t.is_lower() {
        let finite = aux_token(text, t) || t.is(Class::ReportedBeForms) || t.is(Class::FiniteForms);
        (!finite || t.text(text).ends_with("ly")) && t.verb_form().is_none()
    } else {
        with_lower(t.text(text), |w| {
            (!finite_word(w) || w.ends_with("ly")) && !LEXICON.verbs.contains_key(w)
        })
    };
    no_verb && !is_clause_word(text, t)
}

/// The words of `toks`, a quotation counting by the words inside it.
pub(crate) fn word_count(text: &str, toks: &[Token]) -> usize {
    toks.iter()
        .map(|t| match t.kind {
            Tok::Word => 1,
            Tok::Quote(_) => t.text(text).split_whitespace().count(),
            Tok::Punct => 0,
        })
        .sum()
}

/// Whether a cue is an -ing form, by its first word ("saying", "referring to", "calling on").
pub(crate) fn ing_form(text: &str, c: &CueHit) -> bool {
    let s = &text[c.start..c.end];
    // (an ASCII cue, most, read byte by byte: white space as `char::is_whitespace` has it
    // in ASCII, no character decoded)
    if s.is_ascii() {
        let b = s.as_bytes();
        let space = |x: &u8| *x == b' ' || (b'\t'..=b'\r').contains(x);
        let from = b.iter().position(|x| !space(x)).unwrap_or(b.len());
        let to = b[from..]
            .iter()
            .position(space)
            .map_or(b.len(), |k| from + k);
        return b[from..to].ends_with(b"ing");
    }
    s.split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::reported::test_support::{cue_at, toks};

    #[test]
    fn an_ing_form_by_its_first_word() {
        let text = "kept saying  referring to  said in  Saying\u{a0}x  rising";
        let all = toks(text);
        let cue = |from: &str, to: &str| {
            let a = text.find(from).unwrap();
            let z = a + text[a..].find(to).unwrap() + to.len();
            let mut c = cue_at(text, &all, "kept", "keep");
            (c.start, c.end) = (a, z);
            c
        };
        assert!(ing_form(text, &cue("saying", "saying")));
        assert!(ing_form(text, &cue("referring", "to")));
        assert!(!ing_form(text, &cue("said", "in")));
        assert!(ing_form(text, &cue("Saying", "x")));
        assert!(!ing_form(text, &cue("kept", "saying")));
        assert!(ing_form(text, &cue(" referring", "to")));
    }

    #[test]
    fn an_adjunct_in_ly_is_read_in_any_case() {
        let text = "Privately PUBLICLY fly Apply HURRIEDLY. Énormément ÉTRANGELY bully «x» “badly”";
        for t in toks(text) {
            let w = t.text(text);
            let lower = w.to_lowercase();
            let by_lowering =
                t.is(Class::AdjunctOpeners) || lower.len() > 4 && lower.ends_with("ly");
            assert_eq!(adjunct_opener(text, &t), by_lowering, "{w:?}");
        }
        let t = toks("PUBLICLY");
        assert!(adjunct_opener("PUBLICLY", &t[0]));
    }

    #[test]
    fn words_of_a_clause() {
        let text = "said privately on Sunday that it was over";
        let all = toks(text);
        assert!(adjunct_opener(text, &all[1]));
        assert!(adjunct_opener(text, &all[2]));
        assert!(is_clause_word(text, &all[4]));
        assert!(finite_word("was") && finite_word("would") && !finite_word("over"));
        let text = "It WAS Would over , quietly Quietly QUIETLY Italy family can't";
        for t in toks(text) {
            let w = t.text(text);
            assert_eq!(
                finite_token(text, &t),
                finite_word(&crate::lexicon::lower(w)),
                "{w}"
            );
        }
        assert!(subject_pronoun("it") && !subject_pronoun("It"));
        assert!(is_be_form("were") && !is_be_form("Were"));
        assert!(verbless_word(text, &all[1]), "an adverb is no verb");
        assert!(!verbless_word(text, &all[0]));
        assert_eq!(word_count(text, &all), 8);
        assert!(ing_form(
            "saying so",
            &cue_at("saying so", &toks("saying so"), "saying", "say")
        ));
    }
}
