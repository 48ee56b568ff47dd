//! Reports: the analysis written out as JSON, plain text, CSV or Markdown.
//! Every format prints the same numbers as the window; each lives in its own
//! module.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod text;

use crate::analysis::Analysis;

/// The report formats of `sourcelight analyze --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per file, one per line (JSON Lines).
    Json,
    /// A readable report: each paragraph's score and flagged claims.
    Text,
    /// One row per claim, with a header.
    Csv,
    /// A Markdown report.
    Md,
}

/// One analysed article and the name it is reported under.
pub struct Article<'a> {
    pub file: &'a str,
    pub analysis: &'a Analysis,
}

/// Writes the report of several articles in one format.
pub fn render(format: Format, articles: &[Article], pretty: bool) -> String {
    match format {
        Format::Json => articles
            .iter()
            .map(|a| json::render(a, pretty) + "\n")
            .collect(),
        Format::Text => articles
            .iter()
            .map(text::render)
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Csv => csv::render(articles),
        Format::Md => articles
            .iter()
            .map(markdown::render)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The flags of a claim as words: its kind, then "retracted", "disputed",
/// "unconfirmed" where they apply. `strong` wraps the kind and "retracted"
/// (e.g. in `**` for Markdown, or upper-cases them for text).
pub fn flags(c: &crate::analysis::Claim, strong: impl Fn(&str) -> String) -> Vec<String> {
    let mut flags = vec![strong(c.kind.label())];
    if c.retracted {
        flags.push(strong("retracted"));
    }
    if c.disputed {
        flags.push("disputed".into());
    }
    if c.unconfirmed {
        flags.push("unconfirmed".into());
    }
    flags
}

/// "37%" for a share between 0 and 1.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}
