//! Property tests: whatever the text, the analyser does not panic, every
//! span lies on char boundaries inside its paragraph, and the counts are
//! those of the claims listed. Besides arbitrary and news-worded text,
//! articles assembled from the fixtures and from templated attribution
//! sentences (`common/assemble.rs`) reach coreference across paragraphs.

#[path = "common/assemble.rs"]
mod assemble;

use proptest::prelude::*;
use sourcelight::analysis::analyze;
use sourcelight::document::split_paragraphs;

/// Text built from news words, punctuation and quotes: far more likely
/// to reach the rules than random characters.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "said",
        "says",
        "told",
        "according",
        "to",
        "officials",
        "a",
        "the",
        "memo",
        "which",
        "was",
        "retracted",
        "reportedly",
        "is",
        "rumored",
        "sources",
        "Japarov",
        "Dr.",
        "U.S.",
        ",",
        ".",
        "’s",
        "‘",
        "’",
        "“",
        "”",
        "\"",
        "'",
        "who",
        "spoke",
        "on",
        "condition",
        "of",
        "anonymity",
        "because",
        "not",
        "authorized",
        "denied",
        "report",
        "story",
        "its",
        "that",
        "He",
        "She",
        "They",
        "it",
        "\n",
        "\n\n",
        "—",
        "-",
        "(",
        ")",
        ";",
        "é",
        "日本",
        "\u{200B}",
        "withdrawn",
        "as",
        "saying",
        "citing",
        "quoted",
        "by",
        "framed",
        "could",
        "be",
        "independently",
        "verified",
        "reports",
        "of",
        "recanted",
        "analysts",
        "view",
        "and",
        "but",
        "while",
        "Moscow",
        "NATO",
        "analyst",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

fn check(text: &str) {
    let paragraphs = split_paragraphs(text);
    let a = analyze(&paragraphs);
    assert_eq!(a.paragraphs.len(), paragraphs.len());
    for p in &a.paragraphs {
        assert_eq!(
            p.anonymous,
            p.claims.iter().filter(|c| c.kind.is_flagged()).count()
        );
        assert_eq!(p.retracted, p.claims.iter().filter(|c| c.retracted).count());
        assert_eq!(p.score, (p.anonymous + 2 * p.retracted) as u32);
    }
    a.check_contract().unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsy_text_is_safe(text in newsy()) {
        check(&text);
    }

    #[test]
    fn assembled_articles_keep_the_contract(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check(&assemble::article(&bytes, 12));
    }
}

/// Every fixture article and the assembled ones joined end to end, as one
/// article: long chains of names and descriptions across paragraphs.
#[test]
fn fixtures_joined_end_to_end_keep_the_contract() {
    let mut all = String::new();
    for seed in 0u8..=255 {
        all.push_str(&assemble::article(
            &[seed, seed.wrapping_mul(31), 7, seed ^ 0x5a],
            8,
        ));
        all.push_str("\n\n");
    }
    check(&all);
}
