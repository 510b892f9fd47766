//! The casebook matrix: a cell opens its case at its factor; filters narrow the columns.

use crate::common::{app_harness, app_harness_sized, bundled, model, press, shows, wheel};
use collab_casebook::domain::casebook::short_title;
use collab_casebook::ui::Screen;
use egui_kittest::kittest::Queryable;

#[test]
fn a_cell_opens_its_case_at_its_factor() {
    let model = model();
    let case = bundled("universal-credit");
    let index = 2;
    let factor = &model.factors[index];
    let answer = case.answer(&factor.id).unwrap();
    let mut harness = app_harness();

    press(&mut harness, "Cases by factor");
    assert!(matches!(harness.state().screen(), Screen::Matrix { .. }));
    let cell = format!(
        "{}, {}: {}{}",
        short_title(&case),
        factor.name,
        answer.verdict.label(),
        if answer.contested.is_some() {
            ", contested"
        } else {
            ""
        }
    );
    press(&mut harness, &cell);
    let Screen::Case {
        case: opened,
        factor: at,
        ..
    } = harness.state().screen()
    else {
        panic!("the cell opens the case");
    };
    assert_eq!(opened, &case.id);
    assert_eq!(*at, index);
    assert!(shows(&harness, &format!("Foundation: {}", factor.name)));
}

#[test]
fn filters_narrow_the_cases_shown() {
    let library = collab_casebook::io::bundled_cases(&model());
    let total = library.cases.len();
    let senior = library
        .cases
        .iter()
        .filter(|c| {
            c.case
                .audience
                .contains(&collab_casebook::domain::Audience::SeniorLeaders)
        })
        .count();
    let mut harness = app_harness();
    press(&mut harness, "Cases by factor");
    assert!(shows(
        &harness,
        &format!("Showing {total} of {total} cases.")
    ));
    press(&mut harness, "Senior leaders scheme");
    assert!(shows(
        &harness,
        &format!("Showing {senior} of {total} cases.")
    ));
    press(&mut harness, "Any audience");
    assert!(shows(
        &harness,
        &format!("Showing {total} of {total} cases.")
    ));
}

#[test]
fn the_model_reference_lists_cases_for_each_factor_and_opens_them() {
    let model = model();
    let case = bundled("universal-credit");
    let (index, factor) = model
        .factors
        .iter()
        .enumerate()
        .find(|(_, f)| {
            case.answer(&f.id).unwrap().verdict == collab_casebook::domain::Verdict::Missing
        })
        .unwrap();
    let mut harness = app_harness();
    press(&mut harness, "Model reference");
    press(
        &mut harness,
        &format!("Open {} at {}", short_title(&case), factor.name),
    );
    assert!(matches!(harness.state().screen(), Screen::Case { factor, .. } if *factor == index));
}

/// The label of the cell for `case` at factor `index`, as a screen reader hears it.
fn cell_label(case: &collab_casebook::domain::Case, index: usize) -> String {
    let model = model();
    let factor = &model.factors[index];
    let answer = case.answer(&factor.id).unwrap();
    format!(
        "{}, {}: {}{}",
        short_title(case),
        factor.name,
        answer.verdict.label(),
        if answer.contested.is_some() {
            ", contested"
        } else {
            ""
        }
    )
}

/// The bundled cases in the order the matrix lists them (the library's order).
fn listed_cases() -> Vec<collab_casebook::domain::Case> {
    collab_casebook::io::bundled_cases(&model())
        .cases
        .into_iter()
        .map(|l| l.case)
        .collect()
}

#[test]
fn cases_by_factor_opens_at_the_top_even_after_the_library_was_scrolled() {
    let mut harness = app_harness_sized(1280.0, 720.0);
    // Scroll the library to its end first: the matrix must not inherit where it was.
    harness.hover_at(egui::pos2(640.0, 500.0));
    for _ in 0..20 {
        harness.event(wheel(-400.0));
        harness.run();
    }
    press(&mut harness, "Cases by factor");
    let first = &listed_cases()[0];
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
    let name = harness.get_by_label(short_title(first)).rect();
    let head = harness.get_by_label(&model().factors[0].name).rect();
    let cell = harness.get_by_label(&cell_label(first, 0)).rect();
    assert!(window.contains_rect(name), "first case name at {name:?}");
    assert!(window.contains_rect(head), "first factor name at {head:?}");
    assert!(
        cell.top() >= head.bottom(),
        "the first row ({cell:?}) starts below the factor names ({head:?})"
    );
}

#[test]
fn the_factor_names_stay_in_place_while_the_cases_scroll_under_them() {
    let mut harness = app_harness_sized(1280.0, 720.0);
    press(&mut harness, "Cases by factor");
    let cases = listed_cases();
    let factor = model().factors[0].name.clone();
    let head_before = harness.get_by_label(&factor).rect();
    let cell_before = harness.get_by_label(&cell_label(&cases[0], 0)).rect();
    harness.hover_at(cell_before.center());
    for _ in 0..4 {
        harness.event(wheel(-200.0));
        harness.run();
    }
    let cell_after = harness.get_by_label(&cell_label(&cases[0], 0)).rect();
    assert!(
        cell_after.top() < cell_before.top() - 100.0,
        "the grid scrolled: {cell_before:?} to {cell_after:?}"
    );
    let head_after = harness.get_by_label(&factor).rect();
    assert_eq!(
        head_after, head_before,
        "the factor name stays where it was"
    );
    // A row that has scrolled under the heading cannot be clicked there.
    assert!(
        cell_after.top() < head_after.bottom(),
        "the first row is now under the heading"
    );
    harness.hover_at(egui::pos2(cell_after.center().x, head_after.center().y));
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(cell_after.center().x, head_after.center().y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(cell_after.center().x, head_after.center().y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
    assert!(
        matches!(harness.state().screen(), Screen::Matrix { .. }),
        "a click on the heading does not open the cell scrolled under it"
    );
}

#[test]
fn at_1280_and_1920_wide_every_factor_fits_without_scrolling_sideways() {
    for (width, height) in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let mut harness = app_harness_sized(width, height);
        press(&mut harness, "Cases by factor");
        let model = model();
        let last = model.factors.last().unwrap();
        let head = harness.get_by_label(&last.name).rect();
        assert!(
            head.right() <= width,
            "the last factor name ends at {head:?}"
        );
        for case in &listed_cases() {
            for index in 0..model.factors.len() {
                let cell = harness.get_by_label(&cell_label(case, index)).rect();
                assert!(
                    cell.right() <= width,
                    "at {width}: {}: the cell for factor {index} ends at {cell:?}",
                    case.id
                );
            }
        }
    }
}

#[test]
fn no_heading_breaks_a_word() {
    // A word too long for its column is cut mid-word, and its label is then narrower than
    // the word by a letter or more: every heading must be as wide as its longest word
    // (less a pixel and a half, for rounding; the narrowest letter is wider than that).
    for (width, height) in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let mut harness = app_harness_sized(width, height);
        press(&mut harness, "Cases by factor");
        let style = harness.ctx.global_style();
        let bold = |style: egui::TextStyle| {
            egui::FontId::new(
                style.resolve(&harness.ctx.global_style()).size,
                collab_casebook::ui::theme::bold(),
            )
        };
        // The factor names are in small type on a 1280 laptop, so that all nine fit.
        let head = if width < 1900.0 {
            egui::TextStyle::Small
        } else {
            egui::TextStyle::Body
        };
        let names: Vec<(String, egui::FontId)> = model()
            .factors
            .iter()
            .map(|f| (f.name.clone(), bold(head.clone())))
            .chain(
                listed_cases()
                    .iter()
                    .map(|c| (short_title(c).to_owned(), bold(egui::TextStyle::Body))),
            )
            .collect();
        drop(style);
        for (name, font) in names {
            let widest = harness.ctx.fonts_mut(|fonts| {
                name.split_whitespace()
                    .map(|w| {
                        fonts
                            .layout_no_wrap(w.to_owned(), font.clone(), egui::Color32::WHITE)
                            .size()
                            .x
                    })
                    .fold(0.0, f32::max)
            });
            let label = harness.get_by_label(&name).rect();
            assert!(
                label.width() + 1.5 >= widest,
                "at {width}: '{name}' is {} wide but its longest word needs {widest}",
                label.width()
            );
        }
    }
}
