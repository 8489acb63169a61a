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
use super::token::is_word_char;
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
    /// Openers (and their و/ف forms) bucketed by the low byte of their
    /// first char, built from `clause_openers`.
    #[serde(skip)]
    opener_index: Vec<Vec<Opener>>,
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
        let clause_openers = norm(raw.clause_openers);
        let mut opener_index: Vec<Vec<Opener>> = vec![Vec::new(); 256];
        for opener in &clause_openers {
            let arabic = opener.starts_with(|c: char| !c.is_ascii());
            let conjs: &[&str] = if arabic { &["", "و", "ف"] } else { &[""] };
            for conj in conjs {
                let text = format!("{conj}{opener}");
                if let Some(c) = text.chars().next() {
                    opener_index[bucket(c)].push(Opener::new(text));
                }
            }
        }
        Data {
            opener_index,
            abbreviations: norm(raw.abbreviations),
            number_abbreviations: norm(raw.number_abbreviations),
            clause_openers,
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
    let mut hidden_stops = 0usize;
    let mut pos = 0usize;
    while pos < bytes.len() {
        // Skip to the next byte that can matter: a stop, a line break, a
        // quote, or the last byte of ؟ (D8 9F) or … (E2 80 A6). Arabic
        // letters share ؟'s lead byte, so the lead byte is no use here.
        pos = next_in_set(bytes, pos, bytes.len(), &SENTENCE_BYTES);
        let Some(&b) = bytes.get(pos) else {
            break;
        };
        // `at` is where the stop char starts, `len` its byte length.
        let (at, len) = match b {
            b'.' | b'!' | b'?' => (pos, 1),
            0x9F if pos >= 1 && bytes[pos - 1] == 0xD8 => (pos - 1, 2),
            0xA6 if pos >= 2 && bytes[pos - 2] == 0xE2 && bytes[pos - 1] == 0x80 => (pos - 2, 3),
            b'\n' | b'\r' => {
                in_quote = false;
                push_sentence(text, start, pos, &mut sentences);
                start = pos + 1;
                pos += 1;
                continue;
            }
            b'"' => {
                match quote_side(text, pos) {
                    QuoteSide::Opens => in_quote = true,
                    QuoteSide::Closes => in_quote = false,
                    QuoteSide::Unknown => in_quote = !in_quote,
                }
                if in_quote {
                    quote_open_at = pos;
                    hidden_stops = 0;
                }
                pos += 1;
                continue;
            }
            _ => {
                pos += 1;
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
            || (b == b'.' && (digit_around(bytes, at) || is_abbreviation(text, at, data)));
        if no_cut {
            pos = after;
            continue;
        }
        if in_quote && next != Some('"') {
            // A quotation hides its own sentence ends, but a bounded number
            // of them: a quote left open for long is unbalanced (a stray or
            // reversed mark on a real page) and stops being honoured.
            if at - quote_open_at < MAX_QUOTE_BYTES && hidden_stops < MAX_HIDDEN_STOPS {
                hidden_stops += 1;
                pos = after;
                continue;
            }
            in_quote = false;
        }
        // Junk punctuation after the stop stays with this sentence.
        let mut end = after;
        while let Some(&n) = bytes.get(end) {
            let n_len = match n {
                b'.' | b',' | b'!' | b'?' | b')' | b']' => 1,
                b'"' => {
                    // A quote mark right after a stop closes a quotation.
                    in_quote = false;
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
        pos = end;
    }
    push_sentence(text, start, text.len(), &mut sentences);
    sentences
}

/// Longest stretch, in bytes, over which an open quotation hides sentence
/// ends.
const MAX_QUOTE_BYTES: usize = 600;
/// Most sentence ends one quotation hides: a quote of a few sentences
/// stays whole, a stray mark does not swallow the article (issue 17).
const MAX_HIDDEN_STOPS: usize = 3;

/// Which way a `"` (every quote mark is `"` in the normalised view) faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteSide {
    Opens,
    Closes,
    Unknown,
}

/// A quote mark with a space (or the start, or an opening bracket) before
/// it and a word after it opens a quotation; one with a word before it and
/// a space or punctuation after it closes one. Real pages mix « » and “ ”
/// both ways round and leave marks unbalanced, so the flanks decide, not
/// the count (as CommonMark does for emphasis).
fn quote_side(text: &str, at: usize) -> QuoteSide {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text.get(at + 1..).and_then(|t| t.chars().next());
    let open_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':'));
    let open_after = after.is_none_or(|c| {
        c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '،' | '؛' | '؟' | '…')
    });
    match (open_before, open_after) {
        (true, false) => QuoteSide::Opens,
        (false, true) => QuoteSide::Closes,
        _ => QuoteSide::Unknown,
    }
}

/// Bytes the sentence loop stops at (see [`segment`]).
const SENTENCE_BYTES: [bool; 256] = byte_set(b".!?\n\r\"\x9F\xA6");
/// Bytes the clause loop stops at: ; : space, tab, and the last byte of
/// ، (D8 8C) and ؛ (D8 9B).
const CLAUSE_BYTES: [bool; 256] = byte_set(b";: \t\x8C\x9B");

/// The first position in `pos..end` whose byte is in `set`, else `end`.
///
/// Eight bytes are looked up per step and tested with one branch: most of
/// a text holds no stop, and a branch per byte was most of segmenting.
fn next_in_set(bytes: &[u8], mut pos: usize, end: usize, set: &[bool; 256]) -> usize {
    let end = end.min(bytes.len());
    while pos + 8 <= end {
        let chunk = &bytes[pos..pos + 8];
        let any = chunk
            .iter()
            .fold(false, |acc, &b| acc | set[usize::from(b)]);
        if any {
            break;
        }
        pos += 8;
    }
    while pos < end && !set[usize::from(bytes[pos])] {
        pos += 1;
    }
    pos
}

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

fn digit_around(bytes: &[u8], at: usize) -> bool {
    at > 0
        && bytes[at - 1].is_ascii_digit()
        && bytes.get(at + 1).is_some_and(|b| b.is_ascii_digit())
}

/// Whether the word ending at the `.` at `at` is an abbreviation.
fn is_abbreviation(text: &str, at: usize, data: &Data) -> bool {
    // Every abbreviation we know ends in an ASCII letter.
    if !at
        .checked_sub(1)
        .and_then(|i| text.as_bytes().get(i))
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return false;
    }
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
    if !trimmed.chars().any(is_word_char) {
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
    let mut out = Vec::new();
    let mut piece = start;
    let mut cut_at = |at: usize, out: &mut Vec<(usize, usize)>| {
        add_piece(text, piece, at, out);
        piece = at;
    };
    let mut pos = start;
    loop {
        pos = next_in_set(bytes, pos, end, &CLAUSE_BYTES);
        if pos >= end {
            break;
        }
        let cut = match bytes[pos] {
            b';' => true,
            b':' => !digit_around(bytes, pos),
            0x8C | 0x9B => pos > start && bytes[pos - 1] == 0xD8,
            _ => false, // space or tab
        };
        if cut {
            cut_at(pos + 1, &mut out);
        }
        // Openers start right after a space or a clause mark.
        let word_at = pos + 1;
        if let Some(rest) = text.get(word_at..end) {
            if opener_at(rest, data) {
                cut_at(word_at, &mut out);
            }
        }
        pos += 1;
    }
    cut_at(end, &mut out);
    out
}

/// A clause opener with the first (up to) eight bytes of its text as a
/// masked word, so most candidates are refused by one comparison.
#[derive(Debug, Clone)]
struct Opener {
    text: String,
    head: u64,
    mask: u64,
}

impl Opener {
    fn new(text: String) -> Opener {
        let n = text.len().min(8);
        let mask = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (n * 8)) - 1
        };
        Opener {
            head: head8(text.as_bytes()) & mask,
            mask,
            text,
        }
    }
}

fn head8(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(buf)
}

fn bucket(c: char) -> usize {
    (u32::from(c) & 0xFF) as usize
}

/// Whether a clause opener (possibly behind و/ف) starts `rest` as a whole
/// word.
fn opener_at(rest: &str, data: &Data) -> bool {
    let Some(c) = rest.chars().next() else {
        return false;
    };
    let Some(candidates) = data.opener_index.get(bucket(c)) else {
        return false;
    };
    if candidates.is_empty() {
        return false;
    }
    let head = head8(rest.as_bytes());
    candidates.iter().any(|o| {
        head & o.mask == o.head
            && rest
                .strip_prefix(o.text.as_str())
                .is_some_and(|after| !after.starts_with(is_word_char))
    })
}

/// Adds the piece `s..e` between two cuts as a trimmed clause; a piece
/// without any letter or digit joins the clause before it.
fn add_piece(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let Some(piece) = text.get(s..e) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let (s, e) = (s + lead, s + lead + trimmed.len());
    match out.last_mut() {
        Some(last) if !trimmed.chars().any(is_word_char) => last.1 = e,
        _ => out.push((s, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The eight-at-a-time scan finds what a byte-by-byte scan finds.
        #[test]
        fn next_in_set_agrees_with_a_plain_scan(
            bytes in proptest::collection::vec(prop::sample::select(vec![b'a', b' ', b'.', b';', 0xD8, 0x9F, 0x8C, b'"']), 0..64),
            from in 0usize..70,
            to in 0usize..70,
        ) {
            for set in [&SENTENCE_BYTES, &CLAUSE_BYTES] {
                let end = to.min(bytes.len());
                let from = from.min(end);
                let mut plain = from;
                while plain < end && !set[usize::from(bytes[plain])] {
                    plain += 1;
                }
                prop_assert_eq!(next_in_set(&bytes, from, to, set), plain);
            }
        }
    }

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
    // Issue 17: a stray closing « after طرابلس and a reversed pair later
    // must not make the whole article one sentence.
    t!(
        issue_17_stray_guillemets,
        "قال المصدر إن الجيش استهدف موقعا جنوب طرابلس«، مشيرا إلى أن »الجيش استهدف مخازن«. وأضاف أن حكومة الوفاق تدعم الميليشيات.",
        vec![
            "قال المصدر إن الجيش استهدف موقعا جنوب طرابلس«، مشيرا إلى أن »الجيش استهدف مخازن«.",
            "وأضاف أن حكومة الوفاق تدعم الميليشيات."
        ]
    );
    t!(
        issue_17_quote_hides_a_few_stops_only,
        "قال: «لا تفاوض. لا حوار. لا هدنة. لا لقاء. وغادر الوفد.",
        vec!["قال: «لا تفاوض. لا حوار. لا هدنة. لا لقاء.", "وغادر الوفد."]
    );
    t!(
        issue_17_straight_quote_closing_before_stop,
        "He called it \"a betrayal\". Then he left.",
        vec!["He called it \"a betrayal\".", "Then he left."]
    );
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
