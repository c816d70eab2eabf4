//! Attributions that name no one: hearsay, expectations, questions asked, views seemed.

use super::{At, Claims, Sentence, Step};
use crate::cues::*;
use crate::lexicon::{Class, LEXICON};
use crate::model::Span;
use crate::segment::Tok;

/// Whether the cue at token `tok` of paragraph `para` has no statement yet, or only one made
/// to carry an attribution to the next paragraph.
pub(crate) fn unclaimed(
    stmts: &[Stmt],
    existing: &rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    tok: usize,
) -> bool {
    existing
        .get(&(para, tok))
        .is_none_or(|&s| stmts[s].parts.is_empty() && stmts[s].content.is_none())
}

/// The statement of cue `c` in paragraph `para`: the one it has, or a new one.
pub(crate) fn statement_of(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
) -> usize {
    *existing.entry((para, c.tok)).or_insert_with(|| {
        stmts.push(Stmt::new(para, sent, c));
        stmts.len() - 1
    })
}

/// Add the statement of cue `c` that names no one (`Stmt::agentless`), with `content`.
pub(crate) fn push_agentless(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
    content: crate::model::Span,
) {
    // (a statement made only to carry an attribution to the next paragraph takes it)
    if unclaimed(stmts, existing, para, c.tok) {
        set_agentless(stmts, existing, para, sent, c, content);
    }
}

/// The statement of cue `c`, found or made, as one that names no one, with `content`
/// (`push_agentless` without its check that nothing claimed the cue).
pub(crate) fn set_agentless(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
    content: crate::model::Span,
) {
    let s = statement_of(stmts, existing, para, sent, c);
    stmts[s].content = Some(content);
    stmts[s].agentless = true;
}

/// Whether a verb of speech before token `tok` in the sentence reports what `tok` stands in
/// ("Brazile said Sunday that she is glad Clinton appeared to be …").
fn reported_by_earlier_cue(s: &Sentence, tok: usize) -> bool {
    s.cues
        .iter()
        .any(|n| n.tok < tok && n.kind == CueKind::Verb && n.speech)
}

/// "Trump reportedly told aides …", "The deal allegedly …": an attribution to unnamed
/// reports (`hearsay_adverbs`); the sentence is what they report. Not inside another
/// speaker's report: "… when he told the tale of Gen. Pershing allegedly halting attacks".
pub(crate) fn hearsay(s: &Sentence, claims: &mut Claims) {
    let (text, toks, lo, hi) = (s.text, s.toks, s.lo, s.hi);
    // (the token's classes say which words may be; the set, which are as written)
    let Some((r, &lemma)) = (lo..hi).find_map(|i| {
        toks[i]
            .is(Class::HearsayAdverbs)
            .then(|| LEXICON.hearsay_adverbs.get(toks[i].text(text)))
            .flatten()
            .map(|l| (i, l))
    }) else {
        return;
    };
    if hi > lo + 3 && claims.unclaimed(s.para, r) && !reported_by_earlier_cue(s, r) {
        let t = toks[r];
        let c = CueHit {
            speech: true,
            tok: r,
            len: 1,
            lemma,
            kind: CueKind::Verb,
            start: t.start,
            end: t.end,
            form: None,
        };
        push_agentless(
            claims.stmts,
            &mut claims.existing,
            s.para,
            s.sent,
            c,
            s.whole,
        );
    }
}

/// "Trump is expected to win", "the ruling is widely expected to …", "is not expected to":
/// an expectation no one is named for; its content runs from the start of its clause
/// ("…, which is expected to draw …") to the sentence's end.
pub(crate) fn expectation(s: &Sentence, at: &At, claims: &mut Claims) -> Step {
    let (text, toks, c, lo) = (s.text, s.toks, at.c, at.lo);
    let neg = at.b > lo && toks[at.b - 1].is_text(text, "not");
    let be = at.b - usize::from(neg);
    let expected = c.lemma == "expect"
        && text[c.start..c.end].ends_with("ed")
        && be > lo + 1
        && is_be_form(toks[be - 1].text(text))
        && toks
            .get(c.tok + c.len)
            .is_some_and(|t| t.is_text(text, "to"));
    if !expected || !claims.unclaimed(s.para, c.tok) {
        return Step::Pass;
    }
    let from = clause_start(text, toks, lo, be - 1);
    let span = Span {
        start: toks[from].start,
        end: s.whole.end,
    };
    push_agentless(claims.stmts, &mut claims.existing, s.para, s.sent, c, span);
    Step::Done
}

/// "Asked about the merger, she …", "when asked whether …", "Rubio was asked whether …":
/// the question, to the next comma, asked by no one named.
pub(crate) fn question(s: &Sentence, at: &At, claims: &mut Claims) -> Step {
    let (text, toks, c, lo, b) = (s.text, s.toks, at.c, at.lo, at.b);
    // (`reported_asked_after`: "when", ",", "after", "being", "was", …)
    // (the form's ending first: most cues are no "-ed" form, and their lemma is not looked up)
    let asked = text[c.start..c.end].ends_with("ed")
        // (`asking_verbs`, read off the lemma's classes)
        && at.lemma.has(Class::AskingVerbs)
        && (b == lo
            || crate::lexicon::with_lower(toks[b - 1].text(text), |l| {
                Class::ReportedAskedAfter.contains(l)
            }));
    if !asked || !(claims.unclaimed(s.para, c.tok) || titled_question(s, at, claims)) {
        return Step::Pass;
    }
    let (from, to) = question_span(s, at);
    if to > from + 1 {
        let span = s.span(from..to);
        // (unclaimed, or claimed by a title in it: checked above)
        set_agentless(claims.stmts, &mut claims.existing, s.para, s.sent, c, span);
    }
    Step::Done
}

/// A question claimed only by a title in it: 'Asked during an appearance on "CBS This
/// Morning," Sanders said …'; not a passive's, whose agent asks: "was asked by Gerard Baker
/// whether …".
fn titled_question(s: &Sentence, at: &At, claims: &Claims) -> bool {
    let (text, toks, c, lo, b) = (s.text, s.toks, at.c, at.lo, at.b);
    (b == lo
        || matches!(toks[b - 1].text(text), "," | "when")
        || toks
            .get(c.tok + c.len)
            .is_none_or(|t| !t.is_text(text, "by")))
        && claims.existing.get(&(s.para, c.tok)).is_some_and(|&k| {
            let st = &claims.stmts[k];
            st.content.is_none()
                && st.parts.iter().all(|&k| {
                    let part = s.info[k];
                    !part.direct
                        && part.para == s.para
                        && part.tok > c.tok
                        && part.tok < next_comma(text, toks, c.tok + c.len, at.hi)
                })
        })
}

/// The tokens of what was asked: after the cue to the next comma, without the adjuncts of
/// the asking ("Asked at a briefing Monday about Suu Kyi's role", "asked about it after a
/// debate").
fn question_span(s: &Sentence, at: &At) -> (usize, usize) {
    let (text, toks, c) = (s.text, s.toks, at.c);
    let mut from = c.tok + c.len;
    let mut to = next_comma(text, toks, from, at.hi);
    // (`reported_question_openers`: "about", "whether", "if", "why", "how")
    if let Some(q) = (from..to.min(from + 8))
        .find(|&i| Class::ReportedQuestionOpeners.contains(toks[i].text(text)))
        && q > from
        && adjunct_opener(text, &toks[from])
    {
        from = q;
    }
    // (`reported_asking_adjuncts`: "after", "during", "in", "at", "on", "before", …)
    if toks.get(from).is_some_and(|t| t.is_text(text, "about"))
        && let Some(k) =
            (from + 2..to).find(|&i| Class::ReportedAskingAdjuncts.contains(toks[i].text(text)))
    {
        to = k;
    }
    (from, to)
}

/// "Sanders seemed to be of two minds", "Clinton seemed irritated", "it seemed like an
/// impossible task": a view no one is named for, from its subject (the start of its clause)
/// to the next comma or dash. Not where someone appeared: "appeared on Fox News", "appeared
/// with him" (`reported_not_complements`). Not inside a speaker's report, where the view is
/// the speaker's: "De Blasio said that there did not appear to be any connection". Takes
/// every verb of seeming.
pub(crate) fn seeming(s: &Sentence, at: &At, claims: &mut Claims) -> Step {
    let (text, toks, c, lo, b) = (s.text, s.toks, at.c, at.lo, at.b);
    // (`seeming_verbs`, read off the lemma's classes: the set's words are the class's)
    let seems = at.lemma.has(Class::SeemingVerbs);
    debug_assert_eq!(seems, LEXICON.seeming_verbs.contains(c.lemma));
    if !seems {
        return Step::Pass;
    }
    if reported_by_earlier_cue(s, c.tok) {
        return Step::Done;
    }
    let next = toks.get(c.tok + c.len);
    let complement = next.is_some_and(|t| {
        t.kind == Tok::Word
            && !crate::lexicon::with_lower(t.text(text), |l| {
                Class::ReportedNotComplements.contains(l)
            })
    });
    let infinitive = next.is_some_and(|t| t.is_text(text, "to"));
    if b > lo && (infinitive || complement) && claims.unclaimed(s.para, c.tok) {
        let from = clause_start(text, toks, lo, b);
        let to = next_comma(text, toks, c.tok + c.len, at.hi);
        if from < b && to > c.tok + c.len + usize::from(infinitive) {
            let span = s.span(from..to);
            push_agentless(claims.stmts, &mut claims.existing, s.para, s.sent, c, span);
        }
    }
    Step::Done
}

#[cfg(test)]
mod tests {
    use crate::cues::reported::test_support::{pair, reported};

    #[test]
    fn hearsay_reports_its_sentence() {
        assert_eq!(
            reported("The senator reportedly met donors in Ohio."),
            [pair(
                "reportedly",
                "The senator reportedly met donors in Ohio"
            )]
        );
    }

    #[test]
    fn an_expectation_from_the_start_of_its_clause() {
        assert_eq!(
            reported("Trump is expected to deliver a speech later tonight."),
            [pair(
                "expected",
                "Trump is expected to deliver a speech later tonight"
            )]
        );
        assert_eq!(
            reported("The final is in Chicago, which is expected to draw a large audience."),
            [pair("expected", "is expected to draw a large audience")]
        );
    }

    #[test]
    fn a_question_asked_by_no_one_named() {
        assert_eq!(
            reported("Asked about the merger, the chief executive was silent."),
            [pair("Asked", "about the merger")]
        );
        assert_eq!(
            reported("Rubio was asked whether he would support Trump."),
            [pair("asked", "whether he would support Trump")]
        );
        // (without the adjuncts of the asking)
        let got = reported("Asked about it after a Republican debate, Mr. Trump left the stage.");
        assert_eq!(got, [pair("Asked", "about it")]);
    }

    #[test]
    fn a_view_seemed_but_not_an_appearance() {
        assert_eq!(
            reported("Trump's supporters seemed equally unperturbed."),
            [pair(
                "seemed",
                "Trump's supporters seemed equally unperturbed"
            )]
        );
        assert_eq!(reported("Sanders appeared on Fox News on Sunday."), []);
    }

    #[test]
    fn a_view_seemed_inside_a_report_is_the_speakers() {
        let got = reported("De Blasio said that there did not appear to be any connection.");
        assert!(got.iter().all(|(cue, _)| cue != "appear"), "{got:?}");
        assert!(got.iter().any(|(cue, _)| cue == "said"), "{got:?}");
    }
}
