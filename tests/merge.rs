//! `merge`: associative, commutative, sums weights, counts an article once.

mod common;

use common::{bin, doc_graph, samples, subset, universe};
use predicates::prelude::*;
use proptest::prelude::*;
use stancegraph::graph::{merge, GraphJson};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_commutative(u in universe(), a in any::<u8>(), b in any::<u8>()) {
        let (ga, gb) = (subset(&u, a), subset(&u, b));
        prop_assert_eq!(merge(&[ga.clone(), gb.clone()]), merge(&[gb, ga]));
    }

    #[test]
    fn merge_is_associative(u in universe(), a in any::<u8>(), b in any::<u8>(), c in any::<u8>()) {
        let (ga, gb, gc) = (subset(&u, a), subset(&u, b), subset(&u, c));
        let left = merge(&[merge(&[ga.clone(), gb.clone()]), gc.clone()]);
        let right = merge(&[ga, merge(&[gb, gc])]);
        prop_assert_eq!(left, right);
    }

    /// Overlapping graphs merge to the graph of the union of their documents:
    /// a shared article counts once, evidence and mentions included.
    #[test]
    fn overlap_counts_once(u in universe(), a in any::<u8>(), b in any::<u8>()) {
        let merged = merge(&[subset(&u, a), subset(&u, b)]);
        prop_assert_eq!(merged, subset(&u, a | b));
    }

    #[test]
    fn weights_add_up(u in universe()) {
        let docs: Vec<GraphJson> = u.iter().enumerate().map(|(i, s)| doc_graph(i, s)).collect();
        let all = merge(&docs);
        for e in &all.edges {
            let sum: u32 = docs
                .iter()
                .flat_map(|g| &g.edges)
                .filter(|x| (&x.source, &x.target, x.relation) == (&e.source, &e.target, e.relation))
                .map(|x| x.weight)
                .sum();
            prop_assert_eq!(e.weight, sum);
            prop_assert_eq!(e.evidence.len() as u32, e.weight);
        }
        prop_assert_eq!(all.documents.len(), u.len());
        // The copy-free form used for corpus output is the same graph.
        let g = stancegraph::graph::StanceGraph::from_json(&all);
        prop_assert_eq!(g.to_json(), g.clone().into_json());
        prop_assert_eq!(g.to_json(), all);
    }
}

fn extract(path: &std::path::Path) -> Vec<u8> {
    bin()
        .arg("extract")
        .arg(path)
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default()
}

#[test]
fn cli_merge_of_articles_equals_extract_of_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in ["ar-wire", "en-wire", "ar-pro-gna"] {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, extract(&samples().join(format!("{name}.txt")))).unwrap();
        files.push(path);
    }
    let together = bin()
        .arg("extract")
        .args(["ar-wire", "en-wire", "ar-pro-gna"].map(|n| samples().join(format!("{n}.txt"))))
        .output()
        .unwrap();
    // Order does not matter; the same article twice counts once.
    bin()
        .arg("merge")
        .args([&files[2], &files[0], &files[1], &files[0]])
        .assert()
        .success()
        .stdout(predicate::eq(together.stdout.as_slice()));
}

#[test]
fn cli_merge_writes_a_file_and_jsonl_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    std::fs::write(&a, extract(&samples().join("en-wire.txt"))).unwrap();
    let out = dir.path().join("m.json");
    bin()
        .arg("merge")
        .arg(&a)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&a).unwrap());
    let line = bin()
        .args(["merge", "--format", "jsonl"])
        .arg(&a)
        .output()
        .unwrap()
        .stdout;
    assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
    bin()
        .args(["merge", "--input", "jsonl", "-"])
        .write_stdin(line)
        .assert()
        .success()
        .stdout(predicate::eq(std::fs::read(&a).unwrap().as_slice()));
}

#[test]
fn cli_merge_skips_bad_lines_and_exits_2() {
    let g = extract(&samples().join("en-wire.txt"));
    let parsed: GraphJson = serde_json::from_slice(&g).unwrap();
    let good = stancegraph::corpus::GraphLine::line("en-wire", &parsed);
    let input = format!("{good}not json\n{{\"id\":\"x\",\"graph\":{{\"schema\":\"other\",\"documents\":[],\"nodes\":[],\"edges\":[]}}}}\n");
    bin()
        .args(["merge", "--input", "jsonl", "-"])
        .write_stdin(input.clone())
        .assert()
        .code(2)
        .stdout(predicate::eq(g.as_slice()))
        .stderr(predicate::str::contains("-:2: invalid graph line"))
        .stderr(predicate::str::contains("-:3: unsupported schema 'other'"));
    bin()
        .args(["merge", "--input", "jsonl", "--fail-fast", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-:2:"))
        .stderr(predicate::str::contains("-:3:").not());
}

#[test]
fn cli_merge_of_a_broken_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema\":").unwrap();
    bin()
        .arg("merge")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json:1: invalid graph JSON"));
}

/// Parsing runs on a pool while merging runs in input order: every sample's
/// graph line, with bad lines between them, gives the same bytes and the
/// same error report for one thread and for several.
#[test]
fn cli_merge_is_the_same_for_any_jobs() {
    let mut input = String::new();
    for (i, name) in ["ar-pro-gna", "ar-pro-lna", "ar-wire", "en-wire"]
        .iter()
        .enumerate()
    {
        let g = extract(&samples().join(format!("{name}.txt")));
        let parsed: GraphJson = serde_json::from_slice(&g).unwrap();
        input.push_str(&stancegraph::corpus::GraphLine::line(name, &parsed));
        if i % 2 == 0 {
            input.push_str("{\"id\":\"broken\"\n");
        }
    }
    let run = |jobs: &str| {
        bin()
            .args(["merge", "--input", "jsonl", "--jobs", jobs, "-"])
            .write_stdin(input.clone())
            .output()
            .unwrap()
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("-:2: invalid graph line"));
    let merged: GraphJson = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(merged.documents.len(), 4);
    for jobs in ["2", "3"] {
        let other = run(jobs);
        assert_eq!(other.status.code(), Some(2));
        assert_eq!(other.stdout, one.stdout, "--jobs {jobs}");
        assert_eq!(other.stderr, one.stderr, "--jobs {jobs}");
    }
}
