//! The analysis engine: paragraphs in, claims and scores out.
//!
//! Pure and deterministic: no files, no UI, no printing, so a newsroom can
//! call it from its CMS and every number in the window can be checked on
//! the command line. One plain reading of the whole article, each stage
//! over every paragraph, in one direction:
//!
//! 1. [`syntax`] and [`reading`]: each paragraph becomes words, sentences,
//!    quotations, part-of-speech tags and phrases, and every word the word
//!    lists it is in ([`lexicon`], from [`rules`]);
//! 2. [`detect`]: one small rule per way news attributes proposes claims,
//!    nested so that one statement is one claim;
//! 3. [`resolve`] with [`sources`] and [`coref`]: each source is named,
//!    anonymous or unattributed, pronouns and "the memo" followed back,
//!    people named later named, the weakest link deciding;
//! 4. [`links`]: retractions, disputes, "unconfirmed" and anonymity
//!    reasons, across the article;
//! 5. [`score`]: each paragraph's counts and the article's summary.
//!
//! Steps 1 and 2 need nothing outside their paragraph and run in parallel
//! on long articles; step 3 reads the paragraphs in order.
//! `ARCHITECTURE.md` tells where to change what.

pub mod coref;
pub mod detect;
mod explain;
pub mod lexicon;
pub mod links;
pub mod model;
pub mod policy;
pub mod reading;
pub mod resolve;
pub mod rules;
pub mod score;
pub mod sources;
pub mod syntax;
#[cfg(test)]
pub(crate) mod testing;

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

pub use lexicon::Lexicon;
pub use model::{Analysis, Claim, Link, ParagraphAnalysis, Reference, SourceKind, Span, Summary};
pub use rules::{Rules, RulesError};

use coref::NameIndex;
use detect::{Candidate, Detector};
use links::{anonymity, dispute, retraction, unconfirmed};
use reading::{Paragraph, Reader};
use resolve::{Draft, Resolver};
use syntax::Syntax;

/// Paragraph count above which reading runs in parallel.
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
    lexicon: Arc<Lexicon>,
    detectors: Arc<[Box<dyn Detector>]>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Rules::builtin())
    }
}

impl Analyzer {
    pub fn new(rules: Rules) -> Analyzer {
        let lexicon = Lexicon::new(&rules, Syntax::builtin());
        let detectors = detect::registry(&lexicon).into();
        Analyzer {
            lexicon: Arc::new(lexicon),
            rules,
            detectors,
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The sentences of a paragraph as byte ranges, split as the analyser
    /// splits them (claims' `sentence` indices count these).
    pub fn sentences(&self, paragraph: &str) -> Vec<Range<usize>> {
        let tokens = syntax::tokens::tokenize(paragraph);
        syntax::sentences::split(paragraph, &tokens)
            .into_iter()
            .map(|s| tokens[s.tokens.start].start as usize..tokens[s.tokens.end - 1].end as usize)
            .collect()
    }

    /// Analyses an article given as paragraph texts.
    pub fn analyze<S: AsRef<str> + Sync>(&self, paragraphs: &[S]) -> Analysis {
        // Nobody else holds this progress, so nothing can cancel it.
        self.analyze_with(paragraphs, &Progress::default())
            .unwrap_or_default()
    }

    /// [`Analyzer::analyze`] reporting to `progress`; `None` when cancelled.
    pub fn analyze_with<S: AsRef<str> + Sync>(
        &self,
        paragraphs: &[S],
        progress: &Progress,
    ) -> Option<Analysis> {
        let syntax = Syntax::builtin();
        let lex = &*self.lexicon;
        progress.start(paragraphs.len() * 2);
        // 1–2: read each paragraph and find its candidate claims.
        let detectors = &*self.detectors;
        fn read_one<'t, S: AsRef<str>>(
            reader: &mut Reader,
            (i, text): (usize, &'t S),
            lex: &Lexicon,
            syntax: &Syntax,
            detectors: &[Box<dyn Detector>],
            progress: &Progress,
        ) -> (Paragraph<'t>, Vec<Candidate>) {
            progress.tick();
            let text = if progress.is_cancelled() {
                ""
            } else {
                text.as_ref()
            };
            let p = reader.read(i, text, lex, syntax);
            let cands = detect::detect(&p, detectors);
            (p, cands)
        }
        let read_one =
            |reader: &mut Reader, x| read_one(reader, x, lex, syntax, detectors, progress);
        // (Unzipped as they are made: a long article's readings are not
        // moved a second time.)
        let (paras, candidates): (Vec<Paragraph>, Vec<Vec<Candidate>>) =
            if paragraphs.len() >= PARALLEL_FROM {
                paragraphs
                    .par_iter()
                    .enumerate()
                    .map_init(Reader::default, read_one)
                    .unzip()
            } else {
                let mut reader = Reader::default();
                paragraphs
                    .iter()
                    .enumerate()
                    .map(|x| read_one(&mut reader, x))
                    .unzip()
            };
        if progress.is_cancelled() {
            return None;
        }
        // 3: resolve sources in reading order; find the article's events
        // as their paragraphs are resolved.
        let mut names = NameIndex::default();
        for p in &paras {
            names.add(p);
        }
        let mut resolver = Resolver::new(lex, &names);
        let retraction_lists = retraction::Lists::new(lex);
        let dispute_lists = dispute::Lists::new(lex);
        // About one draft per candidate: reserved once, not doubled (a
        // draft is a few hundred bytes, a long article has 100,000s).
        let mut drafts: Vec<Draft> = Vec::with_capacity(candidates.iter().map(Vec::len).sum());
        let mut events = Vec::new();
        let mut disputes = Vec::new();
        for (p, cands) in paras.iter().zip(candidates) {
            let ds = resolver.paragraph(p, cands, &drafts);
            drafts.extend(ds);
            if events.len() < links::MAX_EVENTS {
                events.extend(retraction::find(p, lex, &retraction_lists, &mut resolver));
            }
            if disputes.len() < links::MAX_EVENTS {
                disputes.extend(dispute::find(p, &dispute_lists, &mut resolver));
            }
            progress.tick();
            if progress.is_cancelled() {
                return None;
            }
        }
        // 4: links across the article.
        retraction::link(&paras, lex, &events, &mut drafts, &resolver.memory);
        drafts.retain(|d| !d.conditional || d.retracted_by.is_some());
        dispute::link(&paras, lex, &disputes, &mut drafts);
        unconfirmed::link(&paras, lex, &mut drafts);
        anonymity::link(&paras, lex, &mut drafts);
        // 5: claims, counted paragraph by paragraph.
        Some(self.finish(paras, drafts))
    }

    /// Each paragraph's claims, from drafts in reading order; a
    /// paragraph's reading is dropped as soon as its claims are made, so
    /// a long article's syntax and its claims are not held at once.
    fn finish(&self, paras: Vec<Paragraph>, drafts: Vec<Draft>) -> Analysis {
        debug_assert!(drafts.is_sorted_by_key(|d| d.paragraph));
        // Each paragraph's claims are counted first, so each list is
        // allocated once at its length.
        let mut counts = vec![0usize; paras.len()];
        for d in &drafts {
            counts[d.paragraph] += 1;
        }
        let mut drafts = drafts.into_iter().peekable();
        let paragraphs = paras
            .into_iter()
            .map(|p| {
                let text: Arc<str> = Arc::from(p.text);
                let mut claims = Vec::with_capacity(counts[p.index]);
                while let Some(d) = drafts.next_if(|d| d.paragraph == p.index) {
                    claims.push(claim(&p, &text, d));
                }
                score::paragraph(p.index, text, claims, &self.rules.weights)
            })
            .collect();
        score::assemble(paragraphs)
    }
}

/// A draft's claim: its spans in the paragraph's shared text.
fn claim(p: &Paragraph, text: &Arc<str>, d: Draft) -> Claim {
    let span = |tokens: Range<usize>| Span::new(text, p.bytes(tokens));
    Claim {
        cue: span(d.cue.clone()),
        source: d.source.as_ref().map(|s| span(s.tokens.clone())),
        speaker: d.speaker.as_ref().map(|s| span(s.tokens.clone())),
        content: (!d.content.is_empty()).then(|| span(d.content.clone())),
        kind: d.kind,
        retracted: d.retracted_by.is_some(),
        unconfirmed: d.unconfirmed,
        disputed: d.disputed_by.is_some(),
        anonymity_reason: d.anonymity_reason,
        rule: d.rule.id,
        kind_rule: d.kind_rule.id,
        kind_marker: d.kind_marker.map(Box::new),
        kind_from_speaker: d.kind_from_speaker,
        sentence: d.sentence,
        paragraph: d.paragraph,
        refers_to: d.refers_to.map(Box::new),
        retracted_by: d.retracted_by.map(Box::new),
        disputed_by: d.disputed_by.map(Box::new),
        listed: None,
        editor: None,
    }
}

/// Analyses an article with the built-in rules.
pub fn analyze<S: AsRef<str> + Sync>(paragraphs: &[S]) -> Analysis {
    Analyzer::default().analyze(paragraphs)
}
