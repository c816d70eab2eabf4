//! [`Toks`]: a window onto a sentence's tokens, the input type of every token-level rule.

use crate::segment::{Tok, Token};
use nom::Needed;

/// A window `lo..hi` onto the tokens `all` of one sentence (or paragraph) of `text`.
///
/// It is `Copy`; parsing moves `lo` forward, and `all` stays whole so a rule can look at the
/// token before its window (`before`). Token `k` of the window is `all[lo + k]`; `at()` is
/// the index of the window's first token in `all`, so every match still knows its offsets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub all: &'a [Token],
    pub lo: usize,
    pub hi: usize,
}

impl<'a> Toks<'a> {
    /// The window `lo..hi` of `all` (clamped to it).
    pub(crate) fn new(text: &'a str, all: &'a [Token], lo: usize, hi: usize) -> Toks<'a> {
        let hi = hi.min(all.len());
        Toks {
            text,
            all,
            lo: lo.min(hi),
            hi,
        }
    }

    /// The whole of `all`.
    pub(crate) fn whole(text: &'a str, all: &'a [Token]) -> Toks<'a> {
        Toks::new(text, all, 0, all.len())
    }

    /// The index in `all` of the window's first token.
    pub(crate) fn at(&self) -> usize {
        self.lo
    }

    /// The same window starting at `lo` (an index into `all`).
    pub(crate) fn from(&self, lo: usize) -> Toks<'a> {
        Toks::new(self.text, self.all, lo, self.hi)
    }

    /// The window's tokens.
    pub(crate) fn tokens(&self) -> &'a [Token] {
        &self.all[self.lo..self.hi]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.lo >= self.hi
    }

    /// The window's first token.
    pub(crate) fn first(&self) -> Option<&'a Token> {
        self.tokens().first()
    }

    /// The token `k` places after the window's start (`k` may reach past the window's end
    /// but not past the sentence's).
    pub(crate) fn peek(&self, k: usize) -> Option<&'a Token> {
        self.all.get(self.lo + k)
    }

    /// The token just before the window.
    pub(crate) fn before(&self) -> Option<&'a Token> {
        self.lo.checked_sub(1).map(|k| &self.all[k])
    }

    /// The text of a token.
    pub(crate) fn word(&self, t: &Token) -> &'a str {
        t.text(self.text)
    }

    /// The text of the window's first token, or "".
    pub(crate) fn first_word(&self) -> &'a str {
        self.first().map_or("", |t| t.text(self.text))
    }

    /// The byte span of tokens `from..to` of `all` (an empty span at the window's start
    /// when the range is empty).
    pub(crate) fn span(&self, from: usize, to: usize) -> crate::model::Span {
        match (
            self.all.get(from),
            to.checked_sub(1).and_then(|k| self.all.get(k)),
        ) {
            (Some(a), Some(b)) if to > from => crate::model::Span {
                start: a.start,
                end: b.end,
            },
            _ => {
                let at = self.all.get(from).map_or(self.text.len(), |t| t.start);
                crate::model::Span { start: at, end: at }
            }
        }
    }

    /// Whether the token is a quotation.
    pub(crate) fn is_quote(t: &Token) -> bool {
        matches!(t.kind, Tok::Quote(_))
    }
}

impl<'a> nom::Input for Toks<'a> {
    type Item = &'a Token;
    type Iter = std::slice::Iter<'a, Token>;
    type IterIndices = std::iter::Enumerate<std::slice::Iter<'a, Token>>;

    fn input_len(&self) -> usize {
        self.hi - self.lo
    }

    fn take(&self, index: usize) -> Self {
        Toks {
            hi: self.lo + index,
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Toks {
            lo: self.lo + index,
            ..*self
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.tokens().iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.tokens().iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.tokens().iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.input_len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.input_len()))
        }
    }
}
