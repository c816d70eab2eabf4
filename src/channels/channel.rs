//! The channel rules: an ordered table (`CHANNEL_RULES`) tried in turn on a statement's
//! clause; the first rule that finds a channel gives it.

use super::lists::Matches;
use super::outlet::{broadcast_on_outlet, interview_with_outlet, on_a_named_show, told_the_writer};
use super::phrase::{channel_grammar, longer_than};
use super::source::document_source;
use super::{Context, find_in_clause, outside, word_bounded};
use crate::lexicon::{Class, ClassSet, LEXICON};
use crate::model::{Channel, ChannelKind, EntityKind, Span};
use crate::segment::{Token, is_capitalized};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What a channel rule looks at: the clause of a statement, what is known of the statement,
/// and the paragraph's list matches.
pub(super) struct Scope<'a> {
    pub text: &'a str,
    pub region: Span,
    pub ctx: &'a Context<'a>,
    pub hits: &'a Matches,
    /// The region's tokens (`phrase::region_tokens`), made on first use: several rules read
    /// them (the paragraph's own where the region skips nothing).
    pub toks: std::cell::OnceCell<std::borrow::Cow<'a, [crate::segment::Token]>>,
    /// Whether the region may hold a phrase of the grammar (`phrase::may_hold_phrase`),
    /// read on first use.
    pub may_hold: std::cell::OnceCell<bool>,
    /// The trigger gate of the rules ([`Triggers`]): none without the paragraph's tokens.
    pub triggers: Option<Triggers>,
    /// The paragraph's tokens that reach into the region ([`reaching`]), found once for the
    /// rules that read them: none without the paragraph's tokens.
    pub reach: Option<&'a [Token]>,
}

/// The tokens of `toks` (a paragraph's, in text order) that reach into `region`: a search
/// at each end, not a pass.
pub(super) fn reaching(toks: &[Token], region: Span) -> &[Token] {
    let from = toks.partition_point(|t| t.end <= region.start);
    let toks = &toks[from..];
    &toks[..toks.partition_point(|t| t.start < region.end)]
}

/// What the paragraph's tokens that reach into a region hold, read once per region and
/// shared by every rule: the union of their word classes, and whether one is a quotation. A
/// rule that cannot fire without a word of some class returns at once where the union has
/// none of it ([`Scope::may_have`]).
#[derive(Clone, Copy)]
pub(super) struct Triggers {
    pub classes: ClassSet,
    pub quote: bool,
}

impl Triggers {
    /// The triggers of the tokens of `toks` (a paragraph's, in text order) that reach into
    /// `region`: the same tokens the rules read there (`phrase::clause_tokens` is a part).
    pub(super) fn of(toks: &[Token], region: Span) -> Triggers {
        Triggers::of_reaching(reaching(toks, region))
    }

    /// The triggers of the tokens `toks` that reach into a region ([`reaching`]).
    fn of_reaching(toks: &[Token]) -> Triggers {
        let mut classes = ClassSet::EMPTY;
        // (the kinds' codes ORed: 2 is among them where a quotation is)
        let mut kinds = 0;
        for t in toks {
            classes = classes.union(*t.classes);
            kinds |= t.kind.code();
        }
        let quote = kinds & crate::segment::Tok::quote(0).code() != 0;
        Triggers { classes, quote }
    }
}

impl<'a> Scope<'a> {
    /// The scope of `region` of `text`.
    pub(super) fn new(
        text: &'a str,
        region: Span,
        ctx: &'a Context<'a>,
        hits: &'a Matches,
    ) -> Self {
        let reach = ctx.para_toks.map(|toks| reaching(toks, region));
        let triggers = reach.map(Triggers::of_reaching);
        Scope::with_reach(text, region, ctx, hits, triggers, reach)
    }

    /// [`Scope::new`] with the region's triggers read by the caller.
    pub(super) fn with_triggers(
        text: &'a str,
        region: Span,
        ctx: &'a Context<'a>,
        hits: &'a Matches,
        triggers: Option<Triggers>,
    ) -> Self {
        let reach = ctx.para_toks.map(|toks| reaching(toks, region));
        Scope::with_reach(text, region, ctx, hits, triggers, reach)
    }

    /// [`Scope::with_triggers`] with the tokens that reach into the region found by the
    /// caller.
    fn with_reach(
        text: &'a str,
        region: Span,
        ctx: &'a Context<'a>,
        hits: &'a Matches,
        triggers: Option<Triggers>,
        reach: Option<&'a [Token]>,
    ) -> Self {
        Scope {
            text,
            region,
            ctx,
            hits,
            toks: std::cell::OnceCell::new(),
            may_hold: std::cell::OnceCell::new(),
            triggers,
            reach,
        }
    }

    /// Whether a token that reaches into the region may be of one of `classes` (without the
    /// paragraph's tokens, any may).
    pub(super) fn may_have(&self, classes: &[Class]) -> bool {
        self.triggers.is_none_or(|t| t.classes.intersects(classes))
    }
}

/// What a rule finds no channel without, in a region of a sentence with no cue and no speaker
/// (an occasion sentence's): its trigger gate, declared beside it in `CHANNEL_RULES`.
#[derive(Clone, Copy)]
pub(super) enum Needs {
    /// The statement's cue or speaker: in such a region, nothing.
    Context,
    /// A channel phrase or an outlet of the lists in the region ([`lists_hold`]).
    Lists,
    /// A word of one of the classes that reaches into the region, or, if `true`, a
    /// quotation there ([`Triggers`]).
    Words(&'static [Class], bool),
}

impl Needs {
    /// Whether a rule that needs this may find a channel in a region with no cue and no
    /// speaker whose tokens hold `triggers`, where the lists hold a channel phrase or an outlet
    /// if `lists`.
    pub(super) fn met(self, triggers: Triggers, lists: bool) -> bool {
        match self {
            Needs::Context => false,
            Needs::Lists => lists,
            Needs::Words(classes, quote) => {
                quote && triggers.quote || triggers.classes.intersects(classes)
            }
        }
    }
}

/// What a rule finds no channel without in a statement's clause: one of the facts of a clause
/// that [`Cued::of`] reads once, before any rule (each rule still tests what it reads: the
/// gate only passes over a rule that would find nothing). Its gate, declared beside it in
/// `CHANNEL_RULES`.
#[derive(Clone, Copy)]
struct Cued(u16);

impl Cued {
    /// Nothing cheap to know: the rule is called (it tests what it reads first).
    const ANY: Cued = Cued(0);
    /// A channel phrase of the lists in the region.
    const PHRASES: Cued = Cued(1);
    /// An outlet of the lists in the region.
    const OUTLETS: Cued = Cued(1 << 1);
    /// A word of a lead of an unlisted outlet (`unlisted::LEADS`) that reaches into it.
    const LEADS: Cued = Cued(1 << 2);
    /// A word "Show" that reaches into it (`outlet::SHOW_CLASSES`).
    const SHOW: Cued = Cued(1 << 3);
    /// A channel's or an audience's head noun or a quotation that reaches into it
    /// (`phrase::NEEDS`, `may_hold_phrase`'s first test).
    const HEADS: Cued = Cued(1 << 4);
    /// A speaker that is a document.
    const DOCUMENT: Cued = Cued(1 << 5);
    /// A cue of telling the writer (`outlet::WRITER_CUES`).
    const TOLD: Cued = Cued(1 << 6);
    /// A cue that implies a channel ([`IMPLIED`]).
    const IMPLYING: Cued = Cued(1 << 7);

    /// The facts of scope `sc` (the words of a class: those of the tokens that reach into it,
    /// every one without the paragraph's tokens).
    fn of(sc: &Scope) -> Cued {
        let words = |classes: &[Class], quote: bool| {
            sc.triggers
                .is_none_or(|t| quote && t.quote || t.classes.intersects(classes))
        };
        let lemma = sc.ctx.cue.map(|(l, _)| l);
        let document = matches!(sc.ctx.speaker, Some((EntityKind::Document, _)));
        let facts = [
            (Cued::PHRASES, lists_hold_one(sc.hits.phrases(), sc.region)),
            (Cued::OUTLETS, lists_hold_one(sc.hits.outlets(), sc.region)),
            (Cued::LEADS, words(&super::unlisted::LEADS, false)),
            (Cued::SHOW, words(&super::outlet::SHOW_CLASSES, false)),
            (Cued::HEADS, words(&super::phrase::HEADS, true)),
            (Cued::DOCUMENT, document),
            (
                Cued::TOLD,
                lemma.is_some_and(|l| super::outlet::WRITER_CUES.contains(&l)),
            ),
            (
                Cued::IMPLYING,
                lemma.is_some_and(|l| IMPLIED_LEMMAS.contains(&l)),
            ),
        ];
        Cued(
            facts
                .iter()
                .fold(0, |m, &(c, f)| if f { m | c.0 } else { m }),
        )
    }

    /// Whether a rule gated by `self` may find a channel where the clause's facts are `facts`.
    fn met(self, facts: Cued) -> bool {
        self.0 == 0 || self.0 & facts.0 != 0
    }
}

/// Whether a match of `list` lies in `region` (most clauses' lists hold none: no search).
fn lists_hold_one(list: &[super::lists::Match], region: Span) -> bool {
    !list.is_empty() && Matches::within(list, region).next().is_some()
}

/// A named channel rule.
struct ChannelRule {
    /// The rule's name (read by tests and when debugging a rule).
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    find: fn(&Scope) -> Option<Channel>,
    /// What it finds nothing without where the sentence has no cue and no speaker.
    needs: Needs,
    /// What it finds nothing without in any clause.
    cued: Cued,
}

/// The channel rules, in order: the order is the precedence. A broadcast with its outlet
/// beats an interview with its outlet ("in an interview on the BBC" is on air), which beats
/// a phrase of the lexicon; the speaker as a medium and an outlet that reports come next,
/// then what the cue implies, and last the grammar of channel phrases.
const CHANNEL_RULES: &[ChannelRule] = &[
    ChannelRule {
        name: "broadcast_on_outlet",
        find: broadcast_on_outlet,
        needs: Needs::Lists,
        cued: Cued::OUTLETS,
    },
    ChannelRule {
        name: "interview_with_outlet",
        find: interview_with_outlet,
        needs: Needs::Lists,
        cued: Cued::OUTLETS,
    },
    ChannelRule {
        name: "told_unlisted_outlet",
        find: super::unlisted::told_unlisted_outlet,
        needs: Needs::Words(&super::unlisted::LEADS, false),
        cued: Cued::LEADS,
    },
    ChannelRule {
        name: "on_a_named_show",
        find: on_a_named_show,
        needs: Needs::Words(&super::outlet::SHOW_CLASSES, false),
        cued: Cued::SHOW,
    },
    ChannelRule {
        name: "told_the_writer",
        find: told_the_writer,
        needs: Needs::Context,
        cued: Cued::TOLD,
    },
    ChannelRule {
        name: "channel_phrase",
        find: channel_phrase,
        needs: Needs::Lists,
        cued: Cued::PHRASES,
    },
    ChannelRule {
        name: "speaker_is_a_medium",
        find: speaker_is_a_medium,
        needs: Needs::Context,
        cued: Cued::DOCUMENT,
    },
    ChannelRule {
        name: "document_source",
        find: document_source,
        needs: Needs::Context,
        cued: Cued::HEADS,
    },
    ChannelRule {
        name: "outlet_that_reports",
        find: outlet_that_reports,
        needs: Needs::Context,
        cued: Cued::ANY,
    },
    ChannelRule {
        name: "implied_by_the_cue",
        find: implied_by_the_cue,
        needs: Needs::Context,
        cued: Cued::IMPLYING,
    },
    // Last: the grammar reads the variants of channel phrases that the lexicon does not
    // list, where nothing above has found a channel.
    ChannelRule {
        name: "channel_grammar",
        find: channel_grammar,
        needs: super::phrase::NEEDS,
        cued: Cued::HEADS,
    },
];

/// How many classes the rules that need no cue or speaker name (`Needs::Words`).
const UNCUED_COUNT: usize = {
    let mut n = 0;
    let mut k = 0;
    while k < CHANNEL_RULES.len() {
        if let Needs::Words(classes, _) = CHANNEL_RULES[k].needs {
            n += classes.len();
        }
        k += 1;
    }
    n
};

/// What the rules that need no cue or speaker need, together (read from `CHANNEL_RULES`, so
/// that a rule added there is read here): the classes of their words, whether a quotation
/// serves one, whether the lists' matches do.
const UNCUED: ([Class; UNCUED_COUNT], bool, bool) = {
    let mut classes = [Class::ChannelShowWords; UNCUED_COUNT];
    let (mut quote, mut lists) = (false, false);
    let (mut n, mut k) = (0, 0);
    while k < CHANNEL_RULES.len() {
        match CHANNEL_RULES[k].needs {
            Needs::Words(words, q) => {
                let mut j = 0;
                while j < words.len() {
                    classes[n] = words[j];
                    n += 1;
                    j += 1;
                }
                quote |= q;
            }
            Needs::Lists => lists = true,
            Needs::Context => {}
        }
        k += 1;
    }
    (classes, quote, lists)
};

/// Whether some rule of `CHANNEL_RULES` may find a channel in a region with no cue and no
/// speaker whose tokens hold `triggers`, where the lists hold a channel phrase or an outlet if
/// `lists` (the rules' [`Needs`], met by one test of the union): where none may, the region
/// states no channel of the rules.
pub(super) fn may_find_uncued(triggers: Triggers, lists: bool) -> bool {
    let (classes, quote, listed) = &UNCUED;
    *listed && lists || *quote && triggers.quote || triggers.classes.intersects(classes)
}

/// Whether a channel phrase or an outlet of the lists lies in `region` (the rules that read
/// the lists read those alone).
pub(super) fn lists_hold(hits: &Matches, region: Span) -> bool {
    Matches::within(hits.phrases(), region).next().is_some()
        || Matches::within(hits.outlets(), region).next().is_some()
}

/// The channel kind a data file names.
fn kind_of(name: &str) -> ChannelKind {
    match name {
        "social_media" => ChannelKind::SocialMedia,
        "statement" => ChannelKind::Statement,
        "interview" => ChannelKind::Interview,
        "press_conference" => ChannelKind::PressConference,
        "broadcast" => ChannelKind::Broadcast,
        "speech" => ChannelKind::Speech,
        "hearing" => ChannelKind::Hearing,
        "letter_or_email" => ChannelKind::LetterOrEmail,
        "publication" => ChannelKind::Publication,
        _ => ChannelKind::Other,
    }
}

/// A channel of `kind` over `s..e` of `text`.
pub(super) fn channel(kind: ChannelKind, text: &str, s: usize, e: usize) -> Channel {
    Channel {
        kind,
        platform: None,
        outlet: None,
        programme: None,
        text: text[s..e].to_string(),
        start: s,
        end: e,
        carried: false,
    }
}

/// The channel stated in `region` of `text`, outside the quotations: the first rule of
/// `CHANNEL_RULES` that finds one.
#[cfg(test)]
pub(crate) fn find(text: &str, region: Span, ctx: &Context) -> Option<Channel> {
    find_in(text, region, ctx, &Matches::new(text, region))
}

/// [`find`] with the paragraph's automaton matches already found.
pub(crate) fn find_in(text: &str, region: Span, ctx: &Context, hits: &Matches) -> Option<Channel> {
    find_in_scope(&Scope::new(text, region, ctx, hits))
}

/// [`find_in`] in a scope made by the caller (who reads it again after).
pub(super) fn find_in_scope(sc: &Scope) -> Option<Channel> {
    let facts = Cued::of(sc);
    CHANNEL_RULES
        .iter()
        .filter(|r| r.cued.met(facts))
        .find_map(|r| (r.find)(sc))
}

/// "Politifact … They published the results of their check": a publication or a broadcast
/// whose phrase names no outlet is the speaker's, when the speaker resolves to a listed
/// outlet (`kind` and resolved `name`; an organisation, not a person), and the phrase names
/// nothing after its first word.
pub(crate) fn speaker_outlet(
    text: &str,
    region: Span,
    kind: EntityKind,
    name: &str,
    c: &mut Channel,
) {
    let on_air = matches!(c.kind, ChannelKind::Publication | ChannelKind::Broadcast);
    if !on_air || c.outlet.is_some() || c.platform.is_some() || kind != EntityKind::Organization {
        return;
    }
    // (a phrase that names something, "writing a Washington Post op-ed", may name another)
    if c.text.split_whitespace().skip(1).any(is_capitalized) {
        return;
    }
    if let Some(outlet) = outlet_named(without_article(name)) {
        c.outlet = Some(outlet_name(text, region, outlet).to_string());
    }
}

/// The name of the rule that gives the channel, for debugging and tests.
#[cfg(test)]
pub(super) fn rule_of(text: &str, region: Span, ctx: &Context) -> Option<&'static str> {
    let hits = Matches::new(text, region);
    let sc = Scope::new(text, region, ctx, &hits);
    CHANNEL_RULES
        .iter()
        .find(|r| (r.find)(&sc).is_some())
        .map(|r| r.name)
}

/// Channel kinds from the most specific to the least, for choosing among phrases.
pub(super) const SPECIFICITY: [ChannelKind; 10] = [
    ChannelKind::SocialMedia,
    ChannelKind::Broadcast,
    ChannelKind::Interview,
    ChannelKind::PressConference,
    ChannelKind::Hearing,
    ChannelKind::Speech,
    ChannelKind::Statement,
    ChannelKind::LetterOrEmail,
    ChannelKind::Publication,
    ChannelKind::Other,
];

/// Words that open a phrase stating a channel by themselves ("via Twitter", "in a
/// statement", "told reporters"); a phrase that starts otherwise ("briefing", "memo") counts
/// only after a preposition among the four words before it ("at the daily briefing",
/// "according to an internal memo"), so that "the letter was forged" states no channel.
fn opens_itself(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    Class::ChannelOpeners.contains(&first)
}

/// Per phrase of the lexicon (`LEXICON.channels`), whether it opens itself ([`opens_itself`]),
/// read once.
static OPENS_ITSELF: LazyLock<Vec<bool>> = LazyLock::new(|| {
    LEXICON
        .channels
        .iter()
        .map(|c| opens_itself(c.phrase))
        .collect()
});

/// Whether a preposition of the class stands among the four words before `start` (lower
/// case, marks around it trimmed).
fn preposition_before(text: &str, start: usize) -> bool {
    text[..start].split_whitespace().rev().take(4).any(|w| {
        crate::lexicon::with_lower(w, |w| {
            Class::ChannelPrepositions.contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
    })
}

/// A channel phrase of the lexicon: "he said at a news conference". Of several, the most
/// specific kind wins ("in a video posted on YouTube" is social media, not "other"); among
/// equals, the first. A phrase the grammar reads on past ("in court filings") is the
/// grammar's.
fn channel_phrase(sc: &Scope) -> Option<Channel> {
    let mut best: Option<(usize, Channel)> = None;
    for (s, e, pat) in Matches::within(sc.hits.phrases(), sc.region) {
        let entry = &LEXICON.channels[pat];
        if !word_bounded(sc.text, s, e) || !outside(sc.ctx.quotes, s, e) {
            continue;
        }
        if !OPENS_ITSELF[pat] && !preposition_before(sc.text, s) {
            continue;
        }
        let kind = kind_of(entry.kind);
        let rank = SPECIFICITY
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(SPECIFICITY.len());
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            let mut c = channel(kind, sc.text, s, e);
            c.platform = entry.platform.map(str::to_string);
            best = Some((rank, c));
        }
    }
    best.map(|(_, c)| longer_than(sc, &c).unwrap_or(c))
}

/// The speaker is itself a medium: "the report said", "according to the poll".
fn speaker_is_a_medium(sc: &Scope) -> Option<Channel> {
    let Some((EntityKind::Document, mention)) = sc.ctx.speaker else {
        return None;
    };
    let head = mention.split_whitespace().last().unwrap_or_default();
    let (kind, platform) =
        crate::lexicon::with_lower(head, |head| LEXICON.document_channels.get(head).copied())?;
    let s = sc.region.start + find_in_clause(&sc.text[sc.region.start..sc.region.end], mention)?;
    let mut c = channel(kind_of(kind), sc.text, s, s + mention.len());
    c.platform = platform.map(str::to_string);
    Some(c)
}

/// An outlet that reports, writes or says, as the source: "The New York Times reported",
/// "Zero Hedge said", "the paper wrote" is a publication when the outlet is listed.
fn outlet_that_reports(sc: &Scope) -> Option<Channel> {
    let (Some((kind, mention)), Some((lemma, _))) = (sc.ctx.speaker, sc.ctx.cue) else {
        return None;
    };
    // (a person is no outlet: "Guardian said" after "Mayor Don Guardian" is the mayor; an
    // outlet that writes its name in capitals may be read as one, "POLITICO reported")
    let capitals = || !mention.chars().any(char::is_lowercase);
    if kind == EntityKind::Document || kind == EntityKind::Person && !capitals() {
        return None;
    }
    if !Class::ChannelOutletCues.contains(lemma) {
        return None;
    }
    let name = without_article(mention);
    let outlet = match outlet_named(name) {
        Some(o) => outlet_name(sc.text, sc.region, o).to_string(),
        // (an outlet the list does not have, by the shape of its name: "The Keene Sentinel")
        None if kind != EntityKind::Person && super::unlisted::outlet_shaped(name) => {
            name.to_string()
        }
        None => return None,
    };
    let s = sc.region.start + find_in_clause(&sc.text[sc.region.start..sc.region.end], mention)?;
    let mut c = channel(ChannelKind::Publication, sc.text, s, s + mention.len());
    c.outlet = Some(outlet);
    Some(c)
}

/// The listed outlets by their name without its article, in ASCII lower case: of two with
/// the same name, the first listed.
static OUTLETS_BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for o in &LEXICON.outlets {
        m.entry(without_article(o).to_ascii_lowercase())
            .or_insert(*o);
    }
    m
});

/// The first listed outlet whose name without its article is `name` in any ASCII case: "the
/// New York Times" is "The New York Times".
pub(super) fn outlet_named(name: &str) -> Option<&'static str> {
    let mut buf = [0u8; 64];
    match buf.get_mut(..name.len()) {
        Some(lower) => {
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).ok()?;
            OUTLETS_BY_NAME.get(lower).copied()
        }
        None => OUTLETS_BY_NAME.get(&name.to_ascii_lowercase()).copied(),
    }
}

/// The name an outlet goes by in the output: the one listed outlet whose full name the
/// article gives for a short one ("the Times" is "The New York Times", "told Fox" is "Fox
/// News" in an article that names Fox News), with the capital article it is listed with ("the
/// Washington Post" is "The Washington Post").
pub(super) fn outlet_name(text: &str, around: Span, listed: &'static str) -> &'static str {
    let bare = without_article(listed);
    let name = full_outlet_name(near(text, around), bare).unwrap_or(bare);
    WITH_ARTICLE.get(name).copied().unwrap_or(name)
}

/// The listed outlets written with "The", by their name without it: of two, the first listed.
static WITH_ARTICLE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for o in &LEXICON.outlets {
        if let Some(bare) = o.strip_prefix("The ") {
            m.entry(bare).or_insert(*o);
        }
    }
    m
});

/// How far either side of a statement the article is read for an outlet's full name (bytes):
/// an article's own length, bounded so that a run-on document costs each statement a bounded
/// read (linear time).
const NAMED_NEAR: usize = 20_000;

/// The text within `NAMED_NEAR` bytes of `around`, on character boundaries.
fn near(text: &str, around: Span) -> &str {
    let mut start = around.start.saturating_sub(NAMED_NEAR);
    let mut end = around.end.saturating_add(NAMED_NEAR).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// A name without its leading article: "the Times" is `Times`.
pub(super) fn without_article(name: &str) -> &str {
    ["the ", "The "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(name)
}

/// The listed outlet whose full name ends or starts with the short name `short` and that the
/// document names: "the Times" is "New York Times" in an article that names it, "Fox" is "Fox
/// News", when it names no other listed outlet of that ending or start.
fn full_outlet_name(text: &str, short: &str) -> Option<&'static str> {
    let longer = match LONGER_NAMES.get(short) {
        Some(longer) => longer,
        None => &longer_names(short),
    };
    if longer.is_empty() || short.is_empty() {
        return None;
    }
    // (the names found in one search for the short name, as bits; each searched for alone
    // past 64)
    let bits = (longer.len() <= 64).then(|| named_among(text, short, longer));
    let mut named = longer
        .iter()
        .enumerate()
        .filter(|&(k, o)| match bits {
            Some(b) => b & (1 << k) != 0,
            None => text
                .match_indices(*o)
                .any(|(s, _)| word_bounded(text, s, s + o.len())),
        })
        .map(|(_, o)| *o);
    let first = named.next()?;
    named.all(|o| o == first).then_some(first)
}

/// Which of the names `longer` (each `short` and more words, at most 64) the text names as
/// whole words, as bits by their place: each is found where `short` stands in the text (one
/// search for it, not one a name). A place that overlaps another of the same name follows a
/// letter of it (no listed name ends with its own start after a mark), so it stands as no
/// whole word: the places found are those a search of each name finds.
fn named_among(text: &str, short: &str, longer: &[&str]) -> u64 {
    let (bytes, n) = (text.as_bytes(), short.len());
    let (finder, mut at, mut named) = (memchr::memmem::Finder::new(short), 0, 0u64);
    // (every place it stands, overlapping or not)
    while let Some(p) = finder.find(&bytes[at..]).map(|k| at + k) {
        at = p + 1;
        for (k, o) in longer.iter().enumerate().take(64) {
            let s = if o.ends_with(short) {
                (p + n).checked_sub(o.len())
            } else {
                Some(p)
            };
            let hit = s.filter(|&s| bytes.get(s..s + o.len()) == Some(o.as_bytes()));
            if hit.is_some_and(|s| word_bounded(text, s, s + o.len())) {
                named |= 1 << k;
            }
        }
    }
    named
}

/// Per listed outlet without its article, [`longer_names`] (found once, not per outlet a
/// statement names): each outlet is put under the names it starts or ends with as words
/// ([`word_ends`]), in the list's order, so the list is read once, not once per outlet.
static LONGER_NAMES: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Vec<&'static str>> = LEXICON
        .outlets
        .iter()
        .map(|o| (without_article(o), Vec::new()))
        .collect();
    for o in LEXICON.outlets.iter().map(|o| without_article(o)) {
        let mut ends = word_ends(o);
        ends.sort_unstable();
        ends.dedup();
        for short in ends {
            if let Some(longer) = m.get_mut(short) {
                longer.push(o);
            }
        }
    }
    m
});

/// The shorter names that `name` starts or ends with as words, each a short name whose
/// [`longer_names`] hold it: "New York" and "Times" (and "York Times", "New") of "New York
/// Times".
fn word_ends(name: &'static str) -> Vec<&'static str> {
    let spaces = name.bytes().enumerate().filter(|&(_, b)| b == b' ');
    let mut ends = Vec::new();
    for (i, _) in spaces {
        if i > 0 {
            ends.push(&name[i + 1..]);
        }
        if i + 1 < name.len() {
            ends.push(&name[..i]);
        }
    }
    ends
}

/// The listed outlets (without their article, in the list's order) whose name ends or starts
/// with the short name `short` as a word: "New York Times" for "Times".
fn longer_names(short: &str) -> Vec<&'static str> {
    let ending = format!(" {short}");
    let start = format!("{short} ");
    LEXICON
        .outlets
        .iter()
        .map(|o| without_article(o))
        .filter(|o| o.len() > ending.len() && (o.ends_with(&ending) || o.starts_with(&start)))
        .collect()
}

/// The cues that imply a channel, by lemma: the channel's kind and platform.
const IMPLIED: [(&str, ChannelKind, Option<&str>); 2] = [
    ("tweet", ChannelKind::SocialMedia, Some("twitter")),
    ("testify", ChannelKind::Hearing, None),
];

/// The lemmas of [`IMPLIED`] ([`implied_by_the_cue`]'s gate).
const IMPLIED_LEMMAS: [&str; 2] = [IMPLIED[0].0, IMPLIED[1].0];

/// What the cue implies: "she tweeted" is social media, "he testified" a hearing.
fn implied_by_the_cue(sc: &Scope) -> Option<Channel> {
    let (lemma, at) = sc.ctx.cue?;
    let &(_, kind, platform) = IMPLIED.iter().find(|(l, _, _)| *l == lemma)?;
    let mut c = channel(kind, sc.text, at.start, at.end);
    c.platform = platform.map(str::to_string);
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::all;
    use super::*;

    fn plain(t: &str) -> Option<Channel> {
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes: &[],
            para_toks: None,
        };
        find(t, all(t), &ctx)
    }

    fn rule(t: &str, ctx: &Context) -> Option<&'static str> {
        rule_of(t, all(t), ctx)
    }

    #[test]
    fn a_rule_finds_a_channel_only_where_what_it_needs_stands() {
        // (the occasion sentences call no rule where `may_find_uncued` says none's needs are
        // met: a rule that finds one without them would go unread there)
        let texts = [
            "He told me in a statement on CNN that the plan was over.",
            "In a speech in Dayton on Friday, Okafor laid out her plans.",
            "Smith told the Keene Sentinel on The Laura Ingraham Show that it failed.",
            "Her submission to the court noted the “delays” via Twitter.",
        ];
        let mut found = 0;
        for t in texts {
            let r = all(t);
            let pt = super::super::test_support::para_tokens(t, r);
            let ctx = Context {
                cue: None,
                speaker: None,
                quotes: &[],
                para_toks: Some(&pt.toks),
            };
            let hits = Matches::new(t, r);
            let sc = Scope::new(t, r, &ctx, &hits);
            let (triggers, lists) = (sc.triggers.unwrap(), lists_hold(&hits, r));
            for rule in CHANNEL_RULES
                .iter()
                .filter(|rule| (rule.find)(&sc).is_some())
            {
                assert!(rule.needs.met(triggers, lists), "{}: {t}", rule.name);
                assert!(may_find_uncued(triggers, lists), "{t}");
                found += 1;
            }
        }
        assert!(found >= 4, "{found}");
        // (the union holds every class a rule names)
        for rule in CHANNEL_RULES {
            if let Needs::Words(classes, _) = rule.needs {
                assert!(
                    classes.iter().all(|c| UNCUED.0.contains(c)),
                    "{}",
                    rule.name
                );
            }
        }
    }

    #[test]
    fn a_rule_finds_a_channel_in_a_clause_only_where_its_gate_is_met() {
        // (`find_in_scope` calls no rule whose `cued` fact the clause lacks: a rule that finds
        // one without it would go unread)
        let cases = [
            (
                "He told me in a statement on CNN that the plan was over.",
                "tell",
                None,
            ),
            (
                "Smith told the Keene Sentinel on The Laura Ingraham Show it failed.",
                "tell",
                None,
            ),
            (
                "She said in an interview with CNN that it failed.",
                "say",
                None,
            ),
            (
                "A 2014 study by two universities found that it failed.",
                "find",
                None,
            ),
            (
                "The report said it failed.",
                "say",
                Some((EntityKind::Document, "The report")),
            ),
            (
                "The New York Times reported it.",
                "report",
                Some((EntityKind::Organization, "The New York Times")),
            ),
            ("Okafor tweeted that it failed.", "tweet", None),
            ("Okafor testified that it failed.", "testify", None),
            (
                "Okafor said during a House Oversight Committee hearing it failed.",
                "say",
                None,
            ),
        ];
        let mut found = 0;
        for (t, lemma, speaker) in cases {
            let r = all(t);
            let pt = super::super::test_support::para_tokens(t, r);
            let ctx = Context {
                cue: Some((lemma, Span { start: 0, end: 1 })),
                speaker,
                quotes: &[],
                para_toks: Some(&pt.toks),
            };
            let hits = Matches::new(t, r);
            let sc = Scope::new(t, r, &ctx, &hits);
            let facts = Cued::of(&sc);
            for rule in CHANNEL_RULES.iter().filter(|r| (r.find)(&sc).is_some()) {
                assert!(rule.cued.met(facts), "{}: {t}", rule.name);
                found += 1;
            }
        }
        assert!(found >= 9, "{found}");
    }

    #[test]
    fn the_longer_names_of_an_outlet_are_found_once_as_on_the_fly() {
        assert!(longer_names("Times").contains(&"New York Times"));
        assert!(!longer_names("Times").contains(&"Times"));
        for o in &LEXICON.outlets {
            let bare = without_article(o);
            assert_eq!(LONGER_NAMES[bare], longer_names(bare), "{o}");
        }
    }

    #[test]
    fn the_longer_names_are_found_by_their_short_name_as_each_alone() {
        // (one search for the short name finds every place a longer name stands as a whole
        // word, as the search of each finds one: a place that overlaps one before it follows
        // a letter of it, for no listed name ends with its own start after a mark; and none
        // has more than 64 longer names)
        for o in &LEXICON.outlets {
            let o = without_article(o);
            for k in (1..o.len()).filter(|&k| o.is_char_boundary(o.len() - k)) {
                let (head, border) = o.split_at(o.len() - k);
                let after_a_letter = head.chars().next_back().is_some_and(char::is_alphanumeric);
                assert!(!o.starts_with(border) || after_a_letter, "{o}");
            }
            assert!(LONGER_NAMES[o].len() <= 64, "{o}");
        }
        let t =
            "Fox News and Fox said; the New York Times, not the Times of India, or NewYork Times";
        for short in ["Fox", "Times", "News", "York"] {
            let longer = longer_names(short);
            let each: Vec<&str> = longer
                .iter()
                .filter(|o| {
                    t.match_indices(**o)
                        .any(|(s, _)| word_bounded(t, s, s + o.len()))
                })
                .copied()
                .collect();
            let bits = named_among(t, short, &longer);
            let found: Vec<&str> = longer
                .iter()
                .enumerate()
                .filter(|(k, _)| bits & (1 << k) != 0)
                .map(|(_, o)| *o)
                .collect();
            assert_eq!(found, each, "{short}");
        }
        assert_eq!(full_outlet_name(t, "Fox"), Some("Fox News"));
    }

    #[test]
    fn channel_phrases_and_outlets() {
        let c = plain("he announced via Twitter on Sunday").unwrap();
        assert_eq!(
            (c.kind, c.platform.as_deref()),
            (ChannelKind::SocialMedia, Some("twitter"))
        );
        assert_eq!(
            plain("he said at a news conference").unwrap().kind,
            ChannelKind::PressConference
        );
        assert_eq!(
            plain("he said in a statement").unwrap().kind,
            ChannelKind::Statement
        );
        assert!(plain("privately, he said").is_none());
        assert_eq!(
            plain("she said in a letter to him").unwrap().kind,
            ChannelKind::LetterOrEmail
        );
    }

    #[test]
    fn a_phrase_that_does_not_open_itself_needs_a_preposition() {
        assert!(plain("he said the letter was forged").is_none());
        assert!(preposition_before("at the daily ", 13));
        assert!(opens_itself("via Twitter"));
        assert!(!opens_itself("briefing"));
    }

    #[test]
    fn the_most_specific_phrase_wins() {
        let c = plain("she said in a statement posted on Twitter").unwrap();
        assert_eq!(c.kind, ChannelKind::SocialMedia);
    }

    #[test]
    fn a_document_speaker_is_its_own_channel() {
        let t = "the report said";
        let ctx = Context {
            cue: None,
            speaker: Some((EntityKind::Document, "the report")),
            quotes: &[],
            para_toks: None,
        };
        assert_eq!(rule(t, &ctx), Some("speaker_is_a_medium"));
    }

    #[test]
    fn an_outlet_that_reports_is_a_publication() {
        let t = "The New York Times reported";
        let ctx = Context {
            cue: Some(("report", Span { start: 19, end: 27 })),
            speaker: Some((EntityKind::Organization, "The New York Times")),
            quotes: &[],
            para_toks: None,
        };
        let c = find(t, all(t), &ctx).unwrap();
        assert_eq!(c.kind, ChannelKind::Publication);
        assert_eq!(rule(t, &ctx), Some("outlet_that_reports"));
    }

    #[test]
    fn a_person_is_no_outlet_and_an_outlet_speaker_names_its_publication() {
        // "Guardian said" after "Mayor Don Guardian": a person, no outlet
        let t = "Guardian said";
        let ctx = Context {
            cue: Some(("say", Span { start: 9, end: 13 })),
            speaker: Some((EntityKind::Person, "Guardian")),
            quotes: &[],
            para_toks: None,
        };
        assert_eq!(find(t, all(t), &ctx), None);
        // "Politifact … They published the results of their check"
        let t = "They published the results of their check";
        let ctx = Context {
            cue: Some(("publish", Span { start: 5, end: 14 })),
            speaker: Some((EntityKind::Organization, "They")),
            quotes: &[],
            para_toks: None,
        };
        let mut c = find(t, all(t), &ctx).unwrap();
        assert_eq!(c.kind, ChannelKind::Publication);
        assert_eq!(c.outlet, None);
        speaker_outlet(t, all(t), EntityKind::Organization, "Politifact", &mut c);
        assert_eq!(c.outlet.as_deref(), Some("PolitiFact"));
    }

    #[test]
    fn the_times_is_the_full_name_the_article_gives() {
        let t = "The New York Times looked at it. “It grew,” the Times wrote";
        let at = t.find("the Times").unwrap();
        let ctx = Context {
            cue: Some((
                "write",
                Span {
                    start: at + 10,
                    end: t.len(),
                },
            )),
            speaker: Some((EntityKind::Organization, "the Times")),
            quotes: &[],
            para_toks: None,
        };
        let region = Span {
            start: at,
            end: t.len(),
        };
        let c = find(t, region, &ctx).unwrap();
        assert_eq!(c.kind, ChannelKind::Publication);
        assert_eq!(c.outlet.as_deref(), Some("The New York Times"));
        // (an article that names no paper of that ending keeps the short name)
        let t = &t[at..];
        let c = find(t, all(t), &ctx).unwrap();
        assert_eq!(c.outlet.as_deref(), Some("The Times"));
    }

    #[test]
    fn a_cue_implies_its_channel() {
        let t = "she tweeted";
        let ctx = Context {
            cue: Some(("tweet", Span { start: 4, end: 11 })),
            speaker: None,
            quotes: &[],
            para_toks: None,
        };
        let c = find(t, all(t), &ctx).unwrap();
        assert_eq!(c.kind, ChannelKind::SocialMedia);
        let ctx = Context {
            cue: Some(("testify", Span { start: 4, end: 8 })),
            ..ctx
        };
        // (no phrase states a channel: the cue gives it)
        assert_eq!(rule("she said it", &ctx), Some("implied_by_the_cue"));
    }
}
