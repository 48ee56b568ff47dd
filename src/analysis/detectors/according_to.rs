//! "According to insiders familiar with the discussions, …" and "…,
//! according to a leaked memo": the source follows the phrase.
//!
//! This is the reporter naming the party relied on, so it is the outermost
//! source of the statement it is attached to: a reporting verb in the same
//! clause ("a general told officers") becomes the inner speaker.

use super::{Candidate, Role, RuleInfo, clause_end, opens_sentence};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::phrase_starting_at;
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.according-to",
    explanation: "'{cue}' attributes the statement to {source}",
};

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        if !p.tokens[i].has(tag::ACCORDING | tag::PHRASE_START) {
            continue;
        }
        let Some(last) = p.phrase_at(i, tag::ACCORDING) else {
            continue;
        };
        if p.in_quote(p.tokens[i].start()) {
            continue;
        }
        let Some(source) = phrase_starting_at(p, last + 1, s, false) else {
            continue;
        };
        let mut c = Candidate::new(&RULE, Role::Outer, sentence, (i, last));
        c.source = Some(source);
        c.content = if opens_sentence(p, sentence, i) {
            p.tokens[source.1].end()..clause_end(p, sentence, source.1 + 1)
        } else {
            super::reach_back(p, sentence, i)..p.tokens[i].start()
        };
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    #[test]
    fn source_after_the_phrase() {
        let f = found(
            "The dam will close, according to a leaked memo obtained by the Herald.",
            detect,
        );
        assert_eq!(f[0].0, "according to");
        assert_eq!(
            f[0].1.as_deref(),
            Some("a leaked memo obtained by the Herald")
        );
        let f = found(
            "According to people familiar with the talks, the deal is off.",
            detect,
        );
        assert_eq!(f[0].1.as_deref(), Some("people familiar with the talks"));
    }
}
