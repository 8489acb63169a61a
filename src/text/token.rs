//! Tokens over the normalised view, and the Arabic clitic rules.
//!
//! Arabic writes conjunctions, prepositions, the article and the future
//! marker as prefixes (وتركيا, بالجيش, للأمم, سيوقع) and object pronouns as
//! suffixes (رفضه, دعمها). A token keeps its whole span; the clitics are
//! exposed, not cut out, so offsets stay exact.
//!
//! A split is a claim about a word, and a wrong one invents a mention
//! (`وزير` is not و + زير, `بريطانيا` is not ب + ريطانيا, `لبنان` is not ل +
//! بنان). The rules, from most to least trusted:
//!
//! 1. the whole word is always tried first, so names in the lexicon match
//!    as they are and are never stemmed;
//! 2. [`clitic_splits`] lists the legal proclitic chains (and
//!    [`is_proclitic_chain`] checks one); the lexicon matcher takes such a
//!    split **only when the stem is a word it knows**;
//! 3. without a lexicon, [`split_clitics`] takes a split only when the chain
//!    ends in the article (ال, or لل = ل + ال) and leaves a stem of at least
//!    three letters: والجيش → جيش, but وزير stays whole. A bare و/ف/ب/ك/ل/س
//!    before an unknown stem is too often part of the word to cut;
//! 4. enclitic pronouns (ه ها هم هما هن نا) are only stripped when the
//!    remaining stem is known and keeps three letters: with ة folded to ه,
//!    `حكومه` would otherwise lose its last letter.

use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits inside words).
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol char.
    Punct,
}

/// A token: a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive) in the normalised text.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in the normalised text it was made from (empty if
    /// given another text that does not hold the span).
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        norm.get(self.start..self.end).unwrap_or("")
    }

    /// The proclitic split candidates of this token, as [`clitic_splits`].
    pub fn clitic_splits(&self, norm: &str) -> Vec<usize> {
        match self.kind {
            TokenKind::Word => clitic_splits(self.text(norm)),
            _ => vec![0],
        }
    }
}

/// Letters, digits, `_` and combining marks: what words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    ('\u{0621}'..='\u{064A}').contains(&c)
        || c.is_alphanumeric()
        // Marks keep a word whole (i̇ from İ, stray Arabic marks).
        || is_combining_mark(c)
}

/// [`is_word_char`] for every char below U+0800 (Latin, Arabic).
fn word_table() -> &'static [bool] {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x800)
            .map(|c| char::from_u32(c).is_some_and(is_word_char))
            .collect()
    })
}

/// Splits normalised text into tokens: runs of letters and digits are
/// words (numbers when all ASCII digits), any other non-space char is one
/// punctuation token. English possessive `'s` becomes its own token so that
/// `haftar's` contains the token `haftar`.
///
/// ```
/// use stancegraph::text::{tokenize, TokenKind};
/// let text = "haftar's army, 5+5";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["haftar", "'s", "army", ",", "5", "+", "5"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let table = word_table();
    // The char at a boundary: (char, byte length, is a word char).
    let char_at = |at: usize| -> Option<(char, usize, bool)> {
        let b = *bytes.get(at)?;
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else if let (0xC2..=0xDF, Some(&b1)) = (b, bytes.get(at + 1)) {
            let code = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
            (char::from_u32(code)?, 2)
        } else {
            let c = text.get(at..)?.chars().next()?;
            (c, c.len_utf8())
        };
        let word = match table.get(c as usize) {
            Some(&w) => w,
            None => is_word_char(c),
        };
        Some((c, len, word))
    };
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut at = 0usize;
    while let Some((c, len, word)) = char_at(at) {
        if word {
            let start = at;
            let mut all_digits = c.is_ascii_digit();
            at += len;
            while let Some((c, len, true)) = char_at(at) {
                all_digits &= c.is_ascii_digit();
                at += len;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                start,
                end: at,
                kind,
            });
            continue;
        }
        if c.is_whitespace() {
            at += len;
            continue;
        }
        if c == '\'' && bytes.get(at + 1) == Some(&b's') {
            // 's after a word: one token, so that "the army's" splits cleanly.
            let prev_word = tokens
                .last()
                .is_some_and(|t| t.end == at && t.kind == TokenKind::Word);
            if prev_word && !char_at(at + 2).is_some_and(|(_, _, word)| word) {
                tokens.push(Token {
                    start: at,
                    end: at + 2,
                    kind: TokenKind::Word,
                });
                at += 2;
                continue;
            }
        }
        tokens.push(Token {
            start: at,
            end: at + len,
            kind: TokenKind::Punct,
        });
        at += len;
    }
    tokens
}

/// Whether `prefix` (normalised) is a legal chain of Arabic proclitics:
/// an optional conjunction و/ف, then an optional preposition ب/ك/ل or the
/// future marker س, then an optional article ال (ل + ال is written لل). The
/// empty string is a legal (empty) chain.
pub fn is_proclitic_chain(prefix: &str) -> bool {
    let mut rest = prefix;
    if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
        rest = r;
    }
    if rest.is_empty() || rest == "لل" || rest == "س" {
        return true;
    }
    if let Some(r) = rest
        .strip_prefix('ب')
        .or_else(|| rest.strip_prefix('ك'))
        .or_else(|| rest.strip_prefix('ل'))
    {
        rest = r;
    }
    rest.is_empty() || rest == "ال"
}

/// The proclitic split candidates of a normalised word: byte lengths `p`
/// such that `word[..p]` is a legal proclitic chain and at least two
/// letters remain, shortest first. `0` (no split) is always first.
///
/// These are candidates, not decisions: the lexicon takes one only when
/// the stem is a word it knows (see the module doc). For a chain ending in
/// لل the stem has lost its article's alef; look it up as ال + stem, which
/// [`split_clitics`] does for you.
///
/// ```
/// use stancegraph::text::clitic_splits;
/// let word = "وبالجيش";
/// let stems: Vec<&str> = clitic_splits(word).iter().map(|&p| &word[p..]).collect();
/// assert_eq!(stems, ["وبالجيش", "بالجيش", "الجيش", "جيش"]);
/// ```
pub fn clitic_splits(word: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut p = 0;
    // A chain is at most و + ب + ال: four letters.
    for c in word.chars().take(4) {
        if !matches!(c, 'و' | 'ف' | 'ب' | 'ك' | 'ل' | 'س' | 'ا') {
            break;
        }
        p += c.len_utf8();
        if is_proclitic_chain(&word[..p]) && word[p..].chars().count() >= 2 {
            out.push(p);
        }
    }
    out
}

/// Enclitic pronouns, longest first: هما ها هم هن نا ه. The second-person
/// ك كم and first-person ي are left out on purpose: news rarely uses them and
/// too many words end in those letters (ذلك, الحكم, الليبي).
const ENCLITICS: [&str; 6] = ["هما", "ها", "هم", "هن", "نا", "ه"];

/// If `word` ends in an enclitic pronoun and keeps at least three letters,
/// returns the byte length of what remains before it. A candidate only:
/// take it when the stem is known (see the module doc).
pub fn strip_enclitic(word: &str) -> Option<usize> {
    ENCLITICS.iter().find_map(|suffix| {
        let stem = word.strip_suffix(suffix)?;
        (stem.chars().count() >= 3).then_some(stem.len())
    })
}

/// A decided clitic split of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliticSplit {
    /// Byte length of the proclitic chain at the start of the word.
    pub proclitic: usize,
    /// Byte length of the enclitic pronoun at the end of the word.
    pub enclitic: usize,
    /// The stem to look up: the word between the clitics, with the article
    /// restored after لل (للامم → الامم).
    pub stem: String,
}

/// Decides how to split a normalised word, given the words the lexicon
/// knows: the whole word if known; else the longest proclitic chain whose
/// stem is known, with an enclitic stripped only if that makes it known;
/// else, without a known stem, only an article-ending chain leaving three
/// letters or more. `None` when the word stays whole.
///
/// ```
/// use stancegraph::text::split_clitics;
/// let known = |w: &str| ["تركيا", "الامم", "الجيش"].contains(&w);
/// assert_eq!(split_clitics("وتركيا", known).map(|s| s.stem), Some("تركيا".into()));
/// assert_eq!(split_clitics("للامم", known).map(|s| s.stem), Some("الامم".into()));
/// assert_eq!(split_clitics("وزير", known), None);
/// assert_eq!(split_clitics("والحكومه", known).map(|s| s.stem), Some("حكومه".into()));
/// ```
pub fn split_clitics(word: &str, known: impl Fn(&str) -> bool) -> Option<CliticSplit> {
    if word.is_empty() || known(word) {
        return None;
    }
    let splits = clitic_splits(word);
    let stem_of = |p: usize, end: usize| -> String {
        let stem = &word[p..end];
        if word[..p].ends_with("لل") {
            format!("ال{stem}")
        } else {
            stem.to_string()
        }
    };
    for &p in splits.iter().rev() {
        let stem = stem_of(p, word.len());
        if p > 0 && known(&stem) {
            return Some(CliticSplit {
                proclitic: p,
                enclitic: 0,
                stem,
            });
        }
        if let Some(keep) = word.get(p..).and_then(strip_enclitic) {
            let stem = stem_of(p, p + keep);
            if known(&stem) {
                return Some(CliticSplit {
                    proclitic: p,
                    enclitic: word.len() - p - keep,
                    stem,
                });
            }
        }
    }
    splits
        .iter()
        .rev()
        .find(|&&p| {
            let chain = &word[..p];
            p > 0
                && (chain.ends_with("ال") || chain.ends_with("لل"))
                && word[p..].chars().count() >= 3
        })
        .map(|&p| CliticSplit {
            proclitic: p,
            enclitic: 0,
            stem: word[p..].to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn show(original: &str) -> Vec<String> {
        let norm = normalize(original);
        tokenize(&norm.text)
            .iter()
            .map(|t| {
                let (a, b) = norm.orig_span(t.start, t.end);
                let tag = match t.kind {
                    TokenKind::Word => "",
                    TokenKind::Number => "#",
                    TokenKind::Punct => "~",
                };
                format!("{tag}{}", &original[a..b])
            })
            .collect()
    }

    /// `t!(name, original, tokens as original slices)`; `#` marks numbers,
    /// `~` punctuation.
    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<&str> = $expected;
                assert_eq!(show($input), expected);
            }
        };
    }

    t!(
        tok_en,
        "Haftar’s army left.",
        vec!["Haftar", "’s", "army", "left", "~."]
    );
    t!(
        tok_en_plural_possessive,
        "the rivals' talks",
        vec!["the", "rivals", "~'", "talks"]
    );
    t!(tok_en_its, "it's", vec!["it", "'s"]);
    t!(tok_en_sarajevo, "Sarraj's", vec!["Sarraj", "'s"]);
    t!(tok_en_shia, "'shia", vec!["~'", "shia"]);
    t!(tok_en_didnt, "didn't", vec!["didn", "~'", "t"]);
    t!(tok_en_hyphen, "al-Sarraj", vec!["al", "~-", "Sarraj"]);
    t!(tok_en_un, "U.N.", vec!["U", "~.", "N", "~."]);
    t!(
        tok_numbers,
        "5+5 in 2020",
        vec!["#5", "~+", "#5", "in", "#2020"]
    );
    t!(
        tok_ar,
        "وقال المسماري، إن الجيش",
        vec!["وقال", "المسماري", "~،", "إن", "الجيش"]
    );
    t!(tok_ar_tashkeel, "الْجَيْشُ قويٌّ", vec!["الْجَيْشُ", "قويٌّ"]);
    t!(tok_ar_digits, "لجنة ٥+٥", vec!["لجنة", "#٥", "~+", "#٥"]);
    t!(tok_ar_tatweel, "الجـــيش", vec!["الجـــيش"]);
    t!(tok_ar_quotes, "«العربية»", vec!["~«", "العربية", "~»"]);
    t!(tok_dotted_i, "İzmir", vec!["İzmir"]);
    t!(
        tok_alnum_mix,
        "C-130 A400M",
        vec!["C", "~-", "#130", "A400M"]
    );
    t!(tok_emoji, "ok😀", vec!["ok", "~😀"]);

    /// `s!(name, normalised word, stems of clitic_splits)`.
    macro_rules! s {
        ($name:ident, $word:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let word = normalize($word).text;
                let got: Vec<&str> = clitic_splits(&word).iter().map(|&p| &word[p..]).collect();
                let expected: Vec<&str> = $expected;
                assert_eq!(got, expected);
            }
        };
    }
    s!(cs_wa_turkey, "وتركيا", vec!["وتركيا", "تركيا"]);
    s!(cs_bil_army, "بالجيش", vec!["بالجيش", "الجيش", "جيش"]);
    s!(cs_lil_umam, "للأمم", vec!["للامم", "لامم", "امم"]);
    s!(
        cs_wa_bil,
        "وبالجيش",
        vec!["وبالجيش", "بالجيش", "الجيش", "جيش"]
    );
    s!(cs_fa_sa, "فسيوقع", vec!["فسيوقع", "سيوقع", "يوقع"]);
    s!(cs_kal, "كالعادة", vec!["كالعاده", "العاده", "عاده"]);
    s!(cs_two_letters, "ولا", vec!["ولا", "لا"]);
    s!(cs_one_letter, "وب", vec!["وب"]);
    s!(cs_no_chain, "تركيا", vec!["تركيا"]);
    s!(cs_english, "turkey", vec!["turkey"]);
    s!(cs_empty, "", vec![""]);
    s!(cs_double_wa, "ووزير", vec!["ووزير", "وزير"]);

    /// `d!(name, word, known stems, expected (proclitic, stem, enclitic) or None)`.
    macro_rules! d {
        ($name:ident, $word:expr, $known:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let word = normalize($word).text;
                let known: Vec<String> = $known.iter().map(|w: &&str| normalize(w).text).collect();
                let got = split_clitics(&word, |w| known.iter().any(|k| k == w)).map(|s| {
                    (
                        word[..s.proclitic].to_string(),
                        s.stem,
                        word[word.len() - s.enclitic..].to_string(),
                    )
                });
                let expected: Option<(&str, &str, &str)> = $expected;
                let expected =
                    expected.map(|(p, s, e)| (p.to_string(), normalize(s).text, e.to_string()));
                assert_eq!(got, expected);
            }
        };
    }
    const LEX: [&str; 6] = ["تركيا", "الأمم", "الجيش", "حكومة", "بريطانيا", "دعم"];
    d!(dc_wa_turkey, "وتركيا", LEX, Some(("و", "تركيا", "")));
    d!(dc_lil_umam, "للأمم", LEX, Some(("لل", "الأمم", "")));
    d!(dc_bil_army, "بالجيش", LEX, Some(("ب", "الجيش", "")));
    d!(dc_wazir_unknown, "وزير", LEX, None);
    d!(dc_britain_whole, "بريطانيا", LEX, None);
    d!(dc_lebanon, "لبنان", LEX, None);
    d!(dc_lihukuma, "لحكومة", LEX, Some(("ل", "حكومة", "")));
    d!(dc_enclitic_known, "ودعمه", LEX, Some(("و", "دعم", "ه")));
    d!(dc_enclitic_unknown, "حكومته", ["حكوم"], None);
    d!(
        dc_article_unknown,
        "والمرتزقة",
        LEX,
        Some(("وال", "مرتزقة", ""))
    );
    d!(dc_article_short, "الله", LEX, None);
    d!(dc_name_kept, "المسماري", LEX, Some(("ال", "مسماري", "")));
}
