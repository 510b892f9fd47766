//! Effects as values: what an action asks of the world, seen without a disk, a dialog or a
//! clock. `update` is the app's whole reaction to an action; the platform does the rest.

use std::path::PathBuf;

use collab_casebook::domain::Verdict;
use collab_casebook::io;
use collab_casebook::ui::app::update;
use collab_casebook::ui::effect::{Effect, Saved};
use collab_casebook::ui::loader::Purpose;
use collab_casebook::ui::state::{Now, State};
use collab_casebook::ui::{
    Action, CaseAction, Dialog, FeedbackAction, LoadingAction, RecordAction, Screen, SeminarAction,
};

use crate::common::{bundled, model};

fn state() -> State {
    let model = model();
    let bundled = io::bundled_cases(&model);
    let mut state = State::new(model, bundled);
    state.now = Now {
        utc: chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
            .unwrap()
            .to_utc(),
        today: "2026-12-01".to_owned(),
    };
    state
}

#[test]
fn marking_changes_the_record_and_asks_for_nothing_else() {
    let case = bundled("universal-credit");
    let mut state = state();
    // Opening a case records where the trainee is, so a restart returns there.
    assert_eq!(
        update(&mut state, CaseAction::Open(case.id.clone()).into()),
        [Effect::RecordChanged]
    );
    assert_eq!(state.progress.place.as_ref().unwrap().case, case.id);
    let factor = model().factors[0].id.clone();
    let effects = update(
        &mut state,
        CaseAction::SetVerdict(factor.clone(), Some(Verdict::Partly)).into(),
    );
    assert_eq!(effects, [Effect::RecordChanged]);
    assert_eq!(
        state.progress.attempts[&case.id].marks[&factor].verdict,
        Some(Verdict::Partly)
    );
}

#[test]
fn a_dialog_is_a_value_with_the_file_name_to_suggest() {
    let case = bundled("universal-credit");
    let mut state = state();
    assert_eq!(
        update(&mut state, Action::Ask(Dialog::OpenCaseFiles)),
        [Effect::Ask {
            dialog: Dialog::OpenCaseFiles,
            file_name: None,
            folder: None
        }]
    );
    let _ = update(&mut state, CaseAction::Open(case.id.clone()).into());
    assert_eq!(
        update(&mut state, Action::Ask(Dialog::SaveAttemptFile)),
        [Effect::Ask {
            dialog: Dialog::SaveAttemptFile,
            file_name: Some(format!("attempt-universal-credit-v{}.ron", case.version)),
            folder: None
        }]
    );
}

#[test]
fn saving_files_is_text_handed_to_the_platform() {
    let case = bundled("universal-credit");
    let mut state = state();
    let _ = update(&mut state, CaseAction::Open(case.id.clone()).into());
    let path = PathBuf::from("/nowhere/attempt.ron");
    let effects = update(&mut state, CaseAction::ExportAttempt(path.clone()).into());
    let [
        Effect::RecordChanged,
        Effect::Replace {
            what,
            path: to,
            text,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((*what, to), (Saved::AttemptFile, &path));
    assert!(text.contains("universal-credit"), "{text}");

    let _ = update(&mut state, FeedbackAction::Show.into());
    assert!(matches!(state.screen, Screen::Feedback { .. }));
    let effects = update(
        &mut state,
        FeedbackAction::ExportReport(PathBuf::from("/out")).into(),
    );
    let [
        Effect::WriteNew {
            what: Saved::FeedbackReport,
            stem,
            files,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        stem,
        &format!("feedback-universal-credit-v{}-2026-12-01", case.version)
    );
    let extensions: Vec<&str> = files.iter().map(|(e, _)| *e).collect();
    assert_eq!(extensions, ["md", "html"]);
}

#[test]
fn what_the_platform_reports_back_becomes_a_message() {
    let mut state = state();
    let effects = update(
        &mut state,
        Action::Written {
            what: Saved::AttemptFile,
            place: PathBuf::from("/locked/attempt.ron"),
            result: Err("permission denied".to_owned()),
        },
    );
    assert_eq!(effects, []);
    assert_eq!(
        state.notices,
        [
            "Your attempt file could not be saved as /locked/attempt.ron (permission denied). Choose another place."
        ]
    );
}

#[test]
fn deleting_the_record_lists_the_files_then_deletes_them() {
    let mut state = state();
    assert_eq!(
        update(&mut state, RecordAction::AskDelete.into()),
        [Effect::ListRecordFiles]
    );
    let files = vec![PathBuf::from("/data/progress.ron")];
    let _ = update(
        &mut state,
        RecordAction::ConfirmDelete(files.clone()).into(),
    );
    assert_eq!(
        state.screen,
        Screen::Record {
            confirm_delete: Some(files)
        }
    );
    assert_eq!(
        update(&mut state, RecordAction::Delete.into()),
        [Effect::DeleteRecord]
    );
}

#[test]
fn opening_files_and_importing_attempts_are_loads_for_the_platform() {
    let mut state = state();
    let paths = vec![PathBuf::from("cases/")];
    assert_eq!(
        update(&mut state, LoadingAction::LoadPaths(paths.clone()).into()),
        [Effect::Load {
            paths: paths.clone(),
            purpose: Purpose::Open
        }]
    );
    assert_eq!(state.status.as_deref(), Some("Opening files…"));
    // No seminar, nothing to import into.
    assert_eq!(
        update(
            &mut state,
            SeminarAction::ImportAttempts(paths.clone()).into()
        ),
        []
    );
    let case = bundled("universal-credit");
    let _ = update(&mut state, SeminarAction::Start(case.id).into());
    assert_eq!(
        update(
            &mut state,
            SeminarAction::ImportAttempts(paths.clone()).into()
        ),
        [Effect::ReadAttempts(paths)]
    );
}

#[test]
fn the_lines_around_a_problem_come_from_the_text_as_checked_not_the_disk() {
    let model = model();
    let text = std::fs::read_to_string("tests/data/broken/missing-comma.ron").unwrap();
    let file = "/cases/bad.ron".to_owned();
    let mut state = state();
    let mut report = io::LoadReport::default();
    report
        .errors
        .push(io::load::parse_case(&text, &file, &model).unwrap_err());
    report.problem_texts.push((file.clone(), text.into()));
    report.files_read = 1;
    let _ = update(
        &mut state,
        LoadingAction::Loaded {
            paths: vec![PathBuf::from(&file)],
            purpose: Purpose::Open,
            report,
            more_to_come: false,
        }
        .into(),
    );
    let position = io::Position { line: 7, column: 5 };
    let effects = update(
        &mut state,
        LoadingAction::ShowProblemSource {
            file: file.clone(),
            position,
        }
        .into(),
    );
    assert_eq!(effects, [], "nothing is read again");
    let source = state.problem_source.as_ref().unwrap();
    assert!(source.lines.iter().any(|(n, _)| *n == 7), "{source:?}");
    // A file the app could not read at all is asked of the platform, which says why.
    let effects = update(
        &mut state,
        LoadingAction::ShowProblemSource {
            file: "/cases/other.ron".to_owned(),
            position,
        }
        .into(),
    );
    assert_eq!(
        effects,
        [Effect::ReadProblemSource {
            file: "/cases/other.ron".to_owned(),
            position
        }]
    );
}

#[test]
fn the_record_downloads_as_its_own_text_and_loads_through_the_platform() {
    let case = bundled("universal-credit");
    let mut state = state();
    let _ = update(&mut state, CaseAction::Open(case.id.clone()).into());
    let factor = model().factors[0].id.clone();
    let _ = update(
        &mut state,
        CaseAction::SetVerdict(factor.clone(), Some(Verdict::Missing)).into(),
    );
    let text = io::store::to_text(&state.progress).unwrap();
    assert_eq!(
        update(&mut state, RecordAction::Download.into()),
        [Effect::WriteNew {
            what: Saved::RecordCopy,
            folder: PathBuf::new(),
            stem: "collab-casebook-record-2026-12-01".to_owned(),
            files: vec![("ron", text)],
        }]
    );
    assert_eq!(
        update(&mut state, RecordAction::Load.into()),
        [Effect::LoadRecord]
    );
    // What the platform read and checked replaces the record, and says where the old one is.
    let loaded = collab_casebook::domain::progress::Progress::default();
    let _ = update(
        &mut state,
        RecordAction::Loaded {
            file: "mine.ron".to_owned(),
            result: Ok((Box::new(loaded.clone()), Some("old-key".to_owned()))),
        }
        .into(),
    );
    assert_eq!(state.progress, loaded);
    assert!(
        state
            .notices
            .iter()
            .any(|n| n.contains("mine.ron") && n.contains("\"old-key\""))
    );
    // A file refused changes nothing but is said.
    let before = state.progress.clone();
    let _ = update(
        &mut state,
        RecordAction::Loaded {
            file: "broken.ron".to_owned(),
            result: Err("broken.ron could not be loaded as a record: line 3, column 1: it ends too early. Your record was not changed.".to_owned()),
        }
        .into(),
    );
    assert_eq!(state.progress, before);
    assert!(
        state
            .notices
            .iter()
            .any(|n| n.starts_with("broken.ron could not be loaded"))
    );
}

#[test]
fn save_your_attempt_file_offers_the_folder_it_was_last_saved_in() {
    let case = bundled("universal-credit");
    let mut state = state();
    let _ = update(&mut state, CaseAction::Open(case.id.clone()).into());
    let shared = PathBuf::from("/room/shared");
    let effects = update(
        &mut state,
        CaseAction::ExportAttempt(shared.join("attempt.ron")).into(),
    );
    assert!(effects.contains(&Effect::RecordChanged), "{effects:?}");
    assert_eq!(state.progress.attempt_folder, Some(shared.clone()));
    let file_name = Some(format!("attempt-universal-credit-v{}.ron", case.version));
    assert_eq!(
        update(&mut state, Action::Ask(Dialog::SaveAttemptFile)),
        [Effect::Ask {
            dialog: Dialog::SaveAttemptFile,
            file_name: file_name.clone(),
            folder: Some(shared.clone())
        }]
    );
    // Other dialogs are not sent there: a report is not for the room.
    assert_eq!(
        update(&mut state, Action::Ask(Dialog::ReportFolder)),
        [Effect::Ask {
            dialog: Dialog::ReportFolder,
            file_name,
            folder: None
        }]
    );
    // Saving there again changes nothing in the record.
    let effects = update(
        &mut state,
        CaseAction::ExportAttempt(shared.join("attempt-2.ron")).into(),
    );
    assert!(!effects.contains(&Effect::RecordChanged), "{effects:?}");
}
