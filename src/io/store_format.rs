//! The store's text: `progress.ron` as RON with a format number. This build writes
//! format 3 and reads formats 1, 2 and 3, with nothing lost:
//!
//! - format 1 kept each review's schedule in the `rs-fsrs` crate's own `Card` layout;
//! - format 2 uses the project's own `Schedule`;
//! - format 3 adds `collaboration`: the user's own assessments, plans and look-backs
//!   (see `domain::assessment::History`), and `attempt_folder`, where the last attempt
//!   file was saved. A format 2 record reads with none.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::domain::assessment::History;
use crate::domain::progress::{CheckedAttempt, Place, Progress, ReviewItem, Schedule, Stage};
use crate::domain::seminar::SavedSeminar;
use crate::domain::{Attempt, CaseId, FactorId};

use super::ron_text;

/// The store format this build writes.
pub const FORMAT: u32 = 3;

/// The store file as written, format 3. Format 2 is the same without `collaboration`, so
/// it is read by these structs too, with an empty history.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "Progress")]
struct StoreFile {
    format: u32,
    #[serde(default)]
    place: Option<Place>,
    #[serde(default)]
    attempts: BTreeMap<CaseId, Attempt>,
    #[serde(default)]
    set_aside: Vec<Attempt>,
    #[serde(default)]
    history: Vec<CheckedAttempt>,
    #[serde(default)]
    review: Vec<ReviewItem>,
    /// A seminar running when the record was saved; absent when none was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seminar: Option<SavedSeminar>,
    /// Your own collaboration: assessments, plans and look-backs (format 3).
    #[serde(default)]
    collaboration: History,
    /// The folder the last attempt file was saved in, offered again (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attempt_folder: Option<PathBuf>,
}

/// Just the format number, read first so each format is parsed by its own structs.
#[derive(serde::Deserialize)]
#[serde(rename = "Progress")]
struct FormatOnly {
    format: u32,
}

/// Format 1, as the app wrote it until format 2: the review schedule was `rs_fsrs::Card`.
/// These structs freeze that layout, so the old files read whatever that crate does next.
#[derive(serde::Deserialize)]
#[serde(rename = "Progress")]
struct StoreFileV1 {
    #[serde(default)]
    place: Option<Place>,
    #[serde(default)]
    attempts: BTreeMap<CaseId, Attempt>,
    #[serde(default)]
    history: Vec<CheckedAttempt>,
    #[serde(default)]
    review: Vec<ReviewItemV1>,
}

#[derive(serde::Deserialize)]
#[serde(rename = "ReviewItem")]
struct ReviewItemV1 {
    case: CaseId,
    factor: FactorId,
    card: CardV1,
}

#[derive(serde::Deserialize)]
#[serde(rename = "Card")]
struct CardV1 {
    due: chrono::DateTime<chrono::Utc>,
    stability: f64,
    difficulty: f64,
    elapsed_days: i64,
    scheduled_days: i64,
    reps: i32,
    lapses: i32,
    state: Stage,
    last_review: chrono::DateTime<chrono::Utc>,
}

impl From<ReviewItemV1> for ReviewItem {
    fn from(old: ReviewItemV1) -> Self {
        let card = old.card;
        Self {
            case: old.case,
            factor: old.factor,
            schedule: Schedule {
                due: card.due,
                last_review: card.last_review,
                stability: card.stability,
                difficulty: card.difficulty,
                elapsed_days: card.elapsed_days,
                scheduled_days: card.scheduled_days,
                reps: card.reps,
                lapses: card.lapses,
                stage: card.state,
            },
        }
    }
}

/// The record as store text.
pub fn to_text(progress: &Progress) -> Result<String, ron::Error> {
    to_text_with(progress, progress.seminar.as_ref())
}

/// The record as store text, with the seminar running now (which the app holds apart from
/// the record while it runs).
pub fn to_text_with(
    progress: &Progress,
    seminar: Option<&SavedSeminar>,
) -> Result<String, ron::Error> {
    let file = StoreFile {
        format: FORMAT,
        place: progress.place.clone(),
        attempts: progress.attempts.clone(),
        set_aside: progress.set_aside.clone(),
        history: progress.history.clone(),
        review: progress.review.clone(),
        seminar: seminar.cloned(),
        collaboration: progress.collaboration.clone(),
        attempt_folder: progress.attempt_folder.clone(),
    };
    ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().struct_names(true))
}

/// The record in store text, format 1, 2 or 3; the error says what is wrong, in words.
pub fn parse(text: &str) -> Result<Progress, String> {
    let words = |p: super::Problem| match p.position {
        Some(at) => format!("line {}, column {}: {}", at.line, at.column, p.kind),
        None => p.kind.to_string(),
    };
    let head: FormatOnly = ron_text::parse(text).map_err(words)?;
    match head.format {
        1 => {
            let file: StoreFileV1 = ron_text::parse(text).map_err(words)?;
            Ok(Progress {
                place: file.place,
                attempts: file.attempts,
                set_aside: Vec::new(),
                history: file.history,
                review: file.review.into_iter().map(ReviewItem::from).collect(),
                seminar: None,
                collaboration: History::default(),
                attempt_folder: None,
            })
        }
        2 | FORMAT => {
            let file: StoreFile = ron_text::parse(text).map_err(words)?;
            Ok(Progress {
                place: file.place,
                attempts: file.attempts,
                set_aside: file.set_aside,
                history: file.history,
                review: file.review,
                seminar: file.seminar,
                collaboration: file.collaboration,
                attempt_folder: file.attempt_folder,
            })
        }
        other => Err(format!(
            "it is format {other}, and this version reads formats 1 to {FORMAT}"
        )),
    }
}
