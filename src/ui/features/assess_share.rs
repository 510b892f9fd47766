//! Sharing your own collaboration: your assessment as a file for the team's view (anonymous
//! unless you add a name), a lead's import of the team's files, "what changed" for a
//! course team (the partnership's name and personal notes left out unless ticked in), and
//! a course team's import of those, saved as Markdown, HTML and CSV.

use std::path::{Path, PathBuf};

use crate::domain::assessment::{ChangeReport, ShareChoices};
use crate::io::assessment_file::{self, Cohort, Export, Team};
use crate::io::cohort_report::{self, CohortSummary};

use super::super::action::{Action, Dialog};
use super::super::effect::{Effect, Effects, Saved};
use super::super::state::State;
use super::assess::AssessAction;

/// The share pages' choices, and what they have read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareDrafts {
    /// A name or label for files shared; anonymous when blank.
    pub participant: String,
    /// Put the partnership's name in the assessment file.
    pub include_partnership: bool,
    /// What goes into "what changed".
    pub choices: ShareChoices,
    /// The team's files, once imported.
    pub team: Option<Team>,
    /// The cohort's "what changed" files, once imported.
    pub cohort: Option<Cohort>,
    /// Why something could not be done, if it could not.
    pub problem: Option<String>,
}

/// The file dialogs of your own collaboration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollabDialog {
    /// Where to save your assessment file.
    SaveAssessment,
    /// A folder of the team's assessment files.
    ImportTeam,
    /// Where to save your "what changed" file.
    SaveChanges,
    /// A folder of "what changed" files.
    ImportChanges,
    /// A folder for the cohort summary.
    CohortFolder,
}

impl CollabDialog {
    /// Whether it chooses where to save (rather than what to open).
    pub fn saves(self) -> bool {
        match self {
            Self::SaveAssessment | Self::SaveChanges | Self::CohortFolder => true,
            Self::ImportTeam | Self::ImportChanges => false,
        }
    }

    /// Whether it picks a folder (rather than a file).
    pub fn picks_folder(self) -> bool {
        match self {
            Self::ImportTeam | Self::ImportChanges | Self::CohortFolder => true,
            Self::SaveAssessment | Self::SaveChanges => false,
        }
    }

    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::SaveAssessment => "Save your assessment file",
            Self::ImportTeam => "Choose the folder of your team's assessment files",
            Self::SaveChanges => "Save your \"what changed\" file",
            Self::ImportChanges => "Choose the folder of \"what changed\" files",
            Self::CohortFolder => "Choose a folder for the cohort summary",
        }
    }

    /// What is saved, for a dialog that saves.
    pub fn saved(self) -> Option<Saved> {
        match self {
            Self::SaveAssessment => Some(Saved::Collab(CollabSaved::AssessmentFile)),
            Self::SaveChanges => Some(Saved::Collab(CollabSaved::ChangesFile)),
            Self::CohortFolder => Some(Saved::Collab(CollabSaved::CohortReport)),
            Self::ImportTeam | Self::ImportChanges => None,
        }
    }

    /// What choosing `path` leads to.
    pub fn chosen(self, path: PathBuf) -> Action {
        let action = match self {
            Self::SaveAssessment => ShareAction::AssessmentFileChosen(path),
            Self::ImportTeam => ShareAction::ReadTeam(vec![path]),
            Self::SaveChanges => ShareAction::ChangesFileChosen(path),
            Self::ImportChanges => ShareAction::ReadChanges(vec![path]),
            Self::CohortFolder => ShareAction::CohortFolderChosen(path),
        };
        action.into()
    }
}

/// Files of your own collaboration saved, for the message that follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollabSaved {
    /// Your assessment file.
    AssessmentFile,
    /// Your "what changed" file.
    ChangesFile,
    /// A course team's cohort summary.
    CohortReport,
}

/// Which kind of files to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollabFiles {
    /// The team's assessment files.
    Team,
    /// "What changed" files.
    Changes,
}

/// What the user can do on the share pages.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareAction {
    /// A name for the files shared; blank to stay anonymous.
    SetParticipant(String),
    /// Put the partnership's name in the assessment file, or not.
    SetIncludePartnership(bool),
    /// What goes into "what changed".
    SetChoices(ShareChoices),
    /// Ask where to save your latest assessment as a file.
    SaveAssessment,
    /// Save it there.
    AssessmentFileChosen(PathBuf),
    /// Ask for a folder of the team's files.
    ImportTeam,
    /// Read the team's files.
    ReadTeam(Vec<PathBuf>),
    /// The team's files, read by the platform.
    TeamRead(Team),
    /// Ask where to save "what changed".
    SaveChanges,
    /// Save it there.
    ChangesFileChosen(PathBuf),
    /// Ask for a folder of "what changed" files.
    ImportChanges,
    /// Read them.
    ReadChanges(Vec<PathBuf>),
    /// The "what changed" files, read by the platform.
    ChangesRead(Cohort),
    /// Ask for a folder for the cohort summary.
    SaveCohortSummary,
    /// Save it there.
    CohortFolderChosen(PathBuf),
    /// The platform cannot read files this way (the browser), and says why.
    CannotRead(String),
}

impl From<AssessAction> for Action {
    fn from(action: AssessAction) -> Self {
        Self::Assess(action)
    }
}

impl From<ShareAction> for Action {
    fn from(action: ShareAction) -> Self {
        Self::Assess(AssessAction::Share(action))
    }
}

fn ask(effects: &mut Effects, dialog: CollabDialog, file_name: Option<String>) {
    effects.push(Effect::Ask {
        dialog: Dialog::Collab(dialog),
        file_name,
        folder: None,
    });
}

/// Carries out a share action.
pub fn apply(state: &mut State, action: ShareAction, effects: &mut Effects) {
    let drafts = &mut state.assess.share;
    drafts.problem = None;
    match action {
        ShareAction::SetParticipant(name) => drafts.participant = name,
        ShareAction::SetIncludePartnership(on) => drafts.include_partnership = on,
        ShareAction::SetChoices(choices) => drafts.choices = choices,
        ShareAction::SaveAssessment => {
            if state.progress.collaboration.latest().is_none() {
                drafts.problem = Some("Assess a partnership first.".to_owned());
                return;
            }
            let name = format!("assessment-{}.ron", state.now.today);
            ask(effects, CollabDialog::SaveAssessment, Some(name));
        }
        ShareAction::AssessmentFileChosen(path) => {
            let Some(latest) = state.progress.collaboration.latest() else {
                return;
            };
            let moment = state.now.utc.format("%Y-%m-%dT%H:%M:%S").to_string();
            let export = Export {
                participant: Some(drafts.participant.as_str()),
                partnership: drafts.include_partnership,
                export_id: Some(&moment),
            };
            match assessment_file::to_text(latest, export) {
                Ok(text) => effects.push(Effect::Replace {
                    what: Saved::Collab(CollabSaved::AssessmentFile),
                    path,
                    text,
                }),
                Err(error) => drafts.problem = Some(error.to_string()),
            }
        }
        ShareAction::ImportTeam => ask(effects, CollabDialog::ImportTeam, None),
        ShareAction::ReadTeam(paths) => effects.push(Effect::ReadCollabFiles {
            kind: CollabFiles::Team,
            paths,
        }),
        ShareAction::TeamRead(team) => drafts.team = Some(team),
        ShareAction::SaveChanges => {
            if state.progress.collaboration.latest().is_none() {
                drafts.problem = Some("Assess a partnership and make a plan first.".to_owned());
                return;
            }
            let name = format!("what-changed-{}.ron", state.now.today);
            ask(effects, CollabDialog::SaveChanges, Some(name));
        }
        ShareAction::ChangesFileChosen(path) => {
            let report = change_report(state);
            let drafts = &mut state.assess.share;
            let text = report.map(|r| assessment_file::changes_to_text(&r));
            match text {
                Some(Ok(text)) => effects.push(Effect::Replace {
                    what: Saved::Collab(CollabSaved::ChangesFile),
                    path,
                    text,
                }),
                Some(Err(error)) => drafts.problem = Some(error.to_string()),
                None => {}
            }
        }
        ShareAction::ImportChanges => ask(effects, CollabDialog::ImportChanges, None),
        ShareAction::ReadChanges(paths) => effects.push(Effect::ReadCollabFiles {
            kind: CollabFiles::Changes,
            paths,
        }),
        ShareAction::ChangesRead(cohort) => drafts.cohort = Some(cohort),
        ShareAction::SaveCohortSummary => {
            if drafts.cohort.is_none() {
                drafts.problem =
                    Some("Import a folder of \"what changed\" files first.".to_owned());
                return;
            }
            ask(effects, CollabDialog::CohortFolder, None);
        }
        ShareAction::CohortFolderChosen(folder) => {
            let Some(cohort) = &drafts.cohort else {
                return;
            };
            let reports = cohort.reports();
            let summary = CohortSummary {
                model: &state.model,
                reports: &reports,
                rejected: &cohort.rejected,
                date: &state.now.today,
            };
            match cohort_report::files(&summary) {
                Ok(files) => effects.push(Effect::WriteNew {
                    what: Saved::Collab(CollabSaved::CohortReport),
                    folder,
                    stem: cohort_report::file_stem(&summary),
                    files,
                }),
                Err(error) => state.assess.share.problem = Some(error.to_string()),
            }
        }
        ShareAction::CannotRead(reason) => drafts.problem = Some(reason),
    }
}

/// "What changed" as the user has chosen to share it, for the latest assessment.
pub fn change_report(state: &State) -> Option<ChangeReport> {
    let drafts = &state.assess.share;
    ChangeReport::from_history(
        &state.model,
        &state.progress.collaboration,
        Some(drafts.participant.as_str()),
        drafts.choices,
    )
}

/// What to tell the user once files are written: the message, and the folder it offers to
/// open.
pub fn saved_message(
    what: CollabSaved,
    place: &Path,
    result: Result<Vec<PathBuf>, String>,
) -> (String, Option<PathBuf>) {
    let name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let parent = place.parent().unwrap_or(place).to_path_buf();
    match (what, result) {
        (CollabSaved::AssessmentFile, Ok(_)) => (
            format!(
                "Your assessment file was saved as {} in {}. Give it to your team lead.",
                name(place),
                parent.display()
            ),
            Some(parent),
        ),
        (CollabSaved::ChangesFile, Ok(_)) => (
            format!(
                "Your \"what changed\" file was saved as {} in {}. Send it to your course team.",
                name(place),
                parent.display()
            ),
            Some(parent),
        ),
        (CollabSaved::CohortReport, Ok(paths)) => (
            format!(
                "The cohort summary was saved as {} in {}.",
                paths.iter().map(|p| name(p)).collect::<Vec<_>>().join(", "),
                place.display()
            ),
            Some(place.to_path_buf()),
        ),
        (CollabSaved::AssessmentFile, Err(error)) => (
            format!(
                "Your assessment file could not be saved as {} ({error}). Choose another place.",
                place.display()
            ),
            None,
        ),
        (CollabSaved::ChangesFile, Err(error)) => (
            format!(
                "Your \"what changed\" file could not be saved as {} ({error}). Choose another place.",
                place.display()
            ),
            None,
        ),
        (CollabSaved::CohortReport, Err(error)) => (
            format!(
                "The cohort summary could not be saved in {} ({error}). Choose another folder.",
                place.display()
            ),
            None,
        ),
    }
}
