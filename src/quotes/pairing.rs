//! Pairing the marks of each paragraph, once, with a small state machine whose steps are
//! named: [`Pairing::opening`] (nothing open), [`Pairing::inside`] (a mark inside an open
//! quotation: close it, nest, or recover), [`Pairing::recover`] (a second opening mark
//! before any closing one: flag the first), [`Pairing::paragraph_ends`] (continue a
//! multi-paragraph quotation, or close and flag it).

use super::QuotePart;
use super::marks::{Family, Mark, candidates, classify};
use crate::model::{Flag, FlagKind, Span};

/// The open outer mark, and the part of the previous paragraph its quotation continues.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    continues: Option<usize>,
}

/// The state within a paragraph.
#[derive(Debug, Default)]
struct State {
    open: Option<Open>,
    /// Same-style marks nested inside the open quotation (“… “list” …”).
    depth: usize,
}

/// The pairing of a document's marks: the parts and flags found so far.
struct Pairing<'t> {
    text: &'t str,
    parts: Vec<QuotePart>,
    flags: Vec<Flag>,
    /// The part that the next paragraph continues when it opens with a quotation mark, or
    /// (`line_break`) from its first character when only a line break parted them.
    carried: Option<Carry>,
    /// Two apostrophes are a double mark.
    doubled: bool,
    /// The marks of all the paragraphs, in text order ([`Pairing::marks_in`]).
    marks: Vec<Mark>,
    /// What lies ahead of each mark of the paragraph being paired: one pair of lists,
    /// refilled for each paragraph, not two new ones a paragraph.
    ahead: Ahead,
}

/// A quotation the next paragraph continues.
#[derive(Debug, Clone, Copy)]
struct Carry {
    part: usize,
    line_break: bool,
}

/// Find the quotations of a document. `masked` spans (embedded posts, markup; merged and
/// sorted) are skipped.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    masked: &[Span],
    doubled: bool,
) -> (Vec<QuotePart>, Vec<Flag>) {
    let mut p = Pairing {
        text,
        parts: Vec::new(),
        flags: Vec::new(),
        carried: None,
        // TeX and treebank marks (``so'') make two apostrophes a double closing mark.
        doubled: doubled || crate::segment::has_doubled(text.as_bytes(), b'`'),
        marks: Vec::new(),
        ahead: Ahead::default(),
    };
    // (the marks of all the paragraphs in one search of the text they span: a mark is
    // judged by its neighbours in the whole text, so a paragraph's marks are those that
    // start in it)
    let start = paragraphs.iter().map(|s| s.start).min().unwrap_or(0);
    let end = paragraphs.iter().map(|s| s.end).max().unwrap_or(0);
    if start < end {
        p.marks = candidates(text, Span { start, end }, p.doubled);
    }
    // (one list of a paragraph's unmasked marks, refilled for each; `k`, the first mark not
    // before the paragraph, moves on with the paragraphs, which are in text order)
    let mut marks: Vec<Mark> = Vec::new();
    let mut k = 0;
    for (pi, &para) in paragraphs.iter().enumerate() {
        if k > 0 && p.marks[k - 1].start >= para.start {
            k = p.marks.partition_point(|m| m.start < para.start);
        }
        while p.marks.get(k).is_some_and(|m| m.start < para.start) {
            k += 1;
        }
        marks.clear();
        while let Some(&m) = p.marks.get(k).filter(|m| m.start < para.end) {
            if !crate::segment::masked(masked, m.start) {
                marks.push(m);
            }
            k += 1;
        }
        let next = paragraphs.get(pi + 1).copied();
        let next_single = next.and_then(|n| opens_with_quote(text, n)) == Some(Family::Single);
        if let Some(open) = p.paragraph(pi, para, &marks, next_single) {
            p.paragraph_ends(pi, para, next, open);
        }
    }
    p.finish()
}

impl Pairing<'_> {
    /// The marks of `span` (a paragraph: `marks::candidates` of it), from the document's.
    fn marks_in(&self, span: Span) -> &[Mark] {
        let lo = self.marks.partition_point(|m| m.start < span.start);
        let n = self.marks[lo..].partition_point(|m| m.start < span.end);
        &self.marks[lo..lo + n]
    }

    /// Pair the marks of paragraph `pi`; the quotation still open at its end, if any.
    /// `next_single`: the next paragraph opens with a single mark, so the paragraph's last
    /// single mark may open a quotation that continues there (The mayor said: 'We will
    /// build it. ¶ 'It will …').
    fn paragraph(
        &mut self,
        pi: usize,
        para: Span,
        marks: &[Mark],
        next_single: bool,
    ) -> Option<Open> {
        let mut state = State::default();
        let mut rest = marks;
        // Continue a multi-paragraph quotation at the paragraph's opening mark, or from
        // its first character across a line break.
        match self.carried.take() {
            Some(c) if c.line_break => {
                state.open = Some(Open {
                    mark: line_start(para.start),
                    continues: Some(c.part),
                });
            }
            Some(c) if marks.first().is_some_and(|m| m.start == para.start) => {
                state.open = Some(Open {
                    mark: marks[0],
                    continues: Some(c.part),
                });
                rest = &marks[1..];
            }
            _ => {}
        }
        let mut ahead = std::mem::take(&mut self.ahead);
        ahead.fill(rest);
        let last_single = rest.iter().rposition(|m| m.family == Family::Single);
        for (k, &m) in rest.iter().enumerate() {
            let continued = next_single && last_single == Some(k);
            match state.open {
                None => {
                    state.open = self.opening(m, ahead.single_closer[k] || continued);
                    state.depth = 0;
                }
                Some(o) => self.inside(pi, o, m, ahead.double_closers[k], &mut state),
            }
        }
        self.ahead = ahead;
        state.open
    }

    /// Nothing is open: an opening mark opens a quotation (a single mark only where a
    /// closing one follows: ‘it is over’), and a double closing mark is flagged.
    fn opening(&mut self, m: Mark, single_closer: bool) -> Option<Open> {
        if !m.can_open {
            if m.family == Family::Double {
                let message = "a closing quotation mark with no opening mark";
                self.flags.push(unbalanced(m.start, m.end, message));
            }
            return None;
        }
        if m.family == Family::Single && !single_closer {
            return None;
        }
        Some(Open {
            mark: m,
            continues: None,
        })
    }

    /// A mark inside the open quotation `o`: the other family is part of the quoted words;
    /// a closing mark closes it (or a nested quotation: “many from the “list” are
    /// undecided”); an opening double mark nests when two closing ones follow, and
    /// otherwise recovers a mark that was never closed.
    fn inside(&mut self, pi: usize, o: Open, m: Mark, closers: usize, state: &mut State) {
        if m.family != o.mark.family {
            return;
        }
        if m.can_close && state.depth > 0 {
            state.depth -= 1;
        } else if m.can_close {
            self.push_part(pi, o, m.end, m.start, false);
            state.open = None;
        } else if m.can_open && o.mark.family == Family::Double {
            if closers >= 2 {
                // A quotation inside the quotation, in the same marks: both close later.
                state.depth += 1;
            } else {
                state.open = Some(self.recover(pi, o, m));
            }
        }
    }

    /// A second opening mark before any closing one: the first was never closed. Close it
    /// here, flag it, and open again: “A, he said. “B,” she said.
    fn recover(&mut self, pi: usize, o: Open, m: Mark) -> Open {
        let message = "a quotation mark that is never closed";
        self.flags
            .push(unbalanced(o.mark.start, o.mark.end, message));
        self.push_part(pi, o, m.start, m.start, true);
        Open {
            mark: m,
            continues: None,
        }
    }

    /// Paragraph `pi` ends inside the quotation `o`. It continues when the next paragraph
    /// opens with a mark of its family (“First part. ¶ “Second part,” he said.); otherwise
    /// a quotation in double marks is closed at the paragraph's end and flagged, and one in
    /// single marks is dropped.
    fn paragraph_ends(&mut self, pi: usize, para: Span, next: Option<Span>, o: Open) {
        let family = o.mark.family;
        let reopens = next.and_then(|n| opens_with_quote(self.text, n)) == Some(family);
        let line_break = !reopens
            && family == Family::Double
            && next.is_some_and(|n| self.closes_across_line_break(para, n));
        let reopens = reopens || line_break;
        if !reopens && family == Family::Double {
            let message = "a quotation mark that is never closed; closed at the paragraph's end";
            self.flags
                .push(unbalanced(o.mark.start, o.mark.end, message));
        }
        if family == Family::Double && !reopens {
            let end = bounded_end(self.text, o.mark.end, para.end);
            self.push_part(pi, o, end, end, true);
        } else if reopens {
            self.push_part(pi, o, para.end, para.end, false);
            self.carried = Some(Carry {
                part: self.parts.len() - 1,
                line_break,
            });
        }
    }

    /// `He said, "This quotation runs` ¶ `over a line break."`: only a line break parts
    /// paragraph `para` from `next`, `para` ends mid-sentence, and the first double mark of
    /// `next` only closes. (Not `"…tax cuts.` ¶ `Dean Baker, CEPR."`: a line that ends a
    /// sentence.)
    fn closes_across_line_break(&self, para: Span, next: Span) -> bool {
        let gap = &self.text[para.end..next.start];
        gap.matches('\n').count() == 1
            && !self.text[para.start..para.end].ends_with(['.', '?', '!', ':'])
            && self
                .marks_in(next)
                .iter()
                .find(|m| m.family == Family::Double)
                .is_some_and(|m| m.can_close && !m.can_open)
    }

    /// A part of paragraph `pi` from `o` to `outer_end`, its words up to `inner_end`.
    fn push_part(
        &mut self,
        pi: usize,
        o: Open,
        outer_end: usize,
        inner_end: usize,
        unclosed: bool,
    ) {
        self.parts.push(QuotePart {
            outer: Span {
                start: o.mark.start,
                end: outer_end,
            },
            inner: inner_span(self.text, o.mark.end, inner_end),
            para: pi,
            continues: o.continues,
            unclosed,
            single: o.mark.family == Family::Single,
        });
    }

    /// Drop empty parts and renumber `continues`.
    fn finish(mut self) -> (Vec<QuotePart>, Vec<Flag>) {
        let parts = &mut self.parts;
        parts.retain(|p| p.inner.end > p.inner.start);
        // Fix `continues` indices after the retain: parts are only removed when empty, and
        // a continued part is never empty-carried, so recompute from paragraph adjacency.
        for i in 0..parts.len() {
            if parts[i].continues.is_some() {
                parts[i].continues =
                    (i > 0 && parts[i - 1].para + 1 == parts[i].para).then(|| i - 1);
            }
        }
        (self.parts, self.flags)
    }
}

/// Where a quotation continued across a line break starts again: a mark of no width at the
/// line's start.
fn line_start(at: usize) -> Mark {
    Mark {
        start: at,
        end: at,
        family: Family::Double,
        can_open: true,
        can_close: false,
        fixed: true,
    }
}

/// The quoted words between `from` and `to`, without surrounding spaces.
fn inner_span(text: &str, from: usize, to: usize) -> Span {
    let s = &text[from..to];
    let start = from + (s.len() - s.trim_start().len());
    let end = from + s.trim_end().len();
    Span {
        start,
        end: end.max(start),
    }
}

/// Whether a paragraph begins with an opening quotation mark.
fn opens_with_quote(text: &str, para: Span) -> Option<Family> {
    let m = classify(text, para.start)?;
    m.can_open.then_some(m.family)
}

/// The longest quotation left open at a paragraph's end that runs to the paragraph's end
/// (in bytes; the longest quotation of a news archive is shorter). A longer one, as in text
/// with no line breaks, ends at the first sentence stop after its mark.
const MAX_UNCLOSED: usize = 2000;

/// Where a quotation opened at `from` and never closed ends: the paragraph's end `to`, or,
/// past [`MAX_UNCLOSED`], its first sentence stop (at most that many bytes on).
/// `He said “this never closes. And the text runs on …`
fn bounded_end(text: &str, from: usize, to: usize) -> usize {
    if to - from <= MAX_UNCLOSED {
        return to;
    }
    let mut cap = from + MAX_UNCLOSED;
    while !text.is_char_boundary(cap) {
        cap -= 1;
    }
    let window = &text[from..cap];
    let stop = window
        .match_indices(['.', '?', '!'])
        .find(|&(i, _)| window[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, _)| from + i + 1);
    stop.unwrap_or(cap)
}

/// What lies ahead of each mark of a paragraph, read once from its end: the double closing
/// marks after it, and whether a single mark closes after it before the next single mark
/// that only opens (so that pairing stays linear in the number of marks).
#[derive(Default)]
struct Ahead {
    double_closers: Vec<usize>,
    single_closer: Vec<bool>,
}

impl Ahead {
    #[cfg(test)]
    fn of(marks: &[Mark]) -> Ahead {
        let mut ahead = Ahead::default();
        ahead.fill(marks);
        ahead
    }

    /// Read what lies ahead of each of `marks` (a paragraph's) into the lists, in place of
    /// what they held.
    fn fill(&mut self, marks: &[Mark]) {
        let n = marks.len();
        let Ahead {
            double_closers,
            single_closer,
        } = self;
        double_closers.clear();
        double_closers.resize(n, 0);
        single_closer.clear();
        single_closer.resize(n, false);
        for k in (0..n.saturating_sub(1)).rev() {
            let m = marks[k + 1];
            let double = usize::from(m.family == Family::Double && m.can_close);
            double_closers[k] = double_closers[k + 1] + double;
            single_closer[k] = match m.family {
                Family::Single if m.fixed && m.can_open => false,
                Family::Single if m.can_close => true,
                _ => single_closer[k + 1],
            };
        }
    }
}

fn unbalanced(start: usize, end: usize, message: &str) -> Flag {
    Flag::new(FlagKind::UnbalancedQuote, start, end, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    #[track_caller]
    fn quoted(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        let (parts, _) = find(text, &paras, &[], true);
        parts
            .iter()
            .map(|p| &text[p.inner.start..p.inner.end])
            .collect()
    }

    #[test]
    fn every_mark_style() {
        assert_eq!(
            quoted("He said “curly” and \"straight\"."),
            ["curly", "straight"]
        );
        assert_eq!(quoted("Il a dit « oui » et «non»."), ["oui", "non"]);
        assert_eq!(quoted("Er sagte „ja“ und ‚nein‘."), ["ja", "nein"]);
        assert_eq!(quoted("Sie sagte »ja« dann."), ["ja"]);
        assert_eq!(quoted("She said ‘it is over’, and left."), ["it is over"]);
        assert_eq!(quoted("She said 'it is over', and left."), ["it is over"]);
        assert_eq!(quoted("Il dit ‹ oui ›."), ["oui"]);
    }

    #[test]
    fn apostrophes_never_open() {
        assert!(quoted("Don't stop the '90s rock 'n' roll, O'Neill said.").is_empty());
        assert!(quoted("The Joneses' house, he told ’em.").is_empty());
        assert_eq!(
            quoted("“Don’t go,” he said of the Joneses’ dog."),
            ["Don’t go,"]
        );
    }

    #[test]
    fn doubled_apostrophes_as_double_marks() {
        assert_eq!(
            quoted("''We met as the 'core four' today,'' Ms. Conway added."),
            ["We met as the 'core four' today,"]
        );
        let text = "''Not read,'' she said.";
        let (parts, _) = find(text, &paragraphs(text), &[], false);
        assert!(parts.is_empty());
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He told me ‘no’ twice,” she said."),
            ["He told me ‘no’ twice,"]
        );
        assert_eq!(
            quoted("‘He told me “no” twice,’ she said."),
            ["He told me “no” twice,"]
        );
    }

    #[test]
    fn same_marks_nested() {
        assert_eq!(
            quoted("Jack noted that “many from the “list” are undecided” and left."),
            ["many from the “list” are undecided"]
        );
    }

    #[test]
    fn a_mark_never_closed_is_recovered_at_the_next_opening_mark() {
        let text = "“A, he said. “B,” she said.";
        assert_eq!(quoted(text), ["A, he said.", "B,"]);
        let (parts, flags) = find(text, &paragraphs(text), &[], true);
        assert!(parts[0].unclosed);
        assert_eq!(flags.len(), 1);
    }

    #[test]
    fn a_closing_mark_with_no_opening_mark_is_flagged() {
        let text = "He said no” and left.";
        let (parts, flags) = find(text, &paragraphs(text), &[], true);
        assert!(parts.is_empty());
        assert_eq!(flags.len(), 1);
    }

    #[test]
    fn multi_paragraph_quotation_continues() {
        let text = "“First part.\n\n“Second part,” he said.";
        let paras = paragraphs(text);
        let (parts, flags) = find(text, &paras, &[], true);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].continues, Some(0));
        assert!(flags.is_empty());
    }

    #[test]
    fn a_british_quotation_opened_at_a_paragraph_end_continues() {
        let text = "The mayor said: 'We will build it.\n\n'It will last,' she said.";
        assert_eq!(quoted(text), ["We will build it.", "It will last,"]);
        let (parts, _) = find(text, &paragraphs(text), &[], false);
        assert_eq!(parts[1].continues, Some(0));
        assert!(quoted("The mayor's plan.\n\n'It will last,' she said.").len() == 1);
    }

    #[test]
    fn a_quotation_runs_over_a_bare_line_break() {
        let text = "He said, \"This quotation runs\nover a line break.\" Then he left.";
        assert_eq!(quoted(text), ["This quotation runs", "over a line break."]);
        let (parts, flags) = find(text, &paragraphs(text), &[], false);
        assert_eq!(parts[1].continues, Some(0));
        assert!(flags.is_empty());
        // (a blank line between is a paragraph's end, and so is a sentence's end)
        let text = "He said, \"This never closes\n\nover a line break.\" Then.";
        assert_eq!(find(text, &paragraphs(text), &[], false).0.len(), 1);
        let text = "\"We worry about tax cuts.\nDean Baker, CEPR.\"";
        assert_eq!(find(text, &paragraphs(text), &[], false).0.len(), 1);
    }

    #[test]
    fn tex_marks_are_double_and_single_marks() {
        assert_eq!(
            quoted("``Hello,'' he said, and `Hi,' she said."),
            ["Hello,", "Hi,"]
        );
        let text = "``Not read,'' she said.";
        let (parts, _) = find(text, &paragraphs(text), &[], false);
        assert_eq!(parts.len(), 1);
    }

    #[test]
    fn an_unclosed_mark_in_a_long_paragraph_ends_at_a_sentence_stop() {
        let text = format!(
            "He said “this never closes. {}",
            "And on it goes. ".repeat(200)
        );
        let (parts, flags) = find(&text, &paragraphs(&text), &[], false);
        assert_eq!(
            &text[parts[0].inner.start..parts[0].inner.end],
            "this never closes."
        );
        assert_eq!(flags.len(), 1);
    }

    #[test]
    fn many_unbalanced_marks_pair_in_linear_time() {
        let text = "“a ".repeat(100_000);
        let t = std::time::Instant::now();
        let (parts, _) = find(&text, &paragraphs(&text), &[], false);
        assert_eq!(parts.len(), 100_000);
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn ahead_counts_the_closing_marks_after_each_mark() {
        let text = "“a “b” c” ‘d’";
        let marks = candidates(text, paragraphs(text)[0], false);
        let ahead = Ahead::of(&marks);
        assert_eq!(ahead.double_closers[0], 2);
        assert!(ahead.single_closer[3]);
        assert!(!ahead.single_closer[5]);
    }

    #[test]
    fn ahead_refilled_is_ahead_read_anew() {
        let texts = [
            "“a “b” c” ‘d’ “e”",
            "‘x’",
            "",
            "“one” ‘two’ “three” ‘four’ ”",
        ];
        let mut ahead = Ahead::default();
        for t in texts.iter().chain(texts.iter().rev()) {
            let marks = candidates(
                t,
                Span {
                    start: 0,
                    end: t.len(),
                },
                false,
            );
            ahead.fill(&marks);
            let mut fresh = Ahead::default();
            fresh.fill(&marks);
            assert_eq!(ahead.double_closers, fresh.double_closers, "{t:?}");
            assert_eq!(ahead.single_closer, fresh.single_closer, "{t:?}");
            assert_eq!(ahead.double_closers.len(), marks.len());
        }
    }

    #[test]
    fn unbalanced_mark_is_flagged_and_the_rest_survives() {
        let text = "He said “this never closes.\n\nLater, “fine,” she said.";
        let paras = paragraphs(text);
        let (parts, flags) = find(text, &paras, &[], true);
        assert_eq!(parts.len(), 2);
        assert_eq!(&text[parts[1].inner.start..parts[1].inner.end], "fine,");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].kind, FlagKind::UnbalancedQuote);
    }
}
