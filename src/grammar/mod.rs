//! The grammar's foundations: a token view that nom parses, one-token parsers, and the
//! shapes that recur in attributions (a noun phrase, an apposition, a prepositional phrase).
//!
//! Token-level rules are nom 8 parsers over [`Toks`], a `Copy` window onto a sentence's
//! tokens that keeps the whole sentence in reach (rules may look behind their window) and
//! every byte offset. A rule is a small named function
//! `fn rule(i: Toks) -> PResult<Match>` with one example in its doc comment and a unit test
//! beside it; a stage tries its rules in an ordered table (`Rule`, `first_match`).
//!
//! Errors carry nothing (`()`): a rule that does not match costs no allocation, and the
//! caller only ever asks whether one did.

// (the rules of the stages are being moved onto this grammar: until they all are, some
// of its parsers have no caller outside the tests)
#![allow(dead_code)]

mod view;
mod words;

pub(crate) use view::Toks;
#[allow(unused_imports)]
pub(crate) use words::*;

/// What a token-level rule returns: the rest of the window and what it read.
pub(crate) type PResult<'a, O> = nom::IResult<Toks<'a>, O, ()>;

/// A named rule of a stage's table: the name goes into debugging output and tests.
pub(crate) struct Rule<'a, O> {
    pub name: &'static str,
    pub parse: fn(Toks<'a>) -> PResult<'a, O>,
}

/// The first rule of `table` (in order: the order is the precedence) that matches at the
/// start of `i`, with its name and its output.
pub(crate) fn first_match<'a, O>(
    table: &[Rule<'a, O>],
    i: Toks<'a>,
) -> Option<(&'static str, Toks<'a>, O)> {
    table
        .iter()
        .find_map(|r| (r.parse)(i).ok().map(|(rest, o)| (r.name, rest, o)))
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Tokenizing a sentence for a rule's unit test.
    use crate::model::Span;
    use crate::segment::{Token, tokens};

    /// The tokens of `text` (no quotation is a token of its own).
    pub(crate) fn toks(text: &str) -> Vec<Token> {
        tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[],
        )
    }
}
