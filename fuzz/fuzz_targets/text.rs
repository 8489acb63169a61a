//! decode → normalize → segment → tokenize on arbitrary bytes, checking the
//! invariants later stages rely on: spans inside the text, on char
//! boundaries, and mapping back onto char boundaries of the original.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stancegraph::text::{decode, normalize, segment, tokenize};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data, "fuzz") else {
        return;
    };
    let norm = normalize(&text);
    for s in segment(&norm.text) {
        assert!(s.start <= s.end && s.end <= norm.text.len());
        assert!(norm.text.is_char_boundary(s.start) && norm.text.is_char_boundary(s.end));
        for &(a, b) in &s.clauses {
            assert!(s.start <= a && a <= b && b <= s.end);
        }
        let (a, b) = norm.orig_span(s.start, s.end);
        assert!(a <= b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
    for t in tokenize(&norm.text) {
        assert!(t.start < t.end && t.end <= norm.text.len());
        assert!(norm.text.is_char_boundary(t.start) && norm.text.is_char_boundary(t.end));
    }
});
