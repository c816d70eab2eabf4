//! Attributions opened by "as": "As Smith reported, …", "…, as the poll showed."

use crate::cues::*;
use crate::lexicon::LEXICON;
use crate::segment::Token;

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
    // (not "…, as the crowd cheered": only a verb that reports what is so)
    if !LEXICON
        .as_verbs
        .contains(&*crate::lexicon::class_key(c.lemma))
    {
        return None;
    }
    let after = c.tok + c.len;
    let mut b = c.tok;
    while b > lo && aux_or_negated(toks[b - 1].text(text)) {
        b -= 1;
    }
    let passive = toks.get(after).is_some_and(|t| t.text(text) == "by");
    let a = if passive {
        b.checked_sub(1)?
    } else {
        // (the mention: names, nouns or a pronoun, at most six words: "as we learned")
        let mut a = b;
        while a > lo
            && b - a <= 6
            && crate::lexicon::lower(toks[a - 1].text(text)) != "as"
            && (mentionish(text, &toks[a - 1])
                || plain_noun(text, &toks[a - 1])
                || LEXICON
                    .pronouns
                    .contains_key(&*crate::lexicon::lower(toks[a - 1].text(text))))
        {
            a -= 1;
        }
        (a < b).then_some(a.checked_sub(1)?)?
    };
    if a < lo || crate::lexicon::lower(toks[a].text(text)) != "as" {
        return None;
    }
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
        let comma = (after..hi.min(after + 12)).find(|&i| toks[i].text(text) == ",")?;
        return no_clause(after..comma).then_some(comma + 1..hi);
    }
    if a > lo + 2 && toks[a - 1].text(text) == "," && no_clause(after..hi) {
        return Some(lo..a - 1);
    }
    None
}

/// The token range of the clause a cue reports, in sentence `lo..hi` (final punctuation
/// excluded), or None when the cue reports no clause.
pub(crate) fn clause(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    c: CueHit,
    sent_cues: &[CueHit],
) -> Option<std::ops::Range<usize>> {
    let r = clause_of(text, toks, lo, hi, c, sent_cues)?;
    // ("As reported by Western Journalism, investigators found …": an attribution opened by
    // "as" is another cue's, never what this one reports)
    let as_attribution = crate::lexicon::lower(toks[r.start].text(text)) == "as"
        && sent_cues.iter().any(|n| {
            n.tok > r.start
                && n.tok < r.end
                && n.tok != c.tok
                && as_clause(text, toks, lo, hi, *n).is_some()
        });
    (!as_attribution).then_some(r)
}
