//! `extract --stats`: the counts on stderr, nothing added to stdout.

use assert_cmd::Command;

#[test]
fn stats_go_to_stderr_and_leave_stdout_alone() {
    let plain = Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["extract", "samples/en-wire.txt"])
        .output()
        .unwrap();
    let with = Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["extract", "--stats", "samples/en-wire.txt"])
        .output()
        .unwrap();
    assert!(with.status.success());
    assert_eq!(plain.stdout, with.stdout);
    let stderr = String::from_utf8(with.stderr).unwrap();
    let bytes = std::fs::metadata("samples/en-wire.txt").unwrap().len();
    assert!(
        stderr.starts_with(&format!(
            "stancegraph: stats: articles 1 bytes {bytes} sentences "
        )),
        "{stderr}"
    );
    for field in [
        "mentions",
        "assertions",
        "edges",
        "wall",
        "MB/s",
        "peak-rss",
    ] {
        assert!(stderr.contains(field), "{field} missing: {stderr}");
    }
}
