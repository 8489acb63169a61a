//! The page's data island: the graph as the page's script reads it.
//!
//! One JSON object in a `<script type="application/json">`, built here from
//! the graph JSON. It is shaped for the page, not for tools: evidence comes
//! split around its cue (byte offsets mean nothing to a browser's UTF-16
//! strings), every edge carries its `data-edge` key, and an edge's
//! statements come in *sides*: one for a graph, before and after for a
//! diff, one per slice for a timeline. The script then treats all three
//! pages alike.

use super::super::dot::{kind_style, relation_style};
use crate::diff::dot::Mark;
use crate::graph::{DocumentJson, EdgeJson, EvidenceJson, GraphJson, NodeJson};
use crate::model::Relation;
use serde::Serialize;
use std::collections::BTreeMap;

/// Below this a statement's confidence was lowered by a conditional or a
/// hedge: the engine scales a rule's confidence by 0.6 then, and no rule of
/// the embedded packs starts below 0.6 (so hedged statements are ≤ 0.48).
/// The graph JSON keeps no hedge flag, so the page reads it from here.
const HEDGED_BELOW: f64 = 0.5;

/// Which page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Mode {
    Graph,
    Diff,
    Timeline,
}

/// Everything the page's script reads.
#[derive(Debug, Serialize)]
pub(crate) struct PageData<'a> {
    pub mode: Mode,
    pub title: String,
    /// How the drawing was laid out (`graphviz 2.43.0`, `stancegraph circle`).
    pub layout: String,
    pub styles: Styles,
    pub documents: Vec<Doc<'a>>,
    pub nodes: Vec<Node<'a>>,
    pub edges: Vec<Edge<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub slices: Vec<Slice>,
}

/// Colours for the legend and the filters, from the same tables the DOT
/// writer uses, so the page and the drawing agree.
#[derive(Debug, Serialize)]
pub(crate) struct Styles {
    pub kinds: BTreeMap<String, &'static str>,
    pub relations: BTreeMap<&'static str, &'static str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<&'static str, &'static str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Doc<'a> {
    id: &'a str,
    lang: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    mentions: &'a BTreeMap<String, u32>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Node<'a> {
    id: &'a str,
    label: &'a str,
    labels: &'a BTreeMap<String, String>,
    kind: &'a str,
    mentions: u32,
    /// Takes part in no stance: drawn lighter.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    isolated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Edge<'a> {
    /// `source relation target`: the `data-edge` attribute of its drawing.
    key: String,
    source: &'a str,
    target: &'a str,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    sides: Vec<Side<'a>>,
}

/// The statements behind an edge on one side of a comparison.
#[derive(Debug, Serialize)]
pub(crate) struct Side<'a> {
    /// `""` on a plain graph, `before`/`after` on a diff, the slice name on
    /// a timeline.
    name: String,
    relation: Relation,
    weight: u32,
    confidence: f64,
    evidence: Vec<Evidence<'a>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Evidence<'a> {
    doc: &'a str,
    sentence: usize,
    pre: &'a str,
    cue: &'a str,
    post: &'a str,
    rule: &'a str,
    event: &'a str,
    confidence: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<&'static str>,
}

/// A time slice of a timeline page.
#[derive(Debug, Serialize)]
pub(crate) struct Slice {
    pub slice: String,
    pub start: String,
    pub end: String,
}

/// The key every drawing puts on an edge as `data-edge`.
pub(crate) fn edge_key(source: &str, relation: Relation, target: &str) -> String {
    format!("{source} {} {target}", relation.name())
}

impl Styles {
    pub(crate) fn of(nodes: &[Node<'_>], diff: bool) -> Styles {
        let kinds = nodes
            .iter()
            .map(|n| (n.kind.to_string(), kind_style(n.kind).2))
            .collect();
        let relations = [
            Relation::Supports,
            Relation::Opposes,
            Relation::NegotiatesWith,
            Relation::MemberOf,
        ]
        .into_iter()
        .map(|r| (r.name(), relation_style(r).0))
        .collect();
        let marks = if diff {
            [Mark::Added, Mark::Removed, Mark::Changed, Mark::Same]
                .into_iter()
                .map(|m| (m.name(), m.color()))
                .collect()
        } else {
            BTreeMap::new()
        };
        Styles {
            kinds,
            relations,
            marks,
        }
    }
}

pub(crate) fn documents<'a>(docs: impl IntoIterator<Item = &'a DocumentJson>) -> Vec<Doc<'a>> {
    let mut seen = std::collections::BTreeSet::new();
    docs.into_iter()
        .filter(|d| seen.insert(d.id.as_str()))
        .map(|d| Doc {
            id: &d.id,
            lang: &d.lang,
            path: &d.path,
            date: d.date.as_deref(),
            url: d.url.as_deref(),
            mentions: &d.mentions,
        })
        .collect()
}

pub(crate) fn node<'a>(n: &'a NodeJson, isolated: bool, status: Option<Mark>) -> Node<'a> {
    Node {
        id: &n.id,
        label: &n.label,
        labels: &n.labels,
        kind: &n.kind,
        mentions: n.mentions,
        isolated,
        status: status.map(Mark::name),
    }
}

/// The nodes of a plain graph, isolated ones marked.
pub(crate) fn graph_nodes(g: &GraphJson) -> Vec<Node<'_>> {
    let linked: std::collections::HashSet<&str> = g
        .edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    g.nodes
        .iter()
        .map(|n| node(n, !linked.contains(n.id.as_str()), None))
        .collect()
}

pub(crate) fn edge<'a>(
    source: &'a str,
    relation: Relation,
    target: &'a str,
    status: Option<Mark>,
    sides: Vec<Side<'a>>,
) -> Edge<'a> {
    Edge {
        key: edge_key(source, relation, target),
        source,
        target,
        relation,
        status: status.map(Mark::name),
        sides,
    }
}

pub(crate) fn side<'a>(name: &str, e: &'a EdgeJson) -> Side<'a> {
    Side {
        name: name.to_string(),
        relation: e.relation,
        weight: e.weight,
        confidence: e.confidence,
        evidence: e
            .evidence
            .iter()
            .map(|ev| evidence(ev, e.relation))
            .collect(),
    }
}

/// One statement, its sentence cut around the cue. The offsets are bytes
/// into the original text; when they do not land inside this sentence (a
/// hand-edited file), the cue is looked up by its words, and failing that
/// the sentence is shown whole, unmarked.
fn evidence(ev: &EvidenceJson, relation: Relation) -> Evidence<'_> {
    let text = ev.text.as_str();
    let by_offsets = (ev.start <= ev.cue_start
        && ev.cue_start <= ev.cue_end
        && ev.end.checked_sub(ev.start) == Some(text.len()))
    .then(|| (ev.cue_start - ev.start, ev.cue_end - ev.start))
    .filter(|&(a, b)| b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b))
    // An empty span for a cue that has words is a bad offset, not a cue.
    .filter(|&(a, b)| a < b || ev.cue.is_empty());
    let by_words = || {
        (!ev.cue.is_empty())
            .then(|| text.find(&ev.cue).map(|a| (a, a + ev.cue.len())))
            .flatten()
    };
    let (a, b) = by_offsets
        .or_else(by_words)
        .unwrap_or((text.len(), text.len()));
    Evidence {
        doc: &ev.document,
        sentence: ev.sentence,
        pre: &text[..a],
        cue: &text[a..b],
        post: &text[b..],
        rule: &ev.rule,
        event: &ev.event,
        confidence: ev.confidence,
        marks: marks(ev, relation),
    }
}

/// `negated` when the rule's own relation (its id's middle part, as in
/// `ar/supports/welcome`) is not the edge's: a negation turned it around.
/// `hedged` below [`HEDGED_BELOW`].
fn marks(ev: &EvidenceJson, relation: Relation) -> Vec<&'static str> {
    let mut marks = Vec::new();
    let rule_relation = ev.rule.split('/').nth(1).unwrap_or("");
    let known = ["supports", "opposes", "negotiates"].contains(&rule_relation);
    if known && !relation.name().starts_with(rule_relation) {
        marks.push("negated");
    }
    if ev.confidence < HEDGED_BELOW {
        marks.push("hedged");
    }
    marks
}
