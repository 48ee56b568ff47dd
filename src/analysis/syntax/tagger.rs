//! A part-of-speech tagger: an averaged perceptron reading left to right,
//! as Collins (2002) trained it and Honnibal's "A good part-of-speech
//! tagger in about 200 lines of Python" (2013) laid it out. Each word's
//! tag is the best-scoring of [`tags::COUNT`](super::tags::COUNT) tags
//! under about fifteen features of the word, its neighbours and the two
//! tags just given; frequent words that always take one tag skip scoring.
//!
//! The weights are learnt from the English Web Treebank by
//! [`super::train`] (run `cargo run --release --bin train-syntax`) and
//! embedded in the binary (`assets/syntax/model.bin`, CC BY-SA 4.0; see
//! `assets/syntax/README.md`).
//!
//! Speed: features are 64-bit hashes, never strings; the weights are an
//! open-addressing table of 32-bit fingerprints pointing into a packed list
//! of (tag, weight) pairs, so a feature costs one probe and the few tags it
//! has weights for. Nothing is allocated per word.

use rustc_hash::FxHashMap;

use super::tags::{COUNT, Tag};

/// The feature templates. Their numbers are part of the model file.
mod template {
    pub const BIAS: u64 = 1;
    pub const SUFFIX: u64 = 2;
    pub const PREFIX: u64 = 3;
    pub const TAG1: u64 = 4;
    pub const TAG2: u64 = 5;
    pub const TAG12: u64 = 6;
    pub const WORD: u64 = 7;
    pub const TAG1_WORD: u64 = 8;
    pub const PREV_WORD: u64 = 9;
    pub const PREV_SUFFIX: u64 = 10;
    pub const PREV2_WORD: u64 = 11;
    pub const NEXT_WORD: u64 = 12;
    pub const NEXT_SUFFIX: u64 = 13;
    pub const NEXT2_WORD: u64 = 14;
    pub const SHAPE: u64 = 15;
    pub const SUFFIX2_TAG1: u64 = 16;
    pub const SUFFIX4: u64 = 17;
    pub const PREV_WORD_WORD: u64 = 18;
    pub const WORD_NEXT_WORD: u64 = 19;
    pub const NEXT_SHAPE: u64 = 20;
    pub const PREV_SHAPE_TAG1: u64 = 21;
    pub const CLASS: u64 = 22;
    pub const CLASS_TAG1: u64 = 23;
    pub const NEXT_CLASS: u64 = 24;
    pub const NEXT2_CLASS: u64 = 25;
    pub const PREV_CLASS: u64 = 26;
}

/// Features per word.
pub const FEATURES: usize = 26;

/// The largest weight a model may hold: the weights of all features sum
/// to a 16-bit score without overflow.
pub const MAX_WEIGHT: i16 = i16::MAX / FEATURES as i16;

/// The tag given to positions before a sentence's start.
const START: u64 = 0xFF;

/// splitmix64's finaliser: spreads a value's bits over all 64.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash of a string's bytes (FNV-1a, then mixed).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

#[inline]
fn feature(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
fn feature2(template: u64, a: u64, b: u64) -> u64 {
    mix(feature(template, a) ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

/// What the features need of one word, hashed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordKeys {
    /// The word in lower case (numbers as "!DIGITS" or "!YEAR").
    pub norm: u64,
    /// Its last three characters, in lower case.
    pub suffix: u64,
    /// Its last two characters.
    pub suffix2: u64,
    /// Its last four characters.
    pub suffix4: u64,
    /// Its first character, case kept.
    pub prefix: u64,
    /// Its shape: case, digits, hyphens, full stops, length.
    pub shape: u64,
    /// Its ambiguity class: the set of tags the treebank gives it (as
    /// bits), or 0 for a word it does not have.
    pub class: u64,
    /// The tags it may take: its class when the treebank has it often
    /// enough to trust, else every tag.
    pub allowed: u64,
}

/// Bits of an ambiguity class entry that hold tags; the bits above count
/// how often the treebank has the word.
pub const TAG_BITS: u64 = (1 << super::tags::COUNT) - 1;
const COUNT_SHIFT: u32 = 50;

/// A word seen this often in the treebank takes only tags it took there
/// ("worry" is never a preposition). Applied when tagging, not in
/// training: on the treebank's dev split it changes nothing (94.25% with,
/// 94.24% without), and it keeps frequent words out of tags they never
/// take on text unlike the treebank's.
pub const TRUSTED_COUNT: u64 = 20;

/// An ambiguity class entry: tag bits and a count.
pub fn class_entry(bits: u64, count: u64) -> u64 {
    bits & TAG_BITS | count.min((1 << 14) - 1) << COUNT_SHIFT
}

/// The keys standing for positions beyond a sentence's ends.
const BEFORE: WordKeys = WordKeys {
    norm: 0x5354_4152_5400_0001,
    suffix: 0x5354_4152_5400_0002,
    suffix2: 0x5354_4152_5400_0003,
    suffix4: 0x5354_4152_5400_0004,
    prefix: 0,
    shape: 0,
    class: 1 << 60,
    allowed: TAG_BITS,
};
const AFTER: WordKeys = WordKeys {
    norm: 0x454e_4400_0000_0001,
    suffix: 0x454e_4400_0000_0002,
    suffix2: 0x454e_4400_0000_0003,
    suffix4: 0x454e_4400_0000_0004,
    prefix: 0,
    shape: 0,
    class: 1 << 61,
    allowed: TAG_BITS,
};

impl WordKeys {
    /// The keys of `word` as written in the text.
    pub fn of(word: &str, first_in_sentence: bool) -> WordKeys {
        let mut buf = [0u8; 64];
        let lower: &[u8] = if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            b
        } else {
            // Rare: non-ASCII or very long words.
            return WordKeys::of_unicode(word, first_in_sentence);
        };
        let digit_start = lower.first().is_some_and(u8::is_ascii_digit);
        let norm = if digit_start {
            if lower.len() == 4 && lower.iter().all(u8::is_ascii_digit) {
                hash_bytes(b"!YEAR")
            } else {
                hash_bytes(b"!DIGITS")
            }
        } else {
            hash_bytes(lower)
        };
        let suffix = hash_bytes(&lower[lower.len().saturating_sub(3)..]);
        let suffix2 = hash_bytes(&lower[lower.len().saturating_sub(2)..]);
        let suffix4 = hash_bytes(&lower[lower.len().saturating_sub(4)..]);
        let prefix = word.as_bytes().first().copied().unwrap_or(0) as u64;
        WordKeys {
            norm,
            suffix,
            suffix2,
            suffix4,
            prefix,
            shape: shape(word, first_in_sentence),
            class: 0,
            allowed: TAG_BITS,
        }
    }

    fn of_unicode(word: &str, first_in_sentence: bool) -> WordKeys {
        // Typographic quotes and apostrophes read as the treebank's
        // straight ones ("Moscow’s" as "Moscow's").
        let lower: String = word
            .to_lowercase()
            .chars()
            .map(|c| match c {
                '’' | '‘' | '′' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                c => c,
            })
            .collect();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let from = |n: usize| {
            chars
                .len()
                .checked_sub(n)
                .map_or(0, |k| chars.get(k).map_or(0, |c| c.0))
        };
        let digit_start = lower.starts_with(|c: char| c.is_ascii_digit());
        WordKeys {
            norm: if digit_start {
                hash_bytes(b"!DIGITS")
            } else {
                hash_bytes(lower.as_bytes())
            },
            suffix: hash_bytes(&lower.as_bytes()[from(3)..]),
            suffix2: hash_bytes(&lower.as_bytes()[from(2)..]),
            suffix4: hash_bytes(&lower.as_bytes()[from(4)..]),
            prefix: lower.chars().next().map_or(0, |c| {
                let first = word.chars().next().unwrap_or(c);
                if first.is_uppercase() {
                    first as u64
                } else {
                    c as u64
                }
            }),
            shape: shape(word, first_in_sentence),
            class: 0,
            allowed: TAG_BITS,
        }
    }
}

/// A word's shape as a small number: case pattern, digits, inner marks,
/// length, and whether it opens its sentence.
fn shape(word: &str, first_in_sentence: bool) -> u64 {
    let mut upper = 0u32;
    let mut lower = 0u32;
    let mut digit = 0u32;
    let mut other = 0u32;
    let mut hyphen = false;
    let mut dot = false;
    let mut first_upper = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            digit += 1;
        } else {
            other += 1;
            hyphen |= c == '-';
            dot |= c == '.';
        }
    }
    let case = match (upper, lower) {
        (0, 0) => 0,
        (0, _) => 1,
        (_, 0) => 2,
        _ if first_upper && upper == 1 => 3,
        _ => 4,
    };
    let len = word.chars().count().min(8) as u64;
    case | (digit.min(1) as u64) << 3
        | (other.min(1) as u64) << 4
        | (hyphen as u64) << 5
        | (dot as u64) << 6
        | len << 7
        | (first_in_sentence as u64) << 11
}

/// The keys of the word `k` places from word `i` (negative: before it):
/// [`BEFORE`] and [`AFTER`] past the sentence's ends.
#[inline]
fn key_at(keys: &[WordKeys], i: usize, k: isize) -> &WordKeys {
    let j = i as isize + k;
    if j < 0 {
        &BEFORE
    } else {
        keys.get(j as usize).unwrap_or(&AFTER)
    }
}

/// The features of word `i` of a sentence, given the tags already chosen
/// for the words before it.
#[inline]
pub fn features(keys: &[WordKeys], tags: &[Tag], i: usize, out: &mut [u64; FEATURES]) {
    use template::*;
    let at = |k: isize| key_at(keys, i, k);
    let w = at(0);
    let (t1, t2) = (tag_before(tags, i, 1), tag_before(tags, i, 2));
    *out = [
        feature(BIAS, 0),
        feature(SUFFIX, w.suffix),
        feature(PREFIX, w.prefix),
        feature(TAG1, t1),
        feature(TAG2, t2),
        feature2(TAG12, t1, t2),
        feature(WORD, w.norm),
        feature2(TAG1_WORD, t1, w.norm),
        feature(PREV_WORD, at(-1).norm),
        feature(PREV_SUFFIX, at(-1).suffix),
        feature(PREV2_WORD, at(-2).norm),
        feature(NEXT_WORD, at(1).norm),
        feature(NEXT_SUFFIX, at(1).suffix),
        feature(NEXT2_WORD, at(2).norm),
        feature(SHAPE, w.shape),
        feature2(SUFFIX2_TAG1, w.suffix2, t1),
        feature(SUFFIX4, w.suffix4),
        feature2(PREV_WORD_WORD, at(-1).norm, w.norm),
        feature2(WORD_NEXT_WORD, w.norm, at(1).norm),
        feature(NEXT_SHAPE, at(1).shape),
        feature2(PREV_SHAPE_TAG1, at(-1).shape, t1),
        feature(CLASS, w.class),
        feature2(CLASS_TAG1, w.class, t1),
        feature(NEXT_CLASS, at(1).class),
        feature(NEXT2_CLASS, at(2).class),
        feature(PREV_CLASS, at(-1).class),
    ];
}

/// The templates of [`features`] that read one word's keys and nothing
/// else, by the position of that word: their weights can be summed once
/// per word and kept (see [`Partials`]). The other [`CONTEXT`] templates
/// read tags or two words together.
const OWN: usize = 6;
const AS_PREV: usize = 3;
const AS_PREV2: usize = 1;
const AS_NEXT: usize = 4;
const AS_NEXT2: usize = 2;
/// The templates of the two tags before the word, and of the word with
/// the tag before it: few values each, so their sums are kept too.
const TAG_PAIR: usize = 3;
const WORD_TAG: usize = 3;
/// Templates left to [`context_features`].
pub const CONTEXT: usize =
    FEATURES - OWN - AS_PREV - AS_PREV2 - AS_NEXT - AS_NEXT2 - TAG_PAIR - WORD_TAG;

/// A word's own features ([`template::SHAPE`] is left to the context:
/// it differs for a sentence's first word).
fn own_features(w: &WordKeys) -> [u64; OWN] {
    use template::*;
    [
        feature(BIAS, 0),
        feature(SUFFIX, w.suffix),
        feature(PREFIX, w.prefix),
        feature(WORD, w.norm),
        feature(SUFFIX4, w.suffix4),
        feature(CLASS, w.class),
    ]
}

/// The features a word gives the word after it.
fn as_prev_features(w: &WordKeys) -> [u64; AS_PREV] {
    use template::*;
    [
        feature(PREV_WORD, w.norm),
        feature(PREV_SUFFIX, w.suffix),
        feature(PREV_CLASS, w.class),
    ]
}

/// The features a word gives the word two after it.
fn as_prev2_features(w: &WordKeys) -> [u64; AS_PREV2] {
    [feature(template::PREV2_WORD, w.norm)]
}

/// The features a word gives the word before it (never a sentence's
/// first word, so its shape is that of a word inside one).
fn as_next_features(w: &WordKeys) -> [u64; AS_NEXT] {
    use template::*;
    [
        feature(NEXT_WORD, w.norm),
        feature(NEXT_SUFFIX, w.suffix),
        feature(NEXT_SHAPE, w.shape),
        feature(NEXT_CLASS, w.class),
    ]
}

/// The features a word gives the word two before it.
fn as_next2_features(w: &WordKeys) -> [u64; AS_NEXT2] {
    use template::*;
    [feature(NEXT2_WORD, w.norm), feature(NEXT2_CLASS, w.class)]
}

/// The features of the tags before a word (`t1` the one right before,
/// `t2` the one before it; [`START`] before a sentence).
fn tag_pair_features(t1: u64, t2: u64) -> [u64; TAG_PAIR] {
    use template::*;
    [
        feature(TAG1, t1),
        feature(TAG2, t2),
        feature2(TAG12, t1, t2),
    ]
}

/// The features of a word with the tag before it.
fn word_tag_features(w: &WordKeys, t1: u64) -> [u64; WORD_TAG] {
    use template::*;
    [
        feature2(TAG1_WORD, t1, w.norm),
        feature2(SUFFIX2_TAG1, w.suffix2, t1),
        feature2(CLASS_TAG1, w.class, t1),
    ]
}

/// The tag `k` places before word `i`, as the features read it.
#[inline]
fn tag_before(tags: &[Tag], i: usize, k: usize) -> u64 {
    if i >= k { tags[i - k].0 as u64 } else { START }
}

/// The features of word `i` that neither one word's keys nor the tags
/// before it give: those of two words, and the word's shape. With the
/// seven sets above, exactly the features of [`features`].
#[inline]
pub fn context_features(keys: &[WordKeys], tags: &[Tag], i: usize) -> [u64; CONTEXT] {
    use template::*;
    let at = |k: isize| key_at(keys, i, k);
    let w = at(0);
    let t1 = tag_before(tags, i, 1);
    [
        feature(SHAPE, w.shape),
        feature2(PREV_WORD_WORD, at(-1).norm, w.norm),
        feature2(WORD_NEXT_WORD, w.norm, at(1).norm),
        feature2(PREV_SHAPE_TAG1, at(-1).shape, t1),
    ]
}

/// Where a tag before a word (or [`START`]) stands in
/// [`KnownWords::pairs`].
fn pair_index(t: u64) -> usize {
    if t == START { COUNT } else { t as usize }
}

/// A word's summed weights for the features it gives, by where it stands
/// from the word being tagged.
#[derive(Clone, Copy)]
struct Partials {
    own: Row,
    as_prev: Row,
    as_prev2: Row,
    as_next: Row,
    as_next2: Row,
}

impl Partials {
    fn of(w: &WordKeys, weights: &Weights) -> Partials {
        let sum = |f: &dyn Fn(&mut [i16; LANES])| {
            let mut row = [0i16; LANES];
            f(&mut row);
            Row(row)
        };
        Partials {
            own: sum(&|r| weights.add_all(&own_features(w), r)),
            as_prev: sum(&|r| weights.add_all(&as_prev_features(w), r)),
            as_prev2: sum(&|r| weights.add_all(&as_prev2_features(w), r)),
            as_next: sum(&|r| weights.add_all(&as_next_features(w), r)),
            as_next2: sum(&|r| weights.add_all(&as_next2_features(w), r)),
        }
    }
}

/// Adds `row` to `scores`, lane by lane (a few vector adds).
#[inline]
fn add_row(scores: &mut [i16; LANES], row: &Row) {
    for (s, &w) in scores.iter_mut().zip(&row.0) {
        *s = s.wrapping_add(w);
    }
}

/// The highest score among the allowed tags (the first on ties).
pub fn best_allowed<T: PartialOrd + Copy>(scores: &[T], allowed: u64) -> Tag {
    let mut best: Option<usize> = None;
    // The allowed tags only, lowest first (a few of the fifty, mostly).
    let mut bits = allowed & TAG_BITS;
    while bits != 0 {
        let t = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        if t < scores.len() && best.is_none_or(|b| scores[t] > scores[b]) {
            best = Some(t);
        }
    }
    Tag(best.unwrap_or(0) as u8)
}

/// Nouns, adjectives and verbs: the classes any new word can join.
const CONTENT_TAGS: [Tag; 13] = [
    Tag::NN,
    Tag::NNS,
    Tag::NNP,
    Tag::NNPS,
    Tag::JJ,
    Tag::JJR,
    Tag::JJS,
    Tag::VB,
    Tag::VBD,
    Tag::VBG,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
];

const fn tag_bits(tags: &[Tag]) -> u64 {
    let mut bits = 0u64;
    let mut i = 0;
    while i < tags.len() {
        bits |= 1 << tags[i].0;
        i += 1;
    }
    bits
}

/// The open classes: a word may be seen in any of them.
const OPEN_TAGS: u64 = tag_bits(&CONTENT_TAGS)
    | tag_bits(&[
        Tag::RB,
        Tag::CD,
        Tag::FW,
        Tag::UH,
        Tag::ADD,
        Tag::NFP,
        Tag::SYM,
        Tag::XX,
        Tag::AFX,
    ]);

/// Simple past forms of irregular verbs (some are participles too).
const IRREGULAR_PAST: &[&str] = &[
    "arose",
    "awoke",
    "bore",
    "became",
    "began",
    "bent",
    "bled",
    "blew",
    "broke",
    "bred",
    "brought",
    "built",
    "burnt",
    "bought",
    "caught",
    "chose",
    "clung",
    "crept",
    "dealt",
    "dug",
    "dove",
    "drew",
    "dreamt",
    "drank",
    "drove",
    "ate",
    "fell",
    "fed",
    "fought",
    "fled",
    "flung",
    "flew",
    "forbade",
    "forgot",
    "forgave",
    "froze",
    "gave",
    "went",
    "ground",
    "grew",
    "hung",
    "heard",
    "hid",
    "held",
    "knelt",
    "knew",
    "laid",
    "led",
    "leapt",
    "lent",
    "lit",
    "lost",
    "meant",
    "met",
    "paid",
    "rode",
    "rang",
    "rose",
    "ran",
    "sought",
    "sold",
    "sent",
    "shook",
    "shone",
    "shot",
    "shrank",
    "sang",
    "sank",
    "sat",
    "slew",
    "slept",
    "slid",
    "slung",
    "spoke",
    "sped",
    "spent",
    "spun",
    "spat",
    "sprang",
    "stood",
    "stole",
    "stuck",
    "stung",
    "stank",
    "strode",
    "struck",
    "strung",
    "strove",
    "swore",
    "swept",
    "swam",
    "swung",
    "took",
    "taught",
    "tore",
    "told",
    "thought",
    "threw",
    "trod",
    "understood",
    "woke",
    "wore",
    "wove",
    "wept",
    "won",
    "wound",
    "wrung",
    "wrote",
    "withdrew",
    "overtook",
    "undertook",
    "mistook",
    "foresaw",
    "oversaw",
    "withheld",
    "upheld",
    "overthrew",
    "outran",
    "overran",
    "befell",
    "beheld",
];

/// Past participles of irregular verbs that are not past forms too.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "been",
    "done",
    "gone",
    "seen",
    "arisen",
    "borne",
    "beaten",
    "begun",
    "bitten",
    "blown",
    "broken",
    "chosen",
    "drawn",
    "drunk",
    "driven",
    "eaten",
    "fallen",
    "flown",
    "forbidden",
    "forgotten",
    "forgiven",
    "frozen",
    "gotten",
    "given",
    "grown",
    "hidden",
    "known",
    "lain",
    "ridden",
    "rung",
    "risen",
    "shaken",
    "shown",
    "shrunk",
    "sung",
    "sunk",
    "slain",
    "spoken",
    "sprung",
    "stolen",
    "stunk",
    "striven",
    "sworn",
    "swum",
    "taken",
    "torn",
    "thrown",
    "trodden",
    "woken",
    "worn",
    "woven",
    "written",
    "withdrawn",
    "overtaken",
    "undertaken",
    "mistaken",
    "foreseen",
    "overseen",
    "overthrown",
    "befallen",
    "forsaken",
];

/// Whether a word (lower case) is only ever a past participle ("taken",
/// "written"), never a past form.
pub fn participle_only(lower: &str) -> bool {
    IRREGULAR_PARTICIPLES.contains(&lower)
}

/// The tags an unknown word may take.
fn open_class(word: &str) -> u64 {
    let lower = word.to_ascii_lowercase();
    // English's irregular past forms, which no suffix gives away: "ships
    // sank", "the dam burst".
    if word.starts_with(|c: char| c.is_ascii_lowercase()) {
        if IRREGULAR_PAST.contains(&lower.as_str()) {
            return tag_bits(&[Tag::VBD, Tag::VBN]);
        }
        if IRREGULAR_PARTICIPLES.contains(&lower.as_str()) {
            return tag_bits(&[Tag::VBN, Tag::JJ]);
        }
    }
    // English morphology: a lower-case unknown word in "-ed" is a past
    // form or an adjective ("aired", "rescinded").
    if word.starts_with(|c: char| c.is_ascii_lowercase())
        && lower.len() > 4
        && lower.ends_with("ed")
    {
        return tag_bits(&[Tag::VBD, Tag::VBN, Tag::JJ]);
    }
    // Suffixes that make nouns (and "-er", comparatives): "researcher",
    // "whistleblowers", "shortcomings" are never verbs.
    const NOUN_SUFFIXES: &[&str] = &[
        "er", "ers", "or", "ors", "ist", "ists", "ism", "ment", "ments", "ness", "ity", "ities",
        "tion", "tions", "sion", "sions", "ship", "ships", "ance", "ances", "ence", "ences",
    ];
    if word.starts_with(|c: char| c.is_ascii_lowercase())
        && lower.len() > 5
        && NOUN_SUFFIXES.iter().any(|e| lower.ends_with(e))
    {
        return tag_bits(&[Tag::NN, Tag::NNS, Tag::NNP, Tag::JJ, Tag::JJR]);
    }
    let mut m = tag_bits(&CONTENT_TAGS)
        | tag_bits(&[
            Tag::CD,
            Tag::FW,
            Tag::SYM,
            Tag::ADD,
            Tag::LS,
            Tag::NFP,
            Tag::XX,
            Tag::UH,
            Tag::HYPH,
            Tag::PERIOD,
            Tag::COMMA,
            Tag::COLON,
        ]);
    if ["ly", "wise", "ward", "wards"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        m |= tag_bits(&[Tag::RB, Tag::RBR, Tag::RBS]);
    }
    m
}

/// What English allows a word, whatever the model learnt: a mark takes a
/// mark's tag and a word a word's; a number is a number or a noun; after
/// an article or a possessive pronoun comes no verb, pronoun or
/// preposition ("the mine", "the post", "a story"); the treebank's
/// prefix tag (a prefix cut off at its hyphen) never fits a whole word.
pub fn grammar_mask(words: &[&str], i: usize) -> u64 {
    let (mask, open) = word_mask(words[i]);
    if !open {
        return mask;
    }
    after(mask, i > 0 && is_article(words[i - 1]))
}

/// The tags a word allows by its own letters and marks, and whether it
/// is a word whose mask its neighbour may narrow further.
fn word_mask(w: &str) -> (u64, bool) {
    const MARKS: &[Tag] = &[
        Tag::PERIOD,
        Tag::COMMA,
        Tag::COLON,
        Tag::LRB,
        Tag::RRB,
        Tag::OPEN_QUOTE,
        Tag::CLOSE_QUOTE,
        Tag::HYPH,
        Tag::NFP,
        Tag::SYM,
        Tag::DOLLAR,
        Tag::POS,
        Tag::LS,
        Tag::XX,
        Tag::ADD,
        Tag::CD,
        Tag::CC,
    ];
    let Some(first) = w.chars().next() else {
        return (TAG_BITS, false);
    };
    let mark_tags = tag_bits(MARKS);
    if !first.is_alphanumeric() {
        // "'s", "n't" are words; "$", "%", "&" may be symbols or conjunctions.
        if w.len() > 1 && w.chars().skip(1).any(char::is_alphabetic) {
            return (TAG_BITS & !tag_bits(&[Tag::AFX]), false);
        }
        return (mark_tags | tag_bits(&[Tag::NN, Tag::SYM, Tag::CC]), false);
    }
    let mut mask = TAG_BITS & !tag_bits(&[Tag::AFX, Tag::GW]);
    mask &= !tag_bits(&MARKS[..13]);
    // (Most words hold none of the marks an address needs: one scan
    // settles them.)
    let address = w.bytes().any(|b| matches!(b, b'.' | b'@' | b':'))
        && (w.contains("://")
            || w.contains('@')
            || w.starts_with("www.")
            || [".com", ".org", ".net", ".gov", ".edu"]
                .iter()
                .any(|d| w.contains(d)));
    if !address {
        mask &= !tag_bits(&[Tag::ADD]);
    }
    if first.is_ascii_digit() {
        mask &= tag_bits(&[Tag::CD, Tag::NN, Tag::NNS, Tag::NNP, Tag::JJ, Tag::LS]);
    }
    (mask, true)
}

/// A word's mask narrowed by the word before it: after an article or a
/// possessive pronoun comes no verb, pronoun or preposition.
fn after(mut mask: u64, article_before: bool) -> u64 {
    if article_before {
        mask &= !tag_bits(NOT_AFTER_ARTICLE);
    }
    if mask == 0 { TAG_BITS } else { mask }
}

fn is_article(word: &str) -> bool {
    word.len() <= 5
        && ["a", "an", "the", "his", "its", "their", "our", "my", "your"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
}

/// Tags that never follow an article or a possessive pronoun.
const NOT_AFTER_ARTICLE: &[Tag] = &[
    Tag::PRP,
    Tag::PRPS,
    Tag::VBD,
    Tag::VBZ,
    Tag::VBP,
    Tag::MD,
    Tag::IN,
    Tag::TO,
    Tag::DT,
    Tag::WDT,
    Tag::WP,
    Tag::EX,
    Tag::CC,
    Tag::POS,
    Tag::UH,
    Tag::AFX,
    Tag::VB,
];

/// The learnt weights: for each feature, the tags it has a weight for.
#[derive(Clone)]
pub struct Weights {
    /// Open addressing: a slot is 0 (empty) or a feature's 32-bit
    /// fingerprint (high half) with where its entries start (26 bits) and
    /// how many there are (6 bits).
    slots: Vec<u64>,
    /// (tag << 16) | weight as 16 bits.
    entries: Vec<u32>,
    /// The table read when tagging: the slots with their entries in line,
    /// so a feature costs one load (see [`Weights::add_all`]).
    buckets: Vec<Bucket>,
    /// The weights of features with more than three entries, one dense row
    /// each: summed with vector adds rather than entry by entry.
    rows: Vec<Row>,
}

/// Lanes in a dense row: the tag count rounded up to a whole number of
/// vector registers.
const LANES: usize = COUNT.next_multiple_of(16);

/// One feature's weight for every tag (0 where it has none).
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Row([i16; LANES]);

/// A slot with up to three entries in line: the fingerprint (0: empty),
/// then entries; a feature with more has `OVERFLOW | row`.
#[derive(Clone, Copy, Default)]
#[repr(align(16))]
struct Bucket([u32; 4]);

const OVERFLOW: u32 = 0xFF00_0000;

fn buckets(slots: &[u64], entries: &[u32]) -> (Vec<Bucket>, Vec<Row>) {
    let mut rows = Vec::new();
    let buckets = slots
        .iter()
        .map(|&s| {
            if s == 0 {
                return Bucket::default();
            }
            let (start, len) = (((s >> 6) & ((1 << 26) - 1)) as usize, (s & 63) as usize);
            let fp = (s >> 32) as u32;
            let list = &entries[start.min(entries.len())..(start + len).min(entries.len())];
            if list.len() <= 3 {
                let mut b = [fp, 0, 0, 0];
                b[1..1 + list.len()].copy_from_slice(list);
                Bucket(b)
            } else {
                let mut row = Row([0; LANES]);
                for &e in list {
                    let tag = (e >> 16) as usize & 0xFF;
                    if let Some(w) = row.0.get_mut(tag) {
                        *w = (e & 0xFFFF) as u16 as i16;
                    }
                }
                rows.push(row);
                Bucket([fp, OVERFLOW | (rows.len() - 1) as u32, 0, 0])
            }
        })
        .collect();
    (buckets, rows)
}

impl std::fmt::Debug for Weights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Weights")
            .field("slots", &self.slots.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

#[inline]
fn fingerprint(h: u64) -> u64 {
    (h >> 32) | 1
}

impl Weights {
    /// Packs a feature → [(tag, weight)] table; weights are already
    /// scaled to 16 bits.
    pub fn pack(features: impl IntoIterator<Item = (u64, Vec<(Tag, i16)>)>) -> Weights {
        let features: Vec<(u64, Vec<(Tag, i16)>)> = features
            .into_iter()
            .filter(|(_, e)| !e.is_empty())
            .collect();
        // At most three quarters full, so a probe rarely takes long.
        let size = (features.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut slots = vec![0u64; size];
        let mut entries = Vec::new();
        for (h, list) in features {
            let start = entries.len() as u64;
            let len = list.len().min(63) as u64;
            assert!(start < 1 << 26, "model too large");
            for (tag, w) in list.into_iter().take(63) {
                let w = w.clamp(-MAX_WEIGHT, MAX_WEIGHT);
                entries.push((tag.0 as u32) << 16 | (w as u16 as u32));
            }
            let fp = fingerprint(h);
            let mut k = h as usize & (size - 1);
            loop {
                if slots[k] == 0 {
                    slots[k] = fp << 32 | start << 6 | len;
                    break;
                }
                // Two features with one fingerprint would share a slot's
                // answer: keep the first (vanishingly rare with 2^31).
                if slots[k] >> 32 == fp {
                    break;
                }
                k = (k + 1) & (size - 1);
            }
        }
        let (buckets, rows) = buckets(&slots, &entries);
        Weights {
            slots,
            entries,
            buckets,
            rows,
        }
    }

    /// Adds the weights of every feature to `scores`. The bucket of every
    /// feature is loaded before any is looked at: the table is larger than
    /// a core's caches, and independent loads wait for memory together
    /// rather than one after another; a bucket holds its feature's
    /// weights in line (most features have three or fewer), so a feature
    /// costs one load, not two (measured: 11.5 s → 7.2 s for both changes on
    /// 20 MB of news). Scores are summed in 16 bits, eight or more tags to an
    /// instruction; [`MAX_WEIGHT`] keeps the sum of every feature's weight
    /// in range.
    #[inline]
    fn add_all<const N: usize>(&self, feats: &[u64; N], out: &mut [i16; LANES]) {
        let mask = self.buckets.len() - 1;
        let mut first = [Bucket::default(); N];
        for (f, &h) in first.iter_mut().zip(feats) {
            *f = self.buckets[h as usize & mask];
        }
        let mut scores = [0i16; LANES];
        let mut dense = [0i16; LANES];
        let mut add = |e: u32| {
            let tag = (e >> 16) as usize & 0xFF;
            if let Some(s) = scores.get_mut(tag) {
                *s = s.wrapping_add((e & 0xFFFF) as u16 as i16);
            }
        };
        for (i, &h) in feats.iter().enumerate() {
            let fp = fingerprint(h) as u32;
            let mut k = h as usize & mask;
            let mut b = first[i];
            loop {
                if b.0[0] == 0 {
                    break;
                }
                if b.0[0] == fp {
                    if b.0[1] & OVERFLOW == OVERFLOW {
                        if let Some(row) = self.rows.get((b.0[1] & !OVERFLOW) as usize) {
                            for (d, &w) in dense.iter_mut().zip(&row.0) {
                                *d = d.wrapping_add(w);
                            }
                        }
                    } else {
                        for &e in &b.0[1..] {
                            if e != 0 {
                                add(e);
                            }
                        }
                    }
                    break;
                }
                k = (k + 1) & mask;
                b = self.buckets[k];
            }
        }
        for ((o, s), d) in out.iter_mut().zip(scores).zip(dense) {
            *o = o.wrapping_add(s.wrapping_add(d));
        }
    }

    pub fn features(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }

    fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.slots.len() as u32);
        for s in &self.slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        put_u32(out, self.entries.len() as u32);
        for e in &self.entries {
            out.extend_from_slice(&e.to_le_bytes());
        }
    }

    fn read(r: &mut Reader) -> Result<Weights, String> {
        let slots = r.u32()? as usize;
        if !slots.is_power_of_two() {
            return Err("slot count is not a power of two".into());
        }
        let slots: Vec<u64> = (0..slots).map(|_| r.u64()).collect::<Result<_, _>>()?;
        let n = r.u32()? as usize;
        let entries: Vec<u32> = (0..n).map(|_| r.u32()).collect::<Result<_, _>>()?;
        for s in &slots {
            let (start, len) = (((s >> 6) & ((1 << 26) - 1)) as usize, (s & 63) as usize);
            if *s != 0 && start + len > entries.len() {
                return Err("an entry range runs past the entries".into());
            }
        }
        if entries.len() >= 1 << 24 {
            return Err("too many entries".into());
        }
        if entries
            .iter()
            .any(|&e| ((e & 0xFFFF) as u16 as i16).unsigned_abs() > MAX_WEIGHT as u16)
        {
            return Err("a weight is out of the tagger's range (retrain the model)".into());
        }
        let (buckets, rows) = buckets(&slots, &entries);
        Ok(Weights {
            slots,
            entries,
            buckets,
            rows,
        })
    }
}

/// An irregular form, its lemma and its tag ("said", "say", VBD).
pub type Irregular = (String, String, Tag);

/// The tagger: weights, the tag dictionary of unambiguous words, and the
/// tags each known word can take.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: Weights,
    /// Frequent words (as written) that the treebank gives one tag.
    dict: FxHashMap<Box<str>, Tag>,
    /// Ambiguity classes, by [`WordKeys::norm`].
    classes: FxHashMap<u64, u64>,
    /// Tells taggers apart, so a scratch never answers for one with what
    /// it learnt of another's words (a clone answers alike and keeps it).
    id: u64,
}

/// What the tagger needs of a sentence, reused from one to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    keys: Vec<WordKeys>,
    known: Vec<Known>,
}

/// What a thread's tagger has worked out about each word it has met, by
/// spelling: news repeats its words (a few thousand make up most of any
/// article), and deriving a word's four keys, its shape, its class and
/// its masks costs ten times finding them here. Per thread, not per
/// [`Scratch`]: the paragraphs of one article are read by many scratches
/// in turn (one per task the thread pool splits off), on a few threads.
#[derive(Default)]
struct KnownWords {
    /// The tagger whose answers `words` holds ([`Tagger::id`]; 0: none).
    owner: u64,
    words: FxHashMap<Box<str>, Known>,
    /// Each known word's summed weights ([`Known::partials`]).
    partials: Vec<Partials>,
    /// Those of the positions before a sentence's start and after its end.
    edges: Vec<Partials>,
    /// The summed weights of [`tag_pair_features`] for every two tags
    /// before a word ([`pair_index`] of the one right before, times
    /// `COUNT + 1`, plus that of the one before it).
    pairs: Vec<Row>,
    /// For each known word (as [`Known::partials`]), the rows of
    /// [`word_tag_features`] for up to four tags before it: (tag, index
    /// into `tag_rows`; `u32::MAX` for an empty slot).
    by_tag: Vec<[(u8, u32); 4]>,
    tag_rows: Vec<Row>,
}

impl KnownWords {
    /// Makes this the cache of `tagger`, with room for `words` more words.
    fn ready(&mut self, tagger: &Tagger, words: usize) {
        if self.owner != tagger.id {
            self.owner = tagger.id;
            self.clear();
            self.edges = vec![
                Partials::of(&BEFORE, &tagger.weights),
                Partials::of(&AFTER, &tagger.weights),
            ];
            let tags = (0..COUNT as u64).chain([START]);
            self.pairs = tags
                .clone()
                .flat_map(|t1| tags.clone().map(move |t2| (t1, t2)))
                .map(|(t1, t2)| {
                    let mut row = [0i16; LANES];
                    tagger.weights.add_all(&tag_pair_features(t1, t2), &mut row);
                    Row(row)
                })
                .collect();
        }
        // Never while a sentence is being tagged: its words hold indices
        // into `partials`.
        if self.words.len() + words > KNOWN_WORDS {
            self.clear();
        }
    }

    fn clear(&mut self) {
        self.words.clear();
        self.partials.clear();
        self.by_tag.clear();
        self.tag_rows.clear();
    }

    /// The row of [`word_tag_features`] for known word `word` (with
    /// `keys`) after tag `t1`, kept for the first four tags it follows.
    fn word_tag_row(&mut self, word: u32, keys: &WordKeys, t1: u64, weights: &Weights) -> usize {
        let tag = t1 as u8;
        let slots = &self.by_tag[word as usize];
        if let Some(&(_, row)) = slots.iter().find(|&&(t, r)| t == tag && r != u32::MAX) {
            return row as usize;
        }
        // A fifth tag takes the last slot.
        let slot = slots.iter().position(|&(_, r)| r == u32::MAX).unwrap_or(3);
        let mut row = [0i16; LANES];
        weights.add_all(&word_tag_features(keys, t1), &mut row);
        self.tag_rows.push(Row(row));
        let k = self.tag_rows.len() - 1;
        self.by_tag[word as usize][slot] = (tag, k as u32);
        k
    }
}

thread_local! {
    static KNOWN: std::cell::RefCell<KnownWords> = std::cell::RefCell::default();
}

/// Everything the tagger derives from a word alone.
#[derive(Debug, Clone, Copy)]
struct Known {
    /// Its keys, shaped as a word inside a sentence.
    keys: WordKeys,
    /// Its tag in the dictionary of unambiguous words.
    dict: Option<Tag>,
    /// [`word_mask`]: the tags its letters allow, and whether the word
    /// before it may narrow them.
    mask: u64,
    narrowed: bool,
    /// Is it an article or a possessive pronoun?
    article: bool,
    /// [`open_class`], for a word the treebank does not have.
    open: u64,
    /// Where its [`Partials`] are in [`KnownWords::partials`].
    partials: u32,
}

/// Words remembered per thread before it starts over: bounds its memory
/// (about 700 bytes a word) on a text of endless new words (numbers,
/// names).
const KNOWN_WORDS: usize = 1 << 15;

/// The bit of [`WordKeys::shape`] that marks a sentence's first word.
const FIRST_IN_SENTENCE: u64 = 1 << 11;

impl Tagger {
    pub fn new(
        weights: Weights,
        dict: FxHashMap<Box<str>, Tag>,
        classes: FxHashMap<u64, u64>,
    ) -> Tagger {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Tagger {
            weights,
            dict,
            classes,
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The keys of a sentence's words, with their ambiguity classes.
    pub fn keys(&self, words: &[&str], out: &mut Vec<WordKeys>) {
        out.clear();
        out.extend(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| self.keys_of(w, i == 0)),
        );
    }

    fn keys_of(&self, word: &str, first_in_sentence: bool) -> WordKeys {
        let mut k = WordKeys::of(word, first_in_sentence);
        let entry = self.classes.get(&k.norm).copied().unwrap_or(0);
        k.class = entry & TAG_BITS;
        if entry >> COUNT_SHIFT >= TRUSTED_COUNT && k.class != 0 {
            k.allowed = k.class;
        } else if k.class != 0 {
            // A word seen too rarely to trust its tags still never takes
            // a closed-class tag it was not seen with ("insist/IN").
            // (Keeping it to the families it was seen in cost 0.1 point
            // on the dev split.)
            k.allowed = k.class | OPEN_TAGS;
        }
        k
    }

    /// What the tagger derives from `word` alone (remembered in
    /// `known`).
    fn known(&self, word: &str, cache: &mut KnownWords) -> Known {
        if let Some(k) = cache.words.get(word) {
            return *k;
        }
        let keys = self.keys_of(word, false);
        let (mask, narrowed) = word_mask(word);
        cache.partials.push(Partials::of(&keys, &self.weights));
        cache.by_tag.push([(0, u32::MAX); 4]);
        let known = Known {
            keys,
            dict: self.dict.get(word).copied(),
            mask,
            narrowed,
            article: is_article(word),
            open: if keys.class == 0 {
                open_class(word)
            } else {
                TAG_BITS
            },
            partials: cache.partials.len() as u32 - 1,
        };
        cache.words.insert(word.into(), known);
        known
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    pub fn dictionary(&self) -> &FxHashMap<Box<str>, Tag> {
        &self.dict
    }

    /// Tags one sentence's words, appending to `tags`. `forced` gives the
    /// tags already known (a quotation mark known to open or close).
    pub fn tag(
        &self,
        words: &[&str],
        allowed: impl Fn(usize) -> u64,
        scratch: &mut Scratch,
        tags: &mut Vec<Tag>,
    ) {
        KNOWN.with_borrow_mut(|cache| self.tag_with(words, allowed, scratch, cache, tags));
    }

    fn tag_with(
        &self,
        words: &[&str],
        allowed: impl Fn(usize) -> u64,
        scratch: &mut Scratch,
        cache: &mut KnownWords,
        tags: &mut Vec<Tag>,
    ) {
        let base = tags.len();
        cache.ready(self, words.len());
        scratch.known.clear();
        for w in words {
            let k = self.known(w, cache);
            scratch.known.push(k);
        }
        scratch.keys.clear();
        scratch.keys.extend(scratch.known.iter().map(|k| k.keys));
        if let Some(first) = scratch.keys.first_mut() {
            first.shape |= FIRST_IN_SENTENCE;
        }
        for (i, known) in scratch.known.iter().enumerate() {
            // As `grammar_mask`.
            let mut mask = known.mask;
            if known.narrowed {
                mask = after(mask, i > 0 && scratch.known[i - 1].article);
            }
            let mask = allowed(i) & mask;
            if mask.count_ones() == 1 {
                tags.push(Tag(mask.trailing_zeros() as u8));
                continue;
            }
            if let Some(t) = known.dict
                && mask & (1 << t.0) != 0
            {
                tags.push(t);
                continue;
            }
            let mut allow = scratch.keys[i].allowed & mask;
            // A word the treebank gives one tag, often enough to trust.
            if allow.count_ones() == 1 {
                tags.push(Tag(allow.trailing_zeros() as u8));
                continue;
            }
            // A word the treebank never has is not of a closed class (every
            // determiner, pronoun and preposition is in it); an unknown
            // adverb is an "-ly" word.
            if scratch.keys[i].class == 0 {
                allow &= known.open;
            }
            if allow == 0 {
                allow = mask;
            }
            // The scores `best` gives for `features`, summed from the
            // words' kept weights and the context's features.
            let sentence_tags = &tags[base..];
            let (t1, t2) = (
                tag_before(sentence_tags, i, 1),
                tag_before(sentence_tags, i, 2),
            );
            let word_tag = cache.word_tag_row(known.partials, &scratch.keys[i], t1, &self.weights);
            let partials =
                |k: Option<usize>, edge: usize| match k.and_then(|k| scratch.known.get(k)) {
                    Some(w) => &cache.partials[w.partials as usize],
                    None => &cache.edges[edge],
                };
            let mut scores = [0i16; LANES];
            add_row(
                &mut scores,
                &cache.pairs[pair_index(t1) * (COUNT + 1) + pair_index(t2)],
            );
            add_row(&mut scores, &cache.tag_rows[word_tag]);
            add_row(&mut scores, &cache.partials[known.partials as usize].own);
            add_row(&mut scores, &partials(i.checked_sub(1), 0).as_prev);
            add_row(&mut scores, &partials(i.checked_sub(2), 0).as_prev2);
            add_row(&mut scores, &partials(Some(i + 1), 1).as_next);
            add_row(&mut scores, &partials(Some(i + 2), 1).as_next2);
            let context = context_features(&scratch.keys, sentence_tags, i);
            self.weights.add_all(&context, &mut scores);
            tags.push(best_allowed(&scores, allow));
        }
    }

    /// The best-scoring tag under these features, among `allowed` (bits).
    #[inline]
    pub fn best(&self, feats: &[u64; FEATURES], allowed: u64) -> Tag {
        let mut scores = [0i16; LANES];
        self.weights.add_all(feats, &mut scores);
        best_allowed(&scores, allowed)
    }

    /// The model file's bytes: weights, dictionary, and the lemmas given
    /// (irregular forms).
    pub fn to_bytes(&self, lemmas: &[(String, String, Tag)]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, COUNT as u32);
        self.weights.write(&mut out);
        let mut dict: Vec<(&Box<str>, &Tag)> = self.dict.iter().collect();
        dict.sort();
        put_u32(&mut out, dict.len() as u32);
        for (w, t) in dict {
            put_str(&mut out, w);
            out.push(t.0);
        }
        let mut classes: Vec<(&u64, &u64)> = self.classes.iter().collect();
        classes.sort();
        put_u32(&mut out, classes.len() as u32);
        for (k, v) in classes {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        put_u32(&mut out, lemmas.len() as u32);
        for (form, lemma, tag) in lemmas {
            put_str(&mut out, form);
            put_str(&mut out, lemma);
            out.push(tag.0);
        }
        out
    }

    /// Reads a model file: the tagger and its irregular lemmas.
    pub fn from_bytes(bytes: &[u8]) -> Result<(Tagger, Vec<Irregular>), String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a Sourcelight syntax model".into());
        }
        if r.u32()? as usize != COUNT {
            return Err("the model's tag set differs from this build's".into());
        }
        let weights = Weights::read(&mut r)?;
        let n = r.u32()? as usize;
        let mut dict = FxHashMap::default();
        for _ in 0..n {
            let w = r.str()?;
            let t = r.tag()?;
            dict.insert(w.into(), t);
        }
        let n = r.u32()? as usize;
        let mut classes = FxHashMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            classes.insert(k, r.u64()?);
        }
        let n = r.u32()? as usize;
        let mut lemmas = Vec::with_capacity(n.min(bytes.len()));
        for _ in 0..n {
            let form = r.str()?.to_string();
            let lemma = r.str()?.to_string();
            lemmas.push((form, lemma, r.tag()?));
        }
        Ok((Tagger::new(weights, dict, classes), lemmas))
    }
}

const MAGIC: &[u8] = b"SLSYNTAX\x02\x00\x00\x00";

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    let b = &s.as_bytes()[..s.floor_char_boundary(255)];
    out.push(b.len() as u8);
    out.extend_from_slice(b);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the model file ends early")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn str(&mut self) -> Result<&'a str, String> {
        let n = self.take(1)?[0] as usize;
        std::str::from_utf8(self.take(n)?).map_err(|e| e.to_string())
    }
    fn tag(&mut self) -> Result<Tag, String> {
        let t = self.take(1)?[0];
        if (t as usize) < COUNT {
            Ok(Tag(t))
        } else {
            Err(format!("tag {t} is not in the tag set"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_weights_answer_what_was_packed() {
        // A feature in line, one that overflows its bucket, one absent.
        let many: Vec<(Tag, i16)> = (0..5).map(|t| (Tag(t), 10 + t as i16)).collect();
        let w = Weights::pack([
            (
                feature(template::WORD, 7),
                vec![(Tag::NN, 5), (Tag::VB, -3)],
            ),
            (feature(template::WORD, 8), vec![(Tag::VBD, 100)]),
            (feature(template::WORD, 10), many),
        ]);
        let mut feats = [feature(template::WORD, 9); FEATURES];
        feats[0] = feature(template::WORD, 7);
        feats[1] = feature(template::WORD, 8);
        feats[2] = feature(template::WORD, 10);
        let mut s = [0; LANES];
        w.add_all(&feats, &mut s);
        assert_eq!((s[0], s[8], s[12]), (5 + 10, -3, 100));
        assert_eq!((s[1], s[4]), (11, 14));
        assert_eq!(w.features(), 3);
    }

    #[test]
    fn every_feature_at_the_largest_weight_still_fits_a_score() {
        // Packing clamps to MAX_WEIGHT; FEATURES of them sum without
        // wrapping, in line and in dense rows alike.
        let many: Vec<(Tag, i16)> = (0..8).map(|t| (Tag(t), i16::MAX)).collect();
        let pairs = (0..FEATURES as u64).map(|k| {
            let list = if k % 2 == 0 {
                many.clone()
            } else {
                vec![(Tag(0), i16::MAX)]
            };
            (feature(template::WORD, k), list)
        });
        let w = Weights::pack(pairs);
        let feats: [u64; FEATURES] = std::array::from_fn(|k| feature(template::WORD, k as u64));
        let mut s = [0; LANES];
        w.add_all(&feats, &mut s);
        assert_eq!(s[0], MAX_WEIGHT * FEATURES as i16);
        assert!(s[0] > 0);
        // A file whose weights are out of range is refused.
        let mut bytes = Tagger::new(w, FxHashMap::default(), FxHashMap::default()).to_bytes(&[]);
        let at = bytes
            .windows(2)
            .position(|b| b == MAX_WEIGHT.to_le_bytes())
            .unwrap();
        bytes[at..at + 2].copy_from_slice(&i16::MAX.to_le_bytes());
        assert!(Tagger::from_bytes(&bytes).is_err());
    }

    #[test]
    fn a_model_survives_its_file() {
        let w = Weights::pack([(feature(template::BIAS, 0), vec![(Tag::NN, 1)])]);
        let mut dict = FxHashMap::default();
        dict.insert("the".into(), Tag::DT);
        let t = Tagger::new(w, dict, FxHashMap::default());
        let lemmas = vec![("said".to_string(), "say".to_string(), Tag::VBD)];
        let bytes = t.to_bytes(&lemmas);
        let (back, l) = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(l, lemmas);
        assert_eq!(back.dict.get("the"), Some(&Tag::DT));
        let mut tags = Vec::new();
        back.tag(
            &["the", "dog"],
            |_| TAG_BITS,
            &mut Scratch::default(),
            &mut tags,
        );
        assert_eq!(tags, [Tag::DT, Tag::NN]);
        // A truncated file is refused, not read past its end.
        for cut in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err());
        }
    }

    #[test]
    fn what_a_thread_remembers_of_words_answers_as_working_them_out() {
        // The remembered keys, masks and dictionary tag of every word give
        // the tags the word-by-word derivation gives, whatever was read
        // before; and a second tagger on the same thread is not answered
        // with the first one's dictionary.
        let tagger = super::super::Syntax::builtin().tagger();
        let sentence = [
            "The",
            "ministry",
            "said",
            "the",
            "report",
            "was",
            "withdrawn",
            "at",
            "www.example.com",
            "on",
            "Tuesday",
            "’s",
            "draft",
            "\u{201c}",
            "3.5",
            ".",
        ];
        let fresh = |words: &[&str]| {
            let mut keys = Vec::new();
            tagger.keys(words, &mut keys);
            let mut by_hand = Vec::new();
            for i in 0..words.len() {
                let mask = grammar_mask(words, i);
                let known = tagger.dict.get(words[i]).filter(|t| mask & (1 << t.0) != 0);
                by_hand.push((keys[i], mask, known.copied()));
            }
            by_hand
        };
        let mut scratch = Scratch::default();
        let (mut cold, mut warm) = (Vec::new(), Vec::new());
        tagger.tag(&sentence, |_| TAG_BITS, &mut scratch, &mut cold);
        tagger.tag(&sentence, |_| TAG_BITS, &mut scratch, &mut warm);
        assert_eq!(cold, warm);
        // The scratch's keys are the keys `Tagger::keys` derives.
        let by_hand = fresh(&sentence);
        for (k, (want, _, _)) in scratch.keys.iter().zip(&by_hand) {
            assert_eq!(
                (k.norm, k.suffix, k.shape, k.class, k.allowed),
                (want.norm, want.suffix, want.shape, want.class, want.allowed)
            );
        }
        for (i, known) in scratch.known.iter().enumerate() {
            let mut mask = known.mask;
            if known.narrowed {
                mask = after(mask, i > 0 && scratch.known[i - 1].article);
            }
            assert_eq!(mask, by_hand[i].1, "{}", sentence[i]);
        }
        let mut dict = FxHashMap::default();
        dict.insert("said".into(), Tag::NN);
        let other = Tagger::new(tagger.weights.clone(), dict, FxHashMap::default());
        let mut tags = Vec::new();
        other.tag(&sentence, |_| TAG_BITS, &mut scratch, &mut tags);
        assert_eq!((cold[2], tags[2]), (Tag::VBD, Tag::NN));
        tags.clear();
        tagger.tag(&sentence, |_| TAG_BITS, &mut scratch, &mut tags);
        assert_eq!(tags, cold);
    }

    #[test]
    fn kept_word_features_and_the_context_are_exactly_the_features() {
        // What tagging sums from each word's kept weights and the context
        // is what training sums from `features`: the same features, each
        // once, at every position of sentences of one to five words.
        let all = ["Officials", "said", "the", "report", "."];
        for n in 1..=all.len() {
            let words = &all[..n];
            let mut keys: Vec<WordKeys> = words.iter().map(|w| WordKeys::of(w, false)).collect();
            keys[0].shape |= FIRST_IN_SENTENCE;
            assert_eq!(keys[0].shape, WordKeys::of(words[0], true).shape);
            let tags = [Tag::NNS, Tag::VBD, Tag::DT, Tag::NN, Tag::PERIOD];
            for i in 0..n {
                let mut full = [0u64; FEATURES];
                features(&keys, &tags[..i], i, &mut full);
                // Words beyond the sentence are BEFORE / AFTER; the kept
                // keys of a word are those of a word inside a sentence.
                let inside = |k: isize| -> WordKeys {
                    if k < 0 {
                        BEFORE
                    } else {
                        words
                            .get(k as usize)
                            .map_or(AFTER, |w| WordKeys::of(w, false))
                    }
                };
                let i = i as isize;
                let mut split: Vec<u64> = Vec::new();
                split.extend(own_features(&inside(i)));
                split.extend(as_prev_features(&inside(i - 1)));
                split.extend(as_prev2_features(&inside(i - 2)));
                split.extend(as_next_features(&inside(i + 1)));
                split.extend(as_next2_features(&inside(i + 2)));
                let before = &tags[..i as usize];
                let (t1, t2) = (
                    tag_before(before, i as usize, 1),
                    tag_before(before, i as usize, 2),
                );
                split.extend(tag_pair_features(t1, t2));
                split.extend(word_tag_features(&inside(i), t1));
                split.extend(context_features(&keys, before, i as usize));
                let mut full = full.to_vec();
                full.sort_unstable();
                split.sort_unstable();
                assert_eq!(full, split, "word {i} of {n}");
            }
        }
    }

    #[test]
    fn word_keys_ignore_case_but_shape_does_not() {
        let a = WordKeys::of("Said", false);
        let b = WordKeys::of("said", false);
        assert_eq!((a.norm, a.suffix), (b.norm, b.suffix));
        assert_ne!(a.shape, b.shape);
        assert_eq!(WordKeys::of("1999", false).norm, hash_bytes(b"!YEAR"));
        assert_eq!(
            WordKeys::of("Müller", false).norm,
            hash_bytes("müller".as_bytes())
        );
        assert_eq!(
            WordKeys::of("’s", false).norm,
            WordKeys::of("'s", false).norm
        );
        assert_eq!(
            WordKeys::of("“", false).norm,
            WordKeys::of("\"", false).norm
        );
    }
}
