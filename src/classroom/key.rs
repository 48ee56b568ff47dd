//! The answer key: the article's paragraphs and, for every claim, the words
//! of its source (or of its cue, for a claim with no source), the kind and
//! whether it is retracted, with the explanation the student may be shown.

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, FormatError, check_header, from_value};
use crate::analysis::{Analysis, SourceKind};

pub const FORMAT: &str = "sourcelight-key";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerKey {
    pub format: String,
    pub version: u32,
    /// The article's name.
    pub title: String,
    pub paragraphs: Vec<String>,
    /// Whether students see the rules' explanations after checking.
    pub show_explanations: bool,
    pub answers: Vec<Answer>,
}

/// One claim's source as the key has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// 0-based paragraph index.
    pub paragraph: usize,
    /// Byte range of the source words in the paragraph.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SourceKind,
    pub retracted: bool,
    #[serde(default)]
    pub explanation: String,
}

impl AnswerKey {
    /// A key from an analysis (with the editor's decisions already laid
    /// over it). Claims whose flag the editor dismissed keep their kind:
    /// the student still learns how they are sourced.
    pub fn from_analysis(title: &str, analysis: &Analysis, show_explanations: bool) -> AnswerKey {
        let mut answers = Vec::new();
        for p in &analysis.paragraphs {
            for c in &p.claims {
                // A claim with no source words: an unattributed hedge is
                // marked by its cue ("reportedly"); a quote continuing an
                // earlier speaker rests on a source marked where it stands.
                let span = match &c.source {
                    Some(s) => s,
                    None if c.kind == SourceKind::Unattributed => &c.cue,
                    None => continue,
                };
                let duplicate = answers.iter().any(|a: &Answer| {
                    a.paragraph == p.index && a.start == span.start && a.end == span.end
                });
                if duplicate {
                    continue;
                }
                answers.push(Answer {
                    paragraph: p.index,
                    start: span.start,
                    end: span.end,
                    text: span.text().to_string(),
                    kind: c.kind,
                    retracted: c.retracted,
                    explanation: c.explanation(),
                });
            }
        }
        AnswerKey {
            format: FORMAT.to_string(),
            version: FORMAT_VERSION,
            title: title.to_string(),
            paragraphs: analysis
                .paragraphs
                .iter()
                .map(|p| p.text.to_string())
                .collect(),
            show_explanations,
            answers,
        }
    }

    pub fn parse(bytes: &[u8]) -> Result<AnswerKey, FormatError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| FormatError::Json(e.to_string()))?;
        check_header(&value, FORMAT)?;
        let key: AnswerKey = from_value(value)?;
        key.validate()?;
        Ok(key)
    }

    /// Answers must point at words of their paragraph.
    fn validate(&self) -> Result<(), FormatError> {
        for (i, a) in self.answers.iter().enumerate() {
            let ok = self
                .paragraphs
                .get(a.paragraph)
                .and_then(|p| p.get(a.start..a.end))
                .is_some();
            if !ok {
                return Err(FormatError::Invalid(format!(
                    "answer {} points outside paragraph {}",
                    i + 1,
                    a.paragraph + 1
                )));
            }
        }
        Ok(())
    }

    /// The key's answers as a student's marks: a key handed in as a
    /// submission, or graded against itself.
    pub fn as_marks(&self) -> Vec<super::Mark> {
        self.answers
            .iter()
            .map(|a| super::Mark {
                paragraph: a.paragraph,
                start: a.start,
                end: a.end,
                text: a.text.clone(),
                kind: a.kind,
                retracted: a.retracted,
            })
            .collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}
