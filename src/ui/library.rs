//! The library: a card per case with its title, summary, audience, length and your
//! progress.

use crate::domain::progress::{CheckedAttempt, Progress};
use crate::domain::{Attempt, CaseKind, Model};
use crate::io::LoadedCase;
use crate::ui::CaseAction;
use crate::ui::SeminarAction;
use crate::ui::SettingsAction;

use super::Action;
use super::a11y;
use super::lazy::Lazy;
use super::theme;

/// Draws the library.
pub fn library_ui(
    ui: &mut egui::Ui,
    model: &Model,
    cases: &[LoadedCase],
    progress: &Progress,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
        let title = a11y::heading(ui, 1, egui::RichText::new("Cases").heading());
        a11y::titled_region(ui, &title);
        ui.label(
            "Read a case, decide whether each factor of the collaborative working model was present, \
             partly present or missing, and point to the evidence. Then check your answers against the model.",
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("New to the model?");
            if ui.link("Read the model reference first").clicked() {
                actions.push(Action::Settings(SettingsAction::ShowReference(None)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Part of a partnership yourself?");
            if ui.button("Assess your own collaboration").clicked() {
                actions.push(
                    crate::ui::features::assess::AssessAction::Show(
                        crate::ui::features::assess::AssessPage::Home,
                    )
                    .into(),
                );
            }
        });
        // What the kind on each card means.
        for kind in CaseKind::ALL {
            ui.label(
                egui::RichText::new(kind.meaning()).color(theme::colors(ui).secondary_text),
            );
        }
        ui.add_space(8.0);
        if cases.is_empty() {
            ui.label("There are no cases yet. Open case files or a folder of cases.");
        }
        let width = ui.available_width();
        // Cards wide enough to read, never so wide that lines become hard to follow.
        let columns = ((width / 560.0).floor() as usize).clamp(1, 3);
        let card_width = ((width - 16.0 * (columns as f32 - 1.0)) / columns as f32 - 4.0).min(720.0);
        // Rows out of view are not laid out; the first frame draws only what shows.
        let mut lazy = Lazy::begin(ui, "library", columns);
        for (number, row) in cases.chunks(columns).enumerate() {
            let shown: Vec<_> = row
                .iter()
                .map(|loaded| (loaded, card_state(model, loaded, progress)))
                .collect();
            let block = shown
                .iter()
                .map(|(loaded, state)| {
                    let from = match &loaded.origin {
                        crate::io::CaseOrigin::File(path) => Some(path.as_path()),
                        crate::io::CaseOrigin::Bundled(_) => None,
                    };
                    (loaded.case.id.as_str(), loaded.case.version, from, state)
                })
                .collect::<Vec<_>>();
            lazy.block(ui, (number, block), false, 240.0, |ui| {
                ui.horizontal_top(|ui| {
                    for (loaded, state) in &shown {
                        ui.vertical(|ui| {
                            ui.set_width(card_width);
                            card_ui(ui, loaded, state, actions);
                        });
                        ui.add_space(12.0);
                    }
                })
                .response
                .rect
            });
            ui.add_space(12.0);
        }
        lazy.end(ui);
    });
    });
}

/// What a card shows that depends on the trainee's record.
#[derive(Hash)]
struct CardState {
    progress: String,
    started: bool,
}

fn card_state(model: &Model, loaded: &LoadedCase, progress: &Progress) -> CardState {
    let attempt = progress.attempts.get(&loaded.case.id);
    let checked = progress.last_check(&loaded.case.id);
    CardState {
        progress: progress_text(model, attempt, checked),
        started: attempt.is_some(),
    }
}

fn card_ui(ui: &mut egui::Ui, loaded: &LoadedCase, state: &CardState, actions: &mut Vec<Action>) {
    let case = &loaded.case;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, theme::colors(ui).border))
        .inner_margin(16.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            a11y::heading(ui, 2, theme::subheading(&case.title));
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} minutes · {} · {} passages",
                    case.audience_label(),
                    case.minutes,
                    case.kind.label(),
                    case.passage_count()
                ))
                .color(theme::colors(ui).secondary_text),
            );
            if case.composite_note.is_some() {
                ui.label(
                    egui::RichText::new("Composite case: some details are invented.").italics(),
                );
            }
            ui.label(&case.summary);
            ui.label(egui::RichText::new(&state.progress).family(theme::bold()));
            if let crate::io::CaseOrigin::File(path) = &loaded.origin {
                ui.label(
                    egui::RichText::new(format!("From {}", path.display()))
                        .small()
                        .color(theme::colors(ui).secondary_text),
                );
            }
            let verb = if state.started { "Continue" } else { "Open" };
            ui.horizontal(|ui| {
                // The card shows the title, so the button says only the verb; its accessible
                // name carries the title, so a screen reader hears which case it opens.
                let response = ui.add(egui::Button::new(verb).min_size(egui::vec2(96.0, 0.0)));
                let name = format!("{verb}: {}", case.title);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.clicked() {
                    actions.push(Action::Case(CaseAction::Open(case.id.clone())));
                }
                let response = ui.add(egui::Button::new("Run a seminar"));
                let name = format!("Run a seminar: {}", case.title);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.clicked() {
                    actions.push(Action::Seminar(SeminarAction::Start(case.id.clone())));
                }
            });
        });
}

/// The progress line on a card.
pub fn progress_text(
    model: &Model,
    attempt: Option<&Attempt>,
    checked: Option<&CheckedAttempt>,
) -> String {
    let total = model.factors.len();
    match (attempt, checked.map(|c| c.agreement)) {
        (_, Some(Some(agreement))) => {
            format!(
                "Checked: {:.0}% agreement with the model",
                agreement * 100.0
            )
        }
        (_, Some(None)) => "Checked: every factor is contested".to_owned(),
        (Some(attempt), None) if attempt.marked_count(model) > 0 => {
            format!(
                "In progress: {} of {total} factors marked",
                attempt.marked_count(model)
            )
        }
        _ => "Not started".to_owned(),
    }
}
