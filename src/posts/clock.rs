//! Clock times as embeds display them ("at 7:20 PM", "um 0:31 Uhr"): nom rules on `&str`,
//! run where a colon stands.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{map_opt, not, opt, value, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// Words that stand between a handle and an Instagram date ("on", "am", "le", "el").
pub(crate) const DATE_LEADS: [&str; 6] = ["on ", "am ", "le ", "el ", "il ", "op "];

/// The words that lead a time after a date ("at 7:30am PDT", "um 0:31 Uhr", "à 19:20").
pub(super) const TIME_LEADS: [&str; 3] = ["at ", "um ", "à "];

/// A parse over a string slice, with no error detail.
type Parsed<'a, O> = IResult<&'a str, O, ()>;

/// Before or after noon.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Meridiem {
    Am,
    Pm,
}

/// White space as `str::trim` knows it, none or more: "  ".
fn space(i: &str) -> Parsed<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// A run of digits read as a number: "19".
fn number(i: &str) -> Parsed<'_, u32> {
    map_opt(digit1, |d: &str| d.parse().ok()).parse(i)
}

/// Two digits of minutes: "20" of "20 PM".
fn minutes(i: &str) -> Parsed<'_, u32> {
    map_opt(
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        |m: &str| m.parse().ok(),
    )
    .parse(i)
}

/// "am" or "pm", in any case and with or without full stops: "p.m.".
fn meridiem(i: &str) -> Parsed<'_, Meridiem> {
    alt((
        value(Meridiem::Am, alt((tag_no_case("a.m."), tag_no_case("am")))),
        value(Meridiem::Pm, alt((tag_no_case("p.m."), tag_no_case("pm")))),
    ))
    .parse(i)
}

/// A clock time from its hour on, with the meridiem after it if any: "7:20 PM".
fn time_of_day(i: &str) -> Parsed<'_, (u32, u32, Option<Meridiem>)> {
    let (i, (hour, _, minute)) = (number, char(':'), minutes).parse(i)?;
    let (i, m) = opt(preceded(space, meridiem)).parse(i)?;
    Ok((i, (hour, minute, m)))
}

/// A displayed clock time ("at 7:20 PM", "11:02am", "um 0:31 Uhr") as 24-hour HH:MM: the
/// time whose colon is the first of `s`.
pub(crate) fn clock(s: &str) -> Option<String> {
    let colon = memchr::memchr(b':', s.as_bytes())?;
    // The hour: the digits just before the colon.
    let h_start = s[..colon]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let (_, (hour, minute, m)) = time_of_day(&s[h_start..]).ok()?;
    let hour = match m {
        Some(Meridiem::Pm) if hour < 12 => hour + 12,
        Some(Meridiem::Am) if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

/// Whether `s` opens with the time after a date ("at 7:30am PDT", "um 0:31 Uhr").
pub(super) fn timed(s: &str) -> bool {
    time_lead(s).is_ok()
}

/// The word that leads a time after a date, white space around it: " at ", "à ".
fn time_lead(i: &str) -> Parsed<'_, &str> {
    let lead = alt((tag(TIME_LEADS[0]), tag(TIME_LEADS[1]), tag(TIME_LEADS[2])));
    terminated(preceded(space, lead), space).parse(i)
}

/// A clock's hour and minutes as a date's time shows them, H:MM or HH:MM: "7:30".
fn short_time(i: &str) -> Parsed<'_, u32> {
    let hour = map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |h: &str| h.parse().ok(),
    );
    terminated(hour, (char(':'), minutes)).parse(i)
}

/// A time zone ("PDT", "CET": two to five capitals and no letter or digit after them).
fn zone(i: &str) -> Parsed<'_, &str> {
    let capitals = take_while1(|c: char| c.is_ascii_uppercase());
    let sized = verify(capitals, |z: &str| (2..=5).contains(&z.len()));
    terminated(sized, not(satisfy(char::is_alphanumeric))).parse(i)
}

/// The time that follows a date at the start of `s` ("at 7:30am PDT", "at 7:20 PM", "um 0:31
/// Uhr", "à 19:20"): the time as 24-hour HH:MM where the clock says which (am/pm, "Uhr", "à",
/// or an hour past 12; "um 4:47 PDT" does not), and the bytes it takes, zone included.
pub(super) fn clock_after_date(s: &str) -> Option<(Option<String>, usize)> {
    let (after, lead) = time_lead(s).ok()?;
    let (rest, hour) = short_time(after).ok()?;
    let (rest, m) = opt(preceded(space, meridiem)).parse(rest).ok()?;
    let (rest, z) = opt(preceded(space, alt((tag("Uhr"), zone))))
        .parse(rest)
        .ok()?;
    let shown = &after[..after.len() - rest.len()];
    let says = m.is_some() || z == Some("Uhr") || lead == "à " || hour > 12;
    let time = says.then(|| clock(shown)).flatten();
    Some((time, s.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_of_a_clock() {
        assert_eq!(minutes("20 PM"), Ok((" PM", 20)));
        assert_eq!(meridiem("p.m. x"), Ok((" x", Meridiem::Pm)));
        assert_eq!(meridiem("AM"), Ok(("", Meridiem::Am)));
        assert_eq!(
            time_of_day("7:20 PM"),
            Ok(("", (7, 20, Some(Meridiem::Pm))))
        );
        assert_eq!(time_lead(" at 7:30"), Ok(("7:30", "at ")));
        assert_eq!(short_time("7:30am"), Ok(("am", 7)));
        assert!(short_time("123:45").is_err());
        assert_eq!(zone("PDT, x"), Ok((", x", "PDT")));
        assert!(zone("PDTX1").is_err());
        assert!(timed(" um 0:31 Uhr"));
    }
}
