//! The egui app. Screens draw and return [`Action`]s; [`app::CasebookApp::apply`] is the one
//! place that changes state, opens dialogs or loads files. Nothing here does I/O while
//! drawing.

pub mod app;
pub mod case_text;
pub mod feedback;
pub mod library;
pub mod marking;
pub mod problems;
pub mod reference;
pub mod theme;
pub mod top_bar;

pub use app::{Action, CasebookApp, Screen};

/// Window options for the native app: sized for a laptop, usable down to a small window.
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Collaborative Working Casebook")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    }
}
