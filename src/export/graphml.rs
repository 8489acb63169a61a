//! GraphML, for NetworkX `read_graphml`, python-igraph `Graph.Read_GraphML`
//! and yEd.
//!
//! Every attribute has a typed `<key>`, so readers get numbers as numbers.
//! Key ids carry an `n_`/`e_` prefix because GraphML wants them unique across
//! nodes and edges while the names (`label`) may repeat. Edges are all
//! directed, `negotiates-with` included: NetworkX rejects a graph that mixes
//! directions, and the relation name already says it is mutual.

use super::xml::{tag, Doc};
use super::{first_evidence, label_in, Labels};
use crate::error::Result;
use crate::graph::GraphJson;

const NODE_KEYS: [(&str, &str); 5] = [
    ("label", "string"),
    ("label_ar", "string"),
    ("label_en", "string"),
    ("kind", "string"),
    ("mentions", "long"),
];

const EDGE_KEYS: [(&str, &str); 4] = [
    ("relation", "string"),
    ("weight", "long"),
    ("confidence", "double"),
    ("evidence", "string"),
];

pub(crate) fn to_graphml(g: &GraphJson, labels: Labels) -> Result<Vec<u8>> {
    let mut doc = Doc::new("graphml")?;
    doc.open(tag(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    ))?;
    for (class, prefix, keys) in [
        ("node", "n_", &NODE_KEYS[..]),
        ("edge", "e_", &EDGE_KEYS[..]),
    ] {
        for (name, ty) in keys {
            let id = format!("{prefix}{name}");
            doc.empty(tag(
                "key",
                &[
                    ("id", &id),
                    ("for", class),
                    ("attr.name", name),
                    ("attr.type", ty),
                ],
            ))?;
        }
    }
    doc.open(tag(
        "graph",
        &[("id", "stancegraph"), ("edgedefault", "directed")],
    ))?;
    for n in &g.nodes {
        doc.open(tag("node", &[("id", &n.id)]))?;
        let mentions = n.mentions.to_string();
        let label = labels.text(n);
        let values = [
            ("n_label", label.as_str()),
            ("n_label_ar", label_in(n, "ar")),
            ("n_label_en", label_in(n, "en")),
            ("n_kind", n.kind.as_str()),
            ("n_mentions", mentions.as_str()),
        ];
        for (key, value) in values {
            doc.text_element(tag("data", &[("key", key)]), value)?;
        }
        doc.close("node")?;
    }
    for (i, e) in g.edges.iter().enumerate() {
        let id = format!("e{i}");
        doc.open(tag(
            "edge",
            &[("id", &id), ("source", &e.source), ("target", &e.target)],
        ))?;
        let weight = e.weight.to_string();
        let confidence = e.confidence.to_string();
        let values = [
            ("e_relation", e.relation.name()),
            ("e_weight", weight.as_str()),
            ("e_confidence", confidence.as_str()),
            ("e_evidence", first_evidence(e)),
        ];
        for (key, value) in values {
            doc.text_element(tag("data", &[("key", key)]), value)?;
        }
        doc.close("edge")?;
    }
    doc.close("graph")?;
    doc.close("graphml")?;
    Ok(doc.finish())
}
