//! Views across the whole casebook: which cases teach which factor, and filters a
//! facilitator uses to find a case for a session.

use super::case::{Audience, Case, Verdict};
use super::model::{FactorId, Model};

/// A length band for finding a case that fits a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Length {
    /// 20 minutes or less: a short seminar slot.
    Short,
    /// 21 to 45 minutes.
    Medium,
    /// More than 45 minutes: a full module session.
    Long,
}

impl Length {
    /// Every band, shortest first.
    pub const ALL: [Self; 3] = [Self::Short, Self::Medium, Self::Long];

    /// The band a case of this many minutes falls in.
    pub fn of(minutes: u32) -> Self {
        match minutes {
            0..=20 => Self::Short,
            21..=45 => Self::Medium,
            _ => Self::Long,
        }
    }

    /// Words for the band.
    pub fn label(self) -> &'static str {
        match self {
            Self::Short => "20 minutes or less",
            Self::Medium => "21 to 45 minutes",
            Self::Long => "Over 45 minutes",
        }
    }
}

/// What a facilitator is looking for. `None` means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Only cases for this audience.
    pub audience: Option<Audience>,
    /// Only cases of this length.
    pub length: Option<Length>,
}

impl CaseFilter {
    /// Whether a case passes the filter.
    pub fn accepts(&self, case: &Case) -> bool {
        self.audience.is_none_or(|a| case.audience.contains(&a))
            && self.length.is_none_or(|l| Length::of(case.minutes) == l)
    }
}

/// The cases in which the model reads a factor one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorCoverage<'a> {
    /// The factor.
    pub factor: &'a FactorId,
    /// Cases where the model reads it as present.
    pub present: Vec<&'a Case>,
    /// Cases where it is partly present.
    pub partly: Vec<&'a Case>,
    /// Cases where it is missing.
    pub missing: Vec<&'a Case>,
}

/// For each factor of the model, in order, the cases that show it present, partly present
/// and missing. Contested answers count under the model's verdict. Cases keep their order.
pub fn coverage<'a>(model: &'a Model, cases: &[&'a Case]) -> Vec<FactorCoverage<'a>> {
    model
        .factors
        .iter()
        .map(|factor| {
            let mut row = FactorCoverage {
                factor: &factor.id,
                present: Vec::new(),
                partly: Vec::new(),
                missing: Vec::new(),
            };
            for case in cases {
                match case.answer(&factor.id).map(|a| a.verdict) {
                    Some(Verdict::Present) => row.present.push(case),
                    Some(Verdict::Partly) => row.partly.push(case),
                    Some(Verdict::Missing) => row.missing.push(case),
                    Some(Verdict::CantTell) | None => {}
                }
            }
            row
        })
        .collect()
}

/// A short name for a case, for column headings: the title up to its first colon or comma.
pub fn short_title(case: &Case) -> &str {
    let cut = case.title.find([':', ',']).unwrap_or(case.title.len());
    case.title.get(..cut).unwrap_or(&case.title).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseKind;
    use crate::domain::fixtures;

    fn model() -> Model {
        fixtures::model(&["a", "b"])
    }

    fn case(
        id: &str,
        title: &str,
        minutes: u32,
        audience: Audience,
        verdicts: [Verdict; 2],
    ) -> Case {
        let mut case = fixtures::case(
            id,
            &[],
            vec![
                fixtures::answer("a", verdicts[0], &[]),
                fixtures::answer("b", verdicts[1], &[]),
            ],
        );
        title.clone_into(&mut case.title);
        case.minutes = minutes;
        case.audience = vec![audience];
        case.kind = CaseKind::Contrast;
        case
    }

    #[test]
    fn length_bands_have_inclusive_upper_bounds() {
        assert_eq!(Length::of(15), Length::Short);
        assert_eq!(Length::of(20), Length::Short);
        assert_eq!(Length::of(21), Length::Medium);
        assert_eq!(Length::of(45), Length::Medium);
        assert_eq!(Length::of(46), Length::Long);
    }

    #[test]
    fn filters_combine_audience_and_length() {
        let short = case(
            "s",
            "Short",
            15,
            Audience::AllGrades,
            [Verdict::Present, Verdict::Missing],
        );
        let long = case(
            "l",
            "Long",
            75,
            Audience::SeniorLeaders,
            [Verdict::Missing, Verdict::CantTell],
        );
        let any = CaseFilter::default();
        assert!(any.accepts(&short) && any.accepts(&long));
        let senior = CaseFilter {
            audience: Some(Audience::SeniorLeaders),
            length: None,
        };
        assert!(!senior.accepts(&short) && senior.accepts(&long));
        let senior_short = CaseFilter {
            length: Some(Length::Short),
            ..senior
        };
        assert!(!senior_short.accepts(&short) && !senior_short.accepts(&long));
    }

    #[test]
    fn coverage_lists_cases_by_the_model_verdict_in_order() {
        let model = model();
        let one = case(
            "one",
            "One: first",
            15,
            Audience::AllGrades,
            [Verdict::Present, Verdict::Missing],
        );
        let two = case(
            "two",
            "Two, second",
            30,
            Audience::AllGrades,
            [Verdict::Present, Verdict::CantTell],
        );
        let three = case(
            "three",
            "Three",
            30,
            Audience::AllGrades,
            [Verdict::Partly, Verdict::Present],
        );
        let rows = coverage(&model, &[&one, &two, &three]);
        let ids = |cases: &[&Case]| {
            cases
                .iter()
                .map(|c| c.id.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(rows[0].factor.as_str(), "a");
        assert_eq!(ids(&rows[0].present), ["one", "two"]);
        assert_eq!(ids(&rows[0].partly), ["three"]);
        assert!(rows[0].missing.is_empty());
        assert_eq!(ids(&rows[1].present), ["three"]);
        assert_eq!(ids(&rows[1].missing), ["one"]);
        assert_eq!(short_title(&one), "One");
        assert_eq!(short_title(&two), "Two");
        assert_eq!(short_title(&three), "Three");
    }
}
