//! Loading every format and encoding the newsroom sends, and refusing what
//! is not an article with a message that names the file.

mod common;
use common::fixture;

use sourcelight::document::{Document, Format, LoadError, load};

fn paragraphs(name: &str) -> Vec<String> {
    load(&fixture(name))
        .unwrap_or_else(|e| panic!("{e}"))
        .paragraphs
}

const FERRY: [&str; 3] = [
    "Ferry service to Gull Island was suspended on Friday after a hull crack was found, the port authority said.",
    "Two deckhands, who asked not to be named for fear of losing their jobs, said the crack had been reported in May.",
    "The ferry operator is rumored to be selling its oldest vessel.",
];

#[test]
fn markdown_headings_items_and_markup() {
    let p = paragraphs("ferry.md");
    assert_eq!(p[0], "Ferry suspended after hull crack");
    assert_eq!(&p[1..4], &FERRY);
    assert_eq!(
        p[4],
        "A statement from the operator said repairs would take a month."
    );
}

#[test]
fn html_paragraphs_without_furniture() {
    let p = paragraphs("ferry.html");
    assert_eq!(p[0], "Ferry suspended after hull crack");
    assert_eq!(p[1], FERRY[0]);
    assert_eq!(p[2], FERRY[1].replace('\'', "\u{2019}"));
    assert_eq!(
        p[3],
        "The ferry operator is rumored to be selling its oldest vessel \u{2014} a 40\u{2011}year\u{2011}old ship."
    );
    assert_eq!(p.len(), 4, "{p:#?}");
}

#[test]
fn docx_paragraphs_across_runs() {
    let doc = load(&fixture("ferry.docx")).unwrap();
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(doc.paragraphs, FERRY);
}

#[test]
fn every_encoding_gives_the_same_text() {
    let expected = [
        "\u{201C}The crack is new,\u{201D} said Capt. Jos\u{e9} Ib\u{e1}\u{f1}ez, the ferry\u{2019}s master.",
        "Residents say the caf\u{e9} by the pier closed.",
    ];
    for name in [
        "windows-1252.txt",
        "utf16-le.txt",
        "utf16-be.txt",
        "utf8-bom.txt",
        "old-mac-cr.txt",
    ] {
        assert_eq!(paragraphs(name), expected, "{name}");
    }
    assert_eq!(
        load(&fixture("windows-1252.txt")).unwrap().encoding,
        Some("windows-1252")
    );
}

#[test]
fn lines_without_blank_lines_are_paragraphs() {
    assert_eq!(paragraphs("wire-lines.txt").len(), 3);
}

#[test]
fn empty_files_are_empty_articles() {
    assert!(paragraphs("empty.txt").is_empty());
    assert!(paragraphs("whitespace.txt").is_empty());
}

fn error(name: &str) -> LoadError {
    load(&fixture(name)).expect_err(name)
}

#[test]
fn errors_name_the_file_and_the_reason() {
    let cases = [
        ("image.txt", "PNG"),
        ("not-a-zip.docx", "zip"),
        ("missing-document.docx", "word/document.xml"),
        ("no-such-file.txt", "no such file"),
    ];
    for (name, reason) in cases {
        let message = error(name).to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains(reason), "{message}");
    }
    let dir = load(&fixture("")).unwrap_err();
    assert!(matches!(dir, LoadError::IsDirectory { .. }), "{dir}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    std::fs::write(&path, "Officials said so.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; the check only means something for other users.
    if std::fs::read(&path).is_err() {
        let e = load(&path).unwrap_err();
        assert!(matches!(e, LoadError::PermissionDenied { .. }), "{e}");
        assert!(e.to_string().contains("locked.txt"));
    }
}

#[test]
fn pasted_text_is_an_article() {
    let d = Document::from_text("Pasted", "One.\n\nTwo.");
    assert_eq!(d.paragraphs, ["One.", "Two."]);
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(sourcelight::document::MAX_FILE_BYTES + 1)
        .unwrap(); // sparse: no disk used
    let e = load(&path).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string().contains("huge.txt") && e.to_string().contains("limit"),
        "{e}"
    );
}
