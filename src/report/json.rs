//! The JSON contract: `{"file", "summary", "paragraphs", "tool"}` per article, one
//! object per line unless pretty-printed. Other tools read this; the field
//! names are documented in the README.
//!
//! Claims on anonymous sources also carry `policy`, the checklist of
//! [`crate::analysis::policy`]; an article whose editor decisions no longer
//! fit its text carries `unplaced`.
//!
//! Objects are written with their keys in alphabetical order, as a
//! `serde_json::Value` writes them. Each paragraph goes through a `Value`
//! of its own, to add its claims' checklists, and is written before the
//! next is built: a `Value` of the whole article would take several times
//! the memory of the analysis (380 MB for 5 MB of news).

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::Article;
use crate::analysis::policy::Check;
use crate::analysis::{Claim, Link, ParagraphAnalysis, Reference, Span};

#[derive(Serialize)]
struct JsonCheck<'a> {
    id: &'a str,
    question: &'a str,
    verdict: &'a str,
    why: &'a str,
}

pub fn render(article: &Article, pretty: bool) -> String {
    // News comes out at about seven times its text (explanations are
    // long): reserved once rather than doubled up to 140 MB.
    let text: usize = article
        .analysis
        .paragraphs
        .iter()
        .map(|p| p.text.len())
        .sum();
    let mut out = Vec::with_capacity(text * 7 + 4096);
    let value = JsonArticle(article);
    let result = if pretty {
        serde_json::to_writer_pretty(&mut out, &value)
    } else {
        serde_json::to_writer(&mut out, &value)
    };
    match result {
        // serde_json writes only UTF-8.
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// The article object: `file`, `id` (JSON Lines input), `paragraphs`,
/// `summary`, `tool` (which analyser and rules) and, when there are any,
/// `unplaced`, in that (alphabetical) order.
struct JsonArticle<'a, 'b>(&'b Article<'a>);

impl Serialize for JsonArticle<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let article = self.0;
        let fields = 3
            + usize::from(!article.unplaced.is_empty())
            + usize::from(article.id.is_some())
            + usize::from(article.tool.is_some());
        let mut out = serializer.serialize_struct("Article", fields)?;
        out.serialize_field("file", article.file)?;
        if let Some(id) = article.id {
            out.serialize_field("id", id)?;
        }
        out.serialize_field("paragraphs", &JsonParagraphs(article))?;
        let summary = serde_json::to_value(&article.analysis.summary).map_err(S::Error::custom)?;
        out.serialize_field("summary", &summary)?;
        if let Some(tool) = article.tool {
            out.serialize_field("tool", tool)?;
        }
        if !article.unplaced.is_empty() {
            let unplaced: Vec<serde_json::Value> = article
                .unplaced
                .iter()
                .map(|u| serde_json::json!({"paragraph": u.paragraph, "decision": u.what}))
                .collect();
            out.serialize_field("unplaced", &unplaced)?;
        }
        out.end()
    }
}

/// The paragraphs, written straight from the analysis with every
/// object's keys in alphabetical order, as a `Value` would write them
/// (a test holds the two equal): building a `Value` per paragraph cost a
/// third of `--format json` on long articles.
struct JsonParagraphs<'a, 'b>(&'b Article<'a>);

impl Serialize for JsonParagraphs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let article = self.0;
        let paragraphs = &article.analysis.paragraphs;
        let mut out = serializer.serialize_seq(Some(paragraphs.len()))?;
        for (pi, p) in paragraphs.iter().enumerate() {
            out.serialize_element(&JsonParagraph { p, pi, article })?;
        }
        out.end()
    }
}

struct JsonParagraph<'a, 'b> {
    p: &'b ParagraphAnalysis,
    pi: usize,
    article: &'b Article<'a>,
}

impl Serialize for JsonParagraph<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.p;
        let n = 6 + usize::from(p.analyser_score.is_some()) + usize::from(p.note.is_some());
        let mut o = serializer.serialize_struct("Paragraph", n)?;
        if let Some(a) = p.analyser_score {
            o.serialize_field("analyser_score", &a)?;
        }
        o.serialize_field("anonymous", &p.anonymous)?;
        o.serialize_field("claims", &JsonClaims(self))?;
        o.serialize_field("index", &p.index)?;
        if let Some(note) = &p.note {
            o.serialize_field("note", note)?;
        }
        o.serialize_field("retracted", &p.retracted)?;
        o.serialize_field("score", &p.score)?;
        o.serialize_field("text", &*p.text)?;
        o.end()
    }
}

struct JsonClaims<'a, 'b, 'c>(&'c JsonParagraph<'a, 'b>);

impl Serialize for JsonClaims<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let JsonParagraph { p, pi, article } = self.0;
        let mut out = serializer.serialize_seq(Some(p.claims.len()))?;
        for (ci, c) in p.claims.iter().enumerate() {
            let checks = article.policy().checks(*pi, ci);
            out.serialize_element(&JsonClaim { c, checks })?;
        }
        out.end()
    }
}

/// A claim and its checklist (`policy`, when it has checks).
struct JsonClaim<'a> {
    c: &'a Claim,
    checks: Vec<Check>,
}

impl<'a> Serialize for JsonClaim<'a> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.c;
        let n = 13
            + usize::from(c.refers_to.is_some())
            + usize::from(c.retracted_by.is_some())
            + usize::from(c.disputed_by.is_some())
            + usize::from(c.listed.is_some())
            + usize::from(c.editor.is_some())
            + usize::from(!self.checks.is_empty());
        let span = |s: &'a Option<Span>| s.as_ref().map(JsonSpan);
        let mut o = serializer.serialize_struct("Claim", n)?;
        o.serialize_field("anonymity_reason", &c.anonymity_reason)?;
        o.serialize_field("content", &span(&c.content))?;
        o.serialize_field("cue", &JsonSpan(&c.cue))?;
        o.serialize_field("disputed", &c.disputed)?;
        if let Some(l) = &c.disputed_by {
            o.serialize_field("disputed_by", &JsonLink(l))?;
        }
        if let Some(e) = &c.editor {
            // Rare: a `Value` orders its keys.
            let e = serde_json::to_value(e).map_err(S::Error::custom)?;
            o.serialize_field("editor", &e)?;
        }
        o.serialize_field("explanation", &c.explanation())?;
        o.serialize_field("kind", &c.kind)?;
        o.serialize_field("kind_rule", c.kind_rule)?;
        if let Some(l) = &c.listed {
            let l = serde_json::to_value(l).map_err(S::Error::custom)?;
            o.serialize_field("listed", &l)?;
        }
        if !self.checks.is_empty() {
            o.serialize_field("policy", &json_checks(&self.checks))?;
        }
        if let Some(r) = &c.refers_to {
            o.serialize_field("refers_to", &JsonReference(r))?;
        }
        o.serialize_field("retracted", &c.retracted)?;
        if let Some(l) = &c.retracted_by {
            o.serialize_field("retracted_by", &JsonLink(l))?;
        }
        o.serialize_field("rule", c.rule)?;
        o.serialize_field("sentence", &c.sentence)?;
        o.serialize_field("source", &span(&c.source))?;
        o.serialize_field("speaker", &span(&c.speaker))?;
        o.serialize_field("unconfirmed", &c.unconfirmed)?;
        o.end()
    }
}

/// A claim's checklist as JSON objects.
fn json_checks(checks: &[Check]) -> Vec<JsonCheck<'_>> {
    checks
        .iter()
        .map(|k| JsonCheck {
            id: k.id,
            question: k.question,
            verdict: k.verdict.label(),
            why: &k.why,
        })
        .collect()
}

/// `{"end", "start", "text"}`.
struct JsonSpan<'a>(&'a Span);

impl Serialize for JsonSpan<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut o = serializer.serialize_struct("Span", 3)?;
        o.serialize_field("end", &self.0.end)?;
        o.serialize_field("start", &self.0.start)?;
        o.serialize_field("text", self.0.text())?;
        o.end()
    }
}

/// `{"end", "paragraph", "start", "text"}`.
struct JsonReference<'a>(&'a Reference);

impl Serialize for JsonReference<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut o = serializer.serialize_struct("Reference", 4)?;
        o.serialize_field("end", &r.end)?;
        o.serialize_field("paragraph", &r.paragraph)?;
        o.serialize_field("start", &r.start)?;
        o.serialize_field("text", &r.text)?;
        o.end()
    }
}

/// A reference's fields with `item` (when known) and `rule`.
struct JsonLink<'a>(&'a Link);

impl Serialize for JsonLink<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let l = self.0;
        let mut o = serializer.serialize_struct("Link", 5 + usize::from(l.item.is_some()))?;
        o.serialize_field("end", &l.end)?;
        if let Some(item) = &l.item {
            o.serialize_field("item", &JsonReference(item))?;
        }
        o.serialize_field("paragraph", &l.paragraph)?;
        o.serialize_field("rule", l.rule)?;
        o.serialize_field("start", &l.start)?;
        o.serialize_field("text", &l.text)?;
        o.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::{EditorDecision, ListedRetraction};
    use crate::analysis::{Analyzer, SourceKind};

    /// How paragraphs were written before: each through a `Value`, which
    /// orders every object's keys, with the checklists added to it.
    fn through_value(article: &Article, pi: usize) -> serde_json::Value {
        let mut value = serde_json::to_value(&article.analysis.paragraphs[pi]).unwrap();
        let claims = value["claims"].as_array_mut().unwrap();
        for (ci, c) in claims.iter_mut().enumerate() {
            let checks = article.policy().checks(pi, ci);
            let checks = json_checks(&checks);
            if !checks.is_empty() {
                c["policy"] = serde_json::to_value(checks).unwrap();
            }
        }
        value
    }

    #[test]
    fn paragraphs_are_written_as_a_value_would_write_them() {
        let mut analysis = Analyzer::default().analyze(&[
            "The Ledger reported that the mayor took bribes, citing two officials \
             who spoke on condition of anonymity.",
            "\"We will not back down,\" one official said. \"Never.\"",
            "\"We will take this fight to every court in the state.\"",
            "The Ledger later retracted the report. The mayor denied that he \
             took bribes, and he said the audit, published in Nature, was clean.",
            "It is believed that the depot will close.",
        ]);
        // The rare fields a review or a retraction list adds.
        let p = &mut analysis.paragraphs[1];
        p.note = Some("Ask who \"one official\" is.".into());
        p.analyser_score = Some(3);
        let c = &mut p.claims[0];
        c.editor = Some(Box::new(EditorDecision {
            analyser_kind: SourceKind::Anonymous,
            analyser_retracted: false,
            kind: Some(SourceKind::Named),
            retracted: None,
            dismissed: Some("named in the print edition".into()),
        }));
        c.listed = Some(Box::new(ListedRetraction {
            list: "house.json".into(),
            matched: c.cue.clone(),
            title: "A title".into(),
            doi: "10.1000/x".into(),
            nature: String::new(),
            date: "2026-01-02".into(),
            reason: String::new(),
        }));
        let article = Article::new("a.txt", &analysis);
        let fields =
            |f: fn(&Claim) -> bool| analysis.paragraphs.iter().flat_map(|p| &p.claims).any(f);
        assert!(fields(|c| c.retracted_by.is_some()), "a retraction link");
        assert!(fields(|c| c.refers_to.is_some()), "a reference back");
        assert!(fields(|c| c.content.is_none() || c.source.is_none()));
        assert!(
            (0..analysis.paragraphs.len())
                .any(|pi| (0..4).any(|ci| !article.policy().checks(pi, ci).is_empty())),
            "a checklist"
        );
        for pi in 0..analysis.paragraphs.len() {
            let direct = JsonParagraph {
                p: &analysis.paragraphs[pi],
                pi,
                article: &article,
            };
            let value = through_value(&article, pi);
            assert_eq!(
                serde_json::to_string(&direct).unwrap(),
                serde_json::to_string(&value).unwrap()
            );
            assert_eq!(
                serde_json::to_string_pretty(&direct).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
