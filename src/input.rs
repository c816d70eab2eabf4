//! Input: what the text says about itself before any statement is read — an archive's
//! `date YYYY-MM-DD` header, the dateline (`April 12 (UPI) --`) and a photo credit
//! (`Photo by Name/Agency`). These are metadata, never statements.

use crate::model::{Located, Metadata};
use crate::posts::month;

fn located(text: &str, start: usize, end: usize) -> Located {
    Located {
        text: text[start..end].to_string(),
        start,
        end,
    }
}

/// Read the metadata; `given_date` (from the caller) wins over the header.
pub(crate) fn metadata(text: &str, given_date: Option<&str>) -> Metadata {
    let mut md = Metadata::default();
    let head = text.trim_start();
    let head_at = text.len() - head.len();
    if let Some(rest) = head.strip_prefix("date ")
        && rest.len() >= 10
        && is_iso_date(&rest[..10])
    {
        md.date = Some(rest[..10].to_string());
    }
    if let Some(d) = given_date.filter(|d| is_iso_date(d)) {
        md.date = Some(d.to_string());
    }
    // Photo credit in the first paragraph (a caption glued on by the archive).
    let first_end = text[head_at..]
        .find('\n')
        .map_or(text.len(), |i| head_at + i);
    if let Some(i) = text[head_at..first_end].find("Photo by ") {
        let s = head_at + i;
        let e = text[s..first_end].trim_end().len() + s;
        md.photo_credit = Some(located(text, s, e));
    }
    // Dateline: "Month D (AGENCY) --" at the start of a paragraph within the first few.
    for line_start in std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .take(6)
    {
        let line = &text[line_start..];
        if let Some(e) = dateline_len(line) {
            md.dateline = Some(located(text, line_start, line_start + e));
            break;
        }
    }
    md
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// "April 12 (UPI) --", "LONDON, 14 June (Agency) --": the length of a dateline at the start
/// of `line`.
fn dateline_len(line: &str) -> Option<usize> {
    // An optional place in capitals, then a comma.
    let mut rest = line;
    // (the comma within the first 40 bytes: only they are searched, not the whole text after
    // the line's start)
    let head = &line.as_bytes()[..line.len().min(42)];
    if let Some(comma) = memchr::memmem::find(head, b", ")
        && comma <= 40
        && line[..comma]
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
    {
        rest = &line[comma + 2..];
    }
    let mut words = rest.splitn(3, ' ');
    let (a, b) = (words.next()?, words.next()?);
    let is_day = |d: &str| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit());
    // (the day, a test of a few bytes, before the month, a look-up)
    if !(is_day(b) && month(a).is_some() || is_day(a) && month(b).is_some()) {
        return None;
    }
    let rest = words.next()?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let after = rest[close + 1..].trim_start();
    let dash = ["--", "—", "–", "-"]
        .iter()
        .find(|d| after.starts_with(**d))?;
    Some(line.len() - after.len() + dash.len())
}

/// The ISO date a dateline names, in the year of `article_date`.
pub(crate) fn dateline_date(dateline: &str, article_date: &str) -> Option<String> {
    let words: Vec<&str> = dateline
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    let (m, d) = words.windows(2).find_map(|w| {
        let day = |s: &str| s.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        match (month(w[0]), day(w[1]), day(w[0]), month(w[1])) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => Some((m, d)),
            _ => None,
        }
    })?;
    Some(format!("{}-{m:02}-{d:02}", article_date.get(..4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_dateline_and_photo_credit() {
        let text = " date 2020-04-13 Caption. Photo by A B/EPA-EFE\n\nApril 12 (UPI) -- The story.";
        let md = metadata(text, None);
        assert_eq!(md.date.as_deref(), Some("2020-04-13"));
        assert_eq!(md.photo_credit.unwrap().text, "Photo by A B/EPA-EFE");
        let dl = md.dateline.unwrap();
        assert_eq!(dl.text, "April 12 (UPI) --");
        assert_eq!(
            dateline_date(&dl.text, "2020-04-13").as_deref(),
            Some("2020-04-12")
        );
    }

    #[test]
    fn dateline_with_a_place_and_day_first() {
        let text = "Title\n\nLONDON, 14 June (Whosaid Wire) -- A ferry.";
        let dl = metadata(text, None).dateline.unwrap();
        assert_eq!(dl.text, "LONDON, 14 June (Whosaid Wire) --");
        assert_eq!(
            dateline_date(&dl.text, "2020-01-01").as_deref(),
            Some("2020-06-14")
        );
    }

    #[test]
    fn no_metadata_in_plain_text() {
        let md = metadata("He said so.", None);
        assert_eq!(md, Metadata::default());
    }
}
