//! Normalisation into a matching view that remembers, for every byte, which
//! bytes of the original produced it.
//!
//! Arabic: tashkeel, tatweel, bidi and zero-width marks are dropped; hamza
//! carriers fold to their base letter (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى → ي and
//! ة → ه, so spelling variants of one name meet; digits become ASCII;
//! presentation forms go through NFKC. Latin: lower case, typographic quotes,
//! apostrophes and dashes become ASCII.

use unicode_normalization::UnicodeNormalization;

/// The normalised view of a text plus its offset map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormText {
    /// Normalised text.
    pub text: String,
    /// For each byte of `text`, the original byte range of the char it came from.
    src: Vec<(u32, u32)>,
    orig_len: usize,
}

impl NormText {
    /// Maps a normalised byte range back to the original text.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.src.len() {
            let at = self
                .src
                .get(start)
                .map(|s| s.0 as usize)
                .unwrap_or(self.orig_len);
            return (at, at);
        }
        let end = end.min(self.src.len());
        (self.src[start].0 as usize, self.src[end - 1].1 as usize)
    }

    /// Maps a normalised offset to the original offset of the same position.
    pub fn orig_offset(&self, at: usize) -> usize {
        self.src
            .get(at)
            .map(|s| s.0 as usize)
            .unwrap_or(self.orig_len)
    }
}

/// What one original char becomes.
fn fold(c: char, out: &mut String) {
    match c {
        '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
        '\u{FEFF}' | '\u{00AD}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ؤ' => out.push('و'),
        'ئ' | 'ى' => out.push('ي'),
        'ة' => out.push('ه'),
        '\u{0660}'..='\u{0669}' => out.push((b'0' + (c as u32 - 0x0660) as u8) as char),
        '\u{06F0}'..='\u{06F9}' => out.push((b'0' + (c as u32 - 0x06F0) as u8) as char),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            out.push(' ')
        }
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => {
            let decomposed: String = std::iter::once(c).nfkc().collect();
            for d in decomposed.chars() {
                if d == c {
                    out.push(d);
                } else {
                    fold(d, out);
                }
            }
        }
        c if c.is_uppercase() => out.extend(c.to_lowercase()),
        c => out.push(c),
    }
}

/// Normalises a whole text.
pub fn normalize(original: &str) -> NormText {
    let mut text = String::with_capacity(original.len());
    let mut src = Vec::with_capacity(original.len());
    let mut buf = String::new();
    for (at, c) in original.char_indices() {
        buf.clear();
        fold(c, &mut buf);
        let span = (at as u32, (at + c.len_utf8()) as u32);
        text.push_str(&buf);
        src.extend(std::iter::repeat_n(span, buf.len()));
    }
    NormText {
        text,
        src,
        orig_len: original.len(),
    }
}
