//! A paragraph's text as an egui `LayoutJob`: sources tinted by kind, cues
//! underlined, retracted sources struck through in red.
//!
//! Spans are byte offsets from the analysis, always on char boundaries, so
//! they cut the text directly into sections.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::analysis::{ParagraphAnalysis, SourceKind};
use crate::palette;

/// The checked colours of the theme `ui` is drawn in.
pub fn theme(ui: &egui::Ui) -> palette::Theme {
    if ui.visuals().dark_mode {
        palette::DARK
    } else {
        palette::LIGHT
    }
}

/// A palette colour for egui.
pub fn colour(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// Colours of the marks in one theme (`crate::palette`, where their
/// contrast is checked).
pub struct Palette {
    pub text: Color32,
    pub named: Color32,
    pub anonymous: Color32,
    pub unattributed: Color32,
    pub retracted: Color32,
    pub cue: Color32,
    /// A student's marks in exercise mode.
    pub student: Color32,
    /// Words matching the find bar's query.
    pub found: Color32,
}

impl Palette {
    pub fn new(dark: bool) -> Palette {
        let rgb = colour;
        let t = if dark { palette::DARK } else { palette::LIGHT };
        Palette {
            text: rgb(t.text),
            named: rgb(t.named),
            anonymous: rgb(t.anonymous),
            unattributed: rgb(t.unattributed),
            retracted: rgb(t.retracted),
            cue: if dark {
                Color32::from_rgb(120, 170, 255)
            } else {
                Color32::from_rgb(30, 90, 200)
            },
            found: rgb(t.found),
            student: if dark {
                Color32::from_rgb(40, 70, 130)
            } else {
                Color32::from_rgb(200, 220, 250)
            },
        }
    }

    pub fn kind(&self, kind: SourceKind) -> Color32 {
        match kind {
            SourceKind::Named => self.named,
            SourceKind::Anonymous => self.anonymous,
            SourceKind::Unattributed => self.unattributed,
        }
    }
}

#[derive(Clone, Copy, Default, PartialEq)]
struct Mark {
    background: Option<Color32>,
    found: bool,
    cue: bool,
    retracted: bool,
}

/// The paragraph as sections with marks; after each source (or, for a
/// claim without one, its cue) a small raised letter names its kind, so
/// the kinds differ without colour too.
pub fn paragraph_job(
    p: &ParagraphAnalysis,
    font: FontId,
    wrap_width: f32,
    palette: &Palette,
    find: &str,
) -> LayoutJob {
    let text = &p.text;
    let mut marks: Vec<(std::ops::Range<usize>, Mark)> = Vec::new();
    let mut tags: Vec<(usize, SourceKind)> = p
        .claims
        .iter()
        .map(|c| (c.source.as_ref().unwrap_or(&c.cue).end, c.kind))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    for c in &p.claims {
        let background = Some(palette.kind(c.kind));
        if let Some(span) = &c.source {
            marks.push((
                span.range(),
                Mark {
                    background,
                    cue: false,
                    retracted: c.retracted,
                    ..Mark::default()
                },
            ));
        }
        if let Some(span) = &c.speaker {
            marks.push((
                span.range(),
                Mark {
                    background,
                    cue: false,
                    retracted: false,
                    ..Mark::default()
                },
            ));
        }
        let cue_background = if c.source.is_none() { background } else { None };
        marks.push((
            c.cue.range(),
            Mark {
                background: cue_background,
                cue: true,
                retracted: false,
                ..Mark::default()
            },
        ));
    }
    for found in find_ranges(text, find) {
        marks.push((
            found,
            Mark {
                found: true,
                ..Mark::default()
            },
        ));
    }
    let mut cuts = cuts_at(text, marks.iter().map(|(r, _)| r));
    cuts.extend(
        tags.iter()
            .map(|&(at, _)| at)
            .filter(|&at| text.is_char_boundary(at)),
    );
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let mut m = Mark::default();
        for (r, mark) in &marks {
            if r.start <= a && b <= r.end {
                m.background = m.background.or(mark.background);
                m.cue |= mark.cue;
                m.retracted |= mark.retracted;
                m.found |= mark.found;
            }
        }
        let mut format = TextFormat::simple(font.clone(), palette.text);
        if let Some(bg) = m.background {
            format.background = bg;
        }
        if m.found {
            format.background = palette.found;
        }
        if m.cue {
            format.underline = Stroke::new(1.5, palette.cue);
        }
        if m.retracted {
            format.strikethrough = Stroke::new(1.5, palette.retracted);
            format.color = palette.retracted;
        }
        job.append(&text[a..b], 0.0, format);
        for &(_, kind) in tags.iter().filter(|&&(at, _)| at == b) {
            append_tag(&mut job, kind, &font, palette);
        }
    }
    job
}

/// The raised letter naming a source's kind (`palette::kind_tag`).
fn append_tag(job: &mut LayoutJob, kind: SourceKind, font: &FontId, palette: &Palette) {
    let mut format = TextFormat::simple(
        FontId::new(font.size * 0.62, font.family.clone()),
        palette.text,
    );
    format.background = palette.kind(kind);
    format.valign = egui::Align::TOP;
    job.append(palette::kind_tag(kind), 1.0, format);
}

/// The legend in words, for screen readers (the drawn one reads
/// "namedN anonymousA").
pub const LEGEND_WORDS: &str = "Sources: named (letter N), anonymous (letter A), \
    unattributed (letter U), retracted (struck through), reporting words (underlined)";

/// What the marks mean, drawn with the marks themselves: each kind's tint
/// and letter, a retracted source, the reporting words.
pub fn legend_job(font: FontId, palette: &Palette) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), palette.text);
    job.append("Sources: ", 0.0, plain.clone());
    for kind in [
        SourceKind::Named,
        SourceKind::Anonymous,
        SourceKind::Unattributed,
    ] {
        let mut format = plain.clone();
        format.background = palette.kind(kind);
        job.append(kind.label(), 0.0, format);
        append_tag(&mut job, kind, &font, palette);
        job.append("  ", 0.0, plain.clone());
    }
    let mut retracted = plain.clone();
    retracted.background = palette.anonymous;
    retracted.color = palette.retracted;
    retracted.strikethrough = Stroke::new(1.5, palette.retracted);
    job.append("retracted", 0.0, retracted);
    job.append("  ", 0.0, plain.clone());
    let mut cue = plain;
    cue.underline = Stroke::new(1.5, palette.cue);
    job.append("reporting words", 0.0, cue);
    job
}

/// A paragraph in exercise mode: plain text, the student's marks tinted
/// one neutral colour (nothing of the analysis shows).
pub fn marked_job(
    text: &str,
    marks: &[std::ops::Range<usize>],
    font: FontId,
    wrap_width: f32,
    palette: &Palette,
) -> LayoutJob {
    let cuts = cuts_at(text, marks.iter());
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut format = TextFormat::simple(font.clone(), palette.text);
        if marks.iter().any(|r| r.start <= a && b <= r.end) {
            format.background = palette.student;
        }
        job.append(&text[a..b], 0.0, format);
    }
    job
}

/// Where `query` occurs in `text`, ignoring case (as the find bar
/// matches paragraphs), as byte ranges on char boundaries.
pub fn find_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let query: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if query.iter().all(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (start, _) in text.char_indices() {
        if start < from {
            continue;
        }
        // Walk the text's lowercased chars against the query's.
        let mut q = query.iter();
        let mut end = start;
        let mut want = q.next();
        for (at, c) in text[start..].char_indices() {
            let mut lower = c.to_lowercase();
            let mut same = true;
            for l in lower.by_ref() {
                match want {
                    Some(&w) if w == l => want = q.next(),
                    _ => {
                        same = false;
                        break;
                    }
                }
            }
            if !same {
                break;
            }
            end = start + at + c.len_utf8();
            if want.is_none() {
                break;
            }
        }
        if want.is_none() {
            out.push(start..end);
            from = end;
        }
    }
    out
}

/// Boundaries where a mark starts or ends, with the text's ends, sorted,
/// on char boundaries: the sections a job is cut into.
fn cuts_at<'a>(text: &str, ranges: impl Iterator<Item = &'a std::ops::Range<usize>>) -> Vec<usize> {
    let mut cuts = vec![0, text.len()];
    for r in ranges {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

#[cfg(test)]
mod find_tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case_on_char_boundaries() {
        let text = "Officials said. OFFICIALS denied. Öffentlich officials";
        let found: Vec<&str> = find_ranges(text, "officials")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Officials", "OFFICIALS", "officials"]);
        let umlaut = "Die ÖFFENTLICHE Hand";
        let r = find_ranges(umlaut, "öffentliche");
        assert_eq!(&umlaut[r[0].clone()], "ÖFFENTLICHE");
        assert!(find_ranges(text, "  ").is_empty());
        assert!(find_ranges(text, "mayor").is_empty());
    }

    #[test]
    fn the_found_words_are_highlighted_over_the_source_tint() {
        let a = crate::analysis::Analyzer::default()
            .analyze(&["Officials said the depot would close."]);
        let palette = Palette::new(false);
        let job = paragraph_job(
            &a.paragraphs[0],
            FontId::proportional(15.0),
            500.0,
            &palette,
            "depot",
        );
        let found: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background == palette.found)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(found, ["depot"]);
    }
}
