//! Saving as a trainee types: a burst of keystrokes makes a handful of saves, not one per
//! key, and nothing typed is lost when the window closes.

use collab_casebook::CasebookApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::{bundled, model, open_case, press};

#[test]
fn a_burst_of_200_keystrokes_in_a_note_makes_a_handful_of_saves() {
    let model = model();
    let case = bundled("universal-credit");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_path_buf();
    // A quick typist: ten keys a second.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.1)
        .with_max_steps(16)
        .build_eframe(move |cc| CasebookApp::new(cc, model.clone(), &[], Some(&folder)));
    harness.run();
    open_case(&mut harness, &case);
    harness.state_mut().flush_saves();
    let before = harness.state().saves_written();

    let note = format!("Note on {}", crate::common::model().factors[0].name);
    harness.get_by_label(&note).click();
    harness.run();
    for _ in 0..200 {
        harness.get_by_label(&note).type_text("x");
        harness.step();
    }
    press(&mut harness, "Library");
    harness.state_mut().flush_saves();
    let saves = harness.state().saves_written() - before;
    assert!(
        (1..=6).contains(&saves),
        "200 keystrokes over 20 seconds made {saves} saves"
    );
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    let record = collab_casebook::io::store::parse(&text).unwrap();
    let typed = &record.attempts[&case.id].marks[&crate::common::model().factors[0].id].note;
    assert_eq!(
        typed.len(),
        200,
        "every key reached the disk on leaving the screen"
    );
}

#[test]
fn closing_the_window_right_after_typing_keeps_every_key() {
    let case = bundled("universal-credit");
    let dir = tempfile::tempdir().unwrap();
    let note = format!("Note on {}", model().factors[2].name);
    {
        let mut harness = crate::common::app_harness_with_store(dir.path());
        open_case(&mut harness, &case);
        press(&mut harness, "Next factor");
        press(&mut harness, "Next factor");
        harness.get_by_label(&note).click();
        harness.run();
        harness
            .get_by_label(&note)
            .type_text("Typed just before closing");
        harness.step();
        // No quiet second passes: the window closes at once.
    }
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    let record = collab_casebook::io::store::parse(&text).unwrap();
    assert_eq!(
        record.attempts[&case.id].marks[&model().factors[2].id].note,
        "Typed just before closing"
    );
}
