//! Where a reported clause begins and ends: breaks, commas, a hearer, an interrupting attribution.

use crate::cues::*;
use crate::grammar::{PResult, Toks, token};
use crate::lexicon::{Class, LEXICON};
use crate::segment::{Tok, Token, is_capitalized};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::eof;
use nom::multi::many_m_n;

/// Whether the reported clause goes on after ", but" at token `i`: with an adverb of
/// contrast or an auxiliary of its own subject ("…, but also hungry for …", "…, but would
/// eventually add …") or with a second that-clause ("…, but that he would …"). Otherwise
/// the writer takes over: a new subject (", but analysts agreed …") or the speaker's next
/// act (", but stopped short of …").
pub(crate) fn report_goes_on(text: &str, toks: &[Token], i: usize) -> bool {
    goes_on_after_but(Toks::new(text, toks, i, toks.len())).is_ok()
}

/// What goes on with the reported clause after ", but": an adverb of contrast
/// (`reported_contrast_adverbs`: "…, but also hungry for …"), "that" and a subject ("…, but
/// that he would …"), or an auxiliary or a form of "be" ("…, but would eventually add …").
pub(crate) fn goes_on_after_but(i: Toks<'_>) -> PResult<'_, ()> {
    let contrast = token(|i: &Toks<'_>, t: &Token| {
        crate::lexicon::with_lower(i.word(t), |l| Class::ReportedContrastAdverbs.contains(l))
    });
    let that = token(|i: &Toks<'_>, t: &Token| crate::lexicon::lower(i.word(t)) == "that");
    let subject = token(|i: &Toks<'_>, t: &Token| {
        let s = crate::lexicon::lower(i.word(t));
        subject_pronoun(&s)
            || is_capitalized(i.word(t))
            || LEXICON.determiners.contains(&s)
            || s == "there"
    });
    let finite = token(|i: &Toks<'_>, t: &Token| {
        let w = crate::lexicon::lower(i.word(t));
        is_aux(&w) || is_be_form(&w)
    });
    alt((
        contrast.map(|_| ()),
        (that, subject).map(|_| ()),
        finite.map(|_| ()),
    ))
    .parse(i)
}

/// "Ada Fisher, a member of the committee, said …" / "Trump, who won Iowa, said …": a
/// mention opening the sentence `lo..`, then an apposition or relative clause between commas
/// up to the verb at `b`, is the verb's subject, not a clause a speaker after it reports.
pub(crate) fn apposed_subject(text: &str, toks: &[Token], lo: usize, b: usize) -> bool {
    // (after a conjunction opening the sentence: "And North Carolina’s Ada Fisher, one of …,
    // said")
    let lo = if b > lo + 1 && opening_conjunction(toks[lo].text(text)) {
        lo + 1
    } else {
        lo
    };
    b > lo
        && toks[b - 1].is_text(text, ",")
        && (lo + 1..b - 1)
            .find(|&f| toks[f].is_text(text, ","))
            .is_some_and(|f| {
                f - lo <= 8
                    // "In politics, …" opens an adverbial, not a mention
                    && !LEXICON.starters.contains(toks[lo].text(text))
                    && toks[lo..f]
                        .iter()
                        .all(|t| mentionish(text, t) || plain_noun(text, t))
            })
}

/// "''It is nonsense,'' Mr. Trump said. ''She lies about everything.''": a clause `content`
/// opening or closing with doubled apostrophes, reported before its speaker in sentence `si`,
/// goes on in the next sentence when that opens with them too, up to where they close (or the
/// paragraph ends: a quotation that runs on to the next paragraph). Not when the closing
/// marks are followed by words of their sentence ("''Y,'' she replied"): that is another
/// attribution.
pub(crate) fn continued(
    text: &str,
    toks: &[Token],
    sents: &[std::ops::Range<usize>],
    si: usize,
    content: std::ops::Range<usize>,
) -> Option<crate::model::Span> {
    use crate::segment::doubled_apostrophe;
    let next = sents.get(si + 1)?;
    // (or closing with them: "The plans are ''profoundly irresponsible,'' said Steve Bell.
    // ''It just leaves guys like me speechless.''")
    let quoted = doubled_apostrophe(text, toks, content.start)
        || (content.end >= content.start + 2 && doubled_apostrophe(text, toks, content.end - 2));
    if !quoted || !doubled_apostrophe(text, toks, next.start) {
        return None;
    }
    let close = (next.start + 2..toks.len()).find(|&i| doubled_apostrophe(text, toks, i));
    let end = match close {
        Some(i) => {
            let sent = &sents[crate::cues::sentence_containing(sents, i)?];
            let rest = &toks[i + 2..sent.end];
            if rest.iter().any(|t| t.kind == Tok::Word) {
                return None;
            }
            i + 2
        }
        None => toks.len(),
    };
    (end > next.start + 3).then(|| crate::model::Span {
        start: toks[next.start].start,
        end: toks[end - 1].end,
    })
}

/// Where the object of a verb of telling that starts at `from` ends (before `limit`): "told
/// reporters", "told him", "told CNN's Jake Tapper", "told a Senate panel Wednesday". A
/// second determiner, a subject pronoun or a past form begins the clause ("told reporters
/// the plan failed", "told CNN he would run").
pub(crate) fn told_object(text: &str, toks: &[Token], from: usize, limit: usize) -> usize {
    match hearer(Toks::new(text, toks, from, limit)) {
        Ok((rest, _)) => rest.at(),
        Err(_) => from,
    }
}

/// The hearer after a verb of telling: up to six words of a mention or a noun, no comma,
/// clause opener, auxiliary, form of "be" or lower-case past form, and after its first word
/// no determiner or subject pronoun: "CNN's Jake Tapper" (in "told CNN's Jake Tapper that
/// …"), "reporters" (in "told reporters the plan failed").
pub(crate) fn hearer(i: Toks<'_>) -> PResult<'_, ()> {
    (hearer_word(true), many_m_n(0, 5, hearer_word(false)))
        .map(|_| ())
        .parse(i)
}

/// One word of a hearer (`first`: its first word, which may be a determiner).
fn hearer_word<'a>(first: bool) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Token> {
    token(move |i: &Toks<'a>, t: &'a Token| {
        let (text, w) = (i.text, i.word(t));
        (mentionish(text, t) || plain_noun(text, t))
            && w != ","
            && !t.is_written(Class::ClauseOpeners, text)
            && !is_aux_token(text, t)
            && !t.is_written(Class::ReportedBeForms, text)
            && !(!first
                && (t.is_written(Class::Determiners, text)
                    || in_lower_class(text, t, Class::ReportedSubjectPronouns)))
            && (!w.ends_with("ed") || is_capitalized(w))
    })
}

/// A dash or a semicolon ends what a cue can govern: what follows is an aside, often with
/// an attribution of its own ("… drone attacks -- accusations the United States had said
/// were groundless"); a hyphen standing alone between spaces is a dash.
#[inline]
pub(crate) fn breaks_at(text: &str, toks: &[Token], i: usize) -> bool {
    // (dashes and semicolons are punctuation tokens: a word or a quotation is none)
    if toks[i].kind != Tok::Punct {
        return false;
    }
    let w = toks[i].text(text);
    // (a one-byte mark, most punctuation, is a semicolon or a hyphen standing alone, never
    // a dash of the list, whose dashes are longer: the list is not looked up)
    if w.len() == 1 {
        return w == ";"
            || (w == "-"
                && text[..toks[i].start].ends_with(' ')
                && text[toks[i].end..].starts_with(' '));
    }
    is_dash(w)
}

/// The first comma, dash or semicolon in `from..hi`, or `hi`: where the phrase of an
/// attribution that names no one ends ("Asked about the merger, …").
pub(crate) fn next_comma(text: &str, toks: &[Token], from: usize, hi: usize) -> usize {
    (from..hi)
        .find_map(|i| {
            if toks[i].is_text(text, ",") || breaks_at(text, toks, i) {
                Some(i)
            } else {
                // (a quotation ending in the comma is in the phrase: 'Asked during an
                // appearance on "CBS This Morning," Sanders said …')
                ends_with_comma(text, &toks[i]).then_some(i + 1)
            }
        })
        .unwrap_or(hi)
}

/// A comma, or a quotation that ends in one ("“the woman is a victim,” it said").
pub(crate) fn ends_with_comma(text: &str, t: &Token) -> bool {
    t.is_text(text, ",")
        || (matches!(t.kind, Tok::Quote(_))
            && t.text(text)
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(','))
}

/// Whether token `i` (in a sentence from `lo`) follows a comma, a quotation ending in one,
/// or a comma (question or exclamation mark: `reported_quote_closers`) with the doubled apostrophes of an archive
/// that writes quotation marks so ("''The scale is enormous,'' said Matt Baker"). A word
/// before `i` is none of them (the lexer makes no word of a comma, an apostrophe or a
/// quotation): most tokens before a cue are words, and their text is not read.
#[inline]
pub(crate) fn comma_before(text: &str, toks: &[Token], lo: usize, i: usize) -> bool {
    i > lo && toks[i - 1].kind != Tok::Word && mark_before(text, toks, lo, i)
}

/// [`comma_before`] of a token `i` after a mark or a quotation, read from their text.
fn mark_before(text: &str, toks: &[Token], lo: usize, i: usize) -> bool {
    let ends = |from: usize| closed_in_apostrophes(Toks::new(text, toks, from, i)).is_ok();
    // (the doubled apostrophes end the token before `i`: the two patterns are parsed only then)
    i > lo
        && (ends_with_comma(text, &toks[i - 1])
            || (i >= lo + 3
                && toks[i - 1].is_text(text, "'")
                && (ends(i - 3) || (i >= lo + 4 && ends(i - 4)))))
}

/// A comma, question or exclamation mark (`reported_quote_closers`) and an archive's
/// doubled apostrophes, to the window's end: ",''" in "''The scale is enormous,'' said Matt
/// Baker", "?''" in "''Do you want that?'' said …"; with a quotation inside closing with
/// them, ",'''" in "''I would use the word 'old-school,''' said …".
pub(crate) fn closed_in_apostrophes(i: Toks<'_>) -> PResult<'_, ()> {
    let closer =
        || token(|i: &Toks<'_>, t: &Token| Class::ReportedQuoteClosers.contains(i.word(t)));
    let apostrophe = || token(|i: &Toks<'_>, t: &Token| i.word(t) == "'");
    // (the inner quotation's mark, right before the doubled ones)
    let inner = token(|i: &Toks<'_>, t: &Token| {
        i.word(t) == "'" && i.peek(1).is_some_and(|n| n.start == t.end)
    });
    alt((
        (closer(), apostrophe(), apostrophe(), eof).map(|_| ()),
        (closer(), inner, apostrophe(), apostrophe(), eof).map(|_| ()),
    ))
    .parse(i)
}

/// "Those who now have the right to vote, he said, must still register": an attribution
/// between commas inside the clause it reports, whose rest starts at `rest`. The clause's
/// opening, from the sentence start `lo` to the speaker's comma, when there is one.
pub(crate) fn interrupted(
    text: &str,
    toks: &[Token],
    lo: usize,
    c: CueHit,
    rest: usize,
) -> Option<std::ops::Range<usize>> {
    // (or a hearer and adjuncts between: "''…,'' he told Chris Cuomo of CNN after the
    // debate, ''and I hope …''"; or an adjunct alone: "These employees, Stumpf explained
    // earlier in the committee hearing, were …")
    let after = c.tok + c.len;
    let after_adjuncts = rest > after + 1 && crate::segment::doubled_apostrophe(text, toks, rest);
    let adjunct = rest > after + 1 && !after_adjuncts && set_off(text, toks, lo, c);
    if (rest != after + 1 && !after_adjuncts && !adjunct) || !toks[rest - 1].is_text(text, ",") {
        return None;
    }
    let (b, m) = speaker_start(text, toks, lo, c);
    // (a quotation in doubled apostrophes after the cue goes on one closed before the
    // speaker, not words of the writer's: "Last year, Mr. Trump said, ''I'd like …''")
    let quoted_rest = quotation_opens_sentence(text, toks, rest);
    if m == b
        || m < lo + 3
        || !comma_before(text, toks, lo, m)
        || ((after_adjuncts || quoted_rest) && !toks[m - 1].is_text(text, "'"))
    {
        return None;
    }
    let from = opening_after_break(text, toks, lo, m);
    // (up to the comma; "''…,'' Mr. Garin said, ''…''" in an archive's doubled apostrophes)
    let r = from..match toks[m - 1].text(text) {
        "," => m - 1,
        "'" => m - 3,
        _ => m,
    };
    let words = toks[r.clone()]
        .iter()
        .filter(|t| t.kind == Tok::Word)
        .count();
    (words >= 2).then_some(r)
}

/// Where the speaker of cue `c` starts, before the cue's auxiliaries, read back from the
/// cue to the sentence start `lo` over at most ten words of a mention. Both are returned, the cue's start first (equal when no mention stands before it).
fn speaker_start(text: &str, toks: &[Token], lo: usize, c: CueHit) -> (usize, usize) {
    let mut b = c.tok;
    while b > lo && is_aux_token(text, &toks[b - 1]) {
        b -= 1;
    }
    (b, mention_start(text, toks, lo, b, 10))
}

/// Whether the attribution of cue `c`, with an adjunct after it, is set off by commas inside
/// the clause it reports: a speaker after a comma and at least two words into a sentence
/// that opens with its subject, no relative pronoun before the cue, and an adjunct's
/// preposition or time word right after it ("The plan, she said on Tuesday, is dead"; not
/// "She said Tuesday, …", "In 2008, he complained bitterly about …", "Emanuel, an
/// oncologist who advised Obama on …, said").
pub(crate) fn set_off(text: &str, toks: &[Token], lo: usize, c: CueHit) -> bool {
    let (b, m) = speaker_start(text, toks, lo, c);
    let opener = |t: &Token| {
        in_lower_class(text, t, Class::AdjunctOpeners)
            || in_lower_class(text, t, Class::Subordinators)
    };
    let after = toks.get(c.tok + c.len);
    m < b
        && m >= lo + 3
        && comma_before(text, toks, lo, m)
        && !opener(&toks[lo])
        && !toks[m..b]
            .iter()
            .any(|t| t.is(Class::SpeakerRelativeOpeners))
        && after.is_some_and(|t| in_lower_class(text, t, Class::AdjunctOpeners))
}

/// Whether doubled apostrophes at `i` open a quotation that begins a sentence of its own:
/// its first word capitalised, and not a title ("''An American Son''").
pub(crate) fn quotation_opens_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    if !crate::segment::doubled_apostrophe(text, toks, i) {
        return false;
    }
    let close = (i + 2..toks.len())
        .find(|&k| crate::segment::doubled_apostrophe(text, toks, k))
        .unwrap_or(toks.len());
    let inside = &toks[i + 2..close];
    inside
        .first()
        .is_some_and(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
        && !title_case(text, inside)
}

/// Where a clause reported before its speaker at `m` opens in a sentence from `lo`: after
/// the last dash, semicolon or colon before it (not one of a pair of dashes setting off an
/// aside), past a joining "and" or "but": "He had a rally that night - and the permit, his
/// campaign said, had been hard to get".
pub(crate) fn opening_after_break(text: &str, toks: &[Token], lo: usize, m: usize) -> usize {
    let is_break = |k: usize| breaks_at(text, toks, k) || toks[k].is_text(text, ":");
    // (inside a quotation in doubled apostrophes they are the speaker's own)
    if crate::segment::doubled_apostrophe(text, toks, lo) {
        return lo;
    }
    let Some(k) = (lo..m).rev().find(|&k| is_break(k)) else {
        return lo;
    };
    let joined = toks
        .get(k + 1)
        .is_some_and(|t| matches!(t.text(text), "and" | "but"));
    if !joined
        && (lo..k).any(|j| breaks_at(text, toks, j) && toks[j].text(text) == toks[k].text(text))
    {
        return lo;
    }
    let mut from = k + 1;
    while from + 1 < m && matches!(toks[from].text(text), "and" | "but") {
        from += 1;
    }
    from
}

/// Where the clause holding the verb at `b` begins, for an attribution that names no one
/// ("…, which is expected to draw …", "… and Sanders seemed to …"): after the last comma,
/// dash or word that joins clauses (`reported_clause_links`: "that", "and", "but", …)
/// before it, or at the sentence start `lo`.
pub(crate) fn clause_start(text: &str, toks: &[Token], lo: usize, b: usize) -> usize {
    (lo..b)
        .rev()
        .find(|&i| {
            let w = toks[i].text(text);
            w == "," || is_dash(w) || Class::ReportedClauseLinks.contains(w)
        })
        .map_or(lo, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::reported::test_support::toks;

    #[test]
    fn no_dash_of_the_list_is_one_byte() {
        // (`breaks_at` reads a one-byte mark without the list)
        assert!(Class::LinkDashes.words().all(|d| d.len() > 1));
    }

    #[test]
    fn a_clause_goes_on_after_but_with_also_that_or_an_auxiliary() {
        for (text, goes_on) in [
            ("but also hungry for more", true),
            ("but that he would run", true),
            ("but would eventually add", true),
            ("but analysts agreed", false),
            ("but that was all", false),
        ] {
            let all = toks(text);
            assert_eq!(report_goes_on(text, &all, 1), goes_on, "{text}");
        }
    }

    #[test]
    fn the_hearer_of_told() {
        let text = "told CNN's Jake Tapper that he would run";
        let all = toks(text);
        assert_eq!(told_object(text, &all, 1, all.len()), 4);
        let text = "told reporters the plan failed";
        let all = toks(text);
        assert_eq!(told_object(text, &all, 1, all.len()), 2);
        assert_eq!(told_object(text, &all, 1, 1), 1, "no room, no hearer");
    }

    #[test]
    fn breaks_and_commas() {
        let text = "attacks -- accusations; a - b, c";
        let all = toks(text);
        assert!(breaks_at(text, &all, 1));
        assert!(breaks_at(text, &all, 3));
        assert!(breaks_at(text, &all, 5), "a hyphen between spaces");
        assert_eq!(next_comma(text, &all, 0, all.len()), 1);
        assert_eq!(next_comma(text, &all, 6, all.len()), 7);
    }

    #[test]
    fn the_start_of_a_clause_that_names_no_one() {
        let text = "The final is in Chicago, which is expected to draw";
        let all = toks(text);
        let is = 7;
        assert_eq!(all[is].text(text), "is");
        assert_eq!(clause_start(text, &all, 0, is), 7);
        assert_eq!(clause_start(text, &all, 0, 2), 0);
    }

    #[test]
    fn an_apposed_subject_is_no_reported_clause() {
        let text = "Ada Fisher, a member of the committee, said";
        let all = toks(text);
        let said = all.len() - 1;
        assert!(apposed_subject(text, &all, 0, said));
        let text = "In politics, nothing is certain, he said";
        let all = toks(text);
        assert!(!apposed_subject(text, &all, 0, all.len() - 2));
    }

    #[test]
    fn the_opening_after_a_break() {
        let text = "He had a rally that night - and the permit, his campaign said, was late";
        let all = toks(text);
        let his = all.iter().position(|t| t.is_text(text, "his")).unwrap();
        let the = all.iter().position(|t| t.is_text(text, "the")).unwrap();
        assert_eq!(opening_after_break(text, &all, 0, his), the);
    }

    #[test]
    fn a_word_before_is_never_a_comma() {
        // (the gate on a word token against the marks' own reading, at every token of
        // text with commas, apostrophes and quotations in all their shapes)
        for text in [
            "''The scale is enormous,'' said Matt Baker, 'old-school,''' he said",
            "“the woman is a victim,” it said, and \"so,\" Smith's aide added ' said",
            "“Yes,” “no,”” said “it,’” he said “ok” said",
            "Rock 'n' roll, y'all ' , '' ,' ', ''' said, 5,000 ,said I,' ok' said",
            "« non, » a-t-il dit, ‘yes,’ she said, it’s ’ , said O'Brien' said",
        ] {
            // (once as plain tokens, once with each “…” a quotation token)
            let mut quotes = Vec::new();
            let mut from = 0;
            while let Some(a) = text[from..].find('“').map(|a| from + a)
                && let Some(z) = text[a..].find('”').map(|z| a + z + '”'.len_utf8())
            {
                let span = crate::model::Span { start: a, end: z };
                quotes.push((quotes.len(), span));
                from = z;
            }
            let whole = crate::model::Span {
                start: 0,
                end: text.len(),
            };
            let quoted = crate::segment::tokens(text, whole, &quotes);
            for all in [toks(text), quoted] {
                for i in 0..=all.len() {
                    for lo in [0, i.saturating_sub(3)] {
                        let slow = i > lo && mark_before(text, &all, lo, i);
                        assert_eq!(comma_before(text, &all, lo, i), slow, "{text} at {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_comma_before_in_doubled_apostrophes() {
        let text = "''The scale is enormous,'' said Matt Baker";
        let all = toks(text);
        let said = all.iter().position(|t| t.is_text(text, "said")).unwrap();
        assert!(comma_before(text, &all, 0, said));
        assert!(!comma_before(text, &all, 0, said + 1));
        let text = "''Do you want that?'' said Zeynep Tufekci";
        let all = toks(text);
        let said = all.iter().position(|t| t.is_text(text, "said")).unwrap();
        assert!(comma_before(text, &all, 0, said));
    }
}
