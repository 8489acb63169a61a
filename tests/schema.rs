//! Real output validates against the published JSON Schema of the contract.

use stancegraph::extract::Options;
use stancegraph::lexicon::Knowledge;
use std::path::Path;

fn articles() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("samples")
        .expect("samples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn extracted_graphs_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("docs/schema/stancegraph-1.schema.json").expect("schema file"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let kb = Knowledge::embedded().expect("packs load");
    let mut graphs = Vec::new();
    for path in articles() {
        let bytes = std::fs::read(&path).expect("article reads");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let doc = stancegraph::read_document(&stem, &path.display().to_string(), &bytes, None)
            .expect("decodes");
        graphs.push(stancegraph::extract_graph(&doc, &kb, &Options::default()).to_json());
    }
    assert!(graphs.len() >= 4, "expected the four samples");
    let merged = stancegraph::graph::merge(&graphs);
    assert!(!merged.edges.is_empty(), "the samples yield edges");
    for g in graphs.iter().chain(std::iter::once(&merged)) {
        let value = serde_json::to_value(g).expect("serialises");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "schema violations: {errors:?}");
    }
    // And a broken graph is rejected, so the check can fail.
    let mut bad = serde_json::to_value(&merged).expect("serialises");
    bad["edges"][0]["relation"] = serde_json::json!("likes");
    assert!(!validator.is_valid(&bad));
    assert!(Path::new("docs/schema/stancegraph-1.schema.json").exists());
}
