//! The rules on how a statement is sourced and reported: an anonymous source, a loaded
//! reporting verb, a platform with no post.
//!
//! AP and Reuters style: an anonymous source is an unnamed individual the reader must take on
//! trust ("a senior official", "two people familiar with the talks", "sources"), and the
//! story says why they are not named; a group speaking through its members ("Democrats",
//! "officials", "experts") is not anonymous sourcing. "Said" is neutral; "claimed",
//! "admitted", "conceded", "insisted" take sides. "Alleged" is the required word for an
//! unproven accusation, and "denied" the accurate one for a denial: neither is loaded.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

use super::{LINK_NEAR, Mention, NEAR, Review, flag};
use crate::lexicon::{Class, LEXICON};
use crate::model::{ChannelKind, EntityKind, Flag, FlagKind, Quote, QuoteKind, Span, SpeakerRef};

/// What the article says of why a source is not named holds one of these (in lower case).
const ANONYMITY_REASONS: [&str; 14] = [
    "anonymity",
    "anonymously",
    "not authorized",
    "not permitted",
    "not allowed to",
    "be named",
    "be identified",
    "redacted",
    "withheld",
    "on background",
    "for fear",
    "speak publicly",
    "not named",
    "not identified",
];

/// [`ANONYMITY_REASONS`] as one automaton: the leftmost reason a text gives.
static REASONS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(ANONYMITY_REASONS)
        .expect("the anonymity reasons make an automaton")
});

/// Whether `text` in lower case may hold a reason of [`ANONYMITY_REASONS`] (and the
/// writer's words of a paragraph, its quotations blanked, too): it does only if `text` with
/// its ASCII letters lowered holds one, which is quicker to make than its lower case. (The
/// reasons are ASCII letters and single spaces: only an ASCII letter lowers to one of their
/// bytes, or "İ" and the Kelvin sign, which send the text to the look-up; a blanked
/// quotation is two spaces or more, which no reason holds.)
fn may_give_reason(text: &str) -> bool {
    let has = |c: &str| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_some();
    has("İ") || has("\u{212A}") || REASONS.is_match(text.to_ascii_lowercase().as_str())
}

/// An anonymous source, once per source: an individual with an indefinite or a number
/// ("a senior official", "two aides", "one person familiar with the talks") whose head noun
/// is a source's ("official", "aide", "person"), or bare "sources"; with the reason the
/// article gives in the mention's sentence or paragraph ("…, whose name is redacted,").
pub(super) fn anonymous_source(
    r: &mut Review,
    _: &Quote,
    sp: &SpeakerRef,
    mention: &Mention,
) -> Option<Flag> {
    if sp.kind != EntityKind::Anonymous || named_after(r, sp) || r.in_headline(sp.start) {
        return None;
    }
    let mention = mention.lower();
    // Any unnamed individual ("a citizen") is a source when its sentence says why it is not
    // named ("whose name is redacted").
    let opener = mention
        .split_whitespace()
        .next()
        .is_some_and(|w| Class::ReviewUnnamedOpeners.contains(w));
    let anonymous = is_anonymous(mention) || (opener && reason_in_sentence(r, sp));
    if !anonymous {
        return None;
    }
    if !r.anonymous_seen.insert(sp.entity) {
        return None;
    }
    let para = r.para_near(sp.start, NEAR);
    // (the paragraph is copied and lowered only when it may give a reason)
    let context = if may_give_reason(&r.text[para.start..para.end]) {
        writers_words(r, para).to_lowercase()
    } else {
        String::new()
    };
    // (the earliest of the reasons, in one pass of the automaton)
    let reason = REASONS.find(context.as_str()).map(|m| {
        let from = context[..m.start()]
            .rfind([',', '(', '.', ';'])
            .map_or(0, |j| j + 1);
        let said = &context[from..];
        said.split(['.', ';', ')'])
            .next()
            .unwrap_or(said)
            .split(", said")
            .next()
            .unwrap_or(said)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    Some(flag(
        FlagKind::AnonymousSource,
        sp.start,
        sp.end,
        match reason {
            Some(r) => format!("unnamed source ({}): the article says \"{r}\"", sp.text),
            None => format!("unnamed source ({}): the article gives no reason", sp.text),
        },
    ))
}

/// Whether the sentence of a mention gives a reason for anonymity.
fn reason_in_sentence(r: &Review, sp: &SpeakerRef) -> bool {
    let from = super::people::sentence_start(r.text, sp.start);
    let to = super::people::sentence_end(r.text, sp.end);
    let sentence = r.text.get(from..to).unwrap_or_default();
    may_give_reason(sentence) && REASONS.is_match(sentence.to_lowercase().as_str())
}

/// Whether a mention (lower case) is an anonymous source: a source noun after an indefinite
/// or a number, a source noun "familiar with" something, or bare "sources".
fn is_anonymous(mention: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    // The head: the last word before a preposition or relative ("a spokesman for the
    // campaign", "people familiar with the matter").
    let head_end = words
        .iter()
        .position(|w| {
            LEXICON.function_words.contains(w) || Class::ReviewSourceQualifiers.contains(w)
        })
        .unwrap_or(words.len());
    let head = words[..head_end].last().copied().unwrap_or_default();
    let source = Class::ReviewSourceNouns.contains(head);
    let qualified = words
        .iter()
        .any(|w| Class::ReviewSourceQualifiers.contains(w));
    (words.len() == 1 && Class::ReviewAnonymousPlurals.contains(first))
        || (source && Class::ReviewUnnamedOpeners.contains(first))
        || qualified
}

/// Whether the mention is named right after it (", David Schulz,"): not anonymous.
fn named_after(r: &Review, sp: &SpeakerRef) -> bool {
    let rest = r.text.get(sp.end..).unwrap_or_default();
    rest.strip_prefix(", ").is_some_and(|n| {
        let mut ws = n.split_whitespace();
        let cap = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
        cap(ws.next()) && cap(ws.next())
    })
}

/// The text of paragraph `para` with its quotations blanked out: the writer's words.
fn writers_words(r: &Review, para: Span) -> String {
    let mut context = r.text[para.start..para.end].to_string();
    // Quotations are in text order: those of this paragraph.
    let first = r.a.quotes.partition_point(|q| q.start < para.start);
    for q in r.a.quotes[first..]
        .iter()
        .take_while(|q| q.start < para.end)
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
    {
        if q.start >= para.start && q.end <= para.end {
            let (s, e) = (q.start - para.start, q.end - para.start);
            if context.is_char_boundary(s) && context.is_char_boundary(e) {
                context.replace_range(s..e, &" ".repeat(e - s));
            }
        }
    }
    context
}

/// A reporting verb that takes sides: "she claimed" (a style note; "said" does not). Only
/// the verb: "Trump's claim that", "claimed a loss", "insisted on" report no words.
pub(super) fn loaded_verb(
    r: &mut Review,
    q: &Quote,
    _: &SpeakerRef,
    mention: &Mention,
) -> Option<Flag> {
    let c = q.cue.as_ref()?;
    if !Class::ReviewLoadedVerbs.contains(&c.lemma) || r.in_headline(c.start) {
        return None;
    }
    // The writer's own "I claim" (an opinion piece, a memoir) characterises nobody.
    let mention = mention.lower();
    if mention == "i" || mention == "we" {
        return None;
    }
    let before = r.text[..c.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let after = r.text[c.end..].split_whitespace().next().unwrap_or("");
    let lower = |w: &str| {
        w.trim_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase()
    };
    let noun = before.ends_with("'s")
        || before.ends_with("’s")
        || Class::ReviewNounMarkers.contains(&lower(before));
    // "China's claims, which", "the claims." or "claiming 41 percent of the vote" report
    // nothing: a verb of saying goes on to words (or has its quotation before it).
    let ends = (q.kind == QuoteKind::Indirect && r.text[c.end..].starts_with([',', '.', ';', ')']))
        || after.starts_with(|ch: char| ch.is_ascii_digit());
    let no_words = ends || Class::ReviewNonReportingAfter.contains(&lower(after));
    let short = q.kind == QuoteKind::Indirect && q.text.split_whitespace().count() < 3;
    (!noun && !no_words && !short && !legal_claim(r, c.start, &c.lemma)).then(|| {
        flag(
            FlagKind::LoadedVerb,
            c.start,
            c.end,
            format!("\"{}\" takes sides; \"said\" does not", c.text),
        )
    })
}

/// "Claim" in its legal sense, the neutral word for what a lawsuit or complaint says: "The
/// nurse later sued, claiming the quarantine violated her rights." (a sentence that sues or
/// files).
fn legal_claim(r: &Review, at: usize, lemma: &str) -> bool {
    if lemma != "claim" {
        return false;
    }
    let from = super::people::sentence_start(r.text, at);
    r.text[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| Class::ReviewLegalWords.contains(&w.to_lowercase()))
}

/// Said on a platform, with nothing to check it against: "she wrote on Twitter" in a
/// paragraph that embeds no post and links none, nor do those either side of it (the
/// headline aside).
pub(super) fn platform_without_post(
    r: &mut Review,
    q: &Quote,
    sp: &SpeakerRef,
    _: &Mention,
) -> Option<Flag> {
    let ch = q.channel.as_ref()?;
    if ch.kind != ChannelKind::SocialMedia
        || q.post.is_some()
        || r.in_headline(ch.start)
        || !someone_posted(r, sp, ch.start)
    {
        return None;
    }
    // The paragraph, and those either side when they embed a post whose author is unknown
    // or is the speaker: an embed often stands just before or after.
    // (each read at most `LINK_NEAR` bytes from the statement: linear time on run-on text)
    let at = q.start.min(ch.start);
    let p = r.para_of(at);
    let para = |i: usize| {
        r.paras
            .get(i)
            .map(|&s| r.clip(s, at, LINK_NEAR))
            .and_then(|s| r.text.get(s.start..s.end))
            .unwrap_or("")
    };
    let links =
        |t: &str| t.contains("http") || t.contains("pic.twitter.com") || t.contains("t.co/");
    let surname = crate::speakers::surname(&sp.name);
    let theirs =
        |t: &str| t.contains("<tweet") || (links(t) && t.to_lowercase().contains(&surname));
    let linked = links(para(p))
        || para(p).contains("<tweet")
        || (p > 0 && theirs(para(p - 1)))
        || theirs(para(p + 1));
    (!linked).then(|| {
        flag(
            FlagKind::PlatformWithoutPost,
            ch.start,
            ch.end,
            format!(
                "said {} but the article embeds no post and links none",
                ch.text
            ),
        )
    })
}

/// Whether a named speaker posted: not a crowd ("people posted on Twitter"), and not a
/// post named as someone else's ("a Donald Trump tweet", "angry tweets"): a bare noun for a
/// post counts after a determiner or "in" only ("in another tweet").
fn someone_posted(r: &Review, sp: &SpeakerRef, channel_at: usize) -> bool {
    let named = matches!(sp.kind, EntityKind::Person | EntityKind::Organization)
        && sp.name.starts_with(char::is_uppercase);
    let ch_text = r.text[channel_at..].split_whitespace().next().unwrap_or("");
    let noun = Class::ReviewPostNouns.contains(&ch_text.to_lowercase());
    let before = r.text[..channel_at]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    named && (!noun || Class::ReviewPostDeterminers.contains(&before.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_of_the_reasons_is_exact() {
        // (reasons of ASCII lower-case letters and single spaces inside: a match in lower case
        // is one in any ASCII case, and never within a blanked quotation)
        for reason in ANONYMITY_REASONS {
            assert!(
                reason.bytes().all(|b| b.is_ascii_lowercase() || b == b' ')
                    && !reason.contains("  ")
                    && reason.trim() == reason,
                "{reason}"
            );
        }
        // (no character but an ASCII letter, "İ" and the Kelvin sign lowers to ASCII)
        let to_ascii = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect::<Vec<_>>();
        assert_eq!(to_ascii, ['İ', '\u{212A}']);
        assert!(may_give_reason("Spoke on condition of ANONYMITY"));
        assert!(may_give_reason("was not \u{212A}nown") && !may_give_reason("was not known"));
        assert!(!may_give_reason("a senior official said"));
    }

    #[test]
    fn individuals_and_sources_are_anonymous_groups_are_not() {
        assert!(is_anonymous("a senior official"));
        assert!(is_anonymous("two administration officials"));
        assert!(is_anonymous("people familiar with the matter"));
        assert!(is_anonymous("a spokesman for the campaign"));
        assert!(is_anonymous("sources"));
        assert!(is_anonymous("a person close to the campaign"));
        assert!(!is_anonymous("four people"));
        assert!(!is_anonymous("officials"));
        assert!(!is_anonymous("democrats"));
        assert!(!is_anonymous("a federal judge"));
        assert!(!is_anonymous("experts"));
    }
}
