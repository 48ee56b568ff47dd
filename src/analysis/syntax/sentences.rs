//! Sentences and quotations of a paragraph, found on its tokens.
//!
//! The tokenizer has already kept the full stops of abbreviations,
//! initials and decimals inside their words, so a sentence ends at a '.',
//! '?', '!' or '…' mark (with any closing quotation marks and brackets
//! after it) when the next token can open a sentence. An abbreviation
//! that may close a sentence ("… in the U.S. The move …") ends one when a
//! word that typically opens a sentence follows it.
//!
//! Quotations are paired marks: any opening double mark (`"` `“` `«` `„`)
//! closes at the next closing double mark of any style, since real copy
//! mixes them (`"The plan is dead,” said …`); single marks pair with
//! single marks. A quotation left open runs to the paragraph's end, the
//! way news opens a new paragraph of a long quote without closing the last.

use std::ops::Range;

use super::tokens::{Kind, Token, flag};

/// A sentence: its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
}

/// A quotation: the tokens between its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token; `None` when the paragraph ends first.
    pub close: Option<usize>,
}

impl Quote {
    /// The tokens inside the marks.
    pub fn inside(&self, len: usize) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(len)
    }

    /// The tokens from the opening mark to the closing one, included.
    pub fn whole(&self, len: usize) -> Range<usize> {
        self.open..self.close.map_or(len, |c| c + 1)
    }
}

/// Titles and months: their full stop never ends a sentence ("Gen. Ivan
/// Petrov", "on Jan. 5").
const NEVER_FINAL: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "sgt.", "capt.",
    "maj.", "adm.", "prof.", "st.", "rev.", "hon.", "brig.", "cmdr.", "supt.", "insp.", "det.",
    "cpl.", "pvt.", "messrs.", "gens.", "reps.", "sens.", "pres.", "atty.", "jan.", "feb.", "mar.",
    "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "mt.", "ft.", "no.", "vs.",
];

/// Words that open a sentence after an abbreviation: "… on the U.S. The
/// move …" is two sentences, "the U.S. Senate" one.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "a",
    "an",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "its",
    "however",
    "meanwhile",
    "still",
    "yet",
    "at",
    "after",
    "when",
    "while",
    "some",
    "many",
    "if",
    "as",
    "for",
    "last",
    "earlier",
    "later",
    "according",
    "officials",
    "both",
    "no",
    "not",
    "one",
    "our",
    "my",
    "you",
    "those",
    "these",
];

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.range()]
}

/// Whether a mark closes what came before it: a terminator, a closing
/// bracket or quotation mark. A straight quote closes only when it touches
/// the token before it.
fn closes(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    if t.kind != Kind::Mark {
        return false;
    }
    match t.first {
        '.' | '?' | '!' | '…' | ')' | ']' | '”' | '’' | '»' => true,
        '"' | '\'' => !t.has(flag::SPACE_BEFORE),
        _ => false,
    }
}

fn opens_sentence(t: &Token) -> bool {
    match t.kind {
        Kind::Word => t.capitalized(),
        Kind::Number => true,
        Kind::Address => false,
        Kind::Mark => matches!(
            t.first,
            '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '—' | '–' | '-' | '•' | '*'
        ),
    }
}

fn terminates(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    match t.kind {
        Kind::Mark => matches!(t.first, '.' | '?' | '!' | '…'),
        Kind::Word if t.has(flag::ABBREVIATION) => {
            let w = word(text, t);
            let initial = w.len() == 2 && t.capitalized();
            if initial || NEVER_FINAL.iter().any(|a| a.eq_ignore_ascii_case(w)) {
                return false;
            }
            match tokens.get(i + 1) {
                None => true,
                Some(next) if next.kind == Kind::Word => {
                    next.capitalized()
                        && SENTENCE_STARTERS
                            .iter()
                            .any(|s| s.eq_ignore_ascii_case(word(text, next)))
                }
                Some(next) => matches!(next.first, '“' | '‘' | '”' | '’' | ')' | '"'),
            }
        }
        _ => false,
    }
}

/// Splits a paragraph's tokens into sentences; every token is in one.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Sentence>, range: Range<usize>| bounded(tokens, range, out);
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !terminates(text, tokens, i) {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < tokens.len() && closes(tokens, last + 1) {
            last += 1;
        }
        let next = last + 1;
        if next >= tokens.len() || opens_sentence(&tokens[next]) {
            push(&mut out, first..next);
            first = next;
        }
        i = next;
    }
    if first < tokens.len() {
        push(&mut out, first..tokens.len());
    }
    out
}

/// The most tokens a sentence may hold. News sentences run to 60 or so;
/// text without full stops (a list, a transcript, a broken export) is
/// read in pieces this long, so that what is done per sentence stays
/// bounded on any input.
pub const MAX_SENTENCE: usize = 300;

/// Pushes `range` as sentences of at most [`MAX_SENTENCE`] tokens, cut
/// after a comma, semicolon or colon where one is near the limit.
fn bounded(tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE {
        let limit = start + MAX_SENTENCE;
        let cut = (limit - MAX_SENTENCE / 3..limit)
            .rev()
            .find(|&k| tokens[k].kind == Kind::Mark && matches!(tokens[k].first, ',' | ';' | ':'))
            .map_or(limit, |k| k + 1);
        out.push(Sentence { tokens: start..cut });
        start = cut;
    }
    out.push(Sentence {
        tokens: start..range.end,
    });
}

/// Whether a quotation mark at `i` opens (rather than closes) a quotation.
fn opening(tokens: &[Token], i: usize) -> Option<bool> {
    let t = &tokens[i];
    if t.kind != Kind::Mark {
        return None;
    }
    match t.first {
        '“' | '«' | '„' | '‘' => Some(true),
        '”' | '»' => Some(false),
        '’' => Some(false),
        '"' | '\'' => {
            let before_space = t.has(flag::SPACE_BEFORE)
                || i == 0
                || tokens[i - 1].kind == Kind::Mark
                    && matches!(tokens[i - 1].first, '(' | '[' | '—' | '–' | ':');
            let after_space = t.has(flag::SPACE_AFTER);
            match (before_space, after_space) {
                (true, false) => Some(true),
                (false, _) => Some(false),
                // Standing alone: " - " or a stray mark.
                (true, true) => None,
            }
        }
        _ => None,
    }
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// The paragraph's quotations, in order, not nested: a quotation inside
/// another (single marks inside double) belongs to the outer one.
pub fn quotations(tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if opening(tokens, i) != Some(true) {
            i += 1;
            continue;
        }
        let double = is_double(tokens[i].first);
        // A single opening mark needs a closing single mark later; an
        // apostrophe-like ‘ with none is left alone.
        let close = (i + 1..tokens.len()).find(|&k| {
            tokens[k].kind == Kind::Mark
                && is_double(tokens[k].first) == double
                && matches!(tokens[k].first, '"' | '”' | '»' | '\'' | '’')
                && opening(tokens, k) == Some(false)
        });
        if close.is_none() && !double {
            i += 1;
            continue;
        }
        out.push(Quote { open: i, close });
        match close {
            Some(c) => i = c + 1,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        split(text, &tokens)
            .into_iter()
            .map(|s| {
                let a = tokens[s.tokens.start].start as usize;
                let b = tokens[s.tokens.end - 1].end as usize;
                text[a..b].to_string()
            })
            .collect()
    }

    fn quoted(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        quotations(&tokens)
            .into_iter()
            .map(|q| {
                let r = q.inside(tokens.len());
                if r.is_empty() {
                    return String::new();
                }
                text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize].to_string()
            })
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_quotes_do_not_break_sentences() {
        assert_eq!(
            sentences(
                "Gen. Ivan Petrov met J. R. Smith in the U.S. Senate on Jan. 5. \
                 \"It is over.\" He left the U.S. The talks end."
            ),
            [
                "Gen. Ivan Petrov met J. R. Smith in the U.S. Senate on Jan. 5.",
                "\"It is over.\"",
                "He left the U.S.",
                "The talks end."
            ]
        );
        assert_eq!(
            sentences("It rose 3.5 percent. Why? Nobody knows!"),
            ["It rose 3.5 percent.", "Why?", "Nobody knows!"]
        );
        // A lower-case word after a quoted question continues the sentence.
        assert_eq!(
            sentences("\"Why did nobody warn us?\" asked the mayor."),
            ["\"Why did nobody warn us?\" asked the mayor."]
        );
    }

    #[test]
    fn quotation_marks_of_mixed_styles_pair() {
        assert_eq!(
            quoted("\"The plan is dead,” said Omar Reyes. “It was,\" he added."),
            ["The plan is dead,", "It was,"]
        );
        assert_eq!(
            quoted("She called it ‘a gift’ and left; the officials' plan stood."),
            ["a gift"]
        );
        // Left open: the quotation runs on to the next paragraph.
        assert_eq!(quoted("“We will fight on."), ["We will fight on."]);
        // An apostrophe is not a quotation.
        assert!(quoted("The residents' plan is the mayor's.").is_empty());
    }
}
