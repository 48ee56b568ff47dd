//! The score badge drawn beside each paragraph, coloured by severity.

use egui::{Color32, Rect, Role, Sense, Ui, WidgetInfo};

/// Background colour for a score: grey for 0, amber, orange, red (the
/// report's too: `crate::palette`).
pub fn severity_colour(score: u32) -> Color32 {
    let c = crate::palette::score_background(score);
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The digits on a badge of colour `bg`: dark or white, whichever stands
/// out more (dark on grey, amber and orange, white on red: each at WCAG
/// AA's 4.5:1 or better; `crate::palette` checks the score colours).
fn readable_on(bg: Color32) -> Color32 {
    let c = crate::palette::text_on(crate::palette::Rgb(bg.r(), bg.g(), bg.b()));
    Color32::from_rgb(c.0, c.1, c.2)
}

/// Draws a paragraph's badge in `rect`; its accessible label says which
/// paragraph it is, its score and its claims ("Paragraph 4, score 3: 1
/// anonymous claim, 1 retracted"), for screen readers, hover and tests.
pub fn show(
    ui: &mut Ui,
    rect: Rect,
    p: &crate::analysis::ParagraphAnalysis,
    selected: bool,
) -> egui::Response {
    let badge = Badge {
        label: crate::report::paragraph_label(p),
        colour: severity_colour(p.score),
        text: p.score.to_string(),
        size: 14.0,
    };
    badge.draw(ui, rect, p.index, selected)
}

/// The gutter mark in exercise mode: blank until checked, then green,
/// amber or red by how well the paragraph went. No score shows.
pub fn exercise(
    ui: &mut Ui,
    rect: Rect,
    paragraph: usize,
    agreement: Option<crate::classroom::Agreement>,
    selected: bool,
) -> egui::Response {
    use crate::classroom::Agreement;
    let word = match agreement {
        Some(Agreement::Full) => " all found",
        Some(Agreement::Partial) => " partly found",
        Some(Agreement::None) => " not found",
        _ => "",
    };
    let badge = Badge {
        label: format!("Paragraph {}{word}", paragraph + 1),
        colour: agreement
            .and_then(super::exercise_panel::agreement_colour)
            .unwrap_or(ui.visuals().widgets.inactive.bg_fill),
        text: (paragraph + 1).to_string(),
        size: 12.0,
    };
    badge.draw(ui, rect, paragraph, selected)
}

/// What a gutter badge shows and says.
struct Badge {
    /// The accessible name (and hover text).
    label: String,
    colour: Color32,
    text: String,
    size: f32,
}

impl Badge {
    fn draw(self, ui: &mut Ui, rect: Rect, paragraph: usize, selected: bool) -> egui::Response {
        let response = ui.interact(
            rect,
            ui.scope_id().with(("badge", paragraph)),
            Sense::click(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &self.label));
        let painter = ui.painter();
        painter.rect_filled(rect, 6.0, self.colour);
        if selected {
            painter.rect_stroke(
                rect.expand(2.0),
                7.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Outside,
            );
        }
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            self.text,
            egui::FontId::proportional(self.size),
            readable_on(self.colour),
        );
        response.on_hover_text(self.label)
    }
}
