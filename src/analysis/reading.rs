//! A paragraph as the rules read it: its syntax ([`Parsed`]: tokens,
//! sentences, quotations, tags, phrases) and, for every word, the word
//! lists it is in ([`Classes`]), with the phrases of several words found
//! once.

use std::ops::{Deref, Range};

use super::lexicon::{Classes, Lexicon, ListId, PhraseHit};
use super::syntax::tagger::Scratch;
use super::syntax::tags::Tag;
use super::syntax::{Parsed, Syntax, parse_with};

/// One paragraph, read.
#[derive(Debug, Clone)]
pub struct Paragraph<'a> {
    /// Its index in the article.
    pub index: usize,
    pub parsed: Parsed<'a>,
    /// Each token's lists (single-word entries).
    pub classes: Vec<Classes>,
    /// Entries of several words, by first token.
    pub phrases: Vec<PhraseHit>,
    /// The union of each sentence's classes and phrase lists: a rule
    /// passes over a sentence with none of its words.
    pub sentence_classes: Vec<Classes>,
}

impl<'a> Deref for Paragraph<'a> {
    type Target = Parsed<'a>;
    fn deref(&self) -> &Parsed<'a> {
        &self.parsed
    }
}

/// What reading reuses from one paragraph to the next.
#[derive(Debug, Default)]
pub struct Reader {
    scratch: Scratch,
    lower: String,
}

impl Reader {
    /// Reads paragraph `index`.
    pub fn read<'a>(
        &mut self,
        index: usize,
        text: &'a str,
        lex: &Lexicon,
        syntax: &Syntax,
    ) -> Paragraph<'a> {
        let lower = &mut self.lower;
        let mut classes = Vec::new();
        let mut phrases = Vec::new();
        let verbs = lex.verb_lists();
        let reporting = Classes::of(&[lex.list("speech_verbs"), lex.list("belief_verbs")]);
        let people = Classes::of(&[lex.list("person_nouns")]);
        let markers = Classes::of(&[
            lex.list("undisclosed_markers"),
            lex.list("unnamed_markers"),
            lex.list("disclosed_markers"),
            lex.list("unconfirmed_phrases"),
        ]);
        let expressing = (
            Classes::of(&[lex.list("expression_verbs")]),
            Classes::of(&[lex.list("content_nouns")]),
        );
        let parsed = parse_with(text, syntax, &mut self.scratch, |tokens, tags| {
            // Every word in lower case, in one buffer: typographic
            // apostrophes read as straight ones.
            lower.clear();
            let mut ends = Vec::with_capacity(tokens.len());
            for t in tokens {
                let w = &text[t.range()];
                if w.is_ascii() {
                    let at = lower.len();
                    lower.push_str(w);
                    lower[at..].make_ascii_lowercase();
                } else {
                    for c in w.chars().flat_map(char::to_lowercase) {
                        lower.push(if c == '’' || c == '‘' { '\'' } else { c });
                    }
                }
                ends.push(lower.len());
            }
            let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
            let mut start = 0;
            for &e in &ends {
                words.push(&lower[start..e]);
                start = e;
            }
            classes = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                let (c, starts_phrase) = lex.classes_and_phrase_start(words[i]);
                classes.push(c);
                if starts_phrase {
                    lex.phrases_at(&words, i, &mut phrases);
                }
            }
            repair_tags(&words, &classes, verbs, reporting, tags);
            modifiers_read_as_names(tokens, &classes, markers, tags);
            people_read_as_names(&words, tokens, &classes, people, tags);
            expressed_nouns(&classes, expressing, tags);
        });
        let mut sentence_classes = Vec::with_capacity(parsed.sentences.len());
        for s in &parsed.sentences {
            let mut c = classes[s.clone()]
                .iter()
                .fold(Classes::default(), |a, &b| a.union(b));
            for h in phrases.iter().filter(|h| s.contains(&h.start)) {
                c = c.with(h.list);
            }
            sentence_classes.push(c);
        }
        Paragraph {
            index,
            parsed,
            classes,
            phrases,
            sentence_classes,
        }
    }
}

/// "Unconfirmed/NNP reports said", "Leaked/NNP documents show": a word of
/// the lists that say how a source is known, capitalised because it opens
/// the sentence, is an adjective before its noun, not a name.
fn modifiers_read_as_names(
    tokens: &[super::syntax::tokens::Token],
    classes: &[Classes],
    markers: Classes,
    tags: &mut [Tag],
) {
    for k in 0..tags.len().saturating_sub(1) {
        let opens = k == 0 || matches!(tags[k - 1], Tag::PERIOD | Tag::OPEN_QUOTE);
        if opens
            && tags[k] == Tag::NNP
            && tokens[k].capitalized()
            && classes[k].any(markers)
            && tags[k + 1].is_noun()
        {
            tags[k] = Tag::JJ;
        }
    }
}

/// "Medics/NNP said": a plural of the people nouns opening a sentence,
/// capitalised for that alone, is a common noun (NNS) unless a name
/// follows ("Medics Ana Ruiz and …" is rare; "Witnesses/NNPS described").
fn people_read_as_names(
    words: &[&str],
    tokens: &[super::syntax::tokens::Token],
    classes: &[Classes],
    people: Classes,
    tags: &mut [Tag],
) {
    for k in 0..tags.len() {
        let opens = k == 0 || matches!(tags[k - 1], Tag::PERIOD | Tag::OPEN_QUOTE);
        if opens
            && (tags[k] == Tag::NNPS || tags[k] == Tag::NNP && words[k].ends_with('s'))
            && tokens[k].capitalized()
            && classes[k].any(people)
            && tags.get(k + 1).is_none_or(|t| !t.is_proper())
        {
            tags[k] = Tag::NNS;
        }
    }
}

/// "expressed regret/VBP that": after a verb of expressing, a word of the
/// content-noun list is its object, a noun.
fn expressed_nouns(classes: &[Classes], (verbs, nouns): (Classes, Classes), tags: &mut [Tag]) {
    for i in 1..classes.len() {
        if tags[i].is_verb() && classes[i].any(nouns) && classes[i - 1].any(verbs) {
            tags[i] = Tag::NN;
        }
    }
}

/// What the word lists know better than the tagger, trained on web text:
/// a verb of the lists in "-ing" before "that" or a quotation is a
/// participle ("a story alleging/NN that …" → VBG); a reported clause has
/// a tensed verb, so a lone participle right after its subject is a past
/// form ("said (that) costs doubled/VBN" → VBD), unless "by" follows or
/// the verb of saying follows a quotation ("…," said three people
/// briefed on the talks); a verb of the lists in "-s" between a noun and
/// "that" is the clause's verb ("the owner denies/NNS that").
fn repair_tags(
    words: &[&str],
    classes: &[Classes],
    verbs: Classes,
    reporting: Classes,
    tags: &mut [Tag],
) {
    // Whether a tensed verb came before the word in its sentence (a full
    // stop starts over), kept as the words go by: not re-read per word,
    // which made a 20 MB paragraph without full stops quadratic.
    let mut finite_before = false;
    for m in 1..words.len() {
        match tags[m - 1] {
            Tag::PERIOD => finite_before = false,
            t if t.is_finite() => finite_before = true,
            _ => {}
        }
        // An "-ed" word read as an adjective with an object after it is a
        // verb too: "says detectives pressured/JJ her".
        let adjective_verb = tags[m] == Tag::JJ
            && words[m].ends_with("ed")
            && tags
                .get(m + 1)
                .is_some_and(|&t| matches!(t, Tag::PRP | Tag::DT | Tag::PRPS) || t.is_noun());
        if !(tags[m] == Tag::VBN || adjective_verb) || words.get(m + 1) == Some(&"by") {
            continue;
        }
        let mut j = m;
        while j > 0
            && (tags[j - 1].is_noun()
                || tags[j - 1].is_adjective()
                || matches!(
                    tags[j - 1],
                    Tag::DT | Tag::PRPS | Tag::CD | Tag::POS | Tag::PRP
                ))
        {
            j -= 1;
        }
        let after_subject = tags[m - 1].is_noun() || matches!(tags[m - 1], Tag::PRP | Tag::CD);
        // "Police sources told/VBN local media the suspect was armed": a
        // verb of saying after its subject, with no tensed verb before it
        // in the sentence and who was told and a clause of its own after
        // it, is the sentence's verb — a participle ("sources told of …")
        // takes no clause. (The subject may carry a participle of its own:
        // "A man accused of fraud told/VBN the court he was innocent".)
        if !finite_before
            && j < m
            && after_subject
            && tags[m] == Tag::VBN
            && classes[m].any(reporting)
            && told_then_clause(words, tags, m)
        {
            tags[m] = Tag::VBD;
            continue;
        }
        if j == m || j == 0 || !after_subject {
            continue;
        }
        let v = j - 1;
        let that = words[v] == "that";
        // (A participle reports too: "…, saying officers fired/VBN first".)
        let said = classes[v].any(reporting)
            && matches!(tags[v], Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBG)
            && !after_quotation(tags, v);
        // "said the officials involved/VBN were …": the clause's verb is later.
        let later = words[m + 1..]
            .iter()
            .zip(&tags[m + 1..])
            .take_while(|(w, _)| !matches!(**w, "," | ";" | ":" | "." | "and" | "but"))
            .any(|(_, t)| matches!(*t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD));
        if (that || said) && !later {
            tags[m] = Tag::VBD;
        }
    }
    for i in 0..words.len().saturating_sub(1) {
        let verb = classes[i].any(verbs);
        let next = words[i + 1];
        // "The owner denies/NNS that …": a verb of the lists in "-s" after
        // a noun and before "that" is the clause's verb.
        if verb && tags[i] == Tag::NNS && i > 0 && tags[i - 1].is_noun() && next == "that" {
            tags[i] = Tag::VBZ;
        }
        // "Senator Ruth Alvarez forecast/NN that …": one whose past is its
        // base form, after a name.
        if verb && tags[i] == Tag::NN && i > 0 && tags[i - 1].is_proper() && next == "that" {
            tags[i] = Tag::VBD;
        }
        // "It is understood/JJ that …": a verb of the lists read as an
        // adjective after a form of "be" and before "that" is its
        // participle (a passive of saying or believing).
        if verb
            && tags[i] == Tag::JJ
            && next == "that"
            && i > 0
            && super::syntax::chunks::words::BE.has(words[i - 1])
        {
            tags[i] = Tag::VBN;
        }
        // (Not after a determiner: "at a briefing that …" is a noun.)
        if verb
            && words[i].ends_with("ing")
            && matches!(tags[i], Tag::NN | Tag::NNP | Tag::JJ)
            && (next == "that" || next == "\"" || next == "“")
            && !(i > 0 && matches!(tags[i - 1], Tag::DT | Tag::PRPS | Tag::POS))
        {
            tags[i] = Tag::VBG;
        }
    }
}

/// After the verb at `m`: "that", or who was told and then a clause with
/// its own subject ("told local media the suspect was …", "told reporters
/// he had …"): the words up to a tensed verb are noun phrases, and a new
/// one (a determiner or pronoun after a noun) starts among them.
fn told_then_clause(words: &[&str], tags: &[Tag], m: usize) -> bool {
    if words.get(m + 1) == Some(&"that") {
        return true;
    }
    let nominal = |t: Tag| {
        t.is_noun() || t.is_adjective() || matches!(t, Tag::DT | Tag::PRP | Tag::PRPS | Tag::CD)
    };
    let mut second_subject = false;
    for k in m + 1..tags.len() {
        let t = tags[k];
        if matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD) {
            return second_subject;
        }
        if !nominal(t) {
            return false;
        }
        second_subject |= k >= m + 2
            && matches!(t, Tag::DT | Tag::PRP | Tag::PRPS)
            && (tags[k - 1].is_noun() || tags[k - 1] == Tag::PRP);
    }
    false
}

/// Whether the word at `v` follows a quotation: `…," said` or `…", said`
/// (and not an appositive's comma: "Ana Lima, a nurse, said").
fn after_quotation(tags: &[Tag], v: usize) -> bool {
    match v.checked_sub(1).map(|k| tags[k]) {
        Some(Tag::CLOSE_QUOTE) => true,
        Some(Tag::COMMA) => v >= 2 && tags[v - 2] == Tag::CLOSE_QUOTE,
        _ => false,
    }
}

impl Paragraph<'_> {
    /// Whether token `i` is a single-word entry of `list`.
    pub fn has(&self, i: usize, list: ListId) -> bool {
        self.classes.get(i).is_some_and(|c| c.has(list))
    }

    /// The end (exclusive) of the longest entry of `list` of several words
    /// starting at token `i`.
    pub fn phrase_at(&self, i: usize, list: ListId) -> Option<usize> {
        let from = self.phrases.partition_point(|h| h.start < i);
        self.phrases[from..]
            .iter()
            .take_while(|h| h.start == i)
            .filter(|h| h.list == list)
            .map(|h| h.end)
            .max()
    }

    /// Whether an entry of several words, of any list, runs from token
    /// `i` to `end` (exclusive): "press release" is one noun.
    pub fn compound(&self, i: usize, end: usize) -> bool {
        let from = self.phrases.partition_point(|h| h.start < i);
        self.phrases[from..]
            .iter()
            .take_while(|h| h.start == i)
            .any(|h| h.end == end)
    }

    /// The end of an entry of `list` at `i`, of one word or several.
    pub fn entry_at(&self, i: usize, list: ListId) -> Option<usize> {
        self.phrase_at(i, list)
            .or_else(|| self.has(i, list).then_some(i + 1))
    }

    /// The entries of `list` (of any length) inside `range`, as ranges.
    pub fn entries_in(&self, range: Range<usize>, list: ListId) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for i in range.clone() {
            if let Some(end) = self.entry_at(i, list)
                && end <= range.end
            {
                out.push(i..end);
            }
        }
        out
    }

    /// Whether sentence `s` has any word of `lists`.
    pub fn sentence_has(&self, s: usize, lists: Classes) -> bool {
        self.sentence_classes.get(s).is_some_and(|c| c.any(lists))
    }
}
