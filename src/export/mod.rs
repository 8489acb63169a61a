//! Exports of the graph JSON into the formats that visualisation tools open.
//!
//! Every format derives from [`GraphJson`], the `stancegraph/1` contract, and
//! from nothing else: a graph read back from disk exports exactly like one
//! fresh out of `extract`. One file per format, so each can be read next to
//! the specification of the tool that consumes it:
//!
//! | format | file | consumer |
//! | --- | --- | --- |
//! | `json` | (here) | our own contract |
//! | `dot` | `dot.rs` | Graphviz, through graphviz-rust's AST and printer |
//! | `svg`, `png`, `pdf` | `render.rs` | Graphviz `dot`, through graphviz-rust's `exec` |
//! | `node-link` | `nodelink.rs` | NetworkX `node_link_graph`, D3 |
//! | `cytoscape` | `cytoscape.rs` | Cytoscape.js `elements` |
//! | `gexf` | `gexf.rs` | Gephi, NetworkX `read_gexf` |
//! | `graphml` | `graphml.rs` | NetworkX `read_graphml`, igraph, yEd |
//! | `jgf` | `jgf.rs` | JSON Graph Format v2 |
//! | `csv`, `csv-edges` | `csv.rs` | spreadsheets, pandas |
//! | `html` | `html/` | a browser: the interactive report, evidence a click away |
//!
//! The same [`View`] (filters for big graphs) and the same [`Labels`] choice
//! apply to every format, so a figure and the table behind it agree.
//!
//! This module knows nothing about clap: [`Format`] and [`Layout`] parse from
//! and print to their command-line names, and the binary wraps them.
//!
//! ```
//! use stancegraph::export::{export, ExportOptions, Format};
//! use stancegraph::graph::GraphJson;
//!
//! let g = GraphJson::parse("g.json", r#"{"schema":"stancegraph/1","documents":[],"nodes":[],"edges":[]}"#).unwrap();
//! let files = export(&g, Format::Csv, &ExportOptions::default()).unwrap();
//! assert_eq!(files.iter().map(|f| f.suffix.as_str()).collect::<Vec<_>>(), ["nodes", "edges"]);
//! ```

mod csv;
mod cytoscape;
pub(crate) mod dot;
mod gexf;
mod graphml;
pub mod html;
mod jgf;
mod nodelink;
pub(crate) mod render;
mod view;
mod xml;

use dot::to_dot;
pub use render::dot_available;
pub use view::View;

use crate::error::{Error, Result};
use crate::graph::{EdgeJson, GraphJson, NodeJson};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// The `stancegraph/1` graph JSON itself (after the view's filters).
    Json,
    /// Graphviz DOT source.
    Dot,
    /// SVG drawn by Graphviz (needs `dot` on PATH).
    Svg,
    /// PNG drawn by Graphviz (needs `dot` on PATH).
    Png,
    /// PDF drawn by Graphviz (needs `dot` on PATH).
    Pdf,
    /// NetworkX node-link JSON (`node_link_graph(data, edges="edges")`), also D3.
    NodeLink,
    /// Cytoscape.js `elements` JSON.
    Cytoscape,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// GraphML with typed keys (NetworkX, igraph, yEd).
    Graphml,
    /// JSON Graph Format v2.
    Jgf,
    /// Two files: `nodes.csv` and `edges.csv`.
    Csv,
    /// One file: the edges table only.
    CsvEdges,
    /// The interactive HTML report: one self-contained page.
    Html,
}

impl Format {
    /// Every format, in the order of the help text.
    pub const ALL: [Format; 13] = [
        Format::Json,
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::NodeLink,
        Format::Cytoscape,
        Format::Gexf,
        Format::Graphml,
        Format::Jgf,
        Format::Csv,
        Format::CsvEdges,
        Format::Html,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::NodeLink => "node-link",
            Format::Cytoscape => "cytoscape",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Jgf => "jgf",
            Format::Csv => "csv",
            Format::CsvEdges => "csv-edges",
            Format::Html => "html",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json | Format::NodeLink | Format::Cytoscape | Format::Jgf => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Csv | Format::CsvEdges => "csv",
            Format::Html => "html",
        }
    }

    /// The format an output file name implies, from its extension
    /// (case-insensitive, with or without the leading dot). `json` means our
    /// own contract; `cyjs` Cytoscape, `jgf` JSON Graph Format, `gv` DOT.
    /// `csv` means the two-file [`Format::Csv`].
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "dot" | "gv" => Format::Dot,
            "svg" => Format::Svg,
            "png" => Format::Png,
            "pdf" => Format::Pdf,
            "cyjs" => Format::Cytoscape,
            "gexf" => Format::Gexf,
            "graphml" => Format::Graphml,
            "jgf" => Format::Jgf,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    /// Whether the format needs Graphviz's `dot` to produce.
    pub fn needs_dot(self) -> bool {
        matches!(self, Format::Svg | Format::Png | Format::Pdf)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| Error::Input {
                path: s.to_string(),
                what: format!(
                    "unknown format; expected one of: {}",
                    Format::ALL.map(Format::name).join(", ")
                ),
            })
    }
}

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    /// Layered (hierarchical): the default, best for directed stances.
    #[default]
    Dot,
    /// Spring model.
    Neato,
    /// Force-directed.
    Fdp,
    /// Circular.
    Circo,
    /// Force-directed for large graphs.
    Sfdp,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Layout; 5] = [
        Layout::Dot,
        Layout::Neato,
        Layout::Fdp,
        Layout::Circo,
        Layout::Sfdp,
    ];

    /// The engine's name, as Graphviz and the command line spell it.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Circo => "circo",
            Layout::Sfdp => "sfdp",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = Error;

    fn from_str(s: &str) -> Result<Layout> {
        Layout::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| Error::Input {
                path: s.to_string(),
                what: format!(
                    "unknown layout; expected one of: {}",
                    Layout::ALL.map(Layout::name).join(", ")
                ),
            })
    }
}

/// Which language the display labels are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Labels {
    /// Arabic (falls back to the node's `label`).
    Ar,
    /// English (falls back to the node's `label`).
    En,
    /// Arabic over English, a newline between; one of them when only one exists.
    #[default]
    Both,
}

impl Labels {
    /// Every choice.
    pub const ALL: [Labels; 3] = [Labels::Ar, Labels::En, Labels::Both];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Labels::Ar => "ar",
            Labels::En => "en",
            Labels::Both => "both",
        }
    }

    /// The label lines of a node in this choice: one line, or two (Arabic
    /// first) for [`Labels::Both`]. Never empty: the id is the last resort.
    pub fn lines(self, node: &NodeJson) -> Vec<String> {
        let nonempty = |s: Option<&String>| s.filter(|s| !s.trim().is_empty()).cloned();
        let ar = nonempty(node.labels.get("ar"));
        let en = nonempty(node.labels.get("en")).or_else(|| nonempty(Some(&node.label)));
        let fallback = || {
            nonempty(Some(&node.label))
                .or_else(|| ar.clone())
                .or_else(|| en.clone())
                .unwrap_or_else(|| node.id.clone())
        };
        match self {
            Labels::Ar => vec![ar.clone().unwrap_or_else(fallback)],
            Labels::En => vec![en.clone().unwrap_or_else(fallback)],
            Labels::Both => match (&ar, &en) {
                (Some(a), Some(e)) if a != e => vec![a.clone(), e.clone()],
                (Some(a), _) => vec![a.clone()],
                (None, Some(e)) => vec![e.clone()],
                (None, None) => vec![fallback()],
            },
        }
    }

    /// The display label: [`Labels::lines`] joined by a newline.
    pub fn text(self, node: &NodeJson) -> String {
        self.lines(node).join("\n")
    }
}

impl fmt::Display for Labels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Labels {
    type Err = Error;

    fn from_str(s: &str) -> Result<Labels> {
        Labels::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| Error::Input {
                path: s.to_string(),
                what: "unknown label language; expected one of: ar, en, both".to_string(),
            })
    }
}

/// Everything that shapes an export besides the format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportOptions {
    /// Label language.
    pub labels: Labels,
    /// Graphviz layout engine (DOT, SVG, PNG, PDF only).
    pub layout: Layout,
    /// Filters applied before any format is written.
    pub view: View,
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// `""` for the main file; otherwise a part name (`nodes`, `edges` for
    /// CSV) that [`output_path`] puts before the extension.
    pub suffix: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

impl Output {
    fn main(bytes: Vec<u8>) -> Output {
        Output {
            suffix: String::new(),
            bytes,
        }
    }
}

/// Where an [`Output`] goes when the user asked for `main`: the main file
/// itself, or `stem.suffix.ext` beside it (`g.csv` → `g.nodes.csv`).
pub fn output_path(main: &Path, suffix: &str) -> PathBuf {
    if suffix.is_empty() {
        return main.to_path_buf();
    }
    let stem = main
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match main.extension() {
        Some(ext) => format!("{stem}.{suffix}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{suffix}"),
    };
    main.with_file_name(name)
}

/// Exports a graph: applies the view, then writes the format.
///
/// CSV gives two outputs (`nodes`, `edges`); every other format one, with an
/// empty suffix. SVG, PNG and PDF need Graphviz's `dot` on PATH (see
/// [`dot_available`]) and fail with a hint when it is missing; HTML draws
/// with Graphviz when it can and with its own layout otherwise.
pub fn export(g: &GraphJson, format: Format, opts: &ExportOptions) -> Result<Vec<Output>> {
    opts.view.check(g)?;
    let g = opts.view.apply(g);
    let labels = opts.labels;
    Ok(match format {
        Format::Json => vec![Output::main(g.to_pretty_string().into_bytes())],
        Format::Dot => vec![Output::main(to_dot(&g, opts).into_bytes())],
        Format::Svg | Format::Png | Format::Pdf => {
            vec![Output::main(render::render(&g, format, opts)?)]
        }
        Format::NodeLink => vec![Output::main(nodelink::to_node_link(&g, labels)?)],
        Format::Cytoscape => vec![Output::main(cytoscape::to_cytoscape(&g, labels)?)],
        Format::Gexf => vec![Output::main(gexf::to_gexf(&g, labels)?)],
        Format::Graphml => vec![Output::main(graphml::to_graphml(&g, labels)?)],
        Format::Jgf => vec![Output::main(jgf::to_jgf(&g, labels)?)],
        Format::Csv => vec![
            Output {
                suffix: "nodes".to_string(),
                bytes: csv::nodes_csv(&g, labels),
            },
            Output {
                suffix: "edges".to_string(),
                bytes: csv::edges_csv(&g),
            },
        ],
        Format::CsvEdges => vec![Output::main(csv::edges_csv(&g))],
        Format::Html => vec![Output::main(html::graph_page(
            &g,
            &ExportOptions {
                view: View::default(),
                ..opts.clone()
            },
            html::Drawer::Auto,
        )?)],
    })
}

/// The first evidence sentence of an edge, or `""`: what tooltips and
/// one-cell attributes carry.
pub(crate) fn first_evidence(edge: &EdgeJson) -> &str {
    edge.evidence.first().map(|e| e.text.as_str()).unwrap_or("")
}

/// A node's label in one language, `""` when it has none.
pub(crate) fn label_in<'a>(node: &'a NodeJson, lang: &str) -> &'a str {
    node.labels.get(lang).map(String::as_str).unwrap_or("")
}

/// JSON serialisation for the JSON formats: pretty, final newline.
pub(crate) fn json_bytes<T: serde::Serialize>(value: &T, what: &str) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| Error::Input {
        path: what.to_string(),
        what: format!("cannot serialise ({e})"),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
