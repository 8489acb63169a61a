//! Export formats: every format parses back with an independent reader and
//! keeps nasty labels intact; views filter the same way for every format;
//! output is deterministic. Tests that need Graphviz's `dot` skip with a note
//! when it is missing, and fail instead under `STANCEGRAPH_REQUIRE_DOT=1`.

use quick_xml::events::Event;
use serde_json::Value;
use stancegraph::export::{
    dot_available, export, output_path, ExportOptions, Format, Labels, Layout, View,
};
use stancegraph::graph::{EdgeJson, EvidenceJson, GraphJson, NodeJson, SCHEMA};
use stancegraph::Relation;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const NASTY_EN: &str = "Say \"no\" to C:\\temp <&> now\nsecond line";
const NASTY_AR: &str = "قوات \"الوفاق\" 5+5 و UN-2020 <&>";
const NASTY_EVIDENCE: &str = "He said: \"5+5, <yes> & \\no\"\r\nوقال: \"لا\", fine";

fn node(id: &str, en: &str, ar: &str, kind: &str, mentions: u32) -> NodeJson {
    let mut labels = BTreeMap::new();
    if !ar.is_empty() {
        labels.insert("ar".to_string(), ar.to_string());
    }
    if !en.is_empty() {
        labels.insert("en".to_string(), en.to_string());
    }
    NodeJson {
        id: id.to_string(),
        label: en.to_string(),
        labels,
        kind: kind.to_string(),
        mentions,
    }
}

fn edge(source: &str, relation: Relation, target: &str, weight: u32, text: &str) -> EdgeJson {
    let evidence = (0..weight)
        .map(|i| EvidenceJson {
            document: "doc".to_string(),
            sentence: i as usize,
            start: 0,
            end: text.len(),
            text: text.to_string(),
            cue: "said".to_string(),
            cue_start: 0,
            cue_end: 0,
            event: "reject".to_string(),
            rule: "test/rule".to_string(),
            confidence: 0.5,
        })
        .collect();
    EdgeJson {
        source: source.to_string(),
        target: target.to_string(),
        relation,
        weight,
        confidence: 0.75,
        evidence,
    }
}

/// Five actors, one of each trap; parallel edges between `a` and `b`.
fn nasty() -> GraphJson {
    GraphJson {
        schema: SCHEMA.to_string(),
        documents: vec![],
        nodes: vec![
            node("a", NASTY_EN, NASTY_AR, "state", 3),
            node("b", "Back\\slash", "حفتر", "armed-group", 2),
            node("حكومة", "", "حكومة الوفاق 2016", "government", 1),
            node("m", "Media & <Co>", "", "media", 1),
            node("lonely", "Nobody", "لا أحد", "person", 0),
        ],
        edges: vec![
            edge("a", Relation::Supports, "b", 1, NASTY_EVIDENCE),
            edge("a", Relation::Opposes, "b", 3, "a opposes b"),
            edge("a", Relation::NegotiatesWith, "حكومة", 2, "talks"),
            edge("m", Relation::Opposes, "a", 1, ""),
        ],
    }
}

fn sample() -> GraphJson {
    let path = "tests/fixtures/sample-graph.json";
    GraphJson::parse(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn one(g: &GraphJson, format: Format, opts: &ExportOptions) -> String {
    let out = export(g, format, opts).unwrap();
    assert_eq!(out.len(), 1, "{format}");
    assert_eq!(out[0].suffix, "", "{format}");
    String::from_utf8(out[0].bytes.clone()).unwrap()
}

fn both() -> ExportOptions {
    ExportOptions::default()
}

fn expected_labels(g: &GraphJson, labels: Labels) -> BTreeMap<String, String> {
    g.nodes
        .iter()
        .map(|n| (n.id.clone(), labels.text(n)))
        .collect()
}

/// Skips (returns false) when `dot` is missing, unless CI requires it.
fn need_dot(test: &str) -> bool {
    if dot_available() {
        return true;
    }
    if std::env::var("STANCEGRAPH_REQUIRE_DOT").as_deref() == Ok("1") {
        panic!("{test}: Graphviz `dot` is not on PATH but STANCEGRAPH_REQUIRE_DOT=1");
    }
    eprintln!("{test}: skipped, Graphviz `dot` is not on PATH (apt-get install graphviz)");
    false
}

// ---------------------------------------------------------------- labels

#[test]
fn labels_choose_language_and_fall_back() {
    let g = nasty();
    let a = &g.nodes[0];
    assert_eq!(Labels::Ar.text(a), NASTY_AR);
    assert_eq!(Labels::En.text(a), NASTY_EN);
    assert_eq!(Labels::Both.text(a), format!("{NASTY_AR}\n{NASTY_EN}"));
    let gov = &g.nodes[2]; // Arabic only
    assert_eq!(Labels::En.text(gov), "حكومة الوفاق 2016");
    assert_eq!(Labels::Both.text(gov), "حكومة الوفاق 2016");
    let media = &g.nodes[3]; // English only
    assert_eq!(Labels::Ar.text(media), "Media & <Co>");
    let bare = node("x", "", "", "state", 0);
    assert_eq!(Labels::Both.text(&bare), "x");
}

// ---------------------------------------------------------------- DOT

fn dot_unescape(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(quoted);
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn id_text(id: &graphviz_rust::dot_structures::Id) -> String {
    use graphviz_rust::dot_structures::Id;
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

/// (node id → label, edges as (source, target, class)) from parsed DOT.
type DotSummary = (BTreeMap<String, String>, Vec<(String, String, String)>);

fn dot_summary(text: &str) -> DotSummary {
    use graphviz_rust::dot_structures::{EdgeTy, Graph, Stmt, Vertex};
    let graph = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("not a digraph")
    };
    let mut nodes = BTreeMap::new();
    let mut edges = Vec::new();
    fn walk(
        stmts: &[Stmt],
        nodes: &mut BTreeMap<String, String>,
        edges: &mut Vec<(String, String, String)>,
    ) {
        for s in stmts {
            match s {
                Stmt::Node(n) => {
                    let id = dot_unescape(&id_text(&n.id.0));
                    if id.starts_with("_legend") {
                        continue;
                    }
                    let label = n
                        .attributes
                        .iter()
                        .find(|a| id_text(&a.0) == "label")
                        .map(|a| dot_unescape(&id_text(&a.1)))
                        .unwrap_or_default()
                        .replace(['\u{2068}', '\u{2069}'], "");
                    nodes.insert(id, label);
                }
                Stmt::Edge(e) => {
                    let EdgeTy::Pair(Vertex::N(s), Vertex::N(t)) = &e.ty else {
                        panic!("unexpected edge shape")
                    };
                    let class = e
                        .attributes
                        .iter()
                        .find(|a| id_text(&a.0) == "class")
                        .map(|a| dot_unescape(&id_text(&a.1)))
                        .unwrap_or_default();
                    edges.push((
                        dot_unescape(&id_text(&s.0)),
                        dot_unescape(&id_text(&t.0)),
                        class,
                    ));
                }
                Stmt::Subgraph(sub) => walk(&sub.stmts, nodes, edges),
                _ => {}
            }
        }
    }
    walk(&stmts, &mut nodes, &mut edges);
    (nodes, edges)
}

#[test]
fn dot_parses_back_with_labels_intact() {
    let g = nasty();
    for labels in Labels::ALL {
        let opts = ExportOptions { labels, ..both() };
        let text = one(&g, Format::Dot, &opts);
        let (nodes, edges) = dot_summary(&text);
        // A node in no stance also says how often it was mentioned.
        let mut want_nodes = expected_labels(&g, labels);
        for n in &g.nodes {
            if !g.edges.iter().any(|e| e.source == n.id || e.target == n.id) {
                let label = want_nodes.get_mut(&n.id).unwrap();
                label.push_str(&format!("\nmentioned {}×", n.mentions));
            }
        }
        assert_eq!(nodes, want_nodes, "{labels}");
        let want: Vec<(String, String, String)> = g
            .edges
            .iter()
            .map(|e| (e.source.clone(), e.target.clone(), e.relation.to_string()))
            .collect();
        assert_eq!(edges, want);
    }
}

#[test]
fn dot_styles_relations_and_has_a_legend() {
    let text = one(&nasty(), Format::Dot, &both());
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}\n{text}"))
            .to_string()
    };
    let supports = line(r#"class="supports""#);
    assert!(supports.contains(r##"color="#2e7d32""##), "{supports}");
    let opposes = line(r#"class="opposes""#);
    assert!(opposes.contains(r##"color="#c62828""##) && opposes.contains(r#"label="3""#));
    assert!(opposes.contains(r#"penwidth="2.3""#), "{opposes}");
    let talks = line(r#"class="negotiates-with""#);
    assert!(talks.contains(r#"style="dashed""#) && talks.contains(r#"dir="none""#));
    let evidence = line(r#""a" -> "b" [label="1""#);
    assert!(
        evidence.contains(r#"tooltip="He said: \"5+5, <yes> & \\no\"\nوقال: \"لا\", fine""#),
        "{evidence}"
    );
    assert!(text.contains("\"_legend\"[label=<<TABLE"));
    for r in ["supports", "opposes", "negotiates-with"] {
        assert!(text.contains(&format!(">{r}</TD>")), "legend lacks {r}");
    }
    assert!(text.contains(r#"fontname="DejaVu Sans""#));
    assert!(text.contains("\u{2068}حفتر\u{2069}\\n\u{2068}Back\\\\slash\u{2069}"));
}

#[test]
fn dot_is_deterministic_and_sorts_nodes_by_id() {
    let g = nasty();
    let first = one(&g, Format::Dot, &both());
    assert_eq!(first, one(&g, Format::Dot, &both()));
    let mut shuffled = g.clone();
    shuffled.nodes.reverse();
    assert_eq!(first, one(&shuffled, Format::Dot, &both()));
    let ids: Vec<String> = dot_summary(&first).0.into_keys().collect();
    let positions: Vec<usize> = ids
        .iter()
        .map(|id| first.find(&format!("\n  \"{id}\"[")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}

#[test]
fn dot_names_the_layout() {
    let opts = ExportOptions {
        layout: Layout::Neato,
        ..both()
    };
    let text = one(&sample(), Format::Dot, &opts);
    assert!(text.contains(r#"layout="neato""#) && text.contains(r#"overlap="false""#));
}

#[test]
fn dot_renders_svg_png_pdf() {
    if !need_dot("dot_renders_svg_png_pdf") {
        return;
    }
    for g in [nasty(), sample()] {
        for layout in Layout::ALL {
            let opts = ExportOptions { layout, ..both() };
            let svg = one(&g, Format::Svg, &opts);
            assert!(svg.contains("<svg") && svg.contains("</svg>"), "{layout}");
        }
        let png = &export(&g, Format::Png, &both()).unwrap()[0].bytes;
        assert!(png.starts_with(b"\x89PNG"));
        let pdf = &export(&g, Format::Pdf, &both()).unwrap()[0].bytes;
        assert!(pdf.starts_with(b"%PDF"));
    }
    // What Graphviz drew is what the labels say (SVG text is XML-escaped).
    let svg = one(&nasty(), Format::Svg, &both());
    for text in [
        "Back\\slash",
        "Say &quot;no&quot; to C:\\temp &lt;&amp;&gt; now",
        "second line",
        "Media &amp; &lt;Co&gt;",
    ] {
        assert!(svg.contains(text), "{text} not in SVG\n{svg}");
    }
    let svg = one(&sample(), Format::Svg, &both());
    assert!(svg.contains("الجيش الوطني الليبي") && svg.contains("negotiates&#45;with"));
}

#[test]
fn drawing_without_dot_says_how_to_install_it() {
    if dot_available() {
        eprintln!("drawing_without_dot_says_how_to_install_it: skipped, `dot` is installed");
        return;
    }
    let err = export(&sample(), Format::Svg, &both())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("dot: Graphviz is not installed"), "{err}");
    assert!(err.contains("apt-get install graphviz"), "{err}");
}

// ---------------------------------------------------------------- JSON formats

fn json(g: &GraphJson, format: Format) -> Value {
    serde_json::from_str(&one(g, format, &both())).unwrap()
}

#[test]
fn json_is_the_contract_after_the_view() {
    let g = nasty();
    let back = GraphJson::parse("out.json", &one(&g, Format::Json, &both())).unwrap();
    assert_eq!(back, g);
}

#[test]
fn node_link_parses_back() {
    let g = nasty();
    let v = json(&g, Format::NodeLink);
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"], serde_json::json!({}));
    let labels = expected_labels(&g, Labels::Both);
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), g.nodes.len());
    for n in nodes {
        let id = n["id"].as_str().unwrap();
        assert_eq!(n["label"].as_str().unwrap(), labels[id]);
    }
    assert_eq!(nodes[0]["label_en"], NASTY_EN);
    assert_eq!(nodes[0]["label_ar"], NASTY_AR);
    let edges = v["edges"].as_array().unwrap();
    assert_eq!(edges.len(), g.edges.len());
    assert_eq!(edges[0]["key"], "supports");
    assert_eq!(edges[0]["evidence_text"], NASTY_EVIDENCE);
    assert_eq!(edges[1]["weight"], 3);
    assert_eq!(edges[1]["confidence"], 0.75);
}

#[test]
fn cytoscape_parses_back() {
    let g = nasty();
    let v = json(&g, Format::Cytoscape);
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (g.nodes.len(), g.edges.len()));
    let labels = expected_labels(&g, Labels::Both);
    for n in nodes {
        assert_eq!(
            n["data"]["label"].as_str().unwrap(),
            labels[n["data"]["id"].as_str().unwrap()]
        );
    }
    assert_eq!(nodes[1]["classes"], "armed-group");
    assert_eq!(edges[1]["classes"], "opposes");
    assert_eq!(edges[1]["data"]["source"], "a");
    assert_eq!(edges[1]["data"]["target"], "b");
    let mut ids: BTreeSet<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for e in edges {
        assert!(
            ids.insert(e["data"]["id"].as_str().unwrap()),
            "duplicate id {e}"
        );
    }
}

#[test]
fn cytoscape_edge_ids_never_collide_with_node_ids() {
    let mut g = nasty();
    g.nodes.push(node("a->b:supports", "trap", "", "state", 0));
    let v = json(&g, Format::Cytoscape);
    let edge_id = v["elements"]["edges"][0]["data"]["id"].as_str().unwrap();
    assert_eq!(edge_id, "a->b:supports#2");
}

#[test]
fn jgf_parses_back() {
    let g = nasty();
    let v = json(&g, Format::Jgf);
    let graph = &v["graph"];
    assert_eq!(graph["directed"], true);
    let nodes = graph["nodes"].as_object().unwrap();
    let labels = expected_labels(&g, Labels::Both);
    assert_eq!(nodes.len(), g.nodes.len());
    for (id, n) in nodes {
        assert_eq!(n["label"].as_str().unwrap(), labels[id]);
    }
    assert_eq!(nodes["a"]["metadata"]["kind"], "state");
    let edges = graph["edges"].as_array().unwrap();
    assert_eq!(edges.len(), g.edges.len());
    assert_eq!(edges[0]["relation"], "supports");
    assert_eq!(edges[0]["metadata"]["evidence_text"], NASTY_EVIDENCE);
    assert_eq!(edges[2]["directed"], false, "negotiates-with is mutual");
}

// ---------------------------------------------------------------- XML formats

/// Every element as (name, attributes, text), attributes and text unescaped.
type XmlElement = (String, BTreeMap<String, String>, String);

fn xml_element(e: &quick_xml::events::BytesStart<'_>) -> XmlElement {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.unwrap();
            let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
            (key, a.unescape_value().unwrap().into_owned())
        })
        .collect();
    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
    (name, attrs, String::new())
}

fn xml_elements(text: &str) -> Vec<XmlElement> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out: Vec<XmlElement> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                out.push(xml_element(&e));
                open.push(out.len() - 1);
            }
            Event::Empty(e) => out.push(xml_element(&e)),
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].2.push_str(&t.unescape().unwrap());
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn gexf_parses_back() {
    let g = nasty();
    let text = one(&g, Format::Gexf, &both());
    let els = xml_elements(&text);
    let root = els.iter().find(|e| e.0 == "gexf").unwrap();
    assert_eq!(root.1["xmlns"], "http://gexf.net/1.3");
    assert_eq!(root.1["version"], "1.3");
    let graph = els.iter().find(|e| e.0 == "graph").unwrap();
    assert_eq!(graph.1["defaultedgetype"], "directed");
    let labels = expected_labels(&g, Labels::Both);
    let nodes: BTreeMap<String, String> = els
        .iter()
        .filter(|e| e.0 == "node")
        .map(|e| (e.1["id"].clone(), e.1["label"].clone()))
        .collect();
    assert_eq!(nodes, labels);
    let edges: Vec<&XmlElement> = els.iter().filter(|e| e.0 == "edge").collect();
    assert_eq!(edges.len(), g.edges.len());
    assert_eq!(edges[0].1["kind"], "supports");
    assert_eq!(edges[1].1["kind"], "opposes");
    assert_eq!(edges[1].1["weight"], "3");
    let evidence = els
        .iter()
        .find(|e| e.0 == "attvalue" && e.1["for"] == "evidence")
        .unwrap();
    assert_eq!(evidence.1["value"], NASTY_EVIDENCE);
    let declared: BTreeSet<&str> = els
        .iter()
        .filter(|e| e.0 == "attribute")
        .map(|e| e.1["id"].as_str())
        .collect();
    for key in ["kind", "mentions", "relation", "confidence", "evidence"] {
        assert!(declared.contains(key), "{key} not declared");
    }
}

#[test]
fn graphml_parses_back() {
    let g = nasty();
    let text = one(&g, Format::Graphml, &both());
    let els = xml_elements(&text);
    let keys: BTreeMap<String, (String, String)> = els
        .iter()
        .filter(|e| e.0 == "key")
        .map(|e| {
            (
                e.1["id"].clone(),
                (e.1["attr.name"].clone(), e.1["attr.type"].clone()),
            )
        })
        .collect();
    assert_eq!(keys["n_mentions"], ("mentions".into(), "long".into()));
    assert_eq!(keys["e_confidence"], ("confidence".into(), "double".into()));
    // Every data element refers to a declared key.
    let mut labels = BTreeMap::new();
    let mut current_node = None;
    let mut evidence = Vec::new();
    for e in &els {
        match e.0.as_str() {
            "node" => current_node = Some(e.1["id"].clone()),
            "edge" => current_node = None,
            "data" => {
                assert!(keys.contains_key(&e.1["key"]), "undeclared key {:?}", e.1);
                match (e.1["key"].as_str(), &current_node) {
                    ("n_label", Some(id)) => {
                        labels.insert(id.clone(), e.2.clone());
                    }
                    ("e_evidence", None) => evidence.push(e.2.clone()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!(labels, expected_labels(&g, Labels::Both));
    assert_eq!(evidence[0], NASTY_EVIDENCE);
    assert_eq!(els.iter().filter(|e| e.0 == "edge").count(), g.edges.len());
}

#[test]
fn xml_control_characters_do_not_break_the_document() {
    let mut g = nasty();
    g.nodes[0]
        .labels
        .insert("en".into(), "bell\u{7} and nul\u{0}".into());
    for format in [Format::Gexf, Format::Graphml] {
        let text = one(&g, format, &both());
        xml_elements(&text); // parses
        assert!(text.contains("bell\u{fffd} and nul\u{fffd}"), "{format}");
    }
}

// ---------------------------------------------------------------- CSV

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "last record lacks CRLF");
    rows
}

#[test]
fn csv_round_trips() {
    let g = nasty();
    let out = export(&g, Format::Csv, &both()).unwrap();
    assert_eq!(out.len(), 2);
    assert_eq!(
        (out[0].suffix.as_str(), out[1].suffix.as_str()),
        ("nodes", "edges")
    );
    let nodes = read_csv(std::str::from_utf8(&out[0].bytes).unwrap());
    assert_eq!(
        nodes[0],
        ["id", "label", "label_ar", "label_en", "kind", "mentions"]
    );
    assert_eq!(nodes.len(), g.nodes.len() + 1);
    let labels = expected_labels(&g, Labels::Both);
    for r in &nodes[1..] {
        assert_eq!(r.len(), 6);
        assert_eq!(r[1], labels[&r[0]]);
    }
    assert_eq!(nodes[1][2], NASTY_AR);
    assert_eq!(nodes[1][3], NASTY_EN);
    let edges = read_csv(std::str::from_utf8(&out[1].bytes).unwrap());
    assert_eq!(
        edges[0],
        [
            "source",
            "target",
            "relation",
            "weight",
            "confidence",
            "first_evidence"
        ]
    );
    assert_eq!(
        edges[1],
        ["a", "b", "supports", "1", "0.75", NASTY_EVIDENCE]
    );
    assert_eq!(edges[4][5], "");
    let only = one(&g, Format::CsvEdges, &both());
    assert_eq!(only.as_bytes(), &out[1].bytes[..]);
}

// ---------------------------------------------------------------- views

fn ids(g: &GraphJson) -> Vec<&str> {
    g.nodes.iter().map(|n| n.id.as_str()).collect()
}

fn triples(g: &GraphJson) -> Vec<String> {
    g.edges
        .iter()
        .map(|e| format!("{} {} {}", e.source, e.relation, e.target))
        .collect()
}

#[test]
fn default_view_changes_nothing() {
    let g = nasty();
    assert_eq!(View::default().apply(&g), g, "isolated 'lonely' stays too");
}

#[test]
fn min_weight_drops_light_edges_and_bare_nodes() {
    let view = View {
        min_weight: 2,
        ..View::default()
    };
    let v = view.apply(&nasty());
    assert_eq!(triples(&v), ["a opposes b", "a negotiates-with حكومة"]);
    assert_eq!(ids(&v), ["a", "b", "حكومة"]);
}

#[test]
fn relations_filter() {
    let view = View {
        relations: Some(vec![Relation::Opposes]),
        ..View::default()
    };
    let v = view.apply(&nasty());
    assert_eq!(triples(&v), ["a opposes b", "m opposes a"]);
    assert_eq!(ids(&v), ["a", "b", "m"]);
}

#[test]
fn focus_keeps_the_neighbourhood_within_depth() {
    let g = sample();
    let view = View {
        focus: Some("militias".into()),
        ..View::default()
    };
    let v = view.apply(&g);
    assert_eq!(ids(&v), ["lna", "militias", "unsmil"]);
    assert_eq!(
        triples(&v),
        [
            "lna opposes militias",
            "lna supports unsmil",
            "lna negotiates-with unsmil",
            "unsmil opposes militias"
        ]
    );
    let deeper = View {
        depth: 2,
        ..view.clone()
    };
    let v2 = deeper.apply(&g);
    assert!(ids(&v2).contains(&"turkey") && ids(&v2).contains(&"5plus5"));
    assert!(
        !ids(&v2).contains(&"uae")
            || v2
                .edges
                .iter()
                .any(|e| e.source == "uae" || e.target == "uae")
    );
    let lonely = View {
        focus: Some("lonely".into()),
        ..View::default()
    };
    let v3 = lonely.apply(&nasty());
    assert_eq!(ids(&v3), ["lonely"], "the focus stays even without edges");
    assert!(v3.edges.is_empty());
}

#[test]
fn focus_on_an_unknown_actor_is_an_error_naming_it() {
    let opts = ExportOptions {
        view: View {
            focus: Some("atlantis".into()),
            ..View::default()
        },
        ..both()
    };
    let err = export(&sample(), Format::Json, &opts)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("atlantis: no actor with this id"), "{err}");
}

#[test]
fn drop_kind_removes_actors_and_their_edges() {
    let view = View {
        drop_kinds: vec!["media".into(), "person".into()],
        ..View::default()
    };
    let v = view.apply(&nasty());
    assert_eq!(ids(&v), ["a", "b", "حكومة"]);
    assert_eq!(
        triples(&v),
        ["a supports b", "a opposes b", "a negotiates-with حكومة"]
    );
}

#[test]
fn views_apply_to_every_format() {
    let opts = ExportOptions {
        view: View {
            relations: Some(vec![Relation::Supports]),
            ..View::default()
        },
        ..both()
    };
    let g = sample();
    let supports = g
        .edges
        .iter()
        .filter(|e| e.relation == Relation::Supports)
        .count();
    let nl: Value = serde_json::from_str(&one(&g, Format::NodeLink, &opts)).unwrap();
    assert_eq!(nl["edges"].as_array().unwrap().len(), supports);
    let (_, dot_edges) = dot_summary(&one(&g, Format::Dot, &opts));
    assert_eq!(dot_edges.len(), supports);
    let csv = read_csv(&one(&g, Format::CsvEdges, &opts));
    assert_eq!(csv.len() - 1, supports);
}

// ---------------------------------------------------------------- robustness, API

#[test]
fn odd_graphs_export_without_panicking() {
    let mut g = nasty();
    g.edges
        .push(edge("a", Relation::Opposes, "ghost", 1, "dangling"));
    g.nodes.push(node("a", "duplicate", "", "state", 1));
    g.edges[0].confidence = f64::NAN;
    g.edges[1].evidence.clear();
    let empty = GraphJson {
        schema: SCHEMA.to_string(),
        documents: vec![],
        nodes: vec![],
        edges: vec![],
    };
    for graph in [g, empty] {
        for format in Format::ALL {
            if format.needs_dot() && !dot_available() {
                continue;
            }
            let out = export(&graph, format, &both()).unwrap();
            assert!(!out.is_empty() && !out[0].bytes.is_empty(), "{format}");
        }
        let (_, edges) = dot_summary(&one(&graph, Format::Dot, &both()));
        assert!(edges.iter().all(|(_, t, _)| t != "ghost"));
    }
}

#[test]
fn every_format_is_deterministic() {
    let g = sample();
    for format in Format::ALL {
        if format.needs_dot() {
            continue; // Graphviz's bytes are Graphviz's business (PDF has a date).
        }
        assert_eq!(
            export(&g, format, &both()).unwrap(),
            export(&g, format, &both()).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn format_names_and_extensions() {
    for f in Format::ALL {
        assert_eq!(f.to_string().parse::<Format>().unwrap(), f);
    }
    for l in Layout::ALL {
        assert_eq!(l.to_string().parse::<Layout>().unwrap(), l);
    }
    for l in Labels::ALL {
        assert_eq!(l.to_string().parse::<Labels>().unwrap(), l);
    }
    let table = [
        ("svg", Some(Format::Svg)),
        (".PNG", Some(Format::Png)),
        ("gv", Some(Format::Dot)),
        ("json", Some(Format::Json)),
        ("cyjs", Some(Format::Cytoscape)),
        ("graphml", Some(Format::Graphml)),
        ("gexf", Some(Format::Gexf)),
        ("jgf", Some(Format::Jgf)),
        ("csv", Some(Format::Csv)),
        ("txt", None),
    ];
    for (ext, want) in table {
        assert_eq!(Format::from_extension(ext), want, "{ext}");
    }
    let err = "xml".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("expected one of: json, dot,"), "{err}");
    assert_eq!(
        output_path(Path::new("out/g.csv"), "nodes"),
        Path::new("out/g.nodes.csv")
    );
    assert_eq!(output_path(Path::new("g.svg"), ""), Path::new("g.svg"));
}
