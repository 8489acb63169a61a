//! Which pipeline stage this thread is running, so that a panic caught
//! around one article can be reported as "internal error in inference"
//! rather than as a stack trace that ends the whole run (issue 17).
//!
//! The pipeline calls [`enter`] at each stage; a caller that catches a
//! panic reads [`current`]. Marking a stage is one thread-local store.
//!
//! **Test hook (debug builds only).** With `STANCEGRAPH_PANIC_IN=STAGE:ID`
//! in the environment, [`enter`] panics when document `ID` enters stage
//! `STAGE`: the way tests make one article of a corpus fail inside the
//! pipeline. It is compiled only with `debug_assertions`, so release builds
//! never read the variable.

use std::cell::Cell;

/// Reading and decoding the bytes.
pub const DECODE: &str = "decode";
/// Normalisation and tokens.
pub const NORMALISE: &str = "normalise";
/// Sentences and clauses.
pub const SEGMENT: &str = "segment";
/// Finding and resolving actor mentions.
pub const MENTIONS: &str = "mentions";
/// Stance rules.
pub const INFERENCE: &str = "inference";
/// Building the graph.
pub const AGGREGATION: &str = "aggregation";

/// Every stage, in pipeline order.
pub const ALL: [&str; 6] = [DECODE, NORMALISE, SEGMENT, MENTIONS, INFERENCE, AGGREGATION];

thread_local! {
    static CURRENT: Cell<&'static str> = const { Cell::new(DECODE) };
}

/// Marks that this thread now runs `stage` on document `doc_id`.
pub fn enter(stage: &'static str, doc_id: &str) {
    CURRENT.with(|c| c.set(stage));
    #[cfg(debug_assertions)]
    inject_panic(stage, doc_id);
    #[cfg(not(debug_assertions))]
    let _ = doc_id;
}

/// The stage this thread entered last.
pub fn current() -> &'static str {
    CURRENT.with(Cell::get)
}

/// The environment variable of the test hook (read in debug builds only).
pub const PANIC_VAR: &str = "STANCEGRAPH_PANIC_IN";

#[cfg(debug_assertions)]
fn inject_panic(stage: &str, doc_id: &str) {
    if let Ok(want) = std::env::var(PANIC_VAR) {
        if want.split_once(':') == Some((stage, doc_id)) {
            panic!("injected by {PANIC_VAR}={want}");
        }
    }
}
