//! Anonymous-source policy checks: for every claim resting on an anonymous
//! source, the questions newsroom policies ask before granting anonymity.
//!
//! The checks paraphrase what the AP, The New York Times, Reuters and the
//! SPJ Code of Ethics ask of anonymous sourcing: say why the source was
//! granted anonymity and how they know; describe them as fully as possible;
//! say how a document was obtained; do not let anonymous sources offer
//! opinion or personal attacks; do not lead a story with one; do not write
//! "sources" for one person. They are prompts for the editor, computed from
//! the finished analysis (so the window and every report show the same
//! answers), and each check is one small function with its own test.

use super::model::{Analysis, Claim, ParagraphAnalysis, SourceKind};

/// The answer to one policy question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    /// The question does not arise (e.g. how a document was obtained, for a person).
    NotApplicable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "yes",
            Verdict::Fail => "no",
            Verdict::NotApplicable => "n/a",
        }
    }
}

/// One policy question and its answer for a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub id: &'static str,
    /// The question, phrased so that "yes" is what policy wants.
    pub question: &'static str,
    pub verdict: Verdict,
    /// Which words decided.
    pub why: String,
}

/// The checks for claim `claim` of paragraph `paragraph`; empty unless the
/// claim rests on an anonymous source. For one claim; the inspector uses a
/// [`ParagraphChecklist`] and reports a [`Checklist`].
pub fn checks(analysis: &Analysis, paragraph: usize, claim: usize) -> Vec<Check> {
    ParagraphChecklist::new(analysis, paragraph).checks(claim)
}

/// The checks of one paragraph's claims (what the window's inspector
/// shows), with the paragraph searched once rather than once per claim.
pub struct ParagraphChecklist<'a> {
    analysis: &'a Analysis,
    paragraph: usize,
    first: Option<(usize, usize)>,
    facts: ParagraphFacts,
}

impl<'a> ParagraphChecklist<'a> {
    pub fn new(analysis: &'a Analysis, paragraph: usize) -> ParagraphChecklist<'a> {
        let facts = analysis
            .paragraphs
            .get(paragraph)
            .map(ParagraphFacts::of)
            .unwrap_or_default();
        ParagraphChecklist {
            analysis,
            paragraph,
            first: first_claim(analysis),
            facts,
        }
    }

    /// The checks of claim `claim` of the paragraph, as [`checks`].
    pub fn checks(&self, claim: usize) -> Vec<Check> {
        checks_with(
            self.analysis,
            self.first,
            &self.facts,
            self.paragraph,
            claim,
        )
    }
}

/// The checks of every claim of an article. What they need from the
/// article is found once — its first claim, and each paragraph's phrases
/// saying how a source knows or how a document was obtained — because
/// searching the paragraph again for each of its claims made a long
/// paragraph cost the square of its length.
pub struct Checklist<'a> {
    analysis: &'a Analysis,
    first: Option<(usize, usize)>,
    facts: Vec<ParagraphFacts>,
}

impl<'a> Checklist<'a> {
    pub fn new(analysis: &'a Analysis) -> Checklist<'a> {
        let facts = analysis.paragraphs.iter().map(ParagraphFacts::of).collect();
        Checklist {
            analysis,
            first: first_claim(analysis),
            facts,
        }
    }

    /// The checks of claim `claim` of paragraph `paragraph`, as [`checks`].
    pub fn checks(&self, paragraph: usize, claim: usize) -> Vec<Check> {
        match self.facts.get(paragraph) {
            Some(facts) => checks_with(self.analysis, self.first, facts, paragraph, claim),
            None => Vec::new(),
        }
    }
}

/// What a paragraph says about its sources, whichever claim is checked.
#[derive(Debug, Default)]
struct ParagraphFacts {
    /// The first of [`KNOWLEDGE_PHRASES`] the paragraph contains.
    knowledge: Option<&'static str>,
    /// The first of [`OBTAINED_PHRASES`] the paragraph contains.
    obtained: Option<&'static str>,
}

impl ParagraphFacts {
    /// Searched only where a claim rests on an anonymous source: no other
    /// claim gets a checklist.
    fn of(p: &ParagraphAnalysis) -> ParagraphFacts {
        if !p.claims.iter().any(|c| c.kind == SourceKind::Anonymous) {
            return ParagraphFacts::default();
        }
        let lower = p.text.to_lowercase();
        ParagraphFacts {
            knowledge: KNOWLEDGE_PHRASES
                .iter()
                .copied()
                .find(|p| lower.contains(p)),
            obtained: OBTAINED_PHRASES.iter().copied().find(|p| lower.contains(p)),
        }
    }
}

fn checks_with(
    analysis: &Analysis,
    first: Option<(usize, usize)>,
    facts: &ParagraphFacts,
    paragraph: usize,
    claim: usize,
) -> Vec<Check> {
    let Some(p) = analysis.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let Some(c) = p.claims.get(claim) else {
        return Vec::new();
    };
    let Some(source) = c
        .source
        .as_ref()
        .filter(|_| c.kind == SourceKind::Anonymous)
    else {
        return Vec::new();
    };
    let source = source.text().to_lowercase();
    vec![
        reason_given(c, &source),
        how_they_know(&source, facts.knowledge),
        described_beyond_source(&source),
        document_obtained(&source, facts.obtained),
        not_opinion(c),
        not_first_quote(first == Some((paragraph, claim))),
        plural_for_one(c, &source, &p.text),
    ]
}

/// Whether every applicable check passes.
pub fn all_pass(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.verdict != Verdict::Fail)
}

fn check(id: &'static str, question: &'static str, verdict: Verdict, why: String) -> Check {
    Check {
        id,
        question,
        verdict,
        why,
    }
}

fn first_claim(a: &Analysis) -> Option<(usize, usize)> {
    a.paragraphs
        .iter()
        .find(|p| !p.claims.is_empty())
        .map(|p| (p.index, 0))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

const DOCUMENT_NOUNS: &[&str] = &[
    "memo",
    "memos",
    "memorandum",
    "report",
    "document",
    "documents",
    "email",
    "emails",
    "letter",
    "letters",
    "file",
    "files",
    "records",
    "cable",
    "cables",
    "transcript",
    "recording",
    "draft",
    "dossier",
    "assessment",
    "minutes",
    "messages",
    "texts",
    "notes",
    "audit",
    "briefing",
];

fn is_document(source: &str) -> bool {
    words(source).any(|w| DOCUMENT_NOUNS.contains(&w))
}

/// AP, NYT: tell readers why the source was granted anonymity.
fn reason_given(c: &Claim, source: &str) -> Check {
    const Q: &str = "A reason for anonymity is given";
    let (verdict, why) = match c.anonymity_reason {
        Some(true) => (
            Verdict::Pass,
            "the text says why the source is unnamed".to_string(),
        ),
        Some(false) => (
            Verdict::Fail,
            format!("nothing says why '{source}' is unnamed"),
        ),
        None if is_document(source) => (
            Verdict::NotApplicable,
            "a document, not a person".to_string(),
        ),
        None => (
            Verdict::Fail,
            format!("nothing says why '{source}' is unnamed"),
        ),
    };
    check("policy-reason", Q, verdict, why)
}

const KNOWLEDGE_PHRASES: &[&str] = &[
    "familiar with",
    "knowledge of",
    "briefed on",
    "involved in",
    "who attended",
    "who was present",
    "who were present",
    "who saw",
    "who has seen",
    "who have seen",
    "who reviewed",
    "close to",
    "who participated",
    "who took part",
    "who worked",
    "who witnessed",
    "present at",
    "in the room",
    "privy to",
];

const POSITION_WORDS: &[&str] = &[
    "official",
    "officials",
    "aide",
    "aides",
    "officer",
    "officers",
    "staffer",
    "staffers",
    "employee",
    "employees",
    "diplomat",
    "diplomats",
    "executive",
    "executives",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "investigator",
    "investigators",
    "member",
    "members",
    "lawmaker",
    "lawmakers",
    "negotiator",
    "negotiators",
    "analyst",
    "analysts",
    "engineer",
    "engineers",
    "manager",
    "managers",
    "insider",
    "insiders",
    "worker",
    "workers",
    "commander",
    "commanders",
    "soldier",
    "soldiers",
    "agent",
    "agents",
    "director",
    "spokesperson",
    "colleague",
    "colleagues",
    "witness",
    "witnesses",
    "doctor",
    "doctors",
];

/// NYT, Reuters: say how the source knows, or what position they hold.
fn how_they_know(source: &str, knowledge_phrase: Option<&str>) -> Check {
    const Q: &str = "How the source knows, or their position, is described";
    if is_document(source) {
        return check(
            "policy-knowledge",
            Q,
            Verdict::NotApplicable,
            "a document, not a person".to_string(),
        );
    }
    if let Some(phrase) = knowledge_phrase {
        return check("policy-knowledge", Q, Verdict::Pass, format!("'{phrase}'"));
    }
    if let Some(w) = words(source).find(|w| POSITION_WORDS.contains(w)) {
        return check(
            "policy-knowledge",
            Q,
            Verdict::Pass,
            format!("position: '{w}'"),
        );
    }
    check(
        "policy-knowledge",
        Q,
        Verdict::Fail,
        format!("'{source}' says neither how they know nor what they do"),
    )
}

/// Words that describe nothing about a source.
const EMPTY_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "multiple",
    "anonymous",
    "unnamed",
    "other",
    "another",
    "more",
    "of",
    "s",
    "source",
    "sources",
    "person",
    "people",
    "persons",
    "someone",
    "individual",
    "individuals",
    "insider",
    "insiders",
];

/// AP, SPJ: describe the source as fully as possible, not just "a source".
fn described_beyond_source(source: &str) -> Check {
    const Q: &str = "The source is described beyond \"a source\"";
    let telling: Vec<&str> = words(source).filter(|w| !EMPTY_WORDS.contains(w)).collect();
    if telling.is_empty() {
        check(
            "policy-description",
            Q,
            Verdict::Fail,
            format!("'{source}' tells the reader nothing about who it is"),
        )
    } else {
        check(
            "policy-description",
            Q,
            Verdict::Pass,
            format!("described as '{}'", telling.join(" ")),
        )
    }
}

const OBTAINED_PHRASES: &[&str] = &[
    "obtained by",
    "obtained",
    "seen by",
    "reviewed by",
    "viewed by",
    "leaked to",
    "provided to",
    "shared with",
    "given to",
    "sent to",
    "made available to",
    "shown to",
    "released under",
    "freedom of information",
    "public records request",
];

/// NYT, Reuters: for documents, say how they were obtained.
fn document_obtained(source: &str, obtained_phrase: Option<&str>) -> Check {
    const Q: &str = "For a document: how it was obtained is said";
    if !is_document(source) {
        return check(
            "policy-document",
            Q,
            Verdict::NotApplicable,
            "a person, not a document".to_string(),
        );
    }
    match obtained_phrase {
        Some(p) => check("policy-document", Q, Verdict::Pass, format!("'{p}'")),
        None => check(
            "policy-document",
            Q,
            Verdict::Fail,
            format!("nothing says how '{source}' reached the reporter"),
        ),
    }
}

/// Words of opinion or personal attack.
const OPINION_WORDS: &[&str] = &[
    "should",
    "ought",
    "incompetent",
    "disgrace",
    "disgraceful",
    "liar",
    "lying",
    "corrupt",
    "stupid",
    "idiot",
    "idiotic",
    "clown",
    "coward",
    "cowardly",
    "pathetic",
    "shameful",
    "disaster",
    "unfit",
    "worst",
    "terrible",
    "awful",
    "ridiculous",
    "outrageous",
    "deserves",
    "hypocrite",
    "hypocritical",
    "useless",
    "dishonest",
    "crook",
    "weak",
];

/// AP, NYT: anonymous sources give information, not opinion or attacks.
fn not_opinion(c: &Claim) -> Check {
    const Q: &str = "Used for information, not opinion or personal attack";
    let content = c
        .content
        .as_ref()
        .map(|s| s.text().to_lowercase())
        .unwrap_or_default();
    match words(&content).find(|w| OPINION_WORDS.contains(w)) {
        Some(w) => check(
            "policy-opinion",
            Q,
            Verdict::Fail,
            format!("the claim uses '{w}'"),
        ),
        None => check(
            "policy-opinion",
            Q,
            Verdict::Pass,
            "no words of opinion or attack in the claim".to_string(),
        ),
    }
}

/// NYT: an anonymous source should not give the story's first quote.
fn not_first_quote(first: bool) -> Check {
    const Q: &str = "Not the story's first quote";
    if first {
        check(
            "policy-first",
            Q,
            Verdict::Fail,
            "this is the article's first claim".to_string(),
        )
    } else {
        check(
            "policy-first",
            Q,
            Verdict::Pass,
            "a claim comes before it".to_string(),
        )
    }
}

/// AP: "sources" (plural) is not used for a single source. A verbatim
/// quotation comes from one mouth, so plural sources with one is suspect.
fn plural_for_one(c: &Claim, source: &str, text: &str) -> Check {
    const Q: &str = "Plural \"sources\" is not used for one source";
    let plural = words(source)
        .last()
        .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
    if !plural {
        return check(
            "policy-plural",
            Q,
            Verdict::NotApplicable,
            "the source is singular".to_string(),
        );
    }
    let quoted = c.content.as_ref().is_some_and(|s| {
        let before = text[..s.start].chars().next_back();
        let first = s.text().chars().next();
        [before, first]
            .iter()
            .any(|c| matches!(c, Some('"' | '“' | '‘' | '«')))
    });
    if quoted {
        check(
            "policy-plural",
            Q,
            Verdict::Fail,
            format!("a word-for-word quote attributed to '{source}'"),
        )
    } else {
        check(
            "policy-plural",
            Q,
            Verdict::Pass,
            "a paraphrase several people can share".to_string(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    /// The checks of the first anonymous claim in the last paragraph.
    fn verdicts(paragraphs: &[&str]) -> Vec<Check> {
        let a = Analyzer::default().analyze(paragraphs);
        let pi = a.paragraphs.len() - 1;
        let ci = a.paragraphs[pi]
            .claims
            .iter()
            .position(|c| c.kind == SourceKind::Anonymous)
            .expect("an anonymous claim");
        checks(&a, pi, ci)
    }

    fn verdict(checks: &[Check], id: &str) -> Verdict {
        checks.iter().find(|c| c.id == id).unwrap().verdict
    }

    const LEAD: &str = "The mayor said the budget was final.";

    #[test]
    fn reason_for_anonymity() {
        let given = verdicts(&[
            LEAD,
            "An aide, who was not authorized to speak publicly, said the vote would slip.",
        ]);
        assert_eq!(verdict(&given, "policy-reason"), Verdict::Pass);
        let missing = verdicts(&[LEAD, "An aide said the vote would slip."]);
        assert_eq!(verdict(&missing, "policy-reason"), Verdict::Fail);
    }

    #[test]
    fn how_the_source_knows() {
        let known = verdicts(&[
            LEAD,
            "A person familiar with the talks said the deal was close.",
        ]);
        assert_eq!(verdict(&known, "policy-knowledge"), Verdict::Pass);
        let unknown = verdicts(&[LEAD, "A source said the deal was close."]);
        assert_eq!(verdict(&unknown, "policy-knowledge"), Verdict::Fail);
    }

    #[test]
    fn described_beyond_a_source() {
        let bare = verdicts(&[LEAD, "One source said the deal was close."]);
        assert_eq!(verdict(&bare, "policy-description"), Verdict::Fail);
        let described = verdicts(&[LEAD, "A senior Treasury official said the deal was close."]);
        assert_eq!(verdict(&described, "policy-description"), Verdict::Pass);
    }

    #[test]
    fn how_a_document_was_obtained() {
        let said = verdicts(&[
            LEAD,
            "An internal memo obtained by the Herald said the plant would close.",
        ]);
        assert_eq!(verdict(&said, "policy-document"), Verdict::Pass);
        let unsaid = verdicts(&[LEAD, "An internal memo said the plant would close."]);
        assert_eq!(verdict(&unsaid, "policy-document"), Verdict::Fail);
        let person = verdicts(&[LEAD, "An aide said the plant would close."]);
        assert_eq!(verdict(&person, "policy-document"), Verdict::NotApplicable);
    }

    #[test]
    fn not_opinion_or_attack() {
        let attack = verdicts(&[LEAD, "A council aide said the mayor was incompetent."]);
        assert_eq!(verdict(&attack, "policy-opinion"), Verdict::Fail);
        let fact = verdicts(&[LEAD, "A council aide said the vote was moved to Tuesday."]);
        assert_eq!(verdict(&fact, "policy-opinion"), Verdict::Pass);
    }

    #[test]
    fn not_the_first_quote() {
        let lead = verdicts(&["A council aide said the vote was moved to Tuesday."]);
        assert_eq!(verdict(&lead, "policy-first"), Verdict::Fail);
        let later = verdicts(&[LEAD, "A council aide said the vote was moved to Tuesday."]);
        assert_eq!(verdict(&later, "policy-first"), Verdict::Pass);
    }

    #[test]
    fn plural_sources_for_a_verbatim_quote() {
        let quote = verdicts(&[LEAD, "\"We are out of money,\" sources said."]);
        assert_eq!(verdict(&quote, "policy-plural"), Verdict::Fail);
        let paraphrase = verdicts(&[LEAD, "Sources said the city was out of money."]);
        assert_eq!(verdict(&paraphrase, "policy-plural"), Verdict::Pass);
    }

    #[test]
    fn named_sources_get_no_checklist() {
        let a = Analyzer::default().analyze(&[LEAD]);
        assert!(checks(&a, 0, 0).is_empty());
        assert!(checks(&a, 5, 5).is_empty());
    }
}
