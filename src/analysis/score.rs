//! Paragraph scores and the article summary, exactly as the sourcing guide
//! defines them: `anonymous` counts anonymous and unattributed claims,
//! `retracted` counts claims on retracted sources (a retracted anonymous
//! source counts in both), and `score = anonymous × w₁ + retracted × w₂`.

use std::sync::Arc;

use super::model::{Analysis, Claim, ParagraphAnalysis, Summary};
use super::rules::Weights;

/// Counts one paragraph's claims.
pub fn paragraph(
    index: usize,
    text: Arc<str>,
    claims: Vec<Claim>,
    weights: &Weights,
) -> ParagraphAnalysis {
    let mut p = ParagraphAnalysis {
        index,
        text,
        score: 0,
        claims,
        anonymous: 0,
        retracted: 0,
        analyser_score: None,
        note: None,
    };
    recount(&mut p, weights);
    p
}

/// Counts a paragraph's claims again (after retraction lists or editor
/// decisions changed them).
pub fn recount(p: &mut ParagraphAnalysis, weights: &Weights) {
    p.anonymous = p.claims.iter().filter(|c| c.counts_anonymous()).count();
    p.retracted = p.claims.iter().filter(|c| c.counts_retracted()).count();
    p.score = weighted(p.anonymous, p.retracted, weights);
}

/// `anonymous × w₁ + retracted × w₂`, saturating rather than overflowing.
pub fn weighted(anonymous: usize, retracted: usize, weights: &Weights) -> u32 {
    let a = u32::try_from(anonymous).unwrap_or(u32::MAX);
    let r = u32::try_from(retracted).unwrap_or(u32::MAX);
    a.saturating_mul(weights.anonymous)
        .saturating_add(r.saturating_mul(weights.retracted))
}

/// The article's totals, added up paragraph by paragraph as [`recount`]
/// counted them. The analysis adds each paragraph as it is finished,
/// while its counts are in cache: read back at the end, a long article's
/// paragraphs would each cost a trip to memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    paragraphs: usize,
    claims: usize,
    anonymous: usize,
    retracted: usize,
    score: u32,
    /// Claims counting as anonymous or as retracted.
    flagged: usize,
}

impl Totals {
    pub fn add(&mut self, p: &ParagraphAnalysis) {
        self.paragraphs += 1;
        self.claims += p.claims.len();
        self.anonymous += p.anonymous;
        self.retracted += p.retracted;
        self.score = self.score.saturating_add(p.score);
        // A claim is flagged when it counts as anonymous or as retracted;
        // in a paragraph with nothing retracted, those are its anonymous
        // claims, so only paragraphs with a retraction are read claim by
        // claim.
        self.flagged += match p.retracted {
            0 => p.anonymous,
            _ => p.claims.iter().filter(|c| c.counts_flagged()).count(),
        };
    }

    pub fn summary(&self) -> Summary {
        Summary {
            paragraphs: self.paragraphs,
            claims: self.claims,
            anonymous: self.anonymous,
            retracted: self.retracted,
            score: self.score,
            flagged_share: if self.claims == 0 {
                0.0
            } else {
                self.flagged as f64 / self.claims as f64
            },
            analyser_score: None,
        }
    }
}

/// Adds up paragraphs, as [`recount`] counted them, into the article
/// summary.
pub fn summarize(paragraphs: &[ParagraphAnalysis]) -> Summary {
    let mut totals = Totals::default();
    for p in paragraphs {
        totals.add(p);
    }
    totals.summary()
}

/// The whole analysis from its paragraphs, each counted already.
pub fn assemble(paragraphs: Vec<ParagraphAnalysis>) -> Analysis {
    Analysis {
        summary: summarize(&paragraphs),
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_apply_and_saturate() {
        let w = Weights {
            anonymous: 1,
            retracted: 2,
        };
        assert_eq!(weighted(2, 1, &w), 4);
        assert_eq!(weighted(usize::MAX, usize::MAX, &w), u32::MAX);
    }

    #[test]
    fn empty_article_has_zero_share() {
        let a = assemble(Vec::new());
        assert_eq!(a.summary.flagged_share, 0.0);
        assert_eq!(a.summary.paragraphs, 0);
    }
}
