//! The rule set compiled for lookup, plus English grammar words.
//!
//! Every word of an article is looked up once, lower-cased, in one hash map
//! that answers with a bit set of everything the word can be (a reporting
//! verb, an auxiliary, a document noun, …). Phrases of several words
//! ("according to", "prime minister") are keyed by their first word and
//! checked against the following tokens. This is faster than running a
//! pattern automaton over the raw text, and word boundaries come for free
//! from the tokenizer.

use rustc_hash::FxHashMap;

use super::rules::Rules;
use super::word_table::{WordTable, short_key, short_key_in};

/// A bit set of word classes; see [`tag`].
pub type Tags = u64;

/// Word classes. The first group comes from the rules file, the second is
/// built-in English grammar.
pub mod tag {
    pub const REPORTING: u64 = 1 << 0;
    pub const NEEDS_THAT: u64 = 1 << 1;
    pub const NOUN_OR_VERB: u64 = 1 << 2;
    pub const INVERTED: u64 = 1 << 3;
    pub const PARTICIPLE: u64 = 1 << 4;
    pub const AS_VERB: u64 = 1 << 5;
    pub const PASSIVE_AGENT: u64 = 1 << 6;
    pub const CITATION: u64 = 1 << 7;
    pub const CITING: u64 = 1 << 8;
    pub const ACCORDING: u64 = 1 << 9;
    pub const CONTENT_NOUN: u64 = 1 << 10;
    pub const HEDGE_ADVERB: u64 = 1 << 11;
    pub const HEDGE_PARTICIPLE: u64 = 1 << 12;
    pub const HEDGE_NEEDS_TO: u64 = 1 << 13;
    pub const HEDGE_NOUN: u64 = 1 << 14;
    pub const HEDGE_NOUN_NEEDS_THAT: u64 = 1 << 15;
    pub const UNCONFIRMED: u64 = 1 << 16;
    pub const RETRACT_VERB: u64 = 1 << 17;
    pub const RETRACT_NOUN: u64 = 1 << 18;
    pub const PERSON_RETRACT: u64 = 1 << 19;
    pub const DISPUTE: u64 = 1 << 20;
    pub const ANON_REASON: u64 = 1 << 21;
    pub const ANON_CONDITION: u64 = 1 << 22;
    pub const ANON_PERSON: u64 = 1 << 23;
    pub const SPOKESPERSON: u64 = 1 << 24;
    pub const OFFICE: u64 = 1 << 25;
    pub const INSTITUTION: u64 = 1 << 26;
    pub const DOCUMENT: u64 = 1 << 27;
    pub const UNDISCLOSED: u64 = 1 << 28;
    pub const DISCLOSED: u64 = 1 << 29;

    /// Not a class: marks a word that is the second word of a phrase, so
    /// that the phrase finder passes over the many phrase starts ("to",
    /// "in", "had") that no such word follows. [`crate::analysis::text::Token::tags`]
    /// leaves it out: a word listed only there is not a known word.
    pub const PHRASE_NEXT: u64 = 1 << 30;

    // Built-in grammar.
    pub const DETERMINER: u64 = 1 << 32;
    pub const POSSESSIVE_PRONOUN: u64 = 1 << 33;
    pub const PRONOUN: u64 = 1 << 34;
    pub const AUXILIARY: u64 = 1 << 35;
    pub const BE: u64 = 1 << 36;
    pub const SKIPPABLE_ADVERB: u64 = 1 << 37;
    pub const CLAUSE_BOUNDARY: u64 = 1 << 38;
    pub const SUBORDINATOR: u64 = 1 << 39;
    pub const PREPOSITION: u64 = 1 << 40;
    pub const RELATIVE: u64 = 1 << 41;
    pub const NEGATION: u64 = 1 << 42;
    pub const TIME_WORD: u64 = 1 << 43;
    pub const COORDINATOR: u64 = 1 << 44;
    pub const POSTMODIFIER: u64 = 1 << 45;
    pub const DEFINITE: u64 = 1 << 46;
    pub const INDEFINITE: u64 = 1 << 47;
    pub const QUANTITY_ADJECTIVE: u64 = 1 << 48;

    /// Marks a word that begins a phrase of several words.
    pub const PHRASE_START: u64 = 1 << 63;
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "one", "some", "several", "many", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all", "each", "every",
    "another", "other", "such", "no", "any", "most", "few", "numerous", "multiple", "various",
];
const DEFINITE: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
];
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "some", "several", "many", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "another", "other", "such", "numerous", "multiple", "various", "few",
];
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "do", "does", "did", "is", "are", "was", "were", "be", "been", "being", "'s",
];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s",
];
const SKIPPABLE_ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "again",
    "further",
    "then",
    "first",
    "already",
    "still",
    "often",
    "once",
    "now",
    "both",
    "all",
    "each",
    "long",
    "since",
    "even",
    "only",
    "too",
    "reportedly",
    "allegedly",
    "repeatedly",
    "publicly",
    "privately",
    "officially",
    "recently",
    "initially",
    "subsequently",
    "immediately",
    "separately",
    "jointly",
    "widely",
    "always",
    "never",
    "just",
    "similarly",
    "likewise",
    "meanwhile",
    "however",
    "themselves",
    "himself",
    "herself",
    "itself",
    "alone",
    "together",
    "last",
    "yesterday",
    "today",
    "tonight",
];
const CLAUSE_BOUNDARIES: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "whereas",
    "but",
    "because",
    "although",
    "though",
    "after",
    "before",
    "when",
    "whenever",
    "where",
    "since",
    "if",
    "unless",
    "as",
    "so",
    "than",
    "however",
    "meanwhile",
    "yet",
    "nor",
    "until",
    "whether",
    "and",
    "or",
    "amid",
    "despite",
    "instead",
    "whereby",
    "during",
    "following",
    "elsewhere",
    "also",
    "then",
    "thus",
    "therefore",
    "moreover",
    "furthermore",
    "nonetheless",
    "nevertheless",
    "still",
    "indeed",
];
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "as", "because", "since", "when", "if", "after", "before",
    "whereas", "despite", "unless", "once", "whenever",
];
const PREPOSITIONS: &[&str] = &[
    "of",
    "from",
    "for",
    "with",
    "at",
    "in",
    "on",
    "to",
    "by",
    "near",
    "about",
    "within",
    "inside",
    "outside",
    "among",
    "under",
    "over",
    "across",
    "including",
    "into",
    "like",
    "via",
    "per",
];
const RELATIVES: &[&str] = &["who", "which", "that", "whom", "whose"];
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "cannot", "refused", "declined", "wouldn't",
];
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "late",
    "early",
    "last",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "recently",
    "previously",
    "again",
    "on",
];
const COORDINATORS: &[&str] = &["and", "&", "or"];
const POSTMODIFIERS: &[&str] = &[
    "of",
    "from",
    "for",
    "with",
    "at",
    "in",
    "on",
    "to",
    "close",
    "familiar",
    "briefed",
    "who",
    "which",
    "that",
    "obtained",
    "leaked",
    "involved",
    "near",
    "within",
    "inside",
    "among",
    "based",
    "knowledgeable",
    "speaking",
    "reached",
    "contacted",
    "cited",
    "quoted",
    "seen",
    "reviewed",
    "released",
    "published",
    "whose",
    "under",
    "over",
    "across",
    "including",
];
const QUANTITY_ADJECTIVES: &[&str] = &[
    "senior",
    "junior",
    "top",
    "former",
    "current",
    "local",
    "western",
    "eastern",
    "foreign",
    "unnamed",
    "anonymous",
    "unidentified",
    "other",
    "some",
    "several",
    "many",
    "two",
    "three",
];

/// The words after a phrase's first word, and the phrase's classes.
pub type PhraseEntry = (Vec<Box<str>>, Tags);

/// The compiled rule set.
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: FxHashMap<Box<str>, Tags>,
    /// The same words, those of at most 16 ASCII bytes, for the tokenizer.
    short_words: WordTable,
    phrases: FxHashMap<Box<str>, Vec<PhraseEntry>>,
    /// The same phrases, those whose first word has at most 16 ASCII
    /// bytes, keyed as [`WordTable`] keys its words.
    short_phrases: FxHashMap<u128, Vec<PhraseEntry>>,
    /// Whether every phrase's second word carries [`tag::PHRASE_NEXT`] in
    /// the tokens that can match it ([`Lexicon::marks_second_words`]).
    second_words_marked: bool,
    material_group: FxHashMap<Box<str>, usize>,
}

impl Lexicon {
    pub fn new(rules: &Rules) -> Lexicon {
        let mut lex = Lexicon {
            words: FxHashMap::default(),
            short_words: WordTable::default(),
            phrases: FxHashMap::default(),
            short_phrases: FxHashMap::default(),
            second_words_marked: false,
            material_group: FxHashMap::default(),
        };
        let lists: [(&Vec<String>, Tags); 30] = [
            (&rules.reporting_verbs, tag::REPORTING),
            (&rules.verbs_needing_that, tag::NEEDS_THAT),
            (&rules.noun_or_verb, tag::NOUN_OR_VERB),
            (&rules.inverted_verbs, tag::INVERTED),
            (&rules.participle_cues, tag::PARTICIPLE),
            (&rules.as_verbs, tag::AS_VERB),
            (&rules.passive_agent_verbs, tag::PASSIVE_AGENT),
            (&rules.citation_verbs, tag::CITATION),
            (&rules.citing_words, tag::CITING),
            (&rules.according_to, tag::ACCORDING),
            (&rules.content_nouns, tag::CONTENT_NOUN),
            (&rules.hedge_adverbs, tag::HEDGE_ADVERB),
            (&rules.hedge_participles, tag::HEDGE_PARTICIPLE),
            (&rules.hedge_participles_needing_to, tag::HEDGE_NEEDS_TO),
            (&rules.hedge_nouns, tag::HEDGE_NOUN),
            (&rules.hedge_nouns_needing_that, tag::HEDGE_NOUN_NEEDS_THAT),
            (&rules.unconfirmed_phrases, tag::UNCONFIRMED),
            (&rules.retraction_verbs, tag::RETRACT_VERB),
            (&rules.retraction_nouns, tag::RETRACT_NOUN),
            (&rules.person_retraction_verbs, tag::PERSON_RETRACT),
            (&rules.dispute_words, tag::DISPUTE),
            (&rules.anonymity_reasons, tag::ANON_REASON),
            (&rules.anonymity_conditions, tag::ANON_CONDITION),
            (&rules.anonymous_person_nouns, tag::ANON_PERSON),
            (&rules.spokesperson_nouns, tag::SPOKESPERSON),
            (&rules.office_titles, tag::OFFICE),
            (&rules.institution_nouns, tag::INSTITUTION),
            (&rules.document_nouns, tag::DOCUMENT),
            (&rules.undisclosed_markers, tag::UNDISCLOSED),
            (&rules.disclosed_markers, tag::DISCLOSED),
        ];
        for (list, t) in lists {
            for entry in list {
                lex.add(entry, t);
            }
        }
        let grammar: [(&[&str], Tags); 16] = [
            (DETERMINERS, tag::DETERMINER),
            (DEFINITE, tag::DEFINITE),
            (INDEFINITE, tag::INDEFINITE),
            (POSSESSIVE_PRONOUNS, tag::POSSESSIVE_PRONOUN),
            (PRONOUNS, tag::PRONOUN),
            (AUXILIARIES, tag::AUXILIARY),
            (BE_FORMS, tag::BE),
            (SKIPPABLE_ADVERBS, tag::SKIPPABLE_ADVERB),
            (CLAUSE_BOUNDARIES, tag::CLAUSE_BOUNDARY),
            (SUBORDINATORS, tag::SUBORDINATOR),
            (PREPOSITIONS, tag::PREPOSITION),
            (RELATIVES, tag::RELATIVE),
            (NEGATIONS, tag::NEGATION),
            (TIME_WORDS, tag::TIME_WORD),
            (COORDINATORS, tag::COORDINATOR),
            (POSTMODIFIERS, tag::POSTMODIFIER),
        ];
        for (list, t) in grammar {
            for entry in list {
                lex.add(entry, t);
            }
        }
        for entry in QUANTITY_ADJECTIVES {
            lex.add(entry, tag::QUANTITY_ADJECTIVE);
        }
        for (group, words) in rules.material_groups.iter().enumerate() {
            for w in words {
                lex.material_group
                    .entry(w.trim().to_lowercase().into_boxed_str())
                    .or_insert(group);
            }
        }
        lex.mark_second_words();
        lex.short_words = WordTable::new(
            lex.words
                .iter()
                .filter_map(|(w, &t)| Some((short_key(w.as_bytes())?, t))),
        );
        lex.short_phrases = lex
            .phrases
            .iter()
            .filter_map(|(w, list)| Some((short_key(w.as_bytes())?, list.clone())))
            .collect();
        lex
    }

    /// Gives every phrase's second word [`tag::PHRASE_NEXT`]. A phrase
    /// matches a token whose text is its word in any ASCII case; when the
    /// word is plain ASCII letters and digits (and short enough for the
    /// tokenizer to look up), such a token's own lookup is that word, so
    /// it carries the mark. One word that is not plain turns the filter
    /// off rather than let it miss a phrase.
    fn mark_second_words(&mut self) {
        let seconds: Vec<Box<str>> = self
            .phrases
            .values()
            .flatten()
            .filter_map(|(rest, _)| rest.first().cloned())
            .collect();
        self.second_words_marked = seconds.iter().all(|w| {
            w.len() <= 40 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if self.second_words_marked {
            for w in seconds {
                *self.words.entry(w).or_default() |= tag::PHRASE_NEXT;
            }
        }
    }

    /// Whether a phrase can start only where the next token carries
    /// [`tag::PHRASE_NEXT`].
    pub fn marks_second_words(&self) -> bool {
        self.second_words_marked
    }

    fn add(&mut self, entry: &str, t: Tags) {
        let lower = entry.trim().to_lowercase();
        let mut parts = lower.split_whitespace();
        let Some(first) = parts.next() else { return };
        let rest: Vec<Box<str>> = parts.map(Box::from).collect();
        if rest.is_empty() {
            *self.words.entry(first.into()).or_default() |= t;
        } else {
            *self.words.entry(first.into()).or_default() |= tag::PHRASE_START;
            let list = self.phrases.entry(first.into()).or_default();
            match list.iter_mut().find(|(r, _)| *r == rest) {
                Some((_, tags)) => *tags |= t,
                None => list.push((rest, t)),
            }
        }
    }

    /// The classes of one lower-cased word.
    pub fn word_tags(&self, lower: &str) -> Tags {
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// The classes of the word `text[start..end]`, in any case, or `None`
    /// when it is not ASCII or longer than 16 bytes (look it up with
    /// [`Lexicon::word_tags`]).
    #[inline(always)]
    pub fn short_word_tags(&self, text: &[u8], start: usize, end: usize) -> Option<Tags> {
        Some(self.short_words.get(short_key_in(text, start, end)?))
    }

    /// The classes of the word whose [`short_key`] is `key`, a word of at
    /// most eight bytes.
    #[inline(always)]
    pub fn short_key_tags(&self, key: u64) -> Tags {
        self.short_words.get_short(key)
    }

    /// The phrases that start with the word `text[start..end]`, in any
    /// case, or `None` when it is not ASCII or longer than 16 bytes (look
    /// them up with [`Lexicon::phrases_from`]).
    #[inline]
    pub fn short_phrases_from(
        &self,
        text: &[u8],
        start: usize,
        end: usize,
    ) -> Option<&[PhraseEntry]> {
        let key = short_key_in(text, start, end)?;
        Some(
            self.short_phrases
                .get(&key)
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        )
    }

    /// The phrases that start with `first`: the following words and their classes.
    pub fn phrases_from(&self, first: &str) -> &[PhraseEntry] {
        self.phrases.get(first).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Which group of interchangeable material nouns a noun belongs to.
    pub fn material_group(&self, lower: &str) -> Option<usize> {
        self.material_group.get(lower).copied()
    }
}

/// The built-in rules plus two "according to" phrases whose first words
/// the packed keys cannot hold: one longer than 16 bytes, one accented.
#[cfg(test)]
pub(crate) fn rules_with_unusual_phrase_starts() -> Rules {
    let mut rules = Rules::builtin();
    rules
        .according_to
        .push("Overwhelmingly-sourced claims".to_string());
    rules.according_to.push("Según fuentes".to_string());
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_are_tagged() {
        let lex = Lexicon::new(&Rules::builtin());
        assert_ne!(lex.word_tags("said") & tag::REPORTING, 0);
        assert_ne!(lex.word_tags("according") & tag::PHRASE_START, 0);
        assert!(
            lex.phrases_from("according")
                .iter()
                .any(|(rest, t)| rest[0].as_ref() == "to" && t & tag::ACCORDING != 0)
        );
        assert_eq!(lex.material_group("story"), lex.material_group("report"));
        assert_ne!(lex.material_group("memo"), lex.material_group("report"));
        assert_eq!(
            lex.short_word_tags(b"They SAID so", 5, 9),
            Some(lex.word_tags("said"))
        );
        assert_eq!(lex.short_word_tags(b"zzyzx", 0, 5), Some(0));
        assert_eq!(lex.short_word_tags(b"seventeen-letters", 0, 17), None);
    }

    #[test]
    fn phrases_are_found_by_short_key_or_by_their_lower_cased_first_word() {
        let lex = Lexicon::new(&rules_with_unusual_phrase_starts());
        let short = lex.short_phrases_from(b"ACCORDING to", 0, 9).unwrap();
        assert_eq!(short, lex.phrases_from("according"));
        assert_eq!(lex.short_phrases_from(b"harbour", 0, 7), Some(&[][..]));
        // First words the short keys cannot hold are looked up as strings.
        assert_eq!(
            lex.short_phrases_from(b"Overwhelmingly-sourced", 0, 22),
            None
        );
        assert_eq!(lex.phrases_from("overwhelmingly-sourced").len(), 1);
        assert_eq!(lex.short_phrases_from("Según".as_bytes(), 0, 6), None);
        assert_eq!(lex.phrases_from("según").len(), 1);
    }
}
