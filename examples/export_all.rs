//! Writes a graph JSON in every export format, for the consumer checks
//! (`tests/consumers/run.sh`) until the CLI's `render` subcommand exists.
//!
//! ```text
//! cargo run --example export_all -- GRAPH.json OUTDIR [--labels ar|en|both] [--layout dot|neato|…]
//! ```
//!
//! Files are `OUTDIR/graph.<format>.<ext>` (`graph.node-link.json`,
//! `graph.csv.nodes.csv`, …). Drawing formats are skipped with a note on
//! stderr when Graphviz's `dot` is not on PATH.

use stancegraph::export::{dot_available, export, output_path, ExportOptions, Format};
use stancegraph::graph::GraphJson;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(outdir)) = (args.next(), args.next()) else {
        return Err("usage: export_all GRAPH.json OUTDIR [--labels L] [--layout L]".into());
    };
    let mut opts = ExportOptions::default();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag}: missing value"))?;
        match flag.as_str() {
            "--labels" => opts.labels = value.parse().map_err(|e| format!("{e}"))?,
            "--layout" => opts.layout = value.parse().map_err(|e| format!("{e}"))?,
            _ => return Err(format!("{flag}: unknown option")),
        }
    }
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?;
    let graph = GraphJson::parse(&input, &text).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&outdir).map_err(|e| format!("{outdir}: {e}"))?;
    let drawable = dot_available();
    for format in Format::ALL {
        if format.needs_dot() && !drawable {
            eprintln!("export_all: skipping {format}: Graphviz `dot` is not on PATH");
            continue;
        }
        let main = PathBuf::from(&outdir).join(format!("graph.{format}.{}", format.extension()));
        for out in export(&graph, format, &opts).map_err(|e| e.to_string())? {
            let path = output_path(&main, &out.suffix);
            std::fs::write(&path, &out.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            // A closed stdout (`| head`) is not an error worth stopping for.
            let _ = writeln!(std::io::stdout(), "{}", path.display());
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export_all: {e}");
            ExitCode::from(2)
        }
    }
}
