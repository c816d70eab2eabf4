//! Resolving a time to an ISO date against the article's date (with jiff, no hand
//! arithmetic): a weekday to the latest such day on or before it, a relative time
//! ("yesterday", "last week", "this month", "last year": [`Shift`]) to a day, a range of
//! days, a month or a year, a month and day ("April 8") to that day of the article's year
//! or of the year before, and a month ("in July") to the latest such month.

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

/// A relative time's unit and how many of them from the article's date: "yesterday" is a
/// day back, "last week" a week, "this month" none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    Day(i64),
    Week(i64),
    Month(i64),
    Year(i64),
}

impl Shift {
    /// The shift a data file writes: "-1" (days), "week -1", "month 0", "year -1".
    pub(crate) fn parse(s: &str) -> Option<Shift> {
        let mut it = s.split_whitespace();
        let first = it.next()?;
        let Some(n) = it.next() else {
            return first.parse().ok().map(Shift::Day);
        };
        let n: i64 = n.parse().ok()?;
        match first {
            "day" => Some(Shift::Day(n)),
            "week" => Some(Shift::Week(n)),
            "month" => Some(Shift::Month(n)),
            "year" => Some(Shift::Year(n)),
            _ => None,
        }
    }

    /// The ISO day, week (a range of days, Monday to Sunday), month or year the shift names
    /// from `date`: `Week(-1)` from 2016-07-14 is "2016-07-04/2016-07-10".
    pub(crate) fn resolve(self, date: &str) -> Option<String> {
        let day = parse(date)?;
        match self {
            Shift::Day(n) => Some(iso(day.checked_add(n.days()).ok()?)),
            Shift::Week(n) => {
                let back = i64::from(day.weekday().to_monday_zero_offset());
                let monday = day
                    .checked_sub(back.days())
                    .ok()?
                    .checked_add((7 * n).days())
                    .ok()?;
                let sunday = monday.checked_add(6.days()).ok()?;
                Some(format!("{}/{}", iso(monday), iso(sunday)))
            }
            Shift::Month(n) => {
                let m = day.first_of_month().checked_add(n.months()).ok()?;
                Some(format!("{:04}-{:02}", m.year(), m.month()))
            }
            Shift::Year(n) => Some(format!("{:04}", i64::from(day.year()) + n)),
        }
    }
}

/// Month `month` as the article of `article_date` names it: of the given year, or the latest
/// such month on or before the article ("in July" in an article of April 2020 is 2019-07).
pub(crate) fn month_of(
    article_date: Option<&str>,
    month: u32,
    year: Option<i64>,
) -> Option<String> {
    let year = match year {
        Some(y) => y,
        None => {
            let d = parse(article_date?)?;
            let y = i64::from(d.year());
            if month > u32::try_from(d.month()).ok()? {
                y - 1
            } else {
                y
            }
        }
    };
    Some(format!("{year:04}-{month:02}"))
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
        assert_eq!(
            Shift::Day(-1).resolve("2020-03-01").as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(
            Shift::Day(1).resolve("2019-12-31").as_deref(),
            Some("2020-01-01")
        );
        // A day past the month's end runs on, as the old arithmetic did.
        assert_eq!(
            Shift::Day(0).resolve("2020-02-30").as_deref(),
            Some("2020-03-01")
        );
        assert_eq!(Shift::Day(0).resolve("not a date"), None);
    }

    #[test]
    fn a_shift_names_a_day_a_week_a_month_or_a_year() {
        // 2016-07-14 was a Thursday.
        assert_eq!(Shift::parse("week -1"), Some(Shift::Week(-1)));
        assert_eq!(Shift::parse("-1"), Some(Shift::Day(-1)));
        assert_eq!(Shift::parse("fortnight 1"), None);
        let d = "2016-07-14";
        assert_eq!(Shift::Day(-1).resolve(d).as_deref(), Some("2016-07-13"));
        assert_eq!(
            Shift::Week(-1).resolve(d).as_deref(),
            Some("2016-07-04/2016-07-10")
        );
        assert_eq!(
            Shift::Week(0).resolve(d).as_deref(),
            Some("2016-07-11/2016-07-17")
        );
        assert_eq!(Shift::Month(-7).resolve(d).as_deref(), Some("2015-12"));
        assert_eq!(Shift::Year(-1).resolve(d).as_deref(), Some("2015"));
    }

    #[test]
    fn a_month_is_the_latest_such_month_or_of_its_year() {
        assert_eq!(
            month_of(Some("2020-04-12"), 7, None).as_deref(),
            Some("2019-07")
        );
        assert_eq!(
            month_of(Some("2020-04-12"), 4, None).as_deref(),
            Some("2020-04")
        );
        assert_eq!(month_of(None, 6, Some(2015)).as_deref(), Some("2015-06"));
        assert_eq!(month_of(None, 6, None), None);
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
