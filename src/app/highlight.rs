//! A paragraph's text as an egui `LayoutJob`: sources tinted by kind, cues
//! underlined, retracted sources struck through in red.
//!
//! Spans are byte offsets from the analysis, always on char boundaries, so
//! they cut the text directly into sections.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::analysis::{ParagraphAnalysis, SourceKind};
use crate::palette;

/// Colours of the marks, chosen to stay readable on light and dark themes.
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
        if dark {
            Palette {
                text: Color32::from_gray(225),
                named: Color32::from_rgba_unmultiplied(60, 140, 90, 110),
                anonymous: Color32::from_rgba_unmultiplied(200, 130, 20, 120),
                unattributed: Color32::from_rgba_unmultiplied(150, 90, 200, 120),
                retracted: Color32::from_rgb(255, 90, 90),
                cue: Color32::from_rgb(120, 170, 255),
                student: Color32::from_rgba_unmultiplied(70, 120, 220, 120),
            }
        } else {
            // The report's colours too (crate::palette).
            let rgb = |c: palette::Rgb| Color32::from_rgb(c.0, c.1, c.2);
            Palette {
                text: rgb(palette::DARK_TEXT),
                named: rgb(palette::NAMED_TINT),
                anonymous: rgb(palette::ANONYMOUS_TINT),
                unattributed: rgb(palette::UNATTRIBUTED_TINT),
                retracted: rgb(palette::RETRACTED_LINE),
                cue: Color32::from_rgb(30, 90, 200),
                student: Color32::from_rgb(200, 220, 250),
            }
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

/// The paragraph as sections with marks.
pub fn paragraph_job(
    p: &ParagraphAnalysis,
    font: FontId,
    wrap_width: f32,
    palette: &Palette,
) -> LayoutJob {
    let text = &p.text;
    let mut marks: Vec<(std::ops::Range<usize>, Mark)> = Vec::new();
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
    let cuts = cuts_at(text, marks.iter().map(|(r, _)| r));
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
    }
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
