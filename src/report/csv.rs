//! CSV: one row per claim, for spreadsheets. Written with the `csv` crate
//! so quoting of commas, quotes and line breaks is right. The first
//! fourteen columns are the ones desks asked for; the rest add the
//! analyser's own values and the policy checklist.

use super::{Article, policy_line};

pub const HEADER: [&str; 20] = [
    "file",
    "paragraph",
    "sentence",
    "cue",
    "source",
    "speaker",
    "kind",
    "retracted",
    "unconfirmed",
    "disputed",
    "rule",
    "explanation",
    "editor_decision",
    "note",
    "analyser_kind",
    "analyser_retracted",
    "anonymity_reason",
    "kind_rule",
    "paragraph_score",
    "policy",
];

pub fn render(articles: &[Article]) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for a in articles {
        for p in &a.analysis.paragraphs {
            for (ci, c) in p.claims.iter().enumerate() {
                let reason = c.anonymity_reason.map_or(String::new(), |r| r.to_string());
                let (analyser_kind, analyser_retracted) = match &c.editor {
                    Some(e) => (e.analyser_kind, e.analyser_retracted),
                    None => (c.kind, c.retracted),
                };
                let _ = w.write_record([
                    a.file,
                    &(p.index + 1).to_string(),
                    &(c.sentence + 1).to_string(),
                    c.cue.text(),
                    c.source.as_ref().map_or("", |s| s.text()),
                    c.speaker.as_ref().map_or("", |s| s.text()),
                    c.kind.label(),
                    &c.retracted.to_string(),
                    &c.unconfirmed.to_string(),
                    &c.disputed.to_string(),
                    c.rule,
                    &c.explanation(),
                    &c.editor.as_ref().map(|e| e.describe()).unwrap_or_default(),
                    p.note.as_deref().unwrap_or(""),
                    analyser_kind.label(),
                    &analyser_retracted.to_string(),
                    &reason,
                    c.kind_rule,
                    &p.score.to_string(),
                    &policy_line(a.policy(), p.index, ci).unwrap_or_default(),
                ]);
            }
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
