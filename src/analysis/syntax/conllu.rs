//! Reading treebank sentences in the CoNLL-U format
//! (<https://universaldependencies.org/format.html>): the few columns the
//! tagger learns from. Pure: it is given the file's text.

use super::tags::Tag;

/// One treebank sentence: its words with their gold tags and lemmas.
#[derive(Debug, Clone, PartialEq)]
pub struct TreebankSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    pub lemmas: Vec<String>,
}

/// The sentences of a CoNLL-U text. Multiword-token lines ("19-20
/// don't") and empty nodes ("8.1") are skipped: the words they stand for
/// are listed on their own lines. A word cut at its hyphens ("so", "-",
/// "called", written without spaces) is joined back into one word with
/// the last piece's tag, as the tokenizer keeps it. Lines that do not
/// parse are skipped; a tag this build does not know makes its sentence
/// be skipped.
pub fn read(text: &str) -> Vec<TreebankSentence> {
    let mut out = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut bad = false;
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !rows.is_empty() && !bad {
                out.push(join_hyphens(std::mem::take(&mut rows)));
            }
            rows.clear();
            bad = false;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        match Tag::from_name(cols[4]) {
            Some(tag) => rows.push(Row {
                word: cols[1].to_string(),
                lemma: cols[2].to_string(),
                tag,
                space_after: !cols[9].contains("SpaceAfter=No"),
            }),
            None => bad = true,
        }
    }
    out
}

struct Row {
    word: String,
    lemma: String,
    tag: Tag,
    space_after: bool,
}

fn join_hyphens(rows: Vec<Row>) -> TreebankSentence {
    let mut s = TreebankSentence {
        words: Vec::with_capacity(rows.len()),
        tags: Vec::with_capacity(rows.len()),
        lemmas: Vec::with_capacity(rows.len()),
    };
    let mut i = 0;
    while i < rows.len() {
        let mut word = rows[i].word.clone();
        let mut lemma = rows[i].lemma.clone();
        let mut tag = rows[i].tag;
        let mut j = i;
        // word "-" word, with no space on either side of the hyphen.
        while j + 2 < rows.len()
            && !rows[j].space_after
            && rows[j + 1].tag == Tag::HYPH
            && rows[j + 1].word == "-"
            && !rows[j + 1].space_after
            && rows[j + 2].word.starts_with(char::is_alphanumeric)
            && word.ends_with(char::is_alphanumeric)
        {
            word.push('-');
            word.push_str(&rows[j + 2].word);
            lemma.push('-');
            lemma.push_str(&rows[j + 2].lemma);
            tag = rows[j + 2].tag;
            j += 2;
        }
        s.words.push(word);
        s.tags.push(tag);
        s.lemmas.push(lemma);
        i = j + 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n\
        1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
        2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
        3\tsay\tsay\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
        4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\
        \n\
        1\tso\tso\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n\
        2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
        3\tcalled\tcall\tVERB\tVBN\t_\t4\tamod\t_\t_\n\
        3.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\
        4\tplan\tplan\tNOUN\tNN\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_tags_and_lemmas_joining_hyphens() {
        let s = read(SAMPLE);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["do", "n't", "say", "."]);
        assert_eq!(s[0].tags, [Tag::VBP, Tag::RB, Tag::VB, Tag::PERIOD]);
        assert_eq!(s[1].words, ["so-called", "plan"]);
        assert_eq!(s[1].tags, [Tag::VBN, Tag::NN]);
        assert_eq!(s[1].lemmas, ["so-call", "plan"]);
    }
}
