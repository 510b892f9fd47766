//! The casebook matrix: factors down, cases across, each cell the model's verdict, so a
//! facilitator sees at a glance which cases teach which factor. A cell opens the case at
//! that factor. Filters narrow the cases by audience and length.

use crate::ui::CaseAction;
use crate::ui::LibraryAction;
use egui::{Color32, RichText};

use crate::domain::casebook::short_title;
use crate::domain::{Audience, Case, CaseFilter, Length, Model, Verdict};

use super::Action;
use super::a11y;
use super::theme;

/// Draws the matrix for the cases that pass the filter.
pub fn matrix_ui(
    ui: &mut egui::Ui,
    model: &Model,
    cases: &[&Case],
    filter: CaseFilter,
    actions: &mut Vec<Action>,
) {
    let title = a11y::heading(ui, 1, RichText::new("Cases by factor").heading());
    a11y::titled_region(ui, &title);
    ui.label(
        "The model's reading of each factor in each case. Choose a cell to open that case at that factor. \
         Use it to pick cases that show a factor present and cases that show it missing.",
    );
    filter_ui(ui, filter, actions);
    let shown: Vec<&Case> = cases
        .iter()
        .copied()
        .filter(|c| filter.accepts(c))
        .collect();
    if shown.is_empty() {
        ui.label(
            RichText::new("No case matches these filters. Choose 'Any audience' or 'Any length'.")
                .family(theme::bold()),
        );
        return;
    }
    ui.label(
        RichText::new(format!("Showing {} of {} cases.", shown.len(), cases.len()))
            .color(theme::colors(ui).secondary_text),
    );
    ui.add_space(6.0);

    let cell = egui::vec2(112.0, 44.0);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("matrix")
                .spacing([4.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new("Factor").family(theme::bold()));
                    for case in &shown {
                        ui.vertical(|ui| {
                            ui.set_width(cell.x);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(short_title(case))
                                        .small()
                                        .family(theme::bold()),
                                )
                                .wrap(),
                            );
                            ui.label(
                                RichText::new(format!("{} min", case.minutes))
                                    .small()
                                    .color(theme::colors(ui).secondary_text),
                            );
                        });
                    }
                    ui.label(
                        RichText::new("Present / partly / missing")
                            .small()
                            .family(theme::bold()),
                    );
                    ui.end_row();

                    for (index, factor) in model.factors.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.set_width(230.0);
                            ui.add(
                                egui::Label::new(RichText::new(&factor.name).family(theme::bold()))
                                    .wrap(),
                            );
                            ui.label(
                                RichText::new(factor.group.singular())
                                    .small()
                                    .color(theme::colors(ui).secondary_text),
                            );
                        });
                        let mut counts = [0usize; 3];
                        for case in &shown {
                            let Some(answer) = case.answer(&factor.id) else {
                                ui.label("");
                                continue;
                            };
                            if let Some(slot) = answer
                                .verdict
                                .position()
                                .and_then(|p| counts.get_mut(usize::from(p)))
                            {
                                *slot += 1;
                            }
                            let contested = answer.contested.is_some();
                            let mut text = RichText::new(answer.verdict.label());
                            if contested {
                                text = RichText::new(format!(
                                    "{}\n(contested)",
                                    answer.verdict.label()
                                ));
                            }
                            let button = egui::Button::new(text.small())
                                .fill(fill(answer.verdict, &theme::colors(ui)))
                                .min_size(cell);
                            let response = ui.add(button);
                            let name = format!(
                                "{}, {}: {}{}",
                                short_title(case),
                                factor.name,
                                answer.verdict.label(),
                                if contested { ", contested" } else { "" }
                            );
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if response.clicked() {
                                actions
                                    .push(Action::Case(CaseAction::OpenAt(case.id.clone(), index)));
                            }
                        }
                        ui.label(format!("{} / {} / {}", counts[0], counts[1], counts[2]));
                        ui.end_row();
                    }
                });
            a11y::keep_focus_in_view(ui);
        });
}

fn filter_ui(ui: &mut egui::Ui, filter: CaseFilter, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Audience:").family(theme::bold()));
        let audiences = [
            (None, "Any audience"),
            (
                Some(Audience::SeniorLeaders),
                Audience::SeniorLeaders.label(),
            ),
            (Some(Audience::AllGrades), Audience::AllGrades.label()),
        ];
        for (audience, label) in audiences {
            let response = ui.radio(filter.audience == audience, label);
            if response.clicked() {
                actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                    CaseFilter { audience, ..filter },
                )));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Length:").family(theme::bold()));
        let response = ui.radio(filter.length.is_none(), "Any length");
        if response.clicked() {
            actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                CaseFilter {
                    length: None,
                    ..filter
                },
            )));
        }
        for length in Length::ALL {
            let response = ui.radio(filter.length == Some(length), length.label());
            if response.clicked() {
                actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                    CaseFilter {
                        length: Some(length),
                        ..filter
                    },
                )));
            }
        }
    });
}

/// The cell colour for a verdict. The verdict is always written in the cell too.
fn fill(verdict: Verdict, palette: &theme::Palette) -> Color32 {
    match verdict {
        Verdict::Present => palette.found_fill,
        Verdict::Partly => palette.missed_fill,
        Verdict::Missing => palette.missing_fill,
        Verdict::CantTell => palette.extra_fill,
    }
}
