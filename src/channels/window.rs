//! The window a statement's channel and time are read in: the cue's own clause in its
//! sentence ([`clause`]), and when a channel and a time carry over to the same speaker's
//! next statement ([`carries`]).

use std::ops::Range;

use crate::cues::{CueHit, CueKind, ParaTokens};
use crate::lexicon::Class;
use crate::model::{Channel, Span, Time};
use crate::segment::{Tok, Token, is_capitalized};

/// The clause of cue `cue` in sentence `sent` of a paragraph: from the previous cue of the
/// sentence to the next one, where those open a clause of their own ([`opens_clause`]),
/// outside quotations only by the callers' skip list. In "She said, referring to his
/// interview with CNN, that …" CNN is in the clause of "referring", not of "said".
pub(crate) fn clause(text: &str, pt: &ParaTokens, sent: &Range<usize>, cue: &CueHit) -> Span {
    let region = Span {
        start: pt.toks[sent.start].start,
        end: pt.toks[sent.end - 1].end,
    };
    // (each other cue is read once, on its side of this one: those before, then those after)
    let cues = &pt.cues[pt.sentence_of(sent)];
    let opens = |o: &&CueHit| o.kind != CueKind::Noun && opens_clause(text, &pt.toks, o);
    // (the ends of the two last cues before this one, kept as they come: no list is made)
    let (mut last, mut second) = (None, None);
    for o in cues.iter().filter(|o| o.tok < cue.tok).filter(opens) {
        let end = pt.toks[o.tok + o.len - 1].end;
        if last.is_none_or(|l| end >= l) {
            (second, last) = (last, Some(end));
        } else if second.is_none_or(|s| end > s) {
            second = Some(end);
        }
    }
    // A participle after a comma shares its clause's subject and occasion: "Clinton told
    // the debate audience that …, saying …" reads the clause of "told" too.
    if participle_after_comma(text, &pt.toks, cue) {
        last = second;
    }
    let from = last.unwrap_or(region.start);
    let to = (cues.iter().filter(|o| o.tok > cue.tok).filter(opens))
        .map(|o| pt.toks[o.tok].start)
        .min()
        .unwrap_or(region.end);
    Span {
        start: from.max(region.start),
        end: to.min(region.end).max(from),
    }
}

/// Whether cue `c` is a participle after a comma: ", saying", ", adding".
fn participle_after_comma(text: &str, toks: &[Token], c: &CueHit) -> bool {
    c.tok > 0 && toks[c.tok - 1].is_text(text, ",") && toks[c.tok].text(text).ends_with("ing")
}

/// Whether cue `o` opens a clause of its own: after a quotation, a comma, "and", "but" or
/// ";", or after its own subject (a capitalised word or a pronoun). "…, referring to" and
/// "he told" do; "a video posted on YouTube" does not.
pub(crate) fn opens_clause(text: &str, toks: &[Token], o: &CueHit) -> bool {
    o.tok > 0 && {
        let p = toks[o.tok - 1];
        match p.kind {
            Tok::Quote(_) => true,
            // (a word by its token's bits: a capital opens, and a word of the two lists as
            // written, which for a word with no capital is its lower-case form's class)
            Tok::Word => {
                p.is_capitalised()
                    || p.is_lower()
                        && p.classes
                            .intersects(&[Class::OutputClauseMarks, Class::OutputClauseSubjects])
            }
            // (a mark by one look-up of its classes as written, both lists at once)
            _ => {
                let w = p.text(text);
                crate::lexicon::classes_as_written(w)
                    .intersects(&[Class::OutputClauseMarks, Class::OutputClauseSubjects])
                    || is_capitalized(w)
            }
        }
    }
}

/// Whether a time at `start` dates the act of the cue that ends at `cue_end`: it stands before
/// the cue, or after it with nothing between them but commas, determiners, names, the words
/// of a channel phrase, the statement's `channel` and at most one other word ("said in a phone
/// interview with CNN on Tuesday"; not "…, Clarke said, until it went bankrupt in 1999",
/// nor a time in a relative clause after it).
pub(crate) fn near_the_cue(
    text: &str,
    toks: &[Token],
    cue_end: usize,
    channel: Option<Span>,
    start: usize,
) -> bool {
    if start < cue_end {
        return true;
    }
    let in_channel = |t: &&Token| channel.is_some_and(|c| c.start <= t.start && t.end <= c.end);
    // (tokens are in text order and do not overlap: those between the cue and the time are a
    // range, found by binary search, not by reading the paragraph's tokens for each time)
    let from = toks.partition_point(|t| t.start < cue_end);
    let to = toks.partition_point(|t| t.end <= start).max(from);
    let gap = toks[from..to].iter().filter(|t| !in_channel(t));
    // (words unknown to a channel phrase, per stretch between commas: a stretch that a
    // comma closes is an aside, "by Zalmay Khalilzad, a U.S. envoy, late Sunday")
    // (a relative clause is the content's until a comma closes it after its words: "warned
    // that the museum would be no panacea for the struggles, which, even today, inflame the
    // streets" is open at "today"; "likened RT to the BBC, which receives some funding, in an
    // interview last week" is closed)
    let mut others = 0;
    let mut relative: Option<bool> = None;
    for t in gap {
        match t.kind {
            Tok::Quote(_) => return false,
            Tok::Word if t.is(Class::SpeakerRelativeOpeners) => relative = Some(false),
            Tok::Punct if t.is_text(text, ",") => {
                others = 0;
                relative = relative.filter(|&worded| !worded);
            }
            Tok::Punct => {}
            Tok::Word => {
                others += usize::from(!known_near_cue(text, t));
                relative = relative.map(|_| true);
            }
        }
    }
    others <= 1 && relative.is_none()
}

/// Whether a word may stand between a cue and its time: a name, a number, a determiner, a
/// word of a channel phrase.
fn known_near_cue(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    is_capitalized(w)
        || w.starts_with(|c: char| c.is_ascii_digit())
        || t.is(Class::Determiners)
        || t.is(Class::ChannelPhrasePreps)
        || t.is(Class::ChannelNearCueWords)
        || t.is(Class::ChannelGapWords)
        || t.is(Class::ChannelTimeLeads)
        || t.is(Class::ChannelAudienceNouns)
        || t.is(Class::ChannelPressAudienceNouns)
        || super::phrase::is_channel_noun_token(t, text)
}

/// How many paragraphs after the same speaker's statement its occasion may still carry.
pub(crate) const CARRY_PARAGRAPHS: usize = 3;

/// What the carrying rule knows of one statement: its speaker's entity, its paragraph, and
/// the channel and time it states itself.
#[derive(Clone, Copy)]
pub(crate) struct Occasion<'a> {
    pub entity: Option<usize>,
    pub para: usize,
    pub channel: Option<&'a Channel>,
    pub time: Option<&'a Time>,
}

/// What a statement takes from the same speaker's previous one: the channel, the time.
#[derive(Debug, PartialEq, Eq, Default)]
pub(crate) struct Carried {
    pub channel: bool,
    pub time: bool,
}

/// Whether two times name the same day or words: "Friday" and "on Friday".
pub(crate) fn same_time(a: &Time, b: &Time) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x == y,
        _ => without_on(&a.text).eq_ignore_ascii_case(without_on(&b.text)),
    }
}

/// The time's words without the leading "on "s that [`same_time`] disregards: "Friday" of
/// "on Friday". (A loop on `strip_prefix`: `trim_start_matches` with a `&str` pattern sets
/// up a string searcher on every call.)
fn without_on(mut s: &str) -> &str {
    while let Some(rest) = s.strip_prefix("on ") {
        s = rest;
    }
    s
}

/// What statement `next` carries from `prev`, the same speaker's previous statement, when
/// nothing says the occasion changed: the same resolved speaker, at most
/// [`CARRY_PARAGRAPHS`] paragraphs on, no section break between (`broken`), and no channel
/// or time of its own that differs. In "Clinton said at a rally in Ohio on Friday that … ¶
/// “We will win,” she said." the second statement is at the rally on Friday too; in "…
/// She told CNN on Sunday …" it is not.
pub(crate) fn carries(prev: &Occasion, next: &Occasion, broken: bool) -> Carried {
    let same_speaker = next.entity.is_some() && prev.entity == next.entity;
    if !same_speaker || broken || next.para > prev.para + CARRY_PARAGRAPHS {
        return Carried::default();
    }
    let channel_agrees = match (prev.channel, next.channel) {
        (Some(p), Some(n)) => p.kind == n.kind,
        _ => true,
    };
    let time_agrees = match (prev.time, next.time) {
        (Some(p), Some(n)) => same_time(p, n),
        (None, Some(_)) => false,
        _ => true,
    };
    Carried {
        channel: next.channel.is_none() && prev.channel.is_some() && time_agrees,
        time: next.time.is_none() && prev.time.is_some() && channel_agrees,
    }
}

/// How many paragraphs before the same speaker's statement or occasion sentence its occasion
/// may carry back.
pub(crate) const CARRY_BACK_PARAGRAPHS: usize = 1;

/// What statement `earlier` takes from `later`, the same speaker's next statement or
/// occasion sentence, when it states no channel itself: a summary that the next sentence or
/// paragraph elaborates with its occasion ("Smith backed the plan. ¶ “It works,” Smith
/// said at a rally on Friday." or "… Smith made the remarks at a rally."). As [`carries`],
/// but backward and over at most [`CARRY_BACK_PARAGRAPHS`].
pub(crate) fn carries_back(later: &Occasion, earlier: &Occasion, broken: bool) -> Carried {
    if earlier.channel.is_some() || later.para > earlier.para + CARRY_BACK_PARAGRAPHS {
        return Carried::default();
    }
    let c = carries(
        &Occasion {
            para: earlier.para,
            ..*later
        },
        earlier,
        broken,
    );
    Carried {
        channel: c.channel,
        time: c.time && c.channel,
    }
}

/// A clock time that heads a section of a running story: "5:55 p.m.", "12 p.m.".
fn clock_heading(i: &str) -> nom::IResult<&str, (), ()> {
    use nom::Parser;
    use nom::bytes::complete::tag;
    use nom::character::complete::{char, digit1, space0};
    use nom::combinator::opt;
    let (rest, _) = (
        digit1,
        opt((char(':'), digit1)),
        space0,
        nom::branch::alt((tag("a.m."), tag("p.m."), tag("am"), tag("pm"))),
    )
        .parse(i)?;
    Ok((rest, ()))
}

/// Whether a paragraph breaks the article into sections, so that no occasion carries across
/// it: a rule of marks ("___", "* * *") or a clock heading ("5:55 p.m.").
pub(crate) fn section_break(para: &str) -> bool {
    // (a paragraph that opens with a letter, most, is neither: it holds one, and a clock
    // heading opens with a digit)
    if para.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let first = para.trim_start().chars().next();
    if first.is_some_and(|c| c.is_alphanumeric() && !c.is_ascii_digit()) {
        return false;
    }
    // (nor is one that opens with a mark, "“We won,” she said.", and holds an ASCII letter or
    // digit, as nearly every paragraph does: told by its bytes, before any Unicode table)
    if !first.is_some_and(|c| c.is_ascii_digit()) && para.bytes().any(|b| b.is_ascii_alphanumeric())
    {
        return false;
    }
    let t = para.trim().trim_end_matches('.');
    !t.is_empty() && !t.chars().any(char::is_alphanumeric)
        || clock_heading(para.trim()).is_ok_and(|(rest, ())| rest.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn a_mark_opens_a_clause_by_its_classes_as_written() {
        let (marks, subjects) = (Class::OutputClauseMarks, Class::OutputClauseSubjects);
        let listed = marks.words().chain(subjects.words());
        for w in listed.chain([",", ";", ":", "—", "-", "(", ".", "And", "He", "x"]) {
            let one = crate::lexicon::classes_as_written(w).intersects(&[marks, subjects]);
            assert_eq!(one, marks.contains(w) || subjects.contains(w), "{w:?}");
        }
    }

    #[test]
    fn without_on_is_trim_start_matches() {
        for s in [
            "",
            "on",
            "on ",
            "on Friday",
            "on on Friday",
            "On Friday",
            "Friday on ",
            "onFriday",
        ] {
            assert_eq!(without_on(s), s.trim_start_matches("on "), "{s:?}");
        }
    }

    fn para(text: &str) -> ParaTokens {
        let span = segment::paragraphs(text)[0];
        super::super::test_support::para_tokens(text, span)
    }

    #[test]
    fn a_later_cue_after_a_comma_ends_the_clause() {
        let text = "She said on Monday, referring to his interview with CNN, that it was wrong.";
        let pt = para(text);
        let sent = pt.sents[0].clone();
        let said = pt.cues[0].iter().find(|c| c.lemma == "say").copied();
        let said = said.expect("said is a cue");
        let c = clause(text, &pt, &sent, &said);
        let window = &text[c.start..c.end];
        assert!(window.contains("on Monday"));
        if pt.cues[0].iter().any(|c| c.lemma == "refer") {
            assert!(!window.contains("CNN"));
        }
    }

    #[test]
    fn a_participle_after_a_comma_reads_its_main_clause() {
        let text = "She told a crowd in Ohio that it was over, saying the race was won.";
        let pt = para(text);
        let saying = pt.cues[0].iter().find(|c| c.lemma == "say").copied();
        let saying = saying.expect("saying is a cue");
        let c = clause(text, &pt, &pt.sents[0].clone(), &saying);
        assert!(text[c.start..c.end].contains("a crowd"));
    }

    #[test]
    fn a_cue_after_a_comma_opens_a_clause() {
        let text = "He spoke, and said it was over.";
        let pt = para(text);
        let said = pt.cues[0].iter().find(|c| c.lemma == "say").copied();
        assert!(opens_clause(text, &pt.toks, &said.expect("said is a cue")));
    }

    fn occ<'a>(
        entity: usize,
        para: usize,
        channel: Option<&'a Channel>,
        time: Option<&'a Time>,
    ) -> Occasion<'a> {
        Occasion {
            entity: Some(entity),
            para,
            channel,
            time,
        }
    }

    fn rally() -> Channel {
        crate::channels::channel::channel(crate::model::ChannelKind::Speech, "at a rally", 0, 10)
    }

    fn friday(text: &str) -> Time {
        Time {
            text: text.into(),
            start: 0,
            end: text.len(),
            date: None,
            carried: false,
        }
    }

    #[test]
    fn the_same_speaker_carries_channel_and_time_a_few_paragraphs_on() {
        let (c, t) = (rally(), friday("Friday"));
        let prev = occ(1, 3, Some(&c), Some(&t));
        let both = Carried {
            channel: true,
            time: true,
        };
        assert_eq!(carries(&prev, &occ(1, 3, None, None), false), both);
        assert_eq!(carries(&prev, &occ(1, 6, None, None), false), both);
        assert_eq!(
            carries(&prev, &occ(1, 7, None, None), false),
            Carried::default()
        );
        assert_eq!(
            carries(&prev, &occ(2, 4, None, None), false),
            Carried::default()
        );
        assert_eq!(
            carries(&prev, &occ(1, 4, None, None), true),
            Carried::default()
        );
    }

    #[test]
    fn another_channel_or_time_says_the_occasion_changed() {
        let (c, t, s) = (rally(), friday("Friday"), friday("Sunday"));
        let prev = occ(1, 3, Some(&c), Some(&t));
        let on_friday = friday("on Friday");
        let same_day = carries(&prev, &occ(1, 4, None, Some(&on_friday)), false);
        assert!(same_day.channel && !same_day.time);
        assert_eq!(
            carries(&prev, &occ(1, 4, None, Some(&s)), false),
            Carried::default()
        );
        let interview = crate::channels::channel::channel(
            crate::model::ChannelKind::Interview,
            "told CNN",
            0,
            8,
        );
        assert_eq!(
            carries(&prev, &occ(1, 4, Some(&interview), None), false),
            Carried::default()
        );
        let no_time = occ(1, 3, Some(&c), None);
        assert!(!carries(&no_time, &occ(1, 4, None, Some(&t)), false).channel);
    }

    #[test]
    fn a_time_after_the_cue_must_stand_next_to_it() {
        let near = |text: &str, cue: &str, time: &str| {
            let span = segment::paragraphs(text)[0];
            let toks = segment::tokens(text, span, &[]);
            let c = text.find(cue).unwrap() + cue.len();
            near_the_cue(text, &toks, c, None, text.find(time).unwrap())
        };
        let t = "She said in a phone interview with CNN on Tuesday that it was over.";
        assert!(near(t, "said", "on Tuesday"));
        let t = "It thrived, Clarke said, until it went bankrupt in 1999.";
        assert!(!near(t, "said", "in 1999"));
        assert!(near("On Friday, he said it was over.", "said", "On Friday"));
        let t = "It was welcomed by Zalmay Khalilzad, the U.S. special envoy, late Sunday.";
        assert!(near(t, "welcomed", "late Sunday"));
        let t = "He warned that it was no cure for the struggles, which, even today, inflame us.";
        assert!(!near(t, "warned", "today"));
        let t = "He likened RT to the BBC, which gets funds, in an interview last week.";
        assert!(near(t, "likened", "last week"));
    }

    #[test]
    fn rules_and_clock_headings_break_sections() {
        assert!(section_break("___."));
        assert!(section_break("* * *"));
        assert!(section_break("5:55 p.m."));
        assert!(section_break("12 p.m."));
        assert!(!section_break("Netflix."));
        assert!(!section_break("5 p.m. is when he spoke."));
        assert!(section_break("\u{a0}5 pm"));
        assert!(section_break("“…”"));
        assert!(!section_break("“We won,” she said."));
        assert!(!section_break("— Smith"));
        assert!(!section_break(""));
    }
}
