//! A speaker with one occasion in the article: when every channel a speaker's statements state
//! themselves is the same one ("Limbaugh told his radio audience of Monday, …"), with one day
//! at most, the article quotes that occasion throughout, and the speaker's later statements that
//! state none and quote its words take it however far on ("According to Limbaugh, …" five paragraphs later, after
//! another speaker's paragraphs), unless a section break lies between or they state another
//! time. A post is no such occasion. Carrying within a few paragraphs (`channel::carry`) has run first; what this adds is
//! marked `carried`.

use rustc_hash::FxHashMap as HashMap;

use super::statement::Statement;
use crate::channels::window;
use crate::model::{Channel, ChannelKind, Time};

/// An entity's occasion: the paragraph of the statement that states it first, its channel
/// and its time; `None` once the entity states a second one.
type Single = Option<(usize, Channel, Option<Time>)>;

/// Give the later statements of every speaker with one stated occasion that occasion, as the
/// module doc says. `entity_of` is the entity a statement's speaker stands for in carrying;
/// `breaks` the paragraphs that break the article into sections.
pub(super) fn one_occasion(
    statements: &mut [Statement],
    breaks: &[usize],
    entity_of: &dyn Fn(&Statement) -> Option<usize>,
) {
    let single = occasions(statements, entity_of);
    // (only a statement that quotes: an account in the writer's words, "has spoken about",
    // "told his advisers to", is as often of another occasion)
    for st in statements
        .iter_mut()
        .filter(|st| st.stands && st.cue.is_some() && !st.parts.is_empty())
    {
        let Some(Some((p, c, t))) = entity_of(st).and_then(|e| single.get(&e)) else {
            continue;
        };
        let broken = breaks.iter().any(|&b| *p < b && b < st.para);
        let other_time = match (&st.time, t) {
            (Some(a), Some(b)) => !window::same_time(a, b),
            (Some(_), None) => true,
            _ => false,
        };
        if st.channel.is_some() || st.para <= *p || broken || other_time {
            continue;
        }
        let mut c = c.clone();
        c.carried = true;
        st.channel = Some(c);
        if st.time.is_none() {
            st.time = t.clone().map(|mut t| {
                t.carried = true;
                t
            });
        }
    }
}

/// Per entity, its one stated occasion ([`Single`]), read from the channels its statements
/// state themselves (not carried).
fn occasions(
    statements: &[Statement],
    entity_of: &dyn Fn(&Statement) -> Option<usize>,
) -> HashMap<usize, Single> {
    let mut single: HashMap<usize, Single> = HashMap::default();
    for st in statements.iter().filter(|st| st.stands) {
        let (Some(e), Some(c)) = (entity_of(st), st.channel.as_ref().filter(|c| !c.carried)) else {
            continue;
        };
        // (a post is one short text of its own: a later quotation is seldom from it)
        if c.kind == ChannelKind::SocialMedia {
            single.insert(e, None);
            continue;
        }
        let own_time = st.time.clone().filter(|t| !t.carried);
        let entry = single
            .entry(e)
            .or_insert_with(|| Some((st.para, c.clone(), own_time.clone())));
        let same = entry.as_ref().is_some_and(|(_, c0, t0)| {
            c0.kind == c.kind
                && c0.outlet == c.outlet
                && match (t0, &own_time) {
                    (Some(a), Some(b)) => window::same_time(a, b),
                    (None, Some(_)) => false,
                    _ => true,
                }
        });
        if !same {
            *entry = None;
        }
    }
    single
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// The channel kind and time of the quotation of `text` that starts with `words`.
    fn of(text: &str, words: &str) -> (Option<String>, Option<String>) {
        let a = analyze(text, &Default::default());
        let q = a.quotes.iter().find(|q| q.text.starts_with(words)).unwrap();
        (
            q.channel.as_ref().map(|c| format!("{:?}", c.kind)),
            q.time.as_ref().map(|t| t.text.clone()),
        )
    }

    const BETWEEN: &str = "The mayor spoke next.\n\n“We are ready,” Lee said.\n\n\
                           The crowd left early.\n\nThe band played on.\n\n";

    #[test]
    fn one_occasion_is_quoted_throughout() {
        let text = format!(
            "Ames told his radio audience on Monday, “The plan is dead.”\n\n{BETWEEN}\
             According to Ames, “The vote was rigged.”"
        );
        assert_eq!(
            of(&text, "The vote"),
            (Some("Broadcast".into()), Some("on Monday".into()))
        );
    }

    #[test]
    fn two_occasions_or_an_account_carry_nothing_far() {
        let two = format!(
            "Ames told his radio audience on Monday, “The plan is dead.” Ames said in a \
             statement that he would sue.\n\n{BETWEEN}According to Ames, “The vote was rigged.”"
        );
        assert_eq!(of(&two, "The vote"), (None, None));
        let account = format!(
            "Ames told his radio audience on Monday, “The plan is dead.”\n\n{BETWEEN}\
             Ames has said the vote was rigged."
        );
        assert_eq!(of(&account, "the vote"), (None, None));
    }
}
