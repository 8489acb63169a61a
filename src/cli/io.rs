//! Reading inputs and writing outputs atomically.
//!
//! Every output file goes through [`write_atomic`]: a temporary file
//! `.stancegraph-XXXXXX.tmp` in the destination's own directory, fsynced and
//! renamed over the destination. A reader (or a run killed with SIGKILL) sees
//! either the old file or the complete new one, never half of one. A killed
//! run may leave its temporary file behind; it never shadows an output name,
//! and it is not cleaned up by the next run (another run may be writing the
//! same directory at the same time), so delete `.stancegraph-*.tmp` by hand.

use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// One input named on the command line or found in a directory. A directory
/// entry that looks like an article but cannot be one (a subdirectory or a
/// dangling symlink named `*.txt`) is kept as an [`Input::Bad`] so it is
/// reported like any other unreadable article instead of vanishing.
#[derive(Debug)]
pub enum Input {
    /// A file to read, or `-` for stdin.
    File(PathBuf),
    /// An entry that cannot be read, and why (`path: what; hint`).
    Bad(String),
}

/// Expands PATHS into article files: files as given, directories into their
/// `*.txt`/`*.html`/`*.htm` entries sorted by name (so the order of a
/// directory listing never changes the output), `-` as stdin.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::File(p.clone()));
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| anyhow::anyhow!("{}: {}", p.display(), io_reason(&e)))?;
        if !meta.is_dir() {
            out.push(Input::File(p.clone()));
            continue;
        }
        let mut entries: Vec<Input> = Vec::new();
        let dir = std::fs::read_dir(p)
            .map_err(|e| anyhow::anyhow!("{}: {}", p.display(), io_reason(&e)))?;
        for entry in dir {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    entries.push(Input::Bad(format!(
                        "{}: cannot list an entry ({}); check the directory",
                        p.display(),
                        io_reason_only(&e)
                    )));
                    continue;
                }
            };
            let f = entry.path();
            let is_article = f
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x, "txt" | "html" | "htm"));
            if !is_article {
                continue;
            }
            // metadata() follows symlinks: a dangling one fails here.
            match std::fs::metadata(&f) {
                Ok(m) if m.is_file() => entries.push(Input::File(f)),
                Ok(m) if m.is_dir() => entries.push(Input::Bad(format!(
                    "{}: is a directory; expected an article file",
                    f.display()
                ))),
                Ok(_) => entries.push(Input::Bad(format!(
                    "{}: not a regular file; expected an article file",
                    f.display()
                ))),
                Err(e) if std::fs::symlink_metadata(&f).is_ok() => {
                    entries.push(Input::Bad(format!(
                        "{}: dangling symlink ({}); expected an article file",
                        f.display(),
                        io_reason_only(&e)
                    )))
                }
                Err(e) => entries.push(Input::Bad(format!("{}: {}", f.display(), io_reason(&e)))),
            }
        }
        entries.sort_by(|a, b| input_key(a).cmp(input_key(b)));
        if entries.is_empty() {
            anyhow::bail!(
                "{}: no articles in this directory; expected *.txt or *.html files",
                p.display()
            );
        }
        out.extend(entries);
    }
    Ok(out)
}

fn input_key(i: &Input) -> &str {
    match i {
        Input::File(p) => p.to_str().unwrap_or(""),
        Input::Bad(msg) => msg,
    }
}

/// A lower-case reason for an I/O error, without the OS error number, with
/// a hint: `no such file or directory; check the path`.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory; check the path".into(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the permissions of the file and its directory".into()
        }
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_lowercase();
            format!("{s}; check the path and the disk")
        }
    }
}

/// [`io_reason`] without its hint, for use inside a longer message.
fn io_reason_only(e: &std::io::Error) -> String {
    let r = io_reason(e);
    r.split(';').next().unwrap_or(&r).to_string()
}

/// Reads a file or stdin.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("-: cannot read stdin")?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))
}

/// Reads a file or stdin, refusing more than `max` bytes without reading
/// them: a file's size is checked first, stdin is read up to `max + 1` bytes.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>> {
    let too_big = |size: String| {
        anyhow::anyhow!(
            "{}: article is {size} bytes, over the --max-bytes limit of {max}; \
             split it or raise --max-bytes",
            path.display()
        )
    };
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
        let meta = file
            .metadata()
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
        if meta.is_dir() {
            anyhow::bail!(
                "{}: is a directory; expected an article file",
                path.display()
            );
        }
        if meta.len() > max {
            return Err(too_big(meta.len().to_string()));
        }
        Box::new(file)
    };
    let mut buf = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    if buf.len() as u64 > max {
        return Err(too_big(format!("more than {max}")));
    }
    Ok(buf)
}

/// Set by the SIGINT handler; long loops check it between items.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Installs the SIGINT (Ctrl-C) handler that sets [`INTERRUPTED`]. Without
/// it the default action kills the process in the middle of a write and
/// leaves a temporary file behind; with it the run stops between two files.
pub fn install_interrupt_handler() {
    // An error means a handler is already installed (tests calling twice):
    // nothing to do then.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// an fsync and a rename, so a reader never sees half a file and an
/// interrupted run leaves the previous file intact.
pub fn write_atomic(path: &Path, bytes: &[u8], no_clobber: bool) -> Result<()> {
    if no_clobber && path.exists() {
        anyhow::bail!(
            "{}: already exists; remove it or drop --no-clobber",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".stancegraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), io_reason(&e)))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    if no_clobber {
        // persist_noclobber closes the race between the check above and here.
        tmp.persist_noclobber(path).map_err(|e| {
            anyhow::anyhow!(
                "{}: {}; remove it or drop --no-clobber",
                path.display(),
                io_reason_only(&e.error)
            )
        })?;
    } else {
        tmp.persist(path)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e.error)))?;
    }
    Ok(())
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::anyhow!("-: {}", io_reason(&e))),
    }
}

/// Parses a size such as `67108864`, `64M`, `64MiB`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size; expected bytes like 65536, 64K, 64M or 1G"))?;
    let mult: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("unknown size unit '{unit}'; expected K, M or G")),
    };
    let bytes = n
        .checked_mul(mult)
        .ok_or_else(|| format!("'{s}' is too large"))?;
    if bytes == 0 || bytes > u64::from(u32::MAX) {
        return Err(format!(
            "'{s}' is out of range; expected 1 byte to 4G - 1 (offsets are 32-bit)"
        ));
    }
    Ok(bytes)
}
