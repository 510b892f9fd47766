//! The whole self-study loop, driven by accessible label as a trainee (or a screen reader)
//! would: open the Universal Credit case, mark all nine factors, check, read feedback,
//! go back to the library.

use crate::common::{app_harness, bundled, model, open_case, press, shows};
use collab_casebook::domain::{Agreement, Verdict, feedback::compare};
use collab_casebook::ui::LoadingAction;
use collab_casebook::ui::Screen;
use collab_casebook::ui::case_text::passage_label;
use egui_kittest::kittest::Queryable as _;

#[test]
fn mark_every_factor_of_universal_credit_check_and_read_feedback() {
    let model = model();
    let case = bundled("universal-credit");
    let mut harness = app_harness();

    assert!(shows(&harness, "Cases"));
    open_case(&mut harness, &case);
    assert!(matches!(
        harness.state().screen(),
        Screen::Case { factor: 0, .. }
    ));
    assert!(shows(&harness, "Factor 1 of 9 · 0 of 9 factors marked"));

    // Agree with the model everywhere except two factors: one far off and sure of it,
    // one a step away.
    let sure_wrong = model
        .factors
        .iter()
        .position(|f| f.id.as_str() == "senior-vision")
        .unwrap();
    let sharing_power = model
        .factors
        .iter()
        .position(|f| f.id.as_str() == "sharing-power")
        .unwrap();
    let mut expected_credit = 0.0;
    let mut scored = 0;
    let (mut agreed, mut near) = (0, 0);
    for (index, factor) in model.factors.iter().enumerate() {
        let answer = case.answer(&factor.id).unwrap();
        let verdict = match index {
            i if i == sure_wrong => opposite(answer.verdict),
            i if i == sharing_power => one_step(answer.verdict),
            _ => answer.verdict,
        };
        press(&mut harness, verdict.label());
        if index == sure_wrong {
            press(&mut harness, "High confidence");
        } else {
            press(&mut harness, "Medium confidence");
        }
        // Cite the model's first passage, by clicking it in the text.
        let first = case.passage(&answer.evidence[0]).unwrap();
        press(&mut harness, &passage_label(first));
        if answer.contested.is_none() {
            scored += 1;
            expected_credit += compare(answer.verdict, verdict).credit().unwrap();
            match compare(answer.verdict, verdict) {
                Agreement::Agree => agreed += 1,
                Agreement::Near => near += 1,
                _ => {}
            }
        }
        assert!(shows(
            &harness,
            &format!("Factor {n} of 9 · {n} of 9 factors marked", n = index + 1)
        ));
        if index + 1 < model.factors.len() {
            press(&mut harness, "Next factor");
        }
    }

    let attempt = harness.state().attempt(&case.id).unwrap().clone();
    assert_eq!(attempt.marked_count(&model), 9);
    let sure_wrong_id = &model.factors[sure_wrong].id;
    assert_eq!(attempt.mark(sure_wrong_id).unwrap().evidence.len(), 1);

    press(&mut harness, "Check your answers");
    assert!(matches!(harness.state().screen(), Screen::Feedback { .. }));

    let percent = (expected_credit / scored as f32 * 100.0).round() as u32;
    // Counts a trainee can check against the list, with the percentage they make.
    assert_eq!((agreed, near), (scored - 2, 1), "the test's marks");
    assert!(shows(
        &harness,
        &format!(
            "You agreed with the model on {agreed} of the {scored} scored factors and were one step away on {near} (half credit each): {percent}% in all."
        )
    ));

    // The named factor: the model's verdict beside the trainee's, confident and wrong.
    let answer = case.answer(sure_wrong_id).unwrap();
    let yours = opposite(answer.verdict);
    assert_eq!(compare(answer.verdict, yours), Agreement::Disagree);
    assert!(shows(
        &harness,
        &format!(
            "You said {yours}; the model says {}. No credit.",
            answer.verdict
        )
    ));
    assert!(shows(
        &harness,
        "You were sure of this one. It is worth a second look."
    ));
    assert!(shows(&harness, &answer.rationale));
    assert!(shows(
        &harness,
        answer.would_have_changed.as_deref().unwrap()
    ));

    // Confident and wrong comes first, so its evidence is highlighted in the text.
    let Screen::Feedback { focus, .. } = harness.state().screen() else {
        unreachable!()
    };
    assert_eq!(focus, sure_wrong_id);
    assert!(shows(&harness, "Found: the model cites this too"));

    press(&mut harness, "Back to the library");
    assert!(matches!(harness.state().screen(), Screen::Library));
    assert!(shows(
        &harness,
        &format!("Checked: {percent}% agreement with the model")
    ));
}

#[test]
fn unmarked_factors_are_listed_before_feedback() {
    let case = bundled("virginia-childrens-services");
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    press(&mut harness, "Present");
    press(&mut harness, "Check your answers");
    assert!(shows(&harness, "You have not marked 8 factors"));
    assert!(matches!(
        harness.state().screen(),
        Screen::Case {
            confirm_unmarked: true,
            ..
        }
    ));

    press(&mut harness, "Go back and mark them");
    assert!(matches!(
        harness.state().screen(),
        Screen::Case {
            factor: 1,
            confirm_unmarked: false,
            ..
        }
    ));

    press(&mut harness, "Check your answers");
    press(&mut harness, "See feedback anyway");
    assert!(matches!(harness.state().screen(), Screen::Feedback { .. }));
    // Unmarked factors say so; a contested one is shown for discussion instead.
    let contested_unmarked = case.answers[1..]
        .iter()
        .filter(|a| a.contested.is_some())
        .count();
    let not_marked = harness
        .query_all_by_label_contains("Not marked. The model says")
        .count();
    assert_eq!(not_marked, 8 - contested_unmarked);
    let did_not_mark = harness
        .query_all_by_label_contains("You did not mark it.")
        .count();
    assert_eq!(did_not_mark, contested_unmarked);
}

#[test]
fn evidence_can_be_chosen_from_the_list_and_removed() {
    let case = bundled("virginia-childrens-services");
    let first = case.passages().next().unwrap();
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    let list = format!(
        "Choose evidence for {} from a list",
        model().factors[0].name
    );
    press(&mut harness, &list);
    harness
        .query_all_by_label_contains(&format!("¶{} ", first.number))
        .next()
        .expect("the list offers the first paragraph")
        .click_accesskit();
    harness.run();
    let factor = &model().factors[0].id;
    assert!(
        harness
            .state()
            .attempt(&case.id)
            .unwrap()
            .mark(factor)
            .unwrap()
            .evidence
            .contains(&first.id)
    );

    press(&mut harness, &format!("Remove paragraph {}", first.number));
    assert!(
        harness
            .state()
            .attempt(&case.id)
            .unwrap()
            .mark(factor)
            .unwrap()
            .evidence
            .is_empty()
    );
}

#[test]
fn the_model_reference_opens_from_a_case_and_returns_to_it() {
    let case = bundled("universal-credit");
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    press(&mut harness, "Next factor");
    press(&mut harness, "Model reference");
    assert!(shows(&harness, "The model: Collaborative working"));
    for factor in &model().factors {
        assert!(
            harness
                .query_all_by_label_contains(&factor.name)
                .next()
                .is_some(),
            "{} is listed",
            factor.name
        );
    }
    press(&mut harness, "Close model reference");
    assert!(matches!(
        harness.state().screen(),
        Screen::Case { factor: 1, .. }
    ));
}

fn opposite(verdict: Verdict) -> Verdict {
    match verdict {
        Verdict::Present => Verdict::Missing,
        Verdict::Partly | Verdict::Missing | Verdict::CantTell => Verdict::Present,
    }
}

fn one_step(verdict: Verdict) -> Verdict {
    match verdict {
        Verdict::Present | Verdict::Missing => Verdict::Partly,
        Verdict::Partly | Verdict::CantTell => Verdict::Missing,
    }
}

#[test]
fn a_folder_with_a_broken_file_lists_the_problem_and_still_loads_the_good_case() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("docs/example-case.ron", dir.path().join("good.ron")).unwrap();
    std::fs::copy(
        "tests/data/broken/unknown-field.ron",
        dir.path().join("bad.ron"),
    )
    .unwrap();
    let mut harness = app_harness();
    // Under test there is no native dialog: the path goes straight to the loader, as the
    // dialog's and drag and drop's do.
    harness
        .state_mut()
        .apply(collab_casebook::ui::Action::Loading(
            LoadingAction::LoadPaths(vec![dir.path().to_path_buf()]),
        ));
    harness.state_mut().wait_for_loading();
    harness.run();

    assert!(shows(&harness, "There is a problem"));
    let bad = dir.path().join("bad.ron").display().to_string();
    assert!(shows(&harness, &bad));
    assert!(
        harness
            .query_all_by_label_contains("'verdictt' is not a field of Answer")
            .count()
            >= 1
    );
    // Choosing the problem shows the lines around it, with the spot marked.
    harness
        .query_by_label_contains("Show line 52, column 13 of bad.ron")
        .expect("a link to the spot")
        .click_accesskit();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("   52 |             verdictt: Missing,")
            .is_some()
    );
    assert!(
        harness
            .query_by_label(&format!("{:>5} | {}^ here", "", " ".repeat(12)))
            .is_some()
    );
    press(&mut harness, "Hide the lines");
    assert!(harness.query_by_label_contains("^ here").is_none());
    assert!(shows(&harness, "Open: A hospital discharge that stalls"));
    assert!(shows(
        &harness,
        "Open: Universal Credit, 2010 to 2018: one department, many partners"
    ));

    press(&mut harness, "Hide problems");
    assert!(!shows(&harness, "There is a problem"));
    press(&mut harness, "Show problems (1)");
    assert!(shows(&harness, "There is a problem"));
}

#[test]
fn the_case_text_stays_put_while_the_trainee_moves_between_factors() {
    // Text in the marking panel that cannot wrap would widen the panel for a factor with
    // a long name, and the case text beside it would jump and re-wrap.
    let case = bundled("universal-credit");
    let first = case.passages().next().unwrap();
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    let total = model().factors.len();
    let mut widths = Vec::new();
    for factor in 1..=total {
        widths.push(harness.get_by_label(&passage_label(first)).rect().width());
        if factor < total {
            press(&mut harness, "Next factor");
        }
    }
    assert!(
        widths.iter().all(|w| (w - widths[0]).abs() < 0.5),
        "the first paragraph's width, factor by factor: {widths:?}"
    );
}
