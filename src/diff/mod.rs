//! What changed between two graphs: documents, actors and stances added or
//! removed, relations that flipped on a pair, weights that went up or down.
//!
//! The diff works on the graph JSON alone (actor ids are the identity, edges
//! are keyed by (source, target, relation)), so it compares two reports, two
//! weeks of a timeline, or two runs of the extractor with different packs.
//! [`GraphDiff`] is complete: [`apply`]`(a, diff(a, b))` gives `b` back. Its
//! JSON form is documented in `docs/DIFF.md`.
//!
//! ```
//! use stancegraph::diff::{apply, diff};
//! use stancegraph::graph::GraphJson;
//!
//! let g = GraphJson::parse("g.json", r#"{"schema":"stancegraph/1","documents":[],"nodes":[],"edges":[]}"#).unwrap();
//! let d = diff(&g, &g, false);
//! assert!(d.is_empty());
//! assert_eq!(apply(&g, &d), g);
//! ```

pub(crate) mod dot;
mod text;

pub use dot::{to_dot, to_svg};
pub use text::{render_text, TextOptions};

use crate::graph::{DocumentJson, EdgeJson, GraphJson, NodeJson};
use crate::model::Relation;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The schema tag of the diff JSON.
pub const DIFF_SCHEMA: &str = "stancegraph-diff/1";

/// Everything that differs between graph `a` (before) and graph `b` (after).
///
/// Lists are sorted: documents by their fields, nodes by id, edges by
/// (source, target, relation). `relation_changes` is a reading of
/// `edges_added` and `edges_removed`, not extra content: a stance removed
/// and another added on the same pair of actors is a flip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphDiff {
    /// Always [`DIFF_SCHEMA`].
    pub schema: String,
    /// Whether weights, confidences, evidence, mentions and documents were
    /// left out of the comparison.
    pub ignore_weights: bool,
    /// Documents in `b` only.
    pub documents_added: Vec<DocumentJson>,
    /// Documents in `a` only.
    pub documents_removed: Vec<DocumentJson>,
    /// Actors in `b` only.
    pub nodes_added: Vec<NodeJson>,
    /// Actors in `a` only.
    pub nodes_removed: Vec<NodeJson>,
    /// Actors in both whose label, kind or mentions differ.
    pub nodes_changed: Vec<NodeChange>,
    /// Stances in `b` only.
    pub edges_added: Vec<EdgeJson>,
    /// Stances in `a` only.
    pub edges_removed: Vec<EdgeJson>,
    /// Stances in both whose weight, confidence or evidence differ.
    pub edges_changed: Vec<EdgeChange>,
    /// Pairs of actors whose relation changed (one removed, one added stance).
    pub relation_changes: Vec<RelationChange>,
}

/// An actor present on both sides that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeChange {
    /// Actor id.
    pub id: String,
    /// Mentions in `a`.
    pub mentions_before: u32,
    /// Mentions in `b`.
    pub mentions_after: u32,
    /// The node as it is in `b`.
    pub after: NodeJson,
}

/// A stance present on both sides whose weight or evidence changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeChange {
    /// Holder of the stance.
    pub source: String,
    /// Target of the stance.
    pub target: String,
    /// The relation (the same on both sides).
    pub relation: Relation,
    /// Weight in `a`.
    pub weight_before: u32,
    /// Weight in `b`.
    pub weight_after: u32,
    /// Confidence in `a`.
    pub confidence_before: f64,
    /// Confidence in `b`.
    pub confidence_after: f64,
    /// The edge as it is in `b`.
    pub after: EdgeJson,
}

impl EdgeChange {
    /// `up`, `down`, or `same` (same weight, other evidence).
    pub fn trend(&self) -> &'static str {
        match self.weight_after.cmp(&self.weight_before) {
            std::cmp::Ordering::Greater => "up",
            std::cmp::Ordering::Less => "down",
            std::cmp::Ordering::Equal => "same",
        }
    }
}

/// The identity of a stance.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EdgeKey {
    /// Holder.
    pub source: String,
    /// Target.
    pub target: String,
    /// Relation.
    pub relation: Relation,
}

impl EdgeKey {
    pub(crate) fn of(e: &EdgeJson) -> EdgeKey {
        EdgeKey {
            source: e.source.clone(),
            target: e.target.clone(),
            relation: e.relation,
        }
    }

    fn pair(&self) -> (String, String) {
        if self.source <= self.target {
            (self.source.clone(), self.target.clone())
        } else {
            (self.target.clone(), self.source.clone())
        }
    }
}

/// A pair of actors whose relation changed: `turkey → gna: negotiates-with → supports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationChange {
    /// The actor shown first: the holder of the directed stance, when there is one.
    pub source: String,
    /// The other actor.
    pub target: String,
    /// The stance removed (it is in `edges_removed`).
    pub before: EdgeKey,
    /// The stance added (it is in `edges_added`).
    pub after: EdgeKey,
}

impl RelationChange {
    /// Whether both stances read in the `source → target` direction (or are
    /// symmetric), so the change can be told as `source → target: r1 → r2`.
    pub fn same_direction(&self) -> bool {
        [&self.before, &self.after].iter().all(|k| {
            k.relation.is_symmetric() || (k.source == self.source && k.target == self.target)
        })
    }
}

impl GraphDiff {
    /// No difference at all.
    pub fn is_empty(&self) -> bool {
        self.documents_added.is_empty()
            && self.documents_removed.is_empty()
            && self.nodes_added.is_empty()
            && self.nodes_removed.is_empty()
            && self.nodes_changed.is_empty()
            && self.edges_added.is_empty()
            && self.edges_removed.is_empty()
            && self.edges_changed.is_empty()
    }

    /// Pretty JSON with a final newline.
    pub fn to_pretty_string(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Compares `a` (before) with `b` (after). With `ignore_weights`, only the
/// structure counts: which actors and which stances exist, and actor labels
/// and kinds; weights, confidences, evidence, mentions and documents do not.
pub fn diff(a: &GraphJson, b: &GraphJson, ignore_weights: bool) -> GraphDiff {
    let (mut documents_added, mut documents_removed) = (Vec::new(), Vec::new());
    if !ignore_weights {
        let da: BTreeSet<&DocumentJson> = a.documents.iter().collect();
        let db: BTreeSet<&DocumentJson> = b.documents.iter().collect();
        documents_added = db.difference(&da).map(|d| (*d).clone()).collect();
        documents_removed = da.difference(&db).map(|d| (*d).clone()).collect();
    }

    let na: BTreeMap<&str, &NodeJson> = a.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let nb: BTreeMap<&str, &NodeJson> = b.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut nodes_added = Vec::new();
    let mut nodes_removed = Vec::new();
    let mut nodes_changed = Vec::new();
    for (id, n) in &nb {
        match na.get(id) {
            None => nodes_added.push((*n).clone()),
            Some(old) => {
                let differs = if ignore_weights {
                    (&old.label, &old.labels, &old.kind) != (&n.label, &n.labels, &n.kind)
                } else {
                    old != n
                };
                if differs {
                    nodes_changed.push(NodeChange {
                        id: n.id.clone(),
                        mentions_before: old.mentions,
                        mentions_after: n.mentions,
                        after: (*n).clone(),
                    });
                }
            }
        }
    }
    for (id, n) in &na {
        if !nb.contains_key(id) {
            nodes_removed.push((*n).clone());
        }
    }

    let ea: BTreeMap<EdgeKey, &EdgeJson> = a.edges.iter().map(|e| (EdgeKey::of(e), e)).collect();
    let eb: BTreeMap<EdgeKey, &EdgeJson> = b.edges.iter().map(|e| (EdgeKey::of(e), e)).collect();
    let mut edges_added = Vec::new();
    let mut edges_removed = Vec::new();
    let mut edges_changed = Vec::new();
    for (key, e) in &eb {
        match ea.get(key) {
            None => edges_added.push((*e).clone()),
            Some(old) if !ignore_weights && old != e => edges_changed.push(EdgeChange {
                source: e.source.clone(),
                target: e.target.clone(),
                relation: e.relation,
                weight_before: old.weight,
                weight_after: e.weight,
                confidence_before: old.confidence,
                confidence_after: e.confidence,
                after: (*e).clone(),
            }),
            Some(_) => {}
        }
    }
    for (key, e) in &ea {
        if !eb.contains_key(key) {
            edges_removed.push((*e).clone());
        }
    }
    let relation_changes = flips(&edges_removed, &edges_added);
    GraphDiff {
        schema: DIFF_SCHEMA.to_string(),
        ignore_weights,
        documents_added,
        documents_removed,
        nodes_added,
        nodes_removed,
        nodes_changed,
        edges_added,
        edges_removed,
        edges_changed,
        relation_changes,
    }
}

/// Pairs removed and added stances on the same pair of actors, in key order.
fn flips(removed: &[EdgeJson], added: &[EdgeJson]) -> Vec<RelationChange> {
    let mut by_pair: BTreeMap<(String, String), (Vec<EdgeKey>, Vec<EdgeKey>)> = BTreeMap::new();
    for e in removed {
        let k = EdgeKey::of(e);
        by_pair.entry(k.pair()).or_default().0.push(k);
    }
    for e in added {
        let k = EdgeKey::of(e);
        by_pair.entry(k.pair()).or_default().1.push(k);
    }
    let mut out = Vec::new();
    for (_, (before, after)) in by_pair {
        for (b, a) in before.into_iter().zip(after) {
            // Tell it from the holder of the directed stance, if any.
            let shown = if !a.relation.is_symmetric() || b.relation.is_symmetric() {
                &a
            } else {
                &b
            };
            out.push(RelationChange {
                source: shown.source.clone(),
                target: shown.target.clone(),
                before: b,
                after: a,
            });
        }
    }
    out
}

/// Applies a diff made by [`diff`] to `a`; the result is in canonical order.
/// `apply(a, &diff(a, b, false)) == b` for canonical `b` (as written by
/// `extract` and `merge`). A diff made with `ignore_weights` carries no
/// weights, so common stances keep `a`'s.
pub fn apply(a: &GraphJson, d: &GraphDiff) -> GraphJson {
    let mut documents: BTreeSet<DocumentJson> = a.documents.iter().cloned().collect();
    for doc in &d.documents_removed {
        documents.remove(doc);
    }
    documents.extend(d.documents_added.iter().cloned());

    let mut nodes: BTreeMap<String, NodeJson> =
        a.nodes.iter().map(|n| (n.id.clone(), n.clone())).collect();
    for n in &d.nodes_removed {
        nodes.remove(&n.id);
    }
    for c in &d.nodes_changed {
        nodes.insert(c.id.clone(), c.after.clone());
    }
    for n in &d.nodes_added {
        nodes.insert(n.id.clone(), n.clone());
    }

    let mut edges: BTreeMap<EdgeKey, EdgeJson> = a
        .edges
        .iter()
        .map(|e| (EdgeKey::of(e), e.clone()))
        .collect();
    for e in &d.edges_removed {
        edges.remove(&EdgeKey::of(e));
    }
    for c in &d.edges_changed {
        edges.insert(EdgeKey::of(&c.after), c.after.clone());
    }
    for e in &d.edges_added {
        edges.insert(EdgeKey::of(e), e.clone());
    }
    GraphJson {
        schema: a.schema.clone(),
        documents: documents.into_iter().collect(),
        nodes: nodes.into_values().collect(),
        edges: edges.into_values().collect(),
    }
}
