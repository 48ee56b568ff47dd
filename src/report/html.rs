//! A self-contained HTML report: one file with its styles inline and the
//! chart as inline SVG, so it can be mailed, archived or printed without
//! anything else. It shows what the window shows: the summary and chart,
//! the article with sources highlighted and a score beside each paragraph,
//! and each claim's details, editor decisions and policy checklist.

use std::fmt::Write;

use super::{Article, flags, percent, policy_line, score_text};
use crate::analysis::{Claim, ParagraphAnalysis, SourceKind};

const STYLE: &str = "
body{font:15px/1.5 Georgia,serif;color:#1b1b1b;max-width:980px;margin:2em auto;padding:0 1em}
h1,h2,h3,table,.claims,.badge,.summary{font-family:system-ui,sans-serif}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table.summary{border-collapse:collapse;margin:1em 0}
table.summary td,table.summary th{border:1px solid #ccc;padding:4px 10px;text-align:right}
.para{display:flex;gap:12px;margin:0 0 1em;page-break-inside:avoid}
.badge{flex:0 0 3.2em;text-align:center;font-weight:bold;border-radius:4px;padding:2px 0;height:1.4em}
.text p{margin:0}
.cue{text-decoration:underline;text-decoration-thickness:2px}
.claims{font-size:.85em;margin:.4em 0 0;padding-left:1.2em;color:#333}
.claims li{margin:.2em 0}.why{color:#555}.note{font-style:italic;color:#5a3e00}
.fail{color:#a01a10}.unplaced{border:1px solid #c82828;padding:.5em 1em}
@media print{body{margin:0;max-width:none}h2{page-break-before:always}h2:first-of-type{page-break-before:avoid}}
";

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(articles: &[Article]) -> String {
    let mut out = String::new();
    let title = match articles {
        [one] => format!("Sourcing review: {}", one.file),
        _ => format!("Sourcing review: {} articles", articles.len()),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}{}</style></head><body>\n",
        escape(&title),
        // Badges and tints in the window's colours.
        crate::palette::report_css()
    );
    for a in articles {
        article(&mut out, a);
    }
    out.push_str("</body></html>\n");
    out
}

fn article(out: &mut String, a: &Article) {
    let s = &a.analysis.summary;
    let _ = writeln!(out, "<h2>{}</h2>", escape(a.file));
    let _ = writeln!(
        out,
        "<table class=\"summary\"><tr><th>paragraphs</th><th>claims</th><th>anonymous</th><th>retracted</th><th>score</th><th>flagged share</th></tr>\
         <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></table>",
        s.paragraphs,
        s.claims,
        s.anonymous,
        s.retracted,
        escape(&score_text(s.score, s.analyser_score)),
        percent(s.flagged_share)
    );
    chart(out, &a.analysis.paragraphs);
    if !a.unplaced.is_empty() {
        out.push_str("<div class=\"unplaced\"><strong>Editor decisions that no longer fit the text:</strong><ul>");
        for u in a.unplaced {
            let _ = write!(
                out,
                "<li>paragraph {}: {}</li>",
                u.paragraph,
                escape(&u.what)
            );
        }
        out.push_str("</ul></div>\n");
    }
    for p in &a.analysis.paragraphs {
        paragraph(out, a, p);
    }
}

/// Paragraph scores as bars, one per paragraph.
fn chart(out: &mut String, paragraphs: &[ParagraphAnalysis]) {
    if paragraphs.is_empty() {
        return;
    }
    let max = paragraphs.iter().map(|p| p.score).max().unwrap_or(0).max(1) as f64;
    let width = 900.0;
    let height = 90.0;
    let bar = width / paragraphs.len() as f64;
    let _ = write!(
        out,
        "<svg role=\"img\" aria-label=\"Score per paragraph\" width=\"100%\" viewBox=\"0 0 {width} {h}\" preserveAspectRatio=\"none\" style=\"max-height:110px\">",
        h = height + 14.0
    );
    for (i, p) in paragraphs.iter().enumerate() {
        if p.score == 0 {
            continue;
        }
        let h = p.score as f64 / max * height;
        let _ = write!(
            out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"{}\"><title>Paragraph {} score {}</title></rect>",
            i as f64 * bar,
            height - h,
            (bar * 0.85).max(0.5),
            // Each bar in its badge's colour.
            crate::palette::score_background(p.score).hex(),
            i + 1,
            p.score
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"0\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#999\"/><text x=\"0\" y=\"{}\" font-size=\"11\">score per paragraph (max {max})</text></svg>",
        height + 12.0
    );
}

fn paragraph(out: &mut String, a: &Article, p: &ParagraphAnalysis) {
    let class = match p.score {
        0 => "s0",
        1 => "s1",
        2 => "s2",
        3 => "s3",
        _ => "s4",
    };
    let _ = write!(
        out,
        "<div class=\"para\" id=\"p{n}\"><div class=\"badge {class}\" title=\"Paragraph {n} score {score}\">{score}</div><div class=\"text\"><p>",
        n = p.index + 1,
        score = escape(&score_text(p.score, p.analyser_score)),
    );
    highlighted(out, p);
    out.push_str("</p>");
    if let Some(note) = &p.note {
        let _ = write!(out, "<p class=\"note\">Editor's note: {}</p>", escape(note));
    }
    if !p.claims.is_empty() {
        out.push_str("<ul class=\"claims\">");
        for (ci, c) in p.claims.iter().enumerate() {
            claim(out, a, p, ci, c);
        }
        out.push_str("</ul>");
    }
    out.push_str("</div></div>\n");
}

fn claim(out: &mut String, a: &Article, p: &ParagraphAnalysis, ci: usize, c: &Claim) {
    let source = c.source.as_ref().map_or("no source".to_string(), |s| {
        format!("“{}”", escape(s.text()))
    });
    let _ = write!(
        out,
        "<li><strong>“{}”</strong> — {} — {}<br><span class=\"why\">{}</span>",
        escape(c.cue.text()),
        source,
        escape(&flags(c, |w| w.to_uppercase()).join(", ")),
        escape(&c.explanation())
    );
    if let Some(l) = &c.listed {
        let _ = write!(
            out,
            "<br>Listed in {}: {} {} {}",
            escape(&l.list),
            escape(&l.nature),
            escape(&l.date),
            escape(&l.reason)
        );
    }
    if let Some(e) = &c.editor {
        let _ = write!(out, "<br>Editor: {}", escape(&e.describe()));
    }
    if let Some(policy) = policy_line(&a.policy, p.index, ci) {
        let class = if policy.contains("not met") {
            "fail"
        } else {
            "why"
        };
        let _ = write!(
            out,
            "<br><span class=\"{class}\">{}</span>",
            escape(&policy)
        );
    }
    out.push_str("</li>");
}

/// The paragraph text with sources tinted by kind and cues underlined.
fn highlighted(out: &mut String, p: &ParagraphAnalysis) {
    // One class per byte; sources override cues. Spans are on char
    // boundaries, so runs of one class are valid slices.
    let mut class: Vec<u8> = vec![0; p.text.len()];
    let mut paint = |r: std::ops::Range<usize>, c: u8| {
        if let Some(bytes) = class.get_mut(r) {
            bytes.iter_mut().for_each(|b| *b = (*b).max(c));
        }
    };
    for c in &p.claims {
        paint(c.cue.range(), 1);
        if let Some(s) = &c.source {
            let k = if c.retracted {
                5
            } else {
                match c.kind {
                    SourceKind::Named => 2,
                    SourceKind::Unattributed => 3,
                    SourceKind::Anonymous => 4,
                }
            };
            paint(s.range(), k);
        }
    }
    let names = ["", "cue", "named", "unattributed", "anonymous", "retracted"];
    let mut start = 0;
    while start < p.text.len() {
        let k = class[start];
        let mut end = start + 1;
        while end < p.text.len() && (class[end] == k || !p.text.is_char_boundary(end)) {
            end += 1;
        }
        let words = escape(&p.text[start..end]);
        if k == 0 {
            out.push_str(&words);
        } else {
            let _ = write!(out, "<span class=\"{}\">{words}</span>", names[k as usize]);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn escapes_and_highlights() {
        let a = Analyzer::default()
            .analyze(&["Officials said the fare rose <b>5%</b> & “more” was due."]);
        let html = render(&[Article::new("a&b.txt", &a)]);
        assert!(html.contains("a&amp;b.txt"));
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("<span class=\"anonymous\">Officials</span>"));
        assert!(html.contains("<span class=\"cue\">said</span>"));
        assert!(html.contains("title=\"Paragraph 1 score 1\""));
    }
}
