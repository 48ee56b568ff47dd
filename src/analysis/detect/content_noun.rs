//! `attribution.content-noun`: a noun that carries a statement with
//! "that" or "of" — "Moscow's narrative that …", "allegations by the Sunday
//! Times that …", "U.S. media reports that …", "the official expressed
//! regret that …" — and, with no one behind it, nominal hearsay:
//! "allegations that …", "contrary to reports that …", "speculation in
//! the media that …", "reports of skirmishes".
//!
//! Who stands behind it: the owner ("Moscow's", "its"), a "by" or "from"
//! phrase, the phrase itself when it is a document with something said
//! of its origin ("U.S. media reports"), or the subject of the verb that
//! expresses it. A bare hearsay noun has no source: unattributed.

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.content-noun",
    explanation: "'{cue}' presents the content as {source}'s",
};

pub static HEARSAY: RuleInfo = RuleInfo {
    id: "attribution.hearsay-noun",
    explanation: "'{cue}' cites reports or rumours without saying whose",
};

#[derive(Debug)]
pub struct ContentNoun {
    content: ListId,
    hearsay: ListId,
    documents: ListId,
    items: ListId,
    expression: ListId,
    /// Verbs that attribute by themselves ("a report said that").
    reporting: Classes,
}

impl ContentNoun {
    pub fn new(lex: &Lexicon) -> Self {
        ContentNoun {
            content: lex.list("content_nouns"),
            hearsay: lex.list("hearsay_nouns"),
            documents: lex.list("document_nouns"),
            items: lex.list("item_nouns"),
            expression: lex.list("expression_verbs"),
            reporting: lex.verb_lists(),
        }
    }
}

impl Detector for ContentNoun {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.content, self.hearsay])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for np in p.chunks.nps_in(s.clone()) {
            let h = np.head;
            let hearsay = p.has(h, self.hearsay);
            if !hearsay && !p.has(h, self.content) {
                continue;
            }
            // "by X", "from X", "in the media" between the noun and "that".
            let mut k = np.tokens.end;
            let mut by = None;
            let mut steps = 0;
            while k + 1 < s.end
                && steps < 3
                && p.tags[k] == Tag::IN
                && !p.is(k, "that")
                && !p.is(k, "of")
            {
                steps += 1;
                let Some(r) = p.phrase_from(k + 1, s.end) else {
                    break;
                };
                if p.is(k, "by") || p.is(k, "from") {
                    by = Some(r.clone());
                }
                k = r.end;
            }
            // "Speculation was rife that …": the clause put after a copula
            // and its adjective.
            if k + 2 < s.end
                && p.is_any(k, &["is", "was", "are", "were", "has been", "had been"])
                && matches!(p.tags[k + 1], Tag::JJ | Tag::VBG)
                && p.is(k + 2, "that")
            {
                k += 2;
            }
            // "Rumors swirled that …", "Reports emerged that …": hearsay
            // with an intransitive verb, its clause put after the verb.
            if hearsay
                && k + 1 < s.end
                && p.is(k + 1, "that")
                && matches!(p.tags[k], Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN)
                && !p.classes[k].any(self.reporting)
                && p.chunks
                    .vg_at(k)
                    .is_some_and(|v| p.chunks.vgs[v].tokens.len() == 1)
            {
                k += 1;
            }
            // "that" + a clause, or (plural hearsay) "of" + a phrase.
            let content = if k < s.end && p.is(k, "that") && p.starts_clause(k + 1, s.end) {
                Some(k + 1..p.clause_end(k + 1))
            } else if hearsay
                && p.tags[h] == Tag::NNS
                && k + 1 < s.end
                && p.is(k, "of")
                && p.chunks.np_starting_at(k + 1).is_some()
            {
                p.phrase_from(k + 1, s.end)
                    .map(|r| k + 1..r.end.max(p.clause_end(k + 1).min(r.end + 3)))
            } else {
                None
            };
            let Some(content) = content.filter(|c| !c.is_empty()) else {
                continue;
            };
            let owner = np
                .after_possessor
                .map(|a| np.tokens.start..a - 1)
                .or_else(|| {
                    (p.tags[np.tokens.start] == Tag::PRPS)
                        .then(|| np.tokens.start..np.tokens.start + 1)
                });
            let owned = owner.is_some();
            let document = p.has(h, self.documents) || p.has(h, self.items);
            let modified = np.tokens.end - np.tokens.start > 1
                && !(np.tokens.end - np.tokens.start == 2 && p.tags[np.tokens.start] == Tag::DT);
            // The verb expressing it: "expressed regret that".
            let expressed = np.tokens.start > s.start
                && p.chunks.vg_at(np.tokens.start - 1).is_some_and(|v| {
                    let v = &p.chunks.vgs[v];
                    p.has(v.main, self.expression) && v.finite
                });
            let (rule, source) = if expressed {
                let v = &p.chunks.vgs[p.chunks.vg_at(np.tokens.start - 1).unwrap_or_default()];
                (&RULE, p.subject_of(v))
            } else if document && (owner.is_some() || modified) {
                (
                    &RULE,
                    Some(np.tokens.start..by.as_ref().map_or(np.tokens.end, |b| b.end)),
                )
            } else if let Some(b) = by {
                (&RULE, Some(b))
            } else if let Some(o) = owner {
                (&RULE, Some(o))
            } else if hearsay {
                (&HEARSAY, None)
            } else {
                continue;
            };
            if rule.id == RULE.id && source.is_none() {
                continue;
            }
            let cue_start = if expressed { np.tokens.start - 1 } else { h };
            let cue_end = if content.start > k { k + 1 } else { h + 1 };
            let mut c = Candidate::new(rule, Role::Plain, sentence, cue_start..cue_end.max(h + 1));
            // The document's own content ("its report that …").
            c.restates = document && (owned || modified) && !expressed;
            c.source = source;
            c.content = content;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn nominal_hearsay_has_no_source() {
        check(&[
            (
                "Allegations that the plant dumped waste have circulated for months.",
                &["Allegations that / - / unattributed"],
            ),
            (
                "Speculation was rife that the minister would resign.",
                &["Speculation was rife that / - / unattributed"],
            ),
            (
                "Rumours circulated that the striker would leave in January.",
                &["Rumours circulated that / - / unattributed"],
            ),
            // A verb that attributes by itself is its own rule's.
            (
                "A report by the Orvell Agency said that the pier would close.",
                &["said / A report by the Orvell Agency / named"],
            ),
            (
                "Contrary to reports that the pier would close, it stayed open all winter.",
                &["reports that / - / unattributed"],
            ),
        ]);
    }

    #[test]
    fn a_noun_expressed_or_owned_has_a_source() {
        check(&[(
            "An official expressed regret that the ferry had been delayed.",
            &["expressed regret that / An official / anonymous"],
        )]);
    }
}
