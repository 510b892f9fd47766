//! Saving the record off the UI thread.
//!
//! The [`Store`] lives on a named thread, "record writer". The app hands it record text
//! (already serialised, so the thread never sees the app's state) and carries on; the
//! thread writes it atomically. When saves queue up faster than the disk takes them, only
//! the newest is written: each is the whole record, so an older one adds nothing.
//!
//! Outcomes come back down a channel for the app to show. [`RecordWriter::flush`] waits
//! until everything handed over is on disk: the app calls it on exit, so closing the window
//! never loses a change.
//!
//! If no thread can be had (a process limit), the writer does the work where it is asked.

// Desktop only: no threads or files in a browser; the web platform keeps the record in its storage.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::store::{DeleteError, Store};

/// What happened to work handed to the writer.
#[derive(Debug)]
pub enum Outcome {
    /// A save failed; the text is still in the app and will be handed over again.
    SaveFailed(String),
    /// The record was deleted: these files were removed.
    Deleted(Vec<PathBuf>),
    /// Deleting stopped at a file that could not be removed.
    DeleteFailed(DeleteError),
}

enum Message {
    Save(String),
    Delete,
    Flush(Sender<()>),
}

/// Where the store is: on its own thread, or here when no thread could be had.
enum Place {
    Thread {
        send: Sender<Message>,
        thread: Option<JoinHandle<()>>,
    },
    Here(Box<Store>),
}

/// The store, saving on its own thread.
pub struct RecordWriter {
    place: Place,
    outcomes: Receiver<Outcome>,
    report: Sender<Outcome>,
    folder: PathBuf,
    read_only: Option<String>,
    saves: Arc<AtomicUsize>,
}

impl std::fmt::Debug for RecordWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordWriter")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl RecordWriter {
    /// Moves the store onto the writer thread.
    pub fn new(store: Store) -> Self {
        let (report, outcomes) = mpsc::channel();
        let (send, jobs) = mpsc::channel::<Message>();
        let folder = store.folder().to_path_buf();
        let read_only = store.read_only().map(str::to_owned);
        let saves = Arc::new(AtomicUsize::new(0));
        // The store goes to the thread; if the thread cannot start, it stays here.
        let handover = Arc::new(Mutex::new(Some(store)));
        let spawned = {
            let report = report.clone();
            let saves = Arc::clone(&saves);
            let handover = Arc::clone(&handover);
            std::thread::Builder::new()
                .name("record writer".to_owned())
                .spawn(move || {
                    let store = handover.lock().ok().and_then(|mut s| s.take());
                    if let Some(mut store) = store {
                        run(&mut store, &jobs, &report, &saves);
                    }
                })
        };
        let place = match spawned {
            Ok(thread) => Place::Thread {
                send,
                thread: Some(thread),
            },
            Err(_) => match handover.lock().ok().and_then(|mut s| s.take()) {
                Some(store) => Place::Here(Box::new(store)),
                None => Place::Thread { send, thread: None },
            },
        };
        Self {
            place,
            outcomes,
            report,
            folder,
            read_only,
            saves,
        }
    }

    /// The folder the record is kept in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Why nothing is saved this run, if that is so.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Hands over the whole record, as store text, to be written.
    pub fn save(&mut self, text: String) {
        self.send(Message::Save(text));
    }

    /// Deletes every file that holds the record, after any save already handed over.
    pub fn delete(&mut self) {
        self.read_only = None;
        self.send(Message::Delete);
    }

    /// Waits until everything handed over has been written.
    pub fn flush(&mut self) {
        let (done, wait) = mpsc::channel();
        self.send(Message::Flush(done));
        // A writer that has gone cannot be waited for; its outcomes say why.
        wait.recv().ok();
    }

    /// What has happened since the last call.
    pub fn outcomes(&self) -> Vec<Outcome> {
        self.outcomes.try_iter().collect()
    }

    /// How many saves have reached the disk this run.
    pub fn saves_written(&self) -> usize {
        self.saves.load(Ordering::SeqCst)
    }

    fn send(&mut self, message: Message) {
        match &mut self.place {
            Place::Thread { send, .. } => {
                if let Err(mpsc::SendError(message)) = send.send(message) {
                    if let Message::Flush(done) = message {
                        done.send(()).ok();
                    }
                    self.report
                        .send(Outcome::SaveFailed(
                            "the part of the app that saves stopped; restart the app".to_owned(),
                        ))
                        .ok();
                }
            }
            Place::Here(store) => handle(store, message, &self.report, &self.saves),
        }
    }
}

impl Drop for RecordWriter {
    fn drop(&mut self) {
        if let Place::Thread { send, thread } = &mut self.place {
            // Closing the channel ends the thread once the queue is written.
            let (closed, _) = mpsc::channel();
            drop(std::mem::replace(send, closed));
            if let Some(thread) = thread.take() {
                thread.join().ok();
            }
        }
    }
}

/// The writer thread: writes each job in turn, skipping a save when a newer one is queued.
fn run(store: &mut Store, jobs: &Receiver<Message>, report: &Sender<Outcome>, saves: &AtomicUsize) {
    while let Ok(first) = jobs.recv() {
        let mut queue = vec![first];
        queue.extend(jobs.try_iter());
        let newest_save = queue.iter().rposition(|m| matches!(m, Message::Save(_)));
        for (index, message) in queue.into_iter().enumerate() {
            let superseded = matches!(message, Message::Save(_)) && Some(index) != newest_save;
            if !superseded {
                handle(store, message, report, saves);
            }
        }
    }
}

fn handle(store: &mut Store, message: Message, report: &Sender<Outcome>, saves: &AtomicUsize) {
    match message {
        Message::Save(text) => match store.write_text(&text) {
            Ok(()) => {
                saves.fetch_add(1, Ordering::SeqCst);
            }
            Err(error) => {
                report.send(Outcome::SaveFailed(error.to_string())).ok();
            }
        },
        Message::Delete => {
            let outcome = match store.delete_record() {
                Ok(removed) => Outcome::Deleted(removed),
                Err(error) => Outcome::DeleteFailed(error),
            };
            report.send(outcome).ok();
        }
        Message::Flush(done) => {
            done.send(()).ok();
        }
    }
}
