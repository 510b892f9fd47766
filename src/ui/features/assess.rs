//! Your own collaboration: assessing a partnership the user is part of, factor by factor
//! and then its barriers; a plan of one to three actions from the model's suggestions;
//! looking back on them when they fall due; and the team's and the course team's views
//! (see [`super::assess_share`]). Everything the user writes goes straight into the record
//! (`progress.collaboration`), so it is saved as they go, with the rest of the record.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::assessment::{Action, Assessment, LookBack, Outcome};
use crate::domain::{BarrierId, Confidence, FactorId, Verdict};

use super::super::effect::{Effect, Effects};
use super::super::state::{Screen, State};
use super::assess_share::{self, ShareAction};

/// Days from the assessment to an action's look-back date, until the user changes it.
pub const LOOK_BACK_DAYS: u64 = 28;

/// Which page of your own collaboration is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessPage {
    /// Start an assessment, continue one, look back, share.
    Home,
    /// One factor of an assessment, by positions in the history and in the model.
    Factor {
        /// The assessment.
        index: usize,
        /// The factor.
        factor: usize,
    },
    /// The barriers at work.
    Barriers {
        /// The assessment.
        index: usize,
    },
    /// What moved, where to start, and the plan.
    Plan {
        /// The assessment.
        index: usize,
    },
    /// Actions due for look-back.
    LookBack,
    /// Export your assessment; import the team's.
    Team,
    /// Say what changed; a course team's import.
    Changes,
}

/// What the user is typing that is not yet part of an assessment, and what the share
/// pages have read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssessDrafts {
    /// The name of a partnership about to be assessed.
    pub new_name: String,
    /// What was wrong when the user last tried to go on, if anything.
    pub problems: Vec<String>,
    /// Look-back dates as typed, by assessment and action, while they are not yet dates.
    pub dates: BTreeMap<(usize, usize), String>,
    /// Look-back answers being written, by assessment and action.
    pub answers: BTreeMap<(usize, usize), AnswerDraft>,
    /// The share pages' choices and what they read.
    pub share: assess_share::ShareDrafts,
}

/// A look-back answer being written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerDraft {
    /// Done, partly or not done.
    pub outcome: Option<Outcome>,
    /// What changed.
    pub changed: String,
    /// What got in the way.
    pub in_the_way: String,
}

/// Which field of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionField {
    /// What they will do.
    What,
    /// Who with.
    WithWhom,
    /// The look-back date, as typed.
    LookBack,
}

/// Which field of a look-back answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    /// What changed.
    Changed,
    /// What got in the way.
    InTheWay,
}

/// What the user can do with their own collaboration.
#[derive(Clone, Debug, PartialEq)]
pub enum AssessAction {
    /// Show a page.
    Show(AssessPage),
    /// Type the name of a partnership to assess.
    SetNewName(String),
    /// Start an assessment of the partnership named.
    Start,
    /// Assess the partnership of an earlier assessment again.
    AssessAgain(usize),
    /// Set or clear a factor's verdict.
    SetVerdict(usize, FactorId, Option<Verdict>),
    /// Set or clear how sure the user is.
    SetConfidence(usize, FactorId, Option<Confidence>),
    /// The user's evidence, in their own words.
    SetEvidence(usize, FactorId, String),
    /// Say a barrier is at work (with how it shows), or not (`None`).
    SetBarrier(usize, BarrierId, Option<String>),
    /// Add an action to the plan, on a factor or none.
    AddAction(usize, Option<FactorId>),
    /// Remove an action from the plan.
    RemoveAction(usize, usize),
    /// Type into an action.
    SetActionField(usize, usize, ActionField, String),
    /// Personal notes on the assessment.
    SetNotes(usize, String),
    /// Check the plan and, if it can be kept, say when the look-back is.
    FinishPlan(usize),
    /// Choose how an action went.
    SetOutcome(usize, usize, Outcome),
    /// Type into a look-back answer.
    SetAnswerField(usize, usize, AnswerField, String),
    /// Keep a look-back answer.
    SaveAnswer(usize, usize),
    /// The team's and the course team's views.
    Share(ShareAction),
}

/// Today, as the state's clock gives it.
pub fn today(state: &State) -> NaiveDate {
    NaiveDate::parse_from_str(&state.now.today, "%Y-%m-%d").unwrap_or_default()
}

/// Carries out an action on your own collaboration.
pub fn apply(state: &mut State, action: AssessAction, effects: &mut Effects) {
    let changed = match action {
        AssessAction::Show(page) => {
            state.assess.problems.clear();
            state.screen = Screen::Assess(page);
            false
        }
        AssessAction::SetNewName(name) => {
            state.assess.new_name = name;
            false
        }
        AssessAction::Start => {
            let name = state.assess.new_name.trim().to_owned();
            start(state, name)
        }
        AssessAction::AssessAgain(index) => {
            let name = state
                .progress
                .collaboration
                .assessments
                .get(index)
                .map(|a| a.partnership.clone());
            name.is_some_and(|name| start(state, name))
        }
        AssessAction::SetVerdict(index, factor, verdict) => edit(state, index, |a| {
            a.factors.entry(factor).or_default().verdict = verdict;
        }),
        AssessAction::SetConfidence(index, factor, confidence) => edit(state, index, |a| {
            a.factors.entry(factor).or_default().confidence = confidence;
        }),
        AssessAction::SetEvidence(index, factor, text) => edit(state, index, |a| {
            a.factors.entry(factor).or_default().evidence = text;
        }),
        AssessAction::SetBarrier(index, barrier, how) => edit(state, index, |a| match how {
            Some(how) => {
                a.barriers.insert(barrier, how);
            }
            None => {
                a.barriers.remove(&barrier);
            }
        }),
        AssessAction::AddAction(index, factor) => edit(state, index, |a| {
            if a.plan.len() < crate::domain::assessment::MAX_ACTIONS {
                a.plan.push(Action {
                    factor,
                    what: String::new(),
                    with_whom: String::new(),
                    look_back: a.made_on + chrono::Days::new(LOOK_BACK_DAYS),
                    answer: None,
                });
            }
        }),
        AssessAction::RemoveAction(index, number) => {
            // Dates typed for later actions move up with them.
            let dates = std::mem::take(&mut state.assess.dates);
            state.assess.dates = dates
                .into_iter()
                .filter(|((a, n), _)| *a != index || *n != number)
                .map(|((a, n), text)| {
                    let n = if a == index && n > number { n - 1 } else { n };
                    ((a, n), text)
                })
                .collect();
            edit(state, index, |a| {
                if number < a.plan.len() {
                    a.plan.remove(number);
                }
            })
        }
        AssessAction::SetActionField(index, number, field, text) => {
            set_action_field(state, index, number, field, text)
        }
        AssessAction::SetNotes(index, text) => edit(state, index, |a| {
            a.notes = text;
        }),
        AssessAction::FinishPlan(index) => {
            finish_plan(state, index);
            false
        }
        AssessAction::SetOutcome(index, number, outcome) => {
            state
                .assess
                .answers
                .entry((index, number))
                .or_default()
                .outcome = Some(outcome);
            false
        }
        AssessAction::SetAnswerField(index, number, field, text) => {
            let draft = state.assess.answers.entry((index, number)).or_default();
            match field {
                AnswerField::Changed => draft.changed = text,
                AnswerField::InTheWay => draft.in_the_way = text,
            }
            false
        }
        AssessAction::SaveAnswer(index, number) => save_answer(state, index, number),
        AssessAction::Share(action) => {
            assess_share::apply(state, action, effects);
            false
        }
    };
    if changed {
        effects.push(Effect::RecordChanged);
    }
}

/// Starts an assessment of `name`, at its first factor. Returns whether the record changed.
fn start(state: &mut State, name: String) -> bool {
    if name.trim().is_empty() {
        state.assess.problems = vec!["Enter the name of the partnership.".to_owned()];
        state.screen = Screen::Assess(AssessPage::Home);
        return false;
    }
    let assessment = Assessment::new(name, today(state));
    let history = &mut state.progress.collaboration.assessments;
    history.push(assessment);
    let index = history.len() - 1;
    state.assess.new_name.clear();
    state.assess.problems.clear();
    state.screen = Screen::Assess(AssessPage::Factor { index, factor: 0 });
    true
}

/// Changes an assessment in the record. Returns whether there was one to change.
fn edit(state: &mut State, index: usize, change: impl FnOnce(&mut Assessment)) -> bool {
    match state.progress.collaboration.assessments.get_mut(index) {
        Some(assessment) => {
            change(assessment);
            true
        }
        None => false,
    }
}

fn set_action_field(
    state: &mut State,
    index: usize,
    number: usize,
    field: ActionField,
    text: String,
) -> bool {
    if field == ActionField::LookBack {
        // Kept as typed; the action takes the date once it is one.
        let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        state.assess.dates.insert((index, number), text);
        let Some(date) = date else {
            return false;
        };
        return edit(state, index, |a| {
            if let Some(action) = a.plan.get_mut(number) {
                action.look_back = date;
            }
        });
    }
    edit(state, index, |a| {
        if let Some(action) = a.plan.get_mut(number) {
            match field {
                ActionField::What => action.what = text,
                ActionField::WithWhom => action.with_whom = text,
                ActionField::LookBack => {}
            }
        }
    })
}

/// The problems with a plan as the user should read them, dates typed that are not dates
/// first.
pub fn plan_problems(state: &State, index: usize) -> Vec<String> {
    let Some(assessment) = state.progress.collaboration.assessments.get(index) else {
        return Vec::new();
    };
    let mut problems: Vec<String> = state
        .assess
        .dates
        .iter()
        .filter(|((a, n), text)| {
            *a == index
                && *n < assessment.plan.len()
                && NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").is_err()
        })
        .map(|((_, n), _)| {
            format!(
                "Action {}: enter the look-back date as year-month-day, such as 2027-01-05.",
                n + 1
            )
        })
        .collect();
    problems.extend(
        assessment
            .check_plan(&state.model)
            .iter()
            .map(ToString::to_string),
    );
    problems
}

fn finish_plan(state: &mut State, index: usize) {
    let problems = plan_problems(state, index);
    if !problems.is_empty() {
        state.assess.problems = problems;
        return;
    }
    state.assess.problems.clear();
    let first = state
        .progress
        .collaboration
        .assessments
        .get(index)
        .and_then(|a| a.plan.iter().map(|action| action.look_back).min());
    if let Some(first) = first {
        state.tell(format!(
            "Your plan is saved. When you open the app on or after {first}, it will ask how your actions went."
        ));
    }
    state.screen = Screen::Assess(AssessPage::Home);
}

fn save_answer(state: &mut State, index: usize, number: usize) -> bool {
    let today = today(state);
    let draft = state.assess.answers.get(&(index, number)).cloned();
    let Some(AnswerDraft {
        outcome: Some(outcome),
        changed,
        in_the_way,
    }) = draft
    else {
        state.assess.problems = vec![format!(
            "Action {}: choose done, partly or not done.",
            number + 1
        )];
        return false;
    };
    let due = state
        .progress
        .collaboration
        .due(today)
        .into_iter()
        .find(|d| d.assessment == index && d.action == number);
    let Some(due) = due else {
        return false;
    };
    let answered = state.progress.collaboration.answer(
        &due,
        LookBack {
            answered_on: today,
            outcome,
            changed: changed.trim().to_owned(),
            in_the_way: in_the_way.trim().to_owned(),
        },
    );
    if answered {
        state.assess.answers.remove(&(index, number));
        state.assess.problems.clear();
    }
    answered
}

/// When the app opens: if actions are due for look-back (and no seminar is running), the
/// look-back page is shown, so the app asks how they went.
pub fn ask_if_due(state: &mut State) {
    if state.seminar.is_none() && !state.progress.collaboration.due(today(state)).is_empty() {
        state.screen = Screen::Assess(AssessPage::LookBack);
    }
}
