//! Review: the flags an editor acts on, read off a finished analysis.
//!
//! The last stage: it runs on the record the earlier stages built (plus the names of people
//! the text mentions) and adds flags with a stable id and a sentence of documentation each
//! (`FlagKind::doc`). Each flag kind is one rule: the rules on one statement and its speaker
//! ([`STATEMENT_RULES`]: an ambiguous pronoun, a speaker quoted before being introduced, an
//! anonymous source, a loaded verb, a platform with no post) and the rules that compare
//! quotations and posts ([`DOCUMENT_RULES`]: a post attributed to someone else, the same
//! words from two speakers, a repeated quotation with changed wording). The quotation stages
//! already flag unbalanced marks and unattributed quotations.
//!
//! Comparisons between quotations are bounded (the first 400 statements of a document), so
//! a pathological document stays linear.

mod compare;
mod people;
mod sources;
mod spans;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{Class, LEXICON};
use crate::model::{Analysis, Flag, FlagKind, Quote, QuoteKind, Span, SpeakerRef};
use crate::speakers::NameCandidate;

const MAX_COMPARED: usize = 400;

/// How far either side of a statement a rule reads its paragraph (bytes): the reason given
/// for an anonymous source, and (further) a link or embed for a post.
const NEAR: usize = 2_000;
const LINK_NEAR: usize = 20_000;

/// A rule on one statement (its first quote) and its speaker, with the speaker's mention
/// ([`Mention`], lower-cased on first use).
/// (The speaker is the analysis's own, borrowed as long as the review: a rule may keep its
/// words.)
type StatementRule = for<'a> fn(&mut Review<'a>, &Quote, &'a SpeakerRef, &Mention) -> Option<Flag>;

/// The rules on each statement with a speaker, in this order.
const STATEMENT_RULES: &[(FlagKind, StatementRule)] = &[
    (FlagKind::AmbiguousPronoun, people::ambiguous_pronoun),
    (FlagKind::UnintroducedSpeaker, people::unintroduced_speaker),
    (FlagKind::AnonymousSource, sources::anonymous_source),
    (FlagKind::LoadedVerb, sources::loaded_verb),
    (
        FlagKind::PlatformWithoutPost,
        sources::platform_without_post,
    ),
];

/// A rule that compares the quotations and posts of the whole record.
type DocumentRule = fn(&Review, &mut Vec<Flag>);

/// The rules on the whole record, in this order.
const DOCUMENT_RULES: &[(FlagKind, DocumentRule)] = &[
    (FlagKind::PostAuthorMismatch, compare::post_author_mismatch),
    (
        FlagKind::SameWordsTwoSpeakers,
        compare::same_words_two_speakers,
    ),
    (FlagKind::ChangedWording, compare::changed_wording),
];

/// What the rules read (the text, its paragraphs, the people it names, the analysis) and
/// what they remember.
struct Review<'a> {
    text: &'a str,
    paras: &'a [Span],
    people: &'a [NameCandidate],
    a: &'a Analysis,
    /// Where the headline ends, when the first paragraph is one ([`headline_end`]), read
    /// when a rule first asks of a place before `head_bound`.
    headline: OnceCell<Option<usize>>,
    /// Where the second paragraph ends (0 with fewer): the headline and its deck, at most
    /// two paragraphs and never the last, end there or before, so a place after it is in
    /// no headline, known without reading the first paragraphs' words.
    head_bound: usize,
    /// The entities already flagged as anonymous sources.
    anonymous_seen: FxHashSet<Option<usize>>,
    /// The names already judged for an introduction: a person is introduced once.
    unintroduced_seen: FxHashSet<&'a str>,
    /// The document has at most `MAX_COMPARED` statements, so the names judged (one at
    /// most a statement) never reach that bound: a name that is never flagged (of two
    /// words or more) need not be remembered to count towards it.
    names_uncounted: bool,
    /// Where the text first names someone (a name word that is no pronoun), read on first use.
    first_name_at: OnceCell<usize>,
    /// The words of each of the first quotations, read on first use.
    words: Vec<OnceCell<Words>>,
    /// What each of the first quotations' words are compared by, read on first use.
    gists: Vec<OnceCell<compare::Gist>>,
}

/// A statement's speaker mention as written, and in lower case once a rule asks: each rule
/// first decides on what costs nothing to read (the speaker's kind, the cue, the channel),
/// and a mention that cannot be a pronoun ([`Mention::may_be_within`]) is not lower-cased
/// for the pronoun rules.
struct Mention<'s> {
    text: &'s str,
    lower: OnceCell<Lowered<'s>>,
}

/// A mention in lower case: a short ASCII one on the stack, another borrowed when it is
/// lower case already, or a new string.
enum Lowered<'s> {
    Short([u8; SHORT], usize),
    Other(Cow<'s, str>),
}

/// The longest mention lower-cased on the stack (bytes).
const SHORT: usize = 24;

/// The longest personal pronoun (`he`, `she`: the review's pronoun classes), and the
/// longest of those and the lexicon's pronouns (bytes).
static LONGEST_PERSONAL: LazyLock<usize> = LazyLock::new(|| {
    [Class::ReviewMalePronouns, Class::ReviewFemalePronouns]
        .into_iter()
        .flat_map(Class::words)
        .map(str::len)
        .max()
        .unwrap_or(0)
});
static LONGEST_PRONOUN: LazyLock<usize> = LazyLock::new(|| {
    let lexicon = LEXICON.pronouns.iter().map(|(k, _)| k.len());
    lexicon.max().unwrap_or(0).max(*LONGEST_PERSONAL)
});

impl<'s> Mention<'s> {
    fn new(text: &'s str) -> Mention<'s> {
        Mention {
            text,
            lower: OnceCell::new(),
        }
    }

    /// The mention in lower case, as `str::to_lowercase` writes it.
    fn lower(&self) -> &str {
        let lowered = self.lower.get_or_init(|| {
            let b = self.text.as_bytes();
            if !b.is_ascii() {
                return Lowered::Other(Cow::Owned(self.text.to_lowercase()));
            }
            match b.len() <= SHORT && b.iter().any(u8::is_ascii_uppercase) {
                true => {
                    let mut buf = [0; SHORT];
                    buf[..b.len()].copy_from_slice(b);
                    buf.make_ascii_lowercase();
                    Lowered::Short(buf, b.len())
                }
                false => Lowered::Other(crate::lexicon::lower(self.text)),
            }
        });
        match lowered {
            Lowered::Short(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lowered::Other(s) => s,
        }
    }

    /// Whether the mention in lower case may be a word of at most `longest` bytes: false
    /// for one in ASCII (which lower-casing keeps as long) longer than that.
    fn may_be_within(&self, longest: usize) -> bool {
        self.text.len() <= longest || !self.text.is_ascii()
    }
}

/// A quotation's words in lower case, joined by single spaces into one string (`spans`
/// into it): with four or more of them, the string is the key quotations are compared by.
struct Words {
    lower: String,
    spans: Vec<(usize, usize)>,
}

impl Words {
    /// The words of `s` (letters, digits and apostrophes, [`word_char_at`]), lower-cased into
    /// one string: in one pass over the bytes, an ASCII byte of a word lower-cased by a table
    /// as it is read ([`compare::WORD_LOWER`]); a word with another character lower-cased as
    /// a whole, as `str::to_lowercase` does.
    fn of(s: &str) -> Words {
        let b = s.as_bytes();
        let mut lower: Vec<u8> = Vec::with_capacity(s.len());
        let mut spans = Vec::with_capacity(s.len() / 5 + 1);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            // (a word starts at an ASCII word byte, or at a letter or digit not ASCII)
            match compare::WORD_LOWER[usize::from(c)] {
                0 => {
                    i += 1;
                    continue;
                }
                0x80 => {
                    if let Some((false, len)) = word_char_at(s, i) {
                        i += len;
                        continue;
                    }
                }
                _ => {}
            }
            if !spans.is_empty() {
                lower.push(b' ');
            }
            let (start, at) = (i, lower.len());
            let mut ascii = true;
            while let Some(&c) = b.get(i) {
                match compare::WORD_LOWER[usize::from(c)] {
                    0 => break,
                    0x80 => match word_char_at(s, i) {
                        Some((true, len)) => {
                            ascii = false;
                            i += len;
                        }
                        _ => break,
                    },
                    l => {
                        lower.push(l);
                        i += 1;
                    }
                }
            }
            if !ascii {
                lower.truncate(at);
                lower.extend_from_slice(s[start..i].to_lowercase().as_bytes());
            }
            spans.push((at, lower.len()));
        }
        // (ASCII bytes and whole characters' lower cases: the bytes are UTF-8)
        let lower = String::from_utf8(lower).unwrap_or_default();
        Words { lower, spans }
    }

    /// The distinct words, each with a hash of it (FxHash), ordered by hash and then by
    /// word: two lists are compared in one merge, and words only where hashes meet.
    fn distinct(&self) -> Vec<(u64, &str)> {
        let mut set: Vec<(u64, &str)> = self
            .iter()
            .map(|w| (rustc_hash::FxBuildHasher.hash_one(w), w))
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }

    /// The words joined, when there are four or more.
    fn key(&self) -> Option<&str> {
        (self.len() >= 4).then_some(self.lower.as_str())
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(a, b)| &self.lower[a..b])
    }
}

fn flag(kind: FlagKind, start: usize, end: usize, message: String) -> Flag {
    Flag::new(kind, start, end, message)
}

/// The words of `s`: letters and digits with their apostrophes (ASCII read byte by byte,
/// only other characters decoded): the words [`Words::of`] and [`compare::Gist::of`] read
/// in their one pass, as the tests split them.
#[cfg(test)]
fn split_words(s: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (word, len) = word_char_at(s, i)?;
            if word {
                break i;
            }
            i += len;
        };
        while let Some((true, len)) = word_char_at(s, i) {
            i += len;
        }
        Some(&s[start..i])
    })
}

/// Whether the character at byte `i` of `s` belongs to a word (a letter, a digit or an
/// apostrophe), and its length; `None` at the end.
#[inline]
fn word_char_at(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b.is_ascii_alphanumeric() || b == b'\'', 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c.is_alphanumeric() || c == '’', c.len_utf8()))
}

/// `f` of `w` in lower case, as `str::to_lowercase` writes it: an ASCII word lower-cased on
/// the stack (`lexicon::with_lower`), no new string; another in a new string.
fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.is_ascii() {
        crate::lexicon::with_lower(w, f)
    } else {
        f(&w.to_lowercase())
    }
}

/// The words of `s` in lower case (what [`Words::of`] is checked against).
#[cfg(test)]
fn words(s: &str) -> Vec<String> {
    split_words(s).map(str::to_lowercase).collect()
}

impl Review<'_> {
    /// The index of the paragraph `pos` is in.
    fn para_of(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    }

    /// The paragraph `pos` is in, cut to at most `near` bytes either side of `pos`: what a
    /// rule reads around one statement, so that a run-on paragraph costs each statement a
    /// bounded read (linear time).
    fn para_near(&self, pos: usize, near: usize) -> Span {
        self.clip(self.paras[self.para_of(pos)], pos, near)
    }

    /// `span` cut to at most `near` bytes either side of `pos`, on character boundaries.
    fn clip(&self, span: Span, pos: usize, near: usize) -> Span {
        let mut start = span.start.max(pos.saturating_sub(near));
        let mut end = span.end.min(pos.saturating_add(near)).max(start);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span { start, end }
    }

    /// Whether `pos` is in the headline or its deck ([`Review::headline_end`]). A headline
    /// names people by surname and quotes without a verb of saying. (A place past the second
    /// paragraph is in none: the headline's words are read only for one before.)
    fn in_headline(&self, pos: usize) -> bool {
        pos < self.head_bound && self.headline_end().is_some_and(|end| pos < end)
    }

    /// Where the headline (and a deck under it) ends ([`headline_end`]), read once.
    fn headline_end(&self) -> Option<usize> {
        *self
            .headline
            .get_or_init(|| headline_end(self.text, self.paras))
    }

    /// The words of quotation `i` (one of the first `MAX_COMPARED`).
    fn words_of(&self, i: usize) -> &Words {
        self.words[i].get_or_init(|| Words::of(&self.a.quotes[i].text))
    }

    /// The [`compare::Gist`] of quotation `i` (one of the first `MAX_COMPARED`).
    fn gist_of(&self, i: usize) -> compare::Gist {
        *self.gists[i].get_or_init(|| compare::Gist::of(&self.a.quotes[i].text))
    }

    /// Whether quotations `i` and `j` (of the first `MAX_COMPARED`) have the same words:
    /// their gists first, their words only where the gists agree.
    fn same_words(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.gist_of(i), self.gist_of(j));
        a.len == b.len && a.seq == b.seq && self.words_of(i).lower == self.words_of(j).lower
    }

    /// The first quotations, those compared with each other and with posts.
    fn compared(&self) -> impl Iterator<Item = (usize, &Quote)> {
        self.a.quotes.iter().enumerate().take(MAX_COMPARED)
    }
}

impl<'a> Review<'a> {
    /// What the rules read of `a` (of `statements` statements), with nothing remembered yet.
    fn new(
        text: &'a str,
        paras: &'a [Span],
        people: &'a [NameCandidate],
        a: &'a Analysis,
        statements: usize,
    ) -> Review<'a> {
        let compared = a.quotes.len().min(MAX_COMPARED);
        Review {
            text,
            paras,
            people,
            a,
            headline: OnceCell::new(),
            head_bound: paras.get(1).map_or(0, |p| p.end),
            anonymous_seen: FxHashSet::default(),
            // (room for a name a statement, up to the most judged: the set never grows)
            unintroduced_seen: FxHashSet::with_capacity_and_hasher(
                a.quotes.len().min(MAX_COMPARED + 1),
                Default::default(),
            ),
            names_uncounted: statements <= MAX_COMPARED,
            first_name_at: OnceCell::new(),
            words: (0..compared).map(|_| OnceCell::new()).collect(),
            gists: (0..compared).map(|_| OnceCell::new()).collect(),
        }
    }
}

/// Add the review's flags to `a`. `paras` are the paragraph spans, `people` the names of
/// people the text mentions, in order.
pub(crate) fn flags(text: &str, paras: &[Span], people: &[NameCandidate], a: &mut Analysis) {
    let mut out = Vec::new();
    // (statements are numbered from 0: one flag a statement seen)
    let statements = a
        .quotes
        .iter()
        .map(|q| q.statement.saturating_add(1))
        .max()
        .unwrap_or(0);
    let record: &Analysis = a;
    let mut review = Review::new(text, paras, people, record, statements);
    let mut seen_statement = vec![false; statements];
    for q in &record.quotes {
        if std::mem::replace(&mut seen_statement[q.statement], true) || q.kind == QuoteKind::Post {
            continue;
        }
        let Some(sp) = &q.speaker else { continue };
        let mention = Mention::new(&sp.text);
        for (_, rule) in STATEMENT_RULES {
            out.extend(rule(&mut review, q, sp, &mention));
        }
    }
    for (_, rule) in DOCUMENT_RULES {
        rule(&review, &mut out);
    }
    // Parts of a statement and statements sharing a clause raise a flag once.
    out.sort_by_key(|f| (f.start, f.end, f.kind));
    out.dedup_by_key(|f| (f.start, f.end, f.kind));
    a.flags.extend(out);
    a.flags.retain(|f| !inch_mark(text, f));
    a.flags.sort_by_key(|f| (f.start, f.end));
    assign_ids(text, &mut a.flags);
}

/// Where the headline (and a deck under it) ends: the first paragraphs, at most two, of at
/// most 20 words each, with more after them, that do not report in the past ("said"): a
/// headline says "Clinton blasts Trump", a lead "Clinton said".
fn headline_end(text: &str, paras: &[Span]) -> Option<usize> {
    let is_head = |p: &Span| {
        text.get(p.start..p.end).is_some_and(|t| {
            // (one pass over the words, ended by the 21st word or a verb that reports)
            let mut words = whitespace_words(t);
            !words.by_ref().take(20).any(reports_in_the_past) && words.next().is_none()
        })
    };
    let n = paras
        .iter()
        .take(2)
        .take_while(|p| is_head(p))
        .count()
        .min(paras.len().saturating_sub(1));
    (n > 0).then(|| paras[n - 1].end)
}

/// Whether a word is a verb that reports in the past ("said"), in lower case: a title-case
/// headline's "Announced" is no lead's "said". (The class's words are ASCII: a word that
/// opens with another letter is none of them.)
fn reports_in_the_past(w: &str) -> bool {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    // (it opens with a letter: only its end is trimmed)
    let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    // (an ASCII word of another length than the class's words is none of them)
    let (shortest, longest) = *PAST_REPORTING_LENGTHS;
    (!word.is_ascii() || (shortest..=longest).contains(&word.len()))
        && crate::lexicon::with_lower(word, |l| Class::ReviewPastReporting.contains(l))
}

/// The shortest and the longest of the past-tense verbs of saying (bytes).
static PAST_REPORTING_LENGTHS: LazyLock<(usize, usize)> = LazyLock::new(|| {
    let lengths = || Class::ReviewPastReporting.words().map(str::len);
    (lengths().min().unwrap_or(0), lengths().max().unwrap_or(0))
});

/// The words of `t` between white space, as `str::split_whitespace` finds them (ASCII read
/// byte by byte, only other characters decoded).
fn whitespace_words(t: &str) -> impl Iterator<Item = &str> {
    let b = t.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (space, n) = space_at(t, i, *b.get(i)?);
            if !space {
                break i;
            }
            i += n;
        };
        while let Some(&c) = b.get(i) {
            let (space, n) = space_at(t, i, c);
            if space {
                break;
            }
            i += n;
        }
        Some(&t[start..i])
    })
}

/// Whether the character at byte `i` of `t` (whose first byte is `c`) is white space, and
/// its length: an ASCII byte by its value (inlined in the loops that read every byte), only
/// another character decoded.
#[inline(always)]
fn space_at(t: &str, i: usize, c: u8) -> (bool, usize) {
    if c < 0x80 {
        return (c == b' ' || c.wrapping_sub(0x09) < 5, 1);
    }
    other_space_at(t, i)
}

/// [`space_at`] for a character other than ASCII.
#[inline(never)]
fn other_space_at(t: &str, i: usize) -> (bool, usize) {
    t[i..]
        .chars()
        .next()
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// An unbalanced "quotation mark" that is an inch mark after a number (6'3"): no flag.
fn inch_mark(text: &str, f: &Flag) -> bool {
    f.kind == FlagKind::UnbalancedQuote
        && text.get(f.start..f.end) == Some("\"")
        && text[..f.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
}

/// Give each flag its stable id: its kind and a hash (FNV-1a) of the flagged words and the
/// 24 characters either side, numbered on when two flags would share one.
pub(crate) fn assign_ids(text: &str, flags: &mut [Flag]) {
    // (the n-th flag with the same kind and hash is "base-n": a count per base, linear)
    let mut seen: FxHashMap<(&str, u32), usize> = FxHashMap::default();
    for f in flags {
        let around = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
        let (s, e) = (f.start.min(text.len()), f.end.min(text.len()));
        // (the characters before are read last first, each one's bytes in order; nothing is
        // copied)
        let mut h = fnv(0x811c_9dc5, f.kind.id().as_bytes());
        h = fnv(h, b"|");
        let mut buf = [0u8; 4];
        for c in around(0, s).chars().rev().take(24) {
            h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
        }
        h = fnv(h, b"|");
        h = fnv(h, around(s, e).as_bytes());
        h = fnv(h, b"|");
        let after = around(e, text.len());
        let cut = after.char_indices().nth(24).map_or(after.len(), |(i, _)| i);
        h = fnv(h, &after.as_bytes()[..cut]);
        let base = format!("{}:{h:08x}", f.kind.id());
        let n = seen.entry((f.kind.id(), h)).or_insert(0);
        *n += 1;
        f.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

/// FNV-1a: `h` on over `bytes`.
fn fnv(h: u32, bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn flagged(text: &str, kind: FlagKind) -> Vec<String> {
        let a = crate::analyze(text, &crate::Options::default());
        a.flags
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn a_verb_that_takes_sides_is_noted() {
        let text = "“We will win,” Jane Smith claimed.";
        assert_eq!(flagged(text, FlagKind::LoadedVerb), vec!["claimed"]);
        let text = "“We will win,” Jane Smith said.";
        assert!(flagged(text, FlagKind::LoadedVerb).is_empty());
    }

    #[test]
    fn a_pronoun_two_women_could_be_is_ambiguous() {
        let text = "Jane Smith met Mary Jones on Monday.\n\n“We will win,” she said.";
        assert_eq!(flagged(text, FlagKind::AmbiguousPronoun), vec!["she"]);
    }

    #[test]
    fn a_pronoun_with_nobody_before_is_unintroduced() {
        let text = "“We will win,” he said.";
        assert_eq!(flagged(text, FlagKind::UnintroducedSpeaker), vec!["he"]);
    }

    #[test]
    fn an_unnamed_official_is_an_anonymous_source() {
        let text = "“We will win,” a senior official said on condition of anonymity.";
        assert_eq!(flagged(text, FlagKind::AnonymousSource).len(), 1);
    }

    #[test]
    fn a_tweet_with_no_post_is_flagged() {
        let text = "Jane Smith said on Twitter that the plan had failed.";
        assert_eq!(flagged(text, FlagKind::PlatformWithoutPost).len(), 1);
    }

    #[test]
    fn the_same_words_from_two_speakers_are_flagged() {
        let text = "“We will win this race,” Jane Smith said.\n\n\
                    “We will win this race,” Mary Jones said.";
        assert_eq!(flagged(text, FlagKind::SameWordsTwoSpeakers).len(), 1);
    }

    #[test]
    fn a_quotation_repeated_with_other_words_is_flagged() {
        let text = "“We will surely win this race in November,” Jane Smith said.\n\n\
                    “We will win this race in November,” Smith said again.";
        assert_eq!(flagged(text, FlagKind::ChangedWording).len(), 1);
    }

    #[test]
    fn alleged_denied_and_a_lawsuits_claim_are_not_loaded() {
        let text = "Prosecutors alleged that Jane Smith had lied.";
        assert!(flagged(text, FlagKind::LoadedVerb).is_empty());
        let text = "Jane Smith denied that she had lied.";
        assert!(flagged(text, FlagKind::LoadedVerb).is_empty());
        let text = "The nurse sued the state, claiming the quarantine violated her rights.";
        assert!(flagged(text, FlagKind::LoadedVerb).is_empty());
    }

    #[test]
    fn a_reason_in_the_sentence_is_found() {
        let text = "A resident, whose name is redacted in the filing, said the plan was unfair.";
        let a = crate::analyze(text, &crate::Options::default());
        let f = a.flags.iter().find(|f| f.kind == FlagKind::AnonymousSource);
        assert!(
            f.is_some_and(|f| f.message.contains("redacted")),
            "{:?}",
            a.flags
        );
    }

    #[test]
    fn a_group_is_no_anonymous_source() {
        let text = "Officials said the budget would be published in May.";
        assert!(flagged(text, FlagKind::AnonymousSource).is_empty());
    }

    #[test]
    fn a_name_given_in_the_lead_introduces_the_speaker() {
        let text = "Maria Ortiz is new to advocacy work.\n\n“We will win,” Ortiz said.";
        assert!(flagged(text, FlagKind::UnintroducedSpeaker).is_empty());
    }

    #[test]
    fn the_first_names_judged_count_the_names_of_several_words() {
        // (400 statements by speakers of two words, then a surname given in full later:
        // past the first 400 names it is not judged, with a statement fewer it is)
        let text = |n: usize| {
            let mut t = String::new();
            for i in 0..n {
                let (a, b) = (b'a' + (i / 26) as u8, b'a' + (i % 26) as u8);
                let name = format!("Jane Q{}{}", a as char, b as char);
                t += &format!("“We will win,” said {name}.\n\n");
            }
            t + "“We will win,” Smith said.\n\nLater, Mary Smith left."
        };
        assert_eq!(flagged(&text(3), FlagKind::UnintroducedSpeaker), ["Smith"]);
        assert_eq!(
            flagged(&text(399), FlagKind::UnintroducedSpeaker),
            ["Smith"]
        );
        assert!(flagged(&text(400), FlagKind::UnintroducedSpeaker).is_empty());
    }

    #[test]
    fn a_pronoun_after_one_person_is_not_ambiguous() {
        let text = "Jane Smith said that the report had named Mary Jones.\n\n\
                    “We will win,” she said.";
        assert!(flagged(text, FlagKind::AmbiguousPronoun).is_empty());
    }

    /// The id of a flag as it was first written: the hash of the words around it, copied
    /// into strings.
    fn id_by_strings(text: &str, f: &Flag) -> String {
        let around = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
        let (s, e) = (f.start.min(text.len()), f.end.min(text.len()));
        let before: String = around(0, s).chars().rev().take(24).collect();
        let after: String = around(e, text.len()).chars().take(24).collect();
        let mut h: u32 = 0x811c_9dc5;
        for b in [f.kind.id(), "|", &before, "|", around(s, e), "|", &after]
            .iter()
            .flat_map(|p| p.bytes())
        {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        format!("{}:{h:08x}", f.kind.id())
    }

    #[test]
    fn an_id_hashes_the_words_around_the_flag() {
        let text = "Ça va — “we will win,” he said, élan vital, and then some more words here.";
        let mut flags: Vec<Flag> = [(0, 3), (9, 12), (20, 70), (70, 200), (0, 0)]
            .into_iter()
            .map(|(s, e)| Flag::new(FlagKind::LoadedVerb, s, e, "m"))
            .collect();
        flags.push(Flag::new(FlagKind::LoadedVerb, 9, 12, "again"));
        assign_ids(text, &mut flags);
        for f in &flags[..5] {
            assert_eq!(f.id, id_by_strings(text, f), "{f:?}");
        }
        assert_eq!(flags[5].id, format!("{}-2", flags[1].id));
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let text = "“We will win,” he said.\n\n“We will win,” he said.";
        let a = crate::analyze(text, &crate::Options::default());
        let b = crate::analyze(text, &crate::Options::default());
        assert_eq!(a.flags, b.flags);
        let ids: FxHashSet<&str> = a.flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids.len(), a.flags.len());
    }

    #[test]
    fn a_headline_is_short_and_reports_nothing_in_the_past() {
        let end = |text: &str| {
            let mut paras = Vec::new();
            let mut at = 0;
            for p in text.split("\n\n") {
                paras.push(Span {
                    start: at,
                    end: at + p.len(),
                });
                at += p.len() + 2;
            }
            headline_end(text, &paras)
        };
        let twenty = "w ".repeat(19) + "Announced";
        assert_eq!(end(&format!("{twenty}\n\nThe lead.")), Some(twenty.len()));
        assert_eq!(end(&format!("{twenty} w\n\nThe lead.")), None);
        assert_eq!(end("Clinton blasts Trump\n\nDeck\n\nThe lead."), Some(26));
        assert_eq!(
            end("Clinton blasts Trump\n\n“Trump,” she said.\n\nLead"),
            Some(20)
        );
        assert_eq!(end("Clinton said “no”\n\nThe lead."), None);
        assert_eq!(end("Clinton blasts Trump"), None);
    }

    #[test]
    fn a_place_is_in_the_headline_as_the_headline_read_first_says() {
        let a = Analysis::default();
        let mut places = 0;
        for text in [
            "Clinton blasts Trump\n\nDeck\n\nThe lead.",
            "Clinton blasts Trump\n\n“Trump,” she said.\n\nLead",
            "Clinton said “no”\n\nThe lead.",
            "Clinton blasts Trump",
            "Clinton blasts Trump\n\nThe lead.",
            "",
        ] {
            let paras = crate::segment::paragraphs(text);
            let review = Review::new(text, &paras, &[], &a, 0);
            let end = headline_end(text, &paras);
            for pos in 0..=text.len() + 1 {
                assert_eq!(
                    review.in_headline(pos),
                    end.is_some_and(|e| pos < e),
                    "{text:?} {pos}"
                );
                places += usize::from(review.in_headline(pos));
            }
        }
        assert!(places > 40, "{places}");
    }

    #[test]
    fn words_between_white_space_are_those_split_whitespace_finds() {
        for t in [
            "",
            "  ",
            "Clinton blasts Trump",
            " a\tb\u{0b}c\u{0c}d\re\n f ",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{2029}",
            "é “said,” — ok",
        ] {
            let ours: Vec<&str> = whitespace_words(t).collect();
            assert_eq!(ours, t.split_whitespace().collect::<Vec<_>>(), "{t:?}");
        }
        // (the past-tense verbs are ASCII, as `reports_in_the_past` reads them)
        assert!(Class::ReviewPastReporting.words().all(|w| w.is_ascii()));
        assert!(reports_in_the_past("said,") && !reports_in_the_past("Said"));
    }

    #[test]
    fn a_mention_is_lower_cased_as_to_lowercase_does() {
        for text in [
            "",
            "he",
            "He",
            "SHE'S",
            "a senior administration official",
            "A Senior Administration Official Familiar",
            "ÉLISE",
            "ǅemal",
            "Her’s",
        ] {
            let m = Mention::new(text);
            assert_eq!(m.lower(), text.to_lowercase(), "{text:?}");
            // (a word in lower case no longer than a mention of ASCII)
            let longest = m.lower().len();
            assert!(m.may_be_within(longest), "{text:?}");
            if text.is_ascii() && longest > 0 {
                assert!(!m.may_be_within(longest - 1), "{text:?}");
            }
        }
        assert!(*LONGEST_PERSONAL >= 3 && *LONGEST_PRONOUN >= *LONGEST_PERSONAL);
    }

    #[test]
    fn words_are_lower_case_and_keep_apostrophes() {
        assert_eq!(words("We won't STOP."), vec!["we", "won't", "stop"]);
        for text in [
            "We won't STOP, ÖDIPUS’ ΟΔΟΣ",
            "",
            "  ,. ",
            "“Ça va,” dit-il — l’été 2024’s! x",
            "ΟΔΟΣ. ΣΑΣ ΣΣ aΣ Σa",
            "İstanbul \u{212A}ELVIN K\u{212A} ’’ a’’b ''x''",
            "a\u{00a0}B\u{2014}C''D ÉLISE’S 3RD",
        ] {
            let w = Words::of(text);
            assert_eq!(w.iter().collect::<Vec<_>>(), words(text), "{text:?}");
            assert_eq!(w.lower, words(text).join(" "), "{text:?}");
        }
    }

    #[test]
    fn words_split_as_a_split_on_other_characters_would() {
        for s in [
            "",
            "  ",
            "We won't STOP.",
            "“Ça va,” dit-il — l’été 2024’s!",
            "ÖDIPUS’ ΟΔΟΣ x",
            "a\u{00a0}b\u{2014}c''d",
        ] {
            let plain: Vec<&str> = s
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(split_words(s).collect::<Vec<_>>(), plain, "{s:?}");
        }
    }
}
