//! What changed, for a course team: the report a user chooses to share, and the
//! cohort's view across many reports.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::super::model::{FactorId, Model};

use super::{History, Moved, Movement, Outcome};

/// What the user chooses to share with a course team.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShareChoices {
    /// Include the partnership's name.
    pub partnership: bool,
    /// Include personal notes: who each action was with, what got in the way, and the
    /// assessment's notes.
    pub personal_notes: bool,
}

/// One action as reported to a course team.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportedAction {
    /// The factor it worked on.
    pub factor: Option<FactorId>,
    /// What they did.
    pub what: String,
    /// The look-back date.
    pub look_back: NaiveDate,
    /// How it went, once looked back on.
    pub outcome: Option<Outcome>,
    /// What changed.
    pub changed: String,
    /// Who with: a personal note.
    pub with_whom: Option<String>,
    /// What got in the way: a personal note.
    pub in_the_way: Option<String>,
}

/// "What changed": the actions of one assessment and what changed, for a course team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeReport {
    /// The participant's name or label, if they add one.
    pub participant: Option<String>,
    /// The partnership's name, only if they chose to include it.
    pub partnership: Option<String>,
    /// The day of the assessment the actions belong to.
    pub made_on: NaiveDate,
    /// The actions.
    pub actions: Vec<ReportedAction>,
    /// Factors whose verdict changed since the assessment before, when there was one.
    pub moved: Vec<Moved>,
    /// The assessment's personal notes, only if chosen.
    pub notes: Option<String>,
}

impl ChangeReport {
    /// The report for the newest assessment in the history, with only what the user chose
    /// to share. `None` when there is no assessment.
    pub fn from_history(
        model: &Model,
        history: &History,
        participant: Option<&str>,
        share: ShareChoices,
    ) -> Option<Self> {
        let latest = history.latest()?;
        let personal = |text: &str| {
            (share.personal_notes && !text.trim().is_empty()).then(|| text.trim().to_owned())
        };
        Some(Self {
            participant: participant
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned),
            partnership: share
                .partnership
                .then(|| latest.partnership.trim().to_owned())
                .filter(|p| !p.is_empty()),
            made_on: latest.made_on,
            actions: latest
                .plan
                .iter()
                .map(|action| ReportedAction {
                    factor: action.factor.clone(),
                    what: action.what.clone(),
                    look_back: action.look_back,
                    outcome: action.answer.as_ref().map(|a| a.outcome),
                    changed: action
                        .answer
                        .as_ref()
                        .map(|a| a.changed.clone())
                        .unwrap_or_default(),
                    with_whom: personal(&action.with_whom),
                    in_the_way: action.answer.as_ref().and_then(|a| personal(&a.in_the_way)),
                })
                .collect(),
            moved: history
                .last_moved(model)
                .map(|m| m.changed().cloned().collect())
                .unwrap_or_default(),
            notes: personal(&latest.notes),
        })
    }
}

/// What a cohort reports about one factor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortFactor {
    /// The factor; `None` for actions tied to no factor.
    pub factor: Option<FactorId>,
    /// How many reports have at least one action on it.
    pub leaders: u32,
    /// Actions on it.
    pub actions: u32,
    /// Of those, how many were done, partly done, not done, and not yet looked back on.
    pub done: u32,
    /// Partly done.
    pub partly: u32,
    /// Not done.
    pub not_done: u32,
    /// Not yet looked back on.
    pub not_yet: u32,
    /// How many reports say its verdict moved towards Present.
    pub moved_up: u32,
    /// How many say it moved towards Missing.
    pub moved_down: u32,
    /// What they report changed, in report and plan order (empty answers left out).
    pub changed: Vec<String>,
}

/// Across a cohort: per factor, in the model's order, who worked on it and what they
/// report changed. Factors nobody worked on and nobody saw move are left out; actions tied
/// to no factor (or to one the model does not have) come last, under `None`.
pub fn cohort(model: &Model, reports: &[&ChangeReport]) -> Vec<CohortFactor> {
    let mut rows: Vec<CohortFactor> = model
        .factors
        .iter()
        .map(|f| Some(f.id.clone()))
        .chain([None])
        .map(|factor| CohortFactor {
            factor,
            ..CohortFactor::default()
        })
        .collect();
    let index = |factor: Option<&FactorId>| {
        let known = factor.filter(|f| model.factor(f).is_some());
        rows_position(model, known)
    };
    for report in reports {
        let mut worked = BTreeSet::new();
        for action in &report.actions {
            let at = index(action.factor.as_ref());
            worked.insert(at);
            if let Some(row) = rows.get_mut(at) {
                row.actions += 1;
                match action.outcome {
                    Some(Outcome::Done) => row.done += 1,
                    Some(Outcome::Partly) => row.partly += 1,
                    Some(Outcome::NotDone) => row.not_done += 1,
                    None => row.not_yet += 1,
                }
                if !action.changed.trim().is_empty() {
                    row.changed.push(action.changed.trim().to_owned());
                }
            }
        }
        for at in worked {
            if let Some(row) = rows.get_mut(at) {
                row.leaders += 1;
            }
        }
        for m in &report.moved {
            if model.factor(&m.factor).is_none() {
                continue;
            }
            if let Some(row) = rows.get_mut(index(Some(&m.factor))) {
                match m.movement() {
                    Movement::Up(_) => row.moved_up += 1,
                    Movement::Down(_) => row.moved_down += 1,
                    Movement::Same | Movement::CannotCompare => {}
                }
            }
        }
    }
    rows.retain(|r| r.actions > 0 || r.moved_up > 0 || r.moved_down > 0);
    rows
}

/// The row for a factor in [`cohort`]'s table: its place in the model, or the last row.
fn rows_position(model: &Model, factor: Option<&FactorId>) -> usize {
    factor
        .and_then(|f| model.factors.iter().position(|m| &m.id == f))
        .unwrap_or(model.factors.len())
}
