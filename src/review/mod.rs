//! Editor review: the decisions a desk editor takes on the analyser's
//! findings, kept apart from the analysis and laid over it.
//!
//! The analysis is recomputed from the article every time it is opened, so
//! decisions cannot point at claim numbers: each one is anchored by the
//! claim's words (cue, source, content) and where they stood. When the
//! article has changed, [`apply`] finds the words again — in the same
//! paragraph first, then anywhere — and returns the decisions it could not
//! place, so the editor sees them instead of losing them.
//!
//! Pure data and functions: reading and writing the sidecar file is
//! [`crate::sidecar`]'s business, showing it the window's.

mod history;

pub use history::History;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::model::EditorDecision;
use crate::analysis::rules::Weights;
use crate::analysis::score;
use crate::analysis::{Analysis, Claim, SourceKind, Span};

/// The sidecar format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Every decision on one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub version: u32,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            version: FORMAT_VERSION,
            decisions: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// The words that identify a claim across reanalysis and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimAnchor {
    /// Where the claim stood (0-based paragraph index).
    pub paragraph: usize,
    pub cue: String,
    /// Byte offset of the cue in its paragraph when decided.
    pub cue_start: usize,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
}

impl ClaimAnchor {
    pub fn of(paragraph: usize, claim: &Claim) -> ClaimAnchor {
        ClaimAnchor {
            paragraph,
            cue: claim.cue.text().to_string(),
            cue_start: claim.cue.start,
            source: claim.source.as_ref().map(|s| s.text().to_string()),
            content: claim.content.as_ref().map(|s| s.text().to_string()),
        }
    }

    fn matches(&self, c: &Claim) -> bool {
        c.cue.text() == self.cue
            && c.source.as_ref().map(Span::text) == self.source.as_deref()
            && c.content.as_ref().map(Span::text) == self.content.as_deref()
    }
}

/// What the editor changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The source's kind, for this claim.
    Kind { kind: SourceKind },
    /// The source is (not) retracted: applies to every claim resting on it.
    Retracted { retracted: bool },
    /// The flag is wrong or accepted; the claim no longer counts.
    Dismiss { reason: String },
}

impl Change {
    /// Decisions of the same sort on the same claim replace each other.
    fn same_sort(&self, other: &Change) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// One decision on one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub claim: ClaimAnchor,
    #[serde(flatten)]
    pub change: Change,
}

/// A note on a paragraph, anchored by the paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub paragraph: usize,
    pub paragraph_text: String,
    pub text: String,
}

/// A decision or note that no longer fits the article, with what it said.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    /// Paragraph number (1-based) where it stood.
    pub paragraph: usize,
    pub what: String,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.notes.is_empty()
    }

    /// Records a decision, replacing one of the same sort on the same claim.
    pub fn decide(&mut self, claim: ClaimAnchor, change: Change) {
        self.decisions
            .retain(|d| !(d.claim == claim && d.change.same_sort(&change)));
        self.decisions.push(Decision { claim, change });
    }

    /// Takes back a decision of this sort on this claim (the analyser's
    /// value applies again).
    pub fn undecide(&mut self, claim: &ClaimAnchor, sort: &Change) {
        self.decisions
            .retain(|d| !(d.claim == *claim && d.change.same_sort(sort)));
    }

    /// Sets or (with empty text) removes the note on a paragraph.
    pub fn set_note(&mut self, paragraph: usize, paragraph_text: &str, text: &str) {
        self.notes.retain(|n| n.paragraph != paragraph);
        if !text.trim().is_empty() {
            self.notes.push(Note {
                paragraph,
                paragraph_text: paragraph_text.to_string(),
                text: text.to_string(),
            });
            self.notes.sort_by_key(|n| n.paragraph);
        }
    }
}

/// The analysis with the editor's decisions laid over it. Without
/// decisions it is the analyser's own, shared rather than copied (a 50 MB
/// article's analysis is hundreds of MB).
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub analysis: Arc<Analysis>,
    pub unplaced: Vec<Unplaced>,
}

/// Lays `review` over `base` and rescores. Paragraphs whose score changed
/// keep the analyser's score in `analyser_score`.
pub fn apply(base: &Arc<Analysis>, review: &Review, weights: &Weights) -> Applied {
    if review.is_empty() {
        return Applied {
            analysis: Arc::clone(base),
            unplaced: Vec::new(),
        };
    }
    let mut analysis = Analysis::clone(base);
    let mut unplaced = Vec::new();
    for d in &review.decisions {
        let Some((pi, ci)) = locate(&analysis, &d.claim) else {
            unplaced.push(Unplaced {
                paragraph: d.claim.paragraph + 1,
                what: describe_unplaced(d),
            });
            continue;
        };
        match &d.change {
            Change::Kind { kind } => {
                let c = &mut analysis.paragraphs[pi].claims[ci];
                editor(c).kind = Some(*kind);
                c.kind = *kind;
            }
            Change::Retracted { retracted } => {
                let key = source_key(&analysis.paragraphs[pi].claims[ci]);
                for p in &mut analysis.paragraphs {
                    for (i, c) in p.claims.iter_mut().enumerate() {
                        let same = match &key {
                            Some(k) => source_key(c).as_ref() == Some(k),
                            None => p.index == pi && i == ci,
                        };
                        if same {
                            editor(c).retracted = Some(*retracted);
                            c.retracted = *retracted;
                        }
                    }
                }
            }
            Change::Dismiss { reason } => {
                editor(&mut analysis.paragraphs[pi].claims[ci]).dismissed = Some(reason.clone());
            }
        }
    }
    for n in &review.notes {
        match locate_paragraph(&analysis, n) {
            Some(pi) => analysis.paragraphs[pi].note = Some(n.text.clone()),
            None => unplaced.push(Unplaced {
                paragraph: n.paragraph + 1,
                what: format!("Note: {}", n.text),
            }),
        }
    }
    for (p, original) in analysis.paragraphs.iter_mut().zip(&base.paragraphs) {
        score::recount(p, weights);
        if p.score != original.score {
            p.analyser_score = Some(original.score);
        }
    }
    let mut summary = score::summarize(&analysis.paragraphs);
    if summary.score != base.summary.score {
        summary.analyser_score = Some(base.summary.score);
    }
    analysis.summary = summary;
    Applied {
        analysis: Arc::new(analysis),
        unplaced,
    }
}

/// The claim's editor record, created with the analyser's values.
fn editor(c: &mut Claim) -> &mut EditorDecision {
    let (kind, retracted) = (c.kind, c.retracted);
    c.editor.get_or_insert_with(|| {
        Box::new(EditorDecision {
            analyser_kind: kind,
            analyser_retracted: retracted,
            kind: None,
            retracted: None,
            dismissed: None,
        })
    })
}

/// Which source a claim rests on, for decisions that apply to the source:
/// the first mention a pronoun or "the memo" refers to, else its own words.
fn source_key(c: &Claim) -> Option<String> {
    c.refers_to
        .as_ref()
        .map(|r| r.text.to_lowercase())
        .or_else(|| c.source.as_ref().map(|s| s.text().to_lowercase()))
}

/// Finds the claim an anchor names: in its paragraph (nearest cue) first,
/// then in the nearest paragraph holding the same words.
fn locate(a: &Analysis, anchor: &ClaimAnchor) -> Option<(usize, usize)> {
    let in_paragraph = |pi: usize| {
        a.paragraphs.get(pi).and_then(|p| {
            p.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| anchor.matches(c))
                .min_by_key(|(_, c)| c.cue.start.abs_diff(anchor.cue_start))
                .map(|(ci, _)| (pi, ci))
        })
    };
    in_paragraph(anchor.paragraph).or_else(|| {
        let mut order: Vec<usize> = (0..a.paragraphs.len())
            .filter(|&pi| pi != anchor.paragraph)
            .collect();
        order.sort_by_key(|&pi| (pi.abs_diff(anchor.paragraph), pi));
        order.into_iter().find_map(in_paragraph)
    })
}

/// Finds a note's paragraph: the same text, at its index or the nearest.
fn locate_paragraph(a: &Analysis, n: &Note) -> Option<usize> {
    if a.paragraphs
        .get(n.paragraph)
        .is_some_and(|p| *p.text == *n.paragraph_text)
    {
        return Some(n.paragraph);
    }
    a.paragraphs
        .iter()
        .filter(|p| *p.text == *n.paragraph_text)
        .min_by_key(|p| p.index.abs_diff(n.paragraph))
        .map(|p| p.index)
}

fn describe_unplaced(d: &Decision) -> String {
    let what = match &d.change {
        Change::Kind { kind } => format!("kind set to {}", kind.label()),
        Change::Retracted { retracted: true } => "source marked retracted".to_string(),
        Change::Retracted { retracted: false } => "source marked not retracted".to_string(),
        Change::Dismiss { reason } => format!("flag dismissed ({reason})"),
    };
    let source = d
        .claim
        .source
        .as_deref()
        .map_or(String::new(), |s| format!(" from '{s}'"));
    format!("'{}'{source}: {what}", d.claim.cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    const ARTICLE: [&str; 3] = [
        "The mayor said the bridge would reopen in May.",
        "A city official said the repairs had run over budget.",
        "Officials familiar with the plan said the contract was retracted.",
    ];

    fn setup() -> (Analyzer, Arc<Analysis>) {
        let analyzer = Analyzer::default();
        let a = Arc::new(analyzer.analyze(&ARTICLE));
        (analyzer, a)
    }

    fn anchor(a: &Analysis, p: usize) -> ClaimAnchor {
        ClaimAnchor::of(p, &a.paragraphs[p].claims[0])
    }

    #[test]
    fn reclassifying_changes_the_score_and_keeps_the_analysers() {
        let (an, a) = setup();
        assert_eq!(a.paragraphs[1].score, 1);
        let mut r = Review::default();
        r.decide(
            anchor(&a, 1),
            Change::Kind {
                kind: SourceKind::Named,
            },
        );
        let out = apply(&a, &r, &an.rules().weights);
        let p = &out.analysis.paragraphs[1];
        assert_eq!((p.score, p.analyser_score), (0, Some(1)));
        let e = p.claims[0].editor.as_ref().unwrap();
        assert_eq!(e.analyser_kind, SourceKind::Anonymous);
        assert_eq!(p.claims[0].kind, SourceKind::Named);
        assert_eq!(out.analysis.summary.analyser_score, Some(a.summary.score));
        assert!(out.unplaced.is_empty());
    }

    #[test]
    fn dismissing_removes_the_flag_from_counts() {
        let (an, a) = setup();
        let mut r = Review::default();
        r.decide(
            anchor(&a, 1),
            Change::Dismiss {
                reason: "checked with the desk".into(),
            },
        );
        let out = apply(&a, &r, &an.rules().weights);
        assert_eq!(out.analysis.paragraphs[1].anonymous, 0);
        assert!(out.analysis.paragraphs[1].claims[0].dismissed());
    }

    #[test]
    fn marking_a_source_retracted_reaches_every_claim_on_it() {
        let an = Analyzer::default();
        let a = Arc::new(an.analyze(&[
            "The report said costs doubled.",
            "The report also said the mayor knew.",
        ]));
        let mut r = Review::default();
        r.decide(anchor(&a, 0), Change::Retracted { retracted: true });
        let out = apply(&a, &r, &an.rules().weights);
        assert!(
            out.analysis
                .paragraphs
                .iter()
                .all(|p| p.claims[0].retracted)
        );
        assert_eq!(out.analysis.paragraphs[1].retracted, 1);
    }

    #[test]
    fn decisions_follow_their_words_when_paragraphs_move() {
        let (an, a) = setup();
        let mut r = Review::default();
        r.decide(
            anchor(&a, 1),
            Change::Kind {
                kind: SourceKind::Named,
            },
        );
        r.set_note(2, ARTICLE[2], "Ask who the officials are.");
        let edited =
            Arc::new(an.analyze(&["A new first paragraph.", ARTICLE[0], ARTICLE[1], ARTICLE[2]]));
        let out = apply(&edited, &r, &an.rules().weights);
        assert!(out.unplaced.is_empty());
        assert_eq!(out.analysis.paragraphs[2].claims[0].kind, SourceKind::Named);
        assert_eq!(
            out.analysis.paragraphs[3].note.as_deref(),
            Some("Ask who the officials are.")
        );
    }

    #[test]
    fn decisions_whose_words_are_gone_are_listed_not_dropped() {
        let (an, a) = setup();
        let mut r = Review::default();
        r.decide(
            anchor(&a, 1),
            Change::Dismiss {
                reason: "fine".into(),
            },
        );
        r.set_note(0, ARTICLE[0], "Check the date.");
        let rewritten =
            Arc::new(an.analyze(&["The mayor announced a May reopening.", "Nothing else."]));
        let out = apply(&rewritten, &r, &an.rules().weights);
        assert_eq!(out.unplaced.len(), 2);
        assert!(out.unplaced[0].what.contains("said"));
        assert!(out.unplaced[1].what.contains("Check the date."));
    }

    #[test]
    fn a_new_decision_replaces_one_of_the_same_sort() {
        let (_, a) = setup();
        let mut r = Review::default();
        let kind = |k| Change::Kind { kind: k };
        r.decide(anchor(&a, 1), kind(SourceKind::Named));
        r.decide(anchor(&a, 1), kind(SourceKind::Unattributed));
        r.decide(anchor(&a, 1), Change::Retracted { retracted: true });
        assert_eq!(r.decisions.len(), 2);
        r.undecide(&anchor(&a, 1), &kind(SourceKind::Named));
        assert_eq!(r.decisions.len(), 1);
    }
}
