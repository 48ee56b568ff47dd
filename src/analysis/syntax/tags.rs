//! The part-of-speech tags: the Penn Treebank tags the English Web
//! Treebank's `XPOS` column uses. They carry what attribution rules need
//! and the universal tags do not: a verb's form (`VBD` past, `VBN`
//! participle, `VBG` gerund, `VBZ`/`VBP` present, `MD` modal), and the
//! possessive `'s` (`POS`) apart from the verb `'s`.

/// A tag, by its index in [`NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Tag(pub u8);

/// Every tag, in the order of their indices. The order is part of the
/// model file: append, never reorder.
pub const NAMES: &[&str] = &[
    "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD", "VBP", "VBZ",
    "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "''", "WP",
    "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR", "ADD", "GW", "$", "SYM",
    "PDT", "LS", "FW", "RBS", "AFX", "WP$", "XX",
];

/// The number of tags.
pub const COUNT: usize = NAMES.len();

macro_rules! tags {
    ($($name:ident = $i:expr),* $(,)?) => {
        $(pub const $name: Tag = Tag($i);)*
    };
}

impl Tag {
    tags! {
        NN = 0, IN = 1, DT = 2, NNP = 3, PRP = 4, JJ = 5, RB = 6, PERIOD = 7, VB = 8, NNS = 9,
        COMMA = 10, CC = 11, VBD = 12, VBP = 13, VBZ = 14, CD = 15, VBN = 16, VBG = 17, MD = 18,
        TO = 19, PRPS = 20, RRB = 21, LRB = 22, WDT = 23, COLON = 24, WRB = 25, OPEN_QUOTE = 26,
        CLOSE_QUOTE = 27, WP = 28, RP = 29, UH = 30, POS = 31, HYPH = 32, NNPS = 33, JJR = 34,
        JJS = 35, EX = 36, NFP = 37, RBR = 38, ADD = 39, GW = 40, DOLLAR = 41, SYM = 42,
        PDT = 43, LS = 44, FW = 45, RBS = 46, AFX = 47, WPS = 48, XX = 49,
    }

    pub fn name(self) -> &'static str {
        NAMES.get(self.0 as usize).copied().unwrap_or("?")
    }

    pub fn from_name(name: &str) -> Option<Tag> {
        NAMES.iter().position(|n| *n == name).map(|i| Tag(i as u8))
    }

    /// Nouns, common or proper, singular or plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    pub fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    pub fn is_plural_noun(self) -> bool {
        matches!(self, Tag::NNS | Tag::NNPS)
    }

    /// Any verb form, modals included.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBP | Tag::VBZ | Tag::VBN | Tag::VBG | Tag::MD
        )
    }

    /// A verb form that can head a clause on its own: past or present
    /// tense, or a modal.
    pub fn is_finite(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ | Tag::MD)
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    pub fn is_determiner(self) -> bool {
        matches!(self, Tag::DT | Tag::PDT | Tag::WDT)
    }

    /// Marks: punctuation, brackets, quotation marks.
    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            Tag::PERIOD
                | Tag::COMMA
                | Tag::COLON
                | Tag::RRB
                | Tag::LRB
                | Tag::OPEN_QUOTE
                | Tag::CLOSE_QUOTE
                | Tag::HYPH
                | Tag::NFP
        )
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_their_names() {
        assert_eq!(COUNT, 50);
        for (tag, name) in [
            (Tag::NN, "NN"),
            (Tag::PRPS, "PRP$"),
            (Tag::OPEN_QUOTE, "``"),
            (Tag::CLOSE_QUOTE, "''"),
            (Tag::WPS, "WP$"),
            (Tag::XX, "XX"),
            (Tag::VBN, "VBN"),
            (Tag::POS, "POS"),
        ] {
            assert_eq!(tag.name(), name);
            assert_eq!(Tag::from_name(name), Some(tag));
        }
    }
}
