//! A closed list of lower-case words that a token is tested against many
//! times: the chunker asks of nearly every token whether it is a form of
//! "be", a pronoun like "someone", a day or a month. Walking the list for
//! each token cost more than the chunking itself; most tokens have a first
//! letter or a length no entry has, and two bit sets built with the list
//! rule them out in one test before any entry is compared.

use std::ops::Deref;

/// Words, with the first bytes and the lengths of its entries as bit sets.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    list: &'static [&'static str],
    /// Bit `b % 64` for each entry's first byte `b` (lower case).
    firsts: u64,
    /// Bit `n` for each entry's length `n` in bytes (under 64).
    lengths: u64,
}

impl Words {
    /// The set of `list`, whose entries are lower case and under 64 bytes.
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut firsts = 0u64;
        let mut lengths = 0u64;
        let mut k = 0;
        while k < list.len() {
            let w = list[k].as_bytes();
            assert!(!w.is_empty() && w.len() < 64, "an entry of 1 to 63 bytes");
            firsts |= 1 << (w[0] % 64);
            lengths |= 1 << w.len();
            k += 1;
        }
        Words {
            list,
            firsts,
            lengths,
        }
    }

    /// Whether `word`, in any case of its ASCII letters, is an entry.
    #[inline]
    pub fn has(&self, word: &str) -> bool {
        self.has_bytes(word.as_bytes())
    }

    /// [`Words::has`] for a word's bytes.
    #[inline]
    pub fn has_bytes(&self, w: &[u8]) -> bool {
        let Some(&first) = w.first() else {
            return false;
        };
        if w.len() >= 64
            || self.lengths & (1 << w.len()) == 0
            || self.firsts & (1 << (first.to_ascii_lowercase() % 64)) == 0
        {
            return false;
        }
        self.list
            .iter()
            .any(|x| x.len() == w.len() && x.as_bytes().eq_ignore_ascii_case(w))
    }
}

/// The entries, for code that walks them or takes a plain list.
impl Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    const BE: Words = Words::new(&["is", "was", "’s", "'re"]);

    #[test]
    fn finds_its_entries_in_any_case_and_nothing_else() {
        for w in ["is", "IS", "Was", "’s", "'re", "'RE"] {
            assert!(BE.has(w), "{w}");
        }
        for w in ["", "i", "it", "was.", "wash", "’", "s", "'s", "r"] {
            assert!(!BE.has(w), "{w}");
        }
        assert!(!BE.has(&"x".repeat(70)));
        assert_eq!(BE.len(), 4);
    }
}
