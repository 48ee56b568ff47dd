//! The inputs kept from fuzzing (`fuzz/seeds/`), replayed through the same
//! path as the fuzz targets on every test run: a crash the fuzzer finds
//! gets its input added there and stays fixed. (The fuzzers themselves run
//! with `fuzz/run.sh`; see the README.)

use std::path::Path;

use sourcelight::analysis::Analyzer;
use sourcelight::document::{self, Format};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn bytes_to_analysis_inputs() {
    let analyzer = Analyzer::default();
    for (name, data) in inputs("bytes_to_analysis") {
        let Some((&selector, bytes)) = data.split_first() else {
            continue;
        };
        let format =
            [Format::Text, Format::Markdown, Format::Html, Format::Docx][selector as usize % 4];
        let Ok(doc) = document::from_bytes(Path::new("fuzz"), bytes, format) else {
            continue;
        };
        let analysis = analyzer.analyze(&doc.paragraphs);
        if let Err(e) = analysis.check_contract() {
            panic!("{name}: {e}");
        }
        let article = sourcelight::report::Article::new("fuzz", &analysis);
        let _ = sourcelight::report::render(
            sourcelight::report::Format::Html,
            std::slice::from_ref(&article),
            false,
        );
    }
}

#[test]
fn sidecar_and_list_inputs() {
    let analyzer = Analyzer::default();
    let base = std::sync::Arc::new(analyzer.analyze(&[
        "The mayor said the bridge would reopen.",
        "An official said costs doubled, citing 10.5555/abc.1.",
    ]));
    for (_, data) in inputs("sidecar_and_lists") {
        if let Ok(review) = sourcelight::sidecar::parse(&data, "fuzz") {
            let _ = sourcelight::review::apply(&base, &review, &analyzer.rules().weights);
        }
        for (entries, skipped) in [
            sourcelight::retraction_lists::parse_csv(&data),
            sourcelight::retraction_lists::parse_json(&data),
        ]
        .into_iter()
        .flatten()
        {
            let list =
                sourcelight::retraction_lists::RetractionList::new("fuzz".into(), entries, skipped);
            let mut a = sourcelight::analysis::Analysis::clone(&base);
            sourcelight::retraction_lists::mark(&mut a, &[list], &analyzer);
        }
    }
}

#[path = "common/assemble.rs"]
mod assemble;

#[test]
fn structured_article_inputs() {
    let analyzer = Analyzer::default();
    for (name, data) in inputs("structured_articles") {
        let text = assemble::article(&data, 24);
        let paragraphs = document::split_paragraphs(&text);
        let analysis = analyzer.analyze(&paragraphs);
        if let Err(e) = analysis.check_contract() {
            panic!("{name}: {e}");
        }
        assert_eq!(analysis.paragraphs.len(), paragraphs.len(), "{name}");
    }
}
