//! Reliability of the command line (issue 9): soft errors in a directory,
//! --no-clobber, SIGKILL and SIGINT during a run, broken pipes, determinism,
//! and the size limits. Slow variants are `#[ignore]`d; run them with
//! `cargo test --release --test reliability -- --ignored`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use stancegraph::graph::GraphJson;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("stancegraph")
}

fn cmd() -> Command {
    Command::cargo_bin("stancegraph").unwrap()
}

/// `n` articles `art-NNNN.txt` made by copying the samples round-robin.
fn corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let s = samples();
    for i in 0..n {
        std::fs::copy(&s[i % s.len()], dir.join(format!("art-{i:04}.txt"))).unwrap();
    }
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Every output file is whole: JSON parses as a graph, DOT ends its graph,
/// SVG and HTML end their documents. Returns the temp files found.
fn assert_all_whole(dir: &Path) -> Vec<PathBuf> {
    let mut temps = Vec::new();
    for p in sorted_files(dir) {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(".stancegraph-") && name.ends_with(".tmp") {
            temps.push(p);
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{name}: not UTF-8"));
        match p.extension().and_then(|x| x.to_str()) {
            Some("json") => {
                GraphJson::parse(&name, &text).unwrap_or_else(|e| panic!("half-written {e}"));
            }
            Some("dot") => assert!(text.trim_end().ends_with('}'), "half-written {name}"),
            Some("svg") => assert!(text.trim_end().ends_with("</svg>"), "half-written {name}"),
            Some("html") => assert!(text.trim_end().ends_with("</html>"), "half-written {name}"),
            _ => panic!("unexpected file {name}"),
        }
    }
    temps
}

// ── soft errors ─────────────────────────────────────────────────────────────

#[test]
fn directory_with_bad_entries_processes_the_rest_and_exits_2() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&samples()[0], dir.join("a-good.txt")).unwrap();
    std::fs::copy(&samples()[1], dir.join("z-good.txt")).unwrap();
    std::fs::create_dir(dir.join("b-subdir.txt")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), dir.join("c-dangling.txt")).unwrap();
    std::fs::write(dir.join("d-empty.txt"), "").unwrap();
    let mut expected_errors = 3;
    // chmod 000 blocks reads only for non-root users; tests here often run as
    // root, where the file stays readable, so the case is skipped then.
    let locked = dir.join("e-locked.txt");
    std::fs::copy(&samples()[2], &locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!(
            "note: running as root, chmod 000 does not block reads; unreadable-file case skipped"
        );
        std::fs::remove_file(&locked).unwrap();
    } else {
        expected_errors += 1;
    }
    let out = tmp.path().join("out");
    let run = cmd()
        .arg("extract")
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| !l.contains("Graphviz")).collect();
    assert_eq!(errors.len(), expected_errors, "{stderr}");
    assert!(
        errors[0].contains("b-subdir.txt: is a directory; expected an article file"),
        "{stderr}"
    );
    assert!(
        errors[1].contains("c-dangling.txt: dangling symlink"),
        "{stderr}"
    );
    assert!(
        errors[2].contains("d-empty.txt: empty article; expected news text"),
        "{stderr}"
    );
    if expected_errors == 4 {
        assert!(
            errors[3].contains("e-locked.txt: permission denied;"),
            "{stderr}"
        );
    }
    // The good ones are written, and all.json holds exactly them.
    assert!(out.join("a-good.json").exists() && out.join("z-good.json").exists());
    let all = std::fs::read_to_string(out.join("all.json")).unwrap();
    let all = GraphJson::parse("all.json", &all).unwrap();
    let ids: Vec<&str> = all.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a-good", "z-good"]);
}

// ── --no-clobber ────────────────────────────────────────────────────────────

#[test]
fn no_clobber_refuses_and_leaves_files_untouched() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let sample = &samples()[0];
    let stem = sample.file_stem().unwrap().to_str().unwrap();
    // Only the per-article JSON exists: nothing at all may be written.
    std::fs::write(out.join(format!("{stem}.json")), "precious").unwrap();
    let run = cmd()
        .args(["extract", "--no-clobber", "-o"])
        .arg(&out)
        .arg(sample)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr.contains("already exists; remove it or drop --no-clobber"),
        "{stderr}"
    );
    assert_eq!(sorted_files(&out), [out.join(format!("{stem}.json"))]);
    assert_eq!(
        std::fs::read_to_string(out.join(format!("{stem}.json"))).unwrap(),
        "precious"
    );
    // render
    let graph = root().join("tests/fixtures/sample-graph.json");
    let target = out.join("g.dot");
    std::fs::write(&target, "precious").unwrap();
    let run = cmd()
        .args(["render", "--no-clobber"])
        .arg(&graph)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    // Without --no-clobber both overwrite.
    cmd()
        .arg("render")
        .arg(&graph)
        .arg("-o")
        .arg(&target)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("digraph"));
}

// ── SIGKILL and SIGINT ──────────────────────────────────────────────────────

/// Starts `extract IN -o OUT` over `n` articles whose outputs already exist
/// (from a run over different text), waits until the new run has written
/// `written` files, sends `signal`, and checks that every file is whole.
fn kill_mid_write(n: usize, written: usize, signal: &str) -> (TempDir, std::process::ExitStatus) {
    let tmp = TempDir::new().unwrap();
    let old_in = tmp.path().join("old");
    std::fs::create_dir(&old_in).unwrap();
    let en = root().join("samples/en-wire.txt");
    for i in 0..4 {
        std::fs::copy(&en, old_in.join(format!("art-{i:04}.txt"))).unwrap();
    }
    let out = tmp.path().join("out");
    cmd()
        .arg("extract")
        .arg(&old_in)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let old: Vec<(PathBuf, Vec<u8>)> = sorted_files(&out)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    let new_in = tmp.path().join("new");
    corpus(&new_in, n);
    let mut child = std::process::Command::new(bin())
        .arg("extract")
        .arg(&new_in)
        .arg("-o")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(600);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status; // finished before we could interrupt it
        }
        if sorted_files(&out).len() >= old.len() + written {
            if signal == "KILL" {
                child.kill().unwrap();
            } else {
                let pid = child.id().to_string();
                std::process::Command::new("kill")
                    .args([&format!("-{signal}"), &pid])
                    .status()
                    .unwrap();
            }
            break child.wait().unwrap();
        }
        assert!(Instant::now() < deadline, "run did not start writing");
        std::thread::sleep(Duration::from_millis(5));
    };
    let temps = assert_all_whole(&out);
    if signal == "INT" {
        assert!(temps.is_empty(), "SIGINT left temp files: {temps:?}");
    }
    // Old outputs are either untouched or replaced by a whole new file.
    for (p, bytes) in old {
        let now = std::fs::read(&p).unwrap();
        if now != bytes && p.extension().is_some_and(|x| x == "json") {
            let g = GraphJson::parse("x", std::str::from_utf8(&now).unwrap()).unwrap();
            assert!(!g.documents.is_empty());
        }
    }
    (tmp, status)
}

#[test]
fn sigkill_mid_write_leaves_only_whole_files() {
    let (_tmp, status) = kill_mid_write(120, 20, "KILL");
    assert!(status.code().is_none() || status.success());
}

/// The full size: ~2000 articles, killed while writing.
#[test]
#[ignore = "slow in debug: cargo test --release --test reliability -- --ignored"]
fn sigkill_mid_write_2000_articles() {
    kill_mid_write(2000, 500, "KILL");
}

#[test]
fn sigint_mid_write_stops_cleanly() {
    let (_tmp, status) = kill_mid_write(120, 20, "INT");
    // 130 when the handler saw it, success when the run had just finished.
    assert!(matches!(status.code(), Some(130) | Some(0)), "{status:?}");
}

#[test]
fn sigint_before_writing_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let input = tmp.path().join("in");
    corpus(&input, 400);
    let out = tmp.path().join("out");
    let child = std::process::Command::new(bin())
        .arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(130) && stderr.contains("no output was written") {
        assert!(sorted_files(&out).is_empty());
    } else {
        // The machine was fast enough to reach the writing phase: still whole.
        assert_all_whole(&out);
    }
}

// ── broken pipe ─────────────────────────────────────────────────────────────

#[test]
fn broken_pipe_exits_0_quietly() {
    let script = format!(
        "'{}' extract '{}' | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        bin().display(),
        root().join("samples").display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.trim(),
        "0",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ── determinism ─────────────────────────────────────────────────────────────

fn extract_to(args: &[&Path], out: &Path) -> Vec<(String, Vec<u8>)> {
    cmd()
        .arg("extract")
        .args(args)
        .arg("-o")
        .arg(out)
        .assert()
        .success();
    sorted_files(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "dot"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn same_bytes_across_runs_and_input_order() {
    let tmp = TempDir::new().unwrap();
    let s = samples();
    let forward: Vec<&Path> = s.iter().map(|p| p.as_path()).collect();
    let backward: Vec<&Path> = s.iter().rev().map(|p| p.as_path()).collect();
    let a = extract_to(&forward, &tmp.path().join("a"));
    let b = extract_to(&forward, &tmp.path().join("b"));
    let c = extract_to(&backward, &tmp.path().join("c"));
    // A directory whose entries were created in reverse order (so its raw
    // listing order differs): expand_inputs sorts by name.
    let rev_dir = tmp.path().join("rev");
    std::fs::create_dir(&rev_dir).unwrap();
    for p in s.iter().rev() {
        std::fs::copy(p, rev_dir.join(p.file_name().unwrap())).unwrap();
    }
    let d = extract_to(&[rev_dir.as_path()], &tmp.path().join("d"));
    assert!(!a.is_empty());
    assert_eq!(a, b, "two runs differ");
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&c));
    for (x, y) in a.iter().zip(&c) {
        // Paths inside documents[] are as given, so compare them too: same here.
        assert_eq!(x, y, "{} differs with the input order reversed", x.0);
    }
    // In the directory run document paths name the copy, so compare graphs
    // without the path field.
    let strip = |v: &[(String, Vec<u8>)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(n, b)| {
                let t = String::from_utf8(b.clone()).unwrap();
                let t = t.replace(&format!("{}/", root().join("samples").display()), "");
                let t = t.replace(&format!("{}/", rev_dir.display()), "");
                (n.clone(), t)
            })
            .collect()
    };
    assert_eq!(
        strip(&a),
        strip(&d),
        "directory listing order changed the output"
    );
}

/// Outputs are byte-identical for `--jobs` 1, 2 and 8 (issue 17: this test
/// sat ignored after `--jobs` had landed).
#[test]
fn same_bytes_across_jobs() {
    let tmp = TempDir::new().unwrap();
    let input = tmp.path().join("in");
    corpus(&input, 40);
    let mut runs = Vec::new();
    for jobs in ["1", "2", "8"] {
        let out = tmp.path().join(format!("out-{jobs}"));
        cmd()
            .arg("extract")
            .arg(&input)
            .args(["--jobs", jobs, "-o"])
            .arg(&out)
            .assert()
            .success();
        runs.push(
            sorted_files(&out)
                .into_iter()
                .map(|p| {
                    (
                        p.file_name().unwrap().to_owned(),
                        std::fs::read(&p).unwrap(),
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(runs[0], runs[1]);
    assert_eq!(runs[0], runs[2]);
}

// ── limits ──────────────────────────────────────────────────────────────────

#[test]
fn article_of_200_mb_is_refused_unread_by_the_default_limit() {
    let tmp = TempDir::new().unwrap();
    let big = tmp.path().join("big.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let chunk = "Turkey welcomed the deal and Egypt rejected it ".repeat(1024);
        let mut written = 0;
        while written < 200 << 20 {
            f.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
    }
    let out = tmp.path().join("out");
    let started = Instant::now();
    let run = cmd()
        .arg("extract")
        .arg(&big)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr.contains("over the --max-bytes limit of 67108864; split it or raise --max-bytes"),
        "{stderr}"
    );
    assert!(!out.exists());
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "refusal should not read the file"
    );
    // stdin is capped the same way, reading at most max + 1 bytes.
    let run = cmd()
        .args(["extract", "-", "--max-bytes", "1M"])
        .pipe_stdin(&big)
        .unwrap()
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("-: article is more than 1048576 bytes"));
}

/// A 200 MB single line processed whole (raise the limit): checks time and
/// that sentence chunking keeps the rules linear.
#[test]
#[ignore = "slow: cargo test --release --test reliability -- --ignored single_line_200_mb"]
fn single_line_200_mb_processed_with_raised_limit() {
    let tmp = TempDir::new().unwrap();
    let big = tmp.path().join("big.txt");
    let line = "Turkey welcomed the deal while Egypt rejected it, ".repeat((200 << 20) / 50);
    std::fs::write(&big, line).unwrap();
    let started = Instant::now();
    cmd()
        .arg("extract")
        .arg(&big)
        .args(["--max-bytes", "256M"])
        .assert()
        .success();
    eprintln!("200 MB single line: {:?}", started.elapsed());
}

#[test]
fn article_with_50k_sentences() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("long.txt");
    let text = "Egypt condemned Turkey. Turkey welcomed Qatar.\n".repeat(25_000);
    std::fs::write(&path, text).unwrap();
    let started = Instant::now();
    let out = cmd().arg("extract").arg(&path).output().unwrap();
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g = GraphJson::parse("x", std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    let evidence: usize = g.edges.iter().map(|e| e.evidence.len()).sum();
    eprintln!(
        "50k sentences: {took:?}, {} edges, {evidence} statements",
        g.edges.len()
    );
    assert!(!g.edges.is_empty());
}
