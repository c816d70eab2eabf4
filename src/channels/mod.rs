//! Channels and times: how and when a statement was made.
//!
//! The channel phrases ("via Twitter", "in a statement", "at a news conference") are a data
//! file (`lexicon/channels.txt`) searched with one Aho-Corasick automaton, in the sentence of
//! the statement's cue and outside its quotations. Outlets (`lexicon/outlets.txt`) make
//! "told CNN" an interview and "on CNN" a broadcast. A cue that implies a channel
//! ("tweeted") gives it when the sentence states none.
//!
//! Times are the words that date the act of saying ("on Sunday", "late Sunday", "last
//! week", "on April 8"); with the article's date they resolve to an ISO date.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::lexicon::LEXICON;
use crate::model::{Channel, ChannelKind, EntityKind, Span, Time};
pub(crate) mod window;

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

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

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
    matches!(
        first.as_str(),
        "via"
            | "on"
            | "in"
            | "at"
            | "during"
            | "told"
            | "said"
            | "issued"
            | "released"
            | "testified"
            | "tweeted"
            | "tweet"
            | "tweets"
            | "according"
            | "a"
            | "before"
    )
}

fn preposition_before(text: &str, start: usize) -> bool {
    text[..start].split_whitespace().rev().take(4).any(|w| {
        matches!(
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
            "in" | "at"
                | "during"
                | "on"
                | "from"
                | "before"
                | "to"
                | "via"
                | "through"
                | "after"
                | "told"
        )
    })
}

fn channel(kind: ChannelKind, text: &str, s: usize, e: usize) -> Channel {
    Channel {
        kind,
        platform: None,
        outlet: None,
        programme: None,
        text: text[s..e].to_string(),
        start: s,
        end: e,
    }
}

/// The matches of the word-list automata over a paragraph, found once and shared by the
/// statements of the paragraph (each looks at its own clause of them).
#[derive(Default)]
pub(crate) struct Hits {
    phrases: Vec<(usize, usize, usize)>,
    outlets: Vec<(usize, usize, usize)>,
    weekdays: Vec<(usize, usize, usize)>,
    times: Vec<(usize, usize, usize)>,
}

/// The four word lists in one automaton, so that a paragraph is scanned once: channel
/// phrases (any case), outlets, weekdays and time phrases (exact case). Each pattern keeps
/// its list and its index in the list.
struct Lists {
    automaton: AhoCorasick,
    /// Per pattern: (list, index in the list, case-sensitive text or None).
    patterns: Vec<(usize, usize, Option<&'static str>)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut texts: Vec<&'static str> = Vec::new();
    let mut patterns = Vec::new();
    let lists: [(Vec<&'static str>, bool); 4] = [
        (LEXICON.channels.iter().map(|c| c.phrase).collect(), false),
        (LEXICON.outlets.clone(), true),
        (WEEKDAYS.to_vec(), true),
        (TIME_PHRASES.iter().map(|p| p.0).collect(), true),
    ];
    for (list, (words, exact)) in lists.into_iter().enumerate() {
        for (i, w) in words.into_iter().enumerate() {
            texts.push(w);
            patterns.push((list, i, exact.then_some(w)));
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&texts)
        .expect("word lists build an automaton");
    Lists {
        automaton,
        patterns,
    }
});

impl Hits {
    /// The matches in `span` of `text`, as absolute (start, end, pattern): per list, the
    /// leftmost-longest matches that do not overlap, as a scan of that list alone gives.
    pub(crate) fn new(text: &str, span: Span) -> Hits {
        let hay = &text[span.start..span.end];
        let lists = &*LISTS;
        let mut found: [Vec<(usize, usize, usize)>; 4] = Default::default();
        for m in lists.automaton.find_overlapping_iter(hay) {
            let (list, index, exact) = lists.patterns[m.pattern().as_usize()];
            if exact.is_some_and(|w| hay.as_bytes()[m.start()..m.end()] != *w.as_bytes()) {
                continue;
            }
            found[list].push((span.start + m.start(), span.start + m.end(), index));
        }
        let [phrases, outlets, weekdays, times] = found.map(|mut v| {
            v.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            let mut end = 0;
            v.retain(|&(s, e, _)| {
                let keep = s >= end;
                if keep {
                    end = e;
                }
                keep
            });
            v
        });
        Hits {
            phrases,
            outlets,
            weekdays,
            times,
        }
    }

    /// The matches that lie in `r` (a match that starts in the clause before but ends in
    /// this one, "said in a statement", counts: its words reach into the clause).
    fn within(
        v: &[(usize, usize, usize)],
        r: Span,
    ) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let from = v.partition_point(|m| m.1 <= r.start);
        v[from..]
            .iter()
            .copied()
            .take_while(move |m| m.0 < r.end)
            .filter(move |m| m.1 <= r.end)
    }
}

/// Channel kinds from the most specific to the least, for choosing among phrases.
const SPECIFICITY: [ChannelKind; 10] = [
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

/// What `find` knows of the statement.
pub(crate) struct Context<'a> {
    /// The cue's lemma ("tweet", "testify", "report") and where it stands.
    pub cue: Option<(&'a str, Span)>,
    /// The speaker's kind and the mention as written.
    pub speaker: Option<(EntityKind, &'a str)>,
    /// The quotations in the region (whole spans, marks included).
    pub quotes: &'a [Span],
}

/// The channel stated in `region` of `text`, outside the quotations. Precedence: a
/// broadcast with its outlet ("on CNN", "in an interview on the BBC": on-air beats
/// interview), an interview with its outlet ("told CNN", "in an interview with Reuters"), a
/// channel phrase of the lexicon, the speaker as a medium ("the report said"), an outlet
/// that reports, and last what the cue implies ("tweeted", "testified").
#[cfg(test)]
pub(crate) fn find(text: &str, region: Span, ctx: &Context) -> Option<Channel> {
    find_in(text, region, ctx, &Hits::new(text, region))
}

/// [`find`] with the paragraph's automaton matches already found.
pub(crate) fn find_in(text: &str, region: Span, ctx: &Context, hits: &Hits) -> Option<Channel> {
    let skip = ctx.quotes;
    let outside = |s: usize, e: usize| !skip.iter().any(|q| s < q.end && q.start < e);
    // Outlets: on (the) OUTLET → broadcast; told (the) OUTLET / interview with OUTLET → interview.
    let mut interview: Option<Channel> = None;
    {
        for (s, e, pat) in Hits::within(&hits.outlets, region) {
            let outlet = LEXICON.outlets[pat];
            if !word_bounded(text, s, e) || !outside(s, e) {
                continue;
            }
            let before = text[region.start..s].trim_end();
            let before = before.strip_suffix("the").unwrap_or(before).trim_end();
            let lead = |w: &str| {
                before.ends_with(w)
                    && word_bounded(
                        text,
                        region.start + before.len() - w.len(),
                        region.start + before.len(),
                    )
            };
            let lead_start = |w: &str| region.start + before.len() - w.len();
            if lead("on") || lead("Appearing on") || lead("appearing on") || lead("appeared on") {
                let st = if lead("interview on") {
                    lead_start("interview on")
                } else {
                    lead_start("on")
                };
                let mut c = channel(ChannelKind::Broadcast, text, st, e);
                c.outlet = Some(outlet.to_string());
                c.programme = programme(text, e, skip);
                if let Some(p) = &c.programme {
                    let pe = skip
                        .iter()
                        .find(|q| q.start >= e && text[q.start..q.end].contains(p.as_str()))
                        .map_or(e, |q| q.end);
                    c.end = pe.max(e);
                    c.text = text[c.start..c.end].to_string();
                }
                return Some(c);
            }
            if interview.is_none()
                && (lead("told")
                    || lead("interview with")
                    || lead("spoke to")
                    || lead("speaking to"))
            {
                let w = ["told", "interview with", "spoke to", "speaking to"]
                    .into_iter()
                    .find(|w| lead(w))
                    .unwrap_or("told");
                let mut c = channel(ChannelKind::Interview, text, lead_start(w), e);
                c.outlet = Some(outlet.to_string());
                interview = Some(c);
            }
        }
    }
    if interview.is_some() {
        return interview;
    }
    // Of several phrases, the most specific kind wins ("in a video posted on YouTube" is
    // social media, not "other"); among equals, the first.
    let mut best: Option<(usize, Channel)> = None;
    for (s, e, pat) in Hits::within(&hits.phrases, region) {
        let entry = &LEXICON.channels[pat];
        if !word_bounded(text, s, e) || !outside(s, e) {
            continue;
        }
        if !opens_itself(entry.phrase) && !preposition_before(text, s) {
            continue;
        }
        let kind = kind_of(entry.kind);
        let rank = SPECIFICITY
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(SPECIFICITY.len());
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            let mut c = channel(kind, text, s, e);
            c.platform = entry.platform.map(str::to_string);
            best = Some((rank, c));
        }
    }
    if let Some((_, c)) = best {
        return Some(c);
    }
    // The speaker is itself a medium: "the report said", "according to the poll".
    if let Some((EntityKind::Document, mention)) = ctx.speaker {
        let head = mention
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        if let Some((kind, platform)) = LEXICON.document_channels.get(head.as_str())
            && let Some(i) = text[region.start..region.end].find(mention)
        {
            let s = region.start + i;
            let mut c = channel(kind_of(kind), text, s, s + mention.len());
            c.platform = platform.map(str::to_string);
            return Some(c);
        }
    }
    // An outlet that reports or writes: "The New York Times reported".
    if let (Some((EntityKind::Organization, mention)), Some(("report" | "write", _))) =
        (ctx.speaker, ctx.cue)
    {
        let name = mention.trim_start_matches("the ");
        if let Some(outlet) = LEXICON
            .outlets
            .iter()
            .find(|o| o.eq_ignore_ascii_case(name))
            && let Some(i) = text[region.start..region.end].find(mention)
        {
            let s = region.start + i;
            let mut c = channel(ChannelKind::Publication, text, s, s + mention.len());
            c.outlet = Some(outlet.to_string());
            return Some(c);
        }
    }
    // What the cue implies.
    let (lemma, at) = ctx.cue?;
    let (kind, platform) = match lemma {
        "tweet" => (ChannelKind::SocialMedia, Some("twitter")),
        "testify" => (ChannelKind::Hearing, None),
        _ => return None,
    };
    let mut c = channel(kind, text, at.start, at.end);
    c.platform = platform.map(str::to_string);
    Some(c)
}

/// The programme named right after an outlet: `Fox News’ “Hannity”`, `NBC's "Meet the Press"`.
fn programme(text: &str, outlet_end: usize, quotes: &[Span]) -> Option<String> {
    let rest = &text[outlet_end..];
    let after = rest
        .strip_prefix("’s")
        .or_else(|| rest.strip_prefix("'s"))
        .or_else(|| rest.strip_prefix('’'))
        .or_else(|| rest.strip_prefix('\''))?;
    let gap = rest.len() - after.len() + (after.len() - after.trim_start().len());
    let q = quotes.iter().find(|q| q.start == outlet_end + gap)?;
    let inner = text[q.start..q.end]
        .trim_matches(|c: char| {
            matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»') || c.is_whitespace()
        })
        .trim_end_matches([',', '.']);
    (!inner.is_empty()).then(|| inner.to_string())
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

static TIME_PHRASES: LazyLock<Vec<(&'static str, Option<i64>)>> = LazyLock::new(|| {
    include_str!("../lexicon/time_phrases.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('|') {
            Some((p, o)) => (p.trim(), o.trim().parse().ok()),
            None => (l, None),
        })
        .collect()
});

/// A time expression found in a clause: its span and the ISO date it resolves to.
struct Found {
    start: usize,
    end: usize,
    date: Option<String>,
}

/// The time words in `region`, outside `skip`, nearest to `near` (the cue): "on Sunday",
/// "late Sunday", "Tuesday night", "on April 8", "yesterday", "last week". With the
/// article's date, weekdays, dates and day offsets resolve to an ISO date.
#[cfg(test)]
pub(crate) fn time(
    text: &str,
    region: Span,
    skip: &[Span],
    article_date: Option<&str>,
) -> Option<Time> {
    time_in(text, region, skip, article_date, &Hits::new(text, region))
}

/// [`time`] with the paragraph's automaton matches already found.
pub(crate) fn time_in(
    text: &str,
    region: Span,
    skip: &[Span],
    article_date: Option<&str>,
    hits: &Hits,
) -> Option<Time> {
    let hay = &text[region.start..region.end];
    let outside = |s: usize, e: usize| !skip.iter().any(|q| s < q.end && q.start < e);
    let mut found: Vec<Found> = Vec::new();
    // Leading and trailing words taken with a day or a date.
    let lead = |s: usize| {
        let before = text[..s].trim_end();
        for w in ["on", "late", "early", "last", "On", "Late", "Early", "Last"] {
            if before.ends_with(w) && word_bounded(text, before.len() - w.len(), before.len()) {
                return before.len() - w.len();
            }
        }
        s
    };
    let trail = |e: usize| {
        let after = &text[e..region.end];
        for w in [" night", " morning", " afternoon", " evening"] {
            if after.starts_with(w) && word_bounded(text, e + 1, e + w.len()) {
                return e + w.len();
            }
        }
        e
    };
    {
        for (s, e, wd) in Hits::within(&hits.weekdays, region) {
            // "Sunday's debate" dates the event: keep the time words only.
            let possessive = text[e..].starts_with("’s") || text[e..].starts_with("'s");
            if !word_bounded(text, s, e) && !possessive || !outside(s, e) {
                continue;
            }
            let (s2, e2) = if possessive {
                (
                    s,
                    e + if text[e..].starts_with("’s") {
                        "’s".len()
                    } else {
                        2
                    },
                )
            } else {
                (lead(s), trail(e))
            };
            found.push(Found {
                start: s2,
                end: e2,
                date: article_date.and_then(|d| resolve_weekday(d, wd)),
            });
        }
    }
    // Dates: "April 8", "Sept. 11", "8 April", with an optional year. (A date has a digit:
    // without one, no word is looked at.)
    let has_digit = hay.bytes().any(|b| b.is_ascii_digit());
    for (i, w) in (if has_digit { hay } else { "" })
        .split_inclusive(|c: char| c.is_whitespace())
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len();
            Some((at, w))
        })
    {
        let word = w.trim_end();
        if !word.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(month) = crate::posts::month(word) else {
            continue;
        };
        let rest = &hay[i + w.len()..];
        let day_len = rest.chars().take_while(char::is_ascii_digit).count();
        if !(1..=2).contains(&day_len) {
            continue;
        }
        let day: u32 = rest[..day_len].parse().unwrap_or(0);
        let s = region.start + i;
        let e = region.start + i + w.len() + day_len;
        if !(1..=31).contains(&day) || !word_bounded(text, s, e) || !outside(s, e) {
            continue;
        }
        let date = article_date.and_then(|d| {
            let year: i64 = d.get(..4)?.parse().ok()?;
            let this = format!("{year:04}-{month:02}-{day:02}");
            Some(if this.as_str() > d {
                format!("{:04}-{month:02}-{day:02}", year - 1)
            } else {
                this
            })
        });
        found.push(Found {
            start: lead(s),
            end: e,
            date,
        });
    }
    {
        for (s, e, pat) in Hits::within(&hits.times, region) {
            let (phrase, offset) = TIME_PHRASES[pat];
            if !word_bounded(text, s, e)
                || !outside(s, e)
                || found.iter().any(|f| f.start <= s && e <= f.end)
            {
                continue;
            }
            // "two days ago": take the number with it.
            let s = if phrase.ends_with(" ago") {
                text[..s].trim_end().rfind(' ').map_or(s, |b| b + 1)
            } else {
                s
            };
            let date = match (offset, article_date) {
                (Some(o), Some(d)) => shift(d, o),
                _ => None,
            };
            found.push(Found {
                start: s,
                end: e,
                date,
            });
        }
    }
    // The first time words of the clause (it opens at the speaker or the cue).
    let f = found.into_iter().min_by_key(|f| f.start)?;
    Some(Time {
        text: text[f.start..f.end].to_string(),
        start: f.start,
        end: f.end,
        date: f.date,
    })
}

/// The ISO date `days` after `date`.
fn shift(date: &str, days: i64) -> Option<String> {
    let mut it = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The latest date on or before the article's date that falls on weekday `wd` (0 = Monday).
pub(crate) fn resolve_weekday(article_date: &str, wd: usize) -> Option<String> {
    let mut it = article_date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday (3).
    let today = (days + 3).rem_euclid(7);
    let back = (today - wd as i64).rem_euclid(7);
    let (y, m, d) = civil_from_days(days - back);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Span {
        Span {
            start: 0,
            end: text.len(),
        }
    }

    fn plain(t: &str) -> Option<Channel> {
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes: &[],
        };
        find(t, all(t), &ctx)
    }

    #[test]
    fn channel_phrases_and_outlets() {
        let c = plain("he announced via Twitter on Sunday").unwrap();
        assert_eq!(
            (c.kind, c.platform.as_deref()),
            (ChannelKind::SocialMedia, Some("twitter"))
        );
        let c = plain("she told CNN on Monday").unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref()),
            (ChannelKind::Interview, Some("CNN"))
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
        assert!(plain("he said the letter was forged").is_none());
        assert_eq!(
            plain("she said in a letter to him").unwrap().kind,
            ChannelKind::LetterOrEmail
        );
        let c = plain("she said in an interview on CNN").unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref()),
            (ChannelKind::Broadcast, Some("CNN"))
        );
    }

    #[test]
    fn weekday_resolves_against_the_article_date() {
        // 2020-04-12 was a Sunday.
        assert_eq!(
            resolve_weekday("2020-04-12", 6).as_deref(),
            Some("2020-04-12")
        );
        assert_eq!(
            resolve_weekday("2020-04-13", 6).as_deref(),
            Some("2020-04-12")
        );
        assert_eq!(
            resolve_weekday("2020-04-13", 2).as_deref(),
            Some("2020-04-08")
        );
        let t = "said yesterday";
        assert_eq!(
            time(t, all(t), &[], Some("2020-03-01"))
                .unwrap()
                .date
                .as_deref(),
            Some("2020-02-29")
        );
        let t = "announced on April 8 that";
        let tm = time(t, all(t), &[], Some("2020-04-12")).unwrap();
        assert_eq!(
            (tm.text.as_str(), tm.date.as_deref()),
            ("on April 8", Some("2020-04-08"))
        );
        let t = "announced on December 8 that";
        assert_eq!(
            time(t, all(t), &[], Some("2020-04-12"))
                .unwrap()
                .date
                .as_deref(),
            Some("2019-12-08")
        );
        let t = "said later that";
        assert!(time(t, all(t), &[], Some("2020-04-12")).is_none());
        let t = "said late Sunday, who";
        let tm = time(t, all(t), &[], Some("2020-04-12")).unwrap();
        assert_eq!(tm.text, "late Sunday");
        assert_eq!(tm.date.as_deref(), Some("2020-04-12"));
    }
}
