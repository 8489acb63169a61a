//! Corpus input: JSON Lines in, the mapper and the reducer, time slices,
//! soft errors, and output that does not depend on the number of jobs.

mod common;

use common::{bin, samples};
use predicates::prelude::*;

/// `n` records from the samples, dated over three weeks, as JSON Lines.
fn corpus(n: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir(samples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let mut out = String::new();
    for i in 0..n {
        let (stem, text) = &texts[i % texts.len()];
        let record = serde_json::json!({
            "id": format!("{stem}-{i:03}"),
            "text": format!("{}\n\n(ref {i:03})\n", text.trim_end()),
            "date": format!("2020-06-{:02}", 1 + (i * 3) % 21),
            "url": format!("https://news.example/{i}"),
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

fn stdout_of(args: &[&str], stdin: &str) -> Vec<u8> {
    let out = bin()
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // No progress bar and no chatter: stderr is not a terminal here.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let input = corpus(24);
    for output in ["graph", "jsonl"] {
        let one = stdout_of(
            &[
                "extract", "--input", "jsonl", "--output", output, "--jobs", "1",
            ],
            &input,
        );
        for jobs in ["2", "3"] {
            let many = stdout_of(
                &[
                    "extract", "--input", "jsonl", "--output", output, "--jobs", jobs,
                ],
                &input,
            );
            assert!(
                one == many,
                "--output {output}: --jobs 1 and --jobs {jobs} differ"
            );
        }
    }
}

#[test]
fn mapper_then_reducer_equals_one_extract() {
    let input = corpus(12);
    let single = stdout_of(&["extract", "--input", "jsonl", "-"], &input);
    let lines = stdout_of(
        &["extract", "--input", "jsonl", "--output", "jsonl"],
        &input,
    );
    let text = String::from_utf8(lines).unwrap();
    assert_eq!(text.lines().count(), 12);
    // Reduce in two halves, then the halves: merge is associative.
    let all: Vec<&str> = text.lines().collect();
    let half = |part: &[&str]| {
        stdout_of(
            &["merge", "--input", "jsonl", "--format", "jsonl", "-"],
            &(part.join("\n") + "\n"),
        )
    };
    let (left, right) = (half(&all[..5]), half(&all[5..]));
    let both = [left, right].concat();
    let merged = stdout_of(
        &["merge", "--input", "jsonl", "-"],
        &String::from_utf8(both).unwrap(),
    );
    assert!(
        merged == single,
        "map-reduce result differs from one extract"
    );
}

#[test]
fn the_same_article_twice_counts_once() {
    let input = corpus(4);
    let twice = format!("{input}{input}");
    assert!(
        stdout_of(&["extract", "--input", "jsonl"], &input)
            == stdout_of(&["extract", "--input", "jsonl"], &twice)
    );
}

#[test]
fn bad_records_are_reported_skipped_and_exit_2() {
    let good = corpus(3);
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines.insert(1, "{not json".into());
    lines.insert(2, r#"{"id":"x","text":42}"#.into());
    lines.insert(3, "".into());
    lines.insert(4, r#"{"id":"y","date":"2020-06-01"}"#.into());
    let input = lines.join("\n") + "\n";
    let expected = stdout_of(&["extract", "--input", "jsonl"], &good);
    bin()
        .args(["extract", "--input", "jsonl", "-"])
        .write_stdin(input.clone())
        .assert()
        .code(2)
        .stdout(predicate::eq(expected.as_slice()))
        .stderr(predicate::str::contains("stancegraph: -:2: invalid JSON"))
        .stderr(predicate::str::contains(
            "stancegraph: -:3: \"text\" is a number; expected the article text as a string",
        ))
        .stderr(predicate::str::contains(
            "stancegraph: -:5: missing \"text\"",
        ))
        .stderr(predicate::str::contains("3 bad records skipped"));
    bin()
        .args(["extract", "--input", "jsonl", "--fail-fast"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-:2: invalid JSON"))
        .stderr(predicate::str::contains("-:3:").not());
}

#[test]
fn time_slices_and_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_path = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus_path, corpus(16)).unwrap();
    let out = dir.path().join("weeks");
    bin()
        .args(["extract", "--input", "jsonl", "--by", "week", "-o"])
        .arg(&out)
        .arg(&corpus_path)
        .assert()
        .success();
    let timeline: stancegraph::corpus::TimelineJson =
        serde_json::from_slice(&std::fs::read(out.join("timeline.json")).unwrap()).unwrap();
    let names: Vec<&str> = timeline.slices.iter().map(|s| s.slice.as_str()).collect();
    assert_eq!(names, ["2020-W23", "2020-W24", "2020-W25"]);
    assert_eq!(timeline.slices[0].start, "2020-06-01");
    assert_eq!(timeline.slices[0].end, "2020-06-07");
    assert_eq!(
        timeline.slices.iter().map(|s| s.documents).sum::<usize>(),
        16
    );
    for s in &timeline.slices {
        assert!(out.join(&s.graph).is_file());
    }
    // all.json is the whole corpus.
    let all = std::fs::read(out.join("all.json")).unwrap();
    let single = stdout_of(
        &["extract", "--input", "jsonl", corpus_path.to_str().unwrap()],
        "",
    );
    assert!(all == single);
    bin()
        .arg("timeline")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "== 2020-W23 (2020-06-01 – 2020-06-07): ",
        ))
        .stdout(predicate::str::contains("== 2020-W25"));
}

#[test]
fn slices_need_dates_and_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["extract", "--input", "jsonl", "--by", "day"])
        .write_stdin(corpus(1))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give -o DIR"));
    let undated =
        r#"{"id":"u","text":"Turkey backs the GNA against Haftar's LNA."}"#.to_string() + "\n";
    bin()
        .args(["extract", "--input", "jsonl", "--by", "day", "-o"])
        .arg(dir.path().join("d"))
        .write_stdin(undated.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-:1: no date"));
    bin()
        .args([
            "extract",
            "--input",
            "jsonl",
            "--by",
            "month",
            "--date",
            "2020-07-04",
            "-o",
        ])
        .arg(dir.path().join("m"))
        .write_stdin(undated)
        .assert()
        .success();
    assert!(dir.path().join("m/2020-07.json").is_file());
    bin()
        .args(["extract", "--date", "2020-7-4"])
        .arg(samples().join("en-wire.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--date: invalid date '2020-7-4'"));
}

#[test]
fn plain_files_take_a_date() {
    let out = bin()
        .args(["extract", "--date", "2020-06-20"])
        .arg(samples().join("en-wire.txt"))
        .output()
        .unwrap();
    let g: stancegraph::graph::GraphJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g.documents[0].date.as_deref(), Some("2020-06-20"));
}

#[test]
fn directory_output_keeps_per_article_files() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["extract", "-o"])
        .arg(dir.path())
        .arg(samples())
        .assert()
        .success();
    for stem in ["ar-pro-gna", "ar-pro-lna", "ar-wire", "en-wire", "all"] {
        assert!(
            dir.path().join(format!("{stem}.json")).is_file(),
            "{stem}.json"
        );
        assert!(
            dir.path().join(format!("{stem}.dot")).is_file(),
            "{stem}.dot"
        );
    }
}
