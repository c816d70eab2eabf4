//! Outlets: "on CNN" is a broadcast, "told CNN" an interview, and the programme named after
//! an outlet (`NBC's "Meet the Press"`) goes with it.

use super::channel::{Scope, channel, outlet_name};
use super::lists::Matches;
use super::{outside, word_bounded};
use crate::cues::ParaTokens;
use crate::lexicon::{Class, LEXICON};
use crate::model::{Channel, ChannelKind, Span};
use crate::segment::Token;
use std::sync::LazyLock;

/// The marks and spaces trimmed from a programme's name.
const QUOTE_MARKS: [char; 8] = ['"', '“', '”', '‘', '’', '\'', '«', '»'];

/// The words before an outlet at `s` in the region (an article "the" left out), and whether
/// they end with a whole word or words `w`.
struct Lead<'a> {
    text: &'a str,
    region_start: usize,
    before: &'a str,
}

impl<'a> Lead<'a> {
    fn new(text: &'a str, region: Span, s: usize) -> Lead<'a> {
        let before = text[region.start..s].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        Lead {
            text,
            region_start: region.start,
            before,
        }
    }

    /// Where the lead words `w` start.
    fn start(&self, w: &str) -> usize {
        self.region_start + self.before.len() - w.len()
    }

    /// Whether the lead ends with the whole words `w`.
    fn is(&self, w: &str) -> bool {
        self.before.ends_with(w)
            && word_bounded(
                self.text,
                self.start(w),
                self.region_start + self.before.len(),
            )
    }
}

/// The outlets of the region that are whole words outside the quotations, with their lead.
fn outlets<'s>(sc: &'s Scope) -> impl Iterator<Item = (usize, usize, &'static str, Lead<'s>)> {
    Matches::within(sc.hits.outlets(), sc.region)
        .filter(|&(s, e, _)| word_bounded(sc.text, s, e) && outside(sc.ctx.quotes, s, e))
        .map(|(s, e, pat)| (s, e, LEXICON.outlets[pat], Lead::new(sc.text, sc.region, s)))
}

/// An outlet after "on" (or "appeared on", "interview on") is a broadcast, with the
/// programme named after it: "she said in an interview on CNN".
pub(super) fn broadcast_on_outlet(sc: &Scope) -> Option<Channel> {
    let (_, e, outlet, lead) = outlets(sc).find(|(_, _, _, lead)| lead.is("on"))?;
    let st = if lead.is("interview on") {
        lead.start("interview on")
    } else {
        lead.start("on")
    };
    let skip = sc.ctx.quotes;
    let mut c = channel(ChannelKind::Broadcast, sc.text, st, e);
    c.outlet = Some(outlet_name(sc.text, sc.region, outlet).to_string());
    c.programme = programme(sc.text, e, skip);
    if let Some(p) = &c.programme {
        let pe = skip
            .iter()
            .find(|q| q.start >= e && sc.text[q.start..q.end].contains(p.as_str()))
            .map_or(e, |q| q.end);
        c.end = pe.max(e);
        c.text = sc.text[c.start..c.end].to_string();
    }
    Some(c)
}

/// The words before an outlet that make it an interview, as written ("interview with"), in
/// the order of the class.
static INTERVIEW_LEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    Class::ChannelInterviewLeads
        .words()
        .map(|w| w.replace('_', " "))
        .collect()
});

/// An outlet after "told", "interview with", "spoke to" or "speaking to" is an interview:
/// "she told CNN on Monday".
pub(super) fn interview_with_outlet(sc: &Scope) -> Option<Channel> {
    outlets(sc).find_map(|(_, e, outlet, lead)| {
        let lead = journalist_of(&lead).unwrap_or(lead);
        let w = INTERVIEW_LEADS.iter().find(|w| lead.is(w))?;
        let mut c = channel(ChannelKind::Interview, sc.text, lead.start(w), e);
        c.outlet = Some(outlet_name(sc.text, sc.region, outlet).to_string());
        // (an outlet's programme told is on air: "tells MSNBC’s “Morning Joe”")
        if let Some(p) = programme(sc.text, e, sc.ctx.quotes) {
            let q = sc.ctx.quotes.iter().find(|q| q.start >= e);
            c.kind = ChannelKind::Broadcast;
            c.programme = Some(p);
            c.end = q.map_or(e, |q| q.end);
            c.text = sc.text[c.start..c.end].to_string();
        }
        Some(c)
    })
}

/// The class of the word "Show": [`on_a_named_show`] finds nothing where none reaches into
/// the clause (its trigger gate).
pub(super) const SHOW_CLASSES: [Class; 1] = [Class::ChannelShowWords];

/// How many capitalised words a show's name may have before "Show".
const SHOW_WORDS: usize = 6;

/// "on" and a show's name, capitalised words that end with "Show", is a broadcast of that
/// programme: "blasted Clinton Wednesday on The Laura Ingraham Show", "On The Steve Harvey
/// Morning Show, Christie said".
pub(super) fn on_a_named_show(sc: &Scope) -> Option<Channel> {
    // (read at the tokens "Show" after a space: most clauses hold none)
    if !sc.may_have(&SHOW_CLASSES) {
        return None;
    }
    let shows = super::phrase::clause_tokens(sc)
        .iter()
        .filter(|t| t.is_text(sc.text, "Show") && sc.text[..t.start].ends_with(' '));
    shows.into_iter().find_map(|t| {
        let e = t.end;
        if e - " Show".len() < sc.region.start || !outside(sc.ctx.quotes, t.start, e) {
            return None;
        }
        let mut words = sc.text[sc.region.start..e - " Show".len()]
            .rsplit(' ')
            .scan(e - " Show".len(), |at, w| {
                *at -= w.len();
                let start = *at;
                *at = at.saturating_sub(1);
                Some((start, w))
            });
        let mut named = 0;
        let (on, on_word) = words.find(|(_, w)| {
            let capital = w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with(',');
            let opens = *w == "on" || *w == "On";
            named += usize::from(capital && !opens);
            opens || !capital || named > SHOW_WORDS
        })?;
        let opened = on_word == "on" || on_word == "On";
        let name_start = on + "on ".len();
        (opened && (1..=SHOW_WORDS).contains(&named)).then(|| {
            let mut c = channel(ChannelKind::Broadcast, sc.text, on, e);
            c.programme = Some(sc.text[name_start..e].to_string());
            c
        })
    })
}

/// How many capitalised words a journalist's name before "of" and an outlet may have.
const JOURNALIST_WORDS: usize = 4;

/// The lead before a journalist named with the outlet after "of": in "told Bill O'Reilly of
/// Fox News" the words before "Bill O'Reilly of", which an interview's lead then ends.
fn journalist_of<'a>(lead: &Lead<'a>) -> Option<Lead<'a>> {
    let before = lead.before.strip_suffix("of")?;
    if !before.ends_with(' ') || !lead.is("of") {
        return None;
    }
    let mut rest = before.trim_end();
    for k in 0..=JOURNALIST_WORDS {
        let (head, word) = rest.rsplit_once(' ').unwrap_or(("", rest));
        let name_word = word.starts_with(|c: char| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || "'’.-".contains(c));
        if !name_word {
            return (k > 0).then_some(Lead {
                text: lead.text,
                region_start: lead.region_start,
                before: rest,
            });
        }
        rest = head.trim_end();
    }
    None
}

/// The cue of [`told_the_writer`] ("told this reporter"), its gate in `CHANNEL_RULES`.
pub(super) const WRITER_CUES: [&str; 1] = ["tell"];

/// The writer as the one told, outside quotations: "Jo Ames, the firm's chief, told me, …"
/// is an interview with the writer.
pub(super) fn told_the_writer(sc: &Scope) -> Option<Channel> {
    let (lemma, at) = sc.ctx.cue?;
    if !WRITER_CUES.contains(&lemma) || at.end > sc.region.end || at.start < sc.region.start {
        return None;
    }
    let rest = &sc.text[at.end..sc.region.end];
    let word = rest.trim_start();
    let e = at.end + (rest.len() - word.len());
    let w = word.split(|c: char| !c.is_alphanumeric()).next()?;
    if !Class::ChannelWriterObjects.contains(w) || !outside(sc.ctx.quotes, e, e + w.len()) {
        return None;
    }
    Some(channel(
        ChannelKind::Interview,
        sc.text,
        at.start,
        e + w.len(),
    ))
}

/// The programme named right after an outlet: `Fox News’ “Hannity”`, `NBC's "Meet the Press"`.
pub(super) fn programme(text: &str, outlet_end: usize, quotes: &[Span]) -> Option<String> {
    let rest = &text[outlet_end..];
    let after = rest
        .strip_prefix("’s")
        .or_else(|| rest.strip_prefix("'s"))
        .or_else(|| rest.strip_prefix('’'))
        .or_else(|| rest.strip_prefix('\''))?;
    let gap = rest.len() - after.len() + (after.len() - after.trim_start().len());
    let q = quotes.iter().find(|q| q.start == outlet_end + gap)?;
    programme_name(text, *q)
}

/// What a broadcast names after "of": a listed outlet, with the programme quoted after it
/// (`broadcast of CNN’s “New Day”`), or a quoted programme alone (`broadcast of “Fox News
/// Sunday,”`), whose outlet is the listed one its name opens with. Returns the outlet, the
/// programme and where what was read ends; `None` when no "of" follows at `e` or nothing
/// after it names one.
pub(super) fn broadcast_of(
    text: &str,
    e: usize,
    quotes: &[Span],
) -> Option<(Option<&'static str>, Option<String>, usize)> {
    let rest = &text[e..];
    let after_of = rest.trim_start().strip_prefix("of ")?.trim_start();
    let at = text.len() - after_of.len();
    if let Some(q) = quotes.iter().find(|q| q.start == at) {
        let inner = programme_name(text, *q)?;
        return Some((opening_outlet(&inner), Some(inner), q.end));
    }
    let outlet = LEXICON
        .outlets
        .iter()
        .filter(|o| after_of.starts_with(**o) && word_bounded(text, at, at + o.len()))
        .max_by_key(|o| o.len())?;
    let oe = at + outlet.len();
    let programme = programme(text, oe, quotes);
    let end = programme
        .as_ref()
        .and_then(|_| quotes.iter().find(|q| q.start > oe).map(|q| q.end))
        .unwrap_or(oe);
    Some((Some(outlet), programme, end))
}

/// A programme's name: the quotation `q` without its marks and a comma or stop inside them.
fn programme_name(text: &str, q: Span) -> Option<String> {
    let inner = text[q.start..q.end]
        .trim_matches(|c: char| QUOTE_MARKS.contains(&c) || c.is_whitespace())
        .trim_end_matches([',', '.']);
    (!inner.is_empty()).then(|| inner.to_string())
}

/// The longest listed outlet a programme's name opens with, as a whole word or words: "Fox
/// News Sunday" is Fox News's, "CBS Evening News" CBS's.
fn opening_outlet(name: &str) -> Option<&'static str> {
    LEXICON
        .outlets
        .iter()
        .filter(|o| {
            name.starts_with(**o)
                && name[o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|o| o.len())
        .copied()
}

/// How many words before a publication noun a listed outlet it is read with may start: "The
/// Washington Post ran a feature" (five).
const ANTECEDENT_REACH: usize = 5;

/// "The Washington Post ran a feature Saturday … ¶ The piece used one of the woman’s quotes":
/// a publication whose speaker is a bare definite piece ("the piece", "the article") is of
/// the listed outlet the article last named with a piece of journalism before the mention, in
/// its paragraph or the one before (`ChannelArticleNouns`: not a poll or a study): the outlet
/// a few words before the noun ("The Washington Post ran a feature", "a Bloomberg column") or
/// right after it and "by" ("a story by Politico"). Returns the outlet, and the span of the
/// sentence that names it (whose time dates the publication). `paras` are the tokenized
/// paragraphs up to the mention's.
pub(crate) fn document_antecedent(
    text: &str,
    paras: &[&ParaTokens],
    mention: Span,
) -> Option<(&'static str, Span)> {
    if !bare_document(text, mention) {
        return None;
    }
    paras.iter().rev().take(2).find_map(|pt| {
        pt.sents.iter().rev().find_map(|sent| {
            let toks = &pt.toks[sent.clone()];
            let (first, last) = (toks.first()?, toks.last()?);
            if first.start >= mention.start {
                return None;
            }
            let mut nouns = toks
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, t)| t.end <= mention.start && t.is(Class::ChannelArticleNouns));
            let outlet = nouns.find_map(|(k, _)| outlet_near(text, toks, k))?;
            Some((
                outlet,
                Span {
                    start: first.start,
                    end: last.end,
                },
            ))
        })
    })
}

/// Whether a mention is a definite article and one noun of an outlet's journalism: "The
/// piece", "the article".
fn bare_document(text: &str, mention: Span) -> bool {
    let words = text.get(mention.start..mention.end).unwrap_or_default();
    words.split_once(' ').is_some_and(|(the, noun)| {
        !noun.contains(' ')
            && the.eq_ignore_ascii_case("the")
            && Class::ChannelArticleNouns.contains(&noun.to_lowercase())
    })
}

/// A listed outlet that starts at one of the `ANTECEDENT_REACH` words before the noun at
/// `k` of `toks`, or right after it and a word of `ChannelOutletLinks` ("by"): the
/// longest that stands whole.
fn outlet_near(text: &str, toks: &[Token], k: usize) -> Option<&'static str> {
    let at = |t: &Token| {
        LEXICON
            .outlets
            .iter()
            .filter(|o| {
                text[t.start..].starts_with(**o) && word_bounded(text, t.start, t.start + o.len())
            })
            .max_by_key(|o| o.len())
            .copied()
    };
    let before = toks[k.saturating_sub(ANTECEDENT_REACH)..k]
        .iter()
        .rev()
        .find_map(at);
    let linked = || {
        let link = toks.get(k + 1)?;
        let linked = Class::ChannelOutletLinks.contains(link.text(text));
        linked.then(|| toks.get(k + 2)).flatten().and_then(at)
    };
    before.or_else(linked)
}

/// The name of a listed outlet without its article, when `name` is one ("the Times" gives
/// "Times").
pub(crate) fn outlet_short_name(name: &str) -> Option<&str> {
    let bare = super::channel::without_article(name);
    super::channel::outlet_named(bare).map(|_| bare)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::all;
    use super::super::{Context, find};
    use super::*;

    fn with_quotes(t: &str, quotes: &[Span]) -> Option<Channel> {
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes,
            para_toks: None,
        };
        find(t, all(t), &ctx)
    }

    #[test]
    fn on_an_outlet_is_a_broadcast_with_its_programme() {
        let c = with_quotes("she said in an interview on CNN", &[]).unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.text.as_str()),
            (ChannelKind::Broadcast, Some("CNN"), "interview on CNN")
        );
        let t = "he said on NBC's \"Meet the Press\" that";
        let start = t.find('"').unwrap();
        let q = Span {
            start,
            end: start + 16,
        };
        assert_eq!(&t[q.start..q.end], "\"Meet the Press\"");
        let c = with_quotes(t, &[q]).unwrap();
        assert_eq!(c.programme.as_deref(), Some("Meet the Press"));
        assert_eq!(c.text, "on NBC's \"Meet the Press\"");
    }

    #[test]
    fn told_me_is_an_interview_with_the_writer() {
        let t = "Jo Ames, the firm's chief, told me, “We sell content.”";
        let at = t.find("told").unwrap();
        let q = t.find('“').unwrap();
        let quotes = [Span {
            start: q,
            end: t.len(),
        }];
        let ctx = Context {
            cue: Some((
                "tell",
                Span {
                    start: at,
                    end: at + 4,
                },
            )),
            speaker: None,
            quotes: &quotes,
            para_toks: None,
        };
        let told = |t: &str| {
            let hits = Matches::new(t, all(t));
            let sc = Scope::new(t, all(t), &ctx, &hits);
            told_the_writer(&sc)
        };
        let c = told(t).unwrap();
        assert_eq!(
            (c.kind, c.text.as_str()),
            (ChannelKind::Interview, "told me")
        );
        assert!(told("Jo Ames, the firm's chief, told Mesmer, “We sell content.”").is_none());
    }

    #[test]
    fn on_a_named_show_is_a_broadcast_of_it() {
        let c = with_quotes("On The Steve Harvey Morning Show, Christie said", &[]).unwrap();
        assert_eq!(
            (c.kind, c.programme.as_deref(), c.text.as_str()),
            (
                ChannelKind::Broadcast,
                Some("The Steve Harvey Morning Show"),
                "On The Steve Harvey Morning Show"
            )
        );
        let c = with_quotes("he said Wednesday on The Laura Ingraham Show", &[]).unwrap();
        assert_eq!(c.programme.as_deref(), Some("The Laura Ingraham Show"));
        // (a show not named, or a name that "on" does not open, is none)
        assert!(with_quotes("she said on the show that", &[]).is_none());
        assert!(with_quotes("she said the Auto Show was", &[]).is_none());
    }

    #[test]
    fn told_a_journalist_of_an_outlet_is_an_interview_with_it() {
        let c = with_quotes("Trump told Bill O'Reilly of Fox News this week", &[]).unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.text.as_str()),
            (
                ChannelKind::Interview,
                Some("Fox News"),
                "told Bill O'Reilly of Fox News"
            )
        );
        let c = with_quotes("he said in an interview with Jake Tapper of CNN", &[]).unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref()),
            (ChannelKind::Interview, Some("CNN"))
        );
        // (a name with no verb of telling before it is no interview: "a friend of CNN")
        assert!(
            with_quotes("she praised Jake Tapper of CNN", &[])
                .is_none_or(|c| c.kind != ChannelKind::Interview)
        );
    }

    #[test]
    fn told_an_outlet_is_an_interview() {
        let c = with_quotes("she told CNN on Monday", &[]).unwrap();
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.text.as_str()),
            (ChannelKind::Interview, Some("CNN"), "told CNN")
        );
        let c = with_quotes("he said in an interview with the BBC", &[]).unwrap();
        assert_eq!(c.text, "interview with the BBC");
    }

    #[test]
    fn a_broadcast_of_an_outlet_or_a_programme_names_them() {
        let quoted = |t: &str| {
            let s = t.find('“').unwrap();
            let e = t.find('”').unwrap() + '”'.len_utf8();
            Span { start: s, end: e }
        };
        let t = "On Wednesday’s broadcast of CNN’s “New Day,” Smith said";
        let e = t.find("broadcast").unwrap() + "broadcast".len();
        let (o, p, end) = broadcast_of(t, e, &[quoted(t)]).unwrap();
        assert_eq!((o, p.as_deref()), (Some("CNN"), Some("New Day")));
        assert_eq!(&t[..end], "On Wednesday’s broadcast of CNN’s “New Day,”");
        let t = "On this weekend’s broadcast of “Fox News Sunday,” Pence said";
        let e = t.find("broadcast").unwrap() + "broadcast".len();
        let (o, p, _) = broadcast_of(t, e, &[quoted(t)]).unwrap();
        assert_eq!(
            (o, p.as_deref()),
            (Some("Fox News"), Some("Fox News Sunday"))
        );
        // (a programme that opens with no outlet names only itself; "of" must follow)
        let t = "a broadcast of “Real Time,” he said";
        let (o, p, _) = broadcast_of(t, 11, &[quoted(t)]).unwrap();
        assert_eq!((o, p.as_deref()), (None, Some("Real Time")));
        assert!(broadcast_of("a broadcast on Sunday", 11, &[]).is_none());
        assert!(broadcast_of("a broadcast of the debate", 11, &[]).is_none());
    }

    #[test]
    fn a_bare_definite_piece_names_the_outlet_named_with_a_piece_before_it() {
        let outlet_and_time = |t: &str| {
            let a = crate::analyze(t, &crate::Options::default());
            let q = a
                .quotes
                .iter()
                .find(|q| q.text.starts_with("Finally"))
                .unwrap();
            let c = q.channel.clone().unwrap();
            (c.outlet, q.time.as_ref().map(|t| t.text.clone()))
        };
        let piece = "The piece used one of her quotes as its headline: \"Finally. Someone who \
                     thinks like me.\"";
        let ran = format!("The Washington Post ran a feature Saturday on a voter.\n\n{piece}");
        assert_eq!(
            outlet_and_time(&ran),
            (Some("The Washington Post".into()), Some("Saturday".into()))
        );
        let by = format!("A story by Politico on Monday profiled a voter. {piece}");
        assert_eq!(outlet_and_time(&by).0.as_deref(), Some("Politico"));
        // (an outlet named with no piece, or with a poll, is not the piece's)
        let told = format!("The voter told CNN on Monday that she was happy.\n\n{piece}");
        assert_eq!(outlet_and_time(&told), (None, None));
        let poll = format!("A Reuters poll released Friday found her ahead.\n\n{piece}");
        assert_eq!(outlet_and_time(&poll), (None, None));
    }

    #[test]
    fn a_broadcast_beats_an_interview() {
        let c = with_quotes("she told CNN, then appeared on Fox News", &[]).unwrap();
        assert_eq!(c.kind, ChannelKind::Broadcast);
    }
}
