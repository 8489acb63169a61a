//! clap definitions and dispatch. Exit codes: 0 success, 1 differences found
//! (`diff`), 2 error.

mod extract;
mod io;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Reads news articles and writes who supports, opposes or negotiates with whom.
#[derive(Debug, Parser)]
#[command(name = "stancegraph", version, about, long_about = None,
    after_help = "Exit codes: 0 success; 1 differences found (diff); 2 error (bad input, bad data, I/O).")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract stance graphs from articles (files, directories of *.txt, or - for stdin).
    Extract(extract::ExtractArgs),
}

/// Parses arguments, runs the command, maps errors to exit code 2.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("stancegraph: {err:#}");
            ExitCode::from(2)
        }
    }
}
