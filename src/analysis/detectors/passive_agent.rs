//! "has been framed by Moscow as …", "was first detected by the Guardian":
//! a passive attribution whose "by" phrase is the source.
//!
//! The same participles without "by" are agentless hedges ("is believed
//! to"), which [`super::hedge`] handles.

use super::{Candidate, Role, RuleInfo};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::{after_be, before_verb, is_noun, phrase_starting_at};
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.passive-agent",
    explanation: "'{cue}' in the passive names its agent, {source}, as the source",
};

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        if !p.has(i, tag::PASSIVE_AGENT) || !p.is(i + 1, "by") || p.in_quote(p.tokens[i].start()) {
            continue;
        }
        // "is framed by", or a reduced relative: "a narrative framed by".
        // "is framed by", a reduced relative ("a narrative framed by"), or a
        // participle set off by a comma ("The plan, first reported by").
        let before = before_verb(p, i, s.tokens.start);
        let passive = after_be(p, i, s.tokens.start)
            || before.is_some_and(|k| is_noun(p, k) || p.is_punct(k, ','));
        if !passive {
            continue;
        }
        let Some(source) = phrase_starting_at(p, i + 2, s, true) else {
            continue;
        };
        let mut c = Candidate::new(&RULE, Role::Plain, sentence, (i, i + 1));
        c.source = Some(source);
        c.content = super::around(p, sentence, i);
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn by_agent_is_the_source() {
        let f = found(
            "The visit has already been framed by Beijing as a success.",
            detect,
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_deref()),
            ("framed by", Some("Beijing"))
        );
        let f = found(
            "The error was first detected by the city's auditors, who told us.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("the city's auditors"));
    }

    #[test]
    fn participle_after_a_comma() {
        let f = found(
            "The plan, first reported by The Ledger, cuts fares.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn active_by_is_not_passive() {
        assert!(found("Prices reported by the hour rose.", detect).is_empty());
    }
}
