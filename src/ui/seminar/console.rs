//! The facilitator's console: the steps, the current step with its notes and the room's
//! marks, attempt files, the timer and the session record.

use crate::ui::{SeminarAction, SettingsAction};

use egui::RichText;

use crate::domain::Verdict;

use super::super::a11y;
use super::super::marking::in_sentence;
use super::super::theme::{self, ThemeChoice};
use super::super::{Action, Dialog};

use super::charts::{agenda_ui, distribution_ui, heatmap_ui, marked_answer, model_answer_ui};
use super::{SeminarView, Stage};

/// The facilitator's console.
pub fn console_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    egui::Panel::left("seminar_steps")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("seminar_steps_scroll")
                .show(ui, |ui| {
                    a11y::with_focus_in_view(ui, |ui| steps_ui(ui, view, actions));
                });
        });
    egui::Panel::right("seminar_room")
        .resizable(true)
        .default_size(380.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("seminar_room_scroll")
                .show(ui, |ui| {
                    a11y::with_focus_in_view(ui, |ui| room_panel_ui(ui, view, actions));
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("seminar_stage")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                a11y::region(ui, "Current step");
                ui.set_max_width(ui.available_width().min(900.0));
                stage_controls_ui(ui, actions);
                match view.seminar.stage {
                    Stage::Section(index) => section_notes_ui(ui, view, index),
                    Stage::Factor(index) => factor_console_ui(ui, view, index, actions),
                    Stage::Debrief => agenda_ui(ui, view, None, actions),
                }
                a11y::keep_focus_in_view(ui);
            });
    });
}

fn steps_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Seminar steps");
    a11y::heading(ui, 1, theme::subheading("Seminar"));
    ui.label(RichText::new(&view.case.title).family(theme::bold()));
    ui.add_space(6.0);
    a11y::heading(ui, 2, RichText::new("Read the case").family(theme::bold()));
    for (index, section) in view.case.sections.iter().enumerate() {
        let selected = view.seminar.stage == Stage::Section(index);
        let response = ui.add(
            egui::Button::selectable(
                selected,
                format!("Section {}: {}", index + 1, section.heading),
            )
            .wrap(),
        );
        if response.clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Section(index))));
        }
    }
    ui.add_space(6.0);
    a11y::heading(
        ui,
        2,
        RichText::new("Discuss each factor").family(theme::bold()),
    );
    for (index, factor) in view.model.factors.iter().enumerate() {
        let selected = view.seminar.stage == Stage::Factor(index);
        let marked = view.room.get(&factor.id).map_or(0, |r| r.tally.total());
        let shown = if view.seminar.revealed.contains(&factor.id) {
            ", answer shown"
        } else {
            ""
        };
        let marks = if marked == 1 { "mark" } else { "marks" };
        let text = format!(
            "Factor {}: {} ({marked} {marks}{shown})",
            index + 1,
            factor.name
        );
        let response = ui.add(egui::Button::selectable(selected, text).wrap());
        if response.clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Factor(index))));
        }
    }
    ui.add_space(6.0);
    let response = ui.add(egui::Button::selectable(
        view.seminar.stage == Stage::Debrief,
        "Debrief agenda",
    ));
    if response.clicked() {
        actions.push(Action::Seminar(SeminarAction::Go(Stage::Debrief)));
    }
    ui.add_space(12.0);
    let (label, open) = if view.seminar.room_view {
        ("Close the room view", false)
    } else {
        ("Open the room view", true)
    };
    if ui.button(label).clicked() {
        actions.push(Action::Seminar(SeminarAction::SetRoomView(open)));
    }
    if view.seminar.room_view {
        ui.label(
            RichText::new(format!(
                "The room's text fits the longest paragraph on screen{}.",
                match view.room_text {
                    0 => String::new(),
                    n if n > 0 => format!(", then {n} larger"),
                    n => format!(", then {} smaller", -n),
                }
            ))
            .color(theme::colors(ui).secondary_text),
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("Room text smaller").clicked() {
                actions.push(Action::Settings(SettingsAction::StepRoomText(-1)));
            }
            if ui.button("Room text larger").clicked() {
                actions.push(Action::Settings(SettingsAction::StepRoomText(1)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            // The room view's scrolling is view state, like any scroll area's.
            if ui.button("Scroll the room up").clicked() {
                super::room_view::scroll_room(ui.ctx(), view, -1);
            }
            if ui.button("Scroll the room down").clicked() {
                super::room_view::scroll_room(ui.ctx(), view, 1);
            }
        });
    }
    ui.label(
        RichText::new("The room view's colours, whatever theme you use here:")
            .color(theme::colors(ui).secondary_text),
    );
    for choice in ThemeChoice::ALL {
        if ui
            .radio(view.room_theme == choice, choice.room_label())
            .clicked()
        {
            actions.push(Action::Settings(SettingsAction::SetRoomTheme(choice)));
        }
    }
    if view.seminar.confirm_end {
        egui::Frame::new()
            .stroke(egui::Stroke::new(3.0, theme::colors(ui).error))
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("End the seminar? You cannot go back to it.")
                        .family(theme::bold()),
                );
                ui.label(
                    "The room's marks and the session record are kept in the seminars folder of your data folder.",
                );
                ui.horizontal_wrapped(|ui| {
                    if ui.button("Yes, end the seminar").clicked() {
                        actions.push(Action::Seminar(SeminarAction::End));
                    }
                    if ui.button("No, keep it running").clicked() {
                        actions.push(Action::Seminar(SeminarAction::CancelEnd));
                    }
                });
            });
    } else if ui.button("End the seminar").clicked() {
        actions.push(Action::Seminar(SeminarAction::AskEnd));
    }
}

fn stage_controls_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Previous").clicked() {
            actions.push(Action::Seminar(SeminarAction::Step(-1)));
        }
        if ui.button("Next").clicked() {
            actions.push(Action::Seminar(SeminarAction::Step(1)));
        }
        ui.label(
            RichText::new(
                "Page Down and Page Up also move on and back; R shows the model's answer.",
            )
            .small()
            .color(theme::colors(ui).secondary_text),
        );
    });
    ui.separator();
}

fn section_notes_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, index: usize) {
    let Some(section) = view.case.sections.get(index) else {
        return;
    };
    a11y::heading(
        ui,
        2,
        RichText::new(format!(
            "Section {} of {}: {}",
            index + 1,
            view.case.sections.len(),
            section.heading
        ))
        .heading(),
    );
    if let Some(period) = &section.period {
        ui.label(RichText::new(period).color(theme::colors(ui).secondary_text));
    }
    ui.label("The room view shows this section in large type.");
    for passage in &section.passages {
        ui.horizontal_top(|ui| {
            ui.label(
                RichText::new(passage.number.to_string()).color(theme::colors(ui).secondary_text),
            );
            ui.add(egui::Label::new(&passage.text).wrap());
        });
    }
    if !view.case.facilitator_notes.is_empty() {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(theme::subheading("Facilitator notes"))
            .default_open(index == 0)
            .show(ui, |ui| {
                for note in &view.case.facilitator_notes {
                    ui.label(note);
                }
            });
    }
}

fn factor_console_ui(
    ui: &mut egui::Ui,
    view: &SeminarView<'_>,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(factor) = view.model.factors.get(index) else {
        return;
    };
    let Some(answer) = view.case.answer(&factor.id) else {
        return;
    };
    let marks = view.room.get(&factor.id).cloned().unwrap_or_default();
    let revealed = view.seminar.revealed.contains(&factor.id);
    a11y::heading(
        ui,
        2,
        RichText::new(format!(
            "Factor {} of {}: {}",
            index + 1,
            view.model.factors.len(),
            factor.name
        ))
        .heading(),
    );
    ui.label(&factor.summary);

    ui.add_space(6.0);
    a11y::heading(ui, 3, theme::subheading("Show of hands"));
    ui.label(RichText::new("Type how many hands went up for each verdict. Marks from attempt files are added to these.").color(theme::colors(ui).secondary_text));
    let hands = view
        .seminar
        .hands
        .get(&factor.id)
        .copied()
        .unwrap_or_default();
    egui::Grid::new(("hands", index))
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for verdict in Verdict::ALL {
                ui.label(verdict.label());
                let mut count = hands.count(verdict);
                let response = ui.add(egui::DragValue::new(&mut count).range(0..=999).speed(0.1));
                let name = format!("Hands for {}", verdict.label());
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &name));
                if response.changed() {
                    actions.push(Action::Seminar(SeminarAction::SetTally(
                        factor.id.clone(),
                        verdict,
                        count,
                    )));
                }
                ui.label(
                    RichText::new(format!("room total {}", marks.tally.count(verdict)))
                        .color(theme::colors(ui).secondary_text),
                );
                ui.end_row();
            }
        });

    ui.add_space(6.0);
    distribution_ui(
        ui,
        &marks.tally,
        marked_answer(answer, revealed),
        160.0,
        ("console_chart", index),
    );

    ui.add_space(6.0);
    if revealed {
        a11y::heading(
            ui,
            3,
            theme::subheading("The model's answer (the room can see it)"),
        );
        model_answer_ui(ui, answer, 1.0);
        if ui
            .button(format!(
                "Hide the model's answer for {}",
                in_sentence(&factor.name)
            ))
            .clicked()
        {
            actions.push(Action::Seminar(SeminarAction::Hide(factor.id.clone())));
        }
    } else {
        a11y::heading(
            ui,
            3,
            theme::subheading("The model's answer (hidden from the room)"),
        );
        ui.label(
            RichText::new(format!(
                "{}{}",
                answer.verdict,
                if answer.contested.is_some() {
                    ", contested"
                } else {
                    ""
                }
            ))
            .family(theme::bold()),
        );
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(format!(
                    "Reveal the model's answer for {}",
                    in_sentence(&factor.name)
                ))
                .clicked()
            {
                actions.push(Action::Seminar(SeminarAction::Reveal(factor.id.clone())));
            }
            if ui.button("Reveal every factor").clicked() {
                actions.push(Action::Seminar(SeminarAction::RevealAll));
            }
        });
    }

    ui.add_space(6.0);
    a11y::heading(ui, 3, theme::subheading("Questions to ask the room"));
    if let Some(prompt) = &answer.prompt {
        ui.label(format!("• {prompt}"));
    }
    for question in &factor.questions {
        ui.label(format!("• {question}"));
    }

    ui.add_space(6.0);
    heatmap_ui(ui, view, &marks, answer);
}

fn room_panel_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Attempt files, record and timer");
    a11y::heading(ui, 2, theme::subheading("Attempt files"));
    let gathered = &view.seminar.gathered;
    ui.label(format!(
        "{} counted, {} set aside. Anonymous unless a trainee added a label.",
        gathered.accepted.len(),
        gathered.rejected.len()
    ));
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import attempt files").clicked() {
            actions.push(Action::Ask(Dialog::ImportAttemptFiles));
        }
        if ui.button("Import a folder of attempt files").clicked() {
            actions.push(Action::Ask(Dialog::ImportAttemptFolder));
        }
    });
    match &view.seminar.watched_folder {
        Some(folder) => {
            ui.label(format!(
                "Watching {}. Attempt files saved there are counted within seconds.",
                folder.display()
            ));
            if ui.button("Stop watching the folder").clicked() {
                actions.push(Action::Seminar(SeminarAction::StopWatching));
            }
        }
        // A browser cannot watch a folder.
        None if !crate::platform::OPENS_FOLDERS => {}
        None => {
            if ui.button("Watch a folder for attempt files").clicked() {
                actions.push(Action::Ask(Dialog::SeminarFolder));
            }
        }
    }
    let labels: Vec<&str> = gathered
        .accepted
        .iter()
        .filter_map(|a| a.participant.as_deref())
        .collect();
    if !labels.is_empty() {
        ui.label(RichText::new(format!("Labelled: {}", labels.join(", "))).small());
    }
    if !gathered.rejected.is_empty() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(3.0, theme::colors(ui).error))
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.label(RichText::new("Set aside").family(theme::bold()));
                for rejection in &gathered.rejected {
                    ui.label(rejection.to_string());
                }
            });
    }

    ui.add_space(10.0);
    timer_ui(ui, view, actions);

    ui.add_space(10.0);
    a11y::heading(ui, 2, theme::subheading("Session record"));
    ui.label("Save a report (Markdown and a printable web page) and a CSV of the counts.");
    if ui.button("Save the session record").clicked() {
        actions.push(Action::Ask(Dialog::SessionRecordFolder));
    }
    if let Some(status) = &view.seminar.status {
        ui.label(RichText::new(status).color(theme::colors(ui).green));
        if let Some(folder) = view.saved_folder
            && ui.button("Open the session record's folder").clicked()
        {
            actions.push(Action::OpenFolder(folder.to_path_buf()));
        }
    }
}

fn timer_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::heading(ui, 2, theme::subheading("Timer"));
    let now = view.now;
    match &view.seminar.timer {
        None => {
            ui.label(
                RichText::new("Optional. Only you see the controls; the room sees the time left.")
                    .color(theme::colors(ui).secondary_text),
            );
            ui.horizontal_wrapped(|ui| {
                for minutes in [5, 10, 15] {
                    if ui
                        .button(format!("Start a {minutes} minute timer"))
                        .clicked()
                    {
                        actions.push(Action::Seminar(SeminarAction::TimerStart { minutes, now }));
                    }
                }
            });
        }
        Some(timer) => {
            let left = if timer.remaining(now) <= 0.0 {
                "Time is up".to_owned()
            } else {
                format!("{} left", timer.display(now))
            };
            ui.label(RichText::new(left).size(28.0).family(theme::bold()));
            ui.horizontal_wrapped(|ui| {
                if timer.is_running() {
                    if ui.button("Pause the timer").clicked() {
                        actions.push(Action::Seminar(SeminarAction::TimerPause { now }));
                    }
                } else if ui.button("Resume the timer").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerResume { now }));
                }
                if ui.button("Add 5 minutes").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerExtend { minutes: 5 }));
                }
                if ui.button("Stop the timer").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerStop));
                }
            });
            if timer.is_running() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
    }
}
