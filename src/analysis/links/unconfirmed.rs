//! `link.unconfirmed`: "could not be independently verified", "not
//! officially confirmed" and the like mark the claims of their sentence,
//! or, standing alone, those of the sentence before.

use crate::analysis::lexicon::{Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::{Draft, paragraph_range};

pub const RULE_ID: &str = "link.unconfirmed";

/// The sentences of a paragraph that say a claim is unconfirmed.
pub fn find(p: &Paragraph, phrases: ListId) -> Vec<usize> {
    let mut out = Vec::new();
    for (s, range) in p.sentences.iter().enumerate() {
        if !p.entries_in(range.clone(), phrases).is_empty() {
            out.push(s);
        }
    }
    out
}

/// Marks the drafts each warning concerns. `drafts` are the article's,
/// in reading order.
pub fn link(paras: &[Paragraph], lex: &Lexicon, drafts: &mut [Draft]) {
    let phrases = lex.list("unconfirmed_phrases");
    for p in paras {
        if p.phrases.is_empty() && !p.classes.iter().any(|c| c.has(phrases)) {
            continue;
        }
        for s in find(p, phrases) {
            // This paragraph's and the previous one's claims.
            let near = paragraph_range(drafts, p.index.saturating_sub(1), p.index);
            let own: Vec<usize> = near
                .clone()
                .filter(|&k| drafts[k].paragraph == p.index && drafts[k].sentence == s)
                .collect();
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
