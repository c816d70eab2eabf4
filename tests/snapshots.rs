//! Whole-document snapshots: every sample article and every fixture, analysed, as JSON.
//! A change to any rule shows its effect on real prose here; review with
//! `cargo insta test --review` and accept only output you have checked.

mod common;

#[test]
fn samples() {
    common::settings().bind(|| {
        insta::glob!("../samples", "*.txt", |path| {
            insta::assert_json_snapshot!(common::analyze_file(path));
        });
    });
}

#[test]
fn text_fixtures() {
    common::settings().bind(|| {
        insta::glob!("fixtures/txt", "*.txt", |path| {
            insta::assert_json_snapshot!(common::analyze_file(path));
        });
    });
}
