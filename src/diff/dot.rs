//! The union of two graphs as DOT, coloured by the diff: added green, removed
//! red and dashed, changed orange, unchanged grey. Built as graphviz-rust's
//! AST with the helpers of [`crate::export`]'s DOT writer, so quoting, bidi
//! isolation of Arabic labels and node shapes are the same as in a plain graph.

use super::{EdgeKey, GraphDiff};
use crate::error::Result;
use crate::export::dot::{attr, bidi_label, default_stmts, kind_style, quoted};
use crate::export::{ExportOptions, Format};
use crate::graph::{EdgeJson, GraphJson, NodeJson};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) const ADDED: &str = "#1b9e1b";
pub(crate) const REMOVED: &str = "#d62728";
pub(crate) const CHANGED: &str = "#ff8c00";
pub(crate) const SAME: &str = "#9e9e9e";

/// What the diff says about one node or edge of the union graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Same,
    Added,
    Removed,
    Changed,
}

impl Mark {
    /// The word the HTML page and its CSS use.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Mark::Same => "same",
            Mark::Added => "added",
            Mark::Removed => "removed",
            Mark::Changed => "changed",
        }
    }

    /// The colour the drawings use.
    pub(crate) fn color(self) -> &'static str {
        match self {
            Mark::Same => SAME,
            Mark::Added => ADDED,
            Mark::Removed => REMOVED,
            Mark::Changed => CHANGED,
        }
    }
}

/// The union of two graphs, each node and edge with its mark and each edge
/// with its label: what every drawing of a diff shows (DOT, SVG, HTML).
pub(crate) struct Union<'a> {
    /// Nodes by id: b's version where it exists, a's for the removed ones.
    pub nodes: BTreeMap<&'a str, (&'a NodeJson, Mark)>,
    /// Every edge key once; a flip is drawn as its new stance.
    pub edges: BTreeMap<EdgeKey, (Mark, String)>,
}

fn node_stmt(n: &NodeJson, mark: Mark, opts: &ExportOptions) -> Stmt {
    let (shape, style, fill) = kind_style(&n.kind);
    let (color, style, width, prefix) = match mark {
        Mark::Added => (ADDED, format!("{style}filled,bold"), "2.5", "+ "),
        Mark::Removed => (REMOVED, "dashed,filled".to_string(), "2", "− "),
        Mark::Changed => (CHANGED, format!("{style}filled"), "2", ""),
        Mark::Same => ("#555555", format!("{style}filled"), "1", ""),
    };
    let mut lines = opts.labels.lines(n);
    if let Some(first) = lines.first_mut() {
        *first = format!("{prefix}{first}");
    }
    Stmt::Node(Node::new(
        NodeId(quoted(&n.id), None),
        vec![
            attr("label", &bidi_label(&lines)),
            attr("shape", shape),
            attr("style", &style),
            attr("fillcolor", fill),
            attr("color", color),
            attr("penwidth", width),
            attr("tooltip", &format!("{} ({})", n.id, n.kind)),
        ],
    ))
}

fn edge_stmt(key: &EdgeKey, mark: Mark, label: &str) -> Stmt {
    let (color, style, width) = match mark {
        Mark::Added => (ADDED, "bold", "2.5"),
        Mark::Removed => (REMOVED, "dashed", "2"),
        Mark::Changed => (CHANGED, "bold", "2.5"),
        Mark::Same => (SAME, "solid", "1"),
    };
    let dir = if key.relation.is_symmetric() {
        "none"
    } else {
        "forward"
    };
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quoted(&key.source), None)),
            Vertex::N(NodeId(quoted(&key.target), None)),
        ),
        attributes: vec![
            attr("label", label),
            attr("color", color),
            attr("fontcolor", color),
            attr("style", style),
            attr("dir", dir),
            attr("penwidth", width),
            attr("class", key.relation.name()),
        ],
    })
}

fn legend() -> String {
    let mut rows = String::from(
        r##"<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2"><TR><TD COLSPAN="2"><B>diff</B></TD></TR>"##,
    );
    for (color, line, what) in [
        (ADDED, "&#9473;&#9473;&#9473;&#9473;&#9654;", "added"),
        (REMOVED, "&#9473; &#9473; &#9473;&#9654;", "removed"),
        (CHANGED, "&#9473;&#9473;&#9473;&#9473;&#9654;", "changed"),
        (SAME, "&#9473;&#9473;&#9473;&#9473;&#9654;", "unchanged"),
    ] {
        rows.push_str(&format!(
            r##"<TR><TD ALIGN="LEFT"><FONT COLOR="{color}">{line}</FONT></TD><TD ALIGN="LEFT">{what}</TD></TR>"##
        ));
    }
    rows.push_str("</TABLE>");
    format!("<{rows}>")
}

/// The union of `a` and `b`, marked by `d`.
pub(crate) fn union<'a>(a: &'a GraphJson, b: &'a GraphJson, d: &GraphDiff) -> Union<'a> {
    // Nodes: b's version where it exists, a's for the removed ones.
    let mut nodes: BTreeMap<&str, (&NodeJson, Mark)> = BTreeMap::new();
    for n in &a.nodes {
        nodes.insert(&n.id, (n, Mark::Same));
    }
    for n in &b.nodes {
        nodes.insert(&n.id, (n, Mark::Same));
    }
    let added: BTreeSet<&str> = d.nodes_added.iter().map(|n| n.id.as_str()).collect();
    let removed: BTreeSet<&str> = d.nodes_removed.iter().map(|n| n.id.as_str()).collect();
    let changed: BTreeSet<&str> = d
        .nodes_changed
        .iter()
        .filter(|c| c.mentions_before == c.mentions_after)
        .map(|c| c.id.as_str())
        .collect();
    for (id, (_, mark)) in nodes.iter_mut() {
        *mark = if added.contains(id) {
            Mark::Added
        } else if removed.contains(id) {
            Mark::Removed
        } else if changed.contains(id) {
            Mark::Changed
        } else {
            Mark::Same
        };
    }

    // Edges: every key of the union, once; a flip is drawn as its new stance.
    let key = |e: &EdgeJson| EdgeKey::of(e);
    let mut edges: BTreeMap<EdgeKey, (Mark, String)> = BTreeMap::new();
    for e in a.edges.iter().chain(&b.edges) {
        edges.insert(key(e), (Mark::Same, format!("{} {}", e.relation, e.weight)));
    }
    for e in &d.edges_added {
        edges.insert(
            key(e),
            (Mark::Added, format!("+ {} {}", e.relation, e.weight)),
        );
    }
    for e in &d.edges_removed {
        edges.insert(
            key(e),
            (Mark::Removed, format!("− {} {}", e.relation, e.weight)),
        );
    }
    for c in &d.edges_changed {
        let label = format!("{} {} → {}", c.relation, c.weight_before, c.weight_after);
        edges.insert(key(&c.after), (Mark::Changed, label));
    }
    for f in &d.relation_changes {
        edges.remove(&f.before);
        if let Some(entry) = edges.get_mut(&f.after) {
            *entry = (
                Mark::Changed,
                format!("{} → {}", f.before.relation, f.after.relation),
            );
        }
    }
    Union { nodes, edges }
}

/// The union graph of `a` and `b` as graphviz-rust's AST.
pub(crate) fn to_ast(a: &GraphJson, b: &GraphJson, d: &GraphDiff, opts: &ExportOptions) -> Graph {
    let mut stmts = default_stmts(opts);
    let Union { nodes, edges } = union(a, b, d);
    stmts.extend(nodes.values().map(|(n, mark)| node_stmt(n, *mark, opts)));
    stmts.extend(
        edges
            .iter()
            .map(|(k, (mark, label))| edge_stmt(k, *mark, label)),
    );

    let mut legend_id = String::from("_legend");
    while nodes.contains_key(legend_id.as_str()) {
        legend_id.insert(0, '_');
    }
    stmts.push(Stmt::Subgraph(Subgraph {
        id: Id::Plain("legend_rank".to_string()),
        stmts: vec![
            Stmt::Attribute(attr("rank", "sink")),
            Stmt::Node(Node::new(
                NodeId(quoted(&legend_id), None),
                vec![
                    Attribute(Id::Plain("label".to_string()), Id::Html(legend())),
                    attr("shape", "plain"),
                    attr("fontsize", "10"),
                    attr("tooltip", "legend"),
                ],
            )),
        ],
    }));
    Graph::DiGraph {
        id: quoted("stancegraph-diff"),
        strict: false,
        stmts,
    }
}

/// The union graph as DOT source, deterministic, ending with a newline.
pub fn to_dot(a: &GraphJson, b: &GraphJson, d: &GraphDiff, opts: &ExportOptions) -> String {
    let mut text = to_ast(a, b, d, opts).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The union graph drawn as SVG by Graphviz (needs `dot` on PATH).
pub fn to_svg(
    a: &GraphJson,
    b: &GraphJson,
    d: &GraphDiff,
    opts: &ExportOptions,
) -> Result<Vec<u8>> {
    crate::export::render::render_ast(to_ast(a, b, d, opts), Format::Svg, opts.layout)
}
