//! A whole seminar, driven by accessible label: open a case in seminar mode, enter the
//! show of hands, import three attempt files (one made on another version of the case,
//! which is set aside), reveal a factor, read the debrief agenda, and save the record.

use crate::common::{app_harness, bundled, model, press, shows};
use collab_casebook::domain::{Attempt, Confidence, Verdict};
use collab_casebook::io::attempt_file;
use collab_casebook::ui::SeminarAction;
use collab_casebook::ui::seminar::Stage;
use collab_casebook::ui::{Action, Screen};
use egui_kittest::kittest::Queryable as _;

/// An attempt file that marks one factor, sure of it, citing the model's first passage.
fn attempt_text(
    case: &collab_casebook::domain::Case,
    version: u32,
    factor: &str,
    verdict: Verdict,
    label: Option<&str>,
) -> String {
    let mut attempt = Attempt::new(case);
    attempt.case_version = version;
    if let Some(answer) = case.answers.iter().find(|a| a.factor.as_str() == factor) {
        attempt.set_verdict(&answer.factor, Some(verdict));
        attempt.set_confidence(&answer.factor, Some(Confidence::High));
        if let Some(passage) = answer.evidence.first() {
            attempt.toggle_evidence(&answer.factor, passage);
        }
    }
    attempt_file::to_text(&attempt, label).unwrap()
}

#[test]
fn a_whole_seminar_from_hands_to_the_saved_record() {
    let model = model();
    let case = bundled("universal-credit");
    let relationships = model
        .factors
        .iter()
        .position(|f| f.id.as_str() == "senior-vision")
        .unwrap();
    let factor = &model.factors[relationships];
    let answer = case.answer(&factor.id).unwrap();
    assert_eq!(
        answer.verdict,
        Verdict::Missing,
        "the test expects the model to read senior vision as missing"
    );

    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    assert!(matches!(harness.state().screen(), Screen::Seminar));
    // The room view opens with the first section in large type.
    assert!(
        harness
            .query_all_by_label(&case.sections[0].heading)
            .count()
            >= 1
    );

    // Move through the reading with Page Down, then jump to the factor.
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert!(shows(
        &harness,
        &format!(
            "Section 2 of {}: {}",
            case.sections.len(),
            case.sections[1].heading
        )
    ));
    press(
        &mut harness,
        &format!("Factor {}: {} (0 marks)", relationships + 1, factor.name),
    );

    // The show of hands: 6 Present, 4 Missing.
    harness
        .get_by_label("Hands for Present")
        .set_value_accesskit(6.0);
    harness.run();
    harness
        .get_by_label("Hands for Missing")
        .set_value_accesskit(4.0);
    harness.run();

    // Three attempt files: two on this version, one on another, which is set aside.
    let dir = tempfile::tempdir().unwrap();
    let id = factor.id.as_str();
    std::fs::write(
        dir.path().join("a.ron"),
        attempt_text(&case, case.version, id, Verdict::Present, Some("Table 1")),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.ron"),
        attempt_text(&case, case.version, id, Verdict::Missing, None),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.ron"),
        attempt_text(&case, case.version + 1, id, Verdict::Partly, None),
    )
    .unwrap();
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::ImportAttempts(vec![
            dir.path().to_path_buf(),
        ])));
    harness.run();
    assert!(shows(
        &harness,
        "2 counted, 1 set aside. Anonymous unless a trainee added a label."
    ));
    assert!(
        harness
            .query_by_label_contains(&format!(
                "made on version {} of the case, but the session uses version {}",
                case.version + 1,
                case.version
            ))
            .is_some()
    );
    // Hands and files together: 7 Present, 5 Missing.
    let room_line = "The room (12 marks): Present 7, Partly 0, Missing 5, Can't tell 0.";
    assert!(
        harness.query_all_by_label(room_line).count() >= 1,
        "the room's marks are shown"
    );

    // The model's answer is hidden until revealed.
    assert!(
        harness
            .query_by_label_contains("The model's answer will be shown after the discussion.")
            .is_some()
    );
    press(
        &mut harness,
        &format!("Reveal the model's answer for {}", factor.name),
    );
    assert!(
        harness
            .query_all_by_label(&format!("The model: {}", answer.verdict))
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label(&format!("{room_line} The model: {}.", answer.verdict))
            .count()
            >= 1
    );

    // Both files cited the model's first passage: the heatmap counts them.
    let first_passage = case.passage(&answer.evidence[0]).unwrap();
    assert!(
        harness
            .query_all_by_label(&format!("¶{}", first_passage.number))
            .count()
            >= 1
    );
    assert!(shows(&harness, "2 cited"));

    // A second factor where the room was unanimous and right.
    let user = model
        .factors
        .iter()
        .position(|f| f.id.as_str() == "user-at-the-heart")
        .unwrap();
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::Go(Stage::Factor(user))));
    harness.run();
    harness
        .get_by_label(&format!(
            "Hands for {}",
            case.answer(&model.factors[user].id)
                .unwrap()
                .verdict
                .label()
        ))
        .set_value_accesskit(10.0);
    harness.run();

    // The agenda puts the divided, mistaken factor first: the room split 7 to 5 on
    // senior vision and one of the two sure answers was wrong. The unanimous one is last.
    press(&mut harness, "Debrief agenda");
    assert!(matches!(harness.state().screen(), Screen::Seminar));
    let first = format!("1. {}", factor.name);
    assert!(
        harness.query_all_by_label(&first).count() >= 1,
        "{first} heads the agenda"
    );
    let second = format!("2. {}", model.factors[user].name);
    assert!(
        harness.query_all_by_label(&second).count() >= 1,
        "{second} comes second"
    );
    if let Some(prompt) = &answer.prompt {
        assert!(
            harness
                .query_all_by_label(&format!("Prompt: {prompt}"))
                .count()
                >= 1
        );
    }

    // Save the record (the folder comes from a dialog in the app; here it is given).
    let out = tempfile::tempdir().unwrap();
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::ExportSession(
            out.path().to_path_buf(),
        )));
    harness.run();
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    let stem = format!("seminar-{}-v{}-", case.id, case.version);
    assert!(names.iter().all(|n| n.starts_with(&stem)), "{names:?}");
    let csv = std::fs::read_to_string(
        out.path()
            .join(names.iter().find(|n| n.ends_with(".csv")).unwrap()),
    )
    .unwrap();
    let row = csv.lines().find(|l| l.contains(",senior-vision,")).unwrap();
    assert!(row.contains(",7,0,5,0,12,missing,false,true"), "{row}");
    // The agenda in words: first, for how far the room was from the model; and the
    // factor's place on it.
    assert!(
        row.ends_with(
            ",true,1,\"The room differs from the model. Most of the room said Present (7 of 12); \
             5 said Missing. The model says Missing, as 5 of 12 did. \
             1 of the 2 people who were sure read it differently from the model.\""
        ),
        "{row}"
    );
    // The room agreed with one voice on the user at the heart (which this case may mark
    // contested: then both readings, and no right answer).
    let user_answer = case.answer(&model.factors[user].id).unwrap();
    let one = user_answer.verdict;
    let model_says = match &user_answer.contested {
        Some(c) => format!(
            "The case gives two readings, {one} and {}, so there is no right answer.",
            c.other_verdict
        ),
        None => format!("The model says {one}, as everyone did."),
    };
    let user_row = csv
        .lines()
        .find(|l| l.contains(",user-at-the-heart,"))
        .unwrap();
    assert!(
        user_row.ends_with(&format!(
            ",2,\"The room agreed. All 10 said {one}. {model_says}\""
        )),
        "{user_row}"
    );
    let unmarked = csv
        .lines()
        .filter(|l| l.ends_with(",false,,") || l.ends_with(",true,,"))
        .count();
    assert_eq!(unmarked, model.factors.len() - 2, "{csv}");
    assert_eq!(csv.lines().count(), 1 + model.factors.len());
    assert!(harness.query_by_label_contains("Saved seminar-").is_some());

    // Ending asks first: one slip of the mouse does not lose a room's marks.
    press(&mut harness, "End the seminar");
    assert!(matches!(harness.state().screen(), Screen::Seminar));
    assert!(shows(
        &harness,
        "End the seminar? You cannot go back to it."
    ));
    press(&mut harness, "No, keep it running");
    assert!(harness.state().seminar().is_some());
    press(&mut harness, "End the seminar");
    press(&mut harness, "Yes, end the seminar");
    assert!(matches!(harness.state().screen(), Screen::Library));
}

#[test]
fn steps_stay_within_the_seminar() {
    let case = bundled("virginia-childrens-services");
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    press(&mut harness, "Previous");
    assert_eq!(harness.state().seminar().unwrap().stage, Stage::Section(0));
    press(&mut harness, "Debrief agenda");
    press(&mut harness, "Next");
    assert_eq!(harness.state().seminar().unwrap().stage, Stage::Debrief);
    assert!(
        harness
            .query_all_by_label("Enter the room's marks for some factors to build the agenda.")
            .count()
            >= 1
    );
}

#[test]
fn the_timer_is_hidden_until_started_and_can_be_paused_extended_and_stopped() {
    let case = bundled("virginia-childrens-services");
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    assert!(harness.state().seminar().unwrap().timer.is_none());
    press(&mut harness, "Start a 5 minute timer");
    assert!(harness.state().seminar().unwrap().timer.is_some());
    press(&mut harness, "Pause the timer");
    let left = harness.state().seminar().unwrap().timer.unwrap();
    assert!(!left.is_running());
    press(&mut harness, "Add 5 minutes");
    assert_eq!(
        harness.state().seminar().unwrap().timer.unwrap().length,
        600.0
    );
    press(&mut harness, "Resume the timer");
    press(&mut harness, "Stop the timer");
    assert!(harness.state().seminar().unwrap().timer.is_none());
}
