//! Whether a cue word that could be a noun ("comments", "support", "post") stands where a
//! verb stands: after its subject, not inside a noun phrase ("his personal blog").

use crate::cues::*;
use crate::grammar::{PResult, Toks, token};
use crate::lexicon::{Class, LEXICON, lower};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::combinator::eof;
use nom::multi::many0;

/// A cue word's form against its lemma: the base ("say") or the third person ("says").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form {
    pub base: bool,
    pub third: bool,
    pub lemma: &'static str,
}

impl Form {
    /// The form `form` (lower case) of `lemma`.
    pub(crate) fn of(form: &str, lemma: &'static str) -> Form {
        let base = form == lemma;
        let third = form.len() == lemma.len() + 1 && form.ends_with('s') && form.starts_with(lemma)
            || form.strip_prefix(lemma) == Some("es")
            || lemma
                .strip_suffix('y')
                .is_some_and(|stem| form.strip_prefix(stem) == Some("ies"));
        Form { base, third, lemma }
    }

    /// [`Form::of`] the form as written, in any case: an ASCII form is compared with the
    /// lemma (in lower case) without lowering it; another is lowered first.
    pub(crate) fn of_written(written: &str, lemma: &'static str) -> Form {
        if !may_be_base_or_third(written.as_bytes(), lemma.as_bytes()) {
            return Form {
                base: false,
                third: false,
                lemma,
            };
        }
        if !written.is_ascii() {
            return crate::lexicon::with_lower(written, |l| Form::of(l, lemma));
        }
        let (w, l) = (written.as_bytes(), lemma.as_bytes());
        // (the form is the stem and then `ending`, in any case)
        let is = |stem: &[u8], ending: &[u8]| {
            w.len() == stem.len() + ending.len()
                && w[..stem.len()].eq_ignore_ascii_case(stem)
                && w[stem.len()..].eq_ignore_ascii_case(ending)
        };
        let base = is(l, b"");
        let third = is(l, b"s")
            || is(l, b"es")
            || l.strip_suffix(b"y").is_some_and(|stem| is(stem, b"ies"));
        Form { base, third, lemma }
    }

    /// [`Form::of_written`] of cue `c`'s words: read off the hit when the finder carried
    /// them from its verb form (`CueHit::form`), else from the text (the cue's words lowered
    /// on the stack: no string is made for "Said").
    #[inline]
    pub(crate) fn of_hit(text: &str, c: CueHit) -> Form {
        match c.form {
            Some((base, third)) => Form {
                base,
                third,
                lemma: c.lemma,
            },
            None => Form::of_written(&text[c.start..c.end], c.lemma),
        }
    }
}

/// Whether the form written `written` may be the base or the third person of `lemma`, read
/// off its length and last byte (most cue words, "said", "told", are neither, and are not
/// compared): a third person ends in "s" or "S" (no other letter lower-cases to "s"); a base
/// in ASCII is as long as its lemma; a form with other letters is compared all the same.
fn may_be_base_or_third(written: &[u8], lemma: &[u8]) -> bool {
    matches!(written.last(), Some(b's' | b'S'))
        || written.len() == lemma.len()
        || !written.is_ascii()
}

/// What the rules of [`SUBJECT_RULES`] read: the token `prev` before the cue's auxiliaries
/// (and an aside), at `i - 1` in the sentence from `lo`.
pub(crate) struct Subject<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lo: usize,
    pub i: usize,
    pub prev: Token,
    pub w: &'a str,
    pub lower: std::borrow::Cow<'a, str>,
    pub form: Form,
}

/// A rule of the subject: `Some(verdict)` when it decides.
pub(crate) type SubjectRule = fn(&Subject) -> Option<bool>;

/// The rules that read the word before a cue, in order: the first that decides, decides.
/// The order is the precedence: punctuation before any word; "who", "and" and a capital
/// before the modifiers ("the Chinese comments" is a noun, "General Electric says" not);
/// a modifier before a plural head ("his personal emails"); the subject of a base form or
/// a third-person form last.
pub(crate) const SUBJECT_RULES: &[(&str, SubjectRule)] = &[
    ("after_going_on_to", after_going_on_to),
    ("punctuation", punctuation),
    ("relative", relative),
    ("second_verb", second_verb),
    ("capitalised_name", capitalised_name),
    ("quantity", quantity),
    ("modifier", modifier),
    ("plural_before_pp", plural_before_pp),
    ("base_subject", base_subject),
    ("third_subject", third_subject),
];

/// Whether a cue word that could be a noun ("comments", "support", "post") stands where a
/// verb stands: after its subject, not inside a noun phrase ("his personal blog", "the
/// Chinese comments"). Forms that are only verbs ("said", "told") always pass.
pub(crate) fn verb_position(text: &str, toks: &[Token], lo: usize, c: CueHit) -> bool {
    if c.kind != CueKind::Verb {
        return true;
    }
    let form = Form::of_hit(text, c);
    if !(form.base || form.third) {
        return true;
    }
    // "Valeant shares is down", "the delegate votes were": a verb after the form makes it
    // the noun that verb's subject ends in.
    if form.third
        && toks
            .get(c.tok + c.len)
            .is_some_and(|n| LEXICON.finite_forms.contains(n.text(text)))
    {
        return false;
    }
    let mut i = c.tok;
    // (a negated auxiliary too: "CNN didn't report that …", "Democrats don’t think …")
    while i > lo && aux_or_negated_token(text, &toks[i - 1]) {
        i -= 1;
    }
    if i < c.tok {
        return true; // "will support", "also says"
    }
    let i = before_aside(text, toks, lo, i);
    let Some(prev) = (i > lo).then(|| toks[i - 1]) else {
        return false;
    };
    let w = prev.text(text);
    let decide = |lower: &str| {
        let s = Subject {
            text,
            toks,
            lo,
            i,
            prev,
            w,
            lower: std::borrow::Cow::Borrowed(lower),
            form,
        };
        SUBJECT_RULES
            .iter()
            .find_map(|(_, rule)| rule(&s))
            .unwrap_or(false)
    };
    // (the word's lower case on the stack when it is short and ASCII; punctuation and a
    // quotation are decided by `punctuation`, before any rule reads a lower case, so a
    // quotation is not lower-cased)
    match prev.kind {
        Tok::Word if w.is_ascii() => crate::lexicon::with_lower(w, decide),
        Tok::Word => decide(&lower(w)),
        _ => decide(w),
    }
}

/// "Cement makers, for instance, argue": the subject before an aside between commas that
/// opens with an adverbial or an adverb of `reported_aside_adverbs` ("along", "however", …).
fn before_aside(text: &str, toks: &[Token], lo: usize, i: usize) -> usize {
    if i > lo + 2
        && toks[i - 1].is_text(text, ",")
        && let Some(k) = (lo.max(i.saturating_sub(7))..i - 1)
            .rev()
            .find(|&k| toks[k].is_text(text, ","))
        && k > lo
        && toks.get(k + 1).is_some_and(|t| {
            crate::lexicon::with_lower(t.text(text), |l| LEXICON.adverbial_openers.contains(l))
                || Class::ReportedAsideAdverbs.contains(t.text(text))
        })
    {
        k
    } else {
        i
    }
}

/// "He has begun to rebut", "continued to argue": the base form after "to" of a verb that
/// goes on to report.
fn after_going_on_to(s: &Subject) -> Option<bool> {
    (s.form.base && s.w == "to" && s.i >= s.lo + 2 && goes_on_to(s.toks[s.i - 2].text(s.text)))
        .then_some(true)
}

/// After punctuation: "Simone Perry, a tea party activist, says …", "42% say …", "(D) says",
/// "…, says political scientist Dossym Satpayev" (a verb that is never a noun), and a
/// subject before an aside between dashes ("Democrats — and some Republicans — say …").
fn punctuation(s: &Subject) -> Option<bool> {
    if s.prev.kind == Tok::Word {
        return None;
    }
    let w = s.w;
    Some(
        matches!(w, ")" | "%")
            || (w == "," && apposed_subject(s.text, s.toks, s.lo, s.i))
            || (w == "," && s.form.third && LEXICON.verbs_never_nouns.contains(s.form.lemma))
            || dashed_subject(s),
    )
}

/// "Reynolds - his co-host - told …": a dash closing an aside whose opening dash follows a
/// mention or a noun, the aside holding no finite verb (or being a relative clause: "Byrne
/// — who was posted at the door —").
fn dashed_subject(s: &Subject) -> bool {
    let (text, toks, lo, i) = (s.text, s.toks, s.lo, s.i);
    is_aside_dash(s.w)
        && (lo.max(i.saturating_sub(14))..i - 1)
            .rev()
            .find(|&k| is_aside_dash(toks[k].text(text)))
            .is_some_and(|k| {
                k > lo
                    && (mentionish(text, &toks[k - 1]) || plain_noun(text, &toks[k - 1]))
                    && (!toks[k + 1..i - 1].iter().any(|t| finite_token(text, t))
                        || matches!(toks[k + 1].text(text), "who" | "which"))
            })
}

/// "business leaders who say the law …"
fn relative(s: &Subject) -> Option<bool> {
    matches!(s.lower.as_ref(), "who" | "which").then_some(true)
}

/// "says she respects him but argues that …": a second verb of the same subject.
fn second_verb(s: &Subject) -> Option<bool> {
    (matches!(s.lower.as_ref(), "and" | "but") && s.i > s.lo + 2).then_some(true)
}

/// "General Electric says", "The Wisconsin Republican says": a capitalized word that looks
/// like an adjective ends a name before a verb that is never a noun.
fn capitalised_name(s: &Subject) -> Option<bool> {
    (s.form.third && is_capitalized(s.w) && LEXICON.verbs_never_nouns.contains(s.form.lemma))
        .then_some(true)
}

/// "Many say", "Some argue"
fn quantity(s: &Subject) -> Option<bool> {
    // (the word's class, looked up in lower case when its token was made)
    (s.form.base && s.prev.is(Class::Quantities)).then_some(true)
}

/// "his personal blog", "work-related emails": a modifier (not a role) makes the cue word
/// the head of a noun phrase.
fn modifier(s: &Subject) -> Option<bool> {
    // (a role by its token's bit: `is_role_or_document`)
    (is_modifier(&s.lower) && !s.prev.is(Class::SpeakerRoles)).then_some(false)
}

/// "voters in each state want", "members of the committee say": a plural head before a
/// prepositional phrase is the subject (the phrase's preposition within five words of the
/// cue).
fn plural_before_pp(s: &Subject) -> Option<bool> {
    let (lo, i) = (s.lo, s.i);
    let found = s.form.base
        && (plain_noun(s.text, &s.prev) || is_capitalized(s.w))
        && (lo.max(i.saturating_sub(5))..i - 1)
            .rev()
            .any(|k| k > lo && plural_pp(Toks::new(s.text, s.toks, k - 1, i)).is_ok());
    found.then_some(true)
}

/// A plural noun, a preposition of `reported_plural_preps` and words with no finite verb,
/// to the window's end: "members of the committee" (before "say").
pub(crate) fn plural_pp(i: Toks<'_>) -> PResult<'_, ()> {
    let plural = token(|i: &Toks<'_>, t: &Token| {
        t.kind == Tok::Word && plain_noun(i.text, t) && plural_form(&lower(i.word(t)))
    });
    let prep = token(|i: &Toks<'_>, t: &Token| Class::ReportedPluralPreps.contains(i.word(t)));
    let rest = token(|i: &Toks<'_>, t: &Token| t.kind == Tok::Word && !finite_token(i.text, t));
    (plural, prep, many0(rest), eof).map(|_| ()).parse(i)
}

/// The subject of a base form: "officials say", "they support", "polls show"; "One in five
/// say", "supporters who heard from the campaign say" (a verb that is never a noun, after a
/// noun or a number).
fn base_subject(s: &Subject) -> Option<bool> {
    if !s.form.base {
        return None;
    }
    let w = s.w;
    Some(
        Class::ReportedPluralPronouns.contains(s.lower.as_ref())
            || plural_form(&s.lower)
            || (LEXICON.verbs_never_nouns.contains(s.form.lemma)
                && (plain_noun(s.text, &s.prev)
                    || is_capitalized(w)
                    || w.chars().all(|c| c.is_ascii_digit()))),
    )
}

/// The subject of a third-person form: a pronoun, a name, a role or a document ("she
/// says", "Trump says", "the spokesman says", "the report says"); "the magnate says …":
/// after a singular noun, a form that is never a noun of speech ("says", not "claims").
fn third_subject(s: &Subject) -> Option<bool> {
    let lower = s.lower.as_ref();
    Some(
        is_pronoun(s.text, &s.prev)
            || is_capitalized(s.w)
            || is_role_or_document(&s.prev)
            || (plain_noun(s.text, &s.prev)
                && !lower.ends_with('s')
                && LEXICON.verbs_never_nouns.contains(s.form.lemma)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::test_support::toks;

    /// Whether the cue word `cue` of `text` stands where a verb stands.
    fn verb_at(text: &str, cue: &str, lemma: &'static str) -> bool {
        let all = toks(text);
        let k = all.iter().position(|t| t.text(text) == cue).unwrap();
        let c = CueHit {
            speech: true,
            tok: k,
            len: 1,
            lemma,
            kind: CueKind::Verb,
            start: all[k].start,
            end: all[k].end,
            form: None,
        };
        verb_position(text, &all, 0, c)
    }

    #[test]
    fn a_form_reads_its_person() {
        let f = Form::of("says", "say");
        assert!(f.third && !f.base);
        assert!(Form::of("say", "say").base);
        assert!(Form::of("denies", "deny").third);
        for (w, lemma) in [
            ("Says", "say"),
            ("SAY", "say"),
            ("Denies", "deny"),
            ("Pushes", "push"),
            ("said", "say"),
            ("sayss", "say"),
            ("Déclare", "declare"),
            ("told", "tell"),
            ("Told", "tell"),
            ("TELLS", "tell"),
            ("argued", "argue"),
            ("argue", "argue"),
            ("Argues", "argue"),
            ("went on", "go on"),
            ("goes on", "go on"),
            ("go on", "go on"),
            ("Go On", "go on"),
            ("pushes", "push"),
            ("pushs", "push"),
            ("cries", "cry"),
            ("Cries", "cry"),
            ("cried", "cry"),
            ("s", "say"),
            ("", "say"),
            ("SAYS", "say"),
            ("İs", "is"),
            ("K", "k"),
            ("Ｓ", "s"),
        ] {
            let (a, b) = (
                Form::of_written(w, lemma),
                Form::of(&crate::lexicon::lower(w), lemma),
            );
            assert_eq!((a.base, a.third), (b.base, b.third), "{w}");
        }
    }

    #[test]
    fn the_length_and_last_byte_gate_passes_every_base_and_third_person() {
        // (every form of the lexicon against every lemma it may be read with, as written
        // and capitalised: the gate turns away no form that `Form::of` reads as a base or
        // a third person)
        for (form, v) in crate::lexicon::LEXICON.verbs.iter() {
            let capitalised = form[..1].to_uppercase() + &form[1..];
            for w in [form.clone(), capitalised, form.to_uppercase()] {
                let f = Form::of(&crate::lexicon::lower(&w), v.lemma);
                if f.base || f.third {
                    assert!(
                        may_be_base_or_third(w.as_bytes(), v.lemma.as_bytes()),
                        "{w}"
                    );
                }
                let g = Form::of_written(&w, v.lemma);
                assert_eq!((g.base, g.third), (f.base, f.third), "{w}");
            }
        }
    }

    #[test]
    fn a_hit_carries_the_person_its_words_have() {
        // (every one-word form of the lexicon, as written, capitalised and in capitals,
        // opening a sentence and inside one, and in a headline: what a cue found there
        // carries is what its words read, and verb_position reads the same either way)
        let mut carried = 0;
        for (form, v) in crate::lexicon::LEXICON.verbs.iter() {
            let capitalised = form[..1].to_uppercase() + &form[1..];
            for w in [form.clone(), capitalised, form.to_uppercase()] {
                for text in [
                    format!("{w} the officials that day"),
                    format!("Most officials {w} that"),
                    format!("Smith {w} Bill Would Fail"),
                ] {
                    let all = toks(&text);
                    let headline = crate::cues::title_case_verbs(&text, &all, 0, all.len());
                    let found = find_in(&text, &all, 0, all.len());
                    for c in found.into_iter().chain(headline) {
                        let read = Form::of_written(&text[c.start..c.end], c.lemma);
                        let Some((base, third)) = c.form else {
                            continue;
                        };
                        carried += 1;
                        assert_eq!(
                            (base, third),
                            (read.base, read.third),
                            "{text} ({})",
                            v.lemma
                        );
                        let unread = CueHit { form: None, ..c };
                        assert_eq!(
                            verb_position(&text, &all, 0, c),
                            verb_position(&text, &all, 0, unread),
                            "{text}"
                        );
                    }
                }
            }
        }
        assert!(carried > 1000, "{carried}");
    }

    #[test]
    fn a_subject_before_the_verb() {
        assert!(verb_at("Officials say the plan failed", "say", "say"));
        assert!(verb_at("Trump says the plan failed", "says", "say"));
        assert!(verb_at("The law, he says, failed", "says", "say"));
        assert!(verb_at("Smith will support the plan", "support", "support"));
    }

    #[test]
    fn a_modifier_makes_a_noun() {
        assert!(!verb_at("He wrote on his personal blog", "blog", "blog"));
    }

    #[test]
    fn each_rule_of_the_subject() {
        // after_going_on_to
        assert!(verb_at(
            "He has begun to rebut the claims",
            "rebut",
            "rebut"
        ));
        // punctuation
        assert!(verb_at("About 42% say the plan failed", "say", "say"));
        assert!(verb_at(
            "Democrats — and some Republicans — say it failed",
            "say",
            "say"
        ));
        // relative
        assert!(verb_at(
            "business leaders who say the law failed",
            "say",
            "say"
        ));
        // capitalised_name
        assert!(verb_at(
            "General Electric says the plan failed",
            "says",
            "say"
        ));
        // quantity
        assert!(verb_at("Many say the plan failed", "say", "say"));
        // third_subject: a singular noun before a noun of speech
        assert!(!verb_at(
            "the reporter claims were false",
            "claims",
            "claim"
        ));
    }

    #[test]
    fn members_of_the_committee_say() {
        let text = "members of the committee say";
        let all = toks(text);
        assert!(plural_pp(Toks::new(text, &all, 0, 4)).is_ok());
        assert!(plural_pp(Toks::new(text, &all, 1, 5)).is_err());
        assert!(verb_at(text, "say", "say"));
    }
}
