//! The speaker that runs on from one paragraph to the next ([`continue_speakers`]).
//!
//! The article is read in order, paragraph by paragraph, skipping what is no discourse
//! (captions, bylines, links; a time stamp ends the speaker's run). Each quotation takes one
//! step of [`STEPS`], in order: a transcript turn names its speaker; a quotation whose
//! speaker is named in another paragraph continues them; a quotation that nothing
//! attributes, alone in its paragraph, takes the speaker of the paragraph before.

use super::discourse::{ParaKind, transcript_speaker};
use crate::model::{Attribution, Cue, Quote, QuoteKind, Span, SpeakerRef};

/// A person named in the text: where, and the key of the name (its surname, lower case).
pub(crate) struct Named {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

/// What a step sees: the paragraph, whether it is only quotation, and the speaker running
/// on from the paragraph before.
struct At<'a> {
    para: Span,
    only_quotation: bool,
    current: Option<&'a SpeakerRef>,
    /// The person the paragraph before introduced, when it quoted no one
    /// ("Daniel Ortega, a farmer, was blunter.").
    introduced: Option<Span>,
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
    ("stated_elsewhere", stated_elsewhere),
    ("floating_quotation", floating_quotation),
];

/// Run the thread over the quotes (sorted by start). `turn` gives the speaker of a
/// transcript turn's name (its span). Returns the spans of the quotes that were given a
/// speaker they had not.
pub(crate) fn continue_speakers(
    text: &str,
    paras: &[Span],
    kinds: &[ParaKind],
    names: &[Named],
    quotes: &mut [Quote],
    turn: &mut dyn FnMut(Span) -> SpeakerRef,
) -> Vec<Span> {
    let mut attributed = Vec::new();
    let mut turned = Vec::new();
    let mut current: Option<SpeakerRef> = None;
    let mut introduced: Option<Span> = None;
    let mut q = 0;
    for (&para, &kind) in paras.iter().zip(kinds) {
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
        let here = &mut quotes[from..q];
        let at = At {
            para,
            only_quotation: only_quotation(text, para, here),
            current: current.as_ref(),
            introduced,
        };
        for (i, quote) in here.iter_mut().enumerate() {
            if quote.post.is_some() {
                continue;
            }
            let step = STEPS.iter().find_map(|(_, s)| s(&at, quote, turn));
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
        current = runs_on(para, here, names);
        introduced = introduces(text, para, here, names);
    }
    split_statements(quotes, &turned);
    attributed
}

/// A quote that took a speaker of its own (a transcript turn, a floating quotation) while
/// other parts of its statement kept theirs leaves it: a statement of its own, with no cue
/// but its own (a turn's colon).
/// (The parts of one statement share its cue and speaker.)
fn split_statements(quotes: &mut [Quote], changed: &[usize]) {
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
fn introduces(text: &str, para: Span, here: &[Quote], names: &[Named]) -> Option<Span> {
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

/// The speaker who runs on after the paragraph: the speaker of its last attributed quote,
/// unless another person is named after that quote.
fn runs_on(para: Span, here: &[Quote], names: &[Named]) -> Option<SpeakerRef> {
    let last = here
        .iter()
        .filter(|q| q.post.is_none())
        .rfind(|q| q.speaker.is_some())?;
    let sp = last.speaker.as_ref()?;
    let key = super::surname(&sp.name);
    let after = last.end.max(sp.end);
    let from = names.partition_point(|n| n.start < after);
    let upto = names.partition_point(|n| n.start < para.end);
    names[from.min(upto)..upto]
        .iter()
        .all(|n| n.key == key)
        .then(|| sp.clone())
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
