//! Throughput of the analysis, on a corpus generated reproducibly from the team's own
//! articles (`samples/` and `tests/fixtures/`): `cargo bench`. Criterion reports each
//! figure as MB (10^6 bytes) of article text per second, on one core, as `--stats` does.
//!
//! - `corpus_1mb`: about 1 MB of articles, analysed one by one (MB/s per core);
//! - `one_document/{1,10}mb`: one long document of 1 MB and of 10 MB, to check that time
//!   grows linearly with size.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::{Options, analyze};

// The allocator of the binary, so that the figures are the CLI's.
// (the command's own allocator, so that the figures are the command's)
#[path = "../src/cli/alloc.rs"]
mod alloc;

#[global_allocator]
static GLOBAL: alloc::Mi = alloc::Mi;

/// The team's articles, in file-name order.
fn articles() -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> =
        ["samples", "tests/fixtures/txt", "tests/fixtures/posts"]
            .iter()
            .flat_map(|d| {
                std::fs::read_dir(d)
                    .expect("article folder")
                    .map(|e| e.unwrap().path())
            })
            .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// `bytes` of articles, cycling through them in order.
fn corpus(bytes: usize) -> Vec<String> {
    let all = articles();
    let mut out = Vec::new();
    let mut n = 0;
    while n < bytes {
        let a = &all[out.len() % all.len()];
        n += a.len();
        out.push(a.clone());
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let docs = corpus(1 << 20);
    let total: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("throughput");
    g.throughput(Throughput::BytesDecimal(total as u64));
    g.sample_size(20);
    g.bench_function("corpus_1mb", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(analyze(d, &options));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("one_document");
    g.sample_size(10);
    for mb in [1usize, 10] {
        let doc = corpus(mb << 20).join("\n\n");
        g.throughput(Throughput::BytesDecimal(doc.len() as u64));
        g.bench_function(format!("{mb}mb"), |b| {
            b.iter(|| std::hint::black_box(analyze(&doc, &options)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
