//! The small XML toolkit GEXF and GraphML share, over quick-xml's writer.
//!
//! quick-xml escapes `<`, `>`, `&`, `'` and `"`, but a newline, tab or
//! carriage return inside an *attribute* is turned into a space by every
//! conforming reader (attribute-value normalisation), and a carriage return in
//! text into a newline. So values are escaped here, with those three written as
//! character references, and handed to quick-xml already escaped. Characters
//! XML 1.0 forbids outright (most C0 controls, U+FFFE, U+FFFF) cannot be
//! written at all, not even as references: they become U+FFFD.

use crate::error::{Error, Result};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;

/// Escapes a value for an XML attribute or text node.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An indented XML document being written.
pub(crate) struct Doc {
    writer: Writer<Vec<u8>>,
    what: &'static str,
}

/// A start tag with escaped attributes.
pub(crate) fn tag<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attrs {
        start.push_attribute(Attribute {
            key: QName(key.as_bytes()),
            value: Cow::Owned(escape(value).into_bytes()),
        });
    }
    start
}

impl Doc {
    /// A new document with the XML declaration; `what` names the format in errors.
    pub(crate) fn new(what: &'static str) -> Result<Doc> {
        let mut doc = Doc {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
            what,
        };
        doc.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(doc)
    }

    fn event(&mut self, event: Event<'_>) -> Result<()> {
        self.writer.write_event(event).map_err(|e| Error::Input {
            path: self.what.to_string(),
            what: format!("cannot write XML ({e})"),
        })
    }

    /// `<name attrs…>`
    pub(crate) fn open(&mut self, start: BytesStart<'_>) -> Result<()> {
        self.event(Event::Start(start))
    }

    /// `</name>`
    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attrs…/>`
    pub(crate) fn empty(&mut self, start: BytesStart<'_>) -> Result<()> {
        self.event(Event::Empty(start))
    }

    /// `<name attrs…>text</name>`
    pub(crate) fn text_element(&mut self, start: BytesStart<'_>, text: &str) -> Result<()> {
        let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
        self.open(start)?;
        self.event(Event::Text(BytesText::from_escaped(escape(text))))?;
        self.close(&name)
    }

    /// The document's bytes, with a final newline.
    pub(crate) fn finish(self) -> Vec<u8> {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        bytes
    }
}
