//! Display settings, the keyboard page and the model reference: pages shown over another
//! screen, which return to it when closed.

use crate::domain::FactorId;

use super::super::effect::{Effect, Effects};
use super::super::state::{Screen, State};
use super::super::theme::ThemeChoice;

/// The smallest and largest text size, as zoom factors.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// What the user can do with settings and the model reference.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsAction {
    /// Show the display and keyboard page.
    Show,
    /// Close the display and keyboard page.
    Close,
    /// Choose a theme.
    SetTheme(ThemeChoice),
    /// Choose the room view's colours, apart from the console's theme.
    SetRoomTheme(ThemeChoice),
    /// Make the room view's text a step larger (1) or smaller (-1) than the size that fits
    /// its window, within [`ROOM_TEXT_STEPS`].
    StepRoomText(i32),
    /// Choose a text size, as a zoom factor.
    SetZoom(f32),
    /// Open the model reference, at a factor if given.
    ShowReference(Option<FactorId>),
    /// Close the model reference.
    CloseReference,
}

/// How many steps the room view's text can be made larger or smaller than the size that
/// fits its window.
pub const ROOM_TEXT_STEPS: i32 = 4;

/// Carries out a settings action.
pub fn apply(state: &mut State, action: SettingsAction, effects: &mut Effects) {
    match action {
        SettingsAction::Show => {
            let back = match &state.screen {
                Screen::Settings { back } => back.clone(),
                other => Box::new(other.clone()),
            };
            state.screen = Screen::Settings { back };
        }
        SettingsAction::Close => {
            if let Screen::Settings { back } = &state.screen {
                state.screen = (**back).clone();
            }
        }
        SettingsAction::SetTheme(choice) => {
            state.settings.theme = choice;
            effects.push(Effect::SaveSettings(state.settings));
        }
        SettingsAction::SetRoomTheme(choice) => {
            state.settings.room_theme = choice;
            effects.push(Effect::SaveSettings(state.settings));
        }
        SettingsAction::StepRoomText(step) => {
            let steps = (state.settings.room_text + step).clamp(-ROOM_TEXT_STEPS, ROOM_TEXT_STEPS);
            if steps != state.settings.room_text {
                state.settings.room_text = steps;
                effects.push(Effect::SaveSettings(state.settings));
            }
        }
        SettingsAction::SetZoom(zoom) => {
            let zoom = zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
            if (zoom - state.settings.zoom).abs() > 0.001 {
                state.settings.zoom = zoom;
                effects.push(Effect::SaveSettings(state.settings));
            }
        }
        SettingsAction::ShowReference(factor) => {
            let back = match &state.screen {
                Screen::Reference { back, .. } => back.clone(),
                other => Box::new(other.clone()),
            };
            state.screen = Screen::Reference { factor, back };
        }
        SettingsAction::CloseReference => {
            if let Screen::Reference { back, .. } = &state.screen {
                state.screen = (**back).clone();
            }
        }
    }
}
