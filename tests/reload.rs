//! Saving a case in an editor reloads it in the app, keeping the trainee's place, and a
//! broken save shows the problem while the last good version stays open.

use collab_casebook::ui::CaseAction;
use collab_casebook::ui::LoadingAction;
use std::time::{Duration, Instant};

use crate::common::{app_harness, shows};
use collab_casebook::domain::CaseId;
use collab_casebook::ui::{Action, Screen};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

type App = egui_kittest::Harness<'static, collab_casebook::CasebookApp>;

/// Runs frames until `done` holds, for up to five seconds. While files load and reload the
/// app keeps asking for frames, so a burst of frames that has not settled is not a failure.
fn wait_for(harness: &mut App, done: impl Fn(&App) -> bool) -> bool {
    crate::common::wait_up_to(harness, Duration::from_secs(5), done)
}

/// Fails with the app's own words if it could not watch the files (for example, the
/// system ran out of inotify watches), rather than later with "not reloaded".
fn assert_watching(harness: &App) {
    if let Some(node) = harness.query_by_label_contains("will not reload by themselves") {
        panic!(
            "the app could not watch files on this machine: {}",
            node.accesskit_node().label().unwrap_or_default()
        );
    }
}

fn title(harness: &App, id: &CaseId) -> Option<String> {
    harness
        .state()
        .library()
        .get(id)
        .map(|c| c.case.title.clone())
}

#[test]
fn a_saved_case_reloads_in_place_and_a_broken_save_keeps_the_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("discharge.ron");
    let original = std::fs::read_to_string("docs/example-case.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let id = CaseId::new("hospital-discharge");

    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            dir.path().to_path_buf(),
        ])));
    harness.state_mut().wait_for_loading();
    harness
        .state_mut()
        .apply(Action::Case(CaseAction::OpenAt(id.clone(), 3)));
    harness.run();
    assert_watching(&harness);
    assert_eq!(
        title(&harness, &id).as_deref(),
        Some("A hospital discharge that stalls")
    );

    // An author saves a change.
    std::fs::write(
        &file,
        original.replace(
            "A hospital discharge that stalls",
            "A discharge that stalls",
        ),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| title(h, &id).as_deref()
            == Some("A discharge that stalls")),
        "the saved change was reloaded"
    );
    assert!(
        matches!(harness.state().screen(), Screen::Case { case, factor: 3, .. } if case == &id),
        "the trainee is still at the same case and factor"
    );

    // A broken save: the problem is shown and the last good version stays open.
    std::fs::write(
        &file,
        original.replace("    version: 1,\n", "    version: 1\n"),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| !h.state().problems().is_empty()),
        "the problem is reported"
    );
    assert!(
        harness.state().problems()[0].lines()[0].contains("discharge.ron:7:5: Expected a comma")
    );
    assert_eq!(
        title(&harness, &id).as_deref(),
        Some("A discharge that stalls")
    );
    assert!(matches!(
        harness.state().screen(),
        Screen::Case { factor: 3, .. }
    ));

    // Fixing it clears the problem.
    std::fs::write(&file, &original).unwrap();
    assert!(
        wait_for(&mut harness, |h| h.state().problems().is_empty()),
        "the problem goes once fixed"
    );
    assert_eq!(
        title(&harness, &id).as_deref(),
        Some("A hospital discharge that stalls")
    );
}

#[test]
fn a_load_runs_on_the_loader_thread_while_the_ui_thread_goes_on() {
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("discharge.ron");
    std::fs::copy("docs/example-case.ron", &file).unwrap();
    let id = CaseId::new("hospital-discharge");

    // A load that waits to be let go, and notes the thread it ran on. If the app loaded
    // on the UI thread, `apply` would not return until the wait ran out, the case would
    // already be in the library, and the thread would be this test's.
    let (release, gate) = mpsc::channel::<()>();
    let gate = Arc::new(Mutex::new(gate));
    let ran_on = Arc::new(Mutex::new(None::<String>));
    let mut harness = app_harness();
    {
        let ran_on = Arc::clone(&ran_on);
        harness.state_mut().set_load(Arc::new(move |paths, model| {
            gate.lock()
                .unwrap()
                .recv_timeout(Duration::from_secs(5))
                .ok();
            *ran_on.lock().unwrap() = std::thread::current().name().map(str::to_owned);
            collab_casebook::io::load_paths(paths, model)
        }));
    }
    let started = Instant::now();
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![file])));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "apply returned before the files were read"
    );
    assert!(harness.state().is_loading());
    assert!(harness.state().library().get(&id).is_none());
    harness.step();
    assert!(
        harness.state().library().get(&id).is_none(),
        "still loading"
    );
    release.send(()).unwrap();
    assert!(
        wait_for(&mut harness, |h| !h.state().is_loading()),
        "the load finished"
    );
    assert!(harness.state().library().get(&id).is_some());
    assert_eq!(ran_on.lock().unwrap().as_deref(), Some("case loader"));
}

#[test]
fn an_editor_that_saves_by_renaming_still_reloads_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("discharge.ron");
    let original = std::fs::read_to_string("docs/example-case.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let id = CaseId::new("hospital-discharge");
    let mut harness = app_harness();
    // Opened as a single file, not a folder.
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            file.clone(),
        ])));
    harness.state_mut().wait_for_loading();
    harness.run();
    assert_watching(&harness);
    // As vim and JetBrains IDEs save: write a new file beside it, then rename it over the
    // old one. Three saves in turn; a watch on the file itself is lost after the first.
    for n in 1..=3 {
        let new_title = format!("Discharge, save {n}");
        let temp = dir.path().join(format!(".discharge.ron.tmp{n}"));
        std::fs::write(
            &temp,
            original.replace("A hospital discharge that stalls", &new_title),
        )
        .unwrap();
        std::fs::rename(&temp, &file).unwrap();
        assert!(
            wait_for(&mut harness, |h| title(h, &id).as_deref()
                == Some(&new_title)),
            "save {n} was reloaded"
        );
        assert!(shows(
            &harness,
            "Reloaded discharge.ron after it was saved."
        ));
    }
}

#[test]
fn a_large_folder_opens_off_the_ui_thread_and_arrives_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string("docs/example-case.ron").unwrap();
    for n in 0..300 {
        let text = original.replace(
            "id: \"hospital-discharge\"",
            &format!("id: \"discharge-{n}\""),
        );
        std::fs::write(dir.path().join(format!("case-{n}.ron")), text).unwrap();
    }
    let last = CaseId::new("discharge-299");

    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            dir.path().to_path_buf(),
        ])));
    // The action returns at once; the files open on another thread, and the window goes
    // on drawing and answering.
    assert!(harness.state().library().get(&last).is_none());
    harness.step();
    // A frame at a time: while the load runs the window keeps repainting, so it never
    // "settles" for `Harness::run`.
    harness.get_by_label("Cases by factor").click_accesskit();
    harness.step();

    // The window's own loop takes the cases in when they are ready: nobody waits.
    assert!(
        wait_for(&mut harness, |h| !h.state().is_loading()),
        "300 cases opened within five seconds"
    );
    assert!(harness.state().library().get(&last).is_some());
    assert!(matches!(harness.state().screen(), Screen::Matrix { .. }));
    harness.run();
    assert!(shows(&harness, "Opened 300 of 300 files."));
}

#[test]
fn reading_a_reloaded_file_does_not_set_off_another_reload() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("discharge.ron");
    let original = std::fs::read_to_string("docs/example-case.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let loads = Arc::new(AtomicUsize::new(0));
    let mut harness = app_harness();
    {
        let loads = Arc::clone(&loads);
        harness.state_mut().set_load(Arc::new(move |paths, model| {
            loads.fetch_add(1, Ordering::SeqCst);
            collab_casebook::io::load_paths(paths, model)
        }));
    }
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            file.clone(),
        ])));
    harness.state_mut().wait_for_loading();
    harness.run();
    assert_watching(&harness);
    std::fs::write(&file, original.replace("stalls", "stalls again")).unwrap();
    let id = CaseId::new("hospital-discharge");
    assert!(wait_for(&mut harness, |h| title(h, &id)
        .is_some_and(|t| t.ends_with("stalls again"))));
    // Opening the file to reload it is not a change: nothing more is loaded.
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(1500) {
        harness.try_run().ok();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        loads.load(Ordering::SeqCst),
        2,
        "the first open and one reload"
    );
}
