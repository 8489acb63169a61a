//! JSON Graph Format v2: `nodes` is an object keyed by id, anything beyond
//! `label` and `relation` goes under `metadata`. Node keys come out sorted by
//! id (a `BTreeMap`), which is also our canonical node order.

use super::{first_evidence, json_bytes, label_in, Labels};
use crate::error::Result;
use crate::graph::GraphJson;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Jgf<'a> {
    graph: Graph<'a>,
}

#[derive(Serialize)]
struct Graph<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    directed: bool,
    metadata: GraphMeta<'a>,
    nodes: BTreeMap<&'a str, Node<'a>>,
    edges: Vec<Edge<'a>>,
}

#[derive(Serialize)]
struct GraphMeta<'a> {
    schema: &'a str,
    documents: Vec<&'a str>,
}

#[derive(Serialize)]
struct Node<'a> {
    label: String,
    metadata: NodeMeta<'a>,
}

#[derive(Serialize)]
struct NodeMeta<'a> {
    label_ar: &'a str,
    label_en: &'a str,
    kind: &'a str,
    mentions: u32,
}

#[derive(Serialize)]
struct Edge<'a> {
    source: &'a str,
    target: &'a str,
    relation: &'a str,
    directed: bool,
    label: &'a str,
    metadata: EdgeMeta<'a>,
}

#[derive(Serialize)]
struct EdgeMeta<'a> {
    weight: u32,
    confidence: f64,
    evidence_text: &'a str,
}

pub(crate) fn to_jgf(g: &GraphJson, labels: Labels) -> Result<Vec<u8>> {
    let mut nodes = BTreeMap::new();
    for n in &g.nodes {
        nodes.entry(n.id.as_str()).or_insert_with(|| Node {
            label: labels.text(n),
            metadata: NodeMeta {
                label_ar: label_in(n, "ar"),
                label_en: label_in(n, "en"),
                kind: &n.kind,
                mentions: n.mentions,
            },
        });
    }
    let edges = g
        .edges
        .iter()
        .map(|e| Edge {
            source: &e.source,
            target: &e.target,
            relation: e.relation.name(),
            directed: !e.relation.is_symmetric(),
            label: e.relation.name(),
            metadata: EdgeMeta {
                weight: e.weight,
                confidence: e.confidence,
                evidence_text: first_evidence(e),
            },
        })
        .collect();
    let jgf = Jgf {
        graph: Graph {
            id: "stancegraph",
            kind: "stancegraph",
            directed: true,
            metadata: GraphMeta {
                schema: &g.schema,
                documents: g.documents.iter().map(|d| d.id.as_str()).collect(),
            },
            nodes,
            edges,
        },
    };
    json_bytes(&jgf, "jgf")
}
