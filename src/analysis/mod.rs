//! The analysis engine: paragraphs in, claims and scores out.
//!
//! Pure and deterministic: no files, no UI, no printing, so a newsroom can
//! call it from its CMS and every number in the window can be checked on the
//! command line. The stages run in one direction:
//!
//! 1. [`text`]: each paragraph becomes words, sentences and quotations;
//! 2. [`detectors`]: one small rule per way news attributes proposes claims;
//! 3. [`merge`]: nested cues become one claim resting on the outermost source;
//! 4. [`sources`] and [`coref`]: each source is named, anonymous or
//!    unattributed, pronouns and "the memo" resolved against earlier sources,
//!    the weakest link deciding; each paragraph's claims are then written
//!    (`explain`) and counted ([`score`]) while its words are in cache;
//! 5. [`retraction`], [`dispute`], [`unconfirmed`], [`anonymity`]: flags that
//!    reach across the article, brought into the few claims they change;
//! 6. [`score`]: the article summary.
//!
//! Stages 1 to 4 run a block of paragraphs at a time, so that a long
//! article's words are resolved while they are still in cache rather than
//! written out to memory and read back; what a block cannot know yet (a
//! name further on, a retraction further on) is assumed absent and, when a
//! later block shows otherwise, the article is read again
//! ([`Analyzer::analyze_with`]).

pub mod anonymity;
pub mod coref;
pub mod detectors;
pub mod dispute;
mod explain;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod phrase;
pub mod policy;
pub mod retraction;
pub mod rules;
pub mod score;
pub mod sources;
pub mod text;
pub mod unconfirmed;
mod word_table;

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub use explain::Explanation;
pub use lexicon::Lexicon;
pub use model::{Analysis, Claim, ParagraphAnalysis, Reference, SourceKind, Span, Summary};
pub use rules::{Rules, RulesError};

use coref::Memory;
use detectors::Candidate;
use detectors::continued_quote::{self, Origin};
use phrase::TokenRange;
use rayon::prelude::*;
use sources::{Category, Classified, KindRule};
use text::Paragraph;

/// Most retractions and denials linked in one article. Real articles have
/// a handful; the cap keeps hostile input (thousands of "retracted") from
/// costing time in the square of its length.
const MAX_LINKS: usize = 500;

/// How many paragraphs back a denial may reach for what it denies.
const DISPUTE_WINDOW: usize = 3;

/// Paragraph count above which tokenizing and detection run in parallel.
const PARALLEL_FROM: usize = 64;

/// How far a long analysis has got, shared with whoever shows it; a
/// cancelled analysis stops at the next paragraph. Atomics only: the
/// engine knows nothing of who is watching.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Share of the work done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).min(1.0)
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn start(&self, units: usize) {
        self.total.store(units, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// Analyses articles with one rule set. Build once, use for many articles.
#[derive(Debug, Clone)]
pub struct Analyzer {
    rules: Rules,
    lexicon: Lexicon,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Rules::builtin())
    }
}

/// A source phrase as classified and resolved.
#[derive(Debug, Clone)]
struct ResolvedSource {
    np: TokenRange,
    class: Classified,
    kind: SourceKind,
    rule: &'static KindRule,
    /// What the rule's `{marker}` says.
    marker: Marker,
    antecedent: Option<Reference>,
    head: String,
    group: Option<usize>,
}

/// The words a kind rule's explanation points at: one word of the source
/// ("leaked"), or a description of an earlier mention.
#[derive(Debug, Clone)]
enum Marker {
    Word(usize),
    Text(String),
}

/// A claim on its way to the output.
#[derive(Debug, Clone)]
struct Draft {
    paragraph: usize,
    cand: Candidate,
    source: Option<ResolvedSource>,
    speakers: Vec<ResolvedSource>,
    kind: SourceKind,
    kind_rule: &'static KindRule,
    /// The inner speaker that makes the claim anonymous (weakest link).
    weakest_speaker: Option<usize>,
    /// The kind's explanation, for a continued quote whose source stands in
    /// another paragraph.
    kind_note: Option<Box<str>>,
    cue: Range<usize>,
    refers_to: Option<Reference>,
    // Boxed, like the rare fields below: a long article has hundreds of
    // thousands of drafts, and few are retracted or disputed.
    retracted_by: Option<Box<Reference>>,
    disputed_by: Option<Box<Reference>>,
    unconfirmed: bool,
    anonymity_reason: Option<bool>,
    /// Source words shown for a continued quote from another paragraph.
    continued_source_text: Option<Box<str>>,
    /// Where its claim stands among its paragraph's claims.
    slot: usize,
    /// Set when its anonymity reason was revised after it was finished.
    reason_revised: bool,
}

impl Draft {
    /// Whether links drawn after the claim was finished changed it.
    fn changed_since_finished(&self) -> bool {
        self.retracted_by.is_some()
            || self.disputed_by.is_some()
            || self.unconfirmed
            || self.reason_revised
    }
}

/// Finishes one paragraph's drafts into claims as soon as they are
/// resolved, while its words and drafts are still in the processor's
/// cache: on a long article, a pass of its own over all of them would wait
/// on memory for most of its time. Article-wide links (retractions,
/// denials, "could not be verified") are drawn later and brought into the
/// few claims they change ([`explain::relink`]).
/// With `no_restatements`, conditional drafts (restatements kept only if
/// what they restate is retracted) give no claim. The paragraph is
/// counted here too, while its claims are in cache.
fn finish_paragraph(
    index: usize,
    text: &str,
    p: &Paragraph,
    drafts: &mut [Draft],
    no_restatements: bool,
    weights: &rules::Weights,
) -> ParagraphAnalysis {
    mark_anonymity_reasons(p, drafts);
    // The paragraph's text is copied once, into the result, and its
    // claims' spans share that copy.
    let text: Arc<str> = Arc::from(text);
    let gives_claim = |d: &Draft| !(no_restatements && d.cand.conditional);
    // Sized exactly: a long article has hundreds of thousands of claims.
    let mut claims = Vec::with_capacity(drafts.iter().filter(|d| gives_claim(d)).count());
    for (slot, d) in drafts.iter_mut().filter(|d| gives_claim(d)).enumerate() {
        d.slot = slot;
        claims.push(explain::finish(p, &text, d));
    }
    score::paragraph(index, text, claims, weights)
}

impl Analyzer {
    pub fn new(rules: Rules) -> Analyzer {
        Analyzer {
            lexicon: Lexicon::new(&rules),
            rules,
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The sentences of a paragraph as byte ranges, split as the analyser
    /// splits them (claims' `sentence` indices count these).
    pub fn sentences(&self, paragraph: &str) -> Vec<Range<usize>> {
        Paragraph::new(paragraph, &self.lexicon)
            .sentences
            .into_iter()
            .map(|s| s.bytes)
            .collect()
    }

    /// Analyses an article given as paragraph texts.
    pub fn analyze<S: AsRef<str> + Sync>(&self, paragraphs: &[S]) -> Analysis {
        // Nobody else holds this progress, so nothing can cancel it.
        self.analyze_with(paragraphs, &Progress::default())
            .unwrap_or_default()
    }

    /// [`Analyzer::analyze`] reporting to `progress`; `None` when cancelled.
    ///
    /// The article is read in one pass ([`Analyzer::read`]) that assumes
    /// what nearly every article allows: that it has no links across it
    /// (no retraction, denial or warning), and that no person it describes
    /// is named only in a later block. When a block shows an assumption
    /// wrong, the pass is made again without it; at most two assumptions
    /// fail, so an article is read at most three times, and the result is
    /// always the one a reading without assumptions gives.
    pub fn analyze_with<S: AsRef<str> + Sync>(
        &self,
        paragraphs: &[S],
        progress: &Progress,
    ) -> Option<Analysis> {
        let mut assume = Assumptions::default();
        loop {
            match self.read(paragraphs, assume, progress)? {
                Reading::Done(analysis) => return Some(analysis),
                Reading::Again(corrected) => assume = corrected,
            }
        }
    }

    /// One pass over the article, a block of paragraphs at a time: each
    /// block is prepared (in parallel when the article is long), then each
    /// of its paragraphs is resolved, finished and counted while its words
    /// are still in the processor's cache. Prepared first and resolved in
    /// a second pass, a long article's words were written out to memory
    /// and read back from it: this reading takes an eighth to a sixth less
    /// time, and misses the cache about half as often.
    fn read<'p, S: AsRef<str> + Sync>(
        &self,
        texts: &'p [S],
        assume: Assumptions,
        progress: &Progress,
    ) -> Option<Reading> {
        let lex = &self.lexicon;
        // Preparing and resolving each paragraph: two units of work each.
        progress.start(texts.len() * 2);
        let prepare_one = |t: &'p S| {
            progress.tick();
            if progress.is_cancelled() {
                prepare("", lex)
            } else {
                prepare(t.as_ref(), lex)
            }
        };
        let mut names = match assume.names {
            Some(index) => coref::Names::complete(index),
            None => coref::Names::growing(),
        };
        let mut resolving = Resolving::new(texts, assume.links);
        let mut start = 0;
        while start < texts.len() {
            let end = block_end(texts, start);
            let block = &texts[start..end];
            let prepared: Vec<Prepared> = if texts.len() >= PARALLEL_FROM {
                block.par_iter().map(prepare_one).collect()
            } else {
                block.iter().map(prepare_one).collect()
            };
            if progress.is_cancelled() {
                return None;
            }
            if !resolving.keep_for_links && prepared.iter().any(|p| links_may_occur(&p.paragraph)) {
                if start > 0 {
                    // Earlier paragraphs were finished without restatements
                    // and their drafts freed: read again, keeping them.
                    return Some(Reading::Again(Assumptions {
                        links: true,
                        names: None,
                    }));
                }
                resolving.keep_for_links = true;
            }
            let mut detected = Vec::with_capacity(prepared.len());
            for (k, prepared) in prepared.into_iter().enumerate() {
                if !names.is_complete() {
                    names.add(&prepared.paragraph, start + k, prepared.name_sites);
                }
                resolving.paras.push(prepared.paragraph);
                detected.push((prepared.candidates, prepared.continued));
            }
            for (k, detected) in detected.into_iter().enumerate() {
                progress.tick();
                if progress.is_cancelled() {
                    return None;
                }
                resolving.paragraph(self, start + k, detected, &mut names);
            }
            if start == 0 && resolving.keep_for_links {
                resolving.expect_drafts(end, texts);
            }
            start = end;
        }
        if names.answered_too_early() {
            return Some(Reading::Again(Assumptions {
                links: resolving.keep_for_links,
                names: Some(names.into_index()),
            }));
        }
        let Resolving {
            paras,
            drafts,
            mut finished,
            keep_for_links,
            totals,
            ..
        } = resolving;
        if !keep_for_links {
            // Nothing changes a paragraph after it is finished: the totals
            // added up as each was finished are the article's.
            debug_assert_eq!(totals.summary(), score::summarize(&finished));
            return Some(Reading::Done(Analysis {
                summary: totals.summary(),
                paragraphs: finished,
            }));
        }
        self.link_across(paras, drafts, &mut finished);
        Some(Reading::Done(score::assemble(finished)))
    }

    /// Draws the links across the article — retractions, denials, warnings
    /// that a claim is unconfirmed — on the drafts, and brings them into
    /// the claims already finished: the few that changed are updated,
    /// restatements nothing retracted are dropped, and the paragraphs
    /// concerned are counted again.
    fn link_across(
        &self,
        paras: Vec<Paragraph>,
        mut drafts: Vec<Draft>,
        finished: &mut [ParagraphAnalysis],
    ) {
        self.link_retractions(&paras, &mut drafts);
        // Restatements kept only if what they restate is retracted.
        let mut unkept = Vec::new();
        drafts.retain(|d| {
            let keep = !d.cand.conditional || d.retracted_by.is_some();
            if !keep {
                unkept.push((d.paragraph, d.slot));
            }
            keep
        });
        revise_anonymity_reasons(&paras, &mut drafts);
        debug_assert!(reasons_as_if_marked_now(&paras, &drafts));
        self.link_disputes(&paras, &mut drafts);
        mark_unconfirmed(&paras, &mut drafts);
        drop(paras);

        // Drafts are dropped in the same pass.
        let mut changed = Vec::new();
        for mut d in drafts {
            if d.changed_since_finished() {
                explain::relink(&mut finished[d.paragraph].claims[d.slot], &mut d);
                changed.push(d.paragraph);
            }
        }
        unkept.sort_unstable();
        for dropped in unkept.chunk_by(|a, b| a.0 == b.0) {
            let claims = &mut finished[dropped[0].0].claims;
            let mut slot = 0;
            claims.retain(|_| {
                let keep = dropped.binary_search(&(dropped[0].0, slot)).is_err();
                slot += 1;
                keep
            });
            changed.push(dropped[0].0);
        }
        changed.sort_unstable();
        changed.dedup();
        for pi in changed {
            score::recount(&mut finished[pi], &self.rules.weights);
        }
    }

    fn draft(
        &self,
        paras: &[Paragraph],
        pi: usize,
        cand: Candidate,
        memory: &mut Memory,
        names: &mut coref::Names,
    ) -> Draft {
        let p = &paras[pi];
        let lex = &self.lexicon;
        let mut cue = p.span(cand.cue.0, cand.cue.1);
        let mut source = cand
            .source
            .map(|np| self.resolve_phrase(paras, pi, np, memory, names));
        // "Reports say", "according to reports": the words are part of the cue.
        if let Some(s) = source
            .as_ref()
            .filter(|s| s.class.category == Category::Sourceless)
        {
            let span = p.span(s.np.0, s.np.1);
            cue = cue.start.min(span.start)..cue.end.max(span.end);
            source = None;
        }
        let speakers: Vec<ResolvedSource> = cand
            .speakers
            .iter()
            .map(|&np| self.resolve_phrase(paras, pi, np, memory, names))
            .collect();
        for s in source.iter() {
            let mut m = coref::mention(p, pi, s.np, &s.class, s.kind, s.head.clone(), lex);
            // Remember the first mention, so chains resolve to their root.
            if let Some(root) = &s.antecedent {
                m.paragraph = root.paragraph;
                m.range = root.start..root.end;
            }
            memory.remember(m);
        }
        let (kind, kind_rule, weakest_speaker) = weakest_link(source.as_ref(), &speakers);
        let refers_to = source.as_ref().and_then(|s| s.antecedent.clone());
        Draft {
            paragraph: pi,
            cand,
            source,
            speakers,
            kind,
            kind_rule,
            weakest_speaker,
            kind_note: None,
            cue,
            refers_to,
            retracted_by: None,
            disputed_by: None,
            unconfirmed: false,
            anonymity_reason: None,
            continued_source_text: None,
            slot: 0,
            reason_revised: false,
        }
    }

    fn resolve_phrase(
        &self,
        paras: &[Paragraph],
        pi: usize,
        np: TokenRange,
        memory: &Memory,
        names: &mut coref::Names,
    ) -> ResolvedSource {
        let p = &paras[pi];
        let lex = &self.lexicon;
        let sentence_start = p.sentences[p.sentence_of(np.0)].tokens.start;
        let class = sources::classify(p, np, sentence_start);
        let stem = p.stem(class.head);
        // ASCII, almost every head, lower-cases without Unicode tables.
        let head = if stem.is_ascii() {
            stem.to_ascii_lowercase()
        } else {
            stem.to_lowercase()
        };
        let mut resolved = ResolvedSource {
            np,
            kind: class.kind,
            rule: class.rule,
            marker: Marker::Word(class.marker),
            antecedent: None,
            group: lex.material_group(&head),
            head,
            class,
        };
        if resolved.class.needs_antecedent || resolved.class.category == Category::Pronoun {
            if let Some(m) = memory.antecedent(p, pi, &resolved.class, &resolved.head, lex) {
                let r = m.reference(paras);
                let where_ = if m.paragraph == pi {
                    "this paragraph".to_string()
                } else {
                    format!("paragraph {}", m.paragraph + 1)
                };
                resolved.kind = m.kind;
                resolved.rule = if resolved.class.category == Category::Pronoun {
                    &sources::PRONOUN
                } else {
                    &sources::COREFERENCE
                };
                resolved.marker =
                    Marker::Text(format!("'{}' ({where_}): {}", r.text, m.kind.label()));
                resolved.class.category = m.category;
                if resolved.group.is_none() {
                    resolved.group = m.group;
                }
                resolved.antecedent = Some(r);
            } else if resolved.class.category == Category::Pronoun {
                resolved.marker = Marker::Text("someone the text names earlier: named".to_string());
            }
        }
        // A person described now and named later counts as named.
        let described = resolved.kind == SourceKind::Anonymous
            && resolved.class.category == Category::Person
            && resolved.class.indefinite
            && resolved.antecedent.is_none();
        let later = if described {
            names.named_later(pi, &resolved.head)
        } else {
            None
        };
        if let Some(r) = later {
            resolved.kind = SourceKind::Named;
            resolved.rule = &sources::NAMED_LATER;
            resolved.marker = Marker::Text(format!("'{}' (paragraph {})", r.text, r.paragraph + 1));
            resolved.antecedent = Some(r);
        }
        resolved
    }

    /// Marks every claim resting on retracted material, anywhere in the article.
    fn link_retractions(&self, paras: &[Paragraph], drafts: &mut [Draft]) {
        let events: Vec<retraction::Event> = paras
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| retraction::find(p, pi, &self.lexicon))
            .take(MAX_LINKS)
            .collect();
        if events.is_empty() {
            return;
        }
        let mut reach = Reach::new(paras, drafts);
        // Built at the first retraction of a person's statements.
        let mut sourced: Option<Sourced> = None;
        for e in &events {
            let ep = &paras[e.paragraph];
            let reference = Reference {
                paragraph: e.paragraph,
                text: ep.text[e.words.clone()].to_string(),
                start: e.words.start,
                end: e.words.end,
            };
            let hits: Vec<usize> = match &e.target {
                retraction::Target::Person { phrase } => {
                    let Some(who) = who_is(paras, e.paragraph, *phrase, drafts) else {
                        continue;
                    };
                    let sourced = sourced.get_or_insert_with(|| Sourced::new(paras, drafts));
                    sourced
                        .of(&who)
                        .into_iter()
                        .filter(|&i| before(&drafts[i], e) && !in_sentence_of(&drafts[i], e))
                        .collect()
                }
                retraction::Target::Material {
                    head,
                    group,
                    owners,
                } => {
                    let mut owners = owners.clone();
                    if let Some(r) = e.retractor.filter(|_| owners.is_empty()) {
                        owners = who_is(paras, e.paragraph, r, drafts)
                            .map(|w| w.names)
                            .unwrap_or_default();
                    }
                    material_hits(&mut reach, e, head, *group, &owners)
                }
            };
            for i in hits {
                if drafts[i].retracted_by.is_none() {
                    drafts[i].retracted_by = Some(Box::new(reference.clone()));
                }
            }
        }
    }

    /// Marks claims denied by another party as disputed.
    fn link_disputes(&self, paras: &[Paragraph], drafts: &mut [Draft]) {
        let disputes = paras
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| dispute::find(p, pi, &self.lexicon))
            .take(MAX_LINKS);
        for dispute in disputes {
            let pi = dispute.paragraph;
            let p = &paras[pi];
            {
                let here = (dispute.paragraph, dispute.sentence);
                let near = paragraph_range(drafts, pi.saturating_sub(DISPUTE_WINDOW), pi);
                let offset = near.start;
                let target = drafts[near].iter().rposition(|d| {
                    if (d.paragraph, d.cand.sentence) >= here {
                        return false;
                    }
                    if let Some(owner) = &dispute.owner {
                        return source_names(paras, d).contains(owner);
                    }
                    match &d.source {
                        Some(s) => {
                            s.head == dispute.noun
                                || (dispute.group.is_some() && s.group == dispute.group)
                        }
                        None => {
                            let cue = &paras[d.paragraph].text[d.cue.clone()];
                            // "was reported to have …" is what "the reports" deny.
                            dispute::hedge_noun(cue).is_some_and(|n| n == dispute.noun)
                        }
                    }
                });
                let target = target.map(|t| t + offset);
                if let Some(t) = target.filter(|&t| drafts[t].disputed_by.is_none()) {
                    drafts[t].disputed_by = Some(Box::new(Reference {
                        paragraph: pi,
                        text: p.text[dispute.words.clone()].to_string(),
                        start: dispute.words.start,
                        end: dispute.words.end,
                    }));
                }
            }
        }
    }
}

/// The capitalised words naming a draft's source, or its antecedent's
/// ("He" → "Bruce", "Bennett"). Computed only where retractions and
/// disputes need them.
fn source_names(paras: &[Paragraph], d: &Draft) -> Vec<String> {
    let Some(s) = d.source.as_ref() else {
        return Vec::new();
    };
    let names = retraction::name_words(&paras[d.paragraph], s.np);
    if !names.is_empty() {
        return names;
    }
    let Some(r) = s.antecedent.as_ref() else {
        return Vec::new();
    };
    let p = &paras[r.paragraph];
    let first = p.tokens.partition_point(|t| t.start() < r.start);
    let end = p.tokens.partition_point(|t| t.start() < r.end);
    if first >= end {
        return Vec::new();
    }
    retraction::name_words(p, (first, end - 1))
}

/// Whether a draft stands before a retraction.
fn before(d: &Draft, e: &retraction::Event) -> bool {
    e.comes_after(d.paragraph, d.cue.start)
}

fn in_sentence_of(d: &Draft, e: &retraction::Event) -> bool {
    e.is_in(d.paragraph, d.cand.sentence)
}

/// The first mention a draft's source goes back to.
fn entity(paras: &[Paragraph], d: &Draft) -> Option<(usize, usize)> {
    let s = d.source.as_ref()?;
    Some(match &d.refers_to {
        Some(r) => (r.paragraph, r.start),
        None => (d.paragraph, paras[d.paragraph].tokens[s.np.0].start()),
    })
}

/// Someone a retraction is about: by name, or by the mention their
/// sources go back to ("she" → "a former plant worker").
struct Party {
    names: Vec<String>,
    entity: Option<(usize, usize)>,
}

/// The drafts with a source, by the names in it and by the mention it goes
/// back to: who a retraction of a person's statements reaches, found once
/// for all such retractions rather than by testing every draft for each.
struct Sourced {
    by_name: rustc_hash::FxHashMap<String, Vec<usize>>,
    by_entity: rustc_hash::FxHashMap<(usize, usize), Vec<usize>>,
}

impl Sourced {
    fn new(paras: &[Paragraph], drafts: &[Draft]) -> Sourced {
        let mut sourced = Sourced {
            by_name: Default::default(),
            by_entity: Default::default(),
        };
        for (i, d) in drafts.iter().enumerate() {
            if d.source.is_none() {
                continue;
            }
            for name in source_names(paras, d) {
                let drafts = sourced.by_name.entry(name).or_default();
                // A name said twice in one source lists the draft once.
                if drafts.last() != Some(&i) {
                    drafts.push(i);
                }
            }
            if let Some(at) = entity(paras, d) {
                sourced.by_entity.entry(at).or_default().push(i);
            }
        }
        sourced
    }

    /// The drafts whose source shares a name with the party, or goes back
    /// to the same mention, in reading order.
    fn of(&self, party: &Party) -> Vec<usize> {
        let by_entity = party.entity.and_then(|at| self.by_entity.get(&at));
        union(
            party
                .names
                .iter()
                .filter_map(|n| self.by_name.get(n))
                .chain(by_entity),
        )
    }
}

/// Who a phrase at a retraction names: its own capitalised words, or for a
/// pronoun or description ("she", "the paper") the last source before it
/// of the same sort.
fn who_is(paras: &[Paragraph], pi: usize, phrase: TokenRange, drafts: &[Draft]) -> Option<Party> {
    let p = &paras[pi];
    let names = retraction::name_words(p, phrase);
    if !names.is_empty() {
        return Some(Party {
            names,
            entity: None,
        });
    }
    let at = (pi, p.tokens[phrase.0].start());
    let people = p.has(phrase.0, lexicon::tag::PRONOUN) && !p.is(phrase.0, "it");
    // Only drafts up to the phrase's paragraph can stand before it.
    let until = drafts.partition_point(|d| d.paragraph <= pi);
    let d = drafts[..until]
        .iter()
        .rev()
        .filter(|d| (d.paragraph, d.cue.start) < at)
        .find(|d| {
            d.source.as_ref().is_some_and(|s| {
                let c = s.class.category;
                if people {
                    c.is_people() || c == Category::ProperName
                } else {
                    matches!(c, Category::Institution | Category::ProperName)
                }
            })
        })?;
    Some(Party {
        names: source_names(paras, d),
        entity: entity(paras, d),
    })
}

/// What a retraction of material asks of a draft resting on a document
/// ("the memo", "its report"), read once from the draft and its paragraph:
/// retractions then test these few compact entries, not the drafts.
struct Document {
    draft: usize,
    paragraph: usize,
    cue_start: usize,
    sentence: usize,
    content: Range<usize>,
    /// Its head is itself a word of retraction ("the retraction"): the
    /// announcement is never what is retracted.
    names_retraction: bool,
    /// The mention its source goes back to.
    entity: Option<(usize, usize)>,
    /// A definite mention ("the story", "its report"), which refers back;
    /// "a report" or "another story" is new.
    definite: bool,
    /// The capitalised words of its source, compared with the owners.
    names: Vec<String>,
}

/// A draft in which an organisation or a name publishes ("the Herald
/// reported"): a retraction by its owner reaches it.
struct Published {
    draft: usize,
    paragraph: usize,
    cue_start: usize,
    names: Vec<String>,
}

/// The drafts retractions of material can reach, found once for all of an
/// article's retractions: each retraction then tests the drafts resting on
/// its own material instead of every draft (on 5 MB of news with a
/// retraction every forty paragraphs, testing every draft took seconds).
struct Reach {
    documents: Vec<Document>,
    /// Entries of `documents`, by head word ("memo") and by material
    /// group ("story", "report" and "article" are one material).
    by_head: rustc_hash::FxHashMap<String, Vec<usize>>,
    by_group: rustc_hash::FxHashMap<usize, Vec<usize>>,
    /// The union of the two for each material asked about, in reading order.
    of_material: rustc_hash::FxHashMap<(String, Option<usize>), Vec<usize>>,
    /// In reading order.
    published: Vec<Published>,
}

impl Reach {
    fn new(paras: &[Paragraph], drafts: &[Draft]) -> Reach {
        let mut reach = Reach {
            documents: Vec::new(),
            by_head: Default::default(),
            by_group: Default::default(),
            of_material: Default::default(),
            published: Vec::new(),
        };
        for (i, d) in drafts.iter().enumerate() {
            let Some(s) = d.source.as_ref() else { continue };
            match s.class.category {
                Category::Document => {
                    let at = reach.documents.len();
                    reach.by_head.entry(s.head.clone()).or_default().push(at);
                    if let Some(g) = s.group {
                        reach.by_group.entry(g).or_default().push(at);
                    }
                    reach.documents.push(Document {
                        draft: i,
                        paragraph: d.paragraph,
                        cue_start: d.cue.start,
                        sentence: d.cand.sentence,
                        content: d.cand.content.clone(),
                        names_retraction: paras[d.paragraph]
                            .has(s.class.head, lexicon::tag::RETRACT_NOUN),
                        entity: entity(paras, d),
                        definite: !s.class.indefinite
                            && (s.class.definite || s.antecedent.is_some()),
                        names: source_names(paras, d),
                    });
                }
                Category::Institution | Category::ProperName => {
                    let cue = &paras[d.paragraph].text[d.cue.clone()];
                    if retraction::publishes(cue) {
                        reach.published.push(Published {
                            draft: i,
                            paragraph: d.paragraph,
                            cue_start: d.cue.start,
                            names: source_names(paras, d),
                        });
                    }
                }
                _ => {}
            }
        }
        reach
    }

    /// The documents with this head word or in this material group, in
    /// reading order (as indices into `documents`).
    fn of_material(&mut self, head: &str, group: Option<usize>) -> Vec<usize> {
        let key = (head.to_string(), group);
        if let Some(found) = self.of_material.get(&key) {
            return found.clone();
        }
        let by_group = group.and_then(|g| self.by_group.get(&g));
        let found = union(self.by_head.get(head).into_iter().chain(by_group));
        self.of_material.insert(key, found.clone());
        found
    }
}

/// The indices in any of the lists, once each, in increasing (reading) order.
fn union<'a>(lists: impl Iterator<Item = &'a Vec<usize>>) -> Vec<usize> {
    let mut found: Vec<usize> = lists.flatten().copied().collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The claims resting on retracted material: mentions of the same material
/// (the latest one before the retraction and everything referring to it,
/// definite mentions after it), and claims its owner published before it
/// ("the Herald reported …" when the Herald withdraws its story). Returns
/// draft indices.
fn material_hits(
    reach: &mut Reach,
    e: &retraction::Event,
    head: &str,
    group: Option<usize>,
    owners: &[String],
) -> Vec<usize> {
    let before = |paragraph: usize, cue_start: usize| e.comes_after(paragraph, cue_start);
    let in_sentence = |doc: &Document| e.is_in(doc.paragraph, doc.sentence);
    let owned = |names: &[String]| names.iter().any(|n| owners.contains(n));
    let rests_on_material = |doc: &Document| {
        // The announcement of a retraction is not retracted.
        let announces = in_sentence(doc) && doc.content.contains(&e.words.start);
        !announces
            && !doc.names_retraction
            && (owners.is_empty() || doc.names.is_empty() || owned(&doc.names))
    };
    let of_material = reach.of_material(head, group);
    let documents = &reach.documents;
    let latest_before = of_material
        .iter()
        .map(|&k| &documents[k])
        .filter(|doc| before(doc.paragraph, doc.cue_start) && !in_sentence(doc))
        .rfind(|doc| rests_on_material(doc))
        .and_then(|doc| doc.entity);
    // Only what stands up to the retraction's paragraph can stand before it.
    let until = reach
        .published
        .partition_point(|p| p.paragraph <= e.paragraph);
    let mut hits: Vec<usize> = if owners.is_empty() {
        Vec::new()
    } else {
        reach.published[..until]
            .iter()
            .filter(|p| before(p.paragraph, p.cue_start) && owned(&p.names))
            .map(|p| p.draft)
            .collect()
    };
    hits.extend(
        of_material
            .iter()
            .map(|&k| &documents[k])
            .filter(|doc| {
                rests_on_material(doc)
                    && if in_sentence(doc) {
                        true
                    } else if before(doc.paragraph, doc.cue_start) {
                        doc.entity.is_some() && doc.entity == latest_before
                    } else {
                        doc.definite
                    }
            })
            .map(|doc| doc.draft),
    );
    hits.sort_unstable();
    hits.dedup();
    hits
}

/// The claim's kind is that of its weakest link: any unnamed source or
/// inner speaker makes it anonymous. Returns the kind, the rule that
/// decided it, and the inner speaker that did, if one did.
fn weakest_link(
    source: Option<&ResolvedSource>,
    speakers: &[ResolvedSource],
) -> (SourceKind, &'static KindRule, Option<usize>) {
    let Some(source) = source else {
        return (SourceKind::Unattributed, &sources::NO_SOURCE, None);
    };
    let weakest = speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind > source.kind)
        .max_by_key(|(_, s)| s.kind);
    match weakest {
        Some((i, s)) => (s.kind, s.rule, Some(i)),
        None => (source.kind, source.rule, None),
    }
}

fn continued_draft(paras: &[Paragraph], pi: usize, cand: Candidate, from: &Draft) -> Draft {
    let same_paragraph = from.paragraph == pi;
    let origin_text = from
        .source
        .as_ref()
        .map(|s| Box::from(&paras[from.paragraph].text[paras[from.paragraph].span(s.np.0, s.np.1)]))
        .or_else(|| from.continued_source_text.clone());
    let refers_to = if same_paragraph {
        from.refers_to.clone()
    } else {
        from.source
            .as_ref()
            .map(|s| {
                let fp = &paras[from.paragraph];
                let r = fp.span(s.np.0, s.np.1);
                Reference {
                    paragraph: from.paragraph,
                    text: fp.text[r.clone()].to_string(),
                    start: r.start,
                    end: r.end,
                }
            })
            .or_else(|| from.refers_to.clone())
    };
    let p = &paras[pi];
    Draft {
        paragraph: pi,
        cue: p.span(cand.cue.0, cand.cue.1),
        cand,
        source: if same_paragraph {
            from.source.clone()
        } else {
            None
        },
        speakers: if same_paragraph {
            from.speakers.clone()
        } else {
            Vec::new()
        },
        kind: from.kind,
        kind_rule: from.kind_rule,
        weakest_speaker: if same_paragraph {
            from.weakest_speaker
        } else {
            None
        },
        kind_note: if same_paragraph {
            None
        } else {
            Some(
                from.kind_note.clone().unwrap_or_else(|| {
                    explain::kind_explanation(&paras[from.paragraph], from).into()
                }),
            )
        },
        refers_to,
        retracted_by: None,
        disputed_by: None,
        unconfirmed: false,
        anonymity_reason: None,
        continued_source_text: origin_text,
        slot: 0,
        reason_revised: false,
    }
}

/// The drafts of paragraphs `from..=to` (drafts are in paragraph order).
fn paragraph_range(drafts: &[Draft], from: usize, to: usize) -> Range<usize> {
    drafts.partition_point(|d| d.paragraph < from)..drafts.partition_point(|d| d.paragraph <= to)
}

/// The drafts of one sentence, given those of its paragraph (in text order).
fn sentence_range(drafts: &[Draft], paragraph: Range<usize>, sentence: usize) -> Range<usize> {
    let of = &drafts[paragraph.clone()];
    paragraph.start + of.partition_point(|d| d.cand.sentence < sentence)
        ..paragraph.start + of.partition_point(|d| d.cand.sentence <= sentence)
}

fn mark_unconfirmed(paras: &[Paragraph], drafts: &mut [Draft]) {
    for (pi, p) in paras.iter().enumerate() {
        for (sentence, _) in unconfirmed::find(p) {
            let here = paragraph_range(drafts, pi, pi);
            // The warning marks its own sentence's claims, or those of the
            // sentence before it: in this paragraph, or at the end of the
            // previous one when it opens a paragraph with no claims.
            let own = sentence_range(drafts, here.clone(), sentence);
            let target = if !own.is_empty() {
                Some(own)
            } else if sentence > 0 {
                Some(sentence_range(drafts, here.clone(), sentence - 1))
            } else if here.is_empty() && pi > 0 {
                let before = paragraph_range(drafts, pi - 1, pi - 1);
                let last = drafts[before.clone()].last().map(|d| d.cand.sentence);
                last.map(|s| sentence_range(drafts, before, s))
            } else {
                None
            };
            for d in &mut drafts[target.unwrap_or(0..0)] {
                d.unconfirmed = true;
            }
        }
    }
}

/// Whether the text says why each anonymous person is unnamed, for one
/// paragraph's drafts (in reading order). Restatements that may yet be
/// dropped (conditional drafts) are taken as dropped;
/// [`revise_anonymity_reasons`] corrects the rare claim next to one that
/// was kept.
fn mark_anonymity_reasons(p: &Paragraph, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if drafts[i].kind != SourceKind::Anonymous {
            continue;
        }
        // The next sentence may give the reason, unless it is about another source.
        let next = sentence_range(drafts, 0..drafts.len(), drafts[i].cand.sentence + 1);
        let next_is_own = !drafts[next]
            .iter()
            .any(|o| o.source.is_some() && !o.cand.conditional);
        drafts[i].anonymity_reason = anonymity_reason(p, &drafts[i], next_is_own);
    }
}

/// For an anonymous person-source, whether the text says why they are
/// unnamed; `None` for any other draft.
fn anonymity_reason(p: &Paragraph, d: &Draft, next_is_own: bool) -> Option<bool> {
    if d.kind != SourceKind::Anonymous {
        return None;
    }
    let people = || {
        d.source
            .iter()
            .chain(d.speakers.iter())
            .filter(|s| s.kind == SourceKind::Anonymous && s.class.category.is_people())
    };
    people().next()?;
    Some(people().any(|s| anonymity::reason_given(p, s.np, next_is_own)))
}

/// A kept restatement with a source of its own (a conditional draft whose
/// material was retracted) makes its sentence about another source: the
/// anonymous people of the sentence before it can no longer find their
/// reason there.
fn revise_anonymity_reasons(paras: &[Paragraph], drafts: &mut [Draft]) {
    let kept: Vec<(usize, usize)> = drafts
        .iter()
        .filter(|d| d.cand.conditional && d.source.is_some() && d.cand.sentence > 0)
        .map(|d| (d.paragraph, d.cand.sentence - 1))
        .collect();
    for (pi, sentence) in kept {
        let here = paragraph_range(drafts, pi, pi);
        for i in sentence_range(drafts, here, sentence) {
            let reason = anonymity_reason(&paras[pi], &drafts[i], false);
            if reason != drafts[i].anonymity_reason {
                drafts[i].anonymity_reason = reason;
                drafts[i].reason_revised = true;
            }
        }
    }
}

/// Whether every kept draft's anonymity reason is what marking it now,
/// with the dropped restatements gone, would give: debug builds (and so
/// every test) check that finishing early and revising came out the same.
fn reasons_as_if_marked_now(paras: &[Paragraph], drafts: &[Draft]) -> bool {
    drafts.iter().all(|d| {
        let here = paragraph_range(drafts, d.paragraph, d.paragraph);
        let next = sentence_range(drafts, here, d.cand.sentence + 1);
        let next_is_own = !drafts[next].iter().any(|o| o.source.is_some());
        anonymity_reason(&paras[d.paragraph], d, next_is_own) == d.anonymity_reason
    })
}

/// One paragraph's candidates after nesting, and its continued quotes.
type Detected = (Vec<Candidate>, Vec<(Candidate, Origin)>);

/// What a reading of the article assumes ([`Analyzer::analyze_with`]).
#[derive(Default)]
struct Assumptions {
    /// The article has links across it: every paragraph's words and
    /// drafts are kept for them, and restatements are kept until they are
    /// drawn. Otherwise they are not, until a block shows links.
    links: bool,
    /// Where descriptions are followed by names, in the whole article;
    /// `None` to build it as the article is read.
    names: Option<coref::NameIndex>,
}

enum Reading {
    Done(Analysis),
    /// An assumption was wrong; read again with these.
    Again(Assumptions),
}

/// Paragraphs prepared together, about this many bytes of text: enough to
/// share among threads, and with their words, sentences and candidates
/// small enough to stay in a core's second-level cache (512 KiB or more)
/// until they are resolved.
const BLOCK_BYTES: usize = 32 * 1024;

/// The end of the block of paragraphs starting at `start`: at least one
/// paragraph, and no more once [`BLOCK_BYTES`] are reached.
fn block_end<S: AsRef<str>>(texts: &[S], start: usize) -> usize {
    let mut bytes = 0;
    let mut end = start;
    while end < texts.len() && (end == start || bytes < BLOCK_BYTES) {
        bytes += texts[end].as_ref().len();
        end += 1;
    }
    end
}

/// Whether any link across the article (a retraction, a denial, a warning
/// that a claim is unconfirmed) may start in the paragraph.
fn links_may_occur(p: &Paragraph) -> bool {
    retraction::may_occur(p) || dispute::may_occur(p) || unconfirmed::may_occur(p)
}

/// The state of resolving an article paragraph by paragraph, in reading
/// order: the sources seen so far, each paragraph's words, the drafts
/// still needed, and the paragraphs finished.
struct Resolving<'a, S> {
    texts: &'a [S],
    memory: Memory,
    /// Every paragraph read so far. Without links, only those of the
    /// current block and the two resolved last keep their words: the next
    /// paragraph may continue the last one's quote.
    paras: Vec<Paragraph<'a>>,
    /// In paragraph order. Without links, only the last paragraph's.
    drafts: Vec<Draft>,
    finished: Vec<ParagraphAnalysis>,
    /// See [`Assumptions::links`].
    keep_for_links: bool,
    /// The finished paragraphs' counts, added up.
    totals: score::Totals,
}

impl<'a, S: AsRef<str>> Resolving<'a, S> {
    fn new(texts: &'a [S], keep_for_links: bool) -> Self {
        Resolving {
            texts,
            memory: Memory::default(),
            paras: Vec::with_capacity(texts.len()),
            drafts: Vec::new(),
            finished: Vec::with_capacity(texts.len()),
            keep_for_links,
            totals: score::Totals::default(),
        }
    }

    /// Sizes the drafts kept for links from the rate of the first `read`
    /// paragraphs, with an eighth to spare: a Vec of ~330,000 drafts (a
    /// 50 MB article) grown by doubling would be copied whole each time,
    /// and briefly held twice. A wrong guess only costs that growth, so
    /// the guess is capped (news has a claim per ~150 bytes) and a refusal
    /// by the allocator is ignored.
    fn expect_drafts(&mut self, read: usize, texts: &[S]) {
        let bytes = |texts: &[S]| texts.iter().map(|t| t.as_ref().len()).sum::<usize>();
        let (read_bytes, all_bytes) = (bytes(&texts[..read]).max(1), bytes(texts));
        let rate = self.drafts.len() as f64 / read_bytes as f64;
        let expected = (rate * all_bytes as f64 * 1.125).min(all_bytes as f64 / 32.0) as usize;
        let _ = self
            .drafts
            .try_reserve_exact(expected.saturating_sub(self.drafts.len()));
    }

    /// Resolves paragraph `pi` (added to `paras` with the rest of its
    /// block; it sees only those before it) and finishes its claims.
    /// Without links, restatements are left out, as nothing can retract
    /// what they restate, and the words and drafts of the paragraph
    /// before the previous one are freed.
    fn paragraph(
        &mut self,
        analyzer: &Analyzer,
        pi: usize,
        (cands, continued): Detected,
        names: &mut coref::Names,
    ) {
        if !self.keep_for_links && pi >= 2 {
            self.paras[pi - 2].release_words();
            let before_previous = self.drafts.partition_point(|d| d.paragraph + 1 < pi);
            self.drafts.drain(..before_previous);
        }
        let paras: &[Paragraph] = &self.paras[..=pi];
        let drafts = &mut self.drafts;
        let p = &paras[pi];
        let first_draft = drafts.len();
        // Where each candidate went in `drafts` (absorbed ones nowhere):
        // needed, and allocated, only for continued quotes.
        let mut index_of = Vec::new();
        let note_index = !continued.is_empty();
        for cand in cands {
            let index = (!cand.absorbed).then_some(drafts.len());
            if note_index {
                index_of.push(index);
            }
            if cand.absorbed {
                continue;
            }
            let draft = analyzer.draft(paras, pi, cand, &mut self.memory, names);
            drafts.push(draft);
        }
        for (cand, origin) in continued {
            let from = match origin {
                Origin::SameParagraph(i) => index_of.get(i).copied().flatten(),
                Origin::PreviousParagraph => (first_draft > 0)
                    .then(|| first_draft - 1)
                    .filter(|&d| drafts[d].paragraph + 1 == pi),
            };
            let Some(from) = from else { continue };
            let d = continued_draft(paras, pi, cand, &drafts[from]);
            drafts.push(d);
        }
        // Only continued quotes come out of order; sorting moves large
        // drafts, so it is skipped when nothing needs it.
        let reading_order = |d: &Draft| (p.tokens[d.cand.cue.0].start(), d.cand.cue.0);
        if !drafts[first_draft..].is_sorted_by_key(reading_order) {
            drafts[first_draft..].sort_by_key(reading_order);
        }
        let finished = finish_paragraph(
            pi,
            self.texts[pi].as_ref(),
            p,
            &mut drafts[first_draft..],
            !self.keep_for_links,
            &analyzer.rules.weights,
        );
        self.totals.add(&finished);
        self.finished.push(finished);
    }
}

/// Everything that can be done for one paragraph on its own: words,
/// sentences, candidate claims, nesting, continued quotes and the names
/// standing after a description. Done in one go, while the paragraph's
/// words are still in the processor's cache.
struct Prepared<'a> {
    paragraph: Paragraph<'a>,
    candidates: Vec<Candidate>,
    continued: Vec<(Candidate, Origin)>,
    name_sites: Vec<TokenRange>,
}

fn prepare<'a>(text: &'a str, lex: &Lexicon) -> Prepared<'a> {
    let p = Paragraph::new(text, lex);
    let mut cands = Vec::new();
    for s in 0..p.sentences.len() {
        detectors::detect_sentence(&p, s, &mut cands);
    }
    merge::nest(&p, &mut cands);
    let continued = continued_quote::detect(&p, &cands);
    Prepared {
        name_sites: coref::name_sites(&p),
        paragraph: p,
        candidates: cands,
        continued,
    }
}

/// Analyses an article with the built-in rules.
pub fn analyze<S: AsRef<str> + Sync>(paragraphs: &[S]) -> Analysis {
    Analyzer::default().analyze(paragraphs)
}
