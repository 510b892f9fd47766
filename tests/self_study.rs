//! Self-study: history, retry, "My record", review, exports and deleting the record.

use crate::common::{app_harness, app_harness_with_store, bundled, model, open_case, press, shows};
use collab_casebook::domain::{Feedback, Verdict};
use collab_casebook::io::{attempt_file, feedback_report};
use collab_casebook::ui::CaseAction;
use collab_casebook::ui::FeedbackAction;
use collab_casebook::ui::{Action, Screen};
use egui_kittest::kittest::Queryable as _;

/// Opens the short discharge case and marks every factor as the model does, except
/// sharing power (not contested in this case), marked Present with high confidence; then checks.
fn check_with_one_mistake(
    harness: &mut egui_kittest::Harness<'static, collab_casebook::CasebookApp>,
) {
    let model = model();
    let case = bundled("hospital-discharge-short");
    open_case(harness, &case);
    for (index, factor) in model.factors.iter().enumerate() {
        let model_verdict = case
            .answer(&factor.id)
            .map_or(Verdict::CantTell, |a| a.verdict);
        let verdict = if factor.id.as_str() == "sharing-power" {
            Verdict::Present
        } else {
            model_verdict
        };
        press(harness, verdict.label());
        press(harness, "High confidence");
        if index + 1 < model.factors.len() {
            press(harness, "Next factor");
        }
    }
    press(harness, "Check your answers");
}

#[test]
fn a_checked_attempt_goes_into_the_record_and_the_review_queue() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let sharing_power = model
        .factors
        .iter()
        .find(|f| f.id.as_str() == "sharing-power")
        .unwrap();
    let mut harness = app_harness();
    check_with_one_mistake(&mut harness);
    assert!(matches!(harness.state().screen(), Screen::Feedback { .. }));
    assert_eq!(harness.state().progress().history.len(), 1);

    press(&mut harness, "My record");
    assert!(shows(
        &harness,
        "1 case checked, 0 started and not yet checked, 1 check in all."
    ));
    assert!(shows(&harness, "1 factor is due for review."));
    assert!(shows(&harness, &format!("{}: 1 time", sharing_power.name)));

    // Review: the paragraph the model cites for sharing_power.
    press(&mut harness, "Start review");
    let answer = case.answer(&sharing_power.id).unwrap();
    let passage = case.passage(&answer.evidence[0]).unwrap();
    assert!(shows(&harness, &passage.text));
    assert!(harness.query_by_label("Check my review answer").is_some());
    press(&mut harness, &sharing_power.name);
    press(
        &mut harness,
        &format!("It was {}", answer.verdict.label().to_lowercase()),
    );
    press(&mut harness, "Check my review answer");
    assert!(shows(&harness, "Right"));
    press(&mut harness, "Next review");
    assert!(
        harness
            .query_by_label_contains("Nothing is due for review.")
            .is_some()
    );
}

#[test]
fn a_wrong_review_answer_is_marked_and_comes_back_sooner() {
    let model = model();
    let mut harness = app_harness();
    check_with_one_mistake(&mut harness);
    press(&mut harness, "My record");
    press(&mut harness, "Start review");
    press(&mut harness, &model.factors[0].name);
    press(&mut harness, "It was present");
    press(&mut harness, "Check my review answer");
    assert!(shows(&harness, "Not quite"));
    assert!(shows(&harness, "It will come back soon."));
    let item = &harness.state().progress().review[0];
    assert_eq!(
        item.schedule.lapses + item.schedule.reps,
        1,
        "the answer was scheduled"
    );
}

#[test]
fn start_again_clears_the_marks_and_keeps_the_check() {
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();
    check_with_one_mistake(&mut harness);
    press(&mut harness, "Start again from a blank sheet");
    assert!(matches!(
        harness.state().screen(),
        Screen::Case { factor: 0, .. }
    ));
    assert!(harness.state().attempt(&case.id).is_none());
    assert_eq!(harness.state().progress().history.len(), 1);
    assert!(shows(&harness, "Factor 1 of 9 · 0 of 9 factors marked"));
}

#[test]
fn the_attempt_file_and_the_feedback_report_are_saved_from_feedback() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();
    check_with_one_mistake(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    harness
        .state_mut()
        .apply(Action::Case(CaseAction::ExportAttempt(file.clone())));
    harness
        .state_mut()
        .apply(Action::Feedback(FeedbackAction::ExportReport(
            dir.path().to_path_buf(),
        )));
    harness.run();

    // The attempt file is what seminar mode imports.
    let text = std::fs::read_to_string(&file).unwrap();
    let record = attempt_file::parse(&text, "mine.ron", &model).unwrap();
    assert_eq!(&record.attempt, harness.state().attempt(&case.id).unwrap());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names[0].starts_with(&format!(
            "feedback-hospital-discharge-short-v{}-",
            case.version
        )) && names[0].ends_with(".html")
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("Your attempt file was saved as"))
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("Your feedback report was saved as"))
    );
}

#[test]
fn the_feedback_report_escapes_case_text_and_covers_every_factor() {
    let model = model();
    let mut case = bundled("hospital-discharge-short");
    case.title = "Evil <b>bold</b> & <script>x()</script>".to_owned();
    case.answers[0].rationale =
        "<img src=x onerror=alert(1)> *stars* [link](javascript:x)".to_owned();
    let mut attempt = collab_casebook::domain::Attempt::new(&case);
    attempt.set_note(&case.answers[0].factor, "<iframe> note".to_owned());
    attempt.set_verdict(&case.answers[0].factor, Some(Verdict::Present));
    let feedback = Feedback::new(&model, &case, &attempt);
    let report = feedback_report::Report {
        model: &model,
        case: &case,
        attempt: &attempt,
        feedback: &feedback,
        date: "2026-11-28",
    };
    let html = feedback_report::html(&report);
    for markup in ["<b>", "<script>", "<img", "<iframe>"] {
        assert!(!html.contains(markup), "{markup} is escaped in the HTML");
    }
    assert!(html.contains("&lt;script&gt;") && html.contains("@media print"));
    let markdown = feedback_report::markdown(&report);
    assert!(
        markdown.contains("\\<script\\>")
            && markdown.contains("\\*stars\\*")
            && markdown.contains("\\[link\\]")
    );
    for factor in &model.factors {
        assert!(
            html.contains(&format!("<h2>{}</h2>", factor.name)),
            "{} in the HTML",
            factor.name
        );
        assert!(
            markdown.contains(&format!("## {}", factor.name)),
            "{} in the Markdown",
            factor.name
        );
    }
}

#[test]
fn deleting_the_record_says_which_files_go_and_leaves_none_of_them() {
    let dir = tempfile::tempdir().unwrap();
    // A damaged copy set aside on an earlier day, and a temporary file a crash left: both
    // hold the record, so both must go.
    std::fs::write(
        dir.path().join("progress.damaged-20261101-090000.ron"),
        "Progress(format: 1, attempts: {",
    )
    .unwrap();
    std::fs::write(dir.path().join(".tmpAB12cd"), "Progress(format: 2, pla").unwrap();
    {
        // Two runs, so the second keeps the first's record as the previous copy.
        let mut harness = app_harness_with_store(dir.path());
        check_with_one_mistake(&mut harness);
    }
    {
        let mut harness = app_harness_with_store(dir.path());
        // A change in this run saves, keeping the first run's record as the previous copy.
        press(&mut harness, "Library");
        press(&mut harness, "My record");
        harness.state_mut().flush_saves();
        assert!(dir.path().join("progress.ron").exists());
        assert!(dir.path().join("progress.previous.ron").exists());
        press(&mut harness, "Delete my record");
        assert!(
            harness
                .query_by_label_contains("Delete your whole record?")
                .is_some()
        );
        assert!(shows(&harness, "These 4 files will be deleted:"));
        for name in [
            "progress.ron",
            "progress.previous.ron",
            "progress.damaged-20261101-090000.ron",
            ".tmpAB12cd",
        ] {
            let path = dir.path().join(name).display().to_string();
            assert!(shows(&harness, &path), "lists {path}");
        }
        press(&mut harness, "No, keep my record");
        assert_eq!(harness.state().progress().history.len(), 1);
        press(&mut harness, "Delete my record");
        press(&mut harness, "Yes, delete my record");
        harness.state_mut().flush_saves();
        harness.run();
        assert!(harness.state().progress().history.is_empty());
        assert!(
            harness
                .query_by_label_contains("Your record was deleted. Removed 4 files")
                .is_some()
        );
    }
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "casebook.lock" && name != "settings.ron")
        .collect();
    assert!(
        left.is_empty(),
        "nothing that held the record is left in the folder: {left:?}"
    );
    let harness = app_harness_with_store(dir.path());
    assert!(harness.state().progress().history.is_empty());
    assert!(harness.state().progress().attempts.is_empty());
}
