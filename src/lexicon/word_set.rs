//! [`WordSet`]: a set of words that says "no" to most words without hashing them.
//!
//! Stage code asks the lexicon about nearly every word it reads; most words are in no given
//! class. A set keeps the first bytes and the lengths of its words as bit masks, and hashes
//! a word only when both could match.

use rustc_hash::FxHashSet as HashSet;

#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    set: HashSet<&'static str>,
    /// Bit `b` is set when a word starts with byte `b`.
    firsts: [u64; 4],
    /// Bit `n` is set when a word is `n` bytes long (63: 63 or more).
    lens: u64,
}

impl WordSet {
    fn filter_bits(w: &[u8]) -> Option<(usize, usize)> {
        let first = *w.first()?;
        Some((first as usize, w.len().min(63)))
    }

    /// Whether a word of these bytes may be in the set (false: it surely is not).
    #[inline]
    pub(crate) fn may_contain(&self, w: &[u8]) -> bool {
        match WordSet::filter_bits(w) {
            Some((f, l)) => self.firsts[f / 64] & (1 << (f % 64)) != 0 && self.lens & (1 << l) != 0,
            None => true,
        }
    }

    pub(crate) fn insert(&mut self, w: &'static str) {
        if let Some((f, l)) = WordSet::filter_bits(w.as_bytes()) {
            self.firsts[f / 64] |= 1 << (f % 64);
            self.lens |= 1 << l;
        }
        self.set.insert(w);
    }

    /// Whether `w`, exactly as written, is in the set.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.may_contain(w.as_bytes()) && self.set.contains(w)
    }

    /// The word of the set equal to `w` (the set's own `&'static str`).
    pub(crate) fn get(&self, w: &str) -> Option<&&'static str> {
        if self.contains(w) {
            self.set.get(w)
        } else {
            None
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.set.iter()
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.set.len()
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> WordSet {
        let mut s = WordSet::default();
        for w in iter {
            s.insert(w);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_never_hides_a_word_of_the_set() {
        let s: WordSet = ["the", "a", "U.S.", "", "interview"].into_iter().collect();
        for w in ["the", "a", "U.S.", "", "interview"] {
            assert!(s.contains(w), "{w}");
        }
        for w in ["The", "an", "th", "thee", "u.s.", "b", "interviews"] {
            assert!(!s.contains(w), "{w}");
        }
        assert_eq!(s.get("the"), Some(&"the"));
        assert_eq!(s.len(), 5);
    }
}
