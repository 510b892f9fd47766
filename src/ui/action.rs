//! Something the user asked for, or the platform reported. Screens return these; each
//! feature's `apply` (in `features/`) carries out its own, and [`super::app`] routes them.

use std::path::PathBuf;

use super::effect::Saved;
use super::features::assess::AssessAction;
use super::features::assess_share::CollabDialog;
use super::features::case::CaseAction;
use super::features::feedback::FeedbackAction;
use super::features::library::LibraryAction;
use super::features::loading::LoadingAction;
use super::features::record::RecordAction;
use super::features::seminar::SeminarAction;
use super::features::settings::SettingsAction;

/// Something the user asked for. Each feature has its own kind.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The library and the cases-by-factor matrix.
    Library(LibraryAction),
    /// Marking a case.
    Case(CaseAction),
    /// Feedback on a checked attempt.
    Feedback(FeedbackAction),
    /// My record and review.
    Record(RecordAction),
    /// Seminar mode.
    Seminar(SeminarAction),
    /// Display settings, the keyboard page and the model reference.
    Settings(SettingsAction),
    /// Opening case files and showing their problems.
    Loading(LoadingAction),
    /// Your own collaboration: assessing it, the plan, looking back, sharing.
    Assess(AssessAction),
    /// Open a file dialog; what the user picks becomes the next action.
    Ask(Dialog),
    /// Hide a message about saved work.
    DismissNotice(usize),
    /// Show a folder the app saved into, in the system's file manager.
    OpenFolder(PathBuf),
    /// The platform wrote (or failed to write) files the user saved.
    Written {
        /// What was saved.
        what: Saved,
        /// Where: the folder or the file the user chose.
        place: PathBuf,
        /// The files written, or what went wrong.
        result: Result<Vec<PathBuf>, String>,
    },
}

/// A file dialog. The platform opens it; tests skip the dialog and apply the action it
/// would lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Pick case files to open.
    OpenCaseFiles,
    /// Pick a folder of cases to open.
    OpenCaseFolder,
    /// Pick attempt files to count in the seminar.
    ImportAttemptFiles,
    /// Pick a folder of attempt files to count in the seminar.
    ImportAttemptFolder,
    /// Pick a folder to watch for attempt files while the seminar runs.
    SeminarFolder,
    /// Choose where to save the attempt file for the open case.
    SaveAttemptFile,
    /// Choose a folder for a feedback report.
    ReportFolder,
    /// Choose a folder for the seminar record.
    SessionRecordFolder,
    /// A dialog of your own collaboration: saving or importing its files.
    Collab(CollabDialog),
}

impl Dialog {
    /// Whether the dialog chooses where to save something (rather than what to open).
    pub fn saves(&self) -> bool {
        match self {
            Self::SaveAttemptFile | Self::ReportFolder | Self::SessionRecordFolder => true,
            Self::Collab(dialog) => dialog.saves(),
            Self::OpenCaseFiles
            | Self::OpenCaseFolder
            | Self::ImportAttemptFiles
            | Self::ImportAttemptFolder
            | Self::SeminarFolder => false,
        }
    }
}

/// What came of showing a file dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// The user chose: the action that follows.
    Chosen(Action),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could open (no dialog service, as under Xvfb with no desktop portal, or
    /// the dialog failed).
    Unavailable,
}

/// Shows a file dialog (the dialog, the file name to suggest when saving a file, and the
/// folder to open in, if any). The
/// desktop uses native dialogs; tests put in their own.
pub type DialogFn = Box<dyn FnMut(&Dialog, Option<String>, Option<&std::path::Path>) -> Picked>;

impl From<LibraryAction> for Action {
    fn from(action: LibraryAction) -> Self {
        Self::Library(action)
    }
}

impl From<CaseAction> for Action {
    fn from(action: CaseAction) -> Self {
        Self::Case(action)
    }
}

impl From<FeedbackAction> for Action {
    fn from(action: FeedbackAction) -> Self {
        Self::Feedback(action)
    }
}

impl From<RecordAction> for Action {
    fn from(action: RecordAction) -> Self {
        Self::Record(action)
    }
}

impl From<SeminarAction> for Action {
    fn from(action: SeminarAction) -> Self {
        Self::Seminar(action)
    }
}

impl From<SettingsAction> for Action {
    fn from(action: SettingsAction) -> Self {
        Self::Settings(action)
    }
}

impl From<LoadingAction> for Action {
    fn from(action: LoadingAction) -> Self {
        Self::Loading(action)
    }
}
