//! decode → normalise → segment → tokenize → markers on arbitrary bytes:
//! nothing panics, and every span is in range and on char boundaries of
//! the text it indexes (normalised spans of the normalised text, mapped
//! spans of the decoded original).
//!
//! Run: `cargo +nightly fuzz run text -- -max_total_time=600`
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancegraph::text::{decode, markers, normalize, segment, tokenize};

fn check(norm_text: &str, original: &str, map: &stancegraph::text::NormText, s: usize, e: usize) {
    assert!(s <= e && e <= norm_text.len(), "norm span {s}..{e}");
    assert!(norm_text.is_char_boundary(s) && norm_text.is_char_boundary(e));
    let (os, oe) = map.orig_span(s, e);
    assert!(os <= oe && oe <= original.len(), "orig span {os}..{oe}");
    assert!(original.is_char_boundary(os) && original.is_char_boundary(oe));
}

fuzz_target!(|data: &[u8]| {
    let path = if data.first().is_some_and(|b| b & 1 == 1) {
        "a.html"
    } else {
        "a.txt"
    };
    let Ok(original) = decode(data, path) else {
        return;
    };
    let norm = normalize(&original);
    let text = &norm.text;
    assert_eq!(normalize(text).text, *text, "normalize is idempotent");
    for sentence in segment(text) {
        check(text, &original, &norm, sentence.start, sentence.end);
        for &(s, e) in &sentence.clauses {
            assert!(sentence.start <= s && e <= sentence.end);
            check(text, &original, &norm, s, e);
        }
    }
    let tokens = tokenize(text);
    for token in &tokens {
        assert!(token.start < token.end);
        check(text, &original, &norm, token.start, token.end);
        for p in token.clitic_splits(text) {
            assert!(text.is_char_boundary(token.start + p));
        }
    }
    for marker in markers(text, &tokens) {
        check(text, &original, &norm, marker.start, marker.end);
    }
});
