//! The reference for start-up and memory benchmarks: a bare eframe app, built from the same
//! crate with the same features and window options as the casebook, that draws one label.
//! With `CASEBOOK_EXIT_AFTER_FRAMES=N` it closes itself after N frames, as the app does.

use collab_casebook::ui;

struct Bare {
    frames: u32,
    exit_after: Option<u32>,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare eframe app.");
        });
        self.frames += 1;
        if self.exit_after.is_some_and(|n| self.frames >= n) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

fn main() -> eframe::Result {
    let exit_after = std::env::var("CASEBOOK_EXIT_AFTER_FRAMES")
        .ok()
        .and_then(|n| n.parse().ok());
    eframe::run_native(
        "Bare eframe app",
        ui::native_options(None, false),
        Box::new(move |_cc| {
            Ok(Box::new(Bare {
                frames: 0,
                exit_after,
            }))
        }),
    )
}
