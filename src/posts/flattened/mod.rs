//! Flattened posts: the attribution lines scrapers leave behind, and `<tweet>` elements.
//! Candidates are found by the scanner (`memchr` on `(@`, "Posted by ", "♬"); the nom rules
//! here read them.

use nom::bytes::complete::{tag, take_until};
use nom::character::complete::{char, one_of};
use nom::combinator::rest;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::*;

mod attribution;

pub(super) use attribution::attributed;

/// A parse over a string slice, with no error detail.
type Parsed<'a, O> = IResult<&'a str, O, ()>;

pub(super) fn bare(platform: Platform, handle: &str, start: usize, end: usize) -> Post {
    Post {
        handle: Some(handle.to_string()),
        ..Post::new(platform.as_str(), start, end)
    }
}

/// Markdown link `[label](url)` at the start of `s`: the label (backslash escapes removed),
/// the url and the bytes used ("[August 22, 2013](https://twitter.com/x/status/1)").
pub(super) fn md_link(s: &str) -> Option<(String, String, usize)> {
    let (rest, (label, url)) = (preceded(char('['), take_until("](")), link_target)
        .parse(s)
        .ok()?;
    Some((
        label.replace('\\', ""),
        url.to_string(),
        s.len() - rest.len(),
    ))
}

/// The target that closes a markdown link, from its "](" on: "](https://x.com/a)".
fn link_target(i: &str) -> Parsed<'_, &str> {
    delimited(tag("]("), take_until(")"), char(')')).parse(i)
}

/// Markers of an Instagram attribution line ("A post shared by Name (@handle)").
pub(super) const SHARED_BY: [&str; 8] = [
    "A post shared by ",
    "Ein Beitrag geteilt von ",
    "Une publication partagée par ",
    "Una publicación compartida por ",
    "Un post condiviso da ",
    "Een bericht gedeeld door ",
    "Uma publicação compartilhada por ",
    "a post shared by ",
];

/// A flattened TikTok embed, "@handle Caption ♬ original sound - name", with the `♬` at
/// `at` (paragraph-relative). The handle opens the caption's line, or a line at most three
/// above it; the sound's line ends the post. "original sound - NAME" names the poster.
pub(super) fn tiktok(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    at: usize,
) -> Option<Post> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    let sound = p[at + "♬".len()..].trim();
    let sound_end = para.end;
    // The handle: the last "@name" that starts a line (or follows the previous post).
    let is_handle = |s: &str| {
        let h = s.strip_prefix('@')?;
        let len = h
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count();
        (len > 0 && h[len..].chars().next().is_none_or(char::is_whitespace)).then(|| 1 + len)
    };
    let first = pi.saturating_sub(3).max(free_from);
    let mut found = None;
    for j in (first..=pi).rev() {
        let q = paragraphs[j];
        let line_start = if j == pi { para.start + from } else { q.start };
        let line = text[line_start..q.end].trim_start_matches(['>', ' ']);
        let ls = q.end - line.len();
        if let Some(len) = is_handle(line) {
            found = Some((ls, len));
            break;
        }
    }
    let (hs, hlen) = found?;
    let handle = &text[hs..hs + hlen];
    let caption_end = para.start + at;
    let caption = text[hs + hlen..caption_end]
        .lines()
        .map(|l| l.trim_start_matches('>').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut post = bare(Platform::Tiktok, handle, hs, sound_end);
    post.text = (!caption.is_empty()).then_some(caption);
    post.author_name = original_sound(sound);
    Some(post)
}

/// "original sound - NAME": the poster's name, as TikTok labels a sound of their own.
pub(crate) fn original_sound(sound: &str) -> Option<String> {
    let label = (space, tag("original sound"), space, one_of("-–—"));
    let (_, name) = preceded(label, rest).parse(sound).ok()?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// White space as `str::trim` knows it, none or more: "  ".
fn space(i: &str) -> Parsed<'_, &str> {
    nom::bytes::complete::take_while(char::is_whitespace).parse(i)
}

/// "Posted by Name on Monday, February 7, 2022" (Facebook), `Posted by` at `at`.
pub(super) fn facebook(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    at: usize,
) -> Option<Post> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    let rest = &p[at + "Posted by ".len()..];
    let (name, after_name) = if let Some((label, _, used)) = md_link(rest) {
        (label, used)
    } else {
        let on = rest.find(" on")?;
        (rest[..on].trim().to_string(), on)
    };
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let tail = rest[after_name..]
        .trim_start()
        .strip_prefix("on")?
        .trim_start_matches(['\u{a0}', ' ']);
    let tail_at = p.len() - tail.len();
    let (label, url, used) = match md_link(tail) {
        Some((l, u, used)) => (l, Some(u), used),
        None => {
            let line_end = tail.find('\n').unwrap_or(tail.len());
            (tail[..line_end].to_string(), None, 0)
        }
    };
    // "Monday, February 7, 2022": the weekday goes.
    let date_text = without_weekday(&label);
    let (date, date_used) = parse_date(date_text)?;
    let end = tail_at
        + if used > 0 {
            used
        } else {
            label.len() - date_text.len() + date_used
        };
    let (t, s) = body(doc, pi, free_from, from, at, CAPTION).unzip();
    let mut post = bare(
        Platform::Facebook,
        "",
        s.unwrap_or(para.start + at),
        para.start + end.min(p.len()),
    );
    post.handle = None;
    post.author_name = Some(name);
    post.date = Some(date);
    post.text = t;
    if let Some(u) = url {
        post.post_id = id_in_url(&u);
        post.url = Some(u);
    }
    Some(post)
}

pub(super) fn attr<'a>(tag: &'a str, names: &[&str]) -> Option<&'a str> {
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
pub(super) fn tweet_element(text: &str, start: usize, end: usize) -> Post {
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
        handle: attr(tag, &["author", "tweet-author"]).map(str::to_string),
        date,
        text: (!body.is_empty()).then(|| body.to_string()),
        post_id: attr(tag, &["id", "tweet-id", "tweet_id"]).map(str::to_string),
        ..Post::new(Platform::Twitter.as_str(), start, end)
    }
}
