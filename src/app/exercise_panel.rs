//! The exercise panel (in place of the inspector in exercise mode): the
//! selected paragraph's words to click, the kind and retraction to give
//! them, the student's marks, and "Check my work" with its result.

use egui::{Color32, RichText};

use super::exercise::{Exercise, Step, words};
use super::loader::Dialog;
use super::{Action, Article, highlight};
use crate::analysis::SourceKind;
use crate::classroom::Agreement;
use crate::classroom::grade::Outcome;

const KINDS: [SourceKind; 3] = [
    SourceKind::Named,
    SourceKind::Anonymous,
    SourceKind::Unattributed,
];

/// Green / amber / red by agreement: the gutter badge's background.
pub fn agreement_colour(a: Agreement) -> Option<Color32> {
    let [full, partial, none] = crate::palette::AGREEMENT.map(highlight::colour);
    match a {
        Agreement::Full => Some(full),
        Agreement::Partial => Some(partial),
        Agreement::None => Some(none),
        Agreement::Empty => None,
    }
}

/// The same, as text on the panel (darker in the light theme, lighter in
/// the dark, to stay at 4.5:1).
fn agreement_text_colour(ui: &egui::Ui, a: Agreement) -> Color32 {
    let t = highlight::theme(ui);
    match a {
        Agreement::Full => highlight::colour(t.pass),
        Agreement::Partial => highlight::colour(t.partial),
        Agreement::None => highlight::colour(t.fail),
        Agreement::Empty => ui.visuals().text_color(),
    }
}

pub fn show(
    ui: &mut egui::Ui,
    article: &Article,
    ex: &Exercise,
    selected: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let step = |s: Step| Action::Exercise(s);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading("Exercise");
            ui.label(
                "Mark the source of every claim: click its first and last word, choose its kind, \
             and press Mark as source. Check your work when you are done.",
            );
            ui.separator();
            match selected.and_then(|p| article.analysis.paragraphs.get(p).map(|x| (p, x))) {
                None => {
                    ui.label("Click a paragraph to mark its sources.");
                }
                Some((pi, p)) => {
                    ui.label(RichText::new(format!("Paragraph {}", pi + 1)).strong());
                    let sel = ex.selection.filter(|(sp, _, _)| *sp == pi);
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 2.0;
                        for (wi, r) in words(&p.text).into_iter().enumerate() {
                            let on = sel.is_some_and(|(_, a, b)| a <= wi && wi <= b);
                            if ui.selectable_label(on, &p.text[r]).clicked() {
                                actions.push(step(Step::ClickWord {
                                    paragraph: pi,
                                    word: wi,
                                }));
                            }
                        }
                    });
                    ui.horizontal_wrapped(|ui| {
                        ui.label("Kind:");
                        for k in KINDS {
                            if ui.radio(ex.kind == k, k.label()).clicked() {
                                actions.push(step(Step::NextKind(k)));
                            }
                        }
                    });
                    ui.horizontal(|ui| {
                        let mut r = ex.retracted;
                        if ui.checkbox(&mut r, "Retracted").changed() {
                            actions.push(step(Step::NextRetracted(r)));
                        }
                        if ui
                            .add_enabled(sel.is_some(), egui::Button::new("Mark as source"))
                            .clicked()
                        {
                            actions.push(step(Step::MarkSelection));
                        }
                        if sel.is_some() && ui.button("Clear selection").clicked() {
                            actions.push(step(Step::ClearSelection));
                        }
                    });
                }
            }
            ui.separator();
            marks(ui, ex, actions);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Check my work").clicked() {
                    actions.push(step(Step::Check));
                }
                if ui.button("Save my marks…").clicked() {
                    actions.push(Action::Dialog(Dialog::SaveMarks));
                }
            });
            if let Some(g) = &ex.checked {
                result(ui, article, ex, g, actions);
            }
        });
}

fn marks(ui: &mut egui::Ui, ex: &Exercise, actions: &mut Vec<Action>) {
    ui.label(RichText::new(format!("Your marks ({})", ex.marks.len())).strong());
    if ex.marks.is_empty() {
        ui.label(RichText::new("None yet.").weak());
    }
    for (i, m) in ex.marks.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("¶{} “{}”", m.paragraph + 1, m.text));
            let mut kind = m.kind;
            egui::ComboBox::new(("mark kind", i), "kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in KINDS {
                        ui.selectable_value(&mut kind, k, k.label());
                    }
                });
            if kind != m.kind {
                actions.push(Action::Exercise(Step::SetKind(i, kind)));
            }
            let mut r = m.retracted;
            if ui.checkbox(&mut r, "retracted").changed() {
                actions.push(Action::Exercise(Step::SetRetracted(i, r)));
            }
            if ui.small_button("Remove").clicked() {
                actions.push(Action::Exercise(Step::Remove(i)));
            }
        });
    }
}

fn result(
    ui: &mut egui::Ui,
    article: &Article,
    ex: &Exercise,
    g: &crate::classroom::Grade,
    actions: &mut Vec<Action>,
) {
    ui.separator();
    ui.label(
        RichText::new(format!(
            "Matched {}, missed {}, wrong {}",
            g.matched, g.missed, g.wrong
        ))
        .strong(),
    );
    ui.label(format!(
        "Precision {:.0}%, recall {:.0}%",
        g.precision * 100.0,
        g.recall * 100.0
    ));
    ui.label(RichText::new(format!("Mark: {} / 100", g.mark)).heading());
    if ui.button("Keep marking").clicked() {
        actions.push(Action::Exercise(Step::KeepMarking));
    }
    let explain = ex.key.show_explanations;
    for r in g.paragraphs.iter().filter(|r| !r.outcomes.is_empty()) {
        let colour = agreement_text_colour(ui, r.agreement);
        egui::CollapsingHeader::new(
            RichText::new(format!("Paragraph {}", r.paragraph + 1)).color(colour),
        )
        .id_salt(("result", r.paragraph))
        .default_open(r.agreement != Agreement::Full)
        .show(ui, |ui| {
            for o in &r.outcomes {
                let (what, answer, mark) = match *o {
                    Outcome::Matched { answer, mark } => ("Matched", Some(answer), Some(mark)),
                    Outcome::Mislabeled { answer, mark } => {
                        ("Marked wrongly", Some(answer), Some(mark))
                    }
                    Outcome::Missed { answer } => ("Missed", Some(answer), None),
                    Outcome::Extra { mark } => ("Marked wrongly (no claim here)", None, Some(mark)),
                };
                let a = answer.and_then(|i| ex.key.answers.get(i));
                let m = mark.and_then(|i| ex.marks.get(i));
                let mut line = what.to_string();
                if let Some(m) = m {
                    line += &format!(
                        ": you marked “{}” {}{}",
                        m.text,
                        m.kind.label(),
                        if m.retracted { ", retracted" } else { "" }
                    );
                }
                if let Some(a) = a {
                    line += &format!(
                        "{} the key has “{}” {}{}",
                        if m.is_some() { ";" } else { ":" },
                        a.text,
                        a.kind.label(),
                        if a.retracted { ", retracted" } else { "" }
                    );
                }
                ui.label(line);
                if let Some(a) = a.filter(|_| explain) {
                    ui.label(RichText::new(&a.explanation).weak());
                }
            }
        });
    }
    let _ = article;
}
