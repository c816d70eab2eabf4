//! Output: runs the stages in order and assembles the record of the output contract.
//!
//! Internal types of the stages (quotation parts, cue hits, mentions) end here; what leaves
//! is `model`. Each statement the cues stage finds becomes one [`statement::Statement`]
//! record, which the steps fill in turn: cue and content (`cues`), speech or not
//! ([`speech`]), speaker ([`speaker`]), channel and time ([`channel`]); then the statements
//! are written out in document order ([`emit`]) and the posts join them
//! ([`post_statements`]). Also here: offset conversion to code points or UTF-16 units, and
//! the JSON Schema of a record ([`offsets`]).

mod channel;
mod emit;
mod event_time;
mod json;
mod offsets;
mod one_occasion;
mod post_statements;
mod prepare;
mod reported_time;
mod speaker;
mod speech;
mod statement;
mod thread_occasion;

pub use json::write_json;
pub use offsets::{convert_offsets, schema, shift_record};

use crate::model::*;
use crate::speakers::EntityB;
use crate::{Exceeded, Options, cues, input, quotes, segment};
use statement::{Doc, Statement};

/// Run the pipeline over one document.
pub(crate) fn assemble(text: &str, options: &Options, embedded: Vec<Post>) -> Analysis {
    // Without a deadline no stage stops.
    assemble_within(text, options, embedded, &Budget(None)).unwrap_or_default()
}

/// A document's work budget: the instant by which its analysis must be done (none: no
/// limit). The pipeline looks at it between stages and stops with the stage it reached.
pub(crate) struct Budget(pub Option<std::time::Instant>);

impl Budget {
    /// `Err` naming `stage` when the budget is spent.
    fn check(&self, stage: &'static str) -> Result<(), Exceeded> {
        match self.0 {
            Some(d) if std::time::Instant::now() >= d => Err(Exceeded { stage }),
            _ => Ok(()),
        }
    }
}

/// Run the pipeline over one document within `budget`.
pub(crate) fn assemble_within(
    text: &str,
    options: &Options,
    embedded: Vec<Post>,
    budget: &Budget,
) -> Result<Analysis, Exceeded> {
    let metadata = input::metadata(text, options.date.as_deref());
    let (lines, paras) = segment::lines_and_paragraphs(text);
    let found_posts = prepare::posts(text, &lines, embedded);
    drop(lines);
    budget.check("posts")?;
    let masks = prepare::masks(text, &found_posts);
    let (parts, mut flags) = quotes::find(text, &paras, &masks, options.doubled_apostrophes);
    budget.check("quotes")?;
    let american = prepare::american(text, &parts);
    let para_toks = prepare::tokens(text, &paras, &parts, &masks);
    budget.check("segment")?;
    // Cue and content.
    let (mut stmts, info) = cues::link_and_report(text, &para_toks, &parts, american);
    prepare::drop_caption(&metadata, &paras, &mut stmts);
    budget.check("cues")?;
    let mut doc = Doc {
        text,
        paras: &paras,
        parts: &parts,
        info: &info,
        para_toks: &para_toks,
        speech: Vec::new(),
        hits: paras.iter().map(|_| Default::default()).collect(),
    };
    let non_speech = speech::decide(&mut doc, american);
    let mut statements = Statement::from_cues(stmts, &doc);
    // Speaker, channel and time.
    let speaker::Attributed {
        candidates,
        mut entities,
        part_speakers,
    } = speaker::attribute(&doc, &mut statements);
    budget.check("speakers")?;
    channel::step(&doc, &metadata, &mut statements);
    budget.check("channels")?;
    // Written out, with the posts.
    let (mut quotes_out, next_number) =
        emit::quotes(&doc, &mut statements, &part_speakers, &mut flags);
    post_statements::add(
        text,
        &found_posts,
        &mut entities,
        next_number,
        &mut quotes_out,
    );
    post_statements::link(&found_posts, &mut quotes_out);
    quotes_out.sort_by_key(|q| (q.start, q.end));
    speaker::thread(
        &doc,
        &candidates,
        &mut entities,
        &mut quotes_out,
        &mut flags,
    );
    thread_occasion::complete(&doc, candidates.kinds(), &mut quotes_out);
    flags.sort_by_key(|f| (f.start, f.end));
    let mut analysis = Analysis {
        id: String::new(),
        offsets: OffsetUnit::Bytes,
        quotes: quotes_out,
        speakers: entities.into_iter().enumerate().map(entity).collect(),
        posts: found_posts,
        non_speech,
        flags,
        metadata,
        text: None,
    };
    drop(doc);
    prepare::recycle(para_toks);
    budget.check("output")?;
    crate::review::flags(text, &paras, &candidates, &mut analysis);
    Ok(analysis)
}

/// The output's entity number `id`: its mentions in order, each once.
fn entity((id, e): (usize, EntityB)) -> Entity {
    let mut mentions = e.mentions;
    mentions.sort_by_key(|m| m.start);
    mentions.dedup();
    Entity {
        id,
        name: e.name,
        kind: e.kind,
        roles: e.roles,
        mentions,
    }
}
