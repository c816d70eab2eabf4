//! Word predicates of cue finding that the later stages share: auxiliaries, modifiers and
//! the words that may stand in a speaker mention.

use crate::lexicon::{Class, LEXICON, with_lower};
use crate::segment::{Tok, Token, is_capitalized};

/// Words that may stand between a speaker and the verb ("he also said", "Smith had said").
pub(crate) fn is_aux(word: &str) -> bool {
    with_lower(word, |l| LEXICON.auxiliaries.contains(l))
        || (word.len() > 5
            && word.ends_with("ly")
            && !is_capitalized(word)
            && !Class::FindLyNouns.contains(word))
}

/// An auxiliary, or one with "n't" ("didn't", "don’t", "won't", "isn't"): a word that may
/// stand between a speaker and the verb.
pub(crate) fn aux_or_negated(word: &str) -> bool {
    is_aux(word)
        || with_lower(word, |l| {
            l.strip_suffix("n't")
                .or_else(|| l.strip_suffix("n’t"))
                .is_some_and(|stem| is_aux(stem) || Class::FindNegatedStems.contains(stem))
        })
}

/// [`is_aux`] of a token: a word's is read from its classes ([`aux_token`]).
pub(crate) fn is_aux_token(text: &str, t: &Token) -> bool {
    if t.kind == Tok::Word {
        aux_token(text, t)
    } else {
        is_aux(t.text(text))
    }
}

/// [`aux_or_negated`] of a token: a lower-case word's is read from its classes and its
/// own text, with no lower-casing. A word that is no auxiliary by its classes is one only
/// when it ends in "ly" (in lower case, [`aux_token`]) or "n't" (in any case): one whose
/// last byte is none of "y", "t" and "T" is not read further (most words before a cue:
/// "Smith", "officials").
#[inline]
pub(crate) fn aux_or_negated_token(text: &str, t: &Token) -> bool {
    if t.kind == Tok::Word
        && !t.is(Class::Auxiliaries)
        && !matches!(
            text.as_bytes().get(t.end.wrapping_sub(1)),
            Some(b'y' | b't' | b'T') | None
        )
    {
        return false;
    }
    aux_or_negated_read(text, t)
}

/// [`aux_or_negated_token`] past its test of the last byte: the word's text read.
fn aux_or_negated_read(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return aux_or_negated(t.text(text));
    }
    let l = t.text(text);
    if !t.is_lower() {
        // (a capitalised word: an auxiliary by its classes, which hold its lower case's; a
        // negated one only when it ends in "n't" in some case, the one it is lowered for)
        return aux_token(text, t) || (ends_in_nt(l) && aux_or_negated(l));
    }
    aux_token(text, t)
        || l.strip_suffix("n't")
            .or_else(|| l.strip_suffix("n’t"))
            .is_some_and(|stem| is_aux(stem) || Class::FindNegatedStems.contains(stem))
}

/// Whether `w` ends in "n't" or "n’t", in any case ("DIDN'T"): its lower case ends in one
/// of them (no other letter lowers to "n" or "t").
fn ends_in_nt(w: &str) -> bool {
    let b = w.as_bytes();
    let tail = |ending: &[u8]| {
        b.len() >= ending.len() && b[b.len() - ending.len()..].eq_ignore_ascii_case(ending)
    };
    tail(b"n't") || tail("n’t".as_bytes())
}

/// "And", "But", "So", "Yet", "Or" opening a sentence.
pub(crate) fn opening_conjunction(word: &str) -> bool {
    Class::FindOpeningConjunctions.contains(word)
}

/// A plural noun's form (lower case): "officials", "voters", "people".
pub(crate) fn plural_form(lower: &str) -> bool {
    (lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("’s")
        && !lower.ends_with("'s"))
        || LEXICON.irregular_plurals.contains(lower)
}

/// Whether token `t` could be part of a speaker mention (used to check that only a mention
/// stands between a quotation and its cue). The word classes are the token's own.
pub(crate) fn mentionish(text: &str, t: &Token) -> bool {
    match t.kind {
        Tok::Word => {
            let w = t.text(text);
            t.is_capitalised()
                || aux_token(text, t)
                || t.is(Class::Modifiers)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || is_role_or_document(t)
                || is_pronoun(text, t)
                || if t.is_lower() {
                    modifier_suffix(w)
                } else {
                    with_lower(w, modifier_suffix)
                }
        }
        Tok::Punct => Class::FindMentionPunct.contains(t.text(text)),
        Tok::Quote(_) => false,
    }
}

/// Whether the word in lower case is a pronoun of the lexicon ("He", "they"): looked up only
/// for a word with the bit of one of `lexicon::PRONOUN_CLASSES`.
#[inline]
pub(crate) fn is_pronoun(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word
        && t.classes.intersects(crate::lexicon::PRONOUN_CLASSES)
        && with_lower(t.text(text), |l| LEXICON.pronouns.contains_key(l))
}

/// Whether the word in lower case is a role or a document noun of the lexicon ("spokesman",
/// "Report"), read from the token's bits: the classes `speaker_roles` and `speaker_documents`
/// hold exactly the lists' one-word entries, in lower case (a token's classes hold its lower
/// case's).
#[inline]
pub(crate) fn is_role_or_document(t: &Token) -> bool {
    t.kind == Tok::Word && (t.is(Class::SpeakerRoles) || t.is(Class::SpeakerDocuments))
}

/// [`is_aux`] of a word token, read from its classes: "also", "had", "repeatedly".
pub(crate) fn aux_token(text: &str, t: &Token) -> bool {
    // (auxiliaries are a class of lower-case words: the token's classes hold its lower
    // case's)
    t.is(Class::Auxiliaries) || {
        let w = t.text(text);
        w.len() > 5
            && w.ends_with("ly")
            && !t.is_capitalised()
            && !t.is_written(Class::FindLyNouns, text)
    }
}

/// Whether token `t` in lower case is a word of class `c`:
/// `in_lower_class(text, t, Class::ReportedNegations)` is
/// `Class::ReportedNegations.contains(&lower(t.text(text)))`, read off the token's class bits
/// (a token's classes hold its lower case's): a word without the class's bit is not in it,
/// and one with it is when it is in lower case or the class's words all are; only a
/// capitalised word with the bit, punctuation and a quotation are looked up.
#[inline]
pub(crate) fn in_lower_class(text: &str, t: &Token, c: Class) -> bool {
    if t.kind == Tok::Word {
        t.is(c) && (t.is_lower() || c.lower_only() || c.contains_lowered(t.text(text)))
    } else {
        punctuation_in_class(text, t, c)
    }
}

/// [`in_lower_class`] of punctuation or a quotation (not inlined: most tokens are words). A
/// mark opening it stays in its lower case: a class whose words all open with a letter or
/// digit holds no such token, and it is not lowered; a quotation's token is lowered only if
/// it is one word (see `contains_lowered`).
#[inline(never)]
fn punctuation_in_class(text: &str, t: &Token, c: Class) -> bool {
    let w = t.text(text);
    (!opens_with_a_mark(w) || has_word_opening_with_a_mark(c)) && c.contains_lowered(w)
}

/// Whether `w` opens with an ASCII character that is no letter or digit, or with one of
/// general punctuation (U+2000 to U+206F: dashes, quotation marks), read off its first
/// bytes (no Unicode table): a mark that is its own lower case.
fn opens_with_a_mark(w: &str) -> bool {
    match w.as_bytes() {
        [b, ..] if b.is_ascii() => !b.is_ascii_alphanumeric(),
        [0xE2, 0x80 | 0x81, ..] => true,
        _ => false,
    }
}

/// Whether a word of class `c` opens with a character that is no letter or digit (";",
/// "--"), read from its words the first time a class is asked about and kept: per class,
/// 0 not yet read, 1 no, 2 yes.
fn has_word_opening_with_a_mark(c: Class) -> bool {
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};
    static READ: [AtomicU8; Class::COUNT] = [const { AtomicU8::new(0) }; Class::COUNT];
    let cell = &READ[c as usize];
    match cell.load(Relaxed) {
        0 => {
            let marked = c.words().any(|w| !w.starts_with(char::is_alphanumeric));
            cell.store(1 + u8::from(marked), Relaxed);
            marked
        }
        n => n == 2,
    }
}

/// Where the mention before token `verb` starts: the run of words that may stand in one
/// (names, roles, nouns), at most `reach - 1` of them, not past a comma or `floor`.
pub(crate) fn mention_start(
    text: &str,
    toks: &[Token],
    floor: usize,
    verb: usize,
    reach: usize,
) -> usize {
    let mut m = verb;
    while m > floor
        && m + reach > verb
        && (mentionish(text, &toks[m - 1]) || plain_noun(text, &toks[m - 1]))
        && !toks[m - 1].is_text(text, ",")
    {
        m -= 1;
    }
    m
}

/// A role word of the lexicon ("spokesman", "director").
pub(crate) fn is_role(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word
        && LEXICON
            .roles
            .contains_key(&*crate::lexicon::lower(t.text(text)))
}

/// A lower-case word that can close a noun phrase after a determiner ("the authors").
pub(crate) fn plain_noun(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word || t.is_capitalised() {
        return false;
    }
    let w = t.text(text);
    // (the word as written: a lower-case word's verb form and classes are its token's)
    let verb = if t.is_lower() {
        t.verb != crate::lexicon::info::NO_VERB
    } else {
        LEXICON.verbs.contains_key(w)
    };
    !w.ends_with("ly")
        && !verb
        && !t.is_written(Class::FunctionWords, text)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Lower-case words that may stand inside a speaker mention: determiners, and adjectives
/// that qualify a role ("a senior White House official", "the former secretary of state").
pub(crate) fn is_modifier(lower: &str) -> bool {
    LEXICON.modifiers.contains(lower) || modifier_suffix(lower)
}

/// An adjective by its ending ("regional", "presidential"): only the endings that end in
/// the word's last byte are compared ([`SUFFIXES_BY_LAST`]). (The speaker stage asks it of a
/// lower-case word whose token lacks the `Modifiers` bit: such a word is not in the list.)
pub(crate) fn modifier_suffix(lower: &str) -> bool {
    lower.len() > 4
        && lower.as_bytes().last().is_some_and(|&b| {
            SUFFIXES_BY_LAST[usize::from(b)]
                .iter()
                .any(|s| lower.ends_with(s))
        })
}

/// The endings of adjectives (`find_modifier_suffixes`) by their last byte, read once.
static SUFFIXES_BY_LAST: std::sync::LazyLock<[Vec<&'static str>; 256]> =
    std::sync::LazyLock::new(|| {
        let mut by_last: [Vec<&'static str>; 256] = std::array::from_fn(|_| Vec::new());
        for s in Class::FindModifierSuffixes.words() {
            if let Some(&b) = s.as_bytes().last() {
                by_last[usize::from(b)].push(s);
            }
        }
        by_last
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_byte_test_turns_away_no_auxiliary() {
        // (the gate against the word's own reading, on every token of words that are
        // auxiliaries, negated, adverbs in "-ly" or none, in every case)
        let text = "He didn't, DIDN'T, Didn't, won’t, WON’T, can't say; they really, Really, \
                    REALLY, family, Family, only, has, Has, HAS, will, Will, would, isn't, \
                    Isn'T, ain't, it, that, but, not, Not, NOT, officials, Smith, Trump's, \
                    also, Also, quietly, Quietly, mostly, 5,000, well-known, don’t, Don’T";
        let all = crate::grammar::test_support::toks(text);
        let mut passed = 0;
        for t in &all {
            let slow = aux_or_negated_read(text, t);
            assert_eq!(aux_or_negated_token(text, t), slow, "{}", t.text(text));
            passed += usize::from(slow);
        }
        assert!(passed > 15, "{passed}");
        for &a in LEXICON.auxiliaries.iter() {
            for w in [
                a.to_string(),
                a.to_uppercase(),
                a[..1].to_uppercase() + &a[1..],
            ] {
                let all = crate::grammar::test_support::toks(&w);
                for t in &all {
                    let slow = aux_or_negated_read(&w, t);
                    assert_eq!(aux_or_negated_token(&w, t), slow, "{w}");
                }
            }
        }
    }

    #[test]
    fn pronouns_roles_and_documents_are_read_from_the_bits() {
        // (the classes copy the lists: the bits answer for the look-ups, exactly)
        let lx = &*LEXICON;
        let one_word = |w: &&str| !w.contains(' ');
        fn sorted(mut v: Vec<&str>) -> Vec<&str> {
            v.sort_unstable();
            v.dedup();
            v
        }
        let roles = sorted(lx.roles.iter().map(|(w, _)| *w).filter(one_word).collect());
        let docs = sorted(lx.documents.iter().copied().filter(one_word).collect());
        assert_eq!(sorted(Class::SpeakerRoles.words().collect()), roles);
        assert_eq!(sorted(Class::SpeakerDocuments.words().collect()), docs);
        assert!(Class::SpeakerRoles.lower_only() && Class::SpeakerDocuments.lower_only());
        let text = "He told THEY the Spokesman read the REPORT , Smith pinned them officially";
        let t = crate::grammar::test_support::toks(text);
        let looked_up = |t: &Token| {
            with_lower(t.text(text), |l| {
                lx.roles.contains_key(l) || lx.documents.contains(l) || lx.pronouns.contains_key(l)
            })
        };
        for x in &t {
            let bits = is_role_or_document(x) || is_pronoun(text, x);
            assert_eq!(bits, looked_up(x), "{}", x.text(text));
        }
        assert!(is_pronoun(text, &t[0]) && is_pronoun(text, &t[2]));
        assert!(is_role_or_document(&t[4]) && is_role_or_document(&t[7]));
        assert!(!is_role_or_document(&t[9]) && !is_pronoun(text, &t[10]));
    }

    #[test]
    fn auxiliaries_and_negated_ones() {
        // "he also said", "Smith had said", "she didn't say", "they won't say"
        assert!(is_aux("also") && is_aux("had") && is_aux("repeatedly"));
        assert!(!is_aux("family") && !is_aux("rally"));
        assert!(aux_or_negated("didn't") && aux_or_negated("won’t"));
        assert!(!aux_or_negated("Smith"));
    }

    #[test]
    fn a_tokens_auxiliary_is_the_words() {
        // "he also said", "she DIDN'T say", "the family said", "Early on": the token's
        // classes answer as the word's text does.
        let text = "also had repeatedly didn't won’t DIDN'T Also family Early rally Smith , said \
                    Didn't WON’T Won’T Isn't Ain't Can'T Bent Hadn't’ Also'nt";
        let toks = crate::grammar::test_support::toks(text);
        for t in &toks {
            let w = t.text(text);
            assert_eq!(is_aux_token(text, t), is_aux(w), "{w}");
            assert_eq!(aux_or_negated_token(text, t), aux_or_negated(w), "{w}");
        }
        assert!(
            toks.iter()
                .filter(|t| aux_or_negated_token(text, t))
                .count()
                >= 6
        );
    }

    #[test]
    fn a_tokens_lower_case_class_is_its_bit() {
        // "NEVER", "never", "Not" are negations in lower case, as the look-up says; a
        // comma is none
        let text = "NEVER never Not nothing ,";
        let toks = crate::grammar::test_support::toks(text);
        for t in &toks {
            let looked_up = Class::ReportedNegations.contains(&crate::lexicon::lower(t.text(text)));
            assert_eq!(in_lower_class(text, t, Class::ReportedNegations), looked_up);
        }
        let n = toks
            .iter()
            .filter(|t| in_lower_class(text, t, Class::ReportedNegations))
            .count();
        assert_eq!(n, 3);
    }

    #[test]
    fn punctuation_is_looked_up_only_in_a_class_with_marks() {
        // ";" and "—" are in the classes that hold marks, as the look-up says; no mark is
        // a negation (its class's words open with letters)
        assert!(has_word_opening_with_a_mark(Class::ReportedSentenceEnds));
        assert!(has_word_opening_with_a_mark(Class::LinkDashes));
        assert!(!has_word_opening_with_a_mark(Class::ReportedNegations));
        let text = "; — , . “not” “Never mind”";
        let toks = crate::grammar::test_support::toks(text);
        for c in [
            Class::ReportedSentenceEnds,
            Class::LinkDashes,
            Class::ReportedNegations,
        ] {
            for t in &toks {
                let looked_up = c.contains_lowered(t.text(text));
                assert_eq!(in_lower_class(text, t, c), looked_up, "{}", t.text(text));
            }
        }
        assert!(in_lower_class(text, &toks[0], Class::ReportedSentenceEnds));
        assert!(in_lower_class(text, &toks[1], Class::LinkDashes));
        assert!(opens_with_a_mark("—") && opens_with_a_mark("“not”") && opens_with_a_mark(","));
        assert!(!opens_with_a_mark("not") && !opens_with_a_mark("é") && !opens_with_a_mark(""));
    }

    #[test]
    fn words_of_a_mention() {
        // "a senior White House official", "the regional director"
        assert!(is_modifier("senior") && is_modifier("regional"));
        assert!(!is_modifier("said"));
        assert!(opening_conjunction("But") && !opening_conjunction("but"));
        assert!(plural_form("officials") && plural_form("people") && !plural_form("boss"));
    }

    #[test]
    fn an_adjectives_ending_is_any_of_the_class() {
        // "regional", "economic", "senior", "western": as a comparison with every ending
        for w in [
            "regional", "economic", "senior", "western", "chinese", "british", "budget", "ic",
            "tonic", "said", "primary", "relative", "é", "",
        ] {
            let naive = w.len() > 4 && Class::FindModifierSuffixes.words().any(|s| w.ends_with(s));
            assert_eq!(modifier_suffix(w), naive, "{w}");
        }
        assert!(modifier_suffix("regional") && !modifier_suffix("budget"));
    }
}
