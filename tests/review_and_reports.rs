//! Editor decisions, exports, retraction lists and batch summaries as a
//! desk uses them from the command line: every format read back, numbers
//! equal to the analysis, sidecars applied, the article never written.

mod common;
use common::{analyze_json, fixture, sourcelight};

use std::path::PathBuf;

use sourcelight::analysis::{Analysis, Analyzer, SourceKind};
use sourcelight::desk;
use sourcelight::report::{self, Article, Format};
use sourcelight::retraction_lists;
use sourcelight::review::{Change, ClaimAnchor, Review};
use sourcelight::sidecar;

fn council() -> Analysis {
    let doc = sourcelight::document::load(&fixture("council.txt")).unwrap();
    Analyzer::default().analyze(&doc.paragraphs)
}

/// A copy of a fixture in a fresh folder, so sidecars can be written.
fn copy_to_temp(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

#[test]
fn csv_export_reads_back_with_the_analysis_numbers() {
    let a = council();
    let text = report::render(Format::Csv, &[Article::new("council.txt", &a)], false);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    for column in [
        "file",
        "paragraph",
        "sentence",
        "cue",
        "source",
        "speaker",
        "kind",
        "retracted",
        "unconfirmed",
        "disputed",
        "rule",
        "explanation",
        "editor_decision",
        "note",
    ] {
        assert!(header.iter().any(|h| h == column), "missing {column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), a.summary.claims);
    let kind = header.iter().position(|h| h == "kind").unwrap();
    let flagged = rows.iter().filter(|r| &r[kind] != "named").count();
    assert_eq!(flagged, a.summary.anonymous);
}

#[test]
fn json_export_reads_back_into_the_same_numbers() {
    let a = council();
    let text = report::render(Format::Json, &[Article::new("council.txt", &a)], true);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["summary"]["score"], a.summary.score);
    for (p, json) in a
        .paragraphs
        .iter()
        .zip(value["paragraphs"].as_array().unwrap())
    {
        assert_eq!(json["score"], p.score);
        assert_eq!(json["claims"].as_array().unwrap().len(), p.claims.len());
    }
    // Anonymous claims carry the policy checklist.
    let anonymous = value["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["claims"].as_array().unwrap())
        .find(|c| c["kind"] == "anonymous" && !c["source"].is_null())
        .unwrap();
    assert_eq!(anonymous["policy"].as_array().unwrap().len(), 7);
}

#[test]
fn html_export_holds_every_flagged_source_and_score() {
    let a = council();
    let html = report::render(Format::Html, &[Article::new("council.txt", &a)], false);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"), "styles are inline");
    assert!(!html.contains("<link"), "nothing external");
    for p in &a.paragraphs {
        assert!(html.contains(&format!(
            "title=\"{}\">{}</div>",
            report::paragraph_label(p),
            p.score
        )));
        for c in p.claims.iter().filter(|c| c.kind.is_flagged()) {
            if let Some(s) = &c.source {
                let escaped = report::html::escape(s.text());
                assert!(html.contains(&escaped), "missing {}", s.text());
            }
        }
    }
    // Each kind of source also shows without colour: a raised letter
    // after it, in the legend as in the text.
    assert!(html.contains("<p class=\"legend\">"));
    for kind in ["named", "anonymous", "unattributed"] {
        let letter = &kind[..1].to_uppercase();
        let tag = format!(
            "<sup class=\"tag {kind}\" title=\"{kind} source\" aria-label=\"({kind} source)\">{letter}</sup>"
        );
        assert!(html.matches(&tag).count() >= 2, "{kind}: {tag}");
    }
}

/// The text a Markdown renderer shows.
fn rendered_markdown_text(md: &str) -> String {
    pulldown_cmark::Parser::new(md)
        .map(|e| match e {
            pulldown_cmark::Event::Text(t) => t.to_string(),
            _ => " ".into(),
        })
        .collect()
}

#[test]
fn markdown_and_text_carry_decisions_and_notes() {
    let a = council();
    let pi = a.paragraphs.iter().position(|p| p.anonymous > 0).unwrap();
    let mut r = Review::default();
    r.decide(
        ClaimAnchor::of(pi, &a.paragraphs[pi].claims[0]),
        Change::Dismiss {
            reason: "source known to the desk".into(),
        },
    );
    r.set_note(pi, &a.paragraphs[pi].text, "Ask for a second source.");
    let a = std::sync::Arc::new(a);
    let applied = sourcelight::review::apply(&a, &r, &Analyzer::default().rules().weights);
    let article = Article::new("council.txt", &applied.analysis);
    for format in [Format::Md, Format::Text, Format::Html, Format::Csv] {
        let mut out = report::render(format, std::slice::from_ref(&article), false);
        if format == Format::Md {
            // What a reader sees: Markdown escapes every punctuation mark.
            out = rendered_markdown_text(&out);
        }
        assert!(out.contains("source known to the desk"), "{format:?}");
        assert!(out.contains("Ask for a second source."), "{format:?}");
    }
}

#[test]
fn sidecar_decisions_reach_the_command_line_and_the_article_is_untouched() {
    let (_dir, article) = copy_to_temp("council.txt");
    let before = std::fs::read(&article).unwrap();
    let mtime = std::fs::metadata(&article).unwrap().modified().unwrap();
    let opened = desk::open(&article, &Analyzer::default(), &[], true).unwrap();
    let a = &opened.base;
    let pi = a
        .paragraphs
        .iter()
        .position(|p| p.claims.iter().any(|c| c.kind == SourceKind::Anonymous))
        .unwrap();
    let ci = a.paragraphs[pi]
        .claims
        .iter()
        .position(|c| c.kind == SourceKind::Anonymous)
        .unwrap();
    let mut review = Review::default();
    review.decide(
        ClaimAnchor::of(pi, &a.paragraphs[pi].claims[ci]),
        Change::Kind {
            kind: SourceKind::Named,
        },
    );
    sidecar::save(&article, &review).unwrap();

    let value: serde_json::Value = serde_json::from_str(&analyze_json(&[&article])).unwrap();
    let claim = &value["paragraphs"][pi]["claims"][ci];
    assert_eq!(claim["kind"], "named");
    assert_eq!(claim["editor"]["analyser_kind"], "anonymous");
    assert_eq!(
        value["paragraphs"][pi]["analyser_score"],
        a.paragraphs[pi].score
    );
    assert_eq!(value["summary"]["score"], a.summary.score - 1);

    let ignored = sourcelight()
        .args(["analyze", "--ignore-review"])
        .arg(&article)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&ignored).unwrap();
    assert_eq!(value["summary"]["score"], a.summary.score);

    assert_eq!(std::fs::read(&article).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&article).unwrap().modified().unwrap(),
        mtime
    );
}

#[test]
fn a_corrupt_sidecar_is_reported_and_left_as_it_was() {
    let (_dir, article) = copy_to_temp("council.txt");
    let side = sidecar::path_for(&article);
    std::fs::write(&side, b"{\"version\": 1, \"decisions\": [oops").unwrap();
    sourcelight()
        .arg("analyze")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("council.txt.sourcelight.json"))
        .stdout(predicates::str::contains("\"summary\""));
    assert_eq!(
        std::fs::read(&side).unwrap(),
        b"{\"version\": 1, \"decisions\": [oops"
    );
    std::fs::write(&side, br#"{"version": 99}"#).unwrap();
    sourcelight()
        .arg("analyze")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("format version 99"));
}

#[test]
fn retraction_watch_list_flags_the_cited_study() {
    let list = retraction_lists::load(&fixture("retraction-watch.csv")).unwrap();
    // The last row's quoting is broken: the csv crate reads it leniently
    // and the rows before it are intact.
    assert_eq!(list.entries.len() + list.skipped, 3);
    assert_eq!(list.entries[1].nature, "Expression of concern");
    assert!(
        list.entries[0].title.contains("eelgrass"),
        "{:?}",
        list.entries[0]
    );
    let out = sourcelight()
        .args(["analyze", "--retractions"])
        .arg(fixture("retraction-watch.csv"))
        .arg(fixture("harbour.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let claim = &value["paragraphs"][2]["claims"][0];
    assert_eq!(claim["retracted"], true);
    assert_eq!(claim["listed"]["nature"], "Retraction");
    assert_eq!(claim["listed"]["date"], "2024-01-15");
    assert!(
        claim["listed"]["reason"]
            .as_str()
            .unwrap()
            .contains("Falsification")
    );
    assert_eq!(value["paragraphs"][2]["retracted"], 1);
    // Without the list the same claim is not retracted.
    let plain = sourcelight()
        .arg("analyze")
        .arg(fixture("harbour.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    assert_eq!(value["paragraphs"][2]["claims"][0]["retracted"], false);
}

#[test]
fn a_missing_retraction_list_is_named() {
    sourcelight()
        .args(["analyze", "--retractions", "/no/such/list.csv"])
        .arg(fixture("harbour.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("/no/such/list.csv"));
}

#[test]
fn summary_lists_a_folder_one_row_per_article_by_score() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["council.txt", "harbour.txt", "ferry.md", "image.txt"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("notes.pdf"), b"skip me").unwrap();
    let out = sourcelight()
        .args(["analyze", "--summary"])
        .arg(dir.path())
        .assert()
        .code(2) // image.txt is a PNG: named on stderr, the rest still listed
        .stderr(predicates::str::contains("image.txt"))
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(&out[..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "file",
            "paragraphs",
            "claims",
            "anonymous",
            "retracted",
            "score",
            "flagged_share"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let scores: Vec<u32> = rows.iter().map(|r| r[5].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn html_format_on_the_command_line() {
    sourcelight()
        .args(["analyze", "--format", "html"])
        .arg(fixture("council.txt"))
        .assert()
        .success()
        .stdout(predicates::str::starts_with("<!DOCTYPE html>"));
}
