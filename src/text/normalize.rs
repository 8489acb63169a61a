//! Normalisation into a matching view that remembers where every byte came
//! from in the original.
//!
//! Arabic news spells one name many ways (أنقرة / انقره, with or without
//! tashkeel, tatweel or a stray bidi mark), so matching runs on a folded view:
//!
//! * dropped: tashkeel (U+064B–U+0652, U+0670), tatweel (U+0640), zero-width
//!   and bidi marks (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069), BOM, soft
//!   hyphen;
//! * folded: أ إ آ ٱ → ا, ى → ي, ة → ه; hamza on a carrier folds to the
//!   carrier (ؤ → و, ئ → ي) because news sites and OCR drop these hamzas far
//!   more often than they add them, so the bare carrier is what both spellings
//!   share; Arabic-Indic and Persian digits → ASCII, ٫ → `.`, ٬ → `,`;
//!   presentation forms go through NFKC (ﻻ → لا);
//! * Latin: lower case; typographic apostrophes and quotes (’ ‘ “ ” « »),
//!   dashes and exotic spaces become their ASCII counterparts, so
//!   `Haftar’s` → `haftar's`. Dots are kept, so `U.N.` stays `u.n.`.
//!
//! Each original char becomes zero or more chars. The offset map is kept as
//! a short list of pieces rather than one entry per byte: runs where the
//! output has the same byte layout as the input (untouched text, ASCII case
//! folding, أ → ا) are one *linear* piece; a char whose output has another
//! length (digits, quotes, NFKC) is an *atomic* piece that maps as a whole to
//! its original char. Typical text needs a handful of pieces, which keeps
//! normalisation fast and the map small.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The normalised view of a text plus its offset map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormText {
    /// Normalised text.
    pub text: String,
    /// Sorted by `norm`; the first starts at 0 when `text` is not empty.
    pieces: Vec<Piece>,
    orig_len: usize,
}

/// From `norm` up to the next piece, output bytes come from `orig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    norm: usize,
    orig: usize,
    /// 0 for a linear piece (byte `norm + k` ↔ byte `orig + k`); otherwise
    /// the byte length of the one original char the whole piece came from.
    atomic_len: usize,
}

impl NormText {
    /// Maps a normalised byte range back to the original text: the start of
    /// the original char that produced byte `start`, and the end of the one
    /// that produced byte `end - 1` plus any dropped chars right after it. An empty or out-of-range span maps to
    /// an empty span at [`orig_offset`](Self::orig_offset)`(start)`. Offsets
    /// inside a char are treated as that char, so the result always lies on
    /// char boundaries of the original.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.text.len() {
            let at = self.orig_offset(start);
            return (at, at);
        }
        let end = end.min(self.text.len());
        (self.orig_offset(start), self.orig_end(end - 1))
    }

    /// Maps a normalised offset to the original offset of the same position
    /// (the end of the original for offsets at or past the end).
    pub fn orig_offset(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.orig_len;
        }
        let at = floor_boundary(&self.text, at);
        match self.piece_at(at) {
            Some(p) if p.atomic_len == 0 => p.orig + (at - p.norm),
            Some(p) => p.orig,
            None => 0,
        }
    }

    /// The byte length of the original text.
    pub fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// End in the original of the char that produced normalised byte `at`,
    /// stretched over any dropped chars (tashkeel, tatweel, marks) that
    /// follow it, so a span never cuts a word off its diacritics.
    fn orig_end(&self, at: usize) -> usize {
        let at = floor_boundary(&self.text, at);
        let char_len = self.text[at..].chars().next().map_or(1, char::len_utf8);
        let own = match self.piece_at(at) {
            Some(p) if p.atomic_len == 0 => p.orig + (at - p.norm) + char_len,
            Some(p) => p.orig + p.atomic_len,
            None => self.orig_len,
        };
        own.max(self.orig_offset(at + char_len))
    }

    fn piece_at(&self, at: usize) -> Option<&Piece> {
        let idx = self.pieces.partition_point(|p| p.norm <= at);
        idx.checked_sub(1).and_then(|i| self.pieces.get(i))
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What one original char becomes.
enum Fold {
    /// Itself.
    Keep,
    /// Nothing.
    Drop,
    /// One other char.
    To(char),
    /// Anything else: computed by [`fold_slow`].
    Slow,
}

fn classify(c: char) -> Fold {
    match c {
        '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::To('ا'),
        'ؤ' => Fold::To('و'),
        'ئ' | 'ى' => Fold::To('ي'),
        'ة' => Fold::To('ه'),
        '\u{0660}'..='\u{0669}' => Fold::To(digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Fold::To(digit(c as u32 - 0x06F0)),
        '\u{066B}' => Fold::To('.'),
        '\u{066C}' => Fold::To(','),
        '\u{0600}'..='\u{06FF}' => Fold::Keep,
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        '`' => Fold::To('\''),
        c if c.is_ascii() => Fold::Keep,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
            Fold::To('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => Fold::To('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::To('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fold::To(' ')
        }
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Fold::Slow,
        c if c.is_uppercase() => Fold::Slow,
        _ => Fold::Keep,
    }
}

impl Fold {
    /// Packs a fold into a table entry: 0 keep, 1 drop, 2 slow, else the
    /// target char plus 3.
    fn code(&self) -> u32 {
        match self {
            Fold::Keep => 0,
            Fold::Drop => 1,
            Fold::Slow => 2,
            Fold::To(c) => u32::from(*c) + 3,
        }
    }

    #[inline]
    fn from_code(code: u32) -> Fold {
        match code {
            0 => Fold::Keep,
            1 => Fold::Drop,
            2 => Fold::Slow,
            _ => char::from_u32(code - 3).map_or(Fold::Slow, Fold::To),
        }
    }
}

/// [`classify`] for every char below U+0800, so the common case is one
/// table load instead of a long match.
fn fold_table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x800)
            .map(|c| char::from_u32(c).map_or(2, |c| classify(c).code()))
            .collect()
    })
}

fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

/// The rare cases: NFKC of presentation forms (whose parts are folded in
/// turn, since NFKC may yield tashkeel or ى) and multi-char lower case.
fn fold_slow(c: char, out: &mut String) {
    if c.is_uppercase() {
        out.extend(c.to_lowercase());
        return;
    }
    for d in std::iter::once(c).nfkc() {
        match classify(d) {
            Fold::Keep => out.push(d),
            Fold::Drop => {}
            Fold::To(e) => out.push(e),
            Fold::Slow if d == c => out.push(d),
            Fold::Slow => fold_slow(d, out),
        }
    }
}

/// Normalises a whole text.
///
/// ```
/// use stancegraph::text::normalize;
/// let original = "إعلان «الأمم المتّحدة» ٢٠٢٠ – Haftar’s";
/// let norm = normalize(original);
/// assert_eq!(norm.text, "اعلان \"الامم المتحده\" 2020 - haftar's");
/// let at = norm.text.find("2020").unwrap();
/// let (start, end) = norm.orig_span(at, at + 4);
/// assert_eq!(&original[start..end], "٢٠٢٠");
/// ```
pub fn normalize(original: &str) -> NormText {
    let mut n = Normalizer {
        out: String::with_capacity(original.len()),
        pieces: Vec::new(),
        linear_open: false,
    };
    let bytes = original.as_bytes();
    let table = fold_table();
    let mut scratch = String::new();
    // Start of the pending run of kept bytes, copied in one go.
    let mut run = 0usize;
    let mut at = 0usize;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 && !(b.is_ascii_uppercase() || b == b'`') {
            if !n.linear_open {
                n.open_linear(run, at);
            }
            at += 1;
            continue;
        }
        let (c, len) = decode_char(original, at);
        let fold = if (c as u32) < 0x800 {
            // One- and two-byte chars (Latin, Arabic) from a table.
            table
                .get(c as usize)
                .map_or(Fold::Slow, |&code| Fold::from_code(code))
        } else {
            classify(c)
        };
        if let Fold::Keep = fold {
            if !n.linear_open {
                n.open_linear(run, at);
            }
            at += len;
            continue;
        }
        n.out.push_str(&original[run..at]);
        match fold {
            Fold::Keep => {}
            Fold::Drop => n.linear_open = false,
            Fold::To(d) => n.push_one(d, at, len),
            Fold::Slow => {
                scratch.clear();
                fold_slow(c, &mut scratch);
                let mut chars = scratch.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => n.linear_open = false,
                    (Some(d), None) => n.push_one(d, at, len),
                    _ => n.push_atomic(&scratch, at, len),
                }
            }
        }
        at += len;
        run = at;
    }
    n.out.push_str(&original[run..]);
    NormText {
        text: n.out,
        pieces: n.pieces,
        orig_len: original.len(),
    }
}

struct Normalizer {
    out: String,
    pieces: Vec<Piece>,
    /// The last piece is linear and output and input are still aligned
    /// with it, so kept bytes extend it.
    linear_open: bool,
}

impl Normalizer {
    /// Starts a linear piece at original byte `at`; the pending run of kept
    /// bytes `run..at` is not copied yet, so it counts towards the position.
    fn open_linear(&mut self, run: usize, at: usize) {
        self.pieces.push(Piece {
            norm: self.out.len() + (at - run),
            orig: at,
            atomic_len: 0,
        });
        self.linear_open = true;
    }

    fn push_one(&mut self, d: char, at: usize, len: usize) {
        if d.len_utf8() == len {
            if !self.linear_open {
                self.pieces.push(Piece {
                    norm: self.out.len(),
                    orig: at,
                    atomic_len: 0,
                });
                self.linear_open = true;
            }
            self.out.push(d);
        } else {
            let mut buf = [0u8; 4];
            self.push_atomic(d.encode_utf8(&mut buf), at, len);
        }
    }

    fn push_atomic(&mut self, s: &str, at: usize, len: usize) {
        self.pieces.push(Piece {
            norm: self.out.len(),
            orig: at,
            atomic_len: len,
        });
        self.out.push_str(s);
        self.linear_open = false;
    }
}

/// Decodes the char at a char boundary `at` of `s`; two-byte chars (all of
/// Arabic) take a shortcut.
#[inline]
fn decode_char(s: &str, at: usize) -> (char, usize) {
    let bytes = s.as_bytes();
    if let (Some(&b0), Some(&b1)) = (bytes.get(at), bytes.get(at + 1)) {
        if (0xC2..=0xDF).contains(&b0) {
            let code = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if let Some(c) = char::from_u32(code) {
                return (c, 2);
            }
        }
    }
    match s.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{FFFD}', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `t!(name, original, normalised)`.
    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(normalize($input).text, $expected);
                assert_eq!(normalize($expected).text, $expected, "not idempotent");
            }
        };
    }

    t!(ar_tashkeel, "الْجَيْشُ الوَطَنِيُّ", "الجيش الوطني");
    t!(ar_superscript_alef, "هٰذا", "هذا");
    t!(ar_tatweel, "الجـــيش", "الجيش");
    t!(ar_alef_hamza_above, "أنقرة", "انقره");
    t!(ar_alef_hamza_below, "إسطنبول", "اسطنبول");
    t!(ar_alef_madda, "آمر", "امر");
    t!(ar_alef_wasla, "ٱلأمم", "الامم");
    t!(ar_alef_maqsura, "مصطفى", "مصطفي");
    t!(ar_ta_marbuta, "حكومة الوفاق", "حكومه الوفاق");
    t!(ar_hamza_waw, "مؤتمر", "موتمر");
    t!(ar_hamza_ya, "رئيس", "رييس");
    t!(ar_bare_hamza_kept, "جزء", "جزء");
    t!(ar_indic_digits, "٢٣ فبراير ٢٠٢٠", "23 فبراير 2020");
    t!(ar_persian_digits, "۵+۵", "5+5");
    t!(ar_decimal_sep, "٣٫٥ مليون", "3.5 مليون");
    t!(ar_lam_alef_ligature, "ﻻ تفاوض", "لا تفاوض");
    t!(ar_presentation_isolated, "ﺍﻟﺠﻴﺶ", "الجيش");
    t!(ar_ligature_with_tashkeel, "\u{FC5E}", " ");
    t!(ar_zwnj_rlm, "السراج\u{200C}\u{200F}", "السراج");
    t!(ar_bidi_embedding, "\u{202B}ليبيا\u{202C}", "ليبيا");
    t!(ar_isolates, "\u{2067}طرابلس\u{2069}", "طرابلس");
    t!(ar_guillemets, "«العربية»", "\"العربيه\"");
    t!(ar_punct_kept, "قال، ثم؛ لماذا؟", "قال، ثم؛ لماذا؟");
    t!(en_case, "Khalifa HAFTAR", "khalifa haftar");
    t!(en_curly_apostrophe, "Haftar’s army", "haftar's army");
    t!(en_modifier_apostrophe, "Haftar\u{2BC}s", "haftar's");
    t!(en_curly_quotes, "“lesson”", "\"lesson\"");
    t!(
        en_dashes,
        "Libya — Turkey – Russia",
        "libya - turkey - russia"
    );
    t!(en_un_kept, "The U.N. and the U.S.", "the u.n. and the u.s.");
    t!(en_nbsp, "al\u{A0}Sarraj", "al sarraj");
    t!(en_accents, "ÉRDOĞAN", "érdoğan");
    t!(en_dotted_capital_i, "İzmir", "i\u{307}zmir");
    t!(en_soft_hyphen, "cease\u{AD}fire", "ceasefire");
    t!(mixed_bom, "\u{FEFF}Haftar حفتر", "haftar حفتر");

    /// `m!(name, original, normalised needle, original slice it maps to)`:
    /// offsets checked on non-ASCII input.
    macro_rules! m {
        ($name:ident, $input:expr, $needle:expr, $orig:expr) => {
            #[test]
            fn $name() {
                let norm = normalize($input);
                let at = norm.text.find($needle).expect("needle");
                let (s, e) = norm.orig_span(at, at + $needle.len());
                assert_eq!(&$input[s..e], $orig);
            }
        };
    }
    m!(map_tashkeel_inside, "الْجَيْشُ الوطني", "الجيش", "الْجَيْشُ");
    m!(map_after_tashkeel, "الْجَيْشُ الوطني", "الوطني", "الوطني");
    m!(map_hamza, "رحبت أنقرة بالاتفاق", "انقره", "أنقرة");
    m!(map_digits, "لجنة ٥+٥ العسكرية", "5+5", "٥+٥");
    m!(map_ligature, "ﻻ تفاوض", "لا", "ﻻ");
    m!(map_ligature_half, "ﻻ تفاوض", "ل", "ﻻ");
    m!(map_apostrophe, "Haftar’s army", "haftar's", "Haftar’s");
    m!(map_after_quote, "“Turkey” said", "said", "said");
    m!(map_dropped_mark, "a\u{200F}b", "ab", "a\u{200F}b");
    m!(map_trailing_tashkeel, "جيشٌ قوي", "جيش", "جيشٌ");
    m!(
        map_leading_mark,
        "\u{202B}ليبيا\u{202C} اليوم",
        "ليبيا",
        "ليبيا\u{202C}"
    );
    m!(map_dotted_i, "İzmir port", "port", "port");

    #[test]
    fn empty_and_out_of_range() {
        let norm = normalize("بَ");
        assert_eq!(norm.text, "ب");
        assert_eq!(norm.orig_span(0, 2), (0, 4));
        assert_eq!(norm.orig_span(5, 9), (4, 4));
        assert_eq!(norm.orig_span(1, 1), (0, 0));
        assert_eq!(norm.orig_offset(2), 4);
        assert_eq!(normalize("").orig_span(0, 3), (0, 0));
    }

    fn arabic_ish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ء", "َ", "ّ", "ـ", "٣", "۵", "٫", "ﻻ", "ﷺ",
            "\u{200F}", "\u{2067}", "ب", "ال", " ", ".", "،", "؟", "\n", "’", "“", "—", "A", "İ",
            "ß", "Σ", "\u{A0}", "\u{AD}", "\u{FEFF}", "x", "1", "ﭐ", "ﹰ", "ﳲ", "😀",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn check(original: &str) {
        let norm = normalize(original);
        assert_eq!(normalize(&norm.text).text, norm.text, "idempotent");
        let mut last = (0, 0);
        let boundaries: Vec<usize> = norm
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([norm.text.len()])
            .collect();
        for (k, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[k..] {
                let (s, e) = norm.orig_span(start, end);
                assert!(s <= e && e <= original.len(), "{start}..{end} → {s}..{e}");
                assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
            }
            let span = norm.orig_span(start, start + 1);
            assert!(span.0 >= last.0 && span.1 >= last.1, "monotonic");
            last = span;
            assert!(norm.orig_offset(start) <= original.len());
        }
        // Bytes inside a char map like the char itself.
        for at in 0..norm.text.len() + 2 {
            let s = norm.orig_offset(at);
            assert!(original.is_char_boundary(s));
        }
    }

    proptest! {
        #[test]
        fn invariants_arabic(s in arabic_ish()) {
            check(&s);
        }

        #[test]
        fn invariants_any(s in any::<String>()) {
            check(&s);
        }
    }
}
