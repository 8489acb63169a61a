//! clap definitions and dispatch; the library does the work.
//!
//! Exit codes: 0 success; 1 differences found (`diff`); 2 error (bad input,
//! bad data, I/O); 130 interrupted (Ctrl-C). Diagnostics go to stderr as
//! `stancegraph: <path>[:line]: <what>; <hint>`, one line each.

mod export_args;
mod extract;
mod io;
mod render;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Reads news articles (Arabic and English), finds the actors, and writes who
/// supports, opposes or negotiates with whom as a graph.
#[derive(Debug, Parser)]
#[command(
    name = "stancegraph",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success; 1 differences found (diff); 2 error (bad input, bad data, I/O; \
                  with several articles the good ones are still written); 130 interrupted.\n\
                  Limits: articles over --max-bytes (default 64M) are refused unread; sentences \
                  over 2000 bytes are cut into chunks at clause or word boundaries for the rules.\n\
                  Outputs are written to a temporary file and renamed, so a file is never half-written."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract stance graphs from articles (files, directories of *.txt, or - for stdin).
    Extract(extract::ExtractArgs),
    /// Write a graph JSON in another format (dot, svg, png, pdf, node-link, cytoscape, gexf, graphml, jgf, csv).
    Render(render::RenderArgs),
}

/// Parses arguments, runs the command, maps errors to exit code 2.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    io::install_interrupt_handler();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Render(args) => render::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let msg = format!("{err:#}");
            eprintln!("stancegraph: {}", msg.lines().next().unwrap_or(""));
            ExitCode::from(2)
        }
    }
}
