//! A running seminar survives closing the app: the room's marks, reveals and stage come
//! back on restart; ending it keeps its record and marks together in the data folder.

use collab_casebook::domain::Verdict;
use collab_casebook::ui::seminar::Stage;
use collab_casebook::ui::{Action, Screen, SeminarAction};
use egui_kittest::kittest::Queryable as _;

use crate::common::{app_harness_with_store, bundled, model};

#[test]
fn a_running_seminar_comes_back_after_a_restart_and_ending_it_keeps_its_record() {
    let case = bundled("universal-credit");
    let factor = model().factors[2].id.clone();
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app_harness_with_store(dir.path());
        let app = harness.state_mut();
        app.apply(Action::Seminar(SeminarAction::Start(case.id.clone())));
        app.apply(Action::Seminar(SeminarAction::Go(Stage::Factor(2))));
        app.apply(Action::Seminar(SeminarAction::SetTally(
            factor.clone(),
            Verdict::Missing,
            12,
        )));
        app.apply(Action::Seminar(SeminarAction::Reveal(factor.clone())));
        harness.run();
        // The window closes (or the app is killed after its next save).
    }
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    assert!(
        text.contains("seminar: Some("),
        "the record holds the running seminar"
    );
    let mut harness = app_harness_with_store(dir.path());
    assert_eq!(harness.state().screen(), &Screen::Seminar);
    let seminar = harness.state().seminar().unwrap();
    assert_eq!(seminar.stage, Stage::Factor(2));
    assert_eq!(seminar.hands[&factor].missing, 12);
    assert!(seminar.revealed.contains(&factor));
    assert!(
        harness
            .query_by_label_contains("was picked up where you left it")
            .is_some()
    );

    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::End));
    harness.run();
    let kept = collab_casebook::io::seminar_file::ended_folder(dir.path());
    let mut names: Vec<String> = std::fs::read_dir(&kept)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 4, "{names:?}");
    let marks = names.iter().find(|n| n.ends_with(".seminar.ron")).unwrap();
    let saved = collab_casebook::io::seminar_file::parse(
        &std::fs::read_to_string(kept.join(marks)).unwrap(),
    )
    .unwrap();
    assert_eq!(saved.hands[&factor].missing, 12);
    assert!(
        harness
            .query_by_label_contains("The seminar ended. Its session record")
            .is_some()
    );
    drop(harness);
    let harness = app_harness_with_store(dir.path());
    assert!(
        harness.state().seminar().is_none(),
        "an ended seminar does not come back"
    );
}
