//! Loading articles: bytes on disk → a [`Document`] of paragraphs.
//!
//! Every format lives in its own module and ends in the same place: a list
//! of paragraph strings, each free of line breaks, ready for
//! [`crate::analysis::analyze`]. The paragraph rule is the sourcing guide's:
//! blank lines separate paragraphs, and a plain-text file with no blank line
//! at all has one paragraph per non-empty line.
//!
//! Nothing here panics on bad input: every failure is a [`LoadError`] whose
//! message names the file and says what is wrong, so the command line can
//! print it and the window can show it as a notice.

mod docx;
mod error;
mod html;
mod markdown;
mod text;

pub use error::LoadError;
pub use text::{decode_text, split_paragraphs};

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest article file we read. Larger inputs are refused with a
/// message naming this limit rather than exhausting memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The formats an article can arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The format a file name suggests; anything unknown is read as text.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            _ => Format::Text,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "Word (.docx)",
        }
    }
}

/// An article ready for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, or a label such as "Pasted text".
    pub name: String,
    pub format: Format,
    /// The character encoding the bytes were decoded from, when known.
    pub encoding: Option<&'static str>,
    /// Paragraph texts, without line breaks, in reading order.
    pub paragraphs: Vec<String>,
}

impl Document {
    /// A document built from text already in memory (pasted, or a test).
    pub fn from_text(name: impl Into<String>, text: &str) -> Document {
        Document {
            name: name.into(),
            format: Format::Text,
            encoding: Some("UTF-8"),
            paragraphs: split_paragraphs(text),
        }
    }
}

/// Reads an article from disk, choosing the loader by file extension.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    let bytes = read_limited(path)?;
    from_bytes(path, &bytes, Format::from_path(path))
}

/// Parses bytes already read as the given format. `path` is only used to
/// name the article and in error messages.
pub fn from_bytes(path: &Path, bytes: &[u8], format: Format) -> Result<Document, LoadError> {
    let name = path.display().to_string();
    let (paragraphs, encoding) = match format {
        Format::Text => {
            let decoded = text::decode_text(bytes).map_err(|why| LoadError::Unreadable {
                path: path.to_path_buf(),
                why,
            })?;
            (split_paragraphs(&decoded.text), Some(decoded.encoding))
        }
        Format::Markdown => {
            let decoded = text::decode_text(bytes).map_err(|why| LoadError::Unreadable {
                path: path.to_path_buf(),
                why,
            })?;
            (markdown::paragraphs(&decoded.text), Some(decoded.encoding))
        }
        Format::Html => {
            let decoded = text::decode_html(bytes).map_err(|why| LoadError::Unreadable {
                path: path.to_path_buf(),
                why,
            })?;
            (html::paragraphs(&decoded.text), Some(decoded.encoding))
        }
        Format::Docx => (
            docx::paragraphs(bytes).map_err(|why| LoadError::Corrupt {
                path: path.to_path_buf(),
                format,
                why,
            })?,
            Some("UTF-8"),
        ),
    };
    Ok(Document {
        name,
        format,
        encoding,
        paragraphs,
    })
}

/// Reads a whole file, refusing directories and files over
/// [`MAX_FILE_BYTES`] before reading them.
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let owned = || PathBuf::from(path);
    let meta = fs::metadata(path).map_err(|e| LoadError::from_io(owned(), e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: owned() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let file = fs::File::open(path).map_err(|e| LoadError::from_io(owned(), e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since we looked: never read past the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(owned(), e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// File name endings read as articles when a folder is opened.
pub const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "docx"];

/// The articles directly inside `folder` (not its subfolders), sorted by
/// name; review sidecars and other files are left out.
pub fn articles_in(folder: &Path) -> Result<Vec<std::path::PathBuf>, LoadError> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| LoadError::from_io(folder.to_path_buf(), e))?;
    let mut out: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !crate::sidecar::is_sidecar(p))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    out.sort();
    Ok(out)
}
