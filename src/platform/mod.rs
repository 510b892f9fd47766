//! What touches the world: the record on disk, file dialogs, loading and watching case
//! files, writing exports, and the clock. The app's features return
//! [`crate::ui::effect::Effect`]s; a platform carries them out and answers with actions.
//! Today there is one platform, the desktop ([`Desktop`]); a browser build is a second
//! implementation of the same effects.

mod desktop;

pub use desktop::Desktop;
