//! The analysis result: what the window shows, what reports print, and what
//! `sourcelight analyze --format json` emits. Field names are the JSON
//! contract documented in the README; change them only with a version bump.

use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// Words of a paragraph: byte offsets into that paragraph's text, always on
/// `char` boundaries, and the text they cover.
///
/// A span shares its paragraph's text rather than holding a copy of its
/// words: a claim has up to four spans, 5 MB of news has ~33,000 claims,
/// and copies cost an allocation each and, together, as much memory as
/// the article. In JSON a span is `{"text", "start", "end"}`.
#[derive(Clone)]
pub struct Span {
    paragraph: Arc<str>,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The words of `paragraph` at `range`, which must lie on `char`
    /// boundaries inside it.
    pub fn new(paragraph: &Arc<str>, range: std::ops::Range<usize>) -> Span {
        debug_assert!(paragraph.get(range.clone()).is_some());
        Span {
            paragraph: Arc::clone(paragraph),
            start: range.start,
            end: range.end,
        }
    }

    /// The words the span covers (empty if its offsets do not fit its
    /// paragraph, which [`Span::new`] does not allow).
    pub fn text(&self) -> &str {
        self.paragraph.get(self.start..self.end).unwrap_or("")
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the span's offsets count in `paragraph`'s text.
    pub fn is_in(&self, paragraph: &Arc<str>) -> bool {
        Arc::ptr_eq(&self.paragraph, paragraph) || *self.paragraph == **paragraph
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        self.range() == other.range() && self.text() == other.text()
    }
}

impl Eq for Span {}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Span")
            .field("text", &self.text())
            .field("start", &self.start)
            .field("end", &self.end)
            .finish()
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut span = serializer.serialize_struct("Span", 3)?;
        span.serialize_field("text", self.text())?;
        span.serialize_field("start", &self.start)?;
        span.serialize_field("end", &self.end)?;
        span.end()
    }
}

/// Words in another paragraph (or this one): where a pronoun's antecedent,
/// a retraction or a denial stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Index of the paragraph (0-based, as in `paragraphs[].index`).
    pub paragraph: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Words elsewhere (or here) that raised a flag on a claim, the rule that
/// linked them, and the material or person they are about: "'pulled the
/// story' (¶6) withdraws the Ledger's report (¶2)". In JSON the words'
/// fields, `rule`, and `item` when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    #[serde(flatten)]
    pub words: Reference,
    pub rule: &'static str,
    /// The mention of what is withdrawn or denied ("the story", "his
    /// testimony"), where the text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Reference>,
}

impl std::ops::Deref for Link {
    type Target = Reference;
    fn deref(&self) -> &Reference {
        &self.words
    }
}

/// Who stands behind a claim, as the sourcing guide defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Named,
    Unattributed,
    Anonymous,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Unattributed => "unattributed",
        }
    }

    /// Anonymous and unattributed claims both count as anonymous in scores.
    pub fn is_flagged(self) -> bool {
        self != SourceKind::Named
    }
}

/// One reported statement and the source it rests on: what the analyser
/// found, nothing derived. Its explanation is written from these facts
/// when asked ([`Claim::explanation`]), so no later layer has to keep a
/// copy of it up to date.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The attribution words: "said", "according to", "reportedly".
    pub cue: Span,
    /// The outermost source the reporter relied on; `null` for unattributed
    /// hedges and for quotes continuing a speaker from an earlier paragraph.
    pub source: Option<Span>,
    /// An inner speaker: the general the memo quotes.
    pub speaker: Option<Span>,
    /// What is claimed: the quote or the reported clause.
    pub content: Option<Span>,
    pub kind: SourceKind,
    pub retracted: bool,
    pub unconfirmed: bool,
    pub disputed: bool,
    /// For anonymous people: whether the text says why they are unnamed.
    pub anonymity_reason: Option<bool>,
    /// The attribution rule that found the claim.
    pub rule: &'static str,
    /// The rule that decided the kind.
    pub kind_rule: &'static str,
    /// The words the kind rests on: a word of the source ("leaked"), or
    /// the mention it refers to, or the name given later.
    pub kind_marker: Option<Box<Reference>>,
    /// Whether the inner speaker, not the source, decided the kind
    /// (weakest link).
    pub kind_from_speaker: bool,
    /// Index of the sentence within the paragraph.
    pub sentence: usize,
    /// Index of the claim's paragraph (its explanation says "in this
    /// paragraph" or "in paragraph 6").
    pub paragraph: usize,
    /// Where the source was first named, for pronouns, "the memo" and
    /// continued quotes.
    pub refers_to: Option<Box<Reference>>,
    /// The words that withdraw the material this claim rests on.
    pub retracted_by: Option<Box<Link>>,
    /// The words of a denial by another party.
    pub disputed_by: Option<Box<Link>>,
    /// The entry of a loaded retraction list (Retraction Watch, a
    /// newsroom's own) that the claim's sentence cites.
    pub listed: Option<Box<ListedRetraction>>,
    /// What the editor decided, with the analyser's own values kept.
    pub editor: Option<Box<EditorDecision>>,
}
// The rare fields above are boxed: a 50 MB article has ~330,000 claims,
// and inline they cost ~300 bytes each whether present or not.

impl Claim {
    /// What a student reads: which rules fired on which words, and why.
    pub fn explanation(&self) -> String {
        super::explain::explain(self)
    }

    /// Whether the claim counts as anonymous in scores: its source is
    /// anonymous or unattributed and the editor has not dismissed the flag.
    pub fn counts_anonymous(&self) -> bool {
        self.kind.is_flagged() && !self.dismissed()
    }

    /// Whether the claim counts as retracted in scores.
    pub fn counts_retracted(&self) -> bool {
        self.retracted && !self.dismissed()
    }

    /// Whether the claim counts toward the flagged share.
    pub fn counts_flagged(&self) -> bool {
        self.counts_anonymous() || self.counts_retracted()
    }

    /// Whether the editor dismissed this claim's flag.
    pub fn dismissed(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.dismissed.is_some())
    }
}

/// The JSON contract: the fields in this order, `explanation` written from
/// the claim, optional fields left out when absent.
impl Serialize for Claim {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut n = 13;
        n += self.refers_to.is_some() as usize
            + self.retracted_by.is_some() as usize
            + self.disputed_by.is_some() as usize
            + self.listed.is_some() as usize
            + self.editor.is_some() as usize;
        let mut c = serializer.serialize_struct("Claim", n)?;
        c.serialize_field("cue", &self.cue)?;
        c.serialize_field("source", &self.source)?;
        c.serialize_field("speaker", &self.speaker)?;
        c.serialize_field("content", &self.content)?;
        c.serialize_field("kind", &self.kind)?;
        c.serialize_field("retracted", &self.retracted)?;
        c.serialize_field("unconfirmed", &self.unconfirmed)?;
        c.serialize_field("disputed", &self.disputed)?;
        c.serialize_field("anonymity_reason", &self.anonymity_reason)?;
        c.serialize_field("rule", self.rule)?;
        c.serialize_field("kind_rule", self.kind_rule)?;
        c.serialize_field("explanation", &self.explanation())?;
        c.serialize_field("sentence", &self.sentence)?;
        if let Some(r) = &self.refers_to {
            c.serialize_field("refers_to", r)?;
        }
        if let Some(r) = &self.retracted_by {
            c.serialize_field("retracted_by", r)?;
        }
        if let Some(r) = &self.disputed_by {
            c.serialize_field("disputed_by", r)?;
        }
        if let Some(l) = &self.listed {
            c.serialize_field("listed", l)?;
        }
        if let Some(e) = &self.editor {
            c.serialize_field("editor", e)?;
        }
        c.end()
    }
}

/// The rule id of a retraction list's finding.
pub const LISTED_RULE: &str = "retraction-list";

/// A retraction list entry matched in the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedRetraction {
    /// Which list: the file name it was loaded from.
    pub list: String,
    /// The words of the paragraph that matched (a DOI or a title).
    pub matched: Span,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doi: String,
    /// "Retraction", "Expression of concern", …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nature: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// An editor's decision on a claim. The claim's `kind` and `retracted`
/// already hold the editor's values; the analyser's stay here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorDecision {
    pub analyser_kind: SourceKind,
    pub analyser_retracted: bool,
    /// The kind the editor set, if they changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Retracted or not, if the editor decided it for the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retracted: Option<bool>,
    /// The reason given when the editor dismissed the flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<String>,
}

impl EditorDecision {
    /// The decision in a few words, for reports: "kind → named; dismissed: …".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(k) = self.kind {
            parts.push(format!(
                "kind {} → {}",
                self.analyser_kind.label(),
                k.label()
            ));
        }
        if let Some(r) = self.retracted {
            parts.push(
                if r {
                    "marked retracted"
                } else {
                    "marked not retracted"
                }
                .to_string(),
            );
        }
        if let Some(reason) = &self.dismissed {
            parts.push(format!("flag dismissed: {reason}"));
        }
        parts.join("; ")
    }
}

/// One paragraph's claims and score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphAnalysis {
    pub index: usize,
    /// Shared with the spans of its claims.
    pub text: Arc<str>,
    pub claims: Vec<Claim>,
    /// Claims whose source is anonymous or unattributed.
    pub anonymous: usize,
    /// Claims whose source is retracted.
    pub retracted: usize,
    /// anonymous × weight + retracted × weight (1 and 2 by default).
    pub score: u32,
    /// The analyser's score, when the editor's decisions changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyser_score: Option<u32>,
    /// The editor's note on the paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Totals over an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub paragraphs: usize,
    pub claims: usize,
    pub anonymous: usize,
    pub retracted: usize,
    pub score: u32,
    /// Share of claims resting on anonymous, unattributed or retracted
    /// sources (0 when there are no claims).
    pub flagged_share: f64,
    /// The analyser's article score, when the editor's decisions changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyser_score: Option<u32>,
}

/// The analysis of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub summary: Summary,
    pub paragraphs: Vec<ParagraphAnalysis>,
}

impl Analysis {
    /// The promises of the JSON contract, checked: every span lies on char
    /// boundaries inside its own paragraph's text (so its `text` is the
    /// words at its offsets), and the summary counts the claims listed.
    /// Tests, property tests and the fuzz targets all hold every analysis
    /// to this one definition.
    pub fn check_contract(&self) -> Result<(), String> {
        let mut listed = 0;
        for p in &self.paragraphs {
            listed += p.claims.len();
            for (ci, c) in p.claims.iter().enumerate() {
                let spans = [
                    Some(&c.cue),
                    c.source.as_ref(),
                    c.speaker.as_ref(),
                    c.content.as_ref(),
                ];
                for s in spans.into_iter().flatten() {
                    if !s.is_in(&p.text) || p.text.get(s.start..s.end).is_none() {
                        return Err(format!(
                            "paragraph {} claim {}: span {}..{} does not cover {:?}",
                            p.index,
                            ci,
                            s.start,
                            s.end,
                            s.text()
                        ));
                    }
                }
            }
        }
        if listed != self.summary.claims {
            return Err(format!(
                "summary counts {} claims, paragraphs list {listed}",
                self.summary.claims
            ));
        }
        Ok(())
    }
}
