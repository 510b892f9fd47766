//! The model reference: every factor with its meaning, its signs and the questions to ask,
//! and the barriers. Reachable from every screen.

use crate::domain::casebook::{self, FactorCoverage, short_title};
use crate::domain::{Case, Factor, FactorGroup, FactorId, Model};
use crate::ui::CaseAction;
use crate::ui::SettingsAction;

use super::Action;
use super::a11y;
use super::theme;

/// Draws the model reference.
pub fn reference_ui(
    ui: &mut egui::Ui,
    model: &Model,
    cases: &[&Case],
    focus: Option<&FactorId>,
    actions: &mut Vec<Action>,
) {
    let coverage = casebook::coverage(model, cases);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        // One way back: "Close model reference" in the top bar (or Escape).
        let title = a11y::heading(
            ui,
            1,
            egui::RichText::new(format!("The model: {}", model.title)).heading(),
        );
        a11y::titled_region(ui, &title);
        ui.label(&model.about);
        contents_ui(ui, model, actions);
        if let Some(factor) = focus.and_then(|id| model.factor(id)) {
            ui.add_space(12.0);
            egui::Frame::new()
                .stroke(egui::Stroke::new(2.0, theme::colors(ui).blue))
                .inner_margin(12.0)
                .show(ui, |ui| {
                    a11y::heading(ui, 2, egui::RichText::new(format!("{}: {}", factor.group.singular(), factor.name)).heading());
                    factor_detail_ui(ui, model, factor, &coverage, actions);
                });
        }
        for group in [FactorGroup::Foundation, FactorGroup::WayIn] {
            ui.add_space(12.0);
            a11y::heading(ui, 2, egui::RichText::new(group.heading()).heading());
            ui.label(egui::RichText::new(group.explanation()).color(theme::colors(ui).secondary_text));
            // The factor opened above is not repeated here.
            for factor in model.group(group).filter(|f| Some(&f.id) != focus) {
                egui::CollapsingHeader::new(theme::subheading(&factor.name))
                    .id_salt(factor.id.as_str())
                    .default_open(focus.is_none())
                    .show(ui, |ui| factor_detail_ui(ui, model, factor, &coverage, actions));
            }
        }
        ui.add_space(12.0);
        a11y::heading(ui, 2, egui::RichText::new("Barriers").heading());
        ui.label(
            egui::RichText::new("What Miles said gets in the way. She added that the benefits of collaboration outweigh its costs, so it is worth persisting.")
                .color(theme::colors(ui).secondary_text),
        );
        for barrier in &model.barriers {
            a11y::heading(ui, 3, theme::subheading(&barrier.name));
            ui.label(&barrier.summary);
        }
    });
    });
}

/// The contents: each factor, by group, opening at the top of the page when chosen.
fn contents_ui(ui: &mut egui::Ui, model: &Model, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    a11y::heading(ui, 2, theme::subheading("Contents"));
    for group in [FactorGroup::Foundation, FactorGroup::WayIn] {
        ui.label(egui::RichText::new(group.heading()).family(theme::bold()));
        for factor in model.group(group) {
            let response = ui.link(&factor.name);
            let name = format!("Contents: {}", factor.name);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
            if response.clicked() {
                actions.push(Action::Settings(SettingsAction::ShowReference(Some(
                    factor.id.clone(),
                ))));
            }
        }
    }
}

/// What a factor means, its signs, questions and barriers.
pub fn factor_detail_ui(
    ui: &mut egui::Ui,
    model: &Model,
    factor: &Factor,
    coverage: &[FactorCoverage<'_>],
    actions: &mut Vec<Action>,
) {
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
    let index = model.factors.iter().position(|f| f.id == factor.id);
    if let (Some(index), Some(row)) = (index, coverage.iter().find(|c| c.factor == &factor.id)) {
        cases_line_ui(
            ui,
            factor,
            index,
            "Cases where the model reads it as present:",
            &row.present,
            actions,
        );
        cases_line_ui(
            ui,
            factor,
            index,
            "Cases where it is missing:",
            &row.missing,
            actions,
        );
    }
}

/// A line of links, one per case, each opening the case at this factor.
fn cases_line_ui(
    ui: &mut egui::Ui,
    factor: &Factor,
    index: usize,
    heading: &str,
    cases: &[&Case],
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(heading).family(theme::bold()));
        if cases.is_empty() {
            ui.label("none in the library yet.");
        }
        // A link that wraps within the line would leave a nameless, focusable piece for
        // each extra row (egui 0.37); each title moves to the next line whole instead.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        for case in cases {
            let title = short_title(case);
            let response = ui.link(title);
            let name = format!("Open {title} at {}", factor.name);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
            if response.clicked() {
                actions.push(Action::Case(CaseAction::OpenAt(case.id.clone(), index)));
            }
        }
    });
}

fn list_ui(ui: &mut egui::Ui, heading: &str, items: &[String]) {
    a11y::heading(ui, 3, egui::RichText::new(heading).family(theme::bold()));
    for item in items {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(item);
        });
    }
}
