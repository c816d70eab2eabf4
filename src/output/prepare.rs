//! The steps before the statements: the posts of a document, the spans they mask, the
//! quotation style, each paragraph's tokens and cues, and the photo caption.

use crate::cues::{self, ParaTokens, Stmt};
use crate::model::{Metadata, Post, Span};
use crate::quotes::QuotePart;
use crate::segment::Token;
use crate::{posts, segment};

/// The document's posts in text order: those from the page's markup, then flattened ones
/// found in the text outside them.
pub(super) fn posts(text: &str, paras: &[Span], embedded: Vec<Post>) -> Vec<Post> {
    let mut found_posts = embedded;
    let flattened = posts::find(text, paras);
    let keep: Vec<Post> = flattened
        .into_iter()
        .filter(|f| {
            !found_posts
                .iter()
                .any(|e| e.start < f.end && f.start < e.end)
        })
        .collect();
    found_posts.extend(keep);
    found_posts.sort_by_key(|p| p.start);
    found_posts
}

/// The spans no statement is read in: the posts, and the markup of posts in the text.
pub(super) fn masks(text: &str, found_posts: &[Post]) -> Vec<Span> {
    segment::merge(
        found_posts
            .iter()
            .map(|p| Span {
                start: p.start,
                end: p.end,
            })
            .chain(posts::markup(text))
            .collect(),
    )
}

/// American house style (double marks, or '' for them): single marks outside double ones
/// are headlines and scare quotes, not the article's quotations.
///
/// `He called it ‘nonsense’ and said “we will win.”` is American; `She said ‘we will win’`
/// is not.
pub(super) fn american(text: &str, parts: &[QuotePart]) -> bool {
    parts.iter().any(|p| !p.single) || segment::has_doubled(text.as_bytes(), b'\'')
}

/// Tokens and sentences per paragraph, each quotation one token, posts left out, with the
/// cues of each sentence.
pub(super) fn tokens(
    text: &str,
    paras: &[Span],
    parts: &[QuotePart],
    masks: &[Span],
) -> Vec<ParaTokens> {
    let mut para_toks = Vec::with_capacity(paras.len());
    let mut next_part = 0;
    // (one list of a paragraph's quotations, refilled for each)
    let mut here: Vec<(usize, Span)> = Vec::new();
    // (one search of the document for doubled apostrophes, not one a paragraph)
    let doubled = segment::has_doubled(text.as_bytes(), b'\'');
    // (the tokens that may end a sentence, as the lexer finds them, refilled for each)
    let mut ends: Vec<usize> = Vec::new();
    for (p, &para) in paras.iter().enumerate() {
        let first = next_part;
        while next_part < parts.len() && parts[next_part].para == p {
            next_part += 1;
        }
        here.clear();
        here.extend((first..next_part).map(|k| (k, parts[k].outer)));
        let (spare_toks, spare_sents, spare_cues) = spare_lists();
        let mut toks = segment::tokens_and_ends_into(text, para, &here, spare_toks, &mut ends);
        // (tokens left out renumber those after them: the splitter then finds its own)
        let mut ends = Some(&ends[..]);
        if !masks.is_empty() {
            let before = toks.len();
            toks.retain(|t| !segment::masked(masks, t.start));
            if toks.len() < before {
                ends = None;
            }
        }
        let sents =
            segment::sentences_into(text, &toks, doubled, ends, |k| parts[k].inner, spare_sents);
        let mut pt = ParaTokens {
            toks,
            sents,
            cues: spare_cues,
            headline: false,
        };
        pt.headline = p == 0 && cues::is_headline(&pt);
        cues::annotate(text, &mut pt);
        para_toks.push(pt);
    }
    para_toks
}

/// The most tokens a worker's spare lists hold room for, together (about 4.5 MB): the
/// lists of a news article are kept, those of a huge document freed.
const KEPT_ROOM: usize = 1 << 16;

/// The lists of a paragraph's tokens, of its sentences (as ranges of token indices) and of
/// its sentences' cues (each sentence's list kept, refilled by `cues::annotate`).
type Lists = (
    Vec<Token>,
    Vec<std::ops::Range<usize>>,
    Vec<Vec<cues::CueHit>>,
);

thread_local! {
    /// The token, sentence and cue lists of this worker's last document, for the next
    /// one's paragraphs: each paragraph's lists are taken from here instead of allocated.
    static SPARE_LISTS: std::cell::RefCell<Vec<Lists>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A paragraph's lists from this worker's spare lists, or new empty ones.
fn spare_lists() -> Lists {
    SPARE_LISTS
        .try_with(|s| s.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Give the lists of a finished document back to this worker's spare lists, for the
/// paragraphs of its next document.
pub(super) fn recycle(para_toks: Vec<ParaTokens>) {
    let _ = SPARE_LISTS.try_with(|s| {
        let mut spare = s.borrow_mut();
        let mut room: usize = spare.iter().map(|(t, ..)| t.capacity()).sum();
        for pt in para_toks {
            room += pt.toks.capacity();
            if room > KEPT_ROOM {
                break;
            }
            spare.push((pt.toks, pt.sents, pt.cues));
        }
    });
}

/// A photo caption (the paragraph holding the photo credit) states nothing: its statements
/// without a quotation go.
pub(super) fn drop_caption(metadata: &Metadata, paras: &[Span], stmts: &mut Vec<Stmt>) {
    if let Some(credit) = &metadata.photo_credit {
        let caption = paras
            .partition_point(|p| p.start <= credit.start)
            .saturating_sub(1);
        stmts.retain(|s| s.para != caption || !s.parts.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(text: &str) -> Vec<QuotePart> {
        let paras = segment::paragraphs(text);
        crate::quotes::find(text, &paras, &[], false).0
    }

    #[test]
    fn double_marks_make_a_text_american() {
        let text = "He called it ‘nonsense’ and said “we will win.”";
        assert!(american(text, &parts_of(text)));
        let text = "She said ‘we will win’ on Monday.";
        assert!(!american(text, &parts_of(text)));
    }

    #[test]
    fn each_paragraph_has_its_tokens_and_cues() {
        let text = "The mayor said the budget was balanced.\n\nNothing else happened.";
        let paras = segment::paragraphs(text);
        let pt = tokens(text, &paras, &[], &[]);
        assert_eq!(pt.len(), 2);
        assert_eq!(pt[0].sents.len(), 1);
        assert!(pt[0].cues[0].iter().any(|c| c.lemma == "say"));
        assert!(pt[1].cues[0].is_empty());
    }

    #[test]
    fn a_photo_caption_states_nothing() {
        let text = "Photo by Jane Doe/Reuters shows the mayor, who said the plan failed.\n\n\
                    The mayor said the budget was balanced.";
        let paras = segment::paragraphs(text);
        let md = Metadata {
            photo_credit: Some(crate::model::Located {
                text: "Photo by Jane Doe/Reuters".into(),
                start: 0,
                end: 25,
            }),
            ..Metadata::default()
        };
        let pt = tokens(text, &paras, &[], &[]);
        let (mut stmts, info) = cues::link(text, &pt, &[], false);
        cues::reported(text, &pt, &mut stmts, &info);
        let before = stmts.len();
        drop_caption(&md, &paras, &mut stmts);
        assert!(stmts.iter().all(|s| s.para != 0));
        assert!(stmts.len() < before);
    }

    #[test]
    fn cue_and_content_in_one_step_make_what_the_two_steps_make() {
        // (the pipeline runs `link_and_report`, which hands the linking's map of cues on to
        // reported speech; the stages' own tests run `link`, then `reported`, which builds
        // the map again from the statements: both must give the same statements)
        for text in [
            "“We will win,” Smith said. He said the vote was fair.\n\n“It was close.”",
            "The mayor said the budget was balanced, according to aides.\n\nShe told \
             reporters: “No cuts.” Officials said later that the plan, which “works,” stays.",
            "“A,” he said, “B.” Jones said it would rain — and it did, she said.",
            "Nothing here is said.",
        ] {
            let paras = segment::paragraphs(text);
            let parts = parts_of(text);
            let american = american(text, &parts);
            let pt = tokens(text, &paras, &parts, &[]);
            let (one, one_info) = cues::link_and_report(text, &pt, &parts, american);
            let (mut two, two_info) = cues::link(text, &pt, &parts, american);
            cues::reported(text, &pt, &mut two, &two_info);
            assert!(!one.is_empty() || text.starts_with("Nothing"), "{text}");
            assert_eq!(format!("{one:?}"), format!("{two:?}"), "{text}");
            assert_eq!(format!("{one_info:?}"), format!("{two_info:?}"), "{text}");
        }
    }
}
