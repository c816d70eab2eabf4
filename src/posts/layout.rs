//! Where a flattened post's text begins: the lines above its attribution, measured as its platform counts.

use super::*;

/// A post's text as read from flattened text: the text, its start in the document, and
/// whether that start is a guess (nothing in the text marks it).
pub(super) struct Body {
    pub(super) text: String,
    pub(super) start: usize,
    pub(super) guessed: bool,
}

impl Body {
    fn new(text: String, start: usize, guessed: bool) -> Body {
        Body {
            text,
            start,
            guessed,
        }
    }

    /// The text and its start, and how the start was found (`None` without a body).
    pub(super) fn split(body: Option<Body>) -> (Option<String>, Option<usize>, Option<TextStart>) {
        match body {
            Some(b) => {
                let how = if b.guessed {
                    TextStart::Guessed
                } else {
                    TextStart::Marked
                };
                (Some(b.text), Some(b.start), Some(how))
            }
            None => (None, None, None),
        }
    }
}

/// The post's own text, ending at `body_end` (paragraph-relative) in paragraph `pi`: what
/// stands before the attribution in the paragraph; when nothing does (the attribution on its
/// own line), the paragraphs above it that a quotation marker (`>`) or nothing else claims.
pub(super) fn body(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    from: usize,
    body_end: usize,
    limit: Limit,
) -> Option<Body> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    let own = p[from..body_end].trim_end().trim_end_matches('>').trim();
    if own.is_empty() {
        return above(doc, pi, free_from, limit, Vec::new(), None, false);
    }
    // A long run of text (a "spaced" extractor): the last sentences that fit a post.
    let own_start =
        para.start + from + (p[from..body_end].len() - p[from..body_end].trim_start().len());
    let own_text = text[own_start..para.start + body_end].trim_end();
    let at = |i: usize, guessed: bool| {
        let t = own_text[i..].trim_start();
        Body::new(strip_md(t), own_start + own_text.len() - t.len(), guessed)
    };
    // The earliest offset from which the rest fits the platform's length.
    let fits_from = fits_from(own_text, limit);
    // The embed's own header ("View this post on Instagram") opens the post's text where a
    // spaced extractor ran it into the article (looked for just before what fits).
    let near = floor_boundary(own_text, fits_from.saturating_sub(64));
    if let Some(i) = HEADERS
        .find_iter(&own_text[near..])
        .map(|m| near + m.end())
        .max()
        .filter(|&i| !own_text[i..].trim().is_empty())
    {
        return Some(at(i, false));
    }
    // A line that fits the platform's length whole has no seam inside ("Great win.  Next
    // up: Leeds") but a lead-in's colon ("The minister wrote: …", a sentence too long for
    // a heading).
    let whole_line = fits_from == 0 && own_start == para.start;
    let lead = |i: usize| {
        lead_in(last_sentence(
            own_text[..i].trim_end().trim_end_matches(':'),
        ))
    };
    let seam = seam(own_text, fits_from).filter(|&(i, sure)| !whole_line || !sure && lead(i));
    if let Some((i, sure)) = seam {
        let k = language_change(own_text, i);
        return Some(at(k, !sure || k != i));
    }
    if fits_from == 0 {
        let starts = past_dates(own_text, language_change(own_text, 0));
        // The whole line before the attribution ("(3) … drink— Name (@handle)"): the
        // lines above it may be the tweet's too.
        if limit.twitter && own_start == para.start && starts == 0 {
            let lines = vec![strip_md(own_text)];
            return above(doc, pi, free_from, limit, lines, Some(own_start), true);
        }
        // (after the post before, a date line or a line start; else the language changed)
        let marked = starts == 0 || past_dates(own_text, 0) == starts;
        return Some(at(starts, !marked));
    }
    Some(at(guessed_start(own_text, fits_from), true))
}

/// Where a post's text starts in `own_text` when nothing marks it, from `fits_from`, the
/// earliest offset from which the rest fits the platform's length.
fn guessed_start(own_text: &str, fits_from: usize) -> usize {
    // The first sentence that starts within the length; failing one, the first whole
    // word (never the article's line start: the post would swallow the article). In a
    // script written without spaces, a sentence glued to the one before is in its
    // paragraph: the first that starts after a space starts a line.
    let candidates = |from: usize| {
        own_text[from..]
            .char_indices()
            .map(move |(i, c)| (from + i, c))
    };
    let starts = candidates(fits_from)
        .find(|&(i, c)| sentence_starts(&own_text[..i], c))
        .map(|(i, c)| {
            if weight(c) == 2 && !own_text[..i].ends_with(' ') {
                candidates(i)
                    .find(|&(k, c)| spaced_wide_start(&own_text[..k], c))
                    .map_or(i, |(k, _)| k)
            } else {
                i
            }
        })
        .unwrap_or_else(|| word_start(own_text, fits_from));
    let starts = past_dates(own_text, starts);
    let starts = language_change(own_text, starts);
    run_in(own_text, emoji_opens(own_text, starts))
}

/// The seam where an extractor glued a post to the article, in `own_text` from `fits_from`:
/// a double space or a tab ("… the article.  Tweet text …"), the earliest one within the
/// post's length, else a colon, the last one, with at least 20 bytes after it; and whether it
/// is sure (white space an extractor left, not a colon). A colon that introduces a quotation
/// or an enumeration ("works: it …", "CNN: \"…\"") is the post's own.
fn seam(own_text: &str, fits_from: usize) -> Option<(usize, bool)> {
    let valid = |m: &str, i: usize| {
        let next = own_text[i..].trim_start();
        // (a handle or a hashtag after a lower-case word goes on its sentence: "my charity
        // the  @foundation")
        let mid_sentence = next.starts_with(['@', '#'])
            && own_text[..i]
                .trim_end()
                .ends_with(|c: char| c.is_lowercase());
        own_text.len() - i >= 20
            && !mid_sentence
            && next.starts_with(|c: char| {
                c.is_uppercase() || c == '#' || c == '@' || !c.is_alphabetic()
            })
            && !(m == ": " && (next.starts_with(OPENERS) || tagged(&own_text[..i])))
    };
    let region = &own_text[fits_from..];
    let spaces = ["  ", "\t"]
        .iter()
        .filter_map(|m| {
            region
                .match_indices(m)
                .map(|(i, _)| fits_from + i + m.len())
                .find(|&i| valid(m, i))
        })
        .min();
    let colon = || {
        region
            .rmatch_indices(": ")
            .map(|(i, _)| fits_from + i + 2)
            .find(|&i| valid(": ", i))
    };
    spaces
        .map(|i| (i, true))
        .or_else(|| colon().map(|i| (i, false)))
}

/// The post's body in the lines above paragraph `pi`, after the `lines` (last first) already
/// taken from `start`: lines joined by single line breaks that fit the post, skipping empty
/// quotation lines and "View this post on …". With `open_only`, a line that ends a sentence
/// is the article's (a tweet's own line breaks set off a heading or list items, "Recipe:",
/// "(1) Tea").
pub(super) fn above(
    doc: &Doc,
    pi: usize,
    free_from: usize,
    limit: Limit,
    mut lines: Vec<String>,
    mut start: Option<usize>,
    open_only: bool,
) -> Option<Body> {
    let (text, paragraphs) = (doc.text, doc.paragraphs);
    let para = paragraphs[pi];
    let p = &text[para.start..para.end];
    // The indentation of an attribution on a line of its own ("— Name (@handle) Date").
    let post_indent = if ATTRIBUTION_DASHES.iter().any(|d| p.starts_with(d)) {
        indent(text, para.start)
    } else {
        0
    };
    let ctx = Above {
        doc,
        free_from,
        limit,
        post_indent,
        // Under a quoted attribution ("> — Name (@handle)") the body is quoted too.
        in_quote: p.starts_with('>'),
        open_only,
    };
    let mut j = pi;
    // The lines stop at a mark (a blank line, a quotation's start, a lead-in, the post
    // before) unless only the length or a sentence's end stops them.
    let mut guessed = false;
    while j > free_from.max(pi.saturating_sub(24)) {
        j -= 1;
        let l = line_above(doc, j);
        // The embed's header tops it: above it is the article (a post without a caption has
        // no text).
        if l.header {
            break;
        }
        if l.empty {
            if lines.is_empty() || l.quoted {
                continue;
            }
            break;
        }
        if !lines.is_empty()
            && let Some(guess) = ctx.ends_post(&l, &lines, start)
        {
            guessed = guess;
            break;
        }
        lines.push(l.bare.to_string());
        start = Some(paragraphs[j].end - l.line.trim_start_matches(['>', ' ']).len());
        if !l.quoted && !limit.twitter {
            break;
        }
    }
    lines.reverse();
    // (a link split over the quotation's lines is one again: "[> pic.twitter.com/x" /
    // "](https://t.co/x)")
    let joined = unseen(&rejoined_links(&lines.join(" ")));
    (!joined.is_empty() && shown_len(&joined, limit) <= limit.max * 4)
        .then(|| Body::new(joined, start.unwrap_or(para.start), guessed))
}

/// What [`above`] knows of the post whose lines it reads.
struct Above<'d, 'a> {
    doc: &'d Doc<'a>,
    free_from: usize,
    limit: Limit,
    /// The indentation of an attribution on a line of its own.
    post_indent: usize,
    /// The attribution is quoted ("> — Name (@handle)").
    in_quote: bool,
    open_only: bool,
}

/// A line above an attribution.
struct LineAbove<'a> {
    /// Its paragraph.
    j: usize,
    /// The line, a list item's marker dropped ("* > text" is "> text").
    line: &'a str,
    /// The line without its quotation markers.
    bare: &'a str,
    /// A quotation's line ("> text").
    quoted: bool,
    /// The header an embed prints above its post ("View this post on Instagram").
    header: bool,
    /// No text (or a link without a label).
    empty: bool,
}

/// Paragraph `j` as a line above an attribution.
fn line_above<'a>(doc: &Doc<'a>, j: usize) -> LineAbove<'a> {
    let q = doc.paragraphs[j];
    // "* > text": a quotation inside a list item.
    let line = doc.text[q.start..q.end].trim();
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
    LineAbove {
        j,
        line,
        bare,
        quoted: line.starts_with('>'),
        header,
        empty: label.trim().is_empty(),
    }
}

impl Above<'_, '_> {
    /// Whether line `l` is no longer the post's, above the `lines` (last first) taken from
    /// `start`: `Some(guessed)`, guessed when only the post's length or a sentence's end says
    /// so (nothing marks the line as the article's).
    fn ends_post(&self, l: &LineAbove, lines: &[String], start: Option<usize>) -> Option<bool> {
        let text = self.doc.text;
        let bare = l.bare;
        // A markdown quotation is one run of lines; a blank line ends it.
        if l.quoted {
            return (!self.single_break(l.j)).then_some(false);
        }
        // A line that introduces what follows ("… he tweeted:") is the article's: its last
        // sentence does (not "… in die Praxis. Mehr dazu:" above the post's own link).
        let lead_in = bare.ends_with(':') && lead_in(last_sentence(bare));
        let closed = self.open_only && bare.ends_with(['.', '!', '?', '…', '。', '！', '？']);
        // A post's block indented under an article's line that is not (trafilatura keeps
        // the embed's indentation: "#1 choice of Mac Users\n            Súper HAPPY …"): the
        // indentation changes where the article ends.
        let here = indent(text, self.doc.paragraphs[l.j].start);
        // (the attribution's own indentation counts when the post's lines share it, not
        // under a page's stray indentation: "pic.twitter.com/x\n\n      — Name (@h)")
        let post_indent =
            self.post_indent >= 2 && start.is_some_and(|s| indent(text, s) >= self.post_indent);
        let dedent = start.is_some_and(|s| indent(text, s) >= 8) && here < 2
            || post_indent && here < self.post_indent;
        // A list item or a table row above a line that is neither is the article's list or
        // table (trafilatura's "- item", "| cell |").
        let item = |l: &str| l.starts_with("- ") || l.starts_with("* ") || l.starts_with('|');
        let list_ends = item(bare) && lines.last().is_some_and(|l| !item(l));
        // A line that ends with a date is an attribution's or a card's ("Title , Source,
        // 2019年1月29日").
        if lead_in || self.in_quote || list_ends || dedent || ends_with_date(bare) {
            return Some(false);
        }
        (!self.fits(l, lines) || closed).then(|| self.single_break(l.j))
    }

    /// Whether paragraph `j` ends with a single line break: lines of one post body are joined
    /// by single line breaks (the <br>s of its paragraph); a blank line ends it.
    fn single_break(&self, j: usize) -> bool {
        let (text, paragraphs) = (self.doc.text, self.doc.paragraphs);
        let q = paragraphs[j];
        let next_start = paragraphs.get(j + 1).map_or(q.end, |n| n.start);
        single_break(&text[q.end..next_start])
    }

    /// Whether line `l` (not quoted) joins the post above the `lines` taken: across a single
    /// line break, or a blank line where the block or the language says so, within the
    /// post's length.
    fn fits(&self, l: &LineAbove, lines: &[String]) -> bool {
        let (text, limit) = (self.doc.text, self.limit);
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
        // Across a blank line, a line indented as the attribution is (an extractor that keeps
        // the page's layout, inscriptis: the embed's block is indented as one).
        let here = indent(text, self.doc.paragraphs[l.j].start);
        let same_block = self.post_indent >= 2 && here == self.post_indent;
        (self.single_break(l.j) || same_block || limit.twitter && self.language_seam(l, lines))
            && used + shown_len(l.bare, limit) <= limit.max
    }

    /// Across a blank line (an extractor that spaces a tweet's lines as paragraphs), only a
    /// line in the post's language with a paragraph in another language above it: the
    /// language changes where the article ends.
    fn language_seam(&self, l: &LineAbove, lines: &[String]) -> bool {
        let (text, paragraphs) = (self.doc.text, self.doc.paragraphs);
        let lang = |t: &str| LEXICON.language(t);
        let post = lang(&lines.iter().rev().cloned().collect::<Vec<_>>().join(" "));
        l.j > self.free_from
            && post.is_some()
            && lang(l.bare) == post
            && lang(&text[paragraphs[l.j - 1].start..paragraphs[l.j - 1].end])
                .is_some_and(|x| Some(x) != post)
    }
}

/// Whether the white space `gap` between two lines is one line break: one, or two around a
/// line of spaces (an extractor that puts each text node on a line of its own writes the
/// space between a tweet's words and its hashtag as a line: "Brust. \n#hahohe\n \npic…"); a
/// line with nothing on it is a blank line.
pub(super) fn single_break(gap: &str) -> bool {
    let lines: Vec<&str> = gap.split('\n').collect();
    lines.len() == 2 || lines.len() == 3 && !lines[1].is_empty()
}

/// The spaces and tabs that indent the line on which byte `at` stands, before `at` (none
/// when other text stands before it on its line).
pub(super) fn indent(text: &str, at: usize) -> usize {
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
pub(super) struct Limit {
    pub(super) max: usize,
    pub(super) twitter: bool,
}

/// A tweet (280 as Twitter counts, plus the spaces extractors add around links) or a
/// Bluesky post (300 characters).
pub(super) const SHORT_POST: Limit = Limit {
    max: 300,
    twitter: true,
};
/// A tweet from before `TWITTER_280` (140, plus the spaces extractors add around links).
pub(super) const OLD_TWEET: Limit = Limit {
    max: 160,
    twitter: true,
};
/// The day Twitter's limit went from 140 to 280 for all accounts.
pub(super) const TWITTER_280: &str = "2017-11-07";
/// Instagram's and Facebook's captions.
pub(super) const CAPTION: Limit = Limit {
    max: 2200,
    twitter: false,
};

/// The last character boundary of `s` at or before byte `i`.
pub(super) fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the sentence that ends `head` holds a hashtag or a handle: then a colon after it
/// is the post's own ("… von @DoroBaer zeigt unser Problem: Jetzt …"), not a lead-in.
pub(super) fn tagged(head: &str) -> bool {
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

/// The header lines an embed prints above its post ("View this post on Instagram"; the class
/// `posts_embed_headers` of `lexicon/classes/posts.txt`).
pub(super) static EMBED_HEADERS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| phrases(Class::PostsEmbedHeaders, ""));

/// [`EMBED_HEADERS`], looked for at once.
pub(super) static HEADERS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(&*EMBED_HEADERS).expect("the headers build an automaton")
    });

/// Opening quotation marks and brackets: after a colon they begin the post's own quotation
/// or list, not the post.
pub(super) const OPENERS: &[char] = &['"', '“', '„', '«', '‘', '\'', '(', '「', '『'];

/// Twitter's weight of one character (twitter-text's configuration v3: 1 for Latin, general
/// punctuation and the like, 2 for everything else: CJK, emoji).
pub(super) fn weight(c: char) -> usize {
    match c as u32 {
        0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        // Variation selectors and joiners belong to the emoji before them.
        0xFE00..=0xFE0F | 0x200E..=0x200F => 0,
        _ => 2,
    }
}

/// The length of a word (with the white space after it) as `limit` counts, and whether it
/// is a link, which counts whole.
pub(super) fn word_len(word: &str, limit: Limit) -> (usize, bool) {
    if !limit.twitter {
        return (word.chars().count(), false);
    }
    let bare = word.trim_end();
    let space = word.len() - bare.len();
    // (an address printed in parentheses is not the post's text: "(https://t.co/x)")
    if bare.starts_with("pic.twitter.com/") || bare.starts_with("(http") {
        (space, true)
    } else if bare.starts_with("http://") || bare.starts_with("https://") {
        (23 + space, true)
    } else {
        (word.chars().map(weight).sum(), false)
    }
}

/// The earliest byte offset of `s` from which the rest fits `limit`.
pub(super) fn fits_from(s: &str, limit: Limit) -> usize {
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
pub(super) fn language_change(s: &str, from: usize) -> usize {
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
pub(super) fn sentence_starts(before: &str, c: char) -> bool {
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

/// Whether a sentence in a script written without spaces starts with `c` after `before`
/// across a space: Chinese and Japanese put none between sentences, so a space after an
/// ideographic full stop is a line break an extractor flattened ("…ないようだ。 黒塗りの…").
pub(super) fn spaced_wide_start(before: &str, c: char) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && trimmed.ends_with(['。', '！', '？'])
        && weight(c) == 2
        && !c.is_whitespace()
}

/// Past the last line in `s` after `from` that ends with a date: that line is an
/// attribution or a card above the post ("Title , Source, 2019年1月29日"), not its text.
pub(super) fn past_dates(s: &str, from: usize) -> usize {
    s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .rev()
        .find(|&(i, c)| i > from && after_date(&s[..i], c))
        .map_or(from, |(i, _)| i)
}

/// Whether a line that ends with a date ran into `c` after `before`.
pub(super) fn after_date(before: &str, c: char) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && !c.is_lowercase()
        && !c.is_whitespace()
        && ends_with_date(trimmed)
}

/// The start of the first whole word of `s` at or after byte `at`.
pub(super) fn word_start(s: &str, at: usize) -> usize {
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
pub(super) fn shown_len(s: &str, limit: Limit) -> usize {
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

/// The last sentence of `s`: what follows its last full stop, question or exclamation
/// mark and space ("Und fördern den Transfer. Mehr dazu:" ends with "Mehr dazu:").
pub(super) fn last_sentence(s: &str) -> &str {
    let from = [". ", "! ", "? "]
        .iter()
        .filter_map(|m| s.rfind(m).map(|k| k + m.len()))
        .max()
        .unwrap_or(0);
    &s[from..]
}

/// Whether a line ending in a colon introduces what follows as the article's ("… he
/// tweeted:", "So kam die Formel für meinen Tweet zustande:") rather than opening a post
/// ("Drinking game for web devs:"): a reporting verb, or a sentence too long for a heading.
pub(super) fn lead_in(line: &str) -> bool {
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

/// Markdown blockquote markers removed from a post's text (a link's label too: "[>
/// pic.twitter.com/x" is "[pic.twitter.com/x"), and what a reader does not see as its text:
/// addresses printed in parentheses, leftover tags ([`unseen`]).
pub(super) fn strip_md(s: &str) -> String {
    let joined = s
        .lines()
        .map(|l| l.trim_start_matches('>').trim())
        .map(|l| match l.strip_prefix("[>") {
            Some(rest) => format!("[{}", rest.trim_start()),
            None => l.to_string(),
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    unseen(&rejoined_links(&joined))
}

/// A link split over a quotation's lines, its lines joined by spaces, made one again:
/// "[> pic.twitter.com/x ](https://t.co/x)" is "[pic.twitter.com/x](https://t.co/x)".
fn rejoined_links(s: &str) -> String {
    let s = s.replace("[> ", "[");
    let mut parts = s.split("](");
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        out.truncate(out.trim_end().len());
        out.push_str("](");
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_after_an_ideographic_full_stop_is_a_flattened_break() {
        assert!(spaced_wide_start("ないようだ。 ", '黒'));
        // (glued, it is only a sentence's end; a Latin sentence after it is no sign)
        assert!(!spaced_wide_start("ないようだ。", '黒'));
        assert!(!spaced_wide_start("ないようだ。 ", 'T'));
        assert!(!spaced_wide_start("the end. ", 'T'));
    }

    #[test]
    fn the_last_sentence_of_a_line_is_its_lead_in() {
        assert_eq!(
            last_sentence("Und fördern den Transfer. Mehr dazu:"),
            "Mehr dazu:"
        );
        assert_eq!(last_sentence("He tweeted:"), "He tweeted:");
        assert!(!lead_in(last_sentence(
            "Und fördern den Transfer in die Praxis. Mehr dazu:"
        )));
    }

    #[test]
    fn a_line_of_spaces_between_two_lines_is_no_blank_line() {
        assert!(single_break(" \n"));
        assert!(single_break("\n \n"));
        assert!(!single_break("\n\n"));
        assert!(!single_break("\n\n\n"));
        assert!(!single_break("\n \n \n"));
    }

    #[test]
    fn a_link_split_over_lines_is_one_again() {
        assert_eq!(
            rejoined_links("now [> pic.twitter.com/x   ](https://t.co/x) and [a](b)"),
            "now [pic.twitter.com/x](https://t.co/x) and [a](b)"
        );
    }

    #[test]
    fn a_double_space_is_a_seam_a_colon_before_a_quotation_is_not() {
        let t = "The article goes on.  Tweet text that is long enough here";
        assert_eq!(seam(t, 0), Some((22, true)));
        assert_eq!(seam("CNN: \"a quotation that is long enough\"", 0), None);
    }
}
