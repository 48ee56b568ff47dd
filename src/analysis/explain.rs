//! Turning a draft claim into its final form, with the explanation a
//! student reads: which rule found the claim on which words, which rule
//! decided the kind and why, and what retracted, disputed or left it
//! unconfirmed.
//!
//! Explanations are built for every claim, so templates are filled in one
//! pass into one string rather than by repeated `replace`.

use std::fmt::Write;

use super::model::{Claim, Reference, Span};
use super::text::Paragraph;
use super::{Draft, Marker, ResolvedSource};

/// Appends `template` to `out`, replacing `{name}` by `value(name)`.
fn fill(out: &mut String, template: &str, value: impl Fn(&str) -> Option<String>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        match value(name) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

fn words<'a>(p: &'a Paragraph, s: &ResolvedSource) -> &'a str {
    &p.text[p.span(s.np.0, s.np.1)]
}

/// Appends the filled-in explanation of a source's kind.
fn push_kind_note(out: &mut String, p: &Paragraph, s: &ResolvedSource) {
    let source = words(p, s);
    let marker = match &s.marker {
        Marker::Word(i) => p.word(*i).to_string(),
        Marker::Text(t) => t.clone(),
    };
    let template = s.rule.explanation;
    // "[ ('{marker}')]" adds nothing when the marker is the whole source.
    let (template, optional) = match (template.find('['), template.find(']')) {
        (Some(a), Some(b)) if a < b => {
            let shown = if marker == source {
                ""
            } else {
                &template[a + 1..b]
            };
            (
                format!("{}{}{}", &template[..a], shown, &template[b + 1..]),
                true,
            )
        }
        _ => (String::new(), false),
    };
    let template = if optional {
        template.as_str()
    } else {
        s.rule.explanation
    };
    fill(out, template, |name| match name {
        "source" => Some(source.to_string()),
        "marker" => Some(marker.clone()),
        _ => None,
    });
}

/// The explanation of a claim's kind: its source's, and the inner speaker
/// that made it anonymous when the weakest link decided.
pub(super) fn kind_explanation(p: &Paragraph, d: &Draft) -> String {
    if let Some(note) = &d.kind_note {
        return note.clone();
    }
    let mut out = String::with_capacity(160);
    let Some(source) = d.source.as_ref() else {
        out.push_str(d.kind_rule.explanation);
        return out;
    };
    push_kind_note(&mut out, p, source);
    if let Some(s) = d.weakest_speaker.and_then(|i| d.speakers.get(i)) {
        out.push_str("; but the inner speaker is unnamed: ");
        push_kind_note(&mut out, p, s);
        let _ = write!(out, ", so the claim is {} (weakest link)", s.kind.label());
    }
    out
}

fn where_(r: &Reference, here: usize) -> String {
    if r.paragraph == here {
        "in this paragraph".to_string()
    } else {
        format!("in paragraph {}", r.paragraph + 1)
    }
}

pub(super) fn finish(p: &Paragraph, d: Draft) -> Claim {
    let cue_text = &p.text[d.cue.clone()];
    let mut explanation = String::with_capacity(320);
    fill(
        &mut explanation,
        d.cand.rule.explanation,
        |name| match name {
            "cue" => Some(cue_text.to_string()),
            "source" => Some(
                d.source
                    .as_ref()
                    .map(|s| format!("'{}'", words(p, s)))
                    .or_else(|| d.continued_source_text.as_ref().map(|t| format!("'{t}'")))
                    .unwrap_or_else(|| "no one".to_string()),
            ),
            "speaker" => Some(
                d.speakers
                    .first()
                    .map(|s| format!("'{}'", words(p, s)))
                    .unwrap_or_else(|| "the speaker".to_string()),
            ),
            _ => None,
        },
    );
    let _ = write!(explanation, " [{}]. ", d.cand.rule.id);
    let note = kind_explanation(p, &d);
    let mut chars = note.chars();
    if let Some(first) = chars.next() {
        explanation.extend(first.to_uppercase());
        explanation.push_str(chars.as_str());
    }
    let _ = write!(explanation, " [{}].", d.kind_rule.id);
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
        let _ = write!(
            explanation,
            " Marked unconfirmed by the text [{}].",
            super::unconfirmed::RULE_ID
        );
    }
    match d.anonymity_reason {
        Some(true) => {
            let _ = write!(
                explanation,
                " The text says why the source is unnamed [{}].",
                super::anonymity::RULE_ID
            );
        }
        Some(false) => {
            let _ = write!(
                explanation,
                " The text does not say why the source is unnamed [{}].",
                super::anonymity::RULE_ID
            );
        }
        None => {}
    }
    let content = (d.cand.content.start < d.cand.content.end && d.cand.content.end <= p.text.len())
        .then(|| Span::new(p.text, trim(p.text, d.cand.content.clone())));
    Claim {
        cue: Span::new(p.text, d.cue.clone()),
        source: d
            .source
            .as_ref()
            .map(|s| Span::new(p.text, source_range(p, s))),
        speaker: d
            .speakers
            .first()
            .map(|s| Span::new(p.text, source_range(p, s))),
        content,
        kind: d.kind,
        retracted: d.retracted_by.is_some(),
        unconfirmed: d.unconfirmed,
        disputed: d.disputed_by.is_some(),
        anonymity_reason: d.anonymity_reason,
        rule: d.cand.rule.id.into(),
        kind_rule: d.kind_rule.id.into(),
        explanation,
        sentence: d.cand.sentence,
        refers_to: d.refers_to,
        retracted_by: d.retracted_by.map(Box::new),
        disputed_by: d.disputed_by.map(Box::new),
        listed: None,
        editor: None,
    }
}

/// A source's bytes, without a final possessive "’s" ("Moscow’s narrative").
fn source_range(p: &Paragraph, s: &ResolvedSource) -> std::ops::Range<usize> {
    p.tokens[s.np.0].start..p.tokens[s.np.1].stem_end()
}

fn trim(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[r.clone()];
    let is_edge = |c: char| c.is_whitespace() || c == ',';
    let body = slice.trim_start_matches(is_edge);
    let lead = slice.len() - body.len();
    let kept = body.trim_end_matches(is_edge).len();
    r.start + lead..r.start + lead + kept
}
