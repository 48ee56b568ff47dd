//! The retraction model: withdrawal events, the items they withdraw, and
//! the claims that rest on those items.
//!
//! 1. **Events.** A verb of withdrawal ("retracted", "pulled", "has since
//!    been withdrawn", "took down", "recanted"), a withdrawn item's own
//!    modifier ("a since-deleted post", "the retracted paper"), or a noun
//!    ("the retraction of the story"), with its agent and its object. A
//!    negated, refused or merely demanded withdrawal ("refused to
//!    retract", "has no plans to withdraw", "called for a retraction") is
//!    no event, and neither is another sense of the verb: an event needs
//!    an item that can be withdrawn — a story, report, paper, statement,
//!    post, memo, testimony (the `item_nouns` list), or a pronoun or
//!    description pointing back to one — or, for "recant", a person.
//! 2. **Items.** The object's phrase is resolved like any source
//!    ([`crate::analysis::coref`]): "the story" and "it" point back to the
//!    material they name, "a memo on the budget" is new material that
//!    later mentions ("The memo had said …") point back to. Its owner is
//!    its possessor ("its report") or the event's agent.
//! 3. **Claims.** Retracted: a claim whose source or vehicle is a mention
//!    of the item (the same entity, or the same material of the same
//!    owner: "its story" and "the May 9 Newsweek report"); the content
//!    restated inside the event's own sentence ("a story … that said X",
//!    "its report that X"); claims the owner published when the item is
//!    its own report ("The Ledger reported …" — "the paper pulled the
//!    story"); and for a recantation, the person's statements before it.
//!    Not retracted: the announcement of the withdrawal (a claim whose
//!    content holds the event), what the person says now, and other items.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::analysis::coref::{Entity, material_heads, same_material};
use crate::analysis::detect::Role;
use crate::analysis::lexicon::{Lexicon, ListId};
use crate::analysis::model::{Link, Reference, SourceKind};
use crate::analysis::reading::Paragraph;
use crate::analysis::resolve::{Draft, Resolved, Resolver};
use crate::analysis::sources::{self, Category};
use crate::analysis::syntax::tags::Tag;

pub const SAME_ITEM: &str = "retraction.same-item";
pub const RESTATED: &str = "retraction.restated";
pub const PUBLISHED: &str = "retraction.published-by-owner";
pub const RECANTED: &str = "retraction.recantation";

/// What is withdrawn.
#[derive(Debug, Clone)]
pub enum Target {
    /// Material: its phrase resolved, and its owner.
    Item {
        item: Resolved,
        owner: Option<Resolved>,
        /// "another story", "a different article": not what came before.
        other: bool,
    },
    /// A person taking back their own words.
    Person {
        who: Resolved,
        /// The lemma of what is taken back ("testimony", "confession",
        /// "claim"); none for "she later recanted".
        what: Option<String>,
    },
}

/// One withdrawal.
#[derive(Debug, Clone)]
pub struct Event {
    pub paragraph: usize,
    pub sentence: usize,
    /// The withdrawal's words.
    pub words: Range<usize>,
    pub target: Target,
}

/// The lists events are read with.
#[derive(Debug, Clone)]
pub struct Lists {
    verbs: ListId,
    nouns: ListId,
    items: ListId,
    recant: ListId,
    testimony: ListId,
    refusal: ListId,
    demand: ListId,
    publish: ListId,
}

impl Lists {
    pub fn new(lex: &Lexicon) -> Lists {
        Lists {
            verbs: lex.list("withdrawal_verbs"),
            nouns: lex.list("withdrawal_nouns"),
            items: lex.list("item_nouns"),
            recant: lex.list("recant_verbs"),
            testimony: lex.list("testimony_nouns"),
            refusal: lex.list("refusal_words"),
            demand: lex.list("demand_verbs"),
            publish: lex.list("publish_verbs"),
        }
    }
}

/// Forms of the verbs that, with no object, mean taking one's words back.
const INTRANSITIVE_RECANTING: &[&str] = &[
    "recant",
    "recants",
    "recanted",
    "recanting",
    "retract",
    "retracts",
    "retracted",
    "retracting",
    "backtracked",
    "backtracks",
    "backtrack",
];

const OTHER: &[&str] = &[
    "another",
    "different",
    "separate",
    "unrelated",
    "other",
    "earlier",
    "second",
];

/// Whether the infinitive at `to` is refused or demanded by someone other
/// than the item's author: "refused to retract", "has no plans to
/// withdraw", "called on the paper to retract".
fn refused_or_demanded(p: &Paragraph, l: &Lists, to: usize, lo: usize) -> bool {
    let from = to.saturating_sub(8).max(lo);
    (from..to).any(|k| p.entry_at(k, l.refusal).is_some() || p.entry_at(k, l.demand).is_some())
}

/// The words "since-retracted", "now-deleted", "retracted" inside a noun
/// phrase before its head.
fn withdrawn_modifier(p: &Paragraph, l: &Lists, lex: &Lexicon, k: usize) -> bool {
    let w = p.word(k).to_lowercase();
    let stem = w
        .strip_prefix("since-")
        .or_else(|| w.strip_prefix("now-"))
        .or_else(|| w.strip_prefix("later-"));
    match stem {
        Some(s) => lex.classes(s).has(l.verbs),
        None => matches!(p.tags[k], Tag::VBN | Tag::JJ) && p.has(k, l.verbs) && !p.is(k, "pulled"),
    }
}

/// Finds the paragraph's withdrawals and resolves what they name.
pub fn find(p: &Paragraph, lex: &Lexicon, l: &Lists, resolver: &mut Resolver) -> Vec<Event> {
    let mut out = Vec::new();
    for (si, s) in p.sentences.iter().enumerate() {
        // Verbs: "pulled the story", "was retracted", "recanted".
        for vg in p.chunks.vgs_in(s.clone()) {
            let v = vg.main;
            let withdraws = p.entry_at(v, l.verbs);
            let recants = p.entry_at(v, l.recant);
            if withdraws.is_none() && recants.is_none() || vg.negated {
                continue;
            }
            if vg.infinitive && refused_or_demanded(p, l, vg.tokens.start, s.start) {
                // A demand by the item's authors counts ("asked the journal to
                // retract their paper"): their own pronoun owns the item.
                let own = p.phrase_from(vg.tokens.end, s.end).is_some_and(|o| {
                    p.tags[o.start] == Tag::PRPS
                        && !p.entries_in(s.clone(), l.demand).is_empty()
                        && p.entries_in(s.clone(), l.refusal).is_empty()
                });
                if !own {
                    continue;
                }
            }
            if !vg.finite && !vg.infinitive && p.tags[v] != Tag::VBN && p.tags[v] != Tag::VBG {
                continue;
            }
            let words_end = withdrawals_end(withdraws, recants, vg.tokens.end);
            let words = vg.tokens.start..words_end;
            let (item_tokens, agent) =
                if vg.passive || (!vg.finite && p.tags[v] == Tag::VBN && !vg.infinitive) {
                    let by = (words_end..s.end.min(words_end + 6)).find(|&k| p.is(k, "by"));
                    (
                        p.subject_of(vg),
                        by.and_then(|b| p.phrase_from(b + 1, s.end)),
                    )
                } else {
                    let object = (words_end < s.end)
                        .then(|| p.chunks.np_starting_at(words_end))
                        .flatten()
                        .and_then(|_| p.phrase_from(words_end, s.end));
                    let agent = p.subject_of(vg);
                    // "The article, which the Meridian later retracted, …":
                    // the relative pronoun stands for the object.
                    let object = object.or_else(|| {
                        let a = agent.as_ref()?;
                        let rel = a.start.checked_sub(1)?;
                        (p.is_any(rel, &["which", "that"]) && rel > s.start)
                            .then(|| p.subject_of_relative(rel))
                            .flatten()
                    });
                    (object, agent)
                };
            let is_item = |r: &Range<usize>| {
                let head = resolver.classifier().main_head(p, r.clone());
                let h = head;
                p.has(h, l.items)
                    || p.phrase_at(h.saturating_sub(1), l.items) == Some(h + 1)
                    || p.tags[h] == Tag::PRP && (p.is(h, "it") || p.is(h, "them"))
            };
            // "The Ledger said the report fell short and had been
            // withdrawn": a passive after "and" shares the subject of the
            // verb just before it when the clause's first subject is no
            // item (the Ledger) and that one is (the report).
            let item_tokens = match item_tokens {
                Some(i) if is_item(&i) => Some(i),
                other if vg.passive => {
                    let lead = p.skip_adverbials_left(vg.tokens.start, s.start);
                    let joined = lead > s.start
                        && p.tags[lead - 1] == Tag::CC
                        && p.is_any(lead - 1, &["and", "but"]);
                    joined
                        .then(|| {
                            let before = p.chunks.vgs_in(s.start..lead - 1);
                            let last = before.iter().rev().find(|o| o.finite)?;
                            p.subject_of(last).filter(|r| is_item(r))
                        })
                        .flatten()
                        .or(other)
                }
                other => other,
            };
            // A person taking back their own words ("recanted his
            // testimony", "withdrew her allegation"), or a body withdrawing
            // material ("retracted its story"): the agent and the
            // possessor tell which.
            let possessor = item_tokens
                .as_ref()
                .filter(|i| p.tags[i.start] == Tag::PRPS)
                .map(|i| p.word(i.start).to_lowercase());
            let agent_is_person = match possessor.as_deref() {
                Some("his" | "her" | "my") => true,
                Some("its" | "our") => false,
                _ => agent.as_ref().is_some_and(|a| {
                    let class = resolver.classifier().classify(p, a.clone());
                    class.category.is_people()
                        || class.category == Category::Pronoun
                            && p.is_any(class.head, &["he", "she", "i"])
                        || class.category == Category::ProperName
                            && resolver.is_person(p, a.clone())
                }),
            };
            match item_tokens {
                Some(item)
                    if recants.is_some()
                        && agent_is_person
                        && p.has(
                            resolver.classifier().main_head(p, item.clone()),
                            l.testimony,
                        ) =>
                {
                    // "recanted his testimony": the subject (or the possessor).
                    let who = agent.clone().or_else(|| {
                        (p.tags[item.start] == Tag::PRPS).then(|| item.start..item.start + 1)
                    });
                    if let Some(who) = who {
                        let head = resolver.classifier().main_head(p, item.clone());
                        let what = Some(lex.lemma(&p.word(head).to_lowercase()).to_string());
                        let who = resolver.resolve(p, who);
                        out.push(Event {
                            paragraph: p.index,
                            sentence: si,
                            words,
                            target: Target::Person { who, what },
                        });
                    }
                }
                Some(item) if is_item(&item) && withdraws.is_some() => {
                    // ("its earlier claim" is its own, said before: no other.)
                    let own = p.tags[item.start] == Tag::PRPS;
                    let other = item
                        .clone()
                        .any(|k| p.is_any(k, OTHER) && !(own && p.is(k, "earlier")));
                    // The owner: the agent ("X retracted its story"), else
                    // the possessor.
                    let owner_tokens = agent.clone().or_else(|| {
                        (p.tags[item.start] == Tag::PRPS).then(|| item.start..item.start + 1)
                    });
                    // The owner first: "the paper" is the outlet named
                    // before, not the article it withdraws.
                    let owner = owner_tokens.map(|o| resolver.resolve(p, o));
                    let item = resolver.resolve_material(p, item);
                    // Whoever withdraws a story is a news outlet.
                    if let Some(o) = &owner
                        && NEWS_ITEMS.contains(&item.head.as_str())
                        && matches!(
                            o.class.category,
                            Category::Institution | Category::ProperName
                        )
                    {
                        resolver.memory.mark_outlet(o.entity);
                    }
                    out.push(Event {
                        paragraph: p.index,
                        sentence: si,
                        words,
                        target: Target::Item { item, owner, other },
                    });
                }
                // "She later recanted": a person taking back their words
                // with no object — not "the union withdrew (from the talks)".
                None if recants.is_some()
                    && !vg.passive
                    && agent_is_person
                    && p.is_any(v, INTRANSITIVE_RECANTING) =>
                {
                    if let Some(who) = agent {
                        {
                            let who = resolver.resolve(p, who);
                            out.push(Event {
                                paragraph: p.index,
                                sentence: si,
                                words,
                                target: Target::Person { who, what: None },
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        // Modifiers: "a since-deleted post", "the retracted paper".
        for np in p.chunks.nps_in(s.clone()) {
            let Some(m) = (np.tokens.start..np.head).find(|&k| withdrawn_modifier(p, l, lex, k))
            else {
                continue;
            };
            if !p.has(np.head, l.items) {
                continue;
            }
            let tokens = p
                .phrase_from(np.tokens.start, s.end)
                .unwrap_or(np.tokens.clone());
            let item = resolver.resolve_material(p, tokens);
            out.push(Event {
                paragraph: p.index,
                sentence: si,
                words: m..m + 1,
                target: Target::Item {
                    item,
                    owner: None,
                    other: false,
                },
            });
        }
        // Nouns: "the retraction of the story"; "issued retractions after
        // publishing stories …" (the item elsewhere in its sentence).
        for k in s.clone() {
            if !p.has(k, l.nouns) || k + 2 >= s.end {
                continue;
            }
            if !p.is(k + 1, "of") {
                let demanded = (s.start..k).any(|j| {
                    p.entry_at(j, l.demand).is_some() || p.entry_at(j, l.refusal).is_some()
                });
                let item = p
                    .chunks
                    .nps
                    .iter()
                    // A common noun after the withdrawal's noun ("… after
                    // publishing stories …").
                    .find(|n| {
                        s.contains(&n.head)
                            && n.head > k
                            && p.has(n.head, l.items)
                            && !p.tags[n.head].is_proper()
                    });
                let issuer = p
                    .chunks
                    .vg_at(k.saturating_sub(1))
                    .or_else(|| {
                        p.chunks.np_at(k).and_then(|n| {
                            p.chunks
                                .vg_at(p.chunks.nps[n].tokens.start.saturating_sub(1))
                        })
                    })
                    .and_then(|v| p.subject_of(&p.chunks.vgs[v]));
                if let (false, Some(item), Some(issuer)) = (demanded, item, issuer) {
                    let tokens = p
                        .phrase_from(item.tokens.start, s.end)
                        .unwrap_or(item.tokens.clone());
                    let item = resolver.resolve_material(p, tokens);
                    let owner = Some(resolver.resolve(p, issuer));
                    out.push(Event {
                        paragraph: p.index,
                        sentence: si,
                        words: k..k + 1,
                        target: Target::Item {
                            item,
                            owner,
                            other: false,
                        },
                    });
                }
                continue;
            }
            if k > s.start
                && (s.start..k).any(|j| {
                    p.entry_at(j, l.demand).is_some() || p.entry_at(j, l.refusal).is_some()
                })
            {
                continue;
            }
            let Some(item) = p.phrase_from(k + 2, s.end) else {
                continue;
            };
            if !p.has(resolver.classifier().main_head(p, item.clone()), l.items) {
                continue;
            }
            let item = resolver.resolve_material(p, item);
            out.push(Event {
                paragraph: p.index,
                sentence: si,
                words: k..k + 2,
                target: Target::Item {
                    item,
                    owner: None,
                    other: false,
                },
            });
        }
        let _ = l.publish;
    }
    out
}

fn withdrawals_end(a: Option<usize>, b: Option<usize>, vg_end: usize) -> usize {
    a.into_iter()
        .chain(b)
        .chain(std::iter::once(vg_end))
        .max()
        .unwrap_or(vg_end)
}

/// Which of a person's earlier claims a recantation takes back: what
/// they said as testimony ("told the court", "testified", "confessed")
/// when the testimony or nothing in particular is recanted; what they
/// confessed when a confession is; everything when a claim, statement or
/// account is. With no testimony among them, all of them.
fn recanted(
    paras: &[Paragraph],
    lex: &Lexicon,
    drafts: &[Draft],
    theirs: &[usize],
    what: Option<&str>,
) -> Vec<usize> {
    let testimony_verbs = lex.list("testimony_verbs");
    let settings = lex.list("testimony_settings");
    let verb = |d: &Draft| cue_verb(paras, d);
    let is_testimony = |d: &Draft| {
        let (p, cue) = verb(d);
        p.has(cue, testimony_verbs)
            || (d.cue.end..(d.cue.end + 4).min(p.tokens.len())).any(|k| p.has(k, settings))
    };
    let confessed = |d: &Draft| {
        let (p, cue) = verb(d);
        matches!(lex.lemma(&p.word(cue).to_lowercase()), "confess" | "admit")
    };
    let pick = |f: &dyn Fn(&Draft) -> bool| -> Vec<usize> {
        theirs.iter().copied().filter(|&k| f(&drafts[k])).collect()
    };
    let testimony = pick(&is_testimony);
    let chosen = match what {
        Some("confession" | "admission") => {
            let c = pick(&confessed);
            if c.is_empty() { testimony } else { c }
        }
        None | Some("testimony" | "evidence" | "account") => testimony,
        Some(_) => theirs.to_vec(),
    };
    if chosen.is_empty() {
        theirs.to_vec()
    } else {
        chosen
    }
}

/// A draft's position, for "before the event".
fn before(d: &Draft, e: &Event) -> bool {
    (d.paragraph, d.cue.start) < (e.paragraph, e.words.start)
}

/// Whether a draft announces the event (its content holds the event's
/// words): "Newsweek said it was retracting the report" is not retracted.
fn announces(d: &Draft, e: &Event) -> bool {
    d.paragraph == e.paragraph && d.content.contains(&e.words.start) && !d.content.is_empty()
}

/// Whether a draft announces any of `events` (in reading order): only
/// those of its own paragraph can be announced by it.
fn announces_any(d: &Draft, events: &[Event]) -> bool {
    let from = events.partition_point(|x| x.paragraph < d.paragraph);
    events[from..]
        .iter()
        .take_while(|x| x.paragraph == d.paragraph)
        .any(|x| announces(d, x))
}

/// What only news outlets publish and withdraw.
const NEWS_ITEMS: &[&str] = &[
    "story",
    "article",
    "item",
    "broadcast",
    "segment",
    "column",
    "editorial",
];

/// Modifiers that point back at material given before.
const POINTS_BACK: &[&str] = &[
    "initial", "original", "earlier", "previous", "prior", "first",
];

/// Words for what someone said, which "that …" can point at whoever said
/// it ("that finding", "those remarks").
const SAID: &[&str] = &[
    "statement",
    "claim",
    "account",
    "finding",
    "remark",
    "comment",
    "assertion",
    "accusation",
    "allegation",
    "assessment",
    "estimate",
    "figure",
    "description",
    "characterization",
    "characterisation",
    "prediction",
    "version",
    "words",
];

/// Verbs by which an outlet puts out a news item (narrower than the
/// publish list, which has "say": what "the story" can mean unnamed).
const PUBLISHING: &[&str] = &[
    "report",
    "publish",
    "write",
    "run",
    "carry",
    "air",
    "broadcast",
    "print",
];

/// The latest claim published as a news item before the event ("the
/// Ledger reported"), within [`EARLIER_WINDOW`] paragraphs.
fn last_published(
    paras: &[Paragraph],
    lex: &Lexicon,
    drafts: &[Draft],
    e: &Event,
) -> Option<usize> {
    earlier(drafts, e, EARLIER_WINDOW).find(|&k| {
        let d = &drafts[k];
        let (p, verb) = cue_verb(paras, d);
        !announces(d, e) && PUBLISHING.contains(&lex.lemma(&p.word(verb).to_lowercase()))
    })
}

/// The latest claim before the event, in its paragraph or the one before
/// (what "that statement" can mean): the latest of whoever withdraws it
/// when they made one there ("Police said … His lawyer said … Police
/// walked back that account"), else the latest.
fn last_claim_before(drafts: &[Draft], e: &Event, owner: Option<Entity>) -> Option<usize> {
    let said = |k: &usize| drafts[*k].role != Role::Hedge;
    let owners = |k: &usize| owner.is_some() && drafts[*k].entity() == owner;
    earlier(drafts, e, 1)
        .filter(said)
        .find(owners)
        .or_else(|| earlier(drafts, e, 1).find(said))
}

/// The drafts before the event, newest first, from its paragraph back
/// `paragraphs` more.
fn earlier<'d>(
    drafts: &'d [Draft],
    e: &'d Event,
    paragraphs: usize,
) -> impl Iterator<Item = usize> + 'd {
    crate::analysis::resolve::paragraph_range(
        drafts,
        e.paragraph.saturating_sub(paragraphs),
        e.paragraph,
    )
    .rev()
    .filter(move |&k| before(&drafts[k], e))
}

/// A claim's paragraph and the main verb of its cue.
fn cue_verb<'p, 'a>(paras: &'p [Paragraph<'a>], d: &Draft) -> (&'p Paragraph<'a>, usize) {
    let p = &paras[d.paragraph];
    let v = p
        .chunks
        .vg_at(d.cue.start)
        .map_or(d.cue.start, |v| p.chunks.vgs[v].main);
    (p, v)
}

/// How far back, in paragraphs, "the original statement" looks.
const EARLIER_WINDOW: usize = 12;

/// The latest draft before the event resting on material of this head:
/// its source is such a document, or it was made in one ("released a
/// statement saying …").
fn earlier_material(drafts: &[Draft], e: &Event, head: &str) -> Option<usize> {
    earlier(drafts, e, EARLIER_WINDOW).find(|&k| {
        let d = &drafts[k];
        d.vehicle
            .as_ref()
            .is_some_and(|v| same_material(&v.head, head))
            || d.source.as_ref().is_some_and(|s| {
                s.class.category == Category::Document && same_material(&s.head, head)
            })
    })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The capitalised name words of every mention of an entity, each once
/// (an outlet of a long article is mentioned thousands of times).
fn owner_names(r: &Resolved, memory: &crate::analysis::coref::Memory) -> Vec<String> {
    let mut names: Vec<String> = memory
        .mentions_of(r.entity)
        .flat_map(|m| m.proper.iter().cloned())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether a name in a draft's source phrase ("Newsweek" in "the May 9
/// Newsweek report") is one of `names`.
fn source_named(paras: &[Paragraph], d: &Draft, names: &[String]) -> bool {
    let Some(s) = &d.source else {
        return false;
    };
    let p = &paras[d.paragraph];
    s.tokens
        .clone()
        .filter(|&k| p.tags[k].is_proper())
        .any(|k| names.iter().any(|n| n == p.word(k)))
}

/// Marks every draft resting on withdrawn material.
pub fn link(
    paras: &[Paragraph],
    lex: &Lexicon,
    events: &[Event],
    drafts: &mut [Draft],
    memory: &crate::analysis::coref::Memory,
) {
    let publish = lex.list("publish_verbs");
    let unnamed = lex.list("unnamed_markers");
    let undisclosed = lex.list("undisclosed_markers");
    if events.is_empty() {
        return;
    }
    debug_assert!(events.is_sorted_by_key(|e| e.paragraph));
    // The drafts each event may reach, found by entity, by head, and by
    // paragraph rather than by testing every draft for every event. Only
    // the entities and heads some event names are indexed: a long
    // article has a hundred thousand drafts and a few events.
    let events = &events[..events.len().min(super::MAX_EVENTS)];
    let mut by_entity: FxHashMap<Entity, Vec<usize>> = FxHashMap::default();
    let mut by_head: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for e in events {
        match &e.target {
            Target::Person { who, .. } => {
                by_entity.entry(who.entity).or_default();
            }
            Target::Item { item, owner, .. } => {
                by_entity.entry(item.entity).or_default();
                if let Some(o) = owner {
                    by_entity.entry(o.entity).or_default();
                }
                for h in material_heads(&item.head) {
                    by_head.entry(h).or_default();
                }
            }
        }
    }
    for (k, d) in drafts.iter().enumerate() {
        let entities = [
            d.source.as_ref().map(|s| s.entity),
            d.vehicle.as_ref().map(|v| v.entity),
            d.speaker.as_ref().map(|s| s.entity),
            d.continued_entity,
        ];
        for e in entities.into_iter().flatten() {
            let Some(list) = by_entity.get_mut(&e) else {
                continue;
            };
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
        if let Some(s) = d
            .source
            .as_ref()
            .filter(|s| s.class.category == Category::Document)
            && let Some(list) = by_head.get_mut(s.head.as_str())
        {
            list.push(k);
        }
    }
    let reach = |e: &Event| -> Vec<usize> {
        let mut out: Vec<usize> =
            crate::analysis::resolve::paragraph_range(drafts, e.paragraph, e.paragraph).collect();
        let mut add = |list: Option<&Vec<usize>>| out.extend(list.into_iter().flatten().copied());
        match &e.target {
            Target::Person { who, .. } => add(by_entity.get(&who.entity)),
            Target::Item { item, owner, .. } => {
                add(by_entity.get(&item.entity));
                if let Some(o) = owner {
                    add(by_entity.get(&o.entity));
                }
                for h in material_heads(&item.head) {
                    add(by_head.get(h));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    };
    let reached: Vec<Vec<usize>> = events.iter().map(reach).collect();
    for (e, reached) in events.iter().zip(reached) {
        let ep = &paras[e.paragraph];
        let words = {
            let b = ep.bytes(e.words.clone());
            Reference {
                paragraph: e.paragraph,
                text: ep.text[b.clone()].to_string(),
                start: b.start,
                end: b.end,
            }
        };
        let item_ref = |r: &Resolved| {
            let b = ep.bytes(r.tokens.clone());
            Reference {
                paragraph: e.paragraph,
                text: ep.text[b.clone()].to_string(),
                start: b.start,
                end: b.end,
            }
        };
        let mut hits: Vec<(usize, &'static str)> = Vec::new();
        // Restated items whose origin the withdrawal gives.
        let mut owned: Vec<(usize, Reference)> = Vec::new();
        match &e.target {
            Target::Person { who, what } => {
                let theirs: Vec<usize> = reached
                    .iter()
                    .copied()
                    .filter(|&k| {
                        let d = &drafts[k];
                        let rests = d.entity() == Some(who.entity)
                            || d.speaker.as_ref().is_some_and(|s| s.entity == who.entity);
                        rests && before(d, e) && !announces(d, e)
                    })
                    .collect();
                for k in recanted(paras, lex, &drafts[..], &theirs, what.as_deref()) {
                    hits.push((k, RECANTED));
                }
            }
            Target::Item { item, owner, other } => {
                let entity: Entity = item.entity;
                let owner_entity = owner.as_ref().map(|o| o.entity);
                let names = owner
                    .as_ref()
                    .map(|o| owner_names(o, memory))
                    .unwrap_or_default();
                let definite = item.class.definite || item.class.category == Category::Pronoun;
                let fresh = item.antecedent.is_none();
                // Removal by someone else ("removed by the platform's
                // moderators") is not the author's: people other than the
                // claim's own source take nothing back for it.
                let third_party = |d: &Draft| {
                    owner.as_ref().is_some_and(|o| {
                        matches!(o.class.category, Category::Person | Category::Group)
                            && d.source.as_ref().is_none_or(|s| s.entity != o.entity)
                    })
                };
                // "his initial statement", "the original report": words
                // that point back at material given earlier, with no
                // mention of it resolved: the latest such material.
                if fresh
                    && item.tokens.clone().any(|k| ep.is_any(k, POINTS_BACK))
                    && let Some(k) = earlier_material(drafts, e, &item.head)
                {
                    hits.push((k, SAME_ITEM));
                }
                // "The Ledger reported … The report has since been
                // withdrawn": with no one named withdrawing it, a definite
                // news item met for the first time is the one published
                // last before it.
                if fresh
                    && definite
                    && owner.is_none()
                    // (Not a correction: "the report was corrected to fix
                    // a date" takes nothing back.)
                    && !e.words.clone().any(|k| lex.lemma(&ep.word(k).to_lowercase()) == "correct")
                    && (NEWS_ITEMS.contains(&item.head.as_str()) || item.head == "report")
                    && let Some(k) = last_published(paras, lex, drafts, e)
                {
                    hits.push((k, PUBLISHED));
                }
                // "backed away from that finding", "walked back those
                // remarks": a demonstrative before a word for what was said
                // points at the statement just made — the latest claim
                // before the withdrawal, in its paragraph or the one before.
                if fresh
                    && ep.is_any(item.tokens.start, &["that", "this", "those", "these"])
                    // (The head's lemma, or its word: "finding" is no "find".)
                    && (SAID.contains(&item.head.as_str())
                        || SAID.iter().any(|w| ep.is(item.class.head, w)))
                    && let Some(k) = last_claim_before(drafts, e, owner_entity)
                {
                    hits.push((k, SAME_ITEM));
                }
                for &k in &reached {
                    let d = &drafts[k];
                    // Already withdrawn by an earlier event: nothing here
                    // would change it (a restatement in the event's own
                    // paragraph may still take its origin from the event).
                    if d.retracted_by.is_some() && d.paragraph != e.paragraph {
                        continue;
                    }
                    if third_party(d) {
                        continue;
                    }
                    if announces(d, e)
                        && !d.source.as_ref().is_some_and(|s| {
                            d.paragraph == e.paragraph && overlaps(&s.tokens, &item.tokens)
                        })
                    {
                        continue;
                    }
                    // Restated in the event's own words, or in its sentence.
                    let here = d.paragraph == e.paragraph;
                    if here
                        && (d
                            .source
                            .as_ref()
                            .is_some_and(|s| overlaps(&s.tokens, &item.tokens))
                            || d.vehicle
                                .as_ref()
                                .is_some_and(|v| overlaps(&v.tokens, &item.tokens)))
                    {
                        hits.push((k, RESTATED));
                        // "The agency withdrew a news item that reported …":
                        // the item's origin is whoever withdraws it.
                        if let Some(o) = owner.as_ref().filter(|o| o.kind == SourceKind::Named)
                            && drafts[k].kind_rule.id == sources::DOCUMENT_HIDDEN.id
                            // Undisclosed for want of an origin, not because
                            // it says so ("a leaked memo").
                            && drafts[k].kind_marker.as_ref().is_none_or(|m| {
                                drafts[k]
                                    .source
                                    .as_ref()
                                    .is_some_and(|s| m.text.eq_ignore_ascii_case(&s.head))
                            })
                            && drafts[k].speaker.is_none()
                            // "a story, based on a single anonymous source,
                            // that said": the text says where it came from.
                            && !(item.tokens.start..drafts[k].cue.start)
                                .any(|t| ep.has(t, unnamed) || ep.has(t, undisclosed))
                        {
                            owned.push((k, item_ref(o)));
                        }
                        continue;
                    }
                    if *other {
                        continue;
                    }
                    // A mention of the same item, before or after.
                    let same_entity = d.source.as_ref().is_some_and(|s| s.entity == entity)
                        || d.vehicle.as_ref().is_some_and(|v| v.entity == entity);
                    if same_entity && d.role != Role::Hedge {
                        hits.push((k, SAME_ITEM));
                        continue;
                    }
                    // The same material of the same owner ("its story",
                    // "the Newsweek report").
                    if let Some(s) = &d.source
                        && s.class.category == Category::Document
                        && same_material(&s.head, &item.head)
                        && !names.is_empty()
                        && source_named(paras, d, &names)
                    {
                        hits.push((k, SAME_ITEM));
                        continue;
                    }
                    // The owner's own report of it, before the withdrawal:
                    // "The Ledger reported …" / "the paper pulled the story".
                    // (Not a claim announcing a withdrawal of its own:
                    // "X said it was retracting a story" published nothing.)
                    if (definite || fresh) && before(d, e) && !announces_any(d, events) {
                        let by_owner = owner_entity.is_some()
                            && d.source.as_ref().map(|s| s.entity) == owner_entity;
                        // "The researchers wrote in the journal Nature …" /
                        // "Nature retracted the paper": published in the
                        // outlet that withdraws it.
                        let in_owner = owner_entity.is_some()
                            && d.vehicle.as_ref().map(|v| v.entity) == owner_entity;
                        let published = super::published(paras, publish, d);
                        let vehicle_matches = d
                            .vehicle
                            .as_ref()
                            .is_some_and(|v| same_material(&v.head, &item.head));
                        // An outlet relaying someone ("officials told the
                        // Gazette", "the Gazette, citing officials,") published
                        // what they said.
                        let relayed = d.speaker.is_some();
                        if by_owner && (published || vehicle_matches || relayed)
                            || in_owner && published
                        {
                            hits.push((k, PUBLISHED));
                        }
                    }
                }
            }
        }
        let item = match &e.target {
            Target::Item { item, .. } => Some(item_ref(item)),
            Target::Person { .. } => None,
        };
        for (k, owner) in owned {
            let d = &mut drafts[k];
            d.kind = SourceKind::Named;
            d.kind_rule = &sources::DOCUMENT_NAMED;
            d.kind_marker = Some(owner);
        }
        for (k, rule) in hits {
            if drafts[k].retracted_by.is_none() {
                drafts[k].retracted_by = Some(Link {
                    words: words.clone(),
                    rule,
                    item: item.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The guide's forms of retraction, each on sentences written here.
    use crate::analysis::testing::check;

    #[test]
    fn a_body_taking_back_what_it_said() {
        check(&[
            // A bare "police" is the same body in both paragraphs; "walked
            // back that account" withdraws what it said.
            (
                "Police said the driver had been drinking.\n\n\
                 Police later walked back that account.",
                &["said / Police / named R"],
            ),
            // A sentence with no other verb: "retracted" is its tensed verb,
            // "that" the determiner of "claim".
            (
                "The water board said the reservoir was full.\n\n\
                 The board later retracted that claim.",
                &["said / The water board / named R"],
            ),
            // Someone else's claim is not taken back.
            (
                "Police said the driver had been drinking. The driver's lawyer said he had not.\n\n\
                 Police later walked back that account.",
                &[
                    "said / Police / named R",
                    "said / The driver's lawyer / named",
                ],
            ),
        ]);
    }

    #[test]
    fn own_words_taken_back_in_other_ways() {
        check(&[
            // "its earlier claim" is its own; "backtrack on" withdraws it; a
            // name written in lower case ("the ministry/NNP") is no name.
            (
                "The defence ministry said 40 soldiers had died.\n\n\
                 On Friday the ministry backtracked on its earlier claim.",
                &["said / The defence ministry / named R"],
            ),
            // "he" can mean the goalkeeper (unnamed, so anonymous).
            (
                "The goalkeeper tweeted that the match had been fixed.\n\n\
                 He later deleted the tweet.",
                &["tweeted / The goalkeeper / anonymous R"],
            ),
            // A definite phrase no list knows is the one met before: "the
            // footballer" in both paragraphs.
            (
                "The footballer tweeted that the match had been fixed.\n\n\
                 The footballer later deleted the tweet.",
                &["tweeted / The footballer / named R"],
            ),
        ]);
    }

    #[test]
    fn a_notice_restating_the_content() {
        check(&[(
            "The Valley Courier on Monday retracted an article by Ines Castro that said the school board had rigged the vote.",
            &["said / an article by Ines Castro / named R"],
        )]);
    }

    #[test]
    fn an_announcement_and_a_restatement_are_two_claims() {
        check(&[(
            "The publisher said the newspaper was withdrawing its report that the harbour master had taken kickbacks.",
            &[
                "said / The publisher / named",
                "report that / its report / named R",
            ],
        )]);
    }

    #[test]
    fn an_item_withdrawn_by_its_title() {
        check(&[(
            "The broadcaster has retracted a segment titled \"Water Chief Quits in Disgrace\".",
            &["titled / a segment titled \"Water Chief Quits in Disgrace\" / named R"],
        )]);
    }

    #[test]
    fn an_earlier_report_withdrawn_later_and_a_withdrawal_first() {
        check(&[
            (
                "The Valley Courier reported on Tuesday that the school board had rigged the vote.\n\n\
                 The board met on Wednesday.\n\nParents gathered outside the hall.\n\n\
                 The paper has since taken down the article.",
                &["reported / The Valley Courier / named R"],
            ),
            (
                "The since-withdrawn report had said the dam was leaking.",
                &["had said / The since-withdrawn report / named R"],
            ),
            // No one named withdrawing it: the story is the one published
            // last ("reported"), not what someone said after it.
            (
                "The Harbour Ledger reported that the pier had been sold.

                 Residents said they were surprised.

                 The story has since been withdrawn.",
                &[
                    "reported / The Harbour Ledger / named R",
                    "said / Residents / anonymous",
                ],
            ),
            // …also inside the notice of it, after "and".
            (
                "The Harbour Ledger reported that the pier had been sold.

                 The Ledger said the report was flawed and had been withdrawn.",
                &[
                    "reported / The Harbour Ledger / named R",
                    "said / The Ledger / named",
                ],
            ),
            // A correction takes nothing back.
            (
                "The Harbour Ledger reported that the pier had been sold.

                 The report was corrected to fix the date of the sale.",
                &["reported / The Harbour Ledger / named"],
            ),
            // What a journal printed, withdrawn by that journal (named at a
            // sentence's start, where any word is capitalised).
            (
                "The authors wrote in the journal Harvest that the blight had spread.

                 Harvest has since retracted the paper.",
                &["wrote / The authors / anonymous R"],
            ),
        ]);
    }

    #[test]
    fn that_statement_points_at_the_one_just_made() {
        check(&[
            (
                "Health officials said the outbreak began at a dairy.

                 By Friday the department had backed away from that finding.",
                &["said / Health officials / anonymous R"],
            ),
            (
                "The coastguard said the crew had abandoned ship.

                 Hours later it retreated from those remarks.",
                &["said / The coastguard / named R"],
            ),
        ]);
    }

    #[test]
    fn the_withdrawn_items_own_sources() {
        check(&[(
            "The Courier retracted its story about the school board on Friday.\n\n\
             The story relied on two anonymous staff members in saying that the vote had been rigged.",
            &["saying / The story (two anonymous staff members) / anonymous R"],
        )]);
    }

    #[test]
    fn a_recantation_takes_back_the_earlier_testimony_not_what_is_said_now() {
        check(&[(
            "The trial began on Monday.\n\n\
             A cousin of the defendant, Lena Ward, told jurors she had seen him at the depot.\n\n\
             The prosecution rested on Wednesday.\n\n\
             Ward has since recanted her testimony. She now says detectives pressured her.",
            &[
                "told / A cousin of the defendant, Lena Ward / named R",
                "says / She / named",
            ],
        )]);
    }

    #[test]
    fn a_withdrawn_statement() {
        check(&[
            (
                "The water board issued a statement saying the reservoir had been poisoned. Two hours later it withdrew the statement.",
                &["saying / The water board / named R"],
            ),
            (
                "The port authority released a statement on Sunday saying the crane had collapsed.\n\n\
                 On Monday the authority's spokeswoman issued a correction saying her initial statement had been based on a faulty report.",
                &[
                    "saying / The port authority / named R",
                    "saying / the authority's spokeswoman / named",
                ],
            ),
            // Warnings and advisories are withdrawn material too.
            (
                "The consulate issued an advisory on Sunday saying the border was closed.\n\n\
                 The advisory was rescinded on Tuesday.",
                &["saying / The consulate / named R"],
            ),
            // A compound the lists know as one noun is no item of its
            // first word's owner: "the press release" is not the press's.
            (
                "The clinic's press release claimed the ward was free of infection.

                 The clinic rescinded the press release two days later.",
                &["claimed / The clinic's press release / named R"],
            ),
        ]);
    }

    #[test]
    fn a_retracted_paper_takes_back_what_its_author_claimed_in_it() {
        check(&[(
            "In a 2019 paper in the Journal of Applied Tides, Prof. Anders Holm claimed that the sea wall would fail within a decade.\n\n\
             The journal retracted the paper last spring.",
            &["claimed / Prof. Anders Holm / named R"],
        )]);
    }

    #[test]
    fn denials_refusals_other_senses_corrections_and_other_items_are_not_retractions() {
        check(&[
            (
                "The Valley Courier reported that the mayor had lied about the budget.\n\n\
                 The mayor's office denied the report.\n\n\
                 The Courier refused to retract the story. It has no plans to withdraw the article.\n\n\
                 The mayor withdrew from the race in June.\n\n\
                 A correction fixed the spelling of the mayor's name.\n\n\
                 The Courier retracted a different story last year.",
                &[
                    "reported / The Valley Courier / named D",
                    "denied / The mayor's office / named",
                ],
            ),
            (
                "The Valley Courier reported that the mayor had lied about the budget.\n\n\
                 The Courier's editor called for a retraction of the rival paper's story.\n\n\
                 The army withdrew troops from the valley.",
                &["reported / The Valley Courier / named"],
            ),
        ]);
    }

    #[test]
    fn a_relative_clause_withdraws_its_antecedent_and_every_mention_of_it() {
        // The outlet is "the Times": a name, though "times" is a word of
        // time.
        check(&[(
            "A story in the Coastal Times said that the quarry had poisoned a well.\n\n\
             The story, which the Times later retracted, had also said the permit was forged.",
            &[
                "said / A story in the Coastal Times / named R",
                "had also said / The story, which the Times later retracted / named R",
            ],
        )]);
    }

    #[test]
    fn the_same_head_goes_back_to_its_own_item_past_other_material() {
        check(&[(
            "Norland Power withdrew a position paper on the canal works on Monday.\n\n\
             According to a leaked memo, the locks had not been inspected.\n\n\
             The paper had said the canal would reopen in June.",
            &[
                "According to / a leaked memo / anonymous",
                "had said / The paper / named R",
            ],
        )]);
    }

    #[test]
    fn an_announcement_of_one_withdrawal_is_not_the_publication_of_another() {
        check(&[(
            "A survey led by Pia Marr, published in the Baltic Review of Nursing, found that night shifts doubled errors.\n\n\
             The Lakeside Post said it was withdrawing a column by Ed Brand that said the hospital would close.\n\n\
             The review retracted the survey in June, saying its data were flawed.",
            &[
                "found / A survey led by Pia Marr, published in the Baltic Review of Nursing / named R",
                "said / The Lakeside Post / named",
                "said / a column by Ed Brand / named R",
                "saying / The review / named",
            ],
        )]);
    }

    #[test]
    fn a_withdrawal_by_the_second_of_two_verbs_after_an_adverb() {
        check(&[(
            "Radio Ostra aired a segment alleging that the port chief had taken bribes. The station later apologised and pulled the segment.",
            &["alleging / Radio Ostra / named R"],
        )]);
    }

    #[test]
    fn an_item_after_its_participle_phrase_and_its_origin_from_the_withdrawal() {
        check(&[
            (
                "The Marsh Gazette withdrew a news item posted on Friday that said the ferry had been sold.",
                &["said / a news item posted / named R"],
            ),
            (
                "The Marsh Gazette withdrew a news item that said the ferry had been sold.",
                &["said / a news item / named R"],
            ),
            (
                "The Marsh Gazette withdrew a story, based on one unnamed source, that said the ferry had been sold.",
                &["said / a story / anonymous R"],
            ),
        ]);
    }

    #[test]
    fn the_journal_that_retracts_a_paper_is_not_the_newspaper_named_last() {
        check(&[(
            "A study led by Ona Vell, published in Coastal Health Quarterly, found that the clinic cut waiting times.\n\n\
             Ida Rusk, a nurse, told the Harbour Courier that the clinic was short of staff.\n\n\
             The journal retracted the study in May.",
            &[
                "found / A study led by Ona Vell, published in Coastal Health Quarterly / named R",
                "told / the Harbour Courier (Ida Rusk, a nurse) / named",
            ],
        )]);
    }
}
