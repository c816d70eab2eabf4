//! Where the clause after the cue ends: the rules of [`END_RULES`], each narrowing the
//! clause from where the last left its end (the sentence's end first).

use super::Cx;
use super::pattern::{exact, is};
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, ClassSet, LEXICON};
use crate::segment::{Tok, Token};
use nom::branch::alt;

/// The clause being read: the cue in its sentence, the first of its auxiliaries `b`, and
/// where the clause starts.
pub(super) struct Clause<'c, 'a> {
    pub cx: &'c Cx<'a>,
    pub b: usize,
    pub start: usize,
    /// What the tokens from `start` to the sentence's end hold ([`Marks`]).
    pub marks: Marks,
}

/// The triggers of the end rules in the tokens from the clause's start to the sentence's
/// end, read in one pass: a rule whose trigger is absent returns at once (each rule reads
/// tokens before the end it is given, which is never past the sentence's end, so a
/// trigger absent here is absent where the rule would look).
pub(super) struct Marks {
    /// The classes of the words, and of the token after the sentence's end (a rule reads
    /// the word after a comma or a joining word, which may lie there).
    pub classes: ClassSet,
    /// A comma token.
    pub comma: bool,
    /// A quotation (which may end in a comma).
    pub quotation: bool,
    /// A dash or semicolon (`bounds::breaks_at`).
    pub breaks: bool,
    /// "and" or "but" in any case (the class's bit, of the words and the token after the
    /// sentence's end, as `classes`: the rules it lets through read the words exactly).
    pub and_but: bool,
    /// An apostrophe token (`'`), which may open doubled apostrophes.
    pub apostrophe: bool,
    /// Where the rules that read a comma from the clause's third token on begin: the first
    /// comma token at or after `start + 2` (`usize::MAX`: none), and the first token there
    /// that is a comma or a quotation ending in one (`bounds::ends_with_comma`).
    pub comma_at: usize,
    pub comma_end_at: usize,
    /// The first dash or semicolon (`usize::MAX`: none).
    pub break_at: usize,
}

impl Default for Marks {
    fn default() -> Marks {
        Marks {
            classes: ClassSet::default(),
            comma: false,
            quotation: false,
            breaks: false,
            and_but: false,
            apostrophe: false,
            comma_at: usize::MAX,
            comma_end_at: usize::MAX,
            break_at: usize::MAX,
        }
    }
}

impl Marks {
    /// The marks of tokens `start..hi` of `toks`.
    pub(super) fn read(text: &str, toks: &[Token], start: usize, hi: usize) -> Marks {
        let mut m = Marks::default();
        let hi = hi.min(toks.len());
        for i in start..hi {
            let t = &toks[i];
            match t.kind {
                Tok::Word => m.classes = m.classes.union(*t.classes),
                Tok::Punct => {
                    let comma = t.is_text(text, ",");
                    m.comma |= comma;
                    if comma && i >= start + 2 && m.comma_at == usize::MAX {
                        m.comma_at = i;
                        m.comma_end_at = m.comma_end_at.min(i);
                    }
                    m.apostrophe |= t.is_text(text, "'");
                    if breaks_at(text, toks, i) {
                        m.breaks = true;
                        m.break_at = m.break_at.min(i);
                    }
                }
                Tok::Quote(_) => {
                    m.quotation = true;
                    if i >= start + 2 && m.comma_end_at == usize::MAX && ends_with_comma(text, t) {
                        m.comma_end_at = i;
                    }
                }
            }
        }
        if let Some(t) = toks.get(hi) {
            m.classes = m.classes.union(*t.classes);
        }
        m.and_but = m.classes.has(Class::ReportedJoiners);
        m
    }
}

/// A rule of the clause's end: given where the clause ends so far, where it ends now, or
/// `None` when the rule does not apply.
pub(super) struct EndRule {
    pub name: &'static str,
    pub end: fn(&Clause, usize) -> Option<usize>,
}

/// The rules, in order: each reads the end the ones before left (so the order matters
/// wherever a later rule looks for something before the end, which is all of them), and
/// the last may move the end back out to a quotation's closing marks.
pub(super) const END_RULES: &[EndRule] = &[
    EndRule {
        name: "dash_or_semicolon",
        end: dash_or_semicolon,
    },
    EndRule {
        name: "next_act_of_saying",
        end: next_act_of_saying,
    },
    EndRule {
        name: "writers_aside",
        end: writers_aside,
    },
    EndRule {
        name: "new_subject",
        end: new_subject,
    },
    EndRule {
        name: "another_speaker",
        end: super::end_speakers::another_speaker,
    },
    EndRule {
        name: "inverted_speaker",
        end: super::end_speakers::inverted_speaker,
    },
    EndRule {
        name: "second_speaker_joined",
        end: super::end_speakers::second_speaker_joined,
    },
    EndRule {
        name: "apposition",
        end: super::end_gloss::apposition,
    },
    EndRule {
        name: "occasion",
        end: super::end_gloss::occasion,
    },
    EndRule {
        name: "time",
        end: super::end_gloss::time,
    },
    EndRule {
        name: "according_to",
        end: super::end_speakers::according_to,
    },
    EndRule {
        name: "subordinate_close",
        end: super::end_speakers::subordinate_close,
    },
    EndRule {
        name: "doubled_apostrophes",
        end: doubled_apostrophes,
    },
];

/// Where the clause from `start` ends, by the rules of [`END_RULES`] in turn, and the name
/// of the rule that set it last (none: the sentence's end). Only the rules whose trigger
/// the clause holds ([`live_rules`]) are called: most clauses end at the sentence's end,
/// and most rules have nothing to read.
pub(super) fn end(cx: &Cx, b: usize, start: usize) -> (usize, Option<&'static str>) {
    let marks = Marks::read(cx.text, cx.toks, start, cx.hi);
    let live = live_rules(cx, start, &marks);
    let cl = Clause {
        cx,
        b,
        start,
        marks,
    };
    let found = fold_rules(&cl, live);
    debug_assert_eq!(found, fold_rules(&cl, u16::MAX), "live rules {live:#b}");
    found
}

/// The rules of [`END_RULES`] whose bit is set in `live`, in turn, from the sentence's end.
fn fold_rules(cl: &Clause, live: u16) -> (usize, Option<&'static str>) {
    END_RULES
        .iter()
        .enumerate()
        .filter(|&(r, _)| live & (1 << r) != 0)
        .fold((cl.cx.hi, None), |(end, by), (_, r)| {
            (r.end)(cl, end).map_or((end, by), |e| (e, Some(r.name)))
        })
}

/// Which rules of [`END_RULES`] may end the clause from `start` (bit `r` for rule `r`):
/// those whose trigger stands in the tokens from `start` to the sentence's end (`m`, with
/// the token after it) or among the sentence's cues after the clause's first two tokens. A
/// rule reads only what stands before the end it is given, never past the sentence's end:
/// one whose trigger is absent here returns `None` (and is not called).
fn live_rules(cx: &Cx, start: usize, m: &Marks) -> u16 {
    // (the sentence's cues after the clause's first two tokens: any, verbs, verbs of
    // saying, "according to")
    let (mut later, mut verb, mut speech_verb, mut according) = (false, false, false, false);
    for n in cx.sent_cues.iter().filter(|n| n.tok < cx.hi) {
        later |= n.tok >= start + 2;
        let past = n.tok > start + 2;
        verb |= past && n.kind == CueKind::Verb;
        speech_verb |= past && n.kind == CueKind::Verb && n.speech;
        according |= past && n.kind == CueKind::According;
    }
    let comma_in = m.comma_at < cx.hi;
    let c = m.classes;
    [
        m.breaks,                                                         // dash_or_semicolon
        later,                                                            // next_act_of_saying
        (m.comma || m.quotation) && c.has(Class::AsideOpeners),           // writers_aside
        m.and_but && c.has(Class::ClauseNewSubjects),                     // new_subject
        comma_in && verb,                                                 // another_speaker
        comma_in && verb,                                                 // inverted_speaker
        m.and_but && speech_verb,                                         // second_speaker_joined
        m.comma && c.has(Class::ClauseArticles),                          // apposition
        c.has(Class::ClauseOccasionPreps) && c.has(Class::OccasionNouns), // occasion
        c.has(Class::ClauseTimeOpeners),                                  // time
        according,                                                        // according_to
        comma_in,                                                         // subordinate_close
        cx.doubled_para && m.apostrophe,                                  // doubled_apostrophes
    ]
    .iter()
    .enumerate()
    .fold(0, |live, (r, &on)| live | (u16::from(on) << r))
}

/// "said her server was safe; the FBI disagreed": a dash or semicolon ends the clause. A
/// pair of dashes sets off an aside inside it ("her server - there were several - was
/// never hacked"): the clause goes on after the second.
fn dash_or_semicolon(cl: &Clause, _: usize) -> Option<usize> {
    if !cl.marks.breaks {
        return None;
    }
    let (cx, hi) = (cl.cx, cl.cx.hi);
    // (from the first dash or semicolon: the tokens before it break nothing)
    let mut i = cl.start.max(cl.marks.break_at);
    while i < hi {
        if cx.breaks(i) {
            let pair = (i + 1..hi)
                .find(|&j| cx.breaks(j))
                .filter(|&j| !cx.is_text(i, ";") && !cx.is_text(j, ";") && j + 1 < hi);
            match pair {
                Some(j) => i = j,
                None => return Some(i),
            }
        }
        i += 1;
    }
    None
}

/// "said the plan failed and called for an inquiry", "…, adding that …": the speaker's
/// next act of saying begins (after "and"/"but", or a participle after a comma; an adverb
/// or auxiliary may come between: "… and pointedly saying", "… and has gone so far as to
/// justify").
fn next_act_of_saying(cl: &Clause, end: usize) -> Option<usize> {
    let (cx, start) = (cl.cx, cl.start);
    let v = cx
        .sent_cues
        .iter()
        .filter(|n| n.tok >= start && n.tok < end)
        .find_map(|n| {
            let mut v = n.tok;
            // (not a negation or "still": "said he had not held dinners and never called a
            // donor", "was elated but still feared" go on with the clause's own subject)
            while v > start + 2
                && aux_or_negated_token(cx.text, &cx.toks[v - 1])
                && !cx.is(v - 1, Class::ClauseContinuingAdverbs)
                && !cx.w(v - 1).ends_with("n't")
                && !cx.w(v - 1).ends_with("n’t")
            {
                v -= 1;
            }
            // (the comma first: most verbs follow none, and the cue's form is not read)
            let participle = cx.comma_before(v) && ing_form(cx.text, n);
            // (not a bare verb, which goes on with an infinitive or a plural present in
            // the clause: "wants to make a statement … and encourage the party to …")
            let bare = || {
                !participle
                    && cx.with_low(n.tok, |l| l == n.lemma.split(' ').next().unwrap_or(n.lemma))
            };
            (v > start + 1 && (matches!(cx.w(v - 1), "and" | "but") || participle) && !bare())
                .then_some(v)
        })?;
    let before = cx.w(v - 1);
    Some(
        if (before == "," || matches!(before, "and" | "but")) && cx.is_text(v - 2, ",") {
            v - 2
        } else if matches!(cx.toks[v - 1].kind, Tok::Quote(_)) || before == "'" {
            // (a quotation, or doubled apostrophes, closing before it stay in)
            v
        } else {
            v - 1
        },
    )
}

/// "…since January, when the group launched", "…over the arrangement, which one employee
/// considered illegal", "…, but neither man has spoken out": the writer's own words take
/// over after a comma, in a non-restrictive relative clause or a contrast. (Participles
/// and colons are left in: they as often go on with the speaker's words.)
fn writers_aside(cl: &Clause, end: usize) -> Option<usize> {
    // (a comma or a quotation ending in one, then an opener of an aside)
    if !(cl.marks.comma || cl.marks.quotation) {
        return None;
    }
    let cx = cl.cx;
    let comma = token(|i, t| ends_with_comma(i.text, t));
    let aside = token(|i, t| LEXICON.aside_openers.contains(i.word(t)));
    // (from the first comma, or quotation ending in one, at or after `start + 2`)
    let k = (cl.marks.comma_end_at..end).find(|&k| {
        // (the comma first, read off the token: the pattern is parsed only there)
        cx.ends_with_comma(&cx.toks[k])
            && cx.matches(k, (&comma, &aside))
            // (a comparison after a quotation is the speaker's: "rated his claims “false,”
            // compared to 11% of Democrats'")
            && (cx.is_text(k, ",") || !cx.is_text(k + 1, "compared"))
            && (!cx.is_text(k + 1, "but") || !report_goes_on(cx.text, cx.toks, k + 2))
            && !relative_before_its_verb(cx, k, end)
    })?;
    // (a quotation ending in the comma stays in: "was “a terrible mistake,” although")
    Some(if cx.is_text(k, ",") { k } else { k + 1 })
}

/// "said the decision, which struck down …, illustrates the importance of …": a relative
/// clause between commas (the first at `k`) before its noun's verb, inside the clause.
fn relative_before_its_verb(cx: &Cx, k: usize, end: usize) -> bool {
    let finite = |j: usize| cx.toks.get(j).is_some_and(|n| finite_token(cx.text, n));
    cx.is(k + 1, Class::ClauseRelativePronouns)
        && cx.toks.get(k + 2).is_some_and(|n| n.text(cx.text) != ",")
        && (k + 3..end).any(|j| {
            cx.is_text(j, ",")
                && (finite(j + 1)
                    || cx.toks.get(j + 1).is_some_and(|n| {
                        crate::lexicon::with_lower(n.text(cx.text), |l| {
                            Class::ClauseSentenceAdverbs.contains(l)
                        })
                    }) && finite(j + 2))
        })
}

/// "said Russia hacked the computers and she accused Trump of …": the writer goes on with
/// a new subject (not at the clause's own first words: "he said, ''but I find it hard
/// …''").
fn new_subject(cl: &Clause, end: usize) -> Option<usize> {
    if !(cl.marks.and_but && cl.marks.classes.has(Class::ClauseNewSubjects)) {
        return None;
    }
    let cx = cl.cx;
    let first_word = cl.start + 2 * usize::from(cx.doubled(cl.start));
    let k = (first_word + 2..end).find(|&k| {
        // (the joining word first, read off the token: the pattern is parsed only there)
        (cx.is_text(k, "and") || cx.is_text(k, "but"))
            && cx.matches(
                k,
                (alt((is("and"), is("but"))), exact(Class::ClauseNewSubjects)),
            )
    })?;
    Some(if cx.is_text(k - 1, ",") { k - 1 } else { k })
}

/// "said, ''I mean, a raid is a combat operation. There is no way around that.''": a
/// quotation in doubled apostrophes that opens inside the clause is the speaker's words
/// at least to its closing marks, whatever the rules before would end inside it (the clause
/// may go on after them: "said ''this cannot be an American fight'' and that …").
fn doubled_apostrophes(cl: &Clause, end: usize) -> Option<usize> {
    let (cx, lo) = (cl.cx, cl.cx.lo);
    // (a pair opens at an apostrophe in the clause: most clauses hold none, and the
    // sentence's pairs are not read)
    if !cx.doubled_para || !cl.marks.apostrophe || !(cl.start..end).any(|i| cx.is_text(i, "'")) {
        return None;
    }
    crate::segment::doubled_apostrophe_pairs(cx.text, &cx.toks[lo..cx.hi])
        .iter()
        .find(|&&(open, close)| lo + open >= cl.start && lo + open < end && lo + close + 2 > end)
        .map(|&(_, close)| lo + close + 2)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{clause_text, with_cx};

    #[test]
    fn the_rules_left_out_would_not_end_the_clause() {
        use super::super::{around::Around, before::verb_start, start::start};
        use super::{Clause, END_RULES, Marks, fold_rules, live_rules};
        // (each rule's trigger present, absent, or present past the clause's end)
        let cases = [
            ("He said her server was safe; the FBI disagreed.", "said"),
            (
                "He endorsed Mr. Trump at a news conference at Mar-a-Lago.",
                "endorsed",
            ),
            (
                "He said her server - there were several - was never hacked.",
                "said",
            ),
            (
                "He said the plan failed and called for an inquiry, adding that it was over.",
                "said",
            ),
            (
                "She said the group grew quickly, which surprised nobody, but left.",
                "said",
            ),
            (
                "He said Russia hacked the computers and she accused Trump of lying.",
                "said",
            ),
            ("He said it was great to be home, a man yelled.", "said"),
            (
                "He warned the leader not to move, said an American official.",
                "warned",
            ),
            (
                "Most said they were worried, and more than 4 in 10 said Trump would win.",
                "said",
            ),
            (
                "He reiterated his support for Mr. Trump, the presumptive nominee.",
                "reiterated",
            ),
            (
                "She said the plan would pass at a news conference in Ohio.",
                "said",
            ),
            ("She said the plan would pass on Monday morning.", "said"),
            (
                "He said the deficit would grow, according to the budget office.",
                "said",
            ),
            (
                "While he said the plan failed, the mayor disagreed.",
                "said",
            ),
            (
                "He said, ''I mean, a raid is a combat operation, which is no joke.''",
                "said",
            ),
            (
                "He said the plan was “a mistake,” although nobody listened.",
                "said",
            ),
            ("They said it was fine.", "said"),
            (
                "The mayor, who said the plan failed, resigned on Monday.",
                "said",
            ),
        ];
        // (the rules that end some clause of the cases: each, so each one's bit is tried)
        let mut fired = 0u16;
        for (s, cue) in cases {
            with_cx(s, cue, |cx| {
                let b = verb_start(cx);
                let st = start(cx, &Around::new(cx, b)).start;
                let marks = Marks::read(cx.text, cx.toks, st, cx.hi);
                let live = live_rules(cx, st, &marks);
                let cl = Clause {
                    cx,
                    b,
                    start: st,
                    marks,
                };
                // (no rule left out ends the clause, alone or where the rules before it
                // left it)
                let mut end = cx.hi;
                for (r, rule) in END_RULES.iter().enumerate() {
                    let (alone, found) = ((rule.end)(&cl, cx.hi), (rule.end)(&cl, end));
                    if live & (1 << r) == 0 {
                        assert_eq!((alone, found), (None, None), "{} in {s:?}", rule.name);
                    }
                    fired |= u16::from(alone.is_some() || found.is_some()) << r;
                    end = found.unwrap_or(end);
                }
                assert_eq!(fold_rules(&cl, live), fold_rules(&cl, u16::MAX), "{s:?}");
            });
        }
        assert!(END_RULES.len() <= 16);
        let names: Vec<_> = (END_RULES.iter().enumerate())
            .filter(|(r, _)| fired & (1 << r) == 0)
            .map(|(_, rule)| rule.name)
            .collect();
        assert!(names.is_empty(), "no case ends at {names:?}");
    }

    #[test]
    fn dash_or_semicolon() {
        let s = "He said her server was safe; the FBI disagreed.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("her server was safe")
        );
        let s = "He said her server - there were several - was never hacked.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("her server - there were several - was never hacked")
        );
    }

    #[test]
    fn next_act_of_saying() {
        let s = "He said the plan failed and called for an inquiry.";
        assert_eq!(clause_text(s, "said").as_deref(), Some("the plan failed"));
    }

    #[test]
    fn writers_aside() {
        let s = "She said the group grew quickly, which surprised nobody.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the group grew quickly")
        );
    }

    #[test]
    fn new_subject() {
        let s = "He said Russia hacked the computers and she accused Trump of lying.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("Russia hacked the computers")
        );
    }

    #[test]
    fn doubled_apostrophes() {
        let s = "He said, ''I mean, a raid is a combat operation, which is no joke.''";
        let got = clause_text(s, "said").unwrap();
        assert!(got.ends_with("joke.''"), "{got}");
    }

    #[test]
    fn a_relative_clause_before_its_verb_stays_in() {
        let s = "He said the decision, which struck down the law, is a danger.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("the decision, which struck down the law, is a danger")
        );
    }
}
