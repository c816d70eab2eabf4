//! Resolving a time to an ISO date against the article's date (with jiff, no hand
//! arithmetic): a weekday to the latest such day on or before it, a day offset ("yesterday")
//! to the shifted day, a month and day ("April 8") to that day of the article's year or of
//! the year before.

use jiff::ToSpan;
use jiff::civil::Date;

/// The day `y-m-d`, where `d` may run past the month's end or below its start ("2020-02-30"
/// is 2020-03-01), as the article's date may be written.
fn civil(y: i64, m: i64, d: i64) -> Option<Date> {
    let first = Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, 1).ok()?;
    first.checked_add((d - 1).days()).ok()
}

/// The article's date `YYYY-MM-DD` as a day.
fn parse(date: &str) -> Option<Date> {
    let mut it = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    civil(y, m, d)
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The ISO date `days` after `date`: `shift("2020-03-01", -1)` is "2020-02-29" ("yesterday").
pub(super) fn shift(date: &str, days: i64) -> Option<String> {
    Some(iso(parse(date)?.checked_add(days.days()).ok()?))
}

/// The latest date on or before the article's date that falls on weekday `wd` (0 = Monday):
/// "on Sunday" in an article of Monday 2020-04-13 is 2020-04-12.
pub(crate) fn resolve_weekday(article_date: &str, wd: usize) -> Option<String> {
    let day = parse(article_date)?;
    let today = i64::from(day.weekday().to_monday_zero_offset());
    let back = (today - wd as i64).rem_euclid(7);
    Some(iso(day.checked_sub(back.days()).ok()?))
}

/// "April 8" in an article of `article_date`: that day of the article's year, or of the year
/// before when it would fall after the article ("December 8" in April 2020 is 2019-12-08).
/// The day is not checked against its month: the date is written as the text gives it.
pub(super) fn month_day(article_date: &str, month: u32, day: u32) -> Option<String> {
    let year: i64 = article_date.get(..4)?.parse().ok()?;
    let this = format!("{year:04}-{month:02}-{day:02}");
    Some(if this.as_str() > article_date {
        format!("{:04}-{month:02}-{day:02}", year - 1)
    } else {
        this
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_resolves_to_the_latest_such_day() {
        // 2020-04-12 was a Sunday.
        assert_eq!(
            resolve_weekday("2020-04-12", 6).as_deref(),
            Some("2020-04-12")
        );
        assert_eq!(
            resolve_weekday("2020-04-13", 6).as_deref(),
            Some("2020-04-12")
        );
        assert_eq!(
            resolve_weekday("2020-04-13", 2).as_deref(),
            Some("2020-04-08")
        );
        assert_eq!(resolve_weekday("2020-04", 2), None);
    }

    #[test]
    fn a_day_offset_crosses_months_and_leap_days() {
        assert_eq!(shift("2020-03-01", -1).as_deref(), Some("2020-02-29"));
        assert_eq!(shift("2019-12-31", 1).as_deref(), Some("2020-01-01"));
        // A day past the month's end runs on, as the old arithmetic did.
        assert_eq!(shift("2020-02-30", 0).as_deref(), Some("2020-03-01"));
        assert_eq!(shift("not a date", 0), None);
    }

    #[test]
    fn a_month_and_day_after_the_article_is_last_year() {
        assert_eq!(month_day("2020-04-12", 4, 8).as_deref(), Some("2020-04-08"));
        assert_eq!(
            month_day("2020-04-12", 12, 8).as_deref(),
            Some("2019-12-08")
        );
    }
}
