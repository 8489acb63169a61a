//! Cytoscape.js `elements` JSON (`cytoscape({ elements: data.elements })`).
//!
//! Cytoscape wants one id space for nodes and edges together, so edge ids are
//! `source->target:relation` (which no actor slug looks like) and are made
//! unique with `#n` should a node id ever collide. The relation is the edge's
//! class and the kind the node's, so a stylesheet can colour by
//! `edge.opposes` or `node.state`.

use super::{first_evidence, json_bytes, label_in, Labels};
use crate::error::Result;
use crate::graph::GraphJson;
use serde::Serialize;
use std::collections::HashSet;

#[derive(Serialize)]
struct Cytoscape<'a> {
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
    classes: String,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: String,
    label_ar: &'a str,
    label_en: &'a str,
    kind: &'a str,
    mentions: u32,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    relation: &'a str,
    weight: u32,
    confidence: f64,
    evidence_text: &'a str,
}

/// A CSS-class-safe token: Cytoscape splits `classes` on whitespace.
fn class(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join("-")
}

pub(crate) fn to_cytoscape(g: &GraphJson, labels: Labels) -> Result<Vec<u8>> {
    let mut ids: HashSet<String> = g.nodes.iter().map(|n| n.id.clone()).collect();
    let nodes = g
        .nodes
        .iter()
        .map(|n| Element {
            data: NodeData {
                id: &n.id,
                label: labels.text(n),
                label_ar: label_in(n, "ar"),
                label_en: label_in(n, "en"),
                kind: &n.kind,
                mentions: n.mentions,
            },
            classes: class(&n.kind),
        })
        .collect();
    let edges = g
        .edges
        .iter()
        .map(|e| {
            let base = format!("{}->{}:{}", e.source, e.target, e.relation);
            let mut id = base.clone();
            let mut n = 1;
            while !ids.insert(id.clone()) {
                n += 1;
                id = format!("{base}#{n}");
            }
            Element {
                data: EdgeData {
                    id,
                    source: &e.source,
                    target: &e.target,
                    relation: e.relation.name(),
                    weight: e.weight,
                    confidence: e.confidence,
                    evidence_text: first_evidence(e),
                },
                classes: e.relation.name().to_string(),
            }
        })
        .collect();
    json_bytes(
        &Cytoscape {
            elements: Elements { nodes, edges },
        },
        "cytoscape",
    )
}
