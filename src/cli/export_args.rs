//! Arguments shared by every command that writes a graph in some format.

use clap::{Args, ValueEnum};
use stancegraph::export::{ExportOptions, Format, Labels, Layout, View};
use stancegraph::Relation;

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// stancegraph/1 graph JSON
    Json,
    /// Graphviz DOT
    Dot,
    /// SVG (Graphviz)
    Svg,
    /// PNG (Graphviz)
    Png,
    /// PDF (Graphviz)
    Pdf,
    /// NetworkX node-link JSON (also D3)
    NodeLink,
    /// Cytoscape.js elements JSON
    Cytoscape,
    /// GEXF 1.3 (Gephi)
    Gexf,
    /// GraphML
    Graphml,
    /// JSON Graph Format v2
    Jgf,
    /// nodes.csv + edges.csv
    Csv,
    /// edges only, one CSV
    CsvEdges,
    /// interactive HTML report, one self-contained page
    Html,
}

impl FormatArg {
    /// The library's format.
    pub fn format(self) -> Format {
        match self {
            FormatArg::Json => Format::Json,
            FormatArg::Dot => Format::Dot,
            FormatArg::Svg => Format::Svg,
            FormatArg::Png => Format::Png,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::NodeLink => Format::NodeLink,
            FormatArg::Cytoscape => Format::Cytoscape,
            FormatArg::Gexf => Format::Gexf,
            FormatArg::Graphml => Format::Graphml,
            FormatArg::Jgf => Format::Jgf,
            FormatArg::Csv => Format::Csv,
            FormatArg::CsvEdges => Format::CsvEdges,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LayoutArg {
    Dot,
    Neato,
    Fdp,
    Circo,
    Sfdp,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LabelsArg {
    Ar,
    En,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RelationArg {
    Supports,
    Opposes,
    NegotiatesWith,
    MemberOf,
}

/// Labels, layout and the view filters.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Node labels: Arabic, English, or both (Arabic over English).
    #[arg(long, value_enum, default_value = "both")]
    labels: LabelsArg,
    /// Graphviz layout engine for dot/svg/png/pdf.
    #[arg(long, value_enum, default_value = "dot")]
    layout: LayoutArg,
    /// Keep edges with at least this many statements.
    #[arg(long, default_value_t = 0)]
    min_weight: u32,
    /// Keep only these relations (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    relations: Vec<RelationArg>,
    /// Keep only the neighbourhood of this actor id.
    #[arg(long)]
    focus: Option<String>,
    /// Hops around --focus.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Drop actors of these kinds (comma-separated, e.g. media,forum).
    #[arg(long, value_delimiter = ',')]
    drop_kind: Vec<String>,
}

impl ExportArgs {
    /// The library's export options.
    pub fn options(&self) -> ExportOptions {
        let relations = (!self.relations.is_empty()).then(|| {
            self.relations
                .iter()
                .map(|r| match r {
                    RelationArg::Supports => Relation::Supports,
                    RelationArg::Opposes => Relation::Opposes,
                    RelationArg::NegotiatesWith => Relation::NegotiatesWith,
                    RelationArg::MemberOf => Relation::MemberOf,
                })
                .collect()
        });
        ExportOptions {
            labels: match self.labels {
                LabelsArg::Ar => Labels::Ar,
                LabelsArg::En => Labels::En,
                LabelsArg::Both => Labels::Both,
            },
            layout: match self.layout {
                LayoutArg::Dot => Layout::Dot,
                LayoutArg::Neato => Layout::Neato,
                LayoutArg::Fdp => Layout::Fdp,
                LayoutArg::Circo => Layout::Circo,
                LayoutArg::Sfdp => Layout::Sfdp,
            },
            view: View {
                min_weight: self.min_weight,
                relations,
                focus: self.focus.clone(),
                depth: self.depth,
                drop_kinds: self.drop_kind.clone(),
            },
        }
    }
}
