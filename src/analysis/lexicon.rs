//! The word lists of the rules, compiled for reading text: every inflected
//! form of every entry, looked up once per word.
//!
//! Lists are registered by name in [`LISTS`] with how their entries are
//! read: verbs are inflected ("say" matches "said", "says", "saying"; the
//! irregular forms come from the treebank, see [`syntax::lemma`]), nouns
//! are made plural ("official" matches "officials", "spokesman"
//! "spokesmen"), other entries are matched as written, without case. An
//! entry of several words ("point out", "according to", "on condition of
//! anonymity") is a phrase, matched word by word with its first word
//! inflected.
//!
//! Each list gets a bit when the lexicon is built, so a word's lists are
//! one [`Classes`] set and a rule asks `p.has(i, self.speech)`. Adding a
//! list is one line here and its words in `assets/rules.json`.

use rustc_hash::FxHashMap;

use super::rules::Rules;
use super::syntax::tags::Tag;
use super::syntax::{Syntax, lemma};

/// How a list's entries are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Verb lemmas, matched in every inflection.
    Verb,
    /// Noun lemmas, matched singular or plural.
    Noun,
    /// Words matched as written (any case).
    Words,
}

/// A registered word list: its name in the rules file, how it is read,
/// and what it is for (shown by `sourcelight rules`).
#[derive(Debug)]
pub struct ListSpec {
    pub name: &'static str,
    pub form: Form,
    pub about: &'static str,
}

macro_rules! lists {
    ($($name:literal $form:ident $about:literal,)*) => {
        /// Every list the analyser reads.
        pub const LISTS: &[ListSpec] = &[$(ListSpec { name: $name, form: Form::$form, about: $about },)*];
    };
}

lists! {
    "speech_verbs" Verb "verbs that report a statement: \"said\", \"told\", \"warned\"",
    "testimony_verbs" Verb "acts of testimony, a statement of their own even when retold: \"she said she confessed\"",
    "belief_verbs" Verb "verbs of what a source believes, fears or hopes: \"diplomats believe\"",
    "question_verbs" Verb "verbs of asking: \"asked\", \"wondered\"",
    "content_object_verbs" Verb "verbs whose object is the content: \"confirmed the figure\"",
    "infinitive_claim_verbs" Verb "verbs whose infinitive is what is claimed: \"claimed to have seen\"",
    "as_verbs" Verb "verbs that characterise with \"as\": \"frames X as Y\"",
    "calling_verbs" Verb "verbs that name with a complement: \"called the plan 'a gift'\"",
    "citation_verbs" Verb "\"X quoted Y as saying\", \"X cites Y as saying\"",
    "citing_words" Words "\", citing Y\": Y becomes the claim's inner speaker",
    "according_phrases" Words "prepositional attributions: \"according to X\"",
    "publish_verbs" Verb "verbs by which an outlet or body puts material out: \"reported\", \"issued\"",
    "passive_agent_verbs" Verb "passives whose \"by\" agent is the source: \"was reported by\"",
    "hedge_verbs" Verb "agentless passives that hedge: \"is said to\", \"are believed to\"",
    "hedge_adverbs" Words "hedging adverbs: \"reportedly\", \"allegedly\"",
    "hearsay_nouns" Noun "nouns of hearsay: \"allegations that\", \"reports of\"",
    "content_nouns" Noun "nouns that carry content when owned: \"Moscow's narrative that\"",
    "expression_verbs" Verb "\"expressed regret that\", \"voiced concern that\"",
    "person_nouns" Noun "heads that describe people without naming them: \"officials\"",
    "spokesperson_nouns" Noun "spokespeople, who speak for their body: named",
    "agent_nouns" Noun "people who speak for a named party: \"his lawyer\"",
    "office_titles" Noun "single offices: \"the Kyrgyz leader\" identifies one person",
    "institution_nouns" Noun "bodies that speak on the record: \"police\", \"the ministry\"",
    "document_nouns" Noun "documents and publications: \"memo\", \"report\"",
    "media_nouns" Noun "outlets: \"told the newspaper\" rests on the newspaper",
    "media_name_words" Words "words of outlets' names: \"Times\", \"Reuters\"",
    "undisclosed_markers" Words "words that hide a document's origin: \"leaked\", \"internal\"",
    "disclosed_markers" Words "words that disclose it: \"published\", \"official\"",
    "unnamed_markers" Words "words saying a source is not named: \"unnamed\", \"unidentified\"",
    "sourceless_nouns" Noun "subjects that say nothing of who reports: \"reports say\"",
    "withdrawal_verbs" Verb "verbs of taking material back: \"retracted\", \"pulled\"",
    "withdrawal_nouns" Noun "nouns of it: \"retraction\", \"correction\"",
    "item_nouns" Noun "what can be withdrawn: \"story\", \"statement\", \"testimony\"",
    "recant_verbs" Verb "verbs of a person taking back their words: \"recanted\"",
    "testimony_nouns" Noun "what a person recants: \"testimony\", \"confession\"",
    "testimony_settings" Words "who hears testimony: \"told the court\", \"told investigators\"",
    "refusal_words" Verb "words that say a withdrawal did not happen: \"refused\", \"no plans\"",
    "demand_verbs" Verb "verbs of asking for a withdrawal that has not happened: \"called for\"",
    "dispute_verbs" Verb "denials by another party: a dispute, not a retraction",
    "falsity_words" Words "words calling material false: \"baseless\", \"untrue\"",
    "unconfirmed_phrases" Words "phrases saying a claim is not confirmed",
    "anonymity_reasons" Words "reasons for granting anonymity: \"not authorized\", \"for fear of\"",
    "anonymity_conditions" Words "the condition alone: \"on condition of anonymity\"",
}

/// A list's bit in [`Classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListId(u8);

impl ListId {
    /// A list no word is in (a name not registered).
    pub const NONE: ListId = ListId(127);
}

const _: () = assert!(LISTS.len() < 126, "Classes holds 126 lists");

/// The bit of a word's entry in [`Lexicon::words`] saying that a phrase
/// starts with it: one lookup per word tells both its lists and whether
/// to look for phrases there. Never in the classes a caller sees.
const PHRASE_START: u8 = 126;

/// The lists a word (or phrase start) is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u128);

impl Classes {
    pub fn has(self, list: ListId) -> bool {
        self.0 & (1u128 << list.0) != 0
    }

    pub fn any(self, lists: Classes) -> bool {
        self.0 & lists.0 != 0
    }

    pub fn with(self, list: ListId) -> Classes {
        Classes(self.0 | 1u128 << list.0)
    }

    pub fn without(self, list: ListId) -> Classes {
        Classes(self.0 & !(1u128 << list.0))
    }

    pub fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    pub fn of(lists: &[ListId]) -> Classes {
        lists.iter().fold(Classes::default(), |c, &l| c.with(l))
    }
}

/// A phrase entry: the words after its first, and its list.
#[derive(Debug, Clone)]
struct PhraseEntry {
    rest: Box<[Box<str>]>,
    list: ListId,
}

/// The compiled lists.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Lower-case form → the lists it is a single-word entry of.
    words: FxHashMap<Box<str>, Classes>,
    /// Lower-case first word → the phrases starting with it.
    phrases: FxHashMap<Box<str>, Vec<PhraseEntry>>,
    /// Lower-case form → its lemma, for forms of verb and noun entries.
    lemmas: FxHashMap<Box<str>, Box<str>>,
}

/// A phrase found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    pub list: ListId,
}

impl Lexicon {
    pub fn new(rules: &Rules, syntax: &Syntax) -> Lexicon {
        // Irregular forms by lemma: "say" → "said", "says".
        let mut irregular: FxHashMap<&str, Vec<(&str, Tag)>> = FxHashMap::default();
        for (form, lemma, tag) in syntax.irregular() {
            irregular
                .entry(lemma.as_str())
                .or_default()
                .push((form.as_str(), *tag));
        }
        let mut lex = Lexicon {
            words: FxHashMap::default(),
            phrases: FxHashMap::default(),
            lemmas: FxHashMap::default(),
        };
        for (k, spec) in LISTS.iter().enumerate() {
            let id = ListId(k as u8);
            for entry in rules.list(spec.name) {
                let entry = entry.to_lowercase();
                let parts: Vec<&str> = entry.split_whitespace().collect();
                let Some((&first, rest)) = parts.split_first() else {
                    continue;
                };
                // Which word inflects: a verb's first ("pointed out"), a
                // noun's last ("press secretaries").
                let forms: Vec<Vec<String>> = match spec.form {
                    Form::Words => vec![parts.iter().map(|s| s.to_string()).collect()],
                    Form::Verb => {
                        let mut fs: Vec<String> =
                            lemma::verb_forms(first).into_iter().map(|f| f.0).collect();
                        if let Some(irr) = irregular.get(first) {
                            fs.extend(
                                irr.iter()
                                    .filter(|(_, t)| t.is_verb())
                                    .map(|(f, _)| f.to_string()),
                            );
                        }
                        fs.into_iter()
                            .map(|f| {
                                let mut v = vec![f];
                                v.extend(rest.iter().map(|s| s.to_string()));
                                v
                            })
                            .collect()
                    }
                    Form::Noun => {
                        let last = parts[parts.len() - 1];
                        let mut fs = vec![last.to_string()];
                        fs.extend(lemma::noun_plurals(last));
                        if let Some(irr) = irregular.get(last) {
                            fs.extend(
                                irr.iter()
                                    .filter(|(_, t)| t.is_plural_noun())
                                    .map(|(f, _)| f.to_string()),
                            );
                        }
                        fs.into_iter()
                            .map(|f| {
                                let mut v: Vec<String> = parts[..parts.len() - 1]
                                    .iter()
                                    .map(|s| s.to_string())
                                    .collect();
                                v.push(f);
                                v
                            })
                            .collect()
                    }
                };
                for words in forms {
                    if spec.form != Form::Words {
                        let inflected = if spec.form == Form::Verb {
                            &words[0]
                        } else {
                            &words[words.len() - 1]
                        };
                        let lemma = if spec.form == Form::Verb {
                            first
                        } else {
                            parts[parts.len() - 1]
                        };
                        lex.lemmas
                            .entry(inflected.as_str().into())
                            .or_insert_with(|| lemma.into());
                    }
                    lex.add(&words, id);
                }
            }
        }
        lex
    }

    fn add(&mut self, words: &[String], list: ListId) {
        match words {
            [] => {}
            [one] => {
                let c = self.words.entry(one.as_str().into()).or_default();
                *c = c.with(list);
            }
            [first, rest @ ..] => {
                let c = self.words.entry(first.as_str().into()).or_default();
                *c = c.with(ListId(PHRASE_START));
                let entries = self.phrases.entry(first.as_str().into()).or_default();
                let rest: Box<[Box<str>]> = rest.iter().map(|s| s.as_str().into()).collect();
                if !entries.iter().any(|e| e.rest == rest && e.list == list) {
                    entries.push(PhraseEntry { rest, list });
                }
            }
        }
    }

    /// Every list of verbs, as one set.
    pub fn verb_lists(&self) -> Classes {
        LISTS
            .iter()
            .enumerate()
            .filter(|(_, l)| l.form == Form::Verb)
            .fold(Classes::default(), |c, (k, _)| c.with(ListId(k as u8)))
    }

    /// The id of a registered list; [`ListId::NONE`] for any other name.
    pub fn list(&self, name: &str) -> ListId {
        LISTS
            .iter()
            .position(|l| l.name == name)
            .map_or(ListId::NONE, |k| ListId(k as u8))
    }

    /// The lists a word (lower case) is a single-word entry of.
    pub fn classes(&self, lower: &str) -> Classes {
        self.classes_and_phrase_start(lower).0
    }

    /// [`Lexicon::classes`], and whether a phrase starts with the word
    /// ([`Lexicon::starts_phrase`]), in one lookup.
    pub fn classes_and_phrase_start(&self, lower: &str) -> (Classes, bool) {
        let c = self.words.get(lower).copied().unwrap_or_default();
        let start = ListId(PHRASE_START);
        (c.without(start), c.has(start))
    }

    /// The lemma of a form of a verb or noun entry ("said" → "say").
    pub fn lemma<'a>(&'a self, lower: &'a str) -> &'a str {
        self.lemmas.get(lower).map_or(lower, |l| l)
    }

    /// Whether any phrase starts with this word (lower case).
    pub fn starts_phrase(&self, lower: &str) -> bool {
        self.classes_and_phrase_start(lower).1
    }

    /// The phrases starting at word `i` of `lower` (the paragraph's words
    /// in lower case), as hits.
    pub fn phrases_at(&self, lower: &[&str], i: usize, out: &mut Vec<PhraseHit>) {
        let Some(entries) = self.phrases.get(lower[i]) else {
            return;
        };
        for e in entries {
            let end = i + 1 + e.rest.len();
            if end <= lower.len()
                && e.rest
                    .iter()
                    .zip(&lower[i + 1..end])
                    .all(|(a, b)| **a == **b)
            {
                out.push(PhraseHit {
                    start: i,
                    end,
                    list: e.list,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new(&Rules::builtin(), Syntax::builtin())
    }

    #[test]
    fn verbs_match_every_inflection_and_nouns_their_plurals() {
        let l = lex();
        let speech = l.list("speech_verbs");
        for w in [
            "say",
            "says",
            "said",
            "saying",
            "told",
            "warned",
            "insisting",
        ] {
            assert!(l.classes(w).has(speech), "{w}");
        }
        let people = l.list("person_nouns");
        for w in [
            "official",
            "officials",
            "spokesmen",
            "people",
            "women",
            "residents",
        ] {
            assert!(
                l.classes(w).has(people) || l.classes(w).has(l.list("spokesperson_nouns")),
                "{w}"
            );
        }
        assert_eq!(l.lemma("said"), "say");
        assert!(!l.classes("table").has(speech));
    }

    #[test]
    fn phrases_match_with_their_first_word_inflected() {
        let l = lex();
        let words = [
            "officials",
            "pointed",
            "out",
            "that",
            "according",
            "to",
            "him",
        ];
        let mut hits = Vec::new();
        for i in 0..words.len() {
            l.phrases_at(&words, i, &mut hits);
        }
        let names: Vec<&str> = hits.iter().map(|h| LISTS[h.list.0 as usize].name).collect();
        assert!(names.contains(&"speech_verbs"), "{names:?}");
        assert!(names.contains(&"according_phrases"), "{names:?}");
        assert_eq!(l.list("no such list"), ListId::NONE);
        assert!(
            !Classes::default()
                .with(l.list("speech_verbs"))
                .has(ListId::NONE)
        );
    }
}
