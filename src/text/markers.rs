//! Negation, modality, condition, denial, refusal and question markers.
//!
//! Stance rules must tell "Turkey supports the GNA" from "Turkey does not
//! support", "might support", "would support if …" and "denied supporting".
//! This module only finds the markers; which clause they govern is for the
//! rules to decide, using the clause ranges from [`segment`](super::segment).
//!
//! The words live in `data/text/markers.toml` (embedded); the code only
//! interprets that file. Entries are normalised with [`normalize`] when the
//! table is built, and matched against whole tokens of the normalised text.

use super::normalize::normalize;
use super::segment::segment;
use super::token::{tokenize, Token, TokenKind};
use crate::error::{Error, Result};
use crate::fasthash::FastMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// What a marker does to the clause it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerKind {
    /// لا لم لن ليس غير دون …, not, no, never, without, n't.
    Negation,
    /// قد ربما …, would, could, may, might: the stance is possible, not asserted.
    Modal,
    /// إذا لو في حال …, if, unless: the stance is hypothetical.
    Conditional,
    /// The sentence ends in `?` or `؟`; the marker spans the whole sentence.
    Question,
    /// نفى ينفي …, deny: the speaker denies the proposition that follows.
    Denial,
    /// رفض يرفض …, refuse: the act that follows is refused, so not done.
    Refusal,
}

impl MarkerKind {
    /// The section name used in `data/text/markers.toml`.
    pub fn name(self) -> &'static str {
        match self {
            MarkerKind::Negation => "negation",
            MarkerKind::Modal => "modal",
            MarkerKind::Conditional => "conditional",
            MarkerKind::Question => "question",
            MarkerKind::Denial => "denial",
            MarkerKind::Refusal => "refusal",
        }
    }
}

/// A marker: a byte range of the normalised text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Marker {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive) in the normalised text.
    pub end: usize,
    /// What the marker does.
    pub kind: MarkerKind,
}

/// The embedded marker data.
pub const MARKERS_TOML: &str = include_str!("../../data/text/markers.toml");
const MARKERS_PATH: &str = "data/text/markers.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    negation: Section,
    modal: Section,
    conditional: Section,
    denial: Section,
    refusal: Section,
}

/// One entry: the normalised words after the first and whether the entry
/// may carry a و/ف proclitic (Arabic) or is a contraction tail (n't).
#[derive(Debug, Clone)]
struct Entry {
    kind: MarkerKind,
    rest: Vec<String>,
}

/// A compiled marker table, keyed by the entry's first normalised word.
#[derive(Debug, Default)]
pub struct MarkerTable {
    by_first: FastMap<String, Vec<Entry>>,
    /// Contraction tails such as `n't`: (text before the apostrophe, after it).
    contractions: Vec<(String, String, MarkerKind)>,
    examples: Vec<(MarkerKind, String, bool)>,
}

impl MarkerTable {
    /// Parses and compiles a marker file; `path` names it in errors.
    pub fn parse(src: &str, path: &str) -> Result<MarkerTable> {
        let file: File = toml::from_str(src).map_err(|err| {
            let line = err
                .span()
                .map(|span| src[..span.start.min(src.len())].matches('\n').count() + 1)
                .unwrap_or(0);
            Error::Data {
                path: path.to_string(),
                line,
                what: err.message().to_string(),
                hint: "expected sections negation, modal, conditional, denial and refusal, \
                       each with ar, en, examples and counter_examples lists"
                    .into(),
            }
        })?;
        let mut table = MarkerTable::default();
        for (kind, section) in [
            (MarkerKind::Negation, &file.negation),
            (MarkerKind::Modal, &file.modal),
            (MarkerKind::Conditional, &file.conditional),
            (MarkerKind::Denial, &file.denial),
            (MarkerKind::Refusal, &file.refusal),
        ] {
            for word in section.ar.iter().chain(&section.en) {
                table.add(kind, word, path, src)?;
            }
            for example in &section.examples {
                table.examples.push((kind, example.clone(), true));
            }
            for example in &section.counter_examples {
                table.examples.push((kind, example.clone(), false));
            }
        }
        Ok(table)
    }

    fn add(&mut self, kind: MarkerKind, word: &str, path: &str, src: &str) -> Result<()> {
        let norm = normalize(word.trim()).text;
        let bad = |what: String| {
            let line = src
                .find(&format!("\"{word}\""))
                .map_or(0, |at| src[..at].matches('\n').count() + 1);
            Error::Data {
                path: path.to_string(),
                line,
                what,
                hint: "expected one or more words separated by spaces".into(),
            }
        };
        if let Some((head, tail)) = norm.split_once('\'') {
            if head.is_empty() || tail.is_empty() || norm.contains(' ') {
                return Err(bad(format!("malformed contraction '{word}'")));
            }
            self.contractions
                .push((head.to_string(), tail.to_string(), kind));
            return Ok(());
        }
        let tokens = tokenize(&norm);
        if tokens.is_empty() || tokens.iter().any(|t| t.kind == TokenKind::Punct) {
            return Err(bad(format!(
                "marker '{word}' has no words or has punctuation"
            )));
        }
        let mut words = tokens.iter().map(|t| norm[t.start..t.end].to_string());
        let Some(first) = words.next() else {
            return Err(bad(format!("empty marker '{word}'")));
        };
        self.by_first.entry(first).or_default().push(Entry {
            kind,
            rest: words.collect(),
        });
        Ok(())
    }

    /// Finds the markers in normalised text, given its tokens; sorted by
    /// position, then kind.
    pub fn find(&self, norm: &str, tokens: &[Token]) -> Vec<Marker> {
        let mut out = Vec::new();
        let word = |t: &Token| norm.get(t.start..t.end).unwrap_or("");
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                if matches!(word(token), "'" | "\u{2019}") {
                    self.find_contraction(norm, tokens, i, &mut out);
                }
                continue;
            }
            let text = word(token);
            let mut candidates = vec![(token.start, text)];
            // و / ف in front of an Arabic marker: ولم, فلن, وإذا.
            for conj in ['و', 'ف'] {
                if let Some(rest) = text.strip_prefix(conj) {
                    if rest.starts_with(is_arabic_letter) {
                        candidates.push((token.start + conj.len_utf8(), rest));
                    }
                }
            }
            for (start, head) in candidates {
                let Some(entries) = self.by_first.get(head) else {
                    continue;
                };
                for entry in entries {
                    let following = tokens.get(i + 1..i + 1 + entry.rest.len());
                    let Some(following) = following else {
                        continue;
                    };
                    if following
                        .iter()
                        .zip(&entry.rest)
                        .all(|(t, w)| t.kind == TokenKind::Word && word(t) == w)
                    {
                        let end = following.last().map_or(token.end, |t| t.end);
                        out.push(Marker {
                            start,
                            end,
                            kind: entry.kind,
                        });
                    }
                }
            }
        }
        out.extend(questions(norm));
        out.sort();
        out.dedup();
        out
    }

    /// `didn't`: word, apostrophe, word, touching each other.
    fn find_contraction(&self, norm: &str, tokens: &[Token], i: usize, out: &mut Vec<Marker>) {
        let (Some(before), Some(apos), Some(after)) = (
            i.checked_sub(1).and_then(|j| tokens.get(j)),
            tokens.get(i),
            tokens.get(i + 1),
        ) else {
            return;
        };
        if before.end != apos.start || apos.end != after.start || after.kind != TokenKind::Word {
            return;
        }
        let (Some(head), Some(tail)) = (
            norm.get(before.start..before.end),
            norm.get(after.start..after.end),
        ) else {
            return;
        };
        for (c_head, c_tail, kind) in &self.contractions {
            if head.ends_with(c_head.as_str()) && tail == c_tail {
                out.push(Marker {
                    start: before.end - c_head.len(),
                    end: after.end,
                    kind: *kind,
                });
            }
        }
    }
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c)
}

/// Sentences whose closing punctuation holds `?` or `؟`.
fn questions(norm: &str) -> Vec<Marker> {
    if !norm.contains(['?', '؟']) {
        return Vec::new();
    }
    segment(norm)
        .into_iter()
        .filter(|s| {
            norm.get(s.start..s.end).is_some_and(|text| {
                text.chars()
                    .rev()
                    .take_while(|c| {
                        matches!(
                            c,
                            '.' | ',' | '،' | '!' | '?' | '؟' | '…' | '"' | '\'' | ')'
                        )
                    })
                    .any(|c| matches!(c, '?' | '؟'))
            })
        })
        .map(|s| Marker {
            start: s.start,
            end: s.end,
            kind: MarkerKind::Question,
        })
        .collect()
}

/// The embedded table, compiled once. The embedded file is checked by the
/// tests, so a broken one cannot ship; should it ever fail to parse anyway,
/// the table is empty rather than a panic.
pub fn marker_table() -> &'static MarkerTable {
    static TABLE: OnceLock<MarkerTable> = OnceLock::new();
    TABLE.get_or_init(|| MarkerTable::parse(MARKERS_TOML, MARKERS_PATH).unwrap_or_default())
}

/// Finds negation, modal, conditional, question, denial and refusal markers
/// in normalised text, using the embedded table.
///
/// ```
/// use stancegraph::text::{markers, normalize, tokenize, MarkerKind};
/// let norm = normalize("وقال إن الجيش لن يوقّع");
/// let found = markers(&norm.text, &tokenize(&norm.text));
/// assert_eq!(found[0].kind, MarkerKind::Negation);
/// assert_eq!(&norm.text[found[0].start..found[0].end], "لن");
/// ```
pub fn markers(norm: &str, tokens: &[Token]) -> Vec<Marker> {
    marker_table().find(norm, tokens)
}

/// The markers that fall inside a clause (or any other byte range).
pub fn markers_in(markers: &[Marker], range: (usize, usize)) -> impl Iterator<Item = &Marker> {
    markers
        .iter()
        .filter(move |m| m.start >= range.0 && m.end <= range.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, MarkerKind)> {
        let norm = normalize(text).text;
        markers(&norm, &tokenize(&norm))
            .into_iter()
            .map(|m| (norm[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn embedded_table_parses() {
        let table = MarkerTable::parse(MARKERS_TOML, MARKERS_PATH);
        assert!(table.is_ok(), "{:?}", table.err());
    }

    #[test]
    fn every_example_and_counter_example_holds() {
        let table = marker_table();
        assert!(!table.examples.is_empty());
        for (kind, example, positive) in &table.examples {
            let found = kinds(example).iter().any(|(_, k)| k == kind);
            assert_eq!(found, *positive, "{}: {example:?}", kind.name());
        }
    }

    #[test]
    fn broken_file_names_the_line() {
        let err = MarkerTable::parse("[negation]\nar = [1]\n", "m.toml");
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("m.toml:2:"), "{msg}");
    }

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<(&str, MarkerKind)> = $expected;
                let got = kinds($input);
                let got: Vec<(&str, MarkerKind)> =
                    got.iter().map(|(w, k)| (w.as_str(), *k)).collect();
                assert_eq!(got, expected);
            }
        };
    }
    use MarkerKind::*;
    t!(ar_lam, "الجيش لم يوقع", vec![("لم", Negation)]);
    t!(ar_wa_lan, "ولن تنسحب تركيا", vec![("لن", Negation)]);
    t!(ar_fa_la, "فلا تفاوض", vec![("لا", Negation)]);
    t!(ar_laysa_fathah, "لَيْسَ هناك حوار", vec![("ليس", Negation)]);
    t!(ar_no_false_wa, "ولاية طرابلس", vec![]);
    t!(
        ar_fi_hal,
        "وفي حال فشل الحوار",
        vec![("في حال", Conditional)]
    );
    t!(ar_idha_hamza, "إذا انسحبت", vec![("اذا", Conditional)]);
    t!(ar_qad, "قد تنسحب", vec![("قد", Modal)]);
    t!(ar_nafa_yaa, "ونفى المتحدث", vec![("نفي", Denial)]);
    t!(
        ar_question,
        "هل ستنسحب تركيا؟",
        vec![("هل ستنسحب تركيا؟", Question)]
    );
    t!(en_not, "Turkey will not withdraw", vec![("not", Negation)]);
    t!(en_didnt, "Haftar didn't sign", vec![("n't", Negation)]);
    t!(
        en_didnt_curly,
        "Haftar didn’t sign",
        vec![("n't", Negation)]
    );
    t!(en_cant, "They can't", vec![("n't", Negation)]);
    t!(en_possessive, "Haftar's army", vec![]);
    t!(en_if, "If Turkey withdraws", vec![("if", Conditional)]);
    t!(
        en_provided,
        "Provided that talks resume",
        vec![("provided that", Conditional)]
    );
    t!(en_might, "It might", vec![("might", Modal)]);
    t!(en_denied, "Ankara Denied it", vec![("denied", Denial)]);
    t!(en_refused, "He refused to sign", vec![("refused", Refusal)]);
    t!(
        en_question,
        "Will he sign? Yes.",
        vec![("will he sign?", Question)]
    );
    t!(en_notable, "A notable step", vec![]);
}
