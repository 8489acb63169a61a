//! The stance graph: actors as nodes, aggregated stances as edges.
//!
//! A petgraph `StableDiGraph` plus an id → index map. Indices are an
//! implementation detail of one graph; across articles and files the actor id
//! is the only identity, which is what makes [`merge`] and `diff` possible.

mod json;

pub use json::{DocumentJson, EdgeJson, EvidenceJson, GraphJson, NodeJson, SCHEMA};

use crate::model::Relation;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An actor as the graph knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorNode {
    /// Canonical id.
    pub id: String,
    /// Display label.
    pub label: String,
    /// Labels per language.
    pub labels: BTreeMap<String, String>,
    /// Actor kind.
    pub kind: String,
    /// Mention count.
    pub mentions: u32,
}

/// One stance statement found in a text: the unit that edges aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Assertion {
    /// Holder of the stance.
    pub source: String,
    /// What it is about.
    pub relation: Relation,
    /// The actor the stance is about.
    pub target: String,
    /// Where it was found.
    pub evidence: EvidenceJson,
}

/// Aggregated stance from one actor to another.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceEdge {
    /// Relation.
    pub relation: Relation,
    /// Statements behind it, in document order.
    pub evidence: Vec<EvidenceJson>,
}

impl StanceEdge {
    /// Number of statements.
    pub fn weight(&self) -> u32 {
        self.evidence.len() as u32
    }

    /// Noisy-or of the statement confidences: independent statements each
    /// make the stance more certain, and no number of them reaches 1.
    pub fn confidence(&self) -> f64 {
        let miss: f64 = self
            .evidence
            .iter()
            .map(|e| 1.0 - e.confidence.clamp(0.0, 1.0))
            .product();
        round3(1.0 - miss)
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The graph of one or many articles.
#[derive(Debug, Clone, Default)]
pub struct StanceGraph {
    graph: StableDiGraph<ActorNode, StanceEdge>,
    index: HashMap<String, NodeIndex>,
    documents: BTreeMap<String, DocumentJson>,
    /// Evidence already on an edge, keyed by (source id, target id, relation,
    /// evidence as JSON): `Vec::contains` made adding n statements O(n²),
    /// minutes for an article of 50k sentences.
    seen: HashSet<(String, String, Relation, String)>,
}

/// The dedup key of one statement on one edge; JSON covers every field.
fn evidence_key(
    source: &str,
    target: &str,
    relation: Relation,
    ev: &EvidenceJson,
) -> (String, String, Relation, String) {
    (
        source.to_string(),
        target.to_string(),
        relation,
        serde_json::to_string(ev).unwrap_or_default(),
    )
}

impl StanceGraph {
    /// An empty graph.
    pub fn new() -> StanceGraph {
        StanceGraph::default()
    }

    /// Records a source document; the same sha256 is kept once.
    pub fn add_document(&mut self, doc: DocumentJson) {
        self.documents.entry(doc.sha256.clone()).or_insert(doc);
    }

    /// Whether a document with this hash is already part of the graph.
    pub fn has_document(&self, sha256: &str) -> bool {
        self.documents.contains_key(sha256)
    }

    /// Adds an actor, or adds its mentions to the existing node with that id.
    pub fn upsert_node(&mut self, node: ActorNode) -> NodeIndex {
        if let Some(&ix) = self.index.get(&node.id) {
            let existing = &mut self.graph[ix];
            existing.mentions += node.mentions;
            for (lang, label) in node.labels {
                existing.labels.entry(lang).or_insert(label);
            }
            return ix;
        }
        let id = node.id.clone();
        let ix = self.graph.add_node(node);
        self.index.insert(id, ix);
        ix
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&ActorNode> {
        self.index.get(id).map(|&ix| &self.graph[ix])
    }

    /// Adds one statement: merges into the edge for (source, relation, target).
    /// Both endpoints must have been added as nodes; otherwise nothing happens
    /// and `false` is returned.
    pub fn add_assertion(&mut self, assertion: Assertion) -> bool {
        let (mut source, mut target) = (assertion.source, assertion.target);
        if source == target {
            return false;
        }
        if assertion.relation.is_symmetric() && source > target {
            std::mem::swap(&mut source, &mut target);
        }
        let (Some(&s), Some(&t)) = (self.index.get(&source), self.index.get(&target)) else {
            return false;
        };
        self.add_evidence(s, t, assertion.relation, vec![assertion.evidence]);
        true
    }

    fn add_evidence(
        &mut self,
        s: NodeIndex,
        t: NodeIndex,
        relation: Relation,
        evidence: Vec<EvidenceJson>,
    ) {
        let existing = self
            .graph
            .edges_connecting(s, t)
            .find(|e| e.weight().relation == relation)
            .map(|e| e.id());
        let (sid, tid) = (self.graph[s].id.clone(), self.graph[t].id.clone());
        let mut fresh = Vec::with_capacity(evidence.len());
        for ev in evidence {
            if self.seen.insert(evidence_key(&sid, &tid, relation, &ev)) {
                fresh.push(ev);
            }
        }
        match existing {
            Some(eix) => self.graph[eix].evidence.extend(fresh),
            None => {
                self.graph.add_edge(
                    s,
                    t,
                    StanceEdge {
                        relation,
                        evidence: fresh,
                    },
                );
            }
        }
    }

    /// Number of actors.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of (source, relation, target) edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Removes nodes that take part in no edge and were not asked to stay.
    pub fn retain_nodes(&mut self, mut keep: impl FnMut(&ActorNode, usize) -> bool) {
        let doomed: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&ix| {
                let degree = self
                    .graph
                    .edges_directed(ix, petgraph::Direction::Outgoing)
                    .count()
                    + self
                        .graph
                        .edges_directed(ix, petgraph::Direction::Incoming)
                        .count();
                !keep(&self.graph[ix], degree)
            })
            .collect();
        for ix in doomed {
            if let Some(node) = self.graph.remove_node(ix) {
                self.index.remove(&node.id);
            }
        }
        // Their edges went with them: forget their evidence too.
        let index = &self.index;
        self.seen
            .retain(|(s, t, _, _)| index.contains_key(s) && index.contains_key(t));
    }

    /// Folds another graph into this one. Documents already present (by
    /// sha256) are skipped whole, so merging the same article twice counts once.
    pub fn merge(&mut self, other: &GraphJson) {
        let new_docs: std::collections::HashSet<&str> = other
            .documents
            .iter()
            .filter(|d| !self.has_document(&d.sha256))
            .map(|d| d.id.as_str())
            .collect();
        let fresh = |doc: &str| new_docs.contains(doc);
        for d in &other.documents {
            self.add_document(d.clone());
        }
        for n in &other.nodes {
            // Mentions belong to documents: count only those of new documents,
            // approximated by counting the node when any new document exists.
            let mentions = if new_docs.is_empty() { 0 } else { n.mentions };
            self.upsert_node(ActorNode {
                id: n.id.clone(),
                label: n.label.clone(),
                labels: n.labels.clone(),
                kind: n.kind.clone(),
                mentions,
            });
        }
        for e in &other.edges {
            let evidence: Vec<EvidenceJson> = e
                .evidence
                .iter()
                .filter(|ev| fresh(&ev.document))
                .cloned()
                .collect();
            if evidence.is_empty() {
                continue;
            }
            let (Some(&s), Some(&t)) = (self.index.get(&e.source), self.index.get(&e.target))
            else {
                continue;
            };
            self.add_evidence(s, t, e.relation, evidence);
        }
    }

    /// The canonical JSON form: nodes by id, edges by (source, target,
    /// relation), evidence by (document, offset), documents by id.
    pub fn to_json(&self) -> GraphJson {
        let mut nodes: Vec<NodeJson> = self
            .graph
            .node_weights()
            .map(|n| NodeJson {
                id: n.id.clone(),
                label: n.label.clone(),
                labels: n.labels.clone(),
                kind: n.kind.clone(),
                mentions: n.mentions,
            })
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut edges: Vec<EdgeJson> = (&self.graph)
            .edge_references()
            .map(|e| {
                let edge = e.weight();
                let mut evidence = edge.evidence.clone();
                evidence.sort_by(|a, b| {
                    (&a.document, a.start, a.cue_start, &a.rule).cmp(&(
                        &b.document,
                        b.start,
                        b.cue_start,
                        &b.rule,
                    ))
                });
                EdgeJson {
                    source: self.graph[e.source()].id.clone(),
                    target: self.graph[e.target()].id.clone(),
                    relation: edge.relation,
                    weight: edge.weight(),
                    confidence: edge.confidence(),
                    evidence,
                }
            })
            .collect();
        edges.sort_by(|a, b| {
            (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
        });
        let mut documents: Vec<DocumentJson> = self.documents.values().cloned().collect();
        documents.sort();
        GraphJson {
            schema: SCHEMA.to_string(),
            documents,
            nodes,
            edges,
        }
    }

    /// Builds a graph from its JSON form (already validated).
    pub fn from_json(json: &GraphJson) -> StanceGraph {
        let mut graph = StanceGraph::new();
        graph.merge(json);
        graph
    }
}

/// Merges graphs in any order into one; associative and commutative because
/// the result is canonicalised by [`StanceGraph::to_json`].
pub fn merge(graphs: &[GraphJson]) -> GraphJson {
    let mut all = StanceGraph::new();
    for g in graphs {
        all.merge(g);
    }
    all.to_json()
}
