//! What an action asks of the world, as a value. Features return these from `apply`; the
//! platform (today [`crate::platform::Desktop`]) carries them out, and what comes back (a
//! file picked, files loaded, a file written) returns as an [`Action`]. So tests can see
//! what an action would do without a disk, and a second platform (a browser) is a second
//! implementation of one module, not a fork of the app.

use std::path::PathBuf;

use super::action::{Action, Dialog};
use super::features::assess_share::{CollabFiles, CollabSaved};
use super::loader::Purpose;
use super::settings::Settings;
use crate::io::Position;

/// Something to do outside the app's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The self-study record changed: save it when the autosave rule says so.
    RecordChanged,
    /// Save the display settings.
    SaveSettings(Settings),
    /// Ask the user for a file or folder; what they pick becomes the next action.
    Ask {
        /// The dialog.
        dialog: Dialog,
        /// The file name to suggest, when saving a file.
        file_name: Option<String>,
        /// The folder the dialog opens in, when there is one to offer (the folder the
        /// last attempt file was saved in); otherwise the system's choice.
        folder: Option<PathBuf>,
    },
    /// Open case files and folders in the background.
    Load {
        /// What to open.
        paths: Vec<PathBuf>,
        /// Why: opened by the user, or reloaded after a save.
        purpose: Purpose,
    },
    /// Read the lines of a file around a problem.
    ReadProblemSource {
        /// The file, as the problem names it.
        file: String,
        /// Where the problem is.
        position: Position,
    },
    /// Read attempt files (and folders of them) for the seminar.
    ReadAttempts(Vec<PathBuf>),
    /// Watch a folder for attempt files while the seminar runs.
    WatchAttempts(PathBuf),
    /// Stop watching for attempt files (the seminar stopped watching, or ended).
    StopWatchingAttempts,
    /// Read attempt files saved (again) in the watched folder.
    ReadChangedAttempts(Vec<PathBuf>),
    /// Write files, each under a name not yet taken in the folder.
    WriteNew {
        /// What is being saved, which decides what the user is told.
        what: Saved,
        /// The folder.
        folder: PathBuf,
        /// The name before the extension.
        stem: String,
        /// Each file's extension and text.
        files: Vec<(&'static str, String)>,
    },
    /// Write one file, replacing any file of that name (the user chose it).
    Replace {
        /// What is being saved.
        what: Saved,
        /// The file.
        path: PathBuf,
        /// Its text.
        text: String,
    },
    /// Show a folder the app saved into, in the system's file manager.
    OpenFolder(PathBuf),
    /// Keep an ended seminar's record and its seminar file together in the data folder
    /// (`seminars/`), under one name that no earlier seminar has.
    KeepEndedSeminar {
        /// The name the files share.
        stem: String,
        /// Each file's extension and text.
        files: Vec<(&'static str, String)>,
    },
    /// Open the seminar's room view in a window of its own, where the room view is not a
    /// window the app draws itself (a browser: a second browser window, kept in step with
    /// the console). The desktop draws its room view window from the state.
    OpenRoomWindow,
    /// Close the room view's own window (the facilitator closed the room view, or ended
    /// the seminar).
    CloseRoomWindow,
    /// List the files that hold the record, to ask before deleting them.
    ListRecordFiles,
    /// Delete every file that holds the record.
    DeleteRecord,
    /// Ask for a record file (one downloaded with **Download my record**) and, once it
    /// passes the stored record's checks, replace the record with it, keeping the old one
    /// aside. The browser's; the desktop says where its record is instead.
    LoadRecord,
    /// Read assessment files (the team's view) or "what changed" files (a course team's),
    /// from files and folders.
    ReadCollabFiles {
        /// Which kind.
        kind: CollabFiles,
        /// The files and folders.
        paths: Vec<PathBuf>,
    },
}

/// Things the app saves (or deletes), for the message that follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// A trainee's attempt file.
    AttemptFile,
    /// A feedback report.
    FeedbackReport,
    /// A seminar's session record.
    SessionRecord,
    /// The display settings.
    Settings,
    /// The self-study record, saved as the trainee works.
    Progress,
    /// The self-study record, deleted at the trainee's request.
    Record,
    /// An ended seminar's record, kept in the data folder.
    EndedSeminar,
    /// Not a save: a folder shown in the file manager (only a failure is said).
    FolderShown,
    /// A file of your own collaboration.
    Collab(CollabSaved),
    /// What the learning platform (SCORM) keeps of the record; a failure is the whole
    /// message to show.
    LearningPlatform,
    /// A copy of the whole record, downloaded to move it to another browser or computer.
    RecordCopy,
}

/// Effects collected while applying an action.
pub type Effects = Vec<Effect>;

/// The answer to an effect, when it has one, as an action to apply next.
pub type Reply = Option<Action>;
