//! "The Post quoted Syria's ambassador as rejecting …", "a report cites
//! officials as saying …", and "…, citing two sources".
//!
//! The publication that quotes is the source the reporter relied on; the
//! person it quotes is the inner speaker. Both links count for the weakest
//! link: a named paper quoting unnamed officials is an anonymous claim.

use super::{Candidate, Role, RuleInfo, clause_end};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::{phrase_starting_at, subject_before};
use crate::analysis::text::Paragraph;

pub static RULE_QUOTED_AS: RuleInfo = RuleInfo {
    id: "attribution.quoted-as",
    explanation: "{source} '{cue}' someone 'as saying': the words are {speaker}'s, as {source} reports them",
};

pub static RULE_CITING: RuleInfo = RuleInfo {
    id: "attribution.citing",
    explanation: "'{cue}' names who the statement comes from: {speaker}",
};

/// How far "as" may stand after "quoted": "quoted the country's ambassador to the U.S. as".
const MAX_GAP: usize = 14;

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        if !p.tokens[i].has(tag::CITATION | tag::CITING) {
            continue;
        }
        if p.in_quote(p.tokens[i].start()) || p.tokens[i].capitalized() && i > s.tokens.start {
            continue;
        }
        if p.has(i, tag::CITATION) {
            let Some(as_at) = (i + 2..s.tokens.end.min(i + MAX_GAP))
                .take_while(|&m| p.tokens[m].is_word())
                .find(|&m| p.is(m, "as"))
            else {
                continue;
            };
            let Some(source) = subject_before(p, i, s) else {
                continue;
            };
            let cue_end = if as_at + 1 < s.tokens.end && p.tokens[as_at + 1].is_word() {
                as_at + 1
            } else {
                as_at
            };
            let mut c = Candidate::new(&RULE_QUOTED_AS, Role::Plain, sentence, (i, i));
            c.source = Some(source);
            c.speakers.push((i + 1, as_at - 1));
            c.content = p.tokens[cue_end].end()..clause_end(p, sentence, cue_end + 1);
            out.push(c);
        } else if p.has(i, tag::CITING) {
            let Some(speaker) = phrase_starting_at(p, i + 1, s, false) else {
                continue;
            };
            let mut c = Candidate::new(&RULE_CITING, Role::Citing, sentence, (i, i));
            c.speakers.push(speaker);
            c.content = super::around(p, sentence, i);
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn quoted_as_saying() {
        let f = found(
            "The Herald quoted a senior judge as saying the law was vague.",
            detect,
        );
        assert_eq!(f[0].0, "quoted");
        assert_eq!(f[0].1.as_deref(), Some("The Herald"));
        assert_eq!(f[0].2.as_deref(), Some("a senior judge"));
    }

    #[test]
    fn speaker_with_abbreviations() {
        let f = found(
            "A published report cites U.S. intelligence officials as saying rebels are funded.",
            detect,
        );
        assert_eq!(f[0].2.as_deref(), Some("U.S. intelligence officials"));
    }

    #[test]
    fn citing_adds_a_speaker() {
        let f = found("The agency said prices rose, citing two traders.", detect);
        assert_eq!(f[0].2.as_deref(), Some("two traders"));
    }
}
