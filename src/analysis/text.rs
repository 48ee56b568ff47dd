//! A paragraph made ready for the rules: words with their classes,
//! sentences, and quotations, all as byte offsets into the paragraph text.
//!
//! Tokens keep abbreviations ("U.S.", "Gen."), hyphenated names
//! ("Young-shik"), numbers ("250,000") and possessives ("Moscow’s") whole,
//! because the rules reason about words, not characters. Sentence
//! boundaries come from `sentencex` (Wikimedia's rule-based segmenter),
//! which already knows English abbreviations, initials, decimals and
//! quotations that end in `."`.

use std::ops::Range;

use sentencex::languages::{English, Language};

use super::lexicon::{Lexicon, Tags, tag};

/// One word or punctuation mark.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// End of the word without a possessive "’s".
    pub stem_end: usize,
    pub tags: Tags,
    pub is_word: bool,
    /// Starts with an upper-case letter or a digit-free capital ("NATO", "Japarov").
    pub capitalized: bool,
    pub possessive: bool,
    /// The character of a punctuation token; `'\0'` for words.
    pub punct: char,
}

impl Token {
    pub fn has(&self, t: Tags) -> bool {
        self.tags & t != 0
    }
}

/// A run of tokens matched by a phrase of several words.
#[derive(Debug, Clone, Copy)]
pub struct Phrase {
    pub first: usize,
    pub last: usize,
    pub tags: Tags,
}

/// A sentence as byte and token ranges.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub bytes: Range<usize>,
    pub tokens: Range<usize>,
}

/// A paragraph ready for the rules.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub phrases: Vec<Phrase>,
    pub sentences: Vec<Sentence>,
    /// Quotations, each from its opening to its closing mark inclusive.
    pub quotes: Vec<Range<usize>>,
}

/// Abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm",
    "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "brig", "cmdr", "rev", "hon", "pres",
    "sec", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "mt", "ft", "messrs", "supt", "insp", "det", "cpl", "pvt", "gens", "reps", "sens",
];

impl<'a> Paragraph<'a> {
    pub fn new(text: &'a str, lex: &Lexicon) -> Paragraph<'a> {
        let mut p = Paragraph {
            text,
            tokens: tokenize(text, lex),
            phrases: Vec::new(),
            sentences: Vec::new(),
            quotes: find_quotations(text),
        };
        p.phrases = find_phrases(&p, lex);
        p.sentences = split_sentences(text, &p.tokens);
        p
    }

    /// The token's text.
    pub fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The token's text without a possessive ending.
    pub fn stem(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.stem_end]
    }

    /// Whether token `i` is the word `w` (ASCII, any case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len() && self.tokens[i].is_word && self.stem(i).eq_ignore_ascii_case(w)
    }

    /// Whether token `i` has any of the classes in `t`.
    pub fn has(&self, i: usize, t: Tags) -> bool {
        i < self.tokens.len() && self.tokens[i].tags & t != 0
    }

    /// Whether token `i` is the punctuation mark `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.tokens.len() && self.tokens[i].punct == c
    }

    /// The last token of a phrase of class `t` starting at token `i`
    /// (a single word or several), if there is one.
    pub fn phrase_at(&self, i: usize, t: Tags) -> Option<usize> {
        if i >= self.tokens.len() {
            return None;
        }
        let mut best = if self.tokens[i].tags & t != 0 {
            Some(i)
        } else {
            None
        };
        if self.tokens[i].tags & tag::PHRASE_START != 0 {
            let from = self.phrases.partition_point(|p| p.first < i);
            for p in self.phrases[from..].iter().take_while(|p| p.first == i) {
                if p.tags & t != 0 && best.is_none_or(|b| p.last > b) {
                    best = Some(p.last);
                }
            }
        }
        best
    }

    /// Whether the byte offset lies inside a quotation.
    pub fn in_quote(&self, at: usize) -> bool {
        self.quote_at(at).is_some()
    }

    /// The quotation holding byte offset `at`.
    pub fn quote_at(&self, at: usize) -> Option<Range<usize>> {
        let i = self.quotes.partition_point(|q| q.end <= at);
        self.quotes.get(i).filter(|q| q.start <= at).cloned()
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Byte span of tokens `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }

    /// Whether a word token starts with an upper-case letter.
    pub fn capitalized(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].capitalized
    }

    /// Whether token `i` opens or closes a quotation.
    pub fn is_quote_mark(&self, i: usize) -> bool {
        i < self.tokens.len()
            && matches!(
                self.tokens[i].punct,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»'
            )
    }

    /// Whether token `i` is a dash used as punctuation.
    pub fn is_dash(&self, i: usize) -> bool {
        i < self.tokens.len() && matches!(self.tokens[i].punct, '-' | '—' | '–')
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn tokenize(text: &str, lex: &Lexicon) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut lower = String::with_capacity(32);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                stem_end: start + c.len_utf8(),
                tags: 0,
                is_word: false,
                capitalized: false,
                possessive: false,
                punct: c,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut has_dot = false;
        while let Some(&(i, d)) = chars.peek() {
            if is_word_char(d) {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // A joiner continues the word only when a word character follows.
            let joiner = matches!(d, '\'' | '’' | '-' | '.' | ',' | '&');
            let next_is_word = text[i + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char);
            let prev_is_digit = bytes[end - 1].is_ascii_digit();
            let next_is_digit = text[i + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit());
            let keep = joiner
                && next_is_word
                && match d {
                    ',' => prev_is_digit && next_is_digit,
                    '.' => (prev_is_digit && next_is_digit) || bytes[end - 1].is_ascii_alphabetic(),
                    '&' => bytes[end - 1].is_ascii_uppercase(),
                    _ => true,
                };
            if keep {
                has_dot |= d == '.';
                chars.next();
                continue;
            }
            break;
        }
        // A final full stop belongs to abbreviations and initials.
        if bytes.get(end) == Some(&b'.') {
            let word = &text[start..end];
            let single_capital = word.len() == 1 && bytes[start].is_ascii_uppercase();
            if has_dot
                || single_capital
                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
            {
                end += 1;
                chars.next();
            }
        }
        let word = &text[start..end];
        let (stem_end, possessive) =
            if word.len() > 2 && (word.ends_with("'s") || word.ends_with("’s")) {
                let suffix = if word.ends_with("'s") {
                    2
                } else {
                    "’s".len()
                };
                (end - suffix, true)
            } else {
                (end, false)
            };
        let stem = text[start..stem_end].trim_end_matches('.');
        lower.clear();
        if stem.is_ascii() {
            lower.push_str(stem);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(stem.chars().flat_map(char::to_lowercase));
        }
        let mut tags = if lower.len() <= 40 {
            lex.word_tags(&lower)
        } else {
            0
        };
        // "it’s", "he's": a contraction, not a possessive.
        if possessive && tags & tag::PRONOUN != 0 {
            tags &= !tag::PRONOUN;
        }
        tokens.push(Token {
            start,
            end,
            stem_end,
            tags,
            is_word: true,
            capitalized: c.is_uppercase(),
            possessive,
            punct: '\0',
        });
    }
    tokens
}

fn find_phrases(p: &Paragraph, lex: &Lexicon) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for (i, t) in p.tokens.iter().enumerate() {
        if t.tags & tag::PHRASE_START == 0 {
            continue;
        }
        lower.clear();
        lower.extend(p.stem(i).chars().flat_map(char::to_lowercase));
        for (rest, tags) in lex.phrases_from(&lower) {
            let mut j = i;
            let matched = rest.iter().all(|w| {
                j += 1;
                j < p.tokens.len() && p.tokens[j].is_word && p.word(j).eq_ignore_ascii_case(w)
            });
            if matched {
                out.push(Phrase {
                    first: i,
                    last: j,
                    tags: *tags,
                });
            }
        }
    }
    out
}

/// Finds quotations: curly double and single quotes, straight quotes, and
/// guillemets. A ’ between letters is an apostrophe, not a closing mark.
/// A quotation still open at the paragraph's end runs to the end (news
/// style leaves it open when the quote continues in the next paragraph).
pub fn find_quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-“‘\"".contains(p));
        let before_word = next.is_some_and(|n| n.is_alphanumeric());
        let after_word = prev.is_some_and(|p| p.is_alphanumeric());
        match (open, c) {
            (None, '“' | '«') => open = Some((i, c)),
            (None, '"') => open = Some((i, c)),
            (None, '‘') => open = Some((i, c)),
            (None, '\'') if after_space && before_word => open = Some((i, c)),
            (Some((s, '“')), '”') | (Some((s, '«')), '»') | (Some((s, '"')), '"') => {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            (Some((s, '‘')), '’') | (Some((s, '\'')), '\'') if !(after_word && before_word) => {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((s, _)) = open {
        out.push(s..text.len());
    }
    out
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let boundaries = English {}.get_sentence_boundaries(text);
    let mut tok = 0;
    for b in boundaries {
        let slice = &text[b.start_byte..b.end_byte];
        let lead = slice.len() - slice.trim_start().len();
        let start = b.start_byte + lead;
        let end = b.start_byte + slice.trim_end().len();
        if start >= end {
            continue;
        }
        let first = tok;
        while tok < tokens.len() && tokens[tok].start < end {
            tok += 1;
        }
        if tok > first {
            out.push(Sentence {
                bytes: start..end,
                tokens: first..tok,
            });
        }
    }
    // Tokens the segmenter left out (it should not) join the last sentence.
    if tok < tokens.len() {
        match out.last_mut() {
            Some(last) => {
                last.tokens.end = tokens.len();
                last.bytes.end = text.len();
            }
            None => out.push(Sentence {
                bytes: 0..text.len(),
                tokens: 0..tokens.len(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rules::Rules;

    fn para(text: &str) -> (Lexicon, Vec<String>, Vec<String>) {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(text, &lex);
        let words = (0..p.tokens.len()).map(|i| p.word(i).to_string()).collect();
        let sentences = p
            .sentences
            .iter()
            .map(|s| text[s.bytes.clone()].to_string())
            .collect();
        (lex, words, sentences)
    }

    #[test]
    fn abbreviations_names_numbers_and_possessives_stay_whole() {
        let (_, words, _) =
            para("Gen. Kim’s aide told U.S. officials 250,000 al-Qaida J. R. Smith.");
        assert_eq!(
            words,
            [
                "Gen.",
                "Kim’s",
                "aide",
                "told",
                "U.S.",
                "officials",
                "250,000",
                "al-Qaida",
                "J.",
                "R.",
                "Smith",
                "."
            ]
        );
    }

    #[test]
    fn sentences_survive_abbreviations_decimals_and_closing_quotes() {
        let (_, _, s) = para(
            "Gen. Ivan Petrov met Dr. Lee on Jan. 5 in the U.S. capital. Growth was 2.5 percent. \
             “It is over.” She left. ‘A pillar of deterrence.’ According to insiders, he agreed.",
        );
        assert_eq!(
            s,
            [
                "Gen. Ivan Petrov met Dr. Lee on Jan. 5 in the U.S. capital.",
                "Growth was 2.5 percent.",
                "“It is over.”",
                "She left.",
                "‘A pillar of deterrence.’",
                "According to insiders, he agreed."
            ]
        );
    }

    #[test]
    fn quotations_and_apostrophes() {
        let text = "‘It’s a nerve center,’ he said. “Open and \"nested\" quote";
        let q = find_quotations(text);
        assert_eq!(q.len(), 2);
        assert_eq!(&text[q[0].clone()], "‘It’s a nerve center,’");
        assert!(text[q[1].clone()].starts_with("“Open"));
        assert_eq!(q[1].end, text.len());
    }

    #[test]
    fn phrases_are_found() {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(
            "It was, according to sources, not officially confirmed.",
            &lex,
        );
        let acc = (0..p.tokens.len()).find(|&i| p.is(i, "according")).unwrap();
        assert_eq!(p.phrase_at(acc, tag::ACCORDING), Some(acc + 1));
        let not = (0..p.tokens.len()).find(|&i| p.is(i, "not")).unwrap();
        assert_eq!(p.phrase_at(not, tag::UNCONFIRMED), Some(not + 2));
    }
}
