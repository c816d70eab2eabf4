//! The rules that compare the quotations and posts of the whole record: a post whose words
//! the text gives to someone else, the same words from two speakers, a repeated quotation
//! with changed wording.

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use super::{MAX_COMPARED, Review, Words, flag, words};
use crate::model::{EntityKind, Flag, FlagKind, Quote, QuoteKind};
use crate::speakers::surname;

/// Embedded posts whose words the text gives to someone else: a post by Jane Smith whose
/// words the text quotes from John Doe. A document with thousands of posts compares the
/// first of them.
pub(super) fn post_author_mismatch(r: &Review, out: &mut Vec<Flag>) {
    for post in r.a.posts.iter().take(MAX_COMPARED) {
        let (Some(ptext), Some(author)) = (
            &post.text,
            post.author_name.as_ref().or(post.handle.as_ref()),
        ) else {
            continue;
        };
        let pwords = words(ptext).join(" ");
        for (i, q) in r.compared() {
            if q.kind == QuoteKind::Post {
                continue;
            }
            let Some(key) = r.words_of(i).key() else {
                continue;
            };
            if q.start >= post.start && q.end <= post.end || !pwords.contains(key) {
                continue;
            }
            if let Some(sp) = &q.speaker
                && sp.entity.is_some()
                && sp.kind == EntityKind::Person
                && sp.name.starts_with(char::is_uppercase)
                && surname(&sp.name) != surname(author)
                && !author.to_lowercase().contains(&surname(&sp.name))
            {
                out.push(flag(
                    FlagKind::PostAuthorMismatch,
                    q.start,
                    q.end,
                    format!(
                        "these words are from the post by {author}, but the text gives them to {}",
                        sp.name
                    ),
                ));
            }
        }
    }
}

/// The quotations compared with each other: direct and partial ones of four words or more,
/// with their words and their speaker's entity.
fn quotations<'r>(r: &'r Review) -> impl Iterator<Item = (&'r Quote, &'r Words, Option<usize>)> {
    r.compared()
        .filter(|(_, q)| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .map(|(i, q)| (q, r.words_of(i)))
        .filter(|(_, w)| w.key().is_some())
        .map(|(q, w)| (q, w, q.speaker.as_ref().and_then(|s| s.entity)))
}

/// The same words from two speakers: "“We will win this race,” Smith said" and later
/// "“We will win this race,” Jones said". Only whole quotations: a phrase quoted inside the
/// writer's sentence is often one speaker's words taken up by another ("using Ryan's own
/// phrase, 'not quite there yet'").
pub(super) fn same_words_two_speakers(r: &Review, out: &mut Vec<Flag>) {
    let mut by_words: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (q, w, entity) in quotations(r).filter(|(q, _, _)| q.kind == QuoteKind::Direct) {
        let key = w.key().unwrap_or_default();
        match by_words.get(key) {
            Some(&other) if other != entity && other.is_some() && entity.is_some() => {
                out.push(flag(
                    FlagKind::SameWordsTwoSpeakers,
                    q.start,
                    q.end,
                    "these words are also quoted from another speaker".to_string(),
                ));
            }
            Some(_) => {}
            None => {
                by_words.insert(key, entity);
            }
        }
    }
}

/// A quotation's distinct words, made on first use.
type LazySet<'w> = OnceCell<Vec<(u64, &'w str)>>;

/// A repeated quotation with its wording changed: the same speaker's six words or more,
/// three in four of their distinct words shared with an earlier quotation's (of the two
/// quotations' distinct words together), and not the same words. Parallel lines ("Together,
/// we can heal. Together, we can love.") share too few.
pub(super) fn changed_wording(r: &Review, out: &mut Vec<Flag>) {
    // (a quotation's distinct words, in order, are made when it is first compared: most
    // speakers are quoted once)
    let mut earlier: Vec<(LazySet, &Words, Option<usize>)> = Vec::new();
    for (q, w, entity) in quotations(r) {
        if w.len() < 6 {
            continue;
        }
        let set = OnceCell::new();
        for (es, ew, ee) in &earlier {
            if *ee != entity || ew.lower == w.lower {
                continue;
            }
            let set = set.get_or_init(|| w.distinct());
            let es = es.get_or_init(|| ew.distinct());
            let common = common_count(set, es);
            let jaccard = common as f64 / (set.len() + es.len() - common).max(1) as f64;
            if jaccard >= 0.75 {
                out.push(flag(
                    FlagKind::ChangedWording,
                    q.start,
                    q.end,
                    "this quotation appears earlier with different wording".to_string(),
                ));
                break;
            }
        }
        earlier.push((set, w, entity));
    }
}

/// How many words two sorted lists of distinct words share (one merge of the two).
fn common_count(a: &[(u64, &str)], b: &[(u64, &str)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_counted_once_each() {
        let (wa, wb) = (
            Words::of("we will win, we will win the race"),
            Words::of("the race we will lose"),
        );
        let (a, b) = (wa.distinct(), wb.distinct());
        let mut words: Vec<&str> = a.iter().map(|&(_, w)| w).collect();
        words.sort_unstable();
        assert_eq!(words, ["race", "the", "we", "will", "win"]);
        assert_eq!(common_count(&a, &b), 4);
        assert_eq!(common_count(&a, &[]), 0);
    }
}
