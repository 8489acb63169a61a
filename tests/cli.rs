//! The command line as a user meets it: exit codes, one-line errors, no
//! partial output, deterministic bytes.

use assert_cmd::Command;
use predicates::prelude::*;

fn sg() -> Command {
    Command::cargo_bin("stancegraph").expect("binary builds")
}

#[test]
fn missing_file_is_one_line_exit_2() {
    let out = sg()
        .args(["extract", "no/such/article.txt"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("stancegraph: no/such/article.txt: no such file"),
        "{stderr}"
    );
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn directory_without_articles_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("out");
    sg().arg("extract")
        .arg(dir.path())
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles"));
    assert!(!out_dir.exists(), "no output directory for a failed run");
}

#[test]
fn one_bad_file_is_reported_and_the_rest_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Turkey backs the GNA.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let out_dir = dir.path().join("out");
    let run = sg()
        .arg("extract")
        .arg(dir.path())
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("b.txt: empty article"), "{stderr}");
    assert!(
        out_dir.join("a.json").exists(),
        "the good article is written"
    );
    assert!(!out_dir.join("b.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn stdin_article_gives_json_on_stdout() {
    sg().args(["extract", "-"])
        .write_stdin("Egypt, the UAE and Russia back Haftar's forces.")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"schema\": \"stancegraph/1\""))
        .stdout(predicate::str::contains("\"source\": \"egypt\""));
}

#[test]
fn same_input_same_bytes() {
    let a = sg().args(["extract", "samples"]).output().expect("runs");
    let b = sg().args(["extract", "samples"]).output().expect("runs");
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn help_documents_exit_codes() {
    sg().arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes"));
}

#[test]
fn explain_names_the_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let graph = dir.path().join("g.json");
    let out = sg()
        .args(["extract", "-"])
        .write_stdin("Haftar is backed by the UAE.")
        .output()
        .unwrap();
    std::fs::write(&graph, out.stdout).unwrap();
    sg().arg("explain")
        .arg(&graph)
        .args(["--edge", "uae supports lna"])
        .assert()
        .success()
        .stdout(predicate::str::contains("en/supports/backed-by"));
}

#[test]
fn render_infers_the_format_from_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let graph = dir.path().join("g.json");
    let out = sg()
        .args(["extract", "samples/en-wire.txt"])
        .output()
        .unwrap();
    std::fs::write(&graph, out.stdout).unwrap();
    let gexf = dir.path().join("g.gexf");
    sg().arg("render")
        .arg(&graph)
        .arg("-o")
        .arg(&gexf)
        .assert()
        .success();
    let text = std::fs::read_to_string(&gexf).unwrap();
    assert!(text.contains("http://gexf.net/1.3"));
}
