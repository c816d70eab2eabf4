//! The rules that compare the quotations and posts of the whole record: a post whose words
//! the text gives to someone else, the same words from two speakers, a repeated quotation
//! with changed wording.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{MAX_COMPARED, Review, flag, words};
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
            if r.shape_of(i).len < 4 {
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

/// The quotations compared with each other: direct and partial ones of four words or more
/// (by their [`super::Shape`]: no words are built to tell), by their number, with their
/// speaker's entity.
fn quotations<'r>(r: &'r Review) -> impl Iterator<Item = (usize, &'r Quote, Option<usize>)> {
    r.compared()
        .filter(|(_, q)| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .filter(|&(i, _)| r.shape_of(i).len >= 4)
        .map(|(i, q)| (i, q, q.speaker.as_ref().and_then(|s| s.entity)))
}

/// The same words from two speakers: "“We will win this race,” Smith said" and later
/// "“We will win this race,” Jones said". Only whole quotations: a phrase quoted inside the
/// writer's sentence is often one speaker's words taken up by another ("using Ryan's own
/// phrase, 'not quite there yet'").
pub(super) fn same_words_two_speakers(r: &Review, out: &mut Vec<Flag>) {
    // The first quotation of each wording with its entity, by the hash of its shape; a
    // wording whose hash an earlier one's has (never seen) is looked for among `collided`.
    let mut first: FxHashMap<u64, (usize, Option<usize>)> = FxHashMap::default();
    let mut collided: Vec<(usize, Option<usize>)> = Vec::new();
    for (i, q, entity) in quotations(r).filter(|(_, q, _)| q.kind == QuoteKind::Direct) {
        let earlier = match first.get(&r.shape_of(i).hash) {
            None => {
                first.insert(r.shape_of(i).hash, (i, entity));
                continue;
            }
            Some(&(j, e)) if r.same_words(i, j) => Some(e),
            Some(_) => collided
                .iter()
                .find(|&&(j, _)| r.same_words(i, j))
                .map(|&(_, e)| e),
        };
        match earlier {
            Some(other) if other != entity && other.is_some() && entity.is_some() => {
                out.push(flag(
                    FlagKind::SameWordsTwoSpeakers,
                    q.start,
                    q.end,
                    "these words are also quoted from another speaker".to_string(),
                ));
            }
            Some(_) => {}
            None => collided.push((i, entity)),
        }
    }
}

/// A quotation's distinct words, made on first use.
type LazySet<'w> = OnceCell<FxHashSet<&'w str>>;

/// A repeated quotation with its wording changed: the same speaker's six words or more,
/// three in four of their distinct words shared with an earlier quotation's (of the two
/// quotations' distinct words together), and not the same words. Parallel lines ("Together,
/// we can heal. Together, we can love.") share too few.
pub(super) fn changed_wording(r: &Review, out: &mut Vec<Flag>) {
    // (a quotation's words and set of words are made when it is first compared with one of
    // its speaker's: most speakers are quoted once)
    let mut earlier: Vec<(LazySet, usize, Option<usize>)> = Vec::new();
    for (i, q, entity) in quotations(r) {
        if r.shape_of(i).len < 6 {
            continue;
        }
        let set = OnceCell::new();
        for (es, j, ee) in &earlier {
            if *ee != entity || r.same_words(i, *j) {
                continue;
            }
            let set = set.get_or_init(|| r.words_of(i).iter().collect::<FxHashSet<&str>>());
            let es = es.get_or_init(|| r.words_of(*j).iter().collect());
            let common = set.intersection(es).count();
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
        earlier.push((set, i, entity));
    }
}
