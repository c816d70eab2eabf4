//! One-token parsers and the phrase shapes built from them.
//!
//! Every parser here is a nom parser over [`Toks`]: `word_in(Class::Determiners)` reads one
//! determiner, `noun_phrase(word_in(Class::OccasionNouns))` reads "a House Oversight
//! Committee hearing". Word classes come from the lexicon (`Class`), never from lists in code.

use super::{PResult, Toks};
use crate::lexicon::{Class, LEXICON, VerbForm, lower};
use crate::segment::{Tok, Token, is_capitalized};
use nom::{Err, Input, Parser};

/// A stretch of tokens a phrase rule read: `start..end` index `Toks::all`, `head` is the
/// index of its head word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

fn fail<'a, O>() -> PResult<'a, O> {
    Err(Err::Error(()))
}

/// One token for which `pred` holds.
pub(crate) fn token<'a>(
    pred: impl Fn(&Toks<'a>, &'a Token) -> bool,
) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    move |i: Toks<'a>| match i.first() {
        Some(t) if pred(&i, t) => Ok((i.take_from(1), t)),
        _ => fail(),
    }
}

/// Any word (not punctuation, not a quotation).
pub(crate) fn word<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|_, t| t.kind == Tok::Word)(i)
}

/// A word of class `c` (as written or in lower case): `word_in(Class::Determiners)`.
pub(crate) fn word_in<'a>(c: Class) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |_, t| t.kind == Tok::Word && t.is(c))
}

/// A word not of class `c`.
pub(crate) fn word_not_in<'a>(c: Class) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |_, t| t.kind == Tok::Word && !t.is(c))
}

/// The word `w`, in any case: `literal("said")`.
pub(crate) fn literal<'a>(w: &'static str) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| t.kind == Tok::Word && i.word(t).eq_ignore_ascii_case(w))
}

/// The punctuation mark `p`: `punct(",")`.
pub(crate) fn punct<'a>(p: &'static str) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i, t| t.kind == Tok::Punct && t.is_text(i.text, p))
}

/// A comma.
pub(crate) fn comma<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    punct(",")(i)
}

/// A quotation (one token for the whole quotation and its marks).
pub(crate) fn quotation<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|_, t| matches!(t.kind, Tok::Quote(_)))(i)
}

/// A word that starts with a capital letter.
pub(crate) fn capitalised<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| t.kind == Tok::Word && is_capitalized(i.word(t)))(i)
}

/// A determiner: "the", "a", "his", "several".
pub(crate) fn determiner<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    word_in(Class::Determiners)(i)
}

/// A possessive: "CNN's", "the Joneses'", "Trump’s".
pub(crate) fn possessive<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| {
        let w = i.word(t);
        t.kind == Tok::Word
            && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
    })(i)
}

/// A reporting verb form of the lexicon, with as many tokens as the form has ("said",
/// "went on", "according to").
pub(crate) fn reporting_verb<'a>(i: Toks<'a>) -> PResult<'a, VerbForm> {
    let Some(t) = i.first().filter(|t| t.kind == Tok::Word) else {
        return fail();
    };
    let next = i.peek(1).filter(|_| i.input_len() > 1).map(|n| i.word(n));
    match LEXICON.verb(&lower(i.word(t)), next.map(|n| lower(n)).as_deref()) {
        Some(v) if v.words <= i.input_len() => Ok((i.take_from(v.words), v)),
        _ => fail(),
    }
}

/// The most modifiers `modified` reads before a head.
const MAX_MODIFIERS: usize = 8;

/// A noun phrase: an optional determiner, an optional possessive, up to `max` modifiers and a
/// head. Modifiers are read greedily and given back one by one until the head parses, so
/// "a House Oversight Committee hearing" reads with `modifier = word`.
pub(crate) fn modified<'a, M, H, O>(
    max: usize,
    mut modifier: M,
    mut head: H,
) -> impl FnMut(Toks<'a>) -> PResult<'a, (Phrase, O)>
where
    M: Parser<Toks<'a>, Error = ()>,
    H: Parser<Toks<'a>, Output = O, Error = ()>,
{
    move |i: Toks<'a>| {
        let start = i.at();
        let i = determiner(i).map_or(i, |(r, _)| r);
        let i = possessive(i).map_or(i, |(r, _)| r);
        // (the places a head may start, on the stack: at most MAX_MODIFIERS modifiers)
        let mut stops = [i; MAX_MODIFIERS + 1];
        let mut n = 1;
        while n <= max.min(MAX_MODIFIERS) {
            let last = stops[n - 1];
            match modifier.parse(last) {
                Ok((r, _)) if r.at() > last.at() => {
                    stops[n] = r;
                    n += 1;
                }
                _ => break,
            }
        }
        for &s in stops[..n].iter().rev() {
            if let Ok((rest, o)) = head.parse(s) {
                let end = rest.at();
                let phrase = Phrase {
                    start,
                    end,
                    head: end.saturating_sub(1).max(s.at()),
                };
                return Ok((rest, (phrase, o)));
            }
        }
        fail()
    }
}

/// A noun phrase whose head `head` parses, with up to three words of any kind before it:
/// `noun_phrase(word_in(Class::OccasionNouns))` reads "his own written statement".
pub(crate) fn noun_phrase<'a, H, O>(head: H) -> impl FnMut(Toks<'a>) -> PResult<'a, (Phrase, O)>
where
    H: Parser<Toks<'a>, Output = O, Error = ()>,
{
    modified(3, word_not_in(Class::FunctionWords), head)
}

/// A prepositional phrase: a preposition of class `prep` and a noun phrase headed by
/// `head` ("during a House committee hearing").
pub(crate) fn prep_phrase<'a, H, O>(
    prep: Class,
    head: H,
) -> impl FnMut(Toks<'a>) -> PResult<'a, (Phrase, O)>
where
    H: Parser<Toks<'a>, Output = O, Error = ()>,
{
    let mut np = noun_phrase(head);
    move |i: Toks<'a>| {
        let start = i.at();
        let (i, _) = word_in(prep)(i)?;
        let (rest, (p, o)) = np(i)?;
        Ok((rest, (Phrase { start, ..p }, o)))
    }
}

/// An apposition set off by commas: ", a spokesman for the ministry," — a comma, what
/// `inner` parses, and a comma or the end of the window.
pub(crate) fn apposition<'a, P, O>(mut inner: P) -> impl FnMut(Toks<'a>) -> PResult<'a, O>
where
    P: Parser<Toks<'a>, Output = O, Error = ()>,
{
    move |i: Toks<'a>| {
        let (i, _) = comma(i)?;
        let (i, o) = inner.parse(i)?;
        if i.is_empty() {
            return Ok((i, o));
        }
        let (i, _) = comma(i)?;
        Ok((i, o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    fn view<'a>(text: &'a str, all: &'a [Token]) -> Toks<'a> {
        Toks::whole(text, all)
    }

    #[test]
    fn word_classes_and_punctuation() {
        let text = "The spokesman, he said";
        let all = toks(text);
        let i = view(text, &all);
        let (i, t) = determiner(i).unwrap();
        assert_eq!(t.text(text), "The");
        assert!(determiner(i).is_err());
        let (i, _) = word(i).unwrap();
        let (i, _) = comma(i).unwrap();
        assert_eq!(i.first_word(), "he");
        let (_, v) = (word, reporting_verb)
            .parse(i)
            .map(|(r, (_, v))| (r, v))
            .unwrap();
        assert_eq!(v.lemma, "say");
    }

    #[test]
    fn a_multi_word_reporting_verb_takes_its_tokens() {
        let text = "according to officials";
        let all = toks(text);
        let (rest, v) = reporting_verb(view(text, &all)).unwrap();
        assert_eq!(v.words, 2);
        assert_eq!(rest.first_word(), "officials");
    }

    #[test]
    fn a_noun_phrase_gives_back_modifiers_until_its_head_parses() {
        // "during a House Oversight Committee hearing"
        let text = "during a House Oversight Committee hearing on Tuesday";
        let all = toks(text);
        let (rest, (p, _)) =
            prep_phrase(Class::AdjunctOpeners, literal("hearing"))(view(text, &all)).unwrap();
        assert_eq!((p.start, p.end, p.head), (0, 6, 5));
        assert_eq!(rest.first_word(), "on");
        // "in his own written statement"
        let text = "in his own written statement";
        let all = toks(text);
        let (_, (p, _)) =
            prep_phrase(Class::AdjunctOpeners, literal("statement"))(view(text, &all)).unwrap();
        assert_eq!((p.start, p.end), (0, 5));
        // No head, no phrase.
        assert!(noun_phrase(literal("statement"))(view(text, &all[1..3])).is_err());
    }

    #[test]
    fn a_possessive_opens_a_noun_phrase() {
        let text = "CNN's Jake Tapper";
        let all = toks(text);
        assert!(possessive(view(text, &all)).is_ok());
        let (_, (p, _)) = noun_phrase(literal("tapper"))(view(text, &all)).unwrap();
        assert_eq!(p.end, 3);
    }

    #[test]
    fn an_apposition_is_set_off_by_commas() {
        let text = ", a spokesman, said";
        let all = toks(text);
        let (rest, (p, _)) =
            apposition(noun_phrase(literal("spokesman")))(view(text, &all)).unwrap();
        assert_eq!((p.start, p.end), (1, 3));
        assert_eq!(rest.first_word(), "said");
    }
}
