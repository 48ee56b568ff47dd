//! `attribution.participle`: a participle of saying that hangs off a
//! clause — "…, saying the dam had failed", "issued a statement saying
//! …", "…, adding that the state must act", and the fronted "Calling it
//! a fraud, he …". The source is the subject of the clause it belongs
//! to; an object between ("a statement", "a correction") is the item that
//! carried the words.

use super::{Candidate, Detector, Role, RuleInfo};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.participle",
    explanation: "'{cue}' reports what the clause's subject, {source}, said",
};

#[derive(Debug)]
pub struct Participle {
    speech: ListId,
    calling: ListId,
    content_object: ListId,
    items: ListId,
    documents: ListId,
    publish: ListId,
}

impl Participle {
    pub fn new(lex: &Lexicon) -> Self {
        Participle {
            speech: lex.list("speech_verbs"),
            calling: lex.list("calling_verbs"),
            content_object: lex.list("content_object_verbs"),
            items: lex.list("item_nouns"),
            documents: lex.list("document_nouns"),
            publish: lex.list("publish_verbs"),
        }
    }
}

impl Detector for Participle {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.speech, self.calling])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for i in s.clone() {
            if p.tags[i] != Tag::VBG || !(p.has(i, self.speech) || p.has(i, self.calling)) {
                continue;
            }
            // Part of a tensed group ("was saying") is the verb rule's.
            if p.chunks
                .vg_at(i)
                .is_some_and(|v| p.chunks.vgs[v].tokens.start != i)
            {
                continue;
            }
            let cue_end = p.entry_at(i, self.speech).unwrap_or(i + 1).max(i + 1);
            let fronted = i == s.start;
            // What the participle hangs off: a comma, or the object of the
            // verb before it ("issued a statement [on Wednesday] saying").
            let mut vehicle = None;
            let mut host = None;
            let mut item_source = None;
            let mut relied_on = None;
            if !fronted && i > s.start + 1 && p.is(i - 1, "in") {
                // "The story relied on two unnamed officials in saying that
                // …": the clause's subject says it, through whom it relied on.
                host = p.chunks.vgs_in(s.start..i - 1).last();
                if let Some(h) = host {
                    let mut k = h.tokens.end;
                    if k < i - 1 && p.tags[k] == Tag::IN {
                        k += 1;
                    }
                    relied_on = p
                        .chunks
                        .np_starting_at(k)
                        .and_then(|_| p.phrase_from(k, i - 1))
                        .filter(|r| r.end == i - 1);
                }
            } else if !fronted {
                // Time phrases and adverbs between: "a statement Wednesday
                // saying", "a correction late Thursday saying".
                let k = p.skip_adverbials_left(i, s.start).max(s.start + 1);
                if p.is_mark(k - 1, ',') {
                    host = p
                        .chunks
                        .vgs_in(s.start..k)
                        .iter()
                        .rfind(|v| v.finite && v.tokens.end <= k);
                } else if p.chunks.np_ending_at(k - 1).is_some()
                    && let Some(object) = p.phrase_ending_before(k, s.start)
                {
                    let verb = p.chunks.vg_at(object.start.saturating_sub(1));
                    if let Some(v) = verb.filter(|&v| p.chunks.vgs[v].finite) {
                        let v = &p.chunks.vgs[v];
                        host = Some(v);
                        // An item written without a comma carries the words
                        // itself ("retracted a story alleging that …"),
                        // unless the verb puts it out ("issued a statement
                        // saying …": the issuer speaks through it).
                        let head = p
                            .chunks
                            .np_at(object.start)
                            .map_or(object.start, |n| p.chunks.nps[n].head);
                        let item = p.has(head, self.items) || p.has(head, self.documents);
                        if item && !p.has(v.main, self.publish) {
                            item_source = Some(object.clone());
                        } else {
                            vehicle = Some(object);
                        }
                    }
                }
            } else {
                // "Calling it a fraud, he announced …": the next clause's verb.
                host = p.chunks.vgs_in(i + 1..s.end).iter().find(|v| v.finite);
            }
            let Some(host) = host else { continue };
            if host.negated && !fronted && relied_on.is_none() {
                continue;
            }
            let restates = item_source.is_some();
            let Some(source) = item_source.or_else(|| p.subject_of(host)).or_else(|| {
                // "…," said the ministry, adding …
                super::verbs::source(p, host).map(|(r, _)| r)
            }) else {
                continue;
            };
            // What it reports: a clause, a quotation, the object of a
            // content verb, or a calling verb's complement.
            let limit = if fronted {
                (i..s.end).find(|&k| p.is_mark(k, ',')).unwrap_or(s.end)
            } else {
                s.end
            };
            // Who was told: "telling the court that …", "telling the
            // court she had been coerced".
            let mut after = cue_end;
            if after < limit
                && !p.starts_clause(after, s.end)
                && p.chunks.np_starting_at(after).is_some()
                && let Some(o) = p.phrase_from(after, limit)
                && o.end < limit
                && (p.is(o.end, "that")
                    || p.quotes.iter().any(|q| q.open == o.end)
                    || p.starts_clause(o.end, limit))
            {
                after = o.end;
            }
            let content = p
                .reported_clause(after)
                .filter(|r| r.start < limit)
                .or_else(|| super::verbs::quote_after(p, cue_end))
                .or_else(|| {
                    let object = p.chunks.np_starting_at(cue_end)?;
                    let o = &p.chunks.nps[object];
                    let calls = p.has(i, self.calling);
                    let takes_object = p.has(i, self.content_object) || calls;
                    takes_object.then(|| {
                        let mut end = o.tokens.end;
                        if calls && end < limit {
                            end = p.clause_end(end).min(limit).max(end);
                        }
                        cue_end..end
                    })
                });
            let Some(content) = content else { continue };
            let mut c = Candidate::new(&RULE, Role::Plain, sentence, i..cue_end);
            c.source = Some(source);
            c.content = content;
            c.vehicle = vehicle;
            c.speaker = relied_on;
            c.restates = restates;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn participles_take_the_clauses_subject() {
        check(&[
            (
                "\"We have done our part,\" the mayor said, adding that the state must now act.",
                &["said / the mayor / named", "adding / the mayor / named"],
            ),
            (
                "The harbourmaster closed the pier, saying the timbers had rotted.",
                &["saying / The harbourmaster / named"],
            ),
            // Who was told, then a clause without "that".
            (
                "Captain Ilse Varga apologised, telling passengers the engine had overheated.",
                &["telling / Captain Ilse Varga / named"],
            ),
        ]);
    }
}
