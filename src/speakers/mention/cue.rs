//! [`for_cue`]: where a cue's speaker stands, by the kind of cue.

use super::*;
use crate::cues::{CueHit, CueKind};
use std::ops::Range;

/// The speaker mention of a cue in sentence `sent`; `quote` is the token of the first
/// quotation the cue governs in that sentence, if any.
pub(crate) fn for_cue<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    cues: &[CueHit],
    c: CueHit,
    quote: Option<usize>,
) -> Option<Mention<'t>> {
    if let Some(m) = outer_source(text, toks, sent, cues, c, quote) {
        return Some(m);
    }
    own_speaker(text, toks, sent, cues, c, quote)
}

/// The speaker a cue names itself, with no outer source ([`outer_source`]): "Sanders" in
/// `“…,” Sanders said, according to CNN.`
pub(crate) fn own_speaker<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    cues: &[CueHit],
    c: CueHit,
    quote: Option<usize>,
) -> Option<Mention<'t>> {
    let m = match c.kind {
        CueKind::According | CueKind::Dash => according(text, toks, sent, c, quote),
        CueKind::Noun => nominal(text, toks, sent, c),
        CueKind::Colon => colon(text, toks, sent, cues, c),
        CueKind::Verb => super::verb::verb(text, toks, sent, cues, c, quote),
    }?;
    Some(hung_on_name(text, toks, sent, &m).unwrap_or(m))
}

/// `“…,” Sanders said, according to CNN.`, `“…,” Trump said, CNN reported.`, `“…,” said
/// Day, reports USA Today.`: a quotation a verb of saying gives to a speaker, with a
/// clause set off by a comma at the sentence's end that names where the article took it
/// from ("according to" or a verb of reporting): the article's source for the words is
/// that outer source (the inner speaker is the statement's `quoted_speaker`). The outer
/// clause ends the sentence: no quotation and no other cue after it.
pub(crate) fn outer_source<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    cues: &[CueHit],
    c: CueHit,
    quote: Option<usize>,
) -> Option<Mention<'t>> {
    let x = outer_cue(toks, sent, cues, c, quote?)?;
    // (", reports USA Today": the source after the verb a comma opens)
    let inverted = x.kind == CueKind::Verb && ends_in_comma(text, &toks[x.tok - 1]);
    let m = inverted
        .then(|| right(text, toks, x.tok + x.len, sent.end))
        .flatten()
        .or_else(|| own_speaker(text, toks, sent, cues, x, None))
        .filter(|m| !m.pronoun)?;
    // (the outer clause opens after a comma: ", according to CNN", ", CNN reported",
    // `“… thing,” CNN reported`)
    // (the mention's first token found by its place, not by reading the sentence)
    let opens = x.tok.min(toks.partition_point(|t| t.start < m.start));
    (opens > c.tok + c.len && ends_in_comma(text, &toks[opens - 1])).then_some(m)
}

/// A comma, or a quotation that ends in one (`“… thing,”`).
fn ends_in_comma(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    w == ","
        || (matches!(t.kind, Tok::Quote(_))
            && w.trim_end_matches(|ch: char| !ch.is_alphanumeric() && ch != ',')
                .ends_with(','))
}

/// The cue of [`outer_source`]'s clause: the sentence's last cue, after `c` and the
/// quotation (`q`), "according to" or a verb of reporting, with no quotation after it.
fn outer_cue(
    toks: &[Token],
    sent: &Range<usize>,
    cues: &[CueHit],
    c: CueHit,
    q: usize,
) -> Option<CueHit> {
    if c.kind != CueKind::Verb || !c.speech || c.lemma == OUTER_VERB {
        return None;
    }
    let x = *cues.last()?;
    let outer = x.kind == CueKind::According || (x.kind == CueKind::Verb && x.lemma == OUTER_VERB);
    let after = x.tok + x.len..sent.end;
    (outer
        && x.tok > c.tok
        && x.tok > q
        && after.len() <= 12
        && !toks[after].iter().any(|t| matches!(t.kind, Tok::Quote(_))))
    .then_some(x)
}

/// The verb of an outer source's clause ("CNN reported").
const OUTER_VERB: &str = "report";

/// "House Speaker Paul Ryan, R-Wis., said": a party-and-state tag is no speaker; the
/// speaker is the name it hangs on, before its comma.
fn hung_on_name<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    m: &Mention,
) -> Option<Mention<'t>> {
    // (a tag's second character is its hyphen: most mentions are not parsed)
    if text.as_bytes().get(m.start + 1) != Some(&b'-') {
        return None;
    }
    party_tag(&text[m.start..m.end])
        .ok()
        .filter(|(rest, _)| rest.is_empty())?;
    let at = (sent.start..sent.end).find(|&k| toks[k].start == m.start)?;
    let comma = at
        .checked_sub(1)
        .filter(|&k| k > sent.start && toks[k].is_text(text, ","))?;
    left(text, toks, sent.start, comma)
}

/// "R-Wis.", "D-N.Y.", "I-Vt.": a party's initial, a hyphen and a state's abbreviation.
pub(crate) fn party_tag(s: &str) -> nom::IResult<&str, &str, ()> {
    use nom::Parser;
    use nom::bytes::complete::take_while1;
    use nom::character::complete::{char, one_of};
    use nom::combinator::recognize;
    let state = take_while1(|c: char| c.is_ascii_alphabetic() || c == '.');
    recognize((one_of("RDI"), char('-'), state))
        .parse(s)
        .and_then(|(rest, tag)| {
            if tag[2..].starts_with(|c: char| c.is_ascii_uppercase()) {
                Ok((rest, tag))
            } else {
                Err(nom::Err::Error(()))
            }
        })
}

/// "according to the ministry", "— Smith": the mention after the cue, up to the quotation;
/// for "according to", else the phrase it names ("according to state corporate records").
fn according<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    c: CueHit,
    quote: Option<usize>,
) -> Option<Mention<'t>> {
    let after = c.tok + c.len;
    let hi = match quote {
        Some(q) if q > c.tok => q,
        _ => sent.end,
    };
    right(text, toks, after, hi).or_else(|| {
        (c.kind == CueKind::According)
            .then(|| source_phrase(text, toks, after, hi))
            .flatten()
    })
}

/// "her remark", "Trump's call for": the possessor of a nominal cue; "issued a statement":
/// the clause's subject.
fn nominal<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    c: CueHit,
) -> Option<Mention<'t>> {
    let mut i = c.tok;
    while i > sent.start && i + 4 > c.tok {
        let t = toks[i - 1];
        let w = t.text(text);
        if let Some(m) =
            any_pronoun(text, &t).filter(|_| Class::SpeakerPossessivePronouns.contains(w))
        {
            return Some(m);
        }
        if w.ends_with("’s") || w.ends_with("'s") {
            return possessor(text, toks, sent.start, i, w);
        }
        if written(text, &t, Class::SpeakerPossessorStops) {
            break;
        }
        i -= 1;
    }
    subject(text, toks, sent.start, c.tok)
}

/// "Trump's call": the mention ending in the possessive `w` at token `i - 1`, without its "'s".
/// It is read no further back than a preposition ("a fact-check on Donald Trump's claim":
/// "Donald Trump", not "a fact-check"), and it ends in the possessive.
fn possessor<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    i: usize,
    w: &str,
) -> Option<Mention<'t>> {
    let lo = (lo..i - 1)
        .rev()
        .find(|&k| written(text, &toks[k], Class::SpeakerAdjunctPrepositions))
        .map_or(lo, |k| k + 1);
    let mut m = left(text, toks, lo, i).filter(|m| m.end == toks[i - 1].end)?;
    if m.name.ends_with("’s") || m.name.ends_with("'s") {
        let cut = m.name.len()
            - if m.name.ends_with("’s") {
                "’s".len()
            } else {
                2
            };
        m.name = match std::mem::take(&mut m.name) {
            Cow::Borrowed(name) => Cow::Borrowed(&name[..cut]),
            Cow::Owned(mut name) => {
                name.truncate(cut);
                Cow::Owned(name)
            }
        };
    }
    m.end -= if w.ends_with("’s") { "’s".len() } else { 2 };
    Some(m)
}

/// "He continued with an appeal to voters:", "X released the following statement:": the
/// speaker of a verb of saying earlier in the sentence (not one inside an opening phrase:
/// "With leaders worried about turnout, Obama has a message:"), or the subject; the mention
/// right before the colon only when it opens the sentence ("Smith: …").
fn colon<'t>(
    text: &'t str,
    toks: &[Token],
    sent: &Range<usize>,
    cues: &[CueHit],
    c: CueHit,
) -> Option<Mention<'t>> {
    let main = subject(text, toks, sent.start, c.tok).map(|m| m.start);
    let prev = cues
        .iter()
        .copied()
        .filter(|p| p.tok < c.tok && main.is_none_or(|s| p.start > s))
        .rev()
        .find(|p| p.kind == CueKind::Verb && p.speech);
    if let Some(p) = prev {
        return for_cue(text, toks, sent, cues, p, None);
    }
    let near = left(text, toks, sent.start, c.tok);
    let opens = near.as_ref().is_some_and(|m| {
        toks[sent.start..c.tok]
            .iter()
            .all(|t| t.start >= m.start || is_starter(t.text(text)) || t.kind == Tok::Punct)
            // "… interplay has been important - Philip Bump: “…”"
            || toks[sent.start..c.tok]
                .iter()
                .rev()
                .find(|t| t.end <= m.start)
                .is_some_and(|t| written(text, t, Class::SpeakerDashes))
    });
    if opens {
        return from_agent(text, toks, sent.start, c.tok).or(near);
    }
    subject(text, toks, sent.start, c.tok).or(near)
}

/// "A lesson from Loretta Lynch: …", "A message from the mayor: …": before a colon, a
/// person or a body after "from" is the speaker, not the thing they sent.
fn from_agent<'t>(text: &'t str, toks: &[Token], lo: usize, colon: usize) -> Option<Mention<'t>> {
    let k = (lo.max(colon.saturating_sub(7))..colon)
        .rev()
        .find(|&k| toks[k].is_text(text, "from"))?;
    (k > lo)
        .then(|| left(text, toks, k + 1, colon))
        .flatten()
        .filter(|m| {
            m.end == toks[colon - 1].end
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    /// A one-token cue of `kind` at token `tok`.
    fn hit(all: &[crate::segment::Token], tok: usize, kind: CueKind) -> CueHit {
        CueHit {
            speech: true,
            tok,
            len: 1,
            lemma: "say",
            kind,
            start: all[tok].start,
            end: all[tok].end,
            form: None,
        }
    }

    fn speaker<'t>(text: &'t str, word: &str, kind: CueKind) -> Option<Mention<'t>> {
        let all = toks(text);
        let tok = all.iter().position(|t| t.text(text) == word).unwrap();
        let c = hit(&all, tok, kind);
        for_cue(text, &all, &(0..all.len()), &[c], c, None)
    }

    #[test]
    fn nominal_rule() {
        // "her remark"
        let m = speaker("In her remark", "remark", CueKind::Noun).unwrap();
        assert_eq!(m.name, "her");
        // "Trump's call for"
        let m = speaker("Trump's call for", "call", CueKind::Noun).unwrap();
        assert_eq!(m.name, "Trump");
        // "a fact-check on Donald Trump's claim": not the mention before the preposition
        let text = "Politifact did a fact-check on Donald Trump's claim";
        let m = speaker(text, "claim", CueKind::Noun).unwrap();
        assert_eq!(
            (&*m.name, &text[m.start..m.end]),
            ("Donald Trump", "Donald Trump")
        );
    }

    #[test]
    fn hung_on_name_rule() {
        // "House Speaker Paul Ryan, R-Wis., said"
        let text = "House Speaker Paul Ryan , R-Wis. , said";
        let all = toks(text);
        let at = all.iter().position(|t| t.is_text(text, "R-Wis.")).unwrap();
        let tag = Mention {
            start: all[at].start,
            end: all[at].end,
            name: "R-Wis.".into(),
            role: None,
            kind: EntityKind::Unknown,
            gender: Gender::Unknown,
            pronoun: false,
        };
        let m = hung_on_name(text, &all, &(0..all.len()), &tag).unwrap();
        assert_eq!(m.name, "Paul Ryan");
        assert!(party_tag("D-Mich.").is_ok());
        assert!(party_tag("Democrat").is_err());
    }

    /// The tokens of `text`, each quotation one token.
    fn quoted_toks(text: &str) -> Vec<crate::segment::Token> {
        let span = crate::model::Span {
            start: 0,
            end: text.len(),
        };
        let (parts, _) = crate::quotes::find(text, &[span], &[], false);
        let here: Vec<_> = parts
            .iter()
            .enumerate()
            .map(|(k, p)| (k, p.outer))
            .collect();
        crate::segment::tokens(text, span, &here)
    }

    /// The speaker of the first verb among the cues `(word, lemma, kind)` of `text`, which
    /// are all the sentence's, in order.
    fn outer(text: &str, cues: &[(&str, &'static str, CueKind)]) -> Option<String> {
        let all = quoted_toks(text);
        let hits: Vec<CueHit> = cues
            .iter()
            .map(|&(w, lemma, kind)| {
                let tok = all.iter().position(|t| t.text(text) == w).unwrap();
                let len = if lemma == "according to" { 2 } else { 1 };
                CueHit {
                    lemma,
                    len,
                    end: all[tok + len - 1].end,
                    ..hit(&all, tok, kind)
                }
            })
            .collect();
        let q = all.iter().position(|t| matches!(t.kind, Tok::Quote(_)));
        let c = *hits.iter().find(|c| c.kind == CueKind::Verb).unwrap();
        for_cue(text, &all, &(0..all.len()), &hits, c, q).map(|m| m.name.into_owned())
    }

    #[test]
    fn outer_source_rule() {
        use CueKind::{According, Verb};
        let (say, acc) = (
            ("said", "say", Verb),
            ("according", "according to", According),
        );
        let said = "“I ask you,” Sanders said, according to CNN.";
        assert_eq!(outer(said, &[say, acc]).as_deref(), Some("CNN"));
        let reported = "Trump welcomed it, saying he was “doing the right thing,” CNN reported.";
        let cues = [("saying", "say", Verb), ("reported", "report", Verb)];
        assert_eq!(outer(reported, &cues).as_deref(), Some("CNN"));
        let inverted = "“It is bad,” Smith said, reports the Washington Examiner.";
        let cues = [say, ("reports", "report", Verb)];
        assert_eq!(
            outer(inverted, &cues).as_deref(),
            Some("Washington Examiner")
        );
        // (the inner speaker, under the outer source)
        let all = quoted_toks(said);
        let c = hit(&all, 2, Verb);
        let own = own_speaker(said, &all, &(0..all.len()), &[c], c, Some(0));
        assert_eq!(own.map(|m| m.name).as_deref(), Some("Sanders"));
        // not a source with no comma before it, nor one a quotation follows, nor one before
        // the verb
        let no_comma = "“I ask you,” Sanders said according to CNN.";
        assert_eq!(outer(no_comma, &[say, acc]).as_deref(), Some("Sanders"));
        let more = "“I ask you,” Sanders said, according to CNN, “and I mean it.”";
        assert_eq!(outer(more, &[say, acc]).as_deref(), Some("Sanders"));
        let before = "According to CNN, Sanders said “I ask you.”";
        let acc_cap = ("According", "according to", According);
        assert_eq!(outer(before, &[acc_cap, say]).as_deref(), Some("Sanders"));
    }

    #[test]
    fn colon_rule() {
        // "Smith: the plan"
        let m = speaker("Smith : the plan", ":", CueKind::Colon).unwrap();
        assert_eq!(m.name, "Smith");
        // "A lesson from Loretta Lynch: …"
        let m = speaker(
            "A lesson from Loretta Lynch : Be the voice",
            ":",
            CueKind::Colon,
        );
        assert_eq!(m.unwrap().name, "Loretta Lynch");
        // not the speaker of a verb inside the opening phrase
        let text = "With leaders worried about turnout , President Obama has a message :";
        let all = toks(text);
        let at = |w: &str| all.iter().position(|t| t.text(text) == w).unwrap();
        let (worried, colon) = (
            hit(&all, at("worried"), CueKind::Verb),
            hit(&all, at(":"), CueKind::Colon),
        );
        let m = for_cue(text, &all, &(0..all.len()), &[worried, colon], colon, None).unwrap();
        assert_eq!(m.name, "Obama");
    }
}
