//! The channel step: each standing statement's channel and time, read in its cue's clause
//! outside quotations (`channels::find_in`, `channels::time_in`), then carried over to the
//! same speaker's next statements where nothing says the occasion changed.

use rustc_hash::FxHashMap as HashMap;

use super::reported_time::{InReported, noun_phrase};
use super::statement::{Doc, Statement};
use crate::channels::{self, Context, Hits, Matches, window};
use crate::cues::ParaTokens;
use crate::input;
use crate::lexicon::Class;
use crate::model::{ChannelKind, EntityKind, Metadata, Span, SpeakerRef};
use crate::segment::Tok;

/// What the statements report (the paragraph, the span and its speaker's entity), sorted by
/// paragraph and start, with the running maximum of their ends in each paragraph: the spans
/// that reach into a clause are found by binary searches, not by reading every statement of
/// the paragraph for each (a run-on paragraph of thousands of statements stays linear). One
/// list for the document, not one a paragraph.
#[derive(Default)]
struct Reported {
    spans: Vec<(usize, Span, Option<usize>)>,
    max_end: Vec<usize>,
}

impl Reported {
    /// Sort the spans and compute the running maximum of their ends.
    fn index(&mut self) {
        self.spans.sort_by_key(|(p, c, _)| (*p, c.start));
        let (mut m, mut para) = (0, usize::MAX);
        self.max_end = self
            .spans
            .iter()
            .map(|(p, c, _)| {
                if *p != para {
                    (m, para) = (0, *p);
                }
                m = m.max(c.end);
                m
            })
            .collect();
    }

    /// The spans of paragraph `para` that overlap `clause`, in order of start.
    fn overlapping(
        &self,
        para: usize,
        clause: Span,
    ) -> impl Iterator<Item = &(usize, Span, Option<usize>)> {
        let lo = self.spans.partition_point(|x| x.0 < para);
        let hi = self.spans.partition_point(|x| x.0 <= para);
        let (spans, max_end) = (&self.spans[lo..hi], &self.max_end[lo..hi]);
        let from = max_end.partition_point(|&e| e <= clause.start);
        let to = spans.partition_point(|x| x.1.start < clause.end);
        spans[from..to.max(from)]
            .iter()
            .filter(move |x| x.1.end > clause.start)
    }
}

/// The channel step: each standing statement's own channel and time ([`attribute`]), then
/// those carried over from its speaker's other statements and occasions ([`carry`]). (Never
/// inlined: one call a document, and the stage stands apart in a profile.)
#[inline(never)]
pub(super) fn step(doc: &Doc, metadata: &Metadata, statements: &mut [Statement]) {
    attribute(doc, metadata, statements);
    carry(doc, metadata, statements);
}

/// Fill in the channel and time of every standing statement with a cue.
fn attribute(doc: &Doc, metadata: &Metadata, statements: &mut [Statement]) {
    let text = doc.text;
    let reference_date = reference_date(metadata);
    // Never a channel or a time from inside what is reported, by this statement or by
    // another of its speaker in its paragraph ("X complained about the debate, even
    // suggesting …" reads no channel for "suggesting" in what "complained" reports).
    let entity = |st: &Statement| st.speaker.as_ref().and_then(|sp| sp.entity);
    let (reported, reported_at) = reported_words(doc, statements);
    // (one buffer for the word lists' matches of every clause, one for the spans it skips)
    let mut matches = Matches::default();
    let mut skip: Vec<Span> = Vec::new();
    for (st, &content) in statements.iter_mut().zip(&reported_at) {
        let Some(cue) = st.cue.filter(|_| st.stands) else {
            continue;
        };
        let pt = st.para_tokens(doc);
        let clause = window::clause(text, pt, &st.sent, &cue);
        skip_spans(pt, &st.sent, metadata, &mut skip);
        // (of the same speaker: another's statement may be a misread participle; only what
        // reaches into the clause matters)
        skip.extend(
            reported
                .overlapping(st.para, clause)
                .filter(|(_, c, _)| !(c.start <= cue.start && cue.end <= c.end))
                .filter(|(_, _, e)| e.is_some() && *e == entity(st))
                .map(|(_, c, _)| *c),
        );
        skip.extend([content, st.lead, st.rest].into_iter().flatten());
        let ctx = Context {
            cue: Some((
                cue.lemma,
                Span {
                    start: cue.start,
                    end: cue.end,
                },
            )),
            speaker: st.speaker.as_ref().map(|sp| (sp.kind, sp.text.as_str())),
            quotes: &skip,
            para_toks: Some(&pt.toks),
        };
        // (the object of a verb of posting is a thing, not what is said: a time after it dates
        // the act, "posted a photograph of a clinic on Sunday", up to a comma)
        let object = content.filter(|_| Class::ChannelObjectCues.contains(cue.lemma));
        // (what a verb reports as a noun phrase takes no bare time: "complained about his mic
        // the morning after the debate" dates the complaint)
        let phrase = content.filter(|c| noun_phrase(text, pt, *c));
        // (what the paragraph's scans read of it, found once for its statements; the word
        // lists' matches of the clause alone, outside what both the channel and the time
        // rules skip)
        let para = doc.hits[st.para]
            .get_or_init(|| Hits::in_paragraph(text, doc.paras[st.para], &pt.toks));
        let time_skip = skip
            .iter()
            .filter(|q| Some(**q) != object && Some(**q) != phrase);
        // (the lists are read only near the clause's words that may hold a match: its times
        // are marked)
        para.region_near(text, &pt.toks, clause, time_skip, true, &mut matches);
        let hits = &matches;
        st.channel = channels::find_in(text, clause, &ctx, hits);
        if let (Some(c), Some(sp)) = (st.channel.as_mut(), st.speaker.as_ref()) {
            channels::speaker_outlet(text, clause, sp.kind, &sp.name, c);
        }
        // (a time after the cue dates the saying only next to it: "said late Sunday", "said in
        // a statement Tuesday"; not "…, Clarke said, until it went bankrupt in 1999")
        let own = st.channel.as_ref().map(|c| Span {
            start: c.start,
            end: c.end,
        });
        let reported = InReported { object, phrase };
        let near = |s: usize, e: usize| reported.dates(text, &pt.toks, (cue.end, own), (s, e));
        skip.retain(|q| Some(*q) != object && Some(*q) != phrase);
        st.time = channels::time_in(text, clause, &skip, reference_date.as_deref(), hits, &near);
        document_outlet(doc, st, reference_date.as_deref());
    }
}

/// A publication stated by a bare definite piece ("The piece said") names the outlet the
/// article last named with a piece of journalism just before
/// (`channels::document_antecedent`), and takes the time of that sentence when it has none,
/// marked `carried` ("The Washington Post ran a feature Saturday … ¶ The piece used …").
fn document_outlet(doc: &Doc, st: &mut Statement, reference_date: Option<&str>) {
    let Some(sp) = st
        .speaker
        .as_ref()
        .filter(|sp| sp.kind == EntityKind::Document)
    else {
        return;
    };
    let Some(c) = st.channel.as_mut() else {
        return;
    };
    if c.kind != ChannelKind::Publication || c.outlet.is_some() || c.platform.is_some() {
        return;
    }
    let paras: Vec<&ParaTokens> = (st.para.saturating_sub(1)..=st.para)
        .map(|p| &doc.para_toks[p])
        .collect();
    let mention = Span {
        start: sp.start,
        end: sp.end,
    };
    let Some((outlet, sentence)) = channels::document_antecedent(doc.text, &paras, mention) else {
        return;
    };
    c.outlet = Some(outlet.to_string());
    if st.time.is_none() {
        let p = doc.paras.partition_point(|p| p.end <= sentence.start);
        st.time = super::event_time::time_within(doc, p, sentence, reference_date);
        st.time.iter_mut().for_each(|t| t.carried = true);
    }
}

/// What the statements with a cue report ([`Reported`]); per statement, its reported words
/// (`reported_from`), read once.
fn reported_words(doc: &Doc, statements: &[Statement]) -> (Reported, Vec<Option<Span>>) {
    let entity = |st: &Statement| st.speaker.as_ref().and_then(|sp| sp.entity);
    let reported_at: Vec<Option<Span>> = statements
        .iter()
        .map(|st| {
            let read = st.stands && st.cue.is_some();
            st.content
                .filter(|_| read)
                .map(|c| reported_from(doc.text, c))
        })
        .collect();
    let mut reported = Reported {
        spans: listed(
            statements.len(),
            (statements.iter().zip(&reported_at))
                .filter_map(|(st, at)| at.map(|c| (st.para, c, entity(st)))),
        ),
        max_end: Vec::new(),
    };
    reported.index();
    (reported, reported_at)
}

/// Where the reported words of `content` start: after a "that" among its first words, when
/// the clause read its cue's adjuncts into it ("said two days ago that the strike …" reports
/// "the strike …"; "two days ago" dates the saying).
fn reported_from(text: &str, content: Span) -> Span {
    let words = &text[content.start..content.end];
    // (its first six words, each with the space that ends it, found by the spaces)
    let mut at = 0;
    for _ in 0..6 {
        if at >= words.len() {
            break;
        }
        let end = space_from(words.as_bytes(), at).map_or(words.len(), |k| k + 1);
        let w = &words[at..end];
        at = end;
        // (most words are passed over by their first byte and length: "that" and its space)
        let maybe = matches!(w.as_bytes()[0], b't' | b'T') && w.len() >= 4;
        if maybe && w.trim_end().eq_ignore_ascii_case("that") {
            return Span {
                start: content.start + at,
                end: content.end,
            };
        }
    }
    content
}

/// Where the first space of `bytes` at or after `at` stands. (A word is a few bytes: read
/// eight at a time, each tested for a space by the bits of their difference from spaces,
/// without a searcher; the rest byte by byte.)
fn space_from(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ SPACES;
        // (the lowest byte that is a space sets the lowest bit: those above it may be false)
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(at + zero.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    (bytes.get(at..)?.iter())
        .position(|&b| b == b' ')
        .map(|k| at + k)
}

/// The items of `items` in a list made with room for `cap` of them (at most one a statement,
/// as in most of the step's lists): a list of filtered items does not grow step by step.
fn listed<T>(cap: usize, items: impl Iterator<Item = T>) -> Vec<T> {
    let mut list = Vec::with_capacity(cap);
    list.extend(items);
    list
}

/// The date relative times resolve against: the dateline's day when it names one ("April
/// 12 (UPI) --"), else the article's date.
fn reference_date(metadata: &Metadata) -> Option<String> {
    match (&metadata.dateline, &metadata.date) {
        (Some(dl), Some(d)) => input::dateline_date(&dl.text, d).or(Some(d.clone())),
        (_, d) => d.clone(),
    }
}

/// What channels and times are not read in, in sentence `sent`: its quotations, and the
/// dateline (metadata, not the time of a statement), into `skip` (cleared).
fn skip_spans(
    pt: &ParaTokens,
    sent: &std::ops::Range<usize>,
    metadata: &Metadata,
    skip: &mut Vec<Span>,
) {
    skip.clear();
    let spans = pt.toks[sent.clone()]
        .iter()
        .filter(|t| matches!(t.kind, Tok::Quote(_)))
        .map(|t| Span {
            start: t.start,
            end: t.end,
        })
        .chain(metadata.dateline.as_ref().map(|d| Span {
            start: d.start,
            end: d.end,
        }));
    skip.extend(spans);
}

/// One step of the carrying pass: a statement, or a sentence that sets an occasion.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Statement(usize),
    Occasion(usize),
}

/// A statement with no channel or time of its own takes those of the same speaker's previous
/// statement, or of a sentence that set the speaker's occasion ("In a speech in Dayton,
/// Okafor laid out her plans."), when nothing says the occasion changed
/// (`channels::window::carries`). What is carried is marked `carried` and keeps the words
/// that stated it; it carries on in turn.
fn carry(doc: &Doc, metadata: &Metadata, statements: &mut [Statement]) {
    super::event_time::date_interviews(statements);
    let speakers = distinct_speakers(statements);
    let alias = role_aliases(&speakers);
    let order = text_order(statements);
    let occasions = occasion_sentences(doc, metadata, statements, &order, &speakers, &alias);
    let steps = steps_in_order(&order, &occasions);
    let breaks: Vec<usize> = (0..doc.paras.len())
        .filter(|&p| {
            let para = &doc.text[doc.paras[p].start..doc.paras[p].end];
            may_break(para) && window::section_break(para)
        })
        .collect();
    // (a headline takes no occasion from the lead after it)
    let headline: Vec<bool> = statements
        .iter()
        .map(|st| st.para_tokens(doc).headline)
        .collect();
    let pass = Pass {
        occasions: &occasions,
        breaks: &breaks,
        alias: &alias,
        headline: &headline,
    };
    let mut lead_dated = vec![false; statements.len()];
    pass.run(statements, steps.iter().copied(), false, &mut lead_dated);
    let back = steps.iter().rev().copied();
    pass.run(statements, back, true, &mut lead_dated);
    super::one_occasion::one_occasion(statements, &breaks, &|st| pass.entity_of(st));
    let reference = reference_date(metadata);
    super::event_time::date_events(doc, statements, reference.as_deref());
}

/// The standing statements with a cue, each after where its cue starts, in text order (those
/// at one place in their own order): sorted once for the carrying passes and the occasions (the
/// statements the quotations link come in text order, then those reported, in text order too).
fn text_order(statements: &[Statement]) -> Vec<(usize, usize)> {
    let stated = (0..statements.len()).filter(|&s| statements[s].stands);
    let mut order = listed(
        statements.len(),
        stated.filter_map(|s| statements[s].cue.map(|c| (c.start, s))),
    );
    order.sort_unstable();
    order
}

/// The steps of the carrying passes in text order: the statements of `order` ([`text_order`])
/// and the occasion sentences, merged by where each stands, a statement first where both stand
/// at one place, as a stable sort of the statements, then the occasions, by place orders them
/// (the occasions, read in text order, are sorted only where they are not).
fn steps_in_order(order: &[(usize, usize)], occasions: &[channels::Occasion]) -> Vec<Step> {
    let mut set: Vec<usize> = (0..occasions.len()).collect();
    if !occasions.is_sorted_by_key(|o| o.at) {
        set.sort_by_key(|&i| occasions[i].at);
    }
    let mut steps = Vec::with_capacity(order.len() + set.len());
    let (mut i, mut j) = (0, 0);
    while i < order.len() || j < set.len() {
        if j == set.len() || i < order.len() && order[i].0 <= occasions[set[j]].at {
            steps.push(Step::Statement(order[i].1));
            i += 1;
        } else {
            steps.push(Step::Occasion(set[j]));
            j += 1;
        }
    }
    steps
}

/// Whether paragraph `para` may break the article into sections (`window::section_break`):
/// not when its first character is neither white space nor a digit and it holds an ASCII
/// letter or digit, as nearly every paragraph does (a paragraph that opens with a quotation
/// mark is passed over by its bytes, before the Unicode table of letters).
fn may_break(para: &str) -> bool {
    let opens = para.chars().next();
    let plain = opens.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit());
    !(plain && para.bytes().any(|b| b.is_ascii_alphanumeric()))
}

/// What a carrying pass reads besides the statements: the occasion sentences, the paragraphs
/// that break sections, and the entities a role alone stands for.
struct Pass<'a> {
    occasions: &'a [channels::Occasion],
    breaks: &'a [usize],
    alias: &'a HashMap<usize, usize>,
    headline: &'a [bool],
}

impl Pass<'_> {
    /// The entity a statement's speaker stands for, for carrying.
    fn entity_of(&self, st: &Statement) -> Option<usize> {
        entity_for_carrying(self.alias, st)
    }

    /// What the carrying rule reads of a step, as the occasion of entity `e`.
    fn occasion_of<'s>(
        &'s self,
        statements: &'s [Statement],
        step: Step,
        e: usize,
    ) -> window::Occasion<'s> {
        match step {
            Step::Statement(p) => window::Occasion {
                entity: Some(e),
                ..occasion(&statements[p])
            },
            Step::Occasion(i) => window::Occasion {
                entity: Some(self.occasions[i].entity),
                para: self.occasions[i].para,
                channel: self.occasions[i].channel.as_ref(),
                time: self.occasions[i].time.as_ref(),
            },
        }
    }

    /// One pass over the steps in document order (forward: a statement takes the occasion of
    /// the same speaker's step before it, `window::carries`) or in reverse (`back`: a
    /// statement still without one takes that of the step after it, `window::carries_back`,
    /// as a summary takes the occasion the next paragraph states for its quotation).
    /// `lead_dated` marks the statements whose time came from the lead ([`channels::occasions`]).
    fn run(
        &self,
        statements: &mut [Statement],
        steps: impl Iterator<Item = Step>,
        back: bool,
        lead_dated: &mut [bool],
    ) {
        // (per entity, an index into the document's speakers: its last step; a list, not a map)
        let mut last_of: Vec<Option<Step>> = Vec::new();
        let set = |last_of: &mut Vec<Option<Step>>, e: usize, step: Step| {
            if e >= last_of.len() {
                last_of.resize(e + 1, None);
            }
            last_of[e] = Some(step);
        };
        for step in steps {
            let s = match step {
                Step::Occasion(i) => {
                    set(&mut last_of, self.occasions[i].entity, step);
                    continue;
                }
                Step::Statement(s) => s,
            };
            let Some(e) = self.entity_of(&statements[s]) else {
                continue;
            };
            let last = last_of.get(e).copied().flatten();
            if let Some(other) = last.filter(|_| !self.headline[s]) {
                let from = self.occasion_of(statements, other, e);
                let here = window::Occasion {
                    entity: Some(e),
                    ..occasion(&statements[s])
                };
                let (lo, hi) = (from.para.min(here.para), from.para.max(here.para));
                let broken = self.breaks.iter().any(|&b| lo < b && b < hi);
                let c = if back {
                    window::carries_back(&from, &here, broken)
                } else {
                    window::carries(&from, &here, broken)
                };
                // (copied only where they carry)
                let carried_channel = || {
                    let mut ch = from.channel.cloned();
                    ch.iter_mut().for_each(|ch| ch.carried = true);
                    ch
                };
                let carried_time = || {
                    let mut tm = from.time.cloned();
                    tm.iter_mut().for_each(|t| t.carried = true);
                    tm
                };
                // (the lead's day, and a day carried from it, dates no statement that states a
                // channel of its own: "In one of her college columns, she wrote …" after a lead
                // of election day is not that day's)
                let from_lead = match other {
                    Step::Occasion(i) => self.occasions[i].channel.is_none(),
                    Step::Statement(p) => lead_dated[p],
                };
                let own_channel = statements[s].channel.is_some();
                let dates = c.time && !(from_lead && own_channel);
                let ch = if c.channel { carried_channel() } else { None };
                let tm = if dates { carried_time() } else { None };
                if c.channel {
                    statements[s].channel = ch;
                }
                if dates {
                    statements[s].time = tm;
                    lead_dated[s] = from_lead;
                }
            }
            set(&mut last_of, e, step);
        }
    }
}

/// The entity a statement's speaker stands for, for carrying (`alias`: [`role_aliases`]).
fn entity_for_carrying(alias: &HashMap<usize, usize>, st: &Statement) -> Option<usize> {
    let e = st.speaker.as_ref().and_then(|sp| sp.entity)?;
    Some(alias.get(&e).copied().unwrap_or(e))
}

/// The sentences that set the occasion of a person who speaks in the document, read before the
/// first statement they hold, if any (`channels::occasions`), where one may carry to a
/// statement (`alias`: [`role_aliases`]; `speakers`: [`distinct_speakers`]; `order`: the
/// standing statements with a cue, [`text_order`]).
fn occasion_sentences(
    doc: &Doc,
    metadata: &Metadata,
    statements: &[Statement],
    order: &[(usize, usize)],
    speakers: &[&SpeakerRef],
    alias: &HashMap<usize, usize>,
) -> Vec<channels::Occasion> {
    let names = surnames(speakers);
    let (heard, free_until, spoken) = carried_to(doc, statements, order, alias);
    let reference = reference_date(metadata);
    let src = channels::Sources {
        text: doc.text,
        paras: doc.paras,
        para_toks: doc.para_toks,
        names: &names,
        name_keys: channels::name_keys(&names),
        reference_date: reference.as_deref(),
        spoken: &spoken,
        hits: &doc.hits,
        dateline: metadata.dateline.as_ref().map(|d| Span {
            start: d.start,
            end: d.end,
        }),
        heard: &heard,
    };
    channels::occasions(&src, &free_until)
}

/// What the occasion sentences are read with, from the standing statements with a cue (`order`,
/// in text order: [`text_order`]), read in one pass: the statements the carrying passes carry
/// to, by entity (`alias`: [`role_aliases`]) and paragraph, sorted; per sentence with a
/// statement (paragraph, first token), where its first statement's speaker or cue starts,
/// sorted (the first of each sentence is the earliest); the speakers, in text order
/// (`channels::Spoken`: read in that order, they need no sort).
#[allow(clippy::type_complexity)]
fn carried_to<'s>(
    doc: &Doc,
    statements: &'s [Statement],
    order: &[(usize, usize)],
    alias: &HashMap<usize, usize>,
) -> (
    Vec<(usize, usize)>,
    Vec<((usize, usize), usize)>,
    Vec<channels::Spoken<'s>>,
) {
    let cap = order.len();
    let mut heard = Vec::with_capacity(cap);
    let mut free_until = Vec::with_capacity(cap);
    let mut spoken = Vec::with_capacity(cap);
    for &(_, s) in order {
        let (st, Some(cue)) = (&statements[s], statements[s].cue) else {
            continue;
        };
        heard.extend(entity_for_carrying(alias, st).map(|e| (e, st.para)));
        let from = st.para_tokens(doc).toks[st.sent.start].start;
        let mention = (st.speaker.as_ref())
            .map(|sp| sp.start)
            .filter(|&m| m >= from);
        let at = mention.map_or(cue.start, |m| m.min(cue.start));
        free_until.push(((st.para, st.sent.start), at));
        let Some(sp) = st.speaker.as_ref() else {
            continue;
        };
        spoken.extend(sp.entity.map(|entity| channels::Spoken {
            at: cue.start,
            para: st.para,
            entity,
            person: sp.kind == EntityKind::Person,
            mention: sp.text.as_str(),
        }));
    }
    heard.sort_unstable();
    // (read in text order, the sentences come in order where each cue stands in its own
    // sentence, as nearly every one does: sorted only where not)
    if !free_until.is_sorted() {
        free_until.sort_unstable();
    }
    free_until.dedup_by_key(|(k, _)| *k);
    (heard, free_until, spoken)
}

/// The surnames of the people who speak in the document (`speakers`: [`distinct_speakers`]):
/// per entity, the last word of each name its speakers have, in lower case, sorted, each once.
fn surnames(speakers: &[&SpeakerRef]) -> Vec<(usize, String)> {
    // (each entity's surname once, lower-cased after the repeats are dropped; a speaker named
    // as the one before, as many are, is passed over before its name is read)
    let mut surnames: Vec<(usize, &str)> = Vec::with_capacity(speakers.len());
    let mut before: Option<(usize, &str)> = None;
    let people = (speakers.iter()).filter(|sp| sp.kind == EntityKind::Person);
    for sp in people {
        let Some(e) = sp.entity else {
            continue;
        };
        if before == Some((e, sp.name.as_str())) {
            continue;
        }
        before = Some((e, sp.name.as_str()));
        let last = crate::speakers::last_word(&sp.name);
        surnames.extend((!last.is_empty()).then_some((e, last)));
    }
    surnames.sort_unstable();
    surnames.dedup();
    let mut names: Vec<(usize, String)> = surnames
        .into_iter()
        .map(|(e, n)| (e, n.to_lowercase()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The speakers of the statements, in order, each once where the statements just before have
/// the same (the same entity, kind, name, mention and role, as most do): what is read of the
/// speakers once a document ([`role_aliases`], [`surnames`]) is the same without the repeats,
/// and is not read again for each statement.
fn distinct_speakers(statements: &[Statement]) -> Vec<&SpeakerRef> {
    distinct(statements.iter().filter_map(|st| st.speaker.as_ref()))
}

/// The speakers `speakers`, in order, less each that repeats the one before it (see
/// [`distinct_speakers`]).
fn distinct<'s>(speakers: impl Iterator<Item = &'s SpeakerRef>) -> Vec<&'s SpeakerRef> {
    let same = |a: &SpeakerRef, b: &SpeakerRef| {
        (a.entity, a.kind) == (b.entity, b.kind)
            && a.name == b.name
            && a.text == b.text
            && a.role == b.role
    };
    let mut out: Vec<&SpeakerRef> = Vec::with_capacity(speakers.size_hint().0);
    for sp in speakers {
        if !out.last().is_some_and(|b| same(b, sp)) {
            out.push(sp);
        }
    }
    out
}

/// The role a speaker is mentioned by alone, lower case and without its article: "the former
/// president" is `former president`; a mention with a name has none.
fn bare_role(sp: &SpeakerRef) -> Option<String> {
    let role = sp.role.as_deref()?;
    if !sp.name.eq_ignore_ascii_case(&sp.text) {
        return None;
    }
    // (ASCII, as nearly every mention is: compared without lower-case copies)
    if role.is_ascii() && sp.text.is_ascii() {
        let text = sp.text.as_str();
        let text = match text.get(..4) {
            Some(the) if the == "the " || the.eq_ignore_ascii_case("the ") => &text[4..],
            _ => text,
        };
        return text
            .eq_ignore_ascii_case(role)
            .then(|| role.to_ascii_lowercase());
    }
    let role = role.to_lowercase();
    let text = sp.text.to_lowercase();
    let text = text.strip_prefix("the ").unwrap_or(&text);
    (text == role).then_some(role)
}

/// The entity a speaker mentioned by a role alone stands for, for carrying: the one named
/// person of the document that the same role titles ("the former president" after "Former
/// President Bill Clinton"), when exactly one does. (`speakers`: [`distinct_speakers`].)
fn role_aliases(speakers: &[&SpeakerRef]) -> HashMap<usize, usize> {
    let mut alias = described_roles(speakers);
    alias.extend(outlet_pieces(speakers));
    alias
}

/// The outlet a document speaker is a piece of, for carrying: "a Times article" (and "the
/// article" it resolves to) carries to and from "the Times", when the document's name holds
/// the name of exactly one outlet that speaks in the article ("Twenty-two years ago, a Times
/// article hailed … ¶ … the Times wrote").
fn outlet_pieces(speakers: &[&SpeakerRef]) -> HashMap<usize, usize> {
    let speakers = || speakers.iter().copied();
    // (most documents have no document speaker: no outlet is looked up for them)
    if !speakers().any(|sp| sp.kind == EntityKind::Document && sp.entity.is_some()) {
        return HashMap::default();
    }
    let mut outlets: Vec<(usize, &str)> = speakers()
        .filter(|sp| sp.kind == EntityKind::Organization)
        .filter_map(|sp| Some((sp.entity?, channels::outlet_short_name(&sp.name)?)))
        .collect();
    if outlets.is_empty() {
        return HashMap::default();
    }
    outlets.sort_unstable();
    outlets.dedup();
    let holds = |doc: &str, name: &str| {
        doc.match_indices(name).any(|(at, _)| {
            let before = doc[..at].chars().next_back();
            let after = doc[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    speakers()
        .filter(|sp| sp.kind == EntityKind::Document)
        .filter_map(|sp| {
            let e = sp.entity?;
            let mut of = outlets.iter().filter(|(_, name)| holds(&sp.name, name));
            match (of.next(), of.next()) {
                (Some(&(o, _)), None) if o != e => Some((e, o)),
                _ => None,
            }
        })
        .collect()
}

/// The entity a speaker mentioned by a role alone stands for (see [`role_aliases`]).
fn described_roles(speakers: &[&SpeakerRef]) -> HashMap<usize, usize> {
    // (most documents have no speaker mentioned by a role alone, which has a role and no
    // name but its mention, `bare_role`'s first tests: their speakers are passed over before
    // any list is made or any role lower-cased)
    let alone = |sp: &SpeakerRef| sp.role.is_some() && sp.name.eq_ignore_ascii_case(&sp.text);
    if !speakers.iter().any(|sp| alone(sp)) {
        return HashMap::default();
    }
    // (the bare roles, read of the speakers those tests pass alone, in order; the roles of the
    // others title, each entity's once: most speakers repeat another's)
    let mut bare: Vec<(&SpeakerRef, String)> = Vec::new();
    let mut titled: Vec<(usize, &str)> = Vec::with_capacity(speakers.len());
    for &sp in speakers {
        match alone(sp).then(|| bare_role(sp)).flatten() {
            Some(role) => bare.push((sp, role)),
            None => titled.extend(sp.entity.zip(sp.role.as_deref())),
        }
    }
    if bare.is_empty() {
        return HashMap::default();
    }
    titled.sort_unstable();
    titled.dedup();
    // (per bare role, the entities it titles: only the bare roles are looked for, most
    // documents have one or two)
    let mut bares: Vec<&str> = bare.iter().map(|(_, b)| b.as_str()).collect();
    bares.sort_unstable();
    bares.dedup();
    let mut named: Vec<Vec<usize>> = vec![Vec::new(); bares.len()];
    for (e, role) in titled {
        let Some(k) = bares.iter().position(|b| titles(role, b)) else {
            continue;
        };
        if !named[k].contains(&e) {
            named[k].push(e);
        }
    }
    bare.iter()
        .filter_map(|(sp, role)| {
            let e = sp.entity?;
            let k = bares.binary_search(&role.as_str()).ok()?;
            match named[k].as_slice() {
                [one] if *one != e => Some((e, *one)),
                _ => None,
            }
        })
        .collect()
}

/// Whether `role`, in lower case and without the articles "the " it opens with, is `bare`
/// (a bare role, in lower case). (ASCII, as nearly every role is: compared without a
/// lower-case copy.)
fn titles(role: &str, bare: &str) -> bool {
    if !role.is_ascii() {
        return role.to_lowercase().trim_start_matches("the ") == bare;
    }
    let mut role = role;
    while role.len() >= 4 && role[..4].eq_ignore_ascii_case("the ") {
        role = &role[4..];
    }
    role.eq_ignore_ascii_case(bare)
}

/// What the carrying rule reads of a statement.
fn occasion(st: &Statement) -> window::Occasion<'_> {
    window::Occasion {
        entity: st.speaker.as_ref().and_then(|sp| sp.entity),
        para: st.para,
        channel: st.channel.as_ref(),
        time: st.time.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_merged_in_text_order_are_those_a_stable_sort_gives() {
        let occasion = |at: usize| channels::Occasion {
            para: 0,
            at,
            entity: 0,
            channel: None,
            time: None,
        };
        // (statement index by where its cue starts, in statement order; occasions' places)
        let cases: [(&[usize], &[usize]); 6] = [
            (&[5, 1, 9, 1, 3], &[0, 1, 4, 9, 12]),
            (&[], &[2, 2, 7]),
            (&[4, 4, 2], &[]),
            (&[10, 3, 7, 20, 15], &[3, 3, 15, 16]),
            (&[1, 2, 3], &[9, 4, 1]),
            (&[8, 6], &[6, 8, 8, 2]),
        ];
        for (cues, places) in cases {
            let occasions: Vec<_> = places.iter().map(|&at| occasion(at)).collect();
            let mut order: Vec<(usize, usize)> =
                cues.iter().enumerate().map(|(s, &at)| (at, s)).collect();
            order.sort_unstable();
            // (as the steps were ordered before: a stable sort by place of the statements,
            // in statement order, then the occasions)
            let stated = cues
                .iter()
                .enumerate()
                .map(|(s, &at)| (at, Step::Statement(s)));
            let set = places
                .iter()
                .enumerate()
                .map(|(i, &at)| (at, Step::Occasion(i)));
            let mut want: Vec<(usize, Step)> = stated.chain(set).collect();
            want.sort_by_key(|&(at, _)| at);
            let want: Vec<Step> = want.into_iter().map(|(_, step)| step).collect();
            assert_eq!(
                steps_in_order(&order, &occasions),
                want,
                "{cues:?} {places:?}"
            );
        }
    }

    #[test]
    fn the_dateline_gives_the_reference_date() {
        let mut md = Metadata {
            date: Some("2020-04-14".into()),
            ..Metadata::default()
        };
        assert_eq!(reference_date(&md).as_deref(), Some("2020-04-14"));
        md.date = None;
        assert_eq!(reference_date(&md), None);
    }

    #[test]
    fn the_reported_words_start_after_an_adjunct_and_that() {
        let t = "two days ago that the strike was illegal";
        let r = reported_from(
            t,
            Span {
                start: 0,
                end: t.len(),
            },
        );
        assert_eq!(&t[r.start..r.end], "the strike was illegal");
        let t = "the strike was illegal last week";
        assert_eq!(
            reported_from(
                t,
                Span {
                    start: 0,
                    end: t.len()
                }
            )
            .start,
            0
        );
    }

    #[test]
    fn a_space_is_found_where_a_byte_search_finds_it() {
        let t = "said that the strike — “illegal” — was  over\u{a0}a b";
        let bytes = t.as_bytes();
        for at in 0..=bytes.len() + 1 {
            let want = (bytes.get(at..).unwrap_or_default().iter())
                .position(|&b| b == b' ')
                .map(|k| at + k);
            assert_eq!(space_from(bytes, at), want, "{at}");
        }
    }

    #[test]
    fn the_speakers_without_their_repeats_give_the_same_aliases_and_surnames() {
        let sp = |text: &str, name: &str, role: Option<&str>, kind, entity| SpeakerRef {
            text: text.into(),
            start: 0,
            end: 0,
            name: name.into(),
            role: role.map(Into::into),
            kind,
            entity: Some(entity),
            attribution: Default::default(),
            quoted_speaker: None,
        };
        let (person, doc, org) = (
            EntityKind::Person,
            EntityKind::Document,
            EntityKind::Organization,
        );
        let all = [
            sp(
                "Former President Bill Clinton",
                "Bill Clinton",
                Some("Former President"),
                person,
                1,
            ),
            sp(
                "the former president",
                "the former president",
                Some("former president"),
                person,
                2,
            ),
            sp(
                "the former president",
                "the former president",
                Some("former president"),
                person,
                2,
            ),
            sp("Clinton", "Bill Clinton", None, person, 1),
            sp(
                "the former president",
                "the former president",
                Some("former president"),
                person,
                2,
            ),
            sp("the mayor", "the mayor", Some("mayor"), person, 4),
            sp("the mayor", "the mayor", Some("mayor"), person, 4),
            sp("the Times", "The New York Times", None, org, 5),
            sp("a Times article", "a New York Times article", None, doc, 6),
            sp("a Times article", "a New York Times article", None, doc, 6),
            sp("Lee", "Ann Lee", None, person, 7),
            sp("Lee", "Ann Lee", None, person, 7),
        ];
        let once = distinct(all.iter());
        assert_eq!(once.len(), 8);
        let every: Vec<&SpeakerRef> = all.iter().collect();
        for speakers in [&once, &every] {
            let mut alias: Vec<_> = role_aliases(speakers).into_iter().collect();
            alias.sort_unstable();
            assert_eq!(alias, [(2, 1), (6, 5)]);
        }
        assert_eq!(surnames(&once), surnames(&every));
        assert_eq!(surnames(&once).len(), 4);
    }

    #[test]
    fn a_paragraph_that_may_not_break_breaks_no_section() {
        let paras = [
            "___",
            "* * *",
            "5:55 p.m.",
            " 5:55 p.m.",
            "\u{a0}5:55 p.m.",
            "\u{2003}___",
            "...",
            "“We won,” she said.",
            "Smith said.",
            "2016 was a year.",
            "— Smith",
            "Ünal said.",
            "“…”",
            "",
            " ",
            "12",
            "5:55 p.m. Smith spoke.",
            "* * *.",
            "\u{a0}Smith",
        ];
        let (mut breaks, mut passed) = (0, 0);
        for para in paras {
            let may = may_break(para);
            assert!(may || !window::section_break(para), "{para:?}");
            breaks += usize::from(window::section_break(para));
            passed += usize::from(!may);
        }
        assert!(breaks >= 4 && passed >= 4, "{breaks} {passed}");
    }

    #[test]
    fn a_role_titles_its_bare_form_without_its_articles() {
        assert!(titles("Former President", "former president"));
        assert!(titles("the the former President", "former president"));
        assert!(!titles("the former President", "the former president"));
        assert!(!titles("President", "former president"));
        assert!(titles("The Bürgermeister", "bürgermeister"));
        assert!(!titles("Bürgermeister", "burgermeister"));
    }

    #[test]
    fn added_keeps_the_channel_of_the_statement_before() {
        let text = "Smith said on CNN that the plan had failed.\n\nHe added that it cost too much.";
        let a = crate::analyze(text, &crate::Options::default());
        assert_eq!(a.quotes.len(), 2);
        let ch: Vec<_> = a.quotes.iter().map(|q| q.channel.clone()).collect();
        let (first, second) = (ch[0].clone().unwrap(), ch[1].clone().unwrap());
        assert_eq!((first.start, first.carried), (second.start, false));
        assert!(second.carried);
    }

    #[test]
    fn a_piece_of_an_outlet_carries_its_occasion_to_the_outlet() {
        let text = "In 1995, a Times article said the developer was back.\n\n\
                    “Mr. Ames has managed to erase much of his debt,” the article read.\n\n\
                    “His fortunes have changed,” the Times wrote.";
        let a = crate::analyze(text, &crate::Options::default());
        let wrote = a.quotes.iter().find(|q| q.text.starts_with("His")).unwrap();
        let t = wrote.time.as_ref().unwrap();
        assert_eq!((t.text.as_str(), t.carried), ("In 1995", true));
        // (an outlet that no piece names carries nothing)
        let text = "In 1995, a report said the developer was back.\n\n\
                    “His fortunes have changed,” the Times wrote.";
        let a = crate::analyze(text, &crate::Options::default());
        assert!(
            a.quotes
                .iter()
                .all(|q| q.text.starts_with("the") || q.time.is_none())
        );
    }

    #[test]
    fn said_carries_channel_and_time_a_paragraph_on_but_not_across_a_section() {
        let text = "Smith said at a rally in Ohio on Friday that the plan had failed.\n\n\
                    “It cost too much,” Smith said.\n\n___\n\nSmith said the vote was close.";
        let a = crate::analyze(text, &crate::Options::default());
        let said: Vec<_> = a
            .quotes
            .iter()
            .map(|q| (q.channel.clone(), q.time.clone()))
            .collect();
        assert_eq!(said.len(), 3);
        let (ch, tm) = (said[1].0.clone().unwrap(), said[1].1.clone().unwrap());
        assert!(ch.carried && tm.carried);
        assert_eq!(
            (ch.text.as_str(), tm.text.as_str()),
            ("at a rally", "on Friday")
        );
        assert!(said[2].0.is_none() && said[2].1.is_none());
    }

    /// The channel and time of each statement of `text`, as (channel words, time words).
    fn occasions_of(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let a = crate::analyze(text, &crate::Options::default());
        a.quotes
            .iter()
            .map(|q| {
                let ch = q.channel.as_ref().map(|c| c.text.clone());
                (ch, q.time.as_ref().map(|t| t.text.clone()))
            })
            .collect()
    }

    #[test]
    fn the_lead_dates_what_the_people_it_names_say_after_it() {
        let text = "Warren grills bank chief\n\nSen. Elizabeth Warren grilled Wells Fargo CEO \
                    John Stumpf on Tuesday over the scandal.\n\n“You should resign,” Warren \
                    said.\n\nIn one of her columns, Warren wrote that banks were too big.";
        let got = occasions_of(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], (None, Some("on Tuesday".to_string())));
        // (a statement with a channel of its own is another occasion)
        assert_eq!(got[1], (Some("In one of her columns".to_string()), None));
    }
}
