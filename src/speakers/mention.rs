//! The mention grammar: the noun phrase a cue attributes a statement to.

#[allow(unused_imports)]
use super::*;
use crate::cues::{CueHit, CueKind, is_aux, is_modifier, plain_noun};
use crate::lexicon::{Gender, LEXICON};
use crate::model::{EntityKind, Span};
use crate::segment::{Tok, Token, is_capitalized};

/// A speaker mention as the grammar read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// The name inside the mention, without titles ("Suhail Shaheen"), or the pronoun.
    pub name: String,
    pub role: Option<String>,
    pub kind: EntityKind,
    pub gender: Gender,
    /// A pronoun ("he", "they", "who"): resolved later.
    pub pronoun: bool,
}

/// Capitalised words that begin a sentence without being part of a name.
pub(crate) fn is_starter(word: &str) -> bool {
    crate::lexicon::LEXICON.starters.contains(word)
}

pub(crate) fn is_time_word(word: &str) -> bool {
    is_starter(word)
        && word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() && word.len() > 2)
        && matches!(
            word,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "Today"
                | "Yesterday"
        )
}

/// Whether a token can stand inside a speaker mention.
pub(crate) fn np_token(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return false;
    }
    let w = t.text(text);
    if is_time_word(w) {
        return false;
    }
    let lower = crate::lexicon::lower(w);
    let lx = &*LEXICON;
    is_capitalized(w)
        || ((lower.ends_with("’s") || lower.ends_with("'s")) && lower.len() > 3)
        || lx.roles.contains_key(&*lower)
        || lx.documents.contains(&*lower)
        || is_modifier(&lower)
        || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
}

pub(crate) fn pronoun(text: &str, t: &Token) -> Option<Mention> {
    let lower = t.text(text).to_lowercase();
    if matches!(lower.as_str(), "his" | "her" | "their") {
        return None; // possessives speak only through a nominal cue
    }
    any_pronoun(text, t)
}

/// A pronoun, possessives ("his", "her", "their") included.
pub(crate) fn any_pronoun(text: &str, t: &Token) -> Option<Mention> {
    if t.kind != Tok::Word {
        return None;
    }
    let w = t.text(text);
    let lower = w.to_lowercase();
    let gender = *LEXICON.pronouns.get(lower.as_str())?;
    let kind = match gender {
        Gender::Neuter => EntityKind::Organization,
        _ => EntityKind::Person,
    };
    Some(Mention {
        start: t.start,
        end: t.end,
        name: w.to_string(),
        role: None,
        kind,
        gender,
        pronoun: true,
    })
}

/// The speaker mention of a cue in sentence `sent`; `quote` is the token of the first
/// quotation the cue governs in that sentence, if any.
pub(crate) fn for_cue(
    text: &str,
    toks: &[Token],
    sent: &std::ops::Range<usize>,
    cues: &[CueHit],
    c: CueHit,
    quote: Option<usize>,
) -> Option<Mention> {
    let after = c.tok + c.len;
    match c.kind {
        CueKind::According | CueKind::Dash => {
            let hi = match quote {
                Some(q) if q > c.tok => q,
                _ => sent.end,
            };
            right(text, toks, after, hi).or_else(|| {
                (c.kind == CueKind::According)
                    .then(|| source_phrase(text, toks, after, hi))
                    .flatten()
            })
        }
        CueKind::Noun => {
            // "her remark", "Trump's call for": the possessor; "issued a statement": the
            // clause's subject.
            let mut i = c.tok;
            while i > sent.start && i + 4 > c.tok {
                let t = toks[i - 1];
                let w = t.text(text);
                if let Some(m) = any_pronoun(text, &t)
                    .filter(|_| matches!(w, "his" | "her" | "their" | "His" | "Her" | "Their"))
                {
                    return Some(m);
                }
                if w.ends_with("’s") || w.ends_with("'s") {
                    let mut m = left(text, toks, sent.start, i)?;
                    if m.name.ends_with("’s") || m.name.ends_with("'s") {
                        let cut = m.name.len()
                            - if m.name.ends_with("’s") {
                                "’s".len()
                            } else {
                                2
                            };
                        m.name.truncate(cut);
                    }
                    m.end -= if w.ends_with("’s") { "’s".len() } else { 2 };
                    return Some(m);
                }
                if matches!(w, "a" | "an" | "the" | "this") {
                    break;
                }
                i -= 1;
            }
            subject(text, toks, sent.start, c.tok)
        }
        CueKind::Colon => {
            // "He continued with an appeal to voters:", "X released the following statement:":
            // the speaker of a verb of saying earlier in the sentence, or the subject; the
            // mention right before the colon only when it opens the sentence ("Smith: …").
            let prev = cues
                .iter()
                .copied()
                .filter(|p| p.tok < c.tok)
                .rev()
                .find(|p| p.kind == CueKind::Verb && p.speech);
            if let Some(p) = prev {
                return for_cue(text, toks, sent, cues, p, None);
            }
            let near = left(text, toks, sent.start, c.tok);
            let opens = near.as_ref().is_some_and(|m| {
                toks[sent.start..c.tok]
                    .iter()
                    .all(|t| t.start >= m.start || is_starter(t.text(text)) || t.kind == Tok::Punct)
                    // "… interplay has been important - Philip Bump: “…”"
                    || toks[sent.start..c.tok]
                        .iter()
                        .rev()
                        .find(|t| t.end <= m.start)
                        .is_some_and(|t| matches!(t.text(text), "-" | "—" | "–" | "--"))
            });
            if opens {
                return near;
            }
            subject(text, toks, sent.start, c.tok).or(near)
        }
        CueKind::Verb => {
            // A participle after a comma or a preposition ("…, adding that", "by calling X
            // “…”"), or a verb after "and"/"but", shares the speaker of the clause before:
            // the previous cue's, else the sentence's subject.
            let word = &text[c.start..c.end];
            let mut b = c.tok;
            while b > sent.start
                && toks[b - 1].kind == Tok::Word
                && crate::cues::aux_or_negated(toks[b - 1].text(text))
            {
                b -= 1;
            }
            // A quotation that ends with a comma counts as the comma ("“…,” adding", and
            // "''…,'' adding" in an archive's doubled apostrophes).
            let before = (b > sent.start).then(|| {
                let t = toks[b - 1];
                let s = t.text(text);
                if crate::cues::comma_before(text, toks, sent.start, b) {
                    ","
                } else {
                    s
                }
            });
            // "calling on": the first word carries the form.
            let ing_form = word
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("ing"));
            let participle = ing_form
                && matches!(
                    before,
                    Some("," | "by" | "after" | "while" | "before" | "when" | "in")
                );
            // "she issued a statement calling on", "wrote a letter to the mayor asking": a
            // participle after a document speaks for whoever made the document.
            if ing_form
                && before.is_some_and(|w| w != ",")
                && let Some(d) = (sent.start.max(b.saturating_sub(8))..b).rev().find(|&d| {
                    LEXICON
                        .documents
                        .contains(&*crate::lexicon::lower(toks[d].text(text)))
                })
                // The document's determiner, a word or two before it ("a news article").
                && let Some(e) = (sent.start.max(d.saturating_sub(3))..d)
                    .rev()
                    .find(|&e| is_det(&toks[e].text(text).to_lowercase()))
                && e >= sent.start + 2
                && toks[e - 1].kind == Tok::Word
                && !is_capitalized(toks[e - 1].text(text))
                && !is_det(&toks[e - 1].text(text).to_lowercase())
                && let Some(m) = left(text, toks, sent.start, e - 1)
            {
                return Some(m);
            }
            // "That record prompted Dave Leip's Atlas, which …, to state, “…”": the object of
            // a verb like "prompt" or "urge" speaks.
            if before == Some("to")
                && b >= sent.start + 3
                && let Some(m) = left(text, toks, sent.start, b - 1)
                && !m.pronoun
                && let Some(v) = toks[sent.start..b - 1]
                    .iter()
                    .rev()
                    .find(|t| t.end <= m.start)
                && LEXICON.control_verbs.contains(v.text(text))
            {
                return Some(m);
            }
            // "and said", "but said", "went on to say"
            let coordinated = matches!(before, Some("and" | "but" | "to"));
            if participle || coordinated {
                let prev = cues
                    .iter()
                    .copied()
                    .filter(|p| p.tok < c.tok)
                    .rev()
                    .find(|p| {
                        // (not a participle opening the sentence: "Asked whether …, Mrs.
                        // Clinton shook her head and said, ''No.''")
                        p.kind == CueKind::Verb
                            && p.tok > sent.start
                            && !text[p.start..p.end].ends_with("ing")
                            && crate::cues::verb_position(text, toks, sent.start, *p)
                    });
                let q = quote.filter(|&q| q < c.tok);
                return prev
                    .and_then(|p| for_cue(text, toks, sent, cues, p, q))
                    .or_else(|| subject(text, toks, sent.start, c.tok))
                    .or_else(|| {
                        // "The town released a statement and welcomed …": the mention before
                        // the sentence's first verb, known by its form.
                        let v = (sent.start + 1..b).find(|&k| {
                            let w = toks[k].text(text);
                            toks[k].kind == Tok::Word
                                && !is_capitalized(w)
                                && (w.ends_with("ed")
                                    || matches!(w, "is" | "are" | "was" | "were" | "has" | "have"))
                        })?;
                        left(text, toks, sent.start, v)
                    });
            }
            let (lo, hi) = match quote {
                Some(q) if q < c.tok => (q + 1, sent.end),
                Some(q) => (sent.start, q),
                None => (sent.start, sent.end),
            };
            // "Rubio was asked by moderator Gerard Baker whether …": the passive's agent.
            // ("As reported by Western Journalism, …": "as" stands for the auxiliary.)
            if b > sent.start
                && matches!(
                    toks[b - 1].text(text),
                    "was" | "were" | "been" | "being" | "is" | "are" | "as" | "As"
                )
                && toks.get(after).is_some_and(|t| t.text(text) == "by")
                && let Some(m) = right(text, toks, after + 1, hi)
            {
                return Some(m);
            }
            // The speaker after the verb only in inverted order (“…,” said Smith; "…, said
            // Smith."); elsewhere what follows the verb is its object.
            let inverted = b == sent.start
                || matches!(toks[b - 1].kind, Tok::Quote(_))
                || crate::cues::comma_before(text, toks, sent.start, b)
                || matches!(toks[b - 1].text(text), ")" | "—" | "--");
            // A mention right after the verb in inverted order speaks: "…, it is unusual, said
            // Matt Latimer" (what stands before the comma is the clause).
            if crate::cues::comma_before(text, toks, sent.start, b)
                && !crate::cues::apposed_subject(text, toks, sent.start, b)
                && c.lemma != "tell"
                && LEXICON.inverting_verbs.contains(c.lemma)
                && let Some(m) = right(text, toks, after, hi)
                && toks.get(after).is_some_and(|t| {
                    let w = t.text(text);
                    t.start == m.start
                        && (is_capitalized(w)
                            || is_det(&w.to_lowercase())
                            || LEXICON.roles.contains_key(&*crate::lexicon::lower(w)))
                })
                // … and nothing but a comma or the sentence's end after it (not "Smith, the
                // mayor, said Trump would win")
                && toks[after..sent.end]
                    .iter()
                    .find(|t| t.start >= m.end)
                    .is_none_or(|t| matches!(t.text(text), "," | "." | "!" | ";"))
            {
                return Some(m);
            }
            // "Some economists - including a minority of the committee - warn …", "Byrne —
            // who was posted at the door — states …": the mention before an aside between
            // dashes.
            if b > lo.max(sent.start) + 2
                && crate::cues::is_aside_dash(toks[b - 1].text(text))
                && let Some(k) = (lo.max(sent.start).max(b.saturating_sub(16))..b - 1)
                    .rev()
                    .find(|&k| crate::cues::is_aside_dash(toks[k].text(text)))
                && let Some(m) = left(text, toks, lo.max(sent.start), k)
            {
                return Some(m);
            }
            left(text, toks, lo.max(sent.start), c.tok)
                .or_else(|| inverted.then(|| right(text, toks, after, hi)).flatten())
                .or_else(|| subject_with_phrase(text, toks, lo.max(sent.start), b))
        }
    }
}

/// "Those surveyed said", "New polls released Sunday showed", "The leading candidates for
/// president Thursday lashed out": the subject of the clause from `lo` with a phrase after its
/// noun, up to the verb at `b` — the phrase opening with a preposition, a participle or a time,
/// and holding no verb, comma, clause, object pronoun or negation. The last resort of
/// [`for_cue`] when nothing stands right before the verb.
pub(crate) fn subject_with_phrase(
    text: &str,
    toks: &[Token],
    lo: usize,
    b: usize,
) -> Option<Mention> {
    let mut m = subject(text, toks, lo, b)?;
    let rest: Vec<&Token> = toks[lo..b].iter().filter(|t| t.start >= m.end).collect();
    // (not "the U.S. backed Afghanistan government", a name that goes on)
    let prep = |t: &Token| {
        let w = t.text(text);
        LEXICON.function_words.contains(w) || w == "of"
    };
    let adjunct = |t: &Token| {
        let w = crate::lexicon::lower(t.text(text));
        LEXICON.adjunct_openers.contains(&*w) || is_time_word(&w)
    };
    let opens = rest.first().is_some_and(|t| {
        let w = t.text(text);
        prep(t)
            || adjunct(t)
            || (w.ends_with("ed")
                && !is_capitalized(w)
                && rest.get(1).is_none_or(|n| prep(n) || adjunct(n)))
    }) && !rest.iter().any(|t| {
        let w = t.text(text);
        w.ends_with("n't")
            || w.ends_with("n’t")
            || matches!(w, "me" | "him" | "her" | "us" | "them")
    });
    let plain = opens
        && rest.len() <= 12
        && rest.iter().all(|t| {
            let w = t.text(text);
            t.kind == Tok::Word
                && !LEXICON.finite_forms.contains(w)
                && !LEXICON.clause_openers.contains(w)
                && !matches!(w, "and" | "but" | "or")
                && !LEXICON.verbs.contains_key(&*crate::lexicon::lower(w))
        });
    plain.then(|| {
        m.end = toks[b - 1].end;
        m
    })
}

/// What "according to" names when it is no person's or organisation's name: "state corporate
/// records", "exit polls reported by CNN", "officials familiar with the system", "him" — the
/// phrase up to the comma or the sentence's end, a document when its head is one.
pub(crate) fn source_phrase(text: &str, toks: &[Token], from: usize, hi: usize) -> Option<Mention> {
    if from >= hi {
        return None;
    }
    let w = crate::lexicon::lower(toks[from].text(text));
    if matches!(&*w, "him" | "her" | "them" | "me" | "us") {
        let gender = match &*w {
            "him" => Gender::Male,
            "her" => Gender::Female,
            "them" | "us" => Gender::Plural,
            _ => Gender::Unknown,
        };
        let t = toks[from];
        return Some(Mention {
            start: t.start,
            end: t.end,
            name: t.text(text).to_string(),
            role: None,
            kind: EntityKind::Person,
            gender,
            pronoun: true,
        });
    }
    let mut end = (from..hi)
        .find(|&i| {
            matches!(toks[i].text(text), "," | "(" | ";" | ":")
                || crate::cues::is_dash(toks[i].text(text))
        })
        .unwrap_or(hi);
    while end > from && matches!(toks[end - 1].text(text), "." | "!" | "?") {
        end -= 1;
    }
    if end == from
        || end - from > 14
        || toks[from..end]
            .iter()
            .any(|t| t.kind != Tok::Word && t.text(text) != "-" && t.text(text) != ".")
    {
        return None;
    }
    // The head: the last word before a phrase that qualifies it ("exit polls reported by …",
    // "officials familiar with …").
    let head_end = (from + 1..end)
        .find(|&i| {
            let w = crate::lexicon::lower(toks[i].text(text));
            matches!(
                &*w,
                "by" | "from"
                    | "of"
                    | "with"
                    | "for"
                    | "in"
                    | "on"
                    | "conducted"
                    | "reported"
                    | "released"
                    | "familiar"
                    | "close"
                    | "who"
                    | "that"
            )
        })
        .unwrap_or(end);
    let head = crate::lexicon::lower(toks[head_end - 1].text(text));
    let kind = if LEXICON.documents.contains(&*head) {
        EntityKind::Document
    } else if LEXICON.roles.contains_key(&*head) {
        EntityKind::Anonymous
    } else {
        EntityKind::Unknown
    };
    Some(phrase(text, &toks[from..end], kind))
}

/// A group named by a phrase, not by a name ("state corporate records", "About three in 10").
pub(crate) fn phrase(text: &str, toks: &[Token], kind: EntityKind) -> Mention {
    let (start, stop) = (toks[0].start, toks[toks.len() - 1].end);
    Mention {
        start,
        end: stop,
        name: text[start..stop].to_string(),
        role: None,
        kind,
        gender: Gender::Plural,
        pronoun: false,
    }
}

/// A share of the people polled or counted, ending before token `end`: "About three in 10",
/// "Nearly half of Republicans", "43 percent", "most of them", "two-thirds of voters
/// overall".
pub(crate) fn quantity(text: &str, toks: &[Token], lo: usize, end: usize) -> Option<Mention> {
    // Words that qualify an amount ("about", "more than"), and may open the share.
    let qualifier = |w: &str| {
        matches!(
            w,
            "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "just"
                | "only"
                | "more"
                | "less"
                | "fewer"
                | "a"
        )
    };
    let glue = |w: &str| {
        qualifier(w)
            || matches!(
                w,
                "in" | "of" | "than" | "percent" | "%" | "the" | "them" | "those" | "overall"
            )
    };
    // (A year is no amount: "who in 2010 said".)
    let year = |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y));
    let amount = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
            && !year(w)
            || LEXICON.quantities.contains(w)
    };
    // The head first: most mentions end in a name, not an amount or a plural.
    let last = crate::lexicon::lower(toks[end - 1].text(text));
    let head = amount(&last)
        || matches!(
            &*last,
            "them" | "overall" | "surveyed" | "polled" | "percent" | "%"
        )
        || (last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"));
    if !head {
        return None;
    }
    let mut s = end;
    let mut core = false;
    while s > lo && end - s < 9 {
        let t = toks[s - 1];
        let w = t.text(text);
        let lower = crate::lexicon::lower(w);
        let q = amount(&lower);
        let noun = t.kind == Tok::Word
            && !LEXICON.pronouns.contains_key(&*lower)
            && (crate::cues::plain_noun(text, &t) || is_capitalized(w) && !is_starter(w));
        if !(q || glue(&lower) || noun) {
            break;
        }
        core |= q;
        s -= 1;
    }
    // It opens with the amount or a word that qualifies it, not with "in" or a noun.
    while s < end {
        let w = crate::lexicon::lower(toks[s].text(text));
        if amount(&w) || qualifier(&w) {
            break;
        }
        s += 1;
    }
    let opens_with_amount = toks[s..end]
        .iter()
        .take(3)
        .any(|t| amount(&crate::lexicon::lower(t.text(text))));
    // It stands alone (after the sentence's start, a comma or a conjunction, not inside a
    // noun phrase: "Podliska's most explosive"), and ends in an amount, a plural noun or a
    // word for those asked ("them", "overall", "surveyed").
    let alone = s == lo || {
        let w = toks[s - 1].text(text);
        matches!(
            w,
            "," | ";" | ":" | "—" | "--" | "and" | "but" | "while" | "yet" | "whereas"
        ) || is_starter(w)
    };
    if !core || !opens_with_amount || !alone {
        return None;
    }
    Some(phrase(text, &toks[s..end], EntityKind::Unknown))
}

/// The mention that ends just before token `cue` (skipping "also", "had" …), not reaching
/// before token `lo`.
pub(crate) fn left(text: &str, toks: &[Token], lo: usize, cue: usize) -> Option<Mention> {
    let mut i = cue;
    // "is pledging", "was criticizing": the progressive's auxiliary goes with the verb.
    let progressive = toks[cue].text(text).ends_with("ing");
    while i > lo
        && toks[i - 1].kind == Tok::Word
        // ("Both argue": a quantity opening the sentence is its subject)
        && !(i - 1 == lo
            && LEXICON
                .quantities
                .contains(&*crate::lexicon::lower(toks[i - 1].text(text))))
        && (crate::cues::aux_or_negated(toks[i - 1].text(text))
            || (progressive
                && matches!(
                    toks[i - 1].text(text),
                    "is" | "was" | "are" | "were" | "been" | "be"
                )))
    {
        i -= 1;
    }
    // "Trump has lately started asking …", "kept calling": a verb of aspect before a
    // participle, with its auxiliaries and an adverb in -ly, goes with the verb.
    if progressive
        && i == cue
        && i > lo + 1
        && LEXICON
            .aspect_verbs
            .contains(&*crate::lexicon::lower(toks[i - 1].text(text)))
    {
        i -= 1;
        while i > lo + 1
            && toks[i - 1].kind == Tok::Word
            && (crate::cues::aux_or_negated(toks[i - 1].text(text)) || {
                let w = toks[i - 1].text(text);
                w.len() > 4 && w.ends_with("ly") && !is_capitalized(w)
            })
        {
            i -= 1;
        }
    }
    // "Beck on Wednesday called", "Priebus later Thursday told": a time between the subject
    // and its verb.
    let time_noun = |w: &str| {
        is_time_word(w)
            || matches!(
                w,
                "week"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "weekend"
                    | "today"
                    | "yesterday"
                    | "tonight"
            )
    };
    if i > lo + 1 && time_noun(toks[i - 1].text(text)) {
        let mut j = i - 1;
        while j > lo
            && i - j < 4
            && matches!(
                toks[j - 1].text(text),
                "on" | "during" | "last" | "this" | "a" | "later" | "earlier" | "late" | "early"
                    // ("A Monmouth poll out Monday showed")
                    | "out"
            )
        {
            j -= 1;
        }
        if j < i - 1 || matches!(toks[i - 1].text(text), "today" | "yesterday" | "tonight") {
            i = j;
            while i > lo && toks[i - 1].kind == Tok::Word && is_aux(toks[i - 1].text(text)) {
                i -= 1;
            }
        }
    }
    if i == lo {
        return None;
    }
    // "a source close to him", "people familiar with the talks": the mention is the noun
    // phrase before the adjective of relation; the phrase after it belongs to the mention.
    if let Some(a) = (lo.max(i.saturating_sub(7))..i.saturating_sub(2))
        .rev()
        .find(|&a| {
            // (lower-case in running text: no case folding needed)
            matches!(toks[a + 1].text(text), "to" | "with")
                && LEXICON.relation_adjectives.contains(toks[a].text(text))
                && toks[a + 2..i].iter().all(|t| {
                    t.kind == Tok::Word
                        && !crate::cues::is_aux(t.text(text))
                        && !is_starter(t.text(text))
                })
        })
        && a > lo
        && let Some(mut m) = left(text, toks, lo, a)
        && !m.pronoun
    {
        m.end = toks[i - 1].end;
        return Some(m);
    }
    if let Some(m) = quantity(text, toks, lo, i) {
        return Some(m);
    }
    if let Some(m) = pronoun(text, &toks[i - 1]) {
        return Some(m);
    }
    let mut appos = None;
    let mut end = i;
    // Peel an apposition (", ROLE,") and a parenthesis ("(D-Md.)"), in either order.
    for _ in 0..3 {
        if end <= lo {
            return None;
        }
        // A quotation ending in a comma closes an apposition too: "Hemsley, the co-author
        // of “Going Viral,” said".
        let last = toks[end - 1];
        let quote_comma = matches!(last.kind, Tok::Quote(_))
            && last
                .text(text)
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(',');
        match if quote_comma { "," } else { last.text(text) } {
            // "Clinton, 35, the daughter of …, said": a short apposition (an age) before the
            // long one.
            "," if appos.is_some()
                && end >= lo + 3
                && toks[end - 2].kind == Tok::Word
                && toks[end - 2].text(text).chars().all(|c| c.is_ascii_digit())
                && toks[end - 3].text(text) == "," =>
            {
                end -= 3;
            }
            "," if appos.is_none() => {
                let from = (end - 1).saturating_sub(32).max(lo);
                // "Clinton, during a town hall meeting in Columbus, Ohio, said": an adverbial
                // between commas (a place's own commas inside it) stands for no one.
                let commas: Vec<usize> = (from..end - 1)
                    .rev()
                    .filter(|&k| toks[k].text(text) == ",")
                    .take(3)
                    .collect();
                if let Some(n) = commas.iter().position(|&k| {
                    toks.get(k + 1).is_some_and(|t| {
                        let w = t.text(text);
                        !is_capitalized(w)
                            && LEXICON
                                .adverbial_openers
                                .contains(&*crate::lexicon::lower(w))
                    })
                }) && (0..n).all(|m| {
                    // "Columbus, Ohio,": a place's commas set off a word or two, all names.
                    let next = if m == 0 { end - 1 } else { commas[m - 1] };
                    next - commas[m] <= 3
                        && toks[commas[m] + 1..next]
                            .iter()
                            .all(|t| is_capitalized(t.text(text)))
                }) && commas[n] > lo
                {
                    end = commas[n];
                    continue;
                }
                // "a woman in Worcester, Massachusetts, told": a place and its state are
                // one name, the object of the preposition before them.
                if let Some(&k) = commas.first()
                    && end - 1 - k <= 3
                    && toks[k + 1..end - 1]
                        .iter()
                        .all(|t| is_capitalized(t.text(text)))
                    && let Some(p) = (k.saturating_sub(4).max(lo)..k)
                        .rev()
                        .find(|&p| !is_capitalized(toks[p].text(text)))
                    && matches!(toks[p].text(text), "in" | "of" | "from" | "at" | "near")
                {
                    // … unless a name and a comma open the stretch: "Mr. Daniloff, now 81
                    // and retired in Cambridge, Mass., said" is one apposition.
                    if let Some(&k2) = commas.get(1)
                        && k2 > lo
                        && is_capitalized(toks[k2 - 1].text(text))
                        && toks[k2 - 1].kind == Tok::Word
                        && toks[k2 + 1..p].iter().all(|t| t.kind == Tok::Word)
                    {
                        appos = Some((k2 + 1, end - 1));
                        end = k2;
                        continue;
                    }
                    end = k;
                    break;
                }
                // NAME, ROLE, said: the apposition between two commas; a relative clause
                // ("who introduced a bill …") may be longer.
                let j = (from..end - 1).rev().find(|&j| toks[j].text(text) == ",")?;
                let long = end - 1 - j > 18;
                let relative = toks
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.text(text), "who" | "which" | "whose"));
                if long && !relative {
                    return None;
                }
                appos = Some((j + 1, if quote_comma { end } else { end - 1 }));
                end = j;
            }
            ")" => {
                let from = (end - 1).saturating_sub(8).max(lo);
                end = (from..end - 1).rev().find(|&j| toks[j].text(text) == "(")?;
            }
            _ => break,
        }
    }
    // "Clinton, 35, the daughter of …, said": an age between the name and the apposition.
    if appos.is_some()
        && end >= lo + 3
        && toks[end - 1].text(text).chars().all(|c| c.is_ascii_digit())
        && toks[end - 2].text(text) == ","
    {
        end -= 2;
    }
    let mut s = end;
    while s > lo && np_token(text, &toks[s - 1]) {
        s -= 1;
    }
    // "The transport secretary said": plain nouns between a determiner and the head.
    if s < end && s > lo && plain_noun(text, &toks[s - 1]) {
        let det = (lo.max(s.saturating_sub(3))..s)
            .rev()
            .find(|&d| is_det(&toks[d].text(text).to_lowercase()));
        if let Some(d) = det
            && toks[d + 1..s].iter().all(|t| plain_noun(text, t))
        {
            s = d;
        }
    }
    // "a White House official who spoke anonymously to discuss strategy said": the
    // mention before a relative clause that runs up to the verb.
    if s == end
        && appos.is_none()
        && let Some(w) = (lo.max(end.saturating_sub(16))..end)
            .rev()
            .find(|&w| matches!(toks[w].text(text), "who" | "which"))
        && w > lo
        && !toks[w..end]
            .iter()
            .any(|t| matches!(t.kind, Tok::Quote(_)) || t.text(text) == ",")
        && let Some(m) = left(text, toks, lo, w)
            // "Katie Packer, who is chairman of Our Principles PAC said": the relative
            // clause opened by a comma that the writer never closed.
            .or_else(|| {
                (w > lo + 1 && toks[w - 1].text(text) == ",")
                    .then(|| left(text, toks, lo, w - 1))
                    .flatten()
            })
        && !m.pronoun
    {
        return Some(m);
    }
    if s == end && end >= lo + 2 && plain_noun(text, &toks[end - 1]) {
        // "the authors said", "the newspaper admitted": a plain noun closing a phrase that
        // a determiner opens ("the U.S. backed Afghanistan government": a participle after
        // a name is one of its modifiers).
        let det = (lo.max(end.saturating_sub(5))..end - 1)
            .rev()
            .find(|&d| is_det(&toks[d].text(text).to_lowercase()));
        if let Some(d) = det
            && (d + 1..end - 1).all(|k| {
                let t = &toks[k];
                np_token(text, t)
                    || plain_noun(text, t)
                    || (k > d + 1
                        && t.text(text).ends_with("ed")
                        && is_capitalized(toks[k - 1].text(text)))
            })
        {
            s = d;
        }
    }
    // "Authorities reported", "Media outlets estimate", "Two other emails highlight": a
    // bare plural opening the sentence, with no determiner.
    if s == end
        && end > lo
        && end - lo <= 4
        && toks[lo..end].iter().all(|t| {
            t.kind == Tok::Word
                && (plain_noun(text, t)
                    || is_capitalized(t.text(text))
                    || t.text(text).chars().all(|c| c.is_ascii_digit())
                    || crate::cues::is_modifier(&t.text(text).to_lowercase()))
        })
        && {
            let head = toks[end - 1].text(text);
            head.len() > 3 && head.ends_with('s') && !head.ends_with("ss") && !is_capitalized(head)
                || (end - lo == 1 && head.len() > 3 && head.ends_with('s'))
        }
    {
        s = lo;
    }
    // "… that investigators said", "but security specialists say": a bare plural after a
    // word that opens a clause.
    if s == end
        && end > lo
        && {
            let head = toks[end - 1].text(text);
            head.len() > 3
                && head.ends_with('s')
                && !head.ends_with("ss")
                && !is_capitalized(head)
                && plain_noun(text, &toks[end - 1])
        }
        && let Some(b) = (lo.max(end.saturating_sub(3))..end)
            .find(|&b| toks[b..end].iter().all(|t| plain_noun(text, t)))
        && (b == lo || {
            let w = crate::lexicon::lower(toks[b - 1].text(text));
            w == ","
                || w == "that"
                || LEXICON.clause_joiners.contains(&*w)
                || matches!(&*w, "which" | "who" | "where")
        })
    {
        s = b;
    }
    // "a spokeswoman for the operator", "an official with the ministry": the head is the
    // role before the preposition.
    if s > lo + 1
        && s < end
        && matches!(
            toks[s - 1].text(text),
            "for" | "of" | "with" | "at" | "from"
        )
    {
        let mut h = s - 1;
        while h > lo
            && (np_token(text, &toks[h - 1]) || plain_noun(text, &toks[h - 1]))
            && s - h < 6
        {
            h -= 1;
        }
        let head = toks[s - 2].text(text).to_lowercase();
        if h < s - 1
            && LEXICON.roles.contains_key(head.as_str())
            && let Some(mut m) = build(text, &toks[h..s - 1], None)
        {
            m.end = toks[end - 1].end;
            m.role = Some(words_text(text, strip_det(text, &toks[h..end])));
            return Some(m);
        }
    }
    // "Voters in the state said", "supporters across the four states say": a noun phrase
    // and a phrase after it; the mention is the first, and runs to the verb.
    if s == end
        && appos.is_none()
        && let Some(p) = (lo.max(end.saturating_sub(6))..end.saturating_sub(1))
            .rev()
            .find(|&p| matches!(toks[p].text(text), "in" | "from" | "across" | "at" | "of"))
        && p > lo
        && toks[p + 1..end].iter().all(|t| {
            np_token(text, t) || plain_noun(text, t) || is_det(&t.text(text).to_lowercase())
        })
        && let Some(mut m) = left(text, toks, lo, p)
        && !m.pronoun
        && (m.kind != EntityKind::Unknown || m.name.ends_with('s'))
    {
        m.end = toks[end - 1].end;
        return Some(m);
    }
    // A mention opens with neither a starter nor a joining word ("and Clinton").
    while s < end
        && (is_starter(toks[s].text(text))
            || matches!(toks[s].text(text), "and" | "or" | "of" | "for"))
    {
        s += 1;
    }
    if s == end {
        return None;
    }
    // "after winning Ohio in the primary, Gov. John Kasich (R-OH), said": the phrase before
    // the commas is a preposition's object; the speaker is what stands between them.
    if let Some((a, b)) = appos
        && s > lo
        && b < toks.len()
        && toks[b].text(text) == ","
        && matches!(
            toks[s - 1].text(text),
            "in" | "at" | "on" | "during" | "after" | "before" | "since" | "of" | "from"
        )
        && is_capitalized(toks[a].text(text))
        && b - a > 2
        && let Some(m) = left(text, toks, a, b)
    {
        return Some(m);
    }
    // A phrase opening with a preposition next to the verb: the mention before it, read once.
    let prep = (appos.is_none() && s > lo + 1).then(|| toks[s - 1].text(text));
    let before = prep
        .filter(|p| {
            matches!(
                *p,
                "in" | "at"
                    | "on"
                    | "during"
                    | "from"
                    | "after"
                    | "before"
                    | "into"
                    | "since"
                    | "via"
                    | "across"
            )
        })
        .and_then(|_| left(text, toks, lo, s - 1));
    if let (Some(p), Some(m)) = (prep, before) {
        // "A survey of 1,000 adults in Iowa showed", "Republicans in Congress said": a
        // document or a group before a place; the mention runs to the verb.
        if matches!(p, "in" | "from" | "across" | "at")
            && !m.pronoun
            && (matches!(m.kind, EntityKind::Document | EntityKind::Organization)
                || (m.kind != EntityKind::Person && m.name.ends_with('s')))
        {
            let mut m = m;
            m.end = toks[end - 1].end;
            return Some(m);
        }
        // "Trump in his announcement speech called", "a staffer in the room wondered": the
        // phrase next to the verb is a preposition's object; the speaker stands before it.
        // ("More from Jones:" is a roundup's source, Jones.)
        if p != "across"
            && !(p == "from" && toks[s - 2].text(text) == "More")
            && (matches!(m.kind, EntityKind::Person | EntityKind::Anonymous) || m.pronoun)
        {
            return Some(m);
        }
    }
    build(text, &toks[s..end], appos.map(|(a, b)| &toks[a..b]))
}

/// The mention that starts at token `from` ("said Smith", "according to the ministry"),
/// not reaching token `hi`.
pub(crate) fn right(text: &str, toks: &[Token], from: usize, hi: usize) -> Option<Mention> {
    if from >= hi {
        return None;
    }
    if let Some(m) = pronoun(text, &toks[from]) {
        return Some(m);
    }
    let mut e = from;
    let leads_to_name = |e: usize| {
        toks[e + 1..hi.min(e + 4)].iter().any(|t| {
            t.kind == Tok::Word
                && (is_capitalized(t.text(text))
                    || LEXICON
                        .roles
                        .contains_key(t.text(text).to_lowercase().as_str()))
        })
    };
    while e < hi
        && (np_token(text, &toks[e])
            || (plain_noun(text, &toks[e])
                && ((e > from
                    && (is_det(&toks[e - 1].text(text).to_lowercase())
                        || (e > from + 1
                            && (plain_noun(text, &toks[e - 1])
                                || is_capitalized(toks[e - 1].text(text)))
                            && is_det(&toks[e - 2].text(text).to_lowercase()))))
                    || leads_to_name(e)
                    || (e > from
                        && is_capitalized(toks[e - 1].text(text))
                        && org_noun(&toks[e].text(text).to_lowercase())))))
    {
        e += 1;
    }
    // Trailing connectors ("the ministry and") are not part of the mention.
    while e > from
        && matches!(
            toks[e - 1].text(text),
            "of" | "and" | "for" | "with" | "the"
        )
    {
        e -= 1;
    }
    if e == from {
        return None;
    }
    // said Smith, a spokesman for the campaign, ...
    let mut appos = None;
    if e < hi && toks[e].text(text) == "," {
        let a = e + 1;
        let mut b = a;
        while b < hi && b - a < 14 && !matches!(toks[b].text(text), "," | "." | ";" | ":") {
            if matches!(toks[b].kind, Tok::Quote(_)) {
                break;
            }
            b += 1;
        }
        let name_run = b > a
            && b - a <= 5
            && toks[a..b]
                .iter()
                .all(|t| t.kind == Tok::Word && is_capitalized(t.text(text)));
        if b > a
            && toks[a].kind == Tok::Word
            && (name_run
                || matches!(
                    toks[a].text(text).to_lowercase().as_str(),
                    "a" | "an" | "the" | "who" | "his" | "her" | "their"
                ))
        {
            appos = Some((a, b));
        }
    }
    build(text, &toks[from..e], appos.map(|(a, b)| &toks[a..b]))
}

pub(crate) fn words_text(text: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// Read a mention's tokens: its name, role and kind.
pub(crate) fn build(text: &str, toks: &[Token], appos: Option<&[Token]>) -> Option<Mention> {
    let lx = &*LEXICON;
    let first = toks.first()?;
    let last = toks.last()?;
    let lw = last.text(text);
    // A mention ends in a head: a name, a role, a noun; never in "the" or "its".
    if matches!(
        lw.to_lowercase().as_str(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "some" | "this"
    ) {
        return None;
    }
    let llower = lw.to_lowercase();
    let appos_role = appos
        .map(|a| {
            let mut a = a;
            while let Some(t) = a.first() {
                if matches!(t.text(text).to_lowercase().as_str(), "a" | "an" | "the") {
                    a = &a[1..];
                } else {
                    break;
                }
            }
            words_text(text, a)
        })
        .filter(|s| !s.is_empty() && !s.starts_with("who"));
    let mut mention = Mention {
        start: first.start,
        end: last.end,
        name: words_text(text, toks),
        role: appos_role.clone(),
        kind: EntityKind::Unknown,
        gender: Gender::Unknown,
        pronoun: false,
    };
    let det = first.text(text).to_lowercase();
    // "Critics said": a capitalised role noun opening the sentence is still a role.
    if toks.len() == 1
        && is_capitalized(lw)
        && let Some(&anon) = lx.roles.get(llower.as_str())
    {
        let plural = llower.ends_with('s') && !llower.ends_with("ss");
        mention.kind = if anon || plural {
            EntityKind::Anonymous
        } else {
            EntityKind::Person
        };
        mention.role = Some(lw.to_string());
        return Some(mention);
    }
    // "Her editor, James Whitfield, said": the role first, the name in apposition.
    if !is_capitalized(lw)
        && let Some(a) = appos.filter(|a| {
            !a.is_empty() && a.len() <= 5 && a.iter().all(|t| is_capitalized(t.text(text)))
        })
        && let Some(mut named) = build(text, a, None)
        && named.kind == EntityKind::Person
    {
        named.start = first.start;
        named.end = a[a.len() - 1].end;
        named.role = Some(words_text(text, strip_det(text, toks)));
        return Some(named);
    }
    if !is_capitalized(lw) {
        // A role or a document: "a senior official", "the spokesman", "the agreement".
        if lx.documents.contains(llower.as_str()) {
            mention.kind = EntityKind::Document;
        } else if let Some(&anon) = lx.roles.get(llower.as_str()) {
            let org_like = matches!(
                llower.as_str(),
                "campaign" | "police" | "members" | "leaders" | "supporters" | "critics"
            ) || org_noun(&llower);
            let definite = matches!(det.as_str(), "the" | "his" | "her" | "their" | "its")
                || toks[1..].iter().any(|t| {
                    let w = t.text(text);
                    is_capitalized(w) || w.ends_with("’s") || w.ends_with("'s")
                });
            let plural = llower.ends_with('s') && !llower.ends_with("ss") && !definite;
            mention.kind = if org_like {
                EntityKind::Organization
            } else if anon || !definite || plural {
                EntityKind::Anonymous
            } else {
                EntityKind::Person
            };
            mention.role = Some(words_text(text, strip_det(text, toks)));
            mention.gender = if llower.ends_with("woman") || llower.ends_with("women") {
                Gender::Female
            } else if llower.ends_with("man") {
                Gender::Male
            } else {
                Gender::Unknown
            };
        } else if org_noun(&llower) {
            // "the transport department", "the company"
            mention.kind = EntityKind::Organization;
        } else if toks.len() >= 2 && is_det(&det) {
            // "the 46-year-old", "a 2008 Clinton veteran", "the authors"
            mention.kind = if matches!(det.as_str(), "a" | "an" | "one" | "another") {
                EntityKind::Anonymous
            } else {
                EntityKind::Unknown
            };
            mention.role = Some(words_text(text, strip_det(text, toks)));
        } else if llower.ends_with('s') && !llower.ends_with("ss") {
            // "Media outlets", "Two other emails": a bare plural, a group of sources.
            mention.kind = EntityKind::Anonymous;
            mention.role = Some(words_text(text, toks));
        } else {
            return None;
        }
        return Some(mention);
    }
    // The name: the trailing run of capitalised words ("of" may join two of them).
    let mut s = toks.len();
    while s > 0 {
        let w = toks[s - 1].text(text);
        let joins_of =
            w == "of" && s >= 2 && s < toks.len() && is_capitalized(toks[s - 2].text(text));
        if is_capitalized(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()) || joins_of {
            s -= 1;
        } else {
            break;
        }
    }
    // "The Taliban": the article is not part of the name.
    if s < toks.len() && toks[s].text(text) == "The" && toks.len() - s > 1 {
        s += 1;
    }
    let run = &toks[s..];
    // Titles at the front of the run are the role's, not the name's.
    let mut n = 0;
    let mut gender = Gender::Unknown;
    let mut title_role: Vec<String> = Vec::new();
    while n + 1 < run.len() {
        let w = run[n].text(text);
        match lx.titles.get(w) {
            Some(g) => {
                if *g != Gender::Unknown {
                    gender = *g;
                }
                if !matches!(w, "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Miss") {
                    title_role.push(w.to_string());
                }
                n += 1;
            }
            None => break,
        }
    }
    // "Finance Minister Ana Silva", "Senate Majority Leader Mitch McConnell": a role word
    // inside the capitalised run ends the role; the name follows it.
    if let Some(r) = (n..run.len().saturating_sub(1)).rev().find(|&i| {
        LEXICON
            .roles
            .contains_key(run[i].text(text).to_lowercase().as_str())
    }) {
        title_role.clear();
        title_role.push(words_text(text, &run[..=r]));
        n = r + 1;
    }
    let name_toks = &run[n..];
    let name = words_text(text, name_toks);
    let before = &toks[..s];
    let the_before = before
        .last()
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("the"));
    let is_org = the_before
        || name_toks
            .iter()
            .any(|t| lx.organizations.contains(t.text(text)))
        || lx.organizations.contains(name.as_str())
        || lx.outlets.contains(&name.as_str())
        || (name_toks.len() == 1
            && (name.ends_with("ans") || name.ends_with("ats") || name.ends_with("ists")));
    if gender == Gender::Unknown
        && let Some(g) = name_toks
            .first()
            .and_then(|t| lx.first_names.get(t.text(text)))
    {
        gender = *g;
    }
    let mut role_parts: Vec<String> = Vec::new();
    let pre = strip_det(text, before);
    if !pre.is_empty() {
        role_parts.push(words_text(text, pre));
    }
    if !title_role.is_empty() {
        role_parts.push(title_role.join(" "));
    }
    if let Some(a) = appos_role {
        role_parts.push(a);
    }
    mention.name = name;
    mention.gender = gender;
    mention.kind = if is_org {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    mention.role = (!role_parts.is_empty()).then(|| role_parts.join(", "));
    if mention.name.is_empty() {
        return None;
    }
    Some(mention)
}

/// A lower-case head that names an organisation: an organisation head word of the lexicon
/// written in lower case ("the department"), or a common noun for a body.
pub(crate) fn org_noun(lower: &str) -> bool {
    let mut cap = String::with_capacity(lower.len());
    let mut chars = lower.chars();
    if let Some(f) = chars.next() {
        cap.extend(f.to_uppercase());
        cap.push_str(chars.as_str());
    }
    LEXICON.organizations.contains(cap.as_str())
        || matches!(
            lower,
            "company"
                | "firm"
                | "government"
                | "newspaper"
                | "paper"
                | "network"
                | "operator"
                | "group"
                | "organization"
                | "organisation"
                | "administration"
                | "agency"
                | "ministry"
                | "department"
                | "committee"
                | "council"
                | "court"
                | "party"
                | "union"
                | "bank"
                | "airline"
                | "team"
                | "club"
                | "school"
                | "university"
                | "hospital"
                | "office"
                | "board"
                | "commission"
                | "regime"
                | "military"
        )
}

pub(crate) fn is_det(lower: &str) -> bool {
    // A possessive determines too: "Powell’s office said".
    (lower.len() > 3 && (lower.ends_with("’s") || lower.ends_with("'s")))
        || crate::lexicon::LEXICON.determiners.contains(lower)
}

/// The subject at the start of a sentence: "On Friday, Trump denied …" → Trump. Used for a
/// participle cue ("…, dismissing X as “…”", "by calling X “…”") whose subject is the
/// sentence's.
pub(crate) fn subject(text: &str, toks: &[Token], lo: usize, hi: usize) -> Option<Mention> {
    // After a dateline ("PHILADELPHIA, July 25 (UPI) — The committee …").
    let mut i = (lo..hi.min(lo + 12))
        .find(|&j| matches!(toks[j].text(text), "—" | "--"))
        .map_or(lo, |j| j + 1);
    // Skip a leading adverbial: starters, time words, a short prepositional phrase, commas.
    let opener = |j: usize| {
        LEXICON
            .adverbial_openers
            .contains(&*crate::lexicon::lower(toks[j].text(text)))
    };
    while i < hi && i - lo < 10 {
        let t = toks[i];
        let w = t.text(text);
        // "In Washington, Trump said", "But after the vote, she said"; not "Then Trump
        // went on the attack, saying".
        // "Hours later, Trump …", "But a few days later, she …"
        if (i == lo || (i == lo + 1 && is_starter(toks[lo].text(text))))
            && let Some(comma) = (i..hi.min(i + 5)).find(|&j| toks[j].text(text) == ",")
            && toks[i..comma]
                .iter()
                .any(|t| matches!(t.text(text), "later" | "earlier" | "ago"))
        {
            i = comma + 1;
            continue;
        }
        if let Some(comma) = (i..hi.min(i + 12)).find(|&j| toks[j].text(text) == ",")
            && i == lo + 1
            && ((is_starter(toks[lo].text(text)) && (opener(lo) || opener(i)))
                // "Walking into the office to chants, the senator said"
                || (toks[lo].text(text).ends_with("ing")
                    && is_capitalized(toks[lo].text(text))
                    && !is_capitalized(toks[i].text(text))))
        {
            i = comma + 1;
            continue;
        }
        if t.kind == Tok::Punct || is_starter(w) || is_time_word(w) {
            i += 1;
            continue;
        }
        // "And while a poll released last week showed …": the subordinate clause's own
        // subject, where no comma closes the clause before the verb.
        if LEXICON.subordinators.contains(&*crate::lexicon::lower(w))
            && !toks[i..hi].iter().any(|t| t.text(text) == ",")
        {
            i += 1;
            continue;
        }
        // "And then Trump", "But also the senator"
        if i > lo && crate::cues::is_aux(w) && !is_capitalized(w) {
            i += 1;
            continue;
        }
        break;
    }
    if i >= hi {
        return None;
    }
    if let Some(m) = pronoun(text, &toks[i]) {
        return Some(m);
    }
    let mut e = i;
    while e < hi && np_token(text, &toks[e]) {
        e += 1;
    }
    // "Netanyahu and other right-wing Israeli leaders": where the run stops inside the
    // phrase, the longest part of it that is a mention.
    (i + 1..=e)
        .rev()
        .find_map(|end| build(text, &toks[i..end], None))
}

pub(crate) fn strip_det<'a>(text: &str, toks: &'a [Token]) -> &'a [Token] {
    let mut t = toks;
    while let Some(f) = t.first() {
        if matches!(
            f.text(text).to_lowercase().as_str(),
            "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its"
        ) {
            t = &t[1..];
        } else {
            break;
        }
    }
    t
}

/// A person named in the text (not necessarily quoted): a candidate antecedent.
#[derive(Debug, Clone)]
pub(crate) struct NameCandidate {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub gender: Gender,
    /// An apposition after the name: "Zalmay Khalilzad, U.S. special representative …,".
    pub role: Option<String>,
}

/// Every run of capitalised words that looks like a person's name: it starts with a title or
/// a known first name, or has two or more words none of which is an organisation head.
pub(crate) fn name_candidates(text: &str, toks: &[Token]) -> Vec<NameCandidate> {
    let lx = &*LEXICON;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let cap = |t: &Token| t.kind == Tok::Word && is_capitalized(t.text(text));
        if !cap(&toks[i]) || is_starter(toks[i].text(text)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < toks.len() && cap(&toks[j]) {
            j += 1;
        }
        let run = &toks[i..j];
        let mut n = 0;
        let mut gender = Gender::Unknown;
        while n + 1 < run.len() {
            match lx.titles.get(run[n].text(text)) {
                Some(g) => {
                    if *g != Gender::Unknown {
                        gender = *g;
                    }
                    n += 1;
                }
                None => break,
            }
        }
        let name_toks = &run[n..];
        let first = name_toks[0].text(text);
        if gender == Gender::Unknown
            && let Some(g) = lx.first_names.get(first)
        {
            gender = *g;
        }
        let orgish = name_toks
            .iter()
            .any(|t| lx.organizations.contains(t.text(text)));
        let the_before = i > 0 && toks[i - 1].text(text).eq_ignore_ascii_case("the");
        if !orgish
            && !the_before
            && (n > 0 || lx.first_names.contains_key(first))
            && (name_toks.len() >= 2 || n > 0)
        {
            let mut name = words_text(text, name_toks);
            for suffix in ["’s", "'s"] {
                if let Some(s) = name.strip_suffix(suffix) {
                    name = s.to_string();
                }
            }
            out.push(NameCandidate {
                start: run[0].start,
                end: run[run.len() - 1].end,
                name,
                gender,
                role: apposition(text, toks, j),
            });
        }
        i = j;
    }
    out
}

/// ", ROLE," after a name ending at token `j`: a role phrase between two commas that holds
/// a role noun or opens with a determiner or title.
pub(crate) fn apposition(text: &str, toks: &[Token], j: usize) -> Option<String> {
    if toks.get(j)?.text(text) != "," {
        return None;
    }
    let a = j + 1;
    let b = (a..toks.len().min(a + 14)).find(|&b| matches!(toks[b].text(text), "," | "." | ";"))?;
    if b == a || toks[a..b].iter().any(|t| matches!(t.kind, Tok::Quote(_))) {
        return None;
    }
    let has_role = toks[a..b].iter().any(|t| {
        LEXICON
            .roles
            .contains_key(t.text(text).to_lowercase().as_str())
    });
    if !has_role {
        return None;
    }
    let body = strip_det(text, &toks[a..b]);
    (!body.is_empty()).then(|| words_text(text, body))
}

/// Gender compatibility between a pronoun and a candidate.
pub(crate) fn compatible(pronoun: Gender, candidate: Gender) -> bool {
    match pronoun {
        Gender::Male | Gender::Female => candidate == pronoun || candidate == Gender::Unknown,
        _ => true,
    }
}

/// The canonical key of a name for matching mentions: its last word, lower case.
pub(crate) fn surname(name: &str) -> String {
    name.split_whitespace()
        .last()
        .unwrap_or_default()
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// The span of a mention.
pub(crate) fn span(m: &Mention) -> Span {
    Span {
        start: m.start,
        end: m.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens;

    fn toks(text: &str) -> Vec<Token> {
        tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[],
        )
    }

    #[track_caller]
    fn left_of(text: &str, cue_word: &str) -> Option<Mention> {
        let t = toks(text);
        let cue = t.iter().position(|x| x.text(text) == cue_word).unwrap();
        left(text, &t, 0, cue)
    }

    #[test]
    fn role_before_name() {
        let m = left_of("Taliban spokesman Suhail Shaheen announced", "announced").unwrap();
        assert_eq!(m.name, "Suhail Shaheen");
        assert_eq!(m.role.as_deref(), Some("Taliban spokesman"));
        assert_eq!(m.kind, EntityKind::Person);
        assert_eq!(m.gender, Gender::Male);
    }

    #[test]
    fn apposition_gives_the_role() {
        let text =
            "Zalmay Khalilzad, U.S. special representative for Afghanistan reconciliation, said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Zalmay Khalilzad");
        assert_eq!(
            m.role.as_deref(),
            Some("U.S. special representative for Afghanistan reconciliation")
        );
    }

    #[test]
    fn titles_and_party_labels() {
        let text = "Senate Majority Leader Mitch McConnell, R-Ky., said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Mitch McConnell");
        assert_eq!(m.role.as_deref(), Some("Senate Majority Leader, R-Ky."));
        let m = left_of("Sen. Bernie Sanders (I-Vt.) said", "said").unwrap();
        assert_eq!(m.name, "Bernie Sanders");
        assert_eq!(m.role.as_deref(), Some("Sen."));
        let m = left_of("But Mrs. Clinton also said", "said").unwrap();
        assert_eq!(m.name, "Clinton");
        assert_eq!(m.gender, Gender::Female);
    }

    #[test]
    fn organizations_anonymous_documents_pronouns() {
        assert_eq!(
            left_of("the Taliban said", "said").unwrap().kind,
            EntityKind::Organization
        );
        assert_eq!(
            left_of("the State Department said", "said").unwrap().kind,
            EntityKind::Organization
        );
        assert_eq!(
            left_of("a senior official said", "said").unwrap().kind,
            EntityKind::Anonymous
        );
        assert_eq!(
            left_of("The agreement says", "says").unwrap().kind,
            EntityKind::Document
        );
        let he = left_of("he later said", "said").unwrap();
        assert!(he.pronoun);
        assert_eq!(he.name, "he");
    }

    #[test]
    fn inverted_speaker_after_the_verb() {
        let text = "said Solomon Yue, an RNC committeeman from Oregon.";
        let t = toks(text);
        let m = right(text, &t, 1, t.len()).unwrap();
        assert_eq!(m.name, "Solomon Yue");
        assert_eq!(m.role.as_deref(), Some("RNC committeeman from Oregon"));
    }

    #[test]
    fn name_candidates_find_people() {
        let text = "On Friday, Gen. Austin Miller met Taliban leaders and the State Department.";
        let c = name_candidates(text, &toks(text));
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Austin Miller"]);
    }
}
