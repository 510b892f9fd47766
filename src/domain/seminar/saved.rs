//! A running seminar as plain data, to save and resume (see the module above).

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::attempt::Attempt;
use crate::domain::case::{Case, CaseId};
use crate::domain::model::FactorId;

use super::{RoomFactor, Tally, TimerState, aggregate};

/// Where a seminar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Reading a section of the case, by position.
    Section(usize),
    /// Discussing a factor, by position in the model.
    Factor(usize),
    /// The debrief agenda.
    Debrief,
}

/// An attempt file counted in a seminar: its marks, the label its trainee gave it, if any,
/// and the file it came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CountedAttempt {
    /// The marks.
    pub attempt: Attempt,
    /// A name or label the trainee chose to give; anonymous when `None`.
    #[serde(default)]
    pub participant: Option<String>,
    /// The file, as it was named when imported.
    pub file: String,
}

/// An attempt file set aside in a seminar, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SetAside {
    /// The file could not be read or is not a valid attempt.
    Unreadable {
        /// The file.
        file: String,
        /// Each problem as it was reported, with its line and column when it had one.
        problems: Vec<SavedProblem>,
    },
    /// The file is for another case.
    OtherCase {
        /// The file.
        file: String,
        /// Its case id.
        found: CaseId,
        /// The seminar's case id.
        expected: CaseId,
    },
    /// The file was made on another version of the case.
    OtherVersion {
        /// The file.
        file: String,
        /// Its version.
        found: u32,
        /// The seminar's version.
        expected: u32,
    },
    /// The same attempt was already counted.
    Duplicate {
        /// The file.
        file: String,
        /// The file already counted.
        other: String,
    },
}

/// One problem found in an attempt file, as it was reported.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SavedProblem {
    /// Line and column, from 1, when the problem had a place.
    #[serde(default)]
    pub at: Option<(usize, usize)>,
    /// What was wrong, in words.
    pub message: String,
}

/// A running seminar as plain data: what must survive closing the app or a crash. See
/// "Saving a seminar" in the module documentation.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedSeminar {
    /// The case being discussed.
    pub case: CaseId,
    /// The version of the case it was run on.
    pub case_version: u32,
    /// Where the room was.
    pub stage: Stage,
    /// Show-of-hands counts, by factor.
    #[serde(default)]
    pub hands: BTreeMap<FactorId, Tally>,
    /// Attempt files counted.
    #[serde(default)]
    pub counted: Vec<CountedAttempt>,
    /// Attempt files set aside, with why.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
    /// Factors whose model answer the room has seen.
    #[serde(default)]
    pub revealed: BTreeSet<FactorId>,
    /// The facilitator's timer, if started.
    #[serde(default)]
    pub timer: Option<TimerState>,
    /// Whether the room view was open.
    #[serde(default = "room_view_open")]
    pub room_view: bool,
}

fn room_view_open() -> bool {
    true
}

impl SavedSeminar {
    /// A new seminar on a case: at its first section, nothing counted, the room view open.
    pub fn new(case: &Case) -> Self {
        Self {
            case: case.id.clone(),
            case_version: case.version,
            stage: Stage::Section(0),
            hands: BTreeMap::new(),
            counted: Vec::new(),
            set_aside: Vec::new(),
            revealed: BTreeSet::new(),
            timer: None,
            room_view: true,
        }
    }

    /// The room's marks: the show of hands and the counted attempt files together.
    pub fn room(&self, case: &Case) -> BTreeMap<FactorId, RoomFactor> {
        let attempts: Vec<&Attempt> = self.counted.iter().map(|c| &c.attempt).collect();
        aggregate(case, &self.hands, &attempts)
    }

    /// Checks a saved seminar against its case as it is open now, with `factors` factors in
    /// the model. The case must be the same case at the same version (attempt files were
    /// checked against that version). A stage beyond the case becomes the debrief, and an
    /// attempt counted for another case or version (only a hand-edited file could hold
    /// one) is set aside with the usual reason.
    pub fn resume_on(mut self, case: &Case, factors: usize) -> Result<Self, ResumeProblem> {
        if self.case != case.id {
            return Err(ResumeProblem::OtherCase {
                saved: self.case,
                open: case.id.clone(),
            });
        }
        if self.case_version != case.version {
            return Err(ResumeProblem::CaseChanged {
                title: case.title.clone(),
                saved: self.case_version,
                open: case.version,
            });
        }
        self.stage = match self.stage {
            Stage::Section(index) if index < case.sections.len() => Stage::Section(index),
            Stage::Factor(index) if index < factors => Stage::Factor(index),
            Stage::Section(_) | Stage::Factor(_) | Stage::Debrief => Stage::Debrief,
        };
        let (counted, other): (Vec<CountedAttempt>, Vec<CountedAttempt>) = self
            .counted
            .into_iter()
            .partition(|c| c.attempt.case_id == case.id && c.attempt.case_version == case.version);
        self.counted = counted;
        for stray in other {
            self.set_aside.push(if stray.attempt.case_id == case.id {
                SetAside::OtherVersion {
                    file: stray.file,
                    found: stray.attempt.case_version,
                    expected: case.version,
                }
            } else {
                SetAside::OtherCase {
                    file: stray.file,
                    found: stray.attempt.case_id,
                    expected: case.id.clone(),
                }
            });
        }
        Ok(self)
    }
}

/// Why a saved seminar cannot be resumed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResumeProblem {
    /// It was on another case.
    #[error("The saved seminar is on the case \"{saved}\", not \"{open}\".")]
    OtherCase {
        /// The saved seminar's case.
        saved: CaseId,
        /// The case offered.
        open: CaseId,
    },
    /// The case has changed version since.
    #[error(
        "The seminar on {title} was run on version {saved} of the case, and version {open} is open now. Its marks may not match the text, so it cannot be resumed."
    )]
    CaseChanged {
        /// The case's title.
        title: String,
        /// The version the seminar was run on.
        saved: u32,
        /// The version open now.
        open: u32,
    },
}
