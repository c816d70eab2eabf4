//! Occasion sentences: a sentence that states no statement but sets the occasion of one
//! ("In a speech in Fort Pierce on Friday, Clinton laid out her plans.", "Smith spoke to
//! reporters Friday."). Its channel and time carry to the named speaker's next statements
//! (`output::channel::carry`), as those of the speaker's own statements do.

use std::ops::Range;

use super::channel::{Triggers, find_in_scope};
use super::shape::left_out;
use super::{Context, Hits, Matches, time_in};
use crate::cues::ParaTokens;
use crate::lexicon::Class;
use crate::lexicon::info::ALNUM;
use crate::model::{Channel, Span, Time};
use crate::segment::{Tok, Token, is_capitalized};

/// A sentence that sets a speaker's occasion: where it stands, whose it is, and the channel
/// and time it states.
pub(crate) struct Occasion {
    pub para: usize,
    pub at: usize,
    pub entity: usize,
    /// None for the lead's time alone ([`lead_time`]).
    pub channel: Option<Channel>,
    pub time: Option<Time>,
}

/// What [`occasions`] reads: the document's paragraphs and their tokens, the people who speak
/// (entity and surname, lower case), and the date times resolve against.
pub(crate) struct Sources<'a> {
    pub text: &'a str,
    pub paras: &'a [Span],
    pub para_toks: &'a [ParaTokens],
    pub names: &'a [(usize, String)],
    /// The keys of `names` ([`name_keys`]): a word whose key is not among them is none.
    pub name_keys: u64,
    pub reference_date: Option<&'a str>,
    /// Per paragraph: its word lists' matches, found on first use (shared with the channel
    /// step).
    pub hits: &'a [std::cell::OnceCell<Hits>],
    /// The speakers of the document's statements, in text order.
    pub spoken: &'a [Spoken<'a>],
    /// The dateline ("WASHINGTON, Dec. 8 (UPI) —"): metadata, no time of a saying.
    pub dateline: Option<Span>,
    /// Per statement an occasion may carry to, the entity it is carried for and its
    /// paragraph, sorted ([`heard_near`]).
    pub heard: &'a [(usize, usize)],
}

/// Whether an occasion of entity `e` in paragraph `p` may carry to one of the entity's
/// statements (`src.heard`): one at most `window::CARRY_PARAGRAPHS` paragraphs after it or
/// `window::CARRY_BACK_PARAGRAPHS` before it. Where none is, the occasion carries to none,
/// nor stops another from carrying (one before it is as far from those after), and a
/// sentence that names no other speaker is not read for one.
fn heard_near(src: &Sources, e: usize, p: usize) -> bool {
    let from = (e, p.saturating_sub(super::window::CARRY_BACK_PARAGRAPHS));
    let k = src.heard.partition_point(|x| *x < from);
    (src.heard.get(k)).is_some_and(|&(f, q)| f == e && q <= p + super::window::CARRY_PARAGRAPHS)
}

/// The speaker of a statement, as an occasion sentence after it may refer to it: where its
/// cue stands, its paragraph, its entity, whether a person, its mention as written.
pub(crate) struct Spoken<'a> {
    pub at: usize,
    pub para: usize,
    pub entity: usize,
    pub person: bool,
    pub mention: &'a str,
}

/// The speaker an occasion sentence refers back to by its subject: a pronoun ("He spoke to
/// reporters Friday", "His speech was …", of a person; "Its letter …", "They …", of anything
/// else) or the article and noun of the mention ("The city sent a letter Thursday" after "The
/// city of Phoenix is demanding …"): the speaker of the statement just before, in the same
/// paragraph or the one before.
fn referred(src: &Sources, p: usize, toks: &[Token]) -> Option<usize> {
    let k = super::source::subject_start(src.text, toks);
    let first = toks.get(k)?;
    // (only a pronoun, or "the" and a noun, refer back: other subjects, most, are passed over
    // by their token before the speakers are looked up or any string is made)
    let person = first.is(Class::ChannelPersonPronouns);
    let other = first.is(Class::ChannelOtherPronouns);
    if !person && !other && !first.text(src.text).eq_ignore_ascii_case("the") {
        return None;
    }
    // (the speakers are in text order: those before the sentence, found by binary search;
    // the nearest is the paragraph's or the one before's, or none is)
    let before = src.spoken.partition_point(|s| s.at < toks[0].start);
    let prev = src.spoken[..before]
        .iter()
        .rev()
        .take_while(|s| s.para + 1 >= p)
        .next()?;
    if person {
        return prev.person.then_some(prev.entity);
    }
    if other {
        return (!prev.person).then_some(prev.entity);
    }
    let (article, noun) = (first.text(src.text), toks.get(k + 1)?.text(src.text));
    opens_with(prev.mention, article, noun).then_some(prev.entity)
}

/// Whether the subject of a sentence (its tokens `toks`) may refer back to a speaker
/// ([`referred`]): one of its first three tokens, among which `source::subject_start` puts the
/// subject's first, is a pronoun of the classes it reads or "the". (Most sentences are passed
/// over by their first tokens' classes and lengths, before the subject or the speakers are
/// looked for.)
fn may_refer(text: &str, toks: &[Token]) -> bool {
    toks.iter().take(3).any(|t| {
        t.is(Class::ChannelPersonPronouns)
            || t.is(Class::ChannelOtherPronouns)
            || t.end - t.start == 3 && t.text(text).eq_ignore_ascii_case("the")
    })
}

/// Whether `mention` in lower case, with a space after it, opens with `article` and `noun` in
/// lower case, each with a space after it ("The city" opens "the city of Phoenix"). (ASCII
/// words, nearly all, are compared byte by byte without lower-case copies.)
fn opens_with(mention: &str, article: &str, noun: &str) -> bool {
    if !(mention.is_ascii() && article.is_ascii() && noun.is_ascii()) {
        let subject = format!("{article} {noun} ");
        return format!("{} ", mention.to_lowercase()).starts_with(&subject.to_lowercase());
    }
    let space = std::iter::once(b' ');
    let subject = (article.bytes().chain(space.clone()))
        .chain(noun.bytes())
        .chain(space.clone());
    let len = article.len() + noun.len() + 2;
    let target = mention.bytes().chain(space);
    mention.len() + 1 >= len && subject.zip(target).all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// The speaker a sentence names by surname, outside the channel's words and the quotations:
/// the last name before the channel ("Clinton aide Jo Palmieri spoke to reporters" is
/// Palmieri's), or else the first after it ("In a speech in Fort Pierce, Clinton laid out
/// her plans" is Clinton's).
fn named(src: &Sources, toks: &[Token], channel: Span) -> Option<usize> {
    let entity_at = |t: &Token| entity_at(src, t);
    let before = toks
        .iter()
        .rev()
        .filter(|t| t.end <= channel.start)
        .find_map(entity_at);
    before.or_else(|| {
        toks.iter()
            .filter(|t| t.start >= channel.end)
            .find_map(entity_at)
    })
}

/// The bit of a lower-case word of `len` bytes that opens with byte `first`: a key that
/// tells most words from the surnames without comparing them with each.
fn name_key(len: usize, first: u8) -> u64 {
    1 << ((len * 7 + usize::from(first)) % 64)
}

/// The key of surname `n` (lower case), none if empty ([`name_key`]).
fn surname_key(n: &str) -> u64 {
    n.as_bytes().first().map_or(0, |&b| name_key(n.len(), b))
}

/// The keys of surnames `names` (lower case), one bit each ([`name_key`]).
pub(crate) fn name_keys(names: &[(usize, String)]) -> u64 {
    names.iter().fold(0, |a, (_, n)| a | surname_key(n))
}

/// `w` without the repeats of `suffix` at its end (`str::trim_end_matches`, without a
/// searcher made for each word).
fn trim_all<'w>(mut w: &'w str, suffix: &str) -> &'w str {
    while let Some(rest) = w.strip_suffix(suffix) {
        w = rest;
    }
    w
}

/// Whether token `t` may be a speaker's surname ([`entity_at`]): a capitalised word, told by
/// its flag, and, when of ASCII letters and digits alone (no possessive to cut), with a key
/// among `keys` (of surnames, [`name_key`]). Most capitalised words are passed over here,
/// inlined in the scan of every sentence, before their text is read.
#[inline]
fn may_name(src: &Sources, keys: u64, t: &Token) -> bool {
    // (the flag first: most tokens are words, most not capitalised)
    if !t.is_capitalised() || t.kind != Tok::Word {
        return false;
    }
    if t.flags & ALNUM == 0 {
        return true;
    }
    let first = src.text.as_bytes()[t.start].to_ascii_lowercase();
    keys & name_key(t.end - t.start, first) != 0
}

/// Per paragraph, the keys ([`name_key`]) of the surnames of the speakers an occasion in it
/// may carry to ([`heard_near`]), or none where it may carry to no statement: a sentence
/// there is not read.
fn keys_near(src: &Sources) -> Vec<Option<u64>> {
    let mut near = vec![None; src.para_toks.len()];
    // (the entity, its keys, and where the paragraphs already marked with them end)
    let mut entity = (usize::MAX, 0, 0);
    for &(e, q) in src.heard {
        // (the heard are sorted by entity: each one's keys found once)
        if entity.0 != e {
            let names = &src.names[src.names.partition_point(|(f, _)| *f < e)..];
            let names = names.iter().take_while(|(f, _)| *f == e);
            entity = (e, names.fold(0, |a, (_, n)| a | surname_key(n)), 0);
        }
        // (and then by paragraph: each one's reach ends no sooner than the one before's, and
        // only the paragraphs past that are marked, each once an entity)
        let from = q
            .saturating_sub(super::window::CARRY_PARAGRAPHS)
            .max(entity.2);
        let to = (q + super::window::CARRY_BACK_PARAGRAPHS + 1).min(near.len());
        for keys in near.get_mut(from..to).into_iter().flatten() {
            *keys = Some(keys.unwrap_or(0) | entity.1);
        }
        entity.2 = entity.2.max(to);
    }
    near
}

/// The speaker whose surname token `t` is ("Clinton", "Clinton's").
fn entity_at(src: &Sources, t: &Token) -> Option<usize> {
    // (a word that does not open with a capital is passed over by its token's flag, before
    // its text is read or its possessive cut: the cut keeps the first character, or leaves
    // nothing)
    if t.kind != Tok::Word || !t.is_capitalised() {
        return None;
    }
    // (a word of ASCII letters and digits alone, most names, has no possessive to cut and is
    // capitalised by its token's flag)
    let w = match t.flags & ALNUM != 0 {
        true => t.text(src.text),
        false => trim_all(trim_all(t.text(src.text), "'s"), "’s"),
    };
    if t.flags & ALNUM == 0 && !is_capitalized(w) {
        return None;
    }
    // (an ASCII word is compared in lower case without a new string)
    if w.is_ascii() {
        let key = name_key(w.len(), w.as_bytes()[0].to_ascii_lowercase());
        if src.name_keys & key == 0 {
            return None;
        }
        let same = |n: &str| {
            n.len() == w.len()
                && w.bytes()
                    .zip(n.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        };
        return src.names.iter().find(|(_, n)| same(n)).map(|(e, _)| *e);
    }
    let w = w.to_lowercase();
    src.names.iter().find(|(_, n)| *n == w).map(|(e, _)| *e)
}

/// The occasion sentences of the document: every sentence, up to where `free_until` says its
/// first statement starts (its speaker or its cue: per sentence with a statement, its
/// paragraph and first token, sorted), that states a channel and names one of the people who
/// speak. In "Palmieri spoke to reporters Friday after Trump tweeted that …" the words before
/// "Trump" set Palmieri's occasion.
pub(crate) fn occasions(src: &Sources, free_until: &[((usize, usize), usize)]) -> Vec<Occasion> {
    // (the sentences are read in order: the next sentence with a statement is found by moving
    // on, not by a search)
    let mut next_free = 0;
    let mut free_until = |p: usize, sent: &Range<usize>| {
        let key = (p, sent.start);
        while free_until.get(next_free).is_some_and(|(k, _)| *k < key) {
            next_free += 1;
        }
        free_until
            .get(next_free)
            .filter(|(k, _)| *k == key)
            .map(|(_, at)| *at)
    };
    let mut out = Vec::new();
    // (one buffer for the word lists' matches of every sentence read, one for its quotations)
    let mut matches = Matches::default();
    let mut quotes: Vec<Span> = Vec::new();
    if src.names.is_empty() && src.spoken.is_empty() {
        return out;
    }
    let lead = src
        .para_toks
        .iter()
        .position(|pt| !pt.headline && !pt.toks.is_empty());
    let near = keys_near(src);
    for (p, pt) in src.para_toks.iter().enumerate() {
        let Some(keys) = near[p].filter(|_| !pt.headline && !pt.toks.is_empty()) else {
            continue;
        };
        for (i, sent) in pt.sents.iter().filter(|s| !s.is_empty()).enumerate() {
            let mut toks = &pt.toks[sent.clone()];
            // (tokens are in text order: those that end by where its first statement starts
            // are a prefix, found by a search; a sentence with no statement is read whole)
            if let Some(f) = free_until(p, sent) {
                toks = &toks[..toks.partition_point(|t| t.end <= f)];
            }
            // (a sentence that names none of the speakers whose statements an occasion of its
            // paragraph may carry to, and refers back to none, sets no occasion that counts:
            // its channel is not looked for; the speaker it refers back to has a statement in
            // its paragraph or the one before)
            // (a word that is not capitalised, or whose key no surname has, names no one: passed
            // over by its token, without a call)
            let names = toks
                .iter()
                .filter(|t| may_name(src, keys, t))
                .any(|t| entity_at(src, t).is_some_and(|e| heard_near(src, e, p)));
            let refers = || may_refer(src.text, toks) && referred(src, p, toks).is_some();
            if !names && !refers() {
                continue;
            }
            let hits =
                src.hits[p].get_or_init(|| Hits::in_paragraph(src.text, src.paras[p], &pt.toks));
            let read = Sentence { para: p, pt, toks };
            let before = out.len();
            out.extend(sentence_occasion(
                src,
                &read,
                hits,
                (&mut matches, &mut quotes),
            ));
            if out.len() == before && lead == Some(p) && i == 0 {
                out.extend(lead_time(src, &read, hits, &mut matches));
            }
        }
    }
    out
}

/// One sentence read for an occasion: its paragraph, the paragraph's tokens, its own tokens
/// up to its first statement.
struct Sentence<'a> {
    para: usize,
    pt: &'a ParaTokens,
    toks: &'a [Token],
}

impl Sentence<'_> {
    /// The words read, from the first token's start to the last one's end.
    fn region(&self) -> Span {
        Span {
            start: self.toks[0].start,
            end: self.toks[self.toks.len() - 1].end,
        }
    }

    /// The quotations among the words read: no channel or time is read inside them.
    fn quotes(&self) -> impl Iterator<Item = Span> + '_ {
        self.toks
            .iter()
            .filter(|t| matches!(t.kind, Tok::Quote(_)))
            .map(|t| Span {
                start: t.start,
                end: t.end,
            })
    }
}

/// The occasion sentence `s` sets, if any (see [`occasions`]). (`matches` and `quotes`:
/// buffers for what its lists match and its quotations.)
fn sentence_occasion(
    src: &Sources,
    s: &Sentence,
    hits: &Hits,
    (matches, quotes): (&mut Matches, &mut Vec<Span>),
) -> Option<Occasion> {
    let toks = s.toks;
    let region = s.region();
    // (where the sentence holds nothing a rule needs, nor the subject, it states no channel: no
    // rule is called; where only the lists may serve, the gate is tested first with what its
    // tokens say they may hold: most sentences are passed over before their lists are read)
    let mut triggers = Triggers::of(&s.pt.toks, region);
    // (its quotations, each a token, are skipped whole: they let the grammar read the sentence
    // again only where its tokens leave text out, `phrase::may_hold_phrase`)
    triggers.quote = triggers.quote && leaves_text_out(src.text, toks, region);
    let may_find = |lists: bool| {
        super::channel::may_find_uncued(triggers, lists)
            || super::source::POSSESSED_NEEDS.met(triggers, lists)
    };
    if !may_find(false) && !lists_may_hold(src.text, hits, &s.pt.toks, region) {
        return None;
    }
    quotes.clear();
    quotes.extend(s.quotes());
    // (the lists read only near the sentence's words that may hold a match a rule reads)
    hits.region_near(src.text, &s.pt.toks, region, quotes.iter(), false, matches);
    if !may_find(super::channel::lists_hold(matches, region)) {
        return None;
    }
    let channel = {
        let ctx = Context {
            cue: None,
            speaker: None,
            quotes,
            para_toks: Some(&s.pt.toks),
        };
        // (one scope for the rules and the subject: its gates and tokens read once)
        let sc =
            super::channel::Scope::with_triggers(src.text, region, &ctx, matches, Some(triggers));
        find_in_scope(&sc).or_else(|| super::source::possessed_subject(&sc))
    };
    let c = channel?;
    // (the words that may open a time, marked only where a channel is stated)
    hits.mark_times_at(src.text, &s.pt.toks, region, matches);
    let hits = &*matches;
    let at = Span {
        start: c.start,
        end: c.end,
    };
    let entity = referred(src, s.para, toks).or_else(|| named(src, toks, at))?;
    let time = time_in(
        src.text,
        region,
        quotes,
        src.reference_date,
        hits,
        &|_, _| true,
    );
    Some(Occasion {
        para: s.para,
        at: region.start,
        entity,
        channel: Some(c),
        time,
    })
}

/// Whether `region` of a paragraph (its tokens `toks`) may hold a channel phrase or an outlet
/// of the lists outside its quotations, by its tokens and those a match that reaches into it
/// may start at (`Hits::lead_in`), as `Hits::may_match` reads them but with the class of the
/// phrases' and outlets' words (`channel_phrase_outlet_words`): a word of it, a word joined by
/// a mark or not ASCII (the token's bit `JOINED_MAY_MATCH`), a quotation before the region, text the
/// tokens leave out. Where none may, `channel::lists_hold` is false once the lists are read.
fn lists_may_hold(text: &str, hits: &Hits, toks: &[Token], region: Span) -> bool {
    let from = hits.lead_in(text, region.start);
    let toks = &toks[toks.partition_point(|t| t.end <= from)..];
    let toks = &toks[..toks.partition_point(|t| t.start < region.end)];
    let mut at = from;
    for t in toks {
        if t.start > at && left_out(text, at, t.start) {
            return true;
        }
        at = at.max(t.end);
        let may = match t.kind {
            Tok::Word => t.is(Class::ChannelPhraseOutletWords) || t.joined_may_match(),
            // (the sentence's own quotations are skipped)
            Tok::Quote(_) => !(region.start <= t.start && t.end <= region.end),
            Tok::Punct => false,
        };
        if may {
            return true;
        }
    }
    region.end > at && left_out(text, at, region.end)
}

/// Whether the tokens `toks` of `region` (in order, inside it) leave out text of it that is
/// not white space, as `phrase::may_hold_phrase` reads the tokens of a region it tokenizes
/// again (one space between tokens, most, is read by its byte).
fn leaves_text_out(text: &str, toks: &[Token], region: Span) -> bool {
    let mut at = region.start;
    for t in toks {
        if t.start > at && left_out(text, at, t.start) {
            return true;
        }
        at = at.max(t.end);
    }
    region.end > at && left_out(text, at, region.end)
}

/// Whether a time names a day: it resolves to one (`2016-09-20`), or, with no date to
/// resolve against, it holds a weekday ("on Tuesday", "Tuesday's").
fn names_a_day(t: &Time) -> bool {
    match &t.date {
        Some(d) => d.len() == "2016-09-20".len(),
        None => t.text.split_whitespace().any(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            Class::ChannelWeekdays.contains(w)
        }),
    }
}

/// The lead's time: the first sentence of the article's body that states no channel but a
/// day, after the people who speak it names, sets the day of their occasion, as a news lead
/// says who did what when ("Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John
/// Stumpf on Tuesday …": Warren's and Stumpf's statements after it are Tuesday's, unless they
/// state another time or occasion). Only a day counts (a weekday, a date, "tonight"): "last
/// year" or "in July" in a lead dates a background event more often than the story's; and only
/// the people named before it ("… began layoffs on Wednesday despite criticism from Clinton"
/// dates no statement of Clinton's). One occasion per person, if no other speaker shares the
/// surname.
fn lead_time(src: &Sources, s: &Sentence, hits: &Hits, matches: &mut Matches) -> Vec<Occasion> {
    let toks = s.toks;
    let region = s.region();
    let skip: Vec<Span> = s.quotes().chain(src.dateline).collect();
    // (the lists read only near the words that may hold a match, as for a statement's clause)
    hits.region_near(src.text, &s.pt.toks, region, skip.iter(), true, matches);
    let outside = |a: usize, b: usize| !skip.iter().any(|d| a < d.end && d.start < b);
    let Some(time) = time_in(
        src.text,
        region,
        &skip,
        src.reference_date,
        matches,
        &outside,
    )
    .filter(names_a_day) else {
        return Vec::new();
    };
    let unique = |e: &usize| {
        let surname = src.names.iter().find(|(n, _)| n == e).map(|(_, s)| s);
        src.names.iter().filter(|(_, s)| Some(s) == surname).count() == 1
    };
    let mut named: Vec<usize> = toks
        .iter()
        .take_while(|t| t.end <= time.start)
        .filter_map(|t| entity_at(src, t))
        .filter(unique)
        .collect();
    named.sort_unstable();
    named.dedup();
    named
        .into_iter()
        .map(|entity| Occasion {
            para: s.para,
            at: region.start,
            entity,
            channel: None,
            time: Some(time.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn paras(text: &str) -> (Vec<Span>, Vec<ParaTokens>) {
        let spans = segment::paragraphs(text);
        let pts = spans
            .iter()
            .map(|&span| super::super::test_support::para_tokens(text, span))
            .collect();
        (spans, pts)
    }

    #[test]
    fn a_sentences_own_quotations_trigger_the_grammar_only_where_text_is_left_out() {
        // (the gate of `sentence_occasion`: the grammar's own test, `may_hold_phrase`, reads
        // the same with the quotation trigger kept only where the tokens leave text out)
        for text in [
            "\u{201c}We will win,\u{201d} Smith said.",
            "\u{201c}We will win,\u{201d} Smith said in a speech.",
            "Smith, \u{201c}smiling,\u{201d} spoke to the crowd.",
            "He said \u{201c}no\u{201d} twice and \u{201c}yes\u{201d} once.",
            "Smith spoke to reporters.",
        ] {
            // (each quotation one token, as the quotes stage makes them)
            let quoted: Vec<(usize, Span)> = (text.match_indices('\u{201c}'))
                .zip(text.match_indices('\u{201d}'))
                .map(|((s, _), (e, m))| Span {
                    start: s,
                    end: e + m.len(),
                })
                .enumerate()
                .collect();
            let mut toks = segment::tokens(text, super::super::test_support::all(text), &quoted);
            // (as read, and with a word the tokens leave out, as an embedded post is)
            let mut variants = vec![toks.clone()];
            if let Some(k) = toks.iter().rposition(|t| t.kind == Tok::Word) {
                toks.remove(k);
                variants.push(toks);
            }
            for toks in &variants {
                let region = Span {
                    start: toks[0].start,
                    end: toks[toks.len() - 1].end,
                };
                let quotes: Vec<Span> = (toks.iter())
                    .filter(|t| matches!(t.kind, Tok::Quote(_)))
                    .map(|t| Span {
                        start: t.start,
                        end: t.end,
                    })
                    .collect();
                let ctx = Context {
                    cue: None,
                    speaker: None,
                    quotes: &quotes,
                    para_toks: Some(toks),
                };
                let m = Matches::default();
                let all = Triggers::of(toks, region);
                let mut gated = all;
                gated.quote = all.quote && leaves_text_out(text, toks, region);
                let read = |t: Triggers| {
                    let sc = super::super::channel::Scope::with_triggers(
                        text,
                        region,
                        &ctx,
                        &m,
                        Some(t),
                    );
                    super::super::phrase::may_hold_phrase(&sc)
                };
                assert_eq!(read(gated), read(all), "{text}");
            }
        }
    }

    #[test]
    fn a_sentence_that_sets_a_speakers_occasion() {
        let text = "In a speech in Dayton on Friday, Okafor laid out her plans for schools.";
        let (spans, pts) = paras(text);
        let names = vec![(3, "okafor".to_string())];
        let hits: Vec<std::cell::OnceCell<Hits>> =
            spans.iter().map(|_| Default::default()).collect();
        let src = Sources {
            text,
            paras: &spans,
            para_toks: &pts,
            names: &names,
            name_keys: name_keys(&names),
            reference_date: Some("2016-09-12"),
            spoken: &[],
            hits: &hits,
            dateline: None,
            heard: &[(3, 0)],
        };
        let found = occasions(&src, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entity, 3);
        assert_eq!(
            found[0].channel.as_ref().map(|c| c.kind),
            Some(crate::model::ChannelKind::Speech)
        );
        assert_eq!(
            found[0].time.as_ref().map(|t| t.text.as_str()),
            Some("on Friday")
        );
        // A sentence whose statement opens it, or that names no one who speaks, sets none.
        assert!(occasions(&src, &[((0, 0), 0)]).is_empty());
        let nobody = Sources { names: &[], ..src };
        assert!(occasions(&nobody, &[]).is_empty());
        // Nor one of a speaker whose statements are all too far for it to carry to.
        let far = Sources {
            heard: &[(3, 9)],
            ..src
        };
        assert!(occasions(&far, &[]).is_empty());
    }

    /// The occasions the first paragraph of `text` sets, with `names` the speakers.
    fn lead_occasions(text: &str, names: &[(usize, String)]) -> Vec<Occasion> {
        let (spans, pts) = paras(text);
        let hits: Vec<std::cell::OnceCell<Hits>> =
            spans.iter().map(|_| Default::default()).collect();
        let src = Sources {
            text,
            paras: &spans,
            para_toks: &pts,
            names,
            name_keys: name_keys(names),
            reference_date: Some("2016-09-21"),
            spoken: &[],
            hits: &hits,
            dateline: None,
            heard: &[(1, 0), (2, 0)],
        };
        occasions(&src, &[])
    }

    #[test]
    fn the_lead_dates_the_occasion_of_the_people_it_names_before_its_day() {
        let names = vec![(1, "warren".to_string()), (2, "stumpf".to_string())];
        let text = "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on \
                    Tuesday for his role in the scheme.\n\nShe was angry.";
        let found = lead_occasions(text, &names);
        let got: Vec<_> = found
            .iter()
            .map(|o| {
                (
                    o.entity,
                    o.channel.is_none(),
                    o.time.as_ref().map(|t| t.text.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [(1, true, Some("on Tuesday")), (2, true, Some("on Tuesday"))]
        );
        let date = found[0].time.as_ref().and_then(|t| t.date.as_deref());
        assert_eq!(date, Some("2016-09-20"));
        // A name after the day, a time that is no day, a sentence after the lead: none.
        let after = "Nabisco on Wednesday began layoffs despite criticism from Stumpf.";
        assert!(lead_occasions(after, &names).is_empty());
        let month = "Warren grilled Stumpf in July for his role.";
        assert!(lead_occasions(month, &names).is_empty());
        let second = "The hearing opened.\n\nWarren grilled Stumpf on Tuesday.";
        assert!(lead_occasions(second, &names).is_empty());
        // A surname two speakers share names neither.
        let shared = vec![(1, "clinton".to_string()), (2, "clinton".to_string())];
        let bill = "Former President Bill Clinton celebrated his birthday on Tuesday.";
        assert!(lead_occasions(bill, &shared).is_empty());
    }

    #[test]
    fn a_sentence_whose_first_tokens_may_not_refer_refers_to_no_one() {
        let text = "Smith said the plan had failed. He spoke to reporters Friday. \
                    Later, his aides left. The mayor spoke next. In Ohio, they met Jones. \
                    Its letter came Monday. On Friday, the city sent a note. Jones left. \
                    \"We won,\" she said. Then, on Tuesday, Smith spoke again.";
        let (spans, pts) = paras(text);
        let hits: Vec<std::cell::OnceCell<Hits>> =
            spans.iter().map(|_| Default::default()).collect();
        let spoken = [0, 1].map(|person| Spoken {
            at: 0,
            para: 0,
            entity: 3,
            person: person == 1,
            mention: "the mayor of Ohio",
        });
        let (mut refer, mut pass) = (0, 0);
        for spoken in spoken.iter().map(std::slice::from_ref) {
            let src = Sources {
                text,
                paras: &spans,
                para_toks: &pts,
                names: &[],
                name_keys: 0,
                reference_date: None,
                spoken,
                hits: &hits,
                dateline: None,
                heard: &[],
            };
            for sent in &pts[0].sents {
                // (every prefix of the sentence, as a statement in it cuts it short)
                for n in 0..=sent.len() {
                    let toks = &pts[0].toks[sent.start..sent.start + n];
                    let may = may_refer(text, toks);
                    let found = toks.first().is_some_and(|t| t.start > 0)
                        && referred(&src, 0, toks).is_some();
                    assert!(may || !found, "{:?}", &text[toks[0].start..]);
                    refer += usize::from(found);
                    pass += usize::from(may);
                }
            }
        }
        // (the gate passes over some sentences, and lets those that refer through)
        assert!(refer > 0 && pass > refer);
    }

    #[test]
    fn a_subject_refers_to_the_mention_it_opens() {
        assert!(opens_with("the city of Phoenix", "The", "city"));
        assert!(opens_with("The City", "the", "city"));
        assert!(!opens_with("the city", "The", "cit"));
        assert!(!opens_with("the cityscape", "The", "city"));
        assert!(!opens_with("the", "The", "city"));
        assert!(opens_with("the Zoë fund", "The", "ZOË"));
        assert!(!opens_with("the Zoë fund", "The", "Zoe"));
    }

    #[test]
    fn every_phrase_and_outlet_has_a_word_of_the_class_the_gate_reads() {
        // (`lists_may_hold` passes over a sentence none of whose words is of the class: a
        // phrase or an outlet with no word of it would go unread; a phrase matches in any case)
        let phrases_and_outlets = super::super::lists::patterns()
            .into_iter()
            .filter(|p| p.0 < 2);
        super::super::lists::tests::each_has_a_word_of(
            phrases_and_outlets,
            Class::ChannelPhraseOutletWords,
        );
    }

    #[test]
    fn a_sentence_whose_words_hold_no_phrase_or_outlet_is_passed_over_before_its_lists() {
        let cases = [
            (
                "Okafor laid out her plans for schools on Monday morning.",
                false,
            ),
            ("Okafor told CNN on Monday that she would run.", true),
            ("Okafor said in a statement that she would run.", true),
            ("Okafor\u{2019}s op-ed ran in the Daily Planet.", true),
            (
                "Okafor spoke at length about the schools late Tuesday night.",
                false,
            ),
        ];
        for (text, may) in cases {
            let span = super::super::test_support::all(text);
            let pt = super::super::test_support::para_tokens(text, span);
            let hits = Hits::in_paragraph(text, span, &pt.toks);
            // (the first sentence alone)
            let sent = pt.sents[0].clone();
            let region = Span {
                start: pt.toks[sent.start].start,
                end: pt.toks[sent.end - 1].end,
            };
            assert_eq!(lists_may_hold(text, &hits, &pt.toks, region), may, "{text}");
            // (where none may, the lists read hold none)
            let quotes: Vec<Span> = pt.toks[sent]
                .iter()
                .filter(|t| matches!(t.kind, Tok::Quote(_)))
                .map(|t| Span {
                    start: t.start,
                    end: t.end,
                })
                .collect();
            let mut m = Matches::default();
            hits.region_near(text, &pt.toks, region, quotes.iter(), false, &mut m);
            let held = super::super::channel::lists_hold(&m, region);
            assert!(may || !held, "{text}");
        }
    }
}
