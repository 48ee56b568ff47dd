//! Deciding what kind of source a phrase names: `named`, `anonymous` or
//! `unattributed`, with the rule that decided and the word it rested on.
//!
//! The head of the phrase (its last word before "of", "from", "familiar
//! with", "who" …) decides: a proper name is named; a description of people
//! ("officials", "one source", "a senior general") is anonymous; an unnamed
//! spokesperson speaks for a named body and is named; a single office
//! identified by its body ("the Kyrgyz leader", "Syria's ambassador") is
//! named; an institution speaking on the record ("police", "the ministry")
//! is named; a document is anonymous when its origin is hidden ("a leaked
//! memo", "internal documents") and named when it is disclosed ("the May 9
//! Newsweek report"); bare "reports" or "rumors" are unattributed.
//! Pronouns and "the memo" are resolved later, against earlier sources
//! (see [`super::coref`]).

use super::lexicon::tag;
use super::model::SourceKind;
use super::phrase::TokenRange;
use super::text::Paragraph;

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
    /// Whether this is a person or group of people (for the anonymity policy).
    pub fn is_people(self) -> bool {
        matches!(self, Category::Person | Category::Group | Category::Office)
    }
}

/// A rule that decides a source's kind, with its explanation. `{source}`
/// and `{marker}` are filled in; a part in `[…]` is shown only when the
/// marker word is not the whole source.
#[derive(Debug)]
pub struct KindRule {
    pub id: &'static str,
    pub explanation: &'static str,
}

pub static PROPER_NAME: KindRule = KindRule {
    id: "source.proper-name",
    explanation: "'{source}' names a person or organisation[ ('{marker}')]: named",
};
pub static ANONYMOUS_DESCRIPTOR: KindRule = KindRule {
    id: "source.anonymous-descriptor",
    explanation: "'{source}' names no person or organisation[ ('{marker}' describes without naming)]: anonymous",
};
pub static SPOKESPERSON: KindRule = KindRule {
    id: "source.spokesperson",
    explanation: "'{source}' speaks officially for a named body and counts as that body: named",
};
pub static OFFICE_HOLDER: KindRule = KindRule {
    id: "source.office-holder",
    explanation: "'{source}' identifies a single office-holder[ ('{marker}')]: named",
};
pub static UNNAMED_OFFICE: KindRule = KindRule {
    id: "source.unnamed-office",
    explanation: "'{source}' describes an office without saying who holds it: anonymous",
};
pub static INSTITUTION: KindRule = KindRule {
    id: "source.institution",
    explanation: "'{source}' is an institution speaking on the record[ ('{marker}')]: named",
};
pub static DOCUMENT_HIDDEN: KindRule = KindRule {
    id: "source.document-undisclosed",
    explanation: "'{source}' is a document whose origin is not disclosed[ ('{marker}')]: anonymous",
};
pub static DOCUMENT_NAMED: KindRule = KindRule {
    id: "source.document-disclosed",
    explanation: "'{source}' is a document whose origin is given: named",
};
pub static SOURCELESS: KindRule = KindRule {
    id: "source.sourceless",
    explanation: "'{source}' does not say whose reports they are: unattributed",
};
pub static PRONOUN: KindRule = KindRule {
    id: "source.pronoun",
    explanation: "'{source}' refers to {marker}",
};
pub static COREFERENCE: KindRule = KindRule {
    id: "source.coreference",
    explanation: "'{source}' refers back to {marker}",
};
pub static NAMED_LATER: KindRule = KindRule {
    id: "source.named-later",
    explanation: "'{source}' is named later in the article: {marker}",
};
pub static DEFAULT_NAMED: KindRule = KindRule {
    id: "source.default-named",
    explanation: "'{source}' is taken as named: nothing in it describes an unnamed person or hidden document",
};
pub static NO_SOURCE: KindRule = KindRule {
    id: "source.none",
    explanation: "no source is given: unattributed",
};

/// Every kind rule, for help and the legend.
pub fn all_kind_rules() -> Vec<&'static KindRule> {
    vec![
        &PROPER_NAME,
        &ANONYMOUS_DESCRIPTOR,
        &SPOKESPERSON,
        &OFFICE_HOLDER,
        &UNNAMED_OFFICE,
        &INSTITUTION,
        &DOCUMENT_HIDDEN,
        &DOCUMENT_NAMED,
        &SOURCELESS,
        &PRONOUN,
        &COREFERENCE,
        &NAMED_LATER,
        &DEFAULT_NAMED,
        &NO_SOURCE,
    ]
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
    pub definite: bool,
    pub indefinite: bool,
    /// Resolution against earlier mentions is needed ("the memo", "he").
    pub needs_antecedent: bool,
}

/// The head of a phrase: its last word before a post-modifier.
pub fn head_of(p: &Paragraph, np: TokenRange) -> usize {
    let (first, last) = np;
    for i in first + 1..=last {
        let t = &p.tokens[i];
        let prev = &p.tokens[i - 1];
        if t.has(tag::POSTMODIFIER)
            && !t.capitalized()
            && prev.is_word()
            && !prev.has(tag::DETERMINER | tag::POSSESSIVE_PRONOUN)
        {
            return (first..i)
                .rev()
                .find(|&k| p.tokens[k].is_word())
                .unwrap_or(first);
        }
    }
    (first..=last)
        .rev()
        .find(|&k| p.tokens[k].is_word())
        .unwrap_or(last)
}

fn is_plural(p: &Paragraph, head: usize) -> bool {
    // Compared in place, in any ASCII case: this runs for every source.
    let w = p.stem(head).as_bytes();
    let ends = |suffix: &str| {
        w.len() >= suffix.len()
            && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    (ends("s") && !ends("ss") && !ends("us"))
        || [
            "people",
            "police",
            "authorities",
            "staff",
            "personnel",
            "men",
            "women",
            "military",
            "forces",
            "they",
        ]
        .iter()
        .any(|listed| listed.as_bytes().eq_ignore_ascii_case(w))
}

/// Words that stand for one or more of a group named before: "a third",
/// "another", "both".
pub const NUMERALS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
    "second", "third", "fourth", "fifth", "another", "both", "either", "neither", "latter",
    "former",
];

/// Whether `word` is one of the [`NUMERALS`], in any ASCII case.
pub fn is_numeral(word: &str) -> bool {
    NUMERALS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Whether a capitalised word is a nationality or region adjective
/// ("Israeli", "Pakistani", "Western") rather than a name.
pub fn is_demonym(word: &str) -> bool {
    const LISTED: &[&str] = &[
        "kyrgyz", "thai", "swiss", "greek", "western", "eastern", "northern", "southern", "arab",
        "u.s.", "us", "uk", "eu", "gulf", "local", "foreign", "european", "african", "asian",
        "latin",
    ];
    let w = word.to_lowercase();
    LISTED.contains(&w.as_str())
        || ["an", "ian", "ese", "ish", "i", "ch"]
            .iter()
            .any(|s| w.ends_with(s))
            && w.len() > 3
}

/// Classifies the source phrase `np` on its own words.
pub fn classify(p: &Paragraph, np: TokenRange, sentence_start: usize) -> Classified {
    let (first, last) = np;
    let head = head_of(p, np);
    let h = &p.tokens[head];
    let first_tok = &p.tokens[first];
    let definite = first_tok.has(tag::DEFINITE) || (first_tok.possessive() && first < head);
    let indefinite = first_tok.has(tag::INDEFINITE) && !first_tok.has(tag::DEFINITE);
    let plural = is_plural(p, head);
    // Capitalised words that are not merely the sentence's first word. A
    // source phrase has a few words, so they are found again where asked
    // rather than collected (a collection was an allocation per source).
    let proper = || {
        (first..=last)
            .filter(|&i| p.tokens[i].is_word() && p.tokens[i].capitalized())
            // A sentence's first word is capitalised whatever it is: only a
            // word the rules do not know can be a name there.
            .filter(move |&i| !(i == sentence_start && p.tokens[i].tags() != 0))
    };
    let pre_proper = proper().find(|&i| i < head);
    let verdict = |kind, category, rule, marker| Classified {
        kind,
        category,
        rule,
        marker,
        head,
        plural,
        definite,
        indefinite,
        needs_antecedent: false,
    };

    // People described, not named: "officials", "a senior inspector". A
    // definite description ("the officials") may refer back to a group.
    let described_people = || {
        let category = if plural {
            Category::Group
        } else {
            Category::Person
        };
        let mut c = verdict(SourceKind::Anonymous, category, &ANONYMOUS_DESCRIPTOR, head);
        c.needs_antecedent = definite;
        c
    };

    if first == last && first_tok.has(tag::PRONOUN) {
        let mut c = verdict(SourceKind::Named, Category::Pronoun, &PRONOUN, first);
        c.needs_antecedent = true;
        c.plural = p.is(first, "they") || p.is(first, "we");
        return c;
    }
    if h.has(tag::HEDGE_NOUN) && !definite && !first_tok.possessive() {
        // "Israeli media", "local reports": no outlet named. State media
        // speak for the state.
        let official =
            (first..head).any(|i| p.is(i, "state") || p.is(i, "official") || p.is(i, "government"));
        let outlet_named = proper().any(|i| i < head && !is_demonym(p.stem(i)));
        if official {
            return verdict(SourceKind::Named, Category::Institution, &INSTITUTION, head);
        }
        if !outlet_named {
            return verdict(
                SourceKind::Unattributed,
                Category::Sourceless,
                &SOURCELESS,
                head,
            );
        }
    }
    // "A third said", "Two of the officials said": one of a group named before.
    if !h.capitalized() || head == sentence_start {
        let word = p.stem(head);
        if is_numeral(word) {
            let mut c = verdict(
                SourceKind::Anonymous,
                Category::Group,
                &ANONYMOUS_DESCRIPTOR,
                head,
            );
            c.needs_antecedent = true;
            return c;
        }
    }
    if h.has(tag::SPOKESPERSON) {
        return verdict(
            SourceKind::Named,
            Category::Spokesperson,
            &SPOKESPERSON,
            head,
        );
    }
    if h.has(tag::OFFICE) || p.phrase_at(head.saturating_sub(1), tag::OFFICE) == Some(head) {
        let identified = definite || first_tok.possessive() || proper().next().is_some();
        return if identified && !indefinite {
            verdict(SourceKind::Named, Category::Office, &OFFICE_HOLDER, head)
        } else {
            verdict(
                SourceKind::Anonymous,
                Category::Office,
                &UNNAMED_OFFICE,
                head,
            )
        };
    }
    if h.has(tag::ANON_PERSON) && !h.capitalized()
        || h.has(tag::ANON_PERSON) && head == sentence_start
    {
        return described_people();
    }
    // "Rights groups say", "Western governments": bodies left unnamed.
    let unnamed_bodies = h.has(tag::INSTITUTION)
        && plural
        && p.stem(head).ends_with('s')
        // "prosecutors", "regulators" speak for their office, like "police".
        && !p.stem(head).ends_with("ors")
        && !p.stem(head).ends_with("ers")
        && !definite
        && !first_tok.possessive()
        // Only a name inside the phrase counts: its first word is capitalised anyway.
        && !proper().any(|i| i < head && i != sentence_start && !is_demonym(p.stem(i)))
        && !proper().any(|i| i > head);
    if unnamed_bodies {
        return described_people();
    }
    if h.has(tag::INSTITUTION) && !h.has(tag::DOCUMENT)
        || h.has(tag::INSTITUTION) && !definite && pre_proper.is_some()
    {
        return verdict(SourceKind::Named, Category::Institution, &INSTITUTION, head);
    }
    if h.has(tag::DOCUMENT) {
        if let Some(m) = (first..=last).find(|&i| p.has(i, tag::UNDISCLOSED)) {
            return verdict(
                SourceKind::Anonymous,
                Category::Document,
                &DOCUMENT_HIDDEN,
                m,
            );
        }
        // "court records", "police reports": an institution's documents.
        let by_institution = (first..head).any(|i| p.has(i, tag::INSTITUTION));
        let disclosed = pre_proper.is_some()
            || by_institution
            || first_tok.possessive()
            || first_tok.has(tag::POSSESSIVE_PRONOUN)
            || (first..=last).any(|i| p.has(i, tag::DISCLOSED))
            || proper().any(|i| i > head);
        if disclosed {
            return verdict(SourceKind::Named, Category::Document, &DOCUMENT_NAMED, head);
        }
        let mut c = if definite {
            verdict(SourceKind::Named, Category::Document, &DOCUMENT_NAMED, head)
        } else {
            verdict(
                SourceKind::Anonymous,
                Category::Document,
                &DOCUMENT_HIDDEN,
                head,
            )
        };
        c.needs_antecedent = definite;
        return c;
    }
    if h.capitalized() && !(head == sentence_start && h.has(tag::DETERMINER | tag::CLAUSE_BOUNDARY))
    {
        return verdict(SourceKind::Named, Category::ProperName, &PROPER_NAME, head);
    }
    if !h.capitalized() && looks_like_person_noun(p.stem(head)) {
        return described_people();
    }
    // "A trawler captain who asked not to be named": "who" speaks of a
    // person, and without a name the person is described, not named.
    let who_follows = (head + 1..=last).any(|i| p.is(i, "who") || p.is(i, "whom"));
    if !h.capitalized() && who_follows && pre_proper.is_none() {
        return described_people();
    }
    verdict(SourceKind::Named, Category::Other, &DEFAULT_NAMED, head)
}

/// Whether a noun the rules do not list names people by what they do:
/// "engineers", "inspector", "physician", "consultants". English forms
/// such nouns with a handful of suffixes; "-ment" nouns are things.
pub fn looks_like_person_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    if singular.len() < 5 || singular.ends_with("ment") {
        return false;
    }
    ["er", "or", "ist", "ian", "ant", "ent", "eer", "ee"]
        .iter()
        .any(|s| singular.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    /// Classifies the whole of `text` as one phrase.
    fn kind_of(text: &str) -> (SourceKind, &'static str) {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let c = classify(&p, (0, p.tokens.len() - 1), 0);
        (c.kind, c.rule.id)
    }

    use SourceKind::*;

    #[test]
    fn people_described_not_named_are_anonymous() {
        for s in [
            "one source",
            "Pakistani intelligence officials",
            "a senior Russian general",
            "a NATO analyst",
            "Officials",
            "insiders familiar with the discussions",
            "people familiar with the matter",
            "police sources",
            "Some U.S. officials",
            "Western analysts",
        ] {
            assert_eq!(kind_of(s), (Anonymous, ANONYMOUS_DESCRIPTOR.id), "{s}");
        }
    }

    #[test]
    fn anyone_described_with_who_is_a_person() {
        assert_eq!(
            kind_of("A trawler captain who asked not to be named"),
            (Anonymous, "source.anonymous-descriptor")
        );
        assert_eq!(
            kind_of("The woman who runs the bakery"),
            (Anonymous, "source.anonymous-descriptor")
        );
        assert_eq!(kind_of("Portmere Harbour, which owns the dock").0, Named);
    }

    #[test]
    fn unlisted_agent_nouns_are_people() {
        assert_eq!(
            kind_of("Two engineers at the plant"),
            (Anonymous, ANONYMOUS_DESCRIPTOR.id)
        );
        assert_eq!(
            kind_of("a senior inspector"),
            (Anonymous, ANONYMOUS_DESCRIPTOR.id)
        );
        assert_eq!(kind_of("the agreement"), (Named, DEFAULT_NAMED.id));
    }

    #[test]
    fn one_of_a_group_is_anonymous_until_resolved() {
        assert_eq!(kind_of("A third"), (Anonymous, ANONYMOUS_DESCRIPTOR.id));
        assert_eq!(kind_of("Another"), (Anonymous, ANONYMOUS_DESCRIPTOR.id));
    }

    #[test]
    fn names_are_named() {
        for s in [
            "Sadyr Japarov",
            "Moscow",
            "the Washington Post",
            "Korea expert Bruce Bennett from the RAND Corporation",
            "RIA Novosti",
        ] {
            assert_eq!(kind_of(s).0, Named, "{s}");
        }
    }

    #[test]
    fn spokespeople_offices_and_institutions() {
        assert_eq!(kind_of("a Pentagon spokesman"), (Named, SPOKESPERSON.id));
        assert_eq!(kind_of("the Kyrgyz leader"), (Named, OFFICE_HOLDER.id));
        assert_eq!(
            kind_of("Syria’s ambassador to the U.S."),
            (Named, OFFICE_HOLDER.id)
        );
        assert_eq!(kind_of("a senior minister"), (Anonymous, UNNAMED_OFFICE.id));
        assert_eq!(kind_of("police"), (Named, INSTITUTION.id));
        assert_eq!(
            kind_of("Pakistan’s paramilitary forces"),
            (Named, INSTITUTION.id)
        );
    }

    #[test]
    fn unnamed_bodies_are_anonymous() {
        assert_eq!(
            kind_of("Rights groups"),
            (Anonymous, ANONYMOUS_DESCRIPTOR.id)
        );
        assert_eq!(
            kind_of("Western governments"),
            (Anonymous, ANONYMOUS_DESCRIPTOR.id)
        );
        assert_eq!(
            kind_of("Pakistan’s paramilitary forces"),
            (Named, INSTITUTION.id)
        );
    }

    #[test]
    fn documents_by_origin() {
        assert_eq!(
            kind_of("a leaked memo obtained by the Herald"),
            (Anonymous, DOCUMENT_HIDDEN.id)
        );
        assert_eq!(
            kind_of("internal documents leaked to the press"),
            (Anonymous, DOCUMENT_HIDDEN.id)
        );
        assert_eq!(
            kind_of("The May 9th Newsweek report"),
            (Named, DOCUMENT_NAMED.id)
        );
        assert_eq!(kind_of("A published report"), (Named, DOCUMENT_NAMED.id));
        assert_eq!(kind_of("court records"), (Named, DOCUMENT_NAMED.id));
        assert_eq!(kind_of("a memo"), (Anonymous, DOCUMENT_HIDDEN.id));
    }

    #[test]
    fn media_without_an_outlet_are_unattributed() {
        assert_eq!(kind_of("Israeli media"), (Unattributed, SOURCELESS.id));
        assert_eq!(kind_of("Russian state media"), (Named, INSTITUTION.id));
    }

    #[test]
    fn bare_reports_are_unattributed() {
        assert_eq!(
            kind_of("unconfirmed media reports"),
            (Unattributed, SOURCELESS.id)
        );
        assert_eq!(kind_of("reports"), (Unattributed, SOURCELESS.id));
    }
}
