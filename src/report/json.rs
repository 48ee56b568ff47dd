//! The JSON contract: `{"file", "summary", "paragraphs"}` per article, one
//! object per line unless pretty-printed. Other tools read this; the field
//! names are documented in the README.

use serde::Serialize;

use super::Article;
use crate::analysis::{ParagraphAnalysis, Summary};

#[derive(Serialize)]
struct JsonArticle<'a> {
    file: &'a str,
    summary: &'a Summary,
    paragraphs: &'a [ParagraphAnalysis],
}

pub fn render(article: &Article, pretty: bool) -> String {
    let value = JsonArticle {
        file: article.file,
        summary: &article.analysis.summary,
        paragraphs: &article.analysis.paragraphs,
    };
    let result = if pretty {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    // Serialising plain structs of strings and numbers cannot fail.
    result.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
