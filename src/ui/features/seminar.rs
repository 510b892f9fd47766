//! Seminar mode: starting and ending a seminar, moving through it, the room's marks (a show
//! of hands and attempt files), revealing the model's answers, the facilitator's timer and
//! saving the session record.

use std::path::PathBuf;

use crate::domain::seminar::Timer;
use crate::domain::{CaseId, FactorId, Verdict};
use crate::io::attempt_file::AttemptRecord;
use crate::io::{self, FileError};

use super::super::effect::{Effect, Effects, Saved};
use super::super::seminar::{Seminar, Stage};
use super::super::state::{Screen, SeminarRoom, State};

/// What the facilitator can do in a seminar.
#[derive(Clone, Debug, PartialEq)]
pub enum SeminarAction {
    /// Start a seminar on a case.
    Start(CaseId),
    /// Go back to the seminar in progress.
    Show,
    /// Go to a stage of the seminar.
    Go(Stage),
    /// Move on (1) or back (-1) through the seminar.
    Step(i32),
    /// Set the show-of-hands count for a verdict on a factor.
    SetTally(FactorId, Verdict, u32),
    /// Count attempt files (and folders of them).
    ImportAttempts(Vec<PathBuf>),
    /// The attempt files read by the platform, each a record or why it could not be read.
    AttemptsRead(Vec<Result<AttemptRecord, FileError>>),
    /// Watch a folder the room saves attempt files into, counting them as they arrive.
    WatchFolder(PathBuf),
    /// Stop watching the folder.
    StopWatching,
    /// Files in the watched folder changed (the platform's watcher reports them).
    FolderChanged(Vec<PathBuf>),
    /// Files from the watched folder, read: each replaces what its file gave before.
    AttemptsChanged(Vec<Result<AttemptRecord, FileError>>),
    /// The folder cannot be watched; why.
    NotWatching(String),
    /// Show the room the model's answer for a factor.
    Reveal(FactorId),
    /// Show the room the model's answer for every factor.
    RevealAll,
    /// Hide the model's answer for a factor again.
    Hide(FactorId),
    /// Open or close the room view window.
    SetRoomView(bool),
    /// The room view's window could not open (a browser blocked it); what to tell the
    /// facilitator.
    RoomWindowFailed(String),
    /// Start the timer.
    TimerStart {
        /// Its length.
        minutes: u32,
        /// The time now, in seconds.
        now: f64,
    },
    /// Pause the timer.
    TimerPause {
        /// The time now, in seconds.
        now: f64,
    },
    /// Resume the timer.
    TimerResume {
        /// The time now, in seconds.
        now: f64,
    },
    /// Add time to the timer.
    TimerExtend {
        /// How much.
        minutes: u32,
    },
    /// Stop and hide the timer.
    TimerStop,
    /// Save the session record into a folder.
    ExportSession(PathBuf),
    /// Ask to end the seminar (a confirmation follows).
    AskEnd,
    /// Keep the seminar running after all.
    CancelEnd,
    /// End the seminar, after confirmation, and go back to the library.
    End,
}

/// Carries out a seminar action.
pub fn apply(state: &mut State, action: SeminarAction, effects: &mut Effects) {
    match action {
        SeminarAction::Start(id) => {
            if let Some(loaded) = state.library.get(&id) {
                state.seminar = Some(Seminar::new(&loaded.case));
                state.screen = Screen::Seminar;
                effects.push(Effect::RecordChanged);
            }
        }
        SeminarAction::Show => {
            if state.seminar.is_some() {
                state.screen = Screen::Seminar;
            }
        }
        SeminarAction::End => {
            effects.push(Effect::StopWatchingAttempts);
            effects.push(Effect::CloseRoomWindow);
            end(state, effects);
        }
        SeminarAction::ImportAttempts(paths) => {
            if state.seminar.is_some() {
                effects.push(Effect::ReadAttempts(paths));
            }
        }
        SeminarAction::ExportSession(folder) => export_session(state, folder, effects),
        SeminarAction::WatchFolder(folder) => {
            if let Some(seminar) = &mut state.seminar {
                seminar.watched_folder = Some(folder.clone());
                seminar.status = Some(format!(
                    "Watching {}: attempt files saved there are counted within seconds.",
                    folder.display()
                ));
                effects.push(Effect::WatchAttempts(folder.clone()));
                // What is already there counts too.
                effects.push(Effect::ReadChangedAttempts(vec![folder]));
            }
        }
        SeminarAction::StopWatching => {
            if let Some(seminar) = &mut state.seminar {
                seminar.watched_folder = None;
                seminar.status = Some("Stopped watching the folder.".to_owned());
            }
            effects.push(Effect::StopWatchingAttempts);
        }
        SeminarAction::FolderChanged(paths) => {
            if state
                .seminar
                .as_ref()
                .is_some_and(|s| s.watched_folder.is_some())
            {
                effects.push(Effect::ReadChangedAttempts(paths));
            }
        }
        SeminarAction::SetRoomView(open) => {
            if state.seminar.is_some() {
                effects.push(Effect::RecordChanged);
                effects.push(if open {
                    Effect::OpenRoomWindow
                } else {
                    Effect::CloseRoomWindow
                });
            }
            change(state, SeminarAction::SetRoomView(open));
        }
        other => {
            // Every change to a running seminar is kept with the record (see the
            // platform's autosave), so closing the app or a crash never loses it.
            if state.seminar.is_some() {
                effects.push(Effect::RecordChanged);
            }
            change(state, other);
        }
    }
}

/// Changes the seminar in progress; nothing happens when there is none.
fn change(state: &mut State, action: SeminarAction) {
    let factors = state.model.factors.len();
    let all: Vec<FactorId> = state.model.factors.iter().map(|f| f.id.clone()).collect();
    let Some(seminar) = state.seminar.as_mut() else {
        return;
    };
    let Some(loaded) = state.library.get(&seminar.case) else {
        return;
    };
    let case = &loaded.case;
    match action {
        SeminarAction::Go(stage) => seminar.stage = stage,
        SeminarAction::Step(step) => seminar.stage = seminar.stepped(case, factors, step),
        SeminarAction::SetTally(factor, verdict, count) => {
            *seminar.hands.entry(factor).or_default().count_mut(verdict) = count;
        }
        SeminarAction::AttemptsRead(records) => {
            let before = (
                seminar.gathered.accepted.len(),
                seminar.gathered.rejected.len(),
            );
            for record in records {
                seminar.gathered.offer(record, case);
            }
            let counted = seminar.gathered.accepted.len() - before.0;
            let aside = seminar.gathered.rejected.len() - before.1;
            seminar.status = Some(format!(
                "Counted {counted} attempt {}; set aside {aside}.",
                if counted == 1 { "file" } else { "files" }
            ));
        }
        SeminarAction::AttemptsChanged(records) => {
            for record in records {
                seminar.gathered.refresh(record, case);
            }
            let counted = seminar.gathered.accepted.len();
            let aside = seminar.gathered.rejected.len();
            seminar.status = Some(format!(
                "Counted {counted} attempt {} in all; set aside {aside}.",
                if counted == 1 { "file" } else { "files" }
            ));
        }
        SeminarAction::NotWatching(reason) => {
            seminar.watched_folder = None;
            seminar.status = Some(format!(
                "The folder cannot be watched ({reason}). Use Import a folder of attempt files instead."
            ));
        }
        SeminarAction::Reveal(factor) => {
            seminar.revealed.insert(factor);
        }
        SeminarAction::RevealAll => seminar.revealed.extend(all),
        SeminarAction::Hide(factor) => {
            seminar.revealed.remove(&factor);
        }
        SeminarAction::SetRoomView(open) => seminar.room_view = open,
        SeminarAction::RoomWindowFailed(reason) => {
            seminar.room_view = false;
            seminar.status = Some(reason);
        }
        SeminarAction::TimerStart { minutes, now } => {
            seminar.timer = Some(Timer::start(f64::from(minutes) * 60.0, now));
        }
        SeminarAction::TimerPause { now } => {
            if let Some(timer) = &mut seminar.timer {
                timer.pause(now);
            }
        }
        SeminarAction::TimerResume { now } => {
            if let Some(timer) = &mut seminar.timer {
                timer.resume(now);
            }
        }
        SeminarAction::TimerExtend { minutes } => {
            if let Some(timer) = &mut seminar.timer {
                timer.extend(f64::from(minutes) * 60.0);
            }
        }
        SeminarAction::TimerStop => seminar.timer = None,
        SeminarAction::AskEnd => seminar.confirm_end = true,
        SeminarAction::CancelEnd => seminar.confirm_end = false,
        // Handled in `apply`, which never passes them here.
        SeminarAction::Start(_)
        | SeminarAction::Show
        | SeminarAction::End
        | SeminarAction::ImportAttempts(_)
        | SeminarAction::ExportSession(_)
        | SeminarAction::WatchFolder(_)
        | SeminarAction::StopWatching
        | SeminarAction::FolderChanged(_) => {}
    }
}

/// Files that share a name: the name, and each file's extension and text.
type NamedFiles = (String, Vec<(&'static str, String)>);

/// The session record's files (Markdown, printable HTML and CSV) and the name they share;
/// `None` when no seminar is running.
fn session_files(state: &State) -> Option<Result<NamedFiles, String>> {
    let SeminarRoom {
        seminar,
        case,
        room,
        agenda,
        ..
    } = state.seminar_room()?;
    let session = io::session_record::Session {
        model: &state.model,
        case,
        room: &room,
        agenda: &agenda,
        revealed: &seminar.revealed,
        files_counted: seminar.gathered.accepted.len(),
        rejected: &seminar.gathered.rejected,
        date: &state.now.today,
    };
    Some(
        io::session_record::files(&session)
            .map(|files| (session.file_stem(), files))
            .map_err(|error| error.to_string()),
    )
}

/// Builds the session record for the platform to write into the folder chosen.
fn export_session(state: &mut State, folder: PathBuf, effects: &mut Effects) {
    match session_files(state) {
        Some(Ok((stem, files))) => effects.push(Effect::WriteNew {
            what: Saved::SessionRecord,
            folder,
            stem,
            files,
        }),
        Some(Err(error)) => {
            let message = format!("The session record could not be made ({error}).");
            if let Some(seminar) = &mut state.seminar {
                seminar.status = Some(message);
            }
        }
        None => {}
    }
}

/// Ends the seminar: its session record and the seminar itself (the room's marks, as a
/// seminar file) are kept together in the data folder, and the record no longer holds a
/// running seminar.
fn end(state: &mut State, effects: &mut Effects) {
    let kept = session_files(state).and_then(|files| {
        let seminar = state.seminar.as_ref()?;
        let case = state.case(&seminar.case)?;
        let mut saved = seminar.saved(case, 0.0);
        // An ended seminar's timer means nothing later.
        saved.timer = None;
        let text = io::seminar_file::to_text(&saved).map_err(|e| e.to_string());
        Some(files.and_then(|(stem, mut files)| {
            files.push((io::seminar_file::EXTENSION, text?));
            Ok((stem, files))
        }))
    });
    match kept {
        Some(Ok((stem, files))) => effects.push(Effect::KeepEndedSeminar { stem, files }),
        Some(Err(error)) => state.tell(format!(
            "The seminar ended, but its record could not be made ({error})."
        )),
        None => {}
    }
    state.seminar = None;
    state.screen = Screen::Library;
    effects.push(Effect::RecordChanged);
}
