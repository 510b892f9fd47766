//! Shared helpers for the app tests: one harness factory, so size and setup live in one place.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use collab_casebook::CasebookApp;
use collab_casebook::domain::{Case, Model};
use collab_casebook::io;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The built-in model.
pub fn model() -> Model {
    io::builtin_model().expect("the built-in model loads")
}

/// A bundled case by id.
pub fn bundled(id: &str) -> Case {
    io::bundled_cases(&model())
        .cases
        .into_iter()
        .find(|c| c.case.id.as_str() == id)
        .map(|c| c.case)
        .expect("the case is bundled")
}

/// The app at laptop size (1280 by 800), on the library.
pub fn app_harness() -> Harness<'static, CasebookApp> {
    app_harness_sized(1280.0, 800.0)
}

/// The app at a given size.
pub fn app_harness_sized(width: f32, height: f32) -> Harness<'static, CasebookApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_eframe(|cc| CasebookApp::new(cc, model(), &[], None));
    harness.run();
    harness
}

/// Activates the widget with this accessible label, as a screen reader would, and lets
/// the app settle.
pub fn press(harness: &mut Harness<'static, CasebookApp>, label: &str) {
    harness.get_by_label(label).click_accesskit();
    harness.run();
}

/// Opens a case from the library with its Open button, as a trainee would.
pub fn open_case(harness: &mut Harness<'static, CasebookApp>, case: &Case) {
    press(harness, &format!("Open: {}", case.title));
}

/// Whether a node with exactly this label is on screen.
pub fn shows(harness: &Harness<'static, CasebookApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

/// The app with its record kept in `folder`, as a restart would find it. After a change
/// the app wakes itself a second later to save (see `domain::autosave`): at kittest's four
/// frames a second, letting the app settle can take up to eight frames.
pub fn app_harness_with_store(folder: &std::path::Path) -> Harness<'static, CasebookApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(8)
        .build_eframe(move |cc| CasebookApp::new(cc, model(), &[], Some(&folder)));
    harness.run();
    harness
}

/// Runs frames until `done` holds, for at most `limit` of real time, for what arrives from
/// other threads (loads, file watching). While files load the app keeps asking for frames,
/// so a burst of frames that has not settled is not a failure.
pub fn wait_up_to(
    harness: &mut Harness<'static, CasebookApp>,
    limit: std::time::Duration,
    done: impl Fn(&Harness<'static, CasebookApp>) -> bool,
) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        harness.try_run().ok();
        if done(harness) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

/// A mouse-wheel step of `dy` points (negative: down the page), where the pointer is.
pub fn wheel(dy: f32) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::default(),
    }
}
