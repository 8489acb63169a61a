//! The text between two offsets that come from different places.
//!
//! A token's or a mention's own `start..end` is ordered by construction. A
//! range whose ends come from two different things ("from the end of the
//! source to the end of the clause", "the gap between two mentions") is
//! not: a source coordinated past its clause's comma ends after the clause
//! does (issue 17, a panic on a real article). Such ranges go through
//! [`between`], which reads an inverted or off-boundary range as empty
//! instead of panicking. `tests/span_audit.rs` keeps every other slice in
//! `src/extract/` to a single thing's own range.

/// `text[from..to]`, or `""` when `from > to`, `to` is past the end, or
/// either end is not on a char boundary: nothing lies between two offsets
/// in the wrong order.
///
/// ```
/// use stancegraph::extract::between;
/// assert_eq!(between("قال الجيش", 0, 6), "قال");
/// assert_eq!(between("قال الجيش", 9, 3), "");
/// assert_eq!(between("قال الجيش", 1, 6), ""); // inside a letter
/// ```
pub fn between(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::between;

    #[test]
    fn ordered_ranges_read_as_slices() {
        assert_eq!(between("Turkey backs the GNA", 7, 12), "backs");
        assert_eq!(between("abc", 3, 3), "");
    }

    #[test]
    fn inverted_out_of_bounds_and_mid_char_ranges_are_empty() {
        let text = "وقعت تركيا";
        assert_eq!(between(text, 259, 185), "");
        assert_eq!(between(text, 5, 4), "");
        assert_eq!(between(text, 0, 1000), "");
        assert_eq!(between(text, 1, 4), "");
    }
}
