//! Display settings, kept between runs, and the screen that sets them and lists the
//! keyboard shortcuts.

use crate::ui::SettingsAction;
use egui::RichText;

use super::Action;
use super::a11y;
use super::theme::{self, ThemeChoice};

/// What the user chose for the display.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Settings", default)]
pub struct Settings {
    /// The theme.
    pub theme: ThemeChoice,
    /// Text size, as a zoom factor: 1 is standard, 2 is 200%.
    pub zoom: f32,
    /// The room view's colours in seminars, chosen apart from the console's theme: a
    /// projector in a lit room needs dark text on white whatever the facilitator reads.
    pub room_theme: ThemeChoice,
    /// Steps the facilitator has made the room view's text larger (or, below 0, smaller)
    /// than the size that fits its window; kept, as it suits a projector and a room.
    pub room_text: i32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Light,
            zoom: 1.0,
            room_theme: ThemeChoice::Light,
            room_text: 0,
        }
    }
}

/// The text sizes offered, as zoom factors.
pub const TEXT_SIZES: [(f32, &str); 5] = [
    (1.0, "Standard text"),
    (1.25, "Larger text (125%)"),
    (1.5, "Large text (150%)"),
    (1.75, "Very large text (175%)"),
    (2.0, "Largest text (200%)"),
];

/// The next text size up from `zoom`, as Ctrl+Plus gives it; the largest stays.
pub fn larger_text(zoom: f32) -> f32 {
    TEXT_SIZES
        .iter()
        .map(|(size, _)| *size)
        .find(|size| *size > zoom + 0.01)
        .unwrap_or_else(|| TEXT_SIZES.last().map_or(zoom, |(size, _)| zoom.max(*size)))
}

/// The next text size down from `zoom`, as Ctrl+Minus gives it; the smallest stays.
pub fn smaller_text(zoom: f32) -> f32 {
    TEXT_SIZES
        .iter()
        .rev()
        .map(|(size, _)| *size)
        .find(|size| *size < zoom - 0.01)
        .unwrap_or_else(|| TEXT_SIZES.first().map_or(zoom, |(size, _)| zoom.min(*size)))
}

/// Draws the display and keyboard page.
pub fn settings_ui(ui: &mut egui::Ui, settings: Settings, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
        ui.set_max_width(ui.available_width().min(860.0));
        ui.horizontal_wrapped(|ui| {
            let title = a11y::heading(ui, 1, RichText::new("Display and keyboard").heading());
            a11y::titled_region(ui, &title);
            if ui.button("Close display and keyboard").clicked() {
                actions.push(Action::Settings(SettingsAction::Close));
            }
        });
        ui.label("Your choices are kept for next time.");
        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Theme"));
        ui.horizontal_wrapped(|ui| {
            for choice in ThemeChoice::ALL {
                if ui.radio(settings.theme == choice, choice.label()).clicked() {
                    actions.push(Action::Settings(SettingsAction::SetTheme(choice)));
                }
            }
        });
        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Text size"));
        ui.horizontal_wrapped(|ui| {
            for (zoom, label) in TEXT_SIZES {
                let selected = (settings.zoom - zoom).abs() < 0.01;
                if ui.radio(selected, label).clicked() {
                    actions.push(Action::Settings(SettingsAction::SetZoom(zoom)));
                }
            }
        });
        ui.label(
            RichText::new(format!("Now {:.0}%. Ctrl+Plus and Ctrl+Minus step through these sizes.", settings.zoom * 100.0))
                .color(theme::colors(ui).secondary_text),
        );
        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Keyboard shortcuts"));
        ui.label("Everything can be done with the keyboard. Letter shortcuts work when you are not typing in a box.");
        egui::Grid::new("shortcuts").num_columns(2).spacing([24.0, 8.0]).striped(true).show(ui, |ui| {
            for (keys, what) in super::keymap::help_rows() {
                ui.label(RichText::new(keys).family(theme::bold()));
                ui.label(what);
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("No time limits"));
        ui.label("Nothing in the app times out. The seminar timer is only for the facilitator and never stops anyone working.");
    });
    });
}

#[cfg(test)]
mod tests {
    use super::{larger_text, smaller_text};

    #[test]
    fn ctrl_plus_and_minus_step_through_the_offered_sizes() {
        assert_eq!(larger_text(1.0), 1.25);
        assert_eq!(larger_text(1.25), 1.5);
        assert_eq!(
            larger_text(1.1),
            1.25,
            "from an odd size, the next offered one"
        );
        assert_eq!(larger_text(2.0), 2.0, "the largest stays");
        assert_eq!(smaller_text(2.0), 1.75);
        assert_eq!(smaller_text(1.25), 1.0);
        assert_eq!(smaller_text(1.0), 1.0, "the smallest stays");
        assert_eq!(smaller_text(2.5), 2.0);
    }
}
