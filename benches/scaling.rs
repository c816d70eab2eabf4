//! Linear time whatever a document's shape: `cargo bench --bench scaling`.
//!
//! Generates one-paragraph documents of growing size in five shapes, as scrapers that drop
//! line breaks make them: plain reported speech ("Officials said …" sentences), the same
//! dated after the cue ("said on Monday that …": each time is checked against the words
//! between it and its cue), the team's articles joined on one line, quotations, and
//! quotations among reports (each statement looks back for the occasion its speaker referred
//! to). For each it prints seconds and microseconds per kilobyte, and the ratio of the largest
//! document's per-byte time to the smallest's. Linear time keeps that ratio near 1; the run
//! fails (exit 1) when it passes `MAX_RATIO`, or when the largest document is more than
//! `MAX_RATIO` times as slow as ordinary articles both per byte and per statement. (Both: a
//! shape of one statement every 35 bytes is six times as dense as news, so its per-byte time
//! measures its density and rises whenever ordinary articles get faster; a shape of few
//! statements, the articles joined on one line, has a high time per statement and a low one
//! per byte. A slow path is slow by both.) Sizes: `WHOSAID_SCALING_KB`
//! (comma-separated, default
//! `100,400,1600`).

use std::time::Instant;

use whosaid::{Options, analyze};

// (the command's own allocator, so that the figures are the command's)
#[path = "../src/cli/alloc.rs"]
mod alloc;

#[global_allocator]
static GLOBAL: alloc::Mi = alloc::Mi;

/// The ratio of per-byte times (largest document against smallest) that counts as linear, and
/// the most the largest document may be slower than ordinary articles, per byte or per
/// statement, whichever is less.
const MAX_RATIO: f64 = 3.0;

/// The team's articles (`samples/`), in file-name order.
fn articles() -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir("samples")
        .expect("the samples folder")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// `bytes` of text in one paragraph, repeating `unit(i)` for i = 0, 1, 2, …
fn one_paragraph(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&unit(i));
        s.push(' ');
        i += 1;
    }
    s
}

/// A shape's name and its i-th unit of text.
type Shape<'a> = (&'static str, Box<dyn Fn(usize) -> String + 'a>);

/// The shapes of one-paragraph documents.
fn shapes(articles: &[String]) -> Vec<Shape<'_>> {
    const WHO: [&str; 6] = [
        "Officials",
        "Smith",
        "The minister",
        "A spokesman",
        "Police",
        "Jones",
    ];
    vec![
        (
            "said_sentences",
            Box::new(|i| {
                format!(
                    "{} said plan {i} would cost more than expected.",
                    WHO[i % 6]
                )
            }),
        ),
        (
            "articles_on_one_line",
            Box::new(move |i| articles[i % articles.len()].replace('\n', " ")),
        ),
        (
            "said_on_a_day_that",
            Box::new(|i| {
                format!(
                    "{} said on Monday that plan {i} was a disaster.",
                    WHO[i % 6]
                )
            }),
        ),
        (
            "quotations",
            Box::new(|i| format!("“Plan {i} is over,” {} said on Monday.", WHO[i % 6])),
        ),
        (
            "quotations_and_reports",
            Box::new(|i| match i % 3 {
                0 => format!("“Plan {i} is over,” {} said.", WHO[i % 6]),
                _ => format!("{} said plan {i} would cost more.", WHO[i % 6]),
            }),
        ),
    ]
}

/// This thread's CPU time in seconds (Linux: `/proc/thread-self/schedstat`), so that a busy
/// machine does not distort the ratios; elsewhere, `None` and wall time is used.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// The time now: this thread's CPU time where the system gives it, else wall time.
fn now(start: Instant) -> f64 {
    cpu_seconds().unwrap_or_else(|| start.elapsed().as_secs_f64())
}

/// Seconds (of CPU where the system says) one run of `f` takes: run again until a third of a
/// second has passed (the clock may tick coarsely), the mean.
fn seconds(f: impl Fn()) -> f64 {
    let start = Instant::now();
    let t0 = now(start);
    let mut runs = 0;
    loop {
        f();
        runs += 1;
        let spent = now(start) - t0;
        if spent >= 0.33 {
            return spent / runs as f64;
        }
    }
}

/// The statements whosaid finds in `text`.
fn statements(text: &str, options: &Options) -> usize {
    analyze(text, options).quotes.len()
}

fn main() {
    let kb: Vec<usize> = std::env::var("WHOSAID_SCALING_KB")
        .unwrap_or_else(|_| "100,400,1600".into())
        .split(',')
        .filter_map(|k| k.trim().parse().ok())
        .collect();
    let articles = articles();
    // Ordinary articles, one by one: the per-statement time to compare with.
    let total: usize = articles.iter().map(String::len).sum();
    let options = Options::default();
    let counted: usize = articles.iter().map(|a| statements(a, &options)).sum();
    let all = seconds(|| {
        for a in &articles {
            std::hint::black_box(analyze(a, &options));
        }
    });
    let (ordinary_byte, ordinary) = (all / total as f64, all / counted.max(1) as f64);
    println!(
        "ordinary articles: {:.2} µs/KB, {:.2} µs a statement",
        ordinary_byte * 1e9,
        ordinary * 1e6
    );
    let mut failed = false;
    for (name, unit) in shapes(&articles) {
        let mut per_byte = Vec::new();
        let mut per_statement = 0.0;
        for &k in &kb {
            let text = one_paragraph(k * 1000, &unit);
            let s = seconds(|| {
                std::hint::black_box(analyze(&text, &options));
            });
            let pb = s / text.len() as f64;
            println!("{name:>22} {k:>7} KB {s:>8.3} s {:>8.2} µs/KB", pb * 1e9);
            per_byte.push(pb);
            per_statement = s / statements(&text, &options).max(1) as f64;
        }
        let (first, last) = (per_byte[0], per_byte[per_byte.len() - 1]);
        let growth = last / first;
        let (by_byte, by_statement) = (last / ordinary_byte, per_statement / ordinary);
        let ok = growth <= MAX_RATIO && by_byte.min(by_statement) <= MAX_RATIO;
        println!(
            "{name:>22} per-byte time, largest / smallest: {growth:.2}; largest / ordinary \
             articles: {by_byte:.2} per byte, {by_statement:.2} per statement {}",
            if ok { "ok" } else { "NOT LINEAR" }
        );
        failed |= !ok;
    }
    if failed {
        std::process::exit(1);
    }
}
