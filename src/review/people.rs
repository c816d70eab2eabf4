//! The rules on who a statement's speaker is: a pronoun two people could be, and a person
//! quoted by surname (or a pronoun) before the article introduces them.
//!
//! AP and Reuters style: the first reference to a person gives the full name (or a title and
//! the surname: "President Obama"), later ones the surname. The first reference may be
//! anywhere before — the headline, a photo caption, the lead, an object, an apposition, after
//! a role ("Stein spokeswoman Melezia Figueroa") — and need not be as a speaker.

use super::spans::{self, is_word};
use super::{
    LONGEST_PERSONAL, LONGEST_PRONOUN, MAX_COMPARED, Mention, Review, flag, with_lowercase,
};
use crate::lexicon::{Class, Gender, LEXICON};
use crate::model::{EntityKind, Flag, FlagKind, Quote, SpeakerRef};
use crate::speakers::{NameCandidate, surname};
use rustc_hash::FxHashSet;

/// A pronoun that two people named just before could be: "he" after "Smith met Jones.". The
/// people are two of the same gender in one clause ("Smith met Jones") of the sentence
/// before or of the pronoun's own sentence up to it; a
/// person named after the pronoun in its own sentence is not who it is ("He said Obama
/// hopes"), nor is it ambiguous when the statement before was the same speaker's.
pub(super) fn ambiguous_pronoun(
    r: &mut Review,
    q: &Quote,
    sp: &SpeakerRef,
    mention: &Mention,
) -> Option<Flag> {
    if !mention.may_be_within(*LONGEST_PERSONAL) {
        return None;
    }
    let g = pronoun_gender(mention.lower())?;
    if continues_speaker(r, q, sp, g) {
        return None;
    }
    let own = sentence_start(r.text, sp.start);
    let prev_end = r.text[..own].trim_end().len();
    let from = sentence_start(r.text, prev_end.saturating_sub(1));
    let first = r.people.partition_point(|c| c.start < from);
    let named = &r.people[first..];
    // (two people of the pronoun's gender named before it, or no flag: no more is read)
    let of_gender = |c: &&NameCandidate| c.end <= sp.start && c.gender == g;
    let before = || named.iter().take_while(|c| c.start < sp.start);
    before().filter(of_gender).nth(1)?;
    let to = sentence_end(r.text, sp.end);
    let after: Vec<String> = named
        .iter()
        .skip_while(|c| c.start < sp.end)
        .take_while(|c| c.end <= to)
        .map(|c| surname(&c.name))
        .collect();
    let same: Vec<&NameCandidate> = before()
        .filter(of_gender)
        .filter(|c| !after.contains(&surname(&c.name)))
        .collect();
    // Two of them in one clause ("Smith met Jones", "Smith and Jones"), as equals.
    let paired = same.windows(2).any(|w| {
        surname(&w[0].name) != surname(&w[1].name)
            && one_clause(r.text.get(w[0].end..w[1].start).unwrap_or(","))
    });
    let mut names: Vec<String> = same.iter().map(|c| surname(&c.name)).collect();
    names.sort();
    names.dedup();
    (paired && names.len() >= 2).then(|| {
        flag(
            FlagKind::AmbiguousPronoun,
            sp.start,
            sp.end,
            format!(
                "\"{}\" could be any of {} people named just before; it was resolved to {}",
                sp.text,
                names.len(),
                sp.name
            ),
        )
    })
}

/// Whether the words between two names keep them in one clause: at most six words, no
/// punctuation and no word that opens a clause ("that", "who", "when").
fn one_clause(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 6
        && !between.contains([',', ';', ':', '.', '(', '—', '–', '\n'])
        && !words
            .iter()
            .any(|w| with_lowercase(w, |l| Class::ReviewClauseOpeners.contains(l)))
}

/// The gender of a personal pronoun ("he", "She").
fn pronoun_gender(mention: &str) -> Option<Gender> {
    if Class::ReviewMalePronouns.contains(mention) {
        Some(Gender::Male)
    } else if Class::ReviewFemalePronouns.contains(mention) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Whether the statement before `q` (within the paragraph before) was made by a pronoun of the
/// same gender or by the same person: the pronoun carries the speaker on, as readers take it.
fn continues_speaker(r: &Review, q: &Quote, sp: &SpeakerRef, g: Gender) -> bool {
    let from = r.paras[r.para_of(sp.start).saturating_sub(1)].start;
    let i = r.a.quotes.partition_point(|p| p.start < q.start);
    r.a.quotes[..i]
        .iter()
        .rev()
        .take_while(|p| p.start >= from)
        .find(|p| p.statement != q.statement && p.speaker.is_some())
        .and_then(|p| p.speaker.as_ref())
        .is_some_and(|prev| {
            (prev.entity.is_some() && prev.entity == sp.entity)
                || with_lowercase(&prev.text, pronoun_gender) == Some(g)
        })
}

/// Quoted before being introduced: a personal pronoun with nobody named before it ("he
/// said" opening an article), or a surname alone before the article gives the full name
/// ("Smith said" before "Jane Smith"). A name the article never gives in full is an
/// organisation, an outlet, a platform or a well-known mononym more often than a person,
/// and is not flagged (the full name found later opens with a known first name, or is the
/// one the speaker was resolved to); nor is a
/// mention in the headline or before a colon
/// ("Trump: …", a headline's quotation).
pub(super) fn unintroduced_speaker<'a>(
    r: &mut Review<'a>,
    _: &Quote,
    sp: &'a SpeakerRef,
    mention: &Mention,
) -> Option<Flag> {
    if r.in_headline(sp.start) {
        return None;
    }
    // (a pronoun, or one with a possessive "'s")
    if mention.may_be_within(*LONGEST_PRONOUN + "'s".len())
        && let bare = strip_possessive(mention.lower())
        && LEXICON.pronouns.contains_key(bare)
    {
        let text = r.text;
        let head = r.headline_end().unwrap_or(0);
        let first_name = *r.first_name_at.get_or_init(|| {
            // A name in the headline ("Trump fires up base"), or one inside a sentence.
            words_at(text)
                .find(|&(i, w)| {
                    may_name(w) && !quoted(text, i) && (i < head || !sentence_initial(text, i))
                })
                .map_or(text.len(), |(i, _)| i)
        });
        let nobody_before =
            r.people.first().is_none_or(|c| c.start >= sp.start) && first_name >= sp.start;
        let personal = pronoun_gender(bare).is_some() && bare == mention.lower();
        return (personal && sp.entity.is_none() && nobody_before).then(|| {
            flag(
                FlagKind::UnintroducedSpeaker,
                sp.start,
                sp.end,
                format!("\"{}\" has no one before it to refer to", sp.text),
            )
        });
    }
    let word = strip_possessive(sp.text.trim());
    // A mention of two words or more is never flagged; it is remembered only to count
    // towards the first names, which a document of fewer statements never fills.
    let several = word.contains(' ');
    if several && r.names_uncounted {
        return None;
    }
    // Each name is judged once, at its first quotation (an introduction stays one), and
    // only the first names of a document: each judgement reads the text once.
    // (a name seen before is looked up once, and kept as the analysis writes it, not copied)
    if r.unintroduced_seen.len() >= MAX_COMPARED || !r.unintroduced_seen.insert(word) {
        return None;
    }
    if sp.kind != EntityKind::Person
        || several
        || LEXICON.roles.contains_key(mention.lower())
        || !is_person_word(word)
        || introduced_in(r.text, word, sp.end)
        || r.text[sp.end..].starts_with(':')
    {
        return None;
    }
    // The full name later: one that opens with a known first name, or the one the speaker
    // was resolved to ("Figueroa" → "Melezia Figueroa").
    let resolved = (sp.name.contains(' ') && sp.name.ends_with(word))
        .then(|| {
            r.text[sp.end..]
                .contains(sp.name.as_str())
                .then(|| sp.name.clone())
        })
        .flatten();
    let full = full_name_at(r.text, word, sp.end).or(resolved)?;
    Some(flag(
        FlagKind::UnintroducedSpeaker,
        sp.start,
        sp.end,
        format!(
            "\"{}\" is quoted before the article gives the full name (\"{full}\", later)",
            sp.text
        ),
    ))
}

/// `w` without a possessive "'s" ("She's" → "She").
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// The outlets (as written) and the platforms (in lower case) of the lexicon: names that are
/// no one's, one look-up each, not a pass over the lists per name.
static NO_PEOPLE: std::sync::LazyLock<(FxHashSet<&str>, FxHashSet<&str>)> =
    std::sync::LazyLock::new(|| {
        let lx = &*LEXICON;
        let outlets = lx.outlets.iter().copied().collect();
        let platforms = lx.channels.iter().filter_map(|c| c.platform).collect();
        (outlets, platforms)
    });

/// Whether a single capitalised word can be a person's surname or first name: not an
/// acronym ("CNS"), an outlet ("CNN"), a platform ("Twitter"), an organisation's head word,
/// or a function word opening a sentence ("Worse").
fn is_person_word(w: &str) -> bool {
    let lx = &*LEXICON;
    let (outlets, platforms) = &*NO_PEOPLE;
    w.chars().next().is_some_and(char::is_uppercase)
        && (w.chars().count() < 2 || w.chars().any(char::is_lowercase))
        && !outlets.contains(w)
        && !lx.organizations.contains(w)
        && !lx.starters.contains(w)
        && !with_lowercase(w, |lower| {
            platforms.contains(lower) || lx.function_words.contains(lower)
        })
}

/// Whether a word can be part of a name: capitalised and not a sentence opener, function
/// word, determiner or possessive ("But", "When", "The", "Reagan's").
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && strip_possessive(w) == w
        && !LEXICON.starters.contains(w)
        && !with_lowercase(w, |lower| {
            LEXICON.function_words.contains(lower) || LEXICON.determiners.contains(lower)
        })
}

/// Whether two words are one name across the text between them: only spaces (or a quoted
/// nickname's marks), and a full stop only after an initial or a title ("C.", "Sen.").
fn joined(first: &str, between: &str) -> bool {
    // (whether a stop may follow is asked only where one does)
    let stop_ok =
        || first.chars().count() == 1 || LEXICON.titles.contains_key(format!("{first}.").as_str());
    !between.contains([',', ';', ':', '\n', '(', ')', '?', '!'])
        && (!between.contains('.') || stop_ok())
}

/// Whether the word at `i` opens a sentence (after a stop, a line break or an opening
/// quotation mark): "Nobody" there is no name.
fn sentence_initial(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '"', '“', '‘', '\'']);
    before.is_empty() || before.ends_with(['.', '?', '!', '\n', ':'])
}

/// Whether the word at `i` opens a quotation ("“Nobody …"): a speaker's word, no name.
fn quoted(text: &str, i: usize) -> bool {
    text[..i].ends_with(['"', '“', '‘'])
}

/// Whether a word may name someone a pronoun refers to: a name word that is no pronoun and
/// not all capitals ("ABSTRACT").
fn may_name(w: &str) -> bool {
    name_word(w)
        && !with_lowercase(w, |lower| LEXICON.pronouns.contains_key(lower))
        && w.chars().any(char::is_lowercase)
}

/// The words of `text` with their offsets (letters, digits, apostrophes, hyphens and a final
/// period: "O'Neill", "C.").
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    word_spans(text).map(move |(i, end)| (i, text[i..end].trim_end_matches('.')))
}

/// Where the words of `text` start and end (before their final periods are dropped).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // (ASCII is read byte by byte; only other characters are decoded)
            let (word, len) = match bytes[i] {
                b if b.is_ascii() => (is_word(b as char), 1),
                _ => text[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word(c), c.len_utf8())),
            };
            let at = i;
            i += len;
            match (word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    start = None;
                    return Some((s, at));
                }
                _ => {}
            }
        }
        start.take().map(|s| (s, text.len()))
    })
}

/// Whether `word` is given before `pos` as part of a name: after a first name, an initial, a
/// particle or a title ("Howard Dean", "Robert C. \"Bobby\" Scott", "Osama bin Laden",
/// "Sen. Warren"), or before a surname ("Melanie Jones" for "Melanie"). The words before
/// `pos` are those of `text[..pos]`, the last one cut at `pos`; only the occurrences of
/// `word` are read, with the words beside them.
fn introduced_in(text: &str, word: &str, pos: usize) -> bool {
    let cap = pos.min(text.len());
    let w_of = |(s, e): (usize, usize)| (s, text[s..e.min(cap)].trim_end_matches('.'));
    spans::words_opening_with(text, word, cap).any(|(at, end)| {
        let (_, w) = w_of((at, end));
        if strip_possessive(w) != word {
            return false;
        }
        // The word before, past name particles ("Osama bin Laden").
        let mut first = at;
        let mut prev = spans::word_before(text, at);
        while let Some(p) = prev.filter(|&p| Class::ReviewNameParticles.contains(w_of(p).1)) {
            first = p.0;
            prev = spans::word_before(text, p.0);
        }
        let before = prev.map(w_of).is_some_and(|(s, w)| {
            let between = &text[s + w.len()..first];
            name_word(w) && joined(w, between)
        });
        let after = spans::word_after(text, end, cap).is_some_and(|next| {
            let (s, next) = w_of(next);
            name_word(next) && joined(w, &text[at + w.len()..s]) && w == word
        });
        before || after
    })
}

/// The full name that holds `word` after `pos` ("Jane Smith"), if the article gives one.
fn full_name_at(text: &str, word: &str, pos: usize) -> Option<String> {
    let rest = text.get(pos..)?;
    let w_of = |(s, e): (usize, usize)| (s, rest[s..e].trim_end_matches('.'));
    spans::words_opening_with(rest, word, rest.len()).find_map(|(at, end)| {
        if strip_possessive(w_of((at, end)).1) != word {
            return None;
        }
        let (s, first) = w_of(spans::word_before(rest, at)?);
        let between = &rest[s + first.len()..at];
        (LEXICON.first_names.contains_key(first)
            && joined(first, between)
            && !between.contains('.'))
        .then(|| rest[s..at + word.len()].to_string())
    })
}

/// Where the sentence holding `pos` starts: after the last ". ", "? ", "! " (with a closing
/// quotation mark) or line break before it.
pub(super) fn sentence_start(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    // (the stops and the line break are searched for, not each space: the last stop with
    // a space after it (and its closing marks), or the last line break, found within the
    // last 2,000 bytes is the last of all, since only closing marks stand between a stop
    // and its space; else the spaces are read below)
    let head = &text.as_bytes()[..pos];
    let floor = head.len().saturating_sub(2000);
    let line = memchr::memrchr(b'\n', &head[floor..]).map_or(floor, |i| floor + i + 1);
    let mut end = head.len();
    while let Some(i) = memchr::memrchr3(b'.', b'?', b'!', &head[line..end]).map(|i| line + i) {
        let mut k = i + 1;
        loop {
            match &head[k..] {
                [b'"' | b'\'', ..] => k += 1,
                [0xE2, 0x80, 0x9D | 0x99, ..] => k += 3,
                _ => break,
            }
        }
        if head.get(k) == Some(&b' ') {
            return k + 1;
        }
        end = i;
    }
    if line > floor {
        return line;
    }
    sentence_start_by_spaces(text, pos)
}

/// [`sentence_start`] read space by space (`pos` on a character boundary).
fn sentence_start_by_spaces(text: &str, pos: usize) -> usize {
    // Back from `pos`, at most 2,000 characters (a sentence is no longer): the space after
    // the last stop, or the last line break. Within the last 2,000 bytes (no more
    // characters than that) from one space or line break to the one before ...
    let head = &text.as_bytes()[..pos];
    let floor = head.len().saturating_sub(2000);
    let mut end = head.len();
    while let Some(i) = memchr::memrchr2(b' ', b'\n', &head[floor..end]).map(|i| floor + i) {
        if head[i] == b'\n' || after_stop(&head[..i]) {
            return i + 1;
        }
        end = i;
    }
    if floor == 0 {
        return 0;
    }
    // ... and beyond, byte by byte: a character is counted at its first byte.
    let mut n = 0;
    for (i, &c) in head.iter().enumerate().rev() {
        if c & 0xC0 == 0x80 {
            continue;
        }
        if n >= 2000 {
            return i;
        }
        n += 1;
        if c == b'\n' || (c == b' ' && after_stop(&head[..i])) {
            return i + 1;
        }
    }
    0
}

/// Whether `head` ends with a full stop, a question mark or an exclamation mark, with
/// closing quotation marks after it or not (`."`, `?”`, `.’`).
fn after_stop(mut head: &[u8]) -> bool {
    loop {
        match head {
            [rest @ .., b'"' | b'\''] => head = rest,
            [rest @ .., 0xE2, 0x80, 0x9D | 0x99] => head = rest,
            [.., b'.' | b'?' | b'!'] => return true,
            _ => return false,
        }
    }
}

/// Where the sentence holding `pos` ends (its last character's end), at most 2,000
/// characters on.
pub(super) fn sentence_end(text: &str, pos: usize) -> usize {
    let tail = text.get(pos..).unwrap_or_default();
    let mut prev = ' ';
    for (n, (i, c)) in tail.char_indices().enumerate() {
        if n >= 2000 || c == '\n' || (c == ' ' && matches!(prev, '.' | '?' | '!')) {
            return pos + i;
        }
        prev = c;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_introduced_in_any_role() {
        let t = "Stein spokeswoman Melezia Figueroa said she left. Figueroa said";
        assert!(introduced_in(t, "Figueroa", t.len()));
        let t = "We have been here before: Osama bin Laden declared war. Laden";
        assert!(introduced_in(t, "Laden", t.len()));
        let t = "Retired Gen. Norman Ham spoke. Ham";
        assert!(introduced_in(t, "Ham", t.len()));
        let t = "We have been here before: Osama bin Laden";
        assert!(introduced_in(t, "Laden", t.len()));
        let t = "Melanie Jones was there. Melanie";
        assert!(introduced_in(t, "Melanie", t.len()));
    }

    #[test]
    fn a_surname_after_a_sentence_opener_is_no_introduction() {
        let t = "When Clinton spoke, the room fell silent. Clinton";
        assert!(!introduced_in(t, "Clinton", t.len()));
        let t = "Railing Against Trump, Sanders Votes. Sanders";
        assert!(!introduced_in(t, "Sanders", 28));
    }

    #[test]
    fn the_full_name_given_later_is_found() {
        let t = "Smith said no. Later, Mary Smith said yes.";
        assert_eq!(full_name_at(t, "Smith", 5).as_deref(), Some("Mary Smith"));
        assert_eq!(
            full_name_at("Smith said. Mr. Smith left.", "Smith", 5),
            None
        );
        assert_eq!(
            full_name_at("Bob said. In Benghazi. Bob left.", "Bob", 3),
            None
        );
        assert_eq!(full_name_at("Bob said. The Bob left.", "Bob", 3), None);
    }

    #[test]
    fn platforms_acronyms_and_openers_are_no_people() {
        assert!(!is_person_word("Twitter"));
        assert!(!is_person_word("CNS"));
        assert!(!is_person_word("However"));
        assert!(is_person_word("Figueroa"));
    }

    /// `sentence_start` as it was written on characters, the reference.
    fn sentence_start_by_chars(text: &str, pos: usize) -> usize {
        let mut pos = pos.min(text.len());
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        let head = &text[..pos];
        for (n, (i, c)) in head.char_indices().rev().enumerate() {
            if n >= 2000 {
                return i;
            }
            if c == '\n' {
                return i + 1;
            }
            if c == ' '
                && head[..i]
                    .trim_end_matches(['"', '”', '’', '\''])
                    .ends_with(['.', '?', '!'])
            {
                return i + 1;
            }
        }
        0
    }

    #[test]
    fn sentences_start_where_a_reading_of_the_characters_finds_them() {
        let long = "é".repeat(2500) + " a. b";
        let run = "He said. ".to_string() + &"x".repeat(2100) + " y";
        let spaced = "é. ".repeat(900);
        // (a stop whose closing marks run past the last 2,000 bytes; line breaks)
        let marks = "a.".to_string() + &"\"".repeat(2100) + " b c";
        let curly = "a.".to_string() + &"”".repeat(700) + " b c";
        for t in [
            marks.as_str(),
            curly.as_str(),
            "a. b\nc.” d\n\ne f",
            "\nx.’\" y",
            run.as_str(),
            spaced.as_str(),
            "He left. “No,” she said.",
            "He left.” No. She said “yes.’” ok ?” x!’ y",
            "a\nb. c d",
            "“Quoted.”’\" after",
            "é. ü? ’. ”",
            long.as_str(),
        ] {
            for pos in 0..=t.len() + 1 {
                assert_eq!(
                    sentence_start(t, pos),
                    sentence_start_by_chars(t, pos),
                    "{t:?} {pos}"
                );
            }
        }
    }

    #[test]
    fn sentences_start_after_a_full_stop() {
        let t = "He left. “No,” she said.";
        assert_eq!(sentence_start(t, 20), 9);
        assert_eq!(sentence_end(t, 0), 8);
        // Inside a character: from the one it is in.
        assert_eq!(sentence_start(t, 10), 9);
    }
}
