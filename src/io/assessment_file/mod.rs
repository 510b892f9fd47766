//! Files for "Your own collaboration": the assessment file a team member exports for the
//! team's view, and the "what changed" file a leader sends to a course team. Each has a
//! format number, is read with positioned, plain-English errors, and is gathered from a
//! folder with a reason for each file set aside. The formats are documented in
//! docs/assessments.md.
//!
//! An assessment file, anonymous unless the member adds a name, and without the
//! partnership's name unless they choose to include it:
//!
//! ```ron
//! Assessment(
//!     format: 1,
//!     participant: "Sam",                      // optional
//!     partnership: "Riverside discharge",      // optional
//!     made_on: "2026-12-01",
//!     factors: {
//!         "common-purpose": Reading(verdict: Partly, confidence: High, evidence: "Each board has its own targets."),
//!     },
//!     barriers: {
//!         "power-struggles": "The trust and the council argue about who chairs.",
//!     },
//! )
//! ```
//!
//! A "what changed" file, with who each action was with, what got in the way and the
//! notes only when the leader ticks them in:
//!
//! ```ron
//! Changes(
//!     format: 1,
//!     made_on: "2026-12-01",
//!     actions: [
//!         Action(factor: "relationships", what: "Meet the council lead monthly", look_back: "2027-01-05", outcome: Done, changed: "Problems are settled on the phone."),
//!     ],
//!     moved: [Moved(factor: "relationships", before: Partly, after: Present)],
//! )
//! ```

use chrono::NaiveDate;
use std::collections::BTreeMap;

use crate::domain::assessment::{Assessment, FactorReading};
use crate::domain::{BarrierId, Confidence, FactorId, Model, Verdict};

use super::error::{FileError, Problem, ProblemKind};
#[cfg(not(target_arch = "wasm32"))]
use super::load;
use super::locate::{self, Locator, Place};
use super::ron_text;

mod changes;
mod gather;

#[cfg(not(target_arch = "wasm32"))]
pub use changes::read_changes;
pub use changes::{ChangeRecord, changes_to_text, parse_changes};
pub use gather::{Cohort, Team};
#[cfg(not(target_arch = "wasm32"))]
pub use gather::{gather, gather_changes};

/// The assessment file format this build reads and writes.
pub const FORMAT: u32 = 1;
/// The "what changed" file format this build reads and writes.
pub const CHANGES_FORMAT: u32 = 1;

/// How dates are written in these files.
const DATE: &str = "%Y-%m-%d";

/// An assessment file as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Assessment", deny_unknown_fields)]
struct AssessmentFile {
    format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partnership: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    export_id: Option<String>,
    made_on: String,
    #[serde(default)]
    factors: BTreeMap<String, Reading>,
    #[serde(default)]
    barriers: BTreeMap<String, String>,
}

/// One factor's reading, as written.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Reading", default, deny_unknown_fields)]
struct Reading {
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<Confidence>,
    #[serde(skip_serializing_if = "String::is_empty")]
    evidence: String,
}

/// A team member's assessment, read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMember {
    /// Their readings and barriers. Its partnership is empty when the file gives none; it
    /// has no plan and no notes, which are never exported.
    pub assessment: Assessment,
    /// A name or label they chose to give; anonymous when `None`.
    pub participant: Option<String>,
    /// The partnership's name, if they chose to include it.
    pub partnership: Option<String>,
    /// What tells this export apart from another with the same readings, when given.
    pub export_id: Option<String>,
    /// Where it came from.
    pub file: String,
}

/// Why a file was set aside.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// The file could not be read, is not an ordinary file, is of another format or kind,
    /// or has mistakes in it.
    #[error("{0}")]
    Broken(FileError),
    /// The same assessment or report was already counted.
    #[error("{file}: this is the same as {other}, which is already counted.")]
    Duplicate {
        /// The file.
        file: String,
        /// The file already counted.
        other: String,
    },
    /// The assessment is of a different partnership.
    #[error(
        "{file}: this assessment is of \"{found}\", not \"{expected}\"{}. Import it with that partnership's team.",
        set_by.as_ref().map(|f| format!(" (the partnership named in {f})")).unwrap_or_default()
    )]
    OtherPartnership {
        /// The file.
        file: String,
        /// Its partnership.
        found: String,
        /// The team's partnership.
        expected: String,
        /// The file that named the team's partnership, when the lead did not.
        set_by: Option<String>,
    },
}

/// The kind of reason a file was set aside, for counting and for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SetAside {
    /// Not an ordinary file: a folder, a named pipe, a device.
    NotAFile,
    /// A format this version does not read.
    WrongFormat,
    /// Unreadable, another kind of file, or mistakes in it.
    Broken,
    /// Already counted.
    Duplicate,
    /// Of another partnership.
    OtherPartnership,
}

impl Rejection {
    /// What kind of reason it is.
    pub fn reason(&self) -> SetAside {
        match self {
            Self::Broken(error) => {
                let has =
                    |test: fn(&ProblemKind) -> bool| error.problems.iter().any(|p| test(&p.kind));
                if has(|k| matches!(k, ProblemKind::NotAFile { .. })) {
                    SetAside::NotAFile
                } else if has(|k| matches!(k, ProblemKind::UnsupportedFormat { .. })) {
                    SetAside::WrongFormat
                } else {
                    SetAside::Broken
                }
            }
            Self::Duplicate { .. } => SetAside::Duplicate,
            Self::OtherPartnership { .. } => SetAside::OtherPartnership,
        }
    }

    /// The file set aside.
    pub fn file(&self) -> &str {
        match self {
            Self::Broken(error) => &error.file,
            Self::Duplicate { file, .. } | Self::OtherPartnership { file, .. } => file,
        }
    }
}

/// What a member chooses to put in their assessment file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Export<'a> {
    /// A name or label; anonymous when `None`.
    pub participant: Option<&'a str>,
    /// Include the partnership's name.
    pub partnership: bool,
    /// Tells this export apart from a teammate's with the same readings: the app gives the
    /// moment of saving, such as "2026-12-01T10:31:05". Without one, two files with the
    /// same readings and no names count as one.
    pub export_id: Option<&'a str>,
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().struct_names(true)
}

fn label(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Writes an assessment as the text of an assessment file: the readings and barriers,
/// never the plan or the notes. An error here means nothing should be written.
pub fn to_text(assessment: &Assessment, export: Export<'_>) -> Result<String, ron::Error> {
    let file = AssessmentFile {
        format: FORMAT,
        participant: label(export.participant),
        partnership: if export.partnership {
            label(Some(&assessment.partnership))
        } else {
            None
        },
        export_id: label(export.export_id),
        made_on: assessment.made_on.format(DATE).to_string(),
        factors: assessment
            .factors
            .iter()
            .filter(|(_, r)| !r.is_blank())
            .map(|(k, r)| {
                (
                    k.to_string(),
                    Reading {
                        verdict: r.verdict,
                        confidence: r.confidence,
                        evidence: r.evidence.clone(),
                    },
                )
            })
            .collect(),
        barriers: assessment
            .barriers
            .iter()
            .map(|(k, how)| (k.to_string(), how.clone()))
            .collect(),
    };
    ron::ser::to_string_pretty(&file, pretty())
}

/// The kinds of file the app reads, by the name their text starts with.
const KINDS: [(&str, &str, &str); 5] = [
    ("Case", "a case file", "Open it in the library."),
    ("Attempt", "an attempt file", "Import it in a seminar."),
    (
        "Assessment",
        "an assessment file",
        "Import it in the team's view.",
    ),
    (
        "Changes",
        "a \"what changed\" file",
        "Import it in the course team's view.",
    ),
    (
        "Progress",
        "a self-study record",
        "The app keeps it in its data folder; it is not imported.",
    ),
];

/// Parses the text as `T` once it is sure the text is the expected kind of file: a known
/// kind of another name is refused in words, not as a syntax error.
fn parse_kind<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    expected: &str,
    format: u32,
) -> Result<T, FileError> {
    let outer = locate::outer_name(text);
    if let Some(outer) = outer
        && outer != expected
        && let Some((_, found, hint)) = KINDS.iter().find(|(name, _, _)| *name == outer)
    {
        let wanted = KINDS
            .iter()
            .find(|(name, _, _)| *name == expected)
            .map_or("this kind of file", |(_, what, _)| *what);
        return Err(FileError::single(
            file,
            Problem::new(
                Locator::new(text).find(&Place::Start),
                ProblemKind::WrongKind {
                    found,
                    expected: wanted,
                    hint,
                },
            ),
        ));
    }
    ron_text::parse_format(text, format).map_err(|problem| FileError::single(file, problem))
}

/// Collects problems, placing each in the text only when one is found.
struct Problems<'t> {
    text: &'t str,
    locator: Option<Locator<'t>>,
    found: Vec<Problem>,
}

impl<'t> Problems<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            locator: None,
            found: Vec::new(),
        }
    }

    fn add(&mut self, place: &Place<'_>, kind: ProblemKind) {
        let text = self.text;
        let at = self
            .locator
            .get_or_insert_with(|| Locator::new(text))
            .find(place);
        self.found.push(Problem::new(at, kind));
    }

    fn format(&mut self, found: u32, supported: u32) {
        if found != supported {
            self.add(
                &Place::Field("format"),
                ProblemKind::UnsupportedFormat { found, supported },
            );
        }
    }

    fn date(&mut self, value: &str, field: &'static str, place: &Place<'_>) -> NaiveDate {
        NaiveDate::parse_from_str(value.trim(), DATE).unwrap_or_else(|_| {
            self.add(
                place,
                ProblemKind::BadDate {
                    field,
                    value: value.to_owned(),
                },
            );
            NaiveDate::default()
        })
    }

    fn finish<T>(mut self, file: &str, value: T) -> Result<T, FileError> {
        if self.found.is_empty() {
            return Ok(value);
        }
        self.found.sort_by_key(|p| p.position);
        Err(FileError {
            file: file.to_owned(),
            problems: self.found,
        })
    }
}

fn known_factors(model: &Model) -> String {
    let known: Vec<&str> = model.factors.iter().map(|f| f.id.as_str()).collect();
    known.join(", ")
}

fn unknown_factor(model: &Model, factor: &str) -> ProblemKind {
    ProblemKind::UnknownFactor {
        factor: factor.to_owned(),
        known: known_factors(model),
    }
}

/// Parses assessment text. Factor and barrier ids must belong to the model.
pub fn parse(text: &str, file: &str, model: &Model) -> Result<TeamMember, FileError> {
    let parsed: AssessmentFile = parse_kind(text, file, "Assessment", FORMAT)?;
    let mut problems = Problems::new(text);
    problems.format(parsed.format, FORMAT);
    let made_on = problems.date(&parsed.made_on, "made_on", &Place::Field("made_on"));
    let mut factors = BTreeMap::new();
    for (factor, reading) in parsed.factors {
        let id = FactorId::new(factor.clone());
        if model.factor(&id).is_none() {
            problems.add(
                &Place::ValueIn {
                    owner: Box::new(Place::Start),
                    field: "factors",
                    value: &factor,
                    nth: 0,
                },
                unknown_factor(model, &factor),
            );
        } else {
            factors.insert(
                id,
                FactorReading {
                    verdict: reading.verdict,
                    confidence: reading.confidence,
                    evidence: reading.evidence,
                },
            );
        }
    }
    let mut barriers = BTreeMap::new();
    for (barrier, how) in parsed.barriers {
        let id = BarrierId::new(barrier.clone());
        if model.barrier(&id).is_none() {
            let known: Vec<&str> = model.barriers.iter().map(|b| b.id.as_str()).collect();
            problems.add(
                &Place::ValueIn {
                    owner: Box::new(Place::Start),
                    field: "barriers",
                    value: &barrier,
                    nth: 0,
                },
                ProblemKind::UnknownBarrier {
                    barrier: barrier.clone(),
                    known: known.join(", "),
                },
            );
        } else {
            barriers.insert(id, how);
        }
    }
    let partnership = label(parsed.partnership.as_deref());
    let member = TeamMember {
        assessment: Assessment {
            partnership: partnership.clone().unwrap_or_default(),
            made_on,
            factors,
            barriers,
            plan: Vec::new(),
            notes: String::new(),
        },
        participant: label(parsed.participant.as_deref()),
        partnership,
        export_id: label(parsed.export_id.as_deref()),
        file: file.to_owned(),
    };
    problems.finish(file, member)
}

/// Reads an assessment file, bounded in size like case files.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(path: &std::path::Path, model: &Model) -> Result<TeamMember, FileError> {
    let text = load::read_text(path)?;
    parse(&text, &path.display().to_string(), model)
}
