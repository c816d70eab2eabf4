//! Cues: the words that say a statement was made, and which quotation each one governs.
//!
//! A cue is a reporting verb from the lexicon ("said", "went on", "according to"), a noun
//! before a quotation ("her remark that “…”"), a named poll ("in the latest CNN poll"), a
//! colon that introduces a quotation (`X: “…”`) or a dash after one (`” — Commissioner X`).
//! Each stage below is a driver over an ordered table of small named rules (nom parsers over
//! `grammar::Toks` where they read a sequence of tokens); each rule's doc comment gives its
//! example and a unit test beside it parses it. The table's order is the precedence.
//!
//! | stage | table | rules, in order |
//! | --- | --- | --- |
//! | find cues per sentence (`find_in`) | `FIND_RULES` | named poll · capitalised word (pass) · reporting verb in context · nominal cue · colon before a quotation |
//! | rule a verb form out (`verb_in_context`) | `VERB_VETOES` | after a determiner · after a possessive · after "of" · gerund after a preposition · "that said" · ", compared with" · naming participle · noun-first form · noun after a preposition · noun in a noun phrase |
//! | headline cues (`annotate`) | — | Title Case verbs · a colon after a name |
//! | link a quotation in its sentence (`pick_cue`) | `OPENING_ORDER` / `INSIDE_ORDER` | `“Q,” SPEAKER CUE` / `“Q,” CUE SPEAKER` · `“Q” — SPEAKER` · `SPEAKER CUE: “Q”` (then a verb over a noun, the outer report, "according to" over both) · a later cue; a quotation inside the writer's sentence tries the cue before it first |
//! | link a quotation-only sentence (`link`) | `CONTEXT_RULES` | the next sentence's opening `SPEAKER CUE` · the statement before · the previous sentence's cue · the statement after · what the previous paragraph carries (`X said:` or its last statement) |
//! | across paragraphs | — | a quotation continued from the previous paragraph stays with it; a quotation-only paragraph before `“B,” X adds.` is X's |
//!
//! Reported speech (`reported`, `clause_of`) reads the clause a cue reports.

mod clause;
mod find;
mod find_context;
mod find_sources;
mod find_words;
mod headline;
mod link;
mod link_context;
mod link_patterns;
mod reported;
#[cfg(test)]
mod test_support;

pub(crate) use clause::*;
pub(crate) use find::*;
pub(crate) use find_context::*;
pub(crate) use find_sources::*;
pub(crate) use find_words::*;
pub(crate) use headline::*;
pub(crate) use link::*;
pub(crate) use link_patterns::*;
pub(crate) use reported::*;
