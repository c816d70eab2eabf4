//! Word classes as a type: `Class` has one variant per class the data files name (generated
//! by build.rs), and every word's classes are one look-up (`info::word_info`, from
//! [`class_words`]), so a token can carry them as a `ClassSet` computed once when it is made.

use super::lines;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/classes.rs"));

/// A set of word classes, one bit a class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct ClassSet([u64; WORDS]);

/// How many 64-bit words a `ClassSet` has (build.rs checks the classes fit).
const WORDS: usize = 5;

impl ClassSet {
    pub(crate) const EMPTY: ClassSet = ClassSet([0; WORDS]);

    pub(crate) fn has(self, c: Class) -> bool {
        let i = c as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn insert_index(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// This set and class `c`.
    pub(crate) const fn with(self, c: Class) -> ClassSet {
        let i = c as usize;
        let mut out = self;
        out.0[i / 64] |= 1 << (i % 64);
        out
    }

    pub(crate) fn union(self, other: ClassSet) -> ClassSet {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        out
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == [0; WORDS]
    }

    /// Whether the set holds any of `classes`: one test of a mask, which folds to a constant
    /// where `classes` is one (`intersects(&[Class::A, Class::B])`).
    #[inline]
    pub(crate) const fn intersects(self, classes: &[Class]) -> bool {
        let mut mask = [0u64; WORDS];
        let mut k = 0;
        while k < classes.len() {
            let i = classes[k] as usize;
            mask[i / 64] |= 1 << (i % 64);
            k += 1;
        }
        (self.0[0] & mask[0])
            | (self.0[1] & mask[1])
            | (self.0[2] & mask[2])
            | (self.0[3] & mask[3])
            | (self.0[4] & mask[4])
            != 0
    }
}

struct Classes {
    /// The words of each class, by the class's number.
    sets: Vec<super::WordSet>,
    /// Each word (as the data files write it) to its classes.
    of_word: HashMap<&'static [u8], ClassSet>,
}

/// The classes' words, read from the data files on first use ([`classes`]).
static CLASSES: OnceLock<Classes> = OnceLock::new();

/// The classes' words, read on first use.
fn classes() -> &'static Classes {
    CLASSES.get_or_init(read_classes)
}

/// The words of each class, as the data files list them.
fn read_classes() -> Classes {
    let mut sets = Vec::with_capacity(Class::COUNT);
    let mut of_word: HashMap<&'static [u8], ClassSet> = HashMap::default();
    for file in CLASS_FILES {
        for (_, words) in lines(file).filter_map(|l| l.split_once(':')) {
            let i = sets.len();
            let set: super::WordSet = words.split_whitespace().collect();
            for w in set.iter() {
                of_word.entry(w.as_bytes()).or_default().insert_index(i);
            }
            sets.push(set);
        }
    }
    debug_assert_eq!(sets.len(), Class::COUNT);
    Classes { sets, of_word }
}

impl Class {
    /// Whether `word`, exactly as written, is in the class.
    ///
    /// (Asked of hundreds of thousands of words a run, most answered by the set's filter:
    /// once the classes are read, the look-up calls nothing that returns to it, so that it
    /// saves no registers.)
    pub(crate) fn contains(self, word: &str) -> bool {
        match CLASSES.get() {
            Some(classes) => classes.sets[self as usize].contains(word),
            None => self.contains_at_first_use(word),
        }
    }

    /// [`Class::contains`] before the classes are read: they are read first.
    #[cold]
    #[inline(never)]
    fn contains_at_first_use(self, word: &str) -> bool {
        classes().sets[self as usize].contains(word)
    }

    /// Whether `word` in lower case is in the class (`contains(&lower(word))`). A word
    /// with white space in it ("“We will win,”", a quotation's token) is in no class, and
    /// is not lower-cased: a class's words are read from its data file split at white
    /// space, and lower-casing keeps white space as it is.
    pub(crate) fn contains_lowered(self, word: &str) -> bool {
        if word.contains(char::is_whitespace) {
            return false;
        }
        super::with_lower(word, |l| self.contains(l))
    }

    /// Whether all the class's words are in lower case: a word with a capital is then in it
    /// only through its lower-case form, never as written.
    /// (A constant build.rs computes from the data files: no table is built or asked for.)
    #[inline]
    pub(crate) fn lower_only(self) -> bool {
        ClassSet(LOWER_ONLY).has(self)
    }

    /// The class's words as one set (the lexicon's named word lists are these sets, not
    /// sets of their own read again from the data file).
    pub(crate) fn set(self) -> &'static super::WordSet {
        &classes().sets[self as usize]
    }

    /// The class's words.
    pub(crate) fn words(self) -> impl Iterator<Item = &'static str> {
        classes().sets[self as usize].iter().copied()
    }
}

/// The classes `word`, exactly as written, is in (no lower-casing): one look-up for all the
/// classes of a cue's lemma ("say": inverting, hearer, ...).
pub(crate) fn classes_as_written(word: &str) -> ClassSet {
    classes()
        .of_word
        .get(word.as_bytes())
        .copied()
        .unwrap_or_default()
}

/// Every word of a class (as the data files write it) and its classes.
pub(super) fn class_words() -> impl Iterator<Item = (&'static [u8], ClassSet)> {
    classes().of_word.iter().map(|(w, c)| (*w, *c))
}

/// The classes of a word: those its form as written belongs to, and those of its lower-case
/// form (so "But" is a sentence starter and, like "but", a clause joiner). The plain
/// reference that the tokenizer's one look-up (`info::word_info`) is tested against; stage
/// code reads a token's classes.
#[cfg(test)]
pub(crate) fn classes_of(word: &str) -> ClassSet {
    let of = |w: &[u8]| classes().of_word.get(w).copied().unwrap_or_default();
    of(word.as_bytes()).union(of(super::lower(word).as_bytes()))
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
        assert_eq!(classes().sets.len(), Class::COUNT);
        assert!(Class::Determiners.contains("the"));
        assert_eq!(Class::Determiners.name(), "determiners");
    }

    #[test]
    fn a_word_lowered_is_looked_up_and_words_with_white_space_are_in_no_class() {
        for (i, set) in classes().sets.iter().enumerate() {
            assert!(
                set.iter().all(|w| !w.contains(char::is_whitespace)),
                "class {i}"
            );
        }
        assert!(Class::Determiners.contains_lowered("The"));
        assert!(Class::Determiners.contains_lowered("the"));
        assert!(!Class::Determiners.contains_lowered("“The end,” the"));
        for w in ["The", "ÉLYSÉE", "“No”", "x\u{00a0}y"] {
            assert_eq!(
                Class::Determiners.contains_lowered(w),
                Class::Determiners.contains(&crate::lexicon::lower(w)),
                "{w}"
            );
        }
    }

    #[test]
    fn lower_only_is_the_classes_whose_words_are_all_in_lower_case() {
        for (i, set) in classes().sets.iter().enumerate() {
            let lower = set.iter().all(|w| crate::lexicon::lower(w) == *w);
            assert_eq!(
                ClassSet(LOWER_ONLY).0[i / 64] & (1 << (i % 64)) != 0,
                lower,
                "class {i}"
            );
        }
        assert!(Class::Determiners.lower_only());
        assert!(!Class::Starters.lower_only());
    }

    #[test]
    fn a_lemma_has_the_classes_it_is_written_in() {
        let say = classes_as_written("say");
        assert!(say.has(Class::InvertingVerbs) && !say.has(Class::HearerVerbs));
        assert!(classes_as_written("tell").has(Class::HearerVerbs));
        assert!(!classes_as_written("Say").has(Class::InvertingVerbs));
        assert!(classes_as_written("zebra").is_empty());
        for c in [
            Class::MannerVerbs,
            Class::ClauseOnlyVerbs,
            Class::PerceptionVerbs,
        ] {
            assert!(c.words().all(|w| classes_as_written(w).has(c)));
        }
    }
}
