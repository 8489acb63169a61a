//! The `stancegraph` command line: argument parsing and printing only; all
//! work happens in the library.

#![deny(clippy::unwrap_used, clippy::expect_used)]

mod cli;

use std::process::ExitCode;

/// Extraction and merging allocate many small strings and vectors per
/// article and free them soon after; mimalloc's size-class pages make that
/// markedly cheaper than glibc's malloc (see docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
