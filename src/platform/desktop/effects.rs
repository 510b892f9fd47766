//! Carrying out the app's effects on the desktop: the record, dialogs, loads, watched
//! folders and files written; and saving without a dialog when none can open.

use std::path::{Path, PathBuf};

use super::Desktop;
use crate::io::{self, atomic};
use crate::platform::{collab, dialogs};
use crate::ui::action::{Action, Dialog, Picked};
use crate::ui::effect::{Effect, Saved};
use crate::ui::features::loading::LoadingAction;
use crate::ui::features::record::RecordAction;
use crate::ui::features::seminar::SeminarAction;
use crate::ui::state::State;

impl Desktop {
    /// Carries out an effect; what comes back, if anything, is the next action.
    pub fn perform(&mut self, effect: Effect, state: &State) -> Option<Action> {
        match effect {
            Effect::RecordChanged => {
                // With no record kept there is nothing to save, and no reason to wake.
                if self.writer.is_some() {
                    self.autosave.changed(self.seconds);
                }
                None
            }
            Effect::SaveSettings(settings) => {
                let writer = self.writer.as_ref()?;
                io::store::save_settings(writer.folder(), &settings)
                    .err()
                    .map(|error| Action::Written {
                        what: Saved::Settings,
                        place: writer.folder().to_path_buf(),
                        result: Err(error.to_string()),
                    })
            }
            Effect::Ask {
                dialog,
                file_name,
                folder,
            } => match (self.dialogs)(&dialog, file_name.clone(), folder.as_deref()) {
                Picked::Chosen(action) => Some(action),
                Picked::Cancelled => None,
                Picked::Unavailable => self.save_without_dialog(&dialog, file_name),
            },
            Effect::OpenFolder(folder) => dialogs::open_folder(&folder).err().map(|error| Action::Written {
                what: Saved::FolderShown,
                place: folder,
                result: Err(error),
            }),
            Effect::Load { paths, purpose } => {
                // Absolute paths, so a file reloaded after a save is recognised as the same.
                let paths: Vec<PathBuf> = paths
                    .into_iter()
                    .map(|p| p.canonicalize().unwrap_or(p))
                    .collect();
                self.loader
                    .start(paths, purpose, &state.model, self.wake.clone());
                None
            }
            Effect::ReadProblemSource { file, position } => {
                let text = io::load::read_text(Path::new(&file));
                Some(
                    LoadingAction::ProblemSourceRead {
                        file,
                        position,
                        text,
                    }
                    .into(),
                )
            }
            Effect::WatchAttempts(folder) => {
                let Some(watcher) = &mut self.watcher else {
                    return Some(
                        SeminarAction::NotWatching(
                            "files cannot be watched on this computer".to_owned(),
                        )
                        .into(),
                    );
                };
                watcher
                    .watch_attempts(&folder)
                    .err()
                    .map(|error| SeminarAction::NotWatching(error.to_string()).into())
            }
            Effect::StopWatchingAttempts => {
                if let Some(watcher) = &mut self.watcher {
                    watcher.stop_attempts();
                }
                None
            }
            Effect::ReadChangedAttempts(paths) => Some(
                SeminarAction::AttemptsChanged(io::attempt_file::read_all(&paths, &state.model))
                    .into(),
            ),
            Effect::ReadAttempts(paths) => Some(
                SeminarAction::AttemptsRead(io::attempt_file::read_all(&paths, &state.model))
                    .into(),
            ),
            Effect::WriteNew {
                what,
                folder,
                stem,
                files,
            } => {
                let mut written = Vec::new();
                let mut result = Ok(());
                for (extension, text) in files {
                    let path = atomic::free_path(&folder, &stem, extension);
                    result = atomic::write_new(&path, text.as_bytes());
                    if result.is_err() {
                        break;
                    }
                    written.push(path);
                }
                Some(Action::Written {
                    what,
                    place: folder,
                    result: result.map(|()| written).map_err(|e| e.to_string()),
                })
            }
            Effect::Replace { what, path, text } => {
                let result = atomic::replace(&path, text.as_bytes())
                    .map(|()| vec![path.clone()])
                    .map_err(|e| e.to_string());
                Some(Action::Written {
                    what,
                    place: path,
                    result,
                })
            }
            Effect::KeepEndedSeminar { stem, files } => {
                let writer = self.writer.as_ref()?;
                let folder = io::seminar_file::ended_folder(writer.folder());
                let result = std::fs::create_dir_all(&folder)
                    .and_then(|()| io::session_record::write_files(&folder, &stem, &files))
                    .map_err(|error| error.to_string());
                Some(Action::Written {
                    what: Saved::EndedSeminar,
                    place: folder,
                    result,
                })
            }
            Effect::ReadCollabFiles { kind, paths } => {
                Some(collab::read(kind, &paths, &state.model))
            }
            Effect::ListRecordFiles => {
                let files = self
                    .writer
                    .as_ref()
                    .map(|w| io::store::record_files(w.folder()))
                    .unwrap_or_default();
                Some(RecordAction::ConfirmDelete(files).into())
            }
            // The room view is a second window of the app's own (an egui viewport), drawn
            // from the state while the seminar says it is open: nothing to do here.
            Effect::OpenRoomWindow | Effect::CloseRoomWindow => None,
            // The desktop's record is a file in its data folder, shown on My record: it is
            // moved by copying that file, not loaded over (the button is the browser's).
            Effect::LoadRecord => Some(
                RecordAction::Loaded {
                    file: String::new(),
                    result: Err("The desktop app keeps your record in its data folder, named on My record. To use a record downloaded from a browser, close the app and put the file in that folder as progress.ron.".to_owned()),
                }
                .into(),
            ),
            Effect::DeleteRecord => {
                // Nothing of the old record is saved again: the writer deletes after any
                // save already handed over, and the pending change is dropped.
                self.autosave.saved();
                match &mut self.writer {
                    Some(writer) => {
                        writer.delete();
                        None
                    }
                    None => Some(Action::Written {
                        what: Saved::Record,
                        place: PathBuf::new(),
                        result: Ok(Vec::new()),
                    }),
                }
            }
        }
    }

    /// Saves into [`Self::exports_folder`] what a save dialog that could not open was to
    /// choose a place for; the message that follows names the file and offers its folder.
    /// Nothing happens for dialogs that open files, which can be dropped on the window.
    fn save_without_dialog(&self, dialog: &Dialog, file_name: Option<String>) -> Option<Action> {
        use crate::ui::features::case::CaseAction;
        use crate::ui::features::feedback::FeedbackAction;
        let what = match dialog {
            Dialog::SaveAttemptFile => Saved::AttemptFile,
            Dialog::ReportFolder => Saved::FeedbackReport,
            Dialog::SessionRecordFolder => Saved::SessionRecord,
            Dialog::Collab(dialog) => dialog.saved()?,
            Dialog::OpenCaseFiles
            | Dialog::OpenCaseFolder
            | Dialog::ImportAttemptFiles
            | Dialog::ImportAttemptFolder
            | Dialog::SeminarFolder => return None,
        };
        let folder = self.exports_folder();
        if let Err(error) = std::fs::create_dir_all(&folder) {
            return Some(Action::Written {
                what,
                place: folder,
                result: Err(format!("no file dialog could open, and {error}")),
            });
        }
        Some(match dialog {
            Dialog::SaveAttemptFile => {
                let name = file_name.unwrap_or_else(|| "attempt.ron".to_owned());
                let stem = name.strip_suffix(".ron").unwrap_or(&name);
                CaseAction::ExportAttempt(atomic::free_path(&folder, stem, "ron")).into()
            }
            Dialog::ReportFolder => FeedbackAction::ExportReport(folder).into(),
            Dialog::Collab(dialog) => collab::save_without_dialog(*dialog, &folder, file_name),
            _ => SeminarAction::ExportSession(folder).into(),
        })
    }
}
