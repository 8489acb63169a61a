//! The `stancegraph` command line: argument parsing and printing only; all
//! work happens in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
