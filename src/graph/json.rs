//! The graph JSON contract, `stancegraph/1`: every other format derives from it.
//!
//! Field order here is the order in the file; collections are sorted by
//! [`crate::graph::StanceGraph::to_json`], so the same input gives the same bytes.

use crate::error::{Error, Result};
use crate::model::Relation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag written into every graph file.
pub const SCHEMA: &str = "stancegraph/1";

/// A whole graph as written to disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphJson {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The articles the graph was built from.
    pub documents: Vec<DocumentJson>,
    /// Actors, sorted by id.
    pub nodes: Vec<NodeJson>,
    /// Stances, sorted by (source, target, relation).
    pub edges: Vec<EdgeJson>,
}

/// One source article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentJson {
    /// Stable document id (file stem or record id).
    pub id: String,
    /// Path as given on the command line.
    pub path: String,
    /// `ar` or `en`.
    pub lang: String,
    /// SHA-256 of the raw input bytes.
    pub sha256: String,
    /// Publication date, ISO 8601, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Mentions per actor id in this document (optional, additive to
    /// `stancegraph/1`): lets `merge` count a node's mentions exactly when
    /// some of the documents of a graph are already merged. See `docs/MERGE.md`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mentions: BTreeMap<String, u32>,
}

/// One actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeJson {
    /// Canonical id (see `docs/` and the actor packs).
    pub id: String,
    /// Display label (English when known).
    pub label: String,
    /// Labels per language code.
    pub labels: BTreeMap<String, String>,
    /// Actor kind: state, government, armed-group, igo, mission, … or `unlisted`.
    pub kind: String,
    /// How many times the actor is mentioned across the documents.
    pub mentions: u32,
}

/// One aggregated stance between two actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeJson {
    /// Actor holding the stance (for `negotiates-with`, the smaller id).
    pub source: String,
    /// Actor the stance is about.
    pub target: String,
    /// `supports`, `opposes`, `negotiates-with` (or `member-of`).
    pub relation: Relation,
    /// Number of statements behind the edge.
    pub weight: u32,
    /// Combined confidence of those statements, 0..=1.
    pub confidence: f64,
    /// The statements, in document order.
    pub evidence: Vec<EvidenceJson>,
}

/// One statement behind an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceJson {
    /// Document id.
    pub document: String,
    /// Sentence index within the document, from 0.
    pub sentence: usize,
    /// Byte offset of the sentence start in the decoded original text.
    pub start: usize,
    /// Byte offset of the sentence end (exclusive).
    pub end: usize,
    /// The sentence as written.
    pub text: String,
    /// The cue words as written.
    pub cue: String,
    /// Byte offset of the cue start in the decoded original text.
    pub cue_start: usize,
    /// Byte offset of the cue end (exclusive).
    pub cue_end: usize,
    /// Fine event type (welcome, aid, reject, meet, …).
    pub event: String,
    /// Id of the rule that fired.
    pub rule: String,
    /// Confidence of this one statement.
    pub confidence: f64,
}

impl GraphJson {
    /// Parses and validates graph JSON; errors name the line.
    pub fn parse(path: &str, text: &str) -> Result<GraphJson> {
        let graph: GraphJson = serde_json::from_str(text).map_err(|e| Error::Data {
            path: path.to_string(),
            line: e.line(),
            what: format!("invalid graph JSON ({e})"),
            hint: format!("expected a {SCHEMA} graph as written by `stancegraph extract`"),
        })?;
        graph.validate(path)?;
        Ok(graph)
    }

    /// Checks the invariants serde cannot: schema tag, unique ids, edge endpoints.
    pub fn validate(&self, path: &str) -> Result<()> {
        let bad = |what: String, hint: &str| Error::Data {
            path: path.to_string(),
            line: 0,
            what,
            hint: hint.to_string(),
        };
        if self.schema != SCHEMA {
            return Err(bad(
                format!("unsupported schema '{}'", self.schema),
                &format!("expected '{SCHEMA}'"),
            ));
        }
        let mut ids = std::collections::HashSet::new();
        for node in &self.nodes {
            if !ids.insert(node.id.as_str()) {
                return Err(bad(
                    format!("duplicate node id '{}'", node.id),
                    "expected every node id once",
                ));
            }
        }
        for edge in &self.edges {
            for end in [&edge.source, &edge.target] {
                if !ids.contains(end.as_str()) {
                    return Err(bad(
                        format!(
                            "edge {} {} {} names unknown node '{end}'",
                            edge.source, edge.relation, edge.target
                        ),
                        "expected edge endpoints to be node ids",
                    ));
                }
            }
            if !(0.0..=1.0).contains(&edge.confidence) {
                // {:e} keeps 1e300 from printing as 300 digits.
                let shown = if edge.confidence.abs() < 1e6 {
                    edge.confidence.to_string()
                } else {
                    format!("{:e}", edge.confidence)
                };
                return Err(bad(
                    format!(
                        "edge {} {} {} has confidence {shown} out of range",
                        edge.source, edge.relation, edge.target
                    ),
                    "expected a number from 0 to 1",
                ));
            }
        }
        Ok(())
    }

    /// Serialises with two-space indentation and a final newline.
    pub fn to_pretty_string(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
