//! The open articles: each with its score and a bar of its flagged share;
//! sort by score or name; close. In narrow windows, a picker in the
//! summary bar instead (`picker`).

use egui::{Sense, Vec2};

use super::{Action, SortBy, SourcelightApp};
use crate::report::percent;

/// An article's line: its name, a star for unsaved decisions, its score
/// (not in an exercise: it would give the answers away).
fn entry(a: &super::Article) -> String {
    let marker = if a.unsaved() { "* " } else { "" };
    if a.exercise.is_some() {
        a.name.clone()
    } else {
        format!("{marker}{}  ·  score {}", a.name, a.analysis.summary.score)
    }
}

/// The open articles as a drop-down, for windows too narrow for the list.
pub fn picker(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let Some(current) = app.current_article() else {
        return;
    };
    egui::ComboBox::new("article picker", "Article")
        .selected_text(entry(current))
        .show_ui(ui, |ui| {
            for (i, a) in app.articles.iter().enumerate() {
                if ui
                    .selectable_label(app.current == Some(i), entry(a))
                    .clicked()
                {
                    actions.push(Action::SelectArticle(i));
                }
            }
        })
        .response
        .on_hover_text("The open articles");
}

pub fn show(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    ui.heading("Articles");
    ui.horizontal(|ui| {
        ui.label("Sort:");
        for (label, sort) in [
            ("opened", SortBy::Opened),
            ("score", SortBy::Score),
            ("name", SortBy::Name),
        ] {
            if ui.selectable_label(app.sort == sort, label).clicked() {
                actions.push(Action::Sort(sort));
            }
        }
    });
    ui.separator();
    let mut order: Vec<usize> = (0..app.articles.len()).collect();
    match app.sort {
        SortBy::Opened => {}
        SortBy::Score => {
            order.sort_by_key(|&i| std::cmp::Reverse(app.articles[i].analysis.summary.score))
        }
        SortBy::Name => order.sort_by_key(|&i| app.articles[i].name.to_lowercase()),
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for i in order {
            let a = &app.articles[i];
            let s = &a.analysis.summary;
            ui.horizontal(|ui| {
                let text = entry(a);
                if ui.selectable_label(app.current == Some(i), text).clicked() {
                    actions.push(Action::SelectArticle(i));
                }
                if ui
                    .small_button("x")
                    .on_hover_text("Close this article")
                    .clicked()
                {
                    actions.push(Action::CloseArticle(i));
                }
            });
            if a.exercise.is_some() {
                // The flagged share would give the exercise away.
                ui.add_space(4.0);
                continue;
            }
            let (rect, response) = ui.allocate_exact_size(
                Vec2::new(ui.available_width().min(180.0), 5.0),
                Sense::hover(),
            );
            ui.painter()
                .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
            let mut filled = rect;
            filled.set_width(rect.width() * s.flagged_share as f32);
            ui.painter()
                .rect_filled(filled, 2.0, egui::Color32::from_rgb(226, 110, 30));
            response.on_hover_text(format!("{} of claims flagged", percent(s.flagged_share)));
            ui.add_space(4.0);
        }
    });
}
