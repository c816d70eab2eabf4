//! [`quantity`]: a share of the people polled or counted ("About three in 10", "43 percent").

use super::*;

/// An amount: a number (not a year: "who in 2010 said") or a word of quantity ("half").
fn amount(w: &str) -> bool {
    number(w) || LEXICON.quantities.contains(w)
}

/// A number, not a year ("43", "1,000", "10%"); lower-casing changes none.
fn number(w: &str) -> bool {
    // (a year is read only for a word of figures: most words have none)
    let year = || w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y));
    w.bytes().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
        && !year()
}

/// [`amount`] of a token in lower case, its class read from its bits.
fn amount_token(text: &str, t: &Token) -> bool {
    number(t.text(text)) || lower_in(text, t, Class::Quantities)
}

/// Whether a token may be an amount ([`amount_token`]): a word of the class `quantities`
/// (its bit), or a figure (every character of a [`number`] is a digit, ",", "." or "%", and
/// one at least a digit: a comma alone, which most phrases have within a share's reach, is
/// none).
fn may_be_amount(text: &str, t: &Token) -> bool {
    let w = &text.as_bytes()[t.start..t.end];
    t.is(Class::Quantities)
        || (w
            .first()
            .is_some_and(|&b| b.is_ascii_digit() || b == b',' || b == b'.' || b == b'%')
            && w.iter().any(u8::is_ascii_digit))
}

/// [`share_head`] of a token: an ASCII word's classes are read from its bits (the classes
/// of a share's head are lower case), its plural from its spelling in either case.
fn share_head_token(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    if t.kind != Tok::Word || !w.is_ascii() {
        return share_head(&crate::lexicon::lower(w));
    }
    let ends = |s: &str| {
        w.len() >= s.len() && w.as_bytes()[w.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
    };
    // (the token's bits and spelling first, its figures last)
    t.is(Class::Quantities)
        || t.is(Class::SpeakerQuantityHeads)
        || (w.len() > 3 && ends("s") && !ends("ss"))
        || number(w)
}

/// A share's last word: an amount, a word for those asked ("them", "overall", "surveyed") or
/// a plural. Most mentions end in a name, not an amount or a plural.
fn share_head(last: &str) -> bool {
    amount(last)
        || Class::SpeakerQuantityHeads.contains(last)
        || (last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))
}

/// A share of the people polled or counted, ending before token `end`: "About three in 10",
/// "Nearly half of Republicans", "43 percent", "most of them", "two-thirds of voters
/// overall".
pub(crate) fn quantity<'t>(
    text: &'t str,
    toks: &[Token],
    lo: usize,
    end: usize,
) -> Option<Mention<'t>> {
    if !share_head_token(text, &toks[end - 1]) {
        return None;
    }
    // (a share holds an amount among the words it may reach: a quantity word, by its bit,
    // or a figure, which opens with a digit or a mark of one; a phrase with neither is
    // read no further)
    let reach = lo.max(end.saturating_sub(9))..end;
    if !toks[reach].iter().any(|t| may_be_amount(text, t)) {
        return None;
    }
    let mut s = end;
    let mut core = false;
    while s > lo && end - s < 9 {
        let t = &toks[s - 1];
        let w = t.text(text);
        let q = amount_token(text, t);
        let glue = q
            || lower_in(text, t, Class::SpeakerAmountQualifiers)
            || lower_in(text, t, Class::SpeakerAmountGlue);
        // (a pronoun is in one of the pronoun classes: a word in none is known from its bits)
        let noun = glue
            || t.kind == Tok::Word
                && !(t.classes.intersects(PRONOUNS)
                    && crate::lexicon::with_lower(w, |l| LEXICON.pronouns.contains_key(l)))
                && (crate::cues::plain_noun(text, t) || is_capitalized(w) && !starter(text, t));
        if !(q || glue || noun) {
            break;
        }
        core |= q;
        s -= 1;
    }
    // (a share holds an amount: a run with none is read no further)
    if !core {
        return None;
    }
    // It opens with the amount or a word that qualifies it, not with "in" or a noun.
    while s < end {
        let t = &toks[s];
        if amount_token(text, t) || lower_in(text, t, Class::SpeakerAmountQualifiers) {
            break;
        }
        s += 1;
    }
    let opens_with_amount = toks[s..end].iter().take(3).any(|t| amount_token(text, t));
    // It stands alone (after the sentence's start, a comma or a conjunction, not inside a
    // noun phrase: "Podliska's most explosive").
    let alone = s == lo || {
        let w = toks[s - 1].text(text);
        Class::SpeakerQuantityOpeners.contains(w) || starter(text, &toks[s - 1])
    };
    if !opens_with_amount || !alone {
        return None;
    }
    Some(phrase(text, &toks[s..end], EntityKind::Unknown))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn a_tokens_share_head_is_its_lower_cases() {
        // (the bits stand for the lower case only in classes with no capitals)
        assert!(Class::Quantities.lower_only() && Class::SpeakerQuantityHeads.lower_only());
        let text = "Smith NATIONS Voters class CLASS Half 43 1999 1,000 % them Overall Ärzte";
        for t in toks(text) {
            let w = t.text(text);
            let by_text = share_head(&crate::lexicon::lower(w));
            assert_eq!(share_head_token(text, &t), by_text, "{w}");
            assert_eq!(
                amount_token(text, &t),
                amount(&crate::lexicon::lower(w)),
                "{w}"
            );
            // (the gate lets every amount through)
            assert!(!amount_token(text, &t) || may_be_amount(text, &t), "{w}");
        }
        let words = "Half 10 , x2 voters";
        let t = toks(words);
        let may: Vec<bool> = t.iter().map(|t| may_be_amount(words, t)).collect();
        assert_eq!(may, [true, true, false, false, false]);
        assert!(!share_head_token(text, &toks(text)[0]));
    }

    fn share(text: &str) -> Option<String> {
        let t = toks(text);
        quantity(text, &t, 0, t.len()).map(|m| m.name.into_owned())
    }

    #[test]
    fn shares_of_those_asked() {
        // "About three in 10 said"
        assert_eq!(
            share("About three in 10").as_deref(),
            Some("About three in 10")
        );
        // "43 percent said"
        assert_eq!(share("43 percent").as_deref(), Some("43 percent"));
        // "most of them said"
        assert_eq!(share("most of them").as_deref(), Some("most of them"));
        // (a year is no amount: "who in 2010 said")
        assert_eq!(share("who in 2010"), None);
    }
}
