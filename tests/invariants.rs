//! Invariants that hold for every input: no panic, spans on character boundaries inside
//! the text, every `text` field equal to the slice it names, valid JSON out. Checked on the
//! samples and on generated text (proptest, a fixed number of cases so CI is repeatable).

use proptest::prelude::*;
use whosaid::{Analysis, Options, analyze, analyze_bytes};

#[track_caller]
fn check(text: &str, a: &Analysis) {
    let span = |s: usize, e: usize, what: &str| {
        assert!(
            s <= e && e <= text.len(),
            "{what} {s}..{e} outside the text"
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} {s}..{e} splits a character"
        );
        &text[s..e]
    };
    for q in &a.quotes {
        assert_eq!(span(q.start, q.end, "quote"), q.text);
        if let Some(s) = &q.speaker {
            assert_eq!(span(s.start, s.end, "speaker"), s.text);
            if let Some(e) = s.entity {
                assert!(e < a.speakers.len());
            }
        }
        if let Some(c) = &q.cue {
            assert_eq!(span(c.start, c.end, "cue"), c.text);
        }
        if let Some(c) = &q.channel {
            span(c.start, c.end, "channel");
        }
        if let Some(t) = &q.time {
            assert_eq!(span(t.start, t.end, "time"), t.text);
        }
        if let Some(p) = q.post {
            assert!(p < a.posts.len());
        }
    }
    for n in &a.non_speech {
        assert_eq!(span(n.start, n.end, "non-speech"), n.text);
    }
    for f in &a.flags {
        span(f.start, f.end, "flag");
    }
    for p in &a.posts {
        span(p.start, p.end, "post");
    }
    // Parts of one statement share their cue and speaker.
    for q in &a.quotes {
        for o in a.quotes.iter().filter(|o| o.statement == q.statement) {
            assert_eq!(q.cue, o.cue);
            assert_eq!(
                q.speaker.as_ref().map(|s| s.start),
                o.speaker.as_ref().map(|s| s.start)
            );
        }
    }
    let json = serde_json::to_string(a).expect("serialises");
    let back: Analysis = serde_json::from_str(&json).expect("reads back");
    assert_eq!(&back, a);
}

#[test]
fn samples_and_fixtures_keep_the_invariants() {
    for dir in ["samples", "tests/fixtures/txt"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            check(&text, &analyze(&text, &Options::default()));
        }
    }
}

#[test]
fn pathological_documents_yield_a_record() {
    let many_marks = "\"".repeat(100_000);
    let long_line = "x".repeat(5_000_000);
    let nested = "“‘«„".repeat(10_000);
    let nul = "a\0b \"c\0\" he said\0";
    // one paragraph of thousands of attributions with no full stop outside doubled
    // apostrophes, and a run-on one with none at all: sentences are capped, so these stay
    // linear (they took minutes when a sentence could hold them all)
    let run_on_quoted = format!(
        "He said {}",
        "''We won. It is over,'' she said, ".repeat(20_000)
    );
    let run_on = format!("He said {}", "it is over, she said, ".repeat(20_000));
    for text in [
        run_on_quoted.as_str(),
        run_on.as_str(),
        many_marks.as_str(),
        long_line.as_str(),
        nested.as_str(),
        nul,
        "",
        "\n\n\n",
    ] {
        check(text, &analyze(text, &Options::default()));
    }
    let binary: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let a = analyze_bytes(&binary, &Options::default());
    assert!(serde_json::to_string(&a).is_ok());
}

/// 512 cases in CI; `WHOSAID_FUZZ_CASES=100000 cargo test --release --test invariants` for
/// a longer run by hand.
fn fuzz_cases() -> u32 {
    std::env::var("WHOSAID_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("‚".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just(" — ".to_string()),
        Just(" said ".to_string()),
        Just(" told ".to_string()),
        Just(" according to ".to_string()),
        Just(" he ".to_string()),
        Just(" she ".to_string()),
        Just(" who ".to_string()),
        Just(" Mr. ".to_string()),
        Just(" Sen. Ann Lee".to_string()),
        Just(" the ministry".to_string()),
        Just(" a senior official".to_string()),
        Just(" (@handle) April 8, 2020".to_string()),
        Just("pic.twitter.com/x— Name".to_string()),
        Just(" on Sunday".to_string()),
        Just(" via Twitter".to_string()),
        Just("<tweet id=\"1\">".to_string()),
        Just("</tweet>".to_string()),
        Just("don't".to_string()),
        Just(" '90s".to_string()),
        Just("🙂".to_string()),
        // Flattened posts' shapes: markdown quotations (wrapped, hard breaks), Instagram's
        // lines, dates and links that end a line, escaped handles.
        Just("\n> ".to_string()),
        Just("  \n> ".to_string()),
        Just("\n>\n> — Name (@handle) [25\\. September\n> 2018](https://t.co/x)".to_string()),
        Just("A post shared by Name (@h_x)\non\nJun 16, 2019 at 7:30am PDT\n".to_string()),
        Just("View this post on Instagram\n".to_string()),
        Just(" , Source, 2019年1月29日 ".to_string()),
        Just(" https://t.co/abc ".to_string()),
        Just("(@frank\\_thelen)".to_string()),
        Just("Rendi-\n> Wagner".to_string()),
        Just("\n          ".to_string()),
        Just("é".to_string()),
        "[a-zA-Z ]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), ..ProptestConfig::default() })]

    #[test]
    fn generated_news_like_text(pieces in prop::collection::vec(piece(), 0..80)) {
        let text: String = pieces.concat();
        check(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let a = analyze_bytes(&bytes, &Options::default());
        let text = String::from_utf8_lossy(&bytes);
        check(&text, &a);
    }
}
