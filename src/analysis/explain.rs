//! Turning a draft claim into its final form, with the explanation a
//! student reads: which rule found the claim on which words, which rule
//! decided the kind and why, and what retracted, disputed or left it
//! unconfirmed.

use super::model::{Claim, Reference, Span};
use super::text::Paragraph;
use super::{Draft, ResolvedSource};

/// The filled-in explanation of a source's kind.
pub(super) fn kind_note(p: &Paragraph, s: &ResolvedSource) -> String {
    let words = &p.text[p.span(s.np.0, s.np.1)];
    s.rule
        .explanation
        .replace("{source}", words)
        .replace("{marker}", &s.marker)
}

fn quoted(p: &Paragraph, s: &ResolvedSource) -> String {
    format!("'{}'", &p.text[p.span(s.np.0, s.np.1)])
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
    let source_words = d
        .source
        .as_ref()
        .map(|s| quoted(p, s))
        .or_else(|| d.continued_source_text.as_ref().map(|t| format!("'{t}'")))
        .unwrap_or_else(|| "no one".to_string());
    let speaker_words = d
        .speakers
        .first()
        .map(|s| quoted(p, s))
        .unwrap_or_else(|| "the speaker".to_string());
    let mut explanation = d
        .cand
        .rule
        .explanation
        .replace("{cue}", cue_text)
        .replace("{source}", &source_words)
        .replace("{speaker}", &speaker_words);
    explanation.push_str(&format!(" [{}]. ", d.cand.rule.id));
    let mut kind_note = d.kind_note.clone();
    if let Some(first) = kind_note.get(..1) {
        kind_note.replace_range(..1, &first.to_uppercase());
    }
    explanation.push_str(&kind_note);
    explanation.push_str(&format!(" [{}].", d.kind_rule.id));
    if let Some(r) = &d.retracted_by {
        explanation.push_str(&format!(
            " Retracted: the material it rests on is withdrawn ('{}', {}) [{}].",
            r.text,
            where_(r, d.paragraph),
            super::retraction::RULE_ID
        ));
    }
    if let Some(r) = &d.disputed_by {
        explanation.push_str(&format!(
            " Disputed: another party denies it ('{}', {}) [{}].",
            r.text,
            where_(r, d.paragraph),
            super::dispute::RULE_ID
        ));
    }
    if d.unconfirmed {
        explanation.push_str(&format!(
            " Marked unconfirmed by the text [{}].",
            super::unconfirmed::RULE_ID
        ));
    }
    match d.anonymity_reason {
        Some(true) => explanation.push_str(&format!(
            " The text says why the source is unnamed [{}].",
            super::anonymity::RULE_ID
        )),
        Some(false) => explanation.push_str(&format!(
            " The text does not say why the source is unnamed [{}].",
            super::anonymity::RULE_ID
        )),
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
        rule: d.cand.rule.id.to_string(),
        kind_rule: d.kind_rule.id.to_string(),
        explanation,
        sentence: d.cand.sentence,
        refers_to: d.refers_to,
        retracted_by: d.retracted_by,
        disputed_by: d.disputed_by,
    }
}

/// A source's bytes, without a final possessive "’s" ("Moscow’s narrative").
fn source_range(p: &Paragraph, s: &ResolvedSource) -> std::ops::Range<usize> {
    let start = p.tokens[s.np.0].start;
    let end = p.tokens[s.np.1].stem_end;
    start..end
}

fn trim(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[r.clone()];
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
            .len();
    let body = slice.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let kept = body
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
        .len();
    r.start + lead..r.start + lead + kept
}
