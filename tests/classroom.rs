//! `sourcelight key` and `sourcelight grade` on the classroom fixtures:
//! a perfect, an empty, a partial and a malformed submission, a key graded
//! against itself, and a file from a newer format.

mod common;
use common::{fixture, sourcelight};

use std::path::PathBuf;

use predicates::prelude::*;
use sourcelight::classroom::AnswerKey;

fn classroom(name: &str) -> PathBuf {
    fixture("classroom").join(name)
}

fn rows(stdout: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(stdout);
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "student",
            "matched",
            "missed",
            "wrong",
            "precision",
            "recall",
            "mark"
        ]
    );
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn key_holds_the_article_and_every_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("key.json");
    sourcelight()
        .args(["key"])
        .arg(fixture("council.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("answer key with 7 sources"));
    let key = AnswerKey::parse(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(key.paragraphs.len(), 7);
    assert!(key.show_explanations);
    assert!(
        key.answers
            .iter()
            .any(|a| a.text == "A former plant worker" && a.retracted)
    );
    // The fixture key in the repository is what `key` writes today.
    let fixture_key =
        AnswerKey::parse(&std::fs::read(classroom("council-key.json")).unwrap()).unwrap();
    assert_eq!(fixture_key.answers, key.answers);
}

/// The key students get shows no answer in a text editor; the teacher's
/// copy shows them all, and both are the same key to Sourcelight.
#[test]
fn the_students_key_is_sealed_and_the_teachers_copy_readable() {
    let dir = tempfile::tempdir().unwrap();
    let (sealed, readable) = (dir.path().join("key.json"), dir.path().join("teacher.json"));
    sourcelight()
        .args(["key"])
        .arg(fixture("council.txt"))
        .arg("-o")
        .arg(&sealed)
        .arg("--teacher-copy")
        .arg(&readable)
        .assert()
        .success();
    let students = std::fs::read_to_string(&sealed).unwrap();
    let teachers = std::fs::read_to_string(&readable).unwrap();
    for answer in ["\"anonymous\"", "\"text\": \"A former plant worker\""] {
        assert!(
            !students.contains(answer),
            "{answer} readable in the students' key"
        );
        assert!(
            teachers.contains(answer),
            "{answer} missing from the teacher's copy"
        );
    }
    assert_eq!(
        AnswerKey::parse(students.as_bytes()).unwrap(),
        AnswerKey::parse(teachers.as_bytes()).unwrap()
    );
}

#[test]
fn key_includes_the_editors_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("council.txt");
    std::fs::copy(fixture("council.txt"), &article).unwrap();
    let analysis = sourcelight::desk::open(&article, &Default::default(), &[], false)
        .unwrap()
        .base;
    let mut review = sourcelight::review::Review::default();
    review.decide(
        sourcelight::review::ClaimAnchor::of(3, &analysis.paragraphs[3].claims[0]),
        sourcelight::review::Change::Kind {
            kind: sourcelight::analysis::SourceKind::Named,
        },
    );
    sourcelight::sidecar::save(&article, &review).unwrap();
    let out = dir.path().join("key.json");
    sourcelight()
        .arg("key")
        .arg(&article)
        .args(["--no-explanations", "-o"])
        .arg(&out)
        .assert()
        .success();
    let key = AnswerKey::parse(&std::fs::read(&out).unwrap()).unwrap();
    assert!(!key.show_explanations);
    let worker = key.answers.iter().find(|a| a.paragraph == 3).unwrap();
    assert_eq!(worker.kind, sourcelight::analysis::SourceKind::Named);
}

#[test]
fn grade_perfect_empty_partial_and_the_key_itself() {
    let out = sourcelight()
        .arg("grade")
        .arg(classroom("council-key.json"))
        .arg(classroom("perfect.json"))
        .arg(classroom("empty.json"))
        .arg(classroom("partial.json"))
        .arg(classroom("council-key.json"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = rows(&out);
    let marks: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str(), r[3].as_str(), r[6].as_str()))
        .collect();
    assert_eq!(
        marks,
        [
            ("7", "0", "0", "100"), // perfect
            ("0", "7", "0", "0"),   // empty
            ("2", "4", "2", "36"),  // partial: P 2/4, R 2/7
            ("7", "0", "0", "100"), // the key graded against itself
        ]
    );
    assert!(rows[0][0].ends_with("perfect.json"));
}

#[test]
fn a_malformed_submission_is_named_and_the_others_are_graded() {
    let out = sourcelight()
        .arg("grade")
        .arg(classroom("council-key.json"))
        .arg(classroom("malformed.json"))
        .arg(classroom("perfect.json"))
        .arg(classroom("future-version.json"))
        .arg("/no/such/student.json")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "malformed.json: not a usable submission",
        ))
        .stderr(predicate::str::contains(
            "future-version.json: not a usable submission: format version 2 is newer",
        ))
        .stderr(predicate::str::contains("/no/such/student.json"))
        .get_output()
        .stdout
        .clone();
    let rows = rows(&out);
    assert_eq!(rows.len(), 1);
    assert!(rows[0][0].ends_with("perfect.json"));
}

#[test]
fn a_bad_key_is_an_error_naming_it() {
    sourcelight()
        .arg("grade")
        .arg(classroom("perfect.json"))
        .arg(classroom("perfect.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "perfect.json: not a usable answer key",
        ));
}

#[test]
fn marks_made_on_another_article_are_refused_naming_the_file() {
    // Marks saved on a different article (here: the perfect marks moved to
    // other words, and one beyond the article's end) are not graded as if
    // they were misses; the file is named with the reason, the rest graded.
    let perfect = std::fs::read_to_string(classroom("perfect.json")).unwrap();
    let mut other: serde_json::Value = serde_json::from_str(&perfect).unwrap();
    other["marks"][0]["text"] = "Someone else entirely".into();
    let mut beyond: serde_json::Value = serde_json::from_str(&perfect).unwrap();
    beyond["marks"][0]["paragraph"] = 11.into();
    let dir = tempfile::tempdir().unwrap();
    let (other_path, beyond_path) = (
        dir.path().join("other.json"),
        dir.path().join("beyond.json"),
    );
    std::fs::write(&other_path, other.to_string()).unwrap();
    std::fs::write(&beyond_path, beyond.to_string()).unwrap();
    let out = sourcelight()
        .arg("grade")
        .arg(classroom("council-key.json"))
        .arg(&other_path)
        .arg(classroom("perfect.json"))
        .arg(&beyond_path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "other.json: marks made on another article than the key's: mark 1 (\"Someone else entirely\") is not in paragraph",
        ))
        .stderr(predicate::str::contains(
            "beyond.json: marks made on another article than the key's: mark 1 is in paragraph 12, and the key's article has 7",
        ))
        .get_output()
        .stdout
        .clone();
    let rows = rows(&out);
    assert_eq!(rows.len(), 1);
    assert!(rows[0][0].ends_with("perfect.json"));
}
