//! Where the clause after the cue starts: past an infinitive's object, a verb of telling's
//! object, a hearer after "to", words before "that", a comma or an adjunct, or at a
//! quotation in doubled apostrophes.

use super::Cx;
use super::around::Around;
use super::pattern::{exact, is};
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, Token};
use nom::Parser;
use nom::bytes::complete::take_while;

/// Where the clause starts.
pub(super) struct Start {
    pub start: usize,
    /// A "that" (or a quotation's comma) opened it.
    pub opened_by_that: bool,
    /// The verb attributes an infinitive ("vowed to fight").
    pub infinitive: bool,
}

/// Where the clause after the cue starts, the steps in order (each from where the last
/// left it): the infinitive's object, a verb of telling's object, a hearer after "to",
/// then a "that" within a few words — or else a comma, or else an adjunct —, and last a
/// quotation in doubled apostrophes after the cue, which wins.
pub(super) fn start(cx: &Cx, s: &Around) -> Start {
    let mut start = cx.after;
    let infinitive = infinitive(cx, start);
    if s.telling() && !infinitive {
        // told reporters / told him / told CNN's Jake Tapper
        start = told_object(cx.text, cx.toks, start, cx.hi);
    }
    let mut opened_by_that = false;
    if !infinitive && let Some((end, that)) = hearer_after_to(cx, start) {
        opened_by_that = that;
        start = end;
    }
    if let Some(t) = that_within(cx, s, start, infinitive) {
        start = t + 1;
        opened_by_that = true;
    } else if start < cx.hi
        && (cx.is_text(start, ",")
            // ("said: ''I hope not.''")
            || (cx.is_text(start, ":") && cx.doubled(start + 1)))
    {
        start += 1;
    } else if !infinitive && let Some(j) = past_adjunct(cx, start) {
        start = j;
    }
    if let Some(i) = s.quoted_rest() {
        start = i + 1;
        opened_by_that = true;
    }
    Start {
        start,
        opened_by_that,
        infinitive,
    }
}

/// "vowed to fight", "urged him to resign", "wants voters to know that …": the infinitive,
/// with the object before it, is what the verb attributes.
fn infinitive(cx: &Cx, start: usize) -> bool {
    let (text, hi) = (cx.text, cx.hi);
    if !cx.lemma.has(Class::InfinitiveVerbs) {
        return false;
    }
    let object = |t: &Token| {
        let w = t.text(text);
        w != "to" && w != "," && (mentionish(text, t) || plain_noun(text, t))
    };
    let Ok((rest, _)) = (take_while(object), is("to")).parse(cx.span(start, hi.min(start + 6)))
    else {
        return false;
    };
    let k = rest.lo - 1;
    let mut verb = token(|i, v| {
        let w = i.word(v);
        // (or a verb in quotation marks: "promises to “end” the Common Core")
        matches!(v.kind, Tok::Quote(_))
            || v.kind == Tok::Word
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && (!w.ends_with('s') || w.ends_with("ss"))
                && !LEXICON.determiners.contains(w)
                && !LEXICON.pronouns.contains_key(w)
                // ("seek to be seen as …"; not the formula of an anonymous source,
                // "declined to be named")
                && (!LEXICON.function_words.contains(w)
                    || w == "be"
                        && i.peek(1).is_none_or(|n| {
                            !Class::ClauseAnonymityParticiples.contains(i.word(n))
                        }))
    });
    verb.parse(cx.span(k + 1, hi)).is_ok()
}

/// "explained to CBS why …", "reiterated to ABC News that …": the hearer after "to", then
/// the clause (its start, and whether "that" opened it).
fn hearer_after_to(cx: &Cx, start: usize) -> Option<(usize, bool)> {
    let (rest, _) = is("to").parse(cx.span(start, cx.hi)).ok()?;
    let end = told_object(cx.text, cx.toks, rest.lo, cx.hi);
    // ("compared to 45 percent who view him": after a noun, "who" and "where" relate to it)
    let opener = token(|i, t| {
        let w = i.word(t);
        LEXICON.clause_openers.contains(w) && !matches!(w, "who" | "where")
    });
    if end > start + 1 && cx.matches(end, opener) {
        let that = cx.is_text(end, "that");
        return Some((if that { end + 1 } else { end }, that));
    }
    None
}

/// A "that" within a few words of `start` that opens the clause ("said on Sunday that …"):
/// after what may stand between the cue and "that" (see `BEFORE_THAT`). Not past a
/// coordinated clause: in "said the plan would fail, and that …" the first clause is
/// reported too.
fn that_within(cx: &Cx, s: &Around, start: usize, infinitive: bool) -> Option<usize> {
    if infinitive {
        return None;
    }
    (start..cx.hi.min(start + 10))
        .find(|&i| is_clause_word(cx.text, &cx.toks[i]))
        .filter(|&t| {
            !(start..t).any(|i| matches!(cx.w(i), "and" | "but"))
                && BEFORE_THAT.iter().any(|r| (r.1)(cx, s, start, t))
        })
}

/// What may stand between the cue (from `start`) and the "that" at `t`, by name. (Only
/// such words: in "said HLN's coverage would resemble that of …" the clause has begun
/// before the "that".)
type BeforeThat = (&'static str, fn(&Cx, &Around, usize, usize) -> bool);
const BEFORE_THAT: &[BeforeThat] = &[
    ("nothing", |_, _, start, t| t == start),
    ("comma_aside", comma_aside),
    ("adjunct", |cx, _, start, _| {
        adjunct_opener(cx.text, &cx.toks[start])
    }),
    ("for_a_span", for_a_span),
    ("dash_aside", |cx, _, start, t| {
        t > start + 1 && is_aside_dash(cx.w(start)) && is_aside_dash(cx.w(t - 1))
    }),
    ("telling_object", telling_object),
    ("hearer", hearer),
];

/// "said, however, that …", "said, per a translator, that …", "said, on Sunday, that …":
/// after the comma, "that" or an aside between commas or an adjunct first (not "…, he
/// said, he's learned enough about her that …").
fn comma_aside(cx: &Cx, _: &Around, start: usize, t: usize) -> bool {
    cx.is_text(start, ",")
        && (t == start + 1
            || cx.is_text(t - 1, ",")
            || cx
                .toks
                .get(start + 1)
                .is_some_and(|n| adjunct_opener(cx.text, n)))
}

/// "has said for months that …", "said for the first time that …".
fn for_a_span(cx: &Cx, _: &Around, start: usize, t: usize) -> bool {
    cx.matches(start, (is("for"), exact(Class::ClauseForSpans)))
        || (cx.is_text(start, "for")
            && t <= start + 5
            && (start + 1..t).any(|i| cx.is_text(i, "time")))
}

/// "told reporters on Sunday that …": a verb of telling's object and adjuncts, with no
/// verb of their own, before "that".
fn telling_object(cx: &Cx, s: &Around, start: usize, t: usize) -> bool {
    s.telling()
        && !cx.toks[start..t].iter().any(|t| {
            let w = lower(t.text(cx.text));
            is_aux(&w) || is_be_form(&w) || w == "be"
        })
}

/// "emailed reporters that …", "warned them that …": a verb with a hearer, the hearer in
/// one or two words, then the clause.
fn hearer(cx: &Cx, _: &Around, start: usize, t: usize) -> bool {
    cx.lemma.has(Class::HearerVerbs)
        && t <= start + 2
        && cx.toks[start..t].iter().all(|w| {
            w.kind == Tok::Word
                && (in_lower_class(cx.text, w, Class::ClauseObjectPronouns)
                    || plain_noun(cx.text, w))
        })
}

/// "said in a statement Thursday night they pulled …", "said on Friday he met …": past an
/// adjunct, the clause opens with a subject pronoun or a second determiner. (Not after
/// "of": in "complained of the imbalance he sees" the clause relates to the noun.)
fn past_adjunct(cx: &Cx, start: usize) -> Option<usize> {
    if !(start < cx.hi && adjunct_opener(cx.text, &cx.toks[start]) && !cx.is_text(start, "of")) {
        return None;
    }
    let mut seen_noun = false;
    let j = (start + 1..cx.hi.min(start + 10)).find(|&j| {
        let w = cx.w(j);
        let lower = lower(w);
        let opens = subject_pronoun(&lower) || (seen_noun && LEXICON.determiners.contains(&lower));
        seen_noun |= cx.toks[j].kind == Tok::Word
            && !LEXICON.determiners.contains(&lower)
            && !LEXICON.function_words.contains(&lower);
        // (a verb first: the "adjunct" was the subject, "say this plan is …")
        opens || w == "," || is_be_form(w)
    })?;
    // (an attribution set off by commas goes on with the clause after the adjunct's comma:
    // "These employees, Stumpf explained earlier in the committee hearing, were …")
    if cx.is_text(j, ",") && set_off(cx.text, cx.toks, cx.lo, cx.c) {
        return Some(j + 1);
    }
    (!cx.is_text(j, ",") && !is_be_form(cx.w(j))).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn infinitive() {
        let s = "He urged him to resign from the board.";
        assert_eq!(
            clause_text(s, "urged").as_deref(),
            Some("him to resign from the board")
        );
    }

    #[test]
    fn hearer_after_to() {
        let s = "She reiterated to ABC News that the plan would fail.";
        assert_eq!(
            clause_text(s, "reiterated").as_deref(),
            Some("the plan would fail")
        );
    }

    #[test]
    fn that_within_a_few_words() {
        let s = "He said on Sunday that the plan would fail.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the plan would fail")
        );
        let s = "He has said for months that the plan would fail.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the plan would fail")
        );
        let s = "She warned them that the plan would fail.";
        assert_eq!(
            clause_text(s, "warned").as_deref(),
            Some("the plan would fail")
        );
    }

    #[test]
    fn past_adjunct() {
        let s = "He said on Friday he met the president.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("he met the president")
        );
    }

    #[test]
    fn comma_aside() {
        let s = "He said, however, that the plan would fail.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the plan would fail")
        );
    }

    #[test]
    fn dash_aside() {
        // (as a whole, this sentence reports nothing: a dash right after the cue is an
        // adjunct's end, see `before::clause_before`; the rule is for a cue that opens its
        // sentence)
        let s = "He said — in a tweet — that the plan would fail.";
        super::super::tests::with_cx(s, "said", |cx| {
            let (_, rule) = super::BEFORE_THAT
                .iter()
                .find(|r| r.0 == "dash_aside")
                .unwrap();
            let around = super::Around::new(cx, 1);
            assert!(rule(cx, &around, cx.after, 7));
            assert!(!rule(cx, &around, cx.after, 6));
        });
    }

    #[test]
    fn telling_object() {
        let s = "She told reporters on Sunday that the plan would fail.";
        assert_eq!(
            clause_text(s, "told").as_deref(),
            Some("the plan would fail")
        );
    }

    #[test]
    fn a_colon_before_doubled_apostrophes() {
        let s = "He said: ''I hope not.''";
        assert_eq!(clause_text(s, "said").as_deref(), Some("''I hope not.''"));
    }
}
