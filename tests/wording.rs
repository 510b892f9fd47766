//! Wording (issue 15, item 14): a factor's name inside a sentence keeps its article in
//! lower case, the result is given in counts, and the profile's column heads are words.

use crate::common::{app_harness, bundled, model, open_case, press, shows};
use collab_casebook::ui::marking::in_sentence;
use egui_kittest::kittest::Queryable as _;

#[test]
fn a_factor_name_inside_a_sentence_has_a_lower_case_article() {
    assert_eq!(
        in_sentence("The user at the heart"),
        "the user at the heart"
    );
    assert_eq!(in_sentence("An external witness"), "an external witness");
    assert_eq!(
        in_sentence("A single source of data"),
        "a single source of data"
    );
    assert_eq!(
        in_sentence("Shared common purpose"),
        "Shared common purpose"
    );
    assert_eq!(in_sentence("Theory of change"), "Theory of change");
}

#[test]
fn the_marking_panel_and_feedback_read_as_sentences() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    press(&mut harness, "Next factor");
    assert_eq!(model.factors[1].name, "The user at the heart");
    assert!(shows(
        &harness,
        "What the user at the heart means, with questions to ask"
    ));
    assert!(shows(&harness, "Note on the user at the heart"));
    assert!(
        harness
            .query_by_label_contains("The user at the heart means")
            .is_none()
    );
    // Mark every factor as the model does, then check.
    press(&mut harness, "Previous factor");
    for (index, factor) in model.factors.iter().enumerate() {
        let verdict = case.answer(&factor.id).unwrap().verdict;
        press(&mut harness, verdict.label());
        if index + 1 < model.factors.len() {
            press(&mut harness, "Next factor");
        }
    }
    press(&mut harness, "Check your answers");
    let scored = case
        .answers
        .iter()
        .filter(|a| a.contested.is_none())
        .count();
    assert!(shows(
        &harness,
        &format!("You agreed with the model on {scored} of the {scored} scored factors.")
    ));
    assert!(shows(
        &harness,
        "Change your answer on the user at the heart"
    ));
    // The profile's column heads, in words.
    for head in ["Present", "Partly", "Missing", "Can't tell"] {
        assert!(harness.query_all_by_label(head).count() >= 1, "{head}");
    }
    for short in ["Pres", "Part", "Miss", "?"] {
        assert!(harness.query_by_label(short).is_none(), "{short}");
    }
}

/// The library says what the kind on each card means.
#[test]
fn the_library_says_what_critique_success_and_contrast_mean() {
    let harness = app_harness();
    for kind in [
        collab_casebook::domain::CaseKind::Critique,
        collab_casebook::domain::CaseKind::Success,
        collab_casebook::domain::CaseKind::Contrast,
    ] {
        assert!(kind.meaning().starts_with(&format!("{}: ", kind.label())));
        assert!(
            shows(&harness, kind.meaning()),
            "the library does not say what {} means",
            kind.label()
        );
    }
}

/// The model reference has a contents list, and one way back: the top bar's "Close model
/// reference", not a second "Back" button.
#[test]
fn the_model_reference_has_contents_and_one_way_back() {
    let model = model();
    let mut harness = app_harness();
    press(&mut harness, "Model reference");
    assert!(
        harness.query_by_label("Back").is_none(),
        "a second way back"
    );
    assert!(shows(&harness, "Close model reference"));
    assert!(shows(&harness, "Contents"));
    for factor in &model.factors {
        assert!(shows(&harness, &format!("Contents: {}", factor.name)));
    }
    press(&mut harness, "Contents: The user at the heart");
    assert!(matches!(
        harness.state().screen(),
        collab_casebook::ui::Screen::Reference { factor: Some(id), .. } if id.as_str() == "user-at-the-heart"
    ));
    press(&mut harness, "Close model reference");
    assert!(matches!(
        harness.state().screen(),
        collab_casebook::ui::Screen::Library
    ));
}

/// The unmarked factors listed before a check are links to each factor.
#[test]
fn the_unmarked_factors_are_links_to_mark_them() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    press(&mut harness, "Present");
    press(&mut harness, "Check your answers");
    assert!(shows(&harness, "You have not marked 8 factors"));
    assert_eq!(model.factors[1].name, "The user at the heart");
    press(&mut harness, "Mark the user at the heart");
    assert!(matches!(
        harness.state().screen(),
        collab_casebook::ui::Screen::Case {
            factor: 1,
            confirm_unmarked: false,
            ..
        }
    ));
}

/// "Evidence you missed" names paragraphs as links that bring each into view in the case
/// text, with the factor's evidence highlighted.
#[test]
fn evidence_you_missed_links_to_the_paragraph() {
    let model = model();
    let case = bundled("universal-credit");
    let mut harness = app_harness();
    open_case(&mut harness, &case);
    for (index, factor) in model.factors.iter().enumerate() {
        press(
            &mut harness,
            case.answer(&factor.id).unwrap().verdict.label(),
        );
        if index + 1 < model.factors.len() {
            press(&mut harness, "Next factor");
        }
    }
    press(&mut harness, "Check your answers");
    // The last of the last factor's paragraphs: far down the case text.
    let factor = model.factors.last().unwrap();
    let answer = case.answer(&factor.id).unwrap();
    let passage = answer
        .evidence
        .iter()
        .filter_map(|id| case.passage(id))
        .max_by_key(|p| p.number)
        .unwrap();
    let link = format!(
        "Evidence you missed for {}: paragraph {}",
        in_sentence(&factor.name),
        passage.number
    );
    let label = collab_casebook::ui::case_text::passage_label(passage);
    let visible = |harness: &egui_kittest::Harness<'static, collab_casebook::CasebookApp>| {
        harness.query_by_label(&label).is_some_and(|node| {
            let r = node.rect();
            r.min.y >= 0.0 && r.max.y <= 800.0
        })
    };
    assert!(
        !visible(&harness),
        "paragraph {} starts in view",
        passage.number
    );
    press(&mut harness, &link);
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        collab_casebook::ui::Screen::Feedback { focus, .. } if *focus == factor.id
    ));
    assert!(
        visible(&harness),
        "paragraph {} is brought into view",
        passage.number
    );
}

/// At 200% on a 1280 by 800 laptop the top bar is one row: the less used entries fold
/// into a "More" menu, which still reaches them.
#[test]
fn at_large_text_the_top_bar_folds_into_a_menu_and_stays_one_row() {
    use collab_casebook::ui::{Action, SettingsAction};
    let mut harness = crate::common::app_harness_sized(1280.0, 800.0);
    harness
        .state_mut()
        .apply(Action::Settings(SettingsAction::SetZoom(2.0)));
    harness.run();
    let row = |harness: &egui_kittest::Harness<'static, collab_casebook::CasebookApp>,
               label: &str| harness.get_by_label(label).rect().min.y.round();
    let first = row(&harness, "My record");
    for label in ["Model reference", "More"] {
        assert_eq!(row(&harness, label), first, "{label} is on another row");
    }
    assert!(harness.query_by_label("Cases by factor").is_none());
    press(&mut harness, "More");
    press(&mut harness, "Cases by factor");
    assert!(matches!(
        harness.state().screen(),
        collab_casebook::ui::Screen::Matrix { .. }
    ));
    // At standard text nothing is folded.
    harness
        .state_mut()
        .apply(Action::Settings(SettingsAction::SetZoom(1.0)));
    harness.run();
    assert!(harness.query_by_label("More").is_none());
    assert!(shows(&harness, "Display and keyboard"));
}

/// On a 1280 laptop at standard text the top bar is one row (the app's name is left to
/// the window title); on a 1920 screen the name shows too.
#[test]
fn the_top_bar_is_one_row_on_a_laptop_and_names_the_app_on_a_wide_screen() {
    let row = |harness: &egui_kittest::Harness<'static, collab_casebook::CasebookApp>,
               label: &str| harness.get_by_label(label).rect().min.y.round();
    let name = "Collaborative Working Casebook";
    for (width, named) in [(1280.0, false), (1920.0, true)] {
        let mut harness = crate::common::app_harness_sized(width, 800.0);
        let first = row(&harness, "My record");
        for label in [
            "Cases by factor",
            "Display and keyboard",
            "Open a folder of cases",
        ] {
            assert_eq!(
                row(&harness, label),
                first,
                "at {width}: {label} is on another row"
            );
        }
        assert_eq!(harness.query_by_label(name).is_some(), named, "at {width}");
        // Another screen adds "Library" and keeps one row.
        press(&mut harness, "My record");
        let first = row(&harness, "Library");
        assert_eq!(
            row(&harness, "Open a folder of cases"),
            first,
            "at {width}, My record"
        );
    }
}
