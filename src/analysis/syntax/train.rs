//! Training the tagger: the averaged perceptron (Collins 2002) on treebank
//! sentences. Pure and deterministic: the same sentences, iterations and
//! seed give the same model, byte for byte. The `train-syntax` program
//! reads the treebank files and writes the model; a unit test trains on a
//! few sentences, so CI checks this code without the treebank.

use rustc_hash::FxHashMap;

use super::conllu::TreebankSentence;
use super::lemma;
use super::tagger::{
    FEATURES, Scratch, Tagger, Weights, WordKeys, best_allowed, class_entry, features,
};
use super::tags::{COUNT, Tag};

/// How the tagger is trained.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Passes over the training sentences.
    pub iterations: usize,
    /// The seed of the order sentences are shown in.
    pub seed: u64,
    /// A word joins the tag dictionary when seen this often...
    pub dict_min_count: usize,
    /// ...with one tag at least this share of the time.
    pub dict_min_share: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            iterations: 10,
            seed: 20_261_203,
            dict_min_count: 20,
            dict_min_share: 0.97,
        }
    }
}

/// The averaged perceptron's state: current weights, their running sums,
/// and when each was last changed (so sums are brought up to date lazily).
struct Perceptron {
    rows: FxHashMap<u64, usize>,
    weights: Vec<[f32; COUNT]>,
    totals: Vec<[f64; COUNT]>,
    stamps: Vec<[u32; COUNT]>,
    /// Updates seen so far (the averaging clock).
    clock: u32,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            rows: FxHashMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            clock: 0,
        }
    }

    fn predict(&self, feats: &[u64; FEATURES], allowed: u64) -> Tag {
        let mut scores = [0f32; COUNT];
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[r]) {
                    *s += w;
                }
            }
        }
        best_allowed(&scores, allowed)
    }

    fn row(&mut self, f: u64) -> usize {
        let next = self.weights.len();
        let r = *self.rows.entry(f).or_insert(next);
        if r == next {
            self.weights.push([0.0; COUNT]);
            self.totals.push([0.0; COUNT]);
            self.stamps.push([0; COUNT]);
        }
        r
    }

    fn nudge(&mut self, r: usize, t: usize, by: f32) {
        let elapsed = self.clock - self.stamps[r][t];
        self.totals[r][t] += elapsed as f64 * self.weights[r][t] as f64;
        self.stamps[r][t] = self.clock;
        self.weights[r][t] += by;
    }

    fn update(&mut self, truth: Tag, guess: Tag, feats: &[u64; FEATURES]) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        for &f in feats {
            let r = self.row(f);
            self.nudge(r, truth.0 as usize, 1.0);
            self.nudge(r, guess.0 as usize, -1.0);
        }
    }

    /// The averaged weights, scaled to 16 bits; features whose weights all
    /// round to zero are dropped.
    fn averaged(self) -> Weights {
        let clock = self.clock.max(1);
        let mut averaged: Vec<(u64, [f32; COUNT])> = Vec::with_capacity(self.rows.len());
        let mut largest = 0f32;
        let mut rows: Vec<(u64, usize)> = self.rows.into_iter().collect();
        rows.sort_unstable();
        for (f, r) in rows {
            let avg: [f32; COUNT] = std::array::from_fn(|t| {
                let total = self.totals[r][t]
                    + (clock - self.stamps[r][t]) as f64 * self.weights[r][t] as f64;
                (total / clock as f64) as f32
            });
            for a in avg {
                largest = largest.max(a.abs());
            }
            averaged.push((f, avg));
        }
        let scale = if largest > 0.0 {
            super::tagger::MAX_WEIGHT as f32 / largest
        } else {
            1.0
        };
        // A tenth of one update: weights smaller than that never decided a
        // tag on the dev split (pruning them changed no figure there).
        let min_weight = (0.1 * scale).max(1.0) as u16;
        Weights::pack(averaged.into_iter().map(|(f, avg)| {
            let list: Vec<(Tag, i16)> = avg
                .iter()
                .enumerate()
                .map(|(t, &w)| (Tag(t as u8), (w * scale).round() as i16))
                .filter(|&(_, w)| w.unsigned_abs() >= min_weight)
                .collect();
            (f, list)
        }))
    }
}

/// A small deterministic generator for the order of sentences.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::tagger::mix(self.0)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The words the treebank tags one way nearly always.
pub fn tag_dictionary(sentences: &[TreebankSentence], s: &Settings) -> FxHashMap<Box<str>, Tag> {
    let mut counts: FxHashMap<&str, [u32; COUNT]> = FxHashMap::default();
    for sentence in sentences {
        for (w, t) in sentence.words.iter().zip(&sentence.tags) {
            counts.entry(w.as_str()).or_insert([0; COUNT])[t.0 as usize] += 1;
        }
    }
    let mut dict = FxHashMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, &n) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
            .unwrap_or((0, &0));
        if total as usize >= s.dict_min_count && n as f64 / total as f64 >= s.dict_min_share {
            dict.insert(w.into(), Tag(best as u8));
        }
    }
    dict
}

/// The tags each word (by [`WordKeys::norm`]) takes in `sentences`, as
/// bits.
pub fn ambiguity_classes(sentences: &[TreebankSentence]) -> FxHashMap<u64, u64> {
    let mut seen: FxHashMap<u64, (u64, u64)> = FxHashMap::default();
    for sentence in sentences {
        for (w, t) in sentence.words.iter().zip(&sentence.tags) {
            let e = seen.entry(WordKeys::of(w, false).norm).or_insert((0, 0));
            e.0 |= 1u64 << t.0;
            e.1 += 1;
        }
    }
    seen.into_iter()
        .map(|(k, (bits, count))| (k, class_entry(bits, count)))
        .collect()
}

/// Folds for the ambiguity classes seen in training.
const FOLDS: usize = 10;

/// Trains a tagger on `sentences`.
///
/// A word's ambiguity class in training comes from the other nine tenths
/// of the sentences ("jackknifing"): taken from all of them, every
/// training word would be known with its right tag in its class, and the
/// tagger would learn to trust classes more than they deserve on text it
/// has not seen.
pub fn train(sentences: &[TreebankSentence], s: &Settings) -> Tagger {
    let dict = tag_dictionary(sentences, s);
    let classes = ambiguity_classes(sentences);
    let folds: Vec<Vec<TreebankSentence>> = (0..FOLDS)
        .map(|f| {
            sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != f)
                .map(|(_, s)| s.clone())
                .collect()
        })
        .collect();
    // Each fold's classes are read through a tagger with no weights.
    let readers: Vec<Tagger> = folds
        .iter()
        .map(|others| {
            Tagger::new(
                Weights::pack([]),
                FxHashMap::default(),
                ambiguity_classes(others),
            )
        })
        .collect();
    drop(folds);
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng(s.seed);
    let mut keys = Vec::new();
    let mut guesses = Vec::new();
    let mut feats = [0u64; FEATURES];
    for _ in 0..s.iterations {
        rng.shuffle(&mut order);
        for &k in &order {
            let sentence = &sentences[k];
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            readers[k % FOLDS].keys(&words, &mut keys);
            guesses.clear();
            for (i, (w, &truth)) in sentence.words.iter().zip(&sentence.tags).enumerate() {
                if let Some(&t) = dict.get(w.as_str()) {
                    guesses.push(t);
                    continue;
                }
                features(&keys, &guesses, i, &mut feats);
                // Unconstrained in training (see `TRUSTED_COUNT`).
                let guess = p.predict(&feats, super::tagger::TAG_BITS);
                p.update(truth, guess, &feats);
                guesses.push(guess);
            }
        }
    }
    Tagger::new(p.averaged(), dict, classes)
}

/// Words tagged right, and words, on `sentences`.
pub fn accuracy(tagger: &Tagger, sentences: &[TreebankSentence]) -> (usize, usize) {
    let mut scratch = Scratch::default();
    let mut tags = Vec::new();
    let (mut right, mut all) = (0, 0);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        tags.clear();
        tagger.tag(&words, |_| super::tagger::TAG_BITS, &mut scratch, &mut tags);
        right += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        all += s.tags.len();
    }
    (right, all)
}

/// The inflected verbs and nouns whose lemma the spelling rules of
/// [`lemma`] do not give ("said" ← "say", "men" ← "man"), in lower case,
/// sorted, once each.
pub fn irregular_lemmas(sentences: &[TreebankSentence]) -> Vec<(String, String, Tag)> {
    let mut out = Vec::new();
    for s in sentences {
        for ((w, l), &t) in s.words.iter().zip(&s.lemmas).zip(&s.tags) {
            let (form, lemma) = (w.to_lowercase(), l.to_lowercase());
            if form == lemma || !lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let regular = match t {
                Tag::VBD | Tag::VBN | Tag::VBZ | Tag::VBG | Tag::VBP | Tag::VB => {
                    lemma::verb_forms(&lemma).iter().any(|(f, _)| *f == form)
                }
                Tag::NNS | Tag::NNPS => lemma::noun_plurals(&lemma).contains(&form),
                _ => continue,
            };
            if !regular {
                out.push((form, lemma, t));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(pairs: &[(&str, Tag)]) -> TreebankSentence {
        TreebankSentence {
            words: pairs.iter().map(|p| p.0.to_string()).collect(),
            tags: pairs.iter().map(|p| p.1).collect(),
            lemmas: pairs.iter().map(|p| p.0.to_lowercase()).collect(),
        }
    }

    #[test]
    fn learns_a_tiny_treebank_and_is_deterministic() {
        use Tag as T;
        let train_set = vec![
            sentence(&[
                ("The", T::DT),
                ("official", T::NN),
                ("said", T::VBD),
                ("it", T::PRP),
                ("rained", T::VBD),
                (".", T::PERIOD),
            ]),
            sentence(&[
                ("Officials", T::NNS),
                ("say", T::VBP),
                ("the", T::DT),
                ("plan", T::NN),
                ("failed", T::VBD),
                (".", T::PERIOD),
            ]),
            sentence(&[
                ("An", T::DT),
                ("official", T::JJ),
                ("plan", T::NN),
                ("said", T::VBD),
                ("so", T::RB),
                (".", T::PERIOD),
            ]),
        ];
        let settings = Settings {
            iterations: 10,
            dict_min_count: 100,
            ..Settings::default()
        };
        let tagger = train(&train_set, &settings);
        let (right, all) = accuracy(&tagger, &train_set);
        assert_eq!(right, all, "a perceptron fits its own few sentences");
        // The same data and seed give the same model.
        let again = train(&train_set, &settings);
        assert_eq!(tagger.to_bytes(&[]), again.to_bytes(&[]));
        // Context decides "official": a noun after "The", an adjective
        // before a noun.
        let mut tags = Vec::new();
        tagger.tag(
            &["The", "official", "said", "so", "."],
            |_| super::super::tagger::TAG_BITS,
            &mut Scratch::default(),
            &mut tags,
        );
        assert_eq!(tags[1], T::NN);
    }

    #[test]
    fn irregular_lemmas_are_those_spelling_does_not_give() {
        let mut s = sentence(&[("said", Tag::VBD), ("claimed", Tag::VBD), ("men", Tag::NNS)]);
        s.lemmas = vec!["say".into(), "claim".into(), "man".into()];
        assert_eq!(
            irregular_lemmas(&[s]),
            [("said".to_string(), "say".to_string(), Tag::VBD)]
        );
    }
}
