//! Watching case files and folders, so a case saved in an editor reloads in the app.
//!
//! Many editors (vim, JetBrains IDEs and others) save by writing a new file and renaming it
//! over the old one, which ends a watch on the file itself. So a file is watched through
//! its folder, and only events for the files the user opened pass. A folder is watched
//! with everything below it. Events are debounced (`notify-debouncer-mini`, a quarter of a
//! second), so one save that arrives as several events reloads once.
//!
//! The watcher runs on its own thread. It sends changed `.ron` paths, and any error the
//! watcher meets, down a channel and calls a wake-up function (the app passes one that
//! repaints). Nothing is loaded on the watcher's thread: the app hands changed paths to
//! its background loader.

// Desktop only: nothing to watch in a browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long a burst of events must be quiet before it counts as one change.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the watcher saw since the last look.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Changed case files, each once, in order.
    pub paths: Vec<PathBuf>,
    /// Problems the watcher met, in plain words.
    pub errors: Vec<String>,
}

enum Event {
    Changed(PathBuf),
    Failed(String),
}

/// The files and folders the user opened.
#[derive(Default)]
struct Watched {
    files: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
}

impl Watched {
    fn wants(&self, path: &Path) -> bool {
        self.files.contains(path) || self.folders.iter().any(|folder| path.starts_with(folder))
    }
}

/// Watches paths for changes to case files.
pub struct CaseWatcher {
    debouncer: Debouncer<RecommendedWatcher>,
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
        let debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            // The app may have closed its end; then there is nobody to tell.
            match result {
                Ok(events) => {
                    let watched = filter.lock().unwrap_or_else(PoisonError::into_inner);
                    for event in events {
                        let is_case = event
                            .path
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
                        if is_case && watched.wants(&event.path) {
                            send.send(Event::Changed(event.path)).ok();
                        }
                    }
                }
                Err(error) => {
                    send.send(Event::Failed(error.to_string())).ok();
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
            self.debouncer.watcher().watch(&folder, mode)?;
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

    /// What changed since the last call.
    pub fn changed(&self) -> Changes {
        let mut paths = BTreeSet::new();
        let mut errors = Vec::new();
        for event in self.events.try_iter() {
            match event {
                Event::Changed(path) => {
                    paths.insert(path);
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
            errors,
        }
    }
}
