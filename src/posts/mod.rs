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
pub(crate) mod author_kind;

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
fn parse_date_unescaped(s: &str) -> Option<(String, usize)> {
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
/// The document the post readers look at: its text and its lines.
struct Doc<'a> {
    text: &'a str,
    paragraphs: &'a [Span],
}

/// The markers the post readers start from, built once.
static MARKERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 5]> =
    std::sync::LazyLock::new(|| {
        ["(@", "Posted by ", "Post by @", "♬", "<tweet"].map(memchr::memmem::Finder::new)
    });

pub(crate) fn find(text: &str, paragraphs: &[Span]) -> Vec<Post> {
    match unwrapped_quotes(text) {
        // Markdown wrapped to a width: the posts are read in the unwrapped view, whose
        // offsets are the text's own.
        Some(view) => {
            let mut posts = find_in(&view, &crate::segment::paragraphs(&view));
            for post in &mut posts {
                for field in [&mut post.text, &mut post.author_name]
                    .into_iter()
                    .flatten()
                {
                    *field = rejoined(field);
                }
            }
            posts
        }
        None => find_in(text, paragraphs),
    }
}

/// `text` with the soft line breaks of its markdown quotations unwrapped (html2text wraps
/// lines at 78 columns by default: `> — Name (@handle) [25\. September` and `> 2018](…)`), or
/// none where it has none. A line break inside a quotation's paragraph, not after a hard
/// break (two spaces: a `<br>`), and the `>` that continues the quotation become spaces, so
/// that every offset stays the text's.
fn unwrapped_quotes(text: &str) -> Option<String> {
    // Most texts hold no quotation marker at all.
    memchr::memchr(b'>', text.as_bytes())?;
    let quoted = |l: &str| {
        let t = l.trim_start();
        t.starts_with('>') && !t.trim_start_matches(['>', ' ']).trim().is_empty()
    };
    let mut view: Option<Vec<u8>> = None;
    let mut at = 0;
    let mut prev: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        if let Some(p) = prev
            && quoted(p)
            && quoted(line)
            && !p.trim_end_matches(['\n', '\r']).ends_with("  ")
        {
            let v = view.get_or_insert_with(|| text.as_bytes().to_vec());
            // The line break before this line, and the line's markers and indentation.
            let nl = at - 1;
            v[nl] = b' ';
            if nl > 0 && v[nl - 1] == b'\r' {
                v[nl - 1] = b' ';
            }
            let marks = line.len() - line.trim_start_matches(['>', ' ', '\t']).len();
            v[at..at + marks].fill(b' ');
        }
        prev = Some(line);
        at += line.len();
    }
    // Only ASCII bytes were replaced by spaces: the view is still UTF-8.
    view.and_then(|v| String::from_utf8(v).ok())
}

/// A field read in the unwrapped view, its white space collapsed and a word wrapped after
/// its hyphen whole again ("Rendi-" and "Wagner" on two lines: "Rendi-Wagner"; a wrap leaves
/// a run of spaces, a written "- " one).
fn rejoined(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s.trim();
    while let Some(i) = rest.find(char::is_whitespace) {
        let (word, after) = rest.split_at(i);
        out.push_str(word);
        let next = after.trim_start();
        let wrapped = after.len() - next.len() > 1
            && word
                .strip_suffix('-')
                .is_some_and(|w| w.ends_with(char::is_alphabetic))
            && next.starts_with(char::is_alphabetic);
        if !wrapped {
            out.push(' ');
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

fn find_in(text: &str, paragraphs: &[Span]) -> Vec<Post> {
    let [handle, posted, post_by, sound, tweet] = &*MARKERS;
    // Most articles hold no post: look for each marker in the whole text once.
    let has = |f: &memchr::memmem::Finder| f.find(text.as_bytes()).is_some();
    let (has_handle, has_posted, has_post_by, has_sound, has_tweet) = (
        has(handle),
        has(posted),
        has(post_by),
        has(sound),
        has(tweet),
    );
    // The places of a marker in a paragraph (none where the text has none).
    let places = |f: &memchr::memmem::Finder<'static>, present: bool, p: &str| -> Vec<usize> {
        if present {
            f.find_iter(p.as_bytes()).collect()
        } else {
            Vec::new()
        }
    };
    let doc = Doc { text, paragraphs };
    let mut out: Vec<Post> = Vec::new();
    // The paragraph where the next post's text may begin (posts do not share text).
    let mut free_from = 0usize;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let p = &text[para.start..para.end];
        let mut from = 0; // where the next post's text may begin, within the paragraph
        let mut hits: Vec<(usize, Post)> = Vec::new();
        // Link-only lines: posts of their own unless an attribution below claims them.
        let mut links: Vec<Post> = Vec::new();
        for at in places(handle, has_handle, p) {
            if at >= from
                && let Some(post) = attributed(&doc, pi, free_from, from, at)
            {
                from = post.end.saturating_sub(para.start).max(at);
                hits.push((at, post));
            }
        }
        for at in places(posted, has_posted, p) {
            if at >= from
                && let Some(post) = facebook(&doc, pi, free_from, from, at)
            {
                from = post.end - para.start;
                hits.push((at, post));
            }
        }
        // "Post by @user@instance View on Mastodon" (the two parts may stand on two lines).
        for at in places(post_by, has_post_by, p) {
            let h = at + "Post by ".len();
            let handle_len = p[h..].find(char::is_whitespace).unwrap_or(p.len() - h);
            // (unescaped: markdown writes "@\\_elena@mastodon.social")
            let handle = &p[h..h + handle_len].replace('\\', "");
            let after_at = para.start + h + handle_len;
            let after = &text[after_at..text.len().min(after_at + 40)];
            let platform = if after.contains("View on Mastodon") {
                "mastodon"
            } else if after.contains("View on Threads") {
                "threads"
            } else {
                continue;
            };
            let end = after_at
                + after
                    .find("View on")
                    .map_or(0, |i| i + "View on Mastodon".len().min(after.len() - i));
            hits.push((
                at,
                bare(platform, handle, para.start + at, end.min(text.len())),
            ));
        }
        // TikTok: "@handle Caption ♬ original sound - name" (on one line or several).
        for at in places(sound, has_sound, p) {
            if at >= from
                && let Some(post) = tiktok(&doc, pi, free_from, from, at)
            {
                from = post.end - para.start;
                hits.push((at, post));
            }
        }
        // A paragraph that is only a link to a post (markdown extractors keep the embed's
        // link when its text is gone: "> [Tweet may have been deleted](https://…/status/…)").
        let line = p.trim_start_matches(['>', ' ']).trim_end();
        if p.starts_with('>')
            && let Some((_, url, used)) = md_link(line)
            && used == line.len()
            && let Some(platform) = platform_of_url(&url)
        {
            let mut post = bare(platform, "", para.start, para.end);
            post.handle = None;
            post.post_id = id_in_url(&url);
            post.url = Some(url);
            links.push(post);
        }
        let mut search = 0;
        let mut elements: Vec<(usize, Post)> = Vec::new();
        while has_tweet && let Some(i) = tweet.find(&p.as_bytes()[search..]) {
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
            elements.push((s, tweet_element(text, para.start + s, para.start + e)));
            search = e;
        }
        // A flattened attribution inside a <tweet> element ("<tweet …>Text — Name (@handle)
        // Date</tweet>") is the element's own: it gives the element its author's name and
        // ends its text; it is not a second post.
        hits.retain(|(at, post)| {
            let at = para.start + at;
            let Some((_, el)) = elements
                .iter_mut()
                .find(|(_, el)| el.start <= at && at < el.end)
            else {
                return true;
            };
            el.author_name = el.author_name.take().or(post.author_name.clone());
            if let (Some(t), Some(h)) = (&el.text, &post.handle)
                && let Some(i) = t.rfind(&format!("({h})"))
                && let Some(d) = ATTRIBUTION_DASHES
                    .iter()
                    .filter_map(|d| t[..i].rfind(d))
                    .max()
            {
                el.text = Some(t[..d].trim_end().to_string()).filter(|t| !t.is_empty());
            }
            false
        });
        hits.extend(elements);
        hits.sort_by_key(|h| h.0);
        if let Some(end) = hits.iter().map(|h| h.1.end).max() {
            // After the post's last line (its date may stand on the line below).
            free_from = paragraphs.partition_point(|q| q.start < end).max(pi + 1);
        }
        out.extend(hits.into_iter().map(|h| h.1));
        out.extend(links);
    }
    out.sort_by_key(|p| p.start);
    // One post per id: a link line and the attribution line of the same embed are one post.
    let mut merged: Vec<Post> = Vec::with_capacity(out.len());
    // Two attributed copies of one post (an article may embed a post twice) stay two.
    let attributed = |p: &Post| p.author_name.is_some() || p.handle.is_some();
    // The merged posts of each (platform, id), in order.
    let mut by_id: rustc_hash::FxHashMap<(String, String), Vec<usize>> = Default::default();
    for p in out {
        let key = p
            .post_id
            .as_ref()
            .map(|id| (p.platform.clone(), id.clone()));
        let same = key.as_ref().and_then(|k| {
            by_id.get(k).and_then(|found| {
                found
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| !(attributed(&merged[i]) && attributed(&p)))
            })
        });
        match same {
            Some(i) => {
                let m = &mut merged[i];
                let richer = |a: &Post| {
                    [&a.author_name, &a.handle, &a.date, &a.text]
                        .iter()
                        .filter(|f| f.is_some())
                        .count()
                };
                m.start = m.start.min(p.start);
                m.end = m.end.max(p.end);
                if richer(&p) > richer(m) {
                    let (s, e) = (m.start, m.end);
                    *m = p;
                    m.start = s;
                    m.end = e;
                }
            }
            None => {
                if let Some(k) = key {
                    by_id.entry(k).or_default().push(merged.len());
                }
                merged.push(p)
            }
        }
    }
    merged
}

fn bare(platform: &str, handle: &str, start: usize, end: usize) -> Post {
    Post {
        handle: Some(handle.to_string()),
        ..Post::new(platform, start, end)
    }
}

/// Markdown link `[label](url)` at the start of `s`: the label (backslash escapes removed),
/// the url and the bytes used.
fn md_link(s: &str) -> Option<(String, String, usize)> {
    let rest = s.strip_prefix('[')?;
    let close = rest.find("](")?;
    let label = rest[..close].replace('\\', "");
    let url_start = close + 2;
    let url_end = rest[url_start..].find(')')? + url_start;
    Some((label, rest[url_start..url_end].to_string(), 1 + url_end + 1))
}

/// Words that stand between a handle and an Instagram date ("on", "am", "le", "el").
pub(crate) const DATE_LEADS: [&str; 6] = ["on ", "am ", "le ", "el ", "il ", "op "];
/// A displayed clock time ("at 7:20 PM", "11:02am", "um 0:31 Uhr") as 24-hour HH:MM.
pub(crate) fn clock(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let h_start = s[..colon]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let hour: u32 = s[h_start..colon].parse().ok()?;
    let minute: u32 = s.get(colon + 1..colon + 3)?.parse().ok()?;
    let rest = s[colon + 3..].trim_start().to_lowercase();
    let hour = match (
        rest.starts_with("pm") || rest.starts_with("p.m."),
        rest.starts_with("am") || rest.starts_with("a.m."),
    ) {
        (true, _) if hour < 12 => hour + 12,
        (_, true) if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

/// The dashes that open a flattened attribution ("— Name (@handle) Date").
const ATTRIBUTION_DASHES: [&str; 4] = ["—", "&mdash;", "--", "–"];

/// The words that lead a time after a date ("at 7:30am PDT", "um 0:31 Uhr", "à 19:20").
const TIME_LEADS: [&str; 3] = ["at ", "um ", "à "];

/// Whether `s` opens with the time after a date ("at 7:30am PDT", "um 0:31 Uhr").
fn timed(s: &str) -> bool {
    let s = s.trim_start();
    TIME_LEADS.iter().any(|w| s.starts_with(w))
}

/// The time that follows a date at the start of `s` ("at 7:30am PDT", "at 7:20 PM", "um 0:31
/// Uhr", "à 19:20"): the time as 24-hour HH:MM where the clock says which (am/pm, "Uhr", "à",
/// or an hour past 12; "um 4:47 PDT" does not), and the bytes it takes, zone included.
fn clock_after_date(s: &str) -> Option<(Option<String>, usize)> {
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let word = TIME_LEADS.iter().find(|w| rest.starts_with(**w))?;
    let after = rest[word.len()..].trim_start();
    let clock_at = s.len() - after.len();
    // H:MM or HH:MM, with am/pm glued or apart.
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let b = after.as_bytes();
    if !(1..=2).contains(&digits)
        || b.get(digits) != Some(&b':')
        || !b
            .get(digits + 1..digits + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let mut used = digits + 3;
    let mut tail = &after[used..];
    let lower = tail.trim_start().to_ascii_lowercase();
    let marker = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find(|m| lower.starts_with(**m))
        .map(|m| m.len());
    if let Some(n) = marker {
        let skip = tail.len() - tail.trim_start().len();
        used += skip + n;
        tail = &after[used..];
    }
    // A zone ("PDT", "CET") or "Uhr".
    let next = tail.trim_start();
    let zone_len = next.bytes().take_while(|c| c.is_ascii_uppercase()).count();
    let uhr = next.starts_with("Uhr");
    let zone = (2..=5).contains(&zone_len)
        && next[zone_len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    if uhr || zone {
        used += tail.len() - next.len() + if uhr { 3 } else { zone_len };
    }
    let shown = &after[..used];
    let hour: u32 = after[..digits].parse().ok()?;
    let says = marker.is_some() || uhr || *word == "à " || hour > 12;
    let time = says.then(|| clock(shown)).flatten();
    Some((time, clock_at + used))
}

/// Markers of an Instagram attribution line ("A post shared by Name (@handle)").
const SHARED_BY: [&str; 8] = [
    "A post shared by ",
    "Ein Beitrag geteilt von ",
    "Une publication partagée par ",
    "Una publicación compartida por ",
    "Un post condiviso da ",
    "Een bericht gedeeld door ",
    "Uma publicação compartilhada por ",
    "a post shared by ",
];

/// The post's own text, ending at `body_end` (paragraph-relative) in paragraph `pi`: what
/// stands before the attribution in the paragraph; when nothing does (the attribution on its
/// own line), the paragraphs above it that a quotation marker (`>`) or nothing else claims.
/// Returns the text and its start in `text`.
fn body(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    body_end: usize,
    limit: Limit,
) -> Option<(String, usize)> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    let own = p[from..body_end].trim_end().trim_end_matches('>').trim();
    if !own.is_empty() {
        // A long run of text (a "spaced" extractor): the last sentences that fit a post.
        let own_start =
            para.start + from + (p[from..body_end].len() - p[from..body_end].trim_start().len());
        let own_text = &text[own_start..para.start + body_end];
        let own_text = own_text.trim_end();
        // The earliest offset from which the rest fits the platform's length.
        let fits_from = fits_from(own_text, limit);
        // The embed's own header ("View this post on Instagram") opens the post's text where a
        // spaced extractor ran it into the article (looked for just before what fits).
        let near = floor_boundary(own_text, fits_from.saturating_sub(64));
        if let Some(i) = HEADERS
            .find_iter(&own_text[near..])
            .map(|m| near + m.end())
            .max()
        {
            let t = own_text[i..].trim_start();
            if !t.is_empty() {
                return Some((strip_md(t), own_start + own_text.len() - t.len()));
            }
        }
        // Where an extractor glued the post to the article, a double space, a tab or a colon
        // often marks the seam; take the last one within the post's length. A colon that
        // introduces a quotation or an enumeration ("works: it …", "CNN: \"…\"") is the
        // post's own.
        let seam = ["  ", "\t", ": "]
            .iter()
            .filter_map(|m| {
                own_text[fits_from..]
                    .rmatch_indices(m)
                    .map(|(i, _)| fits_from + i + m.len())
                    .find(|&i| {
                        let next = own_text[i..].trim_start();
                        next.starts_with(|c: char| {
                            c.is_uppercase() || c == '#' || c == '@' || !c.is_alphabetic()
                        }) && !(*m == ": " && (next.starts_with(OPENERS) || tagged(&own_text[..i])))
                    })
            })
            .max()
            .filter(|&i| own_text.len() - i >= 20);
        if let Some(i) = seam {
            let i = language_change(own_text, i);
            let t = own_text[i..].trim_start();
            return Some((strip_md(t), own_start + own_text.len() - t.len()));
        }
        if fits_from == 0 {
            let starts = past_dates(own_text, language_change(own_text, 0));
            // The whole line before the attribution ("(3) … drink— Name (@handle)"): the
            // lines above it may be the tweet's too.
            if limit.twitter && own_start == para.start && starts == 0 {
                let lines = vec![strip_md(own_text)];
                return above(doc, pi, free_from, limit, lines, Some(own_start), true);
            }
            return Some((strip_md(&own_text[starts..]), own_start + starts));
        }
        // The first sentence that starts within the length; failing one, the first whole
        // word (never the article's line start: the post would swallow the article).
        let starts = own_text[fits_from..]
            .char_indices()
            .map(|(i, c)| (fits_from + i, c))
            .find(|&(i, c)| sentence_starts(&own_text[..i], c))
            .map_or_else(|| word_start(own_text, fits_from), |(i, _)| i);
        let starts = past_dates(own_text, starts);
        let starts = language_change(own_text, starts);
        return Some((strip_md(&own_text[starts..]), own_start + starts));
    }
    above(doc, pi, free_from, limit, Vec::new(), None, false)
}

/// The post's body in the lines above paragraph `pi`, after the `lines` (last first) already
/// taken from `start`: lines joined by single line breaks that fit the post, skipping empty
/// quotation lines and "View this post on …". With `open_only`, a line that ends a sentence
/// is the article's (a tweet's own line breaks set off a heading or list items, "Recipe:",
/// "(1) Tea").
fn above(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    limit: Limit,
    mut lines: Vec<String>,
    mut start: Option<usize>,
    open_only: bool,
) -> Option<(String, usize)> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    // The indentation of an attribution on a line of its own ("— Name (@handle) Date").
    let post_indent = if ATTRIBUTION_DASHES.iter().any(|d| p.starts_with(d)) {
        indent(text, para.start)
    } else {
        0
    };
    let mut j = pi;
    while j > free_from.max(pi.saturating_sub(24)) {
        j -= 1;
        let q = paragraphs[j];
        // "* > text": a quotation inside a list item.
        let line = text[q.start..q.end].trim();
        let line = ["* >", "- >"]
            .iter()
            .find_map(|b| line.strip_prefix(b).map(|_| &line[2..]))
            .unwrap_or(line);
        let bare = line.trim_start_matches('>').trim();
        let label = md_link(bare)
            .filter(|l| l.2 == bare.len())
            .map_or(bare, |l| if l.0.trim().is_empty() { "" } else { bare });
        let label = label.trim_start_matches('[');
        let header = label.starts_with("View this post on")
            || EMBED_HEADERS.iter().any(|h| label.starts_with(h));
        // The embed's header tops it: above it is the article (a post without a caption has
        // no text).
        if header {
            break;
        }
        if label.trim().is_empty() {
            if lines.is_empty() || line.starts_with('>') {
                continue;
            }
            break;
        }
        let quoted = line.starts_with('>');
        // Lines of one post body are joined by single line breaks (the <br>s of its
        // paragraph); a blank line ends it. A tweet's body fits its length.
        let next_start = paragraphs.get(j + 1).map_or(q.end, |n| n.start);
        let single_break = text[q.end..next_start].matches('\n').count() == 1;
        // (A link that ends a tweet may be a quoted tweet's, which Twitter does not count.)
        let quoted_link = lines
            .first()
            .and_then(|l| l.split_whitespace().last())
            .is_some_and(|w| {
                limit.twitter && (w.starts_with("http://") || w.starts_with("https://"))
            });
        let used: usize = lines
            .iter()
            .map(|l: &String| shown_len(l, limit) + 1)
            .sum::<usize>()
            .saturating_sub(if quoted_link { 23 } else { 0 });
        // A line that introduces what follows ("… he tweeted:") is the article's.
        let lead_in = bare.ends_with(':') && lead_in(bare);
        // Across a blank line (an extractor that spaces a tweet's lines as paragraphs), only
        // a line in the post's language with a paragraph in another language above it: the
        // language changes where the article ends.
        let language_seam = || {
            let lang = |t: &str| LEXICON.language(t);
            let post = lang(&lines.iter().rev().cloned().collect::<Vec<_>>().join(" "));
            j > free_from
                && post.is_some()
                && lang(bare) == post
                && lang(&text[paragraphs[j - 1].start..paragraphs[j - 1].end])
                    .is_some_and(|l| Some(l) != post)
        };
        // Across a blank line, a line indented as the attribution is (an extractor that keeps
        // the page's layout, inscriptis: the embed's block is indented as one).
        let here = indent(text, q.start);
        let same_block = post_indent >= 2 && here == post_indent;
        let fits = (single_break || same_block || !quoted && limit.twitter && language_seam())
            && used + shown_len(bare, limit) <= limit.max;
        // Under a quoted attribution ("> — Name (@handle)") the body is quoted too.
        let in_quote = p.starts_with('>');
        // A markdown quotation is one run of lines; a blank line ends it.
        let quote_ends = quoted && !single_break;
        let closed = open_only && bare.ends_with(['.', '!', '?', '…', '。', '！', '？']);
        // A post's block indented under an article's line that is not (trafilatura keeps
        // the embed's indentation: "#1 choice of Mac Users\n            Súper HAPPY …"): the
        // indentation changes where the article ends.
        let dedent = start.is_some_and(|s| indent(text, s) >= 8) && here < 2
            || post_indent >= 2 && here < post_indent;
        // A list item or a table row above a line that is neither is the article's list or
        // table (trafilatura's "- item", "| cell |").
        let item = |l: &str| l.starts_with("- ") || l.starts_with("* ") || l.starts_with('|');
        let list_ends = item(bare) && lines.last().is_some_and(|l| !item(l));
        // A line that ends with a date is an attribution's or a card's ("Title , Source,
        // 2019年1月29日").
        let dated = ends_with_date(bare);
        if !lines.is_empty()
            && (quote_ends
                || !quoted
                    && (lead_in || !fits || in_quote || closed || list_ends || dedent || dated))
        {
            break;
        }
        lines.push(bare.to_string());
        start = Some(q.end - line.trim_start_matches(['>', ' ']).len());
        if !quoted && !limit.twitter {
            break;
        }
    }
    lines.reverse();
    let joined = lines.join(" ");
    (!joined.is_empty() && shown_len(&joined, limit) <= limit.max * 4)
        .then(|| (joined, start.unwrap_or(para.start)))
}

/// The spaces and tabs that indent the line on which byte `at` stands, before `at` (none
/// when other text stands before it on its line).
fn indent(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    if line.chars().all(|c| c == ' ' || c == '\t') {
        line.len()
    } else {
        0
    }
}

/// How a platform measures a post: at most `max`, counting as Twitter does (a link 23, an
/// attached picture's `pic.twitter.com` link nothing, a CJK character or an emoji 2) or in
/// characters.
#[derive(Clone, Copy)]
struct Limit {
    max: usize,
    twitter: bool,
}

/// A tweet (280 as Twitter counts, plus the spaces extractors add around links) or a
/// Bluesky post (300 characters).
const SHORT_POST: Limit = Limit {
    max: 300,
    twitter: true,
};
/// A tweet from before `TWITTER_280` (140, plus the spaces extractors add around links).
const OLD_TWEET: Limit = Limit {
    max: 160,
    twitter: true,
};
/// The day Twitter's limit went from 140 to 280 for all accounts.
const TWITTER_280: &str = "2017-11-07";
/// Instagram's and Facebook's captions.
const CAPTION: Limit = Limit {
    max: 2200,
    twitter: false,
};

/// The last character boundary of `s` at or before byte `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the sentence that ends `head` holds a hashtag or a handle: then a colon after it
/// is the post's own ("… von @DoroBaer zeigt unser Problem: Jetzt …"), not a lead-in.
fn tagged(head: &str) -> bool {
    // (a sentence of a post is short: look back at most 400 bytes)
    let head = &head[floor_boundary(head, head.len().saturating_sub(400))..];
    let from = [". ", "! ", "? "]
        .iter()
        .filter_map(|m| head.rfind(m))
        .max()
        .unwrap_or(0);
    head[from..]
        .split_whitespace()
        .any(|w| w.len() > 1 && (w.starts_with('#') || w.starts_with('@')))
}

/// The header lines an embed prints above its post.
const EMBED_HEADERS: &[&str] = &[
    "View this post on Instagram",
    "View this post on Facebook",
    "View this post on TikTok",
    "Dieses Bild auf Instagram ansehen",
    "Diesen Beitrag auf Instagram ansehen",
    "Sieh dir diesen Beitrag auf Instagram an",
    "Voir cette publication sur Instagram",
    "Ver esta publicación en Instagram",
    "Visualizza questo post su Instagram",
];

/// [`EMBED_HEADERS`], looked for at once.
static HEADERS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(EMBED_HEADERS).expect("the headers build an automaton")
});

/// Opening quotation marks and brackets: after a colon they begin the post's own quotation
/// or list, not the post.
const OPENERS: &[char] = &['"', '“', '„', '«', '‘', '\'', '(', '「', '『'];

/// Twitter's weight of one character (twitter-text's configuration v3: 1 for Latin, general
/// punctuation and the like, 2 for everything else: CJK, emoji).
fn weight(c: char) -> usize {
    match c as u32 {
        0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        // Variation selectors and joiners belong to the emoji before them.
        0xFE00..=0xFE0F | 0x200E..=0x200F => 0,
        _ => 2,
    }
}

/// The length of a word (with the white space after it) as `limit` counts, and whether it
/// is a link, which counts whole.
fn word_len(word: &str, limit: Limit) -> (usize, bool) {
    if !limit.twitter {
        return (word.chars().count(), false);
    }
    let bare = word.trim_end();
    let space = word.len() - bare.len();
    if bare.starts_with("pic.twitter.com/") {
        (space, true)
    } else if bare.starts_with("http://") || bare.starts_with("https://") {
        (23 + space, true)
    } else {
        (word.chars().map(weight).sum(), false)
    }
}

/// The earliest byte offset of `s` from which the rest fits `limit`.
fn fits_from(s: &str, limit: Limit) -> usize {
    let mut used = 0;
    let mut from = s.len();
    // Word by word from the end, so that a link counts as one.
    for (k, word) in s.split_inclusive(char::is_whitespace).rev().enumerate() {
        let i = from - word.len();
        let (mut n, link) = word_len(word, limit);
        // A link that ends the tweet may be a quoted tweet's, which Twitter does not count.
        if k == 0 && link && limit.twitter {
            n = 0;
        }
        if used + n > limit.max && link {
            return i + word.len();
        }
        if used + n > limit.max {
            // Within the word that overflows, the characters that still fit.
            let mut at = i + word.len();
            for (j, c) in word.char_indices().rev() {
                let w = if limit.twitter { weight(c) } else { 1 };
                if used + w > limit.max {
                    break;
                }
                used += w;
                at = i + j;
            }
            return at;
        }
        used += n;
        from = i;
    }
    from
}

/// Where the language of `s` changes after `from` (an article in German glued to a tweet in
/// English): the last sentence start whose sentence before and rest after are each clearly in
/// a language, different ones, with nothing before it in the rest's language; else `from`.
fn language_change(s: &str, from: usize) -> usize {
    let starts: Vec<usize> = std::iter::once(from)
        .chain(
            s[from..]
                .char_indices()
                .map(|(i, c)| (from + i, c))
                .filter(|&(i, c)| i > from && sentence_starts(&s[..i], c))
                .map(|(i, _)| i),
        )
        .collect();
    for k in (1..starts.len()).rev() {
        let rest = LEXICON.language(&s[starts[k]..]);
        let Some(rest) = rest else { continue };
        let before = LEXICON.language(&s[starts[k - 1]..starts[k]]);
        let dropped = LEXICON.language(&s[from..starts[k]]);
        if before.is_some_and(|b| b != rest) && dropped != Some(rest) {
            return starts[k];
        }
    }
    from
}

/// Whether a sentence can start with `c` after `before`: after a full stop, a question or
/// exclamation mark, an ellipsis or a closing quotation mark and a space, with a character
/// that is not a lower-case letter (a capital, a digit, `#`, `@`, an emoji, a quotation mark)
/// or, glued to it, with a capital; right after an ideographic full stop, with anything.
fn sentence_starts(before: &str, c: char) -> bool {
    if before.ends_with(['。', '！', '？', '」', '』']) {
        return !c.is_whitespace();
    }
    let trimmed = before.trim_end();
    // Glued to the full stop (extractors drop line breaks), only a capital.
    let spaced = trimmed.len() < before.len();
    const STOPS: &[char] = &['.', '!', '?', '“', '"', '…', '”', '。', '！', '？', '」'];
    // A stop inside a closing parenthesis ("… etc.“) Vor fünf Jahren").
    let stop = trimmed.ends_with(STOPS)
        || trimmed
            .strip_suffix(')')
            .is_some_and(|t| t.ends_with(STOPS));
    if spaced && !c.is_lowercase() && !c.is_whitespace() {
        // After a bare link or a date, a line of its own ran into what follows: a link
        // printed above an embed ("…/status/1522266202730639361 El Tribunal …"), a card's
        // "Title , Source, 2019年1月29日" above a post.
        let last = &trimmed[trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())..];
        return stop
            || last.starts_with("http://")
            || last.starts_with("https://")
            || after_date(before, c);
    }
    !spaced && c.is_uppercase() && stop
}

/// Past the last line in `s` after `from` that ends with a date: that line is an
/// attribution or a card above the post ("Title , Source, 2019年1月29日"), not its text.
fn past_dates(s: &str, from: usize) -> usize {
    s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .rev()
        .find(|&(i, c)| i > from && after_date(&s[..i], c))
        .map_or(from, |(i, _)| i)
}

/// Whether a line that ends with a date ran into `c` after `before`.
fn after_date(before: &str, c: char) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && !c.is_lowercase()
        && !c.is_whitespace()
        && ends_with_date(trimmed)
}

/// Whether `s` ends with a whole date as [`parse_date`] reads it ("January 25, 2019",
/// "2019年1月25日").
fn ends_with_date(s: &str) -> bool {
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

/// The start of the first whole word of `s` at or after byte `at`.
fn word_start(s: &str, at: usize) -> usize {
    let at = floor_boundary(s, at);
    if at == 0 || s[..at].ends_with(char::is_whitespace) {
        return at;
    }
    s[at..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(at, |(i, c)| at + i + c.len_utf8())
}

/// The length of `s` as a reader sees it, measured as `limit` counts: markdown links count by
/// their label, not their URL.
fn shown_len(s: &str, limit: Limit) -> usize {
    let count = |t: &str| -> usize {
        t.split_inclusive(char::is_whitespace)
            .map(|w| word_len(w, limit).0)
            .sum()
    };
    let mut n = 0;
    let mut rest = s;
    while let Some(i) = rest.find("](") {
        n += count(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(')') {
            Some(close) if !after[..close].contains(char::is_whitespace) => {
                rest = &after[close + 1..]
            }
            _ => {
                n += 2;
                rest = after;
            }
        }
    }
    n + count(rest)
}

/// Whether a line ending in a colon introduces what follows as the article's ("… he
/// tweeted:", "So kam die Formel für meinen Tweet zustande:") rather than opening a post
/// ("Drinking game for web devs:"): a reporting verb, or a sentence too long for a heading.
fn lead_in(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.len() > 6
        || words.iter().enumerate().any(|(i, w)| {
            LEXICON
                .verb(w, words.get(i + 1).map(String::as_str))
                .is_some()
        })
}

/// Markdown blockquote markers removed from a post's text.
fn strip_md(s: &str) -> String {
    s.lines()
        .map(|l| l.trim_start_matches('>').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text — Name (@handle) Date` (Twitter, Bluesky) or `Text A post shared by Name (@handle)
/// on Date` (Instagram), with the `(@` at `at` (paragraph-relative).
fn attributed(doc: &Doc, pi: usize, free_from: usize, from: usize, at: usize) -> Option<Post> {
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
                "instagram",
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
                && platform_of_url(&u) == Some("instagram")
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
    let platform = if handle.ends_with(".bsky.social") || handle.contains(".bsky.") {
        "bluesky"
    } else {
        "twitter"
    };
    // Twitter doubled its limit on 7 November 2017; a tweet dated before it is at most 140.
    let limit = match &date {
        Some(d) if platform == "twitter" && d.as_str() < TWITTER_280 => OLD_TWEET,
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
    post.media = t
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|w| w.find("pic.twitter.com/").map(|i| w[i..].to_string()))
        .collect();
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
fn tiktok(doc: &Doc, pi: usize, free_from: usize, from: usize, at: usize) -> Option<Post> {
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
    let mut post = bare("tiktok", handle, hs, sound_end);
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
fn facebook(doc: &Doc, pi: usize, free_from: usize, from: usize, at: usize) -> Option<Post> {
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
    let date_text = label.split_once(", ").map_or(label.as_str(), |(w, r)| {
        if month(w.split_whitespace().next().unwrap_or_default()).is_none() {
            r
        } else {
            label.as_str()
        }
    });
    let (date, date_used) = parse_date(date_text)?;
    let end = tail_at
        + if used > 0 {
            used
        } else {
            label.len() - date_text.len() + date_used
        };
    let (t, s) = body(doc, pi, free_from, from, at, CAPTION).unzip();
    let mut post = bare(
        "facebook",
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

/// The platform of a post's URL (a status, a post, a video), if it is one.
fn platform_of_url(url: &str) -> Option<&'static str> {
    let host = url
        .split("://")
        .nth(1)?
        .split('/')
        .next()?
        .trim_start_matches("www.");
    let path = url.split("://").nth(1)?;
    match host {
        "twitter.com" | "x.com" | "mobile.twitter.com" if path.contains("/status/") => {
            Some("twitter")
        }
        "instagram.com" if path.contains("/p/") || path.contains("/reel/") => Some("instagram"),
        "facebook.com" if path.contains("/posts/") || path.contains("/videos/") => Some("facebook"),
        "youtube.com" | "youtu.be" | "youtube-nocookie.com" => Some("youtube"),
        "tiktok.com" if path.contains("/video/") => Some("tiktok"),
        _ => None,
    }
}

/// The id in a post URL: a status number, the short code after /p/ or /reel/, a video id
/// after /embed/, or a last path segment of digits.
pub(crate) fn id_in_url(url: &str) -> Option<String> {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .trim_end_matches('/');
    // facebook.com/photo.php?fbid=N, permalink.php?story_fbid=N
    if let Some(query) = url.split_once('?').map(|q| q.1) {
        for kv in query.split(['&', '#']) {
            if let Some(id) = kv
                .strip_prefix("fbid=")
                .or(kv.strip_prefix("story_fbid="))
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            {
                return Some(id.to_string());
            }
        }
    }
    let segs: Vec<&str> = path.split('/').collect();
    for key in [
        "status", "statuses", "p", "reel", "tv", "posts", "videos", "video", "embed", "post",
    ] {
        if let Some(i) = segs.iter().position(|s| *s == key)
            && let Some(id) = segs.get(i + 1).filter(|s| !s.is_empty())
        {
            return Some(id.to_string());
        }
    }
    let last = segs.last()?;
    (last.len() >= 5 && last.chars().all(|c| c.is_ascii_digit())).then(|| last.to_string())
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
        handle: attr(tag, &["author", "tweet-author"]).map(str::to_string),
        date,
        text: (!body.is_empty()).then(|| body.to_string()),
        post_id: attr(tag, &["id", "tweet-id", "tweet_id"]).map(str::to_string),
        ..Post::new("twitter", start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    /// The text of the first post found in `text`.
    fn first_text(text: &str) -> String {
        let posts = find(text, &paragraphs(text));
        posts[0].text.clone().unwrap_or_default()
    }

    #[test]
    fn posts_are_measured_as_their_platform_counts() {
        let tweet = |max: usize, s: &str| fits_from(s, Limit { max, twitter: true });
        // A link counts 23, a picture's link nothing, a link that ends the tweet (a quoted
        // tweet's may be) nothing.
        assert_eq!(tweet(10, "ab pic.twitter.com/x1"), 0);
        assert_eq!(
            tweet(10, "ab https://t.co/x1 cd"),
            "ab https://t.co/x1 ".len()
        );
        assert_eq!(tweet(26, "ab https://t.co/x1 cd"), 3);
        assert_eq!(tweet(29, "ab https://t.co/x1 cd"), 0);
        assert_eq!(tweet(3, "ab https://t.co/x1"), 0);
        assert_eq!(tweet(24, "ab https://t.co/x1 pic.twitter.com/x2"), 3);
        // A CJK character counts 2: five fit in ten.
        assert_eq!(tweet(10, "港湾局は月曜日に発表"), "港湾局は月".len());
        // Latin letters count 1; the rest that fits is found within the last word.
        assert_eq!(tweet(10, "abcdefghijkl"), 2);
        let caption = |s: &str| {
            fits_from(
                s,
                Limit {
                    max: 4,
                    twitter: false,
                },
            )
        };
        assert_eq!(caption("港湾局は月曜"), "港湾".len());
    }

    #[test]
    fn sentences_start_after_their_stop() {
        assert!(sentence_starts("cancelled. ", '#'));
        assert!(sentence_starts("cancelled. ", '⚠'));
        assert!(sentence_starts("at noon.", 'T'));
        assert!(!sentence_starts("version 3.", '5'));
        assert!(!sentence_starts("e.g. ", 'x'));
        assert!(sentence_starts("発表した。", '本'));
        assert!(!sentence_starts("the ", 'T'));
        // A stop inside a closing parenthesis; a bare link or a date that ends a line.
        assert!(sentence_starts("(und so weiter etc.“) ", 'V'));
        assert!(!sentence_starts("(und so weiter etc.) ", 'v'));
        assert!(sentence_starts(
            "https://twitter.com/x/status/1522266202730639361 ",
            'E'
        ));
        assert!(sentence_starts("Title , Source, January 29, 2019 ", 'A'));
        assert!(sentence_starts(
            "総務省 , NHKニュース, 2019年1月25日 ",
            '全'
        ));
        assert!(!sentence_starts("in 2019 ", 'T'));
    }

    #[test]
    fn a_link_card_or_a_link_above_a_spaced_post_is_the_article_s() {
        // A spaced extractor runs a card ("Title , Source, Date") or the post's own link
        // into the post: it starts after them, even where the card fits its length.
        let text = "The ministry's plan drew criticism. Ministry to scan home routers , \
                    Daily News, January 29, 2019 The state will now knock on every door. \
                    https://t.co/abcdefghij — Daily News (@dailynews) January 29, 2019";
        assert_eq!(
            first_text(text),
            "The state will now knock on every door. https://t.co/abcdefghij"
        );
        let text = "Los camaristas confirmaron el fallo, informó Raúl Ramírez, periodista. \
                    https://twitter.com/rr/status/1522266202730639361 El Tribunal rechazó el \
                    pedido de la defensa de la secretaria en un fallo de este jueves por la \
                    tarde, en la sede del Poder Judicial de la capital del país, tras una \
                    audiencia de varias horas que se extendió hasta la noche con los abogados \
                    de ambas partes. pic.twitter.com/ii3QhQDpeE — Raúl Ramírez (@rr) May 5, 2022";
        assert!(first_text(text).starts_with("El Tribunal rechazó"));
    }

    #[test]
    fn markdown_wrapped_at_a_width_is_read_unwrapped() {
        // html2text's default output wraps at 78 columns, inside quotations too; a line that
        // ends in two spaces is a hard break, not a wrap.
        let text = "Er kommentiert den Beschluss.\n\n\
                    > Nach der Vereinigung freue ich mich schon sehr auf die nächste\n\
                    > Vereinigung, liebe Leute.\n\
                    >\n\
                    > — Peter Wittkamp🐬 (@diktator) [25\\. September\n\
                    > 2018](https://twitter.com/diktator/status/1044502590266978309)\n\n\
                    > [A post shared by Chateau La Coste\n\
                    > (@chateaulacoste)](https://www.instagram.com/p/Ci22crtrcRL/)\n\n\
                    > Preise explodieren.  \n\
                    > Viele wissen nicht weiter.\n\
                    >\n\
                    > Posted by [Pamela Rendi-\n\
                    > Wagner](https://www.facebook.com/x) on Sunday, February 6, 2022\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert_eq!(posts[0].date.as_deref(), Some("2018-09-25"));
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Nach der Vereinigung freue ich mich schon sehr auf die nächste Vereinigung, liebe Leute."
            )
        );
        assert_eq!(posts[1].handle.as_deref(), Some("@chateaulacoste"));
        assert_eq!(posts[1].author_name.as_deref(), Some("Chateau La Coste"));
        assert_eq!(posts[2].author_name.as_deref(), Some("Pamela Rendi-Wagner"));
        assert_eq!(
            posts[2].text.as_deref(),
            Some("Preise explodieren. Viele wissen nicht weiter.")
        );
        // Offsets are the text's own.
        assert!(text[posts[0].start..].starts_with("Nach der Vereinigung"));
        assert!(text[..posts[0].end].ends_with("1044502590266978309)"));
        assert_eq!(rejoined("well- known  x-   y"), "well- known x-y");
    }

    #[test]
    fn each_text_node_on_a_line_of_its_own() {
        // BeautifulSoup's get_text("\n"): the date below "on", a card's line that ends with a
        // date above a tweet, the previous post's date line not taken for text.
        let text = "Die Spice Girls posteten ein Foto.\n\
                    View this post on Instagram\n\
                    A post shared by Spice Girls (@spicegirls)\n\
                    on\n\
                    Jun 16, 2019 at 7:30am PDT\n\
                    Auf dem Foto ist Adele zu sehen.\n\
                    — 加藤郁美 (@katoikumi)\n\
                    January 26, 2019\n\
                    国がIoT機器を調査へ\n\
                    , AbemaTIMES, 2019年1月29日\n\
                    どうやって調査するのか？\n\
                    https://t.co/ONsrLJr4u1\n\
                    — Justy (@i_justy)\n\
                    January 28, 2019\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert_eq!(posts[0].date.as_deref(), Some("2019-06-16"));
        assert!(text[..posts[0].end].ends_with("7:30am PDT"));
        assert_eq!(posts[1].date.as_deref(), Some("2019-01-26"));
        assert_eq!(posts[2].date.as_deref(), Some("2019-01-28"));
        assert_eq!(
            posts[2].text.as_deref(),
            Some("どうやって調査するのか？ https://t.co/ONsrLJr4u1")
        );
    }

    #[test]
    fn a_layout_keeping_extractor_indents_the_embed_as_one_block() {
        // inscriptis keeps the page's indentation and sets the tweet's paragraphs apart with
        // blank lines: the lines indented as the attribution are the post's.
        let text = "        The same effect appears when wearing sunglasses.\n\n\
                    \x20         How iOS 13 FaceTime Attention Correction works: it uses ARKit.\n\n\
                    \x20         Notice the warping of the line. pic.twitter.com/U7PMa4oNGN\n\n\
                    \x20         — Dave Schukin (@schukin) July 3, 2019\n\n\
                    \x20       It is not clear which devices will get it.\n";
        assert_eq!(
            first_text(text),
            "How iOS 13 FaceTime Attention Correction works: it uses ARKit. Notice the warping \
             of the line. pic.twitter.com/U7PMa4oNGN"
        );
    }

    #[test]
    fn an_embed_s_header_tops_its_post() {
        // A post without a caption under its header has no text: the article's paragraph
        // above the header is not the post's (in any of the header's languages).
        for header in [
            "View this post on Instagram",
            "Sieh dir diesen Beitrag auf Instagram an",
        ] {
            let text = format!(
                "Heute sehe ich das anders.\n\n{header}\n\n\
                 Ein Beitrag geteilt von Verbündete (@verbuendete_r_sein)\n"
            );
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(posts.len(), 1);
            assert_eq!(posts[0].text, None, "{header}");
        }
        let text = "Heute sehe ich das anders.\n\nVoir cette publication sur Instagram\n\n\
                    Une légende.\n\n\
                    Une publication partagée par Verbündete (@verbuendete_r_sein)\n";
        assert_eq!(first_text(text), "Une légende.");
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock("June 14, 2021 at 7:20 PM").as_deref(), Some("19:20"));
        assert_eq!(
            clock("Jun 14, 2021 at 11:02am PDT").as_deref(),
            Some("11:02")
        );
        assert_eq!(clock("12:05 am").as_deref(), Some("00:05"));
        assert_eq!(clock("no time").as_deref(), None);
        // After a flattened post's date: the time where the clock says which, and its bytes.
        fn after(s: &str) -> Option<(Option<String>, &str)> {
            clock_after_date(s).map(|(t, n)| (t, &s[..n]))
        }
        assert_eq!(
            after(" at 7:30am PST Talks resume"),
            Some((Some("07:30".to_string()), " at 7:30am PST"))
        );
        assert_eq!(
            after(" at 7:20 PM The storm"),
            Some((Some("19:20".to_string()), " at 7:20 PM"))
        );
        assert_eq!(
            after(" um 0:31 Uhr Die"),
            Some((Some("00:31".to_string()), " um 0:31 Uhr"))
        );
        assert_eq!(after(" um 4:47 PDT"), Some((None, " um 4:47 PDT")));
        assert_eq!(after(" at the harbour"), None);
    }

    #[test]
    fn a_handle_escaped_by_markdown() {
        let text = "Wir bauen auf.\n\n\
                    — Frank Thelen (@frank\\_thelen) [6. März 2018](https://twitter.com/frank_thelen/status/971100857189195777)";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].handle.as_deref(), Some("@frank_thelen"));
        assert_eq!(posts[0].date.as_deref(), Some("2018-03-06"));
        // trafilatura's markdown: the linked date on the line below.
        let text = "Drinking game for web devs: (1) Think of a noun\n\n\
                    — Shay Friedman (@ironshay)\n    \
                    [August 22, 2013](https://twitter.com/ironshay/statuses/370525864523743232)\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert_eq!(posts[0].post_id.as_deref(), Some("370525864523743232"));
    }

    #[test]
    fn a_spaced_post_without_a_sentence_start_starts_at_a_word() {
        // No sentence starts within the post's length: the post starts at a whole word, not
        // at the start of the article's line (the post's span would swallow the article).
        let article = "word ".repeat(80);
        let text =
            format!("{article}and then some more words. — Jo Bloggs (@jobloggs) May 5, 2022");
        let posts = find(&text, &paragraphs(&text));
        assert_eq!(posts.len(), 1);
        let t = posts[0].text.as_deref().unwrap_or_default();
        assert!(t.ends_with("more words.") && t.starts_with("word "), "{t}");
        assert!(posts[0].start > 0 && text[posts[0].start..].starts_with("word "));
        assert!(t.len() < 320, "{}", t.len());
    }

    #[test]
    fn a_quoted_tweet_s_link_is_not_counted() {
        // 280 characters and the link of the tweet it quotes: the whole is the post.
        let article = "Er bezog mit deutlichen Worten Stellung.";
        let tweet = format!(
            "{} https://t.co/WyXDMUqEGa",
            "Das ist so. ".repeat(23).trim_end()
        );
        let text = format!("{article} {tweet} — Jo Bloggs (@jobloggs) 2. Juni 2018");
        assert_eq!(first_text(&text), tweet);
    }

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
            parse_date("2022년 5월 5일 오후"),
            Some(("2022-05-05".to_string(), "2022년 5월 5일".len()))
        );
        assert_eq!(
            parse_date("5 de mayo de 2022 El"),
            Some(("2022-05-05".to_string(), "5 de mayo de 2022".len()))
        );
        assert_eq!(parse_date("5 de maio de 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5 maja 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5 Mayıs 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5. desember 2022").unwrap().0, "2022-12-05");
        assert_eq!(
            parse_date("23. Okt 2017 um 0:31 Uhr").unwrap().0,
            "2017-10-23"
        );
        // html2text escapes the full stop after a day.
        assert_eq!(
            parse_date_unescaped("23\\. Okt 2017 um 0:31 Uhr"),
            Some(("2017-10-23".to_string(), "23\\. Okt 2017".len()))
        );
    }

    #[test]
    fn a_tweet_of_several_lines_glued_to_its_attribution() {
        // An extractor that keeps the tweet's line breaks but glues the attribution to its
        // last line: the lines above are the tweet's, the article's paragraph is not.
        let text = "The article says so.\n\nRecipe for a quiet night:\n  (1) Tea\n  (2) A book— Jo Bloggs (@jobloggs)\n  August 22, 2013\n\nMore article.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Recipe for a quiet night: (1) Tea (2) A book")
        );
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert!(text[posts[0].start..].starts_with("Recipe"));
        // A line above that ends a sentence is the article's.
        let text = "The minister replied within minutes.\nTalks resume at 9.— Ana Silva (@anasilva) June 14, 2021";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].text.as_deref(), Some("Talks resume at 9."));
    }

    #[test]
    fn an_indented_tweet_under_an_article_line_that_is_not() {
        // trafilatura keeps an embed's indentation: where it stops, the article's line is.
        let text = "| Unified key for mass deployment |  |\n#1 choice of Mac Users to Run Windows On Mac\n                Super happy to be developing for #Hololens from my #Mac! pic.twitter.com/3FjG3V72Ad\n— Javier Campos (@x_campos) May 16, 2018\nFAQs";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Super happy to be developing for #Hololens from my #Mac! pic.twitter.com/3FjG3V72Ad"
            )
        );
        // (lines of the same indentation stay one tweet)
        let text = "The article.\n\n        Line one of the tweet\n        and line two\n— Jo Bloggs (@jobloggs) May 2, 2020";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Line one of the tweet and line two")
        );
    }

    #[test]
    fn a_post_starts_where_the_language_changes() {
        // A German article glued to an English tweet: the tweet starts where English does,
        // though both would fit its length. A link's "com" is no Portuguese.
        let text = "Der Präsident schrieb auf Twitter, er sei mit dem Ergebnis sehr zufrieden und \
                    werde bald mehr sagen. I am glad to see that the vote is over, and well! \
                    https://t.co/AbCdEf — Jo Bloggs (@jobloggs) May 2, 2020";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("I am glad to see that the vote is over, and well! https://t.co/AbCdEf")
        );
        // A tweet in the article's language keeps its sentences.
        let text = "Der Präsident schrieb auf Twitter, er sei zufrieden. Wir sind mit dem \
                    Ergebnis sehr zufrieden. Es ist ein guter Tag für uns. — Jo (@jo) May 2, 2020";
        assert!(first_text(text).starts_with("Der Präsident"));
        assert_eq!(
            LEXICON.language("the end of it all is not near"),
            Some("en")
        );
        assert_eq!(LEXICON.language("pic.twitter.com/x de a"), None);
    }

    #[test]
    fn a_tweet_spaced_as_paragraphs_starts_where_the_language_changes() {
        // html-text writes a tweet's lines as paragraphs, like the article's: the article's
        // German paragraph ends where the English tweet begins.
        let text = "Musk schrieb dazu auf X, dass die Autos nicht für das Training der KI \
                    eingesetzt werden sollen.\n\n\
                    Our cars will only be used for a third of the hours of the week.\n\n\
                    That leaves the rest of the time for the network and it is a lot.\n\n\
                    — Jo Bloggs (@jobloggs) November 4, 2023\n\nDer Artikel geht weiter.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Our cars will only be used for a third of the hours of the week. That leaves \
                 the rest of the time for the network and it is a lot."
            )
        );
        // In one language, a blank line still ends the post.
        let text = text.replace("Musk schrieb dazu auf X, dass die Autos nicht für das Training der KI eingesetzt werden sollen.", "Musk wrote on X that the cars would not be used for the training of the model.");
        let posts = find(&text, &paragraphs(&text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("That leaves the rest of the time for the network and it is a lot.")
        );
    }

    #[test]
    fn a_list_or_table_above_a_tweet_is_the_article_s() {
        for above in ["- Take a photo\n- Be kind", "| Price | 10 |\n| Size | 2 |"] {
            let text = format!(
                "My recipe:\n{above}\nBravo, a fine new cycle lane!\n— Jo Bloggs (@jobloggs) 19. November 2018"
            );
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(
                posts[0].text.as_deref(),
                Some("Bravo, a fine new cycle lane!"),
                "{above}"
            );
        }
    }

    #[test]
    fn a_spaced_instagram_caption_starts_after_the_embed_header() {
        let text = "The artist told AFP he drew it in a day. View this post on Instagram What a \
                    day #ink A post shared by Jo Bloggs (@jobloggs) on Apr 27, 2020 at 9:24am PDT \
                    The story goes on.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].platform, "instagram");
        assert_eq!(posts[0].text.as_deref(), Some("What a day #ink"));
    }

    #[test]
    fn a_colon_after_a_hashtag_or_handle_is_the_post_s_own() {
        let text = "He wrote on Twitter. The fuss about #flytaxi from @jobloggs shows our \
                    problem: Now a politician thinks ahead. — Frank Example (@frankex) March 6, 2018";
        let got = first_text(text);
        assert!(got.contains("The fuss about #flytaxi"), "{got:?}");
        // A lead-in's colon still ends the article.
        let text = "The minister wrote: Now a politician thinks ahead. — Frank Example (@frankex) March 6, 2018";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Now a politician thinks ahead.")
        );
    }

    #[test]
    fn a_tweet_before_november_2017_is_at_most_140() {
        // The article's last sentence and the tweet together fit 280 but not 140: a tweet of
        // 2016 starts after the article's sentence; one of 2018 may hold both.
        let article = "The council met for three hours on Monday night, heard forty residents \
                       speak, and then voted on the budget for the coming year.";
        let tweet = "Proud of our council tonight. Every vote counted!";
        for (date, whole) in [("December 12, 2016", false), ("December 12, 2018", true)] {
            let text = format!("{article} {tweet} — Jo Bloggs (@jobloggs) {date}");
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(posts.len(), 1);
            let want = if whole {
                format!("{article} {tweet}")
            } else {
                tweet.to_string()
            };
            assert_eq!(posts[0].text.as_deref(), Some(want.as_str()), "{date}");
        }
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
    fn markdown_instagram_with_a_linked_name_and_caption() {
        let text = "Intro.\n\n> [ ](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> [View this post on Instagram](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> [Swipe 4 madness #tegnell](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> A post shared by [ zashay tastas](https://www.instagram.com/zashay.tastas/) (@zashay.tastas) on Apr 27, 2020 at 9:24am PDT\n\nNext.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1, "{posts:?}");
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("zashay tastas"));
        assert_eq!(p.post_id.as_deref(), Some("B_fawQoFahE"));
        assert_eq!(
            p.text.as_deref(),
            Some("[Swipe 4 madness #tegnell](https://www.instagram.com/p/B_fawQoFahE/)")
        );
    }

    #[test]
    fn a_markdown_quotation_ends_at_its_blank_line() {
        let text = "> The article's own block quotation.\n\n> [@sfutch33](https://twitter.com/sfutch33) SEVEN!  \n>  3 were replaced.\n> \n> -- Tzippy Yarom (@zpyarom) [December 19, 2016](https://twitter.com/zpyarom/status/810987762375598081)\n\n  * [A headline](http://example.com/a), Outlet, 2019\n    * > The tweet in a list item.\n> \n> -- ITmedia NEWS (@itmedia_news) [February 4, 2019](https://twitter.com/itmedia_news/status/1092262735423856642)";
        let posts = find(text, &paragraphs(text));
        let texts: Vec<_> = posts.iter().map(|p| p.text.as_deref()).collect();
        assert_eq!(
            texts,
            [
                Some("[@sfutch33](https://twitter.com/sfutch33) SEVEN! 3 were replaced."),
                Some("The tweet in a list item.")
            ]
        );
    }

    #[test]
    fn a_date_on_the_line_below_the_handle() {
        let text = "Drinking game for web devs: (1) Think of a noun - drink— Shay Friedman (@ironshay)\n      August 22, 2013\n\nBlanket.js is easy.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert!(text[posts[0].start..posts[0].end].ends_with("2013"));
    }

    #[test]
    fn a_heading_with_a_colon_opens_the_post_a_lead_in_does_not() {
        let text = "Intro.\n\nDrinking game for web devs:\n(1) Think of a noun\n(2) Drink\n\n— Shay Friedman (@ironshay) August 22, 2013\n\nAs the company wrote on Twitter:\nWe are back.\n\n— Acme (@acme) May 1, 2020";
        let posts = find(text, &paragraphs(text));
        let texts: Vec<_> = posts.iter().map(|p| p.text.as_deref()).collect();
        assert_eq!(
            texts,
            [
                Some("Drinking game for web devs: (1) Think of a noun (2) Drink"),
                Some("We are back.")
            ]
        );
    }

    #[test]
    fn flattened_tiktok_glued_and_on_its_own_lines() {
        let text = "Intro.\n\n@dockcam Empty docks at dawn #port ♬ original sound - Dock Cam\n\nMiddle.\n\n@scout2015\nScramble up ur name\n♬ Yeah! - Usher\n\nEnd, as @someone ♬ said.";
        let posts = find(text, &paragraphs(text));
        let got: Vec<_> = posts
            .iter()
            .map(|p| {
                (
                    p.platform.as_str(),
                    p.handle.as_deref(),
                    p.author_name.as_deref(),
                    p.text.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "tiktok",
                    Some("@dockcam"),
                    Some("Dock Cam"),
                    Some("Empty docks at dawn #port")
                ),
                (
                    "tiktok",
                    Some("@scout2015"),
                    None,
                    Some("Scramble up ur name")
                ),
            ]
        );
        assert!(text[posts[1].start..posts[1].end].ends_with("Usher"));
    }

    #[test]
    fn a_post_embedded_twice_is_two_posts() {
        let line = "> Same words.\n> \n> -- ITmedia NEWS (@itmedia_news) [February 4, 2019](https://twitter.com/itmedia_news/status/1092262735423856642)\n\n";
        let text = format!("{line}Between.\n\n{line}");
        assert_eq!(find(&text, &paragraphs(&text)).len(), 2);
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

    #[test]
    fn a_flattened_attribution_inside_a_tweet_element_is_the_same_post() {
        let text = "<tweet id=\"7\" author=\"@jobloggs\" datetime=\"2016-07-23\">Thrilled to \
                    announce it. pic.twitter.com/AbC — Jo Bloggs (@jobloggs) July 23, 2016</tweet>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("Jo Bloggs"));
        assert_eq!(p.handle.as_deref(), Some("@jobloggs"));
        assert_eq!(p.post_id.as_deref(), Some("7"));
        assert_eq!(
            p.text.as_deref(),
            Some("Thrilled to announce it. pic.twitter.com/AbC")
        );
    }
}
