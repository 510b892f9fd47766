//! For `check`: assessment files and "what changed" files among the paths named, told
//! apart from cases by the name their text starts with (`Assessment(`, `Changes(`) and
//! checked by their own loaders in [`super::assessment_file`], with positioned errors. The
//! rest are left to [`super::load_paths`], which checks cases and attempt files.

use std::path::PathBuf;

use crate::domain::Model;

use super::assessment_file::{self, ChangeRecord, TeamMember};
use super::error::FileError;
use super::load;
use super::locate::outer_name;

/// What the paths given to `check` hold, by kind.
#[derive(Debug, Default)]
pub struct Sorted {
    /// Files for the case loader: cases, attempt files, and anything else (which that
    /// loader reports as it always has).
    pub others: Vec<PathBuf>,
    /// Problems with the paths themselves: folders too deep or too full, not files.
    pub path_errors: Vec<FileError>,
    /// Assessment files that passed.
    pub assessments: Vec<TeamMember>,
    /// "What changed" files that passed.
    pub changes: Vec<ChangeRecord>,
    /// Assessment and "what changed" files with problems.
    pub errors: Vec<FileError>,
}

/// Walks the paths (as the case loader does) and checks every assessment and "what
/// changed" file among them. A file that cannot be read is left for the case loader, which
/// says why.
pub fn sort(paths: &[PathBuf], model: &Model) -> Sorted {
    let (files, path_errors) = load::expand_paths(paths);
    let mut sorted = Sorted {
        path_errors,
        ..Sorted::default()
    };
    for path in files {
        let Ok(text) = load::read_text(&path) else {
            sorted.others.push(path);
            continue;
        };
        let label = path.display().to_string();
        match outer_name(&text) {
            Some("Assessment") => match assessment_file::parse(&text, &label, model) {
                Ok(member) => sorted.assessments.push(member),
                Err(error) => sorted.errors.push(error),
            },
            Some("Changes") => match assessment_file::parse_changes(&text, &label, model) {
                Ok(record) => sorted.changes.push(record),
                Err(error) => sorted.errors.push(error),
            },
            _ => sorted.others.push(path),
        }
    }
    sorted
}
