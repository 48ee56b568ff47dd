//! "Moscow frames its role as …", "analysts view it as …", "Pakistan
//! condemns the attacks as a violation": verbs that attribute a
//! characterisation only together with "as".

use super::{Candidate, Role, RuleInfo, clause_end};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::{after_be, subject_before, verb_group_start};
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.as-verb",
    explanation: "'{cue} … as' gives {source}'s characterisation",
};

/// How far "as" may stand after the verb: "frames its role in the region as".
const MAX_GAP: usize = 10;

/// Words after "as" that make it a conjunction, not a characterisation.
const NOT_AFTER_AS: &[&str] = &[
    "if", "though", "well", "soon", "long", "much", "many", "far", "usual", "part", "such",
    "a result",
];

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        let t = &p.tokens[i];
        if !t.has(tag::AS_VERB) || t.has(tag::REPORTING) || p.in_quote(t.start()) {
            continue;
        }
        if (t.capitalized() && i > s.tokens.start)
            || p.is(i + 1, "by")
            || after_be(p, i, s.tokens.start)
        {
            continue;
        }
        if i > s.tokens.start && p.is(i - 1, "to") {
            continue;
        }
        let Some(as_at) = (i + 1..s.tokens.end.min(i + 1 + MAX_GAP))
            .take_while(|&m| !p.is_punct(m, ',') && !p.is_punct(m, ';'))
            .find(|&m| p.is(m, "as"))
        else {
            continue;
        };
        let conjunction =
            p.has(as_at + 1, tag::PRONOUN) || NOT_AFTER_AS.iter().any(|w| p.is(as_at + 1, w));
        if conjunction {
            continue;
        }
        let Some(source) = subject_before(p, i, s) else {
            continue;
        };
        let mut c = Candidate::new(
            &RULE,
            Role::Plain,
            sentence,
            (verb_group_start(p, i, source.1), i),
        );
        c.source = Some(source);
        c.content = p.tokens[i].end()..clause_end(p, sentence, as_at);
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn verb_with_as() {
        let f = found(
            "While the club officially frames the move as a ‘reset,’ fans see it as a sale.",
            detect,
        );
        let got: Vec<_> = f
            .iter()
            .map(|(c, s, _)| (c.as_str(), s.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("officially frames", Some("the club")),
                ("see", Some("fans"))
            ]
        );
    }

    #[test]
    fn without_as_or_as_a_conjunction() {
        assert!(found("The council viewed the site.", detect).is_empty());
        assert!(found("Residents saw the plane as it landed.", detect).is_empty());
    }
}
