//! The question before unsaved work is lost: closing an article or the
//! window with decisions, a typed note or a student's marks not yet saved
//! asks Save /
//! Discard / Cancel. Marks are saved to a file the student picks, so for
//! them *Save my marks…* opens that dialog and closes nothing.

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
    SaveMarks,
    Discard,
    Cancel,
}

pub fn show(
    ctx: &egui::Context,
    app: &SourcelightApp,
    closing: Closing,
    actions: &mut Vec<Action>,
) {
    let closed: Vec<&super::Article> = match closing {
        Closing::Article(i) => app.articles.get(i).into_iter().collect(),
        Closing::Window => app.articles.iter().collect(),
    };
    let names = |unsaved: fn(&super::Article) -> bool| {
        closed
            .iter()
            .filter(|a| unsaved(a))
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (decisions, marks) = (
        names(super::Article::unsaved),
        names(super::Article::unsaved_marks),
    );
    let note = app
        .typed_note()
        .filter(|&(i, _)| closing == Closing::Window || closing == Closing::Article(i))
        .and_then(|(i, p)| app.articles.get(i).map(|a| (a.name.as_str(), p)));
    egui::Window::new("Unsaved work")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            if !marks.is_empty() {
                ui.label(format!(
                    "Your marks on {marks} are not saved. Save them to a file before closing?"
                ));
            }
            if let Some((name, p)) = note {
                ui.label(format!(
                    "Your note on paragraph {} of {name} is not saved.",
                    p + 1
                ));
            }
            if !decisions.is_empty() {
                ui.label(format!(
                    "Your decisions on {decisions} are not saved. Save them beside the article before closing?"
                ));
            }
            ui.horizontal(|ui| {
                if !marks.is_empty() {
                    if ui.button("Save my marks…").clicked() {
                        actions.push(Action::ConfirmClose(Choice::SaveMarks));
                    }
                } else if ui.button("Save").clicked() {
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
