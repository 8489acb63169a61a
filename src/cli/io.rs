//! Reading inputs and writing outputs atomically.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

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
                .filter(|f| {
                    f.is_file()
                        && f.extension()
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
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
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
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e.error)))?;
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
