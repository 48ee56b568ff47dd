//! Markdown: headings, list items and paragraphs each become a paragraph;
//! emphasis, links and inline code lose their markup and keep their words.
//! `pulldown-cmark` does the parsing, so every CommonMark corner case is
//! handled the way other Markdown tools handle it.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub fn paragraphs(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let trimmed = current.trim();
        if !trimmed.is_empty() {
            out.push(trimmed.to_string());
        }
        current.clear();
    };
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::CodeBlock(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => flush(&mut current, &mut out),
            Event::Text(t) | Event::Code(t) => {
                // Code blocks keep their line breaks in the text; a paragraph
                // never holds one.
                for (i, line) in t.split('\n').enumerate() {
                    if i > 0 && !current.ends_with(' ') {
                        current.push(' ');
                    }
                    current.push_str(line);
                }
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_items_and_paragraphs() {
        let md = "# The *title*\n\nA [linked](http://x) word\nwrapped.\n\n- first item\n- second **item**\n";
        assert_eq!(
            paragraphs(md),
            vec![
                "The title",
                "A linked word wrapped.",
                "first item",
                "second item"
            ]
        );
    }
}
