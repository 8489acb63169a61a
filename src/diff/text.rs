//! The diff as lines a person reads at a glance: `+` added, `-` removed,
//! `~` changed; documents first, then actors, then stances, each sorted.

use super::GraphDiff;

/// What the text shows besides actors and stances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colours (green `+`, red `-`, yellow `~`); the caller decides,
    /// from whether stdout is a terminal and `NO_COLOR`.
    pub color: bool,
    /// Lines for documents added and removed.
    pub documents: bool,
    /// Lines for changes that are not structural: mention counts of an actor,
    /// other evidence behind a stance of the same weight.
    pub minor: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            color: false,
            documents: true,
            minor: true,
        }
    }
}

/// One line per change, each ending in a newline; empty when nothing changed.
pub fn render_text(d: &GraphDiff, opts: &TextOptions) -> String {
    let mut lines: Vec<String> = Vec::new();
    if opts.documents {
        for doc in &d.documents_added {
            lines.push(format!("+ document {}{}", doc.id, dated(&doc.date)));
        }
        for doc in &d.documents_removed {
            lines.push(format!("- document {}{}", doc.id, dated(&doc.date)));
        }
    }
    let mut nodes: Vec<(&str, String)> = Vec::new();
    for n in &d.nodes_added {
        nodes.push((&n.id, format!("+ actor {} ({}, {})", n.id, n.label, n.kind)));
    }
    for n in &d.nodes_removed {
        nodes.push((&n.id, format!("- actor {} ({}, {})", n.id, n.label, n.kind)));
    }
    for c in &d.nodes_changed {
        if c.mentions_before != c.mentions_after {
            if opts.minor {
                nodes.push((
                    &c.id,
                    format!(
                        "~ actor {}: mentions {} → {}",
                        c.id, c.mentions_before, c.mentions_after
                    ),
                ));
            }
        } else {
            nodes.push((
                &c.id,
                format!("~ actor {}: now {} ({})", c.id, c.after.label, c.after.kind),
            ));
        }
    }
    nodes.sort();
    lines.extend(nodes.into_iter().map(|(_, l)| l));

    // Stances, sorted by (source, target) of the line as shown.
    let mut edges: Vec<((String, String, u8), String)> = Vec::new();
    let in_flip = |source: &str, target: &str, relation, added: bool| {
        d.relation_changes.iter().any(|f| {
            let k = if added { &f.after } else { &f.before };
            k.source == source && k.target == target && k.relation == relation
        })
    };
    for e in &d.edges_added {
        if !in_flip(&e.source, &e.target, e.relation, true) {
            edges.push((
                (e.source.clone(), e.target.clone(), 1),
                format!("+ {} {} {} ({})", e.source, e.relation, e.target, e.weight),
            ));
        }
    }
    for e in &d.edges_removed {
        if !in_flip(&e.source, &e.target, e.relation, false) {
            edges.push((
                (e.source.clone(), e.target.clone(), 0),
                format!("- {} {} {} ({})", e.source, e.relation, e.target, e.weight),
            ));
        }
    }
    for f in &d.relation_changes {
        let line = if f.same_direction() {
            format!(
                "~ {} → {}: {} → {}",
                f.source, f.target, f.before.relation, f.after.relation
            )
        } else {
            format!(
                "~ {} {} {} → {} {} {}",
                f.before.source,
                f.before.relation,
                f.before.target,
                f.after.source,
                f.after.relation,
                f.after.target
            )
        };
        edges.push(((f.source.clone(), f.target.clone(), 2), line));
    }
    for c in &d.edges_changed {
        let line = if c.weight_before != c.weight_after {
            format!(
                "~ {} {} {}: {} → {} ({})",
                c.source,
                c.relation,
                c.target,
                c.weight_before,
                c.weight_after,
                c.trend()
            )
        } else if opts.minor {
            format!(
                "~ {} {} {}: other evidence ({})",
                c.source, c.relation, c.target, c.weight_after
            )
        } else {
            continue;
        };
        edges.push(((c.source.clone(), c.target.clone(), 3), line));
    }
    edges.sort();
    lines.extend(edges.into_iter().map(|(_, l)| l));

    let mut out = String::new();
    for line in lines {
        if opts.color {
            let code = match line.as_bytes().first() {
                Some(b'+') => "32",
                Some(b'-') => "31",
                _ => "33",
            };
            out.push_str(&format!("\x1b[{code}m{line}\x1b[0m\n"));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn dated(date: &Option<String>) -> String {
    date.as_ref().map(|d| format!(" ({d})")).unwrap_or_default()
}
