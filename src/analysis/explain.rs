//! A claim's explanation, the text a student reads: which rule found the
//! claim on which words, which rule decided the kind and why, and what
//! retracted, disputed or left it unconfirmed.
//!
//! One pure function of the claim: every fact it needs is in the
//! [`Claim`] (its spans, rule ids, the words the kind rests on, the links
//! with their words and rules). It is written when read — the window
//! shows one explanation at a time, `analyze --summary` none — and no
//! layer (retraction lists, editor decisions) keeps a copy to patch.

use std::fmt::Write;

use super::detect::rule_info;
use super::model::{Claim, LISTED_RULE, Link};
use super::sources::kind_rule;

/// Fills `{name}` placeholders; a part in `[…]` is written only when
/// `optional` is true.
fn fill(template: &str, optional: bool, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    let mut in_optional = false;
    while let Some(c) = rest.chars().next() {
        match c {
            '[' if !in_optional => {
                in_optional = true;
                rest = &rest[1..];
            }
            ']' if in_optional => {
                in_optional = false;
                rest = &rest[1..];
            }
            '{' => match rest.find('}') {
                Some(close) => {
                    let name = &rest[1..close];
                    if !in_optional || optional {
                        match value(name) {
                            Some(v) => out.push_str(&v),
                            None => out.push_str(&rest[..=close]),
                        }
                    }
                    rest = &rest[close + 1..];
                }
                None => {
                    out.push_str(rest);
                    break;
                }
            },
            c => {
                if !in_optional || optional {
                    out.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn quoted(words: &str) -> String {
    format!("'{words}'")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn where_(link_paragraph: usize, here: Option<usize>) -> String {
    if Some(link_paragraph) == here {
        "in this paragraph".to_string()
    } else {
        format!("in paragraph {}", link_paragraph + 1)
    }
}

fn linked(out: &mut String, what: &str, link: &Link, here: Option<usize>) {
    let _ = write!(
        out,
        " {what}: '{}' {}",
        link.text,
        where_(link.paragraph, here)
    );
    if let Some(item) = &link.item {
        let _ = write!(
            out,
            " concerns '{}' ({})",
            item.text,
            where_(item.paragraph, here)
        );
    }
    let _ = write!(out, " [{}].", link.rule);
}

/// The explanation of a claim.
pub fn explain(c: &Claim) -> String {
    let mut out = String::with_capacity(256);
    let here = Some(c.paragraph);
    // A quotation continued in a paragraph of its own has its source in an
    // earlier one: the words it points back to stand for it.
    let earlier = c
        .source
        .is_none()
        .then_some(c.refers_to.as_deref())
        .flatten()
        .filter(|r| r.paragraph != c.paragraph);
    let source = c
        .source
        .as_ref()
        .map(|s| s.text())
        .or(earlier.map(|r| r.text.as_str()));
    let speaker = c.speaker.as_ref().map(|s| s.text());
    match rule_info(c.rule) {
        Some(rule) => {
            out.push_str(&fill(rule.explanation, true, |name| match name {
                "cue" => Some(c.cue.text().to_string()),
                "source" => Some(match (source, earlier) {
                    (Some(s), Some(r)) => format!("{} ({})", quoted(s), where_(r.paragraph, here)),
                    (Some(s), None) => quoted(s),
                    (None, _) => "no one".to_string(),
                }),
                "speaker" => Some(speaker.map_or_else(|| "the speaker".to_string(), quoted)),
                _ => None,
            }));
            let _ = write!(out, " [{}].", rule.id);
        }
        None => {
            let _ = write!(
                out,
                "'{}' attributes the statement [{}].",
                c.cue.text(),
                c.rule
            );
        }
    }
    // Why the kind: the phrase the kind rests on and the rule that read it.
    let phrase = if c.kind_from_speaker {
        speaker
    } else {
        source.or(speaker)
    };
    if let Some(rule) = kind_rule(c.kind_rule) {
        let marker = c.kind_marker.as_ref().map(|m| m.text.clone());
        let phrase = phrase.unwrap_or("");
        let marker_text = match (&c.kind_marker, rule.id) {
            (
                Some(m),
                "source.coreference" | "source.pronoun" | "source.named-later" | "source.relay",
            ) => {
                format!("'{}' ({})", m.text, where_(m.paragraph, here))
            }
            _ => marker.clone().unwrap_or_default(),
        };
        let note = fill(
            rule.explanation,
            marker.as_deref().is_some_and(|m| m != phrase),
            |name| match name {
                "source" => Some(phrase.to_string()),
                "marker" => Some(marker_text.clone()),
                "kind" => Some(c.kind.label().to_string()),
                _ => None,
            },
        );
        out.push(' ');
        if c.kind_from_speaker {
            let _ = write!(
                out,
                "The inner speaker is unnamed: {note}, so the claim is {} (weakest link)",
                c.kind.label()
            );
        } else {
            out.push_str(&capitalize(&note));
        }
        let _ = write!(out, " [{}].", rule.id);
    }
    if let Some(r) = &c.retracted_by {
        linked(&mut out, "Retracted", r, here);
    }
    if let Some(r) = &c.disputed_by {
        linked(&mut out, "Disputed by another party", r, here);
    }
    if c.unconfirmed {
        out.push_str(" Marked unconfirmed by the text [link.unconfirmed].");
    }
    if let Some(given) = c.anonymity_reason {
        out.push_str(if given {
            " The text says why the source is unnamed [link.anonymity-reason]."
        } else {
            " The text does not say why the source is unnamed [link.anonymity-reason]."
        });
    }
    if let Some(l) = &c.listed {
        let nature = if l.nature.is_empty() {
            "retracted".to_string()
        } else {
            l.nature.to_lowercase()
        };
        let date = if l.date.is_empty() {
            String::new()
        } else {
            format!(", {}", l.date)
        };
        let _ = write!(
            out,
            " Retracted: the sentence cites '{}', listed in {} ({nature}{date}) [{LISTED_RULE}].",
            l.matched.text(),
            l.list
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::article;

    #[test]
    fn an_explanation_names_each_rule_and_its_words() {
        let a = article(
            "Two officials told the Harbour Gazette that the port would be sold.\n\n\
             The Gazette later retracted the story.",
        );
        let c = &a.paragraphs[0].claims[0];
        let e = c.explanation();
        for want in [
            "'told'",
            "[attribution.speech-verb]",
            "'Two officials'",
            "anonymous",
            "'retracted'",
            "[retraction.",
        ] {
            assert!(e.contains(want), "{want:?} missing from: {e}");
        }
    }
}
