//! The editor's controls in the inspector: change a claim's kind, mark its
//! source retracted or not, dismiss its flag with a reason, write a note on
//! the paragraph; and the anonymous-source policy checklist.
//!
//! Every control only pushes an [`Action`]; the decision is recorded (with
//! undo) and laid over the analysis in [`super::SourcelightApp::apply`].
//! The analyser's own value stays visible beside any the editor changed.

use std::collections::HashMap;

use egui::RichText;

use super::{Action, highlight};
use crate::analysis::policy::{ParagraphChecklist, Verdict};
use crate::analysis::{Claim, SourceKind};
use crate::review::Change;

/// Text typed but not yet applied.
#[derive(Debug, Default, Clone)]
pub struct Drafts {
    /// The reason fields for dismissing flags, per (paragraph, claim).
    pub dismiss: HashMap<(usize, usize), String>,
    /// The note being written, per paragraph.
    pub note: Option<(usize, String)>,
    /// F6 was pressed: the inspector's first control takes the keyboard
    /// on the next frame.
    pub focus_inspector: bool,
    /// The first claim's first control takes the keyboard (F6 or Enter on
    /// a paragraph with claims).
    pub focus_first_claim: bool,
}

const KINDS: [SourceKind; 3] = [
    SourceKind::Named,
    SourceKind::Anonymous,
    SourceKind::Unattributed,
];

/// Decision controls for claim `ci` of paragraph `pi`.
pub fn claim_controls(
    ui: &mut egui::Ui,
    pi: usize,
    ci: usize,
    c: &Claim,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let editor = c.editor.as_ref();
    ui.horizontal_wrapped(|ui| {
        let mut kind = c.kind;
        let combo = egui::ComboBox::new(("kind", pi, ci), "Kind")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for k in KINDS {
                    ui.selectable_value(&mut kind, k, k.label());
                }
            });
        if std::mem::take(&mut drafts.focus_first_claim) {
            combo.response.request_focus();
            combo.response.scroll_to_me(None);
        }
        if kind != c.kind {
            actions.push(Action::Decide {
                paragraph: pi,
                claim: ci,
                change: Change::Kind { kind },
            });
        }
        if let Some(e) = editor.filter(|e| e.kind.is_some()) {
            ui.label(RichText::new(format!("(analyser: {})", e.analyser_kind.label())).weak());
            if ui.small_button("Reset").clicked() {
                actions.push(Action::Undecide {
                    paragraph: pi,
                    claim: ci,
                    change: Change::Kind { kind: c.kind },
                });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut retracted = c.retracted;
        if ui
            .checkbox(&mut retracted, "Source retracted")
            .on_hover_text("Applies to every claim resting on this source")
            .changed()
        {
            actions.push(Action::Decide {
                paragraph: pi,
                claim: ci,
                change: Change::Retracted { retracted },
            });
        }
        if let Some(e) = editor.filter(|e| e.retracted.is_some()) {
            let was = if e.analyser_retracted { "yes" } else { "no" };
            ui.label(RichText::new(format!("(analyser: {was})")).weak());
            if ui.small_button("Reset").clicked() {
                actions.push(Action::Undecide {
                    paragraph: pi,
                    claim: ci,
                    change: Change::Retracted { retracted },
                });
            }
        }
    });
    match editor.and_then(|e| e.dismissed.as_ref()) {
        Some(reason) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Flag dismissed: {reason}")).italics());
                if ui.small_button("Restore flag").clicked() {
                    actions.push(Action::Undecide {
                        paragraph: pi,
                        claim: ci,
                        change: Change::Dismiss {
                            reason: String::new(),
                        },
                    });
                }
            });
        }
        None if c.kind.is_flagged() || c.retracted => {
            let reason = drafts.dismiss.entry((pi, ci)).or_default();
            let mut dismissed = false;
            // Wraps in a narrow inspector rather than overflowing it.
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::TextEdit::singleline(reason)
                        .hint_text("reason, e.g. source known to the desk")
                        .desired_width(180.0_f32.min(ui.available_width())),
                );
                // A dismissal is a decision the report carries: it needs
                // its reason.
                let given = !reason.trim().is_empty();
                let button = ui
                    .add_enabled(given, egui::Button::new("Dismiss flag"))
                    .on_disabled_hover_text("Give a reason first: the report shows it");
                if button.clicked() && given {
                    actions.push(Action::Decide {
                        paragraph: pi,
                        claim: ci,
                        change: Change::Dismiss {
                            reason: reason.trim().to_string(),
                        },
                    });
                    dismissed = true;
                }
            });
            if dismissed {
                drafts.dismiss.remove(&(pi, ci));
            }
        }
        None => {}
    }
}

/// The memory key of "the note being written has had its focus".
const NOTE_FOCUSED: &str = "note-box-focused";

/// The note on a paragraph: shown, and editable.
pub fn note(
    ui: &mut egui::Ui,
    pi: usize,
    current: Option<&str>,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let editing = matches!(&drafts.note, Some((p, _)) if *p == pi);
    if !editing {
        ui.horizontal_wrapped(|ui| {
            match current {
                Some(n) => ui.label(RichText::new(format!("Note: {n}")).italics()),
                None => ui.label(RichText::new("No note on this paragraph.").weak()),
            };
            let label = if current.is_some() {
                "Edit note"
            } else {
                "Add note"
            };
            let button = ui.small_button(label);
            if std::mem::take(&mut drafts.focus_inspector) {
                button.request_focus();
                button.scroll_to_me(None);
            }
            if button.clicked() {
                drafts.note = Some((pi, current.unwrap_or_default().to_string()));
                ui.data_mut(|d| d.remove::<bool>(egui::Id::unique(NOTE_FOCUSED)));
            }
        });
        return;
    }
    let Some((_, text)) = &mut drafts.note else {
        return;
    };
    let field = ui.add(
        egui::TextEdit::multiline(text)
            .hint_text("A note for the reporter or the desk")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    // Typing goes into the note as soon as it opens (and on F6).
    super::menu::focus_once(ui, NOTE_FOCUSED, &field);
    if std::mem::take(&mut drafts.focus_inspector) {
        field.request_focus();
    }
    let (save, cancel) = ui
        .horizontal(|ui| {
            (
                ui.button("Save note").clicked(),
                ui.button("Cancel").clicked(),
            )
        })
        .inner;
    if save {
        actions.push(Action::SetNote {
            paragraph: pi,
            text: text.clone(),
        });
    }
    if save || cancel {
        drafts.note = None;
    }
}

/// The policy checklist of an anonymous claim.
pub fn checklist(ui: &mut egui::Ui, policy: &ParagraphChecklist, pi: usize, ci: usize) {
    let checks = policy.checks(ci);
    if checks.is_empty() {
        return;
    }
    let applicable = checks
        .iter()
        .filter(|c| c.verdict != Verdict::NotApplicable)
        .count();
    let met = checks.iter().filter(|c| c.verdict == Verdict::Pass).count();
    egui::CollapsingHeader::new(format!("Policy checklist: {met} of {applicable} met"))
        .id_salt(("policy", pi, ci))
        .default_open(true)
        .show(ui, |ui| {
            for check in &checks {
                let colour = match check.verdict {
                    Verdict::Pass => highlight::colour(highlight::theme(ui).pass),
                    Verdict::Fail => highlight::colour(highlight::theme(ui).fail),
                    Verdict::NotApplicable => ui.visuals().weak_text_color(),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(check.verdict.label()).color(colour).strong());
                    ui.label(check.question);
                })
                .response
                .on_hover_text(&check.why);
            }
        });
}
