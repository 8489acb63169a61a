//! `stancegraph merge`: many graphs into one, the reducer of a corpus run.

use super::io::{read_input, write_atomic, write_json_stdout, write_stdout};
use super::stream::{Lines, Pool, Progress, SoftErrors};
use anyhow::Result;
use clap::{Args, ValueEnum};
use stancegraph::corpus::GraphLine;
use stancegraph::graph::{GraphJson, StanceGraph};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MergeInput {
    /// Each file is one graph JSON.
    Json,
    /// Each line is {"id","graph"}, as `extract --output jsonl` writes.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MergeFormat {
    /// The merged graph, pretty JSON.
    Json,
    /// One {"id":"merged","graph"} line, for a further merge (tree reduce).
    Jsonl,
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graph files (or - for stdin; the default, as for `extract --input
    /// jsonl`, so a map-reduce reducer reads its pipe).
    graphs: Vec<PathBuf>,
    /// Output file (default: stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Input kind.
    #[arg(long, value_enum, default_value = "json")]
    input: MergeInput,
    /// Output kind.
    #[arg(long, value_enum, default_value = "json")]
    format: MergeFormat,
    /// Stop at the first bad line instead of skipping it.
    #[arg(long)]
    fail_fast: bool,
    /// Refuse to overwrite an existing output file.
    #[arg(long)]
    no_clobber: bool,
    /// Threads that parse graphs while the main one merges (0: one per
    /// core). The result is the same for any N.
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
}

/// Reads a whole graph JSON file (or stdin).
pub fn read_graph(path: &std::path::Path) -> Result<GraphJson> {
    let bytes = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}: invalid UTF-8; expected graph JSON",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(GraphJson::parse(&path.display().to_string(), &text)?)
}

/// Runs `merge`.
pub fn run(mut args: MergeArgs) -> Result<ExitCode> {
    if args.graphs.is_empty() {
        args.graphs.push(PathBuf::from("-"));
    }
    let mut all = StanceGraph::new();
    let progress = Progress::hidden();
    let mut soft = SoftErrors::new(args.fail_fast);
    // Parsing is most of the cost: the pool parses one window of graphs
    // while the previous window is merged, in input order.
    let pool = Pool::new(args.jobs)?;
    match args.input {
        MergeInput::Json => pool.run(
            args.graphs.iter().map(Ok),
            |path| read_graph(path),
            |graph| {
                all.merge_owned(graph?);
                Ok(())
            },
            &progress,
        )?,
        MergeInput::Jsonl => pool.run(
            Lines::new(&args.graphs),
            |line| {
                let parsed = GraphLine::parse(&line.bytes);
                (line.path, line.line, parsed)
            },
            |(path, line, parsed)| match parsed {
                Ok(gl) => {
                    all.merge_owned(gl.graph);
                    Ok(())
                }
                Err(e) => soft.report(&progress, &format!("{path}:{line}"), &e.to_string()),
            },
            &progress,
        )?,
    }
    let merged = all.into_json();
    match (&args.output, args.format) {
        (None, MergeFormat::Json) => write_json_stdout(&merged)?,
        (None, MergeFormat::Jsonl) => write_stdout(GraphLine::line("merged", &merged).as_bytes())?,
        (Some(out), format) => {
            let bytes = match format {
                MergeFormat::Json => merged.to_pretty_string(),
                MergeFormat::Jsonl => GraphLine::line("merged", &merged),
            };
            write_atomic(out, bytes.as_bytes(), args.no_clobber)?;
        }
    }
    // The process ends right after: freeing a corpus's worth of small
    // strings one by one would only cost time (a tenth of a large merge).
    std::mem::forget(merged);
    if soft.count() > 0 {
        eprintln!(
            "stancegraph: {} bad line{} skipped",
            soft.count(),
            if soft.count() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
