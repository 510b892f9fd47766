//! The desktop platform: the record saved by a writer thread in the data folder, rfd's
//! native dialogs, loading on a named thread, notify's watcher, files written atomically,
//! and the clock read in `crate::clock`.

use std::path::{Path, PathBuf};

use crate::domain::autosave::{Autosave, Moment};
use crate::io;
use crate::io::record_writer::{Outcome, RecordWriter};
use crate::io::store::Store;
use crate::io::watch::CaseWatcher;
use crate::ui::action::{Action, DialogFn};
use crate::ui::effect::Saved;
use crate::ui::features::loading::LoadingAction;
use crate::ui::features::seminar::SeminarAction;
use crate::ui::loader::{Finished, LoadFn, Loader, Purpose};
use crate::ui::settings::Settings;
use crate::ui::state::{Now, State};

mod effects;

/// The desktop platform.
pub struct Desktop {
    /// The record's writer thread; `None` when the record is not kept.
    writer: Option<RecordWriter>,
    /// Unsaved changes to the record, and when they were made (egui's seconds).
    autosave: Autosave,
    /// Files being opened off the UI thread.
    loader: Loader,
    /// Watches the case files and folders the user opened, to reload them when saved.
    watcher: Option<CaseWatcher>,
    /// Why files cannot be watched, until it has been said.
    watch_problem: Option<String>,
    /// The context to wake when a load finishes; `None` without a window.
    wake: Option<egui::Context>,
    /// egui's time this frame, in seconds.
    seconds: f64,
    /// Whether the window had the keyboard focus last frame.
    focused: bool,
    /// Shows file dialogs: rfd's native ones, or a test's.
    dialogs: DialogFn,
}

impl Desktop {
    /// A platform with no window: nothing is watched or woken, and no record is kept until
    /// [`Self::open_store`].
    pub fn headless() -> Self {
        Self {
            writer: None,
            autosave: Autosave::default(),
            loader: Loader::default(),
            watcher: None,
            watch_problem: None,
            wake: None,
            seconds: 0.0,
            focused: true,
            dialogs: Box::new(super::dialogs::native_dialog),
        }
    }

    /// A platform for a window: loads and file changes wake it.
    pub fn for_window(ctx: &egui::Context) -> Self {
        let mut desktop = Self::headless();
        desktop.wake = Some(ctx.clone());
        let repaint = ctx.clone();
        // Without a watcher (some file systems cannot be watched) cases still open; they
        // just do not reload by themselves, and the user is told.
        match CaseWatcher::new(move || repaint.request_repaint()) {
            Ok(watcher) => desktop.watcher = Some(watcher),
            Err(error) => desktop.watch_problem = Some(error.to_string()),
        }
        desktop
    }

    /// Reads the clock: the one place the app asks for the time.
    pub fn now() -> Now {
        Now {
            utc: crate::clock::now(),
            today: crate::clock::today(),
        }
    }

    /// Opens the record in `folder` and puts it, and the settings kept with it, into the
    /// state; returns the user to the case and factor they were on.
    pub fn open_store(&mut self, folder: &Path, state: &mut State) {
        match Store::open(folder, &crate::clock::stamp()) {
            Ok((store, progress, notice)) => {
                let settings: Settings = store.load_settings();
                let (low, high) = crate::ui::features::settings::ZOOM_RANGE;
                state.settings = Settings {
                    zoom: settings.zoom.clamp(low, high),
                    ..settings
                };
                state.record_folder = Some(store.folder().display().to_string());
                self.writer = Some(RecordWriter::new(store));
                state.progress = progress;
                if let Some(notice) = notice {
                    state.tell(notice.message());
                }
                if let Some(place) = state.progress.place.clone()
                    && state.library.get(&place.case).is_some()
                    && place.factor < state.model.factors.len()
                {
                    state.screen = crate::ui::state::Screen::Case {
                        case: place.case,
                        factor: place.factor,
                        confirm_unmarked: false,
                    };
                }
                super::resume_seminar(state);
            }
            Err(error) => state.tell(error.to_string()),
        }
        state.refresh_feedback();
    }

    /// What happened since the last frame, as actions: files that finished loading, case
    /// files saved in an editor, what the writer thread reports.
    pub fn poll(&mut self, seconds: f64) -> Vec<Action> {
        self.seconds = seconds;
        let mut actions = Vec::new();
        if let Some(reason) = self.watch_problem.take() {
            actions.push(LoadingAction::NotWatching(reason).into());
        }
        let finished = self.loader.finished();
        actions.extend(self.take_loaded(finished));
        if let Some(watcher) = &self.watcher {
            let changes = watcher.changed();
            if let Some(error) = changes.errors.first() {
                actions.push(LoadingAction::NotWatching(error.clone()).into());
            }
            if !changes.paths.is_empty() {
                actions.push(LoadingAction::Changed(changes.paths).into());
            }
            if !changes.attempts.is_empty() {
                actions.push(SeminarAction::FolderChanged(changes.attempts).into());
            }
        }
        actions.extend(self.save_outcomes());
        actions
    }

    /// Turns finished loads into actions, and watches what the user opened.
    fn take_loaded(&mut self, finished: Vec<Finished>) -> Vec<Action> {
        let mut actions = Vec::new();
        let busy = self.loader.is_busy();
        for Finished {
            paths,
            purpose,
            report,
        } in finished
        {
            if purpose == Purpose::Open
                && let Some(watcher) = &mut self.watcher
            {
                for path in &paths {
                    // A path that cannot be watched still loaded; it just will not reload.
                    if let Err(error) = watcher.watch(path) {
                        self.watch_problem = Some(error.to_string());
                    }
                }
            }
            actions.push(
                LoadingAction::Loaded {
                    paths,
                    purpose,
                    report,
                    more_to_come: busy,
                }
                .into(),
            );
        }
        actions
    }

    /// What the writer thread reports, as actions.
    fn save_outcomes(&mut self) -> Vec<Action> {
        let Some(writer) = &self.writer else {
            return Vec::new();
        };
        let place = writer.folder().to_path_buf();
        let mut actions = Vec::new();
        for outcome in writer.outcomes() {
            let result = match outcome {
                Outcome::SaveFailed(error) => {
                    // Tried again after the next quiet spell.
                    self.autosave.changed(self.seconds);
                    Err(error)
                }
                Outcome::Deleted(files) => {
                    actions.push(Action::Written {
                        what: Saved::Record,
                        place: place.clone(),
                        result: Ok(files),
                    });
                    continue;
                }
                Outcome::DeleteFailed(error) => {
                    actions.push(Action::Written {
                        what: Saved::Record,
                        place: place.clone(),
                        result: Err(error.to_string()),
                    });
                    continue;
                }
            };
            actions.push(Action::Written {
                what: Saved::Progress,
                place: place.clone(),
                result: result.map(|()| Vec::new()),
            });
        }
        actions
    }

    /// After a frame's actions: hands the record to the writer if the autosave rule says so,
    /// and asks for a frame when the next save falls due.
    pub fn end_frame(&mut self, state: &State, ctx: &egui::Context, left_screen: bool) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let moment = Moment::after_frame(left_screen, self.focused, focused);
        self.focused = focused;
        self.save_if_due(state, moment);
        if let Some(wait) = self.autosave.wake_in(self.seconds) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// Hands the record to the writer thread if the autosave rule says it is time.
    fn save_if_due(&mut self, state: &State, moment: Moment) {
        if !self.autosave.due(self.seconds, moment) {
            return;
        }
        self.autosave.saved();
        let Some(writer) = &mut self.writer else {
            return;
        };
        // A running seminar is kept with the record, its timer as counted now, so a crash
        // or a closed window never loses the room's marks.
        let seminar = state.seminar.as_ref().and_then(|seminar| {
            let case = state.case(&seminar.case)?;
            Some(seminar.saved(case, self.seconds))
        });
        // Serialising cannot fail for the record's types; if it ever did, the record stays
        // open here and the next change tries again.
        if let Ok(text) = io::store::to_text_with(&state.progress, seminar.as_ref()) {
            writer.save(text);
        }
    }

    /// Saves anything unsaved and waits until it is on disk: on exit, and for tests.
    pub fn flush(&mut self, state: &State) -> Vec<Action> {
        self.save_if_due(state, Moment::Exit);
        if let Some(writer) = &mut self.writer {
            writer.flush();
        }
        self.save_outcomes()
    }

    /// How many saves of the record have reached the disk this run.
    pub fn saves_written(&self) -> usize {
        self.writer.as_ref().map_or(0, RecordWriter::saves_written)
    }

    /// Whether files are still being opened.
    pub fn is_loading(&self) -> bool {
        self.loader.is_busy()
    }

    /// Waits until every file being opened has loaded; returns them as actions.
    pub fn wait_for_loading(&mut self) -> Vec<Action> {
        let finished = self.loader.wait();
        self.take_loaded(finished)
    }

    /// Runs `dialogs` instead of the native file dialogs.
    pub fn set_dialogs(&mut self, dialogs: DialogFn) {
        self.dialogs = dialogs;
    }

    /// Where the app saves when no file dialog can open: `exports` in the data folder
    /// (beside the record), or, when no record is kept, "Collaborative Working Casebook"
    /// in the user's Documents folder (or home folder).
    pub fn exports_folder(&self) -> PathBuf {
        if let Some(writer) = &self.writer {
            return writer.folder().join("exports");
        }
        let user = directories::UserDirs::new();
        let base = user
            .as_ref()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .or_else(|| user.as_ref().map(|u| u.home_dir().to_path_buf()))
            .unwrap_or_else(std::env::temp_dir);
        base.join("Collaborative Working Casebook")
    }

    /// Runs `load` instead of the real loader: tests use it to see where loads run.
    pub fn set_load(&mut self, load: LoadFn) {
        self.loader.set_load(load);
    }
}
