//! Marking a case: choosing the factor, verdicts, confidence, evidence and notes, checking
//! the answers, starting again, and saving an attempt file.

use std::path::{Path, PathBuf};

use crate::domain::{Attempt, CaseId, Confidence, FactorId, PassageId, Verdict};
use crate::io;

use super::super::effect::{Effect, Effects, Saved};
use super::super::state::{Screen, State};
use super::feedback;

/// What the user can do while marking a case.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseAction {
    /// Open a case for marking at its first factor.
    Open(CaseId),
    /// Open a case for marking at a factor, by position in the model.
    OpenAt(CaseId, usize),
    /// Mark a different factor, by position in the model.
    SelectFactor(usize),
    /// Set or clear a verdict.
    SetVerdict(FactorId, Option<Verdict>),
    /// Set or clear a confidence.
    SetConfidence(FactorId, Option<Confidence>),
    /// Cite a passage as evidence, or stop citing it.
    ToggleEvidence(FactorId, PassageId),
    /// Replace a note.
    SetNote(FactorId, String),
    /// Check the answers: asks first if factors are unmarked.
    Check,
    /// Go back to marking from the unmarked-factors question.
    CancelCheck,
    /// Clear the marks on the open case and start again (checked attempts stay in the record).
    StartAgainBlank,
    /// Save the attempt file for the open case to this file.
    ExportAttempt(PathBuf),
}

/// Carries out a marking action.
pub fn apply(state: &mut State, action: CaseAction, effects: &mut Effects) {
    match action {
        CaseAction::Open(id) => apply(state, CaseAction::OpenAt(id, 0), effects),
        CaseAction::OpenAt(id, factor) => {
            if let Some(loaded) = state.library.get(&id)
                && factor < state.model.factors.len()
            {
                // Work on another version of this case is kept apart, never shown here.
                if state.progress.switch_to(&loaded.case) {
                    effects.push(Effect::RecordChanged);
                }
                state.screen = Screen::Case {
                    case: id,
                    factor,
                    confirm_unmarked: false,
                };
            }
        }
        CaseAction::SelectFactor(index) => {
            let count = state.model.factors.len();
            if let Screen::Case {
                factor,
                confirm_unmarked,
                ..
            } = &mut state.screen
                && index < count
            {
                *factor = index;
                *confirm_unmarked = false;
            }
        }
        CaseAction::SetVerdict(factor, verdict) => {
            edit(state, effects, |a| a.set_verdict(&factor, verdict));
        }
        CaseAction::SetConfidence(factor, confidence) => {
            edit(state, effects, |a| a.set_confidence(&factor, confidence));
        }
        CaseAction::ToggleEvidence(factor, passage) => {
            edit(state, effects, |a| a.toggle_evidence(&factor, &passage));
        }
        CaseAction::SetNote(factor, note) => edit(state, effects, |a| a.set_note(&factor, note)),
        CaseAction::Check => {
            let Some(case) = state.current_case_id() else {
                return;
            };
            let unmarked = state
                .progress
                .attempts
                .get(&case)
                .map_or(state.model.factors.len(), |a| {
                    a.unmarked(&state.model).len()
                });
            if unmarked == 0 {
                feedback::show(state, effects);
            } else if let Screen::Case {
                confirm_unmarked, ..
            } = &mut state.screen
            {
                *confirm_unmarked = true;
            }
        }
        CaseAction::CancelCheck => {
            let first_unmarked = state.current_case_id().and_then(|case| {
                let attempt = state.progress.attempts.get(&case)?;
                let first = attempt.unmarked(&state.model).into_iter().next()?;
                state.model.factors.iter().position(|f| &f.id == first)
            });
            if let Screen::Case {
                factor,
                confirm_unmarked,
                ..
            } = &mut state.screen
            {
                *confirm_unmarked = false;
                *factor = first_unmarked.unwrap_or(*factor);
            }
        }
        CaseAction::StartAgainBlank => {
            if let Some(case) = state.current_case_id() {
                state.progress.attempts.remove(&case);
                effects.push(Effect::RecordChanged);
                state.screen = Screen::Case {
                    case,
                    factor: 0,
                    confirm_unmarked: false,
                };
            }
        }
        CaseAction::ExportAttempt(path) => {
            let Some((_, attempt)) = state.open_case_and_attempt() else {
                return;
            };
            // Offered again next time: a seminar's shared folder, chosen once.
            let folder = path.parent().map(Path::to_path_buf);
            if folder.is_some() && state.progress.attempt_folder != folder {
                state.progress.attempt_folder = folder;
                effects.push(Effect::RecordChanged);
            }
            match io::attempt_file::to_text(&attempt, None) {
                Ok(text) => effects.push(Effect::Replace {
                    what: Saved::AttemptFile,
                    path,
                    text,
                }),
                Err(error) => state.tell(format!(
                    "Your attempt file could not be made ({error}). Nothing was saved."
                )),
            }
        }
    }
}

/// The file name to suggest for the open case's attempt file.
pub fn attempt_file_name(state: &State) -> Option<String> {
    let case = state.case(&state.current_case_id()?)?;
    Some(format!("attempt-{}-v{}.ron", case.id, case.version))
}

/// Applies an edit to the attempt on the open case.
fn edit(state: &mut State, effects: &mut Effects, change: impl FnOnce(&mut Attempt)) {
    if let Some(case) = state.current_case_id()
        && let Some(attempt) = state.attempt_mut(&case)
    {
        change(attempt);
        effects.push(Effect::RecordChanged);
    }
}
