//! What kind of source a phrase names: `named`, `anonymous` or
//! `unattributed`, with the rule that decided and the word it rested on.
//!
//! The phrase's head decides, read with its determiner, its modifiers and
//! what the grammar attached to it. A proper name is named, as is a name
//! in apposition ("the principal, Mara Ode"); a description of people
//! ("officials", "a senior general", "people familiar with the matter") is
//! anonymous, and stays so with a demonym or a body in front ("U.S.
//! officials", "Pentagon officials"); a spokesperson, or a lawyer for
//! someone, speaks for a named party and is named; a single office
//! identified by its body ("Syria's ambassador", "the Kyrgyz leader") is
//! named, an office without one ("a senior general") is not; an
//! institution speaking on the record ("police", "the ministry") is named,
//! unnamed outlets in the plural ("news agencies", "Russian media") are
//! not; a document is anonymous when its origin is hidden ("a leaked
//! memo") and named when it is given ("the Newsweek report"); bare
//! "reports" or "rumors" are unattributed.
//!
//! Pronouns and definite descriptions ("the memo", "the officials") are
//! resolved against earlier sources by [`super::coref`].

use std::ops::Range;

use super::lexicon::{Lexicon, ListId};
use super::model::SourceKind;
use super::reading::Paragraph;
use super::syntax::chunks::words;
use super::syntax::tags::Tag;

/// What a source phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Person,
    Group,
    Office,
    Spokesperson,
    Institution,
    Document,
    ProperName,
    Pronoun,
    Sourceless,
    Other,
}

impl Category {
    /// A person or group of people (for the anonymity policy).
    pub fn is_people(self) -> bool {
        matches!(self, Category::Person | Category::Group | Category::Office)
    }
}

/// A rule that decides a source's kind, with its explanation. `{source}`
/// and `{marker}` are filled in; a part in `[…]` is shown only when the
/// marker is not the whole source.
#[derive(Debug)]
pub struct KindRule {
    pub id: &'static str,
    pub explanation: &'static str,
}

macro_rules! kind_rules {
    ($($name:ident $id:literal $text:literal,)*) => {
        $(pub static $name: KindRule = KindRule { id: $id, explanation: $text };)*
        /// Every kind rule, for help and the legend.
        pub fn all_kind_rules() -> Vec<&'static KindRule> {
            vec![$(&$name,)*]
        }
    };
}

kind_rules! {
    PROPER_NAME "source.proper-name" "'{source}' names a person or organisation[ ('{marker}')]: named",
    APPOSITIVE_NAME "source.appositive-name" "'{source}' gives the person's name ('{marker}'): named",
    ANONYMOUS_DESCRIPTOR "source.anonymous-descriptor" "'{source}' names no person or organisation[ ('{marker}' describes without naming)]: anonymous",
    UNNAMED_MARKER "source.unnamed" "'{source}' says outright that the source is not named ('{marker}'): anonymous",
    SPOKESPERSON "source.spokesperson" "'{source}' speaks officially for a named body and counts as that body: named",
    AGENT "source.agent" "'{source}' speaks for a named party ('{marker}'): named",
    OFFICE_HOLDER "source.office-holder" "'{source}' identifies a single office-holder[ ('{marker}')]: named",
    UNNAMED_OFFICE "source.unnamed-office" "'{source}' describes an office without saying who holds it: anonymous",
    INSTITUTION "source.institution" "'{source}' is an institution speaking on the record[ ('{marker}')]: named",
    UNNAMED_BODIES "source.unnamed-bodies" "'{source}' are bodies or outlets left unnamed[ ('{marker}')]: anonymous",
    DOCUMENT_HIDDEN "source.document-undisclosed" "'{source}' is a document whose origin is not disclosed[ ('{marker}')]: anonymous",
    DOCUMENT_NAMED "source.document-disclosed" "'{source}' is a document whose origin is given[ ('{marker}')]: named",
    SOURCELESS "source.sourceless" "'{source}' does not say whose reports they are: unattributed",
    PRONOUN "source.pronoun" "'{source}' refers to {marker}: {kind}",
    COREFERENCE "source.coreference" "'{source}' refers back to {marker}: {kind}",
    NAMED_LATER "source.named-later" "'{source}' is named later in the article, {marker}: named",
    RELAY "source.relay" "'{source}' was told by {marker}: {kind}",
    DEFAULT_NAMED "source.default-named" "'{source}' is taken as named: nothing in it describes an unnamed person or hidden document",
    NO_SOURCE "source.none" "no source is given: unattributed",
}

/// The rule with this id.
pub fn kind_rule(id: &str) -> Option<&'static KindRule> {
    static ALL: std::sync::OnceLock<Vec<&'static KindRule>> = std::sync::OnceLock::new();
    ALL.get_or_init(all_kind_rules)
        .iter()
        .copied()
        .find(|r| r.id == id)
}

/// The verdict on one source phrase.
#[derive(Debug, Clone)]
pub struct Classified {
    pub kind: SourceKind,
    pub category: Category,
    pub rule: &'static KindRule,
    /// The token the verdict rests on ("leaked", "officials", "Japarov").
    pub marker: usize,
    pub head: usize,
    pub plural: bool,
    /// Led by "the", a demonstrative or a possessor.
    pub definite: bool,
    /// Led by "a", "one", a number, or a bare plural.
    pub indefinite: bool,
    /// A pronoun, or a definite description that may point back.
    pub refers_back: bool,
    /// The proper name the phrase gives, if any ("Mara Ode").
    pub name: Option<Range<usize>>,
}

/// Numbers and quantifiers that head "two of the officials".
const QUANTIFIERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "some",
    "many",
    "several",
    "most",
    "few",
    "both",
    "all",
    "none",
    "each",
    "dozens",
    "hundreds",
    "thousands",
    "majority",
    "number",
    "group",
    "handful",
    "couple",
    "pair",
    "team",
    "panel",
    "delegation",
    "contingent",
];

const DEFINITE: &[&str] = &["the", "this", "that", "these", "those"];
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "some", "several", "many", "another", "other", "any", "no",
];

/// The lists classification reads, resolved once.
#[derive(Debug, Clone)]
pub struct Classifier {
    person: ListId,
    spokesperson: ListId,
    agent: ListId,
    office: ListId,
    institution: ListId,
    document: ListId,
    media: ListId,
    media_names: ListId,
    undisclosed: ListId,
    disclosed: ListId,
    unnamed: ListId,
    /// "who asked not to be named", "on condition of anonymity".
    conditions: ListId,
    sourceless: ListId,
    unconfirmed: ListId,
}

impl Classifier {
    pub fn new(lex: &Lexicon) -> Classifier {
        Classifier {
            person: lex.list("person_nouns"),
            spokesperson: lex.list("spokesperson_nouns"),
            agent: lex.list("agent_nouns"),
            office: lex.list("office_titles"),
            institution: lex.list("institution_nouns"),
            document: lex.list("document_nouns"),
            media: lex.list("media_nouns"),
            media_names: lex.list("media_name_words"),
            undisclosed: lex.list("undisclosed_markers"),
            disclosed: lex.list("disclosed_markers"),
            unnamed: lex.list("unnamed_markers"),
            conditions: lex.list("anonymity_conditions"),
            sourceless: lex.list("sourceless_nouns"),
            unconfirmed: lex.list("unconfirmed_phrases"),
        }
    }

    /// Whether a phrase names an outlet: "the Gazette", "news agencies",
    /// "VOA's Urdu Service".
    pub fn is_outlet(&self, p: &Paragraph, span: Range<usize>) -> bool {
        let head = self.main_head(p, span.clone());
        p.has(head, self.media)
            || span.clone().any(|k| {
                p.tokens[k].capitalized()
                    && (p.has(k, self.media_names) || p.phrase_at(k, self.media_names).is_some())
            })
    }

    /// Whether the phrase's own noun phrase is an outlet ("the paper",
    /// "The Coast Herald"), leaving out what follows it ("a paper
    /// published in the Review of …" is a paper, not an outlet).
    pub fn is_outlet_itself(&self, p: &Paragraph, span: Range<usize>) -> bool {
        let head = self.main_head(p, span.clone());
        let np = p
            .chunks
            .np_at(head)
            .map_or(head..head + 1, |n| p.chunks.nps[n].tokens.clone());
        p.has(head, self.media)
            || np.clone().any(|k| {
                p.tokens[k].capitalized()
                    && (p.has(k, self.media_names) || p.phrase_at(k, self.media_names).is_some())
            })
    }

    /// The head of the phrase's main noun phrase ("two of the officials"
    /// → "officials").
    pub fn main_head(&self, p: &Paragraph, span: Range<usize>) -> usize {
        let Some(np) = (span.clone()).find_map(|k| p.chunks.np_at(k)) else {
            return span.start;
        };
        let np = &p.chunks.nps[np];
        let mut head = np.head;
        // "two of the officials", "a group of residents"
        let of = np.tokens.end;
        if (p.tags[head] == Tag::CD || p.is_any(head, QUANTIFIERS))
            && of + 1 < span.end
            && p.is(of, "of")
            && let Some(inner) = p.chunks.np_starting_at(of + 1)
        {
            head = p.chunks.nps[inner].head;
        }
        head
    }

    pub fn classify(&self, p: &Paragraph, span: Range<usize>) -> Classified {
        // A possessive pronoun on its own: the owner of "its report".
        if span.len() == 1 && p.tags[span.start] == Tag::PRPS {
            return Classified {
                kind: SourceKind::Named,
                category: Category::Pronoun,
                rule: &PRONOUN,
                marker: span.start,
                head: span.start,
                plural: p.is_any(span.start, &["their", "our"]),
                definite: true,
                indefinite: false,
                refers_back: true,
                name: None,
            };
        }
        let np_index = span.clone().find_map(|k| p.chunks.np_at(k));
        let head = self.main_head(p, span.clone());
        let np = np_index.map(|k| p.chunks.nps[k].clone());
        let np_tokens = np
            .as_ref()
            .map_or(span.clone(), |n| n.tokens.start..n.tokens.end.min(span.end));
        let first = np_tokens.start;
        let possessed = np.as_ref().is_some_and(|n| n.after_possessor.is_some())
            || p.tags.get(first) == Some(&Tag::PRPS);
        let definite = possessed || p.is_any(first, DEFINITE);
        let plural = p.tags[head].is_plural_noun()
            || p.is_any(
                head,
                &[
                    "people",
                    "police",
                    "staff",
                    "personnel",
                    "crew",
                    "media",
                    "authorities",
                ],
            );
        let indefinite = p.is_any(first, INDEFINITE)
            || p.tags[first] == Tag::CD
            || (!definite && plural && !p.tags[head].is_proper());
        let mut c = Classified {
            kind: SourceKind::Named,
            category: Category::Other,
            rule: &DEFAULT_NAMED,
            marker: head,
            head,
            plural,
            definite,
            indefinite,
            refers_back: false,
            name: None,
        };
        let verdict =
            |c: &mut Classified, kind, category, rule: &'static KindRule, marker: usize| {
                c.kind = kind;
                c.category = category;
                c.rule = rule;
                c.marker = marker;
            };
        // Hearsay with no one behind it: "reports say", "rumours swirled".
        let unattributed = |c: &mut Classified| {
            verdict(
                c,
                SourceKind::Unattributed,
                Category::Sourceless,
                &SOURCELESS,
                head,
            );
        };
        if p.tags[head] == Tag::PRP {
            verdict(&mut c, SourceKind::Named, Category::Pronoun, &PRONOUN, head);
            c.refers_back = true;
            return c;
        }
        // An appositive or title-and-name gives a person's name.
        c.name = self.name_in(p, span.clone(), head);
        // Markers saying outright the source is unnamed.
        // …or a clause of the phrase saying it ("two dockworkers, who asked
        // not to be named").
        let condition = || {
            span.clone()
                .find(|&k| p.has(k, self.conditions) || p.phrase_at(k, self.conditions).is_some())
        };
        if let Some(m) = np_tokens
            .clone()
            .find(|&k| p.has(k, self.unnamed))
            .or_else(condition)
        {
            let category = if plural {
                Category::Group
            } else {
                Category::Person
            };
            verdict(&mut c, SourceKind::Anonymous, category, &UNNAMED_MARKER, m);
            c.name = None;
            return c;
        }
        let is = |list: ListId| {
            p.has(head, list) || p.phrase_at(head.saturating_sub(1), list) == Some(head + 1)
        };
        // A person noun, or a compound ending in one: "dockworkers",
        // "fishermen", "shopkeeper".
        // …unless a phrase of two words makes it a body: "the coast guard".
        let body_phrase = head > 0 && p.phrase_at(head - 1, self.institution) == Some(head + 1);
        // A pronoun for people standing with what describes them: "those
        // close to the star", "others at the meeting", "anyone who saw".
        // ("those close/NN to": the adjective may be read as the head.)
        let described_people = np_tokens.len() <= 2
            && span.len() > np_tokens.len()
            && p.is_any(first, &["those", "others", "anyone", "everyone", "few"]);
        let person =
            (is(self.person) || person_compound(p.word(head)) || described_people) && !body_phrase;
        // What the rest of the phrase says about its owner: "the ministry's",
        // "for the police", "Pentagon" in front, "of Iraq".
        let owner = self.owner(p, span.clone(), &np_tokens, head);
        if is(self.spokesperson) {
            verdict(
                &mut c,
                SourceKind::Named,
                Category::Spokesperson,
                &SPOKESPERSON,
                head,
            );
            return c;
        }
        if let Some(name) = c.name.clone() {
            // A name with a description of a person ("the principal, Mara
            // Ode", "Journalist Roxana Saberi") names a person; a name alone
            // may be a person's or a body's ("Newsweek", "Otto").
            let outlet = span
                .clone()
                .any(|k| p.has(k, self.media_names) && p.tokens[k].capitalized());
            let category = if is(self.institution) || is(self.media) || outlet {
                Category::Institution
            } else if span
                .clone()
                .any(|k| p.has(k, self.person) || p.has(k, self.office))
            {
                Category::Person
            } else {
                Category::ProperName
            };
            let rule = if name.contains(&head) {
                &PROPER_NAME
            } else {
                &APPOSITIVE_NAME
            };
            // The name's last word: "Herald" of "The Coast Herald".
            let marker = name.end.saturating_sub(1).max(name.start);
            verdict(&mut c, SourceKind::Named, category, rule, marker);
            return c;
        }
        if is(self.agent) && owner.is_some() {
            let m = owner.unwrap_or(head);
            verdict(&mut c, SourceKind::Named, Category::Spokesperson, &AGENT, m);
            return c;
        }
        if is(self.office) && !p.tags[head].is_proper() {
            // "a senior Russian general", "several ministers": no one in
            // particular. "the Kyrgyz leader", "Syria's ambassador", "the
            // mayor", "Israeli and Syrian leaders": identified.
            let article = p.is_any(first, INDEFINITE) || p.tags[first] == Tag::CD;
            if article || plural && owner.is_none() && !definite {
                verdict(
                    &mut c,
                    SourceKind::Anonymous,
                    Category::Office,
                    &UNNAMED_OFFICE,
                    head,
                );
                return c;
            }
            if owner.is_some() || definite {
                verdict(
                    &mut c,
                    SourceKind::Named,
                    Category::Office,
                    &OFFICE_HOLDER,
                    head,
                );
                c.refers_back = definite && owner.is_none();
                return c;
            }
        }
        if person && !p.tags[head].is_proper()
            || person && first == p.sentence_range(first).start && !is(self.institution)
        {
            let category = if plural {
                Category::Group
            } else {
                Category::Person
            };
            verdict(
                &mut c,
                SourceKind::Anonymous,
                category,
                &ANONYMOUS_DESCRIPTOR,
                if described_people { first } else { head },
            );
            c.refers_back = definite && !described_people;
            return c;
        }
        if is(self.document) && !p.tags[head].is_proper() {
            // "Reports say", "media reports suggest", "unconfirmed reports
            // said": reports in the plural with no one named behind them,
            // nor a document handled ("leaked reports"), are hearsay.
            // (A demonym or a common noun names no one: "local reports",
            // "media reports", "Iraqi reports"; "reports from Reuters" do.)
            let named_inside = span
                .clone()
                .any(|k| p.tags[k].is_proper() && !is_demonym(p.word(k)) && !p.has(k, self.media));
            let owner_named = owner.is_some_and(|o| {
                p.tags[o] == Tag::PRPS
                    || np.as_ref().is_some_and(|n| n.after_possessor.is_some())
                    || p.tags[o].is_proper() && !is_demonym(p.word(o))
            });
            let hidden =
                |k: usize| p.has(k, self.undisclosed) || p.phrase_at(k, self.undisclosed).is_some();
            let handled = span
                .clone()
                .any(|k| hidden(k) && !p.has(k, self.unconfirmed));
            // …and so is one bare word of hearsay with nothing about its
            // origin: "rumours say", "reports said".
            let bare = np_tokens.len() == 1;
            let hearsay = is(self.sourceless)
                && !definite
                && (p.tags[head].is_plural_noun() && !owner_named && !named_inside && !handled
                    || bare && owner.is_none() && !span.clone().any(hidden));
            if hearsay {
                unattributed(&mut c);
                return c;
            }
            if let Some(m) = span.clone().find(|&k| hidden(k)) {
                verdict(
                    &mut c,
                    SourceKind::Anonymous,
                    Category::Document,
                    &DOCUMENT_HIDDEN,
                    m,
                );
                return c;
            }
            if let Some(o) = owner {
                verdict(
                    &mut c,
                    SourceKind::Named,
                    Category::Document,
                    &DOCUMENT_NAMED,
                    o,
                );
                return c;
            }
            if definite {
                verdict(
                    &mut c,
                    SourceKind::Named,
                    Category::Document,
                    &DOCUMENT_NAMED,
                    head,
                );
                c.refers_back = true;
                return c;
            }
            if let Some(m) = span.clone().find(|&k| p.has(k, self.disclosed)) {
                verdict(
                    &mut c,
                    SourceKind::Named,
                    Category::Document,
                    &DOCUMENT_NAMED,
                    m,
                );
                return c;
            }
            // "a report", "documents": nothing says where it comes from.
            // "a news item posted on Sunday", "a broadcast aired on
            // Saturday": a particular item its publisher put out.
            let described = span.len() > np_tokens.len();
            let (kind, rule) = if bare || !described {
                (SourceKind::Anonymous, &DOCUMENT_HIDDEN)
            } else {
                (SourceKind::Named, &DOCUMENT_NAMED)
            };
            verdict(&mut c, kind, Category::Document, rule, head);
            return c;
        }
        if is(self.sourceless) && !p.tags[head].is_proper() && owner.is_none() {
            unattributed(&mut c);
            return c;
        }
        if (is(self.institution) || is(self.media)) && !p.tags[head].is_proper() {
            // Unnamed bodies in the plural: "news agencies", "Russian media",
            // "several American television networks" (a demonym names no
            // one).
            let named_inside = np_tokens.clone().any(|k| {
                p.tags[k] == Tag::NNP && p.tokens[k].capitalized() && !is_demonym(p.word(k))
            });
            let named_owner =
                owner.is_some_and(|o| !is_demonym(p.word(o)) && !(p.tags[o].is_adjective()));
            // "police said" is a body on the record, as the guide has it.
            let bodies =
                (p.tags[head].is_plural_noun() || p.is(head, "media")) && !p.is(head, "police");
            if bodies && !named_owner && !named_inside && !definite {
                verdict(
                    &mut c,
                    SourceKind::Anonymous,
                    Category::Institution,
                    &UNNAMED_BODIES,
                    head,
                );
                return c;
            }
            verdict(
                &mut c,
                SourceKind::Named,
                Category::Institution,
                &INSTITUTION,
                head,
            );
            // "Police said …" … "Police later retracted …": the one body
            // English names by a bare noun is the same body each time (a
            // bare singular is a name: "Press says" is Jim Press).
            let bare = np_tokens.len() == 1 && p.is(head, "police");
            c.refers_back = (definite || bare) && owner.is_none() && !named_inside;
            return c;
        }
        if p.tags[head].is_proper()
            || p.tokens[head].capitalized() && head != p.sentence_range(head).start
        {
            let category = if is(self.institution) || is(self.media) {
                Category::Institution
            } else {
                Category::ProperName
            };
            verdict(&mut c, SourceKind::Named, category, &PROPER_NAME, head);
            c.name = Some(self.name_around(p, head, span.clone()));
            return c;
        }
        // A definite phrase no list knows ("the footballer", "the
        // billionaire") is the one met before under the same head.
        c.refers_back = definite && owner.is_none() && p.tags[head].is_noun();
        c
    }

    /// A person's name given by the phrase: its own head when it is a
    /// proper name with a title or description before it ("Korea expert
    /// Bruce Bennett"), or a proper noun phrase in apposition after a
    /// comma ("The principal …, Asabe Kwanbura").
    fn name_in(&self, p: &Paragraph, span: Range<usize>, head: usize) -> Option<Range<usize>> {
        let np = p.chunks.np_at(head).map(|k| &p.chunks.nps[k])?;
        if p.tags[head].is_proper() && !is_demonym(p.word(head)) {
            // "Pakistani Taliban" is a name; "Pakistani officials" is not.
            return Some(self.name_around(p, head, np.tokens.clone()));
        }
        // Apposition: ", NAME" after the main phrase.
        for k in span.clone() {
            if k > span.start
                && p.is_mark(k - 1, ',')
                && let Some(app) = p.chunks.np_starting_at(k)
            {
                let a = &p.chunks.nps[app];
                if a.tokens.end <= span.end
                    && p.tags[a.head].is_proper()
                    && !is_demonym(p.word(a.head))
                    && !p.has(a.head, self.institution)
                {
                    return Some(self.name_around(p, a.head, a.tokens.clone()));
                }
            }
        }
        None
    }

    /// The run of proper nouns ending at `head` within `within`.
    fn name_around(&self, p: &Paragraph, head: usize, within: Range<usize>) -> Range<usize> {
        let mut start = head;
        while start > within.start && p.tags[start - 1].is_proper() {
            start -= 1;
        }
        start..head + 1
    }

    /// Whatever identifies the body a phrase belongs to: a possessor ("the
    /// ministry's spokesman"), a proper or institutional premodifier ("a
    /// Pentagon spokesman", "the Kyrgyz leader", "the state education
    /// commissioner"), or a prepositional phrase ("a spokesman for the
    /// police", "the head of the agency"). Returns its first token.
    fn owner(
        &self,
        p: &Paragraph,
        span: Range<usize>,
        np: &Range<usize>,
        head: usize,
    ) -> Option<usize> {
        if p.tags.get(np.start) == Some(&Tag::PRPS) {
            return Some(np.start);
        }
        if let Some(n) = p.chunks.np_at(head)
            && let Some(a) = p.chunks.nps[n].after_possessor
        {
            // The possessor's last word, before "'s": "ministry" of "the
            // ministry's spokesman".
            return Some(a.saturating_sub(2).max(np.start).min(head));
        }
        // Premodifiers: a name, a demonym, or an institution — not the
        // first word of a compound the lists know as one noun ("the press
        // release" is no release of the press).
        if let Some(k) = (np.start..head).find(|&k| {
            (p.tags[k] == Tag::NNP
                || p.tags[k] == Tag::NNPS
                || is_demonym(p.word(k))
                || p.has(k, self.institution)
                || p.has(k, self.media))
                && !p.compound(k, head + 1)
        }) {
            return Some(k);
        }
        // "for the police", "of the agency", "at the ministry", "from
        // Reuters", "in the Observer", "by Ann Ruiz", "led by Dr. Ito"
        let mut after = np.end;
        if after + 1 < span.end && p.tags[after] == Tag::VBN {
            after += 1;
        }
        if after + 1 < span.end
            && p.is_any(
                after,
                &["for", "of", "at", "from", "with", "to", "in", "by"],
            )
        {
            let inner = p.chunks.np_starting_at(after + 1)?;
            let h = p.chunks.nps[inner].head;
            if p.is_time_head(h) {
                return None;
            }
            let named = p.tags[h].is_proper()
                || p.has(h, self.institution)
                || p.has(h, self.media)
                || p.chunks.nps[inner].after_possessor.is_some();
            return named.then_some(after + 1);
        }
        None
    }
}

/// Whether a capitalised word is a demonym or a country adjective used as
/// a modifier ("Pakistani", "U.S.", "Kyrgyz", "Western").
pub fn is_demonym(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if !w.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = w.to_lowercase();
    DEMONYMS.binary_search(&lower.as_str()).is_ok()
}

/// Words of nationality, region, faith and level of government that
/// describe a source without naming it ("Kyrgyz officials", "a Western
/// diplomat", "federal investigators"). A list, not a suffix rule: "-ek"
/// makes "Uzbek" and "Newsweek", "-an" "Afghan" and "Jordan". Sorted.
const DEMONYMS: &[&str] = &[
    "afghan",
    "african",
    "albanian",
    "algerian",
    "american",
    "andorran",
    "angolan",
    "arab",
    "arabian",
    "argentine",
    "argentinian",
    "armenian",
    "asian",
    "australian",
    "austrian",
    "azerbaijani",
    "azeri",
    "bahraini",
    "balkan",
    "baltic",
    "bangladeshi",
    "belarusian",
    "belgian",
    "beninese",
    "bhutanese",
    "bolivian",
    "bosnian",
    "brazilian",
    "british",
    "bulgarian",
    "burmese",
    "burundian",
    "cambodian",
    "cameroonian",
    "canadian",
    "catalan",
    "chadian",
    "chechen",
    "chilean",
    "chinese",
    "colombian",
    "congolese",
    "croatian",
    "cuban",
    "cypriot",
    "czech",
    "danish",
    "djiboutian",
    "dominican",
    "dutch",
    "eastern",
    "ecuadorian",
    "egyptian",
    "emirati",
    "english",
    "eritrean",
    "estonian",
    "ethiopian",
    "eu",
    "european",
    "federal",
    "filipino",
    "finnish",
    "foreign",
    "french",
    "gabonese",
    "gambian",
    "georgian",
    "german",
    "ghanaian",
    "greek",
    "guatemalan",
    "guinean",
    "haitian",
    "honduran",
    "hungarian",
    "icelandic",
    "indian",
    "indonesian",
    "iranian",
    "iraqi",
    "irish",
    "israeli",
    "italian",
    "ivorian",
    "jamaican",
    "japanese",
    "jordanian",
    "kazakh",
    "kenyan",
    "korean",
    "kosovar",
    "kurdish",
    "kuwaiti",
    "kyrgyz",
    "laotian",
    "latvian",
    "lebanese",
    "liberian",
    "libyan",
    "lithuanian",
    "local",
    "macedonian",
    "malawian",
    "malaysian",
    "malian",
    "maltese",
    "mauritanian",
    "mexican",
    "moldovan",
    "mongolian",
    "montenegrin",
    "moroccan",
    "mozambican",
    "namibian",
    "nato",
    "nepalese",
    "nepali",
    "nicaraguan",
    "nigerian",
    "nigerien",
    "nordic",
    "northern",
    "norwegian",
    "omani",
    "pakistani",
    "palestinian",
    "panamanian",
    "paraguayan",
    "pashtun",
    "persian",
    "peruvian",
    "polish",
    "portuguese",
    "provincial",
    "qatari",
    "regional",
    "romanian",
    "russian",
    "rwandan",
    "salvadoran",
    "saudi",
    "scandinavian",
    "scots",
    "scottish",
    "senegalese",
    "serbian",
    "singaporean",
    "slovak",
    "slovenian",
    "somali",
    "southern",
    "soviet",
    "spanish",
    "state",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "tajik",
    "tanzanian",
    "thai",
    "tibetan",
    "togolese",
    "tunisian",
    "turkish",
    "turkmen",
    "u.k",
    "u.n",
    "u.s",
    "ugandan",
    "uighur",
    "uk",
    "ukrainian",
    "un",
    "uruguayan",
    "us",
    "uyghur",
    "uzbek",
    "venezuelan",
    "vietnamese",
    "welsh",
    "western",
    "yemeni",
    "zambian",
    "zimbabwean",
];

/// Whether a word is a compound naming people by what they do:
/// "dockworkers", "fishermen", "shopkeeper", "churchgoers".
fn person_compound(word: &str) -> bool {
    const ENDS: &[&str] = &[
        "worker", "workers", "man", "men", "woman", "women", "person", "people", "keeper",
        "keepers", "maker", "makers", "goer", "goers", "dweller", "dwellers", "holder", "holders",
    ];
    let w = word.to_ascii_lowercase();
    ENDS.iter()
        .any(|e| w.len() >= e.len() + 3 && w.ends_with(e) && w.is_ascii())
        && !matches!(
            w.as_str(),
            "german" | "germans" | "roman" | "romans" | "human" | "humans"
        )
}

/// Words that start a time phrase: not a source.
pub fn is_time(p: &Paragraph, head: usize) -> bool {
    p.is_in(head, words::TIME)
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn kinds_of_source() {
        check(&[
            (
                "A spokeswoman for the Coastal Water Board said supplies were safe.",
                &["said / A spokeswoman for the Coastal Water Board / named"],
            ),
            (
                "A senior Estonian diplomat said the border would reopen.",
                &["said / A senior Estonian diplomat / anonymous"],
            ),
            (
                "Western intelligence officials believe the convoy turned back.",
                &["believe / Western intelligence officials / anonymous"],
            ),
            (
                "A leaked memo said the plant would close.",
                &["said / A leaked memo / anonymous"],
            ),
            (
                "The Finance Ministry said the deficit had narrowed.",
                &["said / The Finance Ministry / named"],
            ),
            (
                "The city's police chief said the street would stay closed.",
                &["said / The city's police chief / named"],
            ),
        ]);
    }

    #[test]
    fn people_described_by_a_pronoun_and_what_follows() {
        check(&[
            (
                "Those close to the goalkeeper say he will retire.",
                &["say / Those close to the goalkeeper / anonymous"],
            ),
            (
                "Others at the hearing said the judge had left early.",
                &["said / Others at the hearing / anonymous"],
            ),
            // "the injured" is a phrase of its own, the reported clause's
            // subject; "Medics/NNP" opening the sentence is no name.
            (
                "Medics said two of the injured were children.",
                &["said / Medics / anonymous"],
            ),
        ]);
    }

    #[test]
    fn reports_with_no_one_behind_them_are_hearsay() {
        check(&[
            (
                "Regional reports suggest the levee broke twice.",
                &["Regional reports suggest / - / unattributed"],
            ),
            (
                "Unverified reports said two ferries had sunk.",
                &["Unverified reports said / - / unattributed U"],
            ),
            (
                "Television reports said the airport had closed.",
                &["Television reports said / - / unattributed"],
            ),
            // Someone named behind them, or a document handled, is not
            // hearsay.
            (
                "Reports from the Tarn Gazette said the airport had closed.",
                &["said / Reports from the Tarn Gazette / named"],
            ),
            (
                "Leaked reports show the levee broke twice.",
                &["show / Leaked reports / anonymous"],
            ),
        ]);
    }

    #[test]
    fn the_weakest_link_decides() {
        check(&[
            (
                "Unnamed officials told the Harbour Gazette that the port would be sold.",
                &["told / the Harbour Gazette (Unnamed officials) / anonymous"],
            ),
            (
                "Minister Ada Voss told the Harbour Gazette that the port would be sold.",
                &["told / the Harbour Gazette (Minister Ada Voss) / named"],
            ),
        ]);
    }
}
