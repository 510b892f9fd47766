//! A seminar folder: trainees save attempt files into a shared or synced folder, and the
//! facilitator's console counts them as they arrive, with the usual checks.

use std::time::Duration;

use collab_casebook::domain::{Attempt, Verdict};
use collab_casebook::io::attempt_file;
use collab_casebook::ui::{Action, SeminarAction};

use crate::common::{app_harness, bundled, model, wait_up_to};

type App = egui_kittest::Harness<'static, collab_casebook::CasebookApp>;

fn wait_for(harness: &mut App, done: impl Fn(&App) -> bool) -> bool {
    wait_up_to(harness, Duration::from_secs(8), done)
}

fn counted(harness: &App) -> (usize, usize) {
    let gathered = &harness.state().seminar().unwrap().gathered;
    (gathered.accepted.len(), gathered.rejected.len())
}

fn attempt_text(case: &collab_casebook::domain::Case, verdict: Verdict) -> String {
    let mut attempt = Attempt::new(case);
    attempt.set_verdict(&model().factors[0].id, Some(verdict));
    attempt_file::to_text(&attempt, None).unwrap()
}

#[test]
fn attempt_files_saved_in_the_seminar_folder_are_counted_as_they_arrive() {
    let case = bundled("universal-credit");
    let other = bundled("virginia-childrens-services");
    let dir = tempfile::tempdir().unwrap();
    // One file was there before the seminar started watching.
    std::fs::write(
        dir.path().join("early.ron"),
        attempt_text(&case, Verdict::Partly),
    )
    .unwrap();
    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::Start(case.id.clone())));
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::WatchFolder(
            dir.path().to_path_buf(),
        )));
    harness.try_run().ok();
    assert_eq!(counted(&harness), (1, 0), "what was already there counts");
    if harness
        .state()
        .seminar()
        .unwrap()
        .status
        .as_deref()
        .is_some_and(|s| s.starts_with("The folder cannot be watched"))
    {
        panic!(
            "this machine cannot watch files: {:?}",
            harness.state().seminar().unwrap().status
        );
    }

    std::fs::write(
        dir.path().join("ann.ron"),
        attempt_text(&case, Verdict::Present),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| counted(h) == (2, 0)),
        "a new file is counted within seconds: {:?}",
        counted(&harness)
    );
    std::fs::write(
        dir.path().join("bob.ron"),
        attempt_text(&other, Verdict::Present),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| counted(h) == (2, 1)),
        "a file for another case is set aside: {:?}",
        counted(&harness)
    );
    // Ann changes her mind and saves again: it counts once, with her new answer.
    std::fs::write(
        dir.path().join("ann.ron"),
        attempt_text(&case, Verdict::Missing),
    )
    .unwrap();
    let ann_says = |h: &App| {
        h.state()
            .seminar()
            .unwrap()
            .gathered
            .accepted
            .iter()
            .find(|r| r.file.ends_with("ann.ron"))
            .and_then(|r| {
                r.attempt
                    .mark(&model().factors[0].id)
                    .and_then(|m| m.verdict)
            })
    };
    assert!(
        wait_for(&mut harness, |h| ann_says(h) == Some(Verdict::Missing)),
        "{:?}",
        ann_says(&harness)
    );
    assert_eq!(counted(&harness), (2, 1), "still counted once");

    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::StopWatching));
    std::fs::write(
        dir.path().join("late.ron"),
        attempt_text(&case, Verdict::Present),
    )
    .unwrap();
    assert!(
        // Twice the debounce and more: a watched folder counts within well under this.
        !wait_up_to(&mut harness, Duration::from_millis(1500), |h| counted(h).0
            == 3),
        "nothing is counted after watching stops"
    );
}
