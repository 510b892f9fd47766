//! The room view: the case and the discussion in large type, for the projector, in its
//! own window, in its own projector palette (see [`theme::ThemeChoice::room_palette`]).

use crate::ui::SeminarAction;

use egui::RichText;

use super::super::Action;
use super::super::a11y;
use super::super::theme;

use super::charts::{agenda_ui, distribution_ui, marked_answer, model_answer_ui};
use super::{SeminarView, Stage, seminar_keys};

/// Where the discussion is, as the room sees it: "Section 2 of 5", "Factor 2 of 9",
/// "Debrief".
pub fn room_position(view: &SeminarView<'_>) -> String {
    match view.seminar.stage {
        Stage::Section(index) => {
            format!("Section {} of {}", index + 1, view.case.sections.len())
        }
        Stage::Factor(index) => format!("Factor {} of {}", index + 1, view.model.factors.len()),
        Stage::Debrief => "Debrief".to_owned(),
    }
}

/// The room view: what the projector shows, in large type.
pub fn room_view_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Room view");
    let body = 32.0;
    let heading = 48.0;
    // The case and where the discussion is, always in sight, with the time left.
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{}: {}", view.case.title, room_position(view)))
                .size(body * 0.75)
                .color(theme::colors(ui).secondary_text),
        );
        if let Some(timer) = &view.seminar.timer {
            let left = if timer.remaining(view.now) <= 0.0 {
                "Time is up".to_owned()
            } else {
                format!("{} left", timer.display(view.now))
            };
            ui.label(
                RichText::new(left)
                    .size(body)
                    .family(theme::bold())
                    .color(theme::colors(ui).text),
            );
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("room_view_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Lines a room can read from the back: no longer than about 80 characters.
            ui.set_max_width(ui.available_width().min(1500.0));
            match view.seminar.stage {
                Stage::Section(index) => {
                    let Some(section) = view.case.sections.get(index) else {
                        return;
                    };
                    a11y::heading(
                        ui,
                        1,
                        RichText::new(&section.heading)
                            .size(heading)
                            .family(theme::bold()),
                    );
                    if let Some(period) = &section.period {
                        ui.label(
                            RichText::new(period)
                                .size(body)
                                .color(theme::colors(ui).secondary_text),
                        );
                    }
                    ui.add_space(12.0);
                    for passage in &section.passages {
                        ui.horizontal_top(|ui| {
                            ui.label(
                                RichText::new(passage.number.to_string())
                                    .size(body)
                                    .color(theme::colors(ui).secondary_text),
                            );
                            ui.add(
                                egui::Label::new(RichText::new(&passage.text).size(body)).wrap(),
                            );
                        });
                        ui.add_space(10.0);
                    }
                }
                Stage::Factor(index) => {
                    let Some(factor) = view.model.factors.get(index) else {
                        return;
                    };
                    a11y::heading(
                        ui,
                        1,
                        RichText::new(format!("{}: {}", factor.group.singular(), factor.name))
                            .size(heading)
                            .family(theme::bold()),
                    );
                    ui.label(RichText::new(&factor.summary).size(body));
                    ui.add_space(12.0);
                    let marks = view.room.get(&factor.id).cloned().unwrap_or_default();
                    let revealed = view.seminar.revealed.contains(&factor.id);
                    if let Some(answer) = view.case.answer(&factor.id) {
                        let style = ui.style_mut();
                        style
                            .text_styles
                            .insert(egui::TextStyle::Body, egui::FontId::proportional(body));
                        distribution_ui(
                            ui,
                            &marks.tally,
                            marked_answer(answer, revealed),
                            300.0,
                            ("room_chart", index),
                        );
                        ui.add_space(12.0);
                        if revealed {
                            model_answer_ui(ui, answer, body / theme::BODY_SIZE);
                        } else {
                            ui.label(
                                RichText::new(
                                    "The model's answer will be shown after the discussion.",
                                )
                                .size(body)
                                .color(theme::colors(ui).secondary_text),
                            );
                        }
                    }
                }
                Stage::Debrief => agenda_ui(ui, view, true, actions),
            }
        });
}

/// Shows the room view in its own window (embedded in the main one where the platform or
/// a test cannot open a second window), in the room's palette whatever the console's
/// theme.
pub fn show_room_view(ctx: &egui::Context, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    let builder = egui::ViewportBuilder::default()
        .with_title("Casebook room view")
        .with_inner_size([1280.0, 720.0]);
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("room_view"),
        builder,
        |ui, class| {
            if class == egui::ViewportClass::EmbeddedWindow {
                ui.set_max_size(egui::vec2(1100.0, 640.0));
                theme::with_room_palette(ui, view.room_theme, 16.0, |ui| {
                    room_view_ui(ui, view, actions);
                });
                return;
            }
            egui::CentralPanel::default()
                .frame(egui::Frame::new())
                .show(ui, |ui| {
                    theme::with_room_palette(ui, view.room_theme, 32.0, |ui| {
                        seminar_keys(ui, view, actions);
                        room_view_ui(ui, view, actions);
                    });
                });
            a11y::finish(ui.ctx());
            if ui.input(|i| i.viewport().close_requested()) {
                actions.push(Action::Seminar(SeminarAction::SetRoomView(false)));
            }
        },
    );
}
