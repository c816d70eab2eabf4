//! Embedded social posts, found before quotations so that a post's own quotation marks are
//! not taken for the article's.
//!
//! Two forms are read here:
//! - a flattened tweet, the way scrapers leave an embed behind:
//!   `text pic.twitter.com/xyz— Name (@handle) April 8, 2020` (the dash may be `—`, `--`,
//!   `&mdash;` or spaced); candidates are found with `memchr` on `(@`;
//! - a `<tweet …>text</tweet>` element, the form some corpora store embeds in.
//!
//! Each post's span is masked for the later stages.

use crate::lexicon::LEXICON;
use crate::model::{Post, Span};

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
    // 2018年6月6日
    if let Some(y) = s.find('年') {
        let year: u32 = s[..y].trim().parse().ok()?;
        let rest = &s[y + '年'.len_utf8()..];
        let m_at = rest.find('月')?;
        let m: u32 = rest[..m_at].trim().parse().ok()?;
        let rest2 = &rest[m_at + '月'.len_utf8()..];
        let d_at = rest2.find('日')?;
        let d: u32 = rest2[..d_at].trim().parse().ok()?;
        let used = y + '年'.len_utf8() + m_at + '月'.len_utf8() + d_at + '日'.len_utf8();
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

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Markup left in a text (`<span class="x">`, `</p>`): masked like posts, so that attribute
/// values are never taken for quotations.
pub(crate) fn markup(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for i in memchr::memchr_iter(b'<', text.as_bytes()) {
        if out.last().is_some_and(|s: &Span| i < s.end) {
            continue;
        }
        let rest = &text.as_bytes()[i + 1..];
        let starts_tag = rest
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
        if !starts_tag {
            continue;
        }
        let Some(close) = rest
            .iter()
            .take(1000)
            .position(|b| *b == b'>' || *b == b'\n' || *b == b'<')
        else {
            continue;
        };
        if rest[close] == b'>' {
            out.push(Span {
                start: i,
                end: i + close + 2,
            });
        }
    }
    out
}

/// Find posts in `text`, paragraph by paragraph.
pub(crate) fn find(text: &str, paragraphs: &[Span]) -> Vec<Post> {
    let mut out = Vec::new();
    for &para in paragraphs {
        let p = &text[para.start..para.end];
        let mut from = 0; // where the next post's text may begin, within the paragraph
        for at in memchr::memmem::find_iter(p.as_bytes(), b"(@") {
            if at < from {
                continue;
            }
            if let Some(post) = flattened_tweet(text, para, from, at) {
                from = post.end - para.start;
                out.push(post);
            }
        }
        let mut search = 0;
        while let Some(i) = p[search..].find("<tweet") {
            let s = search + i;
            let Some(open_len) = p[s..].find('>').map(|i| i + 1) else {
                break;
            };
            // <tweet …/>, or <tweet …>text</tweet> (some corpora write <tweet/> to close).
            let e = if p[s..s + open_len].ends_with("/>") {
                s + open_len
            } else {
                let body = s + open_len;
                match ["</tweet>", "<tweet/>"]
                    .iter()
                    .filter_map(|c| p[body..].find(c).map(|i| body + i + c.len()))
                    .min()
                {
                    Some(e) => e,
                    None => break,
                }
            };
            out.push(tweet_element(text, para.start + s, para.start + e));
            search = e;
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

/// `text— Name (@handle) Date` with the handle's `(@` at `at` (paragraph-relative).
fn flattened_tweet(text: &str, para: Span, from: usize, at: usize) -> Option<Post> {
    let p = &text[para.start..para.end];
    let handle_len = p[at + 2..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if handle_len == 0 || handle_len > 15 || p.as_bytes().get(at + 2 + handle_len) != Some(&b')') {
        return None;
    }
    let handle = &p[at + 1..at + 2 + handle_len];
    let after = at + 3 + handle_len;
    let rest = p[after..].trim_start();
    let (date, used) = parse_date(rest)?;
    let end = after + (p[after..].len() - rest.len()) + used;
    // The author's name runs back from "(@" to the dash.
    let before = &p[from..at];
    let (dash_at, dash_len) = ["—", "&mdash;", "--", "–"]
        .iter()
        .filter_map(|d| before.rfind(d).map(|i| (i, d.len())))
        .max_by_key(|(i, _)| *i)?;
    let name = before[dash_at + dash_len..].trim();
    if name.is_empty() || name.len() > 60 {
        return None;
    }
    let body = before[..dash_at].trim();
    let body_start = from + (before[..dash_at].len() - before[..dash_at].trim_start().len());
    let media: Vec<String> = body
        .split_whitespace()
        .filter_map(|w| w.find("pic.twitter.com/").map(|i| w[i..].to_string()))
        .collect();
    Some(Post {
        platform: "twitter".into(),
        author_name: Some(name.to_string()),
        handle: Some(handle.to_string()),
        date: Some(date),
        time: None,
        text: (!body.is_empty()).then(|| body.to_string()),
        url: None,
        post_id: None,
        media,
        start: para.start + body_start,
        end: para.start + end,
    })
}

fn attr<'a>(tag: &'a str, names: &[&str]) -> Option<&'a str> {
    for name in names {
        let key = format!("{name}=\"");
        if let Some(i) = tag.find(&key) {
            let v = &tag[i + key.len()..];
            return v.find('"').map(|e| &v[..e]).filter(|v| !v.is_empty());
        }
    }
    None
}

/// `<tweet id="…" author="@x" datetime="2016-06-29">text</tweet>`
fn tweet_element(text: &str, start: usize, end: usize) -> Post {
    let s = &text[start..end];
    let open_end = s.find('>').map_or(s.len(), |i| i + 1);
    let tag = &s[..open_end];
    let close = if s.ends_with("</tweet>") || s.ends_with("<tweet/>") {
        8
    } else {
        0
    };
    let body = s[open_end.min(s.len() - close)..s.len() - close].trim();
    let date = attr(tag, &["datetime", "tweet-date", "date"]).and_then(|d| {
        if d.len() >= 10 && d.as_bytes()[4] == b'-' {
            Some(d[..10].to_string())
        } else {
            parse_date(d).map(|(d, _)| d)
        }
    });
    Post {
        platform: "twitter".into(),
        author_name: None,
        handle: attr(tag, &["author", "tweet-author"]).map(str::to_string),
        date,
        time: None,
        text: (!body.is_empty()).then(|| body.to_string()),
        url: None,
        post_id: attr(tag, &["id", "tweet-id", "tweet_id"]).map(str::to_string),
        media: Vec::new(),
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    #[test]
    fn dates_in_english_forms() {
        assert_eq!(parse_date("April 8, 2020 more").unwrap().0, "2020-04-08");
        assert_eq!(parse_date("8 April 2020").unwrap().0, "2020-04-08");
        assert_eq!(parse_date("Sept. 11, 2001").unwrap().0, "2001-09-11");
        assert!(parse_date("April the 8th").is_none());
        assert_eq!(parse_date("25. September 2018").unwrap().0, "2018-09-25");
        assert_eq!(parse_date("16 мая 2018 г.").unwrap().0, "2018-05-16");
        assert_eq!(parse_date("2018年6月6日").unwrap().0, "2018-06-06");
        assert_eq!(
            parse_date("23. Okt 2017 um 0:31 Uhr").unwrap().0,
            "2017-10-23"
        );
    }

    #[test]
    fn flattened_tweet_glued_to_its_media_link() {
        let text = "Intro paragraph.\n\nPrisoners were released. pic.twitter.com/3K3qa2NZfm— ONSC Press (@NSCAfghan) April 8, 2020\n\nNext.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("ONSC Press"));
        assert_eq!(p.handle.as_deref(), Some("@NSCAfghan"));
        assert_eq!(p.date.as_deref(), Some("2020-04-08"));
        assert_eq!(p.media, ["pic.twitter.com/3K3qa2NZfm"]);
        assert_eq!(
            p.text.as_deref(),
            Some("Prisoners were released. pic.twitter.com/3K3qa2NZfm")
        );
        assert!(text[p.start..p.end].ends_with("2020"));
    }

    #[test]
    fn a_handle_in_prose_is_not_a_post() {
        let text = "The account (@NSCAfghan) posted on April 8, 2020 about it.";
        assert!(find(text, &paragraphs(text)).is_empty());
    }

    #[test]
    fn markup_is_masked() {
        let text = "a <b class=\"x\">bold</b> c < d";
        let m = markup(text);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].start..m[0].end], "<b class=\"x\">");
    }

    #[test]
    fn tweet_element_closed_the_other_way() {
        let text = "<tweet tweet-id=\"67\"><tweet/>. <tweet tweet-author=\"@a\" tweet-date=\"March 9, 2016\">Hi there<tweet/>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[1].text.as_deref(), Some("Hi there"));
        assert_eq!(posts[1].date.as_deref(), Some("2016-03-09"));
    }

    #[test]
    fn tweet_element() {
        let text =
            "<tweet id=\"7\" author=\"@AP\" datetime=\"2016-08-23\">BREAKING: \"x\"</tweet>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].handle.as_deref(), Some("@AP"));
        assert_eq!(posts[0].post_id.as_deref(), Some("7"));
        assert_eq!(posts[0].date.as_deref(), Some("2016-08-23"));
    }
}
