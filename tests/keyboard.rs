//! The whole self-study flow with the keyboard only: no pointer events at all. Also, at
//! 200% text the key controls are still there and can be reached.

use crate::common::{app_harness, bundled, model, shows};
use collab_casebook::ui::CaseAction;
use collab_casebook::ui::FeedbackAction;
use collab_casebook::ui::SettingsAction;
use collab_casebook::ui::{Action, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

type App = Harness<'static, collab_casebook::CasebookApp>;

fn focused_label(harness: &App) -> Option<String> {
    harness
        .query_all(
            By::new().predicate(|n: &egui_kittest::kittest::AccessKitNode<'_>| n.is_focused()),
        )
        .next()
        .and_then(|n| n.accesskit_node().label())
}

fn key(harness: &mut App, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Presses Tab until the focused control's label passes `wanted`, at most 400 times, and
/// returns that label.
fn tab_to(harness: &mut App, wanted: impl Fn(&str) -> bool) -> Option<String> {
    for _ in 0..400 {
        key(harness, Key::Tab);
        if let Some(label) = focused_label(harness)
            && wanted(&label)
        {
            return Some(label);
        }
    }
    None
}

#[test]
fn the_whole_flow_with_the_keyboard_alone() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();

    let open = format!("Open: {}", case.title);
    assert!(
        tab_to(&mut harness, |l| l == open).is_some(),
        "Tab reaches {open}"
    );
    key(&mut harness, Key::Enter);
    assert!(matches!(
        harness.state().screen(),
        Screen::Case { factor: 0, .. }
    ));

    for (index, factor) in model.factors.iter().enumerate() {
        let answer = case.answer(&factor.id).unwrap();
        let digit = match answer.verdict {
            collab_casebook::domain::Verdict::Present => Key::Num1,
            collab_casebook::domain::Verdict::Partly => Key::Num2,
            collab_casebook::domain::Verdict::Missing => Key::Num3,
            collab_casebook::domain::Verdict::CantTell => Key::Num4,
        };
        key(&mut harness, digit);
        key(&mut harness, Key::H);
        // Cite the first paragraph the model cites, reached with Tab and pressed with Space.
        if let Some(first) = answer.evidence.first() {
            let passage = case.passage(first).unwrap();
            let wanted = format!("Paragraph {}:", passage.number);
            assert!(
                tab_to(&mut harness, |l| l.starts_with(&wanted)).is_some(),
                "Tab reaches {wanted}"
            );
            key(&mut harness, Key::Space);
        }
        let attempt = harness.state().attempt(&case.id).unwrap();
        assert_eq!(
            attempt.verdict(&factor.id),
            Some(answer.verdict),
            "{}",
            factor.id
        );
        assert_eq!(
            attempt.mark(&factor.id).unwrap().evidence.len(),
            answer.evidence.len().min(1)
        );
        if index + 1 < model.factors.len() {
            key(&mut harness, Key::N);
            assert!(
                matches!(harness.state().screen(), Screen::Case { factor, .. } if *factor == index + 1)
            );
        }
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(matches!(harness.state().screen(), Screen::Feedback { .. }));
    let scored = case
        .answers
        .iter()
        .filter(|a| a.contested.is_none())
        .count();
    assert!(shows(
        &harness,
        &format!("You agreed with the model on {scored} of the {scored} scored factors.")
    ));

    // Escape closes the model reference; F1 opens the keyboard page.
    key(&mut harness, Key::F1);
    assert!(matches!(harness.state().screen(), Screen::Settings { .. }));
    assert!(shows(&harness, "Keyboard shortcuts"));
    key(&mut harness, Key::Escape);
    assert!(matches!(harness.state().screen(), Screen::Feedback { .. }));
}

#[test]
fn letters_typed_in_a_note_are_not_shortcuts() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Case(CaseAction::Open(case.id.clone())));
    harness.run();
    let note = format!("Note on {}", model.factors[0].name);
    harness.get_by_label(&note).click();
    harness.run();
    harness.get_by_label(&note).type_text("n1h");
    harness.run();
    key(&mut harness, Key::N);
    assert!(
        matches!(harness.state().screen(), Screen::Case { factor: 0, .. }),
        "N in a text box types n"
    );
    let mark = harness
        .state()
        .attempt(&case.id)
        .unwrap()
        .mark(&model.factors[0].id)
        .unwrap()
        .clone();
    assert_eq!(mark.verdict, None);
    assert!(mark.note.starts_with("n1h"));
}

#[test]
fn at_200_percent_text_the_key_controls_can_still_be_reached() {
    let model = model();
    let case = bundled("universal-credit");
    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Settings(SettingsAction::SetZoom(2.0)));
    harness.run();
    assert!((harness.ctx.zoom_factor() - 2.0).abs() < 0.01);

    harness
        .state_mut()
        .apply(Action::Case(CaseAction::Open(case.id.clone())));
    harness.run();
    let window = harness.ctx.content_rect();
    for label in [
        "Present",
        "High confidence",
        "Next factor",
        "Check your answers",
        &format!("Note on {}", model.factors[0].name),
    ] {
        let node = harness.get_by_label(label);
        node.scroll_to_me();
        harness.run();
        let rect = harness.get_by_label(label).rect();
        assert!(
            window.contains_rect(rect),
            "{label} is on screen after scrolling to it: {rect:?} in {window:?}"
        );
    }
    let last = case.passages().last().unwrap();
    let label = collab_casebook::ui::case_text::passage_label(last);
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    assert!(
        window.intersects(harness.get_by_label(&label).rect()),
        "the last paragraph can be scrolled to"
    );

    harness
        .state_mut()
        .apply(Action::Feedback(FeedbackAction::Show));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("You agreed with the model on")
            .is_some()
    );
    harness.get_by_label("Back to the library").scroll_to_me();
    harness.run();
    assert!(window.contains_rect(harness.get_by_label("Back to the library").rect()));
}

/// Your own collaboration with the keyboard alone: Tab to each control, Enter or Space to
/// press it, letters typed into the boxes.
#[test]
fn your_own_collaboration_with_the_keyboard_alone() {
    use collab_casebook::ui::features::assess::AssessPage;
    let model = model();
    let mut harness = app_harness();
    let tab_and = |harness: &mut App, label: &str, press: Key| {
        assert!(
            tab_to(harness, |l| l == label).is_some(),
            "Tab reaches {label}"
        );
        key(harness, press);
    };
    tab_and(&mut harness, "Assess your own collaboration", Key::Enter);
    assert!(tab_to(&mut harness, |l| l == "Name of the partnership").is_some());
    harness
        .get_by_label("Name of the partnership")
        .type_text("Riverside");
    harness.run();
    tab_and(&mut harness, "Start assessment", Key::Enter);
    for (index, factor) in model.factors.iter().enumerate() {
        tab_and(
            &mut harness,
            if index == 0 { "Missing" } else { "Present" },
            Key::Space,
        );
        assert!(tab_to(&mut harness, |l| l == "Your evidence").is_some());
        harness.get_by_label("Your evidence").type_text("Seen.");
        harness.run();
        let next = if index + 1 < model.factors.len() {
            "Next factor"
        } else {
            "Next: barriers"
        };
        tab_and(&mut harness, next, Key::Enter);
        let marked = harness.state().progress().collaboration.assessments[0].verdict(&factor.id);
        assert!(marked.is_some(), "{} marked by keyboard", factor.id);
    }
    tab_and(&mut harness, "Impatience", Key::Space);
    tab_and(&mut harness, "Next: your plan", Key::Enter);
    let add = format!("Add an action on {}", model.factors[0].name);
    tab_and(&mut harness, &add, Key::Enter);
    assert!(tab_to(&mut harness, |l| l == "Action 1: what you will do").is_some());
    harness
        .get_by_label("Action 1: what you will do")
        .type_text("Agree one target");
    harness.run();
    tab_and(&mut harness, "Save your plan", Key::Enter);
    assert!(matches!(
        harness.state().screen(),
        Screen::Assess(AssessPage::Home)
    ));
    let assessment = &harness.state().progress().collaboration.assessments[0];
    assert_eq!(assessment.plan[0].what, "Agree one target");
    assert_eq!(assessment.barriers.len(), 1);
}
