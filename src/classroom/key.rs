//! The answer key: the article's paragraphs and, for every claim, the words
//! of its source (or of its cue, for a claim with no source), the kind and
//! whether it is retracted, with the explanation the student may be shown.
//!
//! Students open the key as their exercise, so its answers are written
//! sealed: the answers' JSON mixed with a keystream drawn from a salt of
//! the key's own, in hex. A text editor shows nothing of them. It is not
//! encryption — anyone with Sourcelight's source can unseal a key — but
//! it keeps the answers from being one glance away. Keys with plain
//! `answers` are still read.

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
        let mut value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| FormatError::Json(e.to_string()))?;
        check_header(&value, FORMAT)?;
        if let Some(object) = value.as_object_mut()
            && let Some(sealed) = object.remove(SEALED)
        {
            let sealed: Sealed = from_value(sealed)?;
            let answers = sealed.open()?;
            object.insert("answers".to_string(), answers);
        }
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

    /// The teacher's copy: every answer readable (still a key Sourcelight
    /// opens and grades with).
    pub fn to_readable_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The key as written to a file: answers sealed (see the module
    /// docs), everything else as it is.
    pub fn to_json(&self) -> String {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(object) = value.as_object_mut()
            && let Some(answers) = object.remove("answers")
        {
            let sealed = Sealed::close(&answers, salt(self));
            object.insert(
                SEALED.to_string(),
                serde_json::to_value(sealed).unwrap_or_default(),
            );
        }
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}

/// The field holding the sealed answers.
const SEALED: &str = "sealed_answers";

/// Answers as a key file holds them: hex of their JSON mixed with a
/// keystream from `salt`.
#[derive(Debug, Serialize, Deserialize)]
struct Sealed {
    salt: String,
    data: String,
}

impl Sealed {
    fn close(answers: &serde_json::Value, salt: u64) -> Sealed {
        let plain = serde_json::to_vec(answers).unwrap_or_default();
        let data = mix(&plain, salt)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Sealed {
            salt: format!("{salt:016x}"),
            data,
        }
    }

    fn open(&self) -> Result<serde_json::Value, FormatError> {
        let bad = || FormatError::Invalid("sealed_answers is damaged".to_string());
        let salt = u64::from_str_radix(&self.salt, 16).map_err(|_| bad())?;
        let hex = self.data.as_bytes();
        if !hex.len().is_multiple_of(2) {
            return Err(bad());
        }
        let bytes = hex
            .chunks(2)
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|p| u8::from_str_radix(p, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(bad)?;
        serde_json::from_slice(&mix(&bytes, salt)).map_err(|_| bad())
    }
}

/// A salt for a key: from its content and the time it is written, so two
/// keys of one article differ.
fn salt(key: &AnswerKey) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.title.hash(&mut h);
    key.paragraphs.hash(&mut h);
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
        .hash(&mut h);
    h.finish()
}

/// `bytes` XOR a splitmix64 keystream seeded by `salt` (its own inverse).
fn mix(bytes: &[u8], salt: u64) -> Vec<u8> {
    let mut state = salt ^ 0x5eed_50c1_a55e_c0de;
    let mut out = Vec::with_capacity(bytes.len());
    for chunk in bytes.chunks(8) {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        out.extend(chunk.iter().zip(z.to_le_bytes()).map(|(b, k)| b ^ k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> AnswerKey {
        let a = crate::analysis::Analyzer::default().analyze(&[
            "Officials said the ferry would stop. Mayor Ana Ruiz said it would not.",
            "It is believed that the depot will close.",
        ]);
        AnswerKey::from_analysis("ferry", &a, true)
    }

    #[test]
    fn a_written_key_shows_no_answer_and_reads_back_whole() {
        let key = key();
        assert!(key.answers.len() >= 3);
        let json = key.to_json();
        for word in [
            "\"answers\"",
            "anonymous",
            "named",
            "unattributed",
            "retracted",
            "\"explanation\"",
        ] {
            assert!(!json.contains(word), "{word} shows in {json}");
        }
        assert!(
            json.contains("Officials said the ferry"),
            "the article stays readable"
        );
        assert_eq!(AnswerKey::parse(json.as_bytes()).unwrap(), key);
    }

    #[test]
    fn plain_keys_are_still_read_and_a_damaged_seal_is_named() {
        let key = key();
        let plain = serde_json::to_string(&key).unwrap();
        assert_eq!(AnswerKey::parse(plain.as_bytes()).unwrap(), key);
        let damaged = key.to_json().replace("\"data\": \"", "\"data\": \"zz");
        assert_eq!(
            AnswerKey::parse(damaged.as_bytes()).unwrap_err(),
            FormatError::Invalid("sealed_answers is damaged".to_string())
        );
    }
}
