//! The article, paragraph by paragraph, with a score badge in a gutter and
//! the sources highlighted; a heat strip beside it shows where the flagged
//! paragraphs are.
//!
//! Long articles stay smooth because only visible paragraphs are laid out:
//! every paragraph has a height — measured once it has been laid out,
//! estimated from its length before — and the scroll area asks only for
//! the rows in the viewport. Galleys are cached until the wrap width, zoom
//! or theme changes; then heights fall back to estimates and are measured
//! again as paragraphs come into view (a change of width would otherwise
//! re-lay out every paragraph, ~1.4 s at 5,000 paragraphs).

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Galley, Rect, Role, Sense, Vec2, WidgetInfo, pos2, vec2};

use super::highlight::{Palette, marked_job, paragraph_job};
use super::{Action, Article, badge};
use crate::analysis::Analysis;

/// Width of the gutter: the paragraph's number, then its score badge.
const GUTTER: f32 = 70.0;
/// Where the badge starts in the gutter.
const BADGE_X: f32 = 30.0;
/// Space between paragraphs.
const GAP: f32 = 14.0;
/// Widest reading column.
const MAX_COLUMN: f32 = 860.0;
/// Width of the heat strip.
const STRIP: f32 = 10.0;

/// Heights and galleys of an article's paragraphs for one layout.
pub struct LayoutCache {
    heights: Vec<f32>,
    measured: Vec<bool>,
    chars: Vec<usize>,
    scores: Vec<u32>,
    key: Option<(u32, u32, bool)>,
    /// The find bar's query the galleys highlight.
    find: String,
    galleys: HashMap<usize, Arc<Galley>>,
}

impl LayoutCache {
    pub fn new(analysis: &Analysis) -> LayoutCache {
        let n = analysis.paragraphs.len();
        LayoutCache {
            heights: vec![0.0; n],
            measured: vec![false; n],
            chars: analysis
                .paragraphs
                .iter()
                .map(|p| p.text.chars().count())
                .collect(),
            scores: analysis.paragraphs.iter().map(|p| p.score).collect(),
            key: None,
            find: String::new(),
            galleys: HashMap::new(),
        }
    }

    /// Takes new scores and highlights (after an editor's decision): the
    /// text is the same, so measured heights stay; galleys are laid out
    /// again as paragraphs come into view.
    pub fn refresh(&mut self, analysis: &Analysis) {
        self.scores = analysis.paragraphs.iter().map(|p| p.score).collect();
        self.galleys.clear();
    }

    /// Starts a new layout when width, zoom or theme changed: heights
    /// become estimates until measured again.
    fn prepare(&mut self, key: (u32, u32, bool), column: f32, font_size: f32) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.galleys.clear();
        let per_line = (column / (font_size * 0.5)).max(10.0);
        let line = font_size * 1.35;
        for (i, &c) in self.chars.iter().enumerate() {
            let lines = (c as f32 / per_line).ceil().max(1.0);
            self.heights[i] = lines * line + GAP;
            self.measured[i] = false;
        }
    }

    fn offsets(&self) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.heights.len() + 1);
        let mut y = 0.0;
        out.push(0.0);
        for h in &self.heights {
            y += h;
            out.push(y);
        }
        out
    }
}

/// What the rest of the window asks of the article view this frame.
pub struct View<'a> {
    pub zoom: f32,
    pub selected: Option<usize>,
    /// Scroll to this paragraph (and give its badge the keyboard).
    pub scroll_to: Option<usize>,
    /// The find bar's query, to highlight.
    pub find: &'a str,
    /// Page Down (1) or Page Up (-1) pressed.
    pub page: i8,
}

pub fn show(ui: &mut egui::Ui, article: &mut Article, view: View, actions: &mut Vec<Action>) {
    let View {
        zoom,
        selected,
        scroll_to,
        find,
        page,
    } = view;
    // Zoom scales the whole window (egui's zoom factor); it stays in the
    // layout key because glyphs are laid out again at a new scale.
    let font_size = 15.0;
    let dark = ui.visuals().dark_mode;
    let available = ui.available_width() - STRIP - 6.0;
    let column = (available - GUTTER - 24.0).clamp(160.0, MAX_COLUMN);
    let cache = &mut article.layout;
    cache.prepare((column.to_bits(), zoom.to_bits(), dark), column, font_size);
    if cache.find != find {
        // New matches to highlight; the text and heights stay.
        cache.find = find.to_string();
        cache.galleys.clear();
    }
    let paragraphs = &article.analysis.paragraphs;
    // In exercise mode the analysis stays hidden: plain text with the
    // student's marks, and the gutter shows agreement once checked.
    let exercise = article.exercise.as_ref();
    if paragraphs.is_empty() {
        ui.label("This article has no paragraphs.");
        return;
    }
    let palette = Palette::new(dark);
    let offsets = cache.offsets();
    let total = *offsets.last().unwrap_or(&0.0);

    // The strip maps the article's height onto its own: a short article's
    // strip ends where its last paragraph does, so marks sit beside their
    // paragraphs.
    let strip_rect = Rect::from_min_size(
        pos2(ui.max_rect().right() - STRIP, ui.max_rect().top()),
        vec2(STRIP, ui.available_height().min(total.max(1.0))),
    );
    let mut jump = scroll_to;
    if exercise.is_none() {
        heat_strip(ui, strip_rect, &cache.scores, &offsets, &mut jump, actions);
    }

    let mut area = egui::ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("article")
        .max_width(available);
    if let Some(p) = jump {
        area = area.vertical_scroll_offset((offsets[p.min(paragraphs.len() - 1)] - 12.0).max(0.0));
    }
    let mut remeasured = false;
    area.show_viewport(ui, |ui, viewport| {
        if page != 0 {
            // Most of a screen, keeping a line of context.
            ui.scroll_with_delta(vec2(0.0, -f32::from(page) * viewport.height() * 0.9));
        }
        ui.set_height(total);
        ui.set_width(available);
        let origin = ui.max_rect().min;
        let first = offsets
            .partition_point(|&y| y <= viewport.min.y)
            .saturating_sub(1);
        let mut i = first;
        while i < paragraphs.len() && offsets[i] < viewport.max.y {
            let p = &paragraphs[i];
            let galley = cache
                .galleys
                .entry(i)
                .or_insert_with(|| {
                    let font = egui::FontId::proportional(font_size);
                    let job = match exercise {
                        Some(ex) => {
                            let marks: Vec<_> = ex
                                .marks
                                .iter()
                                .filter(|m| m.paragraph == i)
                                .map(|m| m.start..m.end)
                                .collect();
                            marked_job(&p.text, &marks, font, column, &palette)
                        }
                        None => paragraph_job(p, font, column, &palette, find),
                    };
                    ui.painter().layout_job(job)
                })
                .clone();
            let height = galley.size().y + GAP;
            if !cache.measured[i] || (cache.heights[i] - height).abs() > 0.5 {
                cache.heights[i] = height;
                cache.measured[i] = true;
                remeasured = true;
            }
            let top = origin.y + offsets[i];
            let row = Rect::from_min_size(
                pos2(origin.x, top),
                vec2(GUTTER + column, galley.size().y + 4.0),
            );
            if selected == Some(i) {
                ui.painter().rect_filled(
                    row.expand(3.0),
                    4.0,
                    ui.visuals().selection.bg_fill.gamma_multiply(0.35),
                );
            }
            let badge_rect =
                Rect::from_min_size(pos2(origin.x + BADGE_X, top), Vec2::new(34.0, 24.0));
            if exercise.is_none() {
                // The paragraph's number, as the inspector and Ctrl+G use it
                // (an exercise's badges carry it themselves).
                ui.painter().text(
                    pos2(origin.x + BADGE_X - 5.0, badge_rect.center().y),
                    egui::Align2::RIGHT_CENTER,
                    (i + 1).to_string(),
                    egui::FontId::proportional(11.0),
                    ui.visuals().weak_text_color(),
                );
            }
            let badge_response = match exercise {
                Some(ex) => {
                    badge::exercise(ui, badge_rect, i, ex.agreement(i), selected == Some(i))
                }
                None => badge::show(ui, badge_rect, p, selected == Some(i)),
            };
            // A paragraph reached from the keyboard (F8, arrows, Ctrl+G)
            // takes the keyboard on its badge, so a screen reader reads
            // its score and claims; not while a text field is typed in.
            if scroll_to == Some(i) && !ui.ctx().text_edit_focused() {
                badge_response.request_focus();
            }
            if badge_response.clicked() {
                // Enter on a focused badge goes on to the paragraph's
                // claims (selecting it again would take the focus back).
                let enter = badge_response.has_focus()
                    && ui.input(|input| input.key_pressed(egui::Key::Enter));
                actions.push(if enter {
                    Action::FocusInspector
                } else {
                    Action::SelectParagraph(i)
                });
            }
            let text_rect = Rect::from_min_size(pos2(origin.x + GUTTER, top), galley.size());
            let response = ui.interact(
                text_rect,
                ui.scope_id().with(("paragraph", i)),
                // Clickable but not a Tab stop: Tab goes badge to badge.
                Sense::CLICK,
            );
            response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &p.text));
            ui.painter().galley(text_rect.min, galley, palette.text);
            if response.clicked() {
                actions.push(Action::SelectParagraph(i));
            }
            i += 1;
        }
    });
    if remeasured {
        // Measured heights replaced estimates: draw once more so rows settle.
        ui.ctx().request_repaint();
    }
}

/// The heat strip's accessible name: "Flagged paragraphs: 3, 4, 6 — F8
/// to jump".
fn strip_name(scores: &[u32]) -> String {
    match crate::report::flagged_list(scores.iter().copied()) {
        Some(list) => format!("Flagged paragraphs: {list} — F8 to jump"),
        None => "Flagged paragraphs: none".to_string(),
    }
}

/// A thin strip showing where flagged paragraphs are, each at its share
/// of the article's height (`offsets`: the paragraphs' tops, then the
/// end); a click jumps there.
fn heat_strip(
    ui: &mut egui::Ui,
    rect: Rect,
    scores: &[u32],
    offsets: &[f32],
    jump: &mut Option<usize>,
    actions: &mut Vec<Action>,
) {
    let response = ui.interact(rect, ui.scope_id().with("heat strip"), Sense::click());
    // What the strip shows, for screen readers (built only when asked).
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, strip_name(scores)));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let total = offsets.last().copied().unwrap_or(0.0).max(1.0);
    let scale = rect.height() / total;
    // One mark per pixel row (the highest score in it), however long the
    // article.
    let rows = (rect.height().max(1.0) as usize).max(1);
    let mut highest = vec![0u32; rows];
    for (i, &s) in scores.iter().enumerate().filter(|(_, s)| **s > 0) {
        let top = (offsets[i] * scale) as usize;
        let bottom = ((offsets[i + 1] * scale).ceil() as usize).max(top + 1);
        for row in &mut highest[top.min(rows - 1)..bottom.min(rows)] {
            *row = (*row).max(s);
        }
    }
    for (row, &s) in highest.iter().enumerate().filter(|(_, s)| **s > 0) {
        let y = rect.top() + row as f32;
        let mark = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), 1.0));
        painter.rect_filled(mark, 0.0, badge::severity_colour(s));
    }
    if let Some(pos) = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())
        && !scores.is_empty()
    {
        let y = (pos.y - rect.top()) / scale;
        let i = offsets.partition_point(|&top| top <= y).saturating_sub(1);
        let i = i.min(scores.len() - 1);
        *jump = Some(i);
        actions.push(Action::SelectParagraph(i));
    }
    response.on_hover_text("Where the flagged paragraphs are: click to jump");
}
