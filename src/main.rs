//! The `stancegraph` command line: argument parsing and printing only; all
//! work happens in the library.

#![deny(clippy::unwrap_used, clippy::expect_used)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
