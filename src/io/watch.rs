//! Watching case files and folders, so a case saved in an editor reloads in the app.
//!
//! The watcher runs on notify's own thread. It sends the paths of changed `.ron` files down
//! a channel and calls a wake-up function (the app passes one that repaints), so the app
//! reloads them on its next frame. Nothing is loaded on the watcher's thread.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// Watches paths for changes to case files.
pub struct CaseWatcher {
    watcher: RecommendedWatcher,
    changes: Receiver<PathBuf>,
    watched: BTreeSet<PathBuf>,
}

impl CaseWatcher {
    /// Starts a watcher; `wake` is called from the watcher's thread after each change.
    pub fn new(wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (send, changes) = channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            let Ok(event) = event else { return };
            if !matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                return;
            }
            for path in event.paths {
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                {
                    // The app may have closed its end; then there is nobody to tell.
                    send.send(path).ok();
                }
            }
            wake();
        })?;
        Ok(Self {
            watcher,
            changes,
            watched: BTreeSet::new(),
        })
    }

    /// Watches a file, or a folder and everything below it. Watching twice is harmless.
    pub fn watch(&mut self, path: &Path) -> notify::Result<()> {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if self.watched.contains(&path) {
            return Ok(());
        }
        let mode = if path.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        self.watcher.watch(&path, mode)?;
        self.watched.insert(path);
        Ok(())
    }

    /// The case files changed since the last call, each once, in order.
    pub fn changed(&self) -> Vec<PathBuf> {
        let paths: BTreeSet<PathBuf> = self.changes.try_iter().collect();
        paths.into_iter().collect()
    }
}
