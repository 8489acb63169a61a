//! From a decoded document to its stance graph: mentions, resolution,
//! inference, aggregation.

mod context;
mod era;
mod infer;
mod mentions;
mod span;

pub use context::ArticleContext;
pub use infer::{infer, DocContext};
pub use mentions::{find_mentions, Dating, How, Mention, INERT_KINDS, UNLISTED_PREFIX};
pub use span::between;

use crate::graph::{ActorNode, Assertion, DocumentJson, EdgeJson, EvidenceJson, StanceGraph};
use crate::lexicon::Knowledge;
use crate::model::{Document, Relation};
use crate::stage;
use crate::text::{normalize, segment, tokenize, Sentence};
use std::collections::BTreeMap;

/// What to do with persons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonsMode {
    /// Fold persons into their organisation (the default).
    #[default]
    Fold,
    /// Keep persons as nodes, linked to their organisation by `member-of`.
    Keep,
}

/// Options of one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Persons folded or kept.
    pub persons: PersonsMode,
    /// Only actors that take part in a stance become nodes. By default
    /// every actor found is a node, as the design card says (issue 17):
    /// a reader of the diagram should see who was merely present.
    pub stance_only: bool,
    /// Only actors the packs list: no `unlisted-…` nodes for organisation
    /// names found by pattern.
    pub strict_actors: bool,
}

/// The full result for one document, for callers that want more than the graph.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Resolved mentions.
    pub mentions: Vec<Mention>,
    /// Stance statements.
    pub assertions: Vec<Assertion>,
    /// Number of sentences.
    pub sentences: usize,
}

/// Finds mentions and stance statements in one document, with the default
/// options (unlisted organisations included).
pub fn analyse(doc: &Document, kb: &Knowledge) -> Extraction {
    analyse_with(doc, kb, &Options::default())
}

/// Finds mentions and stance statements in one document; with
/// `opts.strict_actors` only actors the packs list are found.
pub fn analyse_with(doc: &Document, kb: &Knowledge, opts: &Options) -> Extraction {
    stage::enter(stage::NORMALISE, &doc.id);
    let norm = normalize(&doc.text);
    let tokens = tokenize(&norm.text);
    stage::enter(stage::SEGMENT, &doc.id);
    let sentences = split_long_sentences(&norm.text, segment(&norm.text), MAX_SENTENCE_BYTES);
    stage::enter(stage::MENTIONS, &doc.id);
    // An undated article is read in the era of the latest year it names.
    let era = era::era_of(&norm.text);
    let mentions = find_mentions(
        &kb.actors,
        &doc.text,
        &norm,
        &tokens,
        &sentences,
        Dating {
            date: doc.date.as_deref(),
            era: era.as_deref(),
        },
        !opts.strict_actors,
    );
    let ctx = DocContext {
        kb,
        doc_id: &doc.id,
        original: &doc.text,
        norm: &norm,
        tokens: &tokens,
        sentences: &sentences,
        mentions: &mentions,
    };
    stage::enter(stage::INFERENCE, &doc.id);
    let assertions = infer(&ctx);
    Extraction {
        mentions,
        assertions,
        sentences: sentences.len(),
    }
}

/// Longest sentence, in bytes of the normalised text, that the rules see
/// whole. The rules look at windows of a few tokens around each cue, so a
/// longer "sentence" is nearly always a run of text with no stops (a scraped
/// page, a table, a list) and reading it whole only costs time. Longer
/// sentences are cut into chunks, never skipped: see [`split_long_sentences`].
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Cuts every sentence longer than `max` bytes into chunks of at most `max`
/// bytes: whole clauses where they fit, else at the last whitespace before
/// the limit, else (one giant word) at the last char boundary. Each chunk is
/// a sentence of its own for the rules, so a stance across a cut is missed
/// but nothing is dropped and the run time stays linear in the text.
pub fn split_long_sentences(text: &str, sentences: Vec<Sentence>, max: usize) -> Vec<Sentence> {
    if sentences.iter().all(|s| s.end - s.start <= max) {
        return sentences;
    }
    let max = max.max(8);
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        if s.end - s.start <= max {
            out.push(s);
            continue;
        }
        // Pieces no longer than `max`: clauses, with long clauses cut.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &s.clauses {
            let mut a = a;
            while b - a > max {
                let cut = cut_point(text, a, a + max);
                pieces.push((a, cut));
                a = cut;
            }
            if a < b {
                pieces.push((a, b));
            }
        }
        // Greedily pack consecutive pieces into chunks of at most `max`.
        let mut chunk: Vec<(usize, usize)> = Vec::new();
        for p in pieces {
            if let (Some(first), Some(_)) = (chunk.first(), chunk.last()) {
                if p.1 - first.0 > max {
                    push_chunk(text, &mut out, std::mem::take(&mut chunk));
                }
            }
            chunk.push(p);
        }
        push_chunk(text, &mut out, chunk);
    }
    out
}

/// The last whitespace (or, failing that, char boundary) in `(from, limit]`.
fn cut_point(text: &str, from: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    let window = text.get(from..limit).unwrap_or("");
    if let Some((i, c)) = window
        .char_indices()
        .rev()
        .find(|&(i, c)| i > 0 && c.is_whitespace())
    {
        return from + i + c.len_utf8();
    }
    (from + 1..=limit)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(limit)
}

fn push_chunk(text: &str, out: &mut Vec<Sentence>, clauses: Vec<(usize, usize)>) {
    let (Some(first), Some(last)) = (clauses.first(), clauses.last()) else {
        return;
    };
    let (start, end) = (first.0, last.1);
    // Trim whitespace so a chunk's span is tight like a segmented sentence.
    let slice = between(text, start, end);
    let s = start + (slice.len() - slice.trim_start().len());
    let e = end - (slice.len() - slice.trim_end().len());
    if s >= e {
        return;
    }
    let clauses = clauses
        .into_iter()
        .map(|(a, b)| (a.max(s), b.min(e)))
        .filter(|(a, b)| a < b)
        .collect();
    out.push(Sentence {
        start: s,
        end: e,
        clauses,
    });
}

/// Aggregates one document's statements into its graph.
pub fn aggregate(doc: &Document, kb: &Knowledge, ex: &Extraction, opts: &Options) -> StanceGraph {
    stage::enter(stage::AGGREGATION, &doc.id);
    let mut graph = StanceGraph::new();
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for m in &ex.mentions {
        for id in &m.ids {
            *counts.entry(id.as_str()).or_default() += 1;
        }
    }
    let mut norm = None;
    for (id, n) in &counts {
        let Some(actor) = kb.actors.actor(id) else {
            if id.starts_with(UNLISTED_PREFIX) {
                let norm = norm.get_or_insert_with(|| normalize(&doc.text));
                graph.upsert_node(unlisted_node(doc, norm, ex, id, *n));
            }
            continue;
        };
        // Media, places and forums are never actors: nodes only when a
        // stance names them.
        if INERT_KINDS.contains(&actor.kind.as_str()) {
            continue;
        }
        graph.upsert_node(ActorNode {
            id: actor.id.clone(),
            label: actor.label(),
            labels: actor.labels.clone(),
            kind: actor.kind.clone(),
            mentions: *n,
        });
    }
    for a in &ex.assertions {
        let mut a = a.clone();
        if !doc.replaced.is_empty() {
            // Stray bytes were read as U+FFFD: offsets still count the
            // file's bytes.
            let e = &mut a.evidence;
            for at in [&mut e.start, &mut e.end, &mut e.cue_start, &mut e.cue_end] {
                *at = doc.file_offset(*at);
            }
        }
        graph.add_assertion(a);
    }
    if opts.persons == PersonsMode::Keep {
        add_persons(doc, kb, ex, &mut graph);
    }
    if opts.stance_only {
        graph.retain_nodes(|_, degree| degree > 0);
    }
    // Recorded after pruning, so the document lists exactly the graph's
    // nodes: what `merge` needs to count mentions per document.
    let mentions = graph.mention_counts();
    graph.add_document(DocumentJson {
        id: doc.id.clone(),
        path: doc.path.clone(),
        lang: doc.lang.code().to_string(),
        sha256: doc.sha256.clone(),
        date: doc.date.clone(),
        url: doc.url.clone(),
        mentions,
    });
    graph
}

/// The node of an actor no pack lists, labelled with the text of its first
/// mention.
fn unlisted_node(
    doc: &Document,
    norm: &crate::text::NormText,
    ex: &Extraction,
    id: &str,
    mentions: u32,
) -> ActorNode {
    let label = ex
        .mentions
        .iter()
        .find(|m| m.ids.iter().any(|i| i == id))
        .map(|m| {
            let (s, e) = norm.orig_span(m.start, m.end);
            doc.text[s..e].to_string()
        })
        .unwrap_or_else(|| id.to_string());
    let mut labels = BTreeMap::new();
    labels.insert(doc.lang.code().to_string(), label.clone());
    ActorNode {
        id: id.to_string(),
        label,
        labels,
        kind: "unlisted".into(),
        mentions,
    }
}

fn add_persons(doc: &Document, kb: &Knowledge, ex: &Extraction, graph: &mut StanceGraph) {
    let mut seen: BTreeMap<String, (String, u32, usize)> = BTreeMap::new();
    for m in &ex.mentions {
        if let How::Person(pid) = &m.how {
            let entry = seen
                .entry(pid.clone())
                .or_insert_with(|| (m.ids[0].clone(), 0, m.start));
            entry.1 += 1;
        }
    }
    for (pid, (org, n, _)) in seen {
        let Some(person) = kb.actors.persons.iter().find(|p| p.id == pid) else {
            continue;
        };
        graph.upsert_node(ActorNode {
            id: pid.clone(),
            label: person
                .labels
                .get("en")
                .or_else(|| person.labels.get("ar"))
                .cloned()
                .unwrap_or_else(|| pid.clone()),
            labels: person.labels.clone(),
            kind: "person".into(),
            mentions: n,
        });
        graph.add_assertion(Assertion {
            source: pid.clone(),
            relation: Relation::MemberOf,
            target: org,
            evidence: EvidenceJson {
                document: doc.id.clone(),
                sentence: 0,
                start: 0,
                end: 0,
                text: String::new(),
                cue: String::new(),
                cue_start: 0,
                cue_end: 0,
                event: "affiliation".into(),
                rule: "kb/affiliation".into(),
                confidence: 1.0,
            },
        });
    }
}

/// One line per edge, for snapshots and quick reading:
/// `source relation target weight`.
pub fn edge_lines(edges: &[EdgeJson]) -> Vec<String> {
    edges
        .iter()
        .map(|e| format!("{} {} {} {}", e.source, e.relation, e.target, e.weight))
        .collect()
}
