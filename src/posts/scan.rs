//! Finding the posts of a text: the markers, paragraph by paragraph, and one post per id.

use super::*;

/// The markers the post readers start from, built once.
pub(super) static MARKERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 5]> =
    std::sync::LazyLock::new(|| {
        ["(@", "Posted by ", "Post by @", "♬", "<tweet"].map(memchr::memmem::Finder::new)
    });

/// Find posts in `text`, paragraph by paragraph.
pub(crate) fn find(text: &str, paragraphs: &[Span]) -> Vec<Post> {
    let markers = Markers::of(text);
    let quotes = unwrapped_quotes(text);
    // (the views of attributions, for a text that may hold one, a handle or Facebook's
    // "Posted by": most hold none)
    let views = markers.at || markers.posted_by;
    let lines = views
        .then(|| unwrapped_lines(quotes.as_deref().unwrap_or(text)))
        .flatten()
        .or(quotes);
    let parts = views
        .then(|| joined_attributions(lines.as_deref().unwrap_or(text)))
        .flatten()
        .or(lines);
    match parts {
        // Text or markdown wrapped to a width: the posts are read in the unwrapped view,
        // whose offsets are the text's own.
        Some(view) => {
            let paragraphs = crate::segment::paragraphs(&view);
            let mut posts = find_in(&view, &paragraphs, &Markers::of(&view));
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
        None => find_in(text, paragraphs, &markers),
    }
}

/// `text` with the soft line breaks of its markdown quotations unwrapped (html2text wraps
/// lines at 78 columns by default: `> — Name (@handle) [25\. September` and `> 2018](…)`), or
/// none where it has none. A line break inside a quotation's paragraph, not after a hard
/// break (two spaces: a `<br>`), and the `>` that continues the quotation become spaces, so
/// that every offset stays the text's.
pub(super) fn unwrapped_quotes(text: &str) -> Option<String> {
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

/// `text` with the line breaks inside the paragraphs of hard-wrapped text as spaces
/// ("… aus Deutschland — Frank Thelen\n(@frank_thelen) 6. März 2018" wrapped at 72 columns
/// is one line again), or none where the text is not wrapped ([`crate::segment::unwrapped`]).
pub(super) fn unwrapped_lines(text: &str) -> Option<String> {
    let mut view: Option<Vec<u8>> = None;
    for p in crate::segment::unwrapped(text) {
        let joined = &text[p.start..p.end];
        if !joined.contains('\n') {
            continue;
        }
        let v = view.get_or_insert_with(|| text.as_bytes().to_vec());
        for (i, b) in joined.bytes().enumerate() {
            if b == b'\n' || b == b'\r' {
                v[p.start + i] = b' ';
            }
        }
    }
    // Only ASCII bytes were replaced by spaces: the view is still UTF-8.
    view.and_then(|v| String::from_utf8(v).ok())
}

/// `text` with an attribution's parts that stand on lines of their own joined into one line
/// (an extractor that puts each text node on a line: "A post shared by" / "Name" /
/// "(@handle) on Apr 27, 2020", "Posted by" / "SPÖ" / "on" / "Monday, February 7, 2022"), or
/// none where no line break is joined: before a line that opens with a handle, after a line
/// that ends with "shared by" or "Posted by", and around a date's lead ("on") alone on its
/// line within such an attribution.
pub(super) fn joined_attributions(text: &str) -> Option<String> {
    let ws = |c: char| c.is_whitespace();
    let opens = |l: &str| {
        let l = l.trim_end_matches(ws);
        l.ends_with("Posted by") || SHARED_BY.iter().any(|m| l.ends_with(m.trim_end()))
    };
    let lead = |l: &str| {
        DATE_LEADS
            .iter()
            .any(|d| l.trim_matches(ws) == d.trim_end())
    };
    let mut view: Option<Vec<u8>> = None;
    let (mut at, mut in_attribution) = (0, false);
    let mut prev: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        if let Some(p) = prev {
            let join = !line.trim_matches(ws).is_empty()
                && (line.trim_start_matches(ws).starts_with("(@")
                    || opens(p)
                    || in_attribution && (lead(line) || lead(p)));
            if join {
                let v = view.get_or_insert_with(|| text.as_bytes().to_vec());
                v[at - 1] = b' ';
                if at > 1 && v[at - 2] == b'\r' {
                    v[at - 2] = b' ';
                }
            }
            in_attribution = join;
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
pub(super) fn rejoined(s: &str) -> String {
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

/// The bytes of TikTok's sound marker "♬".
const SOUND: &[u8] = "♬".as_bytes();

/// The markers of a text, each looked for once in the whole text: most articles hold no
/// post.
struct Markers {
    /// An `@` anywhere (a handle may stand in an attribution).
    at: bool,
    /// "Posted by" anywhere (Facebook's attribution, maybe with its name on the next line).
    posted_by: bool,
    handle: bool,
    posted: bool,
    post_by: bool,
    sound: bool,
    tweet: bool,
}

impl Markers {
    /// The markers of `text`, read in one pass over the bytes that open or hold four of
    /// them (`@` of "(@", `<` of "<tweet", `P` of "Posted by" and "Post by @") and one over
    /// the last byte of "♬".
    fn of(text: &str) -> Markers {
        let b = text.as_bytes();
        let (mut at, mut handle, mut tweet) = (false, false, false);
        let (mut posted_by, mut posted, mut post_by) = (false, false, false);
        for i in memchr::memchr3_iter(b'@', b'<', b'P', b) {
            match b[i] {
                b'@' => {
                    at = true;
                    handle |= i > 0 && b[i - 1] == b'(';
                }
                b'<' => tweet |= b[i..].starts_with(b"<tweet"),
                _ => {
                    let rest = &b[i..];
                    if rest.starts_with(b"Posted by") {
                        posted_by = true;
                        posted |= rest.starts_with(b"Posted by ");
                    }
                    post_by |= rest.starts_with(b"Post by @");
                }
            }
        }
        let sound =
            memchr::memchr_iter(SOUND[SOUND.len() - 1], b).any(|i| b[..=i].ends_with(SOUND));
        Markers {
            at,
            posted_by,
            handle,
            posted,
            post_by,
            sound,
            tweet,
        }
    }

    /// Whether any marker a post is read from stands in the text.
    fn any(&self) -> bool {
        self.handle || self.posted || self.post_by || self.sound || self.tweet
    }
}

/// The places of a marker in a paragraph (none where the text has none).
fn places(f: &memchr::memmem::Finder<'static>, present: bool, p: &str) -> Vec<usize> {
    if present {
        f.find_iter(p.as_bytes()).collect()
    } else {
        Vec::new()
    }
}

/// The posts of `text` (whose `markers` are given), paragraph by paragraph; a text without
/// any marker holds only link-only lines.
fn find_in(text: &str, paragraphs: &[Span], markers: &Markers) -> Vec<Post> {
    if !markers.any() {
        return link_lines(text, paragraphs);
    }
    let doc = Doc { text, paragraphs };
    let mut out: Vec<Post> = Vec::new();
    // The paragraph where the next post's text may begin (posts do not share text).
    let mut free_from = 0usize;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let p = &text[para.start..para.end];
        let mut hits = flattened_hits(&doc, markers, pi, free_from);
        // Link-only lines: posts of their own unless an attribution below claims them.
        let links = link_line(text, para, p);
        let elements = if markers.tweet {
            tweet_elements(text, para)
        } else {
            Vec::new()
        };
        absorb_into_elements(para, &mut hits, elements);
        hits.sort_by_key(|h| h.0);
        if let Some(end) = hits.iter().map(|h| h.1.end).max() {
            // After the post's last line (its date may stand on the line below).
            free_from = paragraphs.partition_point(|q| q.start < end).max(pi + 1);
        }
        out.extend(hits.into_iter().map(|h| h.1));
        out.extend(links);
    }
    out.sort_by_key(|p| p.start);
    one_per_id(out)
}

/// The flattened posts whose markers stand in paragraph `pi`, each with its marker's offset
/// in the paragraph: attributions (`(@`), Facebook's "Posted by ", Mastodon's and Threads'
/// "Post by @", TikTok's "♬", in this order (a post's text is not another's).
fn flattened_hits(doc: &Doc, markers: &Markers, pi: usize, free_from: usize) -> Vec<(usize, Post)> {
    let [handle, posted, post_by, sound, _] = &*MARKERS;
    let para = doc.paragraphs[pi];
    let p = &doc.text[para.start..para.end];
    let mut from = 0; // where the next post's text may begin, within the paragraph
    let mut hits: Vec<(usize, Post)> = Vec::new();
    for at in places(handle, markers.handle, p) {
        if at >= from
            && let Some(post) = attributed(doc, pi, free_from, from, at)
        {
            from = post.end.saturating_sub(para.start).max(at);
            hits.push((at, post));
        }
    }
    for at in places(posted, markers.posted, p) {
        if at >= from
            && let Some(post) = facebook(doc, pi, free_from, from, at)
        {
            from = post.end - para.start;
            hits.push((at, post));
        }
    }
    for at in places(post_by, markers.post_by, p) {
        if let Some(post) = viewed_on(doc.text, para, at) {
            hits.push((at, post));
        }
    }
    // TikTok: "@handle Caption ♬ original sound - name" (on one line or several).
    for at in places(sound, markers.sound, p) {
        if at >= from
            && let Some(post) = tiktok(doc, pi, free_from, from, at)
        {
            from = post.end - para.start;
            hits.push((at, post));
        }
    }
    hits
}

/// "Post by @user@instance View on Mastodon" (the two parts may stand on two lines), with
/// "Post by" at `at` in paragraph `para`.
fn viewed_on(text: &str, para: Span, at: usize) -> Option<Post> {
    let p = &text[para.start..para.end];
    let h = at + "Post by ".len();
    let handle_len = p[h..].find(char::is_whitespace).unwrap_or(p.len() - h);
    // (unescaped: markdown writes "@\\_elena@mastodon.social")
    let handle = &p[h..h + handle_len].replace('\\', "");
    let after_at = para.start + h + handle_len;
    let after = &text[after_at..text.len().min(after_at + 40)];
    let site = SITES
        .iter()
        .find(|s| s.view_on().is_some_and(|v| after.contains(v)))?;
    let end = after_at
        + after
            .find("View on")
            // (the length of Mastodon's label, on Threads too)
            .map_or(0, |i| i + "View on Mastodon".len().min(after.len() - i));
    Some(bare(
        site.platform(),
        handle,
        para.start + at,
        end.min(text.len()),
    ))
}

/// The link-only lines of a text without any post marker (no attribution claims them),
/// looked for only in the paragraphs that open with a quotation's `>`.
fn link_lines(text: &str, paragraphs: &[Span]) -> Vec<Post> {
    let mut out: Vec<Post> = paragraphs
        .iter()
        .filter(|p| text.as_bytes().get(p.start) == Some(&b'>'))
        .filter_map(|&para| link_line(text, para, &text[para.start..para.end]))
        .collect();
    out.sort_by_key(|p| p.start);
    one_per_id(out)
}

/// A paragraph that is only a link to a post (markdown extractors keep the embed's link when
/// its text is gone: "> [Tweet may have been deleted](https://…/status/…)", or by reference,
/// "> [Tweet may have been deleted][12]").
fn link_line(text: &str, para: Span, p: &str) -> Option<Post> {
    let line = p.trim_start_matches(['>', ' ']).trim_end();
    if !p.starts_with('>') || line.contains('\n') {
        return None;
    }
    let (_, url, used) = any_link(line, text)?;
    let url = url?;
    let platform = of_url(&url).filter(|_| used == line.len())?;
    let mut post = bare(platform, "", para.start, para.end);
    post.handle = None;
    post.post_id = id_in_url(&url);
    post.url = Some(url);
    Some(post)
}

/// The `<tweet …>text</tweet>` elements of paragraph `para` (or `<tweet …/>`; some corpora
/// write `<tweet/>` to close), each with its offset in the paragraph.
fn tweet_elements(text: &str, para: Span) -> Vec<(usize, Post)> {
    let tweet = &MARKERS[4];
    let p = &text[para.start..para.end];
    let mut search = 0;
    let mut elements: Vec<(usize, Post)> = Vec::new();
    while let Some(i) = tweet.find(&p.as_bytes()[search..]) {
        let s = search + i;
        let Some(open_len) = p[s..].find('>').map(|i| i + 1) else {
            break;
        };
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
    elements
}

/// A flattened attribution inside a <tweet> element ("<tweet …>Text — Name (@handle)
/// Date</tweet>") is the element's own: it gives the element its author's name and ends its
/// text; it is not a second post. The elements join the hits.
fn absorb_into_elements(
    para: Span,
    hits: &mut Vec<(usize, Post)>,
    mut elements: Vec<(usize, Post)>,
) {
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
}

/// One post per id: a link line and the attribution line of the same embed are one post
/// (the richer one, spanning both); two attributed copies of one post (an article may embed
/// a post twice) stay two.
fn one_per_id(out: Vec<Post>) -> Vec<Post> {
    let mut merged: Vec<Post> = Vec::with_capacity(out.len());
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
            Some(i) => absorb(&mut merged[i], p),
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

/// Post `p` merged into post `m` of the same id: the span of both, the fields of the richer.
fn absorb(m: &mut Post, p: Post) {
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
