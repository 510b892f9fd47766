//! Opening case files off the UI thread, so the window stays responsive while a large
//! folder loads. Each request runs [`io::load_paths`] on its own named thread, "case
//! loader"; the app collects finished results once a frame, in the one place that changes
//! state. Files opened by the user and files reloaded after a save both come this way.
//!
//! In a browser there are no threads: only [`Purpose`] is used there, and the web platform
//! checks picked files a few at a time between frames (`io::load::TextLoad`).

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::Arc;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc::{self, Receiver, TryRecvError};

#[cfg(not(target_arch = "wasm32"))]
use crate::domain::Model;
#[cfg(not(target_arch = "wasm32"))]
use crate::io::{self, FileError, LoadReport, Problem, ProblemKind};

/// Why files are being loaded, which decides what the status line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The user opened them.
    Open,
    /// They changed on disk after being opened.
    Reload,
}

#[cfg(not(target_arch = "wasm32"))]
/// What a load runs: [`io::load_paths`], or a stand-in a test gives.
pub type LoadFn = Arc<dyn Fn(&[PathBuf], &Model) -> LoadReport + Send + Sync>;

#[cfg(not(target_arch = "wasm32"))]
/// A request to open files, running or finished.
struct Job {
    paths: Vec<PathBuf>,
    purpose: Purpose,
    result: Receiver<LoadReport>,
}

#[cfg(not(target_arch = "wasm32"))]
/// Loads in progress.
pub struct Loader {
    jobs: Vec<Job>,
    load: LoadFn,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Loader {
    fn default() -> Self {
        Self {
            jobs: Vec::new(),
            load: Arc::new(io::load_paths),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Loader {
    /// Runs `load` instead of [`io::load_paths`]: tests use it to see where a load runs.
    pub fn set_load(&mut self, load: LoadFn) {
        self.load = load;
    }

    /// Starts loading `paths`. `wake` is asked to repaint when the load is done.
    pub fn start(
        &mut self,
        paths: Vec<PathBuf>,
        purpose: Purpose,
        model: &Model,
        wake: Option<egui::Context>,
    ) {
        let (sender, result) = mpsc::channel();
        let work = {
            let paths = paths.clone();
            let model = model.clone();
            let sender = sender.clone();
            let load = Arc::clone(&self.load);
            move || {
                // The app may have closed, and with it the receiver: nothing to tell.
                sender.send(load(&paths, &model)).ok();
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            }
        };
        let spawned = std::thread::Builder::new()
            .name("case loader".to_owned())
            .spawn(work);
        if spawned.is_err() {
            // No thread to be had (a process limit): load here rather than not at all.
            sender.send((self.load)(&paths, model)).ok();
        }
        self.jobs.push(Job {
            paths,
            purpose,
            result,
        });
    }

    /// Whether any load is still running.
    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The loads that have finished since the last call.
    pub fn finished(&mut self) -> Vec<Finished> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.result.try_recv() {
            Ok(report) => {
                done.push(Finished::new(job, report));
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Finished::new(job, lost(&job.paths)));
                false
            }
        });
        done
    }

    /// Waits for every load to finish, for tests and benchmarks that need the files open.
    pub fn wait(&mut self) -> Vec<Finished> {
        self.jobs
            .drain(..)
            .map(|job| {
                let report = job.result.recv().unwrap_or_else(|_| lost(&job.paths));
                Finished::new(&job, report)
            })
            .collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// A load that has finished.
pub struct Finished {
    /// The paths it was asked for.
    pub paths: Vec<PathBuf>,
    /// Why they were loaded.
    pub purpose: Purpose,
    /// What was found.
    pub report: LoadReport,
}

#[cfg(not(target_arch = "wasm32"))]
impl Finished {
    fn new(job: &Job, report: LoadReport) -> Self {
        Self {
            paths: job.paths.clone(),
            purpose: job.purpose,
            report,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// What to report if a loading thread ended without an answer. Loading never panics, so
/// this is for the impossible, said plainly.
fn lost(paths: &[PathBuf]) -> LoadReport {
    LoadReport {
        errors: paths
            .iter()
            .map(|path| {
                FileError::single(
                    path.display().to_string(),
                    Problem::whole_file(ProblemKind::Read {
                        reason: "loading stopped before it finished; open it again".to_owned(),
                    }),
                )
            })
            .collect(),
        ..LoadReport::default()
    }
}
