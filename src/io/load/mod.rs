//! Loading cases from the binary, from files and from folders.
//!
//! One path for everything: the native dialog, drag and drop, the command line and the
//! `check` command all call [`load_paths`]. In a browser there are no paths: the files the
//! user picks arrive as names and bytes, and [`TextLoad`] checks them a few at a time
//! between frames, through the same checks and the same rule for duplicate ids. Sizes and folder walks are bounded, so a huge
//! file or a folder of thousands of files cannot hang the app.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

#[cfg(not(target_arch = "wasm32"))]
use rayon::iter::{IntoParallelIterator as _, ParallelIterator as _};

use crate::domain::{Case, Model};

use super::attempt_file::{self, AttemptRecord};
use super::case_file::{self, CaseFile};
use super::error::{FileError, Problem, ProblemKind};
use super::locate::{Locator, Place, outer_name};
use super::ron_text;

mod bytes;
mod folders;
mod read;

pub use bytes::{NamedBytes, TextLoad, decode, load_bytes, too_large};
pub use folders::expand_paths;
pub use read::{not_a_file, read_text};

/// Largest case file read, in bytes. The longest bundled case is under a tenth of this.
pub const MAX_CASE_BYTES: u64 = 1024 * 1024;
/// Most case files read from one folder.
pub const MAX_FILES: usize = 2000;
/// Deepest folder level searched below a folder the user opens.
pub const MAX_FOLDER_DEPTH: usize = 6;

/// Builds the list of bundled cases from file names in `scenarios/`.
macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../scenarios/", $name)))),*]
    };
}

/// The cases built into the app, in library order: file name and text. A test checks that
/// this list and the files in `scenarios/` match.
const BUNDLED: &[(&str, &str)] = bundled![
    "universal-credit.ron",
    "nhs-national-programme-for-it.ron",
    "transforming-rehabilitation.ron",
    "test-and-trace.ron",
    "grenfell-response.ron",
    "virginia-childrens-services.ron",
    "hospital-discharge.ron",
    "school-move.ron",
    "service-canada.ron",
    "supportive-housing-connecticut.ron",
    "jdai-bernalillo.ron",
    "third-parties.ron",
    "unnati-bangalore.ron",
    "college-of-policing.ron",
    "police-and-crime-commissioners.ron",
    "business-compliance-partnerships.ron",
    "defra-outcome-systems.ron",
    "total-place.ron",
    "troubled-families.ron",
    "greater-manchester-health.ron",
    "firecontrol.ron",
];

/// Where a case came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseOrigin {
    /// Built into the app, with its file name in `scenarios/`.
    Bundled(&'static str),
    /// A file the user opened.
    File(PathBuf),
}

impl CaseOrigin {
    /// Words for where the case came from.
    pub fn label(&self) -> String {
        match self {
            Self::Bundled(_) => "Built in".to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }
}

/// A case and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedCase {
    /// The case.
    pub case: Case,
    /// Its origin.
    pub origin: CaseOrigin,
    /// The text it was read from, kept so that warnings and messages that point into the
    /// file never read it again (empty for a case built in code).
    pub text: Arc<str>,
}

/// What a load produced: the good cases, and a problem list for every bad file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Cases that loaded, in path order.
    pub cases: Vec<LoadedCase>,
    /// Files that did not, with what is wrong, and what was passed over and why.
    pub errors: Vec<FileError>,
    /// Attempt files found among the cases, each checked: they are not cases, so they
    /// are kept apart (and imported in a seminar, not opened).
    pub attempts: Vec<AttemptRecord>,
    /// How many files were read (cases and attempt files).
    pub files_read: usize,
    /// The text of each file that was read but had problems, by the name the problems
    /// use: the problems view shows lines from it without reading the file again.
    pub problem_texts: Vec<(String, Arc<str>)>,
}

/// Parses and checks case text. `file` is the name used in messages.
pub fn parse_case(text: &str, file: &str, model: &Model) -> Result<Case, FileError> {
    let parsed: CaseFile = ron_text::parse_format(text, case_file::FORMAT)
        .map_err(|problem| FileError::single(file, problem))?;
    case_file::validate(parsed, model, text).map_err(|problems| FileError {
        file: file.to_owned(),
        problems,
    })
}

/// The cases built into the app.
pub fn bundled_cases(model: &Model) -> LoadReport {
    let mut report = LoadReport::default();
    for (name, text) in BUNDLED {
        report.files_read += 1;
        let label = format!("scenarios/{name}");
        match parse_case(text, &label, model) {
            Ok(case) => report.cases.push(LoadedCase {
                case,
                origin: CaseOrigin::Bundled(name),
                text: Arc::from(*text),
            }),
            Err(error) => report.errors.push(error),
        }
    }
    report
}

/// The file names of the bundled cases, for checking that none is forgotten.
pub fn bundled_file_names() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(name, _)| *name)
}

/// A file that did not give a case: the problem, and its text when it could be read.
type Unread = (FileError, Option<Arc<str>>);

/// What a load found in one file.
enum Found {
    Case(Box<Case>, Arc<str>),
    Attempt(Box<AttemptRecord>),
}

/// Checks one file's text: an attempt file if it starts `Attempt(`, otherwise a case.
/// `label` is the name used in messages.
fn check_text(text: String, label: &str, model: &Model) -> Result<Found, Unread> {
    let text: Arc<str> = Arc::from(text);
    let found = if outer_name(&text) == Some("Attempt") {
        attempt_file::parse(&text, label, model).map(|record| Found::Attempt(Box::new(record)))
    } else {
        parse_case(&text, label, model).map(|case| Found::Case(Box::new(case), Arc::clone(&text)))
    };
    found.map_err(|error| (error, Some(text)))
}

/// Puts checked files together, in order: the first file to give a case id keeps it, and
/// each later one is a problem pointing at its id.
fn assemble(errors: Vec<FileError>, checked: Vec<(PathBuf, Result<Found, Unread>)>) -> LoadReport {
    let mut report = LoadReport {
        errors,
        files_read: checked.len(),
        ..LoadReport::default()
    };
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for (path, loaded) in checked {
        let label = path.display().to_string();
        match loaded {
            Ok(Found::Case(case, text)) => match ids.get(case.id.as_str()) {
                Some(first) => report.errors.push(id_taken(label, &case, &text, first)),
                None => {
                    ids.insert(case.id.to_string(), label);
                    report.cases.push(LoadedCase {
                        case: *case,
                        origin: CaseOrigin::File(path),
                        text,
                    });
                }
            },
            Ok(Found::Attempt(record)) => report.attempts.push(*record),
            Err((error, text)) => {
                if let Some(text) = text {
                    report.problem_texts.push((error.file.clone(), text));
                }
                report.errors.push(error);
            }
        }
    }
    report
}

/// Loads every case in the given files and folders. Folders are searched for `.ron` files.
///
/// Files are read and checked on all the machine's cores (one at a time in a browser, which
/// has no threads; and no files, so there every path is reported as unreadable). The
/// results keep the files' order, so when two files give the same case id, the first
/// always wins. Attempt files (which start `Attempt(`) are checked as attempt files and
/// kept apart from the cases.
pub fn load_paths(paths: &[PathBuf], model: &Model) -> LoadReport {
    let (files, errors) = expand_paths(paths);
    #[cfg(not(target_arch = "wasm32"))]
    let files = files.into_par_iter();
    #[cfg(target_arch = "wasm32")]
    let files = files.into_iter();
    let checked: Vec<(PathBuf, Result<Found, Unread>)> = files
        .map(|path| {
            let label = path.display().to_string();
            let found = match read_text(&path) {
                Err(error) => Err((error, None)),
                Ok(text) => check_text(text, &label, model),
            };
            (path, found)
        })
        .collect();
    assemble(errors, checked)
}

/// The problem with a case whose id an earlier file took, pointing at its id in the text
/// already read.
fn id_taken(label: String, case: &Case, text: &str, first: &str) -> FileError {
    let position = Locator::new(text).find(&Place::Field("id"));
    FileError::single(
        label,
        Problem::new(
            position,
            ProblemKind::CaseIdTaken {
                id: case.id.to_string(),
                other: first.to_owned(),
            },
        ),
    )
}
