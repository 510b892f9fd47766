//! The record in the site's local storage: opened, replaced by a record file, brought up
//! to date each frame and written when the autosave rule says so.

use std::path::PathBuf;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;

use super::{STORAGE_WORDS, Web};
use crate::domain::autosave::Moment;
use crate::io;
use crate::io::key_store::{KeyStore, Keys};
use crate::io::load::NamedBytes;
use crate::ui::action::Action;
use crate::ui::effect::Saved;
use crate::ui::features::record::RecordAction;
use crate::ui::settings::Settings;
use crate::ui::state::State;

/// The site's local storage as [`Keys`].
pub(super) struct LocalStorage(web_sys::Storage);

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
pub(super) fn words(value: &JsValue) -> String {
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

impl Web {
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
        crate::platform::resume_seminar(state);
        state.refresh_feedback();
    }

    /// Replaces the record with a record file the user picked, after the stored record's
    /// checks, keeping the old one aside (see [`KeyStore::load_record`]).
    pub(super) fn load_record(&mut self, (name, bytes): NamedBytes) -> Action {
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

    /// Serialises the record if it changed, for the autosave rule and the page-hide
    /// listener to write.
    pub(super) fn update_text(&mut self, state: &State) {
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

    pub(super) fn save_if_due(&mut self, moment: Moment) {
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
    pub(super) fn save_failures(&mut self) -> Vec<Action> {
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
}

/// The message when the site's storage cannot be used at all.
fn unavailable(reason: &str) -> String {
    io::key_store::Notice::Unavailable {
        reason: reason.to_owned(),
    }
    .message()
}
