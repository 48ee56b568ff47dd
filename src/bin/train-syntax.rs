//! Trains the part-of-speech tagger on the Universal Dependencies English
//! Web Treebank and writes the model the analyser embeds.
//!
//! ```sh
//! cargo run --release --bin train-syntax                 # ../shared/ud-english-ewt → assets/syntax/model.bin
//! cargo run --release --bin train-syntax -- --treebank DIR --out FILE --iterations 8
//! ```
//!
//! Training is deterministic: the same treebank and settings write the
//! same file. It prints the tagger's accuracy on the treebank's dev and
//! test splits (words tagged right / words).

use std::path::PathBuf;
use std::process::ExitCode;

use sourcelight::analysis::syntax::{conllu, train};

fn main() -> ExitCode {
    let mut treebank = PathBuf::from("../shared/ud-english-ewt");
    let mut out = PathBuf::from("assets/syntax/model.bin");
    let mut settings = train::Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--treebank" => treebank = value().into(),
            "--out" => out = value().into(),
            "--iterations" => settings.iterations = value().parse().unwrap_or(settings.iterations),
            "--seed" => settings.seed = value().parse().unwrap_or(settings.seed),
            _ => {
                eprintln!(
                    "usage: train-syntax [--treebank DIR] [--out FILE] [--iterations N] [--seed N]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let read = |split: &str| {
        let path = treebank.join(format!("en_ewt-ud-{split}.conllu"));
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(conllu::read(&text)),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    };
    let (train_set, dev, test) = match (read("train"), read("dev"), read("test")) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (a, b, c) => {
            for e in [a.err(), b.err(), c.err()].into_iter().flatten() {
                eprintln!("train-syntax: {e}");
            }
            eprintln!(
                "train-syntax: the treebank is in ../shared/ud-english-ewt beside a checkout; pass --treebank DIR otherwise"
            );
            return ExitCode::from(2);
        }
    };
    let words: usize = train_set.iter().map(|s| s.words.len()).sum();
    println!(
        "training on {} sentences, {words} words, {} iterations",
        train_set.len(),
        settings.iterations
    );
    let started = std::time::Instant::now();
    let tagger = train::train(&train_set, &settings);
    println!(
        "trained in {:.1} s: {} features, {} dictionary words",
        started.elapsed().as_secs_f64(),
        tagger.weights().features(),
        tagger.dictionary().len()
    );
    for (name, split) in [("dev", &dev), ("test", &test)] {
        let (right, all) = train::accuracy(&tagger, split);
        println!(
            "{name}: {right}/{all} = {:.2}%",
            100.0 * right as f64 / all.max(1) as f64
        );
    }
    let lemmas = train::irregular_lemmas(&train_set);
    let bytes = tagger.to_bytes(&lemmas);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train-syntax: cannot write {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!(
        "wrote {} ({} bytes, {} irregular forms)",
        out.display(),
        bytes.len(),
        lemmas.len()
    );
    ExitCode::SUCCESS
}
