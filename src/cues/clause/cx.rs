//! [`Cx`]: a cue in its sentence, what every rule of the clause reads.

use crate::cues::*;
use crate::grammar::Toks;
use crate::lexicon::{Class, ClassSet, lower};
use crate::segment::{Tok, Token, doubled_apostrophe};
use std::borrow::Cow;
use std::ops::Range;

/// A cue `c` in the sentence `lo..hi` of a paragraph's tokens `toks`, with the sentence's
/// other cues.
#[derive(Clone, Copy)]
pub(super) struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lo: usize,
    pub hi: usize,
    pub c: CueHit,
    pub sent_cues: &'a [CueHit],
    /// The token after the cue.
    pub after: usize,
    /// The classes of the cue's lemma, exactly as written (looked up once for the rules'
    /// verb lists: `cx.lemma.has(Class::MannerVerbs)`).
    pub lemma: ClassSet,
    /// The paragraph may hold an archive's doubled apostrophes (true unless its text holds
    /// no two apostrophes in a row, which the cue stage reads once a paragraph): the rules
    /// that look for them (`around::quoted_rest`, `end::doubled_apostrophes`) return at once
    /// without.
    pub doubled_para: bool,
}

/// The classes of the cue's lemma exactly as written: those its first token's verb form
/// carries (`VerbForm::classes`, of its lemma) when that form's lemma is the cue's own (the
/// same leaked string: the cue was found as that form), else looked up. (Also what the
/// reported steps read of a cue's lemma, `At::lemma`: a bit test, not a look-up in a set.)
pub(crate) fn lemma_classes(toks: &[Token], c: CueHit) -> ClassSet {
    let form = toks
        .get(c.tok)
        .and_then(|t| crate::lexicon::LEXICON.verb_forms.get(usize::from(t.verb)));
    match form {
        Some(f) if std::ptr::eq(f.lemma, c.lemma) => f.classes,
        _ => crate::lexicon::classes_as_written(c.lemma),
    }
}

impl<'a> Cx<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        (lo, hi): (usize, usize),
        c: CueHit,
        sent_cues: &'a [CueHit],
    ) -> Cx<'a> {
        Cx {
            text,
            toks,
            lo,
            hi,
            c,
            sent_cues,
            after: c.tok + c.len,
            lemma: lemma_classes(toks, c),
            doubled_para: true,
        }
    }

    /// The text of token `i`.
    pub fn w(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Whether token `i` is `s`, exactly ([`Token::is_text`]: no slicing of the text).
    pub fn is_text(&self, i: usize, s: &str) -> bool {
        self.toks[i].is_text(self.text, s)
    }

    /// The text of token `i` in lower case.
    pub fn low(&self, i: usize) -> Cow<'a, str> {
        lower(self.w(i))
    }

    /// `f` of the text of token `i` in lower case ([`Cx::low`]), on the stack for a short
    /// ASCII word: no string is made for a capitalised name.
    pub fn with_low<R>(&self, i: usize, f: impl FnOnce(&str) -> R) -> R {
        crate::lexicon::with_lower(self.w(i), f)
    }

    /// Whether token `i`, exactly as written, is in class `c` (its classes first: a bit
    /// test).
    pub fn is(&self, i: usize, c: Class) -> bool {
        // (the bit first, inline: a word out of the class is most words)
        let t = &self.toks[i];
        t.is(c) && t.is_written(c, self.text)
    }

    /// Whether token `i`, in lower case, is in class `c` (a class of lower-case words).
    pub fn low_is(&self, i: usize, c: Class) -> bool {
        self.toks[i].is(c)
    }

    /// The words of tokens `r` as `word_count` counts them (a quotation by its words),
    /// counted no further than `cap`: a rule compares the count with a small number.
    pub fn words_up_to(&self, r: &Range<usize>, cap: usize) -> usize {
        let mut n = 0;
        for t in &self.toks[r.clone()] {
            n += match t.kind {
                Tok::Word => 1,
                Tok::Quote(_) => t.text(self.text).split_whitespace().take(cap).count(),
                Tok::Punct => 0,
            };
            if n >= cap {
                return cap;
            }
        }
        n
    }

    /// Whether token `i` follows a comma (or a quotation ending in one).
    pub fn comma_before(&self, i: usize) -> bool {
        comma_before(self.text, self.toks, self.lo, i)
    }

    /// Whether token `i` is a dash or semicolon.
    pub fn breaks(&self, i: usize) -> bool {
        breaks_at(self.text, self.toks, i)
    }

    /// Whether `t` is a comma or a quotation ending in one.
    pub fn ends_with_comma(&self, t: &Token) -> bool {
        ends_with_comma(self.text, t)
    }

    /// Whether tokens `i`, `i + 1` are an archive's doubled apostrophes (none in a paragraph
    /// whose text holds no two apostrophes side by side: its tokens are not read).
    pub fn doubled(&self, i: usize) -> bool {
        self.doubled_para && doubled_apostrophe(self.text, self.toks, i)
    }

    /// Where the speaker mention ending before `b` starts (at most `max` tokens back).
    pub fn mention_start(&self, b: usize, max: usize) -> usize {
        mention_start(self.text, self.toks, self.lo, b, max)
    }

    /// The tokens from `from` to the paragraph's end, for a rule to parse (the window
    /// reaches past the sentence, as `toks.get` does).
    pub fn at(&self, from: usize) -> Toks<'a> {
        Toks::new(self.text, self.toks, from, self.toks.len())
    }

    /// The tokens `from..to`, for a rule to parse.
    pub fn span(&self, from: usize, to: usize) -> Toks<'a> {
        Toks::new(self.text, self.toks, from, to)
    }

    /// Whether a parser matches at token `from` (the window reaching the paragraph's end).
    pub fn matches<O>(
        &self,
        from: usize,
        mut p: impl nom::Parser<Toks<'a>, Output = O, Error = ()>,
    ) -> bool {
        from <= self.toks.len() && p.parse(self.at(from)).is_ok()
    }
}
