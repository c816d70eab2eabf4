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
    /// The part that the next paragraph continues when it opens with a quotation mark.
    carried: Option<usize>,
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
    };
    for (pi, &para) in paragraphs.iter().enumerate() {
        let marks: Vec<Mark> = candidates(text, para, doubled)
            .into_iter()
            .filter(|m| !crate::segment::masked(masked, m.start))
            .collect();
        if let Some(open) = p.paragraph(pi, para, &marks) {
            p.paragraph_ends(pi, para, paragraphs.get(pi + 1).copied(), open);
        }
    }
    p.finish()
}

impl Pairing<'_> {
    /// Pair the marks of paragraph `pi`; the quotation still open at its end, if any.
    fn paragraph(&mut self, pi: usize, para: Span, marks: &[Mark]) -> Option<Open> {
        let mut state = State::default();
        let mut rest = marks;
        // Continue a multi-paragraph quotation at the paragraph's opening mark.
        if let Some(prev) = self.carried.take()
            && let Some(first) = marks.first().filter(|m| m.start == para.start)
        {
            state.open = Some(Open {
                mark: *first,
                continues: Some(prev),
            });
            rest = &marks[1..];
        }
        for (k, &m) in rest.iter().enumerate() {
            let after = &rest[k + 1..];
            match state.open {
                None => {
                    state.open = self.opening(m, after);
                    state.depth = 0;
                }
                Some(o) => self.inside(pi, o, m, after, &mut state),
            }
        }
        state.open
    }

    /// Nothing is open: an opening mark opens a quotation (a single mark only where a
    /// closing one follows: ‘it is over’), and a double closing mark is flagged.
    fn opening(&mut self, m: Mark, after: &[Mark]) -> Option<Open> {
        if !m.can_open {
            if m.family == Family::Double {
                let message = "a closing quotation mark with no opening mark";
                self.flags.push(unbalanced(m.start, m.end, message));
            }
            return None;
        }
        if m.family == Family::Single && !single_has_closer(after) {
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
    fn inside(&mut self, pi: usize, o: Open, m: Mark, after: &[Mark], state: &mut State) {
        if m.family != o.mark.family {
            return;
        }
        if m.can_close && state.depth > 0 {
            state.depth -= 1;
        } else if m.can_close {
            self.push_part(pi, o, m.end, m.start, false);
            state.open = None;
        } else if m.can_open && o.mark.family == Family::Double {
            let closers = after
                .iter()
                .filter(|n| n.family == Family::Double && n.can_close);
            if closers.count() >= 2 {
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
        if !reopens && family == Family::Double {
            let message = "a quotation mark that is never closed; closed at the paragraph's end";
            self.flags
                .push(unbalanced(o.mark.start, o.mark.end, message));
        }
        if family == Family::Double || reopens {
            self.push_part(pi, o, para.end, para.end, !reopens);
            if reopens {
                self.carried = Some(self.parts.len() - 1);
            }
        }
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

/// Whether a single mark closes before the next single mark that only opens.
fn single_has_closer(rest: &[Mark]) -> bool {
    rest.iter()
        .take_while(|m| !(m.family == Family::Single && m.fixed && m.can_open))
        .any(|m| m.family == Family::Single && m.can_close)
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
