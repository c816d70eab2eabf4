//! Review: the flags an editor acts on, read off a finished analysis.
//!
//! The last stage: it runs on the record the earlier stages built (plus the names of people
//! the text mentions) and adds flags with a stable id and a sentence of documentation each
//! (`FlagKind::doc`): an ambiguous pronoun, a speaker quoted before being introduced, an
//! anonymous source, a platform with no post, a post attributed to someone else, the same
//! words from two speakers, a repeated quotation with changed wording, a loaded verb. The
//! quotation stages already flag unbalanced marks and unattributed quotations.
//!
//! Comparisons between quotations are bounded (the first 400 statements of a document), so
//! a pathological document stays linear.

use rustc_hash::FxHashMap;

use crate::lexicon::Gender;
use crate::model::{Analysis, EntityKind, Flag, FlagKind, QuoteKind, Span};
use crate::speakers::{NameCandidate, surname};

/// Reporting verbs that take sides (a style note, not an error).
const LOADED: [&str; 8] = [
    "claim", "admit", "concede", "allege", "confess", "insist", "boast", "deny",
];

const MAX_COMPARED: usize = 400;

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

/// Add the review's flags to `a`. `paras` are the paragraph spans, `people` the names of
/// people the text mentions, in order.
pub(crate) fn flags(text: &str, paras: &[Span], people: &[NameCandidate], a: &mut Analysis) {
    let mut out = Vec::new();
    let para_start = |pos: usize| {
        let i = paras.partition_point(|p| p.start <= pos);
        i.saturating_sub(1)
    };
    // Where each surname is first given with a full name ("Suhail Shaheen" → "shaheen").
    // Built on first use: most articles never quote a bare surname first.
    let mut introduced_at: Option<FxHashMap<String, usize>> = None;
    let mut introduced_by = |key: &str, pos: usize| {
        let map = introduced_at.get_or_insert_with(|| {
            let mut m: FxHashMap<String, usize> = FxHashMap::default();
            for c in people.iter().filter(|c| c.name.contains(' ')) {
                let e = m.entry(surname(&c.name)).or_insert(c.end);
                *e = (*e).min(c.end);
            }
            m
        });
        map.get(key).is_some_and(|&end| end <= pos)
    };
    let mut seen_statement = rustc_hash::FxHashSet::default();
    let mut anonymous_seen = rustc_hash::FxHashSet::default();
    for q in &a.quotes {
        if !seen_statement.insert(q.statement) || q.kind == QuoteKind::Post {
            continue;
        }
        let Some(sp) = &q.speaker else { continue };
        let mention = sp.text.to_lowercase();
        // A pronoun that two people named just before could be.
        let gender = match mention.as_str() {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        };
        if let Some(g) = gender {
            let p = para_start(sp.start);
            let from = paras[p.saturating_sub(1)].start;
            // `people` are in text order: only those from the paragraph before on.
            let first = people.partition_point(|c| c.start < from);
            let mut names: Vec<String> = people[first..]
                .iter()
                .take_while(|c| c.start < sp.start)
                .filter(|c| c.end <= sp.start && c.gender == g)
                .map(|c| surname(&c.name))
                .collect();
            names.sort();
            names.dedup();
            if names.len() >= 2 {
                out.push(flag(
                    FlagKind::AmbiguousPronoun,
                    sp.start,
                    sp.end,
                    format!(
                        "\"{}\" could be any of {} people named just before; it was resolved to {}",
                        sp.text,
                        names.len(),
                        sp.name
                    ),
                ));
            }
        }
        // Quoted before being introduced: a pronoun nobody precedes, or a surname alone
        // before the full name appears.
        let is_pronoun = crate::lexicon::LEXICON
            .pronouns
            .contains_key(mention.as_str());
        if is_pronoun && sp.entity.is_none() && mention != "i" && mention != "we" {
            out.push(flag(
                FlagKind::UnintroducedSpeaker,
                sp.start,
                sp.end,
                format!("\"{}\" has no one before it to refer to", sp.text),
            ));
        } else if sp.kind == EntityKind::Person
            && !is_pronoun
            && !sp.text.contains(' ')
            && !crate::lexicon::LEXICON.roles.contains_key(mention.as_str())
        {
            let introduced = introduced_by(&surname(&sp.text), sp.start);
            if !introduced {
                out.push(flag(
                    FlagKind::UnintroducedSpeaker,
                    sp.start,
                    sp.end,
                    format!(
                        "\"{}\" is quoted before the article gives the full name",
                        sp.text
                    ),
                ));
            }
        }
        // An anonymous source, once per source: "a senior official", "sources" (a bare role
        // with no determiner is a headline's, not a source's).
        let unnamed = mention.starts_with("a ")
            || mention.starts_with("an ")
            || mention.starts_with("one ")
            || mention.starts_with("two ")
            || mention.starts_with("some ")
            || mention.starts_with("several ")
            || (mention.ends_with('s') && !mention.contains(' '));
        if sp.kind == EntityKind::Anonymous && unnamed && anonymous_seen.insert(sp.entity) {
            let para = paras[para_start(sp.start)];
            // The reason is in the writer's words, not inside a quotation.
            let mut context = text[para.start..para.end].to_string();
            // Quotations are in text order: those of this paragraph.
            let first = a.quotes.partition_point(|q| q.start < para.start);
            for q in a.quotes[first..]
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
            let context = context.as_str();
            let reason = [
                "on condition of anonymity",
                "because",
                "not authorized",
                "who asked not to be named",
            ]
            .iter()
            .find_map(|k| context.find(k).map(|i| &context[i..]))
            .map(|r| {
                r.split(['.', ';'])
                    .next()
                    .unwrap_or(r)
                    .split(", said")
                    .next()
                    .unwrap_or(r)
                    .trim()
                    .to_string()
            });
            out.push(flag(
                FlagKind::AnonymousSource,
                sp.start,
                sp.end,
                match reason {
                    Some(r) => format!("unnamed source ({}): the article says \"{r}\"", sp.text),
                    None => format!("unnamed source ({}): the article gives no reason", sp.text),
                },
            ));
        }
        if let Some(c) = &q.cue
            && LOADED.contains(&c.lemma.as_str())
        {
            out.push(flag(
                FlagKind::LoadedVerb,
                c.start,
                c.end,
                format!("\"{}\" takes sides; \"said\" does not", c.text),
            ));
        }
        // Said on a platform, with nothing to check it against.
        if let Some(ch) = &q.channel
            && ch.kind == crate::model::ChannelKind::SocialMedia
            && q.post.is_none()
        {
            let para = paras[para_start(q.start.min(ch.start))];
            let here = &text[para.start..para.end];
            let linked =
                here.contains("http") || here.contains("pic.twitter.com") || here.contains("t.co/");
            if !linked {
                out.push(flag(
                    FlagKind::PlatformWithoutPost,
                    ch.start,
                    ch.end,
                    format!(
                        "said {} but the article embeds no post and links none",
                        ch.text
                    ),
                ));
            }
        }
    }
    // Embedded posts whose words the text gives to someone else. Each quotation's words
    // are read once; a document with thousands of posts compares the first of them.
    let any_post = a
        .posts
        .iter()
        .any(|p| p.text.is_some() && (p.author_name.is_some() || p.handle.is_some()));
    let quote_words: Vec<Option<String>> = if any_post {
        a.quotes
            .iter()
            .take(MAX_COMPARED)
            .map(|q| {
                let w = words(&q.text);
                (q.kind != QuoteKind::Post && w.len() >= 4).then(|| w.join(" "))
            })
            .collect()
    } else {
        Vec::new()
    };
    for post in a.posts.iter().take(MAX_COMPARED) {
        let (Some(ptext), Some(author)) = (
            &post.text,
            post.author_name.as_ref().or(post.handle.as_ref()),
        ) else {
            continue;
        };
        let pwords = words(ptext).join(" ");
        for (q, key) in a.quotes.iter().zip(&quote_words) {
            let Some(key) = key else { continue };
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
    // The same words from two speakers; a repeated quotation with its wording changed.
    let mut by_words: FxHashMap<String, (usize, Option<usize>)> = FxHashMap::default();
    let mut earlier: Vec<(usize, Vec<String>, Option<usize>)> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate().take(MAX_COMPARED) {
        if !matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) {
            continue;
        }
        let w = words(&q.text);
        if w.len() < 4 {
            continue;
        }
        let entity = q.speaker.as_ref().and_then(|s| s.entity);
        let key = w.join(" ");
        match by_words.get(&key) {
            Some(&(_, other)) if other != entity && other.is_some() && entity.is_some() => {
                out.push(flag(
                    FlagKind::SameWordsTwoSpeakers,
                    q.start,
                    q.end,
                    "these words are also quoted from another speaker".to_string(),
                ));
            }
            Some(_) => {}
            None => {
                by_words.insert(key, (i, entity));
            }
        }
        if w.len() >= 6 {
            for (_, ew, ee) in &earlier {
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
            earlier.push((i, w, entity));
        }
    }
    // Parts of a statement and statements sharing a clause raise a flag once.
    out.sort_by_key(|f| (f.start, f.end, f.kind));
    out.dedup_by_key(|f| (f.start, f.end, f.kind));
    a.flags.extend(out);
    a.flags.sort_by_key(|f| (f.start, f.end));
}
