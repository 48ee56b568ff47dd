//! `link.unconfirmed`: "could not be independently verified", "not
//! officially confirmed" and the like mark the claims of their sentence,
//! or, standing alone, those of the sentence before.

use crate::analysis::lexicon::{Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::Draft;

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
        for s in find(p, phrases) {
            let own: Vec<usize> = (0..drafts.len())
                .filter(|&k| drafts[k].paragraph == p.index && drafts[k].sentence == s)
                .collect();
            let target = if !own.is_empty() {
                own
            } else {
                // The claims of the nearest sentence before, in this
                // paragraph or the previous one.
                let before = (0..drafts.len())
                    .filter(|&k| {
                        (drafts[k].paragraph, drafts[k].sentence) < (p.index, s)
                            && drafts[k].paragraph + 1 >= p.index
                    })
                    .max_by_key(|&k| (drafts[k].paragraph, drafts[k].sentence));
                match before {
                    Some(b) => {
                        let key = (drafts[b].paragraph, drafts[b].sentence);
                        (0..drafts.len())
                            .filter(|&k| (drafts[k].paragraph, drafts[k].sentence) == key)
                            .collect()
                    }
                    None => Vec::new(),
                }
            };
            for k in target {
                drafts[k].unconfirmed = true;
            }
        }
    }
}
