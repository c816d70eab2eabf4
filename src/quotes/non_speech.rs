//! Is a quotation speech? The rules that say it is not — a nickname inside a name, the title
//! of a work, a short term held at a distance, a label — in one ordered table, [`RULES`]:
//! the first that holds gives the kind.

use std::cell::OnceCell;

use crate::grammar::{Toks, possessive};
use crate::lexicon::Class;
use crate::model::{NonSpeechKind, Span};
use crate::segment::{APOSTROPHES, Tok, Token, is_capitalized};

/// What the rules see of a quotation: the token view at it (the token before it and after
/// it are its neighbours), its words, and whether a cue governs it.
struct Quotation<'a> {
    at: Toks<'a>,
    /// The quoted words, as written.
    inner: &'a str,
    /// The first quoted words, without the punctuation around each, and how many
    /// (`WORDS_READ` for a quotation of more), split when a rule first asks: no rule reads
    /// past the [`WORDS_READ`]th (a title has at most ten), so a long quotation is not split
    /// to its end, and most quotations are decided on their first word or two
    /// ([`title_shaped`] reads them one by one).
    first_words: OnceCell<([&'a str; WORDS_READ], usize)>,
    /// Whether its first words are in title case ([`title_shaped`]), read when a rule
    /// first asks: two rules ask it, one of them twice.
    shaped: OnceCell<bool>,
    attributed: bool,
}

/// How many of a quotation's words the rules read: one more than a title's ten, so that
/// "more than ten" is known.
const WORDS_READ: usize = 11;

impl<'a> Quotation<'a> {
    fn new(text: &'a str, toks: &'a [Token], qi: usize, inner: Span, attributed: bool) -> Self {
        Quotation {
            at: Toks::new(text, toks, qi, toks.len()),
            inner: &text[inner.start..inner.end],
            first_words: OnceCell::new(),
            shaped: OnceCell::new(),
            attributed,
        }
    }

    /// [`title_shaped`] of the quotation, read once.
    fn title_shaped(&self) -> bool {
        *self.shaped.get_or_init(|| title_shaped(self))
    }

    /// The quotation's words, the first [`WORDS_READ`] of them.
    fn words(&self) -> &[&'a str] {
        let (words, n) = self.first_words.get_or_init(|| {
            let mut words = [""; WORDS_READ];
            let n = first_words_into(self.inner, &mut words);
            (words, n)
        });
        &words[..*n]
    }

    fn prev(&self) -> Option<&'a Token> {
        self.at.before()
    }

    fn prev2(&self) -> Option<&'a Token> {
        self.back(2)
    }

    /// The token `k` places before the quotation (`back(1)` is the one before it).
    fn back(&self, k: usize) -> Option<&'a Token> {
        self.at.lo.checked_sub(k).and_then(|k| self.at.all.get(k))
    }

    fn next(&self) -> Option<&'a Token> {
        self.at.peek(1)
    }

    fn ends_like_speech(&self) -> bool {
        self.inner.ends_with([',', '.', '?', '!'])
    }

    fn capitalised_word(&self, t: Option<&Token>) -> bool {
        t.is_some_and(|t| t.kind == Tok::Word && is_capitalized(self.at.word(t)))
    }
}

/// The first words of `inner` into `out` (as many as it holds), and how many: the words
/// between white space (`char::is_whitespace`), without the characters that are no letter or
/// digit around each, the empty left out — `split_whitespace` and `trim_matches`, read byte
/// by byte where the text is ASCII.
fn first_words_into<'a>(inner: &'a str, out: &mut [&'a str]) -> usize {
    let mut n = 0;
    for (slot, w) in out.iter_mut().zip(words_of(inner)) {
        *slot = w;
        n += 1;
    }
    n
}

/// The words of `inner`, one by one, as [`first_words_into`] finds them.
fn words_of(inner: &str) -> impl Iterator<Item = &str> {
    let b = inner.as_bytes();
    let space_at = move |i: usize| space_at(inner, i);
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            while i < b.len() {
                match space_at(i) {
                    (true, len) => i += len,
                    _ => break,
                }
            }
            if i == b.len() {
                return None;
            }
            let start = i;
            while i < b.len() {
                match space_at(i) {
                    (false, len) => i += len,
                    _ => break,
                }
            }
            let w = &inner[start..i];
            // (a word that opens and ends with an ASCII letter or digit has nothing to trim)
            let (first, last) = (w.as_bytes()[0], w.as_bytes()[w.len() - 1]);
            let w = if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() {
                w
            } else {
                w.trim_matches(|c: char| !c.is_alphanumeric())
            };
            if !w.is_empty() {
                return Some(w);
            }
        }
    })
}

/// Whether the character at byte `i` of `s` is white space, and its length: ASCII read byte
/// by byte, only other characters decoded.
#[inline(always)]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        c if c.is_ascii() => (c == b' ' || (b'\t'..=b'\r').contains(&c), 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// A rule: whether the quotation is not speech in the rule's way.
type NonSpeechRule = fn(&Quotation) -> bool;

/// The rules, in order (the first that holds gives the kind): a nickname before a title (a
/// capitalised word between two names is a nickname, whatever it says), a title before a
/// term (“The Art of the Deal” is a title even when nothing attributes it).
const RULES: &[(&str, NonSpeechKind, NonSpeechRule)] = &[
    ("nickname", NonSpeechKind::Nickname, nickname),
    ("title of a work", NonSpeechKind::Title, title),
    (
        "title set off after a work",
        NonSpeechKind::Title,
        titled_apposition,
    ),
    ("named thing", NonSpeechKind::Title, named_thing),
    ("unattributed term", NonSpeechKind::Term, unattributed_term),
    ("label", NonSpeechKind::Term, label),
];

/// Whether the quotation at token `qi` of a paragraph is not speech: a nickname inside a
/// name, the title of a work, or (when nothing attributes it) a short term held at a
/// distance. `attributed` says whether a cue governs it.
pub(crate) fn non_speech_kind(
    text: &str,
    toks: &[Token],
    qi: usize,
    inner: Span,
    attributed: bool,
) -> Option<NonSpeechKind> {
    let q = Quotation::new(text, toks, qi, inner, attributed);
    // (words voiced, characterising or naming are someone's words, unless they are the
    // proper name of a thing: the bill, known as the “Justice Against Sponsors of Terrorism Act”)
    if voiced(&q) || (characterising(&q) || named_by(&q)) && !named_thing(&q) {
        return None;
    }
    RULES
        .iter()
        .find(|(_, _, rule)| rule(&q))
        .map(|&(_, kind, _)| kind)
}

/// A stage direction of a transcript, the whole of a quotation: a few words in parentheses
/// or brackets that open with a word of the stage, “(CROSSTALK.)”, “(Laughter)”, “[inaudible]”. Not words said, even where the
/// quotation continues the previous paragraph's.
pub(crate) fn stage_direction(inner: &str) -> bool {
    let t = inner.trim().trim_end_matches('.');
    let body = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|t| t.strip_suffix(']')));
    body.is_some_and(|b| {
        let first = b.split_whitespace().next().unwrap_or("");
        let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
        !b.contains(['(', ')', '[', ']'])
            && b.split_whitespace().count() <= 5
            && Class::QuotesStageDirections.contains(&first.to_lowercase())
    })
}

/// Whether the quotation at token `qi` is joined to the one at token `prev` as the next item
/// of one list — only "and", "or", commas and determiners between them: gone after Trump as a
/// “human leech who will bleed the country” and a “spoiled brat.”
pub(crate) fn coordinated(text: &str, toks: &[Token], prev: usize, qi: usize) -> bool {
    let Some(between) = toks.get(prev + 1..qi) else {
        return false;
    };
    let at = Toks::new(text, toks, 0, toks.len());
    let joiner = |t: &Token| t.is(Class::QuotesCoordinators);
    between.iter().any(joiner)
        && between
            .iter()
            .all(|t| joiner(t) || t.is(Class::Determiners) || at.word(t) == ",")
}

/// Words voiced after a word of chanting, shouting or crying (or its noun and "of"), which
/// are words said whatever their shape: the crowd chanted, “Build the wall!”; chants of
/// “Trump, Trump, Trump”.
fn voiced(q: &Quotation) -> bool {
    let voice = |t: Option<&Token>| t.is_some_and(|t| t.is(Class::QuotesVoiceWords));
    let link = q.prev().is_some_and(|t| {
        let w = q.at.word(t);
        w == "," || w == ":" || t.is(Class::QuotesVoiceLinks)
    });
    voice(q.prev()) || link && voice(q.prev2())
}

/// Words that characterise something after a verb phrase, "as" and an optional article:
/// the characteriser's words whatever their length. Christie described Clinton as a
/// “disgrace”; pounding Trump as a “con artist”. Not where "as" opens a phrase of its own (As
/// the “Never Trump” movement grows), not an example (no such thing as “the sharing
/// economy”), not a modifier of the noun after it (as the “establishment” candidate).
fn characterising(q: &Quotation) -> bool {
    let a = if q.prev().is_some_and(|t| t.is(Class::Determiners)) {
        2
    } else {
        1
    };
    let example =
        (a + 1..=a + 2).any(|k| q.back(k).is_some_and(|t| t.is(Class::QuotesExampleLeads)));
    let modifier = !q.ends_like_speech()
        && q.next().is_some_and(|t| {
            let ends_phrase = [
                Class::FunctionWords,
                Class::Subordinators,
                Class::AdjunctOpeners,
            ]
            .into_iter()
            .any(|c| t.is(c));
            t.kind == Tok::Word && !is_capitalized(q.at.word(t)) && !ends_phrase
        });
    q.back(a).is_some_and(|t| t.is(Class::QuotesCharacterising))
        && q.back(a + 1).is_some_and(|t| t.kind == Tok::Word)
        && !example
        && !modifier
}

/// Words a naming verb puts in its subject's mouth, with up to two words (its object) and an
/// article between: Cruz called Trump a “pathological liar”; what he calls “hell”. Not the
/// writer's distance (the so-called “rebels”), not a work's title (a film called “Vice”).
fn named_by(q: &Quotation) -> bool {
    let skip = usize::from(q.prev().is_some_and(|t| t.is(Class::Determiners)));
    let verb = (1 + skip..=3 + skip).find(|&k| {
        q.back(k).is_some_and(|t| t.is(Class::QuotesNamingWords))
            && (1 + skip..k).all(|j| q.back(j).is_some_and(|t| t.kind == Tok::Word))
    });
    verb.is_some_and(|k| {
        !(k..=k + 2).any(|j| q.back(j).is_some_and(|t| t.is(Class::QuotesDistancing)))
            && !q.back(k + 1).is_some_and(|t| t.is(Class::QuotesWorks))
    }) && !title_context(q)
}

/// One or two words between two capitalised words, not ending like speech:
/// Gen. Austin “Scott” Miller.
fn nickname(q: &Quotation) -> bool {
    // (its neighbours first: the words are split only between two capitalised words)
    q.capitalised_word(q.prev())
        && q.capitalised_word(q.next())
        && !q.ends_like_speech()
        && q.words().len() <= 2
}

/// Up to ten words in title case with no full stop inside, either where a title stands
/// ([`title_context`]) or, unattributed, of several words or not ending like speech:
/// He appeared on “Fox & Friends” on Monday.
fn title(q: &Quotation) -> bool {
    // (where it stands first, read off the tokens beside it: the words of an attributed
    // quotation are read for title case only where a title stands)
    (title_context(q) || !q.attributed && (!q.ends_like_speech() || q.words().len() >= 2))
        && q.title_shaped()
}

/// Up to ten words in title case (small words aside) with no full stop inside.
fn title_shaped(q: &Quotation) -> bool {
    if opens_in_lower_case(q.inner) {
        return false;
    }
    // (the words one by one, to the first that is not in title case: most quotations are
    // decided on their first word or two, and not split further)
    let mut n = 0;
    for w in words_of(q.inner).take(WORDS_READ) {
        let fits = is_capitalized(w)
            || (n > 0
                && (Class::QuotesTitleSmallWords.contains(w)
                    || w.starts_with(|c: char| c.is_ascii_digit())));
        if !fits {
            return false;
        }
        n += 1;
    }
    let title_case = (1..=10).contains(&n);
    // (the quotation's text is read for a stop only when its first words are in title
    // case: most are not, and a long one has more than ten words)
    let internal_stop = || {
        q.inner
            .trim_end_matches(['.', ',', '!', '?', ';', ':'])
            .contains(['.', '!', '?', ';'])
    };
    title_case && !internal_stop()
}

/// Whether the first word of `inner` (as [`words_of`] finds it) surely does not open in
/// upper case: the first letter or digit of `inner` is an ASCII lower-case letter or a digit
/// (read byte by byte up to it; a character not ASCII before it leaves it to the words).
fn opens_in_lower_case(inner: &str) -> bool {
    for &c in inner.as_bytes() {
        if !c.is_ascii() {
            return false;
        }
        if c.is_ascii_alphanumeric() {
            return !c.is_ascii_uppercase();
        }
    }
    false
}

/// A name in title case whose last word is a named thing (a forum, an act, an award), not
/// ending like speech: during a “Commander-in-Chief Forum” sponsored by NBC News.
fn named_thing(q: &Quotation) -> bool {
    // (title case first: it is decided on the first word or two, and most quotations are
    // not in it, while the last word asks for all the words up to it)
    !q.ends_like_speech()
        && q.title_shaped()
        && q.words().len() >= 2
        && q.words()
            .last()
            .is_some_and(|w| Class::QuotesNameHeads.contains(w))
}

/// A title in any case, set off by a comma after a word for a work that a name possesses:
/// Ouisa Davis' commentary, “Melania, tell your immigrant story,” is very thoughtful.
fn titled_apposition(q: &Quotation) -> bool {
    let owner = q.at.lo.checked_sub(3).map(|k| q.at.from(k));
    q.prev().is_some_and(|t| q.at.word(t) == ",")
        && q.prev2().is_some_and(|t| t.is(Class::QuotesWorks))
        && owner.is_some_and(|o| possessive(o).is_ok())
}

/// Where a title stands: after a possessive (Fox News’s “Hannity”), after a word for a work
/// (the film “Vice”, the film, “Vice”, his favorite book is “Dune”, an album called “Salt”), after a preposition or "told" (on “Hannity”), or
/// before a word for what a work has, or a modifier and that word (“Apprentice” star,
/// “The Apprentice” TV show).
fn title_context(q: &Quotation) -> bool {
    let prev_word = q.prev().map_or("", |t| q.at.word(t));
    let possessive =
        prev_word.ends_with(['s', 'S']) && prev_word[..prev_word.len() - 1].ends_with(APOSTROPHES);
    let is = |t: Option<&Token>, c: Class| t.is_some_and(|t| t.is(c));
    possessive
        || is(q.prev(), Class::QuotesWorks)
        || (prev_word == "," && is(q.prev2(), Class::QuotesWorks))
        || (is(q.prev(), Class::QuotesTitleLinks) && is(q.prev2(), Class::QuotesWorks))
        || is(q.prev(), Class::QuotesTitleLeads)
        || is(q.next(), Class::QuotesTitleFollowers)
        || (!q.ends_like_speech()
            && q.next()
                .is_some_and(|t| t.kind == Tok::Word && !t.is(Class::Determiners))
            && is(q.at.peek(2), Class::QuotesTitleFollowers))
}

/// Up to four words that no cue governs: a term held at a distance. The move was a “nuclear
/// option” for some. (Not a quotation that stands alone as a sentence: that is
/// speech nobody is named for, [`stands_alone`].)
fn unattributed_term(q: &Quotation) -> bool {
    !q.attributed && q.words().len() <= 4 && !stands_alone(q)
}

/// A quotation that is a sentence of its own, ending like one: “Where?” / “I don't see
/// him!” (after nothing or a sentence's end, before nothing or a new sentence).
fn stands_alone(q: &Quotation) -> bool {
    let stop = |t: &Token| t.kind == Tok::Punct && q.at.word(t).ends_with(['.', '?', '!']);
    q.inner.ends_with(['.', '?', '!'])
        && q.prev().is_none_or(stop)
        && q.next()
            .is_none_or(|t| stop(t) || q.capitalised_word(Some(t)))
}

/// One word and a colon: a label, not words said. “Related:” Trump's new plan.
fn label(q: &Quotation) -> bool {
    q.inner.ends_with(':') && q.words().len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NonSpeechKind::*;
    use crate::segment::{paragraphs, tokens};

    /// The kind of the (first) quotation of `text`, one paragraph.
    #[track_caller]
    fn kind(text: &str, attributed: bool) -> Option<NonSpeechKind> {
        let paras = paragraphs(text);
        let (parts, _) = super::super::find(text, &paras, &[], true);
        let quotes: Vec<(usize, Span)> = parts.iter().map(|p| p.outer).enumerate().collect();
        let toks = tokens(text, paras[0], &quotes);
        let qi = toks.iter().position(|t| t.kind == Tok::Quote(0)).unwrap();
        non_speech_kind(text, &toks, qi, parts[0].inner, attributed)
    }

    /// Every quotation of `texts` (none attributed) is speech.
    #[track_caller]
    fn all_speech(texts: &[&str]) {
        for text in texts {
            assert_eq!(kind(text, false), None, "{text}");
        }
    }

    /// No quotation of `texts` (none attributed) is speech.
    #[track_caller]
    fn none_speech(texts: &[&str]) {
        for text in texts {
            assert!(kind(text, false).is_some(), "{text}");
        }
    }

    #[test]
    fn the_first_words_are_those_split_at_white_space_and_trimmed() {
        for inner in [
            "We will win,” he said — “again.",
            "  “Build\u{a0}the wall!”\u{2009}now\t(and)  ... ’tis",
            "one two three four five six seven eight nine ten eleven twelve",
            "",
            " ,, ",
        ] {
            let mut got = [""; WORDS_READ];
            let n = first_words_into(inner, &mut got);
            let want: Vec<&str> = inner
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .take(WORDS_READ)
                .collect();
            assert_eq!(&got[..n], &want[..], "{inner:?}");
        }
    }

    #[test]
    fn a_quotation_standing_alone_is_speech() {
        assert_eq!(kind("“Where?”", false), None);
        assert_eq!(
            kind("They ran. “I don't see him!” Nobody answered.", false),
            None
        );
        assert_eq!(kind("It was a “big win” for him.", false), Some(Term));
    }

    #[test]
    fn a_title_after_a_work_and_a_link() {
        let text = "His favorite book is “The Old Man and the Sea,” and he reads it.";
        assert_eq!(kind(text, true), Some(Title));
        assert_eq!(
            kind("He made an album called “Salt and Stone” last year.", true),
            Some(Title)
        );
    }

    /// The names of the rules that hold for the (first) quotation of `text`.
    fn rules(text: &str, attributed: bool) -> Vec<&'static str> {
        let paras = paragraphs(text);
        let (parts, _) = super::super::find(text, &paras, &[], true);
        let quotes: Vec<(usize, Span)> = parts.iter().map(|p| p.outer).enumerate().collect();
        let toks = tokens(text, paras[0], &quotes);
        let qi = toks.iter().position(|t| t.kind == Tok::Quote(0)).unwrap();
        let q = Quotation::new(text, &toks, qi, parts[0].inner, attributed);
        RULES
            .iter()
            .filter(|(_, _, rule)| rule(&q))
            .map(|&(name, _, _)| name)
            .collect()
    }

    #[test]
    fn a_nickname_between_names() {
        assert_eq!(
            kind("Gen. Austin “Scott” Miller spoke.", true),
            Some(Nickname)
        );
        assert_eq!(
            rules("Gen. Austin “Scott” Miller spoke.", true)[0],
            "nickname"
        );
    }

    #[test]
    fn a_title_in_title_case() {
        assert_eq!(
            kind("He appeared on “Fox & Friends” on Monday.", true),
            Some(Title)
        );
        assert_eq!(
            kind("She read “The Art of the Deal” twice.", false),
            Some(Title)
        );
        assert_eq!(
            kind("He wrote “The Art of the Deal.” Then left.", false),
            Some(Title)
        );
        // (attributed and out of a title's place, it is speech)
        assert_eq!(kind("“Never Again,” he said.", true), None);
    }

    #[test]
    fn where_a_title_stands() {
        for text in [
            "Fox News’s “Hannity” aired.",
            "the film “Vice” opened.",
            "the film, “Vice” opened.",
            "He told “Meet the Press” no.",
            "the “Apprentice” star said.",
        ] {
            assert_eq!(kind(text, true), Some(Title), "{text}");
        }
    }

    #[test]
    fn a_title_before_a_modified_word_for_a_work() {
        for text in [
            "callers to his “Keepin' It Real” radio program said so.",
            "offices for “The Apprentice” TV show, he said.",
        ] {
            assert_eq!(kind(text, true), Some(Title), "{text}");
        }
        // (a word of saying after the modifier is no work; speech before a determiner)
        assert_eq!(kind("“We Will Win” she said loudly.", true), None);
        assert_eq!(kind("“We Will Win,” the actor said.", true), None);
    }

    #[test]
    fn a_named_thing_in_title_case() {
        let text = "during a “Commander-in-Chief Forum” sponsored by NBC News, she said.";
        assert_eq!(rules(text, true), ["named thing"]);
        // (ending like speech, or one word, it may be words said)
        assert_eq!(kind("“Join the Forum,” she said.", true), None);
        assert_eq!(kind("He said “Forum” twice.", true), None);
    }

    #[test]
    fn title_and_named_thing_hold_as_their_rules_first_read() {
        // (the rules as first written: title case first, each call reading it again)
        let title_first = |q: &Quotation| {
            title_shaped(q)
                && (title_context(q)
                    || !q.attributed && (q.words().len() >= 2 || !q.ends_like_speech()))
        };
        let named_first = |q: &Quotation| {
            !q.ends_like_speech()
                && q.words().len() >= 2
                && q.words()
                    .last()
                    .is_some_and(|w| Class::QuotesNameHeads.contains(w))
                && title_shaped(q)
        };
        let (mut titles, mut named) = (0, 0);
        for text in [
            "during a “Commander-in-Chief Forum” sponsored by NBC News, she said.",
            "He appeared on “Fox & Friends” on Monday.",
            "Fox News’s “Hannity” aired, and the film “Vice” won.",
            "“Join the Forum,” she said. He said “Forum” twice.",
            "The move was a “nuclear option” for some, “The Art of the Deal” says.",
            "“We Will Win.” “The End Of Days Act” passed. “Where?”",
            "the “Justice Against Sponsors of Terrorism Act” and “Apprentice” star",
        ] {
            let paras = paragraphs(text);
            let (parts, _) = super::super::find(text, &paras, &[], true);
            let quotes: Vec<(usize, Span)> = parts.iter().map(|p| p.outer).enumerate().collect();
            let toks = tokens(text, paras[0], &quotes);
            for (k, part) in (0u32..).zip(&parts) {
                let Some(qi) = toks.iter().position(|t| t.kind == Tok::Quote(k)) else {
                    continue;
                };
                for attributed in [false, true] {
                    let q = Quotation::new(text, &toks, qi, part.inner, attributed);
                    let fresh = Quotation::new(text, &toks, qi, part.inner, attributed);
                    assert_eq!(title(&q), title_first(&fresh), "{text:?} {k}");
                    assert_eq!(named_thing(&q), named_first(&fresh), "{text:?} {k}");
                    titles += usize::from(title(&q));
                    named += usize::from(named_thing(&q));
                }
            }
        }
        assert!(titles >= 4 && named >= 2, "{titles} {named}");
    }

    #[test]
    fn a_title_set_off_after_a_possessed_work() {
        let text = "Ouisa Davis' commentary, “Melania, tell your immigrant story,” is thoughtful.";
        assert_eq!(rules(text, true), ["title set off after a work"]);
        assert_eq!(kind(text, true), Some(Title));
        // (no possessor: in a column, words may be quoted)
        let text = "In his column, “we must act now,” Smith wrote.";
        assert_eq!(kind(text, true), None);
    }

    #[test]
    fn quotations_of_one_list() {
        let text =
            "He called Trump a “human leech who bleeds us” and a “spoiled brat.” Then, “no.”";
        let paras = paragraphs(text);
        let (parts, _) = super::super::find(text, &paras, &[], true);
        let quotes: Vec<(usize, Span)> = parts.iter().map(|p| p.outer).enumerate().collect();
        let toks = tokens(text, paras[0], &quotes);
        let q: Vec<usize> = (0..3)
            .map(|k| toks.iter().position(|t| t.kind == Tok::quote(k)).unwrap())
            .collect();
        assert!(coordinated(text, &toks, q[0], q[1]));
        assert!(!coordinated(text, &toks, q[1], q[2]));
    }

    #[test]
    fn stage_directions() {
        for inner in [
            "(CROSSTALK.)",
            "(Laughter)",
            "[inaudible]",
            "(BEGIN VIDEO CLIP).",
        ] {
            assert!(stage_direction(inner), "{inner}");
        }
        for inner in [
            "(I was there.) And I saw it.",
            "(1)",
            "We (the people) said no.",
            "(Link zum Post)",
        ] {
            assert!(!stage_direction(inner), "{inner}");
        }
    }

    #[test]
    fn characterising_words_are_speech() {
        all_speech(&[
            "Reid has been pounding Trump as a “con artist” since May.",
            "Christie described Clinton as a “disgrace” after the debate.",
            "Manafort dismissed the whole kerfuffle as “absurd.” Then he left.",
        ]);
        none_speech(&[
            "They searched for words such as “ambassador” in the files.",
            "There is no such thing as “the sharing economy.” Uber disagrees.",
            "As the “Never Trump” movement grows, he waits.",
            "Rubio, as the “establishment” candidate, did best.",
            "The bill, known as the “Justice Against Sponsors of Terrorism Act” passed.",
        ]);
    }

    #[test]
    fn named_words_are_speech() {
        all_speech(&[
            "I'd rather live in what he calls “hell” than here.",
            "Cruz called Trump a “pathological liar” who lies.",
            "Trump called the senator a “nasty guy” on Monday.",
        ]);
        none_speech(&[
            "He gave weapons to the so-called “rebels” there.",
            "They staged a play called “Los Hijos” in May.",
        ]);
    }

    #[test]
    fn chanted_words_are_speech() {
        all_speech(&[
            "Some chanted “USA! USA!” outside.",
            "He was greeted with chants of “Bobby!” at a conference.",
            "It was met with chants of “Trump, Trump, Trump” and boos.",
            "Fans also chanted, “Build a wall,” at the game.",
        ]);
        // (without a word of voicing, the same words are a term and a title)
        assert_eq!(
            kind("It was met with “Trump, Trump, Trump” and boos.", false),
            Some(Title)
        );
    }

    #[test]
    fn an_unattributed_term() {
        assert_eq!(
            kind("The move was a “nuclear option” for some.", false),
            Some(Term)
        );
        assert_eq!(
            kind("The move was a “nuclear option” for some.", true),
            None
        );
        // (named so by someone, the words are theirs)
        assert_eq!(
            kind("The move was called a “nuclear option” by some.", false),
            None
        );
    }

    #[test]
    fn a_label() {
        assert_eq!(rules("“Related:” Trump's new plan.", true), ["label"]);
        assert_eq!(kind("“Related:” Trump's new plan.", true), Some(Term));
    }

    #[test]
    fn speech_is_none_of_these() {
        assert_eq!(kind("“We will win this fight,” she said.", true), None);
        assert_eq!(kind("She said “we will win this fight.”", false), None);
    }
}
