//! Peeling what stands between a mention and its verb: an apposition (", ROLE,"), an age
//! (", 35,"), a parenthesis ("(D-Md.)"), an adverbial between commas.

use super::*;
use crate::grammar::{Toks, comma, token};
use nom::Parser;

/// A stretch `start..end` of tokens set off as an apposition.
pub(super) type Appos = Option<(usize, usize)>;

/// What one comma before the verb does to the mention's end.
enum Step {
    /// An adverbial between commas: the mention ends before it; peel on.
    Skip(usize),
    /// An apposition `a..b`: the mention ends at the comma before it; peel on.
    Appos((usize, usize), usize),
    /// A place and its state: the mention ends before them; stop peeling.
    Stop(usize),
}

/// Peel an apposition (", ROLE,") and a parenthesis ("(D-Md.)") off the words before
/// token `i`, in either order (three at most): where the mention ends and its apposition.
/// None when the mention cannot end there (an apposition too long to be one).
pub(super) fn peel(text: &str, toks: &[Token], lo: usize, i: usize) -> Option<(usize, Appos)> {
    let mut appos = None;
    let mut end = i;
    for _ in 0..3 {
        if end <= lo {
            return None;
        }
        // A quotation ending in a comma closes an apposition too: "Hemsley, the co-author
        // of “Going Viral,” said".
        let last = toks[end - 1];
        let quote_comma = matches!(last.kind, Tok::Quote(_))
            && last
                .text(text)
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(',');
        match if quote_comma { "," } else { last.text(text) } {
            "," if appos.is_some() && end >= lo + 3 && age(text, toks, end - 3) => {
                end -= 3;
            }
            "," if appos.is_none() => match comma_step(text, toks, lo, end, quote_comma)? {
                Step::Skip(e) => end = e,
                Step::Appos(a, e) => {
                    appos = Some(a);
                    end = e;
                }
                Step::Stop(e) => {
                    end = e;
                    break;
                }
            },
            ")" => {
                let from = (end - 1).saturating_sub(8).max(lo);
                end = (from..end - 1)
                    .rev()
                    .find(|&j| toks[j].is_text(text, "("))?;
            }
            // "John Dickey, the chief executive of Ora Media -- the company that owns the
            // show -- told me": the dash that opens an aside closes an apposition as a comma
            // would; or it is left off.
            w if appos.is_none() && crate::cues::is_aside_dash(w) => {
                match comma_step(text, toks, lo, end, false) {
                    Some(Step::Appos(a, e)) => {
                        appos = Some(a);
                        end = e;
                    }
                    _ => end -= 1,
                }
            }
            _ => break,
        }
    }
    // "Clinton, 35, the daughter of …, said": an age between the name and the apposition.
    if appos.is_some()
        && end >= lo + 3
        && toks[end - 1].text(text).chars().all(|c| c.is_ascii_digit())
        && toks[end - 2].is_text(text, ",")
    {
        end -= 2;
    }
    Some((end, appos))
}

/// "Clinton, 35, the daughter of …, said": a short apposition (an age) before the long one,
/// ", 35" at token `k`: a comma and a word of digits.
fn age(text: &str, toks: &[Token], k: usize) -> bool {
    let digits = token(|i: &Toks, t: &Token| {
        t.kind == Tok::Word && i.word(t).chars().all(|c| c.is_ascii_digit())
    });
    (comma, digits)
        .parse(Toks::new(text, toks, k, k + 2))
        .is_ok()
}

/// The comma at token `end - 1`, with no apposition peeled yet: an adverbial, a place and
/// its state, or an apposition (NAME, ROLE, said). None when the apposition is too long.
fn comma_step(
    text: &str,
    toks: &[Token],
    lo: usize,
    end: usize,
    quote_comma: bool,
) -> Option<Step> {
    let from = (end - 1).saturating_sub(32).max(lo);
    // (the last three commas, in one pass and no new vector: the nearest is the
    // apposition's)
    let mut found = [0; 3];
    let mut n = 0;
    for k in (from..end - 1).rev() {
        if toks[k].is_text(text, ",") {
            found[n] = k;
            n += 1;
            if n == found.len() {
                break;
            }
        }
    }
    let commas = &found[..n];
    if let Some(e) = adverbial(text, toks, lo, end, commas) {
        return Some(Step::Skip(e));
    }
    if let Some(step) = place_and_state(text, toks, lo, end, commas) {
        return Some(step);
    }
    // NAME, ROLE, said: the apposition between two commas; a relative clause ("who
    // introduced a bill …") may be longer.
    let &j = commas.first()?;
    let long = end - 1 - j > 18;
    let relative = toks
        .get(j + 1)
        .is_some_and(|t| written(text, t, Class::SpeakerRelativeOpeners));
    // ("Trump, the 2016 GOP presidential frontrunner nationally and current polling leader
    // in South Carolina by a wide margin, said": a role that an article opens, after a name,
    // may run longer)
    let role = toks
        .get(j + 1)
        .is_some_and(|t| lower_in(text, t, Class::SpeakerArticles))
        && j > lo
        && is_capitalized(toks[j - 1].text(text))
        && end - 1 - j <= 26;
    if long && !relative && !role {
        return None;
    }
    Some(Step::Appos(
        (j + 1, if quote_comma { end } else { end - 1 }),
        j,
    ))
}

/// "Clinton, during a town hall meeting in Columbus, Ohio, said": an adverbial between
/// commas (a place's own commas inside it) stands for no one; the mention ends before it.
fn adverbial(text: &str, toks: &[Token], lo: usize, end: usize, commas: &[usize]) -> Option<usize> {
    let n = commas.iter().position(|&k| {
        toks.get(k + 1).is_some_and(|t| {
            let w = t.text(text);
            !is_capitalized(w)
                && LEXICON
                    .adverbial_openers
                    .contains(&crate::lexicon::lower(w))
        })
    })?;
    // "Columbus, Ohio,": a place's commas set off a word or two, all names.
    let place_commas = (0..n).all(|m| {
        let next = if m == 0 { end - 1 } else { commas[m - 1] };
        next - commas[m] <= 3
            && toks[commas[m] + 1..next]
                .iter()
                .all(|t| is_capitalized(t.text(text)))
    });
    (place_commas && commas[n] > lo).then_some(commas[n])
}

/// "a woman in Worcester, Massachusetts, told": a place and its state are one name, the
/// object of the preposition before them — unless a name and a comma open the stretch: "Mr.
/// Daniloff, now 81 and retired in Cambridge, Mass., said" is one apposition.
fn place_and_state(
    text: &str,
    toks: &[Token],
    lo: usize,
    end: usize,
    commas: &[usize],
) -> Option<Step> {
    let &k = commas.first()?;
    if !(end - 1 - k <= 3
        && toks[k + 1..end - 1]
            .iter()
            .all(|t| is_capitalized(t.text(text))))
    {
        return None;
    }
    let p = (k.saturating_sub(4).max(lo)..k)
        .rev()
        .find(|&p| !is_capitalized(toks[p].text(text)))?;
    if !written(text, &toks[p], Class::SpeakerPlacePrepositions) {
        return None;
    }
    // (after a role, only a state is a state: "The mayor of Chicago, Rahm Emanuel, said" names
    // the mayor)
    if p > lo && is_role(text, &toks[p - 1]) && !is_state(text, &toks[k + 1..end - 1]) {
        return None;
    }
    let named = |j: usize| toks[j].kind == Tok::Word && is_capitalized(toks[j].text(text));
    // ("Cory James, 22, of Flint, Mich., said": the name and its age before the place)
    let aged = |j: usize| {
        j >= lo + 3
            && toks[j].text(text).bytes().all(|b| b.is_ascii_digit())
            && toks[j - 1].is_text(text, ",")
            && named(j - 2)
    };
    if let Some(&k2) = commas.get(1)
        && k2 > lo
        && (named(k2 - 1) || aged(k2 - 1))
        && toks[k2 + 1..p].iter().all(|t| t.kind == Tok::Word)
    {
        return Some(Step::Appos((k2 + 1, end - 1), k2));
    }
    Some(Step::Stop(k))
}

/// Whether the words `toks` are a state ("Ohio", "New Hampshire", "Mass."), by
/// `Class::SpeakerStates`, whose entries join their words with "_".
pub(super) fn is_state(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    Class::SpeakerStates.contains(&words.join("_"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn an_age_before_the_apposition() {
        // "Clinton, 35, the daughter of the former president, said"
        let m = left_of(
            "Clinton, 35, the daughter of the former president, said",
            "said",
        )
        .unwrap();
        assert_eq!(m.name, "Clinton");
        assert_eq!(m.role.as_deref(), Some("daughter of the former president"));
    }

    #[test]
    fn a_long_role_after_a_name() {
        let text = "Trump, the 2016 GOP presidential frontrunner nationally and current polling \
                    leader in South Carolina by a wide margin, said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Trump");
        // (not a long stretch that no article opens)
        let text = "Trump spoke at length about taxes and trade and jobs and the wall and the \
                    polls in South Carolina and Iowa and Nevada and Ohio, the senator said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "the senator");
    }

    #[test]
    fn an_adverbial_between_commas_stands_for_no_one() {
        // "Clinton, during a town hall meeting in Columbus, Ohio, said"
        let text = "Clinton, during a town hall meeting in Columbus, Ohio, said";
        let m = left_of(text, "said").unwrap();
        assert_eq!(m.name, "Clinton");
        assert_eq!(m.role, None);
    }

    #[test]
    fn a_place_and_its_state_are_one_name() {
        // "a woman in Worcester, Massachusetts, told"
        let m = left_of("a woman in Worcester, Massachusetts, told", "told").unwrap();
        assert_eq!(m.name, "a woman");
        // a name and its age before the place
        let m = left_of("Cory James, 22, of Flint, Mich., said", "said").unwrap();
        assert_eq!(m.name, "Cory James");
        let m = left_of(
            "Gloria Garcia, a nurse from Brownsville, Texas, said",
            "said",
        )
        .unwrap();
        assert_eq!(m.name, "Gloria Garcia");
    }

    #[test]
    fn after_a_role_a_name_is_no_state() {
        // "The mayor of Chicago, Rahm Emanuel, said"
        let m = left_of("The mayor of Chicago, Rahm Emanuel, said", "said").unwrap();
        assert_eq!(m.name, "Rahm Emanuel");
        let m = left_of("A spokesman for Ora Media, John Dickey, said", "said").unwrap();
        assert_eq!(m.name, "John Dickey");
        // A state after a role is still a place's state.
        let m = left_of("a resident of Dayton, Ohio, said", "said").unwrap();
        assert!(!m.name.contains("Ohio"), "{m:?}");
        let m = left_of("the mayor of Concord, New Hampshire, said", "said").unwrap();
        assert!(!m.name.contains("Hampshire"), "{m:?}");
    }

    #[test]
    fn the_dash_that_opens_an_aside_closes_an_apposition() {
        // ("… -- the company that owns the show -- told me": `before_dash_aside` reads the
        // words up to the dash that opens the aside)
        let text = "John Dickey, the chief executive of Ora Media -- told";
        let m = left_of(text, "told").unwrap();
        assert_eq!(m.name, "John Dickey");
        assert_eq!(m.role.as_deref(), Some("chief executive of Ora Media"));
    }

    #[test]
    fn a_parenthesis_is_peeled() {
        // "Sen. Bernie Sanders (I-Vt.) said"
        let m = left_of("Sen. Bernie Sanders (I-Vt.) said", "said").unwrap();
        assert_eq!(m.name, "Bernie Sanders");
    }
}
