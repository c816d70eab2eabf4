//! [`right`]: the mention that starts after a cue ("said Mr. Smith, a spokesman",
//! "according to the ministry"), and [`source_phrase`]: what "according to" names when it is
//! no name.

use super::rules::source_words;
use super::*;
use crate::cues::plain_noun;
use crate::grammar::{Toks, comma, token};
use nom::Parser;
use nom::multi::many0_count;

/// The mention that starts at token `from` ("said Smith", "according to the ministry"),
/// not reaching token `hi`.
pub(crate) fn right<'t>(
    text: &'t str,
    toks: &[Token],
    from: usize,
    hi: usize,
) -> Option<Mention<'t>> {
    if from >= hi {
        return None;
    }
    if let Some(m) = pronoun(text, &toks[from]) {
        return Some(m);
    }
    if let Some(m) = after_number(text, toks, from, hi) {
        return Some(m);
    }
    // ("“…,” said another.")
    let ends = |k: usize| k == hi || written(text, &toks[k], Class::SpeakerInvertedEnds);
    if lone_determiner(text, &toks[from]) && ends(from + 1) {
        return Some(lone(text, &toks[from]));
    }
    let run = token(|i: &Toks, _: &Token| mention_word_at(text, toks, from, hi, i.at()));
    let (rest, _) = many0_count(run)
        .parse(Toks::new(text, toks, from, hi))
        .ok()?;
    let mut e = rest.at();
    // Trailing connectors ("the ministry and") are not part of the mention.
    while e > from && written(text, &toks[e - 1], Class::SpeakerTrailingConnectors) {
        e -= 1;
    }
    if e == from {
        return None;
    }
    let appos = apposition_after(text, toks, e, hi);
    build(text, &toks[from..e], appos.map(|(a, b)| &toks[a..b]))
}

/// "said 9/11 widow Terry Strada", "said 20-year-old student Ana Silva": a modifier that
/// opens with a figure, then a person's mention (which the modifier joins).
fn after_number<'t>(text: &'t str, toks: &[Token], from: usize, hi: usize) -> Option<Mention<'t>> {
    let w = toks[from].text(text);
    if !(w.starts_with(|c: char| c.is_ascii_digit()) && toks[from].kind == Tok::Word) {
        return None;
    }
    // (the figure may be written in pieces: "9", "/", "11")
    let next = (from + 1..hi.min(from + 4)).find(|&k| {
        let t = &toks[k];
        t.kind == Tok::Word && !t.text(text).starts_with(|c: char| c.is_ascii_digit())
    })?;
    let mut m = right(text, toks, next, hi).filter(|m| m.kind == EntityKind::Person)?;
    m.start = toks[from].start;
    Some(m)
}

/// Whether token `e` goes on the mention that starts at `from`: a mention word, or a plain
/// noun after a determiner ("the ministry"), before a name or a role within three words
/// ("the campaign's spokesman Tim Murtaugh"), or naming a body after a name ("Boeing
/// company").
fn mention_word_at(text: &str, toks: &[Token], from: usize, hi: usize, e: usize) -> bool {
    let det = |k: usize| det_token(text, &toks[k]);
    let leads_to_name = || {
        toks[e + 1..hi.min(e + 4)]
            .iter()
            .any(|t| t.kind == Tok::Word && (is_capitalized(t.text(text)) || is_role(text, t)))
    };
    np_token(text, &toks[e])
        || (plain_noun(text, &toks[e])
            && ((e > from
                && (det(e - 1)
                    || (e > from + 1
                        && (plain_noun(text, &toks[e - 1])
                            || is_capitalized(toks[e - 1].text(text)))
                        && det(e - 2))))
                || leads_to_name()
                || (e > from
                    && is_capitalized(toks[e - 1].text(text))
                    && org_noun(&toks[e].text(text).to_lowercase()))))
}

/// "said Smith, a spokesman for the campaign, …": the apposition after a mention ending at
/// token `e` — a comma, then a run of up to five capitalised words or a phrase opening with
/// a determiner or "who", up to a clause mark, a quotation or fourteen words.
fn apposition_after(text: &str, toks: &[Token], e: usize, hi: usize) -> Option<(usize, usize)> {
    let (rest, _) = comma(Toks::new(text, toks, e, hi)).ok()?;
    let a = rest.at();
    if a >= hi {
        return None; // (a comma ends the paragraph: "“We won,” said Smith,")
    }
    let mut b = a;
    while b < hi
        && b - a < 14
        && !written(text, &toks[b], Class::SpeakerClauseMarks)
        && !matches!(toks[b].kind, Tok::Quote(_))
    {
        b += 1;
    }
    let window = Toks::new(text, toks, a, b);
    let name_run = b - a <= 5 && window.tokens().iter().all(|t| capital_word(text, t));
    // (nothing after the comma: "«, » said Mr. ," ends there; `opens` is read only when b > a)
    let opens = || lower_in(text, &toks[a], Class::SpeakerAppositionOpeners);
    (b > a && toks[a].kind == Tok::Word && (name_run || opens())).then_some((a, b))
}

fn capital_word(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word && is_capitalized(t.text(text))
}

/// What "according to" names when it is no person's or organisation's name: "state corporate
/// records", "exit polls reported by CNN", "officials familiar with the system", "him" — the
/// phrase up to the comma or the sentence's end, a document when its head is one.
pub(crate) fn source_phrase<'t>(
    text: &'t str,
    toks: &[Token],
    from: usize,
    hi: usize,
) -> Option<Mention<'t>> {
    if from >= hi {
        return None;
    }
    if let Some(m) = object_pronoun(text, &toks[from]) {
        return Some(m);
    }
    let (rest, _) = source_words(Toks::new(text, toks, from, hi)).ok()?;
    let mut end = rest.at();
    while end > from && written(text, &toks[end - 1], Class::SpeakerSentenceEnds) {
        end -= 1;
    }
    if end == from
        || end - from > 14
        || toks[from..end]
            .iter()
            .any(|t| t.kind != Tok::Word && t.text(text) != "-" && t.text(text) != ".")
    {
        return None;
    }
    // The head: the last word before a phrase that qualifies it ("exit polls reported by …",
    // "officials familiar with …").
    let head_end = (from + 1..end)
        .find(|&i| lower_in(text, &toks[i], Class::SpeakerSourceQualifiers))
        .unwrap_or(end);
    let kind = crate::lexicon::with_lower(toks[head_end - 1].text(text), |head| {
        if LEXICON.documents.contains(head) {
            EntityKind::Document
        } else if LEXICON.roles.contains_key(head) {
            EntityKind::Anonymous
        } else {
            EntityKind::Unknown
        }
    });
    Some(phrase(text, &toks[from..end], kind))
}

/// "according to him": an object pronoun as a source.
fn object_pronoun<'t>(text: &'t str, t: &Token) -> Option<Mention<'t>> {
    let w = crate::lexicon::lower(t.text(text));
    if !Class::SpeakerObjectPronouns.contains(&w) {
        return None;
    }
    let gender = match &*w {
        "him" => Gender::Male,
        "her" => Gender::Female,
        "them" | "us" => Gender::Plural,
        _ => Gender::Unknown,
    };
    Some(Mention {
        start: t.start,
        end: t.end,
        name: Cow::Borrowed(t.text(text)),
        role: None,
        kind: EntityKind::Person,
        gender,
        pronoun: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn inverted_speaker_after_the_verb() {
        // "said Solomon Yue, an RNC committeeman from Oregon."
        let text = "said Solomon Yue, an RNC committeeman from Oregon.";
        let t = toks(text);
        let m = right(text, &t, 1, t.len()).unwrap();
        assert_eq!(m.name, "Solomon Yue");
        assert_eq!(m.role.as_deref(), Some("RNC committeeman from Oregon"));
    }

    #[test]
    fn lone_determiner_after_the_verb() {
        for (text, name) in [
            ("said another.", Some("another")),
            ("said one,", Some("one")),
        ] {
            let t = toks(text);
            let m = right(text, &t, 1, t.len());
            assert_eq!(m.map(|m| m.name).as_deref(), name, "{text}");
        }
        // (not an article, nor a determiner of a phrase: "said one official")
        let text = "said one official.";
        let t = toks(text);
        assert_eq!(right(text, &t, 1, t.len()).unwrap().name, "one official");
        let text = "said the.";
        let t = toks(text);
        assert!(right(text, &t, 1, t.len()).is_none());
    }

    #[test]
    fn after_number_rule() {
        // "said 9/11 widow Terry Strada."
        let text = "said 9/11 widow Terry Strada.";
        let t = toks(text);
        let m = right(text, &t, 1, t.len()).unwrap();
        assert_eq!(m.name, "Terry Strada");
        assert_eq!(&text[m.start..m.end], "9/11 widow Terry Strada");
    }

    #[test]
    fn a_comma_at_the_end_is_no_apposition() {
        let text = "said Smith,";
        let t = toks(text);
        assert_eq!(right(text, &t, 1, t.len()).unwrap().name, "Smith");
    }

    #[test]
    fn according_to_the_ministry() {
        // "according to the ministry"
        let text = "according to the ministry";
        let t = toks(text);
        let m = right(text, &t, 2, t.len()).unwrap();
        assert_eq!(m.kind, EntityKind::Organization);
    }

    #[test]
    fn a_source_phrase_and_its_head() {
        // "according to exit polls reported by CNN"
        let text = "according to exit polls reported by CNN";
        let t = toks(text);
        let m = source_phrase(text, &t, 2, t.len()).unwrap();
        assert_eq!(m.name, "exit polls reported by CNN");
        // "according to him"
        let text = "according to him";
        let t = toks(text);
        let m = source_phrase(text, &t, 2, t.len()).unwrap();
        assert!(m.pronoun);
        assert_eq!(m.gender, Gender::Male);
    }
}
