//! Token patterns of the mention grammar as nom parsers over [`Toks`]. The rules of
//! [`super::left`] find an anchor leftwards of the verb (a preposition, "who", a
//! determiner) and parse forwards from it to the end of the window, the verb's group;
//! [`super::right`] and [`super::names`] parse forwards from the cue or a name.
//!
//! The one-token parsers here match a word exactly as written (the grammar's `word_in` also
//! accepts a word's lower case, which the mention grammar does not).

use super::{det_token, np_token, starter};
use crate::cues::{is_aux_token, plain_noun};
use crate::grammar::{PResult, Toks, comma, token};
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::combinator::eof;
use nom::multi::{fold_many_m_n, many0_count, many1_count};

/// A token whose text, exactly as written, is in class `c` (punctuation too: `,` is in
/// `speaker_clause_marks`).
pub(super) fn exact<'a>(c: Class) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| super::written(i.text, t, c))
}

/// A token whose text is exactly `w`.
pub(super) fn exact_word<'a>(w: &'static str) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| i.word(t) == w)
}

/// A plain noun ("officials", "ministry"): lower case, no verb, no function word.
pub(super) fn plain<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| plain_noun(i.text, t))(i)
}

/// A determiner, a possessive included ("the", "Powell’s").
pub(super) fn det<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| det_token(i.text, t))(i)
}

/// A word that may stand inside a speaker mention ([`np_token`]).
pub(super) fn mention_word<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| np_token(i.text, t))(i)
}

/// A word that is neither an auxiliary nor a sentence starter: a word of a phrase.
fn phrase_word<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| t.kind == Tok::Word && !is_aux_token(i.text, t) && !starter(i.text, t))(i)
}

/// "close to him", "familiar with the talks": an adjective of relation, "to" or "with", and
/// the words of its object up to the window's end.
pub(super) fn relation_phrase<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let to_or_with = |i| exact_word("to").or(exact_word("with")).parse(i);
    (
        token(|i, t| LEXICON.relation_adjectives.contains(i.word(t))),
        to_or_with,
        many0_count(phrase_word),
        eof,
    )
        .map(|_| ())
        .parse(i)
}

/// "who spoke anonymously to discuss strategy": a relative clause ("who", "which") running
/// to the window's end with no quotation and no comma in it.
pub(super) fn relative_clause<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let who = |i| exact_word("who").or(exact_word("which")).parse(i);
    let inside = token(|i, t: &Token| !matches!(t.kind, Tok::Quote(_)) && i.word(t) != ",");
    (who, many0_count(inside), eof).map(|_| ()).parse(i)
}

/// "in the state", "across the four states": a preposition of class `prep` and a phrase of
/// mention words, plain nouns and determiners to the window's end.
pub(super) fn group_phrase<'a>(prep: Class) -> impl Fn(Toks<'a>) -> PResult<'a, ()> {
    move |i| {
        let word = token(|i, t: &Token| {
            np_token(i.text, t) || plain_noun(i.text, t) || det_token(i.text, t)
        });
        (exact(prep), many0_count(word), eof).map(|_| ()).parse(i)
    }
}

/// "security specialists", "investigators": plain nouns to the window's end.
pub(super) fn plain_nouns<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    (many1_count(plain), eof).map(|_| ()).parse(i)
}

/// "the U.S. backed Afghanistan government": a determiner, then mention words, plain nouns
/// and participles after a name, to the window's end (where the head stands).
pub(super) fn determined_phrase<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let d = i.at();
    let modifier = token(move |i: &Toks, t: &Token| {
        np_token(i.text, t)
            || plain_noun(i.text, t)
            || (i.at() > d + 1
                && i.word(t).ends_with("ed")
                && i.before().is_some_and(|b| is_capitalized(i.word(b))))
    });
    (det, many0_count(modifier), eof).map(|_| ()).parse(i)
}

/// The most words an apposition's body ([`apposition_body`]) holds.
pub(super) const APPOSITION_WORDS: usize = 13;

/// ", U.S. special representative for Afghanistan," after a name in the text: a comma, one
/// to thirteen words (no quotation), and the comma, full stop or semicolon that ends them.
/// Returns the words' window.
pub(super) fn apposition_body<'a>(i: Toks<'a>) -> PResult<'a, (usize, usize)> {
    let body = token(|i, t: &Token| {
        !super::written(i.text, t, Class::SpeakerAppositionEnds) && !matches!(t.kind, Tok::Quote(_))
    });
    let (i, _) = comma(i)?;
    let a = i.at();
    let (i, ()) = fold_many_m_n(1, APPOSITION_WORDS, body, || (), |(), _| ()).parse(i)?;
    let b = i.at();
    let (i, _) = exact(Class::SpeakerAppositionEnds)(i)?;
    Ok((i, (a, b)))
}

/// "Hours later," / "In Washington,": up to `max` words and the comma that closes them;
/// returns the words' window (token numbers), with nothing collected.
pub(super) fn up_to_comma<'a>(max: usize) -> impl Fn(Toks<'a>) -> PResult<'a, (usize, usize)> {
    move |i| {
        let a = i.at();
        let word = token(|i, t: &Token| i.word(t) != ",");
        let (i, ()) = fold_many_m_n(0, max, word, || (), |(), _| ()).parse(i)?;
        let b = i.at();
        let (i, _) = exact_word(",")(i)?;
        Ok((i, (a, b)))
    }
}

/// "state corporate records, …": the tokens up to a mark that ends the phrase "according to"
/// names (a comma, a parenthesis, a semicolon, a colon, a dash) or the window's end.
pub(super) fn source_words<'a>(i: Toks<'a>) -> PResult<'a, usize> {
    let word = token(|i, t: &Token| {
        let w = i.word(t);
        !Class::SpeakerSourcePhraseEnds.contains(w) && !crate::cues::is_dash(w)
    });
    many0_count(word).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    fn at<'a>(text: &'a str, all: &'a [Token], from: usize) -> Toks<'a> {
        Toks::new(text, all, from, all.len())
    }

    #[test]
    fn a_relation_phrase_runs_to_the_end() {
        // "a source close to him said"
        let text = "a source close to him";
        let all = toks(text);
        assert!(relation_phrase(at(text, &all, 2)).is_ok());
        // ("Close to him" is no phrase of relation in running text)
        let text = "Close to him";
        let all = toks(text);
        assert!(relation_phrase(at(text, &all, 0)).is_err());
    }

    #[test]
    fn a_relative_clause_runs_to_the_verb() {
        // "a White House official who spoke anonymously to discuss strategy said"
        let text = "official who spoke anonymously to discuss strategy";
        let all = toks(text);
        assert!(relative_clause(at(text, &all, 1)).is_ok());
        let text = "official who, he said";
        let all = toks(text);
        assert!(relative_clause(at(text, &all, 1)).is_err());
    }

    #[test]
    fn a_group_phrase() {
        // "Voters in the state said"
        let text = "Voters in the state";
        let all = toks(text);
        assert!(group_phrase(Class::SpeakerGroupPrepositions)(at(text, &all, 1)).is_ok());
    }

    #[test]
    fn plain_nouns_and_a_determined_phrase() {
        // "but security specialists say"
        let text = "but security specialists";
        let all = toks(text);
        assert!(plain_nouns(at(text, &all, 1)).is_ok());
        assert!(plain_nouns(at(text, &all, 0)).is_err());
        // "the U.S. backed Afghanistan government said"
        let text = "the U.S. backed Afghanistan";
        let all = toks(text);
        assert!(determined_phrase(at(text, &all, 0)).is_ok());
    }

    #[test]
    fn words_up_to_a_comma() {
        // "Hours later, Trump said"
        let text = "Hours later, Trump said";
        let all = toks(text);
        let (rest, (a, b)) = up_to_comma(4)(at(text, &all, 0)).unwrap();
        assert_eq!((a, b), (0, 2));
        assert_eq!(rest.first_word(), "Trump");
        assert!(up_to_comma(1)(at(text, &all, 0)).is_err());
    }

    #[test]
    fn the_words_of_a_source() {
        // "according to state corporate records, the company …"
        let text = "state corporate records, the company";
        let all = toks(text);
        let (rest, n) = source_words(at(text, &all, 0)).unwrap();
        assert_eq!((n, rest.first_word()), (3, ","));
    }

    #[test]
    fn an_apposition_body() {
        // "Zalmay Khalilzad, U.S. special representative for Afghanistan, met"
        let text = "Khalilzad, U.S. special representative, met";
        let all = toks(text);
        let (_, (a, b)) = apposition_body(at(text, &all, 1)).unwrap();
        assert_eq!((a, b), (2, 5));
        assert!(apposition_body(at(text, &all, 5)).is_err());
    }
}
