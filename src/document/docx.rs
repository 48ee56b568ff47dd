//! Word `.docx`: the paragraphs (`w:p`) of the main document part,
//! `word/document.xml`, read with `zip` and `quick-xml`.
//!
//! A `.docx` is a zip archive, so a hostile one can inflate to gigabytes:
//! the document part is read through a hard cap and refused beyond it.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// The most we inflate of `word/document.xml`.
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

pub fn paragraphs(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip archive ({e})"))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|_| "it has no word/document.xml (is it really a Word document?)".to_string())?;
    let mut xml = Vec::new();
    part.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("word/document.xml cannot be inflated ({e})"))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(format!(
            "word/document.xml inflates to more than {} MB",
            MAX_XML_BYTES / 1_000_000
        ));
    }
    parse_document_xml(&xml)
}

fn parse_document_xml(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("word/document.xml is malformed ({e})"))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => current.clear(),
                b"t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => {
                if matches!(e.local_name().as_ref(), b"tab" | b"br" | b"cr") {
                    current.push(' ');
                }
            }
            Event::Text(t) if in_text => {
                let text = t
                    .decode()
                    .map_err(|e| format!("word/document.xml has bad text ({e})"))?;
                current.push_str(&text);
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().unwrap_or_default();
                if let Some(c) = r.resolve_char_ref().ok().flatten() {
                    current.push(c);
                } else {
                    current.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let trimmed = current.trim();
                    if !trimmed.is_empty() {
                        out.push(trimmed.to_string());
                    }
                    current.clear();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_and_entities() {
        let xml = br#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Officials </w:t></w:r><w:r><w:t xml:space="preserve">said &amp; &#8220;so&#8221;.</w:t></w:r></w:p>
            <w:p/><w:p><w:r><w:t>Second</w:t><w:tab/><w:t>para.</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            parse_document_xml(xml).unwrap(),
            vec!["Officials said & \u{201C}so\u{201D}.", "Second para."]
        );
    }

    #[test]
    fn not_a_zip_is_an_error() {
        assert!(paragraphs(b"plain text").unwrap_err().contains("zip"));
    }
}
