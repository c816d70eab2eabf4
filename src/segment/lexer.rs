//! The tokenizer: an ordered list of lexer steps ([`STEPS`]); at each position the first
//! step that applies reads one token (or skips white space). Most words, and the marks and
//! spaces between them, are read by one tight loop ([`plain_words`]) that reads what the
//! steps would; the others by the steps, the rarest by a nom grammar on `&str`
//! ([`word_body`], then the suffix rules of `abbreviations`: [`plural_possessive`] and
//! [`abbreviation_stop`]).

use super::abbreviations::{abbreviation_stop, plain_abbreviation_stop, plural_possessive};
use super::bytes::{HIGH, alnum_bytes, alnum_len, ascii_run};
use super::list_words::{joined_may_match, pair_may_match};
use super::sentences::FULL_STOPS;
use super::{Tok, Token};
use crate::lexicon::{Class, ClassSet, WordInfo, ascii_word_info_at, info, word_info};
use crate::model::Span;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::peek;
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// Where the lexer stands: the text, the span's end, the quotations not yet read, and the
/// tokens so far.
struct Lexer<'t, 'q> {
    text: &'t str,
    end: usize,
    quotes: &'q [(usize, Span)],
    /// Where the next quotation starts (`usize::MAX` for none), and how far a token may
    /// reach: that start, or the span's end. Both are set when a quotation is read, not
    /// asked again at every token.
    quote_at: usize,
    limit: usize,
    out: Vec<Token>,
    /// The tokens that may end a sentence (`sentences`' candidates: a quotation, a full
    /// stop, a word ending in one), by index, when `record_ends` asks for them.
    ends: Vec<usize>,
    record_ends: bool,
    /// Where the last token ends (the span's start before the first): a word that starts
    /// there may touch a letter or digit before it; one that starts elsewhere has white
    /// space before it, which the steps skipped.
    touch: usize,
}

impl<'t, 'q> Lexer<'t, 'q> {
    /// The lexer of `span` of `text` at its start, the quotations `quotes` to read.
    fn new(text: &'t str, span: Span, quotes: &'q [(usize, Span)], out: Vec<Token>) -> Self {
        let end = span.end;
        let mut lx = Lexer {
            text,
            end,
            quotes,
            quote_at: usize::MAX,
            limit: end,
            out,
            ends: Vec::new(),
            record_ends: false,
            touch: span.start,
        };
        lx.next_quote(quotes);
        lx
    }

    /// The quotations still to read are `quotes`.
    fn next_quote(&mut self, quotes: &'q [(usize, Span)]) {
        self.quotes = quotes;
        self.quote_at = quotes.first().map_or(usize::MAX, |(_, s)| s.start);
        self.limit = self.quote_at.min(self.end);
    }

    /// The token just pushed may end a sentence: its index is recorded.
    #[inline]
    fn may_end(&mut self) {
        if self.record_ends {
            self.ends.push(self.out.len() - 1);
        }
    }

    /// Push a punctuation or quotation token.
    #[inline]
    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        self.push_with(kind, start, end, NO_MARK);
    }

    /// Push a punctuation or quotation token of these classes and flags.
    #[inline]
    fn push_with(&mut self, kind: Tok, start: usize, end: usize, mark: Mark) {
        self.touch = end;
        self.out.push(mark_token(kind, start, end, mark));
    }
}

/// The lexicon's word tables, which a word token's classes point into.
type Words = &'static info::Tables;

/// A lexer step at byte `i` (character `c`): where the next step starts, or `None` when
/// the step does not apply.
type Step = fn(&mut Lexer, usize, char) -> Option<usize>;

/// The lexer steps, in order: the first that applies reads at `i`.
const STEPS: &[(&str, Step)] = &[
    // First: a quotation is one token, whatever it holds.
    ("quotation", quotation),
    ("white space", space),
    // A word before punctuation: "5,000" and "3.5" are one number, "U.S." one word with its
    // full stop, "O'Neill" one word with its apostrophe.
    ("word", word),
    // "--" is one dash: before one-character punctuation.
    ("dash", dash),
    // Last: any other character is punctuation.
    ("punctuation", punctuation),
];

/// Tokenize `span` of `text`, replacing each quotation in `quotes` (whole spans including
/// their marks, sorted, inside `span`) with one `Tok::Quote` token.
pub(crate) fn tokens(text: &str, span: Span, quotes: &[(usize, Span)]) -> Vec<Token> {
    tokens_into(text, span, quotes, Vec::new())
}

/// [`tokens`], written into `out` (emptied first): a list kept from an earlier paragraph
/// or document serves again, without allocating.
pub(crate) fn tokens_into(
    text: &str,
    span: Span,
    quotes: &[(usize, Span)],
    out: Vec<Token>,
) -> Vec<Token> {
    lex(text, span, quotes, out, None).0
}

/// [`tokens_into`], with the indices of the tokens that may end a sentence written into
/// `ends` (emptied first): a quotation, a full stop, a word ending in one (an
/// abbreviation's), in order; the sentence splitter reads only those
/// (`sentences_into`'s `ends`), not every token's last byte.
pub(crate) fn tokens_and_ends_into(
    text: &str,
    span: Span,
    quotes: &[(usize, Span)],
    out: Vec<Token>,
    ends: &mut Vec<usize>,
) -> Vec<Token> {
    let (out, kept) = lex(text, span, quotes, out, Some(std::mem::take(ends)));
    *ends = kept;
    out
}

/// The lexer's loop: the tokens of `span`, and (when `ends` is given, emptied first) the
/// indices of those that may end a sentence.
fn lex(
    text: &str,
    span: Span,
    quotes: &[(usize, Span)],
    mut out: Vec<Token>,
    ends: Option<Vec<usize>>,
) -> (Vec<Token>, Vec<usize>) {
    out.clear();
    // (about one token for every five or six bytes of news text: room for one in four, so
    // that nine paragraphs in ten never grow their list, which a list of one in six, grown
    // to one in three, took no less; a kept list too small is replaced, not grown)
    let room = (span.end - span.start) / 4 + 4;
    if out.capacity() < room {
        out = Vec::with_capacity(room);
    }
    let mut lx = Lexer::new(text, span, quotes, out);
    if let Some(mut ends) = ends {
        ends.clear();
        lx.ends = ends;
        lx.record_ends = true;
    }
    let words = info::tables();
    // (the span's end is the bytes' end: the loop's test is the bounds check of `bytes[i]`)
    let bytes = &text.as_bytes()[..span.end];
    let mut i = span.start;
    while i < bytes.len() {
        let b = bytes[i];
        let next = if i >= lx.quote_at {
            quotation(&mut lx, i, b as char)
        } else if b.is_ascii_alphanumeric() {
            // (most tokens: a word of ASCII letters and digits, read here; most of those
            // from one load of eight bytes)
            Some(ascii_words(&mut lx, words, i))
        } else if b.is_ascii() {
            ascii_step(&mut lx, i, b)
        } else {
            // (only characters that are not ASCII are decoded)
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if is_general_punctuation(c) {
                punctuation(&mut lx, i, c)
            } else {
                STEPS[1..].iter().find_map(|&(_, step)| step(&mut lx, i, c))
            }
        };
        i = next.unwrap_or(span.end);
    }
    (lx.out, lx.ends)
}

/// The word at `i` (an ASCII letter or digit, no quotation there) and each word after it
/// that a space alone parts from it, before the limit ("said the mayor"), read without the
/// loop's dispatch, which would pick the same step for each: where the next step starts.
/// Most words are read by [`plain_words`]; the word it stops at goes to [`short_word`], then
/// [`ascii_word`], which read any word.
#[inline(always)]
fn ascii_words(lx: &mut Lexer, words: Words, i: usize) -> usize {
    plain_words(lx, words, i).unwrap_or_else(|i| match short_word(lx, words, i) {
        Some(next) => next,
        None => ascii_word(lx, words, i),
    })
}

/// The words from `i` (an ASCII letter or digit, no quotation there) that a space alone
/// parts, or one mark and a space ("said, the mayor"), each of fewer than sixteen ASCII
/// letters and digits before a space, plain punctuation ([`ends_plain_word`]) or a full stop
/// that is no abbreviation's and joins nothing, read in one tight loop whose state (the
/// position, the limit, the token list) stays in registers: the word's end by
/// [`alnum_len`], its keys from the same sixteen bytes, its token pushed, and a mark after
/// it pushed as [`punctuation`] would push it ([`lone_mark`]); only the first word is asked
/// whether it touches the token before it. `Ok`: where the next step starts, after a word
/// or mark; `Err`: where a word starts that the loop does not read (maybe at `i`).
#[inline(always)]
fn plain_words(lx: &mut Lexer, words: Words, i: usize) -> Result<usize, usize> {
    let (text, limit, touching) = (lx.text, lx.limit, i == lx.touch);
    let bytes = text.as_bytes();
    let mut out = std::mem::take(&mut lx.out);
    let first = out.len();
    let mut i = i;
    let next = loop {
        let Some(sixteen) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) else {
            let word = bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
            break if word { Err(i) } else { Ok(i) };
        };
        let x = u128::from_le_bytes(*sixteen);
        let n = alnum_len(x);
        // (no word here, after a space: the next step's)
        if n == 0 {
            break Ok(i);
        }
        let j = i + n;
        let Some(&c) = sixteen.get(n).filter(|_| j < limit) else {
            break Err(i);
        };
        if c == b'.' {
            // (a full stop that joins what follows, or an abbreviation's: `short_word`'s)
            let after = bytes.get(j + 1).filter(|_| j + 1 < limit);
            if after.is_some_and(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
                || plain_abbreviation_stop(text, i, j) != j
            {
                break Err(i);
            }
        } else if c != b' ' && !ends_plain_word(c, sixteen[n.saturating_sub(1)]) {
            break Err(i);
        }
        let mut info = if n < 8 {
            info::short_word_info(words, x as u64, n)
        } else {
            info::middle_word_info(words, x, n)
        };
        info.flags |= info::ALNUM;
        out.push(word_token(i, j, info));
        let k = if c == b' ' {
            j + 1
        } else {
            let Some(classes) = lone_mark(c) else {
                break Ok(j);
            };
            out.push(mark_token(Tok::Punct, j, j + 1, classes));
            if lx.record_ends && FULL_STOPS.contains(&char::from(c)) {
                lx.ends.push(out.len() - 1);
            }
            // (a space after the mark, then a word: read on)
            let k = j + 2;
            if bytes.get(j + 1) != Some(&b' ') || k >= limit || !bytes[k].is_ascii_alphanumeric() {
                break Ok(j + 1);
            }
            k
        };
        if k >= limit {
            break Ok(k);
        }
        i = k;
    };
    let read = out.len() > first;
    lx.out = out;
    if read {
        lx.touch = lx.out.last().map_or(lx.touch, |t| t.end);
        if touching {
            mark_joined_at(lx, first);
        }
    }
    next
}

/// The classes and flags of the punctuation token of ASCII byte `c` after a word when
/// [`punctuation`] reads it alone (no letter, digit, white space or dash: [`ascii_step`]'s
/// last arm), `None` for any other byte.
#[inline(always)]
fn lone_mark(c: u8) -> Option<Mark> {
    (c != b'-' && c.is_ascii_punctuation()).then(|| mark_of(char::from(c)))
}

/// A punctuation or quotation token's classes and flags.
type Mark = (&'static ClassSet, u8);

/// The classes and flags of a token of no class: most marks, and quotations.
const NO_MARK: Mark = (&ClassSet::EMPTY, 0);

/// The classes and flags of a punctuation token of character `c`: a colon's ([`COLON`],
/// and [`info::MAY_CUE`]: the cue finder reads a colon), or none.
#[inline(always)]
fn mark_of(c: char) -> Mark {
    if c == ':' {
        (COLON, info::MAY_CUE)
    } else {
        NO_MARK
    }
}

/// The punctuation or quotation token `start..end` of these classes and flags (no verb
/// form, no spelling flags).
#[inline(always)]
fn mark_token(kind: Tok, start: usize, end: usize, (classes, flags): Mark) -> Token {
    Token {
        kind,
        start,
        end,
        classes,
        verb: info::NO_VERB,
        flags,
    }
}

/// [`STEPS`] at an ASCII character where no quotation starts: its byte tells which step
/// is the first that applies (those before it surely do not), so the step is called
/// directly.
#[inline]
fn ascii_step(lx: &mut Lexer, i: usize, b: u8) -> Option<usize> {
    let c = b as char;
    match b {
        _ if b.is_ascii_alphanumeric() => word(lx, i, c).or_else(|| punctuation(lx, i, c)),
        // (`char::is_whitespace`, which also holds for the vertical tab)
        b'\t'..=b'\r' | b' ' => space(lx, i, c),
        b'-' => dash(lx, i, c).or_else(|| punctuation(lx, i, c)),
        _ => punctuation(lx, i, c),
    }
}

/// A dash, curly quotation mark, bullet or ellipsis of Unicode's general punctuation (U+2010
/// to U+2027, U+2030 to U+205E: "—", "’", "…"): no white space, letter or digit, so only
/// [`punctuation`] reads it, without the tables that tell a letter.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// A quotation that starts here is one token: “We will win,” he said.
fn quotation(lx: &mut Lexer, i: usize, _: char) -> Option<usize> {
    let &(qi, qs) = lx.quotes.first().filter(|(_, qs)| i >= qs.start)?;
    lx.push(Tok::quote(qi), qs.start, qs.end);
    lx.may_end();
    lx.next_quote(&lx.quotes[1..]);
    lx.touch = i.max(qs.end);
    Some(i.max(qs.end))
}

/// White space is skipped: "he  said".
fn space(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !c.is_whitespace() {
        return None;
    }
    // (most white space is one space before a word)
    let next = lx.text.as_bytes().get(i + 1);
    if c == ' ' && next.is_some_and(|b| !b.is_ascii_whitespace() && b.is_ascii()) {
        return Some((i + 1).min(lx.end));
    }
    let rest = &lx.text[i..lx.end];
    let n = rest.find(|c: char| !c.is_whitespace());
    Some(i + n.unwrap_or(rest.len()))
}

/// A word: letters and digits with what joins them ([`word_body`]), then the apostrophe of
/// a plural possessive and the full stop of an abbreviation: "Mr. O'Neill of the U.S.".
fn word(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !c.is_alphanumeric() {
        return None;
    }
    if c.is_ascii() {
        return Some(ascii_word(lx, info::tables(), i));
    }
    grammar_word(lx, i)
}

/// [`word`] of the commonest shape, read from one load of sixteen bytes: fewer than
/// sixteen ASCII letters and digits, then a byte inside the limit that ends a plain word
/// ([`ends_plain_word`]: a space, most punctuation, a full stop that is no abbreviation's and
/// joins nothing), the word's keys made from the same
/// bytes (`info::short_word_info`, `info::middle_word_info`). `None` for any other word,
/// which [`ascii_word`] reads.
#[inline(always)]
fn short_word(lx: &mut Lexer, words: Words, i: usize) -> Option<usize> {
    let sixteen = lx.text.as_bytes().get(i..)?.first_chunk::<16>()?;
    let x = u128::from_le_bytes(*sixteen);
    // (the first byte that is no letter or digit: in the first eight bytes for most
    // words, else in the next eight)
    let low = !alnum_bytes(x as u64) & HIGH;
    let n = if low != 0 {
        (low.trailing_zeros() / 8) as usize
    } else {
        8 + ((!alnum_bytes((x >> 64) as u64) & HIGH).trailing_zeros() / 8) as usize
    };
    let (Some(&c), Some(&last)) = (sixteen.get(n), sixteen.get(n.wrapping_sub(1))) else {
        return None;
    };
    let j = i + n;
    if j >= lx.limit {
        return None;
    }
    if c == b'.' {
        // (a full stop that ends the sentence: not one that joins what follows, "U.S",
        // "3.5", which `joined_pair` may read, nor an abbreviation's: `ascii_word` reads it)
        let after = lx.text.as_bytes().get(j + 1).filter(|_| j + 1 < lx.limit);
        if after.is_some_and(|b| b.is_ascii_alphanumeric() || !b.is_ascii()) {
            return joined_pair(lx, words, i, x, n);
        } else if plain_abbreviation_stop(lx.text, i, j) != j {
            return None;
        }
    } else if !ends_plain_word(c, last) {
        return joined_pair(lx, words, i, x, n);
    }
    let mut info = if n < 8 {
        info::short_word_info(words, x as u64, n)
    } else {
        info::middle_word_info(words, x, n)
    };
    info.flags |= info::ALNUM;
    // (letters and digits with an ASCII mark after: apart from what is before, unless
    // that is a token's end)
    let touching = i == lx.touch;
    push_token(lx, i, j, info);
    if touching {
        mark_joined(lx);
    }
    // (a space after the word is skipped here, as `space` would skip it)
    Some(j + usize::from(c == b' '))
}

/// [`word`] of two runs of ASCII letters and digits and a joiner ("Trump's", "don’t",
/// "well-known", "AT&T", "5,000", "3.5": most words [`grammar_word`] reads), from the
/// sixteen bytes `x` at `i` in which [`short_word`] found the first run (`n` bytes), the byte
/// after them inside the limit, ASCII and joining nothing (no joiner, full stop, or comma
/// after a digit): the token [`grammar_word`] makes, without its grammar. `None` otherwise.
#[inline(never)]
fn joined_pair(lx: &mut Lexer, words: Words, i: usize, x: u128, n: usize) -> Option<usize> {
    // (byte `k` of the sixteen, 0 past them)
    let byte = |k: usize| x.checked_shr(8 * k as u32).unwrap_or(0) as u8;
    // (the joiner's width: a comma joins digits only; a right single mark is three bytes)
    let width = match byte(n) {
        b'\'' | b'-' | b'&' | b'.' => 1,
        b',' if byte(n - 1).is_ascii_digit() && byte(n + 1).is_ascii_digit() => 1,
        0xE2 if (x >> (8 * n)) as u32 & 0xFF_FFFF == 0x99_80_E2 => 3,
        _ => return None,
    };
    // (the second run, to the first byte that is no ASCII letter or digit: one of the sixteen)
    let other = u128::from(!alnum_bytes(x as u64) & HIGH)
        | u128::from(!alnum_bytes((x >> 64) as u64) & HIGH) << 64;
    let p = n + width;
    let q = p + (other.checked_shr(8 * p as u32)?.trailing_zeros() / 8) as usize;
    let after = x.checked_shr(8 * q as u32)? as u8;
    let joins = after == b'.' || JOINERS.as_bytes().contains(&after);
    if q == p
        || i + q >= lx.limit
        || !after.is_ascii()
        || joins
        || after == b',' && byte(q - 1).is_ascii_digit()
    {
        return None;
    }
    let mut info = info::joined_word_info(words, x, q);
    // (its bit `JOINED_MAY_MATCH` from its two runs, and a space after it skipped)
    if pair_may_match(lx.text.as_bytes(), i, n, p, i + q) {
        info.flags |= info::JOINED_MAY_MATCH;
    }
    push_token(lx, i, i + q, info);
    Some(i + q + usize::from(after == b' '))
}

/// Whether byte `c`, after a run of ASCII letters and digits that ends in `last`, ends a
/// plain word ([`plain_ascii_word`]): ASCII, no joiner ([`JOINERS`]), no comma after a
/// digit ("5,000"), no full stop (an abbreviation's, or one that joins: "U.S").
#[inline(always)]
fn ends_plain_word(c: u8, last: u8) -> bool {
    c == b' '
        || (c.is_ascii()
            && !JOINERS.as_bytes().contains(&c)
            && !(c == b',' && last.is_ascii_digit()))
}

/// [`word`] at an ASCII letter or digit (`words`: the lexicon's tables): most words are
/// read in one pass over their bytes ([`plain_ascii_word`]), and looked up by their bytes
/// as one integer; the others by the whole grammar ([`grammar_word`]). A full stop after a
/// plain word is an abbreviation's, or ends the sentence.
#[inline(always)]
fn ascii_word(lx: &mut Lexer, words: Words, i: usize) -> usize {
    let Some((run, stop)) = plain_ascii_word(lx.text.as_bytes(), i, lx.limit) else {
        return grammar_word(lx, i)
            .or_else(|| punctuation(lx, i, char::from(lx.text.as_bytes()[i])))
            .unwrap_or(lx.end);
    };
    let j = if stop {
        plain_abbreviation_stop(lx.text, i, run)
    } else {
        run
    };
    let mut info = ascii_word_info_at(words, lx.text, i, j);
    // (its bytes are the run's letters and digits, unless an abbreviation's stop joined it)
    if j == run {
        info.flags |= info::ALNUM;
    }
    push_word(lx, i, j, info)
}

/// [`word`] read by the whole grammar: [`word_body`], then [`plural_possessive`] and
/// [`abbreviation_stop`] ("O'Neill", "U.S.", "Zoë", "the Joneses'").
#[inline(never)]
fn grammar_word(lx: &mut Lexer, i: usize) -> Option<usize> {
    let limit = lx.limit;
    let joined = joined_ascii_word(lx.text, i, limit);
    let j = match joined {
        Some(j) => j,
        None => {
            let (rest, _) = word_body(&lx.text[i..limit]).ok()?;
            limit - rest.len()
        }
    };
    let j = plural_possessive(lx.text, i, j, limit);
    let j = abbreviation_stop(lx.text, i, j, limit);
    let info = match joined.and_then(|_| joined_info(lx.text, i, j)) {
        Some(info) => info,
        None => {
            let w = &lx.text[i..j];
            let mut info = word_info(w);
            if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                info.flags |= info::ALNUM;
            }
            info
        }
    };
    Some(push_word(lx, i, j, info))
}

/// What the lexicon knows of the word `text[i..j]` that [`joined_ascii_word`] read (ASCII
/// letters, digits and joiners, maybe right single marks, then maybe a plural possessive's
/// apostrophe or an abbreviation's full stop), as [`word_info`] and the [`info::ALNUM`]
/// flag tell it: a word of fewer than sixteen bytes is read as one load of sixteen bytes
/// (`info::joined_word_info`), without lower-casing it into a buffer. `None` for a longer
/// word, or one too near the text's end, which [`word_info`] reads.
#[inline]
fn joined_info(text: &str, i: usize, j: usize) -> Option<WordInfo> {
    let n = j - i;
    if n >= 16 {
        return None;
    }
    let x = u128::from_le_bytes(*text.as_bytes().get(i..)?.first_chunk::<16>()?);
    let mut info = info::joined_word_info(info::tables(), x, n);
    // (its bytes are all letters and digits when none of its `n` bytes is anything else)
    let lo = u128::from(!alnum_bytes(x as u64) & HIGH);
    let hi = u128::from(!alnum_bytes((x >> 64) as u64) & HIGH);
    if (hi << 64 | lo) & ((1u128 << (8 * n)) - 1) == 0 {
        info.flags |= info::ALNUM;
    }
    Some(info)
}

/// The word token `i..j` with what the lexicon knows of it (and its bit
/// [`info::JOINED_MAY_MATCH`]): where the next step starts.
#[inline(always)]
fn push_word(lx: &mut Lexer, i: usize, j: usize, info: WordInfo) -> usize {
    push_token(lx, i, j, info);
    mark_joined(lx);
    // (an abbreviation's full stop may end a sentence)
    if lx.text.as_bytes()[j - 1] == b'.' {
        lx.may_end();
    }
    // (a space after the word is skipped here, as `space` would skip it: most words end
    // so; any white space after it is the next step's)
    if j < lx.limit && lx.text.as_bytes()[j] == b' ' {
        return j + 1;
    }
    j
}

/// Push the word token `i..j` with what the lexicon knows of it.
#[inline(always)]
fn push_token(lx: &mut Lexer, i: usize, j: usize, info: WordInfo) {
    lx.touch = j;
    lx.out.push(word_token(i, j, info));
}

/// The word token `i..j` with what the lexicon knows of it.
#[inline(always)]
fn word_token(i: usize, j: usize, info: WordInfo) -> Token {
    let WordInfo {
        classes,
        verb,
        flags,
    } = info;
    Token {
        kind: Tok::Word,
        start: i,
        end: j,
        classes,
        verb,
        flags,
    }
}

/// Set the bit [`info::JOINED_MAY_MATCH`] of the word token just pushed if it may, joined or
/// touching a letter or digit, hold a channel list's word (`list_words::joined_may_match`).
#[inline(always)]
fn mark_joined(lx: &mut Lexer) {
    mark_joined_at(lx, lx.out.len().wrapping_sub(1));
}

/// [`mark_joined`] of the word token at `k`; not inlined, as a plain short word after a
/// space, most words, never calls it.
#[inline(never)]
fn mark_joined_at(lx: &mut Lexer, k: usize) {
    let bytes = lx.text.as_bytes();
    if let Some(t) = lx.out.get_mut(k)
        && joined_may_match(bytes, t)
    {
        t.flags |= info::JOINED_MAY_MATCH;
    }
}

/// "--" is one dash: "J. Smith -- no".
fn dash(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if c != '-' {
        return None;
    }
    tag::<_, _, ()>("--").parse(&lx.text[i..lx.limit]).ok()?;
    lx.push(Tok::Punct, i, i + 2);
    Some(i + 2)
}

/// The classes of a colon's token: it may introduce a quotation (cues/find's gate reads
/// this class).
const COLON: &ClassSet = &ClassSet::EMPTY.with(Class::FindMayCue);

/// Any other character is one punctuation token: ",", "(", "—".
#[inline]
fn punctuation(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    let j = i + c.len_utf8();
    lx.push_with(Tok::Punct, i, j, mark_of(c));
    if FULL_STOPS.contains(&c) {
        lx.may_end();
    }
    Some(j)
}

/// A word of ASCII letters and digits alone, the character after it neither joining it to
/// more ([`word_body`]) nor adding to it (a plural possessive's apostrophe, all in
/// [`JOINERS`]) but maybe an abbreviation's full stop: where it ends, and whether a full
/// stop follows it (which [`abbreviation_stop`] reads). `None` when the word needs the
/// whole grammar.
#[inline(always)]
fn plain_ascii_word(bytes: &[u8], i: usize, limit: usize) -> Option<(usize, bool)> {
    let n = ascii_run(bytes.get(i..limit)?);
    let j = i + n;
    let at = |k: usize| bytes.get(k).copied().filter(|_| k < limit);
    match at(j) {
        // (most words end at a space)
        Some(b' ') => Some((j, false)),
        // (a full stop joins a letter or digit after it: "U.S", "3.5")
        Some(b'.') => match at(j + 1) {
            Some(b) if b.is_ascii_alphanumeric() || !b.is_ascii() => None,
            _ => Some((j, true)),
        },
        // (a comma joins digits only: "5,000")
        Some(b)
            if (b == b',' && n > 0 && bytes[j - 1].is_ascii_digit())
                || !b.is_ascii()
                || JOINERS.as_bytes().contains(&b) =>
        {
            None
        }
        _ => Some((j, false)),
    }
}

/// [`word_body`] of a word whose letters and digits are ASCII, read on its bytes (most
/// joined words: "O'Neill", "don’t", "rock-and-roll", "5,000", and a word before a dash or
/// a quotation mark): where it ends. `None` when a letter or digit that is not ASCII is
/// met ("Zoë"), for the grammar to read.
fn joined_ascii_word(text: &str, i: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes().get(..limit)?;
    // (a character that is not ASCII at `k`: `Some(true)` for a letter or digit, which
    // the grammar reads)
    let alnum_at = |k: usize| {
        text.get(k..limit)?
            .chars()
            .next()
            .map(char::is_alphanumeric)
    };
    let mut j = i;
    loop {
        let n = ascii_run(bytes.get(j..)?);
        if n == 0 {
            return None;
        }
        j += n;
        let Some(&b) = bytes.get(j) else {
            return Some(j);
        };
        // (the joiner's width; a comma joins digits only)
        let width = match b {
            b',' if bytes[j - 1].is_ascii_digit() => 1,
            b'.' | b'\'' | b'-' | b'&' => 1,
            _ if text[j..].starts_with('’') => '’'.len_utf8(),
            _ if b.is_ascii() => return Some(j),
            _ => return (alnum_at(j) == Some(false)).then_some(j),
        };
        match bytes.get(j + width) {
            Some(a) if a.is_ascii_digit() || (b != b',' && a.is_ascii_alphanumeric()) => {
                j += width;
            }
            Some(a) if !a.is_ascii() && b != b',' => {
                return (alnum_at(j + width) == Some(false)).then_some(j);
            }
            _ => return Some(j),
        }
    }
}

/// Letters and digits joined into one word: by `.` `'` `’` `-` `&` before a letter or digit
/// ("U.S", "O'Neill", "rock-and-roll", "AT&T", "3.5"), and by a comma between digits
/// ("5,000").
fn word_body(i: &str) -> IResult<&str, (), ()> {
    let (mut rest, mut run) = alnum_run(i)?;
    loop {
        // (most words end at a space: only a character that may join is parsed further)
        let may_join = rest
            .as_bytes()
            .first()
            .is_some_and(|&b| b == b',' || JOINERS.as_bytes().contains(&b));
        if !may_join {
            return Ok((rest, ()));
        }
        let joined = if run.ends_with(|c: char| c.is_ascii_digit()) {
            joiner(rest).or_else(|_| thousands_comma(rest))
        } else {
            joiner(rest)
        };
        let Ok((after, _)) = joined else {
            return Ok((rest, ()));
        };
        (rest, run) = alnum_run(after)?;
    }
}

/// Letters and digits: "Neill".
fn alnum_run(i: &str) -> IResult<&str, &str, ()> {
    // ASCII is read byte by byte; only other characters are decoded.
    let ascii = i.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if i.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        return take_while1(char::is_alphanumeric).parse(i);
    }
    match ascii {
        0 => Err(nom::Err::Error(())),
        n => Ok((&i[n..], &i[..n])),
    }
}

/// The characters that join letters and digits into one word (a comma joins digits).
const JOINERS: &str = ".'’-&";

/// A joiner before a letter or digit: the "'" of "O'Neill".
fn joiner(i: &str) -> IResult<&str, char, ()> {
    terminated(one_of(JOINERS), peek(satisfy(char::is_alphanumeric))).parse(i)
}

/// A comma before a digit (after one): the "," of "5,000".
fn thousands_comma(i: &str) -> IResult<&str, char, ()> {
    terminated(char(','), peek(satisfy(|c| c.is_ascii_digit()))).parse(i)
}

#[cfg(test)]
mod tests {
    use super::super::abbreviations::ABBREVIATIONS;
    use super::*;

    #[test]
    fn a_word_of_ascii_letters_and_digits_is_marked_so() {
        let text = "Smith said in 2016 the U.S. and O'Neill, Zoë and pre- war";
        let span = Span {
            start: 0,
            end: text.len(),
        };
        let toks = tokens(text, span, &[]);
        for t in toks.iter().filter(|t| t.kind == Tok::Word) {
            let w = t.text(text);
            assert_eq!(
                t.flags & info::ALNUM != 0,
                w.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{w}"
            );
        }
        let marked = |w: &str| {
            toks.iter()
                .any(|t| t.text(text) == w && t.flags & info::ALNUM != 0)
        };
        assert!(marked("Smith") && marked("2016") && marked("pre"));
        assert!(!marked("U.S.") && !marked("Zoë"));
    }

    /// The flag `MAY_CUE` the lexer sets is the class `FindMayCue` of the token, whatever
    /// step reads it: verb forms and heads in lower case and capitalised, nominal cues,
    /// "in", "According", a colon after a word and alone, joined, long and non-ASCII words,
    /// and a quotation; from every start in the text.
    #[test]
    fn a_tokens_may_cue_flag_is_its_class() {
        let text = "Smith said: “We won.” According to aides, he went on: in the \
                    remark Said SAID told. Reports, O'Neill’s claims—denied—ended. \
                    Zoë stated it; the counterrevolutionaries announced U.S. : x:y 5,000 \
                    pointed it out and In a poll";
        let start = text.find('“').unwrap_or(0);
        let q = Span {
            start,
            end: text.find('”').map_or(0, |e| e + '”'.len_utf8()),
        };
        let ends = text.char_indices().map(|(i, _)| i);
        let mut flagged = 0;
        for from in ends.filter(|&i| i < text.len()) {
            let span = Span {
                start: from,
                end: text.len(),
            };
            let here: Vec<(usize, Span)> = [(0, q)]
                .into_iter()
                .filter(|(_, q)| q.start >= from)
                .collect();
            for t in tokens(text, span, &here) {
                let w = &text[t.start..t.end];
                assert_eq!(t.may_cue(), t.is(Class::FindMayCue), "{w} from {from}");
                flagged += usize::from(t.may_cue());
            }
        }
        assert!(flagged > 100, "{flagged}");
    }

    /// The bit `JOINED_MAY_MATCH` the lexer sets as it makes a word is what
    /// `list_words::joined_may_match` reads of the word in the text, wherever the span starts
    /// (inside a word too), after a quotation, a mark or a letter not ASCII.
    #[test]
    fn a_words_joined_bit_is_what_its_bytes_say() {
        let text = "CNN's pro-Trump “Libération” said:Reuters—AP (Fox) U.S. 5,000 x\u{a0}y \
                    éCNN tweeted «Twitter»BBC O'Neill’s 3.5 Jan. e.g.";
        let quote = |a: &str| {
            let start = text.find(a).unwrap_or(0);
            Span {
                start,
                end: start + a.len(),
            }
        };
        let quotes = [(0, quote("“Libération”")), (1, quote("«Twitter»"))];
        let ends = text.char_indices().map(|(i, _)| i);
        for start in ends.filter(|&i| i < text.len()) {
            let span = Span {
                start,
                end: text.len(),
            };
            let here: Vec<(usize, Span)> = quotes
                .iter()
                .filter(|(_, q)| q.start >= start)
                .copied()
                .collect();
            for t in tokens(text, span, &here)
                .iter()
                .filter(|t| t.kind == Tok::Word)
            {
                assert_eq!(
                    t.joined_may_match(),
                    joined_may_match(text.as_bytes(), t),
                    "{} from {start}",
                    t.text(text)
                );
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        tokens(text, span, &[])
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn a_kept_list_gives_the_tokens_a_new_one_gives() {
        let text = "“We will win,” Mr. Smith said. Then he left.";
        let span = Span {
            start: 0,
            end: text.len(),
        };
        let close = text.find('”').unwrap() + '”'.len_utf8();
        let q = [(
            0,
            Span {
                start: 0,
                end: close,
            },
        )];
        let fresh = tokens(text, span, &q);
        let kept = tokens(
            text,
            Span {
                start: close,
                end: text.len(),
            },
            &[],
        );
        let again = tokens_into(text, span, &q, kept);
        let spans = |t: &[Token]| -> Vec<(Tok, usize, usize)> {
            t.iter().map(|t| (t.kind, t.start, t.end)).collect()
        };
        assert_eq!(spans(&again), spans(&fresh));
        assert_eq!(again[0].kind, Tok::Quote(0));
    }

    /// The tokens and sentence ends the steps alone read ([`STEPS`] at each position, the
    /// first that applies), as `lex` should read them.
    fn by_steps(text: &str, span: Span, quotes: &[(usize, Span)]) -> (Vec<Token>, Vec<usize>) {
        let mut lx = Lexer::new(text, span, quotes, Vec::new());
        lx.record_ends = true;
        let mut i = span.start;
        while i < span.end {
            let c = text[i..].chars().next().unwrap_or(' ');
            i = STEPS
                .iter()
                .find_map(|&(_, step)| step(&mut lx, i, c))
                .unwrap_or(span.end);
        }
        (lx.out, lx.ends)
    }

    /// The word loop (`plain_words`: words, a mark and a space after one, full stops) reads
    /// the tokens, classes, flags and sentence ends that the steps read one by one, from
    /// every start, before quotations and at a limit inside words and marks.
    #[test]
    fn the_word_loop_reads_what_the_steps_read() {
        let text = "Mr. Smith said, the mayor: Yes. But SAID it? No! 5,000 and 3.5 (U.S.) said \
                    \u{201c}We won,\u{201d} he said; then-Sen. Dole, R-Pa., e.g. went on. A \
                    representatives Representatives administrations; said,\ttold x ,y Zoë's \
                    the Joneses' dog. 1234567890abcdefg said. CNN's (Fox) J. Smith -- no, ok.. \
                    he said:\u{2014}and it's 5,a \u{2019}s end. Said: \"x\" a. b,  c.\u{a0}d";
        let quote = |a: &str| {
            let start = text.find(a).unwrap_or(0);
            let end = start + a.len();
            (0, Span { start, end })
        };
        let quotes = [quote("\u{201c}We won,\u{201d}")];
        let fields = |t: &Token| (t.kind, t.start, t.end, *t.classes, t.verb, t.flags);
        let mut read = 0;
        for (start, _) in text.char_indices() {
            for end in [text.len(), start + 7, start + 12, start + 30] {
                if end > text.len() || !text.is_char_boundary(end) {
                    continue;
                }
                let span = Span { start, end };
                let here: Vec<(usize, Span)> = quotes
                    .iter()
                    .filter(|(_, q)| q.start >= start && q.end <= end)
                    .copied()
                    .collect();
                let mut ends = Vec::new();
                let ours = tokens_and_ends_into(text, span, &here, Vec::new(), &mut ends);
                let (theirs, their_ends) = by_steps(text, span, &here);
                let ours: Vec<_> = ours.iter().map(fields).collect();
                let theirs: Vec<_> = theirs.iter().map(fields).collect();
                assert_eq!(ours, theirs, "{:?}", &text[start..end]);
                assert_eq!(ends, their_ends, "{:?}", &text[start..end]);
                read += ours.len();
            }
        }
        assert!(read > 10_000, "{read}");
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        assert_eq!(
            words("Mr. O'Neill of the U.S. said."),
            ["Mr.", "O'Neill", "of", "the", "U.S.", "said", "."]
        );
        assert_eq!(words("J. Smith -- no"), ["J.", "Smith", "--", "no"]);
        assert_eq!(
            words("Thompson, R-Pa., said"),
            ["Thompson", ",", "R-Pa.", ",", "said"]
        );
        assert_eq!(
            words("and then-Sen. Barack Obama"),
            ["and", "then-Sen.", "Barack", "Obama"]
        );
    }

    #[test]
    fn each_kind_of_abbreviation() {
        let holds = |w: &str| -> Vec<&str> {
            ABBREVIATIONS
                .iter()
                .filter(|(_, rule)| rule(w))
                .map(|&(name, _)| name)
                .collect()
        };
        for (w, kind) in [
            ("U.S.", "dotted"),
            ("U.S.", "listed"),
            ("J.", "initial"),
            ("R-Pa.", "party and state"),
            ("Mr.", "listed"),
            ("then-Sen.", "listed after a prefix"),
        ] {
            assert!(holds(w).contains(&kind), "{w} {kind}");
        }
        assert!(holds("said.").is_empty());
    }

    #[test]
    fn an_ascii_character_is_read_by_the_step_the_table_would_pick() {
        for b in 0u8..128 {
            for text in [format!("a{}b", b as char), format!("5{}-- 1", b as char)] {
                let run = |direct: bool| {
                    let mut lx = Lexer::new(
                        &text,
                        Span {
                            start: 1,
                            end: text.len(),
                        },
                        &[],
                        Vec::new(),
                    );
                    let next = if direct {
                        ascii_step(&mut lx, 1, b)
                    } else {
                        STEPS
                            .iter()
                            .find_map(|&(_, step)| step(&mut lx, 1, b as char))
                    };
                    let spans: Vec<(usize, usize)> =
                        lx.out.iter().map(|t| (t.start, t.end)).collect();
                    (next, spans)
                };
                assert_eq!(run(true), run(false), "{text:?}");
            }
        }
    }

    #[test]
    fn a_plain_ascii_word_ends_where_the_grammar_ends_it() {
        let text = "Mr. Smith, 5,000 O'Neill said U.S. rock-and-roll Joneses' AT&T end. Über x\u{2019}s 3.5 the Mayor said (no) J. Smith, Sen. Dole ended. Said SAID a1b2c3d4e5 end.\u{201d} Washington spokeswoman SPOKESWOMAN Spokeswoman announced Announced Representatives representativesX Administration administrations. Calif. 5. a";
        let mut i = 0;
        let mut plain = 0;
        while i < text.len() {
            let limit = text.len();
            if !text.as_bytes()[i].is_ascii_alphanumeric() {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let (rest, _) = word_body(&text[i..]).unwrap();
            let j = plural_possessive(text, i, limit - rest.len(), limit);
            let j = abbreviation_stop(text, i, j, limit);
            if let Some((k, stop)) = plain_ascii_word(text.as_bytes(), i, limit) {
                let k = if stop {
                    assert_eq!(
                        plain_abbreviation_stop(text, i, k),
                        abbreviation_stop(text, i, k, limit)
                    );
                    plain_abbreviation_stop(text, i, k)
                } else {
                    k
                };
                assert_eq!(k, j, "{:?}", &text[i..j]);
                let (a, b) = (
                    word_info(&text[i..j]),
                    ascii_word_info_at(info::tables(), text, i, j),
                );
                assert_eq!((a.classes, a.verb, a.flags), (b.classes, b.verb, b.flags));
                plain += 1;
            }
            i = j;
        }
        assert!(plain >= 12, "{plain}");
    }

    #[test]
    fn a_short_word_is_read_as_the_whole_word_step_reads_it() {
        let text = "Mr. Smith, 5,000 O'Neill said: U.S. rock-and-roll Joneses' AT&T end. Über \
                    x\u{2019}s 3.5 the Mayor said (no) J. Smith, Sen. Dole. SAID a1b2c3d4e5 \
                    spokeswoman SPOKESWOMAN Spokeswoman announced Announced Representatives \
                    representativesX administrations; Calif. 5, said—and told\u{201d} said \
                    went on according accordingly to x Trump's don’t well-known, 5,000th 5,000, \
                    3.5. a-b-c x'y' x-é AT&T; U.S) e.g. it’s’ O'Neill’s 12,3a 1,a rock-and x'Y \
                    Smith's. Jones’s, 1.5x 5,5. i's 1234567890ab-cd 1234567890abcd-e end";
        let (mut read, mut pairs) = (0, 0);
        for (i, _) in text.match_indices(|c: char| c.is_ascii_alphanumeric()) {
            // (a span ends on a character's boundary)
            let limits = [text.len(), i + 5, i + 9].map(|l| l.min(text.len()));
            for limit in limits.into_iter().filter(|&l| text.is_char_boundary(l)) {
                let run = |short: bool| {
                    let mut lx = Lexer::new(
                        text,
                        Span {
                            start: i,
                            end: limit.min(text.len()),
                        },
                        &[],
                        Vec::new(),
                    );
                    let next = if short {
                        short_word(&mut lx, info::tables(), i)
                    } else {
                        Some(ascii_word(&mut lx, info::tables(), i))
                    };
                    let toks: Vec<_> = lx
                        .out
                        .iter()
                        .map(|t| (t.start, t.end, t.classes, t.verb, t.flags))
                        .collect();
                    (next, toks)
                };
                if let (Some(next), toks) = run(true) {
                    // (a joined word: read by `joined_pair`)
                    let w = &text.as_bytes()[i..toks[0].1];
                    pairs += usize::from(!w.iter().all(u8::is_ascii_alphanumeric));
                    assert_eq!((Some(next), toks), run(false), "{:?}", &text[i..]);
                    read += 1;
                }
            }
        }
        assert!(read > 60 && pairs > 30, "{read} {pairs}");
    }

    #[test]
    fn a_joined_ascii_word_ends_where_the_grammar_ends_it() {
        let text = "O'Neill don’t rock-and-roll 5,000 3.5 U.S. AT&T a,b end—and x’é Zoë's 5,a 5.’ \
                    Joneses' dog’s. 1,2,3 x-é x'’ ab’ c.—d 12,’ a’b’c e&f- g.h.";
        let mut read = 0;
        for (i, c) in text.char_indices() {
            if !c.is_alphanumeric() {
                continue;
            }
            for limit in [text.len(), (i + 3).min(text.len())] {
                let Some(end) = text.get(i..limit) else {
                    continue;
                };
                let (rest, _) = word_body(end).unwrap();
                let grammar = limit - rest.len();
                if let Some(j) = joined_ascii_word(text, i, limit) {
                    assert_eq!(j, grammar, "{:?}", &text[i..limit]);
                    read += 1;
                }
            }
        }
        assert!(read > 60, "{read}");
        assert_eq!(joined_ascii_word("Zoë x", 0, 5), None);
        assert_eq!(joined_ascii_word("don’t x", 0, 9), Some(7));
    }

    #[test]
    fn a_joined_word_has_the_info_word_info_gives_it() {
        let text = "O'Neill don’t DON’T Trump’s rock-and-roll 5,000 3.5 U.S. AT&T Joneses' \
                    JONESES’ R-Pa. then-Sen. Don't said—and Said’ SAID-and twenty-one-year-old \
                    O’MALLEY’S U.S.-Mexico end of the text";
        let mut read = 0;
        for (i, c) in text.char_indices() {
            let before = text[..i].chars().next_back();
            if !c.is_ascii_alphanumeric() || before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let Some(j) = joined_ascii_word(text, i, text.len()) else {
                continue;
            };
            let j = plural_possessive(text, i, j, text.len());
            let j = abbreviation_stop(text, i, j, text.len());
            let Some(ours) = joined_info(text, i, j) else {
                continue;
            };
            let w = &text[i..j];
            let theirs = word_info(w);
            let alnum = if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                info::ALNUM
            } else {
                0
            };
            assert_eq!(
                (ours.classes, ours.verb, ours.flags),
                (theirs.classes, theirs.verb, theirs.flags | alnum),
                "{w}"
            );
            read += 1;
        }
        assert!(read >= 20, "{read}");
    }

    #[test]
    fn general_punctuation_is_read_by_the_punctuation_step_alone() {
        let mut n = 0;
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c)) {
            assert!(
                !c.is_whitespace() && !c.is_alphanumeric() && c != '-',
                "{c:?}"
            );
            n += 1;
        }
        assert_eq!(n, 0x18 + 0x2F);
        assert_eq!(
            words("end\u{2014}and \u{201c}so\u{2026}"),
            ["end", "\u{2014}", "and", "\u{201c}", "so", "\u{2026}"]
        );
    }

    #[test]
    fn numbers_are_one_word() {
        assert_eq!(
            words("5,000 and 3.5 and a,b"),
            ["5,000", "and", "3.5", "and", "a", ",", "b"]
        );
        assert_eq!(words("AT&T rock-and-roll"), ["AT&T", "rock-and-roll"]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn a_plural_possessive_keeps_its_apostrophe() {
        assert_eq!(words("the Joneses' dog"), ["the", "Joneses'", "dog"]);
        assert_eq!(words("'Joneses' dog"), ["'", "Joneses", "'", "dog"]);
    }

    #[test]
    fn a_quotation_is_one_token() {
        let text = "“We will win,” he said.";
        let q = Span {
            start: 0,
            end: text.find(" he").unwrap(),
        };
        let toks = tokens(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            &[(0, q)],
        );
        let kinds: Vec<Tok> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Tok::Quote(0), Tok::Word, Tok::Word, Tok::Punct]);
    }
}
