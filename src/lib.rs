//! Sourcelight: how many claims in a news article rest on anonymous or
//! retracted sources, paragraph by paragraph.
//!
//! - [`document`] loads articles (.txt, .md, .html, .docx) into paragraphs;
//! - [`analysis`] finds claims and sources and scores paragraphs (pure: no
//!   files, no UI);
//! - [`report`] writes results as JSON, text, CSV or Markdown;
//! - the `sourcelight` binary is the command line and the window.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod atomic;
pub mod classroom;
pub mod desk;
pub mod document;
pub mod generate;
pub mod palette;
pub mod report;
pub mod retraction_lists;
pub mod review;
pub mod sidecar;
