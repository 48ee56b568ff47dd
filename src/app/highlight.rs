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
            }
        }
        let mut format = TextFormat::simple(font.clone(), palette.text);
        if let Some(bg) = m.background {
            format.background = bg;
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
