//! `attribution.transcript`: the speaker labels of transcripts and
//! sign-offs — "HILL: We are asking for a full audit.", and a quotation
//! signed "— Mayor Tom Becker".

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.transcript",
    explanation: "'{cue}' labels the words that follow or precede it as {source}'s",
};

#[derive(Debug)]
pub struct Transcript;

impl Transcript {
    pub fn new(_: &Lexicon) -> Self {
        Transcript
    }
}

impl Detector for Transcript {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        // Not word-triggered: every sentence is looked at, cheaply.
        Classes::of(&[])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        // "HILL: …" / "Mayor Tom Becker: …" opening the paragraph.
        if sentence == 0 {
            let colon = (s.start..s.end.min(s.start + 5)).find(|&k| p.is_mark(k, ':'));
            if let Some(c) = colon
                && c > s.start
                && c + 1 < p.tokens.len()
                && (s.start..c).all(|k| {
                    p.tags[k].is_proper()
                        || p.tokens[k].has(crate::analysis::syntax::tokens::flag::ALL_CAPS)
                })
            {
                let mut cand = Candidate::new(&RULE, Role::Plain, sentence, c..c + 1);
                cand.source = Some(s.start..c);
                cand.content = c + 1..p.tokens.len();
                out.push(cand);
            }
        }
        // A quotation signed with a dash and a name: "“…” — Mayor Tom Becker"
        for q in &p.quotes {
            let Some(close) = q.close else { continue };
            let dash = close + 1;
            if dash + 1 >= p.tokens.len() || !p.is_dash(dash) || !s.contains(&dash) {
                continue;
            }
            let Some(name) = p.phrase_from(dash + 1, p.tokens.len()) else {
                continue;
            };
            let named = name.clone().any(|k| p.tags[k] == Tag::NNP);
            let last = name.end >= p.tokens.len()
                || !p.tokens[name.end].is_word() && name.end + 1 >= p.tokens.len();
            if named && last {
                let mut cand = Candidate::new(&RULE, Role::Plain, sentence, dash..dash + 1);
                cand.source = Some(name);
                cand.content = q.inside(p.tokens.len());
                out.push(cand);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn transcripts_sign_offs_and_fronted_verbs() {
        check(&[
            (
                "HILL: We are asking for a full audit.",
                &[": / HILL / named"],
            ),
            (
                "\"We will rebuild the pier within a year.\" — Mayor Tom Becker",
                &["— / Mayor Tom Becker / named"],
            ),
            (
                "Said the harbourmaster: \"Nobody goes near the water.\"",
                &["Said / the harbourmaster / named"],
            ),
        ]);
    }
}
