//! `stancegraph extract`: article files or a JSON Lines corpus in; one
//! merged graph, one graph per article, per time slice, or per line out.
//!
//! Every input goes through the same engine ([`super::stream`]): items read
//! in order, extracted in parallel, and handed in order to a [`Collector`]
//! that knows what to keep for the output asked for. The collector keeps
//! only what the output needs, so `--output jsonl` runs in flat memory.

use super::export_args::{ExportArgs, FormatArg};
use super::guard::catch_panic;
use super::io::{expand_inputs, read_input, write_atomic, write_json_stdout, write_stdout};
use super::stream::{count_lines, Line, Lines, Pool, Progress, SoftErrors};
use anyhow::Result;
use clap::{Args, ValueEnum};
use stancegraph::corpus::{self, Date, GraphLine, SliceBy, SliceJson, TimelineJson};
use stancegraph::export::{self, ExportOptions, Format};
use stancegraph::extract::{Options, PersonsMode};
use stancegraph::graph::{GraphJson, StanceGraph};
use stancegraph::lexicon::Knowledge;
use stancegraph::Lang;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
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

/// What the inputs are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Article files (text or HTML) and directories of them.
    Text,
    /// JSON Lines, one {"id","text","date","url","lang"?} per line.
    Jsonl,
}

/// What goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputArg {
    /// One merged graph, in --format.
    Graph,
    /// One {"id","graph"} line per article (the mapper of a map-reduce job).
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ByArg {
    Day,
    Week,
    Month,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files, directories (every *.txt inside, sorted) or - for
    /// stdin; with --input jsonl, corpus files (default: stdin).
    paths: Vec<PathBuf>,
    /// Write graphs into this directory: <stem>.json/.dot/.svg/.html per
    /// article plus the merged all.*; for a corpus, all.* only; with --by, one graph
    /// per slice plus timeline.json.
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Input kind.
    #[arg(long, value_enum, default_value = "text")]
    input: InputArg,
    /// Output on stdout (without -o): one merged graph, or one line per article.
    #[arg(long, value_enum, default_value = "graph")]
    output: OutputArg,
    /// Output format on stdout (without -o).
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,
    /// Cut the corpus into time slices (needs -o DIR and dated articles).
    #[arg(long, value_enum)]
    by: Option<ByArg>,
    /// Publication date (YYYY-MM-DD) for articles that have none.
    #[arg(long)]
    date: Option<String>,
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
    /// Only actors that take part in a stance become nodes (by default
    /// every actor found is one; the isolated ones are drawn lighter).
    #[arg(long)]
    stance_only: bool,
    /// Every actor found is a node: the default now, kept so that older
    /// scripts still run.
    #[arg(long, hide = true, conflicts_with = "stance_only")]
    all_nodes: bool,
    /// Only actors the packs list: no `unlisted-…` nodes for organisation
    /// names found by pattern (حركة X, the X Brigade).
    #[arg(long)]
    strict_actors: bool,
    /// Refuse to overwrite existing output files.
    #[arg(long)]
    no_clobber: bool,
    /// Largest article read, in bytes (K, M, G suffixes; at most 4G - 1).
    /// A larger one is refused unread with an error.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = super::io::parse_size)]
    max_bytes: u64,
    /// Worker threads (0: one per core). The output is the same for any N.
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
    /// Stop at the first bad corpus record instead of skipping it.
    #[arg(long)]
    fail_fast: bool,
    /// Print counts, wall time, throughput and peak memory to stderr.
    #[arg(long)]
    stats: bool,
}

/// What `--stats` counts over a run.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    articles: usize,
    bytes: usize,
    sentences: usize,
    mentions: usize,
    assertions: usize,
}

impl Counts {
    fn of(doc: &stancegraph::Document, ex: &stancegraph::extract::Extraction) -> Counts {
        Counts {
            articles: 1,
            bytes: doc.text.len(),
            sentences: ex.sentences,
            mentions: ex.mentions.len(),
            assertions: ex.assertions.len(),
        }
    }

    fn add(&mut self, o: Counts) {
        self.articles += o.articles;
        self.bytes += o.bytes;
        self.sentences += o.sentences;
        self.mentions += o.mentions;
        self.assertions += o.assertions;
    }

    /// One line on stderr, timed from `started` (pack loading included).
    fn print(&self, started: std::time::Instant, edges: usize) {
        let secs = started.elapsed().as_secs_f64();
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

/// One unit of work.
enum Item {
    /// An article file.
    File(PathBuf),
    /// A corpus line.
    Record(Line),
}

/// One article's result, or why there is none.
struct Done {
    /// `path` or `path:line`, for messages.
    origin: String,
    outcome: Outcome,
}

// One per article, moved once from a worker to the sink: the size of the
// larger variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
enum Outcome {
    Graph {
        stem: String,
        slice: Option<(String, Date, Date)>,
        graph: GraphJson,
        counts: Counts,
        /// Read, but with a warning (stray bytes repaired).
        warning: Option<String>,
    },
    /// A bad corpus record: reported, skipped.
    Soft(String),
}

/// Everything a worker needs, shared read-only by all of them.
struct Extractor {
    kb: Knowledge,
    opts: Options,
    lang: Option<Lang>,
    date: Option<String>,
    by: Option<SliceBy>,
    max_bytes: u64,
}

impl Extractor {
    fn work(&self, item: Item) -> Done {
        match item {
            Item::File(path) => {
                let origin = path.display().to_string();
                // One bad article is reported and skipped; the rest go on
                // and the run ends with exit 2 (like ripgrep's soft errors).
                // A panic is one more bad article (issue 17).
                let outcome = catch_panic(|| self.file(&path))
                    .unwrap_or_else(|e| Err(anyhow::anyhow!(e)))
                    .unwrap_or_else(|e| {
                        let msg = format!("{e:#}");
                        Outcome::Soft(msg.lines().next().unwrap_or("").to_string())
                    });
                Done { origin, outcome }
            }
            Item::Record(line) => {
                let origin = format!("{}:{}", line.path, line.line);
                let outcome = catch_panic(|| match corpus::parse_record(&line.bytes) {
                    Err(e) => Outcome::Soft(e.to_string()),
                    Ok(record) => match record.into_document(self.date.as_deref(), self.lang) {
                        Err(e) => Outcome::Soft(e.to_string()),
                        Ok(doc) => self.graph(doc),
                    },
                })
                .unwrap_or_else(Outcome::Soft);
                Done { origin, outcome }
            }
        }
    }

    fn file(&self, path: &Path) -> Result<Outcome> {
        if path.as_os_str() != "-" {
            if path.is_dir() {
                anyhow::bail!(
                    "{}: is a directory; expected an article file",
                    path.display()
                );
            }
            if std::fs::symlink_metadata(path).is_ok() && !path.exists() {
                anyhow::bail!(
                    "{}: dangling symlink; expected an article file",
                    path.display()
                );
            }
            if let Ok(meta) = std::fs::metadata(path) {
                if meta.is_file() && meta.len() > self.max_bytes {
                    anyhow::bail!(
                        "{}: article is {} bytes, over the --max-bytes limit of {}; split it or raise --max-bytes",
                        path.display(),
                        meta.len(),
                        self.max_bytes
                    );
                }
            }
        }
        let bytes = read_input(path)?;
        if bytes.len() as u64 > self.max_bytes {
            anyhow::bail!(
                "{}: article is more than {} bytes; split it or raise --max-bytes",
                path.display(),
                self.max_bytes
            );
        }
        let stem = if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "article".into())
        };
        let mut doc =
            stancegraph::read_document(&stem, &path.display().to_string(), &bytes, self.lang)?;
        doc.date = self.date.clone();
        let warning = repaired_warning(&doc);
        Ok(match self.graph(doc) {
            Outcome::Graph {
                stem,
                slice,
                graph,
                counts,
                ..
            } => Outcome::Graph {
                stem,
                slice,
                graph,
                counts,
                warning,
            },
            soft => soft,
        })
    }

    fn graph(&self, doc: stancegraph::Document) -> Outcome {
        let slice =
            match self.by {
                None => None,
                Some(by) => match doc.date.as_deref().map(corpus::check_date) {
                    Some(Ok(date)) => Some(by.slice(date)),
                    Some(Err(e)) => return Outcome::Soft(e.to_string()),
                    None => return Outcome::Soft(
                        "no date, so no time slice; expected a \"date\" in the record or --date"
                            .into(),
                    ),
                },
            };
        let extraction = stancegraph::extract::analyse_with(&doc, &self.kb, &self.opts);
        let counts = Counts::of(&doc, &extraction);
        let graph =
            stancegraph::extract::aggregate(&doc, &self.kb, &extraction, &self.opts).to_json();
        Outcome::Graph {
            stem: doc.id,
            slice,
            graph,
            counts,
            warning: None,
        }
    }
}

/// One line about stray bytes read as U+FFFD, if there were any.
fn repaired_warning(doc: &stancegraph::Document) -> Option<String> {
    let first = doc.replaced.first()?;
    let bytes: usize = doc.replaced.iter().map(|r| r.len).sum();
    Some(format!(
        "stancegraph: {}:{}: warning: {bytes} invalid UTF-8 byte{} read as U+FFFD; the rest is UTF-8, and offsets still count the file's bytes",
        doc.path,
        first.file_offset,
        if bytes == 1 { "" } else { "s" }
    ))
}

/// Keeps what the chosen output needs, and nothing more.
#[derive(Default)]
struct Collector {
    /// What `--stats` reports.
    counts: Counts,
    /// `--output jsonl`: lines go straight to stdout.
    lines: Option<std::io::BufWriter<std::io::Stdout>>,
    /// Set when stdout was closed (`| head`): stop writing, not an error.
    closed: bool,
    /// The merged graph of everything.
    all: Option<StanceGraph>,
    /// Per-article graphs (article files with -o DIR).
    articles: Option<Vec<(String, GraphJson)>>,
    /// Per-slice graphs, with the slice's first and last day.
    slices: Option<BTreeMap<String, (Date, Date, StanceGraph)>>,
}

impl Collector {
    fn take(
        &mut self,
        stem: String,
        slice: Option<(String, Date, Date)>,
        graph: GraphJson,
    ) -> Result<()> {
        if let Some(out) = &mut self.lines {
            if !self.closed {
                let line = GraphLine::line(&stem, &graph);
                match out.write_all(line.as_bytes()) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
                    Err(e) => anyhow::bail!("-: {}", super::io::io_reason(&e)),
                }
            }
        }
        if let (Some(slices), Some((name, start, end))) = (&mut self.slices, slice) {
            slices
                .entry(name)
                .or_insert_with(|| (start, end, StanceGraph::new()))
                .2
                .merge(&graph);
        }
        match (&mut self.all, &mut self.articles) {
            (Some(all), Some(articles)) => {
                all.merge(&graph);
                articles.push((stem, graph));
            }
            (Some(all), None) => all.merge_owned(graph),
            (None, Some(articles)) => articles.push((stem, graph)),
            (None, None) => {}
        }
        Ok(())
    }
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let kb = Knowledge::with_user_packs(
        &load_packs(&args.actor_packs)?,
        &load_packs(&args.cue_packs)?,
    )?;
    let lang = match args.lang {
        LangArg::Auto => None,
        LangArg::Ar => Some(Lang::Ar),
        LangArg::En => Some(Lang::En),
    };
    if let Some(d) = &args.date {
        corpus::check_date(d).map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    }
    let by = args.by.map(|b| match b {
        ByArg::Day => SliceBy::Day,
        ByArg::Week => SliceBy::Week,
        ByArg::Month => SliceBy::Month,
    });
    if by.is_some() && args.out_dir.is_none() {
        anyhow::bail!("--by: time slices are written as files; give -o DIR");
    }
    if args.output == OutputArg::Jsonl && args.out_dir.is_some() {
        anyhow::bail!("--output jsonl: lines go to stdout; drop -o DIR, or drop --output jsonl");
    }
    let format = args.format.format();
    if args.out_dir.is_none() && super::io::binary_to_terminal(format) {
        anyhow::bail!("-: {format} is binary and stdout is a terminal; redirect it (> a.{format}), or use -o DIR");
    }
    let extractor = Extractor {
        kb,
        opts: Options {
            persons: match args.persons {
                PersonsArg::Fold => PersonsMode::Fold,
                PersonsArg::Keep => PersonsMode::Keep,
            },
            stance_only: args.stance_only && !args.all_nodes,
            strict_actors: args.strict_actors,
        },
        lang,
        date: args.date.clone(),
        by,
        max_bytes: args.max_bytes,
    };

    let mut collector = Collector::default();
    match (&args.out_dir, args.output) {
        (None, OutputArg::Jsonl) => {
            collector.lines = Some(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            ));
        }
        (None, OutputArg::Graph) => collector.all = Some(StanceGraph::new()),
        (Some(_), _) => {
            collector.all = Some(StanceGraph::new());
            if by.is_some() {
                collector.slices = Some(BTreeMap::new());
            } else if args.input == InputArg::Text {
                collector.articles = Some(Vec::new());
            }
        }
    }

    let pool = Pool::new(args.jobs)?;
    let mut soft = SoftErrors::new(args.fail_fast);
    let (items, progress): (Box<dyn Iterator<Item = Result<Item>>>, Progress) = match args.input {
        InputArg::Text => {
            if args.paths.is_empty() {
                anyhow::bail!("-: no articles given; expected files, directories or - for stdin");
            }
            // Files fail hard: nothing is written when one cannot be read.
            let inputs = expand_inputs(&args.paths)?;
            let progress = Progress::new(Some(inputs.len() as u64));
            (
                Box::new(inputs.into_iter().map(|p| Ok(Item::File(p)))),
                progress,
            )
        }
        InputArg::Jsonl => {
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                args.paths.clone()
            };
            let progress = Progress::new(count_lines(&paths));
            (
                Box::new(Lines::new(&paths).map(|l| l.map(Item::Record))),
                progress,
            )
        }
    };
    pool.run(
        items,
        |item| extractor.work(item),
        |done: Done| sink(done, &mut collector, &mut soft, &progress),
        &progress,
    )?;
    progress.finish();

    if let Some(mut out) = collector.lines.take() {
        if let Err(e) = out.flush() {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                anyhow::bail!("-: {}", super::io::io_reason(&e));
            }
        }
    }
    let edges = collector.all.as_ref().map_or(0, StanceGraph::edge_count);
    let all = collector.all.take().map(StanceGraph::into_json);
    let opts_export = args.export.options();
    match (&args.out_dir, &all) {
        // Every article failed: write nothing, not even an empty graph.
        (_, Some(all)) if all.documents.is_empty() && soft.count() > 0 => {}
        (Some(dir), Some(all)) => {
            write_dir(dir, &collector, all, by, &opts_export, args.no_clobber)?
        }
        // The common corpus case, streamed without a filtered copy or a
        // whole-file string: the merged graph is most of the memory.
        (None, Some(all)) if format == Format::Json && opts_export.view == Default::default() => {
            write_json_stdout(all)?;
        }
        (None, Some(all)) => {
            for o in export::export(all, format, &opts_export)? {
                write_stdout(&o.bytes)?;
            }
        }
        _ => {}
    }
    // The process ends right after: freeing a corpus's worth of small
    // strings one by one would only cost time.
    std::mem::forget(all);
    std::mem::forget(collector.articles.take());
    if soft.count() > 0 {
        // Each bad article was named on its own line; a corpus also gets a count.
        if args.input == InputArg::Jsonl {
            eprintln!(
                "stancegraph: {} bad record{} skipped",
                soft.count(),
                if soft.count() == 1 { "" } else { "s" }
            );
        }
        return Ok(ExitCode::from(2));
    }
    if args.stats {
        collector.counts.print(started, edges);
    }
    Ok(ExitCode::SUCCESS)
}

fn sink(
    done: Done,
    collector: &mut Collector,
    soft: &mut SoftErrors,
    progress: &Progress,
) -> Result<()> {
    match done.outcome {
        Outcome::Graph {
            stem,
            slice,
            graph,
            counts,
            warning,
        } => {
            if let Some(w) = warning {
                progress.warn(&w);
            }
            collector.counts.add(counts);
            collector.take(stem, slice, graph)
        }
        Outcome::Soft(message) => soft.report(progress, &done.origin, &message),
    }
}

/// Renders every file first, then writes them: a failure leaves no half set.
fn write_dir(
    dir: &Path,
    collector: &Collector,
    all: &GraphJson,
    by: Option<SliceBy>,
    opts: &ExportOptions,
    no_clobber: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), super::io::io_reason(&e)))?;
    let draw = export::dot_available();
    if !draw {
        eprintln!("stancegraph: dot: Graphviz is not installed, so no .svg is written; install it (apt-get install graphviz) for diagrams");
    }
    let mut graphs: Vec<(String, std::borrow::Cow<GraphJson>)> = Vec::new();
    if let Some(articles) = &collector.articles {
        graphs.extend(
            articles
                .iter()
                .map(|(s, g)| (s.clone(), std::borrow::Cow::Borrowed(g))),
        );
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if let (Some(slices), Some(by)) = (&collector.slices, by) {
        let mut timeline = TimelineJson {
            schema: corpus::TIMELINE_SCHEMA.to_string(),
            by,
            slices: Vec::new(),
        };
        for (name, (start, end, graph)) in slices {
            let g = graph.to_json();
            timeline.slices.push(SliceJson {
                slice: name.clone(),
                start: start.to_string(),
                end: end.to_string(),
                graph: format!("{name}.json"),
                documents: g.documents.len(),
                nodes: g.nodes.len(),
                edges: g.edges.len(),
            });
            graphs.push((name.clone(), std::borrow::Cow::Owned(g)));
        }
        let mut text = serde_json::to_string_pretty(&timeline)?;
        text.push('\n');
        files.push((dir.join("timeline.json"), text.into_bytes()));
    }
    graphs.push(("all".to_string(), std::borrow::Cow::Borrowed(all)));
    for (stem, g) in &graphs {
        files.push((
            dir.join(format!("{stem}.json")),
            g.to_pretty_string().into_bytes(),
        ));
        for o in export::export(g, Format::Dot, opts)? {
            files.push((dir.join(format!("{stem}.dot")), o.bytes));
        }
        // Graphviz draws each graph once, for its .svg and its .html (a big
        // graph's page is drawn by our own layout, see GRAPHVIZ_MAX_EDGES).
        let small = g.edges.len() <= export::html::GRAPHVIZ_MAX_EDGES;
        let mut html = None;
        if draw {
            let svg = export::export(g, Format::Svg, opts)?.remove(0).bytes;
            if small {
                html = Some(export::html::graph_page_with_svg(g, opts, &svg)?);
            }
            files.push((dir.join(format!("{stem}.svg")), svg));
        }
        let html = match html {
            Some(page) => page,
            None => export::html::graph_page(g, opts, export::html::Drawer::Auto)?,
        };
        files.push((dir.join(format!("{stem}.html")), html));
    }
    for (path, bytes) in files {
        write_atomic(&path, &bytes, no_clobber)?;
    }
    Ok(())
}
