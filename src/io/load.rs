//! Loading cases from the binary, from files and from folders.
//!
//! One path for everything: the native dialog, drag and drop, the command line and the
//! `check` command all call [`load_paths`]. Sizes and folder walks are bounded, so a huge
//! file or a folder of thousands of files cannot hang the app.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::iter::{IntoParallelIterator as _, ParallelIterator as _};

use crate::domain::{Case, Model};

use super::case_file::{self, CaseFile};
use super::error::{FileError, Problem, ProblemKind};
use super::locate::{Locator, Place};
use super::ron_text;

/// Largest case file read, in bytes. The longest bundled case is under a tenth of this.
pub const MAX_CASE_BYTES: u64 = 1024 * 1024;
/// Most case files read from one folder.
pub const MAX_FILES: usize = 2000;
/// Deepest folder level searched below a folder the user opens.
pub const MAX_FOLDER_DEPTH: usize = 6;

/// Builds the list of bundled cases from file names in `scenarios/`.
macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../scenarios/", $name)))),*]
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
}

/// What a load produced: the good cases, and a problem list for every bad file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Cases that loaded, in path order.
    pub cases: Vec<LoadedCase>,
    /// Files that did not, with what is wrong.
    pub errors: Vec<FileError>,
    /// How many files were looked at.
    pub files_read: usize,
}

/// Parses and checks case text. `file` is the name used in messages.
pub fn parse_case(text: &str, file: &str, model: &Model) -> Result<Case, FileError> {
    let parsed: CaseFile =
        ron_text::parse(text).map_err(|problem| FileError::single(file, problem))?;
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

/// The files named, and the `.ron` files in the folders named, in order; with a problem
/// for every path that cannot be read and every folder without case files.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                collect_folder(path, 0, &mut files, &mut errors);
                if files.len() == before {
                    errors.push(FileError::single(
                        path.display().to_string(),
                        Problem::whole_file(ProblemKind::EmptyFolder),
                    ));
                }
            }
            Ok(_) => files.push(path.clone()),
            Err(error) => errors.push(FileError::single(
                path.display().to_string(),
                Problem::whole_file(ProblemKind::Read {
                    reason: error.to_string(),
                }),
            )),
        }
    }
    (files, errors)
}

/// Loads every case in the given files and folders. Folders are searched for `.ron` files.
///
/// Files are read and checked on all the machine's cores. The results keep the files'
/// order, so when two files give the same case id, the first always wins.
pub fn load_paths(paths: &[PathBuf], model: &Model) -> LoadReport {
    let (files, errors) = expand_paths(paths);
    let loaded: Vec<(PathBuf, Result<Case, FileError>)> = files
        .into_par_iter()
        .map(|path| {
            let label = path.display().to_string();
            let case = read_text(&path).and_then(|text| parse_case(&text, &label, model));
            (path, case)
        })
        .collect();

    let mut report = LoadReport {
        errors,
        files_read: loaded.len(),
        ..LoadReport::default()
    };
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for (path, loaded) in loaded {
        let label = path.display().to_string();
        match loaded {
            Ok(case) => match ids.get(case.id.as_str()) {
                Some(first) => report.errors.push(id_taken(&path, label, &case, first)),
                None => {
                    ids.insert(case.id.to_string(), label);
                    report.cases.push(LoadedCase {
                        case,
                        origin: CaseOrigin::File(path),
                    });
                }
            },
            Err(error) => report.errors.push(error),
        }
    }
    report
}

/// The problem with a case whose id an earlier file took. The file's text is not kept
/// after it is checked, so it is read again to point at the id; if that fails, the problem
/// is about the whole file.
fn id_taken(path: &Path, label: String, case: &Case, first: &str) -> FileError {
    let position = read_text(path)
        .ok()
        .and_then(|text| Locator::new(&text).find(&Place::Field("id")));
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

/// Reads a file as text, refusing large files before reading them.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let label = path.display().to_string();
    let read_error = |error: std::io::Error| {
        FileError::single(
            label.clone(),
            Problem::whole_file(ProblemKind::Read {
                reason: error.to_string(),
            }),
        )
    };

    let file = fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_CASE_BYTES {
        return Err(too_large(&label, size));
    }
    // The size can change between the check and the read, so the read is bounded too.
    let mut bytes = Vec::new();
    file.take(MAX_CASE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    decode(bytes, &label)
}

/// Case or attempt text from a file's bytes: refused if over [`MAX_CASE_BYTES`] or not
/// UTF-8. `file` is the name used in messages.
pub fn decode(bytes: Vec<u8>, file: &str) -> Result<String, FileError> {
    if bytes.len() as u64 > MAX_CASE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|_| FileError::single(file, Problem::whole_file(ProblemKind::NotText)))
}

fn too_large(file: &str, size: u64) -> FileError {
    FileError::single(
        file,
        Problem::whole_file(ProblemKind::TooLarge {
            size,
            limit: MAX_CASE_BYTES,
        }),
    )
}

/// Finds `.ron` files under a folder, sorted, without following links to folders.
fn collect_folder(
    folder: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    notes: &mut Vec<FileError>,
) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            notes.push(FileError::single(
                folder.display().to_string(),
                Problem::whole_file(ProblemKind::Read {
                    reason: error.to_string(),
                }),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if files.len() >= MAX_FILES {
            notes.push(FileError::single(
                folder.display().to_string(),
                Problem::whole_file(ProblemKind::TooManyFiles { limit: MAX_FILES }),
            ));
            return;
        }
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if depth < MAX_FOLDER_DEPTH {
                collect_folder(&path, depth + 1, files, notes);
            }
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        {
            files.push(path);
        }
    }
}
