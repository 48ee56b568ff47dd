//! Disputes: another party denies or contradicts material ("the ministry
//! denied the report", "the Taliban says the reports of his death are
//! false"). Worth showing beside the claim, but not a retraction: only the
//! material's own author can retract it.

use std::ops::Range;

use super::lexicon::{Lexicon, tag};
use super::text::Paragraph;

/// A denial of some earlier material.
#[derive(Debug, Clone)]
pub struct Dispute {
    pub paragraph: usize,
    pub sentence: usize,
    pub words: Range<usize>,
    /// The noun naming what is denied ("report", "assertion").
    pub noun: String,
    pub group: Option<usize>,
    /// Whose material: "Kim's assertion" → "Kim".
    pub owner: Option<String>,
}

pub static RULE_ID: &str = "dispute.denial";

/// How far from the denial word the denied noun may stand.
const REACH: usize = 10;

/// Whether [`find`] may find anything in the paragraph: it has a word of
/// denial.
pub fn may_occur(p: &Paragraph) -> bool {
    p.mentions(tag::DISPUTE)
}

pub fn find(p: &Paragraph, paragraph: usize, lex: &Lexicon) -> Vec<Dispute> {
    let mut out = Vec::new();
    if !may_occur(p) {
        return out;
    }
    for (si, s) in p.sentences.iter().enumerate() {
        for d in s.tokens.clone() {
            if !p.has(d, tag::DISPUTE)
                || p.in_quote(p.tokens[d].start())
                || (p.capitalized(d) && d > s.tokens.start)
            {
                continue;
            }
            let is_target = |m: &usize| {
                p.has(*m, tag::DOCUMENT | tag::CONTENT_NOUN | tag::HEDGE_NOUN)
                    && !p.tokens[*m].capitalized()
            };
            let after = (d + 1..s.tokens.end.min(d + 1 + REACH)).find(is_target);
            let before = (s.tokens.start.max(d.saturating_sub(REACH))..d)
                .rev()
                .find(is_target);
            let Some(noun) = after.or(before) else {
                continue;
            };
            let owner = (noun.saturating_sub(3)..noun)
                .rev()
                .find(|&k| p.tokens[k].possessive() && p.tokens[k].capitalized())
                .map(|k| p.stem(k).to_string());
            let word = p.stem(noun).to_lowercase();
            out.push(Dispute {
                paragraph,
                sentence: si,
                words: p.tokens[d].start()..p.tokens[d].end(),
                group: lex.material_group(&word),
                noun: word,
                owner,
            });
        }
    }
    out
}

/// The noun a hedge's cue stands for: "reportedly" and "was reported to"
/// rest on reports, "allegedly" on allegations.
pub fn hedge_noun(cue: &str) -> Option<&'static str> {
    let c = cue.to_lowercase();
    if c.contains("report") {
        Some("reports")
    } else if c.contains("alleg") {
        Some("allegations")
    } else if c.contains("rumo") {
        Some("rumors")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rules::Rules;

    #[test]
    fn denials_name_what_they_deny() {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(
            "The rebels say the reports of his death are false. The ministry rejected Lee’s assertion that it failed.",
            &lex,
        );
        let d = find(&p, 0, &lex);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].noun, "reports");
        assert_eq!(d[1].owner.as_deref(), Some("Lee"));
    }
}
