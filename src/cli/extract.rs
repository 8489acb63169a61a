//! `stancegraph extract`.

use super::export_args::{ExportArgs, FormatArg};
use super::io::{
    expand_inputs, interrupted, parse_size, read_input, read_limited, write_atomic, write_stdout,
    Input,
};
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
    /// Refuse to overwrite existing output files.
    #[arg(long)]
    no_clobber: bool,
    /// Largest article read, in bytes (K, M, G suffixes; at most 4G - 1).
    /// A larger one is refused unread with an error; the rest go on.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_bytes: u64,
}

fn load_packs(paths: &[PathBuf]) -> Result<Vec<(String, String)>> {
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
    };
    let inputs = expand_inputs(&args.paths)?;
    // Extract everything before writing anything. An article that cannot be
    // read or decoded is a soft error: reported, skipped, and the run ends
    // with exit code 2; when no article is left nothing is written at all.
    let mut graphs: Vec<(String, GraphJson)> = Vec::new();
    let mut failed = 0usize;
    for input in &inputs {
        if interrupted() {
            return Ok(interrupted_exit("no output was written"));
        }
        match extract_one(input, &kb, lang, &opts, args.max_bytes) {
            Ok(pair) => graphs.push(pair),
            Err(err) => {
                failed += 1;
                report(&err);
            }
        }
    }
    if graphs.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let all = stancegraph::graph::merge(&graphs.iter().map(|(_, g)| g.clone()).collect::<Vec<_>>());
    let opts_export = args.export.options();
    match &args.output {
        Some(dir) => {
            let draw = export::dot_available();
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
            if args.no_clobber {
                // Refuse before writing any file, so a refusal leaves no half set.
                if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
                    anyhow::bail!(
                        "{}: already exists; remove it or drop --no-clobber",
                        path.display()
                    );
                }
            }
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), super::io::io_reason(&e)))?;
            if !draw {
                eprintln!("stancegraph: dot: Graphviz is not installed, so no .svg is written; install it (apt-get install graphviz) for diagrams");
            }
            let total = files.len();
            for (n, (path, bytes)) in files.into_iter().enumerate() {
                if interrupted() {
                    return Ok(interrupted_exit(&format!(
                        "{n} of {total} files written, each one whole"
                    )));
                }
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
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, decodes and extracts one article.
fn extract_one(
    input: &Input,
    kb: &Knowledge,
    lang: Option<Lang>,
    opts: &Options,
    max_bytes: u64,
) -> Result<(String, GraphJson)> {
    let path = match input {
        Input::File(p) => p,
        Input::Bad(msg) => anyhow::bail!("{msg}"),
    };
    let bytes = read_limited(path, max_bytes)?;
    let stem = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".into())
    };
    let doc = stancegraph::read_document(&stem, &path.display().to_string(), &bytes, lang)?;
    let graph = stancegraph::extract_graph(&doc, kb, opts);
    Ok((stem, graph.to_json()))
}

/// Prints a soft error the way `cli::run` prints a fatal one.
fn report(err: &anyhow::Error) {
    let msg = format!("{err:#}");
    eprintln!("stancegraph: {}", msg.lines().next().unwrap_or(""));
}

/// Exit code 130 (128 + SIGINT), as shells expect after Ctrl-C.
fn interrupted_exit(what: &str) -> ExitCode {
    eprintln!("stancegraph: interrupted; {what}");
    ExitCode::from(130)
}
