//! The discourse layer: what each paragraph of the article is (headline, byline, dateline,
//! caption, "Related:" link, transcript turn, list entry, body), and the speaker that runs
//! on from one paragraph to the next.
//!
//! [`para_kinds`] tries the rules of [`PARA_RULES`] in order on each paragraph (character
//! rules in nom on `&str`; only those its first and last bytes leave, [`may_name`]); the
//! first that matches names it, and a paragraph no rule names is body. Only body paragraphs, transcript turns and list entries are discourse: a name
//! in a caption or a byline is no antecedent, and a caption is no speaker's paragraph.
//!
//! [`Thread`] then follows the article in order. After a paragraph in which a speaker was
//! quoted or paraphrased, and nobody else was introduced after it, that speaker is the
//! current one; a paragraph that is only a quotation and names nobody continues them
//! (`"attribution": "continued"`).

use crate::lexicon::Class;
use crate::model::Span;
use nom::Parser;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{opt, recognize};
use nom::multi::many1_count;
use nom::sequence::preceded;

/// What a paragraph of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParaKind {
    Headline,
    Byline,
    Dateline,
    Caption,
    Related,
    Transcript,
    ListEntry,
    Body,
}

impl ParaKind {
    /// Whether the paragraph is part of the article's discourse: its names are antecedents
    /// and its speakers run on.
    pub(crate) fn is_discourse(self) -> bool {
        matches!(
            self,
            ParaKind::Body | ParaKind::Transcript | ParaKind::ListEntry
        )
    }
}

/// What a paragraph rule sees: the paragraph's text, its index, and how many there are.
pub(crate) struct ParaAt<'a> {
    pub text: &'a str,
    pub index: usize,
    pub count: usize,
}

type NomStr<'a> = nom::IResult<&'a str, &'a str, ()>;

/// A rule naming a paragraph's kind.
type ParaRule = (&'static str, ParaKind, fn(&ParaAt) -> bool);

/// The paragraph rules, in order: the first that matches names the paragraph.
pub(crate) const PARA_RULES: &[ParaRule] = &[
    ("related_link", ParaKind::Related, related_link),
    ("byline", ParaKind::Byline, byline),
    ("photo_caption", ParaKind::Caption, photo_caption),
    ("time_stamp", ParaKind::Dateline, time_stamp),
    ("transcript_turn", ParaKind::Transcript, |p| {
        transcript_speaker(p.text).is_some()
    }),
    ("list_entry", ParaKind::ListEntry, list_entry),
    ("headline", ParaKind::Headline, headline),
];

/// The kind of every paragraph of `text`: the first rule of [`PARA_RULES`] that names it,
/// among those its first and last bytes leave ([`may_name`]), else body.
pub(crate) fn para_kinds(text: &str, paras: &[Span]) -> Vec<ParaKind> {
    paras
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let at = ParaAt {
                text: trimmed(&text[p.start..p.end]),
                index,
                count: paras.len(),
            };
            let mask = may_name(&at);
            PARA_RULES
                .iter()
                .enumerate()
                .find(|&(i, (_, _, rule))| mask & 1 << i != 0 && rule(&at))
                .map_or(ParaKind::Body, |(_, &(_, kind, _))| kind)
        })
        .collect()
}

/// `s.trim()`: a paragraph that opens and ends with an ASCII letter, figure or mark (no
/// space, and no character another script may make a space) is itself, with no search.
fn trimmed(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The rules of [`PARA_RULES`] (a bit each, by place) that may name the paragraph: each
/// rule's own first test, read here from the paragraph's first two bytes and its last
/// (`FIRST_BYTE_RULES`), so that a body paragraph, which most are, calls none of the rules
/// its opening rules out.
fn may_name(at: &ParaAt) -> u8 {
    let b = at.text.as_bytes();
    let mut mask = b.first().map_or(0, |&f| FIRST_BYTE_RULES[usize::from(f)]);
    // (a closing bracket at the end, before full stops and spaces: a caption's credit)
    if b.iter().rev().find(|&&c| c != b'.' && c != b' ') == Some(&b')') {
        mask |= CAPTION;
    }
    // (an ASCII letter and a lower-case one open no name in capitals: `transcript_speaker`)
    if !matches!(b, [f, s, ..] if f.is_ascii_alphabetic() && s.is_ascii_lowercase()) {
        mask |= TRANSCRIPT;
    }
    if at.index == 0 {
        mask |= HEADLINE;
    }
    mask
}

/// The bit of the rule named `name` in [`PARA_RULES`] (by its place), found when the
/// program is compiled.
const fn rule_bit(name: &str) -> u8 {
    let mut i = 0;
    while i < PARA_RULES.len() {
        if same_name(PARA_RULES[i].0, name) {
            return 1 << i;
        }
        i += 1;
    }
    panic!("no such paragraph rule")
}

/// Whether two names of rules are the same, byte for byte (when the program is compiled:
/// the bit of a rule of a table is found by its name).
pub(super) const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The bit of [`related_link`] in a mask of [`may_name`].
const RELATED: u8 = rule_bit("related_link");
/// The bit of [`byline`].
const BYLINE: u8 = rule_bit("byline");
/// The bit of [`photo_caption`].
const CAPTION: u8 = rule_bit("photo_caption");
/// The bit of [`time_stamp`].
const TIME_STAMP: u8 = rule_bit("time_stamp");
/// The bit of the transcript turn ([`transcript_speaker`]).
const TRANSCRIPT: u8 = rule_bit("transcript_turn");
/// The bit of [`list_entry`].
const LIST_ENTRY: u8 = rule_bit("list_entry");
/// The bit of [`headline`].
const HEADLINE: u8 = rule_bit("headline");

/// By a paragraph's first byte, the rules that may name it for that byte ([`may_name`]): a
/// link label's first letter (`related_link`), "B" (`byline`), a credit word's or an
/// opening bracket (`photo_caption`), a figure (`time_stamp`, `list_entry`) or a bullet's
/// first byte (`list_entry`).
static FIRST_BYTE_RULES: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
    let (labels, credits) = &*OPENINGS;
    let mut by = [0u8; 256];
    for (b, m) in by.iter_mut().enumerate() {
        let b = b as u8;
        if labels.0[usize::from(b)] {
            *m |= RELATED;
        }
        if b == b'B' {
            *m |= BYLINE;
        }
        if credits.0[usize::from(b)] || b == b'(' || b == b'[' {
            *m |= CAPTION;
        }
        if b.is_ascii_digit() {
            *m |= TIME_STAMP | LIST_ENTRY;
        }
        if BULLET_BYTES.0[usize::from(b)] {
            *m |= LIST_ENTRY;
        }
    }
    by
});

/// The most letters of a link label (`speaker_link_labels`: "More_coverage", 12): a
/// paragraph with more before its first other character opens with none.
static LONGEST_LINK_LABEL: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
    Class::SpeakerLinkLabels
        .words()
        .map(|w| w.bytes().filter(|&b| b != b'_').count())
        .max()
        .unwrap_or(0)
});

/// The first bytes of a class's words: a text whose first byte is none of them opens with
/// none of its words (`OPENINGS`, read from the classes once).
struct FirstBytes([bool; 256]);

impl FirstBytes {
    fn of(c: Class) -> FirstBytes {
        let mut first = [false; 256];
        for w in c.words() {
            if let Some(&b) = w.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        FirstBytes(first)
    }

    /// Whether `s` may open with one of the class's words.
    fn may_open(&self, s: &str) -> bool {
        s.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)])
    }
}

/// The first bytes of the link labels and of the credit words.
static OPENINGS: std::sync::LazyLock<(FirstBytes, FirstBytes)> = std::sync::LazyLock::new(|| {
    (
        FirstBytes::of(Class::SpeakerLinkLabels),
        FirstBytes::of(Class::SpeakerCreditWords),
    )
});

/// "Related: Trump's plan for the border" — a link to another article: a label from
/// the lexicon, then a colon.
fn related_link(p: &ParaAt) -> bool {
    // (a label opens the paragraph: one that opens with no label's first letter is read no
    // further)
    if !OPENINGS.0.may_open(p.text) {
        return false;
    }
    // (the label's letters and spaces end at its colon: most paragraphs' end elsewhere,
    // read byte by byte, and no further than the letters of the longest label; a letter
    // that is no ASCII one is read as a character below)
    let longest = *LONGEST_LINK_LABEL;
    let mut letters = 0;
    let stop = p.text.bytes().find(|&b| {
        if b == b' ' {
            return false;
        }
        letters += 1;
        !b.is_ascii_alphabetic() || letters > longest
    });
    if !matches!(stop, Some(b':') | Some(0x80..)) {
        return false;
    }
    let label = take_while1(|c: char| c.is_alphabetic() || c == ' ');
    let Ok((_, (l, _))) = (label, char::<&str, ()>(':')).parse(p.text) else {
        return false;
    };
    Class::SpeakerLinkLabels.contains(&l.trim().replace(' ', "_"))
}

/// "By Jane Smith and Tom Brown" — a byline: "By" and a few capitalised words, no more.
fn byline(p: &ParaAt) -> bool {
    // (its opening word first: most paragraphs open with another, and are not parsed)
    if !p.text.starts_with("By") {
        return false;
    }
    let name = take_while1(|c: char| c.is_alphabetic() || ".'’-".contains(c));
    let words = many1_count(preceded(space1::<&str, ()>, name));
    match (tag("By"), words).parse(p.text) {
        Ok((rest, (_, n))) => {
            n <= 8
                && p.text
                    .split_whitespace()
                    .skip(1)
                    .all(|w| w.starts_with(char::is_uppercase) || w == "and")
                && rest.trim().trim_end_matches(['.', ',']).is_empty()
        }
        Err(_) => false,
    }
}

/// "(Photo: Jane Smith/AP)", "A voter in Ohio. (AP Photo/Tony Dejak)" — a caption: a
/// paragraph that opens with a credit word, or ends with one in brackets.
fn photo_caption(p: &ParaAt) -> bool {
    let credit_word = |s: &str| {
        let w = s
            .find(|c: char| !c.is_alphabetic())
            .map_or(s, |end| &s[..end]);
        Class::SpeakerCreditWords.contains(w)
    };
    let opens = p.text.trim_start_matches(['(', '[']);
    // (the credit word's first letter first: most paragraphs open with none)
    if OPENINGS.1.may_open(opens)
        && credit_word(opens)
        && opens[opens.find(char::is_alphabetic).unwrap_or(0)..].contains([':', '/'])
    {
        return true;
    }
    // (the closing bracket first, read from the last bytes: most paragraphs end otherwise)
    let last = p.text.bytes().rev().find(|&b| b != b'.' && b != b' ');
    if last != Some(b')') {
        return false;
    }
    let tail = p.text.trim_end_matches(['.', ' ']);
    tail.ends_with(')')
        && tail.rfind('(').is_some_and(|o| {
            let inner = &tail[o + 1..];
            inner
                .split(|c: char| !c.is_alphabetic())
                .any(|w| Class::SpeakerCreditWords.contains(w))
                && inner.contains('/')
        })
}

/// "2:25 p.m." — a time stamp between the entries of a live report: the speaker of one
/// entry does not run on into the next.
fn time_stamp(p: &ParaAt) -> bool {
    // (a clock opens with a figure: most paragraphs are not parsed)
    if !p.text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut clock = recognize((digit1::<&str, ()>, opt((char(':'), digit1)), space0));
    match clock.parse(p.text) {
        Ok((rest, _)) => {
            Class::SpeakerClockMarks.contains(&rest.trim_end_matches('.').replace(' ', "_"))
        }
        Err(_) => false,
    }
}

/// `WALLACE: …`, `"PENCE: …` — a turn of a transcript: the speaker's name in capitals, then
/// a colon. Returns the byte range of the name inside `para` (past an opening quotation mark).
pub(crate) fn transcript_speaker(para: &str) -> Option<(usize, usize)> {
    // (a letter in lower case right after the first ends the name in capitals, with no
    // colon after it: most paragraphs and quotations open so, and are not parsed; a
    // paragraph that opens with an ASCII letter is read from its first two bytes)
    if let [a, b, ..] = para.as_bytes()
        && a.is_ascii_alphabetic()
        && b.is_ascii_lowercase()
    {
        return None;
    }
    let mut opening = para.trim_start_matches(['"', '“', '\'', '‘']).chars();
    if opening.nth(1).is_some_and(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let marks = take_while(|c: char| "\"“'‘".contains(c));
    let capitals = take_while1(|c: char| c.is_uppercase() || c == '.' || c == '-' || c == '’');
    let name = recognize((
        capitals,
        opt(preceded(char(' '), take_while1(|c: char| c.is_uppercase()))),
    ));
    let r: NomStr = (marks, name, char(':'), space1)
        .parse(para)
        .map(|(rest, (m, n, _, _))| (rest, &para[m.len()..m.len() + n.len()]));
    let (_, n) = r.ok()?;
    let letters = n.chars().filter(|c| c.is_alphabetic()).count();
    let start = para.len() - para.trim_start_matches(['"', '“', '\'', '‘']).len();
    let not_a_name = n.split(' ').any(|w| Class::SpeakerNotTurnNames.contains(w));
    (letters >= 2 && !not_a_name).then_some((start, start + n.len()))
}

/// `-President Obama, tweeting after Clinton's speech.`, `— Michelle Marks, Philadelphia.`,
/// `- Sanders.`: a line that signs the quotation above it — a dash, then a name of one to
/// four capitalised words, then a comma or the line's full stop. Returns the name's span
/// in the paragraph.
pub(crate) fn signature(para: &str) -> Option<(usize, usize)> {
    let dash = take_while1(|c: char| "-—–".contains(c));
    let mut word = take_while1(|c: char| c.is_alphabetic() || ".'’-".contains(c));
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let r: NomStr = (dash, space0).parse(para).map(|(rest, _)| (rest, ""));
    let (rest, _) = r.ok()?;
    let start = para.len() - rest.len();
    let mut at = rest;
    let mut words = 0;
    while let Ok((after, w)) = word.parse(at) as NomStr {
        if !capitalised(w) || words == 4 {
            return None;
        }
        words += 1;
        at = after;
        match at.strip_prefix(' ') {
            Some(next) if next.starts_with(char::is_uppercase) => at = next,
            _ => break,
        }
    }
    let name = para[start..para.len() - at.len()].trim_end_matches('.');
    let closes = at.starts_with(',') || (at.is_empty() && para.ends_with('.'));
    (words > 0 && closes && name.len() > 1).then_some((start, start + name.len()))
}

/// "- Lower taxes for families.", "2. A wall on the border." — an entry of a list.
fn list_entry(p: &ParaAt) -> bool {
    // (an entry opens with a bullet or a figure: most paragraphs are not parsed)
    // (its first byte first: a figure, or the first byte of a bullet, `BULLET_BYTES`)
    if !p
        .text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || BULLET_BYTES.0[usize::from(b)])
        || !p
            .text
            .starts_with(|c: char| c.is_ascii_digit() || BULLETS.contains(c))
    {
        return false;
    }
    let bullet = recognize(take_while1(|c: char| BULLETS.contains(c)));
    let number = recognize((
        digit1::<&str, ()>,
        take_while1(|c: char| c == '.' || c == ')'),
    ));
    let mut marker = (nom::branch::alt((bullet, number)), space1);
    marker.parse(p.text).is_ok()
}

/// The marks that open an entry of a list.
const BULLETS: &str = "-•*–·";

/// The first bytes of [`BULLETS`]: a paragraph whose first byte is none of them and no
/// figure opens no entry.
static BULLET_BYTES: std::sync::LazyLock<FirstBytes> = std::sync::LazyLock::new(|| {
    let mut first = [false; 256];
    for c in BULLETS.chars() {
        let mut buf = [0u8; 4];
        first[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
    }
    FirstBytes(first)
});

/// "Trump Says He Will Win Ohio" — the headline: the first paragraph of several, short,
/// with no quotation-only shape.
fn headline(p: &ParaAt) -> bool {
    p.index == 0
        && p.count > 1
        // (the words counted no further than the limit: a long first paragraph is not read
        // to its end)
        && p.text.split_whitespace().take(17).count() <= 16
        && !p.text.starts_with(['"', '“'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, index: usize) -> ParaKind {
        let at = ParaAt {
            text,
            index,
            count: 5,
        };
        PARA_RULES
            .iter()
            .find(|(_, _, rule)| rule(&at))
            .map_or(ParaKind::Body, |&(_, k, _)| k)
    }

    #[test]
    fn the_screen_rules_out_no_rule_that_names_a_paragraph() {
        // (every rule's paragraphs of the tests below, and some that are none)
        let paras = [
            "Related: Trump's plan for the border",
            "More coverage        : the plan",
            "Recommended: the plan",
            "By Jane Smith and Tom Brown",
            "(Photo: Jane Smith/AP)",
            "A voter in Ohio. (AP Photo/Tony Dejak) . ",
            "[Image: a crowd]",
            "2:25 p.m.",
            "WALLACE: Let’s start with the news.",
            "“AL: We won.”",
            "\"PENCE: Well, look.",
            "- Lower taxes for families.",
            "2. A wall on the border.",
            "• A wall on the border.",
            "Trump Says He Will Win Ohio",
            "Smith: the plan is dead.",
            "",
            "X",
            " The plan. ",
        ];
        for text in paras {
            for index in [0, 3] {
                let at = ParaAt {
                    text: text.trim(),
                    index,
                    count: 5,
                };
                assert_eq!(trimmed(text), text.trim());
                for (i, (name, _, rule)) in PARA_RULES.iter().enumerate() {
                    if rule(&at) {
                        assert_ne!(may_name(&at) & 1 << i, 0, "{name}: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn related_link_rule() {
        assert_eq!(
            kind("Related: Trump's plan for the border", 3),
            ParaKind::Related
        );
        assert_eq!(kind("Smith: the plan is dead.", 3), ParaKind::Body);
        // (spaces before the colon are no letters: the label is read to its colon)
        assert_eq!(
            kind("More coverage        : the plan", 3),
            ParaKind::Related
        );
        assert_eq!(kind("Recommended: the plan", 3), ParaKind::Related);
        assert_eq!(kind("Recommendedx: the plan", 3), ParaKind::Body);
    }

    #[test]
    fn byline_rule() {
        assert_eq!(kind("By Jane Smith and Tom Brown", 1), ParaKind::Byline);
        assert_eq!(kind("By then the vote was over.", 3), ParaKind::Body);
    }

    #[test]
    fn photo_caption_rule() {
        assert_eq!(kind("(Photo: Jane Smith/AP)", 2), ParaKind::Caption);
        assert_eq!(
            kind("A voter in Ohio casts her ballot. (AP Photo/Tony Dejak)", 2),
            ParaKind::Caption
        );
        assert_eq!(
            kind("The photo showed a crowd (about 300 people).", 2),
            ParaKind::Body
        );
        // (a closing bracket before the trailing full stops and spaces)
        assert_eq!(
            kind("A voter in Ohio. (AP Photo/Tony Dejak) . ", 2),
            ParaKind::Caption
        );
    }

    #[test]
    fn time_stamp_rule() {
        assert_eq!(kind("2:25 p.m.", 4), ParaKind::Dateline);
        assert_eq!(kind("2 people were hurt.", 4), ParaKind::Body);
    }

    #[test]
    fn transcript_turn_rule() {
        assert_eq!(
            kind("WALLACE: Let’s start with the news.", 3),
            ParaKind::Transcript
        );
        assert_eq!(transcript_speaker("\"PENCE: Well, look."), Some((1, 6)));
        assert_eq!(transcript_speaker("Smith: the plan is dead."), None);
        assert_eq!(transcript_speaker("NOTE: This story was updated."), None);
        // (a capital and a lower-case letter open no name in capitals)
        assert_eq!(transcript_speaker("“Al: we won,” he said."), None);
        assert_eq!(transcript_speaker("“AL: We won.”"), Some((3, 5)));
        assert_eq!(transcript_speaker("X"), None);
        // (a name in capitals read past an ASCII letter: "Al" and "AL")
        assert_eq!(transcript_speaker("Al: we won."), None);
        assert_eq!(transcript_speaker("AL: We won."), Some((0, 2)));
    }

    #[test]
    fn list_entry_rule() {
        assert_eq!(kind("- Lower taxes for families.", 3), ParaKind::ListEntry);
        assert_eq!(kind("2. A wall on the border.", 3), ParaKind::ListEntry);
        assert_eq!(kind("2016 was a long year.", 3), ParaKind::Body);
        assert_eq!(kind("• A wall on the border.", 3), ParaKind::ListEntry);
        assert_eq!(kind("A wall on the border.", 3), ParaKind::Body);
        // (every bullet, by its first byte)
        for b in BULLETS.chars() {
            assert_eq!(kind(&format!("{b} A wall."), 3), ParaKind::ListEntry, "{b}");
        }
        assert_eq!(kind("— A wall on the border.", 3), ParaKind::Body);
    }

    #[test]
    fn signature_rule() {
        fn name(p: &str) -> Option<&str> {
            signature(p).map(|(s, e)| &p[s..e])
        }
        let p = "-President Obama, tweeting after Clinton's speech.";
        assert_eq!(name(p), Some("President Obama"));
        assert_eq!(
            name("— Michelle Marks, Philadelphia."),
            Some("Michelle Marks")
        );
        assert_eq!(name("- Sanders."), Some("Sanders"));
        // (a list's entry is no signature)
        assert_eq!(name("- Lower taxes for families."), None);
        assert_eq!(name("- Build the wall"), None);
        assert_eq!(name("Sanders."), None);
    }

    #[test]
    fn headline_rule() {
        assert_eq!(kind("Trump Says He Will Win Ohio", 0), ParaKind::Headline);
        assert_eq!(kind("Trump Says He Will Win Ohio", 1), ParaKind::Body);
        // (sixteen words at most)
        let words = |n: usize| vec!["Win"; n].join(" ");
        assert_eq!(kind(&words(16), 0), ParaKind::Headline);
        assert_eq!(kind(&words(17), 0), ParaKind::Body);
    }
}
