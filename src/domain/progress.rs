//! One person's self-study record: work in progress, every checked attempt, where they
//! were, and a spaced-review queue of the factors they misjudged.
//!
//! Nothing here reads the clock: every time is passed in.
//!
//! # Review
//!
//! # Misjudged factors
//!
//! A factor is **misjudged** in a check when the trainee gave it a verdict that earned less
//! than full credit (one step from the model, or further). Contested factors are not
//! scored, so never misjudged. A factor left unmarked is not misjudged either: the trainee
//! made no judgement, and feedback already lists it as not marked. "My record" lists the
//! factors most often misjudged from these counts alone; a check saved before this rule,
//! whose list may name unmarked factors, is read by the same rule (a factor counts only if
//! that check's attempt gave it a verdict).
//!
//! # Review
//!
//! When a check finds a factor misjudged, and the model cites evidence for it (a review
//! needs a passage to show), that case and factor join the review queue. Unmarked factors
//! are not queued: checking a half-finished attempt would otherwise fill the queue with
//! every factor not yet reached, crowding out the ones the trainee actually got wrong, and
//! the trainee meets those factors again when they finish the case. A review shows one of the passages the model
//! cites for the factor and asks which factor it shows and how present it was in the case.
//! Scheduling uses FSRS (the `rs-fsrs` crate, long-term scheduler, no random fuzz): a right
//! answer is rated Good and the next review moves further out; a wrong one is rated Again
//! and comes back sooner.
//!
//! The record keeps its own [`Schedule`], not the crate's `Card`: the store's format must
//! not change because another crate renamed a field. The two convert at the boundary, in
//! [`Progress::answer_review`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};

use super::attempt::{Attempt, Confidence};
use super::case::{Case, CaseId, PassageId, Verdict};
use super::feedback::{Agreement, Feedback};
use super::model::{FactorId, Model};

/// Where the trainee was: a case and a factor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// The case.
    pub case: CaseId,
    /// The factor, by position in the model.
    pub factor: usize,
}

/// An attempt as it was when checked.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CheckedAttempt {
    /// When it was checked.
    pub when: DateTime<Utc>,
    /// The marks.
    pub attempt: Attempt,
    /// Overall agreement, 0 to 1; `None` when nothing was scored.
    pub agreement: Option<f32>,
    /// How many factors were marked High confidence and earned no credit.
    pub confident_and_wrong: usize,
    /// The factors given a verdict that earned less than full credit: never contested or
    /// unmarked ones (checks saved before that rule may list unmarked factors; the summary
    /// leaves them out).
    pub misjudged: Vec<FactorId>,
}

/// A case and factor to review, with its schedule.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReviewItem {
    /// The case.
    pub case: CaseId,
    /// The factor misjudged.
    pub factor: FactorId,
    /// When it is due and how well it is known.
    pub schedule: Schedule,
}

/// A review's schedule: when it is next due and what FSRS knows of it. The fields are the
/// project's own, written as they are into `progress.ron`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Schedule {
    /// When the review is next due.
    pub due: DateTime<Utc>,
    /// When it was last reviewed (or queued, before the first review).
    pub last_review: DateTime<Utc>,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 to 10 (0 before the first review).
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days from the last review to the next.
    pub scheduled_days: i64,
    /// Reviews answered.
    pub reps: i32,
    /// Times a known item was forgotten.
    pub lapses: i32,
    /// Where it is in learning.
    pub stage: Stage,
}

/// Where a review item is in learning, as FSRS sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Never reviewed.
    #[default]
    New,
    /// Being learned.
    Learning,
    /// Known; reviewed at growing intervals.
    Review,
    /// Forgotten and being learned again.
    Relearning,
}

impl Schedule {
    /// A new item, due at `when`.
    pub fn new_due(when: DateTime<Utc>) -> Self {
        Self::from_card(&Card {
            due: when,
            last_review: when,
            ..Card::default()
        })
    }

    fn from_card(card: &Card) -> Self {
        Self {
            due: card.due,
            last_review: card.last_review,
            stability: card.stability,
            difficulty: card.difficulty,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: card.reps,
            lapses: card.lapses,
            stage: match card.state {
                State::New => Stage::New,
                State::Learning => Stage::Learning,
                State::Review => Stage::Review,
                State::Relearning => Stage::Relearning,
            },
        }
    }

    fn to_card(&self) -> Card {
        Card {
            due: self.due,
            last_review: self.last_review,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: match self.stage {
                Stage::New => State::New,
                Stage::Learning => State::Learning,
                Stage::Review => State::Review,
                Stage::Relearning => State::Relearning,
            },
        }
    }
}

/// The whole self-study record.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Where the trainee was when they last closed the app.
    pub place: Option<Place>,
    /// Work in progress, by case: each on the version of the case last opened.
    pub attempts: BTreeMap<CaseId, Attempt>,
    /// Work on other versions of a case (a case file with the same id but another
    /// version was opened): kept apart, by case and version, never mixed with the work on
    /// the version open now, and brought back when that version is opened again.
    pub set_aside: Vec<Attempt>,
    /// Every checked attempt, oldest first.
    pub history: Vec<CheckedAttempt>,
    /// The review queue.
    pub review: Vec<ReviewItem>,
    /// The seminar that was running when the app last saved, if any, to resume it.
    pub seminar: Option<super::seminar::SavedSeminar>,
    /// Your own collaboration: the assessments of partnerships the user is part of, their
    /// plans and look-backs, oldest first.
    pub collaboration: super::assessment::History,
    /// The folder the trainee last saved an attempt file in (often a seminar's shared
    /// folder): **Save your attempt file** opens there next time.
    pub attempt_folder: Option<std::path::PathBuf>,
}

fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    })
}

impl Progress {
    /// Records a check: keeps the attempt in the history and queues misjudged factors (see
    /// the module documentation: marked, with less than full credit; never unmarked ones)
    /// that the model cites evidence for, due now.
    pub fn record_check(
        &mut self,
        case: &Case,
        attempt: &Attempt,
        feedback: &Feedback,
        when: DateTime<Utc>,
    ) {
        let misjudged: Vec<FactorId> = feedback
            .factors
            .iter()
            .filter(|f| matches!(f.agreement, Agreement::Near | Agreement::Disagree))
            .filter(|f| attempt.verdict(&f.factor).is_some())
            .map(|f| f.factor.clone())
            .collect();
        let reviewable = misjudged
            .iter()
            .filter(|factor| case.answer(factor).is_some_and(|a| !a.evidence.is_empty()));
        for factor in reviewable {
            let queued = self
                .review
                .iter()
                .any(|r| r.case == case.id && &r.factor == factor);
            if !queued {
                self.review.push(ReviewItem {
                    case: case.id.clone(),
                    factor: factor.clone(),
                    schedule: Schedule::new_due(when),
                });
            }
        }
        self.history.push(CheckedAttempt {
            when,
            attempt: attempt.clone(),
            agreement: feedback.agreement,
            confident_and_wrong: feedback.calibration.confident_and_wrong,
            misjudged,
        });
    }

    /// The latest checked attempt on a case.
    pub fn last_check(&self, case: &CaseId) -> Option<&CheckedAttempt> {
        self.history
            .iter()
            .rev()
            .find(|h| &h.attempt.case_id == case)
    }

    /// Review items due by `now`, soonest first, at most `limit`.
    pub fn due(&self, now: DateTime<Utc>, limit: usize) -> Vec<&ReviewItem> {
        let mut due: Vec<&ReviewItem> = self
            .review
            .iter()
            .filter(|r| r.schedule.due <= now)
            .collect();
        due.sort_by(|a, b| {
            a.schedule
                .due
                .cmp(&b.schedule.due)
                .then(a.case.cmp(&b.case))
                .then(a.factor.cmp(&b.factor))
        });
        due.truncate(limit);
        due
    }

    /// Records a review answer and schedules the next review.
    pub fn answer_review(
        &mut self,
        case: &CaseId,
        factor: &FactorId,
        right: bool,
        now: DateTime<Utc>,
    ) {
        let Some(item) = self
            .review
            .iter_mut()
            .find(|r| &r.case == case && &r.factor == factor)
        else {
            return;
        };
        let rating = if right { Rating::Good } else { Rating::Again };
        let next = scheduler().next(item.schedule.to_card(), now, rating).card;
        item.schedule = Schedule::from_card(&next);
    }

    /// Makes the work in progress on `case` the work on this version of it. Work on
    /// another version is set aside, and work set aside earlier for this version comes
    /// back, so marks made against other text never sit against this text. Returns whether
    /// the record changed.
    pub fn switch_to(&mut self, case: &Case) -> bool {
        let open = self.attempts.get(&case.id).map(|a| a.case_version);
        if open == Some(case.version) {
            return false;
        }
        let mut changed = false;
        if let Some(other) = self.attempts.remove(&case.id) {
            self.set_aside
                .retain(|a| !(a.case_id == other.case_id && a.case_version == other.case_version));
            self.set_aside.push(other);
            changed = true;
        }
        if let Some(at) = self
            .set_aside
            .iter()
            .position(|a| a.case_id == case.id && a.case_version == case.version)
        {
            let back = self.set_aside.remove(at);
            self.attempts.insert(case.id.clone(), back);
            changed = true;
        }
        changed
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// A summary of the record, for the "My record" screen.
    pub fn summary(&self, model: &Model) -> Summary {
        let mut started: Vec<CaseId> = self.attempts.keys().cloned().collect();
        let mut finished: Vec<CaseId> = Vec::new();
        for check in &self.history {
            if !finished.contains(&check.attempt.case_id) {
                finished.push(check.attempt.case_id.clone());
            }
        }
        started.retain(|c| !finished.contains(c));
        let mut misjudged: BTreeMap<FactorId, usize> = BTreeMap::new();
        for check in &self.history {
            let marked = check
                .misjudged
                .iter()
                .filter(|factor| check.attempt.verdict(factor).is_some());
            for factor in marked {
                *misjudged.entry(factor.clone()).or_default() += 1;
            }
        }
        let mut most_misjudged: Vec<(FactorId, usize)> = misjudged.into_iter().collect();
        let position = |f: &FactorId| {
            model
                .factors
                .iter()
                .position(|m| &m.id == f)
                .unwrap_or(usize::MAX)
        };
        most_misjudged.sort_by(|a, b| b.1.cmp(&a.1).then(position(&a.0).cmp(&position(&b.0))));
        let high_confidence: Vec<(usize, usize)> = self
            .history
            .iter()
            .map(|c| {
                let sure = c
                    .attempt
                    .marks
                    .values()
                    .filter(|m| m.confidence == Some(Confidence::High) && m.verdict.is_some())
                    .count();
                (sure, c.confident_and_wrong)
            })
            .collect();
        Summary {
            started,
            finished,
            most_misjudged,
            high_confidence,
        }
    }
}

/// What "My record" shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Cases with work in progress that were never checked.
    pub started: Vec<CaseId>,
    /// Cases checked at least once, in the order first checked.
    pub finished: Vec<CaseId>,
    /// Factors misjudged, most often first (ties in model order), with counts.
    pub most_misjudged: Vec<(FactorId, usize)>,
    /// For each check in order: answers marked High confidence, and how many earned no credit.
    pub high_confidence: Vec<(usize, usize)>,
}

/// A review question: one passage the model cites for the factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewQuestion {
    /// The passage to show.
    pub passage: PassageId,
    /// Factors that count as right: every factor whose model evidence includes the passage,
    /// with the model's verdict for each.
    pub accepted: Vec<(FactorId, Verdict)>,
}

impl ReviewQuestion {
    /// The question for a review item: the first passage the model cites for its factor.
    pub fn for_item(case: &Case, factor: &FactorId) -> Option<Self> {
        let passage = case.answer(factor)?.evidence.first()?.clone();
        let accepted = case
            .answers
            .iter()
            .filter(|a| a.evidence.contains(&passage))
            .map(|a| (a.factor.clone(), a.verdict))
            .collect();
        Some(Self { passage, accepted })
    }

    /// Whether an answer is right: a factor the passage shows, with the model's verdict.
    pub fn is_right(&self, factor: &FactorId, verdict: Verdict) -> bool {
        self.accepted
            .iter()
            .any(|(f, v)| f == factor && *v == verdict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{self, answer};

    fn at(day: u32) -> DateTime<Utc> {
        use chrono::TimeZone as _;
        Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn model() -> Model {
        fixtures::model(&["a", "b", "c", "d"])
    }

    /// a: Present; b: Missing; c: Partly, with no evidence cited; d: Present.
    fn case() -> Case {
        fixtures::case(
            "c",
            &["p1"],
            vec![
                answer("a", Verdict::Present, &["p1"]),
                answer("b", Verdict::Missing, &["p1"]),
                answer("c", Verdict::Partly, &[]),
                answer("d", Verdict::Present, &["p1"]),
            ],
        )
    }

    fn attempt(case: &Case, marks: &[(&str, Verdict)]) -> Attempt {
        let mut attempt = Attempt::new(case);
        for (factor, verdict) in marks {
            attempt.set_verdict(&FactorId::new(*factor), Some(*verdict));
        }
        attempt
    }

    fn check(progress: &mut Progress, attempt: &Attempt, day: u32) {
        let case = case();
        let feedback = Feedback::new(&model(), &case, attempt);
        progress.record_check(&case, attempt, &feedback, at(day));
    }

    fn ids(factors: &[FactorId]) -> Vec<&str> {
        factors.iter().map(FactorId::as_str).collect()
    }

    #[test]
    fn unmarked_factors_are_neither_misjudged_nor_queued_for_review() {
        let case = case();
        // a two steps out, b one step out, c one step out (no evidence to review), d left
        // unmarked.
        let first = attempt(
            &case,
            &[
                ("a", Verdict::Missing),
                ("b", Verdict::Partly),
                ("c", Verdict::Present),
            ],
        );
        let mut progress = Progress::default();
        check(&mut progress, &first, 1);
        assert_eq!(ids(&progress.history[0].misjudged), ["a", "b", "c"]);
        let queued: Vec<&str> = progress.review.iter().map(|r| r.factor.as_str()).collect();
        assert_eq!(queued, ["a", "b"]);
    }

    #[test]
    fn factors_you_most_often_misjudge_counts_only_marked_factors() {
        let case = case();
        let mut progress = Progress::default();
        check(
            &mut progress,
            &attempt(&case, &[("a", Verdict::Missing), ("b", Verdict::Partly)]),
            1,
        );
        // Only a marked, wrong again; b, c and d unmarked.
        check(&mut progress, &attempt(&case, &[("a", Verdict::Partly)]), 2);
        // A check saved by an earlier version, which listed the unmarked d as misjudged.
        progress.history.push(CheckedAttempt {
            when: at(3),
            attempt: attempt(&case, &[("b", Verdict::Present)]),
            agreement: Some(0.0),
            confident_and_wrong: 0,
            misjudged: vec![FactorId::new("b"), FactorId::new("d")],
        });
        let summary = progress.summary(&model());
        let most: Vec<(&str, usize)> = summary
            .most_misjudged
            .iter()
            .map(|(f, n)| (f.as_str(), *n))
            .collect();
        assert_eq!(most, [("a", 2), ("b", 2)]);
    }
}
