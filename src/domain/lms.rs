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
use std::fmt::Write as _;

use super::attempt::{Attempt, Confidence, Mark};
use super::case::{Case, CaseId, PassageId, Verdict};
use super::model::Model;
use super::progress::{CheckedAttempt, Place, Progress};

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

/// The value of a verdict in the mark letter.
fn verdict_code(verdict: Option<Verdict>) -> u8 {
    match verdict {
        None => 0,
        Some(Verdict::Present) => 1,
        Some(Verdict::Partly) => 2,
        Some(Verdict::Missing) => 3,
        Some(Verdict::CantTell) => 4,
    }
}

fn confidence_code(confidence: Option<Confidence>) -> u8 {
    match confidence {
        None => 0,
        Some(Confidence::Low) => 1,
        Some(Confidence::Medium) => 2,
        Some(Confidence::High) => 3,
    }
}

/// Most passages an evidence reference can name (two base-36 digits).
const MAX_PASSAGE: usize = 36 * 36;
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A base-36 digit (`0` for anything out of range, which the callers never pass).
fn digit(n: usize) -> char {
    DIGITS.get(n).map_or('0', |d| char::from(*d))
}

/// The value of a base-36 digit.
fn digit_value(byte: u8) -> Option<usize> {
    DIGITS.iter().position(|d| *d == byte)
}

/// Whether a case id can be written as it is (validated ids always can).
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl CaseData {
    /// A case's marks and latest check from the record.
    pub fn of(model: &Model, case: &Case, progress: &Progress) -> Self {
        let reading: Vec<&PassageId> = case.passages().map(|p| &p.id).collect();
        let attempt = progress
            .attempts
            .get(&case.id)
            .filter(|a| a.case_version == case.version);
        let marks = model
            .factors
            .iter()
            .map(|factor| {
                let Some(mark) = attempt.and_then(|a| a.mark(&factor.id)) else {
                    return (None, None, Vec::new());
                };
                let evidence = mark
                    .evidence
                    .iter()
                    .filter_map(|id| reading.iter().position(|p| *p == id))
                    .filter(|&i| i < MAX_PASSAGE)
                    .collect();
                (mark.verdict, mark.confidence, evidence)
            })
            .collect();
        let check = latest_checks(&progress.history)
            .get(&case.id)
            .map(|c| c.agreement.map(|a| percent(f64::from(a))));
        Self {
            case: case.id.clone(),
            version: case.version,
            check,
            marks,
        }
    }

    fn write(&self, out: &mut String, evidence: bool) {
        let check = match self.check {
            None => String::new(),
            Some(None) => "n".to_owned(),
            Some(Some(p)) => p.to_string(),
        };
        write!(out, "{},{},{},", self.case, self.version, check).ok();
        let last = self
            .marks
            .iter()
            .rposition(|(v, c, e)| v.is_some() || c.is_some() || (evidence && !e.is_empty()))
            .map_or(0, |i| i + 1);
        for (verdict, confidence, passages) in self.marks.iter().take(last) {
            out.push(char::from(
                b'A' + verdict_code(*verdict) * 4 + confidence_code(*confidence),
            ));
            if evidence {
                for &p in passages {
                    out.push(digit(p / 36));
                    out.push(digit(p % 36));
                }
            }
        }
    }
}

impl SuspendData {
    /// What to keep for the LMS: the chosen cases (none chosen: every case in `cases` with
    /// work in progress or a check), in the order given, and the place if it is on one of
    /// them.
    pub fn of(model: &Model, cases: &[&Case], chosen: &[CaseId], progress: &Progress) -> Self {
        let in_scope = |case: &&&Case| {
            if chosen.is_empty() {
                progress.attempts.contains_key(&case.id)
                    || progress
                        .history
                        .iter()
                        .any(|h| h.attempt.case_id == case.id)
            } else {
                chosen.contains(&case.id)
            }
        };
        let cases: Vec<CaseData> = cases
            .iter()
            .filter(in_scope)
            .filter(|case| plain_id(case.id.as_str()))
            .map(|case| CaseData::of(model, case, progress))
            .collect();
        let place = progress.place.as_ref().and_then(|Place { case, factor }| {
            let at = cases.iter().position(|c| &c.case == case)?;
            Some((at, *factor))
        });
        Self { cases, place }
    }

    /// The text, made to fit [`SUSPEND_DATA_LIMIT`] by the order in the module
    /// documentation. `factors` is the model's number of factors.
    pub fn encode(&self, factors: usize, chosen: &[CaseId]) -> Encoded {
        let placed = self.place.map(|(at, _)| at);
        // Per case: whether it is kept, and whether its evidence is.
        let mut cut = vec![(true, true); self.cases.len()];
        let mut encoded = Encoded {
            text: String::new(),
            evidence_left_out: Vec::new(),
            cases_left_out: Vec::new(),
        };
        // The steps, each a case to cut: its evidence (false) or all of it (true).
        let other = |i: &usize| Some(*i) != placed;
        let not_chosen =
            |i: &usize| other(i) && !self.cases.get(*i).is_some_and(|c| chosen.contains(&c.case));
        let n = self.cases.len();
        let mut steps: Vec<(usize, bool)> = Vec::new();
        steps.extend((0..n).rev().filter(other).map(|i| (i, false)));
        steps.extend((0..n).rev().filter(not_chosen).map(|i| (i, true)));
        steps.extend(placed.map(|i| (i, false)));
        steps.extend(
            (0..n)
                .rev()
                .filter(|i| other(i) && !not_chosen(i))
                .map(|i| (i, true)),
        );
        steps.extend(placed.map(|i| (i, true)));
        let mut steps = steps.into_iter();
        loop {
            encoded.text = self.text(factors, &cut);
            if encoded.text.len() <= SUSPEND_DATA_LIMIT {
                break;
            }
            let Some((i, whole)) = steps.next() else {
                // Nothing left to cut: the header alone always fits.
                encoded.text.truncate(SUSPEND_DATA_LIMIT);
                break;
            };
            if let Some((kept, evidence)) = cut.get_mut(i) {
                if whole {
                    *kept = false;
                } else {
                    *evidence = false;
                }
            }
        }
        for (case, (kept, evidence)) in self.cases.iter().zip(&cut) {
            if !kept {
                encoded.cases_left_out.push(case.case.clone());
            } else if !evidence && case.marks.iter().any(|(_, _, e)| !e.is_empty()) {
                encoded.evidence_left_out.push(case.case.clone());
            }
        }
        encoded
    }

    fn text(&self, factors: usize, cut: &[(bool, bool)]) -> String {
        let mut out = format!("C{ENCODING}.{factors}");
        let kept: Vec<(usize, &CaseData, bool)> = self
            .cases
            .iter()
            .zip(cut)
            .enumerate()
            .filter(|(_, (_, (kept, _)))| *kept)
            .map(|(i, (case, (_, evidence)))| (i, case, *evidence))
            .collect();
        if let Some((at, factor)) = self.place
            && let Some(written) = kept.iter().position(|(i, _, _)| *i == at)
        {
            write!(out, ";P{written}.{factor}").ok();
        }
        for (_, case, evidence) in kept {
            out.push(';');
            case.write(&mut out, evidence);
        }
        out
    }

    /// Reads suspend data written by [`Self::encode`] for a model of `factors` factors.
    /// Anything else (another model, another encoding, damaged text) is refused with a
    /// reason; a case record that cannot be read is skipped.
    pub fn decode(text: &str, factors: usize) -> Result<Self, String> {
        let mut parts = text.split(';');
        let header = parts.next().unwrap_or_default();
        let expected = format!("C{ENCODING}.{factors}");
        if header != expected {
            return Err(if header.starts_with('C') {
                "it was saved by another version of the casebook".to_owned()
            } else {
                "it is not the casebook's".to_owned()
            });
        }
        let mut data = Self::default();
        let mut place = None;
        for part in parts {
            if let Some(rest) = part.strip_prefix('P') {
                // A damaged place is passed over: the marks still come back.
                place = rest.split_once('.').and_then(|(at, factor)| {
                    let at: usize = at.parse().ok()?;
                    let factor: usize = factor.parse().ok()?;
                    Some((at, factor.min(factors.saturating_sub(1))))
                });
                continue;
            }
            if let Some(case) = read_case(part, factors) {
                data.cases.push(case);
            }
        }
        data.place = place.filter(|(at, _)| *at < data.cases.len());
        Ok(data)
    }

    /// Puts what the LMS kept into the record: each case's marks replace the work in
    /// progress on that case (its notes kept), a check the record does not have is added
    /// (with its agreement; which factors it misjudged is not kept, so it adds nothing to
    /// the review queue), and the place is restored. A case not in `cases`, or of another
    /// version, is skipped and named in what comes back.
    pub fn restore(
        &self,
        model: &Model,
        cases: &[&Case],
        progress: &mut Progress,
        when: chrono::DateTime<chrono::Utc>,
    ) -> Vec<CaseId> {
        let mut skipped = Vec::new();
        for data in &self.cases {
            let Some(case) = cases
                .iter()
                .find(|c| c.id == data.case && c.version == data.version)
            else {
                skipped.push(data.case.clone());
                continue;
            };
            let reading: Vec<&PassageId> = case.passages().map(|p| &p.id).collect();
            let mut attempt = Attempt::new(case);
            let old = progress
                .attempts
                .get(&case.id)
                .filter(|a| a.case_version == case.version);
            for (factor, (verdict, confidence, evidence)) in model.factors.iter().zip(&data.marks) {
                let note = old
                    .and_then(|a| a.mark(&factor.id))
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                let mark = Mark {
                    verdict: *verdict,
                    confidence: *confidence,
                    evidence: evidence
                        .iter()
                        .filter_map(|&i| reading.get(i).map(|p| (*p).clone()))
                        .collect(),
                    note,
                };
                if !mark.is_blank() {
                    attempt.marks.insert(factor.id.clone(), mark);
                }
            }
            // Notes on factors the LMS had no mark for are kept too.
            if let Some(old) = old {
                for (factor, mark) in &old.marks {
                    if !mark.note.is_empty() && !attempt.marks.contains_key(factor) {
                        attempt.marks.insert(
                            factor.clone(),
                            Mark {
                                note: mark.note.clone(),
                                ..Mark::default()
                            },
                        );
                    }
                }
            }
            if let Some(check) = data.check
                && !progress
                    .history
                    .iter()
                    .any(|h| h.attempt.case_id == case.id)
            {
                progress.history.push(CheckedAttempt {
                    when,
                    attempt: attempt.clone(),
                    agreement: check.map(|p| f32::from(p) / 100.0),
                    confident_and_wrong: 0,
                    misjudged: Vec::new(),
                });
            }
            progress.attempts.insert(case.id.clone(), attempt);
        }
        if let Some((at, factor)) = self.place
            && let Some(data) = self.cases.get(at)
            && !skipped.contains(&data.case)
        {
            progress.place = Some(Place {
                case: data.case.clone(),
                factor,
            });
        }
        skipped
    }
}

/// One case record, or `None` if it cannot be read.
fn read_case(part: &str, factors: usize) -> Option<CaseData> {
    let mut fields = part.splitn(4, ',');
    let id = fields.next()?;
    let version: u32 = fields.next()?.parse().ok()?;
    let check = match fields.next()? {
        "" => None,
        "n" => Some(None),
        p => Some(Some(p.parse::<u8>().ok().filter(|p| *p <= 100)?)),
    };
    let letters = fields.next()?;
    if !plain_id(id) {
        return None;
    }
    let mut marks = Vec::new();
    let mut bytes = letters.bytes().peekable();
    while let Some(letter) = bytes.next() {
        let code = letter.checked_sub(b'A').filter(|c| *c < 20)?;
        let verdict = match code / 4 {
            0 => None,
            1 => Some(Verdict::Present),
            2 => Some(Verdict::Partly),
            3 => Some(Verdict::Missing),
            _ => Some(Verdict::CantTell),
        };
        let confidence = match code % 4 {
            0 => None,
            1 => Some(Confidence::Low),
            2 => Some(Confidence::Medium),
            _ => Some(Confidence::High),
        };
        let mut evidence = Vec::new();
        while let Some(high) = bytes.next_if(|b| !b.is_ascii_uppercase()) {
            // Two digits a passage: a digit alone, or anything else, is damage.
            let low = bytes.next()?;
            evidence.push(digit_value(high)? * 36 + digit_value(low)?);
        }
        marks.push((verdict, confidence, evidence));
    }
    if marks.len() > factors {
        return None;
    }
    marks.resize(factors, (None, None, Vec::new()));
    Some(CaseData {
        case: CaseId::new(id),
        version,
        check,
        marks,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::domain::Feedback;
    use crate::domain::fixtures::{answer, case as case_of, model as model_of};
    use crate::domain::model::FactorId;

    fn model() -> Model {
        model_of(&["a", "b", "c"])
    }

    /// Three factors: a Present (p1), b Partly (p2), c Missing (p3).
    fn case(id: &str) -> Case {
        case_of(
            id,
            &["p1", "p2", "p3", "p4"],
            vec![
                answer("a", Present, &["p1"]),
                answer("b", Partly, &["p2"]),
                answer("c", Missing, &["p3"]),
            ],
        )
    }

    fn when() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap()
    }

    fn f(id: &str) -> FactorId {
        FactorId::new(id)
    }

    /// An attempt with these verdicts on a, b, c.
    fn attempt(case: &Case, verdicts: [Option<Verdict>; 3]) -> Attempt {
        let mut attempt = Attempt::new(case);
        for (factor, verdict) in ["a", "b", "c"].iter().zip(verdicts) {
            if verdict.is_some() {
                attempt.set_verdict(&f(factor), verdict);
            }
        }
        attempt
    }

    fn check(progress: &mut Progress, case: &Case, verdicts: [Option<Verdict>; 3]) {
        let attempt = attempt(case, verdicts);
        let feedback = Feedback::new(&model(), case, &attempt);
        progress.record_check(case, &attempt, &feedback, when());
    }

    use Verdict::{Missing, Partly, Present};

    #[test]
    fn nothing_checked_is_incomplete_with_no_score() {
        let progress = Progress::default();
        let expected = Standing {
            status: LessonStatus::Incomplete,
            score: None,
        };
        assert_eq!(standing(&progress, &[]), expected);
        assert_eq!(standing(&progress, &[CaseId::new("x")]), expected);
    }

    #[test]
    fn chosen_cases_complete_when_each_is_checked_and_unchecked_ones_count_zero() {
        let (x, y) = (case("x"), case("y"));
        let chosen = [x.id.clone(), y.id.clone()];
        let mut progress = Progress::default();
        // All three right: 100%.
        check(
            &mut progress,
            &x,
            [Some(Present), Some(Partly), Some(Missing)],
        );
        assert_eq!(
            standing(&progress, &chosen),
            Standing {
                status: LessonStatus::Incomplete,
                score: Some(50),
            }
        );
        // One right, one a step off (half), one two steps off: 1.5 / 3 = 50%.
        check(
            &mut progress,
            &y,
            [Some(Present), Some(Present), Some(Present)],
        );
        assert_eq!(
            standing(&progress, &chosen),
            Standing {
                status: LessonStatus::Completed,
                score: Some(75),
            }
        );
        // The latest check counts: x again, one step off on a (2.5 / 3 = 83.33%).
        check(
            &mut progress,
            &x,
            [Some(Partly), Some(Partly), Some(Missing)],
        );
        // (0.8333 + 0.5) / 2 = 66.67% -> 67.
        assert_eq!(standing(&progress, &chosen).score, Some(67));
        // A case checked but not chosen does not count.
        check(&mut progress, &case("z"), [None, None, None]);
        assert_eq!(standing(&progress, &chosen).score, Some(67));
    }

    #[test]
    fn with_no_choice_any_check_completes_and_the_mean_is_over_cases_checked() {
        let mut progress = Progress::default();
        check(
            &mut progress,
            &case("x"),
            [Some(Present), Some(Partly), None],
        );
        // Two right of three scored factors (the unmarked one earns nothing): 66.67 -> 67.
        assert_eq!(
            standing(&progress, &[]),
            Standing {
                status: LessonStatus::Completed,
                score: Some(67),
            }
        );
        check(
            &mut progress,
            &case("y"),
            [Some(Missing), Some(Missing), Some(Present)],
        );
        // y: 0 + 0.5 + 0 = 1/6 = 16.67%; mean (66.67 + 16.67) / 2 = 41.67 -> 42.
        assert_eq!(standing(&progress, &[]).score, Some(42));
    }

    #[test]
    fn halves_round_up_and_the_status_never_goes_back() {
        assert_eq!(percent(0.625), 63);
        assert_eq!(percent(0.285), 29);
        assert_eq!(percent(0.284_9), 28);
        assert_eq!(percent(1.2), 100);
        assert_eq!(
            LessonStatus::Incomplete.at_least("completed"),
            LessonStatus::Completed
        );
        assert_eq!(
            LessonStatus::Incomplete.at_least("passed"),
            LessonStatus::Completed
        );
        assert_eq!(
            LessonStatus::Incomplete.at_least("incomplete"),
            LessonStatus::Incomplete
        );
        assert_eq!(
            LessonStatus::Incomplete.at_least(""),
            LessonStatus::Incomplete
        );
        assert_eq!(LessonStatus::Completed.as_str(), "completed");
    }

    #[test]
    fn session_time_is_hhhh_mm_ss_ss() {
        assert_eq!(session_time(0), "0000:00:00.00");
        assert_eq!(session_time(6_525), "0000:01:05.25");
        assert_eq!(
            session_time(360_000 * 27 + 6_000 * 3 + 100 * 4 + 5),
            "0027:03:04.05"
        );
        assert_eq!(session_time(u64::MAX), "9999:59:59.99");
    }

    fn marked_record() -> (Progress, Case, Case) {
        let (x, y) = (case("x"), case("y"));
        let mut progress = Progress::default();
        let mut work = attempt(&x, [Some(Present), None, Some(Missing)]);
        work.set_confidence(&f("a"), Some(Confidence::High));
        work.toggle_evidence(&f("a"), &PassageId::new("p1"));
        work.toggle_evidence(&f("a"), &PassageId::new("p4"));
        work.set_note(&f("b"), "A private thought.".to_owned());
        progress.attempts.insert(x.id.clone(), work);
        check(
            &mut progress,
            &y,
            [Some(Present), Some(Present), Some(Present)],
        );
        progress.place = Some(Place {
            case: x.id.clone(),
            factor: 2,
        });
        (progress, x, y)
    }

    #[test]
    fn the_record_encodes_exactly_with_no_notes() {
        let (progress, x, y) = marked_record();
        let data = SuspendData::of(&model(), &[&x, &y], &[], &progress);
        let encoded = data.encode(3, &[]);
        // x: a = 1 + Present(1) * 4 + High(3) = 8th letter after A: "H", evidence p1 (00)
        // and p4 (03); b blank "A"; c Missing with no confidence: 3 * 4 = "M".
        // y: checked at 50% (Present on all three), with no work in progress: no marks.
        assert_eq!(encoded.text, "C1.3;P0.2;x,1,,H0003AM;y,1,50,");
        assert!(!encoded.text.contains("private"));
        assert!(encoded.evidence_left_out.is_empty());
        assert!(encoded.cases_left_out.is_empty());
    }

    #[test]
    fn suspend_data_round_trips_into_a_fresh_record() {
        let (progress, x, y) = marked_record();
        let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
            .encode(3, &[])
            .text;
        let decoded = SuspendData::decode(&text, 3).unwrap();
        let mut fresh = Progress::default();
        let skipped = decoded.restore(&model(), &[&x, &y], &mut fresh, when());
        assert!(skipped.is_empty());
        assert_eq!(fresh.place, progress.place);
        let restored = &fresh.attempts[&x.id];
        let original = &progress.attempts[&x.id];
        assert_eq!(restored.verdict(&f("a")), Some(Present));
        assert_eq!(restored.mark(&f("a")), original.mark(&f("a")));
        assert_eq!(restored.verdict(&f("c")), Some(Missing));
        // The note never left the browser.
        assert_eq!(restored.mark(&f("b")), None);
        assert_eq!(fresh.history.len(), 1);
        assert_eq!(fresh.history[0].agreement, Some(0.5));
        // The score the LMS sees is the same from the restored record.
        assert_eq!(standing(&fresh, &[]), standing(&progress, &[]));
    }

    #[test]
    fn restoring_keeps_local_notes_and_does_not_repeat_a_check() {
        let (progress, x, y) = marked_record();
        let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
            .encode(3, &[])
            .text;
        let mut local = progress.clone();
        local
            .attempts
            .get_mut(&x.id)
            .unwrap()
            .set_verdict(&f("c"), None);
        SuspendData::decode(&text, 3)
            .unwrap()
            .restore(&model(), &[&x, &y], &mut local, when());
        assert_eq!(local.attempts[&x.id], progress.attempts[&x.id]);
        assert_eq!(local.history.len(), 1);
    }

    #[test]
    fn another_version_or_model_is_not_read() {
        let (progress, x, y) = marked_record();
        let text = SuspendData::of(&model(), &[&x, &y], &[], &progress)
            .encode(3, &[])
            .text;
        assert!(SuspendData::decode(&text, 9).is_err());
        assert!(SuspendData::decode("hello", 3).is_err());
        assert!(SuspendData::decode("", 3).is_err());
        let mut x2 = x.clone();
        x2.version = 2;
        let mut fresh = Progress::default();
        let skipped = SuspendData::decode(&text, 3).unwrap().restore(
            &model(),
            &[&x2, &y],
            &mut fresh,
            when(),
        );
        assert_eq!(skipped, vec![x.id.clone()]);
        assert!(!fresh.attempts.contains_key(&x.id));
        assert_eq!(fresh.place, None);
    }

    #[test]
    fn damaged_text_is_read_as_far_as_it_goes_and_never_panics() {
        let data =
            SuspendData::decode("C1.3;P7.1;x,1,,H00z;y,1,101,E;z,x,,E;w,1,n,EEEE;v,1,,E0", 3)
                .unwrap();
        // x has a bad digit, y a score over 100, z a bad version, w too many marks, v an
        // odd digit: all skipped; the place names no case left.
        assert_eq!(data, SuspendData::default());
        for text in [
            "C1.3;",
            "C1.3;;;",
            "C1.3;P",
            "C1.3;P.",
            "C1.3;x",
            "C1.3;x,1",
            "C1.3;x,1,,a",
        ] {
            assert!(SuspendData::decode(text, 3).is_ok(), "{text}");
        }
        let data = SuspendData::decode("C1.3;P0.99;x,1,n,", 3).unwrap();
        assert_eq!(data.place, Some((0, 2)));
        assert_eq!(data.cases[0].check, Some(None));
    }

    /// A case with many passages, each factor citing `cited` of them.
    fn long_case(id: &str) -> Case {
        let passages: Vec<String> = (0..100).map(|i| format!("p{i}")).collect();
        let names: Vec<&str> = passages.iter().map(String::as_str).collect();
        case_of(
            id,
            &names,
            vec![
                answer("a", Present, &["p1"]),
                answer("b", Partly, &["p2"]),
                answer("c", Missing, &["p3"]),
            ],
        )
    }

    fn heavy_attempt(case: &Case) -> Attempt {
        let mut attempt = attempt(case, [Some(Present), Some(Partly), Some(Missing)]);
        for factor in ["a", "b", "c"] {
            for p in 0..100 {
                attempt.toggle_evidence(&f(factor), &PassageId::new(format!("p{p}")));
            }
        }
        attempt
    }

    /// Cases with these ids, each marked with `heavy_attempt`, the trainee on `place`.
    fn heavy_record(ids: &[String], place: (usize, usize)) -> (Vec<Case>, Progress) {
        let cases: Vec<Case> = ids.iter().map(|id| long_case(id)).collect();
        let mut progress = Progress::default();
        for case in &cases {
            progress
                .attempts
                .insert(case.id.clone(), heavy_attempt(case));
        }
        progress.place = Some(Place {
            case: cases[place.0].id.clone(),
            factor: place.1,
        });
        (cases, progress)
    }

    #[test]
    fn when_it_would_not_fit_evidence_goes_first_then_cases_not_chosen() {
        // 12 cases, each citing every one of 100 passages on 3 factors: about 620
        // characters each, 7,400 in all.
        let ids: Vec<String> = (0..12).map(|i| format!("case-{i:02}")).collect();
        let (cases, progress) = heavy_record(&ids, (5, 1));
        let refs: Vec<&Case> = cases.iter().collect();
        let data = SuspendData::of(&model(), &refs, &[], &progress);
        let encoded = data.encode(3, &[]);
        assert!(encoded.text.len() <= SUSPEND_DATA_LIMIT);
        // Each case is 615 characters (600 of them evidence), 7,389 in all: the evidence of
        // the last six (not the case the trainee is on) goes, leaving 3,789.
        let ids: Vec<CaseId> = cases[6..].iter().map(|c| c.id.clone()).collect();
        assert_eq!(encoded.evidence_left_out, ids);
        assert_eq!(encoded.text.len(), 3_789);
        assert!(encoded.cases_left_out.is_empty());
        let back = SuspendData::decode(&encoded.text, 3).unwrap();
        assert_eq!(back.cases.len(), 12);
        assert_eq!(back.place, Some((5, 1)));
        assert_eq!(back.cases[5].marks[0].2.len(), 100);
        assert_eq!(back.cases[0].marks[0].2.len(), 100);
        assert_eq!(back.cases[11].marks[0], (Some(Present), None, Vec::new()));

        // 400 such cases do not fit even without evidence: cases not chosen go, last
        // first, and the chosen ones and the place stay.
        let ids: Vec<String> = (0..400)
            .map(|i| format!("a-rather-long-case-id-{i:03}"))
            .collect();
        let (cases, progress) = heavy_record(&ids, (399, 0));
        let refs: Vec<&Case> = cases.iter().collect();
        let chosen = [cases[398].id.clone()];
        let data = SuspendData::of(&model(), &refs, &[], &progress);
        let encoded = data.encode(3, &chosen);
        assert!(encoded.text.len() <= SUSPEND_DATA_LIMIT);
        let back = SuspendData::decode(&encoded.text, 3).unwrap();
        let ids: Vec<&CaseId> = back.cases.iter().map(|c| &c.case).collect();
        assert!(ids.contains(&&cases[398].id));
        assert!(ids.contains(&&cases[399].id));
        assert!(ids.contains(&&cases[0].id));
        assert!(!ids.contains(&&cases[397].id));
        assert_eq!(back.cases.len() + encoded.cases_left_out.len(), 400);
        assert_eq!(
            back.place.map(|(at, _)| &back.cases[at].case),
            Some(&cases[399].id)
        );
        assert_eq!(back.cases.last().unwrap().marks[0].2.len(), 100);
    }

    #[test]
    fn every_bundled_shape_fits_the_limit() {
        // 21 cases (the bundled number), 9 factors, each citing 3 passages of 60: the
        // whole library marked fully fits with room to spare.
        let model = model_of(&["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
        let passages: Vec<String> = (0..60).map(|i| format!("p{i}")).collect();
        let names: Vec<&str> = passages.iter().map(String::as_str).collect();
        let cases: Vec<Case> = (0..21)
            .map(|i| {
                case_of(
                    &format!("a-case-with-an-id-of-thirty-{i:02}"),
                    &names,
                    Vec::new(),
                )
            })
            .collect();
        let mut progress = Progress::default();
        for case in &cases {
            let mut attempt = Attempt::new(case);
            for factor in &model.factors {
                attempt.set_verdict(&factor.id, Some(Partly));
                attempt.set_confidence(&factor.id, Some(Confidence::Medium));
                for p in [7, 21, 50] {
                    attempt.toggle_evidence(&factor.id, &PassageId::new(format!("p{p}")));
                }
            }
            progress.attempts.insert(case.id.clone(), attempt);
        }
        let refs: Vec<&Case> = cases.iter().collect();
        let encoded = SuspendData::of(&model, &refs, &[], &progress).encode(9, &[]);
        assert!(encoded.evidence_left_out.is_empty());
        // 21 * (id 30 + ",1,," 4 + 9 * 7 marks + ";" 1) + header 4 = 2,062.
        assert_eq!(encoded.text.len(), 2_062);
    }
}
