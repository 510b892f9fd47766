//! What the user is told once the platform has written (or deleted) files: where they
//! went, or what went wrong and what to do.

use std::path::{Path, PathBuf};

use super::super::effect::Saved;
use super::super::state::State;

fn names(paths: &[PathBuf], separator: &str) -> String {
    paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(separator)
}

/// Tells the user what happened to files they saved or deleted.
pub fn apply(state: &mut State, what: Saved, place: &Path, result: Result<Vec<PathBuf>, String>) {
    let place_shown = place.display();
    let message = match (what, result) {
        (Saved::Collab(kind), result) => {
            let (message, folder) = super::assess_share::saved_message(kind, place, result);
            match folder {
                Some(folder) => return told_with_folder(state, message, &folder),
                None => message,
            }
        }
        (Saved::AttemptFile, Ok(_)) => {
            let folder = place.parent().unwrap_or(place);
            let message = format!(
                "Your attempt file was saved as {} in {}. Give it to your facilitator.",
                place.file_name().map_or_else(
                    || place_shown.to_string(),
                    |n| n.to_string_lossy().into_owned()
                ),
                folder.display()
            );
            return told_with_folder(state, message, folder);
        }
        (Saved::AttemptFile, Err(error)) => format!(
            "Your attempt file could not be saved as {place_shown} ({error}). Choose another place."
        ),
        (Saved::FeedbackReport, Ok(paths)) => {
            let message = format!(
                "Your feedback report was saved as {} in {place_shown}.",
                names(&paths, " and ")
            );
            return told_with_folder(state, message, place);
        }
        (Saved::FeedbackReport, Err(error)) => format!(
            "Your feedback report could not be saved in {place_shown} ({error}). Choose another folder."
        ),
        (Saved::SessionRecord, result) => {
            let message = match result {
                Ok(paths) => {
                    let message = format!("Saved {} in {place_shown}.", names(&paths, ", "));
                    state.saved_in.push((message.clone(), place.to_path_buf()));
                    message
                }
                Err(error) => format!(
                    "The session record could not be saved in {place_shown} ({error}). Choose another folder."
                ),
            };
            if let Some(seminar) = &mut state.seminar {
                seminar.status = Some(message);
            }
            return;
        }
        (Saved::Settings, Ok(_))
        | (Saved::Progress, Ok(_))
        | (Saved::FolderShown, Ok(_))
        | (Saved::LearningPlatform, Ok(_)) => {
            return;
        }
        (Saved::LearningPlatform, Err(message)) => message,
        (Saved::RecordCopy, Ok(paths)) => format!(
            "Your record was saved as {} in {place_shown}. To carry on in another browser, use Load a record there; for the desktop app, see Use it in a browser in the README.",
            names(&paths, ", ")
        ),
        (Saved::RecordCopy, Err(error)) => {
            format!("Your record could not be saved as a file ({error}). It is still kept here.")
        }
        (Saved::FolderShown, Err(error)) => {
            format!("The folder could not be opened ({error}). It is {place_shown}.")
        }
        (Saved::Settings, Err(error)) => {
            format!("Your display settings could not be saved ({error}).")
        }
        (Saved::Progress, Err(error)) => format!(
            "Your latest changes could not be saved ({error}). They are still open here; the app will keep trying."
        ),
        (Saved::Record, Ok(_)) if place.as_os_str().is_empty() => {
            "Your record was deleted.".to_owned()
        }
        (Saved::Record, Ok(files)) if files.is_empty() => {
            "Your record was deleted. No file held it yet.".to_owned()
        }
        (Saved::Record, Ok(files)) => format!(
            "Your record was deleted. Removed {}: {}.",
            if files.len() == 1 {
                "1 file".to_owned()
            } else {
                format!("{} files", files.len())
            },
            files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (Saved::EndedSeminar, Ok(paths)) => format!(
            "The seminar ended. Its session record and the room's marks were kept in {place_shown}: {}.",
            names(&paths, ", ")
        ),
        (Saved::EndedSeminar, Err(error)) => format!(
            "The seminar ended, but its record could not be kept in {place_shown} ({error})."
        ),
        (Saved::Record, Err(error)) => format!(
            "Your record was not fully deleted: {error}. Delete that file yourself, or try again."
        ),
    };
    state.tell(message);
}

/// Tells the user `message` about files saved in `folder`, which the message offers to
/// open.
fn told_with_folder(state: &mut State, message: String, folder: &Path) {
    state.saved_in.retain(|(said, _)| *said != message);
    state.saved_in.push((message.clone(), folder.to_path_buf()));
    state.tell(message);
}
