//! A claim's explanation, the text a student reads: which rule found the
//! claim on which words, which rule decided the kind and why, and what
//! retracted, disputed or left it unconfirmed.
//!
//! A claim keeps its explanation as the parts it is filled from (the
//! rules' templates, offsets into the paragraph, the few sentences of
//! other text), and the text is written when it is read: a long article
//! has hundreds of thousands of claims, the window shows one explanation
//! at a time, and `analyze --summary` shows none. Writing them all took a
//! twentieth of an analysis and an allocation per claim.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::{Serialize, Serializer};

use super::detectors::RuleInfo;
use super::model::{Claim, Reference, SourceKind, Span};
use super::sources::KindRule;
use super::text::Paragraph;
use super::{Draft, Marker, ResolvedSource};

/// A rule's explanation template, split once into literal text and
/// `{name}` placeholders. Templates are the rules' static texts, and every
/// claim fills two or three of them: each is parsed the first time a
/// thread meets it ([`template`]), not searched again for every claim.
struct Template {
    pieces: Vec<Piece>,
    /// The pieces written between `[` and `]`: a kind note leaves them out
    /// when its marker is the whole source ("[ ('{marker}')]").
    optional: std::ops::Range<usize>,
}

enum Piece {
    Text(&'static str),
    /// A placeholder's name, and the placeholder as written (kept when the
    /// name is not known).
    Name {
        name: &'static str,
        written: &'static str,
    },
}

impl Template {
    /// `brackets`: whether the first `[ … ]` marks an optional part.
    fn parse(text: &'static str, brackets: bool) -> Template {
        let mut pieces = Vec::new();
        match (text.find('['), text.find(']')) {
            (Some(a), Some(b)) if brackets && a < b => {
                split_placeholders(&text[..a], &mut pieces);
                let first_optional = pieces.len();
                split_placeholders(&text[a + 1..b], &mut pieces);
                let optional = first_optional..pieces.len();
                split_placeholders(&text[b + 1..], &mut pieces);
                Template { pieces, optional }
            }
            _ => {
                split_placeholders(text, &mut pieces);
                Template {
                    pieces,
                    optional: 0..0,
                }
            }
        }
    }

    /// Appends the template to `out`, letting `value` write each
    /// placeholder straight into `out` (it returns false for a name it
    /// does not know, which is then kept as written).
    fn fill(
        &self,
        out: &mut String,
        with_optional: bool,
        mut value: impl FnMut(&str, &mut String) -> bool,
    ) {
        for (i, piece) in self.pieces.iter().enumerate() {
            if !with_optional && self.optional.contains(&i) {
                continue;
            }
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Name { name, written } => {
                    if !value(name, out) {
                        out.push_str(written);
                    }
                }
            }
        }
    }
}

/// Splits `text` at its `{name}` placeholders; an unclosed `{` is text.
fn split_placeholders(text: &'static str, pieces: &mut Vec<Piece>) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        pieces.push(Piece::Name {
            name: &rest[open + 1..open + close],
            written: &rest[open..=open + close],
        });
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
}

/// The parsed form of a static template, parsed once per thread.
fn template(text: &'static str, brackets: bool) -> Rc<Template> {
    thread_local! {
        static PARSED: RefCell<FxHashMap<(usize, usize, bool), Rc<Template>>> =
            RefCell::new(FxHashMap::default());
    }
    PARSED.with_borrow_mut(|parsed| {
        parsed
            .entry((text.as_ptr() as usize, text.len(), brackets))
            .or_insert_with(|| Rc::new(Template::parse(text, brackets)))
            .clone()
    })
}

/// What a claim's explanation is written from. See the module comment.
/// It holds its own copies of the claim's flags and of the references that
/// raised them, so that it can be written on its own (`Display`, serde):
/// they are a few bytes, and references are rare.
#[derive(Clone)]
pub struct Explanation {
    /// The claim's paragraph, which the offsets below count in.
    paragraph_text: Arc<str>,
    /// The paragraph's index, for "in paragraph 6".
    paragraph: usize,
    cue_rule: &'static RuleInfo,
    cue: Words,
    /// `{source}`: `None` is "no one".
    source: Option<Words>,
    /// `{speaker}`: `None` is "the speaker".
    speaker: Option<Words>,
    kind: KindNote,
    kind_rule: &'static KindRule,
    retracted_by: Option<Box<Reference>>,
    disputed_by: Option<Box<Reference>>,
    unconfirmed: bool,
    anonymity_reason: Option<bool>,
    /// Sentences added after the analysis: a retraction list's.
    added: Option<Box<str>>,
}

/// Words of the explanation: offsets into the paragraph, or text of their
/// own (a description of an earlier mention, words of another paragraph).
#[derive(Clone)]
enum Words {
    At(u32, u32),
    Text(Box<str>),
}

impl Words {
    fn at(range: std::ops::Range<usize>) -> Words {
        // Offsets fit: paragraphs are cut to 4 GiB before tokenizing.
        Words::At(range.start as u32, range.end as u32)
    }

    fn of<'a>(&'a self, paragraph: &'a str) -> &'a str {
        match self {
            Words::At(start, end) => paragraph.get(*start as usize..*end as usize).unwrap_or(""),
            Words::Text(text) => text,
        }
    }
}

/// Why the claim has its kind.
#[derive(Clone)]
enum KindNote {
    /// Written out already: a continued quote borrows its source's note.
    Written(Box<str>),
    /// A rule's text with no words to fill in (an unattributed hedge).
    Rule(&'static str),
    /// The source's kind rule, and the inner speaker's when the weakest
    /// link decided.
    Source(SourceNote, Option<Box<(SourceNote, SourceKind)>>),
}

/// A kind rule filled in for one source.
#[derive(Clone)]
struct SourceNote {
    rule: &'static KindRule,
    source: Words,
    marker: Words,
}

impl SourceNote {
    fn of(p: &Paragraph, s: &ResolvedSource) -> SourceNote {
        let marker = match &s.marker {
            Marker::Word(i) => Words::at(p.tokens[*i].start()..p.tokens[*i].end()),
            Marker::Text(t) => Words::Text(t.as_str().into()),
        };
        SourceNote {
            rule: s.rule,
            source: Words::at(p.span(s.np.0, s.np.1)),
            marker,
        }
    }

    fn write(&self, out: &mut String, paragraph: &str) {
        let source = self.source.of(paragraph);
        let marker = self.marker.of(paragraph);
        let value = |name: &str, out: &mut String| {
            match name {
                "source" => out.push_str(source),
                "marker" => out.push_str(marker),
                _ => return false,
            }
            true
        };
        // "[ ('{marker}')]" adds nothing when the marker is the whole source.
        template(self.rule.explanation, true).fill(out, marker != source, value);
    }
}

impl KindNote {
    fn of(p: &Paragraph, d: &Draft) -> KindNote {
        if let Some(note) = &d.kind_note {
            return KindNote::Written(note.clone());
        }
        let Some(source) = d.source.as_ref() else {
            return KindNote::Rule(d.kind_rule.explanation);
        };
        let weakest = d
            .weakest_speaker
            .and_then(|i| d.speakers.get(i))
            .map(|s| Box::new((SourceNote::of(p, s), s.kind)));
        KindNote::Source(SourceNote::of(p, source), weakest)
    }

    fn write(&self, out: &mut String, paragraph: &str) {
        match self {
            KindNote::Written(note) => out.push_str(note),
            KindNote::Rule(text) => out.push_str(text),
            KindNote::Source(source, weakest) => {
                source.write(out, paragraph);
                if let Some((speaker, kind)) = weakest.as_deref() {
                    out.push_str("; but the inner speaker is unnamed: ");
                    speaker.write(out, paragraph);
                    out.push_str(", so the claim is ");
                    out.push_str(kind.label());
                    out.push_str(" (weakest link)");
                }
            }
        }
    }
}

/// The explanation of a claim's kind, on its own (for a continued quote,
/// which borrows its source's).
pub(super) fn kind_explanation(p: &Paragraph, d: &Draft) -> String {
    let mut out = String::with_capacity(160);
    KindNote::of(p, d).write(&mut out, p.text);
    out
}

/// Appends " [rule.id]." after a sentence of the explanation.
fn push_rule_id(out: &mut String, id: &str) {
    out.push_str(" [");
    out.push_str(id);
    out.push_str("].");
}

fn push_quoted(out: &mut String, words: &str) {
    out.push('\'');
    out.push_str(words);
    out.push('\'');
}

/// Upper-cases the character starting at byte `at`.
fn capitalize_at(s: &mut String, at: usize) {
    let Some(c) = s[at..].chars().next() else {
        return;
    };
    if c.is_ascii() {
        s[at..at + 1].make_ascii_uppercase();
    } else if c.is_lowercase() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(at..at + c.len_utf8(), &upper);
    }
}

/// Appends " What ('words', in paragraph N) [rule]." for a flag that
/// words elsewhere in the article raised.
fn push_linked(out: &mut String, what: &str, by: &Reference, here: usize, rule: &str) {
    out.push(' ');
    out.push_str(what);
    out.push_str(" ('");
    out.push_str(&by.text);
    if by.paragraph == here {
        out.push_str("', in this paragraph) [");
    } else {
        let _ = write!(out, "', in paragraph {}) [", by.paragraph + 1);
    }
    out.push_str(rule);
    out.push_str("].");
}

impl Explanation {
    /// Appends the explanation to `out`.
    pub fn write_to(&self, out: &mut String) {
        let paragraph = &*self.paragraph_text;
        template(self.cue_rule.explanation, false).fill(out, true, |name, out| {
            match name {
                "cue" => out.push_str(self.cue.of(paragraph)),
                "source" => match &self.source {
                    Some(words) => push_quoted(out, words.of(paragraph)),
                    None => out.push_str("no one"),
                },
                "speaker" => match &self.speaker {
                    Some(words) => push_quoted(out, words.of(paragraph)),
                    None => out.push_str("the speaker"),
                },
                _ => return false,
            }
            true
        });
        // Plain pushes, not `write!`: the formatting machinery costs more
        // than the copying.
        push_rule_id(out, self.cue_rule.id);
        out.push(' ');
        let note_start = out.len();
        self.kind.write(out, paragraph);
        capitalize_at(out, note_start);
        push_rule_id(out, self.kind_rule.id);
        if let Some(r) = &self.retracted_by {
            let what = "Retracted: the material it rests on is withdrawn";
            push_linked(out, what, r, self.paragraph, super::retraction::RULE_ID);
        }
        if let Some(r) = &self.disputed_by {
            let what = "Disputed: another party denies it";
            push_linked(out, what, r, self.paragraph, super::dispute::RULE_ID);
        }
        if self.unconfirmed {
            out.push_str(" Marked unconfirmed by the text");
            push_rule_id(out, super::unconfirmed::RULE_ID);
        }
        if let Some(given) = self.anonymity_reason {
            out.push_str(if given {
                " The text says why the source is unnamed"
            } else {
                " The text does not say why the source is unnamed"
            });
            push_rule_id(out, super::anonymity::RULE_ID);
        }
        if let Some(added) = &self.added {
            out.push_str(added);
        }
    }

    /// Adds a sentence after the analyser's (a retraction list's finding).
    pub fn add(&mut self, sentence: &str) {
        let before = self.added.take().unwrap_or_default();
        self.added = Some(format!("{before}{sentence}").into());
    }
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::with_capacity(256);
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

impl std::fmt::Debug for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// Two explanations are equal when they read the same.
impl PartialEq for Explanation {
    fn eq(&self, other: &Explanation) -> bool {
        self.to_string() == other.to_string()
    }
}

/// In JSON an explanation is its text.
impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The claim a draft becomes, as soon as its paragraph is resolved; the
/// article-wide links come later, through [`relink`].
pub(super) fn finish(p: &Paragraph, shared: &Arc<str>, d: &mut Draft) -> Claim {
    let explanation = Explanation {
        paragraph_text: Arc::clone(shared),
        paragraph: d.paragraph,
        cue_rule: d.cand.rule,
        cue: Words::at(d.cue.clone()),
        // Continued quotes in the next paragraph copy these, and
        // article-wide links read `refers_to`: they are cloned, not taken.
        source: match (&d.source, d.continued_source_text.clone()) {
            (Some(s), _) => Some(Words::at(p.span(s.np.0, s.np.1))),
            (None, Some(text)) => Some(Words::Text(text)),
            (None, None) => None,
        },
        speaker: d
            .speakers
            .first()
            .map(|s| Words::at(p.span(s.np.0, s.np.1))),
        kind: KindNote::of(p, d),
        kind_rule: d.kind_rule,
        retracted_by: None,
        disputed_by: None,
        unconfirmed: false,
        anonymity_reason: None,
        added: None,
    };
    let content = (d.cand.content.start < d.cand.content.end && d.cand.content.end <= p.text.len())
        .then(|| Span::new(shared, trim(p.text, d.cand.content.clone())));
    let mut claim = Claim {
        cue: Span::new(shared, d.cue.clone()),
        source: d
            .source
            .as_ref()
            .map(|s| Span::new(shared, source_range(p, s))),
        speaker: d
            .speakers
            .first()
            .map(|s| Span::new(shared, source_range(p, s))),
        content,
        kind: d.kind,
        retracted: false,
        unconfirmed: false,
        disputed: false,
        anonymity_reason: None,
        rule: d.cand.rule.id,
        kind_rule: d.kind_rule.id,
        explanation,
        sentence: d.cand.sentence,
        refers_to: d.refers_to.clone().map(Box::new),
        retracted_by: None,
        disputed_by: None,
        listed: None,
        editor: None,
    };
    // The flags the links set, and the anonymity reason, are written in
    // one place: here, and again when the links change them.
    relink(&mut claim, d);
    claim
}

/// Brings a claim up to date with its draft's retracted, disputed and
/// unconfirmed flags and its anonymity reason: when it is finished, and
/// again when the article-wide links drawn after that change them.
pub(super) fn relink(claim: &mut Claim, d: &mut Draft) {
    claim.retracted = d.retracted_by.is_some();
    claim.disputed = d.disputed_by.is_some();
    claim.unconfirmed = d.unconfirmed;
    claim.anonymity_reason = d.anonymity_reason;
    let e = &mut claim.explanation;
    e.retracted_by = d.retracted_by.clone();
    e.disputed_by = d.disputed_by.clone();
    e.unconfirmed = d.unconfirmed;
    e.anonymity_reason = d.anonymity_reason;
    claim.retracted_by = d.retracted_by.take();
    claim.disputed_by = d.disputed_by.take();
}

/// A source's bytes, without a final possessive "’s" ("Moscow’s narrative").
fn source_range(p: &Paragraph, s: &ResolvedSource) -> std::ops::Range<usize> {
    p.tokens[s.np.0].start()..p.tokens[s.np.1].stem_end()
}

fn trim(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[r.clone()];
    let is_edge = |c: char| c.is_whitespace() || c == ',';
    let body = slice.trim_start_matches(is_edge);
    let lead = slice.len() - body.len();
    let kept = body.trim_end_matches(is_edge).len();
    r.start + lead..r.start + lead + kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(text: &'static str, brackets: bool, with_optional: bool) -> String {
        let mut out = String::new();
        template(text, brackets).fill(&mut out, with_optional, |name, out| {
            match name {
                "source" => out.push_str("a senior official"),
                "marker" => out.push_str("senior"),
                _ => return false,
            }
            true
        });
        out
    }

    #[test]
    fn an_explanation_reads_the_same_written_serialized_and_added_to() {
        let analysis = crate::analysis::Analyzer::default()
            .analyze(&["A senior official said the plan had been dropped."]);
        let claim = &analysis.paragraphs[0].claims[0];
        let text = claim.explanation.to_string();
        assert!(
            text.starts_with("'said' reports what 'A senior official' said or holds"),
            "{text}"
        );
        assert!(text.contains("[source.anonymous-descriptor]"), "{text}");
        assert_eq!(
            serde_json::to_string(&claim.explanation).unwrap(),
            serde_json::to_string(&text).unwrap()
        );
        assert_eq!(format!("{:?}", claim.explanation), format!("{text:?}"));
        let mut added = claim.explanation.clone();
        added.add(" One.");
        added.add(" Two.");
        assert_eq!(added.to_string(), format!("{text} One. Two."));
        assert_ne!(added, claim.explanation);
    }

    #[test]
    fn templates_fill_known_names_and_keep_the_rest_as_written() {
        assert_eq!(
            filled("'{source}' says {what} ({marker})", false, true),
            "'a senior official' says {what} (senior)"
        );
        assert_eq!(
            filled("{source} {unclosed", false, true),
            "a senior official {unclosed"
        );
        assert_eq!(filled("no placeholders", false, true), "no placeholders");
    }

    #[test]
    fn the_bracketed_part_is_optional_only_where_brackets_count() {
        let text = "'{source}' is described[ ('{marker}')]: anonymous";
        assert_eq!(
            filled(text, true, true),
            "'a senior official' is described ('senior'): anonymous"
        );
        assert_eq!(
            filled(text, true, false),
            "'a senior official' is described: anonymous"
        );
        // A cue's template has no optional part: brackets are text there.
        assert_eq!(
            filled(text, false, true),
            "'a senior official' is described[ ('senior')]: anonymous"
        );
    }
}
