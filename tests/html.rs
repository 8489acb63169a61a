//! The HTML report (issue 18): every node and edge findable by its data
//! attribute, nothing loaded from the network, a bounded size, Arabic that
//! runs right to left, evidence cut around its cue, and the diff and
//! timeline pages. The same checks run on both drawers: our own circle
//! always, Graphviz when `dot` is installed (required in CI).

use assert_cmd::Command;
use serde_json::Value;
use stancegraph::corpus::SliceJson;
use stancegraph::diff::diff;
use stancegraph::export::html::{diff_page, graph_page, timeline_page, Drawer};
use stancegraph::export::{dot_available, export, ExportOptions, Format};
use stancegraph::graph::{DocumentJson, EdgeJson, EvidenceJson, GraphJson, NodeJson, SCHEMA};
use stancegraph::Relation;
use std::collections::BTreeMap;

fn node(id: &str, en: &str, ar: &str, kind: &str) -> NodeJson {
    let mut labels = BTreeMap::new();
    if !ar.is_empty() {
        labels.insert("ar".to_string(), ar.to_string());
    }
    labels.insert("en".to_string(), en.to_string());
    NodeJson {
        id: id.to_string(),
        label: en.to_string(),
        labels,
        kind: kind.to_string(),
        mentions: 2,
    }
}

/// One statement whose cue is found by its byte offsets in `text`, the
/// sentence starting at byte `at` of its document.
fn statement(
    doc: &str,
    at: usize,
    text: &str,
    cue: &str,
    rule: &str,
    confidence: f64,
) -> EvidenceJson {
    let cue_at = text.find(cue).expect("cue in text");
    EvidenceJson {
        document: doc.to_string(),
        sentence: at / 100,
        start: at,
        end: at + text.len(),
        text: text.to_string(),
        cue: cue.to_string(),
        cue_start: at + cue_at,
        cue_end: at + cue_at + cue.len(),
        event: "test".to_string(),
        rule: rule.to_string(),
        confidence,
    }
}

fn stance(source: &str, relation: Relation, target: &str, evidence: Vec<EvidenceJson>) -> EdgeJson {
    EdgeJson {
        source: source.to_string(),
        target: target.to_string(),
        relation,
        weight: evidence.len() as u32,
        confidence: 0.8,
        evidence,
    }
}

fn document(id: &str, lang: &str, date: &str) -> DocumentJson {
    DocumentJson {
        id: id.to_string(),
        path: format!("{id}.txt"),
        lang: lang.to_string(),
        // Distinct per document: a merge counts one text once.
        sha256: format!(
            "{:0>64}",
            id.bytes().map(|b| format!("{b:02x}")).collect::<String>()
        ),
        date: (!date.is_empty()).then(|| date.to_string()),
        url: None,
        mentions: BTreeMap::new(),
    }
}

const AR_SENTENCE: &str = "وقال المتحدث إن القاهرة ترحب بالاتفاق الجديد بين الطرفين.";
const EN_SENTENCE: &str = "The council said it firmly rejects the plan put forward by the army.";
const NEGATED: &str = "The mission did not welcome the move by the council.";

/// A small graph written for these tests: Arabic and English evidence, two
/// stances on one pair, a negated one, and an actor in no stance.
fn small() -> GraphJson {
    GraphJson {
        schema: SCHEMA.to_string(),
        documents: vec![
            document("ar-one", "ar", "2020-06-01"),
            document("en-one", "en", "2020-06-09"),
        ],
        nodes: vec![
            node("army", "The Army", "الجيش", "armed-group"),
            node("cairo", "Cairo", "القاهرة", "state"),
            node("council", "The Council", "المجلس", "government"),
            node("lonely", "Lonely Observer", "", "igo"),
            node("mission", "The Mission", "البعثة", "mission"),
        ],
        edges: vec![
            stance(
                "cairo",
                Relation::Supports,
                "council",
                vec![statement(
                    "ar-one",
                    300,
                    AR_SENTENCE,
                    "ترحب",
                    "ar/supports/welcome",
                    0.8,
                )],
            ),
            stance(
                "council",
                Relation::Opposes,
                "army",
                vec![statement(
                    "en-one",
                    0,
                    EN_SENTENCE,
                    "rejects",
                    "en/opposes/reject",
                    0.8,
                )],
            ),
            stance(
                "council",
                Relation::NegotiatesWith,
                "army",
                vec![statement(
                    "en-one",
                    120,
                    "The council met the army in the capital.",
                    "met",
                    "en/negotiates/meet",
                    0.42,
                )],
            ),
            stance(
                "mission",
                Relation::Opposes,
                "council",
                vec![statement(
                    "en-one",
                    400,
                    NEGATED,
                    "welcome",
                    "en/supports/welcome",
                    0.7,
                )],
            ),
        ],
    }
}

/// The drawers to test on this machine; Graphviz is required in CI.
fn drawers() -> Vec<Drawer> {
    if dot_available() {
        vec![Drawer::Circle, Drawer::Graphviz]
    } else {
        assert_ne!(
            std::env::var("STANCEGRAPH_REQUIRE_DOT").as_deref(),
            Ok("1"),
            "Graphviz `dot` is not on PATH but STANCEGRAPH_REQUIRE_DOT=1"
        );
        eprintln!("html: Graphviz `dot` is not on PATH; testing our own layout only");
        vec![Drawer::Circle]
    }
}

fn page(g: &GraphJson, drawer: Drawer) -> String {
    String::from_utf8(graph_page(g, &ExportOptions::default(), drawer).unwrap()).unwrap()
}

/// The JSON data island.
fn island(page: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"graph-data\">";
    let start = page.find(open).expect("data island") + open.len();
    let len = page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..start + len]).expect("island is JSON")
}

/// Every value of `attr="…"` in the page, unescaped.
fn attribute_values(page: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    page.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &page[i + needle.len()..];
            let v = &rest[..rest.find('"').unwrap()];
            v.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

fn assert_every_node_and_edge_is_tagged(page: &str, what: &str) {
    let data = island(page);
    let mut ids = attribute_values(page, "data-id");
    ids.sort();
    let mut want: Vec<String> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert_eq!(ids, want, "{what}: data-id per node");
    let mut keys = attribute_values(page, "data-edge");
    keys.sort();
    let mut want: Vec<String> = data["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert_eq!(keys, want, "{what}: data-edge per edge");
}

#[test]
fn every_node_and_edge_carries_its_data_attribute() {
    for drawer in drawers() {
        let p = page(&small(), drawer);
        assert_every_node_and_edge_is_tagged(&p, &format!("{drawer:?}"));
        let keys = attribute_values(&p, "data-edge");
        assert!(
            keys.contains(&"council opposes army".to_string()),
            "{keys:?}"
        );
        assert!(
            keys.contains(&"council negotiates-with army".to_string()),
            "{keys:?}"
        );
    }
}

#[test]
fn the_samples_graph_is_fully_tagged() {
    let path = "output/all.json";
    let g = GraphJson::parse(path, &std::fs::read_to_string(path).unwrap()).unwrap();
    for drawer in drawers() {
        assert_every_node_and_edge_is_tagged(&page(&g, drawer), &format!("samples, {drawer:?}"));
    }
}

#[test]
fn the_page_loads_nothing_from_the_network() {
    let mut g = small();
    g.documents[1].url = Some("https://news.example.org/a".to_string());
    for drawer in drawers() {
        let p = page(&g, drawer);
        assert!(
            p.contains("Content-Security-Policy\" content=\"default-src 'none'"),
            "{drawer:?}"
        );
        // The island may name a source URL (a link the reader can follow);
        // nothing outside it may point at the network, namespaces aside.
        let start = p.find("id=\"graph-data\">").unwrap();
        let end = start + p[start..].find("</script>").unwrap();
        let outside = format!("{}{}", &p[..start], &p[end..]);
        let outside = outside
            .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
            .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
        for bad in [
            "http://",
            "https://",
            "@import",
            " src=",
            "<link",
            "//cdn",
            "fonts.googleapis",
        ] {
            assert!(!outside.contains(bad), "{drawer:?}: page holds {bad:?}");
        }
        assert!(
            !outside.contains("<!DOCTYPE svg"),
            "{drawer:?}: Graphviz's DOCTYPE left in"
        );
    }
}

/// 200 actors, 1,000 stances, two statements each of about 190 bytes.
fn thousand_edges() -> GraphJson {
    let nodes: Vec<NodeJson> = (0..200)
        .map(|i| {
            node(
                &format!("actor-{i:03}"),
                &format!("Actor number {i}"),
                &format!("الفاعل رقم {i}"),
                ["state", "armed-group", "igo", "government"][i % 4],
            )
        })
        .collect();
    let mut edges = Vec::new();
    for k in 0..1000usize {
        let s = k % 200;
        let t = (s + 1 + k / 200 * 7) % 200;
        let relation = [
            Relation::Supports,
            Relation::Opposes,
            Relation::NegotiatesWith,
        ][k % 3];
        let (s, t) = if relation == Relation::NegotiatesWith && t < s {
            (t, s)
        } else {
            (s, t)
        };
        let text = format!("In statement {k}, a spokesman said that actor {s} firmly backs the position that actor {t} took at the talks in the capital last week.");
        let ev = (0..2)
            .map(|j| {
                statement(
                    &format!("doc-{}", k % 50),
                    j * 1000 + k,
                    &text,
                    "backs",
                    "en/supports/back",
                    0.8,
                )
            })
            .collect();
        edges.push(stance(&nodes[s].id, relation, &nodes[t].id, ev));
    }
    edges.sort_by(|a, b| {
        (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
    });
    edges.dedup_by(|a, b| (&a.source, &a.target, a.relation) == (&b.source, &b.target, b.relation));
    GraphJson {
        schema: SCHEMA.to_string(),
        documents: (0..50)
            .map(|i| document(&format!("doc-{i}"), "en", "2020-06-01"))
            .collect(),
        nodes,
        edges,
    }
}

#[test]
fn a_thousand_edge_graph_stays_under_five_megabytes() {
    let g = thousand_edges();
    assert!(g.edges.len() >= 990, "{}", g.edges.len());
    // Graphviz would take minutes on this graph (see GRAPHVIZ_MAX_EDGES):
    // the automatic choice draws it with our own layout.
    for drawer in [Drawer::Auto, Drawer::Circle] {
        let started = std::time::Instant::now();
        let p = page(&g, drawer);
        eprintln!(
            "html: {} edges, {drawer:?}: {} bytes in {:.1} s",
            g.edges.len(),
            p.len(),
            started.elapsed().as_secs_f64()
        );
        assert!(p.len() < 5_000_000, "{drawer:?}: {} bytes", p.len());
        assert!(
            p.contains("data-layout=\"stancegraph circle\""),
            "{drawer:?}"
        );
        assert_every_node_and_edge_is_tagged(&p, &format!("1,000 edges, {drawer:?}"));
    }
}

#[test]
fn arabic_reads_right_to_left() {
    for drawer in drawers() {
        let p = page(&small(), drawer);
        // Each label line is isolated, as in the DOT export.
        assert!(
            p.contains("\u{2068}القاهرة\u{2069}"),
            "{drawer:?}: isolated Arabic label"
        );
        // Free text takes its direction from its first strong letter.
        assert!(p.contains("<h1 dir=\"auto\">"));
        assert!(p.contains("<input id=\"search\" type=\"search\" dir=\"auto\""));
        assert!(
            p.contains("'blockquote', {class: 'evidence', dir: 'auto'"),
            "evidence quotes get dir=auto"
        );
        // An Arabic-capable font stack, installed fonts only.
        assert!(p.contains("\"Noto Sans Arabic\""));
        assert!(p.contains("\"Noto Naskh Arabic\""));
        let data = island(&p);
        let ev = &data["edges"][0]["sides"][0]["evidence"][0];
        assert_eq!(ev["cue"], "ترحب");
        assert_eq!(data["documents"][0]["lang"], "ar");
    }
}

#[test]
fn evidence_is_cut_around_its_cue_with_its_marks() {
    let data = island(&page(&small(), Drawer::Circle));
    let edges = data["edges"].as_array().unwrap();
    let find = |key: &str| {
        edges
            .iter()
            .find(|e| e["key"] == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    let ev = &find("council opposes army")["sides"][0]["evidence"][0];
    assert_eq!(ev["pre"], "The council said it firmly ");
    assert_eq!(ev["cue"], "rejects");
    assert_eq!(ev["post"], " the plan put forward by the army.");
    assert_eq!(ev["rule"], "en/opposes/reject");
    assert!(ev.get("marks").is_none(), "{ev}");
    let ar = &find("cairo supports council")["sides"][0]["evidence"][0];
    assert_eq!(
        format!(
            "{}{}{}",
            ar["pre"].as_str().unwrap(),
            ar["cue"].as_str().unwrap(),
            ar["post"].as_str().unwrap()
        ),
        AR_SENTENCE
    );
    assert_eq!(ar["pre"], "وقال المتحدث إن القاهرة ");
    // A support rule behind an opposing edge was negated.
    assert_eq!(
        find("mission opposes council")["sides"][0]["evidence"][0]["marks"],
        serde_json::json!(["negated"])
    );
    // Confidence scaled down by a hedge.
    assert_eq!(
        find("council negotiates-with army")["sides"][0]["evidence"][0]["marks"],
        serde_json::json!(["hedged"])
    );
    // Offsets that do not fit the sentence: the cue is found by its words.
    let mut g = small();
    g.edges[1].evidence[0].cue_start = 9_999;
    let data = island(&page(&g, Drawer::Circle));
    assert_eq!(
        data["edges"][1]["sides"][0]["evidence"][0]["cue"],
        "rejects"
    );
}

#[test]
fn isolated_actors_are_drawn_lighter() {
    let data = island(&page(&small(), Drawer::Circle));
    let lonely = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "lonely")
        .unwrap();
    assert_eq!(lonely["isolated"], true);
    let p = page(&small(), Drawer::Circle);
    assert!(p.contains("class=\"node isolated\" data-id=\"lonely\""));
    assert!(p.contains(".isolated { opacity: .45; }"));
}

#[test]
fn nothing_in_the_data_can_close_its_script() {
    let mut g = small();
    g.edges[0].evidence[0].text =
        "He wrote </script><script>alert(1)</script> and ترحب here.".to_string();
    g.nodes[0].label = "</script>".to_string();
    let p = page(&g, Drawer::Circle);
    assert_eq!(
        p.matches("<script").count(),
        3,
        "the error catcher, the island and the app"
    );
    let data = island(&p);
    let ev = &data["edges"][0]["sides"][0]["evidence"][0];
    let sentence = ["pre", "cue", "post"]
        .map(|k| ev[k].as_str().unwrap())
        .concat();
    assert_eq!(
        sentence, g.edges[0].evidence[0].text,
        "the sentence survives whole"
    );
}

#[test]
fn pages_are_deterministic() {
    for drawer in drawers() {
        assert_eq!(page(&small(), drawer), page(&small(), drawer), "{drawer:?}");
    }
    let via_export = export(&small(), Format::Html, &ExportOptions::default()).unwrap();
    assert_eq!(via_export.len(), 1);
    assert!(via_export[0].bytes.starts_with(b"<!DOCTYPE html>"));
}

#[test]
fn diff_page_marks_changes_and_keeps_both_sides() {
    let a = small();
    let mut b = small();
    // Removed: cairo supports council. Added: army opposes mission.
    // Flipped: council opposes army becomes council supports army.
    b.edges.retain(|e| e.source != "cairo");
    b.edges
        .iter_mut()
        .filter(|e| e.relation == Relation::Opposes && e.source == "council")
        .for_each(|e| e.relation = Relation::Supports);
    b.edges.push(stance(
        "army",
        Relation::Opposes,
        "mission",
        vec![statement(
            "en-one",
            500,
            "The army accused the mission of bias.",
            "accused",
            "en/opposes/accuse",
            0.8,
        )],
    ));
    b.edges.sort_by(|x, y| {
        (&x.source, &x.target, x.relation).cmp(&(&y.source, &y.target, y.relation))
    });
    let d = diff(&a, &b, false);
    for drawer in drawers() {
        let p =
            String::from_utf8(diff_page(&a, &b, &d, &ExportOptions::default(), drawer).unwrap())
                .unwrap();
        assert_every_node_and_edge_is_tagged(&p, &format!("diff, {drawer:?}"));
        let data = island(&p);
        assert_eq!(data["mode"], "diff");
        let edges = data["edges"].as_array().unwrap();
        let find = |key: &str| {
            edges
                .iter()
                .find(|e| e["key"] == key)
                .unwrap_or_else(|| panic!("{key}: {edges:?}"))
        };
        assert_eq!(find("cairo supports council")["status"], "removed");
        assert_eq!(find("cairo supports council")["sides"][0]["name"], "before");
        assert_eq!(find("army opposes mission")["status"], "added");
        let flip = find("council supports army");
        assert_eq!(flip["status"], "changed");
        let sides: Vec<(&str, &str)> = flip["sides"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["name"].as_str().unwrap(), s["relation"].as_str().unwrap()))
            .collect();
        assert_eq!(sides, [("before", "opposes"), ("after", "supports")]);
        assert_eq!(flip["sides"][0]["evidence"][0]["cue"], "rejects");
        assert_eq!(find("council negotiates-with army")["status"], "same");
        assert_eq!(data["styles"]["marks"]["added"], "#1b9e1b");
    }
}

#[test]
fn timeline_page_has_one_side_per_slice() {
    let g = small();
    let first = GraphJson {
        documents: vec![g.documents[0].clone()],
        edges: vec![g.edges[0].clone()],
        ..g.clone()
    };
    let second = GraphJson {
        documents: vec![g.documents[1].clone()],
        edges: g.edges[1..].to_vec(),
        ..g.clone()
    };
    let slice = |name: &str, day: &str| SliceJson {
        slice: name.to_string(),
        start: day.to_string(),
        end: day.to_string(),
        graph: format!("{name}.json"),
        documents: 1,
        nodes: 5,
        edges: 1,
    };
    let slices = vec![
        (slice("2020-W23", "2020-06-01"), first),
        (slice("2020-W24", "2020-06-08"), second),
    ];
    for drawer in drawers() {
        let p =
            String::from_utf8(timeline_page(&slices, &ExportOptions::default(), drawer).unwrap())
                .unwrap();
        assert_every_node_and_edge_is_tagged(&p, &format!("timeline, {drawer:?}"));
        let data = island(&p);
        assert_eq!(data["mode"], "timeline");
        assert_eq!(data["slices"].as_array().unwrap().len(), 2);
        let edges = data["edges"].as_array().unwrap();
        let cairo = edges
            .iter()
            .find(|e| e["key"] == "cairo supports council")
            .unwrap();
        assert_eq!(cairo["sides"].as_array().unwrap().len(), 1);
        assert_eq!(cairo["sides"][0]["name"], "2020-W23");
        let council = edges
            .iter()
            .find(|e| e["key"] == "council opposes army")
            .unwrap();
        assert_eq!(council["sides"][0]["name"], "2020-W24");
        assert!(p.contains("id=\"slice\" type=\"range\""));
    }
}

#[test]
fn cli_infers_html_and_writes_diff_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.html");
    Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["render", "output/all.json", "-o"])
        .arg(&out)
        .assert()
        .success();
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_every_node_and_edge_is_tagged(&page, "render -o all.html");

    let diffed = Command::cargo_bin("stancegraph")
        .unwrap()
        .args([
            "diff",
            "output/ar-wire.json",
            "output/en-wire.json",
            "--format",
            "html",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diffed = String::from_utf8(diffed).unwrap();
    assert_every_node_and_edge_is_tagged(&diffed, "diff --format html");
    assert_eq!(island(&diffed)["mode"], "diff");
}
