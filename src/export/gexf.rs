//! GEXF 1.3, for Gephi (and NetworkX `read_gexf`).
//!
//! Gephi merges parallel edges between the same two nodes unless they differ
//! in `kind`, so the relation is the edge `kind`: "egypt opposes turkey" and
//! "egypt negotiates-with turkey" stay two edges. The edge weight is GEXF's
//! own `weight` attribute (Gephi reserves a column of that name, so declaring
//! it again would clash); the relation, confidence and first evidence sentence
//! are declared edge attributes, kind, mentions and both labels declared node
//! attributes, so they survive into tools that ignore `kind`.

use super::xml::{tag, Doc};
use super::{first_evidence, label_in, Labels};
use crate::error::Result;
use crate::graph::GraphJson;

/// The GEXF 1.3 namespace.
const NS: &str = "http://gexf.net/1.3";

const NODE_ATTRS: [(&str, &str); 4] = [
    ("kind", "string"),
    ("mentions", "integer"),
    ("label_ar", "string"),
    ("label_en", "string"),
];

const EDGE_ATTRS: [(&str, &str); 3] = [
    ("relation", "string"),
    ("confidence", "double"),
    ("evidence", "string"),
];

pub(crate) fn to_gexf(g: &GraphJson, labels: Labels) -> Result<Vec<u8>> {
    let mut doc = Doc::new("gexf")?;
    doc.open(tag(
        "gexf",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    ))?;
    doc.open(tag("meta", &[]))?;
    doc.text_element(tag("creator", &[]), "stancegraph")?;
    doc.text_element(
        tag("description", &[]),
        "stance graph: supports / opposes / negotiates-with",
    )?;
    doc.close("meta")?;
    doc.open(tag(
        "graph",
        &[("defaultedgetype", "directed"), ("mode", "static")],
    ))?;
    for (class, attrs) in [("node", &NODE_ATTRS[..]), ("edge", &EDGE_ATTRS[..])] {
        doc.open(tag("attributes", &[("class", class)]))?;
        for (id, ty) in attrs {
            doc.empty(tag("attribute", &[("id", id), ("title", id), ("type", ty)]))?;
        }
        doc.close("attributes")?;
    }
    doc.open(tag("nodes", &[]))?;
    for n in &g.nodes {
        doc.open(tag("node", &[("id", &n.id), ("label", &labels.text(n))]))?;
        doc.open(tag("attvalues", &[]))?;
        let mentions = n.mentions.to_string();
        let values = [
            ("kind", n.kind.as_str()),
            ("mentions", mentions.as_str()),
            ("label_ar", label_in(n, "ar")),
            ("label_en", label_in(n, "en")),
        ];
        for (key, value) in values {
            doc.empty(tag("attvalue", &[("for", key), ("value", value)]))?;
        }
        doc.close("attvalues")?;
        doc.close("node")?;
    }
    doc.close("nodes")?;
    doc.open(tag("edges", &[]))?;
    for (i, e) in g.edges.iter().enumerate() {
        let id = i.to_string();
        let weight = e.weight.to_string();
        doc.open(tag(
            "edge",
            &[
                ("id", &id),
                ("source", &e.source),
                ("target", &e.target),
                ("kind", e.relation.name()),
                ("label", e.relation.name()),
                ("weight", &weight),
            ],
        ))?;
        doc.open(tag("attvalues", &[]))?;
        let confidence = e.confidence.to_string();
        let values = [
            ("relation", e.relation.name()),
            ("confidence", confidence.as_str()),
            ("evidence", first_evidence(e)),
        ];
        for (key, value) in values {
            doc.empty(tag("attvalue", &[("for", key), ("value", value)]))?;
        }
        doc.close("attvalues")?;
        doc.close("edge")?;
    }
    doc.close("edges")?;
    doc.close("graph")?;
    doc.close("gexf")?;
    Ok(doc.finish())
}
