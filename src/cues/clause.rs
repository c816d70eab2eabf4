//! The clause a cue reports: where reported speech starts and ends.

use super::*;
use crate::lexicon::LEXICON;
use crate::segment::{Tok, Token, is_capitalized};

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
