//! Reading one file as text: only an ordinary file, never waited on, and never more than
//! [`MAX_CASE_BYTES`] read.

use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::{MAX_CASE_BYTES, decode, too_large};
use crate::io::error::{FileError, Problem, ProblemKind};

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

/// The problem with a path that is not an ordinary file.
pub(super) fn not_a_file_error(path: &Path, what: &'static str) -> FileError {
    FileError::single(
        path.display().to_string(),
        Problem::whole_file(ProblemKind::NotAFile { what }),
    )
}
