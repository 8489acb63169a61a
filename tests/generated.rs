//! Whole-pipeline invariants over the benchmark corpus generator's articles:
//! thousands of sentence combinations nobody wrote by hand. A panic here is a
//! bug a real article can hit (one was found this way: two patterns finding
//! the same words sliced the text backwards).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::{GenLang, Generator};
use stancegraph::extract::Options;
use stancegraph::lexicon::Knowledge;
use std::collections::BTreeSet;

fn check_articles(lang: GenLang, seed: u64, n: usize) {
    let kb = Knowledge::embedded().unwrap();
    let opts = Options::default();
    for article in Generator::new(lang, seed).take(n) {
        let doc = stancegraph::read_document(&article.id, "gen.txt", article.text.as_bytes(), None)
            .unwrap();
        let text = &doc.text;
        let g = stancegraph::extract_graph(&doc, &kb, &opts).to_json();
        let nodes: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        for e in &g.edges {
            let id = &article.id;
            assert!(
                nodes.contains(e.source.as_str()),
                "{id}: {} not a node",
                e.source
            );
            assert!(
                nodes.contains(e.target.as_str()),
                "{id}: {} not a node",
                e.target
            );
            assert_ne!(e.source, e.target, "{id}: self-loop");
            for ev in &e.evidence {
                // Offsets index the original text and cut it where the
                // evidence says; the cue lies inside its sentence.
                assert_eq!(text.get(ev.start..ev.end), Some(ev.text.as_str()), "{id}");
                assert!(
                    ev.start <= ev.cue_start && ev.cue_end <= ev.end,
                    "{id}: {ev:?}"
                );
                assert_eq!(
                    text.get(ev.cue_start..ev.cue_end),
                    Some(ev.cue.as_str()),
                    "{id}"
                );
            }
        }
    }
}

#[test]
fn generated_arabic_articles_keep_the_invariants() {
    for seed in 1..=3 {
        check_articles(GenLang::Ar, seed, 200);
    }
}

#[test]
fn generated_english_and_mixed_articles_keep_the_invariants() {
    check_articles(GenLang::En, 1, 150);
    check_articles(GenLang::Mixed, 2, 150);
}
