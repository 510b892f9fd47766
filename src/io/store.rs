//! The progress store: the self-study record in the platform's data folder.
//!
//! - `progress.ron` is a readable RON file with a format number.
//! - Every save is atomic: a temporary file in the same folder, flushed and synced, then
//!   renamed over the old one. Before each save the last good file is copied to
//!   `progress.previous.ron`.
//! - A damaged or unreadable store is never overwritten: it is moved aside as
//!   `progress.damaged-TIMESTAMP.ron`, the last good copy is used if there is one, and the
//!   user is told what happened and where the damaged file is.
//! - A lock file stops two copies of the app writing at once: the second is refused.

use std::fs::{self, File, TryLockError};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use crate::domain::progress::{CheckedAttempt, Place, Progress, ReviewItem};
use crate::domain::{Attempt, CaseId};

use super::atomic;
use super::ron_text;

/// The store format this build reads and writes.
pub const FORMAT: u32 = 1;

const FILE: &str = "progress.ron";
const PREVIOUS: &str = "progress.previous.ron";
const LOCK: &str = "casebook.lock";
const SETTINGS: &str = "settings.ron";

/// The store file as written.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "Progress")]
struct StoreFile {
    format: u32,
    #[serde(default)]
    place: Option<Place>,
    #[serde(default)]
    attempts: BTreeMap<CaseId, Attempt>,
    #[serde(default)]
    history: Vec<CheckedAttempt>,
    #[serde(default)]
    review: Vec<ReviewItem>,
}

/// Why the store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another copy of the app holds the lock.
    #[error(
        "The casebook is already open in another window. This window will not save your work. Close it and use the other window."
    )]
    InUse,
    /// The folder could not be created or the lock file opened.
    #[error(
        "Your work cannot be saved: the folder {folder} could not be used ({reason}). Your marks will last only until you close the app."
    )]
    Folder {
        /// The folder.
        folder: String,
        /// What the system said.
        reason: String,
    },
}

/// An open store, holding the lock until dropped.
#[derive(Debug)]
pub struct Store {
    folder: PathBuf,
    _lock: File,
}

/// What happened while opening the store, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The store was damaged; it was moved aside and the last good copy used.
    Restored {
        /// Where the damaged file now is.
        moved_to: PathBuf,
        /// What was wrong with it.
        problem: String,
    },
    /// The store and its last good copy were damaged; both were moved aside and the app
    /// starts with an empty record.
    StartedAfresh {
        /// Where the damaged file now is.
        moved_to: PathBuf,
        /// What was wrong with it.
        problem: String,
    },
}

impl Notice {
    /// Plain words for the notice.
    pub fn message(&self) -> String {
        match self {
            Self::Restored { moved_to, problem } => format!(
                "Your saved work could not be read ({problem}), so the last good copy was opened instead. The damaged file was kept at {}.",
                moved_to.display()
            ),
            Self::StartedAfresh { moved_to, problem } => format!(
                "Your saved work could not be read ({problem}) and there was no good copy, so the app started with an empty record. The damaged file was kept at {}.",
                moved_to.display()
            ),
        }
    }
}

impl Store {
    /// Opens the store in `folder`, creating it if needed, and reads the record. `stamp` is
    /// used to name a damaged file that has to be moved aside.
    pub fn open(
        folder: &Path,
        stamp: &str,
    ) -> Result<(Self, Progress, Option<Notice>), StoreError> {
        let folder_error = |error: std::io::Error| StoreError::Folder {
            folder: folder.display().to_string(),
            reason: error.to_string(),
        };
        fs::create_dir_all(folder).map_err(folder_error)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(LOCK))
            .map_err(folder_error)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(StoreError::InUse),
            Err(TryLockError::Error(error)) => return Err(folder_error(error)),
        }
        let store = Self {
            folder: folder.to_path_buf(),
            _lock: lock,
        };
        let (progress, notice) = store.load(stamp);
        Ok((store, progress, notice))
    }

    /// The folder the store lives in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn load(&self, stamp: &str) -> (Progress, Option<Notice>) {
        let main = self.folder.join(FILE);
        if !main.exists() {
            return (Progress::default(), None);
        }
        let problem = match read(&main) {
            Ok(progress) => return (progress, None),
            Err(problem) => problem,
        };
        let moved_to = self.folder.join(format!("progress.damaged-{stamp}.ron"));
        // If the damaged file cannot be moved, leave it and do not save over it: work
        // continues in memory and the next save goes to the previous copy's place.
        let moved_to = match fs::rename(&main, &moved_to) {
            Ok(()) => moved_to,
            Err(_) => main,
        };
        match read(&self.folder.join(PREVIOUS)) {
            Ok(progress) => (progress, Some(Notice::Restored { moved_to, problem })),
            Err(_) => (
                Progress::default(),
                Some(Notice::StartedAfresh { moved_to, problem }),
            ),
        }
    }

    /// Saves the record atomically, keeping the last good copy.
    pub fn save(&self, progress: &Progress) -> std::io::Result<()> {
        let text = to_text(progress).map_err(std::io::Error::other)?;
        let main = self.folder.join(FILE);
        if main.exists() && read(&main).is_ok() {
            atomic::replace(&self.folder.join(PREVIOUS), &fs::read(&main)?)?;
        }
        atomic::replace(&main, text.as_bytes())
    }
}

impl Store {
    /// Reads the display settings; the defaults when there are none or they cannot be read
    /// (settings are preferences, so a damaged file is replaced at the next change).
    pub fn load_settings<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        fs::read_to_string(self.folder.join(SETTINGS))
            .ok()
            .and_then(|text| ron_text::parse(&text).ok())
            .unwrap_or_default()
    }

    /// Saves the display settings atomically.
    pub fn save_settings<T: serde::Serialize>(&self, settings: &T) -> std::io::Result<()> {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        let text = ron::ser::to_string_pretty(settings, config).map_err(std::io::Error::other)?;
        atomic::replace(&self.folder.join(SETTINGS), text.as_bytes())
    }
}

/// The record as store text.
pub fn to_text(progress: &Progress) -> Result<String, ron::Error> {
    let file = StoreFile {
        format: FORMAT,
        place: progress.place.clone(),
        attempts: progress.attempts.clone(),
        history: progress.history.clone(),
        review: progress.review.clone(),
    };
    ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().struct_names(true))
}

/// Largest record read. A record of years of daily study is a few megabytes.
pub const MAX_STORE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a store file; the error says what is wrong, in words.
fn read(path: &Path) -> Result<Progress, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_STORE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_STORE_BYTES {
        return Err(format!(
            "it is larger than {} MB, the most this app reads",
            MAX_STORE_BYTES / (1024 * 1024)
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| "it is not text".to_owned())?;
    parse(&text)
}

/// The record in store text; the error says what is wrong, in words.
pub fn parse(text: &str) -> Result<Progress, String> {
    let file: StoreFile = ron_text::parse(text).map_err(|p| match p.position {
        Some(at) => format!("line {}, column {}: {}", at.line, at.column, p.kind),
        None => p.kind.to_string(),
    })?;
    if file.format != FORMAT {
        return Err(format!(
            "it is format {}, and this version reads format {FORMAT}",
            file.format
        ));
    }
    Ok(Progress {
        place: file.place,
        attempts: file.attempts,
        history: file.history,
        review: file.review,
    })
}
