//! Output: runs the stages in order and assembles the record of the output contract.
//!
//! Internal types of the stages (quotation parts, cue hits, mentions) end here; what leaves
//! is `model`. Also here: offset conversion to code points or UTF-16 units, and the JSON
//! Schema of a record.

use crate::cues::{self, ParaTokens};
use crate::lexicon::LEXICON;
use crate::model::*;
use crate::segment::{self, Tok, Token};
use crate::speakers::{self, Mention};
use crate::{Options, channels, input, posts, quotes};

fn span_of(toks: &[Token], r: &std::ops::Range<usize>) -> Span {
    Span {
        start: toks[r.start].start,
        end: toks[r.end - 1].end,
    }
}

/// Run the pipeline over one document.
pub(crate) fn assemble(text: &str, options: &Options, embedded: Vec<Post>) -> Analysis {
    let metadata = input::metadata(text, options.date.as_deref());
    let paras = segment::paragraphs(text);
    // Posts from the page's markup, then flattened ones found in the text outside them.
    let mut found_posts = embedded;
    let flattened = posts::find(text, &paras);
    let keep: Vec<Post> = flattened
        .into_iter()
        .filter(|f| {
            !found_posts
                .iter()
                .any(|e| e.start < f.end && f.start < e.end)
        })
        .collect();
    found_posts.extend(keep);
    found_posts.sort_by_key(|p| p.start);
    let masks = segment::merge(
        found_posts
            .iter()
            .map(|p| Span {
                start: p.start,
                end: p.end,
            })
            .chain(posts::markup(text))
            .collect(),
    );
    let (parts, mut flags) = quotes::find(text, &paras, &masks, options.doubled_apostrophes);
    // American house style (double marks, or '' for them): single marks outside double ones
    // are headlines and scare quotes, not the article's quotations.
    let american = parts.iter().any(|p| !p.single) || text.contains("''");

    // Tokens and sentences per paragraph, each quotation one token, posts left out.
    let mut para_toks = Vec::with_capacity(paras.len());
    let mut next_part = 0;
    for (p, &para) in paras.iter().enumerate() {
        let first = next_part;
        while next_part < parts.len() && parts[next_part].para == p {
            next_part += 1;
        }
        let here: Vec<(usize, Span)> = (first..next_part).map(|k| (k, parts[k].outer)).collect();
        let mut toks = segment::tokens(text, para, &here);
        if !masks.is_empty() {
            toks.retain(|t| !segment::masked(&masks, t.start));
        }
        let sents = segment::sentences(text, &toks, |k| parts[k].inner);
        let mut pt = ParaTokens {
            toks,
            sents,
            cues: Vec::new(),
            headline: false,
        };
        pt.headline = p == 0 && cues::is_headline(&pt);
        cues::annotate(text, &mut pt);
        para_toks.push(pt);
    }

    let (mut stmts, info) = cues::link(text, &para_toks, &parts, american);
    cues::reported(text, &para_toks, &mut stmts, &info);
    // A photo caption (the paragraph holding the photo credit) states nothing.
    if let Some(credit) = &metadata.photo_credit {
        let caption = paras
            .partition_point(|p| p.start <= credit.start)
            .saturating_sub(1);
        stmts.retain(|s| s.para != caption || !s.parts.is_empty());
    }

    // Which parts are speech.
    let mut non_speech = Vec::new();
    let mut speech = vec![false; parts.len()];
    for (k, part) in parts.iter().enumerate() {
        let toks = &para_toks[part.para].toks;
        let attributed = info[k].stmt.is_some();
        let kind = if part.continues.is_some() {
            None
        } else if part.single && american {
            Some(NonSpeechKind::Term)
        } else {
            quotes::non_speech_kind(text, toks, info[k].tok, part.inner, attributed)
        };
        match kind {
            Some(kind) => non_speech.push(NonSpeech {
                kind,
                text: text[part.inner.start..part.inner.end].to_string(),
                start: part.inner.start,
                end: part.inner.end,
            }),
            None => speech[k] = true,
        }
    }

    // Speakers of the statements that govern speech, in document order.
    let live: Vec<usize> = (0..stmts.len())
        .filter(|&s| stmts[s].content.is_some() || stmts[s].parts.iter().any(|&k| speech[k]))
        .collect();
    let mut mentions: Vec<(usize, Mention)> = live
        .iter()
        .filter_map(|&s| {
            let st = &stmts[s];
            if st.agentless {
                return None;
            }
            // The quotation the cue governs, among those that are speech.
            let quote_tok = st
                .parts
                .iter()
                .filter(|&&k| {
                    speech[k] && parts[k].para == st.para && st.sent.contains(&info[k].tok)
                })
                .map(|&k| info[k].tok)
                .min();
            let pt = &para_toks[st.para];
            let sent_cues = &pt.cues[pt.sentence_of(&st.sent)];
            speakers::for_cue(text, &pt.toks, &st.sent, sent_cues, st.cue?, quote_tok)
                .map(|m| (s, m))
        })
        .collect();
    mentions.sort_by_key(|(_, m)| m.start);
    // The people named in the text: needed to resolve pronouns and surnames and to review.
    let candidates: Vec<speakers::NameCandidate> = para_toks
        .iter()
        .flat_map(|pt| speakers::name_candidates(text, &pt.toks))
        .collect();
    let para_start = |pos: usize| {
        let i = paras.partition_point(|p| p.start <= pos);
        paras[i.saturating_sub(1)].start
    };
    let only: Vec<Mention> = mentions.iter().map(|(_, m)| m.clone()).collect();
    let (resolved, mut entities) = speakers::resolve(&only, &candidates, para_start);
    let mut speaker_of: Vec<Option<SpeakerRef>> = vec![None; stmts.len()];
    // Reported speech needs a speaker: a clause after a cue that nobody utters is not one
    // (a cue word may be a noun or an adjective there: "pledged delegates", "known as").
    // A verb that is never a noun ("say", "argue", "believe"), a verb of perception (which
    // reports only a clause, a view or a document's finding) and "according to" attribute
    // all the same: the statement stands, with no speaker, where the subject is not found.
    let mut has_speaker = vec![false; stmts.len()];
    for (s, _) in &mentions {
        has_speaker[*s] = true;
    }
    // So does a verb whose subject is as often a poll or a document as a person ("shows",
    // "calls on"), unless a particle makes it another verb ("showed up"), and any verb
    // right before "that" and its clause or "to" ("vowed to fight", "pointed to the data").
    let surely_verb = |s: usize| {
        let lex = &crate::lexicon::LEXICON;
        let toks = &para_toks[stmts[s].para].toks;
        stmts[s].cue.is_some_and(|c| {
            let next = toks.get(c.tok + c.len).map(|t| t.text(text));
            c.kind == cues::CueKind::According
                || lex.verbs_never_nouns.contains(c.lemma)
                || lex.perception_verbs.contains(c.lemma)
                || (c.kind == cues::CueKind::Verb
                    && (next == Some("that")
                        || next == Some("to")
                        || (lex
                            .document_verbs
                            .contains(&*crate::lexicon::class_key(c.lemma))
                            && next.is_some_and(|w| !lex.object_words.contains(w)))))
        })
    };
    let live: Vec<usize> = live
        .into_iter()
        .filter(|&s| {
            stmts[s].parts.iter().any(|&k| speech[k])
                || has_speaker[s]
                || stmts[s].agentless
                || surely_verb(s)
        })
        .collect();
    for ((s, m), r) in mentions.iter().zip(&resolved) {
        speaker_of[*s] = Some(SpeakerRef {
            text: text[m.start..m.end].to_string(),
            start: m.start,
            end: m.end,
            name: r.name.clone(),
            role: r.role.clone(),
            kind: r.kind,
            entity: r.entity,
        });
    }

    // Channels and times, in the cue's sentence outside quotations.
    let reference_date = match (&metadata.dateline, &metadata.date) {
        (Some(dl), Some(d)) => input::dateline_date(&dl.text, d).or(Some(d.clone())),
        (_, d) => d.clone(),
    };
    let mut para_hits: Vec<Option<channels::Hits>> = (0..paras.len()).map(|_| None).collect();
    let mut channel_of: Vec<Option<Channel>> = vec![None; stmts.len()];
    let mut time_of: Vec<Option<Time>> = vec![None; stmts.len()];
    for &s in &live {
        let st = &stmts[s];
        if st.cue.is_none() {
            continue;
        }
        let pt = &para_toks[st.para];
        let region = span_of(&pt.toks, &st.sent);
        // Quotations, and the dateline (metadata, not the time of a statement).
        let skip: Vec<Span> = pt.toks[st.sent.clone()]
            .iter()
            .filter(|t| matches!(t.kind, Tok::Quote(_)))
            .map(|t| Span {
                start: t.start,
                end: t.end,
            })
            .chain(metadata.dateline.as_ref().map(|d| Span {
                start: d.start,
                end: d.end,
            }))
            .collect();
        // The cue's own clause: from the previous cue of the sentence to the next one, so
        // that "she said, referring to his interview with CNN" gives CNN to him, not her.
        let cue = st.cue.expect("checked");
        // Only cues that open a clause of their own split it: after a comma, "and", "but"
        // or a quotation, or after their own subject ("a video posted on YouTube" does not).
        let others: Vec<cues::CueHit> = pt.cues[pt.sentence_of(&st.sent)]
            .iter()
            .copied()
            .filter(|o| {
                o.tok > 0 && {
                    let p = pt.toks[o.tok - 1];
                    let w = p.text(text);
                    matches!(p.kind, Tok::Quote(_))
                        || matches!(w, "," | "and" | "but" | ";")
                        || segment::is_capitalized(w)
                        || matches!(w, "he" | "she" | "they" | "who" | "it" | "I" | "we")
                }
            })
            .collect();
        let from = others
            .iter()
            .filter(|o| o.tok < cue.tok && o.kind != cues::CueKind::Noun)
            .map(|o| pt.toks[o.tok + o.len - 1].end)
            .max()
            .unwrap_or(region.start);
        let to = others
            .iter()
            .filter(|o| o.tok > cue.tok && o.kind != cues::CueKind::Noun)
            .map(|o| pt.toks[o.tok].start)
            .min()
            .unwrap_or(region.end);
        let clause = Span {
            start: from.max(region.start),
            end: to.min(region.end).max(from),
        };
        let speaker = speaker_of[s].as_ref().map(|sp| (sp.kind, sp.text.as_str()));
        let ctx = channels::Context {
            cue: Some((
                cue.lemma,
                Span {
                    start: cue.start,
                    end: cue.end,
                },
            )),
            speaker,
            quotes: &skip,
        };
        let hits =
            para_hits[st.para].get_or_insert_with(|| channels::Hits::new(text, paras[st.para]));
        channel_of[s] = channels::find_in(text, clause, &ctx, hits);
        time_of[s] = channels::time_in(text, clause, &skip, reference_date.as_deref(), hits);
    }
    // A channel carries to the same speaker's next statement when the text plainly
    // continues the occasion ("he added", "she went on"), in the same or the next paragraph.
    let mut in_order: Vec<usize> = live.clone();
    in_order.sort_by_key(|&s| stmts[s].cue.map_or(0, |c| c.start));
    let mut last: Option<(usize, usize)> = None; // (statement, paragraph)
    for &s in &in_order {
        let entity = speaker_of[s].as_ref().and_then(|sp| sp.entity);
        if let Some((p, para)) = last
            && channel_of[s].is_none()
            && entity.is_some()
            && speaker_of[p].as_ref().and_then(|sp| sp.entity) == entity
            && stmts[s].para <= para + 1
            && stmts[s]
                .cue
                .is_some_and(|c| matches!(c.lemma, "add" | "continue" | "go on" | "conclude"))
        {
            channel_of[s] = channel_of[p].clone();
        }
        last = Some((s, stmts[s].para));
    }

    // Statements in document order.
    let mut quotes_out: Vec<Quote> = Vec::new();
    // (position, statement, quotation part or None for reported speech)
    // (position, statement, quotation part, or the span of reported speech)
    let mut order: Vec<(usize, Option<usize>, Result<usize, Span>)> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        if speech[k] {
            order.push((part.inner.start, info[k].stmt, Ok(k)));
        }
    }
    for &s in &live {
        // A quotation standing on its own as speech is the statement; no clause besides it.
        if stmts[s].parts.iter().any(|&k| speech[k] && info[k].direct) {
            continue;
        }
        for c in [stmts[s].lead, stmts[s].content, stmts[s].rest]
            .into_iter()
            .flatten()
        {
            order.push((c.start, Some(s), Err(c)));
        }
    }
    order.sort();
    let mut number: rustc_hash::FxHashMap<usize, usize> = Default::default();
    let mut next_number = 0;
    for &(_, stmt, k) in &order {
        let statement = match stmt {
            Some(s) => *number.entry(s).or_insert_with(|| {
                next_number += 1;
                next_number - 1
            }),
            None => {
                next_number += 1;
                next_number - 1
            }
        };
        let cue = stmt
            .and_then(|s| stmts[s].cue.map(|c| (c, stmts[s].negated)))
            .map(|(c, negated)| Cue {
                text: text[c.start..c.end].to_string(),
                start: c.start,
                end: c.end,
                lemma: c.lemma.to_string(),
                negated,
            });
        let (kind, span) = match k {
            Ok(k) => {
                let kind = if info[k].direct {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                };
                (kind, parts[k].inner)
            }
            Err(span) => (QuoteKind::Indirect, span),
        };
        if stmt.is_none() {
            flags.push(Flag {
                kind: FlagKind::UnattributedQuote,
                start: span.start,
                end: span.end,
                message: "a quotation that nothing attributes to anyone".into(),
            });
        }
        quotes_out.push(Quote {
            kind,
            text: text[span.start..span.end].to_string(),
            start: span.start,
            end: span.end,
            statement,
            speaker: stmt.and_then(|s| speaker_of[s].clone()),
            cue,
            channel: stmt.and_then(|s| channel_of[s].clone()),
            time: stmt.and_then(|s| time_of[s].clone()),
            post: None,
        });
    }

    // Each embedded post is a statement of its author, on its platform. Entities by name,
    // the first of each.
    let mut entity_named: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (i, e) in entities.iter().enumerate() {
        entity_named.entry(e.name.clone()).or_insert(i);
    }
    for (i, post) in found_posts.iter().enumerate() {
        // A post whose words are not in the text (a bare video or link) states nothing we
        // can quote; it stays in posts[] only.
        if post.text.is_none() {
            continue;
        }
        let who = post.author_name.clone().or_else(|| post.handle.clone());
        let speaker = who.map(|name| {
            // An account is a person when its name starts with a known first name, an
            // organisation when it holds an organisation's head word; else we cannot tell.
            let is_org = name
                .split_whitespace()
                .any(|w| LEXICON.organizations.contains(w));
            let first = name.split_whitespace().next().unwrap_or_default();
            let kind = if is_org {
                EntityKind::Organization
            } else if LEXICON.first_names.contains_key(first) {
                EntityKind::Person
            } else {
                EntityKind::Unknown
            };
            let span = Span {
                start: post.start,
                end: post.end,
            };
            let entity = *entity_named.entry(name.clone()).or_insert_with(|| {
                entities.push(speakers::EntityB {
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
            }
        });
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
            }),
            time: None,
            post: Some(i),
        });
        next_number += 1;
    }
    // A statement made on a platform quotes the embedded post of its speaker, when the
    // article embeds one: same platform, and the author's name or handle names the speaker.
    // Posts by (platform, author's surname), and each platform's handles in order (the
    // first few hundred: a handle names a speaker in articles, not in post dumps).
    let mut by_author: rustc_hash::FxHashMap<(&str, String), usize> = Default::default();
    let mut handles: rustc_hash::FxHashMap<&str, Vec<(usize, String)>> = Default::default();
    for (i, p) in found_posts.iter().enumerate() {
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
    for q in &mut quotes_out {
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
    quotes_out.sort_by_key(|q| (q.start, q.end));
    flags.sort_by_key(|f| (f.start, f.end));

    let mut analysis = Analysis {
        id: String::new(),
        offsets: OffsetUnit::Bytes,
        quotes: quotes_out,
        speakers: entities
            .into_iter()
            .enumerate()
            .map(|(id, e)| {
                let mut mentions = e.mentions;
                mentions.sort_by_key(|m| m.start);
                mentions.dedup();
                Entity {
                    id,
                    name: e.name,
                    kind: e.kind,
                    roles: e.roles,
                    mentions,
                }
            })
            .collect(),
        posts: found_posts,
        non_speech,
        flags,
        metadata,
        text: None,
    };
    crate::review::flags(text, &paras, &candidates, &mut analysis);
    analysis
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

/// Call `f` on every offset of a record.
fn for_each_offset(a: &mut Analysis, f: &mut dyn FnMut(&mut usize)) {
    for q in &mut a.quotes {
        f(&mut q.start);
        f(&mut q.end);
        if let Some(s) = &mut q.speaker {
            f(&mut s.start);
            f(&mut s.end);
        }
        if let Some(c) = &mut q.cue {
            f(&mut c.start);
            f(&mut c.end);
        }
        if let Some(c) = &mut q.channel {
            f(&mut c.start);
            f(&mut c.end);
        }
        if let Some(t) = &mut q.time {
            f(&mut t.start);
            f(&mut t.end);
        }
    }
    for e in &mut a.speakers {
        for m in &mut e.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
    }
    for p in &mut a.posts {
        f(&mut p.start);
        f(&mut p.end);
    }
    for n in &mut a.non_speech {
        f(&mut n.start);
        f(&mut n.end);
    }
    for fl in &mut a.flags {
        f(&mut fl.start);
        f(&mut fl.end);
    }
    for l in [&mut a.metadata.dateline, &mut a.metadata.photo_credit]
        .into_iter()
        .flatten()
    {
        f(&mut l.start);
        f(&mut l.end);
    }
}

/// Convert a record's byte offsets into `unit` (code points or UTF-16 code units), in one
/// walk over the text.
pub fn convert_offsets(a: &mut Analysis, text: &str, unit: OffsetUnit) {
    if a.offsets != OffsetUnit::Bytes || unit == OffsetUnit::Bytes {
        return;
    }
    let mut all = Vec::new();
    for_each_offset(a, &mut |o| all.push(*o));
    all.sort_unstable();
    all.dedup();
    let mut map = Vec::with_capacity(all.len());
    let mut units = 0usize;
    let mut chars = text.char_indices().peekable();
    for &b in &all {
        while let Some(&(i, c)) = chars.peek() {
            if i >= b {
                break;
            }
            units += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        map.push(units);
    }
    for_each_offset(a, &mut |o| {
        if let Ok(i) = all.binary_search(o) {
            *o = map[i];
        }
    });
    a.offsets = unit;
}

/// The JSON Schema of one output line ([`Record`]).
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).unwrap_or_default()
}
