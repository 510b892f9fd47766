//! Opening case files: starting a load, taking in what it found, reloads after a save, and
//! the problems panel with the lines around a problem.

use std::path::PathBuf;

use crate::io::{self, FileError, LoadReport};

use super::super::effect::{Effect, Effects};
use super::super::loader::Purpose;
use super::super::problems;
use super::super::state::State;

/// What the user (or the platform, for loads and reloads) can do with case files.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadingAction {
    /// Load cases from files and folders.
    LoadPaths(Vec<PathBuf>),
    /// A load finished (the platform reports it).
    Loaded {
        /// The paths it was asked for.
        paths: Vec<PathBuf>,
        /// Why they were loaded.
        purpose: Purpose,
        /// What was found.
        report: LoadReport,
        /// Whether another load is still running.
        more_to_come: bool,
    },
    /// Case files changed on disk (the platform's watcher reports them): reload them.
    Changed(Vec<PathBuf>),
    /// Files cannot be watched, so saved cases will not reload by themselves; why.
    NotWatching(String),
    /// Show or hide the problems panel.
    SetProblemsVisible(bool),
    /// Show the lines of a file around a problem.
    ShowProblemSource {
        /// The file, as the problem names it.
        file: String,
        /// Where the problem is.
        position: io::Position,
    },
    /// The file around a problem, read by the platform: its text, or why it could not be read.
    ProblemSourceRead {
        /// The file, as the problem names it.
        file: String,
        /// Where the problem is.
        position: io::Position,
        /// The text, or the problem reading it.
        text: Result<String, FileError>,
    },
    /// Hide the lines shown for a problem.
    HideProblemSource,
}

/// Carries out a loading action.
pub fn apply(state: &mut State, action: LoadingAction, effects: &mut Effects) {
    match action {
        LoadingAction::LoadPaths(paths) => {
            effects.push(Effect::Load {
                paths,
                purpose: Purpose::Open,
            });
            state.status = Some("Opening files…".to_owned());
        }
        LoadingAction::Loaded {
            paths,
            purpose,
            report,
            more_to_come,
        } => {
            let names: Vec<String> = paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            let bad = report.errors.len();
            state.take_report(report);
            if purpose == Purpose::Reload {
                state.status = Some(if bad == 0 {
                    format!("Reloaded {} after it was saved.", names.join(", "))
                } else {
                    format!(
                        "{} changed and has problems; the last good version is still open.",
                        names.join(", ")
                    )
                });
            } else if more_to_come {
                // Another load is still going: say so rather than that everything is open.
                state.status = Some("Opening files…".to_owned());
            }
        }
        LoadingAction::Changed(paths) => effects.push(Effect::Load {
            paths,
            purpose: Purpose::Reload,
        }),
        LoadingAction::NotWatching(reason) => {
            state.status = Some(format!(
                "Cases you open will not reload by themselves when you save them ({reason}). Open a case again to see your changes."
            ));
        }
        LoadingAction::SetProblemsVisible(visible) => state.problems_visible = visible,
        LoadingAction::ShowProblemSource { file, position } => {
            // The text as it was checked, when it was read; otherwise ask the platform, which
            // says why the file cannot be read.
            match state.problem_texts.get(&file) {
                Some(text) => {
                    state.problem_source = Some(problems::Source {
                        lines: io::error::excerpt(text, position, 2),
                        file,
                        position,
                        unreadable: None,
                    });
                }
                None => effects.push(Effect::ReadProblemSource { file, position }),
            }
        }
        LoadingAction::ProblemSourceRead {
            file,
            position,
            text,
        } => {
            // Read through the same guarded reader as the cases: a file that is now a
            // pipe or too large is refused, and the reason shown, never lost.
            let (lines, unreadable) = match text {
                Ok(text) => (io::error::excerpt(&text, position, 2), None),
                Err(error) => (
                    Vec::new(),
                    Some(
                        error
                            .problems
                            .iter()
                            .map(|p| p.kind.to_string())
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                ),
            };
            state.problem_source = Some(problems::Source {
                file,
                position,
                lines,
                unreadable,
            });
        }
        LoadingAction::HideProblemSource => state.problem_source = None,
    }
}
