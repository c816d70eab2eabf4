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

#[test]
fn html_fixtures() {
    common::settings().bind(|| {
        insta::glob!("fixtures/html", "*.html", |path| {
            let html = std::fs::read_to_string(path).expect("fixture is readable");
            let options = whosaid::Options {
                emit_text: true,
                ..Default::default()
            };
            let mut a = whosaid::analyze_html(&html, &options);
            a.id = format!(
                "tests/fixtures/html/{}",
                path.file_name().unwrap().to_string_lossy()
            );
            insta::assert_json_snapshot!(a);
        });
    });
}

#[test]
fn post_fixtures() {
    common::settings().bind(|| {
        insta::glob!("fixtures/posts", "*.txt", |path| {
            insta::assert_json_snapshot!(common::analyze_file(path));
        });
    });
}
