//! The words of the text as the people rules read them, found where they are needed: a word
//! is a run of letters, digits, apostrophes, hyphens and periods ("O'Neill", "C."). A rule
//! that looks for one name finds its occurrences with `memmem` and reads the words beside
//! each, instead of splitting the whole text into words once per document.

/// Whether a character is one of a word's: a letter, a digit, an apostrophe, a hyphen or a
/// period.
pub(super) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')
}

/// Where the word that starts at `i` ends, if a word starts there (the character before `i`
/// is none of a word's and the one at `i` is).
fn word_from(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let opens = text[..i].chars().next_back().is_none_or(|c| !is_word(c));
    if !opens || !rest.starts_with(is_word) {
        return None;
    }
    Some(i + rest.find(|c: char| !is_word(c)).unwrap_or(rest.len()))
}

/// The words of `text` that start with `word` and start before `cap` (`start, end`: the
/// whole word, which may reach past `cap`), in text order: "Smith" finds "Smith" and
/// "Smith's", not "Goldsmith".
pub(super) fn words_opening_with<'t>(
    text: &'t str,
    word: &'t str,
    cap: usize,
) -> impl Iterator<Item = (usize, usize)> + 't {
    // (overlapping occurrences need not be found: one that starts inside another follows
    // one of the word's own characters, so no word starts there)
    // (only the bytes an occurrence that starts before `cap` may cover are searched)
    let end = cap.saturating_add(word.len()).saturating_sub(1);
    occurrences(&text.as_bytes()[..end.min(text.len())], word.as_bytes())
        .take_while(move |&i| i < cap)
        .filter_map(move |i| word_from(text, i).map(|end| (i, end)))
}

/// Where `needle` occurs in `hay`, left to right, not overlapping (as `memmem::find_iter`
/// finds them): a search for its first byte, the rest compared where that byte is. A name
/// opens with a capital, which few bytes of a text are, and no searcher is built for one
/// look-up.
fn occurrences<'h>(hay: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let first = needle.first().copied();
    let mut next = 0;
    // (an empty needle occurs at every position)
    let empty = first.is_none();
    let everywhere = (0..=hay.len()).take_while(move |_| empty);
    memchr::memchr_iter(first.unwrap_or(0), hay)
        .filter(move |&i| {
            // (the byte after the first is compared before the rest: where the first byte
            // is found, another word mostly is)
            let found = !empty
                && i >= next
                && needle.get(1).is_none_or(|b| hay.get(i + 1) == Some(b))
                && hay[i..].starts_with(needle);
            if found {
                next = i + needle.len();
            }
            found
        })
        .chain(everywhere)
}

/// The word before the one that starts at `i`: the last word that ends before `i`.
pub(super) fn word_before(text: &str, i: usize) -> Option<(usize, usize)> {
    let head = &text[..i];
    let end = head.trim_end_matches(|c: char| !is_word(c)).len();
    if end == 0 {
        return None;
    }
    Some((head[..end].trim_end_matches(is_word).len(), end))
}

/// The word after one that ends at `end`, if it starts before `cap`.
pub(super) fn word_after(text: &str, end: usize, cap: usize) -> Option<(usize, usize)> {
    let tail = &text[end..];
    let start = end + tail.find(is_word)?;
    (start < cap).then(|| {
        let rest = &text[start..];
        (
            start,
            start + rest.find(|c: char| !is_word(c)).unwrap_or(rest.len()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_where_a_word_starts() {
        let t = "Goldsmith met Smith's aide, Mr. Smith.";
        let found: Vec<&str> = words_opening_with(t, "Smith", t.len())
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(found, ["Smith's", "Smith."]);
        assert_eq!(words_opening_with(t, "Smith", 14).count(), 0);
    }

    #[test]
    fn occurrences_are_those_memmem_finds() {
        for (hay, needle) in [
            ("Smith met Smith's aide, Mr. Smith.", "Smith"),
            ("aaaa", "aa"),
            ("abab ab", "ab"),
            ("", "x"),
            ("xyz", "xyzw"),
            ("xyz", ""),
            ("", ""),
            ("Ōe and Ōe", "Ōe"),
        ] {
            let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
            let ours: Vec<usize> = occurrences(hay, needle).collect();
            let memmem: Vec<usize> = memchr::memmem::find_iter(hay, needle).collect();
            assert_eq!(ours, memmem);
        }
    }

    #[test]
    fn the_words_beside_a_word() {
        let t = "said Mr. Smith, then";
        let at = t.find("Smith").unwrap();
        assert_eq!(word_before(t, at).map(|(s, e)| &t[s..e]), Some("Mr."));
        let end = at + "Smith".len();
        assert_eq!(
            word_after(t, end, t.len()).map(|(s, e)| &t[s..e]),
            Some("then")
        );
        assert_eq!(word_after(t, end, end + 2), None);
        assert_eq!(word_before(t, 0), None);
    }
}
