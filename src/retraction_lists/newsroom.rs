//! A newsroom's own list of retracted reports, as JSON: an array of
//! `{"title", "doi", "nature", "date", "reason"}` objects (title or DOI
//! required, the rest optional). Unknown fields are an error, so a typo
//! such as `"titel"` is caught instead of silently matching nothing.

use serde::Deserialize;

use super::{Entry, normalize_doi};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    #[serde(default)]
    title: String,
    #[serde(default)]
    doi: String,
    #[serde(default)]
    nature: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    reason: String,
}

/// Parses a newsroom list; errors name the entry and field.
pub fn parse_json(bytes: &[u8]) -> Result<(Vec<Entry>, usize), String> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let items: Vec<Item> = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| format!("at {}: {}", e.path(), e.inner()))?;
    let mut skipped = 0;
    let entries = items
        .into_iter()
        .filter_map(|i| {
            let e = Entry {
                title: i.title.trim().to_string(),
                doi: normalize_doi(&i.doi),
                nature: i.nature,
                date: i.date,
                reason: i.reason,
            };
            if e.title.is_empty() && e.doi.is_empty() {
                skipped += 1;
                None
            } else {
                Some(e)
            }
        })
        .collect();
    Ok((entries, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_names_a_wrong_field() {
        let (e, skipped) = parse_json(
            br#"[{"title": "Harbour survey 2023", "doi": "https://doi.org/10.5555/H1", "reason": "Data error"}, {"nature": "x"}]"#,
        )
        .unwrap();
        assert_eq!((e.len(), skipped), (1, 1));
        assert_eq!(e[0].doi, "10.5555/h1");
        let err = parse_json(br#"[{"titel": "x"}]"#).unwrap_err();
        assert!(err.contains("titel"), "{err}");
    }
}
