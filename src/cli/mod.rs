//! clap definitions and dispatch; the library does the work.
//!
//! Exit codes: 0 success; 1 differences found (`diff`); 2 error (bad input,
//! bad data, I/O); 130 interrupted (Ctrl-C). Diagnostics go to stderr as
//! `stancegraph: <path>[:line]: <what>; <hint>`, one line each.

mod actors;
mod diff;
mod eval;
mod explain;
mod export_args;
mod extract;
mod guard;
mod io;
mod merge;
mod render;
mod stream;
mod timeline;

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
    /// Score graphs against gold annotations (the metric of eval/score.py).
    Eval(eval::EvalArgs),
    /// Print each edge with its evidence sentences, cue and rule.
    Explain(explain::ExplainArgs),
    /// Check actor packs (`actors check FILE…`) or list known actors (`actors list`).
    Actors(actors::ActorsArgs),
    /// What changed between two graphs or articles: exit 0 equal, 1 differ, 2 error.
    Diff(diff::DiffArgs),
    /// Merge graphs into one (sums weights, keeps evidence; an article counts once).
    Merge(merge::MergeArgs),
    /// Slice by slice, what changed in a directory written by `extract --by`.
    Timeline(timeline::TimelineArgs),
}

/// Parses arguments, runs the command, maps errors to exit code 2.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    io::install_interrupt_handler();
    io::install_interrupt_handler();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Render(args) => render::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Actors(args) => actors::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Timeline(args) => timeline::run(args),
    };
    if io::interrupted() {
        eprintln!(
            "stancegraph: interrupted; files already in place are whole, nothing was half-written"
        );
        return ExitCode::from(130);
    }
    match result {
        Ok(code) => code,
        Err(err) => {
            let msg = format!("{err:#}");
            eprintln!("stancegraph: {}", msg.lines().next().unwrap_or(""));
            ExitCode::from(2)
        }
    }
}
