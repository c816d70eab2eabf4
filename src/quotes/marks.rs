//! The grammar of one quotation mark: which characters are marks (the alphabet, [`MARKS`]),
//! and what a mark may do where it stands — open, close, or neither (an apostrophe) —
//! judged by its neighbours.
//!
//! Candidates are found with `memchr` (the bytes that start `"`, `'`, `“ ” ‘ ’ „ ‚ ‹ ›` and
//! `« »`); the nom rules here run at the candidates only.

use crate::lexicon::{Class, lower};
use crate::model::Span;
use crate::segment::APOSTROPHES;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::character::complete::{anychar, one_of, satisfy};
use nom::combinator::{map_opt, peek, value, verify};
use nom::{IResult, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    pub start: usize,
    pub end: usize,
    pub family: Family,
    pub can_open: bool,
    pub can_close: bool,
    /// The mark only ever opens (“ « „ ‚ ‘ ‹) or only ever closes (” » ›); straight marks
    /// and ’ are decided by their neighbours.
    pub fixed: bool,
}

/// What a mark may do where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Role {
    can_open: bool,
    can_close: bool,
    fixed: bool,
}

/// A mark's neighbours: the characters just before and just after it, and the text after it.
#[derive(Debug, Clone, Copy)]
struct Neighbours<'t> {
    before: Option<char>,
    after: Option<char>,
    rest: &'t str,
}

/// Characters that stand for a space before an opening mark: `(“`, `—“`, `/“` (a list of
/// characters, compared one by one: a string's `contains` searches it as text).
const OPENING_NEIGHBOURS: [char; 7] = ['(', '[', '{', '—', '–', '-', '/'];
/// Characters that stand for a space after a closing mark: `”,`, `”)`, `”—`.
const CLOSING_NEIGHBOURS: [char; 13] = [
    ',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…',
];

impl Neighbours<'_> {
    fn at(text: &str, start: usize, end: usize) -> Neighbours<'_> {
        let rest = &text[end..];
        Neighbours {
            before: text[..start].chars().next_back(),
            after: rest.chars().next(),
            rest,
        }
    }

    /// White space (no-break space included), an opening bracket or a dash, or nothing.
    fn space_before(&self) -> bool {
        self.before
            .is_none_or(|p| p.is_whitespace() || OPENING_NEIGHBOURS.contains(&p))
    }

    fn space_after(&self) -> bool {
        self.after.is_none_or(char::is_whitespace)
    }

    /// White space, punctuation that ends a phrase, or nothing.
    fn punct_after(&self) -> bool {
        self.after
            .is_none_or(|n| n.is_whitespace() || CLOSING_NEIGHBOURS.contains(&n))
    }

    fn alnum_before(&self) -> bool {
        self.before.is_some_and(char::is_alphanumeric)
    }

    fn alnum_after(&self) -> bool {
        self.after.is_some_and(char::is_alphanumeric)
    }

    fn elision_after(&self) -> bool {
        elision(self.rest).is_ok()
    }
}

/// A rule saying what a mark may do by its neighbours; `None`: it is no mark here.
type MarkRule = fn(&Neighbours) -> Option<Role>;

/// The alphabet of quotation marks, each with its family and its rule.
const MARKS: &[(char, Family, MarkRule)] = &[
    ('„', Family::Double, low_opener),
    ('”', Family::Double, right_double),
    ('“', Family::Double, left_double),
    ('«', Family::Double, left_double),
    ('‹', Family::Double, left_double),
    ('»', Family::Double, right_guillemet),
    ('›', Family::Double, right_guillemet),
    ('"', Family::Double, straight_double),
    ('‚', Family::Single, low_opener),
    ('‘', Family::Single, left_single),
    ('’', Family::Single, right_single),
    ('\'', Family::Single, straight_single),
];

/// „ and ‚ only ever open: Er sagte „ja“ und ‚nein‘.
fn low_opener(_: &Neighbours) -> Option<Role> {
    Some(Role {
        can_open: true,
        can_close: false,
        fixed: true,
    })
}

/// ” only ever closes: “Yes,” he said.
fn right_double(_: &Neighbours) -> Option<Role> {
    Some(Role {
        can_open: false,
        can_close: true,
        fixed: true,
    })
}

/// “ « ‹ open, and close where a word runs into them before punctuation: Er sagte „ja“.
fn left_double(n: &Neighbours) -> Option<Role> {
    Some(Role {
        can_open: true,
        can_close: !n.space_before() && n.punct_after(),
        fixed: false,
    })
}

/// » › close, and open after a space before a word: Sie sagte »ja« dann.
fn right_guillemet(n: &Neighbours) -> Option<Role> {
    Some(Role {
        can_open: n.space_before() && !n.space_after(),
        can_close: true,
        fixed: false,
    })
}

/// " opens after a space, closes before punctuation; where neither is clear it may do
/// both: He said "straight".
fn straight_double(n: &Neighbours) -> Option<Role> {
    let open = n.space_before() || !n.punct_after() && !n.alnum_before();
    let close = n.punct_after() || !n.space_before() && !n.alnum_after();
    Some(Role {
        can_open: open || !close,
        can_close: close || !open,
        fixed: false,
    })
}

/// ‘ opens unless an elision follows (‘90s) or it sits between a word and punctuation;
/// it closes after a word before punctuation: She said ‘it is over’, and left.
fn left_single(n: &Neighbours) -> Option<Role> {
    Some(Role {
        can_open: !(n.elision_after() || n.alnum_before() && n.punct_after()),
        can_close: !n.space_before() && n.punct_after(),
        fixed: false,
    })
}

/// ’ closes after a word before punctuation; between letters, or anywhere else, it is an
/// apostrophe: “Don’t go,” he said of the Joneses’ dog.
fn right_single(n: &Neighbours) -> Option<Role> {
    apostrophe_or_mark(n, false)
}

/// ' opens after a space before a word that is no elision, and closes after a word before
/// punctuation; otherwise it is an apostrophe: She said 'it is over', and left.
fn straight_single(n: &Neighbours) -> Option<Role> {
    apostrophe_or_mark(n, true)
}

fn apostrophe_or_mark(n: &Neighbours, straight: bool) -> Option<Role> {
    if n.alnum_before() && n.alnum_after() {
        return None; // don't, O'Neill
    }
    let open = straight && n.space_before() && n.alnum_after() && !n.elision_after();
    let close = !n.space_before() && n.punct_after();
    (open || close).then_some(Role {
        can_open: open,
        can_close: close,
        fixed: false,
    })
}

/// The first bytes of the marks of [`MARKS`] in UTF-8, one flag a byte (`"`, `'`, and the
/// lead bytes of « » and of the curly marks): a character that starts with any other byte
/// is no mark, known without decoding it (a paragraph's first character, most often a
/// letter, is asked whether it opens a quotation).
const MARK_LEADS: [bool; 256] = {
    let mut leads = [false; 256];
    let mut k = 0;
    while k < MARKS.len() {
        let mut utf8 = [0u8; 4];
        let bytes = MARKS[k].0.encode_utf8(&mut utf8);
        leads[bytes.as_bytes()[0] as usize] = true;
        k += 1;
    }
    leads
};

/// One character of the alphabet, with its family and rule.
fn mark_char(i: &str) -> IResult<&str, (Family, MarkRule)> {
    map_opt(anychar, |c| {
        MARKS
            .iter()
            .find(|&&(m, _, _)| m == c)
            .map(|&(_, family, rule)| (family, rule))
    })
    .parse(i)
}

/// What the mark at byte `start` of `text` may do (`None`: no mark, or an apostrophe).
/// A character whose first byte no mark starts with is answered here, without a call
/// ([`MARK_LEADS`]).
#[inline]
pub(super) fn classify(text: &str, start: usize) -> Option<Mark> {
    if !MARK_LEADS[usize::from(*text.as_bytes().get(start)?)] {
        return None;
    }
    classify_mark(text, start)
}

/// [`classify`] of a character that may be a mark: its family and its rule's judgement.
fn classify_mark(text: &str, start: usize) -> Option<Mark> {
    let at = text.get(start..)?;
    let (rest, (family, rule)) = mark_char(at).ok()?;
    let end = text.len() - rest.len();
    let role = rule(&Neighbours::at(text, start, end))?;
    Some(Mark {
        start,
        end,
        family,
        can_open: role.can_open,
        can_close: role.can_close,
        fixed: role.fixed,
    })
}

/// Words that begin with an apostrophe: `'90s`, `'em`, `'n'`, `'til`, `'cause`.
fn elision(i: &str) -> IResult<&str, ()> {
    alt((
        value((), peek(satisfy(|c| c.is_ascii_digit()))),
        value((), (one_of("nN"), one_of(&APOSTROPHES[..]))),
        value((), elided_word),
    ))
    .parse(i)
}

/// A word of `quotes_elisions`: 'em, 'til, 'cause.
fn elided_word(i: &str) -> IResult<&str, &str> {
    verify(take_while(char::is_alphabetic), |w: &str| {
        Class::QuotesElisions.contains(&lower(w))
    })
    .parse(i)
}

/// Two apostrophes used as a double quotation mark: ''Like this,'' he said.
pub(super) fn classify_doubled(text: &str, start: usize) -> Option<Mark> {
    let (rest, _) = tag::<_, _, ()>("''").parse(text.get(start..)?).ok()?;
    let end = text.len() - rest.len();
    let n = Neighbours::at(text, start, end);
    Some(Mark {
        start,
        end,
        family: Family::Double,
        can_open: n.space_before() || !n.punct_after(),
        can_close: !n.space_before() || n.punct_after(),
        fixed: false,
    })
}

/// TeX and treebank opening marks: two grave accents open a double quotation, one a single
/// one (``Hello,'' he said; `Hi,' she said). Three or more are code, not marks.
pub(super) fn classify_grave(text: &str, start: usize) -> Option<Mark> {
    let at = text.get(start..)?;
    let run = at.len() - at.trim_start_matches('`').len();
    let n = Neighbours::at(text, start, start + run);
    let opens = n.space_before() && n.after.is_some_and(|c| !c.is_whitespace());
    let family = match run {
        1 => Family::Single,
        2 => Family::Double,
        _ => return None,
    };
    opens.then_some(Mark {
        start,
        end: start + run,
        family,
        can_open: true,
        can_close: false,
        fixed: true,
    })
}

/// The last bytes of the marks of [`MARKS`] of two bytes in UTF-8 (« »), and of those of
/// three (the curly marks, ‹ ›), one flag a byte: the marks of two bytes open with 0xC2,
/// those of three with 0xE2 0x80 (checked by a test).
const MARK_ENDS: ([bool; 256], [bool; 256]) = {
    let (mut two, mut three) = ([false; 256], [false; 256]);
    let mut k = 0;
    while k < MARKS.len() {
        let mut utf8 = [0u8; 4];
        let n = MARKS[k].0.encode_utf8(&mut utf8).len();
        match n {
            2 => two[utf8[1] as usize] = true,
            3 => three[utf8[2] as usize] = true,
            _ => {}
        }
        k += 1;
    }
    (two, three)
};

/// Whether the character at byte `pos` of `b` (a candidate `"`, or a character whose first
/// byte is 0xE2 or 0xC2) is surely no mark here, told from its bytes without decoding it:
/// a character of two or three bytes that is none of [`MARKS`] (a dash, a no-break space),
/// or ’ between two ASCII letters or digits, an apostrophe ("Trump’s": [`right_single`]).
/// (`false` says nothing: [`classify`] decides.)
#[inline]
fn surely_no_mark(b: &[u8], pos: usize) -> bool {
    let (two, three) = &MARK_ENDS;
    match b[pos] {
        0xC2 => !b.get(pos + 1).is_some_and(|&c| two[usize::from(c)]),
        0xE2 => match (b.get(pos + 1), b.get(pos + 2)) {
            (Some(&0x80), Some(&0x99)) => between_word_bytes(b, pos, 3),
            (Some(&0x80), Some(&c)) => !three[usize::from(c)],
            _ => true,
        },
        _ => false,
    }
}

/// Whether the `len` bytes at `pos` of `b` stand between two ASCII letters or digits: an
/// apostrophe there (' or ’) is none of the marks ([`apostrophe_or_mark`]: "don't").
#[inline]
fn between_word_bytes(b: &[u8], pos: usize, len: usize) -> bool {
    pos > 0
        && b[pos - 1].is_ascii_alphanumeric()
        && b.get(pos + len).is_some_and(u8::is_ascii_alphanumeric)
}

/// The marks inside `span`, in text order; `doubled`: two apostrophes are a double mark.
pub(super) fn candidates(text: &str, span: Span, doubled: bool) -> Vec<Mark> {
    let bytes = &text.as_bytes()[span.start..span.end];
    let mut out = Vec::new();
    let b = text.as_bytes();
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
        let pos = span.start + i;
        if text.is_char_boundary(pos)
            && !surely_no_mark(b, pos)
            && let Some(m) = classify(text, pos)
        {
            out.push(m);
        }
    }
    // (apostrophes and grave accents in one pass: the marks are sorted by offset after)
    for i in memchr::memchr2_iter(b'\'', b'`', bytes) {
        let pos = span.start + i;
        if b[pos] == b'`' {
            if pos == 0 || b[pos - 1] != b'`' {
                out.extend(classify_grave(text, pos));
            }
            continue;
        }
        let next_is = b.get(pos + 1) == Some(&b'\'');
        let prev_is = pos > 0 && b[pos - 1] == b'\'';
        if next_is || prev_is {
            // '' is the double mark of some archives (''Like this,'' he said).
            if doubled && next_is && !prev_is {
                out.extend(classify_doubled(text, pos));
            }
            continue;
        }
        if !between_word_bytes(b, pos, 1)
            && let Some(m) = classify(text, pos)
        {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (can open, can close) of the first mark in `text` after `at`, or None.
    fn role(text: &str, at: &str) -> Option<(bool, bool)> {
        let start = text.find(at).unwrap();
        classify(text, start).map(|m| (m.can_open, m.can_close))
    }

    #[test]
    fn a_mark_starts_with_a_lead_byte_and_nothing_else_does() {
        for &(m, _, _) in MARKS {
            let mut utf8 = [0u8; 4];
            assert!(MARK_LEADS[usize::from(m.encode_utf8(&mut utf8).as_bytes()[0])]);
        }
        assert_eq!(MARK_LEADS.iter().filter(|&&l| l).count(), 4);
        assert!(classify("Yes, he said", 0).is_none());
    }

    #[test]
    fn what_the_bytes_say_is_no_mark_classify_finds_none_of() {
        // (the marks of two bytes open with 0xC2, those of three with 0xE2 0x80)
        for &(m, _, _) in MARKS {
            let mut utf8 = [0u8; 4];
            match m.encode_utf8(&mut utf8).as_bytes() {
                [_] => {}
                [0xC2, _] | [0xE2, 0x80, _] => {}
                other => panic!("{m}: {other:?}"),
            }
        }
        let mut gated = 0;
        for text in [
            "Don’t go,” he said of the Joneses’ dog — and ‘90s “rock ’n’ roll” 2’3",
            "She said 'it is over', and left; don't, O'Neill's '90s x'y 'A' b'",
            "a\u{a0}b «oui» ‹non› „ja“ ‚nein‘ … – ’’ ‘’ a’ ’a a’b",
            "’x x’ 9’9 é’e e’é ’ \u{2018}\u{2019}\u{201a}\u{2039}\u{203a}\u{2030}\u{00ab}",
        ] {
            let b = text.as_bytes();
            for (pos, c) in text.char_indices() {
                let gate = match c {
                    '\'' => between_word_bytes(b, pos, 1),
                    _ if matches!(b[pos], b'"' | 0xE2 | 0xC2) => surely_no_mark(b, pos),
                    _ => false,
                };
                if gate {
                    gated += 1;
                    assert!(classify(text, pos).is_none(), "{text:?} at {pos}");
                }
            }
        }
        assert!(gated >= 12, "{gated}");
    }

    #[test]
    fn a_no_break_space_is_white_space() {
        // (so the neighbour sets need not name it)
        assert!('\u{a0}'.is_whitespace());
    }

    #[test]
    fn low_marks_only_open() {
        assert_eq!(role("Er sagte „ja“", "„"), Some((true, false)));
        assert_eq!(role("und ‚nein‘.", "‚"), Some((true, false)));
    }

    #[test]
    fn right_double_only_closes() {
        assert_eq!(role("“Yes,” he said.", "”"), Some((false, true)));
    }

    #[test]
    fn left_double_closes_after_a_word() {
        assert_eq!(role("Er sagte „ja“ und", "“"), Some((true, true)));
        assert_eq!(role("He said “curly” and", "“"), Some((true, false)));
    }

    #[test]
    fn right_guillemet_opens_before_a_word() {
        assert_eq!(role("Sie sagte »ja« dann.", "»"), Some((true, true)));
        assert_eq!(role("« oui » et", "»"), Some((false, true)));
    }

    #[test]
    fn straight_double_by_neighbours() {
        assert_eq!(role("said \"straight\".", "\"s"), Some((true, false)));
        assert_eq!(role("said \"straight\".", "\"."), Some((false, true)));
    }

    #[test]
    fn left_single_is_no_opener_before_an_elision() {
        assert_eq!(role("She said ‘it is over’", "‘"), Some((true, false)));
        assert_eq!(role("the ‘90s", "‘"), Some((false, false)));
    }

    #[test]
    fn apostrophes_are_no_marks() {
        assert_eq!(role("Don't stop", "'"), None);
        assert_eq!(role("Don’t stop", "’"), None);
        assert_eq!(role("told ’em.", "’"), None);
        assert_eq!(role("the '90s", "'"), None);
        assert_eq!(role("rock 'n' roll", "'"), None);
        assert_eq!(
            role("She said 'it is over', and", "'i"),
            Some((true, false))
        );
        // (after a word before a space it may close: the pairing decides)
        assert_eq!(role("the Joneses’ dog", "’"), Some((false, true)));
    }

    #[test]
    fn elisions() {
        for e in ["90s", "em", "Til", "cause", "n' roll", "n’ roll"] {
            assert!(elision(e).is_ok(), "{e}");
        }
        for e in ["it", "n roll", "emu"] {
            assert!(elision(e).is_err(), "{e}");
        }
    }

    #[test]
    fn grave_accents_open() {
        let text = "He said ``Hello,'' and `Hi,' and ```code```.";
        let double = classify_grave(text, 8).unwrap();
        assert!(double.family == Family::Double && double.can_open && !double.can_close);
        let single = classify_grave(text, 23).unwrap();
        assert!(single.family == Family::Single && single.end == 24);
        assert!(classify_grave(text, 33).is_none());
    }

    #[test]
    fn doubled_apostrophes() {
        let text = "''Like this,'' he said.";
        let open = classify_doubled(text, 0).unwrap();
        assert!(open.can_open && !open.can_close);
        let close = classify_doubled(text, 12).unwrap();
        assert!(close.can_close && !close.can_open);
        assert!(classify_doubled("'x", 0).is_none());
    }
}
