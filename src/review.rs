//! Review: the flags an editor acts on, read off a finished analysis.
//!
//! The last stage: it runs on the record the earlier stages built (plus the names of people
//! the text mentions) and adds flags with a stable id and a sentence of documentation each
//! (`FlagKind::doc`). Each flag kind is one rule: the rules on one statement and its speaker
//! ([`STATEMENT_RULES`]: an ambiguous pronoun, a speaker quoted before being introduced, an
//! anonymous source, a loaded verb, a platform with no post) and the rules that compare
//! quotations and posts ([`DOCUMENT_RULES`]: a post attributed to someone else, the same
//! words from two speakers, a repeated quotation with changed wording). The quotation stages
//! already flag unbalanced marks and unattributed quotations.
//!
//! Comparisons between quotations are bounded (the first 400 statements of a document), so
//! a pathological document stays linear.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{Class, Gender, LEXICON};
use crate::model::{
    Analysis, ChannelKind, EntityKind, Flag, FlagKind, Quote, QuoteKind, Span, SpeakerRef,
};
use crate::speakers::{NameCandidate, surname};

const MAX_COMPARED: usize = 400;

/// How far either side of a statement a rule reads its paragraph (bytes): the reason given
/// for an anonymous source, and (further) a link or embed for a post.
const NEAR: usize = 2_000;
const LINK_NEAR: usize = 20_000;

/// What the article says of why a source is anonymous starts with one of these.
const ANONYMITY_REASONS: [&str; 4] = [
    "on condition of anonymity",
    "because",
    "not authorized",
    "who asked not to be named",
];

/// A rule on one statement (its first quote) and its speaker; `mention` is the speaker's
/// mention in lower case.
type StatementRule = fn(&mut Review, &Quote, &SpeakerRef, &str) -> Option<Flag>;

/// The rules on each statement with a speaker, in this order.
const STATEMENT_RULES: &[(FlagKind, StatementRule)] = &[
    (FlagKind::AmbiguousPronoun, ambiguous_pronoun),
    (FlagKind::UnintroducedSpeaker, unintroduced_speaker),
    (FlagKind::AnonymousSource, anonymous_source),
    (FlagKind::LoadedVerb, loaded_verb),
    (FlagKind::PlatformWithoutPost, platform_without_post),
];

/// A rule that compares the quotations and posts of the whole record.
type DocumentRule = fn(&Review, &mut Vec<Flag>);

/// The rules on the whole record, in this order.
const DOCUMENT_RULES: &[(FlagKind, DocumentRule)] = &[
    (FlagKind::PostAuthorMismatch, post_author_mismatch),
    (FlagKind::SameWordsTwoSpeakers, same_words_two_speakers),
    (FlagKind::ChangedWording, changed_wording),
];

/// What the rules read (the text, its paragraphs, the people it names, the analysis) and
/// what they remember.
struct Review<'a> {
    text: &'a str,
    paras: &'a [Span],
    people: &'a [NameCandidate],
    a: &'a Analysis,
    /// Where each surname is first given with a full name ("Suhail Shaheen" → "shaheen").
    /// Built on first use: most articles never quote a bare surname first.
    introduced_at: Option<FxHashMap<String, usize>>,
    /// The entities already flagged as anonymous sources.
    anonymous_seen: FxHashSet<Option<usize>>,
    /// The words of each of the first quotations, read on first use.
    words: Vec<OnceCell<Words>>,
}

/// A quotation's words in lower case, and with four or more of them, the words joined (the
/// key quotations are compared by).
struct Words {
    words: Vec<String>,
    key: Option<String>,
}

fn flag(kind: FlagKind, start: usize, end: usize, message: String) -> Flag {
    Flag {
        kind,
        start,
        end,
        message,
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Review<'_> {
    /// The index of the paragraph `pos` is in.
    fn para_of(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    }

    /// The paragraph `pos` is in, cut to at most `near` bytes either side of `pos`: what a
    /// rule reads around one statement, so that a run-on paragraph costs each statement a
    /// bounded read (linear time).
    fn para_near(&self, pos: usize, near: usize) -> Span {
        let para = self.paras[self.para_of(pos)];
        let mut start = para.start.max(pos.saturating_sub(near));
        let mut end = para.end.min(pos.saturating_add(near));
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span { start, end }
    }

    /// Whether the full name of the person with surname `key` is given before `pos`.
    fn introduced_by(&mut self, key: &str, pos: usize) -> bool {
        let people = self.people;
        let map = self.introduced_at.get_or_insert_with(|| {
            let mut m: FxHashMap<String, usize> = FxHashMap::default();
            for c in people.iter().filter(|c| c.name.contains(' ')) {
                let e = m.entry(surname(&c.name)).or_insert(c.end);
                *e = (*e).min(c.end);
            }
            m
        });
        map.get(key).is_some_and(|&end| end <= pos)
    }

    /// The words of quotation `i` (one of the first `MAX_COMPARED`).
    fn words_of(&self, i: usize) -> &Words {
        self.words[i].get_or_init(|| {
            let words = words(&self.a.quotes[i].text);
            let key = (words.len() >= 4).then(|| words.join(" "));
            Words { words, key }
        })
    }

    /// The first quotations, those compared with each other and with posts.
    fn compared(&self) -> impl Iterator<Item = (usize, &Quote)> {
        self.a.quotes.iter().enumerate().take(MAX_COMPARED)
    }
}

/// Add the review's flags to `a`. `paras` are the paragraph spans, `people` the names of
/// people the text mentions, in order.
pub(crate) fn flags(text: &str, paras: &[Span], people: &[NameCandidate], a: &mut Analysis) {
    let mut out = Vec::new();
    let mut review = Review {
        text,
        paras,
        people,
        a,
        introduced_at: None,
        anonymous_seen: FxHashSet::default(),
        words: (0..a.quotes.len().min(MAX_COMPARED))
            .map(|_| OnceCell::new())
            .collect(),
    };
    let mut seen_statement = FxHashSet::default();
    for q in &a.quotes {
        if !seen_statement.insert(q.statement) || q.kind == QuoteKind::Post {
            continue;
        }
        let Some(sp) = &q.speaker else { continue };
        let mention = sp.text.to_lowercase();
        for (_, rule) in STATEMENT_RULES {
            out.extend(rule(&mut review, q, sp, &mention));
        }
    }
    for (_, rule) in DOCUMENT_RULES {
        rule(&review, &mut out);
    }
    // Parts of a statement and statements sharing a clause raise a flag once.
    out.sort_by_key(|f| (f.start, f.end, f.kind));
    out.dedup_by_key(|f| (f.start, f.end, f.kind));
    a.flags.extend(out);
    a.flags.sort_by_key(|f| (f.start, f.end));
}

/// A pronoun that two people named just before could be: "he" after "Smith met Jones.".
fn ambiguous_pronoun(r: &mut Review, _: &Quote, sp: &SpeakerRef, mention: &str) -> Option<Flag> {
    let g = if Class::ReviewMalePronouns.contains(mention) {
        Gender::Male
    } else if Class::ReviewFemalePronouns.contains(mention) {
        Gender::Female
    } else {
        return None;
    };
    let p = r.para_of(sp.start);
    let from = r.paras[p.saturating_sub(1)].start;
    // `people` are in text order: only those from the paragraph before on.
    let first = r.people.partition_point(|c| c.start < from);
    let mut names: Vec<String> = r.people[first..]
        .iter()
        .take_while(|c| c.start < sp.start)
        .filter(|c| c.end <= sp.start && c.gender == g)
        .map(|c| surname(&c.name))
        .collect();
    names.sort();
    names.dedup();
    (names.len() >= 2).then(|| {
        flag(
            FlagKind::AmbiguousPronoun,
            sp.start,
            sp.end,
            format!(
                "\"{}\" could be any of {} people named just before; it was resolved to {}",
                sp.text,
                names.len(),
                sp.name
            ),
        )
    })
}

/// Quoted before being introduced: a pronoun nobody precedes ("he said" opening an
/// article), or a surname alone before the full name appears ("Smith said" before "Jane
/// Smith").
fn unintroduced_speaker(r: &mut Review, _: &Quote, sp: &SpeakerRef, mention: &str) -> Option<Flag> {
    let is_pronoun = LEXICON.pronouns.contains_key(mention);
    if is_pronoun && sp.entity.is_none() && mention != "i" && mention != "we" {
        Some(flag(
            FlagKind::UnintroducedSpeaker,
            sp.start,
            sp.end,
            format!("\"{}\" has no one before it to refer to", sp.text),
        ))
    } else if sp.kind == EntityKind::Person
        && !is_pronoun
        && !sp.text.contains(' ')
        && !LEXICON.roles.contains_key(mention)
        && !r.introduced_by(&surname(&sp.text), sp.start)
    {
        Some(flag(
            FlagKind::UnintroducedSpeaker,
            sp.start,
            sp.end,
            format!(
                "\"{}\" is quoted before the article gives the full name",
                sp.text
            ),
        ))
    } else {
        None
    }
}

/// An anonymous source, once per source: "a senior official", "sources" (a bare role with
/// no determiner is a headline's, not a source's), with the reason the article gives ("…,
/// who spoke on condition of anonymity").
fn anonymous_source(r: &mut Review, _: &Quote, sp: &SpeakerRef, mention: &str) -> Option<Flag> {
    let unnamed = mention
        .split_once(' ')
        .is_some_and(|(first, _)| Class::ReviewUnnamedOpeners.contains(first))
        || (mention.ends_with('s') && !mention.contains(' '));
    if sp.kind != EntityKind::Anonymous || !unnamed || !r.anonymous_seen.insert(sp.entity) {
        return None;
    }
    let para = r.para_near(sp.start, NEAR);
    let context = writers_words(r, para);
    let context = context.as_str();
    let reason = ANONYMITY_REASONS
        .iter()
        .find_map(|k| context.find(k).map(|i| &context[i..]))
        .map(|said| {
            said.split(['.', ';'])
                .next()
                .unwrap_or(said)
                .split(", said")
                .next()
                .unwrap_or(said)
                .trim()
                .to_string()
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

/// A reporting verb that takes sides: "she claimed" (a style note; "said" does not).
fn loaded_verb(_: &mut Review, q: &Quote, _: &SpeakerRef, _: &str) -> Option<Flag> {
    let c = q.cue.as_ref()?;
    Class::ReviewLoadedVerbs.contains(&c.lemma).then(|| {
        flag(
            FlagKind::LoadedVerb,
            c.start,
            c.end,
            format!("\"{}\" takes sides; \"said\" does not", c.text),
        )
    })
}

/// Said on a platform, with nothing to check it against: "she wrote on Twitter" in a
/// paragraph that embeds no post and links none.
fn platform_without_post(r: &mut Review, q: &Quote, _: &SpeakerRef, _: &str) -> Option<Flag> {
    let ch = q.channel.as_ref()?;
    if ch.kind != ChannelKind::SocialMedia || q.post.is_some() {
        return None;
    }
    let para = r.para_near(q.start.min(ch.start), LINK_NEAR);
    let here = &r.text[para.start..para.end];
    let linked =
        here.contains("http") || here.contains("pic.twitter.com") || here.contains("t.co/");
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

/// Embedded posts whose words the text gives to someone else: a post by Jane Smith whose
/// words the text quotes from John Doe. A document with thousands of posts compares the
/// first of them.
fn post_author_mismatch(r: &Review, out: &mut Vec<Flag>) {
    for post in r.a.posts.iter().take(MAX_COMPARED) {
        let (Some(ptext), Some(author)) = (
            &post.text,
            post.author_name.as_ref().or(post.handle.as_ref()),
        ) else {
            continue;
        };
        let pwords = words(ptext).join(" ");
        for (i, q) in r.compared() {
            if q.kind == QuoteKind::Post {
                continue;
            }
            let Some(key) = &r.words_of(i).key else {
                continue;
            };
            if q.start >= post.start && q.end <= post.end || !pwords.contains(key.as_str()) {
                continue;
            }
            if let Some(sp) = &q.speaker
                && sp.entity.is_some()
                && surname(&sp.name) != surname(author)
                && !author.to_lowercase().contains(&surname(&sp.name))
            {
                out.push(flag(
                    FlagKind::PostAuthorMismatch,
                    q.start,
                    q.end,
                    format!(
                        "these words are from the post by {author}, but the text gives them to {}",
                        sp.name
                    ),
                ));
            }
        }
    }
}

/// The quotations compared with each other: direct and partial ones of four words or more,
/// with their words and their speaker's entity.
fn quotations<'r>(r: &'r Review) -> impl Iterator<Item = (&'r Quote, &'r Words, Option<usize>)> {
    r.compared()
        .filter(|(_, q)| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .map(|(i, q)| (q, r.words_of(i)))
        .filter(|(_, w)| w.key.is_some())
        .map(|(q, w)| (q, w, q.speaker.as_ref().and_then(|s| s.entity)))
}

/// The same words from two speakers: "“We will win this race,” Smith said" and later
/// "“We will win this race,” Jones said".
fn same_words_two_speakers(r: &Review, out: &mut Vec<Flag>) {
    let mut by_words: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (q, w, entity) in quotations(r) {
        let key = w.key.as_deref().unwrap_or_default();
        match by_words.get(key) {
            Some(&other) if other != entity && other.is_some() && entity.is_some() => {
                out.push(flag(
                    FlagKind::SameWordsTwoSpeakers,
                    q.start,
                    q.end,
                    "these words are also quoted from another speaker".to_string(),
                ));
            }
            Some(_) => {}
            None => {
                by_words.insert(key, entity);
            }
        }
    }
}

/// A repeated quotation with its wording changed: the same speaker's six words or more,
/// three in four of them the same as an earlier quotation's.
fn changed_wording(r: &Review, out: &mut Vec<Flag>) {
    let mut earlier: Vec<(&[String], Option<usize>)> = Vec::new();
    for (q, w, entity) in quotations(r) {
        let w = w.words.as_slice();
        if w.len() < 6 {
            continue;
        }
        for (ew, ee) in &earlier {
            if *ee != entity || *ew == w {
                continue;
            }
            let common = w.iter().filter(|x| ew.contains(x)).count();
            let overlap = common as f64 / w.len().max(ew.len()) as f64;
            if overlap >= 0.75 {
                out.push(flag(
                    FlagKind::ChangedWording,
                    q.start,
                    q.end,
                    "this quotation appears earlier with different wording".to_string(),
                ));
                break;
            }
        }
        earlier.push((w, entity));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn flagged(text: &str, kind: FlagKind) -> Vec<String> {
        let a = crate::analyze(text, &crate::Options::default());
        a.flags
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn a_verb_that_takes_sides_is_noted() {
        let text = "“We will win,” Jane Smith claimed.";
        assert_eq!(flagged(text, FlagKind::LoadedVerb), vec!["claimed"]);
        let text = "“We will win,” Jane Smith said.";
        assert!(flagged(text, FlagKind::LoadedVerb).is_empty());
    }

    #[test]
    fn a_pronoun_two_women_could_be_is_ambiguous() {
        let text = "Jane Smith met Mary Jones on Monday.\n\n“We will win,” she said.";
        assert_eq!(flagged(text, FlagKind::AmbiguousPronoun), vec!["she"]);
    }

    #[test]
    fn a_pronoun_with_nobody_before_is_unintroduced() {
        let text = "“We will win,” he said.";
        assert_eq!(flagged(text, FlagKind::UnintroducedSpeaker), vec!["he"]);
    }

    #[test]
    fn an_unnamed_official_is_an_anonymous_source() {
        let text = "“We will win,” a senior official said on condition of anonymity.";
        assert_eq!(flagged(text, FlagKind::AnonymousSource).len(), 1);
    }

    #[test]
    fn a_tweet_with_no_post_is_flagged() {
        let text = "Jane Smith said on Twitter that the plan had failed.";
        assert_eq!(flagged(text, FlagKind::PlatformWithoutPost).len(), 1);
    }

    #[test]
    fn the_same_words_from_two_speakers_are_flagged() {
        let text = "“We will win this race,” Jane Smith said.\n\n\
                    “We will win this race,” Mary Jones said.";
        assert_eq!(flagged(text, FlagKind::SameWordsTwoSpeakers).len(), 1);
    }

    #[test]
    fn a_quotation_repeated_with_other_words_is_flagged() {
        let text = "“We will surely win this race in November,” Jane Smith said.\n\n\
                    “We will win this race in November,” Smith said again.";
        assert_eq!(flagged(text, FlagKind::ChangedWording).len(), 1);
    }

    #[test]
    fn words_are_lower_case_and_keep_apostrophes() {
        assert_eq!(words("We won't STOP."), vec!["we", "won't", "stop"]);
    }
}
