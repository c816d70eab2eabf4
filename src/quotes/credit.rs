//! [`credit_line`]: the article's credit or contact line inside quotation marks, which a
//! multi-paragraph quotation left open by the text's converter runs into ("Follow Pam Key on
//! Twitter @pamkeyNEN."). It is not words said (`non_speech[]` kind `credit`).

use nom::Parser;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{eof, not, opt};
use nom::multi::many1_count;
use nom::sequence::{preceded, terminated};

type NomStr<'a> = nom::IResult<&'a str, (), ()>;

/// A word of a name or a platform: letters, and the marks inside names ("O'Neill", "Jean-Luc").
fn name_word(i: &str) -> NomStr<'_> {
    let (i, _) = take_while1(|c: char| c.is_alphabetic() || "'’.-".contains(c)).parse(i)?;
    Ok((i, ()))
}

/// "@pamkeyNEN": a handle.
fn handle(i: &str) -> NomStr<'_> {
    let (i, _) = (
        char('@'),
        take_while1(|c: char| c.is_alphanumeric() || c == '_'),
    )
        .parse(i)?;
    Ok((i, ()))
}

/// "Follow Pam Key on Twitter @pamkeyNEN.", "Follow him on Twitter: @jdoe": "Follow", at
/// most six words of a name, "on", a platform's name, then a handle — the whole quotation.
pub(crate) fn credit_line(inner: &str) -> bool {
    let name = many1_count(preceded(not(tag("on ")), terminated(name_word, space1)));
    let platform = preceded(tag("on "), name_word);
    let rest = (
        space0,
        opt(char(':')),
        space0,
        handle,
        opt(char('.')),
        space0,
        eof,
    );
    match (tag("Follow "), name, platform, rest).parse(inner.trim()) {
        Ok((_, (_, words, _, _))) => words <= 6,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_line_with_a_handle_is_a_credit() {
        assert!(credit_line("Follow Pam Key on Twitter @pamkeyNEN."));
        assert!(credit_line("Follow him on Twitter: @jdoe"));
        // words said that mention following and a handle are not
        assert!(!credit_line("Follow the money, @jdoe said on Twitter."));
        assert!(!credit_line(
            "Follow me on Twitter @jdoe, because I will tell you more"
        ));
        assert!(!credit_line("Follow Pam Key on Twitter."));
    }
}
