//! SVG, PNG and PDF, drawn by Graphviz's `dot` through graphviz-rust's
//! `exec`: the same AST that [`super::Format::Dot`] prints is handed to the
//! command, with the layout engine as `-K`.
//!
//! `exec` writes the DOT to a temporary file and runs `dot` on it; its error
//! is a plain `io::Error`, so a missing binary (`NotFound`) is told apart here
//! and turned into a hint to install Graphviz.

use super::{dot, ExportOptions, Format};
use crate::error::{Error, Result};
use crate::graph::GraphJson;
use graphviz_rust::cmd::{CommandArg, Format as GvFormat, Layout as GvLayout};
use graphviz_rust::printer::PrinterContext;
use std::process::{Command, Stdio};

/// Whether Graphviz's `dot` can be run (it is on PATH and answers `-V`).
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub(crate) fn render(g: &GraphJson, format: Format, opts: &ExportOptions) -> Result<Vec<u8>> {
    render_ast(dot::to_ast(g, opts), format, opts.layout)
}

/// Draws a graphviz-rust AST (ours, or the diff's) in `format` with `layout`.
pub(crate) fn render_ast(
    ast: graphviz_rust::dot_structures::Graph,
    format: Format,
    layout: super::Layout,
) -> Result<Vec<u8>> {
    let gv_format = match format {
        Format::Svg => GvFormat::Svg,
        Format::Png => GvFormat::Png,
        Format::Pdf => GvFormat::Pdf,
        other => {
            return Err(Error::Input {
                path: other.name().to_string(),
                what: "not a Graphviz drawing format; expected svg, png or pdf".to_string(),
            })
        }
    };
    let layout = match layout {
        super::Layout::Dot => GvLayout::Dot,
        super::Layout::Neato => GvLayout::Neato,
        super::Layout::Fdp => GvLayout::Fdp,
        super::Layout::Circo => GvLayout::Circo,
        super::Layout::Sfdp => GvLayout::Sfdp,
    };
    let args = vec![CommandArg::Layout(layout), CommandArg::Format(gv_format)];
    graphviz_rust::exec(ast, &mut PrinterContext::default(), args).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Input {
                path: "dot".to_string(),
                what: format!(
                    "Graphviz is not installed (no `dot` on PATH), needed for {format}; \
                     install it (e.g. `apt-get install graphviz`) or export `--format dot`"
                ),
            }
        } else {
            Error::Input {
                path: "dot".to_string(),
                what: format!(
                    "Graphviz failed to draw the {format}: {}",
                    e.to_string().trim()
                ),
            }
        }
    })
}
