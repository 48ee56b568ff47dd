//! The inspector: the selected paragraph's claims, each with its cue,
//! source, speaker, kind, flags and the explanation of every rule that
//! fired; a link to the paragraph that retracts or disputes it; then the
//! article's source roster and a legend.

use std::collections::BTreeMap;

use egui::RichText;

use super::highlight::Palette;
use super::review_controls::{self, Drafts};
use super::{Action, SourcelightApp};
use crate::analysis::policy::ParagraphChecklist;
use crate::analysis::{Claim, Reference, SourceKind};

/// Claims shown as cards for one paragraph. Real paragraphs hold a few; a
/// pasted document with no paragraph breaks can hold tens of thousands,
/// and a card per claim per frame would stall the window.
const MOST_CLAIM_CARDS: usize = 200;

pub fn show(
    ui: &mut egui::Ui,
    app: &SourcelightApp,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let Some(article) = app.current_article() else {
        return;
    };
    let palette = Palette::new(ui.visuals().dark_mode);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.heading("Inspector");
        if !article.unplaced.is_empty() {
            egui::CollapsingHeader::new(format!(
                "{} saved decision(s) no longer fit the text",
                article.unplaced.len()
            ))
            .default_open(true)
            .show(ui, |ui| {
                for u in &article.unplaced {
                    ui.label(format!("Was paragraph {}: {}", u.paragraph, u.what));
                }
            });
        }
        match app.selected_paragraph.and_then(|i| article.analysis.paragraphs.get(i)) {
            None => {
                ui.label("Click a paragraph or its score to see its claims. F8 goes to the next flagged paragraph.");
            }
            Some(p) => {
                let claims = match p.claims.len() {
                    1 => "1 claim".to_string(),
                    n => format!("{n} claims"),
                };
                ui.label(
                    RichText::new(format!(
                        "Paragraph {}: score {} — {claims}, {} anonymous or unattributed, {} retracted",
                        p.index + 1,
                        crate::report::score_text(p.score, p.analyser_score),
                        p.anonymous,
                        p.retracted
                    ))
                    .strong(),
                );
                // F6 (or Enter on a badge) lands on the first claim's
                // decisions; on the note when there is no claim.
                if !p.claims.is_empty() && std::mem::take(&mut drafts.focus_inspector) {
                    drafts.focus_first_claim = true;
                }
                review_controls::note(ui, p.index, p.note.as_deref(), drafts, actions);
                if p.claims.is_empty() {
                    ui.label("No claims: nothing here is attributed to a source or hedged.");
                }
                let policy = ParagraphChecklist::new(&article.analysis, p.index);
                for (n, c) in p.claims.iter().enumerate().take(MOST_CLAIM_CARDS) {
                    claim(ui, n, c, p.index, &palette, actions, |ui, actions| {
                        review_controls::claim_controls(ui, p.index, n, c, drafts, actions);
                        review_controls::checklist(ui, &policy, p.index, n);
                    });
                }
                if p.claims.len() > MOST_CLAIM_CARDS {
                    ui.label(format!(
                        "Showing the first {MOST_CLAIM_CARDS} of {} claims in this paragraph; \
                         File, Export writes them all.",
                        p.claims.len()
                    ));
                }
            }
        }
        ui.add_space(12.0);
        roster(ui, app, &palette, actions);
        ui.add_space(12.0);
        legend(ui, &palette);
    });
}

fn claim(
    ui: &mut egui::Ui,
    n: usize,
    c: &Claim,
    here: usize,
    palette: &Palette,
    actions: &mut Vec<Action>,
    review: impl FnOnce(&mut egui::Ui, &mut Vec<Action>),
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Claim {}", n + 1)).strong());
            ui.label(
                RichText::new(format!(" {} ", c.kind.label()))
                    .background_color(palette.kind(c.kind))
                    .color(palette.text),
            );
            if c.retracted {
                ui.label(RichText::new("RETRACTED").color(palette.retracted).strong());
            }
            if c.disputed {
                ui.label(RichText::new("disputed").italics());
            }
            if c.unconfirmed {
                ui.label(RichText::new("unconfirmed").italics());
            }
            if c.dismissed() {
                ui.label(RichText::new("dismissed").italics());
            }
        });
        ui.label(format!("Cue: “{}”", c.cue.text()));
        ui.label(format!(
            "Source: {}",
            c.source
                .as_ref()
                .map_or("none given".to_string(), |s| format!("“{}”", s.text()))
        ));
        if let Some(s) = &c.speaker {
            ui.label(format!("Speaker: “{}”", s.text()));
        }
        if let Some(r) = &c.refers_to {
            link(ui, "Refers to", r, here, actions);
        }
        if let Some(r) = &c.retracted_by {
            link(ui, "Retracted by", r, here, actions);
        }
        if let Some(r) = &c.disputed_by {
            link(ui, "Disputed by", r, here, actions);
        }
        match c.anonymity_reason {
            Some(true) => {
                ui.label("Anonymity: the text says why the source is unnamed.");
            }
            Some(false) => {
                ui.label("Anonymity: no reason given for leaving the source unnamed.");
            }
            None => {}
        }
        if let Some(l) = &c.listed {
            ui.label(format!(
                "Listed in {}: “{}” — {} {}{}",
                l.list,
                l.title,
                l.nature,
                l.date,
                if l.reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", l.reason)
                }
            ));
        }
        ui.label(RichText::new(c.explanation()).weak());
        ui.separator();
        review(ui, actions);
    });
}

fn link(ui: &mut egui::Ui, what: &str, r: &Reference, here: usize, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{what} “{}”", r.text));
        if r.paragraph != here {
            let text = format!("paragraph {}", r.paragraph + 1);
            if ui
                .link(text)
                .on_hover_text("Go to that paragraph")
                .clicked()
            {
                actions.push(Action::SelectParagraph(r.paragraph));
            }
        } else {
            ui.label("(this paragraph)");
        }
    });
}

/// Every source of the article, its kind, how many claims rest on it and where.
fn roster(ui: &mut egui::Ui, app: &SourcelightApp, palette: &Palette, actions: &mut Vec<Action>) {
    let Some(article) = app.current_article() else {
        return;
    };
    egui::CollapsingHeader::new(format!("Sources ({})", article.roster.len()))
        .default_open(true)
        .show(ui, |ui| {
            for entry in &article.roster {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(" {} ", entry.kind.label()))
                            .background_color(palette.kind(entry.kind))
                            .color(palette.text),
                    );
                    let plural = if entry.claims == 1 { "" } else { "s" };
                    ui.label(format!("{} — {} claim{plural}", entry.name, entry.claims));
                    for &p in entry.paragraphs.iter().take(12) {
                        if ui.small_button(format!("¶{}", p + 1)).clicked() {
                            actions.push(Action::SelectParagraph(p));
                        }
                    }
                    if entry.paragraphs.len() > 12 {
                        ui.label(format!("and {} more", entry.paragraphs.len() - 12));
                    }
                });
            }
        });
}

/// One line of the source roster.
pub struct RosterEntry {
    pub name: String,
    pub kind: SourceKind,
    pub claims: usize,
    pub paragraphs: Vec<usize>,
}

/// The roster of an article, built once when it is opened.
pub fn build_roster(analysis: &crate::analysis::Analysis) -> Vec<RosterEntry> {
    let mut sources: BTreeMap<(String, SourceKind), (usize, Vec<usize>)> = BTreeMap::new();
    for p in &analysis.paragraphs {
        for c in &p.claims {
            let name = c
                .refers_to
                .as_ref()
                .map(|r| r.text.clone())
                .or_else(|| c.source.as_ref().map(|s| s.text().to_string()));
            let name = name.unwrap_or_else(|| "(unattributed)".to_string());
            let entry = sources.entry((name, c.kind)).or_default();
            entry.0 += 1;
            if entry.1.last() != Some(&p.index) {
                entry.1.push(p.index);
            }
        }
    }
    sources
        .into_iter()
        .map(|((name, kind), (claims, paragraphs))| RosterEntry {
            name,
            kind,
            claims,
            paragraphs,
        })
        .collect()
}

fn legend(ui: &mut egui::Ui, palette: &Palette) {
    egui::CollapsingHeader::new("Legend")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(super::highlight::legend_job(
                egui::FontId::proportional(13.0),
                palette,
            ));
            ui.label(
                "The small letter after a source names its kind: N named, A anonymous, \
                 U unattributed (on a claim with no source, after its reporting words).",
            );
            ui.label(
                "Score = anonymous + 2 × retracted claims (house rules may change the weights).",
            );
        });
}
