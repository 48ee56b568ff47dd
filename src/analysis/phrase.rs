//! Finding the noun phrase that names a source, without a parser.
//!
//! News attribution is formulaic: the source stands just before the verb
//! ("Pakistani officials say"), just after it when a quote comes first
//! ("…,’ said a NATO analyst"), after "according to", or after "by" in a
//! passive ("framed by Moscow"). These walkers step over the words that can
//! sit between a source and its verb (auxiliaries, adverbs, a clause set off
//! by commas or dashes) and stop at the words that end a noun phrase
//! (clause boundaries, punctuation, another verb). Token ranges are
//! inclusive `(first, last)`.

use super::lexicon::{Tags, tag};
use super::text::{Paragraph, Sentence};

/// An inclusive token range.
pub type TokenRange = (usize, usize);

/// Longest source phrase we accept; anything longer has crossed a clause.
const MAX_PHRASE_WORDS: usize = 16;

/// Classes that make a word a verb cue rather than part of a noun phrase.
const VERB_CUES: u64 = tag::REPORTING | tag::AS_VERB | tag::CITATION | tag::PARTICIPLE;

/// Whether the token is an adverb that may sit between subject and verb.
pub fn is_skippable_adverb(p: &Paragraph, i: usize) -> bool {
    let t = &p.tokens[i];
    if !t.is_word() || t.capitalized() && i > 0 {
        return false;
    }
    if t.has(tag::SKIPPABLE_ADVERB | tag::HEDGE_ADVERB) {
        return true;
    }
    let w = p.word(i);
    w.len() > 4
        && w.ends_with("ly")
        && !t.has(tag::ANON_PERSON | tag::INSTITUTION | tag::DOCUMENT | tag::OFFICE)
        && !w.eq_ignore_ascii_case("family")
}

fn is_negation(p: &Paragraph, i: usize) -> bool {
    let w = p.word(i);
    p.has(i, tag::NEGATION) || w.ends_with("n't") || w.ends_with("n’t")
}

/// The token before `cue`, stepping back over auxiliaries and adverbs
/// ("has long", "also", "publicly"). `None` when the verb is negated
/// ("did not say") or nothing stands before it.
pub fn before_verb(p: &Paragraph, cue: usize, lo: usize) -> Option<usize> {
    let mut j = cue;
    while j > lo {
        let k = j - 1;
        let t = &p.tokens[k];
        if t.is_word() && is_negation(p, k) {
            return None;
        }
        if t.is_word()
            && !t.has(tag::PRONOUN)
            && (t.has(tag::AUXILIARY) || is_skippable_adverb(p, k))
        {
            j = k;
            continue;
        }
        return Some(k);
    }
    None
}

/// Whether the token at `i` is followed or preceded by a passive "be":
/// "is said", "was later reported", "has been framed".
pub fn after_be(p: &Paragraph, verb: usize, lo: usize) -> bool {
    let mut j = verb;
    while j > lo {
        let k = j - 1;
        if p.has(k, tag::BE) {
            return true;
        }
        if p.tokens[k].is_word() && (is_skippable_adverb(p, k) || p.has(k, tag::AUXILIARY)) {
            j = k;
            continue;
        }
        return false;
    }
    false
}

/// Whether a word can stand inside a noun phrase, read backwards.
fn continues_phrase_backwards(p: &Paragraph, q: usize, start: usize) -> bool {
    let t = &p.tokens[q];
    if !t.is_word() {
        return false;
    }
    if t.has(VERB_CUES) && !t.capitalized() && !t.has(tag::NOUN_OR_VERB) {
        return false;
    }
    if t.has(tag::PRONOUN) || (t.has(tag::AUXILIARY) && !t.capitalized()) {
        return false;
    }
    if t.has(tag::COORDINATOR) {
        // "the White House and U.S. Defense Department", "Iraq and Jordan".
        let left_is_noun = q > 0
            && p.tokens[q - 1].is_word()
            && (p.capitalized(q - 1) || is_noun(p, q - 1))
            && !p.has(q - 1, tag::CLAUSE_BOUNDARY);
        let right_is_noun = p.capitalized(start) || p.has(start, tag::DETERMINER);
        return left_is_noun && right_is_noun;
    }
    if t.has(tag::CLAUSE_BOUNDARY) && !t.capitalized() {
        return false;
    }
    if t.has(tag::CLAUSE_BOUNDARY) && t.capitalized() && !t.has(tag::DETERMINER) {
        // Sentence-initial "However", "While", "And".
        return false;
    }
    true
}

/// Whether a word is a noun the rules know.
pub fn is_noun(p: &Paragraph, i: usize) -> bool {
    p.has(
        i,
        tag::ANON_PERSON
            | tag::INSTITUTION
            | tag::DOCUMENT
            | tag::OFFICE
            | tag::SPOKESPERSON
            | tag::HEDGE_NOUN,
    )
}

/// The noun phrase that ends at token `end`, walking back no further than
/// `lo`. A relative clause ("officials who were briefed") is kept inside.
pub fn phrase_ending_at(p: &Paragraph, end: usize, lo: usize) -> Option<TokenRange> {
    if !p.tokens[end].is_word()
        || p.has(end, tag::CLAUSE_BOUNDARY)
        || (p.has(end, tag::PREPOSITION) && !p.capitalized(end))
    {
        return None;
    }
    if p.has(end, tag::PRONOUN) {
        return Some((end, end));
    }
    let mut start = end;
    while start > lo && end + 1 - start < MAX_PHRASE_WORDS {
        let q = start - 1;
        if p.has(q, tag::RELATIVE) && !p.capitalized(q) && looks_like_relative_clause(p, start, end)
        {
            // "officials who spoke on condition of anonymity": keep going.
            start = q;
            continue;
        }
        if !continues_phrase_backwards(p, q, start) {
            break;
        }
        start = q;
        // A determiner opens a phrase: "a figure some economists" is two.
        let opens = p.has(q, tag::DETERMINER) && !p.tokens[q].capitalized();
        if opens && q > lo && !p.has(q - 1, tag::PREPOSITION | tag::COORDINATOR) {
            break;
        }
    }
    // A leading preposition belongs to a fronted phrase, not the source.
    while start < end && p.has(start, tag::PREPOSITION) && !p.capitalized(start) {
        start += 1;
    }
    // "The White House on Thursday": the time is not part of the source.
    let mut last = end;
    while last > start
        && p.has(last, tag::TIME_WORD)
        && p.has(last - 1, tag::TIME_WORD | tag::PREPOSITION)
    {
        last -= 1;
        if p.has(last, tag::PREPOSITION) {
            last -= 1;
            break;
        }
    }
    let end = if last >= start && p.tokens[last].is_word() {
        last
    } else {
        end
    };
    Some((start, end))
}

/// Words that open a relative clause's verb phrase: "who spoke", "which was".
fn looks_like_relative_clause(p: &Paragraph, start: usize, end: usize) -> bool {
    let first = p.word(start);
    start < end
        && !p.capitalized(start)
        && (p.has(start, tag::AUXILIARY)
            || first.ends_with("ed")
            || first.ends_with("ke")
            || first == "spoke")
}

/// The owner in a possessive: "the council’s", "South Korea’s Defense
/// Ministry’s". Only names, known nouns and a determiner are taken, since
/// the words before a possessive are often the verb of the clause.
pub fn possessive_owner(p: &Paragraph, end: usize, lo: usize) -> TokenRange {
    let mut start = end;
    while start > lo {
        let q = start - 1;
        let t = &p.tokens[q];
        if !t.is_word()
            || t.possessive()
            || !(t.capitalized() || is_noun(p, q))
            || t.has(tag::CLAUSE_BOUNDARY)
        {
            break;
        }
        start = q;
    }
    if start > lo && p.has(start - 1, tag::DETERMINER) {
        start -= 1;
    }
    (start, end)
}

/// The first token of a verb group that ends at `verb`: the auxiliaries
/// and adverbs after the subject ("have hinted", "also say").
pub fn verb_group_start(p: &Paragraph, verb: usize, subject_end: usize) -> usize {
    let mut j = verb;
    while j > subject_end + 1 {
        let k = j - 1;
        let t = &p.tokens[k];
        if t.is_word()
            && !t.has(tag::PRONOUN)
            && (t.has(tag::AUXILIARY) || is_skippable_adverb(p, k))
        {
            j = k;
        } else {
            break;
        }
    }
    j
}

/// The subject of the verb at `cue`: the phrase just before it.
///
/// Steps over auxiliaries and adverbs, over a clause set off by commas
/// (", which was later retracted,") and over a parenthesis set off by
/// dashes or brackets. An appositive name between commas ("Another expert,
/// Bong Young-shik, doubts") is the subject.
pub fn subject_before(p: &Paragraph, cue: usize, sentence: &Sentence) -> Option<TokenRange> {
    let lo = sentence.tokens.start;
    let mut k = before_verb(p, cue, lo)?;
    // "- in separate interviews with the Post -" or "(…)"
    if p.is_dash(k) || p.is_punct(k, ')') {
        let open = (lo..k).rev().find(|&m| {
            if p.is_punct(k, ')') {
                p.is_punct(m, '(')
            } else {
                p.is_dash(m)
            }
        })?;
        if open == lo {
            return None;
        }
        k = before_verb(p, open, lo)?;
    }
    if p.is_punct(k, ',') {
        let prev_comma = (lo..k)
            .rev()
            .find(|&m| p.is_punct(m, ',') && !p.in_quote(p.tokens[m].start()));
        let seg_start = prev_comma.map_or(lo, |m| m + 1);
        if seg_start >= k {
            return None;
        }
        if !p.capitalized(seg_start) && p.tokens[seg_start].is_word() && prev_comma.is_some() {
            // Skip a parenthetical (", which was later retracted,", ", released
            // Thursday,", ", the nation's top expert,") to the phrase before it.
            let before = prev_comma?.checked_sub(1)?;
            if before < lo {
                return None;
            }
            return phrase_ending_at(p, before, lo);
        }
        if prev_comma.is_some() && p.capitalized(seg_start) && k - seg_start <= MAX_PHRASE_WORDS {
            let all_words = (seg_start..k)
                .all(|m| p.tokens[m].is_word() && !p.has(m, tag::CLAUSE_BOUNDARY | VERB_CUES));
            if all_words {
                return Some((seg_start, k - 1));
            }
        }
        return None;
    }
    // "Officials who asked not to be named said": the subject is the noun
    // before "who" with its relative clause.
    if let Some(r) = relative_before(p, k, lo) {
        let head = phrase_ending_at(p, r - 1, lo)?;
        return Some((head.0, k));
    }
    if p.has(k, tag::RELATIVE) && !p.capitalized(k) {
        // "the memo, which was later retracted": the antecedent is the subject.
        let mut before = k.checked_sub(1)?;
        if before >= lo && p.is_punct(before, ',') {
            before = before.checked_sub(1)?;
        }
        if before < lo {
            return None;
        }
        return phrase_ending_at(p, before, lo);
    }
    phrase_ending_at(p, k, lo)
}

/// A relative pronoun shortly before `k` that opens a verb phrase ending
/// at `k` ("who asked not to be named"), with a noun before it.
fn relative_before(p: &Paragraph, k: usize, lo: usize) -> Option<usize> {
    // Anonymity clauses run long: "who spoke on condition of anonymity
    // because they were not authorized to discuss the matter publicly".
    const MAX_CLAUSE: usize = 24;
    let r = (lo + 1..k)
        .rev()
        .take(MAX_CLAUSE)
        .take_while(|&m| p.tokens[m].is_word())
        .find(|&m| (p.is(m, "who") || p.is(m, "that") || p.is(m, "which")) && !p.capitalized(m))?;
    let verb_follows = p.tokens[r + 1].is_word()
        && !p.capitalized(r + 1)
        && !p.has(
            r + 1,
            tag::DETERMINER | tag::PRONOUN | tag::POSSESSIVE_PRONOUN,
        )
        && !is_noun(p, r + 1);
    let noun_before = p.capitalized(r - 1) || is_noun(p, r - 1) || determined_noun(p, r - 1, lo);
    (verb_follows && noun_before).then_some(r)
}

/// A word the lexicon does not know but that stands where a noun does: a
/// few words after a determiner, itself no grammar word ("a trawler
/// captain who…", "the two engineers who…").
fn determined_noun(p: &Paragraph, i: usize, lo: usize) -> bool {
    const GRAMMAR: Tags = tag::DETERMINER
        | tag::PRONOUN
        | tag::POSSESSIVE_PRONOUN
        | tag::PREPOSITION
        | tag::AUXILIARY
        | tag::COORDINATOR
        | tag::CLAUSE_BOUNDARY;
    p.tokens[i].is_word()
        && !p.has(i, GRAMMAR | VERB_CUES)
        && (lo..i)
            .rev()
            .take(3)
            .take_while(|&m| p.tokens[m].is_word())
            .any(|m| p.has(m, tag::DETERMINER))
}

/// The noun phrase that starts at token `from` and runs forward: the
/// source after "according to", "by", or an inverted "said".
pub fn phrase_starting_at(
    p: &Paragraph,
    from: usize,
    sentence: &Sentence,
    stop_at_as: bool,
) -> Option<TokenRange> {
    let hi = sentence.tokens.end;
    if from >= hi || !p.tokens[from].is_word() {
        return None;
    }
    if p.has(from, tag::PRONOUN) {
        return Some((from, from));
    }
    let mut end = from;
    let mut m = from + 1;
    while m < hi && m - from < MAX_PHRASE_WORDS {
        let t = &p.tokens[m];
        if !t.is_word() {
            break;
        }
        if stop_at_as && p.is(m, "as") {
            break;
        }
        if t.has(tag::COORDINATOR) {
            let next_is_noun =
                m + 1 < hi && (p.capitalized(m + 1) || p.has(m + 1, tag::DETERMINER));
            if !next_is_noun {
                break;
            }
        } else if (t.has(tag::CLAUSE_BOUNDARY) && !t.has(tag::PREPOSITION))
            || t.has(tag::AUXILIARY)
            || (t.has(VERB_CUES)
                && !t.capitalized()
                && !t.has(tag::NOUN_OR_VERB | tag::POSTMODIFIER))
        {
            break;
        }
        end = m;
        m += 1;
    }
    // Drop a trailing preposition or coordinator.
    while end > from && (p.has(end, tag::PREPOSITION | tag::COORDINATOR)) {
        end -= 1;
    }
    Some((from, end))
}

/// The subject of the clause holding token `at`: for ", saying …" and
/// "after declaring …", whose source is the clause's subject.
pub fn clause_subject(p: &Paragraph, at: usize, sentence: &Sentence) -> Option<TokenRange> {
    let lo = sentence.tokens.start;
    // The clause starts after the last strong boundary before `at`.
    let mut start = lo;
    for m in (lo..at).rev() {
        let strong = p.is_punct(m, ';')
            || (p.tokens[m].is_word()
                && !p.capitalized(m)
                && (p.is(m, "but") || p.is(m, "while") || p.is(m, "whereas")));
        if strong && !p.in_quote(p.tokens[m].start()) {
            start = m + 1;
            break;
        }
    }
    // Skip a sentence-opening connector or a fronted phrase ending in a comma.
    let mut s = start;
    while s < at
        && (p.in_quote(p.tokens[s].start())
            || ((p.has(s, tag::CLAUSE_BOUNDARY) || !p.tokens[s].is_word())
                && !p.has(s, tag::DETERMINER)))
    {
        s += 1;
    }
    if s < at && (p.has(s, tag::PREPOSITION | tag::SUBORDINATOR)) {
        let comma = (s..at).find(|&m| p.is_punct(m, ','))?;
        s = comma + 1;
    }
    if s >= at || !p.tokens[s].is_word() {
        return None;
    }
    if p.has(s, tag::PRONOUN) {
        return Some((s, s));
    }
    // Forward to the head: determiners and modifiers, then a known noun or
    // a run of capitalised words.
    let mut end = None;
    let mut m = s;
    while m < at {
        let t = &p.tokens[m];
        if !t.is_word() {
            break;
        }
        if t.capitalized() || is_noun(p, m) {
            end = Some(m);
            if t.possessive() {
                m += 1;
                continue;
            }
            let next_continues = m + 1 < at && (p.capitalized(m + 1) || is_noun(p, m + 1));
            if !next_continues {
                break;
            }
        } else if end.is_some() {
            break; // the first word after the head: the clause's verb
        }
        m += 1;
    }
    end.map(|e| (s, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    fn subject(text: &str, verb: &str) -> Option<String> {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let cue = (0..p.tokens.len()).find(|&i| p.word(i) == verb).unwrap();
        let s = &p.sentences[p.sentence_of(cue)];
        subject_before(&p, cue, s).map(|(a, b)| text[p.span(a, b)].to_string())
    }

    #[test]
    fn subject_steps_over_auxiliaries_and_adverbs() {
        assert_eq!(
            subject(
                "Kyrgyz President Sadyr Japarov has underscored it.",
                "underscored"
            )
            .as_deref(),
            Some("Kyrgyz President Sadyr Japarov")
        );
        assert_eq!(
            subject(
                "In May, Pakistan has publicly criticized it as wrong.",
                "criticized"
            )
            .as_deref(),
            Some("Pakistan")
        );
    }

    #[test]
    fn subject_skips_relative_clauses_and_dashes() {
        assert_eq!(
            subject(
                "The memo, which was later withdrawn, suggested war.",
                "suggested"
            )
            .as_deref(),
            Some("The memo")
        );
        assert_eq!(
            subject(
                "Later, the heads of two banks - in separate interviews - accused the board.",
                "accused"
            )
            .as_deref(),
            Some("the heads of two banks")
        );
    }

    #[test]
    fn subject_stops_at_clause_boundaries_and_quotes() {
        assert_eq!(
            subject("‘It will rain,’ one source claimed.", "claimed").as_deref(),
            Some("one source")
        );
        assert_eq!(
            subject(
                "He left after the mayor and the police chief both said so.",
                "said"
            )
            .as_deref(),
            Some("the mayor and the police chief")
        );
        assert_eq!(subject("He refused to say.", "say").as_deref(), None);
        assert_eq!(subject("They did not say why.", "say"), None);
    }

    #[test]
    fn relative_clause_stays_with_its_noun() {
        assert_eq!(
            subject(
                "Officials who asked not to be named said it was over.",
                "said"
            )
            .as_deref(),
            Some("Officials who asked not to be named")
        );
        // A noun the lexicon does not know, and a long anonymity clause.
        assert_eq!(
            subject(
                "A trawler captain who asked not to be named because he sells to the board's cold store said the beds had thinned.",
                "said"
            )
            .as_deref(),
            Some("A trawler captain who asked not to be named because he sells to the board's cold store")
        );
    }

    #[test]
    fn appositive_name_is_the_subject() {
        assert_eq!(
            subject(
                "A third analyst, Maria Lopez of the Tanner Institute, doubts the plan.",
                "doubts"
            )
            .as_deref(),
            Some("Maria Lopez of the Tanner Institute")
        );
    }

    #[test]
    fn clause_subject_for_participles() {
        let lex = Lexicon::new(&Rules::builtin());
        let text = "He praised them, but some workers expressed anger, saying pay is late.";
        let p = Paragraph::new(text, &lex);
        let at = (0..p.tokens.len())
            .find(|&i| p.word(i) == "saying")
            .unwrap();
        let (a, b) = clause_subject(&p, at, &p.sentences[0]).unwrap();
        assert_eq!(&text[p.span(a, b)], "some workers");
    }
}
