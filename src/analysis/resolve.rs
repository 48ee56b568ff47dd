//! Drafts: each nested candidate with its sources resolved — classified
//! ([`super::sources`]), pronouns and "the memo" followed back to what
//! they mean, people described here and named later named, outlets told
//! put outermost, and the claim's kind taken from its weakest link. A
//! quotation with no cue of its own continues the speaker before it.
//!
//! Paragraphs are resolved in reading order, so that every mention can
//! look back at the sources before it.

use std::ops::Range;

use super::coref::{Entity, Memory, Mention, NameIndex};
use super::detect::{CONTINUED_QUOTE, Candidate, Role, RuleInfo};
use super::lexicon::Lexicon;
use super::model::{Link, Reference, SourceKind};
use super::reading::Paragraph;
use super::sources::{self, Category, Classified, Classifier, KindRule};

/// A source phrase, classified and resolved.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Its tokens, in its paragraph.
    pub tokens: Range<usize>,
    pub class: Classified,
    pub kind: SourceKind,
    pub rule: &'static KindRule,
    /// The words the kind rests on.
    pub marker: Option<Reference>,
    /// The earlier mention it refers to.
    pub antecedent: Option<Reference>,
    pub entity: Entity,
    /// Lower-case head (lemma where known): "memo", "official".
    pub head: String,
}

/// A claim on its way to the output.
#[derive(Debug, Clone)]
pub struct Draft {
    pub paragraph: usize,
    pub sentence: usize,
    pub rule: &'static RuleInfo,
    pub role: Role,
    pub cue: Range<usize>,
    pub content: Range<usize>,
    /// The item that carried the statement ("a statement", "a paper").
    pub vehicle: Option<Box<Resolved>>,
    /// Kept only if what it restates turns out withdrawn (a report's
    /// content restated inside a quotation: `"We stand by our report that
    /// …"` adds no claim, `"We retract our report that …"` does).
    pub conditional: bool,
    pub source: Option<Box<Resolved>>,
    pub speaker: Option<Box<Resolved>>,
    pub kind: SourceKind,
    pub kind_rule: &'static KindRule,
    pub kind_marker: Option<Reference>,
    pub kind_from_speaker: bool,
    pub refers_to: Option<Reference>,
    /// A quotation continuing a speaker of another paragraph: that
    /// speaker's entity.
    pub continued_entity: Option<Entity>,
    pub retracted_by: Option<Link>,
    pub disputed_by: Option<Link>,
    pub unconfirmed: bool,
    pub anonymity_reason: Option<bool>,
}

impl Draft {
    /// The entity the claim rests on: its source's, a continued
    /// speaker's, or (hedged) its speaker's.
    pub fn entity(&self) -> Option<Entity> {
        self.source
            .as_ref()
            .map(|s| s.entity)
            .or(self.continued_entity)
            .or_else(|| self.speaker.as_ref().map(|s| s.entity))
    }
}

/// The drafts of paragraphs `from..=to`: drafts are kept in reading
/// order, so a paragraph's are found by halves, not by a scan.
pub fn paragraph_range(drafts: &[Draft], from: usize, to: usize) -> Range<usize> {
    drafts.partition_point(|d| d.paragraph < from)..drafts.partition_point(|d| d.paragraph <= to)
}

/// Resolves paragraphs in reading order.
pub struct Resolver<'l> {
    lex: &'l Lexicon,
    classifier: Classifier,
    pub memory: Memory,
    names: &'l NameIndex,
}

fn reference(p: &Paragraph, tokens: Range<usize>) -> Reference {
    let b = p.bytes(tokens);
    Reference {
        paragraph: p.index,
        text: p.text[b.clone()].to_string(),
        start: b.start,
        end: b.end,
    }
}

impl<'l> Resolver<'l> {
    pub fn new(lex: &'l Lexicon, names: &'l NameIndex) -> Self {
        Resolver {
            lex,
            classifier: Classifier::new(lex),
            memory: Memory::default(),
            names,
        }
    }

    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }

    /// Whether a proper name names a person: it has a first name and a
    /// surname, or an earlier mention of it was a person.
    pub fn is_person(&self, p: &Paragraph, tokens: Range<usize>) -> bool {
        let class = self.classifier.classify(p, tokens);
        let names: Vec<String> = class
            .name
            .clone()
            .map(|n| n.map(|k| p.word(k).to_string()).collect())
            .unwrap_or_default();
        names.len() >= 2 && class.category != Category::Institution
            || self.memory.by_name(&names).is_some_and(|m| m.person)
    }

    fn head_of(&self, p: &Paragraph, head: usize) -> String {
        let w = p.word(head).to_lowercase().replace('’', "'");
        self.lex.lemma(&w).to_string()
    }

    /// Classifies and resolves a source phrase, and remembers it.
    pub fn resolve(&mut self, p: &Paragraph, tokens: Range<usize>) -> Resolved {
        self.resolve_as(p, tokens, true)
    }

    /// Resolves material withdrawn or denied ("retracted the paper"): it
    /// may be a paper, never the outlet that published it.
    pub fn resolve_material(&mut self, p: &Paragraph, tokens: Range<usize>) -> Resolved {
        self.resolve_as(p, tokens, false)
    }

    /// `speaker`: the phrase may name an outlet ("the paper said").
    fn resolve_as(&mut self, p: &Paragraph, tokens: Range<usize>, speaker: bool) -> Resolved {
        let class = self.classifier.classify(p, tokens.clone());
        let head = self.head_of(p, class.head);
        let mut r = Resolved {
            tokens: tokens.clone(),
            kind: class.kind,
            rule: class.rule,
            marker: Some(reference(p, class.marker..class.marker + 1)),
            antecedent: None,
            entity: 0,
            head: head.clone(),
            class,
        };
        let pronoun = p.word(r.class.head).to_lowercase();
        let mut entity = None;
        // Its name's words; for a body, its proper nouns ("Herald" of "the
        // Herald", matching "The Coast Herald").
        let names: Vec<String> = match r.class.name.clone() {
            Some(n) => n.map(|k| p.word(k).to_string()).collect(),
            None if r.class.category == Category::Institution => tokens
                .clone()
                .filter(|&k| p.tags[k].is_proper() && !sources::is_demonym(p.word(k)))
                .map(|k| p.word(k).to_string())
                .collect(),
            None => Vec::new(),
        };
        let outlet = speaker && self.classifier.is_outlet_itself(p, tokens.clone());
        if r.class.refers_back {
            if let Some(m) = self
                .memory
                .antecedent(p.index, &r.class, &head, &pronoun, outlet, !speaker)
            {
                let m = m.clone();
                r.kind = m.kind;
                r.rule = if r.class.category == Category::Pronoun {
                    &sources::PRONOUN
                } else {
                    &sources::COREFERENCE
                };
                r.class.category = m.category;
                r.marker = Some(m.reference());
                r.antecedent = Some(m.reference());
                entity = Some(m.entity);
            } else if r.class.category == Category::Pronoun {
                r.marker = None;
            }
        } else if let Some(m) = self.memory.by_name(&names).or_else(|| {
            // "Nature has since retracted …": a word capitalised only
            // because it opens the sentence (read as a common noun) is the
            // name the article gave before ("the journal Nature").
            let k = tokens.start;
            (tokens.len() == 1
                && k == p.sentence_range(k).start
                && p.tokens[k].capitalized()
                && p.tags[k].is_noun())
            .then(|| self.memory.by_name(&[p.word(k).to_string()]))
            .flatten()
        }) {
            // "Kubo" after "Musa Inuwo Kubo": the same person.
            r.antecedent =
                Some(m.reference()).filter(|a| a.text != reference(p, tokens.clone()).text);
            entity = Some(m.entity);
        }
        // A person described here and named later counts as named.
        let described = r.kind == SourceKind::Anonymous
            && r.class.category == Category::Person
            && !r.class.plural
            && r.antecedent.is_none();
        if described && let Some(name) = self.names.named_later(p.index, &head) {
            r.kind = SourceKind::Named;
            r.rule = &sources::NAMED_LATER;
            r.marker = Some(name);
        }
        let entity = entity.unwrap_or_else(|| self.memory.new_entity());
        r.entity = entity;
        let person = matches!(
            r.class.category,
            Category::Person | Category::Office | Category::Spokesperson
        ) || r.class.category == Category::ProperName && names.len() >= 2
            || r.class.category == Category::ProperName
                && self.memory.by_name(&names).is_some_and(|m| m.person)
            // A speaker no list knows, one and definite ("the footballer
            // tweeted …"): what "he" or "she" can mean next.
            || speaker
                && r.class.category == Category::Other
                && r.class.definite
                && !r.class.plural
                && p.tags[r.class.head].is_noun()
                && !p.tags[r.class.head].is_proper();
        self.memory.remember(Mention {
            paragraph: p.index,
            bytes: p.bytes(tokens.clone()),
            text: p.text[p.bytes(tokens.clone())].to_string(),
            head,
            category: r.class.category,
            kind: r.kind,
            plural: r.class.plural,
            person: person && !r.class.plural,
            names,
            proper: tokens
                .clone()
                .filter(|&k| p.tags[k].is_proper() && !sources::is_demonym(p.word(k)))
                .map(|k| p.word(k).to_string())
                .collect(),
            outlet,
            entity,
        });
        r
    }

    /// The drafts of one paragraph's nested candidates, and its continued
    /// quotations. `earlier` are the drafts of the paragraphs before.
    pub fn paragraph(
        &mut self,
        p: &Paragraph,
        cands: Vec<Candidate>,
        earlier: &[Draft],
    ) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::with_capacity(cands.len());
        for cand in cands {
            let d = self.draft(p, cand);
            drafts.push(d);
        }
        self.continued_quotes(p, &mut drafts, earlier);
        drafts.sort_by_key(|d| (d.sentence, d.cue.start));
        drafts
    }

    /// "In a statement, …", "said in a letter that …", "In a since-deleted
    /// post, …": the item a statement was made in, in its sentence.
    fn vehicle_of(&self, p: &Paragraph, cand: &Candidate) -> Option<Range<usize>> {
        let s = p.sentences[cand.sentence].clone();
        let items = self.lex.list("item_nouns");
        // …or the publication it appeared in: "wrote in the journal
        // Nature that …", "said in the Ledger that …".
        let (media, names) = (
            self.lex.list("media_nouns"),
            self.lex.list("media_name_words"),
        );
        let outlet = |t: usize| p.has(t, media) || p.has(t, names) && p.tokens[t].capitalized();
        let near = |k: usize| {
            k + 1 < s.end && p.is(k, "in") && {
                let n = p.chunks.np_starting_at(k + 1);
                n.is_some_and(|n| {
                    let np = &p.chunks.nps[n];
                    p.has(np.head, items) || np.tokens.clone().any(outlet)
                })
            }
        };
        let at = (s.start..cand.cue.start.min(s.end))
            .find(|&k| near(k) && (k == s.start || p.is_mark(k - 1, ',')))
            .or_else(|| (cand.cue.end..cand.content.start.min(s.end)).find(|&k| near(k)))?;
        let n = p.chunks.np_starting_at(at + 1)?;
        let end = p.chunks.nps[n].tokens.end;
        // "in a 2021 paper in the Journal of …": the phrase with its own.
        Some(
            p.phrase_from(at + 1, s.end)
                .map_or(at + 1..end, |r| at + 1..r.end.min(cand.cue.start.max(end))),
        )
    }

    fn draft(&mut self, p: &Paragraph, cand: Candidate) -> Draft {
        let mut cue = cand.cue.clone();
        let vehicle_tokens = cand.vehicle.clone().or_else(|| self.vehicle_of(p, &cand));
        let vehicle = vehicle_tokens.map(|t| self.resolve_material(p, t));
        let mut source = cand.source.clone().map(|t| self.resolve(p, t));
        let mut speaker = cand.speaker.clone().map(|t| self.resolve(p, t));
        // "Officials told the Gazette that …": the outlet is the source the
        // reporter relied on, the officials its speaker.
        if let Some(rec) = cand.recipient.clone()
            && self.classifier.is_outlet(p, rec.clone())
            && speaker.is_none()
        {
            speaker = source.take();
            source = Some(self.resolve(p, rec));
        }
        // "Reports say", "according to reports": the words are the cue.
        if let Some(s) = source
            .as_ref()
            .filter(|s| s.class.category == Category::Sourceless)
        {
            cue = cue.start.min(s.tokens.start)..cue.end.max(s.tokens.end);
            source = None;
        }
        let (kind, kind_rule, from_speaker) = weakest_link(source.as_ref(), speaker.as_ref());
        let decided = if from_speaker {
            speaker.as_ref()
        } else {
            source.as_ref()
        };
        Draft {
            paragraph: p.index,
            sentence: cand.sentence,
            rule: cand.rule,
            role: cand.role,
            cue,
            content: cand.content,
            vehicle: vehicle.map(Box::new),
            conditional: cand.conditional,
            kind_marker: decided.and_then(|s| s.marker.clone()),
            // What the source points back to, or where it is named later.
            refers_to: source.as_ref().and_then(|s| {
                s.antecedent.clone().or_else(|| {
                    (s.rule.id == sources::NAMED_LATER.id)
                        .then(|| s.marker.clone())
                        .flatten()
                })
            }),
            source: source.map(Box::new),
            speaker: speaker.map(Box::new),
            kind,
            kind_rule,
            kind_from_speaker: from_speaker,
            continued_entity: None,
            retracted_by: None,
            disputed_by: None,
            unconfirmed: false,
            anonymity_reason: None,
        }
    }

    /// Quotations with no cue of their own, after a quoted speaker: the
    /// same speaker goes on (`"…," she said. "…"`), in this paragraph or
    /// from the last claim of the one before.
    fn continued_quotes(&mut self, p: &Paragraph, drafts: &mut Vec<Draft>, earlier: &[Draft]) {
        let n = p.tokens.len();
        for q in &p.quotes {
            let inside = q.inside(n);
            let words = inside.clone().filter(|&k| p.tokens[k].is_word()).count();
            if words < 4 {
                continue;
            }
            let covered = drafts.iter().any(|d| {
                d.content.start < inside.end && inside.start < d.content.end
                    || inside.contains(&d.cue.start)
            });
            if covered {
                continue;
            }
            let sentence = p.sentence_of(q.open);
            // The speaker before it: in this paragraph, else the last claim
            // of the paragraph before, when that was a quotation.
            let before_here = drafts
                .iter()
                .filter(|d| d.cue.start < q.open)
                .max_by_key(|d| d.cue.start);
            let from = match before_here {
                Some(d) => Some(d.clone()),
                None if drafts.iter().all(|d| d.cue.start > q.open) => earlier
                    .last()
                    .filter(|d| d.paragraph + 1 == p.index && quotes_its_content(d))
                    .cloned(),
                None => None,
            };
            let Some(from) = from else { continue };
            if from.kind == SourceKind::Unattributed && from.speaker.is_none() {
                continue;
            }
            let same = from.paragraph == p.index;
            let mut d = Draft {
                paragraph: p.index,
                sentence,
                rule: &CONTINUED_QUOTE,
                role: Role::Continued,
                cue: q.open..q.open + 1,
                content: inside,
                vehicle: None,
                conditional: false,
                source: if same { from.source.clone() } else { None },
                speaker: if same { from.speaker.clone() } else { None },
                kind: from.kind,
                kind_rule: from.kind_rule,
                kind_marker: from.kind_marker.clone(),
                kind_from_speaker: from.kind_from_speaker,
                refers_to: None,
                continued_entity: from.entity(),
                retracted_by: None,
                disputed_by: None,
                unconfirmed: false,
                anonymity_reason: None,
            };
            // The words of the source it continues, for the reader.
            d.refers_to = if same {
                from.refers_to.clone()
            } else {
                self.source_reference(&from)
            };
            drafts.push(d);
        }
    }

    fn source_reference(&self, d: &Draft) -> Option<Reference> {
        let e = d.entity()?;
        self.memory
            .mentions_of(e)
            .rev()
            .find(|m| m.paragraph == d.paragraph)
            .map(Mention::reference)
            .or_else(|| d.refers_to.clone())
    }
}

/// Whether a draft's content is a quotation (so a quotation after it may
/// continue it).
fn quotes_its_content(d: &Draft) -> bool {
    d.role == Role::Continued || d.rule.id != super::detect::hedge::ADVERB.id && d.source.is_some()
}

/// The claim's kind is that of its weakest link: any unnamed source or
/// inner speaker makes it anonymous. Returns the kind, the rule that
/// decided it, and whether the speaker decided.
fn weakest_link(
    source: Option<&Resolved>,
    speaker: Option<&Resolved>,
) -> (SourceKind, &'static KindRule, bool) {
    match (source, speaker) {
        (None, None) => (SourceKind::Unattributed, &sources::NO_SOURCE, false),
        (None, Some(sp)) if sp.kind == SourceKind::Anonymous => (sp.kind, sp.rule, true),
        (None, Some(_)) => (SourceKind::Unattributed, &sources::NO_SOURCE, false),
        (Some(s), Some(sp)) if sp.kind > s.kind => (sp.kind, sp.rule, true),
        (Some(s), _) => (s.kind, s.rule, false),
    }
}
