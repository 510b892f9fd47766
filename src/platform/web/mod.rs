//! The browser platform: what [`super::Desktop`] does, in a web page.
//!
//! - **The record** is kept in the site's local storage, in the same text as
//!   `progress.ron`, through [`KeyStore`] (a damaged record is set aside under its own key
//!   and reported, the last good copy kept, never saved over). The autosave rule decides
//!   when it is written; because a page can be closed or reloaded at any moment, the
//!   record's text is also brought up to date at the end of every frame that changed it and
//!   written at once when the page is hidden or unloaded (`pagehide`, `visibilitychange`).
//! - **Opening files**: the page's file picker (`<input type=file>`) and files dropped on the
//!   page. Files are read as bytes (size bounded before reading when the browser says the
//!   size) and checked a few at a time between frames by [`TextLoad`], so the page never
//!   freezes. There are no paths: a browser cannot open a folder by path, reload a file
//!   when it is saved, or read a file again, and the app says so.
//! - **Saving files** (attempt files, feedback reports, session records) downloads them.
//! - **No threads** and no file system; the clock is JavaScript's, through chrono.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::scorm::{self, Lms};
use super::web_room::RoomLink;
use crate::domain::autosave::{Autosave, Moment};
use crate::domain::{CaseId, Model};
use crate::io::key_store::KeyStore;
use crate::io::load::{NamedBytes, TextLoad};
use crate::ui::action::Action;
use crate::ui::effect::Saved;
use crate::ui::features::seminar::SeminarAction;
use crate::ui::state::{Now, Screen, State};

mod effects;
mod files;
mod storage;

use files::read_attempts;
use storage::LocalStorage;

/// Where the record is, in the words the record screen and messages use.
const STORAGE_WORDS: &str = "this browser's storage for this site";

/// What the page-hide listener shares with the platform: the record's store and its
/// newest text not yet written.
#[derive(Default)]
struct Shared {
    store: Option<KeyStore<LocalStorage>>,
    unsaved: Option<String>,
}

impl Shared {
    /// Writes the newest text, if any; on failure it stays unsaved and the reason comes back.
    fn write(&mut self) -> Result<bool, String> {
        let (Some(store), Some(text)) = (&mut self.store, &self.unsaved) else {
            return Ok(false);
        };
        store.write_text(text)?;
        self.unsaved = None;
        Ok(true)
    }
}

/// What a file picker was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Cases,
    Attempts,
    /// A record file, to replace the record with (Load a record).
    Record,
}

/// Files the user picked or dropped, read.
struct Picked {
    pick: Pick,
    files: Vec<NamedBytes>,
}

/// The browser platform.
pub struct Web {
    shared: Rc<RefCell<Shared>>,
    /// Unsaved changes to the record, and when they were made (egui's seconds).
    autosave: Autosave,
    /// Whether the record changed since its text was last brought up to date.
    changed: bool,
    /// Files read by the page, waiting to be checked.
    picked: Rc<RefCell<Vec<Picked>>>,
    /// Picked case files being checked, a slice a frame: their names, and the load.
    loads: VecDeque<(Vec<PathBuf>, TextLoad)>,
    /// The model, to check files against.
    model: Option<Model>,
    /// The page's file pickers, made when first used.
    pickers: Vec<(Pick, web_sys::HtmlInputElement)>,
    /// Names of files dropped this frame: the screens ask to open them by path, which a
    /// browser cannot; the platform reads them itself.
    dropped: Vec<PathBuf>,
    /// Download addresses to release, and when.
    downloads: Vec<(f64, String)>,
    /// Saves that failed, to report.
    failures: Vec<String>,
    /// How many saves reached the storage this run.
    saves: usize,
    /// The context to wake when files have been read; `None` without a page.
    ctx: Option<egui::Context>,
    /// egui's time this frame, in seconds.
    seconds: f64,
    /// Whether the page had the keyboard focus last frame.
    focused: bool,
    /// The learning platform (SCORM 1.2) the page was launched from, if any; shared with
    /// the page-leave listeners, which finish its session.
    lms: Rc<RefCell<Option<Lms>>>,
    /// What to tell the user about the learning platform, next frame.
    lms_notes: Vec<String>,
    /// The seminar's room view in a second window, once opened.
    room: Option<RoomLink>,
}

impl Web {
    /// A platform with no page: nothing is kept until [`Self::open_store`].
    pub fn headless() -> Self {
        Self {
            shared: Rc::default(),
            autosave: Autosave::default(),
            changed: false,
            picked: Rc::default(),
            loads: VecDeque::new(),
            model: None,
            pickers: Vec::new(),
            dropped: Vec::new(),
            downloads: Vec::new(),
            failures: Vec::new(),
            saves: 0,
            ctx: None,
            seconds: 0.0,
            focused: true,
            lms: Rc::default(),
            lms_notes: Vec::new(),
            room: None,
        }
    }

    /// A platform for a page: files read wake it, and the record is written when the page
    /// is hidden or unloaded.
    pub fn for_window(ctx: &egui::Context) -> Self {
        let mut web = Self::headless();
        web.ctx = Some(ctx.clone());
        if let Some(window) = web_sys::window() {
            let shared = Rc::clone(&web.shared);
            let save = Closure::<dyn FnMut()>::new(move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.hidden());
                if hidden && let Ok(mut shared) = shared.try_borrow_mut() {
                    // Nothing can be shown any more if this fails; the autosave rule will
                    // try again if the page comes back.
                    shared.write().ok();
                }
            });
            let listener = save.as_ref().unchecked_ref();
            window
                .add_event_listener_with_callback("pagehide", listener)
                .ok();
            if let Some(document) = window.document() {
                document
                    .add_event_listener_with_callback("visibilitychange", listener)
                    .ok();
            }
            // The listener lives as long as the page.
            save.forget();
        }
        web
    }

    /// Reads the clock (JavaScript's, through chrono).
    pub fn now() -> Now {
        Now {
            utc: crate::clock::now(),
            today: crate::clock::today(),
        }
    }

    /// Looks for a learning platform's SCORM API round the page and, if there is one,
    /// starts a session on it: brings back the place it kept, and from now on reports the
    /// status, score and place for `chosen` cases (none: the whole library). Outside a
    /// learning platform it does nothing. Call after [`Self::open_store`].
    pub fn connect_lms(&mut self, state: &mut State, chosen: Vec<CaseId>) {
        let Some(mut lms) = Lms::connect(chosen) else {
            return;
        };
        if lms.restore(state) {
            self.go_to_place(state);
            state.refresh_feedback();
            // Kept in this browser too, as any change is.
            if self.shared.borrow().store.is_some() {
                self.autosave.changed(self.seconds);
                self.changed = true;
            }
        }
        state.learning_platform = true;
        state.tell(
            "You opened the casebook from your learning platform. It is told whether you have checked your answers, your agreement with the model, how long you spent, and your place and marks (never your notes), so you can carry on from any computer.".to_owned(),
        );
        // The status, score and place as they stand now.
        self.lms_notes.extend(lms.update(state));
        *self.lms.borrow_mut() = Some(lms);
        scorm::listen(&self.lms);
    }

    /// Returns the user to the case and factor the record says they were on.
    fn go_to_place(&self, state: &mut State) {
        if let Some(place) = state.progress.place.clone()
            && state.library.get(&place.case).is_some()
            && place.factor < state.model.factors.len()
        {
            state.screen = Screen::Case {
                case: place.case,
                factor: place.factor,
                confirm_unmarked: false,
            };
        }
    }

    /// What happened since the last frame, as actions: files read and checked, and saves
    /// that failed.
    pub fn poll(&mut self, seconds: f64) -> Vec<Action> {
        self.seconds = seconds;
        let mut actions = Vec::new();
        self.take_dropped();
        let picked = std::mem::take(&mut *self.picked.borrow_mut());
        for Picked { pick, files } in picked {
            match pick {
                Pick::Cases => {
                    let names = files.iter().map(|(name, _)| PathBuf::from(name)).collect();
                    self.loads.push_back((names, TextLoad::new(files)));
                }
                Pick::Attempts => {
                    if let Some(model) = &self.model {
                        actions
                            .push(SeminarAction::AttemptsRead(read_attempts(files, model)).into());
                    }
                }
                Pick::Record => {
                    actions.extend(files.into_iter().next().map(|f| self.load_record(f)));
                }
            }
        }
        actions.extend(self.step_loads());
        if let Some(room) = &mut self.room {
            actions.extend(room.take());
        }
        actions.extend(self.save_failures());
        actions.extend(self.lms_notes.drain(..).map(|message| Action::Written {
            what: Saved::LearningPlatform,
            place: PathBuf::new(),
            result: Err(message),
        }));
        actions
    }

    /// After a frame's actions: brings the record's text up to date if it changed, writes
    /// it if the autosave rule says so, and asks for a frame when the next save falls due.
    pub fn end_frame(&mut self, state: &State, ctx: &egui::Context, left_screen: bool) {
        let focused = ctx.input(|i| i.focused);
        let moment = Moment::after_frame(left_screen, self.focused, focused);
        self.focused = focused;
        self.update_text(state);
        self.save_if_due(moment);
        // The room window sees what the room sees, as it changes.
        if let Some(room) = &mut self.room
            && state.seminar.as_ref().is_some_and(|s| s.room_view)
        {
            room.send(state, self.seconds);
        }
        if let Some(wait) = self.autosave.wake_in(self.seconds) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        let now = self.seconds;
        self.downloads.retain(|(when, url)| {
            if *when > now {
                return true;
            }
            web_sys::Url::revoke_object_url(url).ok();
            false
        });
    }
}

/// Marks the page's timeline (`performance.mark(name)`, milliseconds from navigation) at
/// the points the browser benchmark (`web-tests/bench.js`) reports, against a bare eframe
/// app that marks the same: `start` (the wasm runs), `runner` (eframe's web runner is
/// ready and asks for the app), `app` (the app is built: cases read, record opened) and
/// `first-frame` (its first frame drawn).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark(name).ok();
    }
}
