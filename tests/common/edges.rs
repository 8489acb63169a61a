//! The edges the whole pipeline finds in one sentence, as
//! "source relation target" lines; a symmetric relation is listed both ways
//! (shared by the rule-example and construction-matrix tests).

use stancegraph::extract::Options;
use stancegraph::lexicon::Knowledge;
use stancegraph::{extract_graph, read_document};

pub fn edges_of(kb: &Knowledge, sentence: &str) -> Vec<String> {
    let doc =
        read_document("example", "example", sentence.as_bytes(), None).expect("example decodes");
    let graph = extract_graph(&doc, kb, &Options::default()).to_json();
    graph
        .edges
        .iter()
        .flat_map(|e| {
            let fwd = format!("{} {} {}", e.source, e.relation, e.target);
            let back = format!("{} {} {}", e.target, e.relation, e.source);
            if e.relation.is_symmetric() {
                vec![fwd, back]
            } else {
                vec![fwd]
            }
        })
        .collect()
}
