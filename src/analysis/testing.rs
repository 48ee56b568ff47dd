//! Helpers for the analysis's unit tests: an article from text, and each
//! claim written on one line, so a test reads as a table of sentences and
//! what they should give.
//!
//! A claim's line is `cue / source / kind`, with the inner speaker in
//! brackets after the source and flags after the kind: `R` retracted, `D`
//! disputed, `U` unconfirmed. A claim with no source has `-` for it.
//!
//! ```text
//! told / the Gazette (City officials) / anonymous
//! reportedly / - / unattributed
//! said / The Ledger / named R
//! ```

use super::{Analysis, Analyzer, Claim};

/// The analysis of a text whose paragraphs are separated by blank lines.
pub fn article(text: &str) -> Analysis {
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    Analyzer::default().analyze(&paragraphs)
}

/// One claim's line.
pub fn line(c: &Claim) -> String {
    let source = c.source.as_ref().map_or("-", |s| s.text());
    let speaker = c
        .speaker
        .as_ref()
        .map(|s| format!(" ({})", s.text()))
        .unwrap_or_default();
    let mut flags = String::new();
    for (on, f) in [(c.retracted, 'R'), (c.disputed, 'D'), (c.unconfirmed, 'U')] {
        if on {
            flags.push(f);
        }
    }
    let flags = if flags.is_empty() {
        flags
    } else {
        format!(" {flags}")
    };
    format!(
        "{} / {source}{speaker} / {}{flags}",
        c.cue.text(),
        c.kind.label()
    )
}

/// The lines of every claim of a text, paragraph by paragraph.
pub fn lines(text: &str) -> Vec<String> {
    article(text)
        .paragraphs
        .iter()
        .flat_map(|p| p.claims.iter().map(line))
        .collect()
}

/// Checks a table of texts and the lines their claims should give; every
/// mismatch is reported before failing.
#[track_caller]
pub fn check(table: &[(&str, &[&str])]) {
    let mut wrong = Vec::new();
    for (text, want) in table {
        let got = lines(text);
        if got != *want {
            wrong.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
