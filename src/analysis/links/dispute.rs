//! `link.dispute`: a denial by another party — "the ministry denied the
//! report", "Hill called the story 'false'", "officials said the report
//! was wrong" — marks the claims resting on what it denies as disputed:
//! worth showing, not a retraction (the guide's near misses).

use std::ops::Range;

use crate::analysis::coref::{Entity, same_material};
use crate::analysis::lexicon::{Lexicon, ListId};
use crate::analysis::model::{Link, Reference};
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::{Draft, Resolved, Resolver, paragraph_range};

pub const RULE_ID: &str = "link.dispute";

/// A denial of an item.
#[derive(Debug, Clone)]
pub struct Dispute {
    pub paragraph: usize,
    pub sentence: usize,
    pub words: Range<usize>,
    pub item: Resolved,
    /// Whose it is: the entity of "the Herald" in "the Herald's claims",
    /// found by name.
    pub owner: Option<Entity>,
    /// The possessor's head ("memo" of "the memo's account"): what it is
    /// matched by when it has no name.
    pub owner_head: Option<String>,
    /// Who denies it.
    pub by: Option<Resolved>,
}

#[derive(Debug, Clone)]
pub struct Lists {
    verbs: ListId,
    calling: ListId,
    speech: ListId,
    falsity: ListId,
    items: ListId,
    hearsay: ListId,
}

impl Lists {
    pub fn new(lex: &Lexicon) -> Lists {
        Lists {
            verbs: lex.list("dispute_verbs"),
            calling: lex.list("calling_verbs"),
            speech: lex.list("speech_verbs"),
            falsity: lex.list("falsity_words"),
            items: lex.list("item_nouns"),
            hearsay: lex.list("hearsay_nouns"),
        }
    }
}

/// Finds the paragraph's denials and resolves what they deny.
pub fn find(p: &Paragraph, l: &Lists, resolver: &mut Resolver) -> Vec<Dispute> {
    let mut out = Vec::new();
    for (si, s) in p.sentences.iter().enumerate() {
        for vg in p
            .chunks
            .vgs_in(s.clone())
            .iter()
            .filter(|v| v.finite && !v.negated)
        {
            let v = vg.main;
            // The item: its noun phrase and any "of" phrases ("the
            // Herald's claims", "the report of the inquiry"), not where or
            // how it was denied ("in a letter to residents").
            let item_at = |k: usize| -> Option<Range<usize>> {
                let n = p.chunks.np_starting_at(k)?;
                let mut end = p.chunks.nps[n].tokens.end;
                while end + 1 < s.end
                    && p.is(end, "of")
                    && let Some(m) = p.chunks.np_starting_at(end + 1)
                {
                    end = p.chunks.nps[m].tokens.end;
                }
                let r = k..end;
                let h = resolver.classifier().main_head(p, r.clone());
                (p.has(h, l.items) || p.has(h, l.hearsay)).then_some(r)
            };
            let item = if p.has(v, l.verbs) {
                // "denied the report"
                item_at(vg.tokens.end)
            } else if p.has(v, l.calling) {
                // "called the story 'false'"
                item_at(vg.tokens.end).filter(|r| {
                    (r.end..p.clause_end(r.end).max(r.end))
                        .any(|k| p.entry_at(k, l.falsity).is_some())
                })
            } else if p.has(v, l.speech) {
                // "said the report was wrong"
                p.reported_clause(vg.tokens.end).and_then(|c| {
                    let r = item_at(c.start)?;
                    let rest = r.end..c.end;
                    rest.clone()
                        .any(|k| p.entry_at(k, l.falsity).is_some())
                        .then_some(r)
                })
            } else {
                None
            };
            let Some(item) = item else { continue };
            let by = p.subject_of(vg);
            // "the Herald's claims": the possessor before "'s".
            let owner = p
                .chunks
                .np_at(item.start)
                .and_then(|n| {
                    let np = &p.chunks.nps[n];
                    np.after_possessor
                        .map(|a| np.tokens.start..a.saturating_sub(1))
                })
                .filter(|o| !o.is_empty());
            let item = resolver.resolve_material(p, item);
            let owner_head = owner
                .as_ref()
                .map(|o| p.word(o.end - 1).to_lowercase())
                .filter(|_| {
                    owner
                        .as_ref()
                        .is_some_and(|o| !p.tags[o.end - 1].is_proper())
                });
            let owner = owner.and_then(|o| {
                let names: Vec<String> = o
                    .filter(|&k| p.tags[k].is_proper())
                    .map(|k| p.word(k).to_string())
                    .collect();
                resolver.memory.by_name(&names).map(|m| m.entity)
            });
            let by = by.map(|b| resolver.resolve(p, b));
            out.push(Dispute {
                paragraph: p.index,
                sentence: si,
                words: vg.tokens.clone(),
                item,
                owner,
                owner_head,
                by,
            });
        }
    }
    out
}

/// Marks the drafts each denial concerns: those resting on the denied
/// item, by mention or by material, before it — unless the denier is the
/// item's own author.
pub fn link(paras: &[Paragraph], lex: &Lexicon, disputes: &[Dispute], drafts: &mut [Draft]) {
    let publish = lex.list("publish_verbs");
    let documents = lex.list("document_nouns");
    for e in disputes.iter().take(super::MAX_EVENTS) {
        let ep = &paras[e.paragraph];
        let b = ep.bytes(e.words.clone());
        let words = Reference {
            paragraph: e.paragraph,
            text: ep.text[b.clone()].to_string(),
            start: b.start,
            end: b.end,
        };
        let ib = ep.bytes(e.item.tokens.clone());
        let item = Reference {
            paragraph: e.paragraph,
            text: ep.text[ib.clone()].to_string(),
            start: ib.start,
            end: ib.end,
        };
        // The latest claim before the denial resting on that material,
        // within a few paragraphs.
        let near = paragraph_range(drafts, e.paragraph.saturating_sub(3), e.paragraph);
        let target = near.rev().find(|&k| {
            let d = &drafts[k];
            // (Not a denial inside the source's own relative clause:
            // "Brandt, who has denied the allegations, said …".)
            let here = d.paragraph == e.paragraph
                && d.source.as_ref().is_some_and(|s| {
                    s.tokens.start < e.item.tokens.end
                        && e.item.tokens.start < s.tokens.end
                        && !(s.tokens.start <= e.words.start && e.words.end <= s.tokens.end)
                });
            if here {
                return true;
            }
            let before = (d.paragraph, d.cue.start) < (e.paragraph, e.words.start);
            let denier =
                e.by.as_ref()
                    .is_some_and(|by| d.source.as_ref().is_some_and(|s| s.entity == by.entity));
            if !before || denier || d.paragraph + 3 < e.paragraph {
                return false;
            }
            let owner = e.owner;
            let owned = owner.is_some() || e.owner_head.is_some();
            // "denied the report" with no report mentioned before: what
            // was published last. (Not "denied the charges": an
            // accusation is no publication, and the last thing said need
            // not be it.)
            let fresh = e.item.class.definite
                && e.item.antecedent.is_none()
                && !owned
                && ep.has(e.item.class.head, documents);
            if fresh && super::published(paras, publish, d) {
                return true;
            }
            d.source.as_ref().is_some_and(|s| {
                s.entity == e.item.entity
                    || Some(s.entity) == owner
                    || e.owner_head
                        .as_ref()
                        .is_some_and(|h| same_material(&s.head, h))
                    || !owned && same_material(&s.head, &e.item.head)
            }) || d
                .vehicle
                .as_ref()
                .is_some_and(|v| v.entity == e.item.entity)
                || !owned && d.source.is_none() && d.speaker.is_none() && e.item.class.plural
        });
        if let Some(k) = target
            && drafts[k].disputed_by.is_none()
        {
            drafts[k].disputed_by = Some(Link {
                words: words.clone(),
                rule: RULE_ID,
                item: Some(item.clone()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn denying_the_charges_disputes_no_report() {
        // "the charges" are an accusation, not the last thing published.
        check(&[(
            "\"I only wanted to go home,\" the sailor said.\n\n\
             Prosecutors charged him with smuggling, but the navy denied the charges.",
            &["said / the sailor / anonymous", "denied / the navy / named"],
        )]);
    }

    #[test]
    fn a_denial_by_another_party_disputes_what_it_denies() {
        check(&[(
            "The Evening Courier reported that the port would be sold.\n\n\
             The harbour board denied the report.",
            &[
                "reported / The Evening Courier / named D",
                "denied / The harbour board / named",
            ],
        )]);
    }

    #[test]
    fn calling_a_story_false_disputes_it() {
        check(&[(
            "The Daily Lantern reported that the mayor had sold land to his brother.\n\n\
             The mayor called the story \"false\".",
            &[
                "reported / The Daily Lantern / named D",
                "called / The mayor / named",
            ],
        )]);
    }

    #[test]
    fn a_denial_in_the_sources_own_relative_clause_disputes_nothing_of_theirs() {
        check(&[(
            "Ivo Brandt, who has denied the allegations, said he would fight the charges.",
            &[
                "has denied / Ivo Brandt / named",
                "said / Ivo Brandt, who has denied the allegations / named",
            ],
        )]);
    }
}
