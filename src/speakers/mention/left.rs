//! [`left`]: the mention that ends just before a cue, read leftwards from it.
//!
//! The driver skips the verb group and a time, tries the rules of [`BEFORE_PEEL`], peels
//! appositions and parentheses ([`super::peel`]), finds where the head's phrase starts, and
//! tries the rules of [`BARE_HEAD`], [`AFTER_HEAD`] and [`OPENED`] in order before it
//! builds the mention from its tokens.

use super::peel::{Appos, peel};
use super::rules::{
    determined_phrase, group_phrase, plain_nouns, relation_phrase, relative_clause,
};
use super::*;
use crate::cues::plain_noun;
use crate::grammar::Toks;

/// The mention that ends just before token `cue` (skipping "also", "had" …), not reaching
/// before token `lo`.
pub(crate) fn left<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    cue: usize,
) -> Option<Mention<'t>> {
    left_past(text, toks, lo, cue, None)
}

/// [`left`], given `aux` when it is known: the first of the auxiliaries right before the
/// cue (each a word that [`aux_or_negated`] answers for, the word before it none, as a verb
/// cue's rules read them), which are not read again.
pub(crate) fn left_past<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    cue: usize,
    aux: Option<usize>,
) -> Option<Mention<'t>> {
    let i = verb_group_start(text, toks, lo, cue, aux);
    let i = before_time(text, toks, lo, i);
    if i == lo {
        return None;
    }
    let at = Before { text, toks, lo, i };
    if let Some(m) = BEFORE_PEEL.iter().find_map(|(_, r)| r(&at)) {
        return Some(m);
    }
    let (end, appos) = peel(text, toks, lo, i)?;
    let mut np = Np {
        text,
        toks,
        lo,
        end,
        s: head_start(text, toks, lo, end),
        appos,
    };
    if np.s == end {
        match BARE_HEAD.iter().find_map(|(_, r)| r(&np)) {
            Some(Head::Mention(m)) => return Some(m),
            Some(Head::Start(s)) => np.s = s,
            None => {}
        }
    }
    if let Some(m) = AFTER_HEAD.iter().find_map(|(_, r)| r(&np)) {
        return Some(m);
    }
    // A mention opens with neither a starter nor a joining word ("and Clinton").
    while np.s < end
        && (starter(text, &toks[np.s]) || written(text, &toks[np.s], Class::SpeakerJoiningWords))
    {
        np.s += 1;
    }
    if np.s == end {
        return None;
    }
    if let Some(m) = OPENED.iter().find_map(|(_, r)| r(&np)) {
        return Some(m);
    }
    build(text, &toks[np.s..end], appos.map(|(a, b)| &toks[a..b]))
}

/// The words before the verb group, `lo..i`.
struct Before<'a, 't> {
    text: &'t str,
    toks: &'a [Token],
    lo: usize,
    i: usize,
}

/// A mention's phrase: tokens `s..end` (the head's phrase as read so far), its apposition.
struct Np<'a, 't> {
    text: &'t str,
    toks: &'a [Token],
    lo: usize,
    end: usize,
    s: usize,
    appos: Appos,
}

/// What a rule on a bare head finds: the mention itself, or where its phrase starts.
enum Head<'t> {
    Mention(Mention<'t>),
    Start(usize),
}

type BeforeRule = (
    &'static str,
    for<'a, 't> fn(&Before<'a, 't>) -> Option<Mention<'t>>,
);
type HeadRule = (
    &'static str,
    for<'a, 't> fn(&Np<'a, 't>) -> Option<Head<'t>>,
);
type NpRule = (
    &'static str,
    for<'a, 't> fn(&Np<'a, 't>) -> Option<Mention<'t>>,
);

/// Rules on the words right before the verb group, before any apposition is peeled.
const BEFORE_PEEL: &[BeforeRule] = &[
    ("relation_adjective", relation_adjective),
    ("quantity", |b| quantity(b.text, b.toks, b.lo, b.i)),
    ("pronoun", |b| pronoun(b.text, &b.toks[b.i - 1])),
    ("lone_determiner", lone_subject),
];

/// "Another said", "Yet another said": a determiner standing for someone, alone before the
/// verb at the clause's start (after words that only open a sentence).
fn lone_subject<'t>(b: &Before<'_, 't>) -> Option<Mention<'t>> {
    let t = &b.toks[b.i - 1];
    // (the determiner first: the words before are read only after one)
    let opens = || b.toks[b.lo..b.i - 1].iter().all(|w| starter(b.text, w));
    (lone_determiner(b.text, t) && opens()).then(|| lone(b.text, t))
}

/// Rules for a head that no mention word ends (a plain noun, a relative clause): the first
/// that matches decides. The relative clause comes first: "an official who spoke … said".
const BARE_HEAD: &[HeadRule] = &[
    ("before_relative_clause", before_relative_clause),
    ("determiner_phrase", determiner_phrase),
    ("bare_plural_opening", bare_plural_opening),
    ("bare_plural_after_opener", bare_plural_after_opener),
];

/// Rules on the head's phrase, before its opening starters are dropped.
const AFTER_HEAD: &[NpRule] = &[
    ("role_before_preposition", role_before_preposition),
    ("group_with_phrase", group_with_phrase),
    ("before_participle_phrase", before_participle_phrase),
];

/// Rules on the head's phrase once it opens with a mention word: the speaker between the
/// commas comes before the mention before a prepositional phrase.
const OPENED: &[NpRule] = &[
    ("speaker_between_commas", speaker_between_commas),
    ("before_prepositional_phrase", before_prepositional_phrase),
];

/// "is pledging", "has also said", "Trump has lately started asking": the verb group's
/// first token — auxiliaries, a negation, a verb of aspect before a participle and an
/// adverb in -ly go with the verb.
/// (`aux`: the first of the auxiliaries before the cue, when known: see [`left_past`].)
fn verb_group_start(
    text: &str,
    toks: &[Token],
    lo: usize,
    cue: usize,
    aux: Option<usize>,
) -> usize {
    let mut i = cue;
    let progressive = toks[cue].text(text).ends_with("ing");
    // (a word the cue's rules read is answered from them)
    let is_aux = |k: usize| match aux {
        Some(a) if k >= a => true,
        Some(a) if k + 1 == a => false,
        _ => aux_or_negated(text, &toks[k]),
    };
    while i > lo
        && toks[i - 1].kind == Tok::Word
        // ("Both argue": a quantity opening the sentence is its subject)
        && !(i - 1 == lo
            && lower_in(text, &toks[i - 1], Class::Quantities))
        && (is_aux(i - 1)
            || (progressive
                && written(text, &toks[i - 1], Class::SpeakerProgressiveAuxiliaries)))
    {
        i -= 1;
    }
    if progressive
        && i == cue
        && i > lo + 1
        && crate::lexicon::with_lower(toks[i - 1].text(text), |l| LEXICON.aspect_verbs.contains(l))
    {
        i -= 1;
        while i > lo + 1
            && toks[i - 1].kind == Tok::Word
            && (aux_or_negated(text, &toks[i - 1]) || {
                let w = toks[i - 1].text(text);
                w.len() > 4 && w.ends_with("ly") && !is_capitalized(w)
            })
        {
            i -= 1;
        }
    }
    i
}

/// "Beck on Wednesday called", "Priebus later Thursday told": a time between the subject
/// and its verb; the subject ends before it (and before its auxiliaries).
fn before_time(text: &str, toks: &[Token], lo: usize, i: usize) -> usize {
    let time_noun = |t: &Token| time_word(text, t) || written(text, t, Class::SpeakerTimeNouns);
    if !(i > lo + 1 && time_noun(&toks[i - 1])) {
        return i;
    }
    let mut j = i - 1;
    // ("A Monmouth poll out Monday showed")
    while j > lo && i - j < 4 && written(text, &toks[j - 1], Class::SpeakerTimePreceders) {
        j -= 1;
    }
    if j < i - 1 || written(text, &toks[i - 1], Class::SpeakerDeicticDays) {
        let mut i = j;
        while i > lo
            && toks[i - 1].kind == Tok::Word
            && crate::cues::is_aux_token(text, &toks[i - 1])
        {
            i -= 1;
        }
        return i;
    }
    i
}

/// "a source close to him said", "people familiar with the talks say": the mention is the
/// noun phrase before the adjective of relation; the phrase after it belongs to the mention.
fn relation_adjective<'t>(b: &Before<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, i) = (b.text, b.toks, b.lo, b.i);
    let a = (lo.max(i.saturating_sub(7))..i.saturating_sub(2))
        .rev()
        .find(|&a| {
            // (the token's bits first: most words are no adjective of relation)
            toks[a].is(Class::RelationAdjectives)
                && relation_phrase(Toks::new(text, toks, a, i)).is_ok()
        })?;
    if a <= lo {
        return None;
    }
    let mut m = left(text, toks, lo, a).filter(|m| !m.pronoun)?;
    m.end = toks[i - 1].end;
    Some(m)
}

/// Where the head's phrase starts: the run of mention words before `end`, and "The
/// transport secretary said": plain nouns between a determiner and the head.
fn head_start(text: &str, toks: &[Token], lo: usize, end: usize) -> usize {
    let mut s = end;
    while s > lo && np_token(text, &toks[s - 1]) {
        s -= 1;
    }
    if s < end && s > lo && plain_noun(text, &toks[s - 1]) {
        let det = (lo.max(s.saturating_sub(3))..s)
            .rev()
            .find(|&d| det_token(text, &toks[d]));
        if let Some(d) = det
            && toks[d + 1..s].iter().all(|t| plain_noun(text, t))
        {
            s = d;
        }
    }
    s
}

/// "a White House official who spoke anonymously to discuss strategy said": the mention
/// before a relative clause that runs up to the verb; "Katie Packer, who is chairman of Our
/// Principles PAC said": the relative clause opened by a comma that the writer never closed.
fn before_relative_clause<'t>(np: &Np<'_, 't>) -> Option<Head<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    if np.appos.is_some() {
        return None;
    }
    // (a word's bit of the relative openers first: most words are none, and are not read)
    let w = (lo.max(end.saturating_sub(16))..end).rev().find(|&w| {
        toks[w].is(Class::SpeakerRelativeOpeners) && matches!(toks[w].text(text), "who" | "which")
    })?;
    if w <= lo || relative_clause(Toks::new(text, toks, w, end)).is_err() {
        return None;
    }
    left(text, toks, lo, w)
        .or_else(|| {
            (w > lo + 1 && toks[w - 1].is_text(text, ","))
                .then(|| left(text, toks, lo, w - 1))
                .flatten()
        })
        .filter(|m| !m.pronoun)
        .map(Head::Mention)
}

/// "the authors said", "the newspaper admitted": a plain noun closing a phrase that a
/// determiner opens ("the U.S. backed Afghanistan government": a participle after a name is
/// one of its modifiers).
fn determiner_phrase<'t>(np: &Np<'_, 't>) -> Option<Head<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    if !(end >= lo + 2 && plain_noun(text, &toks[end - 1])) {
        return None;
    }
    let d = (lo.max(end.saturating_sub(5))..end - 1)
        .rev()
        .find(|&d| det_token(text, &toks[d]))?;
    determined_phrase(Toks::new(text, toks, d, end - 1))
        .is_ok()
        .then_some(Head::Start(d))
}

/// A plural head: longer than three letters, in "-s" but not "-ss", in lower case.
fn plural_head(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !is_capitalized(w)
}

/// "Authorities reported", "Media outlets estimate", "Two other emails highlight": a bare
/// plural opening the sentence, with no determiner.
fn bare_plural_opening<'t>(np: &Np<'_, 't>) -> Option<Head<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    let words = end > lo
        && end - lo <= 4
        && toks[lo..end].iter().all(|t| {
            t.kind == Tok::Word
                && (plain_noun(text, t)
                    || is_capitalized(t.text(text))
                    || t.text(text).chars().all(|c| c.is_ascii_digit())
                    || crate::lexicon::with_lower(t.text(text), crate::cues::is_modifier))
        });
    let plural = words && {
        let head = toks[end - 1].text(text);
        plural_head(head) || (end - lo == 1 && head.len() > 3 && head.ends_with('s'))
    };
    plural.then_some(Head::Start(lo))
}

/// "… that investigators said", "but security specialists say": a bare plural after a word
/// that opens a clause.
fn bare_plural_after_opener<'t>(np: &Np<'_, 't>) -> Option<Head<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    if !(end > lo && plural_head(toks[end - 1].text(text)) && plain_noun(text, &toks[end - 1])) {
        return None;
    }
    let b = (lo.max(end.saturating_sub(3))..end)
        .find(|&b| plain_nouns(Toks::new(text, toks, b, end)).is_ok())?;
    (b == lo || {
        crate::lexicon::with_lower(toks[b - 1].text(text), |w| {
            w == ","
                || w == "that"
                || LEXICON.clause_joiners.contains(w)
                || Class::SpeakerClauseRelatives.contains(w)
        })
    })
    .then_some(Head::Start(b))
}

/// "a spokeswoman for the operator", "an official with the ministry": the head is the role
/// before the preposition.
fn role_before_preposition<'t>(np: &Np<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, s, end) = (np.text, np.toks, np.lo, np.s, np.end);
    if !(s > lo + 1 && s < end && written(text, &toks[s - 1], Class::SpeakerRolePrepositions)) {
        return None;
    }
    let mut h = s - 1;
    while h > lo && (np_token(text, &toks[h - 1]) || plain_noun(text, &toks[h - 1])) && s - h < 6 {
        h -= 1;
    }
    if !(h < s - 1 && is_role(text, &toks[s - 2])) {
        return None;
    }
    let mut m = build(text, &toks[h..s - 1], None)?;
    m.end = toks[end - 1].end;
    m.role = Some(words_text(text, strip_det(text, &toks[h..end])));
    Some(m)
}

/// "Voters in the state said", "supporters across the four states say": a noun phrase and a
/// phrase after it; the mention is the first, and runs to the verb.
fn group_with_phrase<'t>(np: &Np<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    if !(np.s == end && np.appos.is_none()) {
        return None;
    }
    let p = (lo.max(end.saturating_sub(6))..end.saturating_sub(1))
        .rev()
        .find(|&p| written(text, &toks[p], Class::SpeakerGroupPrepositions))?;
    if !(p > lo
        && group_phrase(Class::SpeakerGroupPrepositions)(Toks::new(text, toks, p, end)).is_ok())
    {
        return None;
    }
    let mut m = left(text, toks, lo, p)
        .filter(|m| !m.pronoun && (m.kind != EntityKind::Unknown || m.name.ends_with('s')))?;
    m.end = toks[end - 1].end;
    Some(m)
}

/// "Protesters marching through the streets chanted", "Officials speaking on condition of
/// anonymity said": a participle phrase after the subject (no comma in it, at most
/// [`MAX_PARTICIPLE_PHRASE`] words); the speaker is the mention before the participle.
fn before_participle_phrase<'t>(np: &Np<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, end) = (np.text, np.toks, np.lo, np.end);
    if np.appos.is_some() {
        return None;
    }
    let from = lo.max(end.saturating_sub(MAX_PARTICIPLE_PHRASE)) + 1;
    // (a token's length and last bytes first, read from the text's bytes: most words are
    // no participle, and are not sliced)
    let bytes = text.as_bytes();
    let p = (from..np.s.min(end)).find(|&p| {
        let t = &toks[p];
        t.end - t.start > 4 && bytes[t.end - 3..t.end] == *b"ing" && !is_capitalized(t.text(text))
    })?;
    if !toks[p..end].iter().all(|t| t.kind == Tok::Word) {
        return None;
    }
    left(text, toks, lo, p).filter(|m| {
        !m.pronoun
            && (matches!(m.kind, EntityKind::Person | EntityKind::Anonymous)
                || (m.kind != EntityKind::Document && m.name.ends_with('s')))
    })
}

/// The most words a participle phrase between a speaker and the verb may hold.
const MAX_PARTICIPLE_PHRASE: usize = 8;

/// "after winning Ohio in the primary, Gov. John Kasich (R-OH), said": the phrase before
/// the commas is a preposition's object; the speaker is what stands between them.
fn speaker_between_commas<'t>(np: &Np<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, s) = (np.text, np.toks, np.lo, np.s);
    let (a, b) = np.appos?;
    (s > lo
        && b < toks.len()
        && toks[b].is_text(text, ",")
        && written(text, &toks[s - 1], Class::SpeakerObjectPrepositions)
        && is_capitalized(toks[a].text(text))
        && b - a > 2)
        .then(|| left(text, toks, a, b))
        .flatten()
}

/// A phrase opening with a preposition next to the verb: the mention before it, read once.
/// "A survey of 1,000 adults in Iowa showed", "Republicans in Congress said": a document or
/// a group before a place, the mention running to the verb; "Trump in his announcement
/// speech called", "a staffer in the room wondered": the speaker stands before the phrase.
/// ("More from Jones:" is a roundup's source, Jones.)
fn before_prepositional_phrase<'t>(np: &Np<'_, 't>) -> Option<Mention<'t>> {
    let (text, toks, lo, s, end) = (np.text, np.toks, np.lo, np.s, np.end);
    if !(np.appos.is_none() && s > lo + 1) {
        return None;
    }
    let p = toks[s - 1].text(text);
    if !written(text, &toks[s - 1], Class::SpeakerAdjunctPrepositions) {
        return None;
    }
    let m = left(text, toks, lo, s - 1)?;
    if Class::SpeakerPlaceGroupPrepositions.contains(p)
        && !m.pronoun
        && (matches!(m.kind, EntityKind::Document | EntityKind::Organization)
            || (m.kind != EntityKind::Person && m.name.ends_with('s')))
    {
        let mut m = m;
        m.end = toks[end - 1].end;
        return Some(m);
    }
    (p != "across"
        && !(p == "from" && toks[s - 2].is_text(text, "More"))
        && (matches!(m.kind, EntityKind::Person | EntityKind::Anonymous) || m.pronoun))
        .then_some(m)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn the_auxiliaries_a_verb_cue_found_are_read_as_left_reads_them() {
        for (text, cue) in [
            ("Smith has also said", "said"),
            ("Both argue", "argue"),
            ("Trump has lately started asking", "asking"),
            ("Smith said", "said"),
            ("Most have said", "said"),
        ] {
            let t = toks(text);
            let c = t.iter().position(|x| x.text(text) == cue).unwrap();
            let mut b = c;
            while b > 0 && t[b - 1].kind == Tok::Word && aux_or_negated(text, &t[b - 1]) {
                b -= 1;
            }
            assert_eq!(
                left_past(text, &t, 0, c, Some(b)),
                left(text, &t, 0, c),
                "{text}"
            );
        }
    }

    #[test]
    fn role_before_name() {
        // "Taliban spokesman Suhail Shaheen announced"
        let m = left_of("Taliban spokesman Suhail Shaheen announced", "announced").unwrap();
        assert_eq!(m.name, "Suhail Shaheen");
        assert_eq!(m.role.as_deref(), Some("Taliban spokesman"));
        assert_eq!(m.kind, EntityKind::Person);
        assert_eq!(m.gender, Gender::Male);
    }

    #[test]
    fn apposition_gives_the_role() {
        let text =
            "Zalmay Khalilzad, U.S. special representative for Afghanistan reconciliation, said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Zalmay Khalilzad");
        assert_eq!(
            m.role.as_deref(),
            Some("U.S. special representative for Afghanistan reconciliation")
        );
    }

    #[test]
    fn titles_and_party_labels() {
        let text = "Senate Majority Leader Mitch McConnell, R-Ky., said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Mitch McConnell");
        assert_eq!(m.role.as_deref(), Some("Senate Majority Leader, R-Ky."));
        let m = left_of("Sen. Bernie Sanders (I-Vt.) said", "said").unwrap();
        assert_eq!(m.name, "Bernie Sanders");
        assert_eq!(m.role.as_deref(), Some("Sen."));
        let m = left_of("But Mrs. Clinton also said", "said").unwrap();
        assert_eq!(m.name, "Clinton");
        assert_eq!(m.gender, Gender::Female);
    }

    #[test]
    fn lone_determiner_rule() {
        assert_eq!(left_of("Yet another said", "said").unwrap().name, "another");
        assert_eq!(left_of("another said", "said").unwrap().name, "another");
        let m = left_of("Another challenge said", "said");
        assert!(m.as_ref().is_none_or(|m| m.name != "Another"), "{m:?}");
        // (not after other words: "the two said" is read as a phrase)
        let m = left_of("Smith and another said", "said");
        assert!(m.as_ref().is_none_or(|m| m.name != "another"), "{m:?}");
    }

    #[test]
    fn organizations_anonymous_documents_pronouns() {
        assert_eq!(
            left_of("the Taliban said", "said").unwrap().kind,
            EntityKind::Organization
        );
        assert_eq!(
            left_of("the State Department said", "said").unwrap().kind,
            EntityKind::Organization
        );
        assert_eq!(
            left_of("a senior official said", "said").unwrap().kind,
            EntityKind::Anonymous
        );
        assert_eq!(
            left_of("The agreement says", "says").unwrap().kind,
            EntityKind::Document
        );
        let he = left_of("he later said", "said").unwrap();
        assert!(he.pronoun);
        assert_eq!(he.name, "he");
    }

    #[test]
    fn a_time_between_subject_and_verb() {
        // "Beck on Wednesday called"
        assert_eq!(
            left_of("Beck on Wednesday called", "called").unwrap().name,
            "Beck"
        );
    }

    #[test]
    fn the_verb_group_goes_with_the_verb() {
        // "Trump has lately started asking"
        let m = left_of("Trump has lately started asking", "asking").unwrap();
        assert_eq!(m.name, "Trump");
    }

    #[test]
    fn relation_adjective_rule() {
        // "a source close to him said"
        let m = left_of("a source close to him said", "said").unwrap();
        assert_eq!(m.name, "a source");
        assert_eq!(
            &"a source close to him said"[m.start..m.end],
            "a source close to him"
        );
    }

    #[test]
    fn before_relative_clause_rule() {
        // "a White House official who spoke anonymously said"
        let text = "a White House official who spoke anonymously said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "a White House official");
    }

    #[test]
    fn determiner_phrase_rule() {
        // "the authors said"
        let m = left_of("the authors said", "said").unwrap();
        assert_eq!(m.name, "the authors");
    }

    #[test]
    fn bare_plural_rules() {
        // "Authorities reported"
        assert_eq!(
            left_of("Authorities reported", "reported").unwrap().name,
            "Authorities"
        );
        // "… that investigators said"
        let m = left_of("It was clear that investigators said", "said").unwrap();
        assert_eq!(m.name, "investigators");
    }

    #[test]
    fn role_before_preposition_rule() {
        // "a spokeswoman for the operator said"
        let m = left_of("a spokeswoman for the operator said", "said").unwrap();
        assert_eq!(m.role.as_deref(), Some("spokeswoman for the operator"));
    }

    #[test]
    fn before_participle_phrase_rule() {
        // "Protesters marching through the streets chanted"
        let text = "Protesters marching through the streets chanted";
        let m = left_of(text, "chanted").unwrap();
        assert_eq!(&text[m.start..m.end], "Protesters");
        let text = "Officials speaking on condition of anonymity said";
        assert_eq!(left_of(text, "said").unwrap().name, "Officials");
    }

    #[test]
    fn group_with_phrase_rule() {
        // "Voters in the state said"
        let text = "Voters in the state said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(&text[m.start..m.end], "Voters in the state");
        // "Experts on nuclear nonproliferation said"
        let text = "Experts on nuclear nonproliferation said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(&text[m.start..m.end], "Experts on nuclear nonproliferation");
    }

    #[test]
    fn before_prepositional_phrase_rule() {
        // "Trump in his announcement speech called"
        let m = left_of("Trump in his announcement speech called", "called").unwrap();
        assert_eq!(m.name, "Trump");
    }
}
