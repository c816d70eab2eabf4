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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::LEXICON;
use crate::model::{Channel, ChannelKind, Span, Time};

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(LEXICON.channels.iter().map(|c| c.phrase))
        .expect("channel phrases build an automaton")
});

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

/// The channel stated in `region` of `text`, outside the `skip` spans (quotations).
pub(crate) fn find(
    text: &str,
    region: Span,
    skip: &[Span],
    cue_lemma: Option<&str>,
) -> Option<Channel> {
    let hay = &text[region.start..region.end];
    let outside = |s: usize, e: usize| !skip.iter().any(|q| s < q.end && q.start < e);
    for m in PHRASES.find_iter(hay) {
        let (s, e) = (region.start + m.start(), region.start + m.end());
        if !word_bounded(text, s, e) || !outside(s, e) {
            continue;
        }
        let entry = &LEXICON.channels[m.pattern().as_usize()];
        return Some(Channel {
            kind: kind_of(entry.kind),
            platform: entry.platform.map(str::to_string),
            outlet: None,
            programme: None,
            text: text[s..e].to_string(),
            start: s,
            end: e,
        });
    }
    // told (the) OUTLET (interview) / on (the) OUTLET (broadcast)
    for outlet in &LEXICON.outlets {
        for (lead, kind) in [
            ("told ", ChannelKind::Interview),
            ("told the ", ChannelKind::Interview),
            ("on ", ChannelKind::Broadcast),
            ("on the ", ChannelKind::Broadcast),
        ] {
            let phrase = format!("{lead}{outlet}");
            let mut from = 0;
            while let Some(i) = hay[from..].find(&phrase) {
                let s = region.start + from + i;
                let e = s + phrase.len();
                from += i + phrase.len();
                if word_bounded(text, s, e) && outside(s, e) {
                    return Some(Channel {
                        kind,
                        platform: None,
                        outlet: Some(outlet.to_string()),
                        programme: None,
                        text: text[s..e].to_string(),
                        start: s,
                        end: e,
                    });
                }
            }
        }
    }
    let _ = cue_lemma;
    None
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

/// The time words in `region`, outside `skip`: "on Sunday", "late Sunday", "last week".
pub(crate) fn time(
    text: &str,
    region: Span,
    skip: &[Span],
    article_date: Option<&str>,
) -> Option<Time> {
    let hay = &text[region.start..region.end];
    let outside = |s: usize, e: usize| !skip.iter().any(|q| s < q.end && q.start < e);
    let mut best: Option<(usize, usize, Option<usize>)> = None;
    for (wd, day) in WEEKDAYS.iter().enumerate() {
        let mut from = 0;
        while let Some(i) = hay[from..].find(day) {
            let s = region.start + from + i;
            let e = s + day.len();
            from += i + day.len();
            if !word_bounded(text, s, e) || !outside(s, e) {
                continue;
            }
            // Take a leading "on", "late", "early", "last" with it.
            let lead = text[..s].trim_end();
            let mut start = s;
            for w in ["on", "late", "early", "last", "On", "Late", "Early", "Last"] {
                if lead.ends_with(w) && word_bounded(text, lead.len() - w.len(), lead.len()) {
                    start = lead.len() - w.len();
                    break;
                }
            }
            if best.is_none_or(|b| start < b.0) {
                best = Some((start, e, Some(wd)));
            }
        }
    }
    for phrase in [
        "last week",
        "this week",
        "last month",
        "earlier this month",
        "over the weekend",
        "recently",
    ] {
        if let Some(i) = hay.find(phrase) {
            let s = region.start + i;
            let e = s + phrase.len();
            if word_bounded(text, s, e) && outside(s, e) && best.is_none_or(|b| s < b.0) {
                best = Some((s, e, None));
            }
        }
    }
    let (s, e, wd) = best?;
    let date = match (wd, article_date) {
        (Some(wd), Some(d)) => resolve_weekday(d, wd),
        _ => None,
    };
    Some(Time {
        text: text[s..e].to_string(),
        start: s,
        end: e,
        date,
    })
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

    #[test]
    fn channel_phrases_and_outlets() {
        let t = "he announced via Twitter on Sunday";
        let c = find(t, all(t), &[], None).unwrap();
        assert_eq!(
            (c.kind, c.platform.as_deref()),
            (ChannelKind::SocialMedia, Some("twitter"))
        );
        let t = "she told CNN on Monday";
        let c = find(t, all(t), &[], None).unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref()),
            (ChannelKind::Interview, Some("CNN"))
        );
        let t = "he said at a news conference";
        assert_eq!(
            find(t, all(t), &[], None).unwrap().kind,
            ChannelKind::PressConference
        );
        let t = "he said in a statement";
        assert_eq!(
            find(t, all(t), &[], None).unwrap().kind,
            ChannelKind::Statement
        );
        let t = "privately, he said";
        assert!(find(t, all(t), &[], None).is_none());
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
        let t = "said late Sunday, who";
        let tm = time(t, all(t), &[], Some("2020-04-12")).unwrap();
        assert_eq!(tm.text, "late Sunday");
        assert_eq!(tm.date.as_deref(), Some("2020-04-12"));
    }
}
