//! The JSON contract: `{"file", "summary", "paragraphs"}` per article, one
//! object per line unless pretty-printed. Other tools read this; the field
//! names are documented in the README.
//!
//! Claims on anonymous sources also carry `policy`, the checklist of
//! [`crate::analysis::policy`]; an article whose editor decisions no longer
//! fit its text carries `unplaced`.

use serde::Serialize;

use super::Article;
use crate::analysis::{ParagraphAnalysis, Summary};

#[derive(Serialize)]
struct JsonArticle<'a> {
    file: &'a str,
    summary: &'a Summary,
    paragraphs: &'a [ParagraphAnalysis],
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    id: &'a str,
    question: &'a str,
    verdict: &'a str,
    why: &'a str,
}

pub fn render(article: &Article, pretty: bool) -> String {
    let value = JsonArticle {
        file: article.file,
        summary: &article.analysis.summary,
        paragraphs: &article.analysis.paragraphs,
    };
    let mut value = match serde_json::to_value(&value) {
        Ok(v) => v,
        Err(e) => return format!("{{\"error\": \"{e}\"}}"),
    };
    add_policy(&mut value, article);
    if !article.unplaced.is_empty() {
        let unplaced: Vec<serde_json::Value> = article
            .unplaced
            .iter()
            .map(|u| serde_json::json!({"paragraph": u.paragraph, "decision": u.what}))
            .collect();
        value["unplaced"] = serde_json::Value::Array(unplaced);
    }
    let result = if pretty {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    result.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn add_policy(value: &mut serde_json::Value, article: &Article) {
    let Some(paragraphs) = value["paragraphs"].as_array_mut() else {
        return;
    };
    for (pi, p) in paragraphs.iter_mut().enumerate() {
        let Some(claims) = p["claims"].as_array_mut() else {
            continue;
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
}
