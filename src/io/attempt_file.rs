//! Attempt files: one trainee's marks on one version of one case, to hand to a
//! facilitator. Seminar mode gathers them; each is checked against the case and either
//! counted or set aside with a reason.
//!
//! ```ron
//! Attempt(
//!     format: 1,
//!     case: "universal-credit",
//!     case_version: 1,
//!     participant: "Table 3",
//!     marks: {
//!         "common-purpose": (verdict: Partly, confidence: High, evidence: ["white-paper-launch"]),
//!     },
//! )
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::domain::{Attempt, Case, CaseId, FactorId, Mark, Model};

use super::error::{FileError, Problem, ProblemKind};
use super::load;
use super::locate::{Locator, Place};
use super::ron_text;

/// The attempt format this build reads and writes.
pub const FORMAT: u32 = 1;

/// An attempt file as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Attempt", deny_unknown_fields)]
struct AttemptFile {
    format: u32,
    case: String,
    case_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant: Option<String>,
    marks: BTreeMap<String, Mark>,
}

/// An attempt read from a file, with its optional participant label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptRecord {
    /// The marks.
    pub attempt: Attempt,
    /// A name or label the participant chose to give; anonymous when `None`.
    pub participant: Option<String>,
    /// Where it came from.
    pub file: String,
}

/// Why an attempt file was set aside.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// The file could not be read or is not a valid attempt.
    #[error("{0}")]
    Broken(FileError),
    /// The file is for a different case.
    #[error(
        "{file}: this attempt is for the case \"{found}\", not \"{expected}\". Import it in a session on that case."
    )]
    OtherCase {
        /// The file.
        file: String,
        /// Its case id.
        found: CaseId,
        /// The session's case id.
        expected: CaseId,
    },
    /// The file was made against another version of the case.
    #[error(
        "{file}: this attempt was made on version {found} of the case, but the session uses version {expected}. Its marks may not match the text, so it is not counted."
    )]
    OtherVersion {
        /// The file.
        file: String,
        /// Its version.
        found: u32,
        /// The session's version.
        expected: u32,
    },
    /// The same attempt was already counted.
    #[error("{file}: this is the same attempt as {other}, which is already counted.")]
    Duplicate {
        /// The file.
        file: String,
        /// The file already counted.
        other: String,
    },
}

impl Rejection {
    /// The file set aside.
    pub fn file(&self) -> &str {
        match self {
            Self::Broken(error) => &error.file,
            Self::OtherCase { file, .. }
            | Self::OtherVersion { file, .. }
            | Self::Duplicate { file, .. } => file,
        }
    }
}

/// Writes an attempt as the text of an attempt file. An error here means nothing should
/// be written: the caller says so rather than saving an empty file.
pub fn to_text(attempt: &Attempt, participant: Option<&str>) -> Result<String, ron::Error> {
    let file = AttemptFile {
        format: FORMAT,
        case: attempt.case_id.to_string(),
        case_version: attempt.case_version,
        participant: participant.map(str::to_owned),
        marks: attempt
            .marks
            .iter()
            .filter(|(_, m)| !m.is_blank())
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    };
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    ron::ser::to_string_pretty(&file, config)
}

/// Parses attempt text. Factor ids must belong to the model.
pub fn parse(text: &str, file: &str, model: &Model) -> Result<AttemptRecord, FileError> {
    let parsed: AttemptFile =
        ron_text::parse_format(text, FORMAT).map_err(|problem| FileError::single(file, problem))?;
    let mut problems = Vec::new();
    // Read into tokens only when a problem needs placing.
    let mut locator = None;
    let mut place = |place: &Place<'_>| {
        locator
            .get_or_insert_with(|| Locator::new(text))
            .find(place)
    };
    if parsed.format != FORMAT {
        problems.push(Problem::new(
            place(&Place::Field("format")),
            ProblemKind::UnsupportedFormat {
                found: parsed.format,
                supported: FORMAT,
            },
        ));
    }
    let mut marks = BTreeMap::new();
    for (factor, mark) in parsed.marks {
        let id = FactorId::new(factor.clone());
        if model.factor(&id).is_none() {
            let known: Vec<&str> = model.factors.iter().map(|f| f.id.as_str()).collect();
            let at = place(&Place::ValueIn {
                owner: Box::new(Place::Start),
                field: "marks",
                value: &factor,
                nth: 0,
            });
            problems.push(Problem::new(
                at,
                ProblemKind::UnknownFactor {
                    factor,
                    known: known.join(", "),
                },
            ));
        } else {
            marks.insert(id, mark);
        }
    }
    problems.sort_by_key(|p| p.position);
    if !problems.is_empty() {
        return Err(FileError {
            file: file.to_owned(),
            problems,
        });
    }
    Ok(AttemptRecord {
        attempt: Attempt {
            case_id: CaseId::new(parsed.case),
            case_version: parsed.case_version,
            marks,
        },
        participant: parsed
            .participant
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        file: file.to_owned(),
    })
}

/// Reads an attempt file, bounded in size like case files.
pub fn read(path: &Path, model: &Model) -> Result<AttemptRecord, FileError> {
    let text = load::read_text(path)?;
    parse(&text, &path.display().to_string(), model)
}

/// Attempt files gathered for a session: the ones counted and the ones set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    /// Counted.
    pub accepted: Vec<AttemptRecord>,
    /// Set aside, each with its reason.
    pub rejected: Vec<Rejection>,
}

impl Gathered {
    /// Checks a record against the session's case and the attempts already counted.
    pub fn offer(&mut self, record: Result<AttemptRecord, FileError>, case: &Case) {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                self.rejected.push(Rejection::Broken(error));
                return;
            }
        };
        let attempt = &record.attempt;
        if attempt.case_id != case.id {
            self.rejected.push(Rejection::OtherCase {
                file: record.file,
                found: attempt.case_id.clone(),
                expected: case.id.clone(),
            });
        } else if attempt.case_version != case.version {
            self.rejected.push(Rejection::OtherVersion {
                file: record.file,
                found: attempt.case_version,
                expected: case.version,
            });
        } else if let Some(other) = self.accepted.iter().find(|a| {
            a.file == record.file
                || (a.attempt == record.attempt && a.participant == record.participant)
        }) {
            self.rejected.push(Rejection::Duplicate {
                file: record.file,
                other: other.file.clone(),
            });
        } else {
            self.accepted.push(record);
        }
    }
}

impl Gathered {
    /// Takes a file again from a watched folder: a trainee saved it anew. It replaces what
    /// was counted or set aside from the same file before, so a changed mind counts once;
    /// a file saved again unchanged changes nothing.
    pub fn refresh(&mut self, record: Result<AttemptRecord, FileError>, case: &Case) {
        let file = match &record {
            Ok(record) => record.file.clone(),
            Err(error) => error.file.clone(),
        };
        if let Ok(new) = &record
            && self.accepted.iter().any(|a| {
                a.file == file && a.attempt == new.attempt && a.participant == new.participant
            })
        {
            return;
        }
        self.accepted.retain(|a| a.file != file);
        self.rejected.retain(|r| r.file() != file);
        self.offer(record, case);
    }
}

/// Gathers attempt files from files and folders (folders are searched for `.ron` files).
pub fn gather(paths: &[PathBuf], case: &Case, model: &Model, into: &mut Gathered) {
    for record in read_all(paths, model) {
        into.offer(record, case);
    }
}

/// Reads attempt files from files and folders (folders are searched for `.ron` files):
/// each file's record, or why it could not be read. [`Gathered::offer`] then checks each
/// against the seminar, with no file read again.
pub fn read_all(paths: &[PathBuf], model: &Model) -> Vec<Result<AttemptRecord, FileError>> {
    let (files, errors) = load::expand_paths(paths);
    errors
        .into_iter()
        .map(Err)
        .chain(files.iter().map(|path| read(path, model)))
        .collect()
}
