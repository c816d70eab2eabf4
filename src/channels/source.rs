//! The source itself is a document or a medium, and so the statement's channel: "A 2014
//! study by two universities found", "Polls show", "Her submission to the court noted",
//! "according to letters released by the committee". The channel is the noun phrase's head
//! ("study", "letters"), never the "by X" inside it.

use super::channel::Scope;
use super::phrase::{
    channel_noun, described, may_head_a_phrase, may_hold_phrase, noun_phrase, region_tokens,
};
use crate::grammar::Toks;
use crate::lexicon::Class;
use crate::model::{Channel, EntityKind};
use crate::segment::{Tok, Token};

/// Where the clause's subject starts: after an opening conjunction or an adverb and its comma
/// ("Yet, a 2014 study …", "But the memos show").
pub(super) fn subject_start(text: &str, toks: &[Token]) -> usize {
    let mut k = 0;
    if toks.get(1).is_some_and(|t| t.is_text(text, ",")) {
        k = 2;
    } else if toks
        .first()
        .is_some_and(|t| t.is(Class::ChannelSubjectOpeners))
    {
        k = 1;
    }
    k
}

/// Whether the statement's speaker is the document itself, or is named inside its phrase
/// after a linking word ("by Harvard", "in the journal"), or stands nowhere before the cue
/// (the speakers stage read it elsewhere): not "The report came out, and Diaz said".
fn speaker_fits(sc: &Scope, phrase_start: usize, head_end: usize, cue_start: usize) -> bool {
    let mention = match sc.ctx.speaker {
        None | Some((EntityKind::Document, _)) => return true,
        Some((_, mention)) => mention,
    };
    let from = sc.region.start.min(phrase_start);
    let Some(at) = super::find_in_clause(&sc.text[from..cue_start], mention).map(|a| from + a)
    else {
        return true;
    };
    if at >= phrase_start && at < head_end {
        return true;
    }
    let before = sc.text[head_end.min(at)..at].trim_end();
    at >= head_end
        && before.rsplit(char::is_whitespace).next().is_some_and(|w| {
            crate::lexicon::with_lower(w, |w| Class::ChannelSourceLinks.contains(w))
        })
}

/// A document or medium as the source: the subject of the cue headed by a channel noun
/// ("A memorable campaign ad in 2008 questioned"), or the noun phrase after "according to"
/// ("according to letters released by the committee").
pub(super) fn document_source(sc: &Scope) -> Option<Channel> {
    let (lemma, cue) = sc.ctx.cue?;
    // (no channel noun in the clause, no document: the clause is not tokenized again)
    if !may_hold_phrase(sc) {
        return None;
    }
    let toks = region_tokens(sc);
    let according = lemma == "according to";
    let k = if according {
        toks.iter().position(|t| t.start >= cue.end)?
    } else {
        subject_start(sc.text, toks)
    };
    // (most subjects have no channel noun among their first words: not parsed)
    if !may_head_a_phrase(toks, k) {
        return None;
    }
    let i = Toks::new(sc.text, toks, k, toks.len());
    let (_, (p, kind)) = noun_phrase(channel_noun)(i).ok()?;
    let head_end = toks[p.head].end;
    let fits = according
        || (head_end <= cue.start
            && speaker_fits(sc, toks[p.start].start, head_end, cue.start)
            && !toks[p.end..]
                .iter()
                .take_while(|t| t.end <= cue.start)
                .any(|t| matches!(t.kind, Tok::Quote(_))));
    fits.then(|| described(sc, toks, p, kind))
}

/// What [`possessed_subject`] finds nothing without (`may_hold_phrase`): a head noun or a
/// quotation.
pub(super) const POSSESSED_NEEDS: super::channel::Needs = super::phrase::NEEDS;

/// An occasion sentence's subject as its channel, when a possessive pronoun opens it: "His
/// speech was the centerpiece of …", "Her submission to the court noted …" (the pronoun is
/// the speaker before; `occasion.rs` finds whose).
pub(super) fn possessed_subject(sc: &Scope) -> Option<Channel> {
    // (no channel noun in the sentence, no subject of one: it is not tokenized again)
    if !may_hold_phrase(sc) {
        return None;
    }
    let toks = region_tokens(sc);
    let k = subject_start(sc.text, toks);
    if !toks.get(k)?.is(Class::ChannelPossessivePronouns) {
        return None;
    }
    let i = Toks::new(sc.text, toks, k, toks.len());
    let (_, (p, kind)) = noun_phrase(channel_noun)(i).ok()?;
    Some(described(sc, toks, p, kind))
}

#[cfg(test)]
mod tests {
    use super::super::Context;
    use super::super::lists::Matches;
    use super::super::test_support::all;
    use super::*;
    use crate::model::{ChannelKind, Span};

    /// The document source read in `t`, with cue `cue` (lemma `lemma`) and speaker `speaker`.
    fn read(
        t: &str,
        cue: &str,
        lemma: &str,
        speaker: Option<(EntityKind, &str)>,
    ) -> Option<(ChannelKind, String)> {
        let at = t.find(cue).unwrap_or(0);
        let ctx = Context {
            cue: Some((
                lemma,
                Span {
                    start: at,
                    end: at + cue.len(),
                },
            )),
            speaker,
            quotes: &[],
            para_toks: None,
        };
        let hits = Matches::new(t, all(t));
        let sc = Scope::new(t, all(t), &ctx, &hits);
        document_source(&sc).map(|c| (c.kind, c.text))
    }

    #[test]
    fn a_document_subject_is_the_channel_not_its_author() {
        let t = "A 2012 study by two state universities found that rents rose.";
        let by = Some((EntityKind::Organization, "two state universities"));
        assert_eq!(
            read(t, "found", "find", by),
            Some((ChannelKind::Publication, "A 2012 study".into()))
        );
        assert_eq!(
            read("Yet, the leaked memos show a plan.", "show", "show", None).map(|c| c.0),
            Some(ChannelKind::LetterOrEmail)
        );
        assert_eq!(
            read(
                "Her submission to the court noted the risk.",
                "noted",
                "note",
                None
            )
            .map(|c| c.0),
            Some(ChannelKind::Publication)
        );
    }

    #[test]
    fn the_speaker_may_be_the_document_or_stand_after_the_cue() {
        let t = "Polls show a close race.";
        assert_eq!(
            read(t, "show", "show", Some((EntityKind::Person, "Polls"))).map(|c| c.0),
            Some(ChannelKind::Publication)
        );
        let t = "A 2012 analysis of donors shows rivals outpacing them.";
        let after = Some((EntityKind::Organization, "rivals outpacing them"));
        assert!(read(t, "shows", "show", after).is_some());
    }

    #[test]
    fn according_to_a_document() {
        let t = "The plan failed, according to letters released by the committee.";
        let by = Some((EntityKind::Organization, "the committee"));
        assert_eq!(
            read(t, "according to", "according to", by),
            Some((ChannelKind::LetterOrEmail, "letters".into()))
        );
    }

    #[test]
    fn the_subject_starts_after_an_opener_and_its_comma() {
        for (t, k) in [
            ("Yet, a 2014 study found it.", 2),
            ("But the memos show a plan.", 1),
            ("The memos show a plan.", 0),
            ("Memos, letters and notes show it.", 2),
            ("\u{201c}Yes,\u{201d} the memo says.", 0),
            (",, memos show it.", 2),
        ] {
            let toks = crate::segment::tokens(t, all(t), &[]);
            assert_eq!(subject_start(t, &toks), k, "{t}");
        }
    }

    #[test]
    fn a_person_who_speaks_is_no_document() {
        let t = "The report came out Tuesday, and Mayor Diaz said it was wrong.";
        let diaz = Some((EntityKind::Person, "Mayor Diaz"));
        assert_eq!(read(t, "said", "say", diaz), None);
        assert_eq!(
            read("Smith said the letter was forged.", "said", "say", None),
            None
        );
    }
}
