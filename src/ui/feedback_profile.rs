//! The feedback screen's profile: one row per factor, a square for the model's verdict and
//! a circle for yours, each row also said in words.

use egui::{RichText, Sense, Stroke, vec2};

use crate::domain::{Feedback, Model, Verdict};

use super::feedback::contested_note;
use super::theme;

/// One row per factor, columns Present, Partly, Missing, Can't tell: a square for the
/// model, a circle for you. Each row also says it in words.
pub(super) fn profile_ui(ui: &mut egui::Ui, model: &Model, feedback: &Feedback) {
    // Columns wide enough for their heads in full words.
    let head_font = egui::FontId::new(14.0, theme::bold());
    let widest = ui.fonts_mut(|fonts| {
        Verdict::ALL
            .iter()
            .map(|v| {
                fonts
                    .layout_no_wrap(
                        v.label().to_owned(),
                        head_font.clone(),
                        egui::Color32::WHITE,
                    )
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    });
    let cell = (widest + 4.0).max(30.0);
    ui.horizontal(|ui| {
        let (square, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
        ui.painter()
            .rect_filled(square, 2.0, theme::colors(ui).text);
        ui.label(RichText::new("the model").small());
        let (square, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
        ui.painter()
            .rect_filled(square, 2.0, theme::colors(ui).orange);
        ui.label(RichText::new("the model, contested").small());
        let (circle, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
        ui.painter().circle(
            circle.center(),
            6.0,
            theme::colors(ui).focus,
            Stroke::new(2.0, theme::colors(ui).blue),
        );
        ui.label(RichText::new("you").small());
    });
    ui.horizontal(|ui| {
        for verdict in Verdict::ALL {
            ui.add_sized(
                [cell, 18.0],
                egui::Label::new(
                    RichText::new(verdict.label())
                        .font(head_font.clone())
                        .family(theme::bold()),
                ),
            );
        }
    });
    // One widget per row, painted directly: nine rows of nested layouts were most of the
    // feedback screen's frame (see docs/performance.md).
    let gap = ui.spacing().item_spacing;
    for factor in &model.factors {
        let Some(item) = feedback.factor(&factor.id) else {
            continue;
        };
        let width = ui.available_width();
        let columns = 4.0 * (cell + gap.x);
        let wrap = (width - columns).max(60.0);
        let yours = item.yours.map_or("not marked", |v| v.label());
        let detail = format!(
            "Model: {}. You: {yours}.{}",
            item.model,
            contested_note(item)
        );
        let name_galley = super::galley(
            ui,
            RichText::new(&factor.name).small().family(theme::bold()),
            Some(wrap),
            egui::TextStyle::Small,
        );
        let detail_galley = super::galley(
            ui,
            RichText::new(&detail)
                .small()
                .color(theme::colors(ui).secondary_text),
            Some(wrap),
            egui::TextStyle::Small,
        );
        let text_height = name_galley.size().y + detail_galley.size().y;
        let height = cell.max(text_height);
        let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Label,
                true,
                format!("{}. {detail}", factor.name),
            )
        });
        if !ui.is_rect_visible(rect) {
            continue;
        }
        let painter = ui.painter();
        for (column, verdict) in Verdict::ALL.into_iter().enumerate() {
            let square = egui::Rect::from_min_size(
                rect.min + vec2(column as f32 * (cell + gap.x), 0.0),
                vec2(cell, cell),
            );
            painter.rect_stroke(
                square.shrink(1.0),
                0.0,
                Stroke::new(1.0, theme::colors(ui).border),
                egui::StrokeKind::Inside,
            );
            if item.model == verdict {
                let colour = if item.agreement == crate::domain::Agreement::Contested {
                    theme::colors(ui).orange
                } else {
                    theme::colors(ui).text
                };
                painter.rect_filled(
                    egui::Rect::from_center_size(square.center(), vec2(20.0, 20.0)),
                    2.0,
                    colour,
                );
            }
            if item.yours == Some(verdict) {
                painter.circle(
                    square.center(),
                    6.5,
                    theme::colors(ui).focus,
                    Stroke::new(2.0, theme::colors(ui).blue),
                );
            }
        }
        let text_at = rect.min + vec2(columns, (height - text_height) / 2.0);
        let name_height = name_galley.size().y;
        let text_color = ui.visuals().text_color();
        painter.galley(text_at, name_galley, text_color);
        painter.galley(text_at + vec2(0.0, name_height), detail_galley, text_color);
    }
}
