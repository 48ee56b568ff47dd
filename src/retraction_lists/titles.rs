//! Finding listed titles in running text.
//!
//! Titles and paragraphs are both reduced to their lower-case words joined
//! by single spaces, so case, punctuation and quotation marks do not matter.
//! Titles are indexed by their first three words: at each word of a
//! paragraph one hash lookup finds the few titles that could start there,
//! and each is compared whole. Building the index is linear in the list's
//! size (the 60 MB Retraction Watch file indexes in about a second), and a
//! paragraph costs one lookup per word whatever the list's size. An
//! Aho-Corasick automaton was tried first: with 120,000 titles its
//! leftmost-longest failure links took 20 s to build.

use std::collections::HashMap;
use std::ops::Range;

/// Words that key the index.
const KEY_WORDS: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct TitleIndex {
    /// First words → (normalised title, entry index).
    by_start: HashMap<String, Vec<(String, usize)>>,
    /// Titles shorter than the key, by their whole text.
    short: HashMap<String, usize>,
}

/// Lower-case words of `text` with their byte ranges.
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text[s..i].to_lowercase(), s..i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl TitleIndex {
    pub fn insert(&mut self, title: &str, entry: usize) {
        let w: Vec<String> = words(title).into_iter().map(|(w, _)| w).collect();
        if w.is_empty() {
            return;
        }
        let whole = w.join(" ");
        if w.len() < KEY_WORDS {
            self.short.entry(whole).or_insert(entry);
        } else {
            self.by_start
                .entry(w[..KEY_WORDS].join(" "))
                .or_default()
                .push((whole, entry));
        }
    }

    /// Titles written in `text`: the byte range of each and its entry.
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let w = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let mut best: Option<(usize, usize)> = None; // (words, entry)
            if i + KEY_WORDS <= w.len() {
                let key = join(&w[i..i + KEY_WORDS]);
                for (title, entry) in self.by_start.get(&key).into_iter().flatten() {
                    let n = title.split(' ').count();
                    if i + n <= w.len()
                        && join(&w[i..i + n]) == *title
                        && best.is_none_or(|(b, _)| n > b)
                    {
                        best = Some((n, *entry));
                    }
                }
            }
            if best.is_none() && !self.short.is_empty() {
                for n in (1..KEY_WORDS).rev() {
                    if let Some(&entry) = w.get(i..i + n).and_then(|s| self.short.get(&join(s))) {
                        best = Some((n, entry));
                        break;
                    }
                }
            }
            match best {
                Some((n, entry)) => {
                    out.push((w[i].1.start..w[i + n - 1].1.end, entry));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

fn join(words: &[(String, Range<usize>)]) -> String {
    let mut s = String::new();
    for (k, (w, _)) in words.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_whole_words_ignoring_case_and_punctuation() {
        let mut index = TitleIndex::default();
        index.insert("Vitamin D levels: predicting recovery from influenza", 0);
        index.insert("Vitamin D levels", 1);
        index.insert("Sleep and grades", 2);
        let text = "A study, “vitamin D levels predicting recovery from influenza,” was cited.";
        let found = index.find(text);
        assert_eq!(found.len(), 1);
        let (range, entry) = &found[0];
        assert_eq!(entry, &0, "the longest title wins");
        assert_eq!(
            &text[range.clone()],
            "vitamin D levels predicting recovery from influenza"
        );
        assert!(index.find("xsleep and grades").is_empty());
        assert_eq!(index.find("on sleep and grades, she said").len(), 1);
    }
}
