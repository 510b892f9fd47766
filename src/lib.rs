//! The Collaborative Working Casebook: teaches Emily Miles's model of collaborative working
//! between publicly funded organisations through cases.
//!
//! A trainee reads a case, marks each factor of the model as present, partly present,
//! missing or can't tell, points at the evidence, and gets feedback from the model.
//!
//! - [`domain`]: the model, cases, attempts and feedback. Pure: no egui, files or clock.
//! - [`io`]: reading the model and case files, with positioned, plain-English errors.
//! - [`ui`]: the egui app: screens that draw and return actions, features that apply them
//!   and return effects.
//! - [`platform`]: what carries out those effects: on the desktop disk, dialogs, threads
//!   and the clock; in a browser its storage, downloads and file picker.
//! - [`cli`]: the `check` command for case authors (desktop only).

#[cfg(feature = "gui")]
pub mod a11y_dom;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod clock;
pub mod domain;
pub mod io;
#[cfg(feature = "gui")]
pub mod platform;
#[cfg(feature = "gui")]
pub mod ui;
#[cfg(all(feature = "gui", target_arch = "wasm32"))]
pub mod web;

#[cfg(feature = "gui")]
pub use ui::app::CasebookApp;
