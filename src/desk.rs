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

use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// The analysis of paragraphs with retraction lists applied; `None` when
/// `progress` was cancelled.
pub fn analyse(
    paragraphs: &[String],
    analyzer: &Analyzer,
    lists: &[RetractionList],
    progress: &Progress,
) -> Option<Analysis> {
    let mut analysis = analyzer.analyze_with(paragraphs, progress)?;
    retraction_lists::mark(&mut analysis, lists, analyzer);
    Some(analysis)
}

/// Loads, analyses and restores the decisions of the article at `path`.
pub fn open(
    path: &Path,
    analyzer: &Analyzer,
    lists: &[RetractionList],
    with_review: bool,
) -> Result<Opened, LoadError> {
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
) -> Result<Option<Opened>, LoadError> {
    let doc = document::load(path)?;
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
    Ok(build(
        name,
        Some(path.to_path_buf()),
        doc,
        (review, sidecar_problem),
        analyzer,
        lists,
        progress,
    ))
}

/// An article from text in memory (pasted): no file, no sidecar.
pub fn from_text(
    name: String,
    text: &str,
    analyzer: &Analyzer,
    lists: &[RetractionList],
) -> Opened {
    let doc = Document::from_text(name.clone(), text);
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
    .unwrap_or_default()
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
) -> Option<Opened> {
    let base = Arc::new(analyse(&doc.paragraphs, analyzer, lists, progress)?);
    drop(doc);
    let applied = review::apply(&base, &review, &analyzer.rules().weights);
    Some(Opened {
        name,
        path,
        base,
        review,
        applied,
        sidecar_problem,
    })
}
