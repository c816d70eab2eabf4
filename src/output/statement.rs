//! The statement record: one per statement the cues stage found, filled in turn by the steps
//! of [`super::assemble`]: cue and content (from `cues`), speaker, channel and time, then its
//! number in the output. What every step reads of the document is [`Doc`].

use std::ops::Range;

use crate::cues::{CueHit, ParaTokens, PartInfo, Stmt};
use crate::model::{Channel, Span, SpeakerRef, Time};
use crate::quotes::QuotePart;

/// What the steps read of one document: its text, paragraphs, quotation parts (with what
/// the linking found of each) and tokens, and which parts are speech.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub paras: &'a [Span],
    pub parts: &'a [QuotePart],
    pub info: &'a [PartInfo],
    pub para_toks: &'a [ParaTokens],
    /// Per quotation part: whether it is speech (the speech step's answer, empty before).
    pub speech: Vec<bool>,
    /// Per paragraph: what the channel step's word-list scans read of it (`channels::Hits`:
    /// its span and closed quotations), found on first use and shared by the channel step and
    /// the occasions of carrying; each region's matches are scanned where a rule reads them.
    pub hits: Vec<std::cell::OnceCell<crate::channels::Hits>>,
}

impl Doc<'_> {
    /// Whether quotation part `k` is speech.
    pub fn is_speech(&self, k: usize) -> bool {
        self.speech[k]
    }
}

/// One statement, as the steps fill it in.
pub(super) struct Statement {
    // The cue (from `cues::link`).
    /// Its paragraph, and the token range of its sentence.
    pub para: usize,
    pub sent: Range<usize>,
    pub cue: Option<CueHit>,
    pub negated: bool,
    /// An attribution with no one named: it stands with no speaker.
    pub agentless: bool,
    // The content (from `cues::link` and `cues::reported`).
    /// Its quotation parts.
    pub parts: Vec<usize>,
    /// Reported speech: the clause, its opening before an interrupting attribution, and what
    /// follows the attribution's sentence (see `cues::Stmt`).
    pub content: Option<Span>,
    pub lead: Option<Span>,
    pub rest: Option<Span>,
    /// It governs speech (a quotation part that is speech, or reported content): only these
    /// get a speaker.
    pub governs_speech: bool,
    // The speaker (speaker step).
    /// A mention of its speaker was found next to the cue.
    pub has_mention: bool,
    pub speaker: Option<SpeakerRef>,
    /// It stands as a statement of the output (decided by the speaker step).
    pub stands: bool,
    // The channel and time (channel step).
    pub channel: Option<Channel>,
    pub time: Option<Time>,
    // The output.
    /// Its number among the output's statements, given when its first piece is written.
    pub number: Option<usize>,
}

impl Statement {
    /// The records of the statements the cues stage found, with whether each governs speech.
    pub fn from_cues(stmts: Vec<Stmt>, doc: &Doc) -> Vec<Statement> {
        stmts
            .into_iter()
            .map(|s| {
                let governs_speech =
                    s.content.is_some() || s.parts.iter().any(|&k| doc.is_speech(k));
                Statement {
                    para: s.para,
                    sent: s.sent,
                    cue: s.cue,
                    negated: s.negated,
                    agentless: s.agentless,
                    parts: s.parts,
                    content: s.content,
                    lead: s.lead,
                    rest: s.rest,
                    governs_speech,
                    has_mention: false,
                    speaker: None,
                    stands: false,
                    channel: None,
                    time: None,
                    number: None,
                }
            })
            .collect()
    }

    /// Whether any of its quotation parts is speech.
    pub fn quotes_speech(&self, doc: &Doc) -> bool {
        self.parts.iter().any(|&k| doc.is_speech(k))
    }

    /// The tokens of its paragraph.
    pub fn para_tokens<'a>(&self, doc: &Doc<'a>) -> &'a ParaTokens {
        &doc.para_toks[self.para]
    }
}
