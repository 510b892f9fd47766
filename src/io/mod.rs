//! Files: reading the model and cases with positioned, plain-English errors.
//!
//! Knows RON and paths; knows nothing of egui. Every file is untrusted: sizes are bounded
//! before reading, every problem names the file, line and column, and nothing here panics.

pub mod assessment_file;
pub mod atomic;
pub mod attempt_file;
pub mod case_check;
pub mod case_file;
#[cfg(not(target_arch = "wasm32"))]
pub mod check_kinds;
pub mod cohort_report;
pub mod document;
pub mod error;
pub mod feedback_report;
pub mod fuzz;
pub mod key_store;
pub mod lint;
pub mod load;
pub mod locate;
pub mod model_file;
pub mod record_writer;
pub mod ron_text;
pub mod seminar_file;
pub mod session_record;
pub mod store;
pub mod store_format;
pub mod watch;

pub use error::{FileError, Position, Problem, ProblemKind};
pub use load::{CaseOrigin, LoadReport, LoadedCase, bundled_cases, load_paths, parse_case};
pub use model_file::builtin_model;
