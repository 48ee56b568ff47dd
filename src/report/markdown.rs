//! Markdown: a summary table, then each scored paragraph as a quotation
//! with its claims listed under it.

use std::fmt::Write;

use super::{Article, flags, percent};

fn escape(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

pub fn render(article: &Article) -> String {
    let a = article.analysis;
    let s = &a.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# Sourcing review: {}\n", escape(article.file));
    let _ = writeln!(
        out,
        "| paragraphs | claims | anonymous | retracted | score | flagged share |"
    );
    let _ = writeln!(out, "|---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n",
        s.paragraphs,
        s.claims,
        s.anonymous,
        s.retracted,
        s.score,
        percent(s.flagged_share)
    );
    for p in &a.paragraphs {
        if p.claims.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "## Paragraph {} — score {} (anonymous {}, retracted {})\n",
            p.index + 1,
            p.score,
            p.anonymous,
            p.retracted
        );
        let _ = writeln!(out, "> {}\n", escape(&p.text));
        for c in &p.claims {
            let flags = flags(c, |w| format!("**{w}**"));
            let source = c.source.as_ref().map_or("no source".to_string(), |s| {
                format!("“{}”", escape(&s.text))
            });
            let _ = writeln!(
                out,
                "- “{}” — {} — {}",
                escape(&c.cue.text),
                source,
                flags.join(", ")
            );
            let _ = writeln!(out, "  - {}", escape(&c.explanation));
        }
        out.push('\n');
    }
    out
}
