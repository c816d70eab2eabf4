//! The `whosaid` command: reads files, folders, JSONL, HTML, gzip and WARC archives and
//! standard input; writes JSON Lines (or TSV).
//!
//! Thin by design: flags, walking, reading, batching over threads, printing. All analysis is
//! in the library. Every input document yields exactly one output record (its analysis, or
//! `{"id", "error"}`), in input order; exit status 0 when every document was analysed, 2 when
//! any failed; a closed stdout pipe ends the run quietly. Memory stays bounded: documents are
//! read as a stream and analysed in batches of bounded size.

use std::io::{self, Write};

use clap::Parser;

mod cli;

use cli::{Cli, Command};

// The analysis allocates many small, short-lived vectors and strings per document;
// mimalloc's thread-local free lists serve them faster than the system allocator.
#[global_allocator]
static GLOBAL: cli::alloc::Mi = cli::alloc::Mi;

fn main() {
    cli::alloc::purge_soon();
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Extract(args) => cli::extract::extract(args),
        Command::Review(args) => cli::review::review(args),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&whosaid::schema()).unwrap_or_default();
            let _ = writeln!(io::stdout(), "{schema}");
            0
        }
    };
    std::process::exit(code);
}
