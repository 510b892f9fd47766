//! Feedback from the model: agreement per factor, overall agreement, calibration, and the
//! order in which feedback is read.
//!
//! # The rules
//!
//! **Agreement is ordinal.** Present, Partly and Missing lie on a line, one step apart.
//! The same verdict as the model earns full credit (1); one step apart earns half (0.5);
//! two steps apart earns none (0).
//!
//! **Can't tell is off the line.** It agrees only with itself: Can't tell against Can't
//! tell earns full credit; Can't tell against any other verdict, either way round, earns
//! none. Saying "Can't tell" where the record speaks misses evidence that is there;
//! choosing a verdict where the record is silent claims evidence that is not.
//!
//! **Contested factors are not scored.** When the case author marks a factor contested,
//! feedback shows both readings and the factor is left out of overall agreement.
//!
//! **Unmarked factors score none** and are counted in overall agreement, so skipping a
//! factor never raises a score.
//!
//! **Overall agreement** is the mean credit over the scored factors (every factor that is
//! not contested), from 0 to 1.
//!
//! **Calibration** compares how sure a trainee was with how well they agreed: for each
//! confidence level, the number of factors and their mean credit. A factor marked High
//! confidence with no credit is "confident and wrong".
//!
//! **Feedback order** puts what most needs attention first: disagreements marked High,
//! then Medium, then Low or no confidence; then unmarked factors; then half agreement;
//! then contested factors; then full agreement. Ties keep the model's order.

use std::collections::BTreeSet;

use super::attempt::{Attempt, Confidence};
use super::case::{Case, PassageId, Verdict};
use super::model::{FactorId, Model};

/// How a trainee's verdict compares with the model's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agreement {
    /// The same verdict: full credit.
    Agree,
    /// One step apart on the Present–Partly–Missing line: half credit.
    Near,
    /// Further apart, or Can't tell against a verdict: no credit.
    Disagree,
    /// The trainee gave no verdict: no credit.
    NotMarked,
    /// The author marked the factor contested: not scored.
    Contested,
}

impl Agreement {
    /// The credit earned, or `None` when the factor is not scored.
    pub fn credit(self) -> Option<f32> {
        match self {
            Self::Agree => Some(1.0),
            Self::Near => Some(0.5),
            Self::Disagree | Self::NotMarked => Some(0.0),
            Self::Contested => None,
        }
    }

    /// Short words for the agreement, for labels and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Agree => "Agrees with the model",
            Self::Near => "One step from the model",
            Self::Disagree => "Differs from the model",
            Self::NotMarked => "Not marked",
            Self::Contested => "Contested: not scored",
        }
    }
}

/// Compares a verdict with the model's, by the rules in the module documentation.
pub fn compare(model: Verdict, yours: Verdict) -> Agreement {
    match (model.position(), yours.position()) {
        (Some(a), Some(b)) => match a.abs_diff(b) {
            0 => Agreement::Agree,
            1 => Agreement::Near,
            _ => Agreement::Disagree,
        },
        (None, None) => Agreement::Agree,
        _ => Agreement::Disagree,
    }
}

/// Whether feedback on a factor is good news, mixed, or needs attention; used for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackTone {
    /// Full agreement.
    Good,
    /// Half agreement, or contested.
    Mixed,
    /// No credit.
    Attention,
}

/// Feedback on one factor.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FactorFeedback {
    /// The factor.
    pub factor: FactorId,
    /// Position of the factor in the model, from 0.
    pub model_index: usize,
    /// The trainee's verdict.
    pub yours: Option<Verdict>,
    /// How sure they were.
    pub confidence: Option<Confidence>,
    /// The model's verdict.
    pub model: Verdict,
    /// How they compare.
    pub agreement: Agreement,
    /// Passages the model cites that the trainee also cited, in reading order.
    pub found: Vec<PassageId>,
    /// Passages the model cites that the trainee did not, in reading order.
    pub missed: Vec<PassageId>,
    /// Passages the trainee cited that the model does not, in reading order.
    pub extra: Vec<PassageId>,
}

impl FactorFeedback {
    /// Sure of a verdict that earned no credit.
    pub fn confident_and_wrong(&self) -> bool {
        self.confidence == Some(Confidence::High) && self.agreement == Agreement::Disagree
    }

    /// Good, mixed or needs attention.
    pub fn tone(&self) -> FeedbackTone {
        match self.agreement {
            Agreement::Agree => FeedbackTone::Good,
            Agreement::Near | Agreement::Contested => FeedbackTone::Mixed,
            Agreement::Disagree | Agreement::NotMarked => FeedbackTone::Attention,
        }
    }

    /// One sentence comparing the two verdicts.
    pub fn headline(&self, other_reading: Option<Verdict>) -> String {
        let model = self.model.label();
        match (self.agreement, self.yours) {
            (Agreement::Contested, yours) => {
                let other =
                    other_reading.map_or(String::new(), |v| format!(" Others read it as {v}."));
                let you = yours.map_or("You did not mark it.".to_owned(), |v| {
                    format!("You said {v}.")
                });
                format!("Contested, so not scored. The model reads it as {model}.{other} {you}")
            }
            (Agreement::NotMarked, _) | (_, None) => format!("Not marked. The model says {model}."),
            (Agreement::Agree, Some(_)) => format!("You agree with the model: {model}."),
            (Agreement::Near, Some(yours)) => {
                format!("One step apart: you said {yours}, the model says {model}. Half credit.")
            }
            (Agreement::Disagree, Some(yours)) => {
                format!("You said {yours}; the model says {model}. No credit.")
            }
        }
    }

    /// The order key for reading feedback, by the rules in the module documentation.
    fn order_key(&self) -> (u8, usize) {
        let bucket = match (self.agreement, self.confidence) {
            (Agreement::Disagree, Some(Confidence::High)) => 0,
            (Agreement::Disagree, Some(Confidence::Medium)) => 1,
            (Agreement::Disagree, _) => 2,
            (Agreement::NotMarked, _) => 3,
            (Agreement::Near, _) => 4,
            (Agreement::Contested, _) => 5,
            (Agreement::Agree, _) => 6,
        };
        (bucket, self.model_index)
    }
}

/// Agreement at one level of confidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConfidenceLevel {
    /// The level.
    pub confidence: Confidence,
    /// How many scored factors were marked at this level.
    pub count: usize,
    /// Their mean credit, when there are any.
    pub mean_credit: Option<f32>,
}

/// How well confidence matched agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// One entry per level, lowest first.
    pub levels: Vec<ConfidenceLevel>,
    /// Factors marked High confidence that earned no credit.
    pub confident_and_wrong: usize,
}

impl Calibration {
    /// One or two plain sentences about calibration.
    pub fn summary(&self) -> String {
        let rated: usize = self.levels.iter().map(|l| l.count).sum();
        if rated == 0 {
            return "No scored factor has a confidence, so there is nothing to compare.".to_owned();
        }
        let level = |c: Confidence| self.levels.iter().find(|l| l.confidence == c);
        let describe = |l: &ConfidenceLevel| {
            l.mean_credit.map(|m| {
                format!(
                    "{} marked {}: {:.0}% agreement",
                    l.count,
                    l.confidence.label().to_lowercase(),
                    m * 100.0
                )
            })
        };
        let parts: Vec<String> = self.levels.iter().filter_map(describe).collect();
        let mut text = format!("By confidence: {}.", parts.join("; "));
        if self.confident_and_wrong > 0 {
            let s = if self.confident_and_wrong == 1 {
                ""
            } else {
                "s"
            };
            text.push_str(&format!(
                " You were sure of {} answer{s} that the model reads differently. Start with {}.",
                self.confident_and_wrong,
                if self.confident_and_wrong == 1 {
                    "that one"
                } else {
                    "those"
                }
            ));
        } else if let (Some(high), Some(low)) = (
            level(Confidence::High).and_then(|l| l.mean_credit),
            level(Confidence::Low).and_then(|l| l.mean_credit),
        ) && high < low
        {
            text.push_str(" Your guesses did better than the answers you were sure of.");
        }
        text
    }
}

/// Feedback on a whole attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// One entry per factor, in reading order (see the module documentation).
    pub factors: Vec<FactorFeedback>,
    /// Mean credit over scored factors, from 0 to 1; `None` when every factor is contested.
    pub agreement: Option<f32>,
    /// How many factors were scored.
    pub scored: usize,
    /// How confidence matched agreement.
    pub calibration: Calibration,
}

impl Feedback {
    /// Computes feedback on an attempt. Factors follow the model; a factor the case does
    /// not answer is skipped (validated cases answer every factor).
    pub fn new(model: &Model, case: &Case, attempt: &Attempt) -> Self {
        let reading_order: Vec<&PassageId> = case.passages().map(|p| &p.id).collect();
        let mut factors: Vec<FactorFeedback> = model
            .factors
            .iter()
            .enumerate()
            .filter_map(|(model_index, factor)| {
                let answer = case.answer(&factor.id)?;
                let mark = attempt.mark(&factor.id);
                let yours = mark.and_then(|m| m.verdict);
                let agreement = match (answer.contested.is_some(), yours) {
                    (true, _) => Agreement::Contested,
                    (false, None) => Agreement::NotMarked,
                    (false, Some(yours)) => compare(answer.verdict, yours),
                };
                let cited: BTreeSet<&PassageId> = mark
                    .map(|m| m.evidence.iter().collect())
                    .unwrap_or_default();
                let model_cites: BTreeSet<&PassageId> = answer.evidence.iter().collect();
                let in_order = |keep: &dyn Fn(&PassageId) -> bool| -> Vec<PassageId> {
                    reading_order
                        .iter()
                        .filter(|p| keep(p))
                        .map(|p| (*p).clone())
                        .collect()
                };
                Some(FactorFeedback {
                    factor: factor.id.clone(),
                    model_index,
                    yours,
                    confidence: mark.and_then(|m| m.confidence),
                    model: answer.verdict,
                    agreement,
                    found: in_order(&|p| model_cites.contains(p) && cited.contains(p)),
                    missed: in_order(&|p| model_cites.contains(p) && !cited.contains(p)),
                    extra: in_order(&|p| !model_cites.contains(p) && cited.contains(p)),
                })
            })
            .collect();
        factors.sort_by_key(FactorFeedback::order_key);

        let credits: Vec<f32> = factors
            .iter()
            .filter_map(|f| f.agreement.credit())
            .collect();
        let scored = credits.len();
        let agreement = (scored > 0).then(|| credits.iter().sum::<f32>() / scored as f32);

        let levels = Confidence::ALL
            .iter()
            .map(|&confidence| {
                let at_level: Vec<f32> = factors
                    .iter()
                    .filter(|f| f.confidence == Some(confidence) && f.yours.is_some())
                    .filter_map(|f| f.agreement.credit())
                    .collect();
                let count = at_level.len();
                ConfidenceLevel {
                    confidence,
                    count,
                    mean_credit: (count > 0).then(|| at_level.iter().sum::<f32>() / count as f32),
                }
            })
            .collect();
        let confident_and_wrong = factors.iter().filter(|f| f.confident_and_wrong()).count();

        Self {
            factors,
            agreement,
            scored,
            calibration: Calibration {
                levels,
                confident_and_wrong,
            },
        }
    }

    /// Feedback for one factor.
    pub fn factor(&self, id: &FactorId) -> Option<&FactorFeedback> {
        self.factors.iter().find(|f| &f.factor == id)
    }

    /// Overall agreement as a whole percentage, for display.
    pub fn agreement_percent(&self) -> Option<u32> {
        self.agreement.map(|a| (a * 100.0).round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Contested;
    use crate::domain::fixtures::{answer, case as case_of, model as model_of};

    fn model() -> Model {
        model_of(&["a", "b", "c", "d"])
    }

    /// Four factors: a Present (p1, p2), b Partly (p3), c Missing, d Can't tell.
    fn case() -> Case {
        case_of(
            "t",
            &["p1", "p2", "p3", "p4"],
            vec![
                answer("a", Verdict::Present, &["p2", "p1"]),
                answer("b", Verdict::Partly, &["p3"]),
                answer("c", Verdict::Missing, &[]),
                answer("d", Verdict::CantTell, &[]),
            ],
        )
    }

    fn mark(attempt: &mut Attempt, factor: &str, verdict: Verdict, confidence: Option<Confidence>) {
        let id = FactorId::new(factor);
        attempt.set_verdict(&id, Some(verdict));
        attempt.set_confidence(&id, confidence);
    }

    #[test]
    fn agreement_on_the_line_is_one_minus_half_a_step() {
        use Verdict::{CantTell, Missing, Partly, Present};
        assert_eq!(compare(Present, Present), Agreement::Agree);
        assert_eq!(compare(Present, Partly), Agreement::Near);
        assert_eq!(compare(Partly, Missing), Agreement::Near);
        assert_eq!(compare(Missing, Partly), Agreement::Near);
        assert_eq!(compare(Present, Missing), Agreement::Disagree);
        assert_eq!(compare(Missing, Present), Agreement::Disagree);
        assert_eq!(Agreement::Near.credit(), Some(0.5));
        // Can't tell agrees only with itself, either way round.
        assert_eq!(compare(CantTell, CantTell), Agreement::Agree);
        for verdict in [Present, Partly, Missing] {
            assert_eq!(compare(CantTell, verdict), Agreement::Disagree);
            assert_eq!(compare(verdict, CantTell), Agreement::Disagree);
        }
        assert_eq!(Agreement::Contested.credit(), None);
        assert_eq!(Agreement::NotMarked.credit(), Some(0.0));
    }

    #[test]
    fn overall_agreement_is_mean_credit_with_unmarked_as_zero() {
        let case = case();
        let mut attempt = Attempt::new(&case);
        mark(&mut attempt, "a", Verdict::Present, None); // 1
        mark(&mut attempt, "b", Verdict::Missing, None); // 0.5
        mark(&mut attempt, "c", Verdict::Present, None); // 0
        // d unmarked: 0
        let feedback = Feedback::new(&model(), &case, &attempt);
        assert_eq!(feedback.scored, 4);
        assert_eq!(feedback.agreement, Some(0.375));
        assert_eq!(feedback.agreement_percent(), Some(38));
    }

    #[test]
    fn contested_factors_are_shown_but_not_scored() {
        let mut case = case();
        case.answers[0].contested = Some(Contested {
            why: "Both readings hold.".to_owned(),
            other_verdict: Verdict::Partly,
            other_rationale: "Other.".to_owned(),
        });
        let mut attempt = Attempt::new(&case);
        mark(&mut attempt, "a", Verdict::Missing, Some(Confidence::High));
        mark(&mut attempt, "b", Verdict::Partly, None);
        mark(&mut attempt, "c", Verdict::Missing, None);
        mark(&mut attempt, "d", Verdict::CantTell, None);
        let feedback = Feedback::new(&model(), &case, &attempt);
        assert_eq!(feedback.scored, 3);
        assert_eq!(feedback.agreement, Some(1.0));
        let a = feedback.factor(&FactorId::new("a")).unwrap();
        assert_eq!(a.agreement, Agreement::Contested);
        assert!(!a.confident_and_wrong());
        assert_eq!(
            a.headline(Some(Verdict::Partly)),
            "Contested, so not scored. The model reads it as Present. Others read it as Partly. You said Missing."
        );
    }

    #[test]
    fn every_factor_contested_means_no_score() {
        let mut case = case();
        for answer in &mut case.answers {
            answer.contested = Some(Contested {
                why: "W".to_owned(),
                other_verdict: Verdict::Partly,
                other_rationale: "R".to_owned(),
            });
        }
        let feedback = Feedback::new(&model(), &case, &Attempt::new(&case));
        assert_eq!(feedback.scored, 0);
        assert_eq!(feedback.agreement, None);
    }

    #[test]
    fn evidence_is_split_into_found_missed_and_extra_in_reading_order() {
        let case = case();
        let mut attempt = Attempt::new(&case);
        let a = FactorId::new("a");
        attempt.toggle_evidence(&a, &PassageId::new("p4"));
        attempt.toggle_evidence(&a, &PassageId::new("p2"));
        attempt.toggle_evidence(&a, &PassageId::new("p3"));
        attempt.toggle_evidence(&a, &PassageId::new("p3")); // toggled off again
        let feedback = Feedback::new(&model(), &case, &attempt);
        let a = feedback.factor(&a).unwrap();
        assert_eq!(a.found, vec![PassageId::new("p2")]);
        assert_eq!(a.missed, vec![PassageId::new("p1")]);
        assert_eq!(a.extra, vec![PassageId::new("p4")]);
    }

    #[test]
    fn feedback_order_puts_confident_and_wrong_first() {
        let case = case();
        let mut attempt = Attempt::new(&case);
        mark(&mut attempt, "a", Verdict::Present, Some(Confidence::High)); // agree
        mark(&mut attempt, "b", Verdict::CantTell, Some(Confidence::Low)); // disagree, low
        mark(&mut attempt, "c", Verdict::Present, Some(Confidence::High)); // disagree, high
        // d unmarked
        let feedback = Feedback::new(&model(), &case, &attempt);
        let order: Vec<&str> = feedback.factors.iter().map(|f| f.factor.as_str()).collect();
        assert_eq!(order, ["c", "b", "d", "a"]);
        assert_eq!(feedback.calibration.confident_and_wrong, 1);
    }

    #[test]
    fn ties_in_feedback_order_keep_the_model_order() {
        let case = case();
        let feedback = Feedback::new(&model(), &case, &Attempt::new(&case));
        let order: Vec<&str> = feedback.factors.iter().map(|f| f.factor.as_str()).collect();
        assert_eq!(order, ["a", "b", "c", "d"]);
        assert!(
            feedback
                .factors
                .iter()
                .all(|f| f.agreement == Agreement::NotMarked)
        );
    }

    #[test]
    fn calibration_reports_mean_credit_per_confidence_level() {
        let case = case();
        let mut attempt = Attempt::new(&case);
        mark(&mut attempt, "a", Verdict::Partly, Some(Confidence::High)); // 0.5
        mark(&mut attempt, "b", Verdict::Partly, Some(Confidence::High)); // 1
        mark(&mut attempt, "c", Verdict::Missing, Some(Confidence::Low)); // 1
        mark(&mut attempt, "d", Verdict::Present, None); // 0, no confidence
        let calibration = Feedback::new(&model(), &case, &attempt).calibration;
        let high = calibration
            .levels
            .iter()
            .find(|l| l.confidence == Confidence::High)
            .unwrap();
        assert_eq!((high.count, high.mean_credit), (2, Some(0.75)));
        let medium = calibration
            .levels
            .iter()
            .find(|l| l.confidence == Confidence::Medium)
            .unwrap();
        assert_eq!((medium.count, medium.mean_credit), (0, None));
        let low = calibration
            .levels
            .iter()
            .find(|l| l.confidence == Confidence::Low)
            .unwrap();
        assert_eq!((low.count, low.mean_credit), (1, Some(1.0)));
        assert_eq!(calibration.confident_and_wrong, 0);
        assert_eq!(
            calibration.summary(),
            "By confidence: 1 marked low: 100% agreement; 2 marked high: 75% agreement. \
             Your guesses did better than the answers you were sure of."
        );
    }

    #[test]
    fn calibration_without_confidence_says_so() {
        let case = case();
        let calibration = Feedback::new(&model(), &case, &Attempt::new(&case)).calibration;
        assert_eq!(
            calibration.summary(),
            "No scored factor has a confidence, so there is nothing to compare."
        );
    }

    #[test]
    fn headlines_state_both_verdicts() {
        let case = case();
        let mut attempt = Attempt::new(&case);
        mark(&mut attempt, "a", Verdict::Partly, None);
        mark(&mut attempt, "c", Verdict::Present, None);
        mark(&mut attempt, "d", Verdict::CantTell, None);
        let feedback = Feedback::new(&model(), &case, &attempt);
        let headline = |id: &str| feedback.factor(&FactorId::new(id)).unwrap().headline(None);
        assert_eq!(
            headline("a"),
            "One step apart: you said Partly, the model says Present. Half credit."
        );
        assert_eq!(headline("b"), "Not marked. The model says Partly.");
        assert_eq!(
            headline("c"),
            "You said Present; the model says Missing. No credit."
        );
        assert_eq!(headline("d"), "You agree with the model: Can't tell.");
    }
}
