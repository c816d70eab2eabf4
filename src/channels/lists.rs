//! The four word lists of the stage in two Aho-Corasick automata, so that a paragraph is
//! scanned twice, not four times: channel phrases (any case); outlets, weekdays and time
//! phrases (exact case).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::date::Shift;
use crate::lexicon::LEXICON;
use crate::model::Span;

/// A match of a list: absolute (start, end, index in its list).
pub(super) type Match = (usize, usize, usize);

/// The matches of the word-list automata over a paragraph, found once and shared by the
/// statements of the paragraph (each looks at its own clause of them).
#[derive(Default)]
pub(crate) struct Hits {
    pub(super) phrases: Vec<Match>,
    pub(super) outlets: Vec<Match>,
    pub(super) weekdays: Vec<Match>,
    pub(super) times: Vec<Match>,
}

/// The words of the class `name` of the stage's class file, in the order written there.
fn class_in_order(name: &str) -> Vec<&'static str> {
    include_str!("../lexicon/classes/channels.txt")
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, words)| words.split_whitespace().collect())
        .unwrap_or_default()
}

/// The weekdays, Monday first (a weekday's index is its number, 0 = Monday).
pub(super) static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| class_in_order("channel_weekdays"));

/// The time phrases of `lexicon/time_phrases.txt` and the unit and offset each names, if any.
pub(super) static TIME_PHRASES: LazyLock<Vec<(&'static str, Option<Shift>)>> =
    LazyLock::new(|| {
        include_str!("../lexicon/time_phrases.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('|') {
                Some((p, o)) => (p.trim(), Shift::parse(o)),
                None => (l, None),
            })
            .collect()
    });

/// The time phrases with a capital letter, as they open a sentence ("Last week, she said").
static TIME_PHRASES_CAPITALISED: LazyLock<Vec<String>> = LazyLock::new(|| {
    TIME_PHRASES
        .iter()
        .map(|(p, _)| {
            let mut c = p.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
});

/// The word lists in two automata: the channel phrases in any case, and the lists matched in
/// their exact case (outlets, weekdays, time phrases), so that the exact scan reports no
/// match it then drops ("AP" in "happen"). Each pattern keeps its list and its index in it.
struct Lists {
    any_case: AhoCorasick,
    exact: AhoCorasick,
    /// Per pattern of the exact automaton: (list, index in the list).
    exact_patterns: Vec<(usize, usize)>,
}

/// An automaton over `texts`, in any case or not.
fn automaton(texts: &[&str], any_case: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(any_case)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(texts)
        .expect("word lists build an automaton")
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let phrases: Vec<&'static str> = LEXICON.channels.iter().map(|c| c.phrase).collect();
    let mut texts: Vec<&'static str> = Vec::new();
    let mut exact_patterns = Vec::new();
    let lists: [Vec<&'static str>; 3] = [
        LEXICON.outlets.clone(),
        WEEKDAYS.clone(),
        TIME_PHRASES.iter().map(|p| p.0).collect(),
    ];
    for (list, words) in lists.into_iter().enumerate() {
        for (i, w) in words.into_iter().enumerate() {
            texts.push(w);
            exact_patterns.push((list + 1, i));
        }
    }
    // A time phrase opening a sentence has its capital: the same phrase, the same index.
    for (i, w) in TIME_PHRASES_CAPITALISED.iter().enumerate() {
        texts.push(w.as_str());
        exact_patterns.push((3, i));
    }
    Lists {
        any_case: automaton(&phrases, true),
        exact: automaton(&texts, false),
        exact_patterns,
    }
});

/// Leftmost-longest matches that do not overlap, as a scan of one list alone gives.
fn leftmost_longest(mut v: Vec<Match>) -> Vec<Match> {
    v.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut end = 0;
    v.retain(|&(s, e, _)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
    v
}

impl Hits {
    /// The matches in `span` of `text`, as absolute (start, end, pattern): per list, the
    /// leftmost-longest matches that do not overlap, as a scan of that list alone gives.
    pub(crate) fn new(text: &str, span: Span) -> Hits {
        let hay = &text[span.start..span.end];
        let lists = &*LISTS;
        let mut found: [Vec<Match>; 4] = Default::default();
        for m in lists.any_case.find_overlapping_iter(hay) {
            let index = m.pattern().as_usize();
            found[0].push((span.start + m.start(), span.start + m.end(), index));
        }
        for m in lists.exact.find_overlapping_iter(hay) {
            let (list, index) = lists.exact_patterns[m.pattern().as_usize()];
            found[list].push((span.start + m.start(), span.start + m.end(), index));
        }
        let [phrases, outlets, weekdays, times] = found.map(leftmost_longest);
        Hits {
            phrases,
            outlets,
            weekdays,
            times,
        }
    }

    /// The matches that lie in `r` (a match that starts in the clause before but ends in
    /// this one, "said in a statement", counts: its words reach into the clause).
    pub(super) fn within(v: &[Match], r: Span) -> impl Iterator<Item = Match> + '_ {
        let from = v.partition_point(|m| m.1 <= r.start);
        v[from..]
            .iter()
            .copied()
            .take_while(move |m| m.0 < r.end)
            .filter(move |m| m.1 <= r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_read_in_order_from_the_data() {
        assert_eq!(WEEKDAYS.len(), 7);
        assert_eq!((WEEKDAYS[0], WEEKDAYS[6]), ("Monday", "Sunday"));
    }

    #[test]
    fn a_paragraph_is_scanned_once_for_every_list() {
        // "She told CNN on Sunday in a statement yesterday."
        let t = "She told CNN on Sunday in a statement yesterday.";
        let h = Hits::new(
            t,
            Span {
                start: 0,
                end: t.len(),
            },
        );
        assert_eq!(h.outlets.len(), 1);
        assert_eq!(h.weekdays[0].2, 6);
        assert!(h.phrases.iter().any(|m| &t[m.0..m.1] == "in a statement"));
        assert_eq!(h.times.len(), 1);
        let t = "Last week, she said";
        let h = Hits::new(t, Span { start: 0, end: 9 });
        assert_eq!(h.times.len(), 1);
        // A match that reaches past the region's end is not within it.
        let r = Span { start: 0, end: 30 };
        assert!(Hits::within(&h.phrases, r).all(|m| m.1 <= 30));
    }
}
