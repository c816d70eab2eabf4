//! Whether a word token may hold a word of the channel lists (`channel_list_words`, read by
//! `channels::lists`' walks) though it is not of that class itself: a word joined by marks
//! ("CNN's", "pro-Trump"), with a letter not ASCII ("Libération"), or touching a letter or
//! digit. The lexer asks it once a word and sets the token's bit
//! [`JOINED_MAY_MATCH`](crate::lexicon::info::JOINED_MAY_MATCH); a plain word apart from
//! others is told by its token's bit and two bytes, a word of two runs and a joiner by its
//! runs ([`pair_may_match`]), another in one pass over its bytes.

use std::sync::LazyLock;

use super::Token;
use crate::lexicon::Class;
use crate::lexicon::info::ALNUM;

/// Whether word token `t`, not of the class `channel_list_words` itself, may hold a word of a
/// listed pattern: a word joined by marks ("CNN's", "Trump’s", "pro-Trump") by its runs of
/// ASCII letters and digits; a word with a letter or digit not ASCII ("Libération"), or
/// touching a letter or digit, may. (A word of the class stands in a match between marks or
/// white space, not ASCII or not: one that is ASCII is a whole run of such a word.)
fn word_may_match(bytes: &[u8], t: &Token) -> bool {
    // (a mark or white space apart from it; the start and end of the text too)
    let before = t.start.checked_sub(1).is_none_or(|k| apart(bytes, k));
    let after = t.end >= bytes.len() || apart(bytes, t.end);
    // (touching a letter or digit, it may: read first, by two bytes)
    if !before || !after {
        return true;
    }
    // (one pass over the word's bytes: each run of ASCII letters and digits that a mark or a
    // character not ASCII ends is looked up, and each such character read; a plain word,
    // most words, is one run, which the token's own class bit told)
    let w = &bytes[t.start..t.end];
    let (mut run, mut i) = (0, 0);
    while i < w.len() {
        let b = w[i];
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if run < i && run_of_class(&w[run..i]) {
            return true;
        }
        i += match b.is_ascii() {
            true => 1,
            false => match alnum_at(w, i) {
                Some((true, _)) => return true,
                Some((false, len)) => len,
                None => 1,
            },
        };
        run = i;
    }
    run > 0 && run < w.len() && run_of_class(&w[run..])
}

/// Whether word token `t` of `bytes` may hold a word of a listed pattern though it is no
/// plain word apart from others ([`plain_and_apart`], most words: no) and
/// [`word_may_match`] passes; the lexer sets the token's bit
/// [`JOINED_MAY_MATCH`](crate::lexicon::info::JOINED_MAY_MATCH) by it.
#[inline(always)]
pub(super) fn joined_may_match(bytes: &[u8], t: &Token) -> bool {
    !plain_and_apart(bytes, t) && joined_word_may_match(bytes, t)
}

/// [`word_may_match`] of the word `bytes[start..end]` of two runs of ASCII letters and digits,
/// the first `n` bytes and the bytes from `p` on, parted by a joiner, with an ASCII mark or
/// white space after it (the words the lexer's `joined_pair` reads): it may when it touches
/// a letter or digit before it, or by either run; the word's bytes are not read one by one.
#[inline(never)]
pub(super) fn pair_may_match(bytes: &[u8], start: usize, n: usize, p: usize, end: usize) -> bool {
    let w = &bytes[start..end];
    let before = start.checked_sub(1).is_none_or(|k| apart(bytes, k));
    !before || run_of_class(&w[..n]) || run_of_class(&w[p..])
}

/// [`word_may_match`], not inlined into the lexer: most words never call it.
#[inline(never)]
fn joined_word_may_match(bytes: &[u8], t: &Token) -> bool {
    word_may_match(bytes, t)
}

/// Whether the character that starts at byte `i` of `bytes` (UTF-8, a lead byte not ASCII
/// there) is a letter or digit, and its length, decoded in place (no string checked): none
/// where the bytes are not one. One of the block of general punctuation (`E2 80 …`:
/// quotation marks, dashes, spaces) is none, told by its first two bytes.
fn alnum_at(bytes: &[u8], i: usize) -> Option<(bool, usize)> {
    let len = match bytes[i] {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let tail = bytes.get(i + 1..i + len)?;
    if tail.iter().any(|&b| b & 0xC0 != 0x80) {
        return None;
    }
    if bytes[i] == 0xE2 && tail[0] == 0x80 {
        return Some((false, len));
    }
    let lead = u32::from(bytes[i]) & (0x7F >> len);
    let code = tail.iter().fold(lead, |c, &b| c << 6 | u32::from(b & 0x3F));
    char::from_u32(code).map(|c| (c.is_alphanumeric(), len))
}

/// Whether the character that byte `k` of `bytes` (UTF-8) is part of is a mark or white space,
/// ASCII or not (a letter or digit is not; nor, as may be, a character not read).
fn apart(bytes: &[u8], k: usize) -> bool {
    let b = bytes[k];
    if b.is_ascii() {
        return !b.is_ascii_alphanumeric();
    }
    // (the whole character: back to its first byte)
    let mut s = k;
    while s > 0 && bytes[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    alnum_at(bytes, s).is_some_and(|(alnum, len)| s + len > k && !alnum)
}

/// The bit of a run's shape: its length and its first, second and last bytes in ASCII lower
/// case (a run and its lower-case form have the same), mixed into one of [`RUN_KEY_BITS`]
/// bits, so that the few hundred words of the class leave most bits clear and the short runs
/// of joined words ("s" of "Trump's", "U" and "S" of "U.S.") seldom share one.
fn run_key(r: &[u8]) -> usize {
    let (first, second, last) = match (r.first(), r.last()) {
        (Some(f), Some(l)) => (*f, r.get(1).copied().unwrap_or(0), *l),
        _ => (0, 0, 0),
    };
    let bytes = [first, second, last].map(|b| u32::from(b.to_ascii_lowercase()));
    let h = bytes
        .iter()
        .fold(r.len() as u32, |h, &b| h.wrapping_mul(0x9E37_79B1) ^ b);
    (h.wrapping_mul(0x9E37_79B1) >> (32 - RUN_KEY_BITS)) as usize
}

/// The bits of a run's key ([`run_key`]): 2^15 (4 kB).
const RUN_KEY_BITS: u32 = 15;

/// The shapes of the words of the class `channel_list_words` ([`run_key`]), one bit each.
static RUN_KEYS: LazyLock<[u64; 1 << (RUN_KEY_BITS - 6)]> = LazyLock::new(|| {
    let mut keys = [0u64; 1 << (RUN_KEY_BITS - 6)];
    for w in Class::ChannelListWords.words() {
        let k = run_key(w.as_bytes());
        keys[k / 64] |= 1 << (k % 64);
    }
    keys
});

/// Whether word token `t` is a plain word apart from others: ASCII letters and digits only
/// (the lexer's bit [`ALNUM`]), an ASCII mark or white space (or the text's end) either side.
/// Such a word, not of the class `channel_list_words`, holds no word of a listed pattern
/// ([`word_may_match`] is false); told by the token's bit and two bytes, before that is
/// called for the others.
#[inline(always)]
fn plain_and_apart(bytes: &[u8], t: &Token) -> bool {
    let apart = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    t.flags & ALNUM != 0
        && t.start.checked_sub(1).is_none_or(|k| apart(bytes[k]))
        && bytes.get(t.end).is_none_or(|&b| apart(b))
}

/// Whether the ASCII run `r` is of the class `channel_list_words`, as written or in lower
/// case (as a token's bits hold it).
fn run_of_class(r: &[u8]) -> bool {
    // (most runs are told from every word of the class by one bit of their shape)
    let key = run_key(r);
    if RUN_KEYS[key / 64] & 1 << (key % 64) == 0 {
        return false;
    }
    let Ok(w) = std::str::from_utf8(r) else {
        return true;
    };
    if Class::ChannelListWords.contains(w) {
        return true;
    }
    // (lower-cased on the stack: no string made for a run)
    let mut buf = [0u8; 32];
    match buf.get_mut(..r.len()) {
        Some(low) if r.iter().any(u8::is_ascii_uppercase) => {
            low.copy_from_slice(r);
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(|l| Class::ChannelListWords.contains(l))
        }
        Some(_) => false,
        None => Class::ChannelListWords.contains(&w.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::segment::Tok;

    #[test]
    fn every_word_of_the_class_is_a_run_of_it_in_any_case() {
        // (`run_of_class` passes over a run whose shape no word of the class has)
        let mut n = 0;
        for w in Class::ChannelListWords.words().filter(|w| w.is_ascii()) {
            assert!(run_of_class(w.as_bytes()), "{w}");
            // (a word of the class in lower case is one in any case)
            if w.bytes().all(|b| !b.is_ascii_uppercase()) {
                assert!(run_of_class(w.to_ascii_uppercase().as_bytes()), "{w}");
            }
            n += 1;
        }
        assert!(n > 100);
        assert!(!run_of_class(b"Trump") && !run_of_class(b"pro"));
    }

    #[test]
    fn a_plain_word_apart_is_one_word_may_match_passes_over() {
        let t = "She told CNN's host, “Fox” and pro-Trump é fans 2015; Zeitungen so end of the text here";
        let all = Span {
            start: 0,
            end: t.len(),
        };
        let toks = crate::segment::tokens(t, all, &[]);
        let mut plain = 0;
        let apart = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii() && !b.is_ascii_alphanumeric());
        for tok in toks.iter().filter(|tok| tok.kind == Tok::Word) {
            let w = &t.as_bytes()[tok.start..tok.end];
            let expected = w.iter().all(u8::is_ascii_alphanumeric)
                && apart(tok.start.checked_sub(1).and_then(|k| t.as_bytes().get(k)))
                && apart(t.as_bytes().get(tok.end));
            assert_eq!(
                plain_and_apart(t.as_bytes(), tok),
                expected,
                "{}",
                tok.text(t)
            );
            if expected {
                assert!(!word_may_match(t.as_bytes(), tok));
                plain += 1;
            }
        }
        assert!(plain >= 8, "{plain}");
    }

    #[test]
    fn a_word_is_read_in_one_pass_as_by_its_characters_and_runs() {
        // (`word_may_match` and `apart` decode in place what `str::chars` reads)
        let t = "“CNN’s” Libération señor—Fox «AP» pro-Trump ‘Post’ 中国 CNN\u{2019}s x\u{300}y \
                 U.S. Reuters… 𝐀CNN A\u{a0}B Ω-Fox é";
        let all = Span {
            start: 0,
            end: t.len(),
        };
        let toks = crate::segment::tokens(t, all, &[]);
        let bytes = t.as_bytes();
        let by_chars = |tok: &Token| {
            let w = tok.text(t);
            let before = t[..tok.start].chars().next_back();
            let after = t[tok.end..].chars().next();
            let touching = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            touching(before)
                || touching(after)
                || !w.bytes().all(|b| b.is_ascii_alphanumeric())
                    && (w.chars().any(|c| !c.is_ascii() && c.is_alphanumeric())
                        || w.split(|c: char| !c.is_ascii_alphanumeric())
                            .filter(|r| !r.is_empty())
                            .any(|r| run_of_class(r.as_bytes())))
        };
        let mut read = 0;
        for tok in toks.iter().filter(|tok| tok.kind == Tok::Word) {
            assert_eq!(word_may_match(bytes, tok), by_chars(tok), "{}", tok.text(t));
            read += 1;
        }
        assert!(read >= 15, "{read}");
        for (i, c) in t.char_indices() {
            for k in i..i + c.len_utf8() {
                assert_eq!(apart(bytes, k), !c.is_alphanumeric(), "{k} {c:?}");
            }
        }
    }

    #[test]
    fn a_word_of_two_runs_may_match_as_its_bytes_say() {
        // (a word of two runs and a joiner, an ASCII mark or white space after it: told by
        // the runs alone, as `word_may_match` tells it by its bytes)
        let t =
            "CNN's pro-Trump Fox’s AT&T 5,000 3.5 U.S lo-fi xCNN's Trump's aCNN-Fox. Reuters-AP";
        let bytes = t.as_bytes();
        let mut read = 0;
        for start in 0..t.len() {
            let n = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let width = match bytes.get(start + n..) {
                Some([b'\'' | b'-' | b'&' | b'.' | b',', ..]) => 1,
                Some(rest) if rest.starts_with("’".as_bytes()) => 3,
                _ => continue,
            };
            let p = n + width;
            let m = bytes[start + p..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric());
            let end = start + p + m.count();
            if n == 0 || end == start + p || !bytes.get(end).is_none_or(|b| b.is_ascii()) {
                continue;
            }
            let tok = Token {
                kind: Tok::Word,
                start,
                end,
                classes: &crate::lexicon::ClassSet::EMPTY,
                verb: 0,
                flags: 0,
            };
            let may = pair_may_match(bytes, start, n, p, end);
            assert_eq!(may, word_may_match(bytes, &tok), "{}", &t[start..end]);
            read += usize::from(may);
        }
        assert!(read >= 8, "{read}");
    }

    #[test]
    fn a_word_with_marks_not_ascii_may_match_by_its_runs() {
        // (“Fox” and Trump’s are read by their runs, as Fox and Trump's are; a letter that is not
        // ASCII, or touching one, may)
        let t = "Trump’s “Smith” CNN’s señor Libération Fox—said “Post” he’s";
        let all = Span {
            start: 0,
            end: t.len(),
        };
        let toks = crate::segment::tokens(t, all, &[]);
        let may = |w: &str| {
            let tok = toks.iter().find(|tok| tok.text(t) == w).unwrap();
            word_may_match(t.as_bytes(), tok)
        };
        for w in ["CNN’s", "señor", "Libération"] {
            assert!(may(w), "{w}");
        }
        for w in ["Trump’s", "Smith", "he’s"] {
            assert!(!may(w), "{w}");
        }
        assert!(apart(t.as_bytes(), t.find('—').unwrap() + 1));
        assert!(!apart(t.as_bytes(), t.find('é').unwrap()));
    }
}
