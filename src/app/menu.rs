//! The menu bar (File, View, Navigate), the paste window and *Go to
//! paragraph*.
//!
//! *Open path…* opens the window's own file chooser, whatever the
//! platform offers: its typed path (with completion) always works.

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
            if ui
                .button("Open path…")
                .on_hover_text("Type or pick a path in Sourcelight's own chooser")
                .clicked()
            {
                actions.push(Action::OwnChooser(Dialog::OpenFiles));
                ui.close();
            }
            ui.checkbox(
                &mut app.settings.own_file_chooser,
                "Use Sourcelight's file chooser",
            )
            .on_hover_text("For every open and save, instead of the desktop's dialog");
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
            if ui
                .checkbox(&mut app.settings.show_inspector, "Show inspector")
                .clicked()
            {
                ui.close();
            }
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
            ui.label(egui::RichText::new("Home / End: the first / last paragraph").weak());
            ui.label(egui::RichText::new("Page Up / Page Down: scroll a screen").weak());
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
