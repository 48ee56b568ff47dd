//! A self-contained HTML report: one file with its styles inline and the
//! chart as inline SVG, so it can be mailed, archived or printed without
//! anything else. It shows what the window shows: the summary and chart,
//! the article with sources highlighted and a score beside each paragraph,
//! and each claim's details, editor decisions and policy checklist.

use std::fmt::Write;

use super::{Article, flags, percent, policy_line, score_text};
use crate::analysis::{Claim, ParagraphAnalysis, SourceKind};

const STYLE: &str = "
body{font:15px/1.5 Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em}
h1,h2,h3,table,.claims,.badge,.summary{font-family:system-ui,sans-serif}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table.summary{border-collapse:collapse;margin:1em 0}
table.summary td,table.summary th{border:1px solid #ccc;padding:4px 10px;text-align:right}
.para{display:flex;gap:12px;margin:0 0 1em;page-break-inside:avoid}
.badge{flex:0 0 3.2em;text-align:center;font-weight:bold;border-radius:4px;padding:2px 0;height:1.4em}
.text p{margin:0}
.legend{font:.85em system-ui,sans-serif}
.cue{text-decoration:underline;text-decoration-thickness:2px}
.claims{font-size:.85em;margin:.4em 0 0;padding-left:1.2em}
.claims li{margin:.2em 0}.note{font-style:italic}
.unplaced{border:1px solid #c82828;padding:.5em 1em}
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
    legend(out);
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

/// What the marks mean, drawn with the marks themselves.
fn legend(out: &mut String) {
    out.push_str("<p class=\"legend\">Sources: ");
    for kind in [
        SourceKind::Named,
        SourceKind::Anonymous,
        SourceKind::Unattributed,
    ] {
        let _ = write!(out, "<span class=\"{0}\">{0}</span>", kind.label());
        tag(out, kind);
        out.push_str(" &nbsp; ");
    }
    out.push_str(
        "<span class=\"anonymous retracted\">retracted</span> &nbsp; \
         <span class=\"cue\">reporting words</span> &nbsp; \
         badge: the paragraph's score</p>\n",
    );
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
        "<svg role=\"img\" aria-label=\"{}\" width=\"100%\" viewBox=\"0 0 {width} {h}\" preserveAspectRatio=\"none\" style=\"max-height:110px\">",
        escape(&super::chart_text(paragraphs)),
        h = height + 14.0
    );
    for (i, p) in paragraphs.iter().enumerate() {
        if p.score == 0 {
            continue;
        }
        let h = p.score as f64 / max * height;
        let _ = write!(
            out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"{}\"><title>{}</title></rect>",
            i as f64 * bar,
            height - h,
            (bar * 0.85).max(0.5),
            // Each bar in its badge's colour.
            crate::palette::score_background(p.score).hex(),
            escape(&super::paragraph_label(p)),
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
        "<div class=\"para\" id=\"p{n}\"><div class=\"badge {class}\" title=\"{label}\">{score}</div><div class=\"text\"><p>",
        n = p.index + 1,
        score = p.score,
        label = escape(&super::paragraph_label(p)),
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
    if let Some(policy) = policy_line(a.policy(), p.index, ci) {
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

/// The paragraph text with sources tinted by kind, cues underlined,
/// retracted sources struck through, and after each source (or, with no
/// source, its cue) a raised letter naming its kind, as in the window.
fn highlighted(out: &mut String, p: &ParagraphAnalysis) {
    let text = &*p.text;
    // Per byte: bit 0 a cue, bits 1-3 one kind (a source, or the cue of a
    // claim with none), bit 4 retracted. Spans are on char boundaries.
    let mut marks: Vec<u8> = vec![0; text.len()];
    let mut tags: Vec<(usize, SourceKind)> = Vec::new();
    let mut paint = |r: std::ops::Range<usize>, bits: u8| {
        if let Some(bytes) = marks.get_mut(r) {
            for b in bytes {
                // One kind per byte: the first claim's.
                *b |= if *b & 0b1110 != 0 {
                    bits & !0b1110
                } else {
                    bits
                };
            }
        }
    };
    for c in &p.claims {
        let kind = match c.kind {
            SourceKind::Named => 0b10,
            SourceKind::Anonymous => 0b100,
            SourceKind::Unattributed => 0b1000,
        };
        match &c.source {
            Some(s) => {
                paint(c.cue.range(), 1);
                paint(s.range(), kind | if c.retracted { 0b10000 } else { 0 });
                tags.push((s.end, c.kind));
            }
            None => {
                paint(c.cue.range(), 1 | kind);
                tags.push((c.cue.end, c.kind));
            }
        }
    }
    tags.sort_unstable();
    tags.dedup();
    let mut cuts: Vec<usize> = tags.iter().map(|&(at, _)| at).collect();
    cuts.extend([0, text.len()]);
    for i in 1..text.len() {
        if marks[i] != marks[i - 1] && text.is_char_boundary(i) {
            cuts.push(i);
        }
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let m = marks[start];
        let words = escape(&text[start..end]);
        let classes: Vec<&str> = [
            (1, "cue"),
            (0b10, "named"),
            (0b100, "anonymous"),
            (0b1000, "unattributed"),
            (0b10000, "retracted"),
        ]
        .iter()
        .filter(|(bit, _)| m & bit != 0)
        .map(|&(_, name)| name)
        .collect();
        if classes.is_empty() {
            out.push_str(&words);
        } else {
            let _ = write!(out, "<span class=\"{}\">{words}</span>", classes.join(" "));
        }
        for &(_, kind) in tags.iter().filter(|&&(at, _)| at == end) {
            tag(out, kind);
        }
    }
}

/// The raised letter after a source: its kind in a word for screen
/// readers and on hover.
fn tag(out: &mut String, kind: SourceKind) {
    let _ = write!(
        out,
        "<sup class=\"tag {name}\" title=\"{name} source\" aria-label=\"({name} source)\">{}</sup>",
        crate::palette::kind_tag(kind),
        name = kind.label(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn every_kind_is_tinted_tagged_and_retracted_keeps_its_kind() {
        let a = Analyzer::default().analyze(&[
            "It is believed that the depot will close.",
            "A former plant worker told the inquiry the alarms were off. She later recanted.",
        ]);
        let html = render(&[Article::new("a.txt", &a)]);
        let body = &html[html.find("id=\"p1\"").unwrap()..];
        // A claim with no source: its reporting words carry the tint and
        // the letter.
        let cue = a.paragraphs[0].claims[0].cue.text();
        assert!(
            body.contains(&format!(
                "<span class=\"cue unattributed\">{cue}</span><sup class=\"tag unattributed\""
            )),
            "{body}"
        );
        assert!(
            body.contains(
                "<span class=\"anonymous retracted\">A former plant worker</span><sup class=\"tag anonymous\""
            ),
            "{body}"
        );
    }

    #[test]
    fn escapes_and_highlights() {
        let a = Analyzer::default()
            .analyze(&["Officials said the fare rose <b>5%</b> & “more” was due."]);
        let html = render(&[Article::new("a&b.txt", &a)]);
        assert!(html.contains("a&amp;b.txt"));
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("<span class=\"anonymous\">Officials</span>"));
        assert!(html.contains("<span class=\"cue\">said</span>"));
        assert!(html.contains("title=\"Paragraph 1, score 1: 1 anonymous claim\""));
    }
}
