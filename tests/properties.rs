//! Property tests: whatever the text, the analyser does not panic, every
//! span lies on char boundaries inside its paragraph, and the counts are
//! those of the claims listed.

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
    let mut claims = 0;
    for p in &a.paragraphs {
        claims += p.claims.len();
        assert_eq!(
            p.anonymous,
            p.claims.iter().filter(|c| c.kind.is_flagged()).count()
        );
        assert_eq!(p.retracted, p.claims.iter().filter(|c| c.retracted).count());
        assert_eq!(p.score, (p.anonymous + 2 * p.retracted) as u32);
        for c in &p.claims {
            for s in [
                Some(&c.cue),
                c.source.as_ref(),
                c.speaker.as_ref(),
                c.content.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                assert!(s.start <= s.end && s.end <= p.text.len());
                assert!(p.text.is_char_boundary(s.start) && p.text.is_char_boundary(s.end));
                assert_eq!(&p.text[s.start..s.end], s.text);
            }
        }
    }
    assert_eq!(a.summary.claims, claims);
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
}
