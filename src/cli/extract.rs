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
    /// Refuse to overwrite existing output files.
    #[arg(long)]
    no_clobber: bool,
    /// Print counts, wall time, throughput and peak memory to stderr.
    #[arg(long)]
    stats: bool,
}

/// What `--stats` reports: counts over the run, timed from the start of
/// `run` (pack loading included) to the end of writing.
#[derive(Debug)]
struct Stats {
    started: std::time::Instant,
    articles: usize,
    bytes: usize,
    sentences: usize,
    mentions: usize,
    assertions: usize,
}

impl Stats {
    fn new() -> Stats {
        Stats {
            started: std::time::Instant::now(),
            articles: 0,
            bytes: 0,
            sentences: 0,
            mentions: 0,
            assertions: 0,
        }
    }

    fn record(&mut self, bytes: usize, ex: &stancegraph::extract::Extraction) {
        self.articles += 1;
        self.bytes += bytes;
        self.sentences += ex.sentences;
        self.mentions += ex.mentions.len();
        self.assertions += ex.assertions.len();
    }

    fn print(&self, edges: usize) {
        let secs = self.started.elapsed().as_secs_f64();
        let rss = peak_rss_kb().map_or_else(|| "unknown".to_string(), |kb| format!("{kb} kB"));
        eprintln!(
            "stancegraph: stats: articles {} bytes {} sentences {} mentions {} assertions {} edges {} wall {:.3} s {:.2} MB/s peak-rss {}",
            self.articles,
            self.bytes,
            self.sentences,
            self.mentions,
            self.assertions,
            edges,
            secs,
            self.bytes as f64 / 1e6 / secs.max(1e-9),
            rss
        );
    }
}

/// Peak resident set size (VmHWM) in kB, where /proc tells it (Linux).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
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
    let mut stats = Stats::new();
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
        let extraction = stancegraph::extract::analyse(&doc, &kb);
        stats.record(bytes.len(), &extraction);
        let graph = stancegraph::extract::aggregate(&doc, &kb, &extraction, &opts);
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
    if args.stats {
        stats.print(all.edges.len());
    }
    Ok(ExitCode::SUCCESS)
}
