//! Views: the filters that make a big graph readable, shared by every format
//! so a picture and the table behind it always show the same graph.

use crate::error::{Error, Result};
use crate::graph::{EdgeJson, GraphJson, NodeJson};
use crate::model::Relation;
use std::collections::{BTreeSet, HashSet};

/// Which part of a graph to export.
///
/// The default shows everything, unchanged. A view that removes any node or
/// edge also drops the nodes left without edges (the focus node stays even
/// then), because a view is for reading stances and a bare node is noise
/// there; a filter that removes nothing changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Keep edges with at least this weight (statements behind them).
    pub min_weight: u32,
    /// Keep only these relations; `None` keeps all.
    pub relations: Option<Vec<Relation>>,
    /// Keep only the neighbourhood of this actor id.
    pub focus: Option<String>,
    /// How many hops around `focus` to keep (edges in either direction).
    pub depth: usize,
    /// Drop actors of these kinds (`media`, `forum`, …) and their edges.
    pub drop_kinds: Vec<String>,
}

impl Default for View {
    fn default() -> View {
        View {
            min_weight: 0,
            relations: None,
            focus: None,
            depth: 1,
            drop_kinds: Vec::new(),
        }
    }
}

impl View {
    /// Checks the view against a graph: the focus must be one of its actors.
    pub fn check(&self, g: &GraphJson) -> Result<()> {
        if let Some(focus) = &self.focus {
            if !g.nodes.iter().any(|n| &n.id == focus) {
                let mut ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
                ids.truncate(12);
                return Err(Error::Input {
                    path: focus.clone(),
                    what: format!(
                        "no actor with this id to focus on; expected one of: {}",
                        ids.join(", ")
                    ),
                });
            }
        }
        Ok(())
    }

    /// The filtered graph. Node order and edge order are kept; edges whose
    /// endpoints are not nodes and repeated node ids are dropped whatever the
    /// view, so no format ever sees a dangling edge. An unknown focus gives a
    /// graph without nodes (see [`View::check`]).
    pub fn apply(&self, g: &GraphJson) -> GraphJson {
        let mut seen = HashSet::new();
        let nodes: Vec<&NodeJson> = g
            .nodes
            .iter()
            .filter(|n| seen.insert(n.id.as_str()))
            .filter(|n| !self.drop_kinds.iter().any(|k| k == &n.kind))
            .collect();
        let alive: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        let mut edges: Vec<&EdgeJson> = g
            .edges
            .iter()
            .filter(|e| alive.contains(e.source.as_str()) && alive.contains(e.target.as_str()))
            .collect();
        let before = (nodes.len() == seen.len(), edges.len());
        edges = edges
            .into_iter()
            .filter(|e| e.weight >= self.min_weight)
            .filter(|e| {
                self.relations
                    .as_ref()
                    .is_none_or(|rs| rs.contains(&e.relation))
            })
            .collect();
        let mut keep: Option<BTreeSet<&str>> = None;
        if let Some(focus) = &self.focus {
            let mut reached: BTreeSet<&str> = BTreeSet::new();
            if alive.contains(focus.as_str()) {
                reached.insert(focus.as_str());
                let mut frontier = vec![focus.as_str()];
                for _ in 0..self.depth {
                    let mut next = Vec::new();
                    for e in &edges {
                        for (a, b) in [(&e.source, &e.target), (&e.target, &e.source)] {
                            if frontier.contains(&a.as_str()) && reached.insert(b.as_str()) {
                                next.push(b.as_str());
                            }
                        }
                    }
                    if next.is_empty() {
                        break;
                    }
                    frontier = next;
                }
            }
            edges.retain(|e| {
                reached.contains(e.source.as_str()) && reached.contains(e.target.as_str())
            });
            keep = Some(reached);
        }
        // Only a view that removed something drops the nodes it left bare.
        let filtering = self.focus.is_some() || before != (true, edges.len());
        let touched: HashSet<&str> = edges
            .iter()
            .flat_map(|e| [e.source.as_str(), e.target.as_str()])
            .collect();
        let nodes = nodes
            .into_iter()
            .filter(|n| keep.as_ref().is_none_or(|k| k.contains(n.id.as_str())))
            .filter(|n| {
                !filtering
                    || touched.contains(n.id.as_str())
                    || self.focus.as_deref() == Some(n.id.as_str())
            })
            .cloned()
            .collect();
        GraphJson {
            schema: g.schema.clone(),
            documents: g.documents.clone(),
            nodes,
            edges: edges.into_iter().cloned().collect(),
        }
    }
}
