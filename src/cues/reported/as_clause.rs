//! Attributions opened by "as": "As Smith reported, …", "…, as the poll showed."

use crate::cues::*;
use crate::grammar::{PResult, Toks, literal, token};
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::Token;
use nom::Parser;
use nom::combinator::eof;
use nom::multi::many_m_n;

/// The clause an attribution opened by "as" reports: `As SPEAKER CUE [adjunct], CLAUSE`,
/// `As CUE by SPEAKER, CLAUSE` (the rest of the sentence after the comma) or `CLAUSE, as
/// SPEAKER CUE [adjunct].` (the sentence before the comma). The words between "as" and the
/// cue are a mention (no verb), and those after the cue up to the comma no clause.
pub(crate) fn as_clause(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    c: CueHit,
) -> Option<std::ops::Range<usize>> {
    // (an "as" before the cue, or no attribution opens with one: the token's class bit
    // first, "as" in any case being a clause joiner)
    let as_at = |k: usize| {
        toks[k].is(Class::ClauseJoiners) && toks[k].text(text).eq_ignore_ascii_case("as")
    };
    if !(lo..c.tok.min(toks.len())).any(as_at) {
        return None;
    }
    // (not "…, as the crowd cheered": only a verb that reports what is so)
    if !LEXICON
        .as_verbs
        .contains(&crate::lexicon::class_key(c.lemma))
    {
        return None;
    }
    let after = c.tok + c.len;
    let mut b = c.tok;
    while b > lo && aux_or_negated_token(text, &toks[b - 1]) {
        b -= 1;
    }
    let passive = toks.get(after).is_some_and(|t| t.is_text(text, "by"));
    let a = as_opening(text, toks, lo, b, passive)?;
    let no_clause = |r: std::ops::Range<usize>| {
        toks[r].iter().all(|t| {
            let w = crate::lexicon::lower(t.text(text));
            // ("as he put it": its "it" is no subject)
            !finite_word(&w) && !is_clause_word(text, t) && (w == "it" || !subject_pronoun(&w))
        })
    };
    // (the opening "As", or one after a conjunction: "But as we learned in Iowa, …")
    let opens = a == lo || (a == lo + 1 && opening_conjunction(toks[lo].text(text)));
    if opens {
        let comma = (after..hi.min(after + 12)).find(|&i| toks[i].is_text(text, ","))?;
        return no_clause(after..comma).then_some(comma + 1..hi);
    }
    if a > lo + 2 && toks[a - 1].is_text(text, ",") && no_clause(after..hi) {
        return Some(lo..a - 1);
    }
    None
}

/// Where the "as" of an attribution before the verb at `b` (past its auxiliaries) stands:
/// right before it in the passive ("As reported by …"), else before a mention of at most
/// seven words ("As we learned", "as the Wall Street Journal reported").
fn as_opening(text: &str, toks: &[Token], lo: usize, b: usize, passive: bool) -> Option<usize> {
    if passive {
        let a = b.checked_sub(1)?;
        return (a >= lo && as_word(Toks::new(text, toks, a, b)).is_ok()).then_some(a);
    }
    // (only the nearest "as" can open the mention: a mention holds no "as")
    let a = (lo.max(b.saturating_sub(8))..b.saturating_sub(1))
        .rev()
        .find(|&a| toks[a].text(text).eq_ignore_ascii_case("as"))?;
    as_mention(Toks::new(text, toks, a, b)).is_ok().then_some(a)
}

/// The word "as": "As reported by Western Journalism, …".
pub(crate) fn as_word(i: Toks<'_>) -> PResult<'_, &Token> {
    literal("as")(i)
}

/// "as" and a mention of one to seven words (names, nouns or a pronoun; no second "as") to
/// the window's end: "As we" (learned), "as the Wall Street Journal" (reported).
pub(crate) fn as_mention(i: Toks<'_>) -> PResult<'_, ()> {
    let mention = token(|i: &Toks<'_>, t: &Token| {
        let w = lower(i.word(t));
        w != "as"
            && (mentionish(i.text, t)
                || plain_noun(i.text, t)
                || LEXICON.pronouns.contains_key(&*w))
    });
    (as_word, many_m_n(1, 7, mention), eof).map(|_| ()).parse(i)
}

/// The token range of the clause a cue reports, in sentence `lo..hi` (final punctuation
/// excluded), or None when the cue reports no clause.
pub(crate) fn clause(
    text: &str,
    toks: &[Token],
    (lo, hi): (usize, usize),
    c: CueHit,
    sent_cues: &[CueHit],
    doubled: bool,
) -> Option<std::ops::Range<usize>> {
    let r = clause_of(text, toks, (lo, hi), c, sent_cues, doubled)?;
    // ("As reported by Western Journalism, investigators found …": an attribution opened by
    // "as" is another cue's, never what this one reports)
    let as_attribution = toks[r.start].text(text).eq_ignore_ascii_case("as")
        && sent_cues.iter().any(|n| {
            n.tok > r.start
                && n.tok < r.end
                && n.tok != c.tok
                && as_clause(text, toks, lo, hi, *n).is_some()
        });
    (!as_attribution).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::reported::test_support::{cue_at, toks};

    #[test]
    fn as_a_mention_reported() {
        let text = "As the Wall Street Journal reported";
        let all = toks(text);
        assert!(as_mention(Toks::new(text, &all, 0, 5)).is_ok());
        assert!(as_mention(Toks::new(text, &all, 1, 5)).is_err());
        assert!(
            as_mention(Toks::new(text, &all, 0, 1)).is_err(),
            "no mention"
        );
    }

    #[test]
    fn as_speaker_cue_comma_clause() {
        // `As SPEAKER CUE [adjunct], CLAUSE`: the rest of the sentence.
        let text = "As Smith reported in his book, the plan failed";
        let all = toks(text);
        let c = cue_at(text, &all, "reported", "report");
        assert_eq!(as_clause(text, &all, 0, all.len(), c), Some(7..10));
        // `As CUE by SPEAKER, CLAUSE`
        let text = "As reported by Western Journalism, investigators found it";
        let all = toks(text);
        let c = cue_at(text, &all, "reported", "report");
        assert_eq!(as_clause(text, &all, 0, all.len(), c), Some(6..9));
    }

    #[test]
    fn clause_comma_as_speaker_cue() {
        // `CLAUSE, as SPEAKER CUE.`: the sentence before the comma.
        let text = "Trump leads in Iowa, as the poll showed";
        let all = toks(text);
        let c = cue_at(text, &all, "showed", "show");
        assert_eq!(as_clause(text, &all, 0, all.len(), c), Some(0..4));
        // (not "as the crowd cheered": no verb that reports)
        let text = "Trump spoke on, as the crowd cheered";
        let all = toks(text);
        let c = cue_at(text, &all, "cheered", "cheer");
        assert_eq!(as_clause(text, &all, 0, all.len(), c), None);
    }
}
