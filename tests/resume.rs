//! Self-study work is kept: marks saved as they are made come back when the app is
//! rebuilt from the same folder, at the same case and factor.

use crate::common::{app_harness_with_store, bundled, model, open_case, press, shows};
use collab_casebook::domain::Verdict;
use collab_casebook::ui::Screen;
use collab_casebook::ui::case_text::passage_label;
use egui_kittest::kittest::Queryable as _;

#[test]
fn marks_come_back_after_a_restart() {
    let model = model();
    let case = bundled("universal-credit");
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app_harness_with_store(dir.path());
        open_case(&mut harness, &case);
        for (index, verdict) in [Verdict::Partly, Verdict::Missing, Verdict::Present]
            .into_iter()
            .enumerate()
        {
            press(&mut harness, verdict.label());
            press(&mut harness, "High confidence");
            let passage = case.passages().nth(index).unwrap();
            press(&mut harness, &passage_label(passage));
            press(&mut harness, "Next factor");
        }
        let note = format!("Note on {}", model.factors[3].name);
        harness.get_by_label(&note).click();
        harness.run();
        harness
            .get_by_label(&note)
            .type_text("Councils lost the money");
        harness.run();
        // The app is dropped here without any save button being pressed.
    }

    let mut harness = app_harness_with_store(dir.path());
    assert!(
        matches!(harness.state().screen(), Screen::Case { case: c, factor: 3, .. } if c == &case.id),
        "back at the case and factor: {:?}",
        harness.state().screen()
    );
    let attempt = harness.state().attempt(&case.id).unwrap().clone();
    assert_eq!(attempt.verdict(&model.factors[0].id), Some(Verdict::Partly));
    assert_eq!(
        attempt.verdict(&model.factors[1].id),
        Some(Verdict::Missing)
    );
    assert_eq!(
        attempt.verdict(&model.factors[2].id),
        Some(Verdict::Present)
    );
    assert!(
        attempt
            .mark(&model.factors[2].id)
            .unwrap()
            .evidence
            .contains(&case.passages().nth(2).unwrap().id)
    );
    assert_eq!(
        attempt.mark(&model.factors[3].id).unwrap().note,
        "Councils lost the money"
    );
    assert!(shows(&harness, "Factor 4 of 9 · 3 of 9 factors marked"));
    assert!(harness.state().notices().is_empty());

    // A second copy of the app on the same folder is refused, and says so.
    let second = app_harness_with_store(dir.path());
    assert!(second.state().notices()[0].contains("already open in another window"));
    drop(second);
    press(&mut harness, "Library");
    assert!(shows(&harness, "In progress: 3 of 9 factors marked"));
}

#[test]
fn a_damaged_record_is_reported_on_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.ron"), "not a record").unwrap();
    let mut harness = app_harness_with_store(dir.path());
    let notice = harness.state().notices()[0].clone();
    assert!(
        notice.contains("could not be read") && notice.contains("progress.damaged-"),
        "{notice}"
    );
    assert!(
        harness.query_by_label(&notice).is_some(),
        "the message is on screen"
    );
    press(&mut harness, "Dismiss message 1");
    assert!(harness.state().notices().is_empty());
}

#[test]
fn the_theme_and_text_size_are_kept_between_runs() {
    use collab_casebook::ui::theme::ThemeChoice;
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app_harness_with_store(dir.path());
        press(&mut harness, "Display and keyboard");
        press(&mut harness, "High-contrast theme");
        press(&mut harness, "Large text (150%)");
        assert!((harness.ctx.zoom_factor() - 1.5).abs() < 0.01);
        assert_eq!(
            collab_casebook::ui::theme::current(&harness.ctx),
            ThemeChoice::HighContrast
        );
    }
    let harness = app_harness_with_store(dir.path());
    assert_eq!(harness.state().settings().theme, ThemeChoice::HighContrast);
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 0.01);
    assert_eq!(
        collab_casebook::ui::theme::current(&harness.ctx),
        ThemeChoice::HighContrast
    );
}
