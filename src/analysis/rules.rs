//! The rule set: every word list and weight the analyser uses, as data.
//!
//! The built-in set is `assets/rules.json`, embedded in the binary. A
//! newsroom can start from it (`sourcelight rules --print-default`), add its
//! own house terms, and point the app or the command line at the result.
//! Grammar words (articles, pronouns, auxiliaries) are not here: they are
//! English, not house style, and live in [`super::lexicon`].

use serde::{Deserialize, Serialize};

/// The built-in rules, as shipped.
pub const DEFAULT_RULES_JSON: &str = include_str!("../../assets/rules.json");

/// How much each flagged claim adds to a paragraph's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub anonymous: u32,
    pub retracted: u32,
}

/// Every list the analyser reads. Field names are the keys of the JSON file;
/// see the README for what each list means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub version: u32,
    pub weights: Weights,
    /// Verb forms that attribute content to their subject ("said", "told").
    pub reporting_verbs: Vec<String>,
    /// Reporting verbs that only attribute when followed by "that" ("found that").
    pub verbs_needing_that: Vec<String>,
    /// Forms that are often nouns ("claims", "reports"): a verb only after a subject.
    pub noun_or_verb: Vec<String>,
    /// Verbs that may come before their source after a quote ("…," said X).
    pub inverted_verbs: Vec<String>,
    /// ", saying …": the source is the subject of the clause.
    pub participle_cues: Vec<String>,
    /// Verbs that attribute only with "as": "frames X as Y", "view X as Y".
    pub as_verbs: Vec<String>,
    /// Passive participles that attribute to a "by" agent: "framed by Moscow".
    pub passive_agent_verbs: Vec<String>,
    /// "X quoted Y as saying", "X cites Y as saying".
    pub citation_verbs: Vec<String>,
    /// ", citing Y" / ", quoting Y": Y becomes the claim's inner speaker.
    pub citing_words: Vec<String>,
    /// Prepositional attributions: "according to X".
    pub according_to: Vec<String>,
    /// Nouns that carry content with "that": "Moscow's narrative that …".
    pub content_nouns: Vec<String>,
    /// Agentless hedging adverbs: "reportedly", "allegedly".
    pub hedge_adverbs: Vec<String>,
    /// Passive hedges after a form of "be": "is rumored to", "is considered".
    pub hedge_participles: Vec<String>,
    /// Passive hedges that need "to" or "that" after them ("is said to").
    pub hedge_participles_needing_to: Vec<String>,
    /// Sourceless nouns: "reports of …", "rumors that …".
    pub hedge_nouns: Vec<String>,
    /// Hedge nouns that need "that" (not "of") to carry content.
    pub hedge_nouns_needing_that: Vec<String>,
    /// Phrases that mark a claim as not confirmed.
    pub unconfirmed_phrases: Vec<String>,
    /// Verbs that retract material: "retracted", "withdrawn".
    pub retraction_verbs: Vec<String>,
    /// Nouns that announce a retraction: "issued a retraction".
    pub retraction_nouns: Vec<String>,
    /// Retraction verbs that can take a person as what is retracted ("she recanted").
    pub person_retraction_verbs: Vec<String>,
    /// Words of denial by another party: a dispute, not a retraction.
    pub dispute_words: Vec<String>,
    /// Reasons for granting anonymity ("not authorized", "for fear of").
    pub anonymity_reasons: Vec<String>,
    /// Statements of the condition alone ("on condition of anonymity").
    pub anonymity_conditions: Vec<String>,
    /// Heads of noun phrases that describe people without naming them.
    pub anonymous_person_nouns: Vec<String>,
    /// Spokespeople speak officially for their body: named.
    pub spokesperson_nouns: Vec<String>,
    /// Single offices; "the Kyrgyz leader" identifies one person.
    pub office_titles: Vec<String>,
    /// Bodies that speak on the record: "police", "the ministry".
    pub institution_nouns: Vec<String>,
    /// Documents and publications: "memo", "report", "story".
    pub document_nouns: Vec<String>,
    /// Words that hide a document's origin: "leaked", "internal".
    pub undisclosed_markers: Vec<String>,
    /// Words that disclose it: "published", "official".
    pub disclosed_markers: Vec<String>,
    /// Nouns that may name the same material ("story" and "report").
    pub material_groups: Vec<Vec<String>>,
}

/// A rules file that could not be used, with the field at fault.
#[derive(Debug, thiserror::Error)]
#[error("rules {origin}: {message}")]
pub struct RulesError {
    pub origin: String,
    pub message: String,
}

impl Rules {
    /// The built-in rule set.
    pub fn builtin() -> Rules {
        Rules::from_json(DEFAULT_RULES_JSON, "built-in").expect("assets/rules.json is valid")
    }

    /// Parses a rules file; `origin` (a path, or "built-in") names it in errors.
    /// Errors name the field at fault, e.g. `weights.anonymous`.
    pub fn from_json(json: &str, origin: &str) -> Result<Rules, RulesError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let rules: Rules = serde_path_to_error::deserialize(de).map_err(|e| {
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
        rules.validate(origin)?;
        Ok(rules)
    }

    fn validate(&self, origin: &str) -> Result<(), RulesError> {
        let fail = |message: String| {
            Err(RulesError {
                origin: origin.to_string(),
                message,
            })
        };
        if self.version != 1 {
            return fail(format!(
                "field `version`: this Sourcelight reads rules version 1, the file says {}",
                self.version
            ));
        }
        if self.reporting_verbs.is_empty() {
            return fail("field `reporting_verbs`: the list is empty".into());
        }
        for (name, list) in self.word_lists() {
            if let Some(bad) = list.iter().find(|w| w.trim().is_empty()) {
                return fail(format!("field `{name}`: holds an empty entry {bad:?}"));
            }
        }
        Ok(())
    }

    /// Every plain word list with its field name, for validation and display.
    pub fn word_lists(&self) -> Vec<(&'static str, &Vec<String>)> {
        vec![
            ("reporting_verbs", &self.reporting_verbs),
            ("verbs_needing_that", &self.verbs_needing_that),
            ("noun_or_verb", &self.noun_or_verb),
            ("inverted_verbs", &self.inverted_verbs),
            ("participle_cues", &self.participle_cues),
            ("as_verbs", &self.as_verbs),
            ("passive_agent_verbs", &self.passive_agent_verbs),
            ("citation_verbs", &self.citation_verbs),
            ("citing_words", &self.citing_words),
            ("according_to", &self.according_to),
            ("content_nouns", &self.content_nouns),
            ("hedge_adverbs", &self.hedge_adverbs),
            ("hedge_participles", &self.hedge_participles),
            (
                "hedge_participles_needing_to",
                &self.hedge_participles_needing_to,
            ),
            ("hedge_nouns", &self.hedge_nouns),
            ("hedge_nouns_needing_that", &self.hedge_nouns_needing_that),
            ("unconfirmed_phrases", &self.unconfirmed_phrases),
            ("retraction_verbs", &self.retraction_verbs),
            ("retraction_nouns", &self.retraction_nouns),
            ("person_retraction_verbs", &self.person_retraction_verbs),
            ("dispute_words", &self.dispute_words),
            ("anonymity_reasons", &self.anonymity_reasons),
            ("anonymity_conditions", &self.anonymity_conditions),
            ("anonymous_person_nouns", &self.anonymous_person_nouns),
            ("spokesperson_nouns", &self.spokesperson_nouns),
            ("office_titles", &self.office_titles),
            ("institution_nouns", &self.institution_nouns),
            ("document_nouns", &self.document_nouns),
            ("undisclosed_markers", &self.undisclosed_markers),
            ("disclosed_markers", &self.disclosed_markers),
        ]
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse() {
        let rules = Rules::builtin();
        assert_eq!(rules.weights.retracted, 2);
        assert!(rules.reporting_verbs.iter().any(|v| v == "said"));
    }

    #[test]
    fn wrong_type_names_the_field() {
        let json = DEFAULT_RULES_JSON.replacen("\"anonymous\": 1", "\"anonymous\": \"one\"", 1);
        let err = Rules::from_json(&json, "house.json")
            .unwrap_err()
            .to_string();
        assert!(err.contains("house.json"), "{err}");
        assert!(err.contains("weights.anonymous"), "{err}");
    }

    #[test]
    fn unknown_field_is_reported() {
        let json =
            DEFAULT_RULES_JSON.replacen("\"version\": 1", "\"version\": 1, \"colour\": 3", 1);
        let err = Rules::from_json(&json, "x").unwrap_err().to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn future_version_is_refused() {
        let json = DEFAULT_RULES_JSON.replacen("\"version\": 1", "\"version\": 9", 1);
        let err = Rules::from_json(&json, "x").unwrap_err().to_string();
        assert!(err.contains("version"), "{err}");
    }
}
