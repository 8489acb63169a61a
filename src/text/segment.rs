//! Sentence and clause segmentation over the normalised view.
//!
//! Stance rules look for an actor, a cue and a target inside one clause, so
//! a wrong cut costs an edge and a missing cut invents one. Sentences end at
//! `.` `!` `?` `؟` `…` followed by a space, a quote, a bracket, junk
//! punctuation or the end, and at line breaks; not inside numbers (3.5),
//! after abbreviations (u.n., gen., dr., no. 5) or single initials, nor
//! inside a double-quoted passage (unless the stop is the passage's last
//! char, as in `…fight."`).
//!
//! Scraped Arabic pages end sentences with `.,` and start the next with
//! `, `; the run of junk punctuation after a stop stays with the sentence it
//! closes, and junk before the first word of a sentence is trimmed away.
//!
//! Clauses split at `،` `؛` `;` `:` (not between digits, as in 10:30) and
//! before clause openers (لكن, بينما, في حين, but, while, whereas …) listed in
//! `data/text/segment.toml`. The code only interprets that file.
//!
//! The normalised view is lower case, so capitals cannot tell `U.S. The`
//! (end of sentence) from `U.S. troops`: abbreviations never end a sentence.

use super::normalize::normalize;
use serde::Deserialize;
use std::sync::OnceLock;

/// A sentence: a byte range of the normalised text plus its clauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Clause ranges inside the sentence, in order and non-empty. The first
    /// starts at `start`, the last ends at `end`, and only whitespace lies
    /// between neighbours.
    pub clauses: Vec<(usize, usize)>,
}

impl Sentence {
    /// The index of the clause holding byte `at`, if any.
    pub fn clause_of(&self, at: usize) -> Option<usize> {
        self.clauses.iter().position(|&(s, e)| s <= at && at < e)
    }
}

/// The embedded segmentation data.
pub const SEGMENT_TOML: &str = include_str!("../../data/text/segment.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    abbreviations: Vec<String>,
    number_abbreviations: Vec<String>,
    clause_openers: Vec<String>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        // The embedded file is checked by a test; a broken one degrades to
        // no abbreviations and no openers rather than a panic.
        let raw: Data = toml::from_str(SEGMENT_TOML).unwrap_or_default();
        let norm = |v: Vec<String>| -> Vec<String> {
            v.iter().map(|w| normalize(w.trim()).text).collect()
        };
        Data {
            abbreviations: norm(raw.abbreviations),
            number_abbreviations: norm(raw.number_abbreviations),
            clause_openers: norm(raw.clause_openers),
        }
    })
}

/// Splits normalised text into sentences with their clauses.
///
/// ```
/// use stancegraph::text::{normalize, segment};
/// let norm = normalize("Gen. Haftar met U.N. envoy Salame. Talks failed, but both sides stayed.");
/// let s = segment(&norm.text);
/// assert_eq!(s.len(), 2);
/// assert_eq!(&norm.text[s[0].start..s[0].end], "gen. haftar met u.n. envoy salame.");
/// assert_eq!(s[1].clauses.len(), 2);
/// ```
pub fn segment(text: &str) -> Vec<Sentence> {
    let data = data();
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut in_quote = false;
    let mut quote_open_at = 0usize;
    let mut at = 0usize;
    while at < bytes.len() {
        let b = bytes[at];
        // Only these bytes can start a char that matters here.
        let len = match b {
            b'.' | b'!' | b'?' => 1,
            0xD8 if bytes.get(at + 1) == Some(&0x9F) => 2, // ؟
            0xE2 if bytes.get(at + 1..at + 3) == Some(&[0x80, 0xA6]) => 3, // …
            b'\n' | b'\r' => {
                in_quote = false;
                push_sentence(text, start, at, &mut sentences);
                start = at + 1;
                at += 1;
                continue;
            }
            b'"' => {
                in_quote = !in_quote;
                quote_open_at = at;
                at += 1;
                continue;
            }
            _ => {
                at += 1;
                continue;
            }
        };
        let after = at + len;
        let next = text.get(after..).and_then(|rest| rest.chars().next());
        let followed_ok = match next {
            None => true,
            Some(n) => {
                n.is_whitespace()
                    || matches!(
                        n,
                        '"' | '\'' | ')' | ']' | ',' | '،' | '.' | '!' | '?' | '؟'
                    )
            }
        };
        let no_cut = !followed_ok
            || (b == b'.' && (digit_around(bytes, at) || is_abbreviation(text, at, data)))
            // A quote left open for long is unbalanced: stop honouring it.
            || (in_quote && next != Some('"') && at - quote_open_at < 600);
        if no_cut {
            at = after;
            continue;
        }
        // Junk punctuation after the stop stays with this sentence.
        let mut end = after;
        while let Some(&n) = bytes.get(end) {
            let n_len = match n {
                b'.' | b',' | b'!' | b'?' | b')' | b']' => 1,
                b'"' => {
                    in_quote = !in_quote;
                    1
                }
                0xD8 if matches!(bytes.get(end + 1), Some(0x8C | 0x9F)) => 2, // ، ؟
                0xE2 if bytes.get(end + 1..end + 3) == Some(&[0x80, 0xA6]) => 3,
                _ => break,
            };
            end += n_len;
        }
        push_sentence(text, start, end, &mut sentences);
        start = end;
        at = end;
    }
    push_sentence(text, start, text.len(), &mut sentences);
    sentences
}

fn digit_around(bytes: &[u8], at: usize) -> bool {
    at > 0
        && bytes[at - 1].is_ascii_digit()
        && bytes.get(at + 1).is_some_and(|b| b.is_ascii_digit())
}

/// Whether the word ending at the `.` at `at` is an abbreviation.
fn is_abbreviation(text: &str, at: usize, data: &Data) -> bool {
    let head = &text[..at];
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = head[word_start..].trim_end_matches('.');
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // An initial: "Khalifa B. Haftar".
        return c.is_ascii_alphabetic();
    }
    if data.abbreviations.iter().any(|a| a == word) {
        return true;
    }
    if data.number_abbreviations.iter().any(|a| a == word) {
        let rest = text[at + 1..].trim_start();
        return rest.starts_with(|c: char| c.is_ascii_digit());
    }
    // Dotted acronyms not in the list: u.a.e., a.k.a.
    word.contains('.') && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
}

/// Chars that may lead a sentence without belonging to it.
fn is_junk(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '،' | '.' | ';' | '؛' | '-')
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let trimmed = slice.trim_start_matches(is_junk).trim_end();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let lead = slice.len() - slice.trim_start_matches(is_junk).len();
    let (s, e) = (start + lead, start + lead + trimmed.len());
    out.push(Sentence {
        start: s,
        end: e,
        clauses: clauses(text, s, e, data()),
    });
}

fn clauses(text: &str, start: usize, end: usize, data: &Data) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut cuts = vec![start];
    let mut at = start;
    let mut prev_boundary = true;
    while at < end {
        let b = bytes[at];
        let punct_len = match b {
            b';' => 1,
            b':' if !digit_around(bytes, at) => 1,
            0xD8 if matches!(bytes.get(at + 1), Some(0x8C | 0x9B)) => 2, // ، ؛
            _ => 0,
        };
        if punct_len > 0 {
            cuts.push(at + punct_len);
            at += punct_len;
            prev_boundary = true;
            continue;
        }
        if prev_boundary && at > start && b >= b'a' && opener_at(text, at, end, data).is_some() {
            cuts.push(at);
        }
        prev_boundary = b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'_';
        at += 1;
        while at < end && !text.is_char_boundary(at) {
            at += 1;
        }
    }
    cuts.push(end);
    tidy(text, &cuts)
}

/// The byte length of a clause opener at `at`, with its و/ف if any.
fn opener_at(text: &str, at: usize, end: usize, data: &Data) -> Option<usize> {
    let rest = text.get(at..end)?;
    let bare = rest
        .strip_prefix('و')
        .or_else(|| rest.strip_prefix('ف'))
        .filter(|r| r.starts_with(|c: char| !c.is_ascii()));
    for candidate in [Some(rest), bare].into_iter().flatten() {
        for opener in &data.clause_openers {
            if let Some(after) = candidate.strip_prefix(opener.as_str()) {
                if !after.starts_with(|c: char| c.is_alphanumeric()) {
                    return Some(rest.len() - after.len());
                }
            }
        }
    }
    None
}

/// Turns cut points into trimmed, non-empty clauses; a piece without any
/// letter or digit joins the clause before it.
fn tidy(text: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (s, e) = (s + lead, s + lead + trimmed.len());
        match out.last_mut() {
            Some(last) if !trimmed.chars().any(char::is_alphanumeric) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(original: &str) -> Vec<String> {
        let norm = normalize(original);
        segment(&norm.text)
            .iter()
            .map(|s| {
                let (a, b) = norm.orig_span(s.start, s.end);
                original[a..b].to_string()
            })
            .collect()
    }

    fn clause_texts(original: &str) -> Vec<Vec<String>> {
        let norm = normalize(original);
        segment(&norm.text)
            .iter()
            .map(|s| {
                s.clauses
                    .iter()
                    .map(|&(c0, c1)| {
                        let (a, b) = norm.orig_span(c0, c1);
                        original[a..b].to_string()
                    })
                    .collect()
            })
            .collect()
    }

    /// `t!(name, original, sentences as original slices)`.
    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<&str> = $expected;
                assert_eq!(sentences($input), expected);
            }
        };
    }
    /// `c!(name, original, clauses of each sentence)`.
    macro_rules! c {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<Vec<&str>> = $expected;
                assert_eq!(clause_texts($input), expected);
            }
        };
    }

    t!(
        en_two,
        "Haftar left. Sarraj stayed.",
        vec!["Haftar left.", "Sarraj stayed."]
    );
    t!(
        en_decimal,
        "Oil fell 3.5 percent. Then rose.",
        vec!["Oil fell 3.5 percent.", "Then rose."]
    );
    t!(
        en_un,
        "The U.N. envoy spoke. He left.",
        vec!["The U.N. envoy spoke.", "He left."]
    );
    t!(
        en_us_sanctions,
        "U.S. sanctions hit. Fine.",
        vec!["U.S. sanctions hit.", "Fine."]
    );
    t!(
        en_gen,
        "Gen. Haftar and Dr. Salame met Mr. Lavrov.",
        vec!["Gen. Haftar and Dr. Salame met Mr. Lavrov."]
    );
    t!(
        en_initial,
        "Khalifa B. Haftar spoke.",
        vec!["Khalifa B. Haftar spoke."]
    );
    t!(
        en_no_number,
        "Resolution No. 2510 passed.",
        vec!["Resolution No. 2510 passed."]
    );
    t!(
        en_said_no,
        "They said no. Talks ended.",
        vec!["They said no.", "Talks ended."]
    );
    t!(
        en_dec_date,
        "Elections on Dec. 24, 2021 were set.",
        vec!["Elections on Dec. 24, 2021 were set."]
    );
    t!(
        en_quote_inside,
        "He said \"We will fight. We will win\" and left.",
        vec!["He said \"We will fight. We will win\" and left."]
    );
    t!(
        en_quote_ends,
        "He said: \"We will fight.\" Then he left.",
        vec!["He said: \"We will fight.\"", "Then he left."]
    );
    t!(
        en_curly_quote_ends,
        "He said: “We will fight.” Then he left.",
        vec!["He said: “We will fight.”", "Then he left."]
    );
    t!(
        en_question_exclaim,
        "Will he sign? No! Never.",
        vec!["Will he sign?", "No!", "Never."]
    );
    t!(
        en_ellipsis,
        "He waited… Then left.",
        vec!["He waited…", "Then left."]
    );
    t!(
        en_lines,
        "Headline here\n\nBody text starts.",
        vec!["Headline here", "Body text starts."]
    );
    t!(en_crlf, "One\r\nTwo", vec!["One", "Two"]);
    t!(
        en_url_like,
        "See libya.example today.",
        vec!["See libya.example today."]
    );
    t!(
        en_time,
        "At 10:30 a.m. they met.",
        vec!["At 10:30 a.m. they met."]
    );
    t!(
        ar_two,
        "رحب الجيش بالدعوة. ورفضت الوفاق.",
        vec!["رحب الجيش بالدعوة.", "ورفضت الوفاق."]
    );
    t!(
        ar_question,
        "هل يوقع حفتر؟ لا أحد يعرف.",
        vec!["هل يوقع حفتر؟", "لا أحد يعرف."]
    );
    t!(
        ar_junk_run,
        "قال الجيش كلمته., لكنه صمت. , وأكد أنه مستعد.",
        vec!["قال الجيش كلمته.,", "لكنه صمت.", "وأكد أنه مستعد."]
    );
    t!(
        ar_indic_decimal,
        "ارتفع بنسبة ٣٫٥ بالمئة. ثم هبط.",
        vec!["ارتفع بنسبة ٣٫٥ بالمئة.", "ثم هبط."]
    );
    t!(
        ar_quote_inside,
        "قال \"لا تفاوض. لا حوار\" ثم غادر.",
        vec!["قال \"لا تفاوض. لا حوار\" ثم غادر."]
    );
    t!(
        ar_guillemets_end,
        "قال: «لا تفاوض.» وغادر.",
        vec!["قال: «لا تفاوض.»", "وغادر."]
    );
    t!(
        ar_double_dot_headline,
        "البرلمان يقطع العلاقات.. والجيش يعلن النفير",
        vec!["البرلمان يقطع العلاقات..", "والجيش يعلن النفير"]
    );
    t!(
        ar_tashkeel_end,
        "وصلَ الوفدُ. وبدأَ الحوارُ.",
        vec!["وصلَ الوفدُ.", "وبدأَ الحوارُ."]
    );
    t!(only_junk, " ., ، . ", vec![]);
    t!(empty, "", vec![]);
    t!(
        unbalanced_quote,
        "He said \"never. Then he left. Talks ended.",
        vec!["He said \"never. Then he left. Talks ended."]
    );

    c!(
        cl_ar_comma,
        "رحب الجيش، ورفضت الوفاق.",
        vec![vec!["رحب الجيش،", "ورفضت الوفاق."]]
    );
    c!(
        cl_ar_lakin,
        "رحب الجيش بالدعوة لكنه رفض الشروط.",
        vec![vec!["رحب الجيش بالدعوة", "لكنه رفض الشروط."]]
    );
    c!(
        cl_ar_walakin,
        "رحب الجيش ولكن الوفاق رفضت.",
        vec![vec!["رحب الجيش", "ولكن الوفاق رفضت."]]
    );
    c!(
        cl_ar_fi_hin,
        "رحبت أنقرة في حين رفضت القاهرة.",
        vec![vec!["رحبت أنقرة", "في حين رفضت القاهرة."]]
    );
    c!(
        cl_ar_baynama_after_comma,
        "رحبت أنقرة، بينما رفضت القاهرة.",
        vec![vec!["رحبت أنقرة،", "بينما رفضت القاهرة."]]
    );
    c!(
        cl_ar_semicolon,
        "رحب الجيش؛ إذ وصفه بالتاريخي.",
        vec![vec!["رحب الجيش؛", "إذ وصفه بالتاريخي."]]
    );
    c!(
        cl_ar_no_false_opener,
        "لكنهم وصلوا.",
        vec![vec!["لكنهم وصلوا."]]
    );
    c!(
        cl_ar_lakin_inside_word,
        "المستدركين حضروا.",
        vec![vec!["المستدركين حضروا."]]
    );
    c!(
        cl_en_but,
        "Turkey welcomed it, but Egypt refused.",
        vec![vec!["Turkey welcomed it,", "but Egypt refused."]]
    );
    c!(
        cl_en_while,
        "Ankara backs Sarraj while Cairo backs Haftar.",
        vec![vec!["Ankara backs Sarraj", "while Cairo backs Haftar."]]
    );
    c!(
        cl_en_semicolon,
        "Turkey is not neutral; it is a party.",
        vec![vec!["Turkey is not neutral;", "it is a party."]]
    );
    c!(
        cl_en_butter,
        "They ate butter.",
        vec![vec!["They ate butter."]]
    );
    c!(
        cl_en_time_colon,
        "They met at 10:30 today.",
        vec![vec!["They met at 10:30 today."]]
    );

    #[test]
    fn embedded_data_parses() {
        let parsed: std::result::Result<Data, _> = toml::from_str(SEGMENT_TOML);
        assert!(parsed.is_ok(), "{:?}", parsed.err());
        assert!(data().clause_openers.iter().any(|o| o == "الا ان"));
    }

    #[test]
    fn clause_of_finds_the_clause() {
        let norm = normalize("Turkey welcomed it, but Egypt refused.");
        let s = &segment(&norm.text)[0];
        assert_eq!(s.clause_of(0), Some(0));
        assert_eq!(s.clause_of(norm.text.find("egypt").unwrap_or(0)), Some(1));
        assert_eq!(s.clause_of(999), None);
    }
}
