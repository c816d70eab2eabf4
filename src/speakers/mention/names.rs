//! [`name_candidates_into`]: the people named in the text, quoted or not — the antecedents of
//! pronouns and surnames — with the role an apposition gives them.

use super::rules::apposition_body;
use super::*;
use crate::grammar::Toks;

/// A person named in the text (not necessarily quoted): a candidate antecedent.
#[derive(Debug, Clone)]
pub(crate) struct NameCandidate {
    pub start: usize,
    pub end: usize,
    pub name: String,
    /// The name's [`surname`], read once: the key it is matched by.
    pub key: String,
    pub gender: Gender,
    /// An apposition after the name: "Zalmay Khalilzad, U.S. special representative …,".
    pub role: Option<String>,
    /// The titles before the name ("Vice President" of "Vice President Tom Hale"), which a
    /// definite description refers to ("the vice president").
    pub title: Option<String>,
    /// Found inside a longer capitalised run ("Wells Fargo CEO John Stumpf", [`inner_name`]):
    /// it gives a surname its full name and gender, but draws no pronoun.
    pub inner: bool,
}

/// [`name_candidates_into`] a new list.
#[cfg(test)]
pub(crate) fn name_candidates(text: &str, toks: &[Token]) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    name_candidates_into(text, toks, &mut out);
    out
}

/// Every run of capitalised words that looks like a person's name, added to `out` (one list
/// for a document's paragraphs): it starts with a title or a known first name, or has two or
/// more words none of which is an organisation head.
pub(crate) fn name_candidates_into(text: &str, toks: &[Token], out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    while i < toks.len() {
        // (a capitalised word opens a run: most words are none, and are passed over in one
        // search of their spelling flags)
        let Some(k) = toks[i..].iter().position(Token::is_capitalised) else {
            break;
        };
        i += k;
        let t = &toks[i];
        // (one capitalised word alone is no name — a name has two, or a title before it —
        // and most runs are one word: the next token tells; a word's starter class is its
        // bit, read last)
        // (a token's spelling flag first, its kind only for a capital: most are neither)
        if !capitalised_word(t)
            || !toks.get(i + 1).is_some_and(capitalised_word)
            || t.is(Class::Starters)
        {
            i += 1;
            continue;
        }
        // (the run of capitalised words from `i`, read token by token: `i` and `i + 1` open it)
        let j = i
            + 2
            + toks[i + 2..]
                .iter()
                .take_while(|t| capitalised_word(t))
                .count();
        if let Some(c) = candidate(text, toks, i, j).or_else(|| inner_name(text, toks, i, j)) {
            out.push(c);
        }
        i = j;
    }
}

/// "Smith", "U.S.": a capitalised word ([`crate::grammar::capitalised`]), read from its
/// token's spelling flags.
#[inline]
fn capitalised_word(t: &Token) -> bool {
    t.is_capitalised() && matches!(t.kind, Tok::Word)
}

/// The capitalised run `i..j` as a person's name, past its titles.
fn candidate(text: &str, toks: &[Token], i: usize, j: usize) -> Option<NameCandidate> {
    // (the cheap test first: "the Smith Foundation" is no one's name)
    if i > 0 && toks[i - 1].text(text).eq_ignore_ascii_case("the") {
        return None;
    }
    let run = &toks[i..j];
    let mut n = 0;
    let mut gender = Gender::Unknown;
    while n + 1 < run.len() {
        let Some(g) = title_of(text, &run[n]) else {
            break;
        };
        if g != Gender::Unknown {
            gender = g;
        }
        n += 1;
    }
    let name_toks = &run[n..];
    let first_gender = first_name_of(text, &name_toks[0]);
    // (the cheap tests first: most capitalised runs are no one's name)
    // (a title, or a known first name and a surname)
    let person = (n > 0 || first_gender.is_some() && name_toks.len() >= 2)
        && !name_toks.iter().any(|t| organization_word(text, t));
    if !person {
        return None;
    }
    if gender == Gender::Unknown
        && let Some(g) = first_gender
    {
        gender = g;
    }
    let mut name = words_text(text, name_toks).into_owned();
    for suffix in ["’s", "'s"] {
        if let Some(s) = name.strip_suffix(suffix) {
            name.truncate(s.len());
        }
    }
    Some(NameCandidate {
        start: run[0].start,
        end: run[run.len() - 1].end,
        key: surname(&name),
        name,
        gender,
        role: apposition(text, toks, j),
        title: (n > 0).then(|| words_text(text, &run[..n]).into_owned()),
        inner: false,
    })
}

/// "Massachusetts Sen. Elizabeth Warren", "Wells Fargo CEO John Stumpf": a capitalised run
/// that is no name as a whole (a place, a body or a role opens it) holds one from its first
/// title or known first name on, when that tells the person's gender (a name of unknown
/// gender would draw every "he" and "she" after it).
fn inner_name(text: &str, toks: &[Token], i: usize, j: usize) -> Option<NameCandidate> {
    let k = (i + 1..j.saturating_sub(1))
        .find(|&k| title_of(text, &toks[k]).is_some() || first_name_of(text, &toks[k]).is_some())?;
    let c = candidate(text, toks, k, j).filter(|c| c.gender != Gender::Unknown)?;
    Some(NameCandidate { inner: true, ..c })
}

/// The most words an apposition's body holds ([`apposition_body`]).
const APPOSITION_WORDS: usize = super::rules::APPOSITION_WORDS;

/// ", ROLE," after a name ending at token `j`: a role phrase between two commas that holds
/// a role noun or opens with a determiner or title.
pub(crate) fn apposition(text: &str, toks: &[Token], j: usize) -> Option<String> {
    // (its comma first: most names have none after them, and are not parsed)
    if !toks
        .get(j)
        .is_some_and(|t| t.kind == Tok::Punct && t.is_text(text, ","))
    {
        return None;
    }
    // (a role noun's bit among the words the body may hold, `APPOSITION_WORDS` after the
    // comma: most commas after a name open no role, and are not parsed)
    let window = &toks[j + 1..toks.len().min(j + 1 + APPOSITION_WORDS)];
    if !window.iter().any(|t| t.is(Class::SpeakerRoles)) {
        return None;
    }
    let (_, (a, b)) = apposition_body(Toks::whole(text, toks).from(j)).ok()?;
    let has_role = toks[a..b].iter().any(|t| is_role(text, t));
    if !has_role {
        return None;
    }
    let body = strip_det(text, &toks[a..b]);
    (!body.is_empty()).then(|| words_text(text, body).into_owned())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn name_candidates_find_people() {
        // "On Friday, Gen. Austin Miller met Taliban leaders and the State Department."
        let text = "On Friday, Gen. Austin Miller met Taliban leaders and the State Department.";
        let c = name_candidates(text, &toks(text));
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Austin Miller"]);
        assert_eq!(c[0].title.as_deref(), Some("Gen."));
    }

    #[test]
    fn capitalised_word_rule() {
        // "Smith", "U.S.", "Ärzte": as `grammar::capitalised` reads them
        let text = "Smith U.S. Ärzte smith ärzte 2016 , “Quote”";
        let t = toks(text);
        for k in 0..t.len() {
            let whole = Toks::whole(text, &t);
            assert_eq!(
                capitalised_word(&t[k]),
                crate::grammar::capitalised(whole.from(k)).is_ok(),
                "{}",
                t[k].text(text)
            );
        }
        assert!(capitalised_word(&t[0]));
    }

    #[test]
    fn inner_name_rule() {
        // "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf."
        let text = "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf.";
        let c = name_candidates(text, &toks(text));
        let names: Vec<(&str, Gender)> = c.iter().map(|c| (c.name.as_str(), c.gender)).collect();
        assert_eq!(
            names,
            [
                ("Elizabeth Warren", Gender::Female),
                ("John Stumpf", Gender::Male)
            ]
        );
    }

    #[test]
    fn a_name_and_its_apposition() {
        // "Zalmay Khalilzad, U.S. special representative for Afghanistan, met …"
        let text = "Zalmay Khalilzad, U.S. special representative for Afghanistan, met them";
        let c = name_candidates(text, &toks(text));
        assert_eq!(c[0].name, "Zalmay Khalilzad");
        assert_eq!(
            c[0].role.as_deref(),
            Some("U.S. special representative for Afghanistan")
        );
    }
}
