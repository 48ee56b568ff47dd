//! The JSON contract: `{"file", "summary", "paragraphs", "tool"}` per article, one
//! object per line unless pretty-printed. Other tools read this; the field
//! names are documented in the README.
//!
//! Claims on anonymous sources also carry `policy`, the checklist of
//! [`crate::analysis::policy`]; an article whose editor decisions no longer
//! fit its text carries `unplaced`.
//!
//! Objects are written with their keys in alphabetical order, as a
//! `serde_json::Value` writes them. Each paragraph goes through a `Value`
//! of its own, to add its claims' checklists, and is written before the
//! next is built: a `Value` of the whole article would take several times
//! the memory of the analysis (380 MB for 5 MB of news).

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::Article;

#[derive(Serialize)]
struct JsonCheck<'a> {
    id: &'a str,
    question: &'a str,
    verdict: &'a str,
    why: &'a str,
}

pub fn render(article: &Article, pretty: bool) -> String {
    let value = JsonArticle(article);
    let result = if pretty {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    result.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The article object: `file`, `id` (JSON Lines input), `paragraphs`,
/// `summary`, `tool` (which analyser and rules) and, when there are any,
/// `unplaced`, in that (alphabetical) order.
struct JsonArticle<'a, 'b>(&'b Article<'a>);

impl Serialize for JsonArticle<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let article = self.0;
        let fields = 3
            + usize::from(!article.unplaced.is_empty())
            + usize::from(article.id.is_some())
            + usize::from(article.tool.is_some());
        let mut out = serializer.serialize_struct("Article", fields)?;
        out.serialize_field("file", article.file)?;
        if let Some(id) = article.id {
            out.serialize_field("id", id)?;
        }
        out.serialize_field("paragraphs", &JsonParagraphs(article))?;
        let summary = serde_json::to_value(&article.analysis.summary).map_err(S::Error::custom)?;
        out.serialize_field("summary", &summary)?;
        if let Some(tool) = article.tool {
            out.serialize_field("tool", tool)?;
        }
        if !article.unplaced.is_empty() {
            let unplaced: Vec<serde_json::Value> = article
                .unplaced
                .iter()
                .map(|u| serde_json::json!({"paragraph": u.paragraph, "decision": u.what}))
                .collect();
            out.serialize_field("unplaced", &unplaced)?;
        }
        out.end()
    }
}

/// The paragraphs, each built as a `Value` with its claims' checklists
/// and written before the next is built.
struct JsonParagraphs<'a, 'b>(&'b Article<'a>);

impl Serialize for JsonParagraphs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let article = self.0;
        let paragraphs = &article.analysis.paragraphs;
        let mut out = serializer.serialize_seq(Some(paragraphs.len()))?;
        for (pi, p) in paragraphs.iter().enumerate() {
            let mut value = serde_json::to_value(p).map_err(S::Error::custom)?;
            add_policy(&mut value, pi, article);
            out.serialize_element(&value)?;
        }
        out.end()
    }
}

/// Adds `policy` to the claims of paragraph `pi` that have checks.
fn add_policy(paragraph: &mut serde_json::Value, pi: usize, article: &Article) {
    let Some(claims) = paragraph["claims"].as_array_mut() else {
        return;
    };
    for (ci, c) in claims.iter_mut().enumerate() {
        let checks = article.policy.checks(pi, ci);
        if checks.is_empty() {
            continue;
        }
        let json: Vec<JsonCheck> = checks
            .iter()
            .map(|k| JsonCheck {
                id: k.id,
                question: k.question,
                verdict: k.verdict.label(),
                why: &k.why,
            })
            .collect();
        c["policy"] = serde_json::to_value(json).unwrap_or_default();
    }
}
