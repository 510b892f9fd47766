//! Every interactive widget on every screen has an accessible name, and no two share one,
//! so a screen reader user can tell them apart (and tests can find them).

use collab_casebook::ui::LoadingAction;
use std::collections::BTreeMap;

use crate::common::{app_harness, bundled, model, open_case, press};
use collab_casebook::ui::Action;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

const INTERACTIVE: &[Role] = &[
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::Link,
    Role::ComboBox,
    Role::Slider,
    Role::SpinButton,
    Role::Switch,
    Role::Tab,
    Role::MenuItem,
];

fn assert_labels_unique(
    harness: &egui_kittest::Harness<'static, collab_casebook::CasebookApp>,
    screen: &str,
) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut interactive = 0;
    for node in harness.query_all(By::new().predicate(|n| INTERACTIVE.contains(&n.role()))) {
        interactive += 1;
        let label = node.accesskit_node().label().unwrap_or_default();
        assert!(
            !label.trim().is_empty(),
            "{screen}: a {:?} has no label",
            node.accesskit_node().role()
        );
        *seen.entry(label).or_default() += 1;
    }
    let duplicates: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        duplicates.is_empty(),
        "{screen}: labels used more than once: {duplicates:?}"
    );
    assert!(
        interactive > 3,
        "{screen}: found only {interactive} interactive widgets"
    );
}

#[test]
fn every_screen_has_unique_labels_on_every_interactive_widget() {
    let uc = bundled("universal-credit");
    let mut harness = app_harness();
    assert_labels_unique(&harness, "library");

    open_case(&mut harness, &uc);
    press(&mut harness, "Present");
    let list = format!(
        "Choose evidence for {} from a list",
        model().factors[0].name
    );
    press(&mut harness, &list);
    let first = uc.passages().next().unwrap();
    press(
        &mut harness,
        &collab_casebook::ui::case_text::passage_label(first),
    );
    assert_labels_unique(&harness, "case");

    press(&mut harness, "Check your answers");
    assert_labels_unique(&harness, "case, with the unmarked factors listed");

    press(&mut harness, "See feedback anyway");
    assert_labels_unique(&harness, "feedback");

    press(&mut harness, "Model reference");
    assert_labels_unique(&harness, "model reference");

    press(&mut harness, "Close model reference");
    press(&mut harness, "Cases by factor");
    assert_labels_unique(&harness, "cases by factor");

    press(&mut harness, "Library");
    press(&mut harness, &format!("Run a seminar: {}", uc.title));
    assert_labels_unique(&harness, "seminar, reading");
    press(
        &mut harness,
        &format!("Factor 1: {} (0 marks)", model().factors[0].name),
    );
    press(&mut harness, "Start a 5 minute timer");
    assert_labels_unique(&harness, "seminar, a factor with the timer running");
    press(&mut harness, "Debrief agenda");
    assert_labels_unique(&harness, "seminar, debrief");
    press(&mut harness, "End the seminar");
    press(&mut harness, "Yes, end the seminar");
    press(&mut harness, "My record");
    assert_labels_unique(&harness, "my record");
    press(&mut harness, "Delete my record");
    assert_labels_unique(&harness, "my record, confirming deletion");
    press(&mut harness, "No, keep my record");
    press(&mut harness, "Display and keyboard");
    assert_labels_unique(&harness, "display and keyboard");
    for theme in ["Dark theme", "High-contrast theme", "Light theme"] {
        press(&mut harness, theme);
        assert_labels_unique(&harness, theme);
    }
    press(&mut harness, "Close display and keyboard");
    crate::collaboration::visit_pages(&mut harness, |harness, page| {
        assert_labels_unique(harness, page);
    });
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            "tests/data/broken/missing-comma.ron".into(),
        ])));
    harness.state_mut().wait_for_loading();
    harness.run();
    assert_labels_unique(&harness, "library with problems");
}
