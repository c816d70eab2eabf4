//! The rules that compare the quotations and posts of the whole record: a post whose words
//! the text gives to someone else, the same words from two speakers, a repeated quotation
//! with changed wording.

use std::cell::OnceCell;

use std::hash::Hasher;

use rustc_hash::FxHashMap;

use super::{MAX_COMPARED, Review, Words, flag};
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
        // (the post's words in lower case, joined by single spaces as a quotation's key is:
        // read when a quotation is first compared with it)
        let pwords = OnceCell::new();
        for (i, q) in r.compared() {
            // (the speaker and the span first: a quotation's words are read only for a
            // person's quotation outside the post)
            let Some(sp) = q.speaker.as_ref().filter(|sp| {
                sp.entity.is_some()
                    && sp.kind == EntityKind::Person
                    && sp.name.starts_with(char::is_uppercase)
            }) else {
                continue;
            };
            if q.kind == QuoteKind::Post || q.start >= post.start && q.end <= post.end {
                continue;
            }
            let Some(key) = r.words_of(i).key() else {
                continue;
            };
            if pwords.get_or_init(|| Words::of(ptext).lower).contains(key)
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

/// What a quotation's words are compared by, read in one pass that copies nothing: how
/// many words, a hash of the words in order (a hash of each in lower case, as [`Words`]
/// writes it), and a signature of the set of words (one bit of 128 a word, by its hash).
/// Two quotations with the same words have the same gist; one with other words mostly has
/// another, and their words are read only where the gists agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Gist {
    pub len: usize,
    pub seq: u64,
    sig: u128,
}

/// Each byte in lower case where it is an ASCII word byte (a letter, a digit or an
/// apostrophe, as [`super::word_char_at`] reads them); 0 for another ASCII byte, and 0x80
/// for a byte of a character other than ASCII.
pub(super) const WORD_LOWER: [u8; 256] = {
    let mut t = [0x80; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() || b == b'\'' {
            b.to_ascii_lowercase()
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The hash of a word so far and its next byte (in lower case).
#[inline(always)]
fn step(h: u64, byte: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A word's hash from its bytes' [`step`]s, the high bits (which the signature reads)
/// mixed from all the others.
#[inline(always)]
fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// The word that starts at byte `start` of `s`: where it ends and the [`step`]s of its
/// bytes in lower case (an ASCII byte lower-cased as it is read, "’" as it is, a word
/// with another character lower-cased as a whole, as `str::to_lowercase` does). `Err`
/// with its length when the character at `start` is none of a word's.
#[inline]
fn word_at(s: &str, start: usize) -> Result<(usize, u64), usize> {
    let b = s.as_bytes();
    let (mut i, mut h) = (start, 0);
    loop {
        while let Some(&c) = b.get(i)
            && WORD_LOWER[usize::from(c)].wrapping_sub(1) < 0x7f
        {
            h = step(h, WORD_LOWER[usize::from(c)]);
            i += 1;
        }
        if b.get(i).is_none_or(|&c| c < 0x80) {
            return Ok((i, h));
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        if ch == '’' {
            h = b[i..i + 3].iter().fold(h, |h, &c| step(h, c));
            i += 3;
        } else if !ch.is_alphanumeric() {
            return if i == start {
                Err(ch.len_utf8())
            } else {
                Ok((i, h))
            };
        } else {
            i += ch.len_utf8();
            while let Some((true, n)) = (i < b.len()).then(|| word_char(s, i)) {
                i += n;
            }
            return Ok((i, s[start..i].to_lowercase().bytes().fold(0, step)));
        }
    }
}

impl Gist {
    /// The gist of `s`: its words ([`super::Words::of`]: letters, digits and apostrophes),
    /// each in lower case ([`word_at`]), in one loop over the bytes.
    pub(super) fn of(s: &str) -> Gist {
        let b = s.as_bytes();
        let mut seq = rustc_hash::FxHasher::default();
        // (the signature's two halves: the hash's high bit picks one, its next six the bit)
        let (mut len, mut lo, mut hi) = (0, 0u64, 0u64);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if WORD_LOWER[usize::from(c)] == 0 {
                i += 1;
                continue;
            }
            match word_at(s, i) {
                Ok((end, h)) => {
                    let h = finish(h);
                    seq.write_u64(h);
                    let bit = 1 << ((h >> 57) & 63);
                    match h >> 63 {
                        0 => lo |= bit,
                        _ => hi |= bit,
                    }
                    len += 1;
                    i = end;
                }
                Err(n) => i += n,
            }
        }
        Gist {
            len,
            seq: seq.finish(),
            sig: u128::from(lo) | u128::from(hi) << 64,
        }
    }

    /// Whether two quotations' distinct words may share three in four (of the two sets'
    /// words together): each bit of one signature that the other lacks is a word of one
    /// that the other lacks, so with `x` and `y` such bits the sets differ in at least
    /// `x + y` words, and share at most the fewer words of the two (`len`); three in four
    /// needs three shared words for each that differs.
    fn may_share_three_quarters(&self, other: &Gist) -> bool {
        let differ = (self.sig & !other.sig).count_ones() + (other.sig & !self.sig).count_ones();
        3 * differ as usize <= self.len.min(other.len)
    }
}

/// Whether the character at byte `i` of `s` is a word's (a letter, a digit or an
/// apostrophe, as [`super::word_char_at`] reads them), and its length.
#[inline]
fn word_char(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric() || b == b'\'', 1);
    }
    s[i..].chars().next().map_or((false, 1), |c| {
        (c.is_alphanumeric() || c == '’', c.len_utf8())
    })
}

/// The quotations compared with each other: direct and partial ones of four words or more
/// that `keep` keeps (by the quotation and its speaker's entity), with their number, gist
/// and speaker's entity. (A gist is read only for a quotation kept.)
fn quotations<'r>(
    r: &'r Review,
    keep: impl Fn(&Quote, Option<usize>) -> bool,
) -> impl Iterator<Item = (usize, &'r Quote, Gist, Option<usize>)> {
    r.compared()
        .filter(|(_, q)| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .map(|(i, q)| (i, q, q.speaker.as_ref().and_then(|s| s.entity)))
        .filter(move |&(_, q, entity)| keep(q, entity))
        .map(|(i, q, entity)| (i, q, r.gist_of(i), entity))
        .filter(|(_, _, g, _)| g.len >= 4)
}

/// How many of the compared quotations (direct and partial) that `keep` keeps each
/// speaker's entity speaks, by the entity's number plus one (0: no entity).
fn quoted_entities(r: &Review, keep: impl Fn(&Quote) -> bool) -> Vec<usize> {
    let mut counts: Vec<usize> = Vec::new();
    for (_, q) in r.compared() {
        if matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) && keep(q) {
            let k = entity_slot(q.speaker.as_ref().and_then(|s| s.entity));
            if counts.len() <= k {
                counts.resize(k + 1, 0);
            }
            counts[k] += 1;
        }
    }
    counts
}

/// The slot of an entity in [`quoted_entities`]' counts.
fn entity_slot(entity: Option<usize>) -> usize {
    entity.map_or(0, |e| e.saturating_add(1))
}

/// The same words from two speakers: "“We will win this race,” Smith said" and later
/// "“We will win this race,” Jones said". Only whole quotations: a phrase quoted inside the
/// writer's sentence is often one speaker's words taken up by another ("using Ryan's own
/// phrase, 'not quite there yet'").
pub(super) fn same_words_two_speakers(r: &Review, out: &mut Vec<Flag>) {
    // The first quotation of each wording, with its speaker's entity; by the hash of its
    // words, the first of them with that hash.
    // (two speakers' entities among the direct quotations, or no flag: no words are read)
    let direct = |q: &Quote| q.kind == QuoteKind::Direct;
    if quoted_entities(r, direct)
        .iter()
        .skip(1)
        .filter(|&&n| n > 0)
        .count()
        < 2
    {
        return;
    }
    let mut firsts: Vec<(usize, Option<usize>)> = Vec::new();
    let mut by_hash: FxHashMap<u64, usize> = FxHashMap::default();
    for (i, q, g, entity) in quotations(r, |q, _| direct(q)) {
        let first = match by_hash.get(&g.seq) {
            None => None,
            Some(&k) if r.same_words(firsts[k].0, i) => Some(firsts[k]),
            // (two wordings with one hash: each is compared)
            Some(_) => firsts.iter().find(|&&(j, _)| r.same_words(j, i)).copied(),
        };
        match first {
            Some((_, other)) if other != entity && other.is_some() && entity.is_some() => {
                out.push(flag(
                    FlagKind::SameWordsTwoSpeakers,
                    q.start,
                    q.end,
                    "these words are also quoted from another speaker".to_string(),
                ));
            }
            Some(_) => {}
            None => {
                by_hash.entry(g.seq).or_insert(firsts.len());
                firsts.push((i, entity));
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
    // (a quotation's distinct words, in order, are made when it is first compared with a
    // quotation whose gist may share enough: most speakers are quoted once, and most
    // quotations of one speaker share few words)
    // (a quotation is compared only with those of its speaker's entity: one whose entity
    // speaks no other is left out before its words are read)
    let counts = quoted_entities(r, |_| true);
    let shared = |entity| counts.get(entity_slot(entity)).is_some_and(|&n| n >= 2);
    let mut earlier: Vec<(usize, Gist, LazySet, Option<usize>)> = Vec::new();
    for (i, q, g, entity) in quotations(r, |_, entity| shared(entity)) {
        if g.len < 6 {
            continue;
        }
        let set = OnceCell::new();
        for (j, eg, es, ee) in &earlier {
            if *ee != entity || !g.may_share_three_quarters(eg) || r.same_words(*j, i) {
                continue;
            }
            let set = set.get_or_init(|| r.words_of(i).distinct());
            let es = es.get_or_init(|| r.words_of(*j).distinct());
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
        earlier.push((i, g, set, entity));
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

    /// The share of distinct words two texts have in common, as `changed_wording` reads it.
    fn jaccard(a: &str, b: &str) -> f64 {
        let (wa, wb) = (Words::of(a), Words::of(b));
        let (a, b) = (wa.distinct(), wb.distinct());
        let common = common_count(&a, &b);
        common as f64 / (a.len() + b.len() - common).max(1) as f64
    }

    #[test]
    fn the_same_words_have_one_gist_and_other_words_another() {
        let g = Gist::of("We will WIN, we will win the race!");
        assert_eq!(g, Gist::of("we will win we will win the race"));
        assert_eq!(g.len, 8);
        assert_ne!(g.seq, Gist::of("we will win the race we will win").seq);
        assert_ne!(g, Gist::of("we will win we will win the rac"));
        // (a word read to the text's end, and one read where the text goes on)
        assert_eq!(Gist::of("says Go"), Gist::of("SAYS go!!! ........."));
        assert_eq!(Gist::of("Go"), Gist::of("go , ."));
        assert_ne!(Gist::of("Go"), Gist::of("Got"));
        let long = "Ärzte ÖDIPUS’ supercalifragilisticexpialidociousnesses ΟΔΟΣ";
        assert_eq!(Gist::of(long), Gist::of(&long.to_lowercase()));
        for s in [
            "",
            " .",
            "“Ça va,” dit-il — l’été 2024’s!",
            "a\u{00a0}b\u{2014}c''d",
            "DON’T stop’ ’ ’Tis Éric’s ÉTÉ’S naïve",
        ] {
            assert_eq!(
                Gist::of(s).len,
                super::super::split_words(s).count(),
                "{s:?}"
            );
            let words: Vec<String> = super::super::words(s);
            assert_eq!(Gist::of(s), Gist::of(&words.join(" ")), "{s:?}");
        }
    }

    #[test]
    fn the_gist_filter_keeps_every_pair_that_shares_three_quarters() {
        let texts = [
            "we will surely win this race in November",
            "we will win this race in November",
            "we will win this race in November and December",
            "together we can heal together we can love",
            "together we can heal together we can hope",
            "the plan is dead and the plan will stay dead",
            "a b c d e f g h i j k l",
            "a b c d e f g h i j k m",
        ];
        let mut rejected = 0;
        for a in texts {
            for b in texts {
                let (ga, gb) = (Gist::of(a), Gist::of(b));
                if ga.may_share_three_quarters(&gb) {
                    continue;
                }
                rejected += 1;
                assert!(jaccard(a, b) < 0.75, "{a:?} {b:?}");
            }
        }
        assert!(rejected > 20, "{rejected}");
        let (a, b) = (texts[0], texts[1]);
        assert!(jaccard(a, b) >= 0.75 && Gist::of(a).may_share_three_quarters(&Gist::of(b)));
    }

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
