//! What attribution rules ask of a sentence's phrases: the subject of a
//! verb with everything that belongs to it, the phrase after a verb or a
//! preposition, and the clause a verb reports.
//!
//! English news puts a lot between a source's head and its verb —
//! appositives ("Omar Reyes, the council's budget chief,"), titles and
//! party labels ("Sen. Alma Price, R-Ky.,", "Rep. Dana Hill (D-Ore.)"),
//! prepositional phrases ("officials at the ministry", "people familiar
//! with the talks"), relative clauses ("a witness who spoke on condition
//! of anonymity"), and adverbials ("this week", "almost immediately"). The
//! finders here walk the base phrases of [`super::chunks`] and step over
//! these by their shape — commas, brackets, prepositions, relative
//! pronouns, tags — never by particular words of an article. The closed
//! classes they read (prepositions, relative pronouns, time words) are
//! English grammar and are listed here.

use std::ops::Range;

use super::Parsed;
use super::chunks::{VerbGroup, words};
use super::tags::Tag;
use super::tokens::{Kind, flag};
use super::wordset::Words;

/// Prepositions that attach a phrase to a noun before it ("officials at
/// the ministry", "a spokesman for the police", "the head of the agency").
const NOUN_PREPOSITIONS: Words = Words::new(&[
    "of",
    "at",
    "for",
    "from",
    "in",
    "with",
    "on",
    "near",
    "to",
    "about",
    "within",
    "inside",
    "outside",
    "under",
    "across",
    "among",
    "around",
    "behind",
    "by",
    "close",
    "familiar",
    "knowledgeable",
    "involved",
    "briefed",
    "aware",
    "loyal",
    "linked",
    "tied",
    "connected",
    "based",
    "working",
    "speaking",
    "representing",
    "opposed",
    "allied",
    "affiliated",
]);

/// Adjectives and participles standing after a noun with a phrase of
/// their own: "people familiar with the matter", "sources close to the
/// talks", "officials briefed on the plan".
const POSTMODIFIERS: Words = Words::new(&[
    "familiar",
    "close",
    "knowledgeable",
    "involved",
    "briefed",
    "aware",
    "loyal",
    "linked",
    "tied",
    "connected",
    "based",
    "working",
    "opposed",
    "allied",
    "affiliated",
    "responsible",
    "present",
    "acquainted",
    "privy",
    "party",
    "critical",
    "sympathetic",
    "speaking",
    "representing",
    "obtained",
    "seen",
    "reviewed",
    "leaked",
    "published",
    "released",
    "written",
    "signed",
    "issued",
    "sent",
    "posted",
    "led",
    "funded",
    "commissioned",
    "prepared",
    "drafted",
    "compiled",
    "conducted",
    "carried",
    "cited",
    "quoted",
    "titled",
    "entitled",
    "headlined",
    "dated",
    "aired",
    "broadcast",
    "by",
]);

const RELATIVES: Words = Words::new(&["who", "which", "that", "whom", "whose"]);

/// Words that open a subordinate clause: a subject is never found across one.
const SUBORDINATORS: Words = Words::new(&[
    "that", "because", "although", "though", "while", "whereas", "if", "unless", "since", "when",
    "after", "before", "as", "whether", "until", "once", "where", "so",
]);

/// Words naming a stretch of time, heads of adverbial phrases ("this
/// week", "last month", "on Tuesday").
const TIME_HEADS: Words = Words::new(&[
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "hour",
    "hours",
    "minute",
    "minutes",
    "time",
    "times",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "decade",
    "century",
    "season",
    "moment",
    "may",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
    "earlier",
    "later",
    "ago",
]);

/// Whether the word `t` is `w`, ignoring case (and ’ for ').
#[inline]
fn word_is(t: &str, w: &str) -> bool {
    if t.len() == w.len() {
        return t.eq_ignore_ascii_case(w);
    }
    if t.len() < w.len() || t.is_ascii() {
        return false;
    }
    // ’ is three bytes where ' is one: only a word with an apostrophe
    // can match a longer token (tested last, as few list words have
    // one and this runs for every word of every list).
    t.len() > w.len()
        && (t.len() - w.len()).is_multiple_of(2)
        && w.as_bytes().contains(&b'\'')
        && t.replace('’', "'").eq_ignore_ascii_case(w)
}

impl<'a> Parsed<'a> {
    /// Whether token `i` is `w`, ignoring case (and ’ for ').
    pub fn is(&self, i: usize, w: &str) -> bool {
        word_is(self.word(i), w)
    }

    /// Whether token `i` is any of `list`.
    pub fn is_any(&self, i: usize, list: &[&str]) -> bool {
        // The token is cut from the text once, not once per entry.
        let t = self.word(i);
        if t.is_ascii() {
            // Without a ’, only an entry of its length can match.
            return list
                .iter()
                .any(|w| w.len() == t.len() && t.eq_ignore_ascii_case(w));
        }
        list.iter().any(|w| word_is(t, w))
    }

    /// [`Parsed::is_any`] for a set built once ([`Words`]): a word of
    /// ASCII letters is ruled out by the set's bit tests first.
    pub fn is_in(&self, i: usize, set: Words) -> bool {
        let t = self.word(i);
        if t.is_ascii() {
            return set.has(t);
        }
        set.iter().any(|w| word_is(t, w))
    }

    pub fn is_mark(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_mark(c))
    }

    /// A quotation mark (of any style).
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Mark
                && matches!(t.first, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '\'')
        }) && matches!(self.tags[i], Tag::OPEN_QUOTE | Tag::CLOSE_QUOTE)
            || self
                .quotes
                .iter()
                .any(|q| q.open == i || q.close == Some(i))
    }

    /// A dash: "—", "–", or "--".
    pub fn is_dash(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Mark && (matches!(t.first, '—' | '–') || self.word(i) == "--")
        })
    }

    /// The sentence range holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_of(i))
            .cloned()
            .unwrap_or(0..0)
    }

    /// A time phrase ending at `last`: "this week", "last month",
    /// "Tuesday", "earlier this year". Returns its first token.
    fn time_phrase_ending_at(&self, last: usize, lo: usize) -> Option<usize> {
        let np = self.chunks.np_ending_at(last)?;
        let np = &self.chunks.nps[np];
        let head = np.head;
        let timely = self.is_time_head(head);
        if !timely || np.tokens.start < lo {
            return None;
        }
        let mut start = np.tokens.start;
        // "earlier this week", "late Monday", "on Tuesday", "in March".
        if start > lo
            && (self.tags[start - 1].is_adverb()
                || self.tags[start - 1] == Tag::IN && !self.is(start - 1, "of"))
        {
            start -= 1;
        }
        Some(start)
    }

    /// Whether a phrase's head names a time ("Tuesday", "week").
    pub fn is_time_head(&self, head: usize) -> bool {
        // "the Valdor Times", "the Times": a common word of time written
        // as a name is a name ("Tuesday", "in May" stay times).
        let named = self.tokens[head].capitalized()
            && head > 0
            && (self.tags[head - 1].is_proper() || self.is(head - 1, "the"))
            && !self.is_in(head, words::TIME);
        !named
            && (self.is_in(head, TIME_HEADS)
                || self.is_in(head, words::TIME)
                || self.is_in(head, words::MONTHS))
    }

    /// Skips, leftwards from `end` (exclusive), what may stand between a
    /// verb and its subject: adverbs ("also", "almost immediately"), time
    /// phrases ("this week", "on Tuesday"), and a comma-enclosed adverb
    /// (", however,"). Returns the new exclusive end.
    pub fn skip_adverbials_left(&self, mut end: usize, lo: usize) -> usize {
        loop {
            if end <= lo {
                return end;
            }
            let t = end - 1;
            if self.tags[t].is_adverb() && !self.is(t, "not") && !self.is(t, "n't") {
                end = t;
                continue;
            }
            if let Some(start) = self.time_phrase_ending_at(t, lo) {
                end = start;
                continue;
            }
            // ", however," / ", meanwhile,"
            if self.is_mark(t, ',')
                && t >= lo + 2
                && self.tags[t - 1].is_adverb()
                && self.is_mark(t - 2, ',')
            {
                end = t - 2;
                continue;
            }
            return end;
        }
    }

    /// The subject of a verb group, with its appositives, brackets,
    /// prepositional phrases and relative clauses: "Rep. Dana Hill
    /// (D-Ore.), a member of the oversight panel," for "said". A relative
    /// pronoun ("a story that said", "the witness who testified") stands
    /// for the phrase before it. A verb joined to an earlier one by "and"
    /// shares its subject ("Reyes praised the staff and said ...").
    pub fn subject_of(&self, vg: &VerbGroup) -> Option<Range<usize>> {
        let s = self.sentence_range(vg.tokens.start);
        let end = self.skip_adverbials_left(vg.tokens.start, s.start);
        if end <= s.start {
            return None;
        }
        // "A leaked memo, since withdrawn, said …": a participle set off
        // after its noun has that noun for subject.
        let mut k = vg.tokens.start;
        while k > s.start && (self.tags[k - 1].is_adverb() || self.is(k - 1, "since")) {
            k -= 1;
        }
        if !vg.finite
            && self.tags[vg.main] == Tag::VBN
            && k > s.start + 1
            && self.is_mark(k - 1, ',')
            && self.chunks.np_ending_at(k - 2).is_some()
        {
            return self.phrase_ending_before(k - 1, s.start);
        }
        let t = end - 1;
        // "A study published in March claimed …": a participle phrase after
        // its noun (its time and place skipped above) belongs to the subject.
        if self.tags[t] == Tag::VBN
            && self
                .chunks
                .vg_at(t)
                .is_some_and(|v| !self.chunks.vgs[v].finite)
        {
            let mut j = t;
            while j > s.start && self.tags[j - 1].is_adverb() {
                j -= 1;
            }
            if let Some(r) = self.phrase_ending_before(j, s.start) {
                return Some(r.start..k);
            }
        }
        if self.tags[t] == Tag::CC && (self.is(t, "and") || self.is(t, "but") || self.is(t, "or")) {
            return self.coordinated_subject(t, s.start);
        }
        if self.is_in(t, RELATIVES)
            && matches!(self.tags[t], Tag::WDT | Tag::WP | Tag::IN | Tag::DT)
        {
            return self.relative_antecedent(t, s.start);
        }
        self.phrase_ending_before(end, s.start)
    }

    /// What the relative pronoun at `rel` stands for, within its sentence.
    pub fn subject_of_relative(&self, rel: usize) -> Option<Range<usize>> {
        let s = self.sentence_range(rel);
        self.relative_antecedent(rel, s.start)
    }

    /// The phrase a relative pronoun at `rel` stands for: "a story that
    /// said", "Bun Tha, who publishes", "a story, based on a single
    /// anonymous source, that said", "a statement it made earlier this
    /// week that indicated".
    fn relative_antecedent(&self, rel: usize, lo: usize) -> Option<Range<usize>> {
        let mut end = rel;
        if end > lo && self.is_mark(end - 1, ',') {
            // The comma opens the relative clause, or closes a parenthetical
            // between the phrase and its relative clause.
            let close = end - 1;
            let open = (lo..close).rev().find(|&j| self.is_mark(j, ','));
            let listing = |o: usize| self.is_any(o + 1, &["including", "like", "among", "such"]);
            end = match open {
                Some(o) if self.is_parenthetical(o + 1..close) && !listing(o) => o,
                _ => close,
            };
        }
        let whole = end;
        let mut end = self.skip_adverbials_left(end, lo);
        // A participle phrase between: "an item [posted on its website on
        // Thursday] that said" — prepositional phrases and the participle.
        let keep = end;
        let mut k = end;
        loop {
            k = self.skip_adverbials_left(k, lo);
            // "posted online/JJ that": a bare adjective after a participle
            // is used as its adverb.
            if k > lo + 1 && self.tags[k - 1] == Tag::JJ && self.tags[k - 2] == Tag::VBN {
                k -= 1;
                continue;
            }
            if k > lo
                && let Some(n) = self.chunks.np_ending_at(k - 1)
                && self.chunks.nps[n].tokens.start > lo
                && self.tags[self.chunks.nps[n].tokens.start - 1] == Tag::IN
            {
                k = self.chunks.nps[n].tokens.start - 1;
                continue;
            }
            break;
        }
        if k > lo + 1
            && matches!(self.tags[k - 1], Tag::VBN | Tag::VBG)
            && self
                .chunks
                .vg_at(k - 1)
                .is_none_or(|v| !self.chunks.vgs[v].finite)
            && self.chunks.np_ending_at(k - 2).is_some()
        {
            return self.phrase_ending_before(k - 1, lo).map(|r| r.start..keep);
        }
        end = keep;
        // A contact clause between: "a statement [it made earlier this week]
        // that …" — a pronoun and its verb right before.
        if end > lo + 2
            && let Some(v) = self.chunks.vg_at(end - 1)
            && self.chunks.vgs[v].tokens.end == end
            && self.chunks.vgs[v].finite
        {
            let vs = self.chunks.vgs[v].tokens.start;
            if vs > lo + 1 && self.tags[vs - 1] == Tag::PRP {
                // The clause says whose it is: it belongs to the phrase.
                return self
                    .phrase_ending_before(vs - 1, lo)
                    .map(|r| r.start..whole);
            }
        }
        self.phrase_ending_before(end, lo)
    }

    /// The subject shared by a verb after "and": that of the first verb
    /// of the coordination (the leftmost tensed verb of the clause).
    fn coordinated_subject(&self, conj: usize, lo: usize) -> Option<Range<usize>> {
        let mut clause_start = lo;
        for k in (lo..conj).rev() {
            if self.is_mark(k, ';') || self.is_mark(k, ':') || self.is_quote_mark(k) {
                clause_start = k + 1;
                break;
            }
        }
        let first = self
            .chunks
            .vgs
            .iter()
            .filter(|v| v.finite && v.tokens.start >= clause_start && v.tokens.end <= conj)
            .find(|v| {
                // Not a verb of a subordinate clause ("after the mayor resigned").
                let subj = self.subject_of(v);
                subj.is_some_and(|r| {
                    r.start == clause_start || !self.opens_subordinate(r.start - 1)
                })
            })?;
        self.subject_of(first)
    }

    fn opens_subordinate(&self, i: usize) -> bool {
        self.is_in(i, SUBORDINATORS) && matches!(self.tags[i], Tag::IN | Tag::WRB | Tag::WDT)
    }

    /// Whether the comma-enclosed tokens `seg` can stand inside a noun
    /// phrase: an appositive ("a member of the panel"), a relative clause
    /// ("who spoke on condition of anonymity"), a participle phrase
    /// ("speaking on condition of anonymity"), a party label ("R-Ky."), an
    /// age ("55").
    fn is_parenthetical(&self, seg: Range<usize>) -> bool {
        if seg.is_empty() {
            return false;
        }
        let first = seg.start;
        let tag = self.tags[first];
        if self.is_in(first, RELATIVES) && matches!(tag, Tag::WP | Tag::WDT | Tag::WPS) {
            return true;
        }
        // "one of whom was present", "some of which": a relative clause
        // opened by a quantity.
        if seg.len() >= 3
            && (first + 1..(first + 4).min(seg.end)).any(|k| {
                self.is(k - 1, "of") && matches!(self.tags[k], Tag::WP | Tag::WDT | Tag::WPS)
            })
        {
            return true;
        }
        if matches!(tag, Tag::VBG | Tag::VBN) {
            return true;
        }
        // "since withdrawn", "later retracted"
        if (tag.is_adverb() || tag == Tag::IN)
            && seg.len() <= 3
            && seg.clone().any(|k| self.tags[k] == Tag::VBN)
        {
            return true;
        }
        // "R-Ky.", "D-Ore.", "55", "a Democrat".
        if seg.len() == 1
            && (self.word(first).contains('-') && self.tokens[first].capitalized()
                || tag == Tag::CD)
        {
            return true;
        }
        // An appositive: a noun phrase, perhaps with prepositional
        // phrases, and no tensed verb.
        let has_finite = seg.clone().any(|k| self.tags[k].is_finite());
        // A prepositional phrase set off by commas: "The minister, in a
        // statement released late Friday, said".
        if tag == Tag::IN && seg.len() >= 2 && !has_finite && !self.is(first, "that") {
            return true;
        }
        let starts_phrase = self.chunks.np_starting_at(first).is_some()
            || matches!(
                tag,
                Tag::DT | Tag::PRPS | Tag::JJ | Tag::NNP | Tag::NN | Tag::CD
            );
        starts_phrase && !has_finite && !self.is_quote_mark(first)
    }

    /// The noun phrase, with everything that belongs to it, that ends
    /// just before `end`: walks left over prepositional phrases, brackets,
    /// comma-enclosed appositives and relative clauses.
    pub fn phrase_ending_before(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        let mut k = end;
        let mut found = false;
        // A comma or bracket right before the verb closes a parenthetical
        // that belongs to the subject ("Bun Tha, who publishes ..., said").
        loop {
            if k <= lo {
                break;
            }
            let t = k - 1;
            if self.tags[t] == Tag::RRB || self.is_mark(t, ')') {
                let open = (lo..t).rev().find(|&j| self.is_mark(j, '('))?;
                k = open;
                continue;
            }
            if self.is_mark(t, ',') && !found {
                let open = (lo..t)
                    .rev()
                    .find(|&j| self.is_mark(j, ',') || self.is_mark(j, '('));
                let open = open?;
                if !self.is_parenthetical(open + 1..t) {
                    return None;
                }
                // ", citing a report,", ", speaking in Geneva,": a
                // participle clause of the verb's, not part of its subject.
                // So is ", in a statement on Friday,".
                let adjunct = self.tags[open + 1] == Tag::VBG
                    || self.tags[open + 1] == Tag::IN && !self.is(open + 1, "that");
                if adjunct && self.is_mark(open, ',') {
                    return self.phrase_ending_before(open, lo);
                }
                k = open;
                continue;
            }
            break;
        }
        // A relative clause right before the verb, without commas: "a
        // witness who spoke on condition of anonymity said", "people who
        // attended the meeting said" — the clause belongs to the noun
        // before its pronoun, which heads the phrase.
        if let Some(rel) = self.relative_clause_before(k, lo) {
            k = rel;
        }
        loop {
            if k <= lo {
                break;
            }
            let t = k - 1;
            let np = self.chunks.np_ending_at(t);
            let Some(np) = np else {
                // A relative clause before the verb, without commas:
                // "a witness who spoke on condition of anonymity said".
                if found {
                    break;
                }
                if let Some(r) = self.relative_clause_ending_at(t, lo) {
                    k = r;
                    continue;
                }
                break;
            };
            found = true;
            k = self.chunks.nps[np].tokens.start;
            if k <= lo {
                break;
            }
            let before = k - 1;
            // "officials [at] the ministry", "people familiar [with] the matter"
            if matches!(self.tags[before], Tag::IN | Tag::TO)
                && self.is_in(before, NOUN_PREPOSITIONS)
            {
                let mut j = before;
                // "familiar with", "close to", "fired by", "briefed on": the
                // adjective or participle before.
                let participle = j > lo
                    && matches!(self.tags[j - 1], Tag::VBN | Tag::VBG)
                    && self
                        .chunks
                        .vg_at(j - 1)
                        .is_none_or(|v| !self.chunks.vgs[v].finite);
                if j > lo
                    && (participle
                        || self.is_in(j - 1, POSTMODIFIERS) && !self.tags[j - 1].is_noun())
                {
                    j -= 1;
                }
                if j > lo && self.chunks.np_ending_at(j - 1).is_some() {
                    k = j;
                    continue;
                }
                // A sentence-opening prepositional phrase is not the subject's.
                break;
            }
            // "the White House and the Defense Department"
            if self.tags[before] == Tag::CC
                && (self.is(before, "and") || self.is(before, "&"))
                && before > lo
                && self.chunks.np_ending_at(before - 1).is_some()
            {
                k = before;
                continue;
            }
            // Apposition: "Jonathan Fortney, an assistant professor ..." —
            // a name and a description. Two common phrases are an object
            // and the subject of a clause that follows it: "would lose
            // seats, diplomats said".
            if self.is_mark(before, ',')
                && before > lo
                && let Some(np_before) = self.chunks.np_ending_at(before - 1)
                && (self.tags[self.chunks.nps[np_before].head].is_proper()
                    || self.tags[self.chunks.nps[np].head].is_proper())
            {
                let start = self.chain_start(self.chunks.nps[np_before].tokens.start, lo);
                if self.clause_opens_at(start, lo) {
                    k = start;
                    continue;
                }
            }
            // "(D-Ore.)" between a name and its appositive.
            break;
        }
        let mut end = end;
        while end > k && (self.is_mark(end - 1, ',') || self.is_dash(end - 1)) {
            end -= 1;
        }
        found.then_some(k..end)
    }

    /// Whether a phrase starting at `start` opens its clause: at the
    /// sentence's start, after a quotation, colon or clause boundary, or
    /// after "that".
    fn clause_opens_at(&self, start: usize, lo: usize) -> bool {
        start == lo
            || self.is_quote_mark(start - 1)
            || self.is_mark(start - 1, ':')
            || self.is_mark(start - 1, ';')
            || self.is_dash(start - 1)
            || self.is(start - 1, "that") && self.tags[start - 1] != Tag::DT
            || self
                .chunks
                .vg_at(start - 1)
                .is_some_and(|v| self.chunks.vgs[v].finite)
    }

    /// Where the chain of noun phrases joined by prepositions that ends
    /// with the phrase starting at `start` begins: "an unnamed diplomat in
    /// Beijing" for "Beijing".
    fn chain_start(&self, mut start: usize, lo: usize) -> usize {
        while start > lo + 1
            && matches!(self.tags[start - 1], Tag::IN | Tag::TO)
            && self.is_in(start - 1, NOUN_PREPOSITIONS)
        {
            match self.chunks.np_ending_at(start - 2) {
                Some(n) => start = self.chunks.nps[n].tokens.start,
                None => break,
            }
        }
        start
    }

    /// Where a relative clause that runs up to `end` starts (its pronoun):
    /// a "who", "which" or "that" after a noun phrase, then a clause with
    /// a tensed verb and no comma, quotation mark, colon or dash.
    fn relative_clause_before(&self, end: usize, lo: usize) -> Option<usize> {
        let from = end.saturating_sub(24).max(lo + 1);
        let rel = (from..end).rev().find(|&j| {
            matches!(self.tags[j], Tag::WP | Tag::WDT)
                && self.is_any(j, &["who", "which", "that", "whom"])
        })?;
        let clause = rel + 1..end;
        let boundary = clause.clone().any(|j| {
            self.is_mark(j, ',')
                || self.is_mark(j, ':')
                || self.is_mark(j, ';')
                || self.is_quote_mark(j)
                || self.is_dash(j)
        });
        // (A past form the tagger read as a participle counts: "the audit
        // that the council commissioned/VBN".)
        let tensed = clause.clone().any(|j| {
            self.tags[j].is_finite()
                || self.tags[j] == Tag::MD
                || self.tags[j] == Tag::VBN
                    && j > rel + 1
                    && self.chunks.np_ending_at(j - 1).is_some()
        });
        if boundary || !tensed || self.chunks.np_ending_at(rel - 1).is_none() {
            return None;
        }
        Some(rel)
    }

    /// A relative clause ending at `last`, with the noun phrase it
    /// belongs to: returns where that phrase starts.
    fn relative_clause_ending_at(&self, last: usize, lo: usize) -> Option<usize> {
        let from = last.saturating_sub(24).max(lo);
        let rel = (from..=last).rev().find(|&j| {
            self.is_in(j, RELATIVES) && matches!(self.tags[j], Tag::WP | Tag::WDT | Tag::WPS)
        })?;
        if rel <= lo {
            return None;
        }
        let np = self.chunks.np_ending_at(rel - 1)?;
        Some(self.chunks.nps[np].tokens.start)
    }

    /// The phrase starting at `first` (a noun phrase, perhaps after a
    /// determiner the chunker left out), with what follows it and belongs
    /// to it: prepositional phrases, postmodifiers ("familiar with the
    /// matter", "obtained by the Gazette"), brackets, a party label, and an
    /// appositive closed by a comma or the sentence's end. Stops before
    /// `limit`.
    pub fn phrase_from(&self, first: usize, limit: usize) -> Option<Range<usize>> {
        let np = self.chunks.np_starting_at(first).or_else(|| {
            // "a ‘cornerstone’", "the so-called plan": a mark inside.
            self.chunks.np_at(first)
        })?;
        let mut end = self.chunks.nps[np].tokens.end;
        loop {
            if end >= limit {
                return Some(first..limit.max(first + 1).min(self.tokens.len()));
            }
            // "(D-Ore.)"
            if self.is_mark(end, '(') {
                if let Some(close) = (end + 1..limit.min(end + 12)).find(|&j| self.is_mark(j, ')'))
                {
                    end = close + 1;
                    continue;
                }
                break;
            }
            // A prepositional phrase or a postmodifier with its phrase.
            // (Skipped only before its preposition: "by" is a
            // postmodifier's own word as well as one — "a report by
            // Channel 9".)
            let mut j = end;
            if self.is_in(j, POSTMODIFIERS)
                && !self.tags[j].is_finite()
                && (self.tags[j] != Tag::IN || self.is(j, "by"))
                && j + 1 < limit
                && matches!(self.tags[j + 1], Tag::IN | Tag::TO)
                && self.is_in(j + 1, NOUN_PREPOSITIONS)
            {
                j += 1;
            }
            if j < limit
                && matches!(self.tags[j], Tag::IN | Tag::TO)
                && self.is_in(j, NOUN_PREPOSITIONS)
            {
                // "in May", "on Tuesday": a time, not part of the phrase.
                if let Some(next) = (j + 1 < limit)
                    .then(|| self.chunks.np_starting_at(j + 1))
                    .flatten()
                    .filter(|&n| !self.is_time_head(self.chunks.nps[n].head))
                {
                    end = self.chunks.nps[next].tokens.end;
                    continue;
                }
            }
            // ", R-Ky.," and an appositive: ", the council's budget chief" —
            // a noun phrase closed by a comma, bracket or the sentence's end.
            if self.is_mark(end, ',') && end + 1 < limit {
                if let Some(app) = self.chunks.np_starting_at(end + 1) {
                    let mut app_end = self.chunks.nps[app].tokens.end;
                    // with its own prepositional phrases
                    while app_end + 1 < limit
                        && matches!(self.tags[app_end], Tag::IN)
                        && self.is_in(app_end, NOUN_PREPOSITIONS)
                    {
                        match self.chunks.np_starting_at(app_end + 1) {
                            Some(n) => app_end = self.chunks.nps[n].tokens.end,
                            None => break,
                        }
                    }
                    let closed = app_end >= limit
                        || self.is_mark(app_end, ',')
                        || self.is_mark(app_end, ')')
                        || matches!(self.tags[app_end], Tag::PERIOD)
                        || app_end + 1 == self.sentence_range(first).end;
                    let followed_by_verb = app_end < limit && self.tags[app_end].is_verb();
                    if closed
                        && !followed_by_verb
                        && !self.tags[app_end.min(self.tags.len() - 1)].is_finite()
                    {
                        end = app_end;
                        continue;
                    }
                }
                if end + 1 < limit
                    && self.word(end + 1).contains('-')
                    && self.tokens[end + 1].capitalized()
                    && self.tokens[end + 1].has(flag::ABBREVIATION)
                {
                    end += 2;
                    continue;
                }
            }
            break;
        }
        Some(first..end)
    }

    /// The end (exclusive) of the clause that starts at `from`: the
    /// sentence's end, less its final mark, or a semicolon, or a comma
    /// opening another clause (", but ...", ", while ...").
    pub fn clause_end(&self, from: usize) -> usize {
        let s = self.sentence_range(from);
        let mut end = s.end;
        for k in from..s.end {
            if self.is_mark(k, ';') {
                end = k;
                break;
            }
            // ", but …", ", while …", a participle clause (", adding …"),
            // and a new main clause after an opening subordinate one
            // ("While Moscow frames X, officials hint at Y").
            if self.is_mark(k, ',')
                && k + 1 < s.end
                && (matches!(self.tags[k + 1], Tag::CC) && !self.is(k + 1, "and")
                    || self.is_any(k + 1, &["while", "whereas", "although", "though"])
                    || self.tags[k + 1] == Tag::VBG && k > from + 2
                    || from > s.start
                        && self.opens_subordinate(s.start)
                        && self.starts_clause(k + 1, s.end)
                    // "…, who had told investigators that X, recanted …":
                    // a tensed verb right after the comma resumes the
                    // clause the relative interrupted.
                    || self.chunks.vg_at(k + 1).is_some_and(|v| {
                        self.chunks.vgs[v].finite && self.chunks.vgs[v].tokens.start == k + 1
                    }))
            {
                end = k;
                break;
            }
        }
        // Leave out the sentence's final marks.
        while end > from
            && matches!(self.tags[end - 1], Tag::PERIOD)
            && !self.tokens[end - 1].is_word()
        {
            end -= 1;
        }
        end.max(from)
    }

    /// The clause a verb of saying reports, after it and its object:
    /// "(said) that X", "(said) X", "(said): X", "(told reporters) X".
    /// Prepositional phrases, time phrases and adverbs may come first
    /// ("said in a statement on Tuesday that ..."). Returns the clause's
    /// tokens.
    pub fn reported_clause(&self, after: usize) -> Option<Range<usize>> {
        let s = self.sentence_range(after.min(self.tokens.len().saturating_sub(1)));
        let mut k = after;
        let mut steps = 0;
        while k < s.end && steps < 40 {
            steps += 1;
            if let Some(found) = self.clause_at(k, &s) {
                return found;
            }
            if self.tags[k].is_adverb() || self.is_mark(k, ',') && !self.is_quote_mark(k + 1) {
                k += 1;
                continue;
            }
            // "in a statement", "on Tuesday", "in an interview with VOA" —
            // not "though …", "because …": another clause.
            if self.tags[k] == Tag::IN
                && !self.is_in(k, SUBORDINATORS)
                && !self.is_any(
                    k,
                    &["whether", "if", "like", "though", "although", "unless"],
                )
                && let Some(np) = self.chunks.np_starting_at(k + 1)
            {
                k = self.chunks.nps[np].tokens.end;
                continue;
            }
            // A name with "and" inside a phrase: "in a filing with the
            // Securities and Exchange Commission that …".
            if self.tags[k] == Tag::CC
                && k > 0
                && self.is_any(k, &["and", "&"])
                && self.tokens[k - 1].capitalized()
                && self.chunks.np_ending_at(k - 1).is_some()
                && k + 1 < s.end
                && self.tokens[k + 1].capitalized()
                && let Some(np) = self.chunks.np_starting_at(k + 1)
            {
                k = self.chunks.nps[np].tokens.end;
                continue;
            }
            // "late Friday", "early Tuesday"
            if (self.tags[k].is_adjective() || self.tags[k].is_adverb())
                && k + 1 < s.end
                && self
                    .chunks
                    .np_starting_at(k + 1)
                    .is_some_and(|n| self.is_time_head(self.chunks.nps[n].head))
            {
                k = self.chunks.nps[self.chunks.np_starting_at(k + 1).unwrap_or(0)]
                    .tokens
                    .end;
                continue;
            }
            // "in an interview aired today", "in a statement released late":
            // a past participle right after such a phrase, or a past form
            // with a time after it ("aired today").
            if let Some(v) = self.chunks.vg_at(k)
                && (!self.chunks.vgs[v].finite
                    || self.chunks.vgs[v].tokens.len() == 1
                        && k + 1 < s.end
                        && self
                            .chunks
                            .np_starting_at(k + 1)
                            .is_some_and(|n| self.is_time_head(self.chunks.nps[n].head)))
                && matches!(self.tags[k], Tag::VBN | Tag::VBD)
                && k > after
                && self.chunks.np_ending_at(k - 1).is_some()
            {
                k = self.chunks.vgs[v].tokens.end;
                continue;
            }
            if let Some(np) = self.chunks.np_starting_at(k) {
                let e = self.chunks.nps[np].tokens.end;
                if self.is_time_head(self.chunks.nps[np].head)
                    && e < s.end
                    && !self.tags[e].is_verb()
                {
                    k = e;
                    continue;
                }
            }
            break;
        }
        None
    }

    /// The clause starting at `k`, if one does: `Some(None)` when what is
    /// there ends the search without a clause.
    #[allow(clippy::option_option)]
    fn clause_at(&self, k: usize, s: &Range<usize>) -> Option<Option<Range<usize>>> {
        let span = |start: usize| {
            let end = self.clause_end(start);
            (end > start).then_some(start..end)
        };
        if self.is(k, "that") && matches!(self.tags[k], Tag::IN | Tag::WDT | Tag::DT) {
            // "the story of a family that fled the war": "that" with a
            // tensed verb straight after, and a noun before, is a relative
            // pronoun; a reported clause has its own subject.
            let relative = k > s.start
                && self.tags[k - 1].is_noun()
                && self.chunks.vg_at(k + 1).is_some_and(|v| {
                    self.chunks.vgs[v].finite && self.chunks.vgs[v].tokens.start == k + 1
                });
            if relative {
                return Some(None);
            }
            return Some(span(k + 1));
        }
        if self.is_mark(k, ':') {
            return Some(span(k + 1));
        }
        if let Some(q) = self.quotes.iter().find(|q| q.open == k) {
            // A few quoted words with a tensed verb right after them are a
            // clause's subject, not the words said: "said “more” was due".
            let subject = q.close.is_some_and(|c| {
                c - k <= 5
                    && self.chunks.vg_at(c + 1).is_some_and(|v| {
                        self.chunks.vgs[v].finite && self.chunks.vgs[v].tokens.start == c + 1
                    })
            });
            if subject {
                let end = self.clause_end(q.close.unwrap_or(k) + 1);
                return Some((end > k).then_some(k..end));
            }
            return Some(Some(q.inside(self.tokens.len())));
        }
        // A clause without "that": a subject and a tensed verb; or the
        // verb alone after "what": "what officials say was a lethal dose".
        // (Not a tensed verb after a comma: that is the sentence's own verb
        // after a parenthetical, "Brandt, who has denied the allegations,
        // said …".)
        if self.starts_clause(k, s.end)
            || !(k > s.start && self.is_mark(k - 1, ','))
                && self.chunks.vg_at(k).is_some_and(|v| {
                    self.chunks.vgs[v].finite && self.chunks.vgs[v].tokens.start == k
                })
        {
            return Some(span(k));
        }
        // "asked whether", "said how", "wondered why" — not a relative
        // pronoun ("…, who added").
        if matches!(self.tags[k], Tag::WRB | Tag::WP) && !self.is_in(k, RELATIVES)
            || self.is_any(k, &["whether", "if"])
        {
            let end = self.clause_end(k);
            return Some((end > k + 1).then_some(k..end));
        }
        None
    }

    /// Whether a clause (a subject and its tensed verb) starts at `k`:
    /// "the bridge would reopen", "missiles fired by a drone killed five",
    /// "at least five militants have been killed", "his daily would not
    /// publish". A second noun phrase before the verb ("reporters the
    /// bridge would …") means the first was an object, not a subject.
    pub fn starts_clause(&self, k: usize, end: usize) -> bool {
        if k >= end {
            return false;
        }
        let mut j = k;
        // "at least five", "more than 100", "nearly all", "only two"
        if j + 1 < end
            && (self.is(j, "at") && self.is_any(j + 1, &["least", "most"])
                || self.is_any(j, &["more", "fewer", "less"]) && self.is(j + 1, "than")
                || self.is(j, "up") && self.is(j + 1, "to"))
        {
            j += 2;
        }
        while j < end && self.tags[j].is_adverb() {
            j += 1;
        }
        if j >= end {
            return false;
        }
        if self.tags[j] == Tag::EX {
            return j + 1 < end
                && self
                    .chunks
                    .vg_at(j + 1)
                    .is_some_and(|v| self.chunks.vgs[v].finite);
        }
        let Some(np) = self.chunks.np_at(j) else {
            return false;
        };
        j = self.chunks.nps[np].tokens.end;
        let mut steps = 0;
        while j < end && steps < 40 {
            steps += 1;
            if let Some(v) = self.chunks.vg_at(j) {
                let vg = &self.chunks.vgs[v];
                if vg.finite {
                    return true;
                }
                // A reduced relative: "fired by a drone", "operated by the CIA".
                j = vg.tokens.end;
                continue;
            }
            let t = self.tags[j];
            // …and an adjective after its noun: "the officials involved".
            if t.is_adverb() || t == Tag::POS || t == Tag::CD || t.is_adjective() {
                j += 1;
                continue;
            }
            // A relative clause inside the subject: "the number of girls
            // who are known to have escaped has risen".
            if matches!(t, Tag::WP | Tag::WDT) && self.is_in(j, RELATIVES) {
                let rel_verb = (j + 1..end.min(j + 12))
                    .find_map(|x| self.chunks.vg_at(x).filter(|&v| self.chunks.vgs[v].finite));
                match rel_verb {
                    Some(v) => {
                        j = self.chunks.vgs[v].tokens.end;
                        // its object and phrases, up to the next tensed verb
                        while j < end
                            && !self
                                .chunks
                                .vg_at(j)
                                .is_some_and(|w| self.chunks.vgs[w].finite)
                            && !self.is_mark(j, ',')
                            && !self.is_mark(j, ';')
                        {
                            j += 1;
                        }
                        continue;
                    }
                    None => return false,
                }
            }
            // "the attack Tuesday targeted …"
            if let Some(n) = self.chunks.np_starting_at(j)
                && self.is_time_head(self.chunks.nps[n].head)
            {
                j = self.chunks.nps[n].tokens.end;
                continue;
            }
            if matches!(t, Tag::IN | Tag::TO) && !self.is_in(j, SUBORDINATORS) || t == Tag::CC {
                j += 1;
                if let Some(n) = (j < end).then(|| self.chunks.np_at(j)).flatten() {
                    j = self.chunks.nps[n].tokens.end;
                }
                continue;
            }
            // A relative or participial clause between commas: "the plan,
            // which was approved last week, would cost …", "the audit,
            // published in May, was clean". What follows the second comma
            // decides (a tensed verb there makes this a clause).
            if self.is_mark(j, ',')
                && j + 1 < end
                && (matches!(self.tags[j + 1], Tag::WP | Tag::WDT) && self.is_in(j + 1, RELATIVES)
                    || matches!(self.tags[j + 1], Tag::VBN | Tag::VBG))
                && let Some(c) = (j + 2..end.min(j + 25)).find(|&c| self.is_mark(c, ','))
                && !(j + 1..c).any(|x| self.is_quote_mark(x))
            {
                j = c + 1;
                continue;
            }
            // An appositive between commas: "its director, Paul Okafor, told".
            if self.is_mark(j, ',')
                && let Some(n) = (j + 1 < end)
                    .then(|| self.chunks.np_starting_at(j + 1))
                    .flatten()
            {
                let e = self.chunks.nps[n].tokens.end;
                if e + 1 < end && self.is_mark(e, ',') {
                    j = e + 1;
                    continue;
                }
            }
            if self.is_mark(j, '(') {
                match (j + 1..end.min(j + 15)).find(|&c| self.is_mark(c, ')')) {
                    Some(c) => {
                        j = c + 1;
                        continue;
                    }
                    None => return false,
                }
            }
            return false;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::Scratch;
    use super::super::{Parsed, Syntax, parse};

    fn parsed(text: &str) -> Parsed<'_> {
        parse(text, Syntax::builtin(), &mut Scratch::default())
    }

    /// The subject of the first verb group whose main verb is `verb`.
    fn subject(text: &str, verb: &str) -> Option<String> {
        let p = parsed(text);
        let vg = p
            .chunks
            .vgs
            .iter()
            .find(|v| p.is(v.main, verb))
            .unwrap_or_else(|| panic!("no verb {verb} in {}", super::super::display(&p)));
        p.subject_of(vg).map(|r| p.text[p.bytes(r)].to_string())
    }

    #[test]
    fn subjects_carry_titles_labels_appositives_and_brackets() {
        for (text, verb, want) in [
            (
                "\"We will not back down,\" Rep. Dana Hill (D-Ore.), a member of the oversight panel, said on Tuesday.",
                "said",
                "Rep. Dana Hill (D-Ore.), a member of the oversight panel",
            ),
            (
                "Sen. Alma Price, R-Ky., said the bill would pass.",
                "said",
                "Sen. Alma Price, R-Ky.",
            ),
            (
                "The principal of the school in Harwick, Mara Ode, said that 32 pupils escaped.",
                "said",
                "The principal of the school in Harwick, Mara Ode",
            ),
            (
                "Tomas Berg, who runs the Daily Lantern, said the paper would fold.",
                "said",
                "Tomas Berg, who runs the Daily Lantern",
            ),
            (
                "People familiar with the talks said a deal was near.",
                "said",
                "People familiar with the talks",
            ),
            (
                // A free participle clause belongs to the verb, not the
                // subject; the anonymity it states is read elsewhere.
                "Two officials, speaking on condition of anonymity, said the plant would close.",
                "said",
                "Two officials",
            ),
        ] {
            assert_eq!(subject(text, verb).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_relative_clause_without_commas_belongs_to_the_subject() {
        for (text, want) in [
            (
                "A guard who saw the fire said the alarm never rang.",
                "A guard who saw the fire",
            ),
            (
                "Tenants who attended the hearing said rents had doubled.",
                "Tenants who attended the hearing",
            ),
            (
                "A clerk who declined to be named said the files were shredded.",
                "A clerk who declined to be named",
            ),
            (
                "The audit that the council commissioned said costs had tripled.",
                "The audit that the council commissioned",
            ),
        ] {
            assert_eq!(subject(text, "said").as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn adverbials_between_subject_and_verb_are_not_the_subject() {
        assert_eq!(
            subject(
                "The governor this week also said the budget would be cut.",
                "said"
            )
            .as_deref(),
            Some("The governor")
        );
        assert_eq!(
            subject(
                "The agency almost immediately disclosed the figures.",
                "disclosed"
            )
            .as_deref(),
            Some("The agency")
        );
        assert_eq!(
            subject("In Kabul, officials said the road was closed.", "said").as_deref(),
            Some("officials")
        );
    }

    #[test]
    fn coordinated_verbs_and_relative_pronouns_find_their_subject() {
        assert_eq!(
            subject(
                "Reyes praised the council's staff and said he would vote for the plan.",
                "said"
            )
            .as_deref(),
            Some("Reyes")
        );
        assert_eq!(
            subject(
                "The Ledger ran a story by Ann Ruiz that said the mayor took bribes.",
                "said"
            )
            .as_deref(),
            Some("a story by Ann Ruiz")
        );
    }

    #[test]
    fn reported_clauses_follow_their_verb() {
        let p = parsed("The minister said in a statement on Tuesday that the dam had failed.");
        let said = p.chunks.vgs.iter().find(|v| p.is(v.main, "said")).unwrap();
        let r = p.reported_clause(said.tokens.end).unwrap();
        assert_eq!(&p.text[p.bytes(r)], "the dam had failed");
        let p = parsed("Officials told reporters the bridge would reopen in May.");
        let told = p.chunks.vgs.iter().find(|v| p.is(v.main, "told")).unwrap();
        let obj = p.chunks.np_starting_at(told.tokens.end).unwrap();
        let r = p.reported_clause(p.chunks.nps[obj].tokens.end).unwrap();
        assert_eq!(&p.text[p.bytes(r)], "the bridge would reopen in May");
    }

    #[test]
    fn phrases_extend_over_what_belongs_to_them() {
        let p = parsed("\"The plan is dead,\" said Omar Reyes, the council's budget chief.");
        let said = p.chunks.vgs.iter().find(|v| p.is(v.main, "said")).unwrap();
        let r = p.phrase_from(said.tokens.end, p.tokens.len()).unwrap();
        assert_eq!(
            &p.text[p.bytes(r)],
            "Omar Reyes, the council's budget chief"
        );
        let p = parsed("According to a leaked memo obtained by the Gazette, the plant will close.");
        let r = p.phrase_from(2, p.tokens.len()).unwrap();
        assert_eq!(&p.text[p.bytes(r)], "a leaked memo obtained by the Gazette");
    }
}
