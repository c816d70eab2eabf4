//! [`build`]: a mention's tokens read into its name, role, kind and gender.

use super::*;

/// Read a mention's tokens: its name, role and kind.
pub(crate) fn build<'t>(
    text: &'t str,
    toks: &[Token],
    appos: Option<&[Token]>,
) -> Option<Mention<'t>> {
    let first = toks.first()?;
    let last = toks.last()?;
    let lw = last.text(text);
    // A mention ends in a head: a name, a role, a noun; never in "the" or "its".
    // (the token's classes: those of the word and of its lower case)
    if last.is(Class::SpeakerNonHeads) || expletive_it(first.text(text)) {
        return None;
    }
    let appos_role = appos
        .map(|a| words_text(text, strip_articles(a)))
        .filter(|s| !s.is_empty() && !s.starts_with("who"));
    // (its name and role are written once the rule that reads them is known)
    let mention = |name: Cow<'t, str>, role: Option<Cow<'t, str>>| Mention {
        start: first.start,
        end: last.end,
        name,
        role,
        kind: EntityKind::Unknown,
        gender: Gender::Unknown,
        pronoun: false,
    };
    if toks.len() == 1
        && is_capitalized(lw)
        && last.is(Class::SpeakerRoles)
        && let Some(kind) = capitalised_role(lw)
    {
        let role = Some(Cow::Borrowed(lw));
        return Some(Mention {
            kind,
            ..mention(words_text(text, toks), role)
        });
    }
    if !is_capitalized(lw) {
        if let Some(m) = role_then_name(text, toks, appos) {
            return Some(m);
        }
        // (the name is written only for a head that makes a mention: most tried do not)
        return common_head(text, toks, mention(Cow::Borrowed(""), appos_role)).map(|mut m| {
            m.name = words_text(text, toks);
            m
        });
    }
    // "The mayor of Chicago, Rahm Emanuel, said": an article, a role and its place or body,
    // the name in apposition.
    if first.is(Class::SpeakerArticles)
        && toks.iter().any(|t| is_role(text, t))
        && let Some(m) = role_then_name(text, toks, appos)
    {
        return Some(m);
    }
    named(text, toks, appos_role, mention(Cow::Borrowed(""), None))
}

/// The tokens without the articles that open them.
fn strip_articles(mut a: &[Token]) -> &[Token] {
    while let Some(t) = a.first() {
        if t.is(Class::SpeakerArticles) {
            a = &a[1..];
        } else {
            break;
        }
    }
    a
}

/// "Critics said": a capitalised role noun opening the sentence is still a role; its kind.
fn capitalised_role(lw: &str) -> Option<EntityKind> {
    crate::lexicon::with_lower(lw, |llower| {
        let &anon = LEXICON.roles.get(llower)?;
        let plural = llower.ends_with('s') && !llower.ends_with("ss");
        Some(if anon || plural {
            EntityKind::Anonymous
        } else {
            EntityKind::Person
        })
    })
}

/// "Her editor, James Whitfield, said": the role first, the name in apposition.
fn role_then_name<'t>(
    text: &'t str,
    toks: &[Token],
    appos: Option<&[Token]>,
) -> Option<Mention<'t>> {
    let a = appos.filter(|a| {
        !a.is_empty() && a.len() <= 5 && a.iter().all(|t| is_capitalized(t.text(text)))
    })?;
    let mut named = build(text, a, None).filter(|m| m.kind == EntityKind::Person)?;
    named.start = toks[0].start;
    named.end = a[a.len() - 1].end;
    named.role = Some(words_text(text, strip_det(text, toks)));
    Some(named)
}

/// A lower-case head: a document ("the agreement"), a role ("a senior official", "the
/// spokesman"), a body ("the transport department"), a phrase a determiner opens ("the
/// 46-year-old") or a bare plural ("Media outlets").
fn common_head<'t>(text: &'t str, toks: &[Token], mention: Mention<'t>) -> Option<Mention<'t>> {
    crate::lexicon::with_lower(toks[toks.len() - 1].text(text), |llower| {
        common_head_lower(text, toks, llower, mention)
    })
}

/// [`common_head`], given its last word in lower case ("the Spokesman": "spokesman"); its
/// first word's classes in lower case are read from its token.
fn common_head_lower<'t>(
    text: &'t str,
    toks: &[Token],
    llower: &str,
    mut mention: Mention<'t>,
) -> Option<Mention<'t>> {
    let det = &toks[0];
    let lx = &*LEXICON;
    // (the head's bits first: a word without them is in neither list)
    let head = &toks[toks.len() - 1];
    if head.is(Class::SpeakerDocuments) && lx.documents.contains(llower) {
        mention.kind = EntityKind::Document;
    } else if let Some(&anon) = head
        .is(Class::SpeakerRoles)
        .then(|| lx.roles.get(llower))
        .flatten()
    {
        role_head(text, toks, llower, anon, &mut mention);
    } else if org_noun(llower) {
        // "the transport department", "the company"
        mention.kind = EntityKind::Organization;
    } else if toks.len() >= 2 && det_token(text, det) {
        // "the 46-year-old", "a 2008 Clinton veteran", "the authors"
        mention.kind = if lower_in(text, det, Class::SpeakerIndefiniteDeterminers) {
            EntityKind::Anonymous
        } else {
            EntityKind::Unknown
        };
        mention.role = Some(words_text(text, strip_det(text, toks)));
    } else if llower.ends_with('s') && !llower.ends_with("ss") && !pronoun_led(text, toks) {
        // "Media outlets", "Two other emails": a bare plural, a group of sources.
        mention.kind = EntityKind::Anonymous;
        mention.role = Some(words_text(text, toks));
    } else {
        return None;
    }
    Some(mention)
}

/// "She gives": a subject pronoun and a verb in -s, which is no bare plural ("Media
/// outlets"): a pronoun with its verb is never a group of sources.
fn pronoun_led(text: &str, toks: &[Token]) -> bool {
    toks.len() == 2
        && crate::lexicon::with_lower(toks[0].text(text), |l| LEXICON.pronouns.contains_key(l))
}

/// "It’s clear that …", "it's raising questions": the neuter pronoun fused with "is" or
/// "has" is an empty (expletive) subject and opens no mention ("He’s saying" is a
/// person's pronoun, and stays).
fn expletive_it(w: &str) -> bool {
    // (only a word in "'s" can be: most are read no further)
    if !w.ends_with(['s', 'S']) {
        return false;
    }
    crate::lexicon::with_lower(w, |lower| {
        lower
            .strip_suffix("’s")
            .or_else(|| lower.strip_suffix("'s"))
            .is_some_and(|stem| LEXICON.pronouns.get(stem) == Some(&Gender::Neuter))
    })
}

/// A role noun as the head ("a senior official", "the spokesman", "the campaign"): its kind
/// (a body, someone anonymous, a person), its role and the gender its form tells.
fn role_head<'t>(
    text: &'t str,
    toks: &[Token],
    llower: &str,
    anon: bool,
    mention: &mut Mention<'t>,
) {
    let org_like = Class::SpeakerGroupRoles.contains(llower) || org_noun(llower);
    let definite = lower_in(text, &toks[0], Class::SpeakerDefiniteDeterminers)
        || toks[1..].iter().any(|t| {
            let w = t.text(text);
            is_capitalized(w) || w.ends_with("’s") || w.ends_with("'s")
        });
    let plural = llower.ends_with('s') && !llower.ends_with("ss") && !definite;
    mention.kind = if org_like {
        EntityKind::Organization
    } else if anon || !definite || plural {
        EntityKind::Anonymous
    } else {
        EntityKind::Person
    };
    mention.role = Some(words_text(text, strip_det(text, toks)));
    mention.gender = if llower.ends_with("woman") || llower.ends_with("women") {
        Gender::Female
    } else if llower.ends_with("man") {
        Gender::Male
    } else {
        Gender::Unknown
    };
}

/// A capitalised head: the name is the trailing run of capitalised words, without the
/// titles and role words that open it; what stands before the run and the apposition are
/// its role.
fn named<'t>(
    text: &'t str,
    toks: &[Token],
    appos_role: Option<Cow<'t, str>>,
    mut mention: Mention<'t>,
) -> Option<Mention<'t>> {
    let lx = &*LEXICON;
    let s = name_run_start(text, toks);
    let run = &toks[s..];
    let (n, mut gender, title_role) = titles(text, run);
    let name_toks = &run[n..];
    let name = words_text(text, name_toks);
    let before = &toks[..s];
    let the_before = before
        .last()
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("the"));
    let is_org = the_before
        || name_toks.iter().any(|t| organization_word(text, t))
        || lx.organizations.contains(&name)
        || is_outlet(&name)
        || (name_toks.len() == 1
            && (name.ends_with("ans") || name.ends_with("ats") || name.ends_with("ists")));
    if gender == Gender::Unknown
        && let Some(g) = name_toks.first().and_then(|t| first_name_of(text, t))
    {
        gender = g;
    }
    // (the role's parts, each non-empty, joined by ", " as they are written)
    let pre = strip_det(text, before);
    let mut role = if pre.is_empty() {
        Cow::Borrowed("")
    } else {
        words_text(text, pre)
    };
    for part in [Some(title_role), appos_role].into_iter().flatten() {
        if part.is_empty() {
            continue;
        }
        if role.is_empty() {
            role = part;
        } else {
            let joined = role.to_mut();
            joined.push_str(", ");
            joined.push_str(&part);
        }
    }
    mention.name = name;
    mention.gender = gender;
    mention.kind = if is_org {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    mention.role = (!role.is_empty()).then_some(role);
    (!mention.name.is_empty()).then_some(mention)
}

/// The outlets of the lexicon as a set: one look-up a name, not a pass over the list.
static OUTLETS: std::sync::LazyLock<crate::lexicon::WordSet> =
    std::sync::LazyLock::new(|| LEXICON.outlets.iter().copied().collect());

/// Whether `name`, exactly as written, is a news outlet of the lexicon ("CNN").
pub(crate) fn is_outlet(name: &str) -> bool {
    OUTLETS.contains(name)
}

/// Where the trailing run of capitalised words (or numbers; "of" may join two of them)
/// starts; "The Taliban": the article is not part of the name.
fn name_run_start(text: &str, toks: &[Token]) -> usize {
    let mut s = toks.len();
    // (a word's capital read from its spelling flags, another token's from its text)
    let capital = |t: &Token| {
        if t.kind == Tok::Word {
            t.is_capitalised()
        } else {
            is_capitalized(t.text(text))
        }
    };
    while s > 0 {
        let t = &toks[s - 1];
        let digit = text.as_bytes()[t.start..t.end]
            .first()
            .is_some_and(u8::is_ascii_digit);
        let joins_of = s >= 2 && s < toks.len() && t.is_text(text, "of") && capital(&toks[s - 2]);
        if capital(t) || digit || joins_of {
            s -= 1;
        } else {
            break;
        }
    }
    if s < toks.len() && toks[s].is_text(text, "The") && toks.len() - s > 1 {
        s += 1;
    }
    s
}

/// The titles at the front of a capitalised run ("Sen.", "Mrs."): how many, the gender they
/// tell, and the role they make (courtesy titles make none). "Finance Minister Ana Silva",
/// "Senate Majority Leader Mitch McConnell": a role word inside the run ends the role; the
/// name follows it.
fn titles<'t>(text: &'t str, run: &[Token]) -> (usize, Gender, Cow<'t, str>) {
    let mut n = 0;
    let mut gender = Gender::Unknown;
    // (the titles that make a role, joined by single spaces)
    let mut title_role = Cow::Borrowed("");
    while n + 1 < run.len() {
        let w = run[n].text(text);
        let Some(g) = title_of(text, &run[n]) else {
            break;
        };
        if g != Gender::Unknown {
            gender = g;
        }
        if !Class::SpeakerCourtesyTitles.contains(w) {
            // (one title is the text's own word; two or more are joined in a new string)
            if title_role.is_empty() {
                title_role = Cow::Borrowed(w);
            } else {
                let joined = title_role.to_mut();
                joined.push(' ');
                joined.push_str(w);
            }
        }
        n += 1;
    }
    if let Some(r) = (n..run.len().saturating_sub(1))
        .rev()
        .find(|&i| is_role(text, &run[i]))
    {
        title_role = words_text(text, &run[..=r]);
        n = r + 1;
    }
    (n, gender, title_role)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn build_all<'t>(text: &'t str) -> Option<Mention<'t>> {
        let t = toks(text);
        build(text, &t, None)
    }

    #[test]
    fn a_capitalised_role_opening_the_sentence() {
        // "Critics said"
        let m = build_all("Critics").unwrap();
        assert_eq!(m.kind, EntityKind::Anonymous);
        assert_eq!(m.role.as_deref(), Some("Critics"));
    }

    #[test]
    fn the_role_first_the_name_in_apposition() {
        // "Her editor, James Whitfield, said"
        let text = "Her editor, James Whitfield";
        let t = toks(text);
        let m = build(text, &t[..2], Some(&t[3..])).unwrap();
        assert_eq!(m.name, "James Whitfield");
        assert_eq!(m.role.as_deref(), Some("editor"));
    }

    #[test]
    fn a_common_head() {
        // "the transport department said"
        assert_eq!(
            build_all("the transport department").unwrap().kind,
            EntityKind::Organization
        );
        // "Media outlets estimate"
        assert_eq!(
            build_all("Media outlets").unwrap().kind,
            EntityKind::Anonymous
        );
        assert!(build_all("the").is_none());
    }

    #[test]
    fn a_pronoun_and_its_verb_are_no_bare_plural() {
        assert!(pronoun_led("She gives", &toks("She gives")));
        assert!(build_all("She gives").is_none());
        assert!(build_all("it’s").is_none());
        // "she and others …" is no pronoun with its verb
        assert!(!pronoun_led("she and others", &toks("she and others")));
        assert!(build_all("It's").is_none());
        assert!(build_all("it's raising").is_none());
        assert!(expletive_it("It’s") && !expletive_it("She’s") && !expletive_it("Obama’s"));
        assert!(!pronoun_led("Media outlets", &toks("Media outlets")));
    }

    #[test]
    fn an_outlet_is_one_of_the_lexicon_as_written() {
        assert!(LEXICON.outlets.iter().all(|o| is_outlet(o)));
        assert!(is_outlet("CNN") && !is_outlet("cnn") && !is_outlet("Jane Smith"));
    }

    #[test]
    fn titles_and_roles_inside_the_name() {
        // "Finance Minister Ana Silva said"
        let m = build_all("Finance Minister Ana Silva").unwrap();
        assert_eq!(m.name, "Ana Silva");
        assert_eq!(m.role.as_deref(), Some("Finance Minister"));
    }
}
