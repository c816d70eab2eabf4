//! The speaker that runs on from one paragraph to the next ([`continue_speakers`]).
//!
//! The article is read in order, paragraph by paragraph, skipping what is no discourse
//! (captions, bylines, links; a time stamp ends the speaker's run). Each quotation takes one
//! step of [`STEPS`], in order (of those its first tests leave, [`may_act`]): a transcript
//! turn names its speaker; a quotation whose speaker is named in another paragraph
//! continues them; a quotation that nothing attributes, alone in its paragraph, takes the
//! speaker of the paragraph before.

use super::NameCandidate;
use super::discourse::{ParaKind, signature, transcript_speaker};
use crate::model::{Attribution, Cue, EntityKind, Quote, QuoteKind, Span, SpeakerRef};

/// What a step sees: the paragraph, whether it is only quotation, and the speaker running
/// on from the paragraph before.
struct At<'a> {
    para: Span,
    only_quotation: bool,
    current: Option<&'a SpeakerRef>,
    /// The person the paragraph before introduced, when it quoted no one
    /// ("Daniel Ortega, a farmer, was blunter.").
    introduced: Option<Span>,
    /// The name of the paragraph's transcript turn (`PENCE` in `"PENCE: …`).
    turn: Option<Span>,
    /// The speaker of the paragraph's last attributed quote before this one, when nobody
    /// else is named after it.
    earlier: Option<&'a SpeakerRef>,
    /// Whether the quotation opens a sentence that is not the paragraph's first.
    opens_later_sentence: bool,
    /// The name that signs the paragraph from the line after it (`-President Obama, …`).
    signed: Option<Span>,
}

/// What a step did to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// It was given a speaker it had not (its `unattributed_quote` flag goes).
    Attributed,
    /// Its speaker was marked (continued).
    Changed,
    /// It is a transcript turn that had another speaker.
    Turned,
}

/// A step: it may change the quotation, given the speaker of a transcript turn.
type ThreadStep = (
    &'static str,
    fn(&At, &mut Quote, &mut dyn FnMut(Span) -> SpeakerRef) -> Option<Step>,
);

/// The steps, in order: the first that acts on a quotation decides.
const STEPS: &[ThreadStep] = &[
    ("transcript_turn", transcript_turn),
    ("inside_turn", inside_turn),
    ("stated_elsewhere", stated_elsewhere),
    ("signed_quotation", signed_quotation),
    ("floating_quotation", floating_quotation),
    ("earlier_in_paragraph", earlier_in_paragraph),
];

/// Run the thread over the quotes (sorted by start). `turn` gives the speaker of a
/// transcript turn's name (its span). Returns the spans of the quotes that were given a
/// speaker they had not.
pub(crate) fn continue_speakers(
    text: &str,
    paras: &[Span],
    kinds: &[ParaKind],
    names: &[NameCandidate],
    quotes: &mut [Quote],
    turn: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Vec<Span> {
    let mut attributed = Vec::new();
    let mut turned = Vec::new();
    // (the quote whose speaker runs on, by its number: a paragraph before is read in place,
    // and a speaker is cloned only when a quotation takes it)
    let mut current: Option<usize> = None;
    let mut introduced: Option<Span> = None;
    let mut q = 0;
    for (p, (&para, &kind)) in paras.iter().zip(kinds).enumerate() {
        let from = q;
        while q < quotes.len() && quotes[q].start < para.end {
            q += 1;
        }
        if kind == ParaKind::Dateline {
            (current, introduced) = (None, None);
        }
        if !kind.is_discourse() {
            continue;
        }
        let (done, rest) = quotes.split_at_mut(from);
        let here = &mut rest[..q - from];
        let only = only_quotation(text, para, here);
        let signed = only.then(|| signed_by(text, paras, kinds, p + 1)).flatten();
        let turn_name = (kind == ParaKind::Transcript)
            .then(|| transcript_speaker(&text[para.start..para.end]))
            .flatten()
            .map(|(s, e)| Span {
                start: para.start + s,
                end: para.start + e,
            });
        for i in 0..here.len() {
            let (before, now) = here.split_at_mut(i);
            let quote = &mut now[0];
            if quote.post.is_some() {
                continue;
            }
            // (what only a quotation with no speaker asks for — the speaker of one before it,
            // whether it opens a later sentence — is read only for one: no step gives a
            // speaker to a quotation that had one)
            let free = quote.speaker.is_none();
            let earlier = free.then(|| runs_on(before, names, quote.start)).flatten();
            let at = At {
                para,
                only_quotation: only,
                current: current.and_then(|c| done[c].speaker.as_ref()),
                introduced,
                turn: turn_name,
                earlier: earlier.and_then(|k| before[k].speaker.as_ref()),
                opens_later_sentence: free
                    && quote.kind != QuoteKind::Indirect
                    && opens_later_sentence(text, para, quote.start),
                signed,
            };
            let step = take_step(&at, quote, turn);
            if step == Some(Step::Attributed) {
                attributed.push(Span {
                    start: quote.start,
                    end: quote.end,
                });
            }
            if matches!(step, Some(Step::Attributed | Step::Turned)) {
                turned.push(from + i);
            }
        }
        current = runs_on(here, names, para.end).map(|k| from + k);
        introduced = introduces(text, para, here, names);
    }
    split_statements(quotes, &turned);
    attributed
}

/// The step the quotation `q` takes in `at`: the first of [`STEPS`] that acts on it, of
/// those that may ([`may_act`]).
fn take_step(at: &At, q: &mut Quote, turn: &mut dyn FnMut(Span) -> SpeakerRef) -> Option<Step> {
    let mask = may_act(at, q);
    STEPS
        .iter()
        .enumerate()
        .filter(|&(k, _)| mask & 1 << k != 0)
        .find_map(|(_, (_, s))| s(at, q, turn))
}

/// The steps of [`STEPS`] (a bit each, by place) that may act on the quotation `q` in
/// `at`: each step's own first test, read once here, so that a quotation its cue
/// attributed, which most are, is offered only to the steps that act on one.
fn may_act(at: &At, q: &Quote) -> u8 {
    let direct = q.kind != QuoteKind::Indirect;
    let mut mask = 0;
    // (an ASCII letter and a lower-case one open no transcript turn: `transcript_speaker`)
    let b = q.text.as_bytes();
    if direct && !matches!(b, [f, s, ..] if f.is_ascii_alphabetic() && s.is_ascii_lowercase()) {
        mask |= TRANSCRIPT_TURN;
    }
    if at.turn.is_some() {
        mask |= INSIDE_TURN;
    }
    if q.speaker.is_some() {
        mask |= STATED_ELSEWHERE;
    } else if direct {
        mask |= SIGNED | FLOATING | EARLIER;
    }
    mask
}

/// The bit of the step named `name` in [`STEPS`] (by its place), found when the program
/// is compiled.
const fn step_bit(name: &str) -> u8 {
    let mut i = 0;
    while i < STEPS.len() {
        if super::discourse::same_name(STEPS[i].0, name) {
            return 1 << i;
        }
        i += 1;
    }
    panic!("no such thread step")
}

/// The bit of [`transcript_turn`] in a mask of [`may_act`].
const TRANSCRIPT_TURN: u8 = step_bit("transcript_turn");
/// The bit of [`inside_turn`].
const INSIDE_TURN: u8 = step_bit("inside_turn");
/// The bit of [`stated_elsewhere`].
const STATED_ELSEWHERE: u8 = step_bit("stated_elsewhere");
/// The bit of [`signed_quotation`].
const SIGNED: u8 = step_bit("signed_quotation");
/// The bit of [`floating_quotation`].
const FLOATING: u8 = step_bit("floating_quotation");
/// The bit of [`earlier_in_paragraph`].
const EARLIER: u8 = step_bit("earlier_in_paragraph");

/// A quote that took a speaker of its own (a transcript turn, a floating quotation) while
/// other parts of its statement kept theirs leaves it: a statement of its own, with no cue
/// but its own (a turn's colon).
/// (The parts of one statement share its cue and speaker.)
fn split_statements(quotes: &mut [Quote], changed: &[usize]) {
    if changed.is_empty() {
        return;
    }
    let mut by_statement: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for (i, q) in quotes.iter().enumerate() {
        by_statement.entry(q.statement).or_default().push(i);
    }
    let mut next = quotes.iter().map(|q| q.statement + 1).max().unwrap_or(0);
    for &i in changed {
        let start = |k: usize| quotes[k].speaker.as_ref().map(|s| s.start);
        let shared = by_statement
            .get(&quotes[i].statement)
            .is_some_and(|all| all.iter().any(|&k| k != i && start(k) != start(i)));
        if shared {
            let q = &mut quotes[i];
            q.statement = next;
            next += 1;
            if q.cue
                .as_ref()
                .is_some_and(|c| c.start < q.start || c.start >= q.end)
            {
                q.cue = None;
            }
        }
    }
}

/// `"PENCE: Well, look, …` — a quotation that opens with a transcript turn is the turn's
/// speaker's, whatever the sentence around it named.
fn transcript_turn(
    _: &At,
    q: &mut Quote,
    turn: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Option<Step> {
    if q.kind == QuoteKind::Indirect {
        return None;
    }
    let (s, e) = transcript_speaker(&q.text)?;
    let step = if q.speaker.is_some() {
        Step::Turned
    } else {
        Step::Attributed
    };
    q.speaker = Some(turn(Span {
        start: q.start + s,
        end: q.start + e,
    }));
    // (its cue is the turn's colon)
    q.cue = Some(Cue {
        text: ":".into(),
        start: q.start + e,
        end: q.start + e + 1,
        lemma: ":".into(),
        negated: false,
    });
    Some(step)
}

/// `"PENCE: Well, look, she thinks this is “Shark Tank.” …` — a quotation inside a
/// transcript turn, that nobody in the turn is said to have said, is the turn speaker's
/// words: the turn's name is its speaker and its colon the cue.
fn inside_turn(at: &At, q: &mut Quote, turn: &mut dyn FnMut(Span) -> SpeakerRef) -> Option<Step> {
    let name = at.turn?;
    let inside = |pos: usize| at.para.start <= pos && pos < at.para.end;
    if q.start <= name.end || q.speaker.as_ref().is_some_and(|sp| inside(sp.start)) {
        return None;
    }
    let step = if q.speaker.is_some() {
        Step::Turned
    } else {
        Step::Attributed
    };
    q.speaker = Some(turn(name));
    q.cue = Some(Cue {
        text: ":".into(),
        start: name.end,
        end: name.end + 1,
        lemma: ":".into(),
        negated: false,
    });
    Some(step)
}

/// `Smith said: ¶ “We won.”` — a quotation whose speaker and cue both stand in a paragraph
/// before continues that speaker. (A quotation that runs over paragraphs to its
/// attribution, `“… ¶ “…,” Smith said.`, is stated: the attribution closes it.)
fn stated_elsewhere(at: &At, q: &mut Quote, _: &mut dyn FnMut(Span) -> SpeakerRef) -> Option<Step> {
    let inside = |pos: usize| at.para.start <= pos && pos < at.para.end;
    let sp = q.speaker.as_mut()?;
    let stated_here = inside(sp.start) || sp.start >= at.para.end;
    if stated_here || q.cue.as_ref().is_some_and(|c| c.start >= at.para.start) {
        return None;
    }
    sp.attribution = Attribution::Continued;
    Some(Step::Changed)
}

/// `“Great speech. She's tested.” ¶ -President Obama, tweeting after Clinton's speech.` —
/// a quotation that nothing attributes, in a paragraph that is only quotation, is the
/// speaker's whose name signs it from the line after ([`signature`]).
fn signed_quotation(
    at: &At,
    q: &mut Quote,
    turn: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Option<Step> {
    if q.speaker.is_some() || q.kind == QuoteKind::Indirect {
        return None;
    }
    q.speaker = Some(turn(at.signed?));
    Some(Step::Attributed)
}

/// The name that signs paragraph `p` (a discourse paragraph that is a [`signature`]).
fn signed_by(text: &str, paras: &[Span], kinds: &[ParaKind], p: usize) -> Option<Span> {
    let para = paras.get(p)?;
    if !kinds[p].is_discourse() {
        return None;
    }
    let line = &text[para.start..para.end];
    let lead = line.len() - line.trim_start().len();
    let (s, e) = signature(line.trim())?;
    Some(Span {
        start: para.start + lead + s,
        end: para.start + lead + e,
    })
}

/// `Smith said the bill would fail. ¶ “Nobody read it.”` — a quotation that nothing
/// attributes, in a paragraph that is only quotation, takes the speaker running on; or,
/// after a short paragraph that quotes no one and opens with a person's name
/// (`Daniel Ortega, a farmer, was blunter. ¶ “It is a disaster.”`), that person.
fn floating_quotation(
    at: &At,
    q: &mut Quote,
    turn: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Option<Step> {
    if q.speaker.is_some() || q.kind == QuoteKind::Indirect || !at.only_quotation {
        return None;
    }
    let mut sp = match (at.current, at.introduced) {
        (Some(sp), _) => sp.clone(),
        (None, Some(name)) => turn(name),
        (None, None) => return None,
    };
    sp.attribution = Attribution::Continued;
    sp.quoted_speaker = None;
    q.speaker = Some(sp);
    Some(Step::Attributed)
}

/// `“It isn’t right,” Warren said. “You went on television to blame them” workers.` — a
/// quotation that nothing attributes, opening a later sentence of its paragraph, takes the
/// speaker of the paragraph's quotation before it (a person or a body), when nobody else is
/// named in between.
fn earlier_in_paragraph(
    at: &At,
    q: &mut Quote,
    _: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Option<Step> {
    if q.speaker.is_some() || q.kind == QuoteKind::Indirect || !at.opens_later_sentence {
        return None;
    }
    // (a person or a body: not a mention the grammar could not place, "El", "We're")
    let mut sp = at
        .earlier
        .filter(|sp| {
            matches!(
                sp.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Anonymous
            )
        })?
        .clone();
    sp.attribution = Attribution::Continued;
    sp.quoted_speaker = None;
    q.speaker = Some(sp);
    Some(Step::Attributed)
}

/// Whether the paragraph is only quotation: outside its quotes, nothing but quotation
/// marks, punctuation and space.
fn only_quotation(text: &str, para: Span, here: &[Quote]) -> bool {
    let marks = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || "\"“”'‘’,.;:!?…—–-()[]".contains(c))
    };
    if !here.iter().any(|q| q.kind != QuoteKind::Indirect) {
        return false;
    }
    let mut at = para.start;
    for q in here.iter().filter(|q| q.kind != QuoteKind::Indirect) {
        if q.start >= at {
            if !marks(&text[at..q.start]) {
                return false;
            }
            at = q.end;
        }
    }
    marks(&text[at.min(para.end)..para.end])
}

/// `Daniel Ortega, a farmer, was blunter.` — a short paragraph (one sentence, at most
/// twenty words) that quotes no one and opens with a person's name introduces them.
fn introduces(text: &str, para: Span, here: &[Quote], names: &[NameCandidate]) -> Option<Span> {
    if !here.is_empty() {
        return None;
    }
    let first = names.get(names.partition_point(|n| n.start < para.start))?;
    if first.start != para.start {
        return None;
    }
    let body = text[para.start..para.end].trim_end();
    let one_sentence = !body.trim_end_matches(['.', '!', '?', ':']).contains(". ");
    (one_sentence && body.split_whitespace().count() <= 20 && !body.ends_with(':')).then_some(
        Span {
            start: first.start,
            end: first.end,
        },
    )
}

/// The speaker who runs on after `here` (quotes of one paragraph) up to `upto`: the speaker
/// of its last attributed quote, unless another person is named after that quote. Returns
/// that quote's number in `here`.
fn runs_on(here: &[Quote], names: &[NameCandidate], upto: usize) -> Option<usize> {
    let k = here
        .iter()
        .rposition(|q| q.post.is_none() && q.speaker.is_some())?;
    let last = &here[k];
    let sp = last.speaker.as_ref()?;
    let after = last.end.max(sp.end);
    let from = names.partition_point(|n| n.start < after);
    let upto = names.partition_point(|n| n.start < upto);
    let later = &names[from.min(upto)..upto];
    // (the speaker's surname is read only when someone is named after them)
    (later.is_empty() || {
        let key = super::surname(&sp.name);
        later.iter().all(|n| n.key == key)
    })
    .then_some(k)
}

/// Whether the quotation whose words start at `at` opens a sentence of the paragraph after
/// its first: before its opening mark, a sentence's end.
fn opens_later_sentence(text: &str, para: Span, at: usize) -> bool {
    let before = text[para.start..at.max(para.start)]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'".contains(c))
        .trim_end_matches(|c: char| "\"”’')".contains(c));
    before.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes of `text` after the thread, and the spans it attributed.
    fn thread(text: &str) -> Vec<Quote> {
        crate::analyze(text, &crate::Options::default()).quotes
    }

    fn speaker_of(q: &Quote) -> Option<(&str, Attribution)> {
        q.speaker.as_ref().map(|s| (s.name.as_str(), s.attribution))
    }

    #[test]
    fn transcript_turn_step() {
        let text = "Gov. Mike Pence spoke to Chris Wallace on Sunday.\n\n\"WALLACE: Will she be there?\n\n\"PENCE: She will not be attending the debate.";
        let q = thread(text);
        let last = q.last().expect("the turn is a quote");
        assert_eq!(speaker_of(last), Some(("Mike Pence", Attribution::Stated)));
    }

    #[test]
    fn inside_turn_step() {
        let text = "Gov. Mike Pence spoke to Chris Wallace on Sunday.\n\n\"WALLACE: Will she be there? As “The Wall Street Journal” wrote, it is a concern.";
        let q = thread(text);
        let inner = q.iter().find(|q| q.text == "The Wall Street Journal");
        assert_eq!(
            inner.and_then(speaker_of),
            Some(("Chris Wallace", Attribution::Stated))
        );
    }

    #[test]
    fn earlier_in_paragraph_step() {
        let text = "“It just isn’t right,” Senator Jane Smith said. “You went on television to blame thousands of tellers” for it.";
        let q = thread(text);
        let later = q.iter().find(|q| q.text.starts_with("You went"));
        assert_eq!(
            later.and_then(speaker_of),
            Some(("Jane Smith", Attribution::Continued))
        );
        // (not after another person is named)
        let text = "“It just isn’t right,” Senator Jane Smith said. Tom Brown disagreed. “You went on television to blame thousands of tellers” for it.";
        let q = thread(text);
        let later = q.iter().find(|q| q.text.starts_with("You went"));
        assert_eq!(later.and_then(speaker_of), None);
    }

    #[test]
    fn signed_quotation_step() {
        let text = "Clinton and Sanders met on Thursday.\n\n\"Boeing and GE and other multinationals pay zero taxes.\"\n\n- Bernie Sanders.\n\nThis is a complex issue.\n\n\"I went to Wall Street before the crash.\"\n\n- Clinton.";
        let q = thread(text);
        let names: Vec<_> = q.iter().filter_map(speaker_of).collect();
        assert_eq!(
            names,
            [
                ("Bernie Sanders", Attribution::Stated),
                ("Clinton", Attribution::Stated)
            ]
        );
        // (a list entry after the quotation signs nothing)
        let text = "Trump listed his aims.\n\n\"We will win.\"\n\n- Lower taxes for families.";
        let q = thread(text);
        assert!(q.iter().filter_map(speaker_of).all(|(n, _)| n != "Lower"));
    }

    #[test]
    fn stated_elsewhere_step() {
        let text = "Senator Jane Smith said on Tuesday:\n\n“We will not let this bill pass without a fight.”";
        let q = thread(text);
        let sp = q
            .iter()
            .find_map(|q| q.speaker.as_ref())
            .expect("a speaker");
        assert_eq!(sp.name, "Jane Smith");
        assert_eq!(sp.attribution, Attribution::Continued);
    }

    #[test]
    fn floating_quotation_step() {
        let at = At {
            para: Span { start: 0, end: 20 },
            only_quotation: true,
            current: None,
            introduced: None,
            turn: None,
            earlier: None,
            opens_later_sentence: false,
            signed: None,
        };
        let mut q = Quote {
            kind: QuoteKind::Direct,
            text: "We won.".into(),
            start: 1,
            end: 8,
            statement: 0,
            speaker: None,
            cue: None,
            channel: None,
            time: None,
            post: None,
        };
        let mut no_turn = |_: Span| unreachable!();
        assert_eq!(floating_quotation(&at, &mut q, &mut no_turn), None);
        let smith = SpeakerRef {
            text: "Smith".into(),
            start: 0,
            end: 5,
            name: "Jane Smith".into(),
            role: None,
            kind: crate::model::EntityKind::Person,
            entity: Some(0),
            attribution: Attribution::Stated,
            quoted_speaker: None,
        };
        let at = At {
            current: Some(&smith),
            ..at
        };
        assert_eq!(
            floating_quotation(&at, &mut q, &mut no_turn),
            Some(Step::Attributed)
        );
        assert_eq!(speaker_of(&q), Some(("Jane Smith", Attribution::Continued)));
    }

    #[test]
    fn a_new_person_ends_the_run_and_introduces_the_next_quotation() {
        let text = "“We will win,” Senator Jane Smith said.\n\nTom Brown, a farmer, was blunter.\n\n“It is a disaster for all of us.”";
        let q = thread(text);
        let floating = q.iter().find(|q| q.text.starts_with("It is"));
        assert_eq!(
            floating.and_then(speaker_of),
            Some(("Tom Brown", Attribution::Continued))
        );
    }
}
