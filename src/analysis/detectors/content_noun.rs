//! "Moscow's narrative that …", "its story that …": a possessed noun that
//! carries content attributed to its owner.
//!
//! Only a possessed noun counts ("a narrative that analysts view" is a
//! relative clause, not content). Inside a quotation or inside another
//! claim's content the noun usually restates what was already counted
//! ("rejected Kim's assertion that …"), so such a candidate is kept only if
//! the material turns out retracted: the sourcing guide counts a
//! restatement of withdrawn content as a claim resting on it.

use super::{Candidate, Role, RuleInfo, clause_end};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::possessive_owner;
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.content-noun",
    explanation: "'{cue}' presents the content as {source}'s",
};

/// Adjectives allowed between owner and noun: "our original story".
const MAX_ADJECTIVES: usize = 3;

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        if !p.has(i, tag::CONTENT_NOUN) || !p.is(i + 1, "that") {
            continue;
        }
        let lo = s.tokens.start;
        let mut k = i;
        let mut owner = None;
        while k > lo && i - k <= MAX_ADJECTIVES {
            k -= 1;
            let t = &p.tokens[k];
            if !t.is_word() {
                break;
            }
            if t.has(tag::POSSESSIVE_PRONOUN) {
                owner = Some((k, i)); // "its story"
                break;
            }
            if t.possessive() {
                owner = Some(possessive_owner(p, k, lo)); // "Moscow's"
                break;
            }
            if t.has(tag::DETERMINER) || t.capitalized() {
                break;
            }
        }
        let Some(source) = owner else { continue };
        let mut c = Candidate::new(&RULE, Role::ContentNoun { noun: i }, sentence, (i, i + 1));
        c.source = Some(source);
        c.content = p.tokens[i + 1].end()..clause_end(p, sentence, i + 2);
        c.conditional = p.in_quote(p.tokens[i].start());
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn possessed_noun_with_that() {
        let f = found(
            "This fits the council’s narrative that rents are falling.",
            detect,
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_deref()),
            ("narrative that", Some("the council’s"))
        );
        let f = found(
            "The paper withdrew its original story that the mayor lied.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("its original story"));
    }

    #[test]
    fn relative_clause_is_not_content() {
        assert!(found("It is a narrative that critics reject.", detect).is_empty());
    }
}
