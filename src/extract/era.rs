//! The era of an undated article, read from the years it names.
//!
//! Who "the government in Tripoli", "the Presidential Council" or
//! Bashagha stands for depends on the article's date (the packs' `dated`
//! and `affiliation` spans). Most articles come without one: a file on
//! disk has no date unless the user gives `--date`. News names the years
//! it is about, and it is written at or after the latest of them, so that
//! year is the best guess of its era when nothing better is known.

/// The first and last year read as a news date: the packs' spans start in
/// 2011, and later numbers are rarely years of the past.
const FIRST_YEAR: u32 = 2011;
const LAST_YEAR: u32 = 2030;

/// The last day of the latest year the (normalised) text names
/// (`YYYY-12-31`: news is written at or after the years it names), or None.
/// Only four-digit runs standing alone count (not 20190 or 2019x), so
/// that counts, sums and ids are not taken for years.
pub fn era_of(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut latest: Option<u32> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let alone = i - start == 4 && !glued(bytes, start, i);
        if let Some(year) = super::span::between(text, start, i)
            .parse::<u32>()
            .ok()
            .filter(|_| alone)
        {
            if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
                latest = latest.max(Some(year));
            }
        }
    }
    latest.map(|y| format!("{y}-12-31"))
}

/// Whether the digit run touches a Latin letter (ids, model names: "F2016",
/// "2019b") or is part of a decimal or grouped number ("2013.5", "1,2019").
fn glued(bytes: &[u8], start: usize, end: usize) -> bool {
    let letter = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    let number_mark = |mark: Option<usize>, digit: Option<usize>| {
        mark.and_then(|i| bytes.get(i))
            .is_some_and(|b| matches!(b, b'.' | b','))
            && digit
                .and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_digit)
    };
    letter(start.checked_sub(1))
        || letter(Some(end))
        || number_mark(start.checked_sub(1), start.checked_sub(2))
        || number_mark(Some(end), Some(end + 1))
}

#[cfg(test)]
mod tests {
    use super::era_of;
    use crate::text::normalize;

    #[test]
    fn the_latest_year_named_is_the_era() {
        for (text, era) in [
            (
                "In April 2019 Haftar attacked Tripoli; in 2022 Bashagha was appointed.",
                Some("2022-12-31"),
            ),
            (
                "وفي عام ٢٠٢١ تشكلت حكومة الوحدة الوطنية",
                Some("2021-12-31"),
            ),
            ("The 1969 coup and the 2011 uprising.", Some("2011-12-31")),
            ("He spent 2500 dinars; the F2016 model.", None),
            ("Growth was 2013.5 points; no year here.", None),
            ("No number at all.", None),
        ] {
            assert_eq!(era_of(&normalize(text).text).as_deref(), era, "{text}");
        }
    }
}
