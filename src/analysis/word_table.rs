//! The lexicon's words of at most 16 ASCII bytes, in a table made for the
//! one lookup the tokenizer does for every word of an article.
//!
//! A word is lower-cased and packed into an integer ([`short_key`]), so a
//! lookup is one multiply to find the slot and one integer compare per
//! probe: no string is copied, hashed byte by byte or compared with
//! `memcmp`. Words of up to eight bytes, nearly all of a text's, have their
//! own table of 64-bit keys, a table small enough to stay in cache; and
//! whether the word is listed is answered without a branch, because for a
//! text's words it is as good as random.

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

/// The words, split by length: the words of at most eight bytes (nineteen
/// in twenty words of a news text) have 64-bit keys, so their table's
/// slots are half the size and the part of it a text keeps using stays in
/// the processor's first-level cache.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    short: Slots<u64>,
    long: Slots<u128>,
}

impl WordTable {
    /// A table of the given words (as [`short_key`]s) and their classes.
    pub fn new(entries: impl Iterator<Item = (u128, Tags)>) -> WordTable {
        let (short, long): (Vec<_>, Vec<_>) = entries
            .filter(|&(k, _)| k != 0)
            .partition(|&(k, _)| k >> 64 == 0);
        WordTable {
            short: Slots::new(short.into_iter().map(|(k, t)| (k as u64, t))),
            long: Slots::new(long.into_iter()),
        }
    }

    /// The classes of the word with this key (0 when it is not listed).
    #[inline(always)]
    pub fn get(&self, key: u128) -> Tags {
        match u64::try_from(key) {
            Ok(short) => self.short.get(short),
            Err(_) => self.long.get(key),
        }
    }

    /// [`WordTable::get`] of a word of at most eight bytes.
    #[inline(always)]
    pub fn get_short(&self, key: u64) -> Tags {
        self.short.get(key)
    }
}

/// A key of a word table: 0 marks an empty slot.
trait Key: Copy + Eq + Default {
    /// The key folded to 64 bits for hashing.
    fn fold(self) -> u64;
}

impl Key for u64 {
    #[inline]
    fn fold(self) -> u64 {
        self
    }
}

impl Key for u128 {
    #[inline]
    fn fold(self) -> u64 {
        (self as u64) ^ ((self >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Open addressing with linear probing; slot key 0 means empty. Most
/// words of a news text are listed (about two in three), so a slot holds
/// its key and its classes together: a hit reads one cache line. The table
/// is at most an eighth full, so a miss nearly always ends at the first,
/// empty, slot (half full, two lookups in three probed a second slot).
#[derive(Debug, Clone)]
struct Slots<K> {
    slots: Vec<(K, Tags)>,
    shift: u32,
}

impl<K: Key> Default for Slots<K> {
    fn default() -> Self {
        Slots::new(std::iter::empty())
    }
}

impl<K: Key> Slots<K> {
    fn new(entries: impl Iterator<Item = (K, Tags)>) -> Slots<K> {
        let entries: Vec<(K, Tags)> = entries.collect();
        let len = (entries.len() * 8).next_power_of_two().max(16);
        let mut table = Slots {
            slots: vec![(K::default(), 0); len],
            shift: 64 - len.trailing_zeros(),
        };
        for (key, tags) in entries {
            let mut i = table.slot(key);
            while table.slots[i].0 != K::default() && table.slots[i].0 != key {
                i = (i + 1) & (len - 1);
            }
            table.slots[i].0 = key;
            table.slots[i].1 |= tags;
        }
        table
    }

    #[inline]
    fn slot(&self, key: K) -> usize {
        (key.fold().wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> self.shift) as usize
    }

    #[inline(always)]
    fn get(&self, key: K) -> Tags {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, tags) = self.slots[i];
            // Whether a text's word is listed is as good as random, so the
            // answer is selected without a branch; only a slot taken by
            // another word (rare in a table this empty) loops.
            let hit = k == key;
            if hit | (k == K::default()) {
                return std::hint::select_unpredictable(hit, tags, 0);
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
