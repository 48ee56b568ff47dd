//! The whole path a file takes: bytes in any of the four formats (chosen by
//! the first byte), decoded, split, analysed and reported. Checks the
//! promises of the JSON contract (`Analysis::check_contract`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelight::analysis::Analyzer;
use sourcelight::document::{self, Format};
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format =
        [Format::Text, Format::Markdown, Format::Html, Format::Docx][selector as usize % 4];
    let Ok(doc) = document::from_bytes(std::path::Path::new("fuzz"), bytes, format) else {
        return;
    };
    let analysis = ANALYZER.analyze(&doc.paragraphs);
    if let Err(e) = analysis.check_contract() {
        panic!("{e}");
    }
    let article = sourcelight::report::Article::new("fuzz", &analysis);
    for f in [
        sourcelight::report::Format::Json,
        sourcelight::report::Format::Html,
        sourcelight::report::Format::Csv,
    ] {
        let _ = sourcelight::report::render(f, std::slice::from_ref(&article), false);
    }
});
