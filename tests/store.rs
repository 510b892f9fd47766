//! The progress store: round trips, damaged files set aside and reported, crashes in the
//! middle of a save, and the lock.

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::bundled;
use collab_casebook::domain::progress::{Place, Progress};
use collab_casebook::domain::{Attempt, Verdict};
use collab_casebook::io::store::{Notice, Store, StoreError};

fn progress_with(marks: usize) -> Progress {
    let case = bundled("universal-credit");
    let mut progress = Progress::default();
    let mut attempt = Attempt::new(&case);
    for answer in case.answers.iter().take(marks.min(case.answers.len())) {
        attempt.set_verdict(&answer.factor, Some(Verdict::Partly));
    }
    // The note carries a counter, so a test can tell which save it is reading.
    if let Some(first) = case.answers.first() {
        attempt.set_note(&first.factor, format!("save {marks}"));
    }
    progress.attempts.insert(case.id.clone(), attempt);
    progress.place = Some(Place {
        case: case.id.clone(),
        factor: marks % 9,
    });
    progress
}

/// The save counter carried in the note; 0 when there is none.
fn counter(progress: &Progress) -> usize {
    let case = bundled("universal-credit");
    case.answers
        .first()
        .and_then(|first| progress.attempts.get(&case.id)?.marks.get(&first.factor))
        .and_then(|mark| mark.note.trim_start_matches("save ").parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_record_round_trips_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let saved = progress_with(3);
    {
        let (mut store, empty, notice) = Store::open(dir.path(), "t1").unwrap();
        assert_eq!(empty, Progress::default());
        assert!(notice.is_none());
        store.save(&saved).unwrap();
    }
    let (_store, loaded, notice) = Store::open(dir.path(), "t2").unwrap();
    assert_eq!(loaded, saved);
    assert!(notice.is_none());
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    assert!(
        text.starts_with("Progress(") && text.contains("format: 3"),
        "readable, with a format number"
    );
}

#[test]
fn a_damaged_store_is_set_aside_and_the_last_good_copy_used() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _, _) = Store::open(dir.path(), "t1").unwrap();
        store.save(&progress_with(2)).unwrap();
        store.save(&progress_with(5)).unwrap();
    }
    std::fs::write(
        dir.path().join("progress.ron"),
        "Progress(format: 1, attempts: {",
    )
    .unwrap();
    let (_store, loaded, notice) = Store::open(dir.path(), "20261128-120000").unwrap();
    assert_eq!(counter(&loaded), 2, "the copy kept before the last save");
    let Some(Notice::Restored { moved_to, .. }) = &notice else {
        panic!("{notice:?}")
    };
    assert_eq!(
        moved_to,
        &dir.path().join("progress.damaged-20261128-120000.ron")
    );
    assert_eq!(
        std::fs::read_to_string(moved_to).unwrap(),
        "Progress(format: 1, attempts: {",
        "never overwritten"
    );
    let message = notice.unwrap().message();
    assert!(
        message.contains("could not be read")
            && message.contains("progress.damaged-20261128-120000.ron"),
        "{message}"
    );
}

#[test]
fn with_no_good_copy_the_app_starts_afresh_and_keeps_the_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.ron"), [0xff, 0xfe, 0x00]).unwrap();
    let (mut store, loaded, notice) = Store::open(dir.path(), "s").unwrap();
    assert_eq!(loaded, Progress::default());
    assert!(matches!(notice, Some(Notice::StartedAfresh { .. })));
    assert!(dir.path().join("progress.damaged-s.ron").exists());
    store.save(&progress_with(1)).unwrap();
    assert!(
        dir.path().join("progress.damaged-s.ron").exists(),
        "saving later does not touch it"
    );
}

#[test]
fn a_crash_before_the_rename_leaves_the_last_save_readable() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _, _) = Store::open(dir.path(), "t").unwrap();
        store.save(&progress_with(4)).unwrap();
    }
    // What a crash mid-write leaves: a half-written temporary file beside the store.
    std::fs::write(dir.path().join(".tmpXYZ123"), "Progress(format: 1, attem").unwrap();
    let (_store, loaded, notice) = Store::open(dir.path(), "t").unwrap();
    assert_eq!(counter(&loaded), 4);
    assert!(notice.is_none());
}

#[test]
fn a_second_copy_of_the_app_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_first, _, _) = Store::open(dir.path(), "t").unwrap();
    let second = Store::open(dir.path(), "t");
    assert!(matches!(second, Err(StoreError::InUse)), "{second:?}");
    assert!(
        second
            .unwrap_err()
            .to_string()
            .contains("already open in another window")
    );
}

/// Not a test on its own: the child process for the kill test. It saves in a loop and
/// prints each counter once its save has returned.
#[test]
#[ignore = "run by killing_a_saving_process_never_loses_a_saved_mark"]
fn child_that_saves_forever() {
    let Ok(folder) = std::env::var("CASEBOOK_STORE_CHILD") else {
        return;
    };
    let (mut store, loaded, _) = Store::open(std::path::Path::new(&folder), "child").unwrap();
    let start = loaded
        .attempts
        .values()
        .next()
        .map_or(0, |_| counter(&loaded));
    for n in start + 1.. {
        store.save(&progress_with(n)).unwrap();
        println!("saved {n}");
    }
}

#[test]
fn killing_a_saving_process_never_loses_a_saved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut last_saved = 0;
    for round in 0..25u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "store::child_that_saves_forever",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("CASEBOOK_STORE_CHILD", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Wait until the child has saved at least once this round, so every round tests a
        // process that is busy saving.
        let first: usize = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("saved ").and_then(|n| n.parse().ok()))
            .unwrap();
        let reader = std::thread::Builder::new()
            .name("child output".to_owned())
            .spawn(move || {
                let mut highest = first;
                for line in lines.map_while(Result::ok) {
                    if let Some(n) = line
                        .strip_prefix("saved ")
                        .and_then(|n| n.parse::<usize>().ok())
                    {
                        highest = n;
                    }
                }
                highest
            })
            .unwrap();
        // Kill it at a different moment each round.
        std::thread::sleep(Duration::from_millis((round * 7) % 40));
        child.kill().unwrap();
        child.wait().unwrap();
        let confirmed = reader.join().unwrap();
        let (_store, loaded, notice) = Store::open(dir.path(), "after-kill").unwrap();
        assert!(
            notice.is_none(),
            "round {round}: the store was damaged: {notice:?}"
        );
        let on_disk = if loaded.attempts.is_empty() {
            0
        } else {
            counter(&loaded)
        };
        assert!(
            on_disk >= confirmed,
            "round {round}: saved {confirmed} but found {on_disk}"
        );
        assert!(
            on_disk >= last_saved,
            "round {round}: went back from {last_saved} to {on_disk}"
        );
        last_saved = on_disk;
    }
    assert!(
        last_saved >= 25,
        "every round saved at least once ({last_saved})"
    );
}

#[test]
fn a_damaged_record_that_cannot_be_set_aside_is_never_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = "Progress(format: 2, attempts: {";
    std::fs::write(dir.path().join("progress.ron"), damaged).unwrap();
    // A folder where the damaged copy would go: neither a rename nor a copy can put the
    // file there, as root or not.
    let blocker = dir.path().join("progress.damaged-blocked.ron");
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("keep"), "x").unwrap();
    let (mut store, loaded, notice) = Store::open(dir.path(), "blocked").unwrap();
    assert_eq!(loaded, Progress::default());
    let Some(notice @ Notice::NotSaving { .. }) = notice else {
        panic!("{notice:?}")
    };
    assert!(
        notice
            .message()
            .contains("nothing you do now will be saved"),
        "{}",
        notice.message()
    );
    assert!(store.read_only().is_some());
    let refused = store.save(&progress_with(3));
    assert!(refused.is_err(), "the save is refused");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("progress.ron")).unwrap(),
        damaged,
        "the damaged record is as it was"
    );
}

#[test]
fn a_damaged_record_is_kept_aside_before_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = "Progress(format: 2, attempts: {";
    std::fs::write(dir.path().join("progress.ron"), damaged).unwrap();
    let (mut store, _, notice) = Store::open(dir.path(), "moved").unwrap();
    assert!(matches!(notice, Some(Notice::StartedAfresh { .. })));
    store.save(&progress_with(1)).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("progress.damaged-moved.ron")).unwrap(),
        damaged
    );
}

#[test]
fn a_record_written_in_format_1_opens_with_nothing_lost() {
    // Written by the app before the record kept its own schedule fields (rs-fsrs's Card).
    let text = std::fs::read_to_string("tests/data/store/progress.ron").unwrap();
    assert!(text.contains("format: 1") && text.contains("card: Card("));
    let progress = collab_casebook::io::store::parse(&text).unwrap();
    assert_eq!(progress.place.as_ref().unwrap().factor, 3);
    assert_eq!(progress.attempts.len(), 1);
    assert_eq!(progress.review.len(), text.matches("ReviewItem(").count());
    let first = &progress.review[0];
    assert_eq!(first.factor.as_str(), "user-at-the-heart");
    assert_eq!(first.schedule.due.to_rfc3339(), "2026-11-06T09:30:00+00:00");
    assert_eq!(first.schedule.stability, 3.1262);
    assert_eq!(first.schedule.difficulty, 5.314577829570867);
    assert_eq!(first.schedule.scheduled_days, 3);
    assert_eq!(first.schedule.reps, 1);
    assert_eq!(
        first.schedule.stage,
        collab_casebook::domain::progress::Stage::Review
    );
    // Saved again, it is format 3 and reads back the same.
    let again = collab_casebook::io::store::to_text(&progress).unwrap();
    assert!(again.contains("format: 3") && again.contains("schedule: Schedule("));
    assert!(!again.contains("Card("));
    assert_eq!(collab_casebook::io::store::parse(&again).unwrap(), progress);
}

#[test]
fn the_previous_copy_is_made_once_a_run_not_on_every_save() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _, _) = Store::open(dir.path(), "t").unwrap();
        store.save(&progress_with(1)).unwrap();
    }
    let (mut store, _, _) = Store::open(dir.path(), "t").unwrap();
    for n in 2..=6 {
        store.save(&progress_with(n)).unwrap();
    }
    let previous = std::fs::read_to_string(dir.path().join("progress.previous.ron")).unwrap();
    let previous = collab_casebook::io::store::parse(&previous).unwrap();
    assert_eq!(counter(&previous), 1, "the record as this run found it");
}

/// A record with an assessment of the user's own partnership, its plan and a look-back.
fn progress_with_collaboration() -> Progress {
    use collab_casebook::domain::assessment::{
        Action, Assessment, FactorReading, LookBack, Outcome,
    };
    use collab_casebook::domain::{BarrierId, Confidence, FactorId};
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let mut progress = progress_with(2);
    let mut assessment = Assessment::new("Riverside discharge partnership", day("2026-12-01"));
    assessment.factors.insert(
        FactorId::new("common-purpose"),
        FactorReading {
            verdict: Some(Verdict::Partly),
            confidence: Some(Confidence::High),
            evidence: "Each board still reports its own targets.".to_owned(),
        },
    );
    assessment.barriers.insert(
        BarrierId::new("power-struggles"),
        "The trust and the council argue about who chairs.".to_owned(),
    );
    assessment.plan.push(Action {
        factor: Some(FactorId::new("common-purpose")),
        what: "Agree one target for discharges".to_owned(),
        with_whom: "The council's discharge lead".to_owned(),
        look_back: day("2027-01-05"),
        answer: Some(LookBack {
            answered_on: day("2027-01-06"),
            outcome: Outcome::Partly,
            changed: "One shared target, for winter.".to_owned(),
            in_the_way: "Winter pressures.".to_owned(),
        }),
    });
    assessment.notes = "Private thoughts.".to_owned();
    progress.collaboration.assessments.push(assessment);
    progress
}

#[test]
fn the_users_own_assessments_round_trip_in_format_3() {
    let dir = tempfile::tempdir().unwrap();
    let saved = progress_with_collaboration();
    {
        let (mut store, _, _) = Store::open(dir.path(), "t1").unwrap();
        store.save(&saved).unwrap();
    }
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    assert!(text.contains("format: 3") && text.contains("collaboration: History("));
    assert!(text.contains("Riverside discharge partnership"));
    let (_store, loaded, notice) = Store::open(dir.path(), "t2").unwrap();
    assert!(notice.is_none());
    assert_eq!(loaded, saved);
    assert_eq!(collab_casebook::io::store::parse(&text).unwrap(), saved);
}

#[test]
fn a_record_written_in_format_2_opens_with_nothing_lost() {
    // Written by the format 2 writer from the format 1 record beside it.
    let text = std::fs::read_to_string("tests/data/store/progress-format-2.ron").unwrap();
    assert!(text.contains("format: 2") && !text.contains("collaboration"));
    let progress = collab_casebook::io::store::parse(&text).unwrap();
    let old = std::fs::read_to_string("tests/data/store/progress.ron").unwrap();
    assert_eq!(progress, collab_casebook::io::store::parse(&old).unwrap());
    assert_eq!(progress.attempts.len(), 1);
    assert_eq!(progress.review.len(), text.matches("ReviewItem(").count());
    assert!(progress.collaboration.assessments.is_empty());
    // Saved again, it is format 3 and reads back the same.
    let again = collab_casebook::io::store::to_text(&progress).unwrap();
    assert!(again.contains("format: 3"));
    assert_eq!(collab_casebook::io::store::parse(&again).unwrap(), progress);
    // A newer format is refused, in words.
    let newer = text.replacen("format: 2", "format: 4", 1);
    let error = collab_casebook::io::store::parse(&newer).unwrap_err();
    assert!(error.contains("format 4"), "{error}");
}

#[test]
fn deleting_the_record_removes_the_users_own_assessments_too() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _, _) = Store::open(dir.path(), "t1").unwrap();
        store.save(&progress_with_collaboration()).unwrap();
    }
    {
        let (mut store, loaded, _) = Store::open(dir.path(), "t2").unwrap();
        assert_eq!(loaded.collaboration.assessments.len(), 1);
        store.save(&loaded).unwrap();
        let removed = store.delete_record().unwrap();
        assert!(!removed.is_empty());
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(
            !text.contains("Riverside"),
            "no copy of the assessment is left"
        );
    }
    let (_store, loaded, _) = Store::open(dir.path(), "t3").unwrap();
    assert!(loaded.collaboration.assessments.is_empty());
}
