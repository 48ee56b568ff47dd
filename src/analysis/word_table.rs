//! The lexicon's words of at most 16 ASCII bytes, in a table made for the
//! one lookup the tokenizer does for every word of an article.
//!
//! A word is lower-cased and packed into a `u128` ([`short_key`]), so a
//! lookup is one multiply to find the slot and one integer compare per
//! probe: no string is copied, hashed byte by byte or compared with
//! `memcmp`. The table is a quarter full at most, so a miss (most words
//! of a text) usually ends at the first, empty, slot.

use super::lexicon::Tags;

/// The top bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A word of at most 16 ASCII bytes, lower-cased and packed into an
/// integer (the first byte lowest). Words hold no zero byte, so different
/// words give different keys, and no word's key is 0.
#[inline]
pub fn short_key(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    key_of_padded(buf, word.len())
}

/// [`short_key`] of `text[start..end]`, reading 16 bytes of `text` at once
/// when they are there (the common case, and the fast one).
#[inline(always)]
pub fn short_key_in(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end.checked_sub(start)?;
    // Most words fit in eight bytes: one half of the key, the other 0.
    if len <= 8
        && let Some(window) = text.get(start..start + 8)
    {
        let word = u64::from_le_bytes(window.try_into().ok()?) & (LENGTH_MASKS[len] as u64);
        if word & HIGH_BITS != 0 {
            return None;
        }
        return Some(u128::from(ascii_lowercase8(word)));
    }
    if len > 16 {
        return None;
    }
    match text.get(start..start + 16) {
        Some(window) => {
            let mut buf = [0u8; 16];
            buf.copy_from_slice(window);
            key_of_padded(buf, len)
        }
        None => short_key(text.get(start..end)?),
    }
}

/// `LENGTH_MASKS[n]` keeps the first `n` bytes of a little-endian `u128`.
const LENGTH_MASKS: [u128; 17] = {
    let mut masks = [u128::MAX; 17];
    let mut n = 0;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The key of the first `len` bytes of `buf` (the rest is ignored).
#[inline]
fn key_of_padded(buf: [u8; 16], len: usize) -> Option<u128> {
    let word = u128::from_le_bytes(buf) & LENGTH_MASKS[len];
    let low = word as u64;
    let high = (word >> 64) as u64;
    if (low | high) & HIGH_BITS != 0 {
        return None;
    }
    Some(u128::from(ascii_lowercase8(low)) | u128::from(ascii_lowercase8(high)) << 64)
}

/// Eight ASCII bytes lower-cased at once: a byte from 'A' to 'Z' gains
/// 0x20. Adding to each byte its distance from 0x80 sets the top bit of
/// exactly those at or above the bound, and no byte below 0x80 carries into
/// its neighbour.
#[inline]
fn ascii_lowercase8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x + ONES * (0x80 - u64::from(b'A'));
    let above_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !above_z & HIGH_BITS;
    x | (upper >> 2)
}

/// Open addressing with linear probing; slot key 0 means empty. Most
/// words of a news text are listed (about two in three), so a slot holds
/// its key and its classes together: a hit reads one cache line.
#[derive(Debug, Clone)]
pub struct WordTable {
    slots: Vec<Slot>,
    shift: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u128,
    tags: Tags,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable::new(std::iter::empty())
    }
}

impl WordTable {
    /// A table of the given words (as [`short_key`]s) and their classes.
    pub fn new(entries: impl Iterator<Item = (u128, Tags)>) -> WordTable {
        let entries: Vec<(u128, Tags)> = entries.filter(|&(k, _)| k != 0).collect();
        let slots = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![Slot::default(); slots],
            shift: 64 - slots.trailing_zeros(),
        };
        for (key, tags) in entries {
            let mut i = table.slot(key);
            while table.slots[i].key != 0 && table.slots[i].key != key {
                i = (i + 1) & (slots - 1);
            }
            table.slots[i].key = key;
            table.slots[i].tags |= tags;
        }
        table
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed.wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> self.shift) as usize
    }

    /// The classes of the word with this key (0 when it is not listed).
    #[inline]
    pub fn get(&self, key: u128) -> Tags {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return slot.tags;
            }
            if slot.key == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key built one byte at a time, to check the eight-at-a-time one.
    fn key_slowly(word: &[u8]) -> u128 {
        let mut key = 0u128;
        for (k, b) in word.iter().enumerate() {
            key |= u128::from(b.to_ascii_lowercase()) << (8 * k);
        }
        key
    }

    #[test]
    fn keys_lower_case_ascii_and_nothing_else() {
        let all: Vec<u8> = (1..=127).collect();
        for len in 1..=16 {
            for chunk in all.chunks(len) {
                assert_eq!(short_key(chunk), Some(key_slowly(chunk)));
            }
        }
        assert_eq!(short_key("Café".as_bytes()), None);
        assert_eq!(short_key(b"seventeen-letters"), None);
        assert_ne!(short_key(b"ab"), short_key(b"ab."));
    }

    #[test]
    fn keys_read_in_place_equal_keys_of_copies() {
        let text = b"Officials SAID the U.S. memo, an over-sixteen-bytes-word, was ok";
        for start in 0..text.len() {
            for end in start..=text.len() {
                assert_eq!(
                    short_key_in(text, start, end),
                    short_key(&text[start..end]),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn lookups_find_listed_words_only() {
        let words = ["said", "told", "according", "officials", "u.s."];
        let table = WordTable::new(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| (short_key(w.as_bytes()).unwrap(), 1 << i)),
        );
        for (i, w) in words.iter().enumerate() {
            assert_eq!(
                table.get(short_key(w.to_uppercase().as_bytes()).unwrap()),
                1 << i
            );
        }
        assert_eq!(table.get(short_key(b"harbour").unwrap()), 0);
        assert_eq!(WordTable::default().get(short_key(b"said").unwrap()), 0);
    }
}
