//! Warnings for case authors: things that load but that a trainer would want to fix.
//!
//! - a factor answered Present, Partly or Missing with no evidence;
//! - (with [`built_in_id`]) a case with the id of a case built into the app;
//! - a passage of case fact no answer cites (`role: Context` passages cannot be cited);
//! - a source no passage cites;
//! - a very long passage;
//! - a case with no discussion questions;
//! - in cases for all grades, paragraphs that read far above plain English.

use std::collections::BTreeSet;
use std::path::Path;

use crate::domain::{Audience, Case, Model, PassageRole, Verdict};

use super::error::Position;
use super::load::{CaseOrigin, LoadedCase};
use super::locate::{Locator, Place};

/// Words in a passage above which it is hard to cite as one piece of evidence.
pub const LONG_PASSAGE_WORDS: usize = 120;
/// Flesch–Kincaid grade above which an all-grades paragraph is far from plain English.
/// GOV.UK content aims for a reading age of about 9 (grade 4); grade 16 is a university
/// graduate, which is "far above". Names of organisations push scores up, so the bar is
/// set high to catch the paragraphs that really need rewriting.
pub const PLAIN_ENGLISH_GRADE: f64 = 16.0;

/// What a warning is about.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WarningKind {
    /// Present, Partly or Missing, but no passage cited.
    #[error(
        "The answer for \"{factor}\" is {verdict} but cites no evidence. Add the passages that show it, so trainees can see why."
    )]
    NoEvidence {
        /// The factor id.
        factor: String,
        /// The verdict.
        verdict: Verdict,
    },
    /// A passage no answer cites.
    #[error(
        "No answer cites the passage \"{passage}\". Cite it as evidence for a factor, or cut it if it does not help the case."
    )]
    UncitedPassage {
        /// The passage id.
        passage: String,
    },
    /// A source no passage cites.
    #[error(
        "No passage cites the source \"{source_id}\". Cite it from the passages it supports, or remove it."
    )]
    UnusedSource {
        /// The source id.
        source_id: String,
    },
    /// A very long passage.
    #[error(
        "The passage \"{passage}\" is {words} words long. Split it: passages of one to three sentences are easier to cite."
    )]
    LongPassage {
        /// The passage id.
        passage: String,
        /// Its length in words.
        words: usize,
    },
    /// No discussion questions.
    #[error(
        "The case has no discussion questions. Add three or more to 'questions' for facilitators."
    )]
    NoQuestions,
    /// The case has the id of a case built into the app.
    #[error(
        "The case id \"{id}\" is the id of the built-in case \"{title}\". Opened in the app, this file replaces that case, and work saved on it is shown against this text. Give the case its own id, unless it is a new version of that case."
    )]
    BuiltInId {
        /// The id.
        id: String,
        /// The built-in case's title.
        title: String,
    },
    /// A paragraph far above plain English, in a case for all grades.
    #[error(
        "The passage \"{passage}\" reads at about school grade {grade:.0}, far above plain English for an all-grades seminar. Use shorter sentences and everyday words."
    )]
    HardToRead {
        /// The passage id.
        passage: String,
        /// Its Flesch–Kincaid grade.
        grade: f64,
    },
}

/// A warning, placed in the file when possible.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// Where it is.
    pub position: Option<Position>,
    /// What it is about.
    pub kind: WarningKind,
}

/// A warning when a case from `path` has the id of a built-in case, unless the file is
/// that built-in case's own file in `scenarios/`.
pub fn built_in_id(
    case: &Case,
    path: &Path,
    text: &str,
    built_in: &[LoadedCase],
) -> Option<Warning> {
    let same = built_in.iter().find(|b| b.case.id == case.id)?;
    if let CaseOrigin::Bundled(name) = same.origin {
        let own_file = path.file_name().is_some_and(|n| n == name)
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == "scenarios");
        if own_file {
            return None;
        }
    }
    Some(Warning {
        position: Locator::new(text).find(&Place::Field("id")),
        kind: WarningKind::BuiltInId {
            id: case.id.to_string(),
            title: same.case.title.clone(),
        },
    })
}

/// The warnings for a valid case, given the text it was read from.
pub fn lint(case: &Case, model: &Model, text: &str) -> Vec<Warning> {
    let locator = Locator::new(text);
    let mut warnings = Vec::new();
    let mut warn = |place: Place<'_>, kind: WarningKind| {
        warnings.push(Warning {
            position: locator.find(&place),
            kind,
        });
    };

    for factor in &model.factors {
        if let Some(answer) = case.answer(&factor.id)
            && matches!(
                answer.verdict,
                Verdict::Present | Verdict::Partly | Verdict::Missing
            )
            && answer.evidence.is_empty()
        {
            warn(
                Place::Keyed {
                    within: Some("answers"),
                    key: "factor",
                    value: factor.id.as_str(),
                    nth: 0,
                },
                WarningKind::NoEvidence {
                    factor: factor.id.to_string(),
                    verdict: answer.verdict,
                },
            );
        }
    }

    let cited: BTreeSet<&str> = case
        .answers
        .iter()
        .flat_map(|a| a.evidence.iter().map(crate::domain::PassageId::as_str))
        .collect();
    let all_grades = case.audience.contains(&Audience::AllGrades);
    for passage in case.passages() {
        let place = || Place::Keyed {
            within: Some("sections"),
            key: "id",
            value: passage.id.as_str(),
            nth: 0,
        };
        if passage.role == PassageRole::Fact && !cited.contains(passage.id.as_str()) {
            warn(
                place(),
                WarningKind::UncitedPassage {
                    passage: passage.id.to_string(),
                },
            );
        }
        let words = passage.text.split_whitespace().count();
        if words > LONG_PASSAGE_WORDS {
            warn(
                place(),
                WarningKind::LongPassage {
                    passage: passage.id.to_string(),
                    words,
                },
            );
        }
        if all_grades && words >= 8 {
            let grade = textstat::flesch_kincaid_grade(&passage.text);
            if grade > PLAIN_ENGLISH_GRADE {
                warn(
                    place(),
                    WarningKind::HardToRead {
                        passage: passage.id.to_string(),
                        grade,
                    },
                );
            }
        }
    }

    let used: BTreeSet<&str> = case
        .passages()
        .flat_map(|p| p.sources.iter().map(crate::domain::SourceId::as_str))
        .collect();
    for source in &case.sources {
        if !used.contains(source.id.as_str()) {
            warn(
                Place::Keyed {
                    within: Some("sources"),
                    key: "id",
                    value: source.id.as_str(),
                    nth: 0,
                },
                WarningKind::UnusedSource {
                    source_id: source.id.to_string(),
                },
            );
        }
    }

    if case.questions.is_empty() {
        warn(Place::Field("id"), WarningKind::NoQuestions);
    }
    warnings.sort_by_key(|w| w.position);
    warnings
}

#[cfg(test)]
mod tests {
    use super::{WarningKind, lint};
    use crate::domain::{PassageId, PassageRole};
    use crate::io::{builtin_model, parse_case};

    /// The example case with one more passage, marked as the author's framing.
    fn with_context_passage() -> String {
        include_str!("../../docs/example-case.ron").replace(
            "                    id: \"daughter-asks\",",
            "                    id: \"framing\",\n                    text: \"Miles calls this a want of common purpose.\",\n                    role: Context,\n                ),\n                Passage(\n                    id: \"daughter-asks\",",
        )
    }

    #[test]
    fn a_context_passage_keeps_its_role_and_is_not_asked_to_be_cited() {
        let model = builtin_model().unwrap();
        let text = with_context_passage();
        let case = parse_case(&text, "framed.ron", &model).unwrap();
        let role = |id: &str| {
            case.passages()
                .find(|p| p.id == PassageId::new(id))
                .map(|p| p.role)
        };
        assert_eq!(role("framing"), Some(PassageRole::Context));
        assert_eq!(role("daughter-asks"), Some(PassageRole::Fact));
        let uncited: Vec<String> = lint(&case, &model, &text)
            .into_iter()
            .filter_map(|w| match w.kind {
                WarningKind::UncitedPassage { passage } => Some(passage),
                _ => None,
            })
            .collect();
        assert!(!uncited.contains(&"framing".to_owned()), "{uncited:?}");
    }
}
