//! `attribution.as-verb`: a characterisation — "Moscow frames its role as
//! a 'peacekeeping outpost'", "Pakistan condemns the strikes as illegal",
//! "framed by Moscow as …" — and a naming — "Reyes called the proposal 'a
//! gift to developers'", "calling it baseless". The source is the subject,
//! or the "by" agent of a passive.

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.as-verb",
    explanation: "'{cue}' gives {source}'s characterisation",
};

#[derive(Debug)]
pub struct AsVerb {
    as_verbs: ListId,
    calling: ListId,
}

impl AsVerb {
    pub fn new(lex: &Lexicon) -> Self {
        AsVerb {
            as_verbs: lex.list("as_verbs"),
            calling: lex.list("calling_verbs"),
        }
    }
}

impl Detector for AsVerb {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.as_verbs, self.calling])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for vg in p.chunks.vgs_in(s.clone()) {
            let v = vg.main;
            let as_verb = p.entry_at(v, self.as_verbs);
            let calling = p.has(v, self.calling);
            if (as_verb.is_none() && !calling) || vg.negated || vg.infinitive {
                continue;
            }
            let after = as_verb.unwrap_or(vg.tokens.end).max(vg.tokens.end);
            // The source: the "by" agent of a passive, else the subject
            // (or the one doing the naming in "what he called").
            let (source, object_start) = if vg.passive
                || !vg.finite && p.tags[v] == crate::analysis::syntax::tags::Tag::VBN
            {
                let by = (after..s.end.min(after + 12)).find(|&k| p.is(k, "by"));
                let Some(by) = by else { continue };
                let Some(agent) = p.phrase_from(by + 1, s.end) else {
                    continue;
                };
                (agent.clone(), agent.end)
            } else {
                if !vg.finite {
                    continue;
                }
                let Some((src, inverted)) = super::verbs::source(p, vg) else {
                    continue;
                };
                let start = if inverted { src.end } else { after };
                (src, start)
            };
            // The characterisation: "as …" after the object, or, for a
            // calling verb, a quotation or phrase right after the object.
            let mut end = p.clause_end(object_start.min(s.end.saturating_sub(1)));
            let as_at = (object_start..end).find(|&k| p.is(k, "as"));
            // "as" belongs to the main verb after a relative clause, not to
            // the relative clause's verb ("A person who has seen the memo
            // described it as …": "described", not "seen").
            let lead = p.skip_adverbials_left(vg.tokens.start, s.start);
            let relative = lead > s.start
                && matches!(p.tags[lead - 1], Tag::WP | Tag::WDT)
                && p.is_any(lead - 1, &["who", "which", "that"]);
            if relative
                && let Some(a) = as_at
                && p.chunks.vgs_in(object_start..a).iter().any(|o| o.finite)
            {
                continue;
            }
            // A characterisation is a phrase: it ends where a new clause
            // is joined ("… as 'pure fiction,' and its director … told").
            if let Some(cc) = (as_at.unwrap_or(object_start) + 1..end)
                .find(|&k| p.tags[k] == Tag::CC && p.starts_clause(k + 1, s.end))
            {
                end = if p.is_mark(cc - 1, ',') { cc - 1 } else { cc };
            }
            let content = match as_at {
                Some(a) if as_verb.is_some() && a + 1 < s.end => Some(object_start..end.max(a + 1)),
                _ if calling => {
                    // "called the plan 'a gift'", "called it baseless"
                    let object = p
                        .chunks
                        .np_starting_at(object_start)
                        .map(|n| p.chunks.nps[n].tokens.end);
                    object
                        .filter(|&o| {
                            o < end
                                && (p.quotes.iter().any(|q| q.open == o)
                                    || p.chunks.np_starting_at(o).is_some()
                                    || p.tags[o].is_adjective())
                        })
                        .map(|_| object_start..end)
                }
                _ => None,
            };
            let Some(content) = content else { continue };
            let cue_end = match as_at {
                Some(a) if as_verb.is_some() => a + 1,
                _ => after,
            };
            let mut c = Candidate::new(&RULE, Role::Plain, sentence, vg.tokens.start..cue_end);
            c.source = Some(source);
            c.content = content;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn characterisations_and_namings() {
        check(&[
            (
                "The mayor called the proposal \"a gift to developers\" in a radio interview.",
                &["called / The mayor / named"],
            ),
            (
                "The union described the offer as an insult.",
                &["described the offer as / The union / named"],
            ),
            (
                "The ministry framed the closure as a safety measure.",
                &["framed the closure as / The ministry / named"],
            ),
            // A relative clause's verb of seeing or representing is not the
            // one "as" belongs to.
            (
                "A nurse who has seen the rota described it as dangerous.",
                &["described it as / A nurse who has seen the rota / anonymous"],
            ),
            (
                "A lawyer who represents the tenants described the eviction as unlawful.",
                &["described the eviction as / A lawyer who represents the tenants / anonymous"],
            ),
            // One verb read as saying and as characterising: one claim, and
            // the characterisation ends where a new clause is joined.
            (
                "The board rejected the audit’s findings as ‘baseless,’ and its chair, Ida Marsh, told staff that nothing had changed.",
                &[
                    "rejected the audit’s findings as / The board / named",
                    "told / its chair, Ida Marsh / named",
                ],
            ),
        ]);
    }
}
