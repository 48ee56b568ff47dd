//! Agentless hedges: the text says a statement is reported, rumoured or
//! believed, but not by whom. These are `unattributed` claims.
//!
//! Three shapes: an adverb ("Putin reportedly reviewed"), a passive with no
//! agent ("is rumored to", "was reported to have", "is considered a
//! stronghold", "is widely seen as"), and a sourceless noun ("reports of
//! skirmishes", "rumors that …"). The reporter's own hedges ("apparently",
//! "is expected to") and attributive adjectives ("the alleged plot") are not
//! in these lists on purpose: the sourcing guide does not count them.

use super::{Candidate, Role, RuleInfo};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::after_be;
use crate::analysis::text::Paragraph;

pub static RULE_ADVERB: RuleInfo = RuleInfo {
    id: "hedge.adverb",
    explanation: "'{cue}' says the statement is reported, but not by whom",
};

pub static RULE_PASSIVE: RuleInfo = RuleInfo {
    id: "hedge.agentless-passive",
    explanation: "'{cue}' is a passive with no agent: the text does not say who reports or believes it",
};

pub static RULE_NOUN: RuleInfo = RuleInfo {
    id: "hedge.sourceless-noun",
    explanation: "'{cue}' cites reports or rumours without saying whose",
};

/// Words before "reports" that keep it sourceless: "unconfirmed media reports".
const SOURCELESS_ADJECTIVES: &[&str] = &[
    "unconfirmed",
    "media",
    "local",
    "news",
    "press",
    "earlier",
    "initial",
    "conflicting",
    "recent",
    "multiple",
    "numerous",
    "widespread",
    "persistent",
    "new",
    "further",
    "some",
    "several",
    "many",
    "unverified",
    "first",
];

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    let lo = s.tokens.start;
    for i in s.tokens.clone() {
        let t = &p.tokens[i];
        // Every branch below needs one of these classes: the cheap test first.
        if !t.has(tag::HEDGE_ADVERB | tag::HEDGE_PARTICIPLE | tag::AS_VERB | tag::HEDGE_NOUN) {
            continue;
        }
        if !t.is_word() || p.in_quote(t.start()) || (t.capitalized() && i > lo) {
            continue;
        }
        if t.has(tag::HEDGE_ADVERB) {
            push(
                out,
                &RULE_ADVERB,
                sentence,
                (i, i),
                super::around(p, sentence, i),
            );
        } else if (t.has(tag::HEDGE_PARTICIPLE) || t.has(tag::AS_VERB))
            && after_be(p, i, lo)
            && !p.is(i + 1, "by")
        {
            if let Some(last) = passive_hedge_end(p, i) {
                let first = be_start(p, i, lo);
                push(
                    out,
                    &RULE_PASSIVE,
                    sentence,
                    (first, last),
                    super::around(p, sentence, i),
                );
            }
        } else if t.has(tag::HEDGE_NOUN) && !t.possessive() {
            let needs_that = t.has(tag::HEDGE_NOUN_NEEDS_THAT);
            let carries = p.is(i + 1, "that") || (!needs_that && p.is(i + 1, "of"));
            if carries && sourceless_before(p, i, lo) {
                push(
                    out,
                    &RULE_NOUN,
                    sentence,
                    (i, i + 1),
                    super::around(p, sentence, i),
                );
            }
        }
    }
}

fn push(
    out: &mut Vec<Candidate>,
    rule: &'static RuleInfo,
    sentence: usize,
    cue: (usize, usize),
    content: std::ops::Range<usize>,
) {
    let mut c = Candidate::new(rule, Role::Hedge, sentence, cue);
    c.content = content;
    out.push(c);
}

/// The last token of a passive hedge at `i`, or `None` when the complement
/// it needs is missing: "said" needs "to"/"that" ("is said to"), "as"-verbs
/// need "as", "considered" needs nothing ("is considered a stronghold").
fn passive_hedge_end(p: &Paragraph, i: usize) -> Option<usize> {
    let t = &p.tokens[i];
    if t.has(tag::AS_VERB) && !t.has(tag::HEDGE_PARTICIPLE) {
        return p.is(i + 1, "as").then_some(i + 1);
    }
    if t.has(tag::HEDGE_NEEDS_TO) {
        if p.is(i + 1, "to") {
            // "was reported to have": include "have" when it follows.
            return Some(if p.is(i + 2, "have") || p.is(i + 2, "be") {
                i + 2
            } else {
                i + 1
            });
        }
        return (p.is(i + 1, "that") || p.is(i + 1, "of")).then_some(i + 1);
    }
    Some(i)
}

/// Where the auxiliary chain before a passive participle starts: "is", "was later".
fn be_start(p: &Paragraph, i: usize, lo: usize) -> usize {
    let mut j = i;
    while j > lo && (p.has(j - 1, tag::AUXILIARY) || p.has(j - 1, tag::SKIPPABLE_ADVERB)) {
        j -= 1;
    }
    j
}

/// Whether nothing names the reports' origin: no determiner, possessive or
/// name before "reports" ("the reports" refers to reports already cited).
fn sourceless_before(p: &Paragraph, i: usize, lo: usize) -> bool {
    let mut k = i;
    while k > lo {
        k -= 1;
        let t = &p.tokens[k];
        if !t.is_word() || t.has(tag::PREPOSITION | tag::CLAUSE_BOUNDARY | tag::REPORTING) {
            return !p.is(k, "to"); // "according to reports" is its own rule
        }
        if t.possessive() || t.capitalized() || t.has(tag::DEFINITE | tag::POSSESSIVE_PRONOUN) {
            return false;
        }
        if !SOURCELESS_ADJECTIVES.iter().any(|a| p.is(k, a)) {
            return true;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    fn cues(text: &str) -> Vec<String> {
        found(text, detect).into_iter().map(|(c, _, _)| c).collect()
    }

    #[test]
    fn adverbs() {
        assert_eq!(cues("The minister reportedly resigned."), ["reportedly"]);
        assert_eq!(cues("He allegedly paid bribes."), ["allegedly"]);
    }

    #[test]
    fn agentless_passives() {
        assert_eq!(
            cues("The deal is rumored to include a bonus."),
            ["is rumored to"]
        );
        assert_eq!(
            cues("A strike was reported to have hit the port."),
            ["was reported to have"]
        );
        assert_eq!(
            cues("The valley is considered a smuggling route."),
            ["is considered"]
        );
        assert_eq!(
            cues("The firm is suspected of dumping waste."),
            ["is suspected of"]
        );
        assert_eq!(cues("It is widely seen as a snub."), ["is widely seen as"]);
    }

    #[test]
    fn sourceless_nouns() {
        assert_eq!(cues("But reports of looting persist."), ["reports of"]);
        assert_eq!(
            cues("Few returned because of unconfirmed reports of mines."),
            ["reports of"]
        );
        assert!(cues("The reports of his death were false.").is_empty());
    }

    #[test]
    fn reporter_hedges_are_not_claims() {
        assert!(
            cues(
                "The vote is expected to pass. It apparently failed. The alleged plot was foiled."
            )
            .is_empty()
        );
        assert!(cues("No injuries were reported. The rebels were defeated by troops.").is_empty());
    }
}
