//! Checking a student's marks against the key.
//!
//! A mark and an answer pair up when they are in the same paragraph and
//! their words overlap (students rarely select exactly the analyser's
//! span: "officials" for "two senior officials" is the same source); each
//! answer pairs with at most one mark, largest overlap first. A pair whose
//! kind and retraction agree is **matched**; one that disagrees is marked
//! **wrongly**, as is a mark with no answer under it; an answer no mark
//! touches is **missed**.
//!
//! precision = matched / marks, recall = matched / answers, and the mark
//! out of 100 is their harmonic mean (F1) × 100, rounded. An article with
//! nothing to find and nothing marked scores 100.

use super::key::AnswerKey;
use super::submission::Mark;

/// What happened to one answer or mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Matched {
        answer: usize,
        mark: usize,
    },
    /// The right words, the wrong kind or retraction.
    Mislabeled {
        answer: usize,
        mark: usize,
    },
    Missed {
        answer: usize,
    },
    /// Marked where the key has no claim.
    Extra {
        mark: usize,
    },
}

/// How well a paragraph went: all found, some, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Every answer matched, nothing marked wrongly.
    Full,
    Partial,
    None,
    /// Nothing to find and nothing marked.
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphResult {
    pub paragraph: usize,
    pub outcomes: Vec<Outcome>,
    pub agreement: Agreement,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub matched: usize,
    pub missed: usize,
    pub wrong: usize,
    pub precision: f64,
    pub recall: f64,
    /// Out of 100.
    pub mark: u32,
    pub paragraphs: Vec<ParagraphResult>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Grades `marks` against `key`.
pub fn grade(key: &AnswerKey, marks: &[Mark]) -> Grade {
    let mut paragraphs: Vec<ParagraphResult> = (0..key.paragraphs.len())
        .map(|paragraph| ParagraphResult {
            paragraph,
            outcomes: Vec::new(),
            agreement: Agreement::Empty,
        })
        .collect();
    // Candidate pairs, largest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (ai, a) in key.answers.iter().enumerate() {
        for (mi, m) in marks.iter().enumerate() {
            let o = overlap((a.start, a.end), (m.start, m.end));
            if m.paragraph == a.paragraph && o > 0 {
                pairs.push((o, ai, mi));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut answer_done = vec![false; key.answers.len()];
    let mut mark_done = vec![false; marks.len()];
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    for (_, ai, mi) in pairs {
        if answer_done[ai] || mark_done[mi] {
            continue;
        }
        answer_done[ai] = true;
        mark_done[mi] = true;
        let (a, m) = (&key.answers[ai], &marks[mi]);
        let outcome = if a.kind == m.kind && a.retracted == m.retracted {
            Outcome::Matched {
                answer: ai,
                mark: mi,
            }
        } else {
            Outcome::Mislabeled {
                answer: ai,
                mark: mi,
            }
        };
        outcomes.push((a.paragraph, outcome));
    }
    for (ai, a) in key.answers.iter().enumerate() {
        if !answer_done[ai] {
            outcomes.push((a.paragraph, Outcome::Missed { answer: ai }));
        }
    }
    for (mi, m) in marks.iter().enumerate() {
        if !mark_done[mi] {
            outcomes.push((m.paragraph, Outcome::Extra { mark: mi }));
        }
    }
    let (mut matched, mut missed, mut wrong) = (0, 0, 0);
    for (p, o) in outcomes {
        match o {
            Outcome::Matched { .. } => matched += 1,
            Outcome::Missed { .. } => missed += 1,
            Outcome::Mislabeled { .. } | Outcome::Extra { .. } => wrong += 1,
        }
        if let Some(r) = paragraphs.get_mut(p) {
            r.outcomes.push(o);
        }
    }
    for r in &mut paragraphs {
        r.agreement = agreement(&r.outcomes);
    }
    let (answers, marked) = (key.answers.len(), marks.len());
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    let precision = ratio(matched, marked);
    let recall = ratio(matched, answers);
    let f1 = if answers == 0 && marked == 0 {
        1.0
    } else if precision + recall == 0.0 || matched == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Grade {
        matched,
        missed,
        wrong,
        precision: if marked == 0 && answers > 0 {
            0.0
        } else {
            precision
        },
        recall: if answers == 0 && marked > 0 {
            0.0
        } else {
            recall
        },
        mark: (f1 * 100.0).round() as u32,
        paragraphs,
    }
}

fn agreement(outcomes: &[Outcome]) -> Agreement {
    if outcomes.is_empty() {
        return Agreement::Empty;
    }
    let matched = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Matched { .. }))
        .count();
    if matched == outcomes.len() {
        Agreement::Full
    } else if matched > 0 {
        Agreement::Partial
    } else {
        Agreement::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, SourceKind};

    fn key() -> AnswerKey {
        let a = Analyzer::default().analyze(&[
            "The mayor said the bridge would reopen in May.",
            "Two senior officials said the repairs ran over budget.",
            "Nothing here is attributed.",
        ]);
        AnswerKey::from_analysis("bridge", &a, true)
    }

    fn mark(p: usize, text: &str, words: &str, kind: SourceKind) -> Mark {
        let start = text.find(words).unwrap();
        Mark {
            paragraph: p,
            start,
            end: start + words.len(),
            text: words.to_string(),
            kind,
            retracted: false,
        }
    }

    #[test]
    fn the_key_against_itself_scores_100_and_nothing_scores_0() {
        let k = key();
        let g = grade(&k, &k.as_marks());
        assert_eq!((g.matched, g.missed, g.wrong, g.mark), (2, 0, 0, 100));
        assert_eq!(g.paragraphs[0].agreement, Agreement::Full);
        assert_eq!(g.paragraphs[2].agreement, Agreement::Empty);
        let g = grade(&k, &[]);
        assert_eq!((g.matched, g.missed, g.mark), (0, 2, 0));
        assert_eq!(g.paragraphs[1].agreement, Agreement::None);
    }

    #[test]
    fn overlapping_words_count_and_a_wrong_kind_is_wrong() {
        let k = key();
        let p1 = &k.paragraphs[1];
        // "officials" inside "Two senior officials", right kind.
        let g = grade(&k, &[mark(1, p1, "officials", SourceKind::Anonymous)]);
        assert_eq!((g.matched, g.missed, g.wrong), (1, 1, 0));
        assert_eq!(g.mark, 67); // P 1, R 0.5
        // The mayor marked anonymous: the right words, the wrong kind.
        let p0 = &k.paragraphs[0];
        let g = grade(&k, &[mark(0, p0, "The mayor", SourceKind::Anonymous)]);
        assert_eq!((g.matched, g.missed, g.wrong), (0, 1, 1));
        assert!(matches!(
            g.paragraphs[0].outcomes[0],
            Outcome::Mislabeled { .. }
        ));
        // A mark where there is no claim.
        let p2 = &k.paragraphs[2];
        let g = grade(&k, &[mark(2, p2, "Nothing", SourceKind::Named)]);
        assert_eq!(g.wrong, 1);
        assert_eq!(g.paragraphs[2].agreement, Agreement::None);
    }
}
