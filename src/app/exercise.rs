//! Exercise mode's state: the answer key, the student's marks, the words
//! being selected, and the result of "Check my work".
//!
//! The analysis stays hidden in this mode: the article view shows plain
//! text with the student's marks, and nothing of the key shows until the
//! student checks.

use crate::analysis::SourceKind;

/// What the student does in exercise mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    ClickWord { paragraph: usize, word: usize },
    ClearSelection,
    NextKind(SourceKind),
    NextRetracted(bool),
    MarkSelection,
    Remove(usize),
    SetKind(usize, SourceKind),
    SetRetracted(usize, bool),
    Check,
    KeepMarking,
}
use crate::classroom::{self, AnswerKey, Grade, Mark, Submission};

/// Words of a paragraph, as byte ranges (what the student clicks).
pub fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part_of_word = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                // A trailing full stop ends the sentence, not the word.
                let mut e = i;
                while e > s && text[..e].ends_with('.') && !text[s..e - 1].contains('.') {
                    e -= 1;
                }
                if e > s {
                    out.push(s..e);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[derive(Debug, Clone)]
pub struct Exercise {
    pub key: AnswerKey,
    pub marks: Vec<Mark>,
    /// Selected words: paragraph, first and last word index.
    pub selection: Option<(usize, usize, usize)>,
    /// Kind and retraction for the next mark.
    pub kind: SourceKind,
    pub retracted: bool,
    /// The result, once checked; cleared when marks change.
    pub checked: Option<Grade>,
    /// Marks changed since saved.
    pub unsaved: bool,
    /// Opened from a key file: the student cannot leave the exercise to
    /// see the analysis.
    pub locked: bool,
}

impl Exercise {
    pub fn new(key: AnswerKey) -> Exercise {
        Exercise {
            key,
            marks: Vec::new(),
            selection: None,
            kind: SourceKind::Named,
            retracted: false,
            checked: None,
            unsaved: false,
            locked: false,
        }
    }

    /// Clicking word `w` of paragraph `p`: starts a selection, or extends
    /// the one in the same paragraph to it.
    pub fn click_word(&mut self, p: usize, w: usize) {
        self.selection = match self.selection {
            Some((sp, a, b)) if sp == p && (a, b) != (w, w) => Some((p, a.min(w), b.max(w))),
            _ => Some((p, w, w)),
        };
    }

    /// Turns the selection into a mark.
    pub fn mark_selection(&mut self, paragraph_text: &str) {
        let Some((p, a, b)) = self.selection.take() else {
            return;
        };
        let w = words(paragraph_text);
        let (Some(first), Some(last)) = (w.get(a), w.get(b)) else {
            return;
        };
        let (start, end) = (first.start, last.end);
        self.marks
            .retain(|m| !(m.paragraph == p && m.start == start && m.end == end));
        self.marks.push(Mark {
            paragraph: p,
            start,
            end,
            text: paragraph_text[start..end].to_string(),
            kind: self.kind,
            retracted: self.retracted,
        });
        self.marks.sort_by_key(|m| (m.paragraph, m.start));
        // Retracted is the exception: the next mark starts without it.
        self.retracted = false;
        self.changed();
    }

    pub fn remove(&mut self, i: usize) {
        if i < self.marks.len() {
            self.marks.remove(i);
            self.changed();
        }
    }

    pub fn set_kind(&mut self, i: usize, kind: SourceKind) {
        if let Some(m) = self.marks.get_mut(i) {
            m.kind = kind;
            self.changed();
        }
    }

    pub fn set_retracted(&mut self, i: usize, retracted: bool) {
        if let Some(m) = self.marks.get_mut(i) {
            m.retracted = retracted;
            self.changed();
        }
    }

    fn changed(&mut self) {
        self.checked = None;
        self.unsaved = true;
    }

    pub fn check(&mut self) {
        self.checked = Some(classroom::grade(&self.key, &self.marks));
    }

    /// Applies a student's step; `text_of` gives a paragraph's text.
    pub fn step(&mut self, step: Step, text_of: impl Fn(usize) -> Option<String>) {
        match step {
            Step::ClickWord { paragraph, word } => self.click_word(paragraph, word),
            Step::ClearSelection => self.selection = None,
            Step::NextKind(k) => self.kind = k,
            Step::NextRetracted(r) => self.retracted = r,
            Step::MarkSelection => {
                if let Some(text) = self.selection.and_then(|(p, _, _)| text_of(p)) {
                    self.mark_selection(&text);
                }
            }
            Step::Remove(i) => self.remove(i),
            Step::SetKind(i, k) => self.set_kind(i, k),
            Step::SetRetracted(i, r) => self.set_retracted(i, r),
            Step::Check => self.check(),
            Step::KeepMarking => self.checked = None,
        }
    }

    /// How the paragraph went, once checked.
    pub fn agreement(&self, paragraph: usize) -> Option<classroom::Agreement> {
        self.checked
            .as_ref()
            .and_then(|g| g.paragraphs.get(paragraph))
            .map(|r| r.agreement)
    }

    pub fn submission(&self) -> Submission {
        Submission::new(&self.key.title, self.marks.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_dots_and_apostrophes_and_drop_sentence_stops() {
        // "Dr." loses its stop like any word's last: marks are compared by
        // overlapping words, so the stop does not matter.
        let text = "Dr. Lee said the U.S. plan failed. It’s over.";
        let got: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Dr", "Lee", "said", "the", "U.S.", "plan", "failed", "It’s", "over"
            ]
        );
    }

    #[test]
    fn clicks_select_a_run_of_words_and_mark_it() {
        let text = "Two senior officials said it.";
        let key = AnswerKey::from_analysis(
            "t",
            &crate::analysis::Analyzer::default().analyze(&[text]),
            true,
        );
        let mut e = Exercise::new(key);
        e.click_word(0, 2);
        e.click_word(0, 0);
        assert_eq!(e.selection, Some((0, 0, 2)));
        e.kind = SourceKind::Anonymous;
        e.mark_selection(text);
        assert_eq!(e.marks[0].text, "Two senior officials");
        e.check();
        assert_eq!(e.checked.as_ref().unwrap().mark, 100);
        e.set_kind(0, SourceKind::Named);
        assert!(e.checked.is_none(), "changing a mark hides the old result");
    }
}
