//! Token patterns of the mention grammar as nom parsers over [`Toks`], and the one-token
//! parsers they are built from that match a word exactly as written (the grammar's
//! `word_in` also accepts a word's lower case).

use crate::cues::is_aux;
use crate::grammar::{PResult, Toks, token};
use crate::lexicon::LEXICON;
use crate::segment::{Tok, Token};
use nom::Parser;
use nom::combinator::eof;
use nom::multi::many0;

use super::is_starter;

/// A token whose text is exactly `w`.
pub(super) fn exact_word<'a>(w: &'static str) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| i.word(t) == w)
}

/// A word that is neither an auxiliary nor a sentence starter: a word of a phrase.
fn phrase_word<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| t.kind == Tok::Word && !is_aux(i.word(t)) && !is_starter(i.word(t)))(i)
}

/// "close to him", "familiar with the talks": an adjective of relation, "to" or "with", and
/// the words of its object up to the window's end.
pub(super) fn relation_phrase<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let to_or_with = |i| exact_word("to").or(exact_word("with")).parse(i);
    (
        token(|i, t| LEXICON.relation_adjectives.contains(i.word(t))),
        to_or_with,
        many0(phrase_word),
        eof,
    )
        .map(|_| ())
        .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    #[test]
    fn a_relation_phrase_runs_to_the_end() {
        // "a source close to him said"
        let text = "a source close to him";
        let all = toks(text);
        assert!(relation_phrase(Toks::new(text, &all, 2, 5)).is_ok());
        // ("Close to him" is no phrase of relation in running text)
        let text = "Close to him";
        let all = toks(text);
        assert!(relation_phrase(Toks::new(text, &all, 0, 3)).is_err());
    }
}
