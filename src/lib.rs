//! # stancegraph
//!
//! Reads news articles (Arabic first, English too), finds the actors in them,
//! infers who supports, opposes or negotiates with whom, and returns a
//! [`graph::StanceGraph`] whose every edge carries its evidence.
//!
//! The pipeline, one article at a time:
//!
//! ```text
//! bytes ─decode─▶ Document ─normalize/segment─▶ sentences ─find_mentions─▶ mentions
//!       ─resolve─▶ actors in context ─infer─▶ assertions ─aggregate─▶ StanceGraph
//! ```
#![warn(missing_docs)]
// Input-dependent code must return errors, not panic; tests opt out locally.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod corpus;
pub mod diff;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fasthash;
pub mod graph;
pub mod lexicon;
pub mod model;
pub mod stage;
pub mod text;

pub use error::{Error, Result};
pub use model::{Document, Lang, Relation};

use sha2::{Digest, Sha256};

/// Decodes raw article bytes into a [`Document`]; `lang` None detects it.
/// Stray invalid bytes in a UTF-8 file are read as U+FFFD and listed in
/// [`Document::replaced`] (see [`text::decode_repairing`]).
pub fn read_document(id: &str, path: &str, bytes: &[u8], lang: Option<Lang>) -> Result<Document> {
    stage::enter(stage::DECODE, id);
    let (text, replaced) = text::decode_repairing(bytes, path)?;
    let sha256 = format!("{:x}", Sha256::digest(bytes));
    let mut doc = document(id, path, text, lang, sha256)?;
    doc.replaced = replaced;
    Ok(doc)
}

fn document(
    id: &str,
    path: &str,
    text: String,
    lang: Option<Lang>,
    sha256: String,
) -> Result<Document> {
    if text.trim().is_empty() {
        return Err(Error::Input {
            path: path.to_string(),
            what: "empty article; expected news text".into(),
        });
    }
    let lang = lang.unwrap_or_else(|| text::detect_lang(&text));
    Ok(Document {
        id: id.to_string(),
        path: path.to_string(),
        text,
        lang,
        sha256,
        date: None,
        url: None,
        replaced: Vec::new(),
    })
}

/// [`read_document`] for text that is already a string (a corpus record):
/// the same checks without validating and copying it again.
pub fn read_text_document(
    id: &str,
    path: &str,
    text: String,
    lang: Option<Lang>,
) -> Result<Document> {
    let sha256 = format!("{:x}", Sha256::digest(text.as_bytes()));
    stage::enter(stage::DECODE, id);
    let text = text::decode_string(text, path)?;
    document(id, path, text, lang, sha256)
}

/// The whole pipeline for one document: normalise and segment, find and
/// resolve actors, infer stances, aggregate them into a graph.
pub fn extract_graph(
    doc: &Document,
    kb: &lexicon::Knowledge,
    opts: &extract::Options,
) -> graph::StanceGraph {
    let extraction = extract::analyse_with(doc, kb, opts);
    extract::aggregate(doc, kb, &extraction, opts)
}
