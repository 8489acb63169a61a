//! Decoding raw bytes into text.
//!
//! Users hand us whatever they saved: UTF-8 with or without a BOM, UTF-16
//! with a BOM (Windows tools), Windows-1256 (the classic Arabic code page, still
//! common in archives) and HTML pages. We accept exactly those and refuse the
//! rest with an error that names the byte offset, because a silently garbled
//! article yields a silently wrong graph.
//!
//! Order of decisions:
//! 1. a BOM decides the encoding (UTF-8, UTF-16 LE/BE); UTF-16 of odd length
//!    is truncated and refused;
//! 2. without a BOM, NUL bytes or a high share of control bytes mean binary
//!    data and are refused;
//! 3. valid UTF-8 is taken as is; UTF-8 with a few stray bytes (one, or at
//!    most one per hundred chars) is read with U+FFFD for each and reported
//!    in [`Replaced`], so the caller can warn and offsets can still point
//!    into the file's bytes (issue 17);
//! 4. more damage in mostly UTF-8 bytes is refused at the first bad byte (a
//!    damaged UTF-8 file read as Windows-1256 would be mojibake); otherwise
//!    the bytes are read as Windows-1256 if the result's letters are Arabic,
//!    and refused if they are not;
//! 5. finally, HTML (by `.html`/`.htm` path or content starting with
//!    `<!doctype` / `<html`) is reduced to its title and body paragraphs,
//!    see [`html_to_text`].
//!
//! For HTML the "original text" that every later offset points into is the
//! **extracted text** returned here, not the markup: spans index the string
//! this function returns, whatever the input format.

use crate::error::{Error, Result};

/// Decodes an article's bytes into text; `path` names the file in errors and
/// its extension marks HTML.
///
/// ```
/// let text = stancegraph::text::decode("<p>Tripoli &amp; Benghazi</p>".as_bytes(), "a.html").unwrap();
/// assert_eq!(text, "Tripoli & Benghazi");
/// ```
pub fn decode(bytes: &[u8], path: &str) -> Result<String> {
    decode_repairing(bytes, path).map(|(text, _)| text)
}

/// An invalid UTF-8 sequence in an otherwise UTF-8 file, read as U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replaced {
    /// Where the bad bytes start in the file.
    pub file_offset: usize,
    /// Where their U+FFFD starts in the decoded text; `None` for HTML, whose
    /// offsets point into the extracted text anyway.
    pub text_offset: Option<usize>,
    /// How many bytes were replaced (1 to 3; U+FFFD itself has 3).
    pub len: usize,
}

/// [`decode`], also saying which stray bytes of a UTF-8 file were replaced
/// by U+FFFD. Real files often carry one stray byte; refusing the whole
/// article for it helps nobody, so text that is overwhelmingly valid UTF-8
/// (see [`overwhelmingly_utf8`]) is repaired and the caller warns.
///
/// ```
/// let (text, replaced) = stancegraph::text::decode_repairing(b"Turkey \xE9 backs the GNA.", "a.txt").unwrap();
/// assert_eq!(text, "Turkey \u{FFFD} backs the GNA.");
/// assert_eq!((replaced[0].file_offset, replaced[0].len), (7, 1));
/// ```
pub fn decode_repairing(bytes: &[u8], path: &str) -> Result<(String, Vec<Replaced>)> {
    let (text, mut replaced) = decode_plain(bytes, path)?;
    if is_html_path(path) || looks_like_html(&text) {
        for r in &mut replaced {
            r.text_offset = None;
        }
        Ok((html_to_text(&text), replaced))
    } else {
        Ok((text, replaced))
    }
}

/// [`decode`] for text that is already a Rust string (the text of a JSON
/// record): the same checks, errors and HTML handling, without validating
/// and copying the text again.
pub fn decode_string(text: String, path: &str) -> Result<String> {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(body) => {
            check_controls(body, path, 3)?;
            body.to_string()
        }
        None => {
            if let Some(at) = text.bytes().position(|b| b == 0) {
                return Err(error(
                    path,
                    at,
                    "binary data (NUL byte)",
                    "expected a text or HTML article; UTF-16 needs a byte-order mark",
                ));
            }
            check_controls(&text, path, 0)?;
            text
        }
    };
    if is_html_path(path) || looks_like_html(&text) {
        Ok(html_to_text(&text))
    } else {
        Ok(text)
    }
}

fn error(path: &str, offset: usize, what: impl Into<String>, hint: impl Into<String>) -> Error {
    Error::Decode {
        path: path.to_string(),
        offset,
        what: what.into(),
        hint: hint.into(),
    }
}

const HINT: &str = "expected UTF-8, UTF-16 with a BOM, Windows-1256 or HTML text";

fn decode_plain(bytes: &[u8], path: &str) -> Result<(String, Vec<Replaced>)> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(body) {
            Ok(text) => check_controls(text, path, 3).map(|()| (text.to_string(), Vec::new())),
            Err(_) if overwhelmingly_utf8(body) => {
                let (text, replaced) = repair_utf8(body, 3);
                check_controls(&text, path, 3)?;
                Ok((text, replaced))
            }
            Err(err) => Err(error(
                path,
                3 + err.valid_up_to(),
                "invalid UTF-8 after a UTF-8 byte-order mark",
                "expected UTF-8 throughout a file that starts with a UTF-8 BOM",
            )),
        };
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(body, path, u16::from_le_bytes, "UTF-16LE").map(|t| (t, Vec::new()));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(body, path, u16::from_be_bytes, "UTF-16BE").map(|t| (t, Vec::new()));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(error(
            path,
            at,
            "binary data (NUL byte)",
            "expected a text or HTML article; UTF-16 needs a byte-order mark",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_controls(text, path, 0).map(|()| (text.to_string(), Vec::new())),
        Err(err) => {
            let bad = err.valid_up_to();
            // A few stray bytes in UTF-8 text: damage, repaired and warned
            // about; more is refused. Only then the code page, and only if
            // the letters it gives are Arabic: cp1256 decodes any byte, so
            // "no error" proves nothing.
            if overwhelmingly_utf8(bytes) {
                let (text, replaced) = repair_utf8(bytes, 0);
                check_controls(&text, path, 0)?;
                return Ok((text, replaced));
            }
            if mostly_utf8(bytes) {
                return Err(error(path, bad, "invalid UTF-8", HINT));
            }
            let (text, _, _) = encoding_rs::WINDOWS_1256.decode(bytes);
            if looks_arabic(&text) {
                check_controls(&text, path, 0)?;
                return Ok((text.into_owned(), Vec::new()));
            }
            Err(error(
                path,
                bad,
                "invalid UTF-8, and as Windows-1256 it does not read as Arabic",
                HINT,
            ))
        }
    }
}

/// Whether broken UTF-8 is a few stray bytes in UTF-8 text: one broken
/// sequence is always taken as a stray, more only at one per hundred
/// well-formed chars.
fn overwhelmingly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    bad <= 1 + good / 100
}

/// The text with each broken sequence read as U+FFFD (as
/// `String::from_utf8_lossy` does), and where each was. `base` is the
/// length of a BOM before `bytes`.
fn repair_utf8(bytes: &[u8], base: usize) -> (String, Vec<Replaced>) {
    let mut text = String::with_capacity(bytes.len() + 8);
    let mut replaced = Vec::new();
    let mut at = base;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            replaced.push(Replaced {
                file_offset: at,
                text_offset: Some(text.len()),
                len: bad,
            });
            text.push(char::REPLACEMENT_CHARACTER);
            at += bad;
        }
    }
    (text, replaced)
}

fn decode_utf16(body: &[u8], path: &str, unit: fn([u8; 2]) -> u16, name: &str) -> Result<String> {
    if body.len() % 2 == 1 {
        return Err(error(
            path,
            2 + body.len() - 1,
            format!("truncated {name} text (odd number of bytes)"),
            "expected whole 16-bit code units after the byte-order mark",
        ));
    }
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(body.len());
    let mut at = 2usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok('\0') => {
                return Err(error(path, at, "binary data (NUL character)", HINT));
            }
            Ok(c) => {
                at += c.len_utf16() * 2;
                text.push(c);
            }
            Err(_) => {
                return Err(error(
                    path,
                    at,
                    format!("invalid {name} text (unpaired surrogate)"),
                    "expected text in the encoding its byte-order mark announces",
                ));
            }
        }
    }
    check_controls(&text, path, 2)?;
    Ok(text)
}

/// Control chars other than tab, line feed, form feed and carriage return.
/// C1 controls (U+0080–U+009F) are tolerated: they turn up in text that went
/// through a wrong code page once, which is damage, not binary data.
fn is_binary_control(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0B' | '\x0E'..='\x1F' | '\x7F')
}

/// Refuses text where control chars are more than 1 in 20 (binary data that
/// happens to be valid UTF-8). `base` shifts the reported offset past a BOM;
/// for UTF-16 it is only a hint, since offsets are of the decoded text.
fn check_controls(text: &str, path: &str, base: usize) -> Result<()> {
    // Every binary control is one ASCII byte, and UTF-8 never uses ASCII
    // bytes inside a multi-byte char, so bytes can be counted instead of
    // decoded chars: a char starts at every byte that is no continuation.
    let bytes = text.as_bytes();
    let controls = bytes
        .iter()
        .filter(|&&b| is_binary_control(char::from(b)))
        .count();
    if controls == 0 {
        return Ok(());
    }
    let total = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let first = bytes
        .iter()
        .position(|&b| is_binary_control(char::from(b)))
        .unwrap_or(0);
    if controls * 20 > total {
        return Err(error(
            path,
            base + first,
            format!("binary data ({controls} control characters in {total})"),
            "expected a text or HTML article",
        ));
    }
    Ok(())
}

/// Whether invalid UTF-8 is damage in a UTF-8 file rather than another
/// encoding: at least as many well-formed multi-byte sequences as broken ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    good >= bad
}

/// Whether Windows-1256 output reads as Arabic: at least a quarter of its
/// letters are Arabic letters, and most non-ASCII chars are in the Arabic
/// block (the code page also holds a few French letters and typographic
/// signs, which real Arabic text uses sparingly). Latin text with a stray
/// byte that happens to be an Arabic letter in cp1256 is not Arabic.
fn looks_arabic(text: &str) -> bool {
    let (mut arabic, mut other, mut letters) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_ascii() {
            continue;
        }
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    let arabic_letters = text
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .count();
    arabic > 0 && arabic >= other * 3 && arabic_letters * 4 >= letters
}

fn is_html_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml")
}

/// Content that starts like an HTML page, after whitespace and comments.
fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    loop {
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after[end + 3..].trim_start(),
                None => return false,
            }
        } else if rest.starts_with("<?xml") {
            match rest.find("?>") {
                Some(end) => rest = rest[end + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let head = rest.get(..rest.len().min(16)).unwrap_or(rest);
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype") || head.starts_with("<html")
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form",
    "iframe", "button", "select", "object",
];

/// Elements whose text we keep, each as its own block.
const BLOCKS: &[&str] = &[
    "title",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
];

/// Reduces an HTML page to its title and body text blocks (`<p>`, headings,
/// `<li>`, …), joined by blank lines so that the segmenter sees each block as
/// its own sentence run. Scripts, styles and navigation boilerplate are
/// dropped and entities decoded.
///
/// The scanner is lenient on purpose: real pages are rarely well-formed XML,
/// so unclosed `<p>`, stray `<` and unquoted attributes are all taken in
/// stride. Pages without any block element fall back to all the visible body
/// text, split at tags.
pub fn html_to_text(html: &str) -> String {
    let mut scan = Scanner::default();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            scan.text(rest);
            break;
        };
        scan.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            // A `<` that opens no tag is text.
            scan.text("<");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style") {
            // Raw text: skip to the matching end tag, whatever is inside.
            let close = format!("</{}", tag.name);
            rest = find_ascii_ci(rest, &close).map_or("", |at| &rest[at..]);
            continue;
        }
        scan.tag(&tag);
    }
    scan.finish()
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    len: usize,
}

/// Parses `<name …>` or `</name>` at the start of `s`; quoted attribute
/// values may contain `>`.
fn parse_tag(s: &str) -> Option<Tag> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let special = matches!(bytes.get(i), Some(b'!' | b'?'));
    let name_start = i;
    if !special {
        if !bytes.get(i).is_some_and(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
        {
            i += 1;
        }
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut quote = None;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if !special => quote = Some(b),
            (None, b'>') => {
                let self_closing = i > 0 && bytes[i - 1] == b'/';
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    len: i + 1,
                });
            }
            _ => {}
        }
        i += 1;
    }
    // Unterminated tag: swallow the rest, like a browser would.
    Some(Tag {
        name,
        closing,
        self_closing: false,
        len: s.len(),
    })
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&at| h[at..at + n.len()].eq_ignore_ascii_case(n))
}

#[derive(Default)]
struct Scanner {
    /// Depth of open dropped elements (nav inside header, …).
    dropped: usize,
    /// Depth of open block elements we keep.
    in_block: usize,
    in_body: bool,
    block: String,
    blocks: Vec<String>,
    /// Visible body text outside any block, for pages without blocks.
    loose: String,
    loose_blocks: Vec<String>,
    found_body_block: bool,
}

impl Scanner {
    fn text(&mut self, raw: &str) {
        if self.dropped > 0 || raw.is_empty() {
            return;
        }
        if self.in_block > 0 {
            self.block.push_str(raw);
        } else if self.in_body {
            self.loose.push_str(raw);
        }
    }

    fn tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if name == "body" {
            self.in_body = !tag.closing;
            return;
        }
        if matches!(name, "html" | "head") && tag.closing {
            self.dropped = 0;
        }
        if DROPPED.contains(&name) {
            if tag.self_closing {
                return;
            }
            if tag.closing {
                self.dropped = self.dropped.saturating_sub(1);
            } else {
                self.dropped += 1;
            }
            return;
        }
        if self.dropped > 0 {
            return;
        }
        if name == "br" {
            // NUL cannot come from decoded text (it is refused as binary),
            // so it safely marks a line break until `clean`.
            self.text("\0");
            return;
        }
        if BLOCKS.contains(&name) {
            // A new block closes the previous one: `<p>` is often left open.
            self.flush_block();
            self.flush_loose();
            if name != "title" {
                self.found_body_block = true;
                self.in_body = true;
            }
            self.in_block = usize::from(!tag.closing && !tag.self_closing);
        } else if is_block_level(name) {
            if self.in_block > 0 {
                self.block.push(' ');
            } else {
                self.flush_loose();
            }
        }
    }

    fn flush_block(&mut self) {
        let block = clean(&std::mem::take(&mut self.block));
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    fn flush_loose(&mut self) {
        let loose = clean(&std::mem::take(&mut self.loose));
        if !loose.is_empty() {
            self.loose_blocks.push(loose);
        }
    }

    fn finish(mut self) -> String {
        self.flush_block();
        self.flush_loose();
        if !self.found_body_block {
            self.blocks.append(&mut self.loose_blocks);
        }
        self.blocks.join("\n\n")
    }
}

fn is_block_level(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "main"
            | "ul"
            | "ol"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "hr"
    )
}

/// Decodes entities and collapses whitespace (no-break spaces included);
/// `<br>` line breaks survive as `\n`.
fn clean(raw: &str) -> String {
    let text = unescape(raw);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\0').enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if i > 0 && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

/// Named entities news pages use; anything else is left as written.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{A0}"),
    ("shy", "\u{AD}"),
    ("zwnj", "\u{200C}"),
    ("zwj", "\u{200D}"),
    ("lrm", "\u{200E}"),
    ("rlm", "\u{200F}"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
    ("laquo", "\u{AB}"),
    ("raquo", "\u{BB}"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201A}"),
    ("ldquo", "\u{201C}"),
    ("rdquo", "\u{201D}"),
    ("bdquo", "\u{201E}"),
    ("middot", "\u{B7}"),
    ("bull", "\u{2022}"),
    ("copy", "\u{A9}"),
    ("reg", "\u{AE}"),
    ("trade", "\u{2122}"),
    ("deg", "\u{B0}"),
    ("times", "\u{D7}"),
    ("euro", "\u{20AC}"),
    ("pound", "\u{A3}"),
    ("eacute", "\u{E9}"),
    ("egrave", "\u{E8}"),
    ("agrave", "\u{E0}"),
    ("ccedil", "\u{E7}"),
    ("ouml", "\u{F6}"),
    ("uuml", "\u{FC}"),
    ("iuml", "\u{EF}"),
];

/// Decodes `&name;`, `&#NNN;` and `&#xHH;`. Numeric references to nothing
/// (0, surrogates, beyond U+10FFFF) become U+FFFD, as browsers do.
pub(crate) fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..]
            .char_indices()
            .take(33)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let value = if let Some(num) = name.strip_prefix('#') {
                let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => (hex, 16),
                    None => (num, 10),
                };
                let well_formed = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
                well_formed.then(|| {
                    // Out of range (or too long to parse) becomes U+FFFD.
                    u32::from_str_radix(digits, radix)
                        .ok()
                        .and_then(char::from_u32)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{FFFD}')
                        .to_string()
                })
            } else {
                ENTITIES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            };
            value.map(|v| (v, semi + 1))
        });
        match decoded {
            Some((value, len)) => {
                out.push_str(&value);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The char-by-char count that `check_controls` does on bytes.
    fn controls_by_char(text: &str) -> Option<(usize, usize, usize)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let controls = chars.iter().filter(|(_, c)| is_binary_control(*c)).count();
        let first = chars.iter().find(|(_, c)| is_binary_control(*c))?.0;
        Some((controls, chars.len(), first))
    }

    proptest! {
        #[test]
        fn control_check_on_bytes_agrees_with_chars(
            text in "[\\x00-\\x20a\u{0627}\u{0644}\u{200f}\u{1F600}]{0,40}"
        ) {
            let expected = match controls_by_char(&text) {
                Some((controls, total, first)) if controls * 20 > total => Some(first),
                _ => None,
            };
            let got = check_controls(&text, "t", 0).err().map(|e| {
                let msg = e.to_string();
                msg.split(':')
                    .nth(1)
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .unwrap_or(usize::MAX)
            });
            prop_assert_eq!(got, expected);
        }
    }

    proptest! {
        /// A record's text takes the string path; it must decode exactly as
        /// its bytes would (BOM, NUL, controls, HTML), errors included.
        #[test]
        fn string_path_agrees_with_bytes(
            text in "\u{FEFF}?[\\x00-\\x20a<>/p\u{0627}\u{0644}\u{200f}]{0,40}",
            html in proptest::bool::ANY,
        ) {
            let path = if html { "a.html" } else { "a.txt" };
            let by_bytes = decode(text.as_bytes(), path).map_err(|e| e.to_string());
            let by_string = decode_string(text.clone(), path).map_err(|e| e.to_string());
            prop_assert_eq!(by_string, by_bytes);
        }
    }

    #[test]
    fn stray_byte_in_utf8_is_repaired_and_located() {
        let bytes = [AR.as_bytes(), b"\xFF", AR.as_bytes()].concat();
        let (text, replaced) = decode_repairing(&bytes, "x.txt").unwrap();
        assert_eq!(text, format!("{AR}\u{FFFD}{AR}"));
        assert_eq!(
            replaced,
            [Replaced {
                file_offset: AR.len(),
                text_offset: Some(AR.len()),
                len: 1
            }]
        );
    }

    #[test]
    fn stray_byte_after_a_bom_counts_the_bom() {
        let (text, replaced) = decode_repairing(b"\xEF\xBB\xBFab\xC3 cd", "x.txt").unwrap();
        assert_eq!(text, "ab\u{FFFD} cd");
        assert_eq!(
            (replaced[0].file_offset, replaced[0].text_offset),
            (5, Some(2))
        );
    }

    #[test]
    fn stray_byte_in_html_has_no_text_offset() {
        let (text, replaced) = decode_repairing(b"<p>Egypt \xE9 said</p>", "a.html").unwrap();
        assert_eq!(text, "Egypt \u{FFFD} said");
        assert_eq!(
            (replaced[0].file_offset, replaced[0].text_offset),
            (9, None)
        );
    }

    #[test]
    fn latin_with_one_cp1256_letter_is_not_cp1256() {
        // 0xC7 is ا in Windows-1256: once enough to read the file as Arabic.
        let (text, replaced) = decode_repairing(b"Egypt \xC7 condemned Turkey.", "x.txt").unwrap();
        assert_eq!(text, "Egypt \u{FFFD} condemned Turkey.");
        assert_eq!(replaced.len(), 1);
    }

    fn ok(bytes: &[u8], path: &str) -> String {
        match decode(bytes, path) {
            Ok(text) => text,
            Err(err) => panic!("{err}"),
        }
    }

    fn err(bytes: &[u8], path: &str) -> String {
        match decode(bytes, path) {
            Ok(text) => panic!("decoded to {text:?}"),
            Err(err) => err.to_string(),
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            out.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    const AR: &str = "رحب الجيش الليبي بدعوة الأمم المتحدة.";

    /// `t!(name, bytes, path, expected text)` for inputs that decode.
    macro_rules! t {
        ($name:ident, $bytes:expr, $path:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let bytes = $bytes;
                assert_eq!(ok(bytes.as_ref(), $path), $expected);
            }
        };
    }
    /// `e!(name, bytes, path, expected error message)` for inputs refused.
    macro_rules! e {
        ($name:ident, $bytes:expr, $path:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let bytes = $bytes;
                assert_eq!(err(bytes.as_ref(), $path), $expected);
            }
        };
    }

    t!(utf8_plain, AR.as_bytes(), "a.txt", AR);
    t!(
        utf8_bom,
        [b"\xEF\xBB\xBF".as_slice(), AR.as_bytes()].concat(),
        "a.txt",
        AR
    );
    t!(utf16_le, utf16(AR, false), "a.txt", AR);
    t!(utf16_be, utf16(AR, true), "a.txt", AR);
    t!(
        utf16_english,
        utf16("Haftar’s army", false),
        "a.txt",
        "Haftar’s army"
    );
    t!(cp1256, encoding_rs::WINDOWS_1256.encode(AR).0, "a.txt", AR);
    t!(empty, Vec::<u8>::new(), "a.txt", "");
    t!(tabs_and_crlf, b"a\tb\r\nc", "a.txt", "a\tb\r\nc");
    e!(utf16_odd, [utf16("ab", false), vec![0x41]].concat(), "x.txt",
       "x.txt:6: truncated UTF-16LE text (odd number of bytes); expected whole 16-bit code units after the byte-order mark");
    e!(utf16_lone_surrogate, vec![0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], "x.txt",
       "x.txt:4: invalid UTF-16LE text (unpaired surrogate); expected text in the encoding its byte-order mark announces");
    e!(nul_byte, b"abc\0def", "x.bin",
       "x.bin:3: binary data (NUL byte); expected a text or HTML article; UTF-16 needs a byte-order mark");
    e!(
        control_bytes,
        b"a\x01\x02\x03\x04b",
        "x.bin",
        "x.bin:1: binary data (4 control characters in 6); expected a text or HTML article"
    );
    // Issue 17: one stray byte is repaired (see `stray_byte_*`); more
    // damage than one per hundred chars is refused.
    e!(
        broken_utf8,
        [AR.as_bytes(), b"\xFF \xFF \xFF \xFF", AR.as_bytes()].concat(),
        "x.txt",
        format!(
            "x.txt:{}: invalid UTF-8; expected UTF-8, UTF-16 with a BOM, Windows-1256 or HTML text",
            AR.len()
        )
    );
    e!(bom_then_broken, b"\xEF\xBB\xBFab\xC3\xC3\xC3", "x.txt",
       "x.txt:5: invalid UTF-8 after a UTF-8 byte-order mark; expected UTF-8 throughout a file that starts with a UTF-8 BOM");
    e!(latin1_not_arabic, b"Fran\xE7ois \xF1 \xFC \xE4 \xF6 \xDF \xA9", "x.txt",
       "x.txt:4: invalid UTF-8, and as Windows-1256 it does not read as Arabic; expected UTF-8, UTF-16 with a BOM, Windows-1256 or HTML text");

    const PAGE: &str = "<!DOCTYPE html><html><head><title>Haftar &amp; Moscow</title>\
        <style>p { color: red }</style><script>var s = '<p>not text</p>';</script></head>\
        <body><nav><ul><li>Home</li><li>World</li></ul></nav>\
        <header><h1>Site name</h1></header>\
        <h1>Truce talks</h1><p>Haftar left\n   Moscow&nbsp;without signing.<p>Erdo&#287;an <b>warned</b> him&#x2e;\
        <aside><p>Related</p></aside><footer><p>&copy; 2020</p></footer></body></html>";
    t!(html_page, PAGE.as_bytes(), "a.txt",
       "Haftar & Moscow\n\nTruce talks\n\nHaftar left Moscow without signing.\n\nErdoğan warned him.");
    t!(
        html_by_path,
        b"<p>one</p><p>two &lt;3&gt;</p>",
        "a.HTM",
        "one\n\ntwo <3>"
    );
    t!(
        html_comment_first,
        b"<!-- saved --><html><p>x</p></html>",
        "a",
        "x"
    );
    t!(
        html_no_blocks,
        b"<html><body><div>one</div><div>two<br>three</div></body></html>",
        "a",
        "one\n\ntwo\nthree"
    );
    t!(
        html_quoted_gt,
        b"<html><p title=\"a>b\">text</p>".to_vec(),
        "a",
        "text"
    );
    t!(
        html_stray_lt,
        b"<html><p>3 < 5 and 5>3</p>",
        "a",
        "3 < 5 and 5>3"
    );
    t!(
        html_unknown_entity,
        b"<html><p>&bogus; &#; &#xZZ; &#1114112; &amp</p>",
        "a",
        "&bogus; &#; &#xZZ; \u{FFFD} &amp"
    );
    t!(
        html_arabic_cp1256,
        [
            b"<html><title>".as_slice(),
            &encoding_rs::WINDOWS_1256.encode(AR).0,
            b"</title>"
        ]
        .concat(),
        "a",
        AR
    );
    t!(
        html_unclosed_script,
        b"<html><p>a</p><script>never closed",
        "a",
        "a"
    );
    t!(not_html, b"<b>bold</b> text", "a.txt", "<b>bold</b> text");
}
