//! The model reference: every factor with its meaning, its signs and the questions to ask,
//! and the barriers. Reachable from every screen.

use crate::domain::{Factor, FactorGroup, FactorId, Model};

use super::app::Action;
use super::theme;

/// Draws the model reference.
pub fn reference_ui(
    ui: &mut egui::Ui,
    model: &Model,
    focus: Option<&FactorId>,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        ui.horizontal(|ui| {
            ui.heading(format!("The model: {}", model.title));
            if ui.button("Back").clicked() {
                actions.push(Action::CloseReference);
            }
        });
        ui.label(&model.about);
        if let Some(factor) = focus.and_then(|id| model.factor(id)) {
            ui.add_space(12.0);
            egui::Frame::new()
                .stroke(egui::Stroke::new(2.0, theme::BLUE))
                .inner_margin(12.0)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(format!("{}: {}", factor.group.heading(), factor.name)).heading());
                    factor_detail_ui(ui, model, factor);
                });
        }
        for group in [FactorGroup::Foundation, FactorGroup::WayIn] {
            ui.add_space(12.0);
            ui.label(egui::RichText::new(group.heading()).heading());
            ui.label(egui::RichText::new(group.explanation()).color(theme::SECONDARY_TEXT));
            for factor in model.group(group) {
                egui::CollapsingHeader::new(theme::subheading(&factor.name))
                    .id_salt(factor.id.as_str())
                    .default_open(focus.is_none())
                    .show(ui, |ui| factor_detail_ui(ui, model, factor));
            }
        }
        ui.add_space(12.0);
        ui.label(egui::RichText::new("Barriers").heading());
        ui.label(
            egui::RichText::new("What Miles said gets in the way. She added that the benefits of collaboration outweigh its costs, so it is worth persisting.")
                .color(theme::SECONDARY_TEXT),
        );
        for barrier in &model.barriers {
            ui.label(theme::subheading(&barrier.name));
            ui.label(&barrier.summary);
        }
    });
}

/// What a factor means, its signs, questions and barriers.
pub fn factor_detail_ui(ui: &mut egui::Ui, model: &Model, factor: &Factor) {
    ui.label(egui::RichText::new(&factor.summary).family(theme::bold()));
    list_ui(ui, "What it looks like when present", &factor.present_signs);
    list_ui(ui, "What its absence looks like", &factor.absent_signs);
    list_ui(ui, "Questions to ask of a case", &factor.questions);
    let barriers: Vec<&str> = factor
        .barriers
        .iter()
        .filter_map(|b| model.barrier(b))
        .map(|b| b.name.as_str())
        .collect();
    if !barriers.is_empty() {
        ui.label(format!("Barriers to watch for: {}.", barriers.join(", ")));
    }
}

fn list_ui(ui: &mut egui::Ui, heading: &str, items: &[String]) {
    ui.label(egui::RichText::new(heading).family(theme::bold()));
    for item in items {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(item);
        });
    }
}
