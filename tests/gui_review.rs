//! The editor's review in the window, driven with egui_kittest: decisions
//! change scores at once, are saved beside the article and restored, undo
//! and redo, a corrupt sidecar is left alone, and nothing unsaved is lost
//! without asking. The article file itself is never written.

mod common;
use common::{close_current, fixture};

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sourcelight::analysis::SourceKind;
use sourcelight::app::SourcelightApp;
use sourcelight::sidecar;

/// A copy of the council fixture in a fresh folder.
fn article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("council.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/council.txt"),
        &path,
    )
    .unwrap();
    (dir, path)
}

fn app_with(path: &Path) -> Harness<'static, SourcelightApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(|cc| SourcelightApp::new(cc, Vec::new()));
    harness.run();
    harness.state_mut().open_paths(vec![path.to_path_buf()]);
    harness.state_mut().finish_loading();
    harness.run();
    harness
}

/// A copy of the council fixture open in the window with paragraph 5
/// selected.
fn reviewing_paragraph_5() -> (tempfile::TempDir, PathBuf, Harness<'static, SourcelightApp>) {
    let (dir, path) = article();
    let mut harness = app_with(&path);
    select_paragraph_5(&mut harness);
    (dir, path, harness)
}

/// Paragraph 5 of the council fixture has one flagged (unattributed) claim.
fn select_paragraph_5(harness: &mut Harness<'static, SourcelightApp>) {
    harness
        .get_by_label_contains("Paragraph 5, score 1:")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(4));
}

/// Types `reason` into the reason field of every claim of paragraph `p`
/// (the fields' text, as typing leaves it).
fn give_reason(harness: &mut Harness<'static, SourcelightApp>, p: usize, reason: &str) {
    let claims = harness
        .state()
        .current_article()
        .unwrap()
        .analysis
        .paragraphs[p]
        .claims
        .len();
    for c in 0..claims {
        harness
            .state_mut()
            .drafts
            .dismiss
            .insert((p, c), reason.to_string());
    }
    harness.run();
}

fn score_5(harness: &Harness<'static, SourcelightApp>) -> u32 {
    harness
        .state()
        .current_article()
        .unwrap()
        .analysis
        .paragraphs[4]
        .score
}

#[test]
fn reclassify_saves_beside_the_article_and_reopening_restores_it() {
    let (_dir, path) = article();
    let bytes = std::fs::read(&path).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut harness = app_with(&path);
    select_paragraph_5(&mut harness);

    harness.get_by_label("Kind").click();
    harness.run();
    harness.get_by_label("named").click();
    harness.run();
    assert_eq!(score_5(&harness), 0);
    harness.get_by_label("Paragraph 5, score 0 (analyser 1): 1 named claim");
    harness.get_by_label("(analyser: unattributed)");
    assert!(harness.state().current_article().unwrap().unsaved());
    harness.get_by_label_contains("* council.txt");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().current_article().unwrap().unsaved());
    let saved = sidecar::load(&path).unwrap().expect("sidecar written");
    assert_eq!(saved.decisions.len(), 1);

    // Close and open again: the decision is back.
    let i = harness.state().current.unwrap();
    harness
        .state_mut()
        .apply(sourcelight::app::Action::CloseArticle(i));
    harness.run();
    assert!(harness.state().closing.is_none(), "saved: no question");
    harness.state_mut().open_paths(vec![path.clone()]);
    harness.state_mut().finish_loading();
    harness.run();
    let a = harness.state().current_article().unwrap();
    let p = &a.analysis.paragraphs[4];
    assert_eq!((p.score, p.analyser_score), (0, Some(1)));
    assert_eq!(p.claims[0].kind, SourceKind::Named);
    harness.get_by_label("Paragraph 5, score 0 (analyser 1): 1 named claim");

    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "article bytes untouched"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn dismiss_then_undo_and_redo() {
    let (_dir, _path, mut harness) = reviewing_paragraph_5();
    give_reason(&mut harness, 4, "known to the desk");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    assert_eq!(score_5(&harness), 0);
    harness.get_by_label_contains("Flag dismissed: known to the desk");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(score_5(&harness), 1);
    assert!(!harness.state().current_article().unwrap().unsaved());

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(score_5(&harness), 0);
}

#[test]
fn a_corrupt_sidecar_is_reported_and_never_overwritten() {
    let (_dir, path) = article();
    let side = sidecar::path_for(&path);
    std::fs::write(&side, b"{ this is not json").unwrap();
    let mut harness = app_with(&path);
    harness.get_by_label_contains("council.txt.sourcelight.json: review file is not valid");
    select_paragraph_5(&mut harness);
    give_reason(&mut harness, 4, "known to the desk");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label_contains("Not saved:");
    assert_eq!(std::fs::read(&side).unwrap(), b"{ this is not json");
}

#[test]
fn closing_with_unsaved_decisions_asks_first() {
    let (_dir, path, mut harness) = reviewing_paragraph_5();
    give_reason(&mut harness, 4, "known to the desk");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    let (count, _) = close_current(&mut harness);
    harness.get_by_label_contains("are not saved");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().articles.len(),
        count,
        "cancel keeps it open"
    );

    close_current(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().articles.len(), count - 1);
    assert_eq!(
        sidecar::load(&path).unwrap().unwrap().decisions.len(),
        1,
        "Save wrote the decision before closing"
    );
}

#[test]
fn export_writes_a_report_with_the_windows_numbers() {
    let (dir, _path, mut harness) = reviewing_paragraph_5();
    give_reason(&mut harness, 4, "known to the desk");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    let out = dir.path().join("council-report.html");
    harness
        .state_mut()
        .apply(sourcelight::app::Action::ExportTo(out.clone()));
    let html = std::fs::read_to_string(&out).unwrap();
    let score = harness
        .state()
        .current_article()
        .unwrap()
        .analysis
        .summary
        .score;
    assert!(html.contains(
        "title=\"Paragraph 5, score 0 (analyser 1): 1 unattributed claim, 1 flag dismissed\""
    ));
    assert!(html.contains(&format!("<td>{score} (analyser")));
}

#[test]
fn a_retraction_list_marks_the_cited_study_and_the_inspector_shows_the_entry() {
    let mut harness = app_with(&fixture("harbour.txt"));
    assert_eq!(score(&harness, 2), 0);
    harness
        .state_mut()
        .load_retraction_list(fixture("retraction-watch.csv"));
    harness.state_mut().finish_loading(); // the list
    harness.state_mut().finish_loading(); // the articles, analysed again
    harness.run();
    harness.get_by_label_contains("Retraction list retraction-watch.csv loaded:");
    assert_eq!(score(&harness, 2), 2);
    harness
        .get_by_label_contains("Paragraph 3, score 2:")
        .click();
    harness.run();
    harness.get_by_label_contains("Listed in retraction-watch.csv");
    harness.get_by_label_contains("Falsification/Fabrication of Data");
}

fn score(harness: &Harness<'static, SourcelightApp>, paragraph: usize) -> u32 {
    harness
        .state()
        .current_article()
        .unwrap()
        .analysis
        .paragraphs[paragraph]
        .score
}

#[test]
fn a_broken_house_rules_file_is_reported_and_the_rules_stay() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("house.json");
    std::fs::write(&bad, br#"{"version": 1, "weights": {"anonymous": "two"}}"#).unwrap();
    let (_d, path) = article();
    let mut harness = app_with(&path);
    let before = score_5(&harness);
    harness
        .state_mut()
        .apply(sourcelight::app::Action::UseRules(Some(bad.clone())));
    harness.state_mut().finish_loading();
    harness.run();
    harness.get_by_label_contains("house.json");
    harness.get_by_label_contains("weights.anonymous");
    assert_eq!(harness.state().settings.rules_path, None);
    assert_eq!(score_5(&harness), before);

    // A good house file with a heavier anonymous weight: scores follow.
    let mut rules = sourcelight::analysis::Rules::builtin();
    rules.weights.anonymous = 5;
    let good = dir.path().join("heavy.json");
    std::fs::write(&good, rules.to_json()).unwrap();
    harness
        .state_mut()
        .apply(sourcelight::app::Action::UseRules(Some(good.clone())));
    harness.state_mut().finish_loading(); // the rules
    harness.state_mut().finish_loading(); // the articles, analysed again
    harness.run();
    assert_eq!(harness.state().settings.rules_path, Some(good));
    assert_eq!(score_5(&harness), 5);
}

#[test]
fn opening_a_folder_opens_each_article_in_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["council.txt", "harbour.txt", "ferry.md"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("council.txt.sourcelight.json"), b"{}").unwrap();
    let mut harness = app_with(&fixture("harbour.txt"));
    let before = harness.state().articles.len();
    harness.state_mut().open_folder(dir.path());
    harness.state_mut().finish_loading();
    harness.run();
    assert_eq!(harness.state().articles.len(), before + 3);
}

#[test]
fn a_typed_reason_is_kept_when_the_paragraph_has_several_flagged_claims() {
    let (_dir, path) = article();
    let mut harness = app_with(&path);
    // Paragraph 4: two anonymous claims, so two reason fields.
    harness
        .get_by_label_contains("Paragraph 4, score 4:")
        .click();
    harness.run();
    let fields: Vec<_> = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .collect();
    assert!(fields.len() >= 2, "one reason field per flagged claim");
    fields[fields.len() - 2].click();
    harness.run();
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .nth(fields_len(&harness) - 2)
        .unwrap()
        .type_text("testified on the record");
    harness.run();
    harness
        .get_all_by_label("Dismiss flag")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label_contains("Flag dismissed: testified on the record");
}

fn fields_len(harness: &Harness<'static, SourcelightApp>) -> usize {
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .count()
}

#[test]
fn a_flag_is_not_dismissed_without_a_reason() {
    let (_dir, _path, mut harness) = reviewing_paragraph_5();
    // The button waits for a reason: clicking it does nothing.
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    assert_eq!(score_5(&harness), 1);
    assert!(!harness.state().current_article().unwrap().unsaved());
    // Spaces are no reason either.
    give_reason(&mut harness, 4, "   ");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    assert_eq!(score_5(&harness), 1);
    give_reason(&mut harness, 4, "named in the court filing");
    harness.get_by_label("Dismiss flag").click();
    harness.run();
    assert_eq!(score_5(&harness), 0);
    harness.get_by_label_contains("Flag dismissed: named in the court filing");
}

#[test]
fn opening_an_open_file_again_selects_its_one_entry() {
    let (dir, path) = article();
    let mut harness = app_with(&path);
    let other = dir.path().join("harbour.txt");
    std::fs::copy(fixture("harbour.txt"), &other).unwrap();
    harness.state_mut().open_paths(vec![other.clone()]);
    harness.state_mut().finish_loading();
    harness.run();
    let count = harness.state().articles.len();
    assert!(
        harness
            .state()
            .current_article()
            .unwrap()
            .name
            .contains("harbour")
    );
    // The council article again: by the same path, by another spelling
    // of it, and twice in one request.
    let again = dir.path().join(".").join("council.txt");
    harness
        .state_mut()
        .open_paths(vec![path.clone(), again, path.clone()]);
    harness.state_mut().finish_loading();
    harness.run();
    assert_eq!(harness.state().articles.len(), count, "no second entry");
    assert!(
        harness
            .state()
            .current_article()
            .unwrap()
            .name
            .contains("council")
    );
    // A new file named twice in one request: loaded, one entry.
    let ferry = dir.path().join("ferry.md");
    std::fs::copy(fixture("ferry.md"), &ferry).unwrap();
    harness
        .state_mut()
        .open_paths(vec![ferry.clone(), ferry.clone()]);
    harness.state_mut().finish_loading();
    harness.run();
    assert_eq!(harness.state().articles.len(), count + 1);
    assert!(
        harness
            .state()
            .current_article()
            .unwrap()
            .name
            .contains("ferry")
    );
}

#[test]
fn closing_with_a_typed_note_asks_and_save_keeps_it() {
    let (_dir, path, mut harness) = reviewing_paragraph_5();
    harness.get_by_label("Add note").click();
    harness.run();
    harness.run();
    harness.event(egui::Event::Text("Who else saw the memo?".into()));
    harness.run();
    let (count, _) = close_current(&mut harness);
    harness.get_by_label_contains("Your note on paragraph 5 of council.txt is not saved");
    // The note editor has a Cancel of its own; the question's is drawn last.
    harness.get_all_by_label("Cancel").last().unwrap().click();
    harness.run();
    assert_eq!(harness.state().articles.len(), count);
    assert!(
        harness.state().drafts.note.is_some(),
        "the typed note is kept"
    );

    close_current(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().articles.len(), count - 1);
    let saved = sidecar::load(&path).unwrap().unwrap();
    let json = serde_json::to_string(&saved.notes).unwrap();
    assert!(json.contains("Who else saw the memo?"), "{json}");
}
