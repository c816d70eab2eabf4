//! Reported speech: the clause each remaining cue reports.
//!
//! [`report`] is a driver over named steps: a transcript's labelled paragraphs
//! (`transcript`), then in each sentence that asks no question the hearsay adverb
//! (`hearsay`) and, for each of its cues, the steps of [`CUE_STEPS`] in order
//! (`expectation`, `question`, `seeming`: attributions that name no one, in `agentless`;
//! then `reported_clause`). The clause a cue reports is found by `clause_of`
//! (cues/clause.rs) with the boundaries of `bounds` (nom rules `goes_on_after_but`,
//! `hearer`, `closed_in_apostrophes`) and the "as" of `as_clause` (`as_word`,
//! `as_mention`); whether a cue stands where a verb stands is `verb_position` (the ordered
//! `SUBJECT_RULES`, `plural_pp`), how it stands `polarity` (the ordered `polarity_rules`:
//! `went_on_to`, `negation`, `hypothesis`). Word lists are the `reported_*` classes of
//! src/lexicon/classes/cues.txt.

use super::*;
use crate::grammar::{PResult, Toks, comma, token};
use crate::lexicon::{Class, LEXICON};
use crate::model::Span;
use crate::segment::{Token, doubled_apostrophe, doubled_apostrophe_pairs, enclosing};
use nom::Parser;
use rustc_hash::FxHashMap;
use std::ops::Range;

mod agentless;
mod as_clause;
mod bounds;
mod polarity;
mod position;
mod transcript;
mod words;

pub(crate) use agentless::*;
pub(crate) use as_clause::*;
pub(crate) use bounds::*;
pub(crate) use polarity::*;
pub(crate) use position::*;
pub(crate) use words::*;

/// How many tokens a reported clause's cue looks at on either side (sentences in news are
/// far shorter; see `reported`).
pub(crate) const WINDOW: usize = 250;

/// What reported speech writes into: the statements so far, and the statement of each cue
/// by (paragraph, token).
pub(crate) struct Claims<'s> {
    pub stmts: &'s mut Vec<Stmt>,
    pub existing: FxHashMap<(usize, usize), usize>,
}

impl<'s> Claims<'s> {
    /// The claims of `stmts`, with room for a statement of each of the `cues` (so that
    /// neither the statements nor the map grow by copying as the steps add to them). (The
    /// pipeline's are the linking's map, see [`link_and_report`].)
    #[cfg(test)]
    fn new(stmts: &'s mut Vec<Stmt>, cues: usize) -> Claims<'s> {
        stmts.reserve(cues);
        let mut existing: FxHashMap<(usize, usize), usize> =
            FxHashMap::with_capacity_and_hasher(stmts.len() + cues, Default::default());
        for (i, s) in stmts.iter().enumerate() {
            if let Some(c) = s.cue {
                existing.insert((s.para, c.tok), i);
            }
        }
        Claims { stmts, existing }
    }

    /// Whether the cue at `tok` of paragraph `para` has no statement yet (see `unclaimed`).
    pub(crate) fn unclaimed(&self, para: usize, tok: usize) -> bool {
        unclaimed(self.stmts, &self.existing, para, tok)
    }

    /// The statement of cue `c` (see `statement_of`).
    pub(crate) fn statement_of(&mut self, para: usize, sent: &Range<usize>, c: CueHit) -> usize {
        statement_of(self.stmts, &mut self.existing, para, sent, c)
    }
}

/// One sentence of a paragraph, as the steps read it.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub para: usize,
    pub pt: &'a ParaTokens,
    pub toks: &'a [Token],
    /// Its index in the paragraph, and its token range.
    pub si: usize,
    pub sent: &'a Range<usize>,
    /// Its tokens without the final punctuation.
    pub lo: usize,
    pub hi: usize,
    /// Its quotations in an archive's doubled apostrophes (token pairs from `sent.start`).
    pub quoted: Vec<(usize, usize)>,
    /// Its paragraph holds two apostrophes in a row ([`para_has_doubled`]): without them, no
    /// token of it opens doubled apostrophes, and the clause's rules for them are not read.
    pub doubled: bool,
    pub cues: &'a [CueHit],
    /// The whole sentence: the content of an attribution that names no one.
    pub whole: Span,
    pub info: &'a [PartInfo],
}

impl<'a> Sentence<'a> {
    /// Sentence `si` of paragraph `para`, or None when it asks a question. `doubled`: the
    /// paragraph holds two apostrophes in a row ([`para_has_doubled`]); a sentence of a
    /// paragraph without them has no quotation in doubled apostrophes, and its text is not
    /// searched again. `question`: the document holds a question mark (without one, no
    /// sentence asks, and none is searched for it).
    fn new(
        text: &'a str,
        (para, pt): (usize, &'a ParaTokens),
        si: usize,
        info: &'a [PartInfo],
        (doubled, question): (bool, bool),
    ) -> Option<Sentence<'a>> {
        let toks = &pt.toks[..];
        let sent = &pt.sents[si];
        let (lo, mut hi) = (sent.start, sent.end);
        // (`reported_sentence_ends`: ". ? ! ; :", punctuation: a word is not looked up)
        while hi > lo
            && toks[hi - 1].kind == crate::segment::Tok::Punct
            && ends_sentence(text, &toks[hi - 1])
        {
            hi -= 1;
        }
        let quoted = if doubled {
            doubled_apostrophe_pairs(text, &toks[lo..sent.end])
        } else {
            Vec::new()
        };
        if question && asks(text, toks, sent, &quoted) {
            return None;
        }
        let whole = Span {
            start: toks[lo].start,
            end: toks[hi.max(lo + 1) - 1].end,
        };
        let cues = &pt.cues[si][..];
        Some(Sentence {
            text,
            para,
            pt,
            toks,
            si,
            sent,
            lo,
            hi,
            quoted,
            doubled,
            cues,
            whole,
            info,
        })
    }

    /// The cues to read: before the final punctuation, and not inside a quotation in
    /// doubled apostrophes (those are the quoted speaker's own words, as inside quotation
    /// marks: "''I hope not,'' he said").
    fn own_cues(&self) -> impl Iterator<Item = CueHit> + '_ {
        self.cues
            .iter()
            .filter(|c| c.tok < self.hi)
            .filter(|c| enclosing(&self.quoted, c.tok - self.lo).is_none())
            .copied()
    }

    /// The byte span of tokens `r`.
    pub(crate) fn span(&self, r: Range<usize>) -> Span {
        Span {
            start: self.toks[r.start].start,
            end: self.toks[r.end - 1].end,
        }
    }
}

/// Whether token `t` is a word of `reported_sentence_ends` (". ? ! ; :"): a token of one
/// ASCII byte by a table of the class's one-byte words made at first use, not a look-up in
/// its set; another token is looked up.
fn ends_sentence(text: &str, t: &Token) -> bool {
    static ONE_BYTE: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| {
        let mut table = [false; 128];
        for w in Class::ReportedSentenceEnds.words() {
            if let &[b] = w.as_bytes()
                && b.is_ascii()
            {
                table[usize::from(b)] = true;
            }
        }
        table
    });
    match text.as_bytes().get(t.start..t.end) {
        Some(&[b]) if b.is_ascii() => ONE_BYTE[usize::from(b)],
        _ => Class::ReportedSentenceEnds.contains(t.text(text)),
    }
}

/// Whether `text` holds a word of `hearsay_adverbs` as written ("reportedly") anywhere (one
/// search of a document: most hold none, and their paragraphs' tokens are not read for one).
/// `hearsay` takes only a token that is such a word exactly, so a document without one as
/// text has no hearsay statement. The search is for the ending the words share ("edly",
/// its candidates found by the rarer pair of its bytes: [`EndingRank`]), each place it ends
/// checked for a whole word before it.
fn has_hearsay_adverb(text: &str) -> bool {
    static SEARCH: std::sync::LazyLock<(memchr::memmem::Finder<'static>, Vec<&'static str>)> =
        std::sync::LazyLock::new(|| {
            let words: Vec<&'static str> = LEXICON.hearsay_adverbs.iter().copied().collect();
            let ending = shared_ending(&words);
            let finder = memchr::memmem::FinderBuilder::new()
                .build_forward_with_ranker(EndingRank(ending.bytes().last()), ending.as_bytes());
            (finder, words)
        });
    let (ending, words) = &*SEARCH;
    let bytes = text.as_bytes();
    let n = ending.needle().len();
    ending.find_iter(bytes).any(|at| {
        words
            .iter()
            .any(|w| bytes[..at + n].ends_with(w.as_bytes()))
    })
}

/// How common a byte is in the text, for the search of a words' ending: the letters in the
/// order of their frequency in English ("e" the most common), any other byte rarer than
/// them, but the ending's last byte (`.0`) the most common of all. A word's last letter ends
/// many other words ("y" every adverb in -ly; "day" and "only" hold the pair "d", "y" of
/// "edly" that memchr's own ranking picks), so the searcher's pair of bytes is the rarer
/// pair before it ("dl").
struct EndingRank(Option<u8>);

impl memchr::arch::all::packedpair::HeuristicFrequencyRank for EndingRank {
    fn rank(&self, byte: u8) -> u8 {
        const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
        if Some(byte) == self.0 {
            return u8::MAX;
        }
        let lower = byte.to_ascii_lowercase();
        match BY_FREQUENCY.iter().position(|&b| b == lower) {
            // (254 for "e", down to 229 for "z")
            Some(k) => 254 - k as u8,
            None => 128,
        }
    }
}

/// The longest ending that all of `words` share (empty when they share none, or there are
/// none).
fn shared_ending(words: &[&'static str]) -> &'static str {
    let Some(&first) = words.first() else {
        return "";
    };
    let n = words.iter().fold(first.len(), |n, w| {
        let shared = first
            .bytes()
            .rev()
            .zip(w.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        n.min(shared)
    });
    // (a char boundary: the words' shared bytes from a boundary of the first's)
    let mut at = first.len() - n;
    while !first.is_char_boundary(at) {
        at += 1;
    }
    &first[at..]
}

/// Whether `text` holds two apostrophes in a row anywhere (one search of a document: most
/// hold none, and their paragraphs are not searched for them, see [`para_has_doubled`]).
fn has_doubled_apostrophes(text: &str) -> bool {
    static DOUBLED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("''"));
    DOUBLED.find(text.as_bytes()).is_some()
}

/// Whether the text of a paragraph's tokens `toks` holds two apostrophes in a row (the
/// doubled marks of an archive's quotations: "''I hope not,'' he said").
fn para_has_doubled(text: &str, toks: &[Token]) -> bool {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    let bytes = text.as_bytes().get(first.start..last.end);
    crate::segment::has_doubled(bytes.unwrap_or_default(), b'\'')
}

/// Questions about speech are not statements; a question quoted between an archive's
/// doubled apostrophes is ("He asked, ''Why now?''", "''Did I enjoy it? No,'' she said").
fn asks(text: &str, toks: &[Token], sent: &Range<usize>, quoted: &[(usize, usize)]) -> bool {
    let lo = sent.start;
    // (a sentence with no question mark in its text has no "?" token: one byte search)
    let (Some(first), Some(last)) = (toks.get(lo), toks.get(sent.end.wrapping_sub(1))) else {
        return false;
    };
    let bytes = text
        .as_bytes()
        .get(first.start..last.end)
        .unwrap_or_default();
    if memchr::memchr(b'?', bytes).is_none() {
        return false;
    }
    (lo..sent.end).any(|i| {
        toks[i].is_text(text, "?")
            && !doubled_apostrophe(text, toks, i + 1)
            // (not an aside in brackets: "… think about it (really?) and …")
            && toks.get(i + 1).is_none_or(|n| !n.is_text(text, ")"))
            && enclosing(quoted, i - lo).is_none()
    })
}

/// A cue and the part of its sentence it looks at.
pub(crate) struct At {
    pub c: CueHit,
    /// At most `WINDOW` tokens either way, so that a run-on "sentence" of thousands of cues
    /// (a scraper's page of comments) costs linear time.
    pub lo: usize,
    pub hi: usize,
    /// Where the adverbs in -ly right before the cue begin ("is widely expected").
    pub b: usize,
    /// The classes of the cue's lemma as written ([`lemma_classes`]): the steps' verb lists
    /// (`seeming_verbs`, `asking_verbs`) are read off its bits, not looked up per step.
    pub lemma: crate::lexicon::ClassSet,
}

impl At {
    fn new(s: &Sentence, c: CueHit) -> At {
        let lo = s.lo.max(c.tok.saturating_sub(WINDOW));
        let hi = s.hi.min(c.tok + WINDOW);
        let mut b = c.tok;
        // (the bytes of the word: its text is not sliced)
        let bytes = s.text.as_bytes();
        while b > lo && bytes[s.toks[b - 1].start..s.toks[b - 1].end].ends_with(b"ly") {
            b -= 1;
        }
        let lemma = lemma_classes(s.toks, c);
        At {
            c,
            lo,
            hi,
            b,
            lemma,
        }
    }
}

/// What a step did with a cue: left it to the next step, or took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Pass,
    Done,
}

/// A step of [`CUE_STEPS`].
pub(crate) type CueStep = fn(&Sentence, &At, &mut Claims) -> Step;

/// The steps for one cue, in order: the first that takes it ends its turn. The readings
/// that name no one come first ("is expected to", "asked about", "seemed to" never report a
/// speaker's clause); "seeming" takes every verb of seeming, whether it found a view or not.
pub(crate) const CUE_STEPS: &[(&str, CueStep)] = &[
    ("expectation", expectation),
    ("question", question),
    ("seeming", seeming),
    ("reported_clause", reported_clause),
];

/// Reported speech ([`report`]) on the statements `stmts` of the linking, as a test runs
/// the stages one by one (the pipeline runs [`link_and_report`], which hands the linking's
/// map of cues on).
#[cfg(test)]
pub(crate) fn reported(text: &str, paras: &[ParaTokens], stmts: &mut Vec<Stmt>, info: &[PartInfo]) {
    let mut claims = Claims::new(stmts, cue_count(paras));
    report(text, paras, &mut claims, info);
}

/// The cues of a document's paragraphs, counted (the room reported speech makes for a
/// statement of each).
pub(crate) fn cue_count(paras: &[ParaTokens]) -> usize {
    paras
        .iter()
        .map(|pt| pt.cues.iter().map(Vec::len).sum::<usize>())
        .sum()
}

/// The linking ([`linked`]), then reported speech ([`report`]) on its statements: the
/// linking's statement of each cue by (paragraph, token) is handed on as the claims' map
/// (the map a test's `Claims::new` builds again from the statements: each cue's statement
/// is made once, by `Linker::stmt_of`), and the statements are made with room for reported
/// speech's.
pub(crate) fn link_and_report(
    text: &str,
    paras: &[ParaTokens],
    parts: &[crate::quotes::QuotePart],
    american: bool,
) -> (Vec<Stmt>, Vec<PartInfo>) {
    let cues = cue_count(paras);
    let Linked {
        mut stmts,
        info,
        by_cue,
    } = linked(text, paras, parts, american, cues);
    stmts.reserve(cues);
    let mut claims = Claims {
        stmts: &mut stmts,
        existing: by_cue,
    };
    report(text, paras, &mut claims, &info);
    (stmts, info)
}

/// Reported speech: for each reporting verb that governs no quotation standing on its own,
/// the clause it reports. Patterns (see the module doc of `cues` for quotations):
/// `SPEAKER CUE [that] CLAUSE`, `CLAUSE, SPEAKER CUE.`, `CLAUSE, CUE SPEAKER.`,
/// `According to SPEAKER, CLAUSE` and `CLAUSE, according to SPEAKER`. The clause runs to
/// the sentence's end; a verb of telling skips its object ("told reporters that …").
fn report(text: &str, paras: &[ParaTokens], claims: &mut Claims, info: &[PartInfo]) {
    transcript::transcript(text, paras, claims);
    // (whether the document holds doubled apostrophes, and a question mark: one search of
    // its text each; without them no paragraph or sentence is searched for them)
    let doc_doubled = has_doubled_apostrophes(text);
    let question = memchr::memchr(b'?', text.as_bytes()).is_some();
    let hearsay_doc = has_hearsay_adverb(text);
    for (p, pt) in paras.iter().enumerate() {
        // (whether the paragraph holds doubled apostrophes: one search of its text, made
        // when its first sentence with a cue is read, not one per sentence)
        let mut doubled = None;
        // (whether the paragraph holds a hearsay adverb by its tokens' bits: one pass over
        // them, in a document whose text holds one; without one (most paragraphs) no
        // sentence is searched for it)
        let hearsay_para = hearsay_doc && pt.toks.iter().any(|t| t.is(Class::HearsayAdverbs));
        for si in 0..pt.sents.len() {
            // (a sentence with no cue and no hearsay adverb has nothing to report: it is not
            // read further)
            let hearsay_word = || {
                pt.toks[pt.sents[si].clone()]
                    .iter()
                    .any(|t| t.is(Class::HearsayAdverbs))
            };
            if pt.cues[si].is_empty() && !(hearsay_para && hearsay_word()) {
                continue;
            }
            let doubled =
                *doubled.get_or_insert_with(|| doc_doubled && para_has_doubled(text, &pt.toks));
            let Some(s) = Sentence::new(text, (p, pt), si, info, (doubled, question)) else {
                continue;
            };
            if hearsay_para {
                hearsay(&s, claims);
            }
            for c in s.own_cues() {
                let at = At::new(&s, c);
                for (_, step) in CUE_STEPS {
                    if step(&s, &at, claims) == Step::Done {
                        break;
                    }
                }
            }
        }
    }
}

/// The last step: the clause a cue reports, as a statement of its own ("Trump said the
/// deal was dead", "The deal is dead, Trump said"), unless the cue governs a quotation that
/// stands on its own, is no verb of its sentence, or only supposes speech.
fn reported_clause(s: &Sentence, at: &At, claims: &mut Claims) -> Step {
    let c = at.c;
    let headline_colon = s.pt.headline && c.kind == CueKind::Colon;
    if matches!(c.kind, CueKind::Colon | CueKind::Dash | CueKind::Noun) && !headline_colon {
        return Step::Done;
    }
    // A statement made only to carry an attribution to the next paragraph is not yet
    // evidence that this word is a verb.
    let known = claims
        .existing
        .get(&(s.para, c.tok))
        .copied()
        .filter(|&k| !claims.stmts[k].parts.is_empty());
    if known.is_some_and(|k| !headline_colon && governs_quotation(s, &claims.stmts[k])) {
        return Step::Done; // the cue of a quotation that stands on its own
    }
    // (the bare participle first: a bit test, and its cue's polarity is not read)
    if known.is_none() && bare_participle(s, at) {
        return Step::Done;
    }
    let polarity = polarity(s.text, s.toks, at.lo, c.tok);
    if polarity == Polarity::Hypothetical
        || (known.is_none()
            && !headline_colon
            && !verb_position(s.text, s.toks, at.lo, c)
            && !clause_follows(s.text, s.toks, c.tok + c.len))
    {
        return Step::Done;
    }
    let Some(content) = clause(s.text, s.toks, (at.lo, at.hi), c, s.cues, s.doubled) else {
        return Step::Done;
    };
    if polarity == Polarity::Negated && no_matter(s, c, &content) {
        return Step::Done;
    }
    write_clause(s, at, claims, content, polarity);
    Step::Done
}

/// Whether statement `st` holds a quotation that stands on its own, which its cue governs
/// (not a quotation within an archive's quotation in doubled apostrophes: "''If she thinks
/// I come from Vermont, 'They are not used to this.' Well, …,'' Mr. Sanders said."). A
/// headline's "Kasich: ‘We Are Going To Cleveland’" gets its clause all the same: single
/// marks there may be no speech in an American house style, which is decided later.
fn governs_quotation(s: &Sentence, st: &Stmt) -> bool {
    st.parts.iter().any(|&k| {
        let part = s.info[k];
        part.direct
            && (part.para != s.para
                || part.tok < s.sent.start
                || enclosing(&s.quoted, part.tok - s.sent.start).is_none())
    })
}

/// "Dates written for other languages": a form that is only a participle, with no
/// auxiliary before it (one may be a contraction: "I’ve written"), is no verb of its
/// sentence.
fn bare_participle(s: &Sentence, at: &At) -> bool {
    let c = at.c;
    // (the cue word's class, looked up in lower case when its token was made)
    s.toks[c.tok].is(Class::ParticipleForms)
        && (c.tok == at.lo || {
            let w = s.toks[c.tok - 1].text(s.text);
            !aux_or_negated(w) && !CONTRACTED_AUXILIARIES.iter().any(|a| w.ends_with(a))
        })
}

/// The endings of an auxiliary contracted onto its subject: "I’ve", "she'd", "he's".
const CONTRACTED_AUXILIARIES: [&str; 6] = ["'ve", "’ve", "'d", "’d", "'s", "’s"];

/// What was not said needs a matter: "did not complain when growth was strong" names none
/// (a clause after the cue opened by a subordinator other than "if").
fn no_matter(s: &Sentence, c: CueHit, content: &Range<usize>) -> bool {
    // (the first word's class, looked up in lower case when its token was made)
    let first = &s.toks[content.start];
    content.start > c.tok
        && first.is(Class::Subordinators)
        && !first.text(s.text).eq_ignore_ascii_case("if")
}

/// The statement of a cue's reported clause `content`: its span, the opening of a clause
/// the attribution interrupts, its polarity and, for a clause before its cue, what goes on
/// after it.
fn write_clause(s: &Sentence, at: &At, claims: &mut Claims, content: Range<usize>, p: Polarity) {
    let c = at.c;
    // (an empty clause is none: ", according to , who according to" finds no words)
    if content.is_empty() {
        return;
    }
    let span = s.span(content.clone());
    let lead = interrupted(s.text, s.toks, at.lo, c, content.start)
        .filter(|r| !r.is_empty())
        .map(|r| s.span(r));
    let k = claims.statement_of(s.para, s.sent, c);
    let st = &mut claims.stmts[k];
    st.content = Some(span);
    st.lead = lead;
    st.negated = p == Polarity::Negated;
    if content.end <= c.tok {
        st.rest = continued(s.text, s.toks, &s.pt.sents, s.si, content)
            .or_else(|| joined_predicate(s, at));
    }
}

/// "He had no known political affiliations, the airline added, and had passed all
/// background checks": a predicate joined after the attribution goes on with the clause
/// (`joined_predicate_start`, read at the first comma after the cue, with no other cue
/// after it).
fn joined_predicate(s: &Sentence, at: &At) -> Option<Span> {
    let (text, toks, c, hi) = (s.text, s.toks, at.c, at.hi);
    let k = (c.tok + c.len..hi).find(|&k| toks[k].is_text(text, ","))?;
    let clean = !s.cues.iter().any(|n| n.tok > k && n.tok < hi);
    let joined = joined_predicate_start(Toks::new(text, toks, k, hi)).is_ok();
    (joined && clean && hi > k + 3).then(|| Span {
        start: toks[k + 1].start,
        end: toks[hi - 1].end,
    })
}

/// A comma, "and" or "but" (`reported_joiners`, as written) and a verb of the same subject
/// (a finite word, a past form, "also") or a subject pronoun: ", and had passed", ", but
/// also warned", ", and he said".
pub(crate) fn joined_predicate_start(i: Toks<'_>) -> PResult<'_, ()> {
    let joiner = token(|i: &Toks<'_>, t: &Token| Class::ReportedJoiners.contains(i.word(t)));
    let verb = token(|i: &Toks<'_>, t: &Token| {
        let w = crate::lexicon::lower(i.word(t));
        finite_word(&w)
            || (w.ends_with("ed") && i.word(t) == w)
            || LEXICON.irregular_pasts.contains(i.word(t))
            || subject_pronoun(&w)
            || w == "also"
    });
    (comma, joiner, verb).map(|_| ()).parse(i)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Tokens, cues and reported statements of a sentence, for the rules' unit tests.
    use crate::cues::{CueHit, CueKind};
    pub(crate) use crate::grammar::test_support::toks;
    use crate::segment::Token;
    use crate::{Options, QuoteKind, analyze};

    /// The cue of `lemma` at the word `word` of `text`.
    pub(crate) fn cue_at(text: &str, all: &[Token], word: &str, lemma: &'static str) -> CueHit {
        let k = all.iter().position(|t| t.text(text) == word).unwrap();
        CueHit {
            speech: true,
            tok: k,
            len: 1,
            lemma,
            kind: CueKind::Verb,
            start: all[k].start,
            end: all[k].end,
            form: None,
        }
    }

    /// Every reported statement of `text` as (cue, content), speaker left out.
    pub(crate) fn reported(text: &str) -> Vec<(String, String)> {
        analyze(text, &Options::default())
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| {
                let cue = q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                (cue, q.text.clone())
            })
            .collect()
    }

    /// The pair (cue, content).
    pub(crate) fn pair(c: &str, t: &str) -> (String, String) {
        (c.to_string(), t.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{pair, reported, toks};

    #[test]
    fn a_sentences_end_is_punctuation() {
        // (`Sentence::new` looks up only a punctuation token among the sentence's ends)
        let words: Vec<&str> = super::Class::ReportedSentenceEnds.words().collect();
        let text = words.join(" ");
        let t = toks(&text);
        assert_eq!(t.len(), words.len());
        assert!(t.iter().all(|t| t.kind == crate::segment::Tok::Punct));
    }

    #[test]
    fn a_sentence_end_by_its_byte_is_the_class_look_up() {
        // (every one-byte ASCII token and some longer ones: the table says what the set says)
        let mut text: String = (1u8..128).map(|b| format!("{} ", b as char)).collect();
        text.push_str("... ?! ;; — ” Hello");
        for t in toks(&text) {
            let w = t.text(&text);
            assert_eq!(
                super::ends_sentence(&text, &t),
                super::Class::ReportedSentenceEnds.contains(w),
                "{w:?}"
            );
        }
        let dot = toks("Yes.");
        assert!(super::ends_sentence("Yes.", &dot[1]));
    }

    #[test]
    fn a_sentence_asks_when_a_question_mark_ends_a_part_of_it() {
        let asks_in = |text: &str| {
            let t = toks(text);
            super::asks(text, &t, &(0..t.len()), &[])
        };
        assert!(asks_in("Did he say it? Nobody knows."));
        assert!(!asks_in("He said it (really?) and left."));
        assert!(!asks_in("He said it."));
        assert!(!super::asks("", &[], &(0..0), &[]));
        let t = toks("Why? He said it.");
        assert!(!super::asks("Why? He said it.", &t, &(2..t.len()), &[]));
    }

    #[test]
    fn participles_and_subordinators_are_read_off_their_tokens_in_any_case() {
        use crate::lexicon::Class;
        // (a token has the classes of its lower case: the classes hold lower-case words only)
        assert!(Class::ParticipleForms.lower_only() && Class::Subordinators.lower_only());
        let text = "Written Although IF if When spoken said";
        for t in toks(text) {
            let lower = t.text(text).to_lowercase();
            let w = lower.as_str();
            assert_eq!(
                t.is(Class::ParticipleForms),
                Class::ParticipleForms.contains(w)
            );
            assert_eq!(t.is(Class::Subordinators), Class::Subordinators.contains(w));
        }
    }

    #[test]
    fn a_speaker_reports_the_clause_after_the_cue() {
        assert_eq!(
            reported("The United States said it would withdraw its troops."),
            [pair("said", "it would withdraw its troops")]
        );
    }

    #[test]
    fn an_attribution_inside_the_clause_reports_both_sides() {
        assert_eq!(
            reported(
                "Those who now have the right to vote, he said, must still register to do so."
            ),
            [
                pair("said", "Those who now have the right to vote"),
                pair("said", "must still register to do so"),
            ]
        );
    }

    #[test]
    fn an_attribution_set_off_with_an_adjunct_reports_both_sides() {
        assert_eq!(
            reported("These employees, Stumpf explained earlier in the hearing, were well paid."),
            [
                pair("explained", "These employees"),
                pair("explained", "were well paid"),
            ]
        );
        // (not an adverbial opening, nor a relative clause's verb)
        assert_eq!(
            reported("In 2008, he complained bitterly about the plan, and left."),
            [pair("complained", "the plan, and left")]
        );
    }

    #[test]
    fn a_joined_predicate_goes_on_with_the_clause() {
        let got = reported(
            "The pilot was named.\n\nHe had no known political affiliations, the airline added, and had passed all background security checks.",
        );
        assert_eq!(
            got,
            [
                pair("added", "He had no known political affiliations"),
                pair("added", "and had passed all background security checks"),
            ]
        );
    }

    #[test]
    fn a_clause_in_doubled_apostrophes_is_continued_in_the_next_sentence() {
        let got = reported(
            "Budgets were tight.\n\nThe tax cut plans are ''profoundly irresponsible,'' said Steve Bell, a director at the center. ''It just leaves guys like me speechless. Those are Republicans.''",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1].1,
            "''It just leaves guys like me speechless. Those are Republicans.''"
        );
    }

    #[test]
    fn a_joined_predicate_starts_with_a_comma_a_joiner_and_a_verb() {
        use crate::grammar::Toks;
        use crate::grammar::test_support::toks;
        for (text, joined) in [
            (", and had passed", true),
            (", but also warned", true),
            (", and she left", true),
            (", and the plan", false),
            ("and had passed", false),
        ] {
            let all = toks(text);
            let ok = super::joined_predicate_start(Toks::whole(text, &all)).is_ok();
            assert_eq!(ok, joined, "{text}");
        }
    }

    #[test]
    fn a_hearsay_adverb_is_found_in_any_sentence_of_its_paragraph() {
        // (the paragraph's tokens are read once for the adverb's bit: a sentence with a cue
        // and one without are read for it when the paragraph holds one, and only then)
        let got = reported(
            "The vote was close.\n\nHe said the vote was close. The senator reportedly met donors in Ohio. Rivals allegedly paid them.",
        );
        let cues: Vec<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(cues, ["said", "reportedly", "allegedly"], "{got:?}");
        assert_eq!(
            reported("The vote was close.\n\nHe said the vote was close. The senator met donors."),
            [pair("said", "the vote was close")]
        );
    }

    #[test]
    fn a_document_without_a_hearsay_adverb_as_text_has_none() {
        // (the document's search finds each word of the class as written, and only those:
        // "Reportedly" and "repeatedly" are no hearsay adverb `hearsay` takes)
        for w in super::LEXICON.hearsay_adverbs.iter() {
            assert!(
                super::has_hearsay_adverb(&format!("He {w} met them.")),
                "{w}"
            );
        }
        assert!(!super::has_hearsay_adverb(
            "He repeatedly met them. Reportedly, so."
        ));
        assert!(!super::has_hearsay_adverb("edly"));
        assert!(super::has_hearsay_adverb("repeatedly allegedly"));
        assert_eq!(super::shared_ending(&["reportedly", "allegedly"]), "edly");
        assert_eq!(super::shared_ending(&["ab", "cd"]), "");
        assert_eq!(super::shared_ending(&[]), "");
        assert_eq!(reported("Reportedly, the senator met donors in Ohio."), []);
    }

    #[test]
    fn the_search_by_the_rarer_pair_finds_what_a_plain_search_finds() {
        use memchr::arch::all::packedpair::HeuristicFrequencyRank;
        let rank = super::EndingRank(Some(b'y'));
        assert_eq!(rank.rank(b'y'), u8::MAX);
        assert!(rank.rank(b'd') < rank.rank(b'e') && rank.rank(b'l') < rank.rank(b'e'));
        assert!(rank.rank(b',') < rank.rank(b'z'));
        // (a plain search: a word of the class as written, ending anywhere)
        let plain = |t: &str| {
            (0..=t.len()).any(|end| {
                (super::LEXICON.hearsay_adverbs.iter())
                    .any(|w| t.as_bytes()[..end].ends_with(w.as_bytes()))
            })
        };
        let words = [
            "Monday",
            "only",
            "badly",
            "headline",
            "edly",
            "reportedly",
            "Allegedly",
            "allegedly",
            "repeatedly",
            "day",
            " ",
            "''",
            "dly",
            "supposedly",
        ];
        for a in words {
            for b in words {
                for c in ["", " x ", &"filler ".repeat(12)] {
                    let t = format!("{a}{c}{b}");
                    assert_eq!(super::has_hearsay_adverb(&t), plain(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn a_hypothesis_is_no_statement_and_a_negation_needs_a_matter() {
        assert_eq!(reported("Would he say the bridge was safe?"), []);
        assert_eq!(reported("He did not complain when growth was strong."), []);
    }
}
