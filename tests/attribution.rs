//! Who a quotation is attributed to when a sentence holds more than one cue word.

use whosaid::{Options, analyze};

/// The speaker and cue of the direct quotation in `text`.
fn direct(text: &str) -> (String, String) {
    let a = analyze(text, &Options::default());
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("were"))
        .unwrap_or_else(|| panic!("no direct quotation in {text:?}: {:#?}", a.quotes));
    (
        q.speaker
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
    )
}

#[test]
fn a_noun_before_the_quotation_does_not_take_the_attribution() {
    // "reports" and "remarks" are cue words as verbs; here they are nouns naming the words.
    for text in [
        "Senator Mary Smith said the Chinese reports “were a disgrace to the office.”",
        "Senator Mary Smith said the president’s remarks “were a disgrace to the office.”",
    ] {
        assert_eq!(
            direct(text),
            ("Senator Mary Smith".into(), "said".into()),
            "{text}"
        );
    }
}

#[test]
fn a_verb_after_its_subject_still_takes_the_attribution() {
    assert_eq!(
        direct("The senator said nothing, but officials say the talks “were a failure.”"),
        ("officials".into(), "say".into())
    );
}
