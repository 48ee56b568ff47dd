//! HTML: paragraph-level elements (`p`, headings, list items, block quotes,
//! table cells) become paragraphs; page furniture (script, style, nav,
//! header, footer, figure captions, asides, forms) is dropped; entities are
//! decoded by the parser. `scraper` (html5ever) parses the way browsers do,
//! so broken real-world markup still yields the article's text.
//!
//! Hostile nesting is flattened before parsing: html5ever's tree building
//! slows down with the depth of open elements (a page nested 20,000 levels
//! deep took 45 s in a debug build), and no article nests deeper than a few
//! dozen levels. The walk over the tree is iterative as well.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "figcaption",
    "aside",
    "form",
    "button",
    "svg",
    "head",
    "iframe",
    "select",
    "textarea",
];

const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "body",
    "figure",
    "address",
];

/// Deeper element nesting than this is dropped (the text is kept).
const MAX_DEPTH: usize = 256;

pub fn paragraphs(source: &str) -> Vec<String> {
    let flattened;
    let source = if max_depth(source) > MAX_DEPTH {
        flattened = flatten(source, MAX_DEPTH);
        flattened.as_str()
    } else {
        source
    };
    let document = Html::parse_document(source);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut dropped_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if dropped_depth > 0 || DROPPED.contains(&name) {
                        dropped_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        flush(&mut current, &mut out);
                    } else if name == "br" {
                        current.push(' ');
                    }
                }
                Node::Text(text) if dropped_depth == 0 => push_collapsed(&mut current, text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if dropped_depth > 0 {
                        dropped_depth -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        flush(&mut current, &mut out);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// One tag found by the shallow scanner.
enum Tag {
    Open,
    Close,
    Other,
}

/// Scans tags without parsing: `(start, end, kind)` of each, skipping the
/// raw text of scripts and styles and the insides of comments.
fn scan_tags(source: &str) -> Vec<(usize, usize, Tag)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        if source[start..].starts_with("<!--") {
            let end = source[start..]
                .find("-->")
                .map_or(bytes.len(), |e| start + e + 3);
            out.push((start, end, Tag::Other));
            i = end;
            continue;
        }
        let Some(close) = source[start..].find('>') else {
            break;
        };
        let end = start + close + 1;
        let inner = &source[start + 1..end - 1];
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let kind = if name.is_empty() || inner.starts_with('!') || inner.starts_with('?') {
            Tag::Other
        } else if inner.starts_with('/') {
            Tag::Close
        } else if inner.ends_with('/') || VOID.contains(&name.as_str()) {
            Tag::Other
        } else {
            Tag::Open
        };
        out.push((start, end, kind));
        i = end;
        if matches!(name.as_str(), "script" | "style") && !inner.starts_with('/') {
            let closing = format!("</{name}");
            i = find_ignore_case(&bytes[i..], closing.as_bytes()).map_or(bytes.len(), |e| i + e);
        }
    }
    out
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The deepest element nesting, as the shallow scanner sees it.
fn max_depth(source: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0;
    for (_, _, tag) in scan_tags(source) {
        match tag {
            Tag::Open => {
                depth += 1;
                max = max.max(depth);
            }
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Other => {}
        }
    }
    max
}

/// Drops the tags (not the text) of elements nested deeper than `limit`.
fn flatten(source: &str, limit: usize) -> String {
    let mut out = String::with_capacity(source.len());
    let mut depth = 0usize;
    let mut last = 0;
    for (start, end, tag) in scan_tags(source) {
        let keep = match tag {
            Tag::Open => {
                depth += 1;
                depth <= limit
            }
            Tag::Close => {
                let keep = depth <= limit;
                depth = depth.saturating_sub(1);
                keep
            }
            Tag::Other => true,
        };
        out.push_str(&source[last..start]);
        if keep {
            out.push_str(&source[start..end]);
        } else {
            out.push(' ');
        }
        last = end;
    }
    out.push_str(&source[last.min(source.len())..]);
    out
}

fn push_collapsed(current: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        let starts_with_space = text.starts_with(char::is_whitespace);
        if (i > 0 || starts_with_space) && !current.is_empty() && !current.ends_with(' ') {
            current.push(' ');
        }
        current.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !current.is_empty() && !current.ends_with(' ') {
        current.push(' ');
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let trimmed = current.trim();
    if !trimmed.is_empty() {
        out.push(trimmed.to_string());
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_furniture() {
        let html = "<html><head><title>T</title><script>var x;</script></head><body>\
            <nav>Home | News</nav><h1>Head&shy;line</h1>\
            <p>First <b>bold</b> para&amp;graph,\n  wrapped.</p>\
            <figure><img src=x><figcaption>Caption</figcaption></figure>\
            <ul><li>one</li><li>two</li></ul><footer>(c)</footer></body></html>";
        assert_eq!(
            paragraphs(html),
            vec![
                "Head\u{AD}line",
                "First bold para&graph, wrapped.",
                "one",
                "two"
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(paragraphs(&html), vec!["deep"]);
    }
}
