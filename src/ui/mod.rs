//! The egui app. Screens draw from the [`state::State`] and return [`Action`]s; each
//! feature in [`features`] applies its own and returns [`effect::Effect`]s, which the
//! platform ([`crate::platform`]) carries out. [`app`] routes between them. Nothing here
//! does I/O while drawing.

pub mod a11y;
pub mod action;
pub mod app;
pub mod assess;
pub mod case_text;
pub mod effect;
pub mod features;
pub mod feedback;
mod feedback_profile;
pub mod keymap;
pub mod launch;
pub mod lazy;
pub mod library;
pub mod loader;
pub mod marking;
pub mod matrix;
pub mod problems;
pub mod record;
pub mod reference;
pub mod review;
pub mod screens;
pub mod seminar;
pub mod settings;
pub mod state;
pub mod theme;
pub mod top_bar;

pub use action::{Action, Dialog};
pub use app::CasebookApp;
pub use features::case::CaseAction;
pub use features::feedback::FeedbackAction;
pub use features::library::LibraryAction;
pub use features::loading::LoadingAction;
pub use features::record::RecordAction;
pub use features::seminar::SeminarAction;
pub use features::settings::SettingsAction;
pub use state::Screen;

/// Text laid out for painting directly, in widgets drawn by hand (passages, the rows of
/// the feedback profile): wrapped at `wrap_width`, or on one line when it is `None`.
fn galley(
    ui: &egui::Ui,
    text: impl Into<egui::WidgetText>,
    wrap_width: Option<f32>,
    style: egui::TextStyle,
) -> std::sync::Arc<egui::Galley> {
    let (mode, width) = match wrap_width {
        Some(width) => (egui::TextWrapMode::Wrap, width),
        None => (egui::TextWrapMode::Extend, f32::INFINITY),
    };
    text.into().into_galley(ui, Some(mode), width, style)
}

#[cfg(not(target_arch = "wasm32"))]
/// Window options for the native app: sized for a laptop unless told otherwise, usable
/// down to a small window, full screen for a projector if asked.
pub fn native_options(size: Option<(f32, f32)>, fullscreen: bool) -> eframe::NativeOptions {
    let (width, height) = size.unwrap_or((1280.0, 800.0));
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Collaborative Working Casebook")
            .with_inner_size([width, height])
            .with_min_inner_size([800.0, 560.0])
            .with_fullscreen(fullscreen)
            .with_drag_and_drop(true),
        ..Default::default()
    }
}

/// A screen of two panes: the case text on the left, scrolling on its own, and a
/// resizable panel on the right taking `fraction` of the width, also scrolling. When the
/// window is narrow (a small window, or large text), the panel goes below the text
/// instead, so neither is squeezed. Both panes push to the same list of actions.
pub fn two_panes_ui(
    ui: &mut egui::Ui,
    id: &'static str,
    fraction: f32,
    actions: &mut Vec<Action>,
    right: impl FnOnce(&mut egui::Ui, &mut Vec<Action>),
    left: impl FnOnce(&mut egui::Ui, &mut Vec<Action>),
) {
    let narrow = ui.available_width() < 760.0;
    // Panels remember their size. A size chosen at another text size or window shape would
    // be wrong now, so each text size and shape has its own.
    let zoom = (ui.ctx().zoom_factor() * 100.0).round() as i32;
    let salt = (id, narrow, zoom);
    let panel = if narrow {
        let height = ui.available_height();
        egui::Panel::bottom(salt)
            .resizable(true)
            .default_size(height * 0.5)
            .min_size(120.0_f32.min(height * 0.3))
            .max_size(height * 0.65)
    } else {
        let width = (ui.available_width() * fraction).clamp(340.0, 760.0);
        egui::Panel::right(salt)
            .resizable(true)
            .default_size(width)
            .min_size(320.0)
    };
    panel.show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt((id, "panel"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                right(ui, actions);
                a11y::keep_focus_in_view(ui);
            });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt((id, "text"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(860.0));
                left(ui, actions);
                a11y::keep_focus_in_view(ui);
            });
    });
}
