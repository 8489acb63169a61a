//! Issue 17: real-news robustness and the rough edges a new user hits.
//! Every input here is written for the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use stancegraph::extract::Options;
use stancegraph::graph::GraphJson;
use stancegraph::lexicon::Knowledge;
use std::path::Path;
use std::sync::OnceLock;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::embedded().unwrap())
}

fn sg() -> Command {
    Command::cargo_bin("stancegraph").unwrap()
}

fn graph_of(bytes: &[u8]) -> GraphJson {
    let doc = stancegraph::read_document("t", "t.txt", bytes, None).unwrap();
    stancegraph::extract_graph(&doc, kb(), &Options::default()).to_json()
}

fn edges(text: &str) -> Vec<String> {
    stancegraph::extract::edge_lines(&graph_of(text.as_bytes()).edges)
}

/// Every evidence span lies inside the text, in order, on char boundaries.
fn assert_spans_sound(text: &str, g: &GraphJson) {
    for e in &g.edges {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end && ev.end <= text.len(), "{ev:?}");
            assert!(
                ev.cue_start <= ev.cue_end && ev.cue_end <= text.len(),
                "{ev:?}"
            );
            assert!(text.get(ev.start..ev.end).is_some(), "{ev:?}");
            assert!(text.get(ev.cue_start..ev.cue_end).is_some(), "{ev:?}");
        }
    }
}

// ── 1. an inverted range in prep_targets ────────────────────────────────────

/// The signing verb takes its subject after it, and the subject runs on
/// past the clause's comma ("تركيا، وقطر"): the target search started at the
/// end of the subject, after the end of the clause, and `text[from..limit]`
/// panicked with "begin > end".
#[test]
fn issue_17_subject_coordinated_past_its_clause_does_not_panic() {
    for text in [
        "وقعت تركيا، وقطر مذكرة تفاهم مع حكومة الوفاق.",
        "لم توقع تركيا، وقطر أي اتفاق مع الجيش الوطني الليبي.",
        "وقعت مصر، والإمارات، وروسيا اتفاقا مع حفتر في القاهرة.",
    ] {
        let g = graph_of(text.as_bytes());
        assert_spans_sound(text, &g);
    }
}

// ── 2. one article's panic is that article's error ──────────────────────────

fn three_articles(dir: &Path) {
    std::fs::write(dir.join("a.txt"), "رحبت تركيا بحكومة الوفاق.").unwrap();
    std::fs::write(dir.join("b.txt"), "Egypt condemned Turkey.").unwrap();
    std::fs::write(dir.join("c.txt"), "Qatar welcomed the GNA.").unwrap();
}

/// `STANCEGRAPH_PANIC_IN=STAGE:ID` (a debug-build test hook) panics inside
/// one stage of one article; the run reports it in one line, writes the
/// others and exits 2. Every stage is tried.
#[test]
fn issue_17_a_panic_in_any_stage_is_a_soft_error() {
    for stage in stancegraph::stage::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        std::fs::create_dir(&input).unwrap();
        three_articles(&input);
        let out = tmp.path().join("out");
        let run = sg()
            .arg("extract")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .env(stancegraph::stage::PANIC_VAR, format!("{stage}:b"))
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.contains("Graphviz")).collect();
        let expected = format!(
            "stancegraph: {}: internal error in {stage}: injected by {}={stage}:b at src/stage.rs:",
            input.join("b.txt").display(),
            stancegraph::stage::PANIC_VAR
        );
        assert_eq!(lines.len(), 1, "{stage}: {stderr}");
        assert!(lines[0].starts_with(&expected), "{stage}: {stderr}");
        assert!(lines[0].ends_with("; please report"), "{stage}: {stderr}");
        assert!(out.join("a.json").exists() && out.join("c.json").exists());
        assert!(!out.join("b.json").exists());
        let all = GraphJson::parse(
            "all.json",
            &std::fs::read_to_string(out.join("all.json")).unwrap(),
        )
        .unwrap();
        let ids: Vec<&str> = all.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"], "{stage}");
    }
}

/// The same for a JSON Lines corpus: the panicking record is skipped.
#[test]
fn issue_17_a_panic_in_a_corpus_record_is_skipped() {
    let corpus = concat!(
        "{\"id\":\"a\",\"text\":\"Egypt condemned Turkey.\"}\n",
        "{\"id\":\"b\",\"text\":\"Qatar welcomed the GNA.\"}\n",
    );
    let run = sg()
        .args(["extract", "--input", "jsonl", "--output", "jsonl"])
        .env(stancegraph::stage::PANIC_VAR, "inference:b")
        .write_stdin(corpus)
        .assert()
        .code(2);
    let out = String::from_utf8_lossy(&run.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("{\"id\":\"a\""), "{out}");
    assert!(
        stderr.starts_with("stancegraph: -:2: internal error in inference: "),
        "{stderr}"
    );
}

// ── 4. a stray quote mark ───────────────────────────────────────────────────

/// A stray « after طرابلس and a reversed » « pair: the quotation closes at
/// «. and the next sentence is a sentence of its own.
#[test]
fn issue_17_stray_quote_does_not_swallow_the_article() {
    let text = "قال المصدر إن الجيش الوطني الليبي استهدف موقعا جنوب طرابلس«، مشيرا إلى أن »الجيش استهدف مخازن«. وأضاف أن تركيا تدعم حكومة الوفاق.";
    let g = graph_of(text.as_bytes());
    let backing = g
        .edges
        .iter()
        .find(|e| e.source == "turkey" && e.target == "gna")
        .expect("turkey supports gna");
    let ev = &backing.evidence[0];
    assert_eq!(ev.sentence, 1, "{ev:?}");
    assert!(ev.text.starts_with("وأضاف"), "{:?}", ev.text);
}

// ── 5. infix matches ────────────────────────────────────────────────────────

/// عدم inside بعدما is no negator: the signing stays a signing.
#[test]
fn issue_17_adam_inside_badama_is_no_negation() {
    let e = edges("بعدما وقع الرئيس التركي مع رئيس حكومة الوفاق مذكرة تفاهم، عاد إلى أنقرة.");
    assert!(
        e.iter()
            .any(|l| l.starts_with("gna negotiates-with turkey")),
        "{e:?}"
    );
    assert!(!e.iter().any(|l| l.contains("opposes")), "{e:?}");
}

/// Particles inside other words: لما ("when"), كلا ("both"), سلم ("handed
/// over") hold no لم / لا.
#[test]
fn issue_17_particles_inside_words_are_no_negation() {
    for text in [
        "لما وصل الوفد التركي إلى طرابلس التقى رئيس حكومة الوفاق.",
        "التقى المبعوث الأممي كلا من رئيس حكومة الوفاق وقائد الجيش الوطني الليبي.",
    ] {
        let e = edges(text);
        assert!(!e.iter().any(|l| l.contains("opposes")), "{text}: {e:?}");
        assert!(
            e.iter().any(|l| l.contains("negotiates-with")),
            "{text}: {e:?}"
        );
    }
}

/// Shoukry (شكري), Egypt's foreign minister, is no "thank" (شكر).
#[test]
fn issue_17_a_name_is_not_a_cue() {
    let e = edges("استقبل وزير الخارجية المصري سامح شكري نظيره التركي في القاهرة.");
    assert!(!e.iter().any(|l| l.contains("supports")), "{e:?}");
    let e = edges("وقال وزير الخارجية المصري شكري إن القاهرة تتابع الوضع في ليبيا.");
    assert!(!e.iter().any(|l| l.contains("supports")), "{e:?}");
}

// ── 6. one stray invalid byte ───────────────────────────────────────────────

fn extract_file(name: &str, bytes: &[u8]) -> (i32, String, GraphJson) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let run = sg().arg("extract").arg(&path).assert();
    let out = run.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let g = GraphJson::parse("-", &String::from_utf8_lossy(&out.stdout)).unwrap();
    (out.status.code().unwrap(), stderr, g)
}

/// One stray byte in English (0xC7 is an Arabic letter in cp1256, which
/// used to win): read as UTF-8 with U+FFFD, one warning line, exit 0, and
/// evidence offsets that still point into the file's bytes.
#[test]
fn issue_17_one_stray_byte_is_repaired_with_a_warning() {
    for stray in [0xC7u8, 0xE9, 0x93] {
        let bytes = [
            b"The talks opened in Geneva \xE2\x80\x94 calm. ".as_slice(),
            &[stray],
            b" Then Egypt condemned Turkey.",
        ]
        .concat();
        let at = bytes.iter().position(|&b| b == stray).unwrap();
        let (code, stderr, g) = extract_file("a.txt", &bytes);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let warning = format!("a.txt:{at}: warning: 1 invalid UTF-8 byte read as U+FFFD");
        assert!(stderr.contains(&warning), "{stderr}");
        let ev = &g.edges[0].evidence[0];
        assert_eq!(&bytes[ev.cue_start..ev.cue_end], b"condemned");
        // The sentence starts at the stray byte itself (its U+FFFD).
        assert_eq!(ev.start, at, "{ev:?}");
        assert!(bytes[ev.start..ev.end].ends_with(b" Then Egypt condemned Turkey."));
    }
}

/// The same in Arabic UTF-8, the stray byte before the stance.
#[test]
fn issue_17_stray_byte_in_arabic_keeps_offsets_into_the_file() {
    let bytes = [
        "عقد الاجتماع في جنيف. ".as_bytes(),
        &[0xFF],
        " ورحبت تركيا بحكومة الوفاق.".as_bytes(),
    ]
    .concat();
    let (code, stderr, g) = extract_file("a.txt", &bytes);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning: 1 invalid UTF-8 byte"), "{stderr}");
    let ev = &g.edges[0].evidence[0];
    let cue = std::str::from_utf8(&bytes[ev.cue_start..ev.cue_end]).unwrap();
    assert!(cue.contains("رحب"), "{cue}");
}

/// Windows-1256 Arabic is still read as such, without a warning; Latin text
/// with a few cp1256 "Arabic" bytes scattered in it is not Arabic.
#[test]
fn issue_17_cp1256_is_guessed_from_arabic_letters() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("رحبت تركيا بحكومة الوفاق.");
    let (code, stderr, g) = extract_file("a.txt", &bytes);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(
        stancegraph::extract::edge_lines(&g.edges),
        ["turkey supports gna 1"]
    );

    let latin = b"Egypt \xC7\xE1 condemned \xC8 Turkey \xCA over the deal.";
    let err = stancegraph::read_document("l", "l.txt", latin, None).unwrap_err();
    assert!(err.to_string().contains("does not read as Arabic"), "{err}");
}

// ── 7. every actor found is a node ──────────────────────────────────────────

const PRESENT: &str = "Egypt condemned Turkey. Officials from Qatar attended the meeting.";

#[test]
fn issue_17_actors_in_no_stance_are_nodes_by_default() {
    let g = graph_of(PRESENT.as_bytes());
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["egypt", "qatar", "turkey"]);
    let doc = stancegraph::read_document("t", "t.txt", PRESENT.as_bytes(), None).unwrap();
    let opts = Options {
        stance_only: true,
        ..Options::default()
    };
    let g = stancegraph::extract_graph(&doc, kb(), &opts).to_json();
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["egypt", "turkey"]);
}

#[test]
fn issue_17_isolated_nodes_are_drawn_lighter_with_their_mentions() {
    let run = sg()
        .args(["extract", "-", "--format", "dot"])
        .write_stdin(PRESENT)
        .assert()
        .success();
    let dot = String::from_utf8_lossy(&run.get_output().stdout).to_string();
    let qatar = dot
        .lines()
        .find(|l| l.starts_with("  \"qatar\"["))
        .expect("qatar node");
    assert!(qatar.contains("mentioned 1×"), "{qatar}");
    assert!(qatar.contains("class=\"isolated\""), "{qatar}");
    let egypt = dot
        .lines()
        .find(|l| l.starts_with("  \"egypt\"["))
        .expect("egypt node");
    assert!(!egypt.contains("isolated"), "{egypt}");
    let run = sg()
        .args(["extract", "-", "--format", "dot", "--stance-only"])
        .write_stdin(PRESENT)
        .assert()
        .success();
    let dot = String::from_utf8_lossy(&run.get_output().stdout).to_string();
    assert!(!dot.contains("\"qatar\""), "{dot}");
}

// ── 8. merge --input jsonl reads stdin ──────────────────────────────────────

#[test]
fn issue_17_merge_jsonl_reads_stdin_without_a_path() {
    let mapped = sg()
        .args(["extract", "--input", "jsonl", "--output", "jsonl"])
        .write_stdin(concat!(
            "{\"id\":\"a\",\"text\":\"Egypt condemned Turkey.\"}\n",
            "{\"id\":\"b\",\"text\":\"Egypt condemned Turkey again.\"}\n",
        ))
        .assert()
        .success();
    let lines = mapped.get_output().stdout.clone();
    let merged = sg()
        .args(["merge", "--input", "jsonl"])
        .write_stdin(lines)
        .assert()
        .success();
    let g = GraphJson::parse("-", &String::from_utf8_lossy(&merged.get_output().stdout)).unwrap();
    assert_eq!(
        stancegraph::extract::edge_lines(&g.edges),
        ["egypt opposes turkey 2"]
    );
    assert_eq!(g.documents.len(), 2);
}

// ── 9. binary formats to a redirected stdout ────────────────────────────────

/// Redirected (a pipe here, as `> a.png` is a file): the PNG is written.
#[test]
fn issue_17_png_to_a_redirected_stdout_is_written() {
    if !stancegraph::export::dot_available() {
        eprintln!("skipped: Graphviz is not installed");
        return;
    }
    let run = sg()
        .args(["extract", "-", "--format", "png"])
        .write_stdin(PRESENT)
        .assert()
        .success();
    assert!(run.get_output().stdout.starts_with(b"\x89PNG\r\n"));
}

/// On a terminal (a pseudo-terminal from `script`) it is still refused.
#[test]
fn issue_17_png_to_a_terminal_is_refused() {
    let script_ok = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !script_ok {
        eprintln!("skipped: no script(1) for a pseudo-terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("stancegraph");
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("a.txt");
    std::fs::write(&article, PRESENT).unwrap();
    let inner = format!(
        "{} extract {} --format png; echo \"exit=$?\"",
        bin.display(),
        article.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        screen.contains("png is binary and stdout is a terminal"),
        "{screen}"
    );
    assert!(screen.contains("exit=2"), "{screen}");
    assert!(!screen.contains("PNG"), "{screen}");
}

// ── 11. gold checkers find ../shared from the repository ─────────────────────

/// The two gold checkers run from a copy of the repository laid beside a
/// copy of the shared folder in a temporary directory: no absolute path.
#[test]
fn issue_17_gold_checkers_find_the_shared_folder_relatively() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if !shared.join("IDS.md").exists()
        || std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
    {
        eprintln!("skipped: no ../shared/eval or no python3");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("clone");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in ["IDS.md", "score.py"] {
        copy(&shared.join(f), &tmp.path().join("shared/eval").join(f));
    }
    copy(
        &root.join("tests/fresh/check_gold.py"),
        &repo.join("tests/fresh/check_gold.py"),
    );
    copy(
        &root.join("tests/data/check_gold.py"),
        &repo.join("tests/data/check_gold.py"),
    );
    for sub in ["gold", "articles"] {
        for entry in std::fs::read_dir(root.join("tests/fresh").join(sub)).unwrap() {
            let p = entry.unwrap().path();
            copy(
                &p,
                &repo
                    .join("tests/fresh")
                    .join(sub)
                    .join(p.file_name().unwrap()),
            );
        }
    }
    let fresh = std::process::Command::new("python3")
        .arg(repo.join("tests/fresh/check_gold.py"))
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        fresh.status.success(),
        "{}",
        String::from_utf8_lossy(&fresh.stdout)
    );
    let data = std::process::Command::new("python3")
        .arg(repo.join("tests/data/check_gold.py"))
        .arg(repo.join("tests/fresh/gold"))
        .arg(repo.join("tests/fresh/articles"))
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        data.status.success(),
        "{}{}",
        String::from_utf8_lossy(&data.stdout),
        String::from_utf8_lossy(&data.stderr)
    );
}

/// Audit of the embedded Arabic word lists (negators, cues, frames): words
/// that hold a listed word inside them without being clitic + that word
/// give no such hit; each control (clitic + word) still does.
#[test]
fn issue_17_no_cue_hides_inside_another_word() {
    use stancegraph::text::{normalize, tokenize};
    let hits = |word: &str| -> Vec<String> {
        let norm = normalize(word);
        let tokens = tokenize(&norm.text);
        kb().cues
            .matcher()
            .find(&norm.text, &tokens, (0, norm.text.len()))
            .into_iter()
            .map(|h| {
                format!(
                    "{:?}:{}",
                    kb().cues.payload(h.payload),
                    &norm.text[h.start..h.end]
                )
            })
            .collect()
    };
    // ب+عدم+ا, لم+ا, ك+لا, س+لم, ك+لم, لن+ا, ع+لم+ا: no negator inside
    // ("سلم", handed over, is a cue of its own, and stays one).
    for word in ["بعدما", "لما", "كلا", "سلم", "كلم", "لنا", "علما"] {
        let found = hits(word);
        assert!(
            !found.iter().any(|h| h.starts_with("Negator")),
            "{word}: {found:?}"
        );
    }
    // شكر+ي: a name, no cue at all.
    assert_eq!(hits("شكري"), Vec::<String>::new());
    for word in ["ولا", "فلم", "ولن", "بعدم", "لعدم", "وشكرت", "داعمي"] {
        assert!(!hits(word).is_empty(), "{word} should still be found");
    }
}
