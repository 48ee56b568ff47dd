//! Articles with structure random bytes rarely build: every byte is a
//! choice among the fixtures' paragraphs and sentences and templated
//! attribution sentences that reuse names, descriptions, pronouns and
//! definite mentions across paragraphs (`tests/common/assemble.rs`).
//! Checks the JSON contract and that every report format renders.
#![no_main]

#[path = "../../tests/common/assemble.rs"]
mod assemble;

use libfuzzer_sys::fuzz_target;
use sourcelight::analysis::Analyzer;
use sourcelight::document::split_paragraphs;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

fuzz_target!(|data: &[u8]| {
    let text = assemble::article(data, 24);
    let paragraphs = split_paragraphs(&text);
    let analysis = ANALYZER.analyze(&paragraphs);
    if let Err(e) = analysis.check_contract() {
        panic!("{e}\n--- article ---\n{text}");
    }
    assert_eq!(analysis.paragraphs.len(), paragraphs.len());
    let article = sourcelight::report::Article::new("fuzz", &analysis);
    for f in [
        sourcelight::report::Format::Json,
        sourcelight::report::Format::Html,
        sourcelight::report::Format::Csv,
    ] {
        let _ = sourcelight::report::render(f, std::slice::from_ref(&article), false);
    }
});
