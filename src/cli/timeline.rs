//! `stancegraph timeline DIR`: slice by slice, what changed.

use super::diff::color_stdout;
use super::io::write_stdout;
use super::merge::read_graph;
use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;
use stancegraph::corpus::{TimelineJson, TIMELINE_SCHEMA};
use stancegraph::diff::{self, GraphDiff, TextOptions};
use stancegraph::export::{html, ExportOptions};
use stancegraph::graph::{GraphJson, SCHEMA};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TimelineFormat {
    /// a header per slice, then its `+ - ~` lines
    Text,
    /// [{"slice", "start", "end", "diff"}]
    Json,
    /// an interactive page: a slider steps through the slices
    Html,
}

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// A directory written by `extract --by … -o DIR`.
    dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TimelineFormat,
    /// Compare structure only: which actors and stances exist.
    #[arg(long)]
    ignore_weights: bool,
}

#[derive(Serialize)]
struct Step {
    slice: String,
    start: String,
    end: String,
    diff: GraphDiff,
}

/// Runs `timeline`.
pub fn run(args: TimelineArgs) -> Result<ExitCode> {
    let path = args.dir.join("timeline.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        anyhow::anyhow!(
            "{}: {}; expected a directory written by `stancegraph extract --by day|week|month -o DIR`",
            path.display(),
            super::io::io_reason(&e)
        )
    })?;
    let timeline: TimelineJson = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}: invalid timeline ({e}); expected {TIMELINE_SCHEMA}",
            path.display(),
            e.line()
        )
    })?;
    if timeline.schema != TIMELINE_SCHEMA {
        anyhow::bail!(
            "{}: unsupported schema '{}'; expected '{TIMELINE_SCHEMA}'",
            path.display(),
            timeline.schema
        );
    }
    let mut previous = GraphJson {
        schema: SCHEMA.to_string(),
        documents: vec![],
        nodes: vec![],
        edges: vec![],
    };
    let text_opts = TextOptions {
        color: color_stdout(),
        documents: false,
        minor: false,
    };
    let mut out = String::new();
    let mut steps = Vec::new();
    let mut graphs = Vec::new();
    for slice in &timeline.slices {
        let graph = read_graph(&args.dir.join(&slice.graph))?;
        if args.format == TimelineFormat::Html {
            graphs.push((slice.clone(), graph));
            continue;
        }
        let d = diff::diff(&previous, &graph, args.ignore_weights);
        match args.format {
            TimelineFormat::Text => {
                out.push_str(&format!(
                    "== {} ({} – {}): {} article{}, {} actors, {} stances\n",
                    slice.slice,
                    slice.start,
                    slice.end,
                    slice.documents,
                    if slice.documents == 1 { "" } else { "s" },
                    slice.nodes,
                    slice.edges
                ));
                let lines = diff::render_text(&d, &text_opts);
                out.push_str(if lines.is_empty() {
                    "  (no change)\n"
                } else {
                    &lines
                });
            }
            TimelineFormat::Html => {}
            TimelineFormat::Json => steps.push(Step {
                slice: slice.slice.clone(),
                start: slice.start.clone(),
                end: slice.end.clone(),
                diff: d,
            }),
        }
        previous = graph;
    }
    if args.format == TimelineFormat::Html {
        let opts = ExportOptions::default();
        let page = html::timeline_page(&graphs, &opts, html::Drawer::Auto)?;
        write_stdout(&page)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == TimelineFormat::Json {
        out = serde_json::to_string_pretty(&steps)?;
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
