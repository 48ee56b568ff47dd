//! Base phrases from tags: noun phrases with their heads, and verb groups
//! with their tense, voice and negation.
//!
//! A base noun phrase is a determiner or possessor, modifiers and nouns up
//! to its head ("two senior officials", "Britain's Defense Ministry", "Korea
//! expert Bruce Bennett", "a leaked memo"); a pronoun is one on its own. A
//! verb group is a verb with its auxiliaries, adverbs and negation ("has
//! not yet said", "was reportedly told", "to retract"). Everything larger —
//! a source with its appositive, a clause's subject, a verb's content — is
//! read from these by [`super::grammar`].
//!
//! Chunking by rules over tags is the classic fast shallow parse (Abney's
//! "Parsing by chunks", 1991): linear, with no model of its own, and its
//! rules are this file.

use std::ops::Range;

use super::tags::Tag;
use super::tokens::{Kind, Token};
use super::wordset::Words;

/// A base noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub tokens: Range<usize>,
    /// Its head: the last noun, or the pronoun, number or determiner that
    /// stands alone.
    pub head: usize,
    /// Where a possessor ("Britain's") ends: the token after its "'s".
    pub after_possessor: Option<usize>,
}

/// A verb with its auxiliaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    pub tokens: Range<usize>,
    /// The main verb.
    pub main: usize,
    /// Led by a tensed verb or a modal ("said", "has said", "will say").
    pub finite: bool,
    /// A form of "be" before a past participle ("was told", "is said").
    pub passive: bool,
    /// "not", "n't", "never" among its words.
    pub negated: bool,
    /// Led by "to" ("to retract").
    pub infinitive: bool,
}

/// The base phrases of a paragraph.
#[derive(Debug, Clone, Default)]
pub struct Chunks {
    pub nps: Vec<Np>,
    pub vgs: Vec<VerbGroup>,
    /// For each token, 1 + the index of its noun phrase (0: none).
    np_of: Vec<u32>,
    /// For each token, 1 + the index of its verb group (0: none).
    vg_of: Vec<u32>,
}

impl Chunks {
    pub fn np_at(&self, token: usize) -> Option<usize> {
        self.np_of
            .get(token)
            .and_then(|&k| k.checked_sub(1))
            .map(|k| k as usize)
    }

    pub fn vg_at(&self, token: usize) -> Option<usize> {
        self.vg_of
            .get(token)
            .and_then(|&k| k.checked_sub(1))
            .map(|k| k as usize)
    }

    /// The noun phrase ending exactly at `last`.
    pub fn np_ending_at(&self, last: usize) -> Option<usize> {
        self.np_at(last)
            .filter(|&k| self.nps[k].tokens.end == last + 1)
    }

    /// The noun phrase starting exactly at `first`.
    pub fn np_starting_at(&self, first: usize) -> Option<usize> {
        self.np_at(first)
            .filter(|&k| self.nps[k].tokens.start == first)
    }

    /// The verb groups starting in `tokens` (a sentence), found by binary
    /// search: rules run per sentence, and a paragraph may hold thousands.
    pub fn vgs_in(&self, tokens: Range<usize>) -> &[VerbGroup] {
        let a = self.vgs.partition_point(|v| v.tokens.start < tokens.start);
        let b = self.vgs.partition_point(|v| v.tokens.start < tokens.end);
        &self.vgs[a..b.max(a)]
    }

    /// The index of the first verb group starting at or after `token`.
    pub fn vg_from(&self, token: usize) -> usize {
        self.vgs.partition_point(|v| v.tokens.start < token)
    }

    /// The noun phrases starting in `tokens`.
    pub fn nps_in(&self, tokens: Range<usize>) -> &[Np] {
        let a = self.nps.partition_point(|n| n.tokens.start < tokens.start);
        let b = self.nps.partition_point(|n| n.tokens.start < tokens.end);
        &self.nps[a..b.max(a)]
    }
}

/// Closed-class words the chunker reads, in lower case.
pub mod words {
    pub use crate::analysis::syntax::wordset::Words;

    pub const BE: Words = Words::new(&[
        "be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m",
        "’m",
    ]);
    pub const HAVE: Words = Words::new(&["have", "has", "had", "having", "'ve", "’ve", "'d", "’d"]);
    pub const DO: Words = Words::new(&["do", "does", "did"]);
    pub const NEGATIONS: Words = Words::new(&["not", "n't", "n’t", "never"]);
    /// Words naming a time: they start a phrase of their own ("told
    /// reporters Tuesday", "the governor this week").
    pub const TIME: Words = Words::new(&[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
    ]);
    /// The months ("may" left out: it is far more often the verb).
    pub const MONTHS: Words = Words::new(&[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]);
    pub const INDEFINITE_PRONOUNS: Words = Words::new(&[
        "something",
        "nothing",
        "anything",
        "everything",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "nobody",
        "no-one",
    ]);
    /// Determiners that can stand alone as a phrase ("some say", "many
    /// believe", "others disagree").
    pub const STANDALONE: Words = Words::new(&[
        "some", "many", "others", "both", "all", "few", "several", "those", "these", "this",
        "that", "one", "most", "each", "either", "neither", "none",
    ]);
}

/// Whether token `t` is in `set`, in any case.
#[inline]
fn lower_in(text: &str, t: &Token, set: Words) -> bool {
    // (Bytes, not a `str` slice: no test of character boundaries.)
    set.has_bytes(&text.as_bytes()[t.range()])
}

fn lower_is(text: &str, t: &Token, list: &[&str]) -> bool {
    // (Cut once; lengths compared before letters.)
    let w = &text[t.range()];
    list.iter()
        .any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}

/// Tags that can stand inside a noun phrase before its head.
fn premodifier(tag: Tag) -> bool {
    tag.is_noun()
        || tag.is_adjective()
        || matches!(tag, Tag::CD | Tag::VBN | Tag::VBG | Tag::HYPH | Tag::AFX)
}

/// Finds the base phrases of a paragraph's sentences.
pub fn chunk(text: &str, tokens: &[Token], tags: &[Tag], sentences: &[Range<usize>]) -> Chunks {
    // The phrases are gathered in this thread's buffers and copied out at
    // their exact length: a long article keeps every paragraph's phrases
    // until its sources are resolved, and growing vectors allocate twice
    // and leave up to half of what they hold unused.
    thread_local! {
        static BUFFERS: std::cell::RefCell<(Vec<Np>, Vec<VerbGroup>)> =
            std::cell::RefCell::default();
    }
    BUFFERS.with_borrow_mut(|(nps, vgs)| {
        nps.clear();
        vgs.clear();
        let mut c = Chunks {
            nps: std::mem::take(nps),
            vgs: std::mem::take(vgs),
            np_of: vec![0; tokens.len()],
            vg_of: vec![0; tokens.len()],
        };
        for s in sentences {
            noun_phrases(text, tokens, tags, s.clone(), &mut c);
            verb_groups(text, tokens, tags, s.clone(), &mut c);
        }
        *nps = std::mem::take(&mut c.nps);
        *vgs = std::mem::take(&mut c.vgs);
        c.nps = nps.clone();
        c.vgs = vgs.clone();
        c
    })
}

fn noun_phrases(text: &str, tokens: &[Token], tags: &[Tag], s: Range<usize>, c: &mut Chunks) {
    let mut i = s.start;
    while i < s.end {
        let tag = tags[i];
        // Pronouns, and indefinite pronouns ("something relatives said"),
        // are phrases of their own.
        if tag == Tag::PRP || lower_in(text, &tokens[i], words::INDEFINITE_PRONOUNS) {
            push_np(c, i..i + 1, i, None);
            i += 1;
            continue;
        }
        // A participle opens a phrase only before its noun ("leaked
        // memos", "suspected militants"), and a gerund only after a
        // determiner ("the ruling party"), not "including Afghanistan".
        let after_aux = || {
            (s.start..i)
                .rev()
                .find(|&k| !tags[k].is_adverb())
                .is_some_and(|k| {
                    lower_in(text, &tokens[k], words::BE) || lower_in(text, &tokens[k], words::HAVE)
                })
        };
        // A participle after a noun or pronoun is a verb ("the spy accused
        // Putin"), and after a comma or dash opens a phrase only before a
        // common noun ("…, leaked documents show").
        let prev = (i > s.start).then(|| tags[i - 1]);
        // After a comma it opens a phrase only when a tensed verb follows
        // its noun ("…, leaked documents show"); "…, issued retractions
        // Friday" is the sentence's verb.
        let noun_then_verb = || {
            i + 1 < s.end
                && matches!(tags[i + 1], Tag::NN | Tag::NNS | Tag::JJ)
                && (i + 2..s.end.min(i + 5)).any(|k| tags[k].is_finite())
        };
        let verb_like = || {
            prev.is_some_and(|t| t.is_noun() || t == Tag::PRP || t.is_adverb())
                || prev.is_some_and(|t| t.is_punctuation()) && !noun_then_verb()
        };
        let starts = matches!(tag, Tag::DT | Tag::PDT | Tag::PRPS | Tag::WPS | Tag::CD)
            || tag.is_noun()
            || tag.is_adjective()
            || (tag == Tag::VBN
                && !after_aux()
                && !verb_like()
                && continues_to_noun(tags, i + 1, s.end));
        if !starts || tokens[i].kind == Kind::Mark {
            i += 1;
            continue;
        }
        let first = i;
        let mut j = i;
        let mut after_possessor = None;
        if tags[j] == Tag::PDT {
            j += 1;
        }
        if j < s.end && matches!(tags[j], Tag::DT | Tag::PRPS | Tag::WPS) {
            j += 1;
        }
        loop {
            let mut seen_noun = false;
            while j < s.end && tokens[j].kind != Kind::Mark {
                let t = tags[j];
                // A time phrase after a noun is an adverbial of its own:
                // "the paper last year", "the release hours later".
                let time_after = seen_noun && time_adverbial(text, tokens, tags, j, s.end);
                let fits = if time_after {
                    false
                } else if t.is_noun() {
                    // A time word starts a phrase of its own.
                    // ("the attack Tuesday"), unless a name goes on: "the
                    // Sunday Times".
                    !(j > first
                        && lower_in(text, &tokens[j], words::TIME)
                        && !(j + 1 < s.end && tags[j + 1] == Tag::NNP))
                } else if matches!(t, Tag::CD | Tag::HYPH | Tag::AFX) {
                    true
                } else if t.is_adjective() {
                    // After a noun only as a mistagged noun before another.
                    !seen_noun || j + 1 < s.end && tags[j + 1].is_noun()
                } else if t == Tag::CC && lower_is(text, &tokens[j], &["and", "or"]) {
                    // "Israeli and Syrian leaders"
                    !seen_noun
                        && j > first
                        && tags[j - 1].is_adjective()
                        && j + 1 < s.end
                        && tags[j + 1].is_adjective()
                } else if matches!(t, Tag::VBN | Tag::VBG) {
                    // Participles modify from before the nouns only.
                    !seen_noun && continues_to_noun(tags, j + 1, s.end)
                } else {
                    false
                };
                if !fits {
                    break;
                }
                seen_noun |= t.is_noun();
                j += 1;
            }
            // "'s" after a noun: a possessor, if a phrase follows.
            if j < s.end
                && j > first
                && tags[j] == Tag::POS
                && j + 1 < s.end
                && (premodifier(tags[j + 1]) || tags[j + 1] == Tag::DT)
                && tokens[j + 1].kind != Kind::Mark
            {
                j += 1;
                after_possessor = Some(j);
                continue;
            }
            break;
        }
        if j == first {
            i += 1;
            continue;
        }
        // The head: the last noun; an adjective standing as a noun after
        // a determiner or possessor ("the military", "the dead", "his
        // daily"); else the number or determiner standing alone ("the
        // two", "some").
        let determined = matches!(tags[first], Tag::DT | Tag::PRPS) || after_possessor.is_some();
        let nominal = determined && j > first + 1 && tags[j - 1].is_adjective();
        let head = nominal
            .then_some(j - 1)
            .or_else(|| (first..j).rev().find(|&k| tags[k].is_noun()))
            .or_else(|| {
                (first..j)
                    .rev()
                    .find(|&k| tags[k] == Tag::CD || lower_in(text, &tokens[k], words::STANDALONE))
            });
        match head {
            // What follows the head ("officials present") is not its.
            Some(h) => {
                let after_possessor = after_possessor.filter(|&a| a <= h);
                // …but a number after its noun is part of the name: "Jan.
                // 12", "Flight 370", "Resolution 2231".
                let mut end = h + 1;
                while end < j && tags[end] == Tag::CD && tags[h].is_noun() {
                    end += 1;
                }
                push_np(c, first..end, h, after_possessor);
                i = end;
            }
            None => i = j,
        }
    }
}

/// Whether a time adverbial starts at `j`: "last year", "this week",
/// "hours later", "two days ago".
fn time_adverbial(text: &str, tokens: &[Token], tags: &[Tag], j: usize, end: usize) -> bool {
    const SPANS: Words = Words::new(&[
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "minute",
        "minutes",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "season",
        "quarter",
        "term",
        "decade",
        "century",
    ]);
    const BEFORE: Words = Words::new(&["last", "next", "this", "every", "each", "early", "late"]);
    const AFTER: Words = Words::new(&["later", "earlier", "ago", "after", "before", "afterwards"]);
    let is = |k: usize, set: Words| k < end && lower_in(text, &tokens[k], set);
    // Spans of time, days and months ("last Friday", "next March").
    let span = |k: usize| is(k, SPANS) || is(k, words::TIME) || is(k, words::MONTHS);
    (is(j, BEFORE) && span(j + 1))
        || (span(j) && is(j + 1, AFTER))
        || (tags[j] == Tag::CD && span(j + 1) && is(j + 2, AFTER))
}

/// Whether modifiers from `k` on reach a noun ("leaked" → "leaked memo").
fn continues_to_noun(tags: &[Tag], mut k: usize, end: usize) -> bool {
    while k < end && (tags[k].is_adjective() || matches!(tags[k], Tag::VBN | Tag::VBG | Tag::CD)) {
        k += 1;
    }
    k < end && tags[k].is_noun()
}

fn push_np(c: &mut Chunks, tokens: Range<usize>, head: usize, after_possessor: Option<usize>) {
    let k = c.nps.len() as u32 + 1;
    for t in tokens.clone() {
        c.np_of[t] = k;
    }
    c.nps.push(Np {
        tokens,
        head,
        after_possessor,
    });
}

fn verb_groups(text: &str, tokens: &[Token], tags: &[Tag], s: Range<usize>, c: &mut Chunks) {
    let mut i = s.start;
    while i < s.end {
        let tag = tags[i];
        let in_np = c.np_of[i] != 0;
        let opens =
            !in_np && (tag.is_verb() || tag == Tag::TO && i + 1 < s.end && tags[i + 1] == Tag::VB);
        if !opens {
            i += 1;
            continue;
        }
        let first = i;
        let mut j = i;
        let mut main = i;
        let mut negated = false;
        let mut be_before = false;
        let mut passive = false;
        loop {
            if j >= s.end {
                break;
            }
            let t = tags[j];
            if c.np_of[j] != 0 {
                break;
            }
            if t.is_verb() {
                main = j;
                passive = be_before && t == Tag::VBN;
                be_before = lower_in(text, &tokens[j], words::BE);
                let aux = lower_in(text, &tokens[j], words::BE)
                    || lower_in(text, &tokens[j], words::HAVE)
                    || lower_in(text, &tokens[j], words::DO)
                    || t == Tag::MD;
                j += 1;
                if !aux {
                    break;
                }
                // An auxiliary continues over adverbs to its verb.
                // "has since withdrawn": "since" before a participle is an
                // adverb whatever its tag.
                let mut k = j;
                while k < s.end
                    && (tags[k].is_adverb()
                        || lower_is(text, &tokens[k], &["since"])
                            && k + 1 < s.end
                            && tags[k + 1] == Tag::VBN)
                {
                    k += 1;
                }
                if k < s.end && tags[k].is_verb() {
                    negated |= (j..k).any(|a| lower_in(text, &tokens[a], words::NEGATIONS));
                    j = k;
                    continue;
                }
                break;
            } else if t == Tag::TO {
                j += 1;
            } else {
                break;
            }
        }
        // "never said", "not only said": adverbs just before the group.
        let before = (s.start.max(first.saturating_sub(2))..first).rev();
        negated |= before
            .take_while(|&a| tags[a].is_adverb())
            .any(|a| lower_in(text, &tokens[a], words::NEGATIONS));
        // A bare verb right after its subject is present tense ("researchers
        // with NASA say/VB"): the tagger, trained on web text, often gives
        // the bare form; after "to", a modal or "do" it stays bare.
        let mut subject_end = first;
        while subject_end > s.start && tags[subject_end - 1].is_adverb() {
            subject_end -= 1;
        }
        let after_subject = subject_end > s.start
            && (tags[subject_end - 1].is_noun() || tags[subject_end - 1] == Tag::PRP)
            && !lower_is(text, &tokens[subject_end - 1], &["you"]);
        let finite = tags[first].is_finite() || tags[first] == Tag::VB && after_subject;
        let k = c.vgs.len() as u32 + 1;
        for t in first..j {
            c.vg_of[t] = k;
        }
        c.vgs.push(VerbGroup {
            tokens: first..j,
            main,
            finite,
            passive,
            negated,
            infinitive: tags[first] == Tag::TO,
        });
        i = j.max(first + 1);
    }
    past_for_participle(text, tokens, tags, s.clone(), c);
    participle_for_past(tokens, tags, s, c);
}

/// The reverse mistake: a lone past form with no subject of its own is a
/// participle — in an appositive after a name (", jailed in Iran for
/// three months,") — when the sentence's tensed verb follows it.
fn participle_for_past(tokens: &[Token], tags: &[Tag], s: Range<usize>, c: &mut Chunks) {
    let first_vg = c.vgs.partition_point(|v| v.tokens.start < s.start);
    let end_vg = c.vgs.partition_point(|v| v.tokens.start < s.end);
    for k in first_vg..end_vg {
        let v = &c.vgs[k];
        let m = v.tokens.start;
        if !v.finite || v.tokens.len() != 1 || tags[m] != Tag::VBD || m < s.start + 2 {
            continue;
        }
        let next_is_object = m + 1 < s.end && (c.np_of[m + 1] != 0 || tags[m + 1] == Tag::DT);
        let is_comma = |j: usize| tokens[j].kind == Kind::Mark && tokens[j].first == ',';
        // ", jailed in Iran for three months, told …": set off by commas,
        // with the sentence's tensed verb right after the closing one.
        let closing = (m + 1..s.end.min(m + 14)).find(|&j| is_comma(j));
        let appositive = is_comma(m - 1)
            && c.np_of[m - 2] != 0
            && !next_is_object
            && closing.is_some_and(|j| {
                (m + 1..j).all(|t| !tags[t].is_verb())
                    && c.vgs[k + 1..end_vg]
                        .iter()
                        .any(|w| w.finite && w.tokens.start == j + 1)
            })
            && !c.vgs[first_vg..k].iter().any(|w| w.finite);
        if appositive {
            c.vgs[k].finite = false;
        }
    }
}

/// The tagger, trained on web text, often gives a news sentence's main
/// verb as a participle ("a military probe found/VBN evidence", "the
/// magazine extended/VBN sympathies"). A lone participle right after its
/// subject, with an object after it and no tensed verb later in its
/// clause, is the clause's tensed verb; one followed by "by", a
/// preposition or a time ("missiles fired by a drone killed …", "the
/// girls kidnapped Monday") stays a participle.
fn past_for_participle(
    text: &str,
    tokens: &[Token],
    tags: &[Tag],
    s: Range<usize>,
    c: &mut Chunks,
) {
    let first_vg = c.vgs.partition_point(|v| v.tokens.start < s.start);
    for k in first_vg..c.vgs.len() {
        let v = &c.vgs[k];
        let m = v.tokens.start;
        if v.finite || v.infinitive || v.tokens.len() != 1 || tags[m] != Tag::VBN || m == s.start {
            continue;
        }
        // Right after its subject, or after a parenthetical closing with a
        // comma, dash or bracket when no tensed verb came before.
        // Tensed verbs before it, leaving out those of a relative clause
        // set off by commas ("The memo, which was later retracted,
        // suggested/VBN …").
        let in_relative = |w: &VerbGroup| {
            let comma = (s.start..w.tokens.start)
                .rev()
                .find(|&j| tokens[j].kind == Kind::Mark && tokens[j].first == ',');
            comma.is_some_and(|j| {
                j + 1 < s.end && matches!(tags[j + 1], Tag::WDT | Tag::WP | Tag::WPS)
            })
        };
        let earlier_finite = c.vgs[first_vg..k]
            .iter()
            .any(|w| w.finite && !in_relative(w));
        // Adverbs may stand between: "The witness later retracted …".
        let mut before = m - 1;
        while before > s.start && tags[before].is_adverb() {
            before -= 1;
        }
        // A bracket between the subject and its verb: "missiles fired by a
        // drone (pilotless aircraft) killed/VBN five".
        if tags[before] == Tag::RRB
            && let Some(open) = (s.start..before).rev().find(|&j| tags[j] == Tag::LRB)
            && open > s.start
        {
            before = open - 1;
        }
        // A second verb joined by "and"/"but" to a tensed one ("…, but
        // later recanted/VBN") is tensed too.
        if earlier_finite
            && tags[before] == Tag::CC
            && lower_is(text, &tokens[before], &["and", "but", "or"])
        {
            c.vgs[k].finite = true;
            continue;
        }
        let after_subject = c.np_of[before] != 0 && tags[before] != Tag::PRPS
            || !earlier_finite && matches!(tags[m - 1], Tag::COMMA | Tag::COLON | Tag::HYPH);
        // …or a "that" clause or quotation after phrases: "announced in a
        // social media post that …".
        let complement = (m + 1..s.end.min(m + 14))
            .find(|&j| {
                // (A relative "that" belongs to a noun: "an item posted on
                // Sunday that said" — a verb straight after, no subject.)
                let relative = j + 1 < s.end && tags[j + 1].is_verb();
                lower_is(text, &tokens[j], &["that"]) && !relative || tags[j] == Tag::OPEN_QUOTE
            })
            .is_some_and(|j| (m + 1..j).all(|k| !tags[k].is_verb()));
        let object = complement
            || m + 1 < s.end
                && c.np_of[m + 1] != 0
                && !lower_in(text, &tokens[m + 1], words::TIME)
                // "published this week", "released last month": a time.
                && !time_adverbial(text, tokens, tags, m + 1, s.end)
                && !words::TIME.iter().any(|w| {
                    let np = c.np_of[m + 1] as usize - 1;
                    lower_is(text, &tokens[c.nps[np].head], &[w])
                });
        // `"…," a fisherman recalled/VBN.`: a quotation's attribution,
        // the participle closing the clause right after its subject.
        let attribution = || {
            let Some(&n) = c.np_of.get(before).filter(|&&n| n > 0) else {
                return false;
            };
            let start = c.nps[n as usize - 1].tokens.start;
            let after_quote = |j: usize| tags[j] == Tag::CLOSE_QUOTE;
            let quoted = start > s.start
                && (after_quote(start - 1)
                    || start > s.start + 1
                        && tags[start - 1] == Tag::COMMA
                        && after_quote(start - 2));
            let closes =
                m + 1 >= s.end || matches!(tags[m + 1], Tag::PERIOD | Tag::COMMA | Tag::IN);
            quoted && closes
        };
        // "which the Meridian later retracted/VBN": a relative clause with
        // its own subject needs a tensed verb (its object is the pronoun).
        let relative = || {
            let Some(&n) = c.np_of.get(before).filter(|&&n| n > 0) else {
                return false;
            };
            let start = c.nps[n as usize - 1].tokens.start;
            start > s.start
                && matches!(tags[start - 1], Tag::WDT | Tag::WP)
                && lower_is(text, &tokens[start - 1], &["which", "that", "whom"])
        };
        // "The network later apologized/VBN and pulled …": an adverb
        // between the subject and the verb marks a tensed verb (a reduced
        // relative follows its noun directly: "troops deployed there").
        let adverb_between = before + 1 < m && !earlier_finite;
        if !after_subject || !(object || attribution() || relative() || adverb_between) {
            continue;
        }
        // No tensed verb later in the clause.
        let clause_end = (m + 1..s.end)
            .find(|&j| tokens[j].kind == Kind::Mark && matches!(tokens[j].first, ',' | ';' | ':'))
            .unwrap_or(s.end);
        let mut later = c.vgs[k + 1..]
            .iter()
            .take_while(|w| w.tokens.start < clause_end)
            .filter(|w| w.finite);
        // …unless it heads a clause of its own right after the object:
        // "Reports said/VBN headteachers had not been told".
        let object_end = match c.np_of.get(m + 1) {
            Some(&k) if k > 0 => c.nps[k as usize - 1].tokens.end,
            _ => m + 1,
        };
        // …and a "that" clause after it holds its own verbs.
        let later = !complement && later.next().is_some_and(|w| w.tokens.start != object_end);
        if !later {
            c.vgs[k].finite = true;
        }
    }
}
