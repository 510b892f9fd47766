//! Feedback on a checked attempt: showing it (which records the check), moving between
//! factors, going back to change answers, and saving a feedback report.

use std::path::PathBuf;

use crate::domain::{FactorId, Feedback};
use crate::io;

use super::super::effect::{Effect, Effects, Saved};
use super::super::state::{Screen, State};

/// What the user can do with feedback.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedbackAction {
    /// Show feedback, marked or not (this records the check).
    Show,
    /// Highlight a factor's evidence on the feedback screen.
    Focus(FactorId),
    /// Return from feedback to marking, at a factor.
    ChangeAnswers(FactorId),
    /// Save a feedback report for the open case into a folder.
    ExportReport(PathBuf),
}

/// Carries out a feedback action.
pub fn apply(state: &mut State, action: FeedbackAction, effects: &mut Effects) {
    match action {
        FeedbackAction::Show => show(state, effects),
        FeedbackAction::Focus(factor) => {
            if let Screen::Feedback { focus, .. } = &mut state.screen {
                *focus = factor;
            }
        }
        FeedbackAction::ChangeAnswers(factor) => {
            if let Some(case) = state.current_case_id() {
                let index = state
                    .model
                    .factors
                    .iter()
                    .position(|f| f.id == factor)
                    .unwrap_or(0);
                state.screen = Screen::Case {
                    case,
                    factor: index,
                    confirm_unmarked: false,
                };
            }
        }
        FeedbackAction::ExportReport(folder) => {
            let Some((case, attempt)) = state.open_case_and_attempt() else {
                return;
            };
            let feedback = Feedback::new(&state.model, &case, &attempt);
            let report = io::feedback_report::Report {
                model: &state.model,
                case: &case,
                attempt: &attempt,
                feedback: &feedback,
                date: &state.now.today,
            };
            effects.push(Effect::WriteNew {
                what: Saved::FeedbackReport,
                folder,
                stem: io::feedback_report::file_stem(&report),
                files: vec![
                    ("md", io::feedback_report::markdown(&report)),
                    ("html", io::feedback_report::html(&report)),
                ],
            });
        }
    }
}

/// Checks the open case: records the check in the record and shows feedback, first at the
/// factor the feedback puts first.
pub fn show(state: &mut State, effects: &mut Effects) {
    let Some((case, attempt)) = state.open_case_and_attempt() else {
        return;
    };
    let result = Feedback::new(&state.model, &case, &attempt);
    let focus = result
        .factors
        .first()
        .map(|f| f.factor.clone())
        .or_else(|| state.factor_id(0));
    state
        .progress
        .record_check(&case, &attempt, &result, state.now.utc);
    effects.push(Effect::RecordChanged);
    if let Some(focus) = focus {
        state.screen = Screen::Feedback {
            case: case.id,
            focus,
        };
    }
}
