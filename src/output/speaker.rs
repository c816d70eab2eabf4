//! The speaker step: the mention next to each cue that governs speech, resolved over the
//! document in order (`speakers::for_cue`, `speakers::resolve`), and whether each statement
//! stands.

use super::statement::{Doc, Statement};
use crate::cues::CueKind;
use crate::lexicon::{Class, Gender};
use crate::model::{
    Attribution, EntityKind, Flag, FlagKind, Quote, QuotedSpeaker, Span, SpeakerRef,
};
use crate::speakers::discourse::{ParaKind, para_kinds};
use crate::speakers::thread::continue_speakers;
use crate::speakers::{self, EntityB, Mention, NameCandidate, Resolved};

/// Whose mention it is: a statement's (by its cue), or a partial quotation's that no cue
/// attributes (by the subject of its sentence, [`acting_subject`]).
#[derive(Clone, Copy)]
enum Owner {
    Stmt(usize),
    Part(usize),
}

/// What the speaker step found: the people named in the text (for the review), the
/// entities, and the speaker of each quotation part that no cue attributes (by part).
pub(super) struct Attributed {
    pub candidates: Named,
    pub entities: Vec<EntityB>,
    pub part_speakers: Vec<Option<SpeakerRef>>,
}

/// The people named in the text (the antecedents of pronouns and surnames, and the names
/// the review reads), with the kind of every paragraph, which the thread reads again.
pub(super) struct Named {
    people: Vec<NameCandidate>,
    kinds: Vec<ParaKind>,
}

impl Named {
    /// The kind of each paragraph (`speakers::discourse`): transcript turn, body, …
    pub(super) fn kinds(&self) -> &[ParaKind] {
        &self.kinds
    }
}

impl std::ops::Deref for Named {
    type Target = [NameCandidate];

    fn deref(&self) -> &[NameCandidate] {
        &self.people
    }
}

/// Fill in the speaker of every statement that governs speech, and whether each stands;
/// and the speaker of each partial quotation that no cue attributes.
/// (Called once a document, and kept out of line: a profile shows the stage whole.)
#[inline(never)]
pub(super) fn attribute(doc: &Doc, statements: &mut [Statement]) -> Attributed {
    let text = doc.text;
    let kinds = para_kinds(text, doc.paras);
    // Mentions in document order, each with its owner.
    let (mut found, quote_of) = statement_mentions(doc, statements);
    // A statement with no speaker to name leaves its partial quotations to their sentence.
    let mut unnamed: Vec<bool> = statements.iter().map(|st| !st.agentless).collect();
    for (o, _) in &found {
        if let Owner::Stmt(s) = *o {
            unnamed[s] = false;
        }
    }
    found.extend((0..doc.parts.len()).filter_map(|k| {
        let free = doc.info[k].stmt.is_none_or(|s| unnamed[s]);
        free.then(|| acting_subject(doc, &kinds, k))
            .flatten()
            .map(|m| (Owner::Part(k), m))
    }));
    found.sort_by_key(|(_, m)| m.start);
    let (owners, mut mentions): (Vec<Owner>, Vec<Mention>) = found.into_iter().unzip();
    // The people named in the text: needed to resolve pronouns and surnames and to review.
    // A name in a caption, a byline or a link is no antecedent.
    let mut candidates: Vec<NameCandidate> = Vec::new();
    for (pt, k) in doc.para_toks.iter().zip(&kinds) {
        if k.is_discourse() || *k == ParaKind::Headline {
            speakers::name_candidates_into(text, &pt.toks, &mut candidates);
        }
    }
    let para_start = |pos: usize| {
        let i = doc.paras.partition_point(|p| p.start <= pos);
        doc.paras[i.saturating_sub(1)].start
    };
    let sentence_subjects = SentenceSubjects::new(doc);
    let subjects = previous_subjects(
        doc,
        &kinds,
        statements,
        &owners,
        &mentions,
        &candidates,
        &sentence_subjects,
    );
    // (each mention's name and role go to its resolution: only its place is read after)
    let (resolved, entities) =
        speakers::resolve_with(&mut mentions, &subjects, &candidates, para_start);
    let mut part_speakers = vec![None; doc.parts.len()];
    for ((&o, m), r) in owners.iter().zip(&mentions).zip(resolved) {
        let mut sp = speaker_ref(text, m, r);
        match o {
            Owner::Stmt(s) => {
                sp.quoted_speaker = quoted_speaker(doc, &statements[s], quote_of[s], m, &entities);
                statements[s].has_mention = true;
                statements[s].speaker = Some(sp);
            }
            Owner::Part(k) => {
                sp.attribution = Attribution::Subject;
                part_speakers[k] = Some(sp);
            }
        }
    }
    for st in statements.iter_mut() {
        st.stands = stands(doc, st);
    }
    Attributed {
        candidates: Named {
            people: candidates,
            kinds,
        },
        entities,
        part_speakers,
    }
}

/// `Reid has gone after Trump as a “con artist.”` — a partial quotation that no cue
/// attributes (none links it, or the one that does names no one), in a sentence of the article's discourse whose subject (a person, a body,
/// a document) stands before it, is that subject's: the words are theirs, quoted in an
/// account of what they did.
fn acting_subject<'t>(doc: &Doc<'t>, kinds: &[ParaKind], k: usize) -> Option<Mention<'t>> {
    let info = &doc.info[k];
    if !doc.is_speech(k) || info.direct || !kinds[info.para].is_discourse() {
        return None;
    }
    let pt = &doc.para_toks[info.para];
    let sent = &pt.sents[crate::cues::sentence_containing(&pt.sents, info.tok)?];
    let m = speakers::subject(doc.text, &pt.toks, sent.start, info.tok)?;
    // (a name the lexicons do not know acts too, "PolitiFact", and so does a one-word name,
    // when the text writes it capitalised inside a sentence: not "Conversely", "To")
    let bare = m.name.trim_end_matches("’s").trim_end_matches("'s");
    // ("He’s claiming": a person's pronoun with its verb; not "It's", "That’s")
    let pronoun = m.pronoun
        || crate::lexicon::with_lower(bare, |l| {
            crate::lexicon::LEXICON
                .pronouns
                .get(l)
                .is_some_and(|g| matches!(g, Gender::Male | Gender::Female | Gender::Plural))
        });
    let one_word = !pronoun && !m.name.contains(' ');
    let acts = match m.kind {
        EntityKind::Person if one_word && foreign_function_word(bare) => false,
        EntityKind::Person => !one_word || named_inside(doc.text, m.start, bare),
        EntityKind::Organization | EntityKind::Anonymous => true,
        EntityKind::Unknown => pronoun || named_inside(doc.text, m.start, bare),
        EntityKind::Document => false,
    };
    // (a possessive stays: "Bornstein's letter predicted Trump would be “the healthiest”")
    let relative = m.pronoun
        && crate::lexicon::with_lower(&m.name, |l| Class::SpeakerRelativeOpeners.contains(l));
    (acts && !relative && m.end <= pt.toks[info.tok].start).then_some(m)
}

/// Whether `word` is a function word of a language other than English (`stopwords.txt`):
/// "El", "La", "Der" opening a sentence of a Spanish or German page are no one's name.
fn foreign_function_word(word: &str) -> bool {
    crate::lexicon::with_lower(word, |l| {
        crate::lexicon::LEXICON
            .stopwords
            .get(l)
            .is_some_and(|langs| langs.iter().any(|&l| l != "en"))
    })
}

/// How far either side of a mention [`named_inside`] reads the article (bytes): an article's
/// own length, bounded so that a run-on document costs each mention a bounded read.
const NAMED_NEAR: usize = 20_000;

/// Whether `name` (capitalised) stands somewhere within `NAMED_NEAR` bytes of `at` after a
/// lower-case word or a comma and one space, where only a name keeps its capital.
fn named_inside(text: &str, at: usize, name: &str) -> bool {
    let mut start = at.saturating_sub(NAMED_NEAR);
    let mut end = at.saturating_add(NAMED_NEAR).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let near = &text[start..end];
    name.starts_with(char::is_uppercase)
        && near.match_indices(name).any(|(i, _)| {
            near[..i].strip_suffix(' ').is_some_and(|before| {
                !before.ends_with(' ')
                    && before
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_lowercase() || c == ',')
            })
        })
}

/// The discourse thread over the written quotes (sorted by start): transcript turns, speakers
/// that run on into a paragraph that is only quotation (`speakers::thread`). A quotation it
/// attributes loses its `unattributed_quote` flag.
#[inline(never)]
pub(super) fn thread(
    doc: &Doc,
    named: &Named,
    entities: &mut Vec<EntityB>,
    quotes: &mut [Quote],
    flags: &mut Vec<Flag>,
) {
    let candidates = &named.people;
    let mut turn = |sp: Span| turn_speaker(doc.text, sp, candidates, entities);
    let attributed = continue_speakers(
        doc.text,
        doc.paras,
        &named.kinds,
        candidates,
        quotes,
        &mut turn,
    );
    flags.retain(|f| {
        f.kind != FlagKind::UnattributedQuote
            || !attributed
                .iter()
                .any(|a| a.start == f.start && a.end == f.end)
    });
}

/// "PENCE" in a transcript turn (or "Daniel Ortega" who introduces a floating quotation):
/// the person of that surname ("Mike Pence"), named before or after in the text, else the
/// name itself in title case.
fn turn_speaker(
    text: &str,
    sp: Span,
    candidates: &[NameCandidate],
    entities: &mut Vec<EntityB>,
) -> SpeakerRef {
    let written = &text[sp.start..sp.end];
    let key = speakers::surname(written);
    let known = entities
        .iter()
        .position(|e| e.kind == EntityKind::Person && speakers::surname(&e.name) == key);
    let e = known.unwrap_or_else(|| {
        let name = candidates
            .iter()
            .filter(|c| c.key == key)
            .max_by_key(|c| c.name.len())
            .map_or_else(|| title_case(written), |c| c.name.clone());
        entities.push(EntityB {
            name,
            kind: EntityKind::Person,
            roles: Vec::new(),
            mentions: Vec::new(),
            gender: crate::lexicon::Gender::Unknown,
        });
        entities.len() - 1
    });
    entities[e].mentions.push(sp);
    SpeakerRef {
        text: written.to_string(),
        start: sp.start,
        end: sp.end,
        name: entities[e].name.clone(),
        role: entities[e].roles.first().cloned(),
        kind: EntityKind::Person,
        entity: Some(e),
        attribution: Default::default(),
        quoted_speaker: None,
    }
}

/// "MCCAIN" → "Mccain": a name in capitals, as a name.
fn title_case(w: &str) -> String {
    w.split(' ')
        .map(|x| {
            let mut c = x.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mentions of the statements that govern speech, each with its owner; and, by
/// statement, the quotation token its mention was read against ([`quote_token`], read once:
/// `quoted_speaker` reads it again).
fn statement_mentions<'t>(
    doc: &Doc<'t>,
    statements: &[Statement],
) -> (Vec<(Owner, Mention<'t>)>, Vec<Option<usize>>) {
    let mut quote_of: Vec<Option<usize>> = vec![None; statements.len()];
    let found = statements
        .iter()
        .enumerate()
        .filter(|(_, st)| st.governs_speech)
        .filter_map(|(s, st)| {
            let (m, q) = mention_of(doc, st)?;
            quote_of[s] = q;
            Some((Owner::Stmt(s), m))
        })
        .collect();
    (found, quote_of)
}

/// The mention the cue of `st` attributes its statement to (none for an agentless one):
/// "Smith" in `“We will win,” Smith said.`; with the statement's [`quote_token`].
fn mention_of<'t>(doc: &Doc<'t>, st: &Statement) -> Option<(Mention<'t>, Option<usize>)> {
    if st.agentless {
        return None;
    }
    let quote_tok = quote_token(doc, st);
    let pt = st.para_tokens(doc);
    let sent_cues = &pt.cues[pt.sentence_of(&st.sent)];
    speakers::for_cue(doc.text, &pt.toks, &st.sent, sent_cues, st.cue?, quote_tok)
        .map(|m| (m, quote_tok))
}

/// `Smith said Jones called the plan “a disaster”`: in a nested quotation, the speaker of a
/// second verb of saying between the statement's cue and its quotation ("Jones"), named
/// by the person of that surname the document knows. Not a pronoun, not the speaker again.
/// (`quote` is the statement's [`quote_token`], read with its mention.)
fn quoted_speaker(
    doc: &Doc,
    st: &Statement,
    quote: Option<usize>,
    outer: &Mention,
    entities: &[EntityB],
) -> Option<QuotedSpeaker> {
    let c = st.cue?;
    let q = quote?;
    let pt = st.para_tokens(doc);
    let cues = &pt.cues[pt.sentence_of(&st.sent)];
    // (`“…,” Sanders said, according to CNN.`: the speaker the cue names itself, under the
    // outer source)
    // (only when another cue follows in the sentence, as an outer source's does: "said
    // Smith." is read once)
    let after_another = cues.iter().any(|x| x.tok > c.tok);
    let own = (outer.start > c.end && after_another)
        .then(|| speakers::own_speaker(doc.text, &pt.toks, &st.sent, cues, c, Some(q)))
        .flatten()
        .filter(|m| m.start != outer.start);
    let inner = own
        .or_else(|| {
            cues.iter()
                .filter(|x| x.speech && x.kind == CueKind::Verb && x.tok > c.tok && x.tok < q)
                .find_map(|&x| speakers::for_cue(doc.text, &pt.toks, &st.sent, cues, x, Some(q)))
                .filter(|m| m.start >= c.end)
        })
        .filter(|m| {
            m.kind == EntityKind::Person
                && !m.pronoun
                && m.start != outer.start
                && !m.name.ends_with("’s")
                && !m.name.ends_with("'s")
                && m.name.starts_with(char::is_uppercase)
        })?;
    let key = speakers::surname(&inner.name);
    let name = entities
        .iter()
        .find(|e| e.kind == inner.kind && speakers::surname(&e.name) == key)
        .map_or_else(|| inner.name.to_string(), |e| e.name.clone());
    Some(QuotedSpeaker {
        text: doc.text[inner.start..inner.end].to_string(),
        start: inner.start,
        end: inner.end,
        name,
    })
}

/// [`previous_subject`] of each mention (by its owner's sentence), read from `subjects`.
fn previous_subjects<'s, 't>(
    doc: &Doc<'t>,
    kinds: &[ParaKind],
    statements: &[Statement],
    owners: &[Owner],
    mentions: &[Mention],
    candidates: &[NameCandidate],
    subjects: &'s SentenceSubjects<'t>,
) -> Vec<Option<&'s Mention<'t>>> {
    // (a sentence's subject is read once: the pronouns of one sentence, and the sentence
    // before each, ask for it again; each is lent, not copied)
    owners
        .iter()
        .zip(mentions)
        .map(|(&o, m)| {
            let (para, tok) = match o {
                Owner::Stmt(s) => (statements[s].para, statements[s].sent.start),
                Owner::Part(k) => (doc.info[k].para, doc.info[k].tok),
            };
            let before = Before {
                doc,
                kinds,
                candidates,
            };
            previous_subject(&before, para, tok, m, subjects)
        })
        .collect()
}

/// For a pronoun that is the subject of its sentence ("He said …"), the named subject of
/// the sentence before it: in its paragraph, or the last sentence of the discourse
/// paragraph before (a caption or a byline between them is skipped).
fn previous_subject<'s, 't>(
    b: &Before<'_, 't>,
    para: usize,
    tok: usize,
    m: &Mention,
    subjects: &'s SentenceSubjects<'t>,
) -> Option<&'s Mention<'t>> {
    let (doc, kinds) = (b.doc, b.kinds);
    let description = speakers::definite_description(m);
    if !m.pronoun && !description {
        return None;
    }
    // (a pronoun of neither gender, "they", "who", "it", takes no subject: resolution reads
    // one only for "he" and "she", `Resolver::previous_subject`; its sentence is not read)
    if m.pronoun && !matches!(m.gender, Gender::Male | Gender::Female) {
        return None;
    }
    let pt = &doc.para_toks[para];
    let at = crate::cues::sentence_containing(&pt.sents, tok)?;
    let own = subjects.of(doc, para, at)?;
    // (a description's subject may be read without its article)
    let same = own.start == m.start || (description && own.end == m.end && own.start > m.start);
    if !same {
        if description {
            return None;
        }
        // ("Bush went after Trump, when he called the businessman “unhinged.”": a pronoun
        // inside its sentence is the sentence's named subject before it, when its gender
        // allows)
        return Some(own).filter(|h| {
            h.end <= m.start
                && !h.pronoun
                && h.kind == EntityKind::Person
                && h.name.starts_with(char::is_uppercase)
        });
    }
    let (p, prev) = if at > 0 {
        (para, at - 1)
    } else {
        let p = (0..para).rev().take(3).find(|&p| kinds[p].is_discourse())?;
        (p, doc.para_toks[p].sents.len().checked_sub(1)?)
    };
    let h = subjects.of(doc, p, prev).filter(|h| {
        !h.pronoun && h.kind == EntityKind::Person && h.name.starts_with(char::is_uppercase)
    })?;
    if description && !sole_person(b, p, prev, h) {
        return None;
    }
    Some(h)
}

/// What [`previous_subject`] reads: the document, its paragraphs' kinds, the names in it.
struct Before<'a, 'd> {
    doc: &'a Doc<'d>,
    kinds: &'a [ParaKind],
    candidates: &'a [NameCandidate],
}

/// Whether `h`, the subject of sentence `sent` of paragraph `para`, is the one person that
/// sentence names, and not as a possessive ("Rubio’s days"): a description after it can
/// mean no one else.
fn sole_person(b: &Before, para: usize, sent: usize, h: &Mention) -> bool {
    let pt = &b.doc.para_toks[para];
    let s = &pt.sents[sent];
    let (Some(first), Some(last)) = (pt.toks.get(s.start), pt.toks.get(s.end.saturating_sub(1)))
    else {
        return false;
    };
    let after = &b.doc.text[h.end..];
    if after.starts_with("’s") || after.starts_with("'s") {
        return false;
    }
    let key = speakers::surname(&h.name);
    let from = b.candidates.partition_point(|c| c.start < first.start);
    b.candidates[from..]
        .iter()
        .take_while(|c| c.start < last.end)
        .all(|c| c.key == key)
}

/// The subjects of whole sentences ([`speakers::subject`]), each read once when first asked
/// for: one cell a sentence of the document, found by the number of its paragraph's first
/// sentence (no map, no hashing).
struct SentenceSubjects<'t> {
    /// The number of each paragraph's first sentence.
    first: Vec<usize>,
    read: Vec<std::cell::OnceCell<Option<Mention<'t>>>>,
}

impl<'t> SentenceSubjects<'t> {
    fn new(doc: &Doc<'t>) -> SentenceSubjects<'t> {
        let mut first = Vec::with_capacity(doc.para_toks.len());
        let mut n = 0;
        for pt in doc.para_toks {
            first.push(n);
            n += pt.sents.len();
        }
        SentenceSubjects {
            first,
            read: (0..n).map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// The subject of sentence `sent` of paragraph `para`.
    fn of(&self, doc: &Doc<'t>, para: usize, sent: usize) -> Option<&Mention<'t>> {
        self.read[self.first[para] + sent]
            .get_or_init(|| {
                let pt = &doc.para_toks[para];
                let s = &pt.sents[sent];
                speakers::subject(doc.text, &pt.toks, s.start, s.end)
            })
            .as_ref()
    }
}

/// The token of the first quotation the cue of `st` governs in its sentence, among those
/// that are speech.
fn quote_token(doc: &Doc, st: &Statement) -> Option<usize> {
    st.parts
        .iter()
        .filter(|&&k| {
            doc.is_speech(k) && doc.parts[k].para == st.para && st.sent.contains(&doc.info[k].tok)
        })
        .map(|&k| doc.info[k].tok)
        .min()
}

/// The output's speaker of mention `m` resolved as `r`.
fn speaker_ref(text: &str, m: &Mention, r: Resolved) -> SpeakerRef {
    SpeakerRef {
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
        name: r.name,
        role: r.role,
        kind: r.kind,
        entity: r.entity,
        attribution: Default::default(),
        quoted_speaker: None,
    }
}

/// Whether a statement that governs speech stands: it quotes speech, its speaker was found,
/// it has no one to name ("is expected to"), or its cue is surely a verb of saying
/// (`speakers::surely_verb`). "The pledged delegates met" reports nothing.
fn stands(doc: &Doc, st: &Statement) -> bool {
    st.governs_speech
        && (st.quotes_speech(doc)
            || st.has_mention
            || st.agentless
            || st.cue.is_some_and(|c| {
                speakers::surely_verb::surely_verb(doc.text, &st.para_tokens(doc).toks, &c)
            }))
}

#[cfg(test)]
mod tests {
    fn statements(text: &str) -> Vec<crate::model::Quote> {
        crate::analyze(text, &crate::Options::default()).quotes
    }

    #[test]
    fn a_quotation_gets_the_speaker_next_to_its_cue() {
        let q = statements("“We will win,” Mayor Jane Smith said.");
        assert_eq!(q.len(), 1);
        let sp = q[0].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Jane Smith");
    }

    #[test]
    fn a_foreign_function_word_is_no_acting_subject() {
        use super::foreign_function_word;
        assert!(foreign_function_word("El") && foreign_function_word("Der"));
        assert!(!foreign_function_word("Reid") && !foreign_function_word("Will"));
        // (the capital inside a sentence would pass for a name's: a book called "Er")
        let text = "Das Buch heißt Er und ist neu.\n\nEr argumentiert darin, Geschäftsführer \
                    seien „grundsätzlich nicht im richtigen Verhalten auf Social Media \
                    geschult“ und so weiter.";
        let a = crate::analyze(text, &crate::Options::default());
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with("grundsätzlich"))
            .expect("the quote");
        assert!(
            q.speaker.as_ref().is_none_or(|sp| sp.name != "Er"),
            "{:?}",
            q.speaker
        );
    }

    #[test]
    fn acting_subject_rule() {
        // no verb of saying: the words are the subject's, inferred, and not flagged
        let text = "In recent weeks, Senator Harry Reid has gone after Trump as a “human leech \
                    who will bleed the country.”";
        let a = crate::analyze(text, &crate::Options::default());
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with("human"))
            .expect("the quote");
        let sp = q.speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Harry Reid");
        assert_eq!(sp.attribution, crate::model::Attribution::Subject);
        assert!(
            a.flags
                .iter()
                .all(|f| f.kind != crate::model::FlagKind::UnattributedQuote)
        );
        // a word that only opens sentences is no subject
        assert!(!super::named_inside(
            "Conversely, it rated them.",
            0,
            "Conversely"
        ));
        assert!(super::named_inside(
            "Conversely, PolitiFact rated them.",
            0,
            "PolitiFact"
        ));
        // (only within reach of the mention: the article around it, not a whole archive)
        let far = format!("Conversely, PolitiFact rated them.{}", " x".repeat(20_000));
        assert!(!super::named_inside(&far, far.len(), "PolitiFact"));
    }

    #[test]
    fn a_pronoun_inside_its_sentence_is_its_subject() {
        let text = "Gov. Jeb Bush went after Donald Trump at the debate, when he called the \
                    businessman “unhinged.”";
        let q = statements(text);
        let q = q.iter().find(|q| q.text == "unhinged.").expect("the quote");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Jeb Bush")
        );
        // (not where the gender differs: "Clinton" in "Sen. Hillary Clinton")
        let text = "Sen. Hillary Clinton went after Donald Trump at the debate, when he called \
                    her “unhinged.”";
        let q = statements(text);
        let q = q.iter().find(|q| q.text == "unhinged.").expect("the quote");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Donald Trump")
        );
    }

    #[test]
    fn a_description_opening_its_sentence_is_the_subject_before() {
        let name_of = |text: &str, quote: &str| {
            let q = statements(text);
            let q = q
                .iter()
                .find(|q| q.text.contains(quote))
                .expect("the quote");
            q.speaker.as_ref().map(|s| s.name.clone())
        };
        let text = "Trump Has Plans.\n\nDonald Trump says he has “big plans” for the final \
                    month.\n\nThe Republican presidential nominee noted Friday that his campaign \
                    has “spent little” on ads.";
        assert_eq!(name_of(text, "spent").as_deref(), Some("Donald Trump"));
        // (not when the sentence before names someone else too)
        let text = "Obama Talks.\n\nPresident Barack Obama said he had “a talk” with Francois \
                    Hollande.\n\nThe French president expressed his “condolences.”";
        assert_ne!(
            name_of(text, "condolences").as_deref(),
            Some("Barack Obama")
        );
    }

    #[test]
    fn a_verb_of_response_attributes_a_quotation_not_a_clause() {
        let q = statements("“France will always be France,” an angry Hollande retaliated.");
        let sp = q
            .first()
            .and_then(|q| q.speaker.as_ref())
            .expect("a speaker");
        assert_eq!(sp.name, "Hollande");
        let q = statements("“What sport is he talking about?” reacted Trump.");
        let sp = q
            .first()
            .and_then(|q| q.speaker.as_ref())
            .expect("a speaker");
        assert_eq!(sp.name, "Trump");
        assert!(statements("The crowd reacted much the way they did at his rallies.").is_empty());
        assert!(statements("The town retaliated against the company.").is_empty());
    }

    #[test]
    fn reported_speech_with_no_speaker_stands_only_after_a_sure_verb() {
        let q = statements("Polls show the mayor is ahead.");
        assert_eq!(q.len(), 1);
        assert!(statements("The pledged delegates met in Ohio.").is_empty());
    }
}
