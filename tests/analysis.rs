//! The analyser on whole articles written for the project: every kind of
//! source, retraction carried backwards and forwards, a dispute, an
//! unconfirmed claim, continued quotes and abbreviations.

use sourcelight::analysis::{Analysis, Analyzer, Claim, SourceKind, analyze};
use sourcelight::document::Document;

fn article(text: &str) -> Analysis {
    analyze(&Document::from_text("test", text).paragraphs)
}

fn sample() -> Analysis {
    article(include_str!("../assets/sample-article.txt"))
}

fn council() -> Analysis {
    article(include_str!("fixtures/council.txt"))
}

/// (anonymous, retracted, claims) of each paragraph.
fn counts(a: &Analysis) -> Vec<(usize, usize, usize)> {
    a.paragraphs
        .iter()
        .map(|p| (p.anonymous, p.retracted, p.claims.len()))
        .collect()
}

fn only_claim(a: &Analysis, paragraph: usize) -> &Claim {
    let claims = &a.paragraphs[paragraph].claims;
    assert_eq!(claims.len(), 1, "paragraph {paragraph}: {claims:#?}");
    &claims[0]
}

#[test]
fn sample_article_scores_every_paragraph() {
    let a = sample();
    assert_eq!(
        counts(&a),
        [
            (0, 0, 0), // headline
            (0, 0, 1), // the mayor: named
            (1, 0, 1), // two engineers, anonymity reason given
            (1, 1, 1), // the leaked memo, retracted two paragraphs later
            (1, 0, 1), // "is said to have": unattributed
            (1, 1, 1), // the memo, retracted here
            (0, 0, 2), // the authority and its named director
            (1, 0, 1), // one resident, unconfirmed
            (0, 0, 2), // a named doctor and his continued quote
            (1, 0, 1), // city officials
            (0, 0, 1), // a published report
            (0, 0, 0), // narration
            (0, 0, 1), // a spokeswoman: named
            (0, 0, 1), // an inspector named in the next paragraph
            (0, 0, 0), // "is expected to" is not a claim
        ]
    );
    assert_eq!(a.summary.claims, 14);
    assert_eq!(a.summary.anonymous, 6);
    assert_eq!(a.summary.retracted, 2);
    assert_eq!(a.summary.score, 10);
    assert!((a.summary.flagged_share - 6.0 / 14.0).abs() < 1e-9);
}

#[test]
fn retraction_reaches_back_and_forward() {
    let a = sample();
    let earlier = only_claim(&a, 3);
    assert!(earlier.retracted);
    let by = earlier.retracted_by.as_ref().expect("retraction reference");
    assert_eq!(by.paragraph, 5);
    assert_eq!(by.text, "was later withdrawn");
    assert_eq!(
        earlier.source.as_ref().unwrap().text(),
        "an internal memo obtained by the Harbour Gazette"
    );
    assert_eq!(earlier.speaker.as_ref().unwrap().text(), "a senior manager");
    assert!(
        earlier.explanation().contains("paragraph 6"),
        "{}",
        earlier.explanation()
    );

    let here = only_claim(&a, 5);
    assert!(here.retracted);
    assert_eq!(
        here.kind,
        SourceKind::Anonymous,
        "the memo stays a leaked memo"
    );
    assert_eq!(here.refers_to.as_ref().unwrap().paragraph, 3);
}

#[test]
fn denial_by_another_party_is_a_dispute_not_a_retraction() {
    let a = sample();
    let memo = only_claim(&a, 5);
    assert!(memo.disputed);
    assert_eq!(memo.disputed_by.as_ref().unwrap().paragraph, 6);
    let denial = &a.paragraphs[6].claims[0];
    assert!(!denial.retracted && denial.kind == SourceKind::Named);
}

#[test]
fn unconfirmed_and_anonymity_reason() {
    let a = sample();
    let resident = only_claim(&a, 7);
    assert!(resident.unconfirmed);
    assert_eq!(resident.anonymity_reason, Some(false));
    assert_eq!(only_claim(&a, 2).anonymity_reason, Some(true));
    assert_eq!(
        only_claim(&a, 1).anonymity_reason,
        None,
        "named sources need no reason"
    );
}

/// A restatement inside a quote ("the Herald’s report that …") counts only
/// if what it restates is retracted; once it counts, the sentence holding
/// it is about another source, so it no longer explains why the anonymous
/// engineer of the sentence before is unnamed.
#[test]
fn a_retracted_restatement_takes_the_next_sentence_from_the_anonymous_source() {
    let engineer = |tail: &str| {
        let a = article(&format!(
            "A senior engineer said the dam was unsafe. He asked not to be named because he \
             feared for his job, and “the Herald’s report that the dam leaked” was his.{tail}"
        ));
        let claims = &a.paragraphs[0].claims;
        let explained = claims[0].explanation();
        let says_why = !explained.contains("does not say why the source is unnamed");
        assert_eq!(claims[0].anonymity_reason, Some(says_why), "{explained}");
        (claims.len(), claims[0].anonymity_reason)
    };
    assert_eq!(engineer(""), (1, Some(true)), "the restatement is dropped");
    let retracted = engineer(" The Herald later retracted its report.");
    assert_eq!(retracted, (2, Some(false)), "the restatement is kept");
}

#[test]
fn continued_quote_in_the_same_paragraph() {
    let a = sample();
    let claims = &a.paragraphs[8].claims;
    // The source is the whole subject, its appositive with it, as the
    // guide's sources are ("a NATO analyst, who spoke on condition of …").
    assert_eq!(
        claims[0].source.as_ref().unwrap().text(),
        "Dr. Amir Haddad, a physician at St. Luke’s clinic"
    );
    assert_eq!(claims[1].rule, "attribution.continued-quote");
    assert_eq!(claims[1].source, claims[0].source);
    assert_eq!(
        claims[1].sentence, 1,
        "'Dr.' and 'St.' do not end sentences"
    );
}

#[test]
fn continued_quote_in_its_own_paragraph() {
    let a = council();
    let q = only_claim(&a, 2);
    assert_eq!(q.rule, "attribution.continued-quote");
    assert_eq!(q.kind, SourceKind::Named);
    assert_eq!(q.refers_to.as_ref().unwrap().paragraph, 1);
}

#[test]
fn described_then_named_later_counts_as_named() {
    let a = sample();
    let inspector = only_claim(&a, 13);
    assert_eq!(inspector.kind, SourceKind::Named);
    assert_eq!(inspector.kind_rule, "source.named-later");
    assert_eq!(
        inspector.refers_to.as_ref().unwrap().text,
        "inspector, Maria Keller"
    );
}

#[test]
fn recanting_retracts_the_earlier_account_not_the_recantation() {
    let a = council();
    let claims = &a.paragraphs[3].claims;
    assert!(claims[0].retracted, "{:#?}", claims[0]);
    assert!(!claims[1].retracted, "the recantation itself stands");
}

#[test]
fn publisher_withdrawing_its_story_retracts_what_it_reported() {
    let a = council();
    let herald = only_claim(&a, 5);
    assert!(herald.retracted && herald.disputed);
    assert_eq!(herald.kind, SourceKind::Named);
}

#[test]
fn sourceless_reports_are_unattributed_with_no_source() {
    let a = council();
    let r = only_claim(&a, 4);
    assert_eq!(r.kind, SourceKind::Unattributed);
    assert!(r.source.is_none());
    assert_eq!(r.cue.text(), "Reports say");
}

#[test]
fn spans_point_at_their_words() {
    for a in [sample(), council()] {
        a.check_contract().unwrap();
        for p in &a.paragraphs {
            for c in &p.claims {
                let explanation = c.explanation();
                assert!(!explanation.is_empty() && explanation.contains(c.rule));
            }
        }
    }
}

#[test]
fn every_claim_explains_its_rules() {
    let a = sample();
    let c = only_claim(&a, 9);
    assert_eq!(c.kind_rule, "source.anonymous-descriptor");
    assert!(
        c.explanation()
            .contains("'City officials' names no person or organisation"),
        "{}",
        c.explanation()
    );
}

#[test]
fn a_long_paragraph_without_full_stops_is_analysed() {
    // Every search is bounded: this took minutes when clause ends were
    // looked for to the end of the (single) sentence for every cue.
    let text = "officials said the plan would fail and residents said ".repeat(4_000);
    let a = article(&text);
    assert_eq!(a.paragraphs.len(), 1);
    // Without full stops every clause runs on, so later cues nest inside
    // earlier ones as inner speakers: fewer claims than cues, but some.
    assert!(a.summary.claims > 0);
    assert!(
        a.paragraphs[0]
            .claims
            .iter()
            .all(|c| a.paragraphs[0].text.is_char_boundary(c.cue.end))
    );
}

#[test]
fn progress_reaches_the_end_and_a_cancelled_analysis_stops() {
    use sourcelight::analysis::Progress;
    let article = sourcelight::generate::article(300, 3);
    let analyzer = Analyzer::default();
    let progress = Progress::default();
    let done = analyzer.analyze_with(&article, &progress).unwrap();
    assert_eq!(progress.fraction(), 1.0);
    assert_eq!(done, analyzer.analyze(&article));
    let cancelled = Progress::default();
    cancelled.cancel();
    assert!(analyzer.analyze_with(&article, &cancelled).is_none());
}

#[test]
fn the_contract_check_catches_a_wrong_span_and_a_wrong_count() {
    let good = council();
    good.check_contract().unwrap();
    let mut moved = good.clone();
    let p = moved
        .paragraphs
        .iter_mut()
        .find(|p| !p.claims.is_empty())
        .unwrap();
    // A span's text is read at its offsets, so a span can no longer cover
    // other words than its own; what can still go wrong is offsets that
    // fall outside the paragraph.
    p.claims[0].cue.end = p.text.len() + 1;
    assert!(
        moved
            .check_contract()
            .unwrap_err()
            .contains("does not cover")
    );
    // Nor may a span count its offsets in another paragraph's text.
    let mut borrowed = good.clone();
    let with_claims: Vec<usize> = (0..borrowed.paragraphs.len())
        .filter(|&i| !borrowed.paragraphs[i].claims.is_empty())
        .collect();
    let foreign = borrowed.paragraphs[with_claims[1]].claims[0].cue.clone();
    borrowed.paragraphs[with_claims[0]].claims[0].cue = foreign;
    assert!(
        borrowed
            .check_contract()
            .unwrap_err()
            .contains("does not cover")
    );
    let mut miscounted = good.clone();
    miscounted.summary.claims += 1;
    assert!(
        miscounted
            .check_contract()
            .unwrap_err()
            .contains("summary counts")
    );
}

/// Analyses an article long enough to be read in several blocks, with
/// `first` as its first paragraph, `last` as its last, and generated
/// news in between; returns the analysis and the last paragraph's index.
fn analyze_long_article_between(first: &str, last: &str) -> (Analysis, usize) {
    let mut paragraphs = vec![first.to_string()];
    paragraphs.extend(sourcelight::generate::article_of_size(200_000, 11));
    paragraphs.push(last.to_string());
    (analyze(&paragraphs), paragraphs.len() - 1)
}

#[test]
fn a_person_described_at_the_start_and_named_at_the_end_counts_as_named() {
    let (a, last) = analyze_long_article_between(
        "A senior inspector warned that the pumps had been failing for years.",
        "The inspector, Maria Keller, has since retired.",
    );
    let inspector = only_claim(&a, 0);
    assert_eq!(inspector.kind, SourceKind::Named);
    assert_eq!(inspector.kind_rule, "source.named-later");
    let named = inspector.refers_to.as_ref().unwrap();
    assert_eq!(
        (named.paragraph, named.text.as_str()),
        (last, "inspector, Maria Keller")
    );
}

#[test]
fn a_retraction_at_the_end_of_a_long_article_reaches_its_start() {
    let (a, last) = analyze_long_article_between(
        "The Coast Herald reported last week that the plant had failed an audit.",
        "The Coast Herald has since withdrawn its story.",
    );
    let report = only_claim(&a, 0);
    assert!(report.retracted, "{report:#?}");
    assert_eq!(report.retracted_by.as_ref().unwrap().paragraph, last);
    assert_eq!(a.paragraphs[0].score, 2);
    // The generated news between has no retraction, so nothing else is.
    assert_eq!(a.summary.retracted, 1);
}

/// Issue 17's reproducer: a description used in earlier paragraphs, then
/// an appositive name, once made coreference index out of bounds.
#[test]
fn a_description_named_later_across_paragraphs_does_not_panic() {
    let a = article(
        "\"We never trusted him,\" said one official.\n\n\
         The officials said the contractor lied, but they said he claimed he heard the plan in a hotel.\n\n\
         The newspaper quoted a health official, Maria Santos, as saying that the mayor had made such promises. Santos runs the clinic.",
    );
    a.check_contract().unwrap();
    assert_eq!(a.paragraphs.len(), 3);
    // The quotation rests on an unnamed official; the last paragraph's
    // claim on a named one.
    assert_eq!(a.paragraphs[0].anonymous, 1);
    let last = &a.paragraphs[2];
    assert!(
        last.claims.iter().any(|c| c.kind == SourceKind::Named),
        "{:#?}",
        last.claims
    );
}
