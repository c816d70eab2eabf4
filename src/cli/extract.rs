//! The `extract` command: documents in, one record per document out, in input order.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use whosaid::{OffsetUnit, Options};

use super::read::{Doc, Run};
use super::sink::{Sink, Tally};
use super::{ExtractArgs, Offsets};

/// Run `extract`: read every path, analyse in batches, write in input order. The exit
/// status: 2 when any document failed, else 0.
pub(crate) fn extract(args: &ExtractArgs) -> i32 {
    let started = Instant::now();
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let sink = Sink {
        args,
        options: options(args),
        out: io::BufWriter::with_capacity(1 << 16, io::stdout()),
        tally: Tally::default(),
        progress: progress_bar(&paths),
        header_written: false,
    };
    let (sink, closed) = run(args, &paths, sink);
    if let Some(p) = &sink.progress {
        p.finish_and_clear();
    }
    let t = &sink.tally;
    if !closed {
        report(args, t, started.elapsed().as_secs_f64().max(1e-9));
    }
    if t.errors > 0 { 2 } else { 0 }
}

/// The library's options from the flags.
fn options(args: &ExtractArgs) -> Options {
    Options {
        date: args.date.clone(),
        emit_text: args.emit_text,
        offsets: match args.offsets {
            Offsets::Bytes => OffsetUnit::Bytes,
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Utf16 => OffsetUnit::Utf16,
        },
        doubled_apostrophes: args.doubled_apostrophes,
    }
}

/// A progress bar on a terminal, with a total when every input is a plain file.
fn progress_bar(paths: &[PathBuf]) -> Option<indicatif::ProgressBar> {
    io::stderr().is_terminal().then(|| {
        let total: Option<u64> = paths
            .iter()
            .map(|p| {
                std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            })
            .sum();
        let bar = match total {
            Some(t) => indicatif::ProgressBar::new(t),
            None => indicatif::ProgressBar::no_length(),
        };
        let style = indicatif::ProgressStyle::with_template(
            "{msg} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {wide_bar}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    })
}

/// Read `paths` on this thread while `sink` analyses and writes on another; the sink when
/// done, and whether the output closed.
fn run<'a>(args: &'a ExtractArgs, paths: &[PathBuf], sink: Sink<'a>) -> (Sink<'a>, bool) {
    // One batch waits while two are analysed (one of them written as the other is):
    // memory stays bounded by four batches, with the one being read.
    let (to_sink, batches) = std::sync::mpsc::sync_channel::<(Vec<Doc>, bool)>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut sink = sink;
            let closed = sink.run(batches).is_err() || sink.out.flush().is_err();
            (sink, closed)
        });
        let mut run = Run {
            args,
            batch: Vec::new(),
            batch_bytes: 0,
            flush_each: false,
            to_sink,
        };
        for p in paths {
            if run.path(p).is_err() {
                break;
            }
        }
        let _ = run.flush_batch();
        drop(run);
        writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

/// `n` and the noun, in the plural but for one: "1 thread", "2 threads", "0 errors".
fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// The counts of a run to stderr, and with `--stats` its throughput.
fn report(args: &ExtractArgs, t: &Tally, secs: f64) {
    eprintln!(
        "whosaid: {}, {} analysed, {}",
        counted(t.documents, "document"),
        t.documents - t.errors,
        counted(t.errors, "error")
    );
    if args.stats {
        eprintln!(
            "whosaid: {}, {}, {:.2} MB of text in {:.3} s, {:.1} MB/s on {}",
            counted(t.statements, "statement"),
            counted(t.posts, "post"),
            t.bytes as f64 / 1e6,
            secs,
            t.bytes as f64 / 1e6 / secs,
            counted(rayon::current_num_threads(), "thread")
        );
        eprintln!(
            "whosaid: {:.2} MB read (records, markup and text), {:.1} MB/s",
            t.input as f64 / 1e6,
            t.input as f64 / 1e6 / secs,
        );
    }
}
