//! Flattened posts: the attribution lines scrapers leave behind, and `<tweet>` elements.

use super::*;

pub(super) fn bare(platform: Platform, handle: &str, start: usize, end: usize) -> Post {
    Post {
        handle: Some(handle.to_string()),
        ..Post::new(platform.as_str(), start, end)
    }
}

/// Markdown link `[label](url)` at the start of `s`: the label (backslash escapes removed),
/// the url and the bytes used.
pub(super) fn md_link(s: &str) -> Option<(String, String, usize)> {
    let rest = s.strip_prefix('[')?;
    let close = rest.find("](")?;
    let label = rest[..close].replace('\\', "");
    let url_start = close + 2;
    let url_end = rest[url_start..].find(')')? + url_start;
    Some((label, rest[url_start..url_end].to_string(), 1 + url_end + 1))
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

/// `text — Name (@handle) Date` (Twitter, Bluesky) or `Text A post shared by Name (@handle)
/// on Date` (Instagram), with the `(@` at `at` (paragraph-relative).
pub(super) fn attributed(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    at: usize,
) -> Option<Post> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    // Markdown escapes a handle's underscores ("(@frank\\_thelen)"): read through them.
    let bytes = p.as_bytes();
    let mut handle_len = 0;
    while let Some(&b) = bytes.get(at + 2 + handle_len) {
        let escaped = b == b'\\'
            && bytes
                .get(at + 3 + handle_len)
                .is_some_and(|n| matches!(n, b'_' | b'.' | b'-'));
        if escaped {
            handle_len += 2;
        } else if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-') {
            handle_len += 1;
        } else {
            break;
        }
    }
    if handle_len == 0 || handle_len > 60 || bytes.get(at + 2 + handle_len) != Some(&b')') {
        return None;
    }
    let handle = &p[at + 1..at + 2 + handle_len].replace('\\', "");
    let handle = handle.as_str();
    let mut after = at + 3 + handle_len;
    // Markdown: "[A post shared by Name (@handle)](https://www.instagram.com/p/…)".
    let mut link_url = None;
    if let Some(rest) = p[after..].strip_prefix("](")
        && let Some(close) = rest.find(')')
    {
        link_url = Some(rest[..close].to_string());
        after += 2 + close + 1;
    }
    let line_start = p[..at].rfind('\n').map_or(from, |i| i + 1).max(from);
    let before = &p[line_start..at];
    // Instagram: "… shared by Name (@handle) on Jun 16, 2019 at 7:30am PDT".
    let shared = SHARED_BY
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| (i, m.len())))
        .max();
    let mut rest = p[after..].trim_start();
    let mut url = link_url;
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
    let mut lead_alone = shared.is_some() && lead(rest);
    if lead_alone {
        rest = &rest[rest.len()..];
    }
    // … or with "on" on a line of its own too.
    let mut date_para = pi + 1;
    if shared.is_some()
        && rest.is_empty()
        && paragraphs
            .get(pi + 1)
            .is_some_and(|n| lead(&text[n.start..n.end]))
    {
        lead_alone = true;
        date_para = pi + 2;
    }
    let (date, date_end) = if let Some((label, u, used)) = md_link(rest) {
        url = url.or(Some(u));
        (parse_date(&label).map(|d| d.0), used)
    } else {
        match parse_date_unescaped(rest) {
            Some((d, used)) => (Some(d), used),
            None => (None, 0),
        }
    };
    let end = after + (p[after..].len() - rest.len()) + date_end;
    // The date on a line of its own below "— Name (@handle)" (extractors that keep the
    // embed's line breaks).
    let (date, end) = match (date, paragraphs.get(date_para)) {
        (None, Some(next)) if rest.is_empty() && (shared.is_none() || lead_alone) => {
            let line = &text[next.start..next.end];
            // (or a markdown link to the post: "[August 22, 2013](https://…/statuses/…)")
            let linked =
                md_link(line)
                    .filter(|l| l.2 == line.len())
                    .and_then(|(label, u, used)| {
                        parse_date_unescaped(label.trim()).map(|(d, _)| (d, u, used))
                    });
            if let Some((d, u, used)) = linked {
                url = url.or(Some(u));
                (Some(d), next.start + used - para.start)
            } else {
                match parse_date_unescaped(line) {
                    Some((d, used))
                        if used + 1 >= line.len() || lead_alone && timed(&line[used..]) =>
                    {
                        (Some(d), next.start + used - para.start)
                    }
                    _ => (None, end),
                }
            }
        }
        (date, _) => (date, end),
    };
    let mut end = end;
    // "at 7:30am PDT", "um 0:31 Uhr", "at 7:20 PM" after the date belong to the line (the
    // date's line, which may be the next).
    let mut time = None;
    if date.is_some() {
        let tail = &text[(para.start + end).min(text.len())..];
        let line = &tail[..tail.find('\n').unwrap_or(tail.len())];
        if let Some((t, used)) = clock_after_date(line) {
            time = t;
            end += used;
        }
    }
    if let Some((i, len)) = shared {
        {
            let name = before[i + len..].trim();
            let i = if before[..i].ends_with('[') { i - 1 } else { i };
            let body_end = line_start + i;
            let (t, s) = body(doc, pi, free_from, from, body_end, CAPTION).unzip();
            let mut post = bare(
                Platform::Instagram,
                handle,
                s.unwrap_or(para.start + line_start),
                para.start + end,
            );
            // html2text links the name to the profile: "[ Name](https://…/name/)".
            let name = md_link(name)
                .filter(|l| l.2 == name.len())
                .map_or(name.to_string(), |l| l.0.trim().to_string());
            post.author_name = (!name.is_empty()).then_some(name);
            post.date = date;
            post.time = time;
            // The caption linked to the post: "[caption](https://www.instagram.com/p/…)".
            if url.is_none()
                && let Some(t) = &t
                && let Some((_, u, _)) = md_link(t)
                && of_url(&u) == Some(Platform::Instagram)
            {
                url = Some(u);
            }
            post.text = t;
            if let Some(u) = url {
                post.post_id = id_in_url(&u);
                post.url = Some(u);
            }
            return Some(post);
        }
    }
    // Twitter or Bluesky: "— Name (@handle) Date". Without a dash the name must stand at the
    // start of its line; without a date, a dash must introduce a short name (prose that
    // cites a handle has neither).
    if lead_ok {
        return None;
    }
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
    if dash.is_none() && (words > 5 || date.is_none()) {
        return None;
    }
    if date.is_none() && words > 4 {
        return None;
    }
    let body_end = line_start + dash_at;
    let platform = of_handle(handle);
    // Twitter doubled its limit on 7 November 2017; a tweet dated before it is at most 140.
    let limit = match &date {
        Some(d) if platform == Platform::Twitter && d.as_str() < TWITTER_280 => OLD_TWEET,
        _ => SHORT_POST,
    };
    let (t, s) = body(doc, pi, free_from, from, body_end, limit).unzip();
    let mut post = bare(
        platform,
        handle,
        s.unwrap_or(para.start + line_start),
        para.start + end,
    );
    post.author_name = Some(name.to_string());
    post.date = date;
    post.time = time;
    post.media = media(t.as_deref().unwrap_or_default());
    post.text = t;
    if let Some(u) = url {
        post.post_id = id_in_url(&u);
        post.url = Some(u);
    }
    Some(post)
}

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
    let name = sound
        .trim()
        .strip_prefix("original sound")?
        .trim_start()
        .strip_prefix(['-', '–', '—'])?
        .trim();
    (!name.is_empty()).then(|| name.to_string())
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
