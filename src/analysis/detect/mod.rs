//! Attribution rules: each module finds one way English news attributes a
//! statement, and carries the text that explains it to a reader.
//!
//! A rule reads one sentence's phrases ([`Paragraph`], with its syntax)
//! and proposes [`Candidate`] claims: a cue, the phrase it rests on, the
//! content. It does not decide what kind of source the phrase names (that
//! is [`super::sources`]) nor how candidates nest ("…, a general told
//! officers, according to a memo" is one claim: [`nest`]).
//!
//! **Adding a rule** is one file and one line: write a module with a
//! struct implementing [`Detector`] (its [`RuleInfo`], the lists whose
//! words must be in a sentence for it to look, and `detect`), and add it
//! to [`registry`]. Dispatch, the sentence filter and [`all_rules`] all
//! come from that one list.

pub mod according_to;
pub mod as_verb;
pub mod citation;
pub mod content_noun;
pub mod hedge;
pub mod participle;
pub mod passive_agent;
pub mod speech_verb;
pub mod title;
pub mod transcript;

mod nest;

use std::ops::Range;

pub use nest::nest;

use super::lexicon::{Classes, Lexicon};
use super::reading::Paragraph;

/// What a rule is called and how it is explained to a reader.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable identifier, printed in every report: `attribution.speech-verb`.
    pub id: &'static str,
    /// A one-line explanation; `{cue}`, `{source}` and `{speaker}` are
    /// filled in.
    pub explanation: &'static str,
}

/// How a candidate takes part in nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary attribution: "X said".
    Plain,
    /// Names the party the reporter relied on and wraps the statement it
    /// is attached to: "according to X".
    Outer,
    /// ", citing X": X becomes the inner speaker of the claim around it.
    Citing,
    /// A hedge with no source ("reportedly"): wraps the claim whose verb
    /// it modifies, and adds nothing inside an attributed statement.
    Hedge,
    /// A quotation continuing an earlier speaker, with no cue of its own.
    Continued,
}

/// A claim proposed by a rule, before nesting and classification. Ranges
/// are tokens of the paragraph.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub rule: &'static RuleInfo,
    pub role: Role,
    pub sentence: usize,
    /// The attribution words (first to last: "quoted ... as saying").
    pub cue: Range<usize>,
    /// The phrase the claim rests on; none for hedges.
    pub source: Option<Range<usize>>,
    /// An inner speaker ("a general" told officers, according to a memo).
    pub speaker: Option<Range<usize>>,
    /// Who was told, for verbs of telling: an outlet told is the source
    /// the reporter relied on ("officials told the Gazette").
    pub recipient: Option<Range<usize>>,
    /// What is claimed.
    pub content: Range<usize>,
    /// The item that carried the statement: "(issued) a statement
    /// (saying)", "in a paper", "in a since-deleted post".
    pub vehicle: Option<Range<usize>>,
    /// A restatement inside a quotation: kept only if what it restates is
    /// withdrawn.
    pub conditional: bool,
    /// An act of testimony ("confessed", "testified"): a statement of its
    /// own even inside another's ("she said she confessed to spying").
    pub testimony: bool,
    /// Restates what an item said, with the item as source: "(pulled) its
    /// report that said …", "a story alleging …", "its claim that …". It is
    /// the item's statement, never an inner part of whoever mentions the
    /// item ("X said it was retracting its report that …" is two claims).
    pub restates: bool,
}

impl Candidate {
    pub fn new(rule: &'static RuleInfo, role: Role, sentence: usize, cue: Range<usize>) -> Self {
        Candidate {
            rule,
            role,
            sentence,
            cue,
            source: None,
            speaker: None,
            recipient: None,
            content: 0..0,
            vehicle: None,
            conditional: false,
            testimony: false,
            restates: false,
        }
    }

    /// Every token of the attribution (cue and source).
    pub fn attribution(&self) -> Range<usize> {
        match &self.source {
            Some(s) => s.start.min(self.cue.start)..s.end.max(self.cue.end),
            None => self.cue.clone(),
        }
    }
}

/// An attribution rule.
pub trait Detector: Send + Sync + std::fmt::Debug {
    fn info(&self) -> &'static RuleInfo;
    /// The lists one of whose words a sentence must hold for the rule to
    /// look at it; none (the empty set) for a rule that looks at every
    /// sentence.
    fn triggers(&self) -> Classes;
    /// Proposes the claims of sentence `sentence`.
    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>);
}

/// Every attribution rule, built on a lexicon. The one list: add a rule
/// here.
pub fn registry(lex: &Lexicon) -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(speech_verb::SpeechVerb::new(lex)),
        Box::new(according_to::AccordingTo::new(lex)),
        Box::new(participle::Participle::new(lex)),
        Box::new(citation::Citation::new(lex)),
        Box::new(citation::Citing::new(lex)),
        Box::new(as_verb::AsVerb::new(lex)),
        Box::new(passive_agent::PassiveAgent::new(lex)),
        Box::new(hedge::HedgeAdverb::new(lex)),
        Box::new(hedge::HedgePassive::new(lex)),
        Box::new(content_noun::ContentNoun::new(lex)),
        Box::new(transcript::Transcript::new(lex)),
        Box::new(title::Title::new(lex)),
    ]
}

/// Every rule's id and explanation, for help and the legend.
pub fn all_rules() -> Vec<&'static RuleInfo> {
    let lex = Lexicon::new(
        &super::rules::Rules::builtin(),
        super::syntax::Syntax::builtin(),
    );
    let mut out: Vec<&'static RuleInfo> = registry(&lex).iter().map(|d| d.info()).collect();
    out.push(&CONTINUED_QUOTE);
    out.dedup_by_key(|r| r.id);
    out
}

/// The rule of a quotation that continues an earlier speaker.
pub static CONTINUED_QUOTE: RuleInfo = RuleInfo {
    id: "attribution.continued-quote",
    explanation: "A quotation continued with no new attribution: still {source} speaking",
};

/// The rule with this id, for explanations.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    static ALL: std::sync::OnceLock<Vec<&'static RuleInfo>> = std::sync::OnceLock::new();
    ALL.get_or_init(all_rules)
        .iter()
        .copied()
        .find(|r| r.id == id)
}

/// The candidate claims of a paragraph, sentence by sentence, nested.
pub fn detect(p: &Paragraph, detectors: &[Box<dyn Detector>]) -> Vec<Candidate> {
    // Gathered in this thread's buffer and copied out at their exact
    // length: a long article keeps every paragraph's candidates until its
    // sources are resolved.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<Candidate>> = std::cell::RefCell::default();
    }
    BUFFER.with_borrow_mut(|out| {
        out.clear();
        detect_into(p, detectors, out);
        out.clone()
    })
}

fn detect_into(p: &Paragraph, detectors: &[Box<dyn Detector>], out: &mut Vec<Candidate>) {
    for s in 0..p.sentences.len() {
        let first = out.len();
        for d in detectors {
            let triggers = d.triggers();
            if triggers == Classes::default() || p.sentence_has(s, triggers) {
                d.detect(p, s, out);
            }
        }
        // A cue inside someone's quotation is part of what they say; a
        // document's content restated there ("our report that …") is kept
        // on condition that the document turns out withdrawn.
        let mut k = first;
        while k < out.len() {
            if inside_quotation(p, out[k].cue.start) {
                if out[k].rule.id == content_noun::RULE.id && out[k].source.is_some() {
                    out[k].conditional = true;
                    k += 1;
                } else {
                    out.remove(k);
                }
            } else {
                k += 1;
            }
        }
        nest(p, out, first);
    }
}

/// Whether token `i` stands between a quotation's marks: a closed
/// quotation, or an open one that began the paragraph (a long quote
/// running on from the paragraph before).
pub fn inside_quotation(p: &Paragraph, i: usize) -> bool {
    let n = p.tokens.len();
    p.quote_at(i).is_some_and(|q| {
        let inside = q.inside(n);
        inside.contains(&i) && (q.close.is_some() || q.open == 0)
    })
}

/// Where a verb's subject or inverted source is, and where its content may
/// start: shared by the rules built on verbs.
pub mod verbs {
    use std::ops::Range;

    use super::super::reading::Paragraph;
    use super::super::syntax::chunks::VerbGroup;

    /// The source of a tensed verb: its subject, or the phrase after it
    /// when the attribution follows a quotation or clause ("…," said
    /// Omar Reyes; "Said the mayor: …"). The bool is true when inverted.
    pub fn source(p: &Paragraph, vg: &VerbGroup) -> Option<(Range<usize>, bool)> {
        if let Some(s) = p.subject_of(vg) {
            return Some((s, false));
        }
        let s = p.sentence_range(vg.tokens.start);
        let before = vg.tokens.start;
        let follows = before == s.start
            || p.is_mark(before - 1, ',')
            || p.is_quote_mark(before - 1)
            || p.is_dash(before - 1);
        if !follows {
            return None;
        }
        let r = p.phrase_from(vg.tokens.end, s.end)?;
        // "…, said Omar Reyes." — the phrase closes the attribution; one
        // followed by its own verb ("…, said the mine would close") is the
        // subject of a reported clause, not an inverted source.
        if r.end < s.end
            && p.chunks
                .vg_at(r.end)
                .is_some_and(|v| p.chunks.vgs[v].finite)
        {
            return None;
        }
        // `"…," said the company's lawyer, who declined to give her name.`:
        // a relative clause after the inverted source describes it, as one
        // before the verb does ("A lawyer, who …, said").
        let mut r = r;
        if r.end + 1 < s.end
            && p.is_mark(r.end, ',')
            && p.is_any(r.end + 1, &["who", "whom", "whose"])
        {
            let last = (r.end + 2..s.end)
                .find(|&k| {
                    p.is_mark(k, ',')
                        || p.tags[k] == super::super::syntax::tags::Tag::PERIOD
                        || p.is_quote_mark(k)
                })
                .unwrap_or(s.end);
            r.end = last;
        }
        Some((r, true))
    }

    /// The quotation right before token `at`, separated from it by
    /// nothing but a comma: `"…," he said`.
    pub fn quote_before(p: &Paragraph, at: usize) -> Option<Range<usize>> {
        let n = p.tokens.len();
        let mut k = at;
        while k > 0 && p.is_mark(k - 1, ',') {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        let q = p.quotes.iter().find(|q| q.close == Some(k - 1))?;
        let inside = q.inside(n);
        (!inside.is_empty()).then_some(inside)
    }

    /// When a sentence is nothing but an attribution (`Hill asked.` after
    /// `"Why?"`), the quotation ending the sentence before it.
    pub fn quote_of_previous_sentence(p: &Paragraph, sentence: usize) -> Option<Range<usize>> {
        let prev = p.sentences.get(sentence.checked_sub(1)?)?;
        let n = p.tokens.len();
        let q = p.quotes.iter().find(|q| {
            q.close.is_some_and(|c| {
                c + 1 == prev.end || c + 2 == prev.end && !p.tokens[c + 1].is_word()
            })
        })?;
        Some(q.inside(n))
    }

    /// The quotation starting right after token `at` (", " or ": " between).
    pub fn quote_after(p: &Paragraph, at: usize) -> Option<Range<usize>> {
        let n = p.tokens.len();
        let mut k = at;
        while k < n && (p.is_mark(k, ',') || p.is_mark(k, ':')) {
            k += 1;
        }
        let q = p.quotes.iter().find(|q| q.open == k)?;
        Some(q.inside(n))
    }

    /// A verb group that modifies the noun before it ("a report released
    /// Thursday", "documents seen by Reuters"): a participle alone, or a
    /// past form read as tensed with a time or a preposition after it.
    fn reduced_relative(p: &Paragraph, v: usize) -> bool {
        use super::super::syntax::tags::Tag;
        let vg = &p.chunks.vgs[v];
        let next = vg.tokens.end;
        let adjunct = next >= p.tokens.len()
            || p.tags[next] == Tag::IN
            || p.chunks
                .np_starting_at(next)
                .is_some_and(|n| p.is_time_head(p.chunks.nps[n].head))
            || p.tags[next].is_punctuation();
        vg.tokens.len() == 1
            && (matches!(p.tags[vg.main], Tag::VBN | Tag::VBG)
                || p.tags[vg.main] == Tag::VBD && adjunct)
    }

    /// For an attribution set off by commas in a sentence ("The plan,
    /// officials said, is dead." / "The plan is dead, officials said."),
    /// the rest of the sentence: what it attributes.
    pub fn parenthetical_content(p: &Paragraph, attribution: Range<usize>) -> Option<Range<usize>> {
        let s = p.sentence_range(attribution.start);
        let before_comma = attribution.start > s.start && p.is_mark(attribution.start - 1, ',');
        if !before_comma {
            return None;
        }
        // "…, the union told members on Monday.": the attribution's own
        // object, adverbs and prepositional or time phrases come before
        // the clause's end.
        let mut end = attribution.end;
        while end < s.end {
            if p.tags[end].is_adverb() {
                end += 1;
            } else if let Some(n) = p.chunks.np_starting_at(end) {
                end = p.chunks.nps[n].tokens.end;
            } else if p.tags[end] == super::super::syntax::tags::Tag::IN
                && let Some(n) = p.chunks.np_starting_at(end + 1)
            {
                end = p.chunks.nps[n].tokens.end;
            } else if end > attribution.end
                && p.chunks.np_ending_at(end - 1).is_some()
                && let Some(v) = p.chunks.vg_at(end)
                && reduced_relative(p, v)
            {
                // "…, the bank said in a report released Thursday.": a
                // participle after the phrase's noun, with its own phrases.
                end = p.chunks.vgs[v].tokens.end;
            } else {
                break;
            }
        }
        let closes = end >= s.end
            || p.is_mark(end, ',')
            || p.tags[end] == super::super::syntax::tags::Tag::PERIOD
            || p.is_mark(end, ';');
        if !closes {
            return None;
        }
        // What the attribution interrupts: from the clause's start.
        let mut start = s.start;
        for k in (s.start..attribution.start - 1).rev() {
            if p.is_mark(k, ';') || p.is_mark(k, ':') {
                start = k + 1;
                break;
            }
        }
        // What it interrupts is a clause, with a tensed verb ("A few months
        // ago, the army warned of …" has none before the comma) — or one
        // it splits between subject and verb: "The plan, officials said,
        // would cost $4 billion": a subject before, a comma after, and the
        // clause's tensed verb right after that.
        if !(start..attribution.start - 1).any(|k| p.tags[k].is_finite()) {
            let subject = (start..attribution.start - 1)
                .any(|k| p.tags[k].is_noun() || p.tags[k] == super::super::syntax::tags::Tag::PRP);
            let resumes = end + 1 < s.end
                && p.is_mark(end, ',')
                && p.chunks.vg_at(end + 1).is_some_and(|v| {
                    let vg = &p.chunks.vgs[v];
                    vg.finite && vg.tokens.start == end + 1
                });
            if !(subject && resumes) {
                return None;
            }
            return Some(start..p.clause_end(end + 1).max(end + 2));
        }
        let mut stop = p.clause_end(end.min(s.end.saturating_sub(1)).max(s.start));
        if stop < end {
            stop = end;
        }
        (attribution.start - 1 > start).then(|| start..stop.max(attribution.start - 1))
    }
}
