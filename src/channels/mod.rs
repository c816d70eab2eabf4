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
//!
//! - [`lists`]: the word lists in one trie ([`trie`]), matched over the regions statements
//!   read ([`Hits`] of a paragraph, [`Matches`] of a region), near the words that may hold a
//!   match ([`shape`]: what a word's bytes tell);
//! - [`channel`]: the channel rules, in an ordered table (`CHANNEL_RULES`);
//! - [`outlet`]: the rules of outlets ("told CNN", "on CNN") and programmes;
//! - [`occasion`]: sentences that set a speaker's occasion without a statement ("In a
//!   speech in Dayton, Okafor laid out her plans.");
//! - [`source`]: the source itself as a document or medium ("A 2014 study found");
//! - [`phrase`]: channel phrases as a grammar over tokens (a preposition or a verb and a
//!   noun phrase headed by a channel noun);
//! - [`time`]: the time rules (`TIME_RULES`) and the grammar of a time expression;
//! - [`date`]: resolving a weekday, a day offset or a month and day to an ISO date.

mod channel;
mod date;
mod lists;
mod occasion;
mod outlet;
mod phrase;
pub(crate) mod shape;
mod source;
mod time;
mod trie;
mod unlisted;

use crate::model::{EntityKind, Span};

pub(crate) mod window;

pub(crate) use channel::{find_in, speaker_outlet};
#[allow(unused_imports)]
pub(crate) use date::resolve_weekday;
pub(crate) use lists::{Hits, Matches};
pub(crate) use occasion::{Occasion, Sources, Spoken, name_keys, occasions};
pub(crate) use outlet::{document_antecedent, outlet_short_name};
pub(crate) use time::time_in;

#[cfg(test)]
pub(crate) use channel::find;

/// What `find` knows of the statement.
pub(crate) struct Context<'a> {
    /// The cue's lemma ("tweet", "testify", "report") and where it stands.
    pub cue: Option<(&'a str, Span)>,
    /// The speaker's kind and the mention as written.
    pub speaker: Option<(EntityKind, &'a str)>,
    /// The quotations in the region (whole spans, marks included).
    pub quotes: &'a [Span],
    /// The tokens of the region's paragraph, when the caller has them: the phrase grammar
    /// tokenizes the region only where they hold a channel's head noun or a quotation.
    pub para_toks: Option<&'a [crate::segment::Token]>,
}

/// Whether `start..end` of `text` is a whole word (or words): no letter or digit touches it.
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Where `needle` first stands in `hay`, as `str::find` finds it: a search for its first byte
/// and a comparison there, with no searcher built (a clause is short; a speaker's mention is
/// a few words, so at worst a comparison of its length at each byte).
fn find_in_clause(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let mut at = 0;
    while let Some(k) = memchr::memchr(first, &h[at..]) {
        if h[at + k..].starts_with(n) {
            return Some(at + k);
        }
        at += k + 1;
    }
    None
}

/// Whether `s..e` lies outside every span of `skip` (the quotations, the dateline).
fn outside(skip: &[Span], s: usize, e: usize) -> bool {
    !skip.iter().any(|q| s < q.end && q.start < e)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_mention_is_found_where_str_find_finds_it() {
        let hay = "the report, the reporter’s “report” and The report";
        for needle in [
            "the report",
            "The report",
            "report",
            "’s",
            "“",
            "",
            "x",
            hay,
        ] {
            assert_eq!(
                super::find_in_clause(hay, needle),
                hay.find(needle),
                "{needle}"
            );
        }
    }
}

#[cfg(test)]
mod test_support {
    use crate::cues::ParaTokens;
    use crate::model::Span;
    use crate::segment;

    /// The tokens, sentences and cues of the paragraph `span` of `text`, as the pipeline
    /// makes them.
    pub(super) fn para_tokens(text: &str, span: Span) -> ParaTokens {
        let toks = segment::tokens(text, span, &[]);
        let sents = segment::sentences(text, &toks, |_| span);
        let mut pt = ParaTokens {
            toks,
            sents,
            cues: Vec::new(),
            headline: false,
        };
        crate::cues::annotate(text, &mut pt);
        pt
    }

    /// The whole of `text` as a region.
    pub(super) fn all(text: &str) -> Span {
        Span {
            start: 0,
            end: text.len(),
        }
    }
}
