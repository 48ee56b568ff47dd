//! A whole classroom exercise in the window, driven with egui_kittest: open
//! a fixture answer key, mark two sources by clicking their words, check,
//! and see the counts and the mark; nothing of the analysis shows before.

mod common;
use common::close_current;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sourcelight::app::SourcelightApp;

fn key() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classroom/council-key.json")
}

/// The window with the fixture key opened as an exercise.
fn exercise() -> Harness<'static, SourcelightApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(|cc| SourcelightApp::new(cc, Vec::new()));
    harness.run();
    harness.state_mut().open_key(key());
    harness.state_mut().finish_loading();
    harness.run();
    harness
}

fn click(harness: &mut Harness<'static, SourcelightApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Paragraph 4: marks "A former plant worker" as anonymous and retracted.
fn mark_former_worker(harness: &mut Harness<'static, SourcelightApp>) {
    click(harness, "Paragraph 4");
    click(harness, "A");
    click(harness, "worker");
    click(harness, "anonymous");
    click(harness, "Retracted");
    click(harness, "Mark as source");
}

#[test]
fn a_whole_exercise_on_a_fixture_key() {
    let mut harness = exercise();
    let article = harness.state().current_article().unwrap();
    assert!(article.exercise.is_some());
    assert_eq!(article.name, "council.txt (exercise)");
    // The analysis is hidden: no score badges, no flagged share.
    assert!(
        harness
            .query_by_label_contains("Paragraph 2, score 2:")
            .is_none()
    );
    assert!(harness.query_by_label_contains("score 4").is_none());

    // Paragraph 2: "Councillor Ruth Adeyemi", named.
    click(&mut harness, "Paragraph 2");
    click(&mut harness, "Councillor");
    click(&mut harness, "Adeyemi");
    click(&mut harness, "named");
    click(&mut harness, "Mark as source");
    // Paragraph 4: "A former plant worker", anonymous and retracted.
    mark_former_worker(&mut harness);
    let marks = &harness
        .state()
        .current_article()
        .unwrap()
        .exercise
        .as_ref()
        .unwrap()
        .marks;
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[0].text, "Councillor Ruth Adeyemi");
    assert_eq!(marks[1].text, "A former plant worker");

    click(&mut harness, "Check my work");
    harness.get_by_label("Matched 2, missed 5, wrong 0");
    harness.get_by_label("Mark: 44 / 100"); // precision 1, recall 2/7
    // The paragraphs turn green (all found) or red (none found).
    harness.get_by_label("Paragraph 2 partly found"); // "She" in ¶2 still missed
    harness.get_by_label("Paragraph 6 not found");
}

#[test]
fn marks_are_saved_as_a_submission_that_grades() {
    let mut harness = exercise();
    click(&mut harness, "Paragraph 5");
    click(&mut harness, "Reports");
    click(&mut harness, "say");
    click(&mut harness, "unattributed");
    click(&mut harness, "Mark as source");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("student.json");
    harness
        .state_mut()
        .apply(sourcelight::app::Action::SaveMarksTo(out.clone()));
    let s = sourcelight::classroom::Submission::parse(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(s.marks.len(), 1);
    let k = sourcelight::classroom::AnswerKey::parse(&std::fs::read(key()).unwrap()).unwrap();
    let g = sourcelight::classroom::grade(&k, &s.marks);
    assert_eq!((g.matched, g.missed, g.wrong), (1, 6, 0));
}

#[test]
fn a_student_cannot_leave_an_exercise_opened_from_a_key() {
    let mut harness = exercise();
    assert!(harness.query_by_label("Leave exercise mode").is_none());
    harness
        .state_mut()
        .apply(sourcelight::app::Action::ToggleExercise);
    harness.run();
    assert!(common::in_exercise(&harness));
    // The sample article, by contrast, goes in and out.
    harness
        .state_mut()
        .apply(sourcelight::app::Action::SelectArticle(0));
    harness
        .state_mut()
        .apply(sourcelight::app::Action::ToggleExercise);
    harness.run();
    harness.get_by_label("Leave exercise mode").click();
    harness.run();
    assert!(!common::in_exercise(&harness));
}

#[test]
fn closing_an_exercise_with_unsaved_marks_asks_first() {
    let mut harness = exercise();
    click(&mut harness, "Paragraph 2");
    click(&mut harness, "Councillor");
    click(&mut harness, "Adeyemi");
    click(&mut harness, "Mark as source");
    let (count, _) = close_current(&mut harness);
    harness.get_by_label_contains("Your marks on council.txt (exercise) are not saved");
    // Cancel keeps the exercise and its mark.
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().articles.len(), count);
    let ex = harness
        .state()
        .current_article()
        .unwrap()
        .exercise
        .as_ref()
        .unwrap();
    assert_eq!(ex.marks.len(), 1);
    // Closing the window asks too.
    assert!(harness.state().any_unsaved());
    // Discard closes it.
    close_current(&mut harness);
    click(&mut harness, "Discard");
    assert_eq!(harness.state().articles.len(), count - 1);
}

#[test]
fn retracted_is_for_one_mark_and_the_bar_says_when_work_is_checked() {
    let mut harness = exercise();
    mark_former_worker(&mut harness);
    let ex = harness
        .state()
        .current_article()
        .unwrap()
        .exercise
        .as_ref()
        .unwrap();
    assert!(ex.marks[0].retracted);
    assert!(!ex.retracted, "the next mark starts unticked");
    harness.get_by_label_contains("The analysis is hidden until you check your work");
    click(&mut harness, "Check my work");
    harness.get_by_label_contains("1 mark, checked: the result is beside the article");
    assert!(
        harness
            .query_by_label_contains("hidden until you check")
            .is_none()
    );
}
