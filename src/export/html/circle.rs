//! Our own drawing for when Graphviz is not installed: actors on a circle in
//! id order, stances as curves between them.
//!
//! A circle needs no iteration and no randomness, so the same graph gives
//! the same bytes on every machine, and it is readable up to a few hundred
//! actors (the page scrolls and zooms). Curves bend to the left of their
//! direction, so `a → b` and `b → a` never overlap, and a second stance on
//! the same ordered pair bends further out. Groups carry the same
//! `data-id` / `data-edge` attributes as the annotated Graphviz drawing.

use super::graphviz::escape;
use std::collections::HashMap;
use std::fmt::Write;

/// An actor to draw.
pub(crate) struct Spot {
    pub id: String,
    pub lines: Vec<String>,
    pub tooltip: String,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub stroke_width: f64,
    pub dashed: bool,
    pub isolated: bool,
}

/// A stance to draw.
pub(crate) struct Link {
    pub key: String,
    pub source: String,
    pub target: String,
    pub class: &'static str,
    pub color: &'static str,
    pub width: f64,
    pub dashed: bool,
    pub directed: bool,
    pub label: String,
}

/// Pixels per character of a label, a generous average for 12px type.
const CHAR_WIDTH: f64 = 7.2;
const LINE_HEIGHT: f64 = 15.0;
/// Arc length given to each actor on the circle.
const SPACING: f64 = 120.0;
const MARGIN: f64 = 140.0;

struct Placed {
    x: f64,
    y: f64,
    half_w: f64,
    half_h: f64,
}

/// The `<svg>` element of the drawing.
pub(crate) fn draw(spots: &[Spot], links: &[Link]) -> String {
    let n = spots.len().max(1) as f64;
    let radius =
        (n * SPACING / std::f64::consts::TAU).max(if spots.len() > 1 { 160.0 } else { 0.0 });
    let size = 2.0 * (radius + MARGIN);
    let centre = size / 2.0;
    let mut placed: HashMap<&str, Placed> = HashMap::new();
    for (i, s) in spots.iter().enumerate() {
        // Start at the top, go clockwise.
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        let longest = s.lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
        placed.insert(
            &s.id,
            Placed {
                x: centre + radius * angle.cos(),
                y: centre + radius * angle.sin(),
                half_w: (longest * CHAR_WIDTH + 16.0) / 2.0,
                half_h: (s.lines.len().max(1) as f64 * LINE_HEIGHT + 10.0) / 2.0,
            },
        );
    }

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size:.0}\" height=\"{size:.0}\" viewBox=\"0 0 {size:.0} {size:.0}\" class=\"own-layout\">\n<defs>\n"
    );
    let mut colors: Vec<&str> = links.iter().map(|l| l.color).collect();
    colors.sort_unstable();
    colors.dedup();
    for c in &colors {
        let _ = writeln!(
            svg,
            "<marker id=\"arrow-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"{c}\"/></marker>",
            c.trim_start_matches('#')
        );
    }
    svg.push_str("</defs>\n<g class=\"graph\">\n");

    let mut per_pair: HashMap<(&str, &str), usize> = HashMap::new();
    for l in links {
        let (Some(a), Some(b)) = (placed.get(l.source.as_str()), placed.get(l.target.as_str()))
        else {
            continue;
        };
        let nth = per_pair.entry((&l.source, &l.target)).or_insert(0);
        let bend = 24.0 + 20.0 * *nth as f64;
        *nth += 1;
        let _ = writeln!(
            svg,
            "<g class=\"edge {}\" data-edge=\"{}\"><title>{}</title>",
            l.class,
            escape(&l.key),
            escape(&l.key)
        );
        svg.push_str(&curve(a, b, bend, l));
        svg.push_str("</g>\n");
    }

    for s in spots {
        let p = &placed[s.id.as_str()];
        let class = if s.isolated { "node isolated" } else { "node" };
        let _ = writeln!(
            svg,
            "<g class=\"{class}\" data-id=\"{}\"><title>{}</title>",
            escape(&s.id),
            escape(&s.tooltip)
        );
        let dash = if s.dashed {
            " stroke-dasharray=\"5,3\""
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
            p.x - p.half_w,
            p.y - p.half_h,
            2.0 * p.half_w,
            2.0 * p.half_h,
            s.fill,
            s.stroke,
            s.stroke_width
        );
        let first = p.y - p.half_h + 5.0 + LINE_HEIGHT * 0.78;
        let _ = write!(
            svg,
            "<text text-anchor=\"middle\" x=\"{:.1}\" y=\"{first:.1}\">",
            p.x
        );
        for (i, line) in s.lines.iter().enumerate() {
            // The isolates give each line its own direction, as in the DOT labels.
            let _ = write!(
                svg,
                "<tspan x=\"{:.1}\" dy=\"{}\">\u{2068}{}\u{2069}</tspan>",
                p.x,
                if i == 0 { 0.0 } else { LINE_HEIGHT },
                escape(line)
            );
        }
        svg.push_str("</text>\n</g>\n");
    }
    svg.push_str("</g>\n</svg>");
    svg
}

/// A quadratic curve from the edge of `a`'s box to the edge of `b`'s,
/// bent `bend` pixels to the left of its direction, with its label.
fn curve(a: &Placed, b: &Placed, bend: f64, l: &Link) -> String {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (dy / len, -dx / len);
    let (cx, cy) = ((a.x + b.x) / 2.0 + nx * bend, (a.y + b.y) / 2.0 + ny * bend);
    let (x0, y0) = border(a, cx, cy);
    let (x1, y1) = border(b, cx, cy);
    let (mx, my) = (
        0.25 * x0 + 0.5 * cx + 0.25 * x1,
        0.25 * y0 + 0.5 * cy + 0.25 * y1,
    );
    let dash = if l.dashed {
        " stroke-dasharray=\"6,4\""
    } else {
        ""
    };
    let arrow = if l.directed {
        format!(
            " marker-end=\"url(#arrow-{})\"",
            l.color.trim_start_matches('#')
        )
    } else {
        String::new()
    };
    format!(
        "<path d=\"M{x0:.1},{y0:.1}Q{cx:.1},{cy:.1} {x1:.1},{y1:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\"{dash}{arrow}/>\n<text class=\"weight\" x=\"{mx:.1}\" y=\"{my:.1}\" fill=\"{}\" text-anchor=\"middle\">{}</text>\n",
        l.color,
        l.width,
        l.color,
        escape(&l.label)
    )
}

/// Where the line from a box's centre towards (tx, ty) leaves the box.
fn border(p: &Placed, tx: f64, ty: f64) -> (f64, f64) {
    let (dx, dy) = (tx - p.x, ty - p.y);
    let t = [p.half_w / dx.abs(), p.half_h / dy.abs()]
        .into_iter()
        .filter(|t| t.is_finite())
        .fold(1.0f64, f64::min);
    (p.x + dx * t, p.y + dy * t)
}
