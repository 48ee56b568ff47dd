//! The anonymity policy check: newsroom policies (AP, Reuters, NYT) ask
//! that a story using an anonymous source say why anonymity was granted.
//! "who spoke on condition of anonymity" states the condition, not the
//! reason; "because they were not authorized to discuss the talks" or "for
//! fear of reprisal" is a reason.
//!
//! A reason counts when it follows the source in its sentence (or in the
//! next sentence, when that one is about the anonymity) and is introduced
//! as one: after "who", "because", "as", "since", "for", "citing", or after
//! a statement of the condition.

use super::lexicon::tag;
use super::phrase::TokenRange;
use super::text::Paragraph;

pub static RULE_ID: &str = "policy.anonymity-reason";

const INTRODUCERS: &[&str] = &[
    "who", "because", "as", "since", "for", "citing", "fearing", "given", "due",
];

/// Whether the text gives a reason for the anonymity of the source `np`.
pub fn reason_given(p: &Paragraph, np: TokenRange, look_at_next: bool) -> bool {
    if !p.mentions(tag::ANON_REASON | tag::ANON_CONDITION) {
        return false;
    }
    let si = p.sentence_of(np.0);
    // A reason follows the source closely; looking further costs time on
    // hostile input and finds reasons for other sources.
    // From inside the phrase: its relative clause may hold the reason
    // ("a captain who asked not to be named because …").
    let mut range = np.0 + 1
        ..p.sentences[si]
            .tokens
            .end
            .min(np.1 + 1 + super::detectors::REACH);
    // Reasons often follow in the next sentence when it is about anonymity.
    if let Some(next) = p.sentences.get(si + 1).filter(|_| look_at_next) {
        let about_anonymity = next
            .tokens
            .clone()
            .take(super::detectors::REACH)
            .any(|i| p.phrase_at(i, tag::ANON_CONDITION).is_some());
        if about_anonymity {
            range.end = next
                .tokens
                .end
                .min(next.tokens.start + super::detectors::REACH);
        }
    }
    // Sources named after the verb ("said a diplomat, who …") and before it
    // ("Officials, who were not authorized …, said") both work: the reason
    // follows the source either way.
    let mut introduced = false;
    let mut condition_end = None;
    for i in range {
        if let Some(end) = p.phrase_at(i, tag::ANON_CONDITION) {
            introduced = true;
            condition_end = Some(end);
        } else if INTRODUCERS.iter().any(|w| p.is(i, w)) {
            introduced = true;
        }
        if introduced && p.phrase_at(i, tag::ANON_REASON).is_some() {
            return true;
        }
        // "asked not to be named because he sells to the board": a clause
        // of cause right after the condition is the reason, whatever it says.
        let explains = p.is(i, "because") || p.is(i, "since");
        if explains && condition_end.is_some_and(|e| i == e + 1) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    fn check(text: &str, source: &str) -> bool {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let first = (0..p.tokens.len())
            .find(|&i| text[p.tokens[i].start()..].starts_with(source))
            .unwrap();
        let last = (first..p.tokens.len())
            .find(|&i| p.tokens[i].end() == p.tokens[first].start() + source.len())
            .unwrap();
        reason_given(&p, (first, last), true)
    }

    #[test]
    fn condition_alone_is_no_reason() {
        assert!(!check(
            "‘It is over,’ said a court clerk, who spoke on condition of anonymity.",
            "a court clerk"
        ));
        assert!(!check(
            "‘It is over,’ said a court clerk, who requested anonymity.",
            "a court clerk"
        ));
    }

    #[test]
    fn reasons() {
        assert!(check(
            "Two clerks, who were not authorized to speak publicly, said the files were lost.",
            "Two clerks"
        ));
        assert!(check(
            "A guard said it, speaking on condition of anonymity for fear of reprisal.",
            "A guard"
        ));
        assert!(check(
            "A nurse told us. She asked not to be named because she feared losing her job.",
            "A nurse"
        ));
        // The reason inside the source's own relative clause.
        assert!(check(
            "A trawler captain who asked not to be named because he sells fish to the board said so.",
            "A trawler captain who asked not to be named because he sells fish to the board"
        ));
    }

    #[test]
    fn content_words_are_not_reasons() {
        assert!(!check(
            "Officials said the talks were private.",
            "Officials"
        ));
    }
}
