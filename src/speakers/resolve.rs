//! Resolution: mentions to the entities of the article.

#[allow(unused_imports)]
use super::*;
use crate::lexicon::Gender;
use crate::model::{EntityKind, Span};

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
/// `paragraph_of` gives the paragraph span a position lies in (for "who").
pub(crate) fn resolve(
    mentions: &[Mention],
    candidates: &[NameCandidate],
    paragraph_start_of: impl Fn(usize) -> usize,
) -> (Vec<Resolved>, Vec<EntityB>) {
    let mut ents: Vec<EntityB> = Vec::new();
    let mut out = Vec::with_capacity(mentions.len());
    // (position, entity) of every resolved person mention so far, for pronouns.
    let mut person_trail: Vec<(usize, usize)> = Vec::new();
    let mut org_trail: Vec<(usize, usize)> = Vec::new();
    // Indexes, so that a long document resolves in time linear in its mentions: people by
    // surname, organisations by name, the names in the text by surname.
    let mut people: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut orgs: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut named: Option<rustc_hash::FxHashMap<String, Vec<usize>>> = None;
    let find_person = |people: &rustc_hash::FxHashMap<String, usize>, name: &str| {
        people.get(&surname(name)).copied()
    };
    for m in mentions {
        let lower = m.name.to_lowercase();
        let mut entity = None;
        if m.pronoun {
            let para_start = paragraph_start_of(m.start);
            match lower.as_str() {
                "he" | "she" | "who" | "his" | "her" => {
                    // The most recent compatible person: a quoted entity or a name in the text.
                    let from_trail = person_trail
                        .iter()
                        .rev()
                        .find(|(pos, e)| *pos < m.start && compatible(m.gender, ents[*e].gender))
                        .copied();
                    let before = candidates.partition_point(|c| c.start < m.start);
                    let from_text = candidates[..before]
                        .iter()
                        .rev()
                        .find(|c| c.end <= m.start && compatible(m.gender, c.gender));
                    let pick_text = match (from_trail, from_text) {
                        (Some((pos, _)), Some(c)) => c.start > pos,
                        (None, Some(_)) => true,
                        _ => false,
                    };
                    let within = |pos: usize| lower != "who" || pos >= para_start;
                    if pick_text {
                        let c = from_text.expect("checked");
                        if within(c.start) {
                            let e = find_person(&people, &c.name).unwrap_or_else(|| {
                                ents.push(EntityB {
                                    name: c.name.clone(),
                                    kind: EntityKind::Person,
                                    roles: c.role.iter().cloned().collect(),
                                    mentions: vec![Span {
                                        start: c.start,
                                        end: c.end,
                                    }],
                                    gender: c.gender,
                                });
                                people.entry(surname(&c.name)).or_insert(ents.len() - 1);
                                ents.len() - 1
                            });
                            entity = Some(e);
                        }
                    } else if let Some((pos, e)) = from_trail
                        && within(pos)
                    {
                        entity = Some(e);
                    }
                }
                "it" | "they" | "we" | "their" | "its" => {
                    entity = org_trail
                        .iter()
                        .rev()
                        .find(|(pos, _)| *pos < m.start)
                        .map(|&(_, e)| e);
                    if entity.is_none() && lower == "they" {
                        entity = None;
                    }
                }
                _ => {}
            }
            if let Some(e) = entity {
                if m.gender != Gender::Unknown
                    && m.gender != Gender::Plural
                    && m.gender != Gender::Neuter
                    && ents[e].gender == Gender::Unknown
                {
                    ents[e].gender = m.gender;
                }
                ents[e].mentions.push(span(m));
            }
        } else {
            match m.kind {
                EntityKind::Person => {
                    // A surname alone takes the full name introduced earlier.
                    let key = surname(&m.name);
                    let named = named.get_or_insert_with(|| {
                        let mut m: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
                        for (i, c) in candidates.iter().enumerate() {
                            m.entry(surname(&c.name)).or_default().push(i);
                        }
                        m
                    });
                    let full = named.get(&key).and_then(|found| {
                        // `found` is in text order: start from the last name before m.
                        let upto = found.partition_point(|&i| candidates[i].start < m.end);
                        found[..upto]
                            .iter()
                            .rev()
                            .map(|&i| &candidates[i])
                            .find(|c| c.end <= m.end)
                            .map(|c| c.name.clone())
                    });
                    let e = match people.get(&key).copied() {
                        Some(e) => e,
                        None => {
                            let name = match full {
                                Some(f) if f.len() > m.name.len() => f,
                                _ => m.name.clone(),
                            };
                            ents.push(EntityB {
                                name,
                                kind: EntityKind::Person,
                                roles: Vec::new(),
                                mentions: Vec::new(),
                                gender: m.gender,
                            });
                            people.insert(key, ents.len() - 1);
                            ents.len() - 1
                        }
                    };
                    if m.name.len() > ents[e].name.len() && m.name.contains(' ') {
                        ents[e].name = m.name.clone();
                        people.entry(surname(&m.name)).or_insert(e);
                    }
                    if ents[e].gender == Gender::Unknown {
                        ents[e].gender = m.gender;
                    }
                    entity = Some(e);
                }
                EntityKind::Organization => {
                    let key = m.name.trim_start_matches("the ").to_lowercase();
                    let e = match orgs.get(&key) {
                        Some(&e) => e,
                        None => {
                            ents.push(EntityB {
                                name: m.name.clone(),
                                kind: EntityKind::Organization,
                                roles: Vec::new(),
                                mentions: Vec::new(),
                                gender: Gender::Neuter,
                            });
                            orgs.insert(key, ents.len() - 1);
                            ents.len() - 1
                        }
                    };
                    entity = Some(e);
                }
                _ => {
                    // "the spokesman": the entity with that role, else one of its own.
                    let head = m
                        .name
                        .split_whitespace()
                        .last()
                        .unwrap_or_default()
                        .to_lowercase();
                    let by_role = (m.kind == EntityKind::Person)
                        .then(|| {
                            ents.iter().rposition(|e| {
                                e.roles.iter().any(|r| r.to_lowercase().contains(&head))
                            })
                        })
                        .flatten();
                    let e = by_role.unwrap_or_else(|| {
                        ents.push(EntityB {
                            name: m.name.clone(),
                            kind: m.kind,
                            roles: Vec::new(),
                            mentions: Vec::new(),
                            gender: Gender::Unknown,
                        });
                        ents.len() - 1
                    });
                    entity = Some(e);
                }
            }
            let e = entity.expect("named mentions always resolve");
            ents[e].mentions.push(span(m));
            // (a name without its role in the mention, "… was welcomed by Zalmay Khalilzad,
            // U.S. special representative …": the apposition the name has in the text)
            let in_text = || {
                let at = candidates.partition_point(|c| c.start < m.start);
                candidates
                    .get(at)
                    .filter(|c| c.start == m.start)
                    .and_then(|c| c.role.as_ref())
            };
            if let Some(r) = m.role.as_ref().or_else(in_text)
                && !ents[e].roles.contains(r)
            {
                ents[e].roles.push(r.clone());
            }
        }
        if let Some(e) = entity {
            match ents[e].kind {
                EntityKind::Person | EntityKind::Anonymous => person_trail.push((m.start, e)),
                EntityKind::Organization => org_trail.push((m.start, e)),
                _ => {}
            }
        }
        out.push(Resolved {
            entity,
            name: entity.map_or_else(|| m.name.clone(), |e| ents[e].name.clone()),
            kind: entity.map_or(m.kind, |e| ents[e].kind),
            role: m
                .role
                .clone()
                .or_else(|| entity.and_then(|e| ents[e].roles.first().cloned())),
        });
    }
    (out, ents)
}
