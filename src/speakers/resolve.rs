//! Resolution: mentions to the entities of the article.
//!
//! [`resolve`] runs once over the mentions in document order; each takes one step by what
//! it is: a pronoun ([`Resolver::person_pronoun`], with "who" kept inside its paragraph;
//! [`Resolver::group_pronoun`]), a person's name ([`Resolver::person`]: a surname to the full
//! name introduced earlier), an organisation ([`Resolver::organization`]) or a role ("the
//! spokesman", [`Resolver::role`]).

#[allow(unused_imports)]
use super::*;
use crate::lexicon::{Class, Gender};
use crate::model::{EntityKind, Span};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::OnceCell;

/// An entity being built by resolution.
#[derive(Debug, Clone)]
pub(crate) struct EntityB {
    pub name: String,
    pub kind: EntityKind,
    pub roles: Vec<String>,
    pub mentions: Vec<Span>,
    pub gender: Gender,
}

/// A mention resolved: the entity it belongs to and the name it resolves to.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub entity: Option<usize>,
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
}

/// Resolve mentions (in document order) against each other and the names in the text.
/// `paragraph_start_of` gives the start of the paragraph a position lies in (for "who").
#[cfg(test)]
pub(crate) fn resolve(
    mentions: &[Mention],
    candidates: &[NameCandidate],
    paragraph_start_of: impl Fn(usize) -> usize,
) -> (Vec<Resolved>, Vec<EntityB>) {
    resolve_with(&mut mentions.to_vec(), &[], candidates, paragraph_start_of)
}

/// [`resolve`], where `subjects[i]` is, for a pronoun that is its sentence's subject, the
/// named subject of the sentence before it ("Trump attacked Clinton. He said …": "Trump").
/// Each mention's name and role go to its [`Resolved`] where it keeps them (a name or role
/// the mention borrows from the text is written out there, once; one it owns is moved): a
/// mention keeps its place and kind, and its name and role are empty after.
pub(crate) fn resolve_with(
    mentions: &mut [Mention],
    subjects: &[Option<&Mention>],
    candidates: &[NameCandidate],
    paragraph_start_of: impl Fn(usize) -> usize,
) -> (Vec<Resolved>, Vec<EntityB>) {
    let mut r = Resolver::new(candidates, mentions.len());
    let mut out = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter_mut().enumerate() {
        let subject = subjects.get(i).copied().flatten();
        let entity = if m.pronoun {
            subject
                .and_then(|h| r.previous_subject(m, h))
                .or_else(|| r.pronoun(m, paragraph_start_of(m.start)))
        } else {
            let described = subject
                .filter(|_| definite_description(m))
                .and_then(|h| r.subject_described(m, h));
            Some(described.unwrap_or_else(|| r.named(m)))
        };
        if let Some(e) = entity {
            match r.ents[e].kind {
                EntityKind::Person | EntityKind::Anonymous => r.person_trail.push((m.start, e)),
                EntityKind::Organization => r.org_trail.push((m.start, e)),
                _ => {}
            }
        }
        let ents = &r.ents;
        // (the entity's name is copied as it stands now: a longer one may come later)
        out.push(Resolved {
            entity,
            name: entity.map_or_else(
                || std::mem::take(&mut m.name).into_owned(),
                |e| ents[e].name.clone(),
            ),
            kind: entity.map_or(m.kind, |e| ents[e].kind),
            role: m
                .role
                .take()
                .map(Cow::into_owned)
                .or_else(|| entity.and_then(|e| ents[e].roles.first().cloned())),
        });
    }
    (out, r.ents)
}

/// How many person mentions, and how many names in the text, a pronoun looks back over for
/// its antecedent (an article's own count, bounded so that time stays linear in a run-on
/// document, as the 300 names `first_name_of` reads).
const PRONOUN_REACH: usize = 300;

/// The state of resolution: the entities so far, the trails pronouns look back along, and
/// indexes so that a long document resolves in time linear in its mentions.
struct Resolver<'a> {
    candidates: &'a [NameCandidate],
    ents: Vec<EntityB>,
    /// Per entity, the titles its name has in the text ("Vice President" of "Vice President
    /// Tom Hale"): not output as roles, read with them by [`Resolver::described`].
    titles: Vec<Vec<String>>,
    /// (position, entity) of every resolved person mention so far, for pronouns.
    person_trail: Vec<(usize, usize)>,
    org_trail: Vec<(usize, usize)>,
    /// People by surname.
    people: FxHashMap<String, usize>,
    /// Organisations by name.
    orgs: FxHashMap<String, usize>,
    /// The names in the text by surname: the hash of the surname and their numbers, ordered
    /// by hash and then by place in the text (built when first needed; one vector, not one
    /// a surname; numbers compared, not strings).
    named: OnceCell<Vec<(u64, usize)>>,
}

/// The hash of a surname, by which [`Resolver::keyed_back`] finds the names of one surname.
fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// An organisation's name without the "the " words that open it
/// (`trim_start_matches("the ")`, by `strip_prefix`, which builds no searcher).
fn without_the(name: &str) -> &str {
    let mut rest = name;
    while let Some(r) = rest.strip_prefix("the ") {
        rest = r;
    }
    rest
}

/// The first of two or more words of a name, without a full stop ("J." is "J").
fn given_name(n: &str) -> Option<&str> {
    // (the first word found byte by byte: `first_word`)
    let (f, rest) = first_word(n)?;
    (!rest.trim_start().is_empty()).then(|| f.trim_end_matches('.'))
}

/// Whether two full names of one surname give two first names: "Hillary Clinton" and "Bill
/// Clinton" name two people. Not when one name ends the other ("Jeb Bush" of "Former Florida
/// Gov. Jeb Bush", "Wasserman Schultz" of "Debbie Wasserman Schultz"), when one first name
/// begins the other ("Ken" and "Kenneth", "J." and "John"), or when a first word is no name
/// (lower case, digits: "of Sanders").
fn other_first_name(known: &str, name: &str) -> bool {
    // (the mention's name first: a surname alone, the usual mention, has no first name, and
    // the known name is not read)
    let Some(b) = given_name(name) else {
        return false;
    };
    let Some(a) = given_name(known) else {
        return false;
    };
    let is_name = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let ends = |long: &str, short: &str| {
        long.len() > short.len()
            && long.ends_with(short)
            && long[..long.len() - short.len()].ends_with(' ')
    };
    // (two ASCII words compared byte by byte in either case, with no lower-cased copies)
    let begins = |x: &str, y: &str| {
        if x.is_ascii() && y.is_ascii() {
            y.len() >= x.len() && y.as_bytes()[..x.len()].eq_ignore_ascii_case(x.as_bytes())
        } else {
            y.to_lowercase().starts_with(&x.to_lowercase())
        }
    };
    is_name(a)
        && is_name(b)
        && !ends(known, name)
        && !ends(name, known)
        && !begins(a, b)
        && !begins(b, a)
}

impl<'a> Resolver<'a> {
    /// A resolver for a document of `mentions` mentions: its entities and the trails of
    /// resolved mentions made at the size they reach at most (a mention makes at most one
    /// entity and one step of a trail), not grown push by push.
    fn new(candidates: &'a [NameCandidate], mentions: usize) -> Resolver<'a> {
        Resolver {
            candidates,
            ents: Vec::with_capacity(mentions),
            titles: Vec::with_capacity(mentions),
            person_trail: Vec::with_capacity(mentions),
            org_trail: Vec::new(),
            people: Default::default(),
            orgs: Default::default(),
            named: OnceCell::new(),
        }
    }

    /// A new entity; its index. (Its list of mentions is made with room for a few: every
    /// entity gets one, most a handful.)
    fn push(&mut self, name: String, kind: EntityKind, gender: Gender) -> usize {
        self.titles.push(Vec::new());
        self.ents.push(EntityB {
            name,
            kind,
            roles: Vec::new(),
            mentions: Vec::with_capacity(4),
            gender,
        });
        self.ents.len() - 1
    }

    /// A pronoun: a person's ("he", "who") or a group's ("they"); the entity it joins takes
    /// its gender when it had none.
    fn pronoun(&mut self, m: &Mention, para_start: usize) -> Option<usize> {
        // ("He" opening a sentence: lower-cased on the stack)
        let entity = crate::lexicon::with_lower(&m.name, |lower| {
            if Class::SpeakerPersonPronouns.contains(lower) {
                self.person_pronoun(m, lower, para_start)
            } else if Class::SpeakerGroupPronouns.contains(lower) {
                self.group_pronoun(m)
            } else {
                None
            }
        });
        let e = entity?;
        if !matches!(m.gender, Gender::Unknown | Gender::Plural | Gender::Neuter)
            && self.ents[e].gender == Gender::Unknown
        {
            self.ents[e].gender = m.gender;
        }
        self.ents[e].mentions.push(span(m));
        Some(e)
    }

    /// "Trump attacked Clinton on Monday. He said …": "he" or "she" opening its sentence is
    /// the named subject `h` of the sentence before (over a name in object position, and
    /// over the last speaker quoted), when its gender allows.
    fn previous_subject(&mut self, m: &Mention, h: &Mention) -> Option<usize> {
        if !matches!(m.gender, Gender::Male | Gender::Female) || h.kind != EntityKind::Person {
            return None;
        }
        let gender = with_surname(&h.name, |key| match self.people.get(key) {
            Some(&e) => self.ents[e].gender,
            None => self.candidate_gender(key, h.end),
        });
        if gender != m.gender {
            return None;
        }
        let e = self.named(h);
        self.ents[e].mentions.push(span(m));
        Some(e)
    }

    /// "Donald Trump says he has “big plans.” ¶ The Republican presidential nominee noted
    /// …": a definite description opening its sentence, that fits no one's role, is the
    /// named subject `h` of the sentence before, a person already quoted by a full name —
    /// unless `h` has roles and titles of which the description fits none (it is someone
    /// else: "The Democratic nominee" after a "Republican presidential nominee"). The person
    /// takes the description's role.
    fn subject_described(&mut self, m: &Mention, h: &Mention) -> Option<usize> {
        if h.kind != EntityKind::Person || h.pronoun || self.described(m).is_some() {
            return None;
        }
        let words: Vec<&str> = m.name.split_whitespace().skip(1).collect();
        let (head, mods) = words.split_last()?;
        // (a person already quoted, by a full name)
        let &e = with_surname(&h.name, |key| self.people.get(key))?;
        if self.ents[e].name.split_whitespace().count() < 2 {
            return None;
        }
        let known: Vec<&String> = self.ents[e].roles.iter().chain(&self.titles[e]).collect();
        if !known.is_empty() && !known.iter().any(|r| role_fits(r, head, mods)) {
            return None;
        }
        let e = self.named(h);
        self.ents[e].mentions.push(span(m));
        if let Some(r) = &m.role
            && !self.ents[e].roles.iter().any(|x| *x == **r)
        {
            self.ents[e].roles.push(r.to_string());
        }
        Some(e)
    }

    /// The gender of the last name in the text with surname `key` before `pos` whose gender
    /// is known (from a title or a first name).
    fn candidate_gender(&self, key: &str, pos: usize) -> Gender {
        let before = self.candidates.partition_point(|c| c.start < pos);
        self.keyed_back(key, before, 200)
            .find(|c| c.gender != Gender::Unknown)
            .map_or(Gender::Unknown, |c| c.gender)
    }

    /// The names in the text with surname `key` among the `back` names before the one
    /// numbered `before`, from the last back (by the surname index: the names of other
    /// surnames are not read).
    fn keyed_back<'k>(
        &self,
        key: &'k str,
        before: usize,
        back: usize,
    ) -> impl Iterator<Item = &'a NameCandidate> + use<'a, '_, 'k> {
        let candidates = self.candidates;
        let named = self.named.get_or_init(|| {
            let mut by: Vec<(u64, usize)> = candidates
                .iter()
                .enumerate()
                .map(|(i, c)| (key_hash(&c.key), i))
                .collect();
            by.sort_unstable();
            by
        });
        let h = key_hash(key);
        let from = named.partition_point(|&(k, _)| k < h);
        let found = &named[from..from + named[from..].partition_point(|&(k, _)| k == h)];
        let upto = found.partition_point(|&(_, i)| i < before);
        let lo = before.saturating_sub(back);
        // (the names of another surname of the same hash are passed over)
        found[..upto]
            .iter()
            .rev()
            .take_while(move |&&(_, i)| i >= lo)
            .map(move |&(_, i)| &candidates[i])
            .filter(move |c| c.key == key)
    }

    /// The gender that every name in the text with surname `key` before `pos` whose gender
    /// is known agrees on ("John Stumpf"); none where they differ (Bill and Hillary Clinton).
    fn agreed_gender(&self, key: &str, pos: usize) -> Gender {
        let before = self.candidates.partition_point(|c| c.start < pos);
        let mut known = self
            .keyed_back(key, before, 200)
            .filter(|c| c.gender != Gender::Unknown)
            .map(|c| c.gender);
        let first = known.next().unwrap_or(Gender::Unknown);
        if known.all(|g| g == first) {
            first
        } else {
            Gender::Unknown
        }
    }

    /// "he", "she", "who": the most recent compatible person — a quoted entity or a name in
    /// the text, whichever is later; "who" only within its paragraph.
    fn person_pronoun(&mut self, m: &Mention, lower: &str, para_start: usize) -> Option<usize> {
        // (each looks back at most `PRONOUN_REACH` mentions and names: a run-on document of
        // one woman's name and "he" costs each pronoun a bounded read)
        let from_trail = self
            .person_trail
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .find(|(pos, e)| *pos < m.start && compatible(m.gender, self.ents[*e].gender))
            .copied();
        let candidates = self.candidates;
        let before = candidates.partition_point(|c| c.start < m.start);
        let from_text = candidates[..before]
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .find(|c| c.end <= m.start && !c.inner && compatible(m.gender, c.gender));
        let within = |pos: usize| who_within_paragraph(lower, pos, para_start);
        match (from_trail, from_text) {
            (Some((pos, _)), Some(c)) if c.start > pos => {
                within(c.start).then(|| self.name_in_text(c))
            }
            (None, Some(c)) => within(c.start).then(|| self.name_in_text(c)),
            (Some((pos, e)), _) => within(pos).then_some(e),
            (None, None) => None,
        }
    }

    /// The entity of a name in the text a pronoun points to: the person of that surname, or
    /// a new one with the name's apposition as its role.
    fn name_in_text(&mut self, c: &NameCandidate) -> usize {
        if let Some(e) = self.people.get(&c.key).copied() {
            return e;
        }
        let e = self.push(c.name.clone(), EntityKind::Person, c.gender);
        self.ents[e].roles = c.role.iter().cloned().collect();
        self.titles[e] = c.title.iter().cloned().collect();
        self.ents[e].mentions = vec![Span {
            start: c.start,
            end: c.end,
        }];
        self.people.entry(c.key.clone()).or_insert(e);
        e
    }

    /// "it", "they", "we": the most recent organisation.
    fn group_pronoun(&self, m: &Mention) -> Option<usize> {
        self.org_trail
            .iter()
            .rev()
            .find(|(pos, _)| *pos < m.start)
            .map(|&(_, e)| e)
    }

    /// A named mention (a person, an organisation, a role): its entity, which takes the
    /// mention and its role (or the apposition the name has in the text).
    fn named(&mut self, m: &Mention) -> usize {
        let e = match m.kind {
            EntityKind::Person => self.described(m).unwrap_or_else(|| self.person(m)),
            EntityKind::Organization => self.organization(m),
            _ => self.role(m),
        };
        self.ents[e].mentions.push(span(m));
        // (a name without its role in the mention, "… was welcomed by Zalmay Khalilzad,
        // U.S. special representative …": the apposition the name has in the text)
        let candidates = self.candidates;
        let in_text = || {
            let at = candidates.partition_point(|c| c.start < m.start);
            candidates
                .get(at)
                .filter(|c| c.start == m.start)
                .and_then(|c| c.role.as_deref())
        };
        if let Some(r) = m.role.as_deref().or_else(in_text)
            && !self.ents[e].roles.iter().any(|x| x == r)
        {
            self.ents[e].roles.push(r.to_string());
        }
        e
    }

    /// A person: a surname alone takes the full name introduced earlier in the text.
    fn person(&mut self, m: &Mention) -> usize {
        let e = with_surname(&m.name, |key| self.person_entity(m, key));
        if m.name.len() > self.ents[e].name.len() && m.name.contains(' ') {
            self.ents[e].name = m.name.to_string();
            self.people.entry(surname(&m.name)).or_insert(e);
        }
        if self.ents[e].gender == Gender::Unknown {
            self.ents[e].gender = m.gender;
        }
        // ("Stumpf" after "Wells Fargo CEO John Stumpf": the gender the text gives the name)
        if self.ents[e].gender == Gender::Unknown {
            self.ents[e].gender =
                with_surname(&self.ents[e].name, |key| self.agreed_gender(key, m.end));
        }
        e
    }

    /// [`Resolver::person`]'s entity for the mention `m` of surname `key`: the person of
    /// that surname, another of the same surname, or a new one.
    fn person_entity(&mut self, m: &Mention, key: &str) -> usize {
        match self.people.get(key).copied() {
            // ("Bill Clinton" after "Hillary Clinton": another person, whom the surname alone
            // does not name after it)
            Some(e) if other_first_name(&self.ents[e].name, &m.name) => self
                .full_named(&m.name)
                .unwrap_or_else(|| self.push(m.name.to_string(), EntityKind::Person, m.gender)),
            Some(e) => e,
            None if let Some(full) = self.first_name_of(m) => {
                let k = surname(&full);
                match self.people.get(&k).copied() {
                    Some(e) => e,
                    None => {
                        let e = self.push(full, EntityKind::Person, m.gender);
                        self.people.insert(k, e);
                        e
                    }
                }
            }
            None => {
                let full = self.full_name(m, key);
                let name = match full {
                    Some(c) if c.name.len() > m.name.len() => c.name.clone(),
                    _ => m.name.to_string(),
                };
                let e = self.push(name, EntityKind::Person, m.gender);
                // ("Vice President Tom Hale … Hale said": the title the name has in the text)
                self.titles[e].extend(full.and_then(|c| c.title.clone()));
                self.people.insert(key.to_string(), e);
                e
            }
        }
    }

    /// "Chris Anderson spoke first. … Chris said": a first name alone, where no one has it as
    /// a surname, is the person named in full with it before (an entity, else the last such
    /// name in the text, within 300 names back).
    fn first_name_of(&self, m: &Mention) -> Option<String> {
        if m.name.contains(' ') || !m.name.starts_with(char::is_uppercase) {
            return None;
        }
        // (the name's opening letters first: most names open with another word, and are not
        // split)
        let is_first = |name: &str| {
            name.trim_start().starts_with(&*m.name)
                && name.contains(' ')
                && first_word(name).is_some_and(|(w, _)| w == m.name)
        };
        if self.full_name_exists(m) {
            return None;
        }
        if let Some(e) = self
            .ents
            .iter()
            .rev()
            .take(300)
            .find(|e| e.kind == EntityKind::Person && is_first(&e.name))
        {
            return Some(e.name.clone());
        }
        let before = self.candidates.partition_point(|c| c.start < m.start);
        self.candidates[..before]
            .iter()
            .rev()
            .take(300)
            .find(|c| is_first(&c.name))
            .map(|c| c.name.clone())
    }

    /// Whether a name in the text before `m` has its word as its surname.
    fn full_name_exists(&self, m: &Mention) -> bool {
        let before = self.candidates.partition_point(|c| c.start < m.start);
        with_surname(&m.name, |key| {
            self.keyed_back(key, before, 300)
                .any(|c| c.name.contains(' '))
        })
    }

    /// The person already named by the full name `name` ("Bill Clinton"), in any case.
    fn full_named(&self, name: &str) -> Option<usize> {
        self.ents
            .iter()
            .position(|e| e.kind == EntityKind::Person && e.name.eq_ignore_ascii_case(name))
    }

    /// The last name in the text with the surname `key` that ends by the mention's end.
    fn full_name(&self, m: &Mention, key: &str) -> Option<&'a NameCandidate> {
        let before = self.candidates.partition_point(|c| c.start < m.end);
        self.keyed_back(key, before, usize::MAX)
            .find(|c| c.end <= m.end)
    }

    /// An organisation, by its name without "the ".
    fn organization(&mut self, m: &Mention) -> usize {
        let name = without_the(&m.name);
        // (an ASCII name is looked up lower-cased on the stack; its key is written only for
        // a new organisation, an ASCII one byte by byte)
        let ascii = name.is_ascii();
        let known = if ascii {
            crate::lexicon::with_lower(name, |key| self.orgs.get(key).copied())
        } else {
            self.orgs.get(&name.to_lowercase()).copied()
        };
        if let Some(e) = known {
            return e;
        }
        let key = if ascii {
            name.to_ascii_lowercase()
        } else {
            name.to_lowercase()
        };
        let e = self.push(m.name.to_string(), EntityKind::Organization, Gender::Neuter);
        self.orgs.insert(key, e);
        e
    }

    /// "the president" after "President Obama", "The Republican presidential nominee said"
    /// after "Republican presidential nominee Donald Trump": a definite description is the
    /// last named person one of whose roles or titles it fits ([`role_fits`]).
    fn described(&self, m: &Mention) -> Option<usize> {
        // (the first word's letters first: most names open with no "the", and are not split)
        if !opens_with_the(&m.name) {
            return None;
        }
        let mut words = m.name.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("the") {
            return None;
        }
        let words: Vec<&str> = words.collect();
        let (head, mods) = words.split_last()?;
        let titles = &self.titles;
        // (the last [`PRONOUN_REACH`] entities: a long document of roles keeps this linear)
        self.ents
            .iter()
            .enumerate()
            .rev()
            .take(PRONOUN_REACH)
            .find_map(|(i, e)| {
                let fits = e.kind == EntityKind::Person
                    && e.name.starts_with(char::is_uppercase)
                    && !e.name.starts_with("The ")
                    && e.roles
                        .iter()
                        .chain(&titles[i])
                        .any(|r| role_fits(r, head, mods));
                fits.then_some(i)
            })
    }

    /// A mention that is neither a person nor an organisation (someone unnamed, a document):
    /// an entity of its own, but "the article" after "A Times article hailed …": a definite
    /// document is the last document of its head noun. (A person named by a role alone, "the
    /// spokesman", is a person: [`Resolver::described`] finds whom it describes.)
    fn role(&mut self, m: &Mention) -> usize {
        let definite = m
            .name
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        // (a head is read only for a definite document: most mentions here are someone
        // unnamed, who takes an entity of their own)
        if !(m.kind == EntityKind::Document && definite) {
            return self.push(m.name.to_string(), m.kind, Gender::Unknown);
        }
        let head = m
            .name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        // (the last [`PRONOUN_REACH`] entities, as for a description)
        let from = self.ents.len().saturating_sub(PRONOUN_REACH);
        let same_document = |e: &EntityB| {
            e.kind == EntityKind::Document
                && e.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|h| h.eq_ignore_ascii_case(&head))
        };
        match self.ents[from..].iter().rposition(same_document) {
            Some(i) => from + i,
            None => self.push(m.name.to_string(), m.kind, Gender::Unknown),
        }
    }
}

/// "The Republican presidential nominee", "the Vermont senator": a person named by a role
/// after "the" (no name in it).
pub(crate) fn definite_description(m: &Mention) -> bool {
    m.kind == EntityKind::Person
        && !m.pronoun
        && m.role.is_some()
        && opens_with_the(&m.name)
        && m.name
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether `name` (past its leading space) opens with the letters "the" in any case: a name
/// whose first word is "the" does, and one that does not is split no further.
fn opens_with_the(name: &str) -> bool {
    name.trim_start()
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"the"))
}

/// Whether a definite description with head noun `head` and modifiers `mods` ("the GOP
/// presidential nominee": "nominee", ["GOP", "presidential"]) fits `role` ("Republican
/// presidential nominee", "Sen.", "chief executive of Ora Media"): the role's head (its last
/// word before a preposition or a comma) is the head, or an abbreviated title the head begins with
/// ("Sen." for "senator", "Gov." for "governor"); every modifier is a word of the role; and
/// every rank word of the role ("Vice", "former", "deputy") is one of the modifiers.
fn role_fits(role: &str, head: &str, mods: &[&str]) -> bool {
    let words: Vec<&str> = role
        .split(',')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .take_while(|w| !Class::SpeakerRolePrepositions.contains(w))
        .collect();
    let Some((role_head, role_mods)) = words.split_last() else {
        return false;
    };
    // (a plural, "the lawyers", is a group, no one person; nor is a person's plural role)
    let plural =
        |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    if plural(head) || plural(role_head) {
        return false;
    }
    let head = head.to_lowercase();
    let title = role_head
        .strip_suffix('.')
        .filter(|t| t.len() >= 3)
        .is_some_and(|t| head.starts_with(&t.to_lowercase()));
    let head_fits = role_head.eq_ignore_ascii_case(&head) || title;
    let in_role = |w: &str| role_mods.iter().any(|r| r.eq_ignore_ascii_case(w));
    let in_mods = |w: &str| mods.iter().any(|m| m.eq_ignore_ascii_case(w));
    let ranked = |w: &str| Class::SpeakerRankWords.contains(&w.to_lowercase());
    head_fits
        && mods.iter().all(|w| in_role(w))
        && role_mods.iter().all(|w| !ranked(w) || in_mods(w))
}

/// "who" resolves only to a name in its own paragraph (`pos` at or after `para_start`);
/// other pronouns reach back further.
fn who_within_paragraph(lower: &str, pos: usize, para_start: usize) -> bool {
    lower != "who" || pos >= para_start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_is_trim_start_matches() {
        for name in [
            "the Pentagon",
            "the the Times",
            "The Pentagon",
            "the",
            "the ",
            "the  Fed",
            "theatre group",
            "",
            "Pentagon",
        ] {
            assert_eq!(
                without_the(name),
                name.trim_start_matches("the "),
                "{name:?}"
            );
        }
    }

    fn mention(start: usize, name: &str, kind: EntityKind, pronoun: bool) -> Mention<'_> {
        Mention {
            start,
            end: start + name.len(),
            name: Cow::Borrowed(name),
            role: None,
            kind,
            gender: if name == "she" {
                Gender::Female
            } else {
                Gender::Unknown
            },
            pronoun,
        }
    }

    fn candidate(start: usize, name: &str, gender: Gender) -> NameCandidate {
        NameCandidate {
            start,
            end: start + name.len(),
            name: name.to_string(),
            key: surname(name),
            gender,
            role: None,
            title: None,
            inner: false,
        }
    }

    #[test]
    fn a_mention_gives_its_name_and_role_to_its_resolution() {
        // "he" with no one before it keeps its own name; "the spokesman" its role; "Smith"
        // after "John Smith" takes the entity's name and keeps its role
        let mut ms = vec![
            mention(0, "he", EntityKind::Person, true),
            Mention {
                role: Some("spokesman".into()),
                ..mention(10, "the spokesman", EntityKind::Anonymous, false)
            },
            Mention {
                role: Some("mayor".into()),
                ..mention(60, "Smith", EntityKind::Person, false)
            },
        ];
        let c = [candidate(40, "John Smith", Gender::Male)];
        let copied = resolve(&ms, &c, |_| 0).0;
        let (r, _) = resolve_with(&mut ms, &[], &c, |_| 0);
        let names: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["he", "the spokesman", "John Smith"]);
        assert_eq!(r[1].role.as_deref(), Some("spokesman"));
        assert_eq!(r[2].role.as_deref(), Some("mayor"));
        // (moved, not copied: the mentions keep their places only)
        assert!(ms.iter().all(|m| m.role.is_none()) && ms[0].name.is_empty());
        for (a, b) in r.iter().zip(&copied) {
            assert_eq!((a.entity, &a.name, &a.role), (b.entity, &b.name, &b.role));
        }
    }

    #[test]
    fn a_pronoun_looks_back_a_bounded_number_of_names() {
        // "John Smith … Jane Doe … (n times) … he said": within reach, "he" is John Smith
        let he_after = |n: usize| {
            let mut cands = vec![candidate(0, "John Smith", Gender::Male)];
            cands.extend((1..=n).map(|k| candidate(20 * k, "Jane Doe", Gender::Female)));
            let mut he = mention(20 * (n + 1), "he", EntityKind::Person, true);
            he.gender = Gender::Male;
            let (r, _) = resolve(&[he], &cands, |_| 0);
            r[0].name.clone()
        };
        assert_eq!(he_after(PRONOUN_REACH - 1), "John Smith");
        assert_eq!(he_after(PRONOUN_REACH), "he");
    }

    #[test]
    fn a_surname_takes_the_gender_its_full_names_agree_on() {
        // "John Stumpf … Stumpf said. … Elizabeth Warren … she said": "she" is not Stumpf
        let cands = [
            candidate(0, "John Stumpf", Gender::Male),
            candidate(20, "Elizabeth Warren", Gender::Female),
        ];
        let ms = [
            mention(40, "Stumpf", EntityKind::Person, false),
            mention(60, "she", EntityKind::Person, true),
        ];
        let (r, ents) = resolve(&ms, &cands, |_| 0);
        assert_eq!(r[0].name, "John Stumpf");
        assert_eq!(ents[r[0].entity.unwrap()].gender, Gender::Male);
        assert_eq!(r[1].name, "Elizabeth Warren");
        // (Bill and Hillary Clinton: no gender agreed on)
        let cands = [
            candidate(0, "Bill Clinton", Gender::Male),
            candidate(20, "Hillary Clinton", Gender::Female),
        ];
        let ms = [mention(40, "Clinton", EntityKind::Person, false)];
        let (r, ents) = resolve(&ms, &cands, |_| 0);
        assert_eq!(ents[r[0].entity.unwrap()].gender, Gender::Unknown);
    }

    #[test]
    fn a_surname_takes_the_full_name() {
        // "Hillary Clinton spoke. … Clinton said"
        let c = [candidate(0, "Hillary Clinton", Gender::Female)];
        let m = [mention(30, "Clinton", EntityKind::Person, false)];
        let (r, ents) = resolve(&m, &c, |_| 0);
        assert_eq!(r[0].name, "Hillary Clinton");
        assert_eq!(ents.len(), 1);
    }

    #[test]
    fn another_first_name_of_the_surname_is_another_person() {
        // "Hillary Clinton said … Bill Clinton said … Clinton said … Bill Clinton added"
        let c = [
            candidate(0, "Hillary Clinton", Gender::Female),
            candidate(30, "Bill Clinton", Gender::Male),
        ];
        let m = [
            mention(0, "Hillary Clinton", EntityKind::Person, false),
            mention(30, "Bill Clinton", EntityKind::Person, false),
            mention(60, "Clinton", EntityKind::Person, false),
            mention(90, "Bill Clinton", EntityKind::Person, false),
        ];
        let (r, ents) = resolve(&m, &c, |_| 0);
        let names: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Hillary Clinton",
                "Bill Clinton",
                "Hillary Clinton",
                "Bill Clinton"
            ]
        );
        assert_eq!(ents.len(), 2);
        // The same person: a name that ends the other, a first name that begins the other.
        assert!(!other_first_name(
            "Former Florida Gov. Jeb Bush",
            "Jeb Bush"
        ));
        assert!(!other_first_name(
            "Debbie Wasserman Schultz",
            "Wasserman Schultz"
        ));
        assert!(!other_first_name("Kenneth Starr", "Ken Starr"));
        assert!(!other_first_name("Kenneth Starr", "KEN Starr"));
        assert!(!other_first_name("Ölaf Berg", "ÖLAFUR Berg"));
        assert!(other_first_name("Ölaf Berg", "Ülf Berg"));
        assert!(!other_first_name("John Smith", "J. Smith"));
        assert!(!other_first_name("Bernie Sanders", "of Sanders"));
        assert!(other_first_name("Donald Trump", "Eric Trump"));
        // A surname alone, on either side, gives no first name.
        assert!(!other_first_name("Hillary Clinton", "Clinton"));
        assert!(!other_first_name("Clinton", "Bill Clinton"));
    }

    #[test]
    fn a_pronoun_takes_the_most_recent_compatible_person() {
        // "Hillary Clinton met Bernie Sanders. She said"
        let c = [
            candidate(0, "Hillary Clinton", Gender::Female),
            candidate(20, "Bernie Sanders", Gender::Male),
        ];
        let m = [mention(40, "she", EntityKind::Person, true)];
        let (r, _) = resolve(&m, &c, |_| 0);
        assert_eq!(r[0].name, "Hillary Clinton");
    }

    #[test]
    fn who_stays_in_its_paragraph() {
        // "Bernie Sanders spoke.\n\nA man who said …": "who" does not reach the paragraph before.
        let c = [candidate(0, "Bernie Sanders", Gender::Male)];
        let m = [mention(40, "who", EntityKind::Person, true)];
        let (r, _) = resolve(&m, &c, |_| 30);
        assert_eq!(r[0].entity, None);
        let (r, _) = resolve(&m, &c, |_| 0);
        assert_eq!(r[0].name, "Bernie Sanders");
    }

    #[test]
    fn a_first_name_alone_takes_the_full_name() {
        // "Chris Anderson spoke first. … Chris said"
        let c = [candidate(0, "Chris Anderson", Gender::Male)];
        let m = [mention(40, "Chris", EntityKind::Person, false)];
        let (r, _) = resolve(&m, &c, |_| 0);
        assert_eq!(r[0].name, "Chris Anderson");
        // (not where someone has the word as a surname: "Tom Chris … Chris said")
        let c = [
            candidate(0, "Chris Anderson", Gender::Male),
            candidate(20, "Tom Chris", Gender::Male),
        ];
        let (r, _) = resolve(&m, &c, |_| 0);
        assert_eq!(r[0].name, "Tom Chris");
    }

    #[test]
    fn a_pronoun_opening_its_sentence_takes_the_subject_before() {
        // "Hillary Clinton met Bernie Sanders. … Sanders attacked Clinton. She said"
        let c = [
            candidate(0, "Hillary Clinton", Gender::Female),
            candidate(20, "Bernie Sanders", Gender::Male),
        ];
        let she = [mention(80, "she", EntityKind::Person, true)];
        let clinton = mention(60, "Clinton", EntityKind::Person, false);
        let (r, _) = resolve_with(&mut she.clone(), &[Some(&clinton)], &c, |_| 0);
        assert_eq!(r[0].name, "Hillary Clinton");
        // (a subject of the other gender is passed over)
        let he = [Mention {
            gender: Gender::Male,
            ..mention(80, "he", EntityKind::Person, true)
        }];
        let (r, _) = resolve_with(&mut he.clone(), &[Some(&clinton)], &c, |_| 0);
        assert_eq!(r[0].name, "Bernie Sanders");
    }

    #[test]
    fn a_pronoun_of_neither_gender_takes_no_subject() {
        // (`output::speaker` reads no sentence subject for "they", "who", "it": it would
        // change nothing here)
        let c = [candidate(0, "Hillary Clinton", Gender::Female)];
        let subject = mention(60, "Clinton", EntityKind::Person, false);
        for (word, gender) in [
            ("they", Gender::Plural),
            ("who", Gender::Unknown),
            ("it", Gender::Neuter),
        ] {
            let m = [Mention {
                gender,
                ..mention(80, word, EntityKind::Person, true)
            }];
            let (with, _) = resolve_with(&mut m.clone(), &[Some(&subject)], &c, |_| 0);
            let (without, _) = resolve(&m, &c, |_| 0);
            assert_eq!(with[0].entity, without[0].entity, "{word}");
            assert_eq!(with[0].name, without[0].name, "{word}");
        }
    }

    #[test]
    fn a_definite_description_takes_the_person_whose_role_it_fits() {
        // "President Obama said … The president added …"
        assert!(role_fits("President", "president", &[]));
        // "Sen. Elizabeth Warren … the senator"
        assert!(role_fits("Sen.", "senator", &[]));
        // "Republican presidential nominee Donald Trump … the Republican presidential nominee"
        assert!(role_fits(
            "Republican presidential nominee",
            "nominee",
            &["Republican", "presidential"]
        ));
        // "John Dickey, the chief executive of Ora Media … the executive"
        assert!(role_fits("chief executive of Ora Media", "executive", &[]));
        // "President Obama, dedicating the museum on Saturday, said"
        assert!(role_fits(
            "President, dedicating the museum",
            "president",
            &[]
        ));
        // another office: "Vice President Mike Pence" is not "the president", a Democratic
        // nominee is not "the Republican nominee"
        assert!(!role_fits("Vice President", "president", &[]));
        assert!(!role_fits("Democratic nominee", "nominee", &["Republican"]));
        assert!(!role_fits("Mr.", "mrs", &[]));
        // a plural is no one person: "Lawyers for Ted Cruz … the lawyers"
        assert!(!role_fits("lawyer", "lawyers", &[]));
        assert!(!role_fits("Lawyers", "lawyers", &[]));
        let ms = [
            Mention {
                role: Some("President".into()),
                ..mention(0, "Obama", EntityKind::Person, false)
            },
            Mention {
                role: Some("Vice President".into()),
                ..mention(40, "Joe Biden", EntityKind::Person, false)
            },
            mention(80, "the president", EntityKind::Person, false),
        ];
        let (r, _) = resolve(&ms, &[], |_| 0);
        assert_eq!(r[2].name, "Obama");
    }

    #[test]
    fn a_definite_document_is_the_last_of_its_head_noun() {
        // "A Times article hailed Trump … “He is back,” the article read."
        let ms = [
            mention(0, "A Times article", EntityKind::Document, false),
            mention(40, "a memo", EntityKind::Document, false),
            mention(80, "the article", EntityKind::Document, false),
            mention(120, "an article", EntityKind::Document, false),
        ];
        let (r, _) = resolve(&ms, &[], |_| 0);
        assert_eq!(r[2].entity, r[0].entity);
        assert_ne!(r[1].entity, r[0].entity);
        // (an indefinite one is another)
        assert_ne!(r[3].entity, r[0].entity);
    }

    #[test]
    fn organizations_and_roles() {
        // "the State Department said … the department said"
        let m = [
            mention(0, "the State Department", EntityKind::Organization, false),
            mention(40, "State Department", EntityKind::Organization, false),
            mention(80, "a senior official", EntityKind::Anonymous, false),
        ];
        let (r, ents) = resolve(&m, &[], |_| 0);
        assert_eq!(r[0].entity, r[1].entity);
        assert_eq!(ents.len(), 2);
        assert_eq!(r[2].kind, EntityKind::Anonymous);
    }
}
