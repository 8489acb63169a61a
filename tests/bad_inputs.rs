//! The catalogue of bad inputs (issue 9). Every case must end with exit code
//! 2, exactly one stderr line `stancegraph: <path>[:line[:col]]: <what>; <hint>`,
//! nothing on stdout, and no file in the output directory (not even a
//! temporary one). The table at the bottom is the catalogue; docs/RELIABILITY.md
//! lists the messages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// What to run: a command line with `{in}` replaced by the input file and
/// `{out}` by a fresh output path inside the watched directory.
struct Case {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    args: &'static [&'static str],
    /// A fragment the message must contain (the `what`).
    what: &'static str,
}

fn sample() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/samples/en-wire.txt")
}

fn cmd() -> Command {
    Command::cargo_bin("stancegraph").unwrap()
}

/// Checks the catalogue's promise on one finished run.
fn assert_one_error(name: &str, out: &std::process::Output, what: &str, watched: &Path) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{name}: exit code; stderr: {stderr}"
    );
    assert!(out.stdout.is_empty(), "{name}: stdout not empty");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{name}: want one stderr line, got {lines:?}"
    );
    let re = regex::Regex::new(r"^stancegraph: \S[^:]*(:\d+(:\d+)?)?: [^;]+; \S.*$").unwrap();
    assert!(re.is_match(lines[0]), "{name}: bad shape: {}", lines[0]);
    assert!(
        lines[0].contains(what),
        "{name}: message lacks '{what}': {}",
        lines[0]
    );
    assert_eq!(
        files_in(watched),
        Vec::<PathBuf>::new(),
        "{name}: files left behind"
    );
}

/// Every file under `dir`, hidden ones included.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_in(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn run_case(case: &Case) {
    let tmp = TempDir::new().unwrap();
    let input = tmp.path().join(case.file);
    std::fs::write(&input, &case.bytes).unwrap();
    let watched = tmp.path().join("out");
    std::fs::create_dir(&watched).unwrap();
    let out_arg = if case.args.first() == Some(&"render") {
        watched.join("g.dot")
    } else {
        watched.clone()
    };
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{in}", input.to_str().unwrap())
                .replace("{out}", out_arg.to_str().unwrap())
                .replace("{sample}", sample())
        })
        .collect();
    let out = cmd().args(&args).output().unwrap();
    assert_one_error(case.name, &out, case.what, &watched);
    // The same article without -o: still nothing on stdout.
    if case.args == EXTRACT {
        let i = args.iter().position(|a| a == "-o").unwrap();
        let mut bare = args.clone();
        bare.drain(i..i + 2);
        let out = cmd().args(&bare).output().unwrap();
        assert_one_error(case.name, &out, case.what, &watched);
    }
}

const EXTRACT: &[&str] = &["extract", "{in}", "-o", "{out}"];
const RENDER: &[&str] = &["render", "{in}", "-o", "{out}"];
const ACTORS: &[&str] = &["extract", "{sample}", "--actors", "{in}", "-o", "{out}"];
const CUES: &[&str] = &["extract", "{sample}", "--cues", "{in}", "-o", "{out}"];

fn utf16le(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
    v
}

fn utf16be(s: &str) -> Vec<u8> {
    let mut v = vec![0xFE, 0xFF];
    v.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
    v
}

fn graph(nodes: &str, edges: &str) -> Vec<u8> {
    format!(r#"{{"schema":"stancegraph/1","documents":[],"nodes":[{nodes}],"edges":[{edges}]}}"#)
        .into_bytes()
}

const NODE_A: &str = r#"{"id":"a","label":"A","labels":{},"kind":"state","mentions":1}"#;
const NODE_B: &str = r#"{"id":"b","label":"B","labels":{},"kind":"state","mentions":1}"#;
const EDGE_AB: &str = r#"{"source":"a","target":"b","relation":"supports","weight":1,"confidence":0.5,"evidence":[]}"#;

fn cases() -> Vec<Case> {
    let b = |s: &str| s.as_bytes().to_vec();
    vec![
        // ── articles ─────────────────────────────────────────────────────────
        Case { name: "empty file", file: "a.txt", bytes: vec![], args: EXTRACT, what: "empty article" },
        Case { name: "whitespace only", file: "a.txt", bytes: b(" \n\t\r\n  \u{00A0}\n"), args: EXTRACT, what: "empty article" },
        Case {
            name: "png header",
            file: "a.txt",
            bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
            args: EXTRACT,
            what: "binary data",
        },
        Case {
            name: "elf header",
            file: "a.txt",
            bytes: b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec(),
            args: EXTRACT,
            what: "binary data",
        },
        Case { name: "nul bytes in text", file: "a.txt", bytes: b("Turkey welcomed\0 the deal."), args: EXTRACT, what: "binary data" },
        Case {
            // Broken UTF-8 inside UTF-8 Arabic: damage, not Windows-1256.
            // (One stray byte is repaired with a warning: issue 17.)
            name: "damaged utf-8",
            file: "a.txt",
            bytes: [b("رحبت تركيا "), vec![0xC3], b(" بالاتفاق "), vec![0xC3], b(" "), vec![0xC3], b(".")].concat(),
            args: EXTRACT,
            what: "invalid UTF-8",
        },
        Case {
            // 8-bit bytes that are not Arabic in Windows-1256 either.
            name: "8-bit junk, not cp1256 arabic",
            file: "a.txt",
            // € ‚ „ … ‰ ‹ in Windows-1256: punctuation, no Arabic letter.
            bytes: b"Turkey \x80\x82\x84\x85\x89\x8b welcomed".to_vec(),
            args: EXTRACT,
            what: "does not read as Arabic",
        },
        Case {
            name: "truncated utf-16le",
            file: "a.txt",
            bytes: [utf16le("Turkey welcomed the deal."), vec![0x41]].concat(),
            args: EXTRACT,
            what: "UTF-16LE",
        },
        Case {
            name: "truncated utf-16be",
            file: "a.txt",
            bytes: [utf16be("Turkey welcomed the deal."), vec![0x00]].concat(),
            args: EXTRACT,
            what: "UTF-16BE",
        },
        Case {
            name: "over --max-bytes",
            file: "a.txt",
            bytes: b("Turkey welcomed the deal. ").repeat(100),
            args: &["extract", "{in}", "--max-bytes", "1K", "-o", "{out}"],
            what: "over the --max-bytes limit of 1024",
        },
        Case {
            name: "missing file",
            file: "a.txt",
            bytes: vec![],
            args: &["extract", "{in}.missing", "-o", "{out}"],
            what: "no such file",
        },
        // ── graph JSON for `render` ──────────────────────────────────────────
        Case { name: "graph: malformed", file: "g.json", bytes: b("{\"schema\": \"stancegraph/1\",\n  \"nodes\": [,]}"), args: RENDER, what: "invalid graph JSON" },
        Case { name: "graph: not json at all", file: "g.json", bytes: b("nodes: []\n"), args: RENDER, what: "invalid graph JSON" },
        Case { name: "graph: empty file", file: "g.json", bytes: vec![], args: RENDER, what: "invalid graph JSON" },
        Case { name: "graph: invalid utf-8", file: "g.json", bytes: vec![b'{', 0xFF, b'}'], args: RENDER, what: "invalid UTF-8" },
        Case {
            name: "graph: wrong schema",
            file: "g.json",
            bytes: b(r#"{"schema":"stancegraph/2","documents":[],"nodes":[],"edges":[]}"#),
            args: RENDER,
            what: "unsupported schema 'stancegraph/2'",
        },
        Case { name: "graph: dangling edge", file: "g.json", bytes: graph(NODE_A, EDGE_AB), args: RENDER, what: "unknown node 'b'" },
        Case { name: "graph: duplicate ids", file: "g.json", bytes: graph(&[NODE_A, NODE_A, NODE_B].join(","), ""), args: RENDER, what: "duplicate node id 'a'" },
        Case {
            name: "graph: 10k-level nesting",
            file: "g.json",
            bytes: [b(r#"{"schema":"stancegraph/1","documents":"#), b("[").repeat(10_000), b("]").repeat(10_000), b("}")].concat(),
            // Typed structs stop at the first misplaced '[', so serde's
            // recursion limit (128) is never even reached: no stack overflow.
            args: RENDER,
            what: "invalid graph JSON",
        },
        Case {
            name: "graph: 10k-level nesting of objects",
            file: "g.json",
            bytes: [b("{\"x\":").repeat(10_000), b("1"), b("}").repeat(10_000)].concat(),
            args: RENDER,
            what: "invalid graph JSON",
        },
        Case {
            name: "graph: huge integer",
            file: "g.json",
            bytes: graph(&NODE_A.replace("\"mentions\":1", "\"mentions\":99999999999999999999999"), ""),
            args: RENDER,
            what: "invalid graph JSON",
        },
        Case {
            name: "graph: huge float",
            file: "g.json",
            bytes: graph(&[NODE_A, NODE_B].join(","), &EDGE_AB.replace("0.5", "1e999")),
            args: RENDER,
            what: "invalid graph JSON",
        },
        Case {
            name: "graph: confidence out of range",
            file: "g.json",
            bytes: graph(&[NODE_A, NODE_B].join(","), &EDGE_AB.replace("0.5", "1e300")),
            args: RENDER,
            what: "out of range",
        },
        Case {
            name: "graph: unknown relation",
            file: "g.json",
            bytes: graph(&[NODE_A, NODE_B].join(","), &EDGE_AB.replace("supports", "likes")),
            args: RENDER,
            what: "invalid graph JSON",
        },
        // ── actor packs (--actors) ───────────────────────────────────────────
        Case { name: "actors: toml syntax", file: "p.toml", bytes: b("[[actor]]\nid = \"x\nkind = \"state\"\n"), args: ACTORS, what: "p.toml:2" },
        Case { name: "actors: not utf-8", file: "p.toml", bytes: vec![b'#', 0xFF, b'\n'], args: ACTORS, what: "invalid UTF-8" },
        Case { name: "actors: unknown field", file: "p.toml", bytes: b("[[actor]]\nid = \"x\"\nkind = \"state\"\ncolour = \"red\"\n"), args: ACTORS, what: "p.toml:4" },
        Case {
            name: "actors: duplicate ids",
            file: "p.toml",
            bytes: b("[[actor]]\nid = \"xland\"\nkind = \"state\"\nen = \"Xland\"\n\n[[actor]]\nid = \"xland\"\nkind = \"state\"\nen = \"Xland Two\"\n"),
            args: ACTORS,
            what: "duplicate id 'xland'",
        },
        Case {
            name: "actors: bad kind",
            file: "p.toml",
            bytes: b("[[actor]]\nid = \"xland\"\nkind = \"planet\"\nen = \"Xland\"\n"),
            args: ACTORS,
            what: "planet",
        },
        Case {
            name: "actors: conflicting aliases",
            file: "p.toml",
            bytes: b("[[actor]]\nid = \"xland\"\nkind = \"state\"\nen = \"Xland\"\n\n[[actor]]\nid = \"yland\"\nkind = \"state\"\nen = \"Yland\"\naliases_en = [\"Xland\"]\n"),
            args: ACTORS,
            what: "already claimed",
        },
        Case {
            name: "actors: bad affiliation",
            file: "p.toml",
            bytes: b("[[person]]\nid = \"john-doe\"\nen = \"John Doe\"\naffiliation = [{ org = \"no-such-org\" }]\n"),
            args: ACTORS,
            what: "no-such-org",
        },
        // ── cue packs (--cues) ───────────────────────────────────────────────
        Case { name: "cues: toml syntax", file: "c.toml", bytes: b("lang = \"en\"\n[[rule]\n"), args: CUES, what: "c.toml:2" },
        Case { name: "cues: unknown language", file: "c.toml", bytes: b("lang = \"fr\"\n"), args: CUES, what: "unknown language 'fr'" },
        Case {
            name: "cues: bad relation",
            file: "c.toml",
            bytes: b("lang = \"en\"\n\n[[rule]]\nid = \"en/supports/x\"\nrelation = \"support\"\nevent = \"x\"\ncues = [\"hug+\"]\n"),
            args: CUES,
            what: "unknown relation 'support'",
        },
        Case {
            name: "cues: duplicate rule ids",
            file: "c.toml",
            bytes: b("lang = \"en\"\n\n[[rule]]\nid = \"en/supports/welcome\"\nrelation = \"supports\"\nevent = \"x\"\ncues = [\"hug+\"]\n"),
            args: CUES,
            what: "en/supports/welcome",
        },
    ]
}

#[test]
fn catalogue() {
    // Two threads: each run loads the packs, which is slow in a debug build.
    let cases = cases();
    let (left, right) = cases.split_at(cases.len() / 2);
    let check = |part: &[Case]| -> Vec<String> {
        part.iter()
            .filter_map(|case| std::panic::catch_unwind(|| run_case(case)).err())
            .map(|e| {
                e.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            })
            .collect()
    };
    let failures: Vec<String> = std::thread::scope(|s| {
        let a = s.spawn(|| check(left));
        let b = check(right);
        let mut all = a.join().unwrap_or_default();
        all.extend(b);
        all
    });
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Prints the catalogue as a Markdown table (case → message) for
/// docs/RELIABILITY.md: `cargo test --test bad_inputs -- --ignored --nocapture print_catalogue`.
#[test]
#[ignore]
fn print_catalogue() {
    for case in cases() {
        let tmp = TempDir::new().unwrap();
        let input = tmp.path().join(case.file);
        std::fs::write(&input, &case.bytes).unwrap();
        let args: Vec<String> = case
            .args
            .iter()
            .filter(|a| **a != "-o" && **a != "{out}")
            .map(|a| {
                a.replace("{in}", input.to_str().unwrap())
                    .replace("{sample}", sample())
            })
            .collect();
        let out = cmd().args(&args).output().unwrap();
        let msg = String::from_utf8_lossy(&out.stderr)
            .trim()
            .replace(tmp.path().to_str().unwrap(), "DIR")
            .replace(env!("CARGO_MANIFEST_DIR"), ".");
        println!("| {} | `{}` |", case.name, msg.replace('|', "\\|"));
    }
}
