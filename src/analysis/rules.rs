//! The rule set: every word list and weight the analyser uses, as data.
//!
//! The built-in set is `assets/rules.json`, embedded in the binary. A
//! newsroom's house rules file is an overlay on it: the lists the file
//! gives replace the built-in lists of the same name, every other list
//! stays built in. So a house file written for an older Sourcelight keeps
//! working when a release adds lists, and `sourcelight rules --check FILE`
//! says which of its lists override which, and which no rule reads.
//!
//! Which lists exist, and how each is read (verbs inflected, nouns made
//! plural), is the registry in [`super::lexicon::LISTS`]. Grammar words
//! (articles, pronouns, auxiliaries) are not here: they are English, not
//! house style, and live with the grammar ([`super::syntax`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lexicon::{LISTS, ListSpec};

/// The built-in rules, as shipped.
pub const DEFAULT_RULES_JSON: &str = include_str!("../../assets/rules.json");

/// The rules format this build writes; it also reads version 1 files.
pub const RULES_VERSION: u32 = 2;

/// How much each flagged claim adds to a paragraph's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub anonymous: u32,
    pub retracted: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            anonymous: 1,
            retracted: 2,
        }
    }
}

/// A rule set: the built-in lists with a house file's laid over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// What the set is called: "built-in", or the house file's `name`
    /// (its path when it has none).
    pub name: String,
    pub weights: Weights,
    lists: BTreeMap<String, Vec<String>>,
    /// The lists a house file set, replacing the built-in ones.
    overridden: Vec<String>,
    /// Lists a house file gave that no rule reads.
    unread: Vec<String>,
}

/// A rules file that could not be used, with the field at fault.
#[derive(Debug, thiserror::Error)]
#[error("rules {origin}: {message}")]
pub struct RulesError {
    pub origin: String,
    pub message: String,
}

/// The file as written: version, name, weights, and every other key a list.
#[derive(Deserialize)]
struct File {
    version: u32,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    weights: Option<Weights>,
    #[serde(flatten)]
    lists: BTreeMap<String, serde_json::Value>,
}

/// Keys of version 1 files that were not word lists.
const RETIRED: &[&str] = &["material_groups"];

impl Rules {
    /// The built-in rule set.
    pub fn builtin() -> Rules {
        let file = parse(DEFAULT_RULES_JSON, "built-in").expect("assets/rules.json is valid");
        let lists = lists_of(&file, "built-in").expect("assets/rules.json lists are valid");
        Rules {
            name: "built-in".to_string(),
            weights: file.weights.unwrap_or_default(),
            lists,
            overridden: Vec::new(),
            unread: Vec::new(),
        }
    }

    /// Reads a house rules file over the built-in set; `origin` (a path)
    /// names it in errors. Errors name the field at fault, e.g.
    /// `weights.anonymous`.
    pub fn from_json(json: &str, origin: &str) -> Result<Rules, RulesError> {
        let file = parse(json, origin)?;
        let house = lists_of(&file, origin)?;
        let mut rules = Rules::builtin();
        rules.name = file.name.clone().unwrap_or_else(|| origin.to_string());
        if let Some(w) = file.weights {
            rules.weights = w;
        }
        for (name, list) in house {
            if LISTS.iter().any(|l| l.name == name) {
                rules.overridden.push(name.clone());
                rules.lists.insert(name, list);
            } else {
                rules.unread.push(name);
            }
        }
        Ok(rules)
    }

    /// The words of a list (empty for a list nobody defined).
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }

    /// Every registered list with its words, in the registry's order.
    pub fn word_lists(&self) -> impl Iterator<Item = (&'static ListSpec, &[String])> {
        LISTS.iter().map(|spec| (spec, self.list(spec.name)))
    }

    /// The lists a house file replaced.
    pub fn overridden(&self) -> &[String] {
        &self.overridden
    }

    /// Lists a house file gave that no rule reads (misspelt, or retired).
    pub fn unread(&self) -> &[String] {
        &self.unread
    }

    /// The set as a file: what `rules --print-default` writes for the
    /// built-in set.
    pub fn to_json(&self) -> String {
        let mut map = serde_json::Map::new();
        map.insert("version".into(), RULES_VERSION.into());
        map.insert("name".into(), self.name.clone().into());
        map.insert(
            "weights".into(),
            serde_json::to_value(&self.weights).unwrap_or_default(),
        );
        for (spec, words) in self.word_lists() {
            map.insert(spec.name.into(), words.into());
        }
        serde_json::to_string_pretty(&map).unwrap_or_default()
    }

    /// A short fingerprint of what the rules hold (weights and every list),
    /// for reports that must say which rules produced a number: the same
    /// rules give the same fingerprint on every machine.
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: &[u8]| {
            for &x in b {
                h ^= x as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h ^= 0xff;
            h = h.wrapping_mul(0x0100_0000_01b3);
        };
        eat(&self.weights.anonymous.to_le_bytes());
        eat(&self.weights.retracted.to_le_bytes());
        for (spec, words) in self.word_lists() {
            eat(spec.name.as_bytes());
            for w in words {
                eat(w.as_bytes());
            }
        }
        format!("{h:016x}")
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::builtin()
    }
}

fn parse(json: &str, origin: &str) -> Result<File, RulesError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let file: File = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = if path == "." || path.is_empty() {
            inner.to_string()
        } else {
            format!("field `{path}`: {inner}")
        };
        RulesError {
            origin: origin.to_string(),
            message,
        }
    })?;
    if file.version == 0 || file.version > RULES_VERSION {
        return Err(RulesError {
            origin: origin.to_string(),
            message: format!(
                "field `version`: this Sourcelight reads rules versions 1 to {RULES_VERSION}, the file says {}",
                file.version
            ),
        });
    }
    Ok(file)
}

/// The file's lists, checked: each a list of non-empty words.
fn lists_of(file: &File, origin: &str) -> Result<BTreeMap<String, Vec<String>>, RulesError> {
    let fail = |message: String| RulesError {
        origin: origin.to_string(),
        message,
    };
    let mut out = BTreeMap::new();
    for (name, value) in &file.lists {
        if RETIRED.contains(&name.as_str()) {
            continue;
        }
        let Some(items) = value.as_array() else {
            return Err(fail(format!("field `{name}`: expected a list of words")));
        };
        let mut words = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(w) if !w.trim().is_empty() => words.push(w.trim().to_string()),
                Some(w) => {
                    return Err(fail(format!(
                        "field `{name}[{i}]`: holds an empty entry {w:?}"
                    )));
                }
                None => {
                    return Err(fail(format!(
                        "field `{name}[{i}]`: expected a word, found {item}"
                    )));
                }
            }
        }
        out.insert(name.clone(), words);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_define_every_registered_list() {
        let rules = Rules::builtin();
        assert_eq!(rules.weights.retracted, 2);
        for (spec, words) in rules.word_lists() {
            assert!(
                !words.is_empty(),
                "assets/rules.json has no list `{}`",
                spec.name
            );
        }
        assert!(rules.unread().is_empty() && rules.overridden().is_empty());
    }

    #[test]
    fn a_house_file_overlays_the_built_in_lists() {
        let house = r#"{"version": 1, "name": "Ledger house rules",
            "speech_verbs": ["say", "opine"], "colour_words": ["red"],
            "material_groups": [["story", "report"]]}"#;
        let rules = Rules::from_json(house, "house.json").unwrap();
        assert_eq!(rules.name, "Ledger house rules");
        assert_eq!(rules.list("speech_verbs"), ["say", "opine"]);
        // Lists the file does not give stay built in.
        assert_eq!(
            rules.list("hedge_adverbs"),
            Rules::builtin().list("hedge_adverbs")
        );
        assert_eq!(rules.weights, Weights::default());
        assert_eq!(rules.overridden(), ["speech_verbs"]);
        assert_eq!(rules.unread(), ["colour_words"]);
        assert_ne!(rules.fingerprint(), Rules::builtin().fingerprint());
    }

    #[test]
    fn the_printed_default_reads_back_as_the_built_in_set() {
        let printed = Rules::builtin().to_json();
        let back = Rules::from_json(&printed, "default.json").unwrap();
        assert_eq!(back.fingerprint(), Rules::builtin().fingerprint());
        assert!(back.unread().is_empty());
    }

    #[test]
    fn wrong_types_name_the_field() {
        let err = Rules::from_json(
            r#"{"version": 2, "weights": {"anonymous": "one"}}"#,
            "house.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("house.json") && err.contains("weights.anonymous"),
            "{err}"
        );
        let err = Rules::from_json(r#"{"version": 2, "speech_verbs": "say"}"#, "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("speech_verbs"), "{err}");
        let err = Rules::from_json(r#"{"version": 2, "speech_verbs": ["say", " "]}"#, "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("speech_verbs[1]"), "{err}");
    }

    #[test]
    fn future_version_is_refused() {
        let err = Rules::from_json(r#"{"version": 9}"#, "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("version"), "{err}");
    }
}
