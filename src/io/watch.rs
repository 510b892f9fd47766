//! Watching case files and folders, so a case saved in an editor reloads in the app.
//!
//! Many editors (vim, JetBrains IDEs and others) save by writing a new file and renaming it
//! over the old one, which ends a watch on the file itself. So a file is watched through
//! its folder, and only events for the files the user opened pass. A folder is watched
//! with everything below it. Events are debounced (`notify-debouncer-full`, a quarter of a
//! second), so one save that arrives as several events reloads once.
//!
//! The watcher runs on its own thread. It sends changed `.ron` paths, and any error the
//! watcher meets, down a channel and calls a wake-up function (the app passes one that
//! repaints). Nothing is loaded on the watcher's thread: the app hands changed paths to
//! its background loader.
//!
//! A seminar can also watch a folder for attempt files (trainees save theirs into a shared
//! or synced folder): changes there are reported apart, as attempt files, not cases.

// Desktop only: nothing to watch in a browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::EventKind;
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// How long a burst of events must be quiet before it counts as one change.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the watcher saw since the last look.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Changed case files, each once, in order.
    pub paths: Vec<PathBuf>,
    /// Changed files in a folder watched for attempt files, each once, in order.
    pub attempts: Vec<PathBuf>,
    /// Problems the watcher met, in plain words.
    pub errors: Vec<String>,
}

enum Event {
    Changed(PathBuf),
    Attempt(PathBuf),
    Failed(String),
}

/// The files and folders the user opened.
#[derive(Default)]
struct Watched {
    files: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
    /// Folders watched for attempt files, for a seminar.
    attempts: BTreeSet<PathBuf>,
}

impl Watched {
    fn wants(&self, path: &Path) -> bool {
        self.files.contains(path) || self.folders.iter().any(|folder| path.starts_with(folder))
    }
}

/// Watches paths for changes to case files.
pub struct CaseWatcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<Event>,
    watched: Arc<Mutex<Watched>>,
    /// Folders given to the watcher, with how (a file's folder is not watched below).
    folders: BTreeSet<(PathBuf, bool)>,
}

impl CaseWatcher {
    /// Starts a watcher; `wake` is called from the watcher's thread after each change.
    pub fn new(wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (send, events) = channel();
        let watched = Arc::new(Mutex::new(Watched::default()));
        let filter = Arc::clone(&watched);
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            // The app may have closed its end; then there is nobody to tell.
            match result {
                Ok(events) => {
                    let watched = filter.lock().unwrap_or_else(PoisonError::into_inner);
                    // Only what changes a file: the app's own reading of a file it was told
                    // about (an open or a close without writing) must not look like a save,
                    // or each reload would set off the next.
                    let changes = events.iter().filter(|event| {
                        matches!(
                            event.kind,
                            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                        ) || matches!(
                            event.kind,
                            EventKind::Access(notify::event::AccessKind::Close(
                                notify::event::AccessMode::Write
                            ))
                        )
                    });
                    for path in changes.flat_map(|event| event.paths.iter()) {
                        let is_case = path
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
                        if !is_case {
                            continue;
                        }
                        if watched.attempts.iter().any(|f| path.starts_with(f)) {
                            send.send(Event::Attempt(path.clone())).ok();
                        } else if watched.wants(path) {
                            send.send(Event::Changed(path.clone())).ok();
                        }
                    }
                }
                Err(errors) => {
                    for error in errors {
                        send.send(Event::Failed(error.to_string())).ok();
                    }
                }
            }
            wake();
        })?;
        Ok(Self {
            debouncer,
            events,
            watched,
            folders: BTreeSet::new(),
        })
    }

    /// Watches a file (through its folder), or a folder and everything below it. Watching
    /// twice is harmless.
    pub fn watch(&mut self, path: &Path) -> notify::Result<()> {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let is_folder = path.is_dir();
        let folder = if is_folder {
            path.clone()
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let key = (folder.clone(), is_folder);
        if !self.folders.contains(&key) {
            let mode = if is_folder {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            self.debouncer.watch(&folder, mode)?;
            self.folders.insert(key);
        }
        let mut watched = self.watched.lock().unwrap_or_else(PoisonError::into_inner);
        if is_folder {
            watched.folders.insert(path);
        } else {
            watched.files.insert(path);
        }
        Ok(())
    }

    /// Watches a folder for attempt files, for a seminar, until [`Self::stop_attempts`].
    pub fn watch_attempts(&mut self, folder: &Path) -> notify::Result<()> {
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let key = (folder.clone(), true);
        if !self.folders.contains(&key) {
            self.debouncer.watch(&folder, RecursiveMode::Recursive)?;
            self.folders.insert(key);
        }
        self.watched
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .attempts
            .insert(folder);
        Ok(())
    }

    /// Stops reporting attempt files (the seminar ended).
    pub fn stop_attempts(&mut self) {
        self.watched
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .attempts
            .clear();
    }

    /// What changed since the last call.
    pub fn changed(&self) -> Changes {
        let mut paths = BTreeSet::new();
        let mut attempts = BTreeSet::new();
        let mut errors = Vec::new();
        for event in self.events.try_iter() {
            match event {
                Event::Changed(path) => {
                    paths.insert(path);
                }
                Event::Attempt(path) => {
                    attempts.insert(path);
                }
                Event::Failed(error) => {
                    if !errors.contains(&error) {
                        errors.push(error);
                    }
                }
            }
        }
        Changes {
            paths: paths.into_iter().collect(),
            attempts: attempts.into_iter().collect(),
            errors,
        }
    }
}
