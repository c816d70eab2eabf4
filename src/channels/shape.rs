//! What the scans of the word lists read of the text by its bytes: where words start after
//! white space (eight bytes a step), and which first bytes may open a time. (Whether a word may
//! hold a list word is the lexer's bit, `segment::list_words`.)

/// The places `i` in `from..to` (`from` at least 1) whose byte before is ASCII white space or
/// not ASCII, in order: read eight bytes at a time, where a byte below `!` or not ASCII sets
/// its top bit in `x - 0x21… | x` (a borrow may set the next one's too: each is checked).
#[inline]
pub(super) fn after_space_or_mark(
    bytes: &[u8],
    from: usize,
    to: usize,
) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let before = |b: u8| !b.is_ascii() || is_ascii_space(b);
    let (start, end) = (
        from.saturating_sub(1),
        to.saturating_sub(1).max(from.saturating_sub(1)),
    );
    let words = (start..end).step_by(8).flat_map(move |q| {
        let mut m = match bytes.get(q..q + 8).filter(|_| q + 8 <= end) {
            Some(w) => {
                let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
                (x.wrapping_sub(0x21 * ONES) | x) & (0x80 * ONES)
            }
            // (the last bytes, fewer than eight, each)
            None => (0..end - q).fold(0u64, |m, k| m | 0x80 << (8 * k)),
        };
        std::iter::from_fn(move || {
            let k = (m != 0).then(|| m.trailing_zeros() as usize / 8)?;
            m &= m - 1;
            Some(q + k)
        })
    });
    words.filter(move |&q| before(bytes[q])).map(|q| q + 1)
}

/// Whether `at..to` of `text`, between tokens, holds more than white space (text the tokens
/// leave out).
#[inline]
pub(super) fn left_out(text: &str, at: usize, to: usize) -> bool {
    let one_space = to == at + 1 && text.as_bytes()[at] == b' ';
    !one_space && !text[at..to].trim().is_empty()
}

/// Whether `b` is the first byte of a word the time grammar opens with by name: "in", "the"
/// (either case), "recent".
#[inline]
pub(super) const fn opens_a_named_time_word(b: u8) -> bool {
    matches!(b, b'i' | b'I' | b't' | b'T' | b'r')
}

/// Whether a word whose first byte is `b` may open a time: `time::candidate` is 0 at every
/// other (a word the grammar names, a digit, a capital, or a character that is not ASCII may;
/// not the inside of one).
#[inline]
pub(super) fn may_open_a_time(b: u8) -> bool {
    MAY_OPEN_A_TIME[usize::from(b)]
}

/// [`may_open_a_time`] of each byte, one look-up (it is asked at most words of a clause).
static MAY_OPEN_A_TIME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] =
            opens_a_named_time_word(c) || c.is_ascii_digit() || c.is_ascii_uppercase() || c >= 0xC0;
        b += 1;
    }
    t
};

/// Whether the ASCII byte `b` is white space (`char::is_whitespace`: with the vertical tab).
#[inline]
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The places in `from..to` where a run of ASCII letters and digits starts with a letter, in
/// order: the only places a word of the lists' scan may start ([`word_start`]), found with the
/// rest of each run passed over.
#[inline]
pub(super) fn run_starts(bytes: &[u8], from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let (b, s) = (bytes[i], i);
            i += 1;
            if b.is_ascii_alphanumeric() {
                while i < to && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                if b.is_ascii_alphabetic() {
                    return Some(s);
                }
            }
        }
        None
    })
}

/// Whether a word of the lists' scan starts at byte `i` of `text`: an ASCII letter with no
/// letter or digit before it.
#[inline]
pub(super) fn word_start(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if !bytes[i].is_ascii_alphabetic() {
        return false;
    }
    // (an ASCII byte before is the character before: only another is decoded)
    match i.checked_sub(1).map(|k| bytes[k]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_time_opens_with_a_byte_passed_over() {
        let rests = [
            "n the early hours",
            "he morning after",
            "pril 8",
            "014 study",
            "n 2015",
        ];
        for b in (0..128u8).filter(|&b| !may_open_a_time(b)) {
            for r in rests {
                let s = format!("{}{r}", b as char);
                assert_eq!(super::super::time::candidate(&s), 0, "{s}");
            }
        }
        assert_ne!(super::super::time::candidate("in the early hours"), 0);
    }

    #[test]
    fn the_places_after_white_space_are_those_byte_by_byte() {
        let t = "a b\tc  “d” é\u{a0}f\x0bg~\x7fh 12345678 x\r\n ";
        let bytes = t.as_bytes();
        for from in 1..=t.len() {
            for to in from..=t.len() {
                let each: Vec<usize> = (from..to)
                    .filter(|&i| !bytes[i - 1].is_ascii() || is_ascii_space(bytes[i - 1]))
                    .collect();
                let got: Vec<usize> = after_space_or_mark(bytes, from, to).collect();
                assert_eq!(got, each, "{from}..{to}");
            }
        }
    }

    #[test]
    fn every_word_start_is_a_run_start() {
        // (`Hits::scan_start` reads the words at the runs' starts alone)
        let t = "pro-CNN’s 2015AP, “Fox” said:in a x9 é-Tweet señorAP Trump's";
        for from in 0..=t.len() {
            for to in from..=t.len() {
                let runs: Vec<usize> = run_starts(t.as_bytes(), from, to).collect();
                for i in (from..to).filter(|&i| word_start(t, i)) {
                    assert!(runs.contains(&i), "{from}..{to}: {i}");
                }
                assert!(runs.iter().all(|&i| (from..to).contains(&i)));
            }
        }
    }
}
