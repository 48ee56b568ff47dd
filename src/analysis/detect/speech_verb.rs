//! `attribution.speech-verb`: a verb of saying, believing or asking with
//! its subject as the source — "officials said the road was closed",
//! "'…,' said Omar Reyes", "diplomats believe …", "Hill asked".
//!
//! The verb must report something: a clause ("said (that) …"), a
//! quotation next to it, the sentence it interrupts ("The plan, officials
//! said, is dead"), or, for verbs whose object is the content, that
//! object ("confirmed the figure"). "declined to say", "did not say",
//! "was told to leave" and a bare "said on Tuesday" report nothing.

use super::{Candidate, Detector, Role, RuleInfo, verbs};
use crate::analysis::lexicon::{Classes, Lexicon, ListId};
use crate::analysis::reading::Paragraph;
use crate::analysis::syntax::tags::Tag;

/// Prepositions whose phrase is what a verb of saying reports: "hinted
/// at", "warned of", "complained about", "warned … against".
const CONTENT_PREPOSITIONS: &[&str] = &["at", "of", "about", "against", "on", "over"];

pub static RULE: RuleInfo = RuleInfo {
    id: "attribution.speech-verb",
    explanation: "'{cue}' reports what {source} said or holds",
};

#[derive(Debug)]
pub struct SpeechVerb {
    speech: ListId,
    belief: ListId,
    question: ListId,
    content_object: ListId,
    infinitive_claim: ListId,
    testimony: ListId,
    items: ListId,
    documents: ListId,
}

impl SpeechVerb {
    pub fn new(lex: &Lexicon) -> Self {
        SpeechVerb {
            speech: lex.list("speech_verbs"),
            belief: lex.list("belief_verbs"),
            question: lex.list("question_verbs"),
            content_object: lex.list("content_object_verbs"),
            infinitive_claim: lex.list("infinitive_claim_verbs"),
            testimony: lex.list("testimony_verbs"),
            items: lex.list("item_nouns"),
            documents: lex.list("document_nouns"),
        }
    }
}

impl Detector for SpeechVerb {
    fn info(&self) -> &'static RuleInfo {
        &RULE
    }

    fn triggers(&self) -> Classes {
        Classes::of(&[self.speech, self.belief, self.question])
    }

    fn detect(&self, p: &Paragraph, sentence: usize, out: &mut Vec<Candidate>) {
        let s = p.sentences[sentence].clone();
        for vg in p.chunks.vgs_in(s.clone()) {
            let v = vg.main;
            let speech = p.entry_at(v, self.speech);
            let belief = p.has(v, self.belief);
            let question = p.has(v, self.question);
            if speech.is_none() && !belief && !question {
                continue;
            }
            // "to say", "saying", "a man accused of", "is said to", "did not say".
            if !vg.finite || vg.passive || vg.negated || vg.infinitive {
                continue;
            }
            let Some((source, inverted)) = verbs::source(p, vg) else {
                continue;
            };
            let cue_end = speech.unwrap_or(vg.tokens.end).max(vg.tokens.end);
            let cue = vg.tokens.start..cue_end;
            let mut after = if inverted { source.end } else { cue_end };
            // The verb's object: who was told, or the content itself.
            let mut recipient = None;
            let mut object = None;
            // An adverb may stand before the object, or be a mistagged
            // adjective of it ("reported loud/RB explosions").
            let mut at = after;
            while at < s.end && p.tags[at].is_adverb() && !p.is_any(at, &["not", "n't"]) {
                at += 1;
            }
            // "indicated a “major breakthrough”": a determiner before a
            // quoted phrase.
            let quoted_np = at + 2 < s.end
                && p.tags[at] == Tag::DT
                && p.is_quote_mark(at + 1)
                && p.chunks.np_starting_at(at + 2).is_some();
            let from = if quoted_np { at + 2 } else { at };
            if at < s.end
                && !p.starts_clause(at, s.end)
                && p.chunks.np_starting_at(from).is_some()
                && let Some(o) = p.phrase_from(from, s.end)
            {
                let mut end = o.end;
                if quoted_np && end < s.end && p.is_quote_mark(end) {
                    end += 1;
                }
                object = Some(after..end);
                after = end;
            }
            let mut content = p.reported_clause(after);
            // "asked that their names not be used": a verb of asking with a
            // "that" clause makes a request, not a statement.
            if question
                && speech.is_none()
                && !belief
                && content
                    .as_ref()
                    .is_some_and(|c| c.start > 0 && p.is(c.start - 1, "that"))
            {
                continue;
            }
            // "…once all regions had reported, it said.": after a comma, a
            // clause that only says who said it (its verb of saying with
            // nothing after but adverbs) is an attribution of the sentence,
            // not what this verb reports.
            if let Some(c) = content.clone()
                && (after..c.start).any(|k| p.is_mark(k, ','))
                && p.chunks.vgs_in(c.clone()).first().is_some_and(|g| {
                    p.has(g.main, self.speech)
                        && (g.tokens.end..c.end)
                            .all(|k| p.tags[k].is_adverb() || p.tags[k].is_punctuation())
                })
            {
                content = None;
            }
            if content.is_some() {
                recipient = object.clone();
            }
            // "one resident, who asked not to be named, told reporters": a
            // verb of a relative clause set off by a comma describes its
            // noun; a quotation beside the sentence is the main verb's.
            let lead = p.skip_adverbials_left(vg.tokens.start, s.start);
            let in_relative = lead >= s.start + 2
                && p.is_any(lead - 1, &["who", "which"])
                && p.is_mark(lead - 2, ',')
                && !inverted;
            if content.is_none() && !belief && !in_relative {
                let attribution = source.start.min(cue.start)..source.end.max(cue.end);
                content = verbs::quote_before(p, attribution.start)
                    .or_else(|| verbs::quote_after(p, attribution.end))
                    .or_else(|| {
                        // `"Why?" Hill asked.`: the sentence is the attribution alone.
                        let alone = attribution.start == s.start && (attribution.end + 1 >= s.end);
                        alone
                            .then(|| verbs::quote_of_previous_sentence(p, sentence))
                            .flatten()
                    })
                    .or_else(|| verbs::parenthetical_content(p, attribution.clone()));
            }
            if content.is_none() && p.has(v, self.content_object) && !question {
                content = object.clone();
            }
            // "officials said so", "two officials said it": a word standing
            // for what was said before.
            if content.is_none() && speech.is_some() && !question {
                let at = object.as_ref().map_or(after, |o| o.start);
                let standing = (at < s.end
                    && (p.is_any(at, &["it", "this", "that"]) && object.is_some()
                        || p.is(at, "so") && p.tags[at].is_adverb()))
                .then_some(at..at + 1);
                let ends = |r: &std::ops::Range<usize>| {
                    r.end >= s.end || p.tags[r.end].is_punctuation() || p.tags[r.end] == Tag::IN
                };
                content = standing.filter(ends);
            }
            // "hinted at its dual use", "warned Israel against …", "spoke of
            // a crisis": the phrase of a preposition after the verb.
            // "confessed to being a spy", "admitted to taking bribes"
            let testimony_to = p.has(v, self.testimony) && p.is(after.min(s.end - 1), "to");
            // An infinitive for what is claimed: "claimed to have seen the
            // crash", "vowed to appeal" (not "agreed to resign": an act).
            if content.is_none()
                && object.is_none()
                && after + 1 < s.end
                && p.has(v, self.infinitive_claim)
                && p.tags[after] == Tag::TO
                && p.tags[after + 1] == Tag::VB
            {
                let end = p.clause_end(after + 1).max(after + 2);
                content = Some(after..end);
            }
            // A gerund for object: "described seeing a van speed away",
            // "denied taking bribes", "recalled hearing shots".
            if content.is_none()
                && object.is_none()
                && after < s.end
                && p.tags[after] == Tag::VBG
                && !question
            {
                let end = p.clause_end(after).max(after + 1);
                content = Some(after..end);
            }
            // "put it" has its object: "She put it on the table" says
            // nothing on the table.
            let object_in_cue = speech.is_some_and(|e| e > v + 1 && p.tags[e - 1] == Tag::PRP);
            if content.is_none()
                && !object_in_cue
                && after < s.end
                && (p.is_any(after, CONTENT_PREPOSITIONS) || testimony_to)
            {
                if let Some(r) = p.phrase_from(after + 1, s.end)
                    && !crate::analysis::sources::is_time(
                        p,
                        p.chunks
                            .np_at(after + 1)
                            .map_or(after + 1, |n| p.chunks.nps[n].head),
                    )
                {
                    content = Some(after + 1..p.clause_end(after + 1).max(r.end));
                } else if after + 1 < s.end && p.tags[after + 1] == Tag::VBG {
                    // "confessed to being a spy": a gerund's clause.
                    content = Some(after + 1..p.clause_end(after + 1).max(after + 2));
                }
            }
            // "As Robert Berger reports, the incident …": the clause after.
            if content.is_none()
                && !inverted
                && source.start > s.start
                && p.is(source.start - 1, "as")
            {
                let mut start = cue_end;
                while start < s.end
                    && (p.is_mark(start, ',')
                        || p.tags[start] == crate::analysis::syntax::tags::Tag::IN)
                {
                    if p.is_mark(start, ',') {
                        start += 1;
                        break;
                    }
                    start = p
                        .chunks
                        .np_starting_at(start + 1)
                        .map_or(start + 1, |n| p.chunks.nps[n].tokens.end);
                }
                let end = p.clause_end(start);
                content = (end > start).then_some(start..end);
            }
            let Some(content) = content else { continue };
            let mut c = Candidate::new(&RULE, Role::Plain, sentence, cue);
            c.source = Some(source);
            c.recipient = recipient;
            c.content = content;
            c.testimony = p.has(v, self.testimony);
            // "(pulled) its report that said …": an item, object of a verb,
            // saying something through a relative clause.
            let before = p.skip_adverbials_left(vg.tokens.start, s.start);
            let relative =
                before > s.start && p.is_any(before - 1, &["that", "which"]) && !inverted;
            if relative && let Some(src) = &c.source {
                let head = p
                    .chunks
                    .np_at(src.start)
                    .map_or(src.start, |n| p.chunks.nps[n].head);
                let object = src.start > s.start
                    && p.chunks
                        .vg_at(src.start - 1)
                        .is_some_and(|g| p.chunks.vgs[g].finite);
                c.restates = object && (p.has(head, self.items) || p.has(head, self.documents));
            }
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::check;

    #[test]
    fn subjects_with_titles_labels_appositives_and_brackets() {
        check(&[
            (
                "\"We will not back down,\" Rep. Dana Hill (D-Ore.), a member of the oversight panel, said on Tuesday.",
                &["said / Rep. Dana Hill (D-Ore.), a member of the oversight panel / named"],
            ),
            (
                "Sen. Alma Price, R-Ky., said the bill would pass.",
                &["said / Sen. Alma Price, R-Ky. / named"],
            ),
            (
                "\"The plan is dead,” said Omar Reyes, the council's budget chief.",
                &["said / Omar Reyes, the council's budget chief / named"],
            ),
            (
                "The governor this week also said the budget would be cut.",
                &["said / The governor / named"],
            ),
            (
                "The agency almost immediately disclosed the figures.",
                &["disclosed / The agency / named"],
            ),
            (
                "A spokesman for the ferry company said the timetable would change.",
                &["said / A spokesman for the ferry company / named"],
            ),
            // An appositive's comma is not a quotation's: the reported
            // clause's "-ed" verb is still its tensed verb.
            (
                "Ana Lima, a nurse, said the road flooded.",
                &["said / Ana Lima, a nurse / named"],
            ),
            // An object and a comma are not an apposition: "seats" is what
            // the stadium would lose, "diplomats" who said so.
            (
                "The arena would lose 3,000 seats, engineers said, speaking on condition of anonymity.",
                &["said / engineers / anonymous"],
            ),
            (
                "The ferry line had cut a third of its crossings, a former manager at Tarn Shipping said.",
                &["said / a former manager at Tarn Shipping / anonymous"],
            ),
            // A prepositional phrase set off by commas is the verb's.
            (
                "The minister, in a statement released late Friday, said the talks had collapsed.",
                &["said / The minister / named"],
            ),
            // A clause-final attribution with its own object and adjuncts.
            (
                "Exports will shrink this year, the trade secretary told lawmakers on Tuesday.",
                &["told / the trade secretary / named"],
            ),
            (
                "Orvane Mills said sales had slowed. Its chief financial officer said costs would rise.",
                &[
                    "said / Orvane Mills / named",
                    "said / Its chief financial officer / named",
                ],
            ),
            // "that" after a phrase, with a subject of its own, opens the
            // reported clause.
            (
                "The Harbour Rovers announced in a social media post that Ada Brisk had signed.",
                &["announced / The Harbour Rovers / named"],
            ),
            // "released/VBD Thursday concluded": the first of two past
            // forms, with only a day between, is the noun's participle.
            (
                "A council audit released Friday concluded that the pier was unsafe.",
                &["concluded / A council audit released Friday / named"],
            ),
            // A participle phrase after the subject's noun is the subject's.
            (
                "A survey published in June found that rents had doubled.",
                &["found / A survey published in June / named"],
            ),
            // A name after a quotation is not an interjection ("Hill/UH").
            (
                "\"We are staying,\" Marsh, 62, told reporters outside the court.",
                &["told / Marsh, 62 / named"],
            ),
            // No clause before the comma: nothing for the verb to interrupt.
            (
                "Two weeks ago, the coast guard warned of a storm.",
                &["warned / the coast guard / named"],
            ),
        ]);
    }

    #[test]
    fn clauses_interrupted_by_commas() {
        check(&[
            // A reported clause without "that" whose subject carries a
            // participle or a relative clause between commas.
            (
                "He said the audit, published in May, was clean.",
                &["said / He / named"],
            ),
            (
                "Mayor Ines Duarte said the bridge, which opened in 1998, needed new cables.",
                &["said / Mayor Ines Duarte / named"],
            ),
            (
                "Two engineers told us the dam, built without permits, was leaking.",
                &["told / Two engineers / anonymous"],
            ),
            // A clause-final attribution with a participle after its phrase.
            (
                "Rents will climb again, the housing agency said in a survey released Monday.",
                &["said / the housing agency / named"],
            ),
            (
                "Turnout fell sharply, the election board said in figures posted online.",
                &["said / the election board / named"],
            ),
            // A relative clause's verb describes its noun; the quotation is
            // the main verb's.
            (
                "\"Nobody came to help,\" one shopkeeper, who asked not to be named, told reporters.",
                &["told / one shopkeeper, who asked not to be named / anonymous"],
            ),
            (
                "\"The water was brown for a week,\" a nurse, who requested anonymity, recalled.",
                &["recalled / a nurse, who requested anonymity / anonymous"],
            ),
            // A verb of saying the tagger reads as a participle ("told/VBN")
            // after the sentence's first phrase, with who was told and a
            // clause after it.
            (
                "Prison guards told the inquiry the cells had flooded twice.",
                &["told / Prison guards / anonymous"],
            ),
            // …also when the subject carries a participle of its own.
            (
                "A woman charged with arson told the judge she had been asleep.",
                &["told / A woman charged with arson / anonymous"],
            ),
            // …while one with a clause of its own is a claim of its own.
            (
                "A pilot, who said the runway was flooded, refused to land.",
                &["said / A pilot / anonymous"],
            ),
            // An attribution between a clause's subject and its verb.
            (
                "The new ferry, port officials said, will sail twice a day.",
                &["said / port officials / anonymous"],
            ),
            (
                "Water rates, the utility said, would rise by a tenth.",
                &["said / the utility / named"],
            ),
            (
                "The strike, she told reporters, had already cost the union its fund.",
                &["told / she / named"],
            ),
            // …not a fronted phrase before a clause of the attribution's own.
            ("In March, the board said nothing about the sale.", &[]),
            // A participle of saying reports a clause whose verb the tagger
            // read as a participle ("saying officers fired/VBN first").
            (
                "The sheriff changed his account, saying deputies fired first.",
                &["saying / The sheriff / named"],
            ),
        ]);
    }

    #[test]
    fn gerunds_and_descriptions() {
        check(&[
            (
                "Passengers described hearing a loud bang before the ferry listed.",
                &["described / Passengers / anonymous"],
            ),
            (
                "The treasurer denied moving the funds.",
                &["denied / The treasurer / named"],
            ),
            (
                "Former staff describe a culture of silence at the clinic.",
                &["describe / Former staff / anonymous"],
            ),
            // A definite senator is an identified office-holder, as "the
            // mayor"; an indefinite one is not.
            (
                "The senator said the vote would be close. A senator said it would not.",
                &["said / The senator / named", "said / A senator / anonymous"],
            ),
            // A time after a participle is no object: "published this week".
            (
                "A study published this week found that the reef had shrunk.",
                &["found / A study published this week / named"],
            ),
        ]);
    }

    #[test]
    fn infinitives_that_are_claimed() {
        check(&[
            (
                "A caller claimed to have planted a device at the station.",
                &["claimed / A caller / anonymous"],
            ),
            // A noun before "claims to": the sentence's verb.
            (
                "The airline claims to have refunded every passenger.",
                &["claims / The airline / named"],
            ),
            // An act, not a claim.
            ("The union agreed to end the strike.", &[]),
        ]);
    }

    #[test]
    fn put_it_reports_words() {
        check(&[
            (
                "As one ferry captain put it, the timetable is a fiction.",
                &["put it / one ferry captain / anonymous"],
            ),
            (
                "Councillor Ada Moss put it plainly: the levy must go.",
                &["put it / Councillor Ada Moss / named"],
            ),
            // Its own object taken, a phrase after it is no content.
            ("The clerk put it on the shelf.", &[]),
        ]);
    }

    #[test]
    fn questions_inversions_and_shared_subjects() {
        check(&[
            (
                "\"Why did nobody warn the residents?\" Hill asked.",
                &["asked / Hill / named"],
            ),
            (
                "\"I saw the water rise,\" a fisherman recalled.",
                &["recalled / a fisherman / anonymous"],
            ),
            (
                "Reyes praised the council's staff and said he would vote for the plan.",
                &["said / Reyes / named"],
            ),
            (
                "The ferry operator wondered aloud whether the route would survive the year.",
                &["wondered / The ferry operator / named"],
            ),
            // Two verbs of saying of one subject are two claims, each with
            // its own clause.
            (
                "Warden Ada Cole admitted that two guards had slept but insisted the cells were secure.",
                &[
                    "admitted / Warden Ada Cole / named",
                    "insisted / Warden Ada Cole / named",
                ],
            ),
            (
                "Three nurses said the ward was short of staff and warned that patients were waiting for hours.",
                &[
                    "said / Three nurses / anonymous",
                    "warned / Three nurses / anonymous",
                ],
            ),
            // "suspects" is a noun here, not a verb of belief with "two"
            // for subject (and no inner speaker).
            (
                "The sheriff said three suspects had fled north.",
                &["said / The sheriff / named"],
            ),
            // …while a coordination inside the clause is the clause's.
            (
                "She said fares rose and fell all winter.",
                &["said / She / named"],
            ),
        ]);
    }

    #[test]
    fn relative_clauses_and_colons_around_the_verb() {
        check(&[
            // A relative clause after an inverted source describes it, and
            // may say why it is unnamed.
            (
                "\"We will appeal,\" said the landlord's solicitor, who declined to give his name.",
                &["said / the landlord's solicitor, who declined to give his name / anonymous"],
            ),
            (
                "\"The gates were locked,\" said a steward, who did not want to be named.",
                &["said / a steward, who did not want to be named / anonymous"],
            ),
            // A verb after a relative clause between commas, in its base
            // form after a plural noun ("show/VB").
            (
                "The invoices, which were reviewed by auditors, show the council paid twice.",
                &["show / The invoices, which were reviewed by auditors / named"],
            ),
            // A past form before a colon and a quotation is the sentence's
            // verb, after a relative clause without commas too.
            (
                "Pressed on the delay, an aide who was not cleared to comment replied: \"Ask the minister.\"",
                &["replied / an aide who was not cleared to comment / anonymous"],
            ),
        ]);
    }

    #[test]
    fn settings_posts_and_what_a_document_reads() {
        check(&[
            // "briefing" after a determiner is a noun, not "brief/VBG".
            (
                "The general told reporters at a briefing that the bridge had fallen.",
                &["told / The general / named"],
            ),
            (
                "\"The vote was rigged,\" the candidate posted on social media.",
                &["posted / the candidate / named"],
            ),
            // A noun read as the end of a compound before `: "` in a
            // sentence with no verb of its own is the verb.
            (
                "A notice from the council read: \"The pool is closed until May.\"",
                &["read / A notice from the council / named"],
            ),
        ]);
    }

    #[test]
    fn requests_and_a_first_word_read_as_an_imperative() {
        check(&[
            // "asked that …" is a request, not a statement; the relative
            // clause says why the source is unnamed.
            (
                "Two nurses, who asked that their names not be used, said the ward had no heating.",
                &["said / Two nurses, who asked that their names not be used / anonymous"],
            ),
            // "Court/VB records show/VB": the first word is the noun's
            // modifier.
            (
                "Court records show the tenant paid rent until March.",
                &["show / Court records / named"],
            ),
        ]);
    }

    #[test]
    fn a_clause_final_attribution_is_no_other_verbs_content() {
        // "reported" inside the statement has no clause of its own: the
        // attribution after the comma is the sentence's, not its content.
        check(&[
            (
                "The tally will change once every district has reported, the board said.",
                &["said / the board / named"],
            ),
            (
                "Ferries will sail when the harbour master has confirmed, she said.",
                &["said / she / named"],
            ),
        ]);
    }

    #[test]
    fn verbs_of_forecasting_guessing_and_manner() {
        check(&[
            // A past the same as the base, after a name ("forecast/NN").
            (
                "The Fisheries Council forecast that catches would halve.",
                &["forecast / The Fisheries Council / named"],
            ),
            (
                "The treasury projected that the deficit would narrow.",
                &["projected / The treasury / named"],
            ),
            // "quip" doubles its "p" ("qu" sounds a consonant).
            (
                "The coach quipped that his players needed a map.",
                &["quipped / The coach / named"],
            ),
            (
                "Two traders guessed that the rate would hold.",
                &["guessed / Two traders / anonymous"],
            ),
        ]);
    }

    #[test]
    fn phrases_between_the_verb_and_its_clause() {
        // A name with "and" inside ("the Securities and Exchange
        // Commission") does not end the phrases before "that".
        check(&[
            (
                "The brewer said in a letter to the Food and Drug Administration that its labels were accurate.",
                &["said / The brewer / named"],
            ),
            (
                "The lender told the Bank of England and HM Treasury that it had enough capital.",
                &["told / The lender / named"],
            ),
        ]);
    }

    #[test]
    fn unnamed_people_and_their_beliefs() {
        check(&[
            (
                "Diplomats believe the talks will collapse before winter.",
                &["believe / Diplomats / anonymous"],
            ),
            (
                "Officials in the port authority insist the dredging was legal.",
                &["insist / Officials in the port authority / anonymous"],
            ),
            (
                "Two dockworkers, who asked not to be named, said the cranes had failed twice.",
                &["said / Two dockworkers, who asked not to be named / anonymous"],
            ),
            (
                "Officials envision a new terminal by 2030.",
                &["envision / Officials / anonymous"],
            ),
            (
                "Relatives of the crew fear the worst.",
                &["fear / Relatives of the crew / anonymous"],
            ),
            (
                "Netizens claimed the video had been edited.",
                &["claimed / Netizens / anonymous"],
            ),
        ]);
    }

    #[test]
    fn objects_that_carry_the_content() {
        check(&[
            (
                "The regulator confirmed the fine on Friday.",
                &["confirmed / The regulator / named"],
            ),
            (
                "Witnesses reported loud explosions overnight.",
                &["reported / Witnesses / anonymous"],
            ),
            ("He said it in a phone call.", &["said / He / named"]),
            (
                "Two senior officials said so on Monday.",
                &["said / Two senior officials / anonymous"],
            ),
            (
                "The harbourmaster told reporters the pier would stay shut until spring.",
                &["told / The harbourmaster / named"],
            ),
            (
                "Officials said “more” was due.",
                &["said / Officials / anonymous"],
            ),
        ]);
    }

    #[test]
    fn verbs_that_report_nothing() {
        check(&[
            // A relative "that" after the object is no reported clause.
            (
                "The film tells the story of a family that fled the war.",
                &[],
            ),
            (
                "The minister declined to say whether the pier would reopen.",
                &[],
            ),
            ("The mayor did not say when the road would open.", &[]),
            (
                "The mayor is expected to address the council on Thursday.",
                &[],
            ),
            ("The visit comes amid rising tensions over the port.", &[]),
        ]);
    }
}
