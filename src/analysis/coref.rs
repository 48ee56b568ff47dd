//! Who a pronoun or a definite description points back to, and who is
//! named later: the links that give "he", "the memo" and "the officials"
//! the kind of what they refer to, and a person described in one
//! paragraph ("a shift supervisor") the name given in another ("The
//! supervisor, Ana Lima, …").
//!
//! Every source mention gets an entity: a new one, or its antecedent's.
//! Later stages read entities to find every claim resting on the same
//! source or material (a retraction reaches "the memo" and "a leaked
//! memo" alike).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::model::{Reference, SourceKind};
use super::reading::Paragraph;
use super::sources::{Category, Classified};
use super::syntax::tags::Tag;

/// How far back, in paragraphs, a pronoun looks for what it refers to.
const PRONOUN_WINDOW: usize = 2;
/// How far back a description of people ("the officials") looks.
const DESCRIPTION_WINDOW: usize = 4;

/// An entity: one source, however many times it is mentioned.
pub type Entity = usize;

/// A source mentioned in the article.
#[derive(Debug, Clone)]
pub struct Mention {
    pub paragraph: usize,
    /// Bytes in its paragraph.
    pub bytes: Range<usize>,
    pub text: String,
    /// The head word, lower case, singular where the lexicon knows it.
    pub head: String,
    pub category: Category,
    pub kind: SourceKind,
    pub plural: bool,
    /// A person (for "he", "she").
    pub person: bool,
    /// Capitalised words of its name ("Bruce", "Bennett").
    pub names: Vec<String>,
    /// Every proper noun in it ("Newsweek" in "Newsweek magazine"): what
    /// owners are matched by.
    pub proper: Vec<String>,
    /// A news outlet ("The Coast Herald", "the broadcaster"): what "the
    /// paper" and "the network" can refer to whatever their heads.
    pub outlet: bool,
    pub entity: Entity,
}

impl Mention {
    pub fn reference(&self) -> Reference {
        Reference {
            paragraph: self.paragraph,
            text: self.text.clone(),
            start: self.bytes.start,
            end: self.bytes.end,
        }
    }
}

/// Outlets of scholarship: "the journal" means the venue of a paper.
const ACADEMIC_VENUES: &[&str] = &["journal", "publisher"];

/// Heads that name the same material ("the story" for a report).
const MATERIAL: &[&[&str]] = &[
    &["story", "report", "article", "item", "piece", "reporting"],
    &["paper", "newspaper", "daily", "weekly"],
    &[
        "statement",
        "release",
        "announcement",
        "communique",
        "message",
    ],
    &[
        "memo",
        "memorandum",
        "document",
        "documents",
        "cable",
        "letter",
    ],
    &["study", "paper", "research", "article"],
    &["post", "tweet", "message", "posting"],
    &["broadcaster", "network", "channel", "station", "broadcast"],
    &["testimony", "account", "confession", "statement"],
];

/// Every head that can name the same thing as `head`, itself first.
pub fn material_heads(head: &str) -> impl Iterator<Item = &str> {
    std::iter::once(head).chain(
        MATERIAL
            .iter()
            .filter(move |g| g.contains(&head))
            .flat_map(|g| g.iter().copied())
            .filter(move |h| *h != head),
    )
}

/// Whether two heads can name the same thing.
pub fn same_material(a: &str, b: &str) -> bool {
    a == b || MATERIAL.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The sources seen so far, in reading order.
#[derive(Debug, Default)]
pub struct Memory {
    pub mentions: Vec<Mention>,
    entities: usize,
    /// Mentions by capitalised name word.
    by_name: FxHashMap<String, Vec<usize>>,
    /// Mentions by head word: descriptions look back through these, not
    /// through every mention of a long article.
    by_head: FxHashMap<String, Vec<usize>>,
    /// Mentions of outlets, in order.
    outlets: Vec<usize>,
    /// Mentions by entity, in order: the links across a long article ask
    /// for an entity's mentions once per event.
    by_entity: FxHashMap<Entity, Vec<usize>>,
}

impl Memory {
    pub fn new_entity(&mut self) -> Entity {
        self.entities += 1;
        self.entities - 1
    }

    /// Marks the mentions of `entity` as a news outlet: one that withdraws
    /// a story or an article is one, whatever its name ("The Brackwater
    /// Mercury"), so a later "the paper" can mean it.
    pub fn mark_outlet(&mut self, entity: Entity) {
        let Some(list) = self.by_entity.get(&entity) else {
            return;
        };
        for &k in list.iter().rev() {
            let m = &mut self.mentions[k];
            if !m.outlet {
                m.outlet = true;
                self.outlets.push(k);
                self.outlets.sort_unstable();
                return;
            }
        }
    }

    /// The mentions of `entity`, in reading order.
    pub fn mentions_of(&self, entity: Entity) -> impl DoubleEndedIterator<Item = &Mention> {
        self.by_entity
            .get(&entity)
            .into_iter()
            .flatten()
            .map(|&k| &self.mentions[k])
    }

    pub fn remember(&mut self, m: Mention) -> usize {
        let k = self.mentions.len();
        for n in &m.names {
            self.by_name.entry(n.clone()).or_default().push(k);
        }
        self.by_head.entry(m.head.clone()).or_default().push(k);
        self.by_entity.entry(m.entity).or_default().push(k);
        if m.outlet {
            self.outlets.push(k);
        }
        self.mentions.push(m);
        k
    }

    /// What a pronoun or definite description refers back to: the latest
    /// mention of the right sort within reach. `outlet`: the description
    /// names an outlet ("the paper"), which may refer to any outlet named
    /// before ("The Coast Herald"). `material`: it names what was said or
    /// published ("withdrew it"), never an outlet.
    pub fn antecedent(
        &self,
        pi: usize,
        class: &Classified,
        head: &str,
        pronoun: &str,
        outlet: bool,
        material: bool,
    ) -> Option<&Mention> {
        let recent = |window: usize| {
            self.mentions
                .iter()
                .rev()
                .take_while(move |m| m.paragraph + window >= pi)
        };
        if class.category == Category::Pronoun {
            return match pronoun {
                // A name alone ("Saberi") may be a person's: the nearest
                // one a "she" can mean.
                "he" | "she" | "him" | "her" | "his" | "hers" => recent(PRONOUN_WINDOW)
                    .find(|m| (m.person || m.category == Category::ProperName) && !m.plural),
                "they" | "them" | "their" => recent(PRONOUN_WINDOW).find(|m| {
                    m.plural || matches!(m.category, Category::Institution | Category::Group)
                }),
                // "It" for a withdrawn story is the story, not its outlet.
                "it" | "its" => recent(PRONOUN_WINDOW).find(|m| {
                    let wrong_kind = m.person || m.plural || m.category == Category::Sourceless;
                    let outlet_for_material = material && m.outlet;
                    !(wrong_kind || outlet_for_material)
                }),
                _ => None,
            };
        }
        // A surname alone ("Kubo") goes back to the full name.
        if class.category == Category::ProperName {
            return None;
        }
        let window = match class.category {
            Category::Document | Category::Institution => usize::MAX / 2,
            _ => DESCRIPTION_WINDOW,
        };
        let fits = |m: &Mention| {
            m.paragraph + window >= pi
                && m.category != Category::Pronoun
                && (m.plural == class.plural || class.category == Category::Document)
        };
        // The latest fitting mention under any head of the same material,
        // or, for an outlet, the latest outlet.
        // "the journal" that retracts a paper is the paper's journal, not
        // the newspaper named last.
        let by_outlet = (outlet && !ACADEMIC_VENUES.contains(&head))
            .then(|| {
                self.outlets
                    .iter()
                    .rev()
                    .map(|&k| (k, &self.mentions[k]))
                    .find(|(_, m)| fits(m))
            })
            .flatten();
        // An outlet described ("the paper") is the last outlet named, when
        // there is one, before any material of the same head.
        if by_outlet.is_some() {
            return by_outlet.map(|(_, m)| m);
        }
        // Material is not the outlet that put it out.
        let latest = |h: &str| {
            self.by_head
                .get(h)?
                .iter()
                .rev()
                .map(|&k| (k, &self.mentions[k]))
                .find(|(_, m)| fits(m) && !m.outlet)
        };
        // The same head first ("a document …" … "the document", even
        // with "a leaked memo" between), then any of the same material.
        latest(head)
            .or_else(|| {
                material_heads(head)
                    .filter_map(latest)
                    .max_by_key(|(k, _)| *k)
            })
            .map(|(_, m)| m)
    }

    /// An earlier mention sharing a name word with `names` ("Kubo" after
    /// "Musa Inuwo Kubo").
    pub fn by_name(&self, names: &[String]) -> Option<&Mention> {
        let last = names.last()?;
        self.by_name
            .get(last)
            .and_then(|ks| ks.last())
            .map(|&k| &self.mentions[k])
    }
}

/// Where descriptions are followed by names in the whole article: "The
/// supervisor, Ana Lima," or "supervisor Ana Lima" names a supervisor.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Head (lower case) → (paragraph, bytes of the name, its text).
    sites: FxHashMap<String, Vec<(usize, Range<usize>, String)>>,
}

impl NameIndex {
    /// Adds the name sites of one paragraph.
    pub fn add(&mut self, p: &Paragraph) {
        for (k, np) in p.chunks.nps.iter().enumerate() {
            let h = np.head;
            if p.tags[h].is_proper() || !p.tags[h].is_noun() {
                // "supervisor Ana Lima": a common noun before the name.
                if p.tags[h].is_proper() {
                    let mut j = h;
                    while j > np.tokens.start && p.tags[j - 1].is_proper() {
                        j -= 1;
                    }
                    if j > np.tokens.start && p.tags[j - 1] == Tag::NN {
                        let head = p.word(j - 1).to_lowercase();
                        let name = p.bytes(j - 1..h + 1);
                        self.push(head, p.index, name, p);
                    }
                }
                continue;
            }
            // "The supervisor, Ana Lima," — a common phrase, a comma, a name.
            // Only a definite one names someone met before: "a health
            // official, Maria Santos," brings in a new person.
            let first = np.tokens.start;
            let after = np.tokens.end;
            // (The comma first: most phrases have none after them.)
            if after + 1 < p.tokens.len()
                && p.is_mark(after, ',')
                && (p.is_any(first, &["the", "this", "that"])
                    || matches!(p.tags[first], Tag::PRPS | Tag::POS)
                    || first > 0 && p.tags[first - 1] == Tag::POS)
                && let Some(next) = p.chunks.np_starting_at(after + 1)
            {
                let n = &p.chunks.nps[next];
                if p.tags[n.head].is_proper() && k + 1 == next {
                    // The reference runs from the description's head to
                    // the name: "inspector, Maria Keller".
                    let head = p.word(h).to_lowercase();
                    self.push(head, p.index, p.bytes(h..n.tokens.end), p);
                }
            }
        }
    }

    fn push(&mut self, head: String, paragraph: usize, name: Range<usize>, p: &Paragraph) {
        let text = p.text[name.clone()].to_string();
        self.sites
            .entry(head)
            .or_default()
            .push((paragraph, name, text));
    }

    /// The name given later in the article (after paragraph `pi`, or in
    /// it) to a description with this head.
    pub fn named_later(&self, pi: usize, head: &str) -> Option<Reference> {
        let sites = self.sites.get(head)?;
        sites
            .iter()
            .find(|(para, _, _)| *para >= pi)
            .map(|(para, r, text)| Reference {
                paragraph: *para,
                text: text.clone(),
                start: r.start,
                end: r.end,
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn pronouns_take_their_antecedents_kind() {
        check(&[
            (
                "Mayor Ines Kubo said the budget was sound.\n\nShe added that taxes would not rise.",
                &["said / Mayor Ines Kubo / named", "added / She / named"],
            ),
            (
                "Two officials said the depot was hit.\n\nThey added that nobody was hurt.",
                &[
                    "said / Two officials / anonymous",
                    "added / They / anonymous",
                ],
            ),
        ]);
    }

    #[test]
    fn a_definite_description_with_a_name_names_who_was_described() {
        check(&[(
            "A shift supervisor said the valve had failed twice.\n\n\
             The supervisor, Ana Lima, has worked at the plant for a decade.",
            &["said / A shift supervisor / named"],
        )]);
    }

    #[test]
    fn an_indefinite_description_with_a_name_is_someone_new() {
        // Issue 17's reproducer: "a health official, Maria Santos," does
        // not name the "one official" of the first paragraph.
        check(&[(
            "\"We never trusted him,\" said one official.\n\n\
             The officials said the contractor lied.\n\n\
             The newspaper quoted a health official, Maria Santos, as saying that the mayor had made such promises. Santos runs the clinic.",
            &[
                "said / one official / anonymous",
                "said / The officials / anonymous",
                "quoted a health official, Maria Santos, as saying / The newspaper (a health official, Maria Santos) / named",
            ],
        )]);
    }

    #[test]
    fn a_surname_alone_is_the_person_named_before() {
        check(&[(
            "Musa Inuwo Kubo, a farmer, said the road flooded.\n\nKubo said the council knew.",
            &[
                "said / Musa Inuwo Kubo, a farmer / named",
                "said / Kubo / named",
            ],
        )]);
    }
}
