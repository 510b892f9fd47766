//! Your own collaboration: an assessment of a partnership the user is part of, a plan of
//! one to three actions, looking back on them, and the team's and the course's views.
//!
//! Everything here is plain data and pure functions. Dates are passed in as
//! [`NaiveDate`]; nothing reads a clock. Maps are sorted (`BTreeMap`), so a saved record
//! reads the same every time.
//!
//! # Where to start (the suggestion rule)
//!
//! [`suggest`] follows the model's own logic: the foundations are what all the successful
//! collaborations had in common, so a gap in a foundation comes first; the ways in are
//! practices that opened the door in particular cases, so they come next, and only where
//! they answer a barrier the user named.
//!
//! 1. **Foundations the user did not find present**: every foundation marked Missing, then
//!    every one marked Partly, then every one marked Can't tell; within each band, in the
//!    model's order. Foundations marked Present, or not marked yet, are not suggested.
//! 2. **Ways in that address the barriers named**: each way in that [`ways_in_for`] maps
//!    from at least one barrier the user said is at work, unless the user already marked
//!    that way in Present, in the model's order. (In the table below no way in answers two
//!    barriers, so there is nothing to rank them by but the model.)
//!
//! Each suggestion lists the cases in which the model reads that factor as Present, in the
//! order the cases are given, to read next.
//!
//! # From barriers to ways in
//!
//! The seed text (Miles's 2017 reflection) says what each way in did, but never names the
//! barriers: they come from the report's launch. So the mapping below is the nearest the
//! seed comes, kept modest, and each row says why. Where the seed does not say, no way in
//! is suggested.
//!
//! | Barrier | Ways in | Why, from the seed |
//! |---|---|---|
//! | Power struggles | External witness | "Asking an external body to witness the internal workings of the collaboration through sitting on its board": an outsider who sees how partners treat each other is the seed's one answer to partners contesting control. |
//! | Institutional inertia | Single source of data; leadership beyond legal powers | Data "to drive behaviour across organisations" moves bodies that carry on as before; "leadership and relationships, even where the legal powers and structures were in place": structures alone did not change how bodies worked. |
//! | Lack of passion and time | Resources for the change | Change "supported by sufficient resource to help do reorganisation" answers the lack of time. The seed says nothing about passion. |
//! | Changes in leadership | none | The seed names no way in. Its answer is in the foundations (a vision held by *several* senior leaders; relationships), which step 1 already covers. |
//! | Impatience | none | The seed does not say. Miles's answer is to persist, not a practice. |
//!
//! # The team's view
//!
//! Each member's assessment is counted per factor ([`Tally`](crate::domain::seminar::Tally)). A factor's **split** is the
//! seminar's measure ([`seminar::split`](crate::domain::seminar::split)): 0 when everyone gives the same verdict, 1 when
//! the team is spread evenly over all four. Its **range** is how far apart the verdicts on
//! the Present–Partly–Missing line are: 0, 1 or 2 steps (Can't tell is off the line).
//! [`team_order`] puts the factors the team sees most differently first: highest split
//! first; equal splits, the wider range first; then the model's order, as in the seminar.
//! Factors nobody marked are left out. Equal fractions give equal splits (each is one
//! correctly rounded division of whole counts), so rounding never reorders the list.
//!
//! # Looking back
//!
//! An action is **due for look-back** on a date when its look-back date is that date or
//! earlier and it has no look-back answer yet ([`History::due`]): oldest date first, then
//! the order of the assessments and of the plan.
//!
//! # What moved
//!
//! [`moved`] compares two assessments factor by factor, in the model's order. A verdict
//! that moved towards Present moved **up**, towards Missing **down**, by how many steps on
//! the line; a factor that is Can't tell or not marked on either side **cannot be
//! compared**. Barriers named in one and not the other are listed as gone or new.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::attempt::Confidence;
use super::case::Verdict;
use super::model::{BarrierId, FactorId, Model};

mod history;
mod report;
mod suggest;
mod team;

pub use history::{Due, History, Moved, Movement, WhatMoved, moved, partnership_key};
pub use report::{ChangeReport, CohortFactor, ReportedAction, ShareChoices, cohort};
pub use suggest::{Suggestion, Why, suggest, ways_in_for};
pub use team::{FactorSpread, spread, team_order};

/// The fewest actions a plan has.
pub const MIN_ACTIONS: usize = 1;
/// The most actions a plan has.
pub const MAX_ACTIONS: usize = 3;

/// The user's reading of one factor in their own partnership.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct FactorReading {
    /// The verdict, once chosen.
    pub verdict: Option<Verdict>,
    /// How sure they are.
    pub confidence: Option<Confidence>,
    /// Their evidence, in their own words.
    pub evidence: String,
}

impl FactorReading {
    /// Whether nothing has been entered.
    pub fn is_blank(&self) -> bool {
        self.verdict.is_none() && self.confidence.is_none() && self.evidence.trim().is_empty()
    }
}

/// How an action went, looking back.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Outcome {
    /// Done.
    Done,
    /// Partly done.
    Partly,
    /// Not done.
    NotDone,
}

impl Outcome {
    /// Every outcome, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::Done, Self::Partly, Self::NotDone];

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Done => "Done",
            Self::Partly => "Partly",
            Self::NotDone => "Not done",
        }
    }
}

/// The answer to a look-back on one action.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LookBack {
    /// The day it was answered.
    pub answered_on: NaiveDate,
    /// Done, partly or not done.
    pub outcome: Outcome,
    /// What changed.
    pub changed: String,
    /// What got in the way.
    pub in_the_way: String,
}

/// One action of a plan.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Action {
    /// The factor it works on, usually the suggestion it came from.
    #[serde(default)]
    pub factor: Option<FactorId>,
    /// What they will do.
    pub what: String,
    /// Who with.
    pub with_whom: String,
    /// The day to look back.
    pub look_back: NaiveDate,
    /// The look-back answer, once given.
    #[serde(default)]
    pub answer: Option<LookBack>,
}

/// Something wrong with a plan, said so the user can fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    /// No actions.
    #[error("Choose at least one action.")]
    NoActions,
    /// More than three actions.
    #[error("Choose at most {MAX_ACTIONS} actions. You have {0}.")]
    TooManyActions(usize),
    /// An action says nothing about what will be done.
    #[error("Action {0}: say what you will do.")]
    NoWhat(usize),
    /// A look-back date before the assessment.
    #[error("Action {0}: the look-back date is before the assessment. Choose a later date.")]
    LookBackTooEarly(usize),
    /// A factor the model does not have.
    #[error("Action {0}: \"{1}\" is not a factor of the model.")]
    UnknownFactor(usize, FactorId),
}

/// An assessment of a collaboration the user is part of, on one day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assessment {
    /// The partnership's name, in the user's words. Kept on their machine.
    pub partnership: String,
    /// The day it was made.
    pub made_on: NaiveDate,
    /// Readings by factor.
    #[serde(default)]
    pub factors: BTreeMap<FactorId, FactorReading>,
    /// The barriers at work, each with how it shows, in the user's words.
    #[serde(default)]
    pub barriers: BTreeMap<BarrierId, String>,
    /// The plan: one to three actions, once chosen.
    #[serde(default)]
    pub plan: Vec<Action>,
    /// Personal notes, never shared unless the user chooses.
    #[serde(default)]
    pub notes: String,
}

impl Assessment {
    /// A blank assessment of a partnership.
    pub fn new(partnership: impl Into<String>, made_on: NaiveDate) -> Self {
        Self {
            partnership: partnership.into(),
            made_on,
            factors: BTreeMap::new(),
            barriers: BTreeMap::new(),
            plan: Vec::new(),
            notes: String::new(),
        }
    }

    /// The verdict for a factor, if chosen.
    pub fn verdict(&self, factor: &FactorId) -> Option<Verdict> {
        self.factors.get(factor).and_then(|r| r.verdict)
    }

    /// Factors of the model with no verdict yet, in the model's order.
    pub fn unmarked<'m>(&self, model: &'m Model) -> Vec<&'m FactorId> {
        model
            .factors
            .iter()
            .map(|f| &f.id)
            .filter(|id| self.verdict(id).is_none())
            .collect()
    }

    /// What is wrong with the plan, in plan order; empty when it can be kept.
    pub fn check_plan(&self, model: &Model) -> Vec<PlanProblem> {
        let mut problems = Vec::new();
        let count = self.plan.len();
        if count < MIN_ACTIONS {
            problems.push(PlanProblem::NoActions);
        } else if count > MAX_ACTIONS {
            problems.push(PlanProblem::TooManyActions(count));
        }
        for (i, action) in self.plan.iter().enumerate() {
            let n = i + 1;
            if action.what.trim().is_empty() {
                problems.push(PlanProblem::NoWhat(n));
            }
            if action.look_back < self.made_on {
                problems.push(PlanProblem::LookBackTooEarly(n));
            }
            if let Some(factor) = &action.factor
                && model.factor(factor).is_none()
            {
                problems.push(PlanProblem::UnknownFactor(n, factor.clone()));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{self, answer};
    use crate::domain::model::FactorGroup;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_default()
    }

    /// Foundations f1, f2, f3; ways in w1 (external-witness), w2 (change-resources),
    /// w3 (single-data-source), w4 (leadership-beyond-powers), as in the real model.
    fn model() -> Model {
        let mut model = fixtures::model(&[
            "f1",
            "f2",
            "f3",
            "external-witness",
            "change-resources",
            "single-data-source",
            "leadership-beyond-powers",
        ]);
        for factor in model.factors.iter_mut().skip(3) {
            factor.group = FactorGroup::WayIn;
        }
        model
    }

    fn id(s: &str) -> FactorId {
        FactorId::new(s)
    }

    fn barrier(s: &str) -> BarrierId {
        BarrierId::new(s)
    }

    fn assessment(verdicts: &[(&str, Verdict)], barriers: &[&str]) -> Assessment {
        let mut a = Assessment::new("Riverside", day("2026-12-01"));
        for (factor, verdict) in verdicts {
            a.factors.insert(
                id(factor),
                FactorReading {
                    verdict: Some(*verdict),
                    ..FactorReading::default()
                },
            );
        }
        for b in barriers {
            a.barriers.insert(barrier(b), "It shows.".to_owned());
        }
        a
    }

    fn action(what: &str, look_back: &str) -> Action {
        Action {
            factor: None,
            what: what.to_owned(),
            with_whom: "The council lead".to_owned(),
            look_back: day(look_back),
            answer: None,
        }
    }

    fn look_back(outcome: Outcome, changed: &str) -> LookBack {
        LookBack {
            answered_on: day("2027-01-10"),
            outcome,
            changed: changed.to_owned(),
            in_the_way: "Winter pressures.".to_owned(),
        }
    }

    fn order(suggestions: &[Suggestion<'_>]) -> Vec<String> {
        suggestions.iter().map(|s| s.factor.0.clone()).collect()
    }

    #[test]
    fn a_missing_foundation_comes_first_then_partly_then_cant_tell_in_model_order() {
        let model = model();
        let a = assessment(
            &[
                ("f1", Verdict::CantTell),
                ("f2", Verdict::Partly),
                ("f3", Verdict::Missing),
                ("external-witness", Verdict::Missing),
            ],
            &[],
        );
        let s = suggest(&model, &a, &[]);
        // f3 Missing, f2 Partly, f1 Can't tell; no barriers named, so no ways in, even
        // the way in marked Missing.
        assert_eq!(order(&s), ["f3", "f2", "f1"]);
        assert_eq!(
            s.first().map(|s| &s.why),
            Some(&Why::Foundation(Verdict::Missing))
        );

        let two_missing = assessment(&[("f2", Verdict::Missing), ("f1", Verdict::Missing)], &[]);
        assert_eq!(order(&suggest(&model, &two_missing, &[])), ["f1", "f2"]);
        let all_present = assessment(
            &[
                ("f1", Verdict::Present),
                ("f2", Verdict::Present),
                ("f3", Verdict::Present),
            ],
            &[],
        );
        assert!(suggest(&model, &all_present, &[]).is_empty());
    }

    #[test]
    fn ways_in_follow_the_barriers_named_in_model_order() {
        let model = model();
        // Inertia: data source and leadership beyond powers; power struggles: external
        // witness; time: change resources. Each addresses one barrier, so model order.
        let a = assessment(
            &[("f1", Verdict::Partly)],
            &[
                "institutional-inertia",
                "power-struggles",
                "lack-of-passion-and-time",
            ],
        );
        let s = suggest(&model, &a, &[]);
        assert_eq!(
            order(&s),
            [
                "f1",
                "external-witness",
                "change-resources",
                "single-data-source",
                "leadership-beyond-powers"
            ]
        );
        assert_eq!(
            s.get(3).map(|s| &s.why),
            Some(&Why::Barriers(vec![barrier("institutional-inertia")]))
        );
        // Barriers the seed links to no way in suggest none.
        let quiet = assessment(&[], &["changes-in-leadership", "impatience"]);
        assert!(suggest(&model, &quiet, &[]).is_empty());
        // A way in already Present is not suggested again.
        let present = assessment(
            &[("single-data-source", Verdict::Present)],
            &["institutional-inertia"],
        );
        assert_eq!(
            order(&suggest(&model, &present, &[])),
            ["leadership-beyond-powers"]
        );
    }

    #[test]
    fn each_suggestion_lists_the_cases_that_show_it_present() {
        let model = model();
        let one = fixtures::case(
            "one",
            &["p"],
            vec![
                answer("f1", Verdict::Present, &["p"]),
                answer("change-resources", Verdict::Missing, &["p"]),
            ],
        );
        let two = fixtures::case(
            "two",
            &["p"],
            vec![
                answer("f1", Verdict::Partly, &["p"]),
                answer("change-resources", Verdict::Present, &["p"]),
            ],
        );
        let three = fixtures::case(
            "three",
            &["p"],
            vec![answer("f1", Verdict::Present, &["p"])],
        );
        let a = assessment(&[("f1", Verdict::Missing)], &["lack-of-passion-and-time"]);
        let s = suggest(&model, &a, &[&three, &one, &two]);
        let read: Vec<Vec<&str>> = s
            .iter()
            .map(|s| s.read_next.iter().map(|c| c.id.as_str()).collect())
            .collect();
        assert_eq!(read, vec![vec!["three", "one"], vec!["two"]]);
    }

    #[test]
    fn the_mapping_is_the_documented_table() {
        let table: Vec<(&str, &[&str])> = [
            "power-struggles",
            "institutional-inertia",
            "lack-of-passion-and-time",
            "changes-in-leadership",
            "impatience",
            "unknown",
        ]
        .into_iter()
        .map(|b| (b, ways_in_for(&barrier(b))))
        .collect();
        assert_eq!(
            table,
            vec![
                ("power-struggles", &["external-witness"][..]),
                (
                    "institutional-inertia",
                    &["single-data-source", "leadership-beyond-powers"][..]
                ),
                ("lack-of-passion-and-time", &["change-resources"][..]),
                ("changes-in-leadership", &[][..]),
                ("impatience", &[][..]),
                ("unknown", &[][..]),
            ]
        );
    }

    #[test]
    fn the_team_spread_counts_verdicts_and_measures_split_and_range() {
        let model = fixtures::model(&["a", "b", "c", "d"]);
        let m1 = assessment(
            &[
                ("a", Verdict::Present),
                ("b", Verdict::Present),
                ("c", Verdict::Present),
            ],
            &[],
        );
        let m2 = assessment(
            &[
                ("a", Verdict::Missing),
                ("b", Verdict::Partly),
                ("c", Verdict::Present),
            ],
            &[],
        );
        let m3 = assessment(
            &[
                ("a", Verdict::Present),
                ("b", Verdict::Partly),
                ("c", Verdict::CantTell),
            ],
            &[],
        );
        let m4 = assessment(&[("a", Verdict::Missing), ("b", Verdict::Present)], &[]);
        let spreads = spread(&model, &[&m1, &m2, &m3, &m4]);
        let a = spreads.first().cloned();
        let a = a.as_ref();
        // a: 2 Present, 2 Missing: split (1 - 2/4) / 0.75 = 2/3, range 2.
        assert_eq!(
            a.map(|s| (s.tally.present, s.tally.missing, s.range)),
            Some((2, 2, 2))
        );
        assert!(a.is_some_and(|s| (s.split - 2.0 / 3.0).abs() < 1e-6));
        // b: 2 Present, 2 Partly: split 2/3, range 1. c: 2 Present, 1 Can't tell, 1
        // unmarked: split (1 - 2/3) / 0.75 = 4/9, range 0. d: nobody.
        let b = spreads.get(1);
        assert_eq!(b.map(|s| s.range), Some(1));
        let c = spreads.get(2);
        assert_eq!(
            c.map(|s| (s.tally.total(), s.unmarked, s.range)),
            Some((3, 1, 0))
        );
        assert!(c.is_some_and(|s| (s.split - 4.0 / 9.0).abs() < 1e-6));
        assert_eq!(
            spreads.get(3).map(|s| (s.tally.total(), s.unmarked)),
            Some((0, 4))
        );

        let order: Vec<&str> = team_order(&spreads)
            .iter()
            .map(|s| s.factor.as_str())
            .collect();
        // a and b tie on split; a's verdicts lie further apart. d is left out.
        assert_eq!(order, ["a", "b", "c"]);
    }

    #[test]
    fn equal_split_and_range_keep_the_model_order() {
        let model = fixtures::model(&["a", "b"]);
        let m1 = assessment(&[("b", Verdict::Present), ("a", Verdict::Partly)], &[]);
        let m2 = assessment(&[("b", Verdict::Missing), ("a", Verdict::Missing)], &[]);
        let m3 = assessment(&[("b", Verdict::Present), ("a", Verdict::Partly)], &[]);
        let spreads = spread(&model, &[&m1, &m2, &m3]);
        // a: Partly 2, Missing 1: split 4/9, range 1. b: Present 2, Missing 1: split 4/9, range 2.
        let order: Vec<&str> = team_order(&spreads)
            .iter()
            .map(|s| s.factor.as_str())
            .collect();
        assert_eq!(order, ["b", "a"]);
        let m2 = assessment(&[("b", Verdict::Partly), ("a", Verdict::Missing)], &[]);
        let spreads = spread(&model, &[&m1, &m2, &m3]);
        let order: Vec<&str> = team_order(&spreads)
            .iter()
            .map(|s| s.factor.as_str())
            .collect();
        assert_eq!(order, ["a", "b"]);
    }

    #[test]
    fn the_look_back_schedule_lists_unanswered_actions_on_or_after_their_date() {
        let mut first = assessment(&[], &[]);
        first.plan = vec![
            action("Call the trust", "2027-01-05"),
            action("Share data", "2027-01-20"),
        ];
        let mut second = assessment(&[], &[]);
        second.made_on = day("2027-01-02");
        second.plan = vec![
            action("Invite an outsider", "2027-01-05"),
            action("Fund a post", "2027-01-03"),
        ];
        let mut history = History {
            assessments: vec![first, second],
        };
        let keys = |due: &[Due]| -> Vec<(usize, usize, i64)> {
            due.iter()
                .map(|d| (d.assessment, d.action, d.days_late))
                .collect()
        };
        assert!(history.due(day("2027-01-02")).is_empty());
        assert_eq!(
            history.next_look_back(day("2027-01-02")),
            Some(day("2027-01-03"))
        );
        // On the 5th: the 3rd (2 days late), then both due on the 5th, older assessment first.
        let due = history.due(day("2027-01-05"));
        assert_eq!(keys(&due), [(1, 1, 2), (0, 0, 0), (1, 0, 0)]);
        assert_eq!(
            history.next_look_back(day("2027-01-05")),
            Some(day("2027-01-20"))
        );
        // Answering one takes it off the list.
        let answered = due.get(1).copied();
        assert!(
            answered.is_some_and(|d| history.answer(&d, look_back(Outcome::Done, "Weekly calls.")))
        );
        assert_eq!(
            keys(&history.due(day("2027-02-01"))),
            [(1, 1, 29), (1, 0, 27), (0, 1, 12)]
        );
        assert!(!history.answer(
            &Due {
                assessment: 9,
                action: 0,
                look_back: day("2027-01-01"),
                days_late: 0
            },
            look_back(Outcome::Done, "")
        ));
    }

    #[test]
    fn what_moved_counts_steps_up_and_down_and_barriers_gone_and_new() {
        let model = fixtures::model(&["a", "b", "c", "d", "e"]);
        let before = assessment(
            &[
                ("a", Verdict::Missing),
                ("b", Verdict::Present),
                ("c", Verdict::Partly),
                ("d", Verdict::CantTell),
            ],
            &["power-struggles", "impatience"],
        );
        let after = assessment(
            &[
                ("a", Verdict::Present),
                ("b", Verdict::Partly),
                ("c", Verdict::Partly),
                ("d", Verdict::Present),
            ],
            &["impatience", "institutional-inertia"],
        );
        let what = moved(&model, &before, &after);
        let movements: Vec<Movement> = what.factors.iter().map(Moved::movement).collect();
        assert_eq!(
            movements,
            [
                Movement::Up(2),
                Movement::Down(1),
                Movement::Same,
                Movement::CannotCompare,
                Movement::CannotCompare
            ]
        );
        let changed: Vec<&str> = what.changed().map(|m| m.factor.as_str()).collect();
        assert_eq!(changed, ["a", "b", "d"]);
        assert_eq!(what.barriers_gone, [barrier("power-struggles")]);
        assert_eq!(what.barriers_new, [barrier("institutional-inertia")]);
    }

    #[test]
    fn the_history_compares_the_latest_with_the_last_of_the_same_partnership() {
        let model = fixtures::model(&["a"]);
        let old = assessment(&[("a", Verdict::Missing)], &[]);
        let mut other = assessment(&[("a", Verdict::Present)], &[]);
        other.partnership = "Another board".to_owned();
        let mut new = assessment(&[("a", Verdict::Partly)], &[]);
        new.partnership = "  riverside ".to_owned();
        let history = History {
            assessments: vec![old, other, new],
        };
        let what = history.last_moved(&model);
        let first = what.as_ref().and_then(|w| w.factors.first());
        assert_eq!(first.map(Moved::movement), Some(Movement::Up(1)));
        assert!(History::default().last_moved(&model).is_none());
    }

    #[test]
    fn a_plan_has_one_to_three_actions_each_saying_what_and_looking_back_later() {
        let model = fixtures::model(&["a"]);
        let mut a = assessment(&[], &[]);
        assert_eq!(a.check_plan(&model), [PlanProblem::NoActions]);
        a.plan = vec![action("One", "2026-12-01"), action(" ", "2026-11-30")];
        assert_eq!(
            a.check_plan(&model),
            [PlanProblem::NoWhat(2), PlanProblem::LookBackTooEarly(2)]
        );
        a.plan = vec![action("A", "2027-01-01"); 4];
        assert_eq!(a.check_plan(&model), [PlanProblem::TooManyActions(4)]);
        a.plan.truncate(3);
        if let Some(first) = a.plan.first_mut() {
            first.factor = Some(id("zz"));
        }
        assert_eq!(
            a.check_plan(&model),
            [PlanProblem::UnknownFactor(1, id("zz"))]
        );
        assert_eq!(
            PlanProblem::TooManyActions(4).to_string(),
            "Choose at most 3 actions. You have 4."
        );
    }

    fn history_for_report() -> History {
        let mut before = assessment(&[("f1", Verdict::Missing)], &[]);
        before.made_on = day("2026-10-01");
        let mut now = assessment(&[("f1", Verdict::Partly)], &[]);
        now.notes = "Private thoughts.".to_owned();
        let mut done = action("Call the trust", "2027-01-05");
        done.factor = Some(id("f1"));
        done.answer = Some(look_back(Outcome::Done, "We talk weekly."));
        now.plan = vec![done, action("Share data", "2027-02-01")];
        History {
            assessments: vec![before, now],
        }
    }

    #[test]
    fn the_change_report_leaves_out_the_partnership_and_personal_notes_unless_chosen() {
        let model = model();
        let history = history_for_report();
        let private =
            ChangeReport::from_history(&model, &history, Some("  "), ShareChoices::default());
        let private = private.as_ref();
        assert_eq!(
            private.map(|r| (&r.participant, &r.partnership, &r.notes)),
            Some((&None, &None, &None))
        );
        let first = private.and_then(|r| r.actions.first());
        assert_eq!(
            first.map(|a| (&a.with_whom, &a.in_the_way)),
            Some((&None, &None))
        );
        assert_eq!(
            first.map(|a| (a.outcome, a.changed.as_str())),
            Some((Some(Outcome::Done), "We talk weekly."))
        );
        assert_eq!(private.map(|r| r.moved.len()), Some(1));

        let shared = ChangeReport::from_history(
            &model,
            &history,
            Some("Sam"),
            ShareChoices {
                partnership: true,
                personal_notes: true,
            },
        );
        let shared = shared.as_ref();
        assert_eq!(
            shared.and_then(|r| r.partnership.as_deref()),
            Some("Riverside")
        );
        assert_eq!(
            shared.and_then(|r| r.notes.as_deref()),
            Some("Private thoughts.")
        );
        let first = shared.and_then(|r| r.actions.first());
        assert_eq!(
            first.and_then(|a| a.with_whom.as_deref()),
            Some("The council lead")
        );
        assert_eq!(
            first.and_then(|a| a.in_the_way.as_deref()),
            Some("Winter pressures.")
        );
        // An action not yet looked back on has nothing in the way to share.
        assert_eq!(
            shared
                .and_then(|r| r.actions.get(1))
                .map(|a| a.in_the_way.clone()),
            Some(None)
        );
    }

    #[test]
    fn the_cohort_counts_leaders_actions_outcomes_and_movement_per_factor() {
        let model = model();
        let one = ChangeReport::from_history(
            &model,
            &history_for_report(),
            None,
            ShareChoices::default(),
        );
        let mut two = one.clone();
        if let Some(report) = two.as_mut() {
            report.actions.push(ReportedAction {
                factor: Some(id("f1")),
                what: "Joint board".to_owned(),
                look_back: day("2027-01-05"),
                outcome: Some(Outcome::NotDone),
                changed: " ".to_owned(),
                with_whom: None,
                in_the_way: None,
            });
            report.moved.clear();
        }
        let reports: Vec<&ChangeReport> = one.iter().chain(two.iter()).collect();
        let rows = cohort(&model, &reports);
        let f1 = rows.first();
        // f1: two leaders, three actions (2 done, 1 not done), one moved up.
        assert_eq!(
            f1.map(|r| (
                r.factor.clone(),
                r.leaders,
                r.actions,
                r.done,
                r.not_done,
                r.moved_up
            )),
            Some((Some(id("f1")), 2, 3, 2, 1, 1))
        );
        assert_eq!(
            f1.map(|r| r.changed.clone()),
            Some(vec!["We talk weekly.".to_owned(); 2])
        );
        // The action tied to no factor, not yet looked back on, in both reports.
        let last = rows.get(1);
        assert_eq!(
            last.map(|r| (r.factor.clone(), r.leaders, r.not_yet)),
            Some((None, 2, 2))
        );
        assert_eq!(rows.len(), 2);
    }
}
