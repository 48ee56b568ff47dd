//! Quoting and citing: `attribution.citation` — "the Post quoted Syria's
//! ambassador as saying …", "a report cites officials as saying …", "an
//! official is quoted as saying …" — and `attribution.citing` — ", citing
//! unnamed sources", ", quoting a police report": the one cited is the
//! inner speaker of the claim the phrase belongs to.

use std::ops::Range;

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;

pub static QUOTED_AS: RuleInfo = RuleInfo {
    id: "attribution.citation",
    explanation: "{source} '{cue}' someone 'as saying': the words are {speaker}'s, as {source} reports them",
};

pub static CITING: RuleInfo = RuleInfo {
    id: "attribution.citing",
    explanation: "'{cue}' names who the statement comes from: {speaker}",
};

#[derive(Debug)]
pub struct Citation {
    citation: ListId,
}

impl Citation {
    pub fn new(lex: &Lexicon) -> Self {
        Citation {
            citation: lex.list("citation_verbs"),
        }
    }
}

/// "as saying", "as telling", "as rejecting": the end of the cue and
/// where the content starts.
fn as_saying(p: &Paragraph, at: usize, end: usize) -> Option<usize> {
    (at + 1 < end && p.is(at, "as") && p.tags[at + 1] == crate::analysis::syntax::tags::Tag::VBG)
        .then_some(at + 2)
}

impl Detector for Citation {
    fn info(&self) -> &'static RuleInfo {
        &QUOTED_AS
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.citation])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for vg in p.chunks.vgs_in(s.clone()) {
            if !p.has(vg.main, self.citation) || vg.negated {
                continue;
            }
            let after = vg.tokens.end;
            let (source, speaker, as_at) = if vg.passive {
                // "a North Korean official is quoted as saying"
                let Some(subject) = p.subject_of(vg) else {
                    continue;
                };
                (subject, None, after)
            } else {
                let Some(source) = p
                    .subject_of(vg)
                    .or_else(|| super::verbs::source(p, vg).map(|(r, _)| r))
                else {
                    continue;
                };
                let Some(object) = p.phrase_from(after, s.end) else {
                    continue;
                };
                // "quoted an official, who …, as saying": the object may
                // carry a relative clause up to "as".
                let mut as_at = object.end;
                while as_at < s.end && as_at < object.end + 20 && !p.is(as_at, "as") {
                    as_at += 1;
                }
                let speaker: Range<usize> = object;
                (source, Some(speaker), as_at)
            };
            let Some(content_start) = as_saying(p, as_at, s.end) else {
                continue;
            };
            let content_end = p.clause_end(content_start);
            let mut c = Candidate::new(
                &QUOTED_AS,
                Role::Plain,
                sentence,
                vg.tokens.start..content_start,
            );
            c.source = Some(source);
            c.speaker = speaker;
            c.content = content_start..content_end.max(content_start + 1).min(s.end);
            out.push(c);
        }
    }
}

#[derive(Debug)]
pub struct Citing {
    citing: ListId,
}

impl Citing {
    pub fn new(lex: &Lexicon) -> Self {
        Citing {
            citing: lex.list("citing_words"),
        }
    }
}

impl Detector for Citing {
    fn info(&self) -> &'static RuleInfo {
        &CITING
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.citing])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for i in s.clone() {
            if !p.has(i, self.citing) {
                continue;
            }
            let Some(cited) = p.phrase_from(i + 1, s.end) else {
                continue;
            };
            // The statement it belongs to: the clause around it.
            let mut c = Candidate::new(&CITING, Role::Citing, sentence, i..i + 1);
            c.speaker = Some(cited);
            c.content = s.start..p.clause_end(s.start).max(i + 1);
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn citing_gives_the_statement_an_inner_speaker() {
        check(&[
            (
                "The mayor, citing a consultant's report, said the bridge was unsafe.",
                &["said / The mayor (a consultant's report) / named"],
            ),
            // An outlet relaying an undisclosed document: the weakest link.
            (
                "The Ledger, citing an internal audit, reported that the fund had lost money.",
                &["reported / The Ledger (an internal audit) / anonymous"],
            ),
        ]);
    }
}
