//! Nesting: the candidates of one sentence that attribute one statement
//! become one claim, resting on the outermost source, as the sourcing
//! guide asks ("One reported statement is one claim, however many cues
//! wrap it").
//!
//! - a hedge on the verb of an attribution ("X reportedly told …") makes
//!   the attribution itself hearsay: no source, X the inner speaker; a
//!   hedge inside an attributed statement adds nothing;
//! - ", citing Y" gives the statement around it Y as inner speaker;
//! - "according to X" wraps the attribution inside it: X is the source,
//!   the inner attribution's source the speaker;
//! - an attribution inside another's content ("officials said the mayor
//!   claimed …") is the inner speaker of the outer one;
//! - a participle restating what its clause already attributes
//!   ("confirmed the figure, saying …") is the same statement.

use super::{Candidate, Role};
use crate::analysis::reading::Paragraph;

fn inside(inner: &std::ops::Range<usize>, outer: &std::ops::Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && !outer.is_empty()
}

/// Nests the candidates `out[first..]` (one sentence's) in place.
pub fn nest(p: &Paragraph, out: &mut Vec<Candidate>, first: usize) {
    let mut cands: Vec<Candidate> = out.drain(first..).collect();
    if cands.len() > 1 {
        cands.sort_by_key(|c| c.cue.start);
        cands.dedup_by(|b, a| a.cue == b.cue && a.rule.id == b.rule.id);
        one_verb_one_claim(&mut cands);
        agents_in_sources(&mut cands);
        hedges(p, &mut cands);
        citing(&mut cands);
        wrapping(p, &mut cands);
        restating(p, &mut cands);
    } else {
        // A lone ", citing Y" wraps nothing.
        cands.retain(|c| c.role != Role::Citing);
    }
    out.extend(cands);
}

/// Two rules reading one verb ("rejected the account" as a verb of saying
/// with its object, "rejected the account as fiction" as a
/// characterisation): the reading with the longer cue says more.
fn one_verb_one_claim(cands: &mut Vec<Candidate>) {
    let mut k = 0;
    while k < cands.len() {
        let c = &cands[k];
        let wider = cands.iter().any(|o| {
            o.role == Role::Plain
                && c.role == Role::Plain
                && o.cue.start == c.cue.start
                && o.cue.end > c.cue.end
                && o.source == c.source
        });
        if wider {
            cands.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "A report published by the health department found …": the agent
/// describes the source of the statement, and is not a statement of its
/// own.
fn agents_in_sources(cands: &mut Vec<Candidate>) {
    let holds = |c: &Candidate, o: &Candidate| {
        o.source
            .as_ref()
            .is_some_and(|s| s.start <= c.cue.start && c.cue.end <= s.end)
    };
    let mut k = 0;
    while k < cands.len() {
        let c = &cands[k];
        if c.rule.id == super::passive_agent::RULE.id && cands.iter().any(|o| holds(c, o)) {
            cands.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A hedge on an attribution's verb, or inside its statement.
fn hedges(p: &Paragraph, cands: &mut Vec<Candidate>) {
    let mut k = 0;
    while k < cands.len() {
        if cands[k].role != Role::Hedge {
            k += 1;
            continue;
        }
        let h = cands[k].cue.clone();
        // The attribution whose verb group holds the hedge or follows it.
        let verb_of = |c: &Candidate| {
            let vg = p
                .chunks
                .vg_at(c.cue.start)
                .map(|v| p.chunks.vgs[v].tokens.clone());
            let group = vg.unwrap_or_else(|| c.cue.clone());
            (group.start.saturating_sub(1)..group.end).contains(&h.start)
                || c.cue.contains(&h.start)
        };
        let on_verb = (0..cands.len()).find(|&j| {
            j != k
                && matches!(cands[j].role, Role::Plain)
                && cands[j].source.is_some()
                && verb_of(&cands[j])
        });
        if let Some(j) = on_verb {
            let hedge = cands[k].clone();
            let c = &mut cands[j];
            c.speaker = c.speaker.take().or(c.source.take());
            c.cue = c.cue.start.min(hedge.cue.start)..c.cue.end.max(hedge.cue.end);
            c.rule = hedge.rule;
            c.role = Role::Hedge;
            cands.remove(k);
            continue;
        }
        let within = (0..cands.len()).any(|j| {
            j != k
                && cands[j].role != Role::Hedge
                && cands[j].role != Role::Citing
                && inside(&h, &cands[j].content)
        });
        if within {
            cands.remove(k);
            continue;
        }
        k += 1;
    }
}

/// ", citing Y": Y is the inner speaker of the statement it belongs to.
fn citing(cands: &mut Vec<Candidate>) {
    let mut k = 0;
    while k < cands.len() {
        if cands[k].role != Role::Citing {
            k += 1;
            continue;
        }
        let cue = cands[k].cue.clone();
        let target = (0..cands.len())
            .filter(|&j| j != k && cands[j].role != Role::Citing)
            .min_by_key(|&j| {
                let c = &cands[j];
                let a = c.attribution();
                if inside(&cue, &c.content) {
                    0
                } else {
                    a.start.abs_diff(cue.start).min(a.end.abs_diff(cue.start)) + 1
                }
            });
        if let Some(j) = target {
            let speaker = cands[k].speaker.clone();
            let c = &mut cands[j];
            if c.speaker.is_none() {
                c.speaker = speaker;
            }
        }
        cands.remove(k);
    }
}

/// Attributions inside another's statement, or inside "according to".
fn wrapping(p: &Paragraph, cands: &mut Vec<Candidate>) {
    // Outermost first: the widest content wraps the rest.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&j| {
        let c = &cands[j];
        (c.role != Role::Outer, std::cmp::Reverse(c.content.len()))
    });
    let mut gone = vec![false; cands.len()];
    let mut added = Vec::new();
    for &a in &order {
        if gone[a] {
            continue;
        }
        for &b in &order {
            if a == b || gone[b] {
                continue;
            }
            let (outer, inner) = (&cands[a], &cands[b]);
            if !inside(&inner.cue, &outer.content)
                || inside(&outer.cue, &inner.content) && outer.role != Role::Outer
            {
                continue;
            }
            // A document's own content restated ("its report that …") is a
            // statement of the document, not of whoever mentions it.
            if inner.rule.id == super::content_noun::RULE.id && inner.source.is_some() {
                continue;
            }
            // "she said she confessed": the confession is its own statement;
            // an item's restated content is the item's.
            if inner.testimony || inner.restates {
                continue;
            }
            // "…, something relatives said was a lie", "…, which officials
            // called false": another party's comment on the statement, a
            // claim of its own; the statement ends before it.
            let comment_at = inner.source.as_ref().and_then(|s| {
                let w = s.start.checked_sub(1)?;
                let comma = w.checked_sub(1)?;
                (p.is_any(w, &["something", "which", "what"]) && p.is_mark(comma, ','))
                    .then_some(comma)
            });
            if let Some(comma) = comment_at {
                let o = &mut cands[a];
                if o.content.contains(&comma) {
                    o.content.end = comma;
                }
                continue;
            }
            // "acknowledged that mistakes were made but insisted the plan
            // was sound": a second verb of the same subject, after "and" or
            // "but", is a claim beside the first, whose content ends
            // before the conjunction.
            if inner.source.is_some() && inner.source == outer.source {
                let mut k = inner.cue.start;
                while k > outer.content.start && p.tags[k - 1].is_adverb() {
                    k -= 1;
                }
                if let Some(conj) = k.checked_sub(1)
                    && outer.content.contains(&conj)
                    && conj > outer.content.start
                    && p.tags[conj] == crate::analysis::syntax::tags::Tag::CC
                    && p.is_any(conj, &["and", "but"])
                {
                    cands[a].content.end = conj;
                    continue;
                }
            }
            // "says a field report indicated X and there was Y": Y, joined
            // after the inner statement, is the outer source's own.
            let joined = (inner.content.end.max(inner.cue.end)..outer.content.end).find(|&k| {
                p.is_any(k, &["and", "but"])
                    && p.tags[k] == crate::analysis::syntax::tags::Tag::CC
                    && p.starts_clause(k + 1, outer.content.end)
            });
            if let Some(k) = joined {
                let mut own = outer.clone();
                own.content = k + 1..outer.content.end;
                added.push(own);
            }
            let speaker = inner.speaker.clone().or(inner.source.clone());
            let o = &mut cands[a];
            if let Some(k) = joined {
                o.content.end = if p.is_mark(k - 1, ',') { k - 1 } else { k };
            }
            if o.speaker.is_none() {
                o.speaker = speaker;
            }
            gone[b] = true;
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        let keep = !gone[k];
        k += 1;
        keep
    });
    cands.extend(added);
    cands.sort_by_key(|c| (c.cue.start, c.content.start));
}

/// "confirmed the figure, saying …": one statement under two cues.
fn restating(p: &Paragraph, cands: &mut Vec<Candidate>) {
    let mut k = 1;
    while k < cands.len() {
        let (a, b) = (&cands[k - 1], &cands[k]);
        let same_source = a.source.is_some() && a.source == b.source;
        // "…, saying …", or a participle whose content points back at the
        // statement: "denied the story, calling it a fabrication".
        let saying = b.rule.id == super::participle::RULE.id
            && (p.is(b.cue.start, "saying")
                || p.is_any(b.content.start, &["it", "them", "this", "that"]));
        let a_object_only = a.content.end <= b.cue.start;
        if same_source && saying && a_object_only && a.rule.id != super::participle::RULE.id {
            let b = cands.remove(k);
            let a = &mut cands[k - 1];
            a.cue = a.cue.start..b.cue.end;
            a.content = a.content.start.min(b.content.start)..b.content.end.max(a.content.end);
            a.vehicle = a.vehicle.take().or(b.vehicle);
            continue;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn one_statement_is_one_claim_on_its_outermost_source() {
        check(&[
            (
                "According to the Valley Post, police officers told residents that the dam was failing.",
                &["According to / the Valley Post (police officers) / anonymous"],
            ),
            (
                "The Harbour Gazette, citing two port workers, reported that the cranes had failed.",
                &["reported / The Harbour Gazette (two port workers) / anonymous"],
            ),
        ]);
    }

    #[test]
    fn a_hedge_inside_an_attributed_statement_adds_no_claim() {
        check(&[(
            "Mayor Rosa Lind said the contractor had reportedly been paid twice.",
            &["said / Mayor Rosa Lind / named"],
        )]);
    }
}
