//! Gathering the files named and the case files in the folders named: bounded in depth
//! and in number, following linked folders but never round a loop.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::read::not_a_file_error;
use super::{MAX_FILES, MAX_FOLDER_DEPTH, not_a_file};
use crate::io::error::{FileError, Problem, ProblemKind};

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
