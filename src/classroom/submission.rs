//! A student's marks on an article, as saved from the window and handed in.

use serde::{Deserialize, Serialize};

use super::key::{self, AnswerKey};
use super::{FORMAT_VERSION, FormatError, check_header, from_value};
use crate::analysis::SourceKind;

pub const FORMAT: &str = "sourcelight-submission";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub version: u32,
    /// The article the marks are on (the key's title).
    pub title: String,
    pub marks: Vec<Mark>,
}

/// Words the student marked as a claim's source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SourceKind,
    pub retracted: bool,
}

impl Submission {
    pub fn new(title: &str, marks: Vec<Mark>) -> Submission {
        Submission {
            format: FORMAT.to_string(),
            version: FORMAT_VERSION,
            title: title.to_string(),
            marks,
        }
    }

    /// Reads a submission; an answer key is accepted too (its answers
    /// become the marks), so an instructor can check a key against itself.
    pub fn parse(bytes: &[u8]) -> Result<Submission, FormatError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| FormatError::Json(e.to_string()))?;
        if value.get("format").and_then(serde_json::Value::as_str) == Some(key::FORMAT) {
            let key = AnswerKey::parse(bytes)?;
            return Ok(Submission::new(&key.title, key.as_marks()));
        }
        check_header(&value, FORMAT)?;
        from_value(value)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn a_key_is_accepted_as_a_submission() {
        let a = Analyzer::default().analyze(&["Officials said the port would close."]);
        let key = AnswerKey::from_analysis("port", &a, false);
        let s = Submission::parse(key.to_json().as_bytes()).unwrap();
        assert_eq!(s.marks.len(), key.answers.len());
        assert_eq!(s.marks[0].text, "Officials");
        let round = Submission::parse(s.to_json().as_bytes()).unwrap();
        assert_eq!(round, s);
    }

    #[test]
    fn unknown_versions_and_formats_are_clear_errors() {
        let e = Submission::parse(
            br#"{"format": "sourcelight-submission", "version": 7, "marks": []}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("format version 7"), "{e}");
        let e = Submission::parse(br#"{"format": "something-else", "version": 1}"#).unwrap_err();
        assert!(e.to_string().contains("not a Sourcelight"), "{e}");
        let e = AnswerKey::parse(br#"{"format": "sourcelight-key", "version": 2}"#).unwrap_err();
        assert!(e.to_string().contains("format version 2"), "{e}");
        let e = AnswerKey::parse(
            br#"{"format": "sourcelight-key", "version": 1, "title": "t", "paragraphs": ["ab"], "show_explanations": true,
                "answers": [{"paragraph": 0, "start": 1, "end": 9, "text": "x", "kind": "named", "retracted": false}]}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("outside paragraph 1"), "{e}");
    }
}
