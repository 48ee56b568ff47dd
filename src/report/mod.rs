//! Reports: the analysis written out as JSON, plain text, CSV or Markdown.
//! Every format prints the same numbers as the window; each lives in its own
//! module.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::analysis::Analysis;
use crate::analysis::policy::Checklist;

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
    /// A self-contained, printable HTML report.
    Html,
}

impl Format {
    /// The format a file name asks for (`report.html` → HTML).
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        Some(match ext.as_str() {
            "json" | "jsonl" => Format::Json,
            "txt" => Format::Text,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Md,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// One analysed article and the name it is reported under.
pub struct Article<'a> {
    pub file: &'a str,
    /// The record's id, for JSON Lines input (`analyze --jsonl`), as given.
    pub id: Option<&'a serde_json::Value>,
    /// Which analyser and which rules produced it (written into JSON).
    pub tool: Option<&'a Tool>,
    pub analysis: &'a Analysis,
    /// Editor decisions that no longer fit the article's text.
    pub unplaced: &'a [crate::review::Unplaced],
    /// The policy checks, prepared once for every claim of the article
    /// when a report first asks (a `--summary` never does).
    policy: std::cell::OnceCell<Checklist<'a>>,
}

impl<'a> Article<'a> {
    pub fn new(file: &'a str, analysis: &'a Analysis) -> Article<'a> {
        Article::with_unplaced(file, analysis, &[])
    }

    pub fn with_unplaced(
        file: &'a str,
        analysis: &'a Analysis,
        unplaced: &'a [crate::review::Unplaced],
    ) -> Article<'a> {
        Article {
            file,
            id: None,
            tool: None,
            analysis,
            unplaced,
            policy: std::cell::OnceCell::new(),
        }
    }

    /// The policy checks of every claim.
    pub fn policy(&self) -> &Checklist<'a> {
        self.policy.get_or_init(|| Checklist::new(self.analysis))
    }

    /// The same article, saying which analyser and rules produced it.
    pub fn by(mut self, tool: &'a Tool) -> Article<'a> {
        self.tool = Some(tool);
        self
    }
}

/// The analyser and rules behind a report, so an audit can say which
/// produced a number: `{"name", "version", "rules": {"name", "hash"}}`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
    pub rules: RulesId,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct RulesId {
    /// "built-in", or the house rules file's name.
    pub name: String,
    /// [`crate::analysis::Rules::fingerprint`] of their content.
    pub hash: String,
}

impl Tool {
    pub fn new(rules_name: impl Into<String>, rules: &crate::analysis::Rules) -> Tool {
        Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            rules: RulesId {
                name: rules_name.into(),
                hash: rules.fingerprint(),
            },
        }
    }
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
        Format::Html => html::render(articles),
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
    if c.dismissed() {
        flags.push("dismissed by the editor".into());
    }
    flags
}

/// The policy checklist of claim `ci` of paragraph `pi` in one line
/// ("policy: 5 of 6 met; not met: …"), or `None` for claims without one.
pub fn policy_line(policy: &Checklist, pi: usize, ci: usize) -> Option<String> {
    let checks = policy.checks(pi, ci);
    if checks.is_empty() {
        return None;
    }
    use crate::analysis::policy::Verdict;
    let applicable: Vec<_> = checks
        .iter()
        .filter(|c| c.verdict != Verdict::NotApplicable)
        .collect();
    let failed: Vec<String> = applicable
        .iter()
        .filter(|c| c.verdict == Verdict::Fail)
        .map(|c| format!("{} ({})", c.question.to_lowercase(), c.why))
        .collect();
    let met = applicable.len() - failed.len();
    Some(if failed.is_empty() {
        format!("Policy: all {met} checks met")
    } else {
        format!(
            "Policy: {met} of {} checks met; not met: {}",
            applicable.len(),
            failed.join("; ")
        )
    })
}

/// A paragraph's score with the analyser's beside it when the editor's
/// decisions changed it: "3 (analyser 4)".
pub fn score_text(score: u32, analyser: Option<u32>) -> String {
    match analyser {
        Some(a) => format!("{score} (analyser {a})"),
        None => score.to_string(),
    }
}

/// What a paragraph's badge says to a screen reader and on hover: its
/// number, score and claims — "Paragraph 4, score 3: 1 anonymous claim,
/// 1 retracted".
pub fn paragraph_label(p: &crate::analysis::ParagraphAnalysis) -> String {
    use crate::analysis::SourceKind;
    let count = |kind: SourceKind| p.claims.iter().filter(|c| c.kind == kind).count();
    let claims = |n: usize| if n == 1 { "claim" } else { "claims" };
    let mut parts: Vec<String> = [
        SourceKind::Anonymous,
        SourceKind::Unattributed,
        SourceKind::Named,
    ]
    .into_iter()
    .map(|kind| (kind, count(kind)))
    .filter(|&(_, n)| n > 0)
    .map(|(kind, n)| format!("{n} {} {}", kind.label(), claims(n)))
    .collect();
    let retracted = p.claims.iter().filter(|c| c.retracted).count();
    if retracted > 0 {
        parts.push(format!("{retracted} retracted"));
    }
    let dismissed = p
        .claims
        .iter()
        .filter(|c| c.editor.as_ref().is_some_and(|e| e.dismissed.is_some()))
        .count();
    match dismissed {
        0 => {}
        1 => parts.push("1 flag dismissed".to_string()),
        n => parts.push(format!("{n} flags dismissed")),
    }
    if parts.is_empty() {
        parts.push("no claims".to_string());
    }
    format!(
        "Paragraph {}, score {}: {}",
        p.index + 1,
        score_text(p.score, p.analyser_score),
        parts.join(", ")
    )
}

/// The flagged paragraphs' numbers, "3, 4, 6" (the first twenty, then
/// how many more), or None when none is flagged.
pub fn flagged_list(scores: impl IntoIterator<Item = u32>) -> Option<String> {
    const LISTED: usize = 20;
    let flagged: Vec<usize> = scores
        .into_iter()
        .enumerate()
        .filter(|&(_, s)| s > 0)
        .map(|(i, _)| i + 1)
        .collect();
    if flagged.is_empty() {
        return None;
    }
    let mut list: Vec<String> = flagged.iter().take(LISTED).map(usize::to_string).collect();
    if flagged.len() > LISTED {
        list.push(format!("and {} more", flagged.len() - LISTED));
    }
    Some(list.join(", "))
}

/// The score chart in words, for screen readers (the window's chart and
/// the report's): "Score per paragraph: 3 of 16 flagged (4, 5, 9); the
/// highest, 4, in paragraph 4".
pub fn chart_text(paragraphs: &[crate::analysis::ParagraphAnalysis]) -> String {
    let flagged = paragraphs.iter().filter(|p| p.score > 0).count();
    let Some(list) = flagged_list(paragraphs.iter().map(|p| p.score)) else {
        return format!("Score per paragraph: none of {} flagged", paragraphs.len());
    };
    // The first paragraph with the highest score.
    let top = paragraphs
        .iter()
        .rev()
        .max_by_key(|p| p.score)
        .expect("a flagged paragraph");
    format!(
        "Score per paragraph: {flagged} of {} flagged ({list}); the highest, {}, in paragraph {}",
        paragraphs.len(),
        top.score,
        top.index + 1
    )
}

/// "37%" for a share between 0 and 1.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn article() -> crate::analysis::Analysis {
        Analyzer::default().analyze(&[
            "The council met on Tuesday.",
            "Officials said the fare would rise. Mayor Ana Ruiz said it would not.",
            "It is believed that the depot will close.",
        ])
    }

    #[test]
    fn a_paragraph_label_says_its_score_and_claims() {
        let a = article();
        let labels: Vec<String> = a.paragraphs.iter().map(paragraph_label).collect();
        assert_eq!(labels[0], "Paragraph 1, score 0: no claims");
        assert_eq!(
            labels[1],
            "Paragraph 2, score 1: 1 anonymous claim, 1 named claim"
        );
        assert_eq!(labels[2], "Paragraph 3, score 1: 1 unattributed claim");
    }

    #[test]
    fn the_chart_in_words_lists_the_flagged_paragraphs() {
        assert_eq!(
            chart_text(&article().paragraphs),
            "Score per paragraph: 2 of 3 flagged (2, 3); the highest, 1, in paragraph 2"
        );
        assert_eq!(flagged_list([0, 0]), None);
        let many = flagged_list(std::iter::repeat_n(1, 25)).unwrap();
        assert!(many.ends_with("19, 20, and 5 more"), "{many}");
    }
}
