//! Language detection by script: an article is Arabic when Arabic letters
//! outnumber Latin ones. Good enough for the two languages we read.

use crate::model::Lang;

/// Detects the language of a text.
pub fn detect_lang(text: &str) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFC}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic >= latin && arabic > 0 {
        Lang::Ar
    } else {
        Lang::En
    }
}
