//! Hard-wrapped text: wire archives, e-mail and plain-text dumps break every line at 70–80
//! columns, with no blank line inside a paragraph. Such lines are one paragraph.
//!
//! A document is wrapped when its lines are no wider than a wrap column ([`MIN_WIDTH`]..=
//! [`MAX_WIDTH`]) and many of them are *full*: the next line's first word would have passed
//! the widest line, and the line ends without a sentence stop. In a wrapped document a line
//! joins the next one of its block ([`JOINS`], in order: the first rule that decides wins).
//! The paragraphs keep their offsets into the original text; a joined paragraph holds the
//! line breaks as white space.

use crate::model::Span;

/// The narrowest and the widest wrap column read as hard wrapping.
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 100;
/// The columns a wrapper may leave free at the end of a line that ends mid-sentence (a
/// wrapper that aims short of the column, or justifies).
const SLACK: usize = 10;

/// A non-empty line: its span without surrounding white space, its width in characters,
/// whether it is indented, and whether the next line of the text follows it directly
/// (no blank line between).
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    span: Span,
    width: usize,
    indented: bool,
    followed: bool,
}

/// The non-empty lines of `text`. Once a line wider than [`MAX_WIDTH`] holds a space, the
/// text is not wrapped ([`wrap_width`] stops there) and no rule reads a later line's width:
/// the later lines are not measured (their width is `MAX_WIDTH + 1`), so that a news
/// article's characters are not counted.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut start = 0;
    let mut blank = true;
    let mut unwrapped = false;
    for line in lines_with_breaks(text) {
        let end = start + line.len();
        let (lead, body) = trimmed(line);
        if body.is_empty() {
            blank = true;
        } else {
            if let Some(prev) = out.last_mut() {
                prev.followed = !blank;
            }
            let s = start + lead;
            let width = if unwrapped {
                MAX_WIDTH + 1
            } else {
                width(body)
            };
            unwrapped = unwrapped || (width > MAX_WIDTH && body.contains(' '));
            out.push(Line {
                span: Span {
                    start: s,
                    end: s + body.len(),
                },
                width,
                indented: s > start,
                followed: false,
            });
            blank = false;
        }
        start = end;
    }
    out
}

/// `line` without the white space around it (`str::trim`), and the length of the white space
/// before it: a line that starts, and ends before its line break, with an ASCII character
/// that is no white space (most lines), or a line break alone, is cut without decoding its
/// ends.
fn trimmed(line: &str) -> (usize, &str) {
    let b = line.as_bytes();
    let end = b.len() - usize::from(b.last() == Some(&b'\n'));
    // (`char::is_whitespace` of an ASCII character: the vertical tab too)
    let solid = |c: u8| c.is_ascii() && !matches!(c, b'\t'..=b'\r' | b' ');
    if end == 0 {
        // (a blank line of its break alone)
        return (b.len(), "");
    }
    if solid(b[0]) && solid(b[end - 1]) {
        return (0, &line[..end]);
    }
    let body = line.trim_start();
    (line.len() - body.len(), body.trim_end())
}

/// The lines of `text`, each with its line break (as `split_inclusive('\n')` gives them),
/// the breaks found by `memchr` (many bytes read at once: an article's lines are long).
fn lines_with_breaks(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let end = match breaks.next() {
            Some(i) => i + 1,
            None if start < text.len() => text.len(),
            None => return None,
        };
        // (a line break is one byte: the line ends on a character boundary)
        let line = text.get(start..end)?;
        start = end;
        Some(line)
    })
}

/// A line's width in characters, or `MAX_WIDTH + 1` for any line wider than [`MAX_WIDTH`]
/// (the rules tell no wider width from it: such a line is wider than any wrap column). A
/// line of more than `4 * (MAX_WIDTH + 1)` bytes holds more characters than that, uncounted.
fn width(line: &str) -> usize {
    const WIDE: usize = MAX_WIDTH + 1;
    if line.len() > 4 * WIDE {
        return WIDE;
    }
    line.chars().count().min(WIDE)
}

/// What the joining rules read: the text, its lines and its wrap column.
pub(super) struct Wrapped<'t> {
    text: &'t str,
    lines: &'t [Line],
    width: usize,
}

/// Whether line `i` joins line `i + 1` (`Some(true)`), stays apart (`Some(false)`), or the
/// rule does not decide (`None`).
type Join = fn(&Wrapped, usize) -> Option<bool>;

/// The rules that join a line to the next, in order.
const JOINS: &[(&str, Join)] = &[
    ("a blank line or the text's end parts them", parted),
    (
        "a markdown quotation or a list item stands apart",
        marked_line,
    ),
    ("a full line ending mid-sentence runs on", runs_on),
    (
        "a full line ending a sentence runs on unless the next is indented",
        full_stop_line,
    ),
];

/// The paragraphs of a text: each non-empty line, except that the lines of a hard-wrapped
/// text are joined into their paragraphs.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    joined(text, &lines(text))
}

/// The non-empty lines of a text (`segment::paragraphs`) and its [`paragraphs`], from one
/// reading of its lines.
pub(crate) fn lines_and_paragraphs(text: &str) -> (Vec<Span>, Vec<Span>) {
    let lines = lines(text);
    (lines.iter().map(|l| l.span).collect(), joined(text, &lines))
}

/// The paragraphs of `text` from its `lines`: see [`paragraphs`].
fn joined(text: &str, lines: &[Line]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(lines.len());
    let w = wrap_width(text, lines).map(|width| Wrapped { text, lines, width });
    let mut joined = false;
    for (i, l) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(p) if joined => p.end = l.span.end,
            _ => out.push(l.span),
        }
        joined = w.as_ref().is_some_and(|w| w.joins(i));
    }
    out
}

/// The wrap column of a hard-wrapped text, or `None` when the text is not wrapped.
/// "…taking her\nto the emergency room…": most lines are full and end mid-sentence.
pub(super) fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    // (the widest line with a space; a line wider than any column ends the search, and only
    // a line wider than those before is searched for a space)
    let mut width = None;
    for l in lines {
        if width.is_none_or(|w| l.width > w) && text[l.span.start..l.span.end].contains(' ') {
            width = Some(l.width);
            if l.width > MAX_WIDTH {
                return None;
            }
        }
    }
    let width = width?;
    if width < MIN_WIDTH {
        return None;
    }
    let w = Wrapped { text, lines, width };
    let followed = lines.iter().filter(|l| l.followed).count();
    let full = (0..lines.len())
        .filter(|&i| lines[i].followed && w.full(i, 0) && !w.ends_sentence(i))
        .count();
    (full >= 2 && 3 * full >= followed).then_some(width)
}

impl Wrapped<'_> {
    fn joins(&self, i: usize) -> bool {
        JOINS.iter().find_map(|(_, rule)| rule(self, i)) == Some(true)
    }

    fn line(&self, i: usize) -> &str {
        let s = self.lines[i].span;
        &self.text[s.start..s.end]
    }

    /// Line `i` is full: the next line's first word would have passed the wrap column
    /// (less `slack`).
    fn full(&self, i: usize, slack: usize) -> bool {
        if i + 1 >= self.lines.len() {
            return false;
        }
        let first = self.line(i + 1).split(' ').next().unwrap_or("");
        self.lines[i].width + 1 + first.chars().count() + slack > self.width
    }

    /// Line `i` ends with a sentence stop (a closing mark or bracket may follow it).
    fn ends_sentence(&self, i: usize) -> bool {
        let end = self
            .line(i)
            .trim_end_matches(['"', '\'', '”', '’', ')', '»']);
        end.ends_with(['.', '?', '!', ':'])
    }
}

/// "One.\n\nTwo.": a blank line (or the text's end) parts two lines.
fn parted(w: &Wrapped, i: usize) -> Option<bool> {
    (!w.lines[i].followed).then_some(false)
}

/// "> quoted\n> lines", "- item\n- item": a markdown quotation or a list item is a line of
/// its own.
fn marked_line(w: &Wrapped, i: usize) -> Option<bool> {
    let marked = |s: &str| {
        s.starts_with('>') || s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ")
    };
    (marked(w.line(i)) || marked(w.line(i + 1))).then_some(false)
}

/// "…avoided taking her\nto the emergency room…": a full line that ends mid-sentence.
fn runs_on(w: &Wrapped, i: usize) -> Option<bool> {
    (!w.ends_sentence(i)).then(|| w.full(i, SLACK))
}

/// "…The Post has learned.\nSecret Service…": a line ending a sentence runs on only when
/// it is full to the column and the next line is not indented (a new paragraph).
fn full_stop_line(w: &Wrapped, i: usize) -> Option<bool> {
    Some(w.full(i, 0) && !w.lines[i + 1].indented)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_trimmed_as_str_trim_trims_it() {
        for line in [
            "One.\n",
            "One.",
            " One.\n",
            "One. \n",
            "One.\r\n",
            "\n",
            "x\n",
            "x",
            "\u{b}x\u{b}\n",
            "\u{a0}Ünë\u{2003}\n",
            "Ünë\n",
            "a\u{2003}",
            "\t\n",
            " ",
            "a b\n",
        ] {
            let (lead, body) = trimmed(line);
            assert_eq!(body, line.trim(), "{line:?}");
            assert_eq!(lead, line.len() - line.trim_start().len(), "{line:?}");
        }
    }

    #[test]
    fn the_lines_are_the_plain_paragraphs() {
        for text in [
            WRAPPED,
            " One.\n\n  Two two.\r\nThree",
            "\u{a0}Ünë\u{2003}\n\t\n x \r\n",
            "",
        ] {
            let (lines, paras) = lines_and_paragraphs(text);
            assert_eq!(lines, crate::segment::paragraphs(text), "{text:?}");
            assert_eq!(paras, paragraphs(text), "{text:?}");
        }
        assert!(lines_and_paragraphs(WRAPPED).1.len() < lines_and_paragraphs(WRAPPED).0.len());
    }

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    const WRAPPED: &str = "The mayor said on Monday that the city would build the bridge\n\
        across the river before the end of next year, and that the cost would\n\
        be met from the budget.\n\n\
        \"We will build it,\" she told reporters at the town hall on Monday\n\
        evening, before the council met to vote on the plan.";

    #[test]
    fn wrapped_lines_are_one_paragraph() {
        let p = paras(WRAPPED);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("The mayor") && p[0].ends_with("the budget."));
        assert!(p[1].contains("Monday\nevening"));
    }

    #[test]
    fn a_wrap_width_is_found_only_in_wrapped_text() {
        assert!(wrap_width(WRAPPED, &lines(WRAPPED)).is_some());
        let unwrapped = WRAPPED.replace('\n', " ").replace("  ", "\n\n");
        assert!(wrap_width(&unwrapped, &lines(&unwrapped)).is_none());
    }

    #[test]
    fn lines_are_split_at_their_breaks_as_split_inclusive_splits_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\nä\r\n€ b\n\n", WRAPPED] {
            let ours: Vec<&str> = lines_with_breaks(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn lines_after_a_wide_line_are_not_measured_and_nothing_changes() {
        let wide = "A line much wider than any wrap column, with spaces in it, as a news \
                    article's paragraphs are: the text is not wrapped.";
        for text in [
            format!("Headline\n\n{wide}\n{WRAPPED}"),
            format!("{WRAPPED}\n\n{wide}"),
            WRAPPED.to_string(),
        ] {
            let read = lines(&text);
            let measured: Vec<Line> = read
                .iter()
                .map(|l| Line {
                    width: width(&text[l.span.start..l.span.end]),
                    ..*l
                })
                .collect();
            assert_eq!(joined(&text, &read), joined(&text, &measured));
            assert_eq!(
                wrap_width(&text, &read).is_some(),
                wrap_width(&text, &measured).is_some()
            );
        }
        let text = format!("Headline\n\n{wide}\n{WRAPPED}");
        assert!(
            lines(&text)
                .last()
                .is_some_and(|l| l.width == MAX_WIDTH + 1)
        );
    }

    #[test]
    fn a_line_is_as_wide_as_its_characters_up_to_past_the_widest_column() {
        assert_eq!(width("naïve café"), 10);
        assert_eq!(width(&"é".repeat(MAX_WIDTH)), MAX_WIDTH);
        for n in [MAX_WIDTH + 1, 3 * MAX_WIDTH, 10 * MAX_WIDTH] {
            assert_eq!(width(&"x".repeat(n)), MAX_WIDTH + 1, "{n}");
            assert_eq!(width(&"€".repeat(n)), MAX_WIDTH + 1, "{n}");
        }
    }

    #[test]
    fn short_lines_are_not_wrapped() {
        let text = "Headline here\nBy Jane Doe\nMonday\n\nShe said so.\nHe said no.";
        assert_eq!(paras(text).len(), 5);
    }

    #[test]
    fn a_blank_line_parts_wrapped_paragraphs() {
        assert!(parted(&wrapped(WRAPPED), 2) == Some(false));
    }

    #[test]
    fn markdown_quotations_stay_apart() {
        let text = format!("{WRAPPED}\n> quoted line one that is long enough to be full\n> two");
        let w = wrapped(&text);
        let last = w.lines.len() - 2;
        assert_eq!(marked_line(&w, last), Some(false));
    }

    #[test]
    fn a_full_line_mid_sentence_runs_on() {
        assert_eq!(runs_on(&wrapped(WRAPPED), 0), Some(true));
    }

    #[test]
    fn an_indented_line_after_a_stop_opens_a_paragraph() {
        let text = format!(
            "{WRAPPED}\n\nThe council agreed on Tuesday that the vote was final and binding.\n  Next."
        );
        let w = wrapped(&text);
        let i = w.lines.len() - 2;
        assert_eq!(full_stop_line(&w, i), Some(false));
        let text = text.replace("\n  Next", "\nNext");
        assert_eq!(full_stop_line(&wrapped(&text), i), Some(true));
    }

    fn wrapped(text: &str) -> Wrapped<'_> {
        let lines: &'static [Line] = Box::leak(lines(text).into_boxed_slice());
        let width = wrap_width(text, lines).unwrap_or(72);
        Wrapped { text, lines, width }
    }
}
