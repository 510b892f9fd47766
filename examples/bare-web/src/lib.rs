//! A bare eframe app in a browser, drawing one label: the reference for the casebook's
//! browser benchmarks (`scripts/bench-web.sh`), as `examples/bare.rs` is for the desktop's.
//! It runs on the same page as the casebook (`web/index.html`, canvas `casebook`) and, like
//! the casebook, marks the page's timeline with `start` when the wasm runs, `runner` and
//! `app` when eframe's web runner asks for the app (which it builds at once), and
//! `first-frame` when its first frame is drawn.

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::wasm_bindgen;

struct Bare {
    frames: u32,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare eframe app.");
        });
        self.frames = self.frames.saturating_add(1);
        if self.frames == 1 {
            mark("first-frame");
        }
    }
}

/// Marks the page's timeline, as the casebook does.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark(name).ok();
    }
}

/// Starts the app when the page loads the wasm.
#[wasm_bindgen(start)]
pub fn start() {
    mark("start");
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = document
            .get_element_by_id("casebook")
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(|_cc| {
                    mark("runner");
                    mark("app");
                    Ok(Box::new(Bare { frames: 0 }))
                }),
            )
            .await;
        if started.is_ok()
            && let Some(loading) = document.get_element_by_id("loading")
        {
            loading.remove();
        }
    });
}
