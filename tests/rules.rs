//! Every cue rule carries its own example sentences and counter-examples in
//! the pack (`examples = ["sentence => src relation tgt; …"]`); this test runs
//! them all through the whole pipeline, as nlprule does for its rules.

#[path = "common/edges.rs"]
mod edges;

use edges::edges_of;
use stancegraph::lexicon::{Knowledge, CUE_PACKS};

fn split(line: &str) -> (&str, Vec<String>) {
    let (sentence, expect) = line.split_once("=>").expect("example has '=>'");
    let edges = expect
        .split(';')
        .map(|e| e.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|e| !e.is_empty())
        .collect();
    (sentence.trim(), edges)
}

#[test]
fn every_rule_finds_its_examples_and_not_its_counter_examples() {
    let kb = Knowledge::embedded().expect("embedded packs load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in &kb.cues.rules {
        assert!(
            !rule.examples.is_empty(),
            "rule {} has no example sentence",
            rule.id
        );
        for line in &rule.examples {
            let (sentence, expected) = split(line);
            let found = edges_of(&kb, sentence);
            for e in expected {
                checked += 1;
                if !found.contains(&e) {
                    failures.push(format!(
                        "{}: expected '{e}' in «{sentence}», found {found:?}",
                        rule.id
                    ));
                }
            }
        }
        for line in &rule.counter {
            let (sentence, forbidden) = split(line);
            let found = edges_of(&kb, sentence);
            for e in forbidden {
                checked += 1;
                if found.contains(&e) {
                    failures.push(format!(
                        "{}: counter-example «{sentence}» gave '{e}'",
                        rule.id
                    ));
                }
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} example edges checked in {} packs",
        CUE_PACKS.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} example checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
