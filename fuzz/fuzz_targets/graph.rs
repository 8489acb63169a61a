//! Arbitrary bytes as graph JSON: parse (must not panic or overflow the
//! stack), then merge with itself and re-serialise; the merge must parse again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stancegraph::graph::{merge, GraphJson};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(g) = GraphJson::parse("fuzz.json", text) else {
        return;
    };
    let once = merge(std::slice::from_ref(&g));
    let twice = merge(&[g.clone(), g]);
    for m in [&once, &twice] {
        let out = m.to_pretty_string();
        GraphJson::parse("merged.json", &out).expect("a merge re-parses");
    }
    // TODO(corpus branch): add `diff(&g, &g)` is empty once `diff` lands.
});
