//! Posts as statements: each embedded post with words is a statement of its author on its
//! platform, and a statement said on a platform quotes its speaker's embedded post. These
//! decisions belong to the posts stage (the author's kind is `posts::author_kind`); they are
//! here because they read the finished speakers and quotes.

use rustc_hash::FxHashMap;

use crate::model::{Channel, ChannelKind, Post, Quote, QuoteKind, Span, SpeakerRef};
use crate::posts::author_kind::author_kind;
use crate::speakers::{self, EntityB};

/// Add a statement for each post with words (numbered from `next_number`), its author
/// joining the entities by name.
pub(super) fn add(
    text: &str,
    posts: &[Post],
    entities: &mut Vec<EntityB>,
    mut next_number: usize,
    quotes_out: &mut Vec<Quote>,
) {
    // (a document with no post that has words, most of them, adds nothing: no map is made)
    if posts.iter().all(|p| p.text.is_none()) {
        return;
    }
    // Entities by name, the first of each.
    let mut entity_named: FxHashMap<String, usize> = Default::default();
    for (i, e) in entities.iter().enumerate() {
        entity_named.entry(e.name.clone()).or_insert(i);
    }
    for (i, post) in posts.iter().enumerate() {
        // A post whose words are not in the text (a bare video or link) states nothing we
        // can quote; it stays in posts[] only.
        if post.text.is_none() {
            continue;
        }
        let who = post.author_name.clone().or_else(|| post.handle.clone());
        let speaker = who.map(|name| author(text, post, name, entities, &mut entity_named));
        let (s, e) = post_text_span(text, post);
        quotes_out.push(Quote {
            kind: QuoteKind::Post,
            text: text[s..e].to_string(),
            start: s,
            end: e,
            statement: next_number,
            speaker,
            cue: None,
            channel: Some(Channel {
                kind: ChannelKind::SocialMedia,
                platform: Some(post.platform.clone()),
                outlet: None,
                programme: None,
                text: post.platform.clone(),
                start: post.start,
                end: post.end,
                carried: false,
            }),
            time: None,
            post: Some(i),
        });
        next_number += 1;
    }
}

/// The speaker of a post by `name`: the entity of that name (a new one if none), with the
/// handle on the platform as its role.
fn author(
    text: &str,
    post: &Post,
    name: String,
    entities: &mut Vec<EntityB>,
    entity_named: &mut FxHashMap<String, usize>,
) -> SpeakerRef {
    let kind = author_kind(&name);
    let span = Span {
        start: post.start,
        end: post.end,
    };
    let entity = *entity_named.entry(name.clone()).or_insert_with(|| {
        entities.push(EntityB {
            name: name.clone(),
            kind,
            roles: Vec::new(),
            mentions: Vec::new(),
            gender: crate::lexicon::Gender::Unknown,
        });
        entities.len() - 1
    });
    entities[entity].mentions.push(span);
    let role = post
        .handle
        .as_ref()
        .map(|h| format!("{h} on {}", post.platform));
    if let Some(r) = &role
        && !entities[entity].roles.contains(r)
    {
        entities[entity].roles.push(r.clone());
    }
    let (text_s, text_e) = mention_in_post(text, post, &name);
    SpeakerRef {
        text: text[text_s..text_e].to_string(),
        start: text_s,
        end: text_e,
        name,
        role,
        kind,
        entity: Some(entity),
        attribution: Default::default(),
        quoted_speaker: None,
    }
}

/// A statement made on a platform quotes the embedded post of its speaker, when the article
/// embeds one: same platform, and the author's name or handle names the speaker ("Smith
/// tweeted" and a post by Jane Smith, or by @JaneSmith).
pub(super) fn link(posts: &[Post], quotes_out: &mut [Quote]) {
    // Posts by (platform, author's surname), and each platform's handles in order (the
    // first few hundred: a handle names a speaker in articles, not in post dumps).
    let mut by_author: FxHashMap<(&str, String), usize> = Default::default();
    let mut handles: FxHashMap<&str, Vec<(usize, String)>> = Default::default();
    for (i, p) in posts.iter().enumerate() {
        if let Some(a) = &p.author_name {
            by_author
                .entry((p.platform.as_str(), speakers::surname(a)))
                .or_insert(i);
        }
        if let Some(h) = &p.handle {
            let list = handles.entry(p.platform.as_str()).or_default();
            if list.len() < 256 {
                list.push((i, h.to_lowercase()));
            }
        }
    }
    for q in quotes_out.iter_mut() {
        if q.post.is_some() {
            continue;
        }
        let (Some(ch), Some(sp)) = (&q.channel, &q.speaker) else {
            continue;
        };
        let Some(platform) = &ch.platform else {
            continue;
        };
        let key = speakers::surname(&sp.name);
        let by_name = by_author.get(&(platform.as_str(), key.clone())).copied();
        let by_handle = handles
            .get(platform.as_str())
            .and_then(|l| l.iter().find(|(_, h)| h.contains(&key)).map(|(i, _)| *i));
        q.post = match (by_name, by_handle) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// Where the author's name (or handle) stands in a post's attribution line.
fn mention_in_post(text: &str, post: &Post, name: &str) -> (usize, usize) {
    match text[post.start..post.end].rfind(name) {
        Some(i) => (post.start + i, post.start + i + name.len()),
        None => (post.start, post.end),
    }
}

/// The span of a post's own text inside the document (its whole span when not found).
fn post_text_span(text: &str, post: &Post) -> (usize, usize) {
    let within = &text[post.start..post.end];
    if let Some(t) = &post.text {
        if let Some(i) = within.find(t.as_str()) {
            return (post.start + i, post.start + i + t.len());
        }
        // Lines joined for the post's text: its words in order, from the first to the last.
        let mut first = None;
        let mut at = 0;
        for w in t.split_whitespace() {
            let Some(i) = within[at..].find(w) else {
                return (post.start, post.end);
            };
            first.get_or_insert(at + i);
            at += i + w.len();
        }
        if let Some(i) = first {
            return (post.start + i, post.start + at);
        }
    }
    (post.start, post.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(text: &str, words: &str) -> Post {
        let mut p = Post::new("Twitter", 0, text.len());
        p.text = Some(words.to_string());
        p
    }

    #[test]
    fn a_post_joined_from_lines_spans_its_words() {
        let text = "We will\nwin. — Jane Smith (@jsmith) May 1, 2020";
        let p = post(text, "We will win.");
        assert_eq!(post_text_span(text, &p), (0, 12));
    }

    #[test]
    fn the_author_is_found_in_the_attribution_line() {
        let text = "We will win. — Jane Smith (@jsmith) May 1, 2020";
        let p = post(text, "We will win.");
        let (s, e) = mention_in_post(text, &p, "Jane Smith");
        assert_eq!(&text[s..e], "Jane Smith");
    }

    /// A statement by `speaker` made on `platform`.
    fn said_on(speaker: &str, platform: &str) -> Quote {
        Quote {
            kind: QuoteKind::Indirect,
            text: "the plan failed".into(),
            start: 0,
            end: 15,
            statement: 0,
            speaker: Some(SpeakerRef {
                text: speaker.into(),
                start: 0,
                end: 0,
                name: speaker.into(),
                role: None,
                kind: crate::model::EntityKind::Person,
                entity: Some(0),
                attribution: Default::default(),
                quoted_speaker: None,
            }),
            cue: None,
            channel: Some(Channel {
                kind: ChannelKind::SocialMedia,
                platform: Some(platform.into()),
                outlet: None,
                programme: None,
                text: platform.into(),
                start: 0,
                end: 0,
                carried: false,
            }),
            time: None,
            post: None,
        }
    }

    #[test]
    fn a_statement_on_a_platform_quotes_its_speakers_post() {
        let mut by_name = Post::new("Twitter", 100, 200);
        by_name.author_name = Some("Jane Smith".into());
        let mut by_handle = Post::new("Twitter", 300, 400);
        by_handle.handle = Some("@JDoe".into());
        let posts = [by_name, by_handle];
        let mut quotes = vec![
            said_on("Smith", "Twitter"),
            said_on("John Doe", "Twitter"),
            said_on("Smith", "Facebook"),
        ];
        link(&posts, &mut quotes);
        let linked: Vec<Option<usize>> = quotes.iter().map(|q| q.post).collect();
        assert_eq!(linked, vec![Some(0), Some(1), None]);
    }
}
