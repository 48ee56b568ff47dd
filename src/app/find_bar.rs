//! Find in article (Ctrl+F): type words, Enter goes to the next paragraph
//! that contains them, Escape closes the bar.

use super::{Action, SourcelightApp};

/// The state of the find bar.
#[derive(Default)]
pub struct Find {
    pub query: String,
    /// Paragraphs containing the query, for `searched`.
    matches: Vec<usize>,
    searched: String,
    /// Position in `matches` of the last paragraph shown.
    shown: Option<usize>,
    pub focus: bool,
}

impl Find {
    /// Paragraph indices whose text contains `query`, ignoring case.
    pub fn search<'a>(texts: impl Iterator<Item = (usize, &'a str)>, query: &str) -> Vec<usize> {
        let q = query.to_lowercase();
        if q.trim().is_empty() {
            return Vec::new();
        }
        texts
            .filter(|(_, t)| t.to_lowercase().contains(&q))
            .map(|(i, _)| i)
            .collect()
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut SourcelightApp, actions: &mut Vec<Action>) {
    let Some(article) = app.current.and_then(|i| app.articles.get(i)) else {
        return;
    };
    let Some(find) = app.find.as_mut() else {
        return;
    };
    let mut close = false;
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let edit = ui
            .add(egui::TextEdit::singleline(&mut find.query).desired_width(260.0))
            .labelled_by(label.id);
        if find.focus {
            edit.request_focus();
            find.focus = false;
        }
        if find.query != find.searched {
            let texts = article
                .analysis
                .paragraphs
                .iter()
                .map(|p| (p.index, &*p.text));
            find.matches = Find::search(texts, &find.query);
            find.searched = find.query.clone();
            find.shown = None;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (enter || ui.button("Next").clicked()) && !find.matches.is_empty() {
            let next = find.shown.map_or(0, |s| (s + 1) % find.matches.len());
            find.shown = Some(next);
            actions.push(Action::SelectParagraph(find.matches[next]));
            find.focus = enter;
        }
        match (find.matches.len(), find.shown) {
            (0, _) if !find.query.is_empty() => {
                ui.label("no matches");
            }
            (0, _) => {}
            (n, Some(s)) => {
                ui.label(format!("{} of {n} paragraphs", s + 1));
            }
            (n, None) => {
                ui.label(format!("{n} paragraphs"));
            }
        }
        close = ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
    });
    if close {
        app.find = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case() {
        let texts = vec![(0, "The Memo"), (1, "nothing"), (2, "a memo again")];
        assert_eq!(Find::search(texts.into_iter(), "memo"), [0, 2]);
    }
}
