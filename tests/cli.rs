//! The command line as users run it: each format, many files, bad input.

mod common;
use common::{analyze_json, fixture, sourcelight};

use std::path::PathBuf;

use predicates::prelude::*;

#[test]
fn json_is_one_object_per_file_per_line() {
    let text = analyze_json(&[&fixture("council.txt"), &fixture("ferry.md")]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert!(first["file"].as_str().unwrap().ends_with("council.txt"));
    assert_eq!(first["summary"]["paragraphs"], 7);
    let paragraphs = first["paragraphs"].as_array().unwrap();
    let claims: usize = paragraphs
        .iter()
        .map(|p| p["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(first["summary"]["claims"], claims);
    let claim = &paragraphs[1]["claims"][0];
    for key in [
        "cue",
        "source",
        "speaker",
        "kind",
        "retracted",
        "unconfirmed",
        "disputed",
        "anonymity_reason",
        "rule",
        "explanation",
    ] {
        assert!(claim.get(key).is_some(), "missing {key}");
    }
    assert_eq!(claim["source"]["text"], "Councillor Ruth Adeyemi");
}

/// Every object is written with its keys in alphabetical order, policy
/// checklists and decisions that no longer fit included.
#[test]
fn json_keys_are_alphabetical_and_carry_policy_and_unplaced_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("council.txt");
    std::fs::copy(fixture("council.txt"), &article).unwrap();
    // A note on a paragraph the article no longer has.
    std::fs::write(
        dir.path().join("council.txt.sourcelight.json"),
        r#"{"version": 1, "notes": [{"paragraph": 0,
            "paragraph_text": "A paragraph since cut.", "text": "Ask the desk."}]}"#,
    )
    .unwrap();
    let line = analyze_json(&[&article]);
    // First occurrences: "paragraphs" is also a key of the summary.
    let at = |key: &str| line.find(&format!("\"{key}\":")).expect(key);
    assert!(at("file") < at("paragraphs") && at("paragraphs") < at("summary"));
    assert!(at("summary") < at("unplaced"));
    // A claim's checklist comes after its "kind_rule", and each check's
    // keys are in order too.
    let policy = at("policy");
    assert!(line[..policy].rfind("\"kind_rule\":").unwrap() > policy - 80);
    assert!(line[policy..].starts_with("\"policy\":[{\"id\":"));
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(value["unplaced"][0]["decision"], "Note: Ask the desk.");
    assert_eq!(value["unplaced"][0]["paragraph"], 1);
}

#[test]
fn pretty_json_is_indented() {
    sourcelight()
        .args(["analyze", "--pretty"])
        .arg(fixture("wire-lines.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\n  \"summary\": {"));
}

#[test]
fn text_report_lists_flagged_claims_with_explanations() {
    sourcelight()
        .args(["analyze", "--format", "text"])
        .arg(fixture("council.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("RETRACTED"))
        .stdout(predicate::str::contains("[source.anonymous-descriptor]"));
}

#[test]
fn csv_has_a_header_and_a_row_per_claim() {
    let out = sourcelight()
        .args(["analyze", "--format", "csv"])
        .arg(fixture("wire-lines.txt"))
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "file");
    assert_eq!(&headers[3], "cue");
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][6], "anonymous");
}

#[test]
fn markdown_report() {
    sourcelight()
        .args(["analyze", "--format", "md"])
        .arg(fixture("council.txt"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Sourcing review:"))
        .stdout(predicate::str::contains("**retracted**"));
}

#[test]
fn each_bad_input_exits_2_and_names_the_file_while_others_print() {
    let bad = [
        "image.txt",
        "not-a-zip.docx",
        "missing-document.docx",
        "does-not-exist.txt",
    ];
    for name in bad {
        sourcelight()
            .args(["analyze", "--format", "json"])
            .arg(fixture(name))
            .arg(fixture("wire-lines.txt"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(name))
            .stdout(predicate::str::contains("wire-lines.txt"));
    }
    sourcelight()
        .arg("analyze")
        .arg(fixture(""))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("folder"));
}

#[test]
fn empty_file_is_an_empty_article() {
    sourcelight()
        .arg("analyze")
        .arg(fixture("empty.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"paragraphs\":0"));
}

/// A house rules file: the built-in rules with one replacement.
fn house_rules(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("house.json");
    let text = sourcelight::analysis::rules::DEFAULT_RULES_JSON.replacen(from, to, 1);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn broken_rules_file_names_the_field() {
    let (_dir, rules) = house_rules("\"retracted\": 2", "\"retracted\": \"two\"");
    sourcelight()
        .args(["analyze", "--rules"])
        .arg(&rules)
        .arg(fixture("wire-lines.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("house.json"))
        .stderr(predicate::str::contains("weights.retracted"));
}

#[test]
fn house_rules_change_the_weights() {
    let (_dir, rules) = house_rules("\"anonymous\": 1", "\"anonymous\": 5");
    sourcelight()
        .args(["analyze", "--rules"])
        .arg(&rules)
        .arg(fixture("wire-lines.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"score\":10"));
}

#[test]
fn rules_print_default_round_trips() {
    let out = sourcelight()
        .args(["rules", "--print-default"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    sourcelight::analysis::Rules::from_json(&text, "printed").unwrap();
}

#[test]
fn rules_lists_every_rule_with_its_explanation() {
    sourcelight()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("attribution.according-to"))
        .stdout(predicate::str::contains("source.document-undisclosed"));
}

#[test]
fn help_explains_every_command() {
    sourcelight()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("analyze"));
    sourcelight()
        .args(["analyze", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("weakest link"))
        .stdout(predicate::str::contains("Exit code"));
    sourcelight()
        .args(["rules", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--print-default"));
}

/// Every JSON record says which analyser and which rules produced it.
fn assert_tool(v: &serde_json::Value) {
    assert_eq!(v["tool"]["name"], "sourcelight");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["tool"]["rules"]["name"], "built-in");
    assert_eq!(v["tool"]["rules"]["hash"].as_str().unwrap().len(), 16);
}

#[test]
fn standard_input_is_one_article() {
    let out = sourcelight()
        .args(["analyze", "-"])
        .write_stdin("Officials said the ferry would stop.\n\nThe mayor said it would not.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["file"], "-");
    assert_eq!(v["summary"]["claims"], 2);
    assert_eq!(v["summary"]["anonymous"], 1);
    assert_tool(&v);
}

#[test]
fn json_lines_records_come_back_in_order_with_their_ids() {
    let input = concat!(
        r#"{"id":"a","text":"Officials said it rained."}"#,
        "\n",
        "this line is not JSON\n",
        "\n",
        r#"{"id":7,"text":"<p>The mayor said the dam held.</p>","format":"html"}"#,
        "\n",
        r#"{"id":"x","text":"Hi.","format":"pdf"}"#,
        "\n",
    );
    let output = sourcelight()
        .args(["analyze", "--jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let records: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4, "{records:#?}");
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["summary"]["anonymous"], 1);
    assert!(records[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(records[2]["id"], 7);
    assert_eq!(records[2]["summary"]["claims"], 1);
    assert_eq!(records[2]["summary"]["anonymous"], 0);
    assert_eq!(records[3]["id"], "x");
    assert!(records[3]["error"].as_str().unwrap().contains("pdf"));
    for r in &records {
        assert_tool(r);
    }
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn json_lines_from_a_file_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"id":"calm","text":"The mayor said the dam held."}"#,
            "\n",
            r#"{"id":"leaky","text":"Officials said the dam leaked."}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = sourcelight()
        .args(["analyze", "--jsonl", "--summary"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "file,paragraphs,claims,anonymous,retracted,score,flagged_share"
    );
    assert!(lines[1].starts_with("leaky,1,1,1,0,1,"), "{text}");
    assert!(lines[2].starts_with("calm,1,1,0,0,0,"), "{text}");
}

#[test]
fn every_file_record_carries_the_tool() {
    let out = analyze_json(&[&fixture("council.txt")]);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_tool(&v);
}
