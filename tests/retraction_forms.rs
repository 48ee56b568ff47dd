//! One whole article per form a retraction takes (the sourcing guide's
//! table), written for the project in `tests/fixtures/retraction/`, and one
//! of near misses that are not retractions. Each claim is written as
//! `cue / source / kind`, with `R` when retracted and `D` when disputed.

use sourcelight::analysis::{Claim, analyze};
use sourcelight::document::Document;

fn line(c: &Claim) -> String {
    let source = c.source.as_ref().map_or("-", |s| s.text());
    let mut flags = String::new();
    if c.retracted {
        flags.push('R');
    }
    if c.disputed {
        flags.push('D');
    }
    if c.unconfirmed {
        flags.push('U');
    }
    let flags = if flags.is_empty() {
        flags
    } else {
        format!(" {flags}")
    };
    format!("{} / {source} / {}{flags}", c.cue.text(), c.kind.label())
}

fn claims(name: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/fixtures/retraction/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let a = analyze(&Document::from_text(name, &text).paragraphs);
    a.check_contract().unwrap();
    a.paragraphs
        .iter()
        .flat_map(|p| p.claims.iter().map(line))
        .collect()
}

#[test]
fn a_notice_restating_the_content_and_the_outlets_own_note() {
    assert_eq!(
        claims("notice"),
        [
            "said / an article by Lotte Ferns / named R",
            // "the paper" is the outlet that withdrew the article.
            "said / the paper / named",
            "said / The board's chair, Idris Kell / named",
        ]
    );
}

#[test]
fn a_report_withdrawn_after_its_claims() {
    assert_eq!(
        claims("backward"),
        [
            "said / A report by the Fenwick Ledger / named R",
            "said / The report / named R",
            "said / Councillor Mina Roth / named",
            "saying / The Ledger / named",
        ]
    );
}

#[test]
fn a_memo_withdrawn_before_its_content_is_told() {
    assert_eq!(
        claims("forward"),
        [
            "had said / The memo / named R",
            "said / Engineer Paula Voss / named",
        ]
    );
}

#[test]
fn recanted_testimony_but_not_what_is_said_now() {
    assert_eq!(
        claims("recantation"),
        [
            "told / Tomas Greer, a night guard at the depot / named R",
            "denies / The owner / named",
            "telling / Greer / named",
            "says / Greer / named",
        ]
    );
}

#[test]
fn a_withdrawn_statement_and_a_deleted_post() {
    assert_eq!(
        claims("statement"),
        [
            "said / The Eastfold water company / named R",
            "saying / The company / named",
            "said / the company's chief executive, Rhea Amos / named R",
        ]
    );
}

#[test]
fn a_retracted_paper_and_the_journals_reason() {
    assert_eq!(
        claims("paper"),
        [
            "reported / Dr. Karl Osei / named R",
            // The journal's own words, not a warning by the reporter.
            "saying / The journal / named",
            "said / Dr. Osei / named",
        ]
    );
}

#[test]
fn denials_refusals_other_senses_and_corrections_retract_nothing() {
    assert_eq!(
        claims("near-misses"),
        [
            "reported / The Coastline Gazette / named D",
            "denied the report, calling / The transport ministry / named",
            "said / The Gazette / named",
        ]
    );
}
