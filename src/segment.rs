//! Segmentation: paragraphs, then (once quotations are known) tokens and sentences.
//!
//! Paragraphs are lines: news archives store one paragraph per line, often with blank lines
//! between. Tokens are words, punctuation and whole quotations: a quotation is one token
//! (`Tok::Quote`), so the grammars of the later stages see `"…," he said` as three
//! tokens and never look inside quoted words for cues or speakers.

use crate::lexicon::{Class, ClassSet, LEXICON, classes_of};
use crate::model::Span;

/// Paragraph spans: each non-empty line, without its surrounding white space.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push(Span {
                start: trimmed_start,
                end: trimmed_end,
            });
        }
        start = end;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Punct,
    /// A quotation; the index is into the document's quotation list.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
    /// The word's classes in the lexicon (as written and in lower case), looked up once when
    /// the token is made; empty for punctuation and quotations.
    pub classes: ClassSet,
}

impl Token {
    /// Whether the token is a word of class `c`.
    pub fn is(&self, c: Class) -> bool {
        self.classes.has(c)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Tokenize `span` of `text`, replacing each quotation in `quotes` (whole spans including
/// their marks, sorted, inside `span`) with one `Tok::Quote` token.
pub(crate) fn tokens(text: &str, span: Span, quotes: &[(usize, Span)]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut q = quotes.iter().peekable();
    let bytes = text.as_bytes();
    let mut i = span.start;
    while i < span.end {
        if let Some(&&(qi, qs)) = q.peek()
            && i >= qs.start
        {
            out.push(Token {
                kind: Tok::Quote(qi),
                start: qs.start,
                end: qs.end,
                classes: ClassSet::EMPTY,
            });
            i = i.max(qs.end);
            q.next();
            continue;
        }
        let limit = q.peek().map_or(span.end, |(_, s)| s.start.min(span.end));
        // ASCII is read byte by byte; only other characters are decoded.
        let c = match bytes[i] {
            b if b.is_ascii() => b as char,
            _ => match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            while j < limit {
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                let next = text[j + d.len_utf8()..limit].chars().next();
                // "5,000" and "3.5" are one number.
                let joins = (matches!(d, '.' | '\'' | '’' | '-' | '&')
                    && next.is_some_and(char::is_alphanumeric))
                    || (d == ','
                        && bytes[j - 1].is_ascii_digit()
                        && next.is_some_and(|c| c.is_ascii_digit()));
                if d.is_alphanumeric() || joins {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // The apostrophe of a plural possessive belongs to its word ("the Joneses'").
            if j < limit
                && text[i..j].ends_with('s')
                && let Some(a) = text[j..limit].chars().next()
                && (a == '\'' || a == '’')
                && !text[j + a.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c != '\'' && c != '‘')
            {
                j += a.len_utf8();
            }
            // A full stop belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
            if j < limit && bytes[j] == b'.' {
                let word = &text[i..j];
                let with_dot = &text[i..=j];
                let single_cap =
                    word.len() == 1 && word.chars().next().is_some_and(char::is_uppercase);
                // "R-Pa.", "D-Ill.": a party and a state's abbreviation.
                let party_state = word.len() <= 7
                    && word.as_bytes().get(1) == Some(&b'-')
                    && word.as_bytes()[0].is_ascii_uppercase()
                    && word.as_bytes().get(2).is_some_and(u8::is_ascii_uppercase);
                // "then-Sen.", "ex-Gov.": an abbreviation after a prefix.
                let prefixed = word
                    .rsplit_once('-')
                    .is_some_and(|(_, last)| LEXICON.abbreviations.contains(&*format!("{last}.")));
                if LEXICON.abbreviations.contains(with_dot)
                    || prefixed
                    || single_cap
                    || party_state
                    || word.contains('.')
                {
                    j += 1;
                }
            }
            out.push(Token {
                kind: Tok::Word,
                start: i,
                end: j,
                classes: classes_of(&text[i..j]),
            });
            i = j;
            continue;
        }
        // Punctuation: "--" is one dash.
        let mut j = i + c.len_utf8();
        if c == '-' && j < limit && bytes[j] == b'-' {
            j += 1;
        }
        out.push(Token {
            kind: Tok::Punct,
            start: i,
            end: j,
            classes: ClassSet::EMPTY,
        });
        i = j;
    }
    out
}

/// Merge overlapping spans (sorted by start) so that [`masked`] can search them.
pub(crate) fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `pos` lies inside one of the merged, sorted `spans`.
pub(crate) fn masked(spans: &[Span], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= pos);
    i > 0 && pos < spans[i - 1].end
}

/// Whether a word token starts with an upper-case letter or a digit.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The most tokens a sentence holds (a page of comments run together is cut into pieces
/// of this size), and the most a quotation in doubled apostrophes keeps in one sentence.
const MAX_SENTENCE: usize = 1000;
const MAX_QUOTED: usize = 300;

/// Split a paragraph's tokens into sentences, as ranges of token indices.
/// `quote_text` gives the inner text of a quotation token, to see whether it ends a sentence.
pub(crate) fn sentences(
    text: &str,
    toks: &[Token],
    quote_inner: impl Fn(usize) -> Span,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let inside = doubled_apostrophe_pairs(text, toks);
    for i in 0..toks.len() {
        let t = toks[i];
        // A quotation in doubled apostrophes read as text is one sentence with its
        // attribution, however many sentences it holds ("Mr. Trump said: ''I hope not. I
        // hope not.''", "''Did I enjoy it? No,'' she said.").
        // (A run-on "sentence" is cut at `MAX_SENTENCE` tokens, and no quotation keeps one
        // whole past `MAX_QUOTED`: the later stages look at a sentence's cues pairwise.)
        if (i + 1).saturating_sub(start) >= MAX_SENTENCE {
            out.push(start..i + 1);
            start = i + 1;
            continue;
        }
        if i.saturating_sub(start) < MAX_QUOTED
            && enclosing(&inside, i).is_some_and(|(_, close)| i + 1 < close)
        {
            continue;
        }
        let ends = match t.kind {
            Tok::Punct => matches!(t.text(text), "." | "?" | "!"),
            Tok::Quote(q) => {
                let inner = quote_inner(q);
                let s = text[inner.start..inner.end].trim_end();
                s.ends_with(['.', '?', '!'])
            }
            Tok::Word => {
                // An abbreviation that ends the sentence ("in the U.S. He said") is caught
                // by the next token being a capitalised pronoun or a quotation.
                // So is one before a quotation of whole sentences ("of Jacksonville, Fla.
                // ''She definitely has …''"), not before a nickname ("Gen. ''Scott'' Miller").
                // (or a word that opens a sentence and is no part of a name, "… entering the
                // U.S. While Clinton …", not a date's "Fla. Monday")
                let w = t.text(text);
                let opener = |n: &str| {
                    matches!(
                        n,
                        "He" | "She" | "They" | "It" | "The" | "We" | "His" | "Her" | "Their"
                    ) || crate::lexicon::LEXICON.starters.contains(n)
                        && crate::posts::month(n).is_none()
                        && !n.ends_with("day")
                };
                w.ends_with('.')
                    && toks.get(i + 1).is_some_and(|n| match n.kind {
                        Tok::Word => opener(n.text(text)),
                        Tok::Quote(q) => {
                            let inner = quote_inner(q);
                            let s = text[inner.start..inner.end].trim_end();
                            s.ends_with(['.', '?', '!']) && s.split_whitespace().count() >= 4
                        }
                        Tok::Punct => {
                            n.start > t.end
                                && enclosing(&inside, i + 2)
                                    .is_some_and(|(open, close)| open == i + 1 && close >= i + 8)
                        }
                    })
            }
        };
        if !ends {
            continue;
        }
        let next_starts = match toks.get(i + 1) {
            None => true,
            Some(n) => match n.kind {
                Tok::Word => is_capitalized(n.text(text)),
                Tok::Quote(_) => true,
                // Doubled apostrophes read as text still open a sentence ("… to do more.
                // ''There should be …").
                Tok::Punct => {
                    (doubled_apostrophe(text, toks, i + 1) && n.start > t.end)
                        // "… within reach. (The chances of that are slim.)": an aside in
                        // brackets after a full stop is a sentence of its own.
                        || (n.text(text) == "("
                            && toks.get(i + 2).is_some_and(|w| {
                                w.kind == Tok::Word && is_capitalized(w.text(text))
                            }))
                }
            },
        };
        if next_starts {
            out.push(start..i + 1);
            start = i + 1;
        } else if doubled_apostrophe(text, toks, i + 1)
            && toks[i + 1].start == t.end
            && toks.get(i + 3).is_none_or(|n| match n.kind {
                Tok::Word => is_capitalized(n.text(text)),
                Tok::Quote(_) => true,
                Tok::Punct => doubled_apostrophe(text, toks, i + 3),
            })
            && !attribution_follows(text, toks, i)
        {
            // "… it got bad.'' We kept …": the closing apostrophes end it.
            out.push(start..i + 3);
            start = i + 3;
        } else if toks.get(i + 1).is_some_and(|n| n.text(text) == ")")
            && toks.get(i + 2).is_none_or(|n| match n.kind {
                Tok::Word => is_capitalized(n.text(text)),
                Tok::Quote(_) => true,
                Tok::Punct => n.text(text) == "(",
            })
        {
            // "(Oh hey there, Olivia Pope.) Next …": the closing bracket ends it.
            out.push(start..i + 2);
            start = i + 2;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// "''Can we win Illinois?'' Mr. Manafort asked.": after a question or exclamation closed by
/// doubled apostrophes at `i`, a short name and a verb that inverts with its speaker finish
/// the sentence; they are its attribution, not a sentence of their own.
fn attribution_follows(text: &str, toks: &[Token], i: usize) -> bool {
    use crate::lexicon::LEXICON;
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
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i + 1 < toks.len() {
        if !doubled_apostrophe(text, toks, i) {
            i += 1;
            continue;
        }
        let spaced_before = i == 0 || toks[i].start > toks[i - 1].end;
        let glued_after = toks.get(i + 2).is_some_and(|n| n.start == toks[i + 1].end);
        match open {
            Some(o) if !(spaced_before && glued_after) => {
                pairs.push((o, i));
                open = None;
            }
            _ if spaced_before && glued_after => open = Some(i),
            _ => {}
        }
        i += 2;
    }
    pairs
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
    toks.get(i).is_some_and(|a| a.text(text) == "'")
        && toks
            .get(i + 1)
            .is_some_and(|b| b.text(text) == "'" && b.start == toks[i].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        tokens(text, span, &[])
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn paragraphs_are_trimmed_non_empty_lines() {
        let text = " One.\n\n  Two two.\r\nThree";
        let p = paragraphs(text);
        let got: Vec<&str> = p.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["One.", "Two two.", "Three"]);
    }

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

    #[test]
    fn abbreviations_keep_their_full_stop() {
        assert_eq!(
            words("Mr. O'Neill of the U.S. said."),
            ["Mr.", "O'Neill", "of", "the", "U.S.", "said", "."]
        );
        assert_eq!(words("J. Smith -- no"), ["J.", "Smith", "--", "no"]);
        assert_eq!(
            words("Thompson, R-Pa., said"),
            ["Thompson", ",", "R-Pa.", ",", "said"]
        );
        assert_eq!(
            words("and then-Sen. Barack Obama"),
            ["and", "then-Sen.", "Barack", "Obama"]
        );
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
}
