//! One frame of the app: the top bar, messages, the problems panel, the status line and
//! the current screen, drawn from the state; and the keyboard shortcuts. Draws and returns
//! actions; changes nothing.

use crate::ui::CaseAction;
use crate::ui::LoadingAction;
use crate::ui::SettingsAction;
use std::path::PathBuf;

use crate::domain::Attempt;

use super::action::Action;
use super::record::RecordView;
use super::review::ReviewView;
use super::seminar::SeminarView;
use super::state::{Screen, SeminarRoom, State};
use super::{
    feedback, library, marking, matrix, problems, record, reference, review, seminar, settings,
    theme, top_bar,
};

/// The keyboard shortcuts outside seminars, from the one table in [`super::keymap`]
/// (seminar keys are read by the seminar screens, from the same table).
fn shortcuts(state: &State, ctx: &egui::Context, actions: &mut Vec<Action>) {
    use super::keymap::{Command, Scope};
    let marking = match &state.screen {
        Screen::Case { factor, .. } => Some(*factor),
        _ => None,
    };
    let scopes: &[Scope] = if marking.is_some() {
        &[Scope::Anywhere, Scope::Marking]
    } else {
        &[Scope::Anywhere]
    };
    let factor = marking.unwrap_or(0);
    let id = state.factor_id(factor);
    for command in super::keymap::commands(ctx, scopes) {
        match command {
            Command::Help => actions.push(Action::Settings(SettingsAction::Show)),
            Command::Close => match &state.screen {
                Screen::Reference { .. } => {
                    actions.push(Action::Settings(SettingsAction::CloseReference));
                }
                Screen::Settings { .. } => actions.push(Action::Settings(SettingsAction::Close)),
                _ => {}
            },
            Command::NextFactor => {
                if factor + 1 < state.model.factors.len() {
                    actions.push(Action::Case(CaseAction::SelectFactor(factor + 1)));
                }
            }
            Command::PreviousFactor => {
                if factor > 0 {
                    actions.push(Action::Case(CaseAction::SelectFactor(factor - 1)));
                }
            }
            Command::Verdict(verdict) => {
                if let Some(id) = &id {
                    actions.push(Action::Case(CaseAction::SetVerdict(
                        id.clone(),
                        Some(verdict),
                    )));
                }
            }
            Command::Confidence(confidence) => {
                if let Some(id) = &id {
                    actions.push(Action::Case(CaseAction::SetConfidence(
                        id.clone(),
                        Some(confidence),
                    )));
                }
            }
            Command::Check => actions.push(Action::Case(CaseAction::Check)),
            Command::TextLarger => actions.push(Action::Settings(SettingsAction::SetZoom(
                settings::larger_text(state.settings.zoom),
            ))),
            Command::TextSmaller => actions.push(Action::Settings(SettingsAction::SetZoom(
                settings::smaller_text(state.settings.zoom),
            ))),
            Command::TextStandard => actions.push(Action::Settings(SettingsAction::SetZoom(1.0))),
            Command::FullScreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            // Read by the seminar screens; egui handles its own keys.
            Command::SeminarNext | Command::SeminarPrevious | Command::Reveal | Command::Egui => {}
        }
    }
}

/// Whether an event types or presses something (what a focused box would take).
fn types(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Text(_) | egui::Event::Paste(_) | egui::Event::Key { pressed: true, .. }
    )
}

/// The focus move a Tab press asks for, if the event is one.
fn tab_move(event: &egui::Event) -> Option<egui::FocusDirection> {
    match event {
        egui::Event::Key {
            key: egui::Key::Tab,
            pressed: true,
            modifiers,
            ..
        } => {
            if modifiers.is_none() {
                Some(egui::FocusDirection::Next)
            } else if modifiers.shift_only() {
                Some(egui::FocusDirection::Previous)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Typing, then Tab, in the order they were pressed: at most one focus move a frame.
///
/// egui moves the focus for a Tab before any widget sees the frame's keys, so when digits
/// and a Tab arrive in one frame (typing at normal speed while the room view's second
/// window slows the frame), the box being left never gets its last digits and the next
/// box gets them instead: "12", Tab gave 1 and 2. Here a frame keeps the keys typed before
/// its first Tab and leaves that Tab for the next frame; a frame that starts with a Tab
/// keeps only the Tab, so the keys after it reach the box it moves to, after the move. What
/// is left waits, in order, for the next frame, which is asked for at once. This app has
/// no text box that keeps Tab for itself, so every Tab moves the focus.
fn one_focus_move_per_frame(ctx: &egui::Context) {
    let id = egui::Id::unique("casebook_keys_held_for_next_frame");
    let held: Vec<egui::Event> = ctx.data_mut(|d| d.remove_temp(id)).unwrap_or_default();
    let resumed = !held.is_empty();
    let (later, direction) = ctx.input_mut(|input| {
        let mut events = held;
        events.append(&mut input.events);
        let first_tab = events.iter().position(|e| tab_move(e).is_some());
        let split = match first_tab {
            None => events.len(),
            Some(tab) if events.iter().take(tab).any(types) => tab,
            Some(tab) => events
                .iter()
                .enumerate()
                .skip(tab + 1)
                .find(|(_, e)| types(e))
                .map_or(events.len(), |(n, _)| n),
        };
        let later = events.split_off(split);
        let direction = events
            .iter()
            .find_map(tab_move)
            .unwrap_or(egui::FocusDirection::None);
        input.events = events;
        (later, direction)
    });
    if resumed || !later.is_empty() {
        // egui read this frame's Tab presses from the raw input before this ran; the move
        // is the one this frame keeps.
        ctx.memory_mut(|m| m.move_focus(direction));
    }
    if !later.is_empty() {
        ctx.data_mut(|d| d.insert_temp(id, later));
        ctx.request_repaint();
    }
}

/// What the seminar's console and room view draw from.
fn seminar_view<'a>(state: &'a State, room: &'a SeminarRoom<'a>, ui: &egui::Ui) -> SeminarView<'a> {
    SeminarView {
        model: &state.model,
        case: room.case,
        seminar: room.seminar,
        room: &room.room,
        agenda: &room.agenda,
        room_agenda: &room.room_agenda,
        now: ui.input(|i| i.time),
        room_theme: state.settings.room_theme,
        room_text: state.settings.room_text,
        saved_folder: state
            .saved_in
            .iter()
            .find(|(said, _)| Some(said) == room.seminar.status.as_ref())
            .map(|(_, folder)| folder.as_path()),
    }
}

/// Draws one frame and returns what the user asked for.
pub fn draw(state: &State, ui: &mut egui::Ui) -> Vec<Action> {
    // Before any widget reads the keys.
    one_focus_move_per_frame(ui.ctx());
    let mut actions = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        top_bar::top_bar_ui(
            ui,
            &state.screen,
            state.seminar.is_some(),
            state.problems.len(),
            state.problems_visible,
            &mut actions,
        );
    });
    if !state.notices.is_empty() {
        egui::Panel::top("notices").show(ui, |ui| {
            for (index, notice) in state.notices.iter().enumerate() {
                egui::Frame::new()
                    .stroke(egui::Stroke::new(3.0, theme::colors(ui).blue))
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new("Your saved work").family(theme::bold()));
                            ui.label(notice);
                            if let Some((_, folder)) =
                                state.saved_in.iter().find(|(said, _)| said == notice)
                            {
                                let name = format!("Open the folder for message {}", index + 1);
                                let response = ui.button("Open the folder");
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                                });
                                if response.clicked() {
                                    actions.push(Action::OpenFolder(folder.clone()));
                                }
                            }
                            let name = format!("Dismiss message {}", index + 1);
                            let response = ui.button("Dismiss");
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if response.clicked() {
                                actions.push(Action::DismissNotice(index));
                            }
                        });
                    });
            }
        });
    }
    if state.problems_visible && !state.problems.is_empty() {
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                problems::problems_ui(
                    ui,
                    &state.problems,
                    state.problem_source.as_ref(),
                    &mut actions,
                );
            });
    }
    if let Some(status) = &state.status
        && !matches!(state.screen, Screen::Seminar)
    {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.label(
                egui::RichText::new(status)
                    .small()
                    .color(theme::colors(ui).secondary_text),
            );
        });
    }
    // The room's marks and agenda, worked out once a frame for the console and room view.
    let seminar_room = state.seminar_room();
    match &state.screen {
        Screen::Library => {
            egui::CentralPanel::default().show(ui, |ui| {
                library::library_ui(
                    ui,
                    &state.model,
                    state.library.cases(),
                    &state.progress,
                    &mut actions,
                );
            });
        }
        Screen::Case {
            case,
            factor,
            confirm_unmarked,
        } => {
            if let Some(loaded) = state.library.get(case) {
                let attempt = state.progress.attempts.get(case);
                let view = marking::MarkingView {
                    model: &state.model,
                    case: &loaded.case,
                    attempt,
                    factor_index: *factor,
                    confirm_unmarked: *confirm_unmarked,
                };
                marking::case_screen_ui(ui, &view, &mut actions);
            }
        }
        Screen::Feedback { case, focus } => {
            // `refresh_feedback` keeps this in step with every change of state.
            if let Some(loaded) = state.library.get(case)
                && let Some((_, result)) = state.feedback.as_ref().filter(|(id, _)| id == case)
            {
                let blank = Attempt::new(&loaded.case);
                let attempt = state.progress.attempts.get(case).unwrap_or(&blank);
                let history: Vec<Option<f32>> = state
                    .progress
                    .history
                    .iter()
                    .filter(|h| &h.attempt.case_id == case)
                    .map(|h| h.agreement)
                    .collect();
                let view = feedback::FeedbackView {
                    model: &state.model,
                    case: &loaded.case,
                    attempt,
                    feedback: result,
                    focus,
                    history: &history,
                };
                feedback::feedback_screen_ui(ui, &view, &mut actions);
            }
        }
        Screen::Seminar => {
            if let Some(room) = &seminar_room {
                let view = seminar_view(state, room, ui);
                seminar::seminar_keys(ui, &view, &mut actions);
                seminar::console_ui(ui, &view, &mut actions);
            }
        }
        Screen::Settings { .. } => {
            egui::CentralPanel::default().show(ui, |ui| {
                settings::settings_ui(ui, state.settings, &mut actions);
            });
        }
        Screen::Record { confirm_delete } => {
            egui::CentralPanel::default().show(ui, |ui| {
                let cases = state.library.all();
                let view = RecordView {
                    model: &state.model,
                    cases: &cases,
                    progress: &state.progress,
                    due: state.progress.due(state.now.utc, usize::MAX).len(),
                    folder: state.record_folder.clone(),
                    learning_platform: state.learning_platform,
                    confirm_delete: confirm_delete.as_deref(),
                };
                record::record_ui(ui, &view, &mut actions);
            });
        }
        Screen::Review(review) => {
            egui::CentralPanel::default().show(ui, |ui| {
                let case = review
                    .item
                    .as_ref()
                    .and_then(|(case, _)| state.library.get(case))
                    .map(|l| &l.case);
                let view = ReviewView {
                    model: &state.model,
                    case,
                    state: review,
                    due: state.progress.due(state.now.utc, usize::MAX).len(),
                };
                review::review_ui(ui, &view, &mut actions);
            });
        }
        Screen::Matrix { filter } => {
            egui::CentralPanel::default().show(ui, |ui| {
                matrix::matrix_ui(
                    ui,
                    &state.model,
                    &state.library.all(),
                    *filter,
                    &mut actions,
                );
            });
        }
        Screen::Assess(page) => {
            egui::CentralPanel::default().show(ui, |ui| {
                super::assess::assess_ui(ui, state, *page, &mut actions);
            });
        }
        Screen::Reference { factor, .. } => {
            egui::CentralPanel::default().show(ui, |ui| {
                reference::reference_ui(
                    ui,
                    &state.model,
                    &state.library.all(),
                    factor.as_ref(),
                    &mut actions,
                );
            });
        }
    }
    // The room view stays open while the seminar runs, whichever screen the facilitator is
    // on: a viewport not shown in a frame is closed, and would come back as a new window,
    // out of full screen and off the projector.
    // In a browser the room view is a page of its own, in a second window (see the
    // platform), kept in step with the console.
    if let Some(room) = &seminar_room
        && room.seminar.room_view
        && !crate::platform::ROOM_VIEW_IN_OWN_PAGE
    {
        let view = seminar_view(state, room, ui);
        seminar::show_room_view(ui.ctx(), &view, &mut actions);
    }
    shortcuts(state, ui.ctx(), &mut actions);
    theme::paint_focus_ring(ui.ctx());
    // Panes in the order they sit on screen, for screen readers.
    super::a11y::finish(ui.ctx());
    // Files dropped on the window go through the same loader as the dialog.
    let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if !dropped.is_empty() {
        actions.push(Action::Loading(LoadingAction::LoadPaths(dropped)));
    }
    actions
}
