//! Quotation marks: find them, tell them from apostrophes, pair them once.
//!
//! Candidates are found with `memchr` (the bytes that start `"`, `'`, `“ ” ‘ ’ „ ‚ ‹ ›`
//! and `« »`); each candidate is classified by its neighbours (can it open? can it close?
//! is it an apostrophe?) and the marks of a paragraph are paired in one pass with a small
//! state machine. Every later stage looks pairs up here and never pairs marks again.
//!
//! Rules:
//! - Double marks (“ ” " « » „ ‹ ›) are outer marks. Single marks (‘ ’ ' ‚) are outer marks
//!   only where a plausible closer follows in the same paragraph (British house style);
//!   inside double marks they are part of the quoted words.
//! - An apostrophe never opens: `don't`, `'90s`, `rock 'n' roll`, `O'Neill`, `’em`.
//! - A paragraph that ends inside a quotation continues it when the next paragraph opens
//!   with a quotation mark (the multi-paragraph convention); otherwise the quotation is
//!   closed at the paragraph's end and flagged as unbalanced.

use crate::model::{Flag, FlagKind, Span};

/// A stretch of quoted words in one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuotePart {
    /// From the opening mark to the closing mark (or the paragraph's end), marks included.
    pub outer: Span,
    /// The quoted words, without marks and surrounding spaces.
    pub inner: Span,
    /// Paragraph index.
    pub para: usize,
    /// The index of the previous part when this part continues a quotation from the
    /// previous paragraph.
    pub continues: Option<usize>,
    /// No closing mark was found.
    pub unclosed: bool,
    /// In single marks (‘…’ or '…').
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
    /// The mark only ever opens (“ « „ ‚ ‘ ‹) or only ever closes (” » ›); straight marks
    /// and ’ are decided by their neighbours.
    fixed: bool,
}

fn classify(text: &str, start: usize) -> Option<Mark> {
    let c = text[start..].chars().next()?;
    let end = start + c.len_utf8();
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\u{a0}".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || "\u{a0}".contains(n));
    let punct_after = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…\u{a0}".contains(n));
    let alnum_before = prev.is_some_and(char::is_alphanumeric);
    let alnum_after = next.is_some_and(char::is_alphanumeric);
    let (family, can_open, can_close, fixed) = match c {
        '„' => (Family::Double, true, false, true),
        '”' => (Family::Double, false, true, true),
        '“' | '«' | '‹' => (Family::Double, true, !space_before && punct_after, false),
        '»' | '›' => (Family::Double, space_before && !space_after, true, false),
        '"' => {
            let open = space_before || !punct_after && !alnum_before;
            let close = punct_after || !space_before && !alnum_after;
            (Family::Double, open || !close, close || !open, false)
        }
        '‚' => (Family::Single, true, false, true),
        '‘' => (
            Family::Single,
            !(is_elision(text, end) || alnum_before && punct_after),
            !space_before && punct_after,
            false,
        ),
        '’' | '\'' => {
            if alnum_before && alnum_after {
                return None; // don't, O'Neill
            }
            let open = c == '\'' && space_before && alnum_after && !is_elision(text, end);
            let close = !space_before && punct_after;
            if !open && !close {
                return None;
            }
            (Family::Single, open, close, false)
        }
        _ => return None,
    };
    Some(Mark {
        start,
        end,
        family,
        can_open,
        can_close,
        fixed,
    })
}

/// Words that begin with an apostrophe: `'90s`, `'em`, `'n'`, `'til`, `'cause`.
fn is_elision(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let next = rest[word.len().min(rest.len())..].chars().next();
    matches!(
        word.as_str(),
        "em" | "til" | "cause" | "tis" | "twas" | "bout" | "round" | "cos" | "ol" | "im"
    ) || (word == "n" && matches!(next, Some('\'' | '’')))
}

/// Candidate positions of quotation marks inside `span`.
/// Two apostrophes used as a double quotation mark.
fn classify_doubled(text: &str, start: usize) -> Option<Mark> {
    let end = start + 2;
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let punct_after = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n));
    Some(Mark {
        start,
        end,
        family: Family::Double,
        can_open: space_before || !punct_after,
        can_close: !space_before || punct_after,
        fixed: false,
    })
}

fn candidates(text: &str, span: Span, doubled: bool) -> Vec<Mark> {
    let bytes = &text.as_bytes()[span.start..span.end];
    let mut out = Vec::new();
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
        let pos = span.start + i;
        if text.is_char_boundary(pos)
            && let Some(m) = classify(text, pos)
        {
            out.push(m);
        }
    }
    let b = text.as_bytes();
    for i in memchr::memchr_iter(b'\'', bytes) {
        let pos = span.start + i;
        let next_is = b.get(pos + 1) == Some(&b'\'');
        let prev_is = pos > 0 && b[pos - 1] == b'\'';
        if next_is || prev_is {
            // '' is the double mark of some archives (''Like this,'' he said).
            if doubled && next_is && !prev_is {
                out.extend(classify_doubled(text, pos));
            }
            continue;
        }
        if let Some(m) = classify(text, pos) {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

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

/// Find the quotations of a document. `masked` spans (embedded posts, markup; merged and
/// sorted) are skipped.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    masked: &[Span],
    doubled: bool,
) -> (Vec<QuotePart>, Vec<Flag>) {
    let mut parts: Vec<QuotePart> = Vec::new();
    let mut flags = Vec::new();
    // A quotation carried over from the previous paragraph: (family, previous part index).
    let mut carried: Option<(Family, usize)> = None;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let marks: Vec<Mark> = candidates(text, para, doubled)
            .into_iter()
            .filter(|m| !crate::segment::masked(masked, m.start))
            .collect();
        // The open outer mark: (mark, continues).
        let mut open: Option<(Mark, Option<usize>)> = None;
        // Same-style marks nested inside a quotation (“… “list” …”).
        let mut depth = 0usize;
        let mut skip_first = false;
        if let Some((family, prev)) = carried.take() {
            if let Some(first) = marks.first().filter(|m| m.start == para.start) {
                open = Some((*first, Some(prev)));
                skip_first = true;
            } else {
                // Should not happen: carried is only set when the paragraph reopens.
                let _ = family;
            }
        }
        let mut idx = if skip_first { 1 } else { 0 };
        while idx < marks.len() {
            let m = marks[idx];
            idx += 1;
            match open {
                None => {
                    if !m.can_open {
                        if m.family == Family::Double {
                            flags.push(unbalanced(
                                m.start,
                                m.end,
                                "a closing quotation mark with no opening mark",
                            ));
                        }
                        continue;
                    }
                    if m.family == Family::Single && !single_has_closer(&marks[idx..]) {
                        continue;
                    }
                    open = Some((m, None));
                    depth = 0;
                }
                Some((o, cont)) => {
                    if m.family != o.family {
                        // The other family inside a quotation: nested quotes, or apostrophes.
                        continue;
                    }
                    if m.can_close && depth > 0 {
                        depth -= 1;
                    } else if m.can_close {
                        parts.push(QuotePart {
                            outer: Span {
                                start: o.start,
                                end: m.end,
                            },
                            inner: inner_span(text, o.end, m.start),
                            para: pi,
                            continues: cont,
                            unclosed: false,
                            single: o.family == Family::Single,
                        });
                        open = None;
                    } else if m.can_open
                        && o.family == Family::Double
                        && marks[idx..]
                            .iter()
                            .filter(|n| n.family == Family::Double && n.can_close)
                            .count()
                            >= 2
                    {
                        // A quotation inside the quotation, in the same marks: both close later.
                        depth += 1;
                    } else if m.can_open && o.family == Family::Double {
                        // A second opening mark before any closing one: the first was never
                        // closed. Close it here and open again.
                        flags.push(unbalanced(
                            o.start,
                            o.end,
                            "a quotation mark that is never closed",
                        ));
                        parts.push(QuotePart {
                            outer: Span {
                                start: o.start,
                                end: m.start,
                            },
                            inner: inner_span(text, o.end, m.start),
                            para: pi,
                            continues: cont,
                            unclosed: true,
                            single: false,
                        });
                        open = Some((m, None));
                    }
                }
            }
        }
        if let Some((o, cont)) = open {
            let next = paragraphs.get(pi + 1).copied();
            let reopens = next.and_then(|n| opens_with_quote(text, n)) == Some(o.family);
            if !reopens && o.family == Family::Double {
                flags.push(unbalanced(
                    o.start,
                    o.end,
                    "a quotation mark that is never closed; closed at the paragraph's end",
                ));
            }
            if o.family == Family::Double || reopens {
                parts.push(QuotePart {
                    outer: Span {
                        start: o.start,
                        end: para.end,
                    },
                    inner: inner_span(text, o.end, para.end),
                    para: pi,
                    continues: cont,
                    unclosed: !reopens,
                    single: o.family == Family::Single,
                });
                if reopens {
                    carried = Some((o.family, parts.len() - 1));
                }
            }
        }
    }
    parts.retain(|p| p.inner.end > p.inner.start);
    // Fix `continues` indices after the retain: parts are only removed when empty, and a
    // continued part is never empty-carried, so recompute from paragraph adjacency.
    for i in 0..parts.len() {
        if parts[i].continues.is_some() {
            parts[i].continues = (i > 0 && parts[i - 1].para + 1 == parts[i].para).then(|| i - 1);
        }
    }
    (parts, flags)
}

fn single_has_closer(rest: &[Mark]) -> bool {
    rest.iter()
        .take_while(|m| !(m.family == Family::Single && m.fixed && m.can_open))
        .any(|m| m.family == Family::Single && m.can_close)
}

fn unbalanced(start: usize, end: usize, message: &str) -> Flag {
    Flag {
        kind: FlagKind::UnbalancedQuote,
        start,
        end,
        message: message.to_string(),
    }
}

/// Whether the quotation at token `qi` of a paragraph is not speech: a nickname inside a
/// name, the title of a work, or (when nothing attributes it) a short term held at a
/// distance. `attributed` says whether a cue governs it.
pub(crate) fn non_speech_kind(
    text: &str,
    toks: &[crate::segment::Token],
    qi: usize,
    inner: Span,
    attributed: bool,
) -> Option<crate::model::NonSpeechKind> {
    use crate::model::NonSpeechKind;
    use crate::segment::{Tok, is_capitalized};
    let words: Vec<&str> = text[inner.start..inner.end]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let prev = qi.checked_sub(1).map(|i| toks[i]);
    let next = toks.get(qi + 1).copied();
    let cap_word = |t: Option<crate::segment::Token>| {
        t.is_some_and(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
    };
    let inner_text = &text[inner.start..inner.end];
    let ends_like_speech = inner_text.ends_with([',', '.', '?', '!']);
    // Gen. Austin "Scott" Miller
    if words.len() <= 2 && cap_word(prev) && cap_word(next) && !ends_like_speech {
        return Some(NonSpeechKind::Nickname);
    }
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "is"
                | "de"
                | "la"
                | "vs"
                | "v"
        )
    };
    let title_case = !words.is_empty()
        && words.len() <= 10
        && is_capitalized(words[0])
        && words.iter().all(|w| {
            is_capitalized(w) || small(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
    let prev_text = prev
        .map(|t| t.text(text).to_lowercase())
        .unwrap_or_default();
    let prev2_text = qi
        .checked_sub(2)
        .map(|i| toks[i].text(text).to_lowercase())
        .unwrap_or_default();
    let next_text = next
        .map(|t| t.text(text).to_lowercase())
        .unwrap_or_default();
    let media = |w: &str| {
        matches!(
            w,
            "show"
                | "program"
                | "programme"
                | "film"
                | "movie"
                | "book"
                | "song"
                | "album"
                | "series"
                | "titled"
                | "entitled"
                | "podcast"
                | "column"
                | "play"
                | "novel"
                | "documentary"
                | "episode"
                | "hit"
                | "musical"
                | "memoir"
                | "drama"
                | "sitcom"
                | "comedy"
                | "thriller"
                | "magazine"
                | "newspaper"
                | "blog"
                | "report"
                | "ad"
                | "video"
                | "slogan"
                | "anthem"
                | "poem"
                | "opera"
                | "concert"
                | "tour"
        )
    };
    let title_context = prev_text.ends_with("’s")
        || prev_text.ends_with("'s")
        || media(&prev_text)
        || (prev_text == "," && media(&prev2_text))
        || matches!(
            prev_text.as_str(),
            "on" | "the" | "with" | "to" | "of" | "in" | "at" | "told"
        )
        || matches!(
            next_text.as_str(),
            "star"
                | "host"
                | "podcast"
                | "show"
                | "series"
                | "movie"
                | "film"
                | "author"
                | "campaign"
                | "segment"
                | "episode"
                | "slogan"
                | "rallying"
                | "tour"
                | "actor"
                | "actress"
                | "creator"
                | "producer"
                | "co-star"
                | "fame"
        );
    let internal_stop = inner_text
        .trim_end_matches(['.', ',', '!', '?', ';', ':'])
        .contains(['.', '!', '?', ';']);
    if title_case && !internal_stop {
        let multi = words.len() >= 2;
        if title_context || (!attributed && (multi || !ends_like_speech)) {
            return Some(NonSpeechKind::Title);
        }
    }
    if !attributed && words.len() <= 4 {
        return Some(NonSpeechKind::Term);
    }
    // "Related:" — a label, not words said.
    if words.len() == 1 && inner_text.ends_with(':') {
        return Some(NonSpeechKind::Term);
    }
    None
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
        // A missing closing mark is still recovered at the next opening mark.
        assert_eq!(quoted("“A, he said. “B,” she said."), ["A, he said.", "B,"]);
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
