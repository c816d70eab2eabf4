//! Dates as embeds display them, in every language the posts stage reads.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1, take_while, take_while_m_n};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{map_opt, not, opt, verify};
use nom::multi::many0;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::*;

/// A month name or abbreviation (in the languages of `lexicon/months.txt`) to its number.
pub(crate) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    if w.is_empty() || w.len() > 12 {
        return None;
    }
    LEXICON
        .months
        .get(crate::lexicon::lower(w).as_ref())
        .copied()
}

/// Read a date at the start of `s`, as embeds display it: "April 8, 2020", "8 April 2020",
/// "Apr 8 2020", "25. September 2018", "16 мая 2018 г.", "2018年6月6日". Returns the ISO date
/// and the bytes used.
///
/// A CJK year marker within the first six bytes makes the date CJK or none ([`cjk_date`]);
/// else the date is three words ([`word_date`]). A date outside 1900–2100 or not in the
/// calendar is none.
pub(crate) fn parse_date(s: &str) -> Option<(String, usize)> {
    let cjk = CJK_MARKS.iter().any(|m| {
        s[..s.floor_char_boundary(12)]
            .find(m[0])
            .is_some_and(|y| y <= 6)
    });
    let rule = if cjk { cjk_date } else { word_date };
    let (rest, (y, m, d)) = rule(s).ok()?;
    valid(y, m, d).then(|| (format!("{y:04}-{m:02}-{d:02}"), s.len() - rest.len()))
}

/// A parse over a string slice, with no error detail.
type Parsed<'a, O> = IResult<&'a str, O, ()>;

/// A date as year, month and day.
type Ymd = (u32, u32, u32);

/// The markers of year, month and day in Japanese or Chinese, and in Korean.
const CJK_MARKS: [[char; 3]; 2] = [['年', '月', '日'], ['년', '월', '일']];

/// White space as `str::trim` knows it, none or more: "  ".
fn space(i: &str) -> Parsed<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// A run of digits read as a number: "2018".
fn number(i: &str) -> Parsed<'_, u32> {
    map_opt(digit1, |d: &str| d.parse().ok()).parse(i)
}

/// A number and the CJK marker after it, white space allowed around it: "2018年".
fn marked(mark: char) -> impl FnMut(&str) -> Parsed<'_, u32> {
    move |i| delimited(space, number, (space, char(mark))).parse(i)
}

/// A date written with CJK markers: "2018年6月6日", "2022년 5월 5일".
fn cjk_date(i: &str) -> Parsed<'_, Ymd> {
    let with = |[y, m, d]: [char; 3]| (marked(y), marked(m), marked(d));
    alt((with(CJK_MARKS[0]), with(CJK_MARKS[1]))).parse(i)
}

/// A word of a date, without the white space after it, which it consumes: "April " is
/// "April".
fn word(i: &str) -> Parsed<'_, &str> {
    terminated(take_till1(char::is_whitespace), space).parse(i)
}

/// A word that joins a date's parts in Spanish or Portuguese: "de" in "5 de mayo de 2022".
fn connector(i: &str) -> Parsed<'_, &str> {
    verify(word, |w: &str| w == "de" || w == "del").parse(i)
}

/// A word of a date past the connectors before it, its trailing commas and full stops
/// dropped: "de mayo" is "mayo", "8," is "8".
fn date_word(i: &str) -> Parsed<'_, &str> {
    preceded(many0(connector), word)
        .map(|w| w.trim_end_matches([',', '.']))
        .parse(i)
}

/// A day of the month, as a word: "8,".
fn day(i: &str) -> Parsed<'_, u32> {
    map_opt(date_word, |w| w.parse().ok()).parse(i)
}

/// A month's name or abbreviation, as a word: "Sept.", "мая", "desember".
fn month_name(i: &str) -> Parsed<'_, u32> {
    map_opt(date_word, month).parse(i)
}

/// The year that ends a date: four digits not followed by a fifth, "2020" of "2020,".
fn year(i: &str) -> Parsed<'_, u32> {
    let digits = take_while_m_n(4, 4, |c: char| c.is_ascii_digit());
    let four = terminated(digits, not(satisfy(|c: char| c.is_ascii_digit())));
    map_opt(preceded(many0(connector), four), |y: &str| y.parse().ok()).parse(i)
}

/// A date of three words, the month first or second: "April 8, 2020", "8 April 2020",
/// "25. September 2018", "5 de mayo de 2022", "16 мая 2018 г.".
fn word_date(i: &str) -> Parsed<'_, Ymd> {
    let month_day = (month_name, day);
    let day_month = (day, month_name).map(|(d, m)| (m, d));
    let (i, _) = space(i)?;
    let (i, ((m, d), y)) = (alt((month_day, day_month)), year).parse(i)?;
    // Russian writes "г." (year) after it.
    let (i, _) = opt(tag(" г.")).parse(i)?;
    Ok((i, (y, m, d)))
}

/// [`parse_date`] through markdown's backslash escapes ("23\\. Okt 2017" as html2text
/// writes "23. Okt 2017"); the bytes used are counted in `s` as written.
pub(super) fn parse_date_unescaped(s: &str) -> Option<(String, usize)> {
    let head = s.char_indices().nth(48).map_or(s, |(i, _)| &s[..i]);
    if !head.contains('\\') {
        return parse_date(s);
    }
    // The unescaped text, and for each of its bytes the offset in `s`.
    let mut plain = String::new();
    let mut at = Vec::new();
    let mut after = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|&(_, n)| n.is_ascii_punctuation()) {
            continue;
        }
        plain.push(c);
        at.extend(std::iter::repeat_n(i, c.len_utf8()));
        after = i + c.len_utf8();
        if plain.len() > 64 {
            break;
        }
    }
    let (date, used) = parse_date(&plain)?;
    let end = at.get(used).copied().unwrap_or(after);
    Some((date, end))
}

/// Whether a date is one of the calendar's between 1900 and 2100.
pub(super) fn valid(y: u32, m: u32, d: u32) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return false;
    };
    (1900..=2100).contains(&y) && jiff::civil::Date::new(y, m, d).is_ok()
}

/// Whether `s` ends with a whole date as [`parse_date`] reads it ("January 25, 2019",
/// "2019年1月25日").
pub(super) fn ends_with_date(s: &str) -> bool {
    if !s.ends_with(|c: char| c.is_ascii_digit() || c == '日') {
        return false;
    }
    let mut from = s.len();
    // A date is at most three words.
    for _ in 0..3 {
        let head = s[..from].trim_end();
        from = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if parse_date(&s[from..]).is_some_and(|(_, used)| used == s.len() - from) {
            return true;
        }
        if from == 0 {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_of_a_date() {
        assert_eq!(space("  x"), Ok(("x", "  ")));
        assert_eq!(number("2018年"), Ok(("年", 2018)));
        assert_eq!(marked('年')("2018年6月"), Ok(("6月", 2018)));
        assert_eq!(cjk_date("2018年6月6日 x"), Ok((" x", (2018, 6, 6))));
        assert_eq!(cjk_date("2022년 5월 5일"), Ok(("", (2022, 5, 5))));
        assert_eq!(word("April 8"), Ok(("8", "April")));
        assert_eq!(connector("de mayo"), Ok(("mayo", "de")));
        assert!(connector("desde").is_err());
        assert_eq!(date_word("de mayo de"), Ok(("de", "mayo")));
        assert_eq!(day("8, 2020"), Ok(("2020", 8)));
        assert_eq!(month_name("Sept. 11"), Ok(("11", 9)));
        assert_eq!(year("2020, more"), Ok((", more", 2020)));
        assert!(year("20201").is_err());
        assert_eq!(word_date("April 8, 2020 x"), Ok((" x", (2020, 4, 8))));
        assert_eq!(word_date("16 мая 2018 г. x"), Ok((" x", (2018, 5, 16))));
    }

    #[test]
    fn dates_are_in_the_calendar() {
        assert!(valid(2020, 2, 29));
        assert!(!valid(2021, 2, 29));
        assert!(!valid(1899, 12, 31));
        assert!(parse_date("April 31, 2020").is_none());
    }
}
