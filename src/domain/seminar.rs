//! Seminar mode: the room's marks, gathered from a show of hands and from attempt files,
//! set beside the model, and the order of the debrief.
//!
//! # The debrief order
//!
//! For each factor the room marked, three measures, each from 0 to 1:
//!
//! - **split**: how divided the room is. One minus the share of the most common verdict,
//!   scaled so that a room split evenly across all four verdicts scores 1 and a unanimous
//!   room scores 0: `split = (1 - top / total) / (1 - 1/4)`.
//! - **departure**: how far the room is from the model: one minus the room's mean credit
//!   against the model's verdict, by the same ordinal rules as feedback (same verdict 1,
//!   one step 0.5, otherwise 0). Contested factors have no right answer, so their
//!   departure is 0.
//! - **confident and wrong**: of the attempt files that marked the factor with High
//!   confidence, the share that earned no credit (0 when none did). Show-of-hands tallies
//!   carry no confidence, so only attempt files count here.
//!
//! The factor's **priority** is `split + departure + confident_and_wrong`. The agenda lists
//! factors the room marked, highest priority first; ties keep the model's order. Each item
//! says which measure stood out most, so the facilitator knows why it is there.

use std::collections::{BTreeMap, BTreeSet};

use super::attempt::{Attempt, Confidence};
use super::case::{Case, PassageId, Verdict};
use super::feedback::{Agreement, compare};
use super::model::{FactorId, Model};

/// Counts of each verdict for one factor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// How many said Present.
    pub present: u32,
    /// How many said Partly.
    pub partly: u32,
    /// How many said Missing.
    pub missing: u32,
    /// How many said Can't tell.
    pub cant_tell: u32,
}

impl Tally {
    /// The count for one verdict.
    pub fn count(&self, verdict: Verdict) -> u32 {
        match verdict {
            Verdict::Present => self.present,
            Verdict::Partly => self.partly,
            Verdict::Missing => self.missing,
            Verdict::CantTell => self.cant_tell,
        }
    }

    /// The count for one verdict, to change.
    pub fn count_mut(&mut self, verdict: Verdict) -> &mut u32 {
        match verdict {
            Verdict::Present => &mut self.present,
            Verdict::Partly => &mut self.partly,
            Verdict::Missing => &mut self.missing,
            Verdict::CantTell => &mut self.cant_tell,
        }
    }

    /// Everyone counted.
    pub fn total(&self) -> u32 {
        Verdict::ALL.iter().map(|&v| self.count(v)).sum()
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, other: &Self) {
        for verdict in Verdict::ALL {
            *self.count_mut(verdict) += other.count(verdict);
        }
    }
}

/// The room's marks for one factor, from hands and files together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomFactor {
    /// Verdicts counted.
    pub tally: Tally,
    /// How many attempt files marked it with High confidence.
    pub high_confidence: u32,
    /// Of those, how many earned no credit against the model.
    pub high_confidence_wrong: u32,
    /// How many attempt files cited each passage as evidence for it.
    pub evidence: BTreeMap<PassageId, u32>,
}

/// Combines show-of-hands tallies with attempt files, factor by factor. Attempts must
/// already have been checked against the case (see `crate::io::attempt_file`).
pub fn aggregate(
    case: &Case,
    hands: &BTreeMap<FactorId, Tally>,
    attempts: &[&Attempt],
) -> BTreeMap<FactorId, RoomFactor> {
    let passages: BTreeSet<&PassageId> = case.passages().map(|p| &p.id).collect();
    let mut room: BTreeMap<FactorId, RoomFactor> = BTreeMap::new();
    for answer in &case.answers {
        let entry = room.entry(answer.factor.clone()).or_default();
        if let Some(tally) = hands.get(&answer.factor) {
            entry.tally.add(tally);
        }
        for attempt in attempts {
            let Some(mark) = attempt.mark(&answer.factor) else {
                continue;
            };
            if let Some(verdict) = mark.verdict {
                *entry.tally.count_mut(verdict) += 1;
                if mark.confidence == Some(Confidence::High) {
                    entry.high_confidence += 1;
                    if answer.contested.is_none()
                        && compare(answer.verdict, verdict) == Agreement::Disagree
                    {
                        entry.high_confidence_wrong += 1;
                    }
                }
            }
            for passage in mark.evidence.iter().filter(|p| passages.contains(p)) {
                *entry.evidence.entry(passage.clone()).or_default() += 1;
            }
        }
    }
    room
}

/// Why a factor is on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The room was divided.
    Split,
    /// The room read it differently from the model.
    Departure,
    /// People were sure and the model reads it differently.
    ConfidentAndWrong,
}

impl Reason {
    /// Words for the reason.
    pub fn label(self) -> &'static str {
        match self {
            Self::Split => "The room split",
            Self::Departure => "The room differs from the model",
            Self::ConfidentAndWrong => "Confident, and the model reads it differently",
        }
    }
}

/// One item of the debrief agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    /// The factor.
    pub factor: FactorId,
    /// How divided the room was, 0 to 1.
    pub split: f32,
    /// How far the room was from the model, 0 to 1.
    pub departure: f32,
    /// Share of High-confidence attempt marks that earned no credit, 0 to 1.
    pub confident_and_wrong: f32,
    /// `split + departure + confident_and_wrong`.
    pub priority: f32,
    /// The measure that contributed most.
    pub reason: Reason,
    /// Whether the case marks the factor contested.
    pub contested: bool,
}

/// How divided a tally is: 0 when unanimous, 1 when spread evenly over all four verdicts.
pub fn split(tally: &Tally) -> f32 {
    let total = tally.total();
    if total == 0 {
        return 0.0;
    }
    let top = Verdict::ALL
        .iter()
        .map(|&v| tally.count(v))
        .max()
        .unwrap_or(0);
    (1.0 - top as f32 / total as f32) / 0.75
}

/// How far a tally is from the model's verdict: one minus the mean credit.
pub fn departure(tally: &Tally, model: Verdict) -> f32 {
    let total = tally.total();
    if total == 0 {
        return 0.0;
    }
    let credit: f32 = Verdict::ALL
        .iter()
        .map(|&v| tally.count(v) as f32 * compare(model, v).credit().unwrap_or(0.0))
        .sum();
    1.0 - credit / total as f32
}

/// Orders the debrief by the formula in the module documentation. Factors nobody marked are
/// left out.
pub fn agenda(
    model: &Model,
    case: &Case,
    room: &BTreeMap<FactorId, RoomFactor>,
) -> Vec<AgendaItem> {
    let mut items: Vec<(usize, AgendaItem)> = model
        .factors
        .iter()
        .enumerate()
        .filter_map(|(index, factor)| {
            let answer = case.answer(&factor.id)?;
            let marks = room.get(&factor.id)?;
            if marks.tally.total() == 0 {
                return None;
            }
            let contested = answer.contested.is_some();
            let split = split(&marks.tally);
            let departure = if contested {
                0.0
            } else {
                departure(&marks.tally, answer.verdict)
            };
            let confident_and_wrong = if marks.high_confidence == 0 {
                0.0
            } else {
                marks.high_confidence_wrong as f32 / marks.high_confidence as f32
            };
            let reason = if confident_and_wrong > 0.0
                && confident_and_wrong >= split
                && confident_and_wrong >= departure
            {
                Reason::ConfidentAndWrong
            } else if departure > split {
                Reason::Departure
            } else {
                Reason::Split
            };
            Some((
                index,
                AgendaItem {
                    factor: factor.id.clone(),
                    split,
                    departure,
                    confident_and_wrong,
                    priority: split + departure + confident_and_wrong,
                    reason,
                    contested,
                },
            ))
        })
        .collect();
    items.sort_by(|(ia, a), (ib, b)| b.priority.total_cmp(&a.priority).then(ia.cmp(ib)));
    items.into_iter().map(|(_, item)| item).collect()
}

/// The facilitator's optional timer. Times are seconds on any steady clock the caller
/// passes in, so the timer itself never reads a clock. Nothing is ever timed on a
/// trainee: when it reaches zero it says so and waits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timer {
    /// How long the timer was set for, including extensions.
    pub length: f64,
    /// Time counted before the current run.
    elapsed_before: f64,
    /// When the current run started, if running.
    running_since: Option<f64>,
}

impl Timer {
    /// A running timer of `length` seconds, started at `now`.
    pub fn start(length: f64, now: f64) -> Self {
        Self {
            length,
            elapsed_before: 0.0,
            running_since: Some(now),
        }
    }

    /// Seconds counted so far.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.elapsed_before
            + self
                .running_since
                .map_or(0.0, |since| (now - since).max(0.0))
    }

    /// Seconds left, never below zero.
    pub fn remaining(&self, now: f64) -> f64 {
        (self.length - self.elapsed(now)).max(0.0)
    }

    /// Whether it is counting.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Stops counting, keeping the time left.
    pub fn pause(&mut self, now: f64) {
        self.elapsed_before = self.elapsed(now);
        self.running_since = None;
    }

    /// Counts again from `now`.
    pub fn resume(&mut self, now: f64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    /// Adds time.
    pub fn extend(&mut self, seconds: f64) {
        self.length += seconds;
    }

    /// The time left as minutes and seconds, such as "4:05".
    pub fn display(&self, now: f64) -> String {
        let total = self.remaining(now).ceil() as u64;
        format!("{}:{:02}", total / 60, total % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Audience;
    use crate::domain::fixtures::{self, answer, contested};

    fn model() -> Model {
        fixtures::model(&["a", "b", "c"])
    }

    /// a: Present; b: Missing; c: Partly, contested.
    fn case() -> Case {
        let mut case = fixtures::case(
            "c",
            &["p1", "p2"],
            vec![
                answer("a", Verdict::Present, &["p1"]),
                answer("b", Verdict::Missing, &["p1"]),
                contested(answer("c", Verdict::Partly, &["p1"])),
            ],
        );
        case.version = 2;
        case.audience = vec![Audience::SeniorLeaders];
        case.minutes = 60;
        case
    }

    fn tally(present: u32, partly: u32, missing: u32, cant_tell: u32) -> Tally {
        Tally {
            present,
            partly,
            missing,
            cant_tell,
        }
    }

    fn attempt(case: &Case, marks: &[(&str, Verdict, Confidence, &[&str])]) -> Attempt {
        let mut attempt = Attempt::new(case);
        for (factor, verdict, confidence, evidence) in marks {
            let id = FactorId::new(*factor);
            attempt.set_verdict(&id, Some(*verdict));
            attempt.set_confidence(&id, Some(*confidence));
            for passage in *evidence {
                attempt.toggle_evidence(&id, &PassageId::new(*passage));
            }
        }
        attempt
    }

    #[test]
    fn split_is_zero_when_unanimous_and_one_when_even() {
        assert_eq!(split(&tally(10, 0, 0, 0)), 0.0);
        assert_eq!(split(&tally(3, 3, 3, 3)), 1.0);
        assert_eq!(split(&tally(0, 0, 0, 0)), 0.0);
        // Half the room one way, half another: (1 - 1/2) / 0.75 = 2/3.
        assert!((split(&tally(5, 0, 5, 0)) - 2.0 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn departure_uses_the_ordinal_credit() {
        // Model Present: 2 agree (1 each), 2 say Partly (0.5 each): credit 3 of 4.
        assert_eq!(departure(&tally(2, 2, 0, 0), Verdict::Present), 0.25);
        assert_eq!(departure(&tally(0, 0, 4, 0), Verdict::Present), 1.0);
        assert_eq!(departure(&tally(0, 0, 0, 4), Verdict::CantTell), 0.0);
    }

    #[test]
    fn hands_and_files_are_added_together_with_evidence_counts() {
        let case = case();
        let hands = BTreeMap::from([(FactorId::new("a"), tally(3, 1, 0, 0))]);
        let one = attempt(
            &case,
            &[("a", Verdict::Present, Confidence::High, &["p1", "p2"])],
        );
        let two = attempt(
            &case,
            &[
                ("a", Verdict::Missing, Confidence::High, &["p2"]),
                ("b", Verdict::Missing, Confidence::Low, &[]),
            ],
        );
        let room = aggregate(&case, &hands, &[&one, &two]);
        let a = &room[&FactorId::new("a")];
        assert_eq!(a.tally, tally(4, 1, 1, 0));
        assert_eq!((a.high_confidence, a.high_confidence_wrong), (2, 1));
        assert_eq!(a.evidence.get(&PassageId::new("p1")), Some(&1));
        assert_eq!(a.evidence.get(&PassageId::new("p2")), Some(&2));
        assert_eq!(room[&FactorId::new("b")].tally, tally(0, 0, 1, 0));
        assert_eq!(room[&FactorId::new("c")].tally.total(), 0);
    }

    #[test]
    fn agenda_orders_by_split_plus_departure_plus_confident_and_wrong() {
        let case = case();
        let hands = BTreeMap::from([
            // a (model Present): unanimous and right: priority 0.
            (FactorId::new("a"), tally(6, 0, 0, 0)),
            // b (model Missing): 3 Present, 3 Missing: split 2/3, departure 1/2.
            (FactorId::new("b"), tally(3, 0, 3, 0)),
            // c (contested): 2 Partly, 2 Missing: split 2/3, departure 0.
            (FactorId::new("c"), tally(0, 2, 2, 0)),
        ]);
        let sure_and_wrong = attempt(&case, &[("a", Verdict::Missing, Confidence::High, &[])]);
        let room = aggregate(&case, &hands, &[&sure_and_wrong]);
        let items = agenda(&model(), &case, &room);
        let order: Vec<&str> = items.iter().map(|i| i.factor.as_str()).collect();
        // a now: tally 6 Present + 1 Missing: split (1 - 6/7)/0.75 = 0.1905, departure 1/7,
        // confident and wrong 1: priority 1.333. b: 0.6667 + 0.5 = 1.1667. c: 0.6667.
        assert_eq!(order, ["a", "b", "c"]);
        assert!((items[0].priority - (4.0 / 21.0 + 1.0 / 7.0 + 1.0)).abs() < 1e-5);
        assert_eq!(items[0].reason, Reason::ConfidentAndWrong);
        assert!((items[1].priority - (2.0 / 3.0 + 0.5)).abs() < 1e-5);
        assert_eq!(items[1].reason, Reason::Split);
        assert!(items[2].contested);
        assert_eq!(items[2].departure, 0.0);
    }

    #[test]
    fn agenda_ties_keep_the_model_order_and_skip_unmarked_factors() {
        let case = case();
        let hands = BTreeMap::from([
            (FactorId::new("b"), tally(0, 0, 5, 0)),
            (FactorId::new("a"), tally(5, 0, 0, 0)),
        ]);
        let room = aggregate(&case, &hands, &[]);
        let order: Vec<String> = agenda(&model(), &case, &room)
            .into_iter()
            .map(|i| i.factor.0)
            .collect();
        assert_eq!(order, ["a", "b"]);
    }

    #[test]
    fn the_timer_pauses_resumes_and_extends_with_injected_times() {
        let mut timer = Timer::start(300.0, 1000.0);
        assert_eq!(timer.remaining(1060.0), 240.0);
        assert_eq!(timer.display(1060.0), "4:00");
        timer.pause(1060.0);
        assert!(!timer.is_running());
        assert_eq!(timer.remaining(5000.0), 240.0, "paused time does not count");
        timer.resume(5000.0);
        timer.extend(60.0);
        assert_eq!(timer.remaining(5010.5), 289.5);
        assert_eq!(timer.display(5010.5), "4:50");
        assert_eq!(timer.remaining(99_999.0), 0.0, "it stops at zero");
        assert_eq!(timer.display(99_999.0), "0:00");
    }
}
