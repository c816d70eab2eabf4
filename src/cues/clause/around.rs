//! [`Around`]: what stands around the cue — its auxiliaries, its tail (a speaker, an
//! adjunct, a hearer) and the quotations of an archive before and after it — read once for
//! the rules of the later phases.

use super::Cx;
use super::pattern::is;
use crate::cues::*;
use crate::grammar::token;
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while;
use std::cell::OnceCell;

/// What stands around the cue, each fact read when a rule first asks for it (most cues
/// are decided before the later facts are needed) and kept for the rules after.
pub(super) struct Around<'c, 'a> {
    cx: &'c Cx<'a>,
    /// The first of the auxiliaries before the cue ("has also said": at "has").
    pub b: usize,
    /// Nothing follows the cue in the sentence.
    pub tail_empty: bool,
    telling: OnceCell<bool>,
    tail_is_adjunct: OnceCell<bool>,
    inverted_tail: OnceCell<bool>,
    comma_tail: OnceCell<bool>,
    apposed_subject: OnceCell<bool>,
    quoted_rest: OnceCell<Option<usize>>,
    quoted_before: OnceCell<bool>,
}

impl<'c, 'a> Around<'c, 'a> {
    pub fn new(cx: &'c Cx<'a>, b: usize) -> Around<'c, 'a> {
        Around {
            cx,
            b,
            tail_empty: cx.after.min(cx.hi) == cx.hi,
            telling: OnceCell::new(),
            tail_is_adjunct: OnceCell::new(),
            inverted_tail: OnceCell::new(),
            comma_tail: OnceCell::new(),
            apposed_subject: OnceCell::new(),
            quoted_rest: OnceCell::new(),
            quoted_before: OnceCell::new(),
        }
    }

    /// The cue is an -ing form ("is calling for").
    pub fn progressive(&self) -> bool {
        ing_form(self.cx.text, &self.cx.c)
    }

    /// The cue is a verb of telling, whose object is no clause.
    pub fn telling(&self) -> bool {
        *self
            .telling
            .get_or_init(|| self.cx.lemma.has(Class::ClauseTellingVerbs))
    }

    /// The tokens after the cue are an adjunct ("…, he said on Sunday.").
    pub fn tail_is_adjunct(&self) -> bool {
        *self
            .tail_is_adjunct
            .get_or_init(|| tail_is_adjunct(self.cx, self.b, self.telling()))
    }

    /// The speaker follows the cue ("…, said Alan Abramowitz, a demographer").
    pub fn inverted_tail(&self) -> bool {
        *self.inverted_tail.get_or_init(|| inverted_tail(self.cx))
    }

    /// A comma and a participle or adverbial follow the cue ("…, he said, adding that …").
    pub fn comma_tail(&self) -> bool {
        *self.comma_tail.get_or_init(|| comma_tail(self.cx))
    }

    /// The sentence opens with the cue's subject and an apposition ("Ada Fisher, a member
    /// of the committee, said …").
    pub fn apposed_subject(&self) -> bool {
        let cx = self.cx;
        *self
            .apposed_subject
            .get_or_init(|| apposed_subject(cx.text, cx.toks, cx.lo, self.b))
    }

    /// The comma (or colon) after the cue and before a quotation in doubled apostrophes.
    pub fn quoted_rest(&self) -> Option<usize> {
        *self
            .quoted_rest
            .get_or_init(|| quoted_rest(self.cx, self.b))
    }

    /// A quotation in doubled apostrophes, then its speaker, before the cue.
    pub fn quoted_before(&self) -> bool {
        *self
            .quoted_before
            .get_or_init(|| quoted_before(self.cx, self.b))
    }

    /// A quotation in doubled apostrophes after the cue, none before, that opens a sentence.
    pub fn quotation_after(&self) -> bool {
        self.quoted_rest()
            .is_some_and(|i| quotation_opens_sentence(self.cx.text, self.cx.toks, i + 1))
            && !self.quoted_before()
    }
}

/// Where the cue's tail ends: "…, a spokeswoman said on Saturday, and it has …" (at a
/// dash, a semicolon, or a comma before "and"/"but" or a participle's statement of its own,
/// ", adding that …"); read no further than `cap` (the end when none is found before).
fn tail_end(cx: &Cx, cap: usize) -> usize {
    let (text, after, hi) = (cx.text, cx.after, cx.hi.min(cap));
    // (a participle's cue after the comma: its statement of its own)
    let participle = |i: usize| {
        i > after
            && cx
                .sent_cues
                .iter()
                .any(|s| s.tok == i + 1 && ing_form(text, s))
    };
    let and_or_but = |i: usize| {
        cx.toks
            .get(i)
            .is_some_and(|t| t.is_text(text, "and") || t.is_text(text, "but"))
    };
    (after.min(hi)..hi)
        .find(|&i| cx.breaks(i) || (cx.is_text(i, ",") && (and_or_but(i + 1) || participle(i))))
        .unwrap_or(hi)
}

/// The longest adjunct after the cue ([`tail_is_adjunct`]).
const MAX_ADJUNCT: usize = 16;

/// "…, an official told The New York Times on Sunday.", "…, he said on Sunday.": the
/// words after the cue (past a verb of telling's object) are an adjunct, no clause.
fn tail_is_adjunct(cx: &Cx, b: usize, telling: bool) -> bool {
    let (text, toks, hi) = (cx.text, cx.toks, cx.hi);
    let from = cx.after.min(hi);
    // (the token's bit: the class's words are in lower case)
    let opener = |t: &Token| in_lower_class(text, t, Class::AdjunctOpeners);
    // (without a verb of telling, the adjunct opens right after the cue: a first word that
    // ends no tail, is no comma and opens no adjunct makes the tail no adjunct, and the tail
    // is not read)
    if !telling && from < hi && !cx.breaks(from) && !cx.is_text(from, ",") && !opener(&toks[from]) {
        return false;
    }
    // (the tail is read only as far as an adjunct may reach: a verb of telling's object
    // takes at most six words, the adjunct at most `MAX_ADJUNCT`; a longer tail is none,
    // and one token past the longest tells it)
    let object_room = if telling { 6 } else { 0 };
    let tail_end = tail_end(cx, from + object_room + MAX_ADJUNCT + 1);
    let obj = if telling {
        told_object(text, toks, from, tail_end)
    } else {
        from
    };
    // (a longer one when it opens with an adjunct and a clause ends in a comma before the
    // speaker: "…,'' Mrs. Clinton said in one of her debates with Mr. Sanders, a bracingly
    // honest statement.")
    let opens_with_adjunct = || {
        cx.lemma.has(Class::InvertingVerbs)
            && toks.get(obj).is_some_and(|t| adjunct_opener(text, t))
            && toks[cx.lo..b].iter().any(|t| cx.ends_with_comma(t))
    };
    // (a relative clause after the adjunct's noun is the writer's gloss on it: "…,'' he said
    // of the course, which is now called the Honda Classic.")
    let adjunct_end = (obj..tail_end)
        .find(|&i| i > obj && cx.is_text(i, ",") && cx.matches(i + 1, exact_relative))
        .unwrap_or(tail_end);
    let adjunct = &toks[obj..adjunct_end];
    (adjunct.len() <= 6 || (adjunct.len() <= MAX_ADJUNCT && opens_with_adjunct()))
        && !adjunct.iter().any(|t| {
            // ("say this plan is a patch", "said on Friday he met …": a verb or a subject
            // makes it a clause)
            is_clause_word(text, t)
                || in_lower_class(text, t, Class::ReportedSubjectPronouns)
                // (not a modal of obligation, which a quoted subject can precede: '“the
                // next president” should choose')
                || (t.is_written(Class::FiniteForms, text)
                    && !matches!(t.text(text), "should" | "must"))
        })
        && adjunct.first().is_none_or(|t| {
            // "…, he said, on Sunday" (not "In Iowa, he said, voters were angry")
            opener(t)
                || t.is_text(text, ",")
                    && toks[obj + 1..adjunct_end].first().is_none_or(|n| {
                        opener(n) || LEXICON.adverbial_openers.contains(n.text(text))
                    })
        })
}

/// A relative pronoun exactly as written: "which", "who", "whose", "where".
fn exact_relative<'a>(i: crate::grammar::Toks<'a>) -> crate::grammar::PResult<'a, &'a Token> {
    super::pattern::exact(Class::ClauseRelatives)(i)
}

/// "…, said Alan Abramowitz, a demographer at Emory University": the speaker after the
/// cue, then nothing or a comma (an apposition, a relative clause, "adding that …").
fn inverted_tail(cx: &Cx) -> bool {
    let (text, hi) = (cx.text, cx.hi);
    let tail = &cx.toks[cx.after.min(hi)..hi];
    let inverts = cx.lemma.has(Class::InvertingVerbs);
    let speaker_word = |t: &Token| {
        let w = t.text(text);
        w != ","
            && !matches!(w, "who" | "whose")
            && (mentionish(text, t)
                || plain_noun(text, t)
                || w.ends_with("'s")
                || w.ends_with("’s")
                // ("his best friend at Lehigh, Bruce Turry")
                || (inverts && Class::ClauseSpeakerPreps.contains(w)))
    };
    // (the speaker's words are read no further than one past the longest speaker taken,
    // eight: a longer run is none, as a run of nine or more is)
    let np = take_while::<_, _, ()>(speaker_word)
        .parse(cx.span(cx.after.min(hi), hi.min(cx.after + 9)))
        .map_or(0, |(_, np): (_, crate::grammar::Toks)| np.hi - np.lo);
    (tail.len() <= 8 && tail.iter().all(|t| mentionish(text, t)))
        || (np > 0
            && np <= 8
            && (tail[..np]
                .iter()
                .any(|t| t.kind == Tok::Word && is_capitalized(t.text(text)) || is_role(text, t))
                || crate::lexicon::with_lower(tail[0].text(text), |l| LEXICON.determiners.contains(l)))
            // (or a relative clause on the speaker: "…, said an American official who was
            // briefed on the details")
            && tail
                .get(np)
                .is_none_or(|t| t.is_text(text, ",") || matches!(t.text(text), "who" | "whose")))
}

/// "…, he said, adding that …" / "…, he said, on condition of anonymity": after the
/// speaker and cue, a comma ends the attribution.
fn comma_tail(cx: &Cx) -> bool {
    let participle_or_adverbial = token(|i, t| {
        let w = lower(i.word(t));
        w.ends_with("ing") || LEXICON.adverbial_openers.contains(&w)
    });
    (is(","), participle_or_adverbial)
        .parse(cx.span(cx.after.min(cx.hi), cx.hi))
        .is_ok()
}

/// "''I don't like it,'' Mr. Trump said of the episode, ''…''", "he told Chris Cuomo of CNN
/// after the debate, ''and I hope …''": a hearer or adjuncts, in words that are no verb,
/// may come between the cue and the comma (or colon) before a quotation in doubled
/// apostrophes; where that comma is.
fn quoted_rest(cx: &Cx, b: usize) -> Option<usize> {
    let (text, toks, after) = (cx.text, cx.toks, cx.after);
    // (no doubled apostrophes in the paragraph, or none where they would open: most
    // sentences, read no further)
    if !cx.doubled_para {
        return None;
    }
    let reach = cx.hi.min(after + 12);
    if !(after + 1..=reach).any(|k| toks.get(k).is_some_and(|t| t.is_text(text, "'"))) {
        return None;
    }
    let comma_or_colon = |t: &Token| matches!(t.text(text), "," | ":");
    let (_, (words, mark)) = (
        take_while(|t: &Token| !comma_or_colon(t) && verbless_word(text, t)),
        alt((is(","), is(":"))),
    )
        .parse(cx.span(after, reach))
        .ok()?;
    let i = words.hi;
    let m = cx.mention_start(b, 6);
    (cx.doubled(i + 1)
        && toks[i + 1].start > mark.end
        // (right after the cue, after the attribution of a quotation, or after a short
        // adjunct: not "hoped to republish his biography, ''Lost Tycoon,''"; a colon
        // announces the quotation after any words: "she said of gay couples: ''Nobody's
        // stopping them …''")
        && (i == after
            || (cx.comma_before(m) && cx.is_text(m - 1, "'"))
            || (i <= after + 5 && adjunct_opener(text, &toks[after]))
            || cx.is_text(i, ":")))
    .then_some(i)
}

/// "''I am going to be the nominee,'' he said aboard his campaign plane on Monday as he
/// crisscrossed …": a quotation closed by doubled apostrophes, from the sentence's start,
/// then its speaker, before the cue.
fn quoted_before(cx: &Cx, b: usize) -> bool {
    let (text, toks, lo) = (cx.text, cx.toks, cx.lo);
    // (a quotation from the sentence's start: not a title, "Later on ''This Week,''
    // Senator Bernie Sanders questioned …"; asked first, as most sentences open otherwise)
    if !cx.doubled(lo) {
        return false;
    }
    let m = cx.mention_start(b, 10);
    // (or a speaker with an apposition: "''He deserved it,'' the assailant, John McGraw,
    // told …", "''…,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said by
    // telephone")
    let apposed = || {
        (lo.max(b.saturating_sub(16))..b)
            .rev()
            .find(|&k| cx.is_text(k, "'"))
            .is_some_and(|k| {
                k >= lo + 3
                    && cx.doubled(k - 1)
                    && cx.is_text(k - 2, ",")
                    // (an abbreviation's period: "Cambridge, Mass.,")
                    && toks[k + 1..b]
                        .iter()
                        .all(|t| matches!(t.text(text), "," | ".") || verbless_word(text, t))
            })
    };
    m < b && m >= lo + 3 && cx.doubled(m - 2) && cx.comma_before(m) || apposed()
}

#[cfg(test)]
mod tests {
    use super::super::tests::clause_text;

    #[test]
    fn an_adjunct_tail_is_no_clause() {
        let s = "The plan will fail, an official told The New York Times on Sunday.";
        assert_eq!(
            clause_text(s, "told").as_deref(),
            Some("The plan will fail")
        );
    }

    #[test]
    fn an_inverted_speaker_ends_the_attribution() {
        let s = "Turnout will be high, said Alan Abramowitz, a demographer at Emory University.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("Turnout will be high")
        );
    }

    #[test]
    fn a_quotation_in_doubled_apostrophes_after_the_cue() {
        let s = "Last year, in Las Vegas, Mr. Trump said, ''I'd like to punch him in the face.''";
        let got = clause_text(s, "said").unwrap();
        assert!(got.starts_with("''I'd like"), "{got}");
    }

    #[test]
    fn a_comma_tail_ends_the_attribution() {
        let s = "The plan will fail, he said, adding that it was too late.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("The plan will fail")
        );
    }

    #[test]
    fn a_quotation_before_its_speaker() {
        let s = "''I am going to be the nominee,'' he said aboard his campaign plane on Monday as he crisscrossed the state.";
        assert_eq!(
            clause_text(s, "said").as_deref(),
            Some("''I am going to be the nominee,''")
        );
    }
}
