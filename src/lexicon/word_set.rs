//! [`WordSet`] and [`WordMap`]: sets and maps of words that say "no" to most words without
//! hashing them.
//!
//! Stage code asks the lexicon about nearly every word it reads; most words are in no given
//! list. A set keeps a signature of each of its words (its length, its first two bytes and
//! its last byte, mixed into one of 16,384 bits), and hashes a word only when its
//! signature's bit is set: for a list of a thousand words, about one word in twenty that is
//! not in the list is hashed.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// The bits of a signature filter (a power of two).
const BITS: usize = 1 << 14;

/// A signature filter: bit `signature(w)` is set for every word `w` of the list.
#[derive(Debug, Clone)]
struct Filter(Box<[u64; BITS / 64]>);

impl Default for Filter {
    fn default() -> Filter {
        Filter(Box::new([0; BITS / 64]))
    }
}

impl Filter {
    /// A word's bit: its length, first two bytes and last byte, mixed.
    #[inline]
    fn signature(w: &[u8]) -> usize {
        let n = w.len();
        let (a, b, z) = match w {
            [] => (0, 0, 0),
            [a] => (*a, 0, *a),
            [a, b, ..] => (*a, *b, w[n - 1]),
        };
        let key = (n as u64) | (a as u64) << 8 | (b as u64) << 16 | (z as u64) << 24;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 14)) as usize
    }

    #[inline]
    fn may_contain(&self, w: &[u8]) -> bool {
        let s = Filter::signature(w);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }

    fn insert(&mut self, w: &[u8]) {
        let s = Filter::signature(w);
        self.0[s / 64] |= 1 << (s % 64);
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    set: rustc_hash::FxHashSet<&'static str>,
    filter: Filter,
}

impl WordSet {
    /// Whether a word of these bytes may be in the set (false: it surely is not).
    #[inline]
    pub(crate) fn may_contain(&self, w: &[u8]) -> bool {
        self.filter.may_contain(w)
    }

    pub(crate) fn insert(&mut self, w: &'static str) {
        self.filter.insert(w.as_bytes());
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

/// A map from words (`&'static str` or `String`) with the filter of [`WordSet`]: a word that
/// is not a key is mostly answered without hashing it.
#[derive(Debug, Clone)]
pub(crate) struct WordMap<K, V> {
    map: HashMap<K, V>,
    filter: Filter,
}

impl<K, V> Default for WordMap<K, V> {
    fn default() -> WordMap<K, V> {
        WordMap {
            map: HashMap::default(),
            filter: Filter::default(),
        }
    }
}

impl<K: Hash + Eq + Borrow<str>, V> WordMap<K, V> {
    /// The value of `w`, exactly as written.
    #[inline]
    pub(crate) fn get<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> Option<&V> {
        let w = w.as_ref();
        if self.filter.may_contain(w.as_bytes()) {
            self.map.get(w)
        } else {
            None
        }
    }

    /// Whether `w`, exactly as written, is a key.
    #[inline]
    pub(crate) fn contains_key<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> bool {
        self.get(w).is_some()
    }

    /// The value of `k`, inserting `v` first when `k` is not a key yet.
    pub(crate) fn or_insert(&mut self, k: K, v: V) -> &mut V {
        self.filter.insert(k.borrow().as_bytes());
        self.map.entry(k).or_insert(v)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

impl<K: Hash + Eq + Borrow<str>, V> FromIterator<(K, V)> for WordMap<K, V> {
    /// A map of the pairs; a key given twice keeps its last value, as a `HashMap` does.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> WordMap<K, V> {
        let mut m = WordMap::default();
        for (k, v) in iter {
            m.filter.insert(k.borrow().as_bytes());
            m.map.insert(k, v);
        }
        m
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

    #[test]
    fn a_map_finds_its_keys_and_keeps_the_first_value_on_or_insert() {
        let mut m: WordMap<&'static str, u32> = [("said", 1), ("says", 2)].into_iter().collect();
        assert_eq!(m.get("said"), Some(&1));
        assert!(m.contains_key(&String::from("says")));
        assert!(!m.contains_key("saying") && m.get("").is_none());
        *m.or_insert("said", 9) += 0;
        m.or_insert("told", 3);
        assert_eq!(
            (m.get("said"), m.get("told"), m.len()),
            (Some(&1), Some(&3), 3)
        );
    }

    #[test]
    fn the_filter_rejects_most_words_not_in_a_large_set() {
        let words: Vec<&'static str> = (0..1000)
            .map(|i| &*Box::leak(format!("w{i}x").into_boxed_str()))
            .collect();
        let s: WordSet = words.iter().copied().collect();
        let passed = (0..1000)
            .filter(|i| s.may_contain(format!("v{i}ab").as_bytes()))
            .count();
        assert!(passed < 200, "{passed} of 1000 pass the filter");
    }
}
