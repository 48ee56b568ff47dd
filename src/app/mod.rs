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
mod close_prompt;
mod exercise;
mod exercise_panel;
mod file_chooser;
mod find_bar;
mod highlight;
mod inspector;
mod loader;
mod menu;
mod notices;
mod review_controls;
mod rules_window;
mod summary_bar;

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::rules::Weights;
use crate::analysis::{Analysis, Analyzer};
use crate::desk::Opened;
use crate::report::{self, Format};
use crate::retraction_lists::RetractionList;
use crate::review::{self, History, Review, Unplaced};
use crate::review::{Change, ClaimAnchor};
use crate::sidecar;
pub use loader::Dialog;
use loader::{Lists, Loader, Outcome, Request};

pub use close_prompt::Closing;
pub use notices::Notice;

pub use article_view::LayoutCache;

/// The article the window shows when nothing else is opened.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");
/// How many recent files the File menu remembers.
const RECENT_LIMIT: usize = 10;

/// An open article.
pub struct Article {
    pub name: String,
    pub path: Option<PathBuf>,
    /// The analyser's result (with retraction lists), before decisions.
    pub base: Arc<Analysis>,
    /// What is shown: `base` with the editor's decisions laid over it
    /// (the same allocation as `base` while there are none).
    pub analysis: Arc<Analysis>,
    /// Identifies the article to workers analysing it again.
    pub id: u64,
    pub review: Review,
    /// The review as last saved (or loaded): unsaved changes differ from it.
    pub saved: Review,
    pub history: History,
    /// Decisions from the sidecar that no longer fit the text.
    pub unplaced: Vec<Unplaced>,
    /// The sidecar exists but cannot be read: it is not overwritten.
    pub sidecar_problem: Option<String>,
    pub layout: LayoutCache,
    /// The source roster, rebuilt when decisions change.
    pub roster: Vec<inspector::RosterEntry>,
    /// Exercise mode: the analysis hidden, the student marking sources.
    pub exercise: Option<exercise::Exercise>,
}

impl Article {
    pub(crate) fn new(opened: Opened) -> Article {
        let analysis = opened.applied.analysis;
        let layout = LayoutCache::new(&analysis);
        let roster = inspector::build_roster(&analysis);
        Article {
            name: opened.name,
            path: opened.path,
            base: opened.base,
            analysis,
            id: 0,
            saved: opened.review.clone(),
            review: opened.review,
            history: History::default(),
            unplaced: opened.applied.unplaced,
            sidecar_problem: opened.sidecar_problem,
            layout,
            roster,
            exercise: None,
        }
    }

    /// An article opened from an answer key, in exercise mode.
    pub(crate) fn from_key(
        key: crate::classroom::AnswerKey,
        analyzer: &Analyzer,
        lists: &[RetractionList],
    ) -> Result<Article, String> {
        let name = format!("{} (exercise)", key.title);
        let base = Arc::new(
            crate::desk::analyse(&name, &key.paragraphs, analyzer, lists, &Default::default())
                .map_err(|e| e.to_string())?
                .unwrap_or_default(),
        );
        let applied = review::apply(&base, &Review::default(), &analyzer.rules().weights);
        let mut article = Article::new(Opened {
            name,
            path: None,
            base,
            review: Review::default(),
            applied,
            sidecar_problem: None,
        });
        let mut ex = exercise::Exercise::new(key);
        ex.locked = true;
        article.exercise = Some(ex);
        Ok(article)
    }

    /// The paragraph texts (to analyse again).
    pub fn paragraph_texts(&self) -> Vec<String> {
        self.base
            .paragraphs
            .iter()
            .map(|p| p.text.to_string())
            .collect()
    }

    /// Whether decisions changed since they were saved.
    pub fn unsaved(&self) -> bool {
        self.review != self.saved
    }

    /// A student's marks not yet saved to a file.
    pub fn unsaved_marks(&self) -> bool {
        self.exercise.as_ref().is_some_and(|e| e.unsaved)
    }

    /// Work that closing would lose: decisions or marks.
    pub fn holds_unsaved_work(&self) -> bool {
        self.unsaved() || self.unsaved_marks()
    }

    /// Lays the decisions over the analysis again (after a decision, undo,
    /// redo, or a new analysis).
    fn reapply(&mut self, weights: &Weights) {
        let applied = review::apply(&self.base, &self.review, weights);
        self.analysis = applied.analysis;
        self.unplaced = applied.unplaced;
        self.roster = inspector::build_roster(&self.analysis);
        self.layout.refresh(&self.analysis);
    }

    /// Changes the review with undo recorded.
    fn change(&mut self, weights: &Weights, edit: impl FnOnce(&mut Review)) {
        let before = self.review.clone();
        edit(&mut self.review);
        if self.review != before {
            self.history.record(&before);
            self.reapply(weights);
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

/// Below this width (in points) the article list folds into the summary
/// bar.
pub const NARROW: f32 = 1000.0;

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
    /// The house rules file in use; `None` for the built-in rules.
    pub rules_path: Option<PathBuf>,
    /// Keys written from the window let students see explanations after checking.
    pub key_explanations: bool,
    /// Open and save with the window's own file chooser, never the
    /// platform's dialog.
    pub own_file_chooser: bool,
    /// The inspector panel is shown (a toggle in narrow windows).
    pub show_inspector: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            zoom: 1.0,
            recent: Vec::new(),
            rules_path: None,
            key_explanations: true,
            own_file_chooser: false,
            show_inspector: true,
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
    /// Opens *Go to paragraph*.
    GoTo,
    /// Opens the window's own file chooser for this dialog, whatever the
    /// setting.
    OwnChooser(Dialog),
    /// A file chooser's answer.
    Chosen(Dialog, Vec<PathBuf>),
    /// Scroll the article a screen down (1) or up (-1).
    Page(i8),
    /// Shows or hides the inspector.
    ToggleInspector,
    /// Gives the keyboard to the inspector (F6): its first control for the
    /// selected paragraph (the first paragraph when none is), from where
    /// Tab reaches every claim's decisions.
    FocusInspector,
    /// Gives the keyboard back to the selected paragraph's badge
    /// (Shift+F6).
    FocusArticle,
    /// An editor's decision on claim `claim` of paragraph `paragraph`.
    Decide {
        paragraph: usize,
        claim: usize,
        change: Change,
    },
    /// Takes back a decision of `change`'s sort: the analyser's value again.
    Undecide {
        paragraph: usize,
        claim: usize,
        change: Change,
    },
    /// The note on a paragraph (empty removes it).
    SetNote {
        paragraph: usize,
        text: String,
    },
    Undo,
    Redo,
    /// Writes the current article's decisions to its sidecar.
    SaveReview,
    Dialog(Dialog),
    /// Writes a report of the current article; the format from the extension.
    ExportTo(PathBuf),
    LoadRetractionList(PathBuf),
    /// Analyse with a house rules file, or the built-in rules (`None`).
    UseRules(Option<PathBuf>),
    ShowRules(bool),
    /// Asks before closing what has unsaved decisions.
    RequestClose(Closing),
    /// Exercise mode on or off for the current article.
    ToggleExercise,
    /// A student's step in exercise mode.
    Exercise(exercise::Step),
    /// Saves the student's marks (a submission file).
    SaveMarksTo(PathBuf),
    /// Writes an answer key for the current article.
    WriteKeyTo(PathBuf),
    /// Opens an answer key as an exercise.
    OpenKey(PathBuf),
    /// The answer to that question.
    ConfirmClose(close_prompt::Choice),
}

/// The window's state.
pub struct SourcelightApp {
    pub articles: Vec<Article>,
    pub current: Option<usize>,
    pub selected_paragraph: Option<usize>,
    /// Scroll the article view to this paragraph on the next frame.
    pub scroll_to: Option<usize>,
    pub notices: Vec<Notice>,
    pub settings: Settings,
    pub sort: SortBy,
    /// The window's own file chooser while it is open.
    pub chooser: Option<file_chooser::FileChooser>,
    /// The platform showed no file dialog this session: the window's own
    /// chooser is used straight away.
    pub no_native_dialog: bool,
    /// The text of the paste window while it is open.
    pub paste: Option<String>,
    /// The paragraph number typed in *Go to paragraph* (Ctrl+G) while it
    /// is open.
    pub goto: Option<String>,
    /// The find bar while it is open.
    pub find: Option<find_bar::Find>,
    /// Page Down (1) or Page Up (-1) for the article view's next frame.
    pub page: i8,
    /// Loaded retraction lists, applied to every article.
    pub lists: Lists,
    /// The house rules window is open.
    pub show_rules: bool,
    /// Text typed in the inspector's review fields.
    pub drafts: review_controls::Drafts,
    /// A close waiting for the editor's answer about unsaved decisions.
    pub closing: Option<Closing>,
    /// The window may close: the editor answered.
    close_confirmed: bool,
    next_id: u64,
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
        readable_text(&cc.egui_ctx);
        let ctx = cc.egui_ctx.clone();
        app.loader.set_wake(move || ctx.request_repaint());
        if let Some(path) = app.settings.rules_path.clone() {
            // A rules file that has gone bad since last time: say so, use
            // the built-in rules.
            match loader::read_rules(&path) {
                Ok(rules) => app.analyzer = Analyzer::new(rules),
                Err(e) => {
                    app.notices
                        .push(Notice::problem(format!("{e} — using the built-in rules")));
                    app.settings.rules_path = None;
                }
            }
        }
        if files.is_empty() {
            app.open_sample();
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
            chooser: None,
            no_native_dialog: false,
            paste: None,
            goto: None,
            find: None,
            page: 0,
            lists: Arc::new(Vec::new()),
            show_rules: false,
            drafts: review_controls::Drafts::default(),
            closing: None,
            close_confirmed: false,
            next_id: 0,
            loader: Loader::new(),
            analyzer: Analyzer::default(),
        }
    }

    /// Opens the built-in sample article.
    pub fn open_sample(&mut self) {
        match crate::desk::from_text(
            "Sample article".to_string(),
            SAMPLE_ARTICLE,
            &self.analyzer,
            &self.lists,
        ) {
            Ok(opened) => self.add_article(Article::new(opened)),
            Err(e) => self.notices.push(Notice::problem(e.to_string())),
        }
    }

    /// The analyser in use (built-in or house rules).
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Whether any open article has unsaved decisions.
    pub fn any_unsaved(&self) -> bool {
        self.articles.iter().any(Article::holds_unsaved_work)
    }

    /// A note typed on the current article and not yet in its review:
    /// (the article, the paragraph).
    pub fn typed_note(&self) -> Option<(usize, usize)> {
        let i = self.current?;
        let (p, text) = self.drafts.note.as_ref()?;
        let saved = self
            .articles
            .get(i)?
            .analysis
            .paragraphs
            .get(*p)
            .and_then(|x| x.note.as_deref())
            .unwrap_or("");
        (text.trim() != saved.trim()).then_some((i, *p))
    }

    /// Whether closing would lose work: decisions, marks or a typed note.
    fn closing_loses_work(&self, c: Closing) -> bool {
        let note = self.typed_note();
        match c {
            Closing::Article(i) => {
                self.articles
                    .get(i)
                    .is_some_and(Article::holds_unsaved_work)
                    || note.is_some_and(|(j, _)| j == i)
            }
            Closing::Window => self.any_unsaved() || note.is_some(),
        }
    }

    /// Opens files on workers: the path every way of opening ends in
    /// (dialog, drop, path field, recent files, command line). A file
    /// already open is not opened again: its entry is selected (two entries
    /// of one file would each save their decisions over the other's).
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let mut fresh = Vec::new();
        for p in paths {
            match self.index_of_path(&p) {
                Some(i) => self.select_article(i),
                None => fresh.push(p),
            }
        }
        if !fresh.is_empty() {
            self.start(Request::Files(fresh));
        }
    }

    /// The open article read from `path` (the same file under any name).
    fn index_of_path(&self, path: &std::path::Path) -> Option<usize> {
        let canonical = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or(p.to_path_buf());
        let wanted = canonical(path);
        self.articles
            .iter()
            .position(|a| a.path.as_deref().is_some_and(|p| canonical(p) == wanted))
    }

    fn select_article(&mut self, i: usize) {
        self.current = Some(i);
        self.selected_paragraph = None;
        self.scroll_to = Some(0);
    }

    fn start(&mut self, request: Request) {
        self.loader
            .start(request, self.analyzer.clone(), self.lists.clone());
    }

    /// Loads a retraction list on a worker; every article is analysed
    /// again with it when it arrives.
    pub fn load_retraction_list(&mut self, path: PathBuf) {
        self.start(Request::List(path));
    }

    /// Analyses every open article again (rules or lists changed), on
    /// workers; decisions are laid over the new result when it arrives.
    fn reanalyse_all(&mut self) {
        let jobs: Vec<(u64, String, Vec<String>)> = self
            .articles
            .iter()
            .map(|a| (a.id, a.name.clone(), a.paragraph_texts()))
            .collect();
        for (id, name, paragraphs) in jobs {
            self.start(Request::Reanalyse {
                id,
                name,
                paragraphs,
            });
        }
    }

    /// Articles still loading.
    pub fn loading(&self) -> usize {
        self.loader.pending()
    }

    /// Loads and analyses in flight, with progress (and a cancel button).
    pub fn jobs(&self) -> Vec<loader::Job> {
        self.loader.jobs()
    }

    /// Waits for every load in flight and takes the results in.
    pub fn finish_loading(&mut self) {
        let outcomes = self.loader.wait();
        self.take(outcomes);
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current.and_then(|i| self.articles.get(i))
    }

    fn add_article(&mut self, mut article: Article) {
        // Opened twice before the first arrived: one entry.
        if let Some(i) = article.path.as_deref().and_then(|p| self.index_of_path(p)) {
            self.select_article(i);
            return;
        }
        article.id = self.next_id;
        self.next_id += 1;
        if let Some(problem) = &article.sidecar_problem {
            self.notices.push(Notice::problem(format!(
                "{problem}. Decisions you make on {} will not be saved over it.",
                article.name
            )));
        }
        if !article.unplaced.is_empty() {
            self.notices.push(Notice::problem(format!(
                "{}: {} saved decision(s) no longer fit the text; they are listed in the inspector.",
                article.name,
                article.unplaced.len()
            )));
        }
        self.articles.push(article);
        self.select_article(self.articles.len() - 1);
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
                Outcome::Failed(message) => self.notices.push(Notice::problem(message)),
                Outcome::Cancelled(name) => self.notices.push(Notice::info(format!(
                    "{name}: cancelled; the article was not opened."
                ))),
                Outcome::Chosen(dialog, paths) => self.chosen(dialog, paths),
                Outcome::NoDialog(dialog, name) => {
                    if !self.no_native_dialog {
                        self.notices.push(Notice::info(
                            "This desktop showed no file dialog: Sourcelight's own chooser opens \
                             instead (File, Use Sourcelight's file chooser, keeps it).",
                        ));
                    }
                    self.no_native_dialog = true;
                    self.open_chooser(dialog, &name);
                }
                Outcome::Reanalysed { id, base } => {
                    let weights = self.analyzer.rules().weights.clone();
                    if let Some(a) = self.articles.iter_mut().find(|a| a.id == id) {
                        a.base = Arc::new(*base);
                        a.reapply(&weights);
                    }
                }
                Outcome::List(list) => {
                    let mut lists: Vec<RetractionList> = self.lists.as_ref().clone();
                    lists.retain(|l| l.name != list.name);
                    let note = format!(
                        "Retraction list {} loaded: {} entries{}.",
                        list.name,
                        list.entries.len(),
                        if list.skipped > 0 {
                            format!(", {} unreadable rows skipped", list.skipped)
                        } else {
                            String::new()
                        }
                    );
                    lists.push(*list);
                    self.lists = Arc::new(lists);
                    self.notices.push(Notice::info(note));
                    self.reanalyse_all();
                }
                Outcome::Rules(path, rules) => {
                    self.analyzer = Analyzer::new(*rules);
                    self.settings.rules_path = Some(path);
                    self.reanalyse_all();
                }
            }
        }
    }

    fn remember(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_LIMIT);
    }

    /// Opens the window's own chooser for `dialog` in the current article's
    /// folder (else the last opened file's, else the working folder).
    fn open_chooser(&mut self, dialog: Dialog, report_name: &str) {
        let folder = self
            .current_article()
            .and_then(|a| a.path.as_deref())
            .or(self.settings.recent.first().map(PathBuf::as_path))
            .and_then(std::path::Path::parent)
            .filter(|f| f.is_dir())
            .map(std::path::Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let name = file_chooser::suggested_name(dialog, report_name);
        self.chooser = Some(file_chooser::FileChooser::new(dialog, folder, name));
    }

    /// A dialog's answer; nothing chosen means cancelled.
    fn chosen(&mut self, dialog: Dialog, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match dialog {
            Dialog::OpenFiles => self.open_paths(paths),
            Dialog::OpenFolder => self.open_folder(&first),
            Dialog::RetractionList => self.load_retraction_list(first),
            Dialog::Rules => self.apply(Action::UseRules(Some(first))),
            Dialog::Export => self.apply(Action::ExportTo(first)),
            Dialog::OpenKey => self.open_key(first),
            Dialog::SaveMarks => self.apply(Action::SaveMarksTo(first)),
            Dialog::MakeKey => self.apply(Action::WriteKeyTo(first)),
        }
    }

    /// Opens an answer key as an exercise (on a worker).
    pub fn open_key(&mut self, path: PathBuf) {
        self.start(Request::Key(path));
    }

    /// Opens every article directly inside `folder` (batch review).
    pub fn open_folder(&mut self, folder: &std::path::Path) {
        match loader::folder_articles(folder) {
            Ok(found) if found.is_empty() => self.notices.push(Notice::problem(format!(
                "{}: no articles in this folder",
                folder.display()
            ))),
            Ok(found) => self.open_paths(found),
            Err(e) => self.notices.push(Notice::problem(e)),
        }
    }

    /// Writes the current article's report to `path` (atomically).
    pub fn export(&mut self, path: &std::path::Path) -> Result<(), String> {
        let Some(a) = self.current_article() else {
            return Err("no article is open".to_string());
        };
        let format = Format::from_extension(path).unwrap_or(Format::Html);
        let rules_name = self.settings.rules_path.as_deref().map_or_else(
            || "built-in".to_string(),
            |p| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into())
            },
        );
        let tool = report::Tool::new(rules_name, self.analyzer.rules());
        let article = report::Article::with_unplaced(&a.name, &a.analysis, &a.unplaced).by(&tool);
        let text = report::render(format, &[article], true);
        crate::atomic::write(path, text.as_bytes())
            .map_err(|e| format!("{}: cannot write report: {e}", path.display()))
    }

    /// Saves the current article's decisions beside it.
    pub fn save_review(&mut self) {
        let Some(a) = self.current.and_then(|i| self.articles.get_mut(i)) else {
            return;
        };
        let Some(path) = a.path.clone() else {
            self.notices.push(Notice::problem(format!(
                "{} was pasted and has no file to save decisions beside; export a report instead.",
                a.name
            )));
            return;
        };
        if let Some(problem) = &a.sidecar_problem {
            self.notices.push(Notice::problem(format!(
                "Not saved: {problem}. Fix or move that file, then open the article again."
            )));
            return;
        }
        match sidecar::save(&path, &a.review) {
            Ok(_) => a.saved = a.review.clone(),
            Err(e) => self.notices.push(Notice::problem(e.to_string())),
        }
    }

    /// Applies what the user asked for.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::OpenDialog => self.apply(Action::Dialog(Dialog::OpenFiles)),
            Action::Dialog(d) => {
                let name = self
                    .current_article()
                    .map(|a| format!("{}.report.html", a.name))
                    .unwrap_or_default();
                if self.settings.own_file_chooser || self.no_native_dialog {
                    self.open_chooser(d, &name);
                } else {
                    self.loader.dialog(d, name);
                }
            }
            Action::OwnChooser(d) => {
                let name = self
                    .current_article()
                    .map(|a| format!("{}.report.html", a.name))
                    .unwrap_or_default();
                self.open_chooser(d, &name);
            }
            Action::OpenPaths(paths) => self.open_paths(paths),
            Action::PasteText(text) => {
                // Numbered among pasted articles only (the built-in sample
                // has no file either).
                let n = self
                    .articles
                    .iter()
                    .filter(|a| a.path.is_none() && a.name.starts_with("Pasted article "))
                    .count();
                let name = format!("Pasted article {}", n + 1);
                self.start(Request::Text { name, text });
            }
            Action::SelectArticle(i) if i < self.articles.len() => {
                self.drafts = review_controls::Drafts::default();
                self.current = Some(i);
                self.selected_paragraph = None;
            }
            Action::CloseArticle(i) if i < self.articles.len() => {
                if self.closing_loses_work(Closing::Article(i)) {
                    self.closing = Some(Closing::Article(i));
                    return;
                }
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
                // In an exercise, jumping to flagged paragraphs would give the answers away.
                if let Some(a) = self.current_article().filter(|a| a.exercise.is_none()) {
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
            Action::GoTo if self.current_article().is_some() => {
                self.goto = Some(String::new());
            }
            Action::Chosen(dialog, paths) => self.chosen(dialog, paths),
            Action::Page(direction) => self.page = direction,
            Action::ToggleInspector => {
                self.settings.show_inspector = !self.settings.show_inspector;
            }
            Action::FocusArticle if self.current_article().is_some() => {
                self.scroll_to = Some(*self.selected_paragraph.get_or_insert(0));
            }
            Action::FocusInspector if self.current_article().is_some() => {
                self.settings.show_inspector = true;
                self.selected_paragraph.get_or_insert(0);
                self.drafts.focus_inspector = true;
            }
            Action::Sort(s) => self.sort = s,
            Action::Find => {
                self.find.get_or_insert_with(find_bar::Find::default).focus = true;
            }
            Action::Decide {
                paragraph,
                claim,
                change,
            } => self.edit_review(paragraph, claim, |r, anchor| r.decide(anchor, change)),
            Action::Undecide {
                paragraph,
                claim,
                change,
            } => self.edit_review(paragraph, claim, |r, anchor| r.undecide(&anchor, &change)),
            Action::SetNote { paragraph, text } => {
                let weights = self.analyzer.rules().weights.clone();
                if let Some(a) = self.current.and_then(|i| self.articles.get_mut(i))
                    && let Some(p) = a.base.paragraphs.get(paragraph)
                {
                    let para_text = p.text.clone();
                    a.change(&weights, |r| r.set_note(paragraph, &para_text, &text));
                }
            }
            Action::Undo | Action::Redo => {
                let weights = self.analyzer.rules().weights.clone();
                if let Some(a) = self.current.and_then(|i| self.articles.get_mut(i)) {
                    let changed = if action == Action::Undo {
                        a.history.undo(&mut a.review)
                    } else {
                        a.history.redo(&mut a.review)
                    };
                    if changed {
                        a.reapply(&weights);
                    }
                }
            }
            Action::SaveReview => self.save_review(),
            Action::ExportTo(path) => {
                if let Err(e) = self.export(&path) {
                    self.notices.push(Notice::problem(e));
                }
            }
            Action::LoadRetractionList(path) => self.load_retraction_list(path),
            Action::UseRules(Some(path)) => self.start(Request::Rules(path)),
            Action::UseRules(None) => {
                self.analyzer = Analyzer::default();
                self.settings.rules_path = None;
                self.reanalyse_all();
            }
            Action::ShowRules(show) => self.show_rules = show,
            Action::ToggleExercise => {
                if let Some(a) = self
                    .current
                    .and_then(|i| self.articles.get_mut(i))
                    .filter(|a| !a.exercise.as_ref().is_some_and(|e| e.locked))
                {
                    a.exercise = match a.exercise.take() {
                        Some(_) => None,
                        None => Some(exercise::Exercise::new(
                            crate::classroom::AnswerKey::from_analysis(&a.name, &a.analysis, true),
                        )),
                    };
                    a.layout.refresh(&a.analysis);
                }
            }
            Action::Exercise(step) => {
                if let Some(a) = self.current.and_then(|i| self.articles.get_mut(i))
                    && let Some(ex) = a.exercise.as_mut()
                {
                    let base = &a.base;
                    ex.step(step, |p| base.paragraphs.get(p).map(|x| x.text.to_string()));
                    a.layout.refresh(&a.analysis);
                }
            }
            Action::SaveMarksTo(path) => {
                let Some(ex) = self.current_article().and_then(|a| a.exercise.as_ref()) else {
                    return;
                };
                let json = ex.submission().to_json();
                match crate::atomic::write(&path, json.as_bytes()) {
                    Ok(()) => {
                        if let Some(ex) = self
                            .current
                            .and_then(|i| self.articles.get_mut(i))
                            .and_then(|a| a.exercise.as_mut())
                        {
                            ex.unsaved = false;
                        }
                    }
                    Err(e) => self.notices.push(Notice::problem(format!(
                        "{}: cannot save marks: {e}",
                        path.display()
                    ))),
                }
            }
            Action::WriteKeyTo(path) => {
                let Some(a) = self.current_article() else {
                    return;
                };
                let key = crate::classroom::AnswerKey::from_analysis(
                    &a.name,
                    &a.analysis,
                    self.settings.key_explanations,
                );
                if let Err(e) = crate::atomic::write(&path, key.to_json().as_bytes()) {
                    self.notices.push(Notice::problem(format!(
                        "{}: cannot write the answer key: {e}",
                        path.display()
                    )));
                }
            }
            Action::OpenKey(path) => self.open_key(path),
            Action::RequestClose(c) => {
                if self.closing_loses_work(c) {
                    self.closing = Some(c);
                } else {
                    self.close_now(c);
                }
            }
            Action::ConfirmClose(choice) => {
                if let Some(c) = self.closing.take() {
                    self.confirm_close(c, choice);
                }
            }
            _ => {}
        }
    }

    /// Changes the current article's review at a claim, with undo.
    fn edit_review(
        &mut self,
        paragraph: usize,
        claim: usize,
        edit: impl FnOnce(&mut Review, ClaimAnchor),
    ) {
        let weights = self.analyzer.rules().weights.clone();
        let Some(a) = self.current.and_then(|i| self.articles.get_mut(i)) else {
            return;
        };
        let Some(c) = a
            .base
            .paragraphs
            .get(paragraph)
            .and_then(|p| p.claims.get(claim))
        else {
            return;
        };
        let anchor = ClaimAnchor::of(paragraph, c);
        a.change(&weights, |r| edit(r, anchor));
    }

    fn close_now(&mut self, c: Closing) {
        match c {
            Closing::Article(i) if i < self.articles.len() => {
                // Saved or discarded: nothing is pending any more.
                let a = &mut self.articles[i];
                a.saved = a.review.clone();
                if let Some(ex) = a.exercise.as_mut() {
                    ex.unsaved = false;
                }
                self.apply(Action::CloseArticle(i));
            }
            Closing::Window => self.close_confirmed = true,
            _ => {}
        }
    }

    fn confirm_close(&mut self, c: Closing, choice: close_prompt::Choice) {
        use close_prompt::Choice;
        match choice {
            Choice::Cancel => {}
            Choice::Discard => {
                self.drafts.note = None;
                self.close_now(c);
            }
            // Marks are saved where the student chooses: the dialog opens
            // on the article holding them, and nothing closes.
            Choice::SaveMarks => {
                let holder = match c {
                    Closing::Article(i) => Some(i),
                    Closing::Window => self.articles.iter().position(Article::unsaved_marks),
                };
                if let Some(i) = holder.filter(|&i| i < self.articles.len()) {
                    self.current = Some(i);
                    self.apply(Action::Dialog(Dialog::SaveMarks));
                }
            }
            Choice::Save => {
                // A typed note goes into the review first, and is saved with it.
                if let Some((_, paragraph)) = self.typed_note()
                    && let Some((_, text)) = self.drafts.note.take()
                {
                    self.apply(Action::SetNote { paragraph, text });
                }
                let targets: Vec<usize> = match c {
                    Closing::Article(i) => vec![i],
                    Closing::Window => (0..self.articles.len()).collect(),
                };
                let before = self.current;
                for i in targets {
                    if self.articles.get(i).is_some_and(Article::unsaved) {
                        self.current = Some(i);
                        self.save_review();
                    }
                }
                self.current = before;
                // Only close once everything asked for was saved.
                if !self.closing_loses_work(c) {
                    self.close_now(c);
                }
            }
        }
    }

    /// Whether the window may close now (tests and `App::ui`).
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// Keyboard shortcuts of the window.
    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut out = Vec::new();
        // The file chooser is modal: its keys are its own (arrows walk its
        // listing, Enter takes a file), nothing reaches the article.
        if self.chooser.is_some() {
            return out;
        }
        // A text field or an open list (a combo box) keeps its own arrows.
        let typing = ctx.text_edit_focused() || egui::Popup::is_any_open(ctx);
        let paragraphs = self.current_article().map(|a| a.analysis.paragraphs.len());
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
                Key::Z,
            )) {
                out.push(Action::Redo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                out.push(Action::Undo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                out.push(Action::SaveReview);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
                out.push(Action::Dialog(Dialog::Export));
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
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0)) {
                out.push(Action::Zoom(1.0));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::G)) {
                out.push(Action::GoTo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::SHIFT, Key::F6)) {
                out.push(Action::FocusArticle);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::F6)) {
                out.push(Action::FocusInspector);
            }
            // Up and Down move between paragraphs, unless a text field
            // has the keyboard (its own arrows move its cursor).
            if !typing && let Some(n) = paragraphs.filter(|&n| n > 0) {
                let at = self.selected_paragraph;
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::ArrowDown)) {
                    out.push(Action::SelectParagraph(
                        at.map_or(0, |p| (p + 1).min(n - 1)),
                    ));
                }
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::ArrowUp)) {
                    out.push(Action::SelectParagraph(
                        at.map_or(0, |p| p.saturating_sub(1)),
                    ));
                }
                // Home and End: the first and last paragraph; Page Up and
                // Down scroll a screen.
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::Home)) {
                    out.push(Action::SelectParagraph(0));
                }
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::End)) {
                    out.push(Action::SelectParagraph(n - 1));
                }
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::PageDown)) {
                    out.push(Action::Page(1));
                }
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, Key::PageUp)) {
                    out.push(Action::Page(-1));
                }
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

/// Text and hint colours of both themes from `crate::palette`, where they
/// are checked at WCAG AA's 4.5:1 (egui's own hints were 2.7:1 on dark and
/// 2.9:1 on light).
fn readable_text(ctx: &egui::Context) {
    for (theme, colours) in [
        (egui::Theme::Light, crate::palette::LIGHT),
        (egui::Theme::Dark, crate::palette::DARK),
    ] {
        ctx.style_mut_of(theme, |style| {
            let v = &mut style.visuals;
            v.widgets.noninteractive.fg_stroke.color = highlight::colour(colours.ui_text);
            v.weak_text_color = Some(highlight::colour(colours.weak_text));
        });
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
        // Zoom scales the whole window, menus and inspector too.
        if (ctx.zoom_factor() - self.settings.zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(self.settings.zoom);
        }
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
        // Narrow windows (under NARROW points) keep the article readable:
        // the article list folds into a picker in the summary bar, and the
        // inspector takes at most two fifths of the width.
        let width = ctx.content_rect().width();
        if width >= NARROW {
            egui::Panel::left("articles")
                .resizable(true)
                .default_size(220.0)
                .max_size(width * 0.25)
                .show(ui, |ui| articles_panel::show(ui, self, &mut actions));
        }
        // The inspector's panel is laid out here, but its contents are drawn
        // after the article: egui's Tab order is drawing order, and it
        // should go article list, article, inspector.
        let inspector_rect = self.settings.show_inspector.then(|| {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(360.0_f32.min(width * 0.4))
                .min_size(220.0_f32.min(width * 0.3))
                .max_size(width * 0.4)
                .show(ui, |ui| {
                    let rect = ui.max_rect();
                    ui.allocate_space(ui.available_size());
                    rect
                })
                .inner
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let zoom = self.settings.zoom;
            let selected = self.selected_paragraph;
            let scroll_to = self.scroll_to.take();
            let find = self.find.as_ref().map(|f| f.query.clone()).unwrap_or_default();
            let page = std::mem::take(&mut self.page);
            match self.current.and_then(|i| self.articles.get_mut(i)) {
                Some(article) => {
                    let view = article_view::View { zoom, selected, scroll_to, find: &find, page };
                    article_view::show(ui, article, view, &mut actions)
                }
                None => {
                    ui.centered_and_justified(|ui| {
                        ui.label("Open an article (Ctrl+O), drop files here, or paste text (Ctrl+Shift+V).");
                    });
                }
            }
        });
        if let Some(rect) = inspector_rect {
            let mut ui = ui.new_child(
                egui::UiBuilder::new()
                    .id_salt("inspector contents")
                    .max_rect(rect)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            ui.set_clip_rect(rect);
            let exercise = self
                .current_article()
                .and_then(|a| a.exercise.as_ref().map(|e| (a, e)));
            if let Some((article, ex)) = exercise {
                exercise_panel::show(&mut ui, article, ex, self.selected_paragraph, &mut actions);
            } else {
                let mut drafts = std::mem::take(&mut self.drafts);
                inspector::show(&mut ui, self, &mut drafts, &mut actions);
                self.drafts = drafts;
            }
        }
        if self.paste.is_some() {
            menu::paste_window(&ctx, self, &mut actions);
        }
        if let Some(chooser) = &mut self.chooser
            && let Some(answer) = chooser.show(&ctx)
        {
            let dialog = chooser.dialog;
            self.chooser = None;
            if let file_chooser::Answer::Chosen(paths) = answer {
                actions.push(Action::Chosen(dialog, paths));
            }
        }
        if self.goto.is_some() {
            menu::goto_window(&ctx, self, &mut actions);
        }
        if self.show_rules {
            rules_window::show(&ctx, self, &mut actions);
        }
        // Closing the window with unsaved decisions asks first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            if self.closing_loses_work(Closing::Window) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.closing = Some(Closing::Window);
            } else {
                self.close_confirmed = true;
            }
        }
        if let Some(c) = self.closing {
            close_prompt::show(&ctx, self, c, &mut actions);
        }
        let window_was_allowed = self.close_confirmed;
        if self.loader.pending() > 0 {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        for a in actions {
            self.apply(a);
        }
        if self.close_confirmed && !window_was_allowed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The application id: the desktop entry's and AppStream's name for the
/// app (`packaging/`), and the window's class, by which desktops match a
/// window to its entry and icon. Fixed: desktops remember it.
pub const APP_ID: &str = "org.sourcelight.Sourcelight";

/// The window's icon (drawn for the project: `packaging/icons/`). 128
/// pixels: a 256-pixel icon makes an X11 property of 262,152 bytes, past
/// the 262,140 an X11 request holds without the BIG-REQUESTS extension,
/// and under Xvfb the window went without an icon (winit drops the error);
/// at 128 pixels `_NET_WM_ICON` is set. Desktops take larger sizes from
/// the desktop entry's icon.
const ICON: &[u8] = include_bytes!("../../packaging/icons/sourcelight-128.png");

/// Opens the window with `files`, or the built-in sample article.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Sourcelight")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    // The icon is part of the build and a test reads it; a window without
    // it is still a window.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        // Settings stay where they were kept before the app had an id
        // (eframe would otherwise move them to a folder named after it,
        // and users would lose them).
        persistence_path: eframe::storage_dir("Sourcelight").map(|d| d.join("app.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "Sourcelight",
        options,
        Box::new(move |cc| Ok(Box::new(SourcelightApp::new(cc, files)))),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_reads_and_the_packaging_names_the_app_id() {
        let icon = eframe::icon_data::from_png_bytes(ICON).expect("the icon is a PNG");
        assert_eq!((icon.width, icon.height), (128, 128));
        // The desktop entry, the AppStream file and the window agree on
        // the id: a desktop finds the entry and icon by it.
        let metainfo = include_str!("../../packaging/org.sourcelight.Sourcelight.metainfo.xml");
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!("<launchable type=\"desktop-id\">{APP_ID}.desktop")));
        let desktop = include_str!("../../packaging/org.sourcelight.Sourcelight.desktop");
        assert!(desktop.contains(&format!("Icon={APP_ID}\n")));
        assert!(desktop.contains(&format!("StartupWMClass={APP_ID}\n")));
    }
}
