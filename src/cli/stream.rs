//! The corpus engine: items are read in order, worked on in parallel over a
//! bounded window, and handed to a sink in input order.
//!
//! Memory holds at most two windows of items and results (the one being
//! worked on and the one being sunk), whatever the size of the corpus, and
//! the sink sees results in input order, so the output is byte-identical for
//! any number of jobs. While the pool works on window k, the sink consumes
//! window k-1 (`rayon::join`), so merging overlaps extraction.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

/// Items per job in one window: large enough to keep every thread busy
/// between two barriers, small enough that memory stays flat.
const WINDOW_PER_JOB: usize = 64;

/// A rayon pool of `--jobs` threads.
pub struct Pool {
    pool: rayon::ThreadPool,
    window: usize,
}

impl Pool {
    /// `jobs` 0 means one per core.
    pub fn new(jobs: usize) -> Result<Pool> {
        // More threads than this only costs memory (and `jobs * window` must
        // not overflow on a silly --jobs).
        const MAX_JOBS: usize = 256;
        let jobs = if jobs == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            jobs
        }
        .min(MAX_JOBS);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .context("cannot start worker threads")?;
        Ok(Pool {
            pool,
            window: jobs * WINDOW_PER_JOB,
        })
    }

    /// Runs `work` over every item and gives the results to `sink` in input
    /// order. An `Err` from `items` or from `sink` stops the run.
    pub fn run<T, R>(
        &self,
        items: impl Iterator<Item = Result<T>>,
        work: impl Fn(T) -> R + Sync,
        mut sink: impl FnMut(R) -> Result<()> + Send,
        progress: &Progress,
    ) -> Result<()>
    where
        T: Send,
        R: Send,
    {
        let mut items = items;
        let mut pending: Vec<R> = Vec::new();
        loop {
            let mut batch: Vec<T> = Vec::with_capacity(self.window);
            for item in items.by_ref() {
                batch.push(item?);
                if batch.len() == self.window {
                    break;
                }
            }
            if batch.is_empty() && pending.is_empty() {
                return Ok(());
            }
            let done = std::mem::take(&mut pending);
            let (results, sunk) = self.pool.install(|| {
                rayon::join(
                    || batch.into_par_iter().map(&work).collect::<Vec<R>>(),
                    || -> Result<u64> {
                        let n = done.len() as u64;
                        for r in done {
                            sink(r)?;
                        }
                        Ok(n)
                    },
                )
            });
            progress.inc(sunk?);
            pending = results;
        }
    }
}

/// A progress bar on stderr when stderr is a terminal; silent otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` articles, or a counter when the total is unknown.
    pub fn new(total: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(n) => {
                let bar = ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} articles  {per_sec}  eta {eta}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar
            }
        };
        Progress { bar: Some(bar) }
    }

    /// A progress that never draws.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Prints a diagnostic line on stderr without tearing the bar.
    pub fn warn(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// One non-blank line of a JSON Lines input, with where it came from.
pub struct Line {
    /// The file as named (`-` for stdin).
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    /// The line without its end-of-line.
    pub bytes: Vec<u8>,
}

/// The non-blank lines of several JSON Lines files (or `-`), in order.
pub struct Lines {
    paths: std::collections::VecDeque<PathBuf>,
    current: Option<(String, Box<dyn BufRead>, usize)>,
}

impl Lines {
    /// Lines of these files, opened one after the other.
    pub fn new(paths: &[PathBuf]) -> Lines {
        Lines {
            paths: paths.iter().cloned().collect(),
            current: None,
        }
    }
}

fn open(path: &Path) -> Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), super::io::io_reason(&e)))?;
    Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
}

impl Iterator for Lines {
    type Item = Result<Line>;

    fn next(&mut self) -> Option<Result<Line>> {
        loop {
            if self.current.is_none() {
                let path = self.paths.pop_front()?;
                match open(&path) {
                    Ok(reader) => self.current = Some((path.display().to_string(), reader, 0)),
                    Err(e) => return Some(Err(e)),
                }
            }
            let (path, reader, n) = self.current.as_mut()?;
            let mut buf = Vec::new();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                }
                Ok(_) => {
                    *n += 1;
                    while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                        buf.pop();
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(Line {
                        path: path.clone(),
                        line: *n,
                        bytes: buf,
                    }));
                }
                Err(e) => {
                    let err = anyhow::anyhow!("{path}: {}", super::io::io_reason(&e));
                    self.current = None;
                    return Some(Err(err));
                }
            }
        }
    }
}

/// Non-blank lines in these files, for a progress bar's total; `None` when
/// one of them is stdin (which can be read only once).
pub fn count_lines(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for p in paths {
        if p.as_os_str() == "-" {
            return None;
        }
        let reader = std::io::BufReader::new(std::fs::File::open(p).ok()?);
        total += reader
            .split(b'\n')
            .map_while(|l| l.ok())
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count() as u64;
    }
    Some(total)
}

/// Soft errors: reported, counted, and turned into exit code 2 at the end;
/// with `--fail-fast` the first one stops the run.
pub struct SoftErrors {
    fail_fast: bool,
    count: usize,
}

impl SoftErrors {
    /// Counts from zero.
    pub fn new(fail_fast: bool) -> SoftErrors {
        SoftErrors {
            fail_fast,
            count: 0,
        }
    }

    /// Reports `origin: message`; an error when failing fast.
    pub fn report(&mut self, progress: &Progress, origin: &str, message: &str) -> Result<()> {
        // A message that already names its file (a decode error with its
        // byte offset) is printed as it is.
        let line = if message.starts_with(origin) {
            message.to_string()
        } else {
            format!("{origin}: {message}")
        };
        if self.fail_fast {
            anyhow::bail!("{line}");
        }
        self.count += 1;
        progress.warn(&format!("stancegraph: {line}"));
        Ok(())
    }

    /// How many were reported.
    pub fn count(&self) -> usize {
        self.count
    }
}
