//! `attribution.according-to`: "according to X", "as reported by X", "in
//! the words of X". X is the party the reporter relied on, so the rule
//! wraps whatever else attributes the same statement: "According to
//! insiders, the leader argued that …" rests on the insiders, with the
//! leader as inner speaker.

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.according-to",
    explanation: "'{cue}' attributes the statement to {source}",
};

#[derive(Debug)]
pub struct AccordingTo {
    phrases: ListId,
    /// Nouns that can name a party by themselves ("police", "officials").
    parties: Classes,
}

impl AccordingTo {
    pub fn new(lex: &Lexicon) -> Self {
        AccordingTo {
            phrases: lex.list("according_phrases"),
            parties: Classes::of(&[
                lex.list("person_nouns"),
                lex.list("institution_nouns"),
                lex.list("document_nouns"),
                lex.list("media_nouns"),
                lex.list("agent_nouns"),
                lex.list("spokesperson_nouns"),
            ]),
        }
    }

    /// "according to plan", "according to schedule": a bare singular noun
    /// that names no party is a manner, not a source.
    fn is_manner(&self, p: &Paragraph, source: &std::ops::Range<usize>) -> bool {
        let k = source.start;
        source.len() == 1
            && p.tags[k] == Tag::NN
            && !p.tokens[k].capitalized()
            && !p.classes[k].any(self.parties)
    }
}

impl Detector for AccordingTo {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.phrases])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for i in s.clone() {
            let Some(end) = p.phrase_at(i, self.phrases) else {
                continue;
            };
            if end >= s.end {
                continue;
            }
            // The phrase must be followed by its party, up to a comma.
            let Some(source) = p.phrase_from(end, s.end) else {
                continue;
            };
            if self.is_manner(p, &source) {
                continue;
            }
            // The statement: the clause before the phrase, or after it.
            let before_start = (s.start..i)
                .rev()
                .find(|&k| p.is_mark(k, ';') || p.is_mark(k, ':'))
                .map_or(s.start, |k| k + 1);
            let content = if i > before_start + 1 {
                let mut e = i;
                while e > before_start && p.is_mark(e - 1, ',') {
                    e -= 1;
                }
                before_start..e
            } else {
                let mut start = source.end;
                while start < s.end && p.is_mark(start, ',') {
                    start += 1;
                }
                start..p.clause_end(start)
            };
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::new(&RULE, Role::Outer, sentence, i..end);
            c.source = Some(source);
            c.content = content;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn according_to_before_inside_and_after() {
        check(&[
            (
                "According to the coastguard, the trawler sank in calm water.",
                &["According to / the coastguard / named"],
            ),
            (
                "The harbour board, according to two of its members, will vote to sell the pier.",
                &["according to / two of its members / anonymous"],
            ),
            (
                "According to people familiar with the talks, the deal is close.",
                &["According to / people familiar with the talks / anonymous"],
            ),
            (
                "The budget was cut, according to reports.",
                &["according to reports / - / unattributed"],
            ),
        ]);
    }

    #[test]
    fn the_outermost_source_and_the_speaker_inside() {
        check(&[(
            "Police believe the fire was set deliberately, according to a statement from the council.",
            &["according to / a statement from the council (Police) / named"],
        )]);
    }

    #[test]
    fn a_noun_read_as_a_verb_after_to_and_a_manner_that_is_no_source() {
        check(&[
            (
                "According to court filings, the lender hid its losses.",
                &["According to / court filings / named"],
            ),
            ("The launch went according to plan.", &[]),
        ]);
    }

    #[test]
    fn a_document_with_its_author_after_by() {
        check(&[
            (
                "According to a survey by the farmers' union, yields fell by a third.",
                &["According to / a survey by the farmers' union / named"],
            ),
            (
                "The ferry will stop running, according to a notice by the port authority.",
                &["according to / a notice by the port authority / named"],
            ),
        ]);
    }
}
