//! Keyboard focus always in view (issue 15, item 10): Tab through each screen, and after
//! every press the widget with focus is inside the visible part of its scroll area.

use crate::common::{app_harness_sized, bundled, model, open_case, press};
use collab_casebook::CasebookApp;
use collab_casebook::domain::Verdict;
use egui_kittest::Harness;

/// Presses Tab `presses` times on the screen as it is, and fails if the focused widget is
/// ever out of sight: less than all of it (or 24 points of a larger one) inside the clip
/// of the scroll area that holds it.
fn tab_through(harness: &mut Harness<'static, CasebookApp>, screen: &str, presses: usize) {
    let mut seen = 0;
    for press in 1..=presses {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let Some(id) = harness.ctx.memory(egui::Memory::focused) else {
            continue;
        };
        let Some(response) = harness.ctx.read_response(id) else {
            continue;
        };
        seen += 1;
        let (rect, shown) = (response.rect, response.interact_rect);
        let visible = shown.is_positive()
            && shown.height() + 0.5 >= rect.height().min(24.0)
            && shown.width() + 0.5 >= rect.width().min(24.0);
        assert!(
            visible,
            "{screen}: after {press} Tabs the focus is at {rect:?} but only {shown:?} shows"
        );
    }
    assert!(seen > 5, "{screen}: Tab reached only {seen} widgets");
}

#[test]
fn tab_keeps_the_focus_in_view_on_every_screen() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let mut harness = app_harness_sized(1280.0, 720.0);
    tab_through(&mut harness, "the library", 60);

    open_case(&mut harness, &case);
    tab_through(&mut harness, "the case", 80);

    for (index, factor) in model.factors.iter().enumerate() {
        let verdict = case
            .answer(&factor.id)
            .map_or(Verdict::CantTell, |a| a.verdict);
        harness.state_mut().apply(collab_casebook::ui::Action::Case(
            collab_casebook::ui::CaseAction::SetVerdict(factor.id.clone(), Some(verdict)),
        ));
        let _ = index;
    }
    harness.run();
    press(&mut harness, "Check your answers");
    tab_through(&mut harness, "feedback", 60);

    press(&mut harness, "My record");
    tab_through(&mut harness, "my record", 40);
    press(&mut harness, "Model reference");
    tab_through(&mut harness, "the model reference", 60);
    press(&mut harness, "Close model reference");
    press(&mut harness, "Display and keyboard");
    tab_through(&mut harness, "display and keyboard", 40);
    press(&mut harness, "Cases by factor");
    tab_through(&mut harness, "cases by factor", 60);
    press(&mut harness, "Library");
    press(
        &mut harness,
        &format!("Run a seminar: {}", bundled("universal-credit").title),
    );
    tab_through(&mut harness, "the seminar console", 60);
}

#[test]
fn tab_keeps_the_focus_in_view_on_your_own_collaboration() {
    let mut harness = app_harness_sized(1280.0, 720.0);
    crate::collaboration::visit_pages(&mut harness, |harness, page| {
        tab_through(harness, page, 40);
    });
}
