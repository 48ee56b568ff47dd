//! `attribution.passive-agent`: a passive whose agent is the source — "the
//! hoax was first detected by Britain's Guardian newspaper", "the claims
//! have been denied by officials".

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.passive-agent",
    explanation: "'{cue}' in the passive names its agent, {source}, as the source",
};

#[derive(Debug)]
pub struct PassiveAgent {
    verbs: ListId,
    as_verbs: ListId,
}

impl PassiveAgent {
    pub fn new(lex: &Lexicon) -> Self {
        PassiveAgent {
            verbs: lex.list("passive_agent_verbs"),
            as_verbs: lex.list("as_verbs"),
        }
    }
}

impl Detector for PassiveAgent {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.verbs])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for vg in p.chunks.vgs_in(s.clone()) {
            let v = vg.main;
            let reduced = !vg.finite && p.tags[v] == Tag::VBN && !vg.infinitive;
            if !p.has(v, self.verbs) || !(vg.passive || reduced) || vg.negated {
                continue;
            }
            // Characterisations with "as" are the as-verb rule's.
            let mut k = vg.tokens.end;
            while k < s.end && p.tags[k].is_adverb() {
                k += 1;
            }
            if !(k < s.end && p.is(k, "by")) {
                continue;
            }
            let Some(agent) = p.phrase_from(k + 1, s.end) else {
                continue;
            };
            // "by Tuesday", "by 2030": a time, not an agent.
            let head = p.chunks.np_at(k + 1).map(|n| p.chunks.nps[n].head);
            if head.is_some_and(|h| {
                p.tags[h] == Tag::CD || p.is_in(h, crate::analysis::syntax::chunks::words::TIME)
            }) {
                continue;
            }
            if p.has(v, self.as_verbs)
                && (agent.end..p.clause_end(agent.end)).any(|j| p.is(j, "as"))
            {
                continue;
            }
            // What is reported: the passive's subject ("Such reports have
            // been denied by officials"), or what follows the agent.
            let content = match p.subject_of(vg) {
                Some(subj) => subj,
                None => {
                    let start = agent.end;
                    start..p.clause_end(start).max(start)
                }
            };
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::new(&RULE, Role::Plain, sentence, vg.tokens.start..k + 1);
            c.source = Some(agent);
            c.content = content;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn the_agent_of_a_passive_is_the_source() {
        check(&[
            (
                "The pier's collapse was first reported by the Harbour Ledger.",
                &["was first reported by / the Harbour Ledger / named"],
            ),
            (
                "The claims have been denied by the port authority.",
                &["have been denied by / the port authority / named"],
            ),
            (
                "The figures were disputed by engineers who worked on the dam.",
                &["were disputed by / engineers / anonymous"],
            ),
        ]);
    }

    #[test]
    fn an_agent_inside_another_source_is_not_a_claim() {
        check(&[(
            "A report published by the state water board on Jan. 12 found that the filters were outdated.",
            &["found / A report published by the state water board / named"],
        )]);
    }

    #[test]
    fn a_person_questioned_by_police_reports_nothing() {
        check(&[("The driver was questioned by police overnight.", &[])]);
    }
}
