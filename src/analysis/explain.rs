//! Turning a draft claim into its final form, with the explanation a
//! student reads: which rule found the claim on which words, which rule
//! decided the kind and why, and what retracted, disputed or left it
//! unconfirmed.
//!
//! Explanations are built for every claim, so templates are filled in one
//! pass into one string rather than by repeated `replace`.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::model::{Claim, Reference, Span};
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

fn words<'a>(p: &'a Paragraph, s: &ResolvedSource) -> &'a str {
    &p.text[p.span(s.np.0, s.np.1)]
}

fn push_quoted(out: &mut String, words: &str) {
    out.push('\'');
    out.push_str(words);
    out.push('\'');
}

/// Appends the filled-in explanation of a source's kind.
fn push_kind_note(out: &mut String, p: &Paragraph, s: &ResolvedSource) {
    let source = words(p, s);
    let marker: &str = match &s.marker {
        Marker::Word(i) => p.word(*i),
        Marker::Text(t) => t,
    };
    let value = |name: &str, out: &mut String| {
        match name {
            "source" => out.push_str(source),
            "marker" => out.push_str(marker),
            _ => return false,
        }
        true
    };
    // "[ ('{marker}')]" adds nothing when the marker is the whole source.
    template(s.rule.explanation, true).fill(out, marker != source, value);
}

/// Appends the explanation of a claim's kind: its source's, and the inner
/// speaker that made it anonymous when the weakest link decided.
fn push_kind_explanation(out: &mut String, p: &Paragraph, d: &Draft) {
    if let Some(note) = &d.kind_note {
        out.push_str(note);
        return;
    }
    let Some(source) = d.source.as_ref() else {
        out.push_str(d.kind_rule.explanation);
        return;
    };
    push_kind_note(out, p, source);
    if let Some(s) = d.weakest_speaker.and_then(|i| d.speakers.get(i)) {
        out.push_str("; but the inner speaker is unnamed: ");
        push_kind_note(out, p, s);
        out.push_str(", so the claim is ");
        out.push_str(s.kind.label());
        out.push_str(" (weakest link)");
    }
}

/// The explanation of a claim's kind, on its own (for a continued quote,
/// which borrows its source's).
pub(super) fn kind_explanation(p: &Paragraph, d: &Draft) -> String {
    let mut out = String::with_capacity(160);
    push_kind_explanation(&mut out, p, d);
    out
}

/// Appends " [rule.id]." after a sentence of the explanation.
fn push_rule_id(out: &mut String, id: &str) {
    out.push_str(" [");
    out.push_str(id);
    out.push_str("].");
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

fn where_(r: &Reference, here: usize) -> String {
    if r.paragraph == here {
        "in this paragraph".to_string()
    } else {
        format!("in paragraph {}", r.paragraph + 1)
    }
}

/// The claim a draft becomes. The draft's references are taken, not
/// copied: it is not used again. The explanation is written into
/// `scratch` and copied out at its exact length (a guessed capacity left
/// a third of every explanation's allocation unused).
pub(super) fn finish(
    p: &Paragraph,
    shared: &Arc<str>,
    d: &mut Draft,
    scratch: &mut String,
) -> Claim {
    let cue_text = &p.text[d.cue.clone()];
    let explanation = scratch;
    explanation.clear();
    template(d.cand.rule.explanation, false).fill(explanation, true, |name, out| {
        match name {
            "cue" => out.push_str(cue_text),
            "source" => match (&d.source, &d.continued_source_text) {
                (Some(s), _) => push_quoted(out, words(p, s)),
                (None, Some(t)) => push_quoted(out, t),
                (None, None) => out.push_str("no one"),
            },
            "speaker" => match d.speakers.first() {
                Some(s) => push_quoted(out, words(p, s)),
                None => out.push_str("the speaker"),
            },
            _ => return false,
        }
        true
    });
    // Plain pushes, not `write!`: the formatting machinery costs more than
    // the copying, once per claim.
    push_rule_id(explanation, d.cand.rule.id);
    explanation.push(' ');
    let note_start = explanation.len();
    push_kind_explanation(explanation, p, d);
    capitalize_at(explanation, note_start);
    push_rule_id(explanation, d.kind_rule.id);
    if let Some(r) = &d.retracted_by {
        let _ = write!(
            explanation,
            " Retracted: the material it rests on is withdrawn ('{}', {}) [{}].",
            r.text,
            where_(r, d.paragraph),
            super::retraction::RULE_ID
        );
    }
    if let Some(r) = &d.disputed_by {
        let _ = write!(
            explanation,
            " Disputed: another party denies it ('{}', {}) [{}].",
            r.text,
            where_(r, d.paragraph),
            super::dispute::RULE_ID
        );
    }
    if d.unconfirmed {
        explanation.push_str(" Marked unconfirmed by the text");
        push_rule_id(explanation, super::unconfirmed::RULE_ID);
    }
    if let Some(given) = d.anonymity_reason {
        explanation.push_str(if given {
            " The text says why the source is unnamed"
        } else {
            " The text does not say why the source is unnamed"
        });
        push_rule_id(explanation, super::anonymity::RULE_ID);
    }
    let content = (d.cand.content.start < d.cand.content.end && d.cand.content.end <= p.text.len())
        .then(|| Span::new(shared, trim(p.text, d.cand.content.clone())));
    Claim {
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
        retracted: d.retracted_by.is_some(),
        unconfirmed: d.unconfirmed,
        disputed: d.disputed_by.is_some(),
        anonymity_reason: d.anonymity_reason,
        rule: d.cand.rule.id.into(),
        kind_rule: d.kind_rule.id.into(),
        explanation: explanation.as_str().into(),
        sentence: d.cand.sentence,
        refers_to: d.refers_to.take(),
        retracted_by: d.retracted_by.take(),
        disputed_by: d.disputed_by.take(),
        listed: None,
        editor: None,
    }
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
