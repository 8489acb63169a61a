//! Graphviz's SVG, made fit to live inside the page.
//!
//! `dot -Tsvg` writes a standalone file: an XML prolog and a DOCTYPE that
//! names a DTD on w3.org (neither belongs in HTML), comments, and groups
//! `<g class="node">` / `<g class="edge supports">` whose `<title>` is the
//! node id or `source->target`. We cut the file down to its `<svg>` element
//! and give each group the attribute our script, our tests and a user's CSS
//! look for: `data-id="<id>"` on nodes, `data-edge="<source> <relation>
//! <target>"` on edges. The edge's relation comes from its class (the DOT
//! writers set `class` to the relation name), so two stances on one pair of
//! actors are told apart.

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// `graphviz 2.43.0`, from `dot -V`; `graphviz` when it says nothing usable.
pub(crate) fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let out = Command::new("dot")
            .arg("-V")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output();
        let text = out
            .map(|o| String::from_utf8_lossy(&[o.stderr, o.stdout].concat()).into_owned())
            .unwrap_or_default();
        let number = text
            .split_whitespace()
            .skip_while(|w| *w != "version")
            .nth(1)
            .unwrap_or("");
        format!("graphviz {number}").trim().to_string()
    })
}

/// The `<svg>` element of Graphviz's output, comments dropped, nodes and
/// edges tagged. `nodes` are the node ids; `edges` map `(source, target,
/// relation name)` to the `data-edge` key.
pub(crate) fn annotate(
    svg: &[u8],
    nodes: &[&str],
    edges: &HashMap<(String, String, String), String>,
) -> Result<String> {
    let text = std::str::from_utf8(svg).map_err(|_| Error::Input {
        path: "dot".to_string(),
        what: "Graphviz wrote SVG that is not UTF-8; expected UTF-8 SVG".to_string(),
    })?;
    let start = text.find("<svg").ok_or_else(|| Error::Input {
        path: "dot".to_string(),
        what: "Graphviz wrote no <svg> element; expected SVG output".to_string(),
    })?;
    let text = strip_comments(&text[start..]);
    let known: std::collections::HashSet<&str> = nodes.iter().copied().collect();
    let mut out = String::with_capacity(text.len() + 64 * (nodes.len() + edges.len()));
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<g id=\"") {
        let (before, group) = rest.split_at(at);
        out.push_str(before);
        let tag_end = group.find('>').map_or(group.len(), |i| i + 1);
        let tag = &group[..tag_end];
        let after = &group[tag_end..];
        out.push_str(&tag[..tag.len() - 1]);
        if let Some(attribute) = tag_for(tag, after, &known, edges) {
            out.push_str(&attribute);
        }
        out.push('>');
        rest = after;
    }
    out.push_str(rest);
    Ok(out.trim_end().to_string())
}

/// The attribute for one `<g …>` tag, from its class and the `<title>` that
/// follows it.
fn tag_for(
    tag: &str,
    after: &str,
    nodes: &std::collections::HashSet<&str>,
    edges: &HashMap<(String, String, String), String>,
) -> Option<String> {
    let class = unescape(attribute(tag, "class")?);
    let title = after
        .trim_start()
        .strip_prefix("<title>")
        .and_then(|t| t.find("</title>").map(|end| unescape(&t[..end])))?;
    let mut classes = class.split_whitespace();
    match classes.next()? {
        "node" if nodes.contains(title.as_str()) => {
            Some(format!(" data-id=\"{}\"", escape(&title)))
        }
        "edge" => {
            let relation = classes.next()?;
            // Node ids may hold "->" themselves: try every split.
            title.match_indices("->").find_map(|(i, _)| {
                let key = (
                    title[..i].to_string(),
                    title[i + 2..].to_string(),
                    relation.to_string(),
                );
                edges
                    .get(&key)
                    .map(|k| format!(" data-edge=\"{}\"", escape(k)))
            })
        }
        _ => None,
    }
}

fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        match rest[at..].find("-->") {
            Some(end) => {
                rest = &rest[at + end + 3..];
                // The comment's own line goes with it.
                rest = rest.strip_prefix('\n').unwrap_or(rest);
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// XML character references and the five named entities, decoded.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text escaped for an HTML or SVG attribute value or element content.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(unescape("a&#45;&gt;b &amp; &#x62C;"), "a->b & ج");
        assert_eq!(unescape("a & b"), "a & b");
    }

    #[test]
    fn groups_get_their_keys() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- x -->\n<svg>\n<g id=\"node1\" class=\"node\">\n<title>lna</title></g>\n<g id=\"edge1\" class=\"edge opposes\">\n<title>lna&#45;&gt;turkey</title></g></svg>\n";
        let mut edges = HashMap::new();
        edges.insert(
            ("lna".into(), "turkey".into(), "opposes".into()),
            "lna opposes turkey".to_string(),
        );
        let out = annotate(svg.as_bytes(), &["lna", "turkey"], &edges).unwrap();
        assert!(out.starts_with("<svg>"), "{out}");
        assert!(out.contains("class=\"node\" data-id=\"lna\">"), "{out}");
        assert!(out.contains("data-edge=\"lna opposes turkey\">"), "{out}");
        assert!(!out.contains("<!--"));
    }
}
