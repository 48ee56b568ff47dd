//! Classroom exercises: a student marks the sources of an article's claims
//! (which words, what kind, retracted or not); the marks are checked
//! against an answer key.
//!
//! - [`key`]: the answer key — the analyser's result plus any editor
//!   decisions, with the article's text inside, so a student needs only the
//!   key file;
//! - [`submission`]: a student's marks, as saved from the window;
//! - [`grade`]: the comparison, per paragraph and overall, and the mark.
//!
//! Both files carry a `format` name and a `version`; a file from a newer
//! Sourcelight is refused with a message saying so. Pure: reading and
//! writing files is the caller's.

pub mod grade;
pub mod key;
pub mod submission;

pub use grade::{Agreement, Grade, ParagraphResult, grade};
pub use key::{Answer, AnswerKey};
pub use submission::{Mark, Submission};

/// Version of keys and submissions this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Why a key or submission could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("not a Sourcelight {expected} (its \"format\" is {found:?})")]
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    #[error(
        "format version {found} is newer than this Sourcelight reads (version {FORMAT_VERSION}); update Sourcelight"
    )]
    Version { found: u64 },
    #[error("{0}")]
    Invalid(String),
}

/// Reads the `format` and `version` fields first, so a wrong or newer file
/// says so instead of failing on a field it does not know.
pub(crate) fn check_header(
    value: &serde_json::Value,
    expected: &'static str,
) -> Result<(), FormatError> {
    let found = value
        .get("format")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("")
        .to_string();
    if found != expected {
        return Err(FormatError::WrongFormat { expected, found });
    }
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| FormatError::Invalid("no \"version\" number".into()))?;
    if version != u64::from(FORMAT_VERSION) {
        return Err(FormatError::Version { found: version });
    }
    Ok(())
}

pub(crate) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, FormatError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| FormatError::Invalid(format!("at {}: {}", e.path(), e.inner())))
}
