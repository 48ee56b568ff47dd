//! The readable report: the summary, then each paragraph with a score and
//! its flagged claims, each with the explanation of the rules that fired.

use std::fmt::Write;

use crate::analysis::Span;

use super::{Article, flags, percent, policy_line, score_text};

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
        score_text(s.score, s.analyser_score),
        percent(s.flagged_share)
    );
    for u in article.unplaced {
        let _ = writeln!(
            out,
            "  Editor decision that no longer fits (was ¶{}): {}",
            u.paragraph, u.what
        );
    }
    for p in &a.paragraphs {
        let flagged: Vec<_> = p
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.kind.is_flagged()
                    || c.retracted
                    || c.disputed
                    || c.unconfirmed
                    || c.editor.is_some()
            })
            .collect();
        if p.claims.is_empty() && p.note.is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n  ¶{:<4} score {:<3} claims {}  anonymous {}  retracted {}",
            p.index + 1,
            score_text(p.score, p.analyser_score),
            p.claims.len(),
            p.anonymous,
            p.retracted
        );
        let _ = writeln!(out, "        {}", excerpt(&p.text, 100));
        if let Some(note) = &p.note {
            let _ = writeln!(out, "        Editor's note: {note}");
        }
        for (ci, c) in flagged {
            let flags = flags(c, |w| {
                if w == "retracted" {
                    w.to_uppercase()
                } else {
                    w.to_string()
                }
            });
            let source = c.source.as_ref().map_or("(no source)", Span::text);
            let _ = writeln!(
                out,
                "      - [{}] \"{}\" — {}",
                flags.join(", "),
                c.cue.text(),
                source
            );
            let _ = writeln!(out, "        {}", c.explanation());
            if let Some(e) = &c.editor {
                let _ = writeln!(out, "        Editor: {}", e.describe());
            }
            if let Some(policy) = policy_line(article.policy(), p.index, ci) {
                let _ = writeln!(out, "        {policy}");
            }
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
