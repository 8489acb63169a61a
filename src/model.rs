//! The small shared vocabulary of the pipeline: languages, relations, documents.
//!
//! These types sit between stages, so they are the contract: every stage
//! speaks in terms of them and nothing else.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The language of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code used in JSON and in data files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What one actor does towards another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Praise, welcome, endorse, back, aid, ally, recognise.
    Supports,
    /// Reject, condemn, accuse, demand, threaten, attack, refuse talks.
    Opposes,
    /// Talks, deals, meetings, mediation. Symmetric: stored once per pair.
    NegotiatesWith,
    /// A person belongs to an organisation (only with `--persons keep`).
    MemberOf,
}

impl Relation {
    /// All relations, in their canonical order.
    pub const ALL: [Relation; 4] = [
        Relation::Supports,
        Relation::Opposes,
        Relation::NegotiatesWith,
        Relation::MemberOf,
    ];

    /// The name used in JSON, data files and the command line.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
            Relation::NegotiatesWith => "negotiates-with",
            Relation::MemberOf => "member-of",
        }
    }

    /// Parses a relation name as written in data files.
    pub fn from_name(name: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Whether `a r b` means the same as `b r a`.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Relation::NegotiatesWith)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One input article after decoding.
///
/// `text` is the decoded original: every byte offset in the output points
/// into it (for UTF-8 input that is the file's own bytes, less a BOM).
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: the file stem, or the record id of a JSON Lines corpus.
    pub id: String,
    /// Where it came from, as the user named it (`-` for stdin).
    pub path: String,
    /// The decoded text.
    pub text: String,
    /// Detected or declared language.
    pub lang: Lang,
    /// SHA-256 of the raw input bytes, hex.
    pub sha256: String,
    /// Publication date (ISO 8601), when known.
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Stray bytes of a UTF-8 file that were read as U+FFFD (empty for
    /// clean input): the caller warns about them, and
    /// [`Document::file_offset`] maps offsets back onto the file's bytes.
    pub replaced: Vec<crate::text::Replaced>,
}

impl Document {
    /// The file byte offset of a byte offset into [`Document::text`]: the
    /// same number unless stray bytes before it were replaced by the
    /// three-byte U+FFFD.
    pub fn file_offset(&self, text_offset: usize) -> usize {
        self.replaced
            .iter()
            .filter_map(|r| r.text_offset.map(|t| (t, r.len)))
            .take_while(|&(t, _)| t < text_offset)
            .fold(text_offset, |at, (_, len)| {
                at - (char::REPLACEMENT_CHARACTER.len_utf8() - len)
            })
    }
}
