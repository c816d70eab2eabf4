//! Markup left in a text, masked like posts.

use super::*;

/// Markup left in a text (`<span class="x">`, `</p>`): masked like posts, so that attribute
/// values are never taken for quotations.
pub(crate) fn markup(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for i in memchr::memchr_iter(b'<', text.as_bytes()) {
        if out.last().is_some_and(|s: &Span| i < s.end) {
            continue;
        }
        let rest = &text.as_bytes()[i + 1..];
        let starts_tag = rest
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
        if !starts_tag {
            continue;
        }
        let Some(close) = rest
            .iter()
            .take(1000)
            .position(|b| *b == b'>' || *b == b'\n' || *b == b'<')
        else {
            continue;
        };
        if rest[close] == b'>' {
            out.push(Span {
                start: i,
                end: i + close + 2,
            });
        }
    }
    out
}
