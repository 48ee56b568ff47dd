//! "…, saying they still lack armour", "after declaring the area cleared":
//! a participle whose source is the subject of its clause.

use super::{Candidate, Role, RuleInfo, clause_end};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::{after_be, clause_subject, subject_before};
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.participle",
    explanation: "'{cue}' reports what the clause's subject, {source}, said",
};

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        let t = &p.tokens[i];
        if !t.has(tag::PARTICIPLE)
            || p.in_quote(t.start())
            || (t.capitalized() && i > s.tokens.start)
        {
            continue;
        }
        // A participle of speech follows a comma (", saying"), a subordinator
        // ("after declaring") or a form of "be" ("are saying"); after a
        // determiner it is a noun ("any warning").
        let k = i.checked_sub(1).filter(|&k| k >= s.tokens.start);
        if k.is_some_and(|k| p.is(k, "as")) {
            continue; // "quoted X as saying": the citation rule's
        }
        let introduced = k.is_none_or(|k| {
            p.is_punct(k, ',') || p.has(k, tag::SUBORDINATOR) || p.is(k, "in") || p.is(k, "by")
        });
        if !introduced && !after_be(p, i, s.tokens.start) {
            continue;
        }
        let source = if after_be(p, i, s.tokens.start) {
            subject_before(p, i, s) // "officials are saying"
        } else {
            clause_subject(p, i, s)
        };
        let Some(source) = source else { continue };
        if source.1 >= i {
            continue;
        }
        let mut c = Candidate::new(&RULE, Role::Plain, sentence, (i, i));
        c.source = Some(source);
        c.content = p.tokens[i].end()..clause_end(p, sentence, i + 1);
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn source_is_the_clause_subject() {
        let f = found(
            "The mayor spoke briefly, but some residents walked out, saying the plan was unfair.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("some residents"));
        let f = found(
            "The ministry is reopening schools after declaring the region safe.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("The ministry"));
    }

    #[test]
    fn nouns_and_idioms_are_not_claims() {
        assert!(found("It goes without saying.", detect).is_empty());
        assert!(found("They had not received any warning.", detect).is_empty());
    }
}
