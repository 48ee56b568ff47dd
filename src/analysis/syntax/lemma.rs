//! The inflected forms of a word list's lemmas: rule lists name "say",
//! "official", "retract", and match "said", "officials", "retracting".
//!
//! Regular forms come from English spelling rules; the irregular ones
//! ("said", "told", "men", "spokeswomen") from the treebank the tagger is
//! trained on, kept in the model file ([`super::Syntax::irregular`]). Where
//! a spelling rule is unsure (double the final consonant or not: "stopped"
//! but "visited"), both forms are made: a form no text uses costs nothing.

use super::tags::Tag;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the word ends consonant-vowel-consonant ("stop", "admit"),
/// where the consonant may double before a suffix. The "u" of "qu" is a
/// consonant's sound: "quip" doubles ("quipped"), as "quit" and "equip".
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    let qu = n >= 4 && w[n - 3] == b'u' && w[n - 4] == b'q';
    n >= 3
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && (!is_vowel(w[n - 3]) || qu)
}

/// "-s" forms: third person singular of a verb, plural of a noun.
fn s_forms(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        vec![format!("{w}es")]
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        vec![format!("{}ies", &w[..n - 1])]
    } else if w.ends_with('o') {
        vec![format!("{w}s"), format!("{w}es")]
    } else {
        vec![format!("{w}s")]
    }
}

/// The regular forms of a verb lemma with their tags (the lemma itself
/// as VB and VBP).
pub fn verb_forms(lemma: &str) -> Vec<(String, Tag)> {
    let w = lemma;
    let b = w.as_bytes();
    let n = b.len();
    let mut out = vec![(w.to_string(), Tag::VB), (w.to_string(), Tag::VBP)];
    if n == 0 || !w.is_ascii() {
        return out;
    }
    out.extend(s_forms(w).into_iter().map(|f| (f, Tag::VBZ)));
    let mut past = Vec::new();
    let mut ing = Vec::new();
    if w.ends_with('e') {
        past.push(format!("{w}d"));
        if w.ends_with("ie") {
            ing.push(format!("{}ying", &w[..n - 2]));
        } else if w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe") {
            ing.push(format!("{w}ing"));
        } else {
            ing.push(format!("{}ing", &w[..n - 1]));
        }
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        past.push(format!("{}ied", &w[..n - 1]));
        ing.push(format!("{w}ing"));
    } else {
        past.push(format!("{w}ed"));
        ing.push(format!("{w}ing"));
        if ends_cvc(b) {
            let last = &w[n - 1..];
            past.push(format!("{w}{last}ed"));
            ing.push(format!("{w}{last}ing"));
        }
        if w.ends_with('c') {
            past.push(format!("{w}ked"));
            ing.push(format!("{w}king"));
        }
    }
    for p in past {
        out.push((p.clone(), Tag::VBD));
        out.push((p, Tag::VBN));
    }
    out.extend(ing.into_iter().map(|f| (f, Tag::VBG)));
    out
}

/// The regular plurals of a noun lemma ("official" → "officials",
/// "spokesman" → "spokesmen", "wife" → "wives").
pub fn noun_plurals(lemma: &str) -> Vec<String> {
    let w = lemma;
    let mut out = s_forms(w);
    if let Some(stem) = w.strip_suffix("man") {
        out.push(format!("{stem}men"));
    }
    if let Some(stem) = w.strip_suffix("person") {
        out.push(format!("{stem}people"));
    }
    if let Some(stem) = w.strip_suffix("fe") {
        out.push(format!("{stem}ves"));
    } else if let Some(stem) = w.strip_suffix('f') {
        out.push(format!("{stem}ves"));
    }
    if let Some(stem) = w.strip_suffix("child") {
        out.push(format!("{stem}children"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(lemma: &str) -> Vec<String> {
        verb_forms(lemma).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn verbs_inflect_by_spelling_rules() {
        for (lemma, form) in [
            ("claim", "claimed"),
            ("claim", "claiming"),
            ("claim", "claims"),
            ("believe", "believed"),
            ("believe", "believing"),
            ("deny", "denied"),
            ("deny", "denies"),
            ("stop", "stopped"),
            ("admit", "admitted"),
            ("visit", "visited"),
            ("stress", "stresses"),
            ("tie", "tying"),
            ("agree", "agreeing"),
            ("panic", "panicked"),
            ("quip", "quipped"),
            ("equip", "equipping"),
        ] {
            assert!(forms(lemma).contains(&form.to_string()), "{lemma} → {form}");
        }
    }

    #[test]
    fn nouns_form_plurals() {
        for (lemma, plural) in [
            ("official", "officials"),
            ("witness", "witnesses"),
            ("spokesman", "spokesmen"),
            ("agency", "agencies"),
            ("wife", "wives"),
            ("grandchild", "grandchildren"),
            ("chairperson", "chairpeople"),
        ] {
            assert!(
                noun_plurals(lemma).contains(&plural.to_string()),
                "{lemma} → {plural}"
            );
        }
    }
}
