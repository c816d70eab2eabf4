//! The time rules: the words that date an act of saying ("on Sunday", "late Sunday",
//! "Tuesday night", "on April 8", "yesterday", "last week"), found by an ordered table
//! (`TIME_RULES`); the first time words of the clause win.
//!
//! The words taken after a weekday and the month and day of a date are read by nom parsers
//! on `&str` (complete combinators); the candidates come from the paragraph's automaton.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::opt;
use nom::{IResult, Parser};

use super::date::{month_day, month_of, resolve_weekday};
use super::lists::{Matches, TIME_PHRASES};
use super::phrase::is_channel_noun;
use super::{outside, word_bounded};
use crate::lexicon::{Class, LEXICON, with_lower};
use crate::model::{Span, Time};
use std::sync::LazyLock;

/// A time expression found in a clause: its span and the ISO date it resolves to.
struct Found {
    start: usize,
    end: usize,
    date: Option<String>,
}

/// What a time rule looks at.
struct Scope<'a> {
    text: &'a str,
    region: Span,
    skip: &'a [Span],
    article_date: Option<&'a str>,
    hits: &'a Matches,
}

/// A named time rule: it adds the times it finds to those found before it.
struct TimeRule {
    /// The rule's name (read by tests and when debugging a rule).
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    find: fn(&Scope, &mut Vec<Found>),
    /// What the rule reads only the words that may open (`Matches::time_starts` of this kind,
    /// the region's first and those marked), or 0 for a rule that reads the lists: where no
    /// word may open it (the first word's [`candidate`] is the same test), it is not called.
    opens: u8,
}

/// The time rules, in order: of times that start at the same word, the first found wins,
/// and a time phrase inside a weekday or a date already found is not read again.
const TIME_RULES: &[TimeRule] = &[
    TimeRule {
        name: "weekday",
        find: weekday,
        opens: 0,
    },
    TimeRule {
        name: "month_and_day",
        find: month_and_day,
        opens: MONTH_AND_DAY,
    },
    TimeRule {
        name: "in_month",
        find: in_month,
        opens: IN,
    },
    TimeRule {
        name: "dated_noun",
        find: dated_noun,
        opens: DATED_NOUN,
    },
    TimeRule {
        name: "time_phrase",
        find: time_phrase,
        opens: 0,
    },
    TimeRule {
        name: "part_of_the_day",
        find: part_of_the_day,
        opens: PART_OF_THE_DAY,
    },
];

/// The time words in `region`, outside `skip`, nearest to `near` (the cue): "on Sunday",
/// "late Sunday", "Tuesday night", "on April 8", "yesterday", "last week". With the
/// article's date, weekdays, dates and day offsets resolve to an ISO date.
#[cfg(test)]
pub(crate) fn time(
    text: &str,
    region: Span,
    skip: &[Span],
    article_date: Option<&str>,
) -> Option<Time> {
    time_in(
        text,
        region,
        skip,
        article_date,
        &Matches::new(text, region),
        &|_, _| true,
    )
}

/// What a word may open, as the region's scan marks it (`Matches::time_starts`): a month and
/// day, "in" before a digit or a capital (a month or a year), a dated noun's month or year,
/// a part of the day (after "in" or not). Each is what its rule needs to parse at all, read to the paragraph's end; the
/// rule parses again in its clause.
pub(super) const MONTH_AND_DAY: u8 = 1;
pub(super) const IN: u8 = 2;
pub(super) const DATED_NOUN: u8 = 4;
pub(super) const PART_OF_THE_DAY: u8 = 8;

/// What the word that `s` starts with may open (see [`MONTH_AND_DAY`]): "April 8" a month
/// and day, "2014 study" a dated noun's year, "in July" "in", "in the early hours" a part of
/// the day.
pub(super) fn candidate(s: &str) -> u8 {
    let Some(&b) = s.as_bytes().first() else {
        return 0;
    };
    let mut what = 0;
    let in_ = matches!(b, b'i' | b'I') && s[1..].starts_with("n ");
    // ("in" opens a month or a year only before a digit or a capital: "in July", "in 2015",
    // not "in the")
    if in_ && s[3..].starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()) {
        what |= IN;
    }
    // (a part of the day opens with "the", after "in" or not: no other word is parsed)
    let the = |s: &str| s.starts_with("the ") || s.starts_with("The ");
    let opens = the(s) || (in_ && the(&s[3..]));
    if opens && part_of_the_day_at(s).is_ok() {
        what |= PART_OF_THE_DAY;
    }
    // (a capitalised word may be a month, unless its first three letters open none: most
    // are passed over without parsing a month)
    let month = s.starts_with(char::is_uppercase) && may_open_a_month(s);
    if (b.is_ascii_digit() || month || s.starts_with("recent "))
        && dated_noun_at(s).is_ok_and(|(rest, _)| rest.starts_with(' '))
    {
        what |= DATED_NOUN;
    }
    if month && digits_after_the_word(s) && month_and_day_at(s).is_ok() {
        what |= MONTH_AND_DAY;
    }
    what
}

/// Whether the word that `s` starts with is followed by one white space and a digit: "April
/// 8".
fn digits_after_the_word(s: &str) -> bool {
    let Some(at) = s.find(char::is_whitespace) else {
        return false;
    };
    let mut after = s[at..].chars();
    after.next();
    after.next().is_some_and(|c| c.is_ascii_digit())
}

/// The word before the word at `i` of `hay`, as the time rules split words (at white space,
/// each with the white space that ends it, trimmed): none at the start or after two spaces.
fn word_before(hay: &str, i: usize) -> &str {
    let Some(ws) = hay[..i].chars().next_back() else {
        return "";
    };
    let q = i - ws.len_utf8();
    let from = hay[..q]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(j, c)| j + c.len_utf8());
    hay[from..i].trim_end()
}

/// Whether the word before `s` makes the time `s..e` a scope: "since Jan. 1", "until
/// Friday"; a day's event, or a time that "when" dates a saying by, is none ("since
/// Monday's debate, when she cited …", "since Wednesday when the council announced").
fn scoped(text: &str, s: usize, e: usize) -> bool {
    let when = text[e..].trim_start_matches([',', ' ']).starts_with("when");
    if text[s..e].ends_with("'s") || text[s..e].ends_with("’s") || when {
        return false;
    }
    let w = text[..s]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    Class::ChannelTimeScopes.contains(w)
}

/// [`time`] with the paragraph's automaton matches already found, and the times the caller
/// keeps (`keep(start, end)`).
pub(crate) fn time_in(
    text: &str,
    region: Span,
    skip: &[Span],
    article_date: Option<&str>,
    hits: &Matches,
    keep: &dyn Fn(usize, usize) -> bool,
) -> Option<Time> {
    // (no word of the region may open a time, its first or a marked one, and the lists hold
    // no weekday or time phrase in it: no rule finds one)
    let words = &text[region.start..region.end];
    let first = may_open(words);
    let at_words = first || hits.marks_in(region);
    if !at_words && !hits.may_hold_a_time(region) {
        return None;
    }
    let sc = Scope {
        text,
        region,
        skip,
        article_date,
        hits,
    };
    // (what the region's words may open: its first, read here, and those marked; a rule that
    // reads such words is called only where one may open what it parses)
    let opens = match at_words {
        true => hits.marked(region) | if first { candidate(words) } else { 0 },
        false => 0,
    };
    let mut found: Vec<Found> = Vec::new();
    for rule in TIME_RULES
        .iter()
        .filter(|r| r.opens == 0 || opens & r.opens != 0)
    {
        (rule.find)(&sc, &mut found);
    }
    // The first time words of the clause (it opens at the speaker or the cue) that the caller
    // keeps and that are no scope of what is reported ("since Jan. 1").
    let f = found
        .into_iter()
        .filter(|f| keep(f.start, f.end) && !scoped(text, f.start, f.end))
        .min_by_key(|f| f.start)?;
    Some(Time {
        text: text[f.start..f.end].to_string(),
        start: f.start,
        end: f.end,
        date: f.date,
        carried: false,
    })
}

/// Where a day or a date at `s` starts with the word before it taken ("on", "late",
/// "early", "last"): "late Sunday". The word before is the run of letters and digits that
/// ends the text before `s` (spaces between left out).
fn lead(text: &str, s: usize) -> usize {
    let before = text[..s].trim_end();
    let w = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if Class::ChannelTimeLeads.contains(w) {
        before.len() - w.len()
    } else {
        s
    }
}

/// One space and a part of the day: " night" in "Tuesday night".
fn day_part(i: &str) -> IResult<&str, &str, ()> {
    let (rest, (_, w)) = (char(' '), take_while1(char::is_alphanumeric)).parse(i)?;
    if Class::ChannelDayParts.contains(w) {
        Ok((rest, w))
    } else {
        Err(nom::Err::Error(()))
    }
}

/// Where a day at `e` ends with the part of the day after it taken: "Tuesday night".
fn trail(text: &str, region: Span, e: usize) -> usize {
    match day_part(&text[e..region.end]) {
        Ok((_, w)) if word_bounded(text, e + 1, e + 1 + w.len()) => e + 1 + w.len(),
        _ => e,
    }
}

/// A weekday, with the words taken before and after it: "she said late Sunday night".
/// "Sunday's debate" dates the event: only "Sunday's" is taken.
fn weekday(sc: &Scope, found: &mut Vec<Found>) {
    let text = sc.text;
    for (s, e, wd) in Matches::within(sc.hits.weekdays(), sc.region) {
        let mark = ["’s", "'s"].into_iter().find(|m| text[e..].starts_with(m));
        if !word_bounded(text, s, e) && mark.is_none() || !outside(sc.skip, s, e) {
            continue;
        }
        let (start, end) = match mark {
            Some(m) => (s, e + m.len()),
            None => (lead(text, s), trail(text, sc.region, e)),
        };
        // ("Monday night's debate" dates the event as "Sunday's debate" does)
        let end = ["’s", "'s"]
            .into_iter()
            .find(|m| mark.is_none() && end > e && text[end..].starts_with(m))
            .map_or(end, |m| end + m.len());
        found.push(Found {
            start,
            end,
            date: sc.article_date.and_then(|d| resolve_weekday(d, wd)),
        });
    }
}

/// A month word, one space and a day of one or two digits: "April 8", "Sept. 11". Gives the
/// month, the day and the length read.
fn month_and_day_at(i: &str) -> IResult<&str, (u32, u32), ()> {
    let (rest, (word, _, digits)) = (
        take_till1(char::is_whitespace),
        satisfy(char::is_whitespace),
        digit1,
    )
        .parse(i)?;
    let month = word
        .starts_with(|c: char| c.is_uppercase())
        .then(|| crate::posts::month(word))
        .flatten();
    match (month, digits.len()) {
        (Some(m), 1..=2) => Ok((rest, (m, digits.parse().unwrap_or(0)))),
        _ => Err(nom::Err::Error(())),
    }
}

/// A month and day, with the word taken before it: "he announced on April 8 that". It
/// resolves to that day of the article's year, or of the year before.
fn month_and_day(sc: &Scope, found: &mut Vec<Found>) {
    let hay = &sc.text[sc.region.start..sc.region.end];
    for i in sc.hits.time_starts(sc.region, MONTH_AND_DAY) {
        // (a month is capitalised: other words are not parsed)
        if !hay[i..].starts_with(char::is_uppercase) {
            continue;
        }
        let Ok((rest, (month, day))) = month_and_day_at(&hay[i..]) else {
            continue;
        };
        let s = sc.region.start + i;
        let e = sc.region.end - rest.len();
        if !(1..=31).contains(&day) || !word_bounded(sc.text, s, e) || !outside(sc.skip, s, e) {
            continue;
        }
        found.push(Found {
            start: lead(sc.text, s),
            end: e,
            date: sc.article_date.and_then(|d| month_day(d, month, day)),
        });
    }
}

/// Four digits that read as a year of the last two centuries: "2015".
fn year_digits(i: &str) -> IResult<&str, i64, ()> {
    let (rest, y) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit())
        || !(y.starts_with("19") || y.starts_with("20"))
    {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, y.parse().unwrap_or(0)))
}

/// A capitalised month word, with its full stop if abbreviated: "July", "Sept."; gives its
/// number.
fn month_word(i: &str) -> IResult<&str, u32, ()> {
    let (rest, w) = take_while1(char::is_alphabetic)(i)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    // (the capital and the length first: most capitalised words are no month)
    if !w.starts_with(char::is_uppercase) || w.len() < 3 {
        return Err(nom::Err::Error(()));
    }
    month_number(w).map_or(Err(nom::Err::Error(())), |m| Ok((rest, m)))
}

/// The first three letters of the month words of the lexicon that are ASCII letters (lower
/// case): per first two letters, the third's bits ([`month_head`]). (A month word that opens
/// with another byte, "märz", opens no word of three ASCII letters.)
static MONTH_HEADS: LazyLock<[u32; 26 * 26]> = LazyLock::new(|| {
    let mut letters = [0u32; 26 * 26];
    for m in LEXICON.months.keys() {
        if let Some(&[a, b, c]) = m.as_bytes().get(..3)
            && [a, b, c].iter().all(u8::is_ascii_lowercase)
        {
            letters[usize::from(a - b'a') * 26 + usize::from(b - b'a')] |= 1 << (c - b'a');
        }
    }
    letters
});

/// Whether the three ASCII letters `h`, in either case, are the first three of a month word
/// of the lexicon (in lower case): one bit, not a search.
#[inline]
fn month_head(h: [u8; 3]) -> bool {
    let [a, b, c] = h.map(|x| (x | 0x20).wrapping_sub(b'a'));
    MONTH_HEADS[usize::from(a) * 26 + usize::from(b)] & 1 << c != 0
}

/// Whether the word that `s` starts with may open a time (`candidate`, and every rule's parse
/// there), by its first bytes: a year and a space ("2014 "), "in " before a digit, a capital
/// or a part of the day, "the " before a part of the day ([`may_be_a_part_of_the_day`]),
/// "recent ", a capital that may be a month ([`may_open_a_month`]), or a character not ASCII.
/// Most words a clause marks by their first byte (`shape::may_open_a_time`) are told here in
/// a few steps, without `candidate`'s parses: "the", "in", "Trump", "U.S.", "10".
pub(super) fn may_open(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&b) = bytes.first() else {
        return false;
    };
    let named = match b {
        b'0'..=b'9' => opens_a_year(bytes),
        b'i' | b'I' if bytes.get(1..3) == Some(b"n ") => {
            bytes
                .get(3)
                .is_some_and(|&c| c.is_ascii_digit() || c.is_ascii_uppercase() || !c.is_ascii())
                || may_be_a_part_of_the_day(s)
        }
        b't' | b'T' if bytes.get(1..4) == Some(b"he ") => may_be_a_part_of_the_day(s),
        b'r' => bytes.starts_with(b"recent "),
        _ => false,
    };
    named || b.is_ascii_uppercase() && may_open_a_month(s) || b >= 0xC0
}

/// Whether [`may_open`] is false at the start of word token `t` of `text`, told by the token
/// alone: a word of ASCII letters and digits only (its bit `ALNUM`), four bytes or more, that
/// opens with a capital holds no space in its first four bytes, so it opens no "in ", "the ",
/// "recent " or year, and may open a time only as a month word ([`may_open_a_month`]):
/// "Trump", "Senate" open none. (The region walks ask it of most names before marking them.)
#[inline]
pub(super) fn capital_opens_no_time(text: &str, t: &crate::segment::Token) -> bool {
    t.flags & crate::lexicon::info::ALNUM != 0
        && t.end - t.start >= 4
        && text.as_bytes()[t.start].is_ascii_uppercase()
        && !may_open_a_month(&text[t.start..t.end])
}

/// Whether `bytes` open with the four digits of a year of the last two centuries and a space:
/// the only words that open with a digit and a time (a dated noun's year, "2014 study").
fn opens_a_year(bytes: &[u8]) -> bool {
    match bytes.get(..5) {
        Some(&[a, b, c, d, e]) => {
            matches!([a, b], [b'1', b'9'] | [b'2', b'0'])
                && c.is_ascii_digit()
                && d.is_ascii_digit()
                && e == b' '
        }
        _ => false,
    }
}

/// Whether the word `s` starts with may be a month word: not when its first three bytes are
/// ASCII letters that open no month of the lexicon in any case ("Smith"; a month word is
/// looked up in lower case, whole, so its first three letters are those of a month), nor when
/// an ASCII byte other than a letter ends its letters before the third ("U.S.", "Mr.", "AP":
/// every month word is three letters or more, and holds no other character).
fn may_open_a_month(s: &str) -> bool {
    let letter = |x: u8| x.is_ascii_alphabetic();
    let other = |x: u8| x.is_ascii() && !x.is_ascii_alphabetic();
    match s.as_bytes().get(..3) {
        Some(&[a, b, c]) if [a, b, c].iter().all(u8::is_ascii_alphabetic) => month_head([a, b, c]),
        Some(&[a, b, c]) if letter(a) && (other(b) || letter(b) && other(c)) => false,
        _ => true,
    }
}

/// The number of month word `w` (`posts::month`), a short ASCII word lower-cased on the
/// stack, not in a new string.
fn month_number(w: &str) -> Option<u32> {
    // (an ASCII word whose first three letters open no month is none, without a look-up)
    if let Some(&[a, b, c]) = w.as_bytes().get(..3).filter(|_| w.is_ascii())
        && [a, b, c].iter().all(u8::is_ascii_alphabetic)
        && !month_head([a, b, c])
    {
        return None;
    }
    let mut buf = [0u8; 12];
    match buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            crate::posts::month(std::str::from_utf8(lower).ok()?)
        }
        None => crate::posts::month(w),
    }
}

/// "in" and a month with an optional year, or a year: "in July", "In June 2015", "in
/// 2015"; gives the month (if any) and the year (if any).
fn in_month_at(i: &str) -> IResult<&str, (Option<u32>, Option<i64>), ()> {
    let (rest, _) = (alt((tag("in"), tag("In"))), char(' ')).parse(i)?;
    if let Ok((rest, y)) = year_digits(rest) {
        return Ok((rest, (None, Some(y))));
    }
    let (rest, month) = month_word(rest)?;
    let (rest, year) = opt((char(' '), year_digits)).parse(rest)?;
    Ok((rest, (Some(month), year.map(|(_, y)| y))))
}

/// A month or a year the saying is dated by: "she said in July that" (the latest July on or
/// before the article: `2016-07`), "In June 2015" (`2015-06`), "in 2015" (`2015`).
fn in_month(sc: &Scope, found: &mut Vec<Found>) {
    let hay = &sc.text[sc.region.start..sc.region.end];
    // (the candidates are the words "in"/"In" followed by a space, marked by the paragraph's
    // pass)
    let starts = sc.hits.time_starts(sc.region, IN);
    for i in starts {
        let Ok((rest, (month, year))) = in_month_at(&hay[i..]) else {
            continue;
        };
        let (s, e) = (sc.region.start + i, sc.region.end - rest.len());
        if word_bounded(sc.text, s, e)
            && outside(sc.skip, s, e)
            && !found.iter().any(|f| f.start <= s && e <= f.end)
        {
            let date = match (month, year) {
                (Some(m), y) => month_of(sc.article_date, m, y),
                (None, y) => y.map(|y| format!("{y:04}")),
            };
            found.push(Found {
                start: s,
                end: e,
                date,
            });
        }
    }
}

/// A month or a year that modifies a channel noun or a noun of an event after a
/// determiner: "at a February hearing" (`2016-02`), "A 2014 study found", "In her 2003
/// book"; or "recent", which dates it with no date ("in a recent interview"). Only the time
/// word is taken.
fn dated_noun_at(i: &str) -> IResult<&str, (Option<u32>, Option<i64>), ()> {
    if let Ok((rest, _)) = tag::<_, _, ()>("recent").parse(i) {
        return Ok((rest, (None, None)));
    }
    if let Ok((rest, y)) = year_digits(i) {
        return Ok((rest, (None, Some(y))));
    }
    let (rest, m) = month_word(i)?;
    Ok((rest, (Some(m), None)))
}

/// Whether the words at `r` are a channel noun, or one modifier and a channel noun:
/// "hearing", "campaign ad", "Senate hearing".
fn heads_a_channel(r: &str) -> bool {
    let mut words = r
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    is_channel_noun(first) || is_channel_noun(second)
}

/// Whether a channel phrase of the lists opens at the word after `e` or the one after it:
/// "a recent news conference", "a March press briefing".
fn opens_a_channel_phrase(sc: &Scope, e: usize) -> bool {
    let mut starts = sc.text[e..]
        .split_inclusive(char::is_whitespace)
        .scan(e, |at, w| {
            *at += w.len();
            Some(*at)
        })
        .take(2);
    let (Some(first), second) = (starts.next(), starts.next()) else {
        return false;
    };
    // (only the phrases that start at those two words are read)
    let near = Span {
        start: first,
        end: sc.region.end,
    };
    Matches::within(sc.hits.phrases(), near)
        .take_while(|m| m.0 <= second.unwrap_or(first))
        .any(|m| m.0 == first || Some(m.0) == second)
}

/// How many bytes after a month or a year are read for the ", when" it may head.
const WHEN_REACH: usize = 96;

/// Whether the noun phrase that `rest` goes on with, after a month or a year, is the
/// antecedent of a "when" that dates a saying: at most five more words, then ", when" ("the
/// 2000 election in Florida, when the state stated …"; "the March primary, when she said").
fn anchors_a_when(rest: &str) -> bool {
    // (five words and ", when" fit in a few dozen bytes: no more is read)
    let end = rest.len().min(WHEN_REACH);
    let end = (0..=end)
        .rev()
        .find(|&k| rest.is_char_boundary(k))
        .unwrap_or(0);
    let Some((np, after)) = rest[..end].split_once(',') else {
        return false;
    };
    let words = np.split_whitespace().count();
    let when = after.trim_start().strip_prefix("when");
    words <= 5
        && !np.contains(['.', ';', '"', '“', '”'])
        && when.is_some_and(|w| w.starts_with(' '))
}

/// The month or year of "a February hearing", "her 2003 book": after a determiner or a
/// possessive, before a channel noun, or heading the antecedent of a "when" that dates the
/// saying ([`anchors_a_when`]).
fn dated_noun(sc: &Scope, found: &mut Vec<Found>) {
    let hay = &sc.text[sc.region.start..sc.region.end];
    for i in sc.hits.time_starts(sc.region, DATED_NOUN) {
        // (only a year or a capitalised month is a dated noun's time: other words are passed
        // over before their determiner is looked up)
        let word = &hay[i..];
        if !word.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            && !word.starts_with("recent ")
        {
            continue;
        }
        let before = word_before(hay, i);
        let after_det = with_lower(before, |p| Class::ChannelDatedNounLeads.contains(p))
            || before.ends_with("'s")
            || before.ends_with("’s");
        if !after_det {
            continue;
        }
        let Ok((rest, (month, year))) = dated_noun_at(&hay[i..]) else {
            continue;
        };
        let (s, e) = (sc.region.start + i, sc.region.end - rest.len());
        let followed = rest.strip_prefix(' ').is_some_and(heads_a_channel)
            || opens_a_channel_phrase(sc, e)
            || anchors_a_when(rest);
        if followed && outside(sc.skip, s, e) && !found.iter().any(|f| f.start <= s && e <= f.end) {
            let date = match (month, year) {
                (Some(m), _) => month_of(sc.article_date, m, None),
                (None, y) => y.map(|y| format!("{y:04}")),
            };
            found.push(Found {
                start: s,
                end: e,
                date,
            });
        }
    }
}

/// A time phrase of the lexicon, not inside a time found before: "she said last week";
/// "two days ago" takes its number.
fn time_phrase(sc: &Scope, found: &mut Vec<Found>) {
    for (s, e, pat) in Matches::within(sc.hits.times(), sc.region) {
        let (phrase, offset) = TIME_PHRASES[pat];
        if !word_bounded(sc.text, s, e)
            || !outside(sc.skip, s, e)
            || found.iter().any(|f| f.start <= s && e <= f.end)
            || in_a_name(sc.text, s, e)
        {
            continue;
        }
        // (the number is the word before, wherever it stands: "Twenty-two years ago" opening
        // a paragraph or the text)
        let s = if phrase.ends_with(" ago") {
            let before = sc.text[..s].trim_end();
            let word = before.rfind(char::is_whitespace).map_or(0, |b| b + 1);
            if word < before.len() && word >= sc.region.start {
                word
            } else {
                s
            }
        } else {
            s
        };
        // ("last week's hearing" dates the event, as "Sunday's debate" does)
        let e = ["’s", "'s"]
            .into_iter()
            .find(|m| sc.text[e..].starts_with(m))
            .map_or(e, |m| e + m.len());
        let date = match (offset, sc.article_date) {
            (Some(o), Some(d)) => o.resolve(d),
            _ => None,
        };
        found.push(Found {
            start: s,
            end: e,
            date,
        });
    }
}

/// Whether the capitalised time words at `s..e` are part of a name, after a capitalised word
/// of it: "Trending Today USA", "USA Today" (not "Today, he said", "Today Mr. Lee said").
fn in_a_name(text: &str, s: usize, e: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = text[..s]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next());
    let word = |w: &str| w.chars().all(char::is_alphanumeric) && capital(w);
    capital(&text[s..e]) && before.is_some_and(word)
}

/// A part of the day as a time of its own: "in the early morning hours", "in the early
/// hours", "the morning after", "the night before". "the morning" alone is no time (it may
/// be what is talked about).
fn part_of_the_day_at(i: &str) -> IResult<&str, (), ()> {
    if !may_be_a_part_of_the_day(i) {
        return Err(nom::Err::Error(()));
    }
    let (i, _) = opt(alt((tag("in "), tag("In ")))).parse(i)?;
    let (i, _) = alt((tag("the "), tag("The "))).parse(i)?;
    let (i, edge) = opt(alt((tag("early "), tag("late ")))).parse(i)?;
    let (i, part) = take_while1(char::is_alphanumeric).parse(i)?;
    let (i, hours) = opt(tag(" hours")).parse(i)?;
    let (i, rel) = opt(alt((tag(" after"), tag(" before")))).parse(i)?;
    // (the words around are read before the part of the day is looked up: most "the …"
    // words have none of them)
    if edge.is_none() && hours.is_none() && rel.is_none() {
        return Err(nom::Err::Error(()));
    }
    let hours_alone = part == "hours" && edge.is_some();
    if !Class::ChannelDayParts.contains(part) && !hours_alone {
        return Err(nom::Err::Error(()));
    }
    Ok((i, ()))
}

/// Whether [`part_of_the_day_at`] may parse `i`: "the" (after "in" or not), then an edge
/// ("early", "late"), or a word and " hours", " after" or " before". Read without the parser,
/// which the words around decide before the part of the day: most "the …" have none. The
/// word is read byte by byte while it is ASCII (most "the" are followed by one).
fn may_be_a_part_of_the_day(i: &str) -> bool {
    let i = match i.as_bytes() {
        [b'i' | b'I', b'n', b' ', ..] => &i[3..],
        _ => i,
    };
    let Some(i) = i.strip_prefix("the ").or_else(|| i.strip_prefix("The ")) else {
        return false;
    };
    let bytes = i.as_bytes();
    if bytes.starts_with(b"early ") || bytes.starts_with(b"late ") {
        return true;
    }
    let mut n = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    // (a character not ASCII: the rest of the word by characters)
    if bytes.get(n).is_some_and(|b| !b.is_ascii()) {
        n += i[n..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(i.len() - n);
    }
    let after = &bytes[n..];
    n > 0
        && after.first() == Some(&b' ')
        && (after.starts_with(b" hours")
            || after.starts_with(b" after")
            || after.starts_with(b" before"))
}

/// [`part_of_the_day_at`] at each word of the region: "Trump tweeted in the early morning
/// hours that …".
fn part_of_the_day(sc: &Scope, found: &mut Vec<Found>) {
    let hay = &sc.text[sc.region.start..sc.region.end];
    for i in sc.hits.time_starts(sc.region, PART_OF_THE_DAY) {
        let Ok((rest, ())) = part_of_the_day_at(&hay[i..]) else {
            continue;
        };
        let (s, e) = (sc.region.start + i, sc.region.end - rest.len());
        if word_bounded(sc.text, s, e)
            && outside(sc.skip, s, e)
            && !found.iter().any(|f| f.start <= s && e <= f.end)
        {
            found.push(Found {
                start: s,
                end: e,
                date: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::all;
    use super::*;

    fn at(t: &str, date: &str) -> Option<Time> {
        time(t, all(t), &[], Some(date))
    }

    #[test]
    fn a_time_at_the_first_word_of_the_region_is_read_by_its_rule() {
        // (a rule that reads the words that may open a time is called for the first word's
        // `candidate` alone, where no word after it is marked)
        let cases = [
            ("In July she said the plan failed", "In July"),
            ("April 8 she said the plan failed", "April 8"),
            (
                "In the early hours she said the plan failed",
                "In the early hours",
            ),
        ];
        for (t, want) in cases {
            let got = at(t, "2016-09-21").map(|f| f.text);
            assert_eq!(got.as_deref(), Some(want), "{t}");
        }
        assert_eq!(at("She said the plan failed", "2016-09-21"), None);
    }

    #[test]
    fn a_word_that_may_open_no_time_opens_none() {
        // (`may_open` is false only where `candidate` is 0)
        let rests = [
            "",
            " 8",
            "n the early hours",
            "uly 8",
            "ept. 11 2015",
            "014 study",
            "ast week",
        ];
        let mut passed = 0;
        for first in [
            "I", "T", "J", "S", "M", "A", "D", "W", "Z", "i", "t", "r", "2", "é", "x",
        ] {
            for rest in rests {
                let s = format!("{first}{rest} ");
                if !may_open(&s) {
                    assert_eq!(candidate(&s), 0, "{s}");
                    passed += 1;
                }
            }
        }
        assert!(passed > 10 && may_open("July 8 ") && !may_open("Smith said "));
    }

    #[test]
    fn a_word_told_by_its_first_bytes_opens_no_time_candidate_reads() {
        // (`may_open` is false only where `candidate` is 0: years, "in", "the", "recent",
        // months in every language and case, short capitals, names)
        let mut firsts: Vec<String> = [
            "2014", "1999", "2100", "1899", "201", "20145", "10", "in", "In", "the", "The", "tHe",
            "recent", "recently", "U.S.", "Mr.", "AP", "A", "M", "Ma.", "Trump", "Iran", "It",
            "Temmuz", "É", "é", "Été", "x",
        ]
        .map(String::from)
        .to_vec();
        for m in LEXICON.months.keys() {
            let mut c = m.chars();
            let cap: String = c
                .next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect());
            firsts.extend([format!("{cap}."), m.to_uppercase(), cap]);
        }
        let rests = [
            "",
            " ",
            " 8",
            " 8 ",
            " study ",
            " hearing",
            " early hours",
            " late night",
            " July",
            " 2015 ",
            " the early morning hours",
            " the night before",
            " Éxito",
            "-8 ",
            ",",
        ];
        let mut opened = 0;
        for first in &firsts {
            for rest in rests {
                let s = format!("{first}{rest}");
                if candidate(&s) != 0 {
                    assert!(may_open(&s), "{s}");
                    opened += 1;
                }
            }
        }
        assert!(opened > 100, "{opened}");
        assert!(!may_open("U.S. 8 ") && !may_open("Trump said") && !may_open("in a"));
        // (every month word is three letters or more, letters alone: a shorter run is none)
        for m in LEXICON.months.keys() {
            assert!(
                m.chars().count() >= 3 && m.chars().all(char::is_alphabetic),
                "{m}"
            );
        }
    }

    #[test]
    fn time_words_inside_a_name_are_no_time() {
        assert!(in_a_name("an interview with Trending Today USA", 27, 32));
        assert!(in_a_name("he told USA Today that", 12, 17));
        assert!(!in_a_name("Today, he said", 0, 5));
        assert!(!in_a_name("he said today", 8, 13));
        assert!(!in_a_name("Today Mr. Lee said", 0, 5));
    }

    #[test]
    fn a_weekday_takes_its_lead_and_its_part_of_the_day() {
        let tm = at("said late Sunday, who", "2020-04-12").unwrap();
        assert_eq!(tm.text, "late Sunday");
        assert_eq!(tm.date.as_deref(), Some("2020-04-12"));
        let tm = at("she said Tuesday night that", "2020-04-12").unwrap();
        assert_eq!(tm.text, "Tuesday night");
        assert_eq!(tm.date.as_deref(), Some("2020-04-07"));
        let tm = at("before Sunday's debate, he said", "2020-04-12").unwrap();
        assert_eq!(tm.text, "Sunday's");
        assert_eq!(
            at("said Tuesday nights", "2020-04-12").unwrap().text,
            "Tuesday"
        );
    }

    #[test]
    fn a_month_and_day_resolves_to_this_year_or_the_last() {
        let tm = at("announced on April 8 that", "2020-04-12").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("on April 8", Some("2020-04-08"))
        );
        let tm = at("announced on December 8 that", "2020-04-12").unwrap();
        assert_eq!(tm.date.as_deref(), Some("2019-12-08"));
        assert!(at("said April 123", "2020-04-12").is_none());
        assert!(at("announced on April 8th", "2020-04-12").is_none());
        assert_eq!(month_and_day_at("Sept. 11, 2001"), Ok((", 2001", (9, 11))));
    }

    #[test]
    fn a_time_phrase_with_its_offset() {
        let tm = at("said yesterday", "2020-03-01").unwrap();
        assert_eq!(tm.date.as_deref(), Some("2020-02-29"));
        assert_eq!(
            at("said two days ago", "2020-03-01").unwrap().text,
            "two days ago"
        );
        assert_eq!(
            at("Twenty-two years ago, he said", "2020-03-01")
                .unwrap()
                .text,
            "Twenty-two years ago"
        );
        assert!(at("said later that", "2020-04-12").is_none());
    }

    #[test]
    fn a_month_with_in_and_a_year() {
        assert_eq!(
            at("she said in July that", "2020-04-12").unwrap().text,
            "in July"
        );
        let tm = at("In June 2015, he said", "2020-04-12").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("In June 2015", Some("2015-06"))
        );
        let tm = at("she said in July that", "2016-09-12").unwrap();
        assert_eq!(tm.date.as_deref(), Some("2016-07"));
        let tm = at("he wrote in 2015 that", "2016-09-12").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("in 2015", Some("2015"))
        );
        assert!(at("he said in 150 words", "2016-09-12").is_none());
        assert!(at("he said in may", "2020-04-12").is_none());
        assert_eq!(
            at("Last week, she said", "2020-04-12").unwrap().text,
            "Last week"
        );
    }

    #[test]
    fn a_month_or_a_year_that_dates_a_noun() {
        let tm = at("she said at a February hearing that", "2016-09-12").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("February", Some("2016-02"))
        );
        let tm = at("A 2014 study found that", "2016-09-12").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("2014", Some("2014"))
        );
        assert_eq!(
            at("In her 2003 book, she wrote", "2016-09-12")
                .unwrap()
                .text,
            "2003"
        );
        assert!(at("a 2014 Ford, he said", "2016-09-12").is_none());
        let tm = at(
            "the 2000 election in Florida, when the state stated",
            "2016-09-12",
        )
        .unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("2000", Some("2000"))
        );
        assert!(
            at(
                "the 2000 votes in Florida, which the state stated",
                "2016-09-12"
            )
            .is_none()
        );
        let tm = at("she said in a recent interview", "2016-09-12").unwrap();
        assert_eq!((tm.text.as_str(), tm.date), ("recent", None));
        assert_eq!(
            at("At a recent news conference, she said", "2016-09-12")
                .unwrap()
                .text,
            "recent"
        );
        assert!(at("she said recent polls", "2016-09-12").is_none());
        assert!(at("he said the 2500 votes", "2016-09-12").is_none());
    }

    #[test]
    fn relative_times_name_a_week_a_month_or_a_year() {
        let tm = at("she said last week that", "2016-07-14").unwrap();
        assert_eq!(tm.date.as_deref(), Some("2016-07-04/2016-07-10"));
        let tm = at("Earlier this month, he said", "2016-07-14").unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("Earlier this month", Some("2016-07"))
        );
        assert_eq!(
            at("he said last year", "2016-07-14")
                .unwrap()
                .date
                .as_deref(),
            Some("2015")
        );
        assert_eq!(
            at("she said the other day", "2016-07-14").unwrap().text,
            "the other day"
        );
        assert!(at("The Following Week, he said", "2016-07-14").is_none());
        assert_eq!(
            at("The following week, he said", "2016-07-14")
                .unwrap()
                .text,
            "The following week"
        );
    }

    #[test]
    fn a_time_after_since_is_a_scope() {
        assert!(at("raised since Jan. 1, the report shows", "2016-09-12").is_none());
        assert_eq!(
            at("since then, on Friday, he said", "2016-09-12")
                .unwrap()
                .text,
            "on Friday"
        );
    }

    #[test]
    fn the_paragraph_marks_the_words_a_time_may_open() {
        // (what a rule needs, not more: "April" before a space may be a dated noun's month)
        assert_eq!(candidate("April 8 that"), MONTH_AND_DAY | DATED_NOUN);
        assert_eq!(candidate("April fools"), DATED_NOUN);
        assert_eq!(candidate("Aprils"), 0);
        assert_eq!(candidate("2014 study found"), DATED_NOUN);
        assert_eq!(candidate("February hearing"), DATED_NOUN);
        assert_eq!(candidate("in July"), IN);
        assert_eq!(candidate("in the early hours"), PART_OF_THE_DAY);
        assert_eq!(candidate("In 2015"), IN);
        assert_eq!(candidate("in his speech"), 0);
        assert_eq!(candidate("the morning after"), PART_OF_THE_DAY);
        assert_eq!(candidate("the morning"), 0);
        assert_eq!(candidate("Smith said"), 0);
        assert_eq!(candidate("Sept. 11"), MONTH_AND_DAY | DATED_NOUN);
        assert!(may_open_a_month("Dec") && may_open_a_month("Ma") && !may_open_a_month("Smith"));
        let hay = "at a  2014 study, her 2003 book";
        assert_eq!(word_before(hay, hay.find("2014").unwrap()), "");
        assert_eq!(word_before(hay, hay.find("2003").unwrap()), "her");
        assert_eq!(word_before(hay, 0), "");
        // A clause that starts inside the paragraph reads its first word, whatever is before.
        let t = "Smith said(in July) he would run.";
        let hits = Matches::new(
            t,
            Span {
                start: 0,
                end: t.len(),
            },
        );
        let r = Span {
            start: t.find("in July").unwrap(),
            end: t.len(),
        };
        assert_eq!(hits.time_starts(r, IN).collect::<Vec<_>>(), vec![0]);
        assert_eq!(
            time(t, r, &[], Some("2020-09-01")).map(|t| t.text),
            Some("in July".to_string())
        );
    }

    #[test]
    fn the_first_time_of_the_clause_wins() {
        let tm = at("said yesterday, not on Sunday", "2020-04-12").unwrap();
        assert_eq!(tm.text, "yesterday");
        assert_eq!(TIME_RULES[0].name, "weekday");
    }
}
