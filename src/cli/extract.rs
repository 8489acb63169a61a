//! `stancegraph extract`.

use super::export_args::{ExportArgs, FormatArg};
use super::io::{expand_inputs, read_input, write_atomic, write_stdout};
use anyhow::Result;
use clap::{Args, ValueEnum};
use stancegraph::export::{self, Format};
use stancegraph::extract::{Options, PersonsMode};
use stancegraph::graph::GraphJson;
use stancegraph::lexicon::Knowledge;
use stancegraph::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Auto,
    Ar,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PersonsArg {
    Fold,
    Keep,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files, directories (every *.txt inside, sorted) or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write <stem>.json and <stem>.dot per article plus the merged all.* here.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format on stdout (without -o).
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,
    #[command(flatten)]
    export: ExportArgs,
    /// Language of the articles.
    #[arg(long, value_enum, default_value = "auto")]
    lang: LangArg,
    /// Fold persons into their organisation, or keep them as nodes.
    #[arg(long, value_enum, default_value = "fold")]
    persons: PersonsArg,
    /// Extra actor packs (TOML), applied after the embedded ones.
    #[arg(long = "actors")]
    actor_packs: Vec<PathBuf>,
    /// Extra cue packs (TOML).
    #[arg(long = "cues")]
    cue_packs: Vec<PathBuf>,
    /// Keep actors that take part in no stance.
    #[arg(long)]
    all_nodes: bool,
    /// Only actors the packs list: no `unlisted-…` nodes for organisation
    /// names found by pattern (حركة X, the X Brigade).
    #[arg(long)]
    strict_actors: bool,
    /// Refuse to overwrite existing output files.
    #[arg(long)]
    no_clobber: bool,
}

/// Reads packs as (name, text), the name being the path as given.
pub(super) fn load_packs(paths: &[PathBuf]) -> Result<Vec<(String, String)>> {
    paths
        .iter()
        .map(|p| {
            let bytes = read_input(p)?;
            let text = String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}: invalid UTF-8; packs are UTF-8 TOML",
                    p.display(),
                    e.utf8_error().valid_up_to()
                )
            })?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let kb = Knowledge::with_user_packs(
        &load_packs(&args.actor_packs)?,
        &load_packs(&args.cue_packs)?,
    )?;
    let lang = match args.lang {
        LangArg::Auto => None,
        LangArg::Ar => Some(Lang::Ar),
        LangArg::En => Some(Lang::En),
    };
    let opts = Options {
        persons: match args.persons {
            PersonsArg::Fold => PersonsMode::Fold,
            PersonsArg::Keep => PersonsMode::Keep,
        },
        all_nodes: args.all_nodes,
        strict_actors: args.strict_actors,
    };
    let inputs = expand_inputs(&args.paths)?;
    // Extract everything before writing anything: an error leaves no output.
    let mut graphs: Vec<(String, GraphJson)> = Vec::new();
    for path in &inputs {
        let bytes = read_input(path)?;
        let stem = if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "article".into())
        };
        let doc = stancegraph::read_document(&stem, &path.display().to_string(), &bytes, lang)?;
        let graph = stancegraph::extract_graph(&doc, &kb, &opts);
        graphs.push((stem, graph.to_json()));
    }
    let all = stancegraph::graph::merge(&graphs.iter().map(|(_, g)| g.clone()).collect::<Vec<_>>());
    let opts_export = args.export.options();
    match &args.output {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), super::io::io_reason(&e)))?;
            let draw = export::dot_available();
            if !draw {
                eprintln!("stancegraph: dot: Graphviz is not installed, so no .svg is written; install it (apt-get install graphviz) for diagrams");
            }
            // Render everything first, then write: a failure leaves no half set.
            let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
            for (stem, g) in graphs
                .iter()
                .map(|(s, g)| (s.as_str(), g))
                .chain(std::iter::once(("all", &all)))
            {
                files.push((
                    dir.join(format!("{stem}.json")),
                    g.to_pretty_string().into_bytes(),
                ));
                for (format, ext) in [(Format::Dot, "dot"), (Format::Svg, "svg")] {
                    if format == Format::Svg && !draw {
                        continue;
                    }
                    for o in export::export(g, format, &opts_export)? {
                        files.push((
                            export::output_path(&dir.join(format!("{stem}.{ext}")), &o.suffix),
                            o.bytes,
                        ));
                    }
                }
            }
            for (path, bytes) in files {
                write_atomic(&path, &bytes, args.no_clobber)?;
            }
        }
        None => {
            let format = args.format.format();
            if matches!(format, Format::Png | Format::Pdf) {
                anyhow::bail!("-: {format} is binary; use -o DIR, or extract to JSON and `stancegraph render -o FILE`");
            }
            for o in export::export(&all, format, &opts_export)? {
                write_stdout(&o.bytes)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
