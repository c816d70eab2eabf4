//! Dates as embeds display them, in every language the posts stage reads.

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
pub(crate) fn parse_date(s: &str) -> Option<(String, usize)> {
    // 2018年6月6日, 2022년 5월 5일
    for [ys, ms, ds] in [['年', '月', '日'], ['년', '월', '일']] {
        let Some(y) = s.find(ys).filter(|&y| y <= 6) else {
            continue;
        };
        let year: u32 = s[..y].trim().parse().ok()?;
        let rest = &s[y + ys.len_utf8()..];
        let m_at = rest.find(ms)?;
        let m: u32 = rest[..m_at].trim().parse().ok()?;
        let rest2 = &rest[m_at + ms.len_utf8()..];
        let d_at = rest2.find(ds)?;
        let d: u32 = rest2[..d_at].trim().parse().ok()?;
        let used = y + ys.len_utf8() + m_at + ms.len_utf8() + d_at + ds.len_utf8();
        return valid(year, m, d).then(|| (format!("{year:04}-{m:02}-{d:02}"), used));
    }
    let words: Vec<(usize, &str)> = s
        .split_inclusive(char::is_whitespace)
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len();
            Some((at, w))
        })
        .filter(|(_, w)| !w.trim().is_empty())
        // "5 de mayo de 2022", "5 de maio de 2022": the connectors are no part of the date.
        .filter(|(_, w)| !matches!(w.trim(), "de" | "del"))
        .take(3)
        .collect();
    if words.len() < 3 {
        return None;
    }
    let clean = |w: &str| w.trim().trim_end_matches([',', '.']).to_string();
    let (a, b, c) = (clean(words[0].1), clean(words[1].1), clean(words[2].1));
    let year_len = c.chars().take_while(char::is_ascii_digit).count();
    if year_len != 4 {
        return None;
    }
    let year: u32 = c[..4].parse().ok()?;
    let (m, d) = if let Some(m) = month(&a) {
        (m, b.parse::<u32>().ok()?)
    } else {
        (month(&b)?, a.parse::<u32>().ok()?)
    };
    let c_raw = words[2].1;
    let mut used = words[2].0 + c_raw.find(|ch: char| ch.is_ascii_digit())? + 4;
    // "16 мая 2018 г."
    if let Some(rest) = s[used..].strip_prefix(" г.") {
        used = s.len() - rest.len();
    }
    valid(year, m, d).then(|| (format!("{year:04}-{m:02}-{d:02}"), used))
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

pub(super) fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
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
