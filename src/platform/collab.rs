//! The desktop's part in your own collaboration: its file dialogs (through rfd, as the
//! rest of the desktop's), saving where no dialog can open, and reading a team's assessment
//! files or a cohort's "what changed" files.

use std::path::{Path, PathBuf};

use crate::domain::Model;
use crate::io::{assessment_file, atomic};
use crate::ui::Action;
use crate::ui::features::assess_share::{CollabDialog, CollabFiles, ShareAction};

/// Reads the files and folders of one kind, with a reason for each file set aside.
/// A team's partnership is the one the first file that names it gives.
pub(super) fn read(kind: CollabFiles, paths: &[PathBuf], model: &Model) -> Action {
    match kind {
        CollabFiles::Team => {
            let mut team = assessment_file::Team::new(None);
            assessment_file::gather(paths, model, &mut team);
            ShareAction::TeamRead(team).into()
        }
        CollabFiles::Changes => {
            let mut cohort = assessment_file::Cohort::default();
            assessment_file::gather_changes(paths, model, &mut cohort);
            ShareAction::ChangesRead(cohort).into()
        }
    }
}

/// Shows a native dialog; what the user picks becomes the next action.
pub(super) fn ask(dialog: CollabDialog, file_name: Option<String>) -> Option<Action> {
    let chosen = rfd::FileDialog::new().set_title(dialog.title());
    let path = if dialog.picks_folder() {
        chosen.pick_folder()
    } else {
        chosen
            .add_filter("RON files", &["ron"])
            .set_file_name(file_name.unwrap_or_else(|| "assessment.ron".to_owned()))
            .save_file()
    };
    path.map(|path| dialog.chosen(path))
}

/// Where a save dialog that could not open saves instead: a folder is `folder`; a file is
/// a new file in it, under the suggested name.
pub(super) fn save_without_dialog(
    dialog: CollabDialog,
    folder: &Path,
    file_name: Option<String>,
) -> Action {
    if dialog.picks_folder() {
        return dialog.chosen(folder.to_path_buf());
    }
    let name = file_name.unwrap_or_else(|| "assessment.ron".to_owned());
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    dialog.chosen(atomic::free_path(folder, stem, "ron"))
}
