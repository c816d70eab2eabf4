//! One-token parsers the clause's rules share, exact as the rules read their words.
//!
//! `grammar::word_in` folds case (a word as written or lower-cased) and reads words only;
//! the clause's rules read some words exactly as written ("and", not "And"), some in lower
//! case, and some punctuation: these parsers say which.

use crate::grammar::{PResult, Toks, token};
use crate::lexicon::Class;
use crate::segment::{Token, is_capitalized};

/// A token that is, exactly as written, a word of class `c`: `exact(Class::ClauseCoordinators)`
/// reads "and", not "And".
pub(super) fn exact<'a>(c: Class) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    // (the token's classes: a bit test, and a look-up only for a word with a capital in a
    // class that holds capitalised words)
    token(move |i, t| t.is_written(c, i.text))
}

/// A token whose lower case is a word of class `c` (a class of lower-case words):
/// `folded(Class::ClauseArticles)` reads "The" and "the". (A token's classes are those of
/// its form and of its lower case, so this is a bit test.)
pub(super) fn folded<'a>(c: Class) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |_, t| t.is(c))
}

/// The token `s`, exactly: `is(",")`, `is("to")`.
pub(super) fn is<'a>(s: &'static str) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| t.is_text(i.text, s))
}

/// A token that starts with a capital letter (a quotation's mark is no capital).
pub(super) fn capital<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| is_capitalized(i.word(t)))(i)
}

/// An adverb in -ly of more than four letters ("briefly", "passionately").
pub(super) fn ly_adverb<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| {
        let w = i.word(t);
        w.len() > 4 && w.ends_with("ly")
    })(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    #[test]
    fn exact_reads_case_and_folded_does_not() {
        let text = "And the";
        let all = toks(text);
        let i = Toks::whole(text, &all);
        assert!(exact(Class::ClauseCoordinators)(i).is_err());
        assert!(folded(Class::ClauseCoordinators)(i).is_ok());
        assert!(is("And")(i).is_ok());
        assert!(capital(i).is_ok());
        assert!(ly_adverb(i).is_err());
    }
}
