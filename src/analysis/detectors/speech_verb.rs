//! "Officials said …", "Japarov emphasized that …", "‘…,’ said a NATO
//! analyst": a reporting verb with its subject as the source.
//!
//! The subject usually stands before the verb. After a quotation the order
//! may invert ("said X"), so for verbs that allow it the phrase after the
//! verb is the source. Forms that are also nouns ("claims", "reports") count
//! only after a subject; infinitives ("refused to say"), negations ("did not
//! say") and passives ("is said to", a hedge) are left to other rules.

use super::{Candidate, Role, RuleInfo, clause_end, follows_quote};
use crate::analysis::lexicon::tag;
use crate::analysis::phrase::{
    after_be, before_verb, is_noun, phrase_starting_at, subject_before, verb_group_start,
};
use crate::analysis::text::Paragraph;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.speech-verb",
    explanation: "'{cue}' reports what {source} said or holds",
};

pub static RULE_INVERTED: RuleInfo = RuleInfo {
    id: "attribution.speech-verb-inverted",
    explanation: "after the quotation, '{cue}' names its speaker, {source}",
};

pub fn detect(p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
    let s = &p.sentences[sentence];
    for i in s.tokens.clone() {
        // Only a reporting word or a phrase's first word can be a cue.
        if !p.tokens[i].has(tag::REPORTING | tag::PHRASE_START) {
            continue;
        }
        let Some(last) = p.phrase_at(i, tag::REPORTING) else {
            continue;
        };
        if p.in_quote(p.tokens[i].start()) || !is_verb_here(p, i, last, s.tokens.start) {
            continue;
        }
        if p.has(i, tag::NEEDS_THAT) && !p.is(last + 1, "that") {
            continue;
        }
        if let Some(source) = subject_before(p, i, s) {
            let mut c = Candidate::new(
                &RULE,
                Role::Plain,
                sentence,
                (verb_group_start(p, i, source.1), last),
            );
            c.source = Some(source);
            c.content = if follows_quote(p, source.0, s.tokens.start) {
                super::reach_back(p, sentence, source.0)..p.tokens[source.0].start()
            } else {
                p.tokens[last].end()..clause_end(p, sentence, last + 1)
            };
            out.push(c);
        } else if p.has(i, tag::INVERTED) && follows_quote(p, i, s.tokens.start) {
            let mut from = last + 1;
            while from < s.tokens.end && p.has(from, tag::TIME_WORD) && !p.is(from, "this") {
                from += 1;
            }
            if let Some(source) = phrase_starting_at(p, from, s, false) {
                let mut c = Candidate::new(&RULE_INVERTED, Role::Plain, sentence, (i, last));
                c.source = Some(source);
                c.content = super::reach_back(p, sentence, i)..p.tokens[i].start();
                out.push(c);
            }
        }
    }
}

/// Whether the reporting word at `i` is used as a finite verb here.
fn is_verb_here(p: &Paragraph, i: usize, last: usize, lo: usize) -> bool {
    if i > lo && p.is(i - 1, "to") {
        return false; // "refused to say"
    }
    if p.is(last + 1, "by") || after_be(p, i, lo) {
        return false; // passive: a hedge or a "by" agent, other rules
    }
    if i > lo && p.is(i - 1, "that") && p.is_punct(last + 1, ',') {
        return false; // "That said, …"
    }
    // "in one alleged incident", "the reported deaths": an adjective after
    // a determiner.
    let after_determiner =
        before_verb(p, i, lo).is_some_and(|k| p.has(k, tag::DETERMINER) && !p.has(k, tag::PRONOUN));
    if after_determiner {
        return false;
    }
    if p.tokens[i].capitalized() && i > lo {
        return false; // a name or title: "Sen. Warren", "The Report"
    }
    if p.has(i, tag::NOUN_OR_VERB) {
        // A verb only right after its subject: "Reuters reports", "it claims".
        let Some(k) = before_verb(p, i, lo) else {
            return false;
        };
        // "a U.N. report released …", "reports of …": a noun.
        let after_article = k > lo && (p.is(k - 1, "a") || p.is(k - 1, "an"));
        // "the Newsweek report said": the verb comes after.
        let modified = (p.has(last + 1, tag::PREPOSITION | tag::POSTMODIFIER)
            && !p.is(last + 1, "that"))
            || p.has(last + 1, tag::REPORTING | tag::AUXILIARY);
        if after_article || modified {
            return false;
        }
        let t = &p.tokens[k];
        let subject_like = t.is_word()
            && !t.possessive()
            && !t.has(
                tag::DETERMINER | tag::POSSESSIVE_PRONOUN | tag::PREPOSITION | tag::CLAUSE_BOUNDARY,
            )
            && (t.has(tag::PRONOUN) || t.capitalized() || is_noun(p, k));
        return subject_like;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::testing::found;
    use super::*;

    fn one(text: &str) -> Vec<(String, Option<String>)> {
        found(text, detect)
            .into_iter()
            .map(|(c, s, _)| (c, s))
            .collect()
    }

    fn pair(cue: &str, source: &str) -> (String, Option<String>) {
        (cue.to_string(), Some(source.to_string()))
    }

    #[test]
    fn subject_before_the_verb() {
        assert_eq!(
            one("Harbour officials say the ferry sank."),
            [pair("say", "Harbour officials")]
        );
        assert_eq!(
            one("The mayor has long argued that taxes are low."),
            [pair("has long argued", "The mayor")]
        );
        assert_eq!(
            one("Analyst Jo Park pointed out that rates fell."),
            [pair("pointed out", "Analyst Jo Park")]
        );
    }

    #[test]
    fn inverted_after_a_quote() {
        assert_eq!(
            one("“We will rebuild,” said a town councillor, who asked not to be named."),
            [pair("said", "a town councillor")]
        );
        assert_eq!(
            one("‘No comment,’ said Thursday the club’s owner."),
            [pair("said", "the club’s owner")]
        );
    }

    #[test]
    fn quote_then_subject() {
        assert_eq!(
            one("‘The bridge is unsafe,’ one engineer claimed."),
            [pair("claimed", "one engineer")]
        );
    }

    #[test]
    fn not_claims() {
        assert!(one("She refused to say how she got it.").is_empty());
        assert!(one("They did not say why.").is_empty());
        assert!(one("The fee is said to be high.").is_empty());
        assert!(one("His claims were vague. The reports arrived late.").is_empty());
        assert!(one("That said, the vote went ahead.").is_empty());
        assert!(one("The study found errors.").is_empty());
        assert!(one("According to a U.N. report released in May, rents rose.").is_empty());
        assert!(one("Earlier reports of flooding were wrong.").is_empty());
        assert!(one("In one alleged incident, a guard hit a man.").is_empty());
        assert_eq!(
            one("The May 9 Herald report said so."),
            [pair("said", "The May 9 Herald report")]
        );
    }

    #[test]
    fn noun_or_verb_after_a_subject() {
        assert_eq!(
            one("The agency reports that prices rose."),
            [pair("reports", "The agency")]
        );
        assert_eq!(
            one("It holds 300 files it claims it owns."),
            [pair("claims", "it")]
        );
        assert_eq!(
            one("The study found that errors rose."),
            [pair("found", "The study")]
        );
    }
}
