//! The summary of the current article — claims, anonymous, retracted,
//! flagged share — and a per-paragraph bar chart that selects a paragraph
//! when clicked.

use egui::{Color32, Sense, Vec2};

use super::badge::severity_colour;
use super::{Action, SourcelightApp};
use crate::report::percent;

pub fn show(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let Some(article) = app.current_article() else {
        ui.label("No article open");
        return;
    };
    let s = &article.analysis.summary;
    ui.horizontal(|ui| {
        ui.strong(&article.name);
        ui.separator();
        ui.label(format!("{} paragraphs", s.paragraphs));
        ui.label(format!("{} claims", s.claims));
        ui.label(format!("{} anonymous or unattributed", s.anonymous));
        ui.label(format!("{} retracted", s.retracted));
        ui.label(format!("score {}", s.score));
        ui.label(format!("flagged share {}", percent(s.flagged_share)));
        ui.separator();
        if ui
            .button("Previous flagged")
            .on_hover_text("Shift+F8")
            .clicked()
        {
            actions.push(Action::PreviousFlagged);
        }
        if ui.button("Next flagged").on_hover_text("F8").clicked() {
            actions.push(Action::NextFlagged);
        }
    });
    chart(ui, app, actions);
}

/// One bar per paragraph, height by score; click selects the paragraph.
fn chart(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let Some(article) = app.current_article() else {
        return;
    };
    let paragraphs = &article.analysis.paragraphs;
    if paragraphs.is_empty() {
        return;
    }
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 36.0), Sense::click());
    let max = paragraphs.iter().map(|p| p.score).max().unwrap_or(0).max(1) as f32;
    let step = rect.width() / paragraphs.len() as f32;
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    // One bar per pixel column (the highest score in it), however long the article.
    let columns = (rect.width().max(1.0) as usize).min(paragraphs.len());
    let per_column = rect.width() / columns as f32;
    let mut highest = vec![0u32; columns];
    for p in paragraphs {
        let col = (p.index * columns / paragraphs.len()).min(columns - 1);
        highest[col] = highest[col].max(p.score);
    }
    for (col, &score) in highest.iter().enumerate().filter(|(_, s)| **s > 0) {
        let h = rect.height() * score as f32 / max;
        let x = rect.left() + per_column * col as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(x, rect.bottom() - h),
            egui::pos2(x + per_column.max(1.0), rect.bottom()),
        );
        painter.rect_filled(bar, 0.0, severity_colour(score));
    }
    if let Some(sel) = app.selected_paragraph {
        let x = rect.left() + step * (sel as f32 + 0.5);
        painter.vline(
            x,
            rect.y_range(),
            egui::Stroke::new(1.5, Color32::from_rgb(40, 120, 220)),
        );
    }
    if let Some(pos) = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())
    {
        let i = (((pos.x - rect.left()) / step) as usize).min(paragraphs.len() - 1);
        actions.push(Action::SelectParagraph(i));
    }
    response.on_hover_text("Score of each paragraph: click to go there");
}
