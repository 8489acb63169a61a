//! `stancegraph eval` computes exactly what the reference scorer computes.

use assert_cmd::Command;
use std::path::Path;

const GOLD: &str = "../shared/eval/gold";
const ARTICLES: &str = "../shared/eval/articles";

#[test]
fn eval_equals_score_py_on_the_dev_set() {
    if !Path::new(GOLD).exists() {
        eprintln!("skipped: {GOLD} not present");
        return;
    }
    let pred = tempfile::tempdir().expect("tempdir");
    Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["extract", ARTICLES, "-o"])
        .arg(pred.path())
        .assert()
        .success();
    let ours = Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["eval", "--gold", GOLD, "--verbose", "--pred"])
        .arg(pred.path())
        .output()
        .unwrap();
    assert!(ours.status.success());
    let theirs = std::process::Command::new("python3")
        .arg(format!("{GOLD}/../score.py"))
        .arg(GOLD)
        .arg(pred.path())
        .arg("--verbose")
        .output();
    let Ok(theirs) = theirs else {
        panic!("python3 is needed to compare with the reference scorer");
    };
    assert!(
        theirs.status.success(),
        "{}",
        String::from_utf8_lossy(&theirs.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout)
    );
}
