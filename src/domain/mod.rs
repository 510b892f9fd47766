//! The teaching logic, as plain data and pure functions.
//!
//! This module owns the model of collaborative working, validated cases, a trainee's
//! attempt and the feedback computed from it. It must not import egui, eframe, rfd,
//! `std::fs` or the clock: everything here is deterministic and tested as plain functions.

pub mod assessment;
pub mod attempt;
pub mod autosave;
pub mod case;
pub mod casebook;
pub mod feedback;
#[cfg(test)]
mod fixtures;
pub mod lms;
pub mod model;
pub mod progress;
pub mod seminar;

pub use attempt::{Attempt, Confidence, Mark};
pub use case::{
    Answer, Audience, Case, CaseId, CaseKind, Contested, Passage, PassageId, PassageRole, Section,
    Source, SourceId, Verdict,
};
pub use casebook::{CaseFilter, FactorCoverage, Length};
pub use feedback::{Agreement, Calibration, FactorFeedback, Feedback, FeedbackTone};
pub use model::{Barrier, BarrierId, Factor, FactorGroup, FactorId, Model};
