//! A quotation that opens a sentence with no attribution of its own
//! continues the speaker of the claim before it: "‘This is a test,’ said a
//! NATO analyst. ‘The airbase is a symbol…’" is two claims from the analyst.
//! A paragraph that is only a quotation continues the last speaker of the
//! paragraph before, as news copy does when a quote runs on.

use super::{Candidate, Role, RuleInfo};
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.continued-quote",
    explanation: "the quotation continues without a new attribution, so it is {source}'s too",
};

/// Shortest quotation that counts as a statement rather than a scare quote.
const MIN_QUOTE_BYTES: usize = 12;

/// Where the speaker of a continued quote comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The claim at this index of the paragraph's claims.
    SameParagraph(usize),
    /// The last claim of the previous paragraph.
    PreviousParagraph,
}

/// Finds continued quotations given the paragraph's claims after nesting
/// (`claims` are in text order; absorbed ones are skipped).
pub fn detect(p: &Paragraph, claims: &[Candidate]) -> Vec<(Candidate, Origin)> {
    let mut out = Vec::new();
    for q in &p.quotes {
        if q.len() < MIN_QUOTE_BYTES || !p.text[q.clone()].contains(' ') {
            continue;
        }
        // Sentences are in text order: find the quotation's by binary search.
        let first_sentence = p.sentences.partition_point(|s| s.bytes.start < q.start);
        if p.sentences
            .get(first_sentence)
            .is_none_or(|s| s.bytes.start != q.start)
        {
            continue;
        }
        let last_sentence = p
            .sentences
            .partition_point(|s| s.bytes.start < q.end)
            .saturating_sub(1)
            .max(first_sentence);
        // Claims are in text order: look only at those near the quotation.
        let at = claims.partition_point(|c| p.tokens[c.cue.0].start() < q.start);
        let near = claims[..at]
            .iter()
            .rev()
            .take_while(|c| c.sentence + 1 >= first_sentence)
            .chain(
                claims[at..]
                    .iter()
                    .take_while(|c| c.sentence <= last_sentence + 1),
            );
        let attributed = near.clone().any(|c| {
            !c.absorbed
                && ((first_sentence..=last_sentence).contains(&c.sentence)
                    || (c.content.start < q.end
                        && q.start < c.content.end
                        && c.content.start != c.content.end))
        });
        if attributed {
            continue;
        }
        let before = (0..at)
            .rev()
            .take(super::REACH)
            .map(|i| (i, &claims[i]))
            .find(|(_, c)| !c.absorbed && c.role != Role::Hedge);
        let origin = match before {
            Some((index, _)) => Origin::SameParagraph(index),
            None if first_sentence == 0 => Origin::PreviousParagraph,
            None => continue,
        };
        let Some(mark) = p.tokens.iter().position(|t| t.start() == q.start) else {
            continue;
        };
        let mut c = Candidate::new(&RULE, Role::Continued, first_sentence, (mark, mark));
        c.content = q.clone();
        out.push((c, origin));
    }
    out
}
