//! Channel phrases as a grammar over tokens: a preposition or a verb and a noun phrase whose
//! head is a channel noun, with its determiners, possessives, modifiers and plurals ("in his
//! own written statement", "during a House Oversight Committee hearing", "told an applauding
//! crowd", "in court filings"). The nouns and verbs are word classes of
//! `lexicon/classes/channels.txt`; the rules are nom parsers over [`Toks`] in an ordered
//! table (`phrase_rules`).

use super::channel::{SPECIFICITY, Scope, channel};
use super::word_bounded;
use nom::Parser;
use nom::combinator::opt;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::grammar::{
    PResult, Phrase, Rule, Toks, comma, first_match, literal, modified, token, word_in,
};
use crate::lexicon::Class;
use crate::lexicon::LEXICON;
use crate::model::{Channel, ChannelKind, Span};
use crate::segment::{Tok, Token, tokens};

/// The channel nouns by class, and the kind each names.
const NOUNS: [(Class, ChannelKind); 10] = [
    (Class::ChannelSocialNouns, ChannelKind::SocialMedia),
    (Class::ChannelBroadcastNouns, ChannelKind::Broadcast),
    (Class::ChannelInterviewNouns, ChannelKind::Interview),
    (Class::ChannelPressNouns, ChannelKind::PressConference),
    (Class::ChannelHearingNouns, ChannelKind::Hearing),
    (Class::ChannelSpeechNouns, ChannelKind::Speech),
    (Class::ChannelStatementNouns, ChannelKind::Statement),
    (Class::ChannelLetterNouns, ChannelKind::LetterOrEmail),
    (Class::ChannelPublicationNouns, ChannelKind::Publication),
    (Class::ChannelOtherNouns, ChannelKind::Other),
];

/// The classes of [`NOUNS`], then of the audiences' nouns: the head nouns of every phrase
/// (one mask test, [`may_hold`]).
pub(super) const HEADS: [Class; 12] = {
    let mut out = [Class::ChannelAudienceNouns; 12];
    let mut k = 0;
    while k < NOUNS.len() {
        out[k] = NOUNS[k].0;
        k += 1;
    }
    out[10] = Class::ChannelPressAudienceNouns;
    out
};

/// What the grammar's rules (and a document source, and an occasion's subject) find nothing
/// without ([`may_hold_phrase`]'s first test): a channel's or an audience's head noun, or a
/// quotation.
pub(super) const NEEDS: super::channel::Needs = super::channel::Needs::Words(&HEADS, true);

/// The kind of channel a noun names: "statement" a statement, "hearings" a hearing (a word of
/// none of the classes is passed over by one mask test).
fn noun_kind(t: &Token) -> Option<ChannelKind> {
    if !t.classes.intersects(&HEADS[..NOUNS.len()]) {
        return None;
    }
    NOUNS.iter().find(|(c, _)| t.is(*c)).map(|(_, k)| *k)
}

/// Whether `word` is a channel noun of any kind: "hearing", "study", "tweets".
pub(super) fn is_channel_noun(word: &str) -> bool {
    NOUNS.iter().any(|(c, _)| c.contains(word))
}

/// Whether the word token `t` is, as written, a channel noun of any kind
/// ([`is_channel_noun`] of its text): read from the token's classes, a word of none of the
/// noun classes passed over by one mask test and only a word with a capital looked up again.
pub(super) fn is_channel_noun_token(t: &Token, text: &str) -> bool {
    t.classes.intersects(&HEADS[..NOUNS.len()]) && NOUNS.iter().any(|&(c, _)| t.is_written(c, text))
}

/// A channel noun, and the kind it names.
pub(super) fn channel_noun<'a>(i: Toks<'a>) -> PResult<'a, ChannelKind> {
    let (rest, t) = token(|_, t: &Token| t.kind == Tok::Word && noun_kind(t).is_some())(i)?;
    Ok((rest, noun_kind(t).unwrap_or(ChannelKind::Other)))
}

/// An audience: a crowd is told in a speech, reporters at a press conference.
fn audience_noun<'a>(i: Toks<'a>) -> PResult<'a, ChannelKind> {
    if let Ok((rest, _)) = word_in(Class::ChannelPressAudienceNouns)(i) {
        return Ok((rest, ChannelKind::PressConference));
    }
    let (rest, _) = word_in(Class::ChannelAudienceNouns)(i)?;
    Ok((rest, ChannelKind::Speech))
}

/// A modifier of a channel noun: a word that is not a function word, a determiner or a
/// word that ends the phrase ("of", "and"): "own", "written", "House", "Oversight".
fn modifier<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|_, t: &Token| {
        t.kind == Tok::Word
            && !t.is(Class::FunctionWords)
            && !t.is(Class::Determiners)
            && !t.is(Class::ChannelPhraseBreaks)
    })(i)
}

/// How many modifiers a channel's noun phrase has at most ([`noun_phrase`]).
const MODIFIERS: usize = 3;

/// A noun phrase headed by `head`: a determiner, a possessive, up to three modifiers.
pub(super) fn noun_phrase<'a, H>(
    head: H,
) -> impl FnMut(Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)>
where
    H: nom::Parser<Toks<'a>, Output = ChannelKind, Error = ()>,
{
    modified(MODIFIERS, modifier, head)
}

/// Whether `noun_phrase(channel_noun)` may parse at token `k` of `toks`: a channel noun, its
/// head, is one of the tokens it may read (a determiner, a possessive, the modifiers and the
/// head), tested by their class bits before the parser reads them one by one.
pub(super) fn may_head_a_phrase(toks: &[Token], k: usize) -> bool {
    toks.get(k..)
        .unwrap_or_default()
        .iter()
        .take(MODIFIERS + 3)
        .any(|t| t.kind == Tok::Word && noun_kind(t).is_some())
}

/// A quantity before the noun phrase, skipped: "a series of" in "a series of tweets", "one
/// of his" in "in one of his speeches".
fn quantity_of<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let (i, _) = opt(word_in(Class::Determiners)).parse(i)?;
    let (i, _) = word_in(Class::ChannelQuantityNouns)(i)?;
    let (i, _) = literal("of")(i)?;
    Ok((i, ()))
}

/// [`quantity_of`], where the quantity may itself be a determiner: "one of his".
fn any_quantity_of<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    quantity_of(i).or_else(|_| {
        let (i, _) = word_in(Class::ChannelQuantityNouns)(i)?;
        let (i, _) = literal("of")(i)?;
        Ok((i, ()))
    })
}

/// A channel noun phrase, with a quantity before it or not: "a lengthy speech", "a series of
/// tweets".
fn channel_np<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let (i, _) = opt(any_quantity_of).parse(i)?;
    noun_phrase(channel_noun)(i)
}

/// A preposition and a noun phrase headed by a channel noun: "he said in his own written
/// statement".
fn prep_channel<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelPhrasePreps)(i)?;
    let (rest, (p, kind)) = channel_np(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// "On" and a noun phrase headed by a broadcast noun: "On this weekend's broadcast of “Fox
/// News Sunday,” Pence said", "he said on his podcast" ("on" opens no other channel phrase:
/// "commented on the report" names no channel).
fn on_broadcast<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = literal("on")(i)?;
    let (i, _) = opt(any_quantity_of).parse(i)?;
    let (rest, (p, kind)) = noun_phrase(channel_noun)(i)?;
    if kind != ChannelKind::Broadcast {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A verb of telling and its audience: "she told an applauding crowd in Ohio".
fn told_audience<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelTellingVerbs)(i)?;
    let (rest, (p, kind)) = noun_phrase(audience_noun)(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A verb of speaking, "to" or "before", and an audience: "she spoke before a group of
/// farmers".
fn spoke_to_audience<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelSpeakingVerbs)(i)?;
    let (i, _) = word_in(Class::ChannelSpeakingPreps)(i)?;
    let (rest, (p, kind)) = noun_phrase(audience_noun)(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A verb of addressing and its audience: "he addressed a packed crowd".
fn addressed_audience<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelAddressingVerbs)(i)?;
    let (rest, (p, kind)) = noun_phrase(audience_noun)(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A verb of delivering, issuing or sending and its channel: "he delivered a lengthy speech",
/// "the city sent a cease-and-desist letter", "Trump unleashed a series of tweets".
fn delivered_channel<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelDeliveringVerbs)(i)?;
    let (i, _) = opt(word_in(Class::ChannelDeliveringParticles)).parse(i)?;
    let (rest, (p, kind)) = channel_np(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A verb of consenting or sitting, "to" or "for", and its channel: "Lynch agreed to a
/// 30-minute interview", "she sat down for an interview".
fn agreed_to_channel<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let start = i.at();
    let (i, _) = word_in(Class::ChannelAgreeingVerbs)(i)?;
    let (i, _) = opt(word_in(Class::ChannelAgreeingParticles)).parse(i)?;
    let (i, _) = word_in(Class::ChannelAgreeingPreps)(i)?;
    let (rest, (p, kind)) = channel_np(i)?;
    Ok((rest, (Phrase { start, ..p }, kind)))
}

/// A channel noun phrase that a "when" clause after it dates the saying by: "since Monday
/// night's debate, when Clinton cited …", "the hearing, when she said …".
fn channel_when<'a>(i: Toks<'a>) -> PResult<'a, (Phrase, ChannelKind)> {
    let (i, _) = opt(word_in(Class::ChannelWhenPreps)).parse(i)?;
    let (i, (p, kind)) = channel_np(i)?;
    let (rest, _) = (comma, literal("when")).parse(i)?;
    Ok((rest, (p, kind)))
}

/// The phrase rules, in order (at one word, the first that parses gives the phrase).
fn phrase_rules<'a>() -> [Rule<'a, (Phrase, ChannelKind)>; 8] {
    [
        Rule {
            name: "prep_channel",
            parse: prep_channel,
        },
        Rule {
            name: "on_broadcast",
            parse: on_broadcast,
        },
        Rule {
            name: "told_audience",
            parse: told_audience,
        },
        Rule {
            name: "spoke_to_audience",
            parse: spoke_to_audience,
        },
        Rule {
            name: "addressed_audience",
            parse: addressed_audience,
        },
        Rule {
            name: "delivered_channel",
            parse: delivered_channel,
        },
        Rule {
            name: "agreed_to_channel",
            parse: agreed_to_channel,
        },
        Rule {
            name: "channel_when",
            parse: channel_when,
        },
    ]
}

/// The phrase rules that may parse in `toks`: [`channel_when`], the last, only where a comma
/// and "when" follow each other (at every word it reads a noun phrase before looking for
/// them).
fn rules_for<'r, 'a>(
    text: &str,
    toks: &[Token],
    all: &'r [Rule<'a, (Phrase, ChannelKind)>; 8],
) -> &'r [Rule<'a, (Phrase, ChannelKind)>] {
    let when = toks.windows(2).any(|w| {
        w[0].kind == Tok::Punct
            && is_word(text, &w[0], ",")
            && w[1].kind == Tok::Word
            && is_word(text, &w[1], "when")
    });
    debug_assert_eq!(all[7].name, "channel_when");
    if when { all } else { &all[..7] }
}

/// Whether the region may hold a phrase of the grammar: a word of its paragraph there, outside
/// what the caller skips, is a channel's or an audience's head noun (every rule's phrase, and
/// every document source, has one). The region's own tokens hide what is skipped, so a word
/// inside a skipped span is none. Where a quotation is not skipped or a skipped span cuts a
/// word, it may; and so where a quotation stands and the paragraph's tokens leave text out
/// that the region's read (an embedded post). Without the paragraph's tokens, it may.
pub(super) fn may_hold_phrase(sc: &Scope) -> bool {
    *sc.may_hold.get_or_init(|| may_hold(sc))
}

/// [`may_hold_phrase`], read (once per scope: several rules ask).
fn may_hold(sc: &Scope) -> bool {
    let Some(toks) = sc.reach else {
        return true;
    };
    // (no head and no quotation reaches into the region: the loop below would find none)
    if sc
        .triggers
        .is_some_and(|t| !t.quote && !t.classes.intersects(&HEADS))
    {
        return false;
    }
    let skipped = |t: &Token| {
        sc.ctx
            .quotes
            .iter()
            .any(|q| q.start <= t.start && t.end <= q.end)
    };
    let head = |t: &Token| t.classes.intersects(&HEADS);
    // (one pass: a head or a quotation outside what is skipped settles it; one inside is
    // remembered)
    let mut skipped_only = false;
    for t in toks
        .iter()
        .filter(|t| head(t) || matches!(t.kind, Tok::Quote(_)))
    {
        if !skipped(t) {
            return true;
        }
        skipped_only = true;
    }
    // (a head or a quotation skipped: the region's tokens may still read a word the
    // paragraph's do not)
    skipped_only && (skip_cuts_a_word(sc, toks) || leaves_text_out(sc, toks))
}

/// Whether a span the caller skips starts or ends inside a token of `toks` (the region's
/// tokens then differ from the paragraph's).
fn skip_cuts_a_word(sc: &Scope, toks: &[Token]) -> bool {
    let cuts = |b: usize| {
        let k = toks.partition_point(|t| t.end <= b);
        toks.get(k).is_some_and(|t| t.start < b)
    };
    sc.ctx
        .quotes
        .iter()
        .filter(|q| q.start < sc.region.end && sc.region.start < q.end)
        .any(|q| cuts(q.start.max(sc.region.start)) || cuts(q.end.min(sc.region.end)))
}

/// Whether the paragraph's tokens `toks` leave out text of the region that is not white
/// space (an embedded post the paragraph's tokens pass over).
fn leaves_text_out(sc: &Scope, toks: &[Token]) -> bool {
    // (most gaps are none or one space, read by its byte; only a longer one's text is looked
    // at, apart)
    let bytes = sc.text.as_bytes();
    let mut at = sc.region.start;
    for t in toks {
        let s = t.start;
        if s > at && !(s == at + 1 && bytes[at] == b' ') && gap_has_text(sc, at, s) {
            return true;
        }
        at = at.max(t.end);
    }
    let end = sc.region.end;
    end > at && !(end == at + 1 && bytes[at] == b' ') && gap_has_text(sc, at, end)
}

/// Whether the tokens `toks` lie inside the region in order, each after the one before ends,
/// and leave none of its text out but white space: one pass, [`leaves_text_out`]'s with the
/// test of each token's start against the end before it.
fn tiles_the_region(sc: &Scope, toks: &[Token]) -> bool {
    let (bytes, end) = (sc.text.as_bytes(), sc.region.end);
    let mut at = sc.region.start;
    for t in toks {
        let s = t.start;
        // (a token that starts before the region or inside the one before)
        if s < at {
            return false;
        }
        if s > at && !(s == at + 1 && bytes[at] == b' ') && gap_has_text(sc, at, s) {
            return false;
        }
        at = t.end;
    }
    // (the last token ends inside the region, and white space at most follows it)
    at <= end && !(end > at && !(end == at + 1 && bytes[at] == b' ') && gap_has_text(sc, at, end))
}

/// Whether the text `at..s` between two tokens of the region (cut at its end) is more than
/// white space.
#[cold]
fn gap_has_text(sc: &Scope, at: usize, s: usize) -> bool {
    !sc.text[at..s.min(sc.region.end)].trim().is_empty()
}

/// The tokens of the region, each quotation inside it one token (made once per scope).
pub(super) fn region_tokens<'s>(sc: &'s Scope) -> &'s [Token] {
    sc.toks.get_or_init(|| make_region_tokens(sc))
}

/// The tokens of the clause, read off its paragraph's where the caller has them (no
/// tokenizing: a lead or a show's name is read at its words, whatever the clause skips),
/// else the region's own.
pub(super) fn clause_tokens<'s>(sc: &'s Scope) -> &'s [Token] {
    let Some(toks) = sc.ctx.para_toks else {
        return region_tokens(sc);
    };
    let r = sc.region;
    let from = toks.partition_point(|t| t.start < r.start);
    let to = toks.partition_point(|t| t.end <= r.end).max(from);
    &toks[from..to]
}

/// [`region_tokens`], made.
fn make_region_tokens<'a>(sc: &Scope<'a>) -> Cow<'a, [Token]> {
    let mut quotes: Vec<Span> = sc
        .ctx
        .quotes
        .iter()
        .filter(|q| q.start < sc.region.end && sc.region.start < q.end)
        .map(|q| Span {
            start: q.start.max(sc.region.start),
            end: q.end.min(sc.region.end),
        })
        .collect();
    quotes.sort_by_key(|q| q.start);
    // (the reported content may hold quotations: overlapping spans are merged into one, in
    // place)
    let mut merged = quotes;
    merged.dedup_by(|q, m| {
        let overlaps = q.start < m.end;
        if overlaps {
            m.end = m.end.max(q.end);
        }
        overlaps
    });
    if let Some(toks) = from_paragraph(sc, &merged) {
        return toks;
    }
    let quotes: Vec<(usize, Span)> = merged.into_iter().enumerate().collect();
    Cow::Owned(tokens(sc.text, sc.region, &quotes))
}

/// The region's tokens read off its paragraph's (`ctx.para_toks`), each of the skipped spans
/// `merged` (in order, inside the region) one quotation token, where tokenizing the region
/// again gives the same: no token of the paragraph crosses the region's ends or a skipped
/// span's, every quotation of the paragraph there is skipped, and the paragraph's tokens
/// leave no text out (the lexer reads a word from its start up to where it may end, and
/// nothing past a span's start decides where a word before it ends). Otherwise none. Where
/// nothing is skipped, they are the paragraph's own (no copy).
fn from_paragraph<'a>(sc: &Scope<'a>, merged: &[Span]) -> Option<Cow<'a, [Token]>> {
    let toks = sc.reach?;
    if !tiles_the_region(sc, toks) {
        return None;
    }
    if merged.is_empty() {
        // (as the loop below reads it: every token kept, and none a quotation)
        let quoted = toks.iter().any(|t| matches!(t.kind, Tok::Quote(_)));
        return (!quoted).then_some(Cow::Borrowed(toks));
    }
    let quote = |k: usize, q: Span| Token {
        kind: Tok::quote(k),
        start: q.start,
        end: q.end,
        classes: &crate::lexicon::ClassSet::EMPTY,
        verb: crate::lexicon::info::NO_VERB,
        flags: 0,
    };
    // (the tokens are in order and overlap none: of those before a span only the last may
    // reach into it, of those inside it only the last may reach past it; the runs between
    // spans are copied whole, those inside found by their bounds)
    let kept = |run: &[Token]| !run.iter().any(|t| matches!(t.kind, Tok::Quote(_)));
    let mut out = Vec::with_capacity(toks.len() + merged.len());
    let mut j = 0;
    for (k, &q) in merged.iter().enumerate() {
        let a = j + toks[j..].partition_point(|t| t.start < q.start);
        let before = &toks[j..a];
        if !kept(before) || before.last().is_some_and(|t| t.end > q.start) {
            return None;
        }
        out.extend_from_slice(before);
        out.push(quote(k, q));
        j = a + toks[a..].partition_point(|t| t.start < q.end);
        if j > a && toks[j - 1].end > q.end {
            return None;
        }
    }
    if !kept(&toks[j..]) {
        return None;
    }
    out.extend_from_slice(&toks[j..]);
    Some(Cow::Owned(out))
}

/// The classes of the words the phrase rules other than [`channel_when`] open with (and
/// "on", [`on_broadcast`]'s).
const RULE_OPENERS: [Class; 6] = [
    Class::ChannelPhrasePreps,
    Class::ChannelTellingVerbs,
    Class::ChannelSpeakingVerbs,
    Class::ChannelAddressingVerbs,
    Class::ChannelDeliveringVerbs,
    Class::ChannelAgreeingVerbs,
];

/// Whether token `t` may open a phrase of a rule other than [`channel_when`]: a word of
/// [`RULE_OPENERS`] or "on" (a test of its bits, then of two bytes).
fn opens_a_rule(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word && (t.classes.intersects(&RULE_OPENERS) || is_word(text, t, "on"))
}

/// Whether token `t` of `text` is `w` in any ASCII case: its length first, then its bytes
/// (most tokens are passed over by their length).
fn is_word(text: &str, t: &Token, w: &str) -> bool {
    t.end - t.start == w.len() && text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
}

/// Whether a phrase belongs to the attribution, not to what is reported: it stands before
/// the cue, or is the cue's own phrase, or follows the cue with no more between them than
/// commas and time words ("said Tuesday in a statement", not "said he was named in the
/// report").
fn on_the_cue_side(sc: &Scope, toks: &[Token], p: Phrase) -> bool {
    let Some((_, cue)) = sc.ctx.cue else {
        return true;
    };
    let (s, e) = (toks[p.start].start, toks[p.end - 1].end);
    if e <= cue.start || s < cue.end {
        return true;
    }
    let gap: Vec<&Token> = toks
        .iter()
        .filter(|t| t.start >= cue.end && t.end <= s)
        .collect();
    gap.len() <= 4
        && gap.iter().all(|t| {
            (t.kind == Tok::Punct && t.is_text(sc.text, ","))
                || t.is(Class::AdjunctOpeners)
                || t.is(Class::Auxiliaries)
                || t.is(Class::ChannelGapWords)
        })
}

/// A channel phrase read by the grammar: "during a House Oversight Committee hearing". Of
/// several, the most specific kind wins; among equals, the first.
pub(super) fn channel_grammar(sc: &Scope) -> Option<Channel> {
    if !may_hold_phrase(sc) {
        return None;
    }
    let toks = region_tokens(sc);
    // (every rule's phrase ends with a head noun: no word after the last one opens one)
    let last = toks.iter().rposition(|t| t.classes.intersects(&HEADS))?;
    let all = phrase_rules();
    let rules = rules_for(sc.text, toks, &all);
    // (without `channel_when`, every rule opens with a word of its own: the others are passed
    // over by their token)
    let gated = rules.len() < all.len();
    let mut best: Option<(usize, Channel)> = None;
    for k in 0..=last {
        if gated && !opens_a_rule(sc.text, &toks[k]) {
            continue;
        }
        let i = Toks::new(sc.text, toks, k, toks.len());
        let Some((_, _, (p, kind))) = first_match(rules, i) else {
            continue;
        };
        if !on_the_cue_side(sc, toks, p) {
            continue;
        }
        let rank = SPECIFICITY.iter().position(|c| *c == kind).unwrap_or(99);
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, described(sc, toks, p, kind)));
        }
    }
    best.map(|(_, c)| c)
}

/// The channel of phrase `p`: its modifiers may put it on air ("a televised interview") or
/// name its outlet ("a Bloomberg interview"); a tweet is on Twitter.
pub(super) fn described(sc: &Scope, toks: &[Token], p: Phrase, kind: ChannelKind) -> Channel {
    let (s, e) = (toks[p.start].start, toks[p.end - 1].end);
    let on_air = toks[p.start..p.head]
        .iter()
        .any(|t| t.is(Class::ChannelBroadcastModifiers));
    let kind = match kind {
        ChannelKind::Interview | ChannelKind::Speech if on_air => ChannelKind::Broadcast,
        k => k,
    };
    let mut c = channel(kind, sc.text, s, e);
    if kind == ChannelKind::SocialMedia {
        c.platform = Some("twitter".to_string());
    }
    let before_head = toks[p.head].start;
    c.outlet = outlet_before(sc.text, s, before_head)
        .or_else(|| outlet_after(sc, e))
        .map(|o| super::channel::outlet_name(sc.text, sc.region, o).to_string());
    if kind == ChannelKind::Broadcast {
        of_programme(sc, &mut c);
    }
    c
}

/// A broadcast takes the outlet and programme it names after "of", within the region:
/// "On Wednesday’s broadcast of CNN’s “New Day,” …" (`outlet::broadcast_of`).
fn of_programme(sc: &Scope, c: &mut Channel) {
    let Some((outlet, programme, end)) = super::outlet::broadcast_of(sc.text, c.end, sc.ctx.quotes)
    else {
        return;
    };
    if end > sc.region.end {
        return;
    }
    if c.outlet.is_none() {
        c.outlet = outlet.map(|o| super::channel::outlet_name(sc.text, sc.region, o).to_string());
    }
    c.programme = programme;
    c.end = end;
    c.text = sc.text[c.start..end].to_string();
}

/// The first listed outlet that stands as a whole word or words in `s..e` of `text` ("a
/// Bloomberg interview"): it starts at a word there, so only the words whose first byte opens
/// an outlet are compared with the list, not every byte with every outlet.
fn outlet_before(text: &str, s: usize, e: usize) -> Option<&'static &'static str> {
    let bytes = &text.as_bytes()[..e];
    let mut starts = [0usize; 8];
    let mut n = 0;
    for at in s..e {
        let after_word = || {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        if OUTLETS_BY_FIRST_BYTE[usize::from(bytes[at])].is_empty() || after_word() {
            continue;
        }
        if n == starts.len() {
            // (a long stretch: every outlet compared at every byte, as before)
            return LEXICON.outlets.iter().find(|o| {
                occurrences(&text[s..e], o).any(|a| word_bounded(text, s + a, s + a + o.len()))
            });
        }
        starts[n] = at;
        n += 1;
    }
    // (the first outlet of the list that stands at one of the starts: at each, only the
    // outlets that open with its byte are compared, and the first of the list among all that
    // stand is kept)
    let first = starts[..n]
        .iter()
        .filter_map(|&at| {
            OUTLETS_BY_FIRST_BYTE[usize::from(bytes[at])]
                .iter()
                .copied()
                .find(|&k| {
                    let o = LEXICON.outlets[k];
                    bytes[at..].starts_with(o.as_bytes()) && word_bounded(text, at, at + o.len())
                })
        })
        .min()?;
    LEXICON.outlets.get(first)
}

/// Per byte, the listed outlets that start with it, by their index in the list, in order.
static OUTLETS_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut by_byte = vec![Vec::new(); 256];
    for (k, o) in LEXICON.outlets.iter().enumerate() {
        if let Some(&b) = o.as_bytes().first() {
            by_byte[usize::from(b)].push(k);
        }
    }
    by_byte
});

/// A listed outlet right after a channel phrase that ends at `e`, after "for", "with" or
/// "by": "an interview for The Washington Post's project", "a study by Reuters".
fn outlet_after(sc: &Scope, e: usize) -> Option<&'static &'static str> {
    let rest = sc.text[e..sc.region.end.max(e)].trim_start();
    let (link, name) = rest.split_once(' ')?;
    if !Class::ChannelOutletLinks.contains(link) {
        return None;
    }
    let at = sc.region.end.max(e) - rest.len() + link.len() + 1;
    LEXICON
        .outlets
        .iter()
        .filter(|o| name.starts_with(**o) && word_bounded(sc.text, at, at + o.len()))
        .max_by_key(|o| o.len())
}

/// Where `needle` occurs in `hay`, left to right and not overlapping (as `match_indices`
/// finds them), by a plain scan: the words before a phrase's head are few, too few to pay
/// for a substring searcher per outlet.
fn occurrences<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let mut i = 0;
    std::iter::from_fn(move || {
        if n.is_empty() {
            return None;
        }
        while i + n.len() <= h.len() {
            if h[i..].starts_with(n) {
                let at = i;
                i += n.len();
                return Some(at);
            }
            i += 1;
        }
        None
    })
}

/// A phrase of the grammar that starts where the lexicon's phrase `c` starts and reads on
/// past it: "in court filings" is a filing, not "in court".
pub(super) fn longer_than(sc: &Scope, c: &Channel) -> Option<Channel> {
    if !may_hold_phrase(sc) {
        return None;
    }
    let toks = region_tokens(sc);
    let k = toks.iter().position(|t| t.start == c.start)?;
    let i = Toks::new(sc.text, toks, k, toks.len());
    let all = phrase_rules();
    let (_, _, (p, kind)) = first_match(rules_for(sc.text, toks, &all), i)?;
    let longer = toks[p.end - 1].end > c.end && on_the_cue_side(sc, toks, p);
    longer.then(|| described(sc, toks, p, kind))
}

#[cfg(test)]
mod tests {
    use super::super::Context;
    use super::super::lists::Matches;
    use super::super::test_support::all;
    use super::*;

    #[test]
    fn a_channel_noun_token_is_a_channel_noun_as_written() {
        let mut forms = vec!["hEaring".to_string(), "iPhone".into(), "the".into()];
        for (c, _) in NOUNS {
            for w in c.set().iter() {
                let cap = w[..1].to_uppercase() + &w[1..];
                forms.extend([w.to_string(), cap, w.to_uppercase(), w.to_lowercase()]);
            }
        }
        for t in &forms {
            for tok in tokens(t, all(t), &[])
                .iter()
                .filter(|k| k.kind == Tok::Word)
            {
                let w = tok.text(t);
                assert_eq!(is_channel_noun_token(tok, t), is_channel_noun(w), "{w}");
            }
        }
    }

    #[test]
    fn every_rule_but_channel_when_opens_with_a_word_of_the_openers() {
        // (`channel_grammar` tries them only at such words)
        let t = "In a speech, on his podcast he told an applauding crowd and spoke to \
                 reporters, addressed voters, gave a speech, sat down for an interview, agreed \
                 to a 30-minute interview, delivered a series of tweets, fired off a tweet, ON \
                 the broadcast, at a hearing, during the debate, via email, through a memo.";
        let toks = tokens(t, all(t), &[]);
        let rules = phrase_rules();
        assert_eq!(rules[7].name, "channel_when");
        let mut found = 0;
        for k in 0..toks.len() {
            let i = Toks::new(t, &toks, k, toks.len());
            if first_match(&rules[..7], i).is_some() {
                found += 1;
                assert!(opens_a_rule(t, &toks[k]), "{}", toks[k].text(t));
            }
        }
        assert!(found >= 12, "{found}");
    }

    #[test]
    fn the_head_mask_holds_the_words_of_every_head_class_and_no_other() {
        let text = "the crowd told reporters in a statement and the hearing on Twitter";
        let whole = Span {
            start: 0,
            end: text.len(),
        };
        let toks = tokens(text, whole, &[]);
        for t in &toks {
            let each = noun_kind(t).is_some()
                || t.is(Class::ChannelPressAudienceNouns)
                || t.is(Class::ChannelAudienceNouns);
            assert_eq!(t.classes.intersects(&HEADS), each, "{}", t.text(text));
        }
        let heads = toks.iter().filter(|t| t.classes.intersects(&HEADS));
        assert_eq!(heads.count(), 4, "crowd, reporters, statement, hearing");
        assert!(!toks[0].classes.intersects(&[]));
    }

    #[test]
    fn an_outlet_before_the_head_is_the_first_listed_that_stands_whole() {
        // (as comparing every listed outlet at every byte finds it)
        let every = |t: &str| {
            LEXICON
                .outlets
                .iter()
                .find(|o| occurrences(t, o).any(|a| word_bounded(t, a, a + o.len())))
        };
        for t in [
            "a NBC News interview",
            "the Fox News' own",
            "his CNNx and (AP) BBC",
            "a long long long long long long long long long CBS interview",
            "x",
            "a Reuters, CNN and Fox News joint",
            "the Fox and Fox News and NBC",
        ] {
            assert_eq!(outlet_before(t, 0, t.len()), every(t), "{t}");
        }
        // (no outlet holds its own start after a mark, where the comparison of every
        // occurrence and the left-to-right search could disagree)
        for o in &LEXICON.outlets {
            for (k, c) in o.char_indices().filter(|(_, c)| !c.is_alphanumeric()) {
                let rest = &o[k + c.len_utf8()..];
                assert!(rest.is_empty() || !o.starts_with(rest), "{o}");
            }
        }
    }

    #[test]
    fn the_region_tokens_read_off_the_paragraph_are_those_tokenized_again() {
        let t = "“We will win,” she told the U.S. Senate in a statement on Jan. 5 that the \
                 plan, Smith's aides' plan, was dead.";
        let q = t.find('”').unwrap() + "”".len();
        let toks = crate::segment::tokens(t, all(t), &[(0, Span { start: 0, end: q })]);
        let content = t.find("the plan").unwrap();
        let matches = Matches::default();
        let key = |t: &Token| (t.kind, t.start, t.end, t.classes, t.verb, t.flags);
        let skips = [
            vec![Span { start: 0, end: q }],
            vec![
                Span { start: 0, end: q },
                Span {
                    start: content,
                    end: t.len(),
                },
            ],
            vec![Span {
                start: content,
                end: t.len(),
            }],
        ];
        for skip in &skips {
            let ctx = Context {
                cue: None,
                speaker: None,
                quotes: skip,
                para_toks: Some(&toks),
            };
            // (every region whose ends no token crosses)
            let ends: Vec<usize> = toks.iter().flat_map(|t| [t.start, t.end]).collect();
            for &a in &ends {
                for &b in ends.iter().filter(|&&b| b > a) {
                    let sc = Scope::new(t, Span { start: a, end: b }, &ctx, &matches);
                    let read = region_tokens(&sc);
                    let quotes: Vec<(usize, Span)> = skip
                        .iter()
                        .filter(|q| q.start < b && a < q.end)
                        .map(|q| Span {
                            start: q.start.max(a),
                            end: q.end.min(b),
                        })
                        .enumerate()
                        .collect();
                    let lexed = crate::segment::tokens(t, Span { start: a, end: b }, &quotes);
                    assert!(
                        read.iter().map(key).eq(lexed.iter().map(key)),
                        "{:?}",
                        &t[a..b]
                    );
                }
            }
        }
        // A skipped span that cuts a word: the region is tokenized again.
        let cut = [Span {
            start: content + 2,
            end: t.len(),
        }];
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes: &cut,
            para_toks: Some(&toks),
        };
        let sc = Scope::new(t, all(t), &ctx, &matches);
        assert!(from_paragraph(&sc, &cut).is_none());
    }

    #[test]
    fn occurrences_are_found_left_to_right_without_overlap() {
        let found: Vec<usize> = occurrences("a CNN and CNN CNNN", "CNN").collect();
        assert_eq!(found, vec![2, 10, 14]);
        assert_eq!(occurrences("aaaa", "aa").collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(occurrences("ab", "abc").count(), 0);
    }

    /// The channel the grammar reads in `t`, with the cue at the word `cue`.
    fn read(t: &str, cue: &str) -> Option<(ChannelKind, String)> {
        let at = t.find(cue).unwrap_or(0);
        let ctx = Context {
            cue: Some((
                "say",
                Span {
                    start: at,
                    end: at + cue.len(),
                },
            )),
            speaker: None,
            quotes: &[],
            para_toks: None,
        };
        let hits = Matches::new(t, all(t));
        let sc = Scope::new(t, all(t), &ctx, &hits);
        channel_grammar(&sc).map(|c| (c.kind, c.text))
    }

    #[test]
    fn a_region_with_no_head_noun_outside_what_is_skipped_holds_no_phrase() {
        let t = "“We won the debate,” she said, smiling.";
        let q = Span {
            start: 0,
            end: t.find(',').unwrap() + "”".len() + 1,
        };
        let toks = crate::segment::tokens(t, all(t), &[(0, q)]);
        let may = |quotes: &[Span], toks: &[Token]| {
            let ctx = Context {
                cue: None,
                speaker: None,
                quotes,
                para_toks: Some(toks),
            };
            let hits = Matches::new(t, all(t));
            may_hold_phrase(&Scope::new(t, all(t), &ctx, &hits))
        };
        // (the quotation is skipped: "debate" in it is read by no rule)
        assert!(!may(&[q], &toks));
        // (a quotation not skipped may hold one)
        assert!(may(&[], &toks));
        // (text the paragraph's tokens leave out is read by the region's)
        let gap: Vec<Token> = toks
            .iter()
            .copied()
            .filter(|k| k.text(t) != "she")
            .collect();
        assert!(may(&[q], &gap));
    }

    #[test]
    fn an_outlet_after_for_or_with_is_the_phrases() {
        let t = "Lynch agreed to a 30-minute interview for The Washington Post's project, saying";
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes: &[],
            para_toks: None,
        };
        let hits = Matches::new(t, all(t));
        let sc = Scope::new(t, all(t), &ctx, &hits);
        let c = channel_grammar(&sc).expect("an interview");
        assert_eq!(c.outlet.as_deref(), Some("The Washington Post"));
        assert_eq!(outlet_after(&sc, t.find(" on").unwrap_or(0)), None);
    }

    #[test]
    fn a_preposition_and_a_modified_channel_noun() {
        assert_eq!(
            read("he said in his own written statement", "said"),
            Some((
                ChannelKind::Statement,
                "in his own written statement".into()
            ))
        );
        assert_eq!(
            read(
                "she said during a House Oversight Committee hearing",
                "said"
            ),
            Some((
                ChannelKind::Hearing,
                "during a House Oversight Committee hearing".into()
            ))
        );
        assert_eq!(
            read("the company said in court filings", "said"),
            Some((ChannelKind::Publication, "in court filings".into()))
        );
        assert_eq!(
            read("At a speech in Ohio, he said", "said").map(|c| c.0),
            Some(ChannelKind::Speech)
        );
    }

    #[test]
    fn on_and_a_broadcast_noun() {
        assert_eq!(
            read(
                "On this weekend's broadcast of “Fox News Sunday,” Pence said",
                "said"
            ),
            Some((ChannelKind::Broadcast, "On this weekend's broadcast".into()))
        );
        assert_eq!(
            read("he said on his podcast that", "said"),
            Some((ChannelKind::Broadcast, "on his podcast".into()))
        );
        assert_eq!(
            read("During an episode of the show, he said", "said").map(|c| c.0),
            Some(ChannelKind::Broadcast)
        );
        // "On" opens no other channel phrase.
        assert_eq!(read("On the report, he said", "said"), None);
    }

    #[test]
    fn a_verb_and_its_audience_or_its_channel() {
        assert_eq!(
            read("Smith told an applauding crowd in Ohio", "told"),
            Some((ChannelKind::Speech, "told an applauding crowd".into()))
        );
        assert_eq!(
            read("she said, telling reporters", "said").map(|c| c.0),
            Some(ChannelKind::PressConference)
        );
        assert_eq!(
            read("he delivered a lengthy speech, saying", "saying").map(|c| c.0),
            Some(ChannelKind::Speech)
        );
        assert_eq!(
            read("Lynch agreed to a 30-minute interview, saying", "saying"),
            Some((
                ChannelKind::Interview,
                "agreed to a 30-minute interview".into()
            ))
        );
        assert_eq!(
            read("she sat down for an interview, saying", "saying").map(|c| c.0),
            Some(ChannelKind::Interview)
        );
        assert_eq!(read("she agreed to the plan, saying", "saying"), None);
        assert_eq!(
            read("It grew after Monday's debate, when she said", "said").map(|c| c.0),
            Some(ChannelKind::Speech)
        );
        assert_eq!(read("It grew after the debate, and she said", "said"), None);
    }

    #[test]
    fn modifiers_name_the_outlet_or_put_it_on_air() {
        assert_eq!(read("he said in the course of their report", "said"), None);
        assert_eq!(
            read("he told his radio audience", "told").map(|c| c.0),
            Some(ChannelKind::Broadcast)
        );
    }

    #[test]
    fn the_grammar_reads_on_past_a_phrase_of_the_lexicon() {
        use super::super::find;
        let t = "the company said in court filings";
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes: &[],
            para_toks: None,
        };
        let c = find(t, all(t), &ctx).unwrap();
        assert_eq!(
            (c.kind, c.text.as_str()),
            (ChannelKind::Publication, "in court filings")
        );
    }

    #[test]
    fn speaking_to_or_addressing_an_audience() {
        assert_eq!(
            read("she spoke before a group of farmers, saying", "saying"),
            Some((ChannelKind::Speech, "spoke before a group".into()))
        );
        assert_eq!(
            read("he addressed a packed crowd, saying", "saying").map(|c| c.0),
            Some(ChannelKind::Speech)
        );
        assert_eq!(
            read("she spoke to reporters, saying", "saying").map(|c| c.0),
            Some(ChannelKind::PressConference)
        );
    }

    #[test]
    fn a_verb_and_its_channel_with_a_quantity() {
        assert_eq!(
            read(
                "Smith fired off a series of angry tweets early Friday, saying",
                "saying"
            ),
            Some((
                ChannelKind::SocialMedia,
                "fired off a series of angry tweets".into()
            ))
        );
        assert_eq!(
            read(
                "The city sent a cease-and-desist letter, demanding",
                "demanding"
            )
            .map(|c| c.0),
            Some(ChannelKind::LetterOrEmail)
        );
        assert_eq!(
            read("In one of her speeches, she said", "said").map(|c| c.0),
            Some(ChannelKind::Speech)
        );
        assert_eq!(read("she said the letter was forged", "said"), None);
    }

    #[test]
    fn a_tweetstorm_is_on_twitter() {
        assert_eq!(
            read("he wrote in a tweetstorm", "wrote").map(|c| c.0),
            Some(ChannelKind::SocialMedia)
        );
    }

    #[test]
    fn a_phrase_inside_the_reported_content_is_not_the_channel() {
        assert_eq!(read("he said he was named in the report", "said"), None);
        assert_eq!(
            read("she said Tuesday in a statement", "said").map(|c| c.0),
            Some(ChannelKind::Statement)
        );
    }
}
