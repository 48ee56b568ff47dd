//! The bad-input matrix: whatever a newsroom's systems export, the command
//! line neither panics nor runs away. Each case runs the real binary under
//! a memory ceiling (`ulimit -v`, 2 GiB of address space) and a watchdog
//! (`timeout`, 300 s — a hang, not a speed test: speed is in the benches),
//! and checks the outcome: analysed, or refused with a message naming the
//! file and the reason and exit code 2.

mod common;
use common::fixture;

use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `sourcelight ARGS` bounded in memory and time.
fn run_bounded(args: &[&std::ffi::OsStr]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("sourcelight");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"ulimit -v 2097152; exec timeout 300 "$0" "$@""#)
        .arg(&bin)
        .args(args)
        .output()
        .expect("bash runs");
    assert_ne!(out.status.code(), Some(124), "timed out: {args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    out
}

/// `analyze --summary FILE`: the one CSV row, or the stderr message.
fn summary(path: &Path) -> Result<Vec<String>, String> {
    let out = run_bounded(&["analyze".as_ref(), "--summary".as_ref(), path.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    match out.status.code() {
        Some(0) => {
            let mut r = csv::Reader::from_reader(&out.stdout[..]);
            let row = r.records().next().expect("a row").expect("csv");
            Ok(row.iter().map(str::to_string).collect())
        }
        Some(2) => Err(stderr),
        other => panic!("exit {other:?}: {stderr}"),
    }
}

fn paragraphs(row: &[String]) -> usize {
    row[1].parse().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn empty_and_whitespace_only_are_empty_articles() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b" \n\t\r\n \n")] {
        let row = summary(&write(dir.path(), name, bytes)).unwrap();
        assert_eq!(paragraphs(&row), 0, "{name}");
    }
}

#[test]
fn binary_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    let e = summary(&png).unwrap_err();
    assert!(e.contains("photo.txt"), "{e}");
    assert!(e.contains("binary") || e.contains("not readable"), "{e}");
}

#[test]
fn nul_bytes_inside_text_do_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "nul.txt",
        b"Officials said the port\0 would close.\n\nThe mayor said it would not.",
    );
    // Either read (the NUL dropped) or refused as binary — never a panic.
    match summary(&path) {
        Ok(row) => assert_eq!(paragraphs(&row), 2),
        Err(e) => assert!(e.contains("nul.txt"), "{e}"),
    }
}

#[test]
fn invalid_utf8_and_utf16_without_bom_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let latin = write(
        dir.path(),
        "latin.txt",
        b"Caf\xe9 owners said rents doubled.\n\nThe council said \x93no\x94.",
    );
    assert_eq!(paragraphs(&summary(&latin).unwrap()), 2);
    let text = "Officials said the port would close.\n\nThe mayor said it would not.";
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = write(dir.path(), "utf16.txt", &utf16);
    let row = summary(&path).unwrap();
    assert_eq!(paragraphs(&row), 2);
    assert_eq!(row[2], "2", "both claims found, so the text was decoded");
}

#[test]
fn mixed_line_endings_split_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mixed.txt",
        b"One said a.\r\n\r\nTwo said b.\n\nThree said c.\r\rFour said d.",
    );
    assert_eq!(paragraphs(&summary(&path).unwrap()), 4);
}

#[test]
fn one_20_mb_paragraph_without_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "officials",
        "said",
        "the",
        "memo",
        "reportedly",
        "was",
        "retracted",
        "Minister",
        "Smith",
        "according",
        "to",
        "sources",
        "port",
    ];
    let mut text = String::with_capacity(20_000_000);
    let mut i = 7usize;
    while text.len() < 20_000_000 {
        i = i
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(words[(i >> 33) % words.len()]);
        text.push(' ');
    }
    let path = write(dir.path(), "one-paragraph.txt", text.as_bytes());
    let row = summary(&path).unwrap();
    assert_eq!(paragraphs(&row), 1);
    // Every claim's row, with its policy checklist: each check once
    // searched the whole paragraph, and this file took over ten minutes.
    let out = run_bounded(&[
        "analyze".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let mut rows = csv::Reader::from_reader(&out.stdout[..]);
    let claims = rows.records().count();
    assert_eq!(claims.to_string(), row[2], "one row per claim");
    assert!(claims > 10_000, "{claims} claims");
}

#[test]
fn a_hundred_thousand_short_paragraphs_and_a_1_mb_line() {
    let dir = tempfile::tempdir().unwrap();
    let many: String = (0..100_000)
        .map(|i| format!("Officials said {i} ships sank.\n\n"))
        .collect();
    let row = summary(&write(dir.path(), "many.txt", many.as_bytes())).unwrap();
    assert_eq!(paragraphs(&row), 100_000);
    assert_eq!(row[2], "100000");
    let line = "word ".repeat(200_000);
    let row = summary(&write(dir.path(), "line.txt", line.as_bytes())).unwrap();
    assert_eq!(paragraphs(&row), 1);
}

#[test]
fn html_nested_10000_deep_and_html_with_scripts_comments_and_cdata() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}<p>Officials said the port would close.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let row = summary(&write(dir.path(), "deep.html", deep.as_bytes())).unwrap();
    assert_eq!(row[2], "1", "the claim inside is found");
    let noisy = "<html><head><script>var s = 'officials said evil';</script>\
        <style>p { color: red }</style></head><body><!-- sources said hidden -->\
        <p>The mayor said the port would close.</p><![CDATA[ officials said cdata ]]>\
        <script type=\"application/ld+json\">{\"a\": \"officials said json\"}</script></body></html>";
    let row = summary(&write(dir.path(), "noisy.html", noisy.as_bytes())).unwrap();
    assert_eq!(
        row[2], "1",
        "only the paragraph's claim, nothing from scripts or comments"
    );
}

#[test]
fn docx_zip_bomb_and_docx_without_document_are_refused() {
    let e = summary(&fixture("zip-bomb.docx")).unwrap_err();
    assert!(
        e.contains("zip-bomb.docx") && e.contains("inflates to more than"),
        "{e}"
    );
    let e = summary(&fixture("missing-document.docx")).unwrap_err();
    assert!(e.contains("missing-document.docx"), "{e}");
}

#[test]
fn a_folder_is_refused_and_a_missing_file_named() {
    // (With --summary a folder is read for its articles; without, it is
    // not an article.)
    let dir = tempfile::tempdir().unwrap();
    let out = run_bounded(&["analyze".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("is a folder"), "{e}");
    let e = summary(&dir.path().join("gone.txt")).unwrap_err();
    assert!(e.contains("gone.txt") && e.contains("no such file"), "{e}");
}

#[test]
fn a_file_deleted_between_listing_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Officials said a.");
    write(dir.path(), "b.txt", b"Officials said b.");
    let listed = sourcelight::document::articles_in(dir.path()).unwrap();
    assert_eq!(listed.len(), 2);
    std::fs::remove_file(&listed[0]).unwrap();
    let analyzer = sourcelight::analysis::Analyzer::default();
    let results: Vec<_> = listed
        .iter()
        .map(|p| sourcelight::desk::open(p, &analyzer, &[], true))
        .collect();
    let e = results[0].as_ref().unwrap_err().to_string();
    assert!(e.contains("a.txt") && e.contains("no such file"), "{e}");
    assert!(results[1].is_ok(), "the other file is still read");
}

#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "secret.txt", b"Officials said x.");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, nothing to test.
        return;
    }
    let e = summary(&path).unwrap_err();
    assert!(
        e.contains("secret.txt") && e.contains("permission denied"),
        "{e}"
    );
}

#[test]
fn a_rules_file_with_wrong_types_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "house.json",
        br#"{"version": 1, "weights": {"anonymous": 1, "retracted": "two"}}"#,
    );
    let out = run_bounded(&[
        "analyze".as_ref(),
        "--rules".as_ref(),
        rules.as_os_str(),
        fixture("council.txt").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("house.json") && e.contains("weights.retracted"),
        "{e}"
    );
}

#[test]
fn sidecars_and_keys_from_a_future_version_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("council.txt");
    std::fs::copy(fixture("council.txt"), &article).unwrap();
    let side = write(
        dir.path(),
        "council.txt.sourcelight.json",
        br#"{"version": 2, "decisions": [], "what_is_new": true}"#,
    );
    let e = summary(&article).unwrap_err();
    assert!(e.contains("format version 2"), "{e}");
    assert_eq!(
        std::fs::read(&side).unwrap(),
        br#"{"version": 2, "decisions": [], "what_is_new": true}"#
    );
    let key = write(
        dir.path(),
        "key.json",
        br#"{"format": "sourcelight-key", "version": 3}"#,
    );
    let out = run_bounded(&[
        "grade".as_ref(),
        key.as_os_str(),
        fixture("classroom/perfect.json").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("key.json") && e.contains("format version 3"),
        "{e}"
    );
}

#[test]
fn a_retraction_watch_csv_with_broken_quoting_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = std::fs::read(fixture("retraction-watch.csv")).unwrap();
    csv.extend_from_slice(b"9,\"unterminated, \"\"quote\n10,\"\",\"\",\"\n\xff\xfe,,,\n");
    let list = write(dir.path(), "rw.csv", &csv);
    let out = run_bounded(&[
        "analyze".as_ref(),
        "--retractions".as_ref(),
        list.as_os_str(),
        fixture("harbour.txt").as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"][2]["claims"][0]["retracted"], true);
}
