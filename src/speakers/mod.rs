//! Speakers: the mention that a cue attributes a statement to, and whom it resolves to.
//!
//! The mention grammar reads a noun phrase next to the cue, leftwards (`Taliban spokesman
//! Suhail Shaheen announced`, `Zalmay Khalilzad, U.S. special representative …, said`) or
//! rightwards (`said Mr. Smith, a spokesman`, `according to the ministry`). Its pieces are
//! the lexicons: titles, role nouns, organisation heads, document nouns, pronouns.
//!
//! Resolution runs once over the document in order: a surname to the full name introduced
//! earlier, a pronoun to the most recent compatible person (gender from titles, first names
//! and earlier pronouns), "who" to the name it follows, a bare role ("the spokesman") to the
//! entity with that role. Every resolved mention joins an entity of `speakers[]`.
//!
//! Layout: `mention/` holds the grammar — `cue` and `verb` (where a cue's speaker stands:
//! the tables `BEFORE_SHARED`, `BEFORE_LEFT`), `left` (the tables `BEFORE_PEEL`,
//! `BARE_HEAD`, `AFTER_HEAD`, `OPENED`), `peel` (appositions, ages, parentheses), `right`,
//! `subject` (the table `OPENERS`), `build`, `quantity`, `names`, and `rules` (the nom
//! parsers over `grammar::Toks`); `resolve` holds resolution, one step a method.
//!
//! The discourse layer: `discourse` names what each paragraph is (headline, byline, time
//! stamp, caption, "Related:" link, transcript turn, list entry, body; the table
//! `PARA_RULES`), and `thread` follows the speaker that runs on from one paragraph to the
//! next (the table `STEPS`: transcript turns, `"attribution": "continued"`, floating
//! quotations).

pub(crate) mod discourse;
mod mention;
mod resolve;
pub(crate) mod surely_verb;
pub(crate) mod thread;

pub(crate) use mention::*;
pub(crate) use resolve::*;
