//! The text engine end to end: the fuzz target's property as a proptest
//! (so it runs in CI without nightly), and regression tests for issue 3.

use proptest::prelude::*;
use stancegraph::text::{decode, markers, normalize, segment, tokenize, MarkerKind, NormText};

fn check_span(map: &NormText, original: &str, s: usize, e: usize) {
    let text = &map.text;
    assert!(s <= e && e <= text.len(), "norm span {s}..{e}");
    assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    let (os, oe) = map.orig_span(s, e);
    assert!(os <= oe && oe <= original.len(), "orig span {os}..{oe}");
    assert!(original.is_char_boundary(os) && original.is_char_boundary(oe));
}

/// decode → normalise → segment → tokenize → markers: no panic, spans in
/// range and on char boundaries.
fn pipeline(bytes: &[u8], path: &str) {
    let Ok(original) = decode(bytes, path) else {
        return;
    };
    let norm = normalize(&original);
    assert_eq!(normalize(&norm.text).text, norm.text);
    for s in segment(&norm.text) {
        check_span(&norm, &original, s.start, s.end);
        for &(a, b) in &s.clauses {
            assert!(s.start <= a && b <= s.end);
            check_span(&norm, &original, a, b);
        }
    }
    let tokens = tokenize(&norm.text);
    for t in &tokens {
        check_span(&norm, &original, t.start, t.end);
    }
    for m in markers(&norm.text, &tokens) {
        check_span(&norm, &original, m.start, m.end);
    }
}

fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "قال",
        " ",
        "الجيش",
        "لم",
        "ولن",
        "،",
        ".",
        "., ",
        "؟",
        "…",
        "\"",
        "«",
        "»",
        "\n",
        "U.N.",
        "Gen.",
        "3.5",
        "٣٫٥",
        "didn't",
        "’s",
        "<p>",
        "</p>",
        "<title>",
        "<script>",
        "&amp;",
        "&#x41;",
        "<!--",
        "لكن",
        "but",
        "ﻻ",
        "َ",
        "ـ",
        "\u{200F}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #[test]
    fn pipeline_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), html in any::<bool>()) {
        pipeline(&bytes, if html { "a.html" } else { "a.txt" });
    }

    #[test]
    fn pipeline_on_texty_bytes(bytes in texty_bytes(), html in any::<bool>()) {
        pipeline(&bytes, if html { "a.html" } else { "a.txt" });
    }
}

#[test]
fn issue_3_junk_separators_do_not_lead_sentences() {
    let original = "رحب الجيش بالدعوة., لكنه رفض الشروط. , وأكد أنه لن يتفاوض.";
    let norm = normalize(original);
    let firsts: Vec<&str> = segment(&norm.text)
        .iter()
        .map(|s| {
            let (a, b) = norm.orig_span(s.start, s.end);
            original[a..b].split(' ').next().unwrap_or("")
        })
        .collect();
    assert_eq!(firsts, ["رحب", "لكنه", "وأكد"]);
}

#[test]
fn issue_3_negation_is_found_in_its_clause() {
    let original = "رحبت أنقرة بالاتفاق، لكن القاهرة لم توقع عليه.";
    let norm = normalize(original);
    let tokens = tokenize(&norm.text);
    let found = markers(&norm.text, &tokens);
    let sentence = &segment(&norm.text)[0];
    assert_eq!(sentence.clauses.len(), 2);
    let negation = found.iter().find(|m| m.kind == MarkerKind::Negation);
    let clause = negation.and_then(|m| sentence.clause_of(m.start));
    assert_eq!(clause, Some(1));
}

#[test]
fn issue_3_cp1256_html_offsets_point_into_extracted_text() {
    let page = "<html><head><title>ليبيا</title></head><body><p>قال المسماري إن الجيش لن يتفاوض.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
    let original = decode(&bytes, "page.html").unwrap_or_default();
    assert_eq!(original, "ليبيا\n\nقال المسماري إن الجيش لن يتفاوض.");
    let norm = normalize(&original);
    let sentences = segment(&norm.text);
    assert_eq!(sentences.len(), 2);
    let (a, b) = norm.orig_span(sentences[1].start, sentences[1].end);
    assert_eq!(&original[a..b], "قال المسماري إن الجيش لن يتفاوض.");
}
