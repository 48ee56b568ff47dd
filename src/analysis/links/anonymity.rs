//! `link.anonymity-reason`: for an anonymous person or group first named
//! as a source, whether the text says why they are unnamed — "because
//! they were not authorized to speak", "for fear of reprisal" — as
//! newsroom policies ask. "on condition of anonymity" alone states the
//! condition, not a reason. The reason may stand in the source's own
//! words ("who was not authorized to speak publicly"), in its sentence,
//! or in the next sentence when that one attributes nothing.

use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::SourceKind;
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::{Draft, paragraph_range};

pub const RULE_ID: &str = "link.anonymity-reason";

/// Sets `anonymity_reason` on the drafts whose anonymous source is people
/// named here for the first time.
pub fn link(paras: &[Paragraph], lex: &Lexicon, drafts: &mut [Draft]) {
    let reasons = lex.list("anonymity_reasons");
    let conditions = lex.list("anonymity_conditions");
    for k in 0..drafts.len() {
        let d = &drafts[k];
        if d.kind != SourceKind::Anonymous {
            continue;
        }
        let who = if d.kind_from_speaker {
            d.speaker.as_ref()
        } else {
            d.source.as_ref()
        };
        let Some(who) = who else { continue };
        if !who.class.category.is_people()
            || who.antecedent.is_some()
            || d.role == crate::analysis::detect::Role::Continued
        {
            continue;
        }
        let p = &paras[d.paragraph];
        let s = p.sentences[d.sentence].clone();
        // The sentence from the source on, and the next sentence when no
        // claim stands in it.
        let next = d.sentence + 1;
        let here = paragraph_range(drafts, d.paragraph, d.paragraph);
        let next_too = next < p.sentences.len() && !drafts[here].iter().any(|o| o.sentence == next);
        let ranges = [
            Some(who.tokens.start.min(d.cue.start)..s.end),
            next_too.then(|| p.sentences[next].clone()),
        ];
        let given = ranges.into_iter().flatten().any(|r| {
            !p.entries_in(r.clone(), reasons).is_empty()
                || p.entries_in(r.clone(), conditions).iter().any(|c| {
                    // "on condition of anonymity because …"
                    (c.end..(c.end + 3).min(r.end)).any(|j| p.is(j, "because"))
                })
        });
        drafts[k].anonymity_reason = Some(given);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::article;

    fn reasons(text: &str) -> Vec<Option<bool>> {
        article(text)
            .paragraphs
            .iter()
            .flat_map(|p| p.claims.iter().map(|c| c.anonymity_reason))
            .collect()
    }

    #[test]
    fn a_reason_for_anonymity_is_found_where_the_text_gives_one() {
        assert_eq!(
            reasons(
                "Two officials, who spoke on condition of anonymity because they were not authorized to discuss the case, said the inquiry had stalled."
            ),
            [Some(true)]
        );
        assert_eq!(
            reasons("Two officials said the inquiry had stalled."),
            [Some(false)]
        );
    }

    #[test]
    fn named_sources_need_no_reason() {
        assert_eq!(
            reasons("Inspector Lena Ortiz said the inquiry had stalled."),
            [None]
        );
    }
}
