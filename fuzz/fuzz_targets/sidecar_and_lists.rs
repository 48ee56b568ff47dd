//! Files the app reads besides articles: review sidecars and retraction
//! lists (Retraction Watch CSV, newsroom JSON). Any bytes: a value or an
//! error, and a parsed review laid over an analysis never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelight::analysis::Analysis;
use sourcelight::analysis::Analyzer;
use std::sync::{Arc, LazyLock};

static BASE: LazyLock<(Analyzer, Arc<Analysis>)> = LazyLock::new(|| {
    let a = Analyzer::default();
    let analysis = a.analyze(&[
        "The mayor said the bridge would reopen.",
        "An official said costs doubled, citing 10.5555/abc.1.",
    ]);
    (a, Arc::new(analysis))
});

fuzz_target!(|data: &[u8]| {
    let (analyzer, base) = &*BASE;
    if let Ok(review) = sourcelight::sidecar::parse(data, "fuzz") {
        let _ = sourcelight::review::apply(base, &review, &analyzer.rules().weights);
    }
    for parsed in [
        sourcelight::retraction_lists::parse_csv(data),
        sourcelight::retraction_lists::parse_json(data),
    ] {
        if let Ok((entries, skipped)) = parsed {
            let list =
                sourcelight::retraction_lists::RetractionList::new("fuzz".into(), entries, skipped);
            let mut a = Analysis::clone(base);
            sourcelight::retraction_lists::mark(&mut a, &[list], analyzer);
        }
    }
});
