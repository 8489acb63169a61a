//! `stancegraph eval`: score graphs against gold files with the reference metric.

use super::io::{expand_inputs, read_input, write_stdout};
use anyhow::Result;
use clap::Args;
use stancegraph::eval::{parse_gold, score, Gold};
use stancegraph::graph::GraphJson;
use stancegraph::lexicon::Knowledge;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of gold files (<stem>.json).
    #[arg(long)]
    gold: PathBuf,
    /// Directory of predicted graphs (<stem>.json), e.g. from `extract -o`.
    #[arg(long, conflicts_with = "articles")]
    pred: Option<PathBuf>,
    /// Articles to extract and score on the fly (files or directories).
    articles: Vec<PathBuf>,
    /// Extra actor packs used when extracting.
    #[arg(long = "actors")]
    actor_packs: Vec<PathBuf>,
    /// Per-article missed and spurious edges.
    #[arg(short, long)]
    verbose: bool,
    /// The full result as JSON.
    #[arg(long)]
    json: bool,
}

fn utf8(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}: invalid UTF-8; expected JSON",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), super::io::io_reason(&e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs `eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let mut golds: BTreeMap<String, Gold> = BTreeMap::new();
    for path in json_files(&args.gold)? {
        golds.insert(
            stem(&path),
            parse_gold(&path.display().to_string(), &utf8(&path)?)?,
        );
    }
    if golds.is_empty() {
        anyhow::bail!(
            "{}: no gold files (*.json) in this directory",
            args.gold.display()
        );
    }
    let mut preds: BTreeMap<String, GraphJson> = BTreeMap::new();
    if let Some(dir) = &args.pred {
        for path in json_files(dir)? {
            let name = path.display().to_string();
            preds.insert(stem(&path), GraphJson::parse(&name, &utf8(&path)?)?);
        }
    } else {
        if args.articles.is_empty() {
            anyhow::bail!("eval: give --pred DIR or the articles to extract");
        }
        let packs = super::extract::load_packs(&args.actor_packs)?;
        let kb = Knowledge::with_user_packs(&packs, &[])?;
        for path in expand_inputs(&args.articles)? {
            let bytes = read_input(&path)?;
            let id = stem(&path);
            let doc = stancegraph::read_document(&id, &path.display().to_string(), &bytes, None)?;
            let graph = stancegraph::extract_graph(&doc, &kb, &Default::default());
            preds.insert(id, graph.to_json());
        }
    }
    let result = score(&golds, &preds);
    let text = if args.json {
        let mut s = serde_json::to_string_pretty(&result)?;
        s.push('\n');
        s
    } else {
        result.report(args.verbose)
    };
    write_stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
