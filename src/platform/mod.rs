//! What touches the world: the record, file dialogs, loading case files, writing exports,
//! and the clock. The app's features return [`crate::ui::effect::Effect`]s; a platform
//! carries them out and answers with actions. There are two platforms with the same
//! methods, chosen when the crate is built: the desktop ([`Desktop`]: a data folder,
//! native dialogs, threads, a file watcher) and the browser (`Web`, on `wasm32`: the
//! site's local storage, downloads and the page's file picker, work done between frames).
//! [`Platform`] names the one this build uses; the app holds it and nothing else.

#[cfg(not(target_arch = "wasm32"))]
mod collab;
#[cfg(not(target_arch = "wasm32"))]
mod desktop;
#[cfg(not(target_arch = "wasm32"))]
mod dialogs;
#[cfg(target_arch = "wasm32")]
mod scorm;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub mod web_room;

#[cfg(not(target_arch = "wasm32"))]
pub use desktop::Desktop;
#[cfg(target_arch = "wasm32")]
pub use web::{Web, mark};

/// The platform of this build: the desktop.
#[cfg(not(target_arch = "wasm32"))]
pub type Platform = Desktop;
/// The platform of this build: the browser.
#[cfg(target_arch = "wasm32")]
pub type Platform = Web;

/// Whether the record is moved between computers as a file the app saves and loads
/// (**Download my record**, **Load a record**): the browser's, whose record is in the
/// site's storage. The desktop's record is a file already.
pub const MOVES_RECORD_AS_FILE: bool = cfg!(target_arch = "wasm32");

/// Whether this build can open a folder of cases and reload a case when its file is saved.
/// A browser can do neither, so the app leaves out the button and says where to do it.
pub const OPENS_FOLDERS: bool = !cfg!(target_arch = "wasm32");

/// Whether the seminar's room view is a page of its own, in a second browser window kept in
/// step with the console (see `web_room.rs`), rather than a window the app draws itself.
pub const ROOM_VIEW_IN_OWN_PAGE: bool = cfg!(target_arch = "wasm32");

use crate::ui::state::State;

/// Picks up the seminar that was running when the app last saved, where it was, with its
/// timer paused; or says why it cannot (its case is not open, or has changed version).
pub(crate) fn resume_seminar(state: &mut State) {
    let Some(saved) = state.progress.seminar.take() else {
        return;
    };
    let Some(case) = state.case(&saved.case).cloned() else {
        state.tell(format!(
            "A seminar was running on the case \"{}\", which is not open now. Open that case's file, then start the seminar again.",
            saved.case
        ));
        return;
    };
    match saved.resume_on(&case, state.model.factors.len()) {
        Ok(saved) => {
            state.seminar = Some(crate::ui::seminar::Seminar::resumed(saved));
            state.screen = crate::ui::state::Screen::Seminar;
            state.tell(format!(
                "The seminar on \"{}\" was picked up where you left it, with the room's marks. Its timer is paused.",
                case.title
            ));
        }
        Err(problem) => state.tell(problem.to_string()),
    }
}
