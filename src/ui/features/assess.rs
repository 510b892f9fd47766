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
            state.assess.share.problem = None;
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
            // What was typed for later actions moves up with them.
            let drafts = &mut state.assess;
            drafts.dates = renumber(std::mem::take(&mut drafts.dates), index, number);
            drafts.answers = renumber(std::mem::take(&mut drafts.answers), index, number);
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

/// Drafts kept by assessment and action, with action `number` of assessment `index`
/// removed and the actions after it moved up one.
fn renumber<T>(
    drafts: BTreeMap<(usize, usize), T>,
    index: usize,
    number: usize,
) -> BTreeMap<(usize, usize), T> {
    drafts
        .into_iter()
        .filter(|((a, n), _)| *a != index || *n != number)
        .map(|((a, n), draft)| {
            let n = if a == index && n > number { n - 1 } else { n };
            ((a, n), draft)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::update;
    use crate::ui::state::Now;

    fn state_on(today: &str) -> State {
        let model = crate::io::builtin_model().expect("the built-in model loads");
        let bundled = crate::io::bundled_cases(&model);
        let mut state = State::new(model, bundled);
        state.now = Now {
            today: today.to_owned(),
            ..Now::default()
        };
        state
    }

    fn act(state: &mut State, action: AssessAction) -> Effects {
        update(state, action.into())
    }

    #[test]
    fn a_partnership_needs_a_name_and_each_change_is_saved() {
        let mut state = state_on("2026-12-01");
        let effects = act(&mut state, AssessAction::Start);
        assert!(effects.is_empty());
        assert_eq!(
            state.assess.problems,
            ["Enter the name of the partnership."]
        );
        act(
            &mut state,
            AssessAction::SetNewName("  Riverside ".to_owned()),
        );
        let effects = act(&mut state, AssessAction::Start);
        assert_eq!(effects, [Effect::RecordChanged]);
        assert_eq!(
            state.screen,
            Screen::Assess(AssessPage::Factor {
                index: 0,
                factor: 0
            })
        );
        let assessment = state.progress.collaboration.latest().cloned();
        assert_eq!(
            assessment.map(|a| (a.partnership, a.made_on.to_string())),
            Some(("Riverside".to_owned(), "2026-12-01".to_owned()))
        );
        // Nothing to change: no save.
        assert!(act(&mut state, AssessAction::SetNotes(9, "x".to_owned())).is_empty());
    }

    #[test]
    fn removing_an_action_moves_what_was_typed_for_later_ones_up() {
        let mut state = state_on("2026-12-01");
        act(&mut state, AssessAction::SetNewName("Riverside".to_owned()));
        act(&mut state, AssessAction::Start);
        for _ in 0..4 {
            act(&mut state, AssessAction::AddAction(0, None));
        }
        let plan = |state: &State| state.progress.collaboration.assessments[0].plan.clone();
        assert_eq!(plan(&state).len(), 3, "at most three");
        assert_eq!(plan(&state)[0].look_back.to_string(), "2026-12-29");
        act(
            &mut state,
            AssessAction::SetActionField(0, 2, ActionField::LookBack, "2027-01".to_owned()),
        );
        act(&mut state, AssessAction::RemoveAction(0, 0));
        assert_eq!(
            state.assess.dates.keys().copied().collect::<Vec<_>>(),
            [(0, 1)]
        );
        let problems = plan_problems(&state, 0);
        assert_eq!(
            problems.first().map(String::as_str),
            Some("Action 2: enter the look-back date as year-month-day, such as 2027-01-05.")
        );
        act(
            &mut state,
            AssessAction::SetActionField(0, 1, ActionField::LookBack, "2027-01-05".to_owned()),
        );
        assert_eq!(plan(&state)[1].look_back.to_string(), "2027-01-05");
        act(&mut state, AssessAction::FinishPlan(0));
        assert_eq!(
            state.assess.problems,
            [
                "Action 1: say what you will do.",
                "Action 2: say what you will do."
            ]
        );
    }

    #[test]
    fn a_look_back_is_kept_only_with_an_outcome_and_only_when_due() {
        let mut state = state_on("2026-12-01");
        act(&mut state, AssessAction::SetNewName("Riverside".to_owned()));
        act(&mut state, AssessAction::Start);
        act(&mut state, AssessAction::AddAction(0, None));
        // Not due yet: nothing is asked, and an answer is not kept.
        ask_if_due(&mut state);
        assert_ne!(state.screen, Screen::Assess(AssessPage::LookBack));
        act(&mut state, AssessAction::SetOutcome(0, 0, Outcome::Done));
        assert!(act(&mut state, AssessAction::SaveAnswer(0, 0)).is_empty());

        state.now.today = "2027-01-02".to_owned();
        ask_if_due(&mut state);
        assert_eq!(state.screen, Screen::Assess(AssessPage::LookBack));
        act(&mut state, AssessAction::SetOutcome(0, 0, Outcome::Partly));
        act(
            &mut state,
            AssessAction::SetAnswerField(0, 0, AnswerField::Changed, " Weekly calls. ".to_owned()),
        );
        assert_eq!(
            act(&mut state, AssessAction::SaveAnswer(0, 0)),
            [Effect::RecordChanged]
        );
        let answer = state.progress.collaboration.assessments[0].plan[0]
            .answer
            .clone();
        assert_eq!(
            answer.map(|a| (a.outcome, a.changed, a.answered_on.to_string())),
            Some((
                Outcome::Partly,
                "Weekly calls.".to_owned(),
                "2027-01-02".to_owned()
            ))
        );
        assert!(state.assess.answers.is_empty());
    }
}
