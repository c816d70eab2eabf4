//! Byte tests on many bytes at once, for the lexer's word loop: which of eight bytes are ASCII
//! letters and digits (by arithmetic on one integer), and how many of sixteen start a word
//! (by one vector compare where the processor has one).

/// How many ASCII letters and digits `run` starts with: eight bytes at a time (each byte's
/// test done on all eight at once), so that a word of fewer than eight letters is read
/// without a loop.
#[inline(always)]
pub(super) fn ascii_run(run: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = run.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // (the bytes before the first that is not a letter or digit)
        let len = ((!alnum_bytes(x) & HIGH).trailing_zeros() / 8) as usize;
        n += len;
        if len < 8 {
            return n;
        }
    }
    // (the last bytes of the text, fewer than eight: one at a time)
    let rest = &run[n..];
    n + rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// The high bit of each of eight bytes.
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

/// Byte `b` eight times.
const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Of the eight bytes of `x` (the first in the lowest bits): the high bit of each that is
/// an ASCII letter or digit.
#[inline(always)]
pub(super) fn alnum_bytes(x: u64) -> u64 {
    // (each byte with bit 0x20 set, which makes a letter lower case and leaves a digit as
    // it is, and its high bit set: subtracting `lo` from every byte borrows from none, and
    // leaves a byte's high bit set when its low seven bits are at least `lo`)
    let y = x | each(0x20) | HIGH;
    let at_least = |lo: u8| y.wrapping_sub(each(lo));
    // (a byte of 0x10 to 0x19, with bit 0x20 set, reads as a digit: a digit has that bit
    // already, moved to the high bit by the shift)
    let digit = at_least(b'0') & !at_least(b'9' + 1) & (x << 2);
    let letter = at_least(b'a') & !at_least(b'z' + 1);
    // (and no byte of 0x80 or more)
    (digit | letter) & !x & HIGH
}

/// How many of the sixteen bytes of `x` (the first in the lowest bits) are ASCII letters
/// and digits before the first that is not (16 when all are): the word's length when a word
/// starts at the first byte. On x86-64, one vector compare of the sixteen bytes (SSE2, which
/// every x86-64 processor has); elsewhere [`alnum_bytes`] on each half.
#[inline(always)]
pub(super) fn alnum_len(x: u128) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x,
            _mm_set1_epi8,
        };
        // SAFETY: these SSE2 instructions are part of every x86-64 processor (the target's
        // base), and they read and write no memory.
        let alnum = unsafe {
            let v = _mm_set_epi64x((x >> 64) as i64, x as i64);
            // (a byte in `lo..lo + n` moved by `0x80 - lo` reads, signed, below `n - 0x80`; a
            // letter in either case is in `b'a'..=b'z'` with bit 0x20 set)
            let below = |v, lo: u8, n: u8| {
                let moved = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
                _mm_cmplt_epi8(moved, _mm_set1_epi8(n.wrapping_sub(0x80) as i8))
            };
            let letter = below(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            let digit = below(v, b'0', 10);
            _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32
        };
        (!alnum).trailing_zeros() as usize
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let low = !alnum_bytes(x as u64) & HIGH;
        if low != 0 {
            return (low.trailing_zeros() / 8) as usize;
        }
        let high = !alnum_bytes((x >> 64) as u64) & HIGH;
        8 + (high.trailing_zeros() / 8).min(8) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_a_time_read_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in [0, 3, 7, 8, 11] {
                let mut run = b"AbCdEfGhIjKlM".to_vec();
                run[at] = b;
                let one = run.iter().position(|c| !c.is_ascii_alphanumeric());
                let n = one.unwrap_or(run.len());
                assert_eq!(ascii_run(&run), n, "{b} at {at}");
                let lower = run.to_ascii_lowercase();
                assert_eq!(ascii_run(&lower), n, "{b} at {at}");
            }
        }
    }

    /// The sixteen-byte count is the byte-by-byte count, whatever byte stands at any place.
    #[test]
    fn sixteen_bytes_at_a_time_read_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut run = *b"AbCdEfGhIjKlMn09";
                run[at] = b;
                let n = run.iter().position(|c| !c.is_ascii_alphanumeric());
                assert_eq!(
                    alnum_len(u128::from_le_bytes(run)),
                    n.unwrap_or(16),
                    "{b} at {at}"
                );
            }
        }
        assert_eq!(alnum_len(u128::from_le_bytes(*b"Zz09aZ0123456789")), 16);
    }
}
