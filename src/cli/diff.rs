//! `stancegraph diff A B`: what changed between two graphs (or articles).

use super::export_args::ExportArgs;
use super::io::{read_input, write_stdout};
use anyhow::Result;
use clap::{Args, ValueEnum};
use stancegraph::diff::{self, TextOptions};
use stancegraph::export::{html, ExportOptions};
use stancegraph::graph::GraphJson;
use stancegraph::lexicon::Knowledge;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// `+ - ~` lines
    Text,
    /// the GraphDiff structure (docs/DIFF.md)
    Json,
    /// the union graph, coloured, as Graphviz DOT
    Dot,
    /// the union graph drawn by Graphviz
    Svg,
    /// an interactive page: the union graph, each stance with both sides' evidence
    Html,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The graph before: graph JSON, or an article (extracted on the fly).
    a: PathBuf,
    /// The graph after: graph JSON, or an article.
    b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
    /// Compare structure only: which actors and stances exist.
    #[arg(long)]
    ignore_weights: bool,
    #[command(flatten)]
    export: ExportArgs,
}

/// Whether colours are wanted on stdout: a terminal, and no `NO_COLOR`.
pub fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A graph from graph JSON, or from an article extracted with the embedded
/// packs. Graph JSON is told by the `.json` extension or a leading `{`.
fn load(path: &Path, kb: &mut Option<Knowledge>) -> Result<GraphJson> {
    let bytes = read_input(path)?;
    let name = path.display().to_string();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let is_json = path.extension().is_some_and(|e| e == "json") || first == Some(b'{');
    if is_json {
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{name}:{}: invalid UTF-8; expected graph JSON",
                e.utf8_error().valid_up_to()
            )
        })?;
        return Ok(GraphJson::parse(&name, &text)?);
    }
    if kb.is_none() {
        *kb = Some(Knowledge::embedded()?);
    }
    let Some(kb) = kb.as_ref() else {
        anyhow::bail!("{name}: cannot load the embedded packs");
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let doc = stancegraph::read_document(&stem, &name, &bytes, None)?;
    Ok(stancegraph::extract_graph(&doc, kb, &Default::default()).to_json())
}

fn view(g: GraphJson, opts: &ExportOptions) -> GraphJson {
    if opts.view == Default::default() {
        g
    } else {
        opts.view.apply(&g)
    }
}

/// Runs `diff`: exit 0 when equal, 1 when they differ.
pub fn run(args: DiffArgs) -> Result<ExitCode> {
    let mut kb = None;
    let a = load(&args.a, &mut kb)?;
    let b = load(&args.b, &mut kb)?;
    let opts = args.export.options();
    if let Some(focus) = &opts.view.focus {
        if !a.nodes.iter().chain(&b.nodes).any(|n| &n.id == focus) {
            opts.view.check(&b)?;
        }
    }
    let (a, b) = (view(a, &opts), view(b, &opts));
    let d = diff::diff(&a, &b, args.ignore_weights);
    let bytes = match args.format {
        DiffFormat::Text => {
            let text_opts = TextOptions {
                color: color_stdout(),
                ..TextOptions::default()
            };
            diff::render_text(&d, &text_opts).into_bytes()
        }
        DiffFormat::Json => d.to_pretty_string().into_bytes(),
        DiffFormat::Dot => diff::to_dot(&a, &b, &d, &opts).into_bytes(),
        DiffFormat::Svg => diff::to_svg(&a, &b, &d, &opts)?,
        DiffFormat::Html => html::diff_page(&a, &b, &d, &opts, html::Drawer::Auto)?,
    };
    write_stdout(&bytes)?;
    Ok(if d.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
