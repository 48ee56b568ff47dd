//! Words and marks of a paragraph, cut the way the tagger's training data
//! (the Universal Dependencies English Web Treebank) cuts them.
//!
//! The tagger learnt its tags on treebank tokens, so the tokens it is given
//! here follow the same conventions wherever that matters for a tag:
//! clitics stand apart ("officials" "'", "do" "n't", "Reyes" "'s"), every
//! mark is its own token, and abbreviations, initials, decimals and
//! thousands keep their full stops and commas ("U.S.", "J.", "3.5",
//! "1,000"). Hyphenated words stay whole ("so-called", "R-Ky.", "Kim
//! Jong-un"): a name cut at its hyphens would have to be glued back by
//! every rule that reads names; training joins the treebank's hyphenated
//! pieces the same way (`train::join_hyphens`).
//!
//! Offsets are bytes into the paragraph, on `char` boundaries.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, possibly with digits, inner hyphens, apostrophes, full stops.
    Word,
    /// Starts with a digit: "2019", "3.5", "1,000", "9/11", "10:30".
    Number,
    /// One mark, or a run of the same mark ("...", "--").
    Mark,
    /// A web address or e-mail address.
    Address,
}

/// A word or mark of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// For a mark, the mark itself (its first `char`); for a word, its
    /// first character.
    pub first: char,
    pub flags: u8,
}

/// [`Token::flags`].
pub mod flag {
    /// The first letter is upper case.
    pub const CAPITALIZED: u8 = 1;
    /// Every letter is upper case, and there are at least two.
    pub const ALL_CAPS: u8 = 2;
    /// White space (or the paragraph's start) stands before the token.
    pub const SPACE_BEFORE: u8 = 4;
    /// White space (or the paragraph's end) stands after the token.
    pub const SPACE_AFTER: u8 = 8;
    /// A clitic cut from the word before it ("'s", "n't", "'re").
    pub const CLITIC: u8 = 16;
    /// The word ends in a full stop that belongs to it ("Gen.", "U.S.").
    pub const ABBREVIATION: u8 = 32;
}

impl Token {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_mark(&self, c: char) -> bool {
        self.kind == Kind::Mark && self.first == c
    }

    pub fn capitalized(&self) -> bool {
        self.has(flag::CAPITALIZED)
    }
}

/// Abbreviations whose full stop belongs to the word ("Gen. Ivan Petrov",
/// "Smith Inc."), compared without case. Titles, months, company and
/// address words, and the U.S. states' AP-style abbreviations ("Rep. Dana
/// Hill, D-Ore.").
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm",
    "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "brig", "cmdr", "rev", "hon", "pres",
    "sec", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "mt", "ft", "messrs", "supt", "insp", "det", "cpl", "pvt", "gens", "reps", "sens", "atty",
    "ave", "blvd", "dept", "univ", "assn", "bros", "cf", "al", "approx",
];

/// The AP Stylebook's abbreviations of U.S. states ("Ala." … "Wyo."), kept
/// with their full stop only when capitalised: "Ill." but "was ill."
const STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo",
];

/// Abbreviations whose full stop belongs to the word only before a number
/// ("No. 5", "Vol. 2"), not in "said no."
const NUMBERED: &[&str] = &["no", "nos", "vol", "pp", "art", "fig"];

/// Clitics cut from the word they end, as the treebank cuts them.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Cuts a paragraph into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Cut into this thread's buffer and copied out at the exact length: a
    // long article keeps every paragraph's tokens until its sources are
    // resolved, and a guess at the count either grows (allocating twice)
    // or leaves room unused.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<Token>> = std::cell::RefCell::default();
    }
    BUFFER.with_borrow_mut(|out| {
        out.clear();
        tokenize_into(text, out);
        out.clone()
    })
}

fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            if let Some(last) = out.last_mut() {
                let last: &mut Token = last;
                last.flags |= flag::SPACE_AFTER;
            }
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        if c.is_whitespace() {
            space_before = true;
            if let Some(last) = out.last_mut() {
                let last: &mut Token = last;
                last.flags |= flag::SPACE_AFTER;
            }
            i += c.len_utf8();
            continue;
        }
        let before = out.len();
        if is_word_char(c) {
            i = word(text, i, out);
        } else {
            i = mark(text, i, c, out);
        }
        if space_before && let Some(t) = out.get_mut(before) {
            t.flags |= flag::SPACE_BEFORE;
        }
        space_before = false;
    }
    if let Some(last) = out.last_mut() {
        last.flags |= flag::SPACE_AFTER;
    }
}

/// A run of one mark: "...", "--", "!!", or a single mark.
fn mark(text: &str, start: usize, c: char, out: &mut Vec<Token>) -> usize {
    let len = c.len_utf8();
    let mut end = start + len;
    if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_') {
        while text[end..].starts_with(c) {
            end += len;
        }
    }
    out.push(Token {
        start: start as u32,
        end: end as u32,
        kind: Kind::Mark,
        first: c,
        flags: 0,
    });
    end
}

/// The word or number starting at `start` (a word character), with any
/// clitic after it. Returns where the next token starts.
fn word(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    // A web or e-mail address runs to the next space.
    if may_be_address(&text.as_bytes()[start..]) {
        let run_end = text[start..]
            .find(|c: char| c.is_whitespace())
            .map_or(text.len(), |k| start + k);
        let run = &text[start..run_end];
        if run.contains("://") || run.starts_with("www.") || is_email(run) {
            let end = start
                + run
                    .trim_end_matches(['.', ',', ')', ';', ':', '"', '”', '\''])
                    .len();
            if end > start {
                out.push(Token {
                    start: start as u32,
                    end: end as u32,
                    kind: Kind::Address,
                    first: run.chars().next().unwrap_or(' '),
                    flags: 0,
                });
                return end;
            }
        }
    }
    let first = text[start..].chars().next().unwrap_or(' ');
    let number = first.is_ascii_digit();
    let mut end = start;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut has_dot = false;
    let bytes = text.as_bytes();
    // The character at byte `k` (ASCII read straight from its byte).
    let char_at = |k: usize| -> Option<char> {
        match bytes.get(k) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => text[k..].chars().next(),
            None => None,
        }
    };
    let mut at = start;
    loop {
        // Runs of ASCII letters and digits, byte by byte: most of a word.
        let run = at;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphabetic() {
                letters += 1;
                upper += b.is_ascii_uppercase() as usize;
            } else if !(b.is_ascii_digit() || b == b'_') {
                break;
            }
            at += 1;
        }
        if at > run {
            end = at;
        }
        let Some(c) = char_at(at) else {
            break;
        };
        if is_word_char(c) {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
            at += c.len_utf8();
            end = at;
            continue;
        }
        let next = char_at(at + c.len_utf8());
        let joins = match c {
            // Inner hyphens, and dots of "U.S.", "3.5", "a.m." (a dot
            // followed by a word character).
            '-' | '.' => next.is_some_and(is_word_char),
            // Thousands, times, dates, fractions between digits.
            ',' | ':' | '/' => {
                number
                    && text[..at].ends_with(|p: char| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            '&' => upper > 0 && next.is_some_and(char::is_uppercase),
            // "O'Brien", "rock'n'roll" but not a clitic ("it's").
            c if is_apostrophe(c) => {
                next.is_some_and(char::is_alphabetic)
                    && clitic_at(text, at + c.len_utf8()) == 0
                    && !negation_at(text, at)
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' {
            has_dot = true;
        }
        at += c.len_utf8();
        end = at;
    }
    // A full stop at the end of an abbreviation, an initial, or a dotted
    // word belongs to it.
    let mut flags = 0;
    if text[end..].starts_with('.') && !number {
        let w = &text[start..end];
        // "R-Ky.": the part after the last hyphen.
        let last = w.rsplit('-').next().unwrap_or(w);
        let state = last.starts_with(char::is_uppercase)
            && STATES.iter().any(|a| a.eq_ignore_ascii_case(last));
        let keep = (letters == 1 && first.is_uppercase() && w.chars().count() == 1)
            || has_dot && !text[end + 1..].starts_with('.')
            || state
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
            || NUMBERED.iter().any(|a| a.eq_ignore_ascii_case(w))
                && text[end + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
        if keep && !text[end + 1..].starts_with('.') {
            end += 1;
            flags |= flag::ABBREVIATION;
        }
    }
    // "don't" → "do" "n't": the n belongs to the clitic.
    let has_nt = end - start > 1 && negation_at(text, end);
    let cut = if has_nt { end - 1 } else { end };
    if letters >= 2 && upper == letters {
        flags |= flag::ALL_CAPS;
    }
    if first.is_uppercase() {
        flags |= flag::CAPITALIZED;
    }
    out.push(Token {
        start: start as u32,
        end: cut as u32,
        kind: if number { Kind::Number } else { Kind::Word },
        first,
        flags,
    });
    if has_nt {
        let apostrophe = text[end..].chars().next().map_or(1, char::len_utf8);
        let clitic_end = end + apostrophe + 1;
        out.push(Token {
            start: cut as u32,
            end: clitic_end as u32,
            kind: Kind::Word,
            first: text[cut..].chars().next().unwrap_or('n'),
            flags: flag::CLITIC,
        });
        return clitic_end;
    }
    let apostrophe = text[end..].chars().next().filter(|&c| is_apostrophe(c));
    if let Some(a) = apostrophe {
        let len = clitic_at(text, end + a.len_utf8());
        if len > 0 {
            let clitic_end = end + a.len_utf8() + len;
            out.push(Token {
                start: end as u32,
                end: clitic_end as u32,
                kind: Kind::Word,
                first: a,
                flags: flag::CLITIC,
            });
            return clitic_end;
        }
    }
    end
}

/// The length of a clitic ("s", "re", …) at `at` that ends a word there
/// (nothing word-like follows it); 0 if there is none.
fn clitic_at(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    for c in CLITICS {
        if rest.len() >= c.len()
            && rest.is_char_boundary(c.len())
            && rest[..c.len()].eq_ignore_ascii_case(c)
            && !rest[c.len()..].starts_with(is_word_char)
        {
            return c.len();
        }
    }
    0
}

/// Whether the apostrophe at `at` is that of "n't" ending the word
/// before it ("don't", "can’t").
fn negation_at(text: &str, at: usize) -> bool {
    let Some(a) = text[at..].chars().next().filter(|&c| is_apostrophe(c)) else {
        return false;
    };
    let rest = &text[at + a.len_utf8()..];
    text[..at].ends_with(['n', 'N'])
        && rest.starts_with(['t', 'T'])
        && !rest[1..].starts_with(is_word_char)
}

/// Whether the run of text starting at `rest` could be an address: it
/// starts with "www." or holds a ':' or '@' before the next ASCII space.
/// A quick test that lets most words skip the full one (which finds the
/// run's end by Unicode white space); a non-ASCII byte sends the word to
/// the full test.
fn may_be_address(rest: &[u8]) -> bool {
    if rest.starts_with(b"www.") {
        return true;
    }
    for &b in rest {
        match b {
            b':' | b'@' | 0x80.. => return true,
            b if b.is_ascii_whitespace() => return false,
            _ => {}
        }
    }
    false
}

fn is_email(run: &str) -> bool {
    let Some(at) = run.find('@') else {
        return false;
    };
    at > 0 && run[at + 1..].contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn clitics_and_possessives_stand_apart() {
        assert_eq!(
            words("The mayor's aides don't say it's over; the officials' report can't."),
            [
                "The",
                "mayor",
                "'s",
                "aides",
                "do",
                "n't",
                "say",
                "it",
                "'s",
                "over",
                ";",
                "the",
                "officials",
                "'",
                "report",
                "ca",
                "n't",
                "."
            ]
        );
        assert_eq!(words("Reyes’s plan"), ["Reyes", "’s", "plan"]);
        assert_eq!(words("O'Brien said"), ["O'Brien", "said"]);
    }

    #[test]
    fn abbreviations_initials_and_numbers_keep_their_marks() {
        assert_eq!(
            words("Sen. Alma Price, R-Ky., met J. R. Ewing in the U.S. on Jan. 5 at 10:30."),
            [
                "Sen.", "Alma", "Price", ",", "R-Ky.", ",", "met", "J.", "R.", "Ewing", "in",
                "the", "U.S.", "on", "Jan.", "5", "at", "10:30", "."
            ]
        );
        assert_eq!(
            words("It cost $1,000.50, up 3.5%, said no. 2 official"),
            [
                "It", "cost", "$", "1,000.50", ",", "up", "3.5", "%", ",", "said", "no.", "2",
                "official"
            ]
        );
        // An ordinary word keeps no full stop.
        assert_eq!(words("He said no."), ["He", "said", "no", "."]);
    }

    #[test]
    fn marks_and_addresses() {
        assert_eq!(
            words("“We will,” he said... — see www.example.com/a or ann@example.org."),
            [
                "“",
                "We",
                "will",
                ",",
                "”",
                "he",
                "said",
                "...",
                "—",
                "see",
                "www.example.com/a",
                "or",
                "ann@example.org",
                "."
            ]
        );
    }

    #[test]
    fn flags_say_case_and_spacing() {
        let text = "NATO said \"no\"";
        let t = tokenize(text);
        assert!(t[0].has(flag::ALL_CAPS) && t[0].capitalized());
        assert!(t[0].has(flag::SPACE_BEFORE) && t[0].has(flag::SPACE_AFTER));
        assert!(!t[1].capitalized());
        // The closing quote touches the word before it.
        assert!(!t[4].has(flag::SPACE_BEFORE) && t[4].has(flag::SPACE_AFTER));
        assert!(t[2].has(flag::SPACE_BEFORE) && !t[2].has(flag::SPACE_AFTER));
    }

    #[test]
    fn offsets_stay_on_char_boundaries_for_any_text() {
        for text in [
            "",
            " ",
            "ü'",
            "'s",
            "n't",
            "a.",
            ".",
            "é—é",
            "x@",
            "5,",
            "’’’",
            "Aé.B.",
        ] {
            for t in tokenize(text) {
                assert!(text.get(t.range()).is_some(), "{text:?}: {t:?}");
                assert!(t.start < t.end, "{text:?}: {t:?}");
            }
        }
    }
}
