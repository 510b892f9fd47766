//! The self-study record and spaced review, with fixed dates.

use crate::common::{bundled, model};
use chrono::{DateTime, Duration, TimeZone as _, Utc};
use collab_casebook::domain::progress::{Progress, ReviewQuestion};
use collab_casebook::domain::{Attempt, Confidence, Feedback, Verdict};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

/// Marks every factor of the case with the model's verdict, except `wrong`, marked the
/// opposite way with High confidence.
fn attempt(case: &collab_casebook::domain::Case, wrong: &str) -> Attempt {
    let mut attempt = Attempt::new(case);
    for answer in &case.answers {
        let verdict = if answer.factor.as_str() == wrong {
            if answer.verdict == Verdict::Present {
                Verdict::Missing
            } else {
                Verdict::Present
            }
        } else {
            answer.verdict
        };
        attempt.set_verdict(&answer.factor, Some(verdict));
        attempt.set_confidence(&answer.factor, Some(Confidence::High));
    }
    attempt
}

#[test]
fn a_check_is_kept_and_misjudged_factors_are_queued_for_review() {
    let model = model();
    let case = bundled("universal-credit");
    let attempt = attempt(&case, "senior-vision");
    let feedback = Feedback::new(&model, &case, &attempt);
    let mut progress = Progress::default();
    progress.record_check(&case, &attempt, &feedback, at(1));

    assert_eq!(progress.history.len(), 1);
    assert_eq!(
        progress.last_check(&case.id).unwrap().confident_and_wrong,
        1
    );
    let queued: Vec<&str> = progress.review.iter().map(|r| r.factor.as_str()).collect();
    assert_eq!(queued, ["senior-vision"]);
    assert_eq!(progress.due(at(1), 10).len(), 1);

    // Checking again does not queue the same factor twice.
    progress.record_check(&case, &attempt, &feedback, at(2));
    assert_eq!(progress.review.len(), 1);
    assert_eq!(progress.history.len(), 2);
}

#[test]
fn review_moves_further_out_when_right_and_comes_back_sooner_when_wrong() {
    let model = model();
    let case = bundled("universal-credit");
    let a = attempt(&case, "senior-vision");
    let mut right = Progress::default();
    right.record_check(&case, &a, &Feedback::new(&model, &case, &a), at(1));
    let mut wrong = right.clone();
    let factor = right.review[0].factor.clone();

    right.answer_review(&case.id, &factor, true, at(1));
    wrong.answer_review(&case.id, &factor, false, at(1));
    let right_due = right.review[0].schedule.due;
    let wrong_due = wrong.review[0].schedule.due;
    assert!(
        right_due > wrong_due,
        "right: {right_due}, wrong: {wrong_due}"
    );
    assert!(right_due >= at(1) + Duration::days(1));
    assert!(
        right.due(at(1), 10).is_empty(),
        "not due again the same day once answered right"
    );

    // A second right answer, when it falls due, pushes it out further still.
    let first_gap = right_due - at(1);
    right.answer_review(&case.id, &factor, true, right_due);
    let second_gap = right.review[0].schedule.due - right_due;
    assert!(second_gap > first_gap, "{second_gap} > {first_gap}");
}

#[test]
fn a_review_question_accepts_any_factor_the_passage_shows_with_its_verdict() {
    let case = bundled("universal-credit");
    let answer = case
        .answers
        .iter()
        .find(|a| a.factor.as_str() == "senior-vision")
        .unwrap();
    let question = ReviewQuestion::for_item(&case, &answer.factor).unwrap();
    assert_eq!(&question.passage, &answer.evidence[0]);
    assert!(question.is_right(&answer.factor, answer.verdict));
    let other = if answer.verdict == Verdict::Present {
        Verdict::Missing
    } else {
        Verdict::Present
    };
    assert!(!question.is_right(&answer.factor, other));
    for (factor, verdict) in &question.accepted {
        assert!(
            case.answer(factor)
                .unwrap()
                .evidence
                .contains(&question.passage)
        );
        assert!(question.is_right(factor, *verdict));
    }
}

#[test]
fn the_summary_counts_cases_and_the_factors_most_often_misjudged() {
    let model = model();
    let uc = bundled("universal-credit");
    let va = bundled("virginia-childrens-services");
    let mut progress = Progress::default();
    for (day, case, wrong) in [
        (1, &uc, "senior-vision"),
        (2, &uc, "senior-vision"),
        (3, &va, "sharing-power"),
    ] {
        let a = attempt(case, wrong);
        progress.record_check(case, &a, &Feedback::new(&model, case, &a), at(day));
    }
    progress.attempts.insert(
        bundled("total-place").id,
        Attempt::new(&bundled("total-place")),
    );
    let summary = progress.summary(&model);
    assert_eq!(
        summary
            .finished
            .iter()
            .map(collab_casebook::domain::CaseId::as_str)
            .collect::<Vec<_>>(),
        ["universal-credit", "virginia-childrens-services"]
    );
    assert_eq!(
        summary
            .started
            .iter()
            .map(collab_casebook::domain::CaseId::as_str)
            .collect::<Vec<_>>(),
        ["total-place"]
    );
    assert_eq!(summary.most_misjudged[0].0.as_str(), "senior-vision");
    assert_eq!(summary.most_misjudged[0].1, 2);
    assert_eq!(summary.high_confidence.len(), 3);
    assert_eq!(summary.high_confidence[0].1, 1);

    progress.clear();
    assert_eq!(progress, Progress::default());
}

#[test]
fn factors_left_unmarked_are_not_listed_as_misjudged_nor_queued_for_review() {
    let model = model();
    let case = bundled("universal-credit");
    // One factor marked, the opposite way from the model; the other eight left unmarked.
    let mut only_one = Attempt::new(&case);
    let vision = case
        .answers
        .iter()
        .find(|a| a.factor.as_str() == "senior-vision")
        .unwrap();
    let opposite = if vision.verdict == Verdict::Present {
        Verdict::Missing
    } else {
        Verdict::Present
    };
    only_one.set_verdict(&vision.factor, Some(opposite));
    let feedback = Feedback::new(&model, &case, &only_one);
    let mut progress = Progress::default();
    progress.record_check(&case, &only_one, &feedback, at(1));

    let misjudged: Vec<&str> = progress.history[0]
        .misjudged
        .iter()
        .map(collab_casebook::domain::FactorId::as_str)
        .collect();
    assert_eq!(misjudged, ["senior-vision"]);
    let queued: Vec<&str> = progress.review.iter().map(|r| r.factor.as_str()).collect();
    assert_eq!(queued, ["senior-vision"]);
    let summary = progress.summary(&model);
    let most: Vec<(&str, usize)> = summary
        .most_misjudged
        .iter()
        .map(|(f, n)| (f.as_str(), *n))
        .collect();
    assert_eq!(most, [("senior-vision", 1)]);
}

#[test]
fn work_on_another_version_of_a_case_is_kept_apart_and_comes_back() {
    let v1 = bundled("universal-credit");
    let mut v2 = v1.clone();
    v2.version = v1.version + 1;
    let factor = v1.answers[0].factor.clone();
    let mut progress = Progress::default();
    assert!(!progress.switch_to(&v1), "nothing to switch");
    let mut on_v1 = Attempt::new(&v1);
    on_v1.set_verdict(&factor, Some(Verdict::Missing));
    progress.attempts.insert(v1.id.clone(), on_v1.clone());

    // A file with the same id and another version is opened: the work is set aside.
    assert!(progress.switch_to(&v2));
    assert!(!progress.attempts.contains_key(&v1.id));
    assert_eq!(progress.set_aside, [on_v1.clone()]);
    assert!(!progress.switch_to(&v2), "already on version 2");

    let mut on_v2 = Attempt::new(&v2);
    on_v2.set_verdict(&factor, Some(Verdict::Present));
    progress.attempts.insert(v2.id.clone(), on_v2.clone());

    // Back to version 1: its work returns, and version 2's is kept.
    assert!(progress.switch_to(&v1));
    assert_eq!(progress.attempts[&v1.id], on_v1);
    assert_eq!(progress.set_aside, [on_v2]);
    // Both survive a save.
    let text = collab_casebook::io::store::to_text(&progress).unwrap();
    assert_eq!(collab_casebook::io::store::parse(&text).unwrap(), progress);
}
