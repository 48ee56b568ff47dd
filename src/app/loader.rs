//! Loading and analysis off the UI thread.
//!
//! Every way in — the file dialog, dropped files, the path field, recent
//! files, paste — ends in a [`Request`] sent to a worker thread, which
//! reads, decodes, analyses and prepares the article's view data (layout
//! estimates, source roster), and sends back an [`Article`] or an error
//! naming the file. The window polls the channel each frame and never
//! blocks on a file.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::{Article, file_chooser};
use crate::analysis::{Analysis, Analyzer, Progress, Rules};
use crate::desk;
use crate::document;
use crate::retraction_lists::{self, RetractionList};
use std::sync::Mutex;

/// Retraction lists shared with the workers.
pub type Lists = Arc<Vec<RetractionList>>;

/// What to load.
pub enum Request {
    Files(Vec<PathBuf>),
    Text {
        name: String,
        text: String,
    },
    /// Analyse an open article again (rules or lists changed).
    Reanalyse {
        id: u64,
        name: String,
        paragraphs: Vec<String>,
    },
    /// A retraction list (CSV or JSON).
    List(PathBuf),
    /// A house rules file.
    Rules(PathBuf),
    /// An answer key, opened as an exercise.
    Key(PathBuf),
}

/// The file dialogs the window opens: native ones each on a thread of
/// its own, or the window's own chooser (`file_chooser`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    OpenFiles,
    OpenFolder,
    RetractionList,
    Rules,
    /// Save a report; the name suggested.
    Export,
    /// Open an answer key as an exercise.
    OpenKey,
    /// Save a student's marks.
    SaveMarks,
    /// Write an answer key for the current article.
    MakeKey,
}

/// A load or analysis in flight, for the window to show and cancel.
#[derive(Clone)]
pub struct Job {
    pub name: String,
    pub progress: Arc<Progress>,
}

/// What comes back from the worker.
pub enum Outcome {
    /// The user cancelled the analysis of this article.
    Cancelled(String),
    Loaded(Box<Article>),
    Failed(String),
    /// A dialog closed: these paths were chosen (maybe none).
    Chosen(Dialog, Vec<PathBuf>),
    /// The platform showed no dialog (the report name suggested is kept
    /// for the window's own chooser).
    NoDialog(Dialog, String),
    Reanalysed {
        id: u64,
        base: Box<Analysis>,
    },
    List(Box<RetractionList>),
    Rules(PathBuf, Box<Rules>),
}

/// Wakes the window when a worker has something (egui's `request_repaint`).
type Waker = Arc<dyn Fn() + Send + Sync>;

/// The channel to the workers and the count of requests in flight.
pub struct Loader {
    tx: Sender<Outcome>,
    rx: Receiver<Outcome>,
    pending: usize,
    wake: Waker,
    jobs: Arc<Mutex<Vec<Job>>>,
    /// The loading threads not yet known to have ended: [`Loader::wait`]
    /// joins them, because a worker wakes the window just after sending its
    /// result, and a wake-up arriving after `wait` returned would be a
    /// repaint nobody asked for (a GUI test counts them).
    workers: Vec<thread::JoinHandle<()>>,
}

impl Loader {
    pub fn new() -> Loader {
        let (tx, rx) = channel();
        Loader {
            tx,
            rx,
            pending: 0,
            wake: Arc::new(|| {}),
            jobs: Arc::new(Mutex::new(Vec::new())),
            workers: Vec::new(),
        }
    }

    /// Called when a worker finishes, to wake the window up.
    pub fn set_wake(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.wake = Arc::new(wake);
    }

    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Articles being loaded or analysed, with their progress.
    pub fn jobs(&self) -> Vec<Job> {
        self.jobs.lock().map(|j| j.clone()).unwrap_or_default()
    }

    /// Starts loading; one result per file arrives later.
    pub fn start(&mut self, request: Request, analyzer: Analyzer, lists: Lists) {
        let count = match &request {
            Request::Files(paths) => paths.len(),
            _ => 1,
        };
        if count == 0 {
            return;
        }
        self.pending += count;
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        let jobs = self.jobs.clone();
        self.workers.retain(|w| !w.is_finished());
        self.workers.push(thread::spawn(move || {
            let send = |o: Outcome| {
                let _ = tx.send(o);
                wake();
            };
            // Registers a job for the window to show; removed when done.
            let track = |name: String| {
                let progress = Arc::new(Progress::default());
                if let Ok(mut j) = jobs.lock() {
                    j.push(Job {
                        name,
                        progress: progress.clone(),
                    });
                }
                progress
            };
            let untrack = |progress: &Arc<Progress>| {
                if let Ok(mut j) = jobs.lock() {
                    j.retain(|job| !Arc::ptr_eq(&job.progress, progress));
                }
            };
            match request {
                Request::Files(paths) => {
                    for path in paths {
                        // An answer key opens as an exercise.
                        if is_json(&path) {
                            send(match read_key(&path) {
                                Ok(key) => match Article::from_key(key, &analyzer, &lists) {
                                    Ok(article) => Outcome::Loaded(Box::new(article)),
                                    Err(e) => Outcome::Failed(e),
                                },
                                Err(e) => Outcome::Failed(e),
                            });
                            continue;
                        }
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        let progress = track(name.clone());
                        let outcome =
                            match desk::open_with(&path, &analyzer, &lists, true, &progress) {
                                // Preparing the view is guarded too: any bug
                                // becomes this file's notice.
                                Ok(Some(opened)) => {
                                    match desk::guarded(&name, || Article::new(opened)) {
                                        Ok(article) => Outcome::Loaded(Box::new(article)),
                                        Err(e) => Outcome::Failed(e.to_string()),
                                    }
                                }
                                Ok(None) => Outcome::Cancelled(name),
                                Err(e) => Outcome::Failed(e.to_string()),
                            };
                        untrack(&progress);
                        send(outcome);
                    }
                }
                Request::Text { name, text } => {
                    send(match desk::from_text(name, &text, &analyzer, &lists) {
                        Ok(opened) => Outcome::Loaded(Box::new(Article::new(opened))),
                        Err(e) => Outcome::Failed(e.to_string()),
                    });
                }
                Request::Reanalyse {
                    id,
                    name,
                    paragraphs,
                } => {
                    let progress = track("analysing again".to_string());
                    let outcome =
                        match desk::analyse(&name, &paragraphs, &analyzer, &lists, &progress) {
                            Ok(Some(base)) => Outcome::Reanalysed {
                                id,
                                base: Box::new(base),
                            },
                            Ok(None) => Outcome::Cancelled("a new analysis".to_string()),
                            Err(e) => Outcome::Failed(e.to_string()),
                        };
                    untrack(&progress);
                    send(outcome);
                }
                Request::List(path) => send(match retraction_lists::load(&path) {
                    Ok(list) => Outcome::List(Box::new(list)),
                    Err(e) => Outcome::Failed(e),
                }),
                Request::Rules(path) => send(match read_rules(&path) {
                    Ok(rules) => Outcome::Rules(path, Box::new(rules)),
                    Err(e) => Outcome::Failed(e),
                }),
                Request::Key(path) => send(match read_key(&path) {
                    Ok(key) => match Article::from_key(key, &analyzer, &lists) {
                        Ok(article) => Outcome::Loaded(Box::new(article)),
                        Err(e) => Outcome::Failed(e),
                    },
                    Err(e) => Outcome::Failed(e),
                }),
            }
        }));
    }

    /// Opens a native dialog on a thread of its own; the choice comes back
    /// as [`Outcome::Chosen`]. rfd returns nothing both on cancel and where
    /// the platform has no dialog; an answer faster than anyone could
    /// cancel means no dialog was shown, and comes back as
    /// [`Outcome::NoDialog`] so the window can offer its own chooser.
    pub fn dialog(&mut self, dialog: Dialog, suggested_name: String) {
        /// Quicker than a person can see a dialog and cancel it.
        const NOT_SHOWN: std::time::Duration = std::time::Duration::from_millis(300);
        self.pending += 1;
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        thread::spawn(move || {
            let spec = file_chooser::spec(dialog);
            let mut d = rfd::FileDialog::new().set_title(spec.title);
            for (name, extensions) in spec.filters {
                d = d.add_filter(*name, extensions);
            }
            if spec.mode == file_chooser::Mode::Save {
                d = d.set_file_name(file_chooser::suggested_name(dialog, &suggested_name));
            }
            let asked = std::time::Instant::now();
            let chosen: Vec<PathBuf> = match spec.mode {
                file_chooser::Mode::OpenMany => d.pick_files().unwrap_or_default(),
                file_chooser::Mode::OpenOne => d.pick_file().into_iter().collect(),
                file_chooser::Mode::Folder => d.pick_folder().into_iter().collect(),
                file_chooser::Mode::Save => d.save_file().into_iter().collect(),
            };
            let outcome = if chosen.is_empty() && asked.elapsed() < NOT_SHOWN {
                Outcome::NoDialog(dialog, suggested_name)
            } else {
                Outcome::Chosen(dialog, chosen)
            };
            let _ = tx.send(outcome);
            wake();
        });
    }

    /// Results that have arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut out = Vec::new();
        while let Ok(o) = self.rx.try_recv() {
            self.pending = self.pending.saturating_sub(1);
            out.push(o);
        }
        out
    }

    /// Waits for everything in flight (tests and headless benchmarks),
    /// the loading threads' last wake-ups included.
    pub fn wait(&mut self) -> Vec<Outcome> {
        let mut out = Vec::new();
        while self.pending > 0 {
            match self.rx.recv() {
                Ok(o) => {
                    self.pending -= 1;
                    out.push(o);
                }
                Err(_) => break,
            }
        }
        for worker in self.workers.drain(..) {
            // A worker that panicked has already been reported missing.
            let _ = worker.join();
        }
        out
    }
}

/// Reads a house rules file; errors name the file and the field.
pub fn read_rules(path: &std::path::Path) -> Result<Rules, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read rules file: {e}", path.display()))?;
    Rules::from_json(&text, &path.display().to_string()).map_err(|e| e.to_string())
}

fn is_json(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Reads an answer key; errors name the file.
pub fn read_key(path: &std::path::Path) -> Result<crate::classroom::AnswerKey, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > document::MAX_FILE_BYTES {
        return Err(format!("{}: larger than the 64 MB limit", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    crate::classroom::AnswerKey::parse(&bytes)
        .map_err(|e| format!("{}: not a usable answer key: {e}", path.display()))
}

/// The articles of a folder, or an error naming it.
pub fn folder_articles(folder: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    document::articles_in(folder).map_err(|e| e.to_string())
}
