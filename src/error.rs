//! Library errors. Messages are lower-case, name the culprit and give a hint,
//! so the binary can print them as `stancegraph: <message>` and nothing more.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input or output file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// An article could not be decoded into text.
    #[error("{path}:{offset}: {what}; {hint}")]
    Decode {
        /// The file.
        path: String,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// What is wrong.
        what: String,
        /// What was expected.
        hint: String,
    },
    /// A data file (actor pack, cue pack, graph JSON) is malformed.
    #[error("{path}{}: {what}; {hint}", line_suffix(*.line))]
    Data {
        /// The file (or the name of an embedded pack).
        path: String,
        /// 1-based line, 0 when unknown.
        line: usize,
        /// What is wrong.
        what: String,
        /// What was expected.
        hint: String,
    },
    /// Anything else about one input: empty, too large, no articles.
    #[error("{path}: {what}")]
    Input {
        /// The file or directory.
        path: String,
        /// What is wrong, with a hint.
        what: String,
    },
}

/// Shorthand used across the library.
pub type Result<T> = std::result::Result<T, Error>;

/// `:line` for a known line, nothing for 0 (a whole-file problem), so the
/// message never names a line that does not exist.
fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}
