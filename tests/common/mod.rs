//! Random graphs for property tests: a small universe of documents, each a
//! handful of stances between a few actors; a graph is the merge of a subset
//! of them, built the way `extract` builds a document's graph.
#![allow(dead_code)]

use proptest::prelude::*;
use stancegraph::graph::{
    merge, ActorNode, Assertion, DocumentJson, EvidenceJson, GraphJson, StanceGraph,
};
use stancegraph::Relation;
use std::collections::BTreeMap;

pub const ACTORS: [&str; 5] = ["egypt", "gna", "lna", "turkey", "un"];

/// (source, relation, target, sentence, confidence in tenths, mentions of source)
pub type Stance = (usize, usize, usize, usize, u8, u32);

pub fn stance() -> impl Strategy<Value = Stance> {
    (0..5usize, 0..3usize, 0..5usize, 0..4usize, 1..10u8, 1..4u32)
}

/// Up to six documents, each with up to five stances.
pub fn universe() -> impl Strategy<Value = Vec<Vec<Stance>>> {
    prop::collection::vec(prop::collection::vec(stance(), 0..5), 1..6)
}

/// The graph of document `i` of the universe.
pub fn doc_graph(i: usize, stances: &[Stance]) -> GraphJson {
    let mut g = StanceGraph::new();
    let id = format!("d{i}");
    for &(s, r, t, sentence, conf, mentions) in stances {
        let relation = [
            Relation::Supports,
            Relation::Opposes,
            Relation::NegotiatesWith,
        ][r];
        for (who, n) in [(s, mentions), (t, 1)] {
            g.upsert_node(ActorNode {
                id: ACTORS[who].to_string(),
                label: ACTORS[who].to_uppercase(),
                labels: BTreeMap::from([("en".to_string(), ACTORS[who].to_uppercase())]),
                kind: "state".to_string(),
                mentions: n,
            });
        }
        g.add_assertion(Assertion {
            source: ACTORS[s].to_string(),
            relation,
            target: ACTORS[t].to_string(),
            evidence: EvidenceJson {
                document: id.clone(),
                sentence,
                start: sentence * 100,
                end: sentence * 100 + 50,
                text: format!("sentence {sentence} of {id}"),
                cue: "backs".to_string(),
                cue_start: sentence * 100 + 10,
                cue_end: sentence * 100 + 15,
                event: "endorse".to_string(),
                rule: format!("en/{}/x", relation.name()),
                confidence: f64::from(conf) / 10.0,
            },
        });
    }
    g.retain_nodes(|_, degree| degree > 0);
    let mentions = g.mention_counts();
    g.add_document(DocumentJson {
        id: id.clone(),
        path: format!("{id}.txt"),
        lang: "en".to_string(),
        sha256: format!("sha-{i}"),
        date: Some(format!("2020-06-{:02}", i + 1)),
        url: None,
        mentions,
    });
    g.to_json()
}

/// The merged graph of the documents whose bit is set in `mask`.
pub fn subset(universe: &[Vec<Stance>], mask: u8) -> GraphJson {
    let docs: Vec<GraphJson> = universe
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(i, s)| doc_graph(i, s))
        .collect();
    merge(&docs)
}

/// Runs the binary.
pub fn bin() -> assert_cmd::Command {
    match assert_cmd::Command::cargo_bin("stancegraph") {
        Ok(cmd) => cmd,
        Err(e) => panic!("the stancegraph binary is not built: {e}"),
    }
}

/// The repository's `samples/` directory.
pub fn samples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}
