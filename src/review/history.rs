//! Undo and redo for review decisions.
//!
//! A review is a few hundred bytes, so each step keeps a whole copy: undo
//! can never replay a change wrongly, and the code stays obvious.

use super::Review;

/// Most steps kept; the oldest are forgotten first.
const LIMIT: usize = 200;

#[derive(Debug, Default, Clone)]
pub struct History {
    past: Vec<Review>,
    future: Vec<Review>,
}

impl History {
    /// Call before changing `current`: remembers it for undo and forgets
    /// what could be redone.
    pub fn record(&mut self, current: &Review) {
        self.past.push(current.clone());
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Steps back; returns whether anything changed.
    pub fn undo(&mut self, current: &mut Review) -> bool {
        match self.past.pop() {
            Some(previous) => {
                self.future.push(std::mem::replace(current, previous));
                true
            }
            None => false,
        }
    }

    /// Steps forward again; returns whether anything changed.
    pub fn redo(&mut self, current: &mut Review) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(current, next));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_note(text: &str) -> Review {
        let mut r = Review::default();
        r.set_note(0, "p", text);
        r
    }

    #[test]
    fn undo_then_redo_returns_to_each_state() {
        let mut h = History::default();
        let mut r = Review::default();
        h.record(&r);
        r = with_note("one");
        h.record(&r);
        r = with_note("two");
        assert!(h.undo(&mut r));
        assert_eq!(r, with_note("one"));
        assert!(h.undo(&mut r));
        assert_eq!(r, Review::default());
        assert!(!h.undo(&mut r));
        assert!(h.redo(&mut r));
        assert!(h.redo(&mut r));
        assert_eq!(r, with_note("two"));
        assert!(!h.redo(&mut r));
    }

    #[test]
    fn a_new_change_forgets_the_redo_steps() {
        let mut h = History::default();
        let mut r = Review::default();
        h.record(&r);
        r = with_note("one");
        h.undo(&mut r);
        h.record(&r);
        r = with_note("other");
        assert!(!h.can_redo());
        assert_eq!(r, with_note("other"));
    }
}
