//! The syntactic layer: a paragraph's words, sentences and quotations, the
//! part of speech of every word, and its base phrases. Attribution rules
//! read these, not raw words: a source is a noun phrase, a cue a verb
//! group with its arguments.
//!
//! - [`tokens`]: words and marks, cut as the treebank cuts them;
//! - [`sentences`]: sentence ends and quotation marks;
//! - [`tagger`]: part-of-speech tags from an averaged perceptron trained on
//!   the English Web Treebank ([`train`], [`conllu`]; the model is
//!   `assets/syntax/model.bin`, CC BY-SA 4.0);
//! - [`chunks`]: base noun phrases and verb groups;
//! - [`grammar`]: what rules ask of them — a verb's subject, a phrase
//!   with its appositives, a verb's content;
//! - [`lemma`]: the inflected forms of word-list entries.

pub mod chunks;
pub mod conllu;
pub mod grammar;
pub mod lemma;
pub mod sentences;
pub mod tagger;
pub mod tags;
pub mod tokens;
pub mod train;
pub mod wordset;

use std::ops::Range;
use std::sync::OnceLock;

use chunks::Chunks;
use sentences::Quote;
use tagger::{Scratch, Tagger};
use tags::Tag;
use tokens::Token;

/// The trained model: the tagger and the irregular forms of words.
#[derive(Debug)]
pub struct Syntax {
    tagger: Tagger,
    irregular: Vec<(String, String, Tag)>,
}

/// The model file built into the binary (see `assets/syntax/README.md`).
const MODEL: &[u8] = include_bytes!("../../../assets/syntax/model.bin");

impl Syntax {
    /// The model built into the binary, read once.
    pub fn builtin() -> &'static Syntax {
        static BUILTIN: OnceLock<Syntax> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The file is part of the build, and a unit test reads it: it
            // cannot be missing or broken in a binary that passed its tests.
            let (tagger, irregular) =
                Tagger::from_bytes(MODEL).expect("the built-in syntax model reads");
            Syntax { tagger, irregular }
        })
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Inflected forms whose lemma spelling rules do not give, in lower
    /// case: (form, lemma, tag).
    pub fn irregular(&self) -> &[(String, String, Tag)] {
        &self.irregular
    }
}

/// A paragraph read as far as syntax goes.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub tags: Vec<Tag>,
    /// Each sentence's tokens; every token is in one.
    pub sentences: Vec<Range<usize>>,
    pub quotes: Vec<Quote>,
    pub chunks: Chunks,
}

impl<'a> Parsed<'a> {
    /// The words of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range()]
    }

    /// The bytes from the start of token `first` to the end of token
    /// `last` (inclusive).
    pub fn bytes(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() {
            let at = self
                .tokens
                .get(tokens.start)
                .map_or(self.text.len(), |t| t.start as usize);
            return at..at;
        }
        self.tokens[tokens.start].start as usize..self.tokens[tokens.end - 1].end as usize
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The quotation whose marks enclose token `i` (marks included).
    pub fn quote_at(&self, i: usize) -> Option<&Quote> {
        let n = self.tokens.len();
        let k = self.quotes.partition_point(|q| q.whole(n).end <= i);
        self.quotes.get(k).filter(|q| q.whole(n).contains(&i))
    }
}

/// Reads a paragraph: tokens, sentences, quotations, tags, chunks.
pub fn parse<'a>(text: &'a str, syntax: &Syntax, scratch: &mut Scratch) -> Parsed<'a> {
    parse_with(text, syntax, scratch, |_, _| {})
}

/// [`parse`] with a repair of the tags before phrases are read from them:
/// the analysis corrects there what its word lists know better than the
/// tagger ("alleging/NN that" is a verb).
pub fn parse_with<'a>(
    text: &'a str,
    syntax: &Syntax,
    scratch: &mut Scratch,
    repair: impl FnOnce(&[tokens::Token], &mut [Tag]),
) -> Parsed<'a> {
    let tokens = tokens::tokenize(text);
    let sentences: Vec<Range<usize>> = sentences::split(text, &tokens)
        .into_iter()
        .map(|s| s.tokens)
        .collect();
    let quotes = sentences::quotations(&tokens);
    // Quotation marks whose direction is known are tagged as such; an
    // address is an address.
    let mut allowed = vec![tagger::TAG_BITS; tokens.len()];
    for q in &quotes {
        allowed[q.open] = 1 << Tag::OPEN_QUOTE.0;
        if let Some(c) = q.close {
            allowed[c] = 1 << Tag::CLOSE_QUOTE.0;
        }
    }
    for (k, t) in tokens.iter().enumerate() {
        if t.kind == tokens::Kind::Address {
            allowed[k] = 1 << Tag::ADD.0;
        }
    }
    let mut tags = Vec::with_capacity(tokens.len());
    let mut words: Vec<&str> = Vec::new();
    for s in &sentences {
        words.clear();
        words.extend(tokens[s.clone()].iter().map(|t| &text[t.range()]));
        let allowed = &allowed[s.clone()];
        syntax
            .tagger
            .tag(&words, |i| allowed[i], scratch, &mut tags);
    }
    lower_case_names(text, &tokens, &mut tags);
    verb_pairs(text, &tokens, &sentences, &mut tags);
    let quoted = quoted_tokens(tokens.len(), &quotes);
    verbs_after_relative_clauses(text, &tokens, &sentences, &quoted, &mut tags);
    lone_participles(text, &tokens, &sentences, &quoted, &mut tags);
    verbs_before_a_quotation(&tokens, &sentences, &quotes, &quoted, &mut tags);
    reduced_relatives_before_a_day(text, &tokens, &mut tags);
    nominal_adjectives(&mut tags);
    nouns_after_prepositional_to(text, &tokens, &mut tags);
    repair(&tokens, &mut tags);
    let chunks = chunks::chunk(text, &tokens, &tags, &sentences);
    Parsed {
        text,
        tokens,
        tags,
        sentences,
        quotes,
        chunks,
    }
}

/// News capitalises names: a word in lower case throughout is no proper
/// noun ("On Tuesday the ministry/NNP backtracked" → NN), whatever its
/// neighbours made the tagger think. ("eBay", "iPhone" keep theirs.)
fn lower_case_names(text: &str, tokens: &[tokens::Token], tags: &mut [Tag]) {
    for (k, t) in tokens.iter().enumerate() {
        let plural = match tags[k] {
            Tag::NNP => false,
            Tag::NNPS => true,
            _ => continue,
        };
        let w = &text[t.range()];
        if w.chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
            && w.chars().any(char::is_alphabetic)
        {
            tags[k] = if plural { Tag::NNS } else { Tag::NN };
        }
    }
}

/// Auxiliaries in "-s", which stand before their participle ("Pakistan
/// has denied") and are never a plural noun read as a verb.
const AUXILIARIES: wordset::Words = wordset::Words::new(&["has", "is", "does", "was", "'s", "’s"]);

/// Subjects the tagger reads as something else at a sentence's start. Two
/// tensed verbs in a row: the first is a plural noun ("Reports/VBZ say",
/// "Officials/VBZ said") — a clause has one tensed verb, and an "-s" form
/// before another is its subject.
fn verb_pairs(text: &str, tokens: &[tokens::Token], sentences: &[Range<usize>], tags: &mut [Tag]) {
    for s in sentences {
        // `"…," Hill/UH, 62, said`: a capitalised word inside a sentence
        // is a name, not an interjection ("Hi," "Yes,").
        for k in s.start + 1..s.end {
            if tags[k] == Tag::UH && tokens[k].capitalized() && tags[k - 1] == Tag::CLOSE_QUOTE {
                tags[k] = Tag::NNP;
            }
        }
        let i = s.start;
        if i + 1 < s.end
            && tags[i] == Tag::VBZ
            && matches!(tags[i + 1], Tag::VBP | Tag::VBD | Tag::MD | Tag::VB)
            && tokens[i].capitalized()
        {
            tags[i] = Tag::NNS;
        }
        // …and after one word in front: "Unconfirmed reports/VBZ said",
        // "Local officials/VBZ say" — an "-s" form right before another
        // tensed or past form is no verb of its own.
        // (Not an auxiliary before its participle: "Pakistan has denied".)
        if i + 2 < s.end
            && matches!(tags[i], Tag::JJ | Tag::NNP | Tag::NN)
            && tags[i + 1] == Tag::VBZ
            && matches!(tags[i + 2], Tag::VBP | Tag::VBD | Tag::VBN | Tag::MD)
            && !AUXILIARIES.has(&text[tokens[i + 1].range()])
        {
            tags[i + 1] = Tag::NNS;
            // …and the form after the noun is the clause's verb.
            let by = i + 3 < s.end && text[tokens[i + 3].range()].eq_ignore_ascii_case("by");
            if tags[i + 2] == Tag::VBN && !by {
                tags[i + 2] = Tag::VBD;
            }
        }
        // "Court/VB records show/VB …": a sentence's first word read as an
        // imperative before a noun and another verb is that noun's
        // modifier, and the verb after the noun is the clause's.
        if i + 2 < s.end
            && tags[i] == Tag::VB
            && matches!(tags[i + 1], Tag::NN | Tag::NNS)
            && matches!(
                tags[i + 2],
                Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD | Tag::MD
            )
        {
            tags[i] = Tag::NN;
            if tags[i + 2] == Tag::VB {
                tags[i + 2] = if tags[i + 1] == Tag::NNS {
                    Tag::VBP
                } else {
                    Tag::VBZ
                };
            }
        }
        // Inside the sentence too, after a number, determiner or
        // adjective: "said two suspects/VBZ had been arrested" — an "-s"
        // form right before a tensed verb or modal is the noun of the
        // phrase they open, not a verb with a one-word subject.
        for k in s.start + 1..s.end.saturating_sub(1) {
            if tags[k] == Tag::VBZ
                && matches!(tags[k - 1], Tag::CD | Tag::DT | Tag::JJ | Tag::PRPS)
                && matches!(tags[k + 1], Tag::VBD | Tag::VBP | Tag::MD)
                && !AUXILIARIES.has(&text[tokens[k].range()])
            {
                tags[k] = Tag::NNS;
            }
        }
        // After a quotation, "Hill/RB asked.": a capitalised word alone
        // before the sentence's tensed verb and its end is its subject.
        if i + 2 < s.end
            && matches!(tags[i], Tag::RB | Tag::JJ)
            && tokens[i].capitalized()
            && matches!(tags[i + 1], Tag::VBD | Tag::VBZ)
            && matches!(tags[i + 2], Tag::PERIOD | Tag::COMMA)
        {
            tags[i] = Tag::NNP;
        }
    }
}

/// The last tensed verb (or modal) of `sentence` outside quotations.
fn last_tensed(tags: &[Tag], sentence: Range<usize>, quoted: &[bool]) -> Option<usize> {
    sentence
        .rev()
        .find(|&k| (tags[k].is_finite() || tags[k] == Tag::MD) && !quoted[k])
}

/// Which tokens stand inside a quotation (its marks included).
fn quoted_tokens(len: usize, quotes: &[Quote]) -> Vec<bool> {
    let mut inside = vec![false; len];
    for q in quotes {
        let end = q.close.map_or(len, |c| c + 1).min(len);
        if q.open < end {
            inside[q.open..end].fill(true);
        }
    }
    inside
}

/// "One resident, who asked not to be named, told/VBN reporters …": a
/// past form right after a relative clause set off by commas is the
/// sentence's own verb (VBD), with the relative's noun for subject — when
/// no tensed verb follows it outside quotations (else it is a participle
/// of the noun: "the man, who was arrested Monday, charged with fraud,
/// faces trial") and "by" does not ("…, published by the Times").
fn verbs_after_relative_clauses(
    text: &str,
    tokens: &[tokens::Token],
    sentences: &[Range<usize>],
    quoted: &[bool],
    tags: &mut [Tag],
) {
    let word = |k: usize| &text[tokens[k].range()];
    for s in sentences {
        // For "no tensed verb after it": read once per sentence, not once
        // per candidate.
        let last_tensed = last_tensed(tags, s.clone(), quoted);
        for m in s.start + 3..s.end {
            // A base form after the clause has a plural noun for subject
            // ("The documents, which were reviewed by the AP, show/VB …"):
            // it modifies no noun, so a tensed verb after it changes
            // nothing.
            let base = tags[m] == Tag::VB;
            if !(tags[m] == Tag::VBN || base) || !tokens[m - 1].is_mark(',') || quoted[m] {
                continue;
            }
            let Some(open) = (s.start..m - 1).rev().find(|&k| tokens[k].is_mark(',')) else {
                continue;
            };
            let relative = open + 1 < m - 1
                && matches!(tags[open + 1], Tag::WP | Tag::WDT)
                && ["who", "which"]
                    .iter()
                    .any(|w| word(open + 1).eq_ignore_ascii_case(w));
            if !relative || open == s.start || !tags[open - 1].is_noun() {
                continue;
            }
            if base {
                if matches!(tags[open - 1], Tag::NNS | Tag::NNPS) {
                    tags[m] = Tag::VBP;
                }
                continue;
            }
            let by = m + 1 < s.end && word(m + 1).eq_ignore_ascii_case("by");
            let later = last_tensed.is_some_and(|t| t > m);
            if !by && !later {
                tags[m] = Tag::VBD;
            }
        }
    }
}

/// `… an official who was not authorized to comment replied/VBN: "No
/// comment."`: a past form right before a colon and an opening quotation
/// mark introduces what was said — the sentence's verb, not a participle
/// of a noun. So is a noun read as the last of a compound there when the
/// sentence has no tensed verb outside its quotations: `A statement from
/// the palace read/NN: "…"`.
fn verbs_before_a_quotation(
    tokens: &[tokens::Token],
    sentences: &[Range<usize>],
    quotes: &[sentences::Quote],
    quoted: &[bool],
    tags: &mut [Tag],
) {
    for q in quotes {
        let Some(colon) = q.open.checked_sub(1) else {
            continue;
        };
        let Some(m) = colon.checked_sub(1) else {
            continue;
        };
        if !tokens[colon].is_mark(':') {
            continue;
        }
        if tags[m] == Tag::VBN {
            tags[m] = Tag::VBD;
        } else if tags[m] == Tag::NN
            && m > 0
            && tags[m - 1].is_noun()
            && let Some(s) = sentences
                .get(sentences.partition_point(|s| s.end <= m))
                .filter(|s| s.contains(&m))
            && last_tensed(tags, s.clone(), quoted).is_none()
        {
            tags[m] = Tag::VBD;
        }
    }
}

/// A sentence has a tensed verb, and so does a clause "that" opens.
/// In a sentence with none outside its quotations, a plural noun between
/// a noun and an infinitive is the verb ("The company claims/NNS to
/// have …" → VBZ); else the first past
/// participle after its subject is the past tense: "The ministry later
/// retracted/VBN the claim." (a participle needs another verb to modify a
/// noun of) — unless it has no past form ("Photos taken at the scene.").
/// And "that" before a noun with no tensed verb after it is that noun's
/// determiner, not a conjunction: "retracted that/IN claim." → DT.
fn lone_participles(
    text: &str,
    tokens: &[tokens::Token],
    sentences: &[Range<usize>],
    quoted: &[bool],
    tags: &mut [Tag],
) {
    let tensed = |tags: &[Tag], s: Range<usize>| last_tensed(tags, s, quoted).is_some();
    for s in sentences {
        // "The company claims/NNS to have fixed the flaw": a plural noun
        // after a noun and before an infinitive is the verb.
        if !tensed(tags, s.clone())
            && let Some(m) = (s.start + 1..s.end.saturating_sub(2)).find(|&k| {
                tags[k] == Tag::NNS
                    && tags[k - 1] == Tag::NN
                    && tags[k + 1] == Tag::TO
                    && tags[k + 2] == Tag::VB
                    && !quoted[k]
            })
        {
            tags[m] = Tag::VBZ;
        }
        if !tensed(tags, s.clone())
            && let Some(m) = (s.start + 1..s.end).find(|&k| tags[k] == Tag::VBN && !quoted[k])
        {
            let mut j = m;
            while j > s.start && tags[j - 1].is_adverb() {
                j -= 1;
            }
            if j > s.start
                && (tags[j - 1].is_noun() || tags[j - 1] == Tag::PRP)
                && !tagger::participle_only(&text[tokens[m].range()].to_lowercase())
            {
                tags[m] = Tag::VBD;
            }
        }
        // "The consulate issued/VBN an advisory …, saying the border was
        // closed": a participle right after the sentence's opening noun
        // phrase, with an object of its own after it ("an", "its") and
        // nothing tensed before, is the sentence's verb, whatever tensed
        // verb a later clause has — a participle modifying that noun would
        // take none ("the man given a warning": "given" has a past of its
        // own, and stays).
        if let Some(m) = (s.start + 1..s.end.saturating_sub(2)).find(|&k| tags[k].is_verb())
            && tags[m] == Tag::VBN
            && !quoted[m]
            && (tags[m - 1].is_noun() || tags[m - 1] == Tag::PRP)
            && (s.start..m).all(|k| {
                tags[k].is_noun()
                    || tags[k].is_adjective()
                    || matches!(tags[k], Tag::DT | Tag::PRPS | Tag::POS | Tag::CD | Tag::PRP)
            })
            && matches!(tags[m + 1], Tag::DT | Tag::PRPS)
            && (tags[m + 2].is_noun() || tags[m + 2].is_adjective())
            && !tagger::participle_only(&text[tokens[m].range()].to_lowercase())
        {
            tags[m] = Tag::VBD;
        }
        let last_tensed = last_tensed(tags, s.clone(), quoted);
        for k in s.start + 1..s.end.saturating_sub(1) {
            if tags[k] == Tag::IN
                && tags[k - 1].is_verb()
                && text[tokens[k].range()].eq_ignore_ascii_case("that")
                && (tags[k + 1].is_noun() || tags[k + 1].is_adjective())
                && last_tensed.is_none_or(|t| t <= k)
            {
                tags[k] = Tag::DT;
            }
        }
    }
}

/// "A report released/VBD Thursday concluded …": a past form right after
/// a noun, with only a day ("this week", "last month") before the
/// clause's tensed verb, is a
/// participle of the noun (a clause has one tensed verb, and the second
/// one has no other subject).
fn reduced_relatives_before_a_day(text: &str, tokens: &[tokens::Token], tags: &mut [Tag]) {
    let word_is = |k: usize, list: &[&str]| {
        list.iter()
            .any(|w| text[tokens[k].range()].eq_ignore_ascii_case(w))
    };
    for i in 1..tokens.len().saturating_sub(2) {
        if tags[i] != Tag::VBD || !tags[i - 1].is_noun() {
            continue;
        }
        // "released Friday", "released this week", "released last month".
        const SPANS: &[&str] = &[
            "week",
            "month",
            "year",
            "morning",
            "afternoon",
            "evening",
            "night",
            "weekend",
        ];
        let mut t = i + 1;
        let determined = word_is(t, &["this", "last", "next", "earlier", "late", "early"]);
        if determined {
            t += 1;
        }
        if t + 1 < tokens.len()
            && (word_is(t, &chunks::words::TIME) || determined && word_is(t, SPANS))
            && matches!(tags[t + 1], Tag::VBD | Tag::VBZ | Tag::VBP)
        {
            tags[i] = Tag::VBN;
        }
    }
}

/// An adjective that ends a phrase opened by a determiner or number is
/// its head, a noun: "one official/JJ said", "said one official/JJ.",
/// "the latter/JJ told", "one official/JJ at the ministry". English puts attributive adjectives before a
/// noun, so an adjective right before a tensed verb or a clause's end,
/// with "one"/"the" before it, has no noun to modify.
/// (A change never makes another: only a JJ between a DT/CD and a verb
/// or mark changes.)
fn nominal_adjectives(tags: &mut [Tag]) {
    for m in 1..tags.len() {
        if tags[m] != Tag::JJ {
            continue;
        }
        let opened = matches!(tags[m - 1], Tag::DT | Tag::CD | Tag::PRPS);
        let closes = tags.get(m + 1).is_none_or(|&t| {
            t.is_finite()
                || matches!(
                    t,
                    Tag::MD | Tag::PERIOD | Tag::COMMA | Tag::WP | Tag::WDT | Tag::IN
                )
        });
        if opened && closes {
            tags[m] = Tag::NN;
        }
    }
    // So is a participle after "the" with nothing to modify: "three of the
    // injured/VBN were", "the accused/VBN has denied".
    for m in 1..tags.len() {
        if tags[m] == Tag::VBN
            && tags[m - 1] == Tag::DT
            && tags
                .get(m + 1)
                .is_none_or(|&t| t.is_finite() || matches!(t, Tag::MD | Tag::PERIOD | Tag::COMMA))
        {
            tags[m] = Tag::NN;
        }
    }
}

/// "according to court/VB documents": in "according to", "due to",
/// "thanks to" and the like, "to" is a preposition, and what follows
/// opens a noun phrase, never a verb's infinitive.
fn nouns_after_prepositional_to(text: &str, tokens: &[tokens::Token], tags: &mut [Tag]) {
    const BEFORE_TO: &[&str] = &[
        "according",
        "due",
        "thanks",
        "owing",
        "prior",
        "contrary",
        "next",
        "close",
        "addition",
        "opposed",
        "compared",
        "related",
        "subject",
    ];
    for i in 2..tokens.len() {
        if matches!(tags[i], Tag::VB | Tag::VBP)
            && text[tokens[i - 1].range()].eq_ignore_ascii_case("to")
            && BEFORE_TO
                .iter()
                .any(|w| text[tokens[i - 2].range()].eq_ignore_ascii_case(w))
        {
            tags[i] = if text[tokens[i].range()].ends_with('s') {
                Tag::NNS
            } else {
                Tag::NN
            };
        }
    }
}

/// A paragraph with each word's tag, and noun phrases in [brackets] and
/// verb groups in {braces}: what `sourcelight parse` prints, for checking
/// the layer by eye.
pub fn display(p: &Parsed) -> String {
    let mut out = String::new();
    for (si, s) in p.sentences.iter().enumerate() {
        if si > 0 {
            out.push('\n');
        }
        for i in s.clone() {
            if i > s.start {
                out.push(' ');
            }
            if p.chunks.np_starting_at(i).is_some() {
                out.push('[');
            }
            if let Some(v) = p.chunks.vg_at(i)
                && p.chunks.vgs[v].tokens.start == i
            {
                out.push('{');
            }
            out.push_str(p.word(i));
            out.push('/');
            out.push_str(p.tags[i].name());
            if let Some(v) = p.chunks.vg_at(i)
                && p.chunks.vgs[v].tokens.end == i + 1
            {
                out.push('}');
            }
            if p.chunks.np_ending_at(i).is_some() {
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> String {
        display(&parse(text, Syntax::builtin(), &mut Scratch::default()))
    }

    #[test]
    fn the_built_in_model_reads_and_tags_news() {
        let s = Syntax::builtin();
        assert!(s.tagger().weights().features() > 10_000);
        assert!(
            s.irregular()
                .iter()
                .any(|(f, l, _)| f == "said" && l == "say")
        );
        let out = parsed("Two senior officials said the ministry had withdrawn its report.");
        assert!(out.contains("said/VBD"), "{out}");
        assert!(out.contains("[Two/CD senior/JJ officials/NNS]"), "{out}");
        assert!(out.contains("{had/VBD withdrawn/VBN}"), "{out}");
    }

    #[test]
    fn an_adjective_that_ends_its_phrase_is_its_head() {
        for (text, want) in [
            (
                "One official said the plan was dead.",
                "[One/CD official/NN]",
            ),
            (
                "\"We never trusted him,\" said one official.",
                "[one/CD official/NN]",
            ),
            (
                "Said one official at the ministry: no.",
                "[one/CD official/NN]",
            ),
        ] {
            let out = parsed(text);
            assert!(out.contains(want), "{out}");
        }
        // Predicative and attributive adjectives stay adjectives.
        let out = parsed("The plan was dead, and a senior official said so.");
        assert!(out.contains("dead/JJ"), "{out}");
        assert!(out.contains("senior/JJ official/NN"), "{out}");
    }

    #[test]
    fn a_past_form_after_a_relative_clause_is_the_sentence_verb() {
        let out = parsed("The driver, who asked not to be named, told the inquiry he braked.");
        assert!(out.contains("told/VBD"), "{out}");
        // A tensed verb later: the form is the noun's participle.
        let out = parsed("A clerk, who was hired in May, trained by the old staff, quit.");
        assert!(out.contains("trained/VBN"), "{out}");
    }

    #[test]
    fn a_sentence_without_a_tensed_verb_gets_one() {
        let out = parsed("The council later rescinded that decision.");
        assert!(out.contains("rescinded/VBD"), "{out}");
        assert!(out.contains("[that/DT decision/NN]"), "{out}");
        // A participle with no past form stays one; so does one after a
        // tensed verb.
        let out = parsed("Pictures taken near the border.");
        assert!(out.contains("taken/VBN"), "{out}");
        let out = parsed("The ferry was delayed by fog.");
        assert!(!out.contains("delayed/VBD"), "{out}");
    }
}
