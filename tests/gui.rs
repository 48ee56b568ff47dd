//! The window, driven headless with egui_kittest: the same `App` that
//! `main` runs, queried through its accessibility tree.

mod common;
use common::fixture;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sourcelight::app::{Dialog, SourcelightApp};

fn app() -> Harness<'static, SourcelightApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(|cc| SourcelightApp::new(cc, Vec::new()));
    harness.run();
    harness
}

/// Opens files the way the file dialog does and waits for them.
fn open(harness: &mut Harness<'static, SourcelightApp>, files: &[PathBuf]) {
    harness.state_mut().open_paths(files.to_vec());
    harness.state_mut().finish_loading();
    harness.run();
}

#[test]
fn sample_article_shows_at_start() {
    let harness = app();
    harness.get_by_label_contains("Chlorine fault at harbour plant");
    harness.get_by_label_contains("Paragraph 4, score 3:");
    assert_eq!(harness.state().articles.len(), 1);
}

#[test]
fn opened_fixture_shows_its_score_badges() {
    let mut harness = app();
    open(&mut harness, &[fixture("council.txt")]);
    assert_eq!(harness.state().articles.len(), 2);
    assert_eq!(
        harness.state().current_article().unwrap().name,
        "council.txt"
    );
    // Each badge says its score and its claims.
    harness.get_by_label("Paragraph 4, score 4: 2 anonymous claims, 1 retracted");
    harness.get_by_label("Paragraph 5, score 1: 1 unattributed claim");
    harness.get_by_label("Paragraph 1, score 0: no claims");
    harness.get_by_label("Paragraph 2, score 0: 2 named claims");
}

#[test]
fn clicking_a_paragraph_lists_its_claims_and_explanations() {
    let mut harness = app();
    harness
        .get_by_label_contains("City officials told the Gazette")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(9));
    harness.get_by_label_contains("Paragraph 10: score 1");
    harness.get_by_label_contains("'City officials' names no person or organisation");
}

#[test]
fn f8_moves_to_the_next_flagged_paragraph() {
    let mut harness = app();
    harness.key_press(egui::Key::F8);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(2));
    harness.key_press(egui::Key::F8);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(3));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(2));
}

#[test]
fn a_bad_file_shows_a_notice_and_the_rest_stay_open() {
    let mut harness = app();
    open(
        &mut harness,
        &[fixture("does-not-exist.txt"), fixture("wire-lines.txt")],
    );
    harness.get_by_label_contains("does-not-exist.txt: no such file");
    assert_eq!(harness.state().articles.len(), 2);
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.state().notices.is_empty());
    assert_eq!(harness.state().articles.len(), 2);
}

#[test]
fn retraction_link_jumps_to_the_paragraph_that_states_it() {
    let mut harness = app();
    harness
        .get_by_label_contains("Paragraph 4, score 3:")
        .click();
    harness.run();
    harness.get_by_label_contains("Retracted by").hover();
    harness.get_by_label("paragraph 6").click();
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(5));
}

#[test]
fn find_goes_to_the_paragraph_with_the_words() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find").type_text("retired");
    harness.run();
    harness.get_by_label("Next").click();
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(14));
    harness.get_by_label_contains("1 of 1 paragraphs");
}

#[test]
fn a_paragraph_with_hundreds_of_claims_shows_the_first_200_cards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-paragraph.txt");
    let sentence = "Officials said the ferry would not sail on Monday. ";
    std::fs::write(&path, sentence.repeat(250)).unwrap();
    let mut harness = app();
    open(&mut harness, &[path]);
    harness.state_mut().selected_paragraph = Some(0);
    harness.run();
    harness.get_by_label_contains("Paragraph 1: score 250 — 250 claims");
    harness.get_by_label_contains("Showing the first 200 of 250 claims");
}

#[test]
fn an_analysis_that_panics_becomes_a_notice_and_the_other_article_opens() {
    let dir = tempfile::tempdir().unwrap();
    let crash = dir.path().join("crash.txt");
    let other = dir.path().join("other.txt");
    std::fs::write(&crash, "Officials said the bridge was closed.").unwrap();
    std::fs::write(&other, "\"It is closed,\" said one official.").unwrap();
    sourcelight::desk::fail_analysis_of("crash.txt");
    let mut harness = app();
    open(&mut harness, &[crash, other]);
    harness.get_by_label_contains(
        "Sourcelight could not analyse crash.txt: an internal error (analysis made to fail",
    );
    assert_eq!(harness.state().current_article().unwrap().name, "other.txt");
    assert!(
        harness
            .state()
            .articles
            .iter()
            .all(|a| a.name != "crash.txt")
    );
    // Nothing is left loading: no progress entry, no spinner.
    assert_eq!(harness.state().loading(), 0);
    assert!(harness.state().jobs().is_empty());
    assert!(harness.query_by_role(Role::ProgressIndicator).is_none());
    assert!(harness.query_by_label_contains("Loading").is_none());
}

#[test]
fn new_text_boxes_take_the_keyboard() {
    let mut harness = app();
    // Paste as new article: the box has the focus, so typing (or Ctrl+V)
    // goes straight in.
    harness.state_mut().paste = Some(String::new());
    harness.run();
    harness.run();
    assert!(harness.get_by_role(Role::MultilineTextInput).is_focused());
    harness.event(egui::Event::Text("Officials said it rained.".into()));
    harness.run();
    assert_eq!(
        harness.state().paste.as_deref(),
        Some("Officials said it rained.")
    );
    harness.state_mut().paste = None;
    harness.run();

    // Add note: typing goes into the note.
    harness
        .get_by_label_contains("Paragraph 4, score 3:")
        .click();
    harness.run();
    harness.get_by_label("Add note").click();
    harness.run();
    harness.run();
    harness.event(egui::Event::Text("Ask who wrote the memo".into()));
    harness.run();
    assert_eq!(
        harness
            .state()
            .drafts
            .note
            .as_ref()
            .map(|(_, t)| t.as_str()),
        Some("Ask who wrote the memo")
    );
}

#[test]
fn the_keyboard_moves_between_paragraphs_goes_to_one_and_resets_zoom() {
    let mut harness = app();
    // Down from nothing selected: the first paragraph; then on, and back.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(0));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(2));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(1));

    // Ctrl+G, a number, Enter.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    harness.run();
    harness.run();
    harness.event(egui::Event::Text("12".into()));
    harness.run();
    // While the number is typed, arrows are the field's.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(1));
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(11));
    assert!(harness.state().goto.is_none());

    // Zoom scales the whole window; Ctrl+0 undoes it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    assert!(harness.state().settings.zoom > 1.0);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert_eq!(harness.state().settings.zoom, 1.0);
    assert_eq!(harness.ctx.zoom_factor(), 1.0);

    // Shift+F6 gives the keyboard back to the selected paragraph.
    harness.key_press(egui::Key::F6);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F6);
    harness.run();
    assert!(
        harness
            .get_by_label_contains("Paragraph 12, score")
            .is_focused()
    );
    // Enter on the badge goes on to the paragraph's decisions: here, with
    // no claim in paragraph 12, its note.
    assert!(
        harness
            .state()
            .current_article()
            .unwrap()
            .analysis
            .paragraphs[11]
            .claims
            .is_empty()
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.get_by_label("Add note").is_focused());
}

/// At 700 points wide the article keeps its room: the article list folds
/// into a picker in the summary bar, whose buttons wrap rather than
/// being cut off.
#[test]
fn a_narrow_window_folds_the_article_list_into_a_picker() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(700.0, 860.0))
        .build_eframe(|cc| SourcelightApp::new(cc, Vec::new()));
    harness.run();
    open(&mut harness, &[fixture("council.txt")]);
    assert!(harness.query_by_label("Articles").is_none());
    harness
        .get_by_role_and_label(Role::ComboBox, "Article")
        .click();
    harness.run();
    harness.get_by_label("Sample article  ·  score 10").click();
    harness.run();
    assert_eq!(harness.state().current, Some(0));
    harness.get_by_label("Next flagged");
    // The inspector folds away and comes back.
    harness
        .get_by_role_and_label(Role::Button, "Inspector")
        .click();
    harness.run();
    assert!(!harness.state().settings.show_inspector);
    harness.key_press(egui::Key::F6);
    harness.run();
    assert!(harness.state().settings.show_inspector);
}

#[test]
fn pasted_articles_are_numbered_from_one() {
    let mut harness = app();
    for text in ["Officials said it rained.", "Residents said it snowed."] {
        harness
            .state_mut()
            .apply(sourcelight::app::Action::PasteText(text.to_string()));
        harness.state_mut().finish_loading();
        harness.run();
    }
    let names: Vec<&str> = harness
        .state()
        .articles
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(names.contains(&"Pasted article 1"), "{names:?}");
    assert!(names.contains(&"Pasted article 2"), "{names:?}");
}

#[test]
fn the_heat_strip_names_the_flagged_paragraphs() {
    // Screen readers hear where the flagged paragraphs are, as the strip
    // shows them (the sample's scores: 3, 4, 5, 6, 8 and 10 are flagged).
    let harness = app();
    harness.get_by_label("Flagged paragraphs: 3, 4, 5, 6, 8, 10 — F8 to jump");
}

/// Open (paste), move between paragraphs, inspect and review with the
/// keyboard alone: no click anywhere.
#[test]
fn the_main_tasks_work_from_the_keyboard_alone() {
    use egui::{Key, Modifiers};
    let mut harness = app();
    // Open: the paste window takes the keyboard; Ctrl+Enter analyses.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    harness.run();
    harness.event(egui::Event::Text(
        "The depot opened in 1990.\n\nOfficials said the depot would close in May.".into(),
    ));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    // One frame: the analysis runs in the background (a spinner shows).
    harness.step();
    harness.state_mut().finish_loading();
    harness.run();
    assert_eq!(
        harness.state().current_article().unwrap().name,
        "Pasted article 1"
    );

    // Move: Down twice reaches the flagged paragraph; the inspector
    // describes it.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, Some(1));
    harness.get_by_label_contains("Paragraph 2: score 1");
    // The paragraph's badge has the keyboard: a screen reader reads it.
    assert!(
        harness
            .get_by_label("Paragraph 2, score 1: 1 anonymous claim")
            .is_focused()
    );

    // Review: F6 gives the first claim's decisions the keyboard; Tab
    // walks to the reason field, then to the button that dismisses the
    // flag.
    harness.key_press(Key::F6);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::ComboBox, "Kind")
            .is_focused()
    );
    for _ in 0..2 {
        harness.key_press(Key::Tab);
        harness.run();
    }
    harness.event(egui::Event::Text("the desk knows the source".into()));
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let claim = &harness
        .state()
        .current_article()
        .unwrap()
        .analysis
        .paragraphs[1]
        .claims[0];
    assert_eq!(
        claim.editor.as_ref().and_then(|e| e.dismissed.as_deref()),
        Some("the desk knows the source")
    );
    harness.get_by_label("Paragraph 2, score 0 (analyser 1): 1 anonymous claim, 1 flag dismissed");
}

/// What colour shows has words too: the chart, the strip and the legend
/// are named for screen readers, and both themes' hints use the checked
/// palette.
#[test]
fn the_chart_strip_and_legend_say_what_they_show() {
    let harness = app();
    harness.get_by_role_and_label(
        Role::Image,
        "Score per paragraph: 6 of 15 flagged (3, 4, 5, 6, 8, 10); the highest, 3, in paragraph 4",
    );
    harness.get_by_label_contains("Flagged paragraphs: 3, 4,");
    harness.get_by_label(
        "Sources: named (letter N), anonymous (letter A), unattributed (letter U), \
         retracted (struck through), reporting words (underlined)",
    );
    for (theme, colours) in [
        (egui::Theme::Light, sourcelight::palette::LIGHT),
        (egui::Theme::Dark, sourcelight::palette::DARK),
    ] {
        let w = colours.weak_text;
        assert_eq!(
            harness.ctx.style_of(theme).visuals.weak_text_color(),
            egui::Color32::from_rgb(w.0, w.1, w.2)
        );
    }
}

/// Runs frames until the window's own file chooser is open (the native
/// dialog answers first, on a thread: here there is none).
fn wait_for_chooser(harness: &mut Harness<'static, SourcelightApp>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().chooser.is_some() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the file chooser never opened");
}

/// Where the desktop shows no file dialog, export still works: the
/// window's own chooser opens in the article's folder with the report's
/// name, Enter saves, and a second save asks before replacing.
#[test]
fn export_works_from_the_keyboard_where_the_desktop_has_no_dialog() {
    use egui::{Key, Modifiers};
    // This drives the real native dialog first: on a desktop (a display
    // and maybe a portal) it would open one. CI and headless runs have
    // none, which is the case under test.
    if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        eprintln!("skipped: a display is set, a native dialog could open");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("council.txt");
    std::fs::copy(fixture("council.txt"), &article).unwrap();
    let mut harness = app();
    open(&mut harness, &[article]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    wait_for_chooser(&mut harness);
    harness.get_by_label_contains("This desktop showed no file dialog");
    harness.get_by_label("Export report");
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    harness.get_by_label(&format!("Folder: {}", folder.display()));
    // The file name has the keyboard, with the report's name in it.
    harness.key_press(Key::Enter);
    harness.run();
    let report = dir.path().join("council.txt.report.html");
    let html = std::fs::read_to_string(&report).expect("report written");
    assert!(html.contains("Paragraph 4, score 4: 2 anonymous claims, 1 retracted"));
    assert!(harness.state().chooser.is_none());

    // Again: no wait for a native dialog this time; the file exists.
    std::fs::write(&report, "old").unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.state().chooser.is_some());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(&format!(
        "{} exists. Replace it?",
        folder.join("council.txt.report.html").display()
    ));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old");
    harness.get_by_label("Replace").click();
    harness.run();
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

/// *Open path…*: a typed path completes with Tab, Enter enters a folder,
/// a click selects a file and Open opens it; files the filter does not
/// take are not listed.
#[test]
fn the_own_chooser_opens_a_typed_and_clicked_path() {
    use egui::Key;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    std::fs::copy(fixture("council.txt"), dir.path().join("desk/council.txt")).unwrap();
    std::fs::write(dir.path().join("desk/photo.jpg"), "x").unwrap();
    let mut harness = app();
    harness
        .state_mut()
        .apply(sourcelight::app::Action::OwnChooser(Dialog::OpenFiles));
    harness.run();
    // The path field has the keyboard.
    let base = std::fs::canonicalize(dir.path()).unwrap();
    harness.event(egui::Event::Text(format!("{}/de", base.display())));
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let completed = format!("{}/desk/", base.display());
    assert!(
        harness.get_all_by_value(&completed).next().is_some(),
        "Tab completed the folder"
    );
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(&format!("Folder: {}", base.join("desk").display()));
    assert!(
        harness.query_by_label("photo.jpg").is_none(),
        "filtered out"
    );
    // Keys in the chooser stay there: the article behind does not move.
    let selected = harness.state().selected_paragraph;
    harness.key_press(Key::Home);
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(harness.state().selected_paragraph, selected);
    harness.get_by_label("council.txt").click();
    harness.run();
    harness.get_by_label("Open").click();
    // One frame: the article loads in the background.
    harness.step();
    harness.state_mut().finish_loading();
    harness.run();
    assert!(harness.state().chooser.is_none());
    assert_eq!(
        harness.state().current_article().unwrap().name,
        "council.txt"
    );
}

/// Home and End go to the first and last paragraph; Page Down scrolls a
/// screen (the first paragraph's badge is no longer drawn), Page Up back.
#[test]
fn home_end_and_page_keys_move_through_a_long_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let paragraph = "Officials said the ferry would not sail on Monday because of the storm.";
    std::fs::write(&path, vec![paragraph; 200].join("\n\n")).unwrap();
    let mut harness = app();
    open(&mut harness, &[path]);
    harness.key_press(egui::Key::End);
    // Scrolling a long article settles over several frames.
    harness.run_steps(30);
    assert_eq!(harness.state().selected_paragraph, Some(199));
    harness.get_by_label_contains("Paragraph 200, score 1:");
    harness.key_press(egui::Key::Home);
    // Scrolling a long article settles over several frames.
    harness.run_steps(30);
    assert_eq!(harness.state().selected_paragraph, Some(0));
    harness.get_by_label_contains("Paragraph 1, score 1:");
    harness.key_press(egui::Key::PageDown);
    // Scrolling a long article settles over several frames.
    harness.run_steps(30);
    assert!(
        harness
            .query_by_label_contains("Paragraph 1, score 1:")
            .is_none()
    );
    harness.key_press(egui::Key::PageUp);
    // Scrolling a long article settles over several frames.
    harness.run_steps(30);
    harness.get_by_label_contains("Paragraph 1, score 1:");
}

/// Every open and save of the window works in its own chooser: each dialog
/// opens it with its title, Cancel closes it, and the saves write their
/// file where the chooser says.
#[test]
fn every_file_dialog_works_in_the_windows_own_chooser() {
    use sourcelight::app::Action;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("council.txt");
    std::fs::copy(fixture("council.txt"), &article).unwrap();
    let mut harness = app();
    open(&mut harness, &[article]);
    harness.state_mut().settings.own_file_chooser = true;
    for (dialog, title) in [
        (Dialog::OpenFiles, "Open articles"),
        (Dialog::OpenFolder, "Open a folder of articles"),
        (Dialog::RetractionList, "Load a retraction list"),
        (Dialog::Rules, "Use a house rules file"),
        (Dialog::OpenKey, "Open an exercise (answer key)"),
        (Dialog::Export, "Export report"),
        (Dialog::SaveMarks, "Save my marks"),
        (Dialog::MakeKey, "Write an answer key"),
    ] {
        harness.state_mut().apply(Action::Dialog(dialog));
        harness.run();
        harness.get_by_label(title);
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(harness.state().chooser.is_none(), "{title}: Cancel closes");
    }
    // Write answer key: the suggested name, in the article's folder.
    harness.state_mut().apply(Action::Dialog(Dialog::MakeKey));
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let key = std::fs::read_to_string(dir.path().join("council.txt.key.json")).unwrap();
    assert!(key.contains("sealed_answers"));
}

/// Types `path` into the chooser's Path field and presses Enter, then
/// waits for what it loads.
fn choose(harness: &mut Harness<'static, SourcelightApp>, dialog: Dialog, path: &std::path::Path) {
    harness
        .state_mut()
        .apply(sourcelight::app::Action::Dialog(dialog));
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.step();
    assert!(
        harness.state().chooser.is_none(),
        "{dialog:?} took {}",
        path.display()
    );
    // What was chosen may start more work (new rules analyse again).
    while harness.state().loading() > 0 {
        harness.state_mut().finish_loading();
        harness.step();
    }
    harness.run();
}

/// A window where the desktop has shown no file dialog (what the loader
/// concludes when rfd answers at once), with council.txt and harbour.txt in
/// a folder of a temporary directory.
fn without_native_dialogs() -> (tempfile::TempDir, PathBuf, Harness<'static, SourcelightApp>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("desk");
    std::fs::create_dir(&folder).unwrap();
    for name in ["council.txt", "harbour.txt"] {
        std::fs::copy(fixture(name), folder.join(name)).unwrap();
    }
    let mut harness = app();
    harness.state_mut().no_native_dialog = true;
    (dir, folder, harness)
}

// Each action of the File and Exercise menus completes through the
// window's own chooser, by typing a path and pressing Enter.

#[test]
fn open_completes_through_the_own_chooser() {
    let (_dir, folder, mut harness) = without_native_dialogs();
    choose(&mut harness, Dialog::OpenFiles, &folder.join("council.txt"));
    assert_eq!(
        harness.state().current_article().unwrap().name,
        "council.txt"
    );
}

#[test]
fn open_folder_completes_through_the_own_chooser() {
    let (_dir, folder, mut harness) = without_native_dialogs();
    choose(&mut harness, Dialog::OpenFolder, &folder);
    assert_eq!(
        harness.state().articles.len(),
        3,
        "the sample, council, harbour"
    );
}

#[test]
fn export_in_each_format_completes_through_the_own_chooser() {
    let (dir, folder, mut harness) = without_native_dialogs();
    choose(&mut harness, Dialog::OpenFiles, &folder.join("council.txt"));
    for (name, starts) in [
        ("report.html", "<!DOCTYPE html>"),
        ("report.md", "# "),
        ("report.csv", "file,"),
        ("report.json", "{"),
    ] {
        let out = dir.path().join(name);
        choose(&mut harness, Dialog::Export, &out);
        let written = std::fs::read_to_string(&out).unwrap_or_default();
        assert!(
            written.starts_with(starts),
            "{name}: {}",
            &written[..written.len().min(60)]
        );
    }
}

#[test]
fn load_list_completes_through_the_own_chooser() {
    let (_dir, _folder, mut harness) = without_native_dialogs();
    choose(
        &mut harness,
        Dialog::RetractionList,
        &fixture("retraction-watch.csv"),
    );
    harness.get_by_label_contains("Retraction list retraction-watch.csv loaded:");
}

#[test]
fn use_rules_completes_through_the_own_chooser() {
    let (dir, _folder, mut harness) = without_native_dialogs();
    let rules = dir.path().join("house.json");
    std::fs::write(&rules, sourcelight::analysis::Rules::builtin().to_json()).unwrap();
    choose(&mut harness, Dialog::Rules, &rules);
    assert_eq!(
        harness.state().settings.rules_path.as_deref(),
        Some(rules.as_path())
    );
}

#[test]
fn write_key_open_exercise_and_save_marks_complete_through_the_own_chooser() {
    let (dir, folder, mut harness) = without_native_dialogs();
    choose(&mut harness, Dialog::OpenFiles, &folder.join("council.txt"));
    let key = dir.path().join("council.key.json");
    choose(&mut harness, Dialog::MakeKey, &key);
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .contains("sealed_answers")
    );
    choose(&mut harness, Dialog::OpenKey, &key);
    assert!(common::in_exercise(&harness));
    let marks = dir.path().join("my.marks.json");
    choose(&mut harness, Dialog::SaveMarks, &marks);
    assert!(
        std::fs::read_to_string(&marks)
            .unwrap()
            .contains("sourcelight-submission")
    );
}

/// Tab walks the window in reading order: the article list, then the
/// article's badges (one stop a paragraph), then the inspector.
#[test]
fn tab_goes_article_list_then_article_then_inspector() {
    let mut harness = app();
    open(&mut harness, &[fixture("council.txt")]);
    harness.state_mut().selected_paragraph = Some(3);
    harness.key_press(egui::Key::Escape);
    harness.run();
    let mut order: Vec<String> = Vec::new();
    for _ in 0..60 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let focused = harness
            .root()
            .query_all(egui_kittest::kittest::by())
            .find(|n| n.is_focused())
            .map(|n| format!("{n:?}"))
            .unwrap_or_default();
        order.push(focused);
    }
    let first = |what: &str| {
        order
            .iter()
            .position(|f| f.contains(what))
            .unwrap_or_else(|| panic!("Tab never reached {what}"))
    };
    let list = first("council.txt  ·  score 7");
    let article = first("Paragraph 1, score 0: no claims");
    let inspector = first("Add note");
    assert!(
        list < article && article < inspector,
        "{list} {article} {inspector}"
    );
    // One stop a paragraph: the seventh badge is six Tabs after the first.
    assert!(order[article + 6].contains("Paragraph 7, score 0"));
}
