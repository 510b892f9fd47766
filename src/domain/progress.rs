//! One person's self-study record: work in progress, every checked attempt, where they
//! were, and a spaced-review queue of the factors they misjudged.
//!
//! Nothing here reads the clock: every time is passed in.
//!
//! # Review
//!
//! When a check finds a factor misjudged (less than full credit, and not contested), that
//! case and factor join the review queue. A review shows one of the passages the model
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
    /// The factors marked with less than full credit (not counting contested or unmarked ones).
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
    /// Work in progress, by case.
    pub attempts: BTreeMap<CaseId, Attempt>,
    /// Every checked attempt, oldest first.
    pub history: Vec<CheckedAttempt>,
    /// The review queue.
    pub review: Vec<ReviewItem>,
}

fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    })
}

impl Progress {
    /// Records a check: keeps the attempt in the history and queues misjudged factors for
    /// review, due now.
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
            .filter(|f| {
                matches!(
                    f.agreement,
                    Agreement::Near | Agreement::Disagree | Agreement::NotMarked
                )
            })
            .filter(|f| {
                case.answer(&f.factor)
                    .is_some_and(|a| !a.evidence.is_empty())
            })
            .map(|f| f.factor.clone())
            .collect();
        for factor in &misjudged {
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
            for factor in &check.misjudged {
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
