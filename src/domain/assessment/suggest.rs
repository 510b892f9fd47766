//! Where to start: the suggestion rule, from gaps and named barriers to the factors to
//! work on and the cases that show them present (see the parent module's rules).

use super::super::case::{Case, Verdict};
use super::super::model::{BarrierId, FactorGroup, FactorId, Model};

use super::Assessment;

/// Why a factor is suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A foundation the user did not find present, with their verdict.
    Foundation(Verdict),
    /// A way in that addresses these barriers the user named.
    Barriers(Vec<BarrierId>),
}

/// A place to start, with the cases to read next.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'a> {
    /// The factor.
    pub factor: FactorId,
    /// Why it is suggested.
    pub why: Why,
    /// Cases in which the model reads the factor as Present.
    pub read_next: Vec<&'a Case>,
}

/// The ways in that address a barrier, by the table in the module documentation. Barriers
/// the table does not know get none.
pub fn ways_in_for(barrier: &BarrierId) -> &'static [&'static str] {
    match barrier.as_str() {
        "power-struggles" => &["external-witness"],
        "institutional-inertia" => &["single-data-source", "leadership-beyond-powers"],
        "lack-of-passion-and-time" => &["change-resources"],
        _ => &[],
    }
}

/// Where to start, by the rule in the module documentation.
pub fn suggest<'a>(
    model: &Model,
    assessment: &Assessment,
    cases: &[&'a Case],
) -> Vec<Suggestion<'a>> {
    let read_next = |factor: &FactorId| -> Vec<&'a Case> {
        cases
            .iter()
            .copied()
            .filter(|c| {
                c.answer(factor)
                    .is_some_and(|a| a.verdict == Verdict::Present)
            })
            .collect()
    };
    let mut out = Vec::new();
    for band in [Verdict::Missing, Verdict::Partly, Verdict::CantTell] {
        for factor in model.group(FactorGroup::Foundation) {
            if assessment.verdict(&factor.id) == Some(band) {
                out.push(Suggestion {
                    factor: factor.id.clone(),
                    why: Why::Foundation(band),
                    read_next: read_next(&factor.id),
                });
            }
        }
    }
    let ways = model
        .group(FactorGroup::WayIn)
        .filter(|factor| assessment.verdict(&factor.id) != Some(Verdict::Present))
        .filter_map(|factor| {
            let barriers: Vec<BarrierId> = assessment
                .barriers
                .keys()
                .filter(|b| ways_in_for(b).contains(&factor.id.as_str()))
                .cloned()
                .collect();
            (!barriers.is_empty()).then(|| Suggestion {
                factor: factor.id.clone(),
                why: Why::Barriers(barriers),
                read_next: read_next(&factor.id),
            })
        });
    out.extend(ways);
    out
}
