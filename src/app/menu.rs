//! The menu bar (File, View, Navigate), the paste window and *Go to
//! paragraph*.
//!
//! The path field under File → Open path is always there: rfd returns
//! nothing both on cancel and on machines without a native dialog, so a
//! typed path (with completion of folder entries) must always work.

use std::path::{Path, PathBuf};

use super::loader::Dialog;
use super::{Action, Closing, SourcelightApp, Theme};

pub fn show(ui: &mut egui::Ui, app: &mut SourcelightApp, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open… (Ctrl+O)").clicked() {
                actions.push(Action::OpenDialog);
                ui.close();
            }
            if ui.button("Open folder…").clicked() {
                actions.push(Action::Dialog(Dialog::OpenFolder));
                ui.close();
            }
            if ui.button("Paste as new article… (Ctrl+Shift+V)").clicked() {
                app.paste = Some(String::new());
                ui.close();
            }
            ui.separator();
            ui.label("Open path:");
            path_field(ui, app, actions);
            ui.separator();
            ui.menu_button("Recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in app.settings.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenPaths(vec![path]));
                        ui.close();
                    }
                }
            });
            ui.separator();
            let can_save = app
                .current_article()
                .is_some_and(|a| a.path.is_some() && a.unsaved());
            if ui
                .add_enabled(can_save, egui::Button::new("Save review (Ctrl+S)"))
                .on_hover_text("Writes your decisions to NAME.sourcelight.json beside the article")
                .clicked()
            {
                actions.push(Action::SaveReview);
                ui.close();
            }
            if ui
                .add_enabled(
                    app.current.is_some(),
                    egui::Button::new("Export report… (Ctrl+E)"),
                )
                .on_hover_text("HTML, Markdown, CSV or JSON, by the file name's ending")
                .clicked()
            {
                actions.push(Action::Dialog(Dialog::Export));
                ui.close();
            }
            if ui.button("Load retraction list…").clicked() {
                actions.push(Action::Dialog(Dialog::RetractionList));
                ui.close();
            }
            ui.separator();
            if ui.button("Open exercise (answer key)…").clicked() {
                actions.push(Action::Dialog(Dialog::OpenKey));
                ui.close();
            }
            if ui
                .add_enabled(
                    app.current.is_some(),
                    egui::Button::new("Write answer key…"),
                )
                .on_hover_text(
                    "For instructors: the analysis and your decisions, with the article's text",
                )
                .clicked()
            {
                actions.push(Action::Dialog(Dialog::MakeKey));
                ui.close();
            }
            ui.checkbox(
                &mut app.settings.key_explanations,
                "Keys let students see explanations after checking",
            );
            ui.separator();
            if let Some(i) = app.current.filter(|_| ui.button("Close article").clicked()) {
                actions.push(Action::CloseArticle(i));
                ui.close();
            }
            if ui.button("Quit").clicked() {
                actions.push(Action::RequestClose(Closing::Window));
                ui.close();
            }
        });
        ui.menu_button("Edit", |ui| {
            let article = app.current_article();
            let can_undo = article.is_some_and(|a| a.history.can_undo());
            let can_redo = article.is_some_and(|a| a.history.can_redo());
            if ui
                .add_enabled(can_undo, egui::Button::new("Undo decision (Ctrl+Z)"))
                .clicked()
            {
                actions.push(Action::Undo);
                ui.close();
            }
            if ui
                .add_enabled(can_redo, egui::Button::new("Redo decision (Ctrl+Shift+Z)"))
                .clicked()
            {
                actions.push(Action::Redo);
                ui.close();
            }
            ui.separator();
            if ui.button("House rules and retraction lists…").clicked() {
                actions.push(Action::ShowRules(true));
                ui.close();
            }
        });
        ui.menu_button("View", |ui| {
            for (label, theme) in [
                ("Follow system theme", Theme::System),
                ("Light theme", Theme::Light),
                ("Dark theme", Theme::Dark),
            ] {
                if ui.radio(app.settings.theme == theme, label).clicked() {
                    actions.push(Action::SetTheme(theme));
                }
            }
            ui.separator();
            if ui.button("Zoom in (Ctrl+=)").clicked() {
                actions.push(Action::Zoom(app.settings.zoom + 0.1));
            }
            if ui.button("Zoom out (Ctrl+-)").clicked() {
                actions.push(Action::Zoom(app.settings.zoom - 0.1));
            }
            if ui.button("Reset zoom").clicked() {
                actions.push(Action::Zoom(1.0));
            }
        });
        ui.menu_button("Exercise", |ui| {
            let on = app.current_article().is_some_and(|a| a.exercise.is_some());
            if ui
                .add_enabled(
                    app.current.is_some(),
                    egui::Button::selectable(on, "Exercise mode"),
                )
                .on_hover_text("Hide the analysis and mark the sources yourself")
                .clicked()
            {
                actions.push(Action::ToggleExercise);
                ui.close();
            }
        });
        ui.menu_button("Navigate", |ui| {
            if ui.button("Find in article… (Ctrl+F)").clicked() {
                actions.push(Action::Find);
                ui.close();
            }
            if ui.button("Next flagged paragraph (F8)").clicked() {
                actions.push(Action::NextFlagged);
                ui.close();
            }
            if ui.button("Previous flagged paragraph (Shift+F8)").clicked() {
                actions.push(Action::PreviousFlagged);
                ui.close();
            }
            if ui.button("Go to paragraph… (Ctrl+G)").clicked() {
                actions.push(Action::GoTo);
                ui.close();
            }
            if ui.button("Decisions on this paragraph (F6)").clicked() {
                actions.push(Action::FocusInspector);
                ui.close();
            }
            ui.label(egui::RichText::new("Up / Down: the paragraph before / after").weak());
            ui.label(egui::RichText::new("Tab / Shift+Tab: the next / previous control").weak());
        });
        if app.loading() > 0 {
            ui.spinner();
            let jobs = app.jobs();
            if jobs.is_empty() {
                ui.label(format!("Loading {}…", app.loading()));
            }
            for job in jobs {
                ui.add(
                    egui::ProgressBar::new(job.progress.fraction())
                        .desired_width(120.0)
                        .text(format!(
                            "{} {:.0}%",
                            job.name,
                            job.progress.fraction() * 100.0
                        )),
                );
                if ui
                    .small_button("Cancel")
                    .on_hover_text("Stop analysing this article")
                    .clicked()
                {
                    job.progress.cancel();
                }
            }
        }
    });
}

/// A path to type, with Tab completing folder entries.
fn path_field(ui: &mut egui::Ui, app: &mut SourcelightApp, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let label = ui.label("Path");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut app.path_field)
                    .desired_width(280.0)
                    .hint_text("/path/to/article.txt"),
            )
            .labelled_by(label.id);
        let tab = edit.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Tab));
        let completed = if tab { complete(&app.path_field) } else { None };
        if let Some(completed) = completed {
            app.path_field = completed;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Open").clicked() || enter) && !app.path_field.trim().is_empty() {
            actions.push(Action::OpenPaths(vec![PathBuf::from(
                app.path_field.trim(),
            )]));
            ui.close();
        }
    });
    // The folder is read when the typed path changes, not every frame.
    let stale = app
        .path_listing
        .as_ref()
        .is_none_or(|(typed, _)| *typed != app.path_field);
    if stale {
        let entries = listing(&app.path_field).unwrap_or_default();
        app.path_listing = Some((app.path_field.clone(), entries));
    }
    let entries = app
        .path_listing
        .as_ref()
        .map(|(_, e)| e.clone())
        .unwrap_or_default();
    for entry in entries.into_iter().take(12) {
        if ui.small_button(&entry).clicked() {
            app.path_field = entry;
        }
    }
}

/// The folder entries that start with what was typed after the last '/'.
fn candidates(typed: &str) -> Vec<String> {
    let path = Path::new(typed);
    let (dir, prefix) = if typed.ends_with(std::path::MAIN_SEPARATOR) {
        (path.to_path_buf(), String::new())
    } else {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let prefix = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        (dir, prefix)
    };
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = read
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| {
            let mut s = e.path().display().to_string();
            if e.path().is_dir() {
                s.push(std::path::MAIN_SEPARATOR);
            }
            s
        })
        .collect();
    out.sort();
    out
}

/// Completion of a typed path: the one match, or the longest common prefix.
pub fn complete(typed: &str) -> Option<String> {
    let c = candidates(typed);
    let first = c.first()?;
    let common = c.iter().fold(first.clone(), |acc, s| {
        acc.chars()
            .zip(s.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    (common.len() > typed.len()).then_some(common)
}

/// The entries to show under the field once something is typed.
fn listing(typed: &str) -> Option<Vec<String>> {
    if typed.is_empty() {
        return None;
    }
    let c = candidates(typed);
    let only_itself = c.len() == 1 && c[0] == typed;
    (!c.is_empty() && !only_itself).then_some(c)
}

/// The window where text is pasted as a new article.
pub fn paste_window(ctx: &egui::Context, app: &mut SourcelightApp, actions: &mut Vec<Action>) {
    let mut open = true;
    let mut submit = false;
    egui::Window::new("Paste as new article")
        .open(&mut open)
        .default_size([520.0, 360.0])
        .show(ctx, |ui| {
            let text = app.paste.get_or_insert_with(String::new);
            let label = ui.label("Paste the article's text (Ctrl+V), then analyse it.");
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .show(ui, |ui| {
                    let field = ui
                        .add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(12)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    // The box takes the keyboard when the window opens:
                    // Ctrl+V goes straight in.
                    focus_once(ui, PASTE_FOCUSED, &field);
                });
            let ready = !text.trim().is_empty();
            submit = ui
                .add_enabled(ready, egui::Button::new("Analyse (Ctrl+Enter)"))
                .clicked()
                || (ready
                    && ui.input_mut(|i| {
                        i.consume_shortcut(&egui::KeyboardShortcut::new(
                            egui::Modifiers::COMMAND,
                            egui::Key::Enter,
                        ))
                    }));
        });
    if submit {
        if let Some(text) = app.paste.take() {
            actions.push(Action::PasteText(text));
        }
    } else if !open {
        app.paste = None;
    }
    if app.paste.is_none() {
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique(PASTE_FOCUSED)));
    }
}

/// *Go to paragraph* (Ctrl+G): a number, Enter, and the paragraph is
/// selected and scrolled to (the inspector and roster say "¶12").
pub fn goto_window(ctx: &egui::Context, app: &mut SourcelightApp, actions: &mut Vec<Action>) {
    let count = app
        .current_article()
        .map_or(0, |a| a.analysis.paragraphs.len());
    let mut open = true;
    let mut go = None;
    egui::Window::new("Go to paragraph")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let text = app.goto.get_or_insert_with(String::new);
            let label = ui.label(format!("Paragraph (1–{count}):"));
            let field = ui
                .add(egui::TextEdit::singleline(text).desired_width(80.0))
                .labelled_by(label.id);
            focus_once(ui, GOTO_FOCUSED, &field);
            let wanted = text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=count).contains(n));
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui
                .add_enabled(wanted.is_some(), egui::Button::new("Go"))
                .clicked();
            if enter || clicked {
                go = wanted;
            }
        });
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if let Some(n) = go {
        actions.push(Action::SelectParagraph(n - 1));
        app.goto = None;
    } else if !open || escape {
        app.goto = None;
    }
    if app.goto.is_none() {
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique(GOTO_FOCUSED)));
    }
}

/// The memory key of "the go-to box has had its focus".
const GOTO_FOCUSED: &str = "goto-box-focused";

/// The memory key of "the paste box has had its focus".
const PASTE_FOCUSED: &str = "paste-box-focused";

/// Gives `field` the keyboard the first time it is shown since `key` was
/// cleared (not every frame: the user may click elsewhere).
pub fn focus_once(ui: &egui::Ui, key: &str, field: &egui::Response) {
    let id = egui::Id::unique(key);
    if !ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false)) {
        field.request_focus();
        ui.data_mut(|d| d.insert_temp(id, true));
    }
}
