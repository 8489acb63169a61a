//! Graphviz DOT, built as graphviz-rust's AST and printed by its printer.
//!
//! We own the order (nodes by id, edges in JSON order) and the escaping, so
//! the bytes are stable across versions of the crate's printer conventions we
//! rely on. Three traps of graphviz-rust 0.9 shape the code:
//!
//! * `Id::Escaped` is printed verbatim: the quotes and the escaping of `"`
//!   and `\` are ours ([`quoted`]). Newlines become `\n`, Graphviz's centred
//!   line break, since a raw newline in a quoted string is legal but its
//!   meaning depends on the attribute.
//! * Its parser rejects unquoted non-ASCII ids, so every id and value is
//!   quoted, ASCII or not.
//! * The renderer leaves bidi to Pango per label, which gets mixed
//!   Arabic/Latin/digit labels wrong at the edges; each label line is wrapped
//!   in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE so each
//!   line takes its own direction from its first strong letter.

use super::{first_evidence, ExportOptions, Layout};
use crate::graph::{EdgeJson, GraphJson, NodeJson};
use crate::model::Relation;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeSet;

/// The font every label asks for; Pango falls back per glyph, so Arabic comes
/// from DejaVu's own Arabic block or from Noto Sans Arabic when installed.
pub(crate) const FONT: &str = "DejaVu Sans";

/// Longest tooltip, in characters; evidence sentences can be paragraphs.
const TOOLTIP_CHARS: usize = 300;

/// Escapes a string for a quoted DOT id whose attribute is an `escString`
/// (labels, tooltips): `"` and `\` escaped, newlines as `\n`, other control
/// characters as spaces.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A quoted, escaped DOT id.
pub(crate) fn quoted(s: &str) -> Id {
    Id::Escaped(format!("\"{}\"", escape(s)))
}

/// A `key="value"` attribute, value quoted and escaped.
pub(crate) fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quoted(value))
}

/// Each drawn line of a label isolated for the bidi algorithm, lines joined
/// by `\n`. A label that itself holds a newline is two drawn lines, and each
/// gets its own isolate, since Graphviz lays every line out on its own.
pub(crate) fn bidi_label(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|l| l.lines())
        .map(|l| format!("\u{2068}{l}\u{2069}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Shape and fill colour for a node kind: one per kind, grey for the rest.
pub(crate) fn kind_style(kind: &str) -> (&'static str, &'static str, &'static str) {
    // (shape, extra style, fill colour)
    match kind {
        "state" => ("box", "", "#cfe2f3"),
        "government" => ("hexagon", "", "#d9ead3"),
        "armed-group" => ("octagon", "", "#f4cccc"),
        "igo" => ("ellipse", "", "#fff2cc"),
        "mission" => ("component", "", "#fce5cd"),
        "party" => ("parallelogram", "", "#ead1dc"),
        "person" => ("box", "rounded,", "#e8def8"),
        "media" => ("note", "", "#d0e0e3"),
        "forum" => ("folder", "", "#e0e0e0"),
        _ => ("ellipse", "dashed,", "#eeeeee"),
    }
}

/// Colour, line style, arrow direction for a relation.
pub(crate) fn relation_style(r: Relation) -> (&'static str, &'static str, &'static str) {
    match r {
        Relation::Supports => ("#2e7d32", "solid", "forward"),
        Relation::Opposes => ("#c62828", "solid", "forward"),
        Relation::NegotiatesWith => ("#1565c0", "dashed", "none"),
        Relation::MemberOf => ("#9e9e9e", "dotted", "forward"),
    }
}

/// Pen width grows with the log of the weight: 1 statement is 1pt, 10 are
/// about 3.8pt, and nothing gets wider than 8pt.
pub(crate) fn penwidth(weight: u32) -> String {
    let w = 1.0 + 1.2 * f64::from(weight.max(1)).ln();
    format!("{:.1}", w.min(8.0))
}

fn truncate(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Half-transparent fill, grey text and border for an actor that takes part
/// in no stance: present in the article, drawn lighter (issue 17).
const ISOLATED_ALPHA: &str = "66";
const ISOLATED_INK: &str = "#8a8a8a";

fn node_stmt(n: &NodeJson, opts: &ExportOptions, isolated: bool) -> Stmt {
    let (shape, style, fill) = kind_style(&n.kind);
    let mut lines = opts.labels.lines(n);
    if isolated {
        lines.push(format!("mentioned {}×", n.mentions));
    }
    let label = bidi_label(&lines);
    let plural = if n.mentions == 1 { "" } else { "s" };
    let tooltip = format!("{} ({}, {} mention{plural})", n.id, n.kind, n.mentions);
    let mut attributes = vec![attr("label", &label), attr("shape", shape)];
    if isolated {
        attributes.extend([
            attr("style", &format!("{style}dashed,filled")),
            attr("fillcolor", &format!("{fill}{ISOLATED_ALPHA}")),
            attr("color", ISOLATED_INK),
            attr("fontcolor", ISOLATED_INK),
            attr("tooltip", &format!("{tooltip}, in no stance")),
            attr("class", "isolated"),
        ]);
    } else {
        attributes.extend([
            attr("style", &format!("{style}filled")),
            attr("fillcolor", fill),
            attr("tooltip", &tooltip),
        ]);
    }
    Stmt::Node(Node::new(NodeId(quoted(&n.id), None), attributes))
}

fn edge_stmt(e: &EdgeJson) -> Stmt {
    let (color, style, dir) = relation_style(e.relation);
    let tooltip = truncate(first_evidence(e), TOOLTIP_CHARS);
    let tooltip = if tooltip.is_empty() {
        format!("{} {} {}", e.source, e.relation, e.target)
    } else {
        tooltip
    };
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quoted(&e.source), None)),
            Vertex::N(NodeId(quoted(&e.target), None)),
        ),
        attributes: vec![
            attr("label", &e.weight.to_string()),
            attr("color", color),
            attr("fontcolor", color),
            attr("style", style),
            attr("dir", dir),
            attr("penwidth", &penwidth(e.weight)),
            attr("tooltip", &tooltip),
            attr("class", e.relation.name()),
        ],
    })
}

/// An HTML-like label table: one row per relation with a line in its colour
/// and style, one row per node kind present with its fill. A single node,
/// so it stays in one piece under every layout engine (clusters do not
/// survive neato).
fn legend(kinds: &BTreeSet<&str>, any_isolated: bool) -> String {
    let mut rows = String::from(
        r##"<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2"><TR><TD COLSPAN="2"><B>legend</B></TD></TR>"##,
    );
    for r in [
        Relation::Supports,
        Relation::Opposes,
        Relation::NegotiatesWith,
    ] {
        let (color, _, _) = relation_style(r);
        let line = if r == Relation::NegotiatesWith {
            "&#9473; &#9473; &#9473; &#9473;"
        } else {
            "&#9473;&#9473;&#9473;&#9473;&#9473;&#9654;"
        };
        rows.push_str(&format!(
            r##"<TR><TD ALIGN="LEFT"><FONT COLOR="{color}">{line}</FONT></TD><TD ALIGN="LEFT">{}</TD></TR>"##,
            r.name()
        ));
    }
    for kind in kinds {
        let (_, _, fill) = kind_style(kind);
        rows.push_str(&format!(
            r##"<TR><TD BGCOLOR="{fill}" BORDER="1"> </TD><TD ALIGN="LEFT">{}</TD></TR>"##,
            html_escape(kind)
        ));
    }
    if any_isolated {
        rows.push_str(&format!(
            r##"<TR><TD BGCOLOR="#eeeeee{ISOLATED_ALPHA}" BORDER="1"> </TD><TD ALIGN="LEFT"><FONT COLOR="{ISOLATED_INK}">in no stance</FONT></TD></TR>"##
        ));
    }
    rows.push_str("</TABLE>");
    format!("<{rows}>")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The graph, node and edge defaults every stancegraph drawing starts with
/// (graphs and diffs alike): layout, fonts, spacing.
pub(crate) fn default_stmts(opts: &ExportOptions) -> Vec<Stmt> {
    let mut graph_attrs = vec![
        attr("layout", opts.layout.name()),
        attr("fontname", FONT),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
        attr("nodesep", "0.5"),
        attr("ranksep", "0.9"),
        attr("outputorder", "edgesfirst"),
    ];
    if opts.layout != Layout::Dot {
        graph_attrs.push(attr("overlap", "false"));
        graph_attrs.push(attr("sep", "+12"));
        graph_attrs.push(attr("splines", "true"));
    }
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", "12"),
            attr("color", "#555555"),
            attr("margin", "0.15,0.08"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "10"),
            attr("arrowsize", "0.8"),
        ])),
    ]
}

/// The graph as graphviz-rust's AST: what [`to_dot`] prints and the renderer
/// hands to `dot`.
pub(crate) fn to_ast(g: &GraphJson, opts: &ExportOptions) -> Graph {
    let mut stmts = default_stmts(opts);
    let mut nodes: Vec<&NodeJson> = g.nodes.iter().collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let linked: BTreeSet<&str> = g
        .edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    let isolated = |n: &NodeJson| !linked.contains(n.id.as_str());
    stmts.extend(nodes.iter().map(|n| node_stmt(n, opts, isolated(n))));
    stmts.extend(g.edges.iter().map(edge_stmt));
    if !g.edges.is_empty() {
        let kinds: BTreeSet<&str> = g.nodes.iter().map(|n| n.kind.as_str()).collect();
        let any_isolated = g.nodes.iter().any(isolated);
        let mut legend_id = String::from("_legend");
        while g.nodes.iter().any(|n| n.id == legend_id) {
            legend_id.insert(0, '_');
        }
        let legend_id = quoted(&legend_id);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain("legend_rank".to_string()),
            stmts: vec![
                Stmt::Attribute(attr("rank", "sink")),
                Stmt::Node(Node::new(
                    NodeId(legend_id, None),
                    vec![
                        Attribute(
                            Id::Plain("label".to_string()),
                            Id::Html(legend(&kinds, any_isolated)),
                        ),
                        attr("shape", "plain"),
                        attr("fontsize", "10"),
                        attr("tooltip", "legend"),
                    ],
                )),
            ],
        }));
    }
    Graph::DiGraph {
        id: quoted("stancegraph"),
        strict: false,
        stmts,
    }
}

/// The graph as DOT source (after the view in `opts` was applied by the
/// caller): deterministic, every id quoted, ending with a newline.
pub(crate) fn to_dot(g: &GraphJson, opts: &ExportOptions) -> String {
    let mut text = to_ast(g, opts).print(&mut PrinterContext::default());
    text.push('\n');
    text
}
