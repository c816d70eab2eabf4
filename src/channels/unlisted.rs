//! Outlets the list does not have, by the shape of their name: capitalised words that end with
//! a word a news outlet's name ends with ("the Keene Sentinel", "the Des Moines Register"; the
//! words are data, `src/lexicon/outlet_heads.txt`), or a broadcaster's call sign ("WKRN",
//! "KTLA-TV"). "told the Keene Sentinel" is an interview with it, and "The Keene Sentinel
//! reported" its publication (`channel::outlet_that_reports`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use super::channel::{Scope, channel};
use super::outside;
use crate::lexicon::Class;
use crate::model::{Channel, ChannelKind};
use crate::segment::Token;

/// The data file: a last word per line, and the lines of joining words and call-sign bands.
const DATA: &str = include_str!("../lexicon/outlet_heads.txt");

/// The last words of an outlet's name.
static HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    DATA.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with(['#', '@']))
        .collect()
});

/// The words of the data file's line that opens with `tag` ("@join", "@band").
fn tagged(tag: &str) -> HashSet<&'static str> {
    DATA.lines()
        .filter_map(|l| l.strip_prefix(tag))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Words that may join a name's capitalised words.
static JOINS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| tagged("@join"));

/// The bands after a call sign's dash.
static BANDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| tagged("@band"));

/// How many words an unlisted outlet's name may have.
const NAME_WORDS: usize = 6;

/// Whether `name` (its article left out) has the shape of an outlet's name: capitalised words
/// ("of", "and" between them) ending with a listed last word, or a call sign. Read word by
/// word, without a list of them: a first word in lower case, a word of neither kind or a
/// seventh word ends it before any look-up of the last.
pub(super) fn outlet_shaped(name: &str) -> bool {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let mut words = name.split_whitespace();
    // (a call sign opens with a capital too)
    let Some(first) = words.next().filter(|w| capitalised(w)) else {
        return false;
    };
    let (mut n, mut last) = (1, first);
    for w in words {
        n += 1;
        if n > NAME_WORDS || !(capitalised(w) || JOINS.contains(w)) {
            return false;
        }
        last = w;
    }
    if n == 1 {
        return call_sign(first);
    }
    HEADS.contains(last)
}

/// A broadcaster's call sign: K or W and two or three capitals, a band after a dash: "WKRN",
/// "KTLA-TV", "WNYC-FM".
fn call_sign(w: &str) -> bool {
    let (sign, band) = w.split_once('-').unwrap_or((w, ""));
    let b = sign.as_bytes();
    matches!(b.first(), Some(b'K' | b'W'))
        && (3..=4).contains(&b.len())
        && b.iter().all(u8::is_ascii_uppercase)
        && (band.is_empty() || BANDS.contains(band))
}

/// The classes of the words of the interview leads: [`told_unlisted_outlet`] finds nothing
/// where none reaches into the clause (its trigger gate).
pub(super) const LEADS: [Class; 2] = [
    Class::ChannelInterviewLeads,
    Class::ChannelInterviewLeadFirsts,
];

/// An unlisted outlet after a verb of telling or "interview with" is an interview: "told the
/// Keene Sentinel", "tells WKRN". The name runs over the capitalised words after the lead
/// (an article "the" first left out), up to a mark that ends one.
pub(super) fn told_unlisted_outlet(sc: &Scope) -> Option<Channel> {
    // (a clause with no word of a lead is not read)
    if !sc.may_have(&LEADS) {
        return None;
    }
    let (text, r) = (sc.text, sc.region);
    let toks = super::phrase::clause_tokens(sc);
    // (read at the leads' tokens, by their class bit or their two words: most clauses hold
    // none)
    toks.iter().enumerate().find_map(|(k, t)| {
        let s = lead_start(text, toks, k)?;
        let rest = text[t.end..r.end].strip_prefix(' ')?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let name = name_at(rest);
        let e = r.end - rest.len() + name.len();
        if !outlet_shaped(name) || !outside(sc.ctx.quotes, s, e) {
            return None;
        }
        let mut c = channel(ChannelKind::Interview, text, s, e);
        c.outlet = Some(name.to_string());
        Some(c)
    })
}

/// Where the interview lead that ends with token `k` starts: "told", "tells", "telling", or
/// "interview with", "spoke to", "speaking to" (the class's two-word leads, read off the
/// token before).
fn lead_start(text: &str, toks: &[Token], k: usize) -> Option<usize> {
    let t = &toks[k];
    if t.is(Class::ChannelInterviewLeads) {
        return Some(t.start);
    }
    let before = toks.get(k.checked_sub(1)?)?;
    if !before.is(Class::ChannelInterviewLeadFirsts) {
        return None;
    }
    let (first, last) = (before.text(text), t.text(text));
    TWO_WORD_LEADS
        .iter()
        .any(|(a, b)| *a == first && *b == last)
        .then_some(before.start)
}

/// The two-word interview leads, as pairs of words ("interview with").
static TWO_WORD_LEADS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    Class::ChannelInterviewLeads
        .words()
        .filter_map(|w| w.split_once('_'))
        .collect()
});

/// The capitalised words that `rest` opens with ("of" and "and" between them), at most
/// [`NAME_WORDS`], up to a mark after one: "Keene Sentinel" of "Keene Sentinel that …",
/// "WKRN" of "WKRN, “…”".
fn name_at(rest: &str) -> &str {
    let mut end = 0;
    let mut offset = 0;
    for (k, w) in rest.split(' ').enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        if k == NAME_WORDS || !(capital || JOINS.contains(bare)) {
            break;
        }
        if capital {
            end = offset + bare.len();
        }
        if bare.len() != w.len() {
            break;
        }
        offset += w.len() + 1;
    }
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlets_name_by_its_shape() {
        assert!(outlet_shaped("Keene Sentinel"));
        assert!(outlet_shaped("Des Moines Register"));
        assert!(outlet_shaped("WKRN"));
        assert!(outlet_shaped("KTLA-TV"));
        assert!(!outlet_shaped("Sentinel"));
        assert!(!outlet_shaped("John Smith"));
        assert!(!outlet_shaped("FBI"));
        assert!(!outlet_shaped("the local news"));
        assert_eq!(name_at("Keene Sentinel that it"), "Keene Sentinel");
        assert_eq!(name_at("WKRN, “We will”"), "WKRN");
        assert_eq!(name_at("Bank of America News."), "Bank of America News");
    }

    #[test]
    fn every_two_word_leads_first_word_is_of_the_gate_class() {
        // (`told_unlisted_outlet` reads no clause without a word of this class or a lead)
        assert!(!TWO_WORD_LEADS.is_empty());
        for (first, _) in TWO_WORD_LEADS.iter() {
            assert!(Class::ChannelInterviewLeadFirsts.contains(first), "{first}");
        }
    }
}
