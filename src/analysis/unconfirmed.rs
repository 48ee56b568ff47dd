//! "Not officially confirmed", "could not be independently verified": the
//! text warns that a claim is unconfirmed. The warning marks the claims of
//! its own sentence, or of the sentence before when it stands alone ("The
//! account could not be verified.").

use std::ops::Range;

use super::lexicon::tag;
use super::text::Paragraph;

pub static RULE_ID: &str = "unconfirmed.phrase";

/// The sentences of a paragraph that carry an unconfirmed warning, with its words.
/// Whether [`find`] may find anything in the paragraph: it has a warning's
/// words.
pub fn may_occur(p: &Paragraph) -> bool {
    p.mentions(tag::UNCONFIRMED)
}

pub fn find(p: &Paragraph) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    if !may_occur(p) {
        return out;
    }
    for i in 0..p.tokens.len() {
        if let Some(last) = p.phrase_at(i, tag::UNCONFIRMED) {
            out.push((p.sentence_of(i), p.span(i, last)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::rules::Rules;

    #[test]
    fn finds_warnings() {
        let lex = Lexicon::new(&Rules::builtin());
        let p = Paragraph::new(
            "He said so. The account could not be independently verified.",
            &lex,
        );
        let f = find(&p);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 1);
        assert_eq!(
            &p.text[f[0].1.clone()],
            "could not be independently verified"
        );
    }
}
