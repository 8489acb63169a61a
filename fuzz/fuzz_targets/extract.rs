//! Arbitrary bytes through the whole pipeline: read_document, extract_graph,
//! JSON serialisation, and parsing that JSON back.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stancegraph::extract::Options;
use stancegraph::graph::GraphJson;
use stancegraph::lexicon::Knowledge;
use std::sync::OnceLock;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::embedded().expect("embedded packs load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = stancegraph::read_document("fuzz", "fuzz.txt", data, None) else {
        return;
    };
    let graph = stancegraph::extract_graph(&doc, kb(), &Options::default());
    let json = graph.to_json();
    let text = json.to_pretty_string();
    let back = GraphJson::parse("fuzz.json", &text).expect("our own output parses");
    assert_eq!(back.to_pretty_string(), text, "serialisation round-trips");
});
