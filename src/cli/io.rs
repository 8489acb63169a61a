//! Reading inputs and writing outputs atomically.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Expands PATHS into article files: files as given, directories into their
/// `*.txt`/`*.html`/`*.htm` files sorted by name, `-` as stdin.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| anyhow::anyhow!("{}: {}", p.display(), io_reason(&e)))?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| anyhow::anyhow!("{}: {}", p.display(), io_reason(&e)))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Everything named like an article is kept, files or not:
                // a directory or a dangling link called x.txt is reported
                // when it is read, not dropped silently.
                .filter(|f| {
                    f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| matches!(x, "txt" | "html" | "htm"))
                })
                .collect();
            files.sort();
            if files.is_empty() {
                anyhow::bail!(
                    "{}: no articles (*.txt, *.html) in this directory",
                    p.display()
                );
            }
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// A lower-case reason for an I/O error, without the OS error number.
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

/// Reads a file or stdin.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .context("-: cannot read stdin")?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so a reader never sees half a file and an interrupted run
/// leaves the previous file intact.
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
    if interrupted() {
        // Dropping `tmp` removes it: the previous file stays as it was.
        anyhow::bail!(
            "{}: interrupted; the previous file is unchanged",
            path.display()
        );
    }
    if no_clobber {
        // persist_noclobber closes the race between the check above and here.
        tmp.persist_noclobber(path).map_err(|e| {
            anyhow::anyhow!(
                "{}: {}; remove it or drop --no-clobber",
                path.display(),
                io_reason(&e.error)
            )
        })?;
    } else {
        tmp.persist(path)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e.error)))?;
    }
    Ok(())
}

/// Set by the SIGINT handler; writes check it before each rename.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Installs the SIGINT (Ctrl-C) handler that sets [`INTERRUPTED`]. Without
/// it the default action kills the process in the middle of a write and
/// leaves a temporary file behind; with it the run stops before the next
/// file is put in place.
pub fn install_interrupt_handler() {
    // An error means a handler is already installed: nothing to do then.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
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

/// Writes a value as pretty JSON plus a newline to stdout, streamed rather
/// than built as one string: the same bytes as `to_string_pretty` + `\n`.
pub fn write_json_stdout<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush());
    match result {
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

/// Whether `format` is binary and stdout is a terminal: refused there, as
/// `dot -Tpng` is used as `dot -Tpng > a.png` (issue 17), never to a screen.
pub fn binary_to_terminal(format: stancegraph::export::Format) -> bool {
    use std::io::IsTerminal;
    matches!(
        format,
        stancegraph::export::Format::Png | stancegraph::export::Format::Pdf
    ) && std::io::stdout().is_terminal()
}
