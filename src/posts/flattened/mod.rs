//! Flattened posts: the attribution lines scrapers leave behind, and `<tweet>` elements.
//! Candidates are found by the scanner (`memchr` on `(@`, "Posted by ", "♬"); the nom rules
//! here read them.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, recognize, rest};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::*;

mod attribution;
mod links;

pub(super) use attribution::attributed;
pub(super) use links::any_link;
use links::{Target, definition, target, unescaped};

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
    let (rest, (label, url)) = md_link_parts(s).ok()?;
    Some((
        label.replace('\\', ""),
        url.to_string(),
        s.len() - rest.len(),
    ))
}

/// A markdown link's label and target as written: "[Jane Doe](https://…)".
fn md_link_parts(i: &str) -> Parsed<'_, (&str, &str)> {
    (preceded(char('['), take_until("](")), link_target).parse(i)
}

/// The target that closes a markdown link, from its "](" on: "](https://x.com/a)".
fn link_target(i: &str) -> Parsed<'_, &str> {
    delimited(tag("]("), take_until(")"), char(')')).parse(i)
}

/// Markers of an Instagram attribution line ("A post shared by Name (@handle)"; the class
/// `posts_shared_by` of `lexicon/classes/posts.txt`).
pub(super) static SHARED_BY: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| phrases(Class::PostsSharedBy, " "));

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
    let is_handle = |s: &str| line_handle(s).ok().map(|(_, h)| h.len());
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
    post.text_start = post.text.as_ref().map(|_| TextStart::Marked);
    post.author_name = original_sound(sound);
    Some(post)
}

/// A TikTok handle that opens a line, a word of its own: "@usher" of "@usher Caption".
fn line_handle(i: &str) -> Parsed<'_, &str> {
    let name = take_while1(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    let handle = recognize((char('@'), name));
    terminated(handle, not(satisfy(|c: char| !c.is_whitespace()))).parse(i)
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
    take_while(char::is_whitespace).parse(i)
}

/// The name after Facebook's "Posted by ": a markdown link's label ("[Jane Doe](…)") or
/// the words before " on" ("Jane Doe on Monday").
fn posted_name(i: &str) -> Parsed<'_, String> {
    let linked = md_link_parts.map(|(label, _)| label.replace('\\', ""));
    let plain = take_until(" on").map(|n: &str| unescaped(n.trim()));
    alt((linked, plain)).parse(i)
}

/// The "on" that leads Facebook's date, the spaces around it (no-break spaces after it
/// too): " on\u{a0}Monday".
fn date_on(i: &str) -> Parsed<'_, &str> {
    let after = take_while(|c: char| c == '\u{a0}' || c == ' ');
    terminated(preceded(space, tag("on")), after).parse(i)
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
    let (tail, name) = posted_name(rest).ok()?;
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let (tail, _) = date_on(tail).ok()?;
    let tail_at = p.len() - tail.len();
    let (label, url, used) = match md_link(tail) {
        Some((l, u, used)) => (l, Some(u), used),
        None => {
            let tail = &tail[..tail.floor_char_boundary(attribution::LINE_REACH)];
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
    let (t, s, how) = Body::split(body(doc, pi, free_from, from, at, CAPTION));
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
    post.text_start = how;
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
        text_start: (!body.is_empty()).then_some(TextStart::Marked),
        post_id: attr(tag, &["id", "tweet-id", "tweet_id"]).map(str::to_string),
        ..Post::new(Platform::Twitter.as_str(), start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_of_flattened_posts() {
        assert_eq!(
            md_link_parts("[Jane](https://x.com/a) b"),
            Ok((" b", ("Jane", "https://x.com/a")))
        );
        assert_eq!(
            link_target("](https://x.com/a)"),
            Ok(("", "https://x.com/a"))
        );
        assert_eq!(line_handle("@usher Caption"), Ok((" Caption", "@usher")));
        assert!(line_handle("@usher, Caption").is_err());
        assert_eq!(
            posted_name("Jane Doe on Monday"),
            Ok((" on Monday", "Jane Doe".to_string()))
        );
        assert_eq!(date_on(" on\u{a0}Monday"), Ok(("Monday", "on")));
        assert_eq!(
            original_sound("original sound - Usher").as_deref(),
            Some("Usher")
        );
    }
}
