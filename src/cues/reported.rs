//! Reported speech: the clause each remaining cue reports.

use super::*;
use crate::lexicon::LEXICON;
use crate::segment::{Tok, Token, is_capitalized};

/// How a statement's cue stands: plainly, negated, or as a hypothesis or intention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Polarity {
    Plain,
    /// "did not say whether …", "never mentioned Trump by name": readers take these as
    /// attributions of what was (not) said about the matter, and PolNeAR's annotators mark
    /// them (64 % of the statements this adds on its train split are in its gold); the
    /// statement is reported, its cue marked `negated`.
    Negated,
    /// "would he say", "declined to say", "wants to say": nothing was said; no statement.
    Hypothetical,
}

/// Verbs after which "to" goes on to report ("went on to say", "continued to argue", "was
/// quick to add", "has begun to rebut"), unlike "declined to say" or "wants to say".
pub(crate) fn goes_on_to(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "on" | "continued"
            | "continues"
            | "continue"
            | "continuing"
            | "proceeded"
            | "quick"
            | "went"
            | "goes"
            | "began"
            | "begins"
            | "begin"
            | "begun"
            | "beginning"
            | "started"
            | "starts"
            | "start"
            | "starting"
            | "rushed"
            | "hastened"
            | "used"
    )
}

/// The polarity of the cue at `cue` (see [`Polarity`]), from the words before it.
pub(crate) fn polarity(text: &str, toks: &[Token], lo: usize, cue: usize) -> Polarity {
    let mut i = cue;
    while i > lo && i + 4 > cue {
        let w = toks[i - 1].text(text).to_lowercase();
        // "went on to say", "continued to say", "was quick to add" report; "declined to
        // say", "wants to say" do not.
        let goes_on = w == "to" && i >= lo + 2 && goes_on_to(toks[i - 2].text(text));
        if goes_on {
            return Polarity::Plain;
        }
        if matches!(w.as_str(), "not" | "never") || w.ends_with("n't") || w.ends_with("n’t") {
            return Polarity::Negated;
        }
        if matches!(
            w.as_str(),
            "to" | "would" | "could" | "might" | "should" | "if"
        ) {
            return Polarity::Hypothetical;
        }
        if !is_aux(&w) {
            break;
        }
        i -= 1;
    }
    Polarity::Plain
}

/// Whether a cue word that could be a noun ("comments", "support", "post") stands where a
/// verb stands: after its subject, not inside a noun phrase ("his personal blog", "the
/// Chinese comments"). Forms that are only verbs ("said", "told") always pass.
pub(crate) fn verb_position(text: &str, toks: &[Token], lo: usize, c: CueHit) -> bool {
    let form = text[c.start..c.end].to_lowercase();
    let lemma = c.lemma;
    let base = form == lemma;
    let third = form.len() == lemma.len() + 1 && form.ends_with('s') && form.starts_with(lemma)
        || form == format!("{lemma}es")
        || (lemma.ends_with('y') && form == format!("{}ies", &lemma[..lemma.len() - 1]));
    if !(base || third) || c.kind != CueKind::Verb {
        return true;
    }
    // "Valeant shares is down", "the delegate votes were": a verb after the form makes it
    // the noun that verb's subject ends in.
    if third
        && toks
            .get(c.tok + c.len)
            .is_some_and(|n| LEXICON.finite_forms.contains(n.text(text)))
    {
        return false;
    }
    let mut i = c.tok;
    // (a negated auxiliary too: "CNN didn't report that …", "Democrats don’t think …")
    while i > lo && aux_or_negated(toks[i - 1].text(text)) {
        i -= 1;
    }
    if i < c.tok {
        return true; // "will support", "also says"
    }
    // "Cement makers, for instance, argue": the subject before an aside between commas.
    if i > lo + 2
        && toks[i - 1].text(text) == ","
        && let Some(k) = (lo.max(i.saturating_sub(7))..i - 1)
            .rev()
            .find(|&k| toks[k].text(text) == ",")
        && k > lo
        && toks.get(k + 1).is_some_and(|t| {
            LEXICON
                .adverbial_openers
                .contains(&*crate::lexicon::lower(t.text(text)))
                || matches!(
                    t.text(text),
                    "along" | "together" | "however" | "though" | "too"
                )
        })
    {
        i = k;
    }
    let Some(prev) = (i > lo).then(|| toks[i - 1]) else {
        return false;
    };
    // "has begun to rebut", "continued to argue"
    if base && prev.text(text) == "to" && i >= lo + 2 && goes_on_to(toks[i - 2].text(text)) {
        return true;
    }
    let w = prev.text(text);
    let lower = w.to_lowercase();
    if prev.kind != Tok::Word {
        // "Simone Perry, a tea party activist, says …", "42% say …"
        // ("Democrats — and some Republicans — say …", "Reynolds - his co-host - told …": a
        // subject before an aside between dashes)
        let dashed = is_aside_dash(w)
            && (lo.max(i.saturating_sub(14))..i - 1)
                .rev()
                .find(|&k| is_aside_dash(toks[k].text(text)))
                .is_some_and(|k| {
                    k > lo
                        && (mentionish(text, &toks[k - 1]) || plain_noun(text, &toks[k - 1]))
                        && (!toks[k + 1..i - 1]
                            .iter()
                            .any(|t| finite_word(&crate::lexicon::lower(t.text(text))))
                            // (a relative clause: "Byrne — who was posted at the door —")
                            || matches!(toks[k + 1].text(text), "who" | "which"))
                });
        return matches!(w, ")" | "%")
            || (w == "," && apposed_subject(text, toks, lo, i))
            // ("…, says political scientist Dossym Satpayev": a verb that is never a noun)
            || (w == "," && third && LEXICON.verbs_never_nouns.contains(lemma))
            || dashed;
    }
    // "business leaders who say the law …"
    if matches!(lower.as_str(), "who" | "which") {
        return true;
    }
    // "says she respects him but argues that …": a second verb of the same subject.
    if matches!(lower.as_str(), "and" | "but") && i > lo + 2 {
        return true;
    }
    // "General Electric says", "The Wisconsin Republican says": a capitalized word that
    // looks like an adjective ends a name before a verb that is never a noun.
    if third && is_capitalized(w) && LEXICON.verbs_never_nouns.contains(lemma) {
        return true;
    }
    // "Many say", "Some argue"
    if base && LEXICON.quantities.contains(lower.as_str()) {
        return true;
    }
    if is_modifier(&lower) && !LEXICON.roles.contains_key(lower.as_str()) {
        return false; // "his personal blog", "work-related emails"
    }
    // "voters in each state want", "members of the committee say": a plural head before a
    // prepositional phrase is the subject.
    let pp_after_plural = base
        && (plain_noun(text, &prev) || is_capitalized(w))
        && (lo.max(i.saturating_sub(5))..i - 1).rev().any(|k| {
            matches!(
                toks[k].text(text),
                "of" | "in" | "at" | "from" | "across" | "on"
            ) && k > lo
                && toks[k - 1].kind == Tok::Word
                && plain_noun(text, &toks[k - 1])
                && plural_form(&crate::lexicon::lower(toks[k - 1].text(text)))
                && toks[k + 1..i].iter().all(|t| {
                    t.kind == Tok::Word && !finite_word(&crate::lexicon::lower(t.text(text)))
                })
        });
    if pp_after_plural {
        return true;
    }
    if base {
        // "officials say", "they support", "polls show"
        matches!(lower.as_str(), "i" | "we" | "they" | "you")
            || plural_form(&lower)
            // "One in five say", "supporters who heard from the campaign say": a verb that
            // is never a noun, after a noun or a number.
            || (LEXICON.verbs_never_nouns.contains(lemma)
                && (plain_noun(text, &prev) || is_capitalized(w) || w.chars().all(|c| c.is_ascii_digit())))
    } else {
        LEXICON.pronouns.contains_key(lower.as_str())
            || is_capitalized(w)
            || LEXICON.roles.contains_key(lower.as_str())
            || LEXICON.documents.contains(lower.as_str())
            // "the magnate says …": after a singular noun, a form that is never a noun of
            // speech ("says", not "claims" or "calls").
            || (plain_noun(text, &prev)
                && !lower.ends_with('s')
                && LEXICON.verbs_never_nouns.contains(lemma))
    }
}

/// Whether the reported clause goes on after ", but" at token `i`: with an adverb of
/// contrast or an auxiliary of its own subject ("…, but also hungry for …", "…, but would
/// eventually add …") or with a second that-clause ("…, but that he would …"). Otherwise
/// the writer takes over: a new subject (", but analysts agreed …") or the speaker's next
/// act (", but stopped short of …").
pub(crate) fn report_goes_on(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|n| {
        let w = crate::lexicon::lower(n.text(text));
        match &*w {
            "also" | "not" | "still" | "only" | "rather" | "instead" => true,
            "that" => toks.get(i + 1).is_some_and(|s| {
                let s = crate::lexicon::lower(s.text(text));
                subject_pronoun(&s)
                    || is_capitalized(toks[i + 1].text(text))
                    || LEXICON.determiners.contains(&*s)
                    || s == "there"
            }),
            _ => is_aux(&w) || is_be_form(&w),
        }
    })
}

/// The clause an attribution opened by "as" reports: `As SPEAKER CUE [adjunct], CLAUSE`,
/// `As CUE by SPEAKER, CLAUSE` (the rest of the sentence after the comma) or `CLAUSE, as
/// SPEAKER CUE [adjunct].` (the sentence before the comma). The words between "as" and the
/// cue are a mention (no verb), and those after the cue up to the comma no clause.
pub(crate) fn as_clause(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    c: CueHit,
) -> Option<std::ops::Range<usize>> {
    // (not "…, as the crowd cheered": only a verb that reports what is so)
    if !LEXICON
        .as_verbs
        .contains(&*crate::lexicon::class_key(c.lemma))
    {
        return None;
    }
    let after = c.tok + c.len;
    let mut b = c.tok;
    while b > lo && aux_or_negated(toks[b - 1].text(text)) {
        b -= 1;
    }
    let passive = toks.get(after).is_some_and(|t| t.text(text) == "by");
    let a = if passive {
        b.checked_sub(1)?
    } else {
        // (the mention: names, nouns or a pronoun, at most six words: "as we learned")
        let mut a = b;
        while a > lo
            && b - a <= 6
            && crate::lexicon::lower(toks[a - 1].text(text)) != "as"
            && (mentionish(text, &toks[a - 1])
                || plain_noun(text, &toks[a - 1])
                || LEXICON
                    .pronouns
                    .contains_key(&*crate::lexicon::lower(toks[a - 1].text(text))))
        {
            a -= 1;
        }
        (a < b).then_some(a.checked_sub(1)?)?
    };
    if a < lo || crate::lexicon::lower(toks[a].text(text)) != "as" {
        return None;
    }
    let no_clause = |r: std::ops::Range<usize>| {
        toks[r].iter().all(|t| {
            let w = crate::lexicon::lower(t.text(text));
            // ("as he put it": its "it" is no subject)
            !finite_word(&w) && !is_clause_word(text, t) && (w == "it" || !subject_pronoun(&w))
        })
    };
    // (the opening "As", or one after a conjunction: "But as we learned in Iowa, …")
    let opens = a == lo || (a == lo + 1 && opening_conjunction(toks[lo].text(text)));
    if opens {
        let comma = (after..hi.min(after + 12)).find(|&i| toks[i].text(text) == ",")?;
        return no_clause(after..comma).then_some(comma + 1..hi);
    }
    if a > lo + 2 && toks[a - 1].text(text) == "," && no_clause(after..hi) {
        return Some(lo..a - 1);
    }
    None
}

/// Whether a word opens an adjunct after a cue: a time, place, manner or medium ("on
/// Sunday", "Tuesday", "last week", "privately", "via Twitter").
pub(crate) fn adjunct_opener(text: &str, t: &Token) -> bool {
    let w = crate::lexicon::lower(t.text(text));
    LEXICON.adjunct_openers.contains(&*w) || (w.len() > 4 && w.ends_with("ly"))
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
        && toks[b - 1].text(text) == ","
        && (lo + 1..b - 1)
            .find(|&f| toks[f].text(text) == ",")
            .is_some_and(|f| {
                f - lo <= 8
                    // "In politics, …" opens an adverbial, not a mention
                    && !LEXICON.starters.contains(toks[lo].text(text))
                    && toks[lo..f]
                        .iter()
                        .all(|t| mentionish(text, t) || plain_noun(text, t))
            })
}

/// "is", "are", "was", "were": a finite form of "be" (the auxiliaries are `is_aux`).
pub(crate) fn is_be_form(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were")
}

/// A word (lower-cased) that makes its clause finite: an auxiliary, a form of "be", a finite
/// form of "have" or a modal.
pub(crate) fn finite_word(w: &str) -> bool {
    is_aux(w) || is_be_form(w) || LEXICON.finite_forms.contains(w)
}

/// A pronoun that opens a clause as its subject (lower-cased): "said on Friday he met …".
pub(crate) fn subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "we" | "it" | "i")
}

pub(crate) fn is_clause_word(text: &str, t: &Token) -> bool {
    t.kind == Tok::Word && t.text(text) == "that"
}

/// How many tokens a reported clause's cue looks at on either side (sentences in news are
/// far shorter; see `reported`).
pub(crate) const WINDOW: usize = 250;

/// Reported speech: for each reporting verb that governs no quotation standing on its own,
/// the clause it reports. Patterns (see the module doc of `cues` for quotations):
/// `SPEAKER CUE [that] CLAUSE`, `CLAUSE, SPEAKER CUE.`, `CLAUSE, CUE SPEAKER.`,
/// `According to SPEAKER, CLAUSE` and `CLAUSE, according to SPEAKER`. The clause runs to
/// the sentence's end; a verb of telling skips its object ("told reporters that …").
pub(crate) fn reported(text: &str, paras: &[ParaTokens], stmts: &mut Vec<Stmt>, info: &[PartInfo]) {
    use crate::model::Span;
    let mut existing: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    for (i, s) in stmts.iter().enumerate() {
        if let Some(c) = s.cue {
            existing.insert((s.para, c.tok), i);
        }
    }
    // A transcript ("TAPPER: Do you think …", "FALLIN: Well, I think …"): where at least
    // two paragraphs open with a speaker's name and a colon, each reports the rest of its
    // paragraph.
    let labelled: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .filter(|(_, pt)| !pt.headline)
        .filter_map(|(p, pt)| Some((p, transcript_colon(text, pt)?)))
        .collect();
    if labelled.len() >= 2 {
        for &(p, colon) in &labelled {
            let pt = &paras[p];
            let Some(sent) = pt.sents.first() else {
                continue;
            };
            let toks = &pt.toks;
            let mut end = toks.len();
            while end > colon + 1 && matches!(toks[end - 1].text(text), "." | ":" | ";" | "?" | "!")
            {
                end -= 1;
            }
            // (not a list of names after a place: "Iowa: Tim Albrecht, Brad Anderson, …")
            let words = word_count(text, &toks[colon + 1..end]);
            let capitalized = toks[colon + 1..end]
                .iter()
                .filter(|t| t.kind == Tok::Word && is_capitalized(t.text(text)))
                .count();
            if words < 3 || 2 * capitalized > words || !unclaimed(stmts, &existing, p, colon) {
                continue;
            }
            let span = Span {
                start: toks[colon + 1].start,
                end: toks[end - 1].end,
            };
            let s = statement_of(stmts, &mut existing, p, sent, colon_cue(toks, colon));
            stmts[s].content = Some(span);
        }
    }
    for (p, pt) in paras.iter().enumerate() {
        let toks = &pt.toks;
        for (si, sent) in pt.sents.iter().enumerate() {
            let (lo, mut hi) = (sent.start, sent.end);
            while hi > lo && matches!(toks[hi - 1].text(text), "." | "?" | "!" | ";" | ":") {
                hi -= 1;
            }
            // Questions about speech are not statements; a question quoted between an
            // archive's doubled apostrophes is ("He asked, ''Why now?''", "''Did I enjoy
            // it? No,'' she said").
            let quoted = crate::segment::doubled_apostrophe_pairs(text, &toks[lo..sent.end]);
            if (lo..sent.end).any(|i| {
                toks[i].text(text) == "?"
                    && !crate::segment::doubled_apostrophe(text, toks, i + 1)
                    // (not an aside in brackets: "… think about it (really?) and …")
                    && toks.get(i + 1).is_none_or(|n| n.text(text) != ")")
                    && crate::segment::enclosing(&quoted, i - lo).is_none()
            }) {
                continue;
            }
            let sent_cues = &pt.cues[si];
            // The content of an attribution that names no one: the sentence.
            let whole = Span {
                start: toks[lo].start,
                end: toks[hi.max(lo + 1) - 1].end,
            };
            // "Trump reportedly told aides …", "The deal allegedly …": an attribution to
            // unnamed reports; the sentence is what they report.
            if let Some((r, &lemma)) = (lo..hi).find_map(|i| {
                LEXICON
                    .hearsay_adverbs
                    .get(toks[i].text(text))
                    .map(|l| (i, l))
            }) && hi > lo + 3
                && unclaimed(stmts, &existing, p, r)
                // (not inside another speaker's report: "… when he told the tale of Gen.
                // Pershing allegedly halting attacks")
                && !sent_cues
                    .iter()
                    .any(|n| n.tok < r && n.kind == CueKind::Verb && n.speech)
            {
                let t = toks[r];
                let c = CueHit {
                    speech: true,
                    tok: r,
                    len: 1,
                    lemma,
                    kind: CueKind::Verb,
                    start: t.start,
                    end: t.end,
                };
                push_agentless(stmts, &mut existing, p, sent, c, whole);
            }
            // (a cue inside a quotation in doubled apostrophes is the quoted speaker's own
            // words, as inside quotation marks: "''I hope not,'' he said")
            for &c in sent_cues
                .iter()
                .filter(|c| c.tok < hi)
                .filter(|c| crate::segment::enclosing(&quoted, c.tok - lo).is_none())
            {
                // A cue looks at most `WINDOW` tokens either way, so that a run-on "sentence"
                // of thousands of cues (a scraper's page of comments) costs linear time.
                let lo = lo.max(c.tok.saturating_sub(WINDOW));
                let hi = hi.min(c.tok + WINDOW);
                // "Trump is expected to win", "the ruling is widely expected to …": an
                // expectation no one is named for; the sentence is its content.
                let mut b = c.tok;
                while b > lo && toks[b - 1].text(text).ends_with("ly") {
                    b -= 1;
                }
                // ("is not expected to": the expectation is still reported)
                let neg = b > lo && toks[b - 1].text(text) == "not";
                let be = b - usize::from(neg);
                if c.lemma == "expect"
                    && text[c.start..c.end].ends_with("ed")
                    && be > lo + 1
                    && is_be_form(toks[be - 1].text(text))
                    && toks
                        .get(c.tok + c.len)
                        .is_some_and(|t| t.text(text) == "to")
                    && unclaimed(stmts, &existing, p, c.tok)
                {
                    // From the start of its clause ("…, which is expected to draw …").
                    let from = clause_start(text, toks, lo, be - 1);
                    let span = Span {
                        start: toks[from].start,
                        end: whole.end,
                    };
                    push_agentless(stmts, &mut existing, p, sent, c, span);
                    continue;
                }
                // "Asked about the merger, she …", "when asked whether …", "Rubio was asked
                // whether …": the question, to the next comma, asked by no one named.
                if LEXICON.asking_verbs.contains(c.lemma)
                    && text[c.start..c.end].ends_with("ed")
                    && (b == lo
                        || matches!(
                            &*crate::lexicon::lower(toks[b - 1].text(text)),
                            "when"
                                | ","
                                | "after"
                                | "being"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                                | "been"
                        ))
                    && (unclaimed(stmts, &existing, p, c.tok)
                        // (or claimed only by a title in the question: 'Asked during an
                        // appearance on "CBS This Morning," Sanders said …'; not a passive's,
                        // whose agent asks: "was asked by Gerard Baker whether …")
                        || (b == lo
                            || matches!(toks[b - 1].text(text), "," | "when")
                            || toks.get(c.tok + c.len).is_none_or(|t| t.text(text) != "by"))
                            && existing.get(&(p, c.tok)).is_some_and(|&s| {
                            stmts[s].content.is_none()
                                && stmts[s].parts.iter().all(|&k| {
                                    !info[k].direct
                                        && info[k].para == p
                                        && info[k].tok > c.tok
                                        && info[k].tok < next_comma(text, toks, c.tok + c.len, hi)
                                })
                        }))
                {
                    let mut from = c.tok + c.len;
                    let mut to = next_comma(text, toks, from, hi);
                    // ("Asked at a briefing Monday about Suu Kyi's role", "asked about it
                    // after a debate": the question, without the adjuncts of the asking)
                    if let Some(q) = (from..to.min(from + 8)).find(|&i| {
                        matches!(
                            toks[i].text(text),
                            "about" | "whether" | "if" | "why" | "how"
                        )
                    }) && q > from
                        && adjunct_opener(text, &toks[from])
                    {
                        from = q;
                    }
                    if toks.get(from).is_some_and(|t| t.text(text) == "about")
                        && let Some(k) = (from + 2..to).find(|&i| {
                            matches!(
                                toks[i].text(text),
                                "after" | "during" | "in" | "at" | "on" | "before" | "following"
                            )
                        })
                    {
                        to = k;
                    }
                    if to > from + 1 {
                        let span = Span {
                            start: toks[from].start,
                            end: toks[to - 1].end,
                        };
                        // (unclaimed, or claimed by a title in it: checked above)
                        set_agentless(stmts, &mut existing, p, sent, c, span);
                    }
                    continue;
                }
                // "Sanders seemed to be of two minds": a view no one is named for.
                if LEXICON.seeming_verbs.contains(c.lemma) {
                    // ("Clinton seemed irritated", "it seemed like an impossible task": a
                    // complement as well as an infinitive; not where someone appeared, "appeared
                    // on Fox News", "appeared with him")
                    let complement = toks.get(c.tok + c.len).is_some_and(|t| {
                        let w = crate::lexicon::lower(t.text(text));
                        t.kind == Tok::Word
                            && !matches!(
                                &*w,
                                "on" | "in"
                                    | "at"
                                    | "before"
                                    | "with"
                                    | "to"
                                    | "that"
                                    | "and"
                                    | "or"
                                    | "as"
                                    | "for"
                                    | "from"
                                    | "alongside"
                            )
                    });
                    let infinitive = toks
                        .get(c.tok + c.len)
                        .is_some_and(|t| t.text(text) == "to");
                    if b > lo && (infinitive || complement) && unclaimed(stmts, &existing, p, c.tok)
                    {
                        // Its subject, from the start of its clause, and the infinitive, to
                        // the next comma or dash.
                        let from = clause_start(text, toks, lo, b);
                        let to = next_comma(text, toks, c.tok + c.len, hi);
                        if from < b && to > c.tok + c.len + usize::from(infinitive) {
                            let span = Span {
                                start: toks[from].start,
                                end: toks[to - 1].end,
                            };
                            push_agentless(stmts, &mut existing, p, sent, c, span);
                        }
                    }
                    continue;
                }
                let headline_colon = pt.headline && c.kind == CueKind::Colon;
                if matches!(c.kind, CueKind::Colon | CueKind::Dash | CueKind::Noun)
                    && !headline_colon
                {
                    continue;
                }
                // A statement made only to carry an attribution to the next paragraph is
                // not yet evidence that this word is a verb.
                let known = existing
                    .get(&(p, c.tok))
                    .copied()
                    .filter(|&s| !stmts[s].parts.is_empty());
                // (A headline's "Kasich: ‘We Are Going To Cleveland’" gets its clause all the
                // same: single marks there may be no speech in an American house style, which
                // is decided later; the output keeps the clause only if they are not.)
                // (A quotation inside an archive's doubled apostrophes is a quotation within
                // the quotation: "''If she thinks I come from Vermont, 'They are not used
                // to this.' Well, we will get used to it,'' Mr. Sanders said.")
                if let Some(s) = known
                    && !headline_colon
                    && stmts[s].parts.iter().any(|&k| {
                        info[k].direct
                            && (info[k].para != p
                                || info[k].tok < sent.start
                                || crate::segment::enclosing(&quoted, info[k].tok - sent.start)
                                    .is_none())
                    })
                {
                    continue; // the cue of a quotation that stands on its own
                }
                let polarity = polarity(text, toks, lo, c.tok);
                // "Dates written for other languages": a form that is only a participle,
                // with no auxiliary before it, is no verb of its sentence.
                let participle = LEXICON
                    .participle_forms
                    .contains(&*crate::lexicon::lower(toks[c.tok].text(text)));
                if participle
                    && known.is_none()
                    && (c.tok == lo || {
                        // (an auxiliary may be a contraction: "I’ve written")
                        let w = toks[c.tok - 1].text(text);
                        !aux_or_negated(w)
                            && !["'ve", "’ve", "'d", "’d", "'s", "’s"]
                                .iter()
                                .any(|a| w.ends_with(a))
                    })
                {
                    continue;
                }
                if polarity == Polarity::Hypothetical
                    || (known.is_none()
                        && !headline_colon
                        && !verb_position(text, toks, lo, c)
                        && !clause_follows(text, toks, c.tok + c.len))
                {
                    continue;
                }
                let Some(content) = clause(text, toks, lo, hi, c, sent_cues) else {
                    continue;
                };
                // What was not said needs a matter: "did not complain when growth was strong"
                // names none.
                if polarity == Polarity::Negated && content.start > c.tok && {
                    let first = crate::lexicon::lower(toks[content.start].text(text));
                    first != "if" && LEXICON.subordinators.contains(first.as_ref())
                } {
                    continue;
                }
                let span = Span {
                    start: toks[content.start].start,
                    end: toks[content.end - 1].end,
                };
                let lead = interrupted(text, toks, lo, c, content.start).map(|r| Span {
                    start: toks[r.start].start,
                    end: toks[r.end - 1].end,
                });
                let s = statement_of(stmts, &mut existing, p, sent, c);
                stmts[s].content = Some(span);
                stmts[s].lead = lead;
                stmts[s].negated = polarity == Polarity::Negated;
                if content.end <= c.tok {
                    stmts[s].rest = continued(text, toks, &pt.sents, si, content).or_else(|| {
                        // "He had no known political affiliations, the airline added, and had
                        // passed all background checks": a predicate joined after the
                        // attribution goes on with the clause.
                        let k = (c.tok + c.len..hi).find(|&k| toks[k].text(text) == ",")?;
                        let joined = toks
                            .get(k + 1)
                            .is_some_and(|t| matches!(t.text(text), "and" | "but"));
                        let verb = toks.get(k + 2).is_some_and(|t| {
                            let w = crate::lexicon::lower(t.text(text));
                            finite_word(&w)
                                || (w.ends_with("ed") && t.text(text) == w)
                                || LEXICON.irregular_pasts.contains(t.text(text))
                                || subject_pronoun(&w)
                                || w == "also"
                        });
                        let clean = !sent_cues.iter().any(|n| n.tok > k && n.tok < hi);
                        (joined && verb && clean && hi > k + 3).then(|| Span {
                            start: toks[k + 1].start,
                            end: toks[hi - 1].end,
                        })
                    });
                }
            }
        }
    }
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
            let sent = sents.iter().find(|r| r.contains(&i))?;
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
    let mut j = from;
    while j < limit && j < from + 6 {
        let w = toks[j].text(text);
        let object = (mentionish(text, &toks[j]) || plain_noun(text, &toks[j]))
            && w != ","
            && !LEXICON.clause_openers.contains(w)
            && !is_aux(w)
            && !is_be_form(w)
            && !(j > from
                && (LEXICON.determiners.contains(w) || subject_pronoun(&crate::lexicon::lower(w))))
            && (!w.ends_with("ed") || is_capitalized(w));
        if !object {
            break;
        }
        j += 1;
    }
    j
}

/// A dash or a semicolon ends what a cue can govern: what follows is an aside, often with
/// an attribution of its own ("… drone attacks -- accusations the United States had said
/// were groundless"); a hyphen standing alone between spaces is a dash.
pub(crate) fn breaks_at(text: &str, toks: &[Token], i: usize) -> bool {
    let w = toks[i].text(text);
    is_dash(w)
        || w == ";"
        || (w == "-"
            && text[..toks[i].start].ends_with(' ')
            && text[toks[i].end..].starts_with(' '))
}

/// The first comma, dash or semicolon in `from..hi`, or `hi`: where the phrase of an
/// attribution that names no one ends ("Asked about the merger, …").
pub(crate) fn next_comma(text: &str, toks: &[Token], from: usize, hi: usize) -> usize {
    (from..hi)
        .find_map(|i| {
            if toks[i].text(text) == "," || breaks_at(text, toks, i) {
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
    t.text(text) == ","
        || (matches!(t.kind, Tok::Quote(_))
            && t.text(text)
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(','))
}

/// Whether token `i` (in a sentence from `lo`) follows a comma, a quotation ending in one,
/// or a comma (question or exclamation mark) with the doubled apostrophes of an archive
/// that writes quotation marks so ("''The scale is enormous,'' said Matt Baker").
pub(crate) fn comma_before(text: &str, toks: &[Token], lo: usize, i: usize) -> bool {
    i > lo
        && (ends_with_comma(text, &toks[i - 1])
            || i >= lo + 3
                && toks[i - 1].text(text) == "'"
                && toks[i - 2].text(text) == "'"
                // ("''Do you want that?'' said Zeynep Tufekci")
                && (matches!(toks[i - 3].text(text), "," | "?" | "!")
                    // (a quotation inside closing with it: "''I would use the word
                    // 'old-school,''' said Gregory W. Slayton")
                    || i >= lo + 4
                        && toks[i - 3].text(text) == "'"
                        && toks[i - 3].end == toks[i - 2].start
                        && matches!(toks[i - 4].text(text), "," | "?" | "!")))
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
    // debate, ''and I hope …''")
    let after_adjuncts =
        rest > c.tok + c.len + 1 && crate::segment::doubled_apostrophe(text, toks, rest);
    if (rest != c.tok + c.len + 1 && !after_adjuncts) || toks[rest - 1].text(text) != "," {
        return None;
    }
    let mut b = c.tok;
    while b > lo && is_aux(toks[b - 1].text(text)) {
        b -= 1;
    }
    let m = mention_start(text, toks, lo, b, 10);
    // (a quotation in doubled apostrophes after the cue goes on one closed before the
    // speaker, not words of the writer's: "Last year, Mr. Trump said, ''I'd like …''")
    let quoted_rest = quotation_opens_sentence(text, toks, rest);
    if m == b
        || m < lo + 3
        || !comma_before(text, toks, lo, m)
        || ((after_adjuncts || quoted_rest) && toks[m - 1].text(text) != "'")
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

/// A word that is no verb (an adverb is none: "she added warily: ''…''"), between a cue
/// and the quotation it announces or in a speaker's apposition.
pub(crate) fn verbless_word(text: &str, t: &Token) -> bool {
    let w = crate::lexicon::lower(t.text(text));
    t.kind == Tok::Word
        && (!finite_word(&w) || w.ends_with("ly"))
        && !LEXICON.verbs.contains_key(&*w)
        && !is_clause_word(text, t)
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
    let is_break = |k: usize| breaks_at(text, toks, k) || toks[k].text(text) == ":";
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

/// The words of `toks`, a quotation counting by the words inside it.
pub(crate) fn word_count(text: &str, toks: &[Token]) -> usize {
    toks.iter()
        .map(|t| match t.kind {
            Tok::Word => 1,
            Tok::Quote(_) => t.text(text).split_whitespace().count(),
            Tok::Punct => 0,
        })
        .sum()
}

/// Whether a cue is an -ing form, by its first word ("saying", "referring to", "calling on").
pub(crate) fn ing_form(text: &str, c: &CueHit) -> bool {
    text[c.start..c.end]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"))
}

/// Where the clause holding the verb at `b` begins, for an attribution that names no one
/// ("…, which is expected to draw …", "… and Sanders seemed to …"): after the last comma,
/// dash or word that joins clauses ("that", "and", "but", "while", "where", "which")
/// before it, or at the sentence start `lo`.
pub(crate) fn clause_start(text: &str, toks: &[Token], lo: usize, b: usize) -> usize {
    (lo..b)
        .rev()
        .find(|&i| {
            let w = toks[i].text(text);
            w == ","
                || is_dash(w)
                || matches!(w, "that" | "and" | "but" | "while" | "where" | "which")
        })
        .map_or(lo, |i| i + 1)
}

/// Whether the cue at token `tok` of paragraph `para` has no statement yet, or only one made
/// to carry an attribution to the next paragraph.
pub(crate) fn unclaimed(
    stmts: &[Stmt],
    existing: &rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    tok: usize,
) -> bool {
    existing
        .get(&(para, tok))
        .is_none_or(|&s| stmts[s].parts.is_empty() && stmts[s].content.is_none())
}

/// The statement of cue `c` in paragraph `para`: the one it has, or a new one.
pub(crate) fn statement_of(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
) -> usize {
    *existing.entry((para, c.tok)).or_insert_with(|| {
        stmts.push(Stmt::new(para, sent, c));
        stmts.len() - 1
    })
}

/// Add the statement of cue `c` that names no one (`Stmt::agentless`), with `content`.
pub(crate) fn push_agentless(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
    content: crate::model::Span,
) {
    // (a statement made only to carry an attribution to the next paragraph takes it)
    if unclaimed(stmts, existing, para, c.tok) {
        set_agentless(stmts, existing, para, sent, c, content);
    }
}

/// The statement of cue `c`, found or made, as one that names no one, with `content`
/// (`push_agentless` without its check that nothing claimed the cue).
pub(crate) fn set_agentless(
    stmts: &mut Vec<Stmt>,
    existing: &mut rustc_hash::FxHashMap<(usize, usize), usize>,
    para: usize,
    sent: &std::ops::Range<usize>,
    c: CueHit,
    content: crate::model::Span,
) {
    let s = statement_of(stmts, existing, para, sent, c);
    stmts[s].content = Some(content);
    stmts[s].agentless = true;
}

/// The token range of the clause a cue reports, in sentence `lo..hi` (final punctuation
/// excluded), or None when the cue reports no clause.
pub(crate) fn clause(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    c: CueHit,
    sent_cues: &[CueHit],
) -> Option<std::ops::Range<usize>> {
    let r = clause_of(text, toks, lo, hi, c, sent_cues)?;
    // ("As reported by Western Journalism, investigators found …": an attribution opened by
    // "as" is another cue's, never what this one reports)
    let as_attribution = crate::lexicon::lower(toks[r.start].text(text)) == "as"
        && sent_cues.iter().any(|n| {
            n.tok > r.start
                && n.tok < r.end
                && n.tok != c.tok
                && as_clause(text, toks, lo, hi, *n).is_some()
        });
    (!as_attribution).then_some(r)
}
