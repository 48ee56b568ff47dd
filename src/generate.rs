//! Generated news-like articles of any length, for benchmarks and for
//! trying the window on a long article. Deterministic: the same seed gives
//! the same text. Sentences mix the ways news attributes with plain
//! narration, calibrated on the annotated corpus: sentence length, claims
//! per sentence and the share of words of retraction and denial within
//! 25% of its figures (`cargo bench --bench analyze` prints both; the
//! current ones are in `docs/performance.md`).

/// A small deterministic generator (xorshift); no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SOURCES: &[&str] = &[
    "Officials",
    "Two people familiar with the talks",
    "Mayor Lena Ortiz",
    "The ministry",
    "A senior diplomat",
    "Police",
    "Residents",
    "The Harbour Gazette",
    "A spokesman for the port authority",
    "Analysts",
    "Finance Minister Omar Rahimi",
    "Local media",
    "An internal memo",
    "The company",
];
const VERBS: &[&str] = &[
    "said",
    "say",
    "told reporters",
    "warned",
    "argued",
    "claimed",
    "added",
    "insisted",
];
const CLAUSES: &[&str] = &[
    "the repairs to the eastern breakwater would take at least three months",
    "the budget for the harbour authority had been cut twice since 2019",
    "the contract for the new terminal was signed without a public tender",
    "water levels in the reservoir had fallen sharply during the dry summer",
    "more than 4,000 households in the district were affected by the outage",
    "the talks between the two delegations would resume in Geneva next week",
    "the inspection carried out in April had found no structural damage",
    "the plan had been approved by a narrow majority of the council in May",
];
const NARRATION: &[&str] = &[
    "The harbour has been closed to large vessels since the storm in March, when waves broke through the old sea wall and flooded the warehouses behind it.",
    "Work on the new terminal began in 2021 and was due to finish last year, but the builders stopped twice when the money for the second phase ran out.",
    "The district is home to about 80,000 people, most of them dock workers and their families who have lived near the port for generations.",
    "Prices for fuel and bread have risen by a third over the past year, and queues outside the two bakeries on the main road now start before dawn.",
    "The council meets again on Thursday to vote on the emergency budget, which has been rewritten three times since the first draft was published in January.",
    "Ferries to the islands ran on a reduced timetable for most of the winter.",
];

fn sentence(rng: &mut Rng) -> String {
    // Eight templates in ten carry a claim; with the follow-ups, that
    // comes to about the annotated corpus's 0.7 claims per sentence (see
    // `benches/analyze.rs`, which prints both texts' figures).
    match rng.next() % 10 {
        0..=4 => format!(
            "{} {} {} that {}.",
            rng.pick(SOURCES),
            rng.pick(VERBS),
            rng.pick(WHEN),
            rng.pick(CLAUSES)
        ),
        5 => format!(
            "‘{},’ {} {}.",
            capitalised(rng.pick(CLAUSES)),
            rng.pick(&["said", "added"]),
            rng.pick(SOURCES).to_lowercase()
        ),
        6 => format!(
            "According to {}, {}.",
            rng.pick(SOURCES).to_lowercase(),
            rng.pick(CLAUSES)
        ),
        7 => format!(
            "The minister is said to have known for months that {}.",
            rng.pick(CLAUSES)
        ),
        _ => rng.pick(NARRATION).to_string(),
    }
}

const WHEN: &[&str] = &[
    "on Tuesday",
    "in a statement on Monday",
    "late on Friday",
    "this week",
    "after the meeting",
];

/// Follow-ups that link across the article: retractions of material and
/// of a person's statements, denials, and warnings that something could
/// not be verified.
const FOLLOW_UPS: &[&str] = &[
    "The Harbour Gazette later retracted its report.",
    "The company has since withdrawn the memo.",
    "The ministry denied the Harbour Gazette’s report.",
    "The company denied the memo.",
    "The figures could not be independently verified.",
    "A former dock worker told reporters the cranes had failed. She later recanted.",
    "Mayor Lena Ortiz later retracted her statement.",
];

/// How often, one sentence in this many, [`article_with_follow_ups_of_size`]
/// writes a follow-up, so that words of retraction and denial are about
/// as frequent as in the annotated corpus (the bench prints both).
const FOLLOW_UP_EVERY: u64 = 22;

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// An article of `paragraphs` paragraphs of two to five sentences.
pub fn article(paragraphs: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed.max(1));
    (0..paragraphs)
        .map(|_| {
            let n = 2 + rng.next() % 4;
            (0..n)
                .map(|_| sentence(&mut rng))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// An article of about `bytes` bytes of text.
pub fn article_of_size(bytes: usize, seed: u64) -> Vec<String> {
    of_size(bytes, seed, sentence)
}

/// An article of about `bytes` bytes with follow-ups now and then: the
/// retractions, denials and unverified figures that make the analysis link
/// claims across the whole article.
pub fn article_with_follow_ups_of_size(bytes: usize, seed: u64) -> Vec<String> {
    of_size(bytes, seed, |rng| {
        if rng.next() % FOLLOW_UP_EVERY == 0 {
            rng.pick(FOLLOW_UPS).to_string()
        } else {
            sentence(rng)
        }
    })
}

fn of_size(bytes: usize, seed: u64, mut sentence: impl FnMut(&mut Rng) -> String) -> Vec<String> {
    let mut rng = Rng(seed.max(1));
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let n = 2 + rng.next() % 4;
        let p = (0..n)
            .map(|_| sentence(&mut rng))
            .collect::<Vec<_>>()
            .join(" ");
        total += p.len() + 2;
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn follow_ups_retract_and_dispute_claims_the_plain_article_does_not() {
        let flagged = |article: Vec<String>| {
            let a = analyze(&article);
            let disputed = a
                .paragraphs
                .iter()
                .flat_map(|p| &p.claims)
                .filter(|c| c.disputed)
                .count();
            (a.summary.retracted, disputed)
        };
        assert_eq!(flagged(article_of_size(60_000, 7)), (0, 0));
        let (retracted, disputed) = flagged(article_with_follow_ups_of_size(60_000, 7));
        assert!(retracted > 0 && disputed > 0, "{retracted} {disputed}");
    }
}
