//! CSV: one row per claim, for spreadsheets. Written with the `csv` crate
//! so quoting of commas, quotes and line breaks is right.

use super::Article;

pub const HEADER: [&str; 15] = [
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
    "anonymity_reason",
    "rule",
    "kind_rule",
    "paragraph_score",
    "explanation",
];

pub fn render(articles: &[Article]) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for a in articles {
        for p in &a.analysis.paragraphs {
            for c in &p.claims {
                let reason = c.anonymity_reason.map_or(String::new(), |r| r.to_string());
                let _ = w.write_record([
                    a.file,
                    &(p.index + 1).to_string(),
                    &(c.sentence + 1).to_string(),
                    &c.cue.text,
                    c.source.as_ref().map_or("", |s| &s.text),
                    c.speaker.as_ref().map_or("", |s| &s.text),
                    c.kind.label(),
                    &c.retracted.to_string(),
                    &c.unconfirmed.to_string(),
                    &c.disputed.to_string(),
                    &reason,
                    &c.rule,
                    &c.kind_rule,
                    &p.score.to_string(),
                    &c.explanation,
                ]);
            }
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
