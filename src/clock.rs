//! The one place the app reads the wall clock. Everything else is given the time, so the
//! domain stays deterministic and tests can fix the date.

use chrono::{DateTime, Local, Utc};

/// The time now, in UTC.
#[expect(
    clippy::disallowed_methods,
    reason = "this module is the app's one reader of the clock"
)]
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date where the user is, such as "2026-11-28".
#[expect(
    clippy::disallowed_methods,
    reason = "this module is the app's one reader of the clock"
)]
pub fn today() -> String {
    Local::now().date_naive().to_string()
}

/// A timestamp for file names, such as "20261128-142300".
#[expect(
    clippy::disallowed_methods,
    reason = "this module is the app's one reader of the clock"
)]
pub fn stamp() -> String {
    Local::now().format("%Y%m%d-%H%M%S").to_string()
}
