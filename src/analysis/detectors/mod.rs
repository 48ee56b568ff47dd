//! Attribution rules: each module finds one way English news attributes a
//! statement, and carries the text that explains it to a reader.
//!
//! A detector looks at one sentence and proposes [`Candidate`] claims. It
//! does not decide who the source is (that is [`super::sources`]) nor how
//! candidates nest ("…, a general told officers, according to a memo" is one
//! claim; that is [`super::merge`]). Keeping each rule small and separate
//! means a newcomer can read, test and change one without the others.

pub mod according_to;
pub mod as_verb;
pub mod citation;
pub mod content_noun;
pub mod continued_quote;
pub mod hedge;
pub mod participle;
pub mod passive_agent;
pub mod speech_verb;

use std::ops::Range;

use super::lexicon::tag;
use super::phrase::TokenRange;
use super::text::Paragraph;

/// What a rule is called and how it is explained to a reader.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable identifier, printed in every report: `attribution.speech-verb`.
    pub id: &'static str,
    /// A one-line explanation; `{cue}` and `{source}` are filled in.
    pub explanation: &'static str,
}

/// How a candidate takes part in nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary attribution: "X said".
    Plain,
    /// Names the party the reporter relied on and wraps the claim it is
    /// attached to: "according to X".
    Outer,
    /// ", citing X": X becomes the inner speaker of the claim before it.
    Citing,
    /// A hedge with no source: absorbed by any attribution around it.
    Hedge,
    /// "Moscow's narrative that …": the noun token carrying the content.
    ContentNoun { noun: usize },
    /// A quote continuing the speaker of an earlier claim.
    Continued,
}

/// A claim proposed by a detector, before nesting and classification.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub rule: &'static RuleInfo,
    pub role: Role,
    pub sentence: usize,
    pub cue: TokenRange,
    pub source: Option<TokenRange>,
    /// Inner speakers, outermost first; the first is reported as `speaker`.
    pub speakers: Vec<TokenRange>,
    /// The claimed content, in bytes.
    pub content: Range<usize>,
    /// Set when another candidate wraps this one.
    pub absorbed: bool,
    /// Kept only if the material turns out retracted (a restatement inside
    /// a quote or inside another claim).
    pub conditional: bool,
}

impl Candidate {
    pub fn new(rule: &'static RuleInfo, role: Role, sentence: usize, cue: TokenRange) -> Candidate {
        Candidate {
            rule,
            role,
            sentence,
            cue,
            source: None,
            speakers: Vec::new(),
            content: 0..0,
            absorbed: false,
            conditional: false,
        }
    }

    /// First token of the claim's words (source or cue).
    pub fn first_token(&self) -> usize {
        self.source.map_or(self.cue.0, |s| s.0.min(self.cue.0))
    }

    /// Last token of the claim's words (source or cue).
    pub fn last_token(&self) -> usize {
        self.source.map_or(self.cue.1, |s| s.1.max(self.cue.1))
    }
}

/// How far, in tokens, one claim's words may reach: a clause, a source, a
/// quotation before its verb. Bounds every search, so that a 20 MB
/// paragraph without a full stop costs time in proportion to its length.
pub const REACH: usize = 200;

/// The bytes of a sentence around token `at`, at most [`REACH`] tokens
/// each way: the content of a claim whose words surround its cue.
pub fn around(p: &Paragraph, sentence: usize, at: usize) -> Range<usize> {
    let s = &p.sentences[sentence];
    let first = at.saturating_sub(REACH).max(s.tokens.start);
    let last = (at + REACH).min(s.tokens.end - 1);
    p.tokens[first].start()..p.tokens[last].end()
}

/// The start of a sentence, or [`REACH`] tokens before `at` if that is later.
pub fn reach_back(p: &Paragraph, sentence: usize, at: usize) -> usize {
    let s = &p.sentences[sentence];
    p.tokens[at.saturating_sub(REACH).max(s.tokens.start)].start()
}

/// Where the clause that starts at token `from` ends, in bytes: at a
/// semicolon, at "but"/"while"/"whereas", at a comma before "and"/"though",
/// or at the sentence end. Punctuation inside quotations does not count.
/// In a sentence opening with a subordinate clause ("While X frames…, Y
/// hints…") the first comma ends the subordinate clause.
pub fn clause_end(p: &Paragraph, sentence: usize, from: usize) -> usize {
    let s = &p.sentences[sentence];
    let opens_subordinate = (s.tokens.start..from)
        .find(|&m| p.tokens[m].is_word())
        .is_some_and(|m| p.has(m, tag::SUBORDINATOR));
    // The sentence's first comma ends a subordinate clause that opens it.
    let first_comma = if opens_subordinate {
        (s.tokens.start..s.tokens.end.min(from + REACH)).find(|&m| p.is_punct(m, ','))
    } else {
        None
    };
    // Past REACH tokens a clause has ended, whatever the punctuation says.
    let limit = (from + REACH).min(s.tokens.end);
    // The quotation around each token, found by walking the paragraph's
    // quotations forward with the tokens rather than by a search per token.
    let quotes = &p.quotes;
    let first_at = p.tokens.get(from).map_or(usize::MAX, |t| t.start());
    let mut q = quotes.partition_point(|r| r.end <= first_at);
    (from..limit)
        .find_map(|m| {
            let at = p.tokens[m].start();
            while quotes.get(q).is_some_and(|r| r.end <= at) {
                q += 1;
            }
            let quote = quotes.get(q).filter(|r| r.start <= at).cloned();
            clause_break(p, s, m, first_comma, quote)
        })
        .unwrap_or(if limit < s.tokens.end {
            p.tokens[limit].start()
        } else {
            s.bytes.end
        })
}

/// Whether the clause ends at token `m`, and at which byte. Runs for every
/// token of every clause a cue opens, so the cheap tests on the token
/// itself come before the word comparisons: every conjunction compared
/// here is a [`tag::CLAUSE_BOUNDARY`], and a word without that class is
/// compared with none of them.
fn clause_break(
    p: &Paragraph,
    s: &super::text::Sentence,
    m: usize,
    first_comma: Option<usize>,
    quote: Option<std::ops::Range<usize>>,
) -> Option<usize> {
    let t = &p.tokens[m];
    let quoted = quote.is_some();
    if first_comma == Some(m) {
        let closes_quote = p.is_quote_mark(m + 1);
        if !quoted || closes_quote {
            return Some(if closes_quote {
                p.tokens[m + 1].end()
            } else {
                t.start()
            });
        }
    }
    // "… as ‘pure fiction,’ and its director told …": a clause ends after a
    // quotation closed before a conjunction.
    let closes_quote = quote.is_some_and(|q| q.end == t.end());
    if closes_quote
        && m > s.tokens.start
        && p.is_punct(m - 1, ',')
        && ["and", "but", "though", "although", "while"]
            .iter()
            .any(|w| p.is(m + 1, w))
    {
        return Some(t.end());
    }
    if quoted {
        return None;
    }
    if t.is_word() {
        let contrast = t.has(tag::CLAUSE_BOUNDARY)
            && !t.capitalized()
            && (p.is(m, "but") || p.is(m, "while") || p.is(m, "whereas"));
        return contrast.then_some(t.start());
    }
    let breaks = match t.punct() {
        ';' => true,
        ',' => {
            m + 1 < s.tokens.end
                && p.has(m + 1, tag::CLAUSE_BOUNDARY)
                && ["and", "though", "although", "but"]
                    .iter()
                    .any(|w| p.is(m + 1, w))
        }
        _ => false,
    };
    breaks.then_some(t.start())
}

/// Whether only connectors and punctuation stand before token `at` in its
/// sentence ("However, according to …").
pub fn opens_sentence(p: &Paragraph, sentence: usize, at: usize) -> bool {
    let s = &p.sentences[sentence];
    (s.tokens.start..at).all(|m| {
        !p.tokens[m].is_word()
            || p.has(m, tag::CLAUSE_BOUNDARY)
            || super::phrase::is_skippable_adverb(p, m)
    })
}

/// Whether a quotation ends just before token `at` (skipping a comma): the
/// shape of "‘…,’ said X" and "“…,” one source claimed".
pub fn follows_quote(p: &Paragraph, at: usize, lo: usize) -> bool {
    let mut k = at;
    while k > lo {
        k -= 1;
        if p.is_punct(k, ',') {
            continue;
        }
        return p.is_quote_mark(k);
    }
    false
}

/// Runs every sentence-level detector over one sentence.
pub fn detect_sentence(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let tags = p.sentences[sentence].tags;
    // A rule runs only where its words or phrases occur.
    let has = |t: u64| tags & t != 0;
    if has(tag::REPORTING) {
        speech_verb::detect(p, sentence, out);
    }
    if has(tag::ACCORDING) {
        according_to::detect(p, sentence, out);
    }
    if has(tag::CITATION | tag::CITING) {
        citation::detect(p, sentence, out);
    }
    if has(tag::PASSIVE_AGENT) {
        passive_agent::detect(p, sentence, out);
    }
    if has(tag::AS_VERB) {
        as_verb::detect(p, sentence, out);
    }
    if has(tag::PARTICIPLE) {
        participle::detect(p, sentence, out);
    }
    if has(tag::CONTENT_NOUN) {
        content_noun::detect(p, sentence, out);
    }
    if has(tag::HEDGE_ADVERB | tag::HEDGE_PARTICIPLE | tag::HEDGE_NOUN | tag::AS_VERB) {
        hedge::detect(p, sentence, out);
    }
}

/// Every rule, for listing in help and in the window's legend.
pub fn all_rules() -> Vec<&'static RuleInfo> {
    vec![
        &speech_verb::RULE,
        &speech_verb::RULE_INVERTED,
        &according_to::RULE,
        &citation::RULE_QUOTED_AS,
        &citation::RULE_CITING,
        &passive_agent::RULE,
        &as_verb::RULE,
        &participle::RULE,
        &content_noun::RULE,
        &hedge::RULE_ADVERB,
        &hedge::RULE_PASSIVE,
        &hedge::RULE_NOUN,
        &continued_quote::RULE,
    ]
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one detector on a sentence written for the test.
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    /// (cue, source, speaker) texts of what `detect` finds in `text`.
    pub fn found(
        text: &str,
        detect: fn(&Paragraph, usize, &mut Vec<Candidate>),
    ) -> Vec<(String, Option<String>, Option<String>)> {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let mut out = Vec::new();
        for s in 0..p.sentences.len() {
            detect(&p, s, &mut out);
        }
        let words = |r: TokenRange| text[p.span(r.0, r.1)].to_string();
        out.iter()
            .map(|c| {
                (
                    words(c.cue),
                    c.source.map(words),
                    c.speakers.first().copied().map(words),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    /// The text of the clause that starts after the word `after`.
    fn clause_after(text: &str, after: &str) -> String {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let at = (0..p.tokens.len()).find(|&i| p.is(i, after)).expect(after);
        text[p.tokens[at + 1].start()..clause_end(&p, 0, at + 1)].to_string()
    }

    #[test]
    fn clauses_end_at_contrasts_semicolons_and_commas_before_conjunctions() {
        for (text, clause) in [
            ("Officials said rents rose but wages fell.", "rents rose "),
            ("Officials said rents rose while wages fell.", "rents rose "),
            (
                "Officials said rents rose whereas wages fell.",
                "rents rose ",
            ),
            ("Officials said rents rose; wages fell.", "rents rose"),
            ("Officials said rents rose, and wages fell.", "rents rose"),
            (
                "Officials said rents rose, though wages fell.",
                "rents rose",
            ),
            (
                "Officials said rents rose, although wages fell.",
                "rents rose",
            ),
            ("Officials said rents rose, but wages fell.", "rents rose"),
            // Capitalised, "But" is a name here; a comma alone ends nothing.
            (
                "Officials said Ms But agreed, rents rose.",
                "Ms But agreed, rents rose.",
            ),
            (
                "Officials said “rents rose; wages fell” again.",
                "“rents rose; wages fell” again.",
            ),
        ] {
            assert_eq!(clause_after(text, "said"), clause, "{text}");
        }
    }

    #[test]
    fn every_conjunction_a_clause_break_compares_is_a_clause_boundary() {
        // clause_break compares a word only when it has this class.
        let lex = Lexicon::new(&Rules::builtin());
        for w in ["but", "while", "whereas", "and", "though", "although"] {
            assert_ne!(lex.word_tags(w) & tag::CLAUSE_BOUNDARY, 0, "{w}");
        }
    }
}
