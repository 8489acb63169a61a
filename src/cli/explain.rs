//! `stancegraph explain`: why the graph says what it says.

use super::io::{read_input, write_stdout};
use anyhow::Result;
use clap::Args;
use stancegraph::graph::GraphJson;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Graph JSON (stancegraph/1), or - for stdin.
    graph: PathBuf,
    /// Only this edge, as "SOURCE RELATION TARGET" (e.g. "lna opposes turkey").
    #[arg(long)]
    edge: Option<String>,
}

/// Runs `explain`.
pub fn run(args: ExplainArgs) -> Result<ExitCode> {
    let bytes = read_input(&args.graph)?;
    let name = args.graph.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}:{}: invalid UTF-8; expected graph JSON",
            e.utf8_error().valid_up_to()
        )
    })?;
    let graph = GraphJson::parse(&name, &text)?;
    let wanted: Option<Vec<String>> = args
        .edge
        .as_ref()
        .map(|e| e.split_whitespace().map(str::to_string).collect());
    if let Some(w) = &wanted {
        if w.len() != 3 {
            anyhow::bail!(
                "--edge: '{}' is not an edge; expected \"SOURCE RELATION TARGET\"",
                args.edge.as_deref().unwrap_or("")
            );
        }
    }
    let mut out = String::new();
    let mut shown = 0;
    for e in &graph.edges {
        if let Some(w) = &wanted {
            let same = e.relation.name() == w[1]
                && ((e.source == w[0] && e.target == w[2])
                    || (e.relation.is_symmetric() && e.source == w[2] && e.target == w[0]));
            if !same {
                continue;
            }
        }
        shown += 1;
        out.push_str(&format!(
            "{} {} {}  (weight {}, confidence {:.2})\n",
            e.source, e.relation, e.target, e.weight, e.confidence
        ));
        for ev in &e.evidence {
            out.push_str(&format!(
                "  {}#{} [{}..{}] rule {} ({}), cue «{}»\n    {}\n",
                ev.document,
                ev.sentence,
                ev.start,
                ev.end,
                ev.rule,
                ev.event,
                ev.cue,
                ev.text.replace('\n', " ")
            ));
        }
    }
    if wanted.is_some() && shown == 0 {
        anyhow::bail!(
            "{name}: no edge '{}' in this graph; try `stancegraph explain {name}` to list them",
            args.edge.as_deref().unwrap_or("")
        );
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
