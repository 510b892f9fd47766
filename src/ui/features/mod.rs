//! The app's features, each in its own file: its actions and an exhaustive `apply` that
//! changes [`super::state::State`] and returns [`super::effect::Effect`]s for the platform.
//! No `apply` reads a clock, touches a file or opens a dialog.

pub mod assess;
pub mod assess_share;
pub mod case;
pub mod feedback;
pub mod library;
pub mod loading;
pub mod record;
pub mod saved;
pub mod seminar;
pub mod settings;
