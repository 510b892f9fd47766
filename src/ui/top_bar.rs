//! The bar across the top of every screen: where you are, the library, the model
//! reference, opening files, and the problems count.

use super::a11y;
use super::theme;
use super::{Action, Dialog, Screen};
use crate::ui::LibraryAction;
use crate::ui::LoadingAction;
use crate::ui::RecordAction;
use crate::ui::SeminarAction;
use crate::ui::SettingsAction;

/// What the browser build cannot do that a user would look for in the top bar.
pub const BROWSER_LIMITS: &str =
    "Opening a folder of cases, and reloading a case when you save its file, need the desktop app.";

/// Below this width, in points, the top bar's less used entries fold into a "More" menu.
pub const FOLD_BELOW: f32 = 900.0;

/// The room the app's name takes at the left of the bar, with its separator.
const NAME_WIDTH: f32 = 380.0;

/// The width the bar's buttons take on one row, at the current text size: every entry a
/// screen can show, so the name does not come and go between screens.
fn buttons_width(ui: &egui::Ui) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let spacing = &ui.style().spacing;
    let per_button = 2.0 * spacing.button_padding.x + spacing.item_spacing.x;
    let labels = [
        "Library",
        "My record",
        "Cases by factor",
        "Model reference",
        "Display and keyboard",
        "Open case files",
        "Open a folder of cases",
    ];
    ui.fonts_mut(|fonts| {
        labels
            .iter()
            .map(|label| {
                fonts
                    .layout_no_wrap((*label).to_owned(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
                    + per_button
            })
            .sum()
    })
}

/// The less used entries: display and keyboard, opening files, and (in the menu) cases by
/// factor.
fn less_used_ui(ui: &mut egui::Ui, screen: &Screen, in_menu: bool, actions: &mut Vec<Action>) {
    let before = actions.len();
    if in_menu && !matches!(screen, Screen::Matrix { .. }) && ui.button("Cases by factor").clicked()
    {
        actions.push(Action::Library(LibraryAction::ShowMatrix));
    }
    if !matches!(screen, Screen::Settings { .. }) && ui.button("Display and keyboard").clicked() {
        actions.push(Action::Settings(SettingsAction::Show));
    }
    if ui.button("Open case files").clicked() {
        actions.push(Action::Ask(Dialog::OpenCaseFiles));
    }
    if crate::platform::OPENS_FOLDERS && ui.button("Open a folder of cases").clicked() {
        actions.push(Action::Ask(Dialog::OpenCaseFolder));
    }
    if in_menu && actions.len() > before {
        ui.close();
    }
}

/// Draws the top bar.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    screen: &Screen,
    seminar_running: bool,
    problem_count: usize,
    problems_visible: bool,
    actions: &mut Vec<Action>,
) {
    a11y::landmark(ui, egui::accesskit::Role::Navigation, "Screens");
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        // When the name and the buttons do not fit on one row (a 1280 laptop, or large
        // text), the name is left to the window title, so the bar stays one row.
        if ui.available_width() >= NAME_WIDTH + buttons_width(ui) {
            ui.label(
                egui::RichText::new("Collaborative Working Casebook")
                    .family(theme::bold())
                    .size(19.0),
            );
            ui.separator();
        }
        if !matches!(screen, Screen::Library) && ui.button("Library").clicked() {
            actions.push(Action::Library(LibraryAction::Show));
        }
        if seminar_running
            && !matches!(screen, Screen::Seminar)
            && ui.button("Back to the seminar").clicked()
        {
            actions.push(Action::Seminar(SeminarAction::Show));
        }
        if !matches!(screen, Screen::Record { .. }) && ui.button("My record").clicked() {
            actions.push(Action::Record(RecordAction::Show));
        }
        // At large text (200% on a 1280 by 800 laptop) the less used entries fold into a
        // menu, so the bar stays one row and the case text keeps the screen.
        let fold = ui.available_width() < FOLD_BELOW;
        if !matches!(screen, Screen::Matrix { .. })
            && !fold
            && ui.button("Cases by factor").clicked()
        {
            actions.push(Action::Library(LibraryAction::ShowMatrix));
        }
        match screen {
            Screen::Reference { .. } => {
                if ui.button("Close model reference").clicked() {
                    actions.push(Action::Settings(SettingsAction::CloseReference));
                }
            }
            _ => {
                if ui.button("Model reference").clicked() {
                    actions.push(Action::Settings(SettingsAction::ShowReference(None)));
                }
            }
        }
        if fold {
            ui.menu_button("More", |ui| less_used_ui(ui, screen, true, actions));
        } else {
            less_used_ui(ui, screen, false, actions);
        }
        if problem_count > 0 && !problems_visible {
            let text = egui::RichText::new(format!("Show problems ({problem_count})"))
                .color(theme::colors(ui).error)
                .family(theme::bold());
            if ui.button(text).clicked() {
                actions.push(Action::Loading(LoadingAction::SetProblemsVisible(true)));
            }
        }
        if !crate::platform::OPENS_FOLDERS {
            // In a browser, on a line of its own under the buttons, where the folder button
            // would be.
            ui.end_row();
            ui.label(
                egui::RichText::new(BROWSER_LIMITS)
                    .size(13.0)
                    .color(theme::colors(ui).secondary_text),
            );
        }
    });
    ui.add_space(4.0);
}
