//! Linking quotation parts to their cues by the patterns of news writing.

use super::*;
use crate::lexicon::Class;
use crate::segment::{Tok, Token};

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

/// [`linked`]'s statements and parts, as a test runs the stages one by one (the pipeline
/// runs `link_and_report`, which hands the map of cues on to reported speech).
#[cfg(test)]
pub(crate) fn link(
    text: &str,
    paras: &[ParaTokens],
    parts: &[crate::quotes::QuotePart],
    american: bool,
) -> (Vec<Stmt>, Vec<PartInfo>) {
    let l = linked(text, paras, parts, american, 0);
    (l.stmts, l.info)
}

/// What the linking leaves: the statements, what it found of each part, and the statement
/// of each cue by (paragraph, token).
pub(crate) struct Linked {
    pub stmts: Vec<Stmt>,
    pub info: Vec<PartInfo>,
    pub by_cue: rustc_hash::FxHashMap<(usize, usize), usize>,
}

/// Link quotation parts to cues, paragraph by paragraph (the patterns in the module doc):
/// each quotation by the patterns of its sentence ([`pick_cue`]), then the quotation-only
/// sentences by their context ([`CONTEXT_RULES`]), then quotation-only paragraphs by the
/// next one ([`Linker::before_next_paragraph`]). `cues`: the paragraphs' cues, counted
/// (`cue_count`), for the statements' room (see [`Linker::new`]; 0 for the parts' only).
pub(crate) fn linked(
    text: &str,
    paras: &[ParaTokens],
    parts: &[crate::quotes::QuotePart],
    american: bool,
    cues: usize,
) -> Linked {
    let mut l = Linker::new(text, parts, cues);
    // (one list of a paragraph's sentence cues, refilled for each)
    let mut spare = Vec::new();
    // (where the paragraph's parts start: the parts are in paragraph order, each run read
    // once as the paragraphs go, not searched for)
    let mut from = 0;
    for (p, pt) in paras.iter().enumerate() {
        let here = parts_of(parts, from, p);
        from = here.end;
        spare = l.paragraph((p, here), pt, american, spare);
    }
    l.before_next_paragraph(paras);
    Linked {
        stmts: l.stmts,
        info: l.info,
        by_cue: l.by_cue,
    }
}

/// The run of `parts` (in paragraph order) in paragraph `p`, the search from part `from`
/// (none of paragraph `p` or after it before that): the parts of paragraphs before `p`
/// passed over, then those of `p`.
fn parts_of(parts: &[crate::quotes::QuotePart], from: usize, p: usize) -> std::ops::Range<usize> {
    let start = from + parts[from..].iter().take_while(|q| q.para < p).count();
    start..start + parts[start..].iter().take_while(|q| q.para == p).count()
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
    /// (a sentence's own cues, copied only where a quotation's pattern adds a dash)
    pub sent_cues: Vec<std::borrow::Cow<'p, [CueHit]>>,
}

impl<'a> Linker<'a> {
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

    /// A linker for the quotation parts `parts` of `text`, with nothing linked yet, and room
    /// for the statements of a document with `cues` cues: the linking's (each is a cue's, of
    /// the sentences' or a dash a part took: at most the cues and the parts) and reported
    /// speech's after them (at most one a cue), so that neither the statements nor the map
    /// of cues grows by copying.
    pub(crate) fn new(
        text: &'a str,
        parts: &'a [crate::quotes::QuotePart],
        cues: usize,
    ) -> Linker<'a> {
        let room = parts.len() + 2 * cues;
        Linker {
            text,
            parts,
            stmts: Vec::with_capacity(room),
            info: vec![PartInfo::default(); parts.len()],
            by_cue: rustc_hash::FxHashMap::with_capacity_and_hasher(room, Default::default()),
            carry: None,
        }
    }

    /// Link the quotations of paragraph `p`, then its quotation-only sentences by context,
    /// and note what the next paragraph may continue; gives back the list `spare` of its
    /// sentence cues, for the next paragraph's (one list is refilled, not one made each).
    fn paragraph<'p>(
        &mut self,
        (p, here): (usize, std::ops::Range<usize>),
        pt: &'p ParaTokens,
        american: bool,
        spare: Vec<std::borrow::Cow<'p, [CueHit]>>,
    ) -> Vec<std::borrow::Cow<'p, [CueHit]>> {
        let (para, unlinked) = self.sentences_into((p, here), pt, spare);
        self.by_context(&para, &unlinked, american);
        self.carry = self.carry_of(&para);
        para.sent_cues
    }

    /// [`Linker::sentences_into`] a new list (as a test reads one paragraph).
    #[cfg(test)]
    pub(crate) fn sentences<'p>(
        &mut self,
        p: usize,
        pt: &'p ParaTokens,
    ) -> (Para<'p>, Vec<(usize, usize, usize)>) {
        let here = parts_of(self.parts, 0, p);
        self.sentences_into((p, here), pt, Vec::new())
    }

    /// Link each quotation of paragraph `p` (its run of parts `here`, [`parts_of`]) by the
    /// patterns of its sentence; gives the
    /// paragraph as the context rules read it (its sentence cues in `sent_cues`, emptied
    /// first) and the parts left (part, token, sentence).
    pub(crate) fn sentences_into<'p>(
        &mut self,
        (p, here): (usize, std::ops::Range<usize>),
        pt: &'p ParaTokens,
        mut sent_cues: Vec<std::borrow::Cow<'p, [CueHit]>>,
    ) -> (Para<'p>, Vec<(usize, usize, usize)>) {
        let parts = self.parts;
        sent_cues.clear();
        sent_cues.reserve(pt.sents.len());
        let mut unlinked: Vec<(usize, usize, usize)> = Vec::new();
        // (the quotation tokens, found by their parts' offsets: the sentences are not
        // scanned token by token)
        let mut quotes = quotation_tokens(pt, parts, here.clone()).peekable();
        for (si, sent) in pt.sents.iter().enumerate() {
            let mut cues = std::borrow::Cow::Borrowed(&pt.cues[si][..]);
            while let Some(&(qi, k)) = quotes.peek()
                && qi < sent.end
            {
                quotes.next();
                if qi >= sent.start && !self.quotation(p, pt, sent, qi, k, &mut cues) {
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
        (para, unlinked)
    }

    /// Link part `k` (token `qi` of sentence `sent`) by the patterns of its sentence, or
    /// with the quotation it continues; false when neither links it.
    pub(crate) fn quotation(
        &mut self,
        p: usize,
        pt: &ParaTokens,
        sent: &std::ops::Range<usize>,
        qi: usize,
        k: usize,
        cues: &mut std::borrow::Cow<'_, [CueHit]>,
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

/// The quotation tokens of a paragraph (token, part), in order: each of its parts `here`
/// looked up by its offset, a binary search (the paragraph's tokens are in text order, and
/// the lexer makes part `k`'s token, `Tok::Quote(k)`, at the start of its outer span); a
/// part whose token is not there (masked) has none.
fn quotation_tokens<'p>(
    pt: &'p ParaTokens,
    parts: &'p [crate::quotes::QuotePart],
    here: std::ops::Range<usize>,
) -> impl Iterator<Item = (usize, usize)> + 'p {
    let toks = &pt.toks;
    here.filter_map(move |k| {
        let at = toks.partition_point(|t| t.start < parts[k].outer.start);
        toks.get(at)
            .is_some_and(|t| t.kind.quote_index() == Some(k))
            .then_some((at, k))
    })
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
    starts_cap
        && (qi == sent.start
            || Class::LinkDirectOpeners.contains(toks[qi - 1].text(text))
            || said_before(text, toks, sent, qi) && inner.ends_with(['.', '?', '!', ',']))
}

/// `He said "I'm going to Hawaii."`: a verb of saying right before the quotation, with no
/// comma (the quotation then ends like a sentence).
fn said_before(text: &str, toks: &[Token], sent: &std::ops::Range<usize>, qi: usize) -> bool {
    qi > sent.start
        && toks[qi - 1].kind == Tok::Word
        && crate::lexicon::LEXICON
            .verb(&crate::lexicon::lower(toks[qi - 1].text(text)), None)
            .is_some_and(|v| v.speech && v.words == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::test_support::paragraph;

    /// Whether the first quotation of `text` is direct by its opening.
    fn direct(text: &str) -> bool {
        let (parts, pt) = paragraph(text);
        let qi = pt
            .toks
            .iter()
            .position(|t| t.kind == Tok::Quote(0))
            .unwrap();
        let sent = pt.sents.iter().find(|s| s.contains(&qi)).unwrap();
        direct_opening(text, &pt.toks, sent, qi, &parts[0])
    }

    #[test]
    fn the_quotation_tokens_are_found_by_their_parts_offsets() {
        let text = "“We won,” Smith said, and “we will win again,” he added.";
        let (parts, pt) = paragraph(text);
        let found: Vec<(usize, usize)> = quotation_tokens(&pt, &parts, 0..parts.len()).collect();
        let scanned: Vec<(usize, usize)> = (pt.toks.iter().enumerate())
            .filter_map(|(i, t)| Some((i, t.kind.quote_index()?)))
            .collect();
        assert_eq!(found, scanned);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_paragraphs_parts_are_the_run_a_search_finds() {
        let part = |para| crate::quotes::QuotePart {
            outer: crate::model::Span { start: 0, end: 0 },
            inner: crate::model::Span { start: 0, end: 0 },
            para,
            continues: None,
            unclosed: false,
            single: false,
        };
        // (paragraphs with no part, one, several; runs at the start and the end)
        for paras in [vec![], vec![0], vec![2, 2], vec![0, 0, 1, 3, 3, 3, 4, 7]] {
            let parts: Vec<_> = paras.iter().map(|&p| part(p)).collect();
            let mut from = 0;
            for p in 0..9 {
                let searched =
                    parts.partition_point(|q| q.para < p)..parts.partition_point(|q| q.para <= p);
                let here = parts_of(&parts, from, p);
                assert_eq!(here, searched, "paragraph {p} of {paras:?}");
                assert_eq!(parts_of(&parts, 0, p), searched);
                from = here.end;
            }
        }
    }

    #[test]
    fn a_quotation_right_after_said_is_direct() {
        assert!(direct("He said \"I'm going to Hawaii.\""));
        assert!(direct("He said, \"I'm going to Hawaii.\""));
        assert!(!direct("He said \"Hawaii\" was nice."));
        assert!(!direct("He said the trip was \"fun.\""));
    }
}
