//! CSV tables for spreadsheets and pandas, quoted as RFC 4180 says: CRLF line
//! ends, a field in double quotes when it holds a comma, quote, CR or LF, and
//! a quote inside doubled. No byte-order mark: RFC 4180 has none and most
//! readers would take it into the first header.

use super::{first_evidence, label_in, Labels};
use crate::graph::GraphJson;

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, values: &[&str]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, v);
    }
    out.push_str("\r\n");
}

/// `id,label,label_ar,label_en,kind,mentions`
pub(crate) fn nodes_csv(g: &GraphJson, labels: Labels) -> Vec<u8> {
    let mut out = String::new();
    row(
        &mut out,
        &["id", "label", "label_ar", "label_en", "kind", "mentions"],
    );
    for n in &g.nodes {
        row(
            &mut out,
            &[
                &n.id,
                &labels.text(n),
                label_in(n, "ar"),
                label_in(n, "en"),
                &n.kind,
                &n.mentions.to_string(),
            ],
        );
    }
    out.into_bytes()
}

/// `source,target,relation,weight,confidence,first_evidence`
pub(crate) fn edges_csv(g: &GraphJson) -> Vec<u8> {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "source",
            "target",
            "relation",
            "weight",
            "confidence",
            "first_evidence",
        ],
    );
    for e in &g.edges {
        row(
            &mut out,
            &[
                &e.source,
                &e.target,
                e.relation.name(),
                &e.weight.to_string(),
                &e.confidence.to_string(),
                first_evidence(e),
            ],
        );
    }
    out.into_bytes()
}
