//! The four word lists of the stage in two tries walked from the start of each word, so
//! that a paragraph is read once for all four: channel phrases (any case); outlets, weekdays and time
//! phrases (exact case).

use std::sync::LazyLock;

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
    /// The words that may open a time the time rules parse (after white space, with what
    /// each may open: `time::candidate`), so that a clause's words are not read one by one.
    pub(super) time_starts: Vec<(usize, u8)>,
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

/// The word lists in two tries walked from each word's first letter: the channel phrases in
/// any (ASCII) case, and the lists matched in their exact case (outlets, weekdays, time
/// phrases), so that the exact walk reports no match it then drops ("AP" in "happen").
struct Lists {
    any_case: Trie,
    exact: Trie,
}

/// The number of lists: channel phrases, outlets, weekdays, time phrases.
const LISTS: usize = 4;

/// A byte trie of patterns, each of a list and an index in it. A walk from a word's start
/// gives, per list, the longest pattern there (as a leftmost-longest automaton does).
struct Trie {
    /// Whether bytes are compared in ASCII lower case (the patterns are stored so).
    fold: bool,
    /// The state the root leads to by each byte (0: none).
    root: Vec<u32>,
    /// Per state: where its transitions start in `edges` (one more entry than states).
    edge_from: Vec<u32>,
    /// The transitions, (byte, state), grouped by state.
    edges: Vec<(u8, u32)>,
    /// Per state and list: one more than the index of the pattern that ends there (0: none).
    ends: Vec<[u32; LISTS]>,
}

impl Trie {
    /// The trie of `patterns` (list, index, text); of equal patterns of a list, the first.
    fn new(fold: bool, patterns: &[(usize, usize, &str)]) -> Trie {
        let mut next: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<[u32; LISTS]> = vec![[0; LISTS]];
        for &(list, index, text) in patterns {
            let mut s = 0usize;
            for b in text.bytes() {
                let b = if fold { b.to_ascii_lowercase() } else { b };
                s = match next[s].iter().find(|e| e.0 == b) {
                    Some(e) => e.1 as usize,
                    None => {
                        let n = next.len();
                        next[s].push((b, n as u32));
                        next.push(Vec::new());
                        ends.push([0; LISTS]);
                        n
                    }
                };
            }
            if ends[s][list] == 0 {
                ends[s][list] = index as u32 + 1;
            }
        }
        let mut root = vec![0u32; 256];
        for &(b, t) in &next[0] {
            root[b as usize] = t;
            if fold {
                root[b.to_ascii_uppercase() as usize] = t;
            }
        }
        let mut edge_from = Vec::with_capacity(next.len() + 1);
        let mut edges = Vec::new();
        for e in &next {
            edge_from.push(edges.len() as u32);
            edges.extend_from_slice(e);
        }
        edge_from.push(edges.len() as u32);
        Trie {
            fold,
            root,
            edge_from,
            edges,
            ends,
        }
    }

    /// Per list, the longest pattern that `hay` starts with: (its length, its index).
    fn longest(&self, hay: &[u8], found: &mut [Option<(usize, usize)>; LISTS]) {
        let Some(&first) = hay.first() else { return };
        let mut s = self.root[first as usize] as usize;
        let mut len = 1;
        while s != 0 {
            for (list, &end) in self.ends[s].iter().enumerate() {
                if end != 0 {
                    found[list] = Some((len, end as usize - 1));
                }
            }
            let Some(&b) = hay.get(len) else { return };
            let b = if self.fold { b.to_ascii_lowercase() } else { b };
            let edges = &self.edges[self.edge_from[s] as usize..self.edge_from[s + 1] as usize];
            s = edges.iter().find(|e| e.0 == b).map_or(0, |e| e.1 as usize);
            len += 1;
        }
    }
}

static LISTS_TRIES: LazyLock<Lists> = LazyLock::new(|| {
    let phrases: Vec<(usize, usize, &str)> = LEXICON
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| (0, i, c.phrase))
        .collect();
    let mut exact: Vec<(usize, usize, &str)> = Vec::new();
    let lists: [Vec<&'static str>; 3] = [
        LEXICON.outlets.clone(),
        WEEKDAYS.clone(),
        TIME_PHRASES.iter().map(|p| p.0).collect(),
    ];
    for (list, words) in lists.into_iter().enumerate() {
        exact.extend(words.into_iter().enumerate().map(|(i, w)| (list + 1, i, w)));
    }
    // A time phrase opening a sentence has its capital: the same phrase, the same index.
    for (i, w) in TIME_PHRASES_CAPITALISED.iter().enumerate() {
        exact.push((3, i, w.as_str()));
    }
    Lists {
        any_case: Trie::new(true, &phrases),
        exact: Trie::new(false, &exact),
    }
});

impl Hits {
    /// The matches in `span` of `text`, as absolute (start, end, pattern): per list, the
    /// longest pattern at each word start (a letter with no letter or digit before it), and
    /// of those the leftmost-longest that do not overlap. Every pattern opens with an ASCII
    /// letter and a match counts only on word boundaries, so the walk starts at words only.
    pub(crate) fn new(text: &str, span: Span) -> Hits {
        let lists = &*LISTS_TRIES;
        let bytes = text.as_bytes();
        let mut found: [Vec<Match>; LISTS] = Default::default();
        let mut ends = [0usize; LISTS];
        let mut time_starts = Vec::new();
        let before = text[..span.start].chars().next_back();
        let mut after_word = before.is_some_and(char::is_alphanumeric);
        let mut after_space = before.is_some_and(char::is_whitespace);
        let mut i = span.start;
        while i < span.end {
            let b = bytes[i];
            if after_space {
                let what = super::time::candidate(&text[i..span.end]);
                if what != 0 {
                    time_starts.push((i, what));
                }
            }
            if !b.is_ascii() {
                let c = text[i..].chars().next().unwrap_or(' ');
                after_word = c.is_alphanumeric();
                after_space = c.is_whitespace();
                i += c.len_utf8();
                continue;
            }
            if b.is_ascii_alphabetic() && !after_word {
                let hay = &bytes[i..span.end];
                let mut longest = [None; LISTS];
                lists.any_case.longest(hay, &mut longest);
                lists.exact.longest(hay, &mut longest);
                for (list, m) in longest.into_iter().enumerate() {
                    if let Some((len, index)) = m.filter(|_| i >= ends[list]) {
                        ends[list] = i + len;
                        found[list].push((i, i + len, index));
                    }
                }
            }
            after_word = b.is_ascii_alphanumeric();
            after_space = (b as char).is_whitespace();
            i += 1;
        }
        let [phrases, outlets, weekdays, times] = found;
        Hits {
            phrases,
            outlets,
            weekdays,
            times,
            time_starts,
        }
    }

    /// The starts of the words of `r` that the time rules read (white space splits them) and
    /// that may open a time of kind `what` (`time::candidate`), relative to `r`: its first
    /// word always, then those after white space that the paragraph's pass marked.
    pub(super) fn time_starts(&self, r: Span, what: u8) -> impl Iterator<Item = usize> + '_ {
        let from = self.time_starts.partition_point(|c| c.0 <= r.start);
        let marked = self.time_starts[from..]
            .iter()
            .take_while(move |c| c.0 < r.end)
            .filter(move |c| c.1 & what != 0)
            .map(move |c| c.0 - r.start);
        (r.start < r.end).then_some(0).into_iter().chain(marked)
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
