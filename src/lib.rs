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

pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod model;
pub mod text;

pub use error::{Error, Result};
pub use model::{Document, Lang, Relation};
