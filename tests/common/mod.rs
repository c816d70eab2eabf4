//! Helpers shared by the integration tests.
#![allow(dead_code)]

use whosaid::{Analysis, Options};

/// insta settings for every snapshot of this project: snapshots live in the top-level
/// `snapshots/` folder (insta's config file has no such key, so it is set here).
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Analyse a file of the repository, with its path (relative to the crate) as id.
pub fn analyze_file(path: &std::path::Path) -> Analysis {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let mut a = whosaid::analyze_bytes(&bytes, &Options::default());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    a.id = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
        .replace('\\', "/");
    a
}

/// The text a record's span covers.
#[track_caller]
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    &text[start..end]
}
