//! Plain text: decoding bytes to a string and splitting paragraphs.
//!
//! Newsroom files come from everywhere: UTF-8 with or without a byte-order
//! mark, UTF-16 from Windows tools, and Windows-1252 from Word's "plain
//! text" export and old CMSs. `encoding_rs` decodes, and `chardetng` (the
//! detector Firefox uses) guesses the legacy encoding when the bytes are not
//! UTF-8, so curly quotes and accents survive.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, with the name of the encoding used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Signatures of common binary formats that are sometimes renamed `.txt`.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (
        b"PK\x03\x04",
        "a zip archive (a .docx file needs the .docx extension)",
    ),
    (b"\x7FELF", "a program"),
    (
        b"\xD0\xCF\x11\xE0",
        "an old Word/Office document (.doc); save it as .docx",
    ),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
];

/// Decodes article bytes to text, or says why they are not text.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((_, what)) = BINARY_MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(format!("the file is {what}"));
    }
    let encoding = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        enc
    } else if let Some(enc) = utf16_without_bom(bytes) {
        enc
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    };
    decode_with(bytes, encoding)
}

/// Decodes an HTML page: a byte-order mark wins, then UTF-8, then a
/// `<meta charset>` declaration, then detection.
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, String> {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return decode_text(bytes);
    }
    match declared_charset(bytes) {
        Some(enc) => decode_with(bytes, enc),
        None => decode_text(bytes),
    }
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, String> {
    let (text, used, _had_errors) = encoding.decode(bytes);
    if looks_binary(&text) {
        return Err("it holds binary data (control characters), not text".into());
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: used.name(),
    })
}

/// UTF-16 without a byte-order mark shows itself by a zero byte in every
/// other position (for the Latin-script text newsrooms write).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// More than one control character in a hundred (beyond tabs, line and page
/// breaks) means this is not prose.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    control > 0 && control * 100 > total
}

fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Splits plain text into paragraphs by the sourcing guide's rule: blank
/// lines separate paragraphs (the lines of one paragraph are joined with a
/// space); a text with no blank line between its lines has one paragraph per
/// non-empty line. Handles CRLF and lone CR line endings.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        text
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let body = &lines[first..=last];
    let has_blank_separator = body.iter().any(|l| l.is_empty());
    if !has_blank_separator {
        return body.iter().map(|l| l.to_string()).collect();
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in body {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_and_wrapped_lines_join() {
        let p = split_paragraphs("One line\nwrapped here.\n\nSecond.\n");
        assert_eq!(p, vec!["One line wrapped here.", "Second."]);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let p = split_paragraphs("First.\r\nSecond.\rThird.");
        assert_eq!(p, vec!["First.", "Second.", "Third."]);
    }

    #[test]
    fn empty_and_whitespace_give_no_paragraphs() {
        assert!(split_paragraphs("").is_empty());
        assert!(split_paragraphs("  \n\t\n").is_empty());
    }

    #[test]
    fn windows_1252_quotes_survive() {
        let bytes = b"\x93Quoted,\x94 she said. Caf\xe9 owners agreed.";
        let d = decode_text(bytes).unwrap();
        assert_eq!(
            d.text,
            "\u{201C}Quoted,\u{201D} she said. Caf\u{e9} owners agreed."
        );
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Officials said it.";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut bare = Vec::new();
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
            bare.extend(u.to_le_bytes());
        }
        for bytes in [le, be, bare] {
            assert_eq!(decode_text(&bytes).unwrap().text, text);
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(
            decode_text(b"\x89PNG\r\n\x1a\n\0\0")
                .unwrap_err()
                .contains("PNG")
        );
        assert!(decode_text(b"abc\0\0\0\x01\x02\x03def").is_err());
    }
}
