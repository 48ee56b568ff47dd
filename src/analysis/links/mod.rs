//! Flags that reach across the article: each file finds its events and
//! links them to the claims they concern.
//!
//! - [`retraction`]: material withdrawn by its author (a story pulled, a
//!   statement withdrawn, a paper retracted, testimony recanted) makes
//!   every claim resting on it retracted, before or after;
//! - [`dispute`]: a denial by another party marks what it denies disputed;
//! - [`unconfirmed`]: "could not be independently verified" marks the
//!   claims it follows;
//! - [`anonymity`]: whether the text says why an anonymous person is
//!   unnamed.
//!
//! Events are found while paragraphs are resolved ([`super::resolve`]),
//! so that the items they name ("the memo", "it") are followed back —
//! and forward — like any source; they are linked once every paragraph
//! is resolved.

pub mod anonymity;
pub mod dispute;
pub mod retraction;
pub mod unconfirmed;

/// Most events linked in one article. Real articles have a handful; the
/// cap keeps hostile input (thousands of "retracted") from costing time
/// in the square of its length.
pub const MAX_EVENTS: usize = 500;

use super::lexicon::ListId;
use super::reading::Paragraph;
use super::resolve::Draft;

/// Whether a claim is its source publishing something ("the Ledger
/// reported", "published a story saying"): what "the report" or "the
/// story" can later mean with no mention of it before.
pub fn published(paras: &[Paragraph], publish: ListId, d: &Draft) -> bool {
    let p = &paras[d.paragraph];
    p.entry_at(d.cue.start, publish).is_some()
        || p.chunks
            .vg_at(d.cue.start)
            .is_some_and(|v| p.has(p.chunks.vgs[v].main, publish))
}
