//! The room view as plain data, for a room view drawn somewhere else than the console: in
//! a browser, a second browser window (for the projector), kept in step with the console
//! by messages (the platform carries them; see `platform/web_room.rs`).
//!
//! The console sends a [`RoomSnapshot`] whenever what the room sees changes: the case
//! (without the facilitator's notes), where the seminar is, the answers revealed, the
//! room's marks, the room's agenda (which gives away no answer not yet revealed), the
//! timer, and the room view's colours and text size. The room window draws it with the
//! same code as the desktop's room view window ([`super::room_window_ui`]), and sends the
//! keys pressed there (next, previous, reveal) back as [`RoomMessage`]s, which the
//! console carries out as if they were pressed on it.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::seminar::{AgendaItem, RoomFactor, Stage, Timer, TimerState};
use crate::domain::{Case, FactorId, Model};

use super::super::state::State;
use super::super::theme::ThemeChoice;
use super::super::{Action, SeminarAction};
use super::{Seminar, SeminarView};

/// What the room view draws, as data that can be sent to another window.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RoomSnapshot {
    /// The case, without the facilitator's notes.
    pub case: Case,
    /// Where the seminar is.
    pub stage: Stage,
    /// Factors whose model answer the room has seen.
    pub revealed: BTreeSet<FactorId>,
    /// The timer when the snapshot was taken, if there is one.
    pub timer: Option<TimerState>,
    /// The room's marks, by factor.
    pub room: BTreeMap<FactorId, RoomFactor>,
    /// The debrief agenda as the room may see it.
    pub room_agenda: Vec<AgendaItem>,
    /// The room view's colours.
    pub room_theme: ThemeChoice,
    /// Steps the room view's text is larger (or, below 0, smaller) than the size that fits.
    pub room_text: i32,
}

impl RoomSnapshot {
    /// What the room sees of the seminar in progress at `now` (the timer's clock, in
    /// seconds); `None` when no seminar is running.
    pub fn of(state: &State, now: f64) -> Option<Self> {
        let room = state.seminar_room()?;
        let mut case = room.case.clone();
        // The room never sees the facilitator's notes.
        case.facilitator_notes.clear();
        Some(Self {
            case,
            stage: room.seminar.stage,
            revealed: room.seminar.revealed.clone(),
            timer: room.seminar.timer.map(|timer| timer.state(now)),
            room: room.room,
            room_agenda: room.room_agenda,
            room_theme: state.settings.room_theme,
            room_text: state.settings.room_text,
        })
    }

    /// The snapshot with the timer's count in whole seconds: two snapshots that are the
    /// same this way show the room the same thing, so need not be sent again.
    pub fn to_the_second(&self) -> Self {
        let mut snapshot = self.clone();
        if let Some(timer) = &mut snapshot.timer {
            timer.elapsed = timer.elapsed.floor();
        }
        snapshot
    }

    /// The seminar the room window draws from, received at `now` on the room window's
    /// clock: a running timer counts on from there.
    pub fn seminar(&self, now: f64) -> Seminar {
        let mut seminar = Seminar::new(&self.case);
        seminar.stage = self.stage;
        seminar.revealed = self.revealed.clone();
        seminar.room_view = true;
        seminar.timer = self.timer.map(|state| {
            let mut timer = Timer::restore(state);
            if state.running {
                timer.resume(now);
            }
            timer
        });
        seminar
    }

    /// The view the room window draws, at `now` on its clock.
    pub fn view<'a>(&'a self, model: &'a Model, seminar: &'a Seminar, now: f64) -> SeminarView<'a> {
        SeminarView {
            model,
            case: &self.case,
            seminar,
            room: &self.room,
            // The room window has only the room's agenda.
            agenda: &self.room_agenda,
            room_agenda: &self.room_agenda,
            now,
            room_theme: self.room_theme,
            room_text: self.room_text,
            saved_folder: None,
        }
    }
}

/// A message between the console and a room window.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RoomMessage {
    /// Console to room: what to show now.
    Show(Box<RoomSnapshot>),
    /// Console to room: the room view was closed, the seminar ended, or the console's page
    /// was closed or reloaded.
    Closed,
    /// Room to console: the room window has opened and needs what to show.
    Ready,
    /// Room to console: move on (1) or back (-1), pressed in the room window.
    Step(i32),
    /// Room to console: reveal the model's answer for this factor, pressed in the room
    /// window.
    Reveal(FactorId),
    /// Room to console: the room window is closing.
    Gone,
}

impl RoomMessage {
    /// The message as text, to send.
    pub fn to_text(&self) -> Option<String> {
        ron::to_string(self).ok()
    }

    /// A message from its text; `None` if it is not one.
    pub fn from_text(text: &str) -> Option<Self> {
        ron::from_str(text).ok()
    }

    /// What the console does for a message from the room window: a key pressed there is
    /// carried out as if pressed on the console; a room window closed closes the room view.
    pub fn console_action(self) -> Option<Action> {
        match self {
            Self::Step(step) => Some(Action::Seminar(SeminarAction::Step(step.clamp(-1, 1)))),
            Self::Reveal(factor) => Some(Action::Seminar(SeminarAction::Reveal(factor))),
            Self::Gone => Some(Action::Seminar(SeminarAction::SetRoomView(false))),
            // Answered by the platform (it sends the room what to show), or the console's own.
            Self::Ready | Self::Show(_) | Self::Closed => None,
        }
    }

    /// The message a room window sends for an action its keys asked for; `None` for
    /// anything else.
    pub fn for_console(action: &Action) -> Option<Self> {
        match action {
            Action::Seminar(SeminarAction::Step(step)) => Some(Self::Step(*step)),
            Action::Seminar(SeminarAction::Reveal(factor)) => Some(Self::Reveal(factor.clone())),
            _ => None,
        }
    }
}
