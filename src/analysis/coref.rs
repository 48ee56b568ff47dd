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
/// How many paragraphs back "the officials" may find its antecedent.
const DESCRIPTION_WINDOW: usize = 4;

/// An earlier source, as resolved.
#[derive(Debug, Clone)]
pub struct Mention {
    pub paragraph: usize,
    pub range: std::ops::Range<usize>,
    pub text: String,
    pub head: String,
    pub group: Option<usize>,
    pub category: Category,
    pub kind: SourceKind,
    pub plural: bool,
}

impl Mention {
    pub fn reference(&self) -> Reference {
        Reference {
            paragraph: self.paragraph,
            text: self.text.clone(),
            start: self.range.start,
            end: self.range.end,
        }
    }
}

/// The sources seen so far in the article, in reading order.
#[derive(Default)]
pub struct Memory {
    mentions: Vec<Mention>,
}

impl Memory {
    pub fn remember(&mut self, mention: Mention) {
        self.mentions.push(mention);
    }

    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The earlier mention that a pronoun or a definite description refers to.
    pub fn antecedent(
        &self,
        p: &Paragraph,
        paragraph: usize,
        c: &Classified,
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
                let w = p.word(c.head).to_ascii_lowercase();
                match w.as_str() {
                    "he" | "she" => recent(PRONOUN_WINDOW).find(|m| {
                        !m.plural
                            && matches!(
                                m.category,
                                Category::Person
                                    | Category::Office
                                    | Category::Spokesperson
                                    | Category::ProperName
                            )
                    }),
                    "they" => recent(PRONOUN_WINDOW).find(|m| {
                        m.plural || matches!(m.category, Category::Group | Category::Institution)
                    }),
                    "it" => recent(PRONOUN_WINDOW).find(|m| {
                        !m.plural
                            && matches!(
                                m.category,
                                Category::Institution
                                    | Category::Document
                                    | Category::ProperName
                                    | Category::Other
                            )
                    }),
                    _ => None,
                }
            }
            Category::Document => {
                let head = p.stem(c.head).to_lowercase();
                let group = lex.material_group(&head);
                self.mentions.iter().rev().find(|m| {
                    m.category == Category::Document
                        && (m.head == head || (group.is_some() && m.group == group))
                })
            }
            Category::Person | Category::Group => {
                let head = p.stem(c.head).to_lowercase();
                let singular = head.trim_end_matches('s');
                recent(DESCRIPTION_WINDOW).find(|m| m.head.trim_end_matches('s') == singular)
            }
            _ => None,
        }
    }
}

/// Builds the mention for a source phrase once its kind is known.
pub fn mention(
    p: &Paragraph,
    paragraph: usize,
    np: TokenRange,
    c: &Classified,
    kind: SourceKind,
    lex: &Lexicon,
) -> Mention {
    let head = p.stem(c.head).to_lowercase();
    let range = p.span(np.0, np.1);
    Mention {
        paragraph,
        text: p.text[range.clone()].to_string(),
        range,
        group: lex.material_group(&head),
        head,
        category: c.category,
        kind,
        plural: c.plural,
    }
}

/// Titles written before a name that stand for a descriptive head noun.
fn title_forms(head: &str) -> Vec<String> {
    let mut forms = vec![head.to_string()];
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
    forms.extend(abbreviation.map(String::from));
    forms
}

/// For "a senior general" described without a name: the later place where
/// the same description is followed by a name ("the general, Ivan Petrov",
/// "Gen. Ivan Petrov"). Looks only at paragraphs after `paragraph`.
pub fn named_later(paragraphs: &[Paragraph], paragraph: usize, head: &str) -> Option<Reference> {
    let forms = title_forms(head);
    for (offset, p) in paragraphs.iter().enumerate().skip(paragraph + 1) {
        for i in 0..p.tokens.len() {
            let word = p.word(i).to_lowercase();
            if !forms.contains(&word) {
                continue;
            }
            let mut j = i + 1;
            if p.is_punct(j, ',') {
                j += 1;
            }
            let starts_name = j < p.tokens.len()
                && p.tokens[j].is_word
                && p.tokens[j].capitalized
                && !p.has(j, tag::DETERMINER | tag::CLAUSE_BOUNDARY);
            let continues_name =
                j + 1 < p.tokens.len() && p.tokens[j + 1].is_word && p.tokens[j + 1].capitalized;
            if starts_name && continues_name {
                let range = p.span(i, j + 1);
                return Some(Reference {
                    paragraph: offset,
                    text: p.text[range.clone()].to_string(),
                    start: range.start,
                    end: range.end,
                });
            }
        }
    }
    None
}
