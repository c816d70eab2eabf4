//! After the thread (`speakers::thread`): the occasion of the quotations whose speaker only
//! the thread or the paragraph gave, and which the channel step therefore never saw: the turns
//! of a transcript, and a quotation with no cue that goes on after its speaker's attribution.

use super::statement::Doc;
use crate::channels::window;
use crate::model::{ChannelKind, Quote, Span};
use crate::speakers::discourse::ParaKind;

/// The channel and time of the quotations the thread attributed, in order: a transcript's
/// turns first, so that a quotation after a turn goes on with the turn's occasion.
/// `kinds` are the paragraphs' kinds the speaker step read (`speakers::discourse`).
pub(super) fn complete(doc: &Doc, kinds: &[ParaKind], quotes: &mut [Quote]) {
    transcripts(doc, kinds, quotes);
    cueless(doc, quotes);
}

/// The kinds of channel a transcript is of: an occasion where people speak in turn.
const TRANSCRIBED: [ChannelKind; 5] = [
    ChannelKind::Broadcast,
    ChannelKind::Interview,
    ChannelKind::Speech,
    ChannelKind::PressConference,
    ChannelKind::Hearing,
];

/// How many paragraphs before a transcript's first turn the statement that states its
/// occasion may stand, and how many paragraphs of a turn may run on between two turns.
const TRANSCRIPT_REACH: usize = 4;

/// A transcript's turns ("WALLACE: …", "PENCE: …") are of one occasion, whoever speaks: the
/// quotes of the turns' speakers (read by the thread, `speakers::thread`), from the first turn
/// of a run to the last, take the channel and time of the last quote before the run that
/// states such an occasion, a few paragraphs before it and with no section break between
/// ("On this weekend’s broadcast of “Fox News Sunday,” Pence said … / Partial transcript as
/// follows: / WALLACE: …"). A channel of their own that names an occasion stays.
fn transcripts(doc: &Doc, kinds: &[ParaKind], quotes: &mut [Quote]) {
    let turn = |p: usize| kinds.get(p) == Some(&ParaKind::Transcript);
    let broken = |p: usize| {
        let para = doc.paras[p];
        window::section_break(&doc.text[para.start..para.end])
    };
    let mut p = 0;
    while p < doc.paras.len() {
        if !turn(p) {
            p += 1;
            continue;
        }
        let first = p;
        let mut last = p;
        while let Some(next) = (last + 1..(last + 1 + TRANSCRIPT_REACH).min(doc.paras.len()))
            .take_while(|&q| !broken(q))
            .find(|&q| turn(q))
        {
            last = next;
        }
        let from = (first.saturating_sub(TRANSCRIPT_REACH)..first)
            .rev()
            .take_while(|&q| !broken(q))
            .last()
            .unwrap_or(first);
        let at = |q: usize| doc.paras[q].start;
        let run = Span {
            start: at(first),
            end: doc.paras[last].end,
        };
        transcribe(quotes, at(from), run);
        p = last + 1;
    }
}

/// A whole quotation with a speaker but no cue of its own, after the same speaker's quotation
/// in its paragraph (“… ,” Palmieri told reporters. “I think what they are really going to
/// care about is …”), takes that quotation's channel and time: the paragraph goes on with what
/// the attribution introduced. (Across paragraphs a new incident may begin; a partial
/// quotation with no cue is a word in an account of what someone did, "called her
/// “third-rate”", often on another occasion.)
fn cueless(doc: &Doc, quotes: &mut [Quote]) {
    let para_of = |pos: usize| doc.paras.partition_point(|p| p.end <= pos);
    // (per entity, an index into the document's speakers: its last quote; a list, not a map)
    let mut last_of: Vec<Option<usize>> = Vec::new();
    for i in 0..quotes.len() {
        let q = &quotes[i];
        let Some(e) = q.speaker.as_ref().and_then(|sp| sp.entity) else {
            continue;
        };
        if q.post.is_some() {
            continue;
        }
        if e >= last_of.len() {
            last_of.resize(e + 1, None);
        }
        let prev = last_of[e].replace(i);
        let whole = q.kind == crate::model::QuoteKind::Direct;
        if !whole || q.cue.is_some() || q.channel.is_some() || q.time.is_some() {
            continue;
        }
        let Some(p) = prev.filter(|&p| para_of(quotes[p].start) == para_of(q.start)) else {
            continue;
        };
        let (mut channel, mut time) = (quotes[p].channel.clone(), quotes[p].time.clone());
        channel.iter_mut().for_each(|c| c.carried = true);
        time.iter_mut().for_each(|t| t.carried = true);
        (quotes[i].channel, quotes[i].time) = (channel, time);
    }
}

/// [`transcripts`] for the run of turns over `run`, whose occasion is stated from `from` on.
/// (The quotes are sorted by start: the run's and those before it are found by binary
/// searches, so that many runs cost no more than one.)
fn transcribe(quotes: &mut [Quote], from: usize, run: Span) {
    let at = |pos: usize| quotes.partition_point(|q| q.start < pos);
    let (before, first, end) = (at(from), at(run.start), at(run.end));
    let occasion = quotes[before..first]
        .iter()
        .rev()
        .filter_map(|q| Some((q.channel.as_ref()?, q)))
        .find(|(c, _)| !c.carried && TRANSCRIBED.contains(&c.kind));
    let Some((channel, q)) = occasion else {
        return;
    };
    let (mut channel, mut time) = (channel.clone(), q.time.clone());
    channel.carried = true;
    time.iter_mut().for_each(|t| t.carried = true);
    let turns = &mut quotes[first..end];
    // (the turns' speakers: those of the quotes a turn's colon cues, "PENCE:")
    let mut speakers: Vec<usize> = turns
        .iter()
        .filter(|q| q.cue.as_ref().is_some_and(|c| c.text == ":"))
        .filter_map(|q| q.speaker.as_ref()?.entity)
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    for q in turns.iter_mut() {
        let e = q.speaker.as_ref().and_then(|sp| sp.entity);
        let own = q
            .channel
            .as_ref()
            .is_some_and(|c| !c.carried && TRANSCRIBED.contains(&c.kind));
        if own || !e.is_some_and(|e| speakers.contains(&e)) {
            continue;
        }
        q.channel = Some(channel.clone());
        if time.is_some() {
            q.time = time.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ChannelKind;

    #[test]
    fn a_quotation_with_no_cue_goes_on_with_its_speakers_occasion_in_the_paragraph() {
        let text = "\"Nobody cares about it,\" Palmieri told reporters on Monday. \"I think \
                    what they really care about is that she is raising incomes for the middle \
                    class\" and other pocketbook issues.\n\n\"It was a gaffe,\" Ames said. \"I \
                    think it was an answer to a question that nobody had asked her\" and a fair \
                    one.";
        let a = crate::analyze(text, &crate::Options::default());
        let of = |w: &str| {
            let q = a.quotes.iter().find(|q| q.text.starts_with(w)).unwrap();
            (
                q.cue.is_some(),
                q.channel.as_ref().map(|c| c.carried),
                q.time.is_some(),
            )
        };
        assert_eq!(of("Nobody"), (true, Some(false), true));
        assert_eq!(of("I think what"), (false, Some(true), true));
        // (a quotation before it with no occasion gives none)
        assert_eq!(of("I think it was"), (false, None, false));
    }

    #[test]
    fn a_transcripts_turns_take_the_occasion_stated_before_it() {
        let text = "In an interview on CNN on Monday, Smith said the plan had failed.\n\n\
                    Partial transcript as follows:\n\n\
                    \"TAPPER: Did it fail?\n\n\"SMITH: It did, and it cost too much.\"\n\n\
                    ___\n\n\"TAPPER: And now?\"";
        let a = crate::analyze(text, &crate::Options::default());
        let turns: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| q.cue.as_ref().is_some_and(|c| c.text == ":"))
            .map(|q| {
                (
                    q.channel.as_ref().map(|c| (c.kind, c.carried)),
                    q.time.is_some(),
                )
            })
            .collect();
        let on_cnn = Some((ChannelKind::Broadcast, true));
        // (no occasion carries across a section break)
        assert_eq!(turns, [(on_cnn, true), (on_cnn, true), (None, false)]);
    }
}
