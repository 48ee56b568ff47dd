//! What happens when an article is opened, in one place for the window and
//! the command line, so their numbers always agree:
//!
//! 1. the file is loaded ([`crate::document`]) and analysed ([`crate::analysis`]);
//! 2. loaded retraction lists mark the claims that cite listed papers
//!    ([`crate::retraction_lists`]);
//! 3. the editor's decisions from the sidecar are laid over the result
//!    ([`crate::review`], [`crate::sidecar`]).
//!
//! The analysis after step 2 is kept as `base`, so decisions can be
//! changed and undone without analysing again.
//!
//! **No panic reaches the user.** Loading and analysis run behind
//! [`std::panic::catch_unwind`]: a bug that makes them panic on some input
//! becomes that file's error ([`DeskError::Internal`], "Sourcelight could
//! not analyse crash.txt: an internal error (…); please report it"), and
//! every other file opens as usual. The default panic message is kept off
//! the terminal while a guarded call runs; the error carries it instead.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::analysis::{Analysis, Analyzer, Progress};
use crate::document::{self, Document, LoadError};
use crate::retraction_lists::{self, RetractionList};
use crate::review::{self, Applied, Review};
use crate::sidecar;

/// An opened article with its decisions.
#[derive(Debug, Clone, Default)]
pub struct Opened {
    pub name: String,
    pub path: Option<PathBuf>,
    /// The analyser's result with retraction lists applied (its paragraph
    /// texts are what is analysed again when rules or lists change).
    pub base: Arc<Analysis>,
    pub review: Review,
    /// `base` with `review` laid over it: what is shown and reported.
    pub applied: Applied,
    /// The sidecar exists but cannot be read: why. It is left untouched and
    /// not overwritten.
    pub sidecar_problem: Option<String>,
}

/// Why an article could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The file could not be read or decoded (names the file and why).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Sourcelight itself failed on this input: a bug, reported as such.
    #[error("Sourcelight could not analyse {name}: an internal error ({detail}); please report it")]
    Internal { name: String, detail: String },
}

/// Guarded calls running now: while any runs, the panic hook records the
/// panic's place instead of printing it (the error shows it).
static GUARDS: AtomicUsize = AtomicUsize::new(0);
/// Where the last panic in a guarded call happened.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn install_hook() {
    static HOOK: OnceLock<()> = OnceLock::new();
    HOOK.get_or_init(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDS.load(Ordering::SeqCst) > 0 {
                let place = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                if let Ok(mut last) = LAST_PANIC.lock() {
                    *last = Some(place);
                }
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into [`DeskError::Internal`] for `name`.
pub fn guarded<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, DeskError> {
    install_hook();
    GUARDS.fetch_add(1, Ordering::SeqCst);
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDS.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let place = LAST_PANIC.lock().ok().and_then(|mut l| l.take());
        let detail = match place {
            Some(p) if !p.is_empty() => format!("{message}, at {p}"),
            _ => message,
        };
        DeskError::Internal {
            name: name.to_string(),
            detail,
        }
    })
}

/// Files whose analysis is made to panic: the test hook that proves a
/// panic becomes a notice. Empty in every real run.
static FAIL_ANALYSIS_OF: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Makes the analysis of any article named `name` panic (tests only).
#[doc(hidden)]
pub fn fail_analysis_of(name: &str) {
    if let Ok(mut names) = FAIL_ANALYSIS_OF.lock() {
        names.push(name.to_string());
    }
}

fn injected_failure(name: &str) {
    let fail = FAIL_ANALYSIS_OF
        .lock()
        .is_ok_and(|names| names.iter().any(|n| n == name));
    if fail {
        panic!("analysis made to fail for {name} (test hook)");
    }
}

/// The analysis of paragraphs with retraction lists applied; `None` when
/// `progress` was cancelled. A panic becomes an error naming `name`.
pub fn analyse(
    name: &str,
    paragraphs: &[String],
    analyzer: &Analyzer,
    lists: &[RetractionList],
    progress: &Progress,
) -> Result<Option<Analysis>, DeskError> {
    guarded(name, || {
        injected_failure(name);
        let mut analysis = analyzer.analyze_with(paragraphs, progress)?;
        retraction_lists::mark(&mut analysis, lists, analyzer);
        Some(analysis)
    })
}

/// Loads, analyses and restores the decisions of the article at `path`.
pub fn open(
    path: &Path,
    analyzer: &Analyzer,
    lists: &[RetractionList],
    with_review: bool,
) -> Result<Opened, DeskError> {
    // A progress nobody else holds is never cancelled.
    open_with(path, analyzer, lists, with_review, &Progress::default())
        .map(Option::unwrap_or_default)
}

/// [`open`] reporting to `progress`; `Ok(None)` when cancelled.
pub fn open_with(
    path: &Path,
    analyzer: &Analyzer,
    lists: &[RetractionList],
    with_review: bool,
    progress: &Progress,
) -> Result<Option<Opened>, DeskError> {
    let shown = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let doc = guarded(&shown, || document::load(path))??;
    let (review, sidecar_problem) = if with_review {
        match sidecar::load(path) {
            Ok(r) => (r.unwrap_or_default(), None),
            Err(e) => (Review::default(), Some(e.to_string())),
        }
    } else {
        (Review::default(), None)
    };
    let name = path
        .file_name()
        .map_or_else(|| doc.name.clone(), |n| n.to_string_lossy().into_owned());
    build(
        name,
        Some(path.to_path_buf()),
        doc,
        (review, sidecar_problem),
        analyzer,
        lists,
        progress,
    )
}

/// An article from text in memory (pasted): no file, no sidecar.
pub fn from_text(
    name: String,
    text: &str,
    analyzer: &Analyzer,
    lists: &[RetractionList],
) -> Result<Opened, DeskError> {
    let doc = guarded(&name, || Document::from_text(name.clone(), text))?;
    in_memory(name, doc, analyzer, lists)
}

/// An article from bytes in memory in a given format (standard input, a
/// JSON Lines record): no file, no sidecar. `name` names it in messages.
pub fn from_bytes(
    name: String,
    bytes: &[u8],
    format: document::Format,
    analyzer: &Analyzer,
    lists: &[RetractionList],
) -> Result<Opened, DeskError> {
    let doc = guarded(&name, || {
        document::from_bytes(std::path::Path::new(&name), bytes, format)
    })??;
    in_memory(name, doc, analyzer, lists)
}

/// An article read from memory, with no file and no sidecar.
fn in_memory(
    name: String,
    doc: Document,
    analyzer: &Analyzer,
    lists: &[RetractionList],
) -> Result<Opened, DeskError> {
    // A progress nobody else holds is never cancelled.
    let progress = Progress::default();
    build(
        name,
        None,
        doc,
        (Review::default(), None),
        analyzer,
        lists,
        &progress,
    )
    .map(Option::unwrap_or_default)
}

/// `saved`: the review read from the sidecar, or why it could not be.
fn build(
    name: String,
    path: Option<PathBuf>,
    doc: Document,
    (review, sidecar_problem): (Review, Option<String>),
    analyzer: &Analyzer,
    lists: &[RetractionList],
    progress: &Progress,
) -> Result<Option<Opened>, DeskError> {
    let Some(analysis) = analyse(&name, &doc.paragraphs, analyzer, lists, progress)? else {
        return Ok(None);
    };
    let base = Arc::new(analysis);
    drop(doc);
    let applied = guarded(&name, || {
        review::apply(&base, &review, &analyzer.rules().weights)
    })?;
    Ok(Some(Opened {
        name,
        path,
        base,
        review,
        applied,
        sidecar_problem,
    }))
}
