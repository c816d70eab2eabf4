//! Editorial review: drafts written by the team with one known problem each get that flag;
//! the clean draft and the user's article get no false flag; `whosaid review` exits 1 with
//! `--fail-on` and draws diagnostics with line:column.

use std::process::Command;
use whosaid::{Analysis, FlagKind, Options, Severity, analyze};

fn analysis_of(name: &str) -> Analysis {
    let path = format!(
        "{}/tests/fixtures/drafts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    analyze(&text, &Options::default())
}

fn flags_of(name: &str) -> Vec<FlagKind> {
    analysis_of(name).flags.iter().map(|f| f.kind).collect()
}

#[track_caller]
fn flagged(name: &str, kind: FlagKind) {
    let flags = flags_of(name);
    assert!(flags.contains(&kind), "{name}: {kind:?} not in {flags:?}");
}

#[test]
fn each_draft_gets_its_flag() {
    flagged("unattributed.txt", FlagKind::UnattributedQuote);
    flagged("unbalanced.txt", FlagKind::UnbalancedQuote);
    flagged("ambiguous_pronoun.txt", FlagKind::AmbiguousPronoun);
    flagged("unintroduced.txt", FlagKind::UnintroducedSpeaker);
    flagged("anonymous.txt", FlagKind::AnonymousSource);
    flagged("platform_without_post.txt", FlagKind::PlatformWithoutPost);
    flagged("post_author_mismatch.txt", FlagKind::PostAuthorMismatch);
    flagged("same_words.txt", FlagKind::SameWordsTwoSpeakers);
    flagged("changed_wording.txt", FlagKind::ChangedWording);
    flagged("loaded_verb.txt", FlagKind::LoadedVerb);
}

#[test]
fn each_drafts_flag_has_its_severity_and_an_id() {
    for (name, kind, severity) in [
        ("unbalanced.txt", FlagKind::UnbalancedQuote, Severity::Error),
        (
            "unintroduced.txt",
            FlagKind::UnintroducedSpeaker,
            Severity::Warning,
        ),
        ("anonymous.txt", FlagKind::AnonymousSource, Severity::Note),
        ("loaded_verb.txt", FlagKind::LoadedVerb, Severity::Note),
    ] {
        let a = analysis_of(name);
        let f = a.flags.iter().find(|f| f.kind == kind).unwrap();
        assert_eq!(f.severity, severity, "{name}");
        assert!(f.id.starts_with(&format!("{}:", kind.id())), "{}", f.id);
        // The same article analysed again gives the same ids.
        assert_eq!(analysis_of(name).flags, a.flags);
    }
}

/// Edited copy, written like a published article: the full name before the surname (in the
/// lead, after a role), groups, "alleged" and "denied", an outlet and a contraction. None of
/// it is a flag; the unnamed resident is a note that gives the reason in its sentence.
#[test]
fn published_copy_gets_only_a_note_with_its_reason() {
    let a = analysis_of("published.txt");
    let kinds: Vec<FlagKind> = a.flags.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FlagKind::AnonymousSource], "{:?}", a.flags);
    assert!(
        a.flags[0].message.contains("whose name is redacted"),
        "{}",
        a.flags[0].message
    );
}

#[test]
fn a_surname_before_the_full_name_and_an_unnamed_official_are_flagged() {
    let text = "“We will not back down,” Havel said on Tuesday.\n\n\
                Councilman Peter Havel has opposed the plan since March.\n\n\
                “It will pass,” a senior official said.";
    let a = analyze(text, &Options::default());
    let kinds: Vec<FlagKind> = a.flags.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [FlagKind::UnintroducedSpeaker, FlagKind::AnonymousSource]
    );
    assert!(
        a.flags[1].message.contains("no reason"),
        "{}",
        a.flags[1].message
    );
}

#[test]
fn the_clean_draft_gets_no_flag() {
    assert_eq!(flags_of("clean.txt"), []);
}

#[test]
fn the_anonymous_source_flag_gives_the_reason() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/drafts/anonymous.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let a = analyze(&text, &Options::default());
    let f = a
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::AnonymousSource)
        .unwrap();
    assert!(
        f.message.contains("condition of anonymity"),
        "{}",
        f.message
    );
}

#[test]
fn no_false_flag_on_the_users_article() {
    let text = include_str!("../samples/000_27924a35f5f8de13.txt");
    let a = analyze(text, &Options::default());
    // The two statements made "via Twitter" with no post of their speakers embedded are
    // notes an editor may act on; nothing else is flagged, and "Scott" is no quotation.
    let kinds: Vec<FlagKind> = a.flags.iter().map(|f| f.kind).collect();
    assert!(
        kinds.iter().all(|k| *k == FlagKind::PlatformWithoutPost),
        "{:?}",
        a.flags
    );
    assert_eq!(kinds.len(), 2);
}

#[test]
fn every_flag_kind_has_an_id_and_a_sentence() {
    for k in FlagKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.id());
        assert!(k.doc().ends_with('.'), "{k:?}");
    }
}

fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

#[test]
fn review_lists_statements_by_speaker_and_draws_diagnostics() {
    let out = whosaid()
        .args([
            "review",
            "samples/000_27924a35f5f8de13.txt",
            "tests/fixtures/drafts/unattributed.txt",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Suhail Shaheen (Taliban spokesman)"));
    assert!(
        s.contains("Zalmay Khalilzad (U.S. special representative for Afghanistan reconciliation)")
    );
    assert!(s.contains("ONSC Press"));
    assert!(s.contains("note[unattributed_quote]"), "{s}");
    assert!(
        s.contains("tests/fixtures/drafts/unattributed.txt:3:2"),
        "{s}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn fail_on_exits_1_for_those_kinds_only() {
    let status = |kinds: &str, file: &str| {
        whosaid()
            .args(["review", "--fail-on", kinds, file])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(
        status(
            "unattributed_quote",
            "tests/fixtures/drafts/unattributed.txt"
        ),
        Some(1)
    );
    assert_eq!(
        status("loaded_verb", "tests/fixtures/drafts/unattributed.txt"),
        Some(0)
    );
    assert_eq!(status("all", "tests/fixtures/drafts/clean.txt"), Some(0));
    assert_eq!(
        status("no_such_kind", "tests/fixtures/drafts/clean.txt"),
        Some(2)
    );
    // A severity stands for its kinds and the more serious ones: a loaded verb is a note.
    assert_eq!(
        status("warning", "tests/fixtures/drafts/loaded_verb.txt"),
        Some(0)
    );
    assert_eq!(
        status("note", "tests/fixtures/drafts/loaded_verb.txt"),
        Some(1)
    );
    assert_eq!(
        status("warning", "tests/fixtures/drafts/unbalanced.txt"),
        Some(1)
    );
}
