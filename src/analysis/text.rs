//! A paragraph made ready for the rules: words with their classes,
//! sentences, and quotations, all as byte offsets into the paragraph text.
//!
//! Tokens keep abbreviations ("U.S.", "Gen."), hyphenated names
//! ("Young-shik"), numbers ("250,000") and possessives ("Moscow’s") whole,
//! because the rules reason about words, not characters; sentences are
//! then found on the tokens, so abbreviations, initials, decimals and
//! quotations that end in `."` are handled once, in the tokenizer.

use std::ops::Range;

use super::lexicon::{Lexicon, Tags, tag};
use super::word_table::short_key_in;

/// One word or punctuation mark, in 16 bytes: an article has a token for
/// every five bytes of text, tokens are its largest allocation, and every
/// rule walks them, so their size is memory traffic in every stage.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offsets, 32-bit. Paragraphs are cut to 4 GiB before
    /// tokenizing (see [`Paragraph::new`]).
    first_byte: u32,
    end_byte: u32,
    /// The word's classes ([`Tags`]), and in the bits no class uses
    /// ([`token_bits`]) whether it is a word, capitalized or possessive,
    /// its possessive ending's length, and its punctuation mark.
    bits: u64,
}

/// The bits of [`Token::bits`] that are the token's own, above every class
/// of [`tag`] but the last.
mod token_bits {
    pub const WORD: u64 = 1 << 49;
    pub const CAPITALIZED: u64 = 1 << 50;
    pub const POSSESSIVE: u64 = 1 << 51;
    /// Half the bytes of a possessive ending: 1 for "'s", 2 for "’s".
    pub const SUFFIX_SHIFT: u32 = 52;
    pub const SUFFIX: u64 = 0b11 << SUFFIX_SHIFT;
    /// A punctuation mark's [`super::punct_code`].
    pub const PUNCT_SHIFT: u32 = 54;
    pub const PUNCT: u64 = 0xff << PUNCT_SHIFT;
    /// May end a sentence: ".", "?", "!", "…", or a word ending in a full
    /// stop ("Gen.", "U.S."). Sentence splitting looks no further at the
    /// rest, nearly every token.
    pub const TERMINAL: u64 = 1 << 62;
    pub const ALL: u64 = WORD | CAPITALIZED | POSSESSIVE | SUFFIX | PUNCT | TERMINAL;
}

const _: () = assert!(
    tag::QUANTITY_ADJECTIVE < token_bits::WORD && tag::PHRASE_START > token_bits::PUNCT,
    "word classes must leave bits 49 to 62 to the token"
);

/// The non-ASCII punctuation marks the rules tell apart; any other is
/// [`OTHER_MARK`] to them.
const NAMED_MARKS: [char; 9] = ['“', '”', '‘', '’', '—', '–', '…', '«', '»'];

/// What a token holds for a non-ASCII punctuation mark the rules never
/// name.
const OTHER_MARK: char = '\u{FFFD}';

/// A punctuation mark as eight bits: ASCII as itself, [`NAMED_MARKS`] from
/// 0x80, any other mark 0xFF.
fn punct_code(c: char) -> u64 {
    if c.is_ascii() {
        return c as u64;
    }
    match NAMED_MARKS.iter().position(|&m| m == c) {
        Some(k) => 0x80 + k as u64,
        None => 0xff,
    }
}

/// The mark of each [`punct_code`], read for every token the rules look at.
const MARKS: [char; 256] = {
    let mut marks = [OTHER_MARK; 256];
    let mut code = 0;
    while code < 0x80 {
        marks[code] = code as u8 as char;
        code += 1;
    }
    let mut k = 0;
    while k < NAMED_MARKS.len() {
        marks[0x80 + k] = NAMED_MARKS[k];
        k += 1;
    }
    marks
};

impl Token {
    /// Byte offset of the token's first byte in the paragraph.
    #[inline]
    pub fn start(&self) -> usize {
        self.first_byte as usize
    }

    /// Byte offset just past the token.
    #[inline]
    pub fn end(&self) -> usize {
        self.end_byte as usize
    }

    /// A word with no possessive ending or full stop, and its classes.
    #[inline(always)]
    fn plain_word(start: usize, end: usize, capitalized: bool, tags: Tags) -> Token {
        Token {
            first_byte: start as u32,
            end_byte: end as u32,
            bits: token_bits::WORD | tags | (u64::from(capitalized) * token_bits::CAPITALIZED),
        }
    }

    fn punctuation(start: usize, c: char) -> Token {
        let terminal = matches!(c, '.' | '?' | '!' | '…');
        Token {
            first_byte: start as u32,
            end_byte: (start + c.len_utf8()) as u32,
            bits: (punct_code(c) << token_bits::PUNCT_SHIFT)
                | (u64::from(terminal) * token_bits::TERMINAL),
        }
    }

    /// Whether the token may end a sentence ([`token_bits::TERMINAL`]).
    #[inline]
    fn may_end_sentence(&self) -> bool {
        self.bits & token_bits::TERMINAL != 0
    }

    /// End of the word without a possessive "’s".
    #[inline]
    pub fn stem_end(&self) -> usize {
        self.end() - 2 * ((self.bits & token_bits::SUFFIX) >> token_bits::SUFFIX_SHIFT) as usize
    }

    /// Every class the word has ([`tag::PHRASE_NEXT`] is not one).
    #[inline]
    pub fn tags(&self) -> Tags {
        self.bits & !(token_bits::ALL | tag::PHRASE_NEXT)
    }

    /// Whether the word has any of the classes in `t`. Classes never use
    /// the token's own bits, so they need no masking here.
    #[inline]
    pub fn has(&self, t: Tags) -> bool {
        debug_assert_eq!(t & token_bits::ALL, 0);
        self.bits & t != 0
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        self.bits & token_bits::WORD != 0
    }

    /// Starts with an upper-case letter or a digit-free capital ("NATO", "Japarov").
    #[inline]
    pub fn capitalized(&self) -> bool {
        self.bits & token_bits::CAPITALIZED != 0
    }

    #[inline]
    pub fn possessive(&self) -> bool {
        self.bits & token_bits::POSSESSIVE != 0
    }

    /// The punctuation mark; `'\0'` for words.
    #[inline]
    pub fn punct(&self) -> char {
        MARKS[((self.bits & token_bits::PUNCT) >> token_bits::PUNCT_SHIFT) as usize]
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
    /// Every class a word or a phrase of the sentence has: a rule skips
    /// sentences without its words.
    pub tags: Tags,
}

/// A paragraph ready for the rules.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub phrases: Vec<Phrase>,
    pub sentences: Vec<Sentence>,
    /// Quotations, each from its opening to its closing mark inclusive.
    pub quotes: Vec<Range<usize>>,
    /// Every class any word of the paragraph has: rules skip paragraphs
    /// that lack the words they look for.
    pub all_tags: Tags,
}

/// Abbreviations whose full stop belongs to the word only before a number
/// ("No. 5", but "said no.").
const NUMBERED: &[&str] = &["no", "nos", "vol", "pp", "art", "fig"];

/// The length of the longest word in [`ABBREVIATIONS`] and [`NUMBERED`]
/// ("messrs"); a test keeps it true.
const LONGEST_ABBREVIATION: usize = 6;

/// Abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm",
    "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "brig", "cmdr", "rev", "hon", "pres",
    "sec", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "mt", "ft", "messrs", "supt", "insp", "det", "cpl", "pvt", "gens", "reps", "sens",
];

impl<'a> Paragraph<'a> {
    pub fn new(text: &'a str, lex: &Lexicon) -> Paragraph<'a> {
        // Token offsets are 32-bit: the words past 4 GiB of one paragraph
        // (no real text has such a paragraph) are not read.
        let text = &text[..text.floor_char_boundary(u32::MAX as usize)];
        let (tokens, sentences, quotes) = tokenize(text, lex);
        let mut p = Paragraph {
            text,
            // Sentences cover every token.
            all_tags: sentences.iter().fold(0, |acc, s| acc | s.tags),
            quotes,
            tokens,
            phrases: Vec::new(),
            sentences,
        };
        if p.all_tags & tag::PHRASE_START != 0 {
            p.phrases = find_phrases(&p, lex);
            p.all_tags |= p.phrases.iter().fold(0, |acc, ph| acc | ph.tags);
        }
        // A phrase's classes count for the sentence it starts in.
        let mut sentences = p.sentences.iter_mut().peekable();
        for ph in &p.phrases {
            while sentences.next_if(|s| s.tokens.end <= ph.first).is_some() {}
            if let Some(s) = sentences.peek_mut() {
                s.tags |= ph.tags;
            }
        }
        p
    }

    /// The token's text.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.end()]
    }

    /// The token's text without a possessive ending.
    #[inline]
    pub fn stem(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.stem_end()]
    }

    /// Whether token `i` is the word `w` (ASCII, any case).
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        // Length first: almost every comparison fails there, cheaply.
        t.is_word()
            && t.stem_end() - t.start() == w.len()
            && self.text.as_bytes()[t.start()..t.stem_end()].eq_ignore_ascii_case(w.as_bytes())
    }

    /// Whether any word or phrase of the paragraph has a class in `t`.
    #[inline]
    /// Frees the words, sentences, phrases and quotations once nothing will
    /// read them again; the text and [`Paragraph::mentions`] stay, and any
    /// rule that needs the words must first check `mentions`.
    pub fn release_words(&mut self) {
        self.tokens = Vec::new();
        self.phrases = Vec::new();
        self.sentences = Vec::new();
        self.quotes = Vec::new();
    }

    pub fn mentions(&self, t: Tags) -> bool {
        self.all_tags & t != 0
    }

    /// Whether token `i` has any of the classes in `t`.
    #[inline]
    pub fn has(&self, i: usize, t: Tags) -> bool {
        i < self.tokens.len() && self.tokens[i].has(t)
    }

    /// Whether token `i` is the punctuation mark `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.tokens.len() && self.tokens[i].punct() == c
    }

    /// The last token of a phrase of class `t` starting at token `i`
    /// (a single word or several), if there is one.
    pub fn phrase_at(&self, i: usize, t: Tags) -> Option<usize> {
        if i >= self.tokens.len() {
            return None;
        }
        let mut best = if self.tokens[i].has(t) { Some(i) } else { None };
        if self.tokens[i].has(tag::PHRASE_START) {
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
    #[inline]
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start()..self.tokens[last].end()
    }

    /// Whether a word token starts with an upper-case letter.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].capitalized()
    }

    /// Whether token `i` opens or closes a quotation.
    #[inline]
    pub fn is_quote_mark(&self, i: usize) -> bool {
        i < self.tokens.len()
            && matches!(
                self.tokens[i].punct(),
                '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»'
            )
    }

    /// Whether token `i` is a dash used as punctuation.
    #[inline]
    pub fn is_dash(&self, i: usize) -> bool {
        i < self.tokens.len() && matches!(self.tokens[i].punct(), '-' | '—' | '–')
    }
}

fn is_word_char(c: char) -> bool {
    !is_typographic_punctuation(c) && c.is_alphanumeric()
}

/// Dashes, curly quotation marks, bullets and the ellipsis (U+2010 to
/// U+2027), and guillemets: the characters beyond ASCII that news text
/// uses most. None is a letter, a digit or a space, and telling so from
/// the code point spares a search of Unicode's tables for each.
#[inline]
fn is_typographic_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '«' | '»')
}

/// The character at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Whether a word character starts at byte `i`.
fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_some_and(is_word_char),
        None => false,
    }
}

/// What an ASCII byte is to the tokenizer; bytes of 0x80 and above start
/// or continue a multi-byte character and are decoded where they occur.
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const PUNCT: u8 = 2;
const MULTIBYTE: u8 = 3;

const BYTE_CLASS: [u8; 256] = {
    let mut table = [MULTIBYTE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            // Exactly the ASCII characters `char::is_whitespace` accepts.
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

/// Splits a paragraph into tokens. ASCII, the bulk of English news, takes a
/// byte-at-a-time path through a class table; other characters are decoded
/// only where they occur, and ASCII words are looked up in the lexicon
/// without being copied.
///
/// Returns the tokens with the paragraph's sentences and quotations, which
/// are found on the tokenizer's [`Tokenized::marks`] while they are at hand.
fn tokenize(text: &str, lex: &Lexicon) -> (Vec<Token>, Vec<Sentence>, Vec<Range<usize>>) {
    thread_local! {
        /// Tokens are collected here and then copied out at their exact
        /// size: an article's tokens are its largest allocation (16 bytes
        /// per five bytes of text), and a generous guess per paragraph left
        /// a third of it allocated and unused.
        static SCRATCH: std::cell::RefCell<Tokenized> = std::cell::RefCell::default();
    }
    // Nothing here calls back into tokenize, so the buffer is never
    // borrowed twice.
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.tokens.clear();
        scratch.marks.clear();
        tokenize_into(text, lex, scratch);
        let Tokenized { tokens, marks } = &*scratch;
        let sentences = split_sentences(text, tokens, marks);
        let quotes = find_quotations(text, tokens, marks);
        let exact = tokens.to_vec();
        // A huge paragraph's buffers are not kept for the thread's life.
        if tokens.capacity() > 1 << 16 {
            *scratch = Tokenized::default();
        }
        (exact, sentences, quotes)
    })
}

/// A paragraph's tokens as the tokenizer leaves them, and the indices of
/// its marks: every punctuation token, and every word that may end a
/// sentence ("U.S."). Sentences and quotations are found by visiting the
/// marks, about one token in ten, instead of every token.
#[derive(Default)]
struct Tokenized {
    tokens: Vec<Token>,
    marks: Vec<u32>,
}

impl Tokenized {
    /// Adds a punctuation mark.
    #[inline(always)]
    fn push_mark(&mut self, t: Token) {
        // Token indices fit: a paragraph is cut to 4 GiB.
        self.marks.push(self.tokens.len() as u32);
        self.tokens.push(t);
    }

    /// Adds a word, and notes it as a mark if it may end a sentence.
    #[inline(always)]
    fn push_word(&mut self, t: Token) {
        if t.may_end_sentence() {
            self.marks.push(self.tokens.len() as u32);
        }
        self.tokens.push(t);
    }
}

fn tokenize_into(text: &str, lex: &Lexicon, out: &mut Tokenized) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    out.tokens.reserve(n / 4 + 4);
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        match BYTE_CLASS[b as usize] {
            SPACE => i += 1,
            PUNCT => {
                out.push_mark(Token::punctuation(i, b as char));
                i += 1;
            }
            ALNUM => {
                let (mut start, mut upper) = (i, b.is_ascii_uppercase());
                loop {
                    // Most words are followed by one space and another
                    // word, which then starts here, without going round
                    // the class dispatch for the space and the letter.
                    if let Some((end, key)) = plain_word(bytes, start) {
                        // A plain word never ends a sentence: not a mark.
                        let tags = lex.short_key_tags(key);
                        out.tokens.push(Token::plain_word(start, end, upper, tags));
                        // It ends at a space.
                        match bytes.get(end + 1) {
                            Some(&next) if BYTE_CLASS[next as usize] == ALNUM => {
                                (start, upper) = (end + 1, next.is_ascii_uppercase());
                                continue;
                            }
                            _ => {
                                i = end + 1;
                                break;
                            }
                        }
                    }
                    let end = word_end(text, start, 1);
                    out.push_word(word_token(text, start, end, upper, lex));
                    match bytes.get(end..end + 2) {
                        Some(&[b' ', next]) if next.is_ascii_alphanumeric() => {
                            (start, upper) = (end + 1, next.is_ascii_uppercase());
                        }
                        _ => {
                            i = end;
                            break;
                        }
                    }
                }
            }
            _ => {
                let c = char_at(text, i).unwrap_or('\u{FFFD}');
                let len = c.len_utf8();
                if c.is_whitespace() {
                    i += len;
                } else if !is_word_char(c) {
                    out.push_mark(Token::punctuation(i, c));
                    i += len;
                } else {
                    let end = word_end(text, i, len);
                    out.push_word(word_token(text, i, end, c.is_uppercase(), lex));
                    i = end;
                }
            }
        }
    }
}

/// Where the word starting at `start` (a first character `first_len` bytes
/// long) ends: letters and digits, joined by an apostrophe, hyphen, decimal
/// point or thousands separator, plus the full stop of an abbreviation or
/// initial.
#[inline(always)]
fn word_end(text: &str, start: usize, first_len: usize) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut end = start + first_len;
    let mut has_dot = false;
    loop {
        end += ascii_alnum_run(bytes, end);
        if end >= n {
            break;
        }
        // Not an ASCII letter or digit: a space, punctuation, or a
        // character of several bytes.
        let d = bytes[end];
        match BYTE_CLASS[d as usize] {
            SPACE => break,
            MULTIBYTE => {
                let c = char_at(text, end).unwrap_or(' ');
                if is_word_char(c) {
                    end += c.len_utf8();
                    continue;
                }
                // A curly apostrophe inside a word: "Putin’s", "it’s".
                if c == '’'
                    && bytes[end - 1].is_ascii_alphanumeric()
                    && word_char_at(text, end + c.len_utf8())
                {
                    end += c.len_utf8();
                    continue;
                }
                break;
            }
            _ => {}
        }
        // A joiner continues the word only when a word character follows.
        let keep = word_char_at(text, end + 1)
            && match d {
                b'\'' | b'-' => true,
                b',' => {
                    bytes[end - 1].is_ascii_digit()
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                }
                b'.' => {
                    (bytes[end - 1].is_ascii_digit()
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                        || bytes[end - 1].is_ascii_alphabetic()
                }
                b'&' => bytes[end - 1].is_ascii_uppercase(),
                _ => false,
            };
        if !keep {
            break;
        }
        has_dot |= d == b'.';
        end += 1;
    }
    // A final full stop belongs to abbreviations and initials.
    if bytes.get(end) == Some(&b'.') && keeps_full_stop(text, start, end, has_dot) {
        end += 1;
    }
    end
}

/// The eight bytes of `bytes` from `at`, the first lowest, if there are
/// eight.
#[inline(always)]
fn eight_bytes_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..)?
        .first_chunk()
        .copied()
        .map(u64::from_le_bytes)
}

/// Which of eight bytes are ASCII letters or digits, as the top bit of
/// each byte: eight bytes classified in a few arithmetic steps, without a
/// branch.
#[inline(always)]
fn alnums(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// The top bit of each byte of `x` (all below 0x80) in `lo..=hi`.
    const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let at_least_lo = x + ONES * (0x80 - lo as u64);
        let above_hi = x + ONES * (0x7f - hi as u64);
        at_least_lo & !above_hi & HIGH
    }
    let seven = x & !HIGH;
    let ascii = !x & HIGH;
    let letter = in_range(seven | (ONES * 0x20), b'a', b'z');
    let digit = in_range(seven, b'0', b'9');
    (letter | digit) & ascii
}

/// How many bytes from the first of `x` have their top bit in `mask`.
#[inline(always)]
fn leading_run(mask: u64) -> usize {
    ((!mask & 0x8080_8080_8080_8080).trailing_zeros() / 8) as usize
}

/// The word at `start` when it is a plain one: at most eight ASCII letters
/// and digits followed by a space, as three words in four of a news text
/// are. Such a word has no possessive, full stop or joiner to look for,
/// and its lexicon key ([`super::word_table::short_key`]) comes from the
/// same eight bytes that found its end. Returns the word's end and key;
/// `start` must be at an ASCII letter or digit.
#[inline(always)]
fn plain_word(bytes: &[u8], start: usize) -> Option<(usize, u64)> {
    debug_assert!(bytes[start].is_ascii_alphanumeric());
    let x = eight_bytes_at(bytes, start)?;
    // The top bit of each byte that is not a letter or digit; the lowest
    // one ends the word.
    let stops = !alnums(x) & 0x8080_8080_8080_8080;
    let len = (stops.trailing_zeros() / 8) as usize;
    if bytes.get(start + len) != Some(&b' ') {
        return None;
    }
    // The bits below the first stop's byte: all 64 when the word fills the
    // eight bytes (no stop).
    let in_word = ((stops & stops.wrapping_neg()) >> 7).wrapping_sub(1);
    // Setting 0x20 lower-cases an ASCII letter and leaves a digit (0x30 to
    // 0x39) as it is.
    Some((start + len, (x | 0x2020_2020_2020_2020) & in_word))
}

/// How many ASCII letters and digits start `bytes[at..]`, counted eight
/// bytes at a time: a word's length is as good as random, so a loop that
/// tests byte by byte mispredicts its exit once per word, which cost more
/// than these few arithmetic steps. The last few bytes of a text, fewer
/// than eight, are counted one by one.
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], at: usize) -> usize {
    let mut run = 0;
    while let Some(x) = eight_bytes_at(bytes, at + run) {
        let here = leading_run(alnums(x));
        run += here;
        if here < 8 {
            return run;
        }
    }
    run + bytes[at + run..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// Whether the full stop after the word `start..end` belongs to it: an
/// initial, a dotted abbreviation ("U.S."), a known one ("Gen."), or
/// "No." before a number. Every sentence ends in such a full stop, so the
/// lists are consulted only for words short enough to be on them.
fn keeps_full_stop(text: &str, start: usize, end: usize, has_dot: bool) -> bool {
    let word = &text[start..end];
    if has_dot || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()) {
        return true;
    }
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    let Some(key) = short_key_in(text.as_bytes(), start, end) else {
        return false;
    };
    // At most six bytes: the key is in the low half.
    let key = key as u64;
    if NUMBERED_SET.contains(key) {
        return text[end + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    }
    ABBREVIATION_SET.contains(key)
}

/// A fixed set of words of at most eight bytes, as their lexicon keys
/// ([`super::word_table::short_key`]) in an open-addressed table built at
/// compile time: the abbreviation lists are consulted at every sentence's
/// full stop, and a probe or two of a table is cheaper than a search of a
/// sorted list.
struct ShortWordSet<const SLOTS: usize> {
    /// Keys, 0 in an empty slot (no word's key is 0).
    slots: [u64; SLOTS],
}

impl<const SLOTS: usize> ShortWordSet<SLOTS> {
    /// The set of `words`, ASCII, at most eight bytes each, in a table of
    /// `SLOTS` (a power of two, more than twice as many as the words).
    const fn of(words: &[&str]) -> Self {
        assert!(SLOTS.is_power_of_two() && words.len() * 2 < SLOTS);
        let mut slots = [0; SLOTS];
        let mut w = 0;
        while w < words.len() {
            let word = words[w].as_bytes();
            assert!(word.len() <= 8 && word.is_ascii());
            let mut key = 0u64;
            let mut i = 0;
            while i < word.len() {
                key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
                i += 1;
            }
            let mut slot = Self::slot(key);
            while slots[slot] != 0 && slots[slot] != key {
                slot = (slot + 1) % SLOTS;
            }
            slots[slot] = key;
            w += 1;
        }
        ShortWordSet { slots }
    }

    const fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// Whether the word with this key is in the set.
    #[inline]
    fn contains(&self, key: u64) -> bool {
        let mut slot = Self::slot(key);
        loop {
            match self.slots[slot] {
                0 => return false,
                k if k == key => return true,
                _ => slot = (slot + 1) % SLOTS,
            }
        }
    }
}

const NUMBERED_SET: ShortWordSet<16> = ShortWordSet::of(NUMBERED);
const ABBREVIATION_SET: ShortWordSet<128> = ShortWordSet::of(ABBREVIATIONS);

/// The token of the word `start..end`: its possessive ending and its
/// classes in the lexicon.
#[inline(always)]
fn word_token(text: &str, start: usize, end: usize, capitalized: bool, lex: &Lexicon) -> Token {
    let word = &text.as_bytes()[start..end];
    // Both possessive endings end in "s", and most words do not: one byte
    // decides for most words.
    let (stem_end, possessive) = if word.last() != Some(&b's') {
        (end, false)
    } else if word.len() > 2 && word.ends_with(b"'s") {
        (end - 2, true)
    } else if word.len() > 4 && word.ends_with("’s".as_bytes()) {
        (end - "’s".len(), true)
    } else {
        (end, false)
    };
    let bytes = text.as_bytes();
    // An abbreviation's full stops are not part of its stem ("Gen." is
    // "gen"); a word ending in one may end a sentence.
    let mut bits = token_bits::WORD;
    let stem_len = if bytes[stem_end - 1] != b'.' {
        stem_end - start
    } else {
        if !possessive {
            bits |= token_bits::TERMINAL;
        }
        match bytes[start..stem_end].iter().rposition(|&b| b != b'.') {
            Some(last) => last + 1,
            None => 0,
        }
    };
    let mut tags = match lex.short_word_tags(bytes, start, start + stem_len) {
        Some(tags) => tags,
        None if stem_len <= 40 => {
            // Longer or non-ASCII words: rare, so lower-cased into a string.
            let stem = &text[start..start + stem_len];
            let lower: String = stem.chars().flat_map(char::to_lowercase).collect();
            lex.word_tags(&lower)
        }
        None => 0,
    };
    // "it’s", "he's": a contraction, not a possessive.
    if possessive && tags & tag::PRONOUN != 0 {
        tags &= !tag::PRONOUN;
    }
    bits |= tags | (((end - stem_end) as u64 / 2) << token_bits::SUFFIX_SHIFT);
    if capitalized {
        bits |= token_bits::CAPITALIZED;
    }
    if possessive {
        bits |= token_bits::POSSESSIVE;
    }
    Token {
        first_byte: start as u32,
        end_byte: end as u32,
        bits,
    }
}

fn find_phrases(p: &Paragraph, lex: &Lexicon) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for (i, t) in p.tokens.iter().enumerate() {
        if !t.has(tag::PHRASE_START) {
            continue;
        }
        // Most phrase starts ("to", "in", "had") are followed by no
        // phrase's second word: passed over without a lookup.
        if lex.marks_second_words() && !p.has(i + 1, tag::PHRASE_NEXT) {
            continue;
        }
        let entries = match lex.short_phrases_from(p.text.as_bytes(), t.start(), t.stem_end()) {
            Some(entries) => entries,
            None => {
                lower.clear();
                lower.extend(p.stem(i).chars().flat_map(char::to_lowercase));
                lex.phrases_from(&lower)
            }
        };
        for (rest, tags) in entries {
            let mut j = i;
            let matched = rest.iter().all(|w| {
                j += 1;
                j < p.tokens.len() && p.tokens[j].is_word() && p.word(j).eq_ignore_ascii_case(w)
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
///
/// Only punctuation tokens are visited (the tokenizer's `marks`): the
/// quotation marks the tokenizer kept inside words ("it's", "Putin’s")
/// stand between letters, where a mark neither opens nor closes.
fn find_quotations(text: &str, tokens: &[Token], marks: &[u32]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for t in marks.iter().map(|&m| &tokens[m as usize]) {
        let c = t.punct();
        // Marks include words that may end a sentence; a word is never a
        // quotation mark.
        if t.is_word() || !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') {
            continue;
        }
        let i = t.start();
        let prev = text[..i].chars().next_back();
        let next = text[t.end()..].chars().next();
        let after_space = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '“' | '‘' | '"')
        });
        let before_word = next.is_some_and(|n| n.is_alphanumeric());
        let after_word = prev.is_some_and(|p| p.is_alphanumeric());
        match (open, c) {
            (None, '“' | '«' | '"' | '‘') => open = Some((i, c)),
            (None, '\'') if after_space && before_word => open = Some((i, c)),
            (Some((s, '“')), '”') | (Some((s, '«')), '»') | (Some((s, '"')), '"') => {
                out.push(s..t.end());
                open = None;
            }
            (Some((s, '‘')), '’') | (Some((s, '\'')), '\'') if !(after_word && before_word) => {
                out.push(s..t.end());
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        out.push(s..text.len());
    }
    out
}

/// Titles and months: their full stop never ends a sentence ("Gen. Ivan
/// Petrov", "on Jan. 5"). Other abbreviations ("Inc.", "U.S.") end one
/// when a word that typically opens a sentence follows.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm",
    "prof", "st", "rev", "hon", "brig", "cmdr", "supt", "insp", "det", "cpl", "pvt", "messrs",
    "gens", "reps", "sens", "pres", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "mt", "ft", "no", "vs",
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
    "officials",
    "some",
    "many",
    "if",
    "as",
    "for",
    "last",
    "earlier",
    "later",
];

/// Splits a paragraph into sentences on its tokens. The tokenizer has
/// already kept the full stops of abbreviations, initials and decimals
/// inside their words, so a sentence ends at a '.', '?' or '!' token (with
/// any closing quotes and brackets after it) when the next token can open
/// a sentence: a capitalised word, a number, or an opening quote.
///
/// Wikimedia's `sentencex` was the first choice; measured here it alone ran
/// at about 70 MB/s, more than the whole analysis may spend, and these
/// tokens already carry what it would have to find again.
fn split_sentences(text: &str, tokens: &[Token], marks: &[u32]) -> Vec<Sentence> {
    // Every sentence but the last ends at a mark that may end one: sized
    // once rather than grown.
    let ends = marks
        .iter()
        .filter(|&&m| tokens[m as usize].may_end_sentence())
        .count();
    let mut out = Vec::with_capacity(ends + 1);
    let mut first = 0;
    let push = |out: &mut Vec<Sentence>, first: usize, last: usize| {
        out.push(Sentence {
            bytes: tokens[first].start()..tokens[last].end(),
            tokens: first..last + 1,
            tags: classes_of(&tokens[first..=last]),
        });
    };
    // Only a mark (punctuation, or a word ending in a full stop) can end a
    // sentence.
    let mut marks = marks.iter().map(|&m| m as usize).peekable();
    while let Some(i) = marks.next() {
        let t = &tokens[i];
        let terminal =
            t.may_end_sentence() && (!t.is_word() || abbreviation_may_end(text, tokens, i));
        if !terminal {
            continue;
        }
        let mut last = i;
        while last + 1 < tokens.len() && closes(tokens, last + 1) {
            last += 1;
        }
        // The closing marks belong to this end; the next is looked at
        // only after them.
        while marks.next_if(|&m| m <= last).is_some() {}
        let next = last + 1;
        if next >= tokens.len() || opens_sentence(text, &tokens[next]) {
            push(&mut out, first, last);
            first = next;
        }
    }
    if first < tokens.len() {
        push(&mut out, first, tokens.len() - 1);
    }
    out
}

/// Every class any of `tokens` has: one pass of plain `or`s over a
/// sentence, which the compiler unrolls.
fn classes_of(tokens: &[Token]) -> Tags {
    let bits = tokens.iter().fold(0, |acc, t| acc | t.bits);
    bits & !(token_bits::ALL | tag::PHRASE_NEXT)
}

/// A terminator, closing quote or bracket right after a sentence's end.
/// A straight quote closes only when it touches the token before it.
fn closes(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    match t.punct() {
        '.' | '?' | '!' | '…' | ')' | ']' | '”' | '’' | '»' => true,
        '"' | '\'' => tokens[k - 1].end() == t.start(),
        _ => false,
    }
}

fn opens_sentence(text: &str, t: &Token) -> bool {
    if t.is_word() {
        return t.capitalized() || text[t.start()..].starts_with(|c: char| c.is_ascii_digit());
    }
    matches!(
        t.punct(),
        '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '—' | '-' | '–'
    )
}

fn abbreviation_may_end(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = text[tokens[i].start()..tokens[i].end()].trim_end_matches('.');
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if initial || NEVER_FINAL.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(next) if next.is_word() => {
            next.capitalized()
                && SENTENCE_STARTERS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(&text[next.start()..next.end()]))
        }
        Some(next) => matches!(next.punct(), '“' | '‘' | '”' | '’' | ')'),
    }
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
    fn tokens_keep_their_marks_and_word_flags_in_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
        for c in (' '..='~').chain(NAMED_MARKS) {
            assert_eq!(Token::punctuation(0, c).punct(), c);
        }
        // Marks no rule names are all one mark to the rules.
        assert_eq!(Token::punctuation(0, '¿').punct(), OTHER_MARK);
        assert_eq!(Token::punctuation(3, '¿').end(), 5);
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new("Putin’s aides' NATO's \"memo\" said it’s", &lex);
        let flags: Vec<(bool, bool, bool, &str)> = p
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.is_word(), t.capitalized(), t.possessive(), p.stem(i)))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true, true, "Putin"),
                (true, false, false, "aides"),
                (false, false, false, "'"),
                (true, true, true, "NATO"),
                (false, false, false, "\""),
                (true, false, false, "memo"),
                (false, false, false, "\""),
                (true, false, false, "said"),
                (true, false, true, "it"),
            ]
        );
        // What may end a sentence is marked once, in the tokenizer.
        let p2 = Paragraph::new(
            "Gen. Smith’s aides, U.S.'s allies: why? Yes… no. Then!",
            &lex,
        );
        let terminal: Vec<&str> = (0..p2.tokens.len())
            .filter(|&i| p2.tokens[i].may_end_sentence())
            .map(|i| p2.word(i))
            .collect();
        assert_eq!(terminal, ["Gen.", "U.S.", "?", "…", ".", "!"]);
        let said = p
            .tokens
            .iter()
            .position(|t| t.is_word() && p.text[t.start()..t.end()] == *"said");
        assert!(p.tokens[said.unwrap()].has(tag::REPORTING));
        assert_eq!(p.tokens[said.unwrap()].punct(), '\0');
    }

    #[test]
    fn alnum_runs_counted_eight_at_a_time_equal_runs_counted_one_by_one() {
        // Every byte value, at every position of an eight-byte window and
        // past it, after runs of every length up to two windows.
        for stop in 0..=255u8 {
            for len in 0..20 {
                let mut bytes = vec![b'a'; len];
                bytes.push(stop);
                bytes.extend_from_slice(b"tail");
                let slowly = bytes
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_run(&bytes, 0), slowly, "{len} then {stop:#x}");
            }
        }
        let mixed = b"Abz09AZaz_Q7";
        for at in 0..mixed.len() {
            let slowly = mixed[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(ascii_alnum_run(mixed, at), slowly);
        }
    }

    #[test]
    fn typographic_punctuation_is_neither_a_word_character_nor_a_space() {
        let listed: Vec<char> = ('\u{2000}'..='\u{2100}')
            .chain(['«', '»', 'é'])
            .filter(|&c| is_typographic_punctuation(c))
            .collect();
        assert_eq!(listed.len(), 0x2027 - 0x2010 + 1 + 2);
        for c in listed {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(!is_word_char(c));
        }
        assert!(is_word_char('é') && is_word_char('7'));
    }

    #[test]
    fn words_split_alike_after_one_space_several_or_none() {
        let (lex, words, _) = para("Ab cd  Ef\tgh\u{a0}ij k. L m");
        assert_eq!(words, ["Ab", "cd", "Ef", "gh", "ij", "k", ".", "L", "m"]);
        // Each word has its own classes and capital, wherever it starts.
        let p = Paragraph::new("the Officials said Said the", &lex);
        let caps: Vec<bool> = p.tokens.iter().map(Token::capitalized).collect();
        assert_eq!(caps, [false, true, false, true, false]);
        assert_eq!(p.tokens[2].tags(), p.tokens[3].tags());
        assert_eq!(p.tokens[0].tags(), p.tokens[4].tags());
    }

    #[test]
    fn plain_words_are_the_tokens_the_general_path_makes() {
        let lex = Lexicon::new(&Rules::builtin());
        let text = "Officials SAID the memo, said8 an eightish ninelong U.S. \
                    Kim's it’s co-op 250,000 Gen. No. 5 café x told ZZ Said";
        let bytes = text.as_bytes();
        let mut plain = 0;
        for start in 0..text.len() {
            if !bytes[start].is_ascii_alphanumeric() {
                continue;
            }
            let Some((end, key)) = plain_word(bytes, start) else {
                continue;
            };
            plain += 1;
            let upper = bytes[start].is_ascii_uppercase();
            let fast = Token::plain_word(start, end, upper, lex.short_key_tags(key));
            let general = word_token(text, start, word_end(text, start, 1), upper, &lex);
            assert_eq!(
                (fast.start(), fast.end(), fast.bits),
                (general.start(), general.end(), general.bits),
                "{:?}",
                &text[start..end]
            );
        }
        // Some words (and tails of words) took the plain path; "ninelong",
        // "eightish" (eight letters) and "U.S." among the others did not
        // need to, and the tokens are the same either way.
        assert!(plain > 10, "{plain}");
        assert_eq!(
            plain_word(b"eightish ", 0),
            Some((8, u64::from_le_bytes(*b"eightish")))
        );
        assert_eq!(plain_word(b"ninelongs ", 0), None);
        assert_eq!(plain_word(b"Said,   ", 0), None);
        assert_eq!(
            plain_word(b"SaId x  ", 0),
            Some((4, u64::from_le_bytes(*b"said\0\0\0\0")))
        );
        // Fewer than eight bytes left: the general path reads it.
        assert_eq!(plain_word(b"said x", 0), None);
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
    fn sentences_after_abbreviations_and_questions() {
        let (_, _, s) = para(
            "He said no. Sanctions hit the U.S. The move angered Moscow. “Why?” she asked. J. R. Smith of Acme Inc. agreed! No. 5 won.",
        );
        assert_eq!(
            s,
            [
                "He said no.",
                "Sanctions hit the U.S.",
                "The move angered Moscow.",
                "“Why?” she asked.",
                "J. R. Smith of Acme Inc. agreed!",
                "No. 5 won."
            ]
        );
    }

    #[test]
    fn quotations_and_apostrophes() {
        let text = "‘It’s a nerve center,’ he said. “Open and \"nested\" quote";
        let q = Paragraph::new(text, &Lexicon::new(&Rules::builtin())).quotes;
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

    #[test]
    fn phrases_with_long_or_accented_first_words_are_found() {
        let lex = Lexicon::new(&crate::analysis::lexicon::rules_with_unusual_phrase_starts());
        let p = Paragraph::new(
            "OVERWHELMINGLY-SOURCED claims and Según fuentes agree.",
            &lex,
        );
        let firsts: Vec<&str> = p.phrases.iter().map(|ph| p.word(ph.first)).collect();
        assert_eq!(firsts, ["OVERWHELMINGLY-SOURCED", "Según"]);
        assert!(p.phrases.iter().all(|ph| ph.tags & tag::ACCORDING != 0));
    }

    #[test]
    fn phrases_are_found_whether_or_not_second_words_can_be_marked() {
        let builtin = Lexicon::new(&Rules::builtin());
        assert!(builtin.marks_second_words());
        // A second word with a full stop or an accent is not looked up as
        // written: the phrase finder then looks at every phrase start.
        let mut rules = Rules::builtin();
        rules.according_to.push("per U.S. officials".to_string());
        rules.according_to.push("selon Télérama".to_string());
        let unusual = Lexicon::new(&rules);
        assert!(!unusual.marks_second_words());
        let text =
            "Per U.S. officials and, selon Télérama, according to aides, it was not confirmed.";
        let found = |lex: &Lexicon| {
            let p = Paragraph::new(text, lex);
            let words: Vec<String> = p
                .phrases
                .iter()
                .map(|ph| p.text[p.span(ph.first, ph.last)].to_string())
                .collect();
            words
        };
        assert_eq!(found(&builtin), ["according to", "was not confirmed"]);
        assert_eq!(
            found(&unusual),
            [
                "Per U.S. officials",
                "selon Télérama",
                "according to",
                "was not confirmed"
            ]
        );
        // The mark is no class: a word listed only as a second word is
        // not a known word.
        let p = Paragraph::new("Safety spread.", &builtin);
        assert!(p.tokens[0].has(tag::PHRASE_NEXT));
        assert_eq!(p.tokens[0].tags(), 0);
    }

    #[test]
    fn every_listed_abbreviation_keeps_its_full_stop_in_any_case() {
        for a in ABBREVIATIONS {
            let title = format!("{}{}", a[..1].to_uppercase(), &a[1..]);
            for word in [a.to_string(), a.to_uppercase(), title] {
                let text = format!("{word}. 5");
                assert!(keeps_full_stop(&text, 0, word.len(), false), "{word}");
            }
        }
        // Numbered abbreviations keep it only before a number.
        for a in NUMBERED {
            assert!(
                keeps_full_stop(&format!("{a}. 5"), 0, a.len(), false),
                "{a}"
            );
            let ends = ABBREVIATIONS.contains(a)
                || !keeps_full_stop(&format!("{a}. The"), 0, a.len(), false);
            assert!(ends, "{a}");
        }
        assert!(keeps_full_stop("No. 5", 0, 2, false));
        assert!(!keeps_full_stop("said no. The", 5, 7, false));
        // Neither a longer word nor a prefix of a listed one.
        assert!(!keeps_full_stop("Gener. x", 0, 5, false));
        assert!(!keeps_full_stop("Ma. x", 0, 2, false));
    }

    #[test]
    fn longest_abbreviation_is_the_longest_listed() {
        let longest = ABBREVIATIONS.iter().chain(NUMBERED).map(|a| a.len()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    #[test]
    fn sentences_cover_every_token_once_and_carry_their_classes() {
        let lex = Lexicon::new(&Rules::builtin());
        let texts = [
            "",
            "no full stop here",
            "Gen. Ivan Petrov said so. The U.S. Senate met on Jan. 5. “It was not confirmed.” Why?",
            "He said: “Stop.” (It did.) Officials, according to aides, declined… Then 3.5 percent.",
        ];
        for text in texts {
            let p = Paragraph::new(text, &lex);
            let covered: Vec<usize> = p.sentences.iter().flat_map(|s| s.tokens.clone()).collect();
            assert_eq!(covered, (0..p.tokens.len()).collect::<Vec<_>>(), "{text}");
            for s in &p.sentences {
                let words = p.tokens[s.tokens.clone()]
                    .iter()
                    .fold(0, |a, t| a | t.tags());
                let phrases = p
                    .phrases
                    .iter()
                    .filter(|ph| s.tokens.contains(&ph.first))
                    .fold(0, |a, ph| a | ph.tags);
                assert_eq!(s.tags, words | phrases, "{text}");
            }
            let all = p.tokens.iter().fold(0, |a, t| a | t.tags());
            let phrases = p.phrases.iter().fold(0, |a, ph| a | ph.tags);
            assert_eq!(p.all_tags, all | phrases, "{text}");
        }
    }

    #[test]
    fn a_sentence_has_the_classes_of_the_phrases_starting_in_it() {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(
            "The vote was close. It passed, according to aides. It was not officially confirmed.",
            &lex,
        );
        let tags: Vec<bool> = p
            .sentences
            .iter()
            .map(|s| s.tags & tag::ACCORDING != 0)
            .collect();
        assert_eq!(tags, [false, true, false]);
        assert_ne!(p.sentences[2].tags & tag::UNCONFIRMED, 0);
        assert_eq!(p.sentences[1].tags & tag::UNCONFIRMED, 0);
    }
}
