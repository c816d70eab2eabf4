//! The attribution line of a flattened post, read from its handle: `text — Name (@handle)
//! Date` (Twitter, Bluesky) or `Text A post shared by Name (@handle) on Date` (Instagram).
//! The steps, in order: the handle and what links it ([`head`]), the date and time after it,
//! on its line or the next ([`dated`]), then the post of the one form or the other
//! ([`shared_post`], [`dashed_post`]).

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{recognize, verify};
use nom::multi::many1;
use nom::sequence::{delimited, preceded};

use super::*;

/// How far an attribution's line is read from its handle, either way (bytes): further than
/// any post's text and attribution reach on one line.
pub(super) const LINE_REACH: usize = 4_000;

/// The attribution around a handle.
struct Head<'a> {
    /// "@handle", markdown's escapes removed.
    handle: String,
    /// Where the attribution goes on after the handle (and a markdown link's target),
    /// paragraph-relative.
    after: usize,
    /// The post's address, when the attribution links to it.
    url: Option<String>,
    /// Where the attribution's line starts, paragraph-relative (not before `from`).
    line_start: usize,
    /// The line before the handle.
    before: &'a str,
    /// The Instagram marker in `before` ("A post shared by "): its offset and length.
    shared: Option<(usize, usize)>,
}

/// The date and time after a handle, and where the attribution ends (paragraph-relative).
struct Dated {
    date: Option<String>,
    time: Option<String>,
    end: usize,
    /// A date lead ("on", "am") stood after the handle: an Instagram form.
    lead_ok: bool,
}

/// `text — Name (@handle) Date` (Twitter, Bluesky) or `Text A post shared by Name (@handle)
/// on Date` (Instagram), with the `(@` at `at` (paragraph-relative).
pub(in crate::posts) fn attributed(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    at: usize,
) -> Option<Post> {
    let mut head = head(doc, pi, from, at)?;
    let dated = dated(doc, pi, &mut head);
    if head.shared.is_some() {
        return Some(shared_post(doc, pi, free_from, from, head, dated));
    }
    dashed_post(doc, pi, free_from, from, head, dated)
}

/// A handle in parentheses, read through markdown's escapes, at most 60 bytes:
/// "(@frank\\_thelen)" is "@frank_thelen".
fn handle(i: &str) -> Parsed<'_, String> {
    let escaped = recognize(preceded(char('\\'), one_of("_.-")));
    let plain = recognize(satisfy(|c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
    }));
    let name = verify(recognize(many1(alt((escaped, plain)))), |n: &str| {
        n.len() <= 60
    });
    delimited(tag("(@"), name, char(')'))
        .map(|n: &str| format!("@{}", n.replace('\\', "")))
        .parse(i)
}

/// The handle at `at` and the line it ends: "— Name (@handle)", "[A post shared by Name
/// (@handle)](https://www.instagram.com/p/…)".
fn head<'a>(doc: &Doc<'a>, pi: usize, from: usize, at: usize) -> Option<Head<'a>> {
    let para = doc.paragraphs[pi];
    let p = &doc.text[para.start..para.end];
    let (rest, handle) = handle(&p[at..]).ok()?;
    let mut after = p.len() - rest.len();
    let mut url = None;
    if let Ok((rest, t)) = target(&p[after..]) {
        url = match t {
            Target::Inline(u) => Some(u.to_string()),
            Target::Reference(name) => definition(doc.text, name).map(str::to_string),
        };
        after = p.len() - rest.len();
    }
    // The line is read back at most `LINE_REACH` bytes: a run-on paragraph costs each handle a
    // bounded read (linear time).
    let reach = p.floor_char_boundary(at.saturating_sub(LINE_REACH));
    let line_start = p[reach..at]
        .rfind('\n')
        .map_or(from.max(reach), |i| reach + i + 1)
        .max(from);
    let before = &p[line_start..at];
    // Instagram: "… shared by Name (@handle) on Jun 16, 2019 at 7:30am PDT".
    let shared = SHARED_BY
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| (i, m.len())))
        .max();
    Some(Head {
        handle,
        after,
        url,
        line_start,
        before,
        shared,
    })
}

/// The date after the handle, on its line or on the line below, and the time after the
/// date: "(@handle) April 8, 2020", "(@handle) on Jun 16, 2019 at 7:30am PDT".
fn dated(doc: &Doc, pi: usize, head: &mut Head) -> Dated {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    let mut rest = p[head.after..].trim_start();
    let mut lead_ok = false;
    for l in DATE_LEADS {
        if let Some(r) = rest.strip_prefix(l) {
            rest = r.trim_start();
            lead_ok = true;
        }
    }
    // "A post shared by Name (@handle) on" with its date on the next line (an extractor that
    // puts each of the embed's text nodes on a line of its own).
    let lead = |s: &str| DATE_LEADS.iter().any(|l| s == l.trim_end());
    let mut lead_alone = head.shared.is_some() && lead(rest);
    if lead_alone {
        rest = &rest[rest.len()..];
    }
    // … or with "on" on a line of its own too.
    let mut date_para = pi + 1;
    if head.shared.is_some()
        && rest.is_empty()
        && paragraphs
            .get(pi + 1)
            .is_some_and(|n| lead(&text[n.start..n.end]))
    {
        lead_alone = true;
        date_para = pi + 2;
    }
    // (the link read in the whole text: its label may go on over the lines below)
    let rest_at = para.start + p.len() - rest.len();
    let (date, date_end) = if let Some((label, u, used)) = any_link(&text[rest_at..], text) {
        head.url = head.url.take().or(u);
        (parse_date(&label).map(|d| d.0), used)
    } else {
        match parse_date_unescaped(rest) {
            Some((d, used)) => (Some(d), used),
            None => (None, 0),
        }
    };
    let end = head.after + (p[head.after..].len() - rest.len()) + date_end;
    // The date on a line of its own below "— Name (@handle)" (extractors that keep the
    // embed's line breaks).
    let below = match (&date, paragraphs.get(date_para)) {
        (None, Some(next)) if rest.is_empty() && (head.shared.is_none() || lead_alone) => {
            date_below(doc, *next, lead_alone, &mut head.url)
        }
        _ => None,
    };
    let (date, mut end) = match below {
        Some((d, next_end)) => (Some(d), next_end - para.start),
        None => (date, end),
    };
    // "at 7:30am PDT", "um 0:31 Uhr", "at 7:20 PM" after the date belong to the line (the
    // date's line, which may be the next).
    let mut time = None;
    if date.is_some() {
        let tail = &text[(para.start + end).min(text.len())..];
        let tail = &tail[..tail.floor_char_boundary(LINE_REACH)];
        let line = &tail[..tail.find('\n').unwrap_or(tail.len())];
        if let Some((t, used)) = clock_after_date(line) {
            time = t;
            end += used;
        }
    }
    Dated {
        date,
        time,
        end,
        lead_ok,
    }
}

/// A date alone on the line `next` ("April 8, 2020", "[August 22, 2013](https://…/statuses/…)",
/// or after a lead alone above it, "Jun 16, 2019 at 7:30am PDT"): the date and where it ends
/// in the text; a linked date gives `url` the post's address.
fn date_below(
    doc: &Doc,
    next: Span,
    lead_alone: bool,
    url: &mut Option<String>,
) -> Option<(String, usize)> {
    let line = &doc.text[next.start..next.end];
    // A linked date alone on its line(s): "[April 8, 2020](…)", "[> May 2, 2021" / "](…)".
    let after_link = |used: usize| {
        let rest = &doc.text[next.start + used..];
        rest[..rest.find('\n').unwrap_or(rest.len())]
            .trim()
            .is_empty()
    };
    let linked = any_link(&doc.text[next.start..], doc.text)
        .filter(|l| after_link(l.2))
        .and_then(|(label, u, used)| parse_date_unescaped(label.trim()).map(|(d, _)| (d, u, used)));
    if let Some((d, u, used)) = linked {
        *url = url.take().or(u);
        return Some((d, next.start + used));
    }
    match parse_date_unescaped(line) {
        Some((d, used)) if used + 1 >= line.len() || lead_alone && timed(&line[used..]) => {
            Some((d, next.start + used))
        }
        _ => None,
    }
}

/// An Instagram post: "Caption A post shared by Name (@handle) on Date".
fn shared_post(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    head: Head,
    dated: Dated,
) -> Post {
    let para = doc.paragraphs[pi];
    let (i, len) = head.shared.unwrap_or_default();
    let name = head.before[i + len..].trim();
    let i = if head.before[..i].ends_with('[') {
        i - 1
    } else {
        i
    };
    let body_end = head.line_start + i;
    let (t, s, how) = Body::split(body(doc, pi, free_from, from, body_end, CAPTION));
    let mut post = bare(
        Platform::Instagram,
        &head.handle,
        s.unwrap_or(para.start + head.line_start),
        para.start + dated.end,
    );
    // html2text links the name to the profile: "[ Name](https://…/name/)".
    let name = md_link(name)
        .filter(|l| l.2 == name.len())
        .map_or(unescaped(name), |l| l.0.trim().to_string());
    post.author_name = (!name.is_empty()).then_some(name);
    post.date = dated.date;
    post.time = dated.time;
    // The caption linked to the post: "[caption](https://www.instagram.com/p/…)".
    let mut url = head.url;
    if url.is_none()
        && let Some(t) = &t
        && let Some((_, u, _)) = md_link(t)
        && of_url(&u) == Some(Platform::Instagram)
    {
        url = Some(u);
    }
    post.text = t;
    post.text_start = how;
    if let Some(u) = url {
        post.post_id = id_in_url(&u);
        post.url = Some(u);
    }
    post
}

/// The name before a handle, after the dash that opens the attribution ("— ONSC Press"),
/// and the dash's offset (0 without one). Without a dash the name must stand at the start of
/// its line; without a date, a dash must introduce a short name (prose that cites a handle
/// has neither).
fn dashed_name(before: &str, dated: bool) -> Option<(&str, usize)> {
    let dash = ["—", "&mdash;", "--", "–", " - "]
        .iter()
        .filter_map(|d| before.rfind(d).map(|i| (i, d.len())))
        .max_by_key(|(i, _)| *i);
    let (dash_at, dash_len) = dash.unwrap_or((0, 0));
    let name = before[dash_at + dash_len..]
        .trim()
        .trim_start_matches('>')
        .trim();
    let words = name.split_whitespace().count();
    if name.is_empty() || name.chars().count() > 60 || words > 8 {
        return None;
    }
    if dash.is_none() && (words > 5 || !dated) {
        return None;
    }
    if !dated && words > 4 {
        return None;
    }
    Some((name, dash_at))
}

/// A tweet or a Bluesky post: "text — Name (@handle) Date".
fn dashed_post(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    head: Head,
    dated: Dated,
) -> Option<Post> {
    if dated.lead_ok {
        return None;
    }
    let para = doc.paragraphs[pi];
    let (name, dash_at) = dashed_name(head.before, dated.date.is_some())?;
    let body_end = head.line_start + dash_at;
    let platform = of_handle(&head.handle);
    // Twitter doubled its limit on 7 November 2017; a tweet dated before it is at most 140.
    let limit = match &dated.date {
        Some(d) if platform == Platform::Twitter && d.as_str() < TWITTER_280 => OLD_TWEET,
        _ => SHORT_POST,
    };
    let (t, s, how) = Body::split(body(doc, pi, free_from, from, body_end, limit));
    let mut post = bare(
        platform,
        &head.handle,
        s.unwrap_or(para.start + head.line_start),
        para.start + dated.end,
    );
    post.author_name = Some(unescaped(name));
    post.date = dated.date;
    post.time = dated.time;
    post.media = media(t.as_deref().unwrap_or_default());
    post.text = t;
    post.text_start = how;
    if let Some(u) = head.url {
        post.post_id = id_in_url(&u);
        post.url = Some(u);
    }
    Some(post)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_through_markdown_escapes() {
        assert_eq!(
            handle("(@frank\\_thelen) x"),
            Ok((" x", "@frank_thelen".to_string()))
        );
        assert!(handle("(@)").is_err());
        assert!(handle("(@a b)").is_err());
        assert!(handle(&format!("(@{})", "a".repeat(61))).is_err());
    }

    #[test]
    fn names_after_their_dash() {
        assert_eq!(
            dashed_name("containment. pic.twitter.com/3K3qa2NZfm— ONSC Press ", true),
            Some(("ONSC Press", 39))
        );
        assert_eq!(dashed_name("as @x said in a post about ", false), None);
    }
}
