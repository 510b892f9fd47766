//! Files that arrive as names and bytes rather than paths (a browser's), checked a few at
//! a time; and the limits on a file's bytes that every load applies.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::Found;
use super::{LoadReport, MAX_CASE_BYTES, MAX_FILES, Unread, assemble, check_text};
use crate::domain::Model;
use crate::io::error::{FileError, Problem, ProblemKind};

/// A file that arrived as bytes rather than a path (the browser's file picker, or a file
/// dropped on the page): its name, and its bytes or why they could not be had.
pub type NamedBytes = (String, Result<Vec<u8>, FileError>);

/// Files that arrived as bytes, checked a few at a time so a page never freezes on a large
/// batch: [`Self::step`] once a frame, then [`Self::finish`]. Names stand in for paths in
/// messages and as each case's origin. The same checks as
/// [`load_paths`](super::load_paths): bytes over [`MAX_CASE_BYTES`] or not UTF-8 are
/// refused, no more than [`MAX_FILES`] files are taken (the rest are named in one
/// problem), and the first file to give a case id keeps it.
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
