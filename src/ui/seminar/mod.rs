//! Seminar mode: a facilitator's console in the main window, and a room view with large
//! type for the projector, in a second window. The console holds the controls, the notes
//! and the prompts, so the room does not see them.
//!
//! The facilitator moves through the case one section at a time, then one factor at a
//! time, then to the debrief. Page Down and Page Up (what presentation clickers send), or
//! the arrow keys when nothing else has focus, move on and back. R reveals the model's
//! answer for the factor on screen.

use crate::ui::SeminarAction;
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::seminar::{AgendaItem, RoomFactor, SavedSeminar, Tally, Timer};
use crate::domain::{Case, CaseId, FactorId, Model};
use crate::io::attempt_file::Gathered;

use super::Action;

pub use crate::domain::seminar::Stage;

/// A seminar in progress.
#[derive(Clone, Debug)]
pub struct Seminar {
    /// The case being discussed.
    pub case: CaseId,
    /// Where the room is.
    pub stage: Stage,
    /// Show-of-hands counts, by factor.
    pub hands: BTreeMap<FactorId, Tally>,
    /// Attempt files counted and set aside.
    pub gathered: Gathered,
    /// Factors whose model answer the room has seen.
    pub revealed: BTreeSet<FactorId>,
    /// The facilitator's timer, if started.
    pub timer: Option<Timer>,
    /// Whether the room view window is open.
    pub room_view: bool,
    /// The last thing saved or imported, for the status line.
    pub status: Option<String>,
    /// Set when the facilitator asked to end the seminar and must confirm.
    pub confirm_end: bool,
    /// The folder watched for the room's attempt files, if any.
    pub watched_folder: Option<std::path::PathBuf>,
}

impl Seminar {
    /// A new seminar on a case, at its first section, with the room view open (in a
    /// browser, closed: there it is a second browser window, which a page may open only
    /// when the facilitator asks).
    pub fn new(case: &Case) -> Self {
        Self {
            case: case.id.clone(),
            stage: Stage::Section(0),
            hands: BTreeMap::new(),
            gathered: Gathered::default(),
            revealed: BTreeSet::new(),
            timer: None,
            room_view: !cfg!(target_arch = "wasm32"),
            status: None,
            confirm_end: false,
            watched_folder: None,
        }
    }

    /// The seminar as the record keeps it, at `now` (the timer as seconds counted).
    pub fn saved(&self, case: &Case, now: f64) -> SavedSeminar {
        let (counted, set_aside) = crate::io::seminar_file::saved_files(&self.gathered);
        SavedSeminar {
            case: self.case.clone(),
            case_version: case.version,
            stage: self.stage,
            hands: self.hands.clone(),
            counted,
            set_aside,
            revealed: self.revealed.clone(),
            timer: self.timer.map(|t| t.state(now)),
            room_view: self.room_view,
        }
    }

    /// A saved seminar, resumed (check it first with `SavedSeminar::resume_on`); its
    /// timer comes back paused.
    pub fn resumed(saved: SavedSeminar) -> Self {
        Self {
            gathered: crate::io::seminar_file::gathered(&saved),
            case: saved.case,
            stage: saved.stage,
            hands: saved.hands,
            revealed: saved.revealed,
            timer: saved.timer.map(Timer::restore),
            // A browser's room window is not open after a reload: the facilitator opens it.
            room_view: saved.room_view && !crate::platform::ROOM_VIEW_IN_OWN_PAGE,
            status: None,
            confirm_end: false,
            watched_folder: None,
        }
    }

    /// The stage `step` places on from the current one, staying within the seminar.
    pub fn stepped(&self, case: &Case, factors: usize, step: i32) -> Stage {
        let stages: Vec<Stage> = (0..case.sections.len())
            .map(Stage::Section)
            .chain((0..factors).map(Stage::Factor))
            .chain(std::iter::once(Stage::Debrief))
            .collect();
        let at = stages.iter().position(|s| *s == self.stage).unwrap_or(0) as i64;
        let last = stages.len().saturating_sub(1) as i64;
        let to = (at + i64::from(step)).clamp(0, last) as usize;
        stages.get(to).copied().unwrap_or(self.stage)
    }
}

/// What the seminar screens draw from.
pub struct SeminarView<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case.
    pub case: &'a Case,
    /// The seminar.
    pub seminar: &'a Seminar,
    /// The room's marks, hands and files together.
    pub room: &'a BTreeMap<FactorId, RoomFactor>,
    /// The debrief agenda, for the console.
    pub agenda: &'a [AgendaItem],
    /// The agenda as the room sees it, giving away no answer not yet revealed.
    pub room_agenda: &'a [AgendaItem],
    /// The time now, in seconds, for the timer.
    pub now: f64,
    /// The room view's colours, chosen apart from the console's theme.
    pub room_theme: super::theme::ThemeChoice,
    /// Steps the facilitator has made the room view's text larger (or, below 0, smaller)
    /// than the size that fits the window.
    pub room_text: i32,
    /// The folder the status line's save went to, offered to open.
    pub saved_folder: Option<&'a std::path::Path>,
}

impl SeminarView<'_> {
    fn current_factor(&self) -> Option<(usize, &crate::domain::Factor)> {
        match self.seminar.stage {
            Stage::Factor(index) => self.model.factors.get(index).map(|f| (index, f)),
            Stage::Section(_) | Stage::Debrief => None,
        }
    }
}

/// Reads the keys that move the seminar on, in whichever window has focus.
pub fn seminar_keys(ui: &egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    use super::keymap::{Command, Scope};
    for command in super::keymap::commands(ui.ctx(), &[Scope::Seminar]) {
        match command {
            Command::SeminarNext => actions.push(Action::Seminar(SeminarAction::Step(1))),
            Command::SeminarPrevious => actions.push(Action::Seminar(SeminarAction::Step(-1))),
            Command::Reveal => {
                if let Some((_, factor)) = view.current_factor() {
                    actions.push(Action::Seminar(SeminarAction::Reveal(factor.id.clone())));
                }
            }
            // Only seminar keys are asked for here.
            Command::Egui
            | Command::Help
            | Command::Close
            | Command::NextFactor
            | Command::PreviousFactor
            | Command::Verdict(_)
            | Command::Confidence(_)
            | Command::Check
            | Command::TextLarger
            | Command::TextSmaller
            | Command::TextStandard
            | Command::FullScreen => {}
        }
    }
}

mod charts;
mod console;
pub mod room_link;
mod room_view;

pub use console::console_ui;
pub use room_view::{
    ROOM_MIN_BODY, room_body_size, room_position, room_view_ui, room_window_ui, show_room_view,
};
