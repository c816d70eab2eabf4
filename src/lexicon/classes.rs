//! Word classes as a type: `Class` has one variant per class the data files name (generated
//! by build.rs), and every word's classes are one look-up (`classes_of`), so a token can carry
//! them as a `ClassSet` computed once when it is made.

use super::lines;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/classes.rs"));

/// A set of word classes, one bit a class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassSet([u64; 4]);

impl ClassSet {
    pub(crate) const EMPTY: ClassSet = ClassSet([0; 4]);

    pub(crate) fn has(self, c: Class) -> bool {
        let i = c as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn insert_index(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn union(self, other: ClassSet) -> ClassSet {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        out
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == [0; 4]
    }
}

struct Classes {
    /// The words of each class, by the class's number.
    sets: Vec<super::WordSet>,
    /// Each word (as the data files write it) to its classes.
    of_word: HashMap<&'static [u8], ClassSet>,
    /// The first bytes and lengths of those words, to answer most words without hashing.
    filter: super::WordSet,
    /// The classes whose words are all in lower case.
    lower_only: ClassSet,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mut sets = Vec::with_capacity(Class::COUNT);
    let mut of_word: HashMap<&'static [u8], ClassSet> = HashMap::default();
    let mut words_seen: Vec<&'static str> = Vec::new();
    let mut lower_only = ClassSet::EMPTY;
    for file in CLASS_FILES {
        for (_, words) in lines(file).filter_map(|l| l.split_once(':')) {
            let i = sets.len();
            let set: super::WordSet = words.split_whitespace().collect();
            if set.iter().all(|w| super::lower(w) == *w) {
                lower_only.insert_index(i);
            }
            for w in set.iter() {
                of_word.entry(w.as_bytes()).or_default().insert_index(i);
                words_seen.push(w);
            }
            sets.push(set);
        }
    }
    debug_assert_eq!(sets.len(), Class::COUNT);
    Classes {
        sets,
        of_word,
        filter: words_seen.into_iter().collect(),
        lower_only,
    }
});

impl Class {
    /// Whether `word`, exactly as written, is in the class.
    pub(crate) fn contains(self, word: &str) -> bool {
        CLASSES.sets[self as usize].contains(word)
    }

    /// Whether all the class's words are in lower case: a word with a capital is then in it
    /// only through its lower-case form, never as written.
    pub(crate) fn lower_only(self) -> bool {
        CLASSES.lower_only.has(self)
    }

    /// Whether `word` is in the class as written or in lower case.
    pub(crate) fn contains_folded(self, word: &str) -> bool {
        classes_of(word).has(self)
    }

    /// The class's words.
    pub(crate) fn words(self) -> impl Iterator<Item = &'static str> {
        CLASSES.sets[self as usize].iter().copied()
    }
}

/// Every word of a class (as the data files write it) and its classes.
pub(super) fn class_words() -> impl Iterator<Item = (&'static [u8], ClassSet)> {
    CLASSES.of_word.iter().map(|(w, c)| (*w, *c))
}

/// The classes of one form of a word, exactly as written.
fn of_form(w: &[u8]) -> ClassSet {
    if CLASSES.filter.may_contain(w) {
        CLASSES.of_word.get(w).copied().unwrap_or_default()
    } else {
        ClassSet::EMPTY
    }
}

/// The classes of a word: those its form as written belongs to, and those of its lower-case
/// form (so "But" is a sentence starter and, like "but", a clause joiner).
pub(crate) fn classes_of(word: &str) -> ClassSet {
    let of = of_form;
    let bytes = word.as_bytes();
    if word.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return of(bytes);
        }
        // (a short ASCII word is lower-cased on the stack, not in a new string)
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..bytes.len()) {
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            return of(bytes).union(of(lower));
        }
    }
    let lower = super::lower(word);
    if lower.as_ref() == word {
        of(bytes)
    } else {
        of(bytes).union(of(lower.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_the_classes_of_its_form_and_its_lower_case() {
        let but = classes_of("But");
        assert!(but.has(Class::Starters));
        assert!(but.has(Class::ClauseJoiners));
        assert!(!classes_of("but").has(Class::Starters));
        assert!(classes_of("the").has(Class::Determiners));
        assert!(classes_of("zebra").is_empty());
    }

    #[test]
    fn every_class_is_loaded_with_words() {
        assert_eq!(CLASSES.sets.len(), Class::COUNT);
        assert!(Class::Determiners.contains("the"));
        assert_eq!(Class::Determiners.name(), "determiners");
    }
}
