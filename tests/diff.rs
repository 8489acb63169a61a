//! `diff`: empty on equal graphs, complete enough to rebuild `b` from `a`,
//! and the CLI's formats and exit codes.

mod common;

use common::{bin, samples, subset, universe};
use predicates::prelude::*;
use proptest::prelude::*;
use stancegraph::diff::{apply, diff, render_text, GraphDiff, TextOptions};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn diff_of_a_graph_with_itself_is_empty(u in universe(), m in any::<u8>()) {
        let g = subset(&u, m);
        let d = diff(&g, &g, false);
        prop_assert!(d.is_empty());
        prop_assert!(d.relation_changes.is_empty());
        prop_assert_eq!(render_text(&d, &TextOptions::default()), "");
        prop_assert!(diff(&g, &g, true).is_empty());
    }

    #[test]
    fn applying_the_diff_gives_b(u in universe(), a in any::<u8>(), b in any::<u8>()) {
        let (ga, gb) = (subset(&u, a), subset(&u, b));
        let d = diff(&ga, &gb, false);
        prop_assert_eq!(apply(&ga, &d), gb.clone());
        prop_assert_eq!(d.is_empty(), ga == gb);
        // The JSON form carries everything apply needs.
        let back: GraphDiff = serde_json::from_str(&d.to_pretty_string()).unwrap();
        prop_assert_eq!(apply(&ga, &back), gb);
    }

    #[test]
    fn flips_are_read_from_added_and_removed(u in universe(), a in any::<u8>(), b in any::<u8>()) {
        let d = diff(&subset(&u, a), &subset(&u, b), true);
        for f in &d.relation_changes {
            prop_assert!(d.edges_removed.iter().any(|e| (&e.source, &e.target, e.relation) == (&f.before.source, &f.before.target, f.before.relation)));
            prop_assert!(d.edges_added.iter().any(|e| (&e.source, &e.target, e.relation) == (&f.after.source, &f.after.target, f.after.relation)));
        }
    }
}

const BEFORE: &str = r#"{"schema":"stancegraph/1","documents":[],
 "nodes":[{"id":"gna","label":"GNA","labels":{},"kind":"government","mentions":2},
          {"id":"lna","label":"LNA","labels":{},"kind":"armed-group","mentions":1},
          {"id":"turkey","label":"Turkey","labels":{},"kind":"state","mentions":2}],
 "edges":[{"source":"gna","target":"turkey","relation":"negotiates-with","weight":1,"confidence":0.5,"evidence":[]},
          {"source":"lna","target":"gna","relation":"opposes","weight":1,"confidence":0.5,"evidence":[]}]}"#;
const AFTER: &str = r#"{"schema":"stancegraph/1","documents":[],
 "nodes":[{"id":"egypt","label":"Egypt","labels":{},"kind":"state","mentions":1},
          {"id":"gna","label":"GNA","labels":{},"kind":"government","mentions":2},
          {"id":"lna","label":"LNA","labels":{},"kind":"armed-group","mentions":1},
          {"id":"turkey","label":"Turkey","labels":{},"kind":"state","mentions":2}],
 "edges":[{"source":"egypt","target":"lna","relation":"supports","weight":1,"confidence":0.5,"evidence":[]},
          {"source":"lna","target":"gna","relation":"opposes","weight":3,"confidence":0.5,"evidence":[]},
          {"source":"turkey","target":"gna","relation":"supports","weight":1,"confidence":0.5,"evidence":[]}]}"#;

fn pair() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::fs::write(&a, BEFORE).unwrap();
    std::fs::write(&b, AFTER).unwrap();
    (dir, a, b)
}

#[test]
fn text_tells_flips_and_weights() {
    let (_dir, a, b) = pair();
    bin()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stdout(
            "+ actor egypt (Egypt, state)\n\
             + egypt supports lna (1)\n\
             ~ lna opposes gna: 1 → 3 (up)\n\
             ~ turkey → gna: negotiates-with → supports\n",
        );
    bin()
        .args(["diff", "--ignore-weights"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 → 3").not());
}

#[test]
fn equal_graphs_exit_0_and_print_nothing() {
    let (_dir, a, _) = pair();
    bin()
        .arg("diff")
        .arg(&a)
        .arg(&a)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn json_round_trips_and_dot_colours_the_union() {
    let (_dir, a, b) = pair();
    let out = bin()
        .args(["diff", "--format", "json"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let d: GraphDiff = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d.relation_changes.len(), 1);
    assert_eq!(d.edges_changed[0].trend(), "up");
    let dot = bin()
        .args(["diff", "--format", "dot"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    for want in [
        r##""egypt" -> "lna" [label="+ supports 1" color="#1b9e1b""##,
        r##""lna" -> "gna" [label="opposes 1 → 3" color="#ff8c00""##,
        r##""turkey" -> "gna" [label="negotiates-with → supports" color="#ff8c00""##,
    ] {
        assert!(dot.contains(want), "{want} not in\n{dot}");
    }
    // The flipped-away stance is not drawn twice.
    assert!(!dot.contains(r#""gna" -> "turkey""#));
    assert!(graphviz_rust::parse(&dot).is_ok());
}

#[test]
fn removed_is_red_and_dashed() {
    let (_dir, a, b) = pair();
    let dot = bin()
        .args(["diff", "--format", "dot"])
        .arg(&b)
        .arg(&a)
        .output()
        .unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.contains(r##""egypt" -> "lna" [label="− supports 1" color="#d62728" fontcolor="#d62728" style="dashed""##), "{dot}");
}

#[test]
fn articles_are_extracted_on_the_fly() {
    let a = samples().join("ar-pro-gna.txt");
    let b = samples().join("ar-pro-lna.txt");
    bin()
        .arg("diff")
        .arg(&a)
        .arg(&a)
        .assert()
        .success()
        .stdout("");
    bin()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+ document ar-pro-lna"));
}

#[test]
fn errors_exit_2_with_the_path() {
    let (_dir, a, _) = pair();
    bin()
        .arg("diff")
        .arg(&a)
        .arg("no-such.json")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "stancegraph: no-such.json: no such file",
        ));
}
