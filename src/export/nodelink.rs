//! NetworkX node-link JSON, as `networkx.node_link_graph(data, edges="edges")`
//! reads it from NetworkX 3.4 on (the default from 3.6), and as D3 force
//! layouts read it (`nodes` + `source`/`target` by id).
//!
//! A multigraph, because two actors can both oppose and negotiate with each
//! other: the relation is the edge `key`, which is unique per pair since the
//! graph has one edge per (source, target, relation).

use super::{first_evidence, json_bytes, label_in, Labels};
use crate::error::Result;
use crate::graph::GraphJson;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: BTreeMap<String, String>,
    nodes: Vec<Node<'a>>,
    edges: Vec<Edge<'a>>,
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    label: String,
    label_ar: &'a str,
    label_en: &'a str,
    kind: &'a str,
    mentions: u32,
}

#[derive(Serialize)]
struct Edge<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    relation: &'a str,
    weight: u32,
    confidence: f64,
    evidence_text: &'a str,
}

pub(crate) fn to_node_link(g: &GraphJson, labels: Labels) -> Result<Vec<u8>> {
    let data = NodeLink {
        directed: true,
        multigraph: true,
        graph: BTreeMap::new(),
        nodes: g
            .nodes
            .iter()
            .map(|n| Node {
                id: &n.id,
                label: labels.text(n),
                label_ar: label_in(n, "ar"),
                label_en: label_in(n, "en"),
                kind: &n.kind,
                mentions: n.mentions,
            })
            .collect(),
        edges: g
            .edges
            .iter()
            .map(|e| Edge {
                source: &e.source,
                target: &e.target,
                key: e.relation.name(),
                relation: e.relation.name(),
                weight: e.weight,
                confidence: e.confidence,
                evidence_text: first_evidence(e),
            })
            .collect(),
    };
    json_bytes(&data, "node-link")
}
