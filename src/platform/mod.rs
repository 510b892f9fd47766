//! What touches the world: the record, file dialogs, loading case files, writing exports,
//! and the clock. The app's features return [`crate::ui::effect::Effect`]s; a platform
//! carries them out and answers with actions. There are two platforms with the same
//! methods, chosen when the crate is built: the desktop ([`Desktop`]: a data folder,
//! native dialogs, threads, a file watcher) and the browser (`Web`, on `wasm32`: the
//! site's local storage, downloads and the page's file picker, work done between frames).
//! [`Platform`] names the one this build uses; the app holds it and nothing else.

#[cfg(not(target_arch = "wasm32"))]
mod desktop;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use desktop::Desktop;
#[cfg(target_arch = "wasm32")]
pub use web::Web;

/// The platform of this build: the desktop.
#[cfg(not(target_arch = "wasm32"))]
pub type Platform = Desktop;
/// The platform of this build: the browser.
#[cfg(target_arch = "wasm32")]
pub type Platform = Web;

/// Whether this build can open a folder of cases and reload a case when its file is saved.
/// A browser can do neither, so the app leaves out the button and says where to do it.
pub const OPENS_FOLDERS: bool = !cfg!(target_arch = "wasm32");
