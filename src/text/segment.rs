//! Sentence and clause segmentation over the normalised view.
//!
//! Sentences end at . ! ? ؟ … followed by a space, a quote or the end, and
//! at line breaks; not inside numbers (3.5), after abbreviations (u.n.,
//! gen., dr.) or single initials, nor inside a double-quoted passage. Runs of
//! junk punctuation after the stop (the `., ` of scraped Arabic pages) stay
//! with the sentence they close. Clause boundaries are kept per sentence for
//! the stance rules.

use super::chars::is_alphanumeric;

/// A sentence: a byte range of the normalised text plus its clauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Clause ranges inside the sentence, in order, covering it.
    pub clauses: Vec<(usize, usize)>,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "prof", "sen", "rep",
    "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.n", "u.k", "e.g",
    "i.e", "a.m", "p.m", "mt",
];

/// Words that open a new clause inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "لكن",
    "لكنه",
    "لكنها",
    "لكنهم",
    "ولكن",
    "بينما",
    "في حين",
    "فيما",
    "whereas",
    "while",
    "but",
    "however",
];

fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_alphanumeric(c) || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    (bare.chars().count() == 1 && bare.chars().all(|c| c.is_ascii_alphabetic()))
        || ABBREVIATIONS.contains(&bare)
        || (bare.contains('.') && bare.chars().all(|c| c.is_ascii_alphabetic() || c == '.'))
}

/// Splits normalised text into sentences with their clauses.
pub fn segment(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut in_quote = false;
    let mut quote_open_at = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let mut cut = None;
        match c {
            '\n' | '\r' => {
                in_quote = false;
                cut = Some(at);
            }
            '"' => {
                in_quote = !in_quote;
                quote_open_at = at;
            }
            '.' | '!' | '?' | '؟' | '…' => {
                let digit_around = c == '.'
                    && at > 0
                    && bytes[at - 1].is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit());
                let abbreviation = c == '.' && is_abbreviation(word_before(text, at));
                let followed_ok = match next {
                    None => true,
                    Some(n) => n.is_whitespace() || matches!(n, '"' | '\'' | ')' | ',' | '،' | '.'),
                };
                // A quote left open for long is unbalanced: stop honouring it.
                let quoted = in_quote && at - quote_open_at < 600;
                if followed_ok && !digit_around && !abbreviation && !quoted {
                    let mut end = at + c.len_utf8();
                    while let Some(&(n_at, n)) = iter.peek() {
                        if matches!(n, '.' | ',' | '،' | '!' | '?' | '؟' | '…' | '"' | ')') {
                            end = n_at + n.len_utf8();
                            if n == '"' {
                                in_quote = !in_quote;
                            }
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    cut = Some(end);
                }
            }
            _ => {}
        }
        if let Some(end) = cut {
            push_sentence(text, start, end, &mut sentences);
            start = end;
        }
    }
    push_sentence(text, start, text.len(), &mut sentences);
    sentences
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s >= e || !text[s..e].chars().any(is_alphanumeric) {
        return;
    }
    out.push(Sentence {
        start: s,
        end: e,
        clauses: clauses(text, s, e),
    });
}

fn clauses(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut cuts = vec![start];
    let sentence = &text[start..end];
    for (i, c) in sentence.char_indices() {
        let at = start + i;
        if matches!(c, '،' | '؛' | ';' | ':') {
            cuts.push(at + c.len_utf8());
            continue;
        }
        let boundary_before = i == 0
            || sentence[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !is_alphanumeric(p));
        if !boundary_before || i == 0 {
            continue;
        }
        for opener in CLAUSE_OPENERS {
            if sentence[i..].starts_with(opener) {
                let after = &sentence[i + opener.len()..];
                if after.chars().next().is_none_or(|n| !is_alphanumeric(n)) {
                    cuts.push(at);
                    break;
                }
            }
        }
    }
    cuts.push(end);
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| (w[0], w[1]))
        .collect()
}
