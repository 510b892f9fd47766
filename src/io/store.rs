//! The progress store: the self-study record in the platform's data folder.
//!
//! - `progress.ron` is a readable RON file with a format number. This build writes format
//!   3 and reads formats 1, 2 and 3 (see [`super::store_format`]). The user's own
//!   assessments and plans are kept in it too, so they are saved, set aside and deleted
//!   with the rest of the record.
//! - Every save is atomic: a temporary file in the same folder, flushed and synced, then
//!   renamed over the old one. The first save of a run that finds a good earlier record
//!   copies it to `progress.previous.ron`, once, so one bad run can always be undone.
//! - A damaged or unreadable store is never overwritten: it is moved aside as
//!   `progress.damaged-TIMESTAMP.ron` (or copied there, if it cannot be moved), the last
//!   good copy is used if there is one, and the user is told what happened and where the
//!   damaged file is. If it can be neither moved nor copied, nothing is saved this run, and
//!   the user is told why.
//! - Deleting the record removes every file that holds it: the record, the previous copy,
//!   the damaged copies set aside, and temporary files a crash left behind.
//! - A lock file stops two copies of the app writing at once: the second is refused.

use std::fs::{self, File, TryLockError};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::domain::progress::Progress;

use super::atomic;
use super::ron_text;

pub use super::store_format::{FORMAT, parse, to_text, to_text_with};

const FILE: &str = "progress.ron";
const PREVIOUS: &str = "progress.previous.ron";
const DAMAGED_PREFIX: &str = "progress.damaged-";
const LOCK: &str = "casebook.lock";
const SETTINGS: &str = "settings.ron";

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
    /// Whether this run has kept the earlier record as the previous copy.
    backed_up: bool,
    /// Set when a damaged record could be neither moved aside nor copied: saving would
    /// overwrite the only copy, so nothing is saved. Says why.
    read_only: Option<String>,
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
    /// The store was damaged and could be neither moved aside nor copied, so this run
    /// saves nothing rather than overwrite it.
    NotSaving {
        /// The damaged file, left where it is.
        file: PathBuf,
        /// What was wrong with it.
        problem: String,
        /// Why it could not be set aside.
        reason: String,
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
            Self::NotSaving {
                file,
                problem,
                reason,
            } => format!(
                "Your saved work could not be read ({problem}), and the file could not be set aside ({reason}). To keep it safe, nothing you do now will be saved. Move {} somewhere else, then open the app again.",
                file.display()
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
        let mut store = Self {
            folder: folder.to_path_buf(),
            _lock: lock,
            backed_up: false,
            read_only: None,
        };
        let (progress, notice) = store.load(stamp);
        Ok((store, progress, notice))
    }

    /// The folder the store lives in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn load(&mut self, stamp: &str) -> (Progress, Option<Notice>) {
        let main = self.folder.join(FILE);
        if !main.exists() {
            return (Progress::default(), None);
        }
        let problem = match read(&main) {
            Ok(progress) => return (progress, None),
            Err(problem) => problem,
        };
        let aside = self.folder.join(format!("{DAMAGED_PREFIX}{stamp}.ron"));
        // Moved if possible; copied if not (the main file is then replaced by the next
        // save, and the copy is what the user is told about). If neither, never save.
        let set_aside = fs::rename(&main, &aside).or_else(|moved| {
            if aside.exists() {
                return Err(moved);
            }
            fs::copy(&main, &aside).map(|_| ()).map_err(|_| moved)
        });
        let previous = read(&self.folder.join(PREVIOUS)).ok();
        if let Err(error) = set_aside {
            let reason = error.to_string();
            self.read_only = Some(format!(
                "the damaged record at {} could not be set aside ({reason})",
                main.display()
            ));
            let notice = Notice::NotSaving {
                file: main,
                problem,
                reason,
            };
            return (previous.unwrap_or_default(), Some(notice));
        }
        match previous {
            Some(progress) => (
                progress,
                Some(Notice::Restored {
                    moved_to: aside,
                    problem,
                }),
            ),
            None => (
                Progress::default(),
                Some(Notice::StartedAfresh {
                    moved_to: aside,
                    problem,
                }),
            ),
        }
    }

    /// Whether saves are refused this run, and why: a damaged record could not be set
    /// aside, and saving would overwrite it.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Saves the record atomically, keeping the last good copy.
    pub fn save(&mut self, progress: &Progress) -> std::io::Result<()> {
        let text = to_text(progress).map_err(std::io::Error::other)?;
        self.write_text(&text)
    }

    /// Writes record text made by [`to_text`] atomically. The first write of a run that
    /// finds a good earlier record keeps it as `progress.previous.ron`.
    pub fn write_text(&mut self, text: &str) -> std::io::Result<()> {
        if let Some(reason) = &self.read_only {
            return Err(std::io::Error::other(format!(
                "nothing is saved this time, because {reason}"
            )));
        }
        let main = self.folder.join(FILE);
        if !self.backed_up && main.exists() {
            let bytes = fs::read(&main)?;
            if String::from_utf8(bytes.clone())
                .ok()
                .is_some_and(|old| parse(&old).is_ok())
            {
                atomic::replace(&self.folder.join(PREVIOUS), &bytes)?;
            }
            self.backed_up = true;
        }
        atomic::replace(&main, text.as_bytes())
    }

    /// Every file in the folder that holds the record, or a copy of it: what
    /// [`Self::delete_record`] removes.
    pub fn record_files(&self) -> Vec<PathBuf> {
        record_files(&self.folder)
    }

    /// Deletes every file that holds the record. Returns the files removed; on a failure,
    /// the error names the file that is left. The display settings stay.
    pub fn delete_record(&mut self) -> Result<Vec<PathBuf>, DeleteError> {
        let mut removed = Vec::new();
        for path in self.record_files() {
            match fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    return Err(DeleteError {
                        removed,
                        left: path,
                        reason: error.to_string(),
                    });
                }
            }
        }
        // Nothing earlier is left to keep, and nothing damaged is left to protect.
        self.backed_up = true;
        self.read_only = None;
        Ok(removed)
    }
}

/// A record that could not be deleted in full.
#[derive(Debug, thiserror::Error)]
#[error("{} could not be deleted ({reason})", left.display())]
pub struct DeleteError {
    /// Files that were removed before the failure.
    pub removed: Vec<PathBuf>,
    /// The file that could not be removed.
    pub left: PathBuf,
    /// What the system said.
    pub reason: String,
}

/// The files in `folder` that hold the record: the record itself, the previous copy,
/// damaged copies set aside, and temporary files left by a save that was cut off. Only
/// regular files; in name order after the record and its previous copy.
pub fn record_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [FILE, PREVIOUS]
        .iter()
        .map(|name| folder.join(name))
        .filter(|path| path.is_file())
        .collect();
    let mut others: Vec<PathBuf> = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|name| {
                    (name.starts_with(DAMAGED_PREFIX) && name.ends_with(".ron"))
                        || name.starts_with(".tmp")
                })
        })
        .collect();
    others.sort();
    files.extend(others);
    files
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
}

/// Saves the display settings atomically into the store's folder. Settings are small and
/// change only when the user picks another; the record's lock does not cover them.
pub fn save_settings<T: serde::Serialize>(folder: &Path, settings: &T) -> std::io::Result<()> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let text = ron::ser::to_string_pretty(settings, config).map_err(std::io::Error::other)?;
    atomic::replace(&folder.join(SETTINGS), text.as_bytes())
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
