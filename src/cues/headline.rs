//! Paragraph tokens and the cues of a headline: Title Case verbs ("County Says Trump
//! Should Win") and a bare colon after a name ("Graham: Trump's Rhetoric …").

use super::*;
use crate::grammar::{PResult, Toks, token};
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::combinator::eof;
use nom::multi::many_m_n;

/// A paragraph's tokens and its sentences (token ranges).
pub(crate) struct ParaTokens {
    pub toks: Vec<Token>,
    pub sents: Vec<std::ops::Range<usize>>,
    /// The cues of each sentence, found once (`annotate`).
    pub cues: Vec<Vec<CueHit>>,
    /// The article's headline (its first line, one short sentence): headlines attribute in
    /// Title Case ("Bellwether County Says Trump Should Win") and with a bare colon
    /// ("Graham: Trump's Rhetoric Destroying GOP's Chance").
    pub headline: bool,
}

/// Whether the first paragraph of an article, tokenized, reads as its headline: one
/// sentence of at most 30 tokens.
pub(crate) fn is_headline(pt: &ParaTokens) -> bool {
    pt.sents.len() == 1 && pt.toks.len() <= 30
}

/// Whether most words of `toks` are capitalised (a Title Case headline).
pub(crate) fn title_case(text: &str, toks: &[Token]) -> bool {
    let (mut words, mut capitalized) = (0, 0);
    for w in toks
        .iter()
        .filter(|t| t.kind == Tok::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
    {
        words += 1;
        capitalized += usize::from(is_capitalized(w));
    }
    words >= 3 && capitalized * 10 >= words * 6
}

/// Whether a token after the first of `toks` may be a verb of [`title_case_verbs`]: a
/// capitalised word that is a reporting verb form or the head of one, read off its bits
/// (few words are). With none, the verbs are none whatever [`title_case`] says.
fn may_have_title_case_verb(text: &str, toks: &[Token]) -> bool {
    toks.iter().skip(1).any(|t| {
        t.kind == Tok::Word
            && (t.verb != crate::lexicon::info::NO_VERB || t.is_verb_head())
            && is_capitalized(t.text(text))
    })
}

/// The index of the sentence of `sents` (token ranges in text order) that holds token `tok`:
/// a binary search, so that a statement's sentence costs no scan of a long paragraph.
pub(crate) fn sentence_containing(sents: &[std::ops::Range<usize>], tok: usize) -> Option<usize> {
    let i = sents.partition_point(|r| r.end <= tok);
    sents.get(i).filter(|r| r.contains(&tok)).map(|_| i)
}

impl ParaTokens {
    /// The index of the sentence that is exactly `sent`.
    pub fn sentence_of(&self, sent: &std::ops::Range<usize>) -> usize {
        // Sentences are in text order: a binary search (linear time in a long paragraph).
        let i = self.sents.partition_point(|r| r.start < sent.start);
        if self.sents.get(i) == Some(sent) {
            return i;
        }
        self.sents.iter().position(|r| r == sent).unwrap_or(0)
    }
}

/// Find the cues of every sentence of a paragraph, once, into the lists `pt.cues` holds
/// (a paragraph of an earlier document's, recycled: each sentence's list refilled, those
/// left over dropped).
pub(crate) fn annotate(text: &str, pt: &mut ParaTokens) {
    // (the headline is the first such paragraph; the others are a live blog's entries or
    // related links)
    // (the words are counted only when a capitalised verb form may be a Title Case cue)
    let title =
        is_headline(pt) && may_have_title_case_verb(text, &pt.toks) && title_case(text, &pt.toks);
    let n = pt.sents.len();
    pt.cues.truncate(n);
    pt.cues.resize_with(n, Vec::new);
    for (s, cues) in pt.sents.iter().zip(pt.cues.iter_mut()) {
        find_into(text, &pt.toks, s.start, s.end, cues);
        // (`find_into` gives its cues in token order, each token once: only a headline's
        // cues are merged in)
        if title || pt.headline {
            if title {
                cues.extend(title_case_verbs(text, &pt.toks, s.start, s.end));
            }
            if pt.headline {
                cues.extend(headline_colon(text, &pt.toks, s.start, s.end));
            }
            cues.sort_by_key(|c| c.tok);
            cues.dedup_by_key(|c| c.tok);
        }
    }
}

/// "Graham: Trump's Rhetoric Destroying GOP's Chance": a headline's colon after a short
/// name (at most four words, capitalised, no label) attributes what follows.
pub(crate) fn headline_colon(text: &str, toks: &[Token], lo: usize, hi: usize) -> Option<CueHit> {
    let i = (lo..hi).find(|&i| toks[i].is_text(text, ":"))?;
    // (after a label and its dash: "EXCLUSIVE – Roger Stone: Don’t Trust …")
    let lo = match label_dash(Toks::new(text, toks, lo, toks.len())) {
        Ok(_) => lo + 2,
        Err(_) => lo,
    };
    // (the speaker, then where or to whom: "Clinton to Planned Parenthood:", "Former AG
    // Mukasey at RNC:")
    let name_end = (lo + 1..i)
        .find(|&k| matches!(toks[k].text(text), "to" | "at"))
        .filter(|&k| {
            toks[k + 1..i]
                .iter()
                .all(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
                && k + 1 < i
        })
        .unwrap_or(i);
    if lo >= i {
        return None;
    }
    let named = headline_speaker(Toks::new(text, toks, lo, name_end)).is_ok();
    // (the words of a quotation count: "Kasich: ‘We Are Going To Cleveland’")
    let after_words = word_count(text, &toks[i + 1..hi]);
    (named && after_words >= 3).then(|| colon_cue(toks, i))
}

/// `EXCLUSIVE –`: a label in capitals (more than three letters) and a dash.
fn label_dash<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let label = token(|i, t| {
        let w = i.word(t);
        w.len() > 3 && w.chars().all(|c| c.is_uppercase())
    });
    let (i, _) = (label, token(|i, t| is_dash(i.word(t)))).parse(i)?;
    Ok((i, ()))
}

/// `Graham`, `Former AG Mukasey`: a headline's speaker before its colon — one to four words,
/// capitalised or of a mention, the first capitalised and no determiner; no label among
/// them ("The Latest:", "HUFFPOLLSTER:", "Paid Notice:" and "Monday’s Morning Email:" are
/// no speakers).
fn headline_speaker<'a>(i: Toks<'a>) -> PResult<'a, ()> {
    let label = |w: &str| {
        (w.len() > 3 && w.chars().all(|c| !c.is_lowercase()))
            || w.ends_with("’s")
            || w.ends_with("'s")
            || w.chars().any(|c| c.is_ascii_digit())
    };
    let name_word = |i: &Toks<'a>, t: &'a Token| {
        let w = i.word(t);
        t.kind == Tok::Word && (is_capitalized(w) || mentionish(i.text, t)) && !label(w)
    };
    let first = token(move |i, t| {
        let w = i.word(t);
        name_word(i, t)
            && is_capitalized(w)
            && !crate::lexicon::with_lower(w, |l| LEXICON.determiners.contains(l))
    });
    let (i, _) = (first, many_m_n(0, 3, token(name_word)), eof).parse(i)?;
    Ok((i, ()))
}

/// The cue of a colon at token `i` that introduces what a speaker says.
pub(crate) fn colon_cue(toks: &[Token], i: usize) -> CueHit {
    CueHit {
        speech: true,
        tok: i,
        len: 1,
        lemma: ":",
        kind: CueKind::Colon,
        start: toks[i].start,
        end: toks[i].end,
        form: None,
    }
}

/// The reporting verbs of a Title Case headline ("County Says Trump Should Win"), which
/// [`find_in`] passes over as capitalised words; never the first word (it has no subject).
pub(crate) fn title_case_verbs(text: &str, toks: &[Token], lo: usize, hi: usize) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut i = lo + 1;
    while i < hi {
        let t = toks[i];
        let w = t.text(text);
        // (an all-capitals "STATES" or "FAVORS" could be any word)
        let shouting = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if t.kind == Tok::Word && is_capitalized(w) && !shouting && !w.starts_with("According") {
            // A verb ends in -s or -ed in a headline ("Says", "Endorsed"), not a name (the
            // word is lowered, on the stack, only when it is a verb form).
            let ending = |l: &str| l.ends_with('s') || l.ends_with("ed");
            if let Some(f) = verb_at(text, toks, i, hi)
                && (crate::lexicon::with_lower(w, ending) || f.words > 1)
                && toks[i - 1].kind == Tok::Word
                // "If He Wants", "Whether She Says": a condition, not a statement.
                && !toks[i.saturating_sub(3).max(lo)..i]
                    .iter()
                    .any(|t| Class::FindHeadlineConditions.contains(t.text(text)))
            {
                out.push(CueHit {
                    speech: f.speech,
                    tok: i,
                    len: f.words,
                    lemma: f.lemma,
                    kind: CueKind::Verb,
                    start: t.start,
                    end: toks[i + f.words - 1].end,
                    form: f.person(),
                });
                i += f.words;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph annotated into an earlier paragraph's cue lists (more or fewer
    /// sentences, stale cues in them) gets the cues a fresh one gets.
    #[test]
    fn recycled_cue_lists_give_the_fresh_cues() {
        let texts = [
            "Graham: Trump's Rhetoric Destroying GOP's Chance",
            "County Says Trump Should Win",
            "\"We will win,\" he said. She told reporters it was over. Nothing here.",
            "According to the poll, most agree. Officials said: \"No comment.\"",
            "The senator, who spoke Monday, warned that the bill would fail.",
            "",
            "Yes.",
        ];
        for a in texts {
            for b in texts {
                let (_, fresh) = crate::cues::test_support::paragraph(a);
                let (_, stale) = crate::cues::test_support::paragraph(b);
                let (_, mut pt) = crate::cues::test_support::paragraph(a);
                pt.cues = stale.cues;
                for headline in [false, true] {
                    let mut fresh_pt = ParaTokens {
                        toks: fresh.toks.clone(),
                        sents: fresh.sents.clone(),
                        cues: Vec::new(),
                        headline,
                    };
                    annotate(a, &mut fresh_pt);
                    pt.headline = headline;
                    annotate(a, &mut pt);
                    assert_eq!(
                        format!("{:?}", pt.cues),
                        format!("{:?}", fresh_pt.cues),
                        "{a:?} into {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_sentence_that_holds_a_token() {
        let sents = [0..4, 4..4, 4..9, 9..12];
        assert_eq!(sentence_containing(&sents, 0), Some(0));
        assert_eq!(sentence_containing(&sents, 4), Some(2));
        assert_eq!(sentence_containing(&sents, 11), Some(3));
        assert_eq!(sentence_containing(&sents, 12), None);
    }
    use crate::cues::test_support::paragraph;

    #[test]
    fn a_title_case_headline_verb() {
        let text = "Bellwether County Says Trump Should Win";
        let (_, pt) = paragraph(text);
        assert!(is_headline(&pt) && title_case(text, &pt.toks));
        assert!(may_have_title_case_verb(text, &pt.toks));
        let v = title_case_verbs(text, &pt.toks, 0, pt.toks.len());
        assert_eq!(v.iter().map(|c| c.lemma).collect::<Vec<_>>(), ["say"]);
        // A condition, not a statement.
        let text = "What Happens If He Says No";
        let (_, pt) = paragraph(text);
        assert!(title_case_verbs(text, &pt.toks, 0, pt.toks.len()).is_empty());
        // No capitalised verb form after the first word: the words are not counted.
        let text = "Says County Trump Should Win";
        let (_, pt) = paragraph(text);
        assert!(!may_have_title_case_verb(text, &pt.toks));
        assert!(title_case_verbs(text, &pt.toks, 0, pt.toks.len()).is_empty());
    }

    #[test]
    fn a_headline_colon_after_a_name() {
        let text = "Graham: Trump's Rhetoric Destroying GOP's Chance";
        let (_, pt) = paragraph(text);
        let c = headline_colon(text, &pt.toks, 0, pt.toks.len()).expect("a colon cue");
        assert_eq!((c.tok, c.kind), (1, CueKind::Colon));
        let text = "EXCLUSIVE – Roger Stone: Don’t Trust The Polls";
        let (_, pt) = paragraph(text);
        assert!(label_dash(Toks::whole(text, &pt.toks)).is_ok());
        assert!(headline_colon(text, &pt.toks, 0, pt.toks.len()).is_some());
        assert!(headline_speaker(Toks::whole(text, &pt.toks).from(2)).is_err());
        // A label is no speaker.
        let text = "The Latest: Trump Rhetoric Destroying GOP Chance";
        let (_, pt) = paragraph(text);
        assert!(headline_colon(text, &pt.toks, 0, pt.toks.len()).is_none());
    }
}
