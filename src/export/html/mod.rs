//! The interactive HTML report: one self-contained page per graph, diff or
//! timeline, where a click on a stance shows the sentences behind it.
//!
//! The page is a template (`page.html`) with its stylesheet (`style.css`)
//! and script (`app.js`) embedded at build time, a drawing inlined as SVG,
//! and the graph as one JSON data island (see [`data`]). It fetches nothing:
//! a Content-Security-Policy of `default-src 'none'` makes the browser refuse
//! any load that might slip in, so the file opens offline from disk.
//!
//! The drawing is Graphviz's when `dot` is installed and the graph is small
//! enough for it to lay out in seconds (the layout the `.svg` files have,
//! annotated by [`graphviz`]), and otherwise our own circle ([`circle`]).
//! Either way every node is a `<g data-id="…">` and every edge
//! a `<g data-edge="source relation target">`, which is what the script, the
//! tests and a user's own CSS hold on to. The drawer used is written on the
//! page (`data-layout` of `#drawing`).

mod circle;
mod data;
mod graphviz;

use super::dot::{kind_style, penwidth, relation_style};
use super::{render, ExportOptions, Format};
use crate::corpus::SliceJson;
use crate::diff::dot::{self as diff_dot, Mark};
use crate::diff::{EdgeKey, GraphDiff};
use crate::error::Result;
use crate::graph::{EdgeJson, GraphJson};
use circle::{Link, Spot};
use data::{edge_key, Mode, PageData, Styles};
use std::collections::HashMap;

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("app.js");

/// Who lays the drawing out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawer {
    /// Graphviz for graphs of up to [`GRAPHVIZ_MAX_EDGES`] edges when `dot`
    /// is on PATH; our circle otherwise.
    Auto,
    /// Graphviz's `dot` (with the layout engine of the export options),
    /// whatever the size.
    Graphviz,
    /// Our own circle layout, no external program.
    Circle,
}

/// The most edges [`Drawer::Auto`] hands to Graphviz. Its layout time
/// grows steeply with the edges: on this project's 2-core machine, 150
/// edges among 200 actors took 2 s, 300 took 80 s and 1,000 did not finish
/// in six minutes (dot; neato and sfdp with our spline settings about 100 s).
/// A page must come in seconds, and the circle does.
pub const GRAPHVIZ_MAX_EDGES: usize = 200;

impl Drawer {
    /// The drawer for a drawing of `edges` edges.
    fn resolve(self, edges: usize) -> Drawer {
        match self {
            Drawer::Auto if edges <= GRAPHVIZ_MAX_EDGES && render::dot_available() => {
                Drawer::Graphviz
            }
            Drawer::Auto => Drawer::Circle,
            other => other,
        }
    }
}

/// The page of one graph, after the view of `opts`.
pub fn graph_page(g: &GraphJson, opts: &ExportOptions, drawer: Drawer) -> Result<Vec<u8>> {
    let g = opts.view.apply(g);
    let drawing = match drawer.resolve(g.edges.len()) {
        Drawer::Graphviz => Drawing::Graphviz(render::render(&g, Format::Svg, opts)?),
        _ => Drawing::Circle,
    };
    graph_page_drawn(&g, opts, drawing)
}

/// The page of one graph around an SVG that Graphviz already drew for it
/// with the same options: `extract -o DIR` draws each graph once for its
/// `.svg` and its `.html`.
pub fn graph_page_with_svg(g: &GraphJson, opts: &ExportOptions, svg: &[u8]) -> Result<Vec<u8>> {
    let g = opts.view.apply(g);
    graph_page_drawn(&g, opts, Drawing::Graphviz(svg.to_vec()))
}

enum Drawing {
    Graphviz(Vec<u8>),
    Circle,
}

fn graph_page_drawn(g: &GraphJson, opts: &ExportOptions, drawing: Drawing) -> Result<Vec<u8>> {
    let (svg, layout) = draw_graph(g, opts, drawing)?;
    let nodes = data::graph_nodes(g);
    let edges = drawable_edges(g);
    let page = PageData {
        mode: Mode::Graph,
        title: graph_title(g),
        layout,
        styles: Styles::of(&nodes, false),
        documents: data::documents(&g.documents),
        nodes,
        edges: edges
            .iter()
            .map(|e| {
                data::edge(
                    &e.source,
                    e.relation,
                    &e.target,
                    None,
                    vec![data::side("", e)],
                )
            })
            .collect(),
        slices: Vec::new(),
    };
    Ok(assemble(&page, &svg))
}

/// Edges whose two ends are nodes of the graph: the ones that can be drawn.
fn drawable_edges(g: &GraphJson) -> Vec<&EdgeJson> {
    let ids: std::collections::HashSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    g.edges
        .iter()
        .filter(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()))
        .collect()
}

/// The SVG of a graph and the name of its layout.
fn draw_graph(g: &GraphJson, opts: &ExportOptions, drawing: Drawing) -> Result<(String, String)> {
    let edges = drawable_edges(g);
    Ok(match drawing {
        Drawing::Graphviz(bytes) => {
            let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
            (
                graphviz::annotate(&bytes, &ids, &edge_map(&edges))?,
                graphviz::version().to_string(),
            )
        }
        Drawing::Circle => {
            let linked: std::collections::HashSet<&str> = edges
                .iter()
                .flat_map(|e| [e.source.as_str(), e.target.as_str()])
                .collect();
            let spots: Vec<Spot> = g
                .nodes
                .iter()
                .map(|n| {
                    let (_, style, fill) = kind_style(&n.kind);
                    Spot {
                        id: n.id.clone(),
                        lines: opts.labels.lines(n),
                        tooltip: format!("{} ({}, {} mentions)", n.id, n.kind, n.mentions),
                        fill,
                        stroke: "#555555",
                        stroke_width: 1.0,
                        dashed: style.contains("dashed"),
                        isolated: !linked.contains(n.id.as_str()),
                    }
                })
                .collect();
            let links: Vec<Link> = edges
                .iter()
                .map(|e| {
                    let (color, style, dir) = relation_style(e.relation);
                    Link {
                        key: edge_key(&e.source, e.relation, &e.target),
                        source: e.source.clone(),
                        target: e.target.clone(),
                        class: e.relation.name(),
                        color,
                        width: penwidth(e.weight).parse().unwrap_or(1.0),
                        dashed: style != "solid",
                        directed: dir == "forward",
                        label: e.weight.to_string(),
                    }
                })
                .collect();
            (circle::draw(&spots, &links), CIRCLE.to_string())
        }
    })
}

/// The name of our own layout, as the page states it.
const CIRCLE: &str = "stancegraph circle";

fn graph_title(g: &GraphJson) -> String {
    match g.documents.as_slice() {
        [one] => format!("stancegraph: {}", one.id),
        docs => format!(
            "stancegraph: {} article{}",
            docs.len(),
            if docs.len() == 1 { "" } else { "s" }
        ),
    }
}

/// `(source, target, relation)` → `data-edge` key, for the annotation of
/// Graphviz's SVG.
fn edge_map(edges: &[&EdgeJson]) -> HashMap<(String, String, String), String> {
    edges
        .iter()
        .map(|e| {
            (
                (
                    e.source.clone(),
                    e.target.clone(),
                    e.relation.name().to_string(),
                ),
                edge_key(&e.source, e.relation, &e.target),
            )
        })
        .collect()
}

/// The page of a diff: the union of `a` and `b` coloured by `d`, each edge
/// with its evidence on both sides. `a` and `b` are taken as they are (the
/// caller applies any view).
pub fn diff_page(
    a: &GraphJson,
    b: &GraphJson,
    d: &GraphDiff,
    opts: &ExportOptions,
    drawer: Drawer,
) -> Result<Vec<u8>> {
    let union = diff_dot::union(a, b, d);
    let flipped_from: HashMap<&EdgeKey, &EdgeKey> = d
        .relation_changes
        .iter()
        .map(|f| (&f.after, &f.before))
        .collect();
    let in_a: HashMap<EdgeKey, &EdgeJson> = a.edges.iter().map(|e| (EdgeKey::of(e), e)).collect();
    let in_b: HashMap<EdgeKey, &EdgeJson> = b.edges.iter().map(|e| (EdgeKey::of(e), e)).collect();
    let nodes: Vec<data::Node> = union
        .nodes
        .values()
        .map(|(n, mark)| data::node(n, false, Some(*mark)))
        .collect();
    let mut edges = Vec::new();
    for (key, (mark, _)) in &union.edges {
        let before_key = flipped_from.get(key).copied().unwrap_or(key);
        let mut sides = Vec::new();
        if let Some(e) = in_a.get(before_key) {
            sides.push(data::side("before", e));
        }
        if let Some(e) = in_b.get(key) {
            sides.push(data::side("after", e));
        }
        edges.push(data::edge(
            &key.source,
            key.relation,
            &key.target,
            Some(*mark),
            sides,
        ));
    }
    let (svg, layout) = match drawer.resolve(union.edges.len()) {
        Drawer::Graphviz => {
            let bytes =
                render::render_ast(diff_dot::to_ast(a, b, d, opts), Format::Svg, opts.layout)?;
            let ids: Vec<&str> = union.nodes.keys().copied().collect();
            let map = union
                .edges
                .keys()
                .map(|k| {
                    (
                        (
                            k.source.clone(),
                            k.target.clone(),
                            k.relation.name().to_string(),
                        ),
                        edge_key(&k.source, k.relation, &k.target),
                    )
                })
                .collect();
            (
                graphviz::annotate(&bytes, &ids, &map)?,
                graphviz::version().to_string(),
            )
        }
        _ => {
            let spots: Vec<Spot> = union
                .nodes
                .values()
                .map(|(n, mark)| {
                    let mut lines = opts.labels.lines(n);
                    if let (Some(first), Some(prefix)) = (lines.first_mut(), mark_prefix(*mark)) {
                        *first = format!("{prefix}{first}");
                    }
                    Spot {
                        id: n.id.clone(),
                        lines,
                        tooltip: format!("{} ({}), {}", n.id, n.kind, mark.name()),
                        fill: kind_style(&n.kind).2,
                        stroke: if *mark == Mark::Same {
                            "#555555"
                        } else {
                            mark.color()
                        },
                        stroke_width: if *mark == Mark::Same { 1.0 } else { 2.5 },
                        dashed: *mark == Mark::Removed,
                        isolated: false,
                    }
                })
                .collect();
            let links: Vec<Link> = union
                .edges
                .iter()
                .map(|(k, (mark, label))| Link {
                    key: edge_key(&k.source, k.relation, &k.target),
                    source: k.source.clone(),
                    target: k.target.clone(),
                    class: k.relation.name(),
                    color: mark.color(),
                    width: if *mark == Mark::Same { 1.0 } else { 2.5 },
                    dashed: *mark == Mark::Removed,
                    directed: !k.relation.is_symmetric(),
                    label: label.clone(),
                })
                .collect();
            (circle::draw(&spots, &links), CIRCLE.to_string())
        }
    };
    let title = format!(
        "stancegraph diff: {} → {}",
        names(&a.documents),
        names(&b.documents)
    );
    let page = PageData {
        mode: Mode::Diff,
        title,
        layout,
        styles: Styles::of(&nodes, true),
        documents: data::documents(a.documents.iter().chain(&b.documents)),
        nodes,
        edges,
        slices: Vec::new(),
    };
    Ok(assemble(&page, &svg))
}

fn mark_prefix(mark: Mark) -> Option<&'static str> {
    match mark {
        Mark::Added => Some("+ "),
        Mark::Removed => Some("− "),
        _ => None,
    }
}

fn names(docs: &[crate::graph::DocumentJson]) -> String {
    match docs {
        [] => "(empty)".to_string(),
        [one] => one.id.clone(),
        many => format!("{} articles", many.len()),
    }
}

/// The page of a timeline: the union of every slice drawn once, a slider
/// that steps through the slices, each edge with its evidence per slice.
pub fn timeline_page(
    slices: &[(SliceJson, GraphJson)],
    opts: &ExportOptions,
    drawer: Drawer,
) -> Result<Vec<u8>> {
    let graphs: Vec<GraphJson> = slices.iter().map(|(_, g)| opts.view.apply(g)).collect();
    let union = crate::graph::merge(&graphs);
    let union = opts.view.apply(&union);
    let drawing = match drawer.resolve(union.edges.len()) {
        Drawer::Graphviz => Drawing::Graphviz(render::render(&union, Format::Svg, opts)?),
        _ => Drawing::Circle,
    };
    let (svg, layout) = draw_graph(&union, opts, drawing)?;
    // Each edge's sides are the slices it is in.
    let mut per_key: HashMap<String, Vec<data::Side>> = HashMap::new();
    for ((slice, _), g) in slices.iter().zip(&graphs) {
        for e in &g.edges {
            per_key
                .entry(edge_key(&e.source, e.relation, &e.target))
                .or_default()
                .push(data::side(&slice.slice, e));
        }
    }
    let nodes = data::graph_nodes(&union);
    let edges = union
        .edges
        .iter()
        .map(|e| {
            let key = edge_key(&e.source, e.relation, &e.target);
            let sides = per_key.remove(&key).unwrap_or_default();
            data::edge(&e.source, e.relation, &e.target, None, sides)
        })
        .collect();
    let first = slices.first().map(|(s, _)| s.start.as_str()).unwrap_or("");
    let last = slices.last().map(|(s, _)| s.end.as_str()).unwrap_or("");
    let page = PageData {
        mode: Mode::Timeline,
        title: format!("stancegraph timeline: {first} – {last}"),
        layout,
        styles: Styles::of(&nodes, false),
        documents: data::documents(&union.documents),
        nodes,
        edges,
        slices: slices
            .iter()
            .map(|(s, _)| data::Slice {
                slice: s.slice.clone(),
                start: s.start.clone(),
                end: s.end.clone(),
            })
            .collect(),
    };
    Ok(assemble(&page, &svg))
}

/// Marks around the drawing, so that a test can compare two pages apart
/// from their drawings (Graphviz versions lay out differently).
const DRAWING_OPEN: &str = "<!-- drawing -->\n";
const DRAWING_CLOSE: &str = "\n<!-- /drawing -->";

/// Fills the template: one pass over it, so no inserted text is ever read
/// as a placeholder.
fn assemble(page: &PageData<'_>, svg: &str) -> Vec<u8> {
    // `<` inside the island could close the script element; as \u003c it is
    // the same JSON string and no tag.
    let json = serde_json::to_string(page)
        .unwrap_or_else(|_| "{}".to_string())
        .replace('<', "\\u003c");
    let drawing = format!("{DRAWING_OPEN}{svg}{DRAWING_CLOSE}");
    let title = graphviz::escape(&page.title);
    let mut out =
        String::with_capacity(PAGE.len() + STYLE.len() + SCRIPT.len() + svg.len() + json.len());
    let mut rest = PAGE;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str("{{");
            rest = after;
            continue;
        };
        match &after[..end] {
            "title" => out.push_str(&title),
            "layout" => out.push_str(&graphviz::escape(&page.layout)),
            "mode" => out.push_str(match page.mode {
                Mode::Graph => "graph",
                Mode::Diff => "diff",
                Mode::Timeline => "timeline",
            }),
            "style" => out.push_str(STYLE),
            "script" => out.push_str(SCRIPT),
            "drawing" => out.push_str(&drawing),
            "data" => out.push_str(&json),
            other => {
                out.push_str("{{");
                out.push_str(other);
                out.push_str("}}");
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out.into_bytes()
}
