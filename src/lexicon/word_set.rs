//! [`WordSet`] and [`WordMap`]: sets and maps of words that say "no" to most words without
//! hashing them.
//!
//! Stage code asks the lexicon about nearly every word it reads; most words are in no given
//! list. A set keeps a signature of each of its words (its length, its first two bytes and
//! its last byte, mixed into one bit of a small bit table sized to the set, about sixteen
//! bits a word), and hashes a word only when its signature's bit is set: about one word in
//! sixteen that is not in the list is hashed. (The tables stay small so that the lexicon's
//! hundred lists fit in the processor's caches.)

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// The most bits of a filter (a power of two).
const MAX_BITS: usize = 1 << 14;

/// A signature filter: bit `signature(w)` is set for every word `w` of the list. Its size
/// is set by [`Filter::sized`] before the words go in.
#[derive(Debug, Clone)]
struct Filter {
    bits: Box<[u64]>,
    /// 64 minus the base-2 logarithm of the number of bits.
    shift: u32,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter::sized(0)
    }
}

impl Filter {
    /// A filter for `n` words: sixteen bits a word, from 512 to [`MAX_BITS`].
    fn sized(n: usize) -> Filter {
        let bits = (n * 16).next_power_of_two().clamp(512, MAX_BITS);
        Filter {
            bits: vec![0; bits / 64].into_boxed_slice(),
            shift: 64 - bits.trailing_zeros(),
        }
    }

    /// A word's bit: its length, first two bytes and last byte, mixed.
    #[inline]
    fn signature(&self, w: &[u8]) -> usize {
        // (a word of two bytes or more, most words: its first two bytes and its last read
        // with one test of its length; a shorter word's missing bytes are 0)
        let bytes = match (w.first_chunk::<2>(), w.last()) {
            (Some(&[a, b]), Some(&z)) => u64::from(u16::from_le_bytes([a, b])) | u64::from(z) << 16,
            _ => w.first().map_or(0, |&a| u64::from(a) | u64::from(a) << 16),
        };
        let key = (w.len() as u64) | bytes << 8;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn may_contain(&self, w: &[u8]) -> bool {
        let s = self.signature(w);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }

    fn insert(&mut self, w: &[u8]) {
        let s = self.signature(w);
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// The filter of `words`, sized to them.
    fn of<'w>(words: impl Iterator<Item = &'w [u8]> + Clone) -> Filter {
        let mut f = Filter::sized(words.clone().count());
        for w in words {
            f.insert(w);
        }
        f
    }
}

/// A word of at most 15 bytes as one integer: its bytes, and its length in the last byte.
/// Sets and maps keep their short words (most words) by this key, so that a look-up hashes
/// and compares two integers, not a string.
#[inline]
pub(crate) fn packed(w: &[u8]) -> Option<u128> {
    if w.len() >= 16 {
        return None;
    }
    Some(le_bytes(w) | (w.len() as u128) << 120)
}

/// The bytes of `w` (at most 16) as a little-endian integer, read as two overlapping
/// loads of the widest size that fits (the bytes both read are the same, so or-ing them
/// is exact): a copy of a variable length would call `memcpy` for a few bytes.
#[inline]
pub(crate) fn le_bytes(w: &[u8]) -> u128 {
    let n = w.len();
    match n {
        0 => 0,
        1 => u128::from(w[0]),
        2..=3 => {
            let lo = u16::from_le_bytes([w[0], w[1]]);
            let hi = u16::from_le_bytes([w[n - 2], w[n - 1]]);
            u128::from(lo) | u128::from(hi) << (8 * (n - 2))
        }
        4..=7 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u128::from(lo) | u128::from(hi) << (8 * (n - 4))
        }
        8..=16 => {
            let lo = u64::from_le_bytes(w[..8].try_into().unwrap_or_default());
            let hi = u64::from_le_bytes(w[n - 8..n].try_into().unwrap_or_default());
            u128::from(lo) | u128::from(hi) << (8 * (n - 8))
        }
        // (a longer word has no such integer)
        _ => 0,
    }
}

/// Keys of [`packed`] words in an open-addressing table at most half full, with their
/// values: a key is found in its slot or the next ones, one cache line read (a hash set
/// keeps its control bytes apart from its keys: two). The empty word, whose key is 0 (the
/// empty slot), is kept apart.
#[derive(Debug, Clone)]
struct Packed<V> {
    slots: Box<[u128]>,
    values: Box<[Option<V>]>,
    /// 64 minus the base-2 logarithm of the number of slots.
    shift: u32,
    empty_word: Option<V>,
}

impl<V: Clone> Default for Packed<V> {
    fn default() -> Packed<V> {
        Packed::of(std::iter::empty())
    }
}

impl<V: Clone> Packed<V> {
    /// The table of `pairs` (a key given twice keeps its last value).
    fn of(pairs: impl Iterator<Item = (u128, V)> + Clone) -> Packed<V> {
        let n = (pairs.clone().count() * 2).next_power_of_two().max(8);
        let mut t = Packed {
            slots: vec![0; n].into_boxed_slice(),
            values: vec![None; n].into_boxed_slice(),
            shift: 64 - n.trailing_zeros(),
            empty_word: None,
        };
        for (key, v) in pairs {
            if key == 0 {
                t.empty_word = Some(v);
                continue;
            }
            let mut s = t.slot(key);
            while t.slots[s] != 0 && t.slots[s] != key {
                s = (s + 1) & (n - 1);
            }
            t.slots[s] = key;
            t.values[s] = Some(v);
        }
        t
    }

    #[inline(always)]
    fn slot(&self, key: u128) -> usize {
        // (the word's first eight bytes, and the rest with its length, mixed)
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The slot of `key`, or `None`.
    #[inline(always)]
    fn find(&self, key: u128) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = self.slot(key);
        loop {
            match self.slots[s] {
                0 => return None,
                k if k == key => return Some(s),
                _ => s = (s + 1) & mask,
            }
        }
    }

    #[inline]
    fn contains(&self, key: u128) -> bool {
        if key == 0 {
            return self.empty_word.is_some();
        }
        self.find(key).is_some()
    }

    #[inline(always)]
    fn get(&self, key: u128) -> Option<&V> {
        if key == 0 {
            return self.empty_word.as_ref();
        }
        self.find(key).and_then(|s| self.values[s].as_ref())
    }
}

/// The signature filter of a list of words alone (a [`WordSet`] without its words), for a
/// table that keeps its words otherwise: whether a word may be in the list.
#[derive(Debug, Clone)]
pub(crate) struct Signatures(Filter);

impl Signatures {
    /// The filter of `words`.
    pub(crate) fn of<'w>(words: impl Iterator<Item = &'w [u8]> + Clone) -> Signatures {
        Signatures(Filter::of(words))
    }

    /// Whether a word of these bytes may be in the list (false: it surely is not).
    #[inline]
    pub(crate) fn may_contain(&self, w: &[u8]) -> bool {
        self.0.may_contain(w)
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    set: rustc_hash::FxHashSet<&'static str>,
    /// The words of at most 15 bytes, [`packed`].
    short: Packed<()>,
    filter: Filter,
}

impl WordSet {
    /// Whether a word of these bytes may be in the set (false: it surely is not).
    #[inline]
    pub(crate) fn may_contain(&self, w: &[u8]) -> bool {
        self.filter.may_contain(w)
    }

    /// Whether `w`, exactly as written, is in the set: most words are answered by the
    /// filter alone, without a call ([`WordSet::holds`] reads the others).
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.may_contain(w.as_bytes()) && self.holds(w)
    }

    /// Whether `w`, which passed the filter, is in the set: by its [`packed`] key, or (16
    /// bytes or more) by the hash set. Not inlined, so that a word the filter answers (most
    /// words) runs no more than the filter: no registers saved for the look-up.
    #[inline(never)]
    fn holds(&self, w: &str) -> bool {
        match packed(w.as_bytes()) {
            Some(key) => self.short.contains(key),
            None => self.set.contains(w),
        }
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
        // (the words listed first, so that the set is made at its size, not grown by
        // rehashing as a word list's unsized iterator fills it)
        let words: Vec<&'static str> = iter.into_iter().collect();
        let mut set =
            rustc_hash::FxHashSet::with_capacity_and_hasher(words.len(), Default::default());
        set.extend(words);
        let filter = Filter::of(set.iter().map(|w| w.as_bytes()));
        let short = Packed::of(set.iter().filter_map(|w| Some((packed(w.as_bytes())?, ()))));
        WordSet { set, short, filter }
    }
}

/// A map from words (`&'static str` or `String`) with the filter of [`WordSet`]: a word that
/// is not a key is mostly answered without hashing it.
#[derive(Debug, Clone)]
pub(crate) struct WordMap<K, V> {
    map: HashMap<K, V>,
    /// The values of the keys of at most 15 bytes, by the [`packed`] key.
    short: Packed<V>,
    filter: Filter,
}

impl<K, V: Clone> Default for WordMap<K, V> {
    fn default() -> WordMap<K, V> {
        WordMap {
            map: HashMap::default(),
            short: Packed::default(),
            filter: Filter::default(),
        }
    }
}

impl<K: Hash + Eq + Borrow<str>, V: Clone> WordMap<K, V> {
    /// The map `map`, with its filter.
    pub(crate) fn from_map(map: HashMap<K, V>) -> WordMap<K, V> {
        let filter = Filter::of(map.keys().map(|k| k.borrow().as_bytes()));
        let short = Packed::of(
            map.iter()
                .filter_map(|(k, v)| Some((packed(k.borrow().as_bytes())?, v.clone()))),
        );
        WordMap { map, short, filter }
    }

    /// The value of `w`, exactly as written: most words are answered by the filter alone,
    /// without a call ([`WordMap::value`] reads the others).
    #[inline]
    pub(crate) fn get<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> Option<&V> {
        let w = w.as_ref();
        if !self.filter.may_contain(w.as_bytes()) {
            return None;
        }
        self.value(w)
    }

    /// The value of `w`, which passed the filter: by its [`packed`] key, or (16 bytes or
    /// more) by the hash map. Not inlined, as [`WordSet::holds`].
    #[inline(never)]
    fn value(&self, w: &str) -> Option<&V> {
        match packed(w.as_bytes()) {
            Some(key) => self.short.get(key),
            None => self.map.get(w),
        }
    }

    /// The keys and their values.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.map.iter()
    }

    /// Whether `w`, exactly as written, is a key.
    #[inline]
    pub(crate) fn contains_key<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> bool {
        self.get(w).is_some()
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

impl<K: Hash + Eq + Borrow<str>, V: Clone> FromIterator<(K, V)> for WordMap<K, V> {
    /// A map of the pairs; a key given twice keeps its last value, as a `HashMap` does.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> WordMap<K, V> {
        WordMap::from_map(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_is_its_bytes_in_one_integer() {
        let w = b"abcdefghijklmnop";
        for n in 0..=16 {
            let mut bytes = [0u8; 16];
            bytes[..n].copy_from_slice(&w[..n]);
            assert_eq!(le_bytes(&w[..n]), u128::from_le_bytes(bytes), "{n}");
        }
        assert_eq!(packed(b"said"), Some(le_bytes(b"said") | 4 << 120));
        assert_eq!(packed(&w[..]), None);
    }

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
    fn a_large_set_finds_each_of_its_words_and_no_other() {
        let words: Vec<&'static str> = (0..3000)
            .map(|i| {
                &*Box::leak(format!("{}{i}", ["w", "said", "a.b-c", "x"][i % 4]).into_boxed_str())
            })
            .collect();
        let s: WordSet = words.iter().copied().collect();
        assert!(words.iter().all(|w| s.contains(w)));
        let others = (0..3000).map(|i| format!("{}{i}", ["v", "saidx", "a.b-d", "X"][i % 4]));
        assert!(others.into_iter().all(|w| !s.contains(&w)));
    }

    #[test]
    fn a_map_finds_its_keys() {
        let m: WordMap<&'static str, u32> = [("said", 1), ("says", 2)].into_iter().collect();
        assert_eq!((m.get("said"), m.get("says")), (Some(&1), Some(&2)));
        assert!(m.contains_key(&String::from("says")));
        assert!(!m.contains_key("saying") && m.get("").is_none());
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn the_filter_rejects_most_words_not_in_a_large_set() {
        let words: Vec<&'static str> = (0..1000)
            .map(|i| &*Box::leak(format!("{}{i}x", ["w", "sa", "t"][i % 3]).into_boxed_str()))
            .collect();
        let s: WordSet = words.iter().copied().collect();
        let passed = (0..1000)
            .filter(|i| s.may_contain(format!("v{i}ab").as_bytes()))
            .count();
        assert!(passed < 200, "{passed} of 1000 pass the filter");
    }
}
