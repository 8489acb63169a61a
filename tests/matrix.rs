//! The construction matrix (issue 15): every predicate class of
//! `data/cues/classes.toml` that gives sample forms, put into every
//! construction of `tests/matrix/constructions.toml` that applies to it, in
//! both languages, must give its expected edges and none of its forbidden
//! ones.
//!
//! Cells the engine does not handle yet are listed, one per line, in
//! `tests/matrix/gaps.txt`. The test fails on a failing cell that is not
//! listed and on a listed cell that now passes, so the list is always the
//! exact state of the engine. `MATRIX_BLESS=1 cargo test --test matrix`
//! rewrites it.

#[path = "common/edges.rs"]
mod edges;

use edges::edges_of;
use serde::Deserialize;
use stancegraph::lexicon::{Knowledge, PredicateClass};
use stancegraph::model::Relation;
use std::collections::BTreeMap;

const CONSTRUCTIONS: &str = include_str!("matrix/constructions.toml");
const GAPS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/matrix/gaps.txt");
const ACTOR_SLOTS: [&str; 8] = ["A", "B", "C", "D", "M", "Am", "Adem", "Adm"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    actors: BTreeMap<String, BTreeMap<String, (String, String)>>,
    construction: Vec<Construction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Construction {
    id: String,
    lang: String,
    applies: String,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    b: Option<String>,
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
}

/// One cell: a sentence and the edges it must and must not give.
struct Cell {
    id: String,
    sentence: String,
    expect: Vec<String>,
    forbid: Vec<String>,
}

/// The placeholders of a template, in order.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn applies(c: &Construction, class: &PredicateClass) -> bool {
    match c.applies.as_str() {
        "any" => true,
        "mutual" => class.mutual,
        "directed" => !class.mutual,
        other => panic!("{}: unknown applies '{other}'", c.id),
    }
}

/// The edges named by role letters ("A B"), as "src relation tgt" lines;
/// a mutual class's edges hold both ways.
fn edges(
    pairs: &[String],
    class: &PredicateClass,
    actors: &BTreeMap<String, (String, String)>,
    both_ways: bool,
) -> Vec<String> {
    let rel = class.relation();
    let mut out = Vec::new();
    for pair in pairs {
        let (a, b) = pair.split_once(' ').expect("edge is 'X Y'");
        let (a, b) = (&actors[a].1, &actors[b].1);
        out.push(format!("{a} {rel} {b}"));
        if both_ways && class.mutual && rel != Relation::NegotiatesWith {
            out.push(format!("{b} {rel} {a}"));
        }
    }
    out
}

/// Fills a template with a class's forms, then the actors.
fn fill(c: &Construction, class: &PredicateClass, table: &Table) -> Option<String> {
    let actors = &table.actors[&c.lang];
    for need in &c.needs {
        class.sample(&c.lang, need)?;
    }
    let mut text = c.text.clone();
    for name in placeholders(&c.text) {
        if ACTOR_SLOTS.contains(&name) {
            continue;
        }
        let form = class.sample(&c.lang, name)?;
        text = text.replace(&format!("{{{name}}}"), &form);
    }
    if let Some(b) = &c.b {
        text = text.replace("{B}", b);
    }
    // Longest slot names first: {Am}, {Adm} and {Adem} before {A}.
    let mut slots = ACTOR_SLOTS;
    slots.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for slot in slots {
        text = text.replace(&format!("{{{slot}}}"), &actors[slot].0);
    }
    Some(text)
}

fn cells(kb: &Knowledge) -> Vec<Cell> {
    let table: Table = toml::from_str(CONSTRUCTIONS).expect("constructions.toml parses");
    let mut out = Vec::new();
    for class in &kb.cues.classes.classes {
        for c in &table.construction {
            if !applies(c, class) {
                continue;
            }
            let Some(sentence) = fill(c, class, &table) else {
                continue;
            };
            let actors = &table.actors[&c.lang];
            out.push(Cell {
                id: format!("{} × {}", c.id, class.name),
                sentence,
                expect: edges(&c.expect, class, actors, true),
                forbid: edges(&c.forbid, class, actors, false),
            });
        }
    }
    out
}

/// Why a cell fails, or None.
fn check(kb: &Knowledge, cell: &Cell) -> Option<String> {
    let found = edges_of(kb, &cell.sentence);
    let missing: Vec<&String> = cell.expect.iter().filter(|e| !found.contains(e)).collect();
    let wrong: Vec<&String> = cell.forbid.iter().filter(|e| found.contains(e)).collect();
    if missing.is_empty() && wrong.is_empty() {
        None
    } else {
        Some(format!(
            "«{}»: missing {missing:?}, forbidden {wrong:?}, found {found:?}",
            cell.sentence
        ))
    }
}

#[test]
fn every_class_in_every_construction() {
    let kb = Knowledge::embedded().expect("embedded packs load");
    let cells = cells(&kb);
    assert!(
        cells.len() >= 400,
        "the matrix has only {} cells; issue 15 asks for at least 400",
        cells.len()
    );
    let known: Vec<String> = std::fs::read_to_string(GAPS_PATH)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let mut failing = Vec::new();
    let mut report = Vec::new();
    for cell in &cells {
        if let Some(why) = check(&kb, cell) {
            if !known.contains(&cell.id) {
                report.push(format!("new failure {}: {why}", cell.id));
            }
            failing.push(cell.id.clone());
        }
    }
    let ids: Vec<&String> = cells.iter().map(|c| &c.id).collect();
    for gap in &known {
        if !failing.contains(gap) {
            report.push(if ids.contains(&gap) {
                format!("{gap} passes now: remove it from tests/matrix/gaps.txt")
            } else {
                format!("{gap} is no cell of the matrix: remove it from tests/matrix/gaps.txt")
            });
        }
    }
    eprintln!(
        "construction matrix: {} cells, {} pass, {} listed as gaps",
        cells.len(),
        cells.len() - failing.len(),
        failing.len()
    );
    if std::env::var_os("MATRIX_BLESS").is_some() {
        let mut text = String::from(
            "# Cells of the construction matrix the engine does not handle yet\n\
             # (tests/matrix.rs; rewrite with MATRIX_BLESS=1 cargo test --test matrix).\n",
        );
        for id in &failing {
            text.push_str(id);
            text.push('\n');
        }
        std::fs::write(GAPS_PATH, text).expect("gaps.txt written");
        return;
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_class_with_samples_is_in_the_matrix_in_both_languages() {
    let kb = Knowledge::embedded().expect("embedded packs load");
    let cells = cells(&kb);
    for class in kb
        .cues
        .classes
        .classes
        .iter()
        .filter(|c| !c.sample.is_empty())
    {
        for lang in ["en", "ar"] {
            let n = cells
                .iter()
                .filter(|c| c.id.starts_with(lang) && c.id.ends_with(&format!("× {}", class.name)))
                .count();
            assert!(n >= 5, "class {} has only {n} {lang} cells", class.name);
        }
    }
}
