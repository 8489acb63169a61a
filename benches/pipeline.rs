//! Per-stage benchmarks of the pipeline on a generated Arabic corpus, plus
//! start-up, merge of many single-article graphs, and export.
//!
//! Every benchmark checks its answer: it asserts the count it produced
//! (bytes, sentences, mentions, assertions, edges, documents) against the
//! count the whole pipeline produced for the same input, so a faster stage
//! that silently does less work fails instead of looking good.
//!
//! ```text
//! cargo bench --bench pipeline                      # full run
//! cargo bench --bench pipeline -- --warm-up-time 1 --measurement-time 2 --sample-size 10   # quick
//! ```
//!
//! See docs/PERFORMANCE.md for the figures and how to read them.

#[path = "support/corpus.rs"]
mod corpus;

use corpus::{GenLang, Generator};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use stancegraph::export::{self, ExportOptions, Format};
use stancegraph::extract::{self, find_mentions, infer, Dating, DocContext, Options};
use stancegraph::graph::{GraphJson, StanceGraph};
use stancegraph::lexicon::Knowledge;
use stancegraph::text::{normalize, segment, tokenize, NormText, Sentence, Token};
use stancegraph::{read_document, Document, Lang};
use std::hint::black_box;

/// The allocator of the `stancegraph` binary, so stages cost here what they
/// cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// About 1 MB of Arabic text.
const ARTICLES: usize = 300;
const SEED: u64 = 8;

struct Prepared {
    doc: Document,
    norm: NormText,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    mentions: Vec<extract::Mention>,
    extraction: extract::Extraction,
}

struct Fixture {
    kb: Knowledge,
    raw: Vec<(String, Vec<u8>)>,
    bytes: u64,
    docs: Vec<Prepared>,
    graphs: Vec<GraphJson>,
    merged: GraphJson,
    sentences: usize,
    mentions: usize,
    assertions: usize,
}

fn fixture(lang: GenLang) -> Fixture {
    let kb = Knowledge::embedded().expect("embedded packs load");
    let raw: Vec<(String, Vec<u8>)> = Generator::new(lang, SEED)
        .take(ARTICLES)
        .map(|a| (a.id, a.text.into_bytes()))
        .collect();
    let bytes = raw.iter().map(|(_, b)| b.len() as u64).sum();
    let mut docs = Vec::new();
    let mut graphs = Vec::new();
    for (id, b) in &raw {
        let doc = read_document(id, id, b, None).expect("generated text decodes");
        let extraction = extract::analyse(&doc, &kb);
        graphs.push(extract::aggregate(&doc, &kb, &extraction, &Options::default()).to_json());
        let norm = normalize(&doc.text);
        let tokens = tokenize(&norm.text);
        let sentences = segment(&norm.text);
        let mentions = extraction.mentions.clone();
        docs.push(Prepared {
            doc,
            norm,
            tokens,
            sentences,
            mentions,
            extraction,
        });
    }
    let merged = stancegraph::graph::merge(&graphs);
    let sentences = docs.iter().map(|d| d.extraction.sentences).sum();
    let mentions = docs.iter().map(|d| d.extraction.mentions.len()).sum();
    let assertions = docs.iter().map(|d| d.extraction.assertions.len()).sum();
    assert!(mentions > 0 && assertions > 0 && !merged.edges.is_empty());
    Fixture {
        kb,
        raw,
        bytes,
        docs,
        graphs,
        merged,
        sentences,
        mentions,
        assertions,
    }
}

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("knowledge_embedded", |b| {
        b.iter(|| {
            let kb = Knowledge::embedded().expect("embedded packs load");
            assert!(!kb.actors.actors.is_empty());
            kb
        })
    });
    g.finish();
}

fn stages(c: &mut Criterion) {
    let f = fixture(GenLang::Ar);
    eprintln!(
        "corpus: {} Arabic articles, {} bytes, {} sentences, {} mentions, {} assertions, {} merged edges",
        ARTICLES,
        f.bytes,
        f.sentences,
        f.mentions,
        f.assertions,
        f.merged.edges.len()
    );
    let mut g = c.benchmark_group("stage_ar_1mb");
    g.throughput(Throughput::Bytes(f.bytes));
    g.sample_size(10);

    g.bench_function("decode", |b| {
        b.iter(|| {
            let n: usize = f
                .raw
                .iter()
                .map(|(id, bytes)| {
                    read_document(id, id, bytes, Some(Lang::Ar))
                        .expect("decodes")
                        .text
                        .len()
                })
                .sum();
            assert_eq!(n as u64, f.bytes);
        })
    });

    g.bench_function("normalise_segment_tokenize", |b| {
        b.iter(|| {
            let n: usize = f
                .docs
                .iter()
                .map(|d| {
                    let norm = normalize(&d.doc.text);
                    black_box(tokenize(&norm.text));
                    segment(&norm.text).len()
                })
                .sum();
            assert_eq!(n, f.sentences);
        })
    });

    g.bench_function("find_mentions", |b| {
        b.iter(|| {
            let n: usize = f
                .docs
                .iter()
                .map(|d| {
                    find_mentions(
                        &f.kb.actors,
                        &d.doc.text,
                        &d.norm,
                        &d.tokens,
                        &d.sentences,
                        Dating {
                            date: d.doc.date.as_deref(),
                            era: None,
                        },
                        true,
                    )
                    .len()
                })
                .sum();
            assert_eq!(n, f.mentions);
        })
    });

    g.bench_function("infer", |b| {
        b.iter(|| {
            let n: usize = f
                .docs
                .iter()
                .map(|d| {
                    let ctx = DocContext {
                        kb: &f.kb,
                        doc_id: &d.doc.id,
                        original: &d.doc.text,
                        norm: &d.norm,
                        tokens: &d.tokens,
                        sentences: &d.sentences,
                        mentions: &d.mentions,
                    };
                    infer(&ctx).len()
                })
                .sum();
            assert_eq!(n, f.assertions);
        })
    });

    let edges: usize = f.graphs.iter().map(|g| g.edges.len()).sum();
    g.bench_function("aggregate", |b| {
        b.iter(|| {
            let n: usize = f
                .docs
                .iter()
                .map(|d| {
                    extract::aggregate(&d.doc, &f.kb, &d.extraction, &Options::default())
                        .edge_count()
                })
                .sum();
            assert_eq!(n, edges);
        })
    });

    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let n: usize = f
                .raw
                .iter()
                .map(|(id, bytes)| {
                    let doc = read_document(id, id, bytes, None).expect("decodes");
                    stancegraph::extract_graph(&doc, &f.kb, &Options::default()).edge_count()
                })
                .sum();
            assert_eq!(n, edges);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("export_merged_300");
    g.sample_size(10);
    let edge_count = f.merged.edges.len();
    g.bench_function("json", |b| {
        b.iter(|| {
            let text = f.merged.to_pretty_string();
            assert_eq!(text.matches("\"relation\": ").count(), edge_count);
            text
        })
    });
    g.bench_function("dot", |b| {
        b.iter(|| {
            let out = export::export(&f.merged, Format::Dot, &ExportOptions::default())
                .expect("dot export");
            let text = std::str::from_utf8(&out[0].bytes).expect("utf-8");
            assert_eq!(text.matches(" -> ").count(), edge_count);
            out
        })
    });
    g.finish();

    merges(c, &f.graphs);
}

/// `n` single-article graphs made unique (document id, hash and evidence
/// document rewritten) in the untimed set-up, then merged by value and
/// turned into canonical JSON, as `merge --input jsonl` does after parsing.
fn merges(c: &mut Criterion, templates: &[GraphJson]) {
    let mut g = c.benchmark_group("merge_single_article_graphs");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("{n}"), |b| {
            b.iter_batched(
                || {
                    (0..n)
                        .map(|i| {
                            let mut t = templates[i % templates.len()].clone();
                            let id = format!("doc-{i:06}");
                            t.documents[0].id.clone_from(&id);
                            t.documents[0].sha256 = format!("{i:064x}");
                            for e in &mut t.edges {
                                for ev in &mut e.evidence {
                                    ev.document.clone_from(&id);
                                }
                            }
                            t
                        })
                        .collect::<Vec<GraphJson>>()
                },
                |graphs| {
                    let mut all = StanceGraph::new();
                    for g in graphs {
                        all.merge_owned(g);
                    }
                    let json = all.into_json();
                    assert_eq!(json.documents.len(), n);
                    json
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, startup, stages);
criterion_main!(benches);
