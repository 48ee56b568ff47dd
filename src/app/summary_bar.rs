//! The summary of the current article — claims, anonymous, retracted,
//! flagged share — and a per-paragraph bar chart that selects a paragraph
//! when clicked.

use egui::{Color32, Vec2};
use egui_plot::{Bar, BarChart, Plot, VLine};

use super::badge::severity_colour;
use super::{Action, SourcelightApp};
use crate::report::percent;

pub fn show(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let Some(article) = app.current_article() else {
        ui.label("No article open");
        return;
    };
    if let Some(ex) = &article.exercise {
        ui.horizontal(|ui| {
            ui.strong(&article.name);
            ui.separator();
            let marks = match ex.marks.len() {
                1 => "1 mark".to_string(),
                n => format!("{n} marks"),
            };
            ui.label(if ex.checked.is_some() {
                format!("Exercise: {marks}, checked: the result is beside the article.")
            } else {
                format!("Exercise: {marks}. The analysis is hidden until you check your work.")
            });
            if !ex.locked && ui.button("Leave exercise mode").clicked() {
                actions.push(Action::ToggleExercise);
            }
        });
        return;
    }
    let s = &article.analysis.summary;
    // Wraps in narrow windows rather than cutting buttons off.
    ui.horizontal_wrapped(|ui| {
        if ui.ctx().content_rect().width() < super::NARROW {
            super::articles_panel::picker(ui, app, actions);
            if ui
                .selectable_label(app.settings.show_inspector, "Inspector")
                .on_hover_text("Show or hide the inspector (F6 shows it)")
                .clicked()
            {
                actions.push(Action::ToggleInspector);
            }
        } else {
            ui.strong(&article.name);
        }
        if article.unsaved() {
            ui.label("(unsaved decisions: Ctrl+S)");
        }
        ui.separator();
        ui.label(format!("{} paragraphs", s.paragraphs));
        ui.label(format!("{} claims", s.claims));
        ui.label(format!("{} anonymous or unattributed", s.anonymous));
        ui.label(format!("{} retracted", s.retracted));
        ui.label(format!(
            "score {}",
            crate::report::score_text(s.score, s.analyser_score)
        ));
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
    let palette = super::highlight::Palette::new(ui.visuals().dark_mode);
    let font = egui::FontId::proportional(12.5);
    ui.label(super::highlight::legend_job(font, &palette))
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, super::highlight::LEGEND_WORDS)
        });
}

/// Most bars the chart draws: longer articles are grouped, each bar the
/// highest score of its group, so a frame costs the same at any length.
const MAX_BARS: usize = 300;

/// One bar per paragraph (or group), height by score; a click selects the
/// paragraph under the pointer.
fn chart(ui: &mut egui::Ui, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let Some(article) = app.current_article() else {
        return;
    };
    let paragraphs = &article.analysis.paragraphs;
    if paragraphs.is_empty() {
        return;
    }
    let n = paragraphs.len();
    let groups = n.min(MAX_BARS);
    let per_group = n as f64 / groups as f64;
    let mut highest = vec![0u32; groups];
    for p in paragraphs {
        let g = (p.index * groups / n).min(groups - 1);
        highest[g] = highest[g].max(p.score);
    }
    let bars: Vec<Bar> = highest
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0)
        .map(|(g, &s)| {
            Bar::new(1.0 + (g as f64 + 0.5) * per_group - 0.5, s as f64)
                .width(per_group * 0.9)
                .fill(severity_colour(s))
        })
        .collect();
    let max = highest.iter().copied().max().unwrap_or(0).max(1) as f64;
    let plot = Plot::new("paragraph scores")
        .height(40.0)
        .show_axes([false, false])
        .show_grid([false, false])
        .show_x(false)
        .show_y(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.5)
        .include_x(n as f64 + 0.5)
        .include_y(0.0)
        .include_y(max)
        .set_margin_fraction(Vec2::ZERO);
    let selected = app.selected_paragraph;
    let response = plot.show(ui, |plot_ui| {
        plot_ui.bar_chart(BarChart::new("score", bars).allow_hover(false));
        if let Some(sel) = selected {
            plot_ui.vline(
                VLine::new("selected", sel as f64 + 1.0).color(Color32::from_rgb(40, 120, 220)),
            );
        }
        plot_ui.pointer_coordinate()
    });
    let clicked = response.inner.filter(|_| response.response.clicked());
    if let Some(point) = clicked {
        let i = (point.x.round() as i64 - 1).clamp(0, n as i64 - 1) as usize;
        actions.push(Action::SelectParagraph(i));
    }
    // The bars in words for screen readers (egui_plot names only its
    // legend).
    let words = crate::report::chart_text(paragraphs);
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &words));
    response
        .response
        .on_hover_text("Score of each paragraph: click to go there");
}
