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
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let (text, _, had_errors) = encoding_rs::WINDOWS_1256.decode(bytes);
            if had_errors {
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
