//! The Sourcelight window (eframe/egui).
//!
//! State lives in [`SourcelightApp`]; each panel is a module with a `show`
//! function that reads it and returns what the user asked for as an
//! [`Action`]. Actions are applied in one place after the panels are drawn,
//! so data flows one way: analysis → state → panels → actions → state.
//! Loading and analysis happen on worker threads ([`loader`]); layouts of
//! paragraphs are cached and only visible paragraphs are laid out
//! ([`article_view`]).

mod article_view;
mod articles_panel;
mod badge;
mod find_bar;
mod highlight;
mod inspector;
mod loader;
mod menu;
mod notices;
mod summary_bar;

use std::path::PathBuf;

use crate::analysis::{Analysis, Analyzer};
use loader::{Loader, Outcome, Request};

pub use article_view::LayoutCache;

/// The article the window shows when nothing else is opened.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");
/// How many recent files the File menu remembers.
const RECENT_LIMIT: usize = 10;

/// An open article.
pub struct Article {
    pub name: String,
    pub path: Option<PathBuf>,
    pub analysis: Analysis,
    pub layout: LayoutCache,
    /// The source roster, built once.
    pub roster: Vec<inspector::RosterEntry>,
}

impl Article {
    pub(crate) fn new(name: String, path: Option<PathBuf>, analysis: Analysis) -> Article {
        let layout = LayoutCache::new(&analysis);
        let roster = inspector::build_roster(&analysis);
        Article {
            name,
            path,
            analysis,
            layout,
            roster,
        }
    }

    /// Indices of paragraphs with a score above zero.
    pub fn flagged(&self) -> impl Iterator<Item = usize> + '_ {
        self.analysis
            .paragraphs
            .iter()
            .filter(|p| p.score > 0)
            .map(|p| p.index)
    }
}

/// Theme choice, kept across runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    System,
    Light,
    Dark,
}

/// Settings kept across runs with eframe's persistence.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub zoom: f32,
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            zoom: 1.0,
            recent: Vec::new(),
        }
    }
}

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Opened,
    Score,
    Name,
}

/// What the user asked for in a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    OpenDialog,
    OpenPaths(Vec<PathBuf>),
    PasteText(String),
    SelectArticle(usize),
    CloseArticle(usize),
    SelectParagraph(usize),
    NextFlagged,
    PreviousFlagged,
    DismissNotice(usize),
    SetTheme(Theme),
    Zoom(f32),
    Sort(SortBy),
    Find,
}

/// The window's state.
pub struct SourcelightApp {
    pub articles: Vec<Article>,
    pub current: Option<usize>,
    pub selected_paragraph: Option<usize>,
    /// Scroll the article view to this paragraph on the next frame.
    pub scroll_to: Option<usize>,
    pub notices: Vec<String>,
    pub settings: Settings,
    pub sort: SortBy,
    /// The path field in the Open menu.
    pub path_field: String,
    /// Folder entries matching the path field, read when it changes.
    pub path_listing: Option<(String, Vec<String>)>,
    /// The text of the paste window while it is open.
    pub paste: Option<String>,
    /// The find bar while it is open.
    pub find: Option<find_bar::Find>,
    loader: Loader,
    analyzer: Analyzer,
}

impl SourcelightApp {
    /// The app as `main` runs it: restores settings, opens `files` or the sample.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> SourcelightApp {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = SourcelightApp::headless(settings);
        let ctx = cc.egui_ctx.clone();
        app.loader.set_wake(move || ctx.request_repaint());
        if files.is_empty() {
            let analysis = app
                .analyzer
                .analyze(&crate::document::split_paragraphs(SAMPLE_ARTICLE));
            app.add_article(Article::new("Sample article".to_string(), None, analysis));
        } else {
            app.open_paths(files);
        }
        app
    }

    /// The app without a window (tests, benchmarks).
    pub fn headless(settings: Settings) -> SourcelightApp {
        SourcelightApp {
            articles: Vec::new(),
            current: None,
            selected_paragraph: None,
            scroll_to: None,
            notices: Vec::new(),
            settings,
            sort: SortBy::Opened,
            path_field: String::new(),
            path_listing: None,
            paste: None,
            find: None,
            loader: Loader::new(),
            analyzer: Analyzer::default(),
        }
    }

    /// Opens files: the path every way of opening ends in (dialog, drop,
    /// path field, recent files, command line).
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        self.loader
            .start(Request::Files(paths), self.analyzer.clone());
    }

    /// Articles still loading.
    pub fn loading(&self) -> usize {
        self.loader.pending()
    }

    /// Waits for every load in flight and takes the results in.
    pub fn finish_loading(&mut self) {
        let outcomes = self.loader.wait();
        self.take(outcomes);
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current.and_then(|i| self.articles.get(i))
    }

    fn add_article(&mut self, article: Article) {
        self.articles.push(article);
        self.current = Some(self.articles.len() - 1);
        self.selected_paragraph = None;
        self.scroll_to = Some(0);
    }

    fn take(&mut self, outcomes: Vec<Outcome>) {
        for o in outcomes {
            match o {
                Outcome::Loaded(article) => {
                    if let Some(p) = &article.path {
                        self.remember(p.clone());
                    }
                    self.add_article(*article);
                }
                Outcome::Failed(message) => self.notices.push(message),
                Outcome::Picked(paths) => self.open_paths(paths),
            }
        }
    }

    fn remember(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_LIMIT);
    }

    /// Applies what the user asked for.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::OpenDialog => self.loader.pick_files(),
            Action::OpenPaths(paths) => self.open_paths(paths),
            Action::PasteText(text) => {
                let n = self.articles.iter().filter(|a| a.path.is_none()).count();
                let name = format!("Pasted article {}", n + 1);
                self.loader
                    .start(Request::Text { name, text }, self.analyzer.clone());
            }
            Action::SelectArticle(i) if i < self.articles.len() => {
                self.current = Some(i);
                self.selected_paragraph = None;
            }
            Action::CloseArticle(i) if i < self.articles.len() => {
                self.articles.remove(i);
                self.current = if self.articles.is_empty() {
                    None
                } else {
                    Some(i.min(self.articles.len() - 1))
                };
                self.selected_paragraph = None;
            }
            Action::SelectParagraph(p) => {
                self.selected_paragraph = Some(p);
                self.scroll_to = Some(p);
            }
            Action::NextFlagged | Action::PreviousFlagged => {
                let forward = action == Action::NextFlagged;
                if let Some(a) = self.current_article() {
                    let flagged: Vec<usize> = a.flagged().collect();
                    let target = match (self.selected_paragraph, forward) {
                        (None, true) => flagged.first().copied(),
                        (None, false) => flagged.last().copied(),
                        (Some(s), true) => flagged
                            .iter()
                            .copied()
                            .find(|&f| f > s)
                            .or(flagged.first().copied()),
                        (Some(s), false) => flagged
                            .iter()
                            .rev()
                            .copied()
                            .find(|&f| f < s)
                            .or(flagged.last().copied()),
                    };
                    if let Some(t) = target {
                        self.apply(Action::SelectParagraph(t));
                    }
                }
            }
            Action::DismissNotice(i) if i < self.notices.len() => {
                self.notices.remove(i);
            }
            Action::SetTheme(t) => self.settings.theme = t,
            Action::Zoom(z) => self.settings.zoom = z.clamp(0.6, 2.5),
            Action::Sort(s) => self.sort = s,
            Action::Find => {
                self.find.get_or_insert_with(find_bar::Find::default).focus = true;
            }
            _ => {}
        }
    }

    /// Keyboard shortcuts of the window.
    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::SHIFT, Key::F8)) {
                out.push(Action::PreviousFlagged);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::F8)) {
                out.push(Action::NextFlagged);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
                out.push(Action::Find);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                out.push(Action::OpenDialog);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::V,
            )) {
                out.push(Action::PasteText(String::new()));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals))
            {
                out.push(Action::Zoom(self.settings.zoom + 0.1));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)) {
                out.push(Action::Zoom(self.settings.zoom - 0.1));
            }
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            if !dropped.is_empty() {
                out.push(Action::OpenPaths(dropped));
            }
        });
        out
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let preference = match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        };
        ctx.set_theme(preference);
    }
}

impl eframe::App for SourcelightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl SourcelightApp {
    /// One frame of the whole window (what `App::ui` does; benchmarks call
    /// it on a bare egui context).
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let outcomes = self.loader.poll();
        self.take(outcomes);
        self.apply_theme(&ctx);
        let mut actions = self.shortcuts(&ctx);
        // Ctrl+Shift+V opens the paste window rather than pasting blindly.
        if let Some(pos) = actions
            .iter()
            .position(|a| matches!(a, Action::PasteText(t) if t.is_empty()))
        {
            actions.remove(pos);
            self.paste.get_or_insert_with(String::new);
        }

        egui::Panel::top("menu").show(ui, |ui| menu::show(ui, self, &mut actions));
        if !self.notices.is_empty() {
            egui::Panel::top("notices")
                .show(ui, |ui| notices::show(ui, &self.notices, &mut actions));
        }
        egui::Panel::top("summary").show(ui, |ui| summary_bar::show(ui, self, &mut actions));
        if self.find.is_some() {
            egui::Panel::top("find").show(ui, |ui| find_bar::show(ui, self, &mut actions));
        }
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| articles_panel::show(ui, self, &mut actions));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| inspector::show(ui, self, &mut actions));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let zoom = self.settings.zoom;
            let selected = self.selected_paragraph;
            let scroll_to = self.scroll_to.take();
            match self.current.and_then(|i| self.articles.get_mut(i)) {
                Some(article) => article_view::show(ui, article, zoom, selected, scroll_to, &mut actions),
                None => {
                    ui.centered_and_justified(|ui| {
                        ui.label("Open an article (Ctrl+O), drop files here, or paste text (Ctrl+Shift+V).");
                    });
                }
            }
        });
        if self.paste.is_some() {
            menu::paste_window(&ctx, self, &mut actions);
        }
        if self.loader.pending() > 0 {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        for a in actions {
            self.apply(a);
        }
    }
}

/// Opens the window with `files`, or the built-in sample article.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sourcelight")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Sourcelight",
        options,
        Box::new(move |cc| Ok(Box::new(SourcelightApp::new(cc, files)))),
    )
    .map_err(|e| e.to_string())
}
