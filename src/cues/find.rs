//! Finding cues: reporting verbs, nominal cues, polls, colons, once per sentence, by the
//! rules of [`FIND_RULES`] tried in order at each token.

use super::*;
use crate::grammar::{PResult, Toks, punct, quotation, token};
use crate::lexicon::{Class, LEXICON, with_lower};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::{eof, map};

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
    /// Whether its words are the base and the third person of its lemma (`Form::of`), when
    /// the finder read them off its verb form of one word (`VerbForm::base`, `third`); `None`
    /// for any other cue, whose words [`verb_position`] reads.
    pub form: Option<(bool, bool)>,
}

/// A sentence (tokens `lo..hi` of a paragraph's) as the finding rules read it.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lo: usize,
    pub hi: usize,
}

impl<'a> Scan<'a> {
    /// The sentence `lo..hi` of `toks`.
    pub(crate) fn new(text: &'a str, toks: &'a [Token], lo: usize, hi: usize) -> Scan<'a> {
        Scan { text, toks, lo, hi }
    }
}

impl<'a> Scan<'a> {
    /// The sentence from token `i` on, as a nom input.
    fn from(&self, i: usize) -> Toks<'a> {
        Toks::new(self.text, self.toks, i, self.hi)
    }
}

/// What a finding rule makes of the token it reads.
pub(crate) enum Step {
    /// A cue, and how many tokens to move on.
    Cue(CueHit, usize),
    /// No cue here, and no later rule is tried at this token.
    Pass,
}

/// A rule of cue finding at token `i`, given the cues found before it in the sentence.
#[allow(dead_code)] // (the name is for tests and debugging)
pub(crate) struct FindRule {
    pub name: &'static str,
    pub at: fn(&Scan, usize, &[CueHit]) -> Option<Step>,
}

/// The finding rules, in order: the first that says something at a token decides. A named
/// poll comes before the capitalised-word pass ("In a CNN survey"), which comes before the
/// verbs (capitalised cue words are names, but for the openings it lets through); a verb
/// outranks a nominal cue.
pub(crate) const FIND_RULES: &[FindRule] = &[
    FindRule {
        name: "a named poll after “in”",
        at: poll_rule,
    },
    FindRule {
        name: "a capitalised word is no cue",
        at: capitalised_pass,
    },
    FindRule {
        name: "a reporting verb in context",
        at: verb_rule,
    },
    FindRule {
        name: "a nominal cue before a quotation",
        at: nominal_rule,
    },
    FindRule {
        name: "a colon before a quotation",
        at: colon_rule,
    },
];

/// Find the cue words of a sentence (token range `lo..hi`) (for tests: the paragraphs'
/// sentences are read by [`find_into`]).
#[cfg(test)]
pub(crate) fn find_in(text: &str, toks: &[Token], lo: usize, hi: usize) -> Vec<CueHit> {
    let mut out = Vec::new();
    find_into(text, toks, lo, hi, &mut out);
    out
}

/// Find the cue words of a sentence (token range `lo..hi`) into `out`, emptied first (a
/// list kept from an earlier paragraph: no allocation per sentence).
pub(crate) fn find_into(text: &str, toks: &[Token], lo: usize, hi: usize, out: &mut Vec<CueHit>) {
    out.clear();
    let scan = Scan::new(text, toks, lo, hi);
    let mut i = lo;
    while i < hi {
        if passed_over(&scan, i) {
            i = next_may_cue(toks, i + 1, hi);
            continue;
        }
        match FIND_RULES.iter().find_map(|r| (r.at)(&scan, i, out)) {
            Some(Step::Cue(c, n)) => {
                out.push(c);
                i += n;
            }
            Some(Step::Pass) | None => i += 1,
        }
    }
}

/// Whether no rule of [`FIND_RULES`] can find a cue at token `i`: one bit first (a token
/// inside the sentence that is no verb form nor head of one, nominal cue, "in", "According"
/// or colon, `Class::FindMayCue`, is none: the lexer's flag `Token::may_cue`, read without
/// the token's classes), then [`surely_no_cue`].
#[inline]
fn passed_over(s: &Scan, i: usize) -> bool {
    (i != s.lo && !s.toks[i].may_cue()) || surely_no_cue(s, i)
}

/// The first token from `from` (before `hi`) that may be a cue (`Token::may_cue`: of
/// `Class::FindMayCue`, or a colon), or `hi`: those between are inside the sentence and
/// [`passed_over`], most of a sentence's tokens, passed in one run.
#[inline]
fn next_may_cue(toks: &[Token], from: usize, hi: usize) -> usize {
    toks[from..hi]
        .iter()
        .position(Token::may_cue)
        .map_or(hi, |k| from + k)
}

/// Whether no rule of [`FIND_RULES`] can find a cue at token `i`, read off the token (most
/// tokens): punctuation but a colon, a quotation, a capitalised word inside the sentence
/// that the capitalised pass passes over (not "In", which may name a poll, nor
/// "According"), and a word in lower case that is no reporting verb form nor the head of
/// one, nor "in", with no quotation after it as a nominal cue's.
#[inline]
fn surely_no_cue(s: &Scan, i: usize) -> bool {
    let t = &s.toks[i];
    match t.kind {
        Tok::Punct => !t.is_text(s.text, ":"),
        Tok::Word if t.is_capitalised() => {
            i != s.lo
                && !t.is_text(s.text, "In")
                && !s
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|w| w.starts_with(b"According"))
        }
        Tok::Word => {
            t.verb == crate::lexicon::info::NO_VERB
                && !t.is_verb_head()
                && !t.is_text(s.text, "in")
                // (no quotation after the word as a nominal cue's)
                && !super::find_sources::quotation_may_follow(s.text, s.toks, i, s.hi)
        }
        // (no rule reads a cue at a quotation: each reads a word or a colon)
        Tok::Quote(_) => true,
    }
}

/// "Trump leads in the latest CNN poll": see [`in_poll`].
fn poll_rule(s: &Scan, i: usize, _: &[CueHit]) -> Option<Step> {
    // (a poll's name follows "in": no other word is parsed)
    let t = &s.toks[i];
    if t.kind != Tok::Word || !(t.is_text(s.text, "in") || t.is_text(s.text, "In")) {
        return None;
    }
    in_poll(s.text, s.toks, i, s.hi).map(|c| Step::Cue(c, 1))
}

/// "The Senate said": a capitalised word is a name, not a cue — but "According to", an
/// inverted verb opening its sentence ("Said Dorothy Poynter, …") and a participle of
/// asking that opens it ("Asked about the merger, she …").
fn capitalised_pass(s: &Scan, i: usize, _: &[CueHit]) -> Option<Step> {
    // (the token's flags first: most words are in lower case, and are not read further)
    let t = &s.toks[i];
    if t.kind != Tok::Word || !t.is_capitalised() || t.text(s.text).starts_with("According") {
        return None;
    }
    let opening =
        i == s.lo && (inverted_opening(s.from(i)).is_ok() || asked_opening(s.from(i)).is_ok());
    (!opening).then_some(Step::Pass)
}

/// `Said Dorothy Poynter`: an inverted cue verb and a capitalised word after it.
fn inverted_opening<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let opener = token(|i, t| Class::FindInvertedOpeners.contains(i.word(t)));
    let (rest, (v, _)) = (opener, after_it(|i, t| is_capitalized(i.word(t)))).parse(i)?;
    Ok((rest, v))
}

/// `Asked about the merger`: a participle of asking (in -ed) and a lower-case word.
fn asked_opening<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let asked = token(|i, t| {
        let w = i.word(t);
        w.ends_with("ed")
            && LEXICON
                .verbs
                .get(&*crate::lexicon::lower(w))
                .is_some_and(|f| LEXICON.asking_verbs.contains(f.lemma))
    });
    let lower_word = after_it(|i, t| t.kind == Tok::Word && !is_capitalized(i.word(t)));
    let (rest, (v, _)) = (asked, lower_word).parse(i)?;
    Ok((rest, v))
}

/// The token after a rule's first, which may lie past the sentence's end (the next
/// sentence's first word): it is read but not taken.
fn after_it<'a>(
    pred: impl Fn(&Toks<'a>, &'a Token) -> bool,
) -> impl Fn(Toks<'a>) -> PResult<'a, ()> {
    move |i: Toks<'a>| match i.peek(0) {
        Some(t) if pred(&i, t) => Ok((i, ())),
        _ => Err(nom::Err::Error(())),
    }
}

/// "Smith said he would", "according to officials": a reporting verb of the lexicon
/// ([`verb_at`]) that is a verb here ([`verb_in_context`]); capitalised only opening its
/// sentence or as "According to".
fn verb_rule(s: &Scan, i: usize, _: &[CueHit]) -> Option<Step> {
    let t = s.toks[i];
    if t.kind != Tok::Word {
        return None;
    }
    // (a capitalised word inside the sentence is a cue only as "According to": the
    // others are not looked up)
    if i != s.lo && t.is_capitalised() && !t.text(s.text).eq_ignore_ascii_case("according") {
        return None;
    }
    let f = verb_at(s.text, s.toks, i, s.hi)?;
    if (t.is_capitalised() && f.lemma != "according to" && i != s.lo)
        || !verb_in_context(s.text, s.toks, s.lo, i, &f)
    {
        return None;
    }
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
        end: s.toks[i + f.words - 1].end,
        form: f.person(),
    };
    Some(Step::Cue(hit, f.words))
}

/// "her remark that “…”": see [`nominal`].
fn nominal_rule(s: &Scan, i: usize, _: &[CueHit]) -> Option<Step> {
    if s.toks[i].kind != Tok::Word {
        return None;
    }
    nominal(s.text, s.toks, i, s.hi).map(|c| Step::Cue(c, 1))
}

/// Smith: “We won.” — a colon that introduces a quotation (or ends the sentence: the
/// quotation is the next paragraph) with no verb just before it ("X said:" is the verb's).
fn colon_rule(s: &Scan, i: usize, found: &[CueHit]) -> Option<Step> {
    // (the colon first, read off the token: the pattern is parsed only there)
    if !s.toks[i].is_text(s.text, ":") {
        return None;
    }
    let after_verb = found.last().is_some_and(|c| c.tok + c.len + 3 > i);
    (!after_verb && i > s.lo && colon_before_quote(s.from(i)).is_ok())
        .then(|| Step::Cue(colon_cue(s.toks, i), 1))
}

/// `: “…”` or a colon that ends the sentence.
fn colon_before_quote<'a>(i: Toks<'a>) -> PResult<'a, &'a Token> {
    let (rest, (c, _)) = (punct(":"), alt((map(quotation, |_| ()), map(eof, |_| ())))).parse(i)?;
    Ok((rest, c))
}

/// The reporting verb form that starts at token `i` (any case), before token `hi`. The next
/// word is read only after the head of a two-word form ("went on"); a one-word form is the
/// token's own (`Token::verb_form`, looked up when it was made).
pub(crate) fn verb_at(
    text: &str,
    toks: &[Token],
    i: usize,
    hi: usize,
) -> Option<crate::lexicon::VerbForm> {
    let t = &toks[i];
    if t.kind == Tok::Word && !t.is_verb_head() {
        // (most words are no verb form: the lexicon is not read for them)
        if t.verb == crate::lexicon::info::NO_VERB {
            return None;
        }
        return t.verb_form().filter(|f| f.words == 1);
    }
    two_word_verb_at(text, toks, i, hi)
}

/// [`verb_at`] at the head of a two-word form (or a token that is no word), read from the
/// words' text. The token's own flags say whether it heads a two-word form and its own
/// one-word form (both looked up when it was made; none for a token that is no word): only
/// a head with a word after it is read again, and the two words are looked up joined only
/// when the second is one of a two-word form ([`joined_verb`]).
fn two_word_verb_at(
    text: &str,
    toks: &[Token],
    i: usize,
    hi: usize,
) -> Option<crate::lexicon::VerbForm> {
    let t = &toks[i];
    let next = toks[i + 1..hi]
        .first()
        .filter(|n| n.kind == Tok::Word && t.kind == Tok::Word && t.is_verb_head());
    let one_word = || t.verb_form().filter(|f| f.words == 1);
    let Some(next) = next else {
        return one_word();
    };
    let head = t.text(text);
    with_lower(next.text(text), |next| {
        // "made it clear", "pointed it out": "it" between a two-word verb's head and
        // its particle.
        if next == "it"
            && let Some(after) = toks[i + 2..hi].first().filter(|n| n.kind == Tok::Word)
            && let Some(mut f) = with_lower(after.text(text), |a| joined_verb(head, a))
            && f.words == 2
        {
            f.words = 3;
            return Some(f);
        }
        joined_verb(head, next).or_else(one_word)
    })
}

/// The two-word form of the head `head` (as written) and the word `second` (in lower case),
/// as `Lexicon::verb` finds it: none when `second` is no form's second word (most words
/// after a head: no look-up), else the two lower-case words joined (on the stack when they
/// are short) looked up.
fn joined_verb(head: &str, second: &str) -> Option<crate::lexicon::VerbForm> {
    if !SECOND_WORDS.contains(&second) {
        return None;
    }
    with_lower(head, |head| LEXICON.joined_verb(head, second))
}

/// The second words of the lexicon's two-word verb forms ("on" of "went on"), read from its
/// forms once.
static SECOND_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let lx: &'static crate::lexicon::Lexicon = &LEXICON;
    let mut words: Vec<&'static str> = lx
        .verbs
        .iter()
        .filter_map(|(form, _)| form.split_once(' ').map(|(_, second)| second))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::segment::tokens;

    fn all_tokens(text: &str) -> Vec<crate::segment::Token> {
        tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[],
        )
    }

    fn cues(text: &str) -> Vec<(&'static str, CueKind)> {
        let toks = all_tokens(text);
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
    fn no_rule_finds_a_cue_where_the_token_says_none_can() {
        let mut skipped = 0;
        for text in [
            "Smith said he went on to say it, according to the ministry.",
            "In a CNN poll, he led; in the polls at large he did not.",
            "Her remark that “we won” and his claim “we lost” were noted: “Fine.”",
            "SMITH: We won. Said Dorothy Poynter, “no.” Asked about it, she left.",
            "The clerks decided to get lunch in the state of New York.",
        ] {
            let toks = all_tokens(text);
            let scan = Scan::new(text, &toks, 0, toks.len());
            for i in 0..toks.len() {
                if passed_over(&scan, i) {
                    skipped += 1;
                    let said = FIND_RULES.iter().find_map(|r| (r.at)(&scan, i, &[]));
                    assert!(!matches!(said, Some(Step::Cue(..))), "{text:?} at {i}");
                }
            }
        }
        assert!(skipped > 30, "{skipped}");
    }

    #[test]
    fn a_nominal_cue_is_read_only_in_a_sentence_with_a_quotation() {
        let text = "Her remark that “we won” was noted.";
        let (a, z) = (
            text.find('“').unwrap(),
            text.find('”').unwrap() + '”'.len_utf8(),
        );
        let whole = Span {
            start: 0,
            end: text.len(),
        };
        let quoted = tokens(text, whole, &[(0, Span { start: a, end: z })]);
        let scan = Scan::new(text, &quoted, 0, quoted.len());
        assert!(!passed_over(&scan, 1));
        let nouns = |toks: &[crate::segment::Token]| {
            find_in(text, toks, 0, toks.len())
                .iter()
                .filter(|c| c.kind == CueKind::Noun)
                .count()
        };
        assert_eq!(nouns(&quoted), 1);
        let plain = all_tokens(text);
        assert_eq!(nouns(&plain), 0);
    }

    #[test]
    fn a_two_word_form_is_the_lexicons() {
        // "went on", "Lashed Out", "made it clear": as `Lexicon::verb` reads the words
        let text = "He went on and went home, Lashed Out, made it clear, WENT ON, pointed it \
                    out, went it, said on";
        let toks = all_tokens(text);
        let lower = |k: usize| crate::lexicon::lower(toks[k].text(text)).into_owned();
        for i in 0..toks.len() {
            let next = toks.get(i + 1).map(|_| lower(i + 1));
            let mut looked_up = LEXICON.verb(&lower(i), next.as_deref());
            if next.as_deref() == Some("it")
                && let Some(f) = toks
                    .get(i + 2)
                    .and_then(|_| LEXICON.verb(&lower(i), Some(&lower(i + 2))))
                && f.words == 2
            {
                looked_up = Some(crate::lexicon::VerbForm { words: 3, ..f });
            }
            let found = verb_at(text, &toks, i, toks.len());
            let key = |f: Option<crate::lexicon::VerbForm>| f.map(|f| (f.lemma, f.words));
            assert_eq!(key(found), key(looked_up), "{}", toks[i].text(text));
        }
        assert!(SECOND_WORDS.contains(&"on") && !SECOND_WORDS.contains(&"it"));
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

    // One test per finding rule of FIND_RULES.
    #[test]
    fn the_table_gives_the_precedence() {
        let names: Vec<&str> = FIND_RULES.iter().map(|r| r.name).collect();
        // A named poll before the capitalised pass ("In a CNN survey"), the pass before
        // the verbs, a verb before a nominal cue.
        assert_eq!(names[0], "a named poll after “in”");
        assert_eq!(names[1], "a capitalised word is no cue");
        assert_eq!(names.len(), 5);
        assert_eq!(
            cues("In a CNN survey released Monday, Trump leads"),
            [("in", CueKind::According)]
        );
    }

    #[test]
    fn poll_rule() {
        assert_eq!(
            cues("Trump leads in the latest CNN poll"),
            [("in", CueKind::According)]
        );
    }

    #[test]
    fn capitalised_pass() {
        assert!(cues("Smith Says no").is_empty());
        // An inverted verb or a participle of asking opening the sentence is a cue.
        assert_eq!(
            cues("Said Dorothy Poynter, it works")[0],
            ("say", CueKind::Verb)
        );
        assert_eq!(cues("Asked about the merger, she left")[0].0, "ask");
        let text = "Said Dorothy";
        let all = crate::grammar::test_support::toks(text);
        assert!(inverted_opening(Toks::whole(text, &all)).is_ok());
        let text = "Asked Dorothy";
        let all = crate::grammar::test_support::toks(text);
        assert!(asked_opening(Toks::whole(text, &all)).is_err());
    }

    #[test]
    fn verb_rule() {
        assert_eq!(cues("Smith told reporters")[0].1, CueKind::Verb);
        assert!(cues("He sold the said property").is_empty());
    }

    #[test]
    fn nominal_rule() {
        let text = "He repeated her remark that “we won.”";
        let (_, pt) = crate::cues::test_support::paragraph(text);
        assert!(pt.cues[0].iter().any(|c| c.kind == CueKind::Noun));
    }

    #[test]
    fn colon_rule() {
        let text = "Smith: “We won.”";
        let (_, pt) = crate::cues::test_support::paragraph(text);
        assert_eq!(
            pt.cues[0].iter().map(|c| c.kind).collect::<Vec<_>>(),
            [CueKind::Colon]
        );
        assert!(colon_before_quote(Toks::whole(text, &pt.toks).from(1)).is_ok());
        assert!(colon_before_quote(Toks::whole(text, &pt.toks)).is_err());
    }
}
