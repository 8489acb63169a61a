//! The text engine: bytes → decoded text → normalised matching view with an
//! offset map → sentences, clauses, clitic-aware tokens and markers.
//!
//! Every later stage works on the normalised view ([`NormText`]) and maps its
//! spans back with [`NormText::orig_span`], so all output offsets point into
//! the decoded original (for HTML: into the extracted text, see [`decode`]).
//!
//! ```
//! use stancegraph::text::{normalize, segment, tokenize};
//! let original = "قال المسماري: لا تفاوض مع الأتراك. وأكد أن الجيش جاهز.";
//! let norm = normalize(original);
//! let sentences = segment(&norm.text);
//! assert_eq!(sentences.len(), 2);
//! let (start, end) = norm.orig_span(sentences[1].start, sentences[1].end);
//! assert_eq!(&original[start..end], "وأكد أن الجيش جاهز.");
//! assert!(tokenize(&norm.text).len() > 10);
//! ```

mod decode;
mod lang;
mod markers;
mod normalize;
mod segment;
mod token;

pub use decode::{decode, decode_repairing, decode_string, html_to_text, Replaced};
pub use lang::detect_lang;
pub use markers::{
    marker_table, markers, markers_in, Marker, MarkerKind, MarkerTable, MARKERS_TOML,
};
pub use normalize::{normalize, NormText};
pub use segment::{segment, Sentence};
pub use token::{
    clitic_splits, is_proclitic_chain, split_clitics, strip_enclitic, tokenize, CliticSplit, Token,
    TokenKind,
};
