//! The trie of the stage's word lists ([`Trie`]): a double array walked from a word's first
//! byte, giving per list the longest pattern there.

use std::sync::LazyLock;

use super::lists::LISTS;

/// The word lists in one trie walked from each word's first letter, in ASCII lower case: the
/// channel phrases match in any case, the other lists (outlets, weekdays, time phrases) only
/// as written, checked where they end ("AP" is no match in "happen" or "Ap").
///
/// The trie is a double array: the child of the state in slot `s` by byte class `c` is in
/// slot `base(s) + c` when that slot's `check` is `s`. Every state, its row and what ends
/// there take one small slot, so that the whole trie stays in a few dozen cache lines'
/// worth of pages, not a row of every class per state (the walk at each word start was
/// bound by cache misses).
pub(super) struct Trie {
    /// Each byte's class (its lower case's): 0 for a byte no pattern has.
    class: [u8; 256],
    /// The number of byte classes (0 included).
    classes: usize,
    /// The states (the root in slot 0), and the free slots between them.
    slots: Vec<Slot>,
    /// The states two bytes from the root by their classes (`Trie::pairs`).
    pairs: Vec<u16>,
    /// Per slot: where its patterns of the exact lists start in `exact` (one more entry
    /// than slots).
    exact_from: Vec<u32>,
    /// The patterns of the exact lists, by the state they end at: (list, index, pattern).
    exact: Vec<(usize, usize, &'static [u8])>,
}

/// One slot of the double array.
#[derive(Clone, Copy)]
struct Slot {
    /// Where the state's children are: its child by class `c` is in slot `base + c`.
    base: u16,
    /// The slot of the state's parent ([`FREE`]: no state, or the root).
    check: u16,
    /// What ends at the state: [`ENDS_EXACT`] when a pattern of an exact list does, and one
    /// more than the index of the channel phrase that does (0: none).
    ends: u32,
}

/// The `check` of a slot that holds no state (and of the root, no state's child).
const FREE: u16 = u16::MAX;

/// Each byte's class in `patterns` (its ASCII lower case's; 0 for a byte none has).
fn byte_classes(patterns: &[(usize, usize, &'static str)]) -> [u8; 256] {
    let mut class = [0u8; 256];
    let mut classes = 1;
    for b in patterns.iter().flat_map(|p| p.2.bytes()) {
        let l = b.to_ascii_lowercase();
        if class[l as usize] == 0 {
            class[l as usize] = classes;
            classes += 1;
        }
    }
    for b in 0..=255u8 {
        class[b as usize] = class[b.to_ascii_lowercase() as usize];
    }
    class
}

/// The bit of a state's `ends` that says a pattern of an exact list ends there.
const ENDS_EXACT: u32 = 1 << 31;

/// The trie of the patterns as nodes, before it is laid out: per node its children (class,
/// node), what channel phrase ends there (one more than its index, 0: none), and the patterns
/// of the exact lists that do.
struct Nodes {
    children: Vec<Vec<(usize, usize)>>,
    phrase_of: Vec<u32>,
    exact_of: Vec<Vec<(usize, usize, &'static [u8])>>,
}

impl Nodes {
    /// The nodes of `patterns` (list, index, text), by the byte classes `class`: list 0 in
    /// any case, the others exact; of equal phrases, the first.
    fn new(patterns: &[(usize, usize, &'static str)], class: &[u8; 256]) -> Nodes {
        let mut n = Nodes {
            children: vec![Vec::new()],
            phrase_of: vec![0],
            exact_of: vec![Vec::new()],
        };
        for &(list, index, text) in patterns {
            let mut s = 0usize;
            for b in text.bytes() {
                let c = usize::from(class[b as usize]);
                s = match n.children[s].iter().find(|e| e.0 == c) {
                    Some(e) => e.1,
                    None => {
                        let k = n.children.len();
                        n.children[s].push((c, k));
                        n.children.push(Vec::new());
                        n.phrase_of.push(0);
                        n.exact_of.push(Vec::new());
                        k
                    }
                };
            }
            if list == 0 && n.phrase_of[s] == 0 {
                n.phrase_of[s] = index as u32 + 1;
            } else if list > 0 {
                n.exact_of[s].push((list, index, text.as_bytes()));
            }
        }
        n
    }
}

impl Trie {
    /// The trie of `patterns` (list, index, text): list 0 in any case, the others exact; of
    /// equal phrases, the first. The nodes are laid out breadth first, each node's children
    /// at the first base where their slots are free (the states near the root, which every
    /// word walks, share a few cache lines).
    pub(super) fn new(patterns: &[(usize, usize, &'static str)]) -> Trie {
        let class = byte_classes(patterns);
        let mut nodes = Nodes::new(patterns, &class);
        let free = Slot {
            base: 0,
            check: FREE,
            ends: 0,
        };
        let mut slots = vec![free];
        let mut slot_of = vec![0usize; nodes.children.len()];
        let mut queue = std::collections::VecDeque::from([0usize]);
        // (the first slot that may be free: no base puts a child before it)
        let mut first_free = 1;
        while let Some(n) = queue.pop_front() {
            let s = slot_of[n];
            slots[s].ends = nodes.phrase_of[n];
            if !nodes.exact_of[n].is_empty() {
                slots[s].ends |= ENDS_EXACT;
            }
            let kids = &nodes.children[n];
            let Some(low) = kids.iter().map(|k| k.0).min() else {
                continue;
            };
            while slots.get(first_free).is_some_and(|x| x.check != FREE) {
                first_free += 1;
            }
            let fits = |b: usize| {
                kids.iter()
                    .all(|k| slots.get(b + k.0).is_none_or(|x| x.check == FREE))
            };
            let base = (first_free.saturating_sub(low)..)
                .find(|&b| fits(b))
                .unwrap_or(0);
            let top = base + kids.iter().map(|k| k.0).max().unwrap_or(0);
            assert!(top < usize::from(FREE), "too many states for u16");
            if slots.len() <= top {
                slots.resize(top + 1, free);
            }
            slots[s].base = base as u16;
            for &(c, k) in kids {
                slots[base + c].check = s as u16;
                slot_of[k] = base + c;
                queue.push_back(k);
            }
        }
        let mut exact_ends: Vec<Vec<(usize, usize, &'static [u8])>> = vec![Vec::new(); slots.len()];
        for (n, &s) in slot_of.iter().enumerate() {
            exact_ends[s] = std::mem::take(&mut nodes.exact_of[n]);
        }
        let mut exact_from = Vec::with_capacity(exact_ends.len() + 1);
        let mut exact = Vec::new();
        for e in exact_ends {
            exact_from.push(exact.len() as u32);
            exact.extend(e);
        }
        exact_from.push(exact.len() as u32);
        let classes = 1 + usize::from(class.iter().copied().max().unwrap_or(0));
        Trie {
            class,
            classes,
            pairs: Trie::pairs(&slots, classes),
            slots,
            exact_from,
            exact,
        }
    }

    /// Per list, the longest pattern that `hay` starts with: (its length, its index). The
    /// first two bytes are one look-up in `pairs`, where no pattern is one byte long. Whether
    /// a pattern may start `hay` by them (or it is shorter): where none may, `found` is
    /// untouched.
    pub(super) fn longest(&self, hay: &[u8], found: &mut [Option<(usize, usize)>; LISTS]) -> bool {
        match hay {
            [b0, b1, ..] if !self.pairs.is_empty() => {
                let (c0, c1) = (self.class[*b0 as usize], self.class[*b1 as usize]);
                let s = self.pairs[usize::from(c0) * self.classes + usize::from(c1)];
                if s == 0 {
                    return false;
                }
                self.ends_at(usize::from(s), &hay[..2], found);
                self.walk(hay, 2, usize::from(s), found);
            }
            _ => self.walk(hay, 0, 0, found),
        }
        true
    }

    /// Whether some pattern starts with `seen`, in any case (the walk's reading, `seen` not
    /// empty): where none does, no match that starts where `seen` does reaches past its end.
    /// Read by the first two bytes' look-up in `pairs`, then byte by byte; most words before
    /// a point open no pattern that reaches it, told in a few steps without the whole walk
    /// of [`Trie::longest`].
    pub(super) fn opens(&self, seen: &[u8]) -> bool {
        let (mut s, rest) = match seen {
            [b0, b1, rest @ ..] if !self.pairs.is_empty() => {
                let (c0, c1) = (self.class[*b0 as usize], self.class[*b1 as usize]);
                match self.pairs[usize::from(c0) * self.classes + usize::from(c1)] {
                    0 => return false,
                    p => (usize::from(p), rest),
                }
            }
            _ => (0, seen),
        };
        for &b in rest {
            let c = usize::from(self.class[b as usize]);
            if c == 0 {
                return false;
            }
            let t = usize::from(self.slots[s].base) + c;
            match self.slots.get(t) {
                Some(x) if usize::from(x.check) == s => s = t,
                _ => return false,
            }
        }
        true
    }

    /// Whether no pattern holds byte `b`, in any case: no match reads past it.
    pub(super) fn holds_none(&self, b: u8) -> bool {
        self.class[usize::from(b)] == 0
    }

    /// [`Trie::longest`] from byte `k` of `hay`, at state `s`.
    fn walk(&self, hay: &[u8], k: usize, s: usize, found: &mut [Option<(usize, usize)>; LISTS]) {
        let mut s = s;
        for (k, &b) in hay.iter().enumerate().skip(k) {
            let c = usize::from(self.class[b as usize]);
            if c == 0 {
                return;
            }
            let t = usize::from(self.slots[s].base) + c;
            let ends = match self.slots.get(t) {
                Some(x) if usize::from(x.check) == s => x.ends,
                _ => return,
            };
            s = t;
            // (most states end no pattern: the call is made for those that do)
            if ends != 0 {
                self.ends_at(s, &hay[..k + 1], found);
            }
        }
    }

    /// What ends at state `s`, reached by `seen`, into `found`.
    fn ends_at(&self, s: usize, seen: &[u8], found: &mut [Option<(usize, usize)>; LISTS]) {
        let ends = self.slots[s].ends;
        if ends == 0 {
            return;
        }
        if ends & !ENDS_EXACT != 0 {
            found[0] = Some((seen.len(), (ends & !ENDS_EXACT) as usize - 1));
        }
        if ends & ENDS_EXACT != 0 {
            self.exact_ends(s, seen, found);
        }
    }

    /// Per pair of byte classes, the slot of the state two bytes from the root (0: none);
    /// empty where a pattern is one byte long (the state between ends one).
    fn pairs(slots: &[Slot], classes: usize) -> Vec<u16> {
        let child = |s: usize, c: usize| {
            let t = usize::from(slots[s].base) + c;
            slots
                .get(t)
                .filter(|x| usize::from(x.check) == s)
                .map(|_| t)
        };
        let mut pairs = vec![0u16; classes * classes];
        for c0 in 1..classes {
            let Some(t1) = child(0, c0) else { continue };
            if slots[t1].ends != 0 {
                return Vec::new();
            }
            for c1 in 1..classes {
                pairs[c0 * classes + c1] = child(t1, c1).map_or(0, |t| t as u16);
            }
        }
        pairs
    }

    /// The patterns of the exact lists that end at state `s` and are `seen` as written: per
    /// list, the first.
    fn exact_ends(&self, s: usize, seen: &[u8], found: &mut [Option<(usize, usize)>; LISTS]) {
        let ends = &self.exact[self.exact_from[s] as usize..self.exact_from[s + 1] as usize];
        let mut done = [false; LISTS];
        for &(list, index, pattern) in ends {
            if !done[list] && seen == pattern {
                done[list] = true;
                found[list] = Some((seen.len(), index));
            }
        }
    }
}

/// How many bytes before a point [`Reach`] reads: a prefix of a pattern that long or longer
/// is told by its last bytes.
const REACH_BYTES: usize = 5;

/// The bits of a key of [`Reach`]: a table of 2^18 bits (32 kB) holds the prefixes' few
/// thousand keys sparsely enough that a point whose bytes end none is seldom taken for one.
const REACH_BITS: u32 = 18;

/// The 64-bit words of [`Reach`]'s table.
const REACH_WORDS: usize = 1 << (REACH_BITS - 6);

/// Where [`Reach::key`]'s hash starts.
const REACH_SEED: u32 = 0x811C_9DC5;

/// The ends of the proper prefixes of the lists' patterns, by their last bytes and the byte
/// after, in ASCII lower case (the trie's reading): where the bytes around a point continue no
/// prefix, no match that starts before the point reaches past it, told in a few look-ups
/// without reading back from the point word by word (`Hits::scan_start`; most near words,
/// "statement" after "gave a ", continue none).
pub(super) struct Reach {
    /// One bit per key ([`Reach::key`]) of a prefix's last bytes (the whole prefix if it is
    /// shorter than [`REACH_BYTES`]) and the pattern's byte after it.
    bits: Box<[u64; REACH_WORDS]>,
}

/// The [`Reach`] of the four lists.
pub(super) static REACH: LazyLock<Reach> = LazyLock::new(|| Reach::new(&super::lists::patterns()));

impl Reach {
    /// The ends of the proper prefixes of `patterns` (list, index, text).
    fn new(patterns: &[(usize, usize, &'static str)]) -> Reach {
        let mut bits = Box::new([0u64; REACH_WORDS]);
        for p in patterns.iter().map(|p| p.2.as_bytes()) {
            for k in 1..p.len() {
                let key = Reach::key(&p[k.saturating_sub(REACH_BYTES)..=k]);
                bits[key / 64] |= 1 << (key % 64);
            }
        }
        Reach { bits }
    }

    /// The key of the bytes `b` (two to one more than [`REACH_BYTES`]), in ASCII lower case,
    /// with their length: their hash read back from the last byte ([`Reach::step`]), so that
    /// [`Reach::may_end_at`] finds the keys of the longer stretches before a point each one
    /// step on from the shorter's.
    #[inline]
    fn key(b: &[u8]) -> usize {
        Reach::finish(
            b.iter().rev().fold(REACH_SEED, |h, &x| Reach::step(h, x)),
            b.len(),
        )
    }

    /// The hash of the bytes read back so far, `h`, with one more byte `x` before them.
    #[inline(always)]
    fn step(h: u32, x: u8) -> u32 {
        h.wrapping_mul(0x9E37_79B1) ^ u32::from(x.to_ascii_lowercase())
    }

    /// The key of `len` bytes whose hash read back is `h`.
    #[inline(always)]
    fn finish(h: u32, len: usize) -> usize {
        ((h ^ len as u32).wrapping_mul(0x9E37_79B1) >> (32 - REACH_BITS)) as usize
    }

    /// Whether a proper prefix of a pattern may end at `at` of `bytes`, starting at or after
    /// `start` (the paragraph's), and the pattern go on with the byte at `at`: by the prefix's
    /// whole, if shorter than [`REACH_BYTES`], or its last bytes. Where none may, no match
    /// that starts in `start..at` reaches past `at`. (The bytes back from `at` are hashed
    /// once, the key of each length on from the one before.)
    pub(super) fn may_end_at(&self, bytes: &[u8], start: usize, at: usize) -> bool {
        let Some(&last) = bytes.get(at) else {
            return false;
        };
        let mut h = Reach::step(REACH_SEED, last);
        for k in 1..=REACH_BYTES.min(at.saturating_sub(start)) {
            h = Reach::step(h, bytes[at - k]);
            let key = Reach::finish(h, k + 1);
            if self.bits[key / 64] & 1 << (key % 64) != 0 {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trie_is_packed_one_slot_a_state() {
        // (the walk at each word start is bound by cache misses: the double array keeps few
        // free slots between the states)
        let patterns = super::super::lists::patterns();
        for t in [Trie::new(&patterns), Trie::new(&patterns[..40])] {
            let states = 1 + t.slots.iter().filter(|s| s.check != FREE).count();
            assert!(t.slots.len() <= states + states / 8, "{}", t.slots.len());
            // (no pattern is one byte long: the first two bytes are one look-up)
            assert!(!t.pairs.is_empty());
        }
    }

    #[test]
    fn a_pattern_opens_with_each_of_its_prefixes_in_any_case() {
        // (`opens` passes over only where no pattern that `longest` finds reaches past what
        // it read)
        let patterns = super::super::lists::patterns();
        let t = Trie::new(&patterns);
        for (_, _, p) in &patterns {
            for n in 1..=p.len() {
                assert!(t.opens(&p.as_bytes()[..n]), "{p}");
                assert!(t.opens(&p.to_ascii_uppercase().as_bytes()[..n]), "{p}");
            }
        }
        let mut found = [None; LISTS];
        for hay in [
            "zq said",
            "Smith said",
            "in a statement",
            "on Twitter",
            "the following",
        ] {
            for n in 1..hay.len() {
                let reaches = t.longest(hay.as_bytes(), &mut found)
                    && found.iter().flatten().any(|&(len, _)| len > n);
                assert!(t.opens(&hay.as_bytes()[..n]) || !reaches, "{hay} {n}");
                found = [None; LISTS];
            }
        }
        assert!(!t.opens(b"zq") && !t.opens(b"q") && !t.opens(b"in a zq"));
        assert!(t.opens(b"in a st") && t.opens(b"IN A ST"));
    }

    #[test]
    fn every_proper_prefix_of_a_pattern_may_end_where_it_ends() {
        // (`Hits::scan_start` reads back from a point only where one may: a match that
        // reaches past it holds such a prefix before it, in any case)
        let patterns = super::super::lists::patterns();
        let reach = Reach::new(&patterns);
        for (_, _, p) in &patterns {
            for k in 1..p.len() {
                for t in [format!("x, {p}"), format!("x, {}", p.to_ascii_uppercase())] {
                    let at = 3 + k;
                    assert!(reach.may_end_at(t.as_bytes(), 3, at), "{p} {k}");
                }
            }
        }
        let t = b"He gave a statement";
        assert!(!reach.may_end_at(t, 0, 3) || !reach.may_end_at(t, 0, 10));
    }

    #[test]
    fn the_longest_pattern_of_each_list_at_the_start() {
        let t = Trie::new(&[
            (0, 0, "in a statement"),
            (0, 1, "in a"),
            (1, 0, "Fox"),
            (1, 1, "Fox News"),
            (1, 2, "X"),
        ]);
        let mut found = [None; LISTS];
        t.longest(b"IN A STATEMENT on Fox", &mut found);
        assert_eq!(found[0], Some((14, 0)));
        let mut found = [None; LISTS];
        t.longest(b"Fox News", &mut found);
        assert_eq!((found[0], found[1]), (None, Some((8, 1))));
        // (an exact list as written: "fox" is none; a one-byte pattern is walked byte by
        // byte)
        let mut found = [None; LISTS];
        t.longest(b"fox news", &mut found);
        assert_eq!(found[1], None);
        assert!(t.pairs.is_empty());
        let mut found = [None; LISTS];
        t.longest(b"X", &mut found);
        assert_eq!(found[1], Some((1, 2)));
    }
}
