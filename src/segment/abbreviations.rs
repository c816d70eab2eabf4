//! The suffixes a word keeps: the apostrophe of a plural possessive ("the Joneses'") and
//! the full stop of an abbreviation ("Mr.", "U.S.", "J.", "R-Pa.", "then-Sen."), each rule
//! a function of the word and the text around it, which the lexer asks after a word's body.

use super::APOSTROPHES;
use crate::lexicon::LEXICON;

/// The marks that open a quotation in single marks and may stand before a word.
const SINGLE_OPENING_MARKS: [char; 2] = ['\'', '‘'];

/// The apostrophe of a plural possessive belongs to its word ("the Joneses'"), unless a
/// single mark opened the word ('the Joneses') or a letter follows: where the word
/// `i..j` ends.
pub(super) fn plural_possessive(text: &str, i: usize, j: usize, limit: usize) -> usize {
    if !text[i..j].ends_with('s') {
        return j;
    }
    match text[j..limit].chars().next() {
        Some(a)
            if APOSTROPHES.contains(&a)
                && !text[j + a.len_utf8()..].starts_with(char::is_alphanumeric)
                && !text[..i].ends_with(SINGLE_OPENING_MARKS) =>
        {
            j + a.len_utf8()
        }
        _ => j,
    }
}

/// A full stop belongs to an abbreviation: where the word `i..j` ends, with the full stop
/// after it when one of [`ABBREVIATIONS`] holds.
pub(super) fn abbreviation_stop(text: &str, i: usize, j: usize, limit: usize) -> usize {
    if j < limit && text.as_bytes()[j] == b'.' {
        let with_stop = &text[i..=j];
        if ABBREVIATIONS.iter().any(|(_, rule)| rule(with_stop)) {
            return j + 1;
        }
    }
    j
}

/// [`abbreviation_stop`] of a word of ASCII letters and digits alone (`text[i..j]`, a full
/// stop at `j`): of [`ABBREVIATIONS`], only an initial and a listed abbreviation may hold
/// (the others need a full stop or a hyphen inside the word).
#[inline]
pub(super) fn plain_abbreviation_stop(text: &str, i: usize, j: usize) -> usize {
    let with_stop = &text[i..=j];
    if initial(with_stop) || listed(with_stop) {
        j + 1
    } else {
        j
    }
}

/// A word with a full stop after it (`w`, the stop included) that is an abbreviation.
pub(super) type Abbreviation = fn(&str) -> bool;

/// The kinds of abbreviations that keep their full stop (any one will do; the cheap ones
/// are tried first).
pub(super) const ABBREVIATIONS: &[(&str, Abbreviation)] = &[
    ("dotted", dotted),
    ("initial", initial),
    ("party and state", party_and_state),
    ("listed", listed),
    ("listed after a prefix", listed_after_prefix),
];

/// The word holds full stops already: "U.S.", "a.m.".
fn dotted(w: &str) -> bool {
    // (a byte search: a short word's bytes are read one by one, without a string search)
    w.as_bytes()[..w.len() - 1].contains(&b'.')
}

/// One capital letter: "J. Smith".
fn initial(w: &str) -> bool {
    w.len() == 2 && w.chars().next().is_some_and(char::is_uppercase)
}

/// A party and a state: "R-Pa.", "D-Ill.".
fn party_and_state(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() <= 8
        && b.get(1) == Some(&b'-')
        && b[0].is_ascii_uppercase()
        && b.get(2).is_some_and(u8::is_ascii_uppercase)
}

/// An abbreviation of the lexicon: "Mr.", "Sen.", "Calif.".
fn listed(w: &str) -> bool {
    LEXICON.abbreviations.contains(w)
}

/// An abbreviation of the lexicon after a prefix: "then-Sen.", "ex-Gov.".
fn listed_after_prefix(w: &str) -> bool {
    w.rsplit_once('-')
        .is_some_and(|(_, last)| LEXICON.abbreviations.contains(last))
}
