//! The time of a definite event: a statement at "the debate" that states no time of its own
//! is dated by the article's earlier mention of the same event with its day ("Following
//! Monday’s presidential debate … ¶ … He said during a portion of the debate: …").

use super::statement::{Doc, Statement};
use crate::channels::{self, Hits, Matches};
use crate::lexicon::{Class, with_lower};
use crate::model::{Channel, ChannelKind, Span, Time};
use crate::segment::{Tok, Token};

/// How far before a statement's channel an earlier mention of its event is looked for, in
/// bytes (an article's length, bounded so that a run-on document stays linear).
const EVENT_REACH: usize = 20_000;

/// How many earlier mentions of the event's noun are read at most, nearest first.
const EVENT_MENTIONS: usize = 8;

/// How many words a day may stand before the event's noun ("Monday night’s presidential
/// debate") or after it ("the debate on Monday").
const EVENT_WORDS: usize = 3;

/// The classes of nouns that name an event someone speaks at.
const EVENT_NOUNS: [Class; 5] = [
    Class::ChannelSpeechNouns,
    Class::ChannelHearingNouns,
    Class::ChannelInterviewNouns,
    Class::ChannelPressNouns,
    Class::ChannelBroadcastNouns,
];

/// Date each standing statement whose channel ends with a definite event ("the debate", "a
/// portion of the debate") and that has no time, by the nearest earlier mention of that
/// event's noun with a day next to it: "Monday’s presidential debate", "the hearing on
/// Tuesday". The time is marked `carried`: the statement does not state it.
pub(super) fn date_events(doc: &Doc, statements: &mut [Statement], reference_date: Option<&str>) {
    // (the statement before whose channel names no definite event: a channel carried on to
    // the next statements, as most are, is read once)
    let mut no_event: Option<usize> = None;
    for s in 0..statements.len() {
        let st = &statements[s];
        let Some(c) = st
            .channel
            .as_ref()
            .filter(|_| st.stands && st.time.is_none())
        else {
            continue;
        };
        let same = |o: usize| {
            statements[o]
                .channel
                .as_ref()
                .is_some_and(|o| o.text == c.text)
        };
        if no_event.is_some_and(same) {
            continue;
        }
        let Some((names, head)) = definite_event(&c.text) else {
            no_event = Some(s);
            continue;
        };
        let before = st.cue.map_or(c.start, |cue| cue.start.min(c.start));
        if let Some(mut t) = earlier_day(doc, (names, head), before, reference_date) {
            t.carried = true;
            statements[s].time = Some(t);
        }
    }
}

/// How many paragraphs back the same speaker's interview with the same outlet is looked for.
const INTERVIEW_REACH: usize = 12;

/// Date each standing statement whose own channel is an interview with an outlet and that
/// has no time by the same speaker's nearest earlier statement of an interview with the same
/// outlet that has one: an article quotes one interview in several places ("Trump told Bill
/// O'Reilly of Fox News this week. … ¶ … Trump told Fox that …"). Run before carrying, on
/// the channels the statements state; the time is marked `carried`.
pub(super) fn date_interviews(statements: &mut [Statement]) {
    let same = |a: &Channel, b: &Channel| a.kind == b.kind && a.outlet == b.outlet;
    for s in 0..statements.len() {
        let st = &statements[s];
        let Some(c) = st
            .channel
            .as_ref()
            .filter(|c| is_interview(c) && st.time.is_none())
        else {
            continue;
        };
        let Some(e) = st.speaker.as_ref().and_then(|sp| sp.entity) else {
            continue;
        };
        // (statements are in text order: those within reach are the last ones before)
        let mut within = statements[..s]
            .iter()
            .rev()
            .take_while(|o| o.para + INTERVIEW_REACH >= st.para);
        let dated = within.find(|o| {
            o.speaker.as_ref().and_then(|sp| sp.entity) == Some(e)
                && o.channel.as_ref().is_some_and(|oc| same(oc, c))
                && o.time.as_ref().is_some_and(|t| !t.carried)
        });
        if let Some(mut t) = dated.and_then(|o| o.time.clone()) {
            t.carried = true;
            statements[s].time = Some(t);
        }
    }
}

/// Whether a channel is an interview with a named outlet, of the statement's own.
fn is_interview(c: &Channel) -> bool {
    c.kind == ChannelKind::Interview && c.outlet.is_some() && !c.carried
}

/// The head noun of a channel phrase that ends with a definite event, and the capitalised
/// words between its article and the head: its last word names an event and the nearest
/// article before it is "the" ("during a portion of the debate"; "at the Democratic
/// convention" gives `Democratic`).
fn definite_event(phrase: &str) -> Option<(Vec<&str>, &str)> {
    let mut words = phrase
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let head = words.next()?;
    // (each word lower-cased on the stack, not in a new string: `lexicon::with_lower`)
    if !with_lower(head, |l| EVENT_NOUNS.iter().any(|c| c.contains(l))) {
        return None;
    }
    let mut names = Vec::new();
    for w in words {
        if with_lower(w, |l| Class::ClauseOccasionDeterminers.contains(l)) {
            return w.eq_ignore_ascii_case("the").then_some((names, head));
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            names.push(w);
        }
    }
    None
}

/// The day next to the nearest earlier mention of the event's noun before `pos` that has
/// the event's names among the words before it ("this week’s convention" is not "the
/// Democratic convention").
fn earlier_day(
    doc: &Doc,
    (names, noun): (Vec<&str>, &str),
    pos: usize,
    reference_date: Option<&str>,
) -> Option<Time> {
    let text = doc.text;
    let lo = pos.saturating_sub(EVENT_REACH);
    let lo = (lo..pos).find(|&i| text.is_char_boundary(i)).unwrap_or(pos);
    for at in mentions_before(&text.as_bytes()[lo..pos], noun.as_bytes()).take(EVENT_MENTIONS) {
        let at = lo + at;
        let p = doc.paras.partition_point(|p| p.end <= at);
        let toks = &doc.para_toks.get(p)?.toks;
        let Ok(k) = toks.binary_search_by_key(&at, |t| t.start) else {
            continue;
        };
        if toks[k].end != at + noun.len() {
            continue;
        }
        let lead = &toks[k.saturating_sub(EVENT_WORDS + 2)..k];
        if !names
            .iter()
            .all(|n| lead.iter().any(|t| t.text(text) == *n))
        {
            continue;
        }
        if let Some(t) = day_next_to(doc, p, toks, k, reference_date) {
            return Some(t);
        }
    }
    None
}

/// Where `needle` stands in `hay`, nearest the end first, each ending by the start of the one
/// before, as a search backward from the end finds them one after another. (The searcher that
/// reads forward skips most bytes by their rarity; the one that reads backward reads each: the
/// places are found forward, every one, and read from the end.)
fn mentions_before<'h>(hay: &'h [u8], needle: &[u8]) -> impl Iterator<Item = usize> + 'h {
    let finder = memchr::memmem::Finder::new(needle);
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(k) = hay.get(from..).and_then(|h| finder.find(h)) {
        starts.push(from + k);
        from += k + 1;
    }
    let (len, mut end) = (needle.len(), hay.len());
    starts.into_iter().rev().filter(move |&at| {
        let nearer = at + len <= end;
        if nearer {
            end = at;
        }
        nearer
    })
}

/// The day right before the noun at `k` of paragraph `p`'s tokens, possessive and with only
/// words between ("Monday night’s presidential debate"), or right after it ("the debate on
/// Monday", "the hearing Tuesday").
fn day_next_to(
    doc: &Doc,
    p: usize,
    toks: &[Token],
    k: usize,
    reference_date: Option<&str>,
) -> Option<Time> {
    let from = toks[..k]
        .iter()
        .rposition(|t| t.kind != Tok::Word)
        .map_or(0, |i| i + 1)
        .max(k.saturating_sub(EVENT_WORDS + 1));
    if from < k {
        let span = Span {
            start: toks[from].start,
            end: toks[k].start,
        };
        let possessive = |t: &Time| t.text.ends_with("’s") || t.text.ends_with("'s");
        let found = time_within(doc, p, span, reference_date);
        if let Some(t) = found.filter(|t| possessive(t) && recent(t, reference_date)) {
            return Some(t);
        }
    }
    let after = toks.get(k + 1)?;
    let last = &toks[(k + EVENT_WORDS).min(toks.len() - 1)];
    let span = Span {
        start: after.start,
        end: last.end,
    };
    time_within(doc, p, span, reference_date)
        .filter(|t| t.start == after.start && recent(t, reference_date))
}

/// Whether a time names a day or days ("Monday’s", "this week’s"), as the news of the
/// article does; a month, a season or a year ("a debate in August", "the convention this
/// summer") names another event. (With no date for the article, nothing resolves: any time.)
fn recent(t: &Time, reference_date: Option<&str>) -> bool {
    match t.date.as_deref() {
        Some(d) => d.len() == "2016-07-14".len() || d.contains('/'),
        None => reference_date.is_none(),
    }
}

/// The time stated in `span` of paragraph `p`, outside quotations.
pub(super) fn time_within(
    doc: &Doc,
    p: usize,
    span: Span,
    reference_date: Option<&str>,
) -> Option<Time> {
    let quotes: Vec<Span> = doc
        .parts
        .iter()
        .filter(|q| q.para == p)
        .map(|q| q.outer)
        .filter(|q| q.start < span.end && span.start < q.end)
        .collect();
    let para = doc.hits[p]
        .get_or_init(|| Hits::in_paragraph(doc.text, doc.paras[p], &doc.para_toks[p].toks));
    let mut hits = Matches::default();
    para.region(doc.text, span, &quotes, true, &mut hits);
    channels::time_in(doc.text, span, &quotes, reference_date, &hits, &|_, _| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mentions_are_those_a_backward_search_finds_one_after_another() {
        let texts = [
            "",
            "debate",
            "the debate and the debate",
            "aaaa",
            "abab aba",
            "xdebatedebate",
        ];
        for hay in texts {
            for needle in ["debate", "a", "aa", "aba", "ab", "z"] {
                let finder = memchr::memmem::FinderRev::new(needle.as_bytes());
                let mut want = Vec::new();
                let mut end = hay.len();
                while let Some(at) = finder.rfind(&hay.as_bytes()[..end]) {
                    want.push(at);
                    end = at;
                }
                let got: Vec<usize> = mentions_before(hay.as_bytes(), needle.as_bytes()).collect();
                assert_eq!(got, want, "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn a_definite_event_is_its_head_and_the_names_before_it() {
        assert_eq!(
            definite_event("during a portion of the debate"),
            Some((vec![], "debate"))
        );
        assert_eq!(
            definite_event("at the Democratic convention"),
            Some((vec!["Democratic"], "convention"))
        );
        assert_eq!(definite_event("at a rally"), None);
        assert_eq!(definite_event("in his speech"), None);
        assert_eq!(definite_event("in a statement"), None);
    }

    /// The time of the quotation of `text` that starts with "taxes", and whether carried,
    /// with the article dated `date`.
    fn time_of(text: &str, date: Option<&str>) -> Option<(String, bool)> {
        let options = crate::Options {
            date: date.map(str::to_string),
            ..Default::default()
        };
        let a = crate::analyze(text, &options);
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with("taxes"))
            .unwrap();
        q.time.as_ref().map(|t| (t.text.clone(), t.carried))
    }

    #[test]
    fn the_event_is_dated_by_its_earlier_mention_with_a_day() {
        let time_of = |text: &str| time_of(text, Some("2016-09-28"));
        let mk = |lead: &str| {
            format!(
                "{lead}\n\nThe crowd was loud.\n\nDuring the debate, Ames said taxes were too high."
            )
        };
        assert_eq!(
            time_of(&mk(
                "Ames and Cole met at Monday’s presidential debate in Ohio."
            )),
            Some(("Monday’s".to_string(), true))
        );
        assert_eq!(
            time_of(&mk("Ames and Cole met at the debate on Monday in Ohio.")),
            Some(("on Monday".to_string(), true))
        );
        // (a debate dated by a month is another; so is one with other names)
        assert_eq!(
            time_of(&mk("Ames and Cole met at a debate in August.")),
            None
        );
        let other = "Ames and Cole met at Monday’s debate.\n\nAt the Democratic debate, Ames said \
                     taxes were too high.";
        assert_eq!(time_of(other), None);
    }

    #[test]
    fn an_interview_is_dated_by_the_speakers_earlier_interview_with_the_outlet() {
        let mk = |outlet: &str| {
            format!(
                "Ames told Bill Lane of Fox News on Monday that the plan was dead.\n\nThe \
                 crowd was loud.\n\nThe band played on.\n\nThe mayor left early.\n\nAmes told \
                 {outlet} that taxes were too high."
            )
        };
        assert_eq!(
            time_of(&mk("Fox News"), None),
            Some(("on Monday".to_string(), true))
        );
        // (another outlet's interview is another)
        assert_eq!(time_of(&mk("CNN"), None), None);
    }
}
