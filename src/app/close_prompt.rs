//! The question before unsaved decisions are lost: closing an article or
//! the window with decisions not yet saved asks Save / Discard / Cancel.

use super::{Action, SourcelightApp};

/// What is being closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Article(usize),
    Window,
}

/// The editor's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Save,
    Discard,
    Cancel,
}

pub fn show(
    ctx: &egui::Context,
    app: &SourcelightApp,
    closing: Closing,
    actions: &mut Vec<Action>,
) {
    let what = match closing {
        Closing::Article(i) => app
            .articles
            .get(i)
            .map_or("this article".to_string(), |a| a.name.clone()),
        Closing::Window => {
            let names: Vec<&str> = app
                .articles
                .iter()
                .filter(|a| a.unsaved())
                .map(|a| a.name.as_str())
                .collect();
            names.join(", ")
        }
    };
    egui::Window::new("Unsaved decisions")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "Your decisions on {what} are not saved. Save them beside the article before closing?"
            ));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    actions.push(Action::ConfirmClose(Choice::Save));
                }
                if ui.button("Discard").clicked() {
                    actions.push(Action::ConfirmClose(Choice::Discard));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::ConfirmClose(Choice::Cancel));
                }
            });
        });
}
