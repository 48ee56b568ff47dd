//! Nesting: one reported statement is one claim, however many cues wrap it.
//!
//! The sourcing guide counts "‘…,’ a senior general reportedly told
//! officers, according to a leaked memo" once, resting on the memo (the
//! outermost source) with the general as inner speaker; "According to
//! insiders, Japarov argued …" once, resting on the insiders. A reporting
//! verb inside another claim's content ("X said Y told him") adds an inner
//! speaker, not a claim; a hedge inside an attributed clause adds nothing.
//! Claims in separate clauses ("Moscow frames it as A, while officials
//! hint at B") stay separate.

use super::detectors::{Candidate, REACH, Role, opens_sentence};
use super::text::Paragraph;

/// Nests the candidates of one paragraph in place: wrapped candidates are
/// marked `absorbed` and their sources become inner speakers.
pub fn nest(p: &Paragraph, cands: &mut Vec<Candidate>) {
    cands.sort_by_key(|c| (c.sentence, c.first_token(), c.cue.0));
    cands.dedup_by_key(|c| c.cue.1);
    let start = |c: &Candidate| p.tokens[c.first_token()].start();

    // A reporting verb inside another claim's content is its inner speaker.
    for a in 0..cands.len() {
        if cands[a].absorbed
            || matches!(cands[a].role, Role::Hedge | Role::Citing | Role::Continued)
        {
            continue;
        }
        let forward = cands[a].content.start >= p.tokens[cands[a].cue.1].end();
        if !forward {
            continue;
        }
        for b in a + 1..cands.len() {
            if cands[b].sentence != cands[a].sentence
                || cands[b].first_token() > cands[a].cue.1 + REACH
            {
                break; // sorted by position: nothing further can be inside
            }
            if cands[b].absorbed {
                continue;
            }
            let inside = cands[a].content.contains(&start(&cands[b]));
            match cands[b].role {
                Role::Plain if inside => {
                    let inner: Vec<_> = cands[b]
                        .source
                        .into_iter()
                        .chain(cands[b].speakers.clone())
                        .collect();
                    cands[a].speakers.extend(inner);
                    cands[b].absorbed = true;
                }
                Role::ContentNoun { .. } if inside => cands[b].conditional = true,
                _ => {}
            }
        }
    }

    // "according to X" wraps the claim it is attached to.
    for o in 0..cands.len() {
        if cands[o].role != Role::Outer || cands[o].absorbed {
            continue;
        }
        let sentence = cands[o].sentence;
        let eligible = |c: &Candidate| {
            c.sentence == sentence
                && !c.absorbed
                && matches!(c.role, Role::Plain | Role::ContentNoun { .. })
        };
        let near = |t: usize| cands[t].first_token().abs_diff(cands[o].cue.0) <= 2 * REACH;
        let target = if opens_sentence(p, sentence, cands[o].cue.0) {
            (o + 1..cands.len())
                .take_while(|&t| near(t))
                .find(|&t| eligible(&cands[t]) && cands[o].content.contains(&start(&cands[t])))
        } else {
            (0..o)
                .rev()
                .take_while(|&t| near(t))
                .find(|&t| eligible(&cands[t]) && cands[t].last_token() < cands[o].cue.0)
        };
        if let Some(t) = target {
            let inner: Vec<_> = cands[t]
                .source
                .into_iter()
                .chain(cands[t].speakers.clone())
                .collect();
            let mut speakers = inner;
            speakers.append(&mut cands[o].speakers);
            cands[o].speakers = speakers;
            cands[t].absorbed = true;
        }
    }

    // ", citing X" gives the claim before it an inner speaker.
    for c in 0..cands.len() {
        if cands[c].role != Role::Citing {
            continue;
        }
        let sentence = cands[c].sentence;
        let target = (0..c)
            .rev()
            .take_while(|&t| cands[t].first_token() + 2 * REACH >= cands[c].cue.0)
            .find(|&t| {
                cands[t].sentence == sentence
                    && !cands[t].absorbed
                    && !matches!(cands[t].role, Role::Hedge | Role::Citing)
            });
        match target {
            Some(t) => {
                let speakers = cands[c].speakers.clone();
                cands[t].speakers.extend(speakers);
                cands[c].absorbed = true;
            }
            None => {
                cands[c].source = cands[c].speakers.first().copied();
                cands[c].speakers.clear();
                cands[c].role = Role::Plain;
            }
        }
    }

    // ", adding that …" after "X said …": the same source, one statement.
    for c in 0..cands.len() {
        let is_participle = std::ptr::eq(cands[c].rule, &super::detectors::participle::RULE);
        if !is_participle || cands[c].absorbed {
            continue;
        }
        let same_source = (0..c)
            .rev()
            .take_while(|&a| cands[a].first_token() + 2 * REACH >= cands[c].cue.0)
            .any(|a| {
                !cands[a].absorbed
                    && cands[a].sentence == cands[c].sentence
                    && cands[a].source.is_some()
                    && cands[a].source == cands[c].source
            });
        if same_source {
            cands[c].absorbed = true;
        }
    }

    // A hedge inside an attributed clause adds no claim.
    for h in 0..cands.len() {
        if cands[h].role != Role::Hedge {
            continue;
        }
        let at = p.tokens[cands[h].cue.0].start();
        let sentence = cands[h].sentence;
        // Candidates are in text order: only those near it can wrap it.
        let cue = cands[h].cue.0;
        let before = (0..h)
            .rev()
            .take_while(|&a| cands[a].first_token() + 2 * REACH >= cue);
        let after = (h + 1..cands.len()).take_while(|&a| cands[a].first_token() <= cue + 2 * REACH);
        let wrapped = before.chain(after).any(|i| {
            let a = &cands[i];
            a.sentence == sentence
                && !matches!(a.role, Role::Hedge | Role::Citing)
                && !a.conditional
                && (a.content.contains(&at)
                    || (start(a)..p.tokens[a.last_token()].end()).contains(&at))
        });
        if wrapped {
            cands[h].absorbed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::detectors::detect_sentence;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    /// (cue, source, speaker) of the claims left after nesting.
    fn claims(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let mut c = Vec::new();
        for s in 0..p.sentences.len() {
            detect_sentence(&p, s, &mut c);
        }
        nest(&p, &mut c);
        let w = |r: (usize, usize)| text[p.span(r.0, r.1)].to_string();
        c.iter()
            .filter(|c| !c.absorbed && !c.conditional)
            .map(|c| {
                (
                    w(c.cue),
                    c.source.map(w),
                    c.speakers.first().copied().map(w),
                )
            })
            .collect()
    }

    fn claim(
        cue: &str,
        source: Option<&str>,
        speaker: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (cue.into(), source.map(Into::into), speaker.map(Into::into))
    }

    #[test]
    fn according_to_wraps_a_quoted_speaker_and_hedge() {
        assert_eq!(
            claims(
                "‘The port is closed,’ a senior captain reportedly told sailors, according to a leaked log obtained by the Herald."
            ),
            [claim(
                "according to",
                Some("a leaked log obtained by the Herald"),
                Some("a senior captain")
            )]
        );
    }

    #[test]
    fn opening_according_to_wraps_the_next_claim() {
        assert_eq!(
            claims(
                "According to staff familiar with the talks, the mayor argued that the budget is short."
            ),
            [claim(
                "According to",
                Some("staff familiar with the talks"),
                Some("the mayor")
            )]
        );
    }

    #[test]
    fn separate_clauses_stay_separate() {
        assert_eq!(
            claims(
                "While the club officially frames the sale as a ‘fresh start,’ local officials have hinted at debts."
            ),
            [
                claim("officially frames", Some("the club"), None),
                claim("have hinted", Some("local officials"), None)
            ]
        );
        assert_eq!(
            claims(
                "The rebels say the reports are false, but Interior Minister Ana Diaz told the BBC that they lost."
            ),
            [
                claim("say", Some("The rebels"), None),
                claim("told", Some("Interior Minister Ana Diaz"), None)
            ]
        );
    }

    #[test]
    fn inner_reporting_verb_becomes_speaker() {
        assert_eq!(
            claims("The minister said officials had told him that the dam was safe."),
            [claim("said", Some("The minister"), Some("officials"))]
        );
    }

    #[test]
    fn lone_hedge_is_a_claim_but_not_inside_attribution() {
        assert_eq!(
            claims("The minister reportedly resigned."),
            [claim("reportedly", None, None)]
        );
        assert_eq!(
            claims("But reports of looting persist, and the army has admitted there are gaps."),
            [
                claim("reports of", None, None),
                claim("has admitted", Some("the army"), None)
            ]
        );
        assert_eq!(
            claims("Residents say the reports of looting are false."),
            [claim("say", Some("Residents"), None)]
        );
    }

    #[test]
    fn citing_adds_a_speaker() {
        assert_eq!(
            claims("The agency reported the deal, citing two bankers."),
            [claim("reported", Some("The agency"), Some("two bankers"))]
        );
    }
}
