//! `analyze --jsonl`: JSON Lines in, one result per record out, in order,
//! so archive pipelines (GNU parallel, `jq`, Spark's `RDD.pipe`, Ray, Dask)
//! can run the analyser with no glue. A record is `{"id", "text",
//! "format"}` (`format` optional: txt, md or html); a record that cannot be
//! read or analysed gets `{"id", "error"}` and the others go on.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use sourcelight::desk;
use sourcelight::document;
use sourcelight::report::{self, Article, Tool};
use sourcelight::retraction_lists::RetractionList;

use super::{AnalyzeArgs, EXIT_FAILURE};
use sourcelight::analysis::Analyzer;

/// The most read from standard input, as for an article file.
const MAX_STDIN_BYTES: u64 = 64 * 1024 * 1024;

/// Standard input, up to the article size limit.
pub fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: {e}"))?;
    if bytes.len() as u64 > MAX_STDIN_BYTES {
        return Err(format!(
            "standard input: more than {} MB",
            MAX_STDIN_BYTES / 1024 / 1024
        ));
    }
    Ok(bytes)
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    format: Option<String>,
}

/// One line's outcome: the record's id and its analysis, or why not.
type Outcome = (serde_json::Value, Result<desk::Opened, String>);

fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn one(line: &str, line_no: usize, analyzer: &Analyzer, lists: &[RetractionList]) -> Outcome {
    let record: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            // Keep the id when the line is JSON with one.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .map(|v| v["id"].clone())
                .unwrap_or(serde_json::Value::Null);
            return (id, Err(format!("line {line_no}: not a record: {e}")));
        }
    };
    let format = match record.format.as_deref() {
        None | Some("txt" | "text") => document::Format::Text,
        Some("md" | "markdown") => document::Format::Markdown,
        Some("html" | "htm") => document::Format::Html,
        Some(other) => {
            return (
                record.id,
                Err(format!(
                    "line {line_no}: unknown format {other:?} (txt, md or html)"
                )),
            );
        }
    };
    let name = id_text(&record.id);
    let name = if name.is_empty() {
        format!("line {line_no}")
    } else {
        name
    };
    let opened = desk::from_bytes(name, record.text.as_bytes(), format, analyzer, lists)
        .map_err(|e| e.to_string());
    (record.id, opened)
}

/// Reads every input's records, analyses them in parallel and writes the
/// results in input order. Returns the exit code: 2 when any record or
/// input failed.
pub fn analyze(
    args: &AnalyzeArgs,
    analyzer: &Analyzer,
    lists: &[RetractionList],
    tool: &Tool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut failed = false;
    for path in &args.files {
        let lines: Vec<String> = match read_lines(path) {
            Ok(l) => l,
            Err(e) => {
                failed = true;
                let _ = writeln!(err, "sourcelight: {e}");
                continue;
            }
        };
        let outcomes: Vec<Option<Outcome>> = lines
            .par_iter()
            .enumerate()
            .map(|(i, line)| (!line.trim().is_empty()).then(|| one(line, i + 1, analyzer, lists)))
            .collect();
        let mut rows = Vec::new();
        for (id, outcome) in outcomes.iter().flatten() {
            match outcome {
                Ok(opened) => {
                    let name = id_text(id);
                    if args.summary {
                        rows.push((name, opened));
                        continue;
                    }
                    let mut article = Article::new(&name, &opened.applied.analysis).by(tool);
                    article.id = Some(id);
                    let _ = writeln!(out, "{}", report::json::render(&article, false));
                }
                Err(e) => {
                    failed = true;
                    let _ = writeln!(err, "sourcelight: {}: {e}", path.display());
                    if !args.summary {
                        let record = serde_json::json!({"id": id, "error": e, "tool": tool});
                        let _ = writeln!(out, "{record}");
                    }
                }
            }
        }
        if args.summary {
            let articles: Vec<Article> = rows
                .iter()
                .map(|(name, opened)| Article::new(name, &opened.applied.analysis))
                .collect();
            let _ = out.write_all(super::summary_csv(&articles).as_bytes());
        }
    }
    let _ = out.flush();
    if failed { EXIT_FAILURE } else { 0 }
}

fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    let read = |r: &mut dyn BufRead| -> Result<Vec<String>, String> {
        r.lines()
            .map(|l| l.map_err(|e| format!("{}: {e}", path.display())))
            .collect()
    };
    if path.as_os_str() == "-" {
        read(&mut std::io::stdin().lock().take(MAX_STDIN_BYTES))
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        read(&mut std::io::BufReader::new(file))
    }
}
