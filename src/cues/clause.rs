//! The clause a cue reports: where reported speech starts and ends.
//!
//! [`clause_of`] reads a cue in its sentence in phases, each a table of small named rules
//! in `clause/` (the order of phases, and of rules in a table, is the precedence):
//!
//! 1. `according`: "According to X, CLAUSE", "CLAUSE, according to X";
//! 2. "As Smith reported in his book, CLAUSE" (`as_clause`);
//! 3. `before::passive`: a passive verb of saying reports its subject, with its agent only;
//! 4. `before::clause_before`: "CLAUSE, SPEAKER CUE [adjuncts]" / "CLAUSE, CUE SPEAKER",
//!    reading what stands around the cue (`around::Around`);
//! 5. `gates::GATES`: verbs that report no clause after them here ("spoke to reporters",
//!    "knew him", "maintained her lead");
//! 6. `start`: where the clause after the cue starts (past an object, a hearer, "that", an
//!    adjunct, at a quotation in doubled apostrophes);
//! 7. `end::END_RULES`: where it ends, each rule narrowing it (a dash, the next act of
//!    saying, the writer's aside, another speaker, an apposition, the occasion, the time…);
//! 8. `checks`: what is left must be a statement.
//!
//! Token patterns are nom parsers over `grammar::Toks` (see `pattern`); word lists are the
//! `clause_…` classes of `src/lexicon/classes/cues.txt`.

mod according;
mod around;
mod before;
mod checks;
mod cx;
mod end;
mod end_gloss;
mod end_speakers;
mod gates;
mod pattern;
mod start;

use super::*;
use crate::segment::Token;
use cx::Cx;
pub(crate) use cx::lemma_classes;
use std::ops::Range;

/// What a rule that decides the clause says when it applies: `Some(None)` when there is no
/// clause, `Some(Some(r))` for the clause `r`; `None` when the rule does not apply.
type Decision = Option<Option<Range<usize>>>;

/// A named rule of a table that decides the clause.
struct Decide {
    name: &'static str,
    rule: fn(&Cx) -> Decision,
}

/// The first rule of `table` that applies, with its name and what it decides.
fn decide(table: &[Decide], cx: &Cx) -> Option<(&'static str, Option<Range<usize>>)> {
    table.iter().find_map(|r| (r.rule)(cx).map(|d| (r.name, d)))
}

/// `clause`, before the check that what it found is no attribution of its own. `doubled`:
/// the paragraph may hold doubled apostrophes (false when it holds no two apostrophes in a
/// row: the rules that read them are passed over).
pub(crate) fn clause_of(
    text: &str,
    toks: &[Token],
    (lo, hi): (usize, usize),
    c: CueHit,
    sent_cues: &[CueHit],
    doubled: bool,
) -> Option<Range<usize>> {
    let cx = Cx {
        doubled_para: doubled,
        ..Cx::new(text, toks, (lo, hi), c, sent_cues)
    };
    if c.kind == CueKind::According {
        return according::clause(&cx);
    }
    // "As Smith reported in his book, CLAUSE", "As reported by Western Journalism, CLAUSE",
    // "CLAUSE, as David Dayen noted in The Intercept.": "as" and its attribution, set off
    // by a comma, attribute the rest of the sentence.
    if let Some(r) = as_clause(text, toks, lo, hi, c) {
        return (cx.words_up_to(&r, 3) >= 3).then_some(r);
    }
    let b = before::verb_start(&cx);
    if let Some(d) = before::passive(&cx, b) {
        return d;
    }
    let around = around::Around::new(&cx, b);
    if let Some(d) = before::clause_before(&cx, &around) {
        return d;
    }
    // SPEAKER CUE [OBJECT] [that] CLAUSE
    if gates::closed(&cx, &around).is_some() {
        return None;
    }
    let st = start::start(&cx, &around);
    let (end, _) = end::end(&cx, b, st.start);
    checks::checked(&cx, b, &st, end)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::Span;
    use crate::segment::tokens;

    /// The tokens of `text`, each “…” a quotation token.
    fn toks(text: &str) -> Vec<Token> {
        let mut quotes = Vec::new();
        let mut from = 0;
        while let Some(a) = text[from..].find('“').map(|a| from + a)
            && let Some(z) = text[a..].find('”').map(|z| a + z + '”'.len_utf8())
        {
            quotes.push((quotes.len(), Span { start: a, end: z }));
            from = z;
        }
        let whole = Span {
            start: 0,
            end: text.len(),
        };
        tokens(text, whole, &quotes)
    }

    /// The tokens of `sentence`, where its final period starts, its cues, and the cue whose
    /// first word is `cue`.
    fn cue_in(sentence: &str, cue: &str) -> (Vec<Token>, usize, Vec<CueHit>, CueHit) {
        let all = toks(sentence);
        let hi = all.len() - usize::from(all.last().is_some_and(|t| t.is_text(sentence, ".")));
        let cues = find_in(sentence, &all, 0, hi);
        let c = *cues
            .iter()
            .find(|c| all[c.tok].text(sentence) == cue)
            .unwrap_or_else(|| panic!("no cue {cue} in {sentence:?}: {cues:?}"));
        (all, hi, cues, c)
    }

    /// The clause that the cue whose first word is `cue` reports in `sentence` (its final
    /// period left out of the sentence, as `reported` does; “…” a quotation), as text.
    pub(super) fn clause_text(sentence: &str, cue: &str) -> Option<String> {
        let (all, hi, cues, c) = cue_in(sentence, cue);
        let r = clause_of(sentence, &all, (0, hi), c, &cues, true)?;
        Some(
            match (
                all.get(r.start),
                r.end.checked_sub(1).and_then(|e| all.get(e)),
            ) {
                (Some(a), Some(z)) if r.end > r.start => sentence[a.start..z.end].to_string(),
                _ => String::new(),
            },
        )
    }

    /// Run `f` on the cue whose first word is `cue` in `sentence`, in its context.
    pub(super) fn with_cx(sentence: &str, cue: &str, f: impl FnOnce(&Cx)) {
        let (all, hi, cues, c) = cue_in(sentence, cue);
        f(&Cx::new(sentence, &all, (0, hi), c, &cues));
    }

    #[test]
    fn a_reported_clause() {
        let s = "The United States said it would withdraw its troops.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("it would withdraw its troops")
        );
    }

    #[test]
    fn the_rules_have_names() {
        assert_eq!(end::END_RULES.len(), 13);
        assert!(gates::GATES.iter().all(|g| !g.name.is_empty()));
    }
}
