//! The text engine: bytes → decoded text → normalised matching view with an
//! offset map → sentences, clauses and clitic-aware tokens.
//!
//! Every later stage works on the normalised view ([`NormText`]) and maps its
//! spans back with [`NormText::orig_span`], so all output offsets point into
//! the decoded original.

mod chars;
mod decode;
mod lang;
mod normalize;
mod segment;
mod token;

pub use decode::decode;
pub use lang::detect_lang;
pub use normalize::{normalize, NormText};
pub use segment::{segment, Sentence};
pub use token::{is_proclitic_chain, strip_enclitic, tokenize, Token, TokenKind};
