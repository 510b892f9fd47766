//! Saving when no file dialog can open (issue 15, item 7): the attempt file, the feedback
//! report and the session record go to the exports folder in the data folder, and each
//! save ends with a message naming the file, with a button that opens its folder.

use crate::common::{app_harness_with_store, bundled, model, open_case, press, shows};
use collab_casebook::CasebookApp;
use collab_casebook::domain::Verdict;
use collab_casebook::ui::action::Picked;
use collab_casebook::ui::effect::Effect;
use collab_casebook::ui::{Action, Dialog};
use egui_kittest::Harness;

/// The app with its record in `folder`, on a computer where no file dialog opens; the
/// dialogs asked for are kept in `asked`.
fn without_dialogs(
    folder: &std::path::Path,
    picked: Picked,
) -> (
    Harness<'static, CasebookApp>,
    std::sync::Arc<std::sync::Mutex<Vec<Dialog>>>,
) {
    let mut harness = app_harness_with_store(folder);
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    harness.state_mut().set_dialogs(Box::new(
        move |dialog: &Dialog, _name: Option<String>, _folder| {
            seen.lock().unwrap().push(dialog.clone());
            picked.clone()
        },
    ));
    (harness, asked)
}

fn files_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Marks every factor of the short hospital discharge case and checks it.
fn check_a_case(harness: &mut Harness<'static, CasebookApp>) {
    let model = model();
    let case = bundled("hospital-discharge-short");
    open_case(harness, &case);
    for (index, factor) in model.factors.iter().enumerate() {
        let verdict = case
            .answer(&factor.id)
            .map_or(Verdict::CantTell, |a| a.verdict);
        press(harness, verdict.label());
        if index + 1 < model.factors.len() {
            press(harness, "Next factor");
        }
    }
    press(harness, "Check your answers");
}

#[test]
fn with_no_file_dialog_the_attempt_file_and_report_go_to_the_exports_folder() {
    let data = tempfile::tempdir().unwrap();
    let exports = data.path().join("exports");
    let (mut harness, asked) = without_dialogs(data.path(), Picked::Unavailable);
    check_a_case(&mut harness);
    let case = bundled("hospital-discharge-short");

    press(&mut harness, "Save your attempt file");
    let attempt = format!("attempt-{}-v{}.ron", case.id, case.version);
    assert_eq!(files_in(&exports), vec![attempt.clone()]);
    let said = format!(
        "Your attempt file was saved as {attempt} in {}. Give it to your facilitator.",
        exports.display()
    );
    assert!(shows(&harness, &said), "{:?}", harness.state().notices());
    assert!(shows(&harness, "Open the folder for message 1"));

    press(&mut harness, "Save a feedback report");
    let files = files_in(&exports);
    assert_eq!(files.len(), 3, "{files:?}");
    let report: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("feedback-"))
        .collect();
    assert_eq!(report.len(), 2, "{files:?}");
    assert!(
        shows(
            &harness,
            &format!(
                "Your feedback report was saved as {} and {} in {}.",
                report[1],
                report[0],
                exports.display()
            )
        ) || shows(
            &harness,
            &format!(
                "Your feedback report was saved as {} and {} in {}.",
                report[0],
                report[1],
                exports.display()
            )
        )
    );
    assert!(shows(&harness, "Open the folder for message 2"));

    // A second attempt file does not replace the first.
    press(&mut harness, "Save your attempt file");
    assert_eq!(files_in(&exports).len(), 4);
    assert_eq!(
        *asked.lock().unwrap(),
        vec![
            Dialog::SaveAttemptFile,
            Dialog::ReportFolder,
            Dialog::SaveAttemptFile
        ]
    );
}

#[test]
fn with_no_file_dialog_the_session_record_goes_to_the_exports_folder() {
    let data = tempfile::tempdir().unwrap();
    let exports = data.path().join("exports");
    let (mut harness, _) = without_dialogs(data.path(), Picked::Unavailable);
    let case = bundled("universal-credit");
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    press(&mut harness, "Save the session record");
    let files = files_in(&exports);
    assert_eq!(files.len(), 3, "Markdown, HTML and CSV: {files:?}");
    let status = harness
        .state()
        .seminar()
        .and_then(|s| s.status.clone())
        .unwrap();
    assert!(
        status.starts_with("Saved ") && status.ends_with(&format!(" in {}.", exports.display())),
        "{status}"
    );
    for file in &files {
        assert!(status.contains(file.as_str()), "{status} names {file}");
    }
    assert!(shows(&harness, "Open the session record's folder"));
}

/// Closing the dialog without choosing saves nothing and says nothing.
#[test]
fn a_cancelled_dialog_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let (mut harness, asked) = without_dialogs(data.path(), Picked::Cancelled);
    check_a_case(&mut harness);
    press(&mut harness, "Save your attempt file");
    assert_eq!(asked.lock().unwrap().len(), 1);
    assert!(files_in(&data.path().join("exports")).is_empty());
    assert!(harness.state().notices().is_empty());
}

/// The button beside a save's message asks the platform to show that folder.
#[test]
fn opening_a_saved_files_folder_is_an_effect() {
    let model = model();
    let bundled = collab_casebook::io::bundled_cases(&model);
    let mut state = collab_casebook::ui::state::State::new(model, bundled);
    let folder = std::path::PathBuf::from("/somewhere/exports");
    let effects = collab_casebook::ui::app::update(&mut state, Action::OpenFolder(folder.clone()));
    assert_eq!(effects, vec![Effect::OpenFolder(folder)]);
}

#[test]
fn the_folder_an_attempt_file_was_saved_in_is_offered_again_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let offered = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let dialogs = |harness: &mut Harness<'static, CasebookApp>| {
        let seen = offered.clone();
        let target = shared.path().join("attempt.ron");
        harness.state_mut().set_dialogs(Box::new(
            move |dialog: &Dialog, _name: Option<String>, folder: Option<&std::path::Path>| {
                seen.lock()
                    .unwrap()
                    .push(folder.map(std::path::Path::to_path_buf));
                match dialog {
                    Dialog::SaveAttemptFile => Picked::Chosen(
                        collab_casebook::ui::CaseAction::ExportAttempt(target.clone()).into(),
                    ),
                    _ => Picked::Cancelled,
                }
            },
        ));
    };
    {
        let mut harness = app_harness_with_store(data.path());
        dialogs(&mut harness);
        check_a_case(&mut harness);
        press(&mut harness, "Save your attempt file");
        assert_eq!(files_in(shared.path()), ["attempt.ron"]);
        drop(harness);
    }
    let mut harness = app_harness_with_store(data.path());
    dialogs(&mut harness);
    // The app opens where the trainee left it; they open the case again and check it.
    press(&mut harness, "Library");
    let case = bundled("hospital-discharge-short");
    press(&mut harness, &format!("Continue: {}", case.title));
    press(&mut harness, "Check your answers");
    press(&mut harness, "Save your attempt file");
    assert_eq!(
        *offered.lock().unwrap(),
        [None, Some(shared.path().to_path_buf())],
        "the first save offers the system's folder; after a restart, the shared folder"
    );
}
