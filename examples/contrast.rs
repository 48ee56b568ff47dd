//! Prints every text and background colour pair of the shared palette —
//! the score and exercise badges, and in the light theme (the HTML
//! report's too) and the dark theme: the article's text, labels, hints,
//! policy verdicts, and text and retracted sources on each source tint —
//! with its WCAG 2.1 contrast ratio, and fails if any is under AA's 4.5:1.
//!
//! `cargo run --example contrast`

use sourcelight::palette::{contrast, pairs};

fn main() -> std::process::ExitCode {
    let mut failed = false;
    println!("{:<40} {:>8} {:>8} {:>8}", "pair", "text", "on", "ratio");
    for (name, text, background) in pairs() {
        let c = contrast(text, background);
        let verdict = if c >= 4.5 { "" } else { "  under 4.5:1" };
        failed |= c < 4.5;
        println!(
            "{name:<40} {:>8} {:>8} {c:>7.2}:1{verdict}",
            text.hex(),
            background.hex()
        );
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
