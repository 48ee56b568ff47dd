//! Retraction: finding where the text says material was retracted,
//! withdrawn, recanted or disowned by its author, and what material that is.
//!
//! Retraction is a property of the material across the whole article: once
//! "the memo" is retracted in one paragraph, the claim resting on "a leaked
//! memo" three paragraphs earlier rests on retracted material too. This
//! module finds the events; [`super::link_retractions`] marks the claims,
//! matching "the memo", "its story", "the May 9 report" by their head noun
//! (and the groups of interchangeable nouns in the rules: story, report,
//! article). The announcement of a retraction is a claim of its own and is
//! never itself retracted.

use std::ops::Range;

use super::lexicon::{Lexicon, tag};
use super::phrase::{TokenRange, after_be, phrase_starting_at, subject_before};
use super::sources::head_of;
use super::text::Paragraph;

/// What the retraction withdraws.
#[derive(Debug, Clone)]
pub enum Target {
    /// Material named by a noun: "the memo", "its story".
    Material {
        head: String,
        group: Option<usize>,
        /// Capitalised words naming whose material it is ("Newsweek").
        owners: Vec<String>,
    },
    /// A person's own earlier statements: "she later recanted".
    Person { phrase: TokenRange },
}

/// A place where the text retracts something.
#[derive(Debug, Clone)]
pub struct Event {
    pub paragraph: usize,
    pub sentence: usize,
    /// The retraction words ("was later retracted", "issued retractions").
    pub words: Range<usize>,
    pub target: Target,
    /// Who retracts ("The paper" in "The paper has since withdrawn its story").
    pub retractor: Option<TokenRange>,
}

impl Event {
    /// Whether the retraction's words come after this place (a paragraph
    /// and a byte offset in it).
    pub fn comes_after(&self, paragraph: usize, offset: usize) -> bool {
        (paragraph, offset) < (self.paragraph, self.words.start)
    }

    /// Whether the retraction stands in this sentence of this paragraph.
    pub fn is_in(&self, paragraph: usize, sentence: usize) -> bool {
        self.paragraph == paragraph && self.sentence == sentence
    }
}

/// Verbs by which a publisher's claims rest on its own story: when "the
/// Herald" retracts its story, "the Herald reported …" is retracted too.
pub const PUBLISHING_VERBS: &[&str] = &[
    "reported",
    "reports",
    "report",
    "wrote",
    "writes",
    "published",
    "publishes",
    "revealed",
    "reveals",
    "disclosed",
    "claimed",
    "claims",
    "alleged",
    "broke",
];

/// Whether a cue has a publishing verb ("the Herald reported"), in any
/// case. Most cues are ASCII and are compared without lower-casing them.
pub fn publishes(cue: &str) -> bool {
    cue.split_whitespace().any(|word| {
        if word.is_ascii() {
            PUBLISHING_VERBS
                .iter()
                .any(|v| word.eq_ignore_ascii_case(v))
        } else {
            let word = word.to_lowercase();
            PUBLISHING_VERBS.contains(&word.as_str())
        }
    })
}

pub static RULE_ID: &str = "retraction.material";

/// Capitalised words of a phrase, skipping a sentence-initial "The".
pub fn name_words(p: &Paragraph, np: TokenRange) -> Vec<String> {
    (np.0..=np.1)
        .filter(|&i| {
            p.tokens[i].is_word()
                && p.tokens[i].capitalized()
                && !p.has(i, tag::DETERMINER | tag::POSSESSIVE_PRONOUN | tag::PRONOUN)
        })
        .map(|i| p.stem(i).trim_end_matches('.').to_string())
        .collect()
}

fn is_material(p: &Paragraph, i: usize, lex: &Lexicon) -> bool {
    p.has(i, tag::DOCUMENT | tag::CONTENT_NOUN)
        || lex.material_group(&p.stem(i).to_lowercase()).is_some()
}

fn material_target(
    p: &Paragraph,
    np: TokenRange,
    lex: &Lexicon,
    owner_of_pronoun: Option<TokenRange>,
) -> Option<Target> {
    let head = head_of(p, np);
    if !is_material(p, head, lex) || p.has(head, tag::RETRACT_NOUN) {
        return None;
    }
    let mut owners = name_words(p, (np.0, head));
    if let Some(o) = owner_of_pronoun.filter(|_| p.has(np.0, tag::POSSESSIVE_PRONOUN)) {
        owners.extend(name_words(p, o));
    }
    let head_word = p.stem(head).to_lowercase();
    Some(Target::Material {
        group: lex.material_group(&head_word),
        head: head_word,
        owners,
    })
}

/// Finds the retraction events of one paragraph.
/// Whether [`find`] may find anything in the paragraph: it has a word of
/// retraction.
pub fn may_occur(p: &Paragraph) -> bool {
    p.mentions(tag::RETRACT_VERB | tag::RETRACT_NOUN)
}

pub fn find(p: &Paragraph, paragraph: usize, lex: &Lexicon) -> Vec<Event> {
    let mut out = Vec::new();
    if !may_occur(p) {
        return out;
    }
    for (si, s) in p.sentences.iter().enumerate() {
        let lo = s.tokens.start;
        for i in s.tokens.clone() {
            let t = &p.tokens[i];
            if !t.is_word() || (t.capitalized() && i > lo) {
                continue;
            }
            if t.has(tag::RETRACT_VERB) {
                let mut first = i;
                while first > lo
                    && (p.has(first - 1, tag::AUXILIARY) || p.has(first - 1, tag::SKIPPABLE_ADVERB))
                {
                    first -= 1;
                }
                let words = p.tokens[first].start()..t.end();
                let subject = subject_before(p, i, s);
                let target = if after_be(p, i, lo) {
                    subject.and_then(|np| material_target(p, np, lex, None))
                } else {
                    let mut from = i + 1;
                    while from < s.tokens.end && p.has(from, tag::TIME_WORD | tag::SKIPPABLE_ADVERB)
                    {
                        from += 1;
                    }
                    let object = phrase_starting_at(p, from, s, false);
                    let material = object.and_then(|np| material_target(p, np, lex, subject));
                    match (material, subject) {
                        (Some(m), _) => Some(m),
                        (None, Some(subj))
                            if t.has(tag::PERSON_RETRACT)
                                && object.is_none_or(|o| !is_material(p, head_of(p, o), lex)) =>
                        {
                            Some(Target::Person { phrase: subj })
                        }
                        _ => None,
                    }
                };
                if let Some(target) = target {
                    let retractor = if after_be(p, i, lo) { None } else { subject };
                    out.push(Event {
                        paragraph,
                        sentence: si,
                        words,
                        target,
                        retractor,
                    });
                }
            } else if t.has(tag::RETRACT_NOUN) {
                let announced = i > lo
                    && (p.has(i - 1, tag::DETERMINER | tag::POSSESSIVE_PRONOUN)
                        || [
                            "issued",
                            "published",
                            "ran",
                            "printed",
                            "posted",
                            "appended",
                            "announced",
                        ]
                        .iter()
                        .any(|w| p.is(i - 1, w)));
                if !announced {
                    continue;
                }
                let target = if p.is(i + 1, "of") || p.is(i + 1, "for") {
                    phrase_starting_at(p, i + 2, s, false)
                        .and_then(|np| material_target(p, np, lex, None))
                } else {
                    // The nearest material noun: "issued retractions … after publishing stories".
                    let after = (i + 1..s.tokens.end)
                        .find(|&m| is_material(p, m, lex) && !p.has(m, tag::RETRACT_NOUN));
                    let before = (lo..i)
                        .rev()
                        .find(|&m| is_material(p, m, lex) && !p.has(m, tag::RETRACT_NOUN));
                    after
                        .or(before)
                        .and_then(|m| material_target(p, (m, m), lex, None))
                };
                if let Some(target) = target {
                    let first = i - 1;
                    out.push(Event {
                        paragraph,
                        sentence: si,
                        words: p.tokens[first].start()..t.end(),
                        target,
                        retractor: None,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rules::Rules;

    #[test]
    fn a_publishing_verb_is_found_in_any_case_among_the_cue_words() {
        assert!(publishes("reported"));
        assert!(publishes("first REPORTED"));
        // The Kelvin sign lower-cases to an ASCII "k".
        assert!(publishes("bro\u{212A}e"));
        assert!(!publishes("said"));
        assert!(!publishes("reportedly"), "whole words only");
    }

    fn targets(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        find(&p, 0, &lex)
            .into_iter()
            .map(|e| {
                let what = match e.target {
                    Target::Material { head, .. } => head,
                    Target::Person { phrase } => {
                        format!("person {}", &text[p.span(phrase.0, phrase.1)])
                    }
                };
                (text[e.words].to_string(), what)
            })
            .collect()
    }

    #[test]
    fn passive_relative_and_active_retractions() {
        assert_eq!(
            targets("The memo, which was later retracted, said so."),
            [("was later retracted".into(), "memo".into())]
        );
        assert_eq!(
            targets("The report has since been withdrawn."),
            [("has since been withdrawn".into(), "report".into())]
        );
        assert_eq!(
            targets("The Herald has retracted its story that he lied."),
            [("has retracted".into(), "story".into())]
        );
    }

    #[test]
    fn recanting_person_and_retraction_nouns() {
        assert_eq!(
            targets("She later recanted."),
            [("later recanted".into(), "person She".into())]
        );
        assert_eq!(
            targets(
                "Two papers issued retractions Friday after publishing stories based on a hoax."
            ),
            [("issued retractions".into(), "stories".into())]
        );
    }

    #[test]
    fn withdrawing_troops_is_not_a_retraction() {
        assert!(targets("The army withdrew its troops.").is_empty());
        assert!(targets("Troops were withdrawn from the town.").is_empty());
    }
}
