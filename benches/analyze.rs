//! Analysis throughput on generated news-like text, on one core, with the
//! allocator the binary uses (mimalloc).
//!
//! `analyze/5MB` and `analyze/10MB` should take time in proportion to their
//! size (nothing quadratic). `analyze/5MB-follow-ups` adds retractions,
//! denials and unverified figures, which link claims across the whole
//! article. The README records the medians.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sourcelight::analysis::Analyzer;
use sourcelight::generate;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn throughput(c: &mut Criterion) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    let analyzer = Analyzer::default();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    let articles = [
        ("5MB", generate::article_of_size(5_000_000, 7)),
        ("10MB", generate::article_of_size(10_000_000, 7)),
        (
            "5MB-follow-ups",
            generate::article_with_follow_ups_of_size(5_000_000, 7),
        ),
    ];
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
