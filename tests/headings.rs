//! What a screen reader user moves by: the headings of every screen, with their levels,
//! and the panes as named regions in the order they sit on screen. And no node carries
//! text without a role that says what it is.
//!
//! `scripts/atspi-check.sh` checks the same things on Linux's own accessibility bus.

use crate::common::{app_harness, bundled, model, open_case, press};
use collab_casebook::CasebookApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

type App = Harness<'static, CasebookApp>;

/// Every heading on screen, in reading order, as its level (counted from 1) and name.
fn headings(harness: &App) -> Vec<(usize, String)> {
    harness
        .query_all(By::new().role(Role::Heading))
        .map(|node| {
            let node = node.accesskit_node();
            (
                node.level().unwrap_or(0) + 1,
                node.label().unwrap_or_default(),
            )
        })
        .collect()
}

/// The named regions (and the navigation bar), in reading order.
fn regions(harness: &App) -> Vec<String> {
    harness
        .query_all(By::new().predicate(|n| matches!(n.role(), Role::Region | Role::Navigation)))
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// Asserts that `expected` appear among the headings, in this order and at these levels
/// (other headings may come between them).
#[track_caller]
fn assert_headings(harness: &App, screen: &str, expected: &[(usize, &str)]) {
    let found = headings(harness);
    let mut rest = found.iter();
    for (level, name) in expected {
        assert!(
            rest.any(|(l, n)| l == level && n == name),
            "{screen}: no level {level} heading {name:?} after the ones before it; headings in order: {found:#?}"
        );
    }
}

#[track_caller]
fn assert_regions(harness: &App, screen: &str, expected: &[&str]) {
    let found = regions(harness);
    assert_eq!(
        found, expected,
        "{screen}: the named regions, in reading order"
    );
}

/// Every node that carries text says what it is: no unknown role, and no heading without
/// a name.
#[track_caller]
fn assert_no_unknown_nodes(harness: &App, screen: &str) {
    for node in harness.query_all(By::new()) {
        let node = node.accesskit_node();
        if node.role() == Role::Unknown && in_stand_in_window_title_bar(&node) {
            continue;
        }
        let text = node.label().or_else(|| node.value()).unwrap_or_default();
        assert!(
            node.role() != Role::Unknown,
            "{screen}: a node of unknown role (text {text:?}, {} children, {:?}, within {:?})",
            node.children().count(),
            node.data(),
            std::iter::successors(node.parent(), egui_kittest::kittest::AccessKitNode::parent)
                .map(|p| (p.role(), p.label()))
                .collect::<Vec<_>>(),
        );
        if node.role() == Role::Heading {
            assert!(!text.trim().is_empty(), "{screen}: a heading with no name");
        }
    }
}

/// Under kittest the room view, a second window in the real app, is drawn inside the
/// first as an egui window, whose title bar is a nameless node that can be clicked. The
/// real room view has no such bar (`scripts/atspi-check.sh` reads it).
fn in_stand_in_window_title_bar(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    node.label().is_none()
        && node.children().count() == 0
        && std::iter::successors(node.parent(), egui_kittest::kittest::AccessKitNode::parent)
            .any(|p| p.role() == Role::Window && p.label().as_deref() == Some("Casebook room view"))
}

#[test]
fn the_library_has_a_title_a_heading_per_case_and_a_named_region() {
    let harness = app_harness();
    let cases = collab_casebook::io::bundled_cases(&model()).cases;
    let mut expected = vec![(1, "Cases")];
    expected.extend(cases.iter().map(|c| (2, c.case.title.as_str())));
    assert_headings(&harness, "library", &expected);
    assert_regions(&harness, "library", &["Screens", "Cases"]);
    assert_no_unknown_nodes(&harness, "library");
}

#[test]
fn the_case_screen_reads_case_text_then_marking_with_headings_for_sections_and_factor() {
    let uc = bundled("universal-credit");
    let factor = &model().factors[0];
    let mut harness = app_harness();
    open_case(&mut harness, &uc);

    let sections: Vec<String> = uc
        .sections
        .iter()
        .map(|s| match &s.period {
            Some(period) => format!("{} ({period})", s.heading),
            None => s.heading.clone(),
        })
        .collect();
    let factor_heading = format!("{}: {}", factor.group.singular(), factor.name);
    let mut expected = vec![(1, uc.title.as_str())];
    expected.extend(sections.iter().map(|s| (2, s.as_str())));
    expected.extend([
        (2, "Sources"),
        (2, factor_heading.as_str()),
        (2, "All factors"),
    ]);
    assert_headings(&harness, "case", &expected);
    assert_regions(&harness, "case", &["Screens", "Case text", "Marking"]);
    assert_no_unknown_nodes(&harness, "case");
}

#[test]
fn painted_sources_passages_and_profile_rows_report_their_text() {
    let uc = bundled("universal-credit");
    let mut harness = app_harness();
    open_case(&mut harness, &uc);
    for (number, source) in uc.sources.iter().enumerate() {
        let start = format!("{}. {}", number + 1, source.title);
        assert!(
            harness
                .query_all(
                    By::new().predicate(|n| n.role() == Role::Label
                        && n.value().is_some_and(|v| v.starts_with(&start)))
                )
                .count()
                == 1,
            "source {} is read out as text",
            number + 1
        );
    }

    press(&mut harness, "Check your answers");
    press(&mut harness, "See feedback anyway");
    let first = uc.passages().next().unwrap();
    assert!(
        harness
            .query_all(By::new().predicate(|n| n.role() == Role::Label
                && n.value().as_deref()
                    == Some(collab_casebook::ui::case_text::passage_label(first).as_str())))
            .count()
            == 1,
        "a passage painted on the feedback screen is read out with its text"
    );
    for factor in &model().factors {
        let start = format!("{}. Model: ", factor.name);
        assert!(
            harness
                .query_all(
                    By::new().predicate(|n| n.role() == Role::Label
                        && n.value().is_some_and(|v| v.starts_with(&start)))
                )
                .count()
                == 1,
            "the profile row for {} is read out",
            factor.name
        );
    }
    assert_no_unknown_nodes(&harness, "feedback");
}

#[test]
fn feedback_has_its_parts_and_a_heading_per_factor_beside_the_case_text() {
    let uc = bundled("universal-credit");
    let mut harness = app_harness();
    open_case(&mut harness, &uc);
    press(&mut harness, "Check your answers");
    press(&mut harness, "See feedback anyway");

    let mut expected = vec![(1, uc.title.as_str()), (1, "Feedback from the model")];
    expected.extend([(2, "The case at a glance"), (2, "Factor by factor")]);
    let model = model();
    // Cards come in the order feedback is read, not the model's; check each is there.
    for factor in &model.factors {
        assert_headings(&harness, "feedback", &[(3, factor.name.as_str())]);
    }
    assert_headings(
        &harness,
        "feedback",
        &[(4, "Why the model reads it this way")],
    );
    expected.push((2, "What next"));
    assert_headings(&harness, "feedback", &expected);
    assert_regions(&harness, "feedback", &["Screens", "Case text", "Feedback"]);
    assert_no_unknown_nodes(&harness, "feedback");
}

#[test]
fn the_reference_matrix_record_review_and_settings_have_titled_regions() {
    let model = model();
    let mut harness = app_harness();

    press(&mut harness, "Model reference");
    let title = format!("The model: {}", model.title);
    assert_headings(
        &harness,
        "reference",
        &[
            (1, title.as_str()),
            (2, "Foundations"),
            (3, "What it looks like when present"),
            (2, "Barriers"),
            (3, model.barriers[0].name.as_str()),
        ],
    );
    assert_regions(&harness, "reference", &["Screens", title.as_str()]);
    assert_no_unknown_nodes(&harness, "reference");

    press(&mut harness, "Close model reference");
    press(&mut harness, "Cases by factor");
    assert_headings(&harness, "cases by factor", &[(1, "Cases by factor")]);
    assert_regions(&harness, "cases by factor", &["Screens", "Cases by factor"]);
    assert_no_unknown_nodes(&harness, "cases by factor");

    press(&mut harness, "My record");
    assert_headings(
        &harness,
        "my record",
        &[
            (1, "My record"),
            (2, "Review"),
            (2, "Your own collaboration"),
            (2, "Your data"),
        ],
    );
    assert_regions(&harness, "my record", &["Screens", "My record"]);
    assert_no_unknown_nodes(&harness, "my record");

    press(&mut harness, "Display and keyboard");
    assert_headings(
        &harness,
        "display and keyboard",
        &[
            (1, "Display and keyboard"),
            (2, "Theme"),
            (2, "Text size"),
            (2, "Keyboard shortcuts"),
        ],
    );
    assert_regions(
        &harness,
        "display and keyboard",
        &["Screens", "Display and keyboard"],
    );
    assert_no_unknown_nodes(&harness, "display and keyboard");
}

#[test]
fn the_seminar_console_reads_steps_then_the_current_step_then_files_and_the_room_view() {
    let uc = bundled("universal-credit");
    let model = model();
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", uc.title));

    let section = format!(
        "Section 1 of {}: {}",
        uc.sections.len(),
        uc.sections[0].heading
    );
    assert_headings(
        &harness,
        "seminar",
        &[
            (1, "Seminar"),
            (2, "Read the case"),
            (2, "Discuss each factor"),
            (2, section.as_str()),
            (2, "Attempt files"),
            (2, "Timer"),
            (2, "Session record"),
            // The room view, open from the start, in its own window.
            (1, uc.sections[0].heading.as_str()),
        ],
    );
    assert_regions(
        &harness,
        "seminar",
        &[
            "Screens",
            "Seminar steps",
            "Current step",
            "Attempt files, record and timer",
            "Room view",
        ],
    );
    assert_no_unknown_nodes(&harness, "seminar");

    let factor = &model.factors[0];
    press(
        &mut harness,
        &format!("Factor 1: {} (0 marks)", factor.name),
    );
    let console = format!("Factor 1 of {}: {}", model.factors.len(), factor.name);
    let room = format!("{}: {}", factor.group.singular(), factor.name);
    assert_headings(
        &harness,
        "seminar, a factor",
        &[
            (2, console.as_str()),
            (3, "Show of hands"),
            (3, "Questions to ask the room"),
            (1, room.as_str()),
        ],
    );
    assert_no_unknown_nodes(&harness, "seminar, a factor");

    press(&mut harness, "Debrief agenda");
    assert_headings(
        &harness,
        "seminar, debrief",
        &[(2, "Debrief agenda"), (1, "Debrief agenda")],
    );
}

#[test]
fn your_own_collaboration_has_one_title_a_titled_region_and_no_unknown_nodes() {
    let mut harness = app_harness();
    let mut pages = 0;
    crate::collaboration::visit_pages(&mut harness, |harness, page| {
        pages += 1;
        let titles: Vec<String> = headings(harness)
            .into_iter()
            .filter(|(level, _)| *level == 1)
            .map(|(_, name)| name)
            .collect();
        assert_eq!(titles.len(), 1, "{page}: one level 1 heading: {titles:?}");
        assert_regions(harness, page, &["Screens", titles[0].as_str()]);
        assert!(
            headings(harness).iter().all(|(level, _)| *level <= 2),
            "{page}: sections are level 2"
        );
        assert_no_unknown_nodes(harness, page);
    });
    assert_eq!(pages, 7);
}
