//! Loading cases from the binary, from files and from folders.
//!
//! One path for everything: the native dialog, drag and drop, the command line and the
//! `check` command all call [`load_paths`]. In a browser there are no paths: the files the
//! user picks arrive as names and bytes, and [`TextLoad`] checks them a few at a time
//! between frames, through the same checks and the same rule for duplicate ids. Sizes and folder walks are bounded, so a huge
//! file or a folder of thousands of files cannot hang the app.

use std::collections::{BTreeMap, VecDeque};
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[cfg(not(target_arch = "wasm32"))]
use rayon::iter::{IntoParallelIterator as _, ParallelIterator as _};

use crate::domain::{Case, Model};

use walkdir::WalkDir;

use super::attempt_file::{self, AttemptRecord};
use super::case_file::{self, CaseFile};
use super::error::{FileError, Problem, ProblemKind};
use super::locate::{Locator, Place, outer_name};
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

/// The files named, and the `.ron` files in the folders named, in order; with a problem
/// for every path that cannot be read, every folder without case files, and everything
/// passed over in a folder (what it was and why).
///
/// Only ordinary files are taken: a named pipe, device or socket is reported, never
/// opened. Folders are searched [`MAX_FOLDER_DEPTH`] levels down, following linked
/// folders except those that lead back to a folder already being searched, and at most
/// [`MAX_FILES`] case files are taken from each folder named (other files do not count).
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk_folder(path, &mut files, &mut errors);
                if files.len() == before {
                    errors.push(FileError::single(
                        path.display().to_string(),
                        Problem::whole_file(ProblemKind::EmptyFolder),
                    ));
                }
            }
            Ok(meta) => match not_a_file(meta.file_type()) {
                None => files.push(path.clone()),
                Some(what) => errors.push(not_a_file_error(path, what)),
            },
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

/// A file that arrived as bytes rather than a path (the browser's file picker, or a file
/// dropped on the page): its name, and its bytes or why they could not be had.
pub type NamedBytes = (String, Result<Vec<u8>, FileError>);

/// Files that arrived as bytes, checked a few at a time so a page never freezes on a large
/// batch: [`Self::step`] once a frame, then [`Self::finish`]. Names stand in for paths in
/// messages and as each case's origin. The same checks as [`load_paths`]: bytes over
/// [`MAX_CASE_BYTES`] or not UTF-8 are refused, no more than [`MAX_FILES`] files are taken
/// (the rest are named in one problem), and the first file to give a case id keeps it.
/// Like files named on the desktop, a file is checked whatever its name ends in.
pub struct TextLoad {
    pending: VecDeque<NamedBytes>,
    checked: Vec<(PathBuf, Result<Found, Unread>)>,
    errors: Vec<FileError>,
}

impl TextLoad {
    /// A load of these files, none checked yet.
    pub fn new(files: Vec<NamedBytes>) -> Self {
        let mut errors = Vec::new();
        let mut pending = VecDeque::new();
        for (name, bytes) in files {
            if pending.len() == MAX_FILES {
                errors.push(FileError::single(
                    name,
                    Problem::whole_file(ProblemKind::TooManyFiles { limit: MAX_FILES }),
                ));
                break;
            } else {
                pending.push_back((name, bytes));
            }
        }
        Self {
            pending,
            checked: Vec::new(),
            errors,
        }
    }

    /// Checks up to `files` more files; returns whether every file has been checked.
    pub fn step(&mut self, model: &Model, files: usize) -> bool {
        for _ in 0..files {
            let Some((name, bytes)) = self.pending.pop_front() else {
                break;
            };
            let found = match bytes.and_then(|bytes| decode(bytes, &name)) {
                Err(error) => Err((error, None)),
                Ok(text) => check_text(text, &name, model),
            };
            self.checked.push((PathBuf::from(name), found));
        }
        self.pending.is_empty()
    }

    /// How many files are still to be checked.
    pub fn remaining(&self) -> usize {
        self.pending.len()
    }

    /// What was found: every file not yet checked is checked first.
    pub fn finish(mut self, model: &Model) -> LoadReport {
        self.step(model, usize::MAX);
        assemble(self.errors, self.checked)
    }
}

/// Loads files that arrived as names and bytes, all at once: [`TextLoad`] without slices.
pub fn load_bytes(files: Vec<NamedBytes>, model: &Model) -> LoadReport {
    TextLoad::new(files).finish(model)
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

/// Reads a file as text, refusing large files before reading them, and anything that is
/// not an ordinary file (a named pipe, a device, a socket) before opening it.
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

    if let Some(what) = not_a_file(fs::metadata(path).map_err(read_error)?.file_type()) {
        return Err(not_a_file_error(path, what));
    }
    // Opened without waiting, and looked at again once open: a pipe put in the file's
    // place between the two looks is still refused, not waited on.
    let file = open_without_waiting(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if let Some(what) = not_a_file(meta.file_type()) {
        return Err(not_a_file_error(path, what));
    }
    let size = meta.len();
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

/// Opens a file for reading. On Unix the open never waits: opening a named pipe with no
/// writer would otherwise wait for ever.
fn open_without_waiting(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a path is, in words, when it is not an ordinary file: `None` for a file.
pub fn not_a_file(kind: fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

fn not_a_file_error(path: &Path, what: &'static str) -> FileError {
    FileError::single(
        path.display().to_string(),
        Problem::whole_file(ProblemKind::NotAFile { what }),
    )
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

/// The problem with a file over [`MAX_CASE_BYTES`], refused before it is read.
pub fn too_large(file: &str, size: u64) -> FileError {
    FileError::single(
        file,
        Problem::whole_file(ProblemKind::TooLarge {
            size,
            limit: MAX_CASE_BYTES,
        }),
    )
}

/// Whether a path is named like a case file: it ends in `.ron`, in any case.
fn is_case_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
}

/// Finds the `.ron` files under a folder, sorted by name. Linked folders are followed,
/// except a link back to a folder already being searched; folders deeper than
/// [`MAX_FOLDER_DEPTH`] are not searched, and the first of them is named with a count of
/// the rest. Only case files count towards [`MAX_FILES`].
fn walk_folder(top: &Path, files: &mut Vec<PathBuf>, notes: &mut Vec<FileError>) {
    let note = |path: &Path, kind: ProblemKind| {
        FileError::single(path.display().to_string(), Problem::whole_file(kind))
    };
    let mut found = 0_usize;
    let mut too_deep: Vec<PathBuf> = Vec::new();
    let mut walk = WalkDir::new(top)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(top).to_path_buf();
                if let Some(ancestor) = error.loop_ancestor() {
                    notes.push(note(
                        &path,
                        ProblemKind::LinkLoop {
                            ancestor: ancestor.display().to_string(),
                        },
                    ));
                } else if is_case_name(&path) || fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                    // A broken link or an unreadable folder; other files are not ours.
                    let reason = error
                        .io_error()
                        .map_or_else(|| error.to_string(), ToString::to_string);
                    notes.push(note(&path, ProblemKind::Read { reason }));
                }
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            if entry.depth() > MAX_FOLDER_DEPTH {
                too_deep.push(entry.into_path());
                walk.skip_current_dir();
            }
            continue;
        }
        if !is_case_name(entry.path()) {
            continue;
        }
        if let Some(what) = not_a_file(kind) {
            notes.push(not_a_file_error(entry.path(), what));
            continue;
        }
        if found == MAX_FILES {
            notes.push(note(top, ProblemKind::TooManyFiles { limit: MAX_FILES }));
            break;
        }
        found += 1;
        files.push(entry.into_path());
    }
    if let Some(first) = too_deep.first() {
        notes.push(note(
            first,
            ProblemKind::TooDeep {
                top: top.display().to_string(),
                limit: MAX_FOLDER_DEPTH,
                others: too_deep.len() - 1,
            },
        ));
    }
}
