//! Hedges: the text says something is reported or believed, but not by
//! whom. `attribution.hedge-adverb` — "reportedly", "allegedly";
//! `attribution.hedge-passive` — "is said to", "are believed to be", "is
//! rumored to include", "militants believed involved in", "a reported 20
//! girls". Inside an attributed statement a hedge adds no claim; on the
//! verb of an attribution ("X reportedly told officers") it says the
//! attribution itself is hearsay.

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static ADVERB: RuleInfo = RuleInfo {
    id: "attribution.hedge-adverb",
    explanation: "'{cue}' says the statement is reported, but not by whom",
};

pub static PASSIVE: RuleInfo = RuleInfo {
    id: "attribution.hedge-passive",
    explanation: "'{cue}' is a passive with no agent: the text does not say who reports or believes it",
};

/// The clause a hedge at `at` qualifies: from its subject to the clause's end.
fn clause_around(p: &Paragraph, at: usize) -> std::ops::Range<usize> {
    let s = p.sentence_range(at);
    let vg = p.chunks.vg_at(at).or_else(|| {
        let k = p.chunks.vg_from(at + 1);
        p.chunks
            .vgs
            .get(k)
            .filter(|v| v.tokens.start < s.end)
            .map(|_| k)
    });
    let start = vg
        .and_then(|v| p.subject_of(&p.chunks.vgs[v]))
        .map_or(at, |r| r.start.min(at));
    start..p.clause_end(at).max(at + 1)
}

#[derive(Debug)]
pub struct HedgeAdverb {
    adverbs: ListId,
}

impl HedgeAdverb {
    pub fn new(lex: &Lexicon) -> Self {
        HedgeAdverb {
            adverbs: lex.list("hedge_adverbs"),
        }
    }
}

impl Detector for HedgeAdverb {
    fn info(&self) -> &'static RuleInfo {
        &ADVERB
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.adverbs])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        for i in p.sentences[sentence].clone() {
            if p.has(i, self.adverbs) {
                let mut c = Candidate::new(&ADVERB, Role::Hedge, sentence, i..i + 1);
                c.content = clause_around(p, i);
                out.push(c);
            }
        }
    }
}

#[derive(Debug)]
pub struct HedgePassive {
    verbs: ListId,
}

impl HedgePassive {
    pub fn new(lex: &Lexicon) -> Self {
        HedgePassive {
            verbs: lex.list("hedge_verbs"),
        }
    }
}

impl Detector for HedgePassive {
    fn info(&self) -> &'static RuleInfo {
        &PASSIVE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.verbs])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for i in s.clone() {
            if !p.has(i, self.verbs) || !matches!(p.tags[i], Tag::VBN | Tag::JJ | Tag::VBD) {
                continue;
            }
            let vg = p.chunks.vg_at(i).map(|v| &p.chunks.vgs[v]);
            let passive = vg.is_some_and(|v| v.passive && v.main == i && !v.negated);
            // "militants believed involved in", "a reported 20 girls"
            let reduced = vg.is_none_or(|v| !v.finite && v.tokens.start == i)
                && i > s.start
                && (p.tags[i - 1].is_noun()
                    || p.is(i - 1, "a") && i + 1 < s.end && p.tags[i + 1] == Tag::CD);
            if !passive && !reduced {
                continue;
            }
            let next = i + 1;
            // An agent makes it the passive-agent rule's.
            if next < s.end && p.is(next, "by") {
                continue;
            }
            let before_number = reduced && p.is(i - 1, "a");
            let hedged = before_number
                || next < s.end
                    && (p.is(next, "to")
                        || p.is(next, "that")
                        || reduced
                            && (p.tags[next].is_adjective()
                                || p.tags[next] == Tag::IN && !p.is(next, "as")
                                || p.tags[next] == Tag::VBN)
                        || passive
                            && (p.chunks.np_starting_at(next).is_some()
                                || p.tags[next].is_adjective())
                            && p.is(i, "considered"));
            if !hedged {
                continue;
            }
            let start = vg
                .filter(|_| passive)
                .map_or(if before_number { i - 1 } else { i }, |v| v.tokens.start);
            let mut end = i + 1;
            if end < s.end && p.is(end, "to") {
                end += 1;
                // "to be", "to have been"
                while end < s.end
                    && p.tags[end] == Tag::VB
                    && (p.is(end, "be") || p.is(end, "have"))
                {
                    end += 1;
                }
                while end < s.end && p.is(end, "been") {
                    end += 1;
                }
            }
            let mut c = Candidate::new(&PASSIVE, Role::Hedge, sentence, start..end);
            c.content = clause_around(p, i);
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn hedges_with_no_source_are_unattributed() {
        check(&[
            (
                "The ferry is reportedly up for sale.",
                &["reportedly / - / unattributed"],
            ),
            (
                "The ferry has reportedly been sold to a buyer in Norway.",
                &["reportedly / - / unattributed"],
            ),
            (
                "The contractor is said to have ignored three warnings.",
                &["is said to have / - / unattributed"],
            ),
            (
                "The contractor is believed to be bankrupt.",
                &["is believed to be / - / unattributed"],
            ),
            (
                "The plant allegedly dumped waste in the river.",
                &["allegedly / - / unattributed"],
            ),
            // An irregular participle the tagger reads as an adjective.
            (
                "It is understood that talks stalled over the weekend.",
                &["is understood / - / unattributed"],
            ),
        ]);
    }

    #[test]
    fn the_reporters_own_hedges_and_attributive_adjectives_are_not_claims() {
        check(&[
            ("A man accused of arson was released on bail.", &[]),
            ("The suspected arsonist was arrested on Monday.", &[]),
            (
                "The mayor is expected to address the council on Thursday.",
                &[],
            ),
        ]);
    }
}
