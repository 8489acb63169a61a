//! Tokens over the normalised view, and the Arabic clitic rules.
//!
//! A token keeps its span in the normalised text; proclitics are not cut out
//! of it. Instead the matchers ask [`is_proclitic_chain`] whether the letters
//! between a token's start and a candidate match are a legal chain of
//! proclitics (و ف + ب ك ل + ال, with ل + ال written لل). A split is only
//! taken when what follows it is a word the lexicon knows, so `وزير` never
//! becomes و + زير and `بريطانيا` never ب + ريطانيا.

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

fn is_word_char(c: char) -> bool {
    super::chars::is_alphanumeric(c) || c == '_'
}

/// Splits normalised text into tokens. English possessive `'s` becomes its
/// own token so that `haftar's` contains the token `haftar`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = at + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(next_at, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                all_digits &= next.is_ascii_digit();
                end = next_at + next.len_utf8();
                chars.next();
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                start: at,
                end,
                kind,
            });
            continue;
        }
        if c == '\'' {
            // 's after a word: one token, so that "the army's" splits cleanly.
            let rest = &text[at + 1..];
            if rest.starts_with('s') && !rest[1..].starts_with(|ch: char| is_word_char(ch)) {
                if let Some(prev) = tokens.last() {
                    if prev.end == at && prev.kind == TokenKind::Word {
                        chars.next();
                        tokens.push(Token {
                            start: at,
                            end: at + 2,
                            kind: TokenKind::Word,
                        });
                        continue;
                    }
                }
            }
        }
        tokens.push(Token {
            start: at,
            end: at + c.len_utf8(),
            kind: TokenKind::Punct,
        });
    }
    tokens
}

/// Whether `prefix` (normalised) is a legal chain of Arabic proclitics:
/// an optional conjunction و/ف, an optional preposition ب/ك/ل or the future
/// marker س, and an optional article ال (ل + ال is written لل). The empty
/// string is a legal (empty) chain.
pub fn is_proclitic_chain(prefix: &str) -> bool {
    let mut rest = prefix;
    if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
        rest = r;
    }
    if rest.is_empty() {
        return true;
    }
    if rest == "لل" {
        return true;
    }
    if let Some(r) = rest
        .strip_prefix('ب')
        .or_else(|| rest.strip_prefix('ك'))
        .or_else(|| rest.strip_prefix('ل'))
    {
        rest = r;
    } else if rest == "س" {
        return true;
    }
    rest.is_empty() || rest == "ال"
}

/// Enclitic pronouns, longest first: ها هم هما هن كم كما نا ه ك ي.
const ENCLITICS: [&str; 10] = ["هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ك", "ي"];

/// If `word` ends in an enclitic pronoun and keeps at least three letters,
/// returns the byte length of what remains before it.
pub fn strip_enclitic(word: &str) -> Option<usize> {
    ENCLITICS.iter().find_map(|suffix| {
        let stem = word.strip_suffix(suffix)?;
        (stem.chars().count() >= 3).then_some(stem.len())
    })
}
