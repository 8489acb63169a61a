//! `stancegraph render`: a graph JSON in another format.

use super::export_args::{ExportArgs, FormatArg};
use super::io::{read_input, write_atomic, write_stdout};
use anyhow::Result;
use clap::Args;
use stancegraph::export::{export, output_path, Format};
use stancegraph::graph::GraphJson;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Graph JSON (stancegraph/1), or - for stdin.
    graph: PathBuf,
    /// Output format; inferred from -o's extension when omitted.
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// Output file (default: stdout; binary formats only when it is redirected).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    export: ExportArgs,
    /// Refuse to overwrite existing output files.
    #[arg(long)]
    no_clobber: bool,
}

/// Runs `render`.
pub fn run(args: RenderArgs) -> Result<ExitCode> {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f.format(),
        (None, Some(out)) => {
            let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("");
            Format::from_extension(ext).ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: cannot tell the format from the extension '{ext}'; give --format",
                    out.display()
                )
            })?
        }
        (None, None) => Format::Json,
    };
    let bytes = read_input(&args.graph)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}: invalid UTF-8; expected graph JSON",
            args.graph.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let graph = GraphJson::parse(&args.graph.display().to_string(), &text)?;
    let outputs = export(&graph, format, &args.export.options())?;
    match &args.output {
        Some(out) => {
            for o in &outputs {
                write_atomic(&output_path(out, &o.suffix), &o.bytes, args.no_clobber)?;
            }
        }
        None => {
            if super::io::binary_to_terminal(format) {
                anyhow::bail!("-: {format} is binary and stdout is a terminal; redirect it (> a.{format}), or write it with -o");
            }
            for o in &outputs {
                write_stdout(&o.bytes)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
