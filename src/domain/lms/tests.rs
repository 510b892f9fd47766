//! The rules for status, score and session time, and suspend data written, made to fit
//! and read back.

use chrono::{TimeZone as _, Utc};

use super::*;
use crate::domain::Feedback;
use crate::domain::attempt::Attempt;
use crate::domain::case::{Case, PassageId};
use crate::domain::fixtures::{answer, case as case_of, model as model_of};
use crate::domain::model::{FactorId, Model};
use crate::domain::progress::Place;

fn model() -> Model {
    model_of(&["a", "b", "c"])
}

/// Three factors: a Present (p1), b Partly (p2), c Missing (p3).
fn case(id: &str) -> Case {
    case_of(
        id,
        &["p1", "p2", "p3", "p4"],
        vec![
            answer("a", Present, &["p1"]),
            answer("b", Partly, &["p2"]),
            answer("c", Missing, &["p3"]),
        ],
    )
}

fn when() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap()
}

fn f(id: &str) -> FactorId {
    FactorId::new(id)
}

/// An attempt with these verdicts on a, b, c.
fn attempt(case: &Case, verdicts: [Option<Verdict>; 3]) -> Attempt {
    let mut attempt = Attempt::new(case);
    for (factor, verdict) in ["a", "b", "c"].iter().zip(verdicts) {
        if verdict.is_some() {
            attempt.set_verdict(&f(factor), verdict);
        }
    }
    attempt
}

fn check(progress: &mut Progress, case: &Case, verdicts: [Option<Verdict>; 3]) {
    let attempt = attempt(case, verdicts);
    let feedback = Feedback::new(&model(), case, &attempt);
    progress.record_check(case, &attempt, &feedback, when());
}

use Verdict::{Missing, Partly, Present};

#[test]
fn nothing_checked_is_incomplete_with_no_score() {
    let progress = Progress::default();
    let expected = Standing {
        status: LessonStatus::Incomplete,
        score: None,
    };
    assert_eq!(standing(&progress, &[]), expected);
    assert_eq!(standing(&progress, &[CaseId::new("x")]), expected);
}

#[test]
fn chosen_cases_complete_when_each_is_checked_and_unchecked_ones_count_zero() {
    let (x, y) = (case("x"), case("y"));
    let chosen = [x.id.clone(), y.id.clone()];
    let mut progress = Progress::default();
    // All three right: 100%.
    check(
        &mut progress,
        &x,
        [Some(Present), Some(Partly), Some(Missing)],
    );
    assert_eq!(
        standing(&progress, &chosen),
        Standing {
            status: LessonStatus::Incomplete,
            score: Some(50),
        }
    );
    // One right, one a step off (half), one two steps off: 1.5 / 3 = 50%.
    check(
        &mut progress,
        &y,
        [Some(Present), Some(Present), Some(Present)],
    );
    assert_eq!(
        standing(&progress, &chosen),
        Standing {
            status: LessonStatus::Completed,
            score: Some(75),
        }
    );
    // The latest check counts: x again, one step off on a (2.5 / 3 = 83.33%).
    check(
        &mut progress,
        &x,
        [Some(Partly), Some(Partly), Some(Missing)],
    );
    // (0.8333 + 0.5) / 2 = 66.67% -> 67.
    assert_eq!(standing(&progress, &chosen).score, Some(67));
    // A case checked but not chosen does not count.
    check(&mut progress, &case("z"), [None, None, None]);
    assert_eq!(standing(&progress, &chosen).score, Some(67));
}

#[test]
fn with_no_choice_any_check_completes_and_the_mean_is_over_cases_checked() {
    let mut progress = Progress::default();
    check(
        &mut progress,
        &case("x"),
        [Some(Present), Some(Partly), None],
    );
    // Two right of three scored factors (the unmarked one earns nothing): 66.67 -> 67.
    assert_eq!(
        standing(&progress, &[]),
        Standing {
            status: LessonStatus::Completed,
            score: Some(67),
        }
    );
    check(
        &mut progress,
        &case("y"),
        [Some(Missing), Some(Missing), Some(Present)],
    );
    // y: 0 + 0.5 + 0 = 1/6 = 16.67%; mean (66.67 + 16.67) / 2 = 41.67 -> 42.
    assert_eq!(standing(&progress, &[]).score, Some(42));
}

#[test]
fn halves_round_up_and_the_status_never_goes_back() {
    assert_eq!(percent(0.625), 63);
    assert_eq!(percent(0.285), 29);
    assert_eq!(percent(0.284_9), 28);
    assert_eq!(percent(1.2), 100);
    assert_eq!(
        LessonStatus::Incomplete.at_least("completed"),
        LessonStatus::Completed
    );
    assert_eq!(
        LessonStatus::Incomplete.at_least("passed"),
        LessonStatus::Completed
    );
    assert_eq!(
        LessonStatus::Incomplete.at_least("incomplete"),
        LessonStatus::Incomplete
    );
    assert_eq!(
        LessonStatus::Incomplete.at_least(""),
        LessonStatus::Incomplete
    );
    assert_eq!(LessonStatus::Completed.as_str(), "completed");
}

#[test]
fn session_time_is_hhhh_mm_ss_ss() {
    assert_eq!(session_time(0), "0000:00:00.00");
    assert_eq!(session_time(6_525), "0000:01:05.25");
    assert_eq!(
        session_time(360_000 * 27 + 6_000 * 3 + 100 * 4 + 5),
        "0027:03:04.05"
    );
    assert_eq!(session_time(u64::MAX), "9999:59:59.99");
}

fn marked_record() -> (Progress, Case, Case) {
    let (x, y) = (case("x"), case("y"));
    let mut progress = Progress::default();
    let mut work = attempt(&x, [Some(Present), None, Some(Missing)]);
    work.set_confidence(&f("a"), Some(Confidence::High));
    work.toggle_evidence(&f("a"), &PassageId::new("p1"));
    work.toggle_evidence(&f("a"), &PassageId::new("p4"));
    work.set_note(&f("b"), "A private thought.".to_owned());
    progress.attempts.insert(x.id.clone(), work);
    check(
        &mut progress,
        &y,
        [Some(Present), Some(Present), Some(Present)],
    );
    progress.place = Some(Place {
        case: x.id.clone(),
        factor: 2,
    });
    (progress, x, y)
}

#[test]
fn the_record_encodes_exactly_with_no_notes() {
    let (progress, x, y) = marked_record();
    let data = SuspendData::of(&model(), &[&x, &y], &[], &progress);
    let encoded = data.encode(3, &[]);
    // x: a = 1 + Present(1) * 4 + High(3) = 8th letter after A: "H", evidence p1 (00)
    // and p4 (03); b blank "A"; c Missing with no confidence: 3 * 4 = "M".
    // y: checked at 50% (Present on all three), with no work in progress: no marks.
    assert_eq!(encoded.text, "C1.3;P0.2;x,1,,H0003AM;y,1,50,");
    assert!(!encoded.text.contains("private"));
    assert!(encoded.evidence_left_out.is_empty());
    assert!(encoded.cases_left_out.is_empty());
}

#[test]
fn suspend_data_round_trips_into_a_fresh_record() {
    let (progress, x, y) = marked_record();
    let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
        .encode(3, &[])
        .text;
    let decoded = SuspendData::decode(&text, 3).unwrap();
    let mut fresh = Progress::default();
    let skipped = decoded.restore(&model(), &[&x, &y], &mut fresh, when());
    assert!(skipped.is_empty());
    assert_eq!(fresh.place, progress.place);
    let restored = &fresh.attempts[&x.id];
    let original = &progress.attempts[&x.id];
    assert_eq!(restored.verdict(&f("a")), Some(Present));
    assert_eq!(restored.mark(&f("a")), original.mark(&f("a")));
    assert_eq!(restored.verdict(&f("c")), Some(Missing));
    // The note never left the browser.
    assert_eq!(restored.mark(&f("b")), None);
    assert_eq!(fresh.history.len(), 1);
    assert_eq!(fresh.history[0].agreement, Some(0.5));
    // The score the LMS sees is the same from the restored record.
    assert_eq!(standing(&fresh, &[]), standing(&progress, &[]));
}

#[test]
fn restoring_keeps_local_notes_and_does_not_repeat_a_check() {
    let (progress, x, y) = marked_record();
    let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
        .encode(3, &[])
        .text;
    let mut local = progress.clone();
    local
        .attempts
        .get_mut(&x.id)
        .unwrap()
        .set_verdict(&f("c"), None);
    SuspendData::decode(&text, 3)
        .unwrap()
        .restore(&model(), &[&x, &y], &mut local, when());
    assert_eq!(local.attempts[&x.id], progress.attempts[&x.id]);
    assert_eq!(local.history.len(), 1);
}

#[test]
fn another_version_or_model_is_not_read() {
    let (progress, x, y) = marked_record();
    let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
        .encode(3, &[])
        .text;
    assert!(SuspendData::decode(&text, 9).is_err());
    assert!(SuspendData::decode("hello", 3).is_err());
    assert!(SuspendData::decode("", 3).is_err());
    let mut x2 = x.clone();
    x2.version = 2;
    let mut fresh = Progress::default();
    let skipped =
        SuspendData::decode(&text, 3)
            .unwrap()
            .restore(&model(), &[&x2, &y], &mut fresh, when());
    assert_eq!(skipped, vec![x.id.clone()]);
    assert!(!fresh.attempts.contains_key(&x.id));
    assert_eq!(fresh.place, None);
}

#[test]
fn damaged_text_is_read_as_far_as_it_goes_and_never_panics() {
    let data =
        SuspendData::decode("C1.3;P7.1;x,1,,H00z;y,1,101,E;z,x,,E;w,1,n,EEEE;v,1,,E0", 3).unwrap();
    // x has a bad digit, y a score over 100, z a bad version, w too many marks, v an
    // odd digit: all skipped; the place names no case left.
    assert_eq!(data, SuspendData::default());
    for text in [
        "C1.3;",
        "C1.3;;;",
        "C1.3;P",
        "C1.3;P.",
        "C1.3;x",
        "C1.3;x,1",
        "C1.3;x,1,,a",
    ] {
        assert!(SuspendData::decode(text, 3).is_ok(), "{text}");
    }
    let data = SuspendData::decode("C1.3;P0.99;x,1,n,", 3).unwrap();
    assert_eq!(data.place, Some((0, 2)));
    assert_eq!(data.cases[0].check, Some(None));
}

/// A case with many passages, each factor citing `cited` of them.
fn long_case(id: &str) -> Case {
    let passages: Vec<String> = (0..100).map(|i| format!("p{i}")).collect();
    let names: Vec<&str> = passages.iter().map(String::as_str).collect();
    case_of(
        id,
        &names,
        vec![
            answer("a", Present, &["p1"]),
            answer("b", Partly, &["p2"]),
            answer("c", Missing, &["p3"]),
        ],
    )
}

fn heavy_attempt(case: &Case) -> Attempt {
    let mut attempt = attempt(case, [Some(Present), Some(Partly), Some(Missing)]);
    for factor in ["a", "b", "c"] {
        for p in 0..100 {
            attempt.toggle_evidence(&f(factor), &PassageId::new(format!("p{p}")));
        }
    }
    attempt
}

/// Cases with these ids, each marked with `heavy_attempt`, the trainee on `place`.
fn heavy_record(ids: &[String], place: (usize, usize)) -> (Vec<Case>, Progress) {
    let cases: Vec<Case> = ids.iter().map(|id| long_case(id)).collect();
    let mut progress = Progress::default();
    for case in &cases {
        progress
            .attempts
            .insert(case.id.clone(), heavy_attempt(case));
    }
    progress.place = Some(Place {
        case: cases[place.0].id.clone(),
        factor: place.1,
    });
    (cases, progress)
}

#[test]
fn when_it_would_not_fit_evidence_goes_first_then_cases_not_chosen() {
    // 12 cases, each citing every one of 100 passages on 3 factors: about 620
    // characters each, 7,400 in all.
    let ids: Vec<String> = (0..12).map(|i| format!("case-{i:02}")).collect();
    let (cases, progress) = heavy_record(&ids, (5, 1));
    let refs: Vec<&Case> = cases.iter().collect();
    let data = SuspendData::of(&model(), &refs, &[], &progress);
    let encoded = data.encode(3, &[]);
    assert!(encoded.text.len() <= SUSPEND_DATA_LIMIT);
    // Each case is 615 characters (600 of them evidence), 7,389 in all: the evidence of
    // the last six (not the case the trainee is on) goes, leaving 3,789.
    let ids: Vec<CaseId> = cases[6..].iter().map(|c| c.id.clone()).collect();
    assert_eq!(encoded.evidence_left_out, ids);
    assert_eq!(encoded.text.len(), 3_789);
    assert!(encoded.cases_left_out.is_empty());
    let back = SuspendData::decode(&encoded.text, 3).unwrap();
    assert_eq!(back.cases.len(), 12);
    assert_eq!(back.place, Some((5, 1)));
    assert_eq!(back.cases[5].marks[0].2.len(), 100);
    assert_eq!(back.cases[0].marks[0].2.len(), 100);
    assert_eq!(back.cases[11].marks[0], (Some(Present), None, Vec::new()));

    // 400 such cases do not fit even without evidence: cases not chosen go, last
    // first, and the chosen ones and the place stay.
    let ids: Vec<String> = (0..400)
        .map(|i| format!("a-rather-long-case-id-{i:03}"))
        .collect();
    let (cases, progress) = heavy_record(&ids, (399, 0));
    let refs: Vec<&Case> = cases.iter().collect();
    let chosen = [cases[398].id.clone()];
    let data = SuspendData::of(&model(), &refs, &[], &progress);
    let encoded = data.encode(3, &chosen);
    assert!(encoded.text.len() <= SUSPEND_DATA_LIMIT);
    let back = SuspendData::decode(&encoded.text, 3).unwrap();
    let ids: Vec<&CaseId> = back.cases.iter().map(|c| &c.case).collect();
    assert!(ids.contains(&&cases[398].id));
    assert!(ids.contains(&&cases[399].id));
    assert!(ids.contains(&&cases[0].id));
    assert!(!ids.contains(&&cases[397].id));
    assert_eq!(back.cases.len() + encoded.cases_left_out.len(), 400);
    assert_eq!(
        back.place.map(|(at, _)| &back.cases[at].case),
        Some(&cases[399].id)
    );
    assert_eq!(back.cases.last().unwrap().marks[0].2.len(), 100);
}

#[test]
fn every_bundled_shape_fits_the_limit() {
    // 21 cases (the bundled number), 9 factors, each citing 3 passages of 60: the
    // whole library marked fully fits with room to spare.
    let model = model_of(&["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    let passages: Vec<String> = (0..60).map(|i| format!("p{i}")).collect();
    let names: Vec<&str> = passages.iter().map(String::as_str).collect();
    let cases: Vec<Case> = (0..21)
        .map(|i| {
            case_of(
                &format!("a-case-with-an-id-of-thirty-{i:02}"),
                &names,
                Vec::new(),
            )
        })
        .collect();
    let mut progress = Progress::default();
    for case in &cases {
        let mut attempt = Attempt::new(case);
        for factor in &model.factors {
            attempt.set_verdict(&factor.id, Some(Partly));
            attempt.set_confidence(&factor.id, Some(Confidence::Medium));
            for p in [7, 21, 50] {
                attempt.toggle_evidence(&factor.id, &PassageId::new(format!("p{p}")));
            }
        }
        progress.attempts.insert(case.id.clone(), attempt);
    }
    let refs: Vec<&Case> = cases.iter().collect();
    let encoded = SuspendData::of(&model, &refs, &[], &progress).encode(9, &[]);
    assert!(encoded.evidence_left_out.is_empty());
    // 21 * (id 30 + ",1,," 4 + 9 * 7 marks + ";" 1) + header 4 = 2,062.
    assert_eq!(encoded.text.len(), 2_062);
}
