//! The patterns of news writing that link a quotation to a cue of its own sentence, tried
//! in the order of a table ([`OPENING_ORDER`] for a quotation that opens its clause,
//! [`INSIDE_ORDER`] for one inside the writer's sentence).

use super::*;
use crate::grammar::{PResult, Toks, comma, token};
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::combinator::eof;
use nom::multi::{many_m_n, many_till, many0_count};

/// A quotation (token `qi` of sentence `sent`) and the cues of its sentence.
pub(crate) struct QuoteAt<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub sent: &'a std::ops::Range<usize>,
    pub qi: usize,
    pub cues: &'a [CueHit],
}

/// A linking pattern: the cue it gives the quotation, if it matches.
#[allow(dead_code)] // (the name is for tests and debugging)
pub(crate) struct CueRule {
    pub name: &'static str,
    pub find: fn(&QuoteAt) -> Option<CueHit>,
}

const QUOTE_THEN_CUE: CueRule = CueRule {
    name: "“Q,” SPEAKER CUE / “Q,” CUE SPEAKER",
    find: quote_then_cue,
};
const QUOTE_DASH_SPEAKER: CueRule = CueRule {
    name: "“Q” — SPEAKER",
    find: quote_dash_speaker,
};
const CUE_BEFORE: CueRule = CueRule {
    name: "SPEAKER CUE: “Q” / SPEAKER CUE (that) … “Q”",
    find: cue_before,
};
const LATER_CUE: CueRule = CueRule {
    name: "a later cue of the sentence",
    find: later_cue,
};

/// A quotation that opens its sentence (or follows a colon or comma) looks after itself
/// first: `“Q,” Smith said` outranks a cue before it.
pub(crate) const OPENING_ORDER: &[CueRule] =
    &[QUOTE_THEN_CUE, QUOTE_DASH_SPEAKER, CUE_BEFORE, LATER_CUE];

/// A quotation inside the writer's sentence looks before itself first: `X said that “…”`.
pub(crate) const INSIDE_ORDER: &[CueRule] =
    &[CUE_BEFORE, QUOTE_THEN_CUE, QUOTE_DASH_SPEAKER, LATER_CUE];

/// The cue of the quotation at token `qi` within its sentence, by the patterns in order.
/// A dash it takes becomes a cue of the sentence (the sentence's cues are copied only then:
/// most are the paragraph's own, borrowed).
pub(crate) fn pick_cue(
    text: &str,
    toks: &[Token],
    sent: &std::ops::Range<usize>,
    qi: usize,
    cues: &mut std::borrow::Cow<'_, [CueHit]>,
) -> Option<CueHit> {
    let at = QuoteAt {
        text,
        toks,
        sent,
        qi,
        cues: &cues[..],
    };
    let order = if opens_clause(&at) {
        OPENING_ORDER
    } else {
        INSIDE_ORDER
    };
    let pick = order.iter().find_map(|r| (r.find)(&at));
    if let Some(p) = pick
        && p.kind == CueKind::Dash
    {
        let cues = cues.to_mut();
        cues.push(p);
        cues.sort_by_key(|c| c.tok);
    }
    pick
}

/// Whether the quotation opens its clause: first in its sentence, or after a colon,
/// comma, parenthesis, dash or semicolon.
fn opens_clause(at: &QuoteAt) -> bool {
    at.qi == at.sent.start || Class::LinkQuoteOpeners.contains(at.toks[at.qi - 1].text(at.text))
}

/// Verbs that may come before their speaker after a quotation (“…,” said Smith).
pub(crate) fn inverts(lemma: &str) -> bool {
    crate::lexicon::LEXICON.inverting_verbs.contains(lemma)
}

/// “We won,” Smith said. / “We won,” said Mr. Smith. — the first verb cue after the
/// quotation, with at most a speaker mention between them ([`cue_after`]).
fn quote_then_cue(at: &QuoteAt) -> Option<CueHit> {
    cue_after(at.text, at.toks, at.qi, at.cues)
}

/// Pattern 1: a cue after the quotation with only a speaker mention between them
/// (`“Q,” SPEAKER CUE`), or right after it when the verb inverts (`“Q,” CUE SPEAKER`).
pub(crate) fn cue_after(text: &str, toks: &[Token], qi: usize, cues: &[CueHit]) -> Option<CueHit> {
    let c = cues
        .iter()
        .find(|c| c.tok > qi && c.kind == CueKind::Verb)?;
    let between = between_quote_and_cue(text, toks, qi, c);
    if between.is_empty() {
        quote_cue_speaker(text, toks, c)
    } else {
        quote_speaker_cue(text, &between, c)
    }
}

/// The tokens between a quotation and the cue after it, without commas and without an
/// apposition that ends at the cue: "“…,” Miller, a retired worker from a nuclear plant,
/// said" leaves "Miller" (an apposition between two commas may hold any words).
fn between_quote_and_cue<'t>(
    text: &'t str,
    toks: &'t [Token],
    qi: usize,
    c: &CueHit,
) -> Vec<&'t Token> {
    let w = Toks::new(text, toks, qi + 1, c.tok);
    let lead: Vec<&Token> = match (any_token, many_till(any_token, apposition_to_end)).parse(w) {
        Ok((_, (first, (rest, _)))) => std::iter::once(first).chain(rest).collect(),
        Err(_) => w.tokens().iter().collect(),
    };
    lead.into_iter().filter(|t| !t.is_text(text, ",")).collect()
}

fn any_token<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|_, _| true)(i)
}

/// `, a retired worker from a nuclear plant,` at the end of the window: a comma, at most
/// 14 tokens that are no comma, and a comma.
fn apposition_to_end<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let not_comma = token(|i, t| i.word(t) != ",");
    let (i, _) = (comma, many_m_n(0, 14, not_comma), comma, eof).parse(i)?;
    Ok((i, ()))
}

/// “We won,” Smith said. — `“Q,” SPEAKER CUE`: what stands between the quotation and the
/// cue (`between`, not empty) is a speaker mention of at most 22 words.
fn quote_speaker_cue(text: &str, between: &[&Token], c: &CueHit) -> Option<CueHit> {
    let mention = between.len() <= 22 && between.iter().all(|t| mentionish(text, t));
    (mention || determiner_phrase(text, between)).then_some(*c)
}

/// “We won,” the union wrote. — a determiner and one to three nouns (no pronoun, no
/// function word) are a speaker too, whatever the noun ("the union", "the group's
/// lawyers", "a Trump aide").
fn determiner_phrase(text: &str, between: &[&Token]) -> bool {
    let lower = |t: &&Token| crate::lexicon::lower(t.text(text));
    let Some((det, rest)) = between.split_first() else {
        return false;
    };
    Class::Determiners.contains(&lower(det))
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|t| {
            let w = lower(t);
            t.kind == Tok::Word
                && !LEXICON.function_words.contains(&w)
                && !LEXICON.pronouns.contains_key(&*w)
        })
}

/// “We won,” said Mr. Smith. — `“Q,” CUE SPEAKER`: only a verb that inverts, not a
/// participle, and a speaker must follow it.
fn quote_cue_speaker(text: &str, toks: &[Token], c: &CueHit) -> Option<CueHit> {
    let rest = Toks::new(text, toks, c.tok + c.len, toks.len());
    let ok = inverted_speaker(rest).is_ok();
    let participle = text[c.start..c.end].ends_with("ing");
    (ok && inverts(c.lemma) && !participle).then_some(*c)
}

/// The first word of a speaker after an inverted cue: a capitalised word, a determiner or
/// pronoun of `link_speaker_openers`, or a number (“…,” said *the* mayor).
fn inverted_speaker<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    token(|i, t| {
        let w = i.word(t);
        t.kind == Tok::Word
            && (is_capitalized(w)
                || Class::LinkSpeakerOpeners.contains(w)
                || w.starts_with(|c: char| c.is_ascii_digit()))
    })(i)
}

/// “We won the vote.” — Commissioner Ana Silva — Pattern 2: a dash after the quotation,
/// then a name (or a handle), in the same sentence. The dash is the cue.
fn quote_dash_speaker(at: &QuoteAt) -> Option<CueHit> {
    let window = Toks::new(at.text, at.toks, at.qi + 1, at.sent.end);
    let (_, d) = dash_then_name(window).ok()?;
    Some(CueHit {
        speech: true,
        tok: at.qi + 1,
        len: 1,
        lemma: "—",
        kind: CueKind::Dash,
        start: d.start,
        end: d.end,
        form: None,
    })
}

/// `— Commissioner`, `— @handle`: a dash and a capitalised word or a handle; gives the dash.
fn dash_then_name<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let dash = token(|i, t| t.kind == Tok::Punct && is_dash(i.word(t)));
    let name = token(|i, t| {
        t.kind == Tok::Word && (is_capitalized(i.word(t)) || i.word(t).starts_with('@'))
    });
    let (i, (d, _)) = (dash, name).parse(i)?;
    Ok((i, d))
}

/// Smith said: “We won.” — Pattern 3: the nearest cue of saying before the quotation, in
/// verb position where one is; then a verb of saying over a nearer noun cue, the outer
/// report over the cue of the clause it reports, and "according to" over both.
fn cue_before(at: &QuoteAt) -> Option<CueHit> {
    let b = nearest_before(at).filter(|b| !characterised(at, b))?;
    let b = verb_over_noun(at, b);
    let b = outer_report(at, b);
    Some(according_source(at, b))
}

/// "rated 32% of Republican claims as “false”", "dismissed his remarks as “nonsense”": a
/// noun cue whose words the quotation, after "as", only characterises — the words are not
/// the claims' but those of whoever rates them.
fn characterised(at: &QuoteAt, b: &CueHit) -> bool {
    // ("as" before the quotation first, in any case as its lower case reads it: only "A"
    // and "S" lower-case to "a" and "s"; most quotations have none, and the cue word is
    // not lowered)
    if !(at.qi > b.tok + b.len && at.toks[at.qi - 1].text(at.text).eq_ignore_ascii_case("as")) {
        return false;
    }
    // ("Republican claims" may read as a verb: a plural of a nominal cue is the noun here)
    b.kind == CueKind::Noun || {
        let word = crate::lexicon::lower(at.toks[b.tok].text(at.text));
        b.len == 1 && word.ends_with('s') && LEXICON.nominal_cues.contains(&word)
    }
}

/// The nearest cue of saying before the quotation. A cue word that could be a noun,
/// standing inside a noun phrase ("his comments", "the Chinese reports"), is the last
/// resort among them.
fn nearest_before(at: &QuoteAt) -> Option<CueHit> {
    let before = |c: &&CueHit| c.tok < at.qi && c.speech;
    at.cues
        .iter()
        .rev()
        .filter(before)
        .find(|c| verbal(at, c))
        .or_else(|| at.cues.iter().rev().find(before))
        .copied()
}

/// Whether cue `c` stands where a verb does: first in the sentence, after punctuation,
/// after "who" or "which", as an infinitive ("to describe", not "to chants of"), or after
/// its subject ([`verb_position`]).
fn verbal(at: &QuoteAt, c: &CueHit) -> bool {
    let (text, toks) = (at.text, at.toks);
    if c.tok == at.sent.start || toks[c.tok - 1].kind != Tok::Word {
        return true;
    }
    // (the word before in any case, as its lower case reads it: no other letter lower-cases
    // to one of these ASCII letters)
    let prev = toks[c.tok - 1].text(text);
    let is = |w: &str| prev.eq_ignore_ascii_case(w);
    is("who")
        || is("which")
        || (is("to") && crate::lexicon::lower(&text[c.start..c.end]) == c.lemma)
        || verb_position(text, toks, at.sent.start, *c)
}

/// "The lawmaker said Trump's remarks “…”": a verb of saying earlier in the sentence
/// outranks a nearer noun cue, which only names what the quotation is.
fn verb_over_noun(at: &QuoteAt, b: CueHit) -> CueHit {
    if b.kind != CueKind::Noun {
        return b;
    }
    at.cues
        .iter()
        .rev()
        .find(|c| c.tok < b.tok && c.tok >= at.sent.start && c.speech && c.kind == CueKind::Verb)
        .copied()
        .unwrap_or(b)
}

/// "Rep. Israel said Clinton called on members to be “closely coordinated”": a cue in the
/// clause that an earlier verb of saying reports belongs to that report; the quotation is
/// the outer speaker's, who is the article's source for it.
fn outer_report(at: &QuoteAt, b: CueHit) -> CueHit {
    if b.kind != CueKind::Verb {
        return b;
    }
    let (text, toks) = (at.text, at.toks);
    at.cues
        .iter()
        .find(|c| {
            c.tok < b.tok
                && c.tok >= at.sent.start
                && c.speech
                && c.kind == CueKind::Verb
                && verb_position(text, toks, at.sent.start, **c)
                // (not "concludes with footage of Trump saying …": no clause follows)
                && toks
                    .get(c.tok + c.len)
                    .is_none_or(|n| !matches!(n.text(text), "with" | "by"))
                && toks[c.tok + c.len..b.tok].iter().all(|t| {
                    t.kind == Tok::Word
                        && !LEXICON
                            .clause_joiners
                            .contains(&crate::lexicon::lower(t.text(text)))
                })
        })
        .copied()
        .unwrap_or(b)
}

/// "Trump said he was “happy,” according to The New York Times": the article's source for
/// the words is whoever "according to" names.
fn according_source(at: &QuoteAt, b: CueHit) -> CueHit {
    if b.kind != CueKind::Verb {
        return b;
    }
    at.cues
        .iter()
        .find(|c| c.kind == CueKind::According && c.tok >= at.sent.start && c.tok < at.sent.end)
        .copied()
        .unwrap_or(b)
}

/// “We won” was what Smith later said to reporters. — Pattern 4: any later cue of saying
/// in the sentence.
fn later_cue(at: &QuoteAt) -> Option<CueHit> {
    at.cues.iter().find(|c| c.tok > at.qi && c.speech).copied()
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
    // (a sentence opening with its scene, "Then …", "In …", names no speaker first)
    if Class::LinkSceneOpeners.contains(first.text(text)) {
        return None;
    }
    mention_run(Toks::new(text, toks, sent.start, c.tok))
        .is_ok()
        .then_some(*c)
}

/// `Senate Majority Leader Mitch McConnell`, `he`, `the mayor, 45,`: tokens that may all
/// stand in a speaker mention, to the window's end.
fn mention_run<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let (i, _) = many0_count(token(|i, t| mentionish(i.text, t))).parse(i)?;
    let (i, _) = eof(i)?;
    Ok((i, ()))
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
    if Class::LinkSubjectPronouns.contains(first.text(text)) {
        return true;
    }
    if !first.is_text(text, "that") {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::test_support::{cue_text, paragraph};

    #[test]
    fn short_words_are_compared_in_any_case_as_their_lower_case_reads() {
        // (`characterised` and `verbal` compare "as", "who", "which", "to" without lowering)
        for w in ["as", "who", "which", "to"] {
            for x in [
                w.to_string(),
                w.to_uppercase(),
                "ſ".repeat(2),
                "İs".to_string(),
                "ｗｈｏ".to_string(),
                "Wh\u{0130}ch".to_string(),
                "\u{212A}o".to_string(),
                "tos".to_string(),
            ] {
                assert_eq!(
                    x.eq_ignore_ascii_case(w),
                    crate::lexicon::lower(&x) == w,
                    "{x:?} {w:?}"
                );
            }
        }
    }

    /// The cue that `rule` gives the first quotation of `text` (one paragraph).
    fn by_rule(text: &str, rule: fn(&QuoteAt) -> Option<CueHit>) -> Option<String> {
        let (_, pt) = paragraph(text);
        let qi = pt
            .toks
            .iter()
            .position(Toks::is_quote)
            .expect("a quotation");
        let si = pt.sents.iter().position(|s| s.contains(&qi)).unwrap();
        let at = QuoteAt {
            text,
            toks: &pt.toks,
            sent: &pt.sents[si],
            qi,
            cues: &pt.cues[si],
        };
        rule(&at).map(|c| cue_text(text, c).to_string())
    }

    /// The cue that [`pick_cue`] gives the first quotation of `text`.
    fn picked(text: &str) -> Option<String> {
        let (_, pt) = paragraph(text);
        let qi = pt
            .toks
            .iter()
            .position(Toks::is_quote)
            .expect("a quotation");
        let si = pt.sents.iter().position(|s| s.contains(&qi)).unwrap();
        let mut cues = std::borrow::Cow::Borrowed(&pt.cues[si][..]);
        pick_cue(text, &pt.toks, &pt.sents[si], qi, &mut cues)
            .map(|c| cue_text(text, c).to_string())
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn the_tables_give_the_precedence() {
        let names = |t: &[CueRule]| t.iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names(OPENING_ORDER)[0], QUOTE_THEN_CUE.name);
        assert_eq!(names(INSIDE_ORDER)[0], CUE_BEFORE.name);
        // An opening quotation looks after itself first, one inside its sentence before.
        assert_eq!(picked("“We won,” Smith said."), some("said"));
        assert_eq!(
            picked("Smith said that the vote was “a landslide.”"),
            some("said")
        );
    }

    #[test]
    fn characterised_rule() {
        // the claims' words are not "false": no cue of the claims links the quotation
        assert_eq!(
            picked("PolitiFact rated 32% of Republican claims as “false” this year."),
            None
        );
        assert_eq!(
            picked("Her claims that “nobody” had warned her were false."),
            some("claims")
        );
    }

    #[test]
    fn quote_speaker_cue() {
        assert_eq!(
            by_rule("“We won,” Smith said.", quote_then_cue),
            some("said")
        );
        // An apposition between commas may hold any words.
        assert_eq!(
            by_rule(
                "“We won,” Miller, a retired worker from a plant, said.",
                quote_then_cue
            ),
            some("said")
        );
    }

    #[test]
    fn determiner_phrase_rule() {
        let text = "The statement referenced the impact it said Clinton would have: \
                    “Parallel to our progress, it opened the door,” the union wrote.";
        assert_eq!(picked(text), some("wrote"));
        assert_eq!(
            by_rule("“We won,” the group's lawyers wrote.", quote_then_cue),
            some("wrote")
        );
        // a pronoun after the phrase is the speaker, not the phrase
        assert_eq!(
            by_rule("“We won,” the next day he wrote.", quote_then_cue),
            None
        );
    }

    #[test]
    fn an_apposition_that_ends_at_the_cue() {
        let text = "Miller, a retired worker from a plant,";
        let all = crate::grammar::test_support::toks(text);
        let (rest, (_, (lead, _))) = (any_token, many_till(any_token, apposition_to_end))
            .parse(Toks::whole(text, &all))
            .unwrap();
        assert!(rest.is_empty() && lead.is_empty());
        assert!(apposition_to_end(Toks::whole(text, &all).from(1)).is_ok());
        assert!(apposition_to_end(Toks::whole(text, &all)).is_err());
    }

    #[test]
    fn quote_cue_speaker() {
        assert_eq!(
            by_rule("“We won,” said Mr. Smith.", quote_then_cue),
            some("said")
        );
        let text = "the mayor";
        let all = crate::grammar::test_support::toks(text);
        assert!(inverted_speaker(Toks::whole(text, &all)).is_ok());
        let text = "yesterday";
        let all = crate::grammar::test_support::toks(text);
        assert!(inverted_speaker(Toks::whole(text, &all)).is_err());
    }

    #[test]
    fn quote_dash_speaker_reads_a_dash_and_a_name() {
        assert_eq!(
            by_rule(
                "“We won the vote.” — Commissioner Ana Silva",
                quote_dash_speaker
            ),
            some("—")
        );
        let text = "— Commissioner Silva";
        let all = crate::grammar::test_support::toks(text);
        assert!(dash_then_name(Toks::whole(text, &all)).is_ok());
        let text = "— and then";
        let all = crate::grammar::test_support::toks(text);
        assert!(dash_then_name(Toks::whole(text, &all)).is_err());
    }

    #[test]
    fn cue_before_the_quotation() {
        assert_eq!(by_rule("Smith said: “We won.”", cue_before), some("said"));
    }

    #[test]
    fn a_verb_of_saying_over_a_nearer_noun() {
        assert_eq!(
            by_rule(
                "The lawmaker said Trump's remarks “were wrong.”",
                cue_before
            ),
            some("said")
        );
    }

    #[test]
    fn the_outer_report() {
        assert_eq!(
            by_rule(
                "Rep. Israel said Clinton called on members to be “closely coordinated.”",
                cue_before
            ),
            some("said")
        );
    }

    #[test]
    fn according_to_names_the_source() {
        assert_eq!(
            by_rule(
                "Trump said he was “happy,” according to The New York Times.",
                cue_before
            ),
            some("according to")
        );
    }

    #[test]
    fn a_later_cue() {
        assert_eq!(
            by_rule("“We won” was what Smith later said.", later_cue),
            some("said")
        );
        assert_eq!(by_rule("“We won” was the word.", later_cue), None);
    }

    #[test]
    fn a_cue_opening_the_next_sentence() {
        // (“Is it over?” ¶) "Trump asked reporters."
        let opening = |text: &str| {
            let (_, pt) = paragraph(text);
            cue_opening(text, &pt.toks, &pt.sents[0], &pt.cues[0])
                .map(|c| cue_text(text, c).to_string())
        };
        assert_eq!(opening("Trump asked reporters."), some("asked"));
        assert_eq!(opening("Then Trump asked."), None);
    }

    #[test]
    fn a_run_of_mention_words() {
        let text = "Senate Majority Leader Mitch McConnell";
        let all = crate::grammar::test_support::toks(text);
        assert!(mention_run(Toks::whole(text, &all)).is_ok());
        let text = "Then it rained";
        let all = crate::grammar::test_support::toks(text);
        assert!(mention_run(Toks::whole(text, &all)).is_err());
    }

    #[test]
    fn a_clause_follows_a_verb() {
        let text = "shows that several students left";
        let all = crate::grammar::test_support::toks(text);
        assert!(clause_follows(text, &all, 1));
        let text = "the states that held primaries";
        let all = crate::grammar::test_support::toks(text);
        assert!(!clause_follows(text, &all, 2));
    }
}
