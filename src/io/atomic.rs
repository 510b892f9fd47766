//! Writing files so that a crash never leaves a half-written one: write a temporary file
//! in the same folder, flush and sync it, then move it into place.

use std::io::Write as _;
use std::path::Path;

/// Writes the bytes to a temporary file in the same folder as `path`, flushed and synced to
/// disk, ready to be moved into place.
fn synced_temp(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Writes a new file atomically. Fails, leaving nothing behind, if the file exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    synced_temp(path, bytes)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes a file atomically, replacing any file already there.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    synced_temp(path, bytes)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// `folder/stem.ext`, or `folder/stem-2.ext` and so on if that exists, so an export never
/// overwrites an earlier one.
pub fn free_path(folder: &Path, stem: &str, extension: &str) -> std::path::PathBuf {
    let first = folder.join(format!("{stem}.{extension}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem}-{n}.{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
