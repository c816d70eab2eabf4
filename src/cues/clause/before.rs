//! The clause before the cue: a passive's subject ("was first reported by MSNBC"), or
//! "CLAUSE, SPEAKER CUE [adjuncts]" / "CLAUSE, CUE SPEAKER".

use super::around::Around;
use super::pattern::is;
use super::{Cx, Decision};
use crate::cues::*;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, is_capitalized};

/// Punctuation inside an adverbial that opens the sentence ("In the early 1990s, …").
const ADVERBIAL_MARKS: [&str; 3] = [",", "'", "-"];

/// The first of the auxiliaries before the cue: "has also said" (at "has").
pub(super) fn verb_start(cx: &Cx) -> usize {
    let mut b = cx.c.tok;
    while b > cx.lo && is_aux_token(cx.text, &cx.toks[b - 1]) {
        b -= 1;
    }
    b
}

/// "O’Malley’s move was first reported by MSNBC": a passive ("will be offered", "was
/// told") reports nothing of its subject's but with its agent, when it reports its
/// subject; a progressive ("is calling for") is no passive.
pub(super) fn passive(cx: &Cx, b: usize) -> Decision {
    let (toks, lo, after) = (cx.toks, cx.lo, cx.after);
    if !(b > lo
        && in_lower_class(cx.text, &cx.toks[b - 1], Class::ClauseBeForms)
        && !ing_form(cx.text, &cx.c))
    {
        return None;
    }
    if !(cx.c.speech && cx.matches(after, is("by"))) {
        return Some(None);
    }
    let mut be = b - 1;
    // (without the auxiliaries before the form of "be": "Trump has been criticized by")
    while be > lo && (is_aux_token(cx.text, &cx.toks[be - 1]) || is_be_form(cx.w(be - 1))) {
        be -= 1;
    }
    let mut from = clause_start(cx.text, toks, lo, be);
    // (nor a conjunction opening the sentence: "But it was mentioned by …"; with "which"
    // or "that" before the verb, from there: "…, which was first reported by The
    // Associated Press")
    while from < be && opening_conjunction(cx.w(from)) {
        from += 1;
    }
    let from = if from == be && from > lo && matches!(cx.w(from - 1), "which" | "that") {
        from - 1
    } else {
        from
    };
    Some((from < be).then_some(from..be))
}

/// "The plan will fail, an official said.", "…, he said, adding that …", "…, said Alan
/// Abramowitz": the clause before the speaker's comma.
pub(super) fn clause_before(cx: &Cx, s: &Around) -> Decision {
    let (lo, b) = (cx.lo, s.b);
    let applies = b > lo
        && ((s.tail_is_adjunct() || s.comma_tail()) && !s.quotation_after()
            || (s.quoted_before() && s.quoted_rest().is_none())
            // (", referring to the two resorts": a participle's object, not its speaker)
            || (cx.comma_before(b) && s.inverted_tail() && !s.apposed_subject() && !s.progressive()));
    if !applies {
        return None;
    }
    let m = clause_comma(cx, s);
    // ", and many replied": a coordinated clause, not the speaker of the one before.
    let coordinated = cx.is(m.min(b), Class::ClauseCoordinators);
    if cx.comma_before(m) && m > lo + 2 && !coordinated && !opening_adverbial(cx, m) {
        // (a quotation ending in the comma is part of the clause)
        let r = lo..if cx.is_text(m - 1, ",") { m - 1 } else { m };
        // (a short clause will do between an archive's doubled apostrophes: "''It's
        // embarrassing,'' Mr. Rubel said")
        let quoted = cx.doubled(lo) && cx.is_text(m - 1, "'");
        // (counted no further than they are compared: a long quotation is not split to its end)
        let n = cx.words_up_to(&r, 3);
        return Some((n >= 3 || quoted && n >= 1).then_some(r));
    }
    if s.tail_empty || s.tail_is_adjunct() {
        return Some(None);
    }
    None
}

/// The token after the comma that ends the clause before the cue: before the speaker
/// ("The plan will fail, an official said"), or right before the cue ("…, said Smith").
fn clause_comma(cx: &Cx, s: &Around) -> usize {
    let (lo, b) = (cx.lo, s.b);
    if cx.comma_before(b) {
        // "CLAUSE, Smith, the mayor, said": the name before the apposition; none when the
        // sentence opens with it ("Rubin, the former secretary, opined on …"). (With the
        // speaker after the cue, the comma closes the clause.)
        let speaker_after = s.inverted_tail() && !s.tail_is_adjunct();
        return match (lo + 1..b - 1)
            .rev()
            .find(|&j| !speaker_after && cx.is_text(j, ","))
            .map(|j| cx.mention_start(j, 10))
        {
            Some(m) if m == lo => lo,
            Some(m) if cx.comma_before(m) => m,
            _ => b,
        };
    }
    let m = cx.mention_start(b, 10);
    if cx.comma_before(m) {
        return m;
    }
    // A mention with a phrase after its noun ("a source close to him", "people familiar
    // with the talks"): back to the comma, through words that are no verb.
    (lo.max(b.saturating_sub(10))..m)
        .rev()
        .find(|&k| cx.is_text(k, ","))
        .filter(|&k| {
            cx.toks[k + 1..m].iter().all(|t| {
                let w = lower(t.text(cx.text));
                t.kind == Tok::Word
                    && !is_aux(&w)
                    && !LEXICON.verbs.contains_key(&*w)
                    && !is_be_form(&w)
                    && w != "that"
            }) && mentionish(cx.text, &cx.toks[k + 1])
        })
        .map_or(m, |k| k + 1)
}

/// "In the early 1990s, Ms. Ripert said …", "Over a 40-year career as a lobbyist, his
/// firms advised …": a phrase opening with a preposition, with no verb in it, up to `m`
/// is an adverbial of the sentence, not a clause its speaker reports.
fn opening_adverbial(cx: &Cx, m: usize) -> bool {
    let lo = cx.lo;
    LEXICON.adjunct_openers.contains(&cx.low(lo))
        && is_capitalized(cx.w(lo))
        && !cx.toks[lo..m].iter().any(|t| {
            let w = t.text(cx.text);
            let l = lower(w);
            t.kind != Tok::Word && !ADVERBIAL_MARKS.contains(&w)
                || finite_word(&l)
                || LEXICON.verbs.contains_key(&*l)
                || (w == l
                    && w.chars().all(char::is_alphabetic)
                    && (l.ends_with("ed") || l.ends_with('s')))
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn passive_with_its_agent() {
        let s = "O’Malley’s move was first reported by MSNBC.";
        assert_eq!(
            clause_text(s, "reported").as_deref(),
            Some("O’Malley’s move")
        );
    }

    #[test]
    fn clause_before_the_speaker() {
        let s = "The plan will fail in the Senate, an official said.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("The plan will fail in the Senate")
        );
    }

    #[test]
    fn an_opening_adverbial_is_no_clause() {
        let s = "In the early 1990s, Ms. Ripert said the market was weak.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the market was weak")
        );
    }

    #[test]
    fn a_mention_with_a_phrase_after_its_noun() {
        let s = "The talks have stalled, people familiar with the talks said.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("The talks have stalled")
        );
    }
}
