//! Markdown links in every form converters write them, read as one unit: inline
//! `[label](url)`, reference `[label][7]` (the address in the definition `[7]: url`), a label
//! wrapped over the lines of a quotation (`[25\. September` / `> 2018](url)`), a label that
//! keeps the quotation's `>` (`[> May 2, 2021](url)`), a link whose target stands on the line
//! below its label (`[> May 2, 2021` / `](url)`).

use nom::bytes::complete::{tag, take_till1, take_until, take_while1};
use nom::character::complete::char;
use nom::combinator::verify;
use nom::sequence::{delimited, preceded};

use super::*;

/// Where a link's label ends: its target, inline or by reference.
#[derive(Debug, PartialEq)]
pub(super) enum Target<'a> {
    /// "](https://x.com/a)"
    Inline(&'a str),
    /// "][7]"
    Reference(&'a str),
}

/// The target that closes a link's label, inline or by reference, the inline one perhaps on
/// the line below (after the quotation's `>`): "](https://x.com/a)", "][7]", "\n](https://…)".
pub(super) fn target(i: &str) -> Parsed<'_, Target<'_>> {
    let gap = take_while(|c: char| c == '\n' || c == '>' || c == ' ');
    let inline = preceded(gap, link_target).map(Target::Inline);
    let number = take_while1(|c: char| c.is_ascii_alphanumeric());
    let reference = delimited(tag("]["), number, char(']')).map(Target::Reference);
    alt((reference, inline)).parse(i)
}

/// A label: up to its `]`, on at most three lines and without a blank line: "[> May 2, 2021".
fn label(i: &str) -> Parsed<'_, &str> {
    let text = verify(take_until("]"), |l: &str| {
        l.len() <= 240 && l.matches('\n').count() <= 3 && !l.contains("\n\n")
    });
    preceded(char('['), text).parse(i)
}

/// The address a reference names, from its definition in `text` ("   [7]: https://…").
pub(super) fn definition<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("[{name}]:");
    text.match_indices(&key).find_map(|(i, _)| {
        let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        if !text[line_start..i].trim().is_empty() {
            return None;
        }
        let rest = text[i + key.len()..].trim_start_matches(' ');
        let (_, url) = take_till1::<_, _, ()>(char::is_whitespace)
            .parse(rest)
            .ok()?;
        Some(url)
    })
}

/// The label as a reader sees it: the quotation's `>` at its line starts and markdown's
/// escapes removed, white space collapsed ("25\\. September\n> 2018" is "25. September 2018").
pub(super) fn seen(label: &str) -> String {
    label
        .lines()
        .map(|l| l.trim().trim_start_matches('>').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "")
}

/// `s` without markdown's backslash escapes (a backslash before ASCII punctuation, as
/// CommonMark defines them): "Verbündete\\*r sein" is "Verbündete*r sein".
pub(in crate::posts) fn unescaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The markdown link at the start of `s`, in any form (see the module), its reference looked
/// up in `text`: the label as seen, the address and the bytes used.
pub(in crate::posts) fn any_link(s: &str, text: &str) -> Option<(String, Option<String>, usize)> {
    let (rest, (l, t)) = (label, target).parse(s).ok()?;
    let url = match t {
        Target::Inline(u) => Some(u.to_string()),
        Target::Reference(name) => definition(text, name).map(str::to_string),
    };
    Some((seen(l), url, s.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_every_form() {
        let text = "x\n\n   [7]: https://x.com/a/status/1\n";
        let url = Some("https://x.com/a/status/1".to_string());
        assert_eq!(
            any_link("[May 2, 2021][7] b", text),
            Some(("May 2, 2021".to_string(), url.clone(), 16))
        );
        assert_eq!(
            any_link("[> May 2, 2021\n](https://x.com/a/status/1)", ""),
            Some(("May 2, 2021".to_string(), url.clone(), 42))
        );
        assert_eq!(
            any_link("[25\\. September\n> 2018](https://x.com/a/status/1)", "").map(|l| l.0),
            Some("25. September 2018".to_string())
        );
        assert_eq!(any_link("[a\n\nb](https://x.com)", ""), None);
        assert_eq!(any_link("[7]: https://x.com", ""), None);
    }

    #[test]
    fn escapes_before_punctuation_go() {
        assert_eq!(unescaped("Verbündete\\*r sein"), "Verbündete*r sein");
        assert_eq!(unescaped("a\\\\b \\_x \\\\\\*"), "a\\b _x \\*");
        // (a backslash before a letter is no escape)
        assert_eq!(unescaped("C:\\dir"), "C:\\dir");
    }

    #[test]
    fn targets_and_definitions() {
        assert_eq!(target("][12] x"), Ok((" x", Target::Reference("12"))));
        assert_eq!(
            target("\n> ](https://x.com/a)"),
            Ok(("", Target::Inline("https://x.com/a")))
        );
        assert_eq!(
            definition("  [3]: https://a.b/c d", "3"),
            Some("https://a.b/c")
        );
        assert_eq!(definition("see [3]: https://a.b/c", "3"), None);
    }
}
