//! What the casebook tells a learning management system (LMS) through SCORM 1.2, as pure
//! functions: the lesson status and score, the session time, and the learner's place and
//! marks in `cmi.suspend_data`. The page's glue (`platform/scorm.rs`) only passes these
//! values to the LMS's API and back.
//!
//! # Status and score
//!
//! A package may be limited to **chosen cases**; without a choice it offers the whole
//! library.
//!
//! - **Status** is `incomplete` until the trainee has checked their answers on every
//!   chosen case (with no choice: on any one case), then `completed`. It never goes back:
//!   a status the LMS already holds as `completed` (or `passed`) stays completed.
//! - **Score** (`cmi.core.score.raw`, 0 to 100, with `score.min` 0 and `score.max` 100)
//!   is agreement with the model, from each case's latest check: the mean of those
//!   agreements as a percentage, rounded to the nearest whole number (halves up). With
//!   chosen cases, a chosen case not yet checked counts as 0, so the score never claims
//!   more than was done; with no choice, the mean is over the cases checked. A case whose
//!   check scored nothing (every factor contested) is left out of the mean. There is no
//!   score until a case counting towards it has been checked.
//!
//! # Suspend data
//!
//! SCORM 1.2 gives content at most 4,096 characters of `cmi.suspend_data`. The casebook
//! keeps there, for each case in scope (the chosen cases; with no choice, every case with
//! work in progress or a check), its marks (verdict, confidence and evidence per factor)
//! and its latest agreement, plus the case and factor the trainee was on. **Notes are
//! never sent**: they stay in the browser's own record.
//!
//! The text is plain ASCII:
//!
//! ```text
//! C1.9;P0.3;universal-credit,2,75,BKd0e0fLA;troubled-families,1,,J
//! ```
//!
//! - `C1.9`: this encoding (1) for a model of 9 factors; data for another model is not read.
//! - `P0.3`: the place: the first case below, the fourth factor (counted from 0).
//! - one record per case: its id, version, latest agreement (`0` to `100`, `n` for a
//!   check that scored nothing, empty if never checked), then its marks: one capital
//!   letter per factor in the model's order (`A` for no mark; otherwise 1 + verdict × 4 +
//!   confidence, verdicts none, Present, Partly, Missing, Can't tell and confidences none,
//!   Low, Medium, High), each followed by its evidence as two base-36 digits per passage
//!   (its place in the case's reading order). Blank marks at the end are left off.
//!
//! A case marked in full takes about 140 characters: the whole bundled library, every
//! factor marked and citing the model's evidence and three more passages, is 2,915 (see
//! `tests/web_build.rs`). When the text would not fit, it is made to fit in this order, and [`Encoded`] says what was left out, for the app to say so:
//!
//! 1. evidence is left off the cases other than the one the trainee is on, the last
//!    first (their verdicts, confidence and scores are kept);
//! 2. cases that are not chosen and not the one the trainee is on are left out, the last
//!    first;
//! 3. then the evidence on the case the trainee is on;
//! 4. then chosen cases, the last first, and the case the trainee is on last of all.
//!
//! Each step is taken only while the text is still too long.
//!
//! What is left out stays in the browser's own record; only a learner who moves to another
//! computer loses it.

use std::collections::BTreeMap;

use super::attempt::Confidence;
use super::case::{CaseId, Verdict};
use super::progress::{CheckedAttempt, Progress};

mod restore;
mod suspend;
#[cfg(test)]
mod tests;

/// The most characters SCORM 1.2 allows in `cmi.suspend_data`.
pub const SUSPEND_DATA_LIMIT: usize = 4096;

/// The encoding written, and read back.
const ENCODING: u32 = 1;

/// A lesson status, as SCORM 1.2 spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LessonStatus {
    /// Started, not yet done.
    Incomplete,
    /// Answers checked on every chosen case.
    Completed,
}

impl LessonStatus {
    /// The value for `cmi.core.lesson_status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Incomplete => "incomplete",
            Self::Completed => "completed",
        }
    }

    /// This status, never lower than what the LMS already holds (`completed` and `passed`
    /// stay completed).
    pub fn at_least(self, held: &str) -> Self {
        if matches!(held, "completed" | "passed") {
            Self::Completed
        } else {
            self
        }
    }
}

/// Where the trainee stands, for the LMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The lesson status.
    pub status: LessonStatus,
    /// Agreement with the model, 0 to 100, once a case counting towards it is checked.
    pub score: Option<u8>,
}

/// The latest check on each case, by case.
fn latest_checks(history: &[CheckedAttempt]) -> BTreeMap<&CaseId, &CheckedAttempt> {
    let mut latest = BTreeMap::new();
    for check in history {
        latest.insert(&check.attempt.case_id, check);
    }
    latest
}

/// Where the trainee stands on the chosen cases (none chosen: the whole library). See the
/// module documentation for the rule.
pub fn standing(progress: &Progress, chosen: &[CaseId]) -> Standing {
    let latest = latest_checks(&progress.history);
    let (status, agreements): (LessonStatus, Vec<Option<f32>>) = if chosen.is_empty() {
        let status = if latest.is_empty() {
            LessonStatus::Incomplete
        } else {
            LessonStatus::Completed
        };
        (status, latest.values().map(|c| c.agreement).collect())
    } else {
        let all = chosen.iter().all(|case| latest.contains_key(case));
        let status = if all {
            LessonStatus::Completed
        } else {
            LessonStatus::Incomplete
        };
        let agreements = chosen
            .iter()
            .map(|case| match latest.get(case) {
                Some(check) => check.agreement,
                None => Some(0.0),
            })
            .collect();
        (status, agreements)
    };
    let any_check = if chosen.is_empty() {
        !latest.is_empty()
    } else {
        chosen.iter().any(|case| latest.contains_key(case))
    };
    let scored: Vec<f64> = agreements.into_iter().flatten().map(f64::from).collect();
    let score = (any_check && !scored.is_empty()).then(|| {
        let mean = scored.iter().sum::<f64>() / scored.len() as f64;
        percent(mean)
    });
    Standing { status, score }
}

/// A fraction from 0 to 1 as a whole percentage, halves up, clamped to 0..=100.
fn percent(fraction: f64) -> u8 {
    // Rounded in hundredths of a percent first, so 0.625 stored as f32 (0.625 exactly) and
    // 0.285 (0.28499...) both round as written.
    let hundredths = (fraction * 10_000.0).round();
    let whole = ((hundredths + 50.0) / 100.0).floor();
    whole.clamp(0.0, 100.0) as u8
}

/// A session's length for `cmi.core.session_time` (SCORM 1.2's `HHHH:MM:SS.SS`), from
/// hundredths of a second. Hours above 9999 are written as 9999:59:59.99.
pub fn session_time(centiseconds: u64) -> String {
    let most = ((9999 * 60 + 59) * 60 + 59) * 100 + 99;
    let c = centiseconds.min(most);
    let hours = c / 360_000;
    let minutes = c / 6_000 % 60;
    let seconds = c / 100 % 60;
    let hundredths = c % 100;
    format!("{hours:04}:{minutes:02}:{seconds:02}.{hundredths:02}")
}

/// One case's part of the suspend data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseData {
    /// The case.
    pub case: CaseId,
    /// Its version.
    pub version: u32,
    /// Its latest check: `None` never checked, `Some(None)` checked with nothing scored,
    /// `Some(Some(percent))` its agreement.
    pub check: Option<Option<u8>>,
    /// Marks, per factor in the model's order: verdict, confidence and evidence (places in
    /// the case's reading order).
    pub marks: Vec<(Option<Verdict>, Option<Confidence>, Vec<usize>)>,
}

/// The suspend data as values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuspendData {
    /// Each case's marks.
    pub cases: Vec<CaseData>,
    /// The place: which of `cases`, and the factor.
    pub place: Option<(usize, usize)>,
}

/// The suspend data as text, and what had to be left out to fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    /// The text, at most [`SUSPEND_DATA_LIMIT`] characters.
    pub text: String,
    /// Cases whose evidence was left out.
    pub evidence_left_out: Vec<CaseId>,
    /// Cases left out altogether.
    pub cases_left_out: Vec<CaseId>,
}

/// The base-36 digits evidence is written in, two a passage.
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Whether a case id can be written as it is (validated ids always can).
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
