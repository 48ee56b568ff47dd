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

    /// Whether the marks were made on the key's article: each mark's words
    /// are the words at its place in the key's paragraph. Marks made on
    /// another article (or another version of this one) would otherwise be
    /// graded against answers they never saw.
    pub fn check_article(&self, key: &AnswerKey) -> Result<(), String> {
        for (k, m) in self.marks.iter().enumerate() {
            let Some(paragraph) = key.paragraphs.get(m.paragraph) else {
                return Err(format!(
                    "mark {} is in paragraph {}, and the key's article has {}",
                    k + 1,
                    m.paragraph + 1,
                    key.paragraphs.len()
                ));
            };
            if paragraph.get(m.start..m.end) != Some(m.text.as_str()) {
                return Err(format!(
                    "mark {} (\"{}\") is not in paragraph {} of the key's article",
                    k + 1,
                    m.text,
                    m.paragraph + 1
                ));
            }
        }
        Ok(())
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
    fn marks_are_checked_against_the_keys_article() {
        let a = Analyzer::default().analyze(&["Officials said the port would close."]);
        let key = AnswerKey::from_analysis("port", &a, false);
        let ok = Submission::parse(key.to_json().as_bytes()).unwrap();
        assert_eq!(ok.check_article(&key), Ok(()));
        let mark = |paragraph, text: &str| Mark {
            paragraph,
            start: 0,
            end: text.len(),
            text: text.to_string(),
            kind: SourceKind::Anonymous,
            retracted: false,
        };
        let elsewhere = Submission::new("port", vec![mark(0, "Residents")]);
        let e = elsewhere.check_article(&key).unwrap_err();
        assert!(
            e.contains("mark 1 (\"Residents\") is not in paragraph 1"),
            "{e}"
        );
        let beyond = Submission::new("port", vec![mark(0, "Officials"), mark(11, "Officials")]);
        let e = beyond.check_article(&key).unwrap_err();
        assert!(
            e.contains("mark 2 is in paragraph 12, and the key's article has 1"),
            "{e}"
        );
        // A range that cuts a character is a mismatch, not a panic.
        let mut cut = mark(0, "O");
        cut.end = 40;
        assert!(
            Submission::new("port", vec![cut])
                .check_article(&key)
                .is_err()
        );
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
