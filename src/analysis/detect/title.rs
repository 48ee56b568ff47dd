//! `attribution.title`: a withdrawn item named by its quoted headline —
//! "retracted a story titled 'Mayor Pockets Millions'". A headline that
//! states a fact restates the item's content, so it is a claim resting on
//! the item — kept only if the item turns out withdrawn (a title beside
//! an item that stands is a label, not a statement).

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.title",
    explanation: "'{cue}' gives the headline of {source}, which states what the item said",
};

/// Words that introduce an item's title.
const TITLING: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "headed",
    "called",
    "named",
];

#[derive(Debug)]
pub struct Title {
    items: ListId,
}

impl Title {
    pub fn new(lex: &Lexicon) -> Self {
        Title {
            items: lex.list("item_nouns"),
        }
    }
}

impl Detector for Title {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.items])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        let first = p.quotes.partition_point(|q| q.open < s.start);
        for q in p.quotes[first..].iter().take_while(|q| q.open < s.end) {
            let at = q.open;
            if at < s.start + 2 || !p.is_any(at - 1, TITLING) {
                continue;
            }
            let Some(np) = p.chunks.np_ending_at(at - 2) else {
                continue;
            };
            let np = &p.chunks.nps[np];
            if !p.has(np.head, self.items) {
                continue;
            }
            let inside = q.inside(p.tokens.len());
            let words = inside.clone().filter(|&k| p.tokens[k].is_word()).count();
            if words < 3 {
                continue;
            }
            let mut c = Candidate::new(&RULE, Role::Plain, sentence, at - 1..at);
            c.source = Some(np.tokens.start..q.close.map_or(inside.end, |e| e + 1));
            c.content = inside;
            c.conditional = true;
            c.restates = true;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn a_headline_that_states_a_fact_is_a_claim_of_the_withdrawn_item() {
        check(&[(
            "The Northgate Star retracted a story headlined \"Council Hid Flood Report\".",
            &["headlined / a story headlined \"Council Hid Flood Report\" / named R"],
        )]);
    }

    #[test]
    fn a_title_that_is_no_withdrawn_item_is_no_claim() {
        check(&[(
            "The exhibition, titled \"Voices of the Harbour\", opens in May.",
            &[],
        )]);
    }
}
