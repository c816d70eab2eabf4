//! Cues that are no verbs: a named poll ("in the latest CNN poll"), a noun before a
//! quotation ("her remark that “…”"), and a transcript's speaker colon.

use super::*;
use crate::grammar::{PResult, Toks, quotation, token};
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Input;
use nom::Parser;
use nom::multi::many_m_n;

/// "in the latest NBC News/Wall Street Journal poll", "In a CNN survey released Monday, …":
/// a poll named after "in" at token `i` is a source like "according to" (lemma "in"); the
/// words up to the poll are its name, with a capitalised word and no verb, comma or clause
/// among them.
pub(crate) fn in_poll(text: &str, toks: &[Token], i: usize, hi: usize) -> Option<CueHit> {
    let t = toks[i];
    let window = Toks::new(text, toks, i, hi.min(i + 10));
    let (_, name) = named_poll(window).ok()?;
    // A poll by its name ("a Des Moines Register poll"), not the polls at large ("in the
    // polls", "in national polls").
    let name = name.tokens();
    let plain = name.iter().any(|n| is_capitalized(n.text(text)))
        && name.iter().all(|n| {
            let w = n.text(text);
            Class::FindPollNameMarks.contains(w)
                || n.kind == Tok::Word
                    && !LEXICON.finite_forms.contains(w)
                    && !LEXICON.clause_openers.contains(w)
                    && !Class::FindPollNameJoiners.contains(w)
        });
    plain.then_some(CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma: "in",
        kind: CueKind::According,
        start: t.start,
        end: t.end,
        form: None,
    })
}

/// `in the latest CNN poll`: "in", the words of a name, and the first poll word after it;
/// gives the name's tokens.
fn named_poll<'a>(i: Toks<'a>) -> PResult<'a, Toks<'a>> {
    let (i, _) = token(|i, t| matches!(i.word(t), "in" | "In"))(i)?;
    // (poll words are lower-case words: the token's classes hold its lower case's)
    let k = i
        .position(|t| t.is(Class::PollWords))
        .ok_or(nom::Err::Error(()))?;
    let (rest, name) = i.take_split(k);
    let (rest, _) = token(|_, _| true)(rest)?;
    Ok((rest, name))
}

/// The colon of a transcript's line: a paragraph that opens with a speaker's name (one to
/// three capitalised words, in capitals or not; not a one-letter "Q" or "A", nor a label
/// like "UPDATE" or "Editor's Note") and a colon, then words that are no quotation.
/// (Asked of every paragraph, most with no colon in their first tokens: the colon is found
/// by the token's cue flag, which a colon has, inline; the name is read out of line.)
#[inline]
pub(crate) fn transcript_colon(text: &str, pt: &ParaTokens) -> Option<usize> {
    let toks = &pt.toks;
    let colon =
        (1..toks.len().min(5)).find(|&i| toks[i].may_cue() && toks[i].is_text(text, ":"))?;
    labelled_by_name(text, toks, colon)
}

/// Whether the tokens before the colon at `colon` are a transcript's speaker label and the
/// token after it no quotation ([`transcript_colon`]): the colon, or `None`.
#[inline(never)]
fn labelled_by_name(text: &str, toks: &[Token], colon: usize) -> Option<usize> {
    let name = &toks[..colon];
    let named = name.iter().all(|t| {
        let w = t.text(text);
        t.kind == Tok::Word
            && is_capitalized(w)
            && w.chars().count() > 1
            && !w.ends_with("’s")
            && !w.ends_with("'s")
            && !LEXICON
                .transcript_labels
                .contains(&crate::lexicon::lower(w))
    });
    let next = toks.get(colon + 1)?;
    (named && !matches!(next.kind, Tok::Quote(_))).then_some(colon)
}

/// A nominal cue at token `i`: a noun of the lexicon after a determiner or possessive, with
/// a quotation within three tokens after it ("her remark that “…”", "a statement: “…”").
pub(crate) fn nominal(text: &str, toks: &[Token], i: usize, hi: usize) -> Option<CueHit> {
    let t = toks[i];
    if !quotation_may_follow(text, toks, i, hi) {
        return None;
    }
    let lemma = lowered(t.text(text), |l| LEXICON.nominal_cues.get(l).copied())?;
    let det = toks[i.saturating_sub(3)..i].iter().any(|p| {
        lowered(p.text(text), |w| {
            Class::FindNominalPossessives.contains(w) || w.ends_with("’s") || w.ends_with("'s")
        })
    });
    let quote_follows = that_clause(text, toks, i, hi)
        || linked_quote(Toks::new(text, toks, i + 1, hi.min(i + 4))).is_ok();
    (det && quote_follows).then_some(CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma,
        kind: CueKind::Noun,
        start: t.start,
        end: t.end,
        form: None,
    })
}

/// Whether a quotation follows token `i` (of a sentence ending before `hi`) as a nominal
/// cue's would: in the three tokens after it, or in the that-clause after it (`i` is not
/// the paragraph's first token).
pub(crate) fn quotation_may_follow(text: &str, toks: &[Token], i: usize, hi: usize) -> bool {
    let is_quote = |n: &Token| matches!(n.kind, Tok::Quote(_));
    i > 0 && (toks[i + 1..hi.min(i + 4)].iter().any(is_quote) || that_clause(text, toks, i, hi))
}

/// "Trump's claim that there have been “thousands of shootings”": "that" after token `i`,
/// and a quotation anywhere in the sentence after it.
fn that_clause(text: &str, toks: &[Token], i: usize, hi: usize) -> bool {
    toks.get(i + 1).is_some_and(|n| n.is_text(text, "that"))
        && toks[(i + 2).min(hi)..hi]
            .iter()
            .any(|n| matches!(n.kind, Tok::Quote(_)))
}

/// `f` of `word` in lower case as `str::to_lowercase` writes it, on the stack for a short
/// ASCII word ([`crate::lexicon::with_lower`]).
fn lowered<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        crate::lexicon::with_lower(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// `that “…”`, `: “…”`, `was “…”`: at most two linking words, then a quotation (the window
/// is the three tokens after a nominal cue).
fn linked_quote<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let link = token(|i, t| Class::FindNominalLinks.contains(i.word(t)));
    let (rest, (_, q)) = (many_m_n(0, 2, link), quotation).parse(i)?;
    Ok((rest, q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::test_support::{paragraph, tok_of};

    #[test]
    fn a_named_poll() {
        let text = "Trump leads in the latest CNN poll, the paper said.";
        let (_, pt) = paragraph(text);
        let i = tok_of(text, &pt, "in");
        let c = in_poll(text, &pt.toks, i, pt.toks.len()).expect("a poll");
        assert_eq!((c.lemma, c.kind), ("in", CueKind::According));
        let (rest, name) = named_poll(Toks::whole(text, &pt.toks).from(i)).unwrap();
        assert_eq!(name.tokens().len(), 3);
        assert_eq!(rest.first_word(), ",");
        // The polls at large are no source.
        let text = "Trump leads in national polls.";
        let (_, pt) = paragraph(text);
        assert!(in_poll(text, &pt.toks, 2, pt.toks.len()).is_none());
    }

    #[test]
    fn a_nominal_cue_before_its_quotation() {
        let text = "He repeated her remark that “we won.”";
        let (_, pt) = paragraph(text);
        let i = tok_of(text, &pt, "remark");
        let c = nominal(text, &pt.toks, i, pt.toks.len()).expect("a nominal cue");
        assert_eq!(c.kind, CueKind::Noun);
        // No possessive before it: no cue.
        let text = "He made a remark that “we won.”";
        let (_, pt) = paragraph(text);
        let i = tok_of(text, &pt, "remark");
        assert!(nominal(text, &pt.toks, i, pt.toks.len()).is_none());
    }

    #[test]
    fn linking_words_then_a_quotation() {
        let text = "His statement was: “We won.”";
        let (_, pt) = paragraph(text);
        let i = tok_of(text, &pt, "was");
        assert!(linked_quote(Toks::whole(text, &pt.toks).from(i)).is_ok());
        assert!(linked_quote(Toks::whole(text, &pt.toks).from(0)).is_err());
    }

    #[test]
    fn a_transcript_colon() {
        let text = "SMITH: We won the vote.";
        let (_, pt) = paragraph(text);
        assert_eq!(transcript_colon(text, &pt), Some(1));
        let text = "UPDATE: We won the vote.";
        let (_, pt) = paragraph(text);
        assert_eq!(transcript_colon(text, &pt), None);
    }

    #[test]
    fn a_transcript_colon_is_found_by_the_cue_flag_as_by_its_text() {
        // (the plain search: the first colon token by its text, then the name)
        for text in [
            "SMITH: We won the vote.",
            "Jake Tapper: Do you think he can win?",
            "Q: Why now?",
            "Iowa: Tim Albrecht, Brad Anderson.",
            "At 10:30 a.m. he said: “We won.”",
            "Mr. Smith said: we won.",
            "WALLACE : Is that right?",
            "Editor's Note: This story was updated.",
            "SMITH: “We won.”",
            "A B C D: E",
            "Said: yes",
            ":",
            "Smith:",
        ] {
            let (_, pt) = paragraph(text);
            let toks = &pt.toks;
            let plain = (1..toks.len().min(5))
                .find(|&i| toks[i].is_text(text, ":"))
                .and_then(|colon| labelled_by_name(text, toks, colon));
            assert_eq!(transcript_colon(text, &pt), plain, "{text:?}");
            for t in toks.iter().filter(|t| t.is_text(text, ":")) {
                assert!(t.may_cue(), "{text:?}");
            }
        }
    }
}
