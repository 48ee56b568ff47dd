//! Linking a source to the earlier mention it refers to: "He said" to
//! "Bruce Bennett", "The memo" to "a leaked memo obtained by RIA Novosti",
//! "They" to "Pakistani officials". The kind follows the antecedent, so the
//! memo stays anonymous in the paragraph that only says "the memo".
//!
//! Also finds a person described first and named later ("a senior
//! general" … "the general, Ivan Petrov"), whom the sourcing guide counts
//! as named.

use super::lexicon::{Lexicon, tag};
use super::model::{Reference, SourceKind};
use super::phrase::TokenRange;
use super::sources::{Category, Classified};
use super::text::Paragraph;

/// How many paragraphs back a pronoun may find its antecedent.
const PRONOUN_WINDOW: usize = 2;
/// How many paragraphs back "the memo" may find its antecedent.
const DOCUMENT_WINDOW: usize = 40;
/// How many paragraphs back "the officials" may find its antecedent.
const DESCRIPTION_WINDOW: usize = 4;

/// An earlier source, as resolved.
#[derive(Debug, Clone)]
pub struct Mention {
    pub paragraph: usize,
    pub range: std::ops::Range<usize>,
    pub head: String,
    pub group: Option<usize>,
    pub category: Category,
    pub kind: SourceKind,
    pub plural: bool,
}

impl Mention {
    pub fn reference(&self, paragraphs: &[Paragraph]) -> Reference {
        Reference {
            paragraph: self.paragraph,
            text: paragraphs[self.paragraph].text[self.range.clone()].to_string(),
            start: self.range.start,
            end: self.range.end,
        }
    }
}

/// The longest of the windows above: no mention further back is read.
const LONGEST_WINDOW: usize = {
    let mut w = PRONOUN_WINDOW;
    if DOCUMENT_WINDOW > w {
        w = DOCUMENT_WINDOW;
    }
    if DESCRIPTION_WINDOW > w {
        w = DESCRIPTION_WINDOW;
    }
    w
};

/// The sources seen in the last [`LONGEST_WINDOW`] paragraphs, in reading
/// order. Older ones are forgotten as the article is read, so a long
/// article's memory stays the size of a few dozen paragraphs' sources.
#[derive(Default)]
pub struct Memory {
    mentions: std::collections::VecDeque<Mention>,
}

impl Memory {
    /// Remembers a source of paragraph `mention.paragraph`, forgetting
    /// those too far back to be referred to from it.
    pub fn remember(&mut self, mention: Mention) {
        let reach = mention.paragraph.saturating_sub(LONGEST_WINDOW);
        while self.mentions.front().is_some_and(|m| m.paragraph < reach) {
            self.mentions.pop_front();
        }
        self.mentions.push_back(mention);
    }

    /// The earlier mention that a pronoun or a definite description refers
    /// to. `head` is the phrase's head word lower-cased, which the caller
    /// has already made: made again here, it was an allocation per source.
    pub fn antecedent(
        &self,
        p: &Paragraph,
        paragraph: usize,
        c: &Classified,
        head: &str,
        lex: &Lexicon,
    ) -> Option<&Mention> {
        let recent = |window: usize| {
            self.mentions
                .iter()
                .rev()
                .take_while(move |m| m.paragraph + window >= paragraph)
        };
        match c.category {
            Category::Pronoun => {
                let w = p.word(c.head);
                let is = |pronoun: &str| w.eq_ignore_ascii_case(pronoun);
                if is("he") || is("she") {
                    recent(PRONOUN_WINDOW).find(|m| {
                        !m.plural
                            && matches!(
                                m.category,
                                Category::Person
                                    | Category::Office
                                    | Category::Spokesperson
                                    | Category::ProperName
                            )
                    })
                } else if is("they") {
                    recent(PRONOUN_WINDOW).find(|m| {
                        m.plural || matches!(m.category, Category::Group | Category::Institution)
                    })
                } else if is("it") {
                    recent(PRONOUN_WINDOW).find(|m| {
                        !m.plural
                            && matches!(
                                m.category,
                                Category::Institution
                                    | Category::Document
                                    | Category::ProperName
                                    | Category::Other
                            )
                    })
                } else {
                    None
                }
            }
            Category::Document => {
                let group = lex.material_group(head);
                recent(DOCUMENT_WINDOW).find(|m| {
                    m.category == Category::Document
                        && (m.head == head || (group.is_some() && m.group == group))
                })
            }
            Category::Group if super::sources::is_numeral(head) => {
                // "A third said": one of the last group quoted.
                recent(DESCRIPTION_WINDOW).find(|m| {
                    matches!(
                        m.category,
                        Category::Group | Category::Person | Category::Institution
                    ) && m.plural
                })
            }
            Category::Person | Category::Group => {
                let singular = head.trim_end_matches('s');
                recent(DESCRIPTION_WINDOW).find(|m| m.head.trim_end_matches('s') == singular)
            }
            _ => None,
        }
    }
}

/// Builds the mention for a source phrase once its kind is known. `head`
/// is the phrase's head word, lower-cased (the caller has it already).
pub fn mention(
    p: &Paragraph,
    paragraph: usize,
    np: TokenRange,
    c: &Classified,
    kind: SourceKind,
    head: String,
    lex: &Lexicon,
) -> Mention {
    Mention {
        paragraph,
        range: p.span(np.0, np.1),
        group: lex.material_group(&head),
        head,
        category: c.category,
        kind,
        plural: c.plural,
    }
}

/// Titles written before a name that stand for a descriptive head noun:
/// the noun itself, and its abbreviation if it has one.
fn title_forms(head: &str) -> impl Iterator<Item = &str> {
    let abbreviation = match head {
        "general" => Some("gen."),
        "senator" => Some("sen."),
        "colonel" => Some("col."),
        "lieutenant" => Some("lt."),
        "governor" => Some("gov."),
        "representative" => Some("rep."),
        "doctor" => Some("dr."),
        "professor" => Some("prof."),
        "captain" => Some("capt."),
        "sergeant" => Some("sgt."),
        _ => None,
    };
    std::iter::once(head).chain(abbreviation)
}

/// Where each word stands before a name ("general, Ivan Petrov", "Gen.
/// Ivan Petrov"), built once per article so that looking for a person
/// named later costs one lookup, not a scan of the rest of the article.
#[derive(Default)]
pub struct NameIndex {
    before_names: rustc_hash::FxHashMap<String, Vec<Reference>>,
}

/// Where a paragraph's words stand before a name: the description and the
/// two capitalised words after it ("general, Ivan Petrov", "Gen. Ivan
/// Petrov"), as token ranges. Most paragraphs have none.
pub fn name_sites(p: &Paragraph) -> Vec<TokenRange> {
    let tokens = &p.tokens;
    let name_word = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.capitalized()
                && !t.has(tag::DETERMINER | tag::CLAUSE_BOUNDARY | tag::PRONOUN)
        })
    };
    let before_name = |i: usize| {
        let t = &tokens[i];
        t.is_word() && (!t.capitalized() || p.word(i).ends_with('.'))
    };
    let mut sites = Vec::new();
    // The two capitalised words first: one test of a pair of tokens, which
    // nearly every pair fails. Sites come out in order, since each pair
    // gives at most one, just before it.
    for (j, pair) in tokens.windows(2).enumerate() {
        if !(pair[0].capitalized() && pair[1].capitalized()) {
            continue;
        }
        if j == 0 || !(name_word(j) && name_word(j + 1)) {
            continue;
        }
        // "general Ivan Petrov", or "the general, Ivan Petrov".
        let i = if j >= 2 && p.is_punct(j - 1, ',') {
            j - 2
        } else {
            j - 1
        };
        if before_name(i) {
            sites.push((i, j + 1));
        }
    }
    sites
}

impl NameIndex {
    /// Adds paragraph `pi`'s [`name_sites`]; paragraphs are added in order.
    pub fn add(&mut self, p: &Paragraph, pi: usize, sites: Vec<TokenRange>) {
        for (first, last) in sites {
            let range = p.span(first, last);
            self.before_names
                .entry(p.word(first).to_lowercase())
                .or_default()
                .push(Reference {
                    paragraph: pi,
                    text: p.text[range.clone()].to_string(),
                    start: range.start,
                    end: range.end,
                });
        }
    }

    /// For "a senior general" described without a name: the first later
    /// place where the same description stands before a name ("the
    /// general, Ivan Petrov", "Gen. Ivan Petrov").
    pub fn named_later(&self, paragraph: usize, head: &str) -> Option<Reference> {
        title_forms(head)
            .filter_map(|form| {
                let places = self.before_names.get(form)?;
                let first_after = places.partition_point(|r| r.paragraph <= paragraph);
                places.get(first_after).cloned()
            })
            .min_by_key(|r| (r.paragraph, r.start))
    }
}

/// The [`NameIndex`] as an article read a block at a time knows it.
///
/// Each block is resolved as soon as it is read, while its words are in
/// the processor's cache, so a person described in it may be named in a
/// block not yet read. Such names are rare (none in the corpus, none in
/// news-like generated text), so the reader does not wait for them: it
/// answers from the names read so far and notes each description it could
/// not match. If a name read later matches one
/// ([`Names::answered_too_early`]), the article is resolved again with
/// the whole index, and the answer is the same as if it had been complete
/// from the start. A name found in the blocks read so far is the right
/// answer already: later blocks only hold later places.
pub struct Names {
    index: NameIndex,
    /// Built from the whole article before this reading (a second one).
    complete: bool,
    /// Descriptions left unmatched while the index was incomplete: the
    /// paragraph and the head word.
    unmatched: Vec<(usize, String)>,
}

impl Names {
    /// An index that grows as the article is read.
    pub fn growing() -> Names {
        Names {
            index: NameIndex::default(),
            complete: false,
            unmatched: Vec::new(),
        }
    }

    /// An index already built from the whole article.
    pub fn complete(index: NameIndex) -> Names {
        Names {
            index,
            complete: true,
            unmatched: Vec::new(),
        }
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Adds paragraph `pi`'s [`name_sites`] to a growing index.
    pub fn add(&mut self, p: &Paragraph, pi: usize, sites: Vec<TokenRange>) {
        debug_assert!(!self.complete, "a complete index has every name");
        self.index.add(p, pi, sites);
    }

    /// [`NameIndex::named_later`], noting a description it could not yet
    /// match.
    pub fn named_later(&mut self, paragraph: usize, head: &str) -> Option<Reference> {
        let found = self.index.named_later(paragraph, head);
        if found.is_none() && !self.complete {
            self.unmatched.push((paragraph, head.to_string()));
        }
        found
    }

    /// Whether a name read after a description was matched against the
    /// index would have matched it; asked once the whole article is read.
    pub fn answered_too_early(&self) -> bool {
        self.unmatched
            .iter()
            .any(|(paragraph, head)| self.index.named_later(*paragraph, head).is_some())
    }

    /// The whole article's index, for resolving it again.
    pub fn into_index(self) -> NameIndex {
        self.index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rules::Rules;
    use crate::analysis::sources;

    fn mention_at(paragraph: usize, head: &str, category: Category) -> Mention {
        Mention {
            paragraph,
            range: 0..3,
            head: head.to_string(),
            group: None,
            category,
            kind: SourceKind::Anonymous,
            plural: false,
        }
    }

    #[test]
    fn memory_forgets_only_mentions_no_window_reaches() {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new("The memo said so.", &lex);
        let the_memo = sources::classify(&p, (0, 1), 0);
        assert_eq!(the_memo.category, Category::Document);

        let mut memory = Memory::default();
        memory.remember(mention_at(0, "memo", Category::Document));
        for paragraph in 1..=DOCUMENT_WINDOW {
            memory.remember(mention_at(paragraph, "official", Category::Person));
        }
        // Forty paragraphs on, "the memo" still finds it.
        let found = memory.antecedent(&p, DOCUMENT_WINDOW, &the_memo, "memo", &lex);
        assert_eq!(found.map(|m| m.paragraph), Some(0));

        for paragraph in DOCUMENT_WINDOW + 1..1_000 {
            memory.remember(mention_at(paragraph, "official", Category::Person));
        }
        assert!(
            memory
                .antecedent(&p, 999, &the_memo, "memo", &lex)
                .is_none()
        );
        // A long article's memory holds only the last few dozen paragraphs.
        assert_eq!(memory.mentions.len(), LONGEST_WINDOW + 1);
        assert_eq!(memory.mentions[0].paragraph, 999 - LONGEST_WINDOW);
    }

    #[test]
    fn a_growing_index_notes_what_a_later_name_would_have_answered() {
        let lex = Lexicon::new(&Rules::builtin());
        let named = Paragraph::new("The inspector, Maria Keller, has retired.", &lex);
        let mut names = Names::growing();
        assert!(names.named_later(0, "inspector").is_none());
        assert!(!names.answered_too_early());
        names.add(&named, 5, name_sites(&named));
        assert!(names.answered_too_early());
        let complete = Names::complete(names.into_index());
        assert!(complete.is_complete());
        assert_eq!(
            complete
                .index
                .named_later(0, "inspector")
                .map(|r| r.paragraph),
            Some(5)
        );
    }
    #[test]
    fn names_are_found_after_descriptions_titles_and_commas() {
        let lex = Lexicon::new(&Rules::builtin());
        let sites = |text: &str| {
            let p = Paragraph::new(text, &lex);
            name_sites(&p)
                .into_iter()
                .map(|(first, last)| text[p.span(first, last)].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            sites("The inspector, Maria Keller, and general Ivan Petrov met Gen. Lee Park."),
            [
                "inspector, Maria Keller",
                "general Ivan Petrov",
                "met Gen. Lee",
                "Gen. Lee Park"
            ]
        );
        // A capitalised word before the name, a lone capital, a pronoun
        // or determiner as the second word, and a name at the very start
        // are not sites.
        assert!(sites("Maria Keller, Berlin; the Ministry The Board.").is_empty());
        assert!(sites("Acting Police Chief").is_empty());
        assert!(sites(", Maria Keller").is_empty());
        assert!(sites("an aide, He It").is_empty());
        assert_eq!(sites("aide Jo Li"), ["aide Jo Li"]);
    }
}
