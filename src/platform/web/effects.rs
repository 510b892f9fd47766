//! Carrying out the app's effects in a browser: the record's storage, the file picker,
//! downloads for every file saved, and the room view's window.

use std::path::PathBuf;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;

use super::files::read_problem;
use super::storage::words;
use super::{Pick, STORAGE_WORDS, Web};
use crate::io;
use crate::io::key_store::KeyStore;
use crate::platform::web_room::{self, RoomLink};
use crate::ui::action::{Action, Dialog};
use crate::ui::effect::{Effect, Saved};
use crate::ui::features::case::CaseAction;
use crate::ui::features::feedback::FeedbackAction;
use crate::ui::features::loading::LoadingAction;
use crate::ui::features::record::RecordAction;
use crate::ui::features::seminar::SeminarAction;
use crate::ui::state::State;

/// Where downloads go, in the words messages use.
const DOWNLOADS_WORDS: &str = "your browser's downloads";
/// Why the browser build does not import a team's or a cohort's files.
const BROWSER_READS: &str =
    "Importing a folder of assessment or \"what changed\" files needs the desktop app.";
/// Seconds before a download's object address is released.
const REVOKE_AFTER: f64 = 60.0;

impl Web {
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
                    None => Err(web_room::BLOCKED.to_owned()),
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
}
