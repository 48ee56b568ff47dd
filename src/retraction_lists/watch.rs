//! The Retraction Watch database as Crossref publishes it: a CSV whose
//! header names the columns (Record ID, Title, …, RetractionDate,
//! OriginalPaperDOI, RetractionNature, Reason, …), list fields joined by
//! `;`, dates like `1/15/2024 0:00`.
//!
//! The file is known to hold bytes that are not UTF-8, so each field is
//! decoded on its own: UTF-8 where it is valid, Windows-1252 (a superset of
//! Latin-1) where it is not. A row the `csv` crate cannot read (broken
//! quoting) is counted and skipped; the rest of the list still loads.

use super::{Entry, normalize_doi};

/// Parses a Retraction Watch CSV. Errors only when the header lacks the
/// columns needed to match anything (Title and OriginalPaperDOI).
pub fn parse_csv(bytes: &[u8]) -> Result<(Vec<Entry>, usize), String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader
        .byte_headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .clone();
    let column = |name: &str| {
        header.iter().position(|h| {
            decode(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    };
    let title = column("Title");
    let doi = column("OriginalPaperDOI");
    if title.is_none() && doi.is_none() {
        return Err("not a Retraction Watch list: no Title or OriginalPaperDOI column".into());
    }
    let (nature, date, reason) = (
        column("RetractionNature"),
        column("RetractionDate"),
        column("Reason"),
    );
    let mut entries = Vec::new();
    let mut skipped = 0;
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => {
                skipped += 1;
                // A broken row may leave the reader mid-field; it resumes at
                // the next line it can parse.
                if skipped > 1_000_000 {
                    break;
                }
                continue;
            }
        }
        let field = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(decode)
                .unwrap_or_default()
        };
        let e = Entry {
            title: field(title).trim().to_string(),
            doi: normalize_doi(&field(doi)),
            nature: field(nature).trim().to_string(),
            date: us_date(&field(date)),
            reason: list_field(&field(reason)),
        };
        if e.title.is_empty() && e.doi.is_empty() {
            skipped += 1;
        } else {
            entries.push(e);
        }
    }
    Ok((entries, skipped))
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// `1/15/2024 0:00` → `2024-01-15`; anything else is kept as written.
fn us_date(raw: &str) -> String {
    let day = raw.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = day.split('/').collect();
    if let [m, d, y] = parts[..]
        && let (Ok(m), Ok(d), Ok(y)) = (m.parse::<u32>(), d.parse::<u32>(), y.parse::<u32>())
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    raw.trim().to_string()
}

/// `+Falsification of data;+Misconduct;` → `Falsification of data; Misconduct`.
fn list_field(raw: &str) -> String {
    raw.split(';')
        .map(|s| s.trim().trim_start_matches('+').trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Record ID,Title,Subject,Institution,Journal,Publisher,Country,Author,URLS,ArticleType,RetractionDate,RetractionDOI,RetractionPubMedID,OriginalPaperDate,OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature,Reason,Paywalled,Notes\n";

    #[test]
    fn reads_rows_latin1_bytes_and_list_fields() {
        let mut csv = HEADER.as_bytes().to_vec();
        csv.extend_from_slice(b"1,\"Caf\xe9 workers and sleep, a cohort\",(HSC),Uni,J,P,FR,A;B,,Research,1/15/2024 0:00,10.1/r,0,3/2/2020 0:00,https://doi.org/10.1234/ABC.1,0,Retraction,+Falsification of data;+Misconduct;,No,\n");
        let (entries, skipped) = parse_csv(&csv).unwrap();
        assert_eq!(skipped, 0);
        let e = &entries[0];
        assert_eq!(e.title, "Café workers and sleep, a cohort");
        assert_eq!(e.doi, "10.1234/abc.1");
        assert_eq!(e.date, "2024-01-15");
        assert_eq!(e.reason, "Falsification of data; Misconduct");
        assert_eq!(e.nature, "Retraction");
    }

    #[test]
    fn rows_with_nothing_to_match_are_skipped_and_counted() {
        let csv = format!(
            "{HEADER}2,,,,,,,,,,,,,,,,,,,\n3,A fine title for a fine paper here,,,,,,,,,,,,,,,Retraction,,,\n"
        );
        let (entries, skipped) = parse_csv(csv.as_bytes()).unwrap();
        assert_eq!((entries.len(), skipped), (1, 1));
    }

    #[test]
    fn a_file_without_the_columns_is_an_error() {
        assert!(parse_csv(b"a,b\n1,2\n").is_err());
    }
}
