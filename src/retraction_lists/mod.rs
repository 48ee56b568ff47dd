//! Retraction lists: papers and reports known to be retracted, loaded from
//! the Retraction Watch database (as Crossref publishes it) or from a
//! newsroom's own JSON list, and matched against the DOIs and titles an
//! article cites.
//!
//! Titles are matched as word sequences, ignoring case and punctuation
//! ([`titles`]), so "Vitamin D levels: predicting recovery" in a list
//! matches "vitamin D levels predicting recovery" in an article.
//!
//! A claim whose sentence cites a listed DOI or title rests on retracted
//! material, whatever the article itself says about it. Parsing takes
//! bytes and matching takes an analysis: no files here, so the window can
//! load a 60 MB list on a worker thread and tests need no disk.

mod newsroom;
mod watch;

mod titles;

use std::collections::HashMap;

use crate::analysis::model::ListedRetraction;
use crate::analysis::{Analysis, Analyzer, Span, score};

pub use newsroom::parse_json;
pub use watch::parse_csv;

/// Rule id shown in explanations of list matches.
pub use crate::analysis::model::LISTED_RULE as RULE_ID;

/// Titles shorter than this are not matched: "Introduction" or "Reply"
/// would turn up in any article.
const MIN_TITLE_CHARS: usize = 24;

/// One retracted paper or report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub title: String,
    /// Lower-case, without `https://doi.org/`.
    pub doi: String,
    pub nature: String,
    pub date: String,
    pub reason: String,
}

/// A loaded list, indexed for matching.
#[derive(Debug, Clone)]
pub struct RetractionList {
    /// Where it came from (a file name), shown with each match.
    pub name: String,
    pub entries: Vec<Entry>,
    /// Rows that could not be read (broken quoting, no title or DOI).
    pub skipped: usize,
    by_doi: HashMap<String, usize>,
    titles: titles::TitleIndex,
}

impl RetractionList {
    /// Indexes entries by DOI and title.
    pub fn new(name: String, entries: Vec<Entry>, skipped: usize) -> RetractionList {
        let mut by_doi = HashMap::new();
        let mut titles = titles::TitleIndex::default();
        for (i, e) in entries.iter().enumerate() {
            if !e.doi.is_empty() {
                by_doi.entry(e.doi.clone()).or_insert(i);
            }
            if e.title.trim().chars().count() >= MIN_TITLE_CHARS {
                titles.insert(&e.title, i);
            }
        }
        RetractionList {
            name,
            entries,
            skipped,
            by_doi,
            titles,
        }
    }

    /// The entries a paragraph cites, with the byte range of each citation.
    pub fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, &Entry)> {
        let mut out = Vec::new();
        for (range, doi) in dois(text) {
            if let Some(&i) = self.by_doi.get(&doi) {
                out.push((range, &self.entries[i]));
            }
        }
        for (range, i) in self.titles.find(text) {
            out.push((range, &self.entries[i]));
        }
        out.sort_by_key(|(r, _)| r.start);
        out
    }
}

/// Largest list read (the whole Retraction Watch database is ~60 MB).
const MAX_LIST_BYTES: u64 = 512 * 1024 * 1024;

/// Reads a list file: `.json` as a newsroom list, anything else as a
/// Retraction Watch CSV. Errors name the file.
pub fn load(path: &std::path::Path) -> Result<RetractionList, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: cannot read retraction list: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{shown}: is a folder, not a retraction list"));
    }
    if meta.len() > MAX_LIST_BYTES {
        return Err(format!(
            "{shown}: retraction list is larger than the {} MB limit",
            MAX_LIST_BYTES / (1024 * 1024)
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{shown}: cannot read retraction list: {e}"))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (entries, skipped) = if is_json {
        parse_json(&bytes)
    } else {
        parse_csv(&bytes)
    }
    .map_err(|e| format!("{shown}: not a usable retraction list: {e}"))?;
    let name = path
        .file_name()
        .map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
    Ok(RetractionList::new(name, entries, skipped))
}

/// Lower-cases a DOI and strips `https://doi.org/`, `doi:` and the like.
pub fn normalize_doi(raw: &str) -> String {
    let d = raw.trim().to_lowercase();
    let d = d
        .strip_prefix("https://doi.org/")
        .or_else(|| d.strip_prefix("http://doi.org/"))
        .or_else(|| d.strip_prefix("https://dx.doi.org/"))
        .or_else(|| d.strip_prefix("http://dx.doi.org/"))
        .or_else(|| d.strip_prefix("doi.org/"))
        .or_else(|| d.strip_prefix("doi:"))
        .unwrap_or(&d)
        .trim();
    if d.starts_with("10.") && d.contains('/') {
        d.to_string()
    } else {
        String::new()
    }
}

/// DOIs written in a text ("10.1000/xyz123", with or without a resolver
/// in front), with their byte ranges; trailing punctuation is not part of
/// a DOI in running text.
fn dois(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("10.") {
        let start = from + at;
        from = start + 3;
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest = &text[start..];
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '”' || c == '<')
            .unwrap_or(rest.len());
        let candidate = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '\'', '’']);
        let doi = normalize_doi(candidate);
        let registrant = doi[3..].split('/').next().unwrap_or("");
        if !doi.is_empty()
            && registrant.len() >= 4
            && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && doi.len() > registrant.len() + 4
        {
            out.push((start..start + candidate.len(), doi));
            from = start + candidate.len();
        }
    }
    out
}

/// Marks every claim whose sentence cites an entry of `lists` as retracted
/// and rescores. Returns how many claims were marked.
pub fn mark(analysis: &mut Analysis, lists: &[RetractionList], analyzer: &Analyzer) -> usize {
    if lists.is_empty() {
        return 0;
    }
    let mut marked = 0;
    for p in &mut analysis.paragraphs {
        let found: Vec<_> = lists
            .iter()
            .flat_map(|l| l.find(&p.text).into_iter().map(move |(r, e)| (l, r, e)))
            .collect();
        if found.is_empty() {
            continue;
        }
        let sentences = analyzer.sentences(&p.text);
        let sentence_of = |at: usize| sentences.iter().position(|s| s.contains(&at));
        for (list, range, entry) in found {
            let here = sentence_of(range.start);
            for c in p.claims.iter_mut().filter(|c| Some(c.sentence) == here) {
                if c.listed.is_some() {
                    continue;
                }
                let listed = ListedRetraction {
                    list: list.name.clone(),
                    matched: Span::new(&p.text, range.clone()),
                    title: entry.title.clone(),
                    doi: entry.doi.clone(),
                    nature: entry.nature.clone(),
                    date: entry.date.clone(),
                    reason: entry.reason.clone(),
                };
                c.retracted = true;
                c.listed = Some(Box::new(listed));
                marked += 1;
            }
        }
    }
    let weights = &analyzer.rules().weights;
    for p in &mut analysis.paragraphs {
        score::recount(p, weights);
    }
    analysis.summary = score::summarize(&analysis.paragraphs);
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> RetractionList {
        RetractionList::new(
            "test list".into(),
            vec![Entry {
                title: "Vitamin D levels predict recovery from seasonal influenza".into(),
                doi: "10.1234/flu.2021.77".into(),
                nature: "Retraction".into(),
                date: "2024-01-15".into(),
                reason: "Falsification of data".into(),
            }],
            0,
        )
    }

    #[test]
    fn dois_are_found_with_or_without_resolver() {
        let found =
            dois("See https://doi.org/10.1234/FLU.2021.77. Also doi:10.5555/abc, and 10.1/x.");
        let got: Vec<&str> = found.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(got, ["10.1234/flu.2021.77", "10.5555/abc"]);
        assert_eq!(normalize_doi("https://doi.org/10.1/ABC"), "10.1/abc");
        assert_eq!(normalize_doi("unavailable"), "");
    }

    #[test]
    fn a_cited_doi_or_title_marks_the_claims_of_its_sentence() {
        let analyzer = Analyzer::default();
        let mut a = analyzer.analyze(&[
            "The minister said vitamin D cut flu deaths, citing a study (doi:10.1234/flu.2021.77). The mayor said schools stay open.",
            "A spokesman said the paper \"Vitamin D levels predict recovery from seasonal influenza\" settled it.",
        ]);
        let before = a.summary.score;
        let n = mark(&mut a, &[list()], &analyzer);
        assert_eq!(n, 2);
        let first = &a.paragraphs[0].claims;
        assert!(first[0].retracted && first[0].listed.is_some());
        assert!(!first[1].retracted, "the next sentence does not cite it");
        assert!(first[0].explanation().contains("[retraction-list]"));
        let listed = a.paragraphs[1].claims[0].listed.as_ref().unwrap();
        assert_eq!(listed.reason, "Falsification of data");
        assert_eq!(a.summary.score, before + 4);
    }

    #[test]
    fn titles_match_whole_words_only() {
        let l = list();
        assert!(
            l.find("xVitamin D levels predict recovery from seasonal influenza")
                .is_empty()
        );
        assert_eq!(
            l.find("“vitamin d levels predict recovery from seasonal influenza”")
                .len(),
            1
        );
    }
}
