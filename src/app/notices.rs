//! Dismissible notices above the article: problems (a file that could not
//! be opened, named with the reason; a sidecar left untouched) and plain
//! information (a retraction list loaded, an opening cancelled). The other
//! articles stay open either way.

use super::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub problem: bool,
    pub text: String,
}

impl Notice {
    pub fn problem(text: impl Into<String>) -> Notice {
        Notice {
            problem: true,
            text: text.into(),
        }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            problem: false,
            text: text.into(),
        }
    }
}

pub fn show(ui: &mut egui::Ui, notices: &[Notice], actions: &mut Vec<Action>) {
    for (i, notice) in notices.iter().enumerate() {
        ui.horizontal(|ui| {
            if notice.problem {
                ui.colored_label(ui.visuals().error_fg_color, "Problem");
            } else {
                ui.colored_label(ui.visuals().hyperlink_color, "Note");
            }
            ui.label(&notice.text);
            if ui.button("Dismiss").clicked() {
                actions.push(Action::DismissNotice(i));
            }
        });
    }
}
