//! [`subject`]: the subject at the start of a sentence, past its opening adverbials; and
//! [`subject_with_phrase`]: that subject with a phrase after its noun.

use super::rules::{mention_word, up_to_comma};
use super::*;
use crate::grammar::Toks;
use nom::Parser;
use nom::multi::many0_count;

/// The subject at the start of a sentence: "On Friday, Trump denied …" → Trump. Used for a
/// participle cue ("…, dismissing X as “…”", "by calling X “…”") whose subject is the
/// sentence's.
pub(crate) fn subject<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    hi: usize,
) -> Option<Mention<'t>> {
    let mut i = dateline_dash(text, toks, lo, hi).map_or(lo, |j| j + 1);
    while i < hi && i - lo < 10 {
        match OPENERS.iter().find_map(|(_, r)| r(text, toks, lo, hi, i)) {
            Some(next) => i = next,
            None => break,
        }
    }
    if i >= hi {
        return None;
    }
    if let Some(m) = pronoun(text, &toks[i]) {
        return Some(m);
    }
    let (rest, _) = many0_count(mention_word)
        .parse(Toks::new(text, toks, i, hi))
        .ok()?;
    let e = rest.at();
    // "Netanyahu and other right-wing Israeli leaders": where the run stops inside the
    // phrase, the longest part of it that is a mention.
    (i + 1..=e)
        .rev()
        .find_map(|end| build(text, &toks[i..end], None))
}

/// "PHILADELPHIA, July 25 (UPI) — The committee …": the dash that ends a dateline at the
/// sentence's start. What comes before it has no word in lower case, so the dash of an
/// apposition ("John Dickey, the chief executive of Ora Media -- the company that …") is
/// none.
fn dateline_dash(text: &str, toks: &[Token], lo: usize, hi: usize) -> Option<usize> {
    let lower = |t: &Token| t.kind == Tok::Word && t.text(text).starts_with(char::is_lowercase);
    // (read from the start: a word in lower case before the first dash ends the search)
    for (j, t) in toks.iter().enumerate().take(hi.min(lo + 12)).skip(lo) {
        if dash_token(text, t) {
            return Some(j);
        }
        if lower(t) {
            return None;
        }
    }
    None
}

/// A rule that skips a leading adverbial at token `i` of the sentence `lo..hi`: where the
/// subject may start next.
type Opener = (
    &'static str,
    fn(&str, &[Token], usize, usize, usize) -> Option<usize>,
);

/// The leading adverbials a subject comes after, tried in order at each token.
const OPENERS: &[Opener] = &[
    ("time_ago", time_ago),
    ("opening_phrase", opening_phrase),
    ("starter_or_mark", |text, toks, _, _, i| {
        let t = &toks[i];
        (t.kind == Tok::Punct || starter(text, t) || time_word(text, t)).then_some(i + 1)
    }),
    ("year_of_a_date", year_of_a_date),
    ("sentence_adverb", sentence_adverb),
    ("open_subordinator", open_subordinator),
    ("adverb", |text, toks, lo, _, i| {
        // "And then Trump", "But also the senator"
        let t = &toks[i];
        (i > lo && !t.is_capitalised() && crate::cues::is_aux_token(text, t)).then_some(i + 1)
    }),
];

/// "Hours later, Trump …", "But a few days later, she …": a time that a comma closes.
fn time_ago(text: &str, toks: &[Token], lo: usize, hi: usize, i: usize) -> Option<usize> {
    if !(i == lo || (i == lo + 1 && starter(text, &toks[lo]))) {
        return None;
    }
    // (its word of time by its bit first: most openings have none, and are not parsed)
    if !toks[i..hi.min(i + 4)]
        .iter()
        .any(|t| t.is(Class::SpeakerTimeAfters))
    {
        return None;
    }
    let (rest, (a, b)) = up_to_comma(4)(Toks::new(text, toks, i, hi)).ok()?;
    toks[a..b]
        .iter()
        .any(|t| written(text, t, Class::SpeakerTimeAfters))
        .then_some(rest.at())
}

/// "In Washington, Trump said", "Outside the arena, protesters chanted", "But after the
/// vote, she said", "Walking into the office to chants, the senator said": a phrase after the sentence's first word, up to a comma (not
/// "Then Trump went on the attack, saying").
fn opening_phrase(text: &str, toks: &[Token], lo: usize, hi: usize, i: usize) -> Option<usize> {
    let opener = |j: usize| lower_in(text, &toks[j], Class::AdverbialOpeners);
    let opens = i == lo + 1
        && ((starter(text, &toks[lo]) && (opener(lo) || opener(i)))
            || (toks[lo].text(text).ends_with("ing")
                && is_capitalized(toks[lo].text(text))
                && !is_capitalized(toks[i].text(text))));
    if !opens {
        return None;
    }
    // (a preposition opens a longer phrase: "With Democratic leaders increasingly worried
    // about a lack of passion among young voters, Obama …")
    let max = if opener(lo) { MAX_PHRASE } else { 11 };
    let (rest, _) = up_to_comma(max)(Toks::new(text, toks, i, hi)).ok()?;
    // ("Speaking at a town hall in Salem, New Hampshire, Trump went after Bush": the state
    // of the phrase's place, between its commas, is the phrase's)
    let at = rest.at();
    let state = (at + 1..hi.min(at + 4))
        .find(|&k| toks[k].is_text(text, ","))
        .filter(|&k| super::peel::is_state(text, &toks[at..k]));
    Some(state.map_or(at, |k| k + 1))
}

/// "Recently, however, it issued …", "Conversely, PolitiFact rated …": an adverb of the
/// sentence that a comma closes.
fn sentence_adverb(text: &str, toks: &[Token], _: usize, hi: usize, i: usize) -> Option<usize> {
    (i + 1 < hi
        && lower_in(text, &toks[i], Class::SpeakerSentenceAdverbs)
        && toks[i + 1].is_text(text, ","))
    .then_some(i + 2)
}

/// The longest opening phrase that an opener word ("With", "In", "After") may start, in
/// tokens up to its comma.
const MAX_PHRASE: usize = 18;

/// "On July 6, 2015, Sanders made …": the year of a date, between its commas, after the
/// opening phrase that ended at the day.
fn year_of_a_date(text: &str, toks: &[Token], lo: usize, hi: usize, i: usize) -> Option<usize> {
    let w = toks[i].text(text);
    let year = w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit());
    let between = i > lo
        && toks[i - 1].is_text(text, ",")
        && toks.get(i + 1).is_some_and(|t| t.is_text(text, ","))
        && i + 1 < hi;
    (year && between).then_some(i + 1)
}

/// "And while a poll released last week showed …": the subordinate clause's own subject,
/// where no comma closes the clause before the verb.
fn open_subordinator(text: &str, toks: &[Token], _: usize, hi: usize, i: usize) -> Option<usize> {
    // (the word's class from its bits: the same set as `LEXICON.subordinators`)
    (lower_in(text, &toks[i], Class::Subordinators)
        && !toks[i..hi].iter().any(|t| t.is_text(text, ",")))
    .then_some(i + 1)
}

/// "Those surveyed said", "New polls released Sunday showed", "The leading candidates for
/// president Thursday lashed out": the subject of the clause from `lo` with a phrase after its
/// noun, up to the verb at `b` — the phrase opening with a preposition, a participle or a time,
/// and holding no verb, comma, clause, object pronoun or negation. The last resort of
/// [`for_cue`] when nothing stands right before the verb.
pub(crate) fn subject_with_phrase<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    b: usize,
) -> Option<Mention<'t>> {
    let mut m = subject(text, toks, lo, b)?;
    let rest: Vec<&Token> = toks[lo..b].iter().filter(|t| t.start >= m.end).collect();
    // (not "the U.S. backed Afghanistan government", a name that goes on)
    let prep = |t: &Token| {
        let w = t.text(text);
        LEXICON.function_words.contains(w) || w == "of"
    };
    let adjunct = |t: &Token| {
        crate::lexicon::with_lower(t.text(text), |w| {
            LEXICON.adjunct_openers.contains(w) || is_time_word(w)
        })
    };
    let opens = rest.first().is_some_and(|t| {
        let w = t.text(text);
        prep(t)
            || adjunct(t)
            || (w.ends_with("ed")
                && !is_capitalized(w)
                && rest.get(1).is_none_or(|n| prep(n) || adjunct(n)))
    }) && !rest.iter().any(|t| {
        let w = t.text(text);
        w.ends_with("n't") || w.ends_with("n’t") || Class::SpeakerObjectPronouns.contains(w)
    });
    let plain = opens
        && rest.len() <= 12
        && rest.iter().all(|t| {
            let w = t.text(text);
            t.kind == Tok::Word
                && !LEXICON.finite_forms.contains(w)
                && !LEXICON.clause_openers.contains(w)
                && !Class::SpeakerConjunctions.contains(w)
                && !crate::lexicon::with_lower(w, |l| LEXICON.verbs.contains_key(l))
        });
    plain.then(|| {
        m.end = toks[b - 1].end;
        m
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn subject_of<'t>(text: &'t str) -> Option<Mention<'t>> {
        let t = toks(text);
        subject(text, &t, 0, t.len())
    }

    #[test]
    fn after_an_opening_phrase() {
        // "On Friday, Trump denied"
        assert_eq!(subject_of("On Friday, Trump denied").unwrap().name, "Trump");
        // "Hours later, Trump said"
        assert_eq!(subject_of("Hours later, Trump said").unwrap().name, "Trump");
        assert_eq!(
            subject_of("But a few days later, she said").unwrap().name,
            "she"
        );
        // (the words of time are words in lower case, read from their bits)
        assert!(
            Class::SpeakerTimeAfters
                .words()
                .all(|w| w.chars().all(char::is_lowercase))
        );
        // a long phrase that a preposition opens
        let text = "With Democratic leaders increasingly worried about a lack of passion for \
                    Hillary Clinton among young black voters, President Obama is rolling out";
        assert_eq!(subject_of(text).unwrap().name, "Obama");
        // a place outside or inside which something happens
        let text = "Outside the sports arena in downtown Washington, Sen. John Smith spoke";
        assert_eq!(subject_of(text).unwrap().name, "John Smith");
        // the place's state is the phrase's
        let text = "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush";
        assert_eq!(subject_of(text).unwrap().name, "Trump");
    }

    #[test]
    fn sentence_adverb_rule() {
        // "Recently, however, it issued a policy paper"
        let m = subject_of("Recently, however, it issued a policy paper").unwrap();
        assert_eq!(m.name, "it");
        // (a name is no adverb: "Kelly, the spokeswoman, said")
        assert!(subject_of("Kelly, the spokeswoman, said").is_none_or(|m| m.name == "Kelly"));
    }

    #[test]
    fn dateline_dash_rule() {
        // "WASHINGTON (AP) — Sen. John Smith said": the subject is after the dateline
        let m = subject_of("WASHINGTON (AP) — Sen. John Smith said").unwrap();
        assert_eq!(m.name, "John Smith");
        let m = subject_of("Washington (AFP) – Sen. Hillary Clinton has taken").unwrap();
        assert_eq!(m.name, "Hillary Clinton");
        // "John Dickey, the chief executive of Ora Media -- the production company that owns
        // the show -- told me": a dash inside an apposition ends no dateline
        let text = "John Dickey, the chief executive of Ora Media -- the production company \
                    that owns the show -- told me";
        assert_eq!(subject_of(text).unwrap().name, "John Dickey");
    }

    #[test]
    fn after_a_date_with_its_year() {
        // "On July 6, 2015, Sanders made the following comment"
        let m = subject_of("On July 6, 2015, Sanders made the following comment").unwrap();
        assert_eq!(m.name, "Sanders");
    }

    #[test]
    fn a_subject_with_a_phrase() {
        // "Those surveyed said"
        let text = "New polls released Sunday showed";
        let t = toks(text);
        let m = subject_with_phrase(text, &t, 0, 4).unwrap();
        assert_eq!(&text[m.start..m.end], "New polls released Sunday");
    }
}
