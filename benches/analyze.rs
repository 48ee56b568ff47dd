//! Analysis throughput on one core, with the allocator the binary uses
//! (mimalloc), on real news text and on generated text.
//!
//! - `analyze/real-news-5MB`: the paragraphs of the annotated articles in
//!   `../shared/corpus/` (beside the repository; skipped with a message
//!   where it is absent), shuffled with a fixed seed and repeated to 5 MB.
//!   Real reporting is harder than any generator: longer sentences, more
//!   kinds of attribution, names the lexicon has never seen.
//! - `analyze/5MB` and `analyze/10MB`: generated text (`generate`); the
//!   two should take time in proportion to their size (nothing quadratic).
//! - `analyze/5MB-follow-ups`: generated text with retractions, denials
//!   and unverified figures, which link claims across the whole article.
//!
//! Before measuring, the bench prints sentence length, claims per
//! sentence and words of retraction and denial for the real and the
//! generated text, so the generator's calibration can be checked.
//! `docs/performance.md` records the medians.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sourcelight::analysis::Analyzer;
use sourcelight::generate;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// The corpus's paragraphs, shuffled (seed fixed) and repeated to `bytes`.
fn real_news(bytes: usize) -> Option<Vec<String>> {
    let mut paragraphs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for f in files {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(f).ok()?).ok()?;
        for p in v["paragraphs"].as_array()? {
            if let Some(t) = p["text"].as_str().or(p.as_str()) {
                paragraphs.push(t.to_string());
            }
        }
    }
    if paragraphs.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut size = 0;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while size < bytes {
        // Fisher–Yates with xorshift, a new order for each pass.
        for i in (1..paragraphs.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            paragraphs.swap(i, (x % (i as u64 + 1)) as usize);
        }
        for p in &paragraphs {
            size += p.len();
            out.push(p.clone());
        }
    }
    Some(out)
}

/// Sentences (a full stop, question or exclamation mark, perhaps a
/// closing quotation mark, then a capital, an opening mark or the end).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        if chars
            .get(j)
            .is_some_and(|c| matches!(c, '"' | '”' | '’' | '\''))
        {
            j += 1;
        }
        let mut k = j;
        while chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let ends = match chars.get(k) {
            None => true,
            Some(c) => k > j && (c.is_uppercase() || matches!(c, '"' | '“' | '‘')),
        };
        n += ends as usize;
    }
    n.max(1)
}

/// Words of retraction and denial per 10,000 words.
fn retraction_words(text: &str) -> f64 {
    const STEMS: &[&str] = &[
        "retract", "withdr", "recant", "rescind", "denie", "deny", "denial", "disown",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        let w = w.to_lowercase();
        hits += STEMS.iter().any(|s| w.starts_with(s)) as usize;
    }
    hits as f64 * 10_000.0 / words.max(1) as f64
}

fn describe(name: &str, article: &[String], analyzer: &Analyzer) {
    let text = article.join("\n\n");
    let s: usize = article.iter().map(|p| sentences(p)).sum();
    let words = text.split_whitespace().count();
    let claims = analyzer.analyze(article).summary.claims;
    eprintln!(
        "{name:>16}: {:.1} words per sentence, {:.2} claims per sentence, \
         {:.1} words of retraction or denial per 10,000",
        words as f64 / s as f64,
        claims as f64 / s as f64,
        retraction_words(&text)
    );
}

fn throughput(c: &mut Criterion) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    let analyzer = Analyzer::default();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    let mut articles = Vec::new();
    match real_news(5_000_000) {
        Some(a) => articles.push(("real-news-5MB", a)),
        None => eprintln!(
            "analyze/real-news-5MB skipped: no annotated articles at {}",
            Path::new(CORPUS).display()
        ),
    }
    articles.push(("5MB", generate::article_of_size(5_000_000, 7)));
    articles.push(("10MB", generate::article_of_size(10_000_000, 7)));
    articles.push((
        "5MB-follow-ups",
        generate::article_with_follow_ups_of_size(5_000_000, 7),
    ));
    for (name, article) in &articles {
        if *name != "10MB" {
            describe(name, &article[..article.len().min(3_000)], &analyzer);
        }
    }
    for (name, article) in articles {
        let bytes: usize = article.iter().map(|p| p.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            // Freeing the analysis is part of its cost, so it is freed here,
            // on the one thread that built it. Returned to criterion's
            // thread, it would be freed across threads, a cost of this
            // harness's one-thread pool rather than of the analysis.
            b.iter(|| {
                pool.install(|| {
                    let analysis = analyzer.analyze(&article);
                    black_box(analysis.summary.claims)
                })
            });
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
