//! Gathering a folder of files: a team's assessments and a cohort's change reports, each
//! file counted or set aside with its reason.

#[cfg(not(target_arch = "wasm32"))]
use crate::domain::Model;
use crate::domain::assessment::{Assessment, ChangeReport, partnership_key};
use crate::io::error::FileError;
#[cfg(not(target_arch = "wasm32"))]
use crate::io::load;

use super::{ChangeRecord, Rejection, TeamMember, label};
#[cfg(not(target_arch = "wasm32"))]
use super::{read, read_changes};

/// A team's assessment files: the ones counted and the ones set aside.
///
/// A file is the same as one counted when it is the same file, or has the same export id,
/// or (when neither has an export id) the same readings and name.
///
/// All the files must be of one partnership. Files that leave the partnership out are
/// counted. The team's partnership is the lead's, when given; otherwise the first counted
/// file that names one sets it. Names are compared without regard to case or spacing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Team {
    /// The partnership, once known.
    pub partnership: Option<String>,
    /// The file that named it, when the lead did not.
    pub named_by: Option<String>,
    /// Counted.
    pub accepted: Vec<TeamMember>,
    /// Set aside, each with its reason.
    pub rejected: Vec<Rejection>,
}

impl Team {
    /// A team for this partnership, or for whichever the first named file gives.
    pub fn new(partnership: Option<&str>) -> Self {
        Self {
            partnership: label(partnership),
            ..Self::default()
        }
    }

    /// Checks a file against the team's partnership and the files already counted.
    pub fn offer(&mut self, record: Result<TeamMember, FileError>) {
        let member = match record {
            Ok(member) => member,
            Err(error) => {
                self.rejected.push(Rejection::Broken(error));
                return;
            }
        };
        if let (Some(found), Some(expected)) = (&member.partnership, &self.partnership)
            && partnership_key(found) != partnership_key(expected)
        {
            self.rejected.push(Rejection::OtherPartnership {
                file: member.file,
                found: found.clone(),
                expected: expected.clone(),
                set_by: self.named_by.clone(),
            });
            return;
        }
        if let Some(other) = self.accepted.iter().find(|m| {
            m.file == member.file
                || match (&m.export_id, &member.export_id) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => {
                        m.assessment == member.assessment && m.participant == member.participant
                    }
                    _ => false,
                }
        }) {
            self.rejected.push(Rejection::Duplicate {
                file: member.file,
                other: other.file.clone(),
            });
            return;
        }
        if self.partnership.is_none()
            && let Some(name) = &member.partnership
        {
            self.partnership = Some(name.clone());
            self.named_by = Some(member.file.clone());
        }
        self.accepted.push(member);
    }

    /// The assessments counted.
    pub fn assessments(&self) -> Vec<&Assessment> {
        self.accepted.iter().map(|m| &m.assessment).collect()
    }
}

/// "What changed" files gathered by a course team: the ones counted and the ones set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cohort {
    /// Counted.
    pub accepted: Vec<ChangeRecord>,
    /// Set aside, each with its reason.
    pub rejected: Vec<Rejection>,
}

impl Cohort {
    /// Checks a file against the reports already counted.
    pub fn offer(&mut self, record: Result<ChangeRecord, FileError>) {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                self.rejected.push(Rejection::Broken(error));
                return;
            }
        };
        if let Some(other) = self
            .accepted
            .iter()
            .find(|r| r.file == record.file || r.report == record.report)
        {
            self.rejected.push(Rejection::Duplicate {
                file: record.file,
                other: other.file.clone(),
            });
            return;
        }
        self.accepted.push(record);
    }

    /// The reports counted.
    pub fn reports(&self) -> Vec<&ChangeReport> {
        self.accepted.iter().map(|r| &r.report).collect()
    }
}

/// Gathers assessment files from files and folders (folders are searched for `.ron` files).
#[cfg(not(target_arch = "wasm32"))]
pub fn gather(paths: &[std::path::PathBuf], model: &Model, into: &mut Team) {
    let (files, errors) = load::expand_paths(paths);
    for error in errors {
        into.rejected.push(Rejection::Broken(error));
    }
    for path in files {
        into.offer(read(&path, model));
    }
}

/// Gathers "what changed" files from files and folders.
#[cfg(not(target_arch = "wasm32"))]
pub fn gather_changes(paths: &[std::path::PathBuf], model: &Model, into: &mut Cohort) {
    let (files, errors) = load::expand_paths(paths);
    for error in errors {
        into.rejected.push(Rejection::Broken(error));
    }
    for path in files {
        into.offer(read_changes(&path, model));
    }
}
