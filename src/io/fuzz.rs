//! What the fuzz targets in `fuzz/` run, shared with the test that replays their corpus
//! (`tests/fuzz_corpus.rs`), so a crash the fuzzer finds stays a test under `cargo test`.
//!
//! Each function takes the raw bytes of a file, reads them as the app would, and returns
//! the promises it broke, in words. An empty list means the input was handled: accepted,
//! or refused with a message that names the file and a position inside the text. A panic
//! is a crash either way.

use std::sync::OnceLock;

use crate::domain::assessment;
use crate::domain::{Attempt, Case, Feedback, Mark, Model, Verdict};

use super::assessment_file::{self, Cohort, Export, Team};
use super::cohort_report::{self, CohortSummary};
use super::error::{FileError, excerpt};
use super::{attempt_file, builtin_model, bundled_cases, lint, load, store};

const CASE_FILE: &str = "fuzz-case.ron";
const ATTEMPT_FILE: &str = "fuzz-attempt.ron";
const ASSESSMENT_FILE: &str = "fuzz-assessment.ron";
const CHANGES_FILE: &str = "fuzz-changes.ron";

/// The built-in model and the first bundled case, read once per process.
fn fixtures() -> Option<&'static (Model, Case)> {
    static FIXTURES: OnceLock<Option<(Model, Case)>> = OnceLock::new();
    FIXTURES
        .get_or_init(|| {
            let model = builtin_model().ok()?;
            let case = bundled_cases(&model).cases.into_iter().next()?.case;
            Some((model, case))
        })
        .as_ref()
}

/// The fixtures and the bytes as text, as the app reads a file; `None` when the bytes are
/// refused (the refusal checked) or the fixtures are missing.
fn read_as_app(
    bytes: &[u8],
    file: &str,
    broken: &mut Vec<String>,
) -> Option<(&'static (Model, Case), String)> {
    let Some(fixtures) = fixtures() else {
        broken.push("the built-in model or cases did not load".to_owned());
        return None;
    };
    match load::decode(bytes.to_vec(), file) {
        Ok(text) => Some((fixtures, text)),
        Err(error) => {
            check_refusal(&error, "", file, broken);
            None
        }
    }
}

/// A case file: decoded, parsed, validated and linted; when it loads, marked as the model
/// would mark it and given feedback.
pub fn case_file(bytes: &[u8]) -> Vec<String> {
    let mut broken = Vec::new();
    let Some(((model, _), text)) = read_as_app(bytes, CASE_FILE, &mut broken) else {
        return broken;
    };
    match load::parse_case(&text, CASE_FILE, model) {
        Err(error) => check_refusal(&error, &text, CASE_FILE, &mut broken),
        Ok(case) => {
            let _warnings = lint::lint(&case, model, &text);
            let blank = Feedback::new(model, &case, &Attempt::new(&case));
            check_agreement(blank.agreement, &mut broken);
            let as_model = model_answers(model, &case);
            let feedback = Feedback::new(model, &case, &as_model);
            if feedback.agreement.is_some_and(|a| (a - 1.0).abs() > 1e-6) {
                broken.push(format!(
                    "marking every factor as the model does scored {:?}, not full agreement",
                    feedback.agreement
                ));
            }
            check_attempt_round_trip(&as_model, None, model, &mut broken);
        }
    }
    broken
}

/// An attempt file: decoded and parsed; when it loads, written back and read again, offered
/// to a seminar on a bundled case, and given feedback against that case.
pub fn attempt_file(bytes: &[u8]) -> Vec<String> {
    let mut broken = Vec::new();
    let Some(((model, case), text)) = read_as_app(bytes, ATTEMPT_FILE, &mut broken) else {
        return broken;
    };
    let record = attempt_file::parse(&text, ATTEMPT_FILE, model);
    match &record {
        Err(error) => check_refusal(error, &text, ATTEMPT_FILE, &mut broken),
        Ok(record) => {
            check_attempt_round_trip(
                &record.attempt,
                record.participant.as_deref(),
                model,
                &mut broken,
            );
            check_agreement(
                Feedback::new(model, case, &record.attempt).agreement,
                &mut broken,
            );
        }
    }
    let mut gathered = attempt_file::Gathered::default();
    gathered.offer(record, case);
    if gathered.accepted.len() + gathered.rejected.len() != 1 {
        broken.push("one attempt offered to a seminar was not counted once".to_owned());
    }
    broken
}

/// An assessment file, as a lead gathers a team's: decoded and parsed; when it loads,
/// written back (with the name and partnership it came with) and read again the same, its
/// team spread counts it once per factor with every split from 0 to 1, and no factor it
/// marks Present is suggested as a place to start. Offered to a team, it is counted once,
/// accepted or set aside.
pub fn assessment_file(bytes: &[u8]) -> Vec<String> {
    let mut broken = Vec::new();
    let Some(((model, case), text)) = read_as_app(bytes, ASSESSMENT_FILE, &mut broken) else {
        return broken;
    };
    let record = assessment_file::parse(&text, ASSESSMENT_FILE, model);
    match &record {
        Err(error) => check_refusal(error, &text, ASSESSMENT_FILE, &mut broken),
        Ok(member) => {
            let export = Export {
                participant: member.participant.as_deref(),
                partnership: member.partnership.is_some(),
                export_id: member.export_id.as_deref(),
            };
            match assessment_file::to_text(&member.assessment, export)
                .map(|again| assessment_file::parse(&again, ASSESSMENT_FILE, model))
            {
                Err(error) => broken.push(format!("an assessment could not be written: {error}")),
                Ok(Err(error)) => broken.push(format!(
                    "an assessment written by the app could not be read back: {}",
                    error.lines().join("; ")
                )),
                Ok(Ok(again)) => {
                    let mut kept = member.assessment.clone();
                    kept.factors.retain(|_, reading| !reading.is_blank());
                    if again.assessment != kept {
                        broken.push("an assessment read back has different readings".to_owned());
                    }
                    if (&again.participant, &again.partnership, &again.export_id)
                        != (&member.participant, &member.partnership, &member.export_id)
                    {
                        broken.push("an assessment read back has a different name".to_owned());
                    }
                }
            }
            for spread in assessment::spread(model, &[&member.assessment]) {
                if spread.tally.total() + spread.unmarked != 1 {
                    broken.push(format!("{} was not counted once", spread.factor));
                }
                if !(0.0..=1.0).contains(&spread.split) {
                    broken.push(format!("the split {} is outside 0 to 1", spread.split));
                }
            }
            for suggestion in assessment::suggest(model, &member.assessment, &[case]) {
                if member.assessment.verdict(&suggestion.factor) == Some(Verdict::Present) {
                    broken.push(format!("{} is Present but suggested", suggestion.factor));
                }
            }
        }
    }
    let mut team = Team::new(None);
    team.offer(record);
    if team.accepted.len() + team.rejected.len() != 1 {
        broken.push("one assessment offered to a team was not counted once".to_owned());
    }
    broken
}

/// A "what changed" file, as a course team gathers them: decoded and parsed; when it
/// loads, written back and read again the same, and the cohort view counts each of its
/// actions once, under one outcome, and renders as Markdown, HTML and CSV. Offered to a
/// cohort, it is counted once, accepted or set aside.
pub fn changes_file(bytes: &[u8]) -> Vec<String> {
    let mut broken = Vec::new();
    let Some(((model, _), text)) = read_as_app(bytes, CHANGES_FILE, &mut broken) else {
        return broken;
    };
    let record = assessment_file::parse_changes(&text, CHANGES_FILE, model);
    match &record {
        Err(error) => check_refusal(error, &text, CHANGES_FILE, &mut broken),
        Ok(record) => {
            let report = &record.report;
            match assessment_file::changes_to_text(report)
                .map(|again| assessment_file::parse_changes(&again, CHANGES_FILE, model))
            {
                Err(error) => broken.push(format!("a report could not be written: {error}")),
                Ok(Err(error)) => broken.push(format!(
                    "a report written by the app could not be read back: {}",
                    error.lines().join("; ")
                )),
                Ok(Ok(again)) if &again.report != report => {
                    broken.push("a report read back is different".to_owned());
                }
                Ok(Ok(_)) => {}
            }
            let rows = assessment::cohort(model, &[report]);
            let actions: u32 = rows.iter().map(|r| r.actions).sum();
            if actions as usize != report.actions.len() {
                broken.push(format!(
                    "the cohort counts {actions} actions of {}",
                    report.actions.len()
                ));
            }
            for row in &rows {
                if row.done + row.partly + row.not_done + row.not_yet != row.actions
                    || row.leaders > 1
                {
                    broken.push(format!(
                        "the cohort row for {:?} does not add up",
                        row.factor
                    ));
                }
            }
            let summary = CohortSummary {
                model,
                reports: &[report],
                rejected: &[],
                date: "2027-01-01",
            };
            if let Err(error) = cohort_report::files(&summary) {
                broken.push(format!("the cohort summary could not be written: {error}"));
            }
        }
    }
    let mut cohort = Cohort::default();
    cohort.offer(record);
    if cohort.accepted.len() + cohort.rejected.len() != 1 {
        broken.push("one report offered to a cohort was not counted once".to_owned());
    }
    broken
}

/// A progress store: parsed; when it loads, written back, read again and written again,
/// and the two texts must match.
pub fn progress_store(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    let Ok(progress) = store::parse(text) else {
        return Vec::new();
    };
    let first = match store::to_text(&progress) {
        Ok(first) => first,
        Err(error) => return vec![format!("a record that loaded could not be saved: {error}")],
    };
    let second = store::parse(&first).map(|again| store::to_text(&again));
    match second {
        Ok(Ok(second)) if second == first => Vec::new(),
        Ok(Ok(_)) => vec!["a saved record read back differently".to_owned()],
        Ok(Err(error)) => vec![format!("a record read back could not be saved: {error}")],
        Err(problem) => vec![format!("a saved record could not be read back: {problem}")],
    }
}

/// A refusal must name the file, say something, and point inside the text.
fn check_refusal(error: &FileError, text: &str, file: &str, broken: &mut Vec<String>) {
    if error.problems.is_empty() {
        broken.push("a file was refused with no problem given".to_owned());
    }
    for line in error.lines() {
        if !line.starts_with(file) {
            broken.push(format!("a message does not name the file: {line}"));
        }
    }
    let last_line = text.lines().count().max(1);
    for problem in &error.problems {
        if problem.kind.to_string().trim().is_empty() {
            broken.push("a problem has no message".to_owned());
        }
        let Some(at) = problem.position else { continue };
        if at.line == 0 || at.column == 0 || at.line > last_line + 1 {
            broken.push(format!(
                "position {at} is outside a text of {last_line} lines"
            ));
        }
        let shown = excerpt(text, at, 2);
        if at.line <= text.lines().count() && !shown.iter().any(|(n, _)| *n == at.line) {
            broken.push(format!("the excerpt for {at} does not show its line"));
        }
    }
}

fn check_agreement(agreement: Option<f32>, broken: &mut Vec<String>) {
    if let Some(a) = agreement
        && !(0.0..=1.0).contains(&a)
    {
        broken.push(format!("agreement {a} is outside 0 to 1"));
    }
}

/// An attempt that marks every factor as the case's model answer does.
fn model_answers(model: &Model, case: &Case) -> Attempt {
    let mut attempt = Attempt::new(case);
    for factor in &model.factors {
        if let Some(answer) = case.answer(&factor.id) {
            attempt.marks.insert(
                factor.id.clone(),
                Mark {
                    verdict: Some(answer.verdict),
                    evidence: answer.evidence.iter().cloned().collect(),
                    ..Mark::default()
                },
            );
        }
    }
    attempt
}

/// Writing an attempt and reading it back gives the same marks and label.
fn check_attempt_round_trip(
    attempt: &Attempt,
    participant: Option<&str>,
    model: &Model,
    broken: &mut Vec<String>,
) {
    let text = match attempt_file::to_text(attempt, participant) {
        Ok(text) => text,
        Err(error) => {
            broken.push(format!("an attempt could not be written: {error}"));
            return;
        }
    };
    match attempt_file::parse(&text, ATTEMPT_FILE, model) {
        Err(error) => broken.push(format!(
            "an attempt written by the app could not be read back: {}",
            error.lines().join("; ")
        )),
        Ok(again) => {
            let mut kept = attempt.clone();
            kept.marks.retain(|_, mark| !mark.is_blank());
            if again.attempt != kept {
                broken.push("an attempt read back has different marks".to_owned());
            }
            if again.participant.as_deref() != participant {
                broken.push("an attempt read back has a different participant".to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{check_agreement, check_refusal};
    use crate::io::{FileError, Position, Problem, ProblemKind};

    #[test]
    fn a_refusal_pointing_past_the_text_or_naming_no_file_is_reported() {
        let text = "one\ntwo";
        let past = FileError::single(
            "a.ron",
            Problem::new(Some(Position { line: 9, column: 1 }), ProblemKind::NotText),
        );
        let mut broken = Vec::new();
        check_refusal(&past, text, "a.ron", &mut broken);
        assert_eq!(broken, vec!["position 9:1 is outside a text of 2 lines"]);

        let mut broken = Vec::new();
        check_refusal(&past, text, "b.ron", &mut broken);
        assert_eq!(broken.len(), 2, "{broken:?}");
        assert!(broken.iter().any(|b| b.contains("does not name the file")));

        let fine = FileError::single(
            "a.ron",
            Problem::new(Some(Position { line: 2, column: 3 }), ProblemKind::NotText),
        );
        let mut broken = Vec::new();
        check_refusal(&fine, text, "a.ron", &mut broken);
        assert!(broken.is_empty(), "{broken:?}");
    }

    #[test]
    fn agreement_outside_zero_to_one_is_reported() {
        let mut broken = Vec::new();
        check_agreement(Some(1.5), &mut broken);
        check_agreement(Some(f32::NAN), &mut broken);
        check_agreement(Some(0.5), &mut broken);
        check_agreement(None, &mut broken);
        assert_eq!(broken.len(), 2, "{broken:?}");
    }
}
