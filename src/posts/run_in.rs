//! What a post looks like against the article around it, for where nothing in the text
//! marks its start (a spaced or glued extractor ran the article into it), and what of a
//! post's text a reader does not see.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::recognize;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::*;

/// A parse over a string slice, with no error detail.
type Parsed<'a, O> = IResult<&'a str, O, ()>;

/// Past the article's sentences that ran into a post on its line, from `from` in `s`: a
/// leading sentence without a post's marks (hashtag, handle, link, emoji) goes when it reads
/// as the article's, long as an article's sentence is, or before a sentence that holds a
/// handle or a hashtag, while what is left keeps a post's mark ("… since Election Day.
/// Whatever you say, Donald! https://t.co/x").
pub(super) fn run_in(s: &str, from: usize) -> usize {
    let mut starts: Vec<usize> = s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .filter(|&(i, c)| i > from && sentence_starts(&s[..i], c))
        .map(|(i, _)| i)
        .collect();
    starts.push(s.len());
    let mut at = from;
    for (k, &next) in starts.iter().enumerate() {
        let (sentence, rest) = (&s[at..next], &s[next..]);
        if next == s.len()
            || marked(sentence)
            || !marked(rest)
            || rest.split_whitespace().count() < 3
        {
            break;
        }
        // The first sentence after it with a post's mark holds a handle or a hashtag.
        let tagged_next = starts[k..]
            .windows(2)
            .map(|w| &s[w[0]..w[1]])
            .find(|t| marked(t))
            .is_some_and(tags_in);
        let plain = !sentence.trim_start().starts_with(OPENERS)
            && !sentence.contains(':')
            && sentence.trim_end().ends_with(['.', '。']);
        if !(plain && (article_long(sentence) || tagged_next && article_long_at(sentence, 6))) {
            break;
        }
        at = next;
    }
    at
}

/// Where a post opens with an emoji in what ran into it from `from` in `s`: an article's
/// sentence never starts with one, a post's line often does ("… frische Inhalte punkten!
/// 🔥Daniela Bessen hat mit mir einen Podcast aufgenommen."). The first sentence that starts
/// with an emoji and goes on in words (not "Mutproben! ☝🏼⛔️ #wegvomgleis"), with no post's
/// mark before it; else `from`.
pub(super) fn emoji_opens(s: &str, from: usize) -> usize {
    s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .filter(|&(i, c)| i > from && emoji(c) && sentence_starts(&s[..i], c))
        .take_while(|&(i, _)| !marked(&s[from..i]))
        .find(|&(i, _)| {
            let words = s[i..]
                .split_whitespace()
                .take(3)
                .filter(|w| w.chars().any(char::is_alphabetic) && !w.starts_with(['#', '@']));
            words.count() == 3
        })
        .map_or(from, |(i, _)| i)
}

/// Whether `s` holds a post's mark: a hashtag, a handle, a link or an emoji.
fn marked(s: &str) -> bool {
    tags_in(s)
        || s.contains("http://")
        || s.contains("https://")
        || s.contains("pic.twitter.com/")
        || s.chars().any(emoji)
}

/// Whether `s` holds a hashtag or a handle ("#Koeln", "@UnivParis8").
fn tags_in(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let mut c = w.chars();
        matches!(c.next(), Some('#' | '@')) && c.next().is_some_and(char::is_alphanumeric)
    })
}

/// An emoji or a pictograph (not a CJK character, which Twitter weighs alike).
fn emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// A sentence long as an article's: twelve words or more (36 characters in a script
/// written without spaces).
fn article_long(s: &str) -> bool {
    article_long_at(s, 12)
}

/// A sentence of `words` words or more (three times as many characters in a script written
/// without spaces).
fn article_long_at(s: &str, words: usize) -> bool {
    let wide = s.chars().filter(|&c| weight(c) == 2).count();
    s.split_whitespace().count() >= words || wide >= 3 * words
}

/// An address printed in parentheses after a link's text, as some extractors print links:
/// "(https://t.co/AbCd1234)".
fn printed_address(i: &str) -> Parsed<'_, &str> {
    let address = recognize((
        alt((tag("https://"), tag("http://"))),
        take_till(|c: char| c == ')' || c.is_whitespace()),
    ));
    delimited(char('('), address, char(')')).parse(i)
}

/// A tag an extractor left behind, opening or closing: "<span class=\"emoji\">", "</span>"
/// (not an autolink, "<https://…>").
fn leftover_tag(i: &str) -> Parsed<'_, &str> {
    let name = take_while1(|c: char| c.is_ascii_alphanumeric());
    let end = satisfy(|c: char| c == ' ' || c == '>' || c == '/');
    let open = (
        name,
        end,
        take_till(|c: char| c == '>' || c == '<'),
        char('>'),
    );
    recognize(preceded(
        char('<'),
        alt((
            recognize(open),
            recognize((
                char('/'),
                take_while1(|c: char| c.is_ascii_alphanumeric()),
                char('>'),
            )),
        )),
    ))
    .parse(i)
}

/// `s` without what a reader does not see as the post's text: addresses printed in
/// parentheses and leftover tags, white space collapsed.
pub(super) fn unseen(s: &str) -> String {
    if !s.contains("(http") && !s.contains('<') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // (a markdown link's target, "](https://…)", is the link's own)
        let gone = match c {
            '(' if !out.ends_with(']') => printed_address(rest).ok(),
            '<' => leftover_tag(rest).ok(),
            _ => None,
        };
        match gone {
            Some((r, _)) => rest = r,
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_sentences_before_a_post_go() {
        let s = "Simple math will indicate that the mayor has attended about one meeting per week since May. Whatever you say, Mayor! https://t.co/AbCd1234";
        assert_eq!(
            &s[run_in(s, 0)..],
            "Whatever you say, Mayor! https://t.co/AbCd1234"
        );
        // A post's own long first sentence stays when nothing after it is a post's.
        let t =
            "The mayor has attended about one meeting per week since the election in May. Thanks.";
        assert_eq!(run_in(t, 0), 0);
        // A sentence that quotes or introduces stays.
        let q = "Vor fünf Jahren: „Das ist alles nicht gekennzeichnet, wie soll ich das wissen?“ Heute: #ads";
        assert_eq!(run_in(q, 0), 0);
    }

    #[test]
    fn a_post_opens_with_an_emoji() {
        let s = "Das Learning: frische Inhalte punkten! 🔥Daniela Bessen hat mit mir einen Podcast aufgenommen. https://t.co/x";
        assert_eq!(
            &s[emoji_opens(s, 0)..],
            "🔥Daniela Bessen hat mit mir einen Podcast aufgenommen. https://t.co/x"
        );
        // Emoji before a hashtag, or after a post's mark, open nothing.
        let t = "Der Gleisbereich ist kein Ort für Mutproben! ☝🏼⛔️ #wegvomgleis https://t.co/x";
        assert_eq!(emoji_opens(t, 0), 0);
        let u = "Go #team! 🎉 We won the cup today.";
        assert_eq!(emoji_opens(u, 0), 0);
    }

    #[test]
    fn addresses_and_tags_are_not_text() {
        assert_eq!(
            unseen("Proud of you! (https://x.com/a/status/1) #win"),
            "Proud of you! #win"
        );
        assert_eq!(
            unseen("[Jane](https://x.com/a) said"),
            "[Jane](https://x.com/a) said"
        );
        assert_eq!(
            unseen("Ready <span class=\"e\"></span> #sail"),
            "Ready #sail"
        );
        assert_eq!(
            unseen("see <https://x.com/a> now"),
            "see <https://x.com/a> now"
        );
        assert_eq!(unseen("a < b and c > d"), "a < b and c > d");
    }
}
