//! The library and the cases-by-factor matrix.

use crate::domain::CaseFilter;

use super::super::effect::Effects;
use super::super::state::{Screen, State};

/// What the user can do in the library.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LibraryAction {
    /// Go to the library.
    Show,
    /// Show the casebook matrix.
    ShowMatrix,
    /// Change which cases the matrix shows.
    SetMatrixFilter(CaseFilter),
}

/// Carries out a library action.
pub fn apply(state: &mut State, action: LibraryAction, _effects: &mut Effects) {
    match action {
        LibraryAction::Show => state.screen = Screen::Library,
        LibraryAction::ShowMatrix => {
            state.screen = Screen::Matrix {
                filter: CaseFilter::default(),
            };
        }
        LibraryAction::SetMatrixFilter(new_filter) => {
            if let Screen::Matrix { filter } = &mut state.screen {
                *filter = new_filter;
            }
        }
    }
}
