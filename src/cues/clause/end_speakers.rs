//! Rules of the clause's end at another speaker or attribution: another speaker's statement
//! after a comma, the sentence's speaker after its verb, a second speaker joined by "and",
//! "according to", and the close of a clause the speaker's is subordinate to.

use super::end::Clause;
use super::pattern::is;
use crate::cues::*;
use crate::lexicon::{Class, LEXICON};
use crate::segment::is_capitalized;
use nom::branch::alt;

/// The verb cues of the sentence after the clause's first words and before `end`.
fn later_verbs<'c>(cl: &'c Clause, end: usize) -> impl Iterator<Item = &'c CueHit> {
    cl.cx
        .sent_cues
        .iter()
        .filter(move |n| n.tok > cl.start + 2 && n.tok < end && n.kind == CueKind::Verb)
}

/// "said it was great to be home, a man yelled": another speaker's statement begins after
/// a comma.
pub(super) fn another_speaker(cl: &Clause, end: usize) -> Option<usize> {
    // (the comma before the mention stands at or after `start + 2`, before the verb's
    // mention: a verb with no comma token two tokens before it or earlier is passed over)
    let comma_at = cl.marks.comma_at;
    if comma_at >= end {
        return None;
    }
    let cx = cl.cx;
    later_verbs(cl, end).find_map(|n| {
        if n.tok <= comma_at + 1 {
            return None;
        }
        let m = mention_start(cx.text, cx.toks, cl.start, n.tok, 7);
        (m < n.tok && m > cl.start + 2 && cx.is_text(m - 1, ",")).then_some(m - 1)
    })
}

/// "warned the Chinese leader not to move on the shoal, said an American official": the
/// speaker of the sentence comes after its verb; or "Mr. Kasich, who refused to endorse Mr.
/// Trump, said the family deserved better": the verb of the sentence whose subject a
/// relative clause was set off from.
pub(super) fn inverted_speaker(cl: &Clause, end: usize) -> Option<usize> {
    // (the comma before the verb stands at or after `start + 2`, before `end`)
    if cl.marks.comma_at >= end {
        return None;
    }
    let cx = cl.cx;
    let n = later_verbs(cl, end).find(|n| {
        inverts(n.lemma)
            && cx.is_text(n.tok - 1, ",")
            && cx.toks.get(n.tok + n.len).is_some_and(|t| {
                let w = t.text(cx.text);
                is_capitalized(w)
                    || crate::lexicon::with_lower(w, |l| LEXICON.determiners.contains(l))
            })
    })?;
    Some(n.tok - 1)
}

/// "said they were worried about the economy, and more than 4 in 10 said Trump would be
/// best": a second speaker's statement joined by "and" or "but" (the joining word, then a
/// subject of at most six words, no verb among them).
pub(super) fn second_speaker_joined(cl: &Clause, end: usize) -> Option<usize> {
    if !cl.marks.and_but {
        return None;
    }
    let (cx, start) = (cl.cx, cl.start);
    later_verbs(cl, end).filter(|n| n.speech).find_map(|n| {
        let mut v = n.tok;
        while v > start && aux_or_negated_token(cx.text, &cx.toks[v - 1]) {
            v -= 1;
        }
        let k = (start + 3..v)
            .rev()
            .take(7)
            .take_while(|&k| {
                !cx.is_text(k, ",")
                    && cx.with_low(k, |w| !finite_word(w) && !LEXICON.verbs.contains_key(w))
            })
            .find(|&k| matches!(cx.w(k), "and" | "but"))?;
        (k + 1 < v).then(|| if cx.is_text(k - 1, ",") { k - 1 } else { k })
    })
}

/// "said the deficit would grow, according to the budget office": another attribution's
/// source after a comma.
pub(super) fn according_to(cl: &Clause, end: usize) -> Option<usize> {
    let cx = cl.cx;
    let n = cx.sent_cues.iter().find(|n| {
        n.kind == CueKind::According
            && n.tok > cl.start + 2
            && n.tok < end
            && cx.comma_before(n.tok)
    })?;
    Some(n.tok - 1)
}

/// "Although she said it was a mistake, she …", "Zimmerman, who alleged that the police
/// lied, was acquitted": a clause that the speaker's own clause is subordinate to closes
/// at its comma.
pub(super) fn subordinate_close(cl: &Clause, end: usize) -> Option<usize> {
    // (no comma from the clause's third token to its end, no close: the opener and the
    // relative are not read)
    if cl.marks.comma_at >= end {
        return None;
    }
    let (cx, lo, b) = (cl.cx, cl.cx.lo, cl.b);
    let opener = cx.toks[lo..b]
        .iter()
        .take(2)
        .position(|t| in_lower_class(cx.text, t, Class::Subordinators))
        .is_some_and(|i| !(lo + i..b).any(|k| cx.is_text(k, ",")));
    let relative = b >= lo + 2 && cx.matches(b - 2, (is(","), alt((is("who"), is("which")))));
    if !cl.marks.comma || !(opener || relative) {
        return None;
    }
    // (the first comma at or after `start + 2`)
    (cl.marks.comma_at < end).then_some(cl.marks.comma_at)
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn another_speaker() {
        let s = "He said it was great to be home, a man yelled.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("it was great to be home")
        );
    }

    #[test]
    fn inverted_speaker() {
        let s = "He warned the leader not to move on the shoal, said an American official.";
        assert_eq!(
            clause_text(s, "warned").as_deref(),
            Some("the leader not to move on the shoal")
        );
    }

    #[test]
    fn second_speaker_joined() {
        let s = "Most said they were worried about the economy, and more than 4 in 10 said Trump would be best.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("they were worried about the economy")
        );
    }

    #[test]
    fn according_to() {
        let s = "He said the deficit would grow, according to the budget office.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the deficit would grow")
        );
    }

    #[test]
    fn subordinate_close() {
        let s = "Although she said it was a mistake, she voted for it.";
        assert_eq!(clause_text(s, "said").as_deref(), Some("it was a mistake"));
    }
}
