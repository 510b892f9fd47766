//! Opening case files off the UI thread, so the window stays responsive while a large
//! folder loads. Each request runs [`io::load_paths`] on its own named thread; the app
//! collects finished results once a frame, in the one place that changes state.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::domain::Model;
use crate::io::{self, FileError, LoadReport, Problem, ProblemKind};

/// A request to open files, running or finished.
struct Job {
    paths: Vec<PathBuf>,
    result: Receiver<LoadReport>,
}

/// Loads in progress.
#[derive(Default)]
pub struct Loader {
    jobs: Vec<Job>,
}

impl Loader {
    /// Starts loading `paths`. `wake` is asked to repaint when the load is done.
    pub fn start(&mut self, paths: Vec<PathBuf>, model: &Model, wake: Option<egui::Context>) {
        let (sender, result) = mpsc::channel();
        let work = {
            let paths = paths.clone();
            let model = model.clone();
            let sender = sender.clone();
            move || {
                // The app may have closed, and with it the receiver: nothing to tell.
                sender.send(io::load_paths(&paths, &model)).ok();
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
            sender.send(io::load_paths(&paths, model)).ok();
        }
        self.jobs.push(Job { paths, result });
    }

    /// Whether any load is still running.
    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The loads that have finished since the last call, with the paths each was for.
    pub fn finished(&mut self) -> Vec<(Vec<PathBuf>, LoadReport)> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.result.try_recv() {
            Ok(report) => {
                done.push((job.paths.clone(), report));
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push((job.paths.clone(), lost(&job.paths)));
                false
            }
        });
        done
    }

    /// Waits for every load to finish, for tests and benchmarks that need the files open.
    pub fn wait(&mut self) -> Vec<(Vec<PathBuf>, LoadReport)> {
        self.jobs
            .drain(..)
            .map(|job| {
                let report = job.result.recv().unwrap_or_else(|_| lost(&job.paths));
                (job.paths, report)
            })
            .collect()
    }
}

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
