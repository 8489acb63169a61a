//! Decoding raw bytes into text: UTF-8 (BOM or not), UTF-16 with BOM, and
//! Windows-1256 when the bytes are not valid UTF-8.

use crate::error::{Error, Result};

/// Decodes an article's bytes; `path` only names the file in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            return Err(Error::Decode {
                path: path.to_string(),
                offset: bom_len,
                what: format!("invalid {} text", enc.name()),
                hint: "expected text in the encoding its byte-order mark announces".into(),
            });
        }
        return Ok(text.into_owned());
    }
    // Minimal reliability fix (the text branch replaces this file): NUL bytes
    // mean binary data (PNG, ELF, …), which Windows-1256 would otherwise
    // "decode" into junk that yields an empty graph and exit code 0.
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Decode {
            path: path.to_string(),
            offset: at,
            what: "binary data (NUL byte)".into(),
            hint: "expected a text article; UTF-16 needs a byte-order mark".into(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        // Every byte is defined in Windows-1256 (encoding_rs/WHATWG), so
        // "not cp1256" cannot be told from the bytes: a file that is mostly
        // well-formed UTF-8 with a broken sequence is a damaged UTF-8 file,
        // and reading it as cp1256 would produce mojibake.
        Err(err) if mostly_utf8(bytes) => Err(Error::Decode {
            path: path.to_string(),
            offset: err.valid_up_to(),
            what: "invalid UTF-8 in a mostly UTF-8 file".into(),
            hint: "expected UTF-8 throughout (or Windows-1256 throughout)".into(),
        }),
        Err(err) => {
            let (text, _, had_errors) = encoding_rs::WINDOWS_1256.decode(bytes);
            // had_errors never fires for cp1256 (all bytes are mapped): what
            // tells cp1256 from other 8-bit junk is that it reads as Arabic.
            let arabic = text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            if had_errors || !arabic {
                return Err(Error::Decode {
                    path: path.to_string(),
                    offset: err.valid_up_to(),
                    what: "invalid UTF-8 and not Windows-1256".into(),
                    hint: "expected UTF-8, UTF-16 with a BOM, or Windows-1256 text".into(),
                });
            }
            Ok(text.into_owned())
        }
    }
}

/// At least as many well-formed multi-byte UTF-8 sequences as broken ones.
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
