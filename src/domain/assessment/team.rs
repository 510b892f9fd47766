//! The team's view: the spread of the team's verdicts per factor, most divided first.

use super::super::case::Verdict;
use super::super::model::{FactorId, Model};
use super::super::seminar::{self, Tally};

use super::Assessment;

/// How the team reads one factor.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorSpread {
    /// The factor.
    pub factor: FactorId,
    /// Verdicts counted.
    pub tally: Tally,
    /// Members who gave no verdict.
    pub unmarked: u32,
    /// The seminar's split measure, 0 to 1.
    pub split: f32,
    /// Steps between the furthest-apart verdicts on the Present–Partly–Missing line: 0 to 2.
    pub range: u8,
}

/// The team's verdicts per factor, in the model's order.
pub fn spread(model: &Model, team: &[&Assessment]) -> Vec<FactorSpread> {
    model
        .factors
        .iter()
        .map(|factor| {
            let mut tally = Tally::default();
            let mut unmarked = 0;
            for member in team {
                match member.verdict(&factor.id) {
                    Some(v) => *tally.count_mut(v) += 1,
                    None => unmarked += 1,
                }
            }
            let positions: Vec<u8> = Verdict::ALL
                .iter()
                .filter(|&&v| tally.count(v) > 0)
                .filter_map(|v| v.position())
                .collect();
            let range = match (positions.iter().min(), positions.iter().max()) {
                (Some(low), Some(high)) => high - low,
                _ => 0,
            };
            FactorSpread {
                factor: factor.id.clone(),
                split: seminar::split(&tally),
                tally,
                unmarked,
                range,
            }
        })
        .collect()
}

/// The factors the team sees most differently first, by the rule in the module
/// documentation. `spreads` must be in the model's order, as [`spread`] gives them.
pub fn team_order(spreads: &[FactorSpread]) -> Vec<&FactorSpread> {
    let mut order: Vec<(usize, &FactorSpread)> = spreads
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tally.total() > 0)
        .collect();
    order.sort_by(|(ia, a), (ib, b)| {
        b.split
            .total_cmp(&a.split)
            .then(b.range.cmp(&a.range))
            .then(ia.cmp(ib))
    });
    order.into_iter().map(|(_, s)| s).collect()
}
