//! Dismissible notices: a file that could not be opened, named with the
//! reason. The other articles stay open.

use super::Action;

pub fn show(ui: &mut egui::Ui, notices: &[String], actions: &mut Vec<Action>) {
    for (i, notice) in notices.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, "Could not open");
            ui.label(notice);
            if ui.button("Dismiss").clicked() {
                actions.push(Action::DismissNotice(i));
            }
        });
    }
}
