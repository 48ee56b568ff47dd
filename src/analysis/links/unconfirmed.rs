//! `link.unconfirmed`: "could not be independently verified", "not
//! officially confirmed" and the like mark the claims of their sentence,
//! or, standing alone, those of the sentence before. When the words are
//! what a source says ("the journal said the data could not be
//! verified"), they are its claim, not the reporter's warning about it.

use crate::analysis::lexicon::{Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::{Draft, paragraph_range};

pub const RULE_ID: &str = "link.unconfirmed";

/// The sentences of a paragraph that say a claim is unconfirmed, with
/// where the words saying so start.
pub fn find(p: &Paragraph, phrases: ListId) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, range) in p.sentences.iter().enumerate() {
        if let Some(first) = p.entries_in(range.clone(), phrases).first() {
            out.push((s, first.start));
        }
    }
    out
}

/// Whether the warning at `at` is the claim's own content: inside it,
/// in its first clause (no comma between: "said the data could not be
/// verified", not "said 40 died, a figure that could not be verified").
fn reported_by(p: &Paragraph, d: &Draft, at: usize) -> bool {
    d.content.contains(&at) && !(d.content.start..at).any(|k| p.is_mark(k, ','))
}

/// Marks the drafts each warning concerns. `drafts` are the article's,
/// in reading order.
pub fn link(paras: &[Paragraph], lex: &Lexicon, drafts: &mut [Draft]) {
    let phrases = lex.list("unconfirmed_phrases");
    for p in paras {
        if !p.sentence_classes.iter().any(|c| c.has(phrases)) {
            continue;
        }
        for (s, at) in find(p, phrases) {
            // This paragraph's and the previous one's claims.
            let near = paragraph_range(drafts, p.index.saturating_sub(1), p.index);
            let own: Vec<usize> = near
                .clone()
                .filter(|&k| drafts[k].paragraph == p.index && drafts[k].sentence == s)
                .collect();
            // A sentence whose claims report the words warns about none.
            if own.iter().any(|&k| reported_by(p, &drafts[k], at)) {
                continue;
            }
            let target = if !own.is_empty() {
                own
            } else {
                // The claims of the nearest sentence before.
                let key = near
                    .clone()
                    .map(|k| (drafts[k].paragraph, drafts[k].sentence))
                    .filter(|&key| key < (p.index, s))
                    .max();
                match key {
                    Some(key) => near
                        .filter(|&k| (drafts[k].paragraph, drafts[k].sentence) == key)
                        .collect(),
                    None => Vec::new(),
                }
            };
            for k in target {
                drafts[k].unconfirmed = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn a_warning_marks_its_sentences_claims_or_the_sentence_before() {
        check(&[
            (
                "Rebels said they had shot down two helicopters, a claim that could not be independently verified.",
                &["said / Rebels / anonymous U"],
            ),
            (
                "The army said 14 fighters were killed. The figure could not be independently confirmed.",
                &["said / The army / named U"],
            ),
        ]);
    }

    #[test]
    fn the_words_a_source_says_are_its_claim_not_a_warning() {
        check(&[(
            "The regulator said the results could not be verified.",
            &["said / The regulator / named"],
        )]);
    }
}
