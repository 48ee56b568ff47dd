//! Helpers shared by the integration tests (each test file is its own
//! crate and uses some of them, hence the allowance below).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A file in `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The `sourcelight` binary this crate built.
pub fn sourcelight() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sourcelight").unwrap()
}

/// What `sourcelight analyze --format json FILE...` prints; it must succeed.
pub fn analyze_json(files: &[&Path]) -> String {
    let out = sourcelight()
        .args(["analyze", "--format", "json"])
        .args(files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// In the window under egui_kittest: asks to close the current article, as
/// its `x` does; returns how many articles were open before, and its index.
#[cfg(feature = "gui")]
pub fn close_current(
    harness: &mut egui_kittest::Harness<'static, sourcelight::app::SourcelightApp>,
) -> (usize, usize) {
    let (count, i) = (
        harness.state().articles.len(),
        harness.state().current.unwrap(),
    );
    harness
        .state_mut()
        .apply(sourcelight::app::Action::CloseArticle(i));
    harness.run();
    (count, i)
}

/// In the window under egui_kittest: whether the current article is an
/// exercise.
#[cfg(feature = "gui")]
pub fn in_exercise(
    harness: &egui_kittest::Harness<'static, sourcelight::app::SourcelightApp>,
) -> bool {
    harness
        .state()
        .current_article()
        .is_some_and(|a| a.exercise.is_some())
}
