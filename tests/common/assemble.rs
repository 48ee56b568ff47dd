//! Articles with real structure, assembled from choices: paragraphs and
//! sentences of the project's own fixtures, and templated attribution
//! sentences that reuse the same names, descriptions, pronouns and
//! definite mentions across paragraphs. Random bytes almost never build a
//! coreference chain across paragraphs ("one official" … "the officials"
//! … "a health official, Maria Santos," … "Santos"); these do, which is
//! what found the panic in `coref` that issue 17 reports.
//!
//! Shared by the property tests (`tests/properties.rs`) and the
//! `structured_articles` fuzz target (`fuzz/fuzz_targets/`), which
//! include this file by path; it needs nothing but `std`.

/// The fixtures' own text, split into paragraphs and sentences.
const FIXTURES: &[&str] = &[
    include_str!("../fixtures/council.txt"),
    include_str!("../fixtures/harbour.txt"),
    include_str!("../fixtures/wire-lines.txt"),
    include_str!("../fixtures/old-mac-cr.txt"),
    include_str!("../../assets/sample-article.txt"),
];

const NAMES: &[&str] = &[
    "Maria Santos",
    "Tomas Berg",
    "Dana Hill",
    "Omar Reyes",
    "Ines Kubo",
];
const DESCRIPTIONS: &[&str] = &[
    "one official",
    "the officials",
    "a health official",
    "the contractor",
    "a spokesperson for the ministry",
    "two people familiar with the talks",
    "the mayor",
    "the newspaper",
    "the Valdor Times",
    "the agency",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "He", "She", "They", "It"];
const ITEMS: &[&str] = &[
    "the report",
    "the story",
    "the statement",
    "the paper",
    "its article",
    "the tweet",
    "his testimony",
];
const CONTENT: &[&str] = &[
    "the contractor lied",
    "the plant would close",
    "the mayor had made such promises",
    "32 pupils escaped",
    "the budget would be cut",
];
/// `{N}` a name, `{S}` its surname, `{D}` a description, `{P}` a
/// pronoun, `{I}` a withdrawable item, `{C}` reported content.
const TEMPLATES: &[&str] = &[
    "\"We never trusted him,\" said {D}.",
    "{D} said {C}, but {P} said {P} claimed {P} heard the plan in a hotel.",
    "The newspaper quoted {D}, {N}, as saying that {C}.",
    "{S} runs the clinic.",
    "According to {D}, {C}.",
    "{N}, {D}, told reporters that {C}.",
    "{P} said {C}.",
    "\"{C},\" {S} said, adding that {C}.",
    "{D}, who spoke on condition of anonymity, said {C}.",
    "{D} reported on Monday that {C}. {P} later retracted {I}.",
    "{D} withdrew {I}, which said {C}.",
    "{D} denied {I}.",
    "{S} later recanted, saying {P} had lied.",
    "In {I}, {N} claimed that {C}.",
    "The claim could not be independently verified.",
    "{D} refused to retract {I}.",
    "{S}: {C}.",
    "\u{201C}{C},\" said {D}, the council's budget chief.",
];

/// Reads choices from `bytes`, cycling when they run out (with at least
/// one zero so an empty input still builds something).
struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Choices<'_> {
    fn next(&mut self, n: usize) -> usize {
        if self.bytes.is_empty() || n == 0 {
            return 0;
        }
        let b = self.bytes[self.at % self.bytes.len()] as usize + (self.at / self.bytes.len()) * 7;
        self.at += 1;
        b % n
    }

    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[self.next(from.len())]
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

fn fixture_paragraphs() -> Vec<&'static str> {
    FIXTURES
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn fixture_sentences() -> Vec<&'static str> {
    fixture_paragraphs()
        .into_iter()
        .flat_map(|p| p.split_inclusive(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn fill(template: &str, c: &mut Choices) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let key = &rest[open + 1..open + 2];
        rest = &rest[open + 3..];
        match key {
            "N" => out.push_str(c.pick(NAMES)),
            "S" => out.push_str(c.pick(NAMES).rsplit(' ').next().unwrap_or("Hill")),
            "D" => out.push_str(c.pick(DESCRIPTIONS)),
            "P" => out.push_str(c.pick(PRONOUNS)),
            "I" => out.push_str(c.pick(ITEMS)),
            _ => out.push_str(c.pick(CONTENT)),
        }
    }
    out.push_str(rest);
    out
}

/// An article of up to `max_paragraphs` paragraphs built from `bytes`.
/// Every byte is a choice; the same bytes always build the same article.
pub fn article(bytes: &[u8], max_paragraphs: usize) -> String {
    let paragraphs = fixture_paragraphs();
    let sentences = fixture_sentences();
    let mut c = Choices { bytes, at: 0 };
    let count = 1 + c.next(max_paragraphs.max(1));
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let para = match c.next(4) {
            // A whole paragraph of a fixture.
            0 => paragraphs[c.next(paragraphs.len())].to_string(),
            // Sentences of fixtures and templates mixed.
            _ => {
                let n = 1 + c.next(4);
                (0..n)
                    .map(|_| {
                        if c.next(3) == 0 {
                            sentences[c.next(sentences.len())].to_string()
                        } else {
                            fill(c.pick(TEMPLATES), &mut c)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        out.push(para);
        if c.done() && out.len() >= 2 {
            break;
        }
    }
    out.join("\n\n")
}
