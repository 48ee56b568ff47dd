//! Markdown: a summary table, then each scored paragraph as a quotation
//! with its claims listed under it.

use std::fmt::Write;

use super::{Article, flags, percent, policy_line, score_text};

/// Article text as Markdown text and nothing else: every ASCII
/// punctuation mark is backslash-escaped (CommonMark lets any of them be,
/// and then reads them literally), so `<script>`, `[link](…)`, backticks,
/// `#`, `|` and `\` show as written; line breaks inside a value become
/// spaces, so a value cannot start a block of its own.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
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
        score_text(s.score, s.analyser_score),
        percent(s.flagged_share)
    );
    if !article.unplaced.is_empty() {
        let _ = writeln!(out, "**Editor decisions that no longer fit the text:**\n");
        for u in article.unplaced {
            let _ = writeln!(out, "- paragraph {}: {}", u.paragraph, escape(&u.what));
        }
        out.push('\n');
    }
    for p in &a.paragraphs {
        if p.claims.is_empty() && p.note.is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "## Paragraph {} — score {} (anonymous {}, retracted {})\n",
            p.index + 1,
            score_text(p.score, p.analyser_score),
            p.anonymous,
            p.retracted
        );
        let _ = writeln!(out, "> {}\n", escape(&p.text));
        if let Some(note) = &p.note {
            let _ = writeln!(out, "*Editor's note:* {}\n", escape(note));
        }
        for (ci, c) in p.claims.iter().enumerate() {
            let flags = flags(c, |w| format!("**{w}**"));
            let source = c.source.as_ref().map_or("no source".to_string(), |s| {
                format!("“{}”", escape(s.text()))
            });
            let _ = writeln!(
                out,
                "- “{}” — {} — {}",
                escape(c.cue.text()),
                source,
                flags.join(", ")
            );
            let _ = writeln!(out, "  - {}", escape(&c.explanation()));
            if let Some(e) = &c.editor {
                let _ = writeln!(out, "  - Editor: {}", escape(&e.describe()));
            }
            if let Some(policy) = policy_line(article.policy(), p.index, ci) {
                let _ = writeln!(out, "  - {}", escape(&policy));
            }
        }
        out.push('\n');
    }
    out
}
