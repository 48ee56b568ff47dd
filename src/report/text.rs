//! The readable report: the summary, then each paragraph with a score and
//! its flagged claims, each with the explanation of the rules that fired.

use std::fmt::Write;

use super::{Article, flags, percent};

pub fn render(article: &Article) -> String {
    let a = article.analysis;
    let s = &a.summary;
    let mut out = String::new();
    let _ = writeln!(out, "{}", article.file);
    let _ = writeln!(
        out,
        "  {} paragraphs, {} claims: {} anonymous or unattributed, {} retracted; score {}; flagged share {}",
        s.paragraphs,
        s.claims,
        s.anonymous,
        s.retracted,
        s.score,
        percent(s.flagged_share)
    );
    for p in &a.paragraphs {
        let flagged: Vec<_> = p
            .claims
            .iter()
            .filter(|c| c.kind.is_flagged() || c.retracted || c.disputed || c.unconfirmed)
            .collect();
        if p.claims.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n  ¶{:<4} score {:<3} claims {}  anonymous {}  retracted {}",
            p.index + 1,
            p.score,
            p.claims.len(),
            p.anonymous,
            p.retracted
        );
        let _ = writeln!(out, "        {}", excerpt(&p.text, 100));
        for c in flagged {
            let flags = flags(c, |w| {
                if w == "retracted" {
                    w.to_uppercase()
                } else {
                    w.to_string()
                }
            });
            let source = c.source.as_ref().map_or("(no source)", |s| s.text.as_str());
            let _ = writeln!(
                out,
                "      - [{}] \"{}\" — {}",
                flags.join(", "),
                c.cue.text,
                source
            );
            let _ = writeln!(out, "        {}", c.explanation);
        }
    }
    out
}

/// The first `max` characters of a paragraph, cut at a word.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}
