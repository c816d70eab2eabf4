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

/// `clause`, before the check that what it found is no attribution of its own.
pub(crate) fn clause_of(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    c: CueHit,
    sent_cues: &[CueHit],
) -> Option<std::ops::Range<usize>> {
    let after = c.tok + c.len;
    let words = |r: &std::ops::Range<usize>| word_count(text, &toks[r.clone()]);
    let ends_with_comma = |t: &Token| ends_with_comma(text, t);
    let comma_before = |i: usize| comma_before(text, toks, lo, i);
    if c.kind == CueKind::According {
        // According to X, CLAUSE / CLAUSE, according to X
        // (a colon, semicolon or dash opens a clause too: "It hasn't gone unnoticed:
        // According to recent polls, …")
        let starts = c.tok == lo
            || (c.tok == lo + 1 && toks[lo].kind == Tok::Word)
            || matches!(toks[c.tok - 1].text(text), ":" | ";" | "—" | "--");
        if starts {
            let comma = (after..hi).find(|&i| toks[i].text(text) == ",")?;
            let r = comma + 1..hi;
            return (words(&r) >= 3).then_some(r);
        }
        if comma_before(c.tok) {
            // "…, according to him, the network censured his report": a clause of its own
            // after the source's comma is what it reports; "Fundraising, according to the
            // campaign, has surged": the sentence around it.
            if let Some(comma) = (after..hi).find(|&i| toks[i].text(text) == ",")
                && words(&(comma + 1..hi)) >= 3
            {
                let next = crate::lexicon::lower(toks[comma + 1].text(text));
                let subject = LEXICON.determiners.contains(&*next)
                    || subject_pronoun(&next)
                    || is_capitalized(toks[comma + 1].text(text));
                let before = lo..c.tok - 1;
                // ("Over the long term, according to the budget office, the rise in deficits
                // is …": an adverbial before the source opens the sentence it reports)
                let adverbial = matches!(
                    &*crate::lexicon::lower(toks[lo].text(text)),
                    "over" | "for" | "at" | "in" | "on" | "since" | "under" | "with" | "without"
                ) && words(&before) <= 6
                    && toks[before.clone()].iter().all(|t| t.text(text) != ",");
                // ("…, according to the SITE Intelligence Group, which monitors …", "…,
                // according to three polls, including one …": the writer's gloss on the
                // source, or on the sentence, after it)
                let gloss = matches!(
                    &*next,
                    "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "where"
                        | "including"
                        | "compared"
                        | "even"
                        | "although"
                        | "though"
                        | "while"
                ) || (next.ends_with("ing")
                    && next.len() > 5
                    && toks[comma + 1].text(text) == next);
                return Some(if subject && adverbial {
                    lo..hi
                } else if subject && words(&before) < 3 {
                    comma + 1..hi
                } else if subject || gloss {
                    before
                } else {
                    lo..hi
                });
            }
            let r = lo..c.tok - 1;
            return (words(&r) >= 3).then_some(r);
        }
        // "Trump leads Cruz by 9 points in the latest poll", "… 46 percent to 39 percent
        // according to a CBS poll": the clause before the source.
        if c.lemma == "in"
            || (c.lemma == "according to"
                && toks[c.tok].text(text) == "according"
                && toks[c.tok - 1].kind == Tok::Word
                && toks[c.tok - 1].text(text) != "that")
        {
            let r = lo..c.tok;
            return (words(&r) >= 3).then_some(r);
        }
        return None;
    }
    // "As Smith reported in his book, CLAUSE", "As reported by Western Journalism, CLAUSE",
    // "CLAUSE, as David Dayen noted in The Intercept.": "as" and its attribution, set off by
    // a comma, attribute the rest of the sentence.
    if let Some(r) = as_clause(text, toks, lo, hi, c) {
        return (words(&r) >= 3).then_some(r);
    }
    // A passive ("will be offered", "was told") reports nothing of its subject's; a
    // progressive ("is calling for", "are saying") does.
    let mut b = c.tok;
    while b > lo && is_aux(toks[b - 1].text(text)) {
        b -= 1;
    }
    let progressive = ing_form(text, &c);
    if b > lo
        && !progressive
        && matches!(
            toks[b - 1].text(text).to_lowercase().as_str(),
            "be" | "been" | "being" | "was" | "were" | "is" | "are" | "am"
        )
    {
        // "O’Malley’s move was first reported by MSNBC", "…, which was first reported by The
        // Associated Press": with its agent, a passive verb of saying reports its subject.
        if c.speech && toks.get(after).is_some_and(|t| t.text(text) == "by") {
            let mut be = b - 1;
            // (without the auxiliaries before the form of "be": "Trump has been criticized by")
            while be > lo
                && (is_aux(toks[be - 1].text(text)) || is_be_form(toks[be - 1].text(text)))
            {
                be -= 1;
            }
            let mut from = clause_start(text, toks, lo, be);
            // (nor a conjunction opening the sentence: "But it was mentioned by …")
            while from < be && opening_conjunction(toks[from].text(text)) {
                from += 1;
            }
            let from =
                if from == be && from > lo && matches!(toks[from - 1].text(text), "which" | "that")
                {
                    from - 1
                } else {
                    from
                };
            if from < be {
                return Some(from..be);
            }
        }
        return None;
    }
    let breaks = |i: usize| breaks_at(text, toks, i);
    // CLAUSE, SPEAKER CUE [adjuncts].  /  CLAUSE, CUE SPEAKER.
    // (… or at a comma before "and"/"but": "…, a spokeswoman said on Saturday, and it has …")
    let tail_end = (after.min(hi)..hi)
        .find(|&i| {
            breaks(i)
                || (toks[i].text(text) == ","
                    && toks.get(i + 1).is_some_and(|n| {
                        // (", adding that …": a participle's statement of its own)
                        matches!(n.text(text), "and" | "but")
                            || i > after
                                && sent_cues
                                    .iter()
                                    .any(|s| s.tok == i + 1 && ing_form(text, s))
                    }))
        })
        .unwrap_or(hi);
    // A verb of telling's object ("…, an official told The New York Times on Sunday.") is
    // no clause.
    let telling = matches!(c.lemma, "tell" | "assure" | "inform" | "remind" | "advise");
    let obj = if telling {
        told_object(text, toks, after.min(hi), tail_end)
    } else {
        after.min(hi)
    };
    // (a longer one when it opens with an adjunct and a clause ends in a comma before the
    // speaker: "…,'' Mrs. Clinton said in one of her debates with Mr. Sanders, a bracingly
    // honest statement.")
    let opens_with_adjunct = inverts(c.lemma)
        && toks.get(obj).is_some_and(|t| adjunct_opener(text, t))
        && toks[lo..b].iter().any(&ends_with_comma);
    // (a relative clause after the adjunct's noun is the writer's gloss on it: "…,'' he said
    // of the course, which is now called the Honda Classic.")
    let adjunct_end = (obj..tail_end)
        .find(|&i| {
            i > obj
                && toks[i].text(text) == ","
                && toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text(text), "which" | "who" | "whose" | "where"))
        })
        .unwrap_or(tail_end);
    let tail_is_adjunct = (toks[obj..adjunct_end].len() <= 6
        || (opens_with_adjunct && toks[obj..adjunct_end].len() <= 16))
        && !toks[obj..adjunct_end].iter().any(|t| {
            // ("say this plan is a patch", "said on Friday he met …": a verb or a subject
            // makes it a clause)
            is_clause_word(text, t)
                || subject_pronoun(&crate::lexicon::lower(t.text(text)))
                // (not a modal of obligation, which a quoted subject can precede: '“the
                // next president” should choose')
                || (LEXICON.finite_forms.contains(t.text(text))
                    && !matches!(t.text(text), "should" | "must"))
        })
        && toks[obj..adjunct_end].first().is_none_or(|t| {
            let opener = |t: &Token| {
                LEXICON
                    .adjunct_openers
                    .contains(&*crate::lexicon::lower(t.text(text)))
            };
            // "…, he said, on Sunday" (not "In Iowa, he said, voters were angry")
            opener(t)
                || t.text(text) == ","
                    && toks[obj + 1..adjunct_end].first().is_none_or(|n| {
                        opener(n) || LEXICON.adverbial_openers.contains(n.text(text))
                    })
        });
    let tail = &toks[after.min(hi)..hi];
    // "…, said Alan Abramowitz, a demographer at Emory University": the speaker after the
    // cue, then nothing or a comma (an apposition, a relative clause, "adding that …").
    let np = tail
        .iter()
        .take_while(|t| {
            let w = t.text(text);
            w != ","
                && !matches!(w, "who" | "whose")
                && (mentionish(text, t)
                    || plain_noun(text, t)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    // ("his best friend at Lehigh, Bruce Turry")
                    || (inverts(c.lemma)
                        && matches!(w, "of" | "at" | "for" | "from" | "with" | "in")))
        })
        .count();
    let inverted_tail = (tail.len() <= 8 && tail.iter().all(|t| mentionish(text, t)))
        || (np > 0
            && np <= 8
            && (tail[..np]
                .iter()
                .any(|t| t.kind == Tok::Word && is_capitalized(t.text(text)) || is_role(text, t))
                || LEXICON
                    .determiners
                    .contains(&*crate::lexicon::lower(tail[0].text(text))))
            // (or a relative clause on the speaker: "…, said an American official who was
            // briefed on the details")
            && tail
                .get(np)
                .is_none_or(|t| matches!(t.text(text), "," | "who" | "whose")));
    // "…, he said, adding that …" / "…, he said, on condition of anonymity": after the
    // speaker and cue, a comma ends the attribution.
    let comma_tail = tail.first().is_some_and(|t| t.text(text) == ",")
        && tail.get(1).is_some_and(|t| {
            let w = crate::lexicon::lower(t.text(text));
            w.ends_with("ing") || LEXICON.adverbial_openers.contains(&*w)
        });
    let apposed_subject = apposed_subject(text, toks, lo, b);
    // ("''I don't like it,'' Mr. Trump said of the episode, ''…''", "he told Chris Cuomo of
    // CNN after the debate, ''and I hope …''": a hearer or adjuncts, in words that are no
    // verb, may come between the cue and the quotation's comma)
    let quoted_rest = (after..hi.min(after + 12))
        .take_while(|&i| matches!(toks[i].text(text), "," | ":") || verbless_word(text, &toks[i]))
        .find(|&i| matches!(toks[i].text(text), "," | ":"))
        .filter(|&i| {
            let m = mention_start(text, toks, lo, b, 6);
            crate::segment::doubled_apostrophe(text, toks, i + 1)
                && toks[i + 1].start > toks[i].end
                // (right after the cue, after the attribution of a quotation, or after a
                // short adjunct: not "hoped to republish his biography, ''Lost Tycoon,''";
                // a colon announces the quotation after any words: "she said of gay
                // couples: ''Nobody's stopping them …''")
                && (i == after
                    || (comma_before(m) && toks[m - 1].text(text) == "'")
                    || (i <= after + 5 && adjunct_opener(text, &toks[after]))
                    || toks[i].text(text) == ":")
        });
    // "''I am going to be the nominee,'' he said aboard his campaign plane on Monday as he
    // crisscrossed …": after a quotation closed by doubled apostrophes and its speaker, the
    // cue's tail is the writer's, however long.
    let quoted_before = {
        let m = mention_start(text, toks, lo, b, 10);
        // (or a speaker with an apposition: "''He deserved it,'' the assailant, John
        // McGraw, told …", "''…,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass.,
        // said by telephone")
        let apposed = || {
            (lo.max(b.saturating_sub(16))..b)
                .rev()
                .find(|&k| toks[k].text(text) == "'")
                .is_some_and(|k| {
                    k >= lo + 3
                        && crate::segment::doubled_apostrophe(text, toks, k - 1)
                        && toks[k - 2].text(text) == ","
                        // (an abbreviation's period: "Cambridge, Mass.,")
                        && toks[k + 1..b]
                            .iter()
                            .all(|t| matches!(t.text(text), "," | ".") || verbless_word(text, t))
                })
        };
        (m < b
            && m >= lo + 3
            && crate::segment::doubled_apostrophe(text, toks, m - 2)
            && comma_before(m)
            || apposed())
            // (a quotation from the sentence's start: not a title, "Later on ''This
            // Week,'' Senator Bernie Sanders questioned …")
            && crate::segment::doubled_apostrophe(text, toks, lo)
    };
    // ("Last year, in Las Vegas, Mr. Trump said, ''I'd like to punch him …''": a quotation
    // in doubled apostrophes after the cue, and none before it, is what the cue reports)
    // (one that opens a sentence of its own: "…, he added, ''but people need …''" goes on
    // with the clause before; "…, ''An American Son,'' …" is a title)
    let quotation_after =
        quoted_rest.is_some_and(|i| quotation_opens_sentence(text, toks, i + 1)) && !quoted_before;
    if b > lo
        && ((tail_is_adjunct || comma_tail) && !quotation_after
            || (quoted_before && quoted_rest.is_none())
            // (", referring to the two resorts": a participle's object, not its speaker)
            || (comma_before(b) && inverted_tail && !apposed_subject && !progressive))
    {
        // The comma that ends the clause: before the speaker, or right before the cue.
        let m = if !comma_before(b) {
            let m = mention_start(text, toks, lo, b, 10);
            // A mention with a phrase after its noun ("a source close to him", "people
            // familiar with the talks"): back to the comma, through words that are no verb.
            if comma_before(m) {
                m
            } else {
                (lo.max(b.saturating_sub(10))..m)
                    .rev()
                    .find(|&k| toks[k].text(text) == ",")
                    .filter(|&k| {
                        toks[k + 1..m].iter().all(|t| {
                            let w = crate::lexicon::lower(t.text(text));
                            t.kind == Tok::Word
                                && !is_aux(&w)
                                && !LEXICON.verbs.contains_key(&*w)
                                && !is_be_form(&w)
                                && w != "that"
                        }) && mentionish(text, &toks[k + 1])
                    })
                    .map_or(m, |k| k + 1)
            }
        } else {
            // "CLAUSE, Smith, the mayor, said": the name before the apposition; none when
            // the sentence opens with it ("Rubin, the former secretary, opined on …").
            // (With the speaker after the cue, the comma closes the clause.)
            let speaker_after = inverted_tail && !tail_is_adjunct;
            match (lo + 1..b - 1)
                .rev()
                .find(|&j| !speaker_after && toks[j].text(text) == ",")
                .map(|j| mention_start(text, toks, lo, j, 10))
            {
                Some(m) if m == lo => lo,
                Some(m) if comma_before(m) => m,
                _ => b,
            }
        };
        // ", and many replied": a coordinated clause, not the speaker of the one before.
        let coordinated = matches!(toks[m.min(b)].text(text), "and" | "but" | "or");
        // ("In the early 1990s, Ms. Ripert said …", "Over a 40-year career as a lobbyist, his
        // firms advised …": a phrase opening with a preposition, with no verb in it, is an
        // adverbial of the sentence, not a clause its speaker reports)
        let adverbial = LEXICON
            .adjunct_openers
            .contains(&*crate::lexicon::lower(toks[lo].text(text)))
            && is_capitalized(toks[lo].text(text))
            && !toks[lo..m].iter().any(|t| {
                let w = t.text(text);
                let l = crate::lexicon::lower(w);
                t.kind != Tok::Word && !matches!(w, "," | "'" | "-")
                    || finite_word(&l)
                    || LEXICON.verbs.contains_key(&*l)
                    || (w == l
                        && w.chars().all(char::is_alphabetic)
                        && (l.ends_with("ed") || l.ends_with('s')))
            });
        if comma_before(m) && m > lo + 2 && !coordinated && !adverbial {
            // (a quotation ending in the comma is part of the clause)
            let r = lo..if toks[m - 1].text(text) == "," {
                m - 1
            } else {
                m
            };
            // (a short clause will do between an archive's doubled apostrophes: "''It's
            // embarrassing,'' Mr. Rubel said")
            let quoted =
                crate::segment::doubled_apostrophe(text, toks, lo) && toks[m - 1].text(text) == "'";
            return (words(&r) >= 3 || quoted && words(&r) >= 1).then_some(r);
        }
        if tail.is_empty() || tail_is_adjunct {
            return None;
        }
    }
    // SPEAKER CUE [OBJECT] [that] CLAUSE
    let mut start = after;
    let lemma = c.lemma;
    // "spoke to reporters", "spoke at length": no clause; "spoke about his decision", "spoke
    // against the deal": what it was about.
    if lemma == "speak"
        && toks
            .get(after..)
            .and_then(|r| {
                // (past an adverb: "spoke briefly of")
                r.iter().find(|t| {
                    let w = t.text(text);
                    !(w.len() > 4 && w.ends_with("ly"))
                })
            })
            .is_none_or(|t| !matches!(t.text(text), "about" | "against" | "of" | "for"))
    {
        return None;
    }
    // "laughed off the attack ad", "smiling and waving": a manner of speaking attributes
    // a quotation, never a clause.
    if LEXICON.manner_verbs.contains(lemma) {
        return None;
    }
    // "known as Super Tuesday" names; "has known him for years", "knew Mr. Ryan" is
    // acquaintance: what someone knows is a clause ("knew he was wrong").
    if lemma == "know"
        && toks.get(after).is_some_and(|t| {
            let w = t.text(text);
            w == "as"
                || matches!(w, "him" | "her" | "them" | "me" | "us")
                || (is_capitalized(w) && w != "I")
        })
    {
        return None;
    }
    // Verbs that report only a that-clause ("maintained that …", not "maintained her
    // lead"; "continued that …", not "continued his assault"), and "put" only in "as he
    // put it".
    // ("''The China shock isn't the sole factor,'' he continued, ''but it is …''": an
    // attribution inside an archive's quotation reports it whatever its verb)
    let inside_quotation =
        comma_before(mention_start(text, toks, lo, b, 6)) && quoted_rest.is_some();
    if LEXICON.clause_only_verbs.contains(lemma) && !inside_quotation {
        let next = toks.get(after).map(|t| crate::lexicon::lower(t.text(text)));
        let wanted = if lemma == "put" { "it" } else { "that" };
        if next.as_deref() != Some(wanted) {
            return None;
        }
    }
    // Verbs of perception report a clause ("found that …", "sees what …", "sees the deal
    // as …"), not a thing met ("saw a guy careening", "found himself in trouble").
    if LEXICON.perception_verbs.contains(lemma) {
        let next = toks
            .get(after)
            .map(|t| crate::lexicon::lower(t.text(text)))
            .unwrap_or_default();
        let clause = LEXICON.clause_openers.contains(&*next);
        let as_phrase = toks[after.min(hi)..hi.min(after + 8)]
            .iter()
            .any(|t| t.text(text) == "as");
        // "A recent CNN survey found 90 percent support for …", "A Monmouth poll out Monday
        // showed …", "polls by Quinnipiac that showed …": what a document finds, the
        // document the head of the subject, before a phrase after it.
        let from = if b > lo && matches!(toks[b - 1].text(text), "that" | "which") {
            b - 1
        } else if apposed_subject {
            // ("The survey, conducted by the institute, finds …": the head before the
            // apposition)
            (lo + 1..b - 1)
                .find(|&f| toks[f].text(text) == ",")
                .unwrap_or(b)
        } else {
            b
        };
        let document = (lo.max(from.saturating_sub(12))..from)
            .rev()
            .take_while(|&i| {
                let w = toks[i].text(text);
                w != "," && !LEXICON.finite_forms.contains(w) && !is_clause_word(text, &toks[i])
            })
            .any(|i| {
                LEXICON
                    .documents
                    .contains(&*crate::lexicon::lower(toks[i].text(text)))
            });
        if !clause && !as_phrase && !document {
            return None;
        }
    }
    // "vowed to fight", "urged him to resign", "wants voters to know that …": the infinitive,
    // with the object before it, is what the verb attributes.
    let infinitive = LEXICON.infinitive_verbs.contains(lemma)
        && (start..hi.min(start + 6))
            .find(|&i| toks[i].text(text) == "to")
            .is_some_and(|k| {
                toks[start..k]
                    .iter()
                    .all(|t| t.text(text) != "," && (mentionish(text, t) || plain_noun(text, t)))
                    && toks.get(k + 1).is_some_and(|v| {
                        let w = v.text(text);
                        // (or a verb in quotation marks: "promises to “end” the Common Core")
                        k + 1 < hi && matches!(v.kind, Tok::Quote(_))
                            || k + 1 < hi
                                && v.kind == Tok::Word
                                && w.chars().all(|c| c.is_lowercase() || c == '-')
                                && (!w.ends_with('s') || w.ends_with("ss"))
                                && !LEXICON.determiners.contains(w)
                                && !LEXICON.pronouns.contains_key(w)
                                // ("seek to be seen as …"; not the formula of an
                                // anonymous source, "declined to be named")
                                && (!LEXICON.function_words.contains(w)
                                    || w == "be"
                                        && toks.get(k + 2).is_none_or(|n| {
                                            !matches!(
                                                n.text(text),
                                                "named" | "identified" | "quoted"
                                            )
                                        }))
                    })
            });
    if telling && !infinitive {
        // told reporters / told him / told CNN's Jake Tapper
        start = told_object(text, toks, start, hi);
    }
    // "said that in 2012 it paid …": a clause opened by "that" may begin with an adjunct.
    let mut opened_by_that = false;
    // "explained to CBS why …", "reiterated to ABC News that …": the hearer, then the clause.
    if !infinitive && start < hi && toks[start].text(text) == "to" {
        let end = told_object(text, toks, start + 1, hi);
        if end > start + 1
            // ("compared to 45 percent who view him": after a noun, "who" and "where"
            // relate to it)
            && toks.get(end).is_some_and(|t| {
                LEXICON.clause_openers.contains(t.text(text))
                    && !matches!(t.text(text), "who" | "where")
            })
        {
            opened_by_that = toks[end].text(text) == "that";
            start = if opened_by_that { end + 1 } else { end };
        }
    }
    // A "that" within a few adjunct words ("said on Sunday that …") opens the clause.
    // Not past a coordinated clause: in "said the plan would fail, and that …" the first
    // clause is reported too.
    let coordinated = |i: usize| {
        toks[start..i]
            .iter()
            .any(|t| matches!(t.text(text), "and" | "but"))
    };
    // Only after an adjunct or a verb of telling's object: in "said HLN's coverage would
    // resemble that of …" the clause has begun before the "that".
    let finite = |r: std::ops::Range<usize>| {
        toks[r].iter().any(|t| {
            let w = crate::lexicon::lower(t.text(text));
            is_aux(&w) || is_be_form(&w) || w == "be"
        })
    };
    if let Some(t) = (start..hi.min(start + 10))
        .find(|&i| is_clause_word(text, &toks[i]))
        .filter(|&t| {
            !infinitive
                && !coordinated(t)
                && (t == start
                    // (after the comma, "that" or an adjunct first: not "…, he said, he's
                    // learned enough about her that …")
                    // (", however, that", ", per a translator, that": an aside between commas)
                    || (toks[start].text(text) == ","
                        && (t == start + 1
                            || toks[t - 1].text(text) == ","
                            || toks
                                .get(start + 1)
                                .is_some_and(|n| adjunct_opener(text, n))))
                    || adjunct_opener(text, &toks[start])
                    // ("has said for months that …", "said for the first time that …")
                    || (toks[start].text(text) == "for"
                        && (toks.get(start + 1).is_some_and(|n| {
                            matches!(
                                n.text(text),
                                "years" | "months" | "weeks" | "days" | "decades" | "some"
                            )
                        }) || (t <= start + 5
                            && toks[start + 1..t].iter().any(|w| w.text(text) == "time"))))
                    // ("said — on Twitter, as it happens — that …": an aside between dashes)
                    || (t > start + 1
                        && is_aside_dash(toks[start].text(text))
                        && is_aside_dash(toks[t - 1].text(text)))
                    || telling && !finite(start..t)
                    // "emailed reporters that …", "warned them that …": a verb with a
                    // hearer, the hearer in one or two words, then the clause.
                    || (LEXICON.hearer_verbs.contains(lemma)
                        && t <= start + 2
                        && toks[start..t].iter().all(|w| {
                            let l = crate::lexicon::lower(w.text(text));
                            w.kind == Tok::Word
                                && (matches!(&*l, "him" | "her" | "them" | "us" | "me")
                                    || plain_noun(text, w))
                        })))
        })
    {
        start = t + 1;
        opened_by_that = true;
    } else if start < hi
        && (toks[start].text(text) == ","
            // ("said: ''I hope not.''")
            || (toks[start].text(text) == ":"
                && crate::segment::doubled_apostrophe(text, toks, start + 1)))
    {
        start += 1;
    } else if !infinitive
        && start < hi
        && adjunct_opener(text, &toks[start])
        // ("complained of the imbalance he sees": after "of", the matter, and a clause
        // inside it relates to its noun)
        && toks[start].text(text) != "of"
    {
        // "said in a statement Thursday night they pulled …", "said on Friday he met …":
        // past the adjunct, the clause opens with a subject pronoun or a second determiner.
        let mut seen_noun = false;
        if let Some(j) = (start + 1..hi.min(start + 10)).find(|&j| {
            let w = toks[j].text(text);
            let lower = crate::lexicon::lower(w);
            let opens =
                subject_pronoun(&lower) || (seen_noun && LEXICON.determiners.contains(&*lower));
            seen_noun |= toks[j].kind == Tok::Word
                && !LEXICON.determiners.contains(&*lower)
                && !LEXICON.function_words.contains(&*lower);
            // (a verb first: the "adjunct" was the subject, "say this plan is …")
            opens || w == "," || is_be_form(w)
        }) && toks[j].text(text) != ","
            && !is_be_form(toks[j].text(text))
        {
            start = j;
        }
    }
    if let Some(i) = quoted_rest {
        start = i + 1;
        opened_by_that = true;
    }
    // The clause ends at a dash or semicolon.
    // A pair of dashes sets off an aside inside the clause ("her server - there were
    // several - was never hacked"): the clause goes on after the second.
    let mut end = hi;
    let mut i = start;
    while i < hi {
        if breaks(i) {
            let pair = (i + 1..hi)
                .find(|&j| breaks(j))
                .filter(|&j| toks[i].text(text) != ";" && toks[j].text(text) != ";" && j + 1 < hi);
            match pair {
                Some(j) => i = j,
                None => {
                    end = i;
                    break;
                }
            }
        }
        i += 1;
    }
    // … and where the speaker's next act of saying begins: "said the plan failed and called
    // for an inquiry".
    // A participle after a comma ("…, adding that") starts a new statement too.
    // (An adverb or auxiliary may come between: "… and pointedly saying", "… and has gone
    // so far as to justify".)
    if let Some(v) = sent_cues
        .iter()
        .filter(|n| n.tok >= start && n.tok < end)
        .find_map(|n| {
            let mut v = n.tok;
            // (not a negation or "still": "said he had not held dinners and never called a
            // donor", "was elated but still feared" go on with the clause's own subject)
            while v > start + 2
                && aux_or_negated(toks[v - 1].text(text))
                && !matches!(toks[v - 1].text(text), "never" | "still" | "not")
                && !toks[v - 1].text(text).ends_with("n't")
                && !toks[v - 1].text(text).ends_with("n’t")
            {
                v -= 1;
            }
            let before = &toks[v - 1];
            let participle = ing_form(text, n) && comma_before(v);
            // (not a bare verb, which goes on with an infinitive or a plural present in
            // the clause: "wants to make a statement … and encourage the party to …")
            let bare = !participle
                && crate::lexicon::lower(toks[n.tok].text(text))
                    == n.lemma.split(' ').next().unwrap_or(n.lemma);
            (v > start + 1 && !bare && (matches!(before.text(text), "and" | "but") || participle))
                .then_some(v)
        })
    {
        end = if matches!(toks[v - 1].text(text), "and" | "but" | ",")
            && toks[v - 2].text(text) == ","
        {
            v - 2
        } else if matches!(toks[v - 1].kind, Tok::Quote(_)) || toks[v - 1].text(text) == "'" {
            // (a quotation, or doubled apostrophes, closing before it stay in)
            v
        } else {
            v - 1
        };
    }
    // … and where the writer's own words take over after a comma: a non-restrictive
    // relative clause or a contrast ("…since January, when the group launched",
    // "…over the arrangement, which one employee considered illegal", "…, but neither
    // man has spoken out"). Participles and colons are left in: they as often go on with
    // the speaker's words.
    if let Some(k) = (start + 2..end).find(|&k| {
        ends_with_comma(&toks[k])
            && toks
                .get(k + 1)
                .is_some_and(|n| LEXICON.aside_openers.contains(n.text(text)))
            // (a comparison after a quotation is the speaker's: "rated his claims “false,”
            // compared to 11% of Democrats'")
            && (toks[k].text(text) == "," || toks[k + 1].text(text) != "compared")
            && (toks[k + 1].text(text) != "but" || !report_goes_on(text, toks, k + 2))
            // (not a relative clause between commas before its noun's verb: "said the
            // decision, which struck down …, illustrates the importance of …")
            && !(matches!(toks[k + 1].text(text), "which" | "who" | "whom" | "whose")
                && toks.get(k + 2).is_some_and(|n| n.text(text) != ",")
                && (k + 3..end).any(|j| {
                    toks[j].text(text) == ","
                        && toks.get(j + 1).is_some_and(|n| {
                            let w = crate::lexicon::lower(n.text(text));
                            finite_word(&w)
                                || (matches!(&*w, "still" | "also" | "now")
                                    && toks.get(j + 2).is_some_and(|m| {
                                        finite_word(&crate::lexicon::lower(m.text(text)))
                                    }))
                        })
                }))
    }) {
        // (a quotation ending in the comma stays in: "was “a terrible mistake,” although")
        end = if toks[k].text(text) == "," { k } else { k + 1 };
    }
    // … and where the writer goes on with a new subject: "said Russia hacked the computers
    // and she accused Trump of …" (not at the clause's own first words: "he said, ''but I
    // find it hard …''").
    let first_word = start + 2 * usize::from(crate::segment::doubled_apostrophe(text, toks, start));
    if let Some(k) = (first_word + 2..end).find(|&k| {
        matches!(toks[k].text(text), "and" | "but")
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.text(text), "he" | "she" | "they" | "we" | "you" | "I"))
    }) {
        end = if toks[k - 1].text(text) == "," {
            k - 1
        } else {
            k
        };
    }
    // … and where another speaker's statement begins after a comma: "said it was great to
    // be home, a man yelled".
    if let Some(m) = sent_cues
        .iter()
        .filter(|n| n.tok > start + 2 && n.tok < end && n.kind == CueKind::Verb)
        .find_map(|n| {
            let m = mention_start(text, toks, start, n.tok, 7);
            (m < n.tok && m > start + 2 && toks[m - 1].text(text) == ",").then_some(m - 1)
        })
    {
        end = m;
    }
    // … and where the speaker of the sentence comes after its verb: "warned the Chinese
    // leader not to move on the shoal, said an American official"; or the verb of the
    // sentence whose subject a relative clause was set off from: "Mr. Kasich, who refused to
    // endorse Mr. Trump, said the family deserved better".
    if let Some(n) = sent_cues.iter().find(|n| {
        n.tok > start + 2
            && n.tok < end
            && n.kind == CueKind::Verb
            && inverts(n.lemma)
            && toks[n.tok - 1].text(text) == ","
            && toks.get(n.tok + n.len).is_some_and(|t| {
                let w = t.text(text);
                is_capitalized(w) || LEXICON.determiners.contains(&*crate::lexicon::lower(w))
            })
    }) {
        end = n.tok - 1;
    }
    // … and where a second speaker's statement is joined by "and" or "but": "said they were
    // worried about the economy, and more than 4 in 10 said Trump would be best".
    if let Some(m) = sent_cues
        .iter()
        .filter(|n| n.tok > start + 2 && n.tok < end && n.kind == CueKind::Verb && n.speech)
        .find_map(|n| {
            let mut v = n.tok;
            while v > start && aux_or_negated(toks[v - 1].text(text)) {
                v -= 1;
            }
            // (the joining word, then a subject of at most six words, no verb among them)
            let k = (start + 3..v)
                .rev()
                .take(7)
                .take_while(|&k| {
                    let t = &toks[k];
                    let w = crate::lexicon::lower(t.text(text));
                    t.text(text) != "," && !finite_word(&w) && !LEXICON.verbs.contains_key(&*w)
                })
                .find(|&k| matches!(toks[k].text(text), "and" | "but"))?;
            (k + 1 < v).then(|| {
                if toks[k - 1].text(text) == "," {
                    k - 1
                } else {
                    k
                }
            })
        })
    {
        end = m;
    }
    // … and at an apposition: "reiterated his support for Mr. Trump, the presumptive
    // nominee", "considered themselves somewhat conservative, a constituency that …", "said
    // she could win, a 16-point margin over Sanders" is the writer's gloss (not one closed
    // by a comma before the verb it is the subject of: "said the plan, a $1 trillion
    // package, would fail").
    // (Not the comma after an adverbial that opens the clause: "posited that for a group
    // like farmers, the unemployment rate carries more weight".)
    let fronted = |k: usize| {
        let first = crate::lexicon::lower(toks[start].text(text));
        (LEXICON.adjunct_openers.contains(&*first)
            || matches!(
                &*first,
                "for" | "with" | "without" | "under" | "despite" | "unlike" | "like" | "among"
            ))
            && !toks[start..k].iter().any(|t| t.text(text) == ",")
    };
    if let Some(k) = (start + 2..end).find(|&k| {
        toks[k].text(text) == ","
            && toks.get(k + 1).is_some_and(|n| {
                matches!(&*crate::lexicon::lower(n.text(text)), "the" | "a" | "an")
            })
            && !fronted(k)
            && !(k + 1..end).any(|j| {
                toks[j].text(text) == ","
                    && toks.get(j + 1).is_some_and(|n| {
                        let w = crate::lexicon::lower(n.text(text));
                        finite_word(&w)
                            // (or a verb in the past: "…, an outside group, made a change";
                            // or an infinitive: "asked NBC's Lester Holt, the moderator, to
                            // fact check …")
                            || (w.ends_with("ed") && n.text(text) == w)
                            || LEXICON.irregular_pasts.contains(n.text(text))
                            || w == "to"
                    })
            })
            // (nor one item of a list: "hacking of the Democratic National Committee, the
            // Democratic Congressional Campaign Committee and the …"; a phrase with a clause
            // of its own before "and the" is one apposition: "…, a process that began in
            // March and contingent upon the start of talks")
            && !(k + 1..end)
                .take_while(|&j| {
                    let t = &toks[j];
                    let w = crate::lexicon::lower(t.text(text));
                    !is_clause_word(text, t)
                        && !matches!(&*w, "which" | "who" | "whose" | "where")
                        && !finite_word(&w)
                })
                .any(|j| {
                    matches!(toks[j].text(text), "and" | "or" | ",")
                        && toks.get(j + 1).is_some_and(|n| {
                            matches!(
                                &*crate::lexicon::lower(n.text(text)),
                                "the" | "a" | "an" | "and" | "or"
                            )
                        })
                })
            // (an apposition holding a quotation keeps it in: "…, a tribute to “the
            // consummate political skills of her husband.”")
            && !toks[k..end].iter().any(|t| matches!(t.kind, Tok::Quote(_)))
    }) {
        end = k;
    }
    // … and at the occasion or medium of the statement: "endorsed Mr. Trump at a news
    // conference at Mar-a-Lago", "defended Cruz in a recent interview with The Post" (a
    // channel, not what was said).
    if let Some(k) = (start + 1..end).find(|&k| {
        matches!(toks[k].text(text), "in" | "at" | "during")
            && toks.get(k + 1).is_some_and(|d| {
                let w = crate::lexicon::lower(d.text(text));
                matches!(&*w, "a" | "an" | "the" | "his" | "her" | "their" | "its")
            })
            && (k + 2..end.min(k + 8))
                .take_while(|&j| {
                    let w = toks[j].text(text);
                    w != ","
                        && !LEXICON.finite_forms.contains(w)
                        && !is_clause_word(text, &toks[j])
                        && !matches!(w, "which" | "who")
                })
                .any(|j| LEXICON.occasion_nouns.contains(&*crate::lexicon::lower(toks[j].text(text))))
            // (after a noun phrase: in a clause, "would result in a loss" is the speaker's)
            && !toks[start..k].iter().any(|t| {
                let w = t.text(text);
                let l = crate::lexicon::lower(w);
                is_aux(&l)
                    || is_be_form(&l)
                    || LEXICON.finite_forms.contains(&*l)
                    || l.ends_with("n't")
                    || l.ends_with("n’t")
                    || (w == l
                        && w.len() > 3
                        && w.chars().all(char::is_alphabetic)
                        && !LEXICON.function_words.contains(&*l)
                        && (l.ends_with("ed") || (l.ends_with('s') && !l.ends_with("ss"))))
            })
    }) {
        end = k;
    }
    // … and at a time that ends it, the statement's own: "blasted Trump's call on
    // Wednesday", "said Obama was the founder of ISIS on Wednesday at a Florida rally".
    if let Some(k) = (start + 1..end.saturating_sub(1)).rev().find(|&k| {
        let day = |t: &Token| {
            matches!(
                &*crate::lexicon::lower(t.text(text)),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "week"
                    | "weekend"
                    | "month"
            )
        };
        // (not where the clause looks ahead, and the time is its own: "said the union would
        // meet again on Tuesday", "hoping to win delegates this Tuesday")
        if !matches!(
            toks[k].text(text),
            "on" | "late" | "early" | "last" | "this"
        ) || !day(&toks[k + 1])
            || toks[start..k].iter().any(|t| {
                matches!(
                    &*crate::lexicon::lower(t.text(text)),
                    "will" | "would" | "shall" | "to" | "going" | "could" | "can" | "may" | "might"
                ) || t.text(text).ends_with("'ll")
                    || t.text(text).ends_with("’ll")
            })
        {
            return false;
        }
        let mut j = k + 2;
        if j < end
            && matches!(
                toks[j].text(text),
                "morning" | "afternoon" | "evening" | "night"
            )
        {
            j += 1;
        }
        j == end
            || (matches!(toks[j].text(text), "at" | "in" | "during" | "on")
                && toks.get(j + 1).is_some_and(|d| {
                    matches!(d.text(text), "a" | "an" | "the" | "his" | "her" | "their")
                })
                && toks[j..end].iter().all(|t| t.text(text) != ","))
    }) {
        end = k;
    }
    // … and at ", according to …", another attribution's source.
    if let Some(n) = sent_cues.iter().find(|n| {
        n.kind == CueKind::According && n.tok > start + 2 && n.tok < end && comma_before(n.tok)
    }) {
        end = n.tok - 1;
    }
    // … and where a clause that the speaker's own clause is subordinate to closes: "Although
    // she said it was a mistake, she …", "Zimmerman, who alleged that …, was acquitted".
    let opener = toks[lo..b]
        .iter()
        .take(2)
        .position(|t| {
            LEXICON
                .subordinators
                .contains(&*crate::lexicon::lower(t.text(text)))
        })
        .is_some_and(|i| !toks[lo + i..b].iter().any(|t| t.text(text) == ","));
    let relative = b >= lo + 2
        && toks[b - 2].text(text) == ","
        && matches!(toks[b - 1].text(text), "who" | "which");
    if (opener || relative)
        && let Some(k) = (start + 2..end).find(|&k| toks[k].text(text) == ",")
    {
        end = k;
    }
    // A quotation in doubled apostrophes that opens the clause is the speaker's words at
    // least to its closing marks, whatever the writer's asides and attributions would end
    // inside it: "said, ''I mean, a raid is a combat operation. There is no way around
    // that.''" (The clause may go on after them: "said ''this cannot be an American
    // fight'' and that …".)
    // (So is one opening inside the clause: "saying she had ''steady hands, but most of
    // all, she has a good heart.''")
    if let Some(&(_, close)) = crate::segment::doubled_apostrophe_pairs(text, &toks[lo..hi])
        .iter()
        .find(|&&(open, close)| lo + open >= start && lo + open < end && lo + close + 2 > end)
    {
        end = lo + close + 2;
    }
    let r = start..end;
    // (a quotation alone after the cue is the statement itself: "a man yelled “Stay there!”")
    // (a headline's quotation in single marks may be no speech: see `reported`)
    if start >= end
        || (end == start + 1
            && matches!(toks[start].kind, Tok::Quote(_))
            && c.kind != CueKind::Colon)
    {
        return None;
    }
    // "emails now deemed classified were released": a participle of naming, its complement,
    // then the sentence's own verb: a reduced relative clause, not a report.
    if LEXICON.naming_verbs.contains(lemma)
        && text[c.start..c.end].ends_with("ed")
        && end > start + 1
        && toks[start].text(text).ends_with("ed")
        && finite_word(&crate::lexicon::lower(toks[start + 1].text(text)))
    {
        return None;
    }
    // "rebutted that criticism": a demonstrative, not a clause's "that", before one word.
    let r = if opened_by_that
        && end == start + 1
        && start > after
        && toks[start - 1].text(text) == "that"
        && toks[start].kind == Tok::Word
        && !is_capitalized(toks[start].text(text))
    {
        start - 1..end
    } else {
        r
    };
    // (one word is a statement when it names something: "claimed victory", "support
    // deportation", "endorsed Trump"; not a pronoun or a particle: "know it", "showing up")
    // (the word inside doubled apostrophes: "said, ''No.''")
    let first = if crate::segment::doubled_apostrophe(text, toks, r.start) && r.start + 2 < r.end {
        &toks[r.start + 2]
    } else {
        &toks[r.start]
    };
    if words(&r) < 2
        && !(words(&r) == 1
            && (is_capitalized(first.text(text)) || {
                let w = crate::lexicon::lower(first.text(text));
                first.kind == Tok::Word
                    && !LEXICON.function_words.contains(&*w)
                    && !LEXICON.determiners.contains(&*w)
                    && !LEXICON.object_words.contains(&*w)
                    && !w.ends_with("ly")
                    && !w.ends_with("ing")
            }))
    {
        return None;
    }
    // "said about half of the adjustment reflected …": "about" a quantity is no preposition.
    let quantity = LEXICON.verbs_never_nouns.contains(lemma)
        && matches!(toks[start].text(text), "about" | "around" | "over")
        && toks.get(start + 1).is_some_and(|n| {
            let w = n.text(text);
            w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || matches!(
                    w,
                    "half" | "a" | "one" | "two" | "three" | "four" | "five" | "ten"
                )
        });
    // "spoke for 77 minutes", "declared for president", "thought for sure": after "for", a
    // duration or a set phrase, not the matter of what was said.
    let no_matter = |i: usize| {
        let w = |k: usize| {
            toks.get(k)
                .map(|t| crate::lexicon::lower(t.text(text)))
                .unwrap_or_default()
        };
        let unit = |x: &str| {
            matches!(
                x,
                "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades" | "time"
            )
        };
        w(i).starts_with(|c: char| c.is_ascii_digit())
            || unit(&w(i))
            || unit(&w(i + 1))
            || unit(&w(i + 2))
            || matches!(
                &*w(i),
                "more"
                    | "several"
                    | "one"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "about"
                    | "roughly"
                    | "sure"
                    | "president"
                    | "example"
                    | "instance"
                    | "now"
            )
    };
    // ("The outlets have stood in the way, he said, by creating …": between its commas, an
    // attribution interrupts the clause, which goes on whatever its first word)
    let m = mention_start(text, toks, lo, b, 6);
    let between_commas = m > lo + 2
        && m < b
        && comma_before(m)
        && toks.get(after).is_some_and(|t| t.text(text) == ",");
    // "spoke on condition of anonymity", "spoke to reporters": no clause reported.
    if !infinitive
        && !opened_by_that
        && !quantity
        && !between_commas
        && !matches!(
            lemma,
            "talk about"
                | "speak of"
                | "refer to"
                | "point to"
                | "call for"
                | "call on"
                | "vote for"
        )
        // "complained about not getting credit", "warned against a Trump-only campaign": the
        // object of a verb of speaking other than "say" and "tell" is what was said.
        && (!matches!(toks[start].text(text), "about" | "against" | "of" | "for")
            || matches!(lemma, "say" | "tell" | "know")
            || (toks[start].text(text) == "for" && no_matter(start + 1)))
        && matches!(
            toks[start].text(text).to_lowercase().as_str(),
            "on" | "in"
                | "at"
                | "to"
                | "with"
                | "for"
                | "from"
                | "by"
                | "of"
                | "about"
                | "during"
                | "after"
                | "before"
                | "since"
                | "until"
                | "into"
                | "over"
                | "within"
                | "without"
                | "across"
                | "against"
                | "around"
                | "behind"
        )
    {
        return None;
    }
    // (the preposition of "complained about …" goes with the verb)
    // (past an adverb: "spoke passionately about her father")
    let adverb = {
        let w = toks[start].text(text);
        usize::from(w.len() > 4 && w.ends_with("ly") && start + 1 < end)
    };
    if matches!(
        toks[start + adverb].text(text),
        "about" | "against" | "of" | "for"
    ) && start + adverb + 1 < end
        && !quantity
        && !opened_by_that
    {
        return Some(start + adverb + 1..end);
    }
    Some(r)
}
