//! Every byte-range slice of text in `src/extract/` is one thing's own
//! range, or goes through `extract::between` (issue 17).
//!
//! A token's, a mention's or a cue's own `start..end` (and `token_start..
//! start`, its clitics) is ordered by construction, and so is a pair of
//! offsets mapped back together (`os..oe`, `cue_start..cue_end`). A range
//! whose ends come from two different things is not: "the end of the
//! subject to the end of the clause" was inverted on a real article and
//! panicked. Such ranges must use `between`, which reads them as empty.

use std::path::Path;

/// The receivers that hold text (string slices), as `src/extract/` names them.
const TEXT_NAMES: &[&str] = &[
    "text",
    "original",
    "self.text()",
    "self.ctx.original",
    "doc.text",
    "w",
    "clause",
    "before",
    "word",
    "phrase",
];

/// Whether `range` (the inside of `[...]`) is one thing's own range.
fn own_range(range: &str) -> bool {
    let Some((a, b)) = range.split_once("..") else {
        return true; // an index, not a range
    };
    let (a, b) = (a.trim(), b.trim());
    // x.start..x.end, x.token_start..x.start, self.sentence.start..self.sentence.end
    if let (Some((oa, fa)), Some((ob, fb))) = (a.rsplit_once('.'), b.rsplit_once('.')) {
        return oa == ob
            && matches!(
                (fa, fb),
                ("start", "end") | ("token_start", "start") | ("token_start", "end")
            );
    }
    // os..oe, sent_start..sent_end, cue_start..cue_end: one mapped pair.
    if a == "os" && b == "oe" || a == "s" && b == "e" {
        return true;
    }
    matches!((a.strip_suffix("_start"), b.strip_suffix("_end")), (Some(x), Some(y)) if x == y)
}

/// Every `NAME[...]` with a range inside, as (line, receiver, range).
fn text_slices(source: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for name in TEXT_NAMES {
            let pattern = format!("{name}[");
            let mut from = 0;
            while let Some(i) = code[from..].find(&pattern) {
                let at = from + i;
                from = at + pattern.len();
                // A whole name: not the tail of a longer identifier.
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let Some(close) = code[from..].find(']') else {
                    continue;
                };
                let range = &code[from..from + close];
                if range.contains("..") {
                    out.push((n + 1, name.to_string(), range.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn every_text_slice_in_extract_is_an_own_range() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
    let mut bad = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("src/extract") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("source");
        for (line, name, range) in text_slices(&source) {
            seen += 1;
            if !own_range(&range) {
                bad.push(format!(
                    "{}:{line}: {name}[{range}]",
                    path.file_name().unwrap_or_default().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        seen > 10,
        "the scan found only {seen} slices: is it still looking?"
    );
    assert!(
        bad.is_empty(),
        "ranges across two things must use extract::between (an inverted range panics):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_audit_tells_own_ranges_from_crossed_ones() {
    assert!(own_range("t.start..t.end"));
    assert!(own_range("m.token_start..m.start"));
    assert!(own_range("self.sentence.start..self.sentence.end"));
    assert!(own_range("cue_start..cue_end"));
    assert!(!own_range("from..limit"));
    assert!(!own_range("a.end..b.token_start"));
    assert!(!own_range("m.end..self.sentence.end"));
    assert!(!own_range("raw.end.."));
    let found = text_slices("let g = &text[a.end..b.token_start]; let w = context[0..2];");
    assert_eq!(
        found,
        [(1, "text".to_string(), "a.end..b.token_start".to_string())]
    );
}
