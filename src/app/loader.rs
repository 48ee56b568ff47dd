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

use super::Article;
use crate::analysis::Analyzer;
use crate::document::{self, Document};

/// What to load.
pub enum Request {
    Files(Vec<PathBuf>),
    Text { name: String, text: String },
}

/// What comes back from the worker.
pub enum Outcome {
    Loaded(Box<Article>),
    Failed(String),
    /// The file dialog closed: these paths were chosen (maybe none).
    Picked(Vec<PathBuf>),
}

/// Wakes the window when a worker has something (egui's `request_repaint`).
type Waker = Arc<dyn Fn() + Send + Sync>;

/// The channel to the workers and the count of requests in flight.
pub struct Loader {
    tx: Sender<Outcome>,
    rx: Receiver<Outcome>,
    pending: usize,
    wake: Waker,
}

impl Loader {
    pub fn new() -> Loader {
        let (tx, rx) = channel();
        Loader {
            tx,
            rx,
            pending: 0,
            wake: Arc::new(|| {}),
        }
    }

    /// Called when a worker finishes, to wake the window up.
    pub fn set_wake(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.wake = Arc::new(wake);
    }

    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Starts loading; one result per file arrives later.
    pub fn start(&mut self, request: Request, analyzer: Analyzer) {
        let count = match &request {
            Request::Files(paths) => paths.len(),
            Request::Text { .. } => 1,
        };
        if count == 0 {
            return;
        }
        self.pending += count;
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        thread::spawn(move || match request {
            Request::Files(paths) => {
                for path in paths {
                    let outcome = match document::load(&path) {
                        Ok(doc) => loaded(doc, Some(path), &analyzer),
                        Err(e) => Outcome::Failed(e.to_string()),
                    };
                    let _ = tx.send(outcome);
                    wake();
                }
            }
            Request::Text { name, text } => {
                let doc = Document::from_text(name, &text);
                let _ = tx.send(loaded(doc, None, &analyzer));
                wake();
            }
        });
    }

    /// Opens the native file dialog on a thread of its own; the choice comes
    /// back as [`Outcome::Picked`]. rfd returns nothing both on cancel and
    /// where the platform has no dialog, so nothing is reported as an error.
    pub fn pick_files(&mut self) {
        self.pending += 1;
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter(
                    "Articles",
                    &["txt", "md", "markdown", "html", "htm", "docx"],
                )
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default();
            let _ = tx.send(Outcome::Picked(picked));
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

    /// Waits for everything in flight (tests and headless benchmarks).
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
        out
    }
}

fn loaded(doc: Document, path: Option<PathBuf>, analyzer: &Analyzer) -> Outcome {
    let analysis = analyzer.analyze(&doc.paragraphs);
    let name = path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(doc.name);
    Outcome::Loaded(Box::new(Article::new(name, path, analysis)))
}
