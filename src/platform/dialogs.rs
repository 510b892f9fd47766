//! The desktop's native dialogs (rfd) and its file manager: the only places the app asks
//! the system to show something outside its window.

use std::path::Path;

use crate::ui::action::{Action, Dialog, Picked};
use crate::ui::features::loading::LoadingAction;
use crate::ui::features::seminar::SeminarAction;

/// Opens a folder in the system's file manager (Explorer, Finder, or whatever `xdg-open`
/// hands folders to), without waiting for it.
pub(super) fn open_folder(folder: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(opener)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|error| format!("{opener} could not start: {error}"))?;
    // Reaped on its own thread, so the opener never lingers as a zombie.
    std::thread::Builder::new()
        .name("folder opener".to_owned())
        .spawn(move || child.wait())
        .map(|_| ())
        .map_err(|error| error.to_string())
}

/// Shows a native file dialog and turns what the user picked into the next action. The
/// only place the app calls rfd. rfd answers "nothing picked" both when the user cancels
/// and when no dialog could open (under Xvfb with no desktop portal, say); an answer
/// sooner than anyone could cancel is taken as the dialog not opening.
pub(super) fn native_dialog(
    dialog: &Dialog,
    file_name: Option<String>,
    folder: Option<&Path>,
) -> Picked {
    let started = std::time::Instant::now();
    match ask(dialog, file_name, folder) {
        Some(action) => Picked::Chosen(action),
        None if started.elapsed() < std::time::Duration::from_millis(300) => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// Shows a native file dialog and turns what the user picked into the next action. The
/// only place the app calls rfd.
fn ask(dialog: &Dialog, file_name: Option<String>, folder: Option<&Path>) -> Option<Action> {
    use crate::ui::features::case::CaseAction;
    use crate::ui::features::feedback::FeedbackAction;
    use rfd::FileDialog;
    let ron = |d: FileDialog, what: &str| d.add_filter(what, &["ron"]);
    match dialog {
        Dialog::OpenCaseFiles => ron(FileDialog::new().set_title("Open case files"), "Case files")
            .pick_files()
            .map(|paths| LoadingAction::LoadPaths(paths).into()),
        Dialog::OpenCaseFolder => FileDialog::new()
            .set_title("Open a folder of cases")
            .pick_folder()
            .map(|folder| LoadingAction::LoadPaths(vec![folder]).into()),
        Dialog::ImportAttemptFiles => ron(
            FileDialog::new().set_title("Import attempt files"),
            "Attempt files",
        )
        .pick_files()
        .map(|paths| SeminarAction::ImportAttempts(paths).into()),
        Dialog::ImportAttemptFolder => FileDialog::new()
            .set_title("Import a folder of attempt files")
            .pick_folder()
            .map(|folder| SeminarAction::ImportAttempts(vec![folder]).into()),
        Dialog::SeminarFolder => FileDialog::new()
            .set_title("Choose the folder your room saves attempt files into")
            .pick_folder()
            .map(|folder| SeminarAction::WatchFolder(folder).into()),
        Dialog::SaveAttemptFile => ron(
            match folder.filter(|f| f.is_dir()) {
                Some(folder) => FileDialog::new().set_directory(folder),
                None => FileDialog::new(),
            }
            .set_title("Save your attempt file"),
            "Attempt files",
        )
        .set_file_name(file_name.unwrap_or_else(|| "attempt.ron".to_owned()))
        .save_file()
        .map(|path| CaseAction::ExportAttempt(path).into()),
        Dialog::ReportFolder => FileDialog::new()
            .set_title("Choose a folder for your feedback report")
            .pick_folder()
            .map(|folder| FeedbackAction::ExportReport(folder).into()),
        Dialog::SessionRecordFolder => FileDialog::new()
            .set_title("Choose a folder for the session record")
            .pick_folder()
            .map(|folder| SeminarAction::ExportSession(folder).into()),
        Dialog::Collab(dialog) => super::collab::ask(*dialog, file_name),
    }
}
