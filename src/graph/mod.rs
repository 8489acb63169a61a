//! The stance graph: actors as nodes, aggregated stances as edges.
//!
//! A petgraph `StableDiGraph` plus an id → index map. Indices are an
//! implementation detail of one graph; across articles and files the actor id
//! is the only identity, which is what makes [`merge`] and `diff` possible.

mod json;

pub use json::{DocumentJson, EdgeJson, EvidenceJson, GraphJson, NodeJson, SCHEMA};

use crate::fasthash::{FastMap, FastSet};
use crate::model::Relation;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

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
    index: FastMap<String, NodeIndex>,
    documents: BTreeMap<String, DocumentJson>,
    /// (source, target, relation) → edge: finding an edge by scanning the
    /// source's edges made merging a corpus slow.
    edges: FastMap<(NodeIndex, NodeIndex, Relation), EdgeIndex>,
    /// Fingerprints of the evidence on each edge: a statement whose
    /// fingerprint is new cannot be a duplicate, so only the rare repeat
    /// pays for the linear comparison.
    seen: FastSet<(EdgeIndex, u64)>,
}

/// A hash of everything `EvidenceJson::eq` compares (0.0 and -0.0 hash
/// alike because they compare equal).
fn fingerprint(ev: &EvidenceJson) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    ev.document.hash(&mut h);
    ev.sentence.hash(&mut h);
    ev.start.hash(&mut h);
    ev.end.hash(&mut h);
    ev.text.hash(&mut h);
    ev.cue.hash(&mut h);
    ev.cue_start.hash(&mut h);
    ev.cue_end.hash(&mut h);
    ev.event.hash(&mut h);
    ev.rule.hash(&mut h);
    let confidence = if ev.confidence == 0.0 {
        0
    } else {
        ev.confidence.to_bits()
    };
    confidence.hash(&mut h);
    h.finish()
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
            // Conflicting labels or kinds (packs of two versions) resolve to
            // the smaller value, not the first seen, so merge order is moot.
            let existing = &mut self.graph[ix];
            existing.mentions += node.mentions;
            if node.label < existing.label {
                existing.label = node.label;
            }
            if node.kind < existing.kind {
                existing.kind = node.kind;
            }
            for (lang, label) in node.labels {
                let slot = existing.labels.entry(lang).or_insert_with(|| label.clone());
                if label < *slot {
                    *slot = label;
                }
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
        self.add_evidence(s, t, assertion.relation, vec![assertion.evidence], true);
        true
    }

    /// `dedup` drops statements already on the edge: needed within one
    /// document (two rules may report the same statement), but quadratic, so
    /// merging, whose documents are new by construction, skips it.
    fn add_evidence(
        &mut self,
        s: NodeIndex,
        t: NodeIndex,
        relation: Relation,
        evidence: Vec<EvidenceJson>,
        dedup: bool,
    ) {
        match self.edges.get(&(s, t, relation)) {
            Some(&eix) => {
                let edge = &mut self.graph[eix];
                for ev in evidence {
                    if !dedup || !edge.evidence.contains(&ev) {
                        edge.evidence.push(ev);
                    }
                }
            }
            None => {
                let eix = self.graph.add_edge(s, t, StanceEdge { relation, evidence });
                self.edges.insert((s, t, relation), eix);
                for ev in &self.graph[eix].evidence {
                    self.seen.insert((eix, fingerprint(ev)));
                }
            }
        }
    }

    /// Forgets the lookups of removed edges. Called right after removals,
    /// before any new edge can reuse a vacant index.
    fn forget_removed_edges(&mut self) {
        let graph = &self.graph;
        self.edges.retain(|_, e| graph.edge_weight(*e).is_some());
        self.seen.retain(|(e, _)| graph.edge_weight(*e).is_some());
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
        let removed = !doomed.is_empty();
        for ix in doomed {
            if let Some(node) = self.graph.remove_node(ix) {
                self.index.remove(&node.id);
            }
        }
        if removed {
            self.forget_removed_edges();
        }
    }

    /// Mentions per actor id, over the whole graph.
    pub fn mention_counts(&self) -> BTreeMap<String, u32> {
        self.graph
            .node_weights()
            .map(|n| (n.id.clone(), n.mentions))
            .collect()
    }

    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Folds another graph into this one. Documents already present (by
    /// sha256) are skipped whole, so merging the same article twice counts
    /// once, and a graph that shares only some documents with this one adds
    /// only the others: their evidence, and their mentions as recorded per
    /// document (`DocumentJson::mentions`). For documents without that
    /// record (graphs written before it existed), the node's mentions not
    /// accounted for by other documents are added when any such document is
    /// new. See `docs/MERGE.md`.
    pub fn merge(&mut self, other: &GraphJson) {
        self.merge_owned(other.clone());
    }

    /// [`StanceGraph::merge`] taking the graph by value: its statements are
    /// moved, not copied, which is most of the cost of merging a corpus.
    pub fn merge_owned(&mut self, other: GraphJson) {
        let mut fresh = vec![false; other.documents.len()];
        {
            let mut seen = FastSet::default();
            for (d, is_fresh) in other.documents.iter().zip(&mut fresh) {
                *is_fresh = !self.has_document(&d.sha256) && seen.insert(d.sha256.as_str());
            }
        }
        let fresh_docs = || {
            other
                .documents
                .iter()
                .zip(&fresh)
                .filter(|(_, f)| **f)
                .map(|(d, _)| d)
        };
        let fresh_ids: FastSet<String> = fresh_docs().map(|d| d.id.clone()).collect();
        let unrecorded_fresh = fresh_docs().any(|d| d.mentions.is_empty());
        // Sums of the per-document records, once per merge rather than per node.
        let fresh_recorded = owned_sums(recorded_mentions(fresh_docs()));
        let all_recorded = if unrecorded_fresh {
            owned_sums(recorded_mentions(other.documents.iter()))
        } else {
            FastMap::default()
        };
        let GraphJson {
            documents,
            nodes,
            edges,
            ..
        } = other;
        for (d, is_fresh) in documents.into_iter().zip(fresh) {
            if is_fresh {
                self.add_document(d);
            }
        }
        for n in nodes {
            let mut mentions = fresh_recorded.get(&n.id).copied().unwrap_or(0);
            if unrecorded_fresh {
                let known = all_recorded.get(&n.id).copied().unwrap_or(0);
                mentions += n.mentions.saturating_sub(known);
            }
            self.upsert_node(ActorNode {
                id: n.id,
                label: n.label,
                labels: n.labels,
                kind: n.kind,
                mentions,
            });
        }
        for mut e in edges {
            e.evidence
                .retain(|ev| fresh_ids.contains(ev.document.as_str()));
            if e.evidence.is_empty() {
                continue;
            }
            let (Some(&s), Some(&t)) = (self.index.get(&e.source), self.index.get(&e.target))
            else {
                continue;
            };
            self.add_evidence(s, t, e.relation, e.evidence, false);
        }
    }

    /// The canonical JSON form: nodes by id, edges by (source, target,
    /// relation), evidence by (document, offset), documents by id.
    pub fn to_json(&self) -> GraphJson {
        self.json_with(|edge| edge.evidence.clone())
    }

    /// [`StanceGraph::to_json`] without copying the evidence: for the
    /// merged graph of a corpus, whose evidence is most of its memory.
    pub fn into_json(mut self) -> GraphJson {
        let ids: Vec<_> = self.graph.edge_indices().collect();
        let mut taken: FastMap<_, Vec<EvidenceJson>> = ids
            .into_iter()
            .map(|e| (e, std::mem::take(&mut self.graph[e].evidence)))
            .collect();
        self.json_with_index(|e, _| taken.remove(&e).unwrap_or_default())
    }

    fn json_with(
        &self,
        mut evidence_of: impl FnMut(&StanceEdge) -> Vec<EvidenceJson>,
    ) -> GraphJson {
        self.json_with_index(|_, edge| evidence_of(edge))
    }

    fn json_with_index(
        &self,
        mut evidence_of: impl FnMut(petgraph::stable_graph::EdgeIndex, &StanceEdge) -> Vec<EvidenceJson>,
    ) -> GraphJson {
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
                let mut evidence = evidence_of(e.id(), edge);
                evidence.sort_by(evidence_order);
                // Confidence from the sorted statements: a float product
                // depends on its order, and merge order must not show.
                let sorted = StanceEdge {
                    relation: edge.relation,
                    evidence,
                };
                EdgeJson {
                    source: self.graph[e.source()].id.clone(),
                    target: self.graph[e.target()].id.clone(),
                    relation: edge.relation,
                    weight: sorted.weight(),
                    confidence: sorted.confidence(),
                    evidence: sorted.evidence,
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

fn owned_sums(sums: FastMap<&str, u32>) -> FastMap<String, u32> {
    sums.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// Mentions per actor id summed over the documents' own records.
fn recorded_mentions<'a>(docs: impl Iterator<Item = &'a DocumentJson>) -> FastMap<&'a str, u32> {
    let mut sums: FastMap<&str, u32> = FastMap::default();
    for d in docs {
        for (id, n) in &d.mentions {
            *sums.entry(id.as_str()).or_default() += n;
        }
    }
    sums
}

/// The canonical order of statements: (document, offset), then every other
/// field, so that it is total and merge order cannot show.
fn evidence_order(a: &EvidenceJson, b: &EvidenceJson) -> std::cmp::Ordering {
    (&a.document, a.start, a.cue_start, &a.rule, a.end, a.cue_end)
        .cmp(&(&b.document, b.start, b.cue_start, &b.rule, b.end, b.cue_end))
        .then_with(|| a.sentence.cmp(&b.sentence))
        .then_with(|| (&a.event, &a.cue, &a.text).cmp(&(&b.event, &b.cue, &b.text)))
        .then_with(|| a.confidence.total_cmp(&b.confidence))
}

/// Merges graphs in any order into one; associative and commutative because
/// the result is canonicalised by [`StanceGraph::to_json`].
pub fn merge(graphs: &[GraphJson]) -> GraphJson {
    let mut all = StanceGraph::new();
    for g in graphs {
        all.merge(g);
    }
    all.into_json()
}
