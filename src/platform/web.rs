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
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

use super::scorm::{self, Lms};
use super::web_room::RoomLink;
use crate::domain::autosave::{Autosave, Moment};
use crate::domain::{CaseId, Model};
use crate::io::key_store::{KeyStore, Keys};
use crate::io::load::{self, MAX_CASE_BYTES, MAX_FILES, NamedBytes, TextLoad};
use crate::io::{self, FileError, Problem, ProblemKind};
use crate::ui::action::{Action, Dialog};
use crate::ui::effect::{Effect, Saved};
use crate::ui::features::case::CaseAction;
use crate::ui::features::feedback::FeedbackAction;
use crate::ui::features::loading::LoadingAction;
use crate::ui::features::record::RecordAction;
use crate::ui::features::seminar::SeminarAction;
use crate::ui::loader::Purpose;
use crate::ui::settings::Settings;
use crate::ui::state::{Now, Screen, State};

/// Where the record is, in the words the record screen and messages use.
const STORAGE_WORDS: &str = "this browser's storage for this site";
/// Where downloads go, in the words messages use.
const DOWNLOADS_WORDS: &str = "your browser's downloads";
/// Why the browser build does not import a team's or a cohort's files.
const BROWSER_READS: &str =
    "Importing a folder of assessment or \"what changed\" files needs the desktop app.";
/// Milliseconds of checking picked files per frame, so the page keeps drawing.
const SLICE_MS: f64 = 8.0;
/// Seconds before a download's object address is released.
const REVOKE_AFTER: f64 = 60.0;

/// The site's local storage as [`Keys`].
struct LocalStorage(web_sys::Storage);

impl Keys for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(|e| words(&e))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(|e| words(&e))
    }
    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(|e| words(&e))
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        let count = self.0.length().map_err(|e| words(&e))?;
        let mut keys = Vec::new();
        for index in 0..count {
            if let Some(key) = self.0.key(index).map_err(|e| words(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// What a JavaScript error says, in words.
fn words(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        let name = String::from(error.name());
        let message = String::from(error.message());
        return if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
    }
    format!("{value:?}")
}

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

    /// Opens the record in the site's local storage and puts it, and the settings kept
    /// with it, into the state; returns the user to the case and factor they were on.
    pub fn open_store(&mut self, state: &mut State) {
        self.model = Some(state.model.clone());
        let storage = web_sys::window().map(|w| w.local_storage());
        let storage = match storage {
            Some(Ok(Some(storage))) => storage,
            Some(Err(error)) => {
                state.tell(unavailable(&words(&error)));
                return;
            }
            Some(Ok(None)) | None => {
                state.tell(unavailable("it has no storage for this site"));
                return;
            }
        };
        let (store, progress, notice) =
            KeyStore::open(LocalStorage(storage), &crate::clock::stamp());
        let settings: Settings = store.load_settings();
        let (low, high) = crate::ui::features::settings::ZOOM_RANGE;
        state.settings = Settings {
            zoom: settings.zoom.clamp(low, high),
            ..settings
        };
        state.record_folder = Some(STORAGE_WORDS.to_owned());
        state.progress = progress;
        if let Some(notice) = notice {
            state.tell(notice.message());
        }
        self.shared.borrow_mut().store = Some(store);
        self.go_to_place(state);
        super::resume_seminar(state);
        state.refresh_feedback();
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

    /// Carries out an effect; what comes back, if anything, is the next action.
    pub fn perform(&mut self, effect: Effect, state: &State) -> Option<Action> {
        if self.model.is_none() {
            self.model = Some(state.model.clone());
        }
        match effect {
            Effect::RecordChanged => {
                if self.shared.borrow().store.is_some() {
                    self.autosave.changed(self.seconds);
                    self.changed = true;
                }
                None
            }
            Effect::SaveSettings(settings) => {
                let mut shared = self.shared.borrow_mut();
                let store = shared.store.as_mut()?;
                store.save_settings(&settings).err().map(|error| Action::Written {
                    what: Saved::Settings,
                    place: PathBuf::from(STORAGE_WORDS),
                    result: Err(error),
                })
            }
            // A browser downloads where it always does: there is no folder to offer.
            Effect::Ask {
                dialog, file_name, ..
            } => self.ask(&dialog, file_name),
            Effect::Load { paths, purpose } => {
                // Files dropped on the page are read by the platform (see `poll`); any other
                // path cannot be opened in a browser.
                let unreadable: Vec<PathBuf> = paths
                    .into_iter()
                    .filter(|path| !self.dropped.contains(path))
                    .collect();
                if unreadable.is_empty() {
                    return None;
                }
                let errors = unreadable
                    .iter()
                    .map(|path| {
                        read_problem(
                            &path.display().to_string(),
                            "a browser cannot open a file by its name; use Open case files, or drop the file on the page",
                        )
                    })
                    .collect();
                Some(
                    LoadingAction::Loaded {
                        paths: unreadable,
                        purpose,
                        report: io::LoadReport {
                            errors,
                            ..io::LoadReport::default()
                        },
                        more_to_come: !self.loads.is_empty(),
                    }
                    .into(),
                )
            }
            Effect::ReadProblemSource { file, position } => Some(
                LoadingAction::ProblemSourceRead {
                    text: Err(read_problem(
                        &file,
                        "a browser keeps no copy of a file it could not read; open the file again",
                    )),
                    file,
                    position,
                }
                .into(),
            ),
            Effect::WatchAttempts(_) => Some(
                SeminarAction::NotWatching(
                    "a browser cannot watch a folder; use Import attempt files".to_owned(),
                )
                .into(),
            ),
            Effect::StopWatchingAttempts => None,
            Effect::ReadChangedAttempts(_) => Some(SeminarAction::AttemptsChanged(Vec::new()).into()),
            Effect::ReadAttempts(paths) => Some(
                SeminarAction::AttemptsRead(
                    paths
                        .iter()
                        .map(|path| {
                            Err(read_problem(
                                &path.display().to_string(),
                                "a browser cannot open a file by its name; use Import attempt files",
                            ))
                        })
                        .collect(),
                )
                .into(),
            ),
            // The browser has no data folder: an ended seminar's record downloads.
            Effect::KeepEndedSeminar { stem, files } => self.perform(
                Effect::WriteNew {
                    what: Saved::EndedSeminar,
                    folder: PathBuf::new(),
                    stem,
                    files,
                },
                state,
            ),
            Effect::WriteNew {
                what, stem, files, ..
            } => {
                let mut written = Vec::new();
                let mut result = Ok(());
                for (extension, text) in files {
                    let name = format!("{stem}.{extension}");
                    result = self.download(&name, &text);
                    if result.is_err() {
                        break;
                    }
                    written.push(PathBuf::from(name));
                }
                Some(Action::Written {
                    what,
                    place: PathBuf::from(DOWNLOADS_WORDS),
                    result: result.map(|()| written),
                })
            }
            Effect::Replace { what, path, text } => {
                let name = path
                    .file_name()
                    .map_or_else(|| "casebook.txt".to_owned(), |n| n.to_string_lossy().into_owned());
                let result = self
                    .download(&name, &text)
                    .map(|()| vec![PathBuf::from(&name)]);
                Some(Action::Written {
                    what,
                    place: PathBuf::from(DOWNLOADS_WORDS).join(&name),
                    result,
                })
            }
            // A page cannot open a folder on the computer; the browser's list of
            // downloads can.
            Effect::OpenFolder(folder) => Some(Action::Written {
                what: Saved::FolderShown,
                place: folder,
                result: Err(
                    "a web page cannot open folders; open the browser's list of downloads instead (Ctrl+J in most browsers)"
                        .to_owned(),
                ),
            }),
            Effect::ReadCollabFiles { .. } => Some(
                crate::ui::features::assess_share::ShareAction::CannotRead(BROWSER_READS.to_owned())
                    .into(),
            ),
            Effect::ListRecordFiles => {
                let keys = self
                    .shared
                    .borrow()
                    .store
                    .as_ref()
                    .map(KeyStore::record_keys)
                    .unwrap_or_default();
                Some(RecordAction::ConfirmDelete(keys.into_iter().map(PathBuf::from).collect()).into())
            }
            Effect::LoadRecord => self.open_picker(Pick::Record),
            Effect::OpenRoomWindow => {
                if self.room.is_none() {
                    self.room = RoomLink::new(self.ctx.clone());
                }
                let opened = match &mut self.room {
                    Some(room) => room.open(),
                    None => Err(super::web_room::BLOCKED.to_owned()),
                };
                opened
                    .err()
                    .map(|reason| SeminarAction::RoomWindowFailed(reason).into())
            }
            Effect::CloseRoomWindow => {
                if let Some(room) = &mut self.room {
                    room.close();
                }
                None
            }
            Effect::DeleteRecord => {
                self.autosave.saved();
                self.changed = false;
                let mut shared = self.shared.borrow_mut();
                shared.unsaved = None;
                let result = match &mut shared.store {
                    Some(store) => store
                        .delete_record()
                        .map(|keys| keys.into_iter().map(PathBuf::from).collect()),
                    None => Ok(Vec::new()),
                };
                Some(Action::Written {
                    what: Saved::Record,
                    place: PathBuf::from(STORAGE_WORDS),
                    result,
                })
            }
        }
    }

    /// Opens the page's file picker, or, for a file to save, answers at once: a browser
    /// saves by downloading, under the suggested name.
    fn ask(&mut self, dialog: &Dialog, file_name: Option<String>) -> Option<Action> {
        match dialog {
            // A browser picks files, not folders: the folder buttons are left out of the
            // browser build, and these pick the files inside instead.
            Dialog::OpenCaseFiles | Dialog::OpenCaseFolder => self.open_picker(Pick::Cases),
            Dialog::ImportAttemptFiles | Dialog::ImportAttemptFolder => {
                self.open_picker(Pick::Attempts)
            }
            Dialog::SeminarFolder => Some(
                SeminarAction::NotWatching(
                    "a browser cannot watch a folder; use Import attempt files".to_owned(),
                )
                .into(),
            ),
            Dialog::SaveAttemptFile => Some(
                CaseAction::ExportAttempt(PathBuf::from(
                    file_name.unwrap_or_else(|| "attempt.ron".to_owned()),
                ))
                .into(),
            ),
            Dialog::ReportFolder => Some(FeedbackAction::ExportReport(PathBuf::new()).into()),
            Dialog::SessionRecordFolder => {
                Some(SeminarAction::ExportSession(PathBuf::new()).into())
            }
            // Files are saved as downloads; the browser build does not read folders.
            Dialog::Collab(dialog) if dialog.saves() => {
                Some(dialog.chosen(PathBuf::from(file_name.unwrap_or_default())))
            }
            Dialog::Collab(_) => Some(
                crate::ui::features::assess_share::ShareAction::CannotRead(
                    BROWSER_READS.to_owned(),
                )
                .into(),
            ),
        }
    }

    /// Shows the page's file picker; the files chosen are read in the background and come
    /// back through [`Self::poll`].
    fn open_picker(&mut self, pick: Pick) -> Option<Action> {
        if let Some((_, input)) = self.pickers.iter().find(|(p, _)| *p == pick) {
            input.click();
            return None;
        }
        let Some(input) = self.make_picker(pick) else {
            let report = io::LoadReport {
                errors: vec![read_problem(
                    "The file picker",
                    "the page could not show it; reload the page and try again",
                )],
                ..io::LoadReport::default()
            };
            return Some(
                LoadingAction::Loaded {
                    paths: Vec::new(),
                    purpose: Purpose::Open,
                    report,
                    more_to_come: !self.loads.is_empty(),
                }
                .into(),
            );
        };
        input.click();
        self.pickers.push((pick, input));
        None
    }

    fn make_picker(&self, pick: Pick) -> Option<web_sys::HtmlInputElement> {
        let document = web_sys::window()?.document()?;
        let input: web_sys::HtmlInputElement =
            document.create_element("input").ok()?.dyn_into().ok()?;
        input.set_type("file");
        input.set_multiple(pick != Pick::Record);
        input.set_accept(".ron");
        input.set_hidden(true);
        input.set_id(match pick {
            Pick::Cases => "casebook-open-cases",
            Pick::Attempts => "casebook-import-attempts",
            Pick::Record => "casebook-load-record",
        });
        document.body()?.append_child(&input).ok()?;
        let queue = Rc::clone(&self.picked);
        let wake = self.ctx.clone();
        let target = input.clone();
        let changed = Closure::<dyn FnMut()>::new(move || {
            let mut files = Vec::new();
            if let Some(list) = target.files() {
                // One past the limit, so the load can say files were left out.
                let count = list
                    .length()
                    .min(u32::try_from(MAX_FILES + 1).unwrap_or(u32::MAX));
                files.extend((0..count).filter_map(|i| list.get(i)));
            }
            // Cleared, so picking the same file again is a change.
            target.set_value("");
            let queue = Rc::clone(&queue);
            let wake = wake.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::new();
                for file in files {
                    let name = file.name();
                    let bytes = if pick == Pick::Record {
                        read_record_file(&file, &name).await
                    } else {
                        read_file(&file, &name).await
                    };
                    read.push((name, bytes));
                }
                queue.borrow_mut().push(Picked { pick, files: read });
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        });
        input.set_onchange(Some(changed.as_ref().unchecked_ref()));
        // The picker lives as long as the page.
        changed.forget();
        Some(input)
    }

    /// Offers text as a download under `name`.
    fn download(&mut self, name: &str, text: &str) -> Result<(), String> {
        let fail = |what: &str| format!("the browser would not {what}");
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| fail("give the page a document"))?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/plain;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|e| words(&e))?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| words(&e))?;
        let link: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(|e| words(&e))?
            .dyn_into()
            .map_err(|_| fail("make a link"))?;
        link.set_href(&url);
        link.set_download(name);
        link.set_hidden(true);
        let body = document
            .body()
            .ok_or_else(|| fail("give the page a body"))?;
        body.append_child(&link).map_err(|e| words(&e))?;
        link.click();
        link.remove();
        // Released later: some browsers read the address after the click returns.
        self.downloads.push((self.seconds + REVOKE_AFTER, url));
        Ok(())
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

    /// Replaces the record with a record file the user picked, after the stored record's
    /// checks, keeping the old one aside (see [`KeyStore::load_record`]).
    fn load_record(&mut self, (name, bytes): NamedBytes) -> Action {
        let text = bytes
            .map_err(|error| {
                error
                    .problems
                    .first()
                    .map_or_else(|| "it could not be read".to_owned(), |p| p.kind.to_string())
            })
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not text".to_owned()))
            .map_err(|reason| {
                format!(
                    "{name} could not be loaded as a record: {}. Your record was not changed.",
                    reason.trim_end_matches('.')
                )
            });
        let result = text.and_then(|text| {
            let mut shared = self.shared.borrow_mut();
            let store = shared.store.as_mut().ok_or_else(|| {
                format!("{name} was not loaded, because this browser's storage cannot be used. Your record was not changed.")
            })?;
            let (progress, kept) = store.load_record(&name, &text, &crate::clock::stamp())?;
            // What was waiting to be saved belongs to the record replaced.
            shared.unsaved = None;
            Ok((Box::new(progress), kept))
        });
        if result.is_ok() {
            self.autosave.saved();
            self.changed = false;
        }
        RecordAction::Loaded { file: name, result }.into()
    }

    /// Starts reading files dropped on the page this frame.
    fn take_dropped(&mut self) {
        self.dropped.clear();
        let Some(ctx) = &self.ctx else {
            return;
        };
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if dropped.is_empty() {
            return;
        }
        self.dropped = dropped.iter().map(|f| f.path().to_path_buf()).collect();
        let queue = Rc::clone(&self.picked);
        let wake = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut read = Vec::new();
            for file in dropped.iter().take(MAX_FILES + 1) {
                let name = file.path().display().to_string();
                // Through the browser's file, so a file too large is refused before it is
                // read; egui's own read when there is none.
                let bytes = match file.web_file() {
                    Some(web_file) => read_file(web_file, &name).await,
                    None => file
                        .bytes_async()
                        .await
                        .map_err(|reason| read_problem(&name, &reason)),
                };
                read.push((name, bytes));
            }
            queue.borrow_mut().push(Picked {
                pick: Pick::Cases,
                files: read,
            });
            wake.request_repaint();
        });
    }

    /// Checks picked files for a few milliseconds; reports each batch when it is done.
    fn step_loads(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(model) = &self.model else {
            return actions;
        };
        let started = js_sys::Date::now();
        while let Some((_, load)) = self.loads.front_mut() {
            while !load.step(model, 1) {
                if js_sys::Date::now() - started > SLICE_MS {
                    break;
                }
            }
            if load.remaining() > 0 {
                // More next frame.
                if let Some(ctx) = &self.ctx {
                    ctx.request_repaint();
                }
                break;
            }
            if let Some((paths, load)) = self.loads.pop_front() {
                actions.push(
                    LoadingAction::Loaded {
                        paths,
                        purpose: Purpose::Open,
                        report: load.finish(model),
                        more_to_come: !self.loads.is_empty(),
                    }
                    .into(),
                );
            }
        }
        actions
    }

    /// After a frame's actions: brings the record's text up to date if it changed, writes
    /// it if the autosave rule says so, and asks for a frame when the next save falls due.
    pub fn end_frame(&mut self, state: &State, ctx: &egui::Context, left_screen: bool) {
        let focused = ctx.input(|i| i.focused);
        let moment = if left_screen {
            Moment::LeftScreen
        } else if self.focused && !focused {
            Moment::LostFocus
        } else {
            Moment::Frame
        };
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

    /// Serialises the record if it changed, for the autosave rule and the page-hide
    /// listener to write.
    fn update_text(&mut self, state: &State) {
        if !self.changed {
            return;
        }
        self.changed = false;
        // Serialising cannot fail for the record's types; if it ever did, the last text
        // stays, and the next change tries again.
        // A running seminar is kept with the record, as on the desktop.
        let seminar = state.seminar.as_ref().and_then(|seminar| {
            let case = state.case(&seminar.case)?;
            Some(seminar.saved(case, self.seconds))
        });
        if let Ok(text) = io::store::to_text_with(&state.progress, seminar.as_ref()) {
            self.shared.borrow_mut().unsaved = Some(text);
        }
        if let Some(lms) = self.lms.borrow_mut().as_mut() {
            self.lms_notes.extend(lms.update(state));
        }
    }

    fn save_if_due(&mut self, moment: Moment) {
        if !self.autosave.due(self.seconds, moment) {
            return;
        }
        self.autosave.saved();
        match self.shared.borrow_mut().write() {
            Ok(true) => self.saves += 1,
            Ok(false) => {}
            Err(error) => {
                // Tried again after the next quiet spell.
                self.autosave.changed(self.seconds);
                self.failures.push(error);
            }
        }
    }

    /// Saves anything unsaved now; returns what failed.
    pub fn flush(&mut self, state: &State) -> Vec<Action> {
        self.update_text(state);
        self.save_if_due(Moment::Exit);
        self.save_failures()
    }

    /// Saves that failed, as actions.
    fn save_failures(&mut self) -> Vec<Action> {
        self.failures
            .drain(..)
            .map(|error| Action::Written {
                what: Saved::Progress,
                place: PathBuf::from(STORAGE_WORDS),
                result: Err(error),
            })
            .collect()
    }

    /// How many saves of the record reached the storage this run.
    pub fn saves_written(&self) -> usize {
        self.saves
    }

    /// Whether files are still being read or checked.
    pub fn is_loading(&self) -> bool {
        !self.loads.is_empty()
    }

    /// Checks every file picked so far at once; returns them as actions.
    pub fn wait_for_loading(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(model) = &self.model else {
            return actions;
        };
        while let Some((paths, load)) = self.loads.pop_front() {
            actions.push(
                LoadingAction::Loaded {
                    paths,
                    purpose: Purpose::Open,
                    report: load.finish(model),
                    more_to_come: !self.loads.is_empty(),
                }
                .into(),
            );
        }
        actions
    }
}

/// Marks the page's timeline (`performance.mark("first-frame")`) when the app has drawn
/// its first frame: what `scripts/bench-web.sh` measures, against a bare eframe app that
/// marks the same.
pub fn mark_first_frame() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark("first-frame").ok();
    }
}

/// The message when the site's storage cannot be used at all.
fn unavailable(reason: &str) -> String {
    io::key_store::Notice::Unavailable {
        reason: reason.to_owned(),
    }
    .message()
}

/// A file that could not be read, and why.
fn read_problem(file: &str, reason: &str) -> FileError {
    FileError::single(
        file,
        Problem::whole_file(ProblemKind::Read {
            reason: reason.to_owned(),
        }),
    )
}

/// Reads a picked file's bytes, refusing one the browser says is too large before reading.
async fn read_file(file: &web_sys::File, name: &str) -> Result<Vec<u8>, FileError> {
    let size = file.size();
    if size > MAX_CASE_BYTES as f64 {
        // The browser gives the size as a whole, positive number of bytes.
        return Err(load::too_large(name, size as u64));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| read_problem(name, &words(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a picked record file's bytes, refusing one larger than the store reads before
/// reading it.
async fn read_record_file(file: &web_sys::File, name: &str) -> Result<Vec<u8>, FileError> {
    let limit = io::store::MAX_STORE_BYTES;
    if file.size() > limit as f64 {
        return Err(read_problem(
            name,
            &format!(
                "it is larger than {} MB, the most this app reads",
                limit / (1024 * 1024)
            ),
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| read_problem(name, &words(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Attempt files that arrived as bytes, each a record or why it could not be counted.
fn read_attempts(
    files: Vec<NamedBytes>,
    model: &Model,
) -> Vec<Result<io::attempt_file::AttemptRecord, FileError>> {
    let mut read = Vec::new();
    for (index, (name, bytes)) in files.into_iter().enumerate() {
        if index == MAX_FILES {
            read.push(Err(FileError::single(
                name,
                Problem::whole_file(ProblemKind::TooManyFiles { limit: MAX_FILES }),
            )));
            break;
        }
        read.push(
            bytes
                .and_then(|bytes| load::decode(bytes, &name))
                .and_then(|text| io::attempt_file::parse(&text, &name, model)),
        );
    }
    read
}
