//! House rules: which rule set is in use, what it holds, and choosing a
//! newsroom's own rules file. A broken file is reported (by the loader, as
//! a notice naming the field) and the rules in force stay.

use super::loader::Dialog;
use super::{Action, SourcelightApp};

pub fn show(ctx: &egui::Context, app: &SourcelightApp, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new("House rules")
        .open(&mut open)
        .default_width(420.0)
        .show(ctx, |ui| {
            let rules = app.analyzer().rules();
            match &app.settings.rules_path {
                Some(p) => ui.label(format!("In use: {}", p.display())),
                None => ui.label("In use: the built-in rules"),
            };
            ui.label(format!(
                "{} (fingerprint {}); a paragraph scores anonymous × {} + retracted × {}.",
                rules.name,
                rules.fingerprint(),
                rules.weights.anonymous,
                rules.weights.retracted
            ));
            if !rules.overridden().is_empty() {
                ui.label(format!("House lists: {}", rules.overridden().join(", ")));
            }
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    egui::Grid::new("rule lists").striped(true).show(ui, |ui| {
                        for (spec, list) in rules.word_lists() {
                            ui.label(spec.name).on_hover_text(spec.about);
                            ui.label(format!("{} entries", list.len()));
                            ui.end_row();
                        }
                    });
                });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Use a rules file…").clicked() {
                    actions.push(Action::Dialog(Dialog::Rules));
                }
                if app.settings.rules_path.is_some() && ui.button("Use built-in rules").clicked() {
                    actions.push(Action::UseRules(None));
                }
            });
            ui.label(
                egui::RichText::new(
                    "Start a house rules file with `sourcelight rules --print-default > house.json`. \
                     Open articles are analysed again when the rules change.",
                )
                .weak(),
            );
            ui.separator();
            ui.label(format!("Retraction lists loaded: {}", app.lists.len()));
            for l in app.lists.iter() {
                ui.label(format!("  {} — {} entries", l.name, l.entries.len()));
            }
            if ui.button("Load a retraction list…").clicked() {
                actions.push(Action::Dialog(Dialog::RetractionList));
            }
        });
    if !open {
        actions.push(Action::ShowRules(false));
    }
}
