//! Linking quotation parts to their cues by the patterns of news writing.

use super::*;
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};

/// A statement as the linking found it: quotation parts (none yet for a cue that only
/// introduces the next paragraph) and the cue that governs them.
#[derive(Debug, Clone)]
pub(crate) struct Stmt {
    pub para: usize,
    /// The token range of the cue's sentence (or of the quotation's, with no cue).
    pub sent: std::ops::Range<usize>,
    pub cue: Option<CueHit>,
    pub parts: Vec<usize>,
    /// Token index of the first quotation governed by the cue, in the cue's sentence.
    pub quote_tok: Option<usize>,
    /// Reported speech: the clause the cue reports, without quotation marks.
    pub content: Option<crate::model::Span>,
    /// The opening of the reported clause when the attribution interrupts it ("Those who
    /// vote, he said, must still register"): the part before the speaker's comma.
    pub lead: Option<crate::model::Span>,
    /// What the speaker goes on to say after the attribution's sentence, where an archive
    /// writes quotation marks as doubled apostrophes read as text ("''It is nonsense,'' he
    /// said. ''She lies about everything.''"): the next sentence that opens with them, to
    /// where they close.
    pub rest: Option<crate::model::Span>,
    /// An attribution with no one named ("is expected to", "reportedly"): it stands with no
    /// speaker, and none is looked for.
    pub agentless: bool,
    /// The cue is negated ("did not say whether …"; see `Polarity::Negated`).
    pub negated: bool,
}

impl Stmt {
    /// The statement of cue `c` in sentence `sent` of paragraph `para`, with no parts yet.
    pub(crate) fn new(para: usize, sent: &std::ops::Range<usize>, c: CueHit) -> Stmt {
        Stmt {
            para,
            sent: sent.clone(),
            cue: Some(c),
            parts: Vec::new(),
            quote_tok: None,
            content: None,
            lead: None,
            rest: None,
            agentless: false,
            negated: false,
        }
    }
}

/// Per quotation part: its statement, whether it is direct, and its token position.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PartInfo {
    pub stmt: Option<usize>,
    /// Linked by a cue in its own sentence (not by context).
    pub own_cue: bool,
    pub direct: bool,
    pub para: usize,
    pub tok: usize,
}

/// A dash of an attribution: "—", "–", "--", "―".
pub(crate) fn is_dash(s: &str) -> bool {
    Class::LinkDashes.contains(s)
}

/// A dash, or a hyphen standing alone as one, that sets off an aside ("Reynolds - his
/// co-host - told …").
pub(crate) fn is_aside_dash(s: &str) -> bool {
    is_dash(s) || s == "-"
}

/// Link quotation parts to cues, paragraph by paragraph (the patterns in the module doc):
/// each quotation by the patterns of its sentence ([`pick_cue`]), then the quotation-only
/// sentences by their context ([`CONTEXT_RULES`]), then quotation-only paragraphs by the
/// next one ([`Linker::before_next_paragraph`]).
pub(crate) fn link(
    text: &str,
    paras: &[ParaTokens],
    parts: &[crate::quotes::QuotePart],
    american: bool,
) -> (Vec<Stmt>, Vec<PartInfo>) {
    let mut l = Linker {
        text,
        parts,
        stmts: Vec::new(),
        info: vec![PartInfo::default(); parts.len()],
        by_cue: Default::default(),
        carry: None,
    };
    for (p, pt) in paras.iter().enumerate() {
        l.paragraph(p, pt, american);
    }
    l.before_next_paragraph(paras);
    (l.stmts, l.info)
}

/// The linking's state over one article.
pub(crate) struct Linker<'a> {
    pub text: &'a str,
    pub parts: &'a [crate::quotes::QuotePart],
    pub stmts: Vec<Stmt>,
    pub info: Vec<PartInfo>,
    /// The statement of each cue, by (paragraph, token).
    pub by_cue: rustc_hash::FxHashMap<(usize, usize), usize>,
    /// The statement a quotation-only paragraph continues.
    pub carry: Option<usize>,
}

/// A paragraph as the linking reads it: its tokens, the run of parts in it, and its
/// sentences' cues (with the dashes the patterns took).
pub(crate) struct Para<'p> {
    pub p: usize,
    pub pt: &'p ParaTokens,
    pub here: std::ops::Range<usize>,
    pub sent_cues: Vec<Vec<CueHit>>,
}

impl Linker<'_> {
    /// The statement of cue `c` (in sentence `sent` of paragraph `p`), made on first use.
    pub(crate) fn stmt_of(&mut self, p: usize, c: CueHit, sent: &std::ops::Range<usize>) -> usize {
        let stmts = &mut self.stmts;
        *self.by_cue.entry((p, c.tok)).or_insert_with(|| {
            stmts.push(Stmt::new(p, sent, c));
            stmts.len() - 1
        })
    }

    /// Part `k` joins statement `s`.
    pub(crate) fn attach(&mut self, s: usize, k: usize) {
        self.stmts[s].parts.push(k);
        self.info[k].stmt = Some(s);
    }

    /// Link the quotations of paragraph `p`, then its quotation-only sentences by context,
    /// and note what the next paragraph may continue.
    fn paragraph(&mut self, p: usize, pt: &ParaTokens, american: bool) {
        let parts = self.parts;
        // Parts are in paragraph order: this paragraph's are one run of them.
        let here = parts.partition_point(|q| q.para < p)..parts.partition_point(|q| q.para <= p);
        let mut sent_cues: Vec<Vec<CueHit>> = Vec::with_capacity(pt.sents.len());
        let mut unlinked: Vec<(usize, usize, usize)> = Vec::new();
        for (si, sent) in pt.sents.iter().enumerate() {
            let mut cues = pt.cues[si].clone();
            for qi in sent.clone() {
                let Tok::Quote(k) = pt.toks[qi].kind else {
                    continue;
                };
                if !self.quotation(p, pt, sent, qi, k, &mut cues) {
                    unlinked.push((k, qi, si));
                }
            }
            sent_cues.push(cues);
        }
        let para = Para {
            p,
            pt,
            here,
            sent_cues,
        };
        self.by_context(&para, &unlinked, american);
        self.carry = self.carry_of(&para);
    }

    /// Link part `k` (token `qi` of sentence `sent`) by the patterns of its sentence, or
    /// with the quotation it continues; false when neither links it.
    fn quotation(
        &mut self,
        p: usize,
        pt: &ParaTokens,
        sent: &std::ops::Range<usize>,
        qi: usize,
        k: usize,
        cues: &mut Vec<CueHit>,
    ) -> bool {
        let (text, toks) = (self.text, &pt.toks);
        self.info[k].para = p;
        self.info[k].tok = qi;
        self.info[k].direct = direct_opening(text, toks, sent, qi, &self.parts[k]);
        let cue = pick_cue(text, toks, sent, qi, cues);
        if let Some(prev_part) = self.parts[k].continues
            && let Some(s) = self.info[prev_part].stmt
        {
            self.continued(p, sent, qi, k, prev_part, s, cue);
            return true;
        }
        match cue {
            Some(c) => {
                self.own_cue(p, sent, qi, k, c);
                true
            }
            None => false,
        }
    }

    /// A quotation continued from the previous paragraph stays one statement; an
    /// attribution in a later part ("…," Millan said) wins over one the first part only
    /// took from context.
    #[allow(clippy::too_many_arguments)]
    fn continued(
        &mut self,
        p: usize,
        sent: &std::ops::Range<usize>,
        qi: usize,
        k: usize,
        prev_part: usize,
        s: usize,
        cue: Option<CueHit>,
    ) {
        self.info[k].direct = self.info[prev_part].direct;
        let own = cue
            .filter(|c| c.tok > qi)
            .filter(|_| !self.info[prev_part].own_cue);
        let s = match own {
            Some(c) => {
                let new = self.stmt_of(p, c, sent);
                let mut j = Some(prev_part);
                while let Some(pj) = j {
                    if self.info[pj].stmt == Some(s) {
                        self.info[pj].stmt = Some(new);
                        self.stmts[s].parts.retain(|&x| x != pj);
                        self.stmts[new].parts.push(pj);
                    }
                    j = self.parts[pj].continues;
                }
                self.info[k].own_cue = true;
                new
            }
            None => {
                self.info[k].own_cue = self.info[prev_part].own_cue;
                s
            }
        };
        self.attach(s, k);
    }

    /// Part `k` (token `qi`) joins the statement of cue `c` of its own sentence.
    fn own_cue(&mut self, p: usize, sent: &std::ops::Range<usize>, qi: usize, k: usize, c: CueHit) {
        let s = self.stmt_of(p, c, sent);
        if self.stmts[s].quote_tok.is_none() {
            self.stmts[s].quote_tok = Some(qi);
        }
        // “Justice is slow,” he added, “because it has to be.”: the second part continues
        // the first.
        if let Some(&first) = self.stmts[s].parts.first()
            && self.info[first].direct
            && self.info[first].tok < c.tok
            && qi > c.tok
        {
            self.info[k].direct = true;
        }
        self.attach(s, k);
        self.info[k].own_cue = true;
    }
}

/// Whether the quotation at token `qi` is direct speech by its opening: a capital (or no
/// letter) first, at the sentence's start or after a colon, comma, dash or parenthesis
/// (`Smith said: “We won.”`).
pub(crate) fn direct_opening(
    text: &str,
    toks: &[Token],
    sent: &std::ops::Range<usize>,
    qi: usize,
    part: &crate::quotes::QuotePart,
) -> bool {
    let inner = &text[part.inner.start..part.inner.end];
    let starts_cap = inner.starts_with(|c: char| !c.is_lowercase());
    starts_cap && (qi == sent.start || Class::LinkDirectOpeners.contains(toks[qi - 1].text(text)))
}

/// Verbs that may come before their speaker after a quotation (“…,” said Smith).
pub(crate) fn inverts(lemma: &str) -> bool {
    crate::lexicon::LEXICON.inverting_verbs.contains(lemma)
}

/// Pattern 1: a cue after the quotation with only a speaker mention between them.
pub(crate) fn cue_after(text: &str, toks: &[Token], qi: usize, cues: &[CueHit]) -> Option<CueHit> {
    let c = cues
        .iter()
        .find(|c| c.tok > qi && c.kind == CueKind::Verb)?;
    // "“…,” Miller, a retired worker from a nuclear plant, said": an apposition between
    // two commas may hold any words.
    let mut skip_appos = vec![false; c.tok - qi - 1];
    let commas: Vec<usize> = (qi + 1..c.tok)
        .filter(|&i| toks[i].text(text) == ",")
        .collect();
    if commas.len() >= 2 {
        let (a, b) = (commas[commas.len() - 2], commas[commas.len() - 1]);
        if b == c.tok - 1 && b - a <= 15 && a > qi + 1 {
            for i in a..b {
                skip_appos[i - qi - 1] = true;
            }
        }
    }
    let between: Vec<&Token> = toks[qi + 1..c.tok]
        .iter()
        .enumerate()
        .filter(|&(k, t)| t.text(text) != "," && !skip_appos[k])
        .map(|(_, t)| t)
        .collect();
    if between.is_empty() {
        // “…,” said Smith: only verbs that invert, and a speaker must follow.
        let next = toks.get(c.tok + c.len)?;
        let w = next.text(text);
        let ok = next.kind == Tok::Word
            && (is_capitalized(w)
                || matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "one"
                        | "another"
                        | "his"
                        | "her"
                        | "their"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                )
                || w.starts_with(|c: char| c.is_ascii_digit()));
        let participle = text[c.start..c.end].ends_with("ing");
        return (ok && inverts(c.lemma) && !participle).then_some(*c);
    }
    (between.len() <= 22 && between.iter().all(|t| mentionish(text, t))).then_some(*c)
}

/// The cue of the quotation at token `qi` within its sentence, by the patterns in order.
/// A quotation that opens its sentence (or follows a colon or comma) looks after itself
/// first; one inside the writer's sentence looks before itself first ("X said that “…”").
pub(crate) fn pick_cue(
    text: &str,
    toks: &[Token],
    sent: &std::ops::Range<usize>,
    qi: usize,
    cues: &mut Vec<CueHit>,
) -> Option<CueHit> {
    let opens =
        qi == sent.start || matches!(toks[qi - 1].text(text), ":" | "," | "(" | "—" | "--" | ";");
    let after = cue_after(text, toks, qi, cues);
    // 2. “Q” — SPEAKER
    let dash = toks
        .get(qi + 1)
        .filter(|t| t.kind == Tok::Punct && is_dash(t.text(text)))
        .filter(|_| {
            toks.get(qi + 2).is_some_and(|n| {
                n.kind == Tok::Word
                    && (is_capitalized(n.text(text)) || n.text(text).starts_with('@'))
            }) && qi + 2 < sent.end
        })
        .map(|d| CueHit {
            speech: true,
            tok: qi + 1,
            len: 1,
            lemma: "—",
            kind: CueKind::Dash,
            start: d.start,
            end: d.end,
        });
    // A cue word that could be a noun, standing inside a noun phrase ("his comments",
    // "the Chinese reports"), is the last resort among the cues before the quotation.
    let verbal = |c: &&CueHit| {
        c.tok == sent.start
            || toks[c.tok - 1].kind != Tok::Word
            || matches!(
                crate::lexicon::lower(toks[c.tok - 1].text(text)).as_ref(),
                "who" | "which"
            )
            // an infinitive ("to describe"), not "to chants of"
            || (crate::lexicon::lower(toks[c.tok - 1].text(text)) == "to"
                && text[c.start..c.end].to_lowercase() == c.lemma)
            || verb_position(text, toks, sent.start, **c)
    };
    let mut before = cues
        .iter()
        .rev()
        .filter(|c| c.tok < qi && c.speech)
        .find(verbal)
        .or_else(|| cues.iter().rev().find(|c| c.tok < qi && c.speech))
        .copied();
    // "The lawmaker said Trump's remarks “…”": a verb of saying earlier in the sentence
    // outranks a nearer noun cue, which only names what the quotation is.
    if let Some(b) = before
        && b.kind == CueKind::Noun
        && let Some(v) = cues
            .iter()
            .rev()
            .find(|c| c.tok < b.tok && c.tok >= sent.start && c.speech && c.kind == CueKind::Verb)
    {
        before = Some(*v);
    }
    // "Rep. Israel said Clinton called on members to be “closely coordinated”": a cue in the
    // clause that an earlier verb of saying reports belongs to that report; the quotation is
    // the outer speaker's, who is the article's source for it.
    if let Some(b) = before
        && b.kind == CueKind::Verb
        && let Some(v) = cues.iter().find(|c| {
            c.tok < b.tok
                && c.tok >= sent.start
                && c.speech
                && c.kind == CueKind::Verb
                && verb_position(text, toks, sent.start, **c)
                // (not "concludes with footage of Trump saying …": no clause follows)
                && toks
                    .get(c.tok + c.len)
                    .is_none_or(|n| !matches!(n.text(text), "with" | "by"))
                && toks[c.tok + c.len..b.tok].iter().all(|t| {
                    t.kind == Tok::Word
                        && !LEXICON
                            .clause_joiners
                            .contains(&*crate::lexicon::lower(t.text(text)))
                })
        })
    {
        before = Some(*v);
    }
    // "Trump said he was “happy,” according to The New York Times": the article's source for
    // the words is whoever "according to" names.
    if let Some(b) = before
        && b.kind == CueKind::Verb
        && let Some(a) = cues
            .iter()
            .find(|c| c.kind == CueKind::According && c.tok >= sent.start && c.tok < sent.end)
    {
        before = Some(*a);
    }
    let later = cues.iter().find(|c| c.tok > qi && c.speech).copied();
    let pick = if opens {
        after.or(dash).or(before).or(later)
    } else {
        before.or(after).or(dash).or(later)
    };
    if let Some(p) = pick
        && p.kind == CueKind::Dash
    {
        cues.push(p);
        cues.sort_by_key(|c| c.tok);
    }
    pick
}

/// “Q?” Trump asked. — a quotation-only sentence whose speaker and cue open the next one.
pub(crate) fn cue_opening(
    text: &str,
    toks: &[Token],
    sent: &std::ops::Range<usize>,
    cues: &[CueHit],
) -> Option<CueHit> {
    let c = cues.first().filter(|c| c.speech)?;
    let first = toks.get(sent.start)?;
    if first.kind != Tok::Word
        || c.kind != CueKind::Verb
        || c.tok - sent.start > 8
        || c.tok == sent.start
    {
        return None;
    }
    let w = first.text(text);
    if matches!(
        w,
        "But"
            | "And"
            | "Then"
            | "So"
            | "Yet"
            | "Now"
            | "Later"
            | "Also"
            | "Still"
            | "In"
            | "On"
            | "At"
            | "After"
            | "When"
    ) {
        return None;
    }
    toks[sent.start..c.tok]
        .iter()
        .all(|t| mentionish(text, t))
        .then_some(*c)
}

/// Whether a clause with its own subject opens at `i` ("shows that several students …",
/// "claims that he …", "says he …", "think Hillary Clinton can …"), which makes a word that
/// could be a noun a verb; a relative "that" with no subject ("the states that held
/// primaries") does not.
pub(crate) fn clause_follows(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(first) = toks.get(i) else {
        return false;
    };
    // (not "it", which is as often the object: "support it")
    if matches!(first.text(text), "he" | "she" | "they" | "we" | "I") {
        return true;
    }
    if first.text(text) != "that" {
        // ("think Hillary Clinton can …", "says the United States has …"; not a second cue)
        return subject_start(text, first)
            && LEXICON
                .verb(&crate::lexicon::lower(first.text(text)), None)
                .is_none();
    }
    toks.get(i + 1).is_some_and(|t| subject_start(text, t))
}

/// Whether `t` can open a clause's subject: a name, a number, a determiner or a pronoun.
pub(crate) fn subject_start(text: &str, t: &Token) -> bool {
    if t.kind != Tok::Word {
        return false;
    }
    let w = t.text(text);
    let lower = crate::lexicon::lower(w);
    is_capitalized(w)
        || w.starts_with(|c: char| c.is_ascii_digit())
        || LEXICON.determiners.contains(lower.as_ref())
        || LEXICON.pronouns.contains_key(lower.as_ref())
}
