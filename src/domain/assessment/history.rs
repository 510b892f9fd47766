//! Looking back: what moved between two assessments, the look-back schedule and the
//! history of assessments and actions.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::super::case::Verdict;
use super::super::model::{BarrierId, FactorId, Model};

use super::{Assessment, LookBack};

/// Which way a factor's verdict moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Towards Present, by this many steps.
    Up(u8),
    /// Towards Missing, by this many steps.
    Down(u8),
    /// The same place on the line.
    Same,
    /// Can't tell or not marked on one side or both.
    CannotCompare,
}

impl Movement {
    /// Between two verdicts.
    pub fn between(before: Option<Verdict>, after: Option<Verdict>) -> Self {
        match (
            before.and_then(Verdict::position),
            after.and_then(Verdict::position),
        ) {
            (Some(b), Some(a)) if a < b => Self::Up(b - a),
            (Some(b), Some(a)) if a > b => Self::Down(a - b),
            (Some(_), Some(_)) => Self::Same,
            _ => Self::CannotCompare,
        }
    }
}

/// One factor, before and after.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Moved {
    /// The factor.
    pub factor: FactorId,
    /// The verdict before.
    pub before: Option<Verdict>,
    /// The verdict after.
    pub after: Option<Verdict>,
}

impl Moved {
    /// Which way it moved.
    pub fn movement(&self) -> Movement {
        Movement::between(self.before, self.after)
    }
}

/// What moved between two assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatMoved {
    /// Every factor of the model, in order.
    pub factors: Vec<Moved>,
    /// Barriers named before and not now.
    pub barriers_gone: Vec<BarrierId>,
    /// Barriers named now and not before.
    pub barriers_new: Vec<BarrierId>,
}

impl WhatMoved {
    /// The factors whose verdict changed, in the model's order.
    pub fn changed(&self) -> impl Iterator<Item = &Moved> {
        self.factors.iter().filter(|m| m.before != m.after)
    }
}

/// What moved from `before` to `after`, by the rule in the module documentation.
pub fn moved(model: &Model, before: &Assessment, after: &Assessment) -> WhatMoved {
    let was: BTreeSet<&BarrierId> = before.barriers.keys().collect();
    let now: BTreeSet<&BarrierId> = after.barriers.keys().collect();
    WhatMoved {
        factors: model
            .factors
            .iter()
            .map(|f| Moved {
                factor: f.id.clone(),
                before: before.verdict(&f.id),
                after: after.verdict(&f.id),
            })
            .collect(),
        barriers_gone: was.difference(&now).map(|b| (*b).clone()).collect(),
        barriers_new: now.difference(&was).map(|b| (*b).clone()).collect(),
    }
}

/// An action due for look-back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    /// The assessment, by position in the history.
    pub assessment: usize,
    /// The action, by position in its plan.
    pub action: usize,
    /// Its look-back date.
    pub look_back: NaiveDate,
    /// Days since that date: 0 on the day.
    pub days_late: i64,
}

/// The user's assessments, oldest first, with their plans and look-backs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct History {
    /// Every assessment, oldest first.
    pub assessments: Vec<Assessment>,
}

impl History {
    /// The newest assessment.
    pub fn latest(&self) -> Option<&Assessment> {
        self.assessments.last()
    }

    /// What moved between the last two assessments of the same partnership (names compared
    /// without regard to case or spacing), when there are two.
    pub fn last_moved(&self, model: &Model) -> Option<WhatMoved> {
        let latest = self.latest()?;
        let key = partnership_key(&latest.partnership);
        let before = self
            .assessments
            .iter()
            .rev()
            .skip(1)
            .find(|a| partnership_key(&a.partnership) == key)?;
        Some(moved(model, before, latest))
    }

    /// Actions due for look-back on `today`, by the rule in the module documentation.
    pub fn due(&self, today: NaiveDate) -> Vec<Due> {
        let mut due: Vec<Due> = self
            .assessments
            .iter()
            .enumerate()
            .flat_map(|(a, assessment)| {
                assessment
                    .plan
                    .iter()
                    .enumerate()
                    .filter(move |(_, action)| action.answer.is_none() && action.look_back <= today)
                    .map(move |(i, action)| Due {
                        assessment: a,
                        action: i,
                        look_back: action.look_back,
                        days_late: (today - action.look_back).num_days(),
                    })
            })
            .collect();
        due.sort_by_key(|d| (d.look_back, d.assessment, d.action));
        due
    }

    /// The next look-back date after `today` with no answer yet, if any.
    pub fn next_look_back(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.assessments
            .iter()
            .flat_map(|a| &a.plan)
            .filter(|action| action.answer.is_none() && action.look_back > today)
            .map(|action| action.look_back)
            .min()
    }

    /// Records a look-back answer. Returns false, changing nothing, when there is no such
    /// action.
    pub fn answer(&mut self, due: &Due, answer: LookBack) -> bool {
        match self
            .assessments
            .get_mut(due.assessment)
            .and_then(|a| a.plan.get_mut(due.action))
        {
            Some(action) => {
                action.answer = Some(answer);
                true
            }
            None => false,
        }
    }
}

/// A partnership name as compared: lower case, spaces collapsed, trimmed.
pub fn partnership_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
