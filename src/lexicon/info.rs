//! What the lexicon knows of one word, looked up once when the lexer makes its token: its
//! word classes, its reporting-verb form and a few facts of its spelling, all read off one
//! lower-casing of the word.

use super::{ClassSet, LEXICON, classes::classes_of_forms};

/// The word has no upper-case letter: its lower-case form is itself.
pub(crate) const LOWER: u8 = 1;
/// The word starts with an upper-case letter ("Smith", "U.S.").
pub(crate) const CAPITALISED: u8 = 2;
/// The lower-case word is the first of a two-word reporting verb form ("went" of "went on").
pub(crate) const VERB_HEAD: u8 = 4;

/// No reporting verb form.
pub(crate) const NO_VERB: u16 = u16::MAX;

/// A word's classes, its reporting verb form (the lower-case word's entry in
/// `LEXICON.verbs`, by its number in `LEXICON.verb_forms`) and its spelling flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    pub classes: ClassSet,
    pub verb: u16,
    pub flags: u8,
}

/// What the lexicon knows of `word` (the word is lower-cased once, on the stack when it is
/// short and ASCII).
pub(crate) fn word_info(word: &str) -> WordInfo {
    let bytes = word.as_bytes();
    let capitalised = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    };
    let mut flags = if capitalised { CAPITALISED } else { 0 };
    let of_lower = |lower: &str, written: Option<&str>, flags: u8| {
        let lx = &*LEXICON;
        let classes = classes_of_forms(written, lower);
        let verb = lx.verb_ids.get(lower).copied().unwrap_or(NO_VERB);
        let head = if lx.verb_heads.contains(lower) {
            VERB_HEAD
        } else {
            0
        };
        WordInfo {
            classes,
            verb,
            flags: flags | head,
        }
    };
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return of_lower(word, None, flags | LOWER);
        }
        let mut buf = [0u8; 32];
        if let Some(low) = buf.get_mut(..bytes.len()) {
            low.copy_from_slice(bytes);
            low.make_ascii_lowercase();
            if let Ok(low) = std::str::from_utf8(low) {
                return of_lower(low, Some(word), flags);
            }
        }
    }
    let lower = super::lower(word);
    if lower.as_ref() == word {
        flags |= LOWER;
        of_lower(word, None, flags)
    } else {
        of_lower(&lower, Some(word), flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Class, classes_of};

    #[test]
    fn a_word_is_looked_up_once_in_lower_case() {
        let said = word_info("Said");
        assert_eq!(said.flags & (LOWER | CAPITALISED), CAPITALISED);
        let form = LEXICON.verb_forms[said.verb as usize];
        assert_eq!(form.lemma, "say");
        assert_eq!(word_info("went").flags & VERB_HEAD, VERB_HEAD);
        assert_eq!(word_info("table").verb, NO_VERB);
        let but = word_info("But");
        assert!(but.classes.has(Class::Starters) && but.classes.has(Class::ClauseJoiners));
        for w in [
            "the",
            "But",
            "ÉLYSÉE",
            "Über",
            "officials",
            "A-LONG-WORD-IN-CAPITALS-AND-MORE",
        ] {
            assert_eq!(word_info(w).classes, classes_of(w), "{w}");
        }
    }
}
