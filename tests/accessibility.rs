//! Every interactive widget on every screen has an accessible name, and no two share one,
//! so a screen reader user can tell them apart (and tests can find them).

use collab_casebook::ui::LoadingAction;
use std::collections::BTreeMap;

use crate::common::{app_harness, bundled, model, open_case, press, wheel};
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

/// Paragraphs and headings out of view are not laid out, even for a screen reader (see
/// `ui::lazy`): they stand in with the node they have when drawn. A screen reader finds
/// and uses them there, and they stay the same nodes as they scroll into view.
#[test]
fn a_paragraph_out_of_view_is_the_node_it_is_on_screen_and_a_screen_reader_can_cite_it() {
    use collab_casebook::ui::case_text::passage_label;
    let uc = bundled("universal-credit");
    let mut harness = app_harness();
    open_case(&mut harness, &uc);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let last = uc.passages().last().unwrap();
    let label = passage_label(last);
    // The first section's heading is in view, and will be out of view when the last
    // paragraph is in.
    let heading = &uc.sections.first().unwrap().heading;

    let node = harness.get_by_label(&label);
    let (id, rect) = (node.accesskit_node().id(), node.rect());
    assert!(
        !window.intersects(rect),
        "the last paragraph is out of view: {rect:?}"
    );
    assert_eq!(node.accesskit_node().role(), Role::CheckBox);
    let heading_id = heading_node(&harness, heading);
    assert!(
        window.intersects(heading_id.rect()),
        "{:?}",
        heading_id.rect()
    );
    let heading_id = heading_id.accesskit_node().id();

    let (number, source) = uc
        .sources
        .iter()
        .enumerate()
        .rfind(|(_, s)| s.link.is_some())
        .unwrap();
    let link = format!("Source {}: {}", number + 1, source.link.as_ref().unwrap());
    let link_id = harness.get_by_label(&link).accesskit_node().id();
    assert!(!window.intersects(harness.get_by_label(&link).rect()));

    // A screen reader's click cites it as evidence while it is out of view.
    node.click_accesskit();
    harness.run();
    assert_eq!(
        harness.get_by_label(&label).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "cited from out of view"
    );

    // Scrolled into view: the same nodes, drawn.
    harness.hover_at(
        harness
            .get_by_label(&passage_label(uc.passages().next().unwrap()))
            .rect()
            .center(),
    );
    let mut seen = false;
    for _ in 0..60 {
        harness.event(wheel(-400.0));
        harness.run();
        if window.intersects(harness.get_by_label(&label).rect()) {
            seen = true;
            break;
        }
    }
    assert!(seen, "the last paragraph scrolled into view");
    let node = harness.get_by_label(&label);
    assert_eq!(
        node.accesskit_node().id(),
        id,
        "the same node on screen as out of view"
    );
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let heading_now = heading_node(&harness, heading);
    assert!(
        !window.intersects(heading_now.rect()),
        "{:?}",
        heading_now.rect()
    );
    assert_eq!(
        heading_now.accesskit_node().id(),
        heading_id,
        "the same heading node"
    );
    for _ in 0..60 {
        if window.contains_rect(harness.get_by_label(&link).rect()) {
            break;
        }
        harness.event(wheel(-400.0));
        harness.run();
    }
    let link_now = harness.get_by_label(&link);
    assert!(
        window.contains_rect(link_now.rect()),
        "{:?}",
        link_now.rect()
    );
    assert_eq!(
        link_now.accesskit_node().id(),
        link_id,
        "the same link node"
    );
    assert_eq!(link_now.accesskit_node().role(), Role::Link);
}

/// The heading whose name starts with `start`.
fn heading_node<'h>(
    harness: &'h egui_kittest::Harness<'static, collab_casebook::CasebookApp>,
    start: &'h str,
) -> egui_kittest::Node<'h> {
    harness
        .query_all(By::new().predicate(move |n| {
            n.role() == Role::Heading && n.label().is_some_and(|l| l.starts_with(start))
        }))
        .next()
        .unwrap()
}
