//! The mention grammar: the noun phrase a cue attributes a statement to.
//!
//! [`for_cue`] picks, per kind of cue, where the mention stands; [`left`] reads it leftwards
//! from the cue ("Taliban spokesman Suhail Shaheen announced"), [`right`] rightwards ("said
//! Mr. Smith, a spokesman"), [`subject`] at the sentence's start; [`build`] reads a mention's
//! tokens into its name, role and kind. Each reads its rules from an ordered table (the order
//! is the precedence); the token patterns are nom parsers over [`crate::grammar::Toks`] in
//! [`rules`].

mod build;
mod cue;
mod left;
mod names;
mod peel;
mod quantity;
mod right;
mod rules;
mod subject;
mod verb;

pub(crate) use build::*;
pub(crate) use cue::*;
pub(crate) use left::*;
pub(crate) use names::*;
pub(crate) use quantity::*;
pub(crate) use right::*;
pub(crate) use subject::*;

use crate::cues::{is_modifier, modifier_suffix};
use crate::lexicon::{Class, Gender, LEXICON};
use crate::model::{EntityKind, Span};
use crate::segment::{Tok, Token, is_capitalized};
use std::borrow::Cow;

/// A speaker mention as the grammar read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention<'t> {
    pub start: usize,
    pub end: usize,
    /// The name inside the mention, without titles ("Suhail Shaheen"), or the pronoun: the
    /// text's own words where it writes them in one piece (most names), a new string only
    /// for a name joined over a line break.
    pub name: Cow<'t, str>,
    /// The role the mention gives ("spokesman"), the text's words as the name's are.
    pub role: Option<Cow<'t, str>>,
    pub kind: EntityKind,
    pub gender: Gender,
    /// A pronoun ("he", "they", "who"): resolved later.
    pub pronoun: bool,
}

/// Capitalised words that begin a sentence without being part of a name.
pub(crate) fn is_starter(word: &str) -> bool {
    LEXICON.starters.contains(word)
}

/// [`is_starter`] of a token, read from a word's classes.
#[inline]
pub(crate) fn starter(text: &str, t: &Token) -> bool {
    capitalised_class(text, t, Class::Starters)
}

/// [`written`] for a class whose every word has a capital (`starters`, `speaker_day_words`):
/// a word's lower case is in no such class, so its bit for the class is its written form's,
/// with no look-up of the text.
#[inline]
fn capitalised_class(text: &str, t: &Token, c: Class) -> bool {
    if t.kind == Tok::Word {
        t.is(c)
    } else {
        c.contains(t.text(text))
    }
}

/// Whether the token's text, exactly as written, is in class `c` (`Class::contains`): a
/// word's is read from its classes, punctuation's and a quotation's from the class.
#[inline]
pub(crate) fn written(text: &str, t: &Token, c: Class) -> bool {
    if t.kind == Tok::Word {
        t.is_written(c, text)
    } else {
        c.contains(t.text(text))
    }
}

/// Whether the token's text in lower case is in class `c` (`c.contains(&lower(w))`): a
/// word's is read from its classes (which hold its lower case's), unless the word has a
/// capital and the class capitalised words, which the written form may add.
#[inline]
pub(crate) fn lower_in(text: &str, t: &Token, c: Class) -> bool {
    // (a word's classes hold those of its lower case: without the bit, it is in no class
    // by either form, and nothing is lower-cased)
    if t.kind == Tok::Word && (t.is_lower() || c.lower_only() || !t.is(c)) {
        t.is(c)
    } else {
        c.contains_lowered(t.text(text))
    }
}

/// [`crate::cues::aux_or_negated_token`], a capitalised word's read from its bits too: it
/// is an auxiliary only in its lower case (the class has no capitals, and a word in "-ly"
/// counts only in lower case), and negated only when it ends in "t" ("Didn't", "WON'T").
#[inline]
pub(crate) fn aux_or_negated(text: &str, t: &Token) -> bool {
    if t.kind == Tok::Word && t.is_capitalised() {
        let w = t.text(text);
        return t.is(Class::Auxiliaries)
            || (w.ends_with(['t', 'T']) && crate::cues::aux_or_negated(w));
    }
    crate::cues::aux_or_negated_token(text, t)
}

/// [`crate::cues::is_dash`] of a token: a word's read from its bits, a quotation none (its
/// text is not looked up).
#[inline]
pub(crate) fn dash_token(text: &str, t: &Token) -> bool {
    !matches!(t.kind, Tok::Quote(_)) && written(text, t, Class::LinkDashes)
}

/// [`crate::cues::is_aside_dash`] of a token: a dash, or a hyphen standing alone.
#[inline]
pub(crate) fn aside_dash_token(text: &str, t: &Token) -> bool {
    dash_token(text, t) || t.is_text(text, "-")
}

/// A day that stands for a time ("Monday", "Today"), not a name.
pub(crate) fn is_time_word(word: &str) -> bool {
    is_starter(word)
        && word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() && word.len() > 2)
        && Class::SpeakerDayWords.contains(word)
}

/// [`is_time_word`] of a token, read from a word's classes.
#[inline]
pub(crate) fn time_word(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return is_time_word(t.text(text));
    }
    t.is_capitalised()
        && t.end - t.start > 2
        && capitalised_class(text, t, Class::Starters)
        && capitalised_class(text, t, Class::SpeakerDayWords)
}

/// Whether a token can stand inside a speaker mention.
pub(crate) fn np_token(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word || time_word(text, t) {
        return false;
    }
    if t.is_capitalised() {
        return true;
    }
    let lx = &*LEXICON;
    let w = t.text(text);
    // (a word with no capital at its start: lower case as written, unless it has a capital
    // further in, "iPhone")
    // (the spelling first, the look-ups after)
    // (a role or a document is looked up only for a word with its bit)
    let known = |lower: &str| {
        ((lower.ends_with("’s") || lower.ends_with("'s")) && lower.len() > 3)
            || lower.starts_with(|c: char| c.is_ascii_digit())
            || (t.is(Class::SpeakerRoles) && lx.roles.contains_key(lower))
            || (t.is(Class::SpeakerDocuments) && lx.documents.contains(lower))
    };
    if t.is_lower() {
        // (`is_modifier`: the list is the class, whose bit is read; its endings are read only
        // for a word that ends in the last letter of one)
        // (without the bit the word is not in the list, and only its ending can make it one)
        t.is(Class::Modifiers) || known(w) || modifier_suffix(w)
    } else {
        crate::lexicon::with_lower(w, |lower| is_modifier(lower) || known(lower))
    }
}

/// A pronoun that can speak by itself: not a possessive ("his", "her", "their"), which
/// speaks only through a nominal cue.
pub(crate) fn pronoun<'t>(text: &'t str, t: &Token) -> Option<Mention<'t>> {
    if lower_in(text, t, Class::SpeakerPossessivePronouns) {
        return None;
    }
    any_pronoun(text, t)
}

/// The longest pronoun of the lexicon, in bytes: a longer word is none.
const LONGEST_PRONOUN: usize = 8;

/// The classes that hold every pronoun of the lexicon (`lexicon::PRONOUN_CLASSES`).
pub(super) use crate::lexicon::PRONOUN_CLASSES as PRONOUNS;

/// A pronoun, possessives ("his", "her", "their") included.
pub(crate) fn any_pronoun<'t>(text: &'t str, t: &Token) -> Option<Mention<'t>> {
    if t.kind != Tok::Word || t.end - t.start > LONGEST_PRONOUN || !t.classes.intersects(PRONOUNS) {
        return None;
    }
    let w = t.text(text);
    let gender = crate::lexicon::with_lower(w, |l| LEXICON.pronouns.get(l).copied())?;
    let kind = match gender {
        Gender::Neuter => EntityKind::Organization,
        _ => EntityKind::Person,
    };
    Some(Mention {
        start: t.start,
        end: t.end,
        name: Cow::Borrowed(w),
        role: None,
        kind,
        gender,
        pronoun: true,
    })
}

/// A group named by a phrase, not by a name ("state corporate records", "About three in 10").
pub(crate) fn phrase<'t>(text: &'t str, toks: &[Token], kind: EntityKind) -> Mention<'t> {
    let (start, stop) = (toks[0].start, toks[toks.len() - 1].end);
    Mention {
        start,
        end: stop,
        name: Cow::Borrowed(&text[start..stop]),
        role: None,
        kind,
        gender: Gender::Plural,
        pronoun: false,
    }
}

/// "one", "another", "both", "several": a determiner that stands for the people it counts
/// ("said another", "Yet another said") — not an article, not a possessive.
pub(crate) fn lone_determiner(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word
        && det_token(text, t)
        && !lower_in(text, t, Class::SpeakerArticles)
        && !lower_in(text, t, Class::SpeakerPossessivePronouns)
        && !t.text(text).ends_with('s')
}

/// [`lone_determiner`]'s mention: someone unnamed.
pub(crate) fn lone<'t>(text: &'t str, t: &Token) -> Mention<'t> {
    Mention {
        gender: Gender::Unknown,
        ..phrase(text, std::slice::from_ref(t), EntityKind::Anonymous)
    }
}

/// The text from the first token's start to the last token's end: the text's own slice,
/// or a new string where a line break inside it is read as one space.
pub(crate) fn words_text<'t>(text: &'t str, toks: &[Token]) -> Cow<'t, str> {
    match (toks.first(), toks.last()) {
        // (a name broken over two lines of hard-wrapped text is one name)
        (Some(a), Some(b)) if broken_over_lines(text, toks) => Cow::Owned(
            text[a.start..b.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (Some(a), Some(b)) => Cow::Borrowed(&text[a.start..b.end]),
        _ => Cow::Borrowed(""),
    }
}

/// Whether the text from the first token's start to the last token's end holds a line
/// break: one between two tokens (a word or a mark holds none, a quotation may), read in
/// the gaps, mostly one space, not over the words.
fn broken_over_lines(text: &str, toks: &[Token]) -> bool {
    let bytes = text.as_bytes();
    toks.iter()
        .any(|t| matches!(t.kind, Tok::Quote(_)) && text[t.start..t.end].contains('\n'))
        || toks
            .windows(2)
            .any(|w| bytes[w[0].end..w[1].start.max(w[0].end)].contains(&b'\n'))
}

/// Whether the word in lower case is a role noun of the lexicon ("spokesman", "Senator").
/// (Only a word with the bit of the class that copies the list is looked up.)
#[inline]
pub(crate) fn is_role(text: &str, t: &Token) -> bool {
    t.is(Class::SpeakerRoles)
        && crate::lexicon::with_lower(t.text(text), |l| LEXICON.roles.contains_key(l))
}

/// Whether the word, as written, is a title of the lexicon ("Sen."): its gender (only a
/// word with the bit of [`Class::SpeakerTitles`], which copies the list, is looked up).
#[inline]
pub(crate) fn title_of(text: &str, t: &Token) -> Option<Gender> {
    if !t.is(Class::SpeakerTitles) {
        return None;
    }
    LEXICON.titles.get(t.text(text)).copied()
}

/// Whether the word, as written, is a given name of the lexicon ("Hillary"): its gender
/// (only a word with the bit of [`Class::SpeakerFirstNames`] is looked up).
#[inline]
pub(crate) fn first_name_of(text: &str, t: &Token) -> Option<Gender> {
    if !t.is(Class::SpeakerFirstNames) {
        return None;
    }
    LEXICON.first_names.get(t.text(text)).copied()
}

/// Whether the word, as written, is an organisation's head word of the lexicon
/// ("Department"; only a word with the bit of [`Class::SpeakerOrganizations`] is looked up).
#[inline]
pub(crate) fn organization_word(text: &str, t: &Token) -> bool {
    t.is(Class::SpeakerOrganizations) && LEXICON.organizations.contains(t.text(text))
}

/// Whether the word in lower case is a document noun of the lexicon ("report"; only a word
/// with the bit of [`Class::SpeakerDocuments`] is looked up).
#[inline]
pub(crate) fn document_word(text: &str, t: &Token) -> bool {
    t.is(Class::SpeakerDocuments)
        && crate::lexicon::with_lower(t.text(text), |l| LEXICON.documents.contains(l))
}

/// A lower-case head that names an organisation: an organisation head word of the lexicon
/// written in lower case ("the department"), or a common noun for a body.
pub(crate) fn org_noun(lower: &str) -> bool {
    // (an ASCII word is capitalised on the stack, not in a new string)
    let mut buf = [0u8; 32];
    let bytes = lower.as_bytes();
    let head = if bytes.first().is_some_and(u8::is_ascii)
        && let Some(cap) = buf.get_mut(..bytes.len())
    {
        cap.copy_from_slice(bytes);
        cap[0] = cap[0].to_ascii_uppercase();
        LEXICON
            .organizations
            .contains(std::str::from_utf8(cap).unwrap_or_default())
    } else {
        let mut cap = String::with_capacity(lower.len());
        let mut chars = lower.chars();
        if let Some(f) = chars.next() {
            cap.extend(f.to_uppercase());
            cap.push_str(chars.as_str());
        }
        LEXICON.organizations.contains(cap.as_str())
    };
    head || Class::SpeakerOrgNouns.contains(lower)
}

/// A determiner, in lower case: a possessive determines too ("Powell’s office said").
pub(crate) fn is_det(lower: &str) -> bool {
    (lower.len() > 3 && (lower.ends_with("’s") || lower.ends_with("'s")))
        || LEXICON.determiners.contains(lower)
}

/// [`is_det`] of a token: a lower-case word's is read from its classes and its text, with
/// no lower-casing.
pub(crate) fn det_token(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    // (an ASCII word's lower case has its length, and its possessive "'s" in either case;
    // the determiners are a class of lower-case words, which its bits hold)
    if t.kind != Tok::Word || !(t.is_lower() || w.is_ascii()) {
        return crate::lexicon::with_lower(w, is_det);
    }
    let possessive = w.ends_with("’s") || w.ends_with("'s") || w.ends_with("'S");
    (w.len() > 3 && possessive) || t.is(Class::Determiners)
}

/// The tokens without the determiners that open them ("the spokesman" → "spokesman").
pub(crate) fn strip_det<'a>(text: &str, toks: &'a [Token]) -> &'a [Token] {
    let mut t = toks;
    while let Some(f) = t.first() {
        if lower_in(text, f, Class::SpeakerStrippedDeterminers) {
            t = &t[1..];
        } else {
            break;
        }
    }
    t
}

/// Gender compatibility between a pronoun and a candidate.
pub(crate) fn compatible(pronoun: Gender, candidate: Gender) -> bool {
    match pronoun {
        Gender::Male | Gender::Female => candidate == pronoun || candidate == Gender::Unknown,
        _ => true,
    }
}

/// The canonical key of a name for matching mentions: its last word, lower case.
pub(crate) fn surname(name: &str) -> String {
    // (an ASCII word lower-cased byte by byte)
    let last = surname_word(name);
    if last.is_ascii() {
        last.to_ascii_lowercase()
    } else {
        last.to_lowercase()
    }
}

/// `f` of the name's [`surname`]: a short ASCII one lower-cased on the stack, with no new
/// string (resolution looks a surname up far more often than it keeps one).
pub(crate) fn with_surname<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    crate::lexicon::with_lower(surname_word(name), f)
}

/// The name's last word without its possessives, as written.
fn surname_word(name: &str) -> &str {
    // (the last word found from the end, not by splitting the whole name; its possessives
    // cut by `strip_suffix`, which builds no searcher)
    let mut last = last_word(name);
    while let Some(s) = last.strip_suffix("’s") {
        last = s;
    }
    while let Some(s) = last.strip_suffix("'s") {
        last = s;
    }
    last
}

/// ASCII's whitespace as `char::is_whitespace` reads it (with the vertical tab).
fn ascii_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The first whitespace-separated word of `s` (`split_whitespace`'s first) and the text
/// after it: read byte by byte while the bytes are ASCII, by characters after any other.
pub(crate) fn first_word(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !ascii_space(c))?;
    let stop = b[start..]
        .iter()
        .position(|&c| c >= 0x80 || ascii_space(&c));
    match stop.map(|n| start + n) {
        None => Some((&s[start..], "")),
        Some(end) if b[end] < 0x80 => Some((&s[start..end], &s[end..])),
        // (a character that is no ASCII one may be a space: "Jane\u{a0}Smith")
        Some(_) => {
            let t = s.trim_start();
            let end = t.find(char::is_whitespace).unwrap_or(t.len());
            (!t.is_empty()).then(|| (&t[..end], &t[end..]))
        }
    }
}

/// The last whitespace-separated word of `name`: found byte by byte from its end, in one
/// pass over the last word and the spaces around it (ASCII's whitespace is
/// `char::is_whitespace`'s there), by characters when a byte there is no ASCII one (a
/// space or a letter of another script).
pub(crate) fn last_word(name: &str) -> &str {
    let b = name.as_bytes();
    let mut end = b.len();
    while end > 0 && b[end - 1].is_ascii() && ascii_space(&b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    loop {
        // (a letter, a digit or a mark of ASCII, above the space and below 0x80, in one
        // test a byte: most of a name's last word)
        while start > 0 && (b'!'..0x80).contains(&b[start - 1]) {
            start -= 1;
        }
        match b.get(start.wrapping_sub(1)) {
            // (a control character of ASCII that is no space belongs to the word)
            Some(&c) if c.is_ascii() && !ascii_space(&c) => start -= 1,
            Some(&c) if !c.is_ascii() => {
                return name
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or_default();
            }
            _ => return &name[start..end],
        }
    }
}

/// The span of a mention.
pub(crate) fn span(m: &Mention) -> Span {
    Span {
        start: m.start,
        end: m.end,
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::toks;
    use super::*;

    /// Words of every case and kind, and punctuation, for the token helpers' checks.
    const WORDS: &str = "The the THE Said said Monday Today today His his HER their Its MONDAY But \
                         Also also Didn't DIDN'T didn’t Won’t Never Repeatedly repeatedly \
                         Smith's smith's TRUMP'S spokesman Spokesman regional U.S. u.s. \
                         officials 2016 , . — - -- – ― : ( ) and And AND Ärzte ärzte It’s \
                         familiar Close in In IN who Who according";

    #[test]
    fn words_text_joins_a_name_broken_over_lines() {
        // (the break is read in the gaps between tokens)
        let text = "Jane\n  Smith said , Bob Jones said";
        let t = toks(text);
        assert_eq!(words_text(text, &t[..2]), "Jane Smith");
        assert!(broken_over_lines(text, &t[..2]));
        assert_eq!(words_text(text, &t[4..6]), "Bob Jones");
        assert!(!broken_over_lines(text, &t[4..6]));
        assert_eq!(words_text(text, &[]), "");
        // (a name in one piece is the text's own slice; only a joined one is a new string)
        assert!(matches!(words_text(text, &t[..2]), Cow::Owned(_)));
        let one = words_text(text, &t[4..6]);
        assert!(matches!(one, Cow::Borrowed(_)));
        assert_eq!(one.as_ptr(), text[t[4].start..].as_ptr());
    }

    #[test]
    fn the_token_helpers_answer_as_the_text_does() {
        assert!(Class::Auxiliaries.lower_only());
        let t = toks(WORDS);
        for c in [
            Class::Starters,
            Class::SpeakerDayWords,
            Class::SpeakerPossessivePronouns,
            Class::SpeakerStrippedDeterminers,
            Class::SpeakerInvertedEnds,
            Class::SpeakerDashes,
            Class::SpeakerJoiningWords,
            Class::RelationAdjectives,
            Class::SpeakerSourceQualifiers,
            Class::AdverbialOpeners,
            Class::Quantities,
        ] {
            for x in &t {
                let w = x.text(WORDS);
                assert_eq!(written(WORDS, x, c), c.contains(w), "{w} {c:?}");
                let l = crate::lexicon::lower(w);
                assert_eq!(lower_in(WORDS, x, c), c.contains(&l), "{w} {c:?} (lower)");
            }
        }
        for x in &t {
            let w = x.text(WORDS);
            assert_eq!(starter(WORDS, x), is_starter(w), "{w}");
            assert_eq!(time_word(WORDS, x), is_time_word(w), "{w}");
            assert_eq!(det_token(WORDS, x), is_det(&w.to_lowercase()), "{w}");
            let negated = crate::cues::aux_or_negated(w);
            assert_eq!(aux_or_negated(WORDS, x), negated, "{w}");
            assert_eq!(dash_token(WORDS, x), crate::cues::is_dash(w), "{w}");
            assert_eq!(
                aside_dash_token(WORDS, x),
                crate::cues::is_aside_dash(w),
                "{w}"
            );
        }
        assert!(time_word(WORDS, &t[5]) && !time_word(WORDS, &t[7]));
        // (the classes read by their bits alone have a capital in every word)
        for c in [Class::Starters, Class::SpeakerDayWords] {
            assert!(
                c.words().all(|w| w.chars().any(char::is_uppercase)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_word_outside_the_modifiers_is_one_by_its_ending_alone() {
        let text = "regional senior former official said presidential Chinese Smith";
        for t in &toks(text) {
            let w = t.text(text);
            if t.is_lower() && !t.is(Class::Modifiers) {
                assert_eq!(modifier_suffix(w), is_modifier(w), "{w}");
            }
        }
        assert!(modifier_suffix("regional") && !modifier_suffix("spokesman"));
        // (every ending, found by its last byte; not in a word of four bytes)
        for e in Class::FindModifierSuffixes.words() {
            assert!(modifier_suffix(&format!("abcde{e}")), "{e}");
            assert!(!modifier_suffix(&format!("{e}xyz")), "{e}");
        }
        assert!(!modifier_suffix("oral"));
        // (every word of the list has the class's bit)
        for w in LEXICON.modifiers.iter() {
            let c = crate::lexicon::classes_as_written(w);
            assert!(c.has(Class::Modifiers), "{w}");
        }
    }

    #[test]
    fn the_last_word_of_a_name_is_read_back_from_its_end() {
        for name in [
            "Hillary Clinton",
            "Clinton",
            " Jo  Palmieri \t",
            "",
            "  ",
            "Zoë Ames",
            "Ana Núñez",
            "Ana\u{a0}Ames",
            "Ames\u{a0}",
            "Jo\u{b}Ames",
            "Jo \u{1}Ames\u{7f}",
            "Jo\u{1f}Ames  ",
        ] {
            let expected = name.split_whitespace().last().unwrap_or_default();
            assert_eq!(last_word(name), expected, "{name:?}");
        }
    }

    #[test]
    fn a_surname_is_the_last_word_in_lower_case() {
        for name in [
            "Jane Smith",
            "  Mike  PENCE’s ",
            "O'Neill's",
            "Ödön von HORVÁTH",
            "",
            " \u{a0}",
            "Anna\u{a0}Łukasiewicz",
            "the Smiths’s’s",
            "Jane\tSmith\r\n",
            "Jane\u{b}Smith\u{c}",
            "Smith",
            "  ",
            "Jo Abcdefghijklmnopqrstuvwxyzabcdefghij'S",
            "ǅemal Ǆokić",
            "Jo\u{2003}Ann Smith",
            "\u{a0}Ann Smith",
            "José Smith",
            "Ann Smith\u{a0}",
            "Ann\u{2003}",
        ] {
            let plain = name
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_lowercase();
            assert_eq!(surname(name), plain, "{name:?}");
            assert_eq!(with_surname(name, str::to_string), plain, "{name:?}");
            let first = name.split_whitespace().next();
            assert_eq!(first_word(name).map(|(w, _)| w), first, "{name:?}");
            let second = name.split_whitespace().nth(1);
            let rest = first_word(name).and_then(|(_, r)| r.split_whitespace().next());
            assert_eq!(rest, second, "{name:?}");
        }
        assert_eq!(surname("Mike PENCE’s"), "pence");
    }

    #[test]
    fn the_classes_that_gate_the_lists_copy_them() {
        // (each class holds exactly its list's one-word entries: a word without the bit is
        // in no list, and the gates of `title_of`, `is_role` … are exact)
        let lx = &*LEXICON;
        let same = |c: Class, list: Vec<&str>| {
            let mut class: Vec<&str> = c.words().collect();
            let mut list: Vec<&str> = list.into_iter().filter(|w| !w.contains(' ')).collect();
            class.sort_unstable();
            class.dedup();
            list.sort_unstable();
            list.dedup();
            assert_eq!(class, list, "{c:?}");
        };
        same(
            Class::SpeakerTitles,
            lx.titles.iter().map(|(w, _)| *w).collect(),
        );
        same(
            Class::SpeakerRoles,
            lx.roles.iter().map(|(w, _)| *w).collect(),
        );
        same(
            Class::SpeakerDocuments,
            lx.documents.iter().copied().collect(),
        );
        same(
            Class::SpeakerOrganizations,
            lx.organizations.iter().copied().collect(),
        );
        same(
            Class::SpeakerFirstNames,
            lx.first_names.iter().map(|(w, _)| *w).collect(),
        );
        // (a role and a document are read in lower case: their classes hold none with a capital)
        assert!(Class::SpeakerRoles.lower_only() && Class::SpeakerDocuments.lower_only());
        let text =
            "Sen. Hillary Clinton of the State Department read the Report , said the SPOKESMAN";
        let t = toks(text);
        assert!(title_of(text, &t[0]).is_some());
        assert_eq!(first_name_of(text, &t[1]), Some(Gender::Female));
        assert!(first_name_of(text, &t[2]).is_none() && title_of(text, &t[1]).is_none());
        assert!(organization_word(text, &t[6]) && !organization_word(text, &t[5]));
        assert!(document_word(text, &t[9]) && !document_word(text, &t[8]));
        assert!(is_role(text, &t[13]) && !is_role(text, &t[12]));
    }

    #[test]
    fn no_pronoun_is_longer_than_the_longest() {
        let longest = LEXICON.pronouns.iter().map(|(w, _)| w.len()).max();
        assert!(longest.is_some_and(|n| n <= LONGEST_PRONOUN));
        let text = "He said THEY and Themselves";
        let t = toks(text);
        assert!(any_pronoun(text, &t[0]).is_some() && any_pronoun(text, &t[2]).is_some());
        assert!(any_pronoun(text, &t[4]).is_none());
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Reading a sentence for a mention rule's unit test.
    use super::*;

    pub(crate) use crate::grammar::test_support::toks;

    /// The mention [`left`] reads before the first token `cue_word`.
    #[track_caller]
    pub(crate) fn left_of<'t>(text: &'t str, cue_word: &str) -> Option<Mention<'t>> {
        let t = toks(text);
        let cue = t.iter().position(|x| x.text(text) == cue_word).unwrap();
        left(text, &t, 0, cue)
    }
}
