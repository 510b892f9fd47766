//! My record and spaced review: showing the record, deleting it (after saying which files
//! go), and answering reviews.

use std::path::PathBuf;

use crate::domain::progress::{Progress, ReviewQuestion};
use crate::domain::{FactorId, Verdict};
use crate::io;

use super::super::effect::{Effect, Effects, Saved};
use super::super::review::ReviewState;
use super::super::state::{Screen, State};

/// How many reviews make one sitting.
pub const REVIEW_SESSION: usize = 10;

/// What the user can do with their record.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordAction {
    /// Show "My record".
    Show,
    /// Ask to delete the record: the files that hold it are listed first.
    AskDelete,
    /// The files that hold the record, listed by the platform: ask the user to confirm.
    ConfirmDelete(Vec<PathBuf>),
    /// Delete the record, after confirmation.
    Delete,
    /// Show the next review due.
    ShowReview,
    /// Choose an answer in a review.
    ChooseReview {
        /// The factor chosen.
        factor: Option<FactorId>,
        /// The verdict chosen.
        verdict: Option<Verdict>,
    },
    /// Check a review answer and schedule the next review.
    AnswerReview,
    /// Save the whole record as a file (in a browser, a download), in the same text as
    /// `progress.ron`.
    Download,
    /// Ask for a record file to replace the record with.
    Load,
    /// A record file was read and checked: the record it holds and the key the old record
    /// was kept under (if there was one), or what was wrong, in words naming the file.
    Loaded {
        /// The file's name.
        file: String,
        /// The record, and where the one it replaced is kept; or what was wrong.
        result: Result<(Box<Progress>, Option<String>), String>,
    },
}

/// Carries out a record action.
pub fn apply(state: &mut State, action: RecordAction, effects: &mut Effects) {
    match action {
        RecordAction::Show => {
            state.screen = Screen::Record {
                confirm_delete: None,
            };
        }
        RecordAction::AskDelete => {
            state.screen = Screen::Record {
                confirm_delete: Some(Vec::new()),
            };
            effects.push(Effect::ListRecordFiles);
        }
        RecordAction::ConfirmDelete(files) => {
            if let Screen::Record { confirm_delete } = &mut state.screen {
                *confirm_delete = Some(files);
            }
        }
        RecordAction::Delete => {
            state.progress.clear();
            effects.push(Effect::DeleteRecord);
            state.screen = Screen::Record {
                confirm_delete: None,
            };
        }
        RecordAction::ShowReview => {
            let item = state
                .progress
                .due(state.now.utc, REVIEW_SESSION)
                .into_iter()
                .find(|r| state.library.get(&r.case).is_some())
                .map(|r| (r.case.clone(), r.factor.clone()));
            state.screen = Screen::Review(ReviewState {
                item,
                ..ReviewState::default()
            });
        }
        RecordAction::ChooseReview { factor, verdict } => {
            if let Screen::Review(review) = &mut state.screen
                && review.outcome.is_none()
            {
                review.factor = factor;
                review.verdict = verdict;
            }
        }
        RecordAction::AnswerReview => answer_review(state, effects),
        RecordAction::Download => match io::store::to_text(&state.progress) {
            Ok(text) => effects.push(Effect::WriteNew {
                what: Saved::RecordCopy,
                folder: PathBuf::new(),
                stem: format!("collab-casebook-record-{}", state.now.today),
                files: vec![("ron", text)],
            }),
            Err(error) => state.tell(format!(
                "Your record could not be saved as a file ({error}). It is still kept here."
            )),
        },
        RecordAction::Load => effects.push(Effect::LoadRecord),
        RecordAction::Loaded { file, result } => match result {
            Ok((progress, kept)) => {
                // A running seminar is the app's, not the record's: it carries on.
                state.progress = Progress {
                    seminar: None,
                    ..*progress
                };
                state.screen = Screen::Record {
                    confirm_delete: None,
                };
                state.tell(match kept {
                    Some(key) => format!(
                        "Your record was loaded from {file}. The record it replaced is kept in this browser's storage for this site, under \"{key}\"; Delete my record removes it."
                    ),
                    None => format!("Your record was loaded from {file}."),
                });
            }
            Err(message) => state.tell(message),
        },
    }
}

/// Checks the review answer on screen and schedules the next review.
fn answer_review(state: &mut State, effects: &mut Effects) {
    let Screen::Review(review) = &mut state.screen else {
        return;
    };
    let (Some((case_id, factor)), Some(chosen), Some(verdict)) =
        (review.item.clone(), review.factor.clone(), review.verdict)
    else {
        return;
    };
    let Some(case) = state.library.get(&case_id).map(|l| &l.case) else {
        return;
    };
    let Some(question) = ReviewQuestion::for_item(case, &factor) else {
        return;
    };
    let right = question.is_right(&chosen, verdict);
    review.outcome = Some(right);
    state
        .progress
        .answer_review(&case_id, &factor, right, state.now.utc);
    effects.push(Effect::RecordChanged);
}
