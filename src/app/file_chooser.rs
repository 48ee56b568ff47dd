//! Sourcelight's own file chooser, for every open and save.
//!
//! The native dialog (rfd) is the first choice, but where a desktop has
//! neither a portal nor zenity — minimal installs, remote sessions — rfd
//! returns nothing at once, exactly as on cancel, and the action would
//! silently do nothing. This chooser is the fallback (the loader notices a
//! dialog that "closed" faster than anyone could cancel it) and a setting
//! for people who prefer it. egui-file-dialog would be the kept crate for
//! this, but its newest release (0.15) needs egui 0.36.
//!
//! It lists a folder (folders first, files by the dialog's filter), takes a
//! typed path with Tab completion, a file name for saves, and asks before
//! replacing a file. Reading folders is the only I/O, done when the folder
//! changes, not every frame.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use super::loader::Dialog;

/// What a dialog picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One or more existing files.
    OpenMany,
    /// One existing file.
    OpenOne,
    /// A folder.
    Folder,
    /// A file to write (maybe new).
    Save,
}

/// A dialog's title, mode and file filters (name, extensions; `*` for
/// all), shared by the native dialog and this chooser.
pub struct Spec {
    pub title: &'static str,
    pub mode: Mode,
    pub filters: &'static [(&'static str, &'static [&'static str])],
}

const ARTICLES: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx"];

pub fn spec(dialog: Dialog) -> Spec {
    let (title, mode, filters): (_, _, &'static [(&str, &[&str])]) = match dialog {
        Dialog::OpenFiles => (
            "Open articles",
            Mode::OpenMany,
            &[("Articles", ARTICLES), ("All files", &["*"])],
        ),
        Dialog::OpenFolder => ("Open a folder of articles", Mode::Folder, &[]),
        Dialog::RetractionList => (
            "Load a retraction list",
            Mode::OpenOne,
            &[("Retraction Watch CSV or newsroom JSON", &["csv", "json"])],
        ),
        Dialog::Rules => (
            "Use a house rules file",
            Mode::OpenOne,
            &[("Rules (JSON)", &["json"])],
        ),
        Dialog::OpenKey => (
            "Open an exercise (answer key)",
            Mode::OpenOne,
            &[("Answer key", &["json"])],
        ),
        Dialog::SaveMarks => ("Save my marks", Mode::Save, &[("Marks", &["json"])]),
        Dialog::MakeKey => (
            "Write an answer key",
            Mode::Save,
            &[("Answer key", &["json"])],
        ),
        Dialog::Export => (
            "Export report",
            Mode::Save,
            &[
                ("HTML report", &["html"]),
                ("Markdown", &["md"]),
                ("CSV (one row per claim)", &["csv"]),
                ("JSON", &["json"]),
            ],
        ),
    };
    Spec {
        title,
        mode,
        filters,
    }
}

/// The file name a save dialog suggests, from the report name of the
/// current article ("NAME.report.html").
pub fn suggested_name(dialog: Dialog, report_name: &str) -> String {
    match dialog {
        Dialog::SaveMarks => report_name.replace(".report.html", ".marks.json"),
        Dialog::MakeKey => report_name.replace(".report.html", ".key.json"),
        _ => report_name.to_string(),
    }
}

/// An entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    folder: bool,
}

/// What the user did with the chooser this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    Chosen(Vec<PathBuf>),
    Cancelled,
}

/// The chooser's state while it is open.
pub struct FileChooser {
    pub dialog: Dialog,
    spec: Spec,
    folder: PathBuf,
    /// The folder's entries, or why it cannot be read.
    entries: Result<Vec<Entry>, String>,
    filter: usize,
    /// Names selected in the folder (several for *Open articles*).
    selected: Vec<String>,
    /// The path field: a folder to go to or a file to take.
    typed: String,
    /// The file name of a save.
    name: String,
    /// A save that would replace this file, waiting for an answer.
    replace: Option<PathBuf>,
    problem: Option<String>,
    /// The first field has had the keyboard once (the path, or a save's
    /// file name).
    focused: bool,
}

impl FileChooser {
    /// A chooser for `dialog` showing `folder`, suggesting `name` for a save.
    pub fn new(dialog: Dialog, folder: PathBuf, name: String) -> FileChooser {
        let mut chooser = FileChooser {
            dialog,
            spec: spec(dialog),
            folder: PathBuf::new(),
            entries: Ok(Vec::new()),
            filter: 0,
            selected: Vec::new(),
            typed: String::new(),
            name,
            replace: None,
            problem: None,
            focused: false,
        };
        chooser.go_to(folder);
        chooser
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn go_to(&mut self, folder: PathBuf) {
        self.folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        self.selected.clear();
        self.problem = None;
        self.entries = read_folder(&self.folder)
            .map_err(|e| format!("{}: cannot read this folder ({e})", self.folder.display()));
    }

    fn extensions(&self) -> &'static [&'static str] {
        self.spec.filters.get(self.filter).map_or(&[], |f| f.1)
    }

    /// Whether a file passes the filter.
    fn shows(&self, name: &str) -> bool {
        let exts = self.extensions();
        exts.is_empty()
            || exts.contains(&"*")
            || Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// Acts on the typed path: a folder is shown, a file is taken (a save
    /// asks before replacing it).
    fn take_typed(&mut self) -> Option<Answer> {
        let typed = self.typed.trim();
        if typed.is_empty() {
            return None;
        }
        let path = self.folder.join(expand_home(typed));
        self.typed.clear();
        if path.is_dir() {
            if self.spec.mode == Mode::Folder {
                return Some(Answer::Chosen(vec![path]));
            }
            self.go_to(path);
            return None;
        }
        match self.spec.mode {
            Mode::Save => {
                if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
                    self.name = name.to_string_lossy().into_owned();
                    if dir.is_dir() {
                        self.go_to(dir.to_path_buf());
                    }
                }
                self.save()
            }
            Mode::Folder => {
                self.problem = Some(format!("{}: no such folder", path.display()));
                None
            }
            Mode::OpenOne | Mode::OpenMany => {
                if path.is_file() {
                    Some(Answer::Chosen(vec![path]))
                } else {
                    self.problem = Some(format!("{}: no such file", path.display()));
                    None
                }
            }
        }
    }

    /// The answer of the main button (Open, Save, Choose this folder).
    fn confirm(&mut self) -> Option<Answer> {
        if !self.typed.trim().is_empty() {
            return self.take_typed();
        }
        match self.spec.mode {
            Mode::Save => self.save(),
            Mode::Folder => Some(Answer::Chosen(vec![match self.selected.first() {
                Some(name) => self.folder.join(name),
                None => self.folder.clone(),
            }])),
            Mode::OpenOne | Mode::OpenMany => {
                let files: Vec<PathBuf> = self
                    .selected
                    .iter()
                    .map(|n| self.folder.join(n))
                    .filter(|p| p.is_file())
                    .collect();
                if files.is_empty() {
                    self.problem = Some("Choose a file first.".to_string());
                    None
                } else {
                    Some(Answer::Chosen(files))
                }
            }
        }
    }

    /// Saves to the file name in the folder shown; asks first if it exists.
    fn save(&mut self) -> Option<Answer> {
        let name = self.name.trim();
        if name.is_empty() || name.contains(['/', MAIN_SEPARATOR]) {
            self.problem = Some("Type a file name.".to_string());
            return None;
        }
        let path = self.folder.join(name);
        if path.is_dir() {
            self.problem = Some(format!("{}: a folder of that name exists", path.display()));
            return None;
        }
        if path.exists() && self.replace.as_ref() != Some(&path) {
            self.replace = Some(path);
            return None;
        }
        Some(Answer::Chosen(vec![path]))
    }

    /// Picks a filter; in a save, the file name's ending follows it.
    fn set_filter(&mut self, filter: usize) {
        self.filter = filter;
        if self.spec.mode == Mode::Save
            && let Some(ext) = self.extensions().first().filter(|e| **e != "*")
        {
            let stem = Path::new(&self.name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !stem.is_empty() {
                self.name = format!("{stem}.{ext}");
            }
        }
    }

    /// Draws the chooser; returns what the user decided, if they did.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("file chooser")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.spec.title);
            answer = self.contents(ui);
        });
        if answer.is_none() && modal.should_close() {
            if self.replace.is_some() {
                self.replace = None;
            } else {
                answer = Some(Answer::Cancelled);
            }
        }
        answer
    }

    fn contents(&mut self, ui: &mut egui::Ui) -> Option<Answer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            let up = self.folder.parent().map(Path::to_path_buf);
            if ui
                .add_enabled(up.is_some(), egui::Button::new("Up"))
                .on_hover_text("The folder above")
                .clicked()
                && let Some(up) = up
            {
                self.go_to(up);
            }
            if let Some(home) = home()
                && ui.button("Home").clicked()
            {
                self.go_to(home);
            }
            ui.label(format!("Folder: {}", self.folder.display()));
        });
        answer = answer.or(self.path_field(ui));
        self.listing(ui, &mut answer);
        if self.spec.filters.len() > 1 {
            let mut filter = self.filter;
            egui::ComboBox::new("chooser filter", "Show")
                .selected_text(self.spec.filters[filter].0)
                .show_ui(ui, |ui| {
                    for (i, (name, _)) in self.spec.filters.iter().enumerate() {
                        ui.selectable_value(&mut filter, i, *name);
                    }
                });
            if filter != self.filter {
                self.set_filter(filter);
            }
        }
        if self.spec.mode == Mode::Save {
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(360.0))
                    .labelled_by(label.id);
                if field.changed() {
                    self.replace = None;
                }
                if !std::mem::replace(&mut self.focused, true) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = answer.take().or(self.save());
                }
            });
        }
        if let Some(path) = self.replace.clone() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} exists. Replace it?", path.display()),
            );
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    answer = Some(Answer::Chosen(vec![path.clone()]));
                }
                if ui.button("Keep it").clicked() {
                    self.replace = None;
                }
            });
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let main = match self.spec.mode {
                Mode::Save => "Save",
                Mode::Folder => "Choose this folder",
                _ => "Open",
            };
            if ui.button(main).clicked() {
                answer = answer.take().or(self.confirm());
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancelled);
            }
        });
        answer
    }

    /// The typed path: Tab completes it, Enter goes there or takes it.
    fn path_field(&mut self, ui: &mut egui::Ui) -> Option<Answer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            let label = ui.label("Path");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.typed)
                        .desired_width(420.0)
                        .hint_text("a folder or file; Tab completes")
                        // Tab completes rather than leaving the field.
                        .lock_focus(true),
                )
                .labelled_by(label.id);
            if self.spec.mode != Mode::Save && !std::mem::replace(&mut self.focused, true) {
                field.request_focus();
            }
            if field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Tab)) {
                // lock_focus lets the Tab through as a character: take it
                // out, then complete.
                self.typed = self.typed.replace('\t', "");
                let typed = self.folder.join(expand_home(&self.typed));
                if let Some(done) = complete(&typed.to_string_lossy()) {
                    self.typed = done;
                    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
                        let end = egui::text::CCursor::new(self.typed.chars().count());
                        state
                            .cursor
                            .set_char_range(Some(egui::text::CCursorRange::one(end)));
                        state.store(ui.ctx(), field.id);
                    }
                }
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                answer = self.take_typed();
            }
        });
        answer
    }

    /// The folder's entries: a click selects, a double click (or Enter on
    /// a folder) opens.
    fn listing(&mut self, ui: &mut egui::Ui, answer: &mut Option<Answer>) {
        // Taken out for the frame (not copied), put back below.
        let taken = std::mem::replace(&mut self.entries, Ok(Vec::new()));
        let none = Vec::new();
        let entries = match &taken {
            Ok(entries) => entries,
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                &none
            }
        };
        let mut go = None;
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .min_scrolled_height(260.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if entries.is_empty() {
                    ui.weak("(empty folder)");
                }
                for e in entries {
                    if !e.folder && (self.spec.mode == Mode::Folder || !self.shows(&e.name)) {
                        continue;
                    }
                    let selected = self.selected.contains(&e.name);
                    // Folders in bold with a trailing separator (the
                    // default fonts have no folder icon).
                    let text = if e.folder {
                        egui::RichText::new(format!("{}{MAIN_SEPARATOR}", e.name)).strong()
                    } else {
                        egui::RichText::new(&e.name)
                    };
                    let row = ui.selectable_label(selected, text);
                    if row.double_clicked() {
                        if e.folder {
                            go = Some(self.folder.join(&e.name));
                        } else if self.spec.mode == Mode::Save {
                            self.name = e.name.clone();
                            *answer = self.save();
                        } else {
                            *answer = Some(Answer::Chosen(vec![self.folder.join(&e.name)]));
                        }
                    } else if row.clicked() {
                        let many = self.spec.mode == Mode::OpenMany
                            && ui.input(|i| i.modifiers.command || i.modifiers.shift);
                        if e.folder && self.spec.mode != Mode::Folder {
                            go = Some(self.folder.join(&e.name));
                        } else if many {
                            if selected {
                                self.selected.retain(|n| *n != e.name);
                            } else {
                                self.selected.push(e.name.clone());
                            }
                        } else {
                            self.selected = vec![e.name.clone()];
                            if self.spec.mode == Mode::Save {
                                self.name = e.name.clone();
                                self.replace = None;
                            }
                        }
                    }
                }
            });
        self.entries = taken;
        if let Some(folder) = go {
            self.go_to(folder);
        }
    }
}

/// The folder's visible entries, folders first, each group by name.
fn read_folder(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut out: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| Entry {
            name: e.file_name().to_string_lossy().into_owned(),
            folder: e.path().is_dir(),
        })
        .filter(|e| !e.name.starts_with('.'))
        .collect();
    out.sort_by(|a, b| {
        b.folder
            .cmp(&a.folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(out)
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}

/// "~/x" as the home folder's "x".
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), home()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ if typed == "~" => home().unwrap_or_else(|| PathBuf::from(typed)),
        _ => PathBuf::from(typed),
    }
}

/// The folder entries that start with what was typed after the last
/// separator, folders ending in one.
fn candidates(typed: &str) -> Vec<String> {
    let path = Path::new(typed);
    let (dir, prefix) = if typed.ends_with(MAIN_SEPARATOR) {
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
                s.push(MAIN_SEPARATOR);
            }
            s
        })
        .collect();
    out.sort();
    out
}

/// Completion of a typed path: the one match, or the longest common
/// prefix of the matches (None when it adds nothing).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("desk")).unwrap();
        std::fs::write(dir.path().join("desk/story.txt"), "x").unwrap();
        std::fs::write(dir.path().join("notes.md"), "x").unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        dir
    }

    #[test]
    fn folders_come_first_hidden_files_not_at_all() {
        let dir = folder();
        let entries = read_folder(dir.path()).unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["desk", "notes.md", "photo.jpg"]);
        let chooser = FileChooser::new(Dialog::OpenFiles, dir.path().into(), String::new());
        assert!(chooser.shows("notes.md") && !chooser.shows("photo.jpg"));
    }

    #[test]
    fn a_typed_folder_is_shown_and_a_typed_file_taken() {
        let dir = folder();
        let mut chooser = FileChooser::new(Dialog::OpenFiles, dir.path().into(), String::new());
        chooser.typed = "desk".into();
        assert_eq!(chooser.take_typed(), None);
        assert_eq!(chooser.folder(), dir.path().join("desk"));
        chooser.typed = "story.txt".into();
        assert_eq!(
            chooser.take_typed(),
            Some(Answer::Chosen(vec![dir.path().join("desk/story.txt")]))
        );
        chooser.typed = "gone.txt".into();
        assert_eq!(chooser.take_typed(), None);
        assert!(
            chooser
                .problem
                .as_deref()
                .unwrap()
                .ends_with("no such file")
        );
    }

    #[test]
    fn a_save_asks_before_replacing_and_follows_the_filter() {
        let dir = folder();
        let mut chooser = FileChooser::new(
            Dialog::Export,
            dir.path().into(),
            "notes.report.html".into(),
        );
        chooser.set_filter(1);
        assert_eq!(chooser.name, "notes.report.md");
        chooser.name = "notes.md".into();
        assert_eq!(chooser.confirm(), None, "it exists: asks first");
        assert_eq!(chooser.replace, Some(dir.path().join("notes.md")));
        assert_eq!(
            chooser.confirm(),
            Some(Answer::Chosen(vec![dir.path().join("notes.md")]))
        );
        chooser.name = "new.md".into();
        chooser.replace = None;
        assert_eq!(
            chooser.confirm(),
            Some(Answer::Chosen(vec![dir.path().join("new.md")]))
        );
    }

    #[test]
    fn completion_extends_to_the_one_match_or_the_common_part() {
        let dir = folder();
        let base = dir.path().display().to_string();
        assert_eq!(
            complete(&format!("{base}/de")),
            Some(format!("{base}/desk/"))
        );
        assert_eq!(
            complete(&format!("{base}/desk/")),
            Some(format!("{base}/desk/story.txt"))
        );
        assert_eq!(complete(&format!("{base}/zz")), None);
    }
}
