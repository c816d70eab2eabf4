//! The sentence splitter: which token ends a sentence ([`Splitter::ends`]: a full stop, a
//! quotation that ends with one, an abbreviation before a word that opens a sentence), then
//! where the sentence ends after it ([`CLOSINGS`], in order), and the quotations in doubled
//! apostrophes that hold a sentence together with its attribution.

use super::{Tok, Token, is_capitalized};
use crate::lexicon::{Class, LEXICON};
use crate::model::Span;

/// The most tokens a sentence holds (a page of comments run together is cut into pieces
/// of this size), and the most a quotation in doubled apostrophes keeps in one sentence.
const MAX_SENTENCE: usize = 1000;
const MAX_QUOTED: usize = 300;

/// The punctuation that ends a sentence.
pub(super) const FULL_STOPS: [char; 3] = ['.', '?', '!'];

/// Whether `w` is one of [`FULL_STOPS`].
fn is_full_stop(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if FULL_STOPS.contains(&c))
}

/// What the splitter reads: the paragraph's tokens, its quotations in doubled apostrophes,
/// and the inner text of each quotation token.
struct Splitter<'a> {
    text: &'a str,
    toks: &'a [Token],
    inside: Vec<(usize, usize)>,
    quote_inner: &'a dyn Fn(usize) -> Span,
}

/// Where a sentence that ends at token `i` closes (the index after its last token), if the
/// rule holds.
type Closing = fn(&Splitter, usize) -> Option<usize>;

/// Where a sentence closes after the token that ends it, in order: the next token opens a
/// sentence; doubled apostrophes close a quotation ("… it got bad.'' We kept …"); a
/// bracket closes an aside ("(Oh hey there, Olivia Pope.) Next …").
const CLOSINGS: &[(&str, Closing)] = &[
    ("the next token opens a sentence", next_opens),
    ("doubled apostrophes close it", closing_apostrophes),
    ("a bracket closes it", closing_bracket),
];

/// Split a paragraph's tokens into sentences, as ranges of token indices.
/// `quote_inner` gives the inner span of a quotation, to see whether it ends a sentence.
/// (The pipeline reuses its lists: [`sentences_into`].)
#[cfg(test)]
pub(crate) fn sentences(
    text: &str,
    toks: &[Token],
    quote_inner: impl Fn(usize) -> Span,
) -> Vec<std::ops::Range<usize>> {
    sentences_into(text, toks, true, None, quote_inner, Vec::new())
}

/// [`sentences`], written into `out` (emptied first): a list kept from an earlier
/// paragraph serves again, without allocating. `doubled`: whether the document holds two
/// apostrophes in a row anywhere (`has_doubled`, asked once a document): when it does not,
/// no paragraph of it is searched for them. `ends`: the tokens that may end a sentence, as
/// the lexer found them (`tokens_and_ends_into`); `None` to find them here, reading every
/// token's last byte.
pub(crate) fn sentences_into(
    text: &str,
    toks: &[Token],
    doubled: bool,
    ends: Option<&[usize]>,
    quote_inner: impl Fn(usize) -> Span,
    mut out: Vec<std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    out.clear();
    let s = Splitter {
        text,
        toks,
        inside: if doubled {
            doubled_apostrophe_pairs(text, toks)
        } else {
            Vec::new()
        },
        quote_inner: &quote_inner,
    };
    let listed;
    let ends = match ends {
        Some(ends) => ends,
        None => {
            listed = may_end(text, toks);
            &listed[..]
        }
    };
    let mut start = 0;
    for &i in ends.iter().chain(std::iter::once(&toks.len())) {
        // (a run-on sentence is cut at `MAX_SENTENCE` tokens among the tokens before `i`)
        while start + MAX_SENTENCE - 1 < i {
            out.push(start..start + MAX_SENTENCE);
            start += MAX_SENTENCE;
        }
        if i == toks.len() {
            break;
        }
        if let Some(end) = s.boundary(start, i) {
            out.push(start..end);
            start = end;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// The tokens that may end a sentence, read off each token: a quotation, or a token whose
/// last byte is a full stop (what the lexer lists as it makes them, for a paragraph whose
/// tokens were renumbered since).
fn may_end(text: &str, toks: &[Token]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let stop = |t: &Token| {
        bytes
            .get(t.end.wrapping_sub(1))
            .is_some_and(|&b| FULL_STOPS.contains(&char::from(b)))
    };
    (0..toks.len())
        .filter(|&i| matches!(toks[i].kind, Tok::Quote(_)) || stop(&toks[i]))
        .collect()
}

impl Splitter<'_> {
    /// Whether the sentence that began at `start` ends at token `i`, and where it closes.
    fn boundary(&self, start: usize, i: usize) -> Option<usize> {
        // A run-on "sentence" is cut at `MAX_SENTENCE` tokens (the later stages look at a
        // sentence's cues pairwise).
        if (i + 1).saturating_sub(start) >= MAX_SENTENCE {
            return Some(i + 1);
        }
        // A quotation in doubled apostrophes read as text is one sentence with its
        // attribution, however many sentences it holds ("Mr. Trump said: ''I hope not. I
        // hope not.''", "''Did I enjoy it? No,'' she said."), up to `MAX_QUOTED` tokens.
        // (the cheap test first: most tokens end nothing)
        if !self.ends(i) {
            return None;
        }
        if i.saturating_sub(start) < MAX_QUOTED
            && enclosing(&self.inside, i).is_some_and(|(_, close)| i + 1 < close)
        {
            return None;
        }
        CLOSINGS.iter().find_map(|(_, rule)| rule(self, i))
    }

    fn word(&self, t: &Token) -> &str {
        t.text(self.text)
    }

    fn capitalised_word(&self, t: &Token) -> bool {
        t.kind == Tok::Word && is_capitalized(self.word(t))
    }

    /// The inner text of quotation `q`, without white space at its end.
    fn inner(&self, q: usize) -> &str {
        let inner = (self.quote_inner)(q);
        self.text[inner.start..inner.end].trim_end()
    }

    /// Whether token `i` ends a sentence: a full stop, a quotation that ends with one, or
    /// an abbreviation before what opens a sentence.
    fn ends(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            // (one byte: a full stop is one ASCII character)
            Tok::Punct => t.end == t.start + 1 && is_full_stop(self.word(t)),
            Tok::Quote(q) => self.inner(q as usize).ends_with(FULL_STOPS),
            Tok::Word => self.text.as_bytes()[t.end - 1] == b'.' && self.abbreviation_ends(i),
        }
    }

    /// An abbreviation that ends the sentence ("in the U.S. He said") is caught by the next
    /// token: a word that opens a sentence and is no part of a name ("… entering the U.S.
    /// While Clinton …", not a date's "Fla. Monday"), a quotation of whole sentences ("of
    /// Jacksonville, Fla. ''She definitely has …''"), not a nickname ("Gen. ''Scott''
    /// Miller").
    fn abbreviation_ends(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let Some(n) = self.toks.get(i + 1) else {
            return false;
        };
        match n.kind {
            Tok::Word => opens_a_sentence(self.text, n),
            Tok::Quote(q) => {
                let s = self.inner(q as usize);
                s.ends_with(FULL_STOPS) && s.split_whitespace().count() >= 4
            }
            Tok::Punct => {
                n.start > t.end
                    && enclosing(&self.inside, i + 2)
                        .is_some_and(|(open, close)| open == i + 1 && close >= i + 8)
            }
        }
    }
}

/// A word that opens a sentence after an abbreviation: "He", "The", "While" (not a month or
/// a weekday, which may belong to a date).
fn opens_a_sentence(text: &str, n: &Token) -> bool {
    let w = n.text(text);
    n.is_written(Class::SegmentSentenceOpeners, text)
        || n.is_written(Class::Starters, text)
            && crate::posts::month(w).is_none()
            && !w.ends_with("day")
}

/// The next token opens a sentence: a capitalised word, a quotation, doubled apostrophes
/// read as text ("… to do more. ''There should be …"), or a bracket before a capitalised
/// word ("… within reach. (The chances of that are slim.)"): "He came. She said no."
fn next_opens(s: &Splitter, i: usize) -> Option<usize> {
    let opens = match s.toks.get(i + 1) {
        None => true,
        Some(n) => match n.kind {
            Tok::Word => is_capitalized(s.word(n)),
            Tok::Quote(_) => true,
            Tok::Punct => {
                (doubled_apostrophe(s.text, s.toks, i + 1) && n.start > s.toks[i].end)
                    || (s.word(n) == "("
                        && s.toks.get(i + 2).is_some_and(|w| s.capitalised_word(w)))
            }
        },
    };
    opens.then_some(i + 1)
}

/// Doubled apostrophes right after the full stop close the quotation and the sentence,
/// unless an attribution follows: "… it got bad.'' We kept …".
fn closing_apostrophes(s: &Splitter, i: usize) -> Option<usize> {
    let closes = doubled_apostrophe(s.text, s.toks, i + 1)
        && s.toks[i + 1].start == s.toks[i].end
        && s.toks.get(i + 3).is_none_or(|n| match n.kind {
            Tok::Word => is_capitalized(s.word(n)),
            Tok::Quote(_) => true,
            Tok::Punct => doubled_apostrophe(s.text, s.toks, i + 3),
        })
        && !attribution_follows(s.text, s.toks, i);
    closes.then_some(i + 3)
}

/// A closing bracket right after the full stop closes the aside and the sentence: "(Oh hey
/// there, Olivia Pope.) Next …".
fn closing_bracket(s: &Splitter, i: usize) -> Option<usize> {
    let closes = s.toks.get(i + 1).is_some_and(|n| s.word(n) == ")")
        && s.toks.get(i + 2).is_none_or(|n| match n.kind {
            Tok::Word => is_capitalized(s.word(n)),
            Tok::Quote(_) => true,
            Tok::Punct => s.word(n) == "(",
        });
    closes.then_some(i + 2)
}

/// "''Can we win Illinois?'' Mr. Manafort asked.": after a question or exclamation closed by
/// doubled apostrophes at `i`, a short name and a verb that inverts with its speaker finish
/// the sentence; they are its attribution, not a sentence of their own.
fn attribution_follows(text: &str, toks: &[Token], i: usize) -> bool {
    matches!(toks[i].text(text), "?" | "!")
        && (i + 4..toks.len().min(i + 9)).any(|v| {
            let form = crate::lexicon::lower(toks[v].text(text));
            LEXICON
                .verbs
                .get(&*form)
                .is_some_and(|f| LEXICON.inverting_verbs.contains(f.lemma))
                && toks[i + 3..v]
                    .iter()
                    .all(|w| w.kind == Tok::Word && is_capitalized(w.text(text)))
        })
}

/// The doubled apostrophes that open and close a quotation read as text, as pairs of token
/// indices (the first apostrophe of each mark): an opening mark has a space or nothing
/// before it and a word right after it; the next mark that a word runs into closes it. An
/// opening mark with no closing one in the paragraph pairs with nothing.
pub(crate) fn doubled_apostrophe_pairs(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return pairs;
    };
    let span = text
        .as_bytes()
        .get(first.start..last.end)
        .unwrap_or_default();
    let mut open: Option<usize> = None;
    // (most paragraphs hold no two apostrophes in a row: the marks are found by a search of
    // their text for the pair, each at the token that starts there, not by reading every
    // token; a mark read skips the token of its second apostrophe, so the search for the
    // next token starts after it)
    static PAIR: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("''"));
    let (mut from, mut k) = (0, 0);
    while let Some(found) = PAIR.find(&span[k..]) {
        // (marks may overlap: "'''" holds two)
        let at = first.start + k + found;
        k += found + 1;
        let i = from + toks[from..].partition_point(|t| t.start < at);
        if toks.get(i).is_none_or(|t| t.start != at) || !doubled_apostrophe(text, toks, i) {
            continue;
        }
        pair_at(toks, i, &mut open, &mut pairs);
        from = i + 2;
    }
    pairs
}

/// [`doubled_apostrophe_pairs`]' rule for the doubled apostrophes at tokens `i`, `i + 1`: a
/// mark with a space or nothing before it and a word right after it opens (is `open`), any
/// other closes the one open (the pair goes to `pairs`). The production reading and its
/// test's token-by-token reading share it.
fn pair_at(toks: &[Token], i: usize, open: &mut Option<usize>, pairs: &mut Vec<(usize, usize)>) {
    let spaced_before = i == 0 || toks[i].start > toks[i - 1].end;
    let glued_after = toks.get(i + 2).is_some_and(|n| n.start == toks[i + 1].end);
    match *open {
        Some(o) if !(spaced_before && glued_after) => {
            pairs.push((o, i));
            *open = None;
        }
        _ if spaced_before && glued_after => *open = Some(i),
        _ => {}
    }
}

/// Whether `bytes` hold the ASCII byte `b` twice in a row ("''", "``"): a search for the
/// byte alone, many bytes at a time (no searcher for the pair is built, which cost more than
/// the search in a paragraph's few hundred bytes; most texts hold the byte seldom).
pub(crate) fn has_doubled(bytes: &[u8], b: u8) -> bool {
    memchr::memchr_iter(b, bytes).any(|i| bytes.get(i + 1) == Some(&b))
}

/// The pair of `pairs` (in text order, not overlapping) that opens before token `i` and
/// closes after it, found by binary search.
pub(crate) fn enclosing(pairs: &[(usize, usize)], i: usize) -> Option<(usize, usize)> {
    let k = pairs.partition_point(|&(open, _)| open < i);
    pairs[..k].last().copied().filter(|&(_, close)| i < close)
}

/// Whether tokens `i` and `i + 1` are two apostrophes side by side: the doubled mark some
/// archives write for a double quotation mark, here read as text.
pub(crate) fn doubled_apostrophe(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|a| a.is_text(text, "'"))
        && toks
            .get(i + 1)
            .is_some_and(|b| b.is_text(text, "'") && b.start == toks[i].end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens;

    /// How many sentences `text` (one paragraph, no quotations) holds.
    fn sentence_count(text: &str) -> usize {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        let toks = tokens(text, span, &[]);
        sentences(text, &toks, |_| Span { start: 0, end: 0 }).len()
    }

    #[test]
    fn the_lexers_sentence_ends_are_the_tokens_read_one_by_one() {
        let run_on = "word, ".repeat(2100);
        let texts = [
            "He came. She said no! Why? In the U.S. He said so.",
            "Mr. Trump said: ''I hope not. I hope not.'' Then he left.",
            "''Can we win Illinois?'' Mr. Manafort asked. Yes.",
            "(Oh hey there, Olivia Pope.) Next we go. of Jacksonville, Fla. Monday",
            "“We will win.” He said it. “Will we?” she asked. J. Smith, R-Pa., said.",
            run_on.as_str(),
            "a. b. c. ... !!! ?. e.g. this",
        ];
        let mut split = 0;
        for text in texts {
            let span = Span {
                start: 0,
                end: text.len(),
            };
            let quotes: Vec<(usize, Span)> = text
                .match_indices('“')
                .enumerate()
                .map(|(k, (a, _))| {
                    let b = a + text[a..].find('”').unwrap() + '”'.len_utf8();
                    (k, Span { start: a, end: b })
                })
                .collect();
            let inner = |k: usize| {
                let q = quotes[k].1;
                Span {
                    start: q.start + 3,
                    end: q.end - 3,
                }
            };
            let mut ends = Vec::new();
            let toks =
                crate::segment::tokens_and_ends_into(text, span, &quotes, Vec::new(), &mut ends);
            assert_eq!(may_end(text, &toks), ends, "{text}");
            let read = sentences_into(text, &toks, true, None, inner, Vec::new());
            let given = sentences_into(text, &toks, true, Some(&ends), inner, Vec::new());
            assert_eq!(given, read, "{text}");
            split += read.len();
        }
        assert!(split >= 15, "{split}");
    }

    /// [`doubled_apostrophe_pairs`] as it read every token: the pairs it finds from the marks
    /// a search finds are these.
    fn pairs_token_by_token(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
        let (mut pairs, mut open, mut i) = (Vec::new(), None, 0);
        while i + 1 < toks.len() {
            if !doubled_apostrophe(text, toks, i) {
                i += 1;
                continue;
            }
            super::pair_at(toks, i, &mut open, &mut pairs);
            i += 2;
        }
        pairs
    }

    #[test]
    fn doubled_apostrophe_pairs_are_those_read_token_by_token() {
        for text in [
            "He said ''no'' then ''yes.''",
            "'''Three''' and ''''four'''' x'' ''y ''z'' ''",
            "''I hope not,'' he said. ''Why?'' ''Never",
            "a '' b ''c'' d''e ''f'' ' '' ''",
            "“quoted ''inside''” and ''after''",
            "no marks at all",
        ] {
            let span = Span {
                start: 0,
                end: text.len(),
            };
            let quoted: Vec<(usize, Span)> = text
                .find('“')
                .map(|s| {
                    (
                        0,
                        Span {
                            start: s,
                            end: text.find('”').unwrap() + 3,
                        },
                    )
                })
                .into_iter()
                .collect();
            let toks = tokens(text, span, &quoted);
            for lo in 0..toks.len() {
                for hi in lo..=toks.len() {
                    let sub = &toks[lo..hi];
                    let want = pairs_token_by_token(text, sub);
                    assert_eq!(
                        doubled_apostrophe_pairs(text, sub),
                        want,
                        "{text:?} {lo}..{hi}"
                    );
                }
            }
        }
    }

    #[test]
    fn two_apostrophes_in_a_row_are_found_as_a_search_for_the_pair_finds_them() {
        for s in [
            "",
            "'",
            "a'b'c",
            "''",
            "x''",
            "it's ''no''",
            "'a''",
            "‘’''",
            "a' 'b",
        ] {
            let b = s.as_bytes();
            let pair = b.windows(2).any(|w| w == b"''");
            assert_eq!(has_doubled(b, b'\''), pair, "{s:?}");
        }
        assert!(has_doubled(b"He said ''no'' then", b'\''));
        assert!(has_doubled(b"TeX ``so''", b'`') && !has_doubled(b"a`b`", b'`'));
        assert!(!has_doubled(b"don't won't", b'\''));
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_word_that_opens_one() {
        assert_eq!(
            sentence_count(
                "Trump called for a ban on entering the U.S. While Clinton condemned it, she said little."
            ),
            2
        );
        // (not before a name or a weekday)
        for text in [
            "He met Gen. Austin Miller in the U.S. Senate office.",
            "She spoke in Tampa, Fla. Monday about the plan.",
        ] {
            assert_eq!(sentence_count(text), 1, "{text}");
        }
    }

    /// The sentences of `text` (with no quotations), as text.
    fn sentence_texts(text: &str) -> Vec<&str> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        let toks = tokens(text, span, &[]);
        sentences(text, &toks, |_| span)
            .into_iter()
            .map(|r| &text[toks[r.start].start..toks[r.end - 1].end])
            .collect()
    }

    #[test]
    fn sentences_split_after_full_stops_before_capitals() {
        assert_eq!(
            sentence_texts("He came. She said no. it is"),
            ["He came.", "She said no. it is"]
        );
    }

    #[test]
    fn a_quotation_in_doubled_apostrophes_is_one_sentence_with_its_attribution() {
        assert_eq!(
            sentence_texts("Mr. Trump said: ''I hope not. I hope not.'' Then he left."),
            [
                "Mr. Trump said: ''I hope not. I hope not.''",
                "Then he left."
            ]
        );
        assert_eq!(
            sentence_texts("''Did I enjoy it? No,'' she said. ''Never.''"),
            ["''Did I enjoy it? No,'' she said.", "''Never.''"]
        );
        // A question closed by the marks keeps the name and verb that attribute it.
        assert_eq!(
            sentence_texts("''Can we win Illinois?'' Mr. Manafort asked. ''I don't know.''"),
            [
                "''Can we win Illinois?'' Mr. Manafort asked.",
                "''I don't know.''"
            ]
        );
        assert_eq!(
            sentence_texts("''Can we win?'' Nobody knows. ''No.''"),
            ["''Can we win?''", "Nobody knows.", "''No.''"]
        );
        // An opening mark that nothing closes does not join the paragraph into one.
        assert_eq!(
            sentence_texts("He said ''it was fine. She left. They came."),
            ["He said ''it was fine.", "She left.", "They came."]
        );
    }

    #[test]
    fn an_aside_in_brackets_after_a_full_stop_is_a_sentence() {
        assert_eq!(
            sentence_texts("She thinks it is within reach. (The chances are slim.) Next one."),
            [
                "She thinks it is within reach.",
                "(The chances are slim.)",
                "Next one."
            ]
        );
        // A bracket that does not open a sentence stays inside it.
        assert_eq!(
            sentence_texts("He said it. (and more) Then left."),
            ["He said it. (and more) Then left."]
        );
    }

    #[test]
    fn doubled_apostrophes_read_as_text_open_and_close_sentences() {
        let got = sentence_texts("It urged them to do more. ''There should be ground.'' We agree.");
        assert_eq!(
            got,
            [
                "It urged them to do more.",
                "''There should be ground.''",
                "We agree."
            ]
        );
    }

    #[test]
    fn the_closing_rules() {
        let names = |text: &str, i: usize| -> Vec<&str> {
            let span = Span {
                start: 0,
                end: text.len(),
            };
            let toks = tokens(text, span, &[]);
            let s = Splitter {
                text,
                toks: &toks,
                inside: doubled_apostrophe_pairs(text, &toks),
                quote_inner: &|_| span,
            };
            CLOSINGS
                .iter()
                .filter(|(_, rule)| rule(&s, i).is_some())
                .map(|&(name, _)| name)
                .collect()
        };
        assert_eq!(
            names("He came. She said no.", 2),
            ["the next token opens a sentence"]
        );
        assert_eq!(
            names("it got bad.'' We kept", 3),
            ["doubled apostrophes close it"]
        );
        assert_eq!(names("(Oh hey, Olivia.) Next", 5), ["a bracket closes it"]);
    }
}
