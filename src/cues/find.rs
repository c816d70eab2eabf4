//! Finding cues: reporting verbs, nominal cues, colons and dashes, once per sentence.

use super::*;
use crate::lexicon::LEXICON;
use crate::segment::{Tok, Token, is_capitalized};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    Verb,
    /// "according to": the speaker follows.
    According,
    Colon,
    Dash,
    /// A noun right before a quotation ("her remark that “…”"): links quotations only.
    Noun,
}

/// A cue found in a paragraph's tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueHit {
    /// A verb of saying (or a colon, dash, "according to"), not of belief or stance.
    pub speech: bool,
    /// Index of its first token in the paragraph's tokens.
    pub tok: usize,
    /// Number of tokens.
    pub len: usize,
    pub lemma: &'static str,
    pub kind: CueKind,
    pub start: usize,
    pub end: usize,
}

/// Words that may stand between a speaker and the verb ("he also said", "Smith had said").
pub(crate) fn is_aux(word: &str) -> bool {
    crate::lexicon::LEXICON
        .auxiliaries
        .contains(&*crate::lexicon::lower(word))
        || (word.len() > 5
            && word.ends_with("ly")
            && !is_capitalized(word)
            && !matches!(
                word,
                "family"
                    | "supply"
                    | "assembly"
                    | "monopoly"
                    | "anomaly"
                    | "homily"
                    | "comply"
                    | "rally"
                    | "ally"
                    | "reply"
                    | "apply"
                    | "bully"
                    | "butterfly"
                    | "underbelly"
            ))
}

/// An auxiliary, or one with "n't" ("didn't", "don’t", "won't", "isn't"): a word that may
/// stand between a speaker and the verb.
pub(crate) fn aux_or_negated(word: &str) -> bool {
    is_aux(word) || {
        let l = crate::lexicon::lower(word);
        l.strip_suffix("n't")
            .or_else(|| l.strip_suffix("n’t"))
            .is_some_and(|stem| {
                is_aux(stem) || matches!(stem, "wo" | "ca" | "is" | "are" | "was" | "were")
            })
    }
}

/// "And", "But", "So", "Yet", "Or" opening a sentence.
pub(crate) fn opening_conjunction(word: &str) -> bool {
    matches!(word, "And" | "But" | "So" | "Yet" | "Or")
}

/// A plural noun's form (lower case): "officials", "voters", "people".
pub(crate) fn plural_form(lower: &str) -> bool {
    (lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("’s")
        && !lower.ends_with("'s"))
        || LEXICON.irregular_plurals.contains(lower)
}

/// Find the cue words of a sentence (token range `lo..hi`).
pub(crate) fn find_in(text: &str, toks: &[Token], lo: usize, hi: usize) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        let t = toks[i];
        if t.kind == Tok::Word {
            let w = t.text(text);
            // Cue verbs are never capitalised ("According to" aside), but for an inverted
            // one opening its sentence ("Said Dorothy Poynter, …").
            let inverted_opening = i == lo
                && matches!(w, "Said" | "Says" | "Added" | "Asked" | "Wrote" | "Writes")
                && toks
                    .get(i + 1)
                    .is_some_and(|n| is_capitalized(n.text(text)));
            // … or a participle of asking that opens it ("Asked about the merger, she …").
            let asked_opening = i == lo
                && w.ends_with("ed")
                && LEXICON
                    .verbs
                    .get(&*crate::lexicon::lower(w))
                    .is_some_and(|f| LEXICON.asking_verbs.contains(f.lemma))
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.kind == Tok::Word && !is_capitalized(n.text(text)));
            if let Some(hit) = in_poll(text, toks, i, hi) {
                out.push(hit);
                i += 1;
                continue;
            }
            if is_capitalized(w)
                && !w.starts_with("According")
                && !inverted_opening
                && !asked_opening
            {
                i += 1;
                continue;
            }
            if let Some(f) = verb_at(text, toks, i, hi)
                && !(is_capitalized(w) && f.lemma != "according to" && i != lo)
                && verb_in_context(text, toks, lo, i, f.lemma)
            {
                let end_tok = i + f.words - 1;
                let kind = if f.lemma == "according to" {
                    CueKind::According
                } else {
                    CueKind::Verb
                };
                let hit = CueHit {
                    speech: f.speech,
                    tok: i,
                    len: f.words,
                    lemma: f.lemma,
                    kind,
                    start: t.start,
                    end: toks[end_tok].end,
                };
                out.push(hit);
                i += f.words;
                continue;
            }
            if let Some(n) = nominal(text, toks, i, hi) {
                out.push(n);
            }
        } else if t.kind == Tok::Punct && t.text(text) == ":" {
            // "X said:" is the verb's; "X: “…”" (no verb before) makes the colon the cue.
            let after_verb = out.last().is_some_and(|c| c.tok + c.len + 3 > i);
            let quote_follows = toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.kind, Tok::Quote(_)))
                || i + 1 == hi;
            if !after_verb && quote_follows && i > lo {
                out.push(colon_cue(toks, i));
            }
        }
        i += 1;
    }
    out
}

/// "in the latest NBC News/Wall Street Journal poll", "In a CNN survey released Monday, …":
/// a poll named after "in" at token `i` is a source like "according to" (lemma "in"); the
/// words up to the poll are its name, with a capitalised word and no verb, comma or clause
/// among them.
pub(crate) fn in_poll(text: &str, toks: &[Token], i: usize, hi: usize) -> Option<CueHit> {
    let t = toks[i];
    if !matches!(t.text(text), "in" | "In") {
        return None;
    }
    let head = (i + 1..hi.min(i + 10)).find(|&j| {
        LEXICON
            .poll_words
            .contains(&*crate::lexicon::lower(toks[j].text(text)))
    })?;
    let name = &toks[i + 1..head];
    // A poll by its name ("a Des Moines Register poll"), not the polls at large ("in the
    // polls", "in national polls").
    let plain = name.iter().any(|n| is_capitalized(n.text(text)))
        && name.iter().all(|n| {
            let w = n.text(text);
            matches!(w, "/" | "-" | "’s" | "'s")
                || n.kind == Tok::Word
                    && !LEXICON.finite_forms.contains(w)
                    && !LEXICON.clause_openers.contains(w)
                    && !matches!(w, "and" | "or" | "but")
        });
    plain.then_some(CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma: "in",
        kind: CueKind::According,
        start: t.start,
        end: t.end,
    })
}

/// The colon of a transcript's line: a paragraph that opens with a speaker's name (one to
/// three capitalised words, in capitals or not; not a one-letter "Q" or "A", nor a label
/// like "UPDATE" or "Editor's Note") and a colon, then words that are no quotation.
pub(crate) fn transcript_colon(text: &str, pt: &ParaTokens) -> Option<usize> {
    let toks = &pt.toks;
    let colon = (1..toks.len().min(5)).find(|&i| toks[i].text(text) == ":")?;
    let name = &toks[..colon];
    let named = name.iter().all(|t| {
        let w = t.text(text);
        t.kind == Tok::Word
            && is_capitalized(w)
            && w.chars().count() > 1
            && !w.ends_with("’s")
            && !w.ends_with("'s")
            && !LEXICON
                .transcript_labels
                .contains(&*crate::lexicon::lower(w))
    });
    let next = toks.get(colon + 1)?;
    (named && !matches!(next.kind, Tok::Quote(_))).then_some(colon)
}

/// The reporting verb form that starts at token `i` (any case), before token `hi`. The next
/// word is read only after the head of a two-word form ("went on").
pub(crate) fn verb_at(
    text: &str,
    toks: &[Token],
    i: usize,
    hi: usize,
) -> Option<crate::lexicon::VerbForm> {
    let lx = &*LEXICON;
    let lower = crate::lexicon::lower(toks[i].text(text));
    let next = toks[i + 1..hi]
        .first()
        .filter(|n| n.kind == Tok::Word && lx.verb_heads.contains(&*lower))
        .map(|n| crate::lexicon::lower(n.text(text)));
    // "made it clear", "pointed it out": "it" between a two-word verb's head and its
    // particle.
    if next.as_deref() == Some("it")
        && let Some(after) = toks[i + 2..hi].first().filter(|n| n.kind == Tok::Word)
        && let Some(mut f) = lx.verb(&lower, Some(&crate::lexicon::lower(after.text(text))))
        && f.words == 2
    {
        f.words = 3;
        return Some(f);
    }
    lx.verb(&lower, next.as_deref())
}

/// A nominal cue at token `i`: a noun of the lexicon after a determiner or possessive, with
/// a quotation within three tokens after it ("her remark that “…”", "a statement: “…”").
pub(crate) fn nominal(text: &str, toks: &[Token], i: usize, hi: usize) -> Option<CueHit> {
    let t = toks[i];
    let is_quote = |n: &Token| matches!(n.kind, Tok::Quote(_));
    // "Trump's claim that there have been “thousands of shootings”": the quotation anywhere
    // in the noun's that-clause.
    let that_clause = toks.get(i + 1).is_some_and(|n| n.text(text) == "that")
        && toks[(i + 2).min(hi)..hi].iter().any(is_quote);
    if i == 0 || !(toks[i + 1..hi.min(i + 4)].iter().any(is_quote) || that_clause) {
        return None;
    }
    let lower = t.text(text).to_lowercase();
    if !LEXICON.nominal_cues.contains(lower.as_str()) {
        return None;
    }
    let det = toks[i.saturating_sub(3)..i].iter().any(|p| {
        let w = p.text(text).to_lowercase();
        matches!(w.as_str(), "his" | "her" | "their" | "its")
            || w.ends_with("’s")
            || w.ends_with("'s")
    });
    let quote_follows = that_clause
        || toks[i + 1..hi.min(i + 4)].iter().any(is_quote)
            && toks[i + 1..hi.min(i + 4)]
                .iter()
                .take_while(|n| !matches!(n.kind, Tok::Quote(_)))
                .all(|n| {
                    matches!(
                        n.text(text),
                        "that" | "," | ":" | "for" | "of" | "to" | "was" | "is" | "reads" | "read"
                    )
                });
    (det && quote_follows).then(|| CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma: LEXICON
            .nominal_cues
            .get(lower.as_str())
            .copied()
            .unwrap_or("remark"),
        kind: CueKind::Noun,
        start: t.start,
        end: t.end,
    })
}

/// Rules out reporting-verb forms that are not reporting here: "that said", "the said
/// property", "a statement" (handled by the lexicon having no nouns), "called for" stays.
pub(crate) fn verb_in_context(
    text: &str,
    toks: &[Token],
    lo: usize,
    i: usize,
    lemma: &str,
) -> bool {
    let prev = (i > lo).then(|| crate::lexicon::lower(toks[i - 1].text(text)));
    match prev.as_deref() {
        // "the said property", "a post", "the report", "his note", "no such praise"
        Some(
            "the" | "a" | "an" | "this" | "his" | "her" | "their" | "its" | "our" | "my" | "such"
            | "no" | "any" | "every" | "each" | "much" | "whose" | "your",
        ) => {
            return false;
        }
        // "Trump’s call for", "the campaign's statement"
        Some(p) if (p.ends_with("’s") || p.ends_with("'s")) && lemma != "according to" => {
            return false;
        }
        // "secretary of state": never a finite verb after "of"
        Some("of") if lemma != "according to" => return false,
        // "of continuing raids": a gerund after a preposition
        Some("of" | "for" | "about" | "without")
            if text[toks[i].start..toks[i].end].ends_with("ing") && lemma != "according to" =>
        {
            return false;
        }
        // "that said, ..." at the start of a sentence
        Some("that") if i == lo + 1 && lemma == "say" => return false,
        // "…, compared with 30 percent who …": a comparison, not a speaker comparing
        Some(",")
            if lemma == "compare"
                && toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text(text), "with" | "to")) =>
        {
            return false;
        }
        _ => {}
    }
    // A verb of naming as a participle after a thing: "a play called “Los Hijos de
    // Trump”", "a series dubbed …", "the program known as …" name, they report nothing.
    // After a person ("the senator called it"), a name or a pronoun it is a verb.
    if LEXICON.naming_verbs.contains(lemma)
        && i > lo
        && text[toks[i].start..toks[i].end].ends_with("ed")
        && let Some(p) = prev.as_deref()
        && toks[i - 1].kind == Tok::Word
        && !is_capitalized(toks[i - 1].text(text))
        && !LEXICON.roles.contains_key(p)
        && !LEXICON.pronouns.contains_key(p)
        && !LEXICON.documents.contains(p)
        && !is_aux(p)
        && p.chars().all(|c| c.is_alphabetic())
        && !p.ends_with("ly")
        && !LEXICON.function_words.contains(p)
        && p != "and"
    {
        return false;
    }
    // A form that is also a noun ("post", "call", "remarks", "message") inside a noun
    // phrase or after a preposition: "a Facebook post", "a press call", "in remarks".
    let form = text[toks[i].start..toks[i].end].to_lowercase();
    let noun_like = form == lemma || form == format!("{lemma}s") || form == format!("{lemma}es");
    if noun_like
        && LEXICON.noun_first_verbs.contains(lemma)
        && !prev
            .as_deref()
            .is_some_and(|p| LEXICON.pronouns.contains_key(p) || is_aux(p) || p == "to")
        && toks.get(i + 1).is_none_or(|n| n.text(text) != "that")
    {
        return false;
    }
    if noun_like && i > lo {
        let p1 = toks[i - 1].text(text).to_lowercase();
        if matches!(
            p1.as_str(),
            "in" | "at" | "on" | "for" | "with" | "during" | "from" | "after"
        ) {
            return false;
        }
        // "a press call", "a Facebook post" — but "the officials say", "the report says",
        // "a third say", "the majority want".
        // (not `quantities`: "the most elaborate", "the several point" would make verbs of
        // adjectives and nouns)
        let plural = p1.ends_with('s')
            || LEXICON.irregular_plurals.contains(p1.as_str())
            || matches!(
                p1.as_ref(),
                "two"
                    | "three"
                    | "four"
                    | "both"
                    | "few"
                    | "many"
                    | "half"
                    | "third"
                    | "quarter"
                    | "majority"
                    | "minority"
                    | "plurality"
            );
        if form == lemma && i > lo + 1 && toks[i - 1].kind == Tok::Word && !plural {
            let p2 = toks[i - 2].text(text).to_lowercase();
            if matches!(
                p2.as_str(),
                "a" | "an" | "the" | "his" | "her" | "their" | "its"
            ) {
                return false;
            }
        }
    }
    true
}

/// Whether token `t` could be part of a speaker mention (used to check that only a mention
/// stands between a quotation and its cue).
pub(crate) fn mentionish(text: &str, t: &Token) -> bool {
    match t.kind {
        Tok::Word => {
            let w = t.text(text);
            let lower = crate::lexicon::lower(w);
            is_capitalized(w)
                || LEXICON.roles.contains_key(&*lower)
                || LEXICON.pronouns.contains_key(&*lower)
                || LEXICON.documents.contains(&*lower)
                || is_modifier(&lower)
                || is_aux(w)
                || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        }
        Tok::Punct => matches!(t.text(text), "," | "-" | "(" | ")"),
        Tok::Quote(_) => false,
    }
}

/// Where the mention before token `verb` starts: the run of words that may stand in one
/// (names, roles, nouns), at most `reach - 1` of them, not past a comma or `floor`.
pub(crate) fn mention_start(
    text: &str,
    toks: &[Token],
    floor: usize,
    verb: usize,
    reach: usize,
) -> usize {
    let mut m = verb;
    while m > floor
        && m + reach > verb
        && (mentionish(text, &toks[m - 1]) || plain_noun(text, &toks[m - 1]))
        && toks[m - 1].text(text) != ","
    {
        m -= 1;
    }
    m
}

/// A role word of the lexicon ("spokesman", "director").
pub(crate) fn is_role(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word
        && LEXICON
            .roles
            .contains_key(&*crate::lexicon::lower(t.text(text)))
}

/// A lower-case word that can close a noun phrase after a determiner ("the authors").
pub(crate) fn plain_noun(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return false;
    }
    let w = t.text(text);
    let lower = w;
    w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !is_capitalized(w)
        && !LEXICON.verbs.contains_key(lower)
        && !crate::lexicon::LEXICON.function_words.contains(lower)
        && !lower.ends_with("ly")
}

/// Lower-case words that may stand inside a speaker mention: determiners, and adjectives
/// that qualify a role ("a senior White House official", "the former secretary of state").
pub(crate) fn is_modifier(lower: &str) -> bool {
    crate::lexicon::LEXICON.modifiers.contains(lower)
        || ["al", "ic", "ive", "ary", "ior", "ern", "ian", "ese", "ish"]
            .iter()
            .any(|s| lower.len() > 4 && lower.ends_with(s))
}

/// A paragraph's tokens and its sentences (token ranges).
pub(crate) struct ParaTokens {
    pub toks: Vec<Token>,
    pub sents: Vec<std::ops::Range<usize>>,
    /// The cues of each sentence, found once (`annotate`).
    pub cues: Vec<Vec<CueHit>>,
    /// The article's headline (its first line, one short sentence): headlines attribute in
    /// Title Case ("Bellwether County Says Trump Should Win") and with a bare colon
    /// ("Graham: Trump's Rhetoric Destroying GOP's Chance").
    pub headline: bool,
}

/// Whether the first paragraph of an article, tokenized, reads as its headline: one
/// sentence of at most 30 tokens.
pub(crate) fn is_headline(pt: &ParaTokens) -> bool {
    pt.sents.len() == 1 && pt.toks.len() <= 30
}

/// Whether most words of `toks` are capitalised (a Title Case headline).
pub(crate) fn title_case(text: &str, toks: &[Token]) -> bool {
    let (mut words, mut capitalized) = (0, 0);
    for w in toks
        .iter()
        .filter(|t| t.kind == Tok::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
    {
        words += 1;
        capitalized += usize::from(is_capitalized(w));
    }
    words >= 3 && capitalized * 10 >= words * 6
}

impl ParaTokens {
    /// The index of the sentence that is exactly `sent`.
    pub fn sentence_of(&self, sent: &std::ops::Range<usize>) -> usize {
        self.sents.iter().position(|r| r == sent).unwrap_or(0)
    }
}

/// Find the cues of every sentence of a paragraph, once.
pub(crate) fn annotate(text: &str, pt: &mut ParaTokens) {
    // (the headline is the first such paragraph; the others are a live blog's entries or
    // related links)
    let title = is_headline(pt) && title_case(text, &pt.toks);
    pt.cues = pt
        .sents
        .iter()
        .map(|s| {
            let mut cues = find_in(text, &pt.toks, s.start, s.end);
            if title {
                cues.extend(title_case_verbs(text, &pt.toks, s.start, s.end));
            }
            if pt.headline {
                cues.extend(headline_colon(text, &pt.toks, s.start, s.end));
            }
            cues.sort_by_key(|c| c.tok);
            cues.dedup_by_key(|c| c.tok);
            cues
        })
        .collect();
}

/// "Graham: Trump's Rhetoric Destroying GOP's Chance": a headline's colon after a short
/// name (at most four words, capitalised, no label) attributes what follows.
pub(crate) fn headline_colon(text: &str, toks: &[Token], lo: usize, hi: usize) -> Option<CueHit> {
    let i = (lo..hi).find(|&i| toks[i].text(text) == ":")?;
    // (after a label and its dash: "EXCLUSIVE – Roger Stone: Don’t Trust …")
    let lo = match toks.get(lo..lo + 2) {
        Some([l, d])
            if l.text(text).len() > 3
                && l.text(text).chars().all(|c| c.is_uppercase())
                && is_dash(d.text(text)) =>
        {
            lo + 2
        }
        _ => lo,
    };
    // (the speaker, then where or to whom: "Clinton to Planned Parenthood:", "Former AG
    // Mukasey at RNC:")
    let name_end = (lo + 1..i)
        .find(|&k| matches!(toks[k].text(text), "to" | "at"))
        .filter(|&k| {
            toks[k + 1..i]
                .iter()
                .all(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
                && k + 1 < i
        })
        .unwrap_or(i);
    if lo >= i {
        return None;
    }
    let before = &toks[lo..name_end];
    // A speaker's name, not a label: "The Latest:", "HUFFPOLLSTER:", "Paid Notice:" and
    // "Monday’s Morning Email:" are not speakers.
    let label = |t: &Token| {
        let w = t.text(text);
        (w.len() > 3 && w.chars().all(|c| !c.is_lowercase()))
            || w.ends_with("’s")
            || w.ends_with("'s")
            || w.chars().any(|c| c.is_ascii_digit())
    };
    let named = !before.is_empty()
        && before.len() <= 4
        && before
            .iter()
            .all(|t| t.kind == Tok::Word && (is_capitalized(t.text(text)) || mentionish(text, t)))
        && !before.iter().any(label)
        && is_capitalized(before[0].text(text))
        && !LEXICON
            .determiners
            .contains(&*crate::lexicon::lower(before[0].text(text)));
    // (the words of a quotation count: "Kasich: ‘We Are Going To Cleveland’")
    let after_words = word_count(text, &toks[i + 1..hi]);
    (named && after_words >= 3).then(|| colon_cue(toks, i))
}

/// The cue of a colon at token `i` that introduces what a speaker says.
pub(crate) fn colon_cue(toks: &[Token], i: usize) -> CueHit {
    CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma: ":",
        kind: CueKind::Colon,
        start: toks[i].start,
        end: toks[i].end,
    }
}

/// The reporting verbs of a Title Case headline ("County Says Trump Should Win"), which
/// [`find_in`] passes over as capitalised words; never the first word (it has no subject).
pub(crate) fn title_case_verbs(text: &str, toks: &[Token], lo: usize, hi: usize) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut i = lo + 1;
    while i < hi {
        let t = toks[i];
        let w = t.text(text);
        // (an all-capitals "STATES" or "FAVORS" could be any word)
        let shouting = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if t.kind == Tok::Word && is_capitalized(w) && !shouting && !w.starts_with("According") {
            let lower = crate::lexicon::lower(w);
            // A verb ends in -s or -ed in a headline ("Says", "Endorsed"), not a name.
            if let Some(f) = verb_at(text, toks, i, hi)
                && (lower.ends_with('s') || lower.ends_with("ed") || f.words > 1)
                && toks[i - 1].kind == Tok::Word
                // "If He Wants", "Whether She Says": a condition, not a statement.
                && !toks[i.saturating_sub(3).max(lo)..i]
                    .iter()
                    .any(|t| matches!(t.text(text), "If" | "Whether" | "if" | "whether"))
            {
                out.push(CueHit {
                    speech: f.speech,
                    tok: i,
                    len: f.words,
                    lemma: f.lemma,
                    kind: CueKind::Verb,
                    start: t.start,
                    end: toks[i + f.words - 1].end,
                });
                i += f.words;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::segment::tokens;

    fn cues(text: &str) -> Vec<(&'static str, CueKind)> {
        let toks = tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[],
        );
        find_in(text, &toks, 0, toks.len())
            .into_iter()
            .map(|c| (c.lemma, c.kind))
            .collect()
    }

    #[test]
    fn reporting_verbs_with_lemmas() {
        assert_eq!(
            cues("Smith said he went on to say it"),
            [
                ("say", CueKind::Verb),
                ("go on", CueKind::Verb),
                ("say", CueKind::Verb)
            ]
        );
        assert_eq!(
            cues("According to the ministry, 100 left"),
            [("according to", CueKind::According)]
        );
    }

    #[test]
    fn not_cues_in_context() {
        assert!(cues("That said, the said property is his report").is_empty());
    }

    /// (speaker mention, cue) of the quotation of `text` that starts with `opening`.
    fn attributed(text: &str, opening: &str) -> (String, String) {
        let a = crate::analyze(text, &crate::Options::default());
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with(opening))
            .unwrap_or_else(|| panic!("no quotation {opening:?} in {text:?}: {:#?}", a.quotes));
        (
            q.speaker
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
        )
    }

    fn pair(s: &str, c: &str) -> (String, String) {
        (s.to_string(), c.to_string())
    }

    // The news patterns `link` reads, one test each (issue #3's list).
    #[test]
    fn quote_then_speaker_then_verb() {
        assert_eq!(
            attributed("“We won,” Smith said.", "We won"),
            pair("Smith", "said")
        );
    }

    #[test]
    fn quote_then_verb_then_speaker() {
        assert_eq!(
            attributed("“We won,” said Mr. Smith.", "We won"),
            pair("Mr. Smith", "said")
        );
    }

    #[test]
    fn quote_then_speaker_role_verb() {
        assert_eq!(
            attributed("“We won,” Ana Silva, the mayor, said.", "We won"),
            pair("Ana Silva", "said")
        );
    }

    #[test]
    fn speaker_verb_colon_quote() {
        assert_eq!(
            attributed("Smith said: “We won.”", "We won"),
            pair("Smith", "said")
        );
        assert_eq!(attributed("Smith: “We won.”", "We won"), pair("Smith", ":"));
    }

    #[test]
    fn speaker_verb_that_clause_with_quote() {
        assert_eq!(
            attributed("Smith said that the vote was “a landslide.”", "a landslide"),
            pair("Smith", "said")
        );
    }

    #[test]
    fn who_said_quote() {
        assert_eq!(
            attributed(
                "The plan was backed by Smith, who said it was “a landslide.”",
                "a landslide"
            ),
            pair("who", "said")
        );
    }

    #[test]
    fn quote_dash_speaker() {
        assert_eq!(
            attributed("“We won the vote.” — Commissioner Ana Silva", "We won"),
            pair("Commissioner Ana Silva", "—")
        );
    }

    #[test]
    fn a_quotation_paragraph_after_an_attributed_one() {
        assert_eq!(
            attributed(
                "“We won,” Smith said.\n\n“And we will win again.”",
                "And we"
            ),
            pair("Smith", "said")
        );
    }

    #[test]
    fn said_colon_at_the_end_of_the_previous_paragraph() {
        assert_eq!(
            attributed("Smith said:\n\n“We won the vote.”", "We won"),
            pair("Smith", "said")
        );
    }

    #[test]
    fn colon_before_quotation_at_paragraph_end() {
        assert_eq!(cues("Smith:"), [(":", CueKind::Colon)]);
        assert_eq!(cues("Smith said:"), [("say", CueKind::Verb)]);
    }
}
