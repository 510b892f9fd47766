//! The casebook matrix: a cell opens its case at its factor; filters narrow the columns.

use crate::common::{app_harness, bundled, model, press, shows};
use collab_casebook::domain::casebook::short_title;
use collab_casebook::ui::Screen;

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
