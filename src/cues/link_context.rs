//! Linking by context: a sentence that is only quotation takes the statement next to it,
//! by the rules of [`CONTEXT_RULES`] in order, and a paragraph that is only quotation the
//! one of the paragraph before it (`carry`) or after it.

use super::*;
use crate::lexicon::Class;
use crate::segment::Tok;

/// A quotation-only sentence's part waiting for its statement.
pub(crate) struct Unlinked {
    /// The part, its token and its sentence.
    pub k: usize,
    pub qi: usize,
    pub si: usize,
    /// Every sentence of the paragraph is only quotation.
    pub para_quote_only: bool,
}

/// A rule of linking by context: the statement that a quotation-only sentence joins.
#[allow(dead_code)] // (the name is for tests and debugging)
pub(crate) struct ContextRule {
    pub name: &'static str,
    pub find: fn(&mut Linker, &Para, &Unlinked) -> Option<usize>,
}

/// The context rules, in order: the first that names a statement links the part. The next
/// sentence's opening attribution comes first (`“A?” Trump asked.`), then the statement
/// just before in the paragraph, the previous sentence's cue, the statement just after,
/// and last what the previous paragraph carries.
pub(crate) const CONTEXT_RULES: &[ContextRule] = &[
    ContextRule {
        name: "next sentence opens with its speaker and cue",
        find: next_sentence_opening,
    },
    ContextRule {
        name: "statement before it in the paragraph",
        find: statement_before,
    },
    ContextRule {
        name: "cue of the previous sentence",
        find: previous_sentence_cue,
    },
    ContextRule {
        name: "statement after it in the paragraph",
        find: statement_after,
    },
    ContextRule {
        name: "statement the previous paragraph carries",
        find: carried,
    },
];

/// A sentence that is only quotation, perhaps after a connective ("But “…”", "Instead,
/// “…”"): it continues the speaker next to it.
pub(crate) fn quote_only(text: &str, pt: &ParaTokens, si: usize) -> bool {
    let r = pt.sents[si].clone();
    let toks = &pt.toks;
    let skip =
        usize::from(r.start < r.end && Class::LinkConnectives.contains(toks[r.start].text(text)));
    r.clone()
        .skip(skip)
        .all(|i| matches!(toks[i].kind, Tok::Quote(_) | Tok::Punct))
        && r.clone().any(|i| matches!(toks[i].kind, Tok::Quote(_)))
}

/// “Is it over?” Trump asked. — a short quotation-only sentence (or one ending in a
/// question, exclamation or break) whose speaker and cue open the next sentence.
fn next_sentence_opening(l: &mut Linker, para: &Para, u: &Unlinked) -> Option<usize> {
    let (text, pt) = (l.text, para.pt);
    let part = &l.parts[u.k];
    let inner = &text[part.inner.start..part.inner.end];
    let (c, ns) = pt
        .sents
        .get(u.si + 1)
        .and_then(|ns| cue_opening(text, &pt.toks, ns, &para.sent_cues[u.si + 1]).map(|c| (c, ns)))
        .filter(|(_, ns)| inner.ends_with(['?', '!', '—', '…', '-']) || ns.len() <= 12)?;
    Some(l.stmt_of(para.p, c, ns))
}

/// The most quotations a quotation-only sentence looks across for the statement it
/// continues (a paragraph of thousands of marks, unbalanced, stays linear).
const CONTEXT_REACH: usize = 64;

/// “We won,” Smith said. “And we will win again.” — the statement of the nearest linked
/// quotation before it in the paragraph (parts are in token order).
fn statement_before(l: &mut Linker, para: &Para, u: &Unlinked) -> Option<usize> {
    (para.here.start..u.k.min(para.here.end))
        .rev()
        .take(CONTEXT_REACH)
        .find(|&j| l.info[j].tok < u.qi && l.info[j].stmt.is_some())
        .and_then(|j| l.info[j].stmt)
}

/// Smith said it was over. “We won.” — the last cue of saying in the sentence before.
fn previous_sentence_cue(l: &mut Linker, para: &Para, u: &Unlinked) -> Option<usize> {
    let c = (u.si > 0)
        .then(|| {
            para.sent_cues[u.si - 1]
                .iter()
                .rev()
                .find(|c| c.speech)
                .copied()
        })
        .flatten()?;
    Some(l.stmt_of(para.p, c, &para.pt.sents[u.si - 1]))
}

/// “We won.” “And we will win again,” Smith said. — the statement of the nearest linked
/// quotation after it in the paragraph.
fn statement_after(l: &mut Linker, para: &Para, u: &Unlinked) -> Option<usize> {
    (u.k.max(para.here.start)..para.here.end)
        .take(CONTEXT_REACH)
        .find(|&j| l.info[j].tok > u.qi && l.info[j].stmt.is_some())
        .and_then(|j| l.info[j].stmt)
}

/// Smith said: ¶ “We won.” — in a paragraph that is only quotation, what the previous
/// paragraph carries.
fn carried(l: &mut Linker, para: &Para, u: &Unlinked) -> Option<usize> {
    let _ = para;
    if u.para_quote_only { l.carry } else { None }
}

impl Linker<'_> {
    /// Link the parts of `unlinked` (part, token, sentence) that stand in quotation-only
    /// sentences by the context rules.
    pub(crate) fn by_context(
        &mut self,
        para: &Para,
        unlinked: &[(usize, usize, usize)],
        american: bool,
    ) {
        // (a paragraph whose quotations its sentences' patterns all linked has no
        // sentence to read here)
        if unlinked.is_empty() {
            return;
        }
        let (text, pt) = (self.text, para.pt);
        let sent_quote_only: Vec<bool> = (0..pt.sents.len())
            .map(|si| quote_only(text, pt, si))
            .collect();
        let para_quote_only = sent_quote_only.iter().all(|&q| q);
        for &(k, qi, si) in unlinked {
            // (in an American house style a paragraph in single marks is a subhead, "'Pretty
            // cool working there.'", no one's quotation going on)
            if !sent_quote_only[si] || (american && self.parts[k].single) {
                continue;
            }
            self.info[k].direct = true;
            let u = Unlinked {
                k,
                qi,
                si,
                para_quote_only,
            };
            if let Some(s) = CONTEXT_RULES.iter().find_map(|r| (r.find)(self, para, &u)) {
                self.attach(s, k);
            }
        }
    }

    /// What the next paragraph may continue: "X said:" at the end, or the last attributed
    /// quotation of this one.
    pub(crate) fn carry_of(&mut self, para: &Para) -> Option<usize> {
        let (text, pt) = (self.text, para.pt);
        let toks = &pt.toks;
        let last_cue = pt.sents.last().and_then(|s| {
            let cues = para.sent_cues.last()?;
            let c = *cues.last()?;
            let ends_colon = toks[s.end - 1].is_text(text, ":");
            (ends_colon || (c.kind == CueKind::Verb && c.speech)).then(|| (c, s.clone()))
        });
        let last_linked = para
            .here
            .clone()
            .filter(|&j| self.info[j].stmt.is_some())
            .max_by_key(|&j| self.info[j].tok)
            .and_then(|j| self.info[j].stmt);
        match (last_cue, last_linked) {
            (Some((c, s)), _) if toks[s.end - 1].is_text(text, ":") => {
                Some(self.stmt_of(para.p, c, &s))
            }
            (_, Some(l)) => Some(l),
            (Some((c, s)), None) => Some(self.stmt_of(para.p, c, &s)),
            (None, None) => None,
        }
    }

    /// “We won.” ¶ “And we will again,” Viguerie adds. — a paragraph that is only
    /// quotation, with nothing before it to attribute it, is the speaker's who is named
    /// when the next paragraph opens with their next quotation.
    pub(crate) fn before_next_paragraph(&mut self, paras: &[ParaTokens]) {
        let parts = self.parts;
        // (read once per paragraph: a paragraph may hold thousands of parts)
        let only_quotes: Vec<bool> = paras
            .iter()
            .map(|pt| {
                pt.toks
                    .iter()
                    .all(|t| matches!(t.kind, Tok::Quote(_) | Tok::Punct))
            })
            .collect();
        for k in 0..parts.len() {
            if self.info[k].stmt.is_some() || parts[k].continues.is_some() {
                continue;
            }
            let p = parts[k].para;
            if !only_quotes[p] || p + 1 >= paras.len() {
                continue;
            }
            let next = (parts.partition_point(|q| q.para <= p)..parts.len())
                .take_while(|&j| parts[j].para == p + 1)
                .find(|&j| self.info[j].tok == 0);
            if let Some(j) = next
                && let Some(s) = self.info[j].stmt
                && self.info[j].own_cue
            {
                self.info[k].stmt = Some(s);
                self.info[k].direct = true;
                self.stmts[s].parts.push(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::test_support::{cue_text, paragraph};

    /// The cue of the statement that the context rule named `rule` gives quotation `k` of
    /// `text` (one paragraph), after the sentences' own patterns linked what they could.
    fn by_rule(text: &str, k: usize, rule: &str, carry: Option<usize>) -> Option<String> {
        let (parts, pt) = paragraph(text);
        let mut l = Linker::new(text, &parts, 0);
        let (para, unlinked) = l.sentences(0, &pt);
        l.carry = carry;
        let &(_, qi, si) = unlinked.iter().find(|u| u.0 == k).expect("left unlinked");
        let u = Unlinked {
            k,
            qi,
            si,
            para_quote_only: (0..pt.sents.len()).all(|si| quote_only(text, &pt, si)),
        };
        let r = CONTEXT_RULES.iter().find(|r| r.name == rule).unwrap();
        let s = (r.find)(&mut l, &para, &u)?;
        l.stmts[s].cue.map(|c| cue_text(text, c).to_string())
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn next_sentence_opening() {
        let text = "“Is it over?” Trump asked reporters.";
        let (_, pt) = paragraph(text);
        if pt.sents.len() == 2 {
            let r = "next sentence opens with its speaker and cue";
            assert_eq!(by_rule(text, 0, r, None), some("asked"));
        }
    }

    #[test]
    fn statement_before() {
        let text = "“We won,” Smith said. “And we will win again.”";
        let r = "statement before it in the paragraph";
        assert_eq!(by_rule(text, 1, r, None), some("said"));
    }

    #[test]
    fn thousands_of_unbalanced_marks_link_in_linear_time() {
        let text = format!("“We won,” Smith said. {}", "“a ".repeat(50_000));
        let (parts, pt) = paragraph(&text);
        let t = std::time::Instant::now();
        let mut l = Linker::new(&text, &parts, 0);
        let (para, unlinked) = l.sentences(0, &pt);
        l.by_context(&para, &unlinked, true);
        l.before_next_paragraph(std::slice::from_ref(&pt));
        assert!(t.elapsed().as_secs() < 5);
        // (each takes the statement of the one before it: all are Smith's)
        assert!(l.info[0].stmt.is_some());
        assert_eq!(l.info[50_000].stmt, l.info[0].stmt);
    }

    #[test]
    fn previous_sentence_cue() {
        let text = "Smith said it was over. “We won.”";
        assert_eq!(
            by_rule(text, 0, "cue of the previous sentence", None),
            some("said")
        );
    }

    #[test]
    fn statement_after() {
        let text = "“We won.” “And we will win again,” Smith said.";
        let r = "statement after it in the paragraph";
        assert_eq!(by_rule(text, 0, r, None), some("said"));
    }

    #[test]
    fn carried() {
        let text = "“We won.”";
        let r = "statement the previous paragraph carries";
        assert_eq!(by_rule(text, 0, r, None), None);
        let (parts, pt) = paragraph(text);
        let mut l = Linker::new(text, &parts, 0);
        let (para, _) = l.sentences(0, &pt);
        l.carry = Some(7);
        let u = Unlinked {
            k: 0,
            qi: 0,
            si: 0,
            para_quote_only: true,
        };
        assert_eq!(super::carried(&mut l, &para, &u), Some(7));
    }

    #[test]
    fn a_connective_may_open_a_quotation_only_sentence() {
        let text = "But “we won.”";
        let (_, pt) = paragraph(text);
        assert!(quote_only(text, &pt, 0));
        let text = "Smith: “We won.”";
        let (_, pt) = paragraph(text);
        assert!(!quote_only(text, &pt, 0));
    }

    #[test]
    fn a_quotation_paragraph_before_an_attributed_one() {
        let a = crate::analyze(
            "“We won.”\n\n“And we will again,” Viguerie adds.",
            &crate::Options::default(),
        );
        let q = &a.quotes[0];
        assert_eq!(q.text, "We won.");
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("adds"));
    }
}
