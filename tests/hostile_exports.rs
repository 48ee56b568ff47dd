//! Article text that a renderer could read as markup — HTML, links, code
//! fences, table pipes, headings, backslashes — goes through every export
//! format and comes out as text: the Markdown renders with no element the
//! article did not ask for, the HTML report escapes it, the CSV and JSON
//! read back to the same words.

use pulldown_cmark::{Event, Parser, Tag};
use sourcelight::analysis::{Analysis, analyze};
use sourcelight::report::{self, Article, Format};

/// Each paragraph opens with a claim, so every report lists it; the
/// markup follows.
const HOSTILE: &[&str] = &[
    "Officials said the dam would hold. <script>alert('x')</script> It was <b>bold</b>.",
    "Officials said the dam would hold. # Not a heading [click here](http://evil.example)",
    "Officials said the dam would hold. ```\nrm -rf /\n``` and `code` | pipes | stayed.",
    "Officials said the dam would hold. C:\\new\\table *stars* _underscores_ & \"quotes\".",
    "Officials said the dam would hold.\n1. Not a list\n> Not a quote ![img](x.png)",
];

fn analysis() -> Analysis {
    analyze(HOSTILE)
}

#[test]
fn markdown_renders_article_text_as_text() {
    let a = analysis();
    let md = report::render(Format::Md, &[Article::new("<evil>.txt", &a)], false);
    let mut text = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML reached the renderer: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image: {dest_url}"),
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => panic!("code in:\n{md}"),
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    for words in [
        "<script>alert('x')</script>",
        "[click here](http://evil.example)",
        "`code`",
        "C:\\new\\table",
        "*stars*",
        "_underscores_",
        "![img](x.png)",
        "# Not a heading",
    ] {
        assert!(
            text.contains(words),
            "{words:?} not shown as text in:\n{text}"
        );
    }
}

#[test]
fn the_html_report_escapes_article_text() {
    let a = analysis();
    let html = report::render(Format::Html, &[Article::new("<evil>.txt", &a)], false);
    assert!(!html.contains("<script>alert"), "unescaped script");
    assert!(!html.contains("<b>bold</b>"), "unescaped markup");
    assert!(!html.contains("<evil>"), "unescaped file name");
    assert!(html.contains("&lt;script&gt;"), "script not shown as text");
}

#[test]
fn csv_and_json_read_back_the_same_words() {
    let a = analysis();
    let articles = [Article::new("evil.txt", &a)];
    let csv_text = report::render(Format::Csv, &articles, false);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let cue = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "cue")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let claims: Vec<_> = a.paragraphs.iter().flat_map(|p| &p.claims).collect();
    assert_eq!(rows.len(), claims.len());
    for (row, c) in rows.iter().zip(&claims) {
        assert_eq!(&row[cue], c.cue.text());
    }
    let json = report::render(Format::Json, &articles, false);
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    for (k, p) in v["paragraphs"].as_array().unwrap().iter().enumerate() {
        assert_eq!(p["text"].as_str().unwrap(), HOSTILE[k]);
    }
}

#[test]
fn the_text_report_keeps_the_words_as_written() {
    let a = analysis();
    let text = report::render(Format::Text, &[Article::new("evil.txt", &a)], false);
    assert!(text.contains("<script>alert('x')</script>"));
}
